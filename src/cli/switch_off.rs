//! The `report` command's Switch-off block: the worst shock, then one line per shock.

use std::fmt::Write;

use crate::analysis::stress::{StressFigures, worst};
use crate::numbers::short_percent;

/// The block for `stress` (empty when the plan depends on no foreign supplier).
pub fn switch_off_text(stress: &[StressFigures]) -> String {
    if stress.is_empty() {
        return String::new();
    }
    let mut s =
        String::from("\nSwitch-off test (what still works if a foreign supplier says no)\n");
    match worst(stress) {
        Some(w) => {
            let _ = writeln!(s, "  worst: {}", w.sentence());
        }
        None => s.push_str("  no shock takes anything the plan needs\n"),
    }
    for f in stress {
        let _ = writeln!(
            s,
            "  [{:<8}] {}: {} compute lost; {} of {} workloads on target; to survive it: {} ({})",
            f.outcome().label(),
            f.name,
            short_percent(f.bf16_pflops_lost_share),
            f.workloads_meeting_target,
            f.workloads_with_target,
            f.mitigation_text(),
            f.key
        );
    }
    s
}
