//! The `report` command's readable summary.

use std::fmt::Write;

use crate::analysis::explain::si;
use crate::analysis::{Layer, Report};
use crate::catalog::Catalog;
use crate::numbers::{readable, usd, usd_range};
use crate::plan::{ExpertRole, Plan};

fn pct(v: f64) -> String {
    format!("{:.0} %", v * 100.0)
}

/// The report as text for a terminal (about 80 columns).
pub fn report_text(plan: &Plan, catalog: &Catalog, report: &Report) -> String {
    let mut s = String::new();
    let p = &report.pooled;
    let pw = &report.power;
    let _ = writeln!(s, "{}", plan.name);
    let _ = writeln!(s, "{}", "=".repeat(plan.name.chars().count().min(78)));
    match &report.model {
        Some(m) => {
            let _ = writeln!(
                s,
                "Base model: {} ({} B parameters, {} B active; developer in {})",
                m.name,
                m.total_params_b,
                m.active_params_b,
                catalog.country_name(&m.developer_country)
            );
        }
        None => {
            let _ = writeln!(s, "Base model: unknown id {:?}", plan.base_model);
        }
    }
    let _ = writeln!(s, "Members: {}", plan.members.len());
    let _ = writeln!(s, "\nPooled capacity");
    let _ = writeln!(s, "  accelerators      {}", p.accelerators);
    let _ = writeln!(s, "  dense BF16        {:.2} PFLOP/s", p.bf16_pflops);
    let _ = writeln!(s, "  dense FP8         {:.2} PFLOP/s", p.fp8_pflops);
    let _ = writeln!(s, "  memory            {:.2} TB", p.memory_tb);
    let _ = writeln!(s, "\nPower");
    let _ = writeln!(
        s,
        "  required          {:.2} MW (IT {:.2} MW × PUE {}); {:.2} MW of it rented, powered by the provider",
        pw.required_mw, pw.it_mw, plan.assumptions.pue, pw.rented_mw
    );
    let _ = writeln!(s, "  contributed       {:.2} MW", pw.contributed_mw);
    let _ = writeln!(
        s,
        "  {}          {:.2} MW (all sites together)",
        if pw.headroom_mw < 0.0 {
            "shortfall"
        } else {
            "headroom "
        },
        pw.headroom_mw.abs()
    );
    // Power is matched to the chips site by site.
    for site in report.sites.iter().filter(|x| x.shortfall_mw > 0.0) {
        let _ = writeln!(
            s,
            "  short at {}       {:.2} MW (need {:.2}, offered there {:.2})",
            site.country, site.shortfall_mw, site.required_mw, site.offered_mw
        );
    }
    let _ = writeln!(
        s,
        "  energy per year   {} MWh, {} USD",
        si(pw.energy_mwh_per_year),
        si(pw.cost_usd_per_year)
    );
    let _ = writeln!(s, "\nWorkloads");
    for w in &report.workloads {
        let _ = write!(s, "  {} [{}]: ", w.name, w.kind.replace('_', " "));
        if let Some(sv) = &w.serving {
            let _ = writeln!(
                s,
                "capacity {} against demand {} tokens/s at peak; needs {} accelerators ({} per replica; the pool has room for {} replicas on {}), {:.0} tokens/s per user at full batch{}",
                si(sv.capacity_tokens_per_s),
                si(sv.demand_tokens_per_s),
                sv.accelerators_needed
                    .map_or("—".to_string(), |n| n.to_string()),
                sv.accelerators_per_replica,
                sv.replicas,
                sv.accelerators_serving,
                sv.tokens_per_s_per_user,
                if sv.meets_demand {
                    ""
                } else {
                    " — DEMAND NOT MET"
                }
            );
        } else {
            let days = w.days.map_or("—".to_string(), |d| {
                if d < 1.0 {
                    format!("{:.1} hours", d * 24.0)
                } else {
                    format!("{d:.1} days")
                }
            });
            let target = match (w.target_days, w.target_met) {
                (Some(t), Some(true)) => format!(" (target {t:.0} days: met)"),
                (Some(t), Some(false)) => format!(" (target {t:.0} days: MISSED)"),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "{} FLOP, {} accelerator-hours, {days}{target}; memory {:.0} of {:.0} GB{}",
                w.train_flops.map_or("—".into(), |f| format!("{f:.2e}")),
                w.gpu_hours.map_or("—".into(), si),
                w.memory_needed_gb,
                w.memory_available_gb,
                if w.fits { "" } else { " — DOES NOT FIT" }
            );
        }
    }
    let e = &report.experts;
    let _ = writeln!(
        s,
        "\nExperts: {:.1} FTE ({:.1} foreign), {:.0} needed",
        e.total_fte, e.foreign_fte, e.needed_fte
    );
    for role in ExpertRole::ALL {
        let _ = writeln!(
            s,
            "  {:<30} {:>7.1} of {:>4.0}",
            role.label(),
            e.have(role),
            e.need(role)
        );
    }
    budget_text(&mut s, report);
    let _ = writeln!(
        s,
        "\nForeign dependency (share supplied from outside the consortium)"
    );
    for layer in Layer::ALL {
        let l = report.dependency.layer(layer);
        let top = l
            .suppliers
            .iter()
            .filter(|x| !x.member)
            .take(3)
            .map(|x| format!("{} {}", catalog.country_name(&x.country), pct(x.share)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            s,
            "  {:<18} {:>5}  {}",
            layer.label(),
            if l.empty {
                "—".into()
            } else {
                pct(l.foreign_share)
            },
            top
        );
    }
    let _ = writeln!(
        s,
        "  {:<18} {:>5}",
        "Overall index",
        pct(report.dependency.overall)
    );
    languages_text(&mut s, report);
    let _ = writeln!(
        s,
        "\nMembers (stake of pooled value | population share | GDP share)"
    );
    for m in &report.members {
        let _ = writeln!(
            s,
            "  {} {:<24} {:>5} chips {:>8.2} PFLOP/s {:>7.1} MW {:>6.1} FTE | {:>5} | {:>5} | {:>5}",
            m.country,
            m.name.chars().take(24).collect::<String>(),
            m.accelerators,
            m.bf16_pflops,
            m.power_mw,
            m.experts_fte,
            pct(m.stake),
            pct(m.population_share),
            pct(m.gdp_share)
        );
    }
    if !report.findings.is_empty() {
        let _ = writeln!(s, "\nLicence and export-control findings");
        for f in &report.findings {
            let _ = writeln!(s, "  [{}] {}: {}", f.severity.label(), f.title, f.detail);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(s, "\nWarnings");
        for w in &report.warnings {
            let _ = writeln!(s, "  [{}] {}", w.severity.label(), w.message);
        }
    }
    s
}

/// The budget in five lines: one-off, per year and the total over the horizon with their ranges,
/// how much is funded and the gap, and renting against owning.
fn budget_text(s: &mut String, report: &Report) {
    let b = &report.budget;
    let r = &b.rent_vs_own;
    let years = readable(b.horizon_years);
    let _ = writeln!(s, "\nBudget (US dollars, over {years} years)");
    let _ = writeln!(
        s,
        "  one-off           {}",
        usd_range(b.one_off_usd, b.one_off_usd_range)
    );
    let _ = writeln!(
        s,
        "  per year          {}",
        usd_range(b.per_year_usd, b.per_year_usd_range)
    );
    let _ = writeln!(
        s,
        "  {:<18}{}",
        format!("total, {years} years"),
        usd_range(b.total_usd, b.total_usd_range)
    );
    let _ = writeln!(
        s,
        "  funded            {} (cash {}, in kind {}); gap {}",
        pct(b.funded_share),
        usd(b.funding_usd),
        usd(b.in_kind_usd),
        usd(b.gap_usd)
    );
    let break_even = match r.break_even_utilisation {
        Some(u) if u > 1.0 => "owning never pays at these prices".to_string(),
        Some(u) => format!("owning breaks even at {} utilisation", pct(u)),
        None => "no break-even (no accelerators or rates)".to_string(),
    };
    let _ = writeln!(
        s,
        "  rent or own       rent {} vs own {}\n                    pool used {}; {break_even}",
        usd(r.rent_total_usd),
        usd(r.own_total_usd),
        pct(r.utilisation)
    );
}

/// The language-coverage section: coverage, members without an official language, the most
/// spoken uncovered languages and what adapting to them would take.
fn languages_text(s: &mut String, report: &Report) {
    let l = &report.languages;
    let _ = writeln!(s, "\nLanguages (coverage of the base model)");
    if !l.model_languages_listed {
        let _ = writeln!(
            s,
            "  unknown: the base model's developer does not list its supported languages"
        );
        return;
    }
    let _ = writeln!(
        s,
        "  coverage          {} of the people of members with known shares ({} of the population)",
        l.coverage.map_or("unknown".to_string(), pct),
        pct(l.population_known_share)
    );
    let _ = writeln!(
        s,
        "  measure           first language for {}, speakers (first or second language) for {} of the population",
        pct((l.population_known_share - l.population_speakers_share).max(0.0)),
        pct(l.population_speakers_share)
    );
    let _ = writeln!(
        s,
        "  official language supported in {} of {} members",
        l.members_with_official_language,
        l.members.len()
    );
    for u in l.uncovered.iter().take(8) {
        let _ = writeln!(
            s,
            "  {:<28} {:>12} speakers  {}  adapt: {:.0}B tokens, {} FTE{}",
            format!("{} ({})", u.name(), u.code()),
            format!("{:.0}", u.speakers),
            if u.weak {
                "pretraining only"
            } else {
                "absent          "
            },
            u.proposed_tokens / 1e9,
            u.experts_fte,
            if u.data_gap {
                " (corpus too small)"
            } else {
                ""
            }
        );
    }
    if l.uncovered.len() > 8 {
        let _ = writeln!(
            s,
            "  … and {} more uncovered languages",
            l.uncovered.len() - 8
        );
    }
}
