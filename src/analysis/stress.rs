//! The switch-off test: the plan's figures under each shock (`plan::ShockRule`), against its own.
//!
//! The shocks tried are the plan's own (`Plan::shocks`) and one built-in shock per foreign
//! supplier the plan depends on: each foreign country it rents capacity from, each foreign
//! country that designs, fabricates or supplies memory for its chips, the base model's
//! developer's country if foreign, foreign experts and imported electricity. A shock starts in
//! the roadmap's first year (at once without a roadmap) unless the plan's shock says otherwise.
//!
//! For each shock: compute lost (pooled BF16 peak), workloads still meeting their targets,
//! whether serving still meets peak demand, the longest training delay, and — what would make
//! the plan survive — the owned accelerators (of a type the shock does not touch), experts and
//! power it would have to add, the chips and experts priced with the budget model
//! (`budget::owned_line_capex_usd`; experts at the average staff cost over the horizon).

use crate::catalog::{Accelerator, Catalog};
use crate::plan::{ChipLine, ExpertRole, Plan, Shock, ShockRule, Tenure};

use super::report::Report;
use super::years::{YearFigures, year_figures_report, year_report, years_and_report};
use super::{budget, dependency::MemberSet};

/// Accelerators tried, in order, to replace capacity a shock takes away.
const REPLACEMENTS: [&str; 7] = [
    "nvidia_h100_sxm",
    "nvidia_h200_sxm",
    "amd_mi300x",
    "intel_gaudi3_oam",
    "huawei_ascend_910c",
    "huawei_ascend_910b",
    "nvidia_b200_hgx",
];

/// What it would take to survive a shock.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mitigation {
    /// The accelerator to add (catalog id; empty when none is needed or none is untouched).
    pub accelerator: String,
    /// Its display name.
    pub accelerator_name: String,
    /// How many, owned, to restore the lost compute.
    pub accelerators: u64,
    /// Power to find at home for the chips that lose imported power, in MW.
    pub power_mw: f64,
    /// Experts to hire at home, in FTE.
    pub experts_fte: f64,
    /// The accelerators (with systems and build-out) plus the experts over the horizon, in US
    /// dollars (home power is priced in the energy the budget already counts).
    pub usd: f64,
}

/// One shock's effect.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StressFigures {
    /// A stable key: the rule's (`cloud:US`, `export:US`, `fab:TW`, `memory:KR`, `model:US`,
    /// `experts`, `imported_power`) or `custom:<name>` for the plan's own shocks.
    pub key: String,
    /// A short name.
    pub name: String,
    /// What happens, in plain words.
    pub description: String,
    /// Whether the plan defines it.
    pub custom: bool,
    /// Pooled dense BF16 peak under the shock, in PFLOP/s.
    pub bf16_pflops: f64,
    /// Share of the pool's peak lost, 0 to 1.
    pub bf16_pflops_lost_share: f64,
    /// Accelerators lost.
    pub accelerators_lost: u64,
    /// Workloads still meeting their targets.
    pub workloads_meeting_target: usize,
    /// Workloads meeting their targets without the shock.
    pub baseline_meeting_target: usize,
    /// Workloads with a target.
    pub workloads_with_target: usize,
    /// Whether every serving workload still meets its peak demand (`None` without serving).
    pub serving_meets_demand: Option<bool>,
    /// The largest increase of a training workload's days (`None` when a workload can no longer
    /// run at all: no chips), in days.
    pub days_lost: Option<f64>,
    /// Experts lost, in FTE.
    pub experts_fte_lost: f64,
    /// Power the members' own chips lack at their sites, over the plan's own shortfall, in MW.
    pub power_mw_lost: f64,
    /// The roadmap year by year under the shock (empty without a roadmap, or when not worked
    /// out: see [`YearsOf`]).
    pub years: Vec<YearFigures>,
    /// The first roadmap year in which the shock leaves less compute or fewer workloads on
    /// target than the plan has that year (`None`: none, or the years were not worked out).
    pub later_loss_year: Option<u16>,
    /// What would make the plan survive it.
    pub mitigation: Mitigation,
}

/// How a plan comes out of a shock, for colouring and wording it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing the plan needs is lost.
    Holds,
    /// Something is lost (compute, experts, power or days), but every workload that met its
    /// target still does and serving still meets demand.
    Weakened,
    /// A workload misses its target, cannot run at all, or serving no longer meets demand.
    Breaks,
}

impl Outcome {
    /// A word for it.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Holds => "holds",
            Outcome::Weakened => "weakened",
            Outcome::Breaks => "breaks",
        }
    }

    /// A clause for it: "the plan holds", "the plan is weakened", "the plan breaks".
    pub fn verdict(self) -> &'static str {
        match self {
            Outcome::Holds => "the plan holds",
            Outcome::Weakened => "the plan is weakened",
            Outcome::Breaks => "the plan breaks",
        }
    }
}

impl StressFigures {
    /// What surviving it takes, in words: "128 × NVIDIA H100 SXM5 80GB · USD 8.01 M", or
    /// "nothing to add".
    pub fn mitigation_text(&self) -> String {
        use crate::numbers::{count, short_usd, with_unit};
        let m = &self.mitigation;
        let mut parts = Vec::new();
        if m.accelerators > 0 {
            parts.push(format!(
                "{} × {}",
                count(m.accelerators),
                m.accelerator_name
            ));
        }
        if m.experts_fte > 0.0 {
            parts.push(with_unit(m.experts_fte, "FTE experts"));
        }
        if m.power_mw > 0.0 {
            parts.push(with_unit(m.power_mw, "MW at home"));
        }
        if parts.is_empty() {
            return "nothing to add".to_string();
        }
        if m.usd > 0.0 {
            parts.push(short_usd(m.usd));
        }
        parts.join(" · ")
    }

    /// The shock in one sentence: "United States cloud withdraws: 57 % of compute lost; 2 of 2
    /// workloads still on target; surviving it costs USD 8.01 M."
    pub fn sentence(&self) -> String {
        use crate::numbers::{short_percent, short_usd};
        let cost = if self.mitigation.usd > 0.0 {
            format!("surviving it costs {}", short_usd(self.mitigation.usd))
        } else {
            "surviving it needs nothing bought".to_string()
        };
        format!(
            "{}: {} of compute lost; {} of {} workloads still on target; {}.",
            self.name,
            short_percent(self.bf16_pflops_lost_share),
            self.workloads_meeting_target,
            self.workloads_with_target,
            cost
        )
    }

    /// The first roadmap year in which fewer workloads meet their targets under the shock than
    /// in the plan (`plan_years`, the plan's own roadmap): that year's figures under the shock
    /// and in the plan; `None` when no year is worse or the shock's years were not worked out.
    pub fn first_year_worse<'a>(
        &'a self,
        plan_years: &'a [YearFigures],
    ) -> Option<(&'a YearFigures, &'a YearFigures)> {
        self.years
            .iter()
            .zip(plan_years)
            .find(|(s, p)| s.workloads_meeting_target < p.workloads_meeting_target)
    }

    /// How the plan comes out of the shock.
    pub fn outcome(&self) -> Outcome {
        if self.severity().0 > 0 || self.days_lost.is_none() {
            Outcome::Breaks
        } else if self.later_loss_year.is_some()
            || self.bf16_pflops_lost_share > 0.0
            || self.experts_fte_lost > 0.0
            || self.power_mw_lost > 0.0
            || self.days_lost.is_some_and(|d| d > 0.0)
        {
            Outcome::Weakened
        } else {
            Outcome::Holds
        }
    }

    /// How hard the shock hits, for naming the worst: workloads lost first, then compute lost.
    pub fn severity(&self) -> (usize, f64) {
        (
            self.baseline_meeting_target
                .saturating_sub(self.workloads_meeting_target)
                + usize::from(self.serving_meets_demand == Some(false)),
            self.bf16_pflops_lost_share,
        )
    }
}

/// The shocks the plan is tested against: its own, then one per foreign supplier.
pub fn shocks(plan: &Plan, catalog: &Catalog) -> Vec<(String, Shock, bool)> {
    let slots: Vec<u16> = plan
        .members
        .iter()
        .map(|m| crate::catalog::code_slot(&m.country).map_or(u16::MAX, |s| s as u16))
        .collect();
    let members = MemberSet::of(plan, &slots);
    let foreign = |code: &str| !code.is_empty() && !members.contains(code);
    let mut out: Vec<(String, Shock, bool)> = plan
        .shocks
        .iter()
        .map(|s| (format!("custom:{}", s.name), s.clone(), true))
        .collect();
    let mut rules: Vec<ShockRule> = Vec::new();
    let mut add = |rule: ShockRule| {
        if !rules.contains(&rule) {
            rules.push(rule);
        }
    };
    for m in &plan.members {
        for c in &m.chips {
            if let Tenure::Rented {
                provider_country, ..
            } = &c.tenure
                && foreign(provider_country)
            {
                add(ShockRule::CloudWithdraws {
                    country: provider_country.clone(),
                });
            }
        }
    }
    let mut accs: Vec<&Accelerator> = Vec::new();
    for m in &plan.members {
        for c in m
            .chips
            .iter()
            .filter(|c| c.tenure == Tenure::Owned && c.count > 0)
        {
            if let Some(a) = plan.accelerator(catalog, &c.accelerator)
                && !accs.iter().any(|x| std::ptr::eq(*x, a))
            {
                accs.push(a);
            }
        }
    }
    for a in &accs {
        if foreign(&a.vendor_country) {
            add(ShockRule::ExportDenied {
                designer_country: a.vendor_country.clone(),
                members: Vec::new(),
            });
        }
    }
    for a in &accs {
        for c in a.fab_countries.iter().filter(|c| foreign(c)) {
            add(ShockRule::FabricationDisrupted { country: c.clone() });
        }
    }
    for a in &accs {
        for c in a.memory_supplier_countries.iter().filter(|c| foreign(c)) {
            add(ShockRule::MemoryDisrupted { country: c.clone() });
        }
    }
    if let Some(m) = plan.base(catalog)
        && foreign(&m.developer_country)
    {
        add(ShockRule::ModelDeveloperStops {
            country: m.developer_country.clone(),
        });
    }
    if plan
        .members
        .iter()
        .any(|m| m.experts.iter().any(|e| e.foreign_fte > 0.0))
    {
        add(ShockRule::ForeignExpertsLeave);
    }
    if plan
        .members
        .iter()
        .any(|m| m.power.iter().any(|p| p.imported_share > 0.0 && p.mw > 0.0))
    {
        add(ShockRule::ImportedPowerStops);
    }
    for rule in rules {
        let name = rule_name(&rule, catalog);
        out.push((
            rule.key(),
            Shock {
                name,
                rules: vec![rule],
                from_year: None,
            },
            false,
        ));
    }
    out
}

/// A built-in shock's short name, with the country's name from the catalog ("United States
/// cloud withdraws").
pub fn rule_name(rule: &ShockRule, catalog: &Catalog) -> String {
    let name = |code: &str| catalog.country_name(code).to_string();
    match rule {
        ShockRule::CloudWithdraws { country } => format!("{} cloud withdraws", name(country)),
        ShockRule::ExportDenied {
            designer_country, ..
        } => format!("{} export licences denied", name(designer_country)),
        ShockRule::FabricationDisrupted { country } => {
            format!("{} fabrication disrupted", name(country))
        }
        ShockRule::MemoryDisrupted { country } => {
            format!("{} memory supply disrupted", name(country))
        }
        ShockRule::ModelDeveloperStops { country } => {
            format!("{} model developer stops", name(country))
        }
        ShockRule::ForeignExpertsLeave => "Foreign experts leave".to_string(),
        ShockRule::ImportedPowerStops => "Imported electricity stops".to_string(),
    }
}

/// The plan under one shock, as seen in `year` (the roadmap year shown; `None` without one).
pub fn shocked_plan(plan: &Plan, catalog: &Catalog, shock: &Shock, year: Option<u16>) -> Plan {
    plan.under_shock(catalog, &shock.rules, shock.from_year, year)
}

/// The plan's report under the shock with this key in `year`, if the key names one.
pub fn report_under(
    plan: &Plan,
    catalog: &'static Catalog,
    key: &str,
    year: Option<u16>,
) -> Option<Report> {
    let (_, shock, _) = shocks(plan, catalog).into_iter().find(|(k, ..)| k == key)?;
    Some(year_report(
        &shocked_plan(plan, catalog, &shock, year),
        catalog,
        year,
    ))
}

/// Which shocks [`stress`] works out year by year (each costs one analysis per distinct roadmap
/// year, so the app asks for the one on screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearsOf<'a> {
    /// Every shock (the command line).
    All,
    /// The shock with this key, else the worst one.
    One(Option<&'a str>),
}

/// Every shock's effect on the plan in `year`, against `baseline` (the plan's report that year)
/// and `baseline_years` (the plan's roadmap, empty without one); the roadmap year by year under
/// the shocks `years_of` names.
pub fn stress(
    plan: &Plan,
    catalog: &'static Catalog,
    year: Option<u16>,
    baseline: &Report,
    baseline_years: &[YearFigures],
    years_of: YearsOf<'_>,
) -> Vec<StressFigures> {
    let list = shocks(plan, catalog);
    let mut out: Vec<StressFigures> = list
        .iter()
        .map(|(key, shock, custom)| {
            let r = if plan.roadmap.is_some() && year.is_some_and(|y| y < from_year(plan, shock)) {
                baseline.clone()
            } else {
                year_figures_report(&shocked_plan(plan, catalog, shock, year), catalog, year)
            };
            figures(
                plan,
                catalog,
                shock,
                key.clone(),
                *custom,
                baseline,
                &r,
                Vec::new(),
            )
        })
        .collect();
    if plan.roadmap.is_none() {
        return out;
    }
    // A plan of a few dozen members costs little per analysis: every shock's years are worked
    // out, so the table's outcomes see later years too.
    let years_of = if plan.members.len() <= YEARS_FOR_ALL_UP_TO_MEMBERS {
        YearsOf::All
    } else {
        years_of
    };
    let wanted: Vec<usize> = match years_of {
        YearsOf::All => (0..out.len()).collect(),
        YearsOf::One(key) => key
            .and_then(|k| out.iter().position(|s| s.key == k))
            .or_else(|| {
                let w = worst(&out)?;
                out.iter().position(|s| std::ptr::eq(s, w))
            })
            .into_iter()
            .collect(),
    };
    for i in wanted {
        let years = shock_years(plan, catalog, &list[i].1, baseline_years);
        out[i].later_loss_year = years
            .iter()
            .zip(baseline_years)
            .find(|(s, p)| {
                s.bf16_pflops < p.bf16_pflops - 1e-9
                    || s.workloads_meeting_target < p.workloads_meeting_target
            })
            .map(|(s, _)| s.year);
        // When the year shown loses nothing but a later year does, surviving means replacing
        // what that worst year lacks.
        let worst_later = years
            .iter()
            .zip(baseline_years)
            .map(|(s, p)| p.bf16_pflops - s.bf16_pflops)
            .fold(0.0, f64::max);
        if out[i].mitigation.accelerators == 0 && worst_later > 1e-9 {
            let mut m = std::mem::take(&mut out[i].mitigation);
            add_chips(&mut m, plan, catalog, &list[i].1, worst_later);
            out[i].mitigation = m;
        }
        out[i].years = years;
    }
    out
}

/// Up to this many members, [`stress`] works out every shock's roadmap year by year whatever it
/// is asked (each is one analysis per distinct year; at 193 members that would pass the 2 ms an
/// edit may take).
pub const YEARS_FOR_ALL_UP_TO_MEMBERS: usize = 60;

/// The first year a shock is on: its own, else the roadmap's first.
fn from_year(plan: &Plan, shock: &Shock) -> u16 {
    shock
        .from_year
        .or(plan.roadmap.as_ref().map(|r| r.start_year))
        .unwrap_or(0)
}

/// The roadmap year by year under a shock: the plan's own years before it, the shocked plan's
/// from it on (the same shocked plan in every year it is on).
pub fn shock_years(
    plan: &Plan,
    catalog: &'static Catalog,
    shock: &Shock,
    baseline_years: &[YearFigures],
) -> Vec<YearFigures> {
    let from = from_year(plan, shock);
    let on = shocked_plan(plan, catalog, shock, Some(u16::MAX));
    let (after, _) = years_and_report(&on, catalog, None);
    baseline_years
        .iter()
        .zip(after)
        .map(|(b, a)| if b.year < from { b.clone() } else { a })
        .collect()
}

/// Adds to `m` the owned accelerators (of the first type in [`REPLACEMENTS`] the shock does not
/// touch) that restore `lost_pflops` of dense BF16 peak, and their cost with systems and
/// build-out.
fn add_chips(m: &mut Mitigation, plan: &Plan, catalog: &Catalog, shock: &Shock, lost_pflops: f64) {
    if lost_pflops <= 0.0 {
        return;
    }
    let Some(acc) = REPLACEMENTS
        .iter()
        .filter_map(|id| catalog.accelerator(id))
        .find(|a| !touched(a, &shock.rules) && a.bf16_tflops.is_some_and(|t| t > 0.0))
    else {
        return;
    };
    let per = acc.bf16_tflops.unwrap_or(1.0) / 1000.0;
    let n = (lost_pflops / per).ceil() as u32;
    m.accelerator = acc.id.clone();
    m.accelerator_name = acc.name.clone();
    m.accelerators = u64::from(n);
    m.usd += budget::owned_line_capex_usd(plan, catalog, &ChipLine::new(acc.id.clone(), n));
}

/// Whether `acc` is touched by any of the rules (a supply rule that would stop its delivery).
fn touched(acc: &Accelerator, rules: &[ShockRule]) -> bool {
    rules.iter().any(|r| match r {
        ShockRule::ExportDenied {
            designer_country, ..
        } => &acc.vendor_country == designer_country,
        ShockRule::FabricationDisrupted { country } => acc.fab_countries.contains(country),
        ShockRule::MemoryDisrupted { country } => acc.memory_supplier_countries.contains(country),
        _ => false,
    })
}

#[allow(clippy::too_many_arguments)]
fn figures(
    plan: &Plan,
    catalog: &Catalog,
    shock: &Shock,
    key: String,
    custom: bool,
    base: &Report,
    r: &Report,
    years: Vec<YearFigures>,
) -> StressFigures {
    let meeting = |rep: &Report| {
        rep.workloads
            .iter()
            .filter(|w| w.target_met == Some(true))
            .count()
    };
    let serving: Vec<bool> = r
        .workloads
        .iter()
        .filter_map(|w| w.serving.map(|s| s.meets_demand))
        .collect();
    let mut days_lost = Some(0.0f64);
    for (b, s) in base.workloads.iter().zip(&r.workloads) {
        match (b.days, s.days) {
            (Some(db), Some(ds)) if ds.is_finite() => {
                days_lost = days_lost.map(|d| d.max(ds - db));
            }
            (Some(_), _) => days_lost = None,
            _ => {}
        }
    }
    let lost_pflops = (base.pooled.bf16_pflops - r.pooled.bf16_pflops).max(0.0);
    let experts_fte_lost = (base.experts.total_fte - r.experts.total_fte).max(0.0);
    let power_mw_lost = (r.power.shortfall_mw - base.power.shortfall_mw).max(0.0);
    // Mitigation: untouched owned accelerators to restore the peak; experts at home.
    let mut mitigation = Mitigation {
        power_mw: power_mw_lost,
        experts_fte: experts_fte_lost,
        ..Mitigation::default()
    };
    let c = &plan.assumptions.costs;
    add_chips(&mut mitigation, plan, catalog, shock, lost_pflops);
    if experts_fte_lost > 0.0 {
        let average = ExpertRole::ALL
            .iter()
            .map(|&role| c.staff_usd_per_fte_year.usd_per_fte_year(role))
            .sum::<f64>()
            / ExpertRole::ALL.len() as f64;
        mitigation.usd += experts_fte_lost * average * c.horizon_years;
    }
    StressFigures {
        description: shock
            .rules
            .iter()
            .map(|r| r.describe(catalog))
            .collect::<Vec<_>>()
            .join(" "),
        name: shock.name.clone(),
        key,
        custom,
        bf16_pflops: r.pooled.bf16_pflops,
        bf16_pflops_lost_share: if base.pooled.bf16_pflops > 0.0 {
            lost_pflops / base.pooled.bf16_pflops
        } else {
            0.0
        },
        accelerators_lost: base
            .pooled
            .accelerators
            .saturating_sub(r.pooled.accelerators),
        workloads_meeting_target: meeting(r),
        baseline_meeting_target: meeting(base),
        workloads_with_target: r
            .workloads
            .iter()
            .filter(|w| w.target_days.is_some())
            .count(),
        serving_meets_demand: (!serving.is_empty()).then(|| serving.iter().all(|m| *m)),
        days_lost,
        experts_fte_lost,
        power_mw_lost,
        years,
        later_loss_year: None,
        mitigation,
    }
}

/// The shock that hits hardest (see [`StressFigures::severity`]), if any hits at all.
pub fn worst(stress: &[StressFigures]) -> Option<&StressFigures> {
    stress
        .iter()
        .filter(|s| s.severity() > (0, 0.0))
        .max_by(|a, b| {
            let (wa, la) = a.severity();
            let (wb, lb) = b.severity();
            wa.cmp(&wb).then(la.total_cmp(&lb))
        })
}

/// The countries a rule of this `key` (as [`ShockRule::key`] begins: `cloud`, `export`, `fab`,
/// `memory`, `model`) can name when a planner defines a shock: those the catalog or the plan
/// knows in that role, the plan's own suppliers first, then the rest by name. Empty for rules
/// without a country.
pub fn rule_countries(kind: &str, plan: &Plan, catalog: &Catalog) -> Vec<String> {
    let mut first: Vec<String> = Vec::new();
    let mut rest: Vec<String> = Vec::new();
    let push = |list: &mut Vec<String>, code: &str| {
        if !code.is_empty() && !list.iter().any(|c| c == code) {
            list.push(code.to_string());
        }
    };
    let owned: Vec<&Accelerator> = plan
        .members
        .iter()
        .flat_map(|m| &m.chips)
        .filter_map(|c| plan.accelerator(catalog, &c.accelerator))
        .collect();
    let all: Vec<&Accelerator> = plan
        .custom_accelerators
        .iter()
        .chain(&catalog.accelerators)
        .collect();
    match kind {
        "cloud" => {
            for m in &plan.members {
                for c in &m.chips {
                    if let Tenure::Rented {
                        provider_country, ..
                    } = &c.tenure
                    {
                        push(&mut first, provider_country);
                        if let Some(h) = &c.hosted_in {
                            push(&mut first, h);
                        }
                    }
                }
            }
            for c in &catalog.countries.countries {
                push(&mut rest, &c.code);
            }
        }
        "export" => {
            owned
                .iter()
                .for_each(|a| push(&mut first, &a.vendor_country));
            all.iter().for_each(|a| push(&mut rest, &a.vendor_country));
        }
        "fab" => {
            for a in &owned {
                a.fab_countries.iter().for_each(|c| push(&mut first, c));
            }
            for a in &all {
                a.fab_countries.iter().for_each(|c| push(&mut rest, c));
            }
        }
        "memory" => {
            for a in &owned {
                a.memory_supplier_countries
                    .iter()
                    .for_each(|c| push(&mut first, c));
            }
            for a in &all {
                a.memory_supplier_countries
                    .iter()
                    .for_each(|c| push(&mut rest, c));
            }
        }
        "model" => {
            if let Some(m) = plan.base(catalog) {
                push(&mut first, &m.developer_country);
            }
            for m in plan.custom_models.iter().chain(&catalog.models) {
                push(&mut rest, &m.developer_country);
            }
        }
        _ => {}
    }
    rest.retain(|c| !first.contains(c));
    rest.sort_by(|a, b| catalog.country_name(a).cmp(catalog.country_name(b)));
    first.extend(rest);
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(lost: f64, meeting: usize, baseline: usize) -> StressFigures {
        StressFigures {
            bf16_pflops_lost_share: lost,
            workloads_meeting_target: meeting,
            baseline_meeting_target: baseline,
            workloads_with_target: baseline,
            days_lost: Some(0.0),
            ..StressFigures::default()
        }
    }

    #[test]
    fn a_shock_that_costs_a_workload_its_target_breaks_the_plan() {
        assert_eq!(figures(0.6, 1, 2).outcome(), Outcome::Breaks);
        let serving = StressFigures {
            serving_meets_demand: Some(false),
            ..figures(0.1, 2, 2)
        };
        assert_eq!(serving.outcome(), Outcome::Breaks);
        let no_chips = StressFigures {
            days_lost: None,
            ..figures(1.0, 0, 0)
        };
        assert_eq!(no_chips.outcome(), Outcome::Breaks);
    }

    #[test]
    fn compute_lost_with_every_target_still_met_weakens_and_nothing_lost_holds() {
        assert_eq!(figures(0.57, 2, 2).outcome(), Outcome::Weakened);
        let experts = StressFigures {
            experts_fte_lost: 5.0,
            ..figures(0.0, 2, 2)
        };
        assert_eq!(experts.outcome(), Outcome::Weakened);
        assert_eq!(figures(0.0, 2, 2).outcome(), Outcome::Holds);
    }

    #[test]
    fn the_sentence_names_the_shock_its_loss_its_workloads_and_its_cost() {
        let s = StressFigures {
            name: "United States cloud withdraws".into(),
            mitigation: Mitigation {
                accelerator: "nvidia_h100_sxm".into(),
                accelerator_name: "NVIDIA H100".into(),
                accelerators: 128,
                usd: 8_006_400.0,
                ..Mitigation::default()
            },
            ..figures(0.5714, 2, 2)
        };
        assert_eq!(
            s.sentence(),
            "United States cloud withdraws: 57 % of compute lost; 2 of 2 workloads still on \
             target; surviving it costs USD 8.01 M."
        );
        assert_eq!(s.mitigation_text(), "128 × NVIDIA H100 · USD 8.01 M");
        assert_eq!(figures(0.0, 2, 2).mitigation_text(), "nothing to add");
    }

    #[test]
    fn the_first_year_worse_is_the_first_in_which_a_workload_loses_its_target() {
        let year = |year: u16, meeting: usize| YearFigures {
            year,
            workloads_meeting_target: meeting,
            ..YearFigures::default()
        };
        let plan = [year(2026, 2), year(2027, 2), year(2028, 2)];
        let shocked = StressFigures {
            years: vec![year(2026, 2), year(2027, 0), year(2028, 1)],
            ..figures(0.4, 2, 2)
        };
        let (worse, own) = shocked.first_year_worse(&plan).expect("2027 is worse");
        assert_eq!((worse.year, worse.workloads_meeting_target), (2027, 0));
        assert_eq!((own.year, own.workloads_meeting_target), (2027, 2));
        let same = StressFigures {
            years: plan.to_vec(),
            ..figures(0.0, 2, 2)
        };
        assert_eq!(same.first_year_worse(&plan), None);
        assert_eq!(
            figures(0.4, 2, 2).first_year_worse(&plan),
            None,
            "not worked out"
        );
    }

    #[test]
    fn built_in_shocks_are_named_with_the_country_s_name() {
        let catalog = Catalog::builtin();
        let rule = ShockRule::CloudWithdraws {
            country: "US".into(),
        };
        assert_eq!(rule_name(&rule, catalog), "United States cloud withdraws");
    }

    #[test]
    fn rule_countries_put_the_plan_s_suppliers_first() {
        let catalog = Catalog::builtin();
        let mut plan = Plan::new("t", "llama3.1-8b");
        let mut m = crate::plan::Member::new("CL");
        m.chips
            .push(ChipLine::new("nvidia_h100_sxm".to_string(), 8));
        plan.members.push(m);
        let fab = rule_countries("fab", &plan, catalog);
        assert_eq!(fab.first().map(String::as_str), Some("TW"));
        let export = rule_countries("export", &plan, catalog);
        assert_eq!(export.first().map(String::as_str), Some("US"));
        assert!(
            export.iter().any(|c| c == "CN"),
            "Huawei's designs: {export:?}"
        );
        let cloud = rule_countries("cloud", &plan, catalog);
        assert!(cloud.len() > 190, "every country can host a cloud");
        assert_eq!(
            cloud.first().map(String::as_str),
            Some("AF"),
            "by name, none rented"
        );
        assert!(rule_countries("experts", &plan, catalog).is_empty());
    }
}
