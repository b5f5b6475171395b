//! Taking one member's contributions from another version of the plan.

use crate::plan::Plan;

/// Copies the member `country` (all its lines) from `other` into `target`, replacing the member
/// there or appending it when `target` lacks it. Plan-defined accelerators its chip lines use that
/// `target` does not define are copied too, so the lines still resolve. Returns `false` (and
/// leaves `target` unchanged) when `other` has no such member.
pub fn take_member(target: &mut Plan, other: &Plan, country: &str) -> bool {
    let Some(member) = other.members.iter().find(|m| m.country == country) else {
        return false;
    };
    for line in &member.chips {
        let missing = !target
            .custom_accelerators
            .iter()
            .any(|a| a.id == line.accelerator);
        if missing
            && let Some(def) = other
                .custom_accelerators
                .iter()
                .find(|a| a.id == line.accelerator)
        {
            target.custom_accelerators.push(def.clone());
        }
    }
    match target.members.iter_mut().find(|m| m.country == country) {
        Some(existing) => *existing = member.clone(),
        None => target.members.push(member.clone()),
    }
    true
}
