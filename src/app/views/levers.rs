//! What-if levers for a room: scale one member's contribution, swap the accelerator type
//! pool-wide, swap the base model, change MFU and PUE. Levers edit the real plan, so the one undo
//! history holds them; a slider drag is one undo step (see [`Document::begin_gesture`]).

use egui::style::StyleModifier;
use egui::{ComboBox, PopupCloseBehavior, Slider, TextEdit, Ui};

use super::ViewCtx;
use super::year_bar::arrow_ui;
use crate::app::document::Document;
use crate::plan::Member;

/// The member-scaling lever's state: the member as it was when scaling started, so the slider can
/// always return to it exactly (counts are rounded only in the scaled copy).
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleState {
    /// Index of the member being scaled.
    pub member: usize,
    /// The member before scaling.
    pub base: Member,
    /// The member as the lever last wrote it; if the plan's member differs, it was edited
    /// elsewhere (or undone) and scaling starts again from it.
    pub last: Member,
    /// The factor in percent.
    pub percent: f64,
}

/// The levers' own state (not in the plan, not in the undo history).
#[derive(Debug, Clone, Default)]
pub struct LeverState {
    /// The member picked for scaling.
    pub member: usize,
    /// Scaling in progress.
    pub scale: Option<ScaleState>,
    /// What was typed to find a member in the member list.
    pub query: String,
    /// Whether the member list was open in the last frame (opening it clears the query and puts
    /// the cursor in the search field).
    pub list_open: bool,
}

/// The lever panel's style for the drop-down lists, so their items are as large as the panel's
/// text (popups otherwise take the app's everyday style).
fn popup_style(ui: &Ui) -> StyleModifier {
    let style = ui.style().clone();
    StyleModifier::new(move |s| *s = (*style).clone())
}

/// Whether member `m` matches the typed `query` (its code or name, ignoring case).
fn member_matches(code: &str, name: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || code.to_lowercase().starts_with(&query)
        || name.to_lowercase().contains(&query)
}

/// A slider that edits the plan: pressing on it starts a gesture (one undo step until the pointer
/// is released, which the app notices), a keyboard change is its own undo step. Returns whether
/// the value changed; the caller then writes it to the plan.
fn lever_slider(ui: &mut Ui, doc: &mut Document, name: &str, slider: Slider<'_>) -> bool {
    let label = ui.label(name);
    // A value typed into the slider's box reads as in every number field (`35,5 %` is 35.5 %).
    let slider =
        slider.custom_parser(|text| crate::typed_number::parse_typed_number(text, "%").ok());
    let response = ui.add(slider).labelled_by(label.id);
    if response.is_pointer_button_down_on() || response.dragged() {
        doc.begin_gesture();
    }
    if response.changed() && !doc.in_gesture() {
        doc.checkpoint();
    }
    response.changed()
}

fn member_scale_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.strong("Scale one member's contribution");
    let members = &cx.doc.plan.members;
    if members.is_empty() {
        ui.label("Add members to scale their contributions.");
        return;
    }
    let lever = &mut cx.state.levers;
    lever.member = lever.member.min(members.len() - 1);
    let name = |m: &Member| format!("{} {}", m.country, cx.catalog.country_name(&m.country));
    let mut picked = lever.member;
    let label = ui.label("Member");
    let was_open = lever.list_open;
    let list = ComboBox::from_id_salt("lever-member")
        .selected_text(name(&members[picked]))
        .width(combo_width(ui))
        .height(420.0)
        .popup_style(popup_style(ui))
        // Clicking into the search field must not close the list; picking a member closes it.
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            if !was_open {
                lever.query.clear();
            }
            let field = ui.add(
                TextEdit::singleline(&mut lever.query)
                    .hint_text("Type to find a member")
                    .desired_width(f32::INFINITY),
            );
            if !was_open {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let mut first = None;
            for (i, m) in members.iter().enumerate() {
                let country = cx.catalog.country_name(&m.country);
                if !member_matches(&m.country, country, &lever.query) {
                    continue;
                }
                first.get_or_insert(i);
                if ui.selectable_label(picked == i, name(m)).clicked() {
                    picked = i;
                    ui.close();
                }
            }
            match first {
                None => {
                    ui.label("No member matches.");
                }
                Some(i) if entered => {
                    picked = i;
                    ui.close();
                }
                Some(_) => {}
            }
        });
    lever.list_open = list.inner.is_some();
    list.response.labelled_by(label.id);
    lever.member = picked;
    let current = &members[picked];
    let mut scale = match &lever.scale {
        Some(s) if s.member == picked && &s.last == current => s.clone(),
        _ => ScaleState {
            member: picked,
            base: current.clone(),
            last: current.clone(),
            percent: 100.0,
        },
    };
    let mut percent = scale.percent;
    let slider = Slider::new(&mut percent, 0.0..=300.0)
        .suffix(" %")
        .fixed_decimals(0)
        .step_by(5.0);
    if lever_slider(ui, cx.doc, "Contribution", slider) {
        let scaled = scale.base.scaled(percent / 100.0);
        cx.doc.plan.members[picked] = scaled.clone();
        scale.last = scaled;
        scale.percent = percent;
    }
    ui.label(
        egui::RichText::new("Chips, power, experts and funding.")
            .small()
            .weak(),
    );
    cx.state.levers.scale = Some(scale);
}

fn accelerator_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.strong("Swap the accelerators");
    let plan = &cx.doc.plan;
    let mut ids = plan
        .members
        .iter()
        .flat_map(|m| m.chips.iter().map(|c| c.accelerator.as_str()));
    let first = ids.next();
    let same = first.filter(|f| ids.all(|id| id == *f));
    let current = match (first, same) {
        (None, _) => "no accelerators".to_string(),
        (Some(_), Some(id)) => cx
            .catalog
            .accelerator(id)
            .or_else(|| plan.custom_accelerators.iter().find(|a| a.id == id))
            .map_or_else(|| id.to_string(), |a| a.name.clone()),
        (Some(_), None) => "mixed".to_string(),
    };
    let mut chosen: Option<String> = None;
    let label = ui.label("Type, pool-wide");
    ComboBox::from_id_salt("lever-accelerator")
        .selected_text(current)
        .width(combo_width(ui))
        .height(420.0)
        .popup_style(popup_style(ui))
        .show_ui(ui, |ui| {
            for a in plan
                .custom_accelerators
                .iter()
                .chain(&cx.catalog.accelerators)
            {
                if ui
                    .selectable_label(same == Some(a.id.as_str()), &a.name)
                    .clicked()
                {
                    chosen = Some(a.id.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(id) = chosen
        && first.is_some()
        && same != Some(id.as_str())
    {
        cx.doc.checkpoint();
        for m in &mut cx.doc.plan.members {
            for c in &mut m.chips {
                c.accelerator.clone_from(&id);
            }
        }
    }
}

fn model_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.strong("Swap the base model");
    let plan = &cx.doc.plan;
    let current = cx
        .doc
        .report
        .model
        .as_ref()
        .map_or_else(|| plan.base_model.clone(), |m| m.name.to_string());
    let mut chosen: Option<String> = None;
    let label = ui.label("Model");
    ComboBox::from_id_salt("lever-model")
        .selected_text(current)
        .width(combo_width(ui))
        .height(420.0)
        .popup_style(popup_style(ui))
        .show_ui(ui, |ui| {
            for m in plan.custom_models.iter().chain(&cx.catalog.models) {
                if ui
                    .selectable_label(m.id == plan.base_model, &m.name)
                    .clicked()
                {
                    chosen = Some(m.id.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(id) = chosen
        && id != cx.doc.plan.base_model
    {
        cx.doc.checkpoint();
        cx.doc.plan.base_model = id;
    }
}

fn assumptions_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.strong("Change the assumptions");
    // With the calibrated rule on, the slider starts at the MFU the main training workload uses;
    // moving it enters an MFU of one's own (the rule switches off).
    let a = &cx.doc.plan.assumptions;
    let in_use = crate::analysis::series::main_training_workload(&cx.doc.report)
        .map(|i| cx.doc.report.workloads[i].mfu)
        .filter(|_| a.mfu_calibrated);
    // Whole percent, as the slider steps: an unrounded rule value would count as a change.
    let mut mfu = match in_use {
        Some(m) => (m * 100.0).round(),
        None => a.mfu * 100.0,
    };
    let slider = Slider::new(&mut mfu, 10.0..=70.0)
        .suffix(" %")
        .fixed_decimals(0)
        .step_by(1.0);
    if lever_slider(ui, cx.doc, "MFU (model FLOPs utilisation)", slider) {
        cx.doc.plan.assumptions.mfu = mfu / 100.0;
        cx.doc.plan.assumptions.mfu_calibrated = false;
    }
    let mut pue = cx.doc.plan.assumptions.pue;
    let slider = Slider::new(&mut pue, 1.0..=2.0)
        .fixed_decimals(2)
        .step_by(0.01);
    if lever_slider(ui, cx.doc, "PUE (data-centre overhead)", slider) {
        cx.doc.plan.assumptions.pue = pue;
    }
}

/// The year as a lever, for a plan with a roadmap: step through it one year at a time, with the
/// phases of the year shown under it. Choosing a year edits nothing. Returns whether it was drawn.
fn year_lever_ui(ui: &mut Ui, cx: &mut ViewCtx) -> bool {
    let years = cx.doc.plan.years();
    let Some(shown) = cx.doc.year.filter(|_| !years.is_empty()) else {
        return false;
    };
    let (first, last) = (*years.start(), *years.end());
    ui.strong("Step through the roadmap");
    let mut chosen = None;
    ui.horizontal(|ui| {
        if arrow_ui(ui, shown > first, -1.0)
            .on_hover_text("The year before")
            .accessible_name("Previous year")
            .clicked()
        {
            chosen = Some(shown - 1);
        }
        ui.label(egui::RichText::new(shown.to_string()).heading().strong())
            .on_hover_text(format!("The slide shows the plan as it stands in {shown}"));
        if arrow_ui(ui, shown < last, 1.0)
            .on_hover_text("The year after")
            .accessible_name("Next year")
            .clicked()
        {
            chosen = Some(shown + 1);
        }
        ui.label(format!("{} of {}", shown - first + 1, last - first + 1));
    });
    let phases = cx
        .doc
        .years
        .iter()
        .find(|y| y.year == shown)
        .map(|y| y.phases.join(" · "))
        .unwrap_or_default();
    if !phases.is_empty() {
        ui.label(egui::RichText::new(phases).small());
    }
    if let Some(y) = chosen {
        cx.doc.chosen_year = Some(y);
    }
    true
}

/// Combo boxes fill the panel's width (less the arrow).
fn combo_width(ui: &Ui) -> f32 {
    (ui.available_width() - 12.0).max(120.0)
}

/// The lever panel. Labels sit above their controls so everything fits the panel's width.
pub fn levers_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    // Sliders as wide as the panel, leaving room for the value field beside them.
    ui.spacing_mut().slider_width = (ui.available_width() - 96.0).max(120.0);
    ui.heading("What if…");
    ui.add_space(6.0);
    if year_lever_ui(ui, cx) {
        ui.add_space(14.0);
    }
    super::shock_lever::shock_lever_ui(ui, cx, combo_width(ui), popup_style(ui));
    ui.add_space(14.0);
    member_scale_ui(ui, cx);
    ui.add_space(14.0);
    accelerator_ui(ui, cx);
    ui.add_space(14.0);
    model_ui(ui, cx);
    ui.add_space(14.0);
    assumptions_ui(ui, cx);
    ui.add_space(14.0);
    ui.label(
        egui::RichText::new("Every lever edits the plan: Ctrl+Z undoes a whole drag.")
            .small()
            .weak(),
    );
}
