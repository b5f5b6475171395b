//! The year selector beside the scenario bar: which roadmap year every view shows. Shown only
//! when the plan has a roadmap; choosing a year is not an edit of the plan.

use egui::{RichText, Ui};

use super::ViewCtx;

/// A button with a triangle pointing left (`direction` −1) or right (1), painted: the fonts egui
/// bundles have no arrow glyphs.
pub(super) fn arrow_ui(ui: &mut Ui, enabled: bool, direction: f32) -> egui::Response {
    let size = ui.spacing().interact_size.y;
    let response = ui.add_enabled(
        enabled,
        egui::Button::new("").min_size(egui::vec2(size * 1.2, size)),
    );
    let color = ui.style().interact(&response).fg_stroke.color;
    let color = if enabled {
        color
    } else {
        ui.visuals().weak_text_color()
    };
    let c = response.rect.center();
    let h = size * 0.22;
    let tip = egui::pos2(c.x + direction * h, c.y);
    let back = c.x - direction * h;
    ui.painter().add(egui::Shape::convex_polygon(
        vec![tip, egui::pos2(back, c.y - h), egui::pos2(back, c.y + h)],
        color,
        egui::Stroke::NONE,
    ));
    response
}

/// Draws "Year ◀ 2027 ▶" for a plan with a roadmap (nothing otherwise).
pub fn year_bar_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let years = cx.doc.plan.years();
    let Some(shown) = cx.doc.year.filter(|_| !years.is_empty()) else {
        return;
    };
    let (first, last) = (*years.start(), *years.end());
    let label = ui.label(RichText::new("Year").strong());
    let mut chosen = None;
    if arrow_ui(ui, shown > first, -1.0)
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
    if arrow_ui(ui, shown < last, 1.0)
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
