//! Full recompute of the analysis at 8, 55 and 193 members (target: ≤ 20 µs at 193 members), and
//! the plan comparison the app uses to notice an edit.
//!
//! Run: `cargo bench --bench analysis`.

use std::hint::black_box;

use consortium_planner::analysis::analyze;
use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use criterion::{Criterion, criterion_group, criterion_main};

mod support;

fn analysis(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let mut group = c.benchmark_group("analysis");
    for (label, path) in support::PLANS {
        let plan = file::parse(&support::plan_text(path), catalog)
            .expect("example plan loads")
            .plan;
        assert_eq!(
            plan.members.len(),
            label.split(' ').next().unwrap().parse::<usize>().unwrap()
        );
        group.bench_function(label, |b| b.iter(|| analyze(black_box(&plan), catalog)));
        // The app detects edits by comparing the plan with its last analysed copy.
        let copy = plan.clone();
        group.bench_function(format!("{label}: change check"), |b| {
            b.iter(|| black_box(&plan) == black_box(&copy))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
