//! A delegate's proposal: the plan and its analysis as a self-contained HTML report (with inline
//! SVG charts), a Markdown report, or the contributions or who-pays table as CSV. Pure: text in, text out;
//! the command line writes the files. Every figure is read from [`analyze`]'s report and
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
mod svg;
mod who_pays;

use crate::analysis::years::default_report;
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
        Format::WhoPaysCsv => who_pays_csv(&default_report(plan, catalog)),
        Format::Markdown => {
            markdown::markdown(&document(plan, catalog, &default_report(plan, catalog)))
        }
        Format::Html => {
            let report = default_report(plan, catalog);
            html::html(&document(plan, catalog, &report), &report, catalog)
        }
    }
}
