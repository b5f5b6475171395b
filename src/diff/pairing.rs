//! Matching the entries of two lists and comparing records field by field.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value as Json;

use super::types::{Change, Value};

/// Pairs the entries of two lists by key: the n-th entry with a key in `a` meets the n-th entry
/// with the same key in `b`. Pairs come in `a`'s order, then the entries only `b` has.
pub fn pair_by_key<'a, T>(
    a: &'a [T],
    b: &'a [T],
    key: impl Fn(&T) -> String,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut b_slots: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, x) in b.iter().enumerate() {
        b_slots.entry(key(x)).or_default().push(i);
    }
    for slots in b_slots.values_mut() {
        slots.reverse();
    }
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    for x in a {
        let matched = b_slots.get_mut(&key(x)).and_then(Vec::pop);
        if let Some(i) = matched {
            used[i] = true;
        }
        pairs.push((Some(x), matched.map(|i| &b[i])));
    }
    for (i, y) in b.iter().enumerate() {
        if !used[i] {
            pairs.push((None, Some(y)));
        }
    }
    pairs
}

/// The scalar fields of a record, keyed by dotted path (`licence.name`); lists become one text,
/// absent (`None`) fields are left out. `skip` names top-level fields compared elsewhere.
pub fn fields<T: Serialize>(record: &T, skip: &[&str]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    if let Ok(Json::Object(map)) = serde_json::to_value(record) {
        for (k, v) in map {
            if !skip.contains(&k.as_str()) {
                flatten(&k, &v, &mut out);
            }
        }
    }
    out
}

/// Whether a flattened field holds a calendar year (`joins`, `start_year`, `first_year`, …).
fn is_year_field(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    last == "joins" || last == "year" || last.ends_with("_year") || path.contains("years.")
}

fn flatten(path: &str, v: &Json, out: &mut Vec<(String, Value)>) {
    match v {
        Json::Null => {}
        Json::Bool(b) => out.push((path.to_string(), Value::Flag(*b))),
        // Years read as years ("2027"), not as amounts ("2,027").
        Json::Number(n) if is_year_field(path) => {
            out.push((path.to_string(), Value::Text(n.to_string())))
        }
        Json::Number(n) => out.push((path.to_string(), Value::Number(n.as_f64().unwrap_or(0.0)))),
        Json::String(s) => out.push((path.to_string(), Value::Text(s.clone()))),
        Json::Array(items) => {
            let text = items
                .iter()
                .map(|i| match i {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            out.push((path.to_string(), Value::Text(text)));
        }
        Json::Object(map) => {
            for (k, v) in map {
                flatten(&format!("{path}.{k}"), v, out);
            }
        }
    }
}

/// Field-by-field changes between two records' [`fields`] (either may be absent: an added or
/// removed record lists all its fields). Labels are the paths with `_` as spaces.
pub fn field_changes(a: &[(String, Value)], b: &[(String, Value)]) -> Vec<Change> {
    let mut keys: Vec<&String> = a.iter().map(|(k, _)| k).collect();
    for (k, _) in b {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let find = |list: &[(String, Value)], k: &str| {
        list.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    keys.into_iter()
        .filter_map(|k| {
            let before = find(a, k);
            let after = find(b, k);
            (before != after).then(|| Change {
                key: k.clone(),
                label: k.replace('_', " "),
                unit: String::new(),
                before,
                after,
            })
        })
        .collect()
}

/// A change of one field if the values differ.
pub fn change(
    key: &str,
    label: &str,
    unit: &str,
    before: Option<Value>,
    after: Option<Value>,
) -> Option<Change> {
    (before != after).then(|| Change {
        key: key.to_string(),
        label: label.to_string(),
        unit: unit.to_string(),
        before,
        after,
    })
}
