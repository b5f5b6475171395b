//! A small SVG writer: rectangles, lines and escaped text, for the report's charts.

use std::fmt::Write;

use super::escape;

/// Font size of chart text, in px (about 10 pt printed at the chart's natural width).
pub const FONT_PX: f64 = 13.0;

/// An SVG drawing being built. Coordinates in px; the drawing scales to its container's width.
#[derive(Debug, Clone)]
pub struct Svg {
    width: f64,
    height: f64,
    body: String,
}

/// How text is anchored at its x coordinate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Svg {
    /// An empty drawing of the given size, in px.
    pub fn new(width: f64, height: f64) -> Svg {
        Svg {
            width,
            height,
            body: String::new(),
        }
    }

    /// A filled rectangle with a tooltip (`title`, escaped).
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, title: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"><title>{}</title></rect>"#,
            w.max(0.0),
            escape::html(title)
        );
    }

    /// An outlined, unfilled rectangle.
    pub fn frame(&mut self, x: f64, y: f64, w: f64, h: f64, stroke: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="none" stroke="{stroke}"/>"#,
            w.max(0.0)
        );
    }

    /// A line; `dashed` for reference marks.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, dashed: bool) {
        let _ = write!(
            self.body,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{stroke}" stroke-width="{}"{}/>"#,
            from.0,
            from.1,
            to.0,
            to.1,
            if dashed { 2 } else { 1 },
            if dashed {
                r#" stroke-dasharray="5 3""#
            } else {
                ""
            }
        );
    }

    /// A polyline through `points`, 2 px wide (a data series).
    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &str) {
        let coords = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(
            self.body,
            r#"<polyline points="{coords}" fill="none" stroke="{stroke}" stroke-width="2"/>"#
        );
    }

    /// Text (escaped) at a baseline position; `bold` for titles.
    pub fn text(&mut self, x: f64, y: f64, text: &str, anchor: Anchor, bold: bool) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}"{}>{}</text>"#,
            if bold { r#" font-weight="bold""# } else { "" },
            escape::html(text)
        );
    }

    /// The finished `<svg>` element, with an accessible title (escaped).
    pub fn finish(self, title: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" font-family="sans-serif" font-size="{FONT_PX}"><title>{}</title>{}</svg>"#,
            escape::html(title),
            self.body,
            w = self.width,
            h = self.height,
        )
    }
}
