//! Many documents at once: a batch and a stream give, in input order, exactly what each
//! document gives alone, and a stream reads its input a bounded window at a time.

use std::sync::atomic::{AtomicUsize, Ordering};

use intisari::{Date, Document, Extractor};

fn samples() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut documents: Vec<Document> = paths
        .iter()
        .map(|path| Document::new(path.display().to_string(), std::fs::read_to_string(path).unwrap()))
        .collect();
    // Some with a date of their own, one empty, one truncated mid-article.
    documents[1].date = Some(Date::constant(2024, 5, 20));
    documents.push(Document::new("empty", ""));
    let cut = documents[0].text.char_indices().nth(700).map_or(0, |(i, _)| i);
    documents.push(Document::new("cut", &documents[0].text[..cut]));
    documents
}

#[test]
fn batch_equals_each_document_alone_in_input_order() {
    let extractor = Extractor::new();
    let documents = samples();
    let alone: Vec<_> = documents.iter().map(|d| extractor.extract_document(d)).collect();
    assert_eq!(extractor.extract_batch(&documents), alone);
    // Repeated documents in one batch, many more than threads.
    let many: Vec<Document> = documents.iter().cycle().take(documents.len() * 7).cloned().collect();
    let expected: Vec<_> = alone.iter().cycle().take(many.len()).cloned().collect();
    assert_eq!(extractor.extract_batch(&many), expected);
}

#[test]
fn stream_equals_batch() {
    let extractor = Extractor::new();
    let documents: Vec<Document> = samples().into_iter().cycle().take(100).collect();
    let streamed: Vec<_> = extractor.extract_stream(documents.clone()).collect();
    assert_eq!(streamed, extractor.extract_batch(&documents));
}

#[test]
fn stream_reads_an_endless_input_a_bounded_window_at_a_time() {
    // Two threads read ahead at most 512 documents or 1 MB each, whatever the machine.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    pool.install(|| {
        let extractor = Extractor::new();
        let template = samples().swap_remove(0);
        let pulled = AtomicUsize::new(0);
        let endless = std::iter::repeat_with(|| {
            let count = pulled.fetch_add(1, Ordering::Relaxed) + 1;
            Document::new(count.to_string(), template.text.clone())
        });
        let mut stream = extractor.extract_stream(endless);
        let first = stream.next().expect("an endless input yields");
        assert_eq!(first.id, "1");
        let window = pulled.load(Ordering::Relaxed);
        let bound = ((2 << 20) / template.text.len() + 1).min(1024);
        assert!((2..=bound).contains(&window), "read {window} documents ahead for the first result");
        // Draining the window reads nothing more; the next result reads one more window.
        for expected in 2..=window {
            assert_eq!(stream.next().unwrap().id, expected.to_string());
        }
        assert_eq!(pulled.load(Ordering::Relaxed), window);
        assert_eq!(stream.next().unwrap().id, (window + 1).to_string());
        assert_eq!(pulled.load(Ordering::Relaxed), 2 * window);
    });
}

#[test]
fn one_extractor_shared_by_many_threads_gives_the_same_results() {
    let extractor = Extractor::new();
    let documents = samples();
    let expected: Vec<_> = documents.iter().map(|d| extractor.extract_document(d)).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|shift| {
                let (extractor, documents) = (&extractor, &documents);
                scope.spawn(move || {
                    let n = documents.len();
                    (0..n)
                        .map(|i| (i + shift) % n)
                        .map(|i| (i, extractor.extract_document(&documents[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            for (i, found) in handle.join().unwrap() {
                assert_eq!(found, expected[i]);
            }
        }
    });
}

#[test]
fn a_thread_reads_each_document_as_if_it_were_its_first() {
    // A thread keeps its buffers between documents, and drops them after a long one:
    // neither may leak anything of one document into the next.
    let extractor = Extractor::new();
    let documents = samples();
    let long = Document::new(
        "long",
        documents.iter().map(|d| d.text.as_str()).cycle().take(600).collect::<Vec<_>>().join("\n\n"),
    );
    assert!(long.text.len() > 1 << 20);
    let fresh =
        |document: &Document| std::thread::scope(|s| s.spawn(|| extractor.extract_document(document)).join().unwrap());
    let order =
        [&documents[0], &long, &documents[2], &documents[documents.len() - 2], &documents[0], &long, &documents[3]];
    let expected: Vec<_> = order.iter().map(|d| fresh(d)).collect();
    let found: Vec<_> = std::thread::scope(|s| {
        s.spawn(|| order.iter().map(|d| extractor.extract_document(d)).collect::<Vec<_>>()).join().unwrap()
    });
    assert_eq!(found, expected);
}

#[test]
fn extraction_works_in_a_thread_local_destructor_after_the_buffers_are_gone() {
    struct ExtractOnDrop;
    impl Drop for ExtractOnDrop {
        fn drop(&mut self) {
            let found = Extractor::new().extract("Presiden tiba di Bali, Senin.");
            assert!(found.entities.iter().any(|e| e.text == "Bali"));
        }
    }
    thread_local!(static GUARD: ExtractOnDrop = const { ExtractOnDrop });
    // The guard is made first, so it is dropped after the extractor's per-thread buffers.
    std::thread::spawn(|| {
        GUARD.with(|_| {});
        Extractor::new().extract("Jakarta");
    })
    .join()
    .unwrap();
}
