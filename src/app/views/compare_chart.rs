//! The chart of the Compare view: each figure that moved, the second value as a percentage of
//! the first, one pair of bars per figure (the first always at 100 %), so figures of different
//! units share one axis.

use egui::Ui;
use egui_plot::{Bar, BarChart, Corner, Legend};

use crate::app::theme;
use crate::diff::FigureChange;

/// Most figures charted (the list above shows them all).
const MAX_BARS: usize = 16;

/// A grouped horizontal bar chart of the figures that moved (nothing when none did).
pub fn moved_figures_chart_ui(ui: &mut Ui, id: &str, figures: &[FigureChange], a: &str, b: &str) {
    let rows: Vec<(&str, f64)> = figures
        .iter()
        .filter(|f| f.has_moved())
        .filter_map(|f| Some((f.label.as_str(), f.percent_of_before()?)))
        .take(MAX_BARS)
        .collect();
    if rows.is_empty() {
        ui.label("No figure that exists in both moved.");
        return;
    }
    let n = rows.len();
    let y = |i: usize| (n - 1 - i) as f64;
    let (a_color, b_color) = (
        theme::series_color(ui.visuals(), 8),
        theme::series_color(ui.visuals(), 0),
    );
    let outline = theme::bar_outline(ui.visuals());
    let first: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, _))| {
            let bar = Bar::new(y(i) + 0.18, 100.0).width(0.34).name(*label);
            super::charts::colored(bar, a_color, outline)
        })
        .collect();
    let second: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let bar = Bar::new(y(i) - 0.18, *v).width(0.34).name(*label);
            super::charts::colored(bar, b_color, outline)
        })
        .collect();
    let a_name = a.to_string();
    let b_name = b.to_string();
    let max = rows.iter().map(|r| r.1).fold(100.0_f64, f64::max);
    let labels: Vec<String> = rows.iter().map(|r| r.0.to_string()).collect();
    // As tall as the rows need, but never taller than the room left, so the axis stays visible.
    let height = (n as f32 * 34.0 + 60.0)
        .min(ui.available_height())
        .max(theme::CHART_HEIGHT * 0.6);
    super::charts::static_plot(id, ui.available_width(), height)
        .legend(Legend::default().position(Corner::RightBottom))
        .include_x(0.0)
        .include_x(max * 1.15)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .x_axis_label(format!("% of \u{201c}{a}\u{201d} (100 = the same)"))
        .y_axis_min_width(220.0)
        .y_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() > 0.01 || i < 0.0 || i >= n as f64 {
                return String::new();
            }
            labels[n - 1 - i as usize].clone()
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(a_name.clone(), first)
                    .horizontal()
                    .color(a_color)
                    .element_formatter(Box::new(move |bar, _| {
                        format!("{}: {a_name} = 100 %", bar.name)
                    })),
            );
            plot.bar_chart(
                BarChart::new(b_name.clone(), second)
                    .horizontal()
                    .color(b_color)
                    .element_formatter(Box::new(move |bar, _| {
                        format!("{}: {b_name} = {:.1} %", bar.name, bar.value)
                    })),
            );
        });
}
