//! Defaults calibrated on published training runs and facility figures, with the spread of that
//! evidence (the bands `ranges` turns into low–high figures).
//!
//! MFU rule (fitted on Llama 2, BLOOM, Llama 3.1 and DeepSeek-V3; checked against held-out runs in
//! `tests/calibration.rs` and the README's calibration table):
//! - Chips without an FP8 peak (A100-era): 0.40 of the BF16 peak at every model size (Llama 2
//!   7B/13B/70B reach 0.38–0.43 counted with 6·N·D from their model card's GPU-hours; BLOOM 0.32).
//! - Chips with FP8 (Hopper and later): 0.27 at 70B active parameters, × (N / 70B)^0.12 held to
//!   0.6–1.25: Llama 3.1 8B reaches 0.14, 70B 0.25, 405B 0.35 of the H100's BF16 peak. Faster chips
//!   outrun their memory and network, so the same model gets a smaller share of the peak.
//! - Mixture-of-experts (fewer active than total parameters): × 0.92 (all-to-all traffic).
//! - FP8 training is counted against the FP8 peak (twice BF16) at 1.25 / 2 of the BF16 MFU: the real
//!   speed-up of published FP8 runs is ≈1.25×, not 2× (DeepSeek-V3 reached 0.33 of the H800's BF16
//!   peak, i.e. 0.17 of its FP8 peak; Llama 4 0.23–0.27).
//!
//! Power: the server overhead depends on what the catalog's TDP covers (the plan's overhead for a
//! GPU alone; 1.0 for a superchip module that already includes its CPU and memory — Isambard-AI
//! runs 5,448 GH200 of up to 1,000 W each in under 5 MW; 1.0 for a whole system), and the PUE on
//! the cooling (the plan's liquid-cooled PUE for parts sold only for liquid-cooled racks).

use crate::catalog::{Accelerator, Confidence, PowerScope};
use crate::plan::{Assumptions, Precision};

/// MFU of chips without an FP8 peak (A100-era), at every model size.
pub const MFU_PRE_FP8: f64 = 0.40;
/// MFU of FP8-era chips at 70B active parameters (BF16 training).
pub const MFU_FP8_ERA_70B: f64 = 0.27;
/// Exponent of the model-size factor on FP8-era chips: MFU ∝ (N / 70B)^this.
pub const MFU_SIZE_EXPONENT: f64 = 0.12;
/// Lowest and highest model-size factor.
pub const MFU_SIZE_FACTOR_LIMITS: (f64, f64) = (0.6, 1.25);
/// Factor for mixture-of-experts models.
pub const MFU_MOE_FACTOR: f64 = 0.92;
/// Real speed-up of FP8 training over BF16 in published runs (the FP8 peak is 2×).
pub const FP8_REAL_SPEEDUP: f64 = 1.25;
/// Server overhead of a superchip module or a whole system (TDP already covers CPU and memory).
pub const MODULE_OVERHEAD: f64 = 1.0;

/// Relative spread of the evidence behind each assumption (half-widths, 0 to < 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    /// MFU: published runs scatter ±30 % around the rule (README calibration table).
    pub mfu: f64,
    /// Server overhead on a GPU-only TDP: measured draw 1.0–1.2 × TDP up to the DGX H100 nameplate
    /// 1.82 × TDP, i.e. 1.5 ± 20 %.
    pub overhead_gpu: f64,
    /// Overhead on a superchip module or a system: modules run below their maximum TDP, network
    /// and storage come on top (Isambard-AI, Alps): ± 15 %.
    pub overhead_module: f64,
    /// PUE: a site's PUE is known to about ± 8 % before it is built (1.2–1.4 around 1.3).
    pub pue: f64,
    /// Serving capacity: the serving model lands within ±13 % of NVIDIA's TensorRT-LLM
    /// throughput table (`serving`), so ± 15 %.
    pub serving: f64,
    /// Experts needed: the median relative distance between the expert rule and the published
    /// team sizes of comparable efforts is 0.42 (`tests/experts_calibration.rs`), so ± 50 %.
    pub experts: f64,
    /// Extra spread of a catalog figure marked Medium confidence.
    pub medium_confidence: f64,
    /// Extra spread of a catalog figure marked Low confidence.
    pub low_confidence: f64,
}

impl Bands {
    /// The bands the evidence supports (used by `analyze`).
    pub const EVIDENCE: Bands = Bands {
        mfu: 0.30,
        overhead_gpu: 0.20,
        overhead_module: 0.15,
        pue: 0.08,
        serving: 0.15,
        experts: 0.50,
        medium_confidence: 0.10,
        low_confidence: 0.25,
    };

    /// No spread at all: every range collapses onto its point.
    pub const ZERO: Bands = Bands {
        mfu: 0.0,
        overhead_gpu: 0.0,
        overhead_module: 0.0,
        pue: 0.0,
        serving: 0.0,
        experts: 0.0,
        medium_confidence: 0.0,
        low_confidence: 0.0,
    };

    /// Extra relative spread of a catalog figure with this confidence.
    pub fn confidence(&self, c: Confidence) -> f64 {
        match c {
            Confidence::High => 0.0,
            Confidence::Medium => self.medium_confidence,
            Confidence::Low => self.low_confidence,
        }
    }

    /// Relative spread of the server overhead for this power scope.
    pub fn overhead(&self, scope: PowerScope) -> f64 {
        match scope {
            PowerScope::Gpu => self.overhead_gpu,
            PowerScope::Module | PowerScope::System => self.overhead_module,
        }
    }
}

/// Calibrated MFU of one chip class for a model, against the peak at the training precision.
pub fn mfu_rule(has_fp8: bool, active_params_b: f64, moe: bool, precision: Precision) -> f64 {
    let bf16 = if has_fp8 {
        let (lo, hi) = MFU_SIZE_FACTOR_LIMITS;
        let size = (active_params_b.max(1e-3) / 70.0)
            .powf(MFU_SIZE_EXPONENT)
            .clamp(lo, hi);
        MFU_FP8_ERA_70B * size
    } else {
        MFU_PRE_FP8
    };
    let moe_factor = if moe { MFU_MOE_FACTOR } else { 1.0 };
    // Only chips with an FP8 peak run FP8 faster; the others fall back to their BF16 peak.
    let fp8_factor = if has_fp8 && precision != Precision::Bf16 {
        FP8_REAL_SPEEDUP / 2.0
    } else {
        1.0
    };
    bf16 * moe_factor * fp8_factor
}

/// Server overhead on top of this accelerator's TDP.
pub fn overhead(acc: &Accelerator, a: &Assumptions) -> f64 {
    match acc.power_scope {
        PowerScope::Gpu => a.server_overhead,
        PowerScope::Module | PowerScope::System => MODULE_OVERHEAD,
    }
}

/// Facility PUE for this accelerator's cooling.
pub fn pue(acc: &Accelerator, a: &Assumptions) -> f64 {
    if acc.liquid_cooled {
        a.liquid_pue
    } else {
        a.pue
    }
}
