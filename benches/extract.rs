//! Criterion benches: construction, and extraction throughput over a corpus assembled from
//! the sample articles at bench time.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};
use intisari::{Document, Extractor, ExtractorBuilder};

/// The sample articles, repeated until the corpus holds at least `bytes` bytes; each
/// element is one document.
fn corpus(bytes: usize) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("data/samples exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let samples: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("sample is UTF-8")).collect();
    assert!(!samples.is_empty(), "no sample articles in {dir}");
    let mut documents = Vec::new();
    let mut total = 0;
    for sample in samples.iter().cycle() {
        if total >= bytes {
            break;
        }
        total += sample.len();
        documents.push(sample.clone());
    }
    documents
}

/// Every canonical name and alias of the built-in gazetteer files, for the baseline.
fn surface_forms() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer");
    let mut forms = Vec::new();
    for entry in std::fs::read_dir(dir).expect("data/gazetteer exists") {
        let path = entry.expect("readable directory entry").path();
        if path.extension().is_none_or(|e| e != "tsv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("gazetteer is UTF-8");
        for line in text.lines().skip(1).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            forms.push(fields[3].to_string());
            forms.extend(fields[6].split('|').filter(|a| !a.is_empty()).map(str::to_string));
        }
    }
    forms
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.bench_function("extractor", |b| b.iter(|| black_box(ExtractorBuilder::new().build().unwrap())));
    group.finish();
}

/// The corpus the throughput benches share: at least 10 MB of articles.
const CORPUS_BYTES: usize = 10 << 20;

fn extract(c: &mut Criterion) {
    let documents = corpus(CORPUS_BYTES);
    let bytes: usize = documents.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    // Each capability alone (article structure always runs), then everything.
    let only = |configure: fn(&mut ExtractorBuilder) -> &mut ExtractorBuilder| {
        let mut builder = ExtractorBuilder::new();
        builder.entities(false).people(false).dates(false).quotes(false);
        configure(&mut builder);
        builder.build().expect("the built-in data is valid")
    };
    let extractors = [
        ("entities", only(|b| b.entities(true))),
        ("people", only(|b| b.people(true))),
        ("dates", only(|b| b.dates(true))),
        ("quotes", only(|b| b.quotes(true))),
        ("all", Extractor::new()),
    ];
    for (name, extractor) in &extractors {
        group.bench_function(*name, |b| {
            b.iter(|| {
                for document in &documents {
                    black_box(extractor.extract(document));
                }
            })
        });
    }
    group.finish();

    // The practical ceiling: the same text scanned once for the same surface forms,
    // case-insensitively, leftmost-longest, with nothing else done.
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(surface_forms())
        .expect("the forms build an automaton");
    let mut group = c.benchmark_group("baseline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("aho-corasick", |b| {
        b.iter(|| {
            let mut matches = 0;
            for document in &documents {
                matches += automaton.find_iter(document.as_str()).count();
            }
            black_box(matches)
        })
    });
    group.finish();

    // The automata the matcher could be built on, each scanning the same lower-cased text
    // for the same lower-cased forms, leftmost-longest (daachorse has no case-insensitive
    // search): the choice between them, measured in one run.
    let lowered: Vec<String> = documents.iter().map(|d| d.to_lowercase()).collect();
    let lowered_bytes: usize = lowered.iter().map(String::len).sum();
    let forms: Vec<String> = surface_forms().iter().map(|f| f.to_lowercase()).collect();
    let mut group = c.benchmark_group("automaton");
    group.throughput(Throughput::Bytes(lowered_bytes as u64));
    group.sample_size(10);
    for (name, kind) in
        [("aho-corasick-nfa", AhoCorasickKind::ContiguousNFA), ("aho-corasick-dfa", AhoCorasickKind::DFA)]
    {
        let automaton = AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&forms)
            .expect("the forms build an automaton");
        group.bench_function(name, |b| {
            b.iter(|| lowered.iter().map(|document| automaton.find_iter(document.as_str()).count()).sum::<usize>())
        });
    }
    // daachorse refuses a pattern given twice; aho-corasick takes the list as it is.
    let mut unique = forms.clone();
    unique.sort();
    unique.dedup();
    let automaton: CharwiseDoubleArrayAhoCorasick<u32> = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(daachorse::MatchKind::LeftmostLongest)
        .build(&unique)
        .expect("the forms build an automaton");
    group.bench_function("daachorse-charwise", |b| {
        b.iter(|| lowered.iter().map(|document| automaton.leftmost_find_iter(document.as_str()).count()).sum::<usize>())
    });
    group.finish();
}

/// The same corpus as one batch on a pool of one thread and of two: the ratio is the
/// parallel speed-up.
fn batch(c: &mut Criterion) {
    let documents: Vec<Document> =
        corpus(CORPUS_BYTES).into_iter().enumerate().map(|(i, text)| Document::new(i.to_string(), text)).collect();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("threads start");
        group.bench_function(format!("{threads}-threads"), |b| {
            b.iter(|| pool.install(|| black_box(extractor.extract_batch(&documents))))
        });
    }
    group.finish();
}

/// One document of 1 MB and one of 10 MB, made of the sample articles joined as
/// paragraphs: the throughputs should match, as cost per byte must not grow with length.
fn scaling(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("length");
    group.sample_size(10);
    for megabytes in [1, 10] {
        let document = corpus(megabytes << 20).join("\n\n");
        group.throughput(Throughput::Bytes(document.len() as u64));
        group
            .bench_function(format!("{megabytes}-MB-document"), |b| b.iter(|| black_box(extractor.extract(&document))));
    }
    group.finish();
}

criterion_group!(benches, build, extract, batch, scaling);
criterion_main!(benches);
