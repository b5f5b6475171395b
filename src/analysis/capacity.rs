//! Pooled hardware and facility power.
//!
//! Formulas: pooled peak = Σ count × dense peak; IT power = Σ count × TDP × server overhead
//! (the overhead depends on what the TDP covers, see `calibration`); facility power = Σ IT power ×
//! PUE (the liquid-cooled PUE for liquid-cooled parts); its range multiplies each line by the
//! overhead, PUE and catalog-confidence bands; energy per year = facility power × 8,760 h. Rented capacity
//! is powered by its provider, so members must supply only the rest: headroom = contributed −
//! (required − rented).

use crate::catalog::Accelerator;
use crate::plan::{Assumptions, Plan, Precision, Tenure};

use super::calibration::{self, Bands};
use super::ranges;
use super::report::{MemberFigures, Pooled, PowerFigures};
use super::resolved::Resolved;
use super::sites::{SiteBook, Sites};
use super::stakes::unit_value_usd;

/// Hours in a (non-leap) year.
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// Peak of one accelerator at a precision, in TFLOP/s: FP8 where the chip has it, else BF16.
pub fn peak_tflops(acc: &Accelerator, precision: Precision) -> f64 {
    let bf16 = acc.bf16_tflops.unwrap_or(0.0);
    match precision {
        Precision::Bf16 => bf16,
        Precision::Fp8 | Precision::Int8 | Precision::Int4 => acc.fp8_tflops.unwrap_or(bf16),
    }
}

/// Facility power of one accelerator, in watts: TDP × server overhead × PUE (0 when TDP unknown),
/// with the overhead for what the TDP covers and the PUE for the part's cooling.
pub fn facility_w(acc: &Accelerator, assumptions: &Assumptions) -> f64 {
    acc.tdp_w.unwrap_or(0.0)
        * calibration::overhead(acc, assumptions)
        * calibration::pue(acc, assumptions)
}

/// Sums each member's hardware, its chips' value and its power into its figures, the pool and the
/// sites (see `sites`), in one walk over the lines.
pub fn pool<'a>(
    plan: &'a Plan,
    resolved: &Resolved<'a>,
    members: &mut [MemberFigures],
    bands: &Bands,
) -> (Pooled, PowerFigures, Sites) {
    let a = &plan.assumptions;
    let mut pooled = Pooled::default();
    let mut power = PowerFigures::default();
    let mut sites = SiteBook::new(plan.members.len());
    // Σ peak × confidence band, for the pool's compute band.
    let mut peak_band_sum = 0.0;
    for chip in &resolved.chips {
        let Some(acc) = chip.acc else { continue };
        let (line, member) = (chip.line, chip.member);
        let fig = &mut members[member];
        let n = f64::from(line.count);
        fig.accelerators += u64::from(line.count);
        fig.bf16_pflops += n * acc.bf16_tflops.unwrap_or(0.0) / 1000.0;
        fig.fp8_pflops += n * acc.fp8_tflops.unwrap_or(0.0) / 1000.0;
        fig.memory_tb += n * acc.memory_gb.unwrap_or(0.0) / 1000.0;
        // The chips' value for the stakes (see `stakes`), in the same walk.
        fig.chips_usd += n * unit_value_usd(acc, a.chip_value_usd_per_bf16_pflops);
        let mw = n * facility_w(acc, a) / 1e6;
        if matches!(line.tenure, Tenure::Rented { .. }) {
            power.rented_mw += mw;
        } else {
            fig.required_mw += mw;
        }
        power.required_mw += mw;
        // IT power: what the servers draw before the facility's cooling (lines differ in PUE).
        power.it_mw += n * acc.tdp_w.unwrap_or(0.0) * calibration::overhead(acc, a) / 1e6;
        let confidence = bands.confidence(acc.confidence);
        let mw_range = ranges::proportional(
            mw,
            &[bands.overhead(acc.power_scope), bands.pue, confidence],
        );
        power.required_mw_range[0] += mw_range[0];
        power.required_mw_range[1] += mw_range[1];
        if !matches!(line.tenure, Tenure::Rented { .. }) {
            power.members_required_mw_range[0] += mw_range[0];
            power.members_required_mw_range[1] += mw_range[1];
        }
        let training = n * peak_tflops(acc, a.training_precision) / 1000.0;
        fig.training_pflops += training;
        let fp8_era = if acc.fp8_tflops.is_some() {
            training
        } else {
            0.0
        };
        pooled.training_pflops_fp8_era += fp8_era;
        peak_band_sum += training * confidence;
        let at = sites.chip(
            plan,
            chip,
            training,
            n * acc.memory_gb.unwrap_or(0.0) / 1000.0,
            mw,
        );
        sites.add_spread(at, fp8_era, training * confidence, mw_range);
        pooled.memory_bandwidth_tbs += n * acc.memory_bandwidth_tbs.unwrap_or(0.0);
        if acc.tdp_w.is_none() {
            power.accelerators_without_tdp += u64::from(line.count);
        }
    }
    for (member, fig) in plan.members.iter().zip(members.iter_mut()) {
        fig.power_mw = 0.0;
        for line in &member.power {
            fig.power_mw += line.mw;
            sites.power(line, &member.country);
        }
        pooled.accelerators += fig.accelerators;
        pooled.bf16_pflops += fig.bf16_pflops;
        pooled.fp8_pflops += fig.fp8_pflops;
        pooled.training_pflops += fig.training_pflops;
        pooled.memory_tb += fig.memory_tb;
        power.contributed_mw += fig.power_mw;
    }
    if pooled.training_pflops > 0.0 {
        pooled.peak_band = peak_band_sum / pooled.training_pflops;
    }

    power.members_required_mw = power.required_mw - power.rented_mw;
    power.headroom_mw = power.contributed_mw - power.members_required_mw;
    power.energy_mwh_per_year = power.required_mw * HOURS_PER_YEAR;
    power.energy_mwh_per_year_range = ranges::scale(power.required_mw_range, HOURS_PER_YEAR);
    power.cost_usd_per_year = power.energy_mwh_per_year * a.electricity_usd_per_mwh;
    let sites = sites.finish();
    power.shortfall_mw = sites.shortfall_mw;
    power.sites_short = sites.sites_short;
    (pooled, power, sites)
}
