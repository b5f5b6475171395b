//! A member state and the lines of what it contributes.

use serde::{Deserialize, Serialize};

use super::checks;
use super::roadmap::Years;

/// One member state of the consortium and everything it brings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// ISO 3166-1 alpha-2 code, e.g. `CL`.
    pub country: String,
    /// The planner's own words about this member (sources, reasoning, open questions); kept in the
    /// file where a comment inside the plan's brackets would be dropped on save. Left out when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Accelerators it contributes.
    #[serde(default)]
    pub chips: Vec<ChipLine>,
    /// Electric power it makes available to the consortium.
    #[serde(default)]
    pub power: Vec<PowerLine>,
    /// Experts it seconds to the consortium.
    #[serde(default)]
    pub experts: Vec<ExpertLine>,
    /// Money it contributes, if any.
    #[serde(default)]
    pub funding: Option<Funding>,
    /// What its experts cost relative to the assumed staff cost (1 = as assumed; an engineer in
    /// Lima and one in Oslo do not cost the same). Left out when 1.
    #[serde(
        default = "one",
        skip_serializing_if = "is_one",
        deserialize_with = "checks::cost_level"
    )]
    pub cost_level: f64,
    /// The year it joins (roadmap); `None`: a member from the start. Left out when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joins: Option<u16>,
}

fn one() -> f64 {
    1.0
}

fn is_one(v: &f64) -> bool {
    *v == 1.0
}

impl PartialEq for Member {
    /// Field by field, as a derived comparison would, except that an empty note is checked by its
    /// length: comparing two empty `String`s through `memcmp` (dangling pointers, length 0) costs
    /// about 150 ns on the benchmark machine, which made the app's per-frame edit check of a
    /// 193-member plan (almost all notes empty) 32 µs instead of 3 µs.
    fn eq(&self, other: &Self) -> bool {
        let Member {
            country,
            note,
            chips,
            power,
            experts,
            funding,
            cost_level,
            joins,
        } = self;
        note.len() == other.note.len()
            && (note.is_empty() || *note == other.note)
            && *country == other.country
            && *chips == other.chips
            && *power == other.power
            && *experts == other.experts
            && *funding == other.funding
            && *cost_level == other.cost_level
            && *joins == other.joins
    }
}

impl Member {
    /// This member with every contribution multiplied by `factor` (≥ 0): accelerator counts
    /// (rounded to whole accelerators), power MW, expert FTE (and their foreign FTE) and funding.
    /// Scaling the returned member back does not restore rounded counts; scale the original.
    pub fn scaled(&self, factor: f64) -> Member {
        let factor = if factor.is_finite() {
            factor.max(0.0)
        } else {
            1.0
        };
        let mut m = self.clone();
        for c in &mut m.chips {
            c.count = (f64::from(c.count) * factor)
                .round()
                .min(f64::from(u32::MAX)) as u32;
        }
        for p in &mut m.power {
            p.mw *= factor;
        }
        for e in &mut m.experts {
            e.fte *= factor;
            e.foreign_fte *= factor;
        }
        if let Some(f) = &mut m.funding {
            f.amount *= factor;
        }
        m
    }

    /// A member with no contributions yet.
    pub fn new(country: impl Into<String>) -> Member {
        Member {
            country: country.into(),
            note: String::new(),
            chips: Vec::new(),
            power: Vec::new(),
            experts: Vec::new(),
            funding: None,
            cost_level: 1.0,
            joins: None,
        }
    }
}

/// Whether accelerators are owned or rented.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Tenure {
    /// Owned by the member (bought outright).
    #[default]
    Owned,
    /// Rented from a provider, e.g. a cloud.
    Rented {
        /// The provider's name, e.g. `AWS`.
        provider: String,
        /// ISO 3166-1 alpha-2 code of the provider's headquarters.
        provider_country: String,
    },
}

/// A number of accelerators of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChipLine {
    /// Accelerator id: a catalog id or one of the plan's custom accelerators.
    pub accelerator: String,
    /// How many accelerators.
    #[serde(deserialize_with = "checks::count")]
    pub count: u32,
    /// Owned or rented (and from whom).
    #[serde(default)]
    pub tenure: Tenure,
    /// ISO 3166-1 alpha-2 code of the country hosting them; `None` means the member itself.
    #[serde(default)]
    pub hosted_in: Option<String>,
    /// Price paid per accelerator, in US dollars, replacing the catalog's estimate (owned chips).
    /// Left out when not set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checks::optional_amount"
    )]
    pub price_usd: Option<f64>,
    /// The years it counts in (roadmap; an owned line with a first year ages out after the
    /// hardware life). Left out when it holds for the whole horizon.
    #[serde(default, skip_serializing_if = "Years::is_always")]
    pub years: Years,
}

impl ChipLine {
    /// `count` owned accelerators `accelerator` hosted by their member, for the whole horizon.
    pub fn new(accelerator: impl Into<String>, count: u32) -> ChipLine {
        ChipLine {
            accelerator: accelerator.into(),
            count,
            tenure: Tenure::Owned,
            hosted_in: None,
            price_usd: None,
            years: Years::default(),
        }
    }
}

/// Where electric power comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PowerSource {
    /// Hydroelectric.
    Hydro,
    /// Solar.
    Solar,
    /// Wind.
    Wind,
    /// Nuclear.
    Nuclear,
    /// Natural gas.
    Gas,
    /// Coal.
    Coal,
    /// The local grid's mix.
    #[default]
    GridMix,
}

impl PowerSource {
    /// Every source, in display order.
    pub const ALL: [PowerSource; 7] = [
        PowerSource::Hydro,
        PowerSource::Solar,
        PowerSource::Wind,
        PowerSource::Nuclear,
        PowerSource::Gas,
        PowerSource::Coal,
        PowerSource::GridMix,
    ];

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            PowerSource::Hydro => "hydro",
            PowerSource::Solar => "solar",
            PowerSource::Wind => "wind",
            PowerSource::Nuclear => "nuclear",
            PowerSource::Gas => "gas",
            PowerSource::Coal => "coal",
            PowerSource::GridMix => "grid mix",
        }
    }
}

/// Electric power made available to the consortium.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerLine {
    /// Power available, in MW.
    #[serde(deserialize_with = "checks::amount")]
    pub mw: f64,
    /// Where it comes from.
    #[serde(default)]
    pub source: PowerSource,
    /// ISO 3166-1 alpha-2 code of the site; `None` means the member itself.
    #[serde(default)]
    pub site: Option<String>,
    /// Share of this power that is imported from outside the site country, 0 to 1.
    #[serde(default, deserialize_with = "checks::share")]
    pub imported_share: f64,
    /// Electricity price of this line, in US dollars per MWh, replacing the plan's assumption
    /// (tariffs differ threefold between members). Left out when not set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checks::optional_amount"
    )]
    pub usd_per_mwh: Option<f64>,
    /// The years it counts in (roadmap). Left out when it holds for the whole horizon.
    #[serde(default, skip_serializing_if = "Years::is_always")]
    pub years: Years,
}

/// The kinds of experts a consortium needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpertRole {
    /// Machine-learning research.
    MlResearch,
    /// Machine-learning engineering (training and serving systems).
    MlEngineering,
    /// Data curation and language expertise.
    DataLanguage,
    /// Infrastructure and operations (clusters, networks, facilities).
    InfraOps,
    /// Policy, legal and ethics.
    PolicyLegalEthics,
}

impl ExpertRole {
    /// Every role, in display order.
    pub const ALL: [ExpertRole; 5] = [
        ExpertRole::MlResearch,
        ExpertRole::MlEngineering,
        ExpertRole::DataLanguage,
        ExpertRole::InfraOps,
        ExpertRole::PolicyLegalEthics,
    ];

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            ExpertRole::MlResearch => "ML research",
            ExpertRole::MlEngineering => "ML engineering",
            ExpertRole::DataLanguage => "data and language",
            ExpertRole::InfraOps => "infrastructure and operations",
            ExpertRole::PolicyLegalEthics => "policy, legal and ethics",
        }
    }

    /// Position in [`ExpertRole::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Experts of one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpertLine {
    /// Their role.
    pub role: ExpertRole,
    /// Full-time equivalents.
    #[serde(deserialize_with = "checks::amount")]
    pub fte: f64,
    /// How many of those FTE are foreign nationals or foreign contractors.
    #[serde(default, deserialize_with = "checks::amount")]
    pub foreign_fte: f64,
    /// The years it counts in (roadmap). Left out when it holds for the whole horizon.
    #[serde(default, skip_serializing_if = "Years::is_always")]
    pub years: Years,
}

/// Money contributed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Amount, in `currency`.
    #[serde(deserialize_with = "checks::amount")]
    pub amount: f64,
    /// ISO 4217 currency code, e.g. `USD`.
    pub currency: String,
}
