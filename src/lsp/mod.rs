//! The language server. (Being built: see issue 3.)

/// Serve LSP over stdio until `exit` or end of input; returns the process exit code.
pub fn run() -> u8 {
    eprintln!("whosaid: the language server is not built yet");
    2
}
