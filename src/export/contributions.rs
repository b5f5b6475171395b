//! One row per contribution line of every member: the CSV export and the report's table.

use crate::catalog::Catalog;
use crate::plan::{Plan, Tenure};

/// One contribution line of one member.
#[derive(Debug, Clone, PartialEq)]
pub struct ContributionRow {
    /// Member's ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Member's name (the code when unknown).
    pub member: String,
    /// `chips`, `power`, `experts` or `funding`.
    pub kind: &'static str,
    /// Accelerator id, power source, expert role key, or `funding`.
    pub item: String,
    /// Readable name of the item: accelerator name, power source, role.
    pub item_name: String,
    /// How many: accelerators, MW, FTE or the amount of money.
    pub quantity: f64,
    /// Unit of `quantity`: `accelerators`, `MW`, `FTE` or the currency code.
    pub unit: String,
    /// `owned` or `rented` (chips only).
    pub tenure: String,
    /// Rental provider and its country code (rented chips only).
    pub provider: String,
    /// Provider's country code (rented chips only).
    pub provider_country: String,
    /// Where chips are hosted or power is produced (country code; the member's own by default).
    pub location: String,
    /// Imported share of the power, 0 to 1 (power only).
    pub imported_share: Option<f64>,
    /// Foreign FTE among the experts (experts only).
    pub foreign_fte: Option<f64>,
}

/// Column names of [`ContributionRow`], in CSV order.
pub const COLUMNS: [&str; 13] = [
    "country",
    "member",
    "kind",
    "item",
    "item_name",
    "quantity",
    "unit",
    "tenure",
    "provider",
    "provider_country",
    "location",
    "imported_share",
    "foreign_fte",
];

/// Every contribution line of the plan, member by member in plan order.
pub fn rows(plan: &Plan, catalog: &Catalog) -> Vec<ContributionRow> {
    let mut out = Vec::new();
    for m in &plan.members {
        let base = ContributionRow {
            country: m.country.clone(),
            member: catalog.country_name(&m.country).to_string(),
            kind: "",
            item: String::new(),
            item_name: String::new(),
            quantity: 0.0,
            unit: String::new(),
            tenure: String::new(),
            provider: String::new(),
            provider_country: String::new(),
            location: String::new(),
            imported_share: None,
            foreign_fte: None,
        };
        for c in &m.chips {
            let (tenure, provider, provider_country) = match &c.tenure {
                Tenure::Owned => ("owned", String::new(), String::new()),
                Tenure::Rented {
                    provider,
                    provider_country,
                } => ("rented", provider.clone(), provider_country.clone()),
            };
            out.push(ContributionRow {
                kind: "chips",
                item: c.accelerator.clone(),
                item_name: plan.accelerator(catalog, &c.accelerator).map_or_else(
                    || format!("unknown ({})", c.accelerator),
                    |a| a.name.clone(),
                ),
                quantity: f64::from(c.count),
                unit: "accelerators".into(),
                tenure: tenure.into(),
                provider,
                provider_country,
                location: c.hosted_in.clone().unwrap_or_else(|| m.country.clone()),
                ..base.clone()
            });
        }
        for p in &m.power {
            out.push(ContributionRow {
                kind: "power",
                item: format!("{:?}", p.source),
                item_name: p.source.label().into(),
                quantity: p.mw,
                unit: "MW".into(),
                location: p.site.clone().unwrap_or_else(|| m.country.clone()),
                imported_share: Some(p.imported_share),
                ..base.clone()
            });
        }
        for e in &m.experts {
            out.push(ContributionRow {
                kind: "experts",
                item: format!("{:?}", e.role),
                item_name: e.role.label().into(),
                quantity: e.fte,
                unit: "FTE".into(),
                foreign_fte: Some(e.foreign_fte),
                ..base.clone()
            });
        }
        if let Some(f) = &m.funding {
            out.push(ContributionRow {
                kind: "funding",
                item: "funding".into(),
                item_name: "funding".into(),
                quantity: f.amount,
                unit: f.currency.clone(),
                ..base.clone()
            });
        }
    }
    out
}
