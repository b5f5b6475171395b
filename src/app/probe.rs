//! Start-up probe for the start-up benchmark: with `CONSORTIUM_PLANNER_STARTUP_PROBE=1` set, the
//! window reports when its first frame has been painted and how much memory the process has used
//! at its peak, then closes. Used by `benches/startup.rs` on this app and on an empty eframe window.

/// The environment variable that turns the probe on.
pub const PROBE_ENV: &str = "CONSORTIUM_PLANNER_STARTUP_PROBE";

/// Counts frames and reports after the first one is on screen.
#[derive(Debug, Default)]
pub struct StartupProbe {
    frames: u32,
}

impl StartupProbe {
    /// A probe if the environment asks for one.
    pub fn from_env() -> Option<StartupProbe> {
        std::env::var_os(PROBE_ENV).map(|_| StartupProbe::default())
    }

    /// Call at the start of every frame. eframe paints a frame after its `ui` call returns, so when
    /// the second frame starts the first is on screen: the probe then prints
    /// `first-frame-painted peak_rss_kb=N` and closes the window.
    pub fn on_frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.frames == 1 {
            ctx.request_repaint();
        } else if self.frames == 2 {
            println!(
                "first-frame-painted peak_rss_kb={}",
                peak_rss_kb().unwrap_or(0)
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The process's peak resident memory so far (VmHWM), in kB; `None` where /proc is not available.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
