//! The app as a user starts it, for the kittest files that share it: a 1366×768 laptop screen,
//! typed-path prompts instead of native file dialogs, and the plan and data folder given; and the
//! small queries and actions those files share. (Each test file uses part of it.)
#![allow(dead_code)]

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

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

/// Whether some text is on screen (a label exposes its text as its accessible value).
pub fn shows(h: &Harness<'_, PlannerApp>, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some()
}

/// Text on screen that contains `part`.
pub fn texts_containing(h: &Harness<'_, PlannerApp>, part: &str) -> Vec<String> {
    h.query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains(part)))
        .filter_map(|n| n.value())
        .collect()
}

/// Clicks the widget labelled `label` and lets the app run a frame.
pub fn click(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Lets the app run past the undo history's settling time.
pub fn wait_a_second(h: &mut Harness<'_, PlannerApp>) {
    h.run_steps(4);
    h.run();
}

/// The example plan, by the relative path a user would type (tests run in the crate's folder, so
/// a snapshot's status bar shows the same path in every checkout).
pub fn latam_path() -> PathBuf {
    PathBuf::from("saves/latam-gpt.ron")
}

/// The example plan as loaded.
pub fn latam() -> consortium_planner::plan::Plan {
    consortium_planner::file::load(
        &latam_path(),
        consortium_planner::catalog::Catalog::builtin(),
    )
    .expect("example opens")
    .plan
}
