//! The proposal's Resilience section: the switch-off test as a table (one row per shock), the
//! worst shock in a sentence, and what surviving each would take. Every figure is read from the
//! stress figures ([`crate::analysis::stress`]); this module only words them.

use crate::analysis::stress::{StressFigures, worst};
use crate::numbers::{percent, readable};

use super::document::Builder;

fn serving(s: &StressFigures) -> &'static str {
    match s.serving_meets_demand {
        Some(true) => "meets demand",
        Some(false) => "short of demand",
        None => "no serving",
    }
}

fn days_lost(s: &StressFigures) -> String {
    match s.days_lost {
        Some(d) if d > 0.0 => format!("+{} days", readable(d)),
        Some(_) => "none".to_string(),
        None => "cannot run".to_string(),
    }
}

/// Writes the section for `stress`, measured in `year` (`None`: a plan without a roadmap).
pub fn resilience(b: &mut Builder, stress: &[StressFigures], year: Option<u16>) {
    b.heading(2, "Resilience: the switch-off test", false);
    let when = year.map_or_else(String::new, |y| format!(" in {y}"));
    b.para(format!(
        "What still works{when} if a foreign supplier says no. Each shock is applied to a copy of \
         the plan (the plan itself is untouched): the plan's own shocks, then one per foreign \
         supplier it depends on. The rules and their sources are in the README's Switch-off \
         test section."
    ));
    if stress.is_empty() {
        b.para("The plan depends on no foreign supplier the test knows of.");
        return;
    }
    match worst(stress) {
        Some(w) => b.para(format!(
            "Worst shock: {} Under it {}.",
            w.sentence(),
            w.outcome().verdict()
        )),
        None => b.para("No shock tried takes anything the plan needs."),
    }
    let rows = stress
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                s.outcome().label().to_string(),
                percent(s.bf16_pflops_lost_share),
                format!(
                    "{} of {}",
                    s.workloads_meeting_target, s.workloads_with_target
                ),
                serving(s).to_string(),
                days_lost(s),
                format!("{} FTE", readable(s.experts_fte_lost)),
                s.mitigation_text(),
            ]
        })
        .collect();
    b.table(
        &[
            ("Shock", false),
            ("Outcome", false),
            ("Compute lost", true),
            ("Workloads on target", true),
            ("Serving", false),
            ("Days lost", true),
            ("Experts lost", true),
            ("To survive it (owned, untouched type)", false),
        ],
        rows,
    );
    b.0.push(super::document::Block::List(
        stress
            .iter()
            .map(|s| format!("{}: {}", s.name, s.description))
            .collect(),
    ));
}
