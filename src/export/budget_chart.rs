//! The rent-or-own chart as inline SVG: the cumulative cost of renting every accelerator-hour the
//! workloads use and of owning the pool, year by year over the horizon, with the year renting
//! passes owning marked. Every value is read from [`RentVsOwn::cumulative`].

use crate::analysis::budget::RentVsOwn;
use crate::numbers::{readable, usd_number};

use super::charts::{GRID, INK, PALETTE, WIDTH, nice_step};
use super::svg::{Anchor, FONT_PX, Svg};

const HEIGHT: f64 = 340.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 76.0;
const BOTTOM: f64 = 48.0;
/// Colour of the renting path.
const RENT: &str = PALETTE[1];
/// Colour of the owning path.
const OWN: &str = PALETTE[0];

/// A year step that gives at most about ten labelled years.
fn year_step(horizon_years: f64) -> f64 {
    if horizon_years <= 10.0 {
        1.0
    } else {
        nice_step(horizon_years * 5.0 / 10.0)
    }
}

/// The value of the owning path at a fractional year (linear between the yearly points).
fn own_at(cumulative: &[[f64; 3]], year: f64) -> Option<f64> {
    cumulative.windows(2).find_map(|w| {
        let ([y0, _, o0], [y1, _, o1]) = (w[0], w[1]);
        (year >= y0 && year <= y1 && y1 > y0).then(|| o0 + (o1 - o0) * (year - y0) / (y1 - y0))
    })
}

/// The chart, or `None` when there are fewer than two yearly points.
pub fn rent_or_own(r: &RentVsOwn) -> Option<String> {
    let points = &r.cumulative;
    if points.len() < 2 {
        return None;
    }
    let horizon = points.iter().map(|p| p[0]).fold(0.0, f64::max);
    let max = points.iter().flat_map(|p| [p[1], p[2]]).fold(0.0, f64::max);
    let mut svg = Svg::new(WIDTH, HEIGHT);
    svg.text(
        LEFT,
        18.0,
        "Cumulative cost: renting all capacity vs owning the pool",
        Anchor::Start,
        true,
    );
    let legend = [
        (RENT, "Rent (USD, cumulative)"),
        (OWN, "Own (USD, cumulative)"),
    ];
    let mut x = LEFT;
    for (colour, text) in legend {
        svg.rect(x, 30.0, 12.0, 12.0, colour, text);
        svg.text(x + 16.0, 40.0, text, Anchor::Start, false);
        x += 30.0 + text.chars().count() as f64 * FONT_PX * 0.56;
    }
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let base = TOP + plot_h;
    let step = nice_step(max);
    let top_value = ((max / step).ceil().max(1.0)) * step;
    let sx = |year: f64| LEFT + year / horizon.max(f64::MIN_POSITIVE) * plot_w;
    let sy = |usd: f64| base - usd / top_value * plot_h;
    let mut v = 0.0;
    while v <= top_value + step * 1e-6 {
        svg.line((LEFT, sy(v)), (LEFT + plot_w, sy(v)), GRID, false);
        svg.text(LEFT - 6.0, sy(v) + 4.0, &usd_number(v), Anchor::End, false);
        v += step;
    }
    svg.text(LEFT - 6.0, TOP - 16.0, "USD", Anchor::End, true);
    let ystep = year_step(horizon);
    let mut year = 0.0;
    while year <= horizon + 1e-9 {
        svg.line((sx(year), base), (sx(year), base + 4.0), INK, false);
        svg.text(
            sx(year),
            base + FONT_PX + 6.0,
            &readable(year),
            Anchor::Middle,
            false,
        );
        year += ystep;
    }
    svg.line((LEFT, base), (LEFT + plot_w, base), INK, false);
    svg.line((LEFT, TOP), (LEFT, base), INK, false);
    svg.text(
        LEFT + plot_w / 2.0,
        HEIGHT - 8.0,
        "Years from the start",
        Anchor::Middle,
        false,
    );
    let path = |i: usize| {
        points
            .iter()
            .map(|p| (sx(p[0]), sy(p[i])))
            .collect::<Vec<_>>()
    };
    svg.polyline(&path(1), RENT);
    svg.polyline(&path(2), OWN);
    for p in points {
        let tip =
            |what: &str, v: f64| format!("{what}, year {}: {} USD", readable(p[0]), usd_number(v));
        svg.rect(
            sx(p[0]) - 3.0,
            sy(p[1]) - 3.0,
            6.0,
            6.0,
            RENT,
            &tip("Rent", p[1]),
        );
        svg.rect(
            sx(p[0]) - 3.0,
            sy(p[2]) - 3.0,
            6.0,
            6.0,
            OWN,
            &tip("Own", p[2]),
        );
    }
    if let Some(cross) = r.crossing_year.filter(|y| *y <= horizon) {
        let x = sx(cross);
        svg.line((x, TOP), (x, base), INK, true);
        let label = match own_at(points, cross) {
            Some(v) => format!(
                "renting passes owning after {} years ({} USD)",
                readable(cross),
                usd_number(v)
            ),
            None => format!("renting passes owning after {} years", readable(cross)),
        };
        let anchor = if x > LEFT + plot_w * 0.6 {
            Anchor::End
        } else {
            Anchor::Start
        };
        let dx = if anchor == Anchor::End { -4.0 } else { 4.0 };
        svg.text(x + dx, TOP + FONT_PX, &label, anchor, false);
    }
    Some(svg.finish("Cumulative cost of renting all capacity and of owning the pool, by year"))
}
