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
