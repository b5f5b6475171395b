//! The diff as readable text: grouped by section, `+` added, `−` removed, `~` changed, with
//! deltas and grouped digits.

use std::fmt::Write;

use crate::numbers::{grouped, percent, readable, signed};

use super::PlanDiff;
use super::types::{Change, Entry, EntryKind, FigureChange, SHARE, Status, Value};

/// Longest text value shown in full; longer ones (descriptions) are cut with "…".
const MAX_TEXT_CHARS: usize = 100;

fn value_text(v: &Value) -> String {
    match v {
        Value::Text(t) if t.chars().count() > MAX_TEXT_CHARS => {
            format!("“{}…”", t.chars().take(MAX_TEXT_CHARS).collect::<String>())
        }
        Value::Text(t) => format!("“{t}”"),
        other => other.to_string(),
    }
}

/// The unit to print after a value, unless the label already ends with it in brackets.
fn unit_suffix(c: &Change) -> String {
    if c.unit.is_empty() || c.label.ends_with(&format!("({})", c.unit)) {
        String::new()
    } else {
        format!(" {}", c.unit)
    }
}

/// One change as "label: before → after unit (delta)".
pub fn change_text(c: &Change) -> String {
    let unit = unit_suffix(c);
    match (&c.before, &c.after) {
        (None, Some(after)) => format!("{}: {}{unit}", c.label, value_text(after)),
        (Some(before), None) => format!("{}: was {}{unit}", c.label, value_text(before)),
        (Some(before), Some(after)) => {
            let delta = c
                .delta()
                .map_or(String::new(), |d| format!(" ({})", signed(d)));
            format!(
                "{}: {} → {}{unit}{delta}",
                c.label,
                value_text(before),
                value_text(after)
            )
        }
        (None, None) => c.label.clone(),
    }
}

fn entry_title(e: &Entry) -> String {
    match e.kind {
        EntryKind::Chips => format!("chips {}", e.item),
        EntryKind::Power => format!("power ({})", e.item),
        EntryKind::Experts => format!("experts ({})", e.item),
        EntryKind::Funding | EntryKind::MemberFields => e.item.clone(),
        EntryKind::Workload => format!("“{}”", e.item),
        EntryKind::CustomAccelerator | EntryKind::CustomModel => e.item.clone(),
    }
}

/// What an added or removed entry holds, on one line: "count 8 accelerators; tenure owned"
/// (zero amounts left out).
fn contents(e: &Entry) -> String {
    e.changes
        .iter()
        .filter_map(|c| {
            let v = c.after.as_ref().or(c.before.as_ref())?;
            if v.number() == Some(0.0) {
                return None;
            }
            Some(format!("{} {v}{}", c.label, unit_suffix(c)))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn write_entry(s: &mut String, indent: &str, e: &Entry) {
    let title = format!("{indent}{} {}", e.status.mark(), entry_title(e));
    if e.status != Status::Changed {
        let what = contents(e);
        let _ = if what.is_empty() {
            writeln!(s, "{title}")
        } else {
            writeln!(s, "{title}: {what}")
        };
        return;
    }
    if let [only] = &e.changes[..] {
        let _ = writeln!(s, "{title}: {}", change_text(only));
        return;
    }
    let _ = writeln!(s, "{title}");
    for c in &e.changes {
        let _ = writeln!(s, "{indent}    {}", change_text(c));
    }
}

fn figure_value(unit: &str, v: Option<f64>) -> String {
    match v {
        None => "—".to_string(),
        Some(v) if unit == SHARE => percent(v),
        Some(v) => readable(v),
    }
}

/// A figure's two values and its change as display text: (before, after, delta), the values
/// with their unit ("—" where a figure does not exist), the delta signed with its relative
/// change ("+12.5 (+3.1 %)", "−2.0 pp"; empty when there is none to show).
pub fn figure_parts(f: &FigureChange) -> (String, String, String) {
    let unit = if f.unit == SHARE || f.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", f.unit)
    };
    let delta = match f.delta() {
        Some(d) if f.unit == SHARE => format!("{} pp", signed_grouped(d * 100.0)),
        Some(d) => {
            let rel = f.relative().map_or(String::new(), |r| {
                format!(" ({} %)", signed_grouped(r * 100.0))
            });
            format!("{}{rel}", signed(d))
        }
        None => String::new(),
    };
    let value = |v: Option<f64>| match v {
        Some(_) => format!("{}{unit}", figure_value(f.unit, v)),
        None => figure_value(f.unit, v),
    };
    (value(f.before), value(f.after), delta)
}

/// One moved figure: "label  before → after unit  delta (relative)".
pub fn figure_text(f: &FigureChange) -> String {
    let unit = if f.unit == SHARE || f.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", f.unit)
    };
    let (_, _, delta) = figure_parts(f);
    let delta = if delta.is_empty() {
        delta
    } else {
        format!("  {delta}")
    };
    format!(
        "{:<44} {} → {}{unit}{delta}",
        f.label,
        figure_value(f.unit, f.before),
        figure_value(f.unit, f.after)
    )
}

/// A signed number with one decimal (percentages, percentage points).
fn signed_grouped(v: f64) -> String {
    let body = grouped(v.abs(), 1);
    match v {
        v if v > 0.0 && body != "0" => format!("+{body}"),
        v if v < 0.0 && body != "0" => format!("−{body}"),
        _ => body,
    }
}

fn section(s: &mut String, title: &str) {
    if !s.is_empty() {
        s.push('\n');
    }
    let _ = writeln!(s, "{title}");
}

/// The diff as text, titled with the two files' names; "no differences" when there are none.
pub fn diff_text(d: &PlanDiff, a_name: &str, b_name: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Changes from {a_name} to {b_name}");
    if d.is_empty() {
        let _ = writeln!(s, "  no differences");
        return s;
    }
    if !d.plan.is_empty() {
        section(&mut s, "Plan");
        for c in &d.plan {
            let _ = writeln!(s, "  ~ {}", change_text(c));
        }
    }
    if !d.members.is_empty() {
        section(&mut s, "Members");
        for m in &d.members {
            let _ = writeln!(s, "  {} {} {}", m.status.mark(), m.country, m.name);
            for line in &m.lines {
                write_entry(&mut s, "      ", line);
            }
        }
    }
    let lists = [
        ("Workloads", &d.workloads),
        ("Plan-defined accelerators", &d.custom_accelerators),
        ("Plan-defined models", &d.custom_models),
    ];
    for (title, entries) in lists {
        if !entries.is_empty() {
            section(&mut s, title);
            for e in entries {
                write_entry(&mut s, "  ", e);
            }
        }
    }
    if !d.assumptions.is_empty() {
        section(&mut s, "Assumptions");
        for c in &d.assumptions {
            let _ = writeln!(s, "  ~ {}", change_text(c));
        }
    }
    if !d.figures.is_empty() {
        section(&mut s, "Key figures (before → after, change)");
        let mut current = "";
        for f in &d.figures {
            if f.section != current {
                current = f.section;
                let _ = writeln!(s, "  {current}");
            }
            let _ = writeln!(s, "    {}", figure_text(f));
        }
    }
    s
}
