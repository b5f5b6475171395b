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
        (Status::Good, false) => Color32::from_rgb(0x16, 0x70, 0x34),
        (Status::Good, true) => Color32::from_rgb(0x6c, 0xd6, 0x8a),
        (Status::Warn, false) => Color32::from_rgb(0x8f, 0x54, 0x00),
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

/// A qualitative palette (Okabe–Ito plus greys), distinguishable by colour-blind readers, as it
/// stands on a dark plot: every colour at least 3:1 against the dark theme's plot background.
const DARK_PALETTE: [Color32; 10] = [
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

/// The same hues darkened for a white plot, where Okabe–Ito's orange, yellow, pink and sky blue
/// fall under 3:1 (yellow reads 1.3:1): every colour at least 3:1 against white. The blue is
/// darkened to navy so the sky blue, darkened too, still stands apart from it.
const LIGHT_PALETTE: [Color32; 10] = [
    Color32::from_rgb(0x00, 0x4c, 0x80),
    Color32::from_rgb(0xa8, 0x72, 0x00),
    Color32::from_rgb(0x00, 0x8a, 0x64),
    Color32::from_rgb(0xb9, 0x5c, 0x93),
    Color32::from_rgb(0x3b, 0x8f, 0xd0),
    Color32::from_rgb(0xc1, 0x54, 0x00),
    Color32::from_rgb(0x85, 0x76, 0x00),
    Color32::from_rgb(0x7a, 0x5c, 0xc2),
    Color32::from_rgb(0x7a, 0x7a, 0x7a),
    Color32::from_rgb(0x3b, 0x8b, 0x8b),
];

fn palette(visuals: &Visuals) -> &'static [Color32; 10] {
    if visuals.dark_mode {
        &DARK_PALETTE
    } else {
        &LIGHT_PALETTE
    }
}

/// The n-th series colour on the current theme.
pub fn series_color(visuals: &Visuals, n: usize) -> Color32 {
    let p = palette(visuals);
    p[n % p.len()]
}

/// Brown, in place of the palette's grey (which marks "others") among member colours.
const MEMBER_BROWN: Color32 = Color32::from_rgb(0x99, 0x66, 0x33);

/// Colour of a member's colour slot (see `analysis::series::COLOUR_SLOTS`) on the current theme:
/// the palette with brown in place of grey; `None` (a group of "others") is grey.
pub fn member_color(visuals: &Visuals, slot: Option<usize>) -> Color32 {
    const GREY_SLOT: usize = 8;
    const _: () = assert!(crate::analysis::series::COLOUR_SLOTS == 10);
    match slot {
        Some(s) if s % 10 == GREY_SLOT => MEMBER_BROWN,
        Some(s) => series_color(visuals, s),
        None => series_color(visuals, GREY_SLOT),
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

/// Fill of a chart's bars drawn in `color`: the colour itself, so a bar stands out from the plot
/// as much as its colour does (egui_plot's default, the colour at 20 % alpha, all but vanished
/// on the dark plot).
pub fn bar_fill(color: Color32) -> Color32 {
    color
}

/// Outline of a chart's bars: the plot's background, so stacked bars of near colours part.
pub fn bar_outline(visuals: &Visuals) -> Color32 {
    visuals.extreme_bg_color
}

/// Colour of the dashed lines of a curve's low–high range, beside the curve in series colour 0:
/// the curve's own colour (the dashes and the thinner line tell them apart; a paler blue fell
/// under 3:1 on the dark plot).
pub fn range_color(visuals: &Visuals) -> Color32 {
    series_color(visuals, 0)
}

/// Text colours that read on every background they are drawn on (WCAG AA, see
/// [`colour_pairs`]): egui's dark theme draws labels grey 140 and weak text 84 on grey 27 (2.3:1),
/// its light theme weak text at 60 % alpha (3:1). The dark theme's
/// weak text is 160 so that it reads on the tinted tiles too. Apply to both themes' styles.
pub fn readable_colours(style: &mut egui::Style) {
    let v = &mut style.visuals;
    if v.dark_mode {
        v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(180);
        v.weak_text_color = Some(Color32::from_gray(160));
    } else {
        v.weak_text_color = Some(Color32::from_gray(100));
    }
}

/// The app's visuals of the light or dark theme: egui's with [`readable_colours`].
pub fn app_visuals(dark: bool) -> Visuals {
    let mut style = egui::Style {
        visuals: if dark {
            Visuals::dark()
        } else {
            Visuals::light()
        },
        ..Default::default()
    };
    readable_colours(&mut style);
    style.visuals
}

/// A foreground colour drawn on a background, and the contrast it must reach.
#[derive(Debug, Clone)]
pub struct ColourPair {
    /// What is drawn on what, e.g. "weak text on a tile (Warn)".
    pub what: String,
    /// The foreground, as painted (translucent colours are laid over the background).
    pub fg: Color32,
    /// The background it is painted on (opaque).
    pub bg: Color32,
    /// The least contrast ratio WCAG AA asks: 4.5 for text, 3 for chart marks.
    pub min_ratio: f64,
}

/// WCAG AA's least contrast for normal text.
pub const TEXT_CONTRAST: f64 = 4.5;
/// WCAG AA's least contrast for chart marks and large text.
pub const MARK_CONTRAST: f64 = 3.0;

/// `fg` painted over the opaque `bg` (egui blends premultiplied colours in gamma space).
pub fn over(fg: Color32, bg: Color32) -> Color32 {
    let a = f32::from(fg.a()) / 255.0;
    let mix = |f: u8, b: u8| (f32::from(f) + f32::from(b) * (1.0 - a)).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(fg.r(), bg.r()),
        mix(fg.g(), bg.g()),
        mix(fg.b(), bg.b()),
    )
}

/// WCAG 2 relative luminance of an opaque colour (0 black to 1 white).
pub fn relative_luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG 2 contrast ratio of two opaque colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every text and chart colour pair the app draws with `visuals`: each text token on each
/// background it is drawn on (panels, windows, fields and plots, striped rows, buttons, the
/// selection, the tinted tiles) and each chart colour on the plot background.
pub fn colour_pairs(visuals: &Visuals) -> Vec<ColourPair> {
    let v = visuals;
    let mut pairs = Vec::new();
    let mut add = |what: String, fg: Color32, bg: Color32, min_ratio: f64| {
        pairs.push(ColourPair {
            what,
            fg: over(fg, bg),
            bg,
            min_ratio,
        });
    };
    let statuses = [Status::Good, Status::Warn, Status::Bad];
    let backgrounds = [
        ("the panel", v.panel_fill),
        ("a window", v.window_fill),
        ("a field or plot", v.extreme_bg_color),
        ("a striped row", over(v.faint_bg_color, v.panel_fill)),
    ];
    let tiles: Vec<(String, Color32)> = statuses
        .into_iter()
        .chain([Status::Neutral])
        .map(|s| {
            (
                format!("a {s:?} tile"),
                over(status_fill(v, s), v.panel_fill),
            )
        })
        .collect();
    // A tile's title, range and sub-line are in the text colours, on every status's tint.
    let plain = [
        ("text", v.text_color()),
        ("weak text", v.weak_text_color()),
        ("strong text", v.strong_text_color()),
    ];
    for (name, fg) in plain {
        for (on, bg) in &tiles {
            add(format!("{name} on {on}"), fg, *bg, TEXT_CONTRAST);
        }
    }
    let mut texts = plain.to_vec();
    for s in statuses {
        texts.push((
            match s {
                Status::Good => "good status",
                Status::Warn => "warning status",
                _ => "bad status",
            },
            status_color(v, s),
        ));
    }
    for (name, fg) in &texts {
        for (on, bg) in &backgrounds {
            add(format!("{name} on {on}"), *fg, *bg, TEXT_CONTRAST);
        }
    }
    // A tile's headline value is in its status colour, on its own tint.
    for s in statuses {
        add(
            format!("{s:?} value on its tile"),
            status_color(v, s),
            over(status_fill(v, s), v.panel_fill),
            TEXT_CONTRAST,
        );
    }
    let widgets = [
        ("a button", &v.widgets.inactive),
        ("a hovered button", &v.widgets.hovered),
        ("a pressed button", &v.widgets.active),
        ("an open menu button", &v.widgets.open),
    ];
    for (on, w) in widgets {
        add(
            format!("text on {on}"),
            w.fg_stroke.color,
            over(w.weak_bg_fill, v.panel_fill),
            TEXT_CONTRAST,
        );
    }
    add(
        "selected text on the selection".to_string(),
        v.selection.stroke.color,
        over(v.selection.bg_fill, v.panel_fill),
        TEXT_CONTRAST,
    );
    let plot = v.extreme_bg_color;
    for n in 0..10 {
        let c = series_color(v, n);
        add(
            format!("series colour {n} on the plot"),
            c,
            plot,
            MARK_CONTRAST,
        );
        add(
            format!("series bar {n} on the plot"),
            bar_fill(c),
            plot,
            MARK_CONTRAST,
        );
        let m = member_color(v, Some(n));
        add(
            format!("member bar {n} on the plot"),
            bar_fill(m),
            plot,
            MARK_CONTRAST,
        );
    }
    let marks = [
        ("others bar", bar_fill(member_color(v, None))),
        ("requirement line and bar", requirement_color(v)),
        ("target line", status_color(v, Status::Bad)),
        ("range line", range_color(v)),
    ];
    for (name, c) in marks {
        add(format!("{name} on the plot"), c, plot, MARK_CONTRAST);
    }
    for s in statuses {
        let c = status_color(v, s);
        add(
            format!("{s:?} bar on the plot"),
            bar_fill(c),
            plot,
            MARK_CONTRAST,
        );
    }
    pairs
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
    let mut v = app_visuals(false);
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
    fn contrast_ratios_are_wcags() {
        let ratio = |a, b| (contrast_ratio(a, b) * 100.0).round() / 100.0;
        assert_eq!(ratio(Color32::BLACK, Color32::WHITE), 21.0);
        assert_eq!(ratio(Color32::WHITE, Color32::BLACK), 21.0);
        assert_eq!(ratio(Color32::from_gray(119), Color32::WHITE), 4.48);
        assert_eq!(ratio(Color32::from_gray(27), Color32::from_gray(27)), 1.0);
        // Translucent text is laid over its background: grey 80 at half alpha on white is 167.
        assert_eq!(
            over(Color32::from_gray(80).gamma_multiply(0.5), Color32::WHITE),
            Color32::from_gray(167)
        );
    }

    #[test]
    fn every_text_and_chart_colour_meets_wcag_aa_in_both_themes_and_on_the_slide() {
        let themes = [
            ("light", app_visuals(false)),
            ("dark", app_visuals(true)),
            (
                "presentation",
                presentation_style(&egui::Style::default()).visuals,
            ),
        ];
        let mut failures = Vec::new();
        for (theme, visuals) in &themes {
            let pairs = colour_pairs(visuals);
            assert!(pairs.len() > 80, "{theme}: {} pairs", pairs.len());
            for p in pairs {
                let ratio = contrast_ratio(p.fg, p.bg);
                if ratio < p.min_ratio {
                    failures.push(format!(
                        "{theme}: {} is {ratio:.2}:1 (needs {}:1; {:?} on {:?})",
                        p.what, p.min_ratio, p.fg, p.bg
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

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
