//! Settings kept between runs (eframe persistence): theme, zoom, recent files, last file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Key under which the settings are stored.
pub const SETTINGS_KEY: &str = "consortium-planner-settings";
/// How many recent files are remembered.
pub const MAX_RECENT: usize = 8;

/// What the app remembers between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Dark theme on.
    pub dark_mode: bool,
    /// Zoom factor (1 = 100 %).
    pub zoom: f32,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app last closed, reopened on the next start.
    pub last_file: Option<PathBuf>,
    /// The folder of the last file opened, saved or exported: where dialogs start for a plan
    /// that has no file yet.
    pub last_folder: Option<PathBuf>,
    /// Whether the first start's "this is an example plan" note has been shown (it shows once).
    pub seen_example_hint: bool,
    /// Whether figures show their low–high range beside the point (off for a clean slide).
    pub show_ranges: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dark_mode: false,
            zoom: 1.0,
            recent: Vec::new(),
            last_file: None,
            last_folder: None,
            seen_example_hint: false,
            show_ranges: true,
        }
    }
}

impl Settings {
    /// Puts a file first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}
