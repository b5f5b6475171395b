//! Times the parts of one edit's recompute on a plan: `cargo run --release --example edit_profile -- PLAN [N]`.

use std::hint::black_box;
use std::time::Instant;

use consortium_planner::analysis::{analyze, analyze_figures, stress, whole::plan_figures};
use consortium_planner::catalog::Catalog;
use consortium_planner::file;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let catalog = Catalog::builtin();
    let plan = file::load(args[1].as_ref(), catalog).expect("loads").plan;
    let n: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let time = |label: &str, f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{label}: {:.1} µs",
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        );
    };
    time("clone", &|| {
        black_box(plan.clone());
    });
    time("analyze", &|| {
        black_box(analyze(&plan, catalog));
    });
    time("analyze_figures", &|| {
        black_box(analyze_figures(&plan, catalog));
    });
    time("shocks", &|| {
        black_box(stress::shocks(&plan, catalog));
    });
    time("plan_figures", &|| {
        black_box(plan_figures(&plan, catalog, None, None));
    });
}
