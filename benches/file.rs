//! Plan files at 8, 55 and 193 members: parse + validate, serialise, and the whole safe save
//! (temporary file, fsync, rename, backup). Target: ≤ 3 ms each at 193 members.
//!
//! Run: `cargo bench --bench file`.

use std::hint::black_box;
use std::io::Write;

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
        // The floor any durable save pays on this disk: one write and one fsync, nothing else.
        let text_out = file::to_ron_with_header(&loaded.plan, &loaded.header);
        let floor = dir.path().join("floor.ron");
        group.bench_function("disk floor: write + fsync", |b| {
            b.iter(|| {
                let mut f = std::fs::File::create(&floor).expect("create");
                f.write_all(text_out.as_bytes()).expect("write");
                f.sync_all().expect("fsync");
            })
        });
        group.finish();
    }
}

criterion_group!(benches, file_benches);
criterion_main!(benches);
