//! Languages: does the shared base model speak the members' languages? Coverage per member as a
//! chart (supported / pretraining only / absent first-language shares), the uncovered languages
//! with the corpus the consortium has for each, and one click to add the adaptation workload.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Corner, Legend};

use super::ViewCtx;
use crate::analysis::languages::{LanguageFigures, TOKENS_PER_LANGUAGE};
use crate::app::theme::{self, Status};
use crate::app::widgets::number_ui;
use crate::catalog::Catalog;
use crate::numbers::{readable, with_unit};
use crate::plan::{LanguageCorpus, Workload, WorkloadKind};
use crate::words::{counted, noun};

/// Bar labels of the coverage chart, rebuilt only when the analysis changes.
#[derive(Debug, Clone, Default)]
pub struct LanguageChart {
    generation: Option<u64>,
    /// Per member: "PE Peru" and the tooltip listing its languages.
    labels: Vec<(String, String)>,
}

fn chart_labels(cx: &mut ViewCtx) -> LanguageChart {
    let generation = cx.doc.generation;
    if cx.state.language_chart.generation == Some(generation) {
        return std::mem::take(&mut cx.state.language_chart);
    }
    let l = &cx.doc.report.languages;
    let labels = cx
        .doc
        .report
        .members
        .iter()
        .zip(&l.members)
        .map(|(m, c)| {
            let langs = l
                .languages_of(c)
                .map(|x| {
                    format!(
                        "{} ({}): {}, {}",
                        x.name,
                        x.code,
                        x.share.map_or("share unknown".to_string(), |s| format!(
                            "{:.1} % ({})",
                            s * 100.0,
                            x.measure.map_or("", |m| m.label())
                        )),
                        x.support.label()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let measure = if c.speakers_counted {
                " (counting second-language speakers)"
            } else {
                ""
            };
            let coverage = match c.coverage {
                Some(v) if c.lower_bound => {
                    format!("at least {:.0} % covered{measure}", v * 100.0)
                }
                Some(v) => format!("{:.0} % covered{measure}", v * 100.0),
                None => "coverage unknown (shares not public)".to_string(),
            };
            let short = if c.coverage.is_some() {
                format!("{} {}", m.country, m.name)
            } else {
                format!("{} {} (unknown)", m.country, m.name)
            };
            (
                short,
                format!("{} {}: {coverage}\n{langs}", m.country, m.name),
            )
        })
        .collect();
    LanguageChart {
        generation: Some(generation),
        labels,
    }
}

fn summary_ui(ui: &mut Ui, l: &LanguageFigures, model: &str) {
    if !l.model_languages_listed {
        ui.label(
            RichText::new(format!(
                "{model} does not list the languages it supports, so coverage is unknown. \
                 Choose a model with a published language list to see the gap."
            ))
            .color(theme::status_color(ui.visuals(), Status::Warn)),
        );
        return;
    }
    let coverage = l
        .coverage
        .map_or("unknown".to_string(), |c| format!("{:.0} %", c * 100.0));
    ui.label(
        RichText::new(format!(
            "{model} reaches {coverage} of the consortium's people in a language they speak \
             (over the {:.0} % of the population whose languages have public shares: \
             first-language figures for {:.0} %, speaker shares that include second-language \
             speakers for {:.0} %). {} of {} {} can use it in an official language.",
            l.population_known_share * 100.0,
            (l.population_known_share - l.population_speakers_share).max(0.0) * 100.0,
            l.population_speakers_share * 100.0,
            l.members_with_official_language,
            l.members.len(),
            noun(l.members.len(), "member", "members")
        ))
        .strong(),
    );
    ui.label(
        RichText::new(
            "Coverage = share of a member's people who speak a language the model officially \
             supports: their first language where a census gives first-language shares for most \
             of its people, else any language they speak (census or Unicode CLDR speaker \
             shares). Languages only in the pretraining data are weak, not covered. Source and \
             confidence of every share: assets/languages.ron.",
        )
        .small()
        .weak(),
    );
}

fn chart_ui(ui: &mut Ui, l: &LanguageFigures, chart: &LanguageChart) {
    let n = l.members.len();
    let good = theme::status_color(ui.visuals(), Status::Good);
    let warn = theme::status_color(ui.visuals(), Status::Warn);
    let bad = theme::status_color(ui.visuals(), Status::Bad);
    let make = |name: &str,
                color: egui::Color32,
                pick: fn(&crate::analysis::languages::MemberCoverage) -> f64| {
        let outline = theme::bar_outline(ui.visuals());
        let bars: Vec<Bar> = l
            .members
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let bar = Bar::new((n - 1 - i) as f64, pick(c) * 100.0).width(BAR_WIDTH);
                super::charts::colored(bar, color, outline)
            })
            .collect();
        // The member's languages show in a framed tooltip below, not in egui_plot's hover
        // text, which is drawn unframed over the neighbouring bars.
        BarChart::new(name, bars)
            .horizontal()
            .color(color)
            .allow_hover(false)
    };
    let supported = make("supported", good, |c| c.coverage.unwrap_or(0.0));
    let weak = make("pretraining only", warn, |c| {
        if c.coverage.is_some() {
            c.weak.unwrap_or(0.0)
        } else {
            0.0
        }
    })
    .stack_on(&[&supported]);
    let absent = make("absent", bad, |c| {
        if c.coverage.is_some() {
            c.absent.unwrap_or(0.0)
        } else {
            0.0
        }
    })
    .stack_on(&[&supported, &weak]);
    let text_color = ui.visuals().text_color();
    // The chart is taller than the window at 193 members: name only the bars near the visible
    // part (laying out and placing a plot text costs more than its bar), with a window's height
    // of margin so that scrolling never shows a bar without its name.
    let clip = ui.clip_rect();
    let near = clip.expand2(egui::vec2(0.0, clip.height()));
    let height = (n as f32 * 20.0 + 60.0).clamp(160.0, 4200.0);
    let plot = super::charts::static_plot("language-coverage", ui.available_width(), height);
    let shown = super::charts::percent_x_axis(plot, ui.available_width())
        // Room left of 0 for each member's name, drawn beside its own bar.
        .include_x(-32.0)
        // ... and right of 100 % for the legend, so it never covers a bar.
        .include_x(128.0)
        // No vertical margin beyond half a bar: egui_plot's default 5 % is ten empty rows above
        // the first member at 193 members.
        .set_margin_fraction(egui::vec2(0.05, 0.0))
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .show_axes([true, false])
        .show_grid([true, false])
        .x_axis_label("% of the member's people (first language, else all speakers)")
        // No coordinate read-out or rulers on hover: the tooltip names the member instead.
        .show_x(false)
        .show_y(false)
        // Scale and legend at the top: at 193 members the chart is 4 000 points tall, and the
        // bottom is many screens away from the first members.
        .x_axis_position(egui_plot::VPlacement::Top)
        .legend(
            Legend::default()
                .position(Corner::RightTop)
                .follow_insertion_order(true),
        )
        .show(ui, |plot| {
            plot.bar_chart(supported);
            plot.bar_chart(weak);
            plot.bar_chart(absent);
            // Last frame's placement; before the chart has been placed once, name every bar.
            let bounds = plot.plot_bounds();
            let placed = bounds.min()[1] <= 0.0 && bounds.max()[1] >= n as f64 - 1.0;
            for (i, (short, _)) in chart.labels.iter().enumerate() {
                let y = (n - 1 - i) as f64;
                if placed
                    && !near
                        .y_range()
                        .contains(plot.screen_from_plot(egui_plot::PlotPoint::new(0.0, y)).y)
                {
                    continue;
                }
                plot.text(
                    egui_plot::Text::new(
                        "",
                        egui_plot::PlotPoint::new(-1.0, (n - 1 - i) as f64),
                        RichText::new(short.as_str()).color(text_color),
                    )
                    .anchor(egui::Align2::RIGHT_CENTER),
                );
            }
        });
    // The hovered row (its bar or its name) shows the member's languages.
    let response = shown.response;
    if let Some(pos) = response.hover_pos() {
        let at = shown.transform.value_from_position(pos);
        let row = at.y.round();
        if (at.y - row).abs() <= BAR_WIDTH / 2.0 && row >= 0.0 && row < n as f64 {
            let i = n - 1 - row as usize;
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(&chart.labels[i].1);
            });
        }
    }
}

/// Height of a member's bar, in rows.
const BAR_WIDTH: f64 = 0.7;

/// What the user asked for in the uncovered-languages table, applied after drawing it.
#[derive(Default)]
struct Edits {
    /// A corpus typed for a language: (code, tokens).
    corpus: Option<(String, f64)>,
    /// Adaptation workloads to add: (language name, tokens).
    add: Vec<(String, f64)>,
}

fn uncovered_ui(ui: &mut Ui, l: &LanguageFigures, catalog: &Catalog) -> Edits {
    let uncovered = &l.uncovered;
    let mut edits = Edits::default();
    if uncovered.is_empty() {
        ui.label("Every language with a share in the table is supported by the base model.");
        return edits;
    }
    let total_tokens = l.proposed_tokens_total;
    let total_experts = l.proposed_experts_total;
    ui.horizontal(|ui| {
        ui.label(format!(
            "Closing the whole gap: {} tokens of continued pretraining and {} \
             data-and-language experts ({}; {} tokens each unless the corpus is smaller).",
            with_unit(total_tokens / 1e9, "B"),
            readable(total_experts),
            counted(uncovered.len(), "language", "languages"),
            with_unit(TOKENS_PER_LANGUAGE / 1e9, "B")
        ));
    });
    if ui
        .button("Add all adaptation workloads")
        .on_hover_text("One continued-pretraining workload per uncovered language")
        .clicked()
    {
        edits.add = uncovered
            .iter()
            .filter(|u| u.proposed_tokens > 0.0)
            .map(|u| (u.name().to_string(), u.proposed_tokens))
            .collect();
    }
    TableBuilder::new(ui)
        .id_salt("uncovered-languages")
        .striped(true)
        .auto_shrink([false, true])
        .max_scroll_height(340.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(200.0).clip(true))
        .column(Column::initial(110.0))
        .column(Column::initial(170.0).clip(true))
        .column(Column::initial(210.0))
        .column(Column::initial(170.0))
        .column(Column::remainder())
        .header(theme::ROW_HEIGHT + 4.0, |mut h| {
            for title in [
                "Language",
                "Speakers",
                "Members",
                "Corpus you have",
                "Adaptation",
                "",
            ] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT + 6.0, uncovered.len(), |mut row| {
                let u = &uncovered[row.index()];
                row.col(|ui| {
                    ui.label(format!(
                        "{} ({}){}",
                        u.name(),
                        u.code(),
                        if u.weak { " · pretraining only" } else { "" }
                    ));
                });
                row.col(|ui| {
                    ui.label(if u.speakers > 0.0 {
                        with_unit(u.speakers / 1e6, "M")
                    } else {
                        "share unknown".to_string()
                    });
                });
                row.col(|ui| {
                    // Codes fit the column; the names are on hover.
                    let codes: Vec<&str> = l.members_of(u).collect();
                    let names: Vec<&str> = codes.iter().map(|c| catalog.country_name(c)).collect();
                    ui.label(codes.join(", ")).on_hover_text(names.join(", "));
                });
                row.col(|ui| {
                    let mut billions = u.corpus_tokens.unwrap_or(0.0) / 1e9;
                    let r = number_ui(
                        ui,
                        ("corpus", u.code()),
                        &mut billions,
                        0.0..=100_000.0,
                        "B tokens",
                        0.1,
                    );
                    let name = format!("Corpus for {}", u.name());
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::accesskit::Role::SpinButton, true, &name)
                    });
                    if r.changed() {
                        edits.corpus = Some((u.code().to_string(), billions * 1e9));
                    }
                });
                row.col(|ui| {
                    let text = if u.proposed_tokens <= 0.0 {
                        "no text pretraining".to_string()
                    } else {
                        format!(
                            "{} tokens, {}",
                            with_unit(u.proposed_tokens / 1e9, "B"),
                            with_unit(u.experts_fte, "FTE")
                        )
                    };
                    let colour = if u.data_gap {
                        Status::Bad
                    } else {
                        Status::Neutral
                    };
                    ui.label(
                        RichText::new(if u.data_gap {
                            format!("{text} · corpus too small")
                        } else {
                            text
                        })
                        .color(theme::status_color(ui.visuals(), colour)),
                    );
                });
                row.col(|ui| {
                    if u.proposed_tokens > 0.0
                        && ui
                            .small_button(format!("Add workload for {}", u.name()))
                            .clicked()
                    {
                        edits.add.push((u.name().to_string(), u.proposed_tokens));
                    }
                });
            });
        });
    edits
}

/// Applies the table's edits to the plan: a typed corpus, and added workloads as one undo step.
fn apply(cx: &mut ViewCtx, edits: Edits) {
    if let Some((code, tokens)) = edits.corpus {
        let corpora = &mut cx.doc.plan.language_corpora;
        match corpora.iter_mut().find(|c| c.language == code) {
            Some(c) => c.tokens = tokens,
            None => corpora.push(LanguageCorpus {
                language: code,
                tokens,
            }),
        }
    }
    if !edits.add.is_empty() {
        cx.doc.checkpoint();
        for (name, tokens) in edits.add {
            cx.doc.plan.workloads.push(Workload {
                name: format!("Adapt to {name}"),
                kind: WorkloadKind::ContinuedPretraining { tokens },
                target_days: None,
                members: Vec::new(),
            });
        }
    }
}

/// The languages view.
pub fn languages_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let model = cx
        .doc
        .report
        .model
        .as_ref()
        .map_or(cx.doc.plan.base_model.clone(), |m| m.name.clone());
    let chart = chart_labels(cx);
    let catalog = cx.catalog;
    let l = &cx.doc.report.languages;
    let edits = egui::ScrollArea::vertical()
        .id_salt("languages-view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Does the base model speak the members' languages?");
            summary_ui(ui, l, &model);
            if !l.model_languages_listed {
                return Edits::default();
            }
            ui.add_space(8.0);
            ui.heading("Coverage per member (hover a bar for its languages)");
            chart_ui(ui, l, &chart);
            ui.add_space(8.0);
            ui.heading("Uncovered languages, most spoken first");
            uncovered_ui(ui, l, catalog)
        })
        .inner;
    cx.state.language_chart = chart;
    apply(cx, edits);
}
