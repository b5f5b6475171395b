//! The report's charts as inline SVG, drawn from [`crate::analysis::series`]: each resource pooled
//! by member against the need, the foreign dependency per layer by supplier, and members' stakes
//! beside their population and GDP shares. Horizontal bars with labels, units and legends; long
//! member lists are cut to the largest and "others".

use crate::analysis::series::{self, Point, ResourceBar};
use crate::analysis::{Layer, Report};
use crate::catalog::Catalog;
use crate::numbers::{percent, readable};

use super::svg::{Anchor, FONT_PX, Svg};

/// Width of every chart, in px (fits an A4 page with margins at 96 dpi).
pub const WIDTH: f64 = 720.0;
const LABEL_W: f64 = 150.0;
const RIGHT_W: f64 = 70.0;
const PLOT_W: f64 = WIDTH - LABEL_W - RIGHT_W;
const ROW_H: f64 = 24.0;
const BAR_H: f64 = 16.0;
pub use crate::analysis::series::STAKE_MEMBERS;

/// Colours for series (colour-blind-safe Tableau 10), then grey for everything else.
pub(super) const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#86bcb6",
];
const OTHER: &str = "#bab0ac";
pub(super) const INK: &str = "#222222";
pub(super) const GRID: &str = "#dddddd";

fn colour(i: usize) -> &'static str {
    PALETTE.get(i).copied().unwrap_or(OTHER)
}

/// A member's colour by its slot, the same in every chart; grey for "others".
fn member_colour(p: &crate::analysis::series::Point) -> &'static str {
    p.slot.map_or(OTHER, colour)
}

/// A "nice" axis step (1, 2, 2.5 or 5 × 10ⁿ) giving about five ticks up to `max`.
pub(super) fn nice_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// Draws the value axis along `y` with ticks up to `max` and the unit beside it; returns px per
/// unit.
fn axis(svg: &mut Svg, y: f64, top: f64, max: f64, label: impl Fn(f64) -> String) -> f64 {
    let step = nice_step(max);
    let end = (max / step).ceil().max(1.0) * step;
    let scale = PLOT_W / end;
    let mut v = 0.0;
    while v <= end + step * 1e-6 {
        let x = LABEL_W + v * scale;
        svg.line((x, top), (x, y), GRID, false);
        svg.text(x, y + FONT_PX + 2.0, &label(v), Anchor::Middle, false);
        v += step;
    }
    svg.line((LABEL_W, y), (LABEL_W + PLOT_W, y), INK, false);
    scale
}

/// Lays out legend entries (colour, text) in rows from `y`; returns the y below the legend.
fn legend(svg: &mut Svg, y: f64, entries: &[(&str, String)]) -> f64 {
    let (mut x, mut y) = (LABEL_W, y);
    for (fill, text) in entries {
        let w = 22.0 + text.chars().count() as f64 * FONT_PX * 0.56;
        if x + w > WIDTH && x > LABEL_W {
            x = LABEL_W;
            y += ROW_H - 4.0;
        }
        svg.rect(x, y - 10.0, 12.0, 12.0, fill, text);
        svg.text(x + 16.0, y, text, Anchor::Start, false);
        x += w + 12.0;
    }
    y + ROW_H
}

fn legend_height(entries: &[(&str, String)]) -> f64 {
    let mut x = LABEL_W;
    let mut rows = 1.0;
    for (_, text) in entries {
        let w = 22.0 + text.chars().count() as f64 * FONT_PX * 0.56;
        if x + w > WIDTH && x > LABEL_W {
            x = LABEL_W;
            rows += 1.0;
        }
        x += w + 12.0;
    }
    rows * (ROW_H - 4.0) + ROW_H
}

/// Longest row label that fits left of the bars at the chart's font size.
const LABEL_CHARS: usize = 20;

/// A row label cut to [`LABEL_CHARS`] with "…" (the full text stays in the bar's tooltip).
fn fit_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// One resource: the pool stacked by member, and what the plan needs.
fn resource_chart(bar: &ResourceBar) -> String {
    let total = total(&bar.by_member);
    let max = total.max(bar.needed.unwrap_or(0.0)).max(f64::MIN_POSITIVE);
    let entries: Vec<(&str, String)> = bar
        .by_member
        .iter()
        .map(|p| {
            (
                member_colour(p),
                format!("{} {}", p.label, readable(p.value)),
            )
        })
        .collect();
    let top = 30.0;
    let axis_y = top + 2.0 * ROW_H + 6.0;
    let height = axis_y + FONT_PX + 14.0 + legend_height(&entries) + 18.0;
    let mut svg = Svg::new(WIDTH, height);
    svg.text(
        0.0,
        18.0,
        &format!("{} ({})", bar.title, bar.unit),
        Anchor::Start,
        true,
    );
    let scale = axis(&mut svg, axis_y, top, max * 1.02, readable);
    let mut x = LABEL_W;
    let y = top + (ROW_H - BAR_H) / 2.0;
    svg.text(LABEL_W - 8.0, y + BAR_H - 3.0, "Pool", Anchor::End, false);
    for p in &bar.by_member {
        let w = p.value * scale;
        svg.rect(
            x,
            y,
            w,
            BAR_H,
            member_colour(p),
            &format!("{}: {} {}", p.label, readable(p.value), bar.unit),
        );
        x += w;
    }
    svg.text(
        x + 4.0,
        y + BAR_H - 3.0,
        &readable(total),
        Anchor::Start,
        false,
    );
    let y2 = y + ROW_H;
    svg.text(
        LABEL_W - 8.0,
        y2 + BAR_H - 3.0,
        "Needed",
        Anchor::End,
        false,
    );
    match bar.needed {
        Some(need) => {
            svg.frame(LABEL_W, y2, need * scale, BAR_H, INK);
            svg.text(
                LABEL_W + need * scale + 4.0,
                y2 + BAR_H - 3.0,
                &readable(need),
                Anchor::Start,
                false,
            );
            if need > 0.0 {
                let nx = LABEL_W + need * scale;
                svg.line((nx, top - 4.0), (nx, y2 + BAR_H), INK, true);
            }
        }
        None => svg.text(LABEL_W + 4.0, y2 + BAR_H - 3.0, "—", Anchor::Start, false),
    }
    let legend_y = axis_y + FONT_PX + 26.0;
    let below = legend(&mut svg, legend_y, &entries);
    svg.text(
        0.0,
        below - 4.0,
        &format!("Needed: {}", bar.needed_label),
        Anchor::Start,
        false,
    );
    svg.finish(&format!(
        "{} by member against the need, in {}",
        bar.title, bar.unit
    ))
}

/// The capacity charts (compute, power, experts), one SVG each.
pub fn capacity(report: &Report) -> Vec<String> {
    series::capacity(report, series::TOP_MEMBERS)
        .iter()
        .map(resource_chart)
        .collect()
}

/// The foreign share of every layer, stacked by supplier, 0 to 100 %.
pub fn dependency(report: &Report, catalog: &'static Catalog) -> String {
    let segments = series::dependency_segments(report, catalog);
    let mut suppliers: Vec<(String, String)> = Vec::new();
    for s in &segments {
        if !suppliers.iter().any(|(code, _)| code == &s.supplier) {
            suppliers.push((s.supplier.to_string(), s.supplier_name.to_string()));
        }
    }
    let colour_of =
        |code: &str| colour(suppliers.iter().position(|(c, _)| c == code).unwrap_or(99));
    let mut entries: Vec<(&str, String)> = suppliers
        .iter()
        .take(PALETTE.len())
        .map(|(code, name)| (colour_of(code), name.clone()))
        .collect();
    if suppliers.len() > PALETTE.len() {
        entries.push((OTHER, "other suppliers".to_string()));
    }
    let top = 30.0;
    let axis_y = top + Layer::ALL.len() as f64 * ROW_H + 4.0;
    let height = axis_y + FONT_PX + 14.0 + legend_height(&entries) + 4.0;
    let mut svg = Svg::new(WIDTH, height);
    svg.text(
        0.0,
        18.0,
        "Foreign share of each layer, by supplier (%)",
        Anchor::Start,
        true,
    );
    let scale = axis(&mut svg, axis_y, top, 1.0, |v| {
        format!("{:.0} %", v * 100.0)
    });
    for layer in Layer::ALL {
        let y = top + layer.index() as f64 * ROW_H + (ROW_H - BAR_H) / 2.0;
        svg.text(
            LABEL_W - 8.0,
            y + BAR_H - 3.0,
            layer.label(),
            Anchor::End,
            false,
        );
        let mut x = LABEL_W;
        for s in segments.iter().filter(|s| s.layer == layer.index()) {
            let w = s.share * scale;
            svg.rect(
                x,
                y,
                w,
                BAR_H,
                colour_of(&s.supplier),
                &format!(
                    "{}: {} from {}",
                    layer.label(),
                    percent(s.share),
                    s.supplier_name
                ),
            );
            x += w;
        }
        let l = report.dependency.layer(layer);
        let label = if l.empty {
            "— (nothing in this layer)".to_string()
        } else {
            percent(l.foreign_share)
        };
        svg.text(x + 4.0, y + BAR_H - 3.0, &label, Anchor::Start, false);
    }
    legend(&mut svg, axis_y + FONT_PX + 26.0, &entries);
    svg.finish("Foreign dependency per layer, split by supplier country")
}

/// Members' stakes beside their shares of the consortium's population and GDP (largest stakes
/// first; beyond [`STAKE_MEMBERS`] the rest are summed as "others").
pub fn stakes(report: &Report, catalog: &'static Catalog) -> String {
    let s = series::top_stakes(report, STAKE_MEMBERS);
    let rows: Vec<(String, [f64; 3])> = (0..s.members.len())
        .map(|i| {
            let code = &s.members[i];
            let label = match catalog.country(code) {
                Some(c) => format!("{code} {}", c.name),
                None => code.to_string(),
            };
            (label, [s.stake[i], s.population[i], s.gdp[i]])
        })
        .collect();
    let names = ["Stake of pooled value", "Population share", "GDP share"];
    let entries: Vec<(&str, String)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (colour(i), n.to_string()))
        .collect();
    let group_h = 3.0 * 9.0 + 10.0;
    let top = 30.0;
    let axis_y = top + rows.len() as f64 * group_h + 4.0;
    let height = axis_y + FONT_PX + 14.0 + legend_height(&entries) + 4.0;
    let max = rows
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .fold(0.0, f64::max)
        .max(0.01);
    let mut svg = Svg::new(WIDTH, height);
    svg.text(
        0.0,
        18.0,
        "Stake of pooled value beside population and GDP share (%)",
        Anchor::Start,
        true,
    );
    let scale = axis(&mut svg, axis_y, top, max * 1.05, |v| {
        format!("{:.0} %", v * 100.0)
    });
    for (r, (label, values)) in rows.iter().enumerate() {
        let y = top + r as f64 * group_h + 4.0;
        svg.text(
            LABEL_W - 8.0,
            y + 19.0,
            &fit_label(label),
            Anchor::End,
            false,
        );
        for (k, v) in values.iter().enumerate() {
            let by = y + k as f64 * 9.0;
            svg.rect(
                LABEL_W,
                by,
                v * scale,
                8.0,
                colour(k),
                &format!("{label}: {} {}", names[k].to_lowercase(), percent(*v)),
            );
            if k == 0 {
                svg.text(
                    LABEL_W + v * scale + 4.0,
                    by + 8.0,
                    &percent(*v),
                    Anchor::Start,
                    false,
                );
            }
        }
    }
    legend(&mut svg, axis_y + FONT_PX + 26.0, &entries);
    svg.finish("Members' stakes beside their population and GDP shares")
}

/// Points of a series summed (the total beside a stacked bar).
fn total(points: &[Point]) -> f64 {
    points.iter().fold(0.0, |a, p| a + p.value)
}
