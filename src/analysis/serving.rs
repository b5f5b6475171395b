//! Serving capacity against demand, calibrated on published maximum-throughput benchmarks.
//!
//! - Demand (tokens/s) = users × tokens per user per day ÷ 86,400 × peak factor.
//! - A conversation holds `serving_context_tokens` C in the KV cache at its end: a prompt of
//!   [`PROMPT_SHARE`] × C tokens and an answer of the rest. While it is answered it holds on average
//!   prompt + answer ÷ 2 tokens.
//! - Weights = total parameters × bytes per parameter at the serving precision. KV cache per
//!   token = the model's 16-bit KV bytes, halved when serving at FP8/INT8 (engines keep the KV cache
//!   in FP8 with FP8 weights; INT4 is weight-only and keeps a 16-bit cache).
//! - Replica shapes: tensor parallelism of 1, 2, 4 or 8 accelerators (powers of two divide the
//!   usual attention-head counts, 32, 64 or 128 in Llama 3.1; 3, 5, 6 or 7 do not; the catalog
//!   does not list head counts, so a model with 12 heads, such as Falcon3-10B, is not checked
//!   against 8), and past one
//!   8-accelerator server, whole servers (16, 24, ...; pipeline stages across servers, warned). A
//!   replica takes the smallest valid shape whose memory (90 % usable) holds the weights and one
//!   full conversation's KV cache, or a larger one when that serves more per accelerator.
//! - The rest of the replica's memory holds users' KV caches: batch = free ÷ average KV per user,
//!   at most [`MAX_BATCH`].
//! - Step time = memory time + compute time (the two do not overlap fully in a batched engine with
//!   prefill mixed in): memory = (weights read + batch × average KV) ÷ (accelerators × bandwidth ×
//!   [`BANDWIDTH_EFFICIENCY`]); compute = 2 · N_active · batch · (1 + prompt ÷ answer) ÷
//!   (accelerators × peak × [`COMPUTE_EFFICIENCY`]) — each answer token also pays its share of the
//!   prompt's prefill. Both are divided by [`TP_EFFICIENCY_PER_DOUBLING`]^log₂(accelerators) for
//!   the communication tensor parallelism adds.
//! - Replica throughput = batch ÷ step; pool capacity = Σ replicas' throughput. Each user then
//!   sees 1 ÷ step tokens/s (the per-user speed the capacity assumes: maximum-throughput batching,
//!   not an interactive latency target).
//! - The accelerators the workload needs: replicas of the best lines (most tokens/s per
//!   accelerator first) until demand is met, extrapolated on the best shape past the pool.
//!
//! Calibration: the efficiencies are fitted on NVIDIA's TensorRT-LLM "perf overview" throughput
//! table (see [`CALIBRATION_SOURCE`]): Llama 3.1 8B, Llama 3.3 70B and Llama 3.1 405B at FP8 on
//! H100 and H200 over ten prompt/answer lengths each (60 points); every point is reproduced within
//! 13 % (tests/sites_serving_dependency.rs lists them).

use crate::catalog::OpenModel;
use crate::plan::{Plan, Precision, WorkloadKind};

use super::capacity::peak_tflops;
use super::report::ServingFigures;
use super::resolved::Resolved;

/// Where the serving efficiencies come from.
pub const CALIBRATION_SOURCE: &str = "NVIDIA TensorRT-LLM docs, performance/perf-overview.md \
     (v1.0, 'Total Output Throughput', trtllm-bench throughput, FP8 ModelOpt checkpoints; read 2026-12-03)";
/// Share of accelerator memory usable for weights and KV (the rest: runtime, activations).
pub const USABLE_MEMORY_SHARE: f64 = 0.9;
/// Largest batch a replica is assumed to run (engines schedule up to 1,024–2,048 sequences).
pub const MAX_BATCH: f64 = 1024.0;
/// Share of a conversation's context that is prompt (the rest is the answer).
pub const PROMPT_SHARE: f64 = 0.5;
/// Achieved share of the peak memory bandwidth while decoding (fitted: 0.8).
pub const BANDWIDTH_EFFICIENCY: f64 = 0.8;
/// Achieved share of the peak at the serving precision for the model's matrix work (fitted: 0.6).
pub const COMPUTE_EFFICIENCY: f64 = 0.6;
/// Throughput kept per doubling of tensor-parallel accelerators (fitted: 0.85).
pub const TP_EFFICIENCY_PER_DOUBLING: f64 = 0.85;
/// Accelerators in one server (one NVLink domain for the catalog's 8-GPU boards).
pub const SERVER_ACCELERATORS: f64 = 8.0;
/// KV cache per token at 16-bit when the model's architecture is unknown (between Llama 3.1 8B's
/// 131 kB and 70B's 328 kB).
pub const FALLBACK_KV_BYTES_PER_TOKEN: f64 = 200_000.0;

/// Bytes per KV element at a serving precision, over the 16-bit figure.
pub fn kv_scale(precision: Precision) -> f64 {
    match precision {
        Precision::Fp8 | Precision::Int8 => 0.5,
        Precision::Bf16 | Precision::Int4 => 1.0,
    }
}

/// Whether `chips` is a valid replica shape: 1, 2, 4 or 8, or whole 8-accelerator servers.
pub fn valid_shape(chips: u64) -> bool {
    match chips {
        1 | 2 | 4 | 8 => true,
        n => n > 8 && n % 8 == 0,
    }
}

/// The smallest valid shape of at least `chips` accelerators.
fn valid_shape_at_least(chips: f64) -> f64 {
    if chips <= 1.0 {
        1.0
    } else if chips <= 2.0 {
        2.0
    } else if chips <= 4.0 {
        4.0
    } else {
        (chips / SERVER_ACCELERATORS).ceil() * SERVER_ACCELERATORS
    }
}

/// The next valid shape after `chips`.
fn next_shape(chips: f64) -> f64 {
    if chips < SERVER_ACCELERATORS {
        chips * 2.0
    } else {
        chips + SERVER_ACCELERATORS
    }
}

/// What one conversation holds: KV per token, prompt and answer tokens.
#[derive(Clone, Copy)]
struct Conversation {
    kv_gb_per_token: f64,
    prompt: f64,
    answer: f64,
}

impl Conversation {
    fn full_kv_gb(&self) -> f64 {
        self.kv_gb_per_token * (self.prompt + self.answer)
    }

    fn average_kv_gb(&self) -> f64 {
        self.kv_gb_per_token * (self.prompt + self.answer / 2.0)
    }
}

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

fn replica_with(
    chips: f64,
    group: &Group,
    model: &OpenModel,
    bytes: f64,
    conv: Conversation,
) -> Option<Replica> {
    let weights_gb = model.total_params_b * bytes;
    let free = chips * group.memory_gb * USABLE_MEMORY_SHARE - weights_gb;
    if free < conv.full_kv_gb() {
        return None;
    }
    let batch = (free / conv.average_kv_gb()).floor().clamp(1.0, MAX_BATCH);
    let weight_params_read_b = model.total_params_b.min(model.active_params_b * batch);
    let bytes_read = (weight_params_read_b * bytes + batch * conv.average_kv_gb()) * 1e9;
    let efficiency = TP_EFFICIENCY_PER_DOUBLING.powf(chips.log2());
    let memory_s =
        bytes_read / (chips * group.bandwidth_tbs * 1e12 * BANDWIDTH_EFFICIENCY * efficiency);
    let prefill = if conv.answer > 0.0 {
        conv.prompt / conv.answer
    } else {
        0.0
    };
    let compute_s = 2.0 * model.active_params_b * 1e9 * batch * (1.0 + prefill)
        / (chips * group.peak_tflops * 1e12 * COMPUTE_EFFICIENCY * efficiency);
    let step_s = memory_s + compute_s;
    Some(Replica {
        chips,
        batch,
        tokens_per_s: batch / step_s,
        step_s,
        bandwidth_bound: memory_s >= compute_s,
    })
}

/// Fewest accelerators of a valid shape that hold the weights and one full conversation.
fn smallest_replica(group: &Group, model: &OpenModel, bytes: f64, conv: Conversation) -> f64 {
    let usable_per_chip = group.memory_gb * USABLE_MEMORY_SHARE;
    valid_shape_at_least(
        ((model.total_params_b * bytes + conv.full_kv_gb()) / usable_per_chip).ceil(),
    )
}

/// The largest replica the search tries, before capping at the group's size: one server, or the
/// smallest shape when that is larger.
fn largest_replica_tried(group: &Group, model: &OpenModel, bytes: f64, conv: Conversation) -> f64 {
    smallest_replica(group, model, bytes, conv).max(SERVER_ACCELERATORS)
}

/// The valid replica shape with the best throughput per accelerator on a group.
fn replica_on(group: &Group, model: &OpenModel, bytes: f64, conv: Conversation) -> Option<Replica> {
    let usable_per_chip = group.memory_gb * USABLE_MEMORY_SHARE;
    if usable_per_chip <= 0.0 || group.bandwidth_tbs <= 0.0 {
        return None;
    }
    let max_chips = largest_replica_tried(group, model, bytes, conv).min(group.count);
    let mut best: Option<Replica> = None;
    let mut chips = smallest_replica(group, model, bytes, conv);
    while chips <= max_chips {
        if let Some(r) = replica_with(chips, group, model, bytes, conv)
            && best
                .as_ref()
                // A larger replica must serve clearly more per accelerator (0.1 %) to win, so
                // ties go to the smaller replica rather than to rounding noise.
                .is_none_or(|b| r.tokens_per_s / r.chips > 1.001 * b.tokens_per_s / b.chips)
        {
            best = Some(r);
        }
        chips = next_shape(chips);
    }
    best
}

/// Output tokens/s that `chips` accelerators of one kind serve at maximum throughput, on the best
/// valid replica shape, for conversations of `prompt_tokens` in and `answer_tokens` out (the
/// shape of published throughput benchmarks); `None` when no replica fits.
pub fn benchmark_capacity(
    acc: &crate::catalog::Accelerator,
    model: &OpenModel,
    precision: Precision,
    chips: u32,
    prompt_tokens: f64,
    answer_tokens: f64,
) -> Option<f64> {
    let group = Group {
        count: f64::from(chips),
        memory_gb: acc.memory_gb.unwrap_or(0.0),
        bandwidth_tbs: acc.memory_bandwidth_tbs.unwrap_or(0.0),
        peak_tflops: peak_tflops(acc, precision),
    };
    let kv = model
        .kv_bytes_per_token_bf16
        .unwrap_or(FALLBACK_KV_BYTES_PER_TOKEN)
        * kv_scale(precision);
    let conv = Conversation {
        kv_gb_per_token: kv / 1e9,
        prompt: prompt_tokens,
        answer: answer_tokens,
    };
    let r = replica_on(&group, model, precision.bytes_per_param(), conv)?;
    Some(floor_non_negative(group.count / r.chips) * r.tokens_per_s)
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
    let bytes = precision.bytes_per_param();
    let kv_bytes = model
        .kv_bytes_per_token_bf16
        .unwrap_or(FALLBACK_KV_BYTES_PER_TOKEN)
        * kv_scale(precision);
    let context = a.serving_context_tokens;
    let conv = Conversation {
        kv_gb_per_token: kv_bytes / 1e9,
        prompt: context * PROMPT_SHARE,
        answer: context * (1.0 - PROMPT_SHARE),
    };
    let mut fig = ServingFigures {
        precision,
        weights_gb: model.total_params_b * bytes,
        kv_gb_per_user: conv.full_kv_gb(),
        demand_tokens_per_s: users * tokens_per_user_per_day / 86_400.0 * a.serving_peak_factor,
        ..ServingFigures::default()
    };
    // Replica kinds in use: (accelerator, shape, replicas).
    let mut kinds: Vec<(u32, Replica, f64)> = Vec::new();
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
            let largest = largest_replica_tried(&group, model, bytes, conv);
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
                let shape = replica_on(&group, model, bytes, conv);
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
        if replicas > 0.0 {
            match kinds
                .iter_mut()
                .find(|(i, r, _)| *i == chip.acc_index && r.chips == replica.chips)
            {
                Some((_, _, n)) => *n += replicas,
                None => kinds.push((chip.acc_index, replica.clone(), replicas)),
            }
        }
    }
    // Best-suited first: the most tokens/s per accelerator.
    kinds.sort_by(|x, y| per_chip(&y.1).total_cmp(&per_chip(&x.1)));
    if let Some((_, best, _)) = kinds.first() {
        fig.accelerators_per_replica = best.chips as u64;
        fig.batch_per_replica = best.batch as u64;
        fig.tokens_per_s_per_user = 1.0 / best.step_s;
        fig.bandwidth_bound = best.bandwidth_bound;
    }
    fig.accelerators_needed = accelerators_needed(&kinds, fig.demand_tokens_per_s);
    fig.meets_demand = fig.replicas > 0 && fig.capacity_tokens_per_s >= fig.demand_tokens_per_s;
    Some(fig)
}

/// Tokens/s per accelerator of a replica.
fn per_chip(r: &Replica) -> f64 {
    r.tokens_per_s / r.chips
}

/// Accelerators that meet `demand`: replicas of the best-suited kinds first (`kinds` sorted so),
/// then more replicas of the best shape past what the pool holds. `None` without any replica.
fn accelerators_needed(kinds: &[(u32, Replica, f64)], demand: f64) -> Option<u64> {
    let best = &kinds.first()?.1;
    let (mut left, mut chips) = (demand, 0.0);
    for (_, r, n) in kinds {
        if left <= 0.0 {
            break;
        }
        let take = (left / r.tokens_per_s).ceil().min(*n);
        chips += take * r.chips;
        left -= take * r.tokens_per_s;
    }
    if left > 0.0 {
        chips += (left / best.tokens_per_s).ceil() * best.chips;
    }
    Some(chips as u64)
}
