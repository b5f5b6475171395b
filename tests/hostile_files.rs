//! Hostile and malformed plan files: every file in `tests/corpus/` goes through `file::load` on its
//! own thread, with a time limit and with panics caught, and must end as `tests/corpus/EXPECTED.txt`
//! says (`loads`, `problems` or `error`). Huge inputs (50 MB, 100,000 brackets, 7.9 MB of
//! whitespace, million-element arrays, a stream with no size) are made at test time instead of
//! being stored.
//!
//! What is asserted beyond the outcome:
//! - `loads`: no problem at all.
//! - `problems`: the plan opens; every problem is non-fatal, has a path and a message that says what
//!   was expected, and the first one has a line and a column.
//! - `error` as `FileError::Invalid`: the first problem is fatal and has a line (within the file)
//!   and a column; every problem's message is non-empty and says what was expected.
//! - `error` as `FileError::NotText`: its line and column are those of the first invalid byte,
//!   computed here independently.
//! - `error` as `FileError::TooLarge`: `bytes` is the file's size (a size has no position).
//! - `FileError::Io` is never right for a corpus file (they all exist and are readable).
//!
//! Every mismatch is collected and reported together, by file name, rather than stopping at the
//! first one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use consortium_planner::catalog::Catalog;
use consortium_planner::file::{self, FileError, Loaded, Problem, limits};

/// Longest a single load may take before it counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(5);

/// How many corpus files there must be at least.
const MIN_CORPUS_FILES: usize = 60;

/// Largest the stored corpus may be in total (huge cases are generated at test time).
const MAX_CORPUS_BYTES: u64 = 2 * 1024 * 1024;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

// ---------------------------------------------------------------------------------------------
// Running a load with a time limit and panics caught
// ---------------------------------------------------------------------------------------------

/// How a guarded load ended.
enum Outcome {
    Done(Box<Result<Loaded, FileError>>),
    Panicked(String),
    TimedOut,
}

impl Outcome {
    /// The load's result, or why there is none (a panic or a hang).
    fn result(self) -> Result<Result<Loaded, FileError>, String> {
        match self {
            Outcome::Done(result) => Ok(*result),
            Outcome::Panicked(message) => Err(format!("panicked: {message}")),
            Outcome::TimedOut => Err(format!("no answer within {TIMEOUT:?}")),
        }
    }
}

/// `file::load(path)` on its own thread with panics caught; gives up waiting after `timeout` (the
/// thread is left running: a thread cannot be killed, but the test goes on and reports the hang).
fn guarded<F>(timeout: Duration, f: F) -> (Outcome, Duration)
where
    F: FnOnce() -> Result<Loaded, FileError> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::Builder::new()
        .name("guarded-load".into())
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic with a non-string payload".into())
            });
            let _ = tx.send(result);
        })
        .expect("spawn a loader thread");
    let outcome = match rx.recv_timeout(timeout) {
        Ok(Ok(result)) => Outcome::Done(Box::new(result)),
        Ok(Err(message)) => Outcome::Panicked(message),
        Err(_) => Outcome::TimedOut,
    };
    (outcome, start.elapsed())
}

fn guarded_load(path: &Path) -> (Outcome, Duration) {
    let path = path.to_path_buf();
    guarded(TIMEOUT, move || file::load(&path, catalog()))
}

// ---------------------------------------------------------------------------------------------
// What each outcome must look like
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Loads,
    Problems,
    Error,
}

impl Expect {
    fn parse(word: &str) -> Option<Expect> {
        match word {
            "loads" => Some(Expect::Loads),
            "problems" => Some(Expect::Problems),
            "error" => Some(Expect::Error),
            _ => None,
        }
    }
}

/// `EXPECTED.txt`: `NAME<TAB>loads|error|problems`, one line per corpus file.
fn manifest() -> BTreeMap<String, Expect> {
    let path = corpus_dir().join("EXPECTED.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut map = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (name, word) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("EXPECTED.txt line {}: no tab in {line:?}", n + 1));
        let expect = Expect::parse(word)
            .unwrap_or_else(|| panic!("EXPECTED.txt line {}: unknown expectation {word:?}", n + 1));
        assert!(
            map.insert(name.to_string(), expect).is_none(),
            "EXPECTED.txt line {}: {name} is listed twice",
            n + 1
        );
    }
    map
}

/// Whether a message tells the reader what was expected (or allowed, or what to do instead).
/// "Unexpected …" alone does not count: it says what is wrong, not what would be right.
fn says_what_was_expected(message: &str) -> bool {
    let m = message.to_lowercase();
    let expected = m
        .match_indices("expected")
        .any(|(i, _)| !m[..i].ends_with("un"));
    expected
        || [
            "missing field",
            "at most",
            "from ",
            "such as",
            "must ",
            "merge ",
            "update the app",
            "give the",
            "exceed",
        ]
        .iter()
        .any(|w| m.contains(w))
}

/// 1-based (line, column in characters) of the first byte that is not UTF-8, computed here without
/// the crate's position code.
fn first_invalid_utf8(bytes: &[u8]) -> Option<(usize, usize)> {
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => return None,
        Err(e) => e.valid_up_to(),
    };
    let before = std::str::from_utf8(&bytes[..valid]).expect("prefix is valid");
    let line = before.split('\n').count();
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, column))
}

fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .take(3)
        .map(|p| {
            format!(
                "[{}{:?}] {p}",
                if p.fatal { "fatal " } else { "" },
                (p.line, p.column)
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Checks one outcome against its expectation; returns what is wrong (empty when all is right) and
/// a one-line summary of what happened.
fn check(bytes: &[u8], expect: Expect, outcome: &Outcome) -> (Vec<String>, String) {
    let mut wrong = Vec::new();
    let lines_in_file = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let summary = match outcome {
        Outcome::TimedOut => {
            wrong.push(format!(
                "no answer within {TIMEOUT:?} (a hang, or far too slow)"
            ));
            "TIMED OUT".to_string()
        }
        Outcome::Panicked(message) => {
            wrong.push(format!("panicked: {message}"));
            format!("PANIC: {message}")
        }
        Outcome::Done(result) => match result.as_ref() {
            Ok(loaded) => {
                let got = if loaded.problems.is_empty() {
                    Expect::Loads
                } else {
                    Expect::Problems
                };
                if got != expect {
                    wrong.push(format!("expected {expect:?}, got {got:?}"));
                }
                for p in &loaded.problems {
                    if p.fatal {
                        wrong.push(format!("a loaded plan has a fatal problem: {p}"));
                    }
                    if p.path.is_empty() {
                        wrong.push(format!("problem without a path: {p}"));
                    }
                    if !says_what_was_expected(&p.message) {
                        wrong.push(format!("message does not say what was expected: {p}"));
                    }
                }
                if let Some(first) = loaded.problems.first()
                    && (first.line.is_none() || first.column.is_none())
                {
                    wrong.push(format!("first problem has no line and column: {first}"));
                }
                format!("{got:?}: {}", describe(&loaded.problems))
            }
            Err(e) => {
                if expect != Expect::Error {
                    wrong.push(format!("expected {expect:?}, got the error: {e}"));
                }
                match e {
                    FileError::Invalid(problems) => {
                        match problems.first() {
                            None => wrong.push("Invalid with no problem".into()),
                            Some(first) => {
                                if !first.fatal {
                                    wrong.push(format!(
                                    "the first problem of a refused file is not the fatal one: {first}"
                                ));
                                }
                                match (first.line, first.column) {
                                    (Some(line), Some(column)) => {
                                        if line == 0 || line > lines_in_file || column == 0 {
                                            wrong.push(format!(
                                            "position ({line}, {column}) is outside the file ({lines_in_file} lines)"
                                        ));
                                        }
                                    }
                                    _ => wrong.push(format!(
                                        "first problem has no line and column: {first}"
                                    )),
                                }
                            }
                        }
                        if !problems.iter().any(|p| p.fatal) {
                            wrong.push("refused, but no problem is fatal".into());
                        }
                        for p in problems {
                            if p.message.trim().is_empty() {
                                wrong.push(format!("empty message: {p:?}"));
                            } else if !says_what_was_expected(&p.message) {
                                wrong.push(format!("message does not say what was expected: {p}"));
                            }
                        }
                        format!("Invalid: {}", describe(problems))
                    }
                    FileError::TooLarge { bytes: reported } => {
                        if *reported != bytes.len() as u64 {
                            wrong.push(format!(
                                "TooLarge says {reported} bytes; the file has {}",
                                bytes.len()
                            ));
                        }
                        if bytes.len() as u64 <= limits::MAX_FILE_BYTES {
                            wrong.push("TooLarge for a file within the limit".into());
                        }
                        format!("TooLarge {{ bytes: {reported} }}")
                    }
                    FileError::NotText { line, column } => {
                        match first_invalid_utf8(bytes) {
                            Some(at) if at == (*line, *column) => {}
                            Some(at) => wrong.push(format!(
                                "NotText at ({line}, {column}); the first invalid byte is at {at:?}"
                            )),
                            None => wrong.push("NotText for a file that is UTF-8".into()),
                        }
                        format!("NotText at ({line}, {column})")
                    }
                    FileError::Io { .. } => {
                        wrong.push(format!("an I/O error for a readable file: {e}"));
                        format!("Io: {e}")
                    }
                }
            }
        },
    };
    (wrong, summary)
}

// ---------------------------------------------------------------------------------------------
// The stored corpus
// ---------------------------------------------------------------------------------------------

#[test]
fn corpus_is_listed_complete_and_small() {
    let listed = manifest();
    let mut on_disk = Vec::new();
    let mut total = 0;
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/corpus exists") {
        let entry = entry.expect("readable entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "EXPECTED.txt" {
            continue;
        }
        total += entry.metadata().expect("metadata").len();
        on_disk.push(name);
    }
    on_disk.sort();
    let unlisted: Vec<_> = on_disk
        .iter()
        .filter(|n| !listed.contains_key(*n))
        .collect();
    let missing: Vec<_> = listed.keys().filter(|n| !on_disk.contains(n)).collect();
    assert!(
        unlisted.is_empty(),
        "files not in EXPECTED.txt: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "EXPECTED.txt lists missing files: {missing:?}"
    );
    assert!(
        on_disk.len() >= MIN_CORPUS_FILES,
        "only {} corpus files",
        on_disk.len()
    );
    assert!(
        total < MAX_CORPUS_BYTES,
        "the stored corpus is {total} bytes; generate huge cases at test time"
    );
}

#[test]
fn every_corpus_file_ends_as_expected() {
    let _ = catalog(); // parse the built-in catalog before any time limit runs
    let started = Instant::now();
    let mut failures = String::new();
    let mut report = String::new();
    for (name, expect) in manifest() {
        let path = corpus_dir().join(&name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (outcome, took) = guarded_load(&path);
        let (wrong, summary) = check(&bytes, expect, &outcome);
        let _ = writeln!(report, "{name:<48} {expect:<8?} {took:>9.1?}  {summary}");
        for w in wrong {
            let _ = writeln!(failures, "{name}: {w}");
        }
    }
    // Shown with `--nocapture`, and in the failure output.
    eprintln!(
        "{report}\n{} corpus files in {:.1?}",
        manifest().len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "corpus files not as expected:\n{failures}"
    );
}

fn load_corpus(name: &str) -> Result<Loaded, FileError> {
    file::load(&corpus_dir().join(name), catalog())
}

#[test]
fn crlf_line_endings_give_the_same_positions_as_lf() {
    let first = |name: &str| match load_corpus(name) {
        Err(FileError::Invalid(problems)) => (problems[0].line, problems[0].column),
        other => panic!("{name}: expected Invalid, got {other:?}"),
    };
    assert_eq!(
        first("crlf-unknown-field.ron"),
        first("unknown-field-top-level.ron")
    );
    let lf = load_corpus("valid-base.ron").expect("LF plan loads");
    let crlf = load_corpus("crlf-line-endings.ron").expect("CRLF plan loads");
    assert_eq!(crlf.plan, lf.plan, "CRLF changes what is read");
}

#[test]
fn unicode_in_names_is_kept_exactly() {
    let loaded = load_corpus("rtl-names.ron").expect("rtl-names.ron loads");
    let text = std::fs::read_to_string(corpus_dir().join("rtl-names.ron")).expect("read");
    let start = text.find("name: \"").expect("name field") + "name: \"".len();
    let written = &text[start..start + text[start..].find('"').expect("closing quote")];
    assert_eq!(loaded.plan.name, written, "the name was altered");
    for c in ['\u{202e}', '\u{200d}', '\u{200b}', '\u{feff}', '\u{301}'] {
        assert!(loaded.plan.name.contains(c), "{c:?} lost from the name");
    }
    assert!(loaded.plan.description.contains('\u{2028}'));
    // A plan that loads also saves and loads back unchanged.
    let again = file::parse(&file::to_ron(&loaded.plan), catalog()).expect("round trip");
    assert_eq!(again.plan, loaded.plan);
}

/// 1-based (line, column in characters) of the `n`-th (0-based) `needle` plus `skip` bytes.
fn nth_position(text: &str, needle: &str, n: usize, skip: usize) -> (usize, usize) {
    let offset = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("occurrence {n} of {needle:?} not found"))
        .0
        + skip;
    let before = &text[..offset];
    let line = before.split('\n').count();
    (
        line,
        before.rsplit('\n').next().unwrap_or("").chars().count() + 1,
    )
}

/// The (path, position) of every problem a corpus file gives, loaded or refused.
fn problems_of(name: &str) -> Vec<(String, Option<(usize, usize)>)> {
    let problems = match load_corpus(name) {
        Ok(loaded) => loaded.problems,
        Err(FileError::Invalid(problems)) => problems,
        Err(e) => panic!("{name}: {e}"),
    };
    problems
        .into_iter()
        .map(|p| (p.path, p.line.zip(p.column)))
        .collect()
}

/// Positions come from searching the text for `field: "value"`; these files put look-alikes in
/// comments, strings and other entries, and each problem must still point at its own entry.
#[test]
fn problems_point_at_the_entry_they_are_about() {
    let text = |name: &str| std::fs::read_to_string(corpus_dir().join(name)).expect("read");
    let mut wrong = Vec::new();
    let mut expect = |name: &str, path_prefix: &str, at: (usize, usize)| {
        let problems = problems_of(name);
        let mine: Vec<_> = problems
            .iter()
            .filter(|(path, _)| path.starts_with(path_prefix))
            .collect();
        if mine.is_empty() {
            wrong.push(format!(
                "{name}: no problem under {path_prefix}: {problems:?}"
            ));
        }
        for (path, position) in mine {
            if *position != Some(at) {
                wrong.push(format!(
                    "{name}: {path} is at {position:?}; expected {at:?}"
                ));
            }
        }
    };
    let name = "custom-ids-shared-by-accelerator-and-model.ron";
    let t = text(name);
    let id = "id: \"homegrown_npu\"";
    expect(name, "custom_accelerators[0]", nth_position(&t, id, 0, 4));
    expect(name, "custom_models[0]", nth_position(&t, id, 1, 4));

    let name = "block-comment-mentions-unknown-country.ron";
    let t = text(name);
    expect(
        name,
        "members[1].country",
        nth_position(&t, "country: \"ZZ\"", 1, 9),
    );

    let name = "raw-string-mentions-unknown-accelerator.ron";
    let t = text(name);
    let needle = "accelerator: \"nvidia_h999\"";
    expect(name, "members[1].chips[0]", nth_position(&t, needle, 1, 13));

    let name = "url-before-unknown-country-one-line.ron";
    let t = text(name);
    expect(name, "members[0].country", nth_position(&t, "\"ZZ\"", 0, 0));

    let name = "url-before-format-99-one-line.ron";
    let t = text(name);
    expect(name, "format", nth_position(&t, "format: 99", 0, 0));

    // Limits on one entry point at that entry, not at the first field of the same name: an
    // over-long text at its value, a member's over-long list at that member's `country`.
    let name = "workload-name-2001-chars.ron";
    let t = text(name);
    expect(name, "workloads[1].name", nth_position(&t, "\"www", 0, 0));
    let name = "workload-name-2001-chars-plan-name-last.ron";
    let t = text(name);
    expect(name, "workloads[1].name", nth_position(&t, "\"www", 0, 0));
    let name = "chip-lines-501-in-one-member.ron";
    let t = text(name);
    expect(name, "members[1].chips", nth_position(&t, "\"AR\"", 0, 0));

    // A code inside a list, and values written with escapes.
    let name = "custom-accelerator-unknown-fab-country.ron";
    let t = text(name);
    expect(
        name,
        "custom_accelerators[0].fab_countries[1]",
        nth_position(&t, "\"ZZ\"", 0, 0),
    );
    let name = "escaped-unknown-accelerator-id.ron";
    let t = text(name);
    expect(
        name,
        "members[1].chips[0]",
        nth_position(&t, "\"nvidia\\u{5f}h999\"", 0, 0),
    );
    let name = "quote-in-unknown-accelerator-id.ron";
    let t = text(name);
    expect(
        name,
        "members[1].chips[0]",
        nth_position(&t, "\"nvidia \\\"h999", 0, 0),
    );

    // The reason a file is refused is listed first, even after many warnings.
    let name = "fatal-after-100-warnings.ron";
    let t = text(name);
    let (line, _) = nth_position(&t, "provider: \"ppp", 0, 0);
    match load_corpus(name) {
        Err(FileError::Invalid(problems)) => {
            let first = &problems[0];
            if !(first.fatal && first.path.ends_with("tenure.provider") && first.line == Some(line))
            {
                wrong.push(format!(
                    "{name}: the first problem should be the over-long provider on line {line}; got {first}"
                ));
            }
        }
        other => wrong.push(format!("{name}: expected Invalid, got {other:?}")),
    }

    assert!(
        wrong.is_empty(),
        "problems at the wrong place:\n{}",
        wrong.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Huge inputs made at test time
// ---------------------------------------------------------------------------------------------

/// A small valid plan, for padding and embedding.
const PLAN: &str = r#"(
    format: 1,
    name: "Generated",
    base_model: "llama3.1-70b",
    members: [(country: "CL", chips: [(accelerator: "nvidia_h100_sxm", count: 8)])],
)
"#;

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// Loads a generated file under the time limit and checks it like a corpus file.
fn expect_generated(dir: &Path, name: &str, bytes: &[u8], expect: Expect) -> (Outcome, Duration) {
    let path = write_temp(dir, name, bytes);
    let (outcome, took) = guarded_load(&path);
    let (wrong, summary) = check(bytes, expect, &outcome);
    eprintln!("{name}: {took:.1?} {summary}");
    assert!(
        wrong.is_empty(),
        "{name} ({took:.1?}):\n{}",
        wrong.join("\n")
    );
    (outcome, took)
}

#[test]
fn fifty_megabyte_file_is_refused_from_its_size_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Sparse files: they take no disk, and reading one would take visible time and memory. The
    // 64 GiB one could not be read at all on this machine, so refusing it proves `load` looks at
    // the size before reading.
    for (name, size) in [
        ("50mb.ron", 50 * 1024 * 1024),
        ("64gib.ron", 64u64 * 1024 * 1024 * 1024),
    ] {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(size))
            .expect("sparse file");
        let (outcome, took) = guarded_load(&path);
        match outcome.result() {
            Ok(Err(FileError::TooLarge { bytes })) => assert_eq!(bytes, size),
            Ok(other) => panic!("{name}: expected TooLarge, got {other:?}"),
            Err(why) => panic!("{name}: {why}"),
        }
        assert!(
            took < Duration::from_millis(500),
            "{name}: refusing took {took:?}"
        );
    }
}

#[test]
fn exactly_at_the_size_limit_loads_and_one_byte_more_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = PLAN.to_string();
    text.push_str(&" ".repeat(limits::MAX_FILE_BYTES as usize - text.len()));
    assert_eq!(text.len() as u64, limits::MAX_FILE_BYTES);
    expect_generated(dir.path(), "at-limit.ron", text.as_bytes(), Expect::Loads);
    text.push(' ');
    expect_generated(dir.path(), "over-limit.ron", text.as_bytes(), Expect::Error);
}

/// Decision: a file under the size limit that is mostly whitespace or comment is a valid plan and
/// loads (the limit is on bytes, not on what they are); it must load quickly.
#[test]
fn seven_point_nine_megabytes_of_whitespace_or_comment_around_a_plan_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pad = 7_900_000;
    let whitespace = format!(
        "{}{PLAN}{}",
        " \n\t".repeat(pad / 6),
        "\r\n".repeat(pad / 4)
    );
    let comment = format!(
        "/*{}*/\n{PLAN}// {}\n",
        "x".repeat(pad / 2),
        "y".repeat(pad / 2)
    );
    let lines_of_comment = format!("{}{PLAN}", "// a comment line\n".repeat(pad / 18));
    for (name, text) in [
        ("whitespace.ron", whitespace),
        ("block-comment.ron", comment),
        ("line-comments.ron", lines_of_comment),
    ] {
        assert!(text.len() as u64 <= limits::MAX_FILE_BYTES && text.len() > 7_800_000);
        expect_generated(dir.path(), name, text.as_bytes(), Expect::Loads);
    }
}

#[test]
fn a_hundred_thousand_nested_brackets_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 100_000;
    let inside_plan = |open: &str, close: &str| {
        PLAN.replace(
            "name: \"Generated\"",
            &format!("name: {}{}", open.repeat(n), close.repeat(n)),
        )
    };
    let cases = [
        ("parens.ron", "(".repeat(n)),
        ("brackets.ron", "[".repeat(n)),
        ("braces.ron", "{".repeat(n)),
        ("brackets-balanced-in-name.ron", inside_plan("[", "]")),
        ("parens-balanced-in-name.ron", inside_plan("(", ")")),
        ("some-in-hosted-in.ron", {
            PLAN.replace(
                "count: 8)",
                &format!(
                    "count: 8, hosted_in: {}\"CL\"{})",
                    "Some(".repeat(n),
                    ")".repeat(n)
                ),
            )
        }),
        ("mixed.ron", "[({".repeat(n / 3)),
    ];
    for (name, text) in cases {
        expect_generated(dir.path(), name, text.as_bytes(), Expect::Error);
    }
}

#[test]
fn million_element_arrays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 1_000_000;
    let with_members = |items: &str| {
        PLAN.replace(
            "members: [(country: \"CL\", chips: [(accelerator: \"nvidia_h100_sxm\", count: 8)])]",
            &format!("members: [{items}]"),
        )
    };
    let with_custom_accelerator = |field: &str, items: &str| {
        PLAN.replace(
            "members: [",
            &format!(
                "custom_accelerators: [(id: \"npu\", name: \"N\", vendor: \"V\", vendor_country: \"KE\", {field}: [{items}])],\n    members: ["
            ),
        )
    };
    // Over the size limit: refused from the size.
    let members = with_members(&"(country:\"CL\"),".repeat(n));
    expect_generated(
        dir.path(),
        "1e6-members.ron",
        members.as_bytes(),
        Expect::Error,
    );
    // Wrong element type: refused at the first element.
    let zeros = with_members(&"0,".repeat(n));
    expect_generated(
        dir.path(),
        "1e6-zeros-as-members.ron",
        zeros.as_bytes(),
        Expect::Error,
    );
    // A million entries in a country list is absurd even when every code is known: refused by
    // the list limit (limits::MAX_COUNTRY_LIST).
    let known = with_custom_accelerator("fab_countries", &"\"US\",".repeat(n));
    expect_generated(
        dir.path(),
        "1e6-known-fab-countries.ron",
        known.as_bytes(),
        Expect::Error,
    );
    // The same list of an unknown code: a million non-fatal problems, or refused by a limit —
    // either is acceptable, but not a hang.
    let unknown = with_custom_accelerator("fab_countries", &"\"ZZ\",".repeat(n));
    let path = write_temp(
        dir.path(),
        "1e6-unknown-fab-countries.ron",
        unknown.as_bytes(),
    );
    let (outcome, took) = guarded_load(&path);
    match outcome.result() {
        Ok(Ok(_) | Err(FileError::Invalid(_))) => {}
        Ok(Err(e)) => panic!("1e6 unknown fab countries: unexpected {e:?}"),
        Err(why) => panic!("1e6 unknown fab countries ({} bytes): {why}", unknown.len()),
    }
    eprintln!("1e6-unknown-fab-countries: {took:.1?}");
}

/// The largest plan the limits allow, with every chip line naming an unknown accelerator: 300
/// members × 500 chip lines. It is within every limit, so it must open (with 150,000 non-fatal
/// problems) in reasonable time.
#[test]
fn a_plan_at_every_limit_with_unknown_ids_loads_in_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let codes: Vec<String> = catalog()
        .countries
        .countries
        .iter()
        .map(|c| c.code.clone())
        .take(limits::MAX_MEMBERS)
        .collect();
    let mut members = String::new();
    for (i, code) in codes.iter().cycle().take(limits::MAX_MEMBERS).enumerate() {
        let _ = write!(members, "(country:\"{code}\",chips:[");
        for j in 0..limits::MAX_LINES_PER_MEMBER {
            let _ = write!(members, "(accelerator:\"x{i}_{j}\",count:1),");
        }
        members.push_str("]),\n");
    }
    let text = PLAN.replace(
        "members: [(country: \"CL\", chips: [(accelerator: \"nvidia_h100_sxm\", count: 8)])]",
        &format!("members: [\n{members}]"),
    );
    assert!(
        text.len() as u64 <= limits::MAX_FILE_BYTES,
        "{}",
        text.len()
    );
    expect_generated(
        dir.path(),
        "limits-unknown-ids.ron",
        text.as_bytes(),
        Expect::Problems,
    );
}

/// `load` on something with no size (a pipe, as `consortium-planner report <(…)` passes, or a
/// device such as /dev/zero): a valid plan still loads, and an endless stream is cut off near the
/// size limit instead of being read into memory to the end.
#[cfg(unix)]
#[test]
fn streams_without_a_size_are_read_only_up_to_the_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = |name: &str| {
        let path = dir.path().join(name);
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("run mkfifo");
        assert!(status.success(), "mkfifo failed");
        path
    };
    // Writes `chunks` of `chunk` to the pipe; returns how many bytes the reader took.
    let feed = |path: PathBuf, chunk: Vec<u8>, chunks: usize| {
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .expect("open the pipe for writing");
            let mut written = 0usize;
            for _ in 0..chunks {
                if f.write_all(&chunk).is_err() {
                    break; // the reader closed the pipe
                }
                written += chunk.len();
            }
            written
        })
    };

    let small = fifo("plan.fifo");
    let writer = feed(small.clone(), PLAN.as_bytes().to_vec(), 1);
    let (outcome, _) = guarded_load(&small);
    match outcome.result() {
        Ok(Ok(loaded)) => assert!(loaded.problems.is_empty(), "{:?}", loaded.problems),
        other => panic!("a plan from a pipe does not load: {other:?}"),
    }
    writer.join().expect("writer");

    let endless = fifo("endless.fifo");
    let chunk = vec![b' '; 1024 * 1024];
    let total = 64 * chunk.len();
    let writer = feed(endless.clone(), chunk, 64);
    let (outcome, took) = guarded_load(&endless);
    match outcome.result() {
        Ok(Err(FileError::TooLarge { .. })) => {}
        Ok(other) => panic!("64 MiB from a pipe: expected TooLarge, got {other:?}"),
        Err(why) => panic!("64 MiB from a pipe: {why}"),
    }
    let written = writer.join().expect("writer");
    eprintln!("endless pipe: reader took {written} of {total} bytes in {took:.1?}");
    assert!(
        (written as u64) < limits::MAX_FILE_BYTES + 2 * 1024 * 1024,
        "load read {written} bytes from a pipe before refusing it; it should stop just past the \
         {}-byte limit (a stream such as /dev/zero would never end)",
        limits::MAX_FILE_BYTES
    );
}
