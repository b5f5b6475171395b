//! Serving capacity against demand.
//!
//! - Demand (tokens/s) = users × tokens per user per day ÷ 86,400 × peak factor.
//! - Weights = total parameters × bytes per parameter at the serving precision; KV cache per user =
//!   KV bytes per token (16-bit) × context tokens.
//! - Each chip line is a homogeneous group. A replica takes the fewest accelerators whose memory
//!   (90 % usable) holds the weights and one user's KV cache, or more (up to one 8-accelerator
//!   server) when that serves more tokens per accelerator; the rest of its memory holds users' KV
//!   caches (batch, capped at 256). A decode step reads the weights touched by the batch (min(total, active × batch)
//!   parameters) and the batch's KV caches through the replica's memory bandwidth, and computes
//!   2 · N_active FLOPs per token at the replica's peak × MFU; the slower of the two sets the step
//!   time (roofline). Replica throughput = batch ÷ step time; pool capacity = Σ replicas' throughput.

use crate::catalog::OpenModel;
use crate::plan::{Assumptions, Plan, Precision, WorkloadKind};

use super::capacity::peak_tflops;
use super::report::ServingFigures;
use super::resolved::Resolved;

/// Share of accelerator memory usable for weights and KV (the rest: runtime, fragmentation).
pub const USABLE_MEMORY_SHARE: f64 = 0.9;
/// Largest batch a replica is assumed to run.
pub const MAX_BATCH: f64 = 256.0;
/// KV bytes per token at 16-bit when the model's architecture is unknown (between Llama 3.1 8B's
/// 131 kB and 70B's 328 kB).
pub const FALLBACK_KV_BYTES_PER_TOKEN: f64 = 200_000.0;

/// One homogeneous group of accelerators.
struct Group {
    count: f64,
    memory_gb: f64,
    bandwidth_tbs: f64,
    peak_tflops: f64,
}

/// Per-replica result on one group.
#[derive(Clone)]
struct Replica {
    chips: f64,
    batch: f64,
    tokens_per_s: f64,
    step_s: f64,
    bandwidth_bound: bool,
}

/// Largest tensor-parallel group tried beyond the minimum (one 8-accelerator server).
pub const MAX_EXTRA_PARALLEL: f64 = 8.0;

fn replica_with(
    chips: f64,
    group: &Group,
    model: &OpenModel,
    bytes: f64,
    kv_gb_per_user: f64,
    a: &Assumptions,
) -> Option<Replica> {
    let weights_gb = model.total_params_b * bytes;
    let free = chips * group.memory_gb * USABLE_MEMORY_SHARE - weights_gb;
    if free < kv_gb_per_user {
        return None;
    }
    let batch = (free / kv_gb_per_user).floor().min(MAX_BATCH);
    let weight_params_read_b = model.total_params_b.min(model.active_params_b * batch);
    let bytes_read = (weight_params_read_b * bytes + batch * kv_gb_per_user) * 1e9;
    let memory_s = bytes_read / (chips * group.bandwidth_tbs * 1e12);
    let compute_s =
        2.0 * model.active_params_b * 1e9 * batch / (chips * group.peak_tflops * 1e12 * a.mfu);
    let step_s = memory_s.max(compute_s);
    Some(Replica {
        chips,
        batch,
        tokens_per_s: batch / step_s,
        step_s,
        bandwidth_bound: memory_s >= compute_s,
    })
}

/// The replica size with the best throughput per accelerator: from the fewest accelerators that
/// hold the weights and one user's KV cache up to 8 accelerators (one server) or the group size.
/// Fewest accelerators of the group that hold the weights and one user's KV cache.
fn smallest_replica(
    group: &Group,
    model: &OpenModel,
    precision: Precision,
    kv_gb_per_user: f64,
) -> f64 {
    let usable_per_chip = group.memory_gb * USABLE_MEMORY_SHARE;
    ((model.total_params_b * precision.bytes_per_param() + kv_gb_per_user) / usable_per_chip)
        .ceil()
        .max(1.0)
}

/// The largest replica the search tries, before capping at the group's size.
fn largest_replica_tried(
    group: &Group,
    model: &OpenModel,
    precision: Precision,
    kv_gb_per_user: f64,
) -> f64 {
    smallest_replica(group, model, precision, kv_gb_per_user).max(MAX_EXTRA_PARALLEL)
}

fn replica_on(
    group: &Group,
    model: &OpenModel,
    precision: Precision,
    kv_gb_per_user: f64,
    a: &Assumptions,
) -> Option<Replica> {
    let bytes = precision.bytes_per_param();
    let usable_per_chip = group.memory_gb * USABLE_MEMORY_SHARE;
    if usable_per_chip <= 0.0 || group.bandwidth_tbs <= 0.0 {
        return None;
    }
    let max_chips = largest_replica_tried(group, model, precision, kv_gb_per_user).min(group.count);
    let min_chips = smallest_replica(group, model, precision, kv_gb_per_user);
    let mut best: Option<Replica> = None;
    let mut chips = min_chips;
    while chips <= max_chips {
        if let Some(r) = replica_with(chips, group, model, bytes, kv_gb_per_user, a)
            && best
                .as_ref()
                // A larger replica must serve clearly more per accelerator (0.1 %) to win, so
                // ties go to the smaller replica rather than to rounding noise.
                .is_none_or(|b| r.tokens_per_s / r.chips > 1.001 * b.tokens_per_s / b.chips)
        {
            best = Some(r);
        }
        chips += 1.0;
    }
    best
}

/// One accelerator of the plan as serving sees it: its figures (a group of no chips yet), the
/// largest replica the search tries on it, and the best replica shape found for each line size.
type PerAccelerator = (Group, f64, Vec<(f64, Option<Replica>)>);

/// `x.floor()` for a non-negative `x`, without the library call that `floor` is on processors
/// without SSE4.1 (the baseline this app is built for): below 2⁵², truncating to an integer and
/// back is exact and equals the floor. Anything else goes to `floor`.
fn floor_non_negative(x: f64) -> f64 {
    const EXACT_BELOW: f64 = 4_503_599_627_370_496.0; // 2^52
    if (0.0..EXACT_BELOW).contains(&x) {
        (x as u64) as f64
    } else {
        x.floor()
    }
}

/// Serving figures for a serving workload on the whole pool.
pub fn serving(
    plan: &Plan,
    resolved: &Resolved,
    kind: &WorkloadKind,
    model: &OpenModel,
) -> Option<ServingFigures> {
    let WorkloadKind::Serving {
        users,
        tokens_per_user_per_day,
        precision,
    } = kind
    else {
        return None;
    };
    let a = &plan.assumptions;
    let precision = precision.unwrap_or(a.serving_precision);
    let kv_bytes = model
        .kv_bytes_per_token_bf16
        .unwrap_or(FALLBACK_KV_BYTES_PER_TOKEN);
    let kv_gb_per_user = kv_bytes * a.serving_context_tokens / 1e9;
    let mut fig = ServingFigures {
        precision,
        weights_gb: model.total_params_b * precision.bytes_per_param(),
        kv_gb_per_user,
        demand_tokens_per_s: users * tokens_per_user_per_day / 86_400.0 * a.serving_peak_factor,
        ..ServingFigures::default()
    };
    let mut best: Option<Replica> = None;
    // Per accelerator of the plan: its largest replica tried, and the best replica shape for
    // each line size met so far. Lines of the same accelerator share one shape whenever they hold
    // at least the largest replica tried, so each shape is searched once per accelerator and size.
    let mut per_acc: Vec<PerAccelerator> = resolved
        .accelerators
        .iter()
        .map(|acc| {
            let group = Group {
                count: 0.0,
                memory_gb: acc.memory_gb.unwrap_or(0.0),
                bandwidth_tbs: acc.memory_bandwidth_tbs.unwrap_or(0.0),
                peak_tflops: peak_tflops(acc, precision),
            };
            let largest = largest_replica_tried(&group, model, precision, kv_gb_per_user);
            (group, largest, Vec::new())
        })
        .collect();
    for chip in resolved.chips.iter().filter(|c| c.acc.is_some()) {
        let (of_acc, largest, shapes) = &mut per_acc[chip.acc_index as usize];
        let group = Group {
            count: f64::from(chip.line.count),
            ..*of_acc
        };
        if group.peak_tflops <= 0.0 {
            continue;
        }
        let size = group.count.min(*largest);
        let shape = match shapes.iter().find(|(n, _)| *n == size) {
            Some((_, shape)) => shape.clone(),
            None => {
                let shape = replica_on(&group, model, precision, kv_gb_per_user, a);
                shapes.push((size, shape.clone()));
                shape
            }
        };
        let Some(replica) = shape else {
            continue;
        };
        let replicas = floor_non_negative(group.count / replica.chips);
        fig.replicas += replicas as u64;
        fig.accelerators_serving += (replicas * replica.chips) as u64;
        fig.capacity_tokens_per_s += replicas * replica.tokens_per_s;
        if best.as_ref().is_none_or(|b| replica.step_s < b.step_s) {
            best = Some(replica);
        }
    }
    if let Some(best) = best {
        fig.accelerators_per_replica = best.chips as u64;
        fig.batch_per_replica = best.batch as u64;
        fig.tokens_per_s_per_user = 1.0 / best.step_s;
        fig.bandwidth_bound = best.bandwidth_bound;
    }
    fig.meets_demand = fig.replicas > 0 && fig.capacity_tokens_per_s >= fig.demand_tokens_per_s;
    Some(fig)
}
