//! A contribution line's years in the Members view: a small button naming the span ("all
//! years", "from 2028", "2026–2027") that opens the first and last year fields. Shown only when
//! the plan has a roadmap.

use egui::Ui;

use super::year_field::year_ui;
use crate::plan::Years;

/// What a span reads as on its button.
fn span_text(years: Years) -> String {
    match (years.first, years.last) {
        (None, None) => "all years".to_string(),
        (Some(f), None) => format!("from {f}"),
        (None, Some(l)) => format!("to {l}"),
        (Some(f), Some(l)) if f == l => f.to_string(),
        (Some(f), Some(l)) => format!("{f}–{l}"),
    }
}

/// The years of one line; `last_hint` says what an empty last year means for it ("end", or the
/// end of an owned chip's life).
pub fn line_years_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug + Copy,
    years: &mut Years,
    last_hint: &str,
) {
    let text = span_text(*years);
    // Clicking into a field must not close the popup (a menu closes on any click by default).
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let menu = egui::containers::menu::MenuButton::new(text)
        .config(config)
        .ui(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label("First year");
                if let Some(y) = year_ui(
                    ui,
                    (id_salt, "first"),
                    years.first,
                    false,
                    "start",
                    "First year of the line",
                ) {
                    years.first = y;
                }
            });
            ui.horizontal(|ui| {
                ui.label("Last year");
                if let Some(y) = year_ui(
                    ui,
                    (id_salt, "last"),
                    years.last,
                    false,
                    last_hint,
                    "Last year of the line",
                ) {
                    years.last = y;
                }
            });
            ui.weak("Empty: from the start, to the end.");
        });
    menu.0
        .on_hover_text("The years this line counts in (click to change them)");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_reads_as_its_years() {
        let y = |first, last| Years { first, last };
        assert_eq!(span_text(y(None, None)), "all years");
        assert_eq!(span_text(y(Some(2028), None)), "from 2028");
        assert_eq!(span_text(y(None, Some(2026))), "to 2026");
        assert_eq!(span_text(y(Some(2027), Some(2027))), "2027");
        assert_eq!(span_text(y(Some(2026), Some(2028))), "2026–2028");
    }
}
