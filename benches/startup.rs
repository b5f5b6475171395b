//! Start-up time (process start to first painted frame) and peak memory of the app on the
//! 193-member plan, against an empty eframe window built in this repo (`examples/empty_window.rs`)
//! measured in the same run, alternating. Target: ≤ 1.2× the empty window for both.
//!
//! Needs an X display: uses `$DISPLAY`, or starts `Xvfb` itself when none is set.
//! Run: `cargo bench --bench startup` (builds both binaries in release first).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod support;

const RUNS: usize = 11;

struct Sample {
    seconds: f64,
    peak_rss_kb: u64,
}

fn build() -> (PathBuf, PathBuf) {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--quiet",
            "--bin",
            "consortium-planner",
            "--example",
            "empty_window",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "release build failed");
    let release = support::repo_path("target/release");
    (
        release.join("consortium-planner"),
        release.join("examples/empty_window"),
    )
}

/// An X display: the current one, or a private Xvfb for the run.
fn display() -> (String, Option<Child>) {
    if let Ok(d) = std::env::var("DISPLAY")
        && !d.is_empty()
    {
        return (d, None);
    }
    let d = ":87".to_string();
    let xvfb = Command::new("Xvfb")
        .args([
            d.as_str(),
            "-screen",
            "0",
            "1920x1080x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb (apt-get install xvfb) or a DISPLAY");
    // Ready when its socket exists (and a moment later it accepts clients).
    let socket = Path::new("/tmp/.X11-unix/X87");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !socket.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
    (d, Some(xvfb))
}

fn run_once(binary: &Path, args: &[&str], display: &str, data_home: &Path) -> Sample {
    let start = Instant::now();
    let mut child = Command::new(binary)
        .args(args)
        .env("DISPLAY", display)
        .env("XDG_DATA_HOME", data_home)
        .env("CONSORTIUM_PLANNER_STARTUP_PROBE", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut sample = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("readable output");
        if let Some(kb) = line.strip_prefix("first-frame-painted peak_rss_kb=") {
            sample = Some(Sample {
                seconds: start.elapsed().as_secs_f64(),
                peak_rss_kb: kb.trim().parse().expect("a number"),
            });
            break;
        }
    }
    let _ = child.wait();
    sample.unwrap_or_else(|| panic!("{} never reported its first frame", binary.display()))
}

/// CPU seconds (user + system) a process has used so far, from /proc/PID/stat.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')').expect("stat format") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 =
        fields[11].parse::<f64>().expect("utime") + fields[12].parse::<f64>().expect("stime");
    ticks / 100.0 // USER_HZ is 100 on Linux
}

/// CPU used by the app sitting idle in a real window: started normally, left 5 s to settle,
/// then measured over 20 s with nothing happening.
fn idle_cpu_percent(app: &Path, plan: &str, display: &str, data_home: &Path) -> f64 {
    let mut child = Command::new(app)
        .arg(plan)
        .env("DISPLAY", display)
        .env("XDG_DATA_HOME", data_home)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("app starts");
    std::thread::sleep(Duration::from_secs(5));
    let before = cpu_seconds(child.id());
    let window = Duration::from_secs(20);
    std::thread::sleep(window);
    let used = cpu_seconds(child.id()) - before;
    let _ = child.kill();
    let _ = child.wait();
    used / window.as_secs_f64() * 100.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not used here.
    let (app, empty) = build();
    let (display, xvfb) = display();
    let data_home = tempfile::tempdir().expect("temporary data folder");
    let plan = support::repo_path("saves/un-193.ron");
    let plan = plan.to_str().expect("UTF-8 path");
    // One untimed run of each warms the file cache and the shader caches of the driver.
    run_once(&empty, &[], &display, data_home.path());
    run_once(&app, &[plan], &display, data_home.path());
    let (mut app_runs, mut empty_runs) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        empty_runs.push(run_once(&empty, &[], &display, data_home.path()));
        app_runs.push(run_once(&app, &[plan], &display, data_home.path()));
    }
    let idle = idle_cpu_percent(&app, plan, &display, data_home.path());
    if let Some(mut x) = xvfb {
        let _ = x.kill();
    }
    let secs = |v: &[Sample]| median(v.iter().map(|s| s.seconds).collect());
    let mem = |v: &[Sample]| median(v.iter().map(|s| s.peak_rss_kb as f64).collect());
    let (at, et) = (secs(&app_runs), secs(&empty_runs));
    let (am, em) = (mem(&app_runs), mem(&empty_runs));
    println!("startup over {RUNS} alternating runs each (medians), display {display}:");
    println!("                          first frame    peak memory");
    println!(
        "  empty eframe window     {:8.1} ms    {:8.1} MB",
        et * 1e3,
        em / 1024.0
    );
    println!(
        "  app, 193-member plan    {:8.1} ms    {:8.1} MB",
        at * 1e3,
        am / 1024.0
    );
    println!(
        "  ratio (target <= 1.2)   {:8.2}       {:8.2}",
        at / et,
        am / em
    );
    println!("idle: the app used {idle:.2} % of one core over 20 s with nothing happening");
}
