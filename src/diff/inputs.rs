//! Plan-level inputs that changed: name, description, base model, workloads and the plan's own
//! accelerator and model definitions.

use crate::catalog::Catalog;
use crate::plan::{Plan, Workload, WorkloadKind};

use super::members::entry;
use super::pairing::{change, field_changes, fields, pair_by_key};
use super::types::{Change, Entry, EntryKind, Value};

/// Plan fields compared elsewhere (or, like `format`, not a planning choice). The stored
/// scenarios are not compared: a diff compares the active content of each plan (compare a stored
/// scenario by materialising it first, see [`Plan::materialize`]).
const COMPARED_ELSEWHERE: [&str; 9] = [
    "format",
    "base_model",
    "workloads",
    "assumptions",
    "members",
    "custom_accelerators",
    "custom_models",
    "active_position",
    "scenarios",
];

fn model_text(plan: &Plan, catalog: &Catalog) -> String {
    match plan.base(catalog) {
        Some(m) => format!("{} ({})", m.name, m.id),
        None => format!("unknown model {}", plan.base_model),
    }
}

/// Name, description, base model and any other plan-level field that differs.
pub fn plan_fields(a: &Plan, b: &Plan, catalog: &Catalog) -> Vec<Change> {
    let mut out = field_changes(
        &fields(a, &COMPARED_ELSEWHERE),
        &fields(b, &COMPARED_ELSEWHERE),
    );
    if a.base_model != b.base_model {
        out.push(Change {
            key: "base_model".to_string(),
            label: "base model".to_string(),
            unit: String::new(),
            before: Some(Value::Text(model_text(a, catalog))),
            after: Some(Value::Text(model_text(b, catalog))),
        });
    }
    out
}

/// The size parameters of a workload kind: (key, label, value, unit).
fn kind_params(kind: &WorkloadKind) -> Vec<(&'static str, &'static str, Value, &'static str)> {
    match kind {
        WorkloadKind::Pretraining { tokens }
        | WorkloadKind::ContinuedPretraining { tokens }
        | WorkloadKind::FullFineTune { tokens }
        | WorkloadKind::LoraFineTune { tokens, .. } => {
            vec![(
                "tokens",
                "training tokens",
                Value::Number(*tokens),
                "tokens",
            )]
        }
        WorkloadKind::Serving {
            users,
            tokens_per_user_per_day,
            precision,
        } => vec![
            ("users", "users", Value::Number(*users), "users"),
            (
                "tokens_per_user_per_day",
                "tokens per user per day",
                Value::Number(*tokens_per_user_per_day),
                "tokens",
            ),
            (
                "precision",
                "serving precision",
                Value::Text(
                    precision.map_or("plan default".to_string(), |p| p.label().to_string()),
                ),
                "",
            ),
        ],
    }
}

fn workload_changes(a: Option<&Workload>, b: Option<&Workload>) -> Vec<Change> {
    let mut out: Vec<Change> = change(
        "kind",
        "kind",
        "",
        a.map(|w| Value::Text(w.kind.label().to_string())),
        b.map(|w| Value::Text(w.kind.label().to_string())),
    )
    .into_iter()
    .collect();
    let params = |w: Option<&Workload>| w.map_or(Vec::new(), |w| kind_params(&w.kind));
    let (pa, pb) = (params(a), params(b));
    let mut keys: Vec<_> = pa.iter().map(|p| (p.0, p.1, p.3)).collect();
    for p in &pb {
        if !keys.iter().any(|k| k.0 == p.0) {
            keys.push((p.0, p.1, p.3));
        }
    }
    let find = |list: &[(&str, &str, Value, &str)], key: &str| {
        list.iter().find(|p| p.0 == key).map(|p| p.2.clone())
    };
    for (key, label, unit) in keys {
        out.extend(change(key, label, unit, find(&pa, key), find(&pb, key)));
    }
    out.extend(change(
        "target_days",
        "target",
        "days",
        a.and_then(|w| w.target_days).map(Value::Number),
        b.and_then(|w| w.target_days).map(Value::Number),
    ));
    let members = |w: &Workload| {
        Value::Text(if w.members.is_empty() {
            "all members".to_string()
        } else {
            w.members.join(", ")
        })
    };
    // An added or removed workload lists its members only when it names some.
    let listed = |w: Option<&Workload>, other: Option<&Workload>| {
        w.filter(|w| !w.members.is_empty() || other.is_some())
            .map(members)
    };
    out.extend(change(
        "members",
        "needed by",
        "",
        listed(a, b),
        listed(b, a),
    ));
    out
}

fn entries<T>(
    kind: EntryKind,
    a: &[T],
    b: &[T],
    key: impl Fn(&T) -> String,
    changes: impl Fn(Option<&T>, Option<&T>) -> Vec<Change>,
) -> Vec<Entry> {
    pair_by_key(a, b, &key)
        .into_iter()
        .filter_map(|(x, y)| {
            let item = key(x.or(y)?);
            entry(kind, item, (x.is_some(), y.is_some()), changes(x, y))
        })
        .collect()
}

/// Workloads added, removed or changed (matched by name).
pub fn workloads(a: &Plan, b: &Plan) -> Vec<Entry> {
    entries(
        EntryKind::Workload,
        &a.workloads,
        &b.workloads,
        |w| w.name.clone(),
        workload_changes,
    )
}

/// The plan's own accelerators and models added, removed or changed (matched by id; every
/// field compared).
pub fn custom_definitions(a: &Plan, b: &Plan) -> (Vec<Entry>, Vec<Entry>) {
    let generic = |x: Option<Vec<(String, Value)>>, y: Option<Vec<(String, Value)>>| {
        field_changes(&x.unwrap_or_default(), &y.unwrap_or_default())
    };
    let accelerators = entries(
        EntryKind::CustomAccelerator,
        &a.custom_accelerators,
        &b.custom_accelerators,
        |x| x.id.clone(),
        |x, y| generic(x.map(|x| fields(x, &["id"])), y.map(|y| fields(y, &["id"]))),
    );
    let models = entries(
        EntryKind::CustomModel,
        &a.custom_models,
        &b.custom_models,
        |x| x.id.clone(),
        |x, y| generic(x.map(|x| fields(x, &["id"])), y.map(|y| fields(y, &["id"]))),
    );
    (accelerators, models)
}
