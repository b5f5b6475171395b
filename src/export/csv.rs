//! The contributions table as CSV (RFC 4180): a header row, one row per contribution line, CRLF line
//! ends, quoted where needed, and text cells that a spreadsheet would run as a formula defused.

use crate::catalog::Catalog;
use crate::plan::Plan;

use super::contributions::{COLUMNS, rows};
use super::escape::csv_text;

fn number(v: f64) -> String {
    format!("{v}")
}

fn optional(v: Option<f64>) -> String {
    v.map(number).unwrap_or_default()
}

/// The contributions CSV.
pub fn contributions_csv(plan: &Plan, catalog: &Catalog) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows(plan, catalog) {
        let cells = [
            csv_text(&r.country),
            csv_text(&r.member),
            csv_text(r.kind),
            csv_text(&r.item),
            csv_text(&r.item_name),
            number(r.quantity),
            csv_text(&r.unit),
            csv_text(&r.tenure),
            csv_text(&r.provider),
            csv_text(&r.provider_country),
            csv_text(&r.location),
            optional(r.imported_share),
            optional(r.foreign_fte),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
