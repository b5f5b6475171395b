//! Members: add countries (type to search) or whole regional groups, remove, sort and filter; the
//! selected member's contributions are edited beside the list.

use egui::{RichText, Ui};

use super::{MemberSort, ViewCtx, contributions};
use crate::app::theme::{self, Status};
use crate::numbers::{count, readable, short_percent};
use crate::plan::Member;
use crate::words::noun;

const MAX_SUGGESTIONS: usize = 8;

/// The add-member field's id: it keeps the keyboard focus while members are added one by one.
fn add_field_id() -> egui::Id {
    egui::Id::unique("add-member-query")
}

/// Countries matching the add-member text that are not members yet, best first: exact ISO code,
/// then names starting with the text, then names containing it.
fn suggestions(cx: &ViewCtx) -> Vec<(String, String)> {
    let query = cx.state.add_query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let rank = |c: &crate::catalog::Country| {
        let name = c.name.to_lowercase();
        if c.code.to_lowercase() == query || c.alpha3.to_lowercase() == query {
            Some(0)
        } else if name.starts_with(&query) {
            Some(1)
        } else if name.contains(&query) {
            Some(2)
        } else {
            None
        }
    };
    let mut ranked: Vec<(u8, &crate::catalog::Country)> = cx
        .catalog
        .countries
        .countries
        .iter()
        .filter(|c| !cx.doc.plan.has_member(&c.code))
        .filter_map(|c| rank(c).map(|r| (r, c)))
        .collect();
    ranked.sort_by_key(|(r, _)| *r);
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, c)| (c.code.clone(), c.name.clone()))
        .collect()
}

/// Adds the member `code`, selects it and empties the add field (which keeps the focus).
fn add_member(ui: &Ui, cx: &mut ViewCtx, code: String) {
    cx.doc.checkpoint();
    cx.doc.plan.members.push(Member::new(code));
    cx.state.selected_member = Some(cx.doc.plan.members.len() - 1);
    cx.state.add_query.clear();
    cx.state.add_highlight = 0;
    ui.memory_mut(|m| m.request_focus(add_field_id()));
}

fn add_member_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.label(RichText::new("Add a member state").strong());
    let id = add_field_id();
    // Up and down move through the suggestions while the field has the focus; they are taken
    // before the field sees them (a one-line field would move its cursor to the start or end).
    if ui.memory(|m| m.has_focus(id)) {
        let (down, up) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            )
        });
        let n = suggestions(cx).len();
        if n > 0 {
            let h = cx.state.add_highlight.min(n - 1);
            cx.state.add_highlight = if down {
                (h + 1).min(n - 1)
            } else if up {
                h.saturating_sub(1)
            } else {
                h
            };
        }
    }
    // A plan with no members yet can only start here: the field takes the keyboard when nothing
    // else has it, so after File → New plan typing a country's name just works.
    if cx.doc.plan.members.is_empty() && ui.memory(|m| m.focused().is_none()) {
        ui.memory_mut(|m| m.request_focus(id));
    }
    let before = cx.state.add_query.clone();
    let edit = ui.add(
        egui::TextEdit::singleline(&mut cx.state.add_query)
            .id(id)
            .hint_text("Type a country name or code…")
            .desired_width(f32::INFINITY)
            // Enter adds the highlighted country and the field keeps the focus for the next one.
            .return_key(None),
    );
    if cx.state.add_query != before {
        cx.state.add_highlight = 0;
    }
    let enter = edit.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let _ = edit.on_hover_text(
        "Type part of a name or an ISO code; Enter adds the highlighted country, \
         the arrow keys move through the suggestions",
    );
    let matches = suggestions(cx);
    if !cx.state.add_query.trim().is_empty() && matches.is_empty() {
        ui.label(RichText::new("No country matches (or it is already a member).").weak());
    }
    let highlight = cx.state.add_highlight.min(matches.len().saturating_sub(1));
    let mut chosen = None;
    for (n, (code, name)) in matches.iter().enumerate() {
        let button = egui::Button::selectable(n == highlight, format!("+ {code}  {name}"));
        if ui.add(button).clicked() {
            chosen = Some(code.clone());
        }
    }
    if enter && chosen.is_none() {
        chosen = matches.get(highlight).map(|(code, _)| code.clone());
    }
    if let Some(code) = chosen {
        add_member(ui, cx, code);
    }
    egui::ComboBox::from_id_salt("add-preset")
        .selected_text("Add a regional group…")
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for preset in &cx.catalog.presets {
                let missing = preset
                    .members
                    .iter()
                    .filter(|c| !cx.doc.plan.has_member(c))
                    .count();
                let label = format!(
                    "{} — adds {missing} of {}",
                    preset.name,
                    preset.members.len()
                );
                let about = if preset.notes.is_empty() {
                    preset.source.clone()
                } else {
                    format!("{}\n\n{}", preset.notes, preset.source)
                };
                if ui
                    .add_enabled(missing > 0, egui::Button::selectable(false, label))
                    .on_hover_text(about.clone())
                    .on_disabled_hover_text(about)
                    .clicked()
                {
                    cx.doc.checkpoint();
                    cx.state.added_preset = Some(preset.id.clone());
                    for code in &preset.members {
                        if !cx.doc.plan.has_member(code) {
                            cx.doc.plan.members.push(Member::new(code.clone()));
                        }
                    }
                }
            }
        })
        .response
        .accessible_name("Add a regional group");
    preset_note_ui(ui, cx);
}

/// Under the regional-group box, the caveats of the group just added (suspended members, members
/// left out), so they are read where the group was added.
fn preset_note_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let Some(preset) = cx
        .state
        .added_preset
        .as_ref()
        .and_then(|id| cx.catalog.presets.iter().find(|p| &p.id == id))
        .filter(|p| !p.notes.is_empty())
    else {
        return;
    };
    let mut dismissed = false;
    egui::Frame::group(ui.style())
        .fill(theme::status_fill(ui.visuals(), Status::Warn))
        .show(ui, |ui| {
            ui.label(RichText::new(format!("Added {}. Note:", preset.name)).strong());
            ui.label(&preset.notes);
            dismissed = ui.small_button("Dismiss").clicked();
        });
    if dismissed {
        cx.state.added_preset = None;
    }
}

fn sorted_indices(cx: &ViewCtx) -> Vec<usize> {
    let filter = cx.state.member_filter.trim().to_lowercase();
    let figures = &cx.doc.report.members;
    let mut idx: Vec<usize> = (0..cx.doc.plan.members.len())
        .filter(|&i| {
            filter.is_empty()
                || figures.get(i).is_some_and(|f| {
                    f.name.to_lowercase().contains(&filter) || f.country.to_lowercase() == filter
                })
        })
        .collect();
    let key = |i: &usize| figures.get(*i);
    match cx.state.member_sort {
        MemberSort::PlanOrder => {}
        MemberSort::Name => {
            idx.sort_by(|a, b| key(a).map(|f| &f.name).cmp(&key(b).map(|f| &f.name)))
        }
        MemberSort::Compute => idx.sort_by(|a, b| {
            let v = |i| key(i).map_or(0.0, |f| f.bf16_pflops);
            v(b).total_cmp(&v(a))
        }),
        MemberSort::Stake => idx.sort_by(|a, b| {
            let v = |i| key(i).map_or(0.0, |f| f.stake);
            v(b).total_cmp(&v(a))
        }),
    }
    idx
}

fn member_list_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut cx.state.member_filter)
                .hint_text("Filter members")
                .desired_width(140.0),
        );
        egui::ComboBox::from_id_salt("member-sort")
            .selected_text(match cx.state.member_sort {
                MemberSort::PlanOrder => "Plan order",
                MemberSort::Name => "Name",
                MemberSort::Compute => "Compute",
                MemberSort::Stake => "Stake",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut cx.state.member_sort,
                    MemberSort::PlanOrder,
                    "Plan order",
                );
                ui.selectable_value(&mut cx.state.member_sort, MemberSort::Name, "Name");
                ui.selectable_value(&mut cx.state.member_sort, MemberSort::Compute, "Compute");
                ui.selectable_value(&mut cx.state.member_sort, MemberSort::Stake, "Stake");
            })
            .response
            .accessible_name("Sort members by");
    });
    let indices = sorted_indices(cx);
    let total = cx.doc.plan.members.len();
    ui.label(format!(
        "{} of {total} {}",
        indices.len(),
        noun(total, "member", "members")
    ));
    let mut remove = None;
    let row_height = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    egui::ScrollArea::vertical()
        .id_salt("member-list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, indices.len(), |ui, range| {
            for &i in &indices[range] {
                let Some(f) = cx.doc.report.members.get(i) else {
                    continue;
                };
                let selected = cx.state.selected_member == Some(i);
                let size = egui::vec2(ui.available_width(), row_height);
                ui.allocate_ui_with_layout(
                    size,
                    egui::Layout::right_to_left(egui::Align::Center),
                    |ui| {
                        if ui
                            .small_button("Remove")
                            .on_hover_text(format!("Remove {}", f.name))
                            .clicked()
                        {
                            remove = Some(i);
                        }
                        // Small members' figures keep a digit: "0 FTE · stake 0 %" read
                        // as nothing for a state that gives 0.4 FTE and 0.3 % of the pool.
                        let summary = format!(
                            "{}  {}\n{} chips · {} MW · {} FTE · stake {}",
                            f.country,
                            f.name,
                            count(f.accelerators),
                            readable(f.power_mw),
                            readable(f.experts_fte),
                            short_percent(f.stake)
                        );
                        ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
                            if ui.selectable_label(selected, summary).clicked() {
                                cx.state.selected_member = Some(i);
                            }
                        });
                    },
                );
            }
        });
    if let Some(i) = remove {
        cx.doc.checkpoint();
        cx.doc.plan.members.remove(i);
        cx.state.selected_member = match cx.state.selected_member {
            Some(s) if s == i => None,
            Some(s) if s > i => Some(s - 1),
            other => other,
        };
    }
}

/// The members view.
pub fn members_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    // The view opens on a member (the first in the list's order), never on an empty panel.
    let n = cx.doc.plan.members.len();
    if cx.state.selected_member.is_none_or(|i| i >= n) {
        cx.state.selected_member = sorted_indices(cx).first().copied();
    }
    egui::Panel::left("member-list-panel")
        .resizable(true)
        .default_size(370.0)
        .min_size(240.0)
        .show(ui, |ui| {
            add_member_ui(ui, cx);
            ui.separator();
            member_list_ui(ui, cx);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        match cx
            .state
            .selected_member
            .filter(|&i| i < cx.doc.plan.members.len())
        {
            Some(i) => contributions::contributions_ui(ui, cx, i),
            None if cx.doc.plan.members.is_empty() => {
                ui.heading("No members yet");
                ui.label(
                    "Type a country's name or code on the left and press Enter, or add a whole \
                     regional group.",
                );
            }
            None => {
                ui.heading("No member matches the filter");
                ui.label("Clear the filter on the left to see every member.");
            }
        }
    });
}
