//! The plan file format: RON, pretty-printed, with a `format` version, comments allowed.
//!
//! Loading never panics: syntax errors, wrong types, impossible numbers and files over the limits
//! are refused with their line and column; references the catalog does not know are reported but
//! the plan still opens, so nothing a user typed is lost.

mod comments;
mod export_target;
pub mod limits;
mod personal;
mod problem;
mod safe_save;
mod slips;
mod validate;
mod validate_scenarios;

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use crate::catalog::Catalog;
use crate::plan::{FORMAT_VERSION, Plan};

pub use comments::{DroppedComment, dropped_comments, move_into_notes};
pub use export_target::{ExportTargetError, check_export_target};
pub use personal::{
    PERSONAL_FILE_NAME, PERSONAL_FORMAT_VERSION, PersonalCatalog, PersonalEntry, load_personal,
    parse_personal, personal_to_ron,
};
pub use problem::{FieldLocator, Problem, locate_key, position_of};
pub use safe_save::{backup_path, save_bytes, save_text};
pub use validate::validate;

/// A plan read from text, with the non-fatal problems found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The plan.
    pub plan: Plan,
    /// Non-fatal problems (unknown ids, duplicates); empty for a clean file.
    pub problems: Vec<Problem>,
    /// The file's leading `//` comment block, written back on save (comments inside the plan's
    /// brackets are not kept).
    pub header: String,
    /// The comments a save would drop (all but the leading block), to warn before saving and to
    /// offer moving those written in a member into its `note`.
    pub dropped_comments: Vec<DroppedComment>,
}

/// The comment written at the top of a new plan file.
pub const DEFAULT_HEADER: &str =
    "// Consortium Planner plan file. Edit by hand if you like: `//` starts a comment.\n";

/// The leading `//` comment lines of a plan file (and blank lines among them), or
/// [`DEFAULT_HEADER`] when there are none.
pub fn header_comments(text: &str) -> String {
    let mut header = String::new();
    for line in text.trim_start_matches('\u{feff}').lines() {
        let t = line.trim_start();
        if t.starts_with("//") {
            header.push_str(line.trim_end());
            header.push('\n');
        } else if !t.is_empty() {
            break;
        }
    }
    if header.is_empty() {
        DEFAULT_HEADER.to_string()
    } else {
        header
    }
}

/// Why a plan file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file is larger than any plan can be.
    #[error(
        "the file is {bytes} bytes; plan files are at most {} bytes",
        limits::MAX_FILE_BYTES
    )]
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// The file is not valid UTF-8 text.
    #[error("the file is not UTF-8 text (invalid byte at line {line}, column {column})")]
    NotText {
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column of the first invalid byte.
        column: usize,
    },
    /// The file has problems that keep it from opening.
    #[error("{}", format_problems(.0))]
    Invalid(Vec<Problem>),
}

fn format_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The RON options every plan file is read and written with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(limits::MAX_NESTING)
}

/// The parser's error in words a planner can act on: what is wrong and what was expected.
fn syntax_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let hint = match code {
        E::IntegerOutOfBounds => {
            "this whole number is out of range; expected a non-negative number within the field's limits"
        }
        E::DuplicateStructField { .. } => "expected each field once; remove the repeated one",
        E::InvalidIntegerDigit { .. } => {
            "expected a whole number written with digits only, such as 2048"
        }
        E::InvalidEscape(_) => "expected one of the escapes \\n \\t \\\\ \\\" \\u{…}",
        E::TrailingCharacters => "expected the file to end after the plan's closing parenthesis",
        E::NoSuchExtension(_) => "expected only `#![enable(implicit_some)]` or no extension line",
        E::ExceededRecursionLimit => {
            "the file nests brackets far deeper than any plan; expected at most 64 levels"
        }
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "expected the comment to be closed with */"
        }
        E::Eof => {
            "the file ends too early; expected the rest of the plan and its closing parenthesis"
        }
        _ => "",
    };
    let base = match code {
        // ron suggests its own API here; a planner needs the plain fact.
        E::ExceededRecursionLimit => "nesting too deep".to_string(),
        other => other.to_string(),
    };
    let says_expected = base
        .to_lowercase()
        .replace("unexpected", "")
        .contains("expected");
    match (hint.is_empty(), says_expected) {
        (false, _) => format!("{base}: {hint}"),
        (true, true) => base,
        (true, false) => format!(
            "{base}: expected a value of the field's type here (a number, a \"quoted string\", a list or a named variant; see the file format in the README)"
        ),
    }
}

/// The parser's error as a problem: a known slip (see [`slips`]) says what to write instead, at
/// the place to fix; anything else gets the parser's words with a hint, at the parser's position.
fn syntax_problem(text: &str, e: &ron::error::SpannedError) -> Problem {
    let (line, column) = (e.span.start.line, e.span.start.col);
    match slips::explain(text, &e.code, line, column) {
        Some((position, message)) => Problem::at(Some(position), "", message, true),
        None => Problem::at(Some((line, column)), "", syntax_message(&e.code), true),
    }
}

/// Parses plan text and checks it against the catalog.
pub fn parse(text: &str, catalog: &Catalog) -> Result<Loaded, FileError> {
    // A UTF-8 byte-order mark (some Windows editors add one) is not part of the plan.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    let options = ron_options();
    // The version is read first, on its own, so a newer file gets a clear message.
    let newer = match problem::top_level_format(text) {
        Some(v) if v > FORMAT_VERSION => Some(v),
        Some(0) => {
            return Err(FileError::Invalid(vec![Problem::at(
                locate_key(text, "format"),
                "format",
                "format 0 does not exist; expected 1 or later",
                true,
            )]));
        }
        _ => None,
    };
    let mut plan: Plan = match options.from_str(text) {
        Ok(plan) => plan,
        // A newer file that uses something this version does not know is refused rather than
        // opened with that part silently dropped (a later save would lose it).
        Err(e) => {
            let problem = match newer {
                Some(n) => Problem::at(
                    locate_key(text, "format"),
                    "format",
                    format!(
                        "this file has format {n}, written by a newer version of Consortium Planner, and uses something this version does not understand ({}); expected format {FORMAT_VERSION} or older — update the app to open it (the file was not changed)",
                        syntax_message(&e.code)
                    ),
                    true,
                ),
                None => syntax_problem(text, &e),
            };
            return Err(FileError::Invalid(vec![problem]));
        }
    };
    let mut problems = validate(text, &plan, catalog);
    if problems.iter().any(|p| p.fatal) {
        return Err(FileError::Invalid(problems));
    }
    // The plan in memory is in this version's format whatever the file said (an older file is
    // upgraded; a newer one that is fully understood is read as this version), so a save writes
    // the format its content needs and an older app refuses it with a clear message.
    plan.format = FORMAT_VERSION;
    if let Some(n) = newer {
        // Everything in it is understood: open it and say so.
        problems.insert(
            0,
            Problem::at(
                locate_key(text, "format"),
                "format",
                format!(
                    "this file has format {n}, written by a newer version of Consortium Planner; this version understands everything in it and saves it as format {FORMAT_VERSION} (expected {FORMAT_VERSION} or older)"
                ),
                false,
            ),
        );
    }
    Ok(Loaded {
        plan,
        problems,
        header: header_comments(text),
        dropped_comments: dropped_comments(text),
    })
}

/// Reads and parses a plan file.
pub fn load(path: &Path, catalog: &Catalog) -> Result<Loaded, FileError> {
    parse(&read_text(path)?, catalog)
}

/// Reads a file as UTF-8 text within the plan-file size limit (a plan, or a personal catalog).
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let io = |source| FileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > limits::MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: size });
    }
    // Read at most one byte past the limit: a pipe or device reports no size but may never end.
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(io)?;
        file.take(limits::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let (line, column) = position_of(&text, text.len());
        FileError::NotText { line, column }
    })
}

/// How plan files (and personal catalogs) are pretty-printed: 4-space indent, no struct names.
fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// The plan as canonical, pretty-printed RON (stable field order, 4-space indent).
pub fn to_ron(plan: &Plan) -> String {
    to_ron_with_header(plan, DEFAULT_HEADER)
}

/// The plan as canonical RON under the given comment header (see [`header_comments`]).
pub fn to_ron_with_header(plan: &Plan, header: &str) -> String {
    let body = ron_options()
        .to_string_pretty(plan, pretty_config())
        .expect("a plan always serialises: it holds only strings, numbers, lists and enums");
    format!("{header}{body}\n")
}

/// Saves a plan safely (see [`save_text`]) with the default header.
pub fn save(plan: &Plan, path: &Path) -> Result<(), FileError> {
    save_text(&to_ron(plan), path)
}

/// Saves a plan safely under the comment header it was opened with.
pub fn save_with_header(plan: &Plan, header: &str, path: &Path) -> Result<(), FileError> {
    save_text(&to_ron_with_header(plan, header), path)
}
