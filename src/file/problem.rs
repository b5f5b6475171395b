//! A problem found in a plan file, with where it is.

use std::fmt;

/// One problem in a plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// Where in the plan, e.g. `members[3].chips[0].accelerator`; empty for syntax errors.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// Whether the file cannot be opened because of it. Non-fatal problems (unknown catalog ids,
    /// duplicate members) let the plan open so nothing is lost; `validate` still reports them.
    pub fatal: bool,
}

impl Problem {
    /// A problem at a position.
    pub fn at(
        position: Option<(usize, usize)>,
        path: impl Into<String>,
        message: impl Into<String>,
        fatal: bool,
    ) -> Problem {
        Problem {
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            path: path.into(),
            message: message.into(),
            fatal,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: ")?,
            (Some(l), None) => write!(f, "line {l}: ")?,
            _ => {}
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Finds the 1-based (line, column) of the `occurrence`-th (0-based) appearance of `needle`.
pub fn locate(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let offset = text.match_indices(needle).nth(occurrence)?.0;
    Some(position_of(text, offset))
}

/// The 1-based (line, column) of a byte offset (column counted in characters).
pub fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Finds the first place where `key:` is written outside a `//` comment, returning the 1-based
/// (line, column) of the key.
pub fn locate_key(text: &str, key: &str) -> Option<(usize, usize)> {
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut from = 0;
        while let Some(i) = code[from..].find(key) {
            let at = from + i;
            let before_ok = !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let after = code[at + key.len()..].trim_start();
            if before_ok && after.starts_with(':') {
                return Some((n + 1, code[..at].chars().count() + 1));
            }
            from = at + key.len();
        }
    }
    None
}

/// Finds the `occurrence`-th (0-based) place where `field: "value"` is written (any spacing),
/// returning the 1-based (line, column) of the value.
pub fn locate_field(
    text: &str,
    field: &str,
    value: &str,
    occurrence: usize,
) -> Option<(usize, usize)> {
    let quoted = format!("\"{value}\"");
    text.match_indices(&quoted)
        .filter(|(offset, _)| {
            let line_start = text[..*offset].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..*offset].contains("//") {
                return false; // inside a comment
            }
            let before = text[..*offset].trim_end();
            let before = before.strip_suffix("Some(").map_or(before, str::trim_end);
            before
                .strip_suffix(':')
                .map(str::trim_end)
                .is_some_and(|b| {
                    b.ends_with(field)
                        && !b[..b.len() - field.len()]
                            .ends_with(|c: char| c.is_alphanumeric() || c == '_')
                })
        })
        .nth(occurrence)
        .map(|(offset, _)| position_of(text, offset))
}
