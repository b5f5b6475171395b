//! Consortium Planner's entry point: parses the command line, then runs a command or opens the app.

use std::process::ExitCode;

use clap::Parser;
use consortium_planner::app::{self, StartOptions};
use consortium_planner::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return run(command);
    }
    if let Some(path) = &cli.plan
        && !path.exists()
    {
        eprintln!("{}: no such file", path.display());
        return ExitCode::from(2);
    }
    match app::run(StartOptions {
        path: cli.plan,
        typed_paths_only: false,
        // Crash-recovery autosaves live beside eframe's own settings.
        data_dir: eframe::storage_dir("consortium-planner"),
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("could not open the window: {e}");
            eprintln!("(the command line still works: consortium-planner --help)");
            ExitCode::from(1)
        }
    }
}
