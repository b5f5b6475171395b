//! The common slips of a hand-edited plan are refused with what to write instead, at the place to
//! fix, in the `FILE:LINE:COLUMN: message` form editors and terminals turn into links.

use std::process::Command;

use consortium_planner::catalog::Catalog;
use consortium_planner::file::{self, FileError, Problem};

/// A small valid plan; each test breaks one spot of it.
const PLAN: &str = r#"// A small plan.
(
    format: 2,
    name: "Slips",
    base_model: "llama3.1-70b",
    members: [
        (
            country: "CL",
            chips: [(accelerator: "nvidia_h100_sxm", count: 64, tenure: Owned)],
            power: [(mw: 2.0, source: Hydro, imported_share: 0.1)],
            experts: [(role: MlResearch, fte: 3.0)],
        ),
        (country: "PE"),
    ],
)
"#;

/// The one problem that keeps `text` from opening.
fn refused(text: &str) -> Problem {
    match file::parse(text, Catalog::builtin()) {
        Err(FileError::Invalid(problems)) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            problems.into_iter().next().expect("one problem")
        }
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

/// 1-based (line, column) of the first `needle` in `text`, plus `shift` characters.
fn pos(text: &str, needle: &str, shift: usize) -> (Option<usize>, Option<usize>) {
    let at = text.find(needle).expect("needle in text") + shift;
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (Some(line), Some(col))
}

fn broken(from: &str, to: &str) -> String {
    assert!(PLAN.contains(from), "{from}");
    PLAN.replacen(from, to, 1)
}

#[test]
fn the_plan_itself_opens() {
    file::parse(PLAN, Catalog::builtin()).expect("the base plan is valid");
}

#[test]
fn a_hexadecimal_count_says_the_decimal_number() {
    let text = broken("count: 64", "count: 0x40");
    let p = refused(&text);
    assert!(p.message.contains("hexadecimal"), "{p}");
    assert!(
        p.message.contains("write `count: 64`") && p.message.contains("expected"),
        "{p}"
    );
    assert_eq!((p.line, p.column), pos(&text, "0x40", 0));
}

#[test]
fn a_unit_after_a_number_says_to_write_the_number_alone() {
    for (written, write) in [("2MW", "mw: 2`"), ("2 MW", "mw: 2`"), ("0.5GW", "mw: 500`")] {
        let text = broken("mw: 2.0", &format!("mw: {written}"));
        let p = refused(&text);
        assert!(p.message.contains(&format!("`{written}`")), "{p}");
        assert!(p.message.contains("without a unit"), "{p}");
        assert!(p.message.contains(write), "{written}: {p}");
        assert_eq!((p.line, p.column), pos(&text, written, 0), "{written}");
    }
}

#[test]
fn a_percentage_share_says_the_fraction() {
    let text = broken("imported_share: 0.1", "imported_share: 20%");
    let p = refused(&text);
    assert!(p.message.contains("write `imported_share: 0.2`"), "{p}");
}

#[test]
fn a_thousands_comma_says_to_drop_it() {
    let text = broken("count: 64", "count: 1,000");
    let p = refused(&text);
    assert!(p.message.contains("write `count: 1000`"), "{p}");
    assert!(p.message.contains("`count: 1_000`"), "{p}");
    assert_eq!((p.line, p.column), pos(&text, "1,000", 0));
}

#[test]
fn a_missing_comma_points_where_it_belongs() {
    // Between two fields.
    let text = broken("count: 64,", "count: 64");
    let p = refused(&text);
    assert!(
        p.message
            .contains("a comma is missing between `64` and `tenure`"),
        "{p}"
    );
    assert_eq!((p.line, p.column), pos(&text, "64 tenure", 2));
    // Between two list items written on separate lines.
    let text = broken(
        "        ),\n        (country",
        "        )\n        (country",
    );
    let p = refused(&text);
    assert!(p.message.contains("a comma is missing between `)`"), "{p}");
    assert_eq!((p.line, p.column), pos(&text, ")\n        (country", 1));
}

#[test]
fn a_misspelt_variant_suggests_the_nearest() {
    let text = broken("tenure: Owned", "tenure: Ownd");
    let p = refused(&text);
    assert!(p.message.contains("did you mean `Owned`?"), "{p}");
    let text = broken("role: MlResearch", "role: MLresearch");
    let p = refused(&text);
    assert!(p.message.contains("did you mean `MlResearch`?"), "{p}");
    assert!(
        p.message.contains("`PolicyLegalEthics`"),
        "lists the choices: {p}"
    );
    // Nothing close: the choices, without a guess.
    let text = broken("source: Hydro", "source: Geothermal");
    let p = refused(&text);
    assert!(!p.message.contains("did you mean"), "{p}");
    assert!(p.message.contains("`GridMix`"), "{p}");
}

#[test]
fn a_misspelt_field_suggests_the_nearest() {
    let text = broken("count: 64", "cuont: 64");
    let p = refused(&text);
    assert!(p.message.contains("did you mean `count`?"), "{p}");
}

#[test]
fn the_command_line_prints_file_line_column_and_the_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("slip.ron");
    let text = broken("count: 64", "count: 0x40");
    std::fs::write(&path, &text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .arg("validate")
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let (Some(line), Some(col)) = pos(&text, "0x40", 0) else {
        unreachable!()
    };
    let expected = format!(
        "{}:{line}:{col}: `0x40` is a hexadecimal number",
        path.display()
    );
    assert!(err.starts_with(&expected), "{err}");
}

#[test]
fn a_misspelt_catalog_id_suggests_the_nearest() {
    let text = broken("\"nvidia_h100_sxm\"", "\"nvidia_h100_sxn\"").replacen(
        "\"llama3.1-70b\"",
        "\"llama3.1-70B\"",
        1,
    );
    let loaded = file::parse(&text, Catalog::builtin()).expect("unknown ids still open");
    let messages: Vec<&str> = loaded.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"nvidia_h100_sxn\"; did you mean \"nvidia_h100_sxm\"?")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"llama3.1-70B\"; did you mean \"llama3.1-70b\"?")),
        "{messages:?}"
    );
}
