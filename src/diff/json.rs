//! The diff as JSON with a stable shape (`diff_version: 1`, documented in the README): fields may
//! be added, never renamed or removed without raising the version.

use serde_json::{Value as Json, json};

use super::PlanDiff;
use super::types::{Change, Entry, FigureChange, Value};

/// Version of the JSON shape.
pub const DIFF_VERSION: u32 = 1;

fn value(v: &Option<Value>) -> Json {
    match v {
        None => Json::Null,
        Some(Value::Number(n)) => json!(n),
        Some(Value::Text(t)) => json!(t),
        Some(Value::Flag(b)) => json!(b),
    }
}

fn change(c: &Change) -> Json {
    json!({
        "key": c.key,
        "label": c.label,
        "unit": c.unit,
        "before": value(&c.before),
        "after": value(&c.after),
        "delta": c.delta(),
    })
}

fn entry(e: &Entry) -> Json {
    json!({
        "kind": e.kind.key(),
        "item": e.item,
        "status": e.status.key(),
        "changes": e.changes.iter().map(change).collect::<Vec<_>>(),
    })
}

fn figure(f: &FigureChange) -> Json {
    json!({
        "section": f.section,
        "key": f.key,
        "subject": f.subject,
        "label": f.label,
        "unit": f.unit,
        "before": f.before,
        "after": f.after,
        "delta": f.delta(),
        "relative": f.relative(),
    })
}

/// The diff as a JSON value.
pub fn diff_json(d: &PlanDiff) -> Json {
    json!({
        "diff_version": DIFF_VERSION,
        "same": d.is_empty(),
        "plan": d.plan.iter().map(change).collect::<Vec<_>>(),
        "members": d.members.iter().map(|m| json!({
            "country": m.country,
            "name": m.name,
            "status": m.status.key(),
            "lines": m.lines.iter().map(entry).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "workloads": d.workloads.iter().map(entry).collect::<Vec<_>>(),
        "assumptions": d.assumptions.iter().map(change).collect::<Vec<_>>(),
        "custom_accelerators": d.custom_accelerators.iter().map(entry).collect::<Vec<_>>(),
        "custom_models": d.custom_models.iter().map(entry).collect::<Vec<_>>(),
        "figures": d.figures.iter().map(figure).collect::<Vec<_>>(),
    })
}
