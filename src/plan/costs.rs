//! Cost assumptions: the rates and factors the budget rests on (plan format 5).
//!
//! Defaults and their evidence: [`CostAssumptions::SOURCES`]. Rental rates and exchange rates
//! default to the catalog's dated tables (`assets/costs.ron`); the plan lists only the rates its
//! planners changed, each replacing the catalog's for that accelerator or currency.

use serde::{Deserialize, Serialize};

use super::assumptions::AssumptionSource;
use super::checks;
use super::member::ExpertRole;

/// Whether the consortium builds its own facility or rents space in one (colocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FacilityMode {
    /// Build (or fit out) a data hall: a one-off cost per MW of facility power, amortised over
    /// the facility's life.
    #[default]
    Build,
    /// Rent space, power delivery and cooling in a colocation centre: a yearly cost per kW.
    Colocation,
}

impl FacilityMode {
    /// Both modes, in display order.
    pub const ALL: [FacilityMode; 2] = [FacilityMode::Build, FacilityMode::Colocation];

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            FacilityMode::Build => "build a facility",
            FacilityMode::Colocation => "colocation",
        }
    }
}

/// Which rental price applies to rented accelerators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RentalTerm {
    /// Pay by the hour, no commitment (list prices).
    OnDemand,
    /// A one-year commitment at a lower hourly rate (three-year commitments cost less still).
    #[default]
    Reserved,
}

impl RentalTerm {
    /// Both terms, in display order.
    pub const ALL: [RentalTerm; 2] = [RentalTerm::OnDemand, RentalTerm::Reserved];

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            RentalTerm::OnDemand => "on demand",
            RentalTerm::Reserved => "reserved (1-year commitment)",
        }
    }
}

/// How the consortium's bill is shared out among its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FairShareRule {
    /// In proportion to GDP with the UN scale of assessments' floor (0.001 %) and ceiling (22 %)
    /// applied to each member's share.
    #[default]
    GdpUnScale,
    /// In proportion to GDP, as ESA's mandatory budget and (with net national income) CERN's
    /// contributions are set.
    Gdp,
    /// In proportion to population.
    Population,
    /// Equal shares.
    Equal,
    /// In proportion to each member's use of the workloads (the workloads' `members` lists).
    Use,
}

impl FairShareRule {
    /// Every rule, in display order.
    pub const ALL: [FairShareRule; 5] = [
        FairShareRule::GdpUnScale,
        FairShareRule::Gdp,
        FairShareRule::Population,
        FairShareRule::Equal,
        FairShareRule::Use,
    ];

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            FairShareRule::GdpUnScale => "GDP, UN floor and ceiling",
            FairShareRule::Gdp => "GDP (ESA, CERN)",
            FairShareRule::Population => "population",
            FairShareRule::Equal => "equal shares",
            FairShareRule::Use => "use of the workloads",
        }
    }

    /// Machine name, as in `report --json`.
    pub fn key(self) -> &'static str {
        match self {
            FairShareRule::GdpUnScale => "gdp_un_scale",
            FairShareRule::Gdp => "gdp",
            FairShareRule::Population => "population",
            FairShareRule::Equal => "equal",
            FairShareRule::Use => "use",
        }
    }

    /// Position in [`FairShareRule::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A fully loaded yearly cost per full-time expert, by role, in US dollars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct StaffCosts {
    /// Machine-learning research.
    #[serde(deserialize_with = "checks::amount")]
    pub ml_research: f64,
    /// Machine-learning engineering.
    #[serde(deserialize_with = "checks::amount")]
    pub ml_engineering: f64,
    /// Data curation and language work.
    #[serde(deserialize_with = "checks::amount")]
    pub data_language: f64,
    /// Infrastructure and operations.
    #[serde(deserialize_with = "checks::amount")]
    pub infra_ops: f64,
    /// Policy, legal and ethics.
    #[serde(deserialize_with = "checks::amount")]
    pub policy_legal_ethics: f64,
}

impl StaffCosts {
    /// The yearly cost of one FTE of a role, in US dollars.
    pub fn usd_per_fte_year(&self, role: ExpertRole) -> f64 {
        match role {
            ExpertRole::MlResearch => self.ml_research,
            ExpertRole::MlEngineering => self.ml_engineering,
            ExpertRole::DataLanguage => self.data_language,
            ExpertRole::InfraOps => self.infra_ops,
            ExpertRole::PolicyLegalEthics => self.policy_legal_ethics,
        }
    }

    /// The cost of one role, to edit it.
    pub fn usd_per_fte_year_mut(&mut self, role: ExpertRole) -> &mut f64 {
        match role {
            ExpertRole::MlResearch => &mut self.ml_research,
            ExpertRole::MlEngineering => &mut self.ml_engineering,
            ExpertRole::DataLanguage => &mut self.data_language,
            ExpertRole::InfraOps => &mut self.infra_ops,
            ExpertRole::PolicyLegalEthics => &mut self.policy_legal_ethics,
        }
    }
}

impl Default for StaffCosts {
    fn default() -> Self {
        StaffCosts {
            ml_research: 103_000.0,
            ml_engineering: 92_000.0,
            data_language: 70_000.0,
            infra_ops: 81_000.0,
            policy_legal_ethics: 87_000.0,
        }
    }
}

/// A rental rate the plan sets for one accelerator, replacing the catalog's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RentalRate {
    /// Accelerator id (catalog or custom).
    pub accelerator: String,
    /// Price of one accelerator for one hour, in US dollars.
    #[serde(deserialize_with = "checks::amount")]
    pub usd_per_hour: f64,
}

/// An exchange rate the plan sets, replacing the catalog's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: String,
    /// US dollars per unit of the currency.
    #[serde(deserialize_with = "checks::amount")]
    pub usd_per_unit: f64,
}

/// Rates and factors the budget uses. Every field has a sourced default
/// ([`CostAssumptions::SOURCES`]) the user can change and reset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct CostAssumptions {
    /// Years the budget covers (rent-or-own, totals, fair shares).
    #[serde(deserialize_with = "checks::years")]
    pub horizon_years: f64,
    /// Servers, network and storage around owned accelerators, as a multiple of the chips' price
    /// (0.6 = 60 % on top).
    #[serde(deserialize_with = "checks::factor")]
    pub systems_factor: f64,
    /// Build a facility, or rent colocation space.
    pub facility: FacilityMode,
    /// One-off facility build-out per MW of IT load (the servers' draw before PUE), in US dollars.
    #[serde(deserialize_with = "checks::amount")]
    pub build_usd_per_mw: f64,
    /// Colocation price per kW of IT load per month, in US dollars (electricity billed apart).
    #[serde(deserialize_with = "checks::amount")]
    pub colocation_usd_per_kw_month: f64,
    /// Years over which accelerators and servers are written off (and then replaced).
    #[serde(deserialize_with = "checks::years")]
    pub hardware_life_years: f64,
    /// Years over which a facility build-out is written off.
    #[serde(deserialize_with = "checks::years")]
    pub facility_life_years: f64,
    /// Maintenance, support contracts, spares and insurance per year, as a share of the owned
    /// hardware's price.
    #[serde(deserialize_with = "checks::share")]
    pub operations_share_per_year: f64,
    /// Fully loaded staff cost per FTE-year, by role, at cost level 1.
    pub staff_usd_per_fte_year: StaffCosts,
    /// On-demand or reserved rental prices.
    pub rental_term: RentalTerm,
    /// Rental rates the plan sets, replacing the catalog's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rental_rates: Vec<RentalRate>,
    /// Exchange rates the plan sets, replacing the catalog's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<ExchangeRate>,
    /// How the bill is shared out.
    pub fair_share_rule: FairShareRule,
}

impl Default for CostAssumptions {
    fn default() -> Self {
        CostAssumptions {
            horizon_years: 5.0,
            systems_factor: 0.7,
            facility: FacilityMode::Build,
            build_usd_per_mw: 11_000_000.0,
            colocation_usd_per_kw_month: 185.0,
            hardware_life_years: 5.0,
            facility_life_years: 20.0,
            operations_share_per_year: 0.05,
            staff_usd_per_fte_year: StaffCosts::default(),
            rental_term: RentalTerm::Reserved,
            rental_rates: Vec::new(),
            exchange_rates: Vec::new(),
            fair_share_rule: FairShareRule::GdpUnScale,
        }
    }
}

impl CostAssumptions {
    /// The evidence behind each default (keys as in the plan file, under `costs`).
    pub const SOURCES: &'static [AssumptionSource] = &[
        AssumptionSource {
            key: "horizon_years",
            label: "Planning horizon (years)",
            source: "5: one life of the hardware (below), the span national AI programmes budget for \
                     (IndiaAI Mission: 5 years; JUPITER's budget covers 6 years of operation).",
        },
        AssumptionSource {
            key: "systems_factor",
            label: "Servers, network, storage (× chip price)",
            source: "0.7 on top of the accelerators' price (range 0.4–1.1). An 8-GPU H100 server sells \
                     for 1.1–1.35 × its GPUs (SemiAnalysis DGX H100 bill of materials, 2023; a 2024 \
                     8×H100 quote, 1.29), Epoch AI's cost model uses 1.64 for older servers; the \
                     cluster network is 19 % of cluster cost (× 1.23, Epoch AI \
                     training-cost-trends) and storage about 5 %. All-in ≈ 1.4–2.1 × the GPUs.",
        },
        AssumptionSource {
            key: "facility",
            label: "Facility: build or colocation",
            source: "Build: a consortium that hosts its own machine fits out a hall. Colocation rents \
                     space, power delivery and cooling by the kW instead.",
        },
        AssumptionSource {
            key: "build_usd_per_mw",
            label: "Facility build-out (USD per MW of IT load)",
            source: "11 million (range 8–15): Cushman & Wakefield Data Center Development Cost Guide \
                     2025, US average 11.7 M per MW of critical load (9.3–15.0, excluding land and \
                     fit-out); Turner & Townsend cost index 2025, EMEA average 9.9 USD per watt; \
                     liquid-cooled AI halls cost 7–10 % more.",
        },
        AssumptionSource {
            key: "colocation_usd_per_kw_month",
            label: "Colocation (USD per kW-month of IT load)",
            source: "185 (range 130–220): CBRE North America Data Center Trends H2 2024, 184 USD per \
                     kW-month for 250–500 kW; Frankfurt 130–180 EUR; electricity billed apart.",
        },
        AssumptionSource {
            key: "hardware_life_years",
            label: "Hardware life (years)",
            source: "5 (range 4–6): Amazon cut AI servers' life from 6 to 5 years in 2025; Meta uses \
                     5.5, Microsoft and Alphabet 6 (10-K filings); Epoch AI's cost model 5 for \
                     current GPU servers; HPC systems run 5–6 years.",
        },
        AssumptionSource {
            key: "facility_life_years",
            label: "Facility life (years)",
            source: "20 (range 15–40): power and cooling plant, most of a build-out's cost, lasts \
                     20–30 years and the shell 40 (DuPont Fabros 10-K component lives).",
        },
        AssumptionSource {
            key: "operations_share_per_year",
            label: "Operations (share of hardware price per year)",
            source: "0.05 (range 0.03–0.08): HPC maintenance and support contracts run 4–8 % of the \
                     purchase price a year after the first (CTWatch Quarterly, 2006); staff and \
                     energy are counted apart.",
        },
        AssumptionSource {
            key: "staff_usd_per_fte_year",
            label: "Staff cost per FTE-year by role (USD)",
            source: "Fully loaded cost at a European public research institution: ML research \
                     103,000, ML engineering 92,000, data and language 70,000, infrastructure and \
                     operations 81,000, policy and legal 87,000 (EUR 95/85/65/75/80 thousand at 1.08 USD). \
                     Derived (Low confidence) from the MSCA postdoctoral unit cost (EUR 5,370 a month \
                     employer cost), Eurostat's non-wage share (loading × 1.33) and US role ratios \
                     (BLS OEWS May 2024: research scientists 140,910, software developers 133,080). \
                     Set each member's cost level for its labour market (Eurostat 2024 hourly labour \
                     cost ÷ EU average: Bulgaria 0.32, Denmark 1.50).",
        },
        AssumptionSource {
            key: "rental_term",
            label: "Rental term",
            source: "Reserved (1-year commitment): a consortium commits for a programme, and 1-year \
                     contracts cost 25–41 % less than on-demand (Epoch AI DEFAULT_CUD for AWS, \
                     Google Cloud, Azure). Rates per accelerator: assets/costs.ron.",
        },
        AssumptionSource {
            key: "fair_share_rule",
            label: "Fair-share rule",
            source: "GDP with the UN scale of assessments' floor (0.001 %) and ceiling (22 %); the \
                     other rules are shown beside it (GDP as ESA and, with net national income, CERN \
                     set contributions; population; equal; use).",
        },
    ];

    /// The evidence behind the default of `key`.
    pub fn source(key: &str) -> Option<&'static AssumptionSource> {
        Self::SOURCES.iter().find(|s| s.key == key)
    }

    /// The plan's own rental rate for an accelerator, if it sets one.
    pub fn rental_override(&self, accelerator: &str) -> Option<f64> {
        self.rental_rates
            .iter()
            .find(|r| r.accelerator == accelerator)
            .map(|r| r.usd_per_hour)
    }

    /// The plan's own exchange rate for a currency, if it sets one.
    pub fn exchange_override(&self, currency: &str) -> Option<f64> {
        self.exchange_rates
            .iter()
            .find(|r| r.currency.eq_ignore_ascii_case(currency))
            .map(|r| r.usd_per_unit)
    }
}
