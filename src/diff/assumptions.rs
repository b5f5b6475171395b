//! Assumptions that moved, named and with units as in [`Assumptions::SOURCES`] and
//! [`CostAssumptions::SOURCES`]; the plan's own rental and exchange rates one by one.

use crate::analysis::Layer;
use crate::catalog::Catalog;
use crate::plan::{
    Assumptions, CostAssumptions, ExpertRole, FacilityMode, FairShareRule, Plan, Precision,
    RentalTerm,
};

use super::pairing::{change, field_changes, fields, pair_by_key};
use super::types::{Change, Value};

/// The unit in a label's closing brackets: "Hardware life (years)" → "years".
fn unit_of(label: &str) -> String {
    label
        .rsplit_once(" (")
        .and_then(|(_, u)| u.strip_suffix(')'))
        .unwrap_or("")
        .to_string()
}

/// Label and unit of a cost assumption key under `costs.` (`hardware_life_years`,
/// `staff_usd_per_fte_year.ml_research`).
fn cost_label_and_unit(key: &str) -> (String, String) {
    let (top, sub) = key.split_once('.').unwrap_or((key, ""));
    let Some(source) = CostAssumptions::source(top) else {
        return (key.replace('_', " "), String::new());
    };
    if sub.is_empty() {
        return (source.label.to_string(), unit_of(source.label));
    }
    let role = ExpertRole::ALL
        .iter()
        .find(|r| format!("{r:?}").to_lowercase() == sub.replace('_', ""))
        .map_or(sub.replace('_', " "), |r| r.label().to_string());
    let name = source.label.rsplit_once(" (").map_or(source.label, |x| x.0);
    (format!("{name}: {role}"), unit_of(source.label))
}

/// The display label of an assumption key (`mfu`, `dependency_weights.talent`,
/// `costs.horizon_years`) and its unit, taken from the sources: a label "Name (unit)" gives the
/// unit in brackets.
fn label_and_unit(key: &str) -> (String, String) {
    if let Some(cost) = key.strip_prefix("costs.") {
        return cost_label_and_unit(cost);
    }
    let (top, sub) = key.split_once('.').unwrap_or((key, ""));
    let Some(source) = Assumptions::SOURCES.iter().find(|s| s.key == top) else {
        return (key.replace('_', " "), String::new());
    };
    if !sub.is_empty() {
        let layer = Layer::ALL
            .iter()
            .find(|l| l.key() == sub)
            .map_or(sub.replace('_', " "), |l| l.label().to_string());
        return (format!("{}: {layer}", source.label), String::new());
    }
    (source.label.to_string(), unit_of(source.label))
}

/// A choice as the app shows it (`BF16`, `colocation`, `GDP (ESA, CERN)`), rather than its file
/// spelling (`Bf16`, `Colocation`, `Gdp`).
fn display(v: Value) -> Value {
    let Value::Text(t) = v else { return v };
    let label = Precision::ALL
        .iter()
        .find(|p| format!("{p:?}") == t)
        .map(|p| p.label())
        .or_else(|| {
            FacilityMode::ALL
                .iter()
                .find(|x| format!("{x:?}") == t)
                .map(|x| x.label())
        })
        .or_else(|| {
            RentalTerm::ALL
                .iter()
                .find(|x| format!("{x:?}") == t)
                .map(|x| x.label())
        })
        .or_else(|| {
            FairShareRule::ALL
                .iter()
                .find(|x| format!("{x:?}") == t)
                .map(|x| x.label())
        });
    Value::Text(label.map_or(t, str::to_string))
}

/// Lists compared entry by entry below rather than as one text.
const RATE_LISTS: [&str; 2] = ["costs.rental_rates", "costs.exchange_rates"];

/// A rate the plan sets, or what applies instead when only the other plan sets one.
fn rate(v: Option<f64>, other: Option<f64>, fallback: &str) -> Option<Value> {
    match (v, other) {
        (Some(v), _) => Some(Value::Number(v)),
        (None, Some(_)) => Some(Value::Text(fallback.to_string())),
        (None, None) => None,
    }
}

/// The plan's own rental and exchange rates that were set, changed or dropped.
fn rate_changes(a: &Plan, b: &Plan, catalog: &Catalog) -> Vec<Change> {
    let (ca, cb) = (&a.assumptions.costs, &b.assumptions.costs);
    let mut out = Vec::new();
    for (x, y) in pair_by_key(&ca.rental_rates, &cb.rental_rates, |r| {
        r.accelerator.clone()
    }) {
        let Some(id) = x.or(y).map(|r| r.accelerator.clone()) else {
            continue;
        };
        let name = b
            .accelerator(catalog, &id)
            .or_else(|| a.accelerator(catalog, &id))
            .map_or(id.clone(), |acc| acc.name.clone());
        let (vx, vy) = (x.map(|r| r.usd_per_hour), y.map(|r| r.usd_per_hour));
        out.extend(change(
            &format!("costs.rental_rates.{id}"),
            &format!("Rental rate: {name}"),
            "USD per accelerator-hour",
            rate(vx, vy, "catalog rate"),
            rate(vy, vx, "catalog rate"),
        ));
    }
    for (x, y) in pair_by_key(&ca.exchange_rates, &cb.exchange_rates, |r| {
        r.currency.to_uppercase()
    }) {
        let Some(code) = x.or(y).map(|r| r.currency.to_uppercase()) else {
            continue;
        };
        let (vx, vy) = (x.map(|r| r.usd_per_unit), y.map(|r| r.usd_per_unit));
        out.extend(change(
            &format!("costs.exchange_rates.{code}"),
            &format!("Exchange rate: {code}"),
            "USD per unit",
            rate(vx, vy, "catalog rate"),
            rate(vy, vx, "catalog rate"),
        ));
    }
    out
}

/// Every assumption whose value differs, with its label and unit.
pub fn assumptions(a: &Plan, b: &Plan, catalog: &Catalog) -> Vec<Change> {
    let scalar = |p: &Plan| {
        fields(&p.assumptions, &[])
            .into_iter()
            .filter(|(k, _)| !RATE_LISTS.contains(&k.as_str()))
            .collect::<Vec<_>>()
    };
    let mut out: Vec<Change> = field_changes(&scalar(a), &scalar(b))
        .into_iter()
        .map(|c| {
            let (label, unit) = label_and_unit(&c.key);
            Change {
                label,
                unit,
                before: c.before.map(display),
                after: c.after.map(display),
                ..c
            }
        })
        .collect();
    out.extend(rate_changes(a, b, catalog));
    out
}
