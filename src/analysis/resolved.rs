//! The plan's references resolved against the catalog once per analysis.
//!
//! Every pass of the analysis walks the chip lines and needs each line's accelerator. Looking an
//! id up hashes a string; at 193 members that cost more than the arithmetic it fed when each pass
//! did it again. The analysis resolves every line once here and hands the passes the result.

use std::collections::HashMap;

use crate::catalog::{Accelerator, Catalog, Country, code_slot};
use crate::plan::{ChipLine, Plan, Tenure};

/// Past this many accelerators of the plan's own, [`Resolved::of`] looks each id up only once.
const MANY_CUSTOM_ACCELERATORS: usize = 8;

/// The slot of a code that has none (see [`Resolved::slots`]). It lies beyond every slot, so a
/// look-up by slot (`Catalog::country_at_slot`) finds nothing for it.
pub const NO_SLOT: u16 = u16::MAX;

/// One chip line with its place in the plan and its accelerator.
#[derive(Clone, Copy)]
pub struct ResolvedChip<'a> {
    /// Position of its member in the plan.
    pub member: usize,
    /// Position of the line among its member's chip lines.
    pub index: usize,
    /// The line itself.
    pub line: &'a ChipLine,
    /// Position of its accelerator in [`Resolved::accelerators`] (0 when unknown).
    pub acc_index: u32,
    /// Its accelerator (the plan's own definitions first, then the catalog); `None` when the id is
    /// unknown.
    pub acc: Option<&'a Accelerator>,
    /// The slot of the country it is hosted in (`hosted_in`, else its member's), [`NO_SLOT`] when
    /// that is not a two-letter code.
    pub host_slot: u16,
    /// The slot of its rental provider's country; [`NO_SLOT`] when owned or not a two-letter code.
    pub provider_slot: u16,
}

/// The [`code_slot`] of a code, or [`NO_SLOT`].
fn slot_of(code: &str) -> u16 {
    // 676 slots fit in a u16.
    code_slot(code).map_or(NO_SLOT, |s| s as u16)
}

/// A slot of this module as [`code_slot`] gives it (`None` for [`NO_SLOT`]).
pub fn slot_option(slot: u16) -> Option<usize> {
    (slot != NO_SLOT).then_some(usize::from(slot))
}

/// The plan's chip lines and member countries, resolved.
pub struct Resolved<'a> {
    /// Every chip line, member after member, in plan order.
    pub chips: Vec<ResolvedChip<'a>>,
    /// Each known accelerator of the plan once, in order of first use.
    pub accelerators: Vec<&'a Accelerator>,
    /// Each member's country in the catalog, in plan order (`None` for an unknown code).
    pub countries: Vec<Option<&'static Country>>,
    /// Each member's code as a [`code_slot`], in plan order ([`NO_SLOT`] when the code is not two
    /// capital letters). Later passes read these instead of the code strings, which sit in a heap
    /// block of their own per member.
    pub slots: Vec<u16>,
    /// Positions in `chips` of the lines a planner must hear about, in order: an unknown
    /// accelerator or one without a published dense BF16 peak, or a host or provider code the
    /// catalog lacks (usually none, so the warnings need not walk every line). The warnings
    /// about chip lines read only these: the two rules must name the same lines.
    pub questionable: Vec<usize>,
}

impl<'a> Resolved<'a> {
    /// Resolves every chip line's accelerator and every member's country.
    pub fn of(plan: &'a Plan, catalog: &'static Catalog) -> Resolved<'a> {
        // About one chip line per member at the scale where this matters.
        let mut chips = Vec::with_capacity(plan.members.len());
        // Consecutive lines often name the same accelerator: reuse the last look-up.
        let mut last: Option<(&str, Option<&'a Accelerator>, u32)> = None;
        let mut slots = Vec::with_capacity(plan.members.len());
        let mut countries = Vec::with_capacity(plan.members.len());
        let mut accelerators: Vec<&'a Accelerator> = Vec::new();
        let mut questionable = Vec::new();
        // Each id looked up once, for a plan with many accelerators of its own: a look-up
        // searches them in turn, and a hostile file may cite 200 of them by turns on 132 000
        // lines (47 ms an analysis instead of 15). Ordinary plans skip the map and its hashing.
        let mut seen: Option<HashMap<&'a str, (Option<&'a Accelerator>, u32)>> =
            (plan.custom_accelerators.len() > MANY_CUSTOM_ACCELERATORS).then(HashMap::new);
        let unknown = |slot: u16| catalog.country_at_slot(usize::from(slot)).is_none();
        for (member, m) in plan.members.iter().enumerate() {
            let member_slot = slot_of(&m.country);
            slots.push(member_slot);
            countries.push(catalog.country_at_slot(usize::from(member_slot)));
            for (index, line) in m.chips.iter().enumerate() {
                let (acc, acc_index) = match last {
                    Some((id, acc, i)) if id == line.accelerator => (acc, i),
                    _ => match seen.as_ref().and_then(|m| m.get(line.accelerator.as_str())) {
                        Some(&found) => found,
                        None => {
                            let acc = plan.accelerator(catalog, &line.accelerator);
                            let i = acc.map_or(0, |acc| {
                                match accelerators.iter().position(|&a| std::ptr::eq(a, acc)) {
                                    Some(i) => i,
                                    None => {
                                        accelerators.push(acc);
                                        accelerators.len() - 1
                                    }
                                }
                            }) as u32;
                            if let Some(m) = seen.as_mut() {
                                m.insert(line.accelerator.as_str(), (acc, i));
                            }
                            (acc, i)
                        }
                    },
                };
                last = Some((&line.accelerator, acc, acc_index));
                let host_slot = line.hosted_in.as_deref().map_or(member_slot, slot_of);
                let provider_slot = match &line.tenure {
                    Tenure::Rented {
                        provider_country, ..
                    } => slot_of(provider_country),
                    Tenure::Owned => NO_SLOT,
                };
                if acc.is_none_or(|acc| acc.bf16_tflops.is_none())
                    || (line.hosted_in.is_some() && unknown(host_slot))
                    || (matches!(line.tenure, Tenure::Rented { .. }) && unknown(provider_slot))
                {
                    questionable.push(chips.len());
                }
                chips.push(ResolvedChip {
                    member,
                    index,
                    line,
                    acc_index,
                    acc,
                    host_slot,
                    provider_slot,
                });
            }
        }
        Resolved {
            chips,
            accelerators,
            countries,
            slots,
            questionable,
        }
    }

    /// The chip lines whose accelerator is known.
    pub fn known_chips(&self) -> impl Iterator<Item = (&'a ChipLine, &'a Accelerator, usize)> + '_ {
        self.chips
            .iter()
            .filter_map(|c| c.acc.map(|acc| (c.line, acc, c.member)))
    }
}
