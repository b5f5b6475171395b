//! The user's personal catalog as the app holds it: read from the data folder at start, written
//! back (safe save) whenever an entry is kept or removed.

use std::path::PathBuf;

use crate::catalog::Catalog;
use crate::file::{self, FileError, PERSONAL_FILE_NAME, PersonalCatalog, PersonalEntry};

/// The personal catalog and where it lives.
#[derive(Debug, Default)]
pub struct Personal {
    /// The file (`my-catalog.ron` in the data folder); `None` when the app has no data folder.
    pub path: Option<PathBuf>,
    /// Its entries.
    pub entries: PersonalCatalog,
    /// Why the file could not be read, when it could not; the app then leaves it untouched.
    pub problem: Option<String>,
}

impl Personal {
    /// Reads the personal catalog from `data_dir` (an absent file is an empty catalog).
    pub fn load(data_dir: Option<&std::path::Path>, catalog: &Catalog) -> Personal {
        let Some(path) = data_dir.map(|d| d.join(PERSONAL_FILE_NAME)) else {
            return Personal::default();
        };
        if !path.exists() {
            return Personal {
                path: Some(path),
                entries: PersonalCatalog::new(),
                problem: None,
            };
        }
        match file::load_personal(&path, catalog) {
            Ok((entries, _)) => Personal {
                path: Some(path),
                entries,
                problem: None,
            },
            Err(e) => {
                let detail = match &e {
                    FileError::Invalid(problems) => problems
                        .iter()
                        .map(|p| format!("{}:{p}", path.display()))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    other => other.to_string(),
                };
                Personal {
                    path: Some(path),
                    entries: PersonalCatalog::new(),
                    problem: Some(detail),
                }
            }
        }
    }

    /// Keeps `entry` (replacing one with its id) and saves; returns the status line.
    pub fn keep(&mut self, entry: PersonalEntry) -> String {
        let id = entry.id().to_string();
        self.change(|c| c.put(entry), &format!("Kept {id} in your catalog"))
    }

    /// Removes `entry` and saves; returns the status line.
    pub fn forget(&mut self, entry: &PersonalEntry) -> String {
        let id = entry.id().to_string();
        self.change(
            |c| {
                c.remove(entry);
            },
            &format!("Removed {id} from your catalog"),
        )
    }

    fn change(&mut self, edit: impl FnOnce(&mut PersonalCatalog), done: &str) -> String {
        let Some(path) = self.path.clone() else {
            return "No data folder, so there is no personal catalog to keep entries in".into();
        };
        if let Some(problem) = &self.problem {
            return format!("Your catalog file has problems; fix it by hand first: {problem}");
        }
        let mut next = self.entries.clone();
        edit(&mut next);
        if let Some(parent) = path.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            return format!("Could not create {}: {e}", parent.display());
        }
        match file::save_text(&file::personal_to_ron(&next), &path) {
            Ok(()) => {
                self.entries = next;
                format!("{done} ({})", path.display())
            }
            Err(e) => format!("Could not save your catalog: {e}"),
        }
    }
}
