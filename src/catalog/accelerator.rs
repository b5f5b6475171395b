//! Accelerators (GPUs, TPUs, NPUs) as the catalog describes them.

use serde::{Deserialize, Serialize};

use super::Confidence;

/// How an accelerator can be obtained and at what price.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub enum Price {
    /// An estimated purchase price per accelerator, in US dollars.
    EstimateUsd(f64),
    /// Sold only as rented cloud capacity (e.g. Google TPUs); no unit price exists.
    RentOnly,
    /// Sold, but no public price was found.
    #[default]
    Unknown,
}

/// What an accelerator's catalog TDP covers, which decides the server overhead put on top of it
/// (see `analysis::calibration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PowerScope {
    /// The accelerator package alone; the server's CPUs, memory, network and fans come on top.
    #[default]
    Gpu,
    /// A superchip module whose TDP already includes its CPU and memory (e.g. GH200).
    Module,
    /// A whole system or rack (e.g. a Cerebras CS-3); only the facility's PUE comes on top.
    System,
}

/// One accelerator model with its dense peak figures and its supply chain.
///
/// All compute figures are *dense* (no 2:4 sparsity); `None` means the figure is not published
/// or the format is not supported (e.g. no FP8 on an A100).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accelerator {
    /// Stable identifier used in plan files, e.g. `nvidia_h100_sxm`.
    pub id: String,
    /// Human-readable name, e.g. `NVIDIA H100 SXM5 80GB`.
    pub name: String,
    /// Designing company.
    pub vendor: String,
    /// ISO 3166-1 alpha-2 code of the vendor's headquarters.
    pub vendor_country: String,
    /// Foundry and process, e.g. `TSMC 4N`; `None` when not disclosed.
    #[serde(default)]
    pub fab: Option<String>,
    /// Countries where the logic dies are fabricated (alpha-2); empty when unknown.
    #[serde(default)]
    pub fab_countries: Vec<String>,
    /// Countries of the high-bandwidth-memory suppliers (alpha-2); empty when unknown.
    #[serde(default)]
    pub memory_supplier_countries: Vec<String>,
    /// Dense BF16 peak, in TFLOP/s.
    #[serde(default)]
    pub bf16_tflops: Option<f64>,
    /// Dense FP8 peak, in TFLOP/s; `None` when the chip has no FP8 speed-up.
    #[serde(default)]
    pub fp8_tflops: Option<f64>,
    /// On-package memory, in GB.
    #[serde(default)]
    pub memory_gb: Option<f64>,
    /// Memory bandwidth, in TB/s.
    #[serde(default)]
    pub memory_bandwidth_tbs: Option<f64>,
    /// Thermal design power, in watts, of what [`Accelerator::power_scope`] names.
    #[serde(default)]
    pub tdp_w: Option<f64>,
    /// What the TDP covers: the accelerator alone, a superchip module, or a whole system.
    #[serde(default)]
    pub power_scope: PowerScope,
    /// Whether the accelerator is sold for liquid-cooled racks only (the facility's PUE is then
    /// the plan's liquid-cooled PUE).
    #[serde(default)]
    pub liquid_cooled: bool,
    /// Year of launch or first volume shipments.
    #[serde(default)]
    pub launch_year: Option<u16>,
    /// Purchase price or rent-only.
    #[serde(default)]
    pub price: Price,
    /// How sure the catalog is of these figures.
    #[serde(default)]
    pub confidence: Confidence,
    /// How sure the catalog is of the price, where that differs from `confidence` (prices of
    /// accelerators with published specifications are often analysts' estimates). Left out when
    /// not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_confidence: Option<Confidence>,
    /// Where the figures come from.
    #[serde(default)]
    pub source: String,
    /// Caveats: unverified or conflicting figures, export-control status.
    #[serde(default)]
    pub notes: String,
}
