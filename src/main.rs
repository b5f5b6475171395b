//! Consortium Planner's entry point: parses the command line and runs a command.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use consortium_planner::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            // The desktop app is the next milestone; until it exists, show what the CLI can do.
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
