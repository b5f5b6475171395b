//! Prices per chip line: what an owned accelerator costs to buy and per hour, and what renting
//! one costs per hour.

use crate::catalog::{Accelerator, Catalog, Confidence, Price};
use crate::plan::{Assumptions, ChipLine, Tenure};

use super::super::calibration::{self, Bands};
use super::super::capacity::{HOURS_PER_YEAR, facility_w};
use super::super::stakes::unit_value_usd;

/// The catalog accelerator whose rental rate prices accelerators without one, scaled by their
/// dense BF16 peak.
pub const RATE_REFERENCE: &str = "nvidia_h100_sxm";

/// One chip line priced.
#[derive(Debug, Clone, Copy)]
pub struct LinePrice {
    /// Accelerators on the line.
    pub count: f64,
    /// Whether the line is rented.
    pub rented: bool,
    /// Price of one accelerator, in US dollars.
    pub unit_usd: f64,
    /// Whether `unit_usd` is an estimate from the value per PFLOP/s (no price known).
    pub unit_estimated: bool,
    /// Relative spread of `unit_usd` (catalog confidence; wide for estimates; 0 for a price the
    /// plan gives).
    pub unit_band: f64,
    /// Rental rate of one accelerator, in US dollars per hour.
    pub rent_usd_per_hour: f64,
    /// Whether `rent_usd_per_hour` is scaled from the reference chip's rate.
    pub rent_estimated: bool,
    /// Relative spread of the rental rate.
    pub rent_band: f64,
    /// Facility power of one accelerator, in kW.
    pub facility_kw: f64,
    /// IT power of one accelerator with its server share (facility power ÷ PUE), in kW: what
    /// build-out and colocation prices are quoted per.
    pub it_kw: f64,
}

/// Spread of a rental rate between providers of the same term, on top of the catalog's
/// confidence: list prices of neoclouds and hyperscalers differ by about ± 25 %.
pub const RENTAL_PROVIDER_BAND: f64 = 0.25;

/// Prices one line with accelerator `acc`.
pub fn price(
    line: &ChipLine,
    acc: &Accelerator,
    assumptions: &Assumptions,
    catalog: &Catalog,
    bands: &Bands,
) -> LinePrice {
    let costs = &assumptions.costs;
    let (unit_usd, unit_estimated, unit_band) = match (line.price_usd, &acc.price) {
        (Some(usd), _) => (usd, false, 0.0),
        (None, Price::EstimateUsd(usd)) => (
            *usd,
            false,
            bands.confidence(acc.price_confidence.unwrap_or(acc.confidence)),
        ),
        (None, Price::RentOnly | Price::Unknown) => (
            unit_value_usd(acc, assumptions.chip_value_usd_per_bf16_pflops),
            true,
            bands.confidence(Confidence::Low),
        ),
    };
    let (rent_usd_per_hour, rent_estimated, rent_band) =
        match costs.rental_override(&line.accelerator) {
            Some(rate) => (rate, false, 0.0),
            None => match catalog.costs.rental(&acc.id) {
                Some(r) => (
                    r.usd_per_hour(costs.rental_term),
                    false,
                    quadrature(RENTAL_PROVIDER_BAND, bands.confidence(r.confidence)),
                ),
                None => {
                    let reference = catalog.costs.rental(RATE_REFERENCE);
                    let peak = catalog
                        .accelerator(RATE_REFERENCE)
                        .and_then(|a| a.bf16_tflops);
                    let rate = match (reference, peak, acc.bf16_tflops) {
                        (Some(r), Some(p), Some(t)) if p > 0.0 => {
                            r.usd_per_hour(costs.rental_term) * t / p
                        }
                        _ => 0.0,
                    };
                    (
                        rate,
                        true,
                        quadrature(RENTAL_PROVIDER_BAND, bands.confidence(Confidence::Low)),
                    )
                }
            },
        };
    LinePrice {
        count: f64::from(line.count),
        rented: matches!(line.tenure, Tenure::Rented { .. }),
        unit_usd,
        unit_estimated,
        unit_band,
        rent_usd_per_hour,
        rent_estimated,
        rent_band,
        facility_kw: facility_w(acc, assumptions) / 1000.0,
        it_kw: facility_w(acc, assumptions) / 1000.0 / calibration::pue(acc, assumptions),
    }
}

/// √(a² + b²).
pub fn quadrature(a: f64, b: f64) -> f64 {
    (a * a + b * b).sqrt()
}

impl LinePrice {
    /// One accelerator with its servers, network and storage, in US dollars.
    pub fn system_usd(&self, systems_factor: f64) -> f64 {
        self.unit_usd * (1.0 + systems_factor)
    }

    /// What an owned accelerator costs per hour of the year: its system amortised over the
    /// hardware life, operations, the facility (amortised build-out or colocation) and energy at
    /// `usd_per_mwh`, in US dollars per hour.
    pub fn owned_usd_per_hour(&self, a: &Assumptions, usd_per_mwh: f64) -> f64 {
        let c = &a.costs;
        let system = self.system_usd(c.systems_factor);
        let facility_per_year = match c.facility {
            crate::plan::FacilityMode::Build => {
                self.it_kw / 1000.0 * c.build_usd_per_mw / c.facility_life_years
            }
            crate::plan::FacilityMode::Colocation => {
                self.it_kw * c.colocation_usd_per_kw_month * 12.0
            }
        };
        let per_year = system / c.hardware_life_years
            + system * c.operations_share_per_year
            + facility_per_year;
        per_year / HOURS_PER_YEAR + self.facility_kw / 1000.0 * usd_per_mwh
    }
}
