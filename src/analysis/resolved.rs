//! The plan's references resolved against the catalog once per analysis.
//!
//! Every pass of the analysis walks the chip lines and needs each line's accelerator. Looking an
//! id up hashes a string; at 193 members that cost more than the arithmetic it fed when each pass
//! did it again. The analysis resolves every line once here and hands the passes the result.

use crate::catalog::{Accelerator, Catalog, Country, code_slot};
use crate::plan::{ChipLine, Plan};

/// The slot of a member code that has none (see [`Resolved::slots`]).
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
    /// Where each member's lines start in `chips`, plus the end.
    starts: Vec<usize>,
}

impl<'a> Resolved<'a> {
    /// Resolves every chip line's accelerator and every member's country.
    pub fn of(plan: &'a Plan, catalog: &'static Catalog) -> Resolved<'a> {
        let lines = plan.members.iter().map(|m| m.chips.len()).sum();
        let mut chips = Vec::with_capacity(lines);
        // Consecutive lines often name the same accelerator: reuse the last look-up.
        let mut last: Option<(&str, Option<&'a Accelerator>, u32)> = None;
        let mut starts = Vec::with_capacity(plan.members.len() + 1);
        let mut accelerators: Vec<&'a Accelerator> = Vec::new();
        for (member, m) in plan.members.iter().enumerate() {
            starts.push(chips.len());
            for (index, line) in m.chips.iter().enumerate() {
                let (acc, acc_index) = match last {
                    Some((id, acc, i)) if id == line.accelerator => (acc, i),
                    _ => {
                        let acc = plan.accelerator(catalog, &line.accelerator);
                        let i = acc.map_or(0, |acc| {
                            match accelerators.iter().position(|&a| std::ptr::eq(a, acc)) {
                                Some(i) => i,
                                None => {
                                    accelerators.push(acc);
                                    accelerators.len() - 1
                                }
                            }
                        });
                        (acc, i as u32)
                    }
                };
                last = Some((&line.accelerator, acc, acc_index));
                chips.push(ResolvedChip {
                    member,
                    index,
                    line,
                    acc_index,
                    acc,
                });
            }
        }
        starts.push(chips.len());
        let slots: Vec<u16> = plan
            .members
            .iter()
            .map(|m| code_slot(&m.country).map_or(NO_SLOT, |s| s as u16))
            .collect();
        let countries = slots
            .iter()
            .map(|&s| catalog.country_at_slot(usize::from(s)))
            .collect();
        Resolved {
            chips,
            accelerators,
            countries,
            slots,
            starts,
        }
    }

    /// The chip lines of the member at `member`, in order.
    pub fn chips_of(&self, member: usize) -> &[ResolvedChip<'a>] {
        &self.chips[self.starts[member]..self.starts[member + 1]]
    }

    /// The chip lines whose accelerator is known.
    pub fn known_chips(&self) -> impl Iterator<Item = (&'a ChipLine, &'a Accelerator, usize)> + '_ {
        self.chips
            .iter()
            .filter_map(|c| c.acc.map(|acc| (c.line, acc, c.member)))
    }
}
