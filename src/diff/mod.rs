//! What changed between two versions of a plan, and what it does to the figures.
//!
//! [`diff`] compares the inputs (members and their lines, base model, workloads, assumptions, the
//! plan's own definitions) and analyses both plans (their default year, with the roadmap year
//! by year: [`crate::analysis::years`]) to list the key figures that moved.
//! [`diff_text`] and [`diff_json`] render the result; [`take_member`] copies one member's
//! contributions across. Pure: no UI, no files.

mod assumptions;
mod budget_figures;
mod figures;
mod inputs;
mod json;
mod members;
mod pairing;
mod take;
mod text;
mod types;

use crate::analysis::years::default_report;
use crate::catalog::Catalog;
use crate::plan::Plan;

pub use figures::key_figures;
pub use json::{DIFF_VERSION, diff_json};
pub use take::take_member;
pub use text::{change_text, diff_text, figure_parts, figure_text};
pub use types::{Change, Entry, EntryKind, FigureChange, MemberChange, SHARE, Status, Value};

/// Everything that differs between a first plan (`a`, "before") and a second (`b`, "after").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanDiff {
    /// Plan-level fields: name, description, base model (and any other top-level field).
    pub plan: Vec<Change>,
    /// Members added, removed, or with changed contributions.
    pub members: Vec<MemberChange>,
    /// Workloads added, removed or changed (matched by name).
    pub workloads: Vec<Entry>,
    /// Assumptions that moved.
    pub assumptions: Vec<Change>,
    /// Plan-defined accelerators added, removed or changed (matched by id).
    pub custom_accelerators: Vec<Entry>,
    /// Plan-defined models added, removed or changed (matched by id).
    pub custom_models: Vec<Entry>,
    /// Key figures of the analysis that moved, in report order.
    pub figures: Vec<FigureChange>,
}

impl PlanDiff {
    /// Whether the two plans are the same (nothing in them or their figures differs).
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.members.is_empty()
            && self.workloads.is_empty()
            && self.assumptions.is_empty()
            && self.custom_accelerators.is_empty()
            && self.custom_models.is_empty()
            && self.figures.is_empty()
    }
}

/// Compares two plans: what changed from `a` to `b`, and the figures that moved as a result.
pub fn diff(a: &Plan, b: &Plan, catalog: &'static Catalog) -> PlanDiff {
    let (custom_accelerators, custom_models) = inputs::custom_definitions(a, b);
    PlanDiff {
        plan: inputs::plan_fields(a, b, catalog),
        members: members::members(a, b, catalog),
        workloads: inputs::workloads(a, b),
        assumptions: assumptions::assumptions(a, b, catalog),
        custom_accelerators,
        custom_models,
        figures: {
            let mut f = figures::figures(&default_report(a, catalog), &default_report(b, catalog));
            f.extend(figures::roadmap_figures(
                &crate::analysis::years::years(a, catalog),
                &crate::analysis::years::years(b, catalog),
                false,
            ));
            f
        },
    }
}
