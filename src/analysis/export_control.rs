//! US export-control findings, per chip line: where US-designed advanced accelerators are
//! delivered and hosted, who holds them, and whether they are owned or used remotely.
//!
//! The rule applied is the advanced-computing licence requirement of 15 CFR 742.6(a)(6)(iii) as
//! the October 2023 rule set it (the AI Diffusion rule of January 2025 was rescinded and is not
//! enforced): ECCN 3A090.a chips need a licence to reach a destination in Country Group D:1, D:4 or
//! D:5, or Macau, unless it is also in A:5 or A:6; and an entity headquartered in D:5 or Macau needs
//! one wherever the chips go. The groups come from `assets/export_groups.ron`.

use crate::catalog::{Accelerator, CODE_SLOTS, Catalog, ExportGroups, slot_code};
use crate::plan::Tenure;

use super::report::{Finding, Severity};
use super::resolved::{Resolved, ResolvedChip};

/// ECCN 3A090.a starts at a total processing performance of 4,800 (TPP = 2 × MacTOPS × bit length,
/// so 16 × dense BF16 TFLOP/s). The alternative criterion (TPP ≥ 1,600 with a performance density
/// of 5.92) needs the die area, which the catalog does not hold.
pub const TPP_3A090A: f64 = 4800.0;

/// Lines listed by name in a finding before the rest are counted.
const LINES_SHOWN: usize = 8;

/// Whether an accelerator is US-designed and at or above the 3A090.a threshold.
pub fn us_advanced(acc: &Accelerator) -> bool {
    acc.vendor_country == "US" && acc.bf16_tflops.unwrap_or(0.0) * 16.0 >= TPP_3A090A
}

/// Per country slot: whether it is a licence destination and whether an entity based there needs
/// a licence wherever it is, worked out once per slot an analysis meets.
struct SlotRules<'a> {
    groups: &'a ExportGroups,
    cache: Vec<Option<(bool, bool)>>,
}

impl<'a> SlotRules<'a> {
    fn new(groups: &'a ExportGroups) -> Self {
        SlotRules {
            groups,
            cache: vec![None; CODE_SLOTS],
        }
    }

    /// (licence destination, licence headquarters) for a slot; both false without a code (as for
    /// `NO_SLOT`, which lies past every slot).
    fn of(&mut self, slot: u16) -> (bool, bool) {
        let Some(code) = slot_code(usize::from(slot)) else {
            return (false, false);
        };
        let groups = self.groups;
        *self.cache[usize::from(slot)].get_or_insert_with(|| {
            (
                groups.licence_destination(code),
                groups.licence_headquarters(code),
            )
        })
    }
}

/// The chip lines one finding names: the first [`LINES_SHOWN`] described, the rest counted, and
/// each holder once in plan order. Only the described lines are formatted, so a plan with 100 000
/// lines costs a count, not 100 000 strings.
struct Lines {
    shown: Vec<String>,
    more: usize,
    holders: Vec<&'static str>,
    seen: Vec<bool>,
}

impl Lines {
    fn new() -> Self {
        Lines {
            shown: Vec::new(),
            more: 0,
            holders: Vec::new(),
            seen: vec![false; CODE_SLOTS],
        }
    }

    fn push(&mut self, catalog: &Catalog, chip: &ResolvedChip, acc: &Accelerator, slot: u16) {
        let Some(holder) = slot_code(usize::from(slot)) else {
            return;
        };
        if self.shown.len() < LINES_SHOWN {
            self.shown.push(describe(catalog, chip, acc, holder));
        } else {
            self.more += 1;
        }
        if !std::mem::replace(&mut self.seen[usize::from(slot)], true) {
            self.holders.push(holder);
        }
    }

    fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    fn text(&self) -> String {
        let mut text = self.shown.join("; ");
        if self.more > 0 {
            text.push_str(&format!("; and {} more lines", self.more));
        }
        text
    }
}

fn describe(catalog: &Catalog, chip: &ResolvedChip, acc: &Accelerator, holder: &str) -> String {
    // Built by appending rather than with nested format! calls: up to sixteen of these run in
    // every analysis, and formatting was a fifth of a 193-member analysis.
    use std::fmt::Write as _;
    let mut text = String::with_capacity(96);
    text.push_str(holder);
    text.push_str(": ");
    let _ = write!(text, "{}", chip.line.count);
    text.push_str(" × ");
    text.push_str(&acc.name);
    // NO_SLOT lies past every slot, so it has no code.
    match slot_code(usize::from(chip.host_slot)) {
        Some(code) => {
            text.push_str(" in ");
            text.push_str(catalog.country_name(code));
            text.push_str(" (");
            text.push_str(code);
            for (i, group) in catalog.export_groups.groups_of(code).iter().enumerate() {
                text.push_str(if i == 0 { "; " } else { ", " });
                text.push_str(group);
            }
            text.push(')');
        }
        None => text.push_str(" at an unknown site"),
    }
    text
}

fn host_is_us(chip: &ResolvedChip) -> bool {
    slot_code(usize::from(chip.host_slot)) == Some("US")
}

/// Export-control findings for the plan's chip lines.
pub fn export_findings(catalog: &Catalog, resolved: &Resolved) -> Vec<Finding> {
    let groups = &catalog.export_groups;
    let mut rules = SlotRules::new(groups);
    let mut delivered = Lines::new();
    let mut headquarters = Lines::new();
    let mut remote = Lines::new();
    let mut remote_caution = false;
    let mut huawei = false;
    for chip in &resolved.chips {
        let Some(acc) = chip.acc else { continue };
        huawei |= acc.vendor == "Huawei";
        if !us_advanced(acc) {
            continue;
        }
        let member_slot = resolved.slots[chip.member];
        let Some(holder) = slot_code(usize::from(member_slot)) else {
            continue;
        };
        let (host_listed, _) = rules.of(chip.host_slot);
        let (_, holder_listed) = rules.of(member_slot);
        let lines = match chip.line.tenure {
            // A US member renting chips in the US exports nothing.
            Tenure::Rented { .. } if holder == "US" && host_is_us(chip) => continue,
            Tenure::Rented { .. } => {
                remote_caution |= host_listed || holder_listed;
                &mut remote
            }
            Tenure::Owned if host_listed => &mut delivered,
            Tenure::Owned if holder_listed => &mut headquarters,
            Tenure::Owned => continue,
        };
        lines.push(catalog, chip, acc, member_slot);
    }
    let mut out = Vec::new();
    if !delivered.is_empty() {
        out.push(Finding {
            severity: Severity::Blocker,
            title: "US export licence needed",
            detail: format!(
                "US-designed advanced accelerators (ECCN 3A090.a) delivered to these sites need a \
                 US export licence, applied for by the exporter before shipping (15 CFR \
                 742.6(a)(6)(iii): destinations in Country Groups D:1, D:4 or D:5, or Macau, \
                 unless also in A:5 or A:6): {}. {} Country groups as read on {}.",
                delivered.text(),
                groups.diffusion_note,
                groups.read_on
            ),
            members: delivered.holders,
        });
    }
    if !headquarters.is_empty() {
        out.push(Finding {
            severity: Severity::Blocker,
            title: "US export licence needed (headquarters)",
            detail: format!(
                "These members are based in Country Group D:5 or Macau, so US-designed advanced \
                 accelerators (ECCN 3A090.a) need a US licence for them wherever the chips are \
                 delivered, even outside those countries (15 CFR 742.6(a)(6)(iii)(A), in force \
                 since 17 Nov 2023 and confirmed by BIS in 2025): {}.",
                headquarters.text()
            ),
            members: headquarters.holders,
        });
    }
    if !remote.is_empty() {
        let severity = if remote_caution {
            Severity::Caution
        } else {
            Severity::Info
        };
        out.push(Finding {
            severity,
            title: "Rented US chips used remotely",
            detail: format!(
                "These members rent US-designed advanced accelerators and use them remotely: {}. \
                 Remote access to chips in a provider's data centre (cloud, IaaS) is not an \
                 export under the EAR, so the member needs no export licence to use them; the \
                 provider needed one to install them in a destination the rules cover. This can \
                 change: the US proposed customer-identification rules for IaaS providers \
                 (Jan 2024), and BIS's guidance of 13 May 2025 warns providers against training \
                 models for parties in D:5 or Macau. Members based in D:5 or Macau, or rented \
                 capacity hosted in a covered destination, deserve advice before relying on it.",
                remote.text()
            ),
            members: remote.holders,
        });
    }
    if huawei {
        out.push(Finding {
            severity: Severity::Caution,
            title: "Huawei Ascend and US rules",
            detail: "Huawei Ascend chips are not US-designed and need no US export licence as \
                     such, but BIS guidance of 13 May 2025 warns that using them anywhere may \
                     violate US export rules (General Prohibition 10); members trading with the \
                     US should take advice."
                .to_string(),
            members: Vec::new(),
        });
    }
    out
}
