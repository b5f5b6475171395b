//! Scenarios: named variants of one plan. Switching keeps every variant intact and changes the
//! figures, files with scenarios reload identically, and bad or hostile stored scenarios are
//! refused with their line and column.

use std::path::Path;

use consortium_planner::analysis::analyze;
use consortium_planner::catalog::Catalog;
use consortium_planner::file::{self, FileError};
use consortium_planner::plan::{DEFAULT_SCENARIO, MAX_SCENARIOS, Plan, ScenarioError};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

/// The example plan with only its baseline scenario.
fn latam() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron");
    let mut plan = file::load(&path, catalog())
        .expect("the example opens")
        .plan;
    plan.scenarios.clear();
    plan
}

#[test]
fn the_example_plan_has_a_scenario_without_rented_cloud_with_fewer_accelerators() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron");
    let loaded = file::load(&path, catalog()).expect("the example opens");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let plan = loaded.plan;
    assert_eq!(
        plan.scenario_names(),
        vec![DEFAULT_SCENARIO, "Without rented cloud"]
    );
    let own = plan.materialize("Without rented cloud").unwrap();
    let (a, b) = (analyze(&plan, catalog()), analyze(&own, catalog()));
    assert!(b.pooled.accelerators < a.pooled.accelerators);
    assert_eq!(b.power.rented_mw, 0.0);
}

/// The example with a second scenario "Double chips" in which every chip count is doubled,
/// switched back to the baseline.
fn with_double_chips() -> Plan {
    let mut plan = latam();
    plan.duplicate_scenario("Double chips").expect("new name");
    for m in &mut plan.members {
        for line in &mut m.chips {
            line.count *= 2;
        }
    }
    plan.switch_scenario(DEFAULT_SCENARIO)
        .expect("baseline exists");
    plan
}

fn refused(text: &str) -> Vec<file::Problem> {
    match file::parse(text, catalog()) {
        Err(FileError::Invalid(problems)) => problems,
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

#[test]
fn a_plan_without_scenarios_has_one_named_baseline_and_its_file_is_unchanged() {
    let plan = latam();
    assert_eq!(plan.active_scenario, DEFAULT_SCENARIO);
    assert!(plan.scenarios.is_empty());
    assert_eq!(plan.scenario_names(), vec![DEFAULT_SCENARIO]);
    let text = file::to_ron(&plan);
    assert!(!text.contains("active_scenario") && !text.contains("scenarios"));
}

#[test]
fn switching_a_to_b_to_a_restores_a_exactly_and_keeps_b() {
    let a = with_double_chips();
    let mut plan = a.clone();
    plan.switch_scenario("Double chips").unwrap();
    assert_eq!(plan.active_scenario, "Double chips");
    let b = plan.clone();
    assert_ne!(a.members, b.members);
    plan.switch_scenario(DEFAULT_SCENARIO).unwrap();
    assert_eq!(plan, a, "A → B → A must restore A exactly");
    plan.switch_scenario("Double chips").unwrap();
    assert_eq!(plan, b, "B is kept intact while A is shown");
}

#[test]
fn switching_keeps_the_listed_order() {
    let mut plan = latam();
    plan.duplicate_scenario("Two").unwrap();
    plan.duplicate_scenario("Three").unwrap();
    let order = vec![DEFAULT_SCENARIO, "Two", "Three"];
    assert_eq!(plan.scenario_names(), order);
    for name in ["Two", DEFAULT_SCENARIO, "Three", "Two"] {
        plan.switch_scenario(name).unwrap();
        assert_eq!(plan.active_scenario, name);
        assert_eq!(plan.scenario_names(), order);
    }
}

#[test]
fn a_switch_changes_the_figures_accordingly() {
    let mut plan = with_double_chips();
    let before = analyze(&plan, catalog());
    plan.switch_scenario("Double chips").unwrap();
    let after = analyze(&plan, catalog());
    assert_eq!(after.pooled.accelerators, 2 * before.pooled.accelerators);
    let ratio = after.pooled.training_pflops / before.pooled.training_pflops;
    assert!((ratio - 2.0).abs() < 1e-9, "compute doubles: {ratio}");
    let days = |r: &consortium_planner::analysis::Report| r.workloads[0].days.expect("trains");
    assert!((days(&before) / days(&after) - 2.0).abs() < 1e-6);
    // The stored variant analyses the same whether switched to or materialised.
    let stored = plan.materialize(DEFAULT_SCENARIO).unwrap();
    assert_eq!(
        analyze(&stored, catalog()).pooled.accelerators,
        before.pooled.accelerators
    );
    assert!(stored.scenarios.is_empty());
    assert!(plan.materialize("No such").is_none());
}

#[test]
fn rename_and_delete_follow_the_rules() {
    let mut plan = with_double_chips();
    assert_eq!(
        plan.duplicate_scenario("Double chips"),
        Err(ScenarioError::Duplicate("Double chips".into()))
    );
    assert_eq!(plan.duplicate_scenario("  "), Err(ScenarioError::EmptyName));
    assert_eq!(
        plan.rename_scenario("Double chips", DEFAULT_SCENARIO),
        Err(ScenarioError::Duplicate(DEFAULT_SCENARIO.into()))
    );
    plan.rename_scenario("Double chips", "Twice the chips")
        .unwrap();
    plan.rename_scenario(DEFAULT_SCENARIO, "Today").unwrap();
    assert_eq!(plan.scenario_names(), vec!["Today", "Twice the chips"]);
    assert_eq!(
        plan.delete_scenario("Today"),
        Err(ScenarioError::Active("Today".into()))
    );
    plan.delete_scenario("Twice the chips").unwrap();
    assert_eq!(plan.scenario_names(), vec!["Today"]);
    for i in 1..MAX_SCENARIOS {
        plan.duplicate_scenario(&format!("S{i}")).unwrap();
    }
    assert_eq!(
        plan.duplicate_scenario("One too many"),
        Err(ScenarioError::TooMany(MAX_SCENARIOS))
    );
}

#[test]
fn a_saved_file_with_scenarios_reloads_identically() {
    let mut plan = with_double_chips();
    plan.switch_scenario("Double chips").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scen.ron");
    file::save(&plan, &path).unwrap();
    let loaded = file::load(&path, catalog()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.plan, plan);
    assert_eq!(file::to_ron(&loaded.plan), file::to_ron(&plan));
}

/// The canonical text of the example with one stored scenario, for editing by hand.
fn two_scenario_text() -> String {
    file::to_ron(&with_double_chips())
}

fn line_col_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
        .0;
    file::position_of(text, at)
}

#[test]
fn a_duplicate_scenario_name_is_refused_at_its_line_and_column() {
    let text = two_scenario_text().replace("\"Double chips\"", "\"Baseline\"");
    let problems = refused(&text);
    let p = problems
        .iter()
        .find(|p| p.path == "scenarios[0].name")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert!(p.message.contains("already a scenario named \"Baseline\""));
    let (line, column) = line_col_of(&text, "\"Baseline\"", 0);
    assert_eq!((p.line, p.column), (Some(line), Some(column)));
}

#[test]
fn a_hostile_stored_scenario_is_refused_with_its_path_and_position() {
    // A NaN count is refused by the parser itself, at its position.
    let text = two_scenario_text();
    let scen_at = text.find("scenarios:").unwrap();
    let count_at = scen_at + text[scen_at..].find("count: ").unwrap() + "count: ".len();
    let mut nan = text.clone();
    let end = count_at + nan[count_at..].find(',').unwrap();
    nan.replace_range(count_at..end, "NaN");
    let problems = refused(&nan);
    let expected = file::position_of(&nan, count_at);
    assert_eq!(
        (problems[0].line, problems[0].column),
        (Some(expected.0), Some(expected.1))
    );

    // A member list over the limit inside a stored scenario is refused at `scenarios[0].members`.
    let mut plan = with_double_chips();
    plan.switch_scenario("Double chips").unwrap();
    let extra = plan.members[0].clone();
    plan.switch_scenario(DEFAULT_SCENARIO).unwrap();
    plan.scenarios[0].members = vec![extra; file::limits::MAX_MEMBERS + 1];
    let text = file::to_ron(&plan);
    let problems = refused(&text);
    let p = problems
        .iter()
        .find(|p| p.path == "scenarios[0].members")
        .unwrap_or_else(|| panic!("{problems:?}"));
    let scen_line = line_col_of(&text, "scenarios:", 0).0;
    let members = text[text.find("scenarios:").unwrap()..]
        .find("members:")
        .unwrap()
        + text.find("scenarios:").unwrap();
    assert!(p.line.unwrap() > scen_line);
    assert_eq!((p.line, p.column), {
        let (l, c) = file::position_of(&text, members);
        (Some(l), Some(c))
    });
}

#[test]
fn an_unknown_country_in_a_stored_scenario_is_reported_there_not_at_top_level() {
    let mut plan = with_double_chips();
    plan.scenarios[0].members[1].country = "QQ".into();
    let text = file::to_ron(&plan);
    let loaded = file::parse(&text, catalog()).expect("unknown ids still open");
    let p = loaded
        .problems
        .iter()
        .find(|p| p.path == "scenarios[0].members[1].country")
        .unwrap_or_else(|| panic!("{:?}", loaded.problems));
    let (line, column) = line_col_of(&text, "\"QQ\"", 0);
    assert_eq!((p.line, p.column), (Some(line), Some(column)));
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
}

#[test]
fn too_many_scenarios_are_refused() {
    let mut plan = latam();
    for i in 1..MAX_SCENARIOS {
        plan.duplicate_scenario(&format!("S{i}")).unwrap();
    }
    let mut extra = plan.scenarios[0].clone();
    extra.name = "Extra".into();
    plan.scenarios.push(extra);
    let problems = refused(&file::to_ron(&plan));
    assert!(problems[0].message.contains("at most 20"), "{problems:?}");
    assert!(problems[0].line.is_some());
}

#[test]
fn a_diff_compares_the_scenarios_shown_and_names_a_different_active_one() {
    let with = with_double_chips();
    let without = latam();
    assert!(
        consortium_planner::diff::diff(&with, &without, catalog()).is_empty(),
        "stored scenarios are not compared"
    );
    let mut switched = with.clone();
    switched.switch_scenario("Double chips").unwrap();
    let d = consortium_planner::diff::diff(&with, &switched, catalog());
    assert!(
        d.plan.iter().any(|c| c.key == "active_scenario"),
        "{:?}",
        d.plan
    );
    assert!(!d.members.is_empty() && !d.figures.is_empty());
}
