//! Experts had against experts needed.
//!
//! The need is a planning rule, checked against the published team sizes of comparable efforts
//! (`tests/experts_calibration.rs` lists each case with its source; the README has the table).
//! Those are author counts on technical reports, not FTE: authors include part-time advisers and
//! students, and leave out programme managers, lawyers and the computing centre's staff. The rule's
//! technical core (research + engineering + data) is compared with them: from-scratch efforts list
//! 8 (Poro 34B) to 102 (Apertus) authors, continued pretraining 7 (Typhoon) to 10 (Swallow) in
//! research labs and ~200 collaborators across Latam-GPT's institutions, full fine-tunes 14
//! (Zephyr) to 23 (Tülu 3), LoRA adaptations 3 to 4. The median distance between the rule and a
//! published team is 0.42 of the rule, hence the ± 50 % experts band (`calibration::Bands`).
//! Per workload kind, core team FTE by role:
//!
//! | kind                  | research | engineering | data & language | policy/legal/ethics |
//! |-----------------------|---------:|------------:|----------------:|--------------------:|
//! | pretraining           |       10 |          15 |              10 |                   3 |
//! | continued pretraining |        4 |           6 |               6 |                   2 |
//! | full fine-tune        |        3 |           5 |               4 |                   1 |
//! | LoRA / QLoRA          |        1 |           2 |               2 |                   1 |
//! | serving               |        0 |           3 |               1 |                   1 |
//!
//! (Full fine-tune was 2/4/3/1 before the comparison: 9 technical FTE sat at the low edge of the
//! published 14–23.) No published team size was found for serving; its row stays a rule of thumb.
//!
//! Teams move from one job to the next, so the need per role is the largest over the workloads,
//! not the sum. Infrastructure and operations: one FTE per 256 accelerators operated around the
//! clock, at least 2 (a minimal on-call rota) once the pool has any accelerator. The range is the
//! point ± the experts band.

use crate::plan::{ExpertRole, Plan, WorkloadKind};

use super::calibration::Bands;
use super::ranges;
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
        WorkloadKind::FullFineTune { .. } => [3.0, 5.0, 4.0, 1.0],
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
    let mut over_foreign = Vec::new();
    // Running sums in locals rather than in the returned struct: the processor keeps them in
    // registers, instead of storing and reloading them on every line.
    let mut have_fte = [0.0; 5];
    let (mut total_fte, mut foreign_fte) = (0.0, 0.0);
    let (mut talent_total, mut talent_foreign, mut talent_domestic) = (0.0, 0.0, 0.0);
    // The talent tally skips weights `<= 0` (NaN is kept). Adding +0.0 instead leaves a sum of
    // positive (or NaN) terms exactly as it was, and spares an unpredictable branch.
    let weight = |w: f64| if w > 0.0 || w.is_nan() { w } else { 0.0 };
    for (i, (member, fig)) in plan.members.iter().zip(members.iter_mut()).enumerate() {
        let (mut experts, mut foreign_of_member) = (fig.experts_fte, fig.foreign_fte);
        // No call inside the line loop (a call would make the compiler keep the sums in memory).
        let mut over = false;
        for line in &member.experts {
            over |= line.foreign_fte > line.fte;
            let foreign = line.foreign_fte.min(line.fte);
            let domestic = line.fte - foreign;
            experts += line.fte;
            foreign_of_member += foreign;
            have_fte[line.role.index()] += line.fte;
            total_fte += line.fte;
            foreign_fte += foreign;
            let (foreign_w, domestic_w) = (weight(foreign), weight(domestic));
            talent_total = talent_total + foreign_w + domestic_w;
            talent_foreign += foreign_w;
            talent_domestic += domestic_w;
        }
        fig.experts_fte = experts;
        fig.foreign_fte = foreign_of_member;
        if over {
            over_foreign.push(i);
        }
    }
    ExpertLineSums {
        pooled: ExpertFigures {
            have_fte,
            total_fte,
            foreign_fte,
            ..ExpertFigures::default()
        },
        talent_foreign,
        talent_domestic,
        talent_total,
        over_foreign,
    }
}

/// Pooled experts by role (summed by [`sum_lines`]) and what the workloads need, with the need's
/// range from the experts band.
pub(super) fn experts(
    plan: &Plan,
    pooled: &Pooled,
    had: &ExpertFigures,
    bands: &Bands,
) -> ExpertFigures {
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
    fig.needed_fte_range = needed_fte_range(fig.needed_fte, bands);
    fig
}

/// Low and high ends of an expert need: the point ± the experts band.
pub fn needed_fte_range(needed_fte: f64, bands: &Bands) -> ranges::Range {
    ranges::proportional(needed_fte, &[bands.experts])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pretraining_team_of_54_fte_spans_27_to_81_with_the_evidence_band() {
        // 38 core FTE + 16 infrastructure FTE for 4,096 accelerators.
        let need = core_team_fte(&WorkloadKind::Pretraining { tokens: 1e12 })
            .iter()
            .sum::<f64>()
            + infra_fte(4096);
        assert_eq!(need, 54.0);
        let [lo, hi] = needed_fte_range(need, &Bands::EVIDENCE);
        assert!(
            (lo - 27.0).abs() < 1e-9 && (hi - 81.0).abs() < 1e-9,
            "{lo}–{hi}"
        );
    }

    #[test]
    fn without_a_band_the_range_is_the_point() {
        assert_eq!(needed_fte_range(20.0, &Bands::ZERO), [20.0, 20.0]);
    }

    #[test]
    fn a_full_fine_tune_needs_more_than_lora_and_less_than_continued_pretraining() {
        let core = |k: WorkloadKind| core_team_fte(&k).iter().sum::<f64>();
        let full = core(WorkloadKind::FullFineTune { tokens: 1e9 });
        assert_eq!(full, 13.0);
        assert!(
            full > core(WorkloadKind::LoraFineTune {
                tokens: 1e9,
                quantized_base: false,
            })
        );
        assert!(full < core(WorkloadKind::ContinuedPretraining { tokens: 1e11 }));
    }
}
