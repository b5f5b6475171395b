//! `diff`: what changed between two plans and what it does to the figures, the `diff` command's
//! exit codes, and taking one member's contributions from the other plan.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use consortium_planner::analysis::series;
use consortium_planner::analysis::years::default_report as analyze;
use consortium_planner::catalog::Catalog;
use consortium_planner::diff::{
    EntryKind, PlanDiff, SHARE, Status, Value, diff, diff_json, diff_text, key_figures, take_member,
};
use consortium_planner::file;
use consortium_planner::numbers::readable;
use consortium_planner::plan::{
    ChipLine, ExchangeRate, FairShareRule, Member, Plan, Precision, RentalRate, Tenure,
    WorkloadKind,
};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn latam_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron")
}

fn latam() -> Plan {
    file::load(&latam_path(), catalog())
        .expect("the example plan opens")
        .plan
}

fn member<'a>(plan: &'a mut Plan, code: &str) -> &'a mut Member {
    plan.members
        .iter_mut()
        .find(|m| m.country == code)
        .expect("member present")
}

fn figure<'a>(
    d: &'a PlanDiff,
    key: &str,
    subject: Option<&str>,
) -> &'a consortium_planner::diff::FigureChange {
    d.figures
        .iter()
        .find(|f| f.key == key && f.subject.as_deref() == subject)
        .unwrap_or_else(|| panic!("the diff lists no moved figure {key} {subject:?}: {d:#?}"))
}

#[test]
fn identical_plans_give_an_empty_diff() {
    let a = latam();
    let d = diff(&a, &a.clone(), catalog());
    assert!(d.is_empty(), "{d:#?}");
    assert!(diff_text(&d, "a.ron", "b.ron").contains("no differences"));
    assert_eq!(diff_json(&d)["same"], true);
}

#[test]
fn members_added_removed_and_changed_are_named() {
    let a = latam();
    let mut b = a.clone();
    b.members.retain(|m| m.country != "UY");
    let mut py = Member::new("PY");
    py.chips.push(ChipLine {
        years: Default::default(),
        price_usd: None,
        accelerator: "nvidia_h100_sxm".into(),
        count: 8,
        tenure: Tenure::Owned,
        hosted_in: None,
    });
    b.members.push(py);
    member(&mut b, "BR").experts[0].fte = 9.0;

    let d = diff(&a, &b, catalog());
    let find = |code: &str| {
        d.members
            .iter()
            .find(|m| m.country == code)
            .unwrap_or_else(|| panic!("{code} not in the diff: {:#?}", d.members))
    };
    assert_eq!(find("UY").status, Status::Removed);
    assert_eq!(find("UY").name, "Uruguay");
    assert_eq!(find("PY").status, Status::Added);
    assert_eq!(find("PY").name, "Paraguay");
    let br = find("BR");
    assert_eq!(br.status, Status::Changed);
    assert_eq!(br.lines.len(), 1, "only BR's ML research line changed");
    assert_eq!(br.lines[0].kind, EntryKind::Experts);
    assert_eq!(br.lines[0].item, "ML research");
    assert_eq!(br.lines[0].changes[0].delta(), Some(3.0));
    assert_eq!(d.members.len(), 3, "unchanged members are not listed");

    let text = diff_text(&d, "a.ron", "b.ron");
    assert!(text.contains("− UY Uruguay"), "{text}");
    assert!(text.contains("+ PY Paraguay"), "{text}");
    assert!(
        text.contains(
            "+ chips nvidia_h100_sxm: count 8 accelerators; tenure owned; hosted in Paraguay"
        ),
        "{text}"
    );
    assert!(
        text.contains("− experts (ML engineering): experts 2 FTE"),
        "{text}"
    );
    assert!(text.contains("experts: 6 → 9 FTE (+3)"), "{text}");
}

#[test]
fn a_chip_count_change_shows_the_right_delta() {
    let a = latam();
    let mut b = a.clone();
    member(&mut b, "CL").chips[0].count = 160;
    let d = diff(&a, &b, catalog());
    let cl = &d.members[0];
    assert_eq!((cl.country.as_str(), cl.status), ("CL", Status::Changed));
    let line = &cl.lines[0];
    assert_eq!(
        (line.kind, line.item.as_str()),
        (EntryKind::Chips, "nvidia_h200_sxm")
    );
    let count = &line.changes[0];
    assert_eq!(count.before, Some(Value::Number(96.0)));
    assert_eq!(count.after, Some(Value::Number(160.0)));
    assert_eq!(count.delta(), Some(64.0));
    let text = diff_text(&d, "a", "b");
    assert!(
        text.contains("~ chips nvidia_h200_sxm: count: 96 → 160 accelerators (+64)"),
        "{text}"
    );
}

#[test]
fn tenure_power_and_funding_changes_say_what_and_by_how_much() {
    let a = latam();
    let mut b = a.clone();
    let cl = member(&mut b, "CL");
    cl.chips[1].tenure = Tenure::Owned;
    cl.power[0].mw = 4.0;
    cl.funding.as_mut().expect("CL funds").amount = 12_500_000.0;
    let text = diff_text(&diff(&a, &b, catalog()), "a", "b");
    assert!(
        text.contains("tenure: “rented from AWS (United States)” → “owned”"),
        "{text}"
    );
    assert!(text.contains("power: 1.5 → 4 MW (+2.5)"), "{text}");
    assert!(
        text.contains("amount: 10,000,000 → 12,500,000 USD (+2,500,000)"),
        "{text}"
    );
}

#[test]
fn a_moved_assumption_shows_old_and_new_with_its_name() {
    let a = latam();
    let mut b = a.clone();
    b.assumptions.mfu = 0.5;
    b.assumptions.training_precision = Precision::Fp8;
    b.assumptions.electricity_usd_per_mwh = 80.0;
    let d = diff(&a, &b, catalog());
    let mfu = d
        .assumptions
        .iter()
        .find(|c| c.key == "mfu")
        .expect("MFU listed");
    assert_eq!(mfu.label, "MFU (fraction of dense peak achieved)");
    assert_eq!(mfu.before, Some(Value::Number(0.35)));
    assert_eq!(mfu.after, Some(Value::Number(0.5)));
    let price = d
        .assumptions
        .iter()
        .find(|c| c.key == "electricity_usd_per_mwh")
        .expect("price listed");
    assert_eq!(price.unit, "USD/MWh");
    let text = diff_text(&d, "a", "b");
    assert!(
        text.contains("~ MFU (fraction of dense peak achieved): 0.35 → 0.5 (+0.15)"),
        "{text}"
    );
    assert!(
        text.contains("~ Training precision: “BF16” → “FP8”"),
        "{text}"
    );
    assert!(
        text.contains("Electricity price (USD/MWh): 100 → 80 (−20)"),
        "{text}"
    );
}

#[test]
fn doubling_a_members_chips_raises_compute_and_cuts_training_days_by_the_reports_numbers() {
    let a = latam();
    let mut b = a.clone();
    for line in &mut member(&mut b, "CL").chips {
        line.count *= 2;
    }
    let (ra, rb) = (analyze(&a, catalog()), analyze(&b, catalog()));
    let d = diff(&a, &b, catalog());

    let bf16 = figure(&d, "pooled.bf16_pflops", None);
    assert_eq!(bf16.before, Some(ra.pooled.bf16_pflops));
    assert_eq!(bf16.after, Some(rb.pooled.bf16_pflops));
    // CL holds every chip of the example, so the pool doubles.
    assert!((bf16.relative().expect("relative") - 1.0).abs() < 1e-9);

    let main = series::main_training_workload(&ra).expect("a training workload");
    let name = ra.workloads[main].name.clone();
    let days = figure(&d, "workloads.days", Some(&name));
    assert_eq!(days.before, ra.workloads[main].days);
    assert_eq!(days.after, rb.workloads[main].days);
    assert!(days.after < days.before, "more chips, fewer days");
    assert!((days.relative().expect("relative") + 0.5).abs() < 1e-9);

    let text = diff_text(&d, "a", "b");
    let line = text
        .lines()
        .find(|l| l.contains(&format!("{name}: days")))
        .expect("days line");
    let before = ra.workloads[main].days.expect("days");
    let after = rb.workloads[main].days.expect("days");
    assert!(
        line.contains(&format!("{} → {} days", readable(before), readable(after))),
        "{line}"
    );
    assert!(line.contains("(−50 %)"), "{line}");
    let pool = text
        .lines()
        .find(|l| l.trim_start().starts_with("dense BF16"))
        .expect("pool line");
    assert!(pool.contains("(+100 %)"), "{pool}");
}

#[test]
fn workloads_added_removed_and_resized_are_listed() {
    let a = latam();
    let mut b = a.clone();
    let removed = b.workloads.remove(1).name;
    if let WorkloadKind::ContinuedPretraining { tokens } = &mut b.workloads[0].kind {
        *tokens = 600e9;
    }
    b.workloads[0].target_days = Some(90.0);
    let d = diff(&a, &b, catalog());
    assert_eq!(d.workloads.len(), 2, "{:#?}", d.workloads);
    let resized = &d.workloads[0];
    assert_eq!(resized.status, Status::Changed);
    let tokens = resized
        .changes
        .iter()
        .find(|c| c.key == "tokens")
        .expect("tokens changed");
    assert_eq!(tokens.delta(), Some(300e9));
    assert!(resized.changes.iter().any(|c| c.key == "target_days"));
    assert_eq!(d.workloads[1].item, removed);
    assert_eq!(d.workloads[1].status, Status::Removed);
}

#[test]
fn a_new_base_model_is_named_and_moves_training_days() {
    let a = latam();
    let mut b = a.clone();
    b.base_model = "qwen3-32b".into();
    let d = diff(&a, &b, catalog());
    let model = d
        .plan
        .iter()
        .find(|c| c.key == "base_model")
        .expect("model change");
    assert_eq!(
        model.before,
        Some(Value::Text("Llama 3.1 70B (llama3.1-70b)".into()))
    );
    assert!(matches!(&model.after, Some(Value::Text(t)) if t.ends_with("(qwen3-32b)")));
    // Training days depend on the model's size: they must move.
    assert!(d.figures.iter().any(|f| f.key == "workloads.days"));
    // The model layer moves from the US to China: both foreign, so its share stays 100 % and is
    // not listed as moved.
    assert!(
        !d.figures
            .iter()
            .any(|f| f.subject.as_deref() == Some("model") && f.unit == SHARE)
    );
}

#[test]
fn take_member_copies_one_members_contributions() {
    let a = latam();
    let mut b = a.clone();
    member(&mut b, "CL").chips[0].count = 500;
    member(&mut b, "BR").experts.clear();
    b.members.push(Member::new("PY"));

    let mut target = a.clone();
    assert!(take_member(&mut target, &b, "CL"));
    assert_eq!(target.members[0].chips[0].count, 500);
    assert_eq!(target.members[1], a.members[1], "other members untouched");
    let left = diff(&target, &b, catalog());
    assert!(left.members.iter().all(|m| m.country != "CL"), "{left:#?}");

    assert!(
        take_member(&mut target, &b, "PY"),
        "a missing member is inserted"
    );
    assert!(target.has_member("PY"));
    let before = target.clone();
    assert!(!take_member(&mut target, &b, "ZZ"));
    assert_eq!(target, before, "unknown member: nothing changes");
}

// ---- the command line ----

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .args(args)
        .output()
        .expect("run the consortium-planner binary")
}

fn write_plan(dir: &Path, name: &str, plan: &Plan) -> String {
    let path = dir.join(name);
    file::save(plan, &path).expect("write plan");
    path.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn cli_exits_0_for_the_same_plan_and_1_when_plans_differ() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = latam();
    let mut b = a.clone();
    member(&mut b, "CL").chips[0].count = 192;
    let pa = write_plan(dir.path(), "a.ron", &a);
    let pa2 = write_plan(dir.path(), "a2.ron", &a);
    let pb = write_plan(dir.path(), "b.ron", &b);

    let same = run(&["diff", &pa, &pa2]);
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stdout).contains("no differences"));

    let differ = run(&["diff", &pa, &pb]);
    assert_eq!(differ.status.code(), Some(1));
    let text = String::from_utf8_lossy(&differ.stdout);
    assert!(
        text.contains("count: 96 → 192 accelerators (+96)"),
        "{text}"
    );

    let json = run(&["diff", &pa, &pb, "--json"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(v["diff_version"], 1);
    assert_eq!(v["same"], false);
    let line = &v["members"][0]["lines"][0];
    assert_eq!(line["kind"], "chips");
    assert_eq!(line["changes"][0]["before"], 96.0);
    assert_eq!(line["changes"][0]["after"], 192.0);
    assert_eq!(line["changes"][0]["delta"], 96.0);
    assert!(
        v["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .any(|f| f["key"] == "pooled.bf16_pflops" && f["after"].as_f64() > f["before"].as_f64())
    );
}

#[test]
fn cli_exits_2_with_a_clear_error_for_a_missing_or_broken_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.ron");
    let latam = latam_path();
    let out = run(&["diff", latam.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope.ron"), "names the file: {err}");
    assert!(
        err.to_lowercase().contains("no such file"),
        "says why: {err}"
    );
    assert!(out.stdout.is_empty(), "no half diff on stdout");

    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n    format: 1,\n    name: 42,\n)").expect("write");
    let out = run(&["diff", broken.to_str().unwrap(), latam.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron:"), "{err}");
    assert!(err.contains("broken.ron:3:"), "says where: {err}");
}

// ---- the budget ----

#[test]
fn a_price_change_shows_both_prices_and_the_change_of_budget_per_year() {
    let mut a = latam();
    member(&mut a, "CL").chips[0].price_usd = Some(30_000.0);
    let mut b = a.clone();
    member(&mut b, "CL").chips[0].price_usd = Some(40_000.0);
    let d = diff(&a, &b, catalog());
    let text = diff_text(&d, "a", "b");
    assert!(
        text.contains(
            "~ chips nvidia_h200_sxm: price per accelerator: 30,000 → 40,000 USD (+10,000)"
        ),
        "{text}"
    );
    let (ra, rb) = (analyze(&a, catalog()), analyze(&b, catalog()));
    let per_year = figure(&d, "budget.per_year_usd", None);
    assert_eq!(per_year.before, Some(ra.budget.per_year_usd));
    assert_eq!(per_year.after, Some(rb.budget.per_year_usd));
    // 96 chips × 10,000 USD more, with systems, written off over 5 years, plus operations.
    assert!(
        per_year.delta().expect("both") > 96.0 * 10_000.0 / 5.0,
        "{per_year:?}"
    );
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("budget per year"))
        .expect("budget per year in the text");
    assert!(
        line.contains(&format!(
            "{} → {} USD",
            readable(ra.budget.per_year_usd),
            readable(rb.budget.per_year_usd)
        )),
        "{line}"
    );
    for key in ["budget.one_off_usd", "budget.total_usd"] {
        assert!(figure(&d, key, None).delta().expect("both") > 0.0, "{key}");
    }
    // Chile brings more in kind: its balance moves by the report's figures.
    let balance = figure(&d, "members.balance_usd", Some("CL"));
    let cl = |r: &consortium_planner::analysis::Report| r.members[0].budget.balance_usd;
    assert_eq!(
        (balance.before, balance.after),
        (Some(cl(&ra)), Some(cl(&rb)))
    );
    assert!(text.contains("CL Chile fair share"), "{text}");
}

#[test]
fn cost_inputs_appear_as_changes_with_their_names_and_units() {
    let a = latam();
    let mut b = a.clone();
    member(&mut b, "CL").power[0].usd_per_mwh = Some(140.0);
    member(&mut b, "BR").cost_level = 0.6;
    b.workloads[1].members = vec!["CL".into(), "PE".into()];
    let c = &mut b.assumptions.costs;
    c.fair_share_rule = FairShareRule::Population;
    c.horizon_years = 6.0;
    c.staff_usd_per_fte_year.ml_research = 120_000.0;
    c.rental_rates.push(RentalRate {
        accelerator: "nvidia_h100_sxm".into(),
        usd_per_hour: 1.9,
    });
    c.exchange_rates.push(ExchangeRate {
        currency: "EUR".into(),
        usd_per_unit: 1.1,
    });
    let d = diff(&a, &b, catalog());
    let text = diff_text(&d, "a", "b");
    for want in [
        "~ power (grid mix): electricity price: “the plan's price” → 140 USD/MWh",
        "~ member: staff cost level (1 = the assumed cost): 1 → 0.6 (−0.4)",
        "~ “Instruction tuning (LoRA)”: needed by: “all members” → “CL, PE”",
        "~ Fair-share rule: “GDP, UN floor and ceiling” → “population”",
        "~ Planning horizon (years): 5 → 6 (+1)",
        "~ Staff cost per FTE-year by role: ML research: 103,000 → 120,000 USD (+17,000)",
        "~ Rental rate: NVIDIA H100 SXM5 80GB: “catalog rate” → 1.9 USD per accelerator-hour",
        "~ Exchange rate: EUR: “catalog rate” → 1.1 USD per unit",
    ] {
        assert!(text.contains(want), "{want:?} missing from\n{text}");
    }
    // A longer horizon moves the total and everyone's fair share.
    assert!(figure(&d, "budget.total_usd", None).delta().expect("both") > 0.0);
    assert!(figure(&d, "members.fair_share_usd", Some("BR")).has_moved());
    assert!(figure(&d, "budget.funded_share", None).unit == SHARE);
}

#[test]
fn scenario_compare_lists_the_budget_rows_even_when_equal() {
    let a = latam();
    let report = analyze(&a, catalog());
    let rows = key_figures(&report, &report);
    for key in [
        "budget.per_year_usd",
        "budget.total_usd",
        "budget.funded_share",
    ] {
        let row = rows
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("no {key} row"));
        assert_eq!(row.section, "Budget");
        assert!(!row.has_moved());
    }
    let fair_shares = rows
        .iter()
        .filter(|f| f.key == "members.fair_share_usd")
        .count();
    assert_eq!(fair_shares, a.members.len(), "one fair share per member");
}
