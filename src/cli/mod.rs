//! The command line: `report`, `validate`, `fmt`, `diff`, `export`, `catalog`, `install-desktop`
//! (and, without a command, the desktop app).

mod catalog_list;
mod catalog_personal;
pub mod desktop;
mod diff_cmd;
mod export_cmd;
pub mod json;
mod switch_off;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::stress::{report_under, shocks};
use crate::analysis::years::year_report;
use crate::catalog::Catalog;
use crate::file::{self, FileError, Loaded};

pub use catalog_list::catalog_text;
pub use export_cmd::ExportFormat;
pub use text::report_text;

/// The example plan embedded in the binary, used when no file is given.
pub const DEFAULT_PLAN_RON: &str = include_str!("../../saves/latam-gpt.ron");
/// Display name of the embedded example plan.
pub const DEFAULT_PLAN_NAME: &str = "saves/latam-gpt.ron (built in)";

/// The embedded example plan.
pub fn default_plan(catalog: &Catalog) -> Loaded {
    file::parse(DEFAULT_PLAN_RON, catalog)
        .expect("the embedded example plan is valid (checked by tests)")
}

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "consortium-planner",
    version,
    about = "Plan a regional AI consortium: pooled chips, power and experts, one shared open-weight model, and the foreign dependencies that remain."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A plan file to open in the desktop app.
    pub plan: Option<PathBuf>,
    /// What to do; without a command, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysis of a plan (the built-in example when no file is given).
    Report {
        /// Plan file (.ron).
        plan: Option<PathBuf>,
        /// Print JSON with a stable shape instead of text.
        #[arg(long)]
        json: bool,
        /// Print the figures of one roadmap year (default: the roadmap's first year).
        #[arg(long, value_name = "YEAR")]
        year: Option<u16>,
        /// Print the plan's figures under one shock of the switch-off test (a key from
        /// `report --json`'s `stress[].shock`, e.g. `cloud:US`, `export:US`, `fab:TW`).
        #[arg(long, value_name = "KEY")]
        shock: Option<String>,
    },
    /// Check a plan file: exit 0 if it is good, else print each problem with line:column and exit 1.
    Validate {
        /// Plan file (.ron).
        plan: PathBuf,
    },
    /// Rewrite a plan file in the canonical format (stable field order, 4-space indent), through
    /// the same safe save as the app; the previous version is kept as PLAN.ron.bak. Only the
    /// comment block at the top is kept: a file with comments elsewhere is left unchanged unless
    /// `--comments-to-notes` or `--drop-comments` says what to do with them.
    Fmt {
        /// Plan file (.ron).
        plan: PathBuf,
        /// Move each comment written in (or just before) a member into that member's `note`;
        /// comments elsewhere are dropped.
        #[arg(long, conflicts_with = "drop_comments")]
        comments_to_notes: bool,
        /// Drop the comments inside the plan.
        #[arg(long)]
        drop_comments: bool,
    },
    /// Show what changed from plan A to plan B and what it does to the key figures. Exit 0 when
    /// the plans are the same, 1 when they differ, 2 when a file cannot be read (like diff(1)).
    Diff {
        /// The first plan file ("before").
        a: PathBuf,
        /// The second plan file ("after").
        b: PathBuf,
        /// Print JSON with a stable shape (`diff_version: 1`) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a proposal: the analysis as one self-contained HTML report with charts, as Markdown,
    /// or the contributions or who-pays table as CSV. Written through the safe save (the previous file is kept
    /// as FILE.bak).
    Export {
        /// Plan file (.ron).
        plan: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file; `-` writes to standard output. A plan file (the plan itself, a `.ron`
        /// name, or a file that opens as a plan) is refused unless `--force` is given.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Write the export even over a plan file (the previous file is still kept as FILE.bak).
        #[arg(long)]
        force: bool,
    },
    /// List the built-in catalog with sources; `catalog check FILE` validates a personal catalog,
    /// `catalog export ID` prints an entry as RON to share.
    #[command(args_conflicts_with_subcommands = true)]
    Catalog {
        /// Check or export instead of listing.
        #[command(subcommand)]
        action: Option<CatalogAction>,
        /// Which part to list.
        #[arg(value_enum, default_value_t = CatalogPart::All)]
        part: CatalogPart,
    },
    /// Register the app with the desktop for this user: a launcher entry, an icon, a MIME type
    /// so plan files (.ron) open in the app with a double click, shell completions (bash, zsh,
    /// fish) and a man page, all in the user's data folder.
    InstallDesktop {
        /// Remove exactly the files `install-desktop` writes.
        #[arg(long)]
        uninstall: bool,
        /// The data folder to write into (default: $XDG_DATA_HOME, else ~/.local/share).
        #[arg(long, value_name = "DIR")]
        data_home: Option<PathBuf>,
    },
}

/// What `catalog` does besides listing.
#[derive(Debug, Subcommand)]
pub enum CatalogAction {
    /// Validate a personal catalog file (the same checks as a plan's own entries); exit 0 if it
    /// can be used, else each problem with its line and column and exit 1.
    Check {
        /// The personal catalog (.ron), e.g. the app's my-catalog.ron.
        file: PathBuf,
    },
    /// Print one accelerator or model as a personal catalog holding just that entry, to share.
    /// Looks in the personal catalog (`--from`, else the app's), then the built-in catalog.
    Export {
        /// The entry's id, e.g. `nvidia_h100_sxm` or `qwen3-32b`.
        id: String,
        /// The personal catalog to look in first (default: the app's my-catalog.ron).
        #[arg(long)]
        from: Option<PathBuf>,
    },
}

/// Parts of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatalogPart {
    /// Everything.
    All,
    /// Accelerators.
    Chips,
    /// Open-weight models.
    Models,
    /// Countries with population and GDP.
    Countries,
    /// Regional presets.
    Presets,
    /// US export-control country groups (EAR Supplement No. 1 to part 740) and their source.
    ExportGroups,
}

fn print_file_error(path: &std::path::Path, e: &FileError) {
    match e {
        FileError::Invalid(problems) => {
            for p in problems {
                eprintln!("{}", p.in_file(&path.display().to_string()));
            }
        }
        FileError::Io { .. } => eprintln!("{e}"),
        other => eprintln!("{}: {other}", path.display()),
    }
}

/// What `fmt` does with the comments it cannot keep: refuses (returns false) when neither flag
/// says, listing them; moves members' comments into notes with `--comments-to-notes`; reports what
/// it drops.
fn fmt_comments(path: &std::path::Path, loaded: &mut Loaded, to_notes: bool, drop: bool) -> bool {
    let comments = std::mem::take(&mut loaded.dropped_comments);
    if comments.is_empty() {
        return true;
    }
    let name = path.display().to_string();
    if !to_notes && !drop {
        for c in &comments {
            eprintln!(
                "{name}:{}:{}: this comment is inside the plan's brackets, and fmt keeps only the comment block at the top",
                c.line, c.column
            );
        }
        eprintln!(
            "{name}: not changed: {} comment(s) would be lost; run `fmt --comments-to-notes` to move those in a member into its `note: \"…\"` (kept), or `fmt --drop-comments`",
            comments.len()
        );
        return false;
    }
    let moved = if to_notes {
        file::move_into_notes(&mut loaded.plan, &comments)
    } else {
        0
    };
    for c in comments.iter().filter(|c| !to_notes || c.member.is_none()) {
        eprintln!(
            "{name}:{}:{}: warning: comment dropped: {}",
            c.line, c.column, c.text
        );
    }
    if moved > 0 {
        eprintln!("{name}: moved {moved} comment(s) into members' notes");
    }
    true
}

/// Writes to standard output; a reader that went away (e.g. `| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Runs a sub-command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let catalog = Catalog::builtin();
    match command {
        Command::Report {
            plan,
            json,
            year,
            shock,
        } => {
            let loaded = match &plan {
                Some(path) => match file::load(path, catalog) {
                    Ok(l) => l,
                    Err(e) => {
                        print_file_error(path, &e);
                        return ExitCode::from(1);
                    }
                },
                None => default_plan(catalog),
            };
            let name = plan.as_ref().map_or_else(
                || DEFAULT_PLAN_NAME.to_string(),
                |p| p.display().to_string(),
            );
            for p in &loaded.problems {
                eprintln!("{}", p.warning_in_file(&name));
            }
            let years = loaded.plan.years();
            let year = match (year, loaded.plan.roadmap.is_some()) {
                (Some(y), true) if years.contains(&y) => Some(y),
                (Some(y), true) => {
                    eprintln!(
                        "error: {y} is not a year of this plan's roadmap; expected {} to {}",
                        years.start(),
                        years.end()
                    );
                    return ExitCode::from(2);
                }
                (Some(_), false) => {
                    eprintln!(
                        "error: {name} has no roadmap (no `roadmap: (start_year: …)`), so it has no years; leave out --year"
                    );
                    return ExitCode::from(2);
                }
                (None, true) => Some(*years.start()),
                (None, false) => None,
            };
            let report = match &shock {
                None => year_report(&loaded.plan, catalog, year),
                Some(key) => match report_under(&loaded.plan, catalog, key, year) {
                    Some(r) => r,
                    None => {
                        let keys: Vec<String> = shocks(&loaded.plan, catalog)
                            .into_iter()
                            .map(|(k, ..)| k)
                            .collect();
                        eprintln!(
                            "error: {key:?} is not a shock of this plan; expected one of: {}",
                            keys.join(", ")
                        );
                        return ExitCode::from(2);
                    }
                },
            };
            if json {
                let mut value = json::report_json(&loaded.plan, &report);
                json::add_years(&mut value, &loaded.plan, catalog, year);
                if shock.is_none() {
                    json::add_stress(&mut value, &loaded.plan, catalog, year, &report);
                }
                let text =
                    serde_json::to_string_pretty(&value).expect("JSON values always serialise");
                emit(&format!("{text}\n"));
            } else {
                if let Some(key) = &shock
                    && let Some((_, s, _)) = shocks(&loaded.plan, catalog)
                        .into_iter()
                        .find(|(k, ..)| k == key)
                {
                    let rules: Vec<String> = s.rules.iter().map(|r| r.describe(catalog)).collect();
                    emit(&format!(
                        "Under shock {key}: {}\n{}\n\n",
                        s.name,
                        rules.join(" ")
                    ));
                }
                if let Some(y) = year {
                    emit(&format!(
                        "Year {y} of the roadmap {}–{} (choose another with --year)\n\n",
                        years.start(),
                        years.end()
                    ));
                }
                emit(&report_text(&loaded.plan, catalog, &report));
                if shock.is_none() {
                    let years = crate::analysis::years::years(&loaded.plan, catalog);
                    let stress = crate::analysis::stress::stress(
                        &loaded.plan,
                        catalog,
                        year,
                        &report,
                        &years,
                        crate::analysis::stress::YearsOf::One(None),
                    );
                    emit(&switch_off::switch_off_text(&stress));
                }
            }
            ExitCode::SUCCESS
        }
        Command::Validate { plan } => match file::load(&plan, catalog) {
            Ok(loaded) if loaded.problems.is_empty() => {
                emit(&format!(
                    "{}: valid ({})\n",
                    plan.display(),
                    crate::words::counted(loaded.plan.members.len(), "member", "members")
                ));
                ExitCode::SUCCESS
            }
            Ok(loaded) => {
                for p in &loaded.problems {
                    eprintln!("{}", p.in_file(&plan.display().to_string()));
                }
                ExitCode::from(1)
            }
            Err(e) => {
                print_file_error(&plan, &e);
                ExitCode::from(1)
            }
        },
        Command::Fmt {
            plan,
            comments_to_notes,
            drop_comments,
        } => match file::load(&plan, catalog) {
            Ok(mut loaded) => {
                for p in &loaded.problems {
                    eprintln!("{}", p.warning_in_file(&plan.display().to_string()));
                }
                if !fmt_comments(&plan, &mut loaded, comments_to_notes, drop_comments) {
                    return ExitCode::from(1);
                }
                match file::save_with_header(&loaded.plan, &loaded.header, &plan) {
                    Ok(()) => {
                        emit(&format!("{}: formatted\n", plan.display()));
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("{e}");
                        ExitCode::from(1)
                    }
                }
            }
            Err(e) => {
                print_file_error(&plan, &e);
                ExitCode::from(1)
            }
        },
        Command::Diff { a, b, json } => diff_cmd::run(&a, &b, json, catalog),
        Command::Export {
            plan,
            format,
            output,
            force,
        } => export_cmd::run(&plan, format, &output, force, catalog),
        Command::Catalog {
            action: Some(action),
            ..
        } => catalog_personal::run(action, catalog),
        Command::InstallDesktop {
            uninstall,
            data_home,
        } => desktop::run(uninstall, data_home),
        Command::Catalog { action: None, part } => {
            emit(&catalog_text(catalog, part));
            ExitCode::SUCCESS
        }
    }
}
