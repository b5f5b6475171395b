//! A crash or kill loses at most a few seconds: a real app process is edited and killed, and the
//! next start offers the edit back.
//!
//! The "app process" is this test binary run again as a child (`CP_RECOVERY_CHILD` set): it drives
//! the real app headless through egui_kittest, makes an edit, keeps running frames, and is killed
//! with SIGKILL by the parent once its autosave is on disk.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use consortium_planner::app::{PlannerApp, StartOptions};
use consortium_planner::plan::Member;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const CHILD_ENV: &str = "CP_RECOVERY_CHILD";
const TEST_NAME: &str = "an_edit_survives_killing_the_app_process";

fn app(data_dir: &Path) -> Harness<'static, PlannerApp> {
    let data_dir = data_dir.to_path_buf();
    Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |cc| {
            PlannerApp::from_creation_context(
                cc,
                StartOptions {
                    path: None,
                    typed_paths_only: true,
                    data_dir: Some(data_dir),
                },
            )
        })
}

/// The child: edit, then keep the app running until killed.
fn child(data_dir: PathBuf) -> ! {
    let mut h = app(&data_dir);
    h.run();
    h.state_mut().doc.plan.members.push(Member::new("NZ"));
    loop {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_edit_survives_killing_the_app_process() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        child(PathBuf::from(dir));
    }
    let data = tempfile::tempdir().expect("temp dir");
    let mut process = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, data.path())
        .spawn()
        .expect("start the app process");
    let autosave = data.path().join("autosave.ron");
    let started = Instant::now();
    while !autosave.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the app never autosaved"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    process.kill().expect("kill the app process");
    process.wait().expect("reap");

    let mut h = app(data.path());
    h.run();
    assert!(
        h.query_by_label("Restore").is_some(),
        "the next start offers to restore"
    );
    h.get_by_label("Restore").click();
    h.run();
    let doc = &h.state().doc;
    assert!(
        doc.plan.has_member("NZ"),
        "the edit made before the kill is back"
    );
    assert!(
        doc.is_dirty(),
        "restored work is not on disk yet, so it is marked unsaved"
    );
}

#[test]
fn discarding_the_offer_removes_the_autosave_and_a_clean_start_offers_nothing() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let mut h = app(data.path());
        h.run();
        h.state_mut().doc.plan.members.push(Member::new("FJ"));
        // The write happens on the autosave thread: give it a moment.
        let started = Instant::now();
        while !data.path().join("autosave.ron").exists() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "an unsaved edit is autosaved"
            );
            h.step();
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    let mut h = app(data.path());
    h.run();
    h.get_by_label("Discard it").click();
    h.run();
    assert!(!data.path().join("autosave.ron").exists());
    assert!(!h.state().doc.plan.has_member("FJ"));
    let mut again = app(data.path());
    again.run();
    assert!(again.query_by_label("Restore").is_none());
}
