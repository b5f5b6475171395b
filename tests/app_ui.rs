//! The desktop app driven headless through egui_kittest, the way a user drives it: by the labels on
//! screen, clicks, typed text and keyboard shortcuts. Each test asserts what the user would notice.
//!
//! The harness runs the real eframe app (`PlannerApp::from_creation_context`) at 1366×768 with
//! typed-path prompts instead of native file dialogs. Time advances 0.25 s per step (kittest's
//! default `step_dt`), so a few steps let an edit settle into its own undo point (0.6 s).
//!
//! Snapshots live in `tests/snapshots/<view>_<theme>.png`; regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test --test app_ui`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers, ViewportId};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::{Harness, HarnessBuilder};

use consortium_planner::app::{PlannerApp, StartOptions};
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::numbers::{count, readable, with_unit};
use consortium_planner::plan::{Plan, Tenure};

// ---------------------------------------------------------------------------------------------
// Harness and helpers
// ---------------------------------------------------------------------------------------------

/// A common laptop screen.
const SIZE: [f32; 2] = [1366.0, 768.0];

const ADD_MEMBER_HINT: &str = "Type a country name or code…";

/// The placeholder of the model filter in the Base model view.
const FILTER_HINT: &str = "name, developer, licence, country or language";

fn builder() -> HarnessBuilder<PlannerApp> {
    Harness::builder().with_size(SIZE)
}

/// Starts the app as a user does, with `path` on the command line (or the built-in example).
fn start(
    builder: HarnessBuilder<PlannerApp>,
    path: Option<PathBuf>,
) -> Harness<'static, PlannerApp> {
    builder.build_eframe(move |cc| {
        PlannerApp::from_creation_context(
            cc,
            StartOptions {
                path,
                typed_paths_only: true,
                data_dir: None,
            },
        )
    })
}

/// The app with `path` (or the built-in example), in the light or dark theme.
fn app_with(path: Option<PathBuf>, dark: bool) -> Harness<'static, PlannerApp> {
    let mut h = start(builder(), path);
    if dark {
        click(&mut h, "Dark theme");
        assert!(h.state().settings.dark_mode);
        assert!(h.query_by_label("Light theme").is_some());
    }
    h
}

/// The app with the built-in example plan (Latam-GPT, 8 members), light theme.
fn app() -> Harness<'static, PlannerApp> {
    app_with(None, false)
}

/// Whether some text is on screen (a label exposes its text as its accessible value).
fn shows(h: &Harness<'_, PlannerApp>, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some()
}

/// Text on screen that contains `part`.
fn texts_containing(h: &Harness<'_, PlannerApp>, part: &str) -> Vec<String> {
    h.query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains(part)))
        .filter_map(|n| n.value())
        .collect()
}

fn click(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Clicks a tab in the menu bar.
fn show_view(h: &mut Harness<'_, PlannerApp>, tab: &str) {
    click(h, tab);
}

fn press(h: &mut Harness<'_, PlannerApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Lets time pass without input (1 s at 0.25 s a step), so a settling edit becomes an undo point.
fn wait_a_second(h: &mut Harness<'_, PlannerApp>) {
    h.run_steps(4);
    h.run();
}

/// Types into the add-member field and clicks the suggestion `+ CODE  Name`.
fn add_member(h: &mut Harness<'_, PlannerApp>, query: &str, suggestion: &str) {
    h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT))
        .click();
    h.run();
    h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT))
        .type_text(query);
    h.run();
    click(h, suggestion);
}

/// Opens the "Add a regional group…" list, scrolls to `item` as a user would, and clicks it.
fn choose_group(h: &mut Harness<'_, PlannerApp>, item: &str) {
    h.get_by_value("Add a regional group…").click();
    h.run();
    h.get_by_label(item).scroll_to_me();
    h.run();
    click(h, item);
}

/// Types a path into the open "Open plan" / "Save plan as" prompt (its field has the focus),
/// replacing what it holds, and clicks its button.
fn answer_path_prompt(h: &mut Harness<'_, PlannerApp>, path: &Path, button: &str) {
    let field = h.get_by(|n| n.data().placeholder() == Some("/path/to/plan.ron"));
    assert!(field.is_focused(), "the path field has the keyboard focus");
    h.key_press_modifiers(CTRL, Key::A);
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    click(h, button);
}

/// Repaint delay the last frame asked for (`Duration::MAX`: none).
fn repaint_delay(h: &Harness<'_, PlannerApp>) -> Duration {
    h.output().viewport_output[&ViewportId::ROOT].repaint_delay
}

fn plan_in(path: &Path) -> Plan {
    file::load(path, Catalog::builtin())
        .unwrap_or_else(|e| panic!("{} opens: {e}", path.display()))
        .plan
}

// ---------------------------------------------------------------------------------------------
// Editing the plan
// ---------------------------------------------------------------------------------------------

#[test]
fn typing_a_country_and_clicking_its_suggestion_adds_that_member() {
    let mut h = app();
    show_view(&mut h, "Members");
    assert!(shows(&h, "8 of 8 members"));
    assert!(!h.state().doc.plan.has_member("KE"));

    add_member(&mut h, "keny", "+ KE  Kenya");

    let doc = &h.state().doc;
    assert_eq!(
        doc.plan.members.last().map(|m| m.country.as_str()),
        Some("KE"),
        "Kenya is added at the end of the plan"
    );
    assert!(doc.is_dirty());
    assert!(shows(&h, "9 of 9 members"));
    assert!(
        shows(&h, "KE Kenya"),
        "the new member is selected: its contributions are shown"
    );
    assert!(shows(&h, "* unsaved changes"));
    let field = h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT));
    assert_eq!(
        field.value().as_deref(),
        Some(""),
        "the search box is cleared"
    );
}

#[test]
fn typing_an_iso_code_suggests_that_country() {
    let mut h = app();
    show_view(&mut h, "Members");
    add_member(&mut h, "ng", "+ NG  Nigeria");
    assert!(h.state().doc.plan.has_member("NG"));
}

#[test]
fn choosing_a_regional_group_adds_all_its_missing_members() {
    let mut h = app();
    show_view(&mut h, "Members");
    let before = h.state().doc.plan.members.len();

    choose_group(&mut h, "Pacific Islands Forum (18) — adds 18 of 18");

    let plan = &h.state().doc.plan;
    for code in [
        "AU", "CK", "FJ", "PF", "KI", "MH", "FM", "NR", "NC", "NZ", "NU", "PW", "PG", "WS", "SB",
        "TO", "TV", "VU",
    ] {
        assert!(plan.has_member(code), "{code} was added");
    }
    assert_eq!(plan.members.len(), before + 18);
    assert!(shows(&h, "26 of 26 members"));

    // Groups that overlap the plan add only the members it lacks: Mercosur brings 3 of its 6.
    choose_group(&mut h, "Mercosur (full members) — adds 3 of 6");
    assert_eq!(h.state().doc.plan.members.len(), before + 18 + 3);
    let codes: Vec<&str> = h
        .state()
        .doc
        .plan
        .members
        .iter()
        .map(|m| m.country.as_str())
        .collect();
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), codes.len(), "no member is added twice");
}

#[test]
fn editing_a_chip_count_changes_the_pooled_figures() {
    let mut h = app();
    show_view(&mut h, "Overview");
    let before = h.state().doc.report.pooled;
    let old_compute = with_unit(before.bf16_pflops, "PFLOP/s");
    assert!(shows(&h, &old_compute));
    assert!(shows(&h, &count(before.accelerators)));

    show_view(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    assert!(shows(&h, "CL Chile"), "Chile's contributions are shown");

    // The count field of Chile's 96 H200: click it, type a new value, press Enter.
    h.get_by(|n| n.role() == Role::SpinButton && n.value().as_deref() == Some("96 chips"))
        .click();
    h.run();
    h.event(egui::Event::Text("200".into()));
    h.key_press(Key::Enter);
    h.run();

    let doc = &h.state().doc;
    assert_eq!(doc.plan.members[0].chips[0].count, 200);
    assert_eq!(doc.report.pooled.accelerators, before.accelerators + 104);
    assert!(doc.report.pooled.bf16_pflops > before.bf16_pflops);
    assert!(
        h.query_by(|n| n.role() == Role::SpinButton && n.value().as_deref() == Some("200 chips"))
            .is_some(),
        "the field shows the new count"
    );

    let after = h.state().doc.report.pooled;
    show_view(&mut h, "Overview");
    let new_compute = with_unit(after.bf16_pflops, "PFLOP/s");
    assert_ne!(new_compute, old_compute);
    assert!(
        shows(&h, &new_compute),
        "the Pooled compute tile shows {new_compute}"
    );
    assert!(!shows(&h, &old_compute));
    assert!(shows(&h, &count(after.accelerators)));
}

#[test]
fn a_chip_count_that_is_not_a_number_is_refused_with_a_reason() {
    let mut h = app();
    show_view(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    h.get_by(|n| n.role() == Role::SpinButton && n.value().as_deref() == Some("96 chips"))
        .click();
    h.run();
    h.event(egui::Event::Text("lots".into()));
    h.key_press(Key::Enter);
    h.run();

    assert_eq!(h.state().doc.plan.members[0].chips[0].count, 96);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(
        texts_containing(&h, "refused"),
        ["“lots” refused: not a number"]
    );
}

#[test]
fn choosing_a_model_row_and_use_makes_it_the_base_model() {
    let mut h = app();
    show_view(&mut h, "Base model");
    assert_eq!(h.state().doc.plan.base_model, "llama3.1-70b");
    assert!(shows(&h, "Base model: Llama 3.1 70B"));

    // Select the row, then use it from the details panel.
    h.get_by_label("Apertus 70B").click();
    h.run();
    h.get_by_label("Use Apertus 70B as the base model").click();
    h.run();

    let doc = &h.state().doc;
    assert_eq!(doc.plan.base_model, "apertus-70b");
    assert_eq!(
        doc.report.model.as_ref().map(|m| m.name.as_str()),
        Some("Apertus 70B")
    );
    assert!(doc.is_dirty());
    assert!(shows(&h, "Base model: Apertus 70B"));
    assert!(
        h.query_by_label("* Apertus 70B").is_some(),
        "the row is marked as in use"
    );
    assert!(shows(&h, "8 members · base model Apertus 70B"));
}

// ---------------------------------------------------------------------------------------------
// Undo and redo
// ---------------------------------------------------------------------------------------------

#[test]
fn ctrl_z_undoes_an_edit_and_ctrl_shift_z_or_ctrl_y_redo_it() {
    let mut h = app();
    let original = h.state().doc.plan.clone();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    wait_a_second(&mut h);
    let edited = h.state().doc.plan.clone();
    assert_ne!(edited, original);

    press(&mut h, CTRL, Key::Z);
    assert!(h.state().doc.plan == original, "Ctrl+Z restores the plan");
    assert!(!h.state().doc.is_dirty());
    assert!(shows(&h, "8 of 8 members"));

    press(&mut h, CTRL_SHIFT, Key::Z);
    assert!(h.state().doc.plan == edited, "Ctrl+Shift+Z re-applies it");
    assert!(shows(&h, "9 of 9 members"));

    press(&mut h, CTRL, Key::Z);
    assert!(h.state().doc.plan == original);
    press(&mut h, CTRL, Key::Y);
    assert!(h.state().doc.plan == edited, "Ctrl+Y re-applies it too");
}

#[test]
fn undo_steps_back_one_edit_at_a_time() {
    let mut h = app();
    let original = h.state().doc.plan.clone();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    wait_a_second(&mut h);
    let with_kenya = h.state().doc.plan.clone();
    add_member(&mut h, "ghan", "+ GH  Ghana");
    wait_a_second(&mut h);

    press(&mut h, CTRL, Key::Z);
    assert!(
        h.state().doc.plan == with_kenya,
        "the first Ctrl+Z removes Ghana only"
    );
    press(&mut h, CTRL, Key::Z);
    assert!(h.state().doc.plan == original, "the second removes Kenya");
    press(&mut h, CTRL, Key::Z);
    assert!(h.state().doc.plan == original, "nothing older to undo");
}

#[test]
fn the_edit_menu_undoes_and_redoes() {
    let mut h = app();
    let original = h.state().doc.plan.clone();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    wait_a_second(&mut h);
    let edited = h.state().doc.plan.clone();

    assert!(shows(&h, "* unsaved changes"));
    click(&mut h, "Edit");
    click(&mut h, "Undo Ctrl+Z");
    assert!(h.state().doc.plan == original);
    assert!(
        !shows(&h, "* unsaved changes"),
        "undoing back to the plan as opened clears the unsaved marker"
    );
    click(&mut h, "Edit");
    click(&mut h, "Redo Ctrl+Shift+Z");
    assert!(h.state().doc.plan == edited);
    assert!(shows(&h, "* unsaved changes"), "redo brings it back");
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

#[test]
fn a_plan_saved_with_ctrl_s_opens_again_with_ctrl_o_unchanged() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("my-consortium.ron");
    let mut h = app();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    assert!(shows(&h, "* unsaved changes"));

    // The built-in example has no file yet, so Ctrl+S asks where to save it.
    press(&mut h, CTRL, Key::S);
    assert!(shows(&h, "Save plan as"));
    answer_path_prompt(&mut h, &path, "Save");

    let saved = h.state().doc.plan.clone();
    assert!(path.exists(), "the file was written");
    assert!(plan_in(&path) == saved, "the file holds the plan");
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert!(!shows(&h, "Save plan as"), "the prompt closed");
    assert!(
        !shows(&h, "* unsaved changes"),
        "the dirty marker cleared after saving"
    );
    assert!(shows(&h, &format!("Saved {}", path.display())));
    assert!(
        shows(&h, &path.display().to_string()),
        "the status bar names the file"
    );

    // Change the plan, then open the saved file again, discarding the change.
    h.get_by(|n| n.description().as_deref() == Some("Remove Kenya"))
        .click();
    h.run();
    assert!(h.state().doc.is_dirty());
    press(&mut h, CTRL, Key::O);
    assert!(shows(&h, "Unsaved changes"));
    click(&mut h, "Discard changes");
    assert!(shows(&h, "Open plan"));
    answer_path_prompt(&mut h, &path, "Open");

    let doc = &h.state().doc;
    assert!(doc.plan == saved, "the reopened plan equals the saved one");
    assert!(!doc.is_dirty());
    assert_eq!(doc.path.as_deref(), Some(path.as_path()));
    assert!(shows(&h, &format!("Opened {}", path.display())));
    assert!(shows(&h, "9 members · base model Llama 3.1 70B"));
}

#[test]
fn ctrl_s_on_a_plan_with_a_file_saves_without_asking() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("nordic.ron");
    std::fs::copy("saves/nordic-baltic.ron", &path).expect("copy example");
    let mut h = app_with(Some(path.clone()), false);
    show_view(&mut h, "Members");
    add_member(&mut h, "pola", "+ PL  Poland");
    assert!(h.state().doc.is_dirty());

    press(&mut h, CTRL, Key::S);
    assert!(
        !shows(&h, "Save plan as"),
        "no prompt for a plan with a file"
    );
    assert!(!h.state().doc.is_dirty());
    assert!(plan_in(&path).has_member("PL"));
}

#[test]
fn opening_a_broken_file_explains_where_and_keeps_the_open_plan() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(\n    format: 1,\n    name: \"Broken\",\n    members: [ (country: ) ],\n",
    )
    .expect("write broken file");
    let mut h = app();
    let before = h.state().doc.plan.clone();

    press(&mut h, CTRL, Key::O);
    assert!(shows(&h, "Open plan"));
    answer_path_prompt(&mut h, &path, "Open");

    let heading = format!("Could not open {}", path.display());
    assert!(shows(&h, &heading), "the error names the file");
    let located = texts_containing(&h, &format!("{}:4:", path.display()));
    assert!(
        !located.is_empty(),
        "the error gives the line and column; it says: {:?}",
        texts_containing(&h, "line")
    );
    assert!(located[0].contains("The plan you had open is unchanged."));
    assert!(h.state().doc.plan == before);

    click(&mut h, "OK");
    assert!(!shows(&h, &heading), "OK closes the message");
    let doc = &h.state().doc;
    assert!(doc.plan == before, "the plan that was open stays");
    assert_eq!(doc.path, None);
    assert!(!doc.is_dirty());
    assert!(shows(&h, "Latam-GPT consortium"));
}

#[test]
fn enter_in_the_path_prompt_confirms_it() {
    let mut h = app();
    press(&mut h, CTRL, Key::O);
    let eu = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/eu.ron");
    h.key_press_modifiers(CTRL, Key::A);
    h.event(egui::Event::Text(eu.display().to_string()));
    h.key_press(Key::Enter);
    h.run();
    assert!(!shows(&h, "Open plan"), "Enter closes the prompt");
    assert_eq!(h.state().doc.path.as_deref(), Some(eu.as_path()));
}

#[test]
fn escape_closes_the_path_prompt() {
    let mut h = app();
    press(&mut h, CTRL, Key::O);
    assert!(shows(&h, "Open plan"));
    h.key_press(Key::Escape);
    h.run();
    assert!(!shows(&h, "Open plan"));
}

#[test]
fn saving_an_untitled_plan_from_the_unsaved_changes_question_then_starts_the_new_plan() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("kept.ron");
    let mut h = app();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    press(&mut h, CTRL, Key::N);
    assert!(shows(&h, "Unsaved changes"));
    click(&mut h, "Save");
    answer_path_prompt(&mut h, &path, "Save");
    assert!(plan_in(&path).has_member("KE"), "the changes were saved");
    assert_eq!(
        h.state().doc.plan.name,
        "New consortium plan",
        "then the new plan asked for is started"
    );
}

#[test]
fn a_file_given_on_the_command_line_opens_with_its_members() {
    let h = app_with(Some(PathBuf::from("saves/african-union.ron")), false);
    assert_eq!(h.state().doc.plan.members.len(), 55);
    assert!(shows(&h, "African Union language-model consortium"));
    assert!(shows(&h, "55 members · base model Qwen3-32B"));
    assert!(shows(&h, "Opened saves/african-union.ron"));
}

// ---------------------------------------------------------------------------------------------
// Idle
// ---------------------------------------------------------------------------------------------

#[test]
fn the_app_requests_no_repaint_when_idle() {
    let mut h = app();
    for view in [
        "Overview",
        "Members",
        "Base model",
        "Workloads & assumptions",
        "Charts",
        "Budget",
        "Compare",
    ] {
        show_view(&mut h, view);
        wait_a_second(&mut h);
        h.step();
        assert_eq!(
            repaint_delay(&h),
            Duration::MAX,
            "{view}: an idle frame asks for no repaint"
        );
    }
}

#[test]
fn after_an_edit_the_app_repaints_once_to_settle_undo_then_goes_idle() {
    // Frames 50 ms apart, so the settling time (0.6 s) is seen in several frames.
    let mut h = start(builder().with_step_dt(0.05), None);
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    let delay = repaint_delay(&h);
    assert!(
        Duration::ZERO < delay && delay <= Duration::from_secs(1),
        "an edit still settling asks for one later repaint, not continuous ones: {delay:?}"
    );
    h.run_steps(16);
    h.step();
    assert_eq!(
        repaint_delay(&h),
        Duration::MAX,
        "idle once the edit settled"
    );
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

#[test]
fn every_input_has_an_accessible_name() {
    let mut h = app();
    let mut unnamed = Vec::new();
    for view in [
        "Overview",
        "Members",
        "Base model",
        "Workloads & assumptions",
        "Charts",
        "Budget",
        "Compare",
    ] {
        show_view(&mut h, view);
        if view == "Members" {
            h.get_by_label_contains("CL  Chile").click();
            h.run();
        }
        unnamed.extend(
            h.unnamed_widgets()
                .into_iter()
                .map(|w| format!("{view}: {w}")),
        );
    }
    assert!(
        unnamed.is_empty(),
        "unnamed inputs:\n{}",
        unnamed.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

/// Shows a view, takes the pointer off the window and compares with `tests/snapshots/<name>.png`.
fn snapshot_view(h: &mut Harness<'_, PlannerApp>, tab: &str, name: &str) {
    show_view(h, tab);
    h.remove_cursor();
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshot_overview_light() {
    let mut h = app();
    snapshot_view(&mut h, "Overview", "overview_light");
}

#[test]
fn snapshot_overview_dark() {
    let mut h = app_with(None, true);
    snapshot_view(&mut h, "Overview", "overview_dark");
}

#[test]
fn snapshot_members_light() {
    let mut h = app();
    show_view(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    snapshot_view(&mut h, "Members", "members_light");
}

#[test]
fn snapshot_members_dark() {
    let mut h = app_with(None, true);
    show_view(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    snapshot_view(&mut h, "Members", "members_dark");
}

#[test]
fn snapshot_base_model_light() {
    let mut h = app();
    snapshot_view(&mut h, "Base model", "base_model_light");
}

#[test]
fn snapshot_workloads_light() {
    let mut h = app();
    snapshot_view(&mut h, "Workloads & assumptions", "workloads_light");
}

#[test]
fn snapshot_charts_light() {
    let mut h = app();
    snapshot_view(&mut h, "Charts", "charts_light");
}

#[test]
fn snapshot_charts_dark() {
    let mut h = app_with(None, true);
    snapshot_view(&mut h, "Charts", "charts_dark");
}

#[test]
fn snapshot_overview_african_union_light() {
    let mut h = app_with(Some(PathBuf::from("saves/african-union.ron")), false);
    assert_eq!(h.state().doc.plan.members.len(), 55);
    snapshot_view(&mut h, "Overview", "overview_african_union_light");
}

#[test]
fn snapshot_languages_african_union_light() {
    // 55 members, among them Angola, Guinea-Bissau and São Tomé, whose language shares are
    // all-speakers shares that overlap: their bars end at 100 %, scale and legend on top.
    let mut h = app_with(Some(PathBuf::from("saves/african-union.ron")), false);
    snapshot_view(&mut h, "Languages", "languages_african_union_light");
}

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

#[test]
fn the_languages_view_shows_the_gap_and_adds_an_adaptation_workload_in_one_undoable_step() {
    // The built-in Latam plan runs on Llama 3.1 70B: Spanish and Portuguese, no Quechua.
    let mut h = app();
    show_view(&mut h, "Languages");
    assert!(
        !texts_containing(&h, "reaches").is_empty(),
        "the coverage summary is shown"
    );
    assert!(shows(&h, "Quechua (qu)"), "Quechua is listed as uncovered");
    let before = h.state().doc.plan.workloads.len();
    click(&mut h, "Add workload for Quechua");
    let doc = &h.state().doc;
    assert_eq!(doc.plan.workloads.len(), before + 1);
    let added = doc.plan.workloads.last().unwrap();
    assert_eq!(added.name, "Adapt to Quechua");
    assert!(matches!(
        added.kind,
        consortium_planner::plan::WorkloadKind::ContinuedPretraining { tokens } if tokens == 20e9
    ));
    assert_eq!(
        doc.report.workloads.len(),
        before + 1,
        "the existing workload figures include the adaptation"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().doc.plan.workloads.len(),
        before,
        "one undo removes it"
    );
}

#[test]
fn the_uncovered_languages_name_their_members_on_hover() {
    // Quechua is spoken in Peru and Ecuador, whose codes fit the column.
    let mut h = app();
    show_view(&mut h, "Languages");
    h.query_all_by_value("PE, EC").next().unwrap().hover();
    h.run();
    h.run();
    assert!(shows(&h, "Peru, Ecuador"), "the names are on hover");
}

#[test]
fn the_model_table_has_a_language_coverage_column_to_sort_on() {
    let mut h = app();
    show_view(&mut h, "Base model");
    click(&mut h, "Coverage");
    assert!(h.query_by_label("Coverage (desc)").is_some());
    let filter = h.get_by(|n| n.data().placeholder() == Some(FILTER_HINT));
    filter.click();
    h.run();
    h.get_by(|n| n.data().placeholder() == Some(FILTER_HINT))
        .type_text("Apertus");
    h.run();
    h.run();
    // Apertus claims 1,811 languages without a list; the catalog carries the best published
    // evidence, so its row shows a coverage figure.
    let apertus = h.get_by_label("Apertus 70B").accesskit_node().description();
    assert!(
        apertus
            .as_deref()
            .is_some_and(|d| d.contains("coverage") && !d.contains("not listed")),
        "Apertus shows a coverage: {apertus:?}"
    );
}

/// The built-in example plan with a custom model of its own that lists no languages (a copy of
/// Apertus 70B without its lists), opened from a file in a temporary directory that lives as long
/// as the returned guard.
fn app_with_an_unlisted_model() -> (tempfile::TempDir, Harness<'static, PlannerApp>) {
    let catalog = Catalog::builtin();
    let mut plan = plan_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron"));
    let mut model = catalog.model("apertus-70b").expect("Apertus").clone();
    model.id = "custom_model_unlisted".to_string();
    model.name = "Unlisted model".to_string();
    model.languages.clear();
    model.pretraining_languages.clear();
    plan.custom_models.push(model);
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("unlisted.ron");
    file::save(&plan, &path).expect("plan saved");
    let h = app_with(Some(path), false);
    (dir, h)
}

/// The model rows in the order the table shows them, with their coverage cell.
fn model_rows(h: &Harness<'_, PlannerApp>) -> Vec<(String, String)> {
    let state = &h.state().state;
    state
        .model_table
        .shown()
        .map(|(id, coverage)| (id.to_string(), coverage.to_string()))
        .collect()
}

#[test]
fn coverage_sorts_best_first_and_models_without_a_language_list_last_both_ways() {
    // Every built-in model now lists languages, so the plan brings one of its own that does not.
    let (_dir, mut h) = app_with_an_unlisted_model();
    show_view(&mut h, "Base model");
    click(&mut h, "Coverage");
    assert!(
        h.query_by_label("Coverage (desc)").is_some(),
        "the first click sorts best first"
    );
    let percent = |c: &str| c.trim_end_matches(" %").parse::<f64>().ok();
    for (direction, descending) in [("desc", true), ("asc", false)] {
        let rows = model_rows(&h);
        let known: Vec<f64> = rows.iter().filter_map(|(_, c)| percent(c)).collect();
        assert!(known.len() > 3, "several models list their languages");
        let first_unknown = rows
            .iter()
            .position(|(_, c)| percent(c).is_none())
            .expect("some models list no languages");
        assert!(
            rows[first_unknown..]
                .iter()
                .all(|(_, c)| percent(c).is_none()),
            "{direction}: 'not listed' rows come after every known coverage: {rows:?}"
        );
        let sorted = known.windows(2).all(|w| {
            if descending {
                w[0] >= w[1]
            } else {
                w[0] <= w[1]
            }
        });
        assert!(sorted, "{direction}: {known:?}");
        if descending {
            click(&mut h, "Coverage (desc)");
        }
    }
}

#[test]
fn the_model_filter_finds_models_by_language_name_and_says_why_when_none_does() {
    let catalog = Catalog::builtin();
    let speaks_swahili = catalog
        .models
        .iter()
        .find(|m| m.languages.iter().any(|c| c == "sw"))
        .expect("a catalog model supports Swahili");
    let mut h = app();
    show_view(&mut h, "Base model");
    h.get_by(|n| n.data().placeholder() == Some(FILTER_HINT))
        .click();
    h.run();
    h.get_by(|n| n.data().placeholder() == Some(FILTER_HINT))
        .type_text("Swahili");
    h.run();
    h.run();
    let rows = model_rows(&h);
    assert!(
        rows.iter().any(|(id, _)| *id == speaks_swahili.id),
        "{} supports Swahili: {rows:?}",
        speaks_swahili.name
    );
    for (id, _) in &rows {
        let m = catalog.model(id).unwrap();
        assert!(
            m.languages.iter().any(|c| c == "sw"),
            "{id} does not list sw"
        );
    }
    assert!(texts_containing(&h, "No model").is_empty());

    // No catalog model lists Aymara: the table is empty and says why.
    h.key_press_modifiers(CTRL, Key::A);
    h.event(egui::Event::Text("Aymara".into()));
    h.run();
    h.run();
    assert!(model_rows(&h).is_empty());
    assert!(
        !texts_containing(
            &h,
            "No model in the catalog officially supports Aymara (ay)"
        )
        .is_empty(),
        "the empty table says why"
    );
}

// ---------------------------------------------------------------------------------------------
// Building a plan by keyboard
// ---------------------------------------------------------------------------------------------

fn add_field(h: &Harness<'_, PlannerApp>) -> bool {
    h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT))
        .is_focused()
}

fn type_in_add_field(h: &mut Harness<'_, PlannerApp>, query: &str) {
    h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT))
        .click();
    h.run();
    h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT))
        .type_text(query);
    h.run();
}

/// The add-member suggestions on screen, top to bottom, as their labels ("+ KE  Kenya").
fn suggestions(h: &Harness<'_, PlannerApp>) -> Vec<String> {
    let is_suggestion = |l: &str| l.starts_with("+ ") && l.get(4..6) == Some("  ");
    let mut found: Vec<(f32, String)> = h
        .query_all_by(|n| n.label().is_some_and(|l| is_suggestion(&l)))
        .map(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            (n.rect().top(), label)
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, l)| l).collect()
}

#[test]
fn after_clicking_a_suggestion_the_add_field_keeps_the_focus() {
    let mut h = app();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    assert!(h.state().doc.plan.has_member("KE"));
    assert!(
        add_field(&h),
        "the add field has the focus for the next member"
    );
    h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT))
        .type_text("ugan");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().doc.plan.has_member("UG"),
        "typed straight on: Uganda added"
    );
}

#[test]
fn enter_adds_the_only_matching_country_and_the_field_keeps_the_focus() {
    let mut h = app();
    show_view(&mut h, "Members");
    type_in_add_field(&mut h, "keny");
    assert_eq!(suggestions(&h), vec!["+ KE  Kenya".to_string()]);
    h.key_press(Key::Enter);
    h.run();
    let plan = &h.state().doc.plan;
    assert_eq!(plan.members.last().map(|m| m.country.as_str()), Some("KE"));
    assert!(add_field(&h), "the add field keeps the focus");
    let field = h.get_by(|n| n.data().placeholder() == Some(ADD_MEMBER_HINT));
    assert_eq!(field.value().as_deref(), Some(""), "and is empty again");
    assert!(shows(&h, "KE Kenya"), "the new member is shown");
}

#[test]
fn the_arrow_keys_move_through_the_suggestions_and_enter_adds_the_highlighted_one() {
    let mut h = app();
    show_view(&mut h, "Members");
    type_in_add_field(&mut h, "guinea");
    let shown = suggestions(&h);
    assert!(
        shown.len() >= 3,
        "several countries are called Guinea: {shown:?}"
    );
    for key in [Key::ArrowDown, Key::ArrowDown, Key::ArrowUp] {
        h.key_press(key);
        h.run();
    }
    assert!(add_field(&h), "the arrows leave the focus in the field");
    h.key_press(Key::Enter);
    h.run();
    let second = &shown[1];
    let code = &second[2..4];
    let plan = &h.state().doc.plan;
    assert_eq!(
        plan.members.last().map(|m| m.country.as_str()),
        Some(code),
        "down, down, up: the second suggestion ({second}) is added"
    );
    assert!(add_field(&h));
}

#[test]
fn the_member_form_does_not_move_when_its_warning_goes() {
    let mut h = app();
    show_view(&mut h, "Members");
    add_member(&mut h, "keny", "+ KE  Kenya");
    assert!(
        !texts_containing(&h, "Kenya contributes nothing yet").is_empty(),
        "a member with nothing is warned about"
    );
    let tops = |h: &Harness<'_, PlannerApp>| -> Vec<f32> {
        ["Accelerators", "Power", "Experts", "Funding"]
            .iter()
            .flat_map(|t| {
                h.query_all_by_value(t)
                    .map(|n| n.rect().top())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let before = tops(&h);
    click(&mut h, "+ Add accelerators");
    assert!(
        texts_containing(&h, "contributes nothing yet").is_empty(),
        "the warning is gone"
    );
    let after = tops(&h);
    assert_eq!(
        before[0], after[0],
        "the form stays where it was (section tops before {before:?}, after {after:?})"
    );
}

#[test]
fn the_members_view_opens_on_a_member() {
    let mut h = app();
    show_view(&mut h, "Members");
    let first = &h.state().doc.report.members[0];
    let heading = format!("{} {}", first.country, first.name);
    assert_eq!(h.state().state.selected_member, Some(0));
    assert!(shows(&h, &heading), "{heading} is shown");
    assert!(h.query_by_label("+ Add accelerators").is_some());
}

#[test]
fn a_chip_line_is_owned_or_rented_by_an_explicit_choice() {
    let mut h = app();
    show_view(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    let chile = h
        .state()
        .doc
        .plan
        .members
        .iter()
        .position(|m| m.country == "CL")
        .unwrap();
    let tenure =
        |h: &Harness<'_, PlannerApp>| h.state().doc.plan.members[chile].chips[0].tenure.clone();
    assert!(
        matches!(tenure(&h), Tenure::Owned),
        "Chile's first line is owned"
    );
    let owned = h.get_all_by_label("Owned").next().unwrap();
    assert!(
        owned.accesskit_node().toggled() == Some(Toggled::True),
        "Owned is marked"
    );
    h.get_all_by_label("Rented").next().unwrap().click();
    h.run();
    assert!(matches!(tenure(&h), Tenure::Rented { .. }));
    assert!(
        h.get_all_by_label("Rented")
            .next()
            .unwrap()
            .accesskit_node()
            .toggled()
            == Some(Toggled::True),
        "Rented is marked now"
    );
    assert!(
        h.query_all_by_label("Provider").next().is_some(),
        "the provider can be named"
    );
    h.get_all_by_label("Owned").next().unwrap().click();
    h.run();
    assert!(matches!(tenure(&h), Tenure::Owned));
}

#[test]
fn one_of_a_thing_is_singular_and_no_workloads_is_said_plainly() {
    let mut h = app();
    press(&mut h, CTRL, Key::N);
    assert!(h.state().doc.plan.members.is_empty());
    assert!(h.state().doc.plan.workloads.is_empty());
    show_view(&mut h, "Members");
    type_in_add_field(&mut h, "keny");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        shows(&h, "1 of 1 member"),
        "{:?}",
        texts_containing(&h, " of ")
    );
    show_view(&mut h, "Overview");
    assert!(shows(&h, "1 member"), "the accelerators tile");
    assert!(
        !texts_containing(&h, "1 member · base model").is_empty(),
        "the status bar"
    );
    assert!(texts_containing(&h, "1 members").is_empty());
    assert!(texts_containing(&h, "(s)").is_empty());
    assert!(shows(&h, "no workloads yet"));
    assert!(texts_containing(&h, "every workload fits").is_empty());
    show_view(&mut h, "Base model");
    assert!(
        !texts_containing(&h, "No workloads yet").is_empty(),
        "the fit list says why it is empty"
    );
}

#[test]
fn the_overview_heading_is_the_plans_name_and_edits_it() {
    let mut h = app();
    let name = h.state().doc.plan.name.clone();
    let field = h.get_by_label("Plan name");
    assert_eq!(field.value().as_deref(), Some(name.as_str()));
    field.click();
    h.run();
    h.key_press_modifiers(CTRL, Key::A);
    h.event(egui::Event::Text("Andean AI pool".into()));
    h.run();
    assert_eq!(h.state().doc.plan.name, "Andean AI pool");
    assert!(h.state().doc.is_dirty());
}

#[test]
fn no_text_in_the_editing_views_is_smaller_than_the_body_text() {
    let h = app();
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let style = h.ctx.style_of(theme);
        let body = style.text_styles[&egui::TextStyle::Body].size;
        for (name, font) in &style.text_styles {
            assert!(
                font.size >= body,
                "{theme:?}: {name:?} text is {} points, below the body's {body}",
                font.size
            );
        }
    }
}

/// Settings kept in memory between two starts of the app.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_first_start_says_the_plan_is_an_example_once() {
    let mut h = app();
    let note = "This is an example plan";
    assert!(
        !texts_containing(&h, note).is_empty(),
        "the first start says so"
    );
    click(&mut h, "Dismiss");
    assert!(texts_containing(&h, note).is_empty(), "dismissed");

    // The next start (settings kept) opens the example without the note.
    let mut storage = MemoryStorage::default();
    let mut first = PlannerApp::new(None, StartOptions::default());
    assert!(first.state.example_hint);
    eframe::App::save(&mut first, &mut storage);
    let second = PlannerApp::new(Some(&storage), StartOptions::default());
    assert!(second.doc.path.is_none(), "the example is open again");
    assert!(!second.state.example_hint, "without the note");
}

#[test]
fn the_overview_shows_ranges_and_the_view_menu_switches_them_off_for_a_clean_slide() {
    let mut h = app();
    let ranged = texts_containing(&h, "range ");
    assert!(
        ranged.iter().any(|t| t.ends_with(" days")),
        "a training tile shows its range in days: {ranged:?}"
    );
    // The Experts and Energy tiles show the report's ranges, by the tiles' one number rule.
    let report = &h.state().doc.report;
    let [lo, hi] = report.experts.needed_fte_range;
    let experts = format!("need range {}–{} FTE", readable(lo), readable(hi));
    let [lo, hi] = report.power.energy_mwh_per_year_range;
    let energy = format!("range {}–{} MWh", readable(lo), readable(hi));
    for line in [experts, energy] {
        assert!(ranged.contains(&line), "{line} among {ranged:?}");
    }
    click(&mut h, "View");
    // A menu button's label carries its shortcut text after the name.
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Show / hide ranges"))
    })
    .click();
    h.run();
    assert!(!h.state().settings.show_ranges);
    assert!(
        texts_containing(&h, "range ").is_empty(),
        "no range lines on a clean slide"
    );
}
