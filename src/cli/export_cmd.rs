//! The `export` command: write a proposal (HTML, Markdown) or the contributions CSV through the
//! safe save, so a failed export never leaves a half-written file.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::catalog::Catalog;
use crate::export::{Format, export};
use crate::file;

use super::{emit, print_file_error};

/// Export formats as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One self-contained HTML report with charts (no scripts, no external files).
    Html,
    /// A Markdown report (tables, no charts).
    Md,
    /// The contributions table as CSV, one row per contribution line.
    Csv,
    /// The who-pays table as CSV, one row per member: what it brings, its fair share under the
    /// plan's rule, its balance, what it would pay alone, its share under every rule.
    WhoPaysCsv,
}

impl ExportFormat {
    fn format(self) -> Format {
        match self {
            ExportFormat::Html => Format::Html,
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::WhoPaysCsv => Format::WhoPaysCsv,
        }
    }
}

/// Exports `plan` as `format` to `output` (`-` for standard output). An output that is a plan
/// file is refused (exit 2, nothing written) unless `force`.
pub fn run(
    plan: &Path,
    format: ExportFormat,
    output: &Path,
    force: bool,
    catalog: &'static Catalog,
) -> ExitCode {
    if output != Path::new("-")
        && !force
        && let Err(e) = file::check_export_target(output, Some(plan))
    {
        eprintln!(
            "refused: {e}, and the export would replace it. Nothing was written; choose another \
             -o file, or add --force to replace it (the previous file is kept as .bak)."
        );
        return ExitCode::from(2);
    }
    let loaded = match file::load(plan, catalog) {
        Ok(l) => l,
        Err(e) => {
            print_file_error(plan, &e);
            return ExitCode::from(1);
        }
    };
    for p in &loaded.problems {
        eprintln!("{}", p.warning_in_file(&plan.display().to_string()));
    }
    let text = export(&loaded.plan, catalog, format.format());
    if output == Path::new("-") {
        emit(&text);
        return ExitCode::SUCCESS;
    }
    match file::save_text(&text, output) {
        Ok(()) => {
            eprintln!("wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not export: {e}");
            ExitCode::from(1)
        }
    }
}
