//! In the app: a plan whose comments a save would drop says so when opened (in the Overview's
//! problem list, as FILE:LINE:COLUMN), and Save asks first, offering to move members' comments
//! into their notes.

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use consortium_planner::app::PlannerApp;

mod common;
use common::texts_containing;

const COMMENTED: &str = r#"// Header: kept.
(
    format: 3,
    name: "Commented",
    base_model: "llama3.1-70b",
    members: [
        // Chile: 96 H200 confirmed by CENIA in January.
        (country: "CL", chips: [(accelerator: "nvidia_h200_sxm", count: 96)]),
        (country: "PE"),
    ],
    // the workloads come later
)
"#;

fn start(path: PathBuf) -> Harness<'static, PlannerApp> {
    let mut h = common::start_app(Some(path), None);
    h.run();
    h
}

fn save(h: &mut Harness<'_, PlannerApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
}

#[test]
fn saving_a_commented_plan_asks_and_can_move_comments_into_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commented.ron");
    std::fs::write(&path, COMMENTED).expect("write");
    let mut h = start(path.clone());

    // Opened: the Overview's problem list says comments will not be kept, located in the file.
    let warning = texts_containing(&h, "commented.ron:7:9: comments: 2 comment(s)");
    assert_eq!(warning.len(), 1, "{:?}", texts_containing(&h, "comment"));

    // Cancel keeps the file as it is.
    save(&mut h);
    assert_eq!(
        texts_containing(&h, "Keep your comments?").len(),
        1,
        "Save asks first"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), COMMENTED);

    // Move them: Chile's comment becomes its note; the one outside any member is dropped.
    save(&mut h);
    h.get_by_label("Move them into notes and save").click();
    h.run();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("// Header: kept.\n"), "{text}");
    assert!(
        text.contains("note: \"Chile: 96 H200 confirmed by CENIA in January.\""),
        "{text}"
    );
    assert!(!h.state().doc.is_dirty());

    // The file no longer has such comments: the next save does not ask.
    save(&mut h);
    assert!(texts_containing(&h, "Keep your comments?").is_empty());
}
