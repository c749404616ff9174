//! Engine speed: one 2,000-word article, throughput on a large mixed document, and growth with
//! length (10 KB, 100 KB, 1 MB) for ordinary news and for pathological inputs.
//!
//! `cargo bench --bench analysis`. The texts are generated here from fictional news paragraphs.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use whosaid::analysis::{analyze, Options};

const PARAGRAPHS: &[&str] = &[
    "The Port Ellery city council on Tuesday voted to close the Harbour Bridge for six months, a decision that is widely seen as the end of a long dispute over its safety.",
    "“We cannot ask families to drive over a bridge we would not trust ourselves,” Mayor Ana Ruiz said after the vote. “The engineers were clear, and so is this council.”",
    "Ruiz told reporters that the city would run a free ferry while the bridge is shut. She added that the repairs had been planned since 2023.",
    "\"It is the right call,\" said Tomas Okafor, the council's chief engineer. \"But it is late,\" he said, \"and we should have acted sooner.\"",
    "According to the regional transport authority, about 42,000 vehicles cross the bridge every day. Traffic on the coastal road rose 18% last winter.",
    "Business owners on the quay claimed the council had ignored their warnings. A source said the contractor was chosen before the tender closed.",
    "Critics say the closure will cripple the waterfront economy, and some residents believe the ferry will not cope with the morning rush.",
    "The bridge, which opened in 1961, was reportedly closed twice in the 1990s. Its last full inspection, the authority said, found rust in 14 of its 60 cables.",
    "Dr. Leila Haddad, a structural engineer at Ellery University who reviewed the report, said the cables could be replaced one at a time. “Nobody needs to panic,” she said.",
    "The ferry operator, Northsound Lines, said in a statement that it would add two boats. Its chief executive, Paul Brennan, told the council that fares would stay at $2.",
];

fn article(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 512);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn words(n: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.split_whitespace().count() < n {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn pathological(kind: &str, bytes: usize) -> String {
    let unit = match kind {
        "quote-marks" => "\"“”‘’'«»„",
        "parentheses" => "((((((((((",
        "one-line" => "Critics say “the ministry said 40% of it ",
        "capitalised" => "Harbour Council Said Ruiz ",
        // Paragraph after paragraph of quotations nobody said: each one looks for its paragraph
        // and for a name in view, which must not grow with the quotations before it.
        "unattributed-quotes" => "“The ferry left before dawn and nobody saw it go.”\n\n",
        _ => unreachable!(),
    };
    let mut s = unit.repeat(bytes / unit.len() + 1);
    while s.len() > bytes {
        s.pop();
    }
    s
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    // Warm the lexicon once, outside the measurements.
    analyze("Warm-up, she said.", &options);

    let text = words(2_000);
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("2000-words", |b| b.iter(|| analyze(black_box(&text), &options)));
    g.finish();

    let mut g = c.benchmark_group("length");
    g.sample_size(20);
    for size in [10_000, 100_000, 1_000_000] {
        let text = article(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| b.iter(|| analyze(black_box(t), &options)));
    }
    g.finish();

    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for kind in ["quote-marks", "parentheses", "one-line", "capitalised", "unattributed-quotes"] {
        for size in [10_000, 100_000, 1_000_000] {
            let text = pathological(kind, size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(kind, size), &text, |b, t| b.iter(|| analyze(black_box(t), &options)));
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
