//! A personal catalog: accelerators and models a user adds once, between releases, and uses in
//! every plan. It is a RON file in the app's data folder, in the same syntax as a plan's own
//! entries (`custom_accelerators`, `custom_models`), read with the same limits, validation and
//! located errors as a plan file.
//!
//! Plans never point into it: using a personal entry copies it into the plan's own entries, so the
//! plan opens identically on a machine that does not have this catalog.

use serde::{Deserialize, Serialize};

use super::validate::check_content;
use super::{FileError, Problem, limits, locate_key, pretty_config, ron_options, syntax_problem};
use crate::catalog::{Accelerator, Catalog, OpenModel};
use crate::plan::Plan;

/// The personal catalog's file name in the app's data folder.
pub const PERSONAL_FILE_NAME: &str = "my-catalog.ron";

/// The personal-catalog format version this build writes.
pub const PERSONAL_FORMAT_VERSION: u32 = 1;

/// The header written at the top of a new personal catalog.
const PERSONAL_HEADER: &str = "// Consortium Planner personal catalog: accelerators and models to use in any plan.\n\
// Same syntax as a plan's custom_accelerators and custom_models; `//` starts a comment.\n\
// Check it with `consortium-planner catalog check FILE`.\n";

/// The entries of a personal catalog.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalCatalog {
    /// Format version (see [`PERSONAL_FORMAT_VERSION`]).
    pub format: u32,
    /// Accelerators, as a plan's `custom_accelerators`.
    #[serde(default)]
    pub custom_accelerators: Vec<Accelerator>,
    /// Models, as a plan's `custom_models`.
    #[serde(default)]
    pub custom_models: Vec<OpenModel>,
}

/// One entry of a personal catalog.
#[derive(Debug, Clone, PartialEq)]
pub enum PersonalEntry {
    /// An accelerator.
    Accelerator(Accelerator),
    /// A model.
    Model(OpenModel),
}

impl PersonalEntry {
    /// The entry's id.
    pub fn id(&self) -> &str {
        match self {
            PersonalEntry::Accelerator(a) => &a.id,
            PersonalEntry::Model(m) => &m.id,
        }
    }
}

impl PersonalCatalog {
    /// Adds an entry, replacing one of the same kind and id.
    pub fn put(&mut self, entry: PersonalEntry) {
        match entry {
            PersonalEntry::Accelerator(a) => self.put_accelerator(a),
            PersonalEntry::Model(m) => self.put_model(m),
        }
    }

    /// Removes the entry of `entry`'s kind with its id; returns whether one was there.
    pub fn remove(&mut self, entry: &PersonalEntry) -> bool {
        let before = self.custom_accelerators.len() + self.custom_models.len();
        match entry {
            PersonalEntry::Accelerator(a) => self.custom_accelerators.retain(|x| x.id != a.id),
            PersonalEntry::Model(m) => self.custom_models.retain(|x| x.id != m.id),
        }
        before != self.custom_accelerators.len() + self.custom_models.len()
    }

    /// Copies `entry` into `plan`'s own entries (replacing one with the same id), so the plan
    /// carries it and opens identically where this personal catalog is absent.
    pub fn copy_into(entry: &PersonalEntry, plan: &mut Plan) {
        match entry {
            PersonalEntry::Accelerator(a) => {
                match plan.custom_accelerators.iter_mut().find(|x| x.id == a.id) {
                    Some(slot) => *slot = a.clone(),
                    None => plan.custom_accelerators.push(a.clone()),
                }
            }
            PersonalEntry::Model(m) => match plan.custom_models.iter_mut().find(|x| x.id == m.id) {
                Some(slot) => *slot = m.clone(),
                None => plan.custom_models.push(m.clone()),
            },
        }
    }

    /// An empty personal catalog in this build's format.
    pub fn new() -> PersonalCatalog {
        PersonalCatalog {
            format: PERSONAL_FORMAT_VERSION,
            ..PersonalCatalog::default()
        }
    }

    /// Whether it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.custom_accelerators.is_empty() && self.custom_models.is_empty()
    }

    /// Adds `acc`, replacing an entry with the same id.
    pub fn put_accelerator(&mut self, acc: Accelerator) {
        match self.custom_accelerators.iter_mut().find(|a| a.id == acc.id) {
            Some(slot) => *slot = acc,
            None => self.custom_accelerators.push(acc),
        }
    }

    /// Adds `model`, replacing an entry with the same id.
    pub fn put_model(&mut self, model: OpenModel) {
        match self.custom_models.iter_mut().find(|m| m.id == model.id) {
            Some(slot) => *slot = model,
            None => self.custom_models.push(model),
        }
    }
}

/// Parses personal-catalog text: syntax errors, a format newer than this build, and every check a
/// plan's own entries get (ids, names, countries, impossible figures, limits), each with its line
/// and column. Non-fatal problems come back beside the catalog.
pub fn parse_personal(
    text: &str,
    catalog: &Catalog,
) -> Result<(PersonalCatalog, Vec<Problem>), FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    let personal: PersonalCatalog = ron_options()
        .from_str(text)
        .map_err(|e| FileError::Invalid(vec![syntax_problem(text, &e)]))?;
    if personal.format == 0 || personal.format > PERSONAL_FORMAT_VERSION {
        return Err(FileError::Invalid(vec![Problem::at(
            locate_key(text, "format"),
            "format",
            format!(
                "personal-catalog format {} is not one this version reads; expected {PERSONAL_FORMAT_VERSION}",
                personal.format
            ),
            true,
        )]));
    }
    // The entries are checked exactly as a plan's own entries are.
    let base = catalog.models.first().map_or("", |m| m.id.as_str());
    let mut holder = Plan::new("personal catalog", base);
    holder.custom_accelerators = personal.custom_accelerators.clone();
    holder.custom_models = personal.custom_models.clone();
    let problems = check_content(text, &holder, catalog, false);
    if problems.iter().any(|p| p.fatal) {
        return Err(FileError::Invalid(problems));
    }
    Ok((personal, problems))
}

/// Reads and parses a personal catalog file.
pub fn load_personal(
    path: &std::path::Path,
    catalog: &Catalog,
) -> Result<(PersonalCatalog, Vec<Problem>), FileError> {
    parse_personal(&super::read_text(path)?, catalog)
}

/// The personal catalog as pretty-printed RON with its header.
pub fn personal_to_ron(personal: &PersonalCatalog) -> String {
    let body = ron_options()
        .to_string_pretty(personal, pretty_config())
        .expect("a catalog always serialises: it holds only strings, numbers, lists and enums");
    format!("{PERSONAL_HEADER}{body}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
    }

    #[test]
    fn a_saved_personal_catalog_reads_back_equal() {
        let mut personal = PersonalCatalog::new();
        let mut acc = catalog().accelerators[0].clone();
        acc.id = "my_chip".into();
        acc.name = "My chip".into();
        personal.put_accelerator(acc.clone());
        let mut model = catalog().models[0].clone();
        model.id = "my_model".into();
        personal.put_model(model);
        let text = personal_to_ron(&personal);
        let (read, problems) = parse_personal(&text, catalog()).expect("reads back");
        assert_eq!(read, personal);
        assert!(problems.is_empty(), "{problems:?}");
        acc.name = "My chip, revised".into();
        personal.put_accelerator(acc);
        assert_eq!(personal.custom_accelerators.len(), 1, "same id replaces");
    }

    #[test]
    fn a_broken_personal_catalog_says_where() {
        let text = "(\n    format: 1,\n    custom_accelerators: [\n        (id: \"x\", name: 3),\n    ],\n)\n";
        let Err(FileError::Invalid(problems)) = parse_personal(text, catalog()) else {
            panic!("refused");
        };
        assert_eq!(problems[0].line, Some(4), "{problems:?}");
        let newer = "(\n    format: 9,\n)\n";
        let Err(FileError::Invalid(problems)) = parse_personal(newer, catalog()) else {
            panic!("refused");
        };
        assert!(problems[0].message.contains("expected 1"), "{problems:?}");
        assert_eq!(problems[0].line, Some(2));
    }
}
