//! The budget's key figures side by side: cost per year, one-off, total over the horizon, funding
//! and funded share, renting against owning, each workload's cost, and each member's fair share
//! and balance. Every value is read from the two reports' budgets.

use crate::analysis::Report;

use super::figures::{BUDGET, Collector};
use super::pairing::pair_by_key;
use super::types::SHARE;

/// Pushes the budget figures of the two reports onto `c`.
pub(super) fn budget_figures(c: &mut Collector, a: &Report, b: &Report) {
    type Read = fn(&Report) -> f64;
    let plan_wide: [(&'static str, &str, &'static str, Read); 10] = [
        ("budget.per_year_usd", "budget per year", "USD", |r| {
            r.budget.per_year_usd
        }),
        ("budget.one_off_usd", "one-off", "USD", |r| {
            r.budget.one_off_usd
        }),
        ("budget.total_usd", "total over the horizon", "USD", |r| {
            r.budget.total_usd
        }),
        ("budget.horizon_years", "horizon", "years", |r| {
            r.budget.horizon_years
        }),
        ("budget.funding_usd", "cash pledged", "USD", |r| {
            r.budget.funding_usd
        }),
        (
            "budget.in_kind_usd",
            "in kind over the horizon",
            "USD",
            |r| r.budget.in_kind_usd,
        ),
        ("budget.funded_share", "funded share", SHARE, |r| {
            r.budget.funded_share
        }),
        ("budget.gap_usd", "gap", "USD", |r| r.budget.gap_usd),
        (
            "budget.rent_vs_own.rent_total_usd",
            "rent all capacity (horizon)",
            "USD",
            |r| r.budget.rent_vs_own.rent_total_usd,
        ),
        (
            "budget.rent_vs_own.own_total_usd",
            "own the pool (horizon)",
            "USD",
            |r| r.budget.rent_vs_own.own_total_usd,
        ),
    ];
    for (key, label, unit, f) in plan_wide {
        c.push(BUDGET, key, None, label, unit, Some(f(a)), Some(f(b)));
    }
    for (x, y) in pair_by_key(&a.workloads, &b.workloads, |w| w.name.clone()) {
        let Some(w) = x.or(y) else { continue };
        let per = if w.serving.is_some() {
            "cost per year"
        } else {
            "cost"
        };
        c.push(
            BUDGET,
            "workloads.cost_usd",
            Some(&w.name),
            format!("{}: {per}", w.name),
            "USD",
            x.and_then(|w| w.cost_usd),
            y.and_then(|w| w.cost_usd),
        );
    }
    for (x, y) in pair_by_key(&a.members, &b.members, |m| m.country.to_string()) {
        let Some(m) = x.or(y) else { continue };
        let who = format!("{} {}", m.country, m.name);
        c.push(
            BUDGET,
            "members.fair_share_usd",
            Some(&m.country),
            format!("{who} fair share"),
            "USD",
            x.map(|m| m.budget.fair_share_usd),
            y.map(|m| m.budget.fair_share_usd),
        );
        c.push(
            BUDGET,
            "members.balance_usd",
            Some(&m.country),
            format!("{who} balance (negative: owes)"),
            "USD",
            x.map(|m| m.budget.balance_usd),
            y.map(|m| m.budget.balance_usd),
        );
    }
}
