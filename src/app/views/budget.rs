//! Budget: what the consortium costs, who pays how much, and renting against owning. Every figure
//! comes from `report.budget` and `report.members[i].budget`; the cost assumptions and rates are
//! edited in [`super::budget_assumptions`].

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, HoverPosition, Line, VLine};

use super::ViewCtx;
use super::charts::{Y_GRID_LABEL_SPACING, colored, nice_grid, static_plot};
use super::overview::{Tile, tile_rows_ui};
use crate::analysis::series;
use crate::app::document::Document;
use crate::app::theme::{self, Status, TileLook};
use crate::numbers::{readable, short_money, short_percent, short_usd, short_usd_range};
use crate::plan::FairShareRule;

/// "range USD 10.1 M – 14.2 M", or empty when ranges are hidden or the range is a point.
fn usd_range_line(show_ranges: bool, [lo, hi]: [f64; 2]) -> String {
    if show_ranges && hi > lo {
        format!("range {}", short_usd_range(lo, hi))
    } else {
        String::new()
    }
}

/// The budget per year as a tile (Budget view, Overview and presentation mode).
pub(super) fn per_year_tile(doc: &Document, show_ranges: bool) -> Tile {
    let b = &doc.report.budget;
    Tile {
        title: "Budget per year".to_string(),
        value: short_usd(b.per_year_usd),
        range: usd_range_line(show_ranges, b.per_year_usd_range),
        sub: format!(
            "running {} · amortisation {}",
            short_money(b.running_usd_per_year),
            short_money(b.yearly.amortisation_usd())
        ),
        status: Status::Neutral,
        explanation: "The consortium's cost per year: amortisation of the one-off costs (hardware \
                      over its life, the facility over its life) + running costs (energy, \
                      colocation, operations, staff, rented serving) + one-off workload rentals \
                      spread over the horizon. Ranges combine each category's spread in \
                      quadrature. Rates and factors: Budget view, Assumptions."
            .to_string(),
    }
}

/// Presentation mode's budget tile: the budget per year, with the funded share and the gap
/// under it.
pub(super) fn presentation_tile(doc: &Document, show_ranges: bool) -> Tile {
    let funded = funded_tile(doc);
    let mut tile = per_year_tile(doc, show_ranges);
    tile.sub = format!("funded {} · {}", funded.value, funded.sub);
    tile.status = funded.status;
    tile.explanation = format!("{}\n\n{}", tile.explanation, funded.explanation);
    tile
}

/// The funded share as a tile: cash and in-kind contributions against the total.
pub(super) fn funded_tile(doc: &Document) -> Tile {
    let b = &doc.report.budget;
    let status = if b.total_usd <= 0.0 {
        Status::Neutral
    } else if b.gap_usd <= 0.0 {
        Status::Good
    } else if b.funded_share >= 0.75 {
        Status::Warn
    } else {
        Status::Bad
    };
    let sub = if b.total_usd <= 0.0 {
        "nothing to fund yet".to_string()
    } else if b.gap_usd > 0.0 {
        format!("gap {}", short_usd(b.gap_usd))
    } else {
        "fully funded".to_string()
    };
    Tile {
        title: "Funded".to_string(),
        value: short_percent(b.funded_share),
        range: String::new(),
        sub,
        status,
        explanation: format!(
            "(cash pledges + in-kind contributions) ÷ total over {} years. Cash {} (converted at \
             the exchange rates), in-kind {} (chips, rented lines, power, experts at cost); the \
             gap is what is left to find.",
            readable(b.horizon_years),
            short_usd(b.funding_usd),
            short_usd(b.in_kind_usd)
        ),
    }
}

/// The Budget view's four tiles: one-off, per year, total over the horizon, funded.
fn budget_tiles(doc: &Document, show_ranges: bool) -> Vec<Tile> {
    let b = &doc.report.budget;
    let one_off = Tile {
        title: "One-off".to_string(),
        value: short_usd(b.one_off_usd),
        range: usd_range_line(show_ranges, b.one_off_usd_range),
        sub: "chips, systems, facility, rented runs".to_string(),
        status: Status::Neutral,
        explanation: "Owned accelerators at their price (the line's, the catalog's, or estimated \
                      from the value per PFLOP/s) + servers, network and storage (chips × the \
                      systems factor) + facility build-out (IT MW × cost per MW; none with \
                      colocation) + training runs on rented sites (accelerator-hours × rental \
                      rate)."
            .to_string(),
    };
    let total = match (doc.years.first(), doc.years.last()) {
        (Some(first), Some(last)) => Tile {
            title: format!("Total, roadmap {}–{}", first.year, last.year),
            value: short_usd(crate::analysis::years::total_spending_usd(&doc.years)),
            range: String::new(),
            sub: "the years' spending added up".to_string(),
            status: Status::Neutral,
            explanation:
                "Σ over the roadmap's years of what each year spends: the owned chip lines \
                          that arrive that year (with systems and build-out) and that year's \
                          running costs (Roadmap view). The other tiles are the year shown."
                    .to_string(),
        },
        _ => Tile {
            title: format!("Total over {} years", readable(b.horizon_years)),
            value: short_usd(b.total_usd),
            range: usd_range_line(show_ranges, b.total_usd_range),
            sub: format!(
                "hardware bought {}",
                crate::words::counted(b.hardware_purchases as usize, "time", "times")
            ),
            status: Status::Neutral,
            explanation:
                "Cash over the horizon: hardware bought once per hardware life, the facility \
                      once per facility life, running costs every year, one-off rentals once."
                    .to_string(),
        },
    };
    vec![
        one_off,
        per_year_tile(doc, show_ranges),
        total,
        funded_tile(doc),
    ]
}

/// Plain-language notes on what the figures leave out or estimate.
fn notes_ui(ui: &mut Ui, doc: &Document) {
    let b = &doc.report.budget;
    let warn = theme::status_color(ui.visuals(), Status::Warn);
    for code in &b.unknown_currencies {
        ui.label(
            RichText::new(format!(
                "Unknown currency “{code}”: pledges in it are not counted. Give its exchange rate \
                 under Exchange rates below."
            ))
            .color(warn),
        );
    }
    if b.estimated_accelerators > 0 {
        ui.label(RichText::new(format!(
            "{} priced by estimate (no price known): give a price per accelerator in the member's contributions.",
            crate::words::counted(b.estimated_accelerators as usize, "accelerator", "accelerators")
        )).color(warn));
    }
    if b.estimated_rental_hours > 0.0 {
        ui.label(
            RichText::new(format!(
                "{} rented accelerator-hours priced from the H100's rate (no rate known): set a \
                 rate under Rental rates below.",
                crate::analysis::explain::si(b.estimated_rental_hours)
            ))
            .color(warn),
        );
    }
}

/// An amount right-aligned in a cell of fixed width, so the amounts of a list line up next to
/// their labels.
fn amount_cell(ui: &mut Ui, text: RichText) {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    ui.allocate_ui_with_layout(
        egui::vec2(AMOUNT_WIDTH, height),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.set_min_width(AMOUNT_WIDTH);
            ui.label(text);
        },
    );
}

/// Width of an amount such as "USD 12.3 M", in points.
const AMOUNT_WIDTH: f32 = 90.0;

/// A horizontal bar `share` (0 to 1) of `width` points long.
fn share_bar(ui: &mut Ui, share: f64, width: f32) {
    let height = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let color = theme::series_color(ui.visuals(), 0);
    ui.painter()
        .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let mut bar = rect;
    bar.set_width(width * share.clamp(0.0, 1.0) as f32);
    ui.painter().rect_filled(bar, 2.0, color);
}

/// Yearly costs by category as bars with their shares.
fn yearly_ui(ui: &mut Ui, doc: &Document) {
    let y = &doc.report.budget.yearly;
    ui.label(RichText::new("Yearly costs by category").strong());
    let shares = y.shares();
    egui::Grid::new("budget-yearly")
        .num_columns(4)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for ((_, label, usd), share) in y.categories().into_iter().zip(shares) {
                if usd <= 0.0 {
                    continue;
                }
                ui.label(label);
                amount_cell(ui, RichText::new(short_usd(usd)));
                share_bar(ui, share, 150.0);
                ui.label(short_percent(share));
                ui.end_row();
            }
            ui.label(RichText::new("Yearly costs").strong());
            amount_cell(ui, RichText::new(short_usd(y.total_usd())).strong());
            ui.label("");
            ui.label("");
            ui.end_row();
        });
    let empty: Vec<&str> = y
        .categories()
        .into_iter()
        .filter(|(_, _, usd)| *usd <= 0.0)
        .map(|(_, label, _)| label)
        .collect();
    if !empty.is_empty() {
        ui.label(RichText::new(format!("None: {}", empty.join(", ").to_lowercase())).weak());
    }
}

/// The one-off items.
fn one_off_ui(ui: &mut Ui, doc: &Document) {
    let b = &doc.report.budget;
    let o = &b.one_off;
    ui.label(RichText::new("One-off").strong());
    egui::Grid::new("budget-one-off")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (label, usd) in [
                ("Owned accelerators", o.chips_usd),
                ("Servers, network, storage", o.systems_usd),
                ("Facility build-out", o.facility_usd),
                ("Training runs on rented sites", o.workload_rental_usd),
            ] {
                ui.label(label);
                amount_cell(ui, RichText::new(short_usd(usd)));
                ui.end_row();
            }
            ui.label(RichText::new("One-off").strong());
            amount_cell(ui, RichText::new(short_usd(b.one_off_usd)).strong());
            ui.end_row();
        });
}

/// Short column headings for the rules (the full label on hover).
fn rule_heading(rule: FairShareRule) -> &'static str {
    match rule {
        FairShareRule::GdpUnScale => "GDP (UN)",
        FairShareRule::Gdp => "GDP",
        FairShareRule::Population => "Population",
        FairShareRule::Equal => "Equal",
        FairShareRule::Use => "Use",
    }
}

/// The plan's fair-share rule as a drop-down list; a change is one undo step.
fn rule_combo(ui: &mut Ui, doc: &mut Document) {
    let current = doc.plan.assumptions.costs.fair_share_rule;
    let mut picked = current;
    ui.label("Fair share by");
    egui::ComboBox::from_id_salt("fair-share-rule")
        .selected_text(current.label())
        .width(220.0)
        .show_ui(ui, |ui| {
            for rule in FairShareRule::ALL {
                ui.selectable_value(&mut picked, rule, rule.label());
            }
        })
        .response
        .on_hover_text(
            crate::plan::CostAssumptions::source("fair_share_rule").map_or("", |s| s.source),
        )
        .accessible_name("Who pays: fair-share rule");
    if picked != current {
        doc.checkpoint();
        doc.plan.assumptions.costs.fair_share_rule = picked;
    }
}

/// Who pays: one row per member with what it brings, its fair share, the balance, its share
/// under every rule and what its own workloads would cost it alone.
fn who_pays_table(ui: &mut Ui, doc: &Document) {
    let report = &doc.report;
    let rule = report.budget.rule;
    let bad = theme::status_color(ui.visuals(), Status::Bad);
    let money_columns = [
        ("Chips", "Owned chips with their systems, at cost"),
        ("Rented", "Rented capacity it pays for over the horizon"),
        (
            "Power",
            "Energy its power lines deliver to the chips over the horizon",
        ),
        ("Experts", "Its experts over the horizon at its cost level"),
        (
            "Cash",
            "Its cash pledge in US dollars (0 for an unknown currency)",
        ),
        ("Brings", "Everything it brings: in-kind + cash"),
        ("Fair share", "Its share of the total under the plan's rule"),
        ("Balance", "Brings − fair share (negative: it owes)"),
    ];
    let row_height = theme::ROW_HEIGHT;
    let rows = report.members.len();
    TableBuilder::new(ui)
        .id_salt("who-pays")
        .striped(true)
        .vscroll(true)
        .max_scroll_height(row_height * 12.0)
        .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
        .column(Column::auto().at_least(150.0))
        .columns(Column::auto().at_least(62.0), money_columns.len())
        .columns(Column::auto().at_least(58.0), FairShareRule::ALL.len())
        .column(Column::auto().at_least(70.0))
        .header(row_height * 1.6, |mut h| {
            h.col(|ui| {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.strong("Member (USD)");
                });
            });
            for (name, hover) in money_columns {
                h.col(|ui| {
                    ui.strong(name).on_hover_text(hover);
                });
            }
            for r in FairShareRule::ALL {
                h.col(|ui| {
                    let text = RichText::new(rule_heading(r));
                    let text = if r == rule {
                        text.strong().underline()
                    } else {
                        text.strong().weak()
                    };
                    ui.label(text)
                        .on_hover_text(format!("Share of the total by {}", r.label()));
                });
            }
            h.col(|ui| {
                ui.strong("Alone").on_hover_text(
                    "What its own workloads would cost it alone over the horizon (training, its \
                     population's part of serving on rented capacity, its team), against its fair \
                     share in the pool",
                );
            });
        })
        .body(|body| {
            body.rows(row_height, rows, |mut row| {
                let m = &report.members[row.index()];
                let mb = &m.budget;
                row.col(|ui| {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(m.name.as_ref()).truncate());
                    });
                });
                for usd in [
                    mb.chips_usd,
                    mb.rented_usd,
                    mb.power_usd,
                    mb.experts_usd,
                    mb.cash_usd,
                ] {
                    row.col(|ui| {
                        ui.label(short_money(usd));
                    });
                }
                row.col(|ui| {
                    ui.strong(short_money(mb.brings_usd));
                });
                row.col(|ui| {
                    ui.strong(short_money(mb.fair_share_usd));
                });
                row.col(|ui| {
                    let text = RichText::new(short_money(mb.balance_usd));
                    ui.label(if mb.balance_usd < 0.0 {
                        text.color(bad)
                    } else {
                        text
                    });
                });
                for r in FairShareRule::ALL {
                    row.col(|ui| {
                        let text = RichText::new(short_percent(mb.shares[r.index()]));
                        ui.label(if r == rule { text.strong() } else { text });
                    });
                }
                row.col(|ui| {
                    ui.label(short_money(mb.alone_usd)).on_hover_text(format!(
                        "{} alone: {} · in the pool: {} (fair share)",
                        m.name,
                        short_usd(mb.alone_usd),
                        short_usd(mb.fair_share_usd)
                    ));
                });
            });
        });
}

/// Each member's name where it fits under its pair of bars, else its code.
fn member_labels(ui: &Ui, doc: &Document, order: &[usize], width: f32) -> Vec<String> {
    let room = (width - 60.0) / (order.len() as f32 + 1.0) - 8.0;
    order
        .iter()
        .map(|&i| {
            let m = &doc.report.members[i];
            if crate::app::widgets::text_width(ui, m.name.as_ref()) <= room {
                m.name.to_string()
            } else {
                m.country.to_string()
            }
        })
        .collect()
}

/// Brings against fair share for the members with the largest fair shares, in USD million.
fn brings_chart_ui(ui: &mut Ui, doc: &Document) {
    let order = series::top_fair_shares(&doc.report, series::FAIR_SHARE_MEMBERS);
    let width = ui.available_width();
    let labels = member_labels(ui, doc, &order, width);
    let make = |name: &str,
                offset: f64,
                n: usize,
                pick: fn(&crate::analysis::budget::MemberBudget) -> f64| {
        let bars: Vec<Bar> = order
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let m = &doc.report.members[i];
                Bar::new(k as f64 + offset, pick(&m.budget) / 1e6)
                    .width(0.38)
                    .name(m.name.as_ref())
            })
            .collect();
        let color = theme::series_color(ui.visuals(), n);
        let series_name = name.to_string();
        BarChart::new(
            name,
            bars.into_iter()
                .map(|b| colored(b, color, theme::bar_outline(ui.visuals())))
                .collect(),
        )
        .color(color)
        .element_formatter(Box::new(move |b, _| {
            format!("{} — {series_name}: USD {:.1} M", b.name, b.value)
        }))
    };
    let brings = make("brings", -0.2, 0, |b| b.brings_usd);
    let fair = make("fair share", 0.2, 1, |b| b.fair_share_usd);
    let tallest = order
        .iter()
        .map(|&i| {
            let b = &doc.report.members[i].budget;
            b.brings_usd.max(b.fair_share_usd) / 1e6
        })
        .fold(0.0, f64::max);
    static_plot("brings-fair", width, CHART_HEIGHT)
        .y_grid_spacer(nice_grid(CHART_HEIGHT, Y_GRID_LABEL_SPACING))
        .show_grid([false, true])
        .include_y(0.0)
        .include_y(tallest * 1.25)
        .y_axis_label("USD million")
        .x_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(brings);
            plot.bar_chart(fair);
        });
}

/// Height of the Budget view's charts, in points.
const CHART_HEIGHT: f32 = 240.0;

/// Who pays: the rule, the table and the chart.
fn who_pays_ui(ui: &mut Ui, doc: &mut Document) {
    ui.heading("Who pays");
    ui.horizontal(|ui| {
        rule_combo(ui, doc);
        if doc.report.budget.rule == FairShareRule::Use && !doc.report.budget.use_listed {
            ui.label(
                RichText::new(
                    "No workload names the members that need it: each is split among all members.",
                )
                .color(theme::status_color(ui.visuals(), Status::Warn)),
            );
        }
    });
    ui.add_space(4.0);
    egui::ScrollArea::horizontal()
        .id_salt("who-pays-scroll")
        .show(ui, |ui| who_pays_table(ui, doc));
    ui.add_space(6.0);
    let shown = doc.report.members.len().min(series::FAIR_SHARE_MEMBERS);
    ui.label(
        RichText::new(if shown < doc.report.members.len() {
            format!("Brings against fair share: the {shown} largest fair shares")
        } else {
            "Brings against fair share".to_string()
        })
        .strong(),
    );
    brings_chart_ui(ui, doc);
}

/// Cumulative cost of renting and of owning, by year, `height` points high, with the year
/// renting passes owning marked. Returns the rect it takes.
pub(super) fn rent_own_chart_ui(ui: &mut Ui, doc: &Document, height: f32) -> egui::Rect {
    let r = &doc.report.budget.rent_vs_own;
    if r.cumulative.is_empty() || r.accelerators == 0 {
        return ui
            .label("Add accelerators and workloads to compare renting with owning.")
            .rect;
    }
    let rent: Vec<[f64; 2]> = r.cumulative.iter().map(|p| [p[0], p[1] / 1e6]).collect();
    let own: Vec<[f64; 2]> = r.cumulative.iter().map(|p| [p[0], p[2] / 1e6]).collect();
    let marker = theme::requirement_color(ui.visuals());
    let (rent_color, own_color) = (
        theme::series_color(ui.visuals(), 1),
        theme::series_color(ui.visuals(), 0),
    );
    static_plot("rent-own", ui.available_width(), height)
        .y_grid_spacer(nice_grid(height, Y_GRID_LABEL_SPACING))
        .include_y(0.0)
        .x_axis_label("years from the start")
        .y_axis_label("cumulative USD million")
        .legend(
            egui_plot::Legend::default()
                .position(egui_plot::Corner::LeftTop)
                .follow_insertion_order(true),
        )
        .label_formatter(|pos| match pos {
            HoverPosition::NearDataPoint { position, .. } => {
                Some(format!("year {:.1}: USD {:.1} M", position.x, position.y))
            }
            _ => None,
        })
        .show(ui, |plot| {
            plot.line(
                Line::new("rent every hour", rent)
                    .color(rent_color)
                    .width(2.5),
            );
            plot.line(Line::new("own the pool", own).color(own_color).width(2.5));
            if let Some(year) = r.crossing_year {
                plot.vline(
                    VLine::new(format!("renting passes owning: year {year:.1}"), year)
                        .color(marker)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
        })
        .response
        .rect
}

/// Rent or own: the chart and the figures beside it.
fn rent_own_ui(ui: &mut Ui, doc: &Document) {
    let b = &doc.report.budget;
    let r = &b.rent_vs_own;
    ui.heading(format!(
        "Rent or own, over {} years",
        readable(b.horizon_years)
    ));
    ui.columns(2, |cols| {
        rent_own_chart_ui(&mut cols[0], doc, CHART_HEIGHT);
        let ui = &mut cols[1];
        egui::Grid::new("rent-own-figures")
            .num_columns(2)
            .spacing([12.0, 5.0])
            .show(ui, |ui| {
                let line = |ui: &mut Ui, label: &str, value: String, hover: &str| {
                    ui.label(label).on_hover_text(hover);
                    ui.strong(value).on_hover_text(hover);
                    ui.end_row();
                };
                line(
                    ui,
                    "Renting every hour used",
                    short_usd(r.rent_total_usd),
                    "The accelerator-hours the workloads use over the horizon at the rental rates",
                );
                line(
                    ui,
                    "Owning the pool",
                    short_usd(r.own_total_usd),
                    "Buying the pool (replaced at the end of its life), its facility and \
                     operations, and its energy at full load; staff are left out of both paths",
                );
                line(
                    ui,
                    "Utilisation",
                    format!(
                        "{} of {} accelerators' hours",
                        short_percent(r.utilisation),
                        readable(r.accelerators as f64)
                    ),
                    "Share of the pool's hours the workloads use",
                );
                let break_even = match r.break_even_utilisation {
                    None => "—".to_string(),
                    Some(u) if u > 1.0 => format!("{} (owning never pays)", short_percent(u)),
                    Some(u) => short_percent(u),
                };
                line(
                    ui,
                    "Owning breaks even at",
                    break_even,
                    "The utilisation at which owning costs what renting the same hours would",
                );
                line(
                    ui,
                    "Hosted abroad if rented",
                    short_percent(r.rent_hosting_foreign_share),
                    "Share of capacity under a provider from outside the consortium if everything \
                     is rented (a foreign cloud when the plan rents nothing)",
                );
                line(
                    ui,
                    "Hosted abroad if owned",
                    short_percent(r.own_hosting_foreign_share),
                    "Share of owned capacity hosted outside the members",
                );
            });
        ui.add_space(4.0);
        let cheaper = if r.own_total_usd < r.rent_total_usd {
            "At this use, owning costs less than renting."
        } else if r.own_total_usd > r.rent_total_usd {
            "At this use, renting costs less than owning."
        } else {
            "At this use, both cost the same."
        };
        ui.label(cheaper);
        ui.label(
            RichText::new("Staff are left out of both paths: the same team is needed either way.")
                .weak(),
        );
    });
}

/// The Budget view.
pub fn budget_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Budget");
            let b = &cx.doc.report.budget;
            ui.label(format!(
                "What the consortium costs over {} years, who pays under the {} rule, and \
                 whether to rent or own. Hover a figure for how it is computed.",
                readable(b.horizon_years),
                b.rule.label()
            ));
            ui.add_space(4.0);
            let tiles = budget_tiles(cx.doc, cx.state.show_ranges);
            tile_rows_ui(ui, &tiles, TileLook::NORMAL);
            notes_ui(ui, cx.doc);
            ui.add_space(6.0);
            ui.columns(2, |cols| {
                yearly_ui(&mut cols[0], cx.doc);
                one_off_ui(&mut cols[1], cx.doc);
            });
            ui.add_space(12.0);
            who_pays_ui(ui, cx.doc);
            ui.add_space(12.0);
            rent_own_ui(ui, cx.doc);
            ui.add_space(12.0);
            super::budget_assumptions::cost_assumptions_ui(ui, cx);
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_line_is_left_out_when_hidden_or_a_point() {
        assert_eq!(
            usd_range_line(true, [10.1e6, 14.2e6]),
            "range USD 10.1 M – 14.2 M"
        );
        assert_eq!(usd_range_line(false, [10.1e6, 14.2e6]), "");
        assert_eq!(usd_range_line(true, [5.0, 5.0]), "");
    }
}
