//! Criterion benches: construction, and extraction throughput over a corpus assembled from
//! the sample articles at bench time.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use intisari::{Extractor, ExtractorBuilder};

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

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.bench_function("extractor", |b| b.iter(|| black_box(ExtractorBuilder::new().build().unwrap())));
    group.finish();
}

fn extract(c: &mut Criterion) {
    let documents = corpus(4 << 20);
    let bytes: usize = documents.iter().map(String::len).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("all", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(extractor.extract(document));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, build, extract);
criterion_main!(benches);
