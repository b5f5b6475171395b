//! Small widgets shared by the views: key-figure tiles, badges, and (re-exported from
//! [`super::number_field`]) number fields that refuse bad input with a visible reason.

use egui::{Color32, RichText, Ui};

pub use super::number_field::{count_ui, number_ui, optional_number_ui};
use super::theme::{self, Status};

/// The text lines of a key-figure tile.
#[derive(Debug, Clone, Copy)]
pub struct TileText<'a> {
    /// What the figure is.
    pub title: &'a str,
    /// The point figure with its unit, in large type.
    pub value: &'a str,
    /// Its low–high range ("range 16–24 days"), or empty.
    pub range: &'a str,
    /// The line under it.
    pub sub: &'a str,
    /// How it was computed (tooltip).
    pub explanation: &'a str,
}

/// A key-figure tile: a title, a big value with its unit, a sub-line, coloured by status; the
/// tooltip explains how the figure was computed. `look` sets its size and type.
pub fn tile_ui(
    ui: &mut Ui,
    look: theme::TileLook,
    text: TileText,
    status: Status,
) -> egui::Response {
    let TileText {
        title,
        value,
        range,
        sub,
        explanation,
    } = text;
    let visuals = ui.visuals().clone();
    let sized = |text: &str| sized_text(text, look);
    let frame = egui::Frame::group(ui.style())
        .fill(theme::status_fill(&visuals, status))
        .stroke(egui::Stroke::new(
            1.0,
            theme::status_color(&visuals, status).gamma_multiply(0.6),
        ))
        .inner_margin(8.0);
    let response = frame
        .show(ui, |ui| {
            ui.set_min_size(egui::vec2(look.width, look.height));
            ui.set_max_width(look.width);
            if let Some(gap) = look.line_gap {
                ui.spacing_mut().item_spacing.y = gap;
            }
            ui.vertical(|ui| {
                ui.label(sized(title).strong());
                value_ui(ui, value, look, theme::status_color(&visuals, status));
                if !range.is_empty() {
                    ui.label(sized(range));
                }
                ui.label(sized(sub).weak());
            });
        })
        .response;
    let response = response.interact(egui::Sense::hover());
    // The tile is one thing to assistive technology (and to tests), named by its title.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Group, true, title));
    // egui hovers hover-only widgets under a modal (the command palette) too: no tooltip then.
    if ui.memory(|m| m.allows_interaction(ui.layer_id())) {
        response.on_hover_text(explanation)
    } else {
        response
    }
}

/// A tile's title, range or sub-line at its look's text size.
fn sized_text(text: &str, look: theme::TileLook) -> RichText {
    match look.text_size {
        Some(size) => RichText::new(text).size(size),
        None => RichText::new(text),
    }
}

/// The height of a tile's content drawn in `ui` at `look` (its lines wrapped to the tile's
/// width, with the gaps between them), in points, so the tiles of a row can share the tallest's
/// height when a title wraps.
pub fn tile_content_height(ui: &Ui, look: theme::TileLook, text: TileText) -> f32 {
    let height = |t: RichText| {
        egui::WidgetText::from(t)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                look.width,
                egui::TextStyle::Body,
            )
            .size()
            .y
    };
    let value = RichText::new(text.value).size(value_size(ui, text.value, look));
    let mut lines = vec![
        height(sized_text(text.title, look).strong()),
        height(value),
        height(sized_text(text.sub, look)),
    ];
    if !text.range.is_empty() {
        lines.push(height(sized_text(text.range, look)));
    }
    let gap = look.line_gap.unwrap_or(ui.spacing().item_spacing.y);
    lines.iter().sum::<f32>() + gap * (lines.len() - 1) as f32
}

/// A tile's headline value on one line: at the look's size where it fits the tile, else shrunk
/// to fit (down to [`MIN_VALUE_SHRINK`] of that size); only a tile narrower than that wraps it.
fn value_ui(ui: &mut Ui, value: &str, look: theme::TileLook, color: egui::Color32) {
    let size = value_size(ui, value, look);
    ui.add(egui::Label::new(RichText::new(value).size(size).color(color)).wrap());
}

/// The text size a tile's headline value is drawn at (see [`value_ui`]), in points.
fn value_size(ui: &Ui, value: &str, look: theme::TileLook) -> f32 {
    let width = text_width(ui, RichText::new(value).size(look.value_size));
    if width > look.width {
        // Glyph widths scale with the size; a hair less keeps rounding from wrapping it.
        (look.value_size * look.width / width * 0.99).max(look.value_size * MIN_VALUE_SHRINK)
    } else {
        look.value_size
    }
}

/// The smallest a tile's headline value shrinks to before it wraps, as a share of its size.
pub const MIN_VALUE_SHRINK: f32 = 0.7;

/// The width of `text` on one line in `ui` (body style unless the text sets its own), in points.
pub fn text_width(ui: &Ui, text: impl Into<egui::WidgetText>) -> f32 {
    text.into()
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
}

/// A small coloured severity badge.
pub fn badge_ui(ui: &mut Ui, text: &str, color: Color32) {
    ui.label(RichText::new(text).small().strong().color(color));
}

/// A small Reset button, enabled while `value` differs from `default`, that puts the default back
/// (one edit); `hover` says what Reset restores. Returns whether it was clicked.
pub fn reset_button<T: PartialEq + Clone>(
    ui: &mut Ui,
    value: &mut T,
    default: &T,
    hover: Option<&str>,
) -> bool {
    let button = ui.add_enabled(*value != *default, egui::Button::new("Reset").small());
    let button = match hover {
        Some(text) => button.on_hover_text(text),
        None => button,
    };
    let clicked = button.clicked();
    if clicked {
        *value = default.clone();
    }
    clicked
}
