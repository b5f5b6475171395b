//! The Roadmap view: the plan over the years. A timeline of phases, members that join later and
//! dated contribution lines (drag a bar's ends to change its years), the same years as numbers in
//! a table under it (the typed alternative to dragging), phases and base-model changes to add or
//! remove, the start year, and per-year charts of capacity against need, spending and the
//! foreign dependency. A plan without a roadmap is offered one.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::roadmap_charts::year_charts_ui;
use super::roadmap_timeline::{End, set_year, timeline_ui};
use super::year_field::year_ui;
use crate::analysis::timeline::{self, Row, Subject};
use crate::app::theme;
use crate::plan::{ModelChange, Phase, Roadmap};

/// Height of each per-year chart's plot, in points.
const YEAR_CHART_HEIGHT: f32 = 220.0;

/// The calendar year now (UTC), for the year a new roadmap starts in.
fn this_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Mean Gregorian year; off by a day at most at New Year.
    let year = 1970 + secs / 31_556_952;
    u16::try_from(year)
        .unwrap_or(crate::plan::FIRST_YEAR)
        .clamp(crate::plan::FIRST_YEAR, crate::plan::LAST_YEAR)
}

/// A plan without a roadmap: what a roadmap is, and a button that starts one.
fn start_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.heading("Roadmap");
    ui.label(
        "This plan is a single year. A roadmap spreads it over the budget's horizon: lines and \
         members can start or end in a given year, owned chips age out, and every view can show \
         any year.",
    );
    ui.add_space(8.0);
    let year = this_year();
    if ui
        .button(format!("Start a roadmap in {year}"))
        .on_hover_text("Nothing changes until lines get years; undo with Ctrl+Z")
        .clicked()
    {
        cx.doc.checkpoint();
        cx.doc.plan.roadmap = Some(Roadmap {
            start_year: year,
            phases: Vec::new(),
            model_changes: Vec::new(),
        });
    }
}

/// The start year, the horizon, and the buttons that add phases and model changes.
fn settings_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let years = cx.doc.plan.years();
    let (first, last) = (*years.start(), *years.end());
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("Roadmap {first}–{last}"));
        ui.add_space(12.0);
        ui.label("Starts in");
        if let Some(Some(y)) = year_ui(ui, "start-year", Some(first), true, "year", "Start year") {
            cx.doc.checkpoint();
            if let Some(r) = cx.doc.plan.roadmap.as_mut() {
                r.start_year = y;
            }
        }
        ui.label(format!(
            "and runs {} (the budget's horizon, under Workloads & assumptions).",
            crate::words::counted(years.len(), "year", "years")
        ));
        if ui
            .button("+ Add phase")
            .on_hover_text("A named stretch of years, e.g. \u{201c}Pilot on rented cloud\u{201d}")
            .clicked()
        {
            cx.doc.checkpoint();
            if let Some(r) = cx.doc.plan.roadmap.as_mut() {
                r.phases.push(Phase {
                    name: format!("Phase {}", r.phases.len() + 1),
                    first_year: first,
                    last_year: last,
                });
            }
        }
        if ui
            .button("+ Add base-model change")
            .on_hover_text("Swap the shared base model from a given year on")
            .clicked()
        {
            cx.doc.checkpoint();
            let base = cx.doc.plan.base_model.clone();
            if let Some(r) = cx.doc.plan.roadmap.as_mut() {
                let year = r
                    .model_changes
                    .iter()
                    .map(|c| c.year + 1)
                    .max()
                    .unwrap_or(first + 1)
                    .min(last);
                r.model_changes.push(ModelChange {
                    year,
                    base_model: base,
                });
            }
        }
    });
}

/// What an empty year field of `row` stands for.
fn hints(row: &Row) -> (String, String) {
    let first = match row.subject {
        Subject::Joins(_) | Subject::Phase(_) => "year".to_string(),
        _ => "start".to_string(),
    };
    let last = match (row.ages_out, row.shown) {
        (true, Some((_, l))) => format!("life: {l}"),
        _ => "end".to_string(),
    };
    (first, last)
}

/// The years of every timeline row as numbers, and the base-model changes: the typed
/// alternative to dragging. Each accepted entry is one undo step.
fn years_table_ui(ui: &mut Ui, cx: &mut ViewCtx, rows: &[Row]) {
    let mut edits: Vec<(Subject, End, Option<u16>)> = Vec::new();
    let mut remove_phase = None;
    let mut names: Vec<(usize, String)> = Vec::new();
    let phases: Vec<String> = cx
        .doc
        .plan
        .roadmap
        .as_ref()
        .map(|r| r.phases.iter().map(|p| p.name.clone()).collect())
        .unwrap_or_default();
    TableBuilder::new(ui)
        .id_salt("roadmap-years")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(320.0))
        .column(Column::auto().at_least(150.0))
        .column(Column::auto().at_least(150.0))
        .column(Column::exact(72.0))
        .header(theme::ROW_HEIGHT, |mut h| {
            for name in ["Line, member or phase", "First year", "Last year", ""] {
                h.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|mut body| {
            for row in rows {
                body.row(theme::ROW_HEIGHT + 4.0, |mut r| {
                    let (first_hint, last_hint) = hints(row);
                    r.col(|ui| match row.subject {
                        Subject::Phase(i) => {
                            let mut name = phases.get(i).cloned().unwrap_or_default();
                            let field = ui
                                .add(egui::TextEdit::singleline(&mut name).desired_width(300.0))
                                .accessible_name("Phase name");
                            if field.changed() {
                                names.push((i, name));
                            }
                        }
                        _ => {
                            ui.add(egui::Label::new(row.label.as_str()).truncate());
                        }
                    });
                    let required = matches!(row.subject, Subject::Phase(_));
                    r.col(|ui| {
                        let name = match row.subject {
                            Subject::Joins(_) => format!("Year {}", row.label),
                            _ => format!("First year of {}", row.label),
                        };
                        let salt = ("first", &row.label, format!("{:?}", row.subject));
                        if let Some(y) =
                            year_ui(ui, salt, row.years.first, required, &first_hint, &name)
                        {
                            edits.push((row.subject, End::First, y));
                        }
                    });
                    r.col(|ui| {
                        if matches!(row.subject, Subject::Joins(_)) {
                            ui.weak("stays to the end");
                            return;
                        }
                        let name = format!("Last year of {}", row.label);
                        let salt = ("last", &row.label, format!("{:?}", row.subject));
                        if let Some(y) =
                            year_ui(ui, salt, row.years.last, required, &last_hint, &name)
                        {
                            edits.push((row.subject, End::Last, y));
                        }
                    });
                    r.col(|ui| {
                        if let Subject::Phase(i) = row.subject
                            && ui
                                .small_button("Remove")
                                .on_hover_text("Remove this phase")
                                .clicked()
                        {
                            remove_phase = Some(i);
                        }
                    });
                });
            }
        });
    let doc = &mut *cx.doc;
    for (subject, end, year) in edits {
        doc.checkpoint();
        set_year(&mut doc.plan, subject, end, year);
    }
    if let Some(r) = doc.plan.roadmap.as_mut() {
        for (i, name) in names {
            // Typing a name settles into one undo step like any text field.
            if let Some(p) = r.phases.get_mut(i) {
                p.name = name;
            }
        }
    }
    if let Some(i) = remove_phase {
        doc.checkpoint();
        if let Some(r) = doc.plan.roadmap.as_mut() {
            r.phases.remove(i);
        }
    }
}

/// The base-model changes: from which year, which model, and Remove.
fn model_changes_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let Some(roadmap) = cx.doc.plan.roadmap.clone() else {
        return;
    };
    if roadmap.model_changes.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Base-model changes").strong());
    let plan = &cx.doc.plan;
    let mut edited = roadmap.clone();
    let mut remove = None;
    for (i, change) in roadmap.model_changes.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label("From");
            if let Some(Some(y)) = year_ui(
                ui,
                ("model-year", i),
                Some(change.year),
                true,
                "year",
                "Year the base model changes",
            ) {
                edited.model_changes[i].year = y;
            }
            ui.label("the base model is");
            let name = |id: &str| {
                plan.model(cx.catalog, id)
                    .map_or_else(|| id.to_string(), |m| m.name.clone())
            };
            egui::ComboBox::from_id_salt(("model-change", i))
                .selected_text(name(&change.base_model))
                .width(260.0)
                .height(360.0)
                .show_ui(ui, |ui| {
                    for m in plan.custom_models.iter().chain(&cx.catalog.models) {
                        ui.selectable_value(
                            &mut edited.model_changes[i].base_model,
                            m.id.clone(),
                            &m.name,
                        );
                    }
                })
                .response
                .accessible_name("New base model");
            if ui.small_button("Remove").clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        edited.model_changes.remove(i);
    }
    if edited != roadmap {
        cx.doc.checkpoint();
        cx.doc.plan.roadmap = Some(edited);
    }
}

/// What the timeline shows, in one line under it.
fn legend_ui(ui: &mut Ui, rows: &[Row]) {
    let text = if rows.iter().all(|r| matches!(r.subject, Subject::Phase(_))) {
        "No line has years yet: every contribution holds for the whole roadmap. Give a line a \
         first or last year in its member's contributions (Members view)."
    } else {
        "Drag a bar's ends to change its years. Lines without years hold throughout and are not \
         listed; owned chips bought in a given year stop counting at the end of their life."
    };
    ui.label(RichText::new(text).weak());
}

/// The Roadmap view.
pub fn roadmap_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if cx.doc.plan.roadmap.is_none() {
                start_ui(ui, cx);
                return;
            }
            settings_ui(ui, cx);
            let rows = timeline::rows(&cx.doc.plan, cx.catalog);
            ui.add_space(4.0);
            ui.scope(|ui| timeline_ui(ui, cx, &rows));
            legend_ui(ui, &rows);
            ui.add_space(4.0);
            egui::CollapsingHeader::new("Years as numbers (type them instead of dragging)")
                .id_salt("roadmap-years-table")
                .show(ui, |ui| {
                    years_table_ui(ui, cx, &rows);
                    model_changes_ui(ui, cx);
                });
            ui.add_space(8.0);
            year_charts_ui(ui, cx, YEAR_CHART_HEIGHT);
        });
}
