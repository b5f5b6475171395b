//! The budget: what the consortium costs, who pays, and whether to rent or own.
//!
//! Every rate is a plan assumption (`plan::CostAssumptions`) or a dated catalog price
//! (`assets/costs.ron`, `assets/accelerators.ron`). The formulas:
//!
//! - **One-off**: owned chips at their price (the line's, else the catalog's, else BF16 PFLOP/s ×
//!   the value per PFLOP/s, marked an estimate); systems = chips × the systems factor; facility =
//!   owned chips' IT MW (facility MW ÷ PUE) × build cost per MW of IT load (none with colocation); training runs on a
//!   rented site = their accelerator-hours × the site's rental rate.
//! - **Yearly**: amortisation = (chips + systems) ÷ hardware life + facility ÷ facility life;
//!   energy = Σ owned sites' facility MW × 8,760 h × the site's tariff (its power lines' prices
//!   weighted by MW, else the plan's); colocation = IT kW × price per kW-month × 12;
//!   operations = share × (chips + systems); staff = Σ FTE × cost of the role × the member's
//!   cost level, plus the FTE the workloads need beyond those listed at cost level 1; rented
//!   serving = accelerators the demand needs beyond the owned ones (up to the rented ones) ×
//!   8,760 h × the rented lines' average rate. Rented capacity's energy is in its price.
//! - **Totals**: per year = amortisation + running + one-off rentals ÷ horizon; total over the
//!   horizon = (chips + systems) × ⌈horizon ÷ life⌉ + facility × ⌈horizon ÷ facility life⌉ +
//!   running × horizon + one-off rentals.
//! - **Who pays** (`shares`): each member brings its owned chips and systems at cost, its rented
//!   lines' share of the rental spend, the energy its power lines deliver to chips at their site
//!   (the site's draw shared pro rata to the MW offered there), its experts over the horizon and
//!   its cash; its fair share is its share under the plan's rule × total.
//! - **Rent or own** (`rent_own`).
//!
//! Ranges combine each category's spread (chip prices by catalog confidence, rental rates across
//! providers, the systems factor, build cost, energy via PUE) in quadrature.

mod currency;
mod figures;
mod lines;
mod rent_own;
mod shares;

pub use currency::usd_per_unit;
pub use figures::{BudgetFigures, MemberBudget, OneOffCosts, RentVsOwn, YearlyCosts};
pub use lines::{RATE_REFERENCE, RENTAL_PROVIDER_BAND};

use crate::catalog::Catalog;
use crate::plan::{ExpertRole, FacilityMode, Plan};

use super::calibration::Bands;
use super::capacity::HOURS_PER_YEAR;
use super::report::Report;
use super::resolved::{Resolved, slot_option};
use lines::LinePrice;

/// Spread of the systems factor (servers, network, storage): published cluster bills put them
/// at roughly 0.4–0.9 × the accelerators' price around the default.
pub const SYSTEMS_BAND: f64 = 0.30;
/// Spread of facility build-out and colocation prices between markets.
pub const FACILITY_BAND: f64 = 0.30;
/// Spread of staff costs within one cost level.
pub const STAFF_BAND: f64 = 0.20;

/// Per site: how much the owned chips there draw and the power offered there.
#[derive(Default, Clone, Copy)]
struct SiteDraw {
    /// Owned chips' facility power at the site, in MW.
    required_mw: f64,
    /// Power offered at the site, in MW.
    offered_mw: f64,
    /// Σ MW × tariff of the power offered there.
    offered_usd_per_h: f64,
}

/// Sites by host slot: a slot table into the few sites a plan has (a 676-entry table of sites
/// would be zeroed and walked on every analysis).
struct Draws {
    /// Position in `sites` per code slot (`u16::MAX`: none yet).
    index: [u16; crate::catalog::CODE_SLOTS],
    /// The sites, in order of first use.
    sites: Vec<SiteDraw>,
}

/// A site with nothing drawn and nothing offered.
const NO_DRAW: SiteDraw = SiteDraw {
    required_mw: 0.0,
    offered_mw: 0.0,
    offered_usd_per_h: 0.0,
};

impl Draws {
    fn new() -> Draws {
        Draws {
            index: [u16::MAX; crate::catalog::CODE_SLOTS],
            sites: Vec::new(),
        }
    }
}

impl std::ops::Index<usize> for Draws {
    type Output = SiteDraw;
    fn index(&self, slot: usize) -> &SiteDraw {
        match self.index[slot] {
            u16::MAX => &NO_DRAW,
            i => &self.sites[usize::from(i)],
        }
    }
}

impl std::ops::IndexMut<usize> for Draws {
    fn index_mut(&mut self, slot: usize) -> &mut SiteDraw {
        if self.index[slot] == u16::MAX {
            self.index[slot] = self.sites.len() as u16;
            self.sites.push(SiteDraw::default());
        }
        &mut self.sites[usize::from(self.index[slot])]
    }
}

/// The budget's outputs: the plan-wide figures, one entry per member, and each workload's cost.
pub struct Budget {
    /// Plan-wide figures.
    pub figures: BudgetFigures,
    /// One entry per member, in plan order.
    pub members: Vec<MemberBudget>,
    /// Each workload's cost (training: once; serving: per year), in US dollars.
    pub workload_usd: Vec<Option<f64>>,
}

/// Works out the budget from the plan and the rest of the report.
pub fn budget(
    plan: &Plan,
    catalog: &Catalog,
    resolved: &Resolved<'_>,
    report: &Report,
    bands: &Bands,
) -> Budget {
    let a = &plan.assumptions;
    let c = &a.costs;
    let n_members = plan.members.len();
    let mut members = vec![MemberBudget::default(); n_members];

    // Where power is offered, and at what tariff, per host slot.
    let mut draws = Draws::new();
    let member_slot = |i: usize| slot_option(resolved.slots[i]);
    for (i, m) in plan.members.iter().enumerate() {
        for p in &m.power {
            let slot = match &p.site {
                Some(code) => crate::catalog::code_slot(code),
                None => member_slot(i),
            };
            if let Some(s) = slot {
                draws[s].offered_mw += p.mw;
                draws[s].offered_usd_per_h +=
                    p.mw * p.usd_per_mwh.unwrap_or(a.electricity_usd_per_mwh);
            }
        }
    }
    let tariff = |d: &SiteDraw| {
        if d.offered_mw > 0.0 {
            d.offered_usd_per_h / d.offered_mw
        } else {
            a.electricity_usd_per_mwh
        }
    };

    // Price every line once.
    let priced: Vec<Option<LinePrice>> = resolved
        .chips
        .iter()
        .map(|chip| {
            chip.acc
                .map(|acc| lines::price(chip.line, acc, a, catalog, bands))
        })
        .collect();

    let mut one_off = OneOffCosts::default();
    let mut yearly = YearlyCosts::default();
    let mut estimated_accelerators = 0u64;
    let (mut chips_band_sq, mut owned_count, mut owned_hourly_sum) = (0.0, 0.0, 0.0);
    let (mut rented_count, mut rented_rate_sum, mut rented_band_sum) = (0.0, 0.0, 0.0);
    let mut owned_it_mw = 0.0;
    let mut rented_estimated_count = 0.0;
    for (chip, price) in resolved.chips.iter().zip(&priced) {
        let Some(p) = price else { continue };
        if p.rented {
            rented_count += p.count;
            rented_rate_sum += p.count * p.rent_usd_per_hour;
            rented_band_sum += p.count * p.rent_usd_per_hour * p.rent_band;
            if p.rent_estimated {
                rented_estimated_count += p.count;
            }
            continue;
        }
        let chips = p.count * p.unit_usd;
        one_off.chips_usd += chips;
        chips_band_sq += (chips * p.unit_band).powi(2);
        if p.unit_estimated {
            estimated_accelerators += u64::from(chip.line.count);
        }
        let mw = p.count * p.facility_kw / 1000.0;
        owned_it_mw += p.count * p.it_kw / 1000.0;
        if let Some(s) = slot_option(chip.host_slot) {
            draws[s].required_mw += mw;
        }
        owned_count += p.count;
        let site_tariff =
            slot_option(chip.host_slot).map_or(a.electricity_usd_per_mwh, |s| tariff(&draws[s]));
        owned_hourly_sum += p.count * p.owned_usd_per_hour(a, site_tariff);
        members[chip.member].chips_usd += p.count * p.system_usd(c.systems_factor);
    }
    one_off.systems_usd = one_off.chips_usd * c.systems_factor;
    let hardware_usd = one_off.chips_usd + one_off.systems_usd;
    match c.facility {
        FacilityMode::Build => one_off.facility_usd = owned_it_mw * c.build_usd_per_mw,
        FacilityMode::Colocation => {
            yearly.colocation_usd = owned_it_mw * 1000.0 * c.colocation_usd_per_kw_month * 12.0
        }
    }
    yearly.hardware_amortisation_usd = hardware_usd / c.hardware_life_years;
    yearly.facility_amortisation_usd = one_off.facility_usd / c.facility_life_years;
    yearly.operations_usd = hardware_usd * c.operations_share_per_year;

    // Energy of owned sites, and what each power line delivers.
    for d in draws.sites.iter().filter(|d| d.required_mw > 0.0) {
        yearly.energy_usd += d.required_mw * HOURS_PER_YEAR * tariff(d);
    }
    for (i, m) in plan.members.iter().enumerate() {
        for p in &m.power {
            let slot = match &p.site {
                Some(code) => crate::catalog::code_slot(code),
                None => member_slot(i),
            };
            let Some(s) = slot else { continue };
            let d = &draws[s];
            if d.offered_mw > 0.0 && d.required_mw > 0.0 {
                let drawn_mw = d.required_mw.min(d.offered_mw) * p.mw / d.offered_mw;
                members[i].power_usd += drawn_mw
                    * HOURS_PER_YEAR
                    * p.usd_per_mwh.unwrap_or(a.electricity_usd_per_mwh)
                    * c.horizon_years;
            }
        }
    }

    // Staff: the members' experts, and the need beyond them.
    for (i, m) in plan.members.iter().enumerate() {
        let mut usd = 0.0;
        for e in &m.experts {
            usd += e.fte * c.staff_usd_per_fte_year.usd_per_fte_year(e.role) * m.cost_level;
        }
        yearly.staff_usd += usd;
        members[i].experts_usd = usd * c.horizon_years;
    }
    for role in ExpertRole::ALL {
        let gap = report.experts.need(role) - report.experts.have(role);
        if gap > 0.0 {
            yearly.staff_hire_usd += gap * c.staff_usd_per_fte_year.usd_per_fte_year(role);
        }
    }

    // Workloads: training on the training site (rented or owned), serving on owned chips first.
    let rent_avg = if rented_count > 0.0 {
        rented_rate_sum / rented_count
    } else {
        0.0
    };
    let owned_avg = if owned_count > 0.0 {
        owned_hourly_sum / owned_count
    } else {
        0.0
    };
    let training_site = report.training_site();
    let site_rates =
        training_site.map(|site| site_rates(resolved, &priced, site, a, &draws, &tariff));
    let mut owned_left = owned_count;
    let mut rented_left = rented_count;
    let mut serving_rented_hours = 0.0;
    let workload_usd: Vec<Option<f64>> = report
        .workloads
        .iter()
        .map(|w| {
            if let Some(hours) = w.gpu_hours {
                let (rate, rented) = site_rates.unwrap_or((owned_avg, false));
                if rented {
                    one_off.workload_rental_usd += hours * rate;
                }
                Some(hours * rate)
            } else if let Some(s) = &w.serving {
                let needed = s.accelerators_needed.map_or(0.0, |n| n as f64);
                let from_owned = needed.min(owned_left);
                owned_left -= from_owned;
                let from_rented = (needed - from_owned).min(rented_left);
                rented_left -= from_rented;
                serving_rented_hours += from_rented * HOURS_PER_YEAR;
                Some((from_owned * owned_avg + from_rented * rent_avg) * HOURS_PER_YEAR)
            } else {
                None
            }
        })
        .collect();
    yearly.rented_compute_usd = serving_rented_hours * rent_avg;
    let rental_over_horizon =
        one_off.workload_rental_usd + yearly.rented_compute_usd * c.horizon_years;
    // The rental spend falls on the rented lines pro rata to count × rate.
    if rented_rate_sum > 0.0 {
        for (chip, price) in resolved.chips.iter().zip(&priced) {
            if let Some(p) = price.filter(|p| p.rented) {
                members[chip.member].rented_usd +=
                    rental_over_horizon * p.count * p.rent_usd_per_hour / rented_rate_sum;
            }
        }
    }

    // Totals.
    let hardware_purchases = (c.horizon_years / c.hardware_life_years).ceil().max(1.0);
    let facility_builds = (c.horizon_years / c.facility_life_years).ceil().max(1.0);
    let running = yearly.running_usd();
    let one_off_usd = one_off.chips_usd
        + one_off.systems_usd
        + one_off.facility_usd
        + one_off.workload_rental_usd;
    let per_year_usd =
        yearly.amortisation_usd() + running + one_off.workload_rental_usd / c.horizon_years;
    let total_usd = hardware_usd * hardware_purchases
        + one_off.facility_usd * facility_builds
        + running * c.horizon_years
        + one_off.workload_rental_usd;

    // Ranges: each category's absolute spread, combined in quadrature.
    let rent_band = if rented_rate_sum > 0.0 {
        rented_band_sum / rented_rate_sum
    } else {
        RENTAL_PROVIDER_BAND
    };
    let hours_band = report
        .workloads
        .iter()
        .filter_map(|w| w.gpu_hours.zip(w.gpu_hours_range))
        .map(|(h, r)| if h > 0.0 { (r[1] - h) / h } else { 0.0 })
        .fold(0.0, f64::max);
    let rental_band = lines::quadrature(rent_band, hours_band);
    let spread = |parts: &[(f64, f64)]| {
        parts
            .iter()
            .fold(0.0, |s, (v, b)| s + (v * b).powi(2))
            .sqrt()
    };
    let chips_spread = chips_band_sq.sqrt();
    let one_off_spread = spread(&[
        (chips_spread, 1.0),
        (one_off.systems_usd, SYSTEMS_BAND),
        (one_off.facility_usd, FACILITY_BAND),
        (one_off.workload_rental_usd, rental_band),
    ]);
    let chips_share = |v: f64| {
        if hardware_usd > 0.0 {
            chips_spread * v / hardware_usd
        } else {
            0.0
        }
    };
    let yearly_spread = spread(&[
        (
            chips_share(yearly.hardware_amortisation_usd + yearly.operations_usd),
            1.0,
        ),
        (
            yearly.facility_amortisation_usd + yearly.colocation_usd,
            FACILITY_BAND,
        ),
        (yearly.energy_usd, bands.pue),
        (yearly.staff_usd + yearly.staff_hire_usd, STAFF_BAND),
        (yearly.rented_compute_usd, rent_band),
        (one_off.workload_rental_usd / c.horizon_years, rental_band),
    ]);
    let total_spread = spread(&[
        (chips_spread * hardware_purchases, 1.0),
        (one_off.systems_usd * hardware_purchases, SYSTEMS_BAND),
        (
            one_off.facility_usd * facility_builds + yearly.colocation_usd * c.horizon_years,
            FACILITY_BAND,
        ),
        (yearly.energy_usd * c.horizon_years, bands.pue),
        (
            (yearly.staff_usd + yearly.staff_hire_usd) * c.horizon_years,
            STAFF_BAND,
        ),
        (rental_over_horizon, rental_band),
    ]);
    let range = |v: f64, s: f64| [(v - s).max(0.0), v + s];

    // Cash and in-kind.
    let mut unknown_currencies = Vec::new();
    for (i, m) in plan.members.iter().enumerate() {
        if let Some(f) = &m.funding {
            match usd_per_unit(plan, catalog, &f.currency) {
                Some(rate) => members[i].cash_usd = f.amount * rate,
                None => {
                    if f.amount > 0.0 && !unknown_currencies.contains(&f.currency) {
                        unknown_currencies.push(f.currency.clone());
                    }
                }
            }
        }
    }
    let mut funding_usd = 0.0;
    let mut in_kind_usd = 0.0;
    for mb in &mut members {
        let in_kind = mb.chips_usd + mb.rented_usd + mb.power_usd + mb.experts_usd;
        mb.brings_usd = in_kind + mb.cash_usd;
        in_kind_usd += in_kind;
        funding_usd += mb.cash_usd;
    }
    let covered = funding_usd + in_kind_usd;

    let mut figures = BudgetFigures {
        horizon_years: c.horizon_years,
        one_off,
        yearly,
        one_off_usd,
        one_off_usd_range: range(one_off_usd, one_off_spread),
        running_usd_per_year: running,
        per_year_usd,
        per_year_usd_range: range(per_year_usd, yearly_spread),
        total_usd,
        total_usd_range: range(total_usd, total_spread),
        hardware_purchases: hardware_purchases as u32,
        funding_usd,
        in_kind_usd,
        funded_share: if total_usd > 0.0 {
            covered / total_usd
        } else {
            0.0
        },
        gap_usd: (total_usd - covered).max(0.0),
        unknown_currencies,
        estimated_accelerators,
        estimated_rental_hours: if rented_count > 0.0 {
            rental_over_horizon / rent_avg.max(f64::MIN_POSITIVE) * rented_estimated_count
                / rented_count
        } else {
            0.0
        },
        rule: c.fair_share_rule,
        use_listed: plan.workloads.iter().any(|w| !w.members.is_empty()),
        rent_vs_own: RentVsOwn::default(),
    };
    figures.rent_vs_own = rent_own::rent_vs_own(&rent_own::Inputs {
        plan,
        resolved,
        priced: &priced,
        report,
        owned_tariff: &|slot| {
            slot_option(slot).map_or(a.electricity_usd_per_mwh, |s| tariff(&draws[s]))
        },
    });
    shares::fill(plan, report, &workload_usd, &figures, &mut members);
    Budget {
        figures,
        members,
        workload_usd,
    }
}

/// The training site's average hourly rate and whether it is rented: rental rates for a rented
/// site, owned hourly cost for an owned one (count-weighted over its lines).
fn site_rates(
    resolved: &Resolved<'_>,
    priced: &[Option<LinePrice>],
    site: &super::report::SiteFigures,
    a: &crate::plan::Assumptions,
    draws: &Draws,
    tariff: &dyn Fn(&SiteDraw) -> f64,
) -> (f64, bool) {
    let (mut count, mut sum) = (0.0, 0.0);
    for (chip, price) in resolved.chips.iter().zip(priced) {
        let Some(p) = price else { continue };
        if p.rented != site.rented {
            continue;
        }
        let host = slot_option(chip.host_slot).and_then(crate::catalog::slot_code);
        let same_host = match host {
            Some(code) => code == site.country,
            None => chip.line.hosted_in.as_deref() == Some(&*site.country),
        };
        let same_provider = match (&chip.line.tenure, &site.provider) {
            (crate::plan::Tenure::Rented { provider, .. }, Some(p)) => provider.as_str() == &**p,
            (crate::plan::Tenure::Owned, None) => true,
            _ => false,
        };
        if !(same_host && same_provider) {
            continue;
        }
        count += p.count;
        sum += p.count
            * if p.rented {
                p.rent_usd_per_hour
            } else {
                let t = slot_option(chip.host_slot)
                    .map_or(a.electricity_usd_per_mwh, |s| tariff(&draws[s]));
                p.owned_usd_per_hour(a, t)
            };
    }
    (if count > 0.0 { sum / count } else { 0.0 }, site.rented)
}

/// What buying an owned chip line costs at once: its accelerators with their systems, and the
/// facility build-out for their IT load when the plan builds (0 for a rented line or an unknown
/// accelerator), in US dollars. The roadmap spends it in the year the line arrives.
pub fn owned_line_capex_usd(plan: &Plan, catalog: &Catalog, line: &crate::plan::ChipLine) -> f64 {
    if !matches!(line.tenure, crate::plan::Tenure::Owned) {
        return 0.0;
    }
    let Some(acc) = plan.accelerator(catalog, &line.accelerator) else {
        return 0.0;
    };
    let c = &plan.assumptions.costs;
    let p = lines::price(line, acc, &plan.assumptions, catalog, &Bands::ZERO);
    let facility = match c.facility {
        FacilityMode::Build => p.count * p.it_kw / 1000.0 * c.build_usd_per_mw,
        FacilityMode::Colocation => 0.0,
    };
    p.count * p.system_usd(c.systems_factor) + facility
}
