//! Scenarios: several named variants of one plan kept in one file.
//!
//! The plan's top-level content is always the *active* scenario, named by
//! [`Plan::active_scenario`]; the other variants are stored in [`Plan::scenarios`]. What a variant
//! holds is everything that shapes the figures — the base model, the workloads, the assumptions,
//! the members with their contributions, and the plan's own accelerators and models (members'
//! lines refer to them, so a variant may define a chip only it uses). The plan's name, description
//! and format version are shared by all variants.
//!
//! Switching stores the current content under its name and loads the other's, so the analysis,
//! the views and the diff always read the top level and need no knowledge of scenarios.

use serde::{Deserialize, Serialize};

use crate::catalog::{Accelerator, OpenModel};

use super::{Assumptions, Member, Plan, Workload};

/// The name of the only scenario of a plan that never had others.
pub const DEFAULT_SCENARIO: &str = "Baseline";

/// The default for [`Plan::active_scenario`] in files written before scenarios existed.
pub fn default_scenario_name() -> String {
    DEFAULT_SCENARIO.to_string()
}

/// One stored (inactive) variant of a plan: what [`Plan`] holds at top level when it is active.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Its name, unique within the plan, e.g. "Brazil joins".
    pub name: String,
    /// Id of the shared base model in this variant.
    pub base_model: String,
    /// Workloads in this variant.
    #[serde(default)]
    pub workloads: Vec<Workload>,
    /// Planning assumptions in this variant.
    #[serde(default)]
    pub assumptions: Assumptions,
    /// Members and their contributions in this variant.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Plan-defined accelerators in this variant.
    #[serde(default)]
    pub custom_accelerators: Vec<Accelerator>,
    /// Plan-defined models in this variant.
    #[serde(default)]
    pub custom_models: Vec<OpenModel>,
}

/// Why a scenario operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// The name is empty (or only spaces).
    #[error("a scenario needs a name")]
    EmptyName,
    /// Another scenario already has this name.
    #[error("there is already a scenario named {0:?}")]
    Duplicate(String),
    /// No scenario has this name.
    #[error("there is no scenario named {0:?}")]
    Unknown(String),
    /// The active scenario cannot be deleted; switch to another first.
    #[error("{0:?} is the scenario shown; switch to another before deleting it")]
    Active(String),
    /// The plan already holds the most scenarios allowed.
    #[error("a plan holds at most {0} scenarios")]
    TooMany(usize),
}

/// The most scenarios (the active one included) a plan may hold.
pub const MAX_SCENARIOS: usize = 20;

impl Scenario {
    /// The plan's current top-level content as a scenario named `name`.
    pub fn capture(plan: &Plan, name: impl Into<String>) -> Scenario {
        Scenario {
            name: name.into(),
            base_model: plan.base_model.clone(),
            workloads: plan.workloads.clone(),
            assumptions: plan.assumptions.clone(),
            members: plan.members.clone(),
            custom_accelerators: plan.custom_accelerators.clone(),
            custom_models: plan.custom_models.clone(),
        }
    }

    /// Puts this variant's content at the top level of `plan` (the name is not touched).
    fn apply_to(self, plan: &mut Plan) {
        plan.base_model = self.base_model;
        plan.workloads = self.workloads;
        plan.assumptions = self.assumptions;
        plan.members = self.members;
        plan.custom_accelerators = self.custom_accelerators;
        plan.custom_models = self.custom_models;
    }
}

impl Plan {
    /// Every scenario name, the active one included, in display order (the active one keeps its
    /// place: stored scenarios are kept in order and the active one is listed where it was).
    pub fn scenario_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.scenarios.iter().map(|s| s.name.as_str()).collect();
        let at = self.active_position.min(names.len());
        names.insert(at, self.active_scenario.as_str());
        names
    }

    /// Whether a scenario (active or stored) has this name.
    pub fn has_scenario(&self, name: &str) -> bool {
        self.active_scenario == name || self.scenarios.iter().any(|s| s.name == name)
    }

    fn check_new_name(&self, name: &str, except: Option<&str>) -> Result<(), ScenarioError> {
        if name.trim().is_empty() {
            return Err(ScenarioError::EmptyName);
        }
        if Some(name) != except && self.has_scenario(name) {
            return Err(ScenarioError::Duplicate(name.to_string()));
        }
        Ok(())
    }

    /// Makes scenario `name` the active one: the current content is stored under the current
    /// name and `name`'s content is loaded. Switching to the active scenario does nothing. The
    /// order of the scenarios as listed by [`Plan::scenario_names`] does not change.
    pub fn switch_scenario(&mut self, name: &str) -> Result<(), ScenarioError> {
        if self.active_scenario == name {
            return Ok(());
        }
        let i = self
            .scenarios
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| ScenarioError::Unknown(name.to_string()))?;
        let p = self.active_position.min(self.scenarios.len());
        let target = self.scenarios.remove(i);
        let current = Scenario::capture(self, self.active_scenario.clone());
        self.scenarios
            .insert(if i < p { p - 1 } else { p }, current);
        self.active_position = if i < p { i } else { i + 1 };
        self.active_scenario = target.name.clone();
        target.apply_to(self);
        Ok(())
    }

    /// Stores a copy of the current content as a new scenario `name` and makes it active.
    pub fn duplicate_scenario(&mut self, name: &str) -> Result<(), ScenarioError> {
        self.check_new_name(name, None)?;
        if self.scenarios.len() + 1 >= MAX_SCENARIOS {
            return Err(ScenarioError::TooMany(MAX_SCENARIOS));
        }
        let current = Scenario::capture(self, self.active_scenario.clone());
        let at = self.active_position.min(self.scenarios.len());
        self.scenarios.insert(at, current);
        self.active_position = at + 1;
        self.active_scenario = name.to_string();
        Ok(())
    }

    /// Renames scenario `old` (active or stored) to `new`.
    pub fn rename_scenario(&mut self, old: &str, new: &str) -> Result<(), ScenarioError> {
        self.check_new_name(new, Some(old))?;
        if self.active_scenario == old {
            self.active_scenario = new.to_string();
            return Ok(());
        }
        let s = self
            .scenarios
            .iter_mut()
            .find(|s| s.name == old)
            .ok_or_else(|| ScenarioError::Unknown(old.to_string()))?;
        s.name = new.to_string();
        Ok(())
    }

    /// Deletes the stored scenario `name` (the active one cannot be deleted).
    pub fn delete_scenario(&mut self, name: &str) -> Result<(), ScenarioError> {
        if self.active_scenario == name {
            return Err(ScenarioError::Active(name.to_string()));
        }
        let i = self
            .scenarios
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| ScenarioError::Unknown(name.to_string()))?;
        self.scenarios.remove(i);
        if i < self.active_position {
            self.active_position -= 1;
        }
        Ok(())
    }

    /// The plan as it is with scenario `name` active, without scenarios of its own (for
    /// analysing or comparing a variant); `None` when no scenario has that name.
    pub fn materialize(&self, name: &str) -> Option<Plan> {
        if self.active_scenario == name {
            return Some(self.clone_without_scenarios());
        }
        let s = self.scenarios.iter().find(|s| s.name == name)?;
        Some(self.with_variant(s))
    }

    /// The plan with the stored variant `s` active, without scenarios of its own.
    pub fn with_variant(&self, s: &Scenario) -> Plan {
        let mut plan = self.clone_without_scenarios();
        plan.active_scenario = s.name.clone();
        s.clone().apply_to(&mut plan);
        plan
    }

    /// A copy of the plan with its stored scenarios left out (cheaper than cloning them).
    fn clone_without_scenarios(&self) -> Plan {
        self.with_members(self.members.clone())
    }

    /// The plan with `members` in place of its own and no stored scenarios (the rest cloned).
    pub(crate) fn with_members(&self, members: Vec<Member>) -> Plan {
        Plan {
            format: self.format,
            name: self.name.clone(),
            description: self.description.clone(),
            base_model: self.base_model.clone(),
            workloads: self.workloads.clone(),
            assumptions: self.assumptions.clone(),
            members,
            custom_accelerators: self.custom_accelerators.clone(),
            custom_models: self.custom_models.clone(),
            language_corpora: self.language_corpora.clone(),
            active_scenario: self.active_scenario.clone(),
            active_position: 0,
            scenarios: Vec::new(),
            roadmap: self.roadmap.clone(),
            shocks: self.shocks.clone(),
            year: self.year,
        }
    }
}
