//! The shared base model: a sortable, filterable catalog table and a details panel with the licence
//! findings for this consortium and whether the model fits each workload.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use crate::analysis::workload_fits;
use crate::app::theme::{self, Status};
use crate::catalog::{OpenModel, Openness};

/// Columns the model table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ModelSort {
    /// Name.
    #[default]
    Name,
    /// Total parameters.
    Params,
    /// Active parameters.
    Active,
    /// Licence name.
    Licence,
    /// Developer country.
    Country,
    /// Number of officially supported languages.
    Languages,
    /// How many workloads fit.
    Fits,
}

/// One row of the model table.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelRow {
    /// Model id.
    pub id: String,
    /// Whether each workload fits with this model.
    pub fits: Vec<bool>,
}

fn openness(o: Openness) -> &'static str {
    match o {
        Openness::Yes => "yes",
        Openness::Partial => "partly",
        Openness::No => "no",
        Openness::Unverified => "?",
    }
}

fn all_models<'a>(cx: &'a ViewCtx) -> Vec<&'a OpenModel> {
    cx.doc
        .plan
        .custom_models
        .iter()
        .chain(&cx.catalog.models)
        .collect()
}

fn rows(cx: &mut ViewCtx) -> Vec<ModelRow> {
    let generation = cx.doc.generation;
    if let Some((g, rows)) = &cx.state.model_rows
        && *g == generation
    {
        return rows.clone();
    }
    let rows: Vec<ModelRow> = all_models(cx)
        .into_iter()
        .map(|m| ModelRow {
            id: m.id.clone(),
            fits: workload_fits(&cx.doc.plan, cx.catalog, m, &cx.doc.report),
        })
        .collect();
    cx.state.model_rows = Some((generation, rows.clone()));
    rows
}

fn sort_button(ui: &mut Ui, label: &str, column: ModelSort, sort: &mut (ModelSort, bool)) {
    let arrow = if sort.0 == column {
        if sort.1 { " (desc)" } else { " (asc)" }
    } else {
        ""
    };
    if ui
        .button(RichText::new(format!("{label}{arrow}")).strong())
        .on_hover_text("Sort by this column")
        .clicked()
    {
        *sort = if sort.0 == column {
            (column, !sort.1)
        } else {
            (column, false)
        };
    }
}

fn table_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let rows = rows(cx);
    let filter = cx.state.model_filter.to_lowercase();
    let models = all_models(cx);
    let mut shown: Vec<(&OpenModel, &ModelRow)> = models
        .iter()
        .zip(&rows)
        .filter(|(m, _)| {
            filter.is_empty()
                || m.name.to_lowercase().contains(&filter)
                || m.developer.to_lowercase().contains(&filter)
                || m.licence.name.to_lowercase().contains(&filter)
                || m.developer_country.to_lowercase() == filter
        })
        .map(|(m, r)| (*m, r))
        .collect();
    let (column, descending) = cx.state.model_sort;
    shown.sort_by(|(a, ra), (b, rb)| {
        let o = match column {
            ModelSort::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            ModelSort::Params => a.total_params_b.total_cmp(&b.total_params_b),
            ModelSort::Active => a.active_params_b.total_cmp(&b.active_params_b),
            ModelSort::Licence => a.licence.name.cmp(&b.licence.name),
            ModelSort::Country => a.developer_country.cmp(&b.developer_country),
            ModelSort::Languages => a.languages.len().cmp(&b.languages.len()),
            ModelSort::Fits => ra
                .fits
                .iter()
                .filter(|f| **f)
                .count()
                .cmp(&rb.fits.iter().filter(|f| **f).count()),
        };
        if descending { o.reverse() } else { o }
    });
    let base = cx.doc.plan.base_model.clone();
    let mut sort = cx.state.model_sort;
    let mut select = None;
    let mut use_model = None;
    let visuals = ui.visuals().clone();
    TableBuilder::new(ui)
        .id_salt("models")
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(190.0).at_least(120.0).clip(true))
        .column(Column::initial(78.0).at_least(60.0))
        .column(Column::initial(62.0).at_least(50.0))
        .column(Column::initial(150.0).at_least(80.0).clip(true))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(84.0).at_least(60.0))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::initial(60.0).at_least(50.0))
        .column(Column::remainder().at_least(50.0))
        .header(theme::ROW_HEIGHT + 4.0, |mut h| {
            h.col(|ui| sort_button(ui, "Model", ModelSort::Name, &mut sort));
            h.col(|ui| sort_button(ui, "Params", ModelSort::Params, &mut sort));
            h.col(|ui| sort_button(ui, "Active", ModelSort::Active, &mut sort));
            h.col(|ui| sort_button(ui, "Licence", ModelSort::Licence, &mut sort));
            h.col(|ui| sort_button(ui, "Developer", ModelSort::Country, &mut sort));
            h.col(|ui| sort_button(ui, "Languages", ModelSort::Languages, &mut sort));
            h.col(|ui| {
                ui.strong("Data / code");
            });
            h.col(|ui| sort_button(ui, "Fits", ModelSort::Fits, &mut sort));
            h.col(|ui| {
                ui.strong("");
            });
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT + 2.0, shown.len(), |mut row| {
                let (m, r) = shown[row.index()];
                let is_base = m.id == base;
                row.col(|ui| {
                    let label = if is_base {
                        format!("* {}", m.name)
                    } else {
                        m.name.clone()
                    };
                    if ui
                        .add(egui::Button::selectable(
                            cx.state.model_selected.as_deref() == Some(m.id.as_str()),
                            label,
                        ))
                        .clicked()
                    {
                        select = Some(m.id.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(format!("{} B", m.total_params_b));
                });
                row.col(|ui| {
                    ui.label(if m.is_mixture_of_experts() {
                        format!("{} B", m.active_params_b)
                    } else {
                        "dense".into()
                    });
                });
                row.col(|ui| {
                    let osi = match m.licence.osi_approved {
                        Some(true) => " (OSI)",
                        Some(false) => "",
                        None => " (?)",
                    };
                    ui.label(format!("{}{osi}", m.licence.name));
                });
                row.col(|ui| {
                    ui.label(format!("{} {}", m.developer_country, m.developer))
                        .on_hover_text(cx.catalog.country_name(&m.developer_country));
                });
                row.col(|ui| {
                    let n = m.languages.len();
                    ui.label(if n == 0 {
                        "see note".to_string()
                    } else {
                        n.to_string()
                    })
                    .on_hover_text(format!(
                        "{} {}",
                        m.languages.join(", "),
                        m.languages_note
                    ));
                });
                row.col(|ui| {
                    ui.label(format!(
                        "{} / {}",
                        openness(m.licence.open_data),
                        openness(m.licence.open_code)
                    ));
                });
                row.col(|ui| {
                    let fits = r.fits.iter().filter(|f| **f).count();
                    let status = if r.fits.is_empty() {
                        Status::Neutral
                    } else if fits == r.fits.len() {
                        Status::Good
                    } else {
                        Status::Bad
                    };
                    ui.label(
                        RichText::new(format!("{fits} of {}", r.fits.len()))
                            .color(theme::status_color(&visuals, status)),
                    )
                    .on_hover_text("Workloads that fit the pooled hardware with this model");
                });
                row.col(|ui| {
                    if is_base {
                        ui.label("in use");
                    } else if ui
                        .small_button("Use")
                        .on_hover_text(format!("Make {} the shared base model", m.name))
                        .clicked()
                    {
                        use_model = Some(m.id.clone());
                    }
                });
            });
        });
    cx.state.model_sort = sort;
    if let Some(id) = select {
        cx.state.model_selected = Some(id);
    }
    if let Some(id) = use_model {
        cx.doc.checkpoint();
        cx.doc.plan.base_model = id.clone();
        cx.state.model_selected = Some(id);
    }
}

fn details_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let id = cx
        .state
        .model_selected
        .clone()
        .unwrap_or_else(|| cx.doc.plan.base_model.clone());
    let Some(m) = cx.doc.plan.model(cx.catalog, &id).cloned() else {
        ui.heading("Unknown model");
        ui.label(format!(
            "The plan names {id:?}, which is not in the catalog."
        ));
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("model-details")
        .show(ui, |ui| {
            ui.heading(&m.name);
            ui.label(format!(
                "{} ({}) · released {}",
                m.developer,
                cx.catalog.country_name(&m.developer_country),
                m.release
            ));
            ui.label(format!(
                "{} B parameters{} · {} tokens · context {}",
                m.total_params_b,
                if m.is_mixture_of_experts() {
                    format!(", {} B active", m.active_params_b)
                } else {
                    String::new()
                },
                m.training_tokens_t
                    .map_or("undisclosed".into(), |t| format!("{t} T")),
                m.context_k_tokens.map_or("?".into(), |k| format!("{k}k"))
            ));
            ui.label(format!(
                "Languages: {} {}",
                m.languages.join(", "),
                m.languages_note
            ));
            ui.add_space(6.0);
            ui.label(RichText::new(format!("Licence: {}", m.licence.name)).strong());
            if let Some(duty) = &m.licence.attribution_duty {
                ui.label(format!("Duty: {duty}"));
            }
            if let Some(t) = m.licence.mau_threshold_millions {
                ui.label(format!("User threshold: {t} million monthly active users"));
            }
            if m.licence.eu_multimodal_excluded {
                ui.label("Multimodal rights not granted to EU-based licensees.");
            }
            ui.label(
                RichText::new(format!(
                    "Source: {} · licence: {}",
                    m.source, m.licence.source
                ))
                .small(),
            );
            if !m.notes.is_empty() {
                ui.label(RichText::new(&m.notes).small().weak());
            }
            ui.add_space(8.0);
            let is_base = m.id == cx.doc.plan.base_model;
            if is_base {
                ui.label(RichText::new("Findings for this consortium").strong());
                for f in &cx.doc.report.findings {
                    let status = match f.severity {
                        crate::analysis::Severity::Blocker => Status::Bad,
                        crate::analysis::Severity::Caution => Status::Warn,
                        crate::analysis::Severity::Info => Status::Neutral,
                    };
                    ui.label(
                        RichText::new(format!(
                            "[{}] {}: {}",
                            f.severity.label(),
                            f.title,
                            f.detail
                        ))
                        .color(theme::status_color(ui.visuals(), status)),
                    );
                }
            } else if ui
                .button(format!("Use {} as the base model", m.name))
                .clicked()
            {
                cx.doc.checkpoint();
                cx.doc.plan.base_model = m.id.clone();
            }
            ui.add_space(8.0);
            ui.label(RichText::new("Fit with the pooled hardware").strong());
            let fits = workload_fits(&cx.doc.plan, cx.catalog, &m, &cx.doc.report);
            for (w, fit) in cx.doc.plan.workloads.iter().zip(fits) {
                let status = if fit { Status::Good } else { Status::Bad };
                ui.label(
                    RichText::new(format!(
                        "{} {} ({})",
                        if fit { "fits:" } else { "does not fit:" },
                        w.name,
                        w.kind.label()
                    ))
                    .color(theme::status_color(ui.visuals(), status)),
                );
            }
        });
}

/// The base-model view.
pub fn model_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::Panel::right("model-details-panel")
        .resizable(true)
        .default_size(360.0)
        .min_size(260.0)
        .show(ui, |ui| details_ui(ui, cx));
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label("Filter:");
            ui.add(
                egui::TextEdit::singleline(&mut cx.state.model_filter)
                    .hint_text("name, developer, licence or country code")
                    .desired_width(260.0),
            );
            let base = cx.doc.report.model.as_ref().map_or_else(
                || format!("unknown ({})", cx.doc.plan.base_model),
                |m| m.name.clone(),
            );
            ui.label(format!("Base model: {base}"));
        });
        table_ui(ui, cx);
    });
}
