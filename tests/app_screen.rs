//! Reading the screen, driven headless through egui_kittest: tiles in a row share one height, the
//! export blocker is listed once, preset notes show where a group is added, the what-if chart
//! keeps its curve's scale, undo steps follow separate edits, and the command palette.

use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use consortium_planner::app::PlannerApp;

mod common;

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

fn click(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
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
