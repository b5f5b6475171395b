//! Shocks: what happens to a plan when a foreign supplier says no (plan format 5).
//!
//! Each rule is applied to a copy of the plan ([`Plan::under_shock`]); the plan itself is never
//! changed. A shock starts in a year (a roadmap year, or at once for a plan without one):
//!
//! - **Cloud withdraws** (country): rented capacity whose provider is headquartered there or that
//!   is hosted there is gone from the day of the shock.
//! - **Export licences denied** (designer country, members): no new accelerator designed there
//!   reaches the members named (all when none are): lines that would arrive in or after the
//!   shock year do not (lines dated in the roadmap's first year are its starting position and
//!   count as installed); owned chips already installed keep working until the end of their
//!   life and are not replaced. Rented capacity is the cloud rule's business.
//! - **Fabrication disrupted** / **memory supply disrupted** (country): planned accelerators whose
//!   logic is fabricated there (or whose HBM comes from there) do not arrive; installed ones keep
//!   working until the end of their life.
//! - **Model developer stops** (country): the consortium keeps the open weights it has — that is
//!   the point of open weights — but roadmap changes to models from a developer there do not
//!   happen.
//! - **Foreign experts leave**: every line's foreign FTE are gone.
//! - **Imported electricity stops**: every power line loses its imported share.
//!
//! A shock combines any of these rules; the plan may keep its own ([`Plan::shocks`]).

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

use super::{Plan, Tenure};

/// One rule of a shock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShockRule {
    /// Rented capacity from providers headquartered in, or hosted in, this country is gone.
    CloudWithdraws {
        /// ISO 3166-1 alpha-2 code.
        country: String,
    },
    /// No new accelerators designed in this country reach these members (all when empty).
    ExportDenied {
        /// The designer's (vendor's) country code.
        designer_country: String,
        /// Member codes the denial applies to; empty = every member.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        members: Vec<String>,
    },
    /// Planned accelerators fabricated in this country do not arrive.
    FabricationDisrupted {
        /// The foundry's country code (e.g. `TW`).
        country: String,
    },
    /// Planned accelerators whose high-bandwidth memory comes from this country do not arrive.
    MemoryDisrupted {
        /// The memory supplier's country code (e.g. `KR`).
        country: String,
    },
    /// Model changes to models from developers in this country do not happen.
    ModelDeveloperStops {
        /// The developer's country code.
        country: String,
    },
    /// Foreign experts leave.
    ForeignExpertsLeave,
    /// Imported electricity stops.
    ImportedPowerStops,
}

impl ShockRule {
    /// A stable machine key, e.g. `cloud:US`, `export:US`, `fab:TW`, `memory:KR`, `model:US`,
    /// `experts`, `imported_power`.
    pub fn key(&self) -> String {
        match self {
            ShockRule::CloudWithdraws { country } => format!("cloud:{country}"),
            ShockRule::ExportDenied {
                designer_country,
                members,
            } if members.is_empty() => format!("export:{designer_country}"),
            ShockRule::ExportDenied {
                designer_country,
                members,
            } => format!("export:{designer_country}>{}", members.join("+")),
            ShockRule::FabricationDisrupted { country } => format!("fab:{country}"),
            ShockRule::MemoryDisrupted { country } => format!("memory:{country}"),
            ShockRule::ModelDeveloperStops { country } => format!("model:{country}"),
            ShockRule::ForeignExpertsLeave => "experts".to_string(),
            ShockRule::ImportedPowerStops => "imported_power".to_string(),
        }
    }

    /// What the rule does, in plain words, with country names from the catalog.
    pub fn describe(&self, catalog: &Catalog) -> String {
        let name = |code: &str| {
            catalog
                .country(code)
                .map_or_else(|| code.to_string(), |c| c.name.clone())
        };
        match self {
            ShockRule::CloudWithdraws { country } => format!(
                "Clouds under {} withdraw: rented capacity from providers headquartered or hosted there is gone.",
                name(country)
            ),
            ShockRule::ExportDenied {
                designer_country,
                members,
            } => format!(
                "Export licences denied: no new accelerators designed in {} reach {}; installed ones keep working to the end of their life.",
                name(designer_country),
                if members.is_empty() {
                    "any member".to_string()
                } else {
                    members.join(", ")
                }
            ),
            ShockRule::FabricationDisrupted { country } => format!(
                "Chip fabrication in {} is disrupted: planned accelerators made there do not arrive.",
                name(country)
            ),
            ShockRule::MemoryDisrupted { country } => format!(
                "Memory supply from {} is disrupted: planned accelerators with its HBM do not arrive.",
                name(country)
            ),
            ShockRule::ModelDeveloperStops { country } => format!(
                "Model developers in {} stop releasing or change their licences: the consortium keeps the open weights it has, but planned changes to their models do not happen.",
                name(country)
            ),
            ShockRule::ForeignExpertsLeave => "Foreign experts leave.".to_string(),
            ShockRule::ImportedPowerStops => "Imported electricity stops.".to_string(),
        }
    }
}

/// A named shock of one or more rules, from a year on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shock {
    /// What the planners call it.
    pub name: String,
    /// Its rules, all applied.
    pub rules: Vec<ShockRule>,
    /// The year it starts (`None`: the roadmap's first year, or at once without a roadmap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<u16>,
}

impl Plan {
    /// The plan with `rules` applied from `from_year` (`None`: from the start), as seen in
    /// `year` (`None`: a plan without a roadmap). Returns a copy; `self` is untouched.
    pub fn under_shock(
        &self,
        catalog: &Catalog,
        rules: &[ShockRule],
        from_year: Option<u16>,
        year: Option<u16>,
    ) -> Plan {
        let mut plan = self.clone();
        let start = self.roadmap.as_ref().map(|r| r.start_year);
        let shock_year = from_year.or(start);
        // Whether the shock has begun in `year`.
        let active = match (year, shock_year) {
            (Some(y), Some(s)) => y >= s,
            _ => true,
        };
        if !active {
            return plan;
        }
        let life = self.assumptions.costs.hardware_life_years.ceil().max(1.0) as u16;
        for rule in rules {
            match rule {
                ShockRule::CloudWithdraws { country } => {
                    for m in &mut plan.members {
                        m.chips.retain(|c| match &c.tenure {
                            Tenure::Rented {
                                provider_country, ..
                            } => {
                                provider_country != country
                                    && c.hosted_in.as_deref() != Some(country.as_str())
                            }
                            Tenure::Owned => true,
                        });
                    }
                }
                ShockRule::ExportDenied {
                    designer_country,
                    members,
                } => {
                    let hit = |acc: Option<&crate::catalog::Accelerator>| {
                        acc.is_some_and(|a| &a.vendor_country == designer_country)
                    };
                    cut_planned(&mut plan, catalog, shock_year, start, life, &|code, acc| {
                        (members.is_empty() || members.iter().any(|m| m == code)) && hit(acc)
                    });
                }
                ShockRule::FabricationDisrupted { country } => {
                    cut_planned(&mut plan, catalog, shock_year, start, life, &|_, acc| {
                        acc.is_some_and(|a| a.fab_countries.iter().any(|c| c == country))
                    });
                }
                ShockRule::MemoryDisrupted { country } => {
                    cut_planned(&mut plan, catalog, shock_year, start, life, &|_, acc| {
                        acc.is_some_and(|a| {
                            a.memory_supplier_countries.iter().any(|c| c == country)
                        })
                    });
                }
                ShockRule::ModelDeveloperStops { country } => {
                    let from = shock_year;
                    let models = plan.custom_models.clone();
                    if let Some(r) = &mut plan.roadmap {
                        r.model_changes.retain(|c| {
                            let dev = models
                                .iter()
                                .find(|m| m.id == c.base_model)
                                .or_else(|| catalog.model(&c.base_model))
                                .map(|m| m.developer_country.as_str());
                            !(dev == Some(country.as_str()) && from.is_none_or(|f| c.year >= f))
                        });
                    }
                }
                ShockRule::ForeignExpertsLeave => {
                    for m in &mut plan.members {
                        for e in &mut m.experts {
                            e.fte = (e.fte - e.foreign_fte).max(0.0);
                            e.foreign_fte = 0.0;
                        }
                    }
                }
                ShockRule::ImportedPowerStops => {
                    for m in &mut plan.members {
                        for p in &mut m.power {
                            p.mw *= 1.0 - p.imported_share;
                            p.imported_share = 0.0;
                        }
                    }
                }
            }
        }
        plan
    }
}

/// Owned chip lines hit by a supply rule: those arriving in or after the shock year are dropped;
/// those installed before keep working to the end of their life (an undated line, installed at
/// the start, is not replaced: it ends after one life).
fn cut_planned(
    plan: &mut Plan,
    catalog: &Catalog,
    shock_year: Option<u16>,
    start: Option<u16>,
    life: u16,
    hit: &dyn Fn(&str, Option<&crate::catalog::Accelerator>) -> bool,
) {
    let customs = plan.custom_accelerators.clone();
    for m in &mut plan.members {
        let code = m.country.clone();
        let joins = m.joins;
        m.chips.retain_mut(|c| {
            if c.tenure != Tenure::Owned {
                return true;
            }
            let acc = customs
                .iter()
                .find(|a| a.id == c.accelerator)
                .or_else(|| catalog.accelerator(&c.accelerator));
            if !hit(&code, acc) {
                return true;
            }
            let arrival = c.years.first.or(joins).or(start);
            match (arrival, shock_year) {
                // Arrives at or after the shock: it never comes. (Lines dated in the roadmap's
                // first year are the consortium's starting position: installed.)
                (Some(a), Some(s))
                    if (a > s || (a == s && Some(s) != start))
                        && (c.years.first.is_some() || joins.is_some()) =>
                {
                    false
                }
                // Installed before the shock (or undated, installed at the start): it works to
                // the end of its life and is not replaced.
                (Some(a), Some(_)) => {
                    if c.years.last.is_none() {
                        c.years.first = Some(a);
                        c.years.last = Some(a.saturating_add(life - 1));
                    }
                    true
                }
                _ => true,
            }
        });
    }
}
