//! A year typed into a small field: empty means "not set" (the hint says what applies then, e.g.
//! "from the start"). The text is read when the field is left (Enter, Tab or a click elsewhere);
//! a refused entry stays in the field, marked, with the reason on hover and beside it, and the
//! year is kept until the entry is corrected or dropped.

use egui::{RichText, Ui};

use crate::app::theme::{self, Status};
use crate::plan::{FIRST_YEAR, LAST_YEAR};

/// What is kept while a field is being typed in or shows a refused entry.
#[derive(Debug, Clone, Default)]
struct Typing {
    /// What was typed.
    text: String,
    /// Why it was refused, when it was.
    refused: Option<String>,
}

/// Reads a typed year: empty is `None` (when `required` is false), else a whole year within the
/// years a plan may name.
fn read(text: &str, required: bool) -> Result<Option<u16>, String> {
    let text = text.trim();
    if text.is_empty() {
        return if required {
            Err("a year is needed here".to_string())
        } else {
            Ok(None)
        };
    }
    match text.parse::<u16>() {
        Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Ok(Some(y)),
        _ => Err(format!(
            "“{text}” refused: a year from {FIRST_YEAR} to {LAST_YEAR}"
        )),
    }
}

/// A year field `width` points wide, named `name` for assistive technology. Returns the new
/// year when a typed entry was accepted and differs from `year` (the caller applies it as one
/// undo step); keystrokes change nothing.
pub fn year_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    year: Option<u16>,
    required: bool,
    hint: &str,
    name: &str,
) -> Option<Option<u16>> {
    let id = ui.make_persistent_id(id_salt).with("year-field");
    let shown = year.map_or_else(String::new, |y| y.to_string());
    let mut typing = ui.data(|d| d.get_temp::<Typing>(id)).unwrap_or(Typing {
        text: shown,
        refused: None,
    });
    let bad = theme::status_color(ui.visuals(), Status::Bad);
    // Wide enough for four digits, or for the hint ("life: 2030").
    let width = crate::app::widgets::text_width(ui, hint).max(YEAR_FIELD_WIDTH - 8.0) + 8.0;
    let mut edit = egui::TextEdit::singleline(&mut typing.text)
        .hint_text(hint)
        .desired_width(width)
        .char_limit(6);
    if typing.refused.is_some() {
        edit = edit.text_color(bad);
    }
    let response = ui.add(edit).accessible_name(name);
    let response = match &typing.refused {
        Some(reason) => response.on_hover_text(reason),
        None => response.on_hover_text(format!("{name}: {hint} when empty")),
    };
    let mut keep = response.has_focus() || typing.refused.is_some();
    let mut changed = None;
    if response.lost_focus() {
        match read(&typing.text, required) {
            Ok(y) => {
                keep = false;
                if y != year {
                    changed = Some(y);
                }
            }
            Err(reason) => {
                typing.refused = Some(reason);
                keep = true;
            }
        }
    }
    if typing.refused.is_some() {
        ui.label(RichText::new("refused").color(bad));
        if ui.small_button("Drop").clicked() {
            keep = false;
        }
    }
    if keep {
        ui.data_mut(|d| d.insert_temp(id, typing));
    } else {
        ui.data_mut(|d| d.remove::<Typing>(id));
    }
    changed
}

/// Width of a year field, in points (four digits and a margin at the presentation size).
pub const YEAR_FIELD_WIDTH: f32 = 52.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_year_is_read_or_refused_with_a_reason() {
        assert_eq!(read(" 2027 ", false), Ok(Some(2027)));
        assert_eq!(read("", false), Ok(None));
        assert!(read("", true).is_err());
        assert!(read("1999", false).unwrap_err().contains("2000 to 2100"));
        assert!(read("20x7", false).is_err());
    }
}
