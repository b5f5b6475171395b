//! One whole frame of the app run headless (egui `Context::run_ui` plus tessellation) on each main
//! view with the 193-member plan, beside egui's own demo app frame measured in the same run as the
//! reference. Target: ≤ 1 ms median, and no slower than the reference.
//!
//! Run: `cargo bench --bench frame`.

use consortium_planner::app::{Command, PlannerApp, StartOptions, View};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};

mod support;

/// A projector-sized window.
fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..RawInput::default()
    }
}

/// Runs one frame and tessellates it, as the real window does before painting.
fn frame(ctx: &egui::Context, mut run: impl FnMut(&mut egui::Ui)) {
    let mut output = ctx.run_ui(input(), |ui| run(ui));
    let _ = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    output.textures_delta.clear();
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    {
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        for _ in 0..3 {
            frame(&ctx, |ui| demo.ui(ui));
        }
        group.bench_function("reference: egui demo app", |b| {
            b.iter(|| frame(&ctx, |ui| demo.ui(ui)))
        });
    }
    for view in View::ALL {
        let ctx = egui::Context::default();
        let mut app = PlannerApp::new(
            None,
            StartOptions {
                path: Some(support::repo_path("saves/un-193.ron")),
                typed_paths_only: true,
                data_dir: None,
            },
        );
        app.execute(&ctx, Command::Show(view));
        // Settle: fonts, galley caches and the first analysis, as after the window opens.
        for _ in 0..3 {
            frame(&ctx, |ui| app.frame_ui(ui));
        }
        group.bench_function(format!("193 members: {}", view.label()), |b| {
            b.iter(|| frame(&ctx, |ui| app.frame_ui(ui)))
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
