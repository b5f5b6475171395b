//! Training workloads: compute, time, energy and memory fit.
//!
//! - Training compute C = 6 · N · D for pretraining, continued pretraining and full fine-tuning
//!   (2ND forward + 4ND backward; Kaplan et al. 2020), with N = *active* parameters for
//!   mixture-of-experts models (as Epoch AI and DeepSeek count).
//! - LoRA and QLoRA: C = 4 · N · D — the frozen base still runs forward (2ND) and back-propagates
//!   activations (2ND), but computes no weight gradients for the frozen weights.
//! - One job runs on one co-located group: the site with the most compute at the training precision
//!   (see `sites`). Chips at other sites (another country, or a rented cloud) are not assumed to
//!   join it: data-parallel training across sites would need the sites linked at data-centre
//!   bandwidth, which a plan does not describe. A warning names the site when the pool has several.
//! - Wall-clock seconds = C ÷ (that site's peak at the training precision × MFU);
//!   accelerator-hours = the site's accelerators × wall-clock hours; energy = the site's facility
//!   power × hours.
//!   MFU is the plan's own, or with the calibrated rule on, each chip class's rule MFU weighted
//!   by its share of the site's peak (`calibration::mfu_rule`).
//! - Ranges: time and accelerator-hours ∝ 1 / (MFU × peak), so they span the MFU band and the
//!   catalog-confidence band of the site's peak; energy = the site's power range × hours range.
//! - Memory: full training holds ≈16 bytes per parameter of model state (BF16 weights and gradients,
//!   FP32 master weights and two Adam moments) plus activations; planners use 16–20 B/param, we use
//!   the upper end (20) to cover activations with checkpointing. LoRA keeps the frozen base in BF16
//!   (2 B/param) and QLoRA in 4-bit NF4 (≈0.55 B/param with quantisation constants), each with 20 %
//!   on top for adapters, their optimiser state and activations. The site is assumed to shard the
//!   job across all its memory (ZeRO-3 / FSDP).

use crate::catalog::OpenModel;
use crate::plan::{Assumptions, Workload, WorkloadKind};

use super::calibration::{Bands, mfu_rule};
use super::ranges;
use super::report::{SiteFigures, WorkloadFigures};

/// Bytes per parameter for full training (model states + activations).
pub const FULL_TRAINING_BYTES_PER_PARAM: f64 = 20.0;
/// Bytes per parameter for LoRA (BF16 frozen base + 20 %).
pub const LORA_BYTES_PER_PARAM: f64 = 2.0 * 1.2;
/// Bytes per parameter for QLoRA (NF4 frozen base + constants + 20 %).
pub const QLORA_BYTES_PER_PARAM: f64 = 0.55 * 1.2;

/// FLOPs per parameter per token for this kind of training (6 full, 4 LoRA), if it trains.
pub fn flops_per_param_token(kind: &WorkloadKind) -> Option<f64> {
    match kind {
        WorkloadKind::Pretraining { .. }
        | WorkloadKind::ContinuedPretraining { .. }
        | WorkloadKind::FullFineTune { .. } => Some(6.0),
        WorkloadKind::LoraFineTune { .. } => Some(4.0),
        WorkloadKind::Serving { .. } => None,
    }
}

/// Bytes per parameter the training job needs in accelerator memory.
pub fn training_bytes_per_param(kind: &WorkloadKind) -> f64 {
    match kind {
        WorkloadKind::LoraFineTune {
            quantized_base: false,
            ..
        } => LORA_BYTES_PER_PARAM,
        WorkloadKind::LoraFineTune {
            quantized_base: true,
            ..
        } => QLORA_BYTES_PER_PARAM,
        _ => FULL_TRAINING_BYTES_PER_PARAM,
    }
}

/// MFU for training `model` on `site`: the plan's own, or the calibrated rule weighted over the
/// site's chip classes by their share of its peak at the training precision.
pub fn training_mfu(model: &OpenModel, site: &SiteFigures, assumptions: &Assumptions) -> f64 {
    if !assumptions.mfu_calibrated {
        return assumptions.mfu;
    }
    let moe = model.active_params_b < model.total_params_b;
    let p = assumptions.training_precision;
    let modern = mfu_rule(true, model.active_params_b, moe, p);
    let older = mfu_rule(false, model.active_params_b, moe, p);
    if site.training_pflops > 0.0 {
        let share = (site.training_pflops_fp8_era / site.training_pflops).clamp(0.0, 1.0);
        share * modern + (1.0 - share) * older
    } else {
        modern
    }
}

/// Figures for one training workload on `site`, the pool's largest co-located group (an empty
/// site when the pool has no chips), with `sites_in_pool` sites holding chips;
/// ranges from `bands`.
pub fn training(
    workload: &Workload,
    model: Option<&OpenModel>,
    site: &SiteFigures,
    sites_in_pool: u64,
    assumptions: &Assumptions,
    bands: &Bands,
) -> WorkloadFigures {
    let mut fig = WorkloadFigures {
        name: workload.name.clone(),
        kind: workload.kind.key(),
        target_days: workload.target_days,
        memory_available_gb: site.memory_tb * 1000.0,
        ..WorkloadFigures::default()
    };
    let (Some(model), Some(factor), Some(tokens)) = (
        model,
        flops_per_param_token(&workload.kind),
        workload.kind.training_tokens(),
    ) else {
        return fig;
    };
    let active = model.active_params_b * 1e9;
    let total = model.total_params_b * 1e9;
    let flops = factor * active * tokens;
    fig.train_flops = Some(flops);
    fig.site = (site.accelerators > 0).then(|| site.name());
    fig.site_accelerators = site.accelerators;
    fig.sites_in_pool = sites_in_pool;
    fig.memory_needed_gb = total * training_bytes_per_param(&workload.kind) / 1e9;
    fig.fits = site.accelerators > 0 && fig.memory_needed_gb <= fig.memory_available_gb;
    let mfu = training_mfu(model, site, assumptions);
    fig.mfu = mfu;
    let effective_flops_per_s = site.training_pflops * 1e15 * mfu;
    if effective_flops_per_s > 0.0 {
        let hours = flops / effective_flops_per_s / 3600.0;
        let hours_range = ranges::inverse(hours, &[bands.mfu, site.peak_band()]);
        fig.days = Some(hours / 24.0);
        fig.days_range = Some(ranges::scale(hours_range, 1.0 / 24.0));
        fig.gpu_hours = Some(hours * site.accelerators as f64);
        fig.gpu_hours_range = Some(ranges::scale(hours_range, site.accelerators as f64));
        fig.energy_mwh = Some(site.required_mw * hours);
        fig.energy_mwh_range = Some(ranges::product(site.required_mw_range, hours_range));
        fig.energy_cost_usd = Some(site.required_mw * hours * assumptions.electricity_usd_per_mwh);
        fig.target_met = workload.target_days.map(|t| hours / 24.0 <= t);
    }
    fig.required_pflops_for_target = workload
        .target_days
        .map(|t| flops / (t * 86_400.0 * mfu) / 1e15);
    fig
}

/// Days to finish a training workload if the pool's compute is scaled by `scale` (what-if curve):
/// wall-clock time is inversely proportional to pooled compute at a fixed MFU.
pub fn days_at_scale(days: f64, scale: f64) -> f64 {
    if scale > 0.0 {
        days / scale
    } else {
        f64::INFINITY
    }
}
