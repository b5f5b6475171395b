//! Presentation mode's shock lever: a room switches a shock of the switch-off test on and off,
//! and the slide's figures become the plan's under it (`Document::shock`); a banner on the slide
//! says which shock is on.

use egui::{ComboBox, RichText, Ui};

use super::ViewCtx;
use super::resilience::outcome_status;
use crate::app::theme::{self, Status};
use crate::numbers::short_percent;

/// The lever: "Shock: none / <each shock>".
pub fn shock_lever_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx,
    width: f32,
    style: egui::style::StyleModifier,
) {
    ui.strong("Switch a supplier off");
    let name_of = |key: &Option<String>| {
        key.as_ref()
            .and_then(|k| cx.doc.stress.iter().find(|s| &s.key == k))
            .map_or_else(|| "none".to_string(), |s| s.name.clone())
    };
    let mut chosen = cx.doc.shock.clone();
    let label = ui
        .label("Shock")
        .on_hover_text("The slide shows the plan under it; the plan itself is not changed.");
    ComboBox::from_id_salt("lever-shock")
        .selected_text(name_of(&chosen))
        .width(width)
        .height(420.0)
        .popup_style(style)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "none");
            for s in &cx.doc.stress {
                ui.selectable_value(&mut chosen, Some(s.key.clone()), &s.name)
                    .on_hover_text(&s.description);
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != cx.doc.shock {
        cx.doc.shock = chosen;
    }
}

/// The slide's banner while a shock is on: which one, and what it takes.
pub fn shock_banner_ui(ui: &mut Ui, cx: &ViewCtx) {
    let Some(s) = cx
        .doc
        .shock
        .as_ref()
        .and_then(|k| cx.doc.stress.iter().find(|s| &s.key == k))
    else {
        return;
    };
    let status = match outcome_status(s.outcome()) {
        Status::Good => Status::Warn,
        other => other,
    };
    egui::Frame::group(ui.style())
        .fill(theme::status_fill(ui.visuals(), status))
        .stroke(egui::Stroke::new(2.0, theme::status_color(ui.visuals(), status)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("SHOCK ON: {}", s.name)).strong());
                ui.label(format!(
                    "— every figure below is the plan's under it: {} of compute lost, {} of {} workloads on target; {}.",
                    short_percent(s.bf16_pflops_lost_share),
                    s.workloads_meeting_target,
                    s.workloads_with_target,
                    s.outcome().verdict()
                ));
            });
        })
        .response
        .on_hover_text(&s.description);
}
