//! Full recompute of the analysis at 8, 55 and 193 members. Target: ≤ 20 µs at 193 members.
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
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
