//! The Roadmap view's timeline: one column per year of the plan, one bar per phase, per member
//! that joins later and per contribution line that has years (rows from
//! [`crate::analysis::timeline`]), and the base model year by year. Dragging a bar's start or
//! end edits that year in the plan, one undo step per drag; clicking a year shows it in every
//! view.

use egui::{Align2, CursorIcon, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::ViewCtx;
use crate::analysis::timeline::{Row, Subject};
use crate::app::theme::{self, Status};
use crate::plan::Plan;

/// Which end of a row's years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// Its first year (a member's join).
    First,
    /// Its last year.
    Last,
}

/// Writes one end of a row's years into the plan (`None` opens it: from the start, to the end).
/// A phase's ends and a member's join cannot be opened; a member's join has no last year.
pub(super) fn set_year(plan: &mut Plan, subject: Subject, end: End, year: Option<u16>) {
    let years = match subject {
        Subject::Phase(i) => {
            if let (Some(y), Some(p)) = (
                year,
                plan.roadmap.as_mut().and_then(|r| r.phases.get_mut(i)),
            ) {
                match end {
                    End::First => p.first_year = y,
                    End::Last => p.last_year = y,
                }
            }
            return;
        }
        Subject::Joins(m) => {
            if let (End::First, Some(member)) = (end, plan.members.get_mut(m)) {
                member.joins = year;
            }
            return;
        }
        Subject::Chips(m, j) => plan
            .members
            .get_mut(m)
            .and_then(|x| x.chips.get_mut(j))
            .map(|l| &mut l.years),
        Subject::Power(m, j) => plan
            .members
            .get_mut(m)
            .and_then(|x| x.power.get_mut(j))
            .map(|l| &mut l.years),
        Subject::Experts(m, j) => plan
            .members
            .get_mut(m)
            .and_then(|x| x.experts.get_mut(j))
            .map(|l| &mut l.years),
    };
    if let Some(years) = years {
        match end {
            End::First => years.first = year,
            End::Last => years.last = year,
        }
    }
}

/// Height of a timeline row, in points.
const ROW_HEIGHT: f32 = 26.0;
/// Width of the grab area at each end of a bar, in points.
const HANDLE_WIDTH: f32 = 12.0;
/// Share of the width the row labels take (at most [`MAX_LABEL_WIDTH`]).
const LABEL_SHARE: f32 = 0.3;
/// The widest the row labels get, in points.
const MAX_LABEL_WIDTH: f32 = 360.0;

/// The grid of year columns: where year `y` starts and which year is under `x`.
#[derive(Debug, Clone, Copy)]
struct Columns {
    left: f32,
    width: f32,
    first: u16,
    last: u16,
}

impl Columns {
    fn x(&self, year: u16) -> f32 {
        self.left + f32::from(year.saturating_sub(self.first)) * self.width
    }

    fn year_at(&self, x: f32) -> u16 {
        let n = ((x - self.left) / self.width).floor().max(0.0) as u16;
        self.first.saturating_add(n).min(self.last)
    }

    fn span(&self, first: u16, last: u16, y: std::ops::RangeInclusive<f32>) -> Rect {
        Rect::from_min_max(
            pos2(self.x(first) + 3.0, *y.start()),
            pos2(self.x(last + 1) - 3.0, *y.end()),
        )
    }
}

/// A row's label in `rect`, left-aligned, cut with "…" when too long (in full on hover).
fn label_ui(ui: &mut Ui, rect: Rect, text: &str) {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(egui::Label::new(text).truncate());
    });
}

/// The colour of a row's bar: grey for phases, the member's colour otherwise.
fn row_color(visuals: &egui::Visuals, subject: Subject) -> egui::Color32 {
    match subject {
        Subject::Phase(_) => theme::member_color(visuals, None),
        other => theme::member_color(visuals, other.member()),
    }
}

/// What a row's years mean, for its tooltip.
fn describe(row: &Row, first: u16, last: u16) -> String {
    let mut text = format!("{}\n{first}–{last}", row.label);
    if row.years.first.is_none() {
        text.push_str(" (from the start)");
    }
    if row.ages_out {
        text.push_str("\nOwned chips stop counting at the end of their life");
        if let Some(y) = row.replacement_due {
            text.push_str(&format!("; a replacement is due in {y}"));
        }
    } else if row.years.last.is_none() {
        text.push_str(" (to the end)");
    }
    text.push_str("\nDrag either end to change the years, or type them in the table below.");
    text
}

/// Draws the year header; returns the year clicked, if any.
fn header_ui(ui: &mut Ui, cols: Columns, shown: Option<u16>) -> Option<u16> {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::hover());
    let font = FontId::proportional(ui.text_style_height(&egui::TextStyle::Body));
    ui.painter().text(
        pos2(rect.left(), rect.center().y),
        Align2::LEFT_CENTER,
        "Click a year to show it",
        font.clone(),
        ui.visuals().weak_text_color(),
    );
    // Over many years the columns get narrow: label every n-th year (and the one shown) so the
    // labels never run into each other.
    let label_width = crate::app::widgets::text_width(ui, "2030") + 8.0;
    let every = (label_width / cols.width).ceil().max(1.0) as u16;
    let mut clicked = None;
    for year in cols.first..=cols.last {
        let cell = Rect::from_min_max(
            pos2(cols.x(year), rect.top()),
            pos2(cols.x(year + 1), rect.bottom()),
        );
        let response = ui
            .interact(
                cell,
                ui.scope_id().with(("year-head", year)),
                Sense::click(),
            )
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text(format!("Show {year} in every view"));
        if Some(year) == shown {
            ui.painter()
                .rect_filled(cell.shrink(1.0), 3.0, ui.visuals().selection.bg_fill);
        }
        let color = if Some(year) == shown {
            ui.visuals().selection.stroke.color
        } else {
            ui.visuals().text_color()
        };
        if (year - cols.first).is_multiple_of(every) || Some(year) == shown {
            ui.painter().text(
                cell.center(),
                Align2::CENTER_CENTER,
                year,
                font.clone(),
                color,
            );
        }
        if response.clicked() {
            clicked = Some(year);
        }
    }
    clicked
}

/// What the pointer did to a row's bar ends this frame.
#[derive(Debug, Clone, Copy, Default)]
struct RowInput {
    /// A bar end is held (a drag begins or goes on).
    held: bool,
    /// The end dragged to a new year.
    edit: Option<(End, u16)>,
}

/// One row: its label, its bar and the grab areas at the bar's ends.
fn row_ui(ui: &mut Ui, cols: Columns, label_width: f32, row: &Row) -> RowInput {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::hover());
    let color = row_color(ui.visuals(), row.subject);
    let label_rect = Rect::from_min_size(rect.min, vec2(label_width - 8.0, rect.height()));
    let swatch = Rect::from_center_size(
        pos2(label_rect.left() + 6.0, rect.center().y),
        vec2(10.0, 10.0),
    );
    ui.painter().rect_filled(swatch, 2.0, color);
    let text_rect = label_rect.with_min_x(label_rect.left() + 16.0);
    label_ui(ui, text_rect, &row.label);
    let Some((first, last)) = row.shown else {
        ui.painter().text(
            pos2(cols.x(cols.first) + 4.0, rect.center().y),
            Align2::LEFT_CENTER,
            "outside the plan's years",
            FontId::proportional(ui.text_style_height(&egui::TextStyle::Body)),
            ui.visuals().weak_text_color(),
        );
        return RowInput::default();
    };
    let bar = cols.span(first, last, rect.top() + 3.0..=rect.bottom() - 3.0);
    let visuals = ui.visuals().clone();
    let fill = if visuals.dark_mode {
        color.gamma_multiply(0.55)
    } else {
        color.gamma_multiply(0.35)
    };
    ui.painter().rect(
        bar,
        4.0,
        fill,
        Stroke::new(1.5, color),
        egui::StrokeKind::Inside,
    );
    let font = FontId::proportional(ui.text_style_height(&egui::TextStyle::Body));
    let mut text = if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    };
    if row.ages_out {
        text.push_str(" · life ends");
    }
    let galley = ui
        .painter()
        .layout_no_wrap(text, font.clone(), visuals.text_color());
    if galley.size().x + 2.0 * HANDLE_WIDTH < bar.width() {
        ui.painter().galley(
            pos2(
                bar.left() + HANDLE_WIDTH,
                bar.center().y - galley.size().y / 2.0,
            ),
            galley,
            visuals.text_color(),
        );
    }
    ui.interact(
        bar,
        ui.scope_id().with(("bar", row.subject_key())),
        Sense::hover(),
    )
    .on_hover_text(describe(row, first, last));
    if let Some(due) = row.replacement_due {
        let cell = cols.span(due, due, rect.top() + 3.0..=rect.bottom() - 3.0);
        let warn = theme::status_color(&visuals, Status::Warn);
        ui.painter().rect(
            cell,
            4.0,
            theme::status_fill(&visuals, Status::Warn),
            Stroke::new(1.5, warn),
            egui::StrokeKind::Inside,
        );
        let short = ui
            .painter()
            .layout_no_wrap("replacement due".into(), font.clone(), warn);
        let text = if short.size().x + 8.0 < cell.width() {
            "replacement due"
        } else {
            "renew"
        };
        ui.painter().with_clip_rect(cell).text(
            cell.center(),
            Align2::CENTER_CENTER,
            text,
            font,
            warn,
        );
        ui.interact(
            cell,
            ui.scope_id().with(("due", row.subject_key())),
            Sense::hover(),
        )
        .on_hover_text(format!(
            "{}: the chips reach the end of their life after {last}; a replacement is due in {due}",
            row.label
        ));
    }
    let mut input = RowInput::default();
    let ends: &[End] = match row.subject {
        Subject::Joins(_) => &[End::First],
        _ => &[End::First, End::Last],
    };
    for &end in ends {
        let x = match end {
            End::First => bar.left(),
            End::Last => bar.right(),
        };
        let handle =
            Rect::from_center_size(pos2(x, bar.center().y), vec2(HANDLE_WIDTH, bar.height()));
        let name = match end {
            End::First => format!("Start of {}", row.label),
            End::Last => format!("End of {}", row.label),
        };
        let response = ui
            .interact(
                handle,
                ui.scope_id()
                    .with(("handle", row.subject_key(), end == End::First)),
                Sense::drag(),
            )
            .on_hover_cursor(CursorIcon::ResizeHorizontal);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, name.clone()));
        if response.hovered() || response.dragged() {
            ui.painter().rect_filled(
                handle.shrink2(vec2(3.0, 2.0)),
                2.0,
                visuals.widgets.active.fg_stroke.color,
            );
        }
        if response.is_pointer_button_down_on() || response.dragged() {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        }
        if response.is_pointer_button_down_on() || response.dragged() {
            input.held = true;
        }
        if response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let year = cols.year_at(pos.x);
            let (year, now) = match end {
                End::First => (year.min(last), first),
                End::Last => (year.max(first), last),
            };
            if year != now {
                input.edit = Some((end, year));
            }
        }
    }
    input
}

trait SubjectKey {
    fn subject_key(&self) -> (u8, usize, usize);
}

impl SubjectKey for Row {
    /// A hashable key of the row's subject, for widget ids.
    fn subject_key(&self) -> (u8, usize, usize) {
        match self.subject {
            Subject::Phase(i) => (0, i, 0),
            Subject::Joins(m) => (1, m, 0),
            Subject::Chips(m, j) => (2, m, j),
            Subject::Power(m, j) => (3, m, j),
            Subject::Experts(m, j) => (4, m, j),
        }
    }
}

/// The base model year by year, as segments of the years it holds.
fn model_row_ui(ui: &mut Ui, cx: &ViewCtx, cols: Columns, label_width: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::hover());
    let font = FontId::proportional(ui.text_style_height(&egui::TextStyle::Body));
    let visuals = ui.visuals().clone();
    label_ui(
        ui,
        Rect::from_min_size(
            rect.min + vec2(16.0, 0.0),
            vec2(label_width - 24.0, rect.height()),
        ),
        "Base model",
    );
    let years = &cx.doc.years;
    let mut i = 0;
    while i < years.len() {
        let model = &years[i].base_model;
        let mut j = i;
        while j + 1 < years.len() && years[j + 1].base_model == *model {
            j += 1;
        }
        let name = cx
            .doc
            .plan
            .model(cx.catalog, model)
            .map_or(model.as_str(), |m| m.name.as_str());
        let bar = cols.span(
            years[i].year,
            years[j].year,
            rect.top() + 3.0..=rect.bottom() - 3.0,
        );
        ui.painter().rect(
            bar,
            4.0,
            visuals.faint_bg_color,
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            egui::StrokeKind::Inside,
        );
        ui.painter().with_clip_rect(bar.shrink(2.0)).text(
            pos2(bar.left() + 6.0, bar.center().y),
            Align2::LEFT_CENTER,
            name,
            font.clone(),
            visuals.text_color(),
        );
        ui.interact(bar, ui.scope_id().with(("model", i)), Sense::hover())
            .on_hover_text(format!(
                "{name}, {}–{}: change it in the table below",
                years[i].year, years[j].year
            ));
        i = j + 1;
    }
}

/// The timeline of `rows`; edits the plan when a bar's end is dragged (one undo step per drag)
/// and shows a clicked year.
pub(super) fn timeline_ui(ui: &mut Ui, cx: &mut ViewCtx, rows: &[Row]) {
    let years = cx.doc.plan.years();
    if years.is_empty() {
        return;
    }
    let width = ui.available_width();
    let label_width = (width * LABEL_SHARE).min(MAX_LABEL_WIDTH);
    let n = f32::from(years.end() - years.start() + 1);
    let cols = Columns {
        left: ui.cursor().left() + label_width,
        width: (width - label_width) / n,
        first: *years.start(),
        last: *years.end(),
    };
    ui.spacing_mut().item_spacing.y = 2.0;
    let top = ui.cursor().top();
    if let Some(year) = header_ui(ui, cols, cx.doc.year) {
        cx.doc.chosen_year = Some(year);
    }
    model_row_ui(ui, cx, cols, label_width);
    let mut was_phase = true;
    for row in rows {
        let is_phase = matches!(row.subject, Subject::Phase(_));
        if was_phase && !is_phase {
            // Members' lines apart from the phases.
            ui.add_space(6.0);
        }
        was_phase = is_phase;
        let input = row_ui(ui, cols, label_width, row);
        if input.held {
            // One undo step for the whole drag: the app ends it when the pointer is released.
            cx.doc.begin_gesture();
        }
        if let Some((end, year)) = input.edit {
            set_year(&mut cx.doc.plan, row.subject, end, Some(year));
        }
    }
    // Faint lines between the years, over the whole timeline.
    let bottom = ui.cursor().top();
    let line = Stroke::new(
        1.0,
        ui.visuals()
            .widgets
            .noninteractive
            .bg_stroke
            .color
            .gamma_multiply(0.5),
    );
    for year in cols.first..=cols.last + 1 {
        let x = cols.x(year);
        ui.painter()
            .line_segment([pos2(x, top), pos2(x, bottom)], line);
    }
    if let Some(year) = cx.doc.year {
        let shown = Rect::from_min_max(pos2(cols.x(year), top), pos2(cols.x(year + 1), bottom));
        ui.painter().rect_stroke(
            shown,
            3.0,
            Stroke::new(1.5, ui.visuals().selection.bg_fill),
            egui::StrokeKind::Inside,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_over_a_column_reads_as_its_year() {
        let cols = Columns {
            left: 100.0,
            width: 50.0,
            first: 2026,
            last: 2030,
        };
        assert_eq!(cols.year_at(100.0), 2026);
        assert_eq!(cols.year_at(149.0), 2026);
        assert_eq!(cols.year_at(151.0), 2027);
        assert_eq!(cols.year_at(10.0), 2026, "left of the grid: the first year");
        assert_eq!(cols.year_at(1000.0), 2030, "right of it: the last");
        assert_eq!(cols.x(2028), 200.0);
    }
}
