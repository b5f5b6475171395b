//! The consortium plan: what the file holds and what the user edits.
//!
//! Plain data with no knowledge of the UI; [`crate::file`] reads and writes it and
//! [`crate::analysis`] turns it into figures.

mod assumptions;
pub mod checks;
mod costs;
mod member;
mod roadmap;
mod scenario;
mod shock;
mod workload;

use serde::{Deserialize, Serialize};

use crate::catalog::{Accelerator, Catalog, OpenModel};

pub use assumptions::{AssumptionSource, Assumptions, DependencyWeights, Precision};
pub use costs::{
    CostAssumptions, ExchangeRate, FacilityMode, FairShareRule, RentalRate, RentalTerm, StaffCosts,
};
pub use member::{
    ChipLine, ExpertLine, ExpertRole, Funding, Member, PowerLine, PowerSource, Tenure,
};
pub use roadmap::{FIRST_YEAR, LAST_YEAR, MAX_YEARS, ModelChange, Phase, Roadmap, Years};
pub use scenario::{
    DEFAULT_SCENARIO, MAX_SCENARIOS, Scenario, ScenarioError, default_scenario_name,
};
pub use shock::{Shock, ShockRule};
pub use workload::{Workload, WorkloadKind};
// (LanguageCorpus is defined in this module.)

/// The plan-file format version this build writes. Format 5 added the budget: the assumptions'
/// `costs`, chip lines' `price_usd`, power lines' `usd_per_mwh`, members' `cost_level` and
/// workloads' `members`; the roadmap: the plan's `roadmap`, lines' `years`, members' `joins`; and
/// the plan's own `shocks`. Format 4 added the assumptions'
/// `mfu_calibrated` and `liquid_pue` and custom accelerators' `power_scope` and `liquid_cooled`;
/// format 3 added members' `note`; format 2 added scenarios and `language_corpora`.
pub const FORMAT_VERSION: u32 = 5;

/// A whole consortium plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// File-format version (see [`FORMAT_VERSION`]).
    pub format: u32,
    /// The plan's name, e.g. "Latam-GPT consortium".
    pub name: String,
    /// Free text: purpose, status, authors.
    #[serde(default)]
    pub description: String,
    /// Id of the shared base model: a catalog id or one of `custom_models`.
    pub base_model: String,
    /// Workloads to run on the base model.
    #[serde(default)]
    pub workloads: Vec<Workload>,
    /// Planning assumptions.
    #[serde(default)]
    pub assumptions: Assumptions,
    /// Member states and their contributions.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Accelerators the catalog lacks, defined by the plan.
    #[serde(default)]
    pub custom_accelerators: Vec<Accelerator>,
    /// Models the catalog lacks, defined by the plan.
    #[serde(default)]
    pub custom_models: Vec<OpenModel>,
    /// Text the consortium has for a language, in tokens (sizes the language-adaptation proposals).
    /// Shared by all scenarios: it is what the consortium has, not a variant. Left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub language_corpora: Vec<LanguageCorpus>,
    /// The name of the scenario the fields above hold (see [`Scenario`]).
    /// Left out of the file when it is [`DEFAULT_SCENARIO`].
    #[serde(
        default = "default_scenario_name",
        skip_serializing_if = "is_default_scenario"
    )]
    pub active_scenario: String,
    /// Where the active scenario stands among `scenarios` when they are listed (0 = first);
    /// left out of the file when 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub active_position: usize,
    /// The other scenarios (variants) of this plan; empty for a plan with only one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// The plan over the years: start year, phases, base-model changes (shared by all
    /// scenarios). Left out when the plan has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<Roadmap>,
    /// Shocks the planners defined (the switch-off test also tries the plan's own built-in
    /// ones). Left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shocks: Vec<Shock>,
    /// Set on a year's view of the plan ([`Plan::in_year`]); never in a file.
    #[serde(skip)]
    pub year: Option<u16>,
}

fn is_default_scenario(name: &str) -> bool {
    name == DEFAULT_SCENARIO
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The corpus the consortium has for one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageCorpus {
    /// Language code (ISO 639, as in the catalog's language table).
    pub language: String,
    /// Tokens of usable text.
    #[serde(deserialize_with = "checks::amount")]
    pub tokens: f64,
}

impl Plan {
    /// An empty plan on the given base model, with default assumptions.
    pub fn new(name: impl Into<String>, base_model: impl Into<String>) -> Plan {
        Plan {
            format: FORMAT_VERSION,
            name: name.into(),
            description: String::new(),
            base_model: base_model.into(),
            workloads: Vec::new(),
            assumptions: Assumptions::default(),
            members: Vec::new(),
            custom_accelerators: Vec::new(),
            custom_models: Vec::new(),
            language_corpora: Vec::new(),
            active_scenario: default_scenario_name(),
            active_position: 0,
            scenarios: Vec::new(),
            roadmap: None,
            shocks: Vec::new(),
            year: None,
        }
    }

    /// The accelerator with this id: the plan's own definitions first, then the catalog.
    pub fn accelerator<'a>(&'a self, catalog: &'a Catalog, id: &str) -> Option<&'a Accelerator> {
        self.custom_accelerators
            .iter()
            .find(|a| a.id == id)
            .or_else(|| catalog.accelerator(id))
    }

    /// The model with this id: the plan's own definitions first, then the catalog.
    pub fn model<'a>(&'a self, catalog: &'a Catalog, id: &str) -> Option<&'a OpenModel> {
        self.custom_models
            .iter()
            .find(|m| m.id == id)
            .or_else(|| catalog.model(id))
    }

    /// The shared base model, if its id resolves.
    pub fn base<'a>(&'a self, catalog: &'a Catalog) -> Option<&'a OpenModel> {
        self.model(catalog, &self.base_model)
    }

    /// The corpus entered for a language (any of its codes), in tokens.
    pub fn corpus_tokens(&self, language: &str) -> Option<f64> {
        self.language_corpora
            .iter()
            .find(|c| c.language.eq_ignore_ascii_case(language))
            .map(|c| c.tokens)
    }

    /// Whether a country is a member of this consortium.
    pub fn has_member(&self, code: &str) -> bool {
        self.members.iter().any(|m| m.country == code)
    }
}
