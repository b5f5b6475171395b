//! Analyses a plan N times: a steady workload for instruction-count profiling, which is
//! repeatable even on a busy machine:
//! `valgrind --tool=callgrind cargo run --release --example analyze_loop -- saves/un-193.ron 200`.

use consortium_planner::analysis::analyze;
use consortium_planner::catalog::Catalog;
use consortium_planner::file;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "saves/un-193.ron".to_string());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let catalog = Catalog::builtin();
    let plan = file::load(std::path::Path::new(&path), catalog)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .plan;
    let mut members = 0;
    for _ in 0..n {
        members += std::hint::black_box(analyze(&plan, catalog)).members.len();
    }
    println!(
        "{n} analyses of {path}: {} members each",
        members / n.max(1)
    );
}
