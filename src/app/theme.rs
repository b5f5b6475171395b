//! Design tokens: every colour and size the app uses, in one place, for light and dark themes.

use egui::{Color32, Visuals};

/// Status of a figure against its requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Meets its requirement.
    Good,
    /// Close to or at risk of missing it, or needs attention.
    Warn,
    /// Misses it.
    Bad,
    /// No requirement to compare against.
    Neutral,
}

/// Colour of a status on the current theme (readable on both backgrounds).
pub fn status_color(visuals: &Visuals, status: Status) -> Color32 {
    let dark = visuals.dark_mode;
    match (status, dark) {
        (Status::Good, false) => Color32::from_rgb(0x1b, 0x7a, 0x3a),
        (Status::Good, true) => Color32::from_rgb(0x6c, 0xd6, 0x8a),
        (Status::Warn, false) => Color32::from_rgb(0x9a, 0x5b, 0x00),
        (Status::Warn, true) => Color32::from_rgb(0xf0, 0xb4, 0x4c),
        (Status::Bad, false) => Color32::from_rgb(0xb3, 0x1b, 0x1b),
        (Status::Bad, true) => Color32::from_rgb(0xff, 0x7b, 0x72),
        (Status::Neutral, _) => visuals.text_color(),
    }
}

/// Background tint of a tile with this status.
pub fn status_fill(visuals: &Visuals, status: Status) -> Color32 {
    let base = status_color(visuals, status);
    let alpha = if visuals.dark_mode { 40 } else { 28 };
    Color32::from_rgba_unmultiplied(base.r(), base.g(), base.b(), alpha)
}

/// A qualitative palette (Okabe–Ito plus greys), distinguishable by colour-blind readers.
const PALETTE: [Color32; 10] = [
    Color32::from_rgb(0x00, 0x72, 0xb2),
    Color32::from_rgb(0xe6, 0x9f, 0x00),
    Color32::from_rgb(0x00, 0x9e, 0x73),
    Color32::from_rgb(0xcc, 0x79, 0xa7),
    Color32::from_rgb(0x56, 0xb4, 0xe9),
    Color32::from_rgb(0xd5, 0x5e, 0x00),
    Color32::from_rgb(0xf0, 0xe4, 0x42),
    Color32::from_rgb(0x7a, 0x5c, 0xc2),
    Color32::from_rgb(0x88, 0x88, 0x88),
    Color32::from_rgb(0x3b, 0x8b, 0x8b),
];

/// The n-th series colour.
pub fn series_color(n: usize) -> Color32 {
    PALETTE[n % PALETTE.len()]
}

/// Member colours: the palette with brown in place of grey, which marks "others".
const MEMBER_PALETTE: [Color32; crate::analysis::series::COLOUR_SLOTS] = [
    PALETTE[0],
    PALETTE[1],
    PALETTE[2],
    PALETTE[3],
    PALETTE[4],
    PALETTE[5],
    PALETTE[6],
    PALETTE[7],
    Color32::from_rgb(0x99, 0x66, 0x33),
    PALETTE[9],
];

/// Colour of a member's colour slot (see `analysis::series::COLOUR_SLOTS`); `None` (a group of
/// "others") is grey.
pub fn member_color(slot: Option<usize>) -> Color32 {
    match slot {
        Some(s) => MEMBER_PALETTE[s % MEMBER_PALETTE.len()],
        None => Color32::from_rgb(0x99, 0x99, 0x99),
    }
}

/// Colour of the "needed" bars and requirement lines.
pub fn requirement_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(70)
    }
}

/// Height of a key-figure tile, in points.
pub const TILE_HEIGHT: f32 = 74.0;
/// Width of a key-figure tile, in points.
pub const TILE_WIDTH: f32 = 215.0;
/// Text size of a tile's headline value, in points.
pub const TILE_VALUE_SIZE: f32 = 22.0;
/// Height of a chart, in points.
pub const CHART_HEIGHT: f32 = 260.0;
/// Height of a table row, in points.
pub const ROW_HEIGHT: f32 = 24.0;
/// Smallest zoom factor.
pub const MIN_ZOOM: f32 = 0.6;
/// Largest zoom factor.
pub const MAX_ZOOM: f32 = 2.5;
/// Zoom step for Ctrl+plus / Ctrl+minus.
pub const ZOOM_STEP: f32 = 0.1;

/// Raises every text style below the body size to the body size, so that nothing a user must
/// read ("4 of 4 members", chart labels, hints) is smaller than the theme's body text (egui's
/// small text is 9 points against 12.5). Headings and larger styles are left as they are.
pub fn readable_text_sizes(style: &mut egui::Style) {
    let body = style
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(12.5, |f| f.size);
    for font in style.text_styles.values_mut() {
        font.size = font.size.max(body);
    }
}

/// The size of a key-figure tile and its type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TileLook {
    /// Width of the tile's content, in points.
    pub width: f32,
    /// Smallest height of the tile's content, in points.
    pub height: f32,
    /// Text size of the headline value, in points.
    pub value_size: f32,
    /// Text size of the title and the sub-line, in points (`None`: the style's body text).
    pub text_size: Option<f32>,
    /// Space between the title, value and sub-line, in points (`None`: the style's).
    pub line_gap: Option<f32>,
}

impl TileLook {
    /// Tiles on the overview.
    pub const NORMAL: TileLook = TileLook {
        width: TILE_WIDTH,
        height: TILE_HEIGHT,
        value_size: TILE_VALUE_SIZE,
        text_size: None,
        line_gap: None,
    };
    /// Tiles in presentation mode, read from the back of a room (the width is the smallest; the
    /// slide widens them to fill two rows).
    pub const PRESENTATION: TileLook = TileLook {
        width: 180.0,
        height: 108.0,
        value_size: 40.0,
        text_size: Some(19.0),
        line_gap: Some(3.0),
    };
}

/// The screen height presentation mode is laid out for, in points. On another screen the whole
/// picture is scaled to fit its height, so a slide looks the same on a 1280×720 projector as on a
/// 1920×1080 one: what matters at the back of a room is the type's share of the screen height.
pub const PRESENTATION_DESIGN_HEIGHT: f32 = 1080.0;
/// Smallest chart height in presentation mode, in points.
pub const PRESENTATION_MIN_CHART_HEIGHT: f32 = 170.0;
/// Smallest height of the dependency chart in presentation mode: enough for its seven layer
/// labels at the body size and its axis, in points.
pub const PRESENTATION_DEPENDENCY_MIN_HEIGHT: f32 = 270.0;

/// The zoom factor that fits presentation mode's design height to the window (times the user's
/// zoom), rounded so that tiny size changes do not re-apply it.
pub fn presentation_zoom(ctx: &egui::Context, user_zoom: f32) -> f32 {
    let native = ctx.native_pixels_per_point().unwrap_or(1.0).max(0.1);
    let pixels = ctx.content_rect().height() * ctx.pixels_per_point();
    let fit = pixels / native / PRESENTATION_DESIGN_HEIGHT;
    ((fit * user_zoom).clamp(MIN_ZOOM, MAX_ZOOM) * 100.0).round() / 100.0
}
/// Width of the lever panel in presentation mode, in points.
pub const PRESENTATION_LEVERS_WIDTH: f32 = 340.0;

/// The presentation theme: a high-contrast light theme (black on white, strong strokes) with type
/// sized for a projector at the back of a room. Applied to the presentation's own `Ui` only.
pub fn presentation_style(base: &egui::Style) -> egui::Style {
    use egui::{FontFamily, FontId, TextStyle};
    let mut style = base.clone();
    let mut v = Visuals::light();
    let ink = Color32::BLACK;
    v.override_text_color = Some(ink);
    v.weak_text_color = Some(Color32::from_gray(55));
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::from_gray(245);
    v.faint_bg_color = Color32::from_gray(240);
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, Color32::from_gray(60));
    v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5, ink);
    v.widgets.inactive.fg_stroke = egui::Stroke::new(2.0, ink);
    v.widgets.inactive.bg_fill = Color32::from_gray(215);
    v.widgets.inactive.weak_bg_fill = Color32::from_gray(215);
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, Color32::from_gray(40));
    v.widgets.hovered.fg_stroke = egui::Stroke::new(2.0, ink);
    v.widgets.active.fg_stroke = egui::Stroke::new(2.5, ink);
    v.selection.bg_fill = Color32::from_rgb(0x00, 0x5a, 0x9e);
    v.selection.stroke = egui::Stroke::new(2.0, Color32::WHITE);
    v.slider_trailing_fill = true;
    style.visuals = v;
    style.text_styles = [
        (TextStyle::Heading, 32.0, FontFamily::Proportional),
        (TextStyle::Body, 21.0, FontFamily::Proportional),
        (TextStyle::Button, 21.0, FontFamily::Proportional),
        (TextStyle::Small, 17.0, FontFamily::Proportional),
        (TextStyle::Monospace, 19.0, FontFamily::Monospace),
    ]
    .into_iter()
    .map(|(s, size, family)| (s, FontId::new(size, family)))
    .collect();
    style.spacing.interact_size.y = 34.0;
    style.spacing.slider_width = 230.0;
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    style
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_style_is_smaller_than_the_body_text() {
        let mut style = egui::Style::default();
        let body = style.text_styles[&egui::TextStyle::Body].size;
        let heading = style.text_styles[&egui::TextStyle::Heading].size;
        assert!(style.text_styles[&egui::TextStyle::Small].size < body);
        readable_text_sizes(&mut style);
        for (name, font) in &style.text_styles {
            assert!(font.size >= body, "{name:?} is {} < {body}", font.size);
        }
        assert_eq!(style.text_styles[&egui::TextStyle::Small].size, body);
        assert_eq!(
            style.text_styles[&egui::TextStyle::Heading].size,
            heading,
            "headings keep their size"
        );
    }
}
