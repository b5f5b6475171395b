//! Open-weight base models and their licences.

use serde::{Deserialize, Serialize};

use super::Confidence;

/// Whether something (training data, training code) has been released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Openness {
    /// Released in full.
    Yes,
    /// Partly released or documented but not released.
    Partial,
    /// Not released.
    No,
    /// No source confirmed either way.
    #[default]
    Unverified,
}

/// A model licence and what it implies for a consortium.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// Licence name, e.g. `Apache-2.0` or `Llama 3.1 Community License`.
    pub name: String,
    /// Whether the licence is OSI-approved open source; `None` when unverified.
    pub osi_approved: Option<bool>,
    /// Whether an acceptable-use policy or field-of-use restrictions apply; `None` when unverified.
    pub use_restrictions: Option<bool>,
    /// Whether commercial use is excluded (research-only licences).
    #[serde(default)]
    pub non_commercial: bool,
    /// Naming or attribution duties beyond an ordinary notice (e.g. "Built with Llama"), if any.
    #[serde(default)]
    pub attribution_duty: Option<String>,
    /// Monthly-active-user threshold above which a separate licence is needed, in millions.
    #[serde(default)]
    pub mau_threshold_millions: Option<f64>,
    /// Whether that threshold is tested once, on the version's release date, against the
    /// licensee's and its affiliates' existing products (Llama 3.x and 4), rather than against the
    /// service built on the model for as long as it runs (Qwen).
    #[serde(default)]
    pub mau_tested_at_release: bool,
    /// Whether the licensor reserves the right to restrict use remotely ("restrict (remotely or
    /// otherwise) usage", as in DeepSeek's model licence and Gemma's terms).
    #[serde(default)]
    pub remote_restriction: bool,
    /// Whether multimodal rights are withheld from EU-domiciled licensees (Llama 4, Llama 3.2 Vision).
    #[serde(default)]
    pub eu_multimodal_excluded: bool,
    /// Whether the pretraining data is released.
    pub open_data: Openness,
    /// Whether the training code is released.
    pub open_code: Openness,
    /// Where the licence facts come from.
    #[serde(default)]
    pub source: String,
}

/// One open-weight model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenModel {
    /// Stable identifier used in plan files, e.g. `llama3.1-70b`.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Developing organisation.
    pub developer: String,
    /// ISO 3166-1 alpha-2 code of the developer's home country.
    pub developer_country: String,
    /// Total parameters, in billions.
    pub total_params_b: f64,
    /// Parameters active per token, in billions (equal to the total for dense models).
    pub active_params_b: f64,
    /// Pretraining tokens, in trillions; `None` when not disclosed.
    #[serde(default)]
    pub training_tokens_t: Option<f64>,
    /// Context window, in thousands of tokens.
    #[serde(default)]
    pub context_k_tokens: Option<f64>,
    /// Officially supported languages as ISO 639-1 codes (ISO 639-3 where no 639-1 code exists).
    #[serde(default)]
    pub languages: Vec<String>,
    /// What the developer says about languages beyond the list, e.g. "119 languages and dialects".
    #[serde(default)]
    pub languages_note: String,
    /// Languages present in the pretraining data but not officially supported (same codes as
    /// `languages`, none repeated from it); empty when the developer does not list them.
    #[serde(default)]
    pub pretraining_languages: Vec<String>,
    /// Where the language lists come from.
    #[serde(default)]
    pub languages_source: String,
    /// KV-cache bytes per token at 16-bit precision (2 · layers · kv_heads · head_dim · 2 bytes);
    /// `None` when the architecture is not known.
    #[serde(default)]
    pub kv_bytes_per_token_bf16: Option<f64>,
    /// The licence of the weights.
    #[serde(default)]
    pub licence: Licence,
    /// Release date, `YYYY-MM-DD` or `YYYY-MM` where the day is not confirmed.
    #[serde(default)]
    pub release: String,
    /// How sure the catalog is of these figures.
    #[serde(default)]
    pub confidence: Confidence,
    /// Where the figures come from.
    pub source: String,
    /// Caveats: unverified or conflicting figures.
    #[serde(default)]
    pub notes: String,
    /// The foreign (or other) base this model was continued from, if it is a derivative; `None`
    /// for a model pretrained from scratch.
    #[serde(default)]
    pub derived_from: Option<Derivation>,
}

/// How a derivative model was made from its base: the base's licence still binds it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    /// The base model's id (a catalog id or one of the plan's models).
    pub base: String,
    /// Tokens of the derivative's own continued pretraining, in trillions.
    pub continued_tokens_t: f64,
}

impl OpenModel {
    /// Whether this is a mixture-of-experts model (fewer active than total parameters).
    pub fn is_mixture_of_experts(&self) -> bool {
        self.active_params_b < self.total_params_b
    }
}
