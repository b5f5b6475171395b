//! The scenario bar: one button per scenario of the plan (one click switches), "New from
//! current", rename and delete (with confirmation), and a way to the Compare view. Every change
//! is an edit of the plan with its own undo step.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::command::{Command, View};
use crate::app::theme::{self, Status};

/// What the scenario bar is asking for, if anything.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum BarTask {
    /// Nothing: only the scenario buttons.
    #[default]
    Idle,
    /// Typing the name of a new scenario copied from the current one.
    New(String),
    /// Typing a new name for the active scenario.
    Rename(String),
    /// Asking whether to delete this stored scenario.
    ConfirmDelete(String),
}

/// The scenario bar's own state (not part of the plan).
#[derive(Debug, Clone, Default)]
pub struct BarState {
    /// What the bar is asking for.
    pub task: BarTask,
    /// The last refused operation's reason, shown until the next one.
    pub error: String,
}

/// A name not yet used in the plan: `base`, or `base 2`, `base 3`, …
fn unused_name(cx: &ViewCtx, base: &str) -> String {
    let plan = &cx.doc.plan;
    if !plan.has_scenario(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|n| !plan.has_scenario(n))
        .unwrap_or_default()
}

/// Runs one scenario edit as its own undo step; a refused one leaves the plan as it was and
/// shows the reason.
fn edit(
    cx: &mut ViewCtx,
    f: impl FnOnce(&mut crate::plan::Plan) -> Result<(), crate::plan::ScenarioError>,
) -> bool {
    let mut next = cx.doc.plan.clone();
    match f(&mut next) {
        Ok(()) => {
            cx.doc.checkpoint();
            cx.doc.plan = next;
            cx.state.selected_member = None;
            cx.state.scenario_bar.error.clear();
            true
        }
        Err(e) => {
            cx.state.scenario_bar.error = e.to_string();
            false
        }
    }
}

/// A one-line name field with an accessible name; returns whether Enter was pressed in it.
fn name_field(ui: &mut Ui, text: &mut String, name: &str) -> bool {
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(200.0)
            .hint_text("scenario name"),
    );
    let field = field.on_hover_text(name).accessible_name(name);
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Draws the scenario bar.
pub fn scenario_bar_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Scenario").strong());
        let names: Vec<String> = cx
            .doc
            .plan
            .scenario_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        for name in &names {
            let active = *name == cx.doc.plan.active_scenario;
            let button = ui.selectable_label(active, name).on_hover_text(if active {
                "The scenario shown in every view"
            } else {
                "Show this scenario (undo with Ctrl+Z)"
            });
            if button.clicked() && !active {
                let target = name.clone();
                edit(cx, |p| p.switch_scenario(&target));
                cx.state.scenario_bar.task = BarTask::Idle;
            }
        }
        ui.separator();
        match cx.state.scenario_bar.task.clone() {
            BarTask::Idle => idle_buttons_ui(ui, cx, &names),
            BarTask::New(mut text) => {
                let enter = name_field(ui, &mut text, "Name of the new scenario");
                if ui.button("Create").clicked() || enter {
                    let name = text.trim().to_string();
                    if edit(cx, |p| p.duplicate_scenario(&name)) {
                        cx.state.scenario_bar.task = BarTask::Idle;
                        return;
                    }
                } else if ui.button("Cancel").clicked() {
                    cx.state.scenario_bar.task = BarTask::Idle;
                    return;
                }
                cx.state.scenario_bar.task = BarTask::New(text);
            }
            BarTask::Rename(mut text) => {
                let enter = name_field(ui, &mut text, "New name of the scenario");
                if ui.button("Apply").clicked() || enter {
                    let old = cx.doc.plan.active_scenario.clone();
                    let new = text.trim().to_string();
                    if edit(cx, |p| p.rename_scenario(&old, &new)) {
                        cx.state.scenario_bar.task = BarTask::Idle;
                        return;
                    }
                } else if ui.button("Cancel").clicked() {
                    cx.state.scenario_bar.task = BarTask::Idle;
                    return;
                }
                cx.state.scenario_bar.task = BarTask::Rename(text);
            }
            BarTask::ConfirmDelete(name) => {
                ui.label(format!("Delete the scenario \u{201c}{name}\u{201d}?"));
                if ui.button("Delete").clicked() {
                    edit(cx, |p| p.delete_scenario(&name));
                    cx.state.scenario_bar.task = BarTask::Idle;
                } else if ui.button("Keep it").clicked() {
                    cx.state.scenario_bar.task = BarTask::Idle;
                }
            }
        }
        let error = &cx.state.scenario_bar.error;
        if !error.is_empty() {
            let color = theme::status_color(ui.visuals(), Status::Bad);
            ui.label(RichText::new(error).color(color));
        }
    });
}

fn idle_buttons_ui(ui: &mut Ui, cx: &mut ViewCtx, names: &[String]) {
    if ui
        .button("New from current")
        .on_hover_text("Copy the scenario shown into a new one and show it")
        .clicked()
    {
        let base = format!("{} (copy)", cx.doc.plan.active_scenario);
        cx.state.scenario_bar.task = BarTask::New(unused_name(cx, &base));
    }
    if ui
        .button("Rename")
        .on_hover_text("Rename the scenario shown")
        .clicked()
    {
        cx.state.scenario_bar.task = BarTask::Rename(cx.doc.plan.active_scenario.clone());
    }
    let others: Vec<&String> = names
        .iter()
        .filter(|n| **n != cx.doc.plan.active_scenario)
        .collect();
    ui.add_enabled_ui(!others.is_empty(), |ui| {
        ui.menu_button("Delete…", |ui| {
            for name in others {
                if ui
                    .button(format!("Delete \u{201c}{name}\u{201d}"))
                    .clicked()
                {
                    cx.state.scenario_bar.task = BarTask::ConfirmDelete(name.clone());
                    ui.close();
                }
            }
        })
        .response
        .on_disabled_hover_text(
            "The scenario shown cannot be deleted; add or switch to another first",
        );
    });
    if names.len() > 1
        && ui
            .button("Compare…")
            .on_hover_text("Show two scenarios side by side")
            .clicked()
    {
        cx.commands.push(Command::Show(View::Compare));
    }
}
