//! Writing `.whosaid.toml` for the server's two commands: add a known speaker, turn a rule off.
//!
//! The file is the user's, so: the edit goes through `toml_edit` and every other byte (comments,
//! key order, spacing) stays as it was; the new text must parse into the configuration asked for
//! before anything is written; it goes to a temporary file in the same folder, is synced, and is
//! renamed over the original, so a crash leaves the old file or the new one, never a mix; and
//! nothing is written when the file on disk is not what whosaid last read (someone saved it since),
//! is not valid TOML, or holds a setting whosaid does not understand.

use super::{Config, PROJECT_FILE};
use crate::analysis::{rules, RuleSetting};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, TableLike, Value};

/// The first lines of a `.whosaid.toml` that whosaid creates.
pub const HEADER: &str = "# whosaid settings for the articles in this folder (see \"Configuration\" in whosaid's README).\n\
# whosaid adds known speakers and rules turned off here; your own comments and settings are kept.\n";

/// What a project file held when it was read: its exact bytes, or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OnDisk {
    Missing,
    Bytes(Vec<u8>),
}

impl OnDisk {
    pub fn read(path: &Path) -> io::Result<OnDisk> {
        match fs::read(path) {
            Ok(bytes) => Ok(OnDisk::Bytes(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(OnDisk::Missing),
            Err(e) => Err(e),
        }
    }
}

/// One setting to save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// `[speakers] "Name" = "role"` (or one more entry in a `speakers = [...]` list).
    AddSpeaker { name: String, role: Option<String> },
    /// `[rules] code = "off"`.
    DisableRule { rule: String },
}

impl Change {
    /// "‘Dana Whitfield’ (fire chief)" or "‘loaded-verb’".
    fn subject(&self) -> String {
        match self {
            Change::AddSpeaker { name, role: Some(role) } => format!("‘{name}’ ({role})"),
            Change::AddSpeaker { name, role: None } => format!("‘{name}’"),
            Change::DisableRule { rule } => format!("‘{rule}’"),
        }
    }

    /// Confirmation after a write to `file`.
    pub fn done(&self, file: &str) -> String {
        match self {
            Change::AddSpeaker { .. } => format!("Added {} to the known speakers in {file}.", self.subject()),
            Change::DisableRule { .. } => format!("Turned off {} for this workspace in {file}.", self.subject()),
        }
    }

    /// Why nothing was written when the setting is there already.
    pub fn already(&self, file: &str) -> String {
        match self {
            Change::AddSpeaker { name, .. } => format!("‘{name}’ is already a known speaker in {file}; nothing was changed."),
            Change::DisableRule { .. } => format!("{} is already off in {file}; nothing was changed.", self.subject()),
        }
    }

    /// Does `config` already say what this change would write?
    fn holds_in(&self, config: &Config) -> bool {
        match self {
            Change::AddSpeaker { name, .. } => config.options.known_speakers.iter().any(|k| same_name(&k.name, name)),
            Change::DisableRule { rule } => match rules::rule(rule) {
                Some(_) => config.options.rules.severity(rule).is_none(),
                None => config.options.rules.0.get(rule) == Some(&RuleSetting::Off),
            },
        }
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// The file already says it; it was not touched.
    Unchanged,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// No workspace folder, so no place for a project file.
    NoWorkspace,
    /// The file on disk is not what whosaid last read.
    ChangedOnDisk,
    NotToml,
    /// Valid TOML, but a setting whosaid refuses (the same message the server shows on reading it).
    InvalidConfig,
    /// Reading or writing failed; the file is as it was.
    Io,
}

/// Why nothing was written, worded for the person who will read it in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub kind: Refused,
    pub message: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    fn new(kind: Refused, message: String) -> Refusal {
        Refusal { kind, message }
    }
    pub fn no_workspace() -> Refusal {
        Refusal::new(
            Refused::NoWorkspace,
            format!(
                "whosaid keeps this setting in {PROJECT_FILE} at the top of a workspace folder, but this article was opened on its own, without a folder; nothing was written. Open the folder that holds your articles, or add the setting to your editor's whosaid settings."
            ),
        )
    }
    pub fn changed(file: &str) -> Refusal {
        Refusal::new(
            Refused::ChangedOnDisk,
            format!("{file} changed on disk since whosaid read it; nothing was written. Try again."),
        )
    }
    fn io(file: &str, e: &io::Error) -> Refusal {
        Refusal::new(Refused::Io, format!("whosaid could not save {file} ({e}); the file is unchanged."))
    }
}

/// The text `original` (`None`: no file yet) becomes with `change`, or `None` when it already says
/// so. Errors name the file `.whosaid.toml`.
pub fn edited(original: Option<&str>, change: &Change) -> Result<Option<String>, Refusal> {
    edit_text(original, change, PROJECT_FILE)
}

fn edit_text(original: Option<&str>, change: &Change, file: &str) -> Result<Option<String>, Refusal> {
    let mut doc = match original {
        None => DocumentMut::new(),
        Some(text) => text.parse::<DocumentMut>().map_err(|e| {
            Refusal::new(
                Refused::NotToml,
                format!(
                    "{file} is not valid TOML ({}), so whosaid did not change it. Fix the file, then try again.",
                    toml_error(text, &e)
                ),
            )
        })?,
    };
    let before = match original {
        None => Config::default(),
        Some(text) => {
            let mut c = Config::default();
            c.apply_toml(text).map_err(|e| {
                let detail = e.0.trim_start_matches(PROJECT_FILE).trim_start_matches(": ");
                Refusal::new(
                    Refused::InvalidConfig,
                    format!("{file} has a setting whosaid does not understand ({detail}), so whosaid did not change it. Fix the file, then try again."),
                )
            })?;
            c
        }
    };
    if change.holds_in(&before) {
        return Ok(None);
    }

    // Editor-style files may nest everything under `whosaid`; the config reads only that then.
    let nested = doc.get("whosaid").is_some_and(|i| i.is_table_like());
    let inline_root = nested && doc["whosaid"].is_inline_table();
    let new_table = {
        let root: &mut dyn TableLike = if nested {
            doc["whosaid"].as_table_like_mut().expect("checked table-like")
        } else {
            doc.as_table_mut()
        };
        match change {
            Change::AddSpeaker { name, role } => add_speaker(root, inline_root, name.trim(), role.as_deref()),
            Change::DisableRule { rule } => disable_rule(root, inline_root, rule),
        }
    };
    if let (Some(key), false) = (new_table, nested) {
        place_new_table(&mut doc, key, original.is_some_and(|t| !t.trim().is_empty()));
    }

    let mut text = doc.to_string();
    if original.is_none() {
        text = format!("{HEADER}\n{text}");
    }
    // toml_edit writes LF; a file written with CRLF throughout keeps CRLF.
    if original.is_some_and(|t| t.contains("\r\n") && !t.replace("\r\n", "").contains('\n')) {
        text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    // Only a text that reads back as exactly what was asked may be written.
    let mut after = Config::default();
    let means_it = after.apply_toml(&text).is_ok() && change.holds_in(&after);
    if !means_it {
        return Err(Refusal::new(
            Refused::InvalidConfig,
            format!("whosaid could not add this setting to {file} without changing what the file means; nothing was written. Please add it by hand."),
        ));
    }
    Ok(Some(text))
}

/// "line 3: expected `]`" for a parse error.
fn toml_error(text: &str, e: &toml_edit::TomlError) -> String {
    let message = e.message().trim().replace('\n', "; ");
    match e.span() {
        Some(span) => {
            let line = text.as_bytes()[..span.start.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// A table made for the root: a `[table]` in a file, an inline `{ }` inside `whosaid = { }`.
fn table_item(t: Table, inline: bool) -> Item {
    if inline {
        Item::Value(Value::InlineTable(t.into_inline_table()))
    } else {
        Item::Table(t)
    }
}

/// Adds the speaker; returns the key of a table it had to create at the root.
fn add_speaker(root: &mut dyn TableLike, inline_root: bool, name: &str, role: Option<&str>) -> Option<&'static str> {
    const KEYS: [&str; 3] = ["speakers", "known-speakers", "knownSpeakers"];
    let role_value = || Value::from(role.unwrap_or(""));
    let Some(key) = KEYS.into_iter().find(|k| root.contains_key(k)) else {
        let mut t = Table::new();
        t.insert(name, Item::Value(role_value()));
        root.insert("speakers", table_item(t, inline_root));
        return Some("speakers");
    };
    let item = root.get_mut(key).expect("found above");
    if let Some(table) = item.as_inline_table_mut() {
        // The space before `}` moves to the new last entry.
        let suffix = table.iter_mut().last().and_then(|(_, v)| {
            let s = v.decor().suffix().cloned();
            v.decor_mut().set_suffix("");
            s
        });
        table.insert(name, role_value());
        if let (Some(suffix), Some(v)) = (suffix, table.get_mut(name)) {
            v.decor_mut().set_suffix(suffix);
        }
    } else if let Some(table) = item.as_table_like_mut() {
        table.insert(name, Item::Value(role_value()));
    } else if let Some(list) = item.as_array_mut() {
        push_speaker(list, name, role);
    } else if let Some(tables) = item.as_array_of_tables_mut() {
        let mut t = Table::new();
        t.insert("name", toml_edit::value(name));
        if let Some(role) = role {
            t.insert("role", toml_edit::value(role));
        }
        if let Some(prefix) = tables.iter().last().and_then(|l| l.decor().prefix()).cloned() {
            t.decor_mut().set_prefix(prefix);
        }
        tables.push(t);
    }
    None
}

/// One more entry in `speakers = [...]`, laid out like the entry before it.
fn push_speaker(list: &mut Array, name: &str, role: Option<&str>) {
    let strings_only = list.iter().all(|v| v.is_str());
    let mut entry = if role.is_none() && strings_only {
        Value::from(name)
    } else {
        let mut t = InlineTable::new();
        t.insert("name", Value::from(name));
        if let Some(role) = role {
            t.insert("role", Value::from(role));
        }
        Value::InlineTable(t)
    };
    let count = list.len();
    if count > 0 {
        let last = list.get_mut(count - 1).expect("non-empty");
        let prefix = last.decor().prefix().cloned();
        // The space before `]` (or before a trailing comma) moves to the new last entry.
        let suffix = last.decor().suffix().cloned();
        last.decor_mut().set_suffix("");
        let decor = entry.decor_mut();
        // The first entry of `[a]` has no space before it; the ones after it get one.
        let prefix = prefix.filter(|p| count > 1 || p.as_str().is_some_and(|s| !s.is_empty()));
        decor.set_prefix(prefix.unwrap_or_else(|| " ".into()));
        decor.set_suffix(suffix.unwrap_or_else(|| "".into()));
    }
    list.push_formatted(entry);
}

/// Sets the rule to "off"; returns the key of a table it had to create at the root.
fn disable_rule(root: &mut dyn TableLike, inline_root: bool, rule: &str) -> Option<&'static str> {
    let Some(item) = root.get_mut("rules") else {
        let mut t = Table::new();
        t.insert(rule, toml_edit::value("off"));
        root.insert("rules", table_item(t, inline_root));
        return Some("rules");
    };
    let table = item.as_table_like_mut()?;
    match table.get_mut(rule) {
        Some(Item::Value(v)) => {
            // Keep the spacing and any comment after the old setting.
            let decor = v.decor().clone();
            *v = Value::from("off");
            *v.decor_mut() = decor;
        }
        Some(other) => *other = toml_edit::value("off"),
        None => {
            table.insert(rule, toml_edit::value("off"));
        }
    }
    None
}

/// A new root table goes last, after a blank line; comments that ended the file stay above it.
fn place_new_table(doc: &mut DocumentMut, key: &str, had_content: bool) {
    let trailing = doc.trailing().as_str().unwrap_or("").to_string();
    let prefix = if !trailing.trim().is_empty() {
        doc.set_trailing("");
        if trailing.ends_with('\n') {
            format!("{trailing}\n")
        } else {
            format!("{trailing}\n\n")
        }
    } else if had_content {
        "\n".to_string()
    } else {
        String::new()
    };
    if let Some(t) = doc.get_mut(key).and_then(Item::as_table_mut) {
        t.decor_mut().set_prefix(prefix);
    }
}

/// Apply `change` to the file at `path`, provided it still holds what whosaid read (`seen`).
pub fn write(path: &Path, seen: &OnDisk, change: &Change) -> Result<Outcome, Refusal> {
    let file = path.display().to_string();
    let now = OnDisk::read(path).map_err(|e| Refusal::io(&file, &e))?;
    if now != *seen {
        return Err(Refusal::changed(&file));
    }
    let original = match &now {
        OnDisk::Missing => None,
        OnDisk::Bytes(bytes) => Some(std::str::from_utf8(bytes).map_err(|_| {
            Refusal::new(
                Refused::NotToml,
                format!("{file} is not UTF-8 text, so whosaid did not change it. Save it as UTF-8, then try again."),
            )
        })?),
    };
    let Some(text) = edit_text(original, change, &file)? else { return Ok(Outcome::Unchanged) };
    replace(path, text.as_bytes(), seen)?;
    Ok(Outcome::Written)
}

/// A temporary file that is removed unless it was renamed into place.
struct Temp {
    path: PathBuf,
    file: Option<File>,
    renamed: bool,
}

impl Drop for Temp {
    fn drop(&mut self) {
        self.file.take();
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

impl Temp {
    fn create(dir: &Path, name: &str) -> io::Result<Temp> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            // Hidden, and not matched by the `**/.whosaid.toml` file watcher.
            let path = dir.join(format!("{name}.whosaid-{}-{n}.tmp", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok(Temp { path, file: Some(file), renamed: false }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1_000_000 => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Runs just before the last look at the file, to simulate a save racing the write.
    static BEFORE_LAST_LOOK: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
}

fn replace(path: &Path, bytes: &[u8], seen: &OnDisk) -> Result<(), Refusal> {
    let file = path.display().to_string();
    let io_err = |e: io::Error| Refusal::io(&file, &e);
    // Through a symbolic link to its target, so the link stays a link.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(io_err)?,
        _ => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| PROJECT_FILE.into());
    let mut temp = Temp::create(&dir, &name).map_err(io_err)?;
    {
        let f = temp.file.as_mut().expect("just created");
        f.write_all(bytes).map_err(io_err)?;
        f.flush().map_err(io_err)?;
        if let Ok(meta) = fs::metadata(&target) {
            fs::set_permissions(&temp.path, meta.permissions()).map_err(io_err)?;
        }
        f.sync_all().map_err(io_err)?;
    }
    temp.file.take();
    #[cfg(test)]
    BEFORE_LAST_LOOK.with(|h| h.borrow_mut().take().map(|f| f()));
    // Last look: a save that landed while we wrote must not be overwritten.
    if OnDisk::read(path).map_err(io_err)? != *seen {
        return Err(Refusal::changed(&file));
    }
    fs::rename(&temp.path, &target).map_err(io_err)?;
    temp.renamed = true;
    // The rename itself survives a crash only once the folder is synced (best effort).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, role: Option<&str>) -> Change {
        Change::AddSpeaker { name: name.into(), role: role.map(str::to_string) }
    }

    fn off(rule: &str) -> Change {
        Change::DisableRule { rule: rule.into() }
    }

    fn edit(original: &str, change: &Change) -> String {
        edited(Some(original), change).unwrap().unwrap_or_else(|| panic!("no change for {change:?}"))
    }

    fn parsed(text: &str) -> Config {
        let mut c = Config::default();
        c.apply_toml(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        c
    }

    /// A temp folder of its own per test; removed on drop.
    struct Dir(PathBuf);
    impl Dir {
        fn new(name: &str) -> Dir {
            let d = std::env::temp_dir().join(format!("whosaid-edit-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&d);
            fs::create_dir_all(&d).unwrap();
            Dir(d)
        }
        fn file(&self) -> PathBuf {
            self.0.join(PROJECT_FILE)
        }
        /// Every file name in the folder, sorted.
        fn names(&self) -> Vec<String> {
            let mut v: Vec<String> =
                fs::read_dir(&self.0).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
            v.sort();
            v
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    const NEWSROOM: &str = "# Metro desk settings — agreed with the standards editor, March.\n\
inlay-hints = true   # names after quotes\n\
reporting-verbs = [\"quipped\", \"tweeted\"]\n\
\n\
[rules]\n\
# loaded verbs are fine in sports copy\n\
loaded-verb = \"hint\"   # was \"off\" until the style review\n\
\n\
[speakers]\n\
\"Ana Ruiz\" = \"mayor of Port Ellery\"  # re-elected 2025\n\
\n\
# Trailing note: ask the desk before adding people here.\n";

    #[test]
    fn speaker_added_to_table_keeps_every_other_byte() {
        let out = edit(NEWSROOM, &speaker("Dana Whitfield", Some("fire chief")));
        let expected = NEWSROOM.replace(
            "# re-elected 2025\n",
            "# re-elected 2025\n\"Dana Whitfield\" = \"fire chief\"\n",
        );
        assert_eq!(out, expected);
        let c = parsed(&out);
        assert_eq!(c.options.known_speakers.len(), 2);
        assert_eq!(c.options.known_speakers.iter().find(|k| k.name == "Dana Whitfield").unwrap().role.as_deref(), Some("fire chief"));
    }

    #[test]
    fn speaker_added_beside_entries_with_a_gender() {
        // (file before, file after): entries written as tables stay as they were.
        let cases = [
            (
                "[speakers]\n\"Ana Ruiz\" = { role = \"mayor\", gender = \"woman\" }\n",
                "[speakers]\n\"Ana Ruiz\" = { role = \"mayor\", gender = \"woman\" }\n\"Dana Whitfield\" = \"fire chief\"\n",
            ),
            (
                "[speakers.\"Ana Ruiz\"]\nrole = \"mayor\"\ngender = \"woman\"\n",
                "[speakers]\n\"Dana Whitfield\" = \"fire chief\"\n[speakers.\"Ana Ruiz\"]\nrole = \"mayor\"\ngender = \"woman\"\n",
            ),
            (
                "speakers = [{ name = \"Ana Ruiz\", gender = \"woman\" }]\n",
                "speakers = [{ name = \"Ana Ruiz\", gender = \"woman\" }, { name = \"Dana Whitfield\", role = \"fire chief\" }]\n",
            ),
        ];
        for (before, after) in cases {
            let out = edit(before, &speaker("Dana Whitfield", Some("fire chief")));
            assert_eq!(out, after);
            let c = parsed(&out);
            let ana = c.options.known_speakers.iter().find(|k| k.name == "Ana Ruiz").unwrap();
            assert_eq!(ana.gender, Some(crate::analysis::Gender::Woman), "{out}");
            assert!(c.options.known_speakers.iter().any(|k| k.name == "Dana Whitfield" && k.gender.is_none()));
        }
    }

    #[test]
    fn unchanged_file_round_trips_exactly() {
        // The premise of "every other byte stays": toml_edit reproduces what it parsed.
        for text in [NEWSROOM, "x = { y = [1,2 ,3] }  \n\n\n"] {
            assert_eq!(text.parse::<DocumentMut>().unwrap().to_string(), text);
        }
        // The one exception: a last line without a newline gets one.
        assert_eq!("a = 1".parse::<DocumentMut>().unwrap().to_string(), "a = 1\n");
        // CRLF comes back as LF from toml_edit; the writer puts it back.
        let crlf = NEWSROOM.replace('\n', "\r\n");
        assert_eq!(edit(&crlf, &off("loaded-verb")), edit(NEWSROOM, &off("loaded-verb")).replace('\n', "\r\n"));
    }

    #[test]
    fn rule_turned_off_in_place_keeps_its_comment() {
        let out = edit(NEWSROOM, &off("loaded-verb"));
        assert_eq!(out, NEWSROOM.replace("loaded-verb = \"hint\"   #", "loaded-verb = \"off\"   #"));
        assert_eq!(parsed(&out).options.rules.severity("loaded-verb"), None);

        let out = edit(NEWSROOM, &off("doubt-word"));
        assert_eq!(out, NEWSROOM.replace("until the style review\n", "until the style review\ndoubt-word = \"off\"\n"));
    }

    #[test]
    fn missing_tables_are_added_at_the_end_below_closing_comments() {
        let text = "# Sports desk\ninlay-hints = false\n\n# end of file\n";
        let out = edit(text, &off("unattributed-quote"));
        assert_eq!(out, "# Sports desk\ninlay-hints = false\n\n# end of file\n\n[rules]\nunattributed-quote = \"off\"\n");
        let out = edit(&out, &speaker("Lena Ortiz", None));
        assert_eq!(
            out,
            "# Sports desk\ninlay-hints = false\n\n# end of file\n\n[rules]\nunattributed-quote = \"off\"\n\n[speakers]\n\"Lena Ortiz\" = \"\"\n"
        );
        assert_eq!(parsed(&out).options.known_speakers[0].role, None);
        // No newline at the end of the file.
        assert_eq!(edit("inlay-hints = false", &off("doubt-word")), "inlay-hints = false\n\n[rules]\ndoubt-word = \"off\"\n");
    }

    #[test]
    fn duplicates_are_not_added() {
        for name in ["Ana Ruiz", "ana ruiz", "  Ana Ruiz "] {
            assert_eq!(edited(Some(NEWSROOM), &speaker(name, Some("mayor"))).unwrap(), None, "{name}");
        }
        let list = "speakers = [{ name = \"Ana Ruiz\", role = \"mayor\" }, \"Tomas Berg\"]\n";
        assert_eq!(edited(Some(list), &speaker("Tomas Berg", Some("council member"))).unwrap(), None);
        // Off already, directly or through its group.
        assert_eq!(edited(Some("[rules]\ndoubt-word = false\n"), &off("doubt-word")).unwrap(), None);
        assert_eq!(edited(Some("[rules]\nunsourced-claim = \"off\"\n"), &off("doubt-word")).unwrap(), None);
    }

    #[test]
    fn list_forms_get_one_more_entry_in_their_own_style() {
        // (file before, name, role, file after, speakers it then holds)
        let one_line = "speakers = [\"Tomas Berg\", \"Lena Ortiz\"]  # names only\n";
        let multi = "speakers = [\n  { name = \"Tomas Berg\", role = \"council member\" },\n  { name = \"Lena Ortiz\", role = \"city engineer\" },  # new\n]\n";
        let tables = "[[speakers]]\nname = \"Tomas Berg\"\nrole = \"council member\"\n\n[rules]\ndoubt-word = \"hint\"\n";
        let cases: &[(&str, &str, Option<&str>, &str, usize)] = &[
            (one_line, "Ana Ruiz", None, "speakers = [\"Tomas Berg\", \"Lena Ortiz\", \"Ana Ruiz\"]  # names only\n", 3),
            (
                one_line,
                "Ana Ruiz",
                Some("mayor"),
                "speakers = [\"Tomas Berg\", \"Lena Ortiz\", { name = \"Ana Ruiz\", role = \"mayor\" }]  # names only\n",
                3,
            ),
            (
                multi,
                "Dana Whitfield",
                Some("fire chief"),
                "speakers = [\n  { name = \"Tomas Berg\", role = \"council member\" },\n  { name = \"Lena Ortiz\", role = \"city engineer\" },\n  { name = \"Dana Whitfield\", role = \"fire chief\" },  # new\n]\n",
                3,
            ),
            ("speakers = [ \"Tomas Berg\" ]\n", "Ana Ruiz", None, "speakers = [ \"Tomas Berg\", \"Ana Ruiz\" ]\n", 2),
            ("speakers = []\n", "Ana Ruiz", None, "speakers = [\"Ana Ruiz\"]\n", 1),
            (
                tables,
                "Ana Ruiz",
                Some("mayor"),
                "[[speakers]]\nname = \"Tomas Berg\"\nrole = \"council member\"\n[[speakers]]\nname = \"Ana Ruiz\"\nrole = \"mayor\"\n\n[rules]\ndoubt-word = \"hint\"\n",
                2,
            ),
        ];
        for (before, name, role, after, count) in cases {
            let out = edit(before, &speaker(name, *role));
            assert_eq!(out, *after, "adding {name} to {before:?}");
            assert_eq!(parsed(&out).options.known_speakers.len(), *count, "{out:?}");
        }
    }

    #[test]
    fn inline_and_nested_forms() {
        assert_eq!(
            edit("speakers = { \"Ana Ruiz\" = \"mayor\" }\n", &speaker("Tomas Berg", Some("council member"))),
            "speakers = { \"Ana Ruiz\" = \"mayor\", \"Tomas Berg\" = \"council member\" }\n"
        );
        let nested = "[whosaid]\ninlay-hints = false\n";
        let out = edit(nested, &off("doubt-word"));
        assert_eq!(parsed(&out).options.rules.severity("doubt-word"), None, "{out}");
        assert!(out.starts_with(nested), "{out}");
        let inline = "whosaid = { inlay-hints = false }\n";
        let out = edit(inline, &speaker("Ana Ruiz", Some("mayor")));
        assert_eq!(parsed(&out).options.known_speakers[0].name, "Ana Ruiz", "{out}");
        // Names that need escaping in TOML.
        let out = edit("", &speaker("Dana \"Red\" O'Neill", Some("chief\\deputy")));
        assert_eq!(parsed(&out).options.known_speakers[0].name, "Dana \"Red\" O'Neill");
    }

    #[test]
    fn unusual_but_valid_layouts_take_both_changes() {
        for text in [
            "rules.loaded-verb = \"hint\"\n",
            "rules = { loaded-verb = \"hint\" }\n",
            "[rules.loaded-verb]\nseverity = \"error\"\n",
            "[whosaid.rules]\ndoubt-word = \"hint\"\n",
            "whosaid.inlay-hints = false\n",
            "speakers.\"Ana Ruiz\" = \"mayor\"\n",
            "known-speakers = [\"Ana Ruiz\"]\n",
            "[[speakers]]\nname = \"Ana Ruiz\"\n[rules]\n",
            "\u{feff}# byte order mark\ninlay-hints = true\n",
            "   \n\n",
            "# only a comment",
        ] {
            for change in [off("loaded-verb"), off("doubt-word"), speaker("Tomas Berg", Some("council member"))] {
                let out = edited(Some(text), &change).unwrap_or_else(|e| panic!("{text:?} {change:?}: {e}"));
                let out = out.unwrap_or_else(|| panic!("{text:?} {change:?}: nothing to do"));
                assert!(change.holds_in(&parsed(&out)), "{text:?} {change:?}:\n{out}");
            }
        }
    }

    #[test]
    fn invalid_files_are_refused() {
        let err = edited(Some("[rules\nloaded-verb = \"off\"\n"), &off("doubt-word")).unwrap_err();
        assert_eq!(err.kind, Refused::NotToml);
        assert!(err.message.contains("not valid TOML") && err.message.contains("line 1"), "{err}");
        let err = edited(Some("[rules]\nno-such-rule = \"off\"\n"), &off("doubt-word")).unwrap_err();
        assert_eq!(err.kind, Refused::InvalidConfig);
        assert!(err.message.contains("no-such-rule"), "{err}");
        let err = edited(Some("speakers = \"Ana Ruiz\"\n"), &speaker("Tomas Berg", None)).unwrap_err();
        assert_eq!(err.kind, Refused::InvalidConfig);
    }

    #[test]
    fn missing_file_is_created_with_a_header() {
        let d = Dir::new("create");
        let change = speaker("Dana Whitfield", Some("fire chief"));
        assert_eq!(write(&d.file(), &OnDisk::Missing, &change).unwrap(), Outcome::Written);
        let text = fs::read_to_string(d.file()).unwrap();
        assert_eq!(text, format!("{HEADER}\n[speakers]\n\"Dana Whitfield\" = \"fire chief\"\n"));
        assert_eq!(parsed(&text).options.known_speakers[0].name, "Dana Whitfield");
        assert_eq!(d.names(), [PROJECT_FILE]);
    }

    #[test]
    fn write_replaces_the_file_and_leaves_nothing_else() {
        let d = Dir::new("replace");
        fs::write(d.file(), NEWSROOM).unwrap();
        let seen = OnDisk::read(&d.file()).unwrap();
        assert_eq!(write(&d.file(), &seen, &off("doubt-word")).unwrap(), Outcome::Written);
        assert_eq!(fs::read_to_string(d.file()).unwrap(), edit(NEWSROOM, &off("doubt-word")));
        assert_eq!(d.names(), [PROJECT_FILE]);
        // Already there: untouched.
        let seen = OnDisk::read(&d.file()).unwrap();
        let before = fs::metadata(d.file()).unwrap().modified().unwrap();
        assert_eq!(write(&d.file(), &seen, &off("doubt-word")).unwrap(), Outcome::Unchanged);
        assert_eq!(fs::metadata(d.file()).unwrap().modified().unwrap(), before);
    }

    #[test]
    fn changed_on_disk_is_refused_untouched() {
        let d = Dir::new("changed");
        fs::write(d.file(), NEWSROOM).unwrap();
        let seen = OnDisk::read(&d.file()).unwrap();
        let theirs = format!("{NEWSROOM}reporting-verbs = [\"opined\"]\n");
        fs::write(d.file(), &theirs).unwrap();
        let err = write(&d.file(), &seen, &off("doubt-word")).unwrap_err();
        assert_eq!(err.kind, Refused::ChangedOnDisk);
        assert!(err.message.contains("changed on disk") && err.message.contains("nothing was written"), "{err}");
        assert_eq!(fs::read_to_string(d.file()).unwrap(), theirs);

        // A file that appeared, and one that vanished, count as changed.
        let err = write(&d.file(), &OnDisk::Missing, &off("doubt-word")).unwrap_err();
        assert_eq!(err.kind, Refused::ChangedOnDisk);
        let seen = OnDisk::read(&d.file()).unwrap();
        fs::remove_file(d.file()).unwrap();
        assert_eq!(write(&d.file(), &seen, &off("doubt-word")).unwrap_err().kind, Refused::ChangedOnDisk);
        assert!(!d.file().exists());
        assert!(d.names().is_empty());
    }

    #[test]
    fn a_save_racing_the_write_wins_and_no_temp_file_stays() {
        let d = Dir::new("race");
        fs::write(d.file(), NEWSROOM).unwrap();
        let seen = OnDisk::read(&d.file()).unwrap();
        let path = d.file();
        BEFORE_LAST_LOOK.with(|h| *h.borrow_mut() = Some(Box::new(move || fs::write(path, "inlay-hints = false\n").unwrap())));
        let err = write(&d.file(), &seen, &off("doubt-word")).unwrap_err();
        assert_eq!(err.kind, Refused::ChangedOnDisk);
        assert_eq!(fs::read_to_string(d.file()).unwrap(), "inlay-hints = false\n");
        assert_eq!(d.names(), [PROJECT_FILE]);

        // The file replaced by a folder mid-write: an I/O refusal, still no temp file.
        let seen = OnDisk::read(&d.file()).unwrap();
        let path = d.file();
        BEFORE_LAST_LOOK.with(|h| {
            *h.borrow_mut() = Some(Box::new(move || {
                fs::remove_file(&path).unwrap();
                fs::create_dir(&path).unwrap();
            }))
        });
        let err = write(&d.file(), &seen, &off("doubt-word")).unwrap_err();
        assert_eq!(err.kind, Refused::Io, "{err}");
        assert_eq!(d.names(), [PROJECT_FILE]);
        assert!(d.file().is_dir());
    }

    #[test]
    fn invalid_or_binary_file_on_disk_is_untouched() {
        let d = Dir::new("invalid");
        for bytes in [&b"[rules\nloaded-verb = \"off\"\n"[..], &b"inlay-hints = \xff\xfe\n"[..]] {
            fs::write(d.file(), bytes).unwrap();
            let seen = OnDisk::read(&d.file()).unwrap();
            let err = write(&d.file(), &seen, &speaker("Ana Ruiz", None)).unwrap_err();
            assert_eq!(err.kind, Refused::NotToml, "{err}");
            assert!(err.message.contains(&d.file().display().to_string()), "{err}");
            assert_eq!(fs::read(d.file()).unwrap(), bytes);
            assert_eq!(d.names(), [PROJECT_FILE]);
        }
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_symlinks_are_kept() {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let d = Dir::new("links");
        let real = d.0.join("shared.toml");
        fs::write(&real, "[rules]\n").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        symlink(&real, d.file()).unwrap();
        let seen = OnDisk::read(&d.file()).unwrap();
        write(&d.file(), &seen, &off("doubt-word")).unwrap();
        assert!(fs::symlink_metadata(d.file()).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "[rules]\ndoubt-word = \"off\"\n");
        assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(d.names(), [PROJECT_FILE, "shared.toml"]);
    }
}
