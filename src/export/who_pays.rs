//! The who-pays table as CSV, in the contributions CSV's design (RFC 4180, CRLF, defused text
//! cells, plain numbers): one row per member with what it brings by kind, its fair share under
//! the plan's rule, its balance, what it would pay alone, and its share under every rule. Every
//! figure is read from the report's member budgets.

use crate::analysis::Report;
use crate::plan::FairShareRule;

use super::escape::csv_text;

/// Column names of the who-pays CSV, before the one share column per [`FairShareRule`]
/// (`share_<rule key>`).
pub const WHO_PAYS_COLUMNS: [&str; 13] = [
    "country",
    "member",
    "chips_usd",
    "rented_usd",
    "power_usd",
    "experts_usd",
    "cash_usd",
    "brings_usd",
    "fair_share_rule",
    "fair_share_usd",
    "balance_usd",
    "alone_usd",
    "horizon_years",
];

/// The who-pays CSV for an analysed plan.
pub fn who_pays_csv(report: &Report) -> String {
    let mut header: Vec<String> = WHO_PAYS_COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(
        FairShareRule::ALL
            .iter()
            .map(|r| format!("share_{}", r.key())),
    );
    let mut out = header.join(",");
    out.push_str("\r\n");
    let rule = report.budget.rule.key();
    for m in &report.members {
        let b = &m.budget;
        let mut cells = vec![
            csv_text(&m.country),
            csv_text(&m.name),
            format!("{}", b.chips_usd),
            format!("{}", b.rented_usd),
            format!("{}", b.power_usd),
            format!("{}", b.experts_usd),
            format!("{}", b.cash_usd),
            format!("{}", b.brings_usd),
            rule.to_string(),
            format!("{}", b.fair_share_usd),
            format!("{}", b.balance_usd),
            format!("{}", b.alone_usd),
            format!("{}", report.budget.horizon_years),
        ];
        cells.extend(
            FairShareRule::ALL
                .iter()
                .map(|r| format!("{}", b.shares[r.index()])),
        );
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
