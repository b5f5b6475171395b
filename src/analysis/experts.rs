//! Experts had against experts needed.
//!
//! The need is a planning rule of thumb, not a published standard. It is sized on the teams behind
//! the reference efforts: from-scratch national models list 26 (ALLaM) to 100+ (Apertus) authors,
//! continued-pretraining efforts such as SEA-LION and Poro 2 run with teams of roughly a dozen to a
//! few dozen, and a fine-tune needs a handful. Per workload kind, core team FTE by role:
//!
//! | kind                  | research | engineering | data & language | policy/legal/ethics |
//! |-----------------------|---------:|------------:|----------------:|--------------------:|
//! | pretraining           |       10 |          15 |              10 |                   3 |
//! | continued pretraining |        4 |           6 |               6 |                   2 |
//! | full fine-tune        |        2 |           4 |               3 |                   1 |
//! | LoRA / QLoRA          |        1 |           2 |               2 |                   1 |
//! | serving               |        0 |           3 |               1 |                   1 |
//!
//! Teams move from one job to the next, so the need per role is the largest over the workloads,
//! not the sum. Infrastructure and operations: one FTE per 256 accelerators operated around the
//! clock, at least 2 (a minimal on-call rota) once the pool has any accelerator.

use crate::plan::{ExpertRole, Plan, WorkloadKind};

use super::report::{ExpertFigures, MemberFigures, Pooled};

/// Accelerators one infrastructure FTE looks after.
pub const ACCELERATORS_PER_INFRA_FTE: f64 = 256.0;
/// Smallest infrastructure team for a pool with accelerators.
pub const MIN_INFRA_FTE: f64 = 2.0;

/// Core team (research, engineering, data & language, policy) a workload kind needs, in FTE.
pub fn core_team_fte(kind: &WorkloadKind) -> [f64; 4] {
    match kind {
        WorkloadKind::Pretraining { .. } => [10.0, 15.0, 10.0, 3.0],
        WorkloadKind::ContinuedPretraining { .. } => [4.0, 6.0, 6.0, 2.0],
        WorkloadKind::FullFineTune { .. } => [2.0, 4.0, 3.0, 1.0],
        WorkloadKind::LoraFineTune { .. } => [1.0, 2.0, 2.0, 1.0],
        WorkloadKind::Serving { .. } => [0.0, 3.0, 1.0, 1.0],
    }
}

/// Infrastructure FTE a pool of this size needs.
pub fn infra_fte(accelerators: u64) -> f64 {
    if accelerators == 0 {
        0.0
    } else {
        (accelerators as f64 / ACCELERATORS_PER_INFRA_FTE)
            .ceil()
            .max(MIN_INFRA_FTE)
    }
}

/// What one walk over every expert line gathers for the member figures, the pooled experts and
/// the talent layer of the dependency (each sum in plan order).
#[derive(Default)]
pub(super) struct ExpertLineSums {
    /// Pooled FTE per role, total and foreign, for [`experts`].
    pub pooled: ExpertFigures,
    /// Talent-layer weights: foreign FTE, domestic FTE, and their running total, summed in the
    /// order the talent tally adds them (positive weights only).
    pub talent_foreign: f64,
    /// See `talent_foreign`.
    pub talent_domestic: f64,
    /// See `talent_foreign`.
    pub talent_total: f64,
    /// Positions of the members with a line whose foreign FTE exceed its FTE, in order (the
    /// warnings name those lines).
    pub over_foreign: Vec<usize>,
}

/// Walks every expert line once: fills each member's expert and foreign FTE and returns the other
/// sums. One walk lets the processor run the separate running sums side by side.
pub(super) fn sum_lines(plan: &Plan, members: &mut [MemberFigures]) -> ExpertLineSums {
    let mut sums = ExpertLineSums::default();
    for (i, (member, fig)) in plan.members.iter().zip(members.iter_mut()).enumerate() {
        for line in &member.experts {
            if line.foreign_fte > line.fte && sums.over_foreign.last() != Some(&i) {
                sums.over_foreign.push(i);
            }
            let foreign = line.foreign_fte.min(line.fte);
            let domestic = line.fte - foreign;
            fig.experts_fte += line.fte;
            fig.foreign_fte += foreign;
            sums.pooled.have_fte[line.role.index()] += line.fte;
            sums.pooled.total_fte += line.fte;
            sums.pooled.foreign_fte += foreign;
            // Same test as the tally's (`weight <= 0` is skipped), NaN included.
            if foreign > 0.0 || foreign.is_nan() {
                sums.talent_total += foreign;
                sums.talent_foreign += foreign;
            }
            if domestic > 0.0 || domestic.is_nan() {
                sums.talent_total += domestic;
                sums.talent_domestic += domestic;
            }
        }
    }
    sums
}

/// Pooled experts by role (summed by [`sum_lines`]) and what the workloads need.
pub(super) fn experts(plan: &Plan, pooled: &Pooled, had: &ExpertFigures) -> ExpertFigures {
    let mut fig = ExpertFigures {
        total_fte: had.total_fte,
        foreign_fte: had.foreign_fte,
        have_fte: had.have_fte,
        ..ExpertFigures::default()
    };
    let core_roles = [
        ExpertRole::MlResearch,
        ExpertRole::MlEngineering,
        ExpertRole::DataLanguage,
        ExpertRole::PolicyLegalEthics,
    ];
    for workload in &plan.workloads {
        for (role, fte) in core_roles.iter().zip(core_team_fte(&workload.kind)) {
            let need = &mut fig.need_fte[role.index()];
            *need = need.max(fte);
        }
    }
    fig.need_fte[ExpertRole::InfraOps.index()] = infra_fte(pooled.accelerators);
    fig.needed_fte = fig.need_fte.iter().fold(0.0, |a, b| a + b);
    fig
}
