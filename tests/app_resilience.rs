//! The switch-off test in the app, driven headless through egui_kittest as a user drives it: the
//! Resilience view lists the Latam plan's `cloud:US` shock with the lost share `report --json`
//! gives; defining a shock adds it to the table and Ctrl+Z takes it out in one step; the
//! presentation lever switches a shock on (the pooled compute tile shows the shocked figure, a
//! banner names the shock) and off again. Snapshot: `tests/snapshots/resilience_light.png`
//! (regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test app_resilience`).

mod common;
use common::{latam, latam_path};

use std::process::Command;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{click, shows, start_app, texts_containing, wait_a_second};
use consortium_planner::analysis::stress::report_under;
use consortium_planner::app::PlannerApp;
use consortium_planner::catalog::Catalog;
use consortium_planner::numbers::{short_percent, with_unit};

/// Whether the table has a row (a clickable shock name) called `name`.
fn row(h: &Harness<'_, PlannerApp>, name: &str) -> bool {
    h.query_all_by(|n| n.role() != Role::Label && n.label().as_deref() == Some(name))
        .next()
        .is_some()
}

/// `report --json`'s `stress[]`, as the command line prints it.
fn cli_stress() -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .args(["report", "saves/latam-gpt.ron", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["stress"].as_array().expect("stress[]").clone()
}

/// The Compute cell of a shock in `stress[]`: its loss in the year shown, else the year a later
/// loss starts, else none.
fn lost_text(shock: &serde_json::Value) -> String {
    let share = shock["bf16_pflops_lost_share"].as_f64().expect("a share");
    match shock["later_loss_year"].as_u64() {
        _ if share > 0.0 => format!("{} lost", short_percent(share)),
        Some(year) => format!("less from {year}"),
        None => "none lost".to_string(),
    }
}

#[test]
fn the_resilience_view_lists_the_us_cloud_shock_with_the_lost_share_report_json_gives() {
    let stress = cli_stress();
    let cloud = stress
        .iter()
        .find(|s| s["shock"] == "cloud:US")
        .expect("the shock is listed");

    let mut h = start_app(Some(latam_path()), None);
    click(&mut h, "Resilience");
    let name = cloud["name"].as_str().expect("a name");
    assert_eq!(name, "United States cloud withdraws");
    assert!(row(&h, name), "the shock is a row of the table");
    assert_eq!(lost_text(cloud), "57 % lost");
    assert!(shows(&h, &lost_text(cloud)), "its compute lost is shown");
    // Every shock's lost share is in the table as often as the command line lists it.
    for s in &stress {
        let text = lost_text(s);
        let listed = stress.iter().filter(|o| lost_text(o) == text).count();
        let cells = h
            .query_all_by(|n| n.role() == Role::Label && n.value().as_deref() == Some(&text))
            .count();
        assert_eq!(cells, listed, "{text}");
    }
    let workloads = format!(
        "{} of {}",
        cloud["workloads_meeting_target"], cloud["workloads_with_target"]
    );
    assert!(shows(&h, &workloads), "and its workloads on target");
    // Clicking another shock shows its roadmap year by year (worked out for the shock on
    // screen only).
    click(&mut h, "Taiwan fabrication disrupted");
    let fab = h
        .state()
        .doc
        .stress
        .iter()
        .find(|s| s.key == "fab:TW")
        .expect("Latam's chips are made in Taiwan");
    assert_eq!(fab.years.len(), h.state().doc.years.len(), "year by year");
    assert!(
        shows(&h, "Compute under the shock (PFLOP/s)"),
        "the year-by-year table is shown"
    );
    // Chile's Taiwan-made H200s are dated in the roadmap's first year: the starting position,
    // installed, so they keep working. Brazil's B200 phase (2028) never arrives: the roadmap has
    // less compute from 2028 than the plan, though both workloads still meet their targets.
    let plan_years = &h.state().doc.years;
    let (under, own) = fab
        .years
        .iter()
        .zip(plan_years)
        .find(|(s, _)| s.year == 2028)
        .expect("2028");
    assert!(under.bf16_pflops < own.bf16_pflops, "{under:?} {own:?}");
    assert_eq!(
        fab.bf16_pflops_lost_share, 0.0,
        "nothing installed is lost in 2026"
    );
    assert!(fab.first_year_worse(plan_years).is_none());
    assert!(texts_containing(&h, "roadmap is hit harder").is_empty());
    // The US cloud is the worst shock: marked in the table and named in the Overview.
    assert!(shows(&h, "WORST"));
    click(&mut h, "Overview");
    assert_eq!(
        texts_containing(
            &h,
            "Worst shock — United States cloud withdraws: 57 % of compute lost"
        )
        .len(),
        1
    );
    click(&mut h, "See every shock");
    assert_eq!(h.state().view, consortium_planner::app::View::Resilience);
    assert!(row(&h, name), "the Overview's button leads to the table");
}

#[test]
fn defining_a_shock_adds_it_to_the_table_and_one_undo_takes_it_out() {
    let mut h = start_app(Some(latam_path()), None);
    click(&mut h, "Resilience");
    let rows_before = h.state().doc.stress.len();
    h.get_by(|n| {
        n.data()
            .placeholder()
            .is_some_and(|p| p.starts_with("e.g. US cuts"))
    })
    .click();
    h.run();
    h.event(egui::Event::Text("AWS leaves in 2028".into()));
    h.run();
    // The rule picker offers the cloud the plan rents from first.
    assert_eq!(h.state().state.resilience.draft.country, "US");
    h.get_by_role_and_label(Role::ComboBox, "From").click();
    h.run();
    // The year in the list (the year-by-year table has a label of it too).
    h.get_by(|n| n.role() != Role::Label && n.label().as_deref() == Some("2028"))
        .click();
    h.run();
    click(&mut h, "Add rule");
    assert!(
        shows(
            &h,
            "Clouds under United States withdraw: rented capacity from providers headquartered or hosted there is gone."
        ),
        "the rule is listed"
    );
    assert!(h.state().doc.plan.shocks.is_empty(), "not saved yet");
    click(&mut h, "Save shock in the plan");
    let doc = &h.state().doc;
    assert_eq!(doc.plan.shocks.len(), 1);
    assert_eq!(doc.plan.shocks[0].from_year, Some(2028));
    assert_eq!(doc.stress.len(), rows_before + 1);
    assert!(row(&h, "“AWS leaves in 2028”"), "a row of the table");
    // From 2028 on: the year shown (2026) loses nothing to it.
    let own = doc
        .stress
        .iter()
        .find(|s| s.key == "custom:AWS leaves in 2028")
        .expect("analysed");
    assert_eq!(own.bf16_pflops_lost_share, 0.0);
    assert!(!own.years.is_empty());

    wait_a_second(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().doc.plan.shocks.is_empty(),
        "one Ctrl+Z removes it"
    );
    assert_eq!(h.state().doc.plan, latam(), "and nothing else changed");
    assert!(!row(&h, "“AWS leaves in 2028”"));
    assert_eq!(h.state().doc.stress.len(), rows_before);

    // Redo brings it back; Delete removes it, and one Ctrl+Z restores it.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.shocks.len(), 1);
    click(&mut h, "Delete");
    assert!(h.state().doc.plan.shocks.is_empty(), "Delete removes it");
    assert!(!row(&h, "“AWS leaves in 2028”"));
    wait_a_second(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.shocks.len(), 1, "one Ctrl+Z restores it");
    assert!(row(&h, "“AWS leaves in 2028”"));
}

#[test]
fn the_presentation_shock_lever_shows_the_shocked_compute_and_switches_back() {
    let mut h = start_app(Some(latam_path()), None);
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting);
    let plan = latam();
    let catalog = Catalog::builtin();
    let year = h.state().doc.year;
    let shocked = report_under(&plan, catalog, "cloud:US", year).expect("a shock of the plan");
    let before = with_unit(h.state().doc.report.pooled.bf16_pflops, "PFLOP/s");
    let after = with_unit(shocked.pooled.bf16_pflops, "PFLOP/s");
    assert_ne!(before, after);
    assert!(shows(&h, &before), "the pooled compute tile shows {before}");

    h.get_by_role_and_label(Role::ComboBox, "Shock").click();
    h.run();
    click(&mut h, "United States cloud withdraws");
    assert_eq!(h.state().doc.shock.as_deref(), Some("cloud:US"));
    assert!(shows(&h, &after), "the tile shows {after} under the shock");
    assert!(!shows(&h, &before));
    assert_eq!(
        texts_containing(&h, "SHOCK ON: United States cloud withdraws").len(),
        1,
        "the slide says which shock is on"
    );
    assert_eq!(h.state().doc.plan, plan, "the plan is not changed");
    // The banner takes its line from the charts: the slide still fits the laptop screen.
    let slide = h.state().state.slide.clone();
    let visible = slide.screen.expand(1.0);
    assert!(
        visible.contains_rect(slide.content),
        "the slide with a shock on lies on screen: {:?} in {:?}",
        slide.content,
        slide.screen
    );
    assert!(
        slide.levers.bottom() <= slide.levers_screen.bottom(),
        "the levers fit with the shock lever: {slide:?}"
    );

    h.get_by_role_and_label(Role::ComboBox, "Shock").click();
    h.run();
    click(&mut h, "none");
    assert!(shows(&h, &before), "back to {before}");
    assert!(texts_containing(&h, "SHOCK ON").is_empty());

    // A shock left on goes with presentation mode.
    h.get_by_role_and_label(Role::ComboBox, "Shock").click();
    h.run();
    click(&mut h, "United States cloud withdraws");
    assert!(shows(&h, &after));
    click(&mut h, "Leave presentation (Esc)");
    assert!(!h.state().presenting);
    assert_eq!(h.state().doc.shock, None);
    assert!(shows(&h, &before), "the Overview shows the plan as it is");
}

#[test]
fn snapshot_resilience_light() {
    let mut h = start_app(Some(latam_path()), None);
    click(&mut h, "Resilience");
    h.remove_cursor();
    h.run();
    h.snapshot("resilience_light");
}
