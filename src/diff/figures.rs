//! Key figures of the two analyses side by side; only the ones that moved are kept. Every value is
//! read from the two [`Report`]s, never recomputed.

use crate::analysis::{Layer, Report};

use super::pairing::pair_by_key;
use super::types::{FigureChange, SHARE};

/// Shares closer than this (0.05 percentage points) count as unchanged: they print the same.
const SHARE_TOLERANCE: f64 = 0.0005;

fn moved(unit: &str, before: Option<f64>, after: Option<f64>) -> bool {
    match (before, after) {
        (Some(x), Some(y)) if unit == SHARE => (x - y).abs() >= SHARE_TOLERANCE,
        (Some(x), Some(y)) => (x - y).abs() > 1e-9 * x.abs().max(y.abs()),
        (None, None) => false,
        _ => true,
    }
}

/// The figures gathered so far, and whether unmoved figures are kept too.
pub(super) struct Collector(Vec<FigureChange>, bool);

impl Collector {
    /// Adds a figure if it moved (or if every figure is kept).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        section: &'static str,
        key: &'static str,
        subject: Option<&str>,
        label: impl Into<String>,
        unit: &'static str,
        before: Option<f64>,
        after: Option<f64>,
    ) {
        if self.1 || moved(unit, before, after) {
            self.0.push(FigureChange {
                section,
                key,
                subject: subject.map(str::to_string),
                label: label.into(),
                unit,
                before,
                after,
            });
        }
    }
}

/// Section names, as in the `report` text.
pub const POOLED: &str = "Pooled capacity";
/// Power section.
pub const POWER: &str = "Power";
/// Workloads section.
pub const WORKLOADS: &str = "Workloads";
/// Experts section.
pub const EXPERTS: &str = "Experts";
/// Dependency section.
pub const DEPENDENCY: &str = "Foreign dependency";
/// Members section.
pub const MEMBERS: &str = "Members";
/// Budget section.
pub const BUDGET: &str = "Budget";

/// The key figures that differ between the reports of the first (`a`) and second (`b`) plan.
pub fn figures(a: &Report, b: &Report) -> Vec<FigureChange> {
    collect(a, b, false)
}

/// Every key figure of the two reports side by side, moved or not (for showing two scenarios in
/// two columns); [`FigureChange::has_moved`] tells which differ.
pub fn key_figures(a: &Report, b: &Report) -> Vec<FigureChange> {
    collect(a, b, true)
}

/// The roadmap year by year (pooled compute, spending, overall dependency) and its total
/// spending, for the figures that moved (all of them when `all`).
pub fn roadmap_figures(
    a: &[crate::analysis::years::YearFigures],
    b: &[crate::analysis::years::YearFigures],
    all: bool,
) -> Vec<FigureChange> {
    let mut out = Vec::new();
    let mut years: Vec<u16> = a.iter().chain(b).map(|y| y.year).collect();
    years.sort_unstable();
    years.dedup();
    type Read = fn(&crate::analysis::years::YearFigures) -> f64;
    let reads: [(&'static str, &str, &'static str, Read); 3] = [
        ("years.bf16_pflops", "dense BF16", "PFLOP/s", |y| {
            y.bf16_pflops
        }),
        ("years.spending_usd", "spending", "USD", |y| y.spending_usd),
        (
            "years.dependency_overall",
            "foreign dependency",
            SHARE,
            |y| y.dependency_overall,
        ),
    ];
    for year in years {
        let find = |list: &[crate::analysis::years::YearFigures]| {
            list.iter().find(|y| y.year == year).cloned()
        };
        let (ya, yb) = (find(a), find(b));
        for (key, label, unit, read) in reads {
            let f = FigureChange {
                section: "Roadmap",
                key,
                subject: Some(year.to_string()),
                label: format!("{year}: {label}"),
                unit,
                before: ya.as_ref().map(read),
                after: yb.as_ref().map(read),
            };
            if all || moved(f.unit, f.before, f.after) {
                out.push(f);
            }
        }
    }
    if !a.is_empty() || !b.is_empty() {
        let total = |list: &[crate::analysis::years::YearFigures]| {
            (!list.is_empty()).then(|| crate::analysis::years::total_spending_usd(list))
        };
        let f = FigureChange {
            section: "Roadmap",
            key: "roadmap.spending_usd",
            subject: None,
            label: "spending over the roadmap".to_string(),
            unit: "USD",
            before: total(a),
            after: total(b),
        };
        if all || moved(f.unit, f.before, f.after) {
            out.push(f);
        }
    }
    out
}

/// Whether a figure counts as moved (shares by at least 0.05 percentage points).
pub fn has_moved(f: &FigureChange) -> bool {
    moved(f.unit, f.before, f.after)
}

fn collect(a: &Report, b: &Report, all: bool) -> Vec<FigureChange> {
    let mut c = Collector(Vec::new(), all);
    type Read = fn(&Report) -> f64;
    let hardware: [(&str, &'static str, &str, &'static str, Read); 9] = [
        (POOLED, "pooled.accelerators", "accelerators", "", |r| {
            r.pooled.accelerators as f64
        }),
        (POOLED, "pooled.bf16_pflops", "dense BF16", "PFLOP/s", |r| {
            r.pooled.bf16_pflops
        }),
        (POOLED, "pooled.fp8_pflops", "dense FP8", "PFLOP/s", |r| {
            r.pooled.fp8_pflops
        }),
        (POOLED, "pooled.memory_tb", "memory", "TB", |r| {
            r.pooled.memory_tb
        }),
        (POWER, "power.required_mw", "required", "MW", |r| {
            r.power.required_mw
        }),
        (POWER, "power.contributed_mw", "contributed", "MW", |r| {
            r.power.contributed_mw
        }),
        (
            POWER,
            "power.headroom_mw",
            "headroom (negative: shortfall)",
            "MW",
            |r| r.power.headroom_mw,
        ),
        (
            POWER,
            "power.energy_mwh_per_year",
            "energy per year",
            "MWh",
            |r| r.power.energy_mwh_per_year,
        ),
        (
            POWER,
            "power.cost_usd_per_year",
            "energy cost per year",
            "USD",
            |r| r.power.cost_usd_per_year,
        ),
    ];
    let experts: [(&str, &'static str, &str, &'static str, Read); 4] = [
        (EXPERTS, "experts.total_fte", "experts", "FTE", |r| {
            r.experts.total_fte
        }),
        (
            EXPERTS,
            "experts.foreign_fte",
            "of which foreign",
            "FTE",
            |r| r.experts.foreign_fte,
        ),
        (EXPERTS, "experts.needed_fte", "needed", "FTE", |r| {
            r.experts.needed_fte
        }),
        (
            EXPERTS,
            "experts.roles_short",
            "roles short of experts",
            "roles",
            |r| r.experts.roles_short() as f64,
        ),
    ];
    for (section, key, label, unit, f) in hardware {
        c.push(section, key, None, label, unit, Some(f(a)), Some(f(b)));
    }
    workload_figures(&mut c, a, b);
    for (section, key, label, unit, f) in experts {
        c.push(section, key, None, label, unit, Some(f(a)), Some(f(b)));
    }
    super::budget_figures::budget_figures(&mut c, a, b);
    for layer in Layer::ALL {
        let share = |r: &Report| {
            let l = r.dependency.layer(layer);
            (!l.empty).then_some(l.foreign_share)
        };
        c.push(
            DEPENDENCY,
            "dependency.layers",
            Some(layer.key()),
            layer.label(),
            SHARE,
            share(a),
            share(b),
        );
    }
    let overall = |r: &Report| Some(r.dependency.overall);
    c.push(
        DEPENDENCY,
        "dependency.overall",
        None,
        "Overall index",
        SHARE,
        overall(a),
        overall(b),
    );
    for (x, y) in pair_by_key(&a.members, &b.members, |m| m.country.to_string()) {
        let Some(m) = x.or(y) else { continue };
        c.push(
            MEMBERS,
            "members.stake",
            Some(&m.country),
            format!("{} {} stake", m.country, m.name),
            SHARE,
            x.map(|m| m.stake),
            y.map(|m| m.stake),
        );
    }
    c.0
}

fn workload_figures(c: &mut Collector, a: &Report, b: &Report) {
    for (x, y) in pair_by_key(&a.workloads, &b.workloads, |w| w.name.clone()) {
        let Some(w) = x.or(y) else { continue };
        let name = w.name.as_str();
        c.push(
            WORKLOADS,
            "workloads.days",
            Some(name),
            format!("{name}: days"),
            "days",
            x.and_then(|w| w.days),
            y.and_then(|w| w.days),
        );
        c.push(
            WORKLOADS,
            "workloads.gpu_hours",
            Some(name),
            format!("{name}: accelerator-hours"),
            "h",
            x.and_then(|w| w.gpu_hours),
            y.and_then(|w| w.gpu_hours),
        );
        let serving = |w: Option<&crate::analysis::WorkloadFigures>| w.and_then(|w| w.serving);
        c.push(
            WORKLOADS,
            "workloads.serving.replicas",
            Some(name),
            format!("{name}: replicas"),
            "replicas",
            serving(x).map(|s| s.replicas as f64),
            serving(y).map(|s| s.replicas as f64),
        );
        c.push(
            WORKLOADS,
            "workloads.serving.capacity_tokens_per_s",
            Some(name),
            format!("{name}: capacity at peak"),
            "tokens/s",
            serving(x).map(|s| s.capacity_tokens_per_s),
            serving(y).map(|s| s.capacity_tokens_per_s),
        );
    }
}
