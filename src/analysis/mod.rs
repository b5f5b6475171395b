//! The analysis: pure functions from a plan and the catalog to a [`Report`] of every figure.
//!
//! Nothing here knows about the UI. Each sub-module documents its formulas; [`explain`] turns any
//! figure back into its formula and inputs for tooltips and reports.
//!
//! Sums use `fold(0.0, ..)` rather than `sum()`: Rust's f64 `sum` starts from −0.0, which would
//! print as "-0" for a member with no lines.

pub mod budget;
pub mod calibration;
mod capacity;
mod codes;
mod dependency;
pub mod experts;
pub mod explain;
mod export_control;
mod findings;
pub mod languages;
pub mod ranges;
mod report;
mod resolved;
pub mod series;
pub mod serving;
mod sites;
mod stakes;
pub mod stress;
pub mod timeline;
mod warnings;
pub mod whole;
pub mod workloads;
pub mod years;

pub use capacity::{HOURS_PER_YEAR, facility_w, peak_tflops};
pub use dependency::MemberSet;
pub use findings::EU27_PRESET;
pub use report::*;
pub use stakes::unit_value_usd;
pub use workloads::days_at_scale;

use std::borrow::Cow;

use crate::catalog::Catalog;
use crate::plan::Plan;

use calibration::Bands;
use resolved::Resolved;

/// Computes every figure for a plan, with ranges from the evidence's bands.
pub fn analyze(plan: &Plan, catalog: &'static Catalog) -> Report {
    analyze_with_bands(plan, catalog, &Bands::EVIDENCE)
}

/// Computes every figure for a plan, with ranges from these bands ([`Bands::ZERO`] collapses
/// every range onto its point).
pub fn analyze_with_bands(plan: &Plan, catalog: &'static Catalog, bands: &Bands) -> Report {
    analyze_parts(plan, catalog, bands, true)
}

/// The figures without the languages, the licence and export findings and the warnings: what
/// the roadmap's years and the switch-off test read (capacity, power, experts, workloads,
/// dependency, budget), at about two thirds of the cost.
pub fn analyze_figures(plan: &Plan, catalog: &'static Catalog) -> Report {
    analyze_parts(plan, catalog, &Bands::EVIDENCE, false)
}

fn analyze_parts(plan: &Plan, catalog: &'static Catalog, bands: &Bands, full: bool) -> Report {
    let resolved = Resolved::of(plan, catalog);
    let members = MemberSet::of(plan, &resolved.slots);
    let model = plan.base(catalog);
    let mut member_figures: Vec<MemberFigures> = plan
        .members
        .iter()
        .zip(&resolved.countries)
        .map(|(m, country)| {
            // Code, name, population and GDP are read here, while the country's catalog entry is
            // at hand.
            match country {
                Some(c) => MemberFigures {
                    country: Cow::Borrowed(c.code.as_str()),
                    name: Cow::Borrowed(c.name.as_str()),
                    population: c.population,
                    gdp_usd: c.gdp_usd,
                    ..MemberFigures::default()
                },
                None => MemberFigures {
                    country: Cow::Owned(m.country.clone()),
                    name: Cow::Owned(m.country.clone()),
                    ..MemberFigures::default()
                },
            }
        })
        .collect();
    // A member that has not joined in a year's view counts for no people and no GDP.
    for (i, fig) in member_figures.iter_mut().enumerate() {
        if !plan.is_member_now(i) {
            fig.population = None;
            fig.gdp_usd = None;
        }
    }
    let expert_lines = experts::sum_lines(plan, &mut member_figures);
    let (pooled, power, sites) = capacity::pool(plan, &resolved, &mut member_figures, bands);
    let sites = sites.sites;
    let no_site = SiteFigures::default();
    let training_site = report::largest_site(&sites).unwrap_or(&no_site);
    let chip_sites = sites.iter().filter(|s| s.accelerators > 0).count() as u64;
    stakes::fill(plan, &mut member_figures);
    let workloads = plan
        .workloads
        .iter()
        .map(|w| {
            let mut fig = workloads::training(
                w,
                model,
                training_site,
                chip_sites,
                &plan.assumptions,
                bands,
            );
            if let Some(model) = model
                && let Some(mut s) = serving::serving(plan, &resolved, &w.kind, model)
            {
                s.capacity_tokens_per_s_range = ranges::proportional(
                    s.capacity_tokens_per_s,
                    &[bands.serving, pooled.peak_band],
                );
                fig.memory_needed_gb = s.weights_gb + s.kv_gb_per_user;
                fig.fits = s.replicas > 0;
                fig.serving = Some(s);
            }
            fig
        })
        .collect();
    let mut findings = Vec::new();
    if full {
        if let Some(model) = model {
            findings = findings::licence_findings(plan, catalog, model, &members);
        }
        findings.extend(export_control::export_findings(catalog, &resolved));
        findings.sort_by_key(|f| f.severity);
    }
    let expert_figures = experts::experts(plan, &pooled, &expert_lines.pooled, bands);
    let model_base = model
        .and_then(|m| m.derived_from.as_ref())
        .and_then(|d| plan.model(catalog, &d.base));
    let dependency = dependency::dependency(
        plan,
        &dependency::DependencyInputs {
            resolved: &resolved,
            expert_lines: &expert_lines,
            experts: &expert_figures,
            sites: &sites,
            model,
            model_base,
        },
        &members,
    );
    let mut report = Report {
        model: model.map(|m| ModelFigures {
            id: m.id.clone(),
            name: m.name.clone(),
            total_params_b: m.total_params_b,
            active_params_b: m.active_params_b,
            developer_country: m.developer_country.clone(),
            developed_in_consortium: members.contains(&m.developer_country),
        }),
        pooled,
        power,
        members: member_figures,
        sites,
        workloads,
        experts: expert_figures,
        dependency,
        findings,
        warnings: Vec::new(),
        languages: languages::LanguageFigures::default(),
        budget: budget::BudgetFigures::default(),
        members_now: (0..plan.members.len())
            .filter(|&i| plan.is_member_now(i))
            .count(),
    };
    if full {
        report.languages =
            languages::languages(plan, catalog, model, &report.members, &resolved.slots);
    }
    let budget = budget::budget(plan, catalog, &resolved, &report, bands);
    for (fig, member) in report.members.iter_mut().zip(budget.members) {
        fig.budget = member;
    }
    for (fig, usd) in report.workloads.iter_mut().zip(budget.workload_usd) {
        fig.cost_usd = usd;
    }
    report.budget = budget.figures;
    if !full {
        return report;
    }
    report.warnings = warnings::warnings(
        plan,
        catalog,
        &resolved,
        &members,
        &expert_lines.over_foreign,
        &report,
    );
    report
}

/// Whether each of the plan's workloads would fit the pooled hardware with `model` as the base
/// (for comparing candidate models without re-running the whole analysis).
pub fn workload_fits(
    plan: &Plan,
    catalog: &'static Catalog,
    model: &crate::catalog::OpenModel,
    report: &Report,
) -> Vec<bool> {
    let resolved = Resolved::of(plan, catalog);
    let no_site = SiteFigures::default();
    let site = report.training_site().unwrap_or(&no_site);
    plan.workloads
        .iter()
        .map(
            |w| match serving::serving(plan, &resolved, &w.kind, model) {
                Some(s) => s.replicas > 0,
                None => {
                    workloads::training(
                        w,
                        Some(model),
                        site,
                        report.chip_sites(),
                        &plan.assumptions,
                        &Bands::ZERO,
                    )
                    .fits
                }
            },
        )
        .collect()
}
