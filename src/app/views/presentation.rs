//! Presentation mode: for a workshop projecting a plan. The key figures as big tiles, the charts
//! that matter (capacity against need, foreign dependency, days to finish as the pool changes,
//! renting against owning)
//! and the what-if levers, in a high-contrast light theme with type sized for a projector.
//! Editing panels are hidden; the levers edit the plan through its one undo history.
//!
//! The slide is laid out from the height it is given: tiles first, then the charts share what is
//! left, so the whole slide fits the screen without scrolling.

use egui::{Rect, RichText, Ui};

use super::ViewCtx;
use super::charts::{ChartLook, capacity_text_height, capacity_ui, dependency_ui, what_if_ui};
use super::levers::levers_ui;
use super::overview::{key_tiles, tile_rows_ui};
use crate::app::theme::{self, TileLook};

/// Where the slide's parts were drawn in the last frame, in points, so that tests (and anyone
/// debugging a projector) can check that nothing is cut off.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideLayout {
    /// The visible area of the slide (the window less the lever panel and the top bar).
    pub screen: Rect,
    /// Everything drawn on the slide: name, tiles and charts.
    pub content: Rect,
    /// Each chart's rect, by its heading.
    pub charts: Vec<(String, Rect)>,
    /// The lever panel's visible area.
    pub levers_screen: Rect,
    /// The levers drawn in it.
    pub levers: Rect,
}

impl Default for SlideLayout {
    fn default() -> Self {
        SlideLayout {
            screen: Rect::NOTHING,
            content: Rect::NOTHING,
            charts: Vec::new(),
            levers_screen: Rect::NOTHING,
            levers: Rect::NOTHING,
        }
    }
}

/// Presentation tiles, as wide as lets them fill two rows (or more rows of tiles no narrower
/// than the design's smallest).
fn tile_look(available_width: f32, count: usize) -> TileLook {
    // Spacing, inner margins and the frame's stroke on both sides.
    const SPACING_AND_MARGINS: f32 = 8.0 + 16.0 + 2.0;
    let per_row = count.div_ceil(2).max(1) as f32;
    let width = (available_width + 8.0) / per_row - SPACING_AND_MARGINS - 1.0;
    TileLook {
        width: width.max(TileLook::PRESENTATION.width),
        ..TileLook::PRESENTATION
    }
}

/// A chart heading on one line (cut with "…" if the column is too narrow; the whole heading shows
/// on hover).
fn heading_ui(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).heading()).truncate());
}

/// The charts that matter to a room, under short headings: capacity against need across the
/// width, then the foreign dependency and days to finish as the pool changes side by side. They
/// share the height left under the tiles, measured: headings and the capacity charts' titles and
/// notes first, the plots get the rest. Ticks and legends are at the body size. Returns each
/// chart's rect by heading.
fn charts_ui(ui: &mut Ui, cx: &mut ViewCtx) -> Vec<(String, Rect)> {
    // Lines close together, legend rows too, so the legends name more members.
    ui.spacing_mut().item_spacing.y = 3.0;
    let heading = ui.text_style_height(&egui::TextStyle::Heading);
    let spacing = ui.spacing().item_spacing.y;
    let capacity_text = capacity_text_height(ui, cx);
    // Two headings, the gap between the rows, the capacity text, and a margin at the bottom.
    let fixed = 2.0 * (heading + spacing) + ROW_GAP + spacing + capacity_text + BOTTOM_MARGIN;
    let plots = ui.available_height() - fixed;
    let lower = (plots * LOWER_SHARE).max(theme::PRESENTATION_DEPENDENCY_MIN_HEIGHT);
    let upper = (plots - lower).max(theme::PRESENTATION_MIN_CHART_HEIGHT);
    let look = |height| ChartLook {
        height,
        heading: false,
    };
    let report = &cx.doc.report;
    let dependency_title = format!(
        "Foreign dependency: {} overall",
        crate::numbers::short_percent(report.dependency.overall)
    );
    let what_if_title = crate::analysis::series::main_training_workload(report).map_or_else(
        || "Days to finish".to_string(),
        |i| format!("Days to finish “{}”", report.workloads[i].name),
    );
    let capacity_title = "Capacity against need".to_string();
    heading_ui(ui, &capacity_title);
    let capacity = capacity_ui(ui, cx, look(upper));
    ui.add_space(ROW_GAP);
    let rent_own_title = format!(
        "Rent or own, {} years",
        crate::numbers::readable(report.budget.horizon_years)
    );
    let mut lower_rects = [Rect::NOTHING; 3];
    // The dependency chart's layer names and legend need the most width (its legend would
    // cover the bars in a third).
    let gap = ui.spacing().item_spacing.x;
    let width = ui.available_width() - 2.0 * gap;
    let widths = [width * 0.43, width * 0.3, width * 0.27];
    let column_height = heading + spacing + lower;
    ui.horizontal_top(|ui| {
        let column = |ui: &mut Ui, w: f32, draw: &mut dyn FnMut(&mut Ui) -> Rect| {
            ui.allocate_ui_with_layout(
                egui::vec2(w, column_height),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(w);
                    draw(ui)
                },
            )
            .inner
        };
        lower_rects[0] = column(ui, widths[0], &mut |ui| {
            heading_ui(ui, &dependency_title);
            dependency_ui(ui, cx, look(lower))
        });
        lower_rects[1] = column(ui, widths[1], &mut |ui| {
            heading_ui(ui, &what_if_title);
            what_if_ui(ui, cx, look(lower))
        });
        lower_rects[2] = column(ui, widths[2], &mut |ui| {
            heading_ui(ui, &rent_own_title);
            super::budget::rent_own_chart_ui(ui, cx.doc, lower)
        });
    });
    vec![
        (capacity_title, capacity),
        (dependency_title, lower_rects[0]),
        (what_if_title, lower_rects[1]),
        (rent_own_title, lower_rects[2]),
    ]
}

/// Space between the two rows of charts, in points.
const ROW_GAP: f32 = 8.0;
/// Space left under the charts, in points (the panel's margin and a little air).
const BOTTOM_MARGIN: f32 = 12.0;
/// The lower row's share of the plots' height (the capacity charts above get the rest: their
/// legends name more members the taller they are).
const LOWER_SHARE: f32 = 0.46;

/// Draws presentation mode into `ui` (whose style the caller has set to
/// [`theme::presentation_style`]): the lever panel on the right, figures and charts beside it.
pub fn presentation_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let mut slide = SlideLayout::default();
    egui::Panel::right("presentation-levers")
        .exact_size(theme::PRESENTATION_LEVERS_WIDTH)
        .resizable(false)
        .show(ui, |ui| {
            slide.levers_screen = ui.clip_rect().intersect(ui.max_rect());
            slide.levers = egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    levers_ui(ui, cx);
                    ui.min_rect()
                })
                .inner;
        });
    // Re-analyse now, so the charts drawn below follow a lever moved in this frame.
    cx.doc.refresh(cx.catalog);
    egui::CentralPanel::default().show(ui, |ui| {
        slide.screen = ui.clip_rect().intersect(ui.max_rect());
        // A scroll area only for windows far smaller than any projector.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::shock_lever::shock_banner_ui(ui, cx);
                let mut tiles = key_tiles(cx.doc, cx.catalog, cx.state.show_ranges);
                tiles.push(super::budget::presentation_tile(
                    cx.doc,
                    cx.state.show_ranges,
                ));
                tile_rows_ui(ui, &tiles, tile_look(ui.available_width(), tiles.len()));
                ui.add_space(4.0);
                slide.charts = charts_ui(ui, cx);
                slide.content = ui.min_rect();
            });
    });
    cx.state.slide = slide;
}
