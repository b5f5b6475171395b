//! Everything one edit recomputes: the report of the year shown, every roadmap year, and the
//! switch-off test. The app's document and the `edit` benchmark both call [`plan_figures`], so the
//! benchmark measures exactly what an edit costs.

use crate::catalog::Catalog;
use crate::plan::Plan;

use super::report::Report;
use super::stress::{StressFigures, YearsOf, stress};
use super::years::{YearFigures, analysis_year, year_report, years};

/// The figures of a plan for the year shown.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFigures {
    /// The roadmap year shown (`None` without a roadmap).
    pub year: Option<u16>,
    /// The analysis of the plan in that year.
    pub report: Report,
    /// Every roadmap year (empty without a roadmap).
    pub years: Vec<YearFigures>,
    /// The plan under each shock in that year (year by year for the shock asked for).
    pub stress: Vec<StressFigures>,
}

/// Works out [`PlanFigures`] for the year `chosen` (the roadmap's first when `None` or outside
/// it), with the roadmap year by year under the shock `shock` (a key; the worst when `None`).
pub fn plan_figures(
    plan: &Plan,
    catalog: &'static Catalog,
    chosen: Option<u16>,
    shock: Option<&str>,
) -> PlanFigures {
    let year = analysis_year(plan, chosen);
    let report = year_report(plan, catalog, year);
    let years = years(plan, catalog);
    let stress = stress(plan, catalog, year, &report, &years, YearsOf::One(shock));
    PlanFigures {
        year,
        report,
        years,
        stress,
    }
}
