//! A delegate's first hour, driven headless through egui_kittest: exports that never land on the
//! plan file unasked, saves that say where they went, and numbers read as they were typed
//! (decimal commas, refused values that stay visible while the plan keeps its old value).
//!
//! The app runs with typed-path prompts (as on a system without a file dialog), where the
//! walkthrough found an HTML export pre-filled with the plan's own path.

use std::path::{Path, PathBuf};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use consortium_planner::app::PlannerApp;

mod common;
use common::texts_containing;

/// The placeholder of the export prompt's field, per kind.
const HTML_HINT: &str = "/path/to/report.html";
const PNG_HINT: &str = "/path/to/view.png";
const PLAN_HINT: &str = "/path/to/plan.ron";

fn start(path: Option<PathBuf>) -> Harness<'static, PlannerApp> {
    common::start_app(path, None)
}

/// A copy of an example plan in a fresh folder, opened in the app.
fn open_copy(example: &str) -> (tempfile::TempDir, PathBuf, Harness<'static, PlannerApp>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join(example);
    std::fs::copy(Path::new("saves").join(example), &plan).expect("copy the example");
    let h = start(Some(plan.clone()));
    (dir, plan, h)
}

/// Clicks the File menu entry that starts with `label` (entries carry their shortcut after it).
fn file_menu(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(label)))
        .click();
    h.run();
}

fn prompt_text(h: &Harness<'_, PlannerApp>, hint: &str) -> String {
    h.get_by(|n| n.data().placeholder() == Some(hint))
        .value()
        .unwrap_or_default()
}

fn type_and_enter(h: &mut Harness<'_, PlannerApp>, text: &str) {
    h.event(egui::Event::Text(text.into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

// ---------------------------------------------------------------------------------------------
// Exports and saves
// ---------------------------------------------------------------------------------------------

#[test]
fn the_html_export_suggests_a_report_beside_the_plan_and_enter_writes_it_there() {
    let (dir, plan, mut h) = open_copy("latam-gpt.ron");
    let original = std::fs::read(&plan).expect("read plan");
    file_menu(&mut h, "Export report (HTML)");
    let suggested = prompt_text(&h, HTML_HINT);
    let expected = dir.path().join("latam-gpt-report.html");
    assert_eq!(suggested, expected.display().to_string());

    h.key_press(Key::Enter);
    h.run();
    let html = std::fs::read_to_string(&expected).expect("the report was written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        std::fs::read(&plan).expect("read plan"),
        original,
        "plan untouched"
    );
    assert!(
        !texts_containing(&h, &format!("to {}", expected.display())).is_empty(),
        "the status bar gives the full path"
    );
}

#[test]
fn typing_a_name_in_the_png_export_replaces_the_suggested_name_and_keeps_the_folder() {
    let (dir, _plan, mut h) = open_copy("latam-gpt.ron");
    file_menu(&mut h, "Export view as PNG");
    assert_eq!(
        prompt_text(&h, PNG_HINT),
        dir.path()
            .join("latam-gpt-overview.png")
            .display()
            .to_string()
    );
    h.event(egui::Event::Text("view.png".into()));
    h.run();
    assert_eq!(
        prompt_text(&h, PNG_HINT),
        dir.path().join("view.png").display().to_string(),
        "the suggested name was selected, so typing replaced it"
    );
}

#[test]
fn an_export_typed_onto_the_plan_file_asks_first_and_cancel_writes_nothing() {
    let (_dir, plan, mut h) = open_copy("latam-gpt.ron");
    let original = std::fs::read(&plan).expect("read plan");
    file_menu(&mut h, "Export report (HTML)");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    type_and_enter(&mut h, &plan.display().to_string());

    assert!(
        h.query_by_label("Replace a plan file?").is_some()
            || !texts_containing(&h, "Replace a plan file?").is_empty(),
        "the app asks before replacing the plan"
    );
    assert!(!texts_containing(&h, "is the plan being exported").is_empty());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read(&plan).expect("read plan"), original);
    assert!(!texts_containing(&h, "Export cancelled").is_empty());

    // Asked again and confirmed, it is written; the .bak keeps the plan.
    file_menu(&mut h, "Export report (HTML)");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    type_and_enter(&mut h, &plan.display().to_string());
    h.get_by_label("Replace the plan with the export").click();
    h.run();
    assert!(
        std::fs::read_to_string(&plan)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
    let bak = consortium_planner::file::backup_path(&plan);
    assert_eq!(std::fs::read(bak).expect("bak"), original);
}

#[test]
fn saving_an_untitled_plan_under_a_bare_name_writes_into_the_suggested_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = start(None);
    h.state_mut().settings.last_folder = Some(dir.path().to_path_buf());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        prompt_text(&h, PLAN_HINT),
        dir.path()
            .join("new-consortium-plan.ron")
            .display()
            .to_string()
    );
    type_and_enter(&mut h, "east-africa");

    let written = dir.path().join("east-africa.ron");
    assert!(written.exists(), "saved in the suggested folder");
    assert!(
        !Path::new("east-africa.ron").exists(),
        "not in the working directory"
    );
    assert_eq!(h.state().doc.path.as_deref(), Some(written.as_path()));
    assert!(
        !texts_containing(&h, &format!("Saved {}", written.display())).is_empty(),
        "the status bar shows the full path"
    );
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/// The spin buttons (number fields) on screen, by accessible value.
fn spin_values(h: &Harness<'_, PlannerApp>) -> Vec<String> {
    h.query_all_by(|n| n.role() == Role::SpinButton)
        .filter_map(|n| n.value())
        .collect()
}

/// Clicks the `index`-th number field, types `text` and presses Enter.
fn type_into_field(h: &mut Harness<'_, PlannerApp>, index: usize, text: &str) {
    let node = h
        .query_all_by(|n| n.role() == Role::SpinButton)
        .nth(index)
        .expect("field");
    node.scroll_to_me();
    h.run();
    h.query_all_by(|n| n.role() == Role::SpinButton)
        .nth(index)
        .expect("field")
        .click();
    h.run();
    type_and_enter(h, text);
}

/// The index of Chile's power field among the number fields on screen.
fn power_field(h: &Harness<'_, PlannerApp>) -> usize {
    spin_values(h)
        .iter()
        .position(|v| v.ends_with(" MW"))
        .expect("Chile has a power line")
}

fn select_chile(h: &mut Harness<'_, PlannerApp>) {
    h.get_by_label("Members").click();
    h.run();
    h.get_by_label_contains("CL  Chile").click();
    h.run();
}

#[test]
fn a_decimal_comma_in_a_power_field_reads_as_a_decimal_point() {
    let mut h = start(None);
    select_chile(&mut h);
    let mw_field = power_field(&h);
    type_into_field(&mut h, mw_field, "2,5");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, 2.5);
    type_into_field(&mut h, mw_field, "1.234,5");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, 1234.5);
    type_into_field(&mut h, mw_field, "1,234.5");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, 1234.5);
}

#[test]
fn every_number_field_reads_a_decimal_comma() {
    // Members (Chile's chips, power, experts, funding) and Workloads & assumptions.
    for view in ["Members", "Workloads & assumptions"] {
        let mut h = start(None);
        if view == "Members" {
            select_chile(&mut h);
        } else {
            h.get_by_label(view).click();
            h.run();
        }
        let count = spin_values(&h).len();
        assert!(count >= 4, "{view} has number fields");
        for index in 0..count {
            let before = h.state().doc.plan.clone();
            let shown_before = spin_values(&h)[index].clone();
            type_into_field(&mut h, index, "2,5");
            let refused = texts_containing(&h, "refused");
            if refused.is_empty() {
                assert!(
                    h.state().doc.plan != before || shown_before.starts_with("2.5"),
                    "{view}, field {index} ({shown_before}): 2,5 changed the plan"
                );
                assert!(
                    spin_values(&h)[index].starts_with("2.5"),
                    "{view}, field {index} shows {:?}, not 2.5",
                    spin_values(&h)[index]
                );
            } else {
                // Out of range or not a whole number: the refusal names 2.5, never 25.
                assert!(
                    refused.len() == 1 && refused[0].starts_with("2.5 refused"),
                    "{view}, field {index}: {refused:?}"
                );
                assert!(
                    h.state().doc.plan == before,
                    "a refused value changes nothing"
                );
                h.get_by(|n| {
                    n.role() == Role::Button
                        && n.description()
                            .is_some_and(|d| d.starts_with("Drop the refused"))
                })
                .click();
                h.run();
            }
        }
    }
}

#[test]
fn a_refused_value_stays_in_the_field_marked_and_the_plan_keeps_its_value() {
    let mut h = start(None);
    select_chile(&mut h);
    let old_mw = h.state().doc.plan.members[0].power[0].mw;
    let mw_field = power_field(&h);
    type_into_field(&mut h, mw_field, "5000000");

    assert_eq!(
        h.state().doc.plan.members[0].power[0].mw,
        old_mw,
        "old value kept"
    );
    assert!(!h.state().doc.is_dirty());
    assert_eq!(
        texts_containing(&h, "refused"),
        ["5,000,000 refused: allowed 0–100,000 MW"]
    );
    assert!(
        h.query_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("5000000"))
            .is_some(),
        "the field still shows what was typed"
    );

    // Corrected in place, it is applied.
    let field =
        h.get_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("5000000"));
    field.click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    type_and_enter(&mut h, "50,5");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, 50.5);
    assert!(texts_containing(&h, "refused").is_empty());

    // Esc in a refused field drops the entry and keeps the value.
    type_into_field(&mut h, mw_field, "lots");
    assert_eq!(
        texts_containing(&h, "refused"),
        ["“lots” refused: not a number"]
    );
    h.get_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("lots"))
        .click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(texts_containing(&h, "refused").is_empty(), "Esc dropped it");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, 50.5);
    assert!(spin_values(&h)[mw_field].starts_with("50.5"));
}

#[test]
fn a_number_that_could_be_read_two_ways_is_refused_with_both_readings() {
    let mut h = start(None);
    select_chile(&mut h);
    let old_mw = h.state().doc.plan.members[0].power[0].mw;
    let mw_field = power_field(&h);
    type_into_field(&mut h, mw_field, "1,234");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, old_mw);
    let refused = texts_containing(&h, "refused");
    assert_eq!(refused.len(), 1);
    assert!(refused[0].contains("write 1234 or 1.234"), "{refused:?}");
}

#[test]
fn a_decimal_comma_typed_into_a_presentation_lever_reads_as_a_decimal() {
    let mut h = start(None);
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting);
    let pue_box = spin_values(&h)
        .iter()
        .position(|v| v == "1.30")
        .expect("the PUE lever's value box");
    type_into_field(&mut h, pue_box, "1,45");
    assert_eq!(h.state().doc.plan.assumptions.pue, 1.45);
}

#[test]
fn after_new_plan_typing_a_country_and_enter_adds_it_without_a_click() {
    let mut h = start(None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().doc.plan.members.is_empty());
    type_and_enter(&mut h, "keny");
    type_and_enter(&mut h, "tanza");
    let codes: Vec<&str> = h
        .state()
        .doc
        .plan
        .members
        .iter()
        .map(|m| m.country.as_str())
        .collect();
    assert_eq!(codes, ["KE", "TZ"]);
}
