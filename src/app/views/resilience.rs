//! Resilience: the switch-off test as a table, shocks × key figures, each cell coloured by its
//! status and saying it in words too; the worst shock marked; the chosen shock's mitigation and,
//! for a roadmap plan, its compute year by year against the plan's. Every figure comes from
//! `doc.stress` (`analysis::stress`).

use egui::{RichText, Ui};

use super::ViewCtx;
use super::shock_editor::{ShockDraft, shock_editor_ui};
use crate::analysis::stress::{Outcome, StressFigures, worst};
use crate::analysis::years::YearFigures;
use crate::app::theme::{self, Status};
use crate::app::widgets::badge_ui;
use crate::numbers::{count, readable, short_percent, with_unit};

/// The view's own state (not in the plan, not in the undo history).
#[derive(Debug, Clone, Default)]
pub struct ResilienceState {
    /// The key of the shock whose details are shown (`None`: the worst).
    pub selected: Option<String>,
    /// The shock being defined.
    pub draft: ShockDraft,
}

/// The colour status of an outcome.
pub fn outcome_status(outcome: Outcome) -> Status {
    match outcome {
        Outcome::Holds => Status::Good,
        Outcome::Weakened => Status::Warn,
        Outcome::Breaks => Status::Bad,
    }
}

/// One cell: its words and its status.
struct Cell {
    text: String,
    status: Status,
}

fn cell(text: String, status: Status) -> Cell {
    Cell { text, status }
}

/// The table's cells for one shock, in column order.
fn cells(s: &StressFigures) -> Vec<Cell> {
    let lost = s.bf16_pflops_lost_share;
    let workloads_status = if s.workloads_meeting_target < s.baseline_meeting_target {
        Status::Bad
    } else if s.workloads_with_target == 0 {
        Status::Neutral
    } else {
        Status::Good
    };
    vec![
        cell(s.outcome().label().to_string(), outcome_status(s.outcome())),
        cell(
            match (lost > 0.0, s.later_loss_year) {
                (true, _) => format!("{} lost", short_percent(lost)),
                (false, Some(year)) => format!("less from {year}"),
                (false, None) => "none lost".to_string(),
            },
            if lost > 0.0 || s.later_loss_year.is_some() {
                Status::Warn
            } else {
                Status::Good
            },
        ),
        cell(
            format!(
                "{} of {}",
                s.workloads_meeting_target, s.workloads_with_target
            ),
            workloads_status,
        ),
        match s.serving_meets_demand {
            Some(true) => cell("meets demand".to_string(), Status::Good),
            Some(false) => cell("short of demand".to_string(), Status::Bad),
            None => cell("no serving".to_string(), Status::Neutral),
        },
        match s.days_lost {
            Some(d) if d > 0.0 => cell(format!("+{}", with_unit(d, "days")), Status::Warn),
            Some(_) => cell("none".to_string(), Status::Good),
            None => cell("cannot run".to_string(), Status::Bad),
        },
        if s.experts_fte_lost > 0.0 {
            cell(with_unit(s.experts_fte_lost, "FTE"), Status::Warn)
        } else {
            cell("none".to_string(), Status::Good)
        },
        cell(s.mitigation_text(), Status::Neutral),
    ]
}

/// Column headings after the shock's name.
const COLUMNS: [&str; 7] = [
    "Outcome",
    "Compute",
    "Workloads on target",
    "Serving",
    "Days lost",
    "Experts lost",
    "To survive it",
];

fn table_ui(ui: &mut Ui, cx: &mut ViewCtx, worst_key: Option<&str>, selected: &str) {
    let mut pick = None;
    let mut delete = None;
    egui::Grid::new("resilience-table")
        .striped(true)
        .num_columns(COLUMNS.len() + 2)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Shock");
            for c in COLUMNS {
                ui.strong(c);
            }
            ui.label("");
            ui.end_row();
            for s in &cx.doc.stress {
                ui.horizontal(|ui| {
                    let name = if s.custom {
                        format!("“{}”", s.name)
                    } else {
                        s.name.clone()
                    };
                    if ui
                        .selectable_label(s.key == selected, name)
                        .on_hover_text(&s.description)
                        .clicked()
                    {
                        pick = Some(s.key.clone());
                    }
                    if Some(s.key.as_str()) == worst_key {
                        badge_ui(ui, "WORST", theme::status_color(ui.visuals(), Status::Bad));
                    }
                });
                for c in cells(s) {
                    let color = theme::status_color(ui.visuals(), c.status);
                    ui.label(RichText::new(c.text).color(color));
                }
                if s.custom {
                    if ui
                        .small_button("Delete")
                        .on_hover_text("Delete this shock from the plan (Ctrl+Z brings it back)")
                        .clicked()
                    {
                        delete = Some(s.name.clone());
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    if let Some(key) = pick {
        cx.state.resilience.selected = Some(key);
    }
    if let Some(name) = delete {
        cx.doc.checkpoint();
        cx.doc.plan.shocks.retain(|s| s.name != name);
    }
}

/// The roadmap year by year: the plan's compute and workloads on target, and the shock's.
/// The roadmap year by year; the year shown (`shown`) is underlined.
fn years_ui(ui: &mut Ui, plan_years: &[YearFigures], s: &StressFigures, shown: Option<u16>) {
    if s.years.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong("Year by year");
    egui::Grid::new("resilience-years")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for y in &s.years {
                let text = RichText::new(y.year.to_string()).strong();
                if Some(y.year) == shown {
                    ui.label(text.underline())
                        .on_hover_text("The year shown (the year selector)");
                } else {
                    ui.label(text);
                }
            }
            ui.end_row();
            ui.label("Compute, the plan (PFLOP/s)");
            for y in plan_years {
                ui.label(readable(y.bf16_pflops));
            }
            ui.end_row();
            ui.label("Compute under the shock (PFLOP/s)");
            for (y, p) in s.years.iter().zip(plan_years) {
                let status = if y.bf16_pflops < p.bf16_pflops {
                    Status::Warn
                } else {
                    Status::Good
                };
                ui.label(
                    RichText::new(readable(y.bf16_pflops))
                        .color(theme::status_color(ui.visuals(), status)),
                );
            }
            ui.end_row();
            ui.label("Workloads on target, plan / shock");
            for (y, p) in s.years.iter().zip(plan_years) {
                let status = if y.workloads_meeting_target < p.workloads_meeting_target {
                    Status::Bad
                } else {
                    Status::Good
                };
                ui.label(
                    RichText::new(format!(
                        "{} / {}",
                        p.workloads_meeting_target, y.workloads_meeting_target
                    ))
                    .color(theme::status_color(ui.visuals(), status)),
                );
            }
            ui.end_row();
        });
}

/// The chosen shock: what it does, what surviving it takes, and the roadmap under it.
fn details_ui(ui: &mut Ui, cx: &ViewCtx, s: &StressFigures) {
    ui.heading(&s.name);
    ui.label(&s.description);
    let outcome = s.outcome();
    ui.horizontal_wrapped(|ui| {
        badge_ui(
            ui,
            &outcome.label().to_uppercase(),
            theme::status_color(ui.visuals(), outcome_status(outcome)),
        );
        ui.label(format!(
            "{} of compute lost ({} of {} PFLOP/s left, {} accelerators fewer).",
            short_percent(s.bf16_pflops_lost_share),
            readable(s.bf16_pflops),
            readable(cx.doc.report.pooled.bf16_pflops.max(s.bf16_pflops)),
            count(s.accelerators_lost)
        ));
    });
    ui.label(format!("To survive it: {}.", s.mitigation_text()));
    if let Some((shocked, own)) = s.first_year_worse(&cx.doc.years) {
        ui.horizontal_wrapped(|ui| {
            badge_ui(
                ui,
                "LATER",
                theme::status_color(ui.visuals(), Status::Bad),
            );
            ui.label(format!(
                "From {} the roadmap is hit harder: {} workloads on target that year, against {} in the plan.",
                shocked.year, shocked.workloads_meeting_target, own.workloads_meeting_target
            ));
        });
    }
    years_ui(ui, &cx.doc.years, s, cx.doc.year);
}

/// The Overview's line on the switch-off test: the worst single shock in one sentence, tinted
/// by how the plan comes out of it, with a way to the Resilience view.
pub fn worst_line_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let (text, status) = match worst(&cx.doc.stress) {
        Some(w) => (
            format!("Worst shock — {}", w.sentence()),
            outcome_status(w.outcome()),
        ),
        None => (
            "Switch-off test: no shock tried takes anything the plan needs.".to_string(),
            Status::Good,
        ),
    };
    egui::Frame::group(ui.style())
        .fill(theme::status_fill(ui.visuals(), status))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(text);
                if ui
                    .small_button("See every shock")
                    .on_hover_text("Every shock, what it takes and what surviving it costs")
                    .clicked()
                {
                    cx.commands.push(crate::app::command::Command::Show(
                        crate::app::command::View::Resilience,
                    ));
                }
            });
        });
}

/// The Resilience view.
pub fn resilience_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Resilience: the switch-off test");
            let when = cx.doc.year.map_or_else(String::new, |y| format!(" in {y}"));
            ui.label(format!(
                "What still works{when} if a foreign supplier says no. Each shock is applied to a \
                 copy of the plan; the plan itself is untouched. Hover a shock for what it does; \
                 click it for what surviving it takes."
            ));
            ui.add_space(6.0);
            let worst_key = worst(&cx.doc.stress).map(|w| w.key.clone());
            match worst(&cx.doc.stress) {
                Some(w) => {
                    let status = outcome_status(w.outcome());
                    egui::Frame::group(ui.style())
                        .fill(theme::status_fill(ui.visuals(), status))
                        .show(ui, |ui| {
                            ui.label(
                                RichText::new(format!("Worst shock — {}", w.sentence())).strong(),
                            );
                        });
                }
                None if cx.doc.stress.is_empty() => {
                    ui.label("The plan depends on no foreign supplier the test knows of.");
                }
                None => {
                    ui.label("No shock tried takes anything the plan needs.");
                }
            }
            ui.add_space(6.0);
            let chosen = cx
                .state
                .resilience
                .selected
                .clone()
                .filter(|k| cx.doc.stress.iter().any(|s| &s.key == k));
            // The analysis works out the roadmap year by year for the shock on screen only
            // (the worst unless one is chosen): ask for the chosen one.
            if cx.doc.years_shock != chosen {
                cx.doc.years_shock.clone_from(&chosen);
            }
            let selected = chosen
                .or_else(|| worst_key.clone())
                .or_else(|| cx.doc.stress.first().map(|s| s.key.clone()))
                .unwrap_or_default();
            table_ui(ui, cx, worst_key.as_deref(), &selected);
            ui.add_space(10.0);
            if let Some(s) = cx.doc.stress.iter().find(|s| s.key == selected).cloned() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    details_ui(ui, cx, &s);
                });
            }
            ui.add_space(10.0);
            shock_editor_ui(ui, cx);
        });
}
