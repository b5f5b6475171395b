//! Each member's stake in the pool beside its share of population and GDP.
//!
//! Value contributed = chips at catalog price (or, without a price, BF16 PFLOP/s × the assumed value
//! per PFLOP/s) + one year of its power at the assumed tariff + one year of its experts at the assumed
//! value per FTE. Stake = member value ÷ total value.

use crate::catalog::Price;
use crate::plan::Plan;

use super::capacity::HOURS_PER_YEAR;
use super::report::MemberFigures;

/// Fills value, stake, population and GDP shares of every member.
pub fn fill(plan: &Plan, members: &mut [MemberFigures]) {
    let a = &plan.assumptions;
    // One pass fills each member's values and sums the totals (in plan order), so that the
    // member figures, too large to stay in the nearest cache, are read once more rather than four
    // times.
    let (mut total_value, mut total_population, mut total_gdp) = (0.0, 0.0, 0.0);
    for fig in members.iter_mut() {
        fig.power_usd = fig.power_mw * HOURS_PER_YEAR * a.electricity_usd_per_mwh;
        fig.experts_usd = fig.experts_fte * a.expert_usd_per_fte_year;
        total_value += fig.value_usd();
        if let Some(population) = fig.population {
            total_population += population;
        }
        if let Some(gdp) = fig.gdp_usd {
            total_gdp += gdp;
        }
    }
    for fig in members.iter_mut() {
        fig.stake = ratio(fig.value_usd(), total_value);
        fig.population_share = ratio(fig.population.unwrap_or(0.0), total_population);
        fig.gdp_share = ratio(fig.gdp_usd.unwrap_or(0.0), total_gdp);
    }
}

/// Value of one accelerator in US dollars: its price estimate, else its BF16 peak at the assumed
/// value per PFLOP/s.
pub fn unit_value_usd(acc: &crate::catalog::Accelerator, usd_per_bf16_pflops: f64) -> f64 {
    match acc.price {
        Price::EstimateUsd(usd) => usd,
        Price::RentOnly | Price::Unknown => {
            acc.bf16_tflops.unwrap_or(0.0) / 1000.0 * usd_per_bf16_pflops
        }
    }
}

/// `part / whole`, or 0 when the whole is 0.
pub fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 { part / whole } else { 0.0 }
}
