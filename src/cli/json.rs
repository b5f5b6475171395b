//! The `report --json` output. Its shape is documented in the README and kept stable: fields may be
//! added, never renamed or removed without raising `json_version`.

use serde_json::{Map, Value, json};

use crate::analysis::budget::BudgetFigures;
use crate::analysis::{Layer, Report, Subject, WorkloadFigures};
use crate::catalog::Catalog;
use crate::plan::{ExpertRole, FairShareRule, Plan};

/// Version of the JSON shape.
pub const JSON_VERSION: u32 = 1;

fn role_key(role: ExpertRole) -> &'static str {
    match role {
        ExpertRole::MlResearch => "ml_research",
        ExpertRole::MlEngineering => "ml_engineering",
        ExpertRole::DataLanguage => "data_language",
        ExpertRole::InfraOps => "infra_ops",
        ExpertRole::PolicyLegalEthics => "policy_legal_ethics",
    }
}

fn subject(s: Subject) -> Value {
    match s {
        Subject::Plan => json!({"kind": "plan"}),
        Subject::Model => json!({"kind": "model"}),
        Subject::Power => json!({"kind": "power"}),
        Subject::Experts => json!({"kind": "experts"}),
        Subject::Member(i) => json!({"kind": "member", "member": i}),
        Subject::ChipLine(i, j) => json!({"kind": "chip_line", "member": i, "line": j}),
        Subject::Workload(i) => json!({"kind": "workload", "workload": i}),
    }
}

/// The report as a JSON value.
pub fn report_json(plan: &Plan, report: &Report) -> Value {
    let p = &report.pooled;
    let pw = &report.power;
    let e = &report.experts;
    let mut by_role = Map::new();
    for role in ExpertRole::ALL {
        by_role.insert(
            role_key(role).into(),
            json!({"have_fte": e.have(role), "need_fte": e.need(role)}),
        );
    }
    let mut layers = Map::new();
    let mut suppliers = Map::new();
    for layer in Layer::ALL {
        let l = report.dependency.layer(layer);
        layers.insert(layer.key().into(), json!(l.foreign_share));
        suppliers.insert(
            layer.key().into(),
            Value::Array(
                l.suppliers
                    .iter()
                    .map(|s| json!({"country": s.country, "share": s.share, "member": s.member}))
                    .collect(),
            ),
        );
    }
    json!({
        "json_version": JSON_VERSION,
        "plan": {"name": plan.name, "base_model": plan.base_model, "members": plan.members.len()},
        "model": report.model.as_ref().map(|m| json!({
            "id": m.id, "name": m.name, "total_params_b": m.total_params_b, "active_params_b": m.active_params_b,
            "developer_country": m.developer_country, "developed_in_consortium": m.developed_in_consortium,
        })),
        "pooled": {
            "accelerators": p.accelerators,
            "bf16_pflops": p.bf16_pflops,
            "fp8_pflops": p.fp8_pflops,
            "training_pflops": p.training_pflops,
            "memory_tb": p.memory_tb,
            "memory_bandwidth_tbs": p.memory_bandwidth_tbs,
        },
        "power": {
            "it_mw": pw.it_mw,
            "required_mw": pw.required_mw,
            "required_mw_range": pw.required_mw_range,
            "rented_mw": pw.rented_mw,
            "members_required_mw": pw.members_required_mw,
            "members_required_mw_range": pw.members_required_mw_range,
            "contributed_mw": pw.contributed_mw,
            "headroom_mw": pw.headroom_mw,
            "energy_mwh_per_year": pw.energy_mwh_per_year,
            "energy_mwh_per_year_range": pw.energy_mwh_per_year_range,
            "cost_usd_per_year": pw.cost_usd_per_year,
            "shortfall_mw": pw.shortfall_mw,
            "sites_short": pw.sites_short,
        },
        "sites": report.sites.iter().map(|s| json!({
            "site": s.name(),
            "rented": s.rented,
            "accelerators": s.accelerators,
            "training_pflops": s.training_pflops,
            "memory_tb": s.memory_tb,
            "required_mw": s.required_mw,
            "offered_mw": s.offered_mw,
            "shortfall_mw": s.shortfall_mw,
        })).collect::<Vec<_>>(),
        "experts": {"total_fte": e.total_fte, "foreign_fte": e.foreign_fte, "needed_fte": e.needed_fte, "needed_fte_range": e.needed_fte_range, "by_role": by_role},
        "members": members_json(report),
        "budget": budget_json(&report.budget),
        "workloads": report.workloads.iter().map(workload_json).collect::<Vec<_>>(),
        "dependency": {
            "layers": layers,
            "suppliers": suppliers,
            "empty_layers": Layer::ALL.iter().filter(|l| report.dependency.layer(**l).empty).map(|l| l.key()).collect::<Vec<_>>(),
            "overall": report.dependency.overall,
        },
        "languages": languages(plan, report),
        "findings": report.findings.iter().map(|f| json!({
            "severity": f.severity.label(), "title": f.title, "detail": f.detail, "members": f.members,
        })).collect::<Vec<_>>(),
        "warnings": report.warnings.iter().map(|w| json!({
            "severity": w.severity.label(), "subject": subject(w.subject), "message": w.message,
        })).collect::<Vec<_>>(),
    })
}

/// `members[]`: each member's contribution, stake and side of the bill (a function of its own:
/// one `json!` per object keeps the stack frames of debug builds small).
fn members_json(report: &Report) -> Vec<Value> {
    report.members.iter().map(|m| json!({
            "country": m.country,
            "name": m.name,
            "accelerators": m.accelerators,
            "bf16_pflops": m.bf16_pflops,
            "fp8_pflops": m.fp8_pflops,
            "memory_tb": m.memory_tb,
            "power_mw": m.power_mw,
            "required_mw": m.required_mw,
            "experts_fte": m.experts_fte,
            "foreign_fte": m.foreign_fte,
            "value_usd": m.value_usd(),
            "stake": m.stake,
            "population": m.population,
            "gdp_usd": m.gdp_usd,
            "population_share": m.population_share,
            "gdp_share": m.gdp_share,
            "brings_usd": m.budget.brings_usd,
            "brings": {
                "chips_usd": m.budget.chips_usd,
                "rented_usd": m.budget.rented_usd,
                "power_usd": m.budget.power_usd,
                "experts_usd": m.budget.experts_usd,
                "cash_usd": m.budget.cash_usd,
            },
            "fair_share_usd": m.budget.fair_share_usd,
            "balance_usd": m.budget.balance_usd,
            "fair_shares": FairShareRule::ALL.iter().map(|r| (r.key().to_string(), json!(m.budget.shares[r.index()]))).collect::<Map<_, _>>(),
            "alone_usd": m.budget.alone_usd,
    })).collect()
}

/// `budget`: costs, funding, the fair-share rule and renting against owning.
fn budget_json(b: &BudgetFigures) -> Value {
    let r = &b.rent_vs_own;
    json!({
        "horizon_years": b.horizon_years,
        "one_off_usd": b.one_off_usd,
        "one_off_usd_range": b.one_off_usd_range,
        "one_off": {
            "chips_usd": b.one_off.chips_usd,
            "systems_usd": b.one_off.systems_usd,
            "facility_usd": b.one_off.facility_usd,
            "workload_rental_usd": b.one_off.workload_rental_usd,
        },
        "per_year_usd": b.per_year_usd,
        "per_year_usd_range": b.per_year_usd_range,
        "running_usd_per_year": b.running_usd_per_year,
        "total_usd": b.total_usd,
        "total_usd_range": b.total_usd_range,
        "hardware_purchases": b.hardware_purchases,
        "by_category": b.yearly.categories().iter().map(|(key, _, usd)| (key.to_string(), json!(usd))).collect::<Map<_, _>>(),
        "funding_usd": b.funding_usd,
        "in_kind_usd": b.in_kind_usd,
        "funded_share": b.funded_share,
        "gap_usd": b.gap_usd,
        "unknown_currencies": b.unknown_currencies,
        "estimated_accelerators": b.estimated_accelerators,
        "fair_share_rule": b.rule.key(),
        "use_listed": b.use_listed,
        "rent_vs_own": {
            "rent_total_usd": r.rent_total_usd,
            "own_total_usd": r.own_total_usd,
            "break_even_utilisation": r.break_even_utilisation,
            "utilisation": r.utilisation,
            "used_hours": r.used_hours,
            "accelerators": r.accelerators,
            "crossing_year": r.crossing_year,
            "cumulative": r.cumulative.iter().map(|[y, rent, own]| json!({"year": y, "rent_usd": rent, "own_usd": own})).collect::<Vec<_>>(),
            "rent_hosting_foreign_share": r.rent_hosting_foreign_share,
            "own_hosting_foreign_share": r.own_hosting_foreign_share,
        },
    })
}

/// One workload's figures, with `_range` arrays `[low, high]` beside the ranged ones.
fn workload_json(w: &WorkloadFigures) -> Value {
    json!({
        "name": w.name,
        "kind": w.kind,
        "train_flops": w.train_flops,
        "mfu": w.train_flops.map(|_| w.mfu),
        "gpu_hours": w.gpu_hours,
        "gpu_hours_range": w.gpu_hours_range,
        "days": w.days,
        "days_range": w.days_range,
        "energy_mwh": w.energy_mwh,
        "energy_mwh_range": w.energy_mwh_range,
        "energy_cost_usd": w.energy_cost_usd,
        "memory_needed_gb": w.memory_needed_gb,
        "memory_available_gb": w.memory_available_gb,
        "fits": w.fits,
        "target_days": w.target_days,
        "target_met": w.target_met,
        "site": w.site,
        "site_accelerators": w.site_accelerators,
        "sites_in_pool": w.sites_in_pool,
        "cost_usd": w.cost_usd,
        "serving": w.serving.map(|s| json!({
            "precision": s.precision.label(),
            "weights_gb": s.weights_gb,
            "kv_gb_per_user": s.kv_gb_per_user,
            "demand_tokens_per_s": s.demand_tokens_per_s,
            "capacity_tokens_per_s": s.capacity_tokens_per_s,
            "capacity_tokens_per_s_range": s.capacity_tokens_per_s_range,
            "replicas": s.replicas,
            "accelerators_serving": s.accelerators_serving,
            "accelerators_needed": s.accelerators_needed,
            "accelerators_per_replica": s.accelerators_per_replica,
            "batch_per_replica": s.batch_per_replica,
            "tokens_per_s_per_user": s.tokens_per_s_per_user,
            "bandwidth_bound": s.bandwidth_bound,
            "meets_demand": s.meets_demand,
        })),
    })
}

/// `languages`: population-weighted coverage, per-member coverage and the uncovered languages.
fn languages(plan: &Plan, report: &Report) -> Value {
    let l = &report.languages;
    json!({
        "coverage": l.coverage,
        "model_languages_listed": l.model_languages_listed,
        "population_known_share": l.population_known_share,
        "population_speakers_share": l.population_speakers_share,
        "members_with_official_language": l.members_with_official_language,
        "members": plan.members.iter().zip(&l.members).map(|(m, c)| json!({
            "country": m.country,
            "coverage": c.coverage,
            "pretraining_only": c.weak,
            "absent": c.absent,
            "official_language_supported": c.official_supported,
            "coverage_counts_speakers": c.speakers_counted,
            "languages": l.languages_of(c).map(|x| json!({
                "language": x.code, "status": x.status.label(), "share": x.share,
                "measure": x.measure.map(|m| m.label()), "support": x.support.label(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "uncovered": l.uncovered.iter().map(|u| json!({
            "language": u.code(),
            "name": u.name(),
            "speakers": u.speakers,
            "members": l.members_of(u).collect::<Vec<_>>(),
            "pretraining_only": u.weak,
            "official": u.official,
            "corpus_tokens": u.corpus_tokens,
            "proposed_tokens": u.proposed_tokens,
            "experts_fte": u.experts_fte,
            "data_gap": u.data_gap,
        })).collect::<Vec<_>>(),
        "proposed_tokens_total": l.proposed_tokens_total,
        "proposed_experts_total": l.proposed_experts_total,
    })
}

/// `year` (the year the figures are of, or null) and `years[]`: one object per roadmap year.
pub fn add_years(value: &mut Value, plan: &Plan, catalog: &'static Catalog, year: Option<u16>) {
    let years: Vec<Value> = crate::analysis::years::years(plan, catalog)
        .iter()
        .map(|y| {
            json!({
                "year": y.year,
                "phases": y.phases,
                "base_model": y.base_model,
                "members": y.members,
                "bf16_pflops": y.bf16_pflops,
                "accelerators": y.accelerators,
                "needed_pflops": y.needed_pflops,
                "required_mw": y.required_mw,
                "contributed_mw": y.contributed_mw,
                "experts_fte": y.experts_fte,
                "needed_fte": y.needed_fte,
                "spending_usd": y.spending_usd,
                "one_off_usd": y.one_off_usd,
                "running_usd": y.running_usd,
                "dependency_overall": y.dependency_overall,
                "hosting_foreign_share": y.hosting_foreign_share,
                "workloads_meeting_target": y.workloads_meeting_target,
                "workloads_with_target": y.workloads_with_target,
                "replacements_due": y.replacements_due,
            })
        })
        .collect();
    if let Value::Object(map) = value {
        map.insert("year".into(), json!(year));
        map.insert("years".into(), Value::Array(years));
    }
}

/// `stress[]`: one object per shock of the switch-off test, in `year`.
pub fn add_stress(
    value: &mut Value,
    plan: &Plan,
    catalog: &'static Catalog,
    year: Option<u16>,
    report: &Report,
) {
    let years = crate::analysis::years::years(plan, catalog);
    let stress: Vec<Value> = crate::analysis::stress::stress(
        plan,
        catalog,
        year,
        report,
        &years,
        crate::analysis::stress::YearsOf::All,
    )
    .iter()
    .map(|s| {
        json!({
            "shock": s.key,
            "name": s.name,
            "description": s.description,
            "custom": s.custom,
            "bf16_pflops": s.bf16_pflops,
            "bf16_pflops_lost_share": s.bf16_pflops_lost_share,
            "accelerators_lost": s.accelerators_lost,
            "workloads_meeting_target": s.workloads_meeting_target,
            "workloads_with_target": s.workloads_with_target,
            "serving_meets_demand": s.serving_meets_demand,
            "days_lost": s.days_lost,
            "experts_fte_lost": s.experts_fte_lost,
            "power_mw_lost": s.power_mw_lost,
            "later_loss_year": s.later_loss_year,
            "mitigation_usd": s.mitigation.usd,
            "mitigation": {
                "accelerator": s.mitigation.accelerator,
                "accelerators": s.mitigation.accelerators,
                "power_mw": s.mitigation.power_mw,
                "experts_fte": s.mitigation.experts_fte,
            },
            "years": s.years.iter().map(|y| json!({
                "year": y.year,
                "bf16_pflops": y.bf16_pflops,
                "workloads_meeting_target": y.workloads_meeting_target,
                "dependency_overall": y.dependency_overall,
            })).collect::<Vec<_>>(),
        })
    })
    .collect();
    if let Value::Object(map) = value {
        map.insert("stress".into(), Value::Array(stress));
    }
}
