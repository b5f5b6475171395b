//! The `diff` command: what changed between two plan files, like diff(1) — exit 0 when they are the
//! same, 1 when they differ, 2 when a file cannot be read.

use std::path::Path;
use std::process::ExitCode;

use crate::catalog::Catalog;
use crate::diff::{diff, diff_json, diff_text};
use crate::file::{self, Loaded};

use super::{emit, print_file_error};

/// Exit code when the plans are the same.
pub const SAME: u8 = 0;
/// Exit code when the plans differ.
pub const DIFFERENT: u8 = 1;
/// Exit code when a file cannot be read.
pub const TROUBLE: u8 = 2;

fn load(path: &Path, catalog: &'static Catalog) -> Option<Loaded> {
    match file::load(path, catalog) {
        Ok(loaded) => {
            for p in &loaded.problems {
                eprintln!("{}", p.warning_in_file(&path.display().to_string()));
            }
            Some(loaded)
        }
        Err(e) => {
            print_file_error(path, &e);
            None
        }
    }
}

/// Compares plan `a` (before) with plan `b` (after) and prints the changes as text or JSON.
pub fn run(a: &Path, b: &Path, json: bool, catalog: &'static Catalog) -> ExitCode {
    let (Some(first), Some(second)) = (load(a, catalog), load(b, catalog)) else {
        return ExitCode::from(TROUBLE);
    };
    let d = diff(&first.plan, &second.plan, catalog);
    if json {
        let text =
            serde_json::to_string_pretty(&diff_json(&d)).expect("JSON values always serialise");
        emit(&format!("{text}\n"));
    } else {
        emit(&diff_text(
            &d,
            &a.display().to_string(),
            &b.display().to_string(),
        ));
    }
    ExitCode::from(if d.is_empty() { SAME } else { DIFFERENT })
}
