//! Compare: two scenarios of the plan side by side, or the open plan against another file.
//! Every figure and difference comes from [`crate::diff`]; both are cached per analysis
//! generation, so an idle frame recomputes nothing.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::ViewCtx;
use super::compare_chart::moved_figures_chart_ui;
use super::compare_file::file_compare_ui;
use crate::analysis::years::default_report;
use crate::app::command::Command;
use crate::app::theme::{self, Status};
use crate::diff::{self, FigureChange, PlanDiff};
use crate::plan::Plan;

/// What the Compare view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareMode {
    /// Two scenarios of the open plan.
    #[default]
    Scenarios,
    /// The open plan against another file.
    File,
}

/// Another plan file to compare with, and its diff from the open plan.
#[derive(Debug, Clone)]
pub struct OtherFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its plan (its active scenario).
    pub plan: Plan,
    /// The diff from the open plan to this one, with the generation it was computed for.
    pub diff: Option<(u64, PlanDiff)>,
}

/// The Compare view's state.
#[derive(Debug, Clone, Default)]
pub struct CompareState {
    /// Which comparison is shown.
    pub mode: CompareMode,
    /// The first scenario (default: the active one).
    pub a: Option<String>,
    /// The second scenario (default: the next one).
    pub b: Option<String>,
    /// Key figures of `a` and `b` for (generation, a, b).
    pub figures: Option<(u64, String, String, Vec<FigureChange>)>,
    /// The file to compare with, once chosen.
    pub other: Option<OtherFile>,
}

/// Draws the Compare view.
pub fn compare_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.horizontal(|ui| {
        ui.heading("Compare");
        ui.separator();
        let mode = &mut cx.state.compare.mode;
        ui.selectable_value(mode, CompareMode::Scenarios, "Two scenarios");
        ui.selectable_value(mode, CompareMode::File, "With another file");
    });
    ui.separator();
    match cx.state.compare.mode {
        CompareMode::Scenarios => scenarios_ui(ui, cx),
        CompareMode::File => {
            if ui
                .button("Compare with file…")
                .on_hover_text("Choose another plan file to compare the open plan with")
                .clicked()
            {
                cx.commands.push(Command::CompareWithFile);
            }
            file_compare_ui(ui, cx);
        }
    }
}

fn scenario_choice(ui: &mut Ui, id: &str, label: &str, names: &[String], chosen: &mut String) {
    ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(chosen.as_str())
        .show_ui(ui, |ui| {
            for n in names {
                ui.selectable_value(chosen, n.clone(), n);
            }
        })
        .response
        .accessible_name(label);
}

/// The two scenarios chosen, defaulting to the active one and the next.
fn chosen_pair(cx: &ViewCtx, names: &[String]) -> (String, String) {
    let plan = &cx.doc.plan;
    let valid = |n: &Option<String>| n.clone().filter(|n| plan.has_scenario(n));
    let a = valid(&cx.state.compare.a).unwrap_or_else(|| plan.active_scenario.clone());
    let b = valid(&cx.state.compare.b).unwrap_or_else(|| {
        names
            .iter()
            .find(|n| **n != a)
            .cloned()
            .unwrap_or_else(|| a.clone())
    });
    (a, b)
}

fn scenarios_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let names: Vec<String> = cx
        .doc
        .plan
        .scenario_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    if names.len() < 2 {
        ui.label(
            "This plan has one scenario. Use \u{201c}New from current\u{201d} in the scenario bar \
             to make a variant, change it, then compare the two here.",
        );
        return;
    }
    let (mut a, mut b) = chosen_pair(cx, &names);
    ui.horizontal(|ui| {
        scenario_choice(ui, "compare-a", "First scenario", &names, &mut a);
        scenario_choice(ui, "compare-b", "Second scenario", &names, &mut b);
    });
    cx.state.compare.a = Some(a.clone());
    cx.state.compare.b = Some(b.clone());
    let generation = cx.doc.generation;
    let fresh = matches!(&cx.state.compare.figures,
        Some((g, x, y, _)) if *g == generation && *x == a && *y == b);
    if !fresh {
        let report_of = |name: &str| {
            if name == cx.doc.plan.active_scenario {
                cx.doc.report.clone()
            } else {
                let plan = cx.doc.plan.materialize(name).expect("a listed scenario");
                default_report(&plan, cx.catalog)
            }
        };
        let figures = diff::key_figures(&report_of(&a), &report_of(&b));
        cx.state.compare.figures = Some((generation, a.clone(), b.clone(), figures));
    }
    let Some((_, _, _, figures)) = &cx.state.compare.figures else {
        return;
    };
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("compare-scenarios-table")
            .show(&mut cols[0], |ui| figures_table_ui(ui, figures, &a, &b));
        let ui = &mut cols[1];
        ui.strong(format!(
            "Figures that differ: \u{201c}{b}\u{201d} as % of \u{201c}{a}\u{201d}"
        ));
        moved_figures_chart_ui(ui, "compare-scenarios-chart", figures, &a, &b);
    });
}

/// Key figures in two columns with the change; a row that differs is marked in colour, in bold
/// and by its signed delta.
pub fn figures_table_ui(ui: &mut Ui, figures: &[FigureChange], a: &str, b: &str) {
    let changed = theme::status_color(ui.visuals(), Status::Warn);
    egui::Grid::new("compare-figures")
        .striped(true)
        .num_columns(4)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Figure").strong());
            ui.label(RichText::new(a).strong());
            ui.label(RichText::new(b).strong());
            ui.label(RichText::new("Change").strong());
            ui.end_row();
            let mut section = "";
            // Figures that apply to neither (e.g. days of a serving workload) are left out.
            for f in figures
                .iter()
                .filter(|f| f.before.is_some() || f.after.is_some())
            {
                if f.section != section {
                    section = f.section;
                    ui.label(RichText::new(section).strong().underline());
                    ui.end_row();
                }
                let (before, after, delta) = diff::figure_parts(f);
                if f.has_moved() {
                    ui.label(RichText::new(&f.label).color(changed).strong());
                    ui.label(before);
                    ui.label(RichText::new(after).strong());
                    let delta = if delta.is_empty() {
                        "changed".to_string()
                    } else {
                        delta
                    };
                    ui.label(RichText::new(delta).color(changed).strong());
                } else {
                    ui.label(&f.label);
                    ui.label(before);
                    ui.label(after);
                    ui.label(RichText::new("same").weak());
                }
                ui.end_row();
            }
        });
}
