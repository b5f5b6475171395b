//! A delegate's proposal: the plan and its analysis as a self-contained HTML report (with inline
//! SVG charts), a Markdown report, or the contributions or who-pays table as CSV. Pure: text in, text out;
//! the command line writes the files. Every figure is read from the analysis of the plan's default
//! year ([`crate::analysis::years::default_report`]) and
//! [`crate::analysis::series`].

mod assumption_values;
mod budget_chart;
mod budget_section;
mod charts;
pub mod contributions;
mod csv;
mod document;
pub mod escape;
mod html;
mod markdown;
mod resilience_section;
mod svg;
mod who_pays;

use crate::analysis::Report;
use crate::analysis::stress::{StressFigures, YearsOf, stress};
use crate::analysis::years::{analysis_year, year_report, years};
use crate::catalog::Catalog;
use crate::plan::Plan;

pub use contributions::{COLUMNS, ContributionRow};
pub use csv::contributions_csv;
pub use document::{Block, Chart, Document, document};
pub use who_pays::{WHO_PAYS_COLUMNS, who_pays_csv};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page with charts.
    Html,
    /// Markdown (tables, no charts).
    Markdown,
    /// The contributions table as CSV.
    Csv,
    /// The who-pays table as CSV: one row per member with what it brings, its fair share and
    /// its balance.
    WhoPaysCsv,
}

/// The plan exported in a format, as the file's text.
pub fn export(plan: &Plan, catalog: &'static Catalog, format: Format) -> String {
    match format {
        Format::Csv => contributions_csv(plan, catalog),
        Format::WhoPaysCsv => who_pays_csv(&analysed(plan, catalog).0),
        Format::Markdown => {
            let (report, stress, year) = analysed(plan, catalog);
            markdown::markdown(&document(plan, catalog, &report, &stress, year))
        }
        Format::Html => {
            let (report, stress, year) = analysed(plan, catalog);
            html::html(
                &document(plan, catalog, &report, &stress, year),
                &report,
                catalog,
            )
        }
    }
}

/// The plan's report in its default year, the switch-off test in that year, and the year.
fn analysed(plan: &Plan, catalog: &'static Catalog) -> (Report, Vec<StressFigures>, Option<u16>) {
    let year = analysis_year(plan, None);
    let report = year_report(plan, catalog, year);
    // The section has no year-by-year table: only the worst shock's roadmap is worked out.
    let stress = stress(
        plan,
        catalog,
        year,
        &report,
        &years(plan, catalog),
        YearsOf::One(None),
    );
    (report, stress, year)
}
