//! Everything one edit recomputes (`analysis::whole::plan_figures`: the report of the year shown,
//! every roadmap year, every shock of the switch-off test), target ≤ 2 ms at 193 members:
//!
//! - `193 members`: the UN plan as it is (no roadmap);
//! - `193 members, 10-year roadmap`: the worst case — a 10-year roadmap where members' first chip
//!   lines arrive in ten different years and their experts leave in others, so no two years are the
//!   same plan, and a rented line so that a cloud shock is tried too;
//! - `8 members` with the Latam example's 5-year roadmap.
//!
//! Run: `cargo bench --bench edit`.

use std::hint::black_box;

use consortium_planner::analysis::whole::plan_figures;
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{ChipLine, Plan, Roadmap, Tenure, Years};
use criterion::{Criterion, criterion_group, criterion_main};

mod support;

/// The UN plan over ten years, every year a different plan.
pub fn staggered(mut plan: Plan) -> Plan {
    plan.roadmap = Some(Roadmap {
        start_year: 2026,
        phases: Vec::new(),
        model_changes: Vec::new(),
    });
    plan.assumptions.costs.horizon_years = 10.0;
    for (i, m) in plan.members.iter_mut().enumerate() {
        let year = 2026 + (i % 10) as u16;
        if let Some(c) = m.chips.first_mut() {
            c.years = Years {
                first: Some(year),
                last: None,
            };
        }
        if let Some(e) = m.experts.first_mut() {
            e.years = Years {
                first: None,
                last: Some(2026 + ((i + 5) % 10) as u16),
            };
        }
    }
    plan.members[0].chips.push(ChipLine {
        tenure: Tenure::Rented {
            provider: "Cloud".into(),
            provider_country: "CH".into(),
        },
        hosted_in: Some("CH".into()),
        ..ChipLine::new("nvidia_h100_sxm", 256)
    });
    plan
}

fn edit(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let load = |path: &str| {
        file::parse(&support::plan_text(path), catalog)
            .expect("example plan loads")
            .plan
    };
    let un = load("saves/un-193.ron");
    let un_roadmap = staggered(un.clone());
    let latam = load("saves/latam-gpt.ron");
    let mut group = c.benchmark_group("edit");
    for (label, plan) in [
        ("8 members, 5-year roadmap", &latam),
        ("193 members", &un),
        ("193 members, 10-year roadmap", &un_roadmap),
    ] {
        let figures = plan_figures(plan, catalog, None, None);
        eprintln!(
            "{label}: {} years, {} shocks",
            figures.years.len(),
            figures.stress.len()
        );
        group.bench_function(label, |b| {
            b.iter(|| plan_figures(black_box(plan), catalog, None, None))
        });
    }
    group.finish();
}

criterion_group!(benches, edit);
criterion_main!(benches);
