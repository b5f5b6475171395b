//! Small widgets shared by the views: key-figure tiles and number fields that refuse bad input
//! with a visible reason.

use std::ops::RangeInclusive;

use egui::{Color32, RichText, Ui};

use super::theme::{self, Status};

/// A key-figure tile: a title, a big value with its unit, a sub-line, coloured by status; the
/// tooltip explains how the figure was computed. `look` sets its size and type.
pub fn tile_ui(
    ui: &mut Ui,
    look: theme::TileLook,
    title: &str,
    value: &str,
    sub: &str,
    status: Status,
    explanation: &str,
) -> egui::Response {
    let visuals = ui.visuals().clone();
    let sized = |text: &str| match look.text_size {
        Some(size) => RichText::new(text).size(size),
        None => RichText::new(text),
    };
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
                ui.label(sized(sub).weak());
            });
        })
        .response;
    let response = response.interact(egui::Sense::hover());
    response.on_hover_text(explanation)
}

/// A tile's headline value on one line: at the look's size where it fits the tile, else shrunk
/// to fit (down to [`MIN_VALUE_SHRINK`] of that size); only a tile narrower than that wraps it.
fn value_ui(ui: &mut Ui, value: &str, look: theme::TileLook, color: egui::Color32) {
    let at = |size: f32| RichText::new(value).size(size).color(color);
    let width = egui::WidgetText::from(at(look.value_size))
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x;
    let size = if width > look.width {
        // Glyph widths scale with the size; a hair less keeps rounding from wrapping it.
        (look.value_size * look.width / width * 0.99).max(look.value_size * MIN_VALUE_SHRINK)
    } else {
        look.value_size
    };
    ui.add(egui::Label::new(at(size)).wrap());
}

/// The smallest a tile's headline value shrinks to before it wraps, as a share of its size.
pub const MIN_VALUE_SHRINK: f32 = 0.7;

/// A number field with unit. Dragging changes the value within `range`; typed text that is not a
/// number or is out of range is refused, the value is kept, and the reason is shown beside the
/// field until the next accepted edit.
pub fn number_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut f64,
    range: RangeInclusive<f64>,
    unit: &str,
    speed: f64,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    let rejection = std::cell::RefCell::new(None::<String>);
    let (min, max) = (*range.start(), *range.end());

    ui.horizontal(|ui| {
        let r = ui.add(
            egui::DragValue::new(value)
                .range(range.clone())
                .speed(speed)
                .suffix(format!(" {unit}"))
                .custom_parser(|text| {
                    let cleaned: String = text
                        .trim()
                        .trim_end_matches(unit)
                        .trim()
                        .replace([',', '_'], "");
                    match cleaned.parse::<f64>() {
                        Ok(v) if v.is_finite() && (min..=max).contains(&v) => Some(v),
                        Ok(v) if v.is_finite() => {
                            *rejection.borrow_mut() =
                                Some(format!("{v} refused: allowed {min}–{max} {unit}"));
                            None
                        }
                        _ => {
                            *rejection.borrow_mut() =
                                Some(format!("“{}” refused: not a number", text.trim()));
                            None
                        }
                    }
                }),
        );
        let r = r.on_hover_text(format!("{unit}, from {min} to {max}. Drag or type."));
        if let Some(reason) = rejection.borrow_mut().take() {
            ui.data_mut(|d| d.insert_temp(id, reason));
        } else if r.changed() {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if let Some(reason) = ui.data(|d| d.get_temp::<String>(id)) {
            ui.label(RichText::new(reason).color(theme::status_color(ui.visuals(), Status::Bad)));
        }
        r
    })
    .inner
}

/// A whole-number field (counts), with the same refusal behaviour as [`number_ui`].
pub fn count_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut u32,
    max: u32,
    unit: &str,
) -> egui::Response {
    let mut v = f64::from(*value);
    let r = number_ui(ui, id_salt, &mut v, 0.0..=f64::from(max), unit, 1.0);
    if r.changed() {
        *value = v.round().clamp(0.0, f64::from(max)) as u32;
    }
    r
}

/// A small coloured severity badge.
pub fn badge_ui(ui: &mut Ui, text: &str, color: Color32) {
    ui.label(RichText::new(text).small().strong().color(color));
}
