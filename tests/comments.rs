//! A planner's reasoning survives: members' `note` fields are kept through save, and comments a
//! save would drop are found, warned about, and can be moved into notes.

use std::process::Command;

use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{FORMAT_VERSION, Member, Plan};

const BIN: &str = env!("CARGO_BIN_EXE_consortium-planner");

const COMMENTED: &str = r#"// Header: kept.
(
    format: 3,
    name: "Commented",
    base_model: "llama3.1-70b",
    members: [
        // Chile: 96 H200 confirmed by CENIA in January.
        (country: "CL", chips: [(accelerator: "nvidia_h200_sxm", count: 96)]),
        (country: "PE"), // Peru: power figure still to confirm
    ],
    // the workloads come later
)
"#;

#[test]
fn a_note_is_saved_only_when_written_and_reads_back() {
    let mut plan = Plan::new("Notes", "llama3.1-70b");
    let mut chile = Member::new("CL");
    chile.note = "Coordinator; \"96\" H200 // public".to_string();
    plan.members.push(chile);
    plan.members.push(Member::new("PE"));
    let text = file::to_ron(&plan);
    assert_eq!(text.matches("note:").count(), 1, "{text}");
    assert!(text.contains(&format!("    format: {FORMAT_VERSION},")));
    let loaded = file::parse(&text, Catalog::builtin()).expect("reads back");
    assert_eq!(loaded.plan, plan);
    assert!(
        loaded.dropped_comments.is_empty(),
        "{:?}",
        loaded.dropped_comments
    );
}

#[test]
fn comments_a_save_drops_are_found_and_move_into_their_members_notes() {
    let loaded = file::parse(COMMENTED, Catalog::builtin()).expect("valid");
    let found: Vec<(usize, Option<usize>)> = loaded
        .dropped_comments
        .iter()
        .map(|c| (c.line, c.member))
        .collect();
    assert_eq!(found, vec![(7, Some(0)), (9, Some(1)), (11, None)]);
    let mut plan = loaded.plan.clone();
    assert_eq!(
        file::move_into_notes(&mut plan, &loaded.dropped_comments),
        2
    );
    assert_eq!(
        plan.members[0].note,
        "Chile: 96 H200 confirmed by CENIA in January."
    );
    assert_eq!(plan.members[1].note, "Peru: power figure still to confirm");
}

fn fmt(path: &std::path::Path, flags: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("fmt")
        .args(flags)
        .arg(path)
        .output()
        .expect("run fmt")
}

#[test]
fn fmt_does_not_drop_comments_unasked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commented.ron");
    std::fs::write(&path, COMMENTED).expect("write");

    let out = fmt(&path, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:7:9: this comment is inside", path.display())),
        "{err}"
    );
    assert!(err.contains("--comments-to-notes"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        COMMENTED,
        "file unchanged"
    );

    let out = fmt(&path, &["--comments-to-notes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":11:5: warning: comment dropped: the workloads come later"),
        "{err}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("// Header: kept.\n"), "{text}");
    assert!(
        text.contains("note: \"Chile: 96 H200 confirmed by CENIA in January.\""),
        "{text}"
    );
    assert!(
        text.contains("note: \"Peru: power figure still to confirm\""),
        "{text}"
    );

    std::fs::write(&path, COMMENTED).expect("write");
    let out = fmt(&path, &["--drop-comments"]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains("Chile:") && !text.contains("note:"),
        "{text}"
    );
}
