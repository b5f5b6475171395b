//! Plan files at 8, 55 and 193 members: parse + validate, serialise, and the whole safe save
//! (temporary file, fsync, rename, backup). Target: ≤ 3 ms each at 193 members.
//!
//! Run: `cargo bench --bench file`.

use std::hint::black_box;

use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use criterion::{Criterion, criterion_group, criterion_main};

mod support;

fn file_benches(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let dir = tempfile::tempdir().expect("temporary folder");
    for (label, path) in support::PLANS {
        let text = support::plan_text(path);
        let loaded = file::parse(&text, catalog).expect("example plan loads");
        let mut group = c.benchmark_group(format!("file/{label}"));
        group.bench_function("load + validate", |b| {
            b.iter(|| file::parse(black_box(&text), catalog).expect("loads"))
        });
        group.bench_function("serialise", |b| {
            b.iter(|| file::to_ron_with_header(black_box(&loaded.plan), &loaded.header))
        });
        let target = dir.path().join("plan.ron");
        group.bench_function("safe save (fsync)", |b| {
            b.iter(|| file::save_with_header(&loaded.plan, &loaded.header, &target).expect("saves"))
        });
        group.finish();
    }
}

criterion_group!(benches, file_benches);
criterion_main!(benches);
