//! The modal questions of the app (restore unsaved work, unsaved changes, errors, typed paths) and
//! the crash-recovery autosave tick.

use std::path::PathBuf;

use egui::{Modal, ViewportCommand};

use super::dialogs::{AfterDiscard, Purpose};
use super::document::Document;
use super::folders::resolve_typed;
use super::{Command, PlannerApp, ViewState, with_ron_extension};

impl PlannerApp {
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(recovered) = &self.recovery else {
            return;
        };
        let name = recovered.origin.as_ref().map_or_else(
            || "an untitled plan".to_string(),
            |p| p.display().to_string(),
        );
        let mut choice = None;
        Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.heading("Restore unsaved work?");
            ui.label(format!(
                "Consortium Planner closed without saving changes to {name} (“{}”, {}).",
                recovered.plan.name,
                crate::words::counted(recovered.plan.members.len(), "member", "members")
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard it").clicked() {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                let r = self.recovery.take().expect("checked above");
                self.doc =
                    Document::new(r.plan, r.origin, "recovered.ron", Vec::new(), self.catalog);
                self.doc.header = r.header;
                self.doc.mark_recovered();
                self.state = ViewState::default();
                self.dialogs.status = "Restored unsaved work: save it to keep it".to_string();
            }
            Some(false) => {
                self.recovery = None;
                self.autosave.clear();
            }
            None => {}
        }
    }

    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if self.recovery.is_some() {
            return; // the user has not decided about the previous run's work yet
        }
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let focus_lost = self.was_focused && !focused;
        self.was_focused = focused;
        if !self.doc.looks_dirty() {
            self.autosave.clear_if_written();
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = self.autosave.tick(
            &self.doc.plan,
            &self.doc.header,
            self.doc.path.as_deref(),
            self.doc.generation,
            now,
            focus_lost,
        );
        if let Some(seconds) = due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
        }
    }

    pub(super) fn modals_ui(&mut self, ctx: &egui::Context) {
        self.recovery_ui(ctx);
        if let Some(action) = self.dialogs.confirm.clone() {
            let mut choice = None;
            let modal = Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "{} has changes that are not saved.",
                    self.doc.display_name()
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(0);
                    }
                    if ui.button("Discard changes").clicked() {
                        choice = Some(1);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(2);
                    }
                });
            });
            if modal.should_close() && choice.is_none() {
                choice = Some(2);
            }
            match choice {
                Some(0) => {
                    self.dialogs.confirm = None;
                    self.execute(ctx, Command::Save);
                    if self.doc.is_dirty() {
                        // Saving needs a file name first: finish the action once it is saved.
                        self.dialogs.after_save = Some(action);
                    } else {
                        self.proceed_after_confirm(ctx, action);
                    }
                }
                Some(1) => {
                    self.dialogs.confirm = None;
                    self.proceed_after_confirm(ctx, action);
                }
                Some(_) => self.dialogs.confirm = None,
                None => {}
            }
        }
        if let Some((title, detail)) = self.dialogs.error.clone() {
            let mut close = false;
            let modal = Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(title);
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(detail).monospace());
                    });
                close = ui.button("OK").clicked();
            });
            if close || modal.should_close() {
                self.dialogs.error = None;
            }
        }
        self.path_prompt_ui(ctx);
        self.replace_plan_ui(ctx);
        self.drop_comments_ui(ctx);
    }

    /// Asks before a save drops the comments written inside the plan's brackets, offering to
    /// move those written in a member into its note (which is kept).
    fn drop_comments_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.dialogs.drop_comments.clone() else {
            return;
        };
        let comments = &self.doc.dropped_comments;
        let in_members = comments.iter().filter(|c| c.member.is_some()).count();
        let mut choice = None;
        let modal = Modal::new(egui::Id::unique("drop-comments")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Keep your comments?");
            ui.label(format!(
                "{} has {} comment(s) inside the plan's brackets. Saving writes the plan anew and keeps only the comment block at the top of the file.",
                self.doc.display_name(),
                comments.len()
            ));
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .show(ui, |ui| {
                    for c in comments {
                        ui.label(
                            egui::RichText::new(format!("{}:{}: {}", c.line, c.column, c.text))
                                .monospace(),
                        );
                    }
                });
            if in_members > 0 {
                ui.label(format!(
                    "Written in or just before a member: {in_members}. Those can move into that member's note, which is saved."
                ));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if in_members > 0 && ui.button("Move them into notes and save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Save without them").clicked() {
                    choice = Some(2);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(0);
                }
            });
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(0);
        }
        match choice {
            Some(0) => {
                self.dialogs.drop_comments = None;
                self.dialogs.status = "Not saved: the comments are still in the file".to_string();
            }
            Some(kind) => {
                self.dialogs.drop_comments = None;
                let comments = std::mem::take(&mut self.doc.dropped_comments);
                if kind == 1 {
                    crate::file::move_into_notes(&mut self.doc.plan, &comments);
                }
                self.save_to(&path);
                if kind == 2 && self.dialogs.error.is_some() {
                    // The save failed: the comments are still in the file, so ask again next time.
                    self.doc.dropped_comments = comments;
                }
            }
            None => {}
        }
    }

    fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(mut prompt) = self.dialogs.path_prompt.clone() else {
            return;
        };
        let mut outcome = None;
        let edit_id = egui::Id::unique("path-prompt-text");
        // The field takes the focus on the prompt's first frame; egui keeps a selection only in
        // a focused field, so the name is selected once the field has it.
        if prompt.select_name && ctx.memory(|m| m.has_focus(edit_id)) {
            prompt.select_name = false;
            select_file_name(ctx, edit_id, &prompt.text);
        }
        let modal = Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.heading(prompt.purpose.heading());
            if !prompt.note.is_empty() {
                ui.label(&prompt.note);
            }
            let edit = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .id(edit_id)
                    .desired_width(560.0)
                    .hint_text(prompt.purpose.hint()),
            );
            // Read Enter before taking focus back: egui decides `lost_focus` from memory.
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if !enter && !edit.has_focus() {
                edit.request_focus();
            }
            ui.label(
                egui::RichText::new(format!(
                    "A name without a folder goes in {}",
                    prompt.base.display()
                ))
                .weak(),
            );
            ui.horizontal(|ui| {
                if ui.button(prompt.purpose.ok_label()).clicked() || enter {
                    outcome = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    outcome = Some(false);
                }
            });
        });
        if modal.should_close() && outcome.is_none() {
            outcome = Some(false);
        }
        match outcome {
            Some(true) if !prompt.text.trim().is_empty() => {
                self.dialogs.path_prompt = None;
                let home = std::env::var_os("HOME").map(PathBuf::from);
                let path = resolve_typed(&prompt.text, &prompt.base, home.as_deref());
                match prompt.purpose {
                    Purpose::Open => self.open_path(&path),
                    Purpose::SaveAs => self.save_to(&with_ron_extension(path)),
                    Purpose::Export(kind) => self.export_to(kind, path),
                    Purpose::Compare => self.compare_with(&path),
                }
            }
            Some(false) => self.dialogs.path_prompt = None,
            _ => self.dialogs.path_prompt = Some(prompt),
        }
    }

    /// Asks before an export replaces a plan file; Cancel (or Esc) writes nothing.
    fn replace_plan_ui(&mut self, ctx: &egui::Context) {
        let Some(ask) = self.dialogs.replace_plan.clone() else {
            return;
        };
        let mut choice = None;
        let modal = Modal::new(egui::Id::unique("replace-plan")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Replace a plan file?");
            ui.label(format!(
                "{}. Writing the {} there replaces it; only {} would keep the plan.",
                capitalised(&ask.reason),
                ask.kind.description(),
                crate::file::backup_path(&ask.path)
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Cancel").clicked() {
                    choice = Some(false);
                }
                if ui.button("Replace the plan with the export").clicked() {
                    choice = Some(true);
                }
            });
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(false);
        }
        match choice {
            Some(true) => {
                self.dialogs.replace_plan = None;
                self.write_export(ask.kind, ask.path);
            }
            Some(false) => {
                self.dialogs.replace_plan = None;
                self.dialogs.status =
                    format!("Export cancelled: {} was not written", ask.path.display());
            }
            None => {}
        }
    }

    /// Completes an action that waited for a save (e.g. Quit → Save → Save as…), or drops it when
    /// the save was cancelled.
    pub(super) fn finish_after_save(&mut self, ctx: &egui::Context) {
        let Some(action) = self.dialogs.after_save.clone() else {
            return;
        };
        if !self.doc.is_dirty() {
            self.dialogs.after_save = None;
            self.proceed_after_confirm(ctx, action);
        } else if self.dialogs.path_prompt.is_none()
            && self.dialogs.file_task.is_none()
            && self.dialogs.error.is_none()
            && self.dialogs.drop_comments.is_none()
        {
            self.dialogs.after_save = None;
        }
    }

    fn proceed_after_confirm(&mut self, ctx: &egui::Context, action: AfterDiscard) {
        let quit = action == AfterDiscard::Quit;
        self.proceed(action);
        if quit {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

/// Selects the file name at the end of `text` (after the last path separator) in the text edit
/// `id`, so typing replaces the name and keeps the folder.
fn select_file_name(ctx: &egui::Context, id: egui::Id, text: &str) {
    use egui::text::{CCursor, CCursorRange};
    let end = text.chars().count();
    let start = text
        .rfind(std::path::MAIN_SEPARATOR)
        .map_or(0, |at| text[..at].chars().count() + 1);
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(start),
        CCursor::new(end),
    )));
    state.store(ctx, id);
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}
