//! Print the engine's view of an article, for developers: `cargo run --example dump -- FILE`.
use whosaid::analysis::{analyze, Format, Options};

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    let options = Options { format: Format::guess(&path), ..Options::default() };
    let a = analyze(&text, &options);
    for s in &a.speakers {
        println!("SPEAKER {} {:?} kind={} role={:?} mentions={:?}", s.id, s.name, s.kind.as_str(), s.role, s.mentions.iter().map(|m| m.span.text(&text)).collect::<Vec<_>>());
    }
    for q in &a.quotes {
        let who = q.speaker.map(|s| a.speakers[s].name.as_str()).unwrap_or("?");
        let short: String = q.span.text(&text).chars().take(70).collect();
        println!("QUOTE {} {} [{}] cue={:?} mention={:?} res={:?} outer={:?}\n    {short}", q.id, q.kind.as_str(), who, q.cue.as_ref().map(|c| &c.text), q.speaker_mention.map(|m| m.text(&text)), q.resolution, q.outer);
    }
    for c in &a.claims {
        println!("CLAIM {} {:?}", c.kind.as_str(), c.trigger.text(&text));
    }
    for f in &a.findings {
        println!("FINDING {} {} {:?}: {}", f.code, f.severity, f.span.text(&text), f.message);
    }
}
