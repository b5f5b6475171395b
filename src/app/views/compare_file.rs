//! Compare with another file: what differs from the open plan to the other file, grouped
//! (plan, members, workloads, assumptions, own definitions, figures), a chart of the figures that
//! moved, and per added or changed member a button that takes its contributions from the other
//! file (an undoable edit).

use egui::{RichText, Ui};

use super::ViewCtx;
use super::compare_chart::moved_figures_chart_ui;
use crate::app::theme::{self, Status};
use crate::diff::{self, Entry, PlanDiff, Status as DiffStatus};

/// A change as text with "to" for the arrow egui's bundled fonts lack ("count: 96 to 196 (+100)").
fn change_line(c: &diff::Change) -> String {
    diff::change_text(c).replace(" \u{2192} ", " to ")
}

fn status_color(ui: &Ui, s: DiffStatus) -> egui::Color32 {
    let status = match s {
        DiffStatus::Added => Status::Good,
        DiffStatus::Removed => Status::Bad,
        DiffStatus::Changed => Status::Warn,
    };
    theme::status_color(ui.visuals(), status)
}

fn status_word(s: DiffStatus) -> &'static str {
    match s {
        DiffStatus::Added => "added",
        DiffStatus::Removed => "removed",
        DiffStatus::Changed => "changed",
    }
}

fn entries_ui(ui: &mut Ui, entries: &[Entry]) {
    for e in entries {
        ui.label(
            RichText::new(format!(
                "{} {} ({})",
                e.status.mark(),
                e.item,
                status_word(e.status)
            ))
            .color(status_color(ui, e.status)),
        );
        ui.indent(("entry", e.kind.key(), &e.item), |ui| {
            for c in &e.changes {
                ui.label(change_line(c));
            }
        });
    }
}

/// Draws the comparison with the chosen file (or how to choose one).
pub fn file_compare_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let generation = cx.doc.generation;
    let Some(other) = &mut cx.state.compare.other else {
        ui.label(
            "Choose another plan file (for example a version a partner e-mailed back) to see which \
             members, contributions and assumptions differ and how the key figures move.",
        );
        return;
    };
    if !matches!(&other.diff, Some((g, _)) if *g == generation) {
        let d = diff::diff(&cx.doc.plan, &other.plan, cx.catalog);
        other.diff = Some((generation, d));
    }
    let path = other.path.display().to_string();
    let Some((_, d)) = &other.diff else { return };
    let mut take = None;
    ui.label(format!("From the open plan to {path}"));
    if d.is_empty() {
        ui.label(RichText::new("The two plans are the same.").strong());
        return;
    }
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("compare-file-list")
            .show(&mut cols[0], |ui| list_ui(ui, d, &mut take));
        let ui = &mut cols[1];
        ui.strong("Figures that moved: the other file as % of the open plan");
        moved_figures_chart_ui(
            ui,
            "compare-file-chart",
            &d.figures,
            "open plan",
            "other file",
        );
    });
    if let Some(code) = take {
        let other_plan = &cx.state.compare.other.as_ref().expect("shown above").plan;
        let mut next = cx.doc.plan.clone();
        if diff::take_member(&mut next, other_plan, &code) {
            cx.doc.checkpoint();
            cx.doc.plan = next;
        }
    }
}

fn list_ui(ui: &mut Ui, d: &PlanDiff, take: &mut Option<String>) {
    if !d.plan.is_empty() {
        ui.heading("Plan");
        for c in &d.plan {
            ui.label(change_line(c));
        }
    }
    if !d.members.is_empty() {
        ui.heading("Members");
        for m in &d.members {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {} {} ({})",
                        m.status.mark(),
                        m.country,
                        m.name,
                        status_word(m.status)
                    ))
                    .strong()
                    .color(status_color(ui, m.status)),
                );
                if m.status != DiffStatus::Removed
                    && ui
                        .button(format!("Take {}'s contributions", m.country))
                        .on_hover_text(
                            "Copy this member and all its lines from the other file into the open plan (undo with Ctrl+Z)",
                        )
                        .clicked()
                {
                    *take = Some(m.country.clone());
                }
            });
            ui.indent(("member", &m.country), |ui| entries_ui(ui, &m.lines));
        }
    }
    if !d.workloads.is_empty() {
        ui.heading("Workloads");
        entries_ui(ui, &d.workloads);
    }
    if !d.assumptions.is_empty() {
        ui.heading("Assumptions");
        for c in &d.assumptions {
            ui.label(change_line(c));
        }
    }
    if !d.custom_accelerators.is_empty() || !d.custom_models.is_empty() {
        ui.heading("The plan's own accelerators and models");
        entries_ui(ui, &d.custom_accelerators);
        entries_ui(ui, &d.custom_models);
    }
    if !d.figures.is_empty() {
        ui.heading("Key figures that moved");
        super::compare::figures_table_ui(ui, &d.figures, "open plan", "other file");
    }
}
