//! The year selector beside the scenario bar: which roadmap year every view shows. Shown only
//! when the plan has a roadmap; choosing a year is not an edit of the plan.

use egui::{RichText, Ui};

use super::ViewCtx;

/// Draws "Year ◀ 2027 ▶" for a plan with a roadmap (nothing otherwise).
pub fn year_bar_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let years = cx.doc.plan.years();
    let Some(shown) = cx.doc.year.filter(|_| !years.is_empty()) else {
        return;
    };
    let (first, last) = (*years.start(), *years.end());
    let label = ui.label(RichText::new("Year").strong());
    let mut chosen = None;
    if ui
        .add_enabled(shown > first, egui::Button::new("◀"))
        .on_hover_text("The year before")
        .accessible_name("Previous year")
        .clicked()
    {
        chosen = Some(shown - 1);
    }
    let phases = |y: u16| {
        cx.doc
            .years
            .iter()
            .find(|f| f.year == y)
            .map(|f| f.phases.join(" · "))
            .unwrap_or_default()
    };
    egui::ComboBox::from_id_salt("year-selector")
        .selected_text(shown.to_string())
        .width(72.0)
        .height(400.0)
        .show_ui(ui, |ui| {
            for y in years.clone() {
                let item = ui.selectable_label(y == shown, y.to_string());
                let item = match phases(y) {
                    p if p.is_empty() => item,
                    p => item.on_hover_text(p),
                };
                if item.clicked() {
                    chosen = Some(y);
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(format!(
            "Every view shows the plan as it stands in the year chosen ({first}–{last})"
        ));
    if ui
        .add_enabled(shown < last, egui::Button::new("▶"))
        .on_hover_text("The year after")
        .accessible_name("Next year")
        .clicked()
    {
        chosen = Some(shown + 1);
    }
    if let Some(y) = chosen {
        cx.doc.chosen_year = Some(y);
    }
    ui.separator();
}
