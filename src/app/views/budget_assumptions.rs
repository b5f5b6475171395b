//! The Budget view's assumptions: every cost rate and factor with its unit, source and Reset, the
//! rental rates of the accelerators the plan uses and the exchange rates of the members' pledges,
//! each with the catalog's dated value and an override.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::workloads::{SourcedRow, sourced_row};
use crate::app::theme::{self, Status};
use crate::app::widgets::{optional_number_ui, reset_button};
use crate::catalog::{Catalog, Confidence};
use crate::numbers::{readable, significant};
use crate::plan::{
    CostAssumptions, ExchangeRate, ExpertRole, FacilityMode, Plan, RentalRate, RentalTerm,
};

/// The label and source of a cost assumption.
fn sourced(key: &str) -> (&'static str, &'static str) {
    CostAssumptions::source(key).map_or(("", ""), |s| (s.label, s.source))
}

/// A number row for cost assumption `key`.
fn number_row(
    ui: &mut Ui,
    key: &str,
    value: &mut f64,
    default: f64,
    range: std::ops::RangeInclusive<f64>,
    unit: &str,
    speed: f64,
) {
    let (label, source) = sourced(key);
    let row = SourcedRow {
        key,
        label,
        source,
        unit,
        speed,
    };
    sourced_row(ui, row, value, default, range);
}

/// A drop-down row for cost assumption `key` with the options' labels and a Reset.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    key: &str,
    value: &mut T,
    default: T,
    options: &[T],
    label_of: fn(T) -> &'static str,
) {
    let (label, source) = sourced(key);
    ui.label(label).on_hover_text(source);
    egui::ComboBox::from_id_salt(("cost-choice", key))
        .selected_text(label_of(*value))
        .width(200.0)
        .show_ui(ui, |ui| {
            for &o in options {
                ui.selectable_value(value, o, label_of(o));
            }
        })
        .response
        .accessible_name(label);
    let hover = format!("Back to the default: {}", label_of(default));
    reset_button(ui, value, &default, Some(&hover));
    ui.label("(?)").on_hover_text(source);
    ui.end_row();
}

/// Every field of [`CostAssumptions`] but the rates.
fn factors_ui(ui: &mut Ui, c: &mut CostAssumptions) {
    let d = CostAssumptions::default();
    egui::Grid::new("cost-assumptions")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            number_row(
                ui,
                "horizon_years",
                &mut c.horizon_years,
                d.horizon_years,
                0.5..=50.0,
                "years",
                0.5,
            );
            number_row(
                ui,
                "systems_factor",
                &mut c.systems_factor,
                d.systems_factor,
                0.0..=10.0,
                "× chip price",
                0.01,
            );
            choice_row(
                ui,
                "facility",
                &mut c.facility,
                d.facility,
                &FacilityMode::ALL,
                FacilityMode::label,
            );
            let mut millions = c.build_usd_per_mw / 1e6;
            number_row(
                ui,
                "build_usd_per_mw",
                &mut millions,
                d.build_usd_per_mw / 1e6,
                0.0..=1e4,
                "million USD/MW",
                0.1,
            );
            if millions != c.build_usd_per_mw / 1e6 {
                c.build_usd_per_mw = millions * 1e6;
            }
            number_row(
                ui,
                "colocation_usd_per_kw_month",
                &mut c.colocation_usd_per_kw_month,
                d.colocation_usd_per_kw_month,
                0.0..=1e5,
                "USD/kW-month",
                1.0,
            );
            number_row(
                ui,
                "hardware_life_years",
                &mut c.hardware_life_years,
                d.hardware_life_years,
                0.5..=50.0,
                "years",
                0.5,
            );
            number_row(
                ui,
                "facility_life_years",
                &mut c.facility_life_years,
                d.facility_life_years,
                0.5..=50.0,
                "years",
                0.5,
            );
            let mut pct = c.operations_share_per_year * 100.0;
            number_row(
                ui,
                "operations_share_per_year",
                &mut pct,
                d.operations_share_per_year * 100.0,
                0.0..=100.0,
                "% per year",
                0.1,
            );
            if pct != c.operations_share_per_year * 100.0 {
                c.operations_share_per_year = pct / 100.0;
            }
            let (_, staff_source) = sourced("staff_usd_per_fte_year");
            for role in ExpertRole::ALL {
                let label = format!("Staff: {} (USD per FTE-year)", role.label());
                let row = SourcedRow {
                    key: role.label(),
                    label: &label,
                    source: staff_source,
                    unit: "USD",
                    speed: 1000.0,
                };
                sourced_row(
                    ui,
                    row,
                    c.staff_usd_per_fte_year.usd_per_fte_year_mut(role),
                    d.staff_usd_per_fte_year.usd_per_fte_year(role),
                    0.0..=1e8,
                );
            }
            choice_row(
                ui,
                "rental_term",
                &mut c.rental_term,
                d.rental_term,
                &RentalTerm::ALL,
                RentalTerm::label,
            );
            choice_row(
                ui,
                "fair_share_rule",
                &mut c.fair_share_rule,
                d.fair_share_rule,
                &crate::plan::FairShareRule::ALL,
                crate::plan::FairShareRule::label,
            );
        });
}

/// The accelerator ids the plan's chip lines use, each once, in plan order.
fn used_accelerators(plan: &Plan) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for line in plan.members.iter().flat_map(|m| &m.chips) {
        if !ids.contains(&line.accelerator) {
            ids.push(line.accelerator.clone());
        }
    }
    ids
}

/// The currency codes the members' pledges use (upper case), each once, in plan order; US
/// dollars left out.
fn used_currencies(plan: &Plan) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for f in plan.members.iter().filter_map(|m| m.funding.as_ref()) {
        let code = f.currency.trim().to_uppercase();
        if code != "USD" && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The confidence as a word for tooltips.
fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

/// One override cell and its Reset: `value` is the plan's override (`None`: the catalog's).
/// Returns the new override when it changed.
fn override_cell(
    ui: &mut Ui,
    id: (&str, &str),
    value: Option<f64>,
    range: std::ops::RangeInclusive<f64>,
    unit: &str,
    hint: &str,
    name: &str,
) -> Option<Option<f64>> {
    let mut v = value;
    let mut changed = optional_number_ui(ui, id, &mut v, range, unit, hint, 130.0)
        .accessible_name(name)
        .changed();
    if ui
        .add_enabled(value.is_some(), egui::Button::new("Reset").small())
        .on_hover_text("Back to the catalog's rate")
        .clicked()
    {
        v = None;
        changed = true;
    }
    changed.then_some(v)
}

/// Rental rates of the accelerators the plan uses: the catalog's (term, source and date on
/// hover) and the plan's override.
fn rental_rates_ui(ui: &mut Ui, plan: &mut Plan, catalog: &Catalog) {
    let term = plan.assumptions.costs.rental_term;
    ui.label(RichText::new(format!("Rental rates ({})", term.label())).strong());
    let ids = used_accelerators(plan);
    if ids.is_empty() {
        ui.label("No accelerators in the plan yet.");
        return;
    }
    let mut edits: Vec<(String, Option<f64>)> = Vec::new();
    egui::Grid::new("rental-rates")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Accelerator");
            ui.strong("Catalog rate");
            ui.strong("Plan's rate (empty: the catalog's)");
            ui.end_row();
            for id in &ids {
                let name = plan
                    .accelerator(catalog, id)
                    .map_or_else(|| format!("unknown: {id}"), |a| a.name.clone());
                ui.label(name);
                match catalog.costs.rental(id) {
                    Some(r) => {
                        ui.label(format!("{} USD/h", readable(r.usd_per_hour(term))))
                        .on_hover_text(format!(
                            "On demand {} USD/h, reserved {} USD/h.\nSource: {}\nRead on {} · {} \
                             confidence{}",
                            readable(r.on_demand_usd_per_hour),
                            readable(r.reserved_usd_per_hour),
                            r.source,
                            r.read_on,
                            confidence_word(r.confidence),
                            if r.notes.is_empty() {
                                String::new()
                            } else {
                                format!("\n{}", r.notes)
                            }
                        ));
                    }
                    None => {
                        ui.label(
                            RichText::new("none: estimated from the H100's rate")
                                .color(theme::status_color(ui.visuals(), Status::Warn)),
                        )
                        .on_hover_text(
                            "The catalog has no rental rate for this accelerator: the H100's \
                             rate scaled by dense BF16 peak. Give the plan's rate to replace it.",
                        );
                    }
                }
                let current = plan.assumptions.costs.rental_override(id);
                let hint = catalog
                    .costs
                    .rental(id)
                    .map_or("estimate".to_string(), |r| {
                        format!("{} USD/h", readable(r.usd_per_hour(term)))
                    });
                ui.horizontal(|ui| {
                    if let Some(v) = override_cell(
                        ui,
                        ("rent", id),
                        current,
                        0.0..=1e5,
                        "USD/h",
                        &hint,
                        &format!("Plan's rental rate for {id}"),
                    ) {
                        edits.push((id.clone(), v));
                    }
                });
                ui.end_row();
            }
        });
    let rates = &mut plan.assumptions.costs.rental_rates;
    for (id, v) in edits {
        rates.retain(|r| r.accelerator != id);
        if let Some(usd_per_hour) = v {
            rates.push(RentalRate {
                accelerator: id,
                usd_per_hour,
            });
        }
    }
}

/// Exchange rates of the currencies the members pledge in: the catalog's (source and period on
/// hover, low confidence marked) and the plan's override; an unknown currency is a warning.
fn exchange_rates_ui(ui: &mut Ui, plan: &mut Plan, catalog: &Catalog) {
    ui.label(RichText::new("Exchange rates (US dollars per unit)").strong());
    let codes = used_currencies(plan);
    if codes.is_empty() {
        ui.label("No member pledges cash in a currency other than US dollars.");
        return;
    }
    let warn = theme::status_color(ui.visuals(), Status::Warn);
    let bad = theme::status_color(ui.visuals(), Status::Bad);
    let t = &catalog.costs;
    let mut edits: Vec<(String, Option<f64>)> = Vec::new();
    egui::Grid::new("exchange-rates")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Currency");
            ui.strong("Catalog rate");
            ui.strong("Plan's rate (empty: the catalog's)");
            ui.end_row();
            for code in &codes {
                let row = t
                    .exchange
                    .iter()
                    .find(|r| r.currency.eq_ignore_ascii_case(code));
                let current = plan.assumptions.costs.exchange_override(code);
                match row {
                    Some(r) => {
                        ui.label(format!("{code} · {}", r.name));
                        let text = format!("{} USD", significant(r.usd_per_unit, 3));
                        let hover = format!(
                            "{}, {}\n{} confidence{}",
                            t.exchange_source,
                            t.exchange_period,
                            confidence_word(r.confidence),
                            if r.note.is_empty() {
                                String::new()
                            } else {
                                format!("\n{}", r.note)
                            }
                        );
                        if r.confidence == Confidence::Low {
                            ui.label(
                                RichText::new(format!("{text} (low confidence)")).color(warn),
                            )
                            .on_hover_text(hover);
                        } else {
                            ui.label(text).on_hover_text(hover);
                        }
                    }
                    None => {
                        ui.label(code);
                        let message = if current.is_some() {
                            RichText::new("not in the catalog: the plan's rate applies")
                        } else {
                            RichText::new(format!(
                                "Unknown currency {code}: its pledges are not counted"
                            ))
                            .color(bad)
                            .strong()
                        };
                        ui.label(message).on_hover_text(
                            "Neither the catalog nor the plan has a rate for this code. Check \
                             the code (ISO 4217, e.g. EUR) or give its rate in US dollars per unit.",
                        );
                    }
                }
                let hint = row.map_or("rate needed".to_string(), |r| {
                    format!("{} USD", significant(r.usd_per_unit, 3))
                });
                ui.horizontal(|ui| {
                    if let Some(v) =
                        override_cell(
                        ui,
                        ("fx", code),
                        current,
                        1e-9..=1e6,
                        "USD",
                        &hint,
                        &format!("Plan's exchange rate for {code}"),
                    )
                    {
                        edits.push((code.clone(), v));
                    }
                });
                ui.end_row();
            }
        });
    let rates = &mut plan.assumptions.costs.exchange_rates;
    for (code, v) in edits {
        rates.retain(|r| !r.currency.eq_ignore_ascii_case(&code));
        if let Some(usd_per_unit) = v {
            rates.push(ExchangeRate {
                currency: code,
                usd_per_unit,
            });
        }
    }
}

/// The cost assumptions, rental rates and exchange rates.
pub(super) fn cost_assumptions_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    ui.heading("Cost assumptions");
    ui.label("Hover a name or (?) for the evidence behind its default.");
    factors_ui(ui, &mut cx.doc.plan.assumptions.costs);
    ui.add_space(10.0);
    rental_rates_ui(ui, &mut cx.doc.plan, cx.catalog);
    ui.add_space(10.0);
    exchange_rates_ui(ui, &mut cx.doc.plan, cx.catalog);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Funding;

    #[test]
    fn pledge_currencies_are_listed_once_without_us_dollars() {
        let mut plan = Plan::new("test", "llama3.1-70b");
        for code in ["eur", "USD", "EUR", "CLP"] {
            let mut m = crate::plan::Member::new("CL");
            m.funding = Some(Funding {
                amount: 1.0,
                currency: code.to_string(),
            });
            plan.members.push(m);
        }
        assert_eq!(used_currencies(&plan), vec!["EUR", "CLP"]);
    }
}
