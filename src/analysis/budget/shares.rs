//! Who pays: each member's share of the total under the rules delegates negotiate with.
//!
//! - **GDP, UN floor and ceiling**: shares in proportion to GDP, then no member above 22 % and
//!   none below 0.001 % (the limits of the UN scale of assessments, General Assembly resolution
//!   on the scale for 2025–2027), the excess spread over the others in proportion to GDP. With
//!   fewer than five members the ceiling cannot hold and becomes 1 ÷ members.
//! - **GDP**: in proportion to GDP, as ESA's mandatory budget is set (CERN uses net national
//!   income, which the catalog does not hold; GDP is its closest proxy there).
//! - **Population**, **equal shares**.
//! - **Use**: each workload's cost over the horizon split equally among the members it names
//!   (all members when it names none); a member's share is its part of the sum.
//!
//! A member whose GDP or population is unknown counts 0 under that rule (the UN floor still
//! applies). Alone = its workloads on rented capacity (training whole, serving for its share of
//! the consortium's people) plus the team the workloads need at its cost level, over the horizon.

use crate::plan::{ExpertRole, FairShareRule, Plan};

use super::super::capacity::HOURS_PER_YEAR;
use super::super::report::Report;
use super::figures::{BudgetFigures, MemberBudget};

/// UN scale of assessments: the highest share a member pays.
pub const UN_CEILING: f64 = 0.22;
/// UN scale of assessments: the lowest share a member pays.
pub const UN_FLOOR: f64 = 0.000_01;

/// Fills every member's shares, fair share, balance and stand-alone cost.
pub fn fill(
    plan: &Plan,
    report: &Report,
    workload_usd: &[Option<f64>],
    budget: &BudgetFigures,
    members: &mut [MemberBudget],
) {
    let n = members.len();
    if n == 0 {
        return;
    }
    let gdp: Vec<f64> = report
        .members
        .iter()
        .map(|m| m.gdp_usd.unwrap_or(0.0))
        .collect();
    let population: Vec<f64> = report
        .members
        .iter()
        .map(|m| m.population.unwrap_or(0.0))
        .collect();
    let horizon = budget.horizon_years;
    // Members of the consortium in this year (all, outside a roadmap year).
    let present: Vec<f64> = (0..n)
        .map(|i| f64::from(u8::from(plan.is_member_now(i))))
        .collect();
    // Use: each workload's cost over the horizon, split among the members that need it.
    let mut use_usd = vec![0.0; n];
    let mut positions: Vec<usize> = Vec::new();
    for (w, usd) in plan.workloads.iter().zip(workload_usd) {
        let Some(usd) = usd else { continue };
        let over_horizon = if is_serving(w) { usd * horizon } else { *usd };
        positions.clear();
        if w.members.is_empty() {
            positions.extend((0..n).filter(|&i| present[i] > 0.0));
        } else {
            positions.extend(
                plan.members
                    .iter()
                    .enumerate()
                    .filter(|(i, m)| present[*i] > 0.0 && w.members.iter().any(|c| c == &m.country))
                    .map(|(i, _)| i),
            );
        }
        if positions.is_empty() {
            continue;
        }
        let each = over_horizon / positions.len() as f64;
        for &i in &positions {
            use_usd[i] += each;
        }
    }
    let rules = [
        un_scale(&proportional(&gdp)),
        proportional(&gdp),
        proportional(&population),
        proportional(&present),
        {
            let shares = proportional(&use_usd);
            if shares.iter().all(|s| *s == 0.0) {
                proportional(&present)
            } else {
                shares
            }
        },
    ];
    // A member that has not joined yet (a roadmap year) pays nothing under any rule.
    let rules = rules.map(|shares| {
        if present.iter().all(|p| *p > 0.0) {
            shares
        } else {
            let kept: Vec<f64> = shares.iter().zip(&present).map(|(s, p)| s * p).collect();
            proportional(&kept)
        }
    });
    // Stand-alone: the same workloads rented, serving scaled to the member's people.
    let rate = if budget.rent_vs_own.used_hours > 0.0 {
        budget.rent_vs_own.rent_total_usd / budget.rent_vs_own.used_hours
    } else {
        0.0
    };
    let total_population: f64 = population.iter().sum();
    let a = &plan.assumptions.costs;
    let team_usd_per_year: f64 = ExpertRole::ALL
        .iter()
        .map(|&r| report.experts.need(r) * a.staff_usd_per_fte_year.usd_per_fte_year(r))
        .sum();
    for (i, mb) in members.iter_mut().enumerate() {
        for (rule, shares) in FairShareRule::ALL.iter().zip(&rules) {
            mb.shares[rule.index()] = shares[i];
        }
        mb.fair_share_usd = mb.shares[budget.rule.index()] * budget.total_usd;
        mb.balance_usd = mb.brings_usd - mb.fair_share_usd;
        let people = if total_population > 0.0 {
            population[i] / total_population
        } else {
            1.0 / n as f64
        };
        let code = &plan.members[i].country;
        let mut compute = 0.0;
        for (w, fig) in plan.workloads.iter().zip(&report.workloads) {
            if !w.members.is_empty() && !w.members.iter().any(|c| c == code) {
                continue;
            }
            if let Some(hours) = fig.gpu_hours {
                compute += hours * rate;
            } else if let Some(needed) = fig.serving.and_then(|s| s.accelerators_needed) {
                compute += needed as f64 * people * HOURS_PER_YEAR * rate * horizon;
            }
        }
        mb.alone_usd = compute + team_usd_per_year * plan.members[i].cost_level * horizon;
    }
}

fn is_serving(w: &crate::plan::Workload) -> bool {
    matches!(w.kind, crate::plan::WorkloadKind::Serving { .. })
}

/// Each value over their sum (all 0 when the sum is 0).
fn proportional(values: &[f64]) -> Vec<f64> {
    let sum: f64 = values.iter().sum();
    values
        .iter()
        .map(|v| if sum > 0.0 { v / sum } else { 0.0 })
        .collect()
}

/// Shares held between the UN floor and ceiling, the rest spread over the members still free in
/// proportion to their shares (all-zero shares become equal ones).
fn un_scale(shares: &[f64]) -> Vec<f64> {
    let n = shares.len();
    let ceiling = UN_CEILING.max(1.0 / n as f64);
    let mut out: Vec<f64> = if shares.iter().all(|s| *s == 0.0) {
        // (No GDP known at all: equal shares.)
        vec![1.0 / n as f64; n]
    } else {
        shares.to_vec()
    };
    let mut fixed = vec![false; n];
    // Each round fixes at least one member at a limit; n rounds suffice.
    for _ in 0..=n {
        let mut changed = false;
        for i in 0..n {
            if !fixed[i] && out[i] > ceiling {
                out[i] = ceiling;
                fixed[i] = true;
                changed = true;
            } else if !fixed[i] && out[i] < UN_FLOOR {
                out[i] = UN_FLOOR;
                fixed[i] = true;
                changed = true;
            }
        }
        let fixed_sum: f64 = (0..n).filter(|&i| fixed[i]).map(|i| out[i]).sum();
        let free_sum: f64 = (0..n).filter(|&i| !fixed[i]).map(|i| out[i]).sum();
        if free_sum > 0.0 {
            let scale = (1.0 - fixed_sum) / free_sum;
            for i in (0..n).filter(|&i| !fixed[i]) {
                out[i] *= scale;
            }
        }
        if !changed {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_un_ceiling_caps_a_large_member_and_spreads_the_excess() {
        // One member with 60 % of the GDP among six.
        let shares = un_scale(&[0.6, 0.1, 0.1, 0.1, 0.05, 0.05]);
        assert!((shares[0] - 0.22).abs() < 1e-12, "{shares:?}");
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // The others keep their proportions: 0.1 / 0.05 = 2.
        assert!((shares[1] / shares[4] - 2.0).abs() < 1e-9);
    }

    #[test]
    fn the_un_floor_lifts_a_tiny_member() {
        let mut gdp = vec![1e12; 5];
        gdp.push(1.0);
        let shares = un_scale(&proportional(&gdp));
        assert_eq!(shares[5], UN_FLOOR);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn with_four_members_the_ceiling_becomes_a_quarter() {
        let shares = un_scale(&[0.7, 0.1, 0.1, 0.1]);
        assert!(
            shares.iter().all(|s| (s - 0.25).abs() < 1e-12),
            "{shares:?}"
        );
    }
}
