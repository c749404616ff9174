//! `whosaid eval`. (Being built.)

pub fn run(_args: &[String]) -> u8 {
    eprintln!("whosaid eval: not built yet");
    2
}
