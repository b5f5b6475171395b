//! Chart-ready series derived from a report, so the UI draws without computing any figure.

use std::borrow::Cow;

use crate::catalog::Catalog;

use super::report::{Layer, Report};
use super::workloads::days_at_scale;

/// One labelled value in a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Label (country code, supplier, layer...).
    pub label: Cow<'static, str>,
    /// What the label stands for in full (a member's country name; the label itself where it is
    /// already in words, as "12 others"), for hover text.
    pub name: Cow<'static, str>,
    /// Value in the chart's unit.
    pub value: f64,
    /// The member's colour slot (below [`COLOUR_SLOTS`]), the same in every chart and kept while
    /// figures change; `None` for a group such as "others" or a point that is not a member.
    pub slot: Option<usize>,
}

/// Members shown by name in a stacked bar where there is room for all of them; the rest are
/// summed as "others".
pub const TOP_MEMBERS: usize = 10;

/// One resource of the capacity chart: the pool stacked by member against what is needed.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceBar {
    /// Title, e.g. "Compute".
    pub title: &'static str,
    /// Unit of every value, e.g. "PFLOP/s".
    pub unit: &'static str,
    /// The pool, by member (largest first, then "others").
    pub by_member: Vec<Point>,
    /// What the plan needs, if it states a need.
    pub needed: Option<f64>,
    /// What the need is, e.g. "to meet the 120-day target".
    pub needed_label: String,
}

/// Colour slots for members: charts give each slot its own colour, and "others" one more.
pub const COLOUR_SLOTS: usize = 10;

/// A member's value before it is placed in a chart: its index among the report's members.
struct Entry {
    member: usize,
    label: Cow<'static, str>,
    name: Cow<'static, str>,
    value: f64,
}

/// The `named` largest values, largest first (ties by label), and the rest summed as "N others"
/// (when more than one is left over). Returns the named entries and the "others" point.
fn top_members(values: impl Iterator<Item = Entry>, named: usize) -> (Vec<Entry>, Option<Point>) {
    let mut all: Vec<Entry> = values.filter(|e| e.value > 0.0).collect();
    all.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.label.cmp(&b.label))
    });
    if all.len() > named + 1 {
        let rest: f64 = all[named..].iter().fold(0.0, |a, e| a + e.value);
        let n = all.len() - named;
        all.truncate(named);
        let label: Cow<'static, str> = Cow::Owned(format!("{n} others"));
        let others = Point {
            name: label.clone(),
            label,
            value: rest,
            slot: None,
        };
        return (all, Some(others));
    }
    (all, None)
}

/// Members in colour order: by share of the consortium's GDP, largest first (ties by code).
/// Levers change contributions, never GDP, so this order holds while they move.
fn colour_order(report: &Report) -> Vec<usize> {
    let m = &report.members;
    let mut order: Vec<usize> = (0..m.len()).collect();
    order.sort_by(|&i, &j| {
        m[j].gdp_share
            .total_cmp(&m[i].gdp_share)
            .then_with(|| m[i].country.cmp(&m[j].country))
    });
    order
}

/// A colour slot for every member named in `charts` (each chart's named members), the same slot
/// in every chart. Members are taken in [`colour_order`]; each prefers the slot of its place in
/// that order (modulo [`COLOUR_SLOTS`]) and takes the next one free of the members it shares a
/// chart with. So the ten largest economies always keep their own slot, and a member's slot does
/// not follow its rank: scaling one member to nothing does not recolour the others.
fn colour_slots(report: &Report, charts: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut slots: Vec<Option<usize>> = vec![None; report.members.len()];
    for (place, member) in colour_order(report).into_iter().enumerate() {
        let mut taken = [false; COLOUR_SLOTS];
        let mut named = false;
        for chart in charts.iter().filter(|c| c.contains(&member)) {
            named = true;
            for other in chart {
                if let Some(s) = slots[*other] {
                    taken[s] = true;
                }
            }
        }
        if !named {
            continue;
        }
        let preferred = place % COLOUR_SLOTS;
        let free = (0..COLOUR_SLOTS)
            .map(|k| (preferred + k) % COLOUR_SLOTS)
            .find(|&s| !taken[s]);
        slots[member] = Some(free.unwrap_or(preferred));
    }
    slots
}

/// The named entries and "others" of each chart as points coloured by member.
fn coloured(report: &Report, charts: Vec<(Vec<Entry>, Option<Point>)>) -> Vec<Vec<Point>> {
    let named: Vec<Vec<usize>> = charts
        .iter()
        .map(|(entries, _)| entries.iter().map(|e| e.member).collect())
        .collect();
    let slots = colour_slots(report, &named);
    charts
        .into_iter()
        .map(|(entries, others)| {
            entries
                .into_iter()
                .map(|e| Point {
                    slot: slots[e.member],
                    label: e.label,
                    name: e.name,
                    value: e.value,
                })
                .chain(others)
                .collect()
        })
        .collect()
}

/// Compute, power and experts: each member's contribution against the pool's need, with the
/// `named` largest contributors of each by name and the rest as "others" ([`TOP_MEMBERS`] where
/// the chart has room for them).
pub fn capacity(report: &Report, named: usize) -> [ResourceBar; 3] {
    let m = &report.members;
    let main = main_training_workload(report).and_then(|i| report.workloads.get(i));
    let compute_need = main.and_then(|w| w.required_pflops_for_target);
    let entries = |value: fn(&super::report::MemberFigures) -> f64| {
        let all = m.iter().enumerate().map(move |(i, f)| Entry {
            member: i,
            label: f.country.clone(),
            name: f.name.clone(),
            value: value(f),
        });
        top_members(all, named)
    };
    let charts = vec![
        entries(|f| f.training_pflops),
        entries(|f| f.power_mw),
        entries(|f| f.experts_fte),
    ];
    let mut points = coloured(report, charts).into_iter();
    let mut next = || points.next().unwrap_or_default();
    [
        ResourceBar {
            title: "Compute at training precision",
            unit: "PFLOP/s",
            by_member: next(),
            needed: compute_need,
            needed_label: match (main, compute_need) {
                // One job runs on one site: the pool's bar can pass the line while no site does.
                (Some(w), Some(_)) if report.chip_sites() > 1 => format!(
                    "to finish “{}” in {:.0} days on one site (the largest has {:.0} PFLOP/s)",
                    w.name,
                    w.target_days.unwrap_or_default(),
                    report.training_site().map_or(0.0, |s| s.training_pflops)
                ),
                (Some(w), Some(_)) => format!(
                    "to finish “{}” in {:.0} days",
                    w.name,
                    w.target_days.unwrap_or_default()
                ),
                _ => "no training target set".to_string(),
            },
        },
        ResourceBar {
            title: "Power",
            unit: "MW",
            by_member: next(),
            needed: Some(report.power.members_required_mw),
            needed_label: "facility power the members' own chips need (rented capacity is powered by its provider)".to_string(),
        },
        ResourceBar {
            title: "Experts",
            unit: "FTE",
            by_member: next(),
            needed: Some(report.experts.needed_fte),
            needed_label: "experts the workloads need".to_string(),
        },
    ]
}

/// One segment of a dependency bar: a supplier's share of a layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Layer index ([`Layer::index`]).
    pub layer: usize,
    /// Supplier code or marker.
    pub supplier: Cow<'static, str>,
    /// Display name of the supplier.
    pub supplier_name: Cow<'static, str>,
    /// Share of the layer, 0 to 1.
    pub share: f64,
    /// Whether the supplier is a member (domestic).
    pub member: bool,
}

/// Foreign-supplier segments of every layer, largest first within a layer; domestic supply is left
/// out so a bar's length is the layer's foreign share.
pub fn dependency_segments(report: &Report, catalog: &'static Catalog) -> Vec<Segment> {
    let mut out = Vec::new();
    for layer in Layer::ALL {
        for s in report
            .dependency
            .layer(layer)
            .suppliers
            .iter()
            .filter(|s| !s.member)
        {
            out.push(Segment {
                layer: layer.index(),
                supplier: s.country.clone(),
                supplier_name: match catalog.country(&s.country) {
                    Some(c) => Cow::Borrowed(c.name.as_str()),
                    None => s.country.clone(),
                },
                share: s.share,
                member: false,
            });
        }
    }
    out
}

/// Each member's stake beside its population and GDP shares (all 0 to 1), in member order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stakes {
    /// Member labels (alpha-2 codes).
    pub members: Vec<Cow<'static, str>>,
    /// Member names ("Kenya"; "12 others" for the rest), in the same order.
    pub names: Vec<Cow<'static, str>>,
    /// Share of pooled value.
    pub stake: Vec<f64>,
    /// Share of the consortium's population.
    pub population: Vec<f64>,
    /// Share of the consortium's GDP.
    pub gdp: Vec<f64>,
}

/// Stakes for the stakes chart.
pub fn stakes(report: &Report) -> Stakes {
    let m = &report.members;
    Stakes {
        members: m.iter().map(|m| m.country.clone()).collect(),
        names: m.iter().map(|m| m.name.clone()).collect(),
        stake: m.iter().map(|m| m.stake).collect(),
        population: m.iter().map(|m| m.population_share).collect(),
        gdp: m.iter().map(|m| m.gdp_share).collect(),
    }
}

/// Members shown by name in the stakes chart; the rest are summed as "others".
pub const STAKE_MEMBERS: usize = 15;

/// Stakes of the `max` members with the largest stakes (ties in code order), the rest summed into
/// one "N others" entry, so the chart stays readable at 55 or 193 members.
pub fn top_stakes(report: &Report, max: usize) -> Stakes {
    let all = stakes(report);
    let mut order: Vec<usize> = (0..all.members.len()).collect();
    order.sort_by(|&i, &j| {
        all.stake[j]
            .total_cmp(&all.stake[i])
            .then_with(|| all.members[i].cmp(&all.members[j]))
    });
    let shown = if order.len() > max + 1 {
        max
    } else {
        order.len()
    };
    let mut out = Stakes::default();
    for &i in &order[..shown] {
        out.members.push(all.members[i].clone());
        out.names.push(all.names[i].clone());
        out.stake.push(all.stake[i]);
        out.population.push(all.population[i]);
        out.gdp.push(all.gdp[i]);
    }
    let rest = &order[shown..];
    if !rest.is_empty() {
        let sum = |v: &[f64]| rest.iter().fold(0.0, |a, &i| a + v[i]);
        let others: Cow<'static, str> = Cow::Owned(format!("{} others", rest.len()));
        out.names.push(others.clone());
        out.members.push(others);
        out.stake.push(sum(&all.stake));
        out.population.push(sum(&all.population));
        out.gdp.push(sum(&all.gdp));
    }
    out
}

/// Pool scales shown on the what-if curve (0.25× to 4× the pool).
pub const WHAT_IF_SCALES: [f64; 16] = [
    0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0,
];

/// Days to finish a training workload as the pool's compute is scaled: points (scale, days).
pub fn what_if_days(report: &Report, workload: usize) -> Vec<[f64; 2]> {
    let Some(days) = report.workloads.get(workload).and_then(|w| w.days) else {
        return Vec::new();
    };
    WHAT_IF_SCALES
        .iter()
        .map(|&s| [s, days_at_scale(days, s)])
        .collect()
}

/// The what-if curve's low and high ends (from the workload's days range), or `None` when it has
/// no range.
pub fn what_if_days_range(report: &Report, workload: usize) -> Option<[Vec<[f64; 2]>; 2]> {
    let [lo, hi] = report.workloads.get(workload)?.days_range?;
    let curve = |d: f64| {
        WHAT_IF_SCALES
            .iter()
            .map(|&s| [s, days_at_scale(d, s)])
            .collect()
    };
    Some([curve(lo), curve(hi)])
}

/// The main workload for headline figures: the first training workload, if any.
pub fn main_training_workload(report: &Report) -> Option<usize> {
    report.workloads.iter().position(|w| w.days.is_some())
}

/// Members shown by name in the brings-against-fair-share chart.
pub const FAIR_SHARE_MEMBERS: usize = 12;

/// Indices of the `max` members with the largest fair shares of the budget, largest first (ties
/// in plan order), so the chart names the members the bill falls on.
pub fn top_fair_shares(report: &Report, max: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..report.members.len()).collect();
    order.sort_by(|&i, &j| {
        report.members[j]
            .budget
            .fair_share_usd
            .total_cmp(&report.members[i].budget.fair_share_usd)
            .then(i.cmp(&j))
    });
    order.truncate(max);
    order
}

#[cfg(test)]
mod fair_share_tests {
    use super::*;

    #[test]
    fn the_largest_fair_shares_come_first_and_the_rest_are_left_off() {
        let mut report = Report::default();
        for usd in [5.0, 30.0, 10.0, 30.0] {
            let mut m = super::super::report::MemberFigures::default();
            m.budget.fair_share_usd = usd;
            report.members.push(m);
        }
        assert_eq!(top_fair_shares(&report, 3), vec![1, 3, 2]);
        assert_eq!(top_fair_shares(&report, 10), vec![1, 3, 2, 0]);
    }
}
