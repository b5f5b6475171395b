//! The shared base model: a sortable, filterable catalog table and a details panel with the licence
//! findings for this consortium and whether the model fits each workload.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::analysis::languages::coverage_with;
use crate::analysis::workload_fits;
use crate::app::theme::{self, Status};
use crate::catalog::{ModelQuery, OpenModel, Openness};
use crate::numbers::{readable, with_unit};

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
    /// Why no row matches the filter ("" while some row does).
    no_match: String,
}

impl ModelTable {
    /// The rows the table shows, in its order: each model's id and its coverage cell ("62 %",
    /// "not listed").
    pub fn shown(&self) -> impl Iterator<Item = (&str, &str)> {
        self.order.iter().filter_map(|&i| {
            self.rows
                .get(i)
                .map(|r| (r.id.as_str(), r.coverage_text.as_str()))
        })
    }
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
        name: if m.id == base {
            format!("* {}", m.name)
        } else {
            m.name.clone()
        },
        params: if m.is_mixture_of_experts() {
            format!(
                "{} ({} active)",
                with_unit(m.total_params_b, "B"),
                with_unit(m.active_params_b, "B")
            )
        } else {
            format!("{} dense", with_unit(m.total_params_b, "B"))
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
        let query = ModelQuery::new(cx.catalog, &key.1);
        let mut order: Vec<usize> = (0..table.rows.len())
            .filter(|&i| query.matches(cx.catalog, models[i]))
            .collect();
        table.no_match = if order.is_empty() {
            no_match_text(cx, &query, key.1.trim())
        } else {
            String::new()
        };
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
                // Models whose coverage is not known come last whichever the direction.
                ModelSort::Coverage => match (rows[i].coverage, rows[j].coverage) {
                    (Some(a), Some(b)) => a.total_cmp(&b),
                    (Some(_), None) => return std::cmp::Ordering::Less,
                    (None, Some(_)) => return std::cmp::Ordering::Greater,
                    (None, None) => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                },
            };
            if descending { o.reverse() } else { o }
        });
        table.order = order;
        table.order_for = Some(key);
    }
    cx.state.model_table = table;
}

/// Why a filter finds no model: the languages it names that no model supports, or what it was
/// matched against.
fn no_match_text(cx: &ViewCtx, query: &ModelQuery, text: &str) -> String {
    let languages: Vec<String> = query
        .languages(cx.catalog)
        .iter()
        .take(3)
        .map(|l| format!("{} ({})", l.name, l.code))
        .collect();
    if languages.is_empty() {
        format!(
            "No model matches “{text}”: the filter looks in model names, developers, licences, \
             developer country codes and the names and codes of the languages models support."
        )
    } else {
        format!(
            "No model in the catalog officially supports {}. Languages only in a model's \
             pretraining data do not count; the Languages view shows the gap and what adapting \
             a model would take.",
            languages.join(" or ")
        )
    }
}

/// Whether a column sorts largest first on its first click: the columns where more is better.
fn descending_first(column: ModelSort) -> bool {
    matches!(
        column,
        ModelSort::Languages | ModelSort::Coverage | ModelSort::Fits
    )
}

/// Column widths at their design size; the table scales them to the width it gets.
const COLUMN_WIDTHS: [f32; 7] = [200.0, 130.0, 170.0, 150.0, 84.0, 84.0, 90.0];

/// Headers and the column each sorts by.
const COLUMNS: [(&str, ModelSort); 7] = [
    ("Model", ModelSort::Name),
    ("Params", ModelSort::Params),
    ("Licence", ModelSort::Licence),
    ("Developer", ModelSort::Country),
    ("Languages", ModelSort::Languages),
    ("Coverage", ModelSort::Coverage),
    ("Fits", ModelSort::Fits),
];

/// Each column's width for a table `width` points wide: the design widths scaled to fill it.
fn column_widths(width: f32) -> [f32; 7] {
    let design: f32 = COLUMN_WIDTHS.iter().sum();
    let scale = (width / design).max(0.5);
    COLUMN_WIDTHS.map(|w| w * scale)
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
            (column, descending_first(column))
        };
    }
}

/// What a row tells on hover: every cell in full (cells clip) and what the figures mean.
fn row_tooltip(ui: &mut Ui, cx: &ViewCtx, m: &OpenModel, r: &ModelRow) {
    ui.strong(&m.name);
    ui.label(format!(
        "{} · {} ({})",
        r.params,
        m.developer,
        cx.catalog.country_name(&m.developer_country)
    ));
    ui.label(format!("Licence: {}", r.licence));
    ui.label(if m.languages.is_empty() {
        format!("Languages: {}", m.languages_note)
    } else {
        // A long list (Qwen3 has 109 codes) would make the tooltip taller than the screen; the
        // details panel has it in full.
        const SHOWN: usize = 24;
        let more = m.languages.len().saturating_sub(SHOWN);
        let shown = m.languages[..m.languages.len().min(SHOWN)].join(", ");
        if more > 0 {
            format!(
                "Languages ({}): {shown} and {more} more (all in the details panel)",
                m.languages.len()
            )
        } else {
            format!(
                "Languages ({}): {shown} {}",
                m.languages.len(),
                m.languages_note
            )
        }
    });
    ui.label(format!(
        "Coverage {}: share of the consortium's people who speak a language this model officially \
         supports (their first language where censuses give it, else speaker shares)",
        r.coverage_text
    ));
    ui.label(format!(
        "Fits {}: workloads that fit the pooled hardware with this model",
        r.fits_text
    ));
    ui.weak("Click for details; double-click to use as the base model");
}

/// The model table: a header of sort buttons, then one widget per row whose cells are painted
/// text. (A widget per cell cost more than the rest of the frame at 39 models.)
fn table_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let table = std::mem::take(&mut cx.state.model_table);
    let models = all_models(cx);
    let base = cx.doc.plan.base_model.clone();
    let mut sort = cx.state.model_sort;
    let mut select = None;
    let mut use_model = None;
    let widths = column_widths(ui.available_width());
    let row_height = theme::ROW_HEIGHT + 2.0;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for ((label, column), width) in COLUMNS.into_iter().zip(widths) {
            ui.allocate_ui_with_layout(
                egui::vec2(width, theme::ROW_HEIGHT + 4.0),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(width);
                    sort_button(ui, label, column, &mut sort);
                },
            );
        }
    });
    let visuals = ui.visuals().clone();
    let font = egui::TextStyle::Body.resolve(ui.style());
    egui::ScrollArea::vertical()
        .id_salt("models")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, table.order.len(), |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for n in range {
                let i = table.order[n];
                let (m, r) = (models[i], &table.rows[i]);
                let selected = cx.state.model_selected.as_deref() == Some(m.id.as_str());
                let (rect, response) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), row_height),
                    egui::Sense::click(),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, r.name.as_str())
                });
                // The cells are painted, not widgets: a screen reader gets them as the row's
                // description (built only while accessibility is on).
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_description(format!(
                        "Params {}; licence {}; developer {}; languages {}; coverage {}; fits {}",
                        r.params, r.licence, r.developer, r.languages, r.coverage_text, r.fits_text
                    ));
                });
                if ui.is_rect_visible(rect) {
                    let painter = ui.painter();
                    let fill = if selected {
                        visuals.selection.bg_fill
                    } else if response.hovered() {
                        visuals.widgets.hovered.weak_bg_fill
                    } else if n % 2 == 1 {
                        visuals.faint_bg_color
                    } else {
                        egui::Color32::TRANSPARENT
                    };
                    painter.rect_filled(rect, 0.0, fill);
                    let separator = visuals.widgets.noninteractive.bg_stroke;
                    let text = if selected {
                        visuals.selection.stroke.color
                    } else {
                        visuals.text_color()
                    };
                    let cells = [
                        (r.name.as_str(), text),
                        (r.params.as_str(), text),
                        (r.licence.as_str(), text),
                        (r.developer.as_str(), text),
                        (r.languages.as_str(), text),
                        (r.coverage_text.as_str(), text),
                        (
                            r.fits_text.as_str(),
                            theme::status_color(&visuals, r.fits_status),
                        ),
                    ];
                    let mut x = rect.left();
                    for ((cell, color), width) in cells.into_iter().zip(widths) {
                        let cell_rect = egui::Rect::from_min_size(
                            egui::pos2(x, rect.top()),
                            egui::vec2(width, row_height),
                        );
                        x += width;
                        // One line, cut with "…" where the column is too narrow (the row's
                        // tooltip has every cell in full).
                        let mut job = egui::text::LayoutJob::simple_singleline(
                            cell.to_string(),
                            font.clone(),
                            color,
                        );
                        job.wrap = egui::text::TextWrapping::truncate_at_width(width - 10.0);
                        let galley = painter.layout_job(job);
                        let pos = egui::pos2(
                            cell_rect.left() + 5.0,
                            cell_rect.center().y - galley.size().y / 2.0,
                        );
                        painter.galley(pos, galley, color);
                        if x < rect.right() - 1.0 {
                            painter.vline(x, rect.y_range(), separator);
                        }
                    }
                }
                if response.double_clicked() && m.id != base {
                    use_model = Some(m.id.clone());
                } else if response.clicked() {
                    select = Some(m.id.clone());
                }
                response.on_hover_ui(|ui| row_tooltip(ui, cx, m, r));
            }
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
                "{} parameters{} · {} tokens · context {} tokens",
                with_unit(m.total_params_b, "B"),
                if m.is_mixture_of_experts() {
                    format!(", {} active", with_unit(m.active_params_b, "B"))
                } else {
                    String::new()
                },
                m.training_tokens_t
                    .map_or("undisclosed".into(), |t| with_unit(t, "T")),
                m.context_k_tokens
                    .map_or("?".into(), |k| format!("{}k", readable(k)))
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
                ui.label(if m.licence.mau_tested_at_release {
                    format!(
                        "User threshold: {t} million monthly active users of the licensee and \
                         its affiliates, on the release date"
                    )
                } else {
                    format!("User threshold: {t} million monthly active users")
                });
            }
            if m.licence.remote_restriction {
                ui.label("The licensor may restrict use remotely.");
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
            if cx.doc.plan.workloads.is_empty() {
                ui.label("No workloads yet: add one under Workloads & assumptions to see whether this model fits the pool.");
            }
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
                    .hint_text("name, developer, licence, country or language")
                    .desired_width(340.0),
            );
            let base = cx.doc.report.model.as_ref().map_or_else(
                || format!("unknown ({})", cx.doc.plan.base_model),
                |m| m.name.clone(),
            );
            ui.label(format!("Base model: {base}"));
        });
        if !cx.state.model_table.no_match.is_empty() {
            ui.add_space(6.0);
            ui.label(
                RichText::new(&cx.state.model_table.no_match)
                    .color(theme::status_color(ui.visuals(), Status::Warn)),
            );
        }
        table_ui(ui, cx);
    });
}
