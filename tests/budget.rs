//! The budget: its arithmetic on small plans worked by hand, bad input, currencies, who pays,
//! rent or own, and the figures against public budgets and rental costs.
//!
//! Public cases (read 2026-12-03; research notes in the README's "Budget" section):
//! - DeepSeek-V3: 2.788 M H800-hours at an assumed USD 2 per hour = USD 5.576 M (arXiv
//!   2412.19437, section 1 and Table 1).
//! - Llama 3.1 405B: 30.84 M H100-hours (Llama 3.1 model card); at the catalog's reserved rate of
//!   USD 2.35 per hour that is USD 72.5 M of rental-equivalent cost.
//! - LUMI: EUR 145 M for the machine with 11,912 AMD MI250X (plus its CPU partition and storage;
//!   Finnish Ministry of Education and Culture, 2019-06-07).
//! - MareNostrum 5: EUR 151.41 M acquisition for 4,480 H100 (plus CPU partition and 200 PB
//!   storage; heise.de, 2022-06).
//! - Isambard-AI: GBP 225 M for 5,448 GH200 with its modular data centre (University of Bristol /
//!   UK government, Nov 2023).
//! - Latam-GPT's centre at Universidad de Tarapacá: USD 10 M for 96 H200 with the facility (El
//!   País, 2026-01-19).
//! - JUPITER: EUR 273 M for hardware, software and services, 24,000 GH200 with a CPU module (The
//!   Next Platform, 2025-06); Alps: CHF 100 M for 10,752 GH200 (newtechconsult.ch, 2025). These
//!   flagship procurements paid a fraction of list price: the model overstates them 3–5×, which
//!   is why a chip line takes the price actually paid.

use consortium_planner::analysis::{self, Report};
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{
    ChipLine, ExchangeRate, FacilityMode, FairShareRule, Funding, Member, Plan, PowerLine,
    PowerSource, RentalRate, RentalTerm, Tenure, Workload, WorkloadKind,
};

const HOURS_PER_YEAR: f64 = 8_760.0;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn close(a: f64, b: f64, what: &str) {
    let tolerance = 1e-9 * a.abs().max(b.abs()).max(1.0);
    assert!((a - b).abs() <= tolerance, "{what}: {a} vs {b}");
}

fn owned(accelerator: &str, count: u32, price_usd: Option<f64>) -> ChipLine {
    ChipLine {
        years: Default::default(),
        accelerator: accelerator.into(),
        count,
        tenure: Tenure::Owned,
        hosted_in: None,
        price_usd,
    }
}

fn rented(accelerator: &str, count: u32) -> ChipLine {
    ChipLine {
        years: Default::default(),
        accelerator: accelerator.into(),
        count,
        tenure: Tenure::Rented {
            provider: "AWS".into(),
            provider_country: "US".into(),
        },
        hosted_in: Some("US".into()),
        price_usd: None,
    }
}

fn power(mw: f64, usd_per_mwh: Option<f64>) -> PowerLine {
    PowerLine {
        years: Default::default(),
        mw,
        source: PowerSource::Hydro,
        site: None,
        imported_share: 0.0,
        usd_per_mwh,
    }
}

fn pretraining(tokens: f64) -> Workload {
    Workload {
        name: "pretraining".into(),
        kind: WorkloadKind::Pretraining { tokens },
        target_days: None,
        members: Vec::new(),
    }
}

fn analyze(plan: &Plan) -> Report {
    analysis::analyze(plan, catalog())
}

/// One member with 100 owned H100 bought at USD 25,000 and 1 MW of hydro power at USD 80/MWh.
fn small_plan() -> Plan {
    let mut plan = Plan::new("budget", "llama3.1-8b");
    let mut cl = Member::new("CL");
    cl.chips.push(owned("nvidia_h100_sxm", 100, Some(25_000.0)));
    cl.power.push(power(1.0, Some(80.0)));
    plan.members.push(cl);
    plan
}

#[test]
fn an_owned_pool_costs_what_the_formulas_say() {
    let plan = small_plan();
    let b = analyze(&plan).budget;
    let c = &plan.assumptions.costs;
    // H100: 700 W × server overhead 1.5 = 1.05 kW of IT load; × PUE 1.3 at the facility.
    let it_mw = 100.0 * 0.7 * 1.5 / 1000.0;
    let facility_mw = it_mw * 1.3;
    let chips = 100.0 * 25_000.0;
    let systems = chips * c.systems_factor;
    let facility = it_mw * c.build_usd_per_mw;
    close(b.one_off.chips_usd, chips, "chips");
    close(b.one_off.systems_usd, systems, "systems");
    close(b.one_off.facility_usd, facility, "facility");
    close(b.one_off_usd, chips + systems + facility, "one-off");
    let y = &b.yearly;
    close(
        y.hardware_amortisation_usd,
        (chips + systems) / c.hardware_life_years,
        "hardware amortisation",
    );
    close(
        y.facility_amortisation_usd,
        facility / c.facility_life_years,
        "facility amortisation",
    );
    // The site's own tariff (USD 80), not the plan's (USD 100).
    close(y.energy_usd, facility_mw * HOURS_PER_YEAR * 80.0, "energy");
    close(
        y.operations_usd,
        (chips + systems) * c.operations_share_per_year,
        "operations",
    );
    // No one is listed: the experts the pool needs (infrastructure and operations) are hired.
    assert!(y.staff_hire_usd > 0.0);
    let running = y.energy_usd + y.operations_usd + y.staff_hire_usd;
    close(b.running_usd_per_year, running, "running");
    close(
        b.per_year_usd,
        y.hardware_amortisation_usd + y.facility_amortisation_usd + running,
        "per year",
    );
    // 5-year horizon, 5-year life: the hardware is bought once; the facility once.
    assert_eq!(b.hardware_purchases, 1);
    close(
        b.total_usd,
        chips + systems + facility + running * 5.0,
        "total over 5 years",
    );
    assert!(b.total_usd_range[0] < b.total_usd && b.total_usd < b.total_usd_range[1]);
    // The member brings its chips with their systems, and the energy its line delivers.
    let m = &analyze(&plan).members[0].budget;
    close(m.chips_usd, chips + systems, "member chips");
    close(
        m.power_usd,
        facility_mw * HOURS_PER_YEAR * 80.0 * 5.0,
        "member power",
    );
}

#[test]
fn a_longer_horizon_buys_the_hardware_again_and_colocation_replaces_the_build() {
    let mut plan = small_plan();
    plan.assumptions.costs.horizon_years = 7.0;
    let b = analyze(&plan).budget;
    assert_eq!(b.hardware_purchases, 2, "7 years of 5-year hardware");
    plan.assumptions.costs.facility = FacilityMode::Colocation;
    let b = analyze(&plan).budget;
    assert_eq!(b.one_off.facility_usd, 0.0);
    let it_kw = 100.0 * 0.7 * 1.5;
    close(
        b.yearly.colocation_usd,
        it_kw * plan.assumptions.costs.colocation_usd_per_kw_month * 12.0,
        "colocation",
    );
}

#[test]
fn an_unpriced_accelerator_is_estimated_never_zero_and_a_line_price_wins() {
    let mut plan = Plan::new("budget", "llama3.1-8b");
    let mut m = Member::new("SE");
    // The catalog has no price for the GH200.
    m.chips.push(owned("nvidia_gh200", 10, None));
    plan.members.push(m);
    let r = analyze(&plan);
    assert_eq!(r.budget.estimated_accelerators, 10);
    assert!(r.budget.one_off.chips_usd > 100_000.0);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.message.contains("no known price")),
        "{:?}",
        r.warnings
    );
    plan.members[0].chips[0].price_usd = Some(40_000.0);
    let r = analyze(&plan);
    assert_eq!(r.budget.estimated_accelerators, 0);
    close(r.budget.one_off.chips_usd, 400_000.0, "line price");
}

#[test]
fn training_on_rented_chips_costs_its_hours_at_the_rental_rate() {
    let mut plan = Plan::new("budget", "llama3.1-8b");
    let mut m = Member::new("CL");
    m.chips.push(rented("nvidia_h100_sxm", 256));
    plan.members.push(m);
    plan.workloads.push(pretraining(1e12));
    let r = analyze(&plan);
    let hours = r.workloads[0].gpu_hours.expect("training hours");
    // Reserved H100 in the catalog: USD 2.35 per hour.
    close(r.workloads[0].cost_usd.unwrap(), hours * 2.35, "reserved");
    close(
        r.budget.one_off.workload_rental_usd,
        hours * 2.35,
        "one-off",
    );
    // The member renting them pays it.
    close(
        r.members[0].budget.rented_usd,
        hours * 2.35,
        "member rented",
    );
    plan.assumptions.costs.rental_term = RentalTerm::OnDemand;
    let r = analyze(&plan);
    close(r.workloads[0].cost_usd.unwrap(), hours * 2.99, "on demand");
    plan.assumptions.costs.rental_rates.push(RentalRate {
        accelerator: "nvidia_h100_sxm".into(),
        usd_per_hour: 1.5,
    });
    let r = analyze(&plan);
    close(
        r.workloads[0].cost_usd.unwrap(),
        hours * 1.5,
        "plan's own rate",
    );
    // Owned chips cost nothing to rent.
    assert_eq!(r.budget.yearly.rented_compute_usd, 0.0);
}

#[test]
fn pledges_in_other_currencies_add_up_and_an_unknown_code_is_a_warning_not_a_zero() {
    let mut plan = small_plan();
    plan.members[0].funding = Some(Funding {
        amount: 1_000_000.0,
        currency: "EUR".into(),
    });
    let mut br = Member::new("BR");
    br.funding = Some(Funding {
        amount: 2_000_000.0,
        currency: "BRL".into(),
    });
    plan.members.push(br);
    let r = analyze(&plan);
    // ECB 2024 averages: 1.0824 USD per EUR, 0.18645 per BRL.
    close(r.budget.funding_usd, 1_082_400.0 + 372_900.0, "EUR + BRL");
    plan.assumptions.costs.exchange_rates.push(ExchangeRate {
        currency: "EUR".into(),
        usd_per_unit: 1.2,
    });
    let r = analyze(&plan);
    close(r.members[0].budget.cash_usd, 1_200_000.0, "plan's own rate");
    plan.members[1].funding = Some(Funding {
        amount: 5.0,
        currency: "XYZ".into(),
    });
    let r = analyze(&plan);
    assert_eq!(r.budget.unknown_currencies, vec!["XYZ".to_string()]);
    assert_eq!(r.members[1].budget.cash_usd, 0.0);
    let warning = r
        .warnings
        .iter()
        .find(|w| w.message.contains("\"XYZ\""))
        .expect("a warning names the unknown currency");
    assert!(
        warning.message.contains("not counted"),
        "{}",
        warning.message
    );
}

#[test]
fn fair_shares_split_the_whole_bill_under_every_rule() {
    let loaded = file::load("saves/latam-gpt.ron".as_ref(), catalog()).expect("example loads");
    let r = analyze(&loaded.plan);
    let b = &r.budget;
    for rule in FairShareRule::ALL {
        let sum: f64 = r
            .members
            .iter()
            .map(|m| m.budget.shares[rule.index()])
            .sum();
        assert!((sum - 1.0).abs() < 1e-9, "{rule:?} sums to {sum}");
    }
    let fair: f64 = r.members.iter().map(|m| m.budget.fair_share_usd).sum();
    close(fair, b.total_usd, "fair shares sum to the total");
    for m in &r.members {
        close(
            m.budget.balance_usd,
            m.budget.brings_usd - m.budget.fair_share_usd,
            "balance",
        );
        // No member pays more than the UN ceiling under the default rule.
        assert!(m.budget.shares[FairShareRule::GdpUnScale.index()] <= 0.22 + 1e-12);
    }
    // Brazil has the most GDP: the plain GDP rule asks it for more than the capped one.
    let brazil = r.members.iter().find(|m| m.country == "BR").expect("BR");
    assert!(
        brazil.budget.shares[FairShareRule::Gdp.index()]
            > brazil.budget.shares[FairShareRule::GdpUnScale.index()]
    );
}

#[test]
fn the_use_rule_follows_the_members_a_workload_names() {
    let mut plan = small_plan();
    plan.members.push(Member::new("PE"));
    plan.workloads.push(Workload {
        members: vec!["CL".into()],
        ..pretraining(1e11)
    });
    let r = analyze(&plan);
    assert!(r.budget.use_listed);
    assert_eq!(r.members[0].budget.shares[FairShareRule::Use.index()], 1.0);
    assert_eq!(r.members[1].budget.shares[FairShareRule::Use.index()], 0.0);
    plan.assumptions.costs.fair_share_rule = FairShareRule::Equal;
    let r = analyze(&plan);
    close(
        r.members[1].budget.fair_share_usd,
        r.budget.total_usd / 2.0,
        "equal shares",
    );
}

#[test]
fn renting_wins_at_low_use_and_owning_at_full_use() {
    let mut plan = small_plan();
    let r = analyze(&plan);
    let rvo = &r.budget.rent_vs_own;
    assert_eq!(rvo.used_hours, 0.0, "no workloads use the pool");
    assert_eq!(rvo.rent_total_usd, 0.0);
    let be = rvo.break_even_utilisation.expect("a pool with rates");
    assert!(be > 0.2 && be < 1.0, "break-even {be}");
    // A serving workload that needs the whole pool all year.
    plan.workloads.push(Workload {
        name: "serving".into(),
        kind: WorkloadKind::Serving {
            users: 1e9,
            tokens_per_user_per_day: 1e4,
            precision: None,
        },
        target_days: None,
        members: Vec::new(),
    });
    let r = analyze(&plan);
    let rvo = &r.budget.rent_vs_own;
    assert!(rvo.utilisation > 0.99, "{}", rvo.utilisation);
    assert!(rvo.own_total_usd < rvo.rent_total_usd);
    let crossing = rvo.crossing_year.expect("renting passes owning");
    assert!(crossing > 0.0 && crossing <= 5.0);
    assert_eq!(rvo.cumulative.len(), 6, "years 0..=5");
    assert_eq!(rvo.own_hosting_foreign_share, 0.0);
    assert_eq!(
        rvo.rent_hosting_foreign_share, 1.0,
        "a foreign cloud assumed"
    );
}

#[test]
fn bad_budget_input_is_refused_with_where_and_why() {
    let base = file::to_ron(&small_plan());
    let cases = [
        ("price_usd: Some(-5.0)", "amount"),
        ("hardware_life_years: 0.0", "years is 0"),
        ("cost_level: 0.0", "cost level is 0"),
        ("usd_per_mwh: Some(-1.0)", "amount"),
    ];
    for (field, expected) in cases {
        let (key, value) = field.split_once(": ").unwrap();
        let text = match key {
            "price_usd" => base.replace(
                "hosted_in: None,",
                &format!("hosted_in: None, {key}: {value},"),
            ),
            "usd_per_mwh" => base.replace(
                "imported_share: 0.0,",
                &format!("imported_share: 0.0, {key}: {value},"),
            ),
            "cost_level" => base.replace(
                "country: \"CL\",",
                &format!("country: \"CL\", {key}: {value},"),
            ),
            _ => base.replace("hardware_life_years: 5.0", &format!("{key}: {value}")),
        };
        assert_ne!(text, base, "{field} was not placed");
        let err = file::parse(&text, catalog()).expect_err(field).to_string();
        assert!(err.contains(expected), "{field}: {err}");
        // Where: LINE:COL of the value in the file.
        let (line, rest) = err.split_once(':').expect("a location");
        let (column, _) = rest.split_once(':').expect("a column");
        assert!(
            line.trim().parse::<u32>().is_ok() && column.parse::<u32>().is_ok(),
            "{field}: says where: {err}"
        );
    }
}

#[test]
fn a_plan_without_budget_fields_opens_with_the_sourced_defaults() {
    let text = std::fs::read_to_string("tests/fixtures/format-1.ron").expect("format 1 fixture");
    let loaded = file::parse(&text, catalog()).expect("old plan loads");
    assert_eq!(
        loaded.plan.assumptions.costs,
        consortium_planner::plan::CostAssumptions::default()
    );
    assert!(loaded.plan.members.iter().all(|m| m.cost_level == 1.0));
}

// ---------------------------------------------------------------------------------------------
// Public cases
// ---------------------------------------------------------------------------------------------

fn training_run(accelerator: &str, count: u32, model: &str, tokens: f64) -> Report {
    let mut plan = Plan::new("case", model);
    let mut m = Member::new("US");
    m.chips.push(rented(accelerator, count));
    plan.members.push(m);
    plan.workloads.push(pretraining(tokens));
    if accelerator == "nvidia_h800_sxm" {
        plan.assumptions.training_precision = consortium_planner::plan::Precision::Fp8;
        // DeepSeek's own assumption.
        plan.assumptions.costs.rental_rates.push(RentalRate {
            accelerator: accelerator.into(),
            usd_per_hour: 2.0,
        });
    }
    analyze(&plan)
}

#[test]
fn published_training_runs_cost_what_their_gpu_hours_cost_to_rent() {
    // DeepSeek-V3: USD 5.576 M at USD 2 per H800-hour.
    let r = training_run("nvidia_h800_sxm", 2048, "deepseek-v3", 14.8e12);
    let usd = r.workloads[0].cost_usd.unwrap();
    let error = usd / 5.576e6 - 1.0;
    println!("DeepSeek-V3: USD {usd:.0} against 5,576,000 ({error:+.2})");
    assert!(error.abs() < 0.25, "DeepSeek-V3: {usd} ({error:+.2})");
    // Llama 3.1 405B: 30.84 M H100-hours at the catalog's reserved rate.
    let r = training_run("nvidia_h100_sxm", 16_384, "llama3.1-405b", 15.6e12);
    let usd = r.workloads[0].cost_usd.unwrap();
    let published = 30.84e6 * 2.35;
    let error = usd / published - 1.0;
    println!("Llama 3.1 405B: USD {usd:.0} against {published:.0} ({error:+.2})");
    assert!(error.abs() < 0.25, "Llama 3.1 405B: {usd} ({error:+.2})");
    let [low, high] = r.budget.one_off_usd_range;
    assert!(
        low <= published && published <= high,
        "{low}..{high} holds {published}"
    );
}

/// The model's one-off cost for `count` owned accelerators (and their facility when
/// `with_facility`), against a published budget in US dollars.
fn system_ratio(accelerator: &str, count: u32, with_facility: bool, published_usd: f64) -> f64 {
    let mut plan = Plan::new("case", "llama3.1-8b");
    let mut m = Member::new("FI");
    m.chips.push(owned(accelerator, count, None));
    plan.members.push(m);
    let b = analyze(&plan).budget;
    let model = b.one_off.chips_usd
        + b.one_off.systems_usd
        + if with_facility {
            b.one_off.facility_usd
        } else {
            0.0
        };
    model / published_usd
}

#[test]
fn public_machines_land_near_their_published_budgets() {
    let cases = [
        (
            "LUMI",
            system_ratio("amd_mi250x", 11_912, false, 145e6 * 1.0824),
        ),
        (
            "MareNostrum 5",
            system_ratio("nvidia_h100_sxm", 4_480, false, 151.41e6 * 1.0824),
        ),
        (
            "Isambard-AI",
            system_ratio("nvidia_gh200", 5_448, true, 225e6 * 1.2786),
        ),
        (
            "Latam-GPT UTA",
            system_ratio("nvidia_h200_sxm", 96, true, 10e6),
        ),
    ];
    let mut ratios: Vec<f64> = cases.iter().map(|c| c.1).collect();
    for (name, ratio) in &cases {
        println!("{name}: model / published = {ratio:.2}");
        assert!((0.5..=2.0).contains(ratio), "{name}: {ratio:.2}");
    }
    ratios.sort_by(f64::total_cmp);
    let median = (ratios[1] + ratios[2]) / 2.0;
    assert!((0.7..=1.45).contains(&median), "median {median:.2}");
    // Flagship procurements paid far below list: the model overstates them, which the chip
    // line's own price corrects.
    let jupiter = system_ratio("nvidia_gh200", 24_000, false, 273e6 * 1.0824);
    println!("JUPITER: {jupiter:.2}");
    assert!(jupiter > 2.0);
}
