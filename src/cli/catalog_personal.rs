//! `catalog check FILE` and `catalog export ID`: a personal catalog validated like a plan, and
//! one entry printed as RON that another delegate can add to theirs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CatalogAction, emit, print_file_error};
use crate::catalog::Catalog;
use crate::file::{self, PERSONAL_FILE_NAME, PersonalCatalog};

/// The app's personal catalog file (in its data folder), where `catalog export` looks first.
pub fn default_personal_path() -> Option<PathBuf> {
    eframe::storage_dir("consortium-planner").map(|d| d.join(PERSONAL_FILE_NAME))
}

/// Runs `catalog check` or `catalog export`.
pub fn run(action: CatalogAction, catalog: &'static Catalog) -> ExitCode {
    match action {
        CatalogAction::Check { file } => check(&file, catalog),
        CatalogAction::Export { id, from } => {
            let from = from.or_else(default_personal_path);
            export(&id, from.as_deref(), catalog)
        }
    }
}

fn check(path: &Path, catalog: &'static Catalog) -> ExitCode {
    match file::load_personal(path, catalog) {
        Ok((personal, problems)) => {
            for p in &problems {
                eprintln!("{}", p.warning_in_file(&path.display().to_string()));
            }
            println!(
                "{}: {} accelerator(s), {} model(s); usable in any plan",
                path.display(),
                personal.custom_accelerators.len(),
                personal.custom_models.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_file_error(path, &e);
            ExitCode::from(1)
        }
    }
}

fn export(id: &str, from: Option<&Path>, catalog: &'static Catalog) -> ExitCode {
    let mut shared = PersonalCatalog::new();
    let personal = from
        .filter(|p| p.exists())
        .map(|p| (p, file::load_personal(p, catalog)));
    if let Some((path, Err(e))) = &personal {
        eprintln!(
            "warning: the personal catalog could not be read, so only the built-in catalog is searched:"
        );
        print_file_error(path, e);
    }
    let mine = personal.and_then(|(_, r)| r.ok()).map(|(c, _)| c);
    let accelerator = mine
        .as_ref()
        .and_then(|c| c.custom_accelerators.iter().find(|a| a.id == id))
        .or_else(|| catalog.accelerators.iter().find(|a| a.id == id));
    let model = mine
        .as_ref()
        .and_then(|c| c.custom_models.iter().find(|m| m.id == id))
        .or_else(|| catalog.models.iter().find(|m| m.id == id));
    match (accelerator, model) {
        (None, None) => {
            eprintln!(
                "no accelerator or model has the id {id:?}; see `consortium-planner catalog chips` and `catalog models`"
            );
            return ExitCode::from(1);
        }
        (a, m) => {
            if let Some(a) = a {
                shared.put_accelerator(a.clone());
            }
            if let Some(m) = m {
                shared.put_model(m.clone());
            }
        }
    }
    emit(&file::personal_to_ron(&shared));
    ExitCode::SUCCESS
}
