//! Runs `analysis::analyze_figures` N times on a plan, for profiling:
//! `valgrind --tool=callgrind target/release/examples/figures_loop saves/un-193.ron 200`.

use std::hint::black_box;

use consortium_planner::analysis::analyze_figures;
use consortium_planner::catalog::Catalog;
use consortium_planner::file;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let catalog = Catalog::builtin();
    let plan = file::load(args[1].as_ref(), catalog).expect("loads").plan;
    let n: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(200);
    for _ in 0..n {
        black_box(analyze_figures(black_box(&plan), catalog));
    }
}
