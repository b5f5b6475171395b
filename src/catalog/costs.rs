//! Dated public prices the budget defaults to: rental rates per accelerator and exchange rates.
//!
//! Prices move: every row says when it was read and where. A plan may replace any of them
//! (`CostAssumptions::rental_rates`, `exchange_rates`).

use serde::{Deserialize, Serialize};

use super::Confidence;
use crate::plan::RentalTerm;

/// The catalog's cost tables (`assets/costs.ron`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostTable {
    /// Rental prices per accelerator, in catalog order.
    pub rental: Vec<RentalPrice>,
    /// Where the exchange rates come from, and for which period.
    pub exchange_source: String,
    /// The day or period the exchange rates are for, e.g. `2025 average`.
    pub exchange_period: String,
    /// US dollars per unit of each currency.
    pub exchange: Vec<CurrencyRate>,
}

/// What renting one accelerator for one hour costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RentalPrice {
    /// Accelerator id in `accelerators.ron`.
    pub accelerator: String,
    /// List price without commitment, in US dollars per accelerator-hour.
    pub on_demand_usd_per_hour: f64,
    /// Price with a one-year commitment, in US dollars per accelerator-hour.
    pub reserved_usd_per_hour: f64,
    /// Where the prices come from.
    pub source: String,
    /// When they were read, `YYYY-MM-DD` (or `YYYY-MM`).
    pub read_on: String,
    /// How sure the catalog is.
    pub confidence: Confidence,
    /// Spread between sources and other remarks.
    #[serde(default)]
    pub notes: String,
}

impl RentalPrice {
    /// The price for a rental term, in US dollars per accelerator-hour.
    pub fn usd_per_hour(&self, term: RentalTerm) -> f64 {
        match term {
            RentalTerm::OnDemand => self.on_demand_usd_per_hour,
            RentalTerm::Reserved => self.reserved_usd_per_hour,
        }
    }
}

/// One currency's value in US dollars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyRate {
    /// ISO 4217 code.
    pub currency: String,
    /// Display name, e.g. "Chilean peso".
    pub name: String,
    /// US dollars per unit.
    pub usd_per_unit: f64,
    /// How sure the catalog is of the rate.
    pub confidence: Confidence,
    /// Pegs, volatility, where a rate comes from when not from the table's source.
    #[serde(default)]
    pub note: String,
}

impl CostTable {
    /// The catalog's rental price for an accelerator id.
    pub fn rental(&self, accelerator: &str) -> Option<&RentalPrice> {
        self.rental.iter().find(|r| r.accelerator == accelerator)
    }

    /// The catalog's exchange rate for a currency code (USD is 1), in US dollars per unit.
    pub fn usd_per_unit(&self, currency: &str) -> Option<f64> {
        if currency.eq_ignore_ascii_case("USD") {
            return Some(1.0);
        }
        self.exchange
            .iter()
            .find(|r| r.currency.eq_ignore_ascii_case(currency))
            .map(|r| r.usd_per_unit)
    }

    /// Checks the table: positive finite prices and rates, reserved at most on-demand, codes of
    /// three capitals, each id and code once.
    pub fn check(&self) -> Result<(), String> {
        for (i, r) in self.rental.iter().enumerate() {
            let ok = |v: f64| v.is_finite() && v > 0.0;
            if !ok(r.on_demand_usd_per_hour) || !ok(r.reserved_usd_per_hour) {
                return Err(format!("{}: rental prices must be above 0", r.accelerator));
            }
            if r.reserved_usd_per_hour > r.on_demand_usd_per_hour {
                return Err(format!(
                    "{}: the reserved price exceeds the on-demand price",
                    r.accelerator
                ));
            }
            if self.rental[..i]
                .iter()
                .any(|o| o.accelerator == r.accelerator)
            {
                return Err(format!("{} is listed twice", r.accelerator));
            }
        }
        for (i, r) in self.exchange.iter().enumerate() {
            if r.currency.len() != 3 || !r.currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!("{:?} is not an ISO 4217 code", r.currency));
            }
            if !(r.usd_per_unit.is_finite() && r.usd_per_unit > 0.0) {
                return Err(format!("{}: the rate must be above 0", r.currency));
            }
            if self.exchange[..i].iter().any(|o| o.currency == r.currency) {
                return Err(format!("{} is listed twice", r.currency));
            }
        }
        Ok(())
    }
}
