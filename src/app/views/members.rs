//! Members: add countries (type to search) or whole regional groups, remove, sort and filter; the
//! selected member's contributions are edited beside the list.

use egui::{RichText, Ui};

use super::{MemberSort, ViewCtx, contributions};
use crate::numbers::{readable, short_percent};
use crate::plan::Member;

const MAX_SUGGESTIONS: usize = 8;

fn add_member_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.label(RichText::new("Add a member state").strong());
    let edit = ui.add(
        egui::TextEdit::singleline(&mut cx.state.add_query)
            .hint_text("Type a country name or code…")
            .desired_width(f32::INFINITY),
    );
    let _ = edit.on_hover_text("Type part of a name or an ISO code, then click a suggestion");
    let query = cx.state.add_query.trim().to_lowercase();
    if !query.is_empty() {
        // Rank: exact ISO code, then names starting with the text, then names containing it.
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
        let matches: Vec<(String, String)> = ranked
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, c)| (c.code.clone(), c.name.clone()))
            .collect();
        if matches.is_empty() {
            ui.label(RichText::new("No country matches (or it is already a member).").weak());
        }
        for (code, name) in matches {
            if ui.button(format!("+ {code}  {name}")).clicked() {
                cx.doc.checkpoint();
                cx.doc.plan.members.push(Member::new(code));
                cx.state.selected_member = Some(cx.doc.plan.members.len() - 1);
                cx.state.add_query.clear();
            }
        }
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
                if ui
                    .add_enabled(missing > 0, egui::Button::selectable(false, label))
                    .on_hover_text(&preset.source)
                    .clicked()
                {
                    cx.doc.checkpoint();
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
    ui.label(
        RichText::new(format!(
            "{} of {} members",
            indices.len(),
            cx.doc.plan.members.len()
        ))
        .small(),
    );
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
                            f.accelerators,
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
            None => {
                ui.heading("Select a member");
                ui.label("Pick a member on the left to edit what it contributes, or add one.");
                let e = &cx.doc.report.experts;
                ui.add_space(8.0);
                ui.label(format!(
                    "The pool has {:.1} expert FTE ({:.1} foreign) against {:.0} needed.",
                    e.total_fte, e.foreign_fte, e.needed_fte
                ));
            }
        }
    });
}
