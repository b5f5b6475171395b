//! Charts: pooled capacity against need, remaining foreign dependency by supplier, stakes beside
//! population and GDP, and a what-if curve. Series come ready-made from `analysis::series`.

use std::borrow::Cow;
use std::ops::RangeInclusive;

use egui::Ui;
use egui_plot::{
    AxisHints, Bar, BarChart, Corner, GridInput, GridMark, HLine, HoverPosition, Legend, Line,
    Plot, VLine,
};

use super::ViewCtx;
use crate::analysis::Layer;
use crate::analysis::series::{self, ResourceBar};
use crate::app::theme;

/// How a chart is drawn: its height, and whether it draws its own heading (presentation mode
/// writes shorter ones of its own).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ChartLook {
    /// Height of the plot, in points.
    pub height: f32,
    /// Whether the chart draws its heading.
    pub heading: bool,
}

impl ChartLook {
    /// The charts view.
    const VIEW: ChartLook = ChartLook {
        height: theme::CHART_HEIGHT,
        heading: true,
    };
}

/// A tick-label formatter that labels only the marks egui_plot would show.
///
/// egui_plot formats every grid mark, the finest ones too, and then drops the labels closer than
/// `min_spacing` points; formatting the dropped ones cost more than drawing the chart. With the
/// axis `length_points` long (an overestimate: the whole plot), a mark whose step spans fewer
/// points than `min_spacing` is never shown, so it gets no text; the others are labelled as
/// egui_plot's default formatter does.
fn shown_ticks(
    length_points: f32,
    min_spacing: f32,
) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    move |mark, range| {
        let span = range.end() - range.start();
        if span > 0.0 && mark.step_size / span * f64::from(length_points) <= f64::from(min_spacing)
        {
            return String::new();
        }
        // Enough decimals for the step: 0.5 needs one (rounding the logarithm gave none, and the
        // 1-2-5 grid's 0.5 then read "0").
        let decimals = (-mark.step_size.log10() - 1e-9).ceil().max(0.0) as usize;
        egui::emath::format_with_decimals_in_range(mark.value, decimals..=decimals)
    }
}

/// Points between labelled y grid lines: more than a tick label is tall even at the presentation
/// body size (21 points), since egui_plot leaves out a label that does not fit its step.
pub(super) const Y_GRID_LABEL_SPACING: f32 = 36.0;

/// Grid marks at a 1-2-5 step (…, 10, 20, 50, 100, 200, …), the finest whose labels stand at
/// least `min_spacing` points apart on an axis `length_points` long, with thinner lines at a fifth
/// (for a step of 2, a quarter) of it. egui_plot's default steps by powers of ten, so a short
/// chart up to 800 at presentation size labelled only "0": a step of 100 was too dense to label
/// and 1,000 off the chart.
pub(super) fn nice_grid(
    length_points: f32,
    min_spacing: f32,
) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| {
        let (low, high) = input.bounds;
        let span = high - low;
        if !(span > 0.0 && span.is_finite()) || length_points <= 0.0 {
            return Vec::new();
        }
        let least = span * f64::from(min_spacing) / f64::from(length_points);
        let power = 10f64.powf(least.log10().floor());
        let (step, parts) = [(1.0, 5.0), (2.0, 4.0), (5.0, 5.0), (10.0, 5.0)]
            .into_iter()
            .map(|(m, parts)| (m * power, parts))
            .find(|(step, _)| *step > least)
            .unwrap_or((10.0 * power, 5.0));
        let minor = step / parts;
        let first = (low / minor).ceil() as i64;
        let last = (high / minor).floor() as i64;
        (first..=last.min(first + 1_000))
            .map(|k| {
                let value = k as f64 * minor;
                let major = (value / step - (value / step).round()).abs() < 1e-9;
                GridMark {
                    value,
                    step_size: if major { step } else { minor },
                }
            })
            .collect()
    }
}

/// Tick labels of a percentage axis `length_points` long, only across 0–100 %: the room beyond
/// (member names left of 0, a legend right of or above 100) shows no scale, so no bar seems to run
/// past 100 %.
fn percent_ticks(
    length_points: f32,
    min_spacing: f32,
) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    let shown = shown_ticks(length_points, min_spacing);
    move |m, range| {
        if (0.0..=100.0).contains(&m.value) {
            shown(m, range)
        } else {
            String::new()
        }
    }
}

/// Grid lines of a percentage axis, only across 0–100 %.
fn percent_grid() -> impl Fn(GridInput) -> Vec<GridMark> {
    let spacer = egui_plot::log_grid_spacer(10);
    move |input| {
        let mut marks = spacer(input);
        marks.retain(|m| (0.0..=100.0).contains(&m.value));
        marks
    }
}

/// A horizontal percentage chart's x axis: ticks, labels and grid lines only across 0–100 %.
pub(super) fn percent_x_axis(plot: Plot<'static>, width: f32) -> Plot<'static> {
    plot.x_axis_formatter(percent_ticks(width, X_LABEL_SPACING))
        .x_grid_spacer(percent_grid())
}

/// egui_plot's smallest spacing for tick labels, in points (its defaults).
const X_LABEL_SPACING: f32 = 60.0;
const Y_LABEL_SPACING: f32 = 20.0;

/// `bar` in `color`: filled with it (see [`theme::bar_fill`]) and outlined in `outline` (the
/// plot's background, [`theme::bar_outline`]), so stacked bars of near colours part.
pub(super) fn colored(bar: Bar, color: egui::Color32, outline: egui::Color32) -> Bar {
    bar.fill(theme::bar_fill(color))
        .stroke(egui::Stroke::new(1.0, outline))
}

/// A plot that only shows figures: no zoom, drag or scroll, tick labels formatted only where shown,
/// and a legend at the top right. Callers override what differs.
pub(super) fn static_plot(id: &str, width: f32, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .x_axis_formatter(shown_ticks(width, X_LABEL_SPACING))
        .y_axis_formatter(shown_ticks(height, Y_LABEL_SPACING))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .legend(Legend::default().position(Corner::RightTop))
}

/// Points the capacity legend takes at the right of a chart (its widest label, "12 others", with
/// its marker and margins).
const CAPACITY_LEGEND_WIDTH: f32 = 140.0;

/// Points of a legend row that are not its text: the colour marker and the margins.
const LEGEND_MARKER_WIDTH: f32 = 30.0;

/// The x range's right end for a capacity chart `width` points wide, so that the legend in the
/// top-right corner stays clear of the "needed" bar (which ends at x = 1.3, the range starting at
/// −0.6): narrow charts, as in presentation mode, get more room.
fn legend_room_x(width: f32) -> f64 {
    let plot = f64::from(width);
    let free = (plot - f64::from(CAPACITY_LEGEND_WIDTH)).max(plot * 0.25);
    (-0.6 + 1.9 * plot / free).max(2.6)
}

fn resource_ui(ui: &mut Ui, bar: &ResourceBar, width: f32, height: f32) {
    ui.vertical(|ui| {
        ui.set_width(width);
        ui.strong(format!("{} ({})", bar.title, bar.unit));
        let unit = bar.unit;
        let requirement = theme::requirement_color(ui.visuals());
        let mut charts: Vec<BarChart> = Vec::new();
        // Members by name in the legend where every name fits its width, else by code; the hover
        // text names them in full either way.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let by_name = bar.by_member.iter().all(|p| {
            let wide = ui
                .painter()
                .layout_no_wrap(p.name.to_string(), font.clone(), egui::Color32::PLACEHOLDER)
                .size()
                .x;
            wide <= CAPACITY_LEGEND_WIDTH - LEGEND_MARKER_WIDTH
        });
        let outline = theme::bar_outline(ui.visuals());
        for p in &bar.by_member {
            let color = theme::member_color(ui.visuals(), p.slot);
            let chart = BarChart::new(
                if by_name {
                    p.name.clone()
                } else {
                    p.label.clone()
                },
                vec![colored(
                    Bar::new(0.0, p.value).width(0.6).name(&p.name),
                    color,
                    outline,
                )],
            )
            .color(color)
            .element_formatter(Box::new(move |b, _| {
                format!("{}: {}", b.name, crate::numbers::with_unit(b.value, unit))
            }));
            let refs: Vec<&BarChart> = charts.iter().collect();
            let chart = chart.stack_on(&refs);
            charts.push(chart);
        }
        let needed_label = bar.needed_label.clone();
        let needed = bar.needed.map(|v| {
            let bar = Bar::new(1.0, v).width(0.6).name("needed");
            BarChart::new("needed", vec![colored(bar, requirement, outline)])
                .color(requirement)
                .element_formatter(Box::new(move |b, _| {
                    format!(
                        "needed: {}\n{needed_label}",
                        crate::numbers::with_unit(b.value, unit)
                    )
                }))
        });
        static_plot(&format!("capacity-{}", bar.title), width, height)
            .y_grid_spacer(nice_grid(height, Y_GRID_LABEL_SPACING))
            .legend(
                Legend::default()
                    .position(Corner::RightTop)
                    .follow_insertion_order(true),
            )
            .show_x(false)
            // The x axis holds two categories: vertical grid lines would only add clutter.
            .show_grid([false, true])
            .include_y(0.0)
            .include_x(-0.6)
            .include_x(legend_room_x(width))
            // Two category labels, one unit apart: shown down to 30 points apart (egui_plot's
            // default of 60 dropped "needed" on the narrow charts of presentation mode).
            .custom_x_axes(vec![
                AxisHints::new_x()
                    .label_spacing(30.0..=40.0)
                    .formatter(|m, _| match m.value.round() as i64 {
                        0 if (m.value - 0.0).abs() < 0.01 => "pool".to_string(),
                        1 if (m.value - 1.0).abs() < 0.01 => "needed".to_string(),
                        _ => String::new(),
                    }),
            ])
            .y_axis_label(unit)
            .show(ui, |plot| {
                for c in charts {
                    plot.bar_chart(c);
                }
                if let Some(n) = needed {
                    plot.bar_chart(n);
                }
            });
        ui.label(egui::RichText::new(&bar.needed_label).small());
    });
}

/// Points of a capacity chart's height that its legend rows cannot use: the x axis below the
/// plot and the legend's frame.
const LEGEND_OVERHEAD: f32 = 40.0;

/// How many members a capacity chart `height` points tall names in its legend, beside the
/// "others" and "needed" rows, so that the legend never runs over the bars: ten in the charts
/// view, fewer in presentation mode on a laptop screen.
fn legend_members(ui: &Ui, height: f32) -> usize {
    let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let rows = ((height - LEGEND_OVERHEAD) / row).floor().max(0.0) as usize;
    rows.saturating_sub(2).clamp(1, series::TOP_MEMBERS)
}

/// The width of each of the three capacity charts in `ui`.
fn capacity_width(ui: &Ui) -> f32 {
    let gaps = 2.0 * ui.spacing().item_spacing.x;
    ((ui.available_width() - gaps - 12.0) / 3.0).max(220.0)
}

/// Height of the text above and below the capacity charts' plots in `ui` (each chart's title and
/// its note on the need, wrapped to the chart's width, the tallest of the three), so a caller can
/// give the plots what is left of a height.
pub(super) fn capacity_text_height(ui: &Ui, cx: &ViewCtx) -> f32 {
    let width = capacity_width(ui);
    let height = |text: egui::RichText| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                width,
                egui::TextStyle::Body,
            )
            .size()
            .y
    };
    let bars = series::capacity(&cx.doc.report, 1);
    let title = bars
        .iter()
        .map(|b| height(egui::RichText::new(format!("{} ({})", b.title, b.unit)).strong()))
        .fold(0.0, f32::max);
    let note = bars
        .iter()
        .map(|b| height(egui::RichText::new(&b.needed_label).small()))
        .fold(0.0, f32::max);
    title + note + 2.0 * ui.spacing().item_spacing.y
}

/// Pooled compute, power and experts by member against need, each plot `height` points high
/// (the charts view and presentation mode). Returns the rect the three charts take.
pub(super) fn capacity_ui(ui: &mut Ui, cx: &ViewCtx, look: ChartLook) -> egui::Rect {
    let height = look.height;
    if look.heading {
        ui.heading("Pooled capacity by member, against need");
    }
    let bars = series::capacity(&cx.doc.report, legend_members(ui, height));
    let width = capacity_width(ui);
    ui.horizontal_wrapped(|ui| {
        for bar in &bars {
            resource_ui(ui, bar, width, height);
        }
    })
    .response
    .rect
}

/// Width of `text` at the body size in `ui`, in points.
fn text_width(ui: &Ui, text: &str) -> f32 {
    crate::app::widgets::text_width(ui, text)
}

/// Points a legend's frame, margins and the y axis's labels take beside its entries' width.
const LEGEND_FRAME_WIDTH: f32 = 24.0;
/// Points the dependency chart's y axis (the layer names) takes at the left.
const DEPENDENCY_AXIS_WIDTH: f32 = 120.0;

/// The x range's right end for a horizontal percentage chart `width` points wide, so that a
/// legend `legend_width` points wide right of 100 % never covers a bar (at least 128 %).
fn percent_room_x(width: f32, legend_width: f32) -> f64 {
    let plot = f64::from(width - DEPENDENCY_AXIS_WIDTH);
    let free = (plot - f64::from(legend_width)).max(plot * 0.5);
    (100.0 * plot / free).max(128.0)
}

/// The remaining foreign dependency per layer by supplier, `height` points high. Returns the
/// plot's rect.
pub(super) fn dependency_ui(ui: &mut Ui, cx: &ViewCtx, look: ChartLook) -> egui::Rect {
    let (report, height) = (&cx.doc.report, look.height);
    if look.heading {
        ui.heading(format!(
            "Remaining foreign dependency — overall index {}",
            crate::numbers::short_percent(report.dependency.overall)
        ));
    }
    let segments = series::dependency_segments(report, cx.catalog);
    let mut suppliers: Vec<(Cow<'static, str>, Cow<'static, str>)> = Vec::new();
    for s in &segments {
        if !suppliers.iter().any(|(code, _)| code == &s.supplier) {
            suppliers.push((s.supplier.clone(), s.supplier_name.clone()));
        }
    }
    let n_layers = Layer::ALL.len();
    let mut charts: Vec<BarChart> = Vec::new();
    for (n, (code, name)) in suppliers.iter().enumerate() {
        let color = theme::series_color(ui.visuals(), n);
        let outline = theme::bar_outline(ui.visuals());
        // egui_plot stacks bar i on bar i of the charts below, so every supplier gets one bar per
        // layer (zero where it supplies nothing) in the same order.
        let bars: Vec<Bar> = Layer::ALL
            .iter()
            .map(|layer| {
                let share = segments
                    .iter()
                    .find(|s| &s.supplier == code && s.layer == layer.index())
                    .map_or(0.0, |s| s.share);
                let bar = Bar::new((n_layers - 1 - layer.index()) as f64, share * 100.0)
                    .width(0.7)
                    .name(layer.label());
                colored(bar, color, outline)
            })
            .collect();
        let label = name.clone();
        let chart = BarChart::new(name.clone(), bars)
            .horizontal()
            .color(color)
            .element_formatter(Box::new(move |b, _| {
                format!(
                    "{}: {label} supplies {:.0} % from outside the consortium",
                    b.name, b.value
                )
            }));
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&refs);
        charts.push(chart);
    }
    let width = ui.available_width();
    let legend_width = suppliers
        .iter()
        .map(|(_, name)| text_width(ui, name))
        .fold(0.0, f32::max)
        + ui.text_style_height(&egui::TextStyle::Body) * 1.2
        + LEGEND_FRAME_WIDTH;
    let plot = static_plot("dependency", width, height);
    percent_x_axis(plot, width)
        .include_x(0.0)
        // Room right of 100 % for the legend, so it never covers a full bar.
        .include_x(percent_room_x(width, legend_width))
        .include_y(-0.6)
        .include_y(n_layers as f64 - 0.4)
        .x_axis_label("% of the layer supplied from outside the consortium")
        // One bar per layer on the y axis: horizontal grid lines would only add clutter.
        .show_grid([true, false])
        .y_axis_min_width(DEPENDENCY_AXIS_WIDTH)
        .y_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() > 0.01 || i < 0.0 || i >= n_layers as f64 {
                return String::new();
            }
            Layer::ALL[n_layers - 1 - i as usize].label().to_string()
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        })
        .response
        .rect
}

fn stakes_ui(ui: &mut Ui, cx: &ViewCtx) {
    ui.heading("Stake in the pool beside population and GDP");
    let s = series::top_stakes(&cx.doc.report, series::STAKE_MEMBERS);
    let names = s.names.clone();
    let visuals = ui.visuals().clone();
    let make = |name: &str, offset: f64, values: &[f64], n: usize| {
        let color = theme::series_color(&visuals, n);
        let outline = theme::bar_outline(&visuals);
        let bars: Vec<Bar> = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let bar = Bar::new(i as f64 + offset, v * 100.0)
                    .width(0.26)
                    .name(&names[i]);
                colored(bar, color, outline)
            })
            .collect();
        let series_name = name.to_string();
        BarChart::new(name, bars)
            .color(color)
            .element_formatter(Box::new(move |b, _| {
                format!("{} — {series_name}: {:.1} %", b.name, b.value)
            }))
    };
    let stake = make("stake in pooled value", -0.28, &s.stake, 0);
    let population = make("share of population", 0.0, &s.population, 1);
    let gdp = make("share of GDP", 0.28, &s.gdp, 2);
    let labels = axis_labels(ui, &s, ui.available_width());
    // Headroom above the tallest bar for the legend in the top-right corner, which the "others"
    // group (often the tallest) sits under at 193 members.
    let tallest = [&s.stake, &s.population, &s.gdp]
        .into_iter()
        .flatten()
        .fold(0.0, |a: f64, &b| a.max(b));
    static_plot("stakes", ui.available_width(), theme::CHART_HEIGHT)
        // Members on the x axis: vertical grid lines would only add clutter.
        .show_grid([false, true])
        .include_y(0.0)
        .include_y(tallest * 100.0 * STAKES_LEGEND_HEADROOM)
        .y_axis_formatter(percent_ticks(theme::CHART_HEIGHT, Y_LABEL_SPACING))
        .y_grid_spacer(percent_grid())
        // The legend in the bars' order within each group.
        .legend(
            Legend::default()
                .position(Corner::RightTop)
                .follow_insertion_order(true),
        )
        .y_axis_label("%")
        .x_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels
                .get(i as usize)
                .map(|l| l.to_string())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(stake);
            plot.bar_chart(population);
            plot.bar_chart(gdp);
        });
}

/// The stakes chart's member labels: each member's name where it fits under its group of bars,
/// else its code (the bars' hover text names it in full).
fn axis_labels(ui: &Ui, s: &series::Stakes, width: f32) -> Vec<String> {
    let groups = s.members.len().max(1) as f32;
    // The plot spans the groups and half a group's margin at each end, less the y axis.
    let room = (width - 60.0) / (groups + 1.0) - 8.0;
    let font = egui::TextStyle::Body.resolve(ui.style());
    s.members
        .iter()
        .zip(&s.names)
        .map(|(code, name)| {
            let wide = ui
                .painter()
                .layout_no_wrap(name.to_string(), font.clone(), egui::Color32::PLACEHOLDER)
                .size()
                .x;
            if wide <= room {
                name.to_string()
            } else {
                code.to_string()
            }
        })
        .collect()
}

/// The stakes chart's y range as a multiple of its tallest bar: the legend's three rows take the
/// top quarter of the chart.
const STAKES_LEGEND_HEADROOM: f64 = 1.4;

/// Days to finish the main training workload as the pool grows or shrinks, `height` points high.
/// Returns the rect it takes.
pub(super) fn what_if_ui(ui: &mut Ui, cx: &ViewCtx, look: ChartLook) -> egui::Rect {
    let (report, height) = (&cx.doc.report, look.height);
    let Some(i) = series::main_training_workload(report) else {
        if look.heading {
            ui.heading("What if the pool grows or shrinks?");
        }
        return ui
            .label("Add a training workload to see how long it takes as the pool changes.")
            .rect;
    };
    let w = &report.workloads[i];
    if look.heading {
        ui.heading(format!("What if the pool grows or shrinks? — “{}”", w.name));
    }
    let points = series::what_if_days(report, i);
    let range = if cx.state.show_ranges {
        series::what_if_days_range(report, i)
    } else {
        None
    };
    // A target far above the whole curve (a 90-day target for a run of hours) would squash the
    // curve flat against the axis: it is then left off the chart and named in the legend.
    let slowest = points.iter().map(|p| p[1]).fold(0.0, f64::max);
    let slowest = range.as_ref().map_or(slowest, |[_, hi]| {
        hi.iter().map(|p| p[1]).fold(slowest, f64::max)
    });
    let (target, target_off_chart) = match w.target_days {
        Some(t) if slowest > 0.0 && t > TARGET_OFF_CHART_FACTOR * slowest => (None, Some(t)),
        t => (t, None),
    };
    // A run of hours is counted in hours, as the Overview's tile counts it: in days the axis read
    // in small fractions of a day.
    let time = TimeUnit::for_longest(slowest);
    let in_unit = |line: Vec<[f64; 2]>| -> Vec<[f64; 2]> {
        line.into_iter()
            .map(|[x, days]| [x, days * time.per_day])
            .collect()
    };
    let points = in_unit(points);
    let range = range.map(|[lo, hi]| [in_unit(lo), in_unit(hi)]);
    let unit = time.name;
    let requirement = theme::requirement_color(ui.visuals());
    let target_color = theme::status_color(ui.visuals(), theme::Status::Bad);
    let curve_color = theme::series_color(ui.visuals(), 0);
    let range_color = theme::range_color(ui.visuals());
    static_plot("what-if", ui.available_width(), height)
        .y_grid_spacer(nice_grid(height, Y_GRID_LABEL_SPACING))
        .include_y(0.0)
        .x_axis_label("pool size (× today's compute)")
        .y_axis_label(format!("{unit} to finish"))
        .label_formatter(move |pos| match pos {
            HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "{:.2}× pool: {}",
                position.x,
                crate::numbers::with_unit(position.y, unit)
            )),
            _ => None,
        })
        .show(ui, |plot| {
            let curve = match target_off_chart {
                Some(t) => format!(
                    "{unit} to finish (target: {} days, far above)",
                    crate::numbers::grouped(t, 0)
                ),
                None => format!("{unit} to finish"),
            };
            plot.line(Line::new(curve, points).color(curve_color).width(2.5));
            if let Some([lo, hi]) = range {
                // One legend entry for both ends: the range from the MFU and confidence bands.
                let name = "range (MFU ±30 %, chip confidence)";
                for end in [lo, hi] {
                    plot.line(
                        Line::new(name, end)
                            .color(range_color)
                            .width(1.5)
                            .style(egui_plot::LineStyle::dashed_loose()),
                    );
                }
            }
            plot.vline(VLine::new("today's pool", 1.0).color(requirement));
            if let Some(t) = target {
                let label = format!("target: {} days", crate::numbers::grouped(t, 0));
                plot.hline(HLine::new(label, t * time.per_day).color(target_color));
            }
        })
        .response
        .rect
}

/// The unit the what-if chart counts time in.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TimeUnit {
    /// Its name, plural ("days", "hours").
    name: &'static str,
    /// How many of it make a day.
    per_day: f64,
}

impl TimeUnit {
    /// Hours when the longest time on the chart is under a day, else days.
    fn for_longest(days: f64) -> TimeUnit {
        if days < 1.0 {
            TimeUnit {
                name: "hours",
                per_day: 24.0,
            }
        } else {
            TimeUnit {
                name: "days",
                per_day: 1.0,
            }
        }
    }
}

/// A training target more than this many times the slowest point of the what-if curve is left
/// off the chart.
const TARGET_OFF_CHART_FACTOR: f64 = 3.0;

/// The charts view.
pub fn charts_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            capacity_ui(ui, cx, ChartLook::VIEW);
            ui.add_space(12.0);
            dependency_ui(ui, cx, ChartLook::VIEW);
            ui.add_space(12.0);
            stakes_ui(ui, cx);
            ui.add_space(12.0);
            what_if_ui(ui, cx, ChartLook::VIEW);
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn majors(bounds: (f64, f64), length: f32) -> Vec<f64> {
        let input = GridInput {
            bounds,
            base_step_size: 1.0,
        };
        let marks = nice_grid(length, Y_GRID_LABEL_SPACING)(input);
        let step = marks.iter().map(|m| m.step_size).fold(0.0, f64::max);
        marks
            .iter()
            .filter(|m| m.step_size == step)
            .map(|m| m.value)
            .collect()
    }

    #[test]
    fn a_short_chart_up_to_800_is_labelled_every_200() {
        // The presentation's compute chart at 1366×768: about 170 points tall, 0 to 850 PFLOP/s.
        // Powers of ten labelled only "0" there; labels must stand 36 points apart.
        assert_eq!(
            majors((-10.0, 850.0), 170.0),
            [0.0, 200.0, 400.0, 600.0, 800.0]
        );
        assert_eq!(majors((-10.0, 850.0), 120.0), [0.0, 500.0]);
        assert_eq!(majors((0.0, 1.6), 230.0), [0.0, 0.5, 1.0, 1.5]);
        assert!(majors((0.0, 0.0), 100.0).is_empty());
    }
}
