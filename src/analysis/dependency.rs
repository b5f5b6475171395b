//! Remaining foreign dependency, layer by layer, foreign to the *consortium* (a supplier in any
//! member state counts as domestic).
//!
//! | layer            | measured on                         | foreign when                                            |
//! |------------------|-------------------------------------|---------------------------------------------------------|
//! | chip design      | pooled dense BF16 peak              | the vendor's home country is not a member               |
//! | chip fabrication | pooled dense BF16 peak              | the fab country is not a member (unknown fab: foreign)  |
//! | memory           | pooled accelerator memory (GB)      | the HBM supplier is not a member (unknown: foreign)     |
//! | compute hosting  | pooled dense BF16 peak              | hosted outside the consortium, or rented from a foreign |
//! |                  |                                     | provider (a foreign cloud region at home is foreign)    |
//! | base model       | the model (weight 1, see below)     | the developer's country is not a member                 |
//! | talent           | expert FTE the plan has or needs    | foreign nationals or contractors (foreign_fte), and     |
//! |                  |                                     | needed FTE no member provides (bought in: "unknown")    |
//! | energy           | facility MW the pool's chips draw   | drawn at a site outside the consortium, or the imported |
//! |                  |                                     | share of the power offered at the chips' site           |
//!
//! Energy is measured on the power the chips use, site by site (see `sites`): at a member site,
//! the part covered by the power offered there follows those lines' imported share, and any part
//! not covered draws on that country's grid (domestic; the shortfall itself is a blocker warning);
//! at a site outside the consortium (owned chips hosted abroad, or a foreign cloud) all of it is
//! that country's. Power offered where no chips stand powers nothing and does not count.
//!
//! Talent is measured against the need, not only the FTE entered: Σ per role of max(0, needed −
//! had) is staff the members do not provide and must buy in, credited to "unknown" (foreign).
//! So a token 0.1 FTE does not make the layer domestic.
//!
//! A derivative model (continued pretraining of someone else's base; `derived_from` in the
//! catalog) splits its weight in two halves: the base's licence still binds it, so half goes to
//! the base's developer; the other half follows where its pretraining came from, in proportion to
//! tokens (base pretraining against the derivative's continued pretraining). A from-scratch model
//! gives both halves to its developer.
//!
//! Domestic talent and energy are one supplier, [`MEMBERS_SUPPLIER`]: which member provides them
//! is in the member figures, and a list of every member here would say nothing about dependency.
//!
//! Several fab or memory countries share a line's weight equally.
//!
//! Overall index: chip design, fabrication and memory are three facts about the same imported
//! chips, so they are weighted as one group (their weighted mean, with the mean of their weights)
//! rather than three independent layers:
//! overall = (w̄_chip · s_chip + Σ_other wᵢ·sᵢ) ÷ (w̄_chip + Σ_other wᵢ), with
//! s_chip = Σ_chip wᵢ·sᵢ ÷ Σ_chip wᵢ and w̄_chip = Σ_chip wᵢ ÷ (chip layers present), over the
//! layers the plan has something in (an empty layer is left out, not counted as 0).

use std::borrow::Cow;

use crate::catalog::{CODE_SLOTS, OpenModel, code_slot, slot_code};

use super::codes::{CodeIndex, CodeSet};
use super::experts::ExpertLineSums;
use super::report::{ExpertFigures, SiteFigures};
use super::resolved::{Resolved, slot_option};
use crate::plan::{Member, Plan, Tenure};

use super::report::{
    Dependency, IMPORTED_SUPPLIER, Layer, LayerFigures, MEMBERS_SUPPLIER, Supplier,
    UNKNOWN_SUPPLIER,
};

/// The consortium's member codes, each once, in a set for constant-time lookup.
pub struct MemberSet<'a> {
    members: &'a [Member],
    set: CodeSet<'a>,
    /// Positions in the plan of members whose code came earlier too, in order.
    repeats: Vec<usize>,
}

impl<'a> MemberSet<'a> {
    /// The member codes of a plan, whose [`code_slot`]s are `slots` (see [`Resolved::slots`]).
    pub(super) fn of(plan: &'a Plan, slots: &[u16]) -> MemberSet<'a> {
        let mut set = CodeSet::default();
        let mut repeats = Vec::new();
        for (i, (m, &slot)) in plan.members.iter().zip(slots).enumerate() {
            if !set.insert_at(&m.country, slot_option(slot)) {
                repeats.push(i);
            }
        }
        MemberSet {
            members: &plan.members,
            set,
            repeats,
        }
    }

    /// Whether the member at position `i` repeats a code listed before it.
    pub fn is_repeat(&self, i: usize) -> bool {
        self.repeats.binary_search(&i).is_ok()
    }

    /// Whether `code` is a member.
    pub fn contains(&self, code: &str) -> bool {
        self.set.contains(code)
    }

    /// Whether `code`, whose slot is `slot` (see [`Resolved::slots`]), is a member.
    fn contains_at(&self, code: &str, slot: u16) -> bool {
        self.set.contains_at(code, slot_option(slot))
    }

    /// The member codes, each once, in plan order.
    pub fn codes(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.members
            .iter()
            .enumerate()
            .filter(|&(i, _)| !self.is_repeat(i))
            .map(|(_, m)| m.country.as_str())
    }
}

/// The suppliers that are not countries.
const MARKERS: [&str; 3] = [UNKNOWN_SUPPLIER, IMPORTED_SUPPLIER, MEMBERS_SUPPLIER];

/// A supplier that is not a country: one of [`MARKERS`].
#[derive(Clone, Copy)]
enum Marker {
    Unknown = 0,
    Imported = 1,
    Members = 2,
}

impl Marker {
    /// The marker a supplier name stands for (`slot` is the name's [`code_slot`]: a two-letter
    /// code is never a marker).
    #[inline(always)]
    fn of(supplier: &str, slot: Option<usize>) -> Option<Marker> {
        if slot.is_some() {
            return None;
        }
        match MARKERS.iter().position(|&m| m == supplier)? {
            0 => Some(Marker::Unknown),
            1 => Some(Marker::Imported),
            _ => Some(Marker::Members),
        }
    }
}

/// Where a weight goes in a tally: a supplier's entry, or a marker.
#[derive(Clone, Copy)]
enum Target {
    Entry(u32),
    Marker(Marker),
}

/// An entry made ahead of its first weight (see [`Tally::target`]); weights added are positive or
/// NaN, so this value is never a sum.
const NO_WEIGHT: f64 = -1.0;

/// Where one accelerator's weight goes in the chip-design, fabrication and memory tallies, worked
/// out once per accelerator rather than once per line.
struct ChipTargets {
    design: Target,
    /// Positions in the shared list of targets.
    fab: std::ops::Range<usize>,
    /// Positions in the shared list of targets.
    memory: std::ops::Range<usize>,
}

/// Weight per supplier within one layer.
#[derive(Default)]
struct Tally<'a> {
    entries: Vec<(&'a str, f64)>,
    index: CodeIndex<'a>,
    /// Weight of each marker, apart from `entries` so that the many talent and energy lines
    /// credited to one do not compare names.
    markers: [f64; 3],
    total: f64,
}

impl<'a> Tally<'a> {
    #[inline(always)]
    fn add(&mut self, supplier: &'a str, weight: f64) {
        self.add_at(supplier, code_slot(supplier), weight);
    }

    /// [`Tally::add`] for a supplier whose [`code_slot`] the caller has worked out.
    #[inline(always)]
    fn add_at(&mut self, supplier: &'a str, slot: Option<usize>, weight: f64) {
        if weight <= 0.0 {
            return;
        }
        if let Some(marker) = Marker::of(supplier, slot) {
            self.add_marker(marker, weight);
            return;
        }
        self.total += weight;
        match self
            .index
            .get_or_insert_at(supplier, slot, self.entries.len())
        {
            Some(i) => add_weight(&mut self.entries[i].1, weight),
            None => self.entries.push((supplier, weight)),
        }
    }

    /// Where weights for `supplier` go, its entry made now if need be (it shows in the layer
    /// only once a weight reaches it).
    fn target(&mut self, supplier: &'a str) -> Target {
        let slot = code_slot(supplier);
        if let Some(marker) = Marker::of(supplier, slot) {
            return Target::Marker(marker);
        }
        let next = self.entries.len();
        match self.index.get_or_insert_at(supplier, slot, next) {
            Some(i) => Target::Entry(i as u32),
            None => {
                self.entries.push((supplier, NO_WEIGHT));
                Target::Entry(next as u32)
            }
        }
    }

    /// [`Tally::add`] to a target worked out before.
    #[inline(always)]
    fn add_to(&mut self, target: Target, weight: f64) {
        match target {
            Target::Marker(m) => self.add_marker(m, weight),
            Target::Entry(i) => {
                if weight <= 0.0 {
                    return;
                }
                self.total += weight;
                add_weight(&mut self.entries[i as usize].1, weight);
            }
        }
    }

    /// Shares `weight` equally among targets worked out before (an accelerator's fab or memory
    /// countries); an empty list credits it to the unknown supplier.
    #[inline(always)]
    fn add_split_to(&mut self, targets: &[Target], weight: f64) {
        if targets.is_empty() {
            self.add_marker(Marker::Unknown, weight);
        } else {
            let each = weight / targets.len() as f64;
            for &t in targets {
                self.add_to(t, each);
            }
        }
    }

    #[inline(always)]
    fn add_marker(&mut self, marker: Marker, weight: f64) {
        if weight <= 0.0 {
            return;
        }
        self.total += weight;
        self.markers[marker as usize] += weight;
    }

    fn finish(self, members: &MemberSet) -> LayerFigures {
        if self.total <= 0.0 {
            return LayerFigures {
                empty: true,
                ..LayerFigures::default()
            };
        }
        // Largest share first; ties in code order. Sorting on integer keys (the share's bits,
        // which order like the value for non-negative numbers, then the code's slot, which orders
        // two-letter codes like their strings) keeps large plans from spending their time here.
        let markers = MARKERS
            .into_iter()
            .zip(self.markers)
            .filter(|&(_, w)| w > 0.0);
        let mut named: Vec<(&str, f64)> = self.entries;
        named.retain(|&(_, w)| w != NO_WEIGHT);
        named.reserve_exact(markers.clone().count());
        named.extend(markers);
        // Each weight becomes its share once; the key and the supplier below both read it.
        for entry in &mut named {
            entry.1 /= self.total;
        }
        // Names that are not two-letter codes (markers, custom suppliers) order after every code,
        // and among themselves by name. There are rarely more than the three markers: count the
        // smaller ones then; a plan with many custom names gets them sorted once instead.
        let others = named.iter().filter(|(n, _)| code_slot(n).is_none()).count();
        let sorted_others: Vec<&str> = if others > 8 {
            let mut names: Vec<&str> = named
                .iter()
                .map(|&(n, _)| n)
                .filter(|n| code_slot(n).is_none())
                .collect();
            names.sort_unstable();
            names
        } else {
            Vec::new()
        };
        let order = |name: &str| match code_slot(name) {
            Some(slot) => slot as u128,
            None if others > 8 => {
                (CODE_SLOTS + sorted_others.partition_point(|&o| o < name)) as u128
            }
            None => {
                let before = named
                    .iter()
                    .filter(|(other, _)| code_slot(other).is_none() && *other < name)
                    .count();
                (CODE_SLOTS + before) as u128
            }
        };
        let mut keyed: Vec<u128> = named
            .iter()
            .enumerate()
            .map(|(i, &(name, share))| {
                (u128::from(!share.to_bits()) << 64) | (order(name) << 32) | i as u128
            })
            .collect();
        keyed.sort_unstable();
        let suppliers: Vec<Supplier> = keyed
            .into_iter()
            .map(|key| {
                let (name, share) = named[(key & 0xffff_ffff) as usize];
                // A two-letter code's order is its slot.
                let order = ((key >> 32) & 0xffff_ffff) as usize;
                let slot = (order < CODE_SLOTS).then_some(order);
                Supplier {
                    country: supplier_name(name, slot),
                    share,
                    member: name == MEMBERS_SUPPLIER || members.set.contains_at(name, slot),
                }
            })
            .collect();
        let foreign_share = suppliers
            .iter()
            .filter(|s| !s.member)
            .map(|s| s.share)
            .fold(0.0, |a, b| a + b);
        LayerFigures {
            foreign_share,
            suppliers,
            empty: false,
        }
    }
}

/// Adds `weight` to an entry's sum (the first weight replaces [`NO_WEIGHT`]).
#[inline(always)]
fn add_weight(sum: &mut f64, weight: f64) {
    *sum = if *sum == NO_WEIGHT {
        weight
    } else {
        *sum + weight
    };
}

/// A supplier's name (whose [`code_slot`] is `slot`) without allocating when it is a two-letter
/// code or a marker.
fn supplier_name(name: &str, slot: Option<usize>) -> Cow<'static, str> {
    match (slot.and_then(slot_code), name) {
        (Some(code), _) => Cow::Borrowed(code),
        (None, UNKNOWN_SUPPLIER) => Cow::Borrowed(UNKNOWN_SUPPLIER),
        (None, IMPORTED_SUPPLIER) => Cow::Borrowed(IMPORTED_SUPPLIER),
        (None, MEMBERS_SUPPLIER) => Cow::Borrowed(MEMBERS_SUPPLIER),
        (None, _) => Cow::Owned(name.to_string()),
    }
}

/// What the dependency pass reads besides the plan: the earlier passes' figures.
pub struct DependencyInputs<'a> {
    /// The plan's chip lines, resolved.
    pub resolved: &'a Resolved<'a>,
    /// Talent sums over the expert lines.
    pub expert_lines: &'a ExpertLineSums,
    /// Experts had and needed, per role.
    pub experts: &'a ExpertFigures,
    /// Sites, with the power matched there.
    pub sites: &'a [SiteFigures],
    /// The base model.
    pub model: Option<&'a OpenModel>,
    /// The base model's own base, when it is a derivative whose base resolves.
    pub model_base: Option<&'a OpenModel>,
}

/// Foreign dependency of the plan, layer by layer, and the weighted overall index.
pub fn dependency(plan: &Plan, inputs: &DependencyInputs, members: &MemberSet) -> Dependency {
    let DependencyInputs {
        resolved,
        expert_lines,
        experts,
        sites,
        model,
        model_base,
    } = *inputs;
    let mut design = Tally::default();
    let mut fab = Tally::default();
    let mut memory = Tally::default();
    // About one host per member.
    let mut hosting = Tally {
        entries: Vec::with_capacity(plan.members.len()),
        ..Tally::default()
    };
    let mut talent = Tally::default();
    let mut energy = Tally::default();
    let mut targets = Vec::new();
    let per_acc: Vec<ChipTargets> = resolved
        .accelerators
        .iter()
        .map(|acc| {
            let design = design.target(&acc.vendor_country);
            let start = targets.len();
            targets.extend(acc.fab_countries.iter().map(|c| fab.target(c)));
            let fab_end = targets.len();
            targets.extend(
                acc.memory_supplier_countries
                    .iter()
                    .map(|c| memory.target(c)),
            );
            ChipTargets {
                design,
                fab: start..fab_end,
                memory: fab_end..targets.len(),
            }
        })
        .collect();
    for chip in &resolved.chips {
        let Some(acc) = chip.acc else {
            continue;
        };
        let (line, member) = (chip.line, chip.member);
        let to = &per_acc[chip.acc_index as usize];
        let n = f64::from(line.count);
        let compute = n * acc.bf16_tflops.unwrap_or(0.0);
        design.add_to(to.design, compute);
        fab.add_split_to(&targets[to.fab.clone()], compute);
        memory.add_split_to(
            &targets[to.memory.clone()],
            n * acc.memory_gb.unwrap_or(0.0),
        );
        let host = line
            .hosted_in
            .as_deref()
            .unwrap_or(&plan.members[member].country);
        let (operator, slot) = match &line.tenure {
            Tenure::Rented {
                provider_country, ..
            } if !members.contains_at(provider_country, chip.provider_slot) => {
                (provider_country.as_str(), chip.provider_slot)
            }
            _ => (host, chip.host_slot),
        };
        hosting.add_at(operator, slot_option(slot), compute);
    }
    // Talent: foreign FTE and needed FTE no member provides to "unknown", the rest to the members.
    let unfilled = unfilled_fte(experts);
    talent.total = expert_lines.talent_total + unfilled;
    talent.markers[Marker::Unknown as usize] = expert_lines.talent_foreign + unfilled;
    talent.markers[Marker::Members as usize] = expert_lines.talent_domestic;
    // Energy: the facility power the chips draw, site by site.
    for site in sites.iter().filter(|s| s.required_mw > 0.0) {
        let r = site.required_mw;
        if !members.contains(&site.country) {
            energy.add(&site.country, r);
        } else if site.rented || site.offered_mw <= 0.0 {
            energy.add_marker(Marker::Members, r);
        } else {
            let covered = r.min(site.offered_mw);
            let imported = covered * (site.offered_imported_mw / site.offered_mw);
            energy.add_marker(Marker::Imported, imported);
            energy.add_marker(Marker::Members, r - imported);
        }
    }
    let mut model_tally = Tally::default();
    if let Some(model) = model {
        let origin = |base: &OpenModel, d: &crate::catalog::Derivation| {
            let base_t = base.training_tokens_t.unwrap_or(0.0).max(0.0);
            let own_t = d.continued_tokens_t.max(0.0);
            if base_t + own_t > 0.0 {
                base_t / (base_t + own_t)
            } else {
                1.0
            }
        };
        match (&model.derived_from, model_base) {
            (None, _) => model_tally.add(&model.developer_country, 1.0),
            (Some(d), Some(base)) => {
                let base_share = origin(base, d);
                model_tally.add(&base.developer_country, 0.5 + 0.5 * base_share);
                model_tally.add(&model.developer_country, 0.5 * (1.0 - base_share));
            }
            // A base that does not resolve: its half and its tokens are of unknown origin.
            (Some(_), None) => {
                model_tally.add_marker(Marker::Unknown, 0.5);
                model_tally.add(&model.developer_country, 0.5);
            }
        }
    }
    let mut dep = Dependency {
        layers: [
            design.finish(members),
            fab.finish(members),
            memory.finish(members),
            hosting.finish(members),
            model_tally.finish(members),
            talent.finish(members),
            energy.finish(members),
        ],
        overall: 0.0,
    };
    let w = &plan.assumptions.dependency_weights;
    let weights = [
        w.chip_design,
        w.chip_fab,
        w.memory,
        w.hosting,
        w.model,
        w.talent,
        w.energy,
    ];
    // Layers the plan has nothing in (no chips, no model) say nothing about dependency, so they
    // are left out of the index rather than counted as 0 % foreign.
    dep.overall = overall(&dep, &weights);
    dep
}

/// Needed FTE no member provides: Σ per role of max(0, needed − had).
fn unfilled_fte(experts: &ExpertFigures) -> f64 {
    experts
        .need_fte
        .iter()
        .zip(&experts.have_fte)
        .map(|(need, have)| (need - have).max(0.0))
        .fold(0.0, |a, b| a + b)
}

/// The chip layers, weighted as one group in the overall index.
const CHIP_LAYERS: [Layer; 3] = [Layer::ChipDesign, Layer::ChipFab, Layer::Memory];

/// The overall index (see the module documentation): the chip layers count as one group.
fn overall(dep: &Dependency, weights: &[f64; 7]) -> f64 {
    let present = |l: &Layer| !dep.layers[l.index()].empty;
    let share = |l: &Layer| dep.layers[l.index()].foreign_share;
    let (mut chip_w, mut chip_ws, mut chip_n) = (0.0, 0.0, 0.0);
    for l in CHIP_LAYERS.iter().filter(|l| present(l)) {
        chip_w += weights[l.index()];
        chip_ws += weights[l.index()] * share(l);
        chip_n += 1.0;
    }
    let (mut total_w, mut total_ws) = (0.0, 0.0);
    if chip_n > 0.0 && chip_w > 0.0 {
        let group_w = chip_w / chip_n;
        total_w += group_w;
        total_ws += group_w * (chip_ws / chip_w);
    }
    for l in Layer::ALL
        .iter()
        .filter(|l| !CHIP_LAYERS.contains(l) && present(l))
    {
        total_w += weights[l.index()];
        total_ws += weights[l.index()] * share(l);
    }
    if total_w > 0.0 {
        total_ws / total_w
    } else {
        0.0
    }
}
