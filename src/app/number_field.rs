//! Number fields that read what people type (decimal commas, digit grouping, the unit) and refuse
//! the rest visibly: a refused entry stays in the field, marked, with the reason beside it, and the
//! plan keeps its old value until the entry is corrected (Enter) or dropped (Esc or *Drop*).
//!
//! Typed text is applied when the field is left (Enter, Tab or a click elsewhere), never while
//! typing, so the plan never takes a half-typed value such as the `500000` on the way to
//! `5000000`. Dragging changes the value live.

use std::ops::RangeInclusive;

use egui::{RichText, Ui};

use super::theme::{self, Status};
use crate::numbers::{grouped, readable};
use crate::typed_number::{TypedNumberError, parse_typed_number};

/// A typed entry that was refused, kept until corrected or dropped.
#[derive(Debug, Clone)]
struct Refused {
    /// What was typed.
    text: String,
    /// Why it was refused.
    reason: String,
    /// The field's value when it was refused; if something else changes the value (undo, a
    /// lever), the refused entry is stale and dropped.
    value_then: f64,
    /// The width the field had, kept while it shows the refused text so nothing beside it moves.
    width: f32,
}

/// What a field accepts.
#[derive(Debug, Clone, Copy)]
struct Accepts<'a> {
    min: f64,
    max: f64,
    unit: &'a str,
    whole: bool,
}

impl<'a> Accepts<'a> {
    /// Any number in `range`, in `unit`.
    fn decimal(range: &RangeInclusive<f64>, unit: &'a str) -> Accepts<'a> {
        Accepts {
            min: *range.start(),
            max: *range.end(),
            unit,
            whole: false,
        }
    }

    /// Reads `text`, or says why it is refused.
    fn read(&self, text: &str) -> Result<f64, String> {
        let shown = text.trim();
        let v = match parse_typed_number(text, self.unit) {
            Ok(v) => v,
            Err(TypedNumberError::Empty) => return Err("nothing typed".to_string()),
            Err(e) => return Err(format!("“{shown}” refused: {e}")),
        };
        let unit = unit_suffix(self.unit);
        if !(self.min..=self.max).contains(&v) {
            return Err(format!(
                "{} refused: allowed {}–{}{unit}",
                readable(v),
                readable(self.min),
                readable(self.max)
            ));
        }
        if self.whole && v.fract() != 0.0 {
            return Err(format!(
                "{} refused: only whole numbers{}",
                readable(v),
                if self.unit.is_empty() {
                    String::new()
                } else {
                    format!(" of {}", self.unit)
                }
            ));
        }
        Ok(v)
    }
}

/// A number field with unit. Dragging changes the value within `range`; typed text is read with
/// [`parse_typed_number`] when the field is left; text that is not a number or is out of range is
/// refused, the value is kept, and the typed text stays in the field, marked, with the reason.
pub fn number_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut f64,
    range: RangeInclusive<f64>,
    unit: &str,
    speed: f64,
) -> egui::Response {
    let accepts = Accepts::decimal(&range, unit);
    field_ui(ui, id_salt, value, accepts, speed)
}

/// A whole-number field (counts), with the same reading and refusal as [`number_ui`]; a fraction
/// (`2,5 chips`) is refused, not rounded.
pub fn count_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut u32,
    max: u32,
    unit: &str,
) -> egui::Response {
    let mut v = f64::from(*value);
    let accepts = Accepts {
        min: 0.0,
        max: f64::from(max),
        unit,
        whole: true,
    };
    let r = field_ui(ui, id_salt, &mut v, accepts, 1.0);
    if r.changed() {
        *value = v.round().clamp(0.0, f64::from(max)) as u32;
    }
    r
}

/// An optional number: empty means "not set" (the `hint` says what applies then, e.g. the
/// catalog's price). Typed text is read as in [`number_ui`] when the field is left; emptying the
/// field clears the value; a refused entry stays in the field, marked, with the reason beside it,
/// and the value is kept.
pub fn optional_number_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<f64>,
    range: RangeInclusive<f64>,
    unit: &str,
    hint: &str,
    width: f32,
) -> egui::Response {
    let accepts = Accepts::decimal(&range, unit);
    let id = ui.make_persistent_id(id_salt);
    let text_id = id.with("optional-text");
    let shown = value.map_or_else(String::new, |v| {
        format!("{}{}", crate::numbers::significant(v, 4), unit_suffix(unit))
    });
    ui.horizontal(|ui| {
        let mut text = ui
            .data(|d| d.get_temp::<(String, Option<String>)>(text_id))
            .unwrap_or((shown, None));
        let bad = theme::status_color(ui.visuals(), Status::Bad);
        let mut edit = egui::TextEdit::singleline(&mut text.0)
            .hint_text(hint)
            .desired_width(width);
        if text.1.is_some() {
            edit = edit.text_color(bad);
        }
        let mut r = ui.add(edit);
        let mut keep = r.has_focus() || text.1.is_some();
        if r.lost_focus() {
            let typed = text.0.trim();
            let read = if typed.is_empty() {
                Ok(None)
            } else {
                accepts.read(typed).map(Some)
            };
            match read {
                Ok(v) => {
                    keep = false;
                    if v != *value {
                        *value = v;
                        r.mark_changed();
                        return r;
                    }
                }
                Err(reason) => {
                    text.1 = Some(reason);
                    keep = true;
                }
            }
        }
        // Keystrokes are not changes; the value changes when the field is left.
        r.flags.remove(egui::response::Flags::CHANGED);
        if let Some(reason) = &text.1 {
            ui.label(RichText::new(reason).color(bad));
            if ui.small_button("Drop").clicked() {
                keep = false;
            }
        }
        if keep {
            ui.data_mut(|d| d.insert_temp(text_id, text));
        } else {
            ui.data_mut(|d| d.remove::<(String, Option<String>)>(text_id));
        }
        r
    })
    .inner
}

fn field_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut f64,
    accepts: Accepts<'_>,
    speed: f64,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    let refused = ui
        .data(|d| d.get_temp::<Refused>(id))
        .filter(|r| r.value_then == *value);
    ui.horizontal(|ui| match refused {
        Some(refused) => refused_ui(ui, id, value, accepts, refused),
        None => drag_ui(ui, id, value, accepts, speed),
    })
    .inner
}

/// The ordinary field: drag, or click and type.
fn drag_ui(
    ui: &mut Ui,
    id: egui::Id,
    value: &mut f64,
    accepts: Accepts<'_>,
    speed: f64,
) -> egui::Response {
    let refusal = std::cell::RefCell::new(None::<(String, String)>);
    let before = *value;
    // Shown by the figures' one rule, digits grouped ("1,672 chips"). A field left with the text
    // it was given keeps its value: "1,672" alone would read as ambiguous (1672 or 1.672).
    let display = move |v: f64| {
        if accepts.whole {
            grouped(v.round(), 0)
        } else {
            readable(v)
        }
    };
    let shown_before = display(before);
    let r = ui.add(
        egui::DragValue::new(value)
            .range(accepts.min..=accepts.max)
            .speed(speed)
            .suffix(unit_suffix(accepts.unit))
            .update_while_editing(false)
            .custom_formatter(move |v, _| display(v))
            .custom_parser(|text| {
                if text.trim() == shown_before {
                    return Some(before);
                }
                match accepts.read(text) {
                    Ok(v) => Some(v),
                    Err(reason) => {
                        *refusal.borrow_mut() = Some((text.to_string(), reason));
                        None
                    }
                }
            }),
    );
    let r = r.on_hover_text(format!(
        "{}, from {} to {}. Drag, or click and type (2.5 or 2,5; Enter applies).",
        if accepts.unit.is_empty() {
            "A number"
        } else {
            accepts.unit
        },
        readable(accepts.min),
        readable(accepts.max)
    ));
    if let Some((text, reason)) = refusal.into_inner()
        && !text.trim().is_empty()
    {
        ui.data_mut(|d| {
            d.insert_temp(
                id,
                Refused {
                    text,
                    reason,
                    value_then: before,
                    width: r.rect.width(),
                },
            )
        });
        ui.ctx().request_repaint();
    }
    r
}

/// A refused entry: the typed text, marked, the reason, and *Drop* to drop it.
fn refused_ui(
    ui: &mut Ui,
    id: egui::Id,
    value: &mut f64,
    accepts: Accepts<'_>,
    mut refused: Refused,
) -> egui::Response {
    let bad = theme::status_color(ui.visuals(), Status::Bad);
    let edit_id = id.with("refused-text");
    let margin = ui.spacing().button_padding.x * 2.0;
    // As wide as the field was, or as the typed text needs (within reason), so it shows whole.
    let text_width = super::widgets::text_width(ui, refused.text.as_str());
    let width = (refused.width - margin)
        .max(text_width + 24.0)
        .clamp(40.0, 220.0);
    let mut edit = ui.add(
        egui::TextEdit::singleline(&mut refused.text)
            .id(edit_id)
            .desired_width(width)
            .text_color(bad),
    );
    ui.painter().rect_stroke(
        edit.rect.expand(1.0),
        2.0,
        egui::Stroke::new(1.5, bad),
        egui::StrokeKind::Outside,
    );
    let kept = format!("{}{}", readable(*value), unit_suffix(accepts.unit));
    edit = edit.on_hover_text(format!(
        "Refused, so the plan keeps {kept}. Correct it and press Enter, or press Esc to drop it."
    ));
    let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
    let mut drop_it = (edit.has_focus() || edit.lost_focus()) && escape;
    if edit.lost_focus() && !escape {
        match accepts.read(&refused.text) {
            Ok(v) => {
                *value = v;
                ui.data_mut(|d| d.remove::<Refused>(id));
                edit.mark_changed();
                return edit;
            }
            Err(reason) => refused.reason = reason,
        }
    }
    // The reason floats just below the field, so the row and the columns beside it do not move.
    let note = egui::Area::new(id.with("refused-reason"))
        .order(egui::Order::Foreground)
        .fixed_pos(edit.rect.left_bottom() + egui::vec2(0.0, 3.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .stroke(egui::Stroke::new(1.0, bad))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(&refused.reason).color(bad));
                        ui.small_button("Drop")
                            .on_hover_text(format!("Drop the refused entry and keep {kept}"))
                            .clicked()
                    })
                    .inner
                })
                .inner
        });
    drop_it |= note.inner;
    if drop_it {
        ui.data_mut(|d| d.remove::<Refused>(id));
    } else {
        ui.data_mut(|d| d.insert_temp(id, refused));
    }
    // The text edit reports keystrokes as changes; the value has not changed.
    edit.flags.remove(egui::response::Flags::CHANGED);
    edit
}

fn unit_suffix(unit: &str) -> String {
    if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    }
}
