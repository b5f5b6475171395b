//! The roadmap year by year: each year's figures are the analysis of the plan as it stands that
//! year ([`Plan::in_year`]).
//!
//! Years whose plan is the same (no line starts or ends, no member joins, the same model) share
//! one analysis, so a 10-year roadmap with three phases costs three analyses, and a plan with no
//! years costs one.
//!
//! Spending in a year = the owned chip lines that arrive that year (their systems, and the
//! facility build-out when building: `budget::owned_line_capex_usd`) + that year's running costs
//! (energy, colocation, operations, staff, rented serving) + in the first year, training runs on
//! rented sites. A line arrives in its first year, else when its member joins, else in the start
//! year; a line without years is bought again at the end of each hardware life; a dated owned
//! line ages out after its life, and the year after its last is when a replacement is due.

use crate::catalog::Catalog;
use crate::plan::{Plan, Tenure};

use super::report::{Layer, Report};
use super::{analyze, analyze_figures, budget};

/// One year of the roadmap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearFigures {
    /// The calendar year.
    pub year: u16,
    /// Names of the phases that include it.
    pub phases: Vec<String>,
    /// The base model's id that year.
    pub base_model: String,
    /// Members that have joined.
    pub members: usize,
    /// Accelerators counting that year.
    pub accelerators: u64,
    /// Their dense BF16 peak, in PFLOP/s.
    pub bf16_pflops: f64,
    /// Peak at the training precision, in PFLOP/s.
    pub training_pflops: f64,
    /// The largest peak a workload needs to meet its target that year, in PFLOP/s (0 without
    /// targets).
    pub needed_pflops: f64,
    /// Facility power required, in MW.
    pub required_mw: f64,
    /// Power the members offer, in MW.
    pub contributed_mw: f64,
    /// Experts, in FTE.
    pub experts_fte: f64,
    /// Experts the workloads need, in FTE.
    pub needed_fte: f64,
    /// Spending that year, in US dollars: one-off + running.
    pub spending_usd: f64,
    /// Of which buying the chip lines that arrive (with systems and build-out), in US dollars.
    pub one_off_usd: f64,
    /// Of which running costs (and, in the first year, training on rented sites), in US dollars.
    pub running_usd: f64,
    /// Overall foreign dependency, 0 to 1.
    pub dependency_overall: f64,
    /// The hosting layer's foreign share, 0 to 1.
    pub hosting_foreign_share: f64,
    /// Workloads whose target is met.
    pub workloads_meeting_target: usize,
    /// Workloads with a target.
    pub workloads_with_target: usize,
    /// Owned accelerators whose life ended the year before (a replacement is due).
    pub replacements_due: u64,
}

/// The year a plan's single-year figures are of: `chosen` when it is one of the roadmap's years,
/// else the roadmap's first year; `None` for a plan without a roadmap.
pub fn analysis_year(plan: &Plan, chosen: Option<u16>) -> Option<u16> {
    let years = plan.years();
    plan.roadmap.as_ref()?;
    Some(
        chosen
            .filter(|y| years.contains(y))
            .unwrap_or(*years.start()),
    )
}

/// The plan's figures in its default year (the roadmap's first; the whole plan without one):
/// what exports, diffs and comparisons show.
pub fn default_report(plan: &Plan, catalog: &'static Catalog) -> Report {
    year_report(plan, catalog, analysis_year(plan, None))
}

/// The report of the plan in `year` (the plan's own report when it has no roadmap).
pub fn year_report(plan: &Plan, catalog: &'static Catalog, year: Option<u16>) -> Report {
    match year {
        Some(y) if plan.roadmap.is_some() => analyze(&plan.in_year(y), catalog),
        _ => analyze(plan, catalog),
    }
}

/// [`year_report`] without languages, findings and warnings ([`analyze_figures`]): for figures
/// that read only capacity, power, experts, workloads, dependency and budget.
pub fn year_figures_report(plan: &Plan, catalog: &'static Catalog, year: Option<u16>) -> Report {
    match year {
        Some(y) if plan.roadmap.is_some() => analyze_figures(&plan.in_year(y), catalog),
        _ => analyze_figures(plan, catalog),
    }
}

/// Which lines and members count in `year`, and the model: equal keys, equal analyses.
fn key(plan: &Plan, year: u16) -> (Vec<bool>, String) {
    let mut bits = Vec::new();
    for m in &plan.members {
        bits.push(m.joins.is_none_or(|j| j <= year));
        for c in &m.chips {
            bits.push(
                c.years.first.is_none_or(|f| f <= year)
                    && plan.chip_last_year(c).is_none_or(|l| year <= l),
            );
        }
        bits.extend(m.power.iter().map(|p| p.years.includes(year)));
        bits.extend(m.experts.iter().map(|e| e.years.includes(year)));
    }
    (bits, plan.base_model_in(year).to_string())
}

/// Every year of the roadmap, first to last (empty without a roadmap).
pub fn years(plan: &Plan, catalog: &'static Catalog) -> Vec<YearFigures> {
    years_and_report(plan, catalog, None).0
}

/// [`years`], and the figures-only report ([`year_figures_report`]) of the year `keep` when it
/// is one of them (saving the caller an analysis it would repeat).
pub fn years_and_report(
    plan: &Plan,
    catalog: &'static Catalog,
    keep: Option<u16>,
) -> (Vec<YearFigures>, Option<Report>) {
    let Some(roadmap) = &plan.roadmap else {
        return (Vec::new(), None);
    };
    let start = roadmap.start_year;
    let life = plan.assumptions.costs.hardware_life_years.ceil().max(1.0) as u16;
    let mut analysed: Vec<((Vec<bool>, String), Report)> = Vec::new();
    let mut out = Vec::new();
    for year in plan.years() {
        let k = key(plan, year);
        let at = match analysed.iter().position(|(seen, _)| *seen == k) {
            Some(i) => i,
            None => {
                analysed.push((k, analyze_figures(&plan.in_year(year), catalog)));
                analysed.len() - 1
            }
        };
        let r = &analysed[at].1;
        let mut fig = figures_of(plan, r, year);
        // Arrivals and ageing.
        for m in &plan.members {
            for c in m.chips.iter().filter(|c| c.tenure == Tenure::Owned) {
                let arrival = c.years.first.or(m.joins).unwrap_or(start).max(start);
                let arrives = if c.years.first.is_some() || c.years.last.is_some() {
                    year == arrival
                } else {
                    year >= arrival && (year - arrival) % life == 0
                };
                if arrives && c.years.last.is_none_or(|l| year <= l) {
                    fig.one_off_usd += budget::owned_line_capex_usd(plan, catalog, c);
                }
                if c.years.first.is_some()
                    && plan
                        .chip_last_year(c)
                        .is_some_and(|l| l.saturating_add(1) == year)
                {
                    fig.replacements_due += u64::from(c.count);
                }
            }
        }
        fig.running_usd = r.budget.running_usd_per_year
            + if year == start {
                r.budget.one_off.workload_rental_usd
            } else {
                0.0
            };
        fig.spending_usd = fig.one_off_usd + fig.running_usd;
        out.push(fig);
    }
    let kept = keep.and_then(|y| {
        let k = key(plan, y);
        analysed
            .into_iter()
            .find(|(seen, _)| *seen == k)
            .map(|(_, r)| r)
    });
    (out, kept)
}

/// What the roadmap spends over all its years, in US dollars.
pub fn total_spending_usd(years: &[YearFigures]) -> f64 {
    years.iter().fold(0.0, |sum, y| sum + y.spending_usd)
}

/// A year's figures read from its report.
fn figures_of(plan: &Plan, r: &Report, year: u16) -> YearFigures {
    let with_target = r.workloads.iter().filter(|w| w.target_met.is_some());
    YearFigures {
        year,
        phases: plan
            .roadmap
            .iter()
            .flat_map(|rm| &rm.phases)
            .filter(|p| p.first_year <= year && year <= p.last_year)
            .map(|p| p.name.clone())
            .collect(),
        base_model: plan.base_model_in(year).to_string(),
        members: plan
            .members
            .iter()
            .filter(|m| m.joins.is_none_or(|j| j <= year))
            .count(),
        accelerators: r.pooled.accelerators,
        bf16_pflops: r.pooled.bf16_pflops,
        training_pflops: r.pooled.training_pflops,
        needed_pflops: r
            .workloads
            .iter()
            .filter_map(|w| w.required_pflops_for_target)
            .fold(0.0, f64::max),
        required_mw: r.power.required_mw,
        contributed_mw: r.power.contributed_mw,
        experts_fte: r.experts.total_fte,
        needed_fte: r.experts.needed_fte,
        dependency_overall: r.dependency.overall,
        hosting_foreign_share: r.dependency.layer(Layer::Hosting).foreign_share,
        workloads_meeting_target: with_target
            .clone()
            .filter(|w| w.target_met == Some(true))
            .count(),
        workloads_with_target: with_target.count(),
        ..YearFigures::default()
    }
}
