//! Workloads the consortium wants to run on the shared base model.

use serde::{Deserialize, Serialize};

use super::Precision;
use super::checks;

/// What kind of job a workload is, with its size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum WorkloadKind {
    /// Training the base model's architecture from scratch on `tokens` tokens.
    Pretraining {
        /// Training tokens.
        #[serde(deserialize_with = "checks::amount")]
        tokens: f64,
    },
    /// Continued pretraining of the base model on `tokens` new tokens (e.g. regional languages).
    ContinuedPretraining {
        /// Training tokens.
        #[serde(deserialize_with = "checks::amount")]
        tokens: f64,
    },
    /// Full fine-tuning (all weights updated) on `tokens` tokens.
    FullFineTune {
        /// Training tokens.
        #[serde(deserialize_with = "checks::amount")]
        tokens: f64,
    },
    /// LoRA fine-tuning on `tokens` tokens; `quantized_base` means QLoRA (4-bit frozen base).
    LoraFineTune {
        /// Training tokens.
        #[serde(deserialize_with = "checks::amount")]
        tokens: f64,
        /// Whether the frozen base is held in 4-bit (QLoRA).
        #[serde(default)]
        quantized_base: bool,
    },
    /// Serving the model to users.
    Serving {
        /// Users served.
        #[serde(deserialize_with = "checks::amount")]
        users: f64,
        /// Tokens generated per user per day.
        #[serde(deserialize_with = "checks::amount")]
        tokens_per_user_per_day: f64,
        /// Weight precision for serving; `None` uses the plan's serving-precision assumption.
        #[serde(default)]
        precision: Option<Precision>,
    },
}

impl WorkloadKind {
    /// A stable machine name for the kind (used in JSON output).
    pub fn key(&self) -> &'static str {
        match self {
            WorkloadKind::Pretraining { .. } => "pretraining",
            WorkloadKind::ContinuedPretraining { .. } => "continued_pretraining",
            WorkloadKind::FullFineTune { .. } => "full_fine_tune",
            WorkloadKind::LoraFineTune {
                quantized_base: false,
                ..
            } => "lora_fine_tune",
            WorkloadKind::LoraFineTune {
                quantized_base: true,
                ..
            } => "qlora_fine_tune",
            WorkloadKind::Serving { .. } => "serving",
        }
    }

    /// A display label for the kind.
    pub fn label(&self) -> &'static str {
        match self {
            WorkloadKind::Pretraining { .. } => "pretraining from scratch",
            WorkloadKind::ContinuedPretraining { .. } => "continued pretraining",
            WorkloadKind::FullFineTune { .. } => "full fine-tune",
            WorkloadKind::LoraFineTune {
                quantized_base: false,
                ..
            } => "LoRA fine-tune",
            WorkloadKind::LoraFineTune {
                quantized_base: true,
                ..
            } => "QLoRA fine-tune",
            WorkloadKind::Serving { .. } => "serving",
        }
    }

    /// Training tokens, for the training kinds.
    pub fn training_tokens(&self) -> Option<f64> {
        match self {
            WorkloadKind::Pretraining { tokens }
            | WorkloadKind::ContinuedPretraining { tokens }
            | WorkloadKind::FullFineTune { tokens }
            | WorkloadKind::LoraFineTune { tokens, .. } => Some(*tokens),
            WorkloadKind::Serving { .. } => None,
        }
    }
}

/// One workload with its name and target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// What the planners call it, e.g. "Regional-language continued pretraining".
    pub name: String,
    /// What it is and how big.
    pub kind: WorkloadKind,
    /// Wall-clock days the consortium wants it done in (training kinds only).
    #[serde(default, deserialize_with = "checks::optional_days")]
    pub target_days: Option<f64>,
    /// The members that need this workload (ISO 3166-1 alpha-2 codes), for sharing the bill by
    /// use; empty means the whole consortium. Left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}
