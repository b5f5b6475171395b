//! The shared base model: a sortable, filterable catalog table and a details panel with the licence
//! findings for this consortium and whether the model fits each workload.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use crate::analysis::languages::coverage_with;
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
    /// Licence name.
    Licence,
    /// Developer country.
    Country,
    /// Number of officially supported languages.
    Languages,
    /// Population-weighted language coverage for this consortium.
    Coverage,
    /// How many workloads fit.
    Fits,
}

/// One row of the model table, with its cells already formatted (rebuilt only when the analysis
/// changes, so a frame draws without formatting or analysing anything).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelRow {
    /// Model id.
    pub id: String,
    /// Whether each workload fits with this model.
    pub fits: Vec<bool>,
    /// Language coverage for this consortium (0 to 1), when the model lists its languages.
    pub coverage: Option<f64>,
    coverage_text: String,
    /// Lower-case text the filter searches (name, developer, licence).
    search: String,
    /// Name cell ("* " marks the base model).
    name: String,
    params: String,
    licence: String,
    developer: String,
    languages: String,
    fits_text: String,
    fits_status: Status,
}

/// The model table's rows and display order, cached per analysis generation, sort and filter.
#[derive(Debug, Clone, Default)]
pub struct ModelTable {
    generation: Option<u64>,
    rows: Vec<ModelRow>,
    order_for: Option<((ModelSort, bool), String)>,
    order: Vec<usize>,
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

fn row_of(m: &OpenModel, fits: Vec<bool>, coverage: Option<f64>, base: &str) -> ModelRow {
    let osi = match m.licence.osi_approved {
        Some(true) => " (OSI)",
        Some(false) => "",
        None => " (?)",
    };
    let n_fit = fits.iter().filter(|f| **f).count();
    let fits_status = if fits.is_empty() {
        Status::Neutral
    } else if n_fit == fits.len() {
        Status::Good
    } else {
        Status::Bad
    };
    ModelRow {
        id: m.id.clone(),
        search: format!("{}\n{}\n{}", m.name, m.developer, m.licence.name).to_lowercase(),
        name: if m.id == base {
            format!("* {}", m.name)
        } else {
            m.name.clone()
        },
        params: if m.is_mixture_of_experts() {
            format!("{} B ({} B active)", m.total_params_b, m.active_params_b)
        } else {
            format!("{} B dense", m.total_params_b)
        },
        licence: format!("{}{osi}", m.licence.name),
        developer: format!("{} {}", m.developer_country, m.developer),
        languages: match m.languages.len() {
            0 => "see note".to_string(),
            n => n.to_string(),
        },
        fits_text: format!("{n_fit} of {}", fits.len()),
        coverage,
        coverage_text: match coverage {
            Some(c) => format!("{:.0} %", c * 100.0),
            None if m.languages.is_empty() => "not listed".to_string(),
            None => "unknown".to_string(),
        },
        fits_status,
        fits,
    }
}

/// Brings the cached rows and order up to date with the analysis, the sort and the filter.
fn refresh_table(cx: &mut ViewCtx) {
    let generation = cx.doc.generation;
    let mut table = std::mem::take(&mut cx.state.model_table);
    if table.generation != Some(generation) {
        let base = cx.doc.plan.base_model.clone();
        table.rows = all_models(cx)
            .into_iter()
            .map(|m| {
                let fits = workload_fits(&cx.doc.plan, cx.catalog, m, &cx.doc.report);
                let coverage = coverage_with(&cx.doc.plan, cx.catalog, m);
                row_of(m, fits, coverage, &base)
            })
            .collect();
        table.generation = Some(generation);
        table.order_for = None;
    }
    let key = (cx.state.model_sort, cx.state.model_filter.to_lowercase());
    if table.order_for.as_ref() != Some(&key) {
        let models = all_models(cx);
        let filter = &key.1;
        let mut order: Vec<usize> = (0..table.rows.len())
            .filter(|&i| {
                filter.is_empty()
                    || table.rows[i].search.contains(filter.as_str())
                    || models[i].developer_country.to_lowercase() == *filter
            })
            .collect();
        let (column, descending) = key.0;
        let rows = &table.rows;
        order.sort_by(|&i, &j| {
            let (a, b) = (models[i], models[j]);
            let count = |r: &ModelRow| r.fits.iter().filter(|f| **f).count();
            let o = match column {
                ModelSort::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                ModelSort::Params => a.total_params_b.total_cmp(&b.total_params_b),
                ModelSort::Licence => a.licence.name.cmp(&b.licence.name),
                ModelSort::Country => a.developer_country.cmp(&b.developer_country),
                ModelSort::Languages => a.languages.len().cmp(&b.languages.len()),
                ModelSort::Fits => count(&rows[i]).cmp(&count(&rows[j])),
                ModelSort::Coverage => rows[i]
                    .coverage
                    .unwrap_or(-1.0)
                    .total_cmp(&rows[j].coverage.unwrap_or(-1.0)),
            };
            if descending { o.reverse() } else { o }
        });
        table.order = order;
        table.order_for = Some(key);
    }
    cx.state.model_table = table;
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
    let table = std::mem::take(&mut cx.state.model_table);
    let models = all_models(cx);
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
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .column(Column::initial(130.0).at_least(70.0).clip(true))
        .column(Column::initial(170.0).at_least(80.0).clip(true))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(84.0).at_least(60.0))
        .column(Column::initial(84.0).at_least(60.0))
        .column(Column::remainder().at_least(60.0))
        .header(theme::ROW_HEIGHT + 4.0, |mut h| {
            h.col(|ui| sort_button(ui, "Model", ModelSort::Name, &mut sort));
            h.col(|ui| sort_button(ui, "Params", ModelSort::Params, &mut sort));
            h.col(|ui| sort_button(ui, "Licence", ModelSort::Licence, &mut sort));
            h.col(|ui| sort_button(ui, "Developer", ModelSort::Country, &mut sort));
            h.col(|ui| sort_button(ui, "Languages", ModelSort::Languages, &mut sort));
            h.col(|ui| sort_button(ui, "Coverage", ModelSort::Coverage, &mut sort));
            h.col(|ui| sort_button(ui, "Fits", ModelSort::Fits, &mut sort));
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT + 2.0, table.order.len(), |mut row| {
                let i = table.order[row.index()];
                let (m, r) = (models[i], &table.rows[i]);
                let is_base = m.id == base;
                row.col(|ui| {
                    let response = ui
                        .add(egui::Button::selectable(
                            cx.state.model_selected.as_deref() == Some(m.id.as_str()),
                            r.name.as_str(),
                        ))
                        .on_hover_text("Click for details; double-click to use as the base model");
                    if response.double_clicked() && !is_base {
                        use_model = Some(m.id.clone());
                    } else if response.clicked() {
                        select = Some(m.id.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(r.params.as_str());
                });
                row.col(|ui| {
                    ui.label(r.licence.as_str());
                });
                row.col(|ui| {
                    ui.label(r.developer.as_str()).on_hover_ui(|ui| {
                        ui.label(cx.catalog.country_name(&m.developer_country));
                    });
                });
                row.col(|ui| {
                    ui.label(r.languages.as_str()).on_hover_ui(|ui| {
                        ui.label(format!("{} {}", m.languages.join(", "), m.languages_note));
                    });
                });
                row.col(|ui| {
                    ui.label(r.coverage_text.as_str()).on_hover_text(
                        "Share of the consortium's people whose first language this model officially supports",
                    );
                });
                row.col(|ui| {
                    ui.label(
                        RichText::new(r.fits_text.as_str())
                            .color(theme::status_color(&visuals, r.fits_status)),
                    )
                    .on_hover_text("Workloads that fit the pooled hardware with this model");
                });
            });
        });
    cx.state.model_table = table;
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
    // Catalog models are borrowed for the whole run; only a plan-defined model is copied.
    let m: std::borrow::Cow<'static, OpenModel> = match cx.catalog.model(&id) {
        Some(m) if !cx.doc.plan.custom_models.iter().any(|c| c.id == id) => {
            std::borrow::Cow::Borrowed(m)
        }
        _ => match cx.doc.plan.model(cx.catalog, &id) {
            Some(m) => std::borrow::Cow::Owned(m.clone()),
            None => {
                ui.heading("Unknown model");
                ui.label(format!(
                    "The plan names {id:?}, which is not in the catalog."
                ));
                return;
            }
        },
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
            ui.label(format!(
                "Training data released: {} · training code released: {}",
                openness(m.licence.open_data),
                openness(m.licence.open_code)
            ));
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
            let fits = cx
                .state
                .model_table
                .rows
                .iter()
                .find(|r| r.id == m.id)
                .map(|r| r.fits.clone())
                .unwrap_or_default();
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
    refresh_table(cx);
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
