//! Assumptions that moved, named and with units as in [`Assumptions::SOURCES`].

use crate::analysis::Layer;
use crate::plan::{Assumptions, Plan, Precision};

use super::pairing::{field_changes, fields};
use super::types::{Change, Value};

/// The display label of an assumption key (`mfu`, `dependency_weights.talent`) and its unit,
/// taken from [`Assumptions::SOURCES`]: a label "Name (unit)" gives the unit in brackets.
fn label_and_unit(key: &str) -> (String, String) {
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
    let unit = source
        .label
        .rsplit_once(" (")
        .and_then(|(_, u)| u.strip_suffix(')'))
        .unwrap_or("");
    (source.label.to_string(), unit.to_string())
}

/// A precision as the app shows it (`BF16`), rather than its file spelling (`Bf16`).
fn display(v: Value) -> Value {
    match v {
        Value::Text(t) => Value::Text(
            Precision::ALL
                .iter()
                .find(|p| format!("{p:?}") == t)
                .map_or(t, |p| p.label().to_string()),
        ),
        other => other,
    }
}

/// Every assumption whose value differs, with its label and unit.
pub fn assumptions(a: &Plan, b: &Plan) -> Vec<Change> {
    field_changes(&fields(&a.assumptions, &[]), &fields(&b.assumptions, &[]))
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
        .collect()
}
