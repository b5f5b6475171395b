//! The budget's figures: plain data the UI, the CLI and the exports read.

use crate::plan::FairShareRule;

use super::super::ranges::Range;

/// What the consortium costs, who pays, and renting against owning.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetFigures {
    /// Years the totals cover.
    pub horizon_years: f64,
    /// One-off spending at the start.
    pub one_off: OneOffCosts,
    /// Yearly costs, annualised (amortisation included).
    pub yearly: YearlyCosts,
    /// Σ of `one_off`, in US dollars.
    pub one_off_usd: f64,
    /// Low and high ends of `one_off_usd`.
    pub one_off_usd_range: Range,
    /// Cash spent each year on running the consortium (energy, colocation, operations, staff,
    /// rented serving): the yearly costs without amortisation, in US dollars.
    pub running_usd_per_year: f64,
    /// The consortium's cost per year: amortisation + running costs + one-off workload rentals
    /// spread over the horizon, in US dollars.
    pub per_year_usd: f64,
    /// Low and high ends of `per_year_usd`.
    pub per_year_usd_range: Range,
    /// Cash over the horizon: hardware bought `hardware_purchases` times, the facility built
    /// once per facility life, running costs every year, one-off rentals once, in US dollars.
    pub total_usd: f64,
    /// Low and high ends of `total_usd`.
    pub total_usd_range: Range,
    /// How many times the owned hardware is bought within the horizon (replaced at the end of
    /// its life).
    pub hardware_purchases: u32,
    /// Members' cash pledges, converted to US dollars.
    pub funding_usd: f64,
    /// Members' in-kind contributions over the horizon (chips, rented lines, power, experts),
    /// valued at cost, in US dollars.
    pub in_kind_usd: f64,
    /// (cash + in-kind) ÷ total, 0 when the total is 0.
    pub funded_share: f64,
    /// What is left to find: total − cash − in-kind, at least 0, in US dollars.
    pub gap_usd: f64,
    /// Currency codes of funding lines with no exchange rate (their amounts are not counted).
    pub unknown_currencies: Vec<String>,
    /// Owned accelerators priced by the value-per-PFLOP/s estimate (no price known).
    pub estimated_accelerators: u64,
    /// Rented accelerator-hours priced by a rate estimated from the H100's (no rate known).
    pub estimated_rental_hours: f64,
    /// The rule `MemberBudget::fair_share_usd` follows.
    pub rule: FairShareRule,
    /// Whether any workload names the members that need it (otherwise the use rule splits every
    /// workload among all members).
    pub use_listed: bool,
    /// Renting all capacity against owning it, over the horizon.
    pub rent_vs_own: RentVsOwn,
}

/// One-off spending, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct OneOffCosts {
    /// Owned accelerators at their price (the line's, the catalog's, or estimated).
    pub chips_usd: f64,
    /// Servers, network and storage around them: chips × the systems factor.
    pub systems_usd: f64,
    /// Facility build-out: owned chips' IT MW × cost per MW of IT load (0 with colocation).
    pub facility_usd: f64,
    /// Training runs on rented sites: their accelerator-hours × the rental rate.
    pub workload_rental_usd: f64,
}

/// Yearly costs, in US dollars per year.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct YearlyCosts {
    /// (chips + systems) ÷ hardware life.
    pub hardware_amortisation_usd: f64,
    /// Facility build-out ÷ facility life.
    pub facility_amortisation_usd: f64,
    /// Owned sites' facility power all year at full load × the site's tariff.
    pub energy_usd: f64,
    /// Colocation: IT kW × price per kW-month × 12 (0 when building).
    pub colocation_usd: f64,
    /// Maintenance, support and insurance: operations share × (chips + systems).
    pub operations_usd: f64,
    /// The members' experts: FTE × cost per role × member cost level.
    pub staff_usd: f64,
    /// Experts the workloads need beyond those listed, hired at the assumed cost.
    pub staff_hire_usd: f64,
    /// Serving on rented accelerators: the hours used × the rental rate.
    pub rented_compute_usd: f64,
}

impl YearlyCosts {
    /// Amortisation of the one-off costs.
    pub fn amortisation_usd(&self) -> f64 {
        self.hardware_amortisation_usd + self.facility_amortisation_usd
    }

    /// Cash costs of a year (everything but amortisation).
    pub fn running_usd(&self) -> f64 {
        self.energy_usd
            + self.colocation_usd
            + self.operations_usd
            + self.staff_usd
            + self.staff_hire_usd
            + self.rented_compute_usd
    }

    /// Σ of every category: amortisation + running costs, in US dollars per year.
    pub fn total_usd(&self) -> f64 {
        self.amortisation_usd() + self.running_usd()
    }

    /// Each category's share of [`YearlyCosts::total_usd`], 0 to 1, in the order of
    /// [`YearlyCosts::categories`] (all 0 when the total is 0).
    pub fn shares(&self) -> [f64; 8] {
        let total = self.total_usd();
        self.categories()
            .map(|(_, _, usd)| if total > 0.0 { usd / total } else { 0.0 })
    }

    /// The categories with their machine names, in display order.
    pub fn categories(&self) -> [(&'static str, &'static str, f64); 8] {
        [
            (
                "hardware_amortisation",
                "Hardware amortisation",
                self.hardware_amortisation_usd,
            ),
            (
                "facility_amortisation",
                "Facility amortisation",
                self.facility_amortisation_usd,
            ),
            ("energy", "Energy", self.energy_usd),
            ("colocation", "Colocation", self.colocation_usd),
            ("operations", "Operations", self.operations_usd),
            ("staff", "Staff", self.staff_usd),
            ("staff_hire", "Staff to hire", self.staff_hire_usd),
            ("rented_compute", "Rented compute", self.rented_compute_usd),
        ]
    }
}

/// Renting every accelerator-hour the workloads use against owning the pool, over the horizon.
/// Staff are left out of both paths: the same team is needed either way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RentVsOwn {
    /// Accelerators in the pool.
    pub accelerators: u64,
    /// Accelerator-hours the workloads use over the horizon (each training run once, serving
    /// every year).
    pub used_hours: f64,
    /// Share of the pool's hours the workloads use, 0 to 1.
    pub utilisation: f64,
    /// Renting those hours at the rental rates, in US dollars.
    pub rent_total_usd: f64,
    /// Buying the pool (replaced at the end of its life), its facility and operations, and its
    /// energy at full load, in US dollars.
    pub own_total_usd: f64,
    /// The utilisation at which owning costs what renting the same hours would; above 1, owning
    /// never pays at these prices. `None` without accelerators or rates.
    pub break_even_utilisation: Option<f64>,
    /// Year (from the start, fractional) at which renting's cumulative cost passes owning's, if
    /// within the horizon.
    pub crossing_year: Option<f64>,
    /// Cumulative cost at the end of each year 0..=horizon: `[year, rent_usd, own_usd]`.
    pub cumulative: Vec<[f64; 3]>,
    /// Hosting dependency if everything is rented: the share of capacity under a provider from
    /// outside the consortium (1 when the plan rents nothing: a foreign cloud is assumed).
    pub rent_hosting_foreign_share: f64,
    /// Hosting dependency if the pool is owned: the share of owned capacity hosted outside the
    /// members.
    pub own_hosting_foreign_share: f64,
}

/// One member's side of the bill.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MemberBudget {
    /// Its owned chips with their systems, at cost, in US dollars.
    pub chips_usd: f64,
    /// Rented capacity it pays for over the horizon, in US dollars.
    pub rented_usd: f64,
    /// The energy its power lines deliver to the consortium's chips over the horizon, in US
    /// dollars.
    pub power_usd: f64,
    /// Its experts over the horizon at its cost level, in US dollars.
    pub experts_usd: f64,
    /// Its cash pledge in US dollars (0 for an unknown currency).
    pub cash_usd: f64,
    /// Everything it brings: in-kind + cash, in US dollars.
    pub brings_usd: f64,
    /// Its share of the total under the plan's rule, in US dollars.
    pub fair_share_usd: f64,
    /// brings − fair share (negative: it owes), in US dollars.
    pub balance_usd: f64,
    /// Its share under each rule, 0 to 1 (index = [`FairShareRule::index`]).
    pub shares: [f64; 5],
    /// What its own workloads would cost it alone over the horizon: training and its
    /// population's part of serving on rented capacity, and the team at its cost level, in US
    /// dollars.
    pub alone_usd: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_shares_add_up_to_the_yearly_total() {
        let y = YearlyCosts {
            hardware_amortisation_usd: 60.0,
            energy_usd: 30.0,
            staff_usd: 10.0,
            ..YearlyCosts::default()
        };
        assert_eq!(y.total_usd(), 100.0);
        let s = y.shares();
        assert_eq!(s[0], 0.6);
        assert_eq!(s[2], 0.3);
        assert_eq!(s[5], 0.1);
        assert_eq!(YearlyCosts::default().shares(), [0.0; 8]);
    }
}
