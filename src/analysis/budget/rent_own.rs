//! Renting every hour the workloads use against owning the whole pool, over the horizon.
//!
//! - Used hours = each training run's accelerator-hours once + the accelerators serving needs
//!   (up to the pool) × 8,760 h × horizon.
//! - Rent = used hours × the pool's count-weighted rental rate (owned lines priced at their
//!   type's rate).
//! - Own = the pool's systems (rented lines priced as if bought) × ⌈horizon ÷ life⌉ + facility
//!   (build once per facility life, or colocation each year) + operations and full-load energy
//!   each year.
//! - Break-even utilisation = own ÷ (accelerators × 8,760 h × horizon × rate): the share of the
//!   pool's hours at which renting them costs as much as owning.
//! - Cumulative costs by year: renting pays training in the first year and serving every year;
//!   owning pays its systems at the start (again at the end of each life), the facility at the
//!   start, and running costs every year. Staff are the same on both paths and left out.

use crate::plan::{FacilityMode, Plan, Tenure};

use super::super::capacity::HOURS_PER_YEAR;
use super::super::report::Report;
use super::super::resolved::{Resolved, slot_option};
use super::figures::RentVsOwn;
use super::lines::LinePrice;

/// What the comparison reads.
pub struct Inputs<'a, 'p> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its chip lines.
    pub resolved: &'a Resolved<'p>,
    /// Each line priced (`None`: unknown accelerator).
    pub priced: &'a [Option<LinePrice>],
    /// The rest of the report (workloads, dependency).
    pub report: &'a Report,
    /// The tariff at a host slot, in US dollars per MWh.
    pub owned_tariff: &'a dyn Fn(u16) -> f64,
}

/// Works out the comparison.
pub fn rent_vs_own(i: &Inputs<'_, '_>) -> RentVsOwn {
    let c = &i.plan.assumptions.costs;
    let horizon = c.horizon_years;
    let (mut n, mut rate_sum, mut system_sum, mut it_mw, mut energy_per_year) =
        (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut rented_n, mut rented_foreign, mut owned_n, mut owned_foreign) = (0.0, 0.0, 0.0, 0.0);
    let mut is_member = [false; crate::catalog::CODE_SLOTS];
    for &slot in &i.resolved.slots {
        if let Some(s) = slot_option(slot) {
            is_member[s] = true;
        }
    }
    let member = |slot: u16| slot_option(slot).is_some_and(|s| is_member[s]);
    for (chip, price) in i.resolved.chips.iter().zip(i.priced) {
        let Some(p) = price else { continue };
        n += p.count;
        rate_sum += p.count * p.rent_usd_per_hour;
        system_sum += p.count * p.system_usd(c.systems_factor);
        let mw = p.count * p.facility_kw / 1000.0;
        it_mw += p.count * p.it_kw / 1000.0;
        energy_per_year += mw * HOURS_PER_YEAR * (i.owned_tariff)(chip.host_slot);
        match &chip.line.tenure {
            Tenure::Rented { .. } => {
                rented_n += p.count;
                if !member(chip.provider_slot) {
                    rented_foreign += p.count;
                }
            }
            Tenure::Owned => {
                owned_n += p.count;
                if !member(chip.host_slot) {
                    owned_foreign += p.count;
                }
            }
        }
    }
    let rate = if n > 0.0 { rate_sum / n } else { 0.0 };
    let training_hours = i
        .report
        .workloads
        .iter()
        .filter_map(|w| w.gpu_hours)
        .fold(0.0, |s, h| s + h);
    let mut pool_left = n;
    let mut serving_per_year = 0.0;
    for w in &i.report.workloads {
        if let Some(needed) = w.serving.and_then(|s| s.accelerators_needed) {
            let used = (needed as f64).min(pool_left);
            pool_left -= used;
            serving_per_year += used * HOURS_PER_YEAR;
        }
    }
    let used_hours = training_hours + serving_per_year * horizon;
    let life = c.hardware_life_years;
    let (facility_once, facility_per_year) = match c.facility {
        FacilityMode::Build => (it_mw * c.build_usd_per_mw, 0.0),
        FacilityMode::Colocation => (0.0, it_mw * 1000.0 * c.colocation_usd_per_kw_month * 12.0),
    };
    let running = system_sum * c.operations_share_per_year + facility_per_year + energy_per_year;
    let purchases_by = |year: f64| {
        if year <= 0.0 {
            1.0
        } else {
            (year / life).ceil().max(1.0)
        }
    };
    let facility_builds_by = |year: f64| {
        if year <= 0.0 {
            1.0
        } else {
            (year / c.facility_life_years).ceil().max(1.0)
        }
    };
    let own_at = |year: f64| {
        system_sum * purchases_by(year) + facility_once * facility_builds_by(year) + running * year
    };
    let rent_at =
        |year: f64| training_hours * rate * year.min(1.0) + serving_per_year * rate * year;
    let rent_total = rent_at(horizon);
    let own_total = own_at(horizon);
    let mut cumulative = Vec::new();
    let last = horizon.ceil() as u32;
    for y in 0..=last {
        let year = f64::from(y).min(horizon);
        cumulative.push([year, rent_at(year), own_at(year)]);
    }
    // The first tenth of a year at which renting has cost at least as much as owning.
    let steps = (horizon * 10.0).ceil() as u32;
    let crossing_year = (1..=steps)
        .map(|s| f64::from(s) / 10.0)
        .map(|y| y.min(horizon))
        .find(|&y| rent_at(y) >= own_at(y) && rent_at(y) > 0.0);
    let capacity_cost = n * HOURS_PER_YEAR * horizon * rate;
    RentVsOwn {
        accelerators: n as u64,
        used_hours,
        utilisation: if n > 0.0 {
            used_hours / (n * HOURS_PER_YEAR * horizon)
        } else {
            0.0
        },
        rent_total_usd: rent_total,
        own_total_usd: own_total,
        break_even_utilisation: (capacity_cost > 0.0).then(|| own_total / capacity_cost),
        crossing_year,
        cumulative,
        rent_hosting_foreign_share: if rented_n > 0.0 {
            rented_foreign / rented_n
        } else {
            1.0
        },
        own_hosting_foreign_share: if owned_n > 0.0 {
            owned_foreign / owned_n
        } else {
            0.0
        },
    }
}
