//! The app as a user starts it, for the kittest files that share it: a 1366×768 laptop screen,
//! typed-path prompts instead of native file dialogs, and the plan and data folder given.

use std::path::PathBuf;

use egui_kittest::Harness;

use consortium_planner::app::{PlannerApp, StartOptions};

/// Starts the app with `path` on the command line (or the built-in example) and `data_dir` as its
/// data folder (`None`: no autosave and no personal catalog).
pub fn start_app(path: Option<PathBuf>, data_dir: Option<PathBuf>) -> Harness<'static, PlannerApp> {
    Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |cc| {
            PlannerApp::from_creation_context(
                cc,
                StartOptions {
                    path,
                    typed_paths_only: true,
                    data_dir,
                },
            )
        })
}
