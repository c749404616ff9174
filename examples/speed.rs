//! Time the engine on one file, for profiling: `cargo run --release --example speed -- FILE [N]`.
use whosaid::analysis::{analyze, Format, Options};

fn main() {
    let path = std::env::args().nth(1).expect("usage: speed FILE [N]");
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("read");
    let options = Options { format: Format::guess(&path), ..Options::default() };
    // One analysis of the same text outside the timing: it loads every lazy table the passes touch
    // (lexicons, the claim model) and warms the allocator, so `N = 0` holds all one-time costs and
    // (total(N) - total(0)) / N is the cost of one pass.
    analyze(&text, &options);
    let start = std::time::Instant::now();
    let mut quotes = 0;
    for _ in 0..n {
        quotes += analyze(&text, &options).quotes.len();
    }
    let secs = start.elapsed().as_secs_f64() / n.max(1) as f64;
    println!("{} bytes, {} quotes, {:.2} ms per pass, {:.1} MB/s", text.len(), quotes / n.max(1), secs * 1e3, text.len() as f64 / secs / 1e6);
}
