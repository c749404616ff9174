//! `whosaid check`. (Being built.)

pub fn run(_args: &[String]) -> u8 {
    eprintln!("whosaid check: not built yet");
    2
}
