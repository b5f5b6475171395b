//! The assumptions table: each assumption's value in this plan, its default and the default's
//! source, as [`Assumptions::SOURCES`] names them.

use serde_json::Value as Json;

use crate::analysis::Layer;
use crate::numbers::readable;
use crate::plan::{Assumptions, Precision};

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
