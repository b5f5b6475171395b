//! The roadmap: years of a plan, what counts in each, per-year figures, and the command line.

use std::path::Path;
use std::process::Command;

use consortium_planner::analysis::{self, years};
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{
    ChipLine, Member, Plan, PowerLine, PowerSource, Roadmap, Tenure, Workload, WorkloadKind, Years,
};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn load(path: &str) -> Plan {
    file::load(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(path).as_path(),
        catalog(),
    )
    .expect("loads")
    .plan
}

#[test]
fn a_plan_without_years_gives_todays_figures_in_every_year() {
    for path in [
        "saves/eu.ron",
        "saves/african-union.ron",
        "saves/nordic-baltic.ron",
    ] {
        let mut plan = load(path);
        assert!(plan.roadmap.is_none() && !plan.has_years(), "{path}");
        let today = analysis::analyze(&plan, catalog());
        plan.roadmap = Some(Roadmap {
            start_year: 2026,
            phases: Vec::new(),
            model_changes: Vec::new(),
        });
        for year in plan.years() {
            let r = years::year_report(&plan, catalog(), Some(year));
            assert_eq!(r.pooled, today.pooled, "{path} {year}");
            assert_eq!(r.power, today.power, "{path} {year}");
            assert_eq!(r.budget, today.budget, "{path} {year}");
            assert_eq!(r.dependency, today.dependency, "{path} {year}");
            assert_eq!(r.workloads, today.workloads, "{path} {year}");
        }
    }
}

fn phased() -> Plan {
    let mut plan = Plan::new("phased", "llama3.1-8b");
    plan.roadmap = Some(Roadmap {
        start_year: 2026,
        phases: Vec::new(),
        model_changes: Vec::new(),
    });
    plan.assumptions.costs.horizon_years = 8.0;
    let mut cl = Member::new("CL");
    cl.chips.push(ChipLine {
        tenure: Tenure::Rented {
            provider: "AWS".into(),
            provider_country: "US".into(),
        },
        hosted_in: Some("US".into()),
        years: Years {
            first: None,
            last: Some(2027),
        },
        ..ChipLine::new("nvidia_h100_sxm", 256)
    });
    cl.chips.push(ChipLine {
        years: Years {
            first: Some(2027),
            last: None,
        },
        ..ChipLine::new("nvidia_h200_sxm", 96)
    });
    cl.power.push(PowerLine {
        mw: 1.0,
        source: PowerSource::Hydro,
        site: None,
        imported_share: 0.0,
        usd_per_mwh: None,
        years: Years::default(),
    });
    plan.members.push(cl);
    plan.workloads.push(Workload {
        name: "adaptation".into(),
        kind: WorkloadKind::ContinuedPretraining { tokens: 50e9 },
        target_days: Some(60.0),
        members: Vec::new(),
    });
    plan
}

#[test]
fn a_line_that_ends_in_2027_is_absent_from_2028_and_chips_past_their_life_drop_out() {
    let plan = phased();
    let ys = years::years(&plan, catalog());
    assert_eq!(ys.len(), 8);
    let by_year = |y: u16| ys.iter().find(|f| f.year == y).expect("year");
    assert_eq!(by_year(2026).accelerators, 256, "rented only");
    assert_eq!(by_year(2027).accelerators, 256 + 96, "both");
    assert_eq!(
        by_year(2028).accelerators,
        96,
        "the rented line ended in 2027"
    );
    // Bought in 2027 with a 5-year life: 2027..=2031, then a replacement is due.
    assert_eq!(by_year(2031).accelerators, 96);
    assert_eq!(by_year(2032).accelerators, 0);
    assert_eq!(by_year(2032).replacements_due, 96);
    // Renting ends: the hosting dependency falls.
    assert!(by_year(2026).hosting_foreign_share > 0.99);
    assert_eq!(by_year(2028).hosting_foreign_share, 0.0);
    // The owned H200s are paid for in the year they arrive, not before or after.
    assert_eq!(by_year(2026).one_off_usd, 0.0);
    assert!(by_year(2027).one_off_usd > 96.0 * 32_000.0);
    assert_eq!(by_year(2028).one_off_usd, 0.0);
}

#[test]
fn a_member_that_joins_later_pays_nothing_before_it_joins() {
    let mut plan = phased();
    let mut pe = Member::new("PE");
    pe.joins = Some(2028);
    pe.power.push(PowerLine {
        mw: 2.0,
        source: PowerSource::Hydro,
        site: None,
        imported_share: 0.0,
        usd_per_mwh: None,
        years: Years::default(),
    });
    plan.members.push(pe);
    let before = years::year_report(&plan, catalog(), Some(2027));
    let after = years::year_report(&plan, catalog(), Some(2028));
    assert_eq!(before.members.len(), 2, "positions stay the plan's");
    assert_eq!(
        (before.members_now, after.members_now),
        (1, 2),
        "the tiles count who has joined"
    );
    assert_eq!(before.members[1].power_mw, 0.0);
    assert_eq!(before.members[1].budget.fair_share_usd, 0.0);
    assert!(
        before
            .warnings
            .iter()
            .any(|w| w.message.contains("joins in 2028"))
    );
    assert_eq!(after.members[1].power_mw, 2.0);
    assert!(after.members[1].budget.fair_share_usd > 0.0);
}

#[test]
fn the_latam_example_tells_its_phased_story() {
    let plan = load("saves/latam-gpt.ron");
    let ys = years::years(&plan, catalog());
    let first = &ys[0];
    let last = ys.last().expect("years");
    assert_eq!(first.year, 2026);
    assert!(first.phases.iter().any(|p| p.contains("rented")));
    // The rented cloud goes, Brazil's cluster comes: more compute, less foreign hosting.
    assert!(last.bf16_pflops > first.bf16_pflops);
    assert!(last.dependency_overall < first.dependency_overall);
    assert!(last.members > first.members, "Mexico joins in 2027");
}

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
}

#[test]
fn report_json_has_years_and_report_year_prints_one_year() {
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["year"], 2026);
    let ys = v["years"].as_array().expect("years[]");
    assert_eq!(ys.len(), 5);
    for key in [
        "year",
        "bf16_pflops",
        "accelerators",
        "required_mw",
        "experts_fte",
        "spending_usd",
        "dependency_overall",
        "workloads_meeting_target",
    ] {
        assert!(ys[0].get(key).is_some(), "years[].{key}");
    }
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--json", "--year", "2029"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["year"], 2029);
    assert_eq!(v["pooled"]["accelerators"], 96 + 128);
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--year", "2029"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Year 2029 of the roadmap 2026–2030"),
        "the text report says which year: {text}"
    );
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--year", "2040"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2040") && err.contains("2026 to 2030"),
        "{err}"
    );
    let out = cli()
        .args(["report", "saves/eu.ron", "--year", "2027"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no roadmap"));
}

#[test]
fn bad_years_are_refused_with_where_and_why() {
    let text = file::to_ron(&phased());
    let bad = text.replace("last: 2027", "last: 2200");
    assert_ne!(bad, text);
    let err = file::parse(&bad, catalog()).expect_err("2200").to_string();
    assert!(
        err.contains("2200") && err.contains("expected 2000 to 2100"),
        "{err}"
    );
    let backwards = text.replace("first: 2027", "first: 2035, last: 2030");
    let loaded = file::parse(&backwards, catalog()).expect("opens with a warning");
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("ends (2030) before it starts (2035)")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn the_export_has_the_roadmap_year_by_year_and_the_diff_shows_years() {
    let plan = load("saves/latam-gpt.ron");
    let md = consortium_planner::export::export(
        &plan,
        catalog(),
        consortium_planner::export::Format::Markdown,
    );
    let section = md
        .split("## Roadmap 2026–2030")
        .nth(1)
        .expect("a roadmap section");
    for year in 2026..=2030 {
        assert!(
            section.contains(&format!("\n| {year} | ")),
            "a row for {year}"
        );
    }
    assert!(section.contains("Launch model on rented AWS cloud: 2026\n"));
    // A flat plan has no such section.
    let eu = load("saves/eu.ron");
    let md = consortium_planner::export::export(
        &eu,
        catalog(),
        consortium_planner::export::Format::Markdown,
    );
    assert!(!md.contains("## Roadmap"));

    let mut later = plan.clone();
    later.members[0].chips[1].years.last = Some(2027);
    let d = consortium_planner::diff::diff(&plan, &later, catalog());
    let text = consortium_planner::diff::diff_text(&d, "a.ron", "b.ron");
    assert!(
        text.contains("years: “until 2026” → “until 2027”"),
        "{text}"
    );
    // 2027 keeps the rented H100s: its compute and spending move; 2026's do not.
    assert!(text.contains("2027: dense BF16"), "{text}");
    assert!(!text.contains("2026: dense BF16"), "{text}");
}
