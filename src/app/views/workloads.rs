//! Workloads and assumptions: each with its unit, its default's source and a reset.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::theme::{self, Status};
use crate::app::widgets::number_ui;
use crate::app::widgets::reset_button;
use crate::numbers::{count, readable, with_unit};
use crate::plan::{Assumptions, DependencyWeights, Precision, Workload, WorkloadKind};

fn kind_combo(ui: &mut Ui, i: usize, kind: &mut WorkloadKind) {
    let tokens = kind.training_tokens().unwrap_or(1e9);
    let options = [
        WorkloadKind::Pretraining { tokens },
        WorkloadKind::ContinuedPretraining { tokens },
        WorkloadKind::FullFineTune { tokens },
        WorkloadKind::LoraFineTune {
            tokens,
            quantized_base: false,
        },
        WorkloadKind::LoraFineTune {
            tokens,
            quantized_base: true,
        },
        WorkloadKind::Serving {
            users: 100_000.0,
            tokens_per_user_per_day: 2_000.0,
            precision: None,
        },
    ];
    egui::ComboBox::from_id_salt(("kind", i))
        .selected_text(kind.label())
        .width(190.0)
        .show_ui(ui, |ui| {
            for option in options {
                let selected = option.key() == kind.key();
                if ui.selectable_label(selected, option.label()).clicked() && !selected {
                    *kind = option;
                }
            }
        })
        .response
        .accessible_name("Workload kind");
}

fn workload_ui(
    ui: &mut Ui,
    i: usize,
    w: &mut Workload,
    fig: Option<&crate::analysis::WorkloadFigures>,
) -> bool {
    let mut remove = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut w.name)
                    .desired_width(260.0)
                    .hint_text("workload name"),
            );
            kind_combo(ui, i, &mut w.kind);
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this workload")
                .clicked()
            {
                remove = true;
            }
        });
        ui.horizontal_wrapped(|ui| match &mut w.kind {
            WorkloadKind::Serving {
                users,
                tokens_per_user_per_day,
                precision,
            } => {
                ui.label("Users");
                number_ui(ui, ("users", i), users, 0.0..=1e10, "users", 1000.0);
                ui.label("Tokens per user per day");
                number_ui(
                    ui,
                    ("tpd", i),
                    tokens_per_user_per_day,
                    0.0..=1e7,
                    "tokens",
                    10.0,
                );
                let mut p = *precision;
                egui::ComboBox::from_id_salt(("prec", i))
                    .selected_text(p.map_or("plan default", |p| p.label()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut p, None, "plan default");
                        for option in Precision::ALL {
                            ui.selectable_value(&mut p, Some(option), option.label());
                        }
                    })
                    .response
                    .accessible_name("Serving precision");
                *precision = p;
            }
            WorkloadKind::Pretraining { tokens }
            | WorkloadKind::ContinuedPretraining { tokens }
            | WorkloadKind::FullFineTune { tokens }
            | WorkloadKind::LoraFineTune { tokens, .. } => {
                let mut billions = *tokens / 1e9;
                ui.label("Training tokens");
                if number_ui(ui, ("tokens", i), &mut billions, 0.0..=1e7, "B tokens", 1.0).changed()
                {
                    *tokens = billions * 1e9;
                }
                let mut has_target = w.target_days.is_some();
                ui.checkbox(&mut has_target, "target");
                match (has_target, w.target_days) {
                    (true, None) => w.target_days = Some(30.0),
                    (false, Some(_)) => w.target_days = None,
                    _ => {}
                }
                if let Some(t) = &mut w.target_days {
                    number_ui(ui, ("target", i), t, 0.01..=36_500.0, "days", 1.0);
                }
            }
        });
        if let Some(f) = fig {
            let (text, status) = if let Some(s) = &f.serving {
                (
                    format!(
                        "capacity {} against peak demand {}; needs {} accelerators ({} per user)",
                        with_unit(s.capacity_tokens_per_s, "tokens/s"),
                        with_unit(s.demand_tokens_per_s, "tokens/s"),
                        s.accelerators_needed.map_or("—".to_string(), count),
                        with_unit(s.tokens_per_s_per_user, "tokens/s")
                    ),
                    if s.meets_demand {
                        Status::Good
                    } else {
                        Status::Bad
                    },
                )
            } else {
                (
                    format!(
                        "{} FLOP · {} accelerator-hours · {} · memory {} of {}",
                        f.train_flops.map_or("—".into(), readable),
                        f.gpu_hours.map_or("—".into(), readable),
                        f.days.map_or("—".into(), |d| if d < 1.0 {
                            with_unit(d * 24.0, "hours")
                        } else {
                            with_unit(d, "days")
                        }),
                        readable(f.memory_needed_gb),
                        with_unit(f.memory_available_gb, "GB")
                    ),
                    if !f.fits || f.target_met == Some(false) {
                        Status::Bad
                    } else {
                        Status::Good
                    },
                )
            };
            ui.label(RichText::new(text).color(theme::status_color(ui.visuals(), status)));
        }
    });
    remove
}

fn source_of(key: &str) -> &'static str {
    Assumptions::SOURCES
        .iter()
        .find(|s| s.key == key)
        .map_or("", |s| s.source)
}

fn label_of(key: &str) -> &'static str {
    Assumptions::SOURCES
        .iter()
        .find(|s| s.key == key)
        .map_or("", |s| s.label)
}

fn assumption_row(
    ui: &mut Ui,
    key: &str,
    value: &mut f64,
    default: f64,
    range: std::ops::RangeInclusive<f64>,
    unit: &str,
    speed: f64,
) {
    let row = SourcedRow {
        key,
        label: label_of(key),
        source: source_of(key),
        unit,
        speed,
    };
    sourced_row(ui, row, value, default, range);
}

/// What an assumption row shows beside its value: its key (for the field's id), its label, the
/// evidence behind its default, its unit and its drag speed.
pub(super) struct SourcedRow<'a> {
    /// The assumption's key in the plan file.
    pub key: &'a str,
    /// What it is.
    pub label: &'a str,
    /// The evidence behind its default (tooltip).
    pub source: &'a str,
    /// Its unit.
    pub unit: &'a str,
    /// Drag speed of the field.
    pub speed: f64,
}

/// One row of an assumptions grid: label (source on hover), number field with unit, Reset to
/// `default`, and a (?) with the source.
pub(super) fn sourced_row(
    ui: &mut Ui,
    row: SourcedRow,
    value: &mut f64,
    default: f64,
    range: std::ops::RangeInclusive<f64>,
) {
    ui.label(row.label).on_hover_text(row.source);
    number_ui(
        ui,
        ("assumption", row.key),
        value,
        range,
        row.unit,
        row.speed,
    );
    let hover = format!("Back to the default {}", crate::numbers::readable(default));
    reset_button(ui, value, &default, Some(&hover));
    ui.label("(?)").on_hover_text(row.source);
    ui.end_row();
}

fn precision_row(ui: &mut Ui, key: &str, value: &mut Precision, default: Precision) {
    ui.label(label_of(key)).on_hover_text(source_of(key));
    egui::ComboBox::from_id_salt(key)
        .selected_text(value.label())
        .show_ui(ui, |ui| {
            for p in Precision::ALL {
                ui.selectable_value(value, p, p.label());
            }
        })
        .response
        .accessible_name(label_of(key));
    reset_button(ui, value, &default, None);
    ui.label("(?)").on_hover_text(source_of(key));
    ui.end_row();
}

fn assumptions_ui(ui: &mut Ui, a: &mut Assumptions) {
    let d = Assumptions::default();
    egui::Grid::new("assumptions")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            assumption_row(ui, "mfu", &mut a.mfu, d.mfu, 0.01..=1.0, "", 0.01);
            ui.label(label_of("mfu_calibrated"))
                .on_hover_text(source_of("mfu_calibrated"));
            ui.checkbox(
                &mut a.mfu_calibrated,
                "by chip, model size, MoE, precision (the MFU above is then not used for training)",
            );
            reset_button(
                ui,
                &mut a.mfu_calibrated,
                &d.mfu_calibrated,
                Some("Back to the calibrated rule"),
            );
            ui.label("(?)").on_hover_text(source_of("mfu_calibrated"));
            ui.end_row();
            assumption_row(
                ui,
                "server_overhead",
                &mut a.server_overhead,
                d.server_overhead,
                1.0..=5.0,
                "× TDP",
                0.01,
            );
            assumption_row(ui, "pue", &mut a.pue, d.pue, 1.0..=3.0, "", 0.01);
            assumption_row(
                ui,
                "liquid_pue",
                &mut a.liquid_pue,
                d.liquid_pue,
                1.0..=3.0,
                "",
                0.01,
            );
            assumption_row(
                ui,
                "electricity_usd_per_mwh",
                &mut a.electricity_usd_per_mwh,
                d.electricity_usd_per_mwh,
                0.0..=10_000.0,
                "USD/MWh",
                1.0,
            );
            precision_row(
                ui,
                "training_precision",
                &mut a.training_precision,
                d.training_precision,
            );
            precision_row(
                ui,
                "serving_precision",
                &mut a.serving_precision,
                d.serving_precision,
            );
            assumption_row(
                ui,
                "serving_context_tokens",
                &mut a.serving_context_tokens,
                d.serving_context_tokens,
                1.0..=1e8,
                "tokens",
                64.0,
            );
            assumption_row(
                ui,
                "serving_peak_factor",
                &mut a.serving_peak_factor,
                d.serving_peak_factor,
                1.0..=100.0,
                "×",
                0.1,
            );
            assumption_row(
                ui,
                "chip_value_usd_per_bf16_pflops",
                &mut a.chip_value_usd_per_bf16_pflops,
                d.chip_value_usd_per_bf16_pflops,
                0.0..=1e9,
                "USD",
                100.0,
            );
            assumption_row(
                ui,
                "expert_usd_per_fte_year",
                &mut a.expert_usd_per_fte_year,
                d.expert_usd_per_fte_year,
                0.0..=1e8,
                "USD",
                1000.0,
            );
        });
    ui.add_space(6.0);
    ui.label(RichText::new("Dependency weights").strong())
        .on_hover_text(source_of("dependency_weights"));
    let dw = DependencyWeights::default();
    let w = &mut a.dependency_weights;
    egui::Grid::new("weights")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (label, value, default) in [
                ("Chip design", &mut w.chip_design, dw.chip_design),
                ("Chip fabrication", &mut w.chip_fab, dw.chip_fab),
                ("Memory (HBM)", &mut w.memory, dw.memory),
                ("Compute hosting", &mut w.hosting, dw.hosting),
                ("Base model", &mut w.model, dw.model),
                ("Talent", &mut w.talent, dw.talent),
                ("Energy", &mut w.energy, dw.energy),
            ] {
                ui.label(label);
                number_ui(ui, ("weight", label), value, 0.0..=100.0, "", 0.1);
                reset_button(ui, value, &default, None);
                ui.label("");
                ui.end_row();
            }
        });
}

/// The workloads-and-assumptions view.
pub fn workloads_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Workloads");
        ui.label("What the consortium wants to run on the shared base model. Each is computed as if it had the whole pool.");
        let mut remove = None;
        let figures = cx.doc.report.workloads.clone();
        for (i, w) in cx.doc.plan.workloads.iter_mut().enumerate() {
            if workload_ui(ui, i, w, figures.get(i)) {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            cx.doc.checkpoint();
            cx.doc.plan.workloads.remove(i);
        }
        if ui.button("+ Add workload").clicked() {
            cx.doc.checkpoint();
            cx.doc.plan.workloads.push(Workload { name: "New workload".into(), kind: WorkloadKind::ContinuedPretraining { tokens: 100e9 }, target_days: Some(60.0), members: Vec::new() });
        }
        ui.add_space(12.0);
        ui.heading("Assumptions");
        ui.label("Hover a name or (?) for the evidence behind its default.");
        assumptions_ui(ui, &mut cx.doc.plan.assumptions);
        ui.add_space(12.0);
        super::custom::custom_entries_ui(ui, cx);
        ui.add_space(12.0);
        ui.heading("Plan");
        ui.horizontal(|ui| {
            ui.label("Name");
            ui.add(egui::TextEdit::singleline(&mut cx.doc.plan.name).desired_width(400.0))
                .accessible_name("Plan name");
        });
        ui.label("Description");
        ui.add(egui::TextEdit::multiline(&mut cx.doc.plan.description).desired_width(f32::INFINITY).desired_rows(3))
            .accessible_name("Plan description");
    });
}
