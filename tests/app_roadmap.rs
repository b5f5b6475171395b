//! The roadmap in the app, driven headless through egui_kittest as a user drives it: the year
//! selector changes what every view shows, a line's last year typed in the Roadmap view's table
//! takes it out of the later years as one undo step, and a drag on a timeline bar's end edits
//! that line's years as one undo step. A snapshot of the Roadmap view on the Latam example.

mod common;
use common::{click, shows, wait_a_second};

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use consortium_planner::analysis::timeline::{self, Subject};
use consortium_planner::analysis::years::year_report;
use consortium_planner::app::PlannerApp;
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::Plan;

fn latam_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron")
}

fn latam() -> Plan {
    file::load(&latam_path(), Catalog::builtin())
        .expect("example opens")
        .plan
}

fn start() -> Harness<'static, PlannerApp> {
    // Relative to the package (where tests run), so the status bar and the snapshot show the
    // same path on every machine.
    let mut h = common::start_app(Some(PathBuf::from("saves/latam-gpt.ron")), None);
    h.run();
    h
}

fn pooled_in(plan: &Plan, year: u16) -> String {
    let r = year_report(plan, Catalog::builtin(), Some(year));
    consortium_planner::numbers::with_unit(r.pooled.bf16_pflops, "PFLOP/s")
}

/// The timeline label of Chile's owned H200 line (member 0, chip line 0).
fn h200_label(plan: &Plan) -> String {
    timeline::rows(plan, Catalog::builtin())
        .into_iter()
        .find(|r| r.subject == Subject::Chips(0, 0))
        .expect("the H200 line has years")
        .label
}

fn accelerators_in(h: &Harness<'_, PlannerApp>, year: u16) -> u64 {
    h.state()
        .doc
        .years
        .iter()
        .find(|y| y.year == year)
        .expect("a roadmap year")
        .accelerators
}

#[test]
fn choosing_a_year_shows_that_years_pooled_compute_in_the_overview() {
    let plan = latam();
    let (first, second) = (pooled_in(&plan, 2026), pooled_in(&plan, 2027));
    assert_ne!(first, second, "the rented AWS line ends in 2026");
    let mut h = start();
    assert!(shows(&h, &first), "the first year is shown at the start");
    assert!(shows(&h, "showing 2026"), "the status bar names the year");

    click(&mut h, "Next year");
    assert_eq!(h.state().doc.chosen_year, Some(2027));
    assert!(
        shows(&h, &second),
        "the Overview shows 2027's pooled compute"
    );
    assert!(!shows(&h, &first));
    assert!(shows(&h, "showing 2027"));
    assert_eq!(h.state().doc.plan, plan, "choosing a year edits nothing");

    click(&mut h, "Previous year");
    assert!(shows(&h, &first));
}

#[test]
fn typing_a_lines_last_year_takes_it_out_of_later_years_as_one_undo_step() {
    let plan = latam();
    let label = h200_label(&plan);
    let mut h = start();
    click(&mut h, "Roadmap");
    let before = accelerators_in(&h, 2028);
    click(&mut h, "Years as numbers (type them instead of dragging)");
    let field = format!("Last year of {label}");
    click(&mut h, &field);
    h.get_by_label(&field).type_text("2027");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.plan.members[0].chips[0].years.last,
        Some(2027)
    );
    assert_eq!(
        accelerators_in(&h, 2028),
        before - 96,
        "the 96 H200 no longer count in 2028"
    );
    assert_eq!(accelerators_in(&h, 2027), 96, "but still in 2027");
    wait_a_second(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan, plan, "one Ctrl+Z undoes the typed year");
    assert_eq!(accelerators_in(&h, 2028), before);
}

#[test]
fn dragging_a_bars_end_edits_one_lines_years_as_one_undo_step() {
    let plan = latam();
    let label = h200_label(&plan);
    let mut h = start();
    click(&mut h, "Roadmap");
    let end = h.get_by_label(&format!("End of {label}")).rect();
    // Brazil's B200 line starts in 2028: its start handle sits at the 2028 column's left edge.
    let brazil = timeline::rows(&plan, Catalog::builtin())
        .into_iter()
        .find(|r| r.subject == Subject::Chips(1, 0))
        .expect("Brazil's B200 line")
        .label;
    let column_2028 = h
        .get_by_label(&format!("Start of {brazil}"))
        .rect()
        .center()
        .x;
    let column_width = (end.center().x - column_2028) / 3.0; // the H200 bar ends after 2030
    let y = end.center().y;
    let grab = end.center();
    h.hover_at(grab);
    h.run();
    h.drag_at(grab);
    h.run();
    // Through 2029, held there a while, to the middle of 2028: still one drag.
    for x in [
        grab.x - 0.5 * column_width,
        column_2028 + 1.5 * column_width,
    ] {
        h.hover_at(egui::pos2(x, y));
        h.run();
    }
    assert_eq!(
        h.state().doc.plan.members[0].chips[0].years.last,
        Some(2029)
    );
    wait_a_second(&mut h);
    h.hover_at(egui::pos2(column_2028 + 0.5 * column_width, y));
    h.run();
    h.drop_at(egui::pos2(column_2028 + 0.5 * column_width, y));
    h.run();
    let edited = &h.state().doc.plan;
    assert_eq!(edited.members[0].chips[0].years.last, Some(2028));
    let mut expected = plan.clone();
    expected.members[0].chips[0].years.last = Some(2028);
    assert_eq!(*edited, expected, "only that line's last year changed");
    wait_a_second(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan, plan, "one Ctrl+Z undoes the whole drag");
}

#[test]
fn snapshot_roadmap_light() {
    let mut h = start();
    click(&mut h, "Roadmap");
    h.remove_cursor();
    h.run();
    h.snapshot("roadmap_light");
}

#[test]
fn a_members_join_year_and_a_lines_years_are_typed_in_its_contributions() {
    let mut h = start();
    click(&mut h, "Members");
    assert_eq!(h.state().state.selected_member, Some(0), "Chile is shown");
    let members_2026 = h.state().doc.years[0].members;
    click(&mut h, "Year it joins");
    h.get_by_label("Year it joins").type_text("2027");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.plan.members[0].joins, Some(2027));
    assert_eq!(
        h.state().doc.years[0].members,
        members_2026 - 1,
        "Chile no longer counts in 2026"
    );

    // The H200 line's years: its button names them; the popup takes a last year.
    click(&mut h, "from 2026");
    click(&mut h, "Last year of the line");
    h.get_by_label("Last year of the line").type_text("2027");
    h.key_press(Key::Enter);
    h.run();
    let years = h.state().doc.plan.members[0].chips[0].years;
    assert_eq!((years.first, years.last), (Some(2026), Some(2027)));
    assert_eq!(accelerators_in(&h, 2028), 128, "only Brazil's B200 in 2028");
}

#[test]
fn presentation_mode_steps_through_the_roadmap_with_the_year_lever() {
    let plan = latam();
    let mut h = start();
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting);
    assert!(
        shows(&h, "Latam-GPT consortium · 2026"),
        "the slide names its year"
    );
    click(&mut h, "Next year");
    click(&mut h, "Next year");
    assert_eq!(h.state().doc.year, Some(2028));
    assert!(shows(&h, "Latam-GPT consortium · 2028"));
    assert!(
        shows(&h, &pooled_in(&plan, 2028)),
        "the slide's tiles are 2028's"
    );
    assert_eq!(h.state().doc.plan, plan, "stepping edits nothing");
}

#[test]
fn a_plan_without_a_roadmap_is_offered_one_and_then_shows_the_year_selector() {
    let mut h = common::start_app(Some(PathBuf::from("saves/african-union.ron")), None);
    h.run();
    assert!(h.state().doc.plan.roadmap.is_none());
    assert!(h.query_by_label("Next year").is_none(), "no selector yet");
    click(&mut h, "Roadmap");
    h.query_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Start a roadmap in "))
    })
    .expect("the offer")
    .click();
    h.run();
    assert!(h.state().doc.plan.roadmap.is_some());
    assert!(h.query_by_label("Next year").is_some(), "the year selector");
    assert!(h.query_by_label("+ Add phase").is_some());
}
