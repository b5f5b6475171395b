//! File dialogs that never freeze the window, a typed-path fallback where the system has no file
//! dialog, and the modal questions (unsaved changes, errors).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::command::ExportKind;

/// What a file dialog or path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Choose a plan to open.
    Open,
    /// Choose where to save the plan.
    SaveAs,
    /// Choose where to export.
    Export(ExportKind),
    /// Choose a plan to compare the open one with.
    Compare,
}

impl Purpose {
    /// The file dialog's filter: what the files are and their extension.
    pub fn filter(self) -> (&'static str, &'static str) {
        match self {
            Purpose::Open | Purpose::SaveAs | Purpose::Compare => ("Consortium plan (.ron)", "ron"),
            Purpose::Export(kind) => (kind.description(), kind.extension()),
        }
    }

    /// The path prompt's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Purpose::Open => "Open plan",
            Purpose::SaveAs => "Save plan as",
            Purpose::Compare => "Compare with file",
            Purpose::Export(kind) => kind.label().trim_end_matches('…'),
        }
    }

    /// The path prompt's placeholder text.
    pub fn hint(self) -> &'static str {
        match self {
            Purpose::Open | Purpose::SaveAs | Purpose::Compare => "/path/to/plan.ron",
            Purpose::Export(ExportKind::Html) => "/path/to/report.html",
            Purpose::Export(ExportKind::Markdown) => "/path/to/report.md",
            Purpose::Export(ExportKind::Csv) => "/path/to/contributions.csv",
            Purpose::Export(ExportKind::Png) => "/path/to/view.png",
        }
    }

    /// The path prompt's button.
    pub fn ok_label(self) -> &'static str {
        match self {
            Purpose::Open => "Open",
            Purpose::SaveAs => "Save",
            Purpose::Compare => "Compare with this file",
            Purpose::Export(_) => "Export",
        }
    }
}

/// What to do once the user has dealt with unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterDiscard {
    /// Start a new plan.
    NewPlan,
    /// Open the built-in example.
    OpenExample,
    /// Let the user choose a file to open.
    ChooseFile,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

/// A native dialog running on its own thread.
pub struct FileTask {
    purpose: Purpose,
    started: Instant,
    receiver: Receiver<Option<PathBuf>>,
}

/// A dialog that closes within this time without a path is taken to mean "no dialog available".
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// How a file task ended (if it has).
pub enum TaskOutcome {
    /// Still open.
    Pending,
    /// The user chose a path.
    Chosen(Purpose, PathBuf),
    /// The user cancelled.
    Cancelled,
    /// The system has no file dialog: ask for a typed path.
    Unavailable(Purpose),
}

impl FileTask {
    /// Opens a native dialog on a background thread.
    pub fn spawn(purpose: Purpose, start_dir: Option<PathBuf>, file_name: String) -> FileTask {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let (what, extension) = purpose.filter();
            let mut dialog = rfd::FileDialog::new().add_filter(what, &[extension]);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let chosen = match purpose {
                Purpose::Open | Purpose::Compare => dialog.pick_file(),
                Purpose::SaveAs | Purpose::Export(_) => dialog.set_file_name(file_name).save_file(),
            };
            let _ = sender.send(chosen);
        });
        FileTask {
            purpose,
            started: Instant::now(),
            receiver,
        }
    }

    /// Checks whether the dialog has closed.
    pub fn poll(&self) -> TaskOutcome {
        match self.receiver.try_recv() {
            Err(TryRecvError::Empty) => TaskOutcome::Pending,
            Ok(Some(path)) => TaskOutcome::Chosen(self.purpose, path),
            Ok(None) if self.started.elapsed() < NO_DIALOG_WITHIN => {
                TaskOutcome::Unavailable(self.purpose)
            }
            Ok(None) => TaskOutcome::Cancelled,
            Err(TryRecvError::Disconnected) => TaskOutcome::Unavailable(self.purpose),
        }
    }
}

/// A typed-path prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: Purpose,
    /// The text typed so far.
    pub text: String,
    /// Why the prompt is shown (e.g. "No file dialog is available on this system.").
    pub note: String,
    /// The folder a relative path typed here is taken in (shown in the prompt).
    pub base: PathBuf,
    /// Select the suggested file name on the first frame, so typing a name replaces it and keeps
    /// the folder.
    pub select_name: bool,
}

/// An export that would replace a plan file, waiting for the user to confirm or cancel.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplacePlan {
    /// What is being exported.
    pub kind: ExportKind,
    /// Where.
    pub path: PathBuf,
    /// Why it needs confirming (from [`crate::file::check_export_target`]).
    pub reason: String,
}

/// Open dialogs and questions.
#[derive(Default)]
pub struct Dialogs {
    /// A native file dialog in progress.
    pub file_task: Option<FileTask>,
    /// A typed-path prompt.
    pub path_prompt: Option<PathPrompt>,
    /// Unsaved changes: asking what to do before this action.
    pub confirm: Option<AfterDiscard>,
    /// An action waiting for the plan to be saved under a name the user is choosing.
    pub after_save: Option<AfterDiscard>,
    /// An export onto a plan file, asking before it is written.
    pub replace_plan: Option<ReplacePlan>,
    /// An error to show until dismissed (e.g. a file that failed to open).
    pub error: Option<(String, String)>,
    /// A save that would drop comments written inside the plan, asking first (the file to save).
    pub drop_comments: Option<PathBuf>,
    /// A passing message for the status bar.
    pub status: String,
}
