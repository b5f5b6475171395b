//! Planning assumptions with sourced defaults the user can change.

use serde::{Deserialize, Serialize};

use super::checks;
use super::costs::CostAssumptions;

/// Numeric precision for training or serving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Precision {
    /// 16-bit brain floating point (2 bytes per weight).
    #[default]
    Bf16,
    /// 8-bit floating point (1 byte per weight); uses the FP8 peak where the chip has one.
    Fp8,
    /// 8-bit integer weights (1 byte per weight).
    Int8,
    /// 4-bit integer weights (0.5 bytes per weight).
    Int4,
}

impl Precision {
    /// Every precision, in display order.
    pub const ALL: [Precision; 4] = [
        Precision::Bf16,
        Precision::Fp8,
        Precision::Int8,
        Precision::Int4,
    ];

    /// Bytes per weight at this precision.
    pub fn bytes_per_param(self) -> f64 {
        match self {
            Precision::Bf16 => 2.0,
            Precision::Fp8 | Precision::Int8 => 1.0,
            Precision::Int4 => 0.5,
        }
    }

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            Precision::Bf16 => "BF16",
            Precision::Fp8 => "FP8",
            Precision::Int8 => "INT8",
            Precision::Int4 => "INT4",
        }
    }
}

/// Weights of the dependency layers in the overall index (any non-negative numbers; they are
/// normalised by their sum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct DependencyWeights {
    /// Chip design (vendor home country).
    #[serde(deserialize_with = "checks::weight")]
    pub chip_design: f64,
    /// Chip fabrication (foundry country).
    #[serde(deserialize_with = "checks::weight")]
    pub chip_fab: f64,
    /// High-bandwidth memory suppliers.
    #[serde(deserialize_with = "checks::weight")]
    pub memory: f64,
    /// Where compute is hosted and who operates it.
    #[serde(deserialize_with = "checks::weight")]
    pub hosting: f64,
    /// The base model's developer.
    #[serde(deserialize_with = "checks::weight")]
    pub model: f64,
    /// Foreign experts.
    #[serde(deserialize_with = "checks::weight")]
    pub talent: f64,
    /// Imported or foreign-sited energy.
    #[serde(deserialize_with = "checks::weight")]
    pub energy: f64,
}

impl Default for DependencyWeights {
    fn default() -> Self {
        DependencyWeights {
            chip_design: 1.0,
            chip_fab: 1.0,
            memory: 1.0,
            hosting: 1.0,
            model: 1.0,
            talent: 1.0,
            energy: 1.0,
        }
    }
}

/// The assumptions every figure rests on. Defaults and their sources: [`Assumptions::SOURCES`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// Model FLOPs utilisation the user enters: achieved training FLOP/s over the chips' dense
    /// peak, 0 to 1. Used for training when [`Assumptions::mfu_calibrated`] is off, and always
    /// for serving's compute limit.
    #[serde(deserialize_with = "checks::mfu")]
    pub mfu: f64,
    /// Whether training uses the calibrated MFU rule (by chip generation, model size, MoE and
    /// precision; `analysis::calibration`) instead of [`Assumptions::mfu`]. On for new plans; a
    /// file without this field was written before the rule existed and keeps its own MFU (off).
    #[serde(default)]
    pub mfu_calibrated: bool,
    /// Server power per accelerator as a multiple of its TDP (CPUs, memory, network, fans).
    #[serde(deserialize_with = "checks::server_overhead")]
    pub server_overhead: f64,
    /// Power usage effectiveness of the facility (facility power / IT power).
    #[serde(deserialize_with = "checks::pue")]
    pub pue: f64,
    /// Power usage effectiveness of liquid-cooled racks, used for accelerators the catalog marks
    /// liquid-cooled (GH200, GB200).
    #[serde(deserialize_with = "checks::pue")]
    pub liquid_pue: f64,
    /// Electricity price, in US dollars per MWh.
    #[serde(deserialize_with = "checks::amount")]
    pub electricity_usd_per_mwh: f64,
    /// Precision used for training (selects the BF16 or FP8 peak).
    pub training_precision: Precision,
    /// Weight precision used for serving.
    pub serving_precision: Precision,
    /// Tokens of context held in the KV cache per active user while serving.
    #[serde(deserialize_with = "checks::context_tokens")]
    pub serving_context_tokens: f64,
    /// Peak-hour traffic over the daily average.
    #[serde(deserialize_with = "checks::peak_factor")]
    pub serving_peak_factor: f64,
    /// Value of an accelerator without a purchase price, in US dollars per dense BF16 PFLOP/s.
    #[serde(deserialize_with = "checks::amount")]
    pub chip_value_usd_per_bf16_pflops: f64,
    /// Value of one expert full-time equivalent for a year, in US dollars (for members' stakes).
    #[serde(deserialize_with = "checks::amount")]
    pub expert_usd_per_fte_year: f64,
    /// Weights of the dependency layers in the overall index.
    pub dependency_weights: DependencyWeights,
    /// Rates and factors of the budget (format 5; a file without them gets the defaults).
    pub costs: CostAssumptions,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            mfu: 0.35,
            mfu_calibrated: true,
            server_overhead: 1.5,
            pue: 1.3,
            liquid_pue: 1.1,
            electricity_usd_per_mwh: 100.0,
            training_precision: Precision::Bf16,
            serving_precision: Precision::Bf16,
            serving_context_tokens: 4096.0,
            serving_peak_factor: 2.0,
            chip_value_usd_per_bf16_pflops: 30_000.0 / 0.989,
            expert_usd_per_fte_year: 100_000.0,
            dependency_weights: DependencyWeights::default(),
            costs: CostAssumptions::default(),
        }
    }
}

/// Where a default assumption comes from, for tooltips, the README and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssumptionSource {
    /// The field name in the plan file.
    pub key: &'static str,
    /// Display label with unit.
    pub label: &'static str,
    /// Why the default is what it is, and from which evidence.
    pub source: &'static str,
}

impl Assumptions {
    /// The evidence behind each default.
    pub const SOURCES: &'static [AssumptionSource] = &[
        AssumptionSource {
            key: "mfu",
            label: "MFU (fraction of dense peak achieved)",
            source: "0.35: the all-in utilisation of large published runs, counted from their reported \
                     accelerator-hours with 6·N·D: Llama 3.1 405B ≈ 0.35 (6·405e9·15.6e12 FLOP over \
                     30.84M H100-hours, Llama 3.1 model card), DeepSeek-V3 ≈ 0.33 of BF16 peak (2.788M \
                     H800-hours, arXiv 2412.19437), BLOOM ≈ 0.32 (1.08M A100-hours, BLOOM model card). \
                     Meta reports 38–43 % in steady state (arXiv 2407.21783); small models and MoE often \
                     reach only 15–30 %.",
        },
        AssumptionSource {
            key: "mfu_calibrated",
            label: "Calibrated MFU rule",
            source: "On: training MFU follows a rule fitted on published runs (README, \"Calibration\"): \
                     0.40 on chips without FP8 (A100-era; Llama 2, LLaMA, MPT, Falcon 180B); on FP8-era \
                     chips 0.27 at 70B active parameters, times (N/70B)^0.12 held to 0.6–1.25 (Llama 3 \
                     and 3.1 8B/70B/405B: smaller models reach less); × 0.92 for mixture-of-experts; FP8 \
                     training is counted against the FP8 peak at 1.25/2 of the BF16 MFU, i.e. a 1.25× real \
                     speed-up (DeepSeek-V3, Llama 4). Off: the MFU above is used as entered.",
        },
        AssumptionSource {
            key: "server_overhead",
            label: "Server overhead (× accelerator TDP)",
            source: "1.5 for accelerators whose TDP is the GPU alone; a superchip module (GH200: TDP \
                     includes CPU and memory) gets 1.0 and a whole system 1.0 (see the catalog's power \
                     scope). 1.5 lies between nameplate and measured draw. An NVIDIA DGX H100 is rated 10.2 kW for \
                     8 × 700 W GPUs (1.82 × TDP); measured HPC draw is lower (Frontier: 21.1 MW on HPL \
                     for 37,888 MI250X of 560 W, ≈1.0 × TDP including CPUs, TOP500 June 2022). With PUE \
                     1.3 this gives 1.37 kW per H100, against ≈1.5 kW per GPU for xAI's 100,000-H100 \
                     Colossus at a reported 150 MW.",
        },
        AssumptionSource {
            key: "pue",
            label: "PUE (facility ÷ IT power)",
            source: "1.3: Uptime Institute 2024 survey — new large facilities at or below 1.3, industry \
                     average 1.56–1.58; liquid-cooled AI halls reach ≈1.1, legacy rooms 1.6.",
        },
        AssumptionSource {
            key: "liquid_pue",
            label: "PUE of liquid-cooled racks",
            source: "1.1: direct liquid cooling removes most chiller and fan load; Uptime Institute \
                     and operators report ≈1.1 for liquid-cooled AI halls (LUMI ≈1.03 with free \
                     cooling). Used for chips the catalog marks liquid-cooled (GH200, GB200).",
        },
        AssumptionSource {
            key: "electricity_usd_per_mwh",
            label: "Electricity price (USD/MWh)",
            source: "100: a planning value between US industrial tariffs (≈80 USD/MWh) and EU \
                     non-household tariffs (≈150–200 EUR/MWh); not from a single source — enter the \
                     tariff the host site pays.",
        },
        AssumptionSource {
            key: "training_precision",
            label: "Training precision",
            source: "BF16: the precision of most published open-model runs (Llama 3, BLOOM, OLMo 2); \
                     FP8 training (DeepSeek-V3) reached only ≈17 % of the FP8 peak.",
        },
        AssumptionSource {
            key: "serving_precision",
            label: "Serving precision",
            source: "BF16: exact weights, supported by every accelerator; FP8/INT8 halve weight memory \
                     at a small quality cost, INT4 quarters it.",
        },
        AssumptionSource {
            key: "serving_context_tokens",
            label: "Context per active user (tokens)",
            source: "4,096: a planning value for a chat session's prompt and history held in the KV \
                     cache; long-document use needs far more.",
        },
        AssumptionSource {
            key: "serving_peak_factor",
            label: "Peak ÷ average traffic",
            source: "2: if a population's use falls in roughly 12 waking hours, the busy hours carry \
                     about twice the daily average rate.",
        },
        AssumptionSource {
            key: "chip_value_usd_per_bf16_pflops",
            label: "Value of unpriced chips (USD per BF16 PFLOP/s)",
            source: "≈30,300: the catalog's H100 estimate (≈30,000 USD for 0.989 dense BF16 PFLOP/s), \
                     used to value rent-only or unpriced accelerators in members' stakes.",
        },
        AssumptionSource {
            key: "expert_usd_per_fte_year",
            label: "Value of an expert (USD per FTE-year)",
            source: "100,000: a planning value for members' stakes only (no public source covers all \
                     member states; salaries differ widely) — set your own.",
        },
        AssumptionSource {
            key: "dependency_weights",
            label: "Dependency layer weights",
            source: "Equal weights, as in Stanford HAI's Global AI Vibrancy Tool, which lets users \
                     change them; no framework publishes numeric weights for these layers.",
        },
    ];
}
