//! Reading the screen, driven headless through egui_kittest: tiles in a row share one height, the
//! export blocker is listed once, preset notes show where a group is added, the what-if chart
//! keeps its curve's scale, undo steps follow separate edits, and the command palette.

use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use consortium_planner::app::PlannerApp;

mod common;
use common::{click, shows};

/// The example plan (Latam-GPT) at 1366×768.
fn app() -> Harness<'static, PlannerApp> {
    common::start_app(None, None)
}

/// The key-figure tiles on screen, by title, with their rects.
fn tiles(h: &Harness<'_, PlannerApp>) -> Vec<(String, Rect)> {
    h.query_all_by(|n| n.role() == Role::Group && n.label().is_some())
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect()
}

#[test]
fn the_tiles_of_a_row_share_one_height_when_a_title_wraps() {
    let mut h = app();
    let long = "Continued pretraining of the base model on the consortium's regional corpus";
    h.state_mut().doc.plan.workloads[0].name = long.to_string();
    h.run();
    let all = tiles(&h);
    let wrapped = all
        .iter()
        .find(|(title, _)| title == long)
        .expect("the renamed workload's tile")
        .1;
    let row: Vec<&(String, Rect)> = all
        .iter()
        .filter(|(_, r)| (r.top() - wrapped.top()).abs() < 1.0)
        .collect();
    assert!(row.len() >= 3, "a row of tiles: {all:?}");
    for (title, r) in &row {
        assert!(
            (r.height() - wrapped.height()).abs() < 0.5,
            "“{title}” is {} points tall beside the wrapped tile's {}",
            r.height(),
            wrapped.height()
        );
    }
    let others: Vec<f32> = all
        .iter()
        .filter(|(_, r)| (r.top() - wrapped.top()).abs() >= 1.0)
        .map(|(_, r)| r.height())
        .collect();
    assert!(
        !others.is_empty() && others.iter().all(|&o| o < wrapped.height()),
        "the wrapped title made its row taller than the other rows: {all:?}"
    );
}

/// How many labels on screen contain `part`.
fn count_containing(h: &Harness<'_, PlannerApp>, part: &str) -> usize {
    h.query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains(part)))
        .count()
}

#[test]
fn the_export_blocker_is_listed_once_under_warnings_not_again_under_findings() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/sea-lion.ron");
    let mut h = common::start_app(Some(path), None);
    h.run();
    let blocker = "US-designed advanced accelerators (ECCN 3A090.a)";
    assert_eq!(
        count_containing(&h, blocker),
        1,
        "the export-licence blocker is on the Overview once"
    );
    assert!(
        count_containing(&h, "US export licence needed: ") == 1,
        "it stays under Warnings, where Show leads to the member"
    );
    assert_eq!(
        count_containing(&h, "1 blocker listed under Warnings above."),
        1
    );
}

#[test]
fn a_regional_groups_notes_show_where_it_is_added() {
    let mut h = app();
    click(&mut h, "Members");
    h.get_by_value("Add a regional group…").click();
    h.run();
    let item = "Alliance of Sahel States (3) — adds 3 of 3";
    h.get_by_label(item).scroll_to_me();
    h.run();
    click(&mut h, item);
    assert_eq!(h.state().doc.plan.members.len(), 11, "the group was added");
    assert_eq!(
        count_containing(&h, "All three are suspended from the African Union."),
        1,
        "the preset's note shows under the group box"
    );
    click(&mut h, "Dismiss");
    assert_eq!(
        count_containing(&h, "suspended"),
        0,
        "and goes when dismissed"
    );
}

/// Whether a chart legend entry (a check box) starts with `text`.
fn legend_shows(h: &Harness<'_, PlannerApp>, text: &str) -> bool {
    h.query_all_by(|n| n.role() == Role::CheckBox && n.label().is_some_and(|l| l.starts_with(text)))
        .next()
        .is_some()
}

#[test]
fn the_what_if_chart_counts_a_run_of_hours_in_hours() {
    let mut h = app();
    click(&mut h, "Charts");
    assert!(legend_shows(&h, "days to finish"), "a run of weeks in days");
    {
        let plan = &mut h.state_mut().doc.plan;
        plan.workloads[0].kind =
            consortium_planner::plan::WorkloadKind::ContinuedPretraining { tokens: 5e8 };
        plan.workloads.remove(1);
    }
    h.run();
    let slowest = h.state().doc.report.workloads[0].days.unwrap();
    assert!(slowest < 0.1, "the run now takes {slowest} days");
    assert!(
        legend_shows(&h, "hours to finish"),
        "a run of hours is drawn in hours"
    );
    assert!(!legend_shows(&h, "days to finish"));
}

// ---------------------------------------------------------------------------------------------
// Undo steps
// ---------------------------------------------------------------------------------------------

/// Seconds per frame in the undo tests: short, so that edits can follow each other well within
/// the settling time (0.6 s).
const QUICK_DT: f32 = 0.02;

/// The example plan with Chile selected in the Members view, frames `QUICK_DT` apart.
fn quick_app_on_chile() -> Harness<'static, PlannerApp> {
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_step_dt(QUICK_DT)
        .build_eframe(|cc| {
            PlannerApp::from_creation_context(
                cc,
                consortium_planner::app::StartOptions {
                    path: None,
                    typed_paths_only: true,
                    data_dir: None,
                },
            )
        });
    click(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    h
}

/// The first number field whose shown value ends with `suffix` (Chile's first chip line's
/// " chips", its first power line's " MW").
fn field<'a>(h: &'a Harness<'_, PlannerApp>, suffix: &'a str) -> egui_kittest::Node<'a> {
    h.query_all_by(move |n| {
        n.role() == Role::SpinButton && n.value().is_some_and(|v| v.ends_with(suffix))
    })
    .next()
    .expect("a number field")
}

fn field_rect(h: &Harness<'_, PlannerApp>, suffix: &str) -> Rect {
    field(h, suffix).rect()
}

/// Clicks the number field ending in `suffix`, types `text` and presses Enter.
fn type_into(h: &mut Harness<'_, PlannerApp>, suffix: &str, text: &str) {
    field(h, suffix).click();
    h.run();
    h.event(egui::Event::Text(text.into()));
    h.key_press(egui::Key::Enter);
    h.run();
}

fn undo(h: &mut Harness<'_, PlannerApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

/// Lets a second pass without input, so whatever is settling becomes an undo point.
fn wait_a_second(h: &mut Harness<'_, PlannerApp>) {
    h.run_steps((1.0 / QUICK_DT) as usize);
}

fn now(h: &Harness<'_, PlannerApp>) -> f64 {
    h.ctx.input(|i| i.time)
}

#[test]
fn two_fields_edited_in_quick_succession_are_two_undo_steps() {
    let mut h = quick_app_on_chile();
    let original = h.state().doc.plan.clone();
    let start = now(&h);
    type_into(&mut h, " chips", "200");
    let first = h.state().doc.plan.clone();
    assert_eq!(first.members[0].chips[0].count, 200);
    type_into(&mut h, " MW", "9");
    assert_eq!(h.state().doc.plan.members[0].power[0].mw, 9.0);
    assert!(
        now(&h) - start < 0.6,
        "both edits within the settling time ({:.2} s)",
        now(&h) - start
    );
    wait_a_second(&mut h);

    undo(&mut h);
    assert!(
        h.state().doc.plan == first,
        "the first Ctrl+Z takes back the power only"
    );
    undo(&mut h);
    assert!(
        h.state().doc.plan == original,
        "the second takes back the chip count"
    );
}

#[test]
fn a_drag_on_a_number_field_is_one_undo_step_however_long_it_pauses() {
    let mut h = quick_app_on_chile();
    let original = h.state().doc.plan.clone();
    let start = field_rect(&h, " chips").center();
    h.event(egui::Event::PointerMoved(start));
    h.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    let mut pos = start;
    let mut counts = Vec::new();
    for i in 1..=4 {
        pos = start + egui::vec2(15.0 * i as f32, 0.0);
        h.event(egui::Event::PointerMoved(pos));
        // A second's pause, past the settling time, between moves.
        wait_a_second(&mut h);
        counts.push(h.state().doc.plan.members[0].chips[0].count);
    }
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    wait_a_second(&mut h);
    counts.dedup();
    assert!(
        counts.len() >= 3,
        "the drag changed the count step by step: {counts:?}"
    );

    undo(&mut h);
    assert!(
        h.state().doc.plan == original,
        "one Ctrl+Z takes back the whole drag"
    );
}

// ---------------------------------------------------------------------------------------------
// Command palette
// ---------------------------------------------------------------------------------------------

const PALETTE_HINT: &str = "Type a command…";

fn palette_open(h: &Harness<'_, PlannerApp>) -> bool {
    h.query_by(|n| n.data().placeholder() == Some(PALETTE_HINT))
        .is_some()
}

/// The palette's rows (buttons whose names start with a menu), by accessible label.
fn palette_rows(h: &Harness<'_, PlannerApp>) -> Vec<String> {
    h.query_all_by(|n| {
        n.role() == Role::Button
            && n.label().is_some_and(|l| {
                ["File: ", "Edit: ", "View: "]
                    .iter()
                    .any(|m| l.starts_with(m))
            })
    })
    .filter_map(|n| n.accesskit_node().label())
    .map(|l| l.trim_end().to_string())
    .collect()
}

#[test]
fn ctrl_k_opens_a_palette_of_every_command_with_its_shortcut_and_typing_filters_it() {
    let mut h = app();
    assert!(!palette_open(&h));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    assert!(palette_open(&h), "Ctrl+K opens the palette");
    let rows = palette_rows(&h);
    for row in [
        "File: Save Ctrl+S",
        "File: Save as… Ctrl+Shift+S",
        "Edit: Undo Ctrl+Z",
        "View: Presentation mode F11",
        "View: Charts",
        "View: Toggle light / dark",
        "File: Export report (HTML)…",
    ] {
        assert!(rows.iter().any(|r| r == row), "{row:?} in {rows:?}");
    }
    assert!(rows.len() >= 25, "every command: {rows:?}");

    h.event(egui::Event::Text("dark".into()));
    h.run();
    assert_eq!(palette_rows(&h), ["View: Toggle light / dark"]);
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().settings.dark_mode, "Enter ran the command");
    assert!(!palette_open(&h), "and closed the palette");
}

#[test]
fn ctrl_shift_p_opens_the_palette_the_arrows_choose_and_esc_closes_it() {
    let mut h = app();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    h.run();
    assert!(palette_open(&h), "Ctrl+Shift+P opens the palette");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!palette_open(&h), "Esc closes it");
    assert!(!h.state().settings.dark_mode, "without running anything");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    h.event(egui::Event::Text("view:".into()));
    h.run();
    // View: Overview, Members, Base model…: two rows down is the Base model view.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().view, consortium_planner::app::View::Model);
    assert!(!palette_open(&h));
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn large_figures_show_their_digits_grouped_with_their_units() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/un-193.ron");
    let mut h = common::start_app(Some(path), None);
    h.run();
    let pooled = h.state().doc.report.pooled;
    assert!(pooled.accelerators >= 10_000);
    let accelerators = consortium_planner::numbers::count(pooled.accelerators);
    assert!(accelerators.contains(','), "{accelerators}");
    assert!(
        shows(&h, &accelerators),
        "the Accelerators tile: {accelerators}"
    );
    let compute = consortium_planner::numbers::with_unit(pooled.bf16_pflops, "PFLOP/s");
    assert!(shows(&h, &compute), "the Pooled compute tile: {compute}");

    // China's 1,672 A100s, in the member list and in its number field.
    click(&mut h, "Members");
    h.state_mut().state.member_filter = "China".to_string();
    h.run();
    let china = h
        .state()
        .doc
        .report
        .members
        .iter()
        .find(|m| m.country == "CN")
        .expect("China")
        .accelerators;
    let chips = format!("\n{} chips", consortium_planner::numbers::count(china));
    assert!(chips.contains(','), "{chips}");
    assert!(
        h.query_all_by(|n| n.label().is_some_and(|l| l.contains(&chips)))
            .next()
            .is_some(),
        "the member list groups the count: {chips}"
    );
    h.get_by_label_contains("CN  China").click();
    h.run();
    let before = h.state().doc.plan.clone();
    let field = field(&h, "1,672 chips");
    field.click();
    h.run();
    // Left with the text it showed, the field keeps its value (no "ambiguous" refusal).
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().doc.plan == before, "the plan is unchanged");
    assert_eq!(count_containing(&h, "refused"), 0);
}
