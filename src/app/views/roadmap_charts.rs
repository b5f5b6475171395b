//! The Roadmap view's charts, year by year from `doc.years`: pooled capacity against what the
//! workloads need, spending (one-off and running, stacked), and the foreign dependency (overall
//! and hosting) falling or not.

use egui::Ui;
use egui_plot::{Bar, BarChart, GridMark, Line, Plot, PlotPoints, Points, VLine};

use super::ViewCtx;
use super::charts::{Y_GRID_LABEL_SPACING, colored, nice_grid, static_plot};
use crate::analysis::years::YearFigures;
use crate::app::theme;

/// The x axis of a chart over `years`: one labelled mark per year, room for half a bar at each
/// end, and a line at the year shown in every view.
fn year_axis(plot: Plot<'static>, years: &[YearFigures]) -> Plot<'static> {
    let (first, last) = match (years.first(), years.last()) {
        (Some(f), Some(l)) => (f64::from(f.year), f64::from(l.year)),
        _ => (0.0, 0.0),
    };
    plot.include_x(first - 0.6)
        .include_x(last + 0.6)
        .x_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            // Every year a mark; round years a coarser step, which egui_plot still labels when
            // a long roadmap leaves too little room to label every year.
            (lo.ceil() as i64..=hi.floor() as i64)
                .map(|y| GridMark {
                    value: y as f64,
                    step_size: [10, 5, 2]
                        .into_iter()
                        .find(|k| y % k == 0)
                        .map_or(1.0, |k| k as f64),
                })
                .collect()
        })
        .x_axis_formatter(move |m, _| {
            let y = m.value.round();
            if (m.value - y).abs() < 0.01 && (first..=last).contains(&y) {
                format!("{y:.0}")
            } else {
                String::new()
            }
        })
        .show_grid([false, true])
}

/// A plot of per-year figures `height` points high with a 1-2-5 y grid.
fn year_plot(id: &str, width: f32, height: f32, years: &[YearFigures]) -> Plot<'static> {
    year_axis(static_plot(id, width, height), years)
        .y_grid_spacer(nice_grid(height, Y_GRID_LABEL_SPACING))
        .include_y(0.0)
}

/// The line marking the year shown in every view.
fn shown_year(ui: &Ui, year: Option<u16>) -> Option<VLine> {
    year.map(|y| {
        // No name: the line needs no legend row (the axis names the year).
        VLine::new("", f64::from(y))
            .color(theme::requirement_color(ui.visuals()).gamma_multiply(0.6))
            .style(egui_plot::LineStyle::dashed_loose())
    })
}

/// Pooled capacity per year against what the workloads need.
fn capacity_ui(ui: &mut Ui, cx: &ViewCtx, height: f32) {
    let years = &cx.doc.years;
    ui.strong("Pooled compute against need (BF16 PFLOP/s)");
    let outline = theme::bar_outline(ui.visuals());
    let any_need = years.iter().any(|y| y.needed_pflops > 0.0);
    // Side by side in each year when there is a need, as in the capacity charts.
    let (offset, width) = if any_need { (0.18, 0.34) } else { (0.0, 0.6) };
    let series = |name: &str, color, x: f64, value: fn(&YearFigures) -> f64, what: &'static str| {
        let bars: Vec<Bar> = years
            .iter()
            .map(|y| {
                colored(
                    Bar::new(f64::from(y.year) + x, value(y))
                        .width(width)
                        .name(y.year),
                    color,
                    outline,
                )
            })
            .collect();
        BarChart::new(name, bars)
            .color(color)
            .element_formatter(Box::new(move |b, _| {
                format!("{}: {:.1} PFLOP/s {what}", b.name, b.value)
            }))
    };
    let pool = series(
        "pooled compute",
        theme::series_color(ui.visuals(), 0),
        -offset,
        |y| y.bf16_pflops,
        "pooled",
    );
    let need = series(
        "needed for the targets",
        theme::requirement_color(ui.visuals()),
        offset,
        |y| y.needed_pflops,
        "needed to meet the workloads' targets",
    );
    let tallest = years
        .iter()
        .map(|y| y.bf16_pflops.max(y.needed_pflops))
        .fold(0.0, f64::max);
    let shown = shown_year(ui, cx.doc.year);
    year_plot("roadmap-capacity", ui.available_width(), height, years)
        .include_y(tallest * LEGEND_HEADROOM)
        .y_axis_label("PFLOP/s")
        .legend(
            egui_plot::Legend::default()
                .position(egui_plot::Corner::RightTop)
                .follow_insertion_order(true),
        )
        .show(ui, |plot| {
            plot.bar_chart(pool);
            if any_need {
                plot.bar_chart(need);
            }
            if let Some(v) = shown {
                plot.vline(v);
            }
        });
}

/// Spending per year: what is bought that year stacked on the running costs, in million USD.
fn spending_ui(ui: &mut Ui, cx: &ViewCtx, height: f32) {
    let years = &cx.doc.years;
    ui.strong("Spending per year (million USD)");
    let visuals = ui.visuals().clone();
    let series = |name: &str, n: usize, value: fn(&YearFigures) -> f64| {
        let color = theme::series_color(&visuals, n);
        let outline = theme::bar_outline(&visuals);
        let bars: Vec<Bar> = years
            .iter()
            .map(|y| {
                colored(
                    Bar::new(f64::from(y.year), value(y) / 1e6)
                        .width(0.6)
                        .name(y.year),
                    color,
                    outline,
                )
            })
            .collect();
        let label = name.to_string();
        BarChart::new(name, bars)
            .color(color)
            .element_formatter(Box::new(move |b, _| {
                format!("{}: {label} {:.1} million USD", b.name, b.value)
            }))
    };
    let running = series("running (energy, sites, staff, rent)", 2, |y| y.running_usd);
    let one_off = series("one-off (chips arriving)", 1, |y| y.one_off_usd).stack_on(&[&running]);
    let tallest = years
        .iter()
        .map(|y| y.spending_usd / 1e6)
        .fold(0.0, f64::max);
    let shown = shown_year(ui, cx.doc.year);
    year_plot("roadmap-spending", ui.available_width(), height, years)
        .include_y(tallest * LEGEND_HEADROOM)
        .y_axis_label("million USD")
        .legend(
            egui_plot::Legend::default()
                .position(egui_plot::Corner::RightTop)
                .follow_insertion_order(true),
        )
        .show(ui, |plot| {
            plot.bar_chart(running);
            plot.bar_chart(one_off);
            if let Some(v) = shown {
                plot.vline(v);
            }
        });
}

/// The foreign dependency per year, overall and of the hosting layer, in percent.
fn dependency_ui(ui: &mut Ui, cx: &ViewCtx, height: f32) {
    let years = &cx.doc.years;
    ui.strong("Foreign dependency (%)");
    let line = |value: fn(&YearFigures) -> f64| -> Vec<[f64; 2]> {
        years
            .iter()
            .map(|y| [f64::from(y.year), value(y) * 100.0])
            .collect()
    };
    let overall = line(|y| y.dependency_overall);
    let hosting = line(|y| y.hosting_foreign_share);
    let shown = shown_year(ui, cx.doc.year);
    let visuals = ui.visuals().clone();
    let grid = nice_grid(height, Y_GRID_LABEL_SPACING);
    year_plot("roadmap-dependency", ui.available_width(), height, years)
        // Room above 100 % for the legend, with no scale there.
        .include_y(100.0 * LEGEND_HEADROOM)
        .y_grid_spacer(move |input| {
            let mut marks = grid(input);
            marks.retain(|m| m.value <= 100.0 + 1e-9);
            marks
        })
        .y_axis_formatter(|m, _| {
            if (0.0..=100.0).contains(&m.value) {
                format!("{:.0}", m.value)
            } else {
                String::new()
            }
        })
        .y_axis_label("%")
        .show(ui, |plot| {
            for (name, points, n) in [
                ("overall index", overall, 0),
                ("hosting abroad", hosting, 5),
            ] {
                let color = theme::series_color(&visuals, n);
                plot.line(
                    Line::new(name, PlotPoints::from(points.clone()))
                        .color(color)
                        .width(2.5),
                );
                plot.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(color)
                        .radius(4.0),
                );
            }
            if let Some(v) = shown {
                plot.vline(v);
            }
        });
}

/// The y range above the tallest figure, for the legend in the top-right corner.
const LEGEND_HEADROOM: f64 = 1.6;

/// The three per-year charts side by side, each plot `height` points high.
pub(super) fn year_charts_ui(ui: &mut Ui, cx: &ViewCtx, height: f32) {
    if cx.doc.years.is_empty() {
        return;
    }
    ui.columns(3, |columns| {
        capacity_ui(&mut columns[0], cx, height);
        spending_ui(&mut columns[1], cx, height);
        dependency_ui(&mut columns[2], cx, height);
    });
}
