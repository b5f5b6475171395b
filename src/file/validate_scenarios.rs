//! Checks of a plan's scenarios: how many, their names, and the content of each stored one with
//! the same checks as the top level, reported at `scenarios[k].…` with positions in the file.

use crate::catalog::Catalog;
use crate::plan::Plan;

use super::limits::{MAX_SCENARIOS, MAX_TEXT_CHARS};
use super::problem::{
    FieldLocator, Problem, blank_outside, locate_key, position_of, top_level_list_items,
};
use super::validate::{MAX_REPORTED_PROBLEMS, check_content};

/// Every problem in the plan's scenarios (none for a plan without stored scenarios).
pub fn check(text: &str, plan: &Plan, catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    let total = plan.scenarios.len() + 1;
    if total > MAX_SCENARIOS {
        problems.push(Problem::at(
            locate_key(text, "scenarios"),
            "scenarios",
            format!("{total} scenarios (the active one included); at most {MAX_SCENARIOS} allowed"),
            true,
        ));
        return problems;
    }
    let active = &plan.active_scenario;
    if active.trim().is_empty() {
        problems.push(Problem::at(
            locate_key(text, "active_scenario"),
            "active_scenario",
            "empty scenario name; expected a name such as \"Baseline\"",
            true,
        ));
    } else if active.chars().count() > MAX_TEXT_CHARS {
        problems.push(Problem::at(
            locate_key(text, "active_scenario"),
            "active_scenario",
            format!(
                "a name of {} characters; at most {MAX_TEXT_CHARS} allowed",
                active.chars().count()
            ),
            true,
        ));
    }
    if plan.active_position > plan.scenarios.len() {
        problems.push(Problem::at(
            locate_key(text, "active_position"),
            "active_position",
            format!(
                "{} is past the end of the list; expected 0 to {}",
                plan.active_position,
                plan.scenarios.len()
            ),
            true,
        ));
    }
    if plan.scenarios.is_empty() {
        return problems;
    }
    let items = top_level_list_items(text, "scenarios");
    for (k, scenario) in plan.scenarios.iter().enumerate() {
        // A full report is enough: the rest of the scenarios are not searched (each search looks
        // through the whole file), only counted.
        if problems.len() >= 2 * MAX_REPORTED_PROBLEMS {
            let rest = plan.scenarios.len() - k;
            problems.push(Problem::at(
                None,
                "scenarios.(more)",
                format!("{rest} more scenarios were not checked; fix the problems listed and check again"),
                problems.iter().any(|p| p.fatal),
            ));
            break;
        }
        let path = format!("scenarios[{k}]");
        // Positions inside this scenario only: the rest of the file is blanked out.
        let range = items.get(k).copied().unwrap_or((0, text.len()));
        let own = blank_outside(text, range);
        let start = Some(position_of(text, range.0));
        let name_at = FieldLocator::new(&own)
            .locate("name", &scenario.name, 0)
            .or(start);
        let name = &scenario.name;
        let earlier = plan.scenarios[..k].iter().any(|s| &s.name == name) || name == active;
        if name.trim().is_empty() {
            problems.push(Problem::at(
                name_at,
                format!("{path}.name"),
                "empty scenario name; expected a name such as \"Brazil joins\"",
                true,
            ));
        } else if name.chars().count() > MAX_TEXT_CHARS {
            problems.push(Problem::at(
                name_at,
                format!("{path}.name"),
                format!(
                    "a name of {} characters; at most {MAX_TEXT_CHARS} allowed",
                    name.chars().count()
                ),
                true,
            ));
        } else if earlier {
            problems.push(Problem::at(
                name_at,
                format!("{path}.name"),
                format!("there is already a scenario named {name:?}; expected each name once"),
                true,
            ));
        }
        let variant = plan.with_variant(scenario);
        for mut p in check_content(&own, &variant, catalog, false) {
            p.path = if p.path.is_empty() {
                path.clone()
            } else {
                format!("{path}.{}", p.path)
            };
            problems.push(p);
        }
    }
    problems
}
