//! One file per view; this module holds what they share: the context they draw with, their state,
//! the menu bar and the status bar.

mod budget;
mod budget_assumptions;
mod charts;
mod compare;
mod compare_chart;
mod compare_file;
mod contributions;
mod custom;
mod languages;
mod levers;
mod line_years;
mod members;
mod model;
mod overview;
mod presentation;
mod resilience;
mod roadmap;
mod roadmap_charts;
mod roadmap_timeline;
mod scenarios;
mod shock_editor;
mod shock_lever;
mod workloads;
mod year_bar;
mod year_field;

pub use presentation::presentation_ui;

use egui::{RichText, Ui};

use super::command::{Command, ExportKind, View};
use super::document::Document;
use super::settings::Settings;
use crate::catalog::Catalog;

/// What a view needs: the document to read and edit, the catalog, its own state, and a list to
/// push commands to.
pub struct ViewCtx<'a> {
    /// The open plan and its analysis.
    pub doc: &'a mut Document,
    /// The built-in catalog.
    pub catalog: &'static Catalog,
    /// Selection, filters and sort orders.
    pub state: &'a mut ViewState,
    /// Commands to run after the frame.
    pub commands: &'a mut Vec<Command>,
    /// The user's personal catalog (read only; changes go through commands).
    pub personal: &'a crate::app::personal::Personal,
}

/// How the member list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MemberSort {
    /// In plan order.
    #[default]
    PlanOrder,
    /// By country name.
    Name,
    /// By compute contributed, largest first.
    Compute,
    /// By stake, largest first.
    Stake,
}

/// Per-view UI state (not saved in the plan, not part of undo).
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    /// The member whose contributions are shown.
    pub selected_member: Option<usize>,
    /// Text filter over the member list.
    pub member_filter: String,
    /// Member list order.
    pub member_sort: MemberSort,
    /// Search text in the add-member box.
    pub add_query: String,
    /// Which add-member suggestion Enter adds (moved with the arrow keys; 0 is the best match).
    pub add_highlight: usize,
    /// The regional group added last (its id), whose notes show under the group box.
    pub added_preset: Option<String>,
    /// Whether the Overview tells that the open plan is the built-in example (first start only).
    pub example_hint: bool,
    /// Text filter over the model catalog.
    pub model_filter: String,
    /// Model table sort column and direction (true = descending).
    pub model_sort: (model::ModelSort, bool),
    /// The model shown in the details panel.
    pub model_selected: Option<String>,
    /// The model table (rows, fit and order), cached per analysis generation.
    pub model_table: model::ModelTable,
    /// Whether figures show their low–high range (mirrors the setting, which a clean slide turns
    /// off).
    pub show_ranges: bool,
    /// The what-if levers of presentation mode.
    pub levers: levers::LeverState,
    /// Where presentation mode drew its slide in the last frame.
    pub slide: presentation::SlideLayout,
    /// The language coverage chart's labels, cached per analysis generation.
    pub language_chart: languages::LanguageChart,
    /// The scenario bar's state.
    pub scenario_bar: scenarios::BarState,
    /// The Compare view's state (chosen scenarios, the other file, cached figures and diff).
    pub compare: compare::CompareState,
    /// The Resilience view's state (the shock shown, the shock being defined).
    pub resilience: resilience::ResilienceState,
}

pub use compare::{CompareMode, OtherFile};
pub use scenarios::scenario_bar_ui;
pub use year_bar::year_bar_ui;

/// Draws the current view.
pub fn view_ui(ui: &mut Ui, view: View, cx: &mut ViewCtx) {
    match view {
        View::Overview => overview::overview_ui(ui, cx),
        View::Members => members::members_ui(ui, cx),
        View::Model => model::model_ui(ui, cx),
        View::Workloads => workloads::workloads_ui(ui, cx),
        View::Charts => charts::charts_ui(ui, cx),
        View::Budget => budget::budget_ui(ui, cx),
        View::Resilience => resilience::resilience_ui(ui, cx),
        View::Languages => languages::languages_ui(ui, cx),
        View::Roadmap => roadmap::roadmap_ui(ui, cx),
        View::Compare => compare::compare_ui(ui, cx),
    }
}

fn menu_item(ui: &mut Ui, command: Command, enabled: bool, commands: &mut Vec<Command>) {
    let shortcut = command
        .shortcut()
        .map(|s| ui.ctx().format_shortcut(&s))
        .unwrap_or_default();
    let button = egui::Button::new(command.label()).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
        ui.close();
    }
}

/// The menu bar and the view tabs.
pub fn menu_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    settings: &Settings,
    view: View,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            menu_item(ui, Command::NewPlan, true, commands);
            menu_item(ui, Command::Open, true, commands);
            ui.menu_button("Open recent", |ui| {
                if settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in &settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                        ui.close();
                    }
                }
            });
            menu_item(ui, Command::OpenExample, true, commands);
            menu_item(ui, Command::CompareWithFile, true, commands);
            ui.separator();
            menu_item(ui, Command::Save, true, commands);
            menu_item(ui, Command::SaveAs, true, commands);
            ui.separator();
            for kind in ExportKind::ALL {
                menu_item(ui, Command::Export(kind), true, commands);
            }
            ui.separator();
            menu_item(ui, Command::Quit, true, commands);
        });
        ui.menu_button("Edit", |ui| {
            menu_item(ui, Command::Undo, doc.can_undo(), commands);
            menu_item(ui, Command::Redo, doc.can_redo(), commands);
        });

        ui.menu_button("View", |ui| {
            for v in View::ALL {
                menu_item(ui, Command::Show(v), true, commands);
            }
            ui.separator();
            menu_item(ui, Command::TogglePresentation, true, commands);
            ui.separator();
            menu_item(ui, Command::ToggleTheme, true, commands);
            menu_item(ui, Command::ToggleRanges, true, commands);
            menu_item(ui, Command::ZoomIn, true, commands);
            menu_item(ui, Command::ZoomOut, true, commands);
            menu_item(ui, Command::ZoomReset, true, commands);
            ui.separator();
            menu_item(ui, Command::CommandPalette, true, commands);
        });
        ui.separator();
        for v in View::ALL {
            if ui.selectable_label(view == v, v.label()).clicked() {
                commands.push(Command::Show(v));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let icon = if settings.dark_mode {
                "Light theme"
            } else {
                "Dark theme"
            };
            if ui
                .button(icon)
                .on_hover_text("Switch between light and dark themes")
                .clicked()
            {
                commands.push(Command::ToggleTheme);
            }
        });
    });
}

/// Presentation mode's top bar: how to leave, saving the slide as PNG, the slide's `title` (the
/// plan's name) and the last message (e.g. an export).
pub fn presentation_bar_ui(ui: &mut Ui, title: &str, status: &str, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui
            .button("Leave presentation (Esc)")
            .on_hover_text("Back to the editing views (also F11)")
            .clicked()
        {
            commands.push(Command::LeavePresentation);
        }
        if ui
            .button("Save slide as PNG…")
            .on_hover_text("The screen as it is now, as a PNG image")
            .clicked()
        {
            commands.push(Command::Export(ExportKind::Png));
        }
        ui.separator();
        // The slide's title sits in the bar (the slide below keeps its height for the charts),
        // the status at the bar's right end.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !status.is_empty() {
                ui.label(egui::RichText::new(status).small());
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(title).heading().strong()).truncate());
            });
        });
    });
}

/// The status bar: file, dirty marker, last message.
pub fn status_bar_ui(ui: &mut Ui, doc: &Document, status: &str) {
    ui.horizontal(|ui| {
        let file = doc
            .path
            .as_ref()
            .map_or_else(|| doc.display_name(), |p| p.display().to_string());
        ui.label(file);
        if doc.looks_dirty() {
            ui.label(egui::RichText::new("* unsaved changes").strong());
        }
        ui.separator();
        ui.label(format!(
            "{} · base model {}",
            crate::words::counted(doc.plan.members.len(), "member", "members"),
            doc.report
                .model
                .as_ref()
                .map_or(doc.plan.base_model.as_str(), |m| m.name.as_str())
        ));
        if let Some(year) = doc.year {
            ui.separator();
            ui.label(RichText::new(format!("showing {year}")).strong())
                .on_hover_text("The roadmap year every view shows (the year selector above)");
        }
        if !status.is_empty() {
            ui.separator();
            ui.label(status);
        }
    });
}
