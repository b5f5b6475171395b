//! "Export …" from the File menu: the proposal report (HTML, Markdown), the contributions (CSV)
//! and the window as a PNG screenshot. Success or failure is shown in the status bar.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::PlannerApp;
use super::command::ExportKind;
use super::dialogs::{FileTask, Purpose, ReplacePlan};
use crate::export;
use crate::file;

/// How long to wait for a screenshot before saying none came (a headless display may never
/// deliver one).
const SCREENSHOT_TIMEOUT_S: f64 = 3.0;

/// A screenshot asked for and not yet written.
pub struct PendingShot {
    path: PathBuf,
    /// When the request was sent; `None` until the frame after the prompt closed, so the prompt
    /// is not in the picture.
    sent_at: Option<f64>,
    receiver: Receiver<Arc<egui::ColorImage>>,
    sender: std::sync::mpsc::Sender<Arc<egui::ColorImage>>,
}

fn with_extension(path: PathBuf, kind: ExportKind) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(kind.extension())
    }
}

impl PlannerApp {
    /// Asks where to export (native dialog or typed path), suggesting a file of the export's own
    /// kind in the plan's folder.
    pub(super) fn choose_export(&mut self, kind: ExportKind) {
        let purpose = Purpose::Export(kind);
        if self.typed_paths_only {
            self.ask_typed_path(purpose, String::new());
        } else if self.dialogs.file_task.is_none() {
            let name = self.suggested_name(purpose).unwrap_or_default();
            self.dialogs.file_task =
                Some(FileTask::spawn(purpose, Some(self.start_folder()), name));
        }
    }

    /// Exports to `path` (the extension is added when it has none). A path that is a plan file
    /// (the open plan, a `.ron` name, a file that opens as a plan) is not written until the user
    /// confirms.
    pub(super) fn export_to(&mut self, kind: ExportKind, path: PathBuf) {
        let path = with_extension(path, kind);
        if let Err(reason) = file::check_export_target(&path, self.doc.path.as_deref()) {
            self.dialogs.replace_plan = Some(ReplacePlan {
                kind,
                path,
                reason: reason.to_string(),
            });
            return;
        }
        self.write_export(kind, path);
    }

    /// Writes the export to `path` without asking (the user confirmed, or it is no plan file).
    pub(super) fn write_export(&mut self, kind: ExportKind, path: PathBuf) {
        let path = std::path::absolute(&path).unwrap_or(path);
        self.remember_folder(&path);
        let Some(format) = kind.format() else {
            let (sender, receiver) = channel();
            self.shot = Some(PendingShot {
                path,
                sent_at: None,
                receiver,
                sender,
            });
            self.dialogs.status = "Taking a screenshot…".to_string();
            return;
        };
        let text = export::export(&self.doc.plan, self.catalog, format);
        self.dialogs.status = match file::save_text(&text, &path) {
            Ok(()) => format!("Exported {} to {}", kind.description(), path.display()),
            Err(e) => format!("Could not export {}: {e}", kind.description()),
        };
    }

    /// Sends a pending screenshot request, writes a screenshot that arrived, or gives up after
    /// [`SCREENSHOT_TIMEOUT_S`]. While waiting it asks only for a repaint at the deadline: never a loop.
    pub(super) fn screenshot_tick(&mut self, ctx: &egui::Context) {
        let Some(shot) = &mut self.shot else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let Some(sent_at) = shot.sent_at else {
            if self.dialogs.path_prompt.is_none() && self.dialogs.file_task.is_none() {
                shot.sent_at = Some(now);
                let sender = shot.sender.clone();
                let waker = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = sender.send(image);
                    waker.request_repaint();
                });
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(SCREENSHOT_TIMEOUT_S));
            }
            return;
        };
        if let Ok(image) = shot.receiver.try_recv() {
            let path = shot.path.clone();
            self.shot = None;
            let written = super::png::encode_png(&image)
                .and_then(|bytes| file::save_bytes(&bytes, &path).map_err(|e| e.to_string()));
            self.dialogs.status = match written {
                Ok(()) => format!("Exported the view as PNG to {}", path.display()),
                Err(e) => format!("Could not export the view as PNG: {e}"),
            };
        } else if now - sent_at >= SCREENSHOT_TIMEOUT_S {
            self.shot = None;
            self.dialogs.status =
                "No screenshot came from the display (headless?): nothing was written".to_string();
        } else {
            let left = SCREENSHOT_TIMEOUT_S - (now - sent_at);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left.max(0.05)));
        }
    }
}
