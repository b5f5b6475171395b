//! The personal catalog: an accelerator kept once from one plan is there in the next plan and the
//! next run, and a plan that uses it carries its own copy; `catalog check` and `catalog export`
//! validate and share entries from the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use consortium_planner::app::PlannerApp;
use consortium_planner::catalog::Catalog;
use consortium_planner::file;

mod common;

fn start(data_dir: &Path) -> Harness<'static, PlannerApp> {
    common::start_app(None, Some(data_dir.to_path_buf()))
}

fn click(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn an_accelerator_kept_in_my_catalog_can_be_used_in_a_new_plan_after_a_restart() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = start(data.path());
    click(&mut h, "Workloads & assumptions");
    click(&mut h, "+ Define an accelerator");
    assert_eq!(h.state().doc.plan.custom_accelerators.len(), 1);
    let defined = h.state().doc.plan.custom_accelerators[0].clone();
    click(&mut h, "Keep in my catalog");

    let file_path = data.path().join(file::PERSONAL_FILE_NAME);
    let (kept, problems) =
        file::load_personal(&file_path, Catalog::builtin()).expect("the catalog file reads back");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(kept.custom_accelerators, vec![defined.clone()]);
    assert!(h.query_by_label("Kept in my catalog").is_some());
    drop(h);

    // Next run, a new plan: the entry is offered and copied into the plan.
    let mut h = start(data.path());
    if h.query_by_label("Discard it").is_some() {
        // The first run's unsaved plan was autosaved to the same data folder.
        h.get_by_label("Discard it").click();
        h.run();
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    click(&mut h, "Workloads & assumptions");
    assert!(h.state().doc.plan.custom_accelerators.is_empty());
    click(&mut h, "Use in this plan");
    assert_eq!(h.state().doc.plan.custom_accelerators, vec![defined]);
    assert!(h.query_by_label("In this plan").is_some());

    // The plan carries the copy: removing it from my catalog leaves the plan as it is.
    click(&mut h, "Remove from my catalog");
    let (left, _) = file::load_personal(&file_path, Catalog::builtin()).expect("reads");
    assert!(left.is_empty());
    assert_eq!(h.state().doc.plan.custom_accelerators.len(), 1);
}

#[test]
fn a_personal_catalog_with_an_error_is_reported_and_left_untouched() {
    let data = tempfile::tempdir().expect("temp dir");
    let file_path = data.path().join(file::PERSONAL_FILE_NAME);
    let broken = "(\n    format: 1,\n    custom_models: [ (id: \"x\") ],\n)\n";
    std::fs::write(&file_path, broken).expect("write");
    let mut h = start(data.path());
    click(&mut h, "Workloads & assumptions");
    let problem = h
        .state()
        .personal
        .problem
        .clone()
        .expect("a problem is reported");
    assert!(problem.contains(":3:"), "{problem}");
    click(&mut h, "+ Define an accelerator");
    click(&mut h, "Keep in my catalog");
    assert_eq!(
        std::fs::read_to_string(&file_path).expect("read"),
        broken,
        "a file the app cannot read is never overwritten"
    );
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .args(args)
        .output()
        .expect("run the binary")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn catalog_export_prints_an_entry_that_catalog_check_accepts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("none.ron");
    let out = run(&[
        "catalog",
        "export",
        "nvidia_h100_sxm",
        "--from",
        path_str(&empty),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("id: \"nvidia_h100_sxm\""), "{text}");
    let shared: PathBuf = dir.path().join("shared.ron");
    std::fs::write(&shared, &text).expect("write");
    let out = run(&["catalog", "check", path_str(&shared)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 accelerator(s), 0 model(s)"));

    // An entry from the personal catalog is found before the built-in one.
    let mut mine = file::PersonalCatalog::new();
    let mut model = Catalog::builtin().models[0].clone();
    model.id = "regional-7b".into();
    model.name = "Regional 7B".into();
    mine.put_model(model);
    let mine_path = dir.path().join("mine.ron");
    std::fs::write(&mine_path, file::personal_to_ron(&mine)).expect("write");
    let out = run(&[
        "catalog",
        "export",
        "regional-7b",
        "--from",
        path_str(&mine_path),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("name: \"Regional 7B\""));

    let out = run(&[
        "catalog",
        "export",
        "no-such-id",
        "--from",
        path_str(&empty),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-id"));
}

#[test]
fn catalog_check_names_the_line_of_a_bad_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    format: 1,\n    custom_accelerators: [],\n    custom_models: [ (id: \"x\") ],\n)\n",
    )
    .expect("write");
    let out = run(&["catalog", "check", path_str(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.ron:4:"), "{err}");
    assert!(!err.contains("panicked"));
    // The listing still works beside the new sub-commands.
    let out = run(&["catalog", "chips"]);
    assert_eq!(out.status.code(), Some(0));
}
