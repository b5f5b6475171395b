//! The assumptions table: each assumption's value in this plan, its default and the default's
//! source, as [`Assumptions::SOURCES`] and [`CostAssumptions::SOURCES`] name them.

use serde_json::Value as Json;

use crate::analysis::Layer;
use crate::catalog::Catalog;
use crate::numbers::readable;
use crate::plan::{Assumptions, CostAssumptions, ExpertRole, Precision};

fn shown(v: Option<&Json>) -> String {
    match v {
        Some(Json::Number(n)) => n.as_f64().map_or("—".into(), readable),
        Some(Json::String(s)) => Precision::ALL
            .iter()
            .find(|p| format!("{p:?}") == *s)
            .map_or(s.clone(), |p| p.label().to_string()),
        Some(Json::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                let name = Layer::ALL
                    .iter()
                    .find(|l| l.key() == k)
                    .map_or(k.clone(), |l| l.label().to_string());
                format!("{name} {}", shown(Some(v)))
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
        None => "—".into(),
    }
}

/// Rows of (label with unit, value, default, source of the default).
pub fn assumption_rows(assumptions: &Assumptions) -> Vec<Vec<String>> {
    let now = serde_json::to_value(assumptions).unwrap_or_default();
    let default = serde_json::to_value(Assumptions::default()).unwrap_or_default();
    Assumptions::SOURCES
        .iter()
        .map(|s| {
            vec![
                s.label.to_string(),
                shown(now.get(s.key)),
                shown(default.get(s.key)),
                s.source.to_string(),
            ]
        })
        .collect()
}

/// A cost assumption's value as the report shows it (labels for choices, roles for staff costs).
fn cost_value(c: &CostAssumptions, key: &str) -> String {
    match key {
        "horizon_years" => readable(c.horizon_years),
        "systems_factor" => readable(c.systems_factor),
        "facility" => c.facility.label().to_string(),
        "build_usd_per_mw" => readable(c.build_usd_per_mw),
        "colocation_usd_per_kw_month" => readable(c.colocation_usd_per_kw_month),
        "hardware_life_years" => readable(c.hardware_life_years),
        "facility_life_years" => readable(c.facility_life_years),
        "operations_share_per_year" => readable(c.operations_share_per_year),
        "staff_usd_per_fte_year" => ExpertRole::ALL
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r.label(),
                    readable(c.staff_usd_per_fte_year.usd_per_fte_year(*r))
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
        "rental_term" => c.rental_term.label().to_string(),
        "fair_share_rule" => c.fair_share_rule.label().to_string(),
        _ => "—".to_string(),
    }
}

/// Rows of (label with unit, value, default, source of the default) for the cost assumptions
/// ([`CostAssumptions::SOURCES`]), then one row per rental or exchange rate the plan sets in
/// place of the catalog's, with the catalog's rate and its source as the default.
pub fn cost_assumption_rows(costs: &CostAssumptions, catalog: &Catalog) -> Vec<Vec<String>> {
    let default = CostAssumptions::default();
    let mut rows: Vec<Vec<String>> = CostAssumptions::SOURCES
        .iter()
        .map(|s| {
            vec![
                s.label.to_string(),
                cost_value(costs, s.key),
                cost_value(&default, s.key),
                s.source.to_string(),
            ]
        })
        .collect();
    let table = &catalog.costs;
    for r in &costs.rental_rates {
        let name = catalog
            .accelerator(&r.accelerator)
            .map_or(r.accelerator.clone(), |a| a.name.clone());
        let catalog_rate = table.rental(&r.accelerator);
        rows.push(vec![
            format!(
                "Rental rate, {name}, {} (USD per accelerator-hour)",
                costs.rental_term.label()
            ),
            readable(r.usd_per_hour),
            catalog_rate.map_or("— (not in the catalog)".into(), |p| {
                readable(p.usd_per_hour(costs.rental_term))
            }),
            catalog_rate.map_or(String::new(), |p| {
                format!("{} (read {})", p.source, p.read_on)
            }),
        ]);
    }
    for r in &costs.exchange_rates {
        let catalog_rate = table.usd_per_unit(&r.currency);
        rows.push(vec![
            format!("Exchange rate, {} (USD per unit)", r.currency),
            readable(r.usd_per_unit),
            catalog_rate.map_or("— (not in the catalog)".into(), readable),
            if catalog_rate.is_some() {
                format!("{}, {}", table.exchange_source, table.exchange_period)
            } else {
                String::new()
            },
        ]);
    }
    rows
}
