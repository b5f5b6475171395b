//! Converting members' pledges to US dollars.

use crate::catalog::Catalog;
use crate::plan::Plan;

/// US dollars per unit of `currency`: the plan's own rate, else the catalog's dated rate
/// (USD is 1); `None` for a currency neither knows.
pub fn usd_per_unit(plan: &Plan, catalog: &Catalog, currency: &str) -> Option<f64> {
    plan.assumptions
        .costs
        .exchange_override(currency)
        .or_else(|| catalog.costs.usd_per_unit(currency))
}
