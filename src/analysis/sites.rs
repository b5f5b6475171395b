//! Sites: where the chips stand and where the power is offered, matched site by site.
//!
//! A site is a hosting country ([`ChipLine::hosted_in`](crate::plan::ChipLine), else its member's
//! own country) for owned chips, and a hosting country *and provider* for rented ones (a cloud's
//! region is its own facility). A power line is offered at its `site` (else its member's own
//! country). Power cannot be wired across borders in this model, so:
//!
//! - each site's owned chips need `count × TDP × server overhead × PUE`, covered only by the power
//!   lines offered at that site: shortfall = Σ over sites of max(0, required − offered);
//! - rented capacity is powered by its provider and needs no member power (its MW still count in
//!   the energy figures and in the energy dependency layer);
//! - power offered where no chips stand is spare and covers nothing.
//!
//! Training runs on one co-located group: the site with the most compute at the training
//! precision (see `workloads`).

use std::borrow::Cow;
use std::sync::Arc;

use crate::catalog::{code_slot, slot_code};
use crate::plan::{Plan, PowerLine, Tenure};

use super::codes::CodeIndex;
use super::report::SiteFigures;
use super::resolved::{ResolvedChip, slot_option};

/// The sites of a plan and the power matched to them.
pub struct Sites {
    /// One entry per site, in order of first appearance (chip sites first, then power-only sites).
    pub sites: Vec<SiteFigures>,
    /// Σ over sites of the owned chips' power not covered by power offered there, in MW.
    pub shortfall_mw: f64,
    /// Sites whose owned chips lack power.
    pub sites_short: u64,
}

/// A new site at host `code` (whose [`code_slot`] is `slot`), rented from `provider` if any.
fn new_site(code: &str, slot: Option<usize>, provider: Option<Arc<str>>) -> SiteFigures {
    let country: Cow<'static, str> = match slot.and_then(slot_code) {
        Some(c) => Cow::Borrowed(c),
        None => Cow::Owned(code.to_string()),
    };
    SiteFigures {
        country,
        rented: provider.is_some(),
        provider,
        ..SiteFigures::default()
    }
}

/// Sites as the capacity pass meets their chip and power lines (in its one walk over them).
pub struct SiteBook<'a> {
    out: Vec<SiteFigures>,
    /// Owned sites by host code.
    owned: CodeIndex<'a>,
    /// Rented sites: (host slot, host, provider, position), searched in turn comparing the slot
    /// first (a plan rents from few providers, but may rent in many countries).
    rented: Vec<(u16, &'a str, &'a str, usize)>,
    /// Each provider's name once, shared by its sites.
    providers: Vec<(&'a str, Arc<str>)>,
}

impl<'a> SiteBook<'a> {
    /// An empty book for a plan of `members` members.
    pub fn new(members: usize) -> SiteBook<'a> {
        SiteBook {
            out: Vec::with_capacity(members),
            owned: CodeIndex::default(),
            rented: Vec::new(),
            providers: Vec::new(),
        }
    }

    /// Adds one chip line's figures to its site: `count` accelerators, their peak at the training
    /// precision, memory and facility power. Returns the site's position.
    pub fn chip(
        &mut self,
        plan: &'a Plan,
        chip: &ResolvedChip<'a>,
        training_pflops: f64,
        memory_tb: f64,
        required_mw: f64,
    ) -> usize {
        let line = chip.line;
        let host = line
            .hosted_in
            .as_deref()
            .unwrap_or(&plan.members[chip.member].country);
        let slot = slot_option(chip.host_slot);
        let out = &mut self.out;
        let at = match &line.tenure {
            Tenure::Owned => match self.owned.get_or_insert_at(host, slot, out.len()) {
                Some(i) => i,
                None => {
                    out.push(new_site(host, slot, None));
                    out.len() - 1
                }
            },
            Tenure::Rented { provider, .. } => {
                let key = chip.host_slot;
                match self
                    .rented
                    .iter()
                    .find(|(k, h, p, _)| *k == key && *h == host && *p == provider)
                {
                    Some(&(_, _, _, i)) => i,
                    None => {
                        self.rented.push((key, host, provider, out.len()));
                        let name = match self.providers.iter().find(|(p, _)| *p == provider) {
                            Some((_, name)) => name.clone(),
                            None => {
                                let name: Arc<str> = Arc::from(provider.as_str());
                                self.providers.push((provider, name.clone()));
                                name
                            }
                        };
                        out.push(new_site(host, slot, Some(name)));
                        out.len() - 1
                    }
                }
            }
        };
        let s = &mut out[at];
        s.accelerators += u64::from(line.count);
        s.training_pflops += training_pflops;
        s.memory_tb += memory_tb;
        s.required_mw += required_mw;
        at
    }

    /// Adds one chip line's spread to the site at `at`: its peak on FP8-era chips, its peak ×
    /// catalog-confidence band, and its facility power's low–high range (see `calibration`).
    pub fn add_spread(
        &mut self,
        at: usize,
        fp8_era_pflops: f64,
        peak_band_pflops: f64,
        required_mw_range: [f64; 2],
    ) {
        let s = &mut self.out[at];
        s.training_pflops_fp8_era += fp8_era_pflops;
        s.peak_band_pflops += peak_band_pflops;
        s.required_mw_range[0] += required_mw_range[0];
        s.required_mw_range[1] += required_mw_range[1];
    }

    /// Adds one power line to its site (`site`, else its member's country `member_country`).
    pub fn power(&mut self, line: &'a PowerLine, member_country: &'a str) {
        let code = line.site.as_deref().unwrap_or(member_country);
        let slot = code_slot(code);
        let out = &mut self.out;
        let at = match self.owned.get_or_insert_at(code, slot, out.len()) {
            Some(i) => i,
            None => {
                out.push(new_site(code, slot, None));
                out.len() - 1
            }
        };
        out[at].offered_mw += line.mw;
        out[at].offered_imported_mw += line.mw * line.imported_share;
    }

    /// Every site, with its shortfall worked out.
    pub fn finish(self) -> Sites {
        let mut out = self.out;
        let mut shortfall_mw = 0.0;
        let mut sites_short = 0;
        for s in &mut out {
            if !s.rented && s.required_mw > s.offered_mw {
                s.shortfall_mw = s.required_mw - s.offered_mw;
                shortfall_mw += s.shortfall_mw;
                sites_short += 1;
            }
        }
        Sites {
            sites: out,
            shortfall_mw,
            sites_short,
        }
    }
}
