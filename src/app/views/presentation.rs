//! Presentation mode: for a workshop projecting a plan. The key figures as big tiles, the charts
//! that matter (days to finish as the pool changes, capacity against need, foreign dependency)
//! and the what-if levers, in a high-contrast light theme with type sized for a projector.
//! Editing panels are hidden; the levers edit the plan through its one undo history.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::charts::{ChartLook, capacity_ui, dependency_ui, what_if_ui};
use super::levers::levers_ui;
use super::overview::{key_tiles, tile_rows_ui};
use crate::app::theme::{self, TileLook};

/// Presentation tiles, as wide as lets them fill two rows (or more rows of tiles no narrower
/// than the design's).
fn tile_look(available_width: f32, count: usize) -> TileLook {
    const SPACING_AND_MARGINS: f32 = 8.0 + 16.0;
    let per_row = count.div_ceil(2).max(1) as f32;
    let width = (available_width + 8.0) / per_row - SPACING_AND_MARGINS - 0.5;
    TileLook {
        width: width.max(TileLook::PRESENTATION.width),
        ..TileLook::PRESENTATION
    }
}

/// The charts that matter to a room, under short headings of their own: the foreign dependency
/// and capacity against need side by side (tall enough for the dependency's layer labels and the
/// capacity legends), then days to finish as the pool changes across the width. They share the
/// height left under the tiles; plot text (ticks, legends) is one size down so the legends fit.
fn charts_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let heading = ui.text_style_height(&egui::TextStyle::Heading);
    let body = ui.text_style_height(&egui::TextStyle::Body);
    // Row 1: a heading, two title lines above each capacity chart and up to three note lines
    // below; row 2: a heading and the x axis. Row 2 gets what row 1 leaves, measured after it.
    let fixed = 2.0 * heading + 6.0 * body + 40.0;
    let top = (ui.available_height() - fixed - theme::PRESENTATION_MIN_CHART_HEIGHT)
        .max(theme::PRESENTATION_DEPENDENCY_MIN_HEIGHT);
    let look = |height| ChartLook {
        height,
        heading: false,
    };
    ui.style_mut().text_styles.insert(
        egui::TextStyle::Body,
        egui::FontId::proportional(theme::PRESENTATION_PLOT_TEXT_SIZE),
    );
    let report = &cx.doc.report;
    let dependency_title = format!(
        "Foreign dependency: {:.0} % overall",
        report.dependency.overall * 100.0
    );
    let what_if_title = crate::analysis::series::main_training_workload(report).map_or_else(
        || "Days to finish".to_string(),
        |i| {
            format!(
                "Days to finish “{}” as the pool grows or shrinks",
                report.workloads[i].name
            )
        },
    );
    ui.columns(2, |columns| {
        columns[0].label(RichText::new(dependency_title).heading());
        dependency_ui(&mut columns[0], cx, look(top));
        columns[1].label(RichText::new("Capacity against need").heading());
        // Up to a dozen legend rows (ten members, "others", "needed") must fit beside the bars.
        columns[1].style_mut().text_styles.insert(
            egui::TextStyle::Body,
            egui::FontId::proportional(theme::PRESENTATION_LEGEND_TEXT_SIZE),
        );
        capacity_ui(&mut columns[1], cx, look(top));
    });
    ui.add_space(8.0);
    ui.label(RichText::new(what_if_title).heading());
    let bottom =
        (ui.available_height() - 2.0 * body - 8.0).max(theme::PRESENTATION_MIN_CHART_HEIGHT);
    what_if_ui(ui, cx, look(bottom));
}

/// Draws presentation mode into `ui` (whose style the caller has set to
/// [`theme::presentation_style`]): the lever panel on the right, figures and charts beside it.
pub fn presentation_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::Panel::right("presentation-levers")
        .exact_size(theme::PRESENTATION_LEVERS_WIDTH)
        .resizable(false)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| levers_ui(ui, cx));
        });
    // Re-analyse now, so the charts drawn below follow a lever moved in this frame.
    cx.doc.refresh(cx.catalog);
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.label(RichText::new(&cx.doc.plan.name).heading().strong());
                ui.add_space(4.0);
                let tiles = key_tiles(cx.doc, cx.catalog);
                tile_rows_ui(ui, &tiles, tile_look(ui.available_width(), tiles.len()));
                ui.add_space(4.0);
                charts_ui(ui, cx);
            });
    });
}
