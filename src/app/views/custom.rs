//! Accelerators and models the catalog lacks, defined in the plan (they travel inside the file).

use egui::{RichText, Ui};

use super::ViewCtx;
use super::contributions::country_combo;
use crate::app::Command;
use crate::app::personal::Personal;
use crate::app::theme::{self, Status};
use crate::app::widgets::number_ui;
use crate::catalog::{Accelerator, Catalog, OpenModel};
use crate::file::{PersonalCatalog, PersonalEntry};

fn optional_number(
    ui: &mut Ui,
    id: (&str, usize),
    label: &str,
    value: &mut Option<f64>,
    max: f64,
    unit: &str,
) {
    ui.label(label);
    let mut known = value.is_some();
    ui.horizontal(|ui| {
        if ui
            .checkbox(&mut known, "")
            .on_hover_text("Untick when the figure is not published")
            .changed()
        {
            *value = if known { Some(0.0) } else { None };
        }
        if let Some(v) = value {
            number_ui(ui, id, v, 0.0..=max, unit, 1.0);
        } else {
            ui.label(RichText::new("unknown").weak());
        }
    });
    ui.end_row();
}

fn accelerator_ui(ui: &mut Ui, i: usize, a: &mut Accelerator, catalog: &Catalog) -> bool {
    let mut remove = false;
    egui::CollapsingHeader::new(format!("{} ({})", a.name, a.id))
        .id_salt(("custom-acc", i))
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new(("custom-acc-grid", i))
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let label = ui.label("Id (used in chip lines)");
                    ui.text_edit_singleline(&mut a.id).labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Name");
                    ui.text_edit_singleline(&mut a.name).labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Vendor");
                    ui.text_edit_singleline(&mut a.vendor).labelled_by(label.id);
                    ui.end_row();
                    ui.label("Vendor's country");
                    country_combo(
                        ui,
                        ("custom-acc-vendor", i),
                        &mut a.vendor_country,
                        catalog,
                        "Vendor's country",
                    );
                    ui.end_row();
                    optional_number(
                        ui,
                        ("bf16", i),
                        "Dense BF16 peak",
                        &mut a.bf16_tflops,
                        1e6,
                        "TFLOP/s",
                    );
                    optional_number(
                        ui,
                        ("fp8", i),
                        "Dense FP8 peak",
                        &mut a.fp8_tflops,
                        1e6,
                        "TFLOP/s",
                    );
                    optional_number(ui, ("mem", i), "Memory", &mut a.memory_gb, 1e5, "GB");
                    optional_number(
                        ui,
                        ("bw", i),
                        "Memory bandwidth",
                        &mut a.memory_bandwidth_tbs,
                        1e5,
                        "TB/s",
                    );
                    optional_number(ui, ("tdp", i), "TDP", &mut a.tdp_w, 1e6, "W");
                    let label = ui.label("Source");
                    ui.text_edit_singleline(&mut a.source).labelled_by(label.id);
                    ui.end_row();
                });
            remove = ui.button("Remove this accelerator").clicked();
        });
    remove
}

fn model_ui(ui: &mut Ui, i: usize, m: &mut OpenModel, catalog: &Catalog) -> bool {
    let mut remove = false;
    egui::CollapsingHeader::new(format!("{} ({})", m.name, m.id))
        .id_salt(("custom-model", i))
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new(("custom-model-grid", i))
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let label = ui.label("Id (used as base model)");
                    ui.text_edit_singleline(&mut m.id).labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Name");
                    ui.text_edit_singleline(&mut m.name).labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Developer");
                    ui.text_edit_singleline(&mut m.developer)
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label("Developer's country");
                    country_combo(
                        ui,
                        ("custom-model-dev", i),
                        &mut m.developer_country,
                        catalog,
                        "Developer\'s country",
                    );
                    ui.end_row();
                    ui.label("Total parameters");
                    number_ui(
                        ui,
                        ("total", i),
                        &mut m.total_params_b,
                        0.001..=100_000.0,
                        "B",
                        0.1,
                    );
                    ui.end_row();
                    ui.label("Active parameters");
                    let max = m.total_params_b;
                    number_ui(
                        ui,
                        ("active", i),
                        &mut m.active_params_b,
                        0.001..=max,
                        "B",
                        0.1,
                    );
                    ui.end_row();
                    optional_number(
                        ui,
                        ("kv", i),
                        "KV bytes per token (16-bit)",
                        &mut m.kv_bytes_per_token_bf16,
                        1e9,
                        "B",
                    );
                    let label = ui.label("Licence");
                    ui.text_edit_singleline(&mut m.licence.name)
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Source");
                    ui.text_edit_singleline(&mut m.source).labelled_by(label.id);
                    ui.end_row();
                });
            remove = ui.button("Remove this model").clicked();
        });
    remove
}

/// Editors for the plan's own accelerators and models, and the personal catalog beside them.
pub fn custom_entries_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let catalog = cx.catalog;
    ui.heading("Custom accelerators and models");
    ui.label("For hardware or models the catalog lacks. They are saved inside the plan file.");
    let mut remove = None;
    for (i, a) in cx.doc.plan.custom_accelerators.iter_mut().enumerate() {
        if accelerator_ui(ui, i, a, catalog) {
            remove = Some(i);
        }
        keep_button(
            ui,
            cx.commands,
            PersonalEntry::Accelerator(a.clone()),
            cx.personal,
        );
    }
    if let Some(i) = remove {
        cx.doc.checkpoint();
        cx.doc.plan.custom_accelerators.remove(i);
    }
    if ui.button("+ Define an accelerator").clicked() {
        cx.doc.checkpoint();
        let n = cx.doc.plan.custom_accelerators.len() + 1;
        cx.doc.plan.custom_accelerators.push(Accelerator {
            price_confidence: None,
            id: format!("custom_accelerator_{n}"),
            name: format!("Custom accelerator {n}"),
            vendor: String::new(),
            vendor_country: "US".into(),
            fab: None,
            fab_countries: Vec::new(),
            memory_supplier_countries: Vec::new(),
            bf16_tflops: Some(0.0),
            fp8_tflops: None,
            memory_gb: Some(0.0),
            memory_bandwidth_tbs: Some(0.0),
            tdp_w: Some(0.0),
            power_scope: Default::default(),
            liquid_cooled: false,
            launch_year: None,
            price: Default::default(),
            confidence: Default::default(),
            source: String::new(),
            notes: String::new(),
        });
    }
    ui.add_space(8.0);
    let mut remove = None;
    for (i, m) in cx.doc.plan.custom_models.iter_mut().enumerate() {
        if model_ui(ui, i, m, catalog) {
            remove = Some(i);
        }
        keep_button(
            ui,
            cx.commands,
            PersonalEntry::Model(m.clone()),
            cx.personal,
        );
    }
    if let Some(i) = remove {
        cx.doc.checkpoint();
        cx.doc.plan.custom_models.remove(i);
    }
    if ui.button("+ Define a model").clicked() {
        cx.doc.checkpoint();
        let n = cx.doc.plan.custom_models.len() + 1;
        cx.doc.plan.custom_models.push(OpenModel {
            id: format!("custom_model_{n}"),
            name: format!("Custom model {n}"),
            developer: String::new(),
            developer_country: "US".into(),
            total_params_b: 8.0,
            active_params_b: 8.0,
            training_tokens_t: None,
            context_k_tokens: None,
            languages: Vec::new(),
            languages_note: String::new(),
            pretraining_languages: Vec::new(),
            languages_source: String::new(),
            kv_bytes_per_token_bf16: None,
            licence: Default::default(),
            release: String::new(),
            confidence: Default::default(),
            source: String::new(),
            notes: String::new(),
            derived_from: None,
        });
    }
    ui.add_space(12.0);
    personal_catalog_ui(ui, cx);
}

/// "Keep in my catalog" under a plan's own entry (or "Update in my catalog" when the catalog
/// holds a different version of it).
fn keep_button(
    ui: &mut Ui,
    commands: &mut Vec<Command>,
    entry: PersonalEntry,
    personal: &Personal,
) {
    if personal.path.is_none() {
        return;
    }
    let kept = match &entry {
        PersonalEntry::Accelerator(a) => personal
            .entries
            .custom_accelerators
            .iter()
            .find(|x| x.id == a.id)
            .map(|x| x == a),
        PersonalEntry::Model(m) => personal
            .entries
            .custom_models
            .iter()
            .find(|x| x.id == m.id)
            .map(|x| x == m),
    };
    let label = match kept {
        Some(true) => {
            ui.label(RichText::new("Kept in my catalog").weak());
            return;
        }
        Some(false) => "Update in my catalog",
        None => "Keep in my catalog",
    };
    if ui
        .button(label)
        .on_hover_text("Save a copy to your personal catalog, to use it in any plan")
        .clicked()
    {
        commands.push(Command::KeepInMyCatalog(entry));
    }
}

/// The personal catalog: its file, its entries, and a button to copy each into this plan.
fn personal_catalog_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.heading("My catalog");
    let personal = cx.personal;
    let Some(path) = &personal.path else {
        ui.label("No data folder on this system, so there is no personal catalog.");
        return;
    };
    ui.label(format!(
        "Accelerators and models you keep here can be used in any plan. Using one copies it into \
         the plan, so the plan opens the same on every machine. The file is {}; edit it by hand \
         if you like and check it with `consortium-planner catalog check FILE`.",
        path.display()
    ));
    if let Some(problem) = &personal.problem {
        ui.label(
            RichText::new(format!("The file could not be read:\n{problem}"))
                .color(theme::status_color(ui.visuals(), Status::Bad)),
        );
        return;
    }
    if personal.entries.is_empty() {
        ui.label(RichText::new("Empty: use “Keep in my catalog” on an entry above.").weak());
        return;
    }
    let entries = personal
        .entries
        .custom_accelerators
        .iter()
        .map(|a| {
            (
                format!("Accelerator · {} ({})", a.name, a.id),
                PersonalEntry::Accelerator(a.clone()),
            )
        })
        .chain(personal.entries.custom_models.iter().map(|m| {
            (
                format!("Model · {} ({})", m.name, m.id),
                PersonalEntry::Model(m.clone()),
            )
        }));
    egui::Grid::new("personal-catalog")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (label, entry) in entries {
                ui.label(label);
                let in_plan = match &entry {
                    PersonalEntry::Accelerator(a) => {
                        cx.doc.plan.custom_accelerators.iter().any(|x| x == a)
                    }
                    PersonalEntry::Model(m) => cx.doc.plan.custom_models.iter().any(|x| x == m),
                };
                if in_plan {
                    ui.label(RichText::new("In this plan").weak());
                } else if ui
                    .button("Use in this plan")
                    .on_hover_text("Copy it into this plan's own entries (one undo step)")
                    .clicked()
                {
                    cx.doc.checkpoint();
                    PersonalCatalog::copy_into(&entry, &mut cx.doc.plan);
                }
                if ui.button("Remove from my catalog").clicked() {
                    cx.commands.push(Command::ForgetFromMyCatalog(entry));
                }
                ui.end_row();
            }
        });
}
