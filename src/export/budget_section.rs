//! The proposal's Budget section: what the consortium costs, how much is funded, renting against
//! owning, and who pays. Every figure is read from the report's budget
//! ([`crate::analysis::budget`]); this module only words and formats them.

use crate::analysis::Report;
use crate::analysis::budget::BudgetFigures;
use crate::numbers::{percent, readable, usd, usd_range};
use crate::plan::FairShareRule;

use super::document::{Block, Builder, Chart};

/// A balance with its sign: "+1.2 M USD" (brings more than its share), "−3.4 M USD" (owes).
pub fn signed_usd(v: f64) -> String {
    if v >= 0.5 {
        format!("+{}", usd(v))
    } else {
        usd(v)
    }
}

/// "after 2.3 years" or the reason there is no crossing.
pub fn crossing_text(b: &BudgetFigures) -> String {
    match b.rent_vs_own.crossing_year {
        Some(y) => format!("after {} years", readable(y)),
        None => format!("not within the {}-year horizon", readable(b.horizon_years)),
    }
}

/// The break-even utilisation, or why owning never pays.
pub fn break_even_text(b: &BudgetFigures) -> String {
    match b.rent_vs_own.break_even_utilisation {
        Some(u) if u > 1.0 => format!("{} (owning never pays at these prices)", percent(u)),
        Some(u) => percent(u),
        None => "— (no accelerators or rates)".to_string(),
    }
}

fn summary(b: &mut Builder, f: &BudgetFigures) {
    let years = readable(f.horizon_years);
    let rows = vec![
        vec![
            "One-off".into(),
            usd_range(f.one_off_usd, f.one_off_usd_range),
        ],
        vec![
            "Per year (amortisation included)".into(),
            usd_range(f.per_year_usd, f.per_year_usd_range),
        ],
        vec![
            "Running cash per year (no amortisation)".into(),
            usd(f.running_usd_per_year),
        ],
        vec![
            format!("Total over {years} years"),
            if f.one_off.chips_usd > 0.0 {
                format!(
                    "{}; hardware bought {}",
                    usd_range(f.total_usd, f.total_usd_range),
                    match f.hardware_purchases {
                        1 => "once".to_string(),
                        2 => "twice".to_string(),
                        n => format!("{n} times"),
                    }
                )
            } else {
                usd_range(f.total_usd, f.total_usd_range)
            },
        ],
        vec!["Cash pledged".into(), usd(f.funding_usd)],
        vec![format!("In kind over {years} years"), usd(f.in_kind_usd)],
        vec!["Funded share".into(), percent(f.funded_share)],
        vec!["Gap".into(), usd(f.gap_usd)],
    ];
    b.table(&[("Figure", false), ("Value", true)], rows);
    let mut notes = Vec::new();
    if !f.unknown_currencies.is_empty() {
        notes.push(format!(
            "Pledges in {} are not counted: the plan and the catalog have no exchange rate for them.",
            f.unknown_currencies.join(", ")
        ));
    }
    if f.estimated_accelerators > 0 {
        notes.push(format!(
            "{} owned accelerators have no known price: estimated from the value per PFLOP/s.",
            readable(f.estimated_accelerators as f64)
        ));
    }
    if f.estimated_rental_hours > 0.0 {
        notes.push(format!(
            "{} rented accelerator-hours have no known rate: estimated from the H100's.",
            readable(f.estimated_rental_hours)
        ));
    }
    if !notes.is_empty() {
        b.0.push(Block::List(notes));
    }
}

fn costs(b: &mut Builder, f: &BudgetFigures) {
    b.heading(3, "One-off costs", false);
    let o = &f.one_off;
    b.table(
        &[("Item", false), ("USD", true)],
        vec![
            vec!["Owned accelerators".into(), usd(o.chips_usd)],
            vec!["Servers, network, storage".into(), usd(o.systems_usd)],
            vec!["Facility build-out".into(), usd(o.facility_usd)],
            vec![
                "Training runs on rented capacity".into(),
                usd(o.workload_rental_usd),
            ],
            vec!["Total".into(), usd(f.one_off_usd)],
        ],
    );
    b.heading(3, "Yearly costs by category", false);
    let mut rows: Vec<Vec<String>> = f
        .yearly
        .categories()
        .iter()
        .map(|(_, label, v)| vec![label.to_string(), usd(*v)])
        .collect();
    if f.horizon_years > 0.0 && o.workload_rental_usd > 0.0 {
        rows.push(vec![
            format!(
                "Rented training runs spread over {} years",
                readable(f.horizon_years)
            ),
            usd(o.workload_rental_usd / f.horizon_years),
        ]);
    }
    rows.push(vec!["Per year".into(), usd(f.per_year_usd)]);
    b.table(&[("Category", false), ("USD per year", true)], rows);
}

fn rent_or_own(b: &mut Builder, f: &BudgetFigures) {
    let r = &f.rent_vs_own;
    b.heading(3, "Rent or own", false);
    b.para(format!(
        "Renting every accelerator-hour the workloads use, against buying the pool (replaced at the end of its life) with its facility, operations and energy, over {} years. Staff are left out of both: the same team is needed either way.",
        readable(f.horizon_years)
    ));
    b.table(
        &[("Figure", false), ("Value", true)],
        vec![
            vec!["Rent all capacity".into(), usd(r.rent_total_usd)],
            vec!["Own the pool".into(), usd(r.own_total_usd)],
            vec![
                "Accelerators in the pool".into(),
                readable(r.accelerators as f64),
            ],
            vec![
                "Accelerator-hours the workloads use".into(),
                readable(r.used_hours),
            ],
            vec!["Utilisation of the pool".into(), percent(r.utilisation)],
            vec![
                "Owning breaks even at utilisation".into(),
                break_even_text(f),
            ],
            vec!["Renting costs more than owning".into(), crossing_text(f)],
            vec![
                "Hosting outside the consortium if renting".into(),
                percent(r.rent_hosting_foreign_share),
            ],
            vec![
                "Hosting outside the consortium if owning".into(),
                percent(r.own_hosting_foreign_share),
            ],
        ],
    );
    if r.cumulative.len() > 1 {
        b.0.push(Block::Chart(Chart::RentOrOwn));
    }
}

fn who_pays(b: &mut Builder, report: &Report) {
    let f = &report.budget;
    b.heading(3, "Who pays", false);
    if report.members.is_empty() {
        b.para("The plan has no members yet.");
        return;
    }
    b.para(format!(
        "Each member brings its in-kind contributions valued at cost over the horizon (chips with their systems, rented capacity, the energy its power delivers, its experts) and its cash. Fair share under the plan's rule ({}) × the total of {}; balance = brings − fair share (negative: it owes). Alone: what its own workloads would cost it without the consortium.",
        f.rule.label(),
        usd(f.total_usd)
    ));
    let rows = report
        .members
        .iter()
        .map(|m| {
            let mb = &m.budget;
            vec![
                format!("{} {}", m.country, m.name),
                usd(mb.brings_usd),
                usd(mb.cash_usd),
                usd(mb.fair_share_usd),
                signed_usd(mb.balance_usd),
                usd(mb.alone_usd),
            ]
        })
        .collect();
    b.table(
        &[
            ("Member", false),
            ("Brings", true),
            ("of which cash", true),
            ("Fair share", true),
            ("Balance", true),
            ("Alone", true),
        ],
        rows,
    );
    b.heading(3, "Shares under each rule", false);
    let mut columns = vec![("Member", false)];
    columns.extend(FairShareRule::ALL.iter().map(|r| (r.label(), true)));
    let rows = report
        .members
        .iter()
        .map(|m| {
            let mut row = vec![format!("{} {}", m.country, m.name)];
            row.extend(
                FairShareRule::ALL
                    .iter()
                    .map(|r| percent(m.budget.shares[r.index()])),
            );
            row
        })
        .collect();
    b.table(&columns, rows);
}

fn workload_costs(b: &mut Builder, report: &Report) {
    let rows: Vec<Vec<String>> = report
        .workloads
        .iter()
        .filter_map(|w| {
            let cost = w.cost_usd?;
            let when = if w.serving.is_some() {
                "per year"
            } else {
                "once"
            };
            Some(vec![w.name.clone(), usd(cost), when.to_string()])
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    b.heading(3, "Cost of each workload on this pool", false);
    b.table(
        &[("Workload", false), ("Cost", true), ("Paid", false)],
        rows,
    );
}

/// The Budget section.
pub fn budget(b: &mut Builder, report: &Report) {
    let f = &report.budget;
    b.heading(2, "Budget", true);
    b.para(format!(
        "What the consortium costs over a {}-year horizon, in US dollars at the rates and prices listed under Assumptions. Ranges combine each input's spread (chip prices, rental rates, the systems factor, build cost, PUE).",
        readable(f.horizon_years)
    ));
    summary(b, f);
    costs(b, f);
    rent_or_own(b, f);
    who_pays(b, report);
    workload_costs(b, report);
}
