//! Warnings a planner needs, in plain words, each tied to what it concerns.

use crate::catalog::Catalog;
use crate::plan::{ExpertRole, Plan};

use super::dependency::MemberSet;
use super::report::{Report, Severity, Subject, Warning};
use super::resolved::Resolved;

fn push(out: &mut Vec<Warning>, severity: Severity, subject: Subject, message: String) {
    out.push(Warning {
        severity,
        subject,
        message,
    });
}

/// All warnings for a plan whose figures are already in `report`.
///
/// The expert-line and member sums come from the earlier passes (`members`, `over_foreign`, the
/// member figures), so this pass does not walk the expert and power lines again.
pub fn warnings(
    plan: &Plan,
    catalog: &Catalog,
    resolved: &Resolved,
    members: &MemberSet,
    over_foreign: &[usize],
    report: &Report,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if report.model.is_none() {
        push(
            &mut out,
            Severity::Blocker,
            Subject::Model,
            format!(
                "Unknown base model {:?}: pick one from the catalog or define it in the plan.",
                plan.base_model
            ),
        );
    }
    if plan.members.is_empty() {
        push(
            &mut out,
            Severity::Caution,
            Subject::Plan,
            "The plan has no members yet.".to_string(),
        );
    }
    // The chip lines with something to say, in plan order. A new warning about a chip line must
    // also be added to the rule of `Resolved::questionable`, or lines that only it concerns are
    // never looked at here.
    let mut questionable = resolved
        .questionable
        .iter()
        .map(|&c| &resolved.chips[c])
        .peekable();
    for (i, (member, fig)) in plan.members.iter().zip(&report.members).enumerate() {
        let country = resolved.countries[i];
        let name = country.map_or(member.country.as_str(), |c| c.name.as_str());
        if country.is_none() {
            push(
                &mut out,
                Severity::Blocker,
                Subject::Member(i),
                format!("Unknown country code {:?}.", member.country),
            );
        }
        if members.is_repeat(i) {
            push(
                &mut out,
                Severity::Caution,
                Subject::Member(i),
                format!("{name} is listed twice; merge its contributions."),
            );
        }
        // Nothing at all: no chips (known or not), power, experts or funding.
        let funding = member.funding.as_ref().map_or(0.0, |f| f.amount);
        // (Known chips are counted in the figures: only a member without any need its lines read.)
        if !plan.is_member_now(i) {
            push(
                &mut out,
                Severity::Info,
                Subject::Member(i),
                format!(
                    "{name} joins in {}: it is not counted in this year.",
                    member.joins.unwrap_or_default()
                ),
            );
        } else if fig.accelerators == 0
            && member.chips.iter().all(|c| c.count == 0)
            && fig.power_mw == 0.0
            && fig.experts_fte == 0.0
            && funding == 0.0
        {
            push(
                &mut out,
                Severity::Caution,
                Subject::Member(i),
                format!("{name} contributes nothing yet."),
            );
        }
        while let Some(chip) = questionable.next_if(|chip| chip.member == i) {
            let (j, line) = (chip.index, chip.line);
            match chip.acc {
                None => push(
                    &mut out,
                    Severity::Blocker,
                    Subject::ChipLine(i, j),
                    format!(
                        "{name}: unknown accelerator {:?}; its chips are left out of every figure.",
                        line.accelerator
                    ),
                ),
                Some(acc) if acc.bf16_tflops.is_none() => push(
                    &mut out,
                    Severity::Caution,
                    Subject::ChipLine(i, j),
                    format!(
                        "{name}: {} has no published dense BF16 peak; its compute counts as zero.",
                        acc.name
                    ),
                ),
                Some(_) => {}
            }
            let provider = match &line.tenure {
                crate::plan::Tenure::Rented {
                    provider_country, ..
                } => Some((provider_country, chip.provider_slot)),
                crate::plan::Tenure::Owned => None,
            };
            // A line without `hosted_in` is hosted by its member, whose code is warned about above.
            let host = line.hosted_in.as_ref().map(|code| (code, chip.host_slot));
            for (code, slot) in host.into_iter().chain(provider) {
                if catalog.country_at_slot(usize::from(slot)).is_none() {
                    push(
                        &mut out,
                        Severity::Caution,
                        Subject::ChipLine(i, j),
                        format!("{name}: unknown country code {code:?}."),
                    );
                }
            }
        }
        let experts = if over_foreign.binary_search(&i).is_ok() {
            member.experts.as_slice()
        } else {
            &[]
        };
        for line in experts {
            if line.foreign_fte > line.fte {
                push(
                    &mut out,
                    Severity::Caution,
                    Subject::Member(i),
                    format!(
                        "{name}: {} foreign FTE exceed the {} FTE of {}; counted as {}.",
                        line.foreign_fte,
                        line.fte,
                        line.role.label(),
                        line.fte
                    ),
                );
            }
        }
    }
    let p = &report.power;
    // Power is matched site by site: power offered in one country does not run chips in another.
    for site in report.sites.iter().filter(|s| s.shortfall_mw > 0.0) {
        push(
            &mut out,
            Severity::Blocker,
            Subject::Power,
            format!(
                "Power shortfall at {}: the members' chips there need {:.2} MW of facility power but {:.2} MW is offered at that site ({:.2} MW short; power offered at other sites cannot cover it).",
                site.country, site.required_mw, site.offered_mw, site.shortfall_mw
            ),
        );
    }
    if p.accelerators_without_tdp > 0 {
        push(
            &mut out,
            Severity::Caution,
            Subject::Power,
            format!(
                "{} accelerators have no published TDP and are left out of the power figures.",
                p.accelerators_without_tdp
            ),
        );
    }
    for (i, w) in report.workloads.iter().enumerate() {
        if let Some(s) = &w.serving {
            if s.replicas == 0 {
                push(
                    &mut out,
                    Severity::Blocker,
                    Subject::Workload(i),
                    format!(
                        "{}: no chip line can hold a copy of the model at {}.",
                        w.name,
                        s.precision.label()
                    ),
                );
            } else if s.accelerators_per_replica > 8 {
                push(
                    &mut out,
                    Severity::Caution,
                    Subject::Workload(i),
                    format!(
                        "{}: each replica needs {} accelerators, more than one 8-accelerator server; its layers are split in pipeline stages across {} servers linked by the network, which is slower than the figure assumes.",
                        w.name,
                        s.accelerators_per_replica,
                        s.accelerators_per_replica.div_ceil(8)
                    ),
                );
            }
            if s.replicas > 0 && !s.meets_demand {
                push(
                    &mut out,
                    Severity::Blocker,
                    Subject::Workload(i),
                    format!(
                        "{}: the pool serves {:.0} tokens/s at peak but demand is {:.0} tokens/s.",
                        w.name, s.capacity_tokens_per_s, s.demand_tokens_per_s
                    ),
                );
            }
            continue;
        }
        if w.sites_in_pool > 1
            && let Some(site) = &w.site
        {
            push(
                &mut out,
                Severity::Caution,
                Subject::Workload(i),
                format!(
                    "{}: the pool's chips stand at {} sites; one training job is not assumed to span sites, so its time is computed on the largest co-located group ({site}, {} of {} accelerators).",
                    w.name, w.sites_in_pool, w.site_accelerators, report.pooled.accelerators
                ),
            );
        }
        if report.model.is_some() && !w.fits {
            push(
                &mut out,
                Severity::Blocker,
                Subject::Workload(i),
                format!(
                    "{}: the model does not fit — the job needs {:.0} GB of accelerator memory, the site it runs on has {:.0} GB.",
                    w.name, w.memory_needed_gb, w.memory_available_gb
                ),
            );
        }
        if let (Some(false), Some(days), Some(target)) = (w.target_met, w.days, w.target_days) {
            push(
                &mut out,
                Severity::Caution,
                Subject::Workload(i),
                format!(
                    "{}: takes {days:.1} days, past the {target:.0}-day target.",
                    w.name
                ),
            );
        }
    }
    let serving_needs: u64 = report
        .workloads
        .iter()
        .filter_map(|w| w.serving.and_then(|s| s.accelerators_needed))
        // Saturating: an absurd demand (10 billion users) must not overflow the sum.
        .fold(0, u64::saturating_add);
    if serving_needs > 0 && report.workloads.iter().any(|w| w.train_flops.is_some()) {
        push(
            &mut out,
            Severity::Info,
            Subject::Plan,
            format!(
                "Training and serving share one pool of {} accelerators: serving needs {serving_needs} of them at peak, and each training figure assumes its site to itself.",
                report.pooled.accelerators
            ),
        );
    }
    let e = &report.experts;
    for role in ExpertRole::ALL {
        let (have, need) = (e.have(role), e.need(role));
        if have < need {
            push(
                &mut out,
                Severity::Caution,
                Subject::Experts,
                format!(
                    "Short of {} experts: {have:.1} FTE against {need:.0} needed.",
                    role.label()
                ),
            );
        }
    }
    for f in &report.findings {
        if f.severity == Severity::Blocker {
            // An export-control blocker concerns the members holding the chips: *Show* goes to
            // the first of them; a licence blocker concerns the base model.
            let holder = f
                .title
                .starts_with("US export licence")
                .then(|| f.members.first())
                .flatten()
                .and_then(|code| plan.members.iter().position(|m| m.country == *code));
            push(
                &mut out,
                Severity::Blocker,
                holder.map_or(Subject::Model, Subject::Member),
                format!("{}: {}", f.title, f.detail),
            );
        }
    }
    budget_warnings(plan, catalog, report, &mut out);
    out
}

/// Funding in a currency without an exchange rate, and prices the budget had to estimate.
fn budget_warnings(plan: &Plan, catalog: &Catalog, report: &Report, out: &mut Vec<Warning>) {
    let b = &report.budget;
    if !b.unknown_currencies.is_empty() {
        for (i, m) in plan.members.iter().enumerate() {
            let Some(f) = &m.funding else { continue };
            if f.amount > 0.0 && super::budget::usd_per_unit(plan, catalog, &f.currency).is_none() {
                push(
                    out,
                    Severity::Caution,
                    Subject::Member(i),
                    format!(
                        "{}'s funding is in {:?}, a currency without an exchange rate: it is not counted. Add the rate under Budget › Exchange rates (or check the code).",
                        report.members[i].name, f.currency
                    ),
                );
            }
        }
    }
    if b.estimated_accelerators > 0 {
        push(
            out,
            Severity::Info,
            Subject::Plan,
            format!(
                "{} owned accelerators have no known price: the budget estimates them from their BF16 peak at the assumed value per PFLOP/s. Enter the price paid on their chip lines.",
                crate::numbers::grouped(b.estimated_accelerators as f64, 0)
            ),
        );
    }
}
