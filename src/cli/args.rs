//! Command-line words, one at a time, for every subcommand: operands, `--name value`,
//! `--name=value`, `-x value`, and `--`, after which every word is an operand.

pub enum Word<'a> {
    /// A file, folder or `-` (standard input).
    Operand(&'a str),
    /// An option's name (`--format`, `-f`); its value, if it takes one, is [`Words::value`].
    Flag(&'a str),
}

pub struct Words<'a> {
    args: &'a [String],
    i: usize,
    operands_only: bool,
    name: &'a str,
    inline: Option<&'a str>,
}

impl<'a> Words<'a> {
    pub fn new(args: &'a [String]) -> Words<'a> {
        Words { args, i: 0, operands_only: false, name: "", inline: None }
    }

    pub fn next(&mut self) -> Option<Word<'a>> {
        loop {
            let arg = self.args.get(self.i)?.as_str();
            self.i += 1;
            if self.operands_only || arg == "-" || !arg.starts_with('-') {
                return Some(Word::Operand(arg));
            }
            if arg == "--" {
                self.operands_only = true;
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v)),
                _ => (arg, None),
            };
            (self.name, self.inline) = (name, inline);
            return Some(Word::Flag(name));
        }
    }

    /// The value of the option just read: what follows its `=`, or else the next word.
    pub fn value(&mut self, what: &str) -> Result<String, String> {
        if let Some(v) = self.inline.take() {
            return Ok(v.to_string());
        }
        let v = self.args.get(self.i).ok_or_else(|| format!("{} needs {what}", self.name))?;
        self.i += 1;
        Ok(v.clone())
    }
}

/// What a subcommand does with its parsed words before any work: after `--help` it prints `help`
/// and exits 0; a usage error, no operand at all (`none_given` says what to pass) or `-` given
/// twice prints the reason and exits 2. Otherwise the options, to run with.
pub fn settle<A>(cmd: &str, parsed: Result<Option<A>, String>, help: &str, operands: impl Fn(&A) -> &[String], none_given: &str) -> Result<A, u8> {
    let a = match parsed {
        Ok(Some(a)) => a,
        Ok(None) => {
            super::out(&format!("{help}\n"));
            return Err(0);
        }
        Err(e) => return Err(usage_error(cmd, &e)),
    };
    let given = operands(&a);
    if given.is_empty() {
        return Err(usage_error(cmd, none_given));
    }
    if given.iter().filter(|f| *f == "-").count() > 1 {
        return Err(usage_error(cmd, "`-` (standard input) can be given only once"));
    }
    Ok(a)
}

/// A wrong command line: the reason, and where to read the options. Exit status 2.
pub fn usage_error(cmd: &str, msg: &str) -> u8 {
    eprintln!("whosaid {cmd}: {msg}\nRun `whosaid {cmd} --help` for the options.");
    2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word as the parser sees it, with the value of the options that take one.
    fn read(args: &[&str], with_value: &[&str]) -> Result<Vec<String>, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut w = Words::new(&args);
        let mut out = Vec::new();
        while let Some(word) = w.next() {
            out.push(match word {
                Word::Operand(o) => format!("operand {o}"),
                Word::Flag(f) if with_value.contains(&f) => format!("{f} = {}", w.value("a value")?),
                Word::Flag(f) => format!("flag {f}"),
            });
        }
        Ok(out)
    }

    #[test]
    fn words_table() {
        let cases: &[(&[&str], Result<&[&str], &str>)] = &[
            (&["a.md", "-", "b.txt"], Ok(&["operand a.md", "operand -", "operand b.txt"])),
            (&["--format", "json", "a.md"], Ok(&["--format = json", "operand a.md"])),
            (&["--format=json"], Ok(&["--format = json"])),
            (&["-f", "json"], Ok(&["-f = json"])),
            (&["--json", "--", "--odd-name.md"], Ok(&["flag --json", "operand --odd-name.md"])),
            (&["--format"], Err("--format needs a value")),
        ];
        for (args, want) in cases {
            let got = read(args, &["--format", "-f"]);
            match want {
                Ok(w) => assert_eq!(got.as_deref(), Ok(&w.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]), "{args:?}"),
                Err(e) => assert_eq!(got, Err(e.to_string()), "{args:?}"),
            }
        }
    }
}
