//! The pieces a plan diff is made of: changed values, changed entries, moved figures.

use std::fmt;

use crate::numbers;

/// A value before or after a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number (count, MW, FTE, tokens, ...); its unit is on the [`Change`].
    Number(f64),
    /// Anything else (ids, names, tenure, precision), as displayed.
    Text(String),
    /// A yes/no setting.
    Flag(bool),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(v) => f.write_str(&numbers::readable(*v)),
            Value::Text(t) => f.write_str(t),
            Value::Flag(b) => f.write_str(if *b { "yes" } else { "no" }),
        }
    }
}

impl Value {
    /// The number, if this is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            _ => None,
        }
    }
}

/// One field whose value differs between the two plans. `before` is `None` when the field is new
/// (e.g. the count of an added chip line), `after` is `None` when it went away.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Stable machine name, e.g. `count`, `mw`, `mfu`, `dependency_weights.talent`.
    pub key: String,
    /// Display name, e.g. "count", "MFU (fraction of dense peak achieved)".
    pub label: String,
    /// Unit of a numeric value, e.g. "MW", "FTE", "tokens"; empty when there is none.
    pub unit: String,
    /// Value in the first plan.
    pub before: Option<Value>,
    /// Value in the second plan.
    pub after: Option<Value>,
}

impl Change {
    /// After minus before, when both are numbers.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after.as_ref()?.number()? - self.before.as_ref()?.number()?)
    }
}

/// Whether an entry is new, gone, or in both plans with differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Only in the second plan.
    Added,
    /// Only in the first plan.
    Removed,
    /// In both, with differences.
    Changed,
}

impl Status {
    /// Stable machine name (JSON).
    pub fn key(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
        }
    }

    /// The mark shown before the entry in text: `+`, `−` or `~`.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Added => "+",
            Status::Removed => "−",
            Status::Changed => "~",
        }
    }
}

/// What kind of thing an [`Entry`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A member's chip line (item: accelerator id).
    Chips,
    /// A member's power line (item: power source).
    Power,
    /// A member's experts line (item: role).
    Experts,
    /// A member's funding (item: "funding").
    Funding,
    /// A member's own fields other than its lines (item: "member").
    MemberFields,
    /// A workload (item: its name).
    Workload,
    /// A plan-defined accelerator (item: its id).
    CustomAccelerator,
    /// A plan-defined model (item: its id).
    CustomModel,
}

impl EntryKind {
    /// Stable machine name (JSON).
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Chips => "chips",
            EntryKind::Power => "power",
            EntryKind::Experts => "experts",
            EntryKind::Funding => "funding",
            EntryKind::MemberFields => "member",
            EntryKind::Workload => "workload",
            EntryKind::CustomAccelerator => "custom_accelerator",
            EntryKind::CustomModel => "custom_model",
        }
    }
}

/// A line, workload or definition that was added, removed or changed, with its field changes
/// (for an added entry: its values; for a removed one: what it had).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What it is.
    pub kind: EntryKind,
    /// Which one: accelerator id, power source, role, workload name, custom id.
    pub item: String,
    /// Added, removed or changed.
    pub status: Status,
    /// The fields that differ.
    pub changes: Vec<Change>,
}

/// A member that was added, removed, or whose contributions changed.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberChange {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Country name (the code when unknown).
    pub name: String,
    /// Added, removed or changed.
    pub status: Status,
    /// Its lines that differ (all of them for an added or removed member).
    pub lines: Vec<Entry>,
}

/// Unit marker of a [`FigureChange`] that is a share, 0 to 1 (shown as % and percentage points).
pub const SHARE: &str = "share";

/// A key figure of the analysis that moved between the two plans.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChange {
    /// Report section, as in the `report` text: "Pooled capacity", "Power", "Workloads", ...
    pub section: &'static str,
    /// Stable machine name after the `report --json` field, e.g. `pooled.bf16_pflops`.
    pub key: &'static str,
    /// What it belongs to when the figure exists per workload, layer or member (name or code).
    pub subject: Option<String>,
    /// Display label, as in the `report` text.
    pub label: String,
    /// Unit, e.g. "PFLOP/s", "MW", "days"; [`SHARE`] for shares 0 to 1.
    pub unit: &'static str,
    /// Value for the first plan (`None` when the figure does not exist there).
    pub before: Option<f64>,
    /// Value for the second plan.
    pub after: Option<f64>,
}

impl FigureChange {
    /// After minus before, when both exist.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }

    /// Whether the figure moved (shares by at least 0.05 percentage points, other figures by
    /// more than rounding).
    pub fn has_moved(&self) -> bool {
        super::figures::has_moved(self)
    }

    /// The second value as a percentage of the first (100 = unchanged), when both exist and the
    /// first is not 0: the common scale on which figures of different units can be charted.
    pub fn percent_of_before(&self) -> Option<f64> {
        self.relative().map(|r| 100.0 + 100.0 * r)
    }

    /// The delta relative to the first value (0.5 = +50 %), when both exist and before is not 0.
    pub fn relative(&self) -> Option<f64> {
        let before = self.before?;
        (before != 0.0).then(|| self.delta().map(|d| d / before.abs()))?
    }
}
