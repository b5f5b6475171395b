//! The figures the analysis produces from a plan. Plain data: the UI and the CLI only read it.

use std::borrow::Cow;

use crate::plan::{ExpertRole, Precision};

/// Everything the app and the CLI show about a plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The shared base model as resolved, if its id is known.
    pub model: Option<ModelFigures>,
    /// Pooled hardware of all members.
    pub pooled: Pooled,
    /// Facility power and energy.
    pub power: PowerFigures,
    /// One entry per member, in plan order.
    pub members: Vec<MemberFigures>,
    /// One entry per site (hosting country, or country and provider for rented chips), with the
    /// power matched there; chip sites first, in plan order.
    pub sites: Vec<SiteFigures>,
    /// One entry per workload, in plan order.
    pub workloads: Vec<WorkloadFigures>,
    /// Experts pooled against what the workloads need.
    pub experts: ExpertFigures,
    /// Foreign dependency layer by layer.
    pub dependency: Dependency,
    /// Licence and export-control findings for this consortium.
    pub findings: Vec<Finding>,
    /// Problems a planner must see.
    pub warnings: Vec<Warning>,
    /// Whether the base model speaks the members' languages, and what adapting it would take.
    pub languages: super::languages::LanguageFigures,
    /// What the consortium costs, who pays, and renting against owning.
    pub budget: super::budget::BudgetFigures,
    /// Members that count in the plan's year (all but those that join later; every member of a
    /// plan without a roadmap).
    pub members_now: usize,
}

impl SiteFigures {
    /// Relative spread of the site's peak from the catalog's confidence marks (0 when every chip
    /// is High confidence).
    pub fn peak_band(&self) -> f64 {
        if self.training_pflops > 0.0 {
            self.peak_band_pflops / self.training_pflops
        } else {
            0.0
        }
    }

    /// The site's name: the hosting country's code, or "code · provider (rented)".
    pub fn name(&self) -> Cow<'static, str> {
        match &self.provider {
            None => self.country.clone(),
            Some(p) => Cow::Owned(format!("{} · {p} (rented)", self.country)),
        }
    }
}

impl Report {
    /// The site a training job runs on: the one with the most compute at the training precision
    /// (the first such in plan order on a tie); `None` without chips.
    pub fn training_site(&self) -> Option<&SiteFigures> {
        largest_site(&self.sites)
    }

    /// How many sites hold chips.
    pub fn chip_sites(&self) -> u64 {
        self.sites.iter().filter(|s| s.accelerators > 0).count() as u64
    }
}

/// The site with the most compute at the training precision (first on a tie).
pub(super) fn largest_site(sites: &[SiteFigures]) -> Option<&SiteFigures> {
    let mut best: Option<&SiteFigures> = None;
    for s in sites.iter().filter(|s| s.accelerators > 0) {
        if best.is_none_or(|b| s.training_pflops > b.training_pflops) {
            best = Some(s);
        }
    }
    best
}

/// The base model's key figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelFigures {
    /// Model id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Total parameters, in billions.
    pub total_params_b: f64,
    /// Active parameters per token, in billions.
    pub active_params_b: f64,
    /// Developer's home country (alpha-2).
    pub developer_country: String,
    /// Whether the developer's country is a member of the consortium.
    pub developed_in_consortium: bool,
}

/// Pooled hardware.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pooled {
    /// Number of accelerators.
    pub accelerators: u64,
    /// Dense BF16 peak, in PFLOP/s.
    pub bf16_pflops: f64,
    /// Dense FP8 peak of the chips that have FP8, in PFLOP/s.
    pub fp8_pflops: f64,
    /// Peak at the training precision (FP8 falls back to BF16 on chips without FP8), in PFLOP/s.
    pub training_pflops: f64,
    /// Accelerator memory, in TB.
    pub memory_tb: f64,
    /// Summed memory bandwidth, in TB/s.
    pub memory_bandwidth_tbs: f64,
    /// Of `training_pflops`, the part on chips with an FP8 peak (Hopper and later), in PFLOP/s.
    pub training_pflops_fp8_era: f64,
    /// Relative spread of the pooled peak from the catalog's confidence marks (0 when every chip
    /// is High confidence).
    pub peak_band: f64,
}

/// Facility power and energy.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PowerFigures {
    /// IT power of the pooled servers: Σ count × TDP × server overhead, in MW.
    pub it_mw: f64,
    /// Facility power required: IT power × PUE, in MW (all pooled chips).
    pub required_mw: f64,
    /// Low and high ends of `required_mw`, in MW (overhead, PUE and confidence bands).
    pub required_mw_range: [f64; 2],
    /// Of which rented capacity, powered by its provider, in MW.
    pub rented_mw: f64,
    /// What the members must supply: required − rented, in MW.
    pub members_required_mw: f64,
    /// Low and high ends of `members_required_mw`, in MW.
    pub members_required_mw_range: [f64; 2],
    /// Power the members make available, in MW.
    pub contributed_mw: f64,
    /// Contributed minus the power members must supply (required − rented), in MW
    /// (negative = shortfall).
    pub headroom_mw: f64,
    /// Energy if the pool runs all year at full load, in MWh.
    pub energy_mwh_per_year: f64,
    /// Low and high ends of `energy_mwh_per_year`: `required_mw_range` × 8,760 h, in MWh.
    pub energy_mwh_per_year_range: [f64; 2],
    /// Cost of that energy, in US dollars per year.
    pub cost_usd_per_year: f64,
    /// Accelerators whose TDP is unknown (left out of the power figures).
    pub accelerators_without_tdp: u64,
    /// Power the members' own chips lack *at their sites*: Σ over sites of max(0, required −
    /// offered there), in MW. Power offered elsewhere covers nothing (`headroom_mw` is the global
    /// balance and can be positive while a site is short).
    pub shortfall_mw: f64,
    /// How many sites are short of power.
    pub sites_short: u64,
}

/// One site: the chips that stand there and the power offered there.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SiteFigures {
    /// The hosting country's code.
    pub country: Cow<'static, str>,
    /// The provider of a rented site (powered by that provider); `None` for owned chips.
    /// (Shared: a plan renting from one provider in many countries names it once.)
    pub provider: Option<std::sync::Arc<str>>,
    /// Whether the site is rented capacity (`provider` is set).
    pub rented: bool,
    /// Accelerators at the site.
    pub accelerators: u64,
    /// Their peak at the training precision, in PFLOP/s.
    pub training_pflops: f64,
    /// Their memory, in TB.
    pub memory_tb: f64,
    /// Facility power they need, in MW.
    pub required_mw: f64,
    /// Low and high ends of `required_mw`, in MW.
    pub required_mw_range: [f64; 2],
    /// Of `training_pflops`, the part on chips with an FP8 peak, in PFLOP/s (for the MFU rule).
    pub training_pflops_fp8_era: f64,
    /// Σ peak × catalog-confidence band over the site's chips, in PFLOP/s.
    pub peak_band_pflops: f64,
    /// Power the members offer at the site, in MW.
    pub offered_mw: f64,
    /// Of which imported from outside the site's country (Σ MW × imported share), in MW.
    pub offered_imported_mw: f64,
    /// Owned chips' power not covered at the site, in MW (0 for rented sites).
    pub shortfall_mw: f64,
}

/// One member's contribution and stake.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MemberFigures {
    /// ISO 3166-1 alpha-2 code (borrowed from the catalog when known).
    pub country: Cow<'static, str>,
    /// Country name (the code when unknown).
    pub name: Cow<'static, str>,
    /// Accelerators contributed.
    pub accelerators: u64,
    /// Dense BF16 peak contributed, in PFLOP/s.
    pub bf16_pflops: f64,
    /// Dense FP8 peak contributed, in PFLOP/s.
    pub fp8_pflops: f64,
    /// Peak at the training precision contributed (FP8 falls back to BF16), in PFLOP/s.
    pub training_pflops: f64,
    /// Accelerator memory contributed, in TB.
    pub memory_tb: f64,
    /// Facility power its owned accelerators need, in MW (rented ones are powered by the provider).
    pub required_mw: f64,
    /// Power it makes available, in MW.
    pub power_mw: f64,
    /// Experts it seconds, in FTE.
    pub experts_fte: f64,
    /// Of which foreign, in FTE.
    pub foreign_fte: f64,
    /// Value of its chips at catalog price, in US dollars.
    pub chips_usd: f64,
    /// Value of a year of its power at the assumed tariff, in US dollars.
    pub power_usd: f64,
    /// Value of a year of its experts, in US dollars.
    pub experts_usd: f64,
    /// Its share of the pool's total value, 0 to 1.
    pub stake: f64,
    /// Population, if known.
    pub population: Option<f64>,
    /// GDP in current US dollars, if known.
    pub gdp_usd: Option<f64>,
    /// Its share of the consortium's population, 0 to 1.
    pub population_share: f64,
    /// Its share of the consortium's GDP, 0 to 1.
    pub gdp_share: f64,
    /// Its side of the bill: what it brings, its fair share, the balance.
    pub budget: super::budget::MemberBudget,
}

impl MemberFigures {
    /// Total value contributed, in US dollars.
    pub fn value_usd(&self) -> f64 {
        self.chips_usd + self.power_usd + self.experts_usd
    }
}

/// Figures for one workload.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkloadFigures {
    /// The workload's name.
    pub name: String,
    /// Machine name of its kind (`continued_pretraining`, `serving`, ...).
    pub kind: &'static str,
    /// Training compute, in FLOP (training kinds).
    pub train_flops: Option<f64>,
    /// MFU the training figures use: the calibrated rule's (weighted over the pool's chips) or
    /// the plan's own (training kinds; 0 otherwise).
    pub mfu: f64,
    /// Accelerator-hours at that MFU (training kinds).
    pub gpu_hours: Option<f64>,
    /// Low and high ends of `gpu_hours`.
    pub gpu_hours_range: Option<[f64; 2]>,
    /// Wall-clock days on the whole pool (training kinds).
    pub days: Option<f64>,
    /// Low and high ends of `days`.
    pub days_range: Option<[f64; 2]>,
    /// Facility energy over those days, in MWh (training kinds).
    pub energy_mwh: Option<f64>,
    /// Low and high ends of `energy_mwh`.
    pub energy_mwh_range: Option<[f64; 2]>,
    /// Cost of that energy, in US dollars (training kinds).
    pub energy_cost_usd: Option<f64>,
    /// Accelerator memory the job needs, in GB.
    pub memory_needed_gb: f64,
    /// Accelerator memory the pool has, in GB.
    pub memory_available_gb: f64,
    /// Whether the model fits the pooled hardware for this job.
    pub fits: bool,
    /// The target duration, in days, if any.
    pub target_days: Option<f64>,
    /// Whether the target is met (None when there is no target or no days figure).
    pub target_met: Option<bool>,
    /// Dense peak the pool would need to meet the target at the assumed MFU, in PFLOP/s.
    pub required_pflops_for_target: Option<f64>,
    /// The site a training job runs on: the largest co-located group (training kinds).
    pub site: Option<Cow<'static, str>>,
    /// Accelerators at that site (training kinds).
    pub site_accelerators: u64,
    /// Sites with chips in the pool: above 1, the job does not use every chip.
    pub sites_in_pool: u64,
    /// Serving figures (serving kind).
    pub serving: Option<ServingFigures>,
    /// What the workload costs on this pool: training once (rented hours at the rental rate,
    /// owned hours at their amortised, operations, facility and energy cost), serving per year,
    /// in US dollars.
    pub cost_usd: Option<f64>,
}

/// Serving capacity against demand.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ServingFigures {
    /// Weight precision used.
    pub precision: Precision,
    /// Memory for one copy of the weights, in GB.
    pub weights_gb: f64,
    /// KV cache per active user, in GB.
    pub kv_gb_per_user: f64,
    /// Peak-hour demand, in generated tokens per second.
    pub demand_tokens_per_s: f64,
    /// What the pool can generate, in tokens per second.
    pub capacity_tokens_per_s: f64,
    /// Low and high ends of `capacity_tokens_per_s` (serving-model and chip-confidence bands).
    pub capacity_tokens_per_s_range: [f64; 2],
    /// Model replicas the pool holds.
    pub replicas: u64,
    /// Accelerators that could hold replicas, over all chip lines (the whole pool's room, not
    /// what the workload needs: see `accelerators_needed`).
    pub accelerators_serving: u64,
    /// Accelerators the demand needs: replicas on the best-suited lines first, extrapolated on the
    /// best shape past the pool; `None` when no line holds a replica.
    pub accelerators_needed: Option<u64>,
    /// Accelerators per replica on the best-suited chip line (most tokens/s per accelerator).
    pub accelerators_per_replica: u64,
    /// Concurrent users per replica (batch size).
    pub batch_per_replica: u64,
    /// Decode speed each user sees on the best-suited chip line at full batch, in tokens per
    /// second: the per-user speed the capacity figure assumes.
    pub tokens_per_s_per_user: f64,
    /// Whether decoding is limited by memory bandwidth rather than compute on that line.
    pub bandwidth_bound: bool,
    /// Whether capacity covers peak demand.
    pub meets_demand: bool,
}

/// Experts by role, had against needed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ExpertFigures {
    /// All experts, in FTE.
    pub total_fte: f64,
    /// Foreign experts, in FTE.
    pub foreign_fte: f64,
    /// Experts the workloads need, in FTE.
    pub needed_fte: f64,
    /// Low and high ends of `needed_fte`, in FTE (the experts band: published team sizes of
    /// comparable efforts scatter about ± 50 % around the rule).
    pub needed_fte_range: [f64; 2],
    /// FTE the pool has, per role (index = [`ExpertRole::index`]).
    pub have_fte: [f64; 5],
    /// FTE the workloads need, per role (index = [`ExpertRole::index`]).
    pub need_fte: [f64; 5],
}

impl ExpertFigures {
    /// FTE had for a role.
    pub fn have(&self, role: ExpertRole) -> f64 {
        self.have_fte[role.index()]
    }

    /// FTE needed for a role.
    pub fn need(&self, role: ExpertRole) -> f64 {
        self.need_fte[role.index()]
    }

    /// How many roles have fewer FTE than the workloads need.
    pub fn roles_short(&self) -> usize {
        ExpertRole::ALL
            .iter()
            .filter(|r| self.have(**r) < self.need(**r))
            .count()
    }
}

/// The layers of the AI stack where a consortium can depend on foreign suppliers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Who designs the chips (vendor's home country).
    ChipDesign,
    /// Where the chips are fabricated.
    ChipFab,
    /// Who makes the high-bandwidth memory.
    Memory,
    /// Where compute is hosted and who operates it.
    Hosting,
    /// Who developed the base model.
    Model,
    /// Where the experts come from.
    Talent,
    /// Where the energy comes from.
    Energy,
}

impl Layer {
    /// Every layer, in display order.
    pub const ALL: [Layer; 7] = [
        Layer::ChipDesign,
        Layer::ChipFab,
        Layer::Memory,
        Layer::Hosting,
        Layer::Model,
        Layer::Talent,
        Layer::Energy,
    ];

    /// Stable machine name (JSON key).
    pub fn key(self) -> &'static str {
        match self {
            Layer::ChipDesign => "chip_design",
            Layer::ChipFab => "chip_fab",
            Layer::Memory => "memory",
            Layer::Hosting => "hosting",
            Layer::Model => "model",
            Layer::Talent => "talent",
            Layer::Energy => "energy",
        }
    }

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            Layer::ChipDesign => "Chip design",
            Layer::ChipFab => "Chip fabrication",
            Layer::Memory => "Memory (HBM)",
            Layer::Hosting => "Compute hosting",
            Layer::Model => "Base model",
            Layer::Talent => "Talent",
            Layer::Energy => "Energy",
        }
    }

    /// Position in [`Layer::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Marker used as the supplier when the catalog or plan does not say who supplies.
pub const UNKNOWN_SUPPLIER: &str = "unknown";
/// Marker used as the supplier of imported energy of unstated origin.
pub const IMPORTED_SUPPLIER: &str = "imported";
/// Marker for domestic talent and energy, pooled over the member states (each member's own FTE
/// and MW are in its member figures); always a member supplier.
pub const MEMBERS_SUPPLIER: &str = "members";

/// One supplier's part of a layer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Supplier {
    /// Country code, or [`UNKNOWN_SUPPLIER`] / [`IMPORTED_SUPPLIER`] / [`MEMBERS_SUPPLIER`] (borrowed from the catalog
    /// when it is a catalog country, so the analysis allocates nothing per supplier).
    pub country: Cow<'static, str>,
    /// Its share of the layer, 0 to 1.
    pub share: f64,
    /// Whether it is a member of the consortium (a domestic supplier).
    pub member: bool,
}

/// One layer's dependency.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayerFigures {
    /// Share of the layer supplied from outside the consortium, 0 to 1.
    pub foreign_share: f64,
    /// Suppliers, largest share first (foreign and domestic).
    pub suppliers: Vec<Supplier>,
    /// Whether the plan has nothing in this layer (then the share is 0).
    pub empty: bool,
}

/// Foreign dependency across the stack.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dependency {
    /// Per layer, index = [`Layer::index`].
    pub layers: [LayerFigures; 7],
    /// Weighted mean of the layer shares with the plan's weights, 0 to 1.
    pub overall: f64,
}

impl Dependency {
    /// The figures of one layer.
    pub fn layer(&self, layer: Layer) -> &LayerFigures {
        &self.layers[layer.index()]
    }
}

/// How serious a finding or warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the plan as drawn (e.g. not enough power, licence forbids it).
    Blocker,
    /// Needs attention.
    Caution,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Caution => "caution",
            Severity::Info => "info",
        }
    }
}

/// A licence or export-control finding for this consortium.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Short title, e.g. "EU multimodal carve-out".
    pub title: &'static str,
    /// What it means for the consortium, in plain words.
    pub detail: String,
    /// Members it concerns (alpha-2, borrowed from the catalog), if specific ones.
    pub members: Vec<&'static str>,
}

/// What a warning is about, so the app can show it next to that thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The plan as a whole.
    Plan,
    /// The base model.
    Model,
    /// Power supply.
    Power,
    /// Experts.
    Experts,
    /// A member (index into the plan's members).
    Member(usize),
    /// A chip line (member index, line index).
    ChipLine(usize, usize),
    /// A workload (index into the plan's workloads).
    Workload(usize),
}

/// A problem a planner must see, in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// How serious it is.
    pub severity: Severity,
    /// What it concerns.
    pub subject: Subject,
    /// The message.
    pub message: String,
}
