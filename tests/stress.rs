//! The switch-off test: real cases of what survives when a foreign supplier says no.

use std::path::Path;
use std::process::Command;

use consortium_planner::analysis::{analyze, stress, years};
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{
    ChipLine, ExpertLine, ExpertRole, Member, Plan, Roadmap, Shock, ShockRule, Tenure, Workload,
    WorkloadKind, Years,
};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn rented_from(provider_country: &str, count: u32) -> ChipLine {
    ChipLine {
        tenure: Tenure::Rented {
            provider: "Cloud".into(),
            provider_country: provider_country.into(),
        },
        hosted_in: Some(provider_country.into()),
        ..ChipLine::new("nvidia_h100_sxm", count)
    }
}

fn training(target_days: f64) -> Workload {
    Workload {
        name: "adaptation".into(),
        kind: WorkloadKind::ContinuedPretraining { tokens: 50e9 },
        target_days: Some(target_days),
        members: Vec::new(),
    }
}

fn run(plan: &Plan) -> Vec<stress::StressFigures> {
    let year = years::analysis_year(plan, None);
    let report = years::year_report(plan, catalog(), year);
    let ys = years::years(plan, catalog());
    stress::stress(plan, catalog(), year, &report, &ys, stress::YearsOf::All)
}

fn find<'a>(s: &'a [stress::StressFigures], key: &str) -> &'a stress::StressFigures {
    s.iter().find(|f| f.key == key).unwrap_or_else(|| {
        panic!(
            "{key} in {:?}",
            s.iter().map(|f| &f.key).collect::<Vec<_>>()
        )
    })
}

#[test]
fn a_plan_renting_everything_from_one_foreign_cloud_loses_everything_when_it_withdraws() {
    let mut plan = Plan::new("rented", "llama3.1-8b");
    let mut cl = Member::new("CL");
    cl.chips.push(rented_from("US", 512));
    plan.members.push(cl);
    plan.workloads.push(training(60.0));
    let s = run(&plan);
    let cloud = find(&s, "cloud:US");
    assert_eq!(cloud.bf16_pflops, 0.0);
    assert_eq!(cloud.bf16_pflops_lost_share, 1.0);
    assert_eq!(cloud.accelerators_lost, 512);
    assert_eq!(cloud.workloads_meeting_target, 0);
    assert_eq!(cloud.baseline_meeting_target, 1);
    assert_eq!(cloud.days_lost, None, "no chips left to train on");
    // Surviving it means owning about as much: 512 H100 (not US-export-touched by a cloud rule).
    assert_eq!(cloud.mitigation.accelerator, "nvidia_h100_sxm");
    assert_eq!(cloud.mitigation.accelerators, 512);
    let capex = consortium_planner::analysis::budget::owned_line_capex_usd(
        &plan,
        catalog(),
        &ChipLine::new("nvidia_h100_sxm", 512),
    );
    assert_eq!(cloud.mitigation.usd, capex);
    assert_eq!(stress::worst(&s).map(|w| w.key.as_str()), Some("cloud:US"));
}

#[test]
fn installed_chips_keep_the_capacity_under_an_export_denial() {
    let loaded = file::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("saves/eu.ron")
            .as_path(),
        catalog(),
    )
    .expect("EU example");
    let s = run(&loaded.plan);
    let export = find(&s, "export:US");
    assert_eq!(
        export.bf16_pflops_lost_share, 0.0,
        "every chip is installed"
    );
    assert_eq!(
        export.bf16_pflops,
        analyze(&loaded.plan, catalog()).pooled.bf16_pflops
    );
    assert_eq!(export.mitigation.usd, 0.0);
}

#[test]
fn a_second_phase_buying_new_chips_is_lost_and_the_first_keeps_working() {
    let mut plan = Plan::new("phased", "llama3.1-8b");
    plan.roadmap = Some(Roadmap {
        start_year: 2026,
        phases: Vec::new(),
        model_changes: Vec::new(),
    });
    let mut cl = Member::new("CL");
    cl.chips.push(ChipLine::new("nvidia_h100_sxm", 256));
    cl.chips.push(ChipLine {
        years: Years {
            first: Some(2028),
            last: None,
        },
        ..ChipLine::new("nvidia_b200_hgx", 256)
    });
    plan.members.push(cl);
    plan.shocks.push(Shock {
        name: "US export licences denied from 2027".into(),
        rules: vec![ShockRule::ExportDenied {
            designer_country: "US".into(),
            members: Vec::new(),
        }],
        from_year: Some(2027),
    });
    let s = run(&plan);
    let own = find(&s, "custom:US export licences denied from 2027");
    assert!(own.custom);
    let by_year = |y: u16| own.years.iter().find(|f| f.year == y).expect("year");
    let base = years::years(&plan, catalog());
    let base_year = |y: u16| base.iter().find(|f| f.year == y).expect("year");
    // 2026-2027: the installed H100s, as planned.
    assert_eq!(by_year(2027).accelerators, 256);
    // 2028: the B200 phase does not arrive.
    assert_eq!(base_year(2028).accelerators, 512);
    assert_eq!(by_year(2028).accelerators, 256);
    // The H100s bought at the start keep working to the end of their 5-year life (2030), and
    // are not replaced.
    assert_eq!(by_year(2030).accelerators, 256);
}

#[test]
fn foreign_experts_leaving_and_imported_power_are_tested_when_the_plan_has_them() {
    let mut plan = Plan::new("people", "llama3.1-8b");
    let mut cl = Member::new("CL");
    cl.chips.push(ChipLine::new("nvidia_h100_sxm", 64));
    cl.experts.push(ExpertLine {
        role: ExpertRole::MlEngineering,
        fte: 10.0,
        foreign_fte: 4.0,
        years: Years::default(),
    });
    plan.members.push(cl);
    let s = run(&plan);
    let experts = find(&s, "experts");
    assert_eq!(experts.experts_fte_lost, 4.0);
    assert!(experts.mitigation.usd > 0.0);
    assert!(
        s.iter().all(|f| f.key != "imported_power"),
        "no imported power"
    );
    assert!(s.iter().all(|f| f.key != "cloud:US"), "rents nothing");
}

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
}

#[test]
fn report_json_has_stress_and_report_shock_prints_the_plan_under_one() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--json"])
        .current_dir(dir)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let stress = v["stress"].as_array().expect("stress[]");
    let cloud = stress
        .iter()
        .find(|s| s["shock"] == "cloud:US")
        .expect("Latam rents from AWS");
    for key in [
        "shock",
        "description",
        "bf16_pflops_lost_share",
        "workloads_meeting_target",
        "serving_meets_demand",
        "mitigation_usd",
    ] {
        assert!(cloud.get(key).is_some(), "stress[].{key}");
    }
    assert!(cloud["bf16_pflops_lost_share"].as_f64().unwrap() > 0.5);
    let out = cli()
        .args([
            "report",
            "saves/latam-gpt.ron",
            "--json",
            "--shock",
            "cloud:US",
        ])
        .current_dir(dir)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["pooled"]["accelerators"], 96, "the AWS line is gone");
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--shock", "cloud:XX"])
        .current_dir(dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cloud:XX") && err.contains("cloud:US"),
        "{err}"
    );
}

#[test]
fn the_text_report_ends_with_a_switch_off_block_naming_the_worst_shock_and_each_shock() {
    let out = cli()
        .args(["report", "saves/latam-gpt.ron"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let block = &text[text.find("Switch-off test").expect("a Switch-off block")..];
    assert!(
        block.contains("worst: United States cloud withdraws: 57 % of compute lost"),
        "{block}"
    );
    for key in [
        "(cloud:US)",
        "(export:US)",
        "(fab:TW)",
        "(memory:KR)",
        "(experts)",
    ] {
        assert_eq!(
            block.lines().filter(|l| l.ends_with(key)).count(),
            1,
            "one line for {key}: {block}"
        );
    }
    // Under one shock the block is left out: the figures are already the shocked plan's.
    let out = cli()
        .args(["report", "saves/latam-gpt.ron", "--shock", "cloud:US"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Switch-off test ("));
}

#[test]
fn a_shock_that_only_hits_a_later_phase_is_shown_as_weakening_the_plan_from_that_year() {
    let loaded = file::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("saves/latam-gpt.ron")
            .as_path(),
        catalog(),
    )
    .expect("Latam example");
    let s = run(&loaded.plan);
    let export = find(&s, "export:US");
    // Chile's H200s (dated in the first year) are installed; Brazil's B200s (2028) never come.
    assert_eq!(export.bf16_pflops_lost_share, 0.0);
    assert_eq!(export.later_loss_year, Some(2028));
    assert_eq!(export.outcome(), stress::Outcome::Weakened);
    // Surviving it means replacing the B200s' 2028 compute with chips the shock does not touch.
    let b200_pflops = 128.0 * 2.25;
    let m = &export.mitigation;
    assert!(
        m.accelerators > 0 && !m.accelerator.starts_with("nvidia"),
        "{m:?}"
    );
    let per = catalog()
        .accelerator(&m.accelerator)
        .unwrap()
        .bf16_tflops
        .unwrap()
        / 1000.0;
    assert!((m.accelerators as f64 * per) >= b200_pflops - 1e-6, "{m:?}");
    assert!(m.usd > 0.0);
    let model = find(&s, "model:US");
    assert_eq!(model.later_loss_year, None, "no model change to lose");
    assert_eq!(model.outcome(), stress::Outcome::Holds);
}
