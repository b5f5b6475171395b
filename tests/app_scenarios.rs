//! The scenario bar and the Compare view, driven headless through egui_kittest as a user drives
//! them: one click switches a scenario (a figure on screen changes) and Ctrl+Z switches back;
//! comparing with another file lists a changed member, and taking its contributions edits the
//! plan as one undoable step.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use consortium_planner::analysis::years::default_report as analyze;
use consortium_planner::app::{PlannerApp, StartOptions};
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{DEFAULT_SCENARIO, Plan};

const DOUBLE: &str = "Double chips";

fn start(path: PathBuf) -> Harness<'static, PlannerApp> {
    Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |cc| {
            PlannerApp::from_creation_context(
                cc,
                StartOptions {
                    path: Some(path),
                    typed_paths_only: true,
                    data_dir: None,
                },
            )
        })
}

/// The example plan with only its baseline scenario.
fn latam() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron");
    let mut plan = file::load(&path, Catalog::builtin())
        .expect("example opens")
        .plan;
    plan.scenarios.clear();
    plan
}

fn write(dir: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = dir.join(name);
    file::save(plan, &path).expect("saved");
    path
}

fn shows(h: &Harness<'_, PlannerApp>, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some()
}

fn texts_containing(h: &Harness<'_, PlannerApp>, part: &str) -> Vec<String> {
    h.query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains(part)))
        .filter_map(|n| n.value())
        .collect()
}

fn click(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn wait_a_second(h: &mut Harness<'_, PlannerApp>) {
    h.run_steps(4);
    h.run();
}

fn pooled_text(plan: &Plan) -> String {
    consortium_planner::numbers::with_unit(
        analyze(plan, Catalog::builtin()).pooled.bf16_pflops,
        "PFLOP/s",
    )
}

#[test]
fn clicking_a_scenario_switches_the_figures_and_undo_switches_back() {
    let mut plan = latam();
    plan.duplicate_scenario(DOUBLE).unwrap();
    for m in &mut plan.members {
        for line in &mut m.chips {
            line.count *= 2;
        }
    }
    plan.switch_scenario(DEFAULT_SCENARIO).unwrap();
    let baseline = pooled_text(&plan);
    let doubled = pooled_text(&plan.materialize(DOUBLE).unwrap());
    assert_ne!(baseline, doubled);
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(write(dir.path(), "two.ron", &plan));
    h.run();
    assert!(
        shows(&h, &baseline),
        "the baseline's pooled compute is shown"
    );

    click(&mut h, DOUBLE);
    assert_eq!(h.state().doc.plan.active_scenario, DOUBLE);
    assert!(
        shows(&h, &doubled),
        "one click shows the other scenario's figures"
    );
    assert!(!shows(&h, &baseline));
    wait_a_second(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.plan,
        plan,
        "Ctrl+Z switches back, plan intact"
    );
    assert!(shows(&h, &baseline));
}

#[test]
fn new_from_current_adds_a_scenario_and_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(write(dir.path(), "one.ron", &latam()));
    h.run();
    click(&mut h, "New from current");
    let field = h.get_by_label("Name of the new scenario");
    assert!(field.is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("No rented cloud".into()));
    h.run();
    click(&mut h, "Create");
    let plan = &h.state().doc.plan;
    assert_eq!(plan.active_scenario, "No rented cloud");
    assert_eq!(
        plan.scenario_names(),
        vec![DEFAULT_SCENARIO, "No rented cloud"]
    );
    assert!(
        h.query_by_label("No rented cloud").is_some(),
        "a button per scenario"
    );
}

#[test]
fn comparing_with_a_file_lists_a_changed_member_and_take_updates_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let open = latam();
    let mut other = open.clone();
    let cl = other
        .members
        .iter_mut()
        .find(|m| m.country == "CL")
        .expect("Chile is a member");
    cl.chips[0].count += 100;
    let other_cl = cl.clone();
    let open_path = write(dir.path(), "open.ron", &open);
    let other_path = write(dir.path(), "other.ron", &other);
    let mut h = start(open_path);
    h.run();

    click(&mut h, "Compare");
    click(&mut h, "With another file");
    click(&mut h, "Compare with file…");
    let field = h.get_by(|n| n.data().placeholder() == Some("/path/to/plan.ron"));
    assert!(field.is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(other_path.display().to_string()));
    h.run();
    click(&mut h, "Compare with this file");

    let changed = texts_containing(&h, "~ CL");
    assert!(!changed.is_empty(), "Chile is listed as changed");
    assert!(
        !texts_containing(&h, "count: ").is_empty(),
        "the changed chip count is listed"
    );
    assert!(
        !texts_containing(&h, "Pooled capacity").is_empty() || shows(&h, "Key figures that moved"),
        "the figures that moved are listed"
    );

    click(&mut h, "Take CL's contributions");
    wait_a_second(&mut h);
    let taken = h
        .state()
        .doc
        .plan
        .members
        .iter()
        .find(|m| m.country == "CL")
        .cloned();
    assert_eq!(
        taken.as_ref(),
        Some(&other_cl),
        "Chile now has the other file's lines"
    );
    assert!(h.state().doc.is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan, open, "Ctrl+Z undoes the take");
}

#[test]
fn the_compare_view_shows_two_scenarios_with_signed_changes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron");
    let plan = file::load(&path, Catalog::builtin()).unwrap().plan;
    let other = plan.materialize("Without rented cloud").unwrap();
    let figures = consortium_planner::diff::key_figures(
        &analyze(&plan, Catalog::builtin()),
        &analyze(&other, Catalog::builtin()),
    );
    let accelerators = figures
        .iter()
        .find(|f| f.key == "pooled.accelerators")
        .expect("a key figure");
    let (before, after, delta) = consortium_planner::diff::figure_parts(accelerators);
    assert!(delta.starts_with('−'), "fewer accelerators: {delta}");

    // A relative path (tests run in the crate's folder), so the snapshot's status bar is the same
    // on every machine.
    let mut h = start(PathBuf::from("saves/latam-gpt.ron"));
    h.run();
    click(&mut h, "Compare…");
    assert!(shows(&h, "First scenario") || h.query_by_label("First scenario").is_some());
    for text in [&before, &after, &delta] {
        assert!(shows(&h, text), "{text} is shown");
    }
    assert!(shows(&h, "same"), "figures that did not move say so");
    // The budget moves with the rented cloud gone: its rows are there with both values.
    for key in [
        "budget.per_year_usd",
        "budget.total_usd",
        "budget.funded_share",
    ] {
        let f = figures.iter().find(|f| f.key == key).expect(key);
        assert!(shows(&h, &f.label), "{key} row {:?} is shown", f.label);
        let (before, after, _) = consortium_planner::diff::figure_parts(f);
        assert!(
            shows(&h, &before) && shows(&h, &after),
            "{key}: {before} → {after}"
        );
    }
    h.remove_cursor();
    h.run();
    h.snapshot("compare_scenarios_light");
}

#[test]
fn deleting_a_scenario_asks_first_and_is_undoable() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron");
    let mut h = start(path);
    h.run();
    let original = h.state().doc.plan.clone();
    click(&mut h, "Delete…");
    click(&mut h, "Delete \u{201c}Without rented cloud\u{201d}");
    assert!(shows(
        &h,
        "Delete the scenario \u{201c}Without rented cloud\u{201d}?"
    ));
    assert_eq!(
        h.state().doc.plan,
        original,
        "nothing is deleted before confirming"
    );
    click(&mut h, "Keep it");
    assert_eq!(h.state().doc.plan, original);

    click(&mut h, "Delete…");
    click(&mut h, "Delete \u{201c}Without rented cloud\u{201d}");
    click(&mut h, "Delete");
    assert_eq!(h.state().doc.plan.scenario_names(), vec![DEFAULT_SCENARIO]);
    wait_a_second(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.plan,
        original,
        "Ctrl+Z brings the scenario back"
    );
}
