//! Crash recovery: the working plan is written to the app's data folder every few seconds while it
//! has unsaved changes and when the window loses focus; the next start offers to restore it; a clean
//! exit removes it.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::file;
use crate::plan::Plan;

/// Seconds between autosaves while the plan keeps changing.
pub const AUTOSAVE_INTERVAL_S: f64 = 3.0;
/// Name of the autosaved plan in the data folder.
pub const AUTOSAVE_FILE: &str = "autosave.ron";
/// Name of the file holding the autosaved plan's own path (empty for an untitled plan).
pub const AUTOSAVE_ORIGIN_FILE: &str = "autosave-origin.txt";

/// Unsaved work found at start-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The plan as it was last autosaved.
    pub plan: Plan,
    /// The file it belongs to, if it had one.
    pub origin: Option<PathBuf>,
    /// The autosave's comment header.
    pub header: String,
}

/// The autosave state of the running app.
#[derive(Debug, Default)]
pub struct Autosave {
    dir: Option<PathBuf>,
    written_generation: Option<u64>,
    last_write_s: Option<f64>,
}

impl Autosave {
    /// Autosaves into `dir`; `None` disables autosave (tests, or no data folder on this system).
    pub fn new(dir: Option<PathBuf>) -> Autosave {
        Autosave {
            dir,
            written_generation: None,
            last_write_s: None,
        }
    }

    fn file(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(name))
    }

    /// Unsaved work left by a run that did not exit cleanly, if any.
    pub fn recover(&self, catalog: &Catalog) -> Option<Recovered> {
        let path = self.file(AUTOSAVE_FILE)?;
        let loaded = file::load(&path, catalog).ok()?;
        let origin = self
            .file(AUTOSAVE_ORIGIN_FILE)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovered {
            plan: loaded.plan,
            origin,
            header: loaded.header,
        })
    }

    /// Writes the plan if it changed since the last autosave and the interval has passed (or
    /// `now` is forced). Returns the seconds until a pending write is due, if one is.
    pub fn tick(
        &mut self,
        plan: &Plan,
        header: &str,
        origin: Option<&Path>,
        generation: u64,
        now_s: f64,
        force: bool,
    ) -> Option<f64> {
        self.dir.as_ref()?;
        if self.written_generation == Some(generation) {
            return None;
        }
        let due_in = self
            .last_write_s
            .map_or(0.0, |t| (t + AUTOSAVE_INTERVAL_S - now_s).max(0.0));
        if due_in > 0.0 && !force {
            return Some(due_in);
        }
        if self.write(plan, header, origin).is_ok() {
            self.written_generation = Some(generation);
            self.last_write_s = Some(now_s);
        }
        None
    }

    fn write(&self, plan: &Plan, header: &str, origin: Option<&Path>) -> std::io::Result<()> {
        let (Some(dir), Some(target), Some(origin_file)) = (
            &self.dir,
            self.file(AUTOSAVE_FILE),
            self.file(AUTOSAVE_ORIGIN_FILE),
        ) else {
            return Ok(());
        };
        std::fs::create_dir_all(dir)?;
        let origin_text = origin.map(|p| p.display().to_string()).unwrap_or_default();
        std::fs::write(&origin_file, origin_text)?;
        let tmp = dir.join(".autosave.ron.saving");
        std::fs::write(&tmp, file::to_ron_with_header(plan, header))?;
        std::fs::rename(&tmp, &target)
    }

    /// Removes the autosave if this run wrote one (the plan became clean again).
    pub fn clear_if_written(&mut self) {
        if self.written_generation.is_some() {
            self.clear();
        }
    }

    /// Removes the autosave (after a save, a discard or a clean exit).
    pub fn clear(&mut self) {
        for name in [AUTOSAVE_FILE, AUTOSAVE_ORIGIN_FILE] {
            if let Some(p) = self.file(name) {
                let _ = std::fs::remove_file(p);
            }
        }
        self.written_generation = None;
        self.last_write_s = None;
    }
}
