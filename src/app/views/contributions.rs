//! One member's contributions in editable tables: chips, power, experts and funding.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::line_years::line_years_ui;
use super::year_field::year_ui;
use crate::app::theme;
use crate::app::widgets::{count_ui, number_ui, optional_number_ui};
use crate::catalog::Catalog;
use crate::file::limits::MAX_CHIP_COUNT;
use crate::numbers::{count, readable, short_percent, with_unit};
use crate::plan::{
    ChipLine, ExpertLine, ExpertRole, Funding, Plan, PowerLine, PowerSource, Tenure,
};

/// A country picker showing "CODE Name".
pub fn country_combo(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    code: &mut String,
    catalog: &Catalog,
    name: &str,
) {
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(format!("{} {}", code, catalog.country_name(code)))
        .width(150.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            for c in &catalog.countries.countries {
                ui.selectable_value(code, c.code.clone(), format!("{} {}", c.code, c.name));
            }
        })
        .response
        .accessible_name(name);
}

/// A country picker for a field where `None` means the member's own country. The field is
/// written only when the user picks a different country, so viewing a plan never changes it.
fn own_or_other_country(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    field: &mut Option<String>,
    own: &str,
    catalog: &Catalog,
    name: &str,
) {
    let shown = field.clone().unwrap_or_else(|| own.to_string());
    let mut picked = shown.clone();
    country_combo(ui, id_salt, &mut picked, catalog, name);
    if picked != shown {
        *field = if picked == own { None } else { Some(picked) };
    }
}

fn accelerator_combo(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    id: &mut String,
    plan_custom: &[crate::catalog::Accelerator],
    catalog: &Catalog,
) {
    let name = plan_custom
        .iter()
        .chain(&catalog.accelerators)
        .find(|a| &a.id == id)
        .map_or_else(|| format!("unknown: {id}"), |a| a.name.clone());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name)
        .width(185.0)
        .height(360.0)
        .show_ui(ui, |ui| {
            for a in plan_custom.iter().chain(&catalog.accelerators) {
                let hover = format!(
                    "{} · {} BF16 TFLOP/s · {} GB · {} W\nsource: {}",
                    a.vendor,
                    a.bf16_tflops.map_or("?".into(), readable),
                    a.memory_gb.map_or("?".into(), readable),
                    a.tdp_w.map_or("?".into(), readable),
                    a.source
                );
                ui.selectable_value(id, a.id.clone(), &a.name)
                    .on_hover_text(hover);
            }
        })
        .response
        .accessible_name("Accelerator");
}

/// Draws line `j`'s years in its cell.
type YearsCell<'a, T> = &'a dyn Fn(&mut Ui, usize, &mut T);

/// An editable table of contribution lines: one row per line with a Remove button, and an Add
/// button below. `columns` are (header, width) for the line's own cells; `cells` draws them;
/// `years` (for a plan with a roadmap) draws a line's years in a column before Remove.
#[allow(clippy::too_many_arguments)]
fn lines_table<T>(
    ui: &mut Ui,
    id: &str,
    columns: &[(&str, f32)],
    lines: &mut Vec<T>,
    mut cells: impl FnMut(&mut egui_extras::TableRow<'_, '_>, usize, &mut T),
    years: Option<YearsCell<'_, T>>,
    add_label: &str,
    new_line: impl FnOnce() -> T,
) {
    let mut remove = None;
    let mut builder = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (_, width) in columns {
        builder = builder.column(Column::auto().at_least(*width));
    }
    if years.is_some() {
        builder = builder.column(Column::auto().at_least(70.0));
    }
    builder
        .column(Column::exact(64.0))
        .header(theme::ROW_HEIGHT, |mut h| {
            for (name, _) in columns {
                h.col(|ui| {
                    ui.strong(*name);
                });
            }
            if years.is_some() {
                h.col(|ui| {
                    ui.strong("Years");
                });
            }
            h.col(|_| {});
        })
        .body(|mut body| {
            for (j, line) in lines.iter_mut().enumerate() {
                body.row(theme::ROW_HEIGHT + 4.0, |mut row| {
                    cells(&mut row, j, line);
                    if let Some(years) = years {
                        row.col(|ui| years(ui, j, line));
                    }
                    row.col(|ui| {
                        if ui
                            .small_button("Remove")
                            .on_hover_text("Remove this line")
                            .clicked()
                        {
                            remove = Some(j);
                        }
                    });
                });
            }
        });
    if let Some(j) = remove {
        lines.remove(j);
    }
    if ui.button(add_label).clicked() {
        lines.push(new_line());
    }
}

fn chips_ui(ui: &mut Ui, plan: &mut Plan, member: usize, catalog: &Catalog) {
    let own = plan.members[member].country.clone();
    let custom = plan.custom_accelerators.clone();
    let columns = [
        ("Accelerator", 185.0),
        ("Count", 80.0),
        ("Owned (price each) or rented", 230.0),
        ("Hosted in", 150.0),
    ];
    let cells = |row: &mut egui_extras::TableRow<'_, '_>, j: usize, line: &mut ChipLine| {
        row.col(|ui| {
            accelerator_combo(
                ui,
                ("acc", member, j),
                &mut line.accelerator,
                &custom,
                catalog,
            )
        });
        row.col(|ui| {
            count_ui(
                ui,
                ("count", member, j),
                &mut line.count,
                MAX_CHIP_COUNT,
                "chips",
            );
        });
        row.col(|ui| {
            // An explicit choice: "Owned" or "Rented", one of them always marked.
            let rented = matches!(line.tenure, Tenure::Rented { .. });
            if ui
                .add(egui::Button::selectable(!rented, "Owned"))
                .on_hover_text("Owned by the member")
                .clicked()
                && rented
            {
                line.tenure = Tenure::Owned;
            }
            if ui
                .add(egui::Button::selectable(rented, "Rented"))
                .on_hover_text("Rented from a cloud or another provider")
                .clicked()
                && !rented
            {
                line.tenure = Tenure::Rented {
                    provider: String::new(),
                    provider_country: "US".into(),
                };
            }
            if matches!(line.tenure, Tenure::Owned) {
                // Owned lines use the room a rented line's provider takes for the price.
                let hint = catalog_price_hint(&custom, catalog, &line.accelerator);
                optional_number_ui(
                    ui,
                    ("price", member, j),
                    &mut line.price_usd,
                    0.0..=1e9,
                    "USD",
                    &hint,
                    150.0,
                )
                .on_hover_text(
                    "Price of one accelerator, in US dollars: what the member paid or will pay. \
                     Empty: the catalog's price (or an estimate from the value per PFLOP/s where \
                     none is known).",
                )
                .accessible_name("Price per accelerator");
            }
            if let Tenure::Rented {
                provider,
                provider_country,
            } = &mut line.tenure
            {
                ui.add(
                    egui::TextEdit::singleline(provider)
                        .hint_text("provider")
                        .desired_width(70.0),
                )
                .accessible_name("Provider");
                country_combo(
                    ui,
                    ("prov", member, j),
                    provider_country,
                    catalog,
                    "Provider's country",
                );
            }
        });
        row.col(|ui| {
            own_or_other_country(
                ui,
                ("host", member, j),
                &mut line.hosted_in,
                &own,
                catalog,
                "Hosted in",
            );
        });
    };
    // An owned chip line that gives the year it arrives ends with its life.
    let life_ends: Vec<String> = plan.members[member]
        .chips
        .iter()
        .map(|c| match (c.years.last, plan.chip_last_year(c)) {
            (None, Some(l)) => format!("life: {l}"),
            _ => "end".to_string(),
        })
        .collect();
    let years = |ui: &mut Ui, j: usize, line: &mut ChipLine| {
        let hint = life_ends.get(j).map_or("end", String::as_str);
        line_years_ui(ui, ("chip-years", member, j), &mut line.years, hint);
    };
    let has_roadmap = plan.roadmap.is_some();
    lines_table(
        ui,
        "chips",
        &columns,
        &mut plan.members[member].chips,
        cells,
        has_roadmap.then_some(&years as YearsCell<'_, ChipLine>),
        "+ Add accelerators",
        || ChipLine {
            years: Default::default(),
            accelerator: "nvidia_h100_sxm".into(),
            count: 8,
            tenure: Tenure::Owned,
            hosted_in: None,
            price_usd: None,
        },
    );
}

/// The hint of an empty price field: the catalog's price of the accelerator, or that it is
/// estimated.
fn catalog_price_hint(
    custom: &[crate::catalog::Accelerator],
    catalog: &Catalog,
    id: &str,
) -> String {
    let acc = custom
        .iter()
        .find(|a| a.id == id)
        .or_else(|| catalog.accelerator(id));
    match acc.map(|a| &a.price) {
        Some(crate::catalog::Price::EstimateUsd(usd)) => {
            format!("catalog {} USD", crate::numbers::grouped(*usd, 0))
        }
        _ => "estimate".to_string(),
    }
}

fn power_ui(ui: &mut Ui, plan: &mut Plan, member: usize, catalog: &Catalog) {
    let own = plan.members[member].country.clone();
    let tariff = plan.assumptions.electricity_usd_per_mwh;
    let columns = [
        ("Power", 140.0),
        ("Source", 110.0),
        ("Site", 150.0),
        ("Imported share", 130.0),
        ("Tariff", 140.0),
    ];
    let cells = |row: &mut egui_extras::TableRow<'_, '_>, j: usize, line: &mut PowerLine| {
        row.col(|ui| {
            number_ui(
                ui,
                ("mw", member, j),
                &mut line.mw,
                0.0..=100_000.0,
                "MW",
                0.1,
            );
        });
        row.col(|ui| {
            egui::ComboBox::from_id_salt(("src", member, j))
                .selected_text(line.source.label())
                .show_ui(ui, |ui| {
                    for s in PowerSource::ALL {
                        ui.selectable_value(&mut line.source, s, s.label());
                    }
                })
                .response
                .accessible_name("Power source");
        });
        row.col(|ui| {
            own_or_other_country(
                ui,
                ("site", member, j),
                &mut line.site,
                &own,
                catalog,
                "Power site",
            );
        });
        row.col(|ui| {
            let mut pct = line.imported_share * 100.0;
            if number_ui(ui, ("imp", member, j), &mut pct, 0.0..=100.0, "%", 1.0).changed() {
                line.imported_share = pct / 100.0;
            }
        });
        row.col(|ui| {
            optional_number_ui(
                ui,
                ("tariff", member, j),
                &mut line.usd_per_mwh,
                0.0..=10_000.0,
                "USD/MWh",
                &format!("plan: {}", crate::numbers::readable(tariff)),
                110.0,
            )
            .on_hover_text(
                "Electricity price at this line, in USD/MWh (prices differ 3× between members). \
                 Empty: the plan's electricity price (Workloads & assumptions).",
            )
            .accessible_name("Electricity price");
        });
    };
    let years = |ui: &mut Ui, j: usize, line: &mut PowerLine| {
        line_years_ui(ui, ("power-years", member, j), &mut line.years, "end");
    };
    let has_roadmap = plan.roadmap.is_some();
    lines_table(
        ui,
        "power",
        &columns,
        &mut plan.members[member].power,
        cells,
        has_roadmap.then_some(&years as YearsCell<'_, PowerLine>),
        "+ Add power",
        || PowerLine {
            years: Default::default(),
            mw: 1.0,
            source: PowerSource::GridMix,
            site: None,
            imported_share: 0.0,
            usd_per_mwh: None,
        },
    );
}

fn experts_ui(ui: &mut Ui, plan: &mut Plan, member: usize) {
    let columns = [
        ("Role", 200.0),
        ("Full-time equivalents", 120.0),
        ("of which foreign", 150.0),
    ];
    let cells = |row: &mut egui_extras::TableRow<'_, '_>, j: usize, line: &mut ExpertLine| {
        row.col(|ui| {
            egui::ComboBox::from_id_salt(("role", member, j))
                .selected_text(line.role.label())
                .width(190.0)
                .show_ui(ui, |ui| {
                    for r in ExpertRole::ALL {
                        ui.selectable_value(&mut line.role, r, r.label());
                    }
                })
                .response
                .accessible_name("Expert role");
        });
        row.col(|ui| {
            number_ui(
                ui,
                ("fte", member, j),
                &mut line.fte,
                0.0..=100_000.0,
                "FTE",
                0.5,
            );
        });
        row.col(|ui| {
            let max = line.fte;
            number_ui(
                ui,
                ("ffte", member, j),
                &mut line.foreign_fte,
                0.0..=max,
                "FTE",
                0.5,
            )
            .on_hover_text(
                "Foreign nationals or foreign contractors (from outside the consortium)",
            );
        });
    };
    let years = |ui: &mut Ui, j: usize, line: &mut ExpertLine| {
        line_years_ui(ui, ("expert-years", member, j), &mut line.years, "end");
    };
    let has_roadmap = plan.roadmap.is_some();
    lines_table(
        ui,
        "experts",
        &columns,
        &mut plan.members[member].experts,
        cells,
        has_roadmap.then_some(&years as YearsCell<'_, ExpertLine>),
        "+ Add experts",
        || ExpertLine {
            years: Default::default(),
            role: ExpertRole::MlEngineering,
            fte: 1.0,
            foreign_fte: 0.0,
        },
    );
}

fn funding_ui(ui: &mut Ui, plan: &mut Plan, member: usize) {
    let funding = &mut plan.members[member].funding;
    ui.horizontal(|ui| {
        let mut has = funding.is_some();
        ui.checkbox(&mut has, "Contributes funding");
        match (has, funding.is_some()) {
            (true, false) => {
                *funding = Some(Funding {
                    amount: 0.0,
                    currency: "USD".into(),
                })
            }
            (false, true) => *funding = None,
            _ => {}
        }
        if let Some(f) = funding {
            number_ui(
                ui,
                ("fund", member),
                &mut f.amount,
                0.0..=1e13,
                &f.currency.clone(),
                1e5,
            );
            ui.label("currency");
            ui.add(
                egui::TextEdit::singleline(&mut f.currency)
                    .desired_width(48.0)
                    .char_limit(3),
            )
            .accessible_name("Currency");
        }
    });
}

/// The member's staff cost level: what its experts cost against the assumed staff cost.
fn cost_level_ui(ui: &mut Ui, plan: &mut Plan, member: usize) {
    let level = &mut plan.members[member].cost_level;
    ui.horizontal(|ui| {
        ui.label("Staff cost level").on_hover_text(
            "What this member's experts cost against the assumed staff cost (1 = as assumed). \
             Eurostat 2024 hourly labour cost ÷ EU average: Bulgaria 0.32, Denmark 1.50.",
        );
        number_ui(ui, ("cost-level", member), level, 0.01..=10.0, "×", 0.01);
        if ui
            .add_enabled(*level != 1.0, egui::Button::new("Reset").small())
            .on_hover_text("Back to 1 (the assumed staff cost)")
            .clicked()
        {
            *level = 1.0;
        }
    });
}

/// The member's warnings on one line of fixed height, so that the form below never moves when a
/// warning comes or goes ("Kenya contributes nothing yet" disappears with the first line added,
/// and a form that jumped by a line made the next click miss). Every warning is in the tooltip.
fn member_warnings_ui(ui: &mut Ui, cx: &ViewCtx, i: usize) {
    use crate::analysis::Subject;
    let messages: Vec<&str> = cx
        .doc
        .report
        .warnings
        .iter()
        .filter(|w| matches!(w.subject, Subject::Member(m) | Subject::ChipLine(m, _) if m == i))
        .map(|w| w.message.as_str())
        .collect();
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width();
    let (text, color) = if messages.is_empty() {
        (
            "No warnings for this member.".to_string(),
            ui.visuals().weak_text_color(),
        )
    } else {
        (
            messages.join(" · "),
            theme::status_color(ui.visuals(), theme::Status::Warn),
        )
    };
    let response = ui
        .allocate_ui_with_layout(
            egui::vec2(width, height),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_size(egui::vec2(width, height));
                ui.add(egui::Label::new(RichText::new(&text).color(color)).truncate())
            },
        )
        .inner;
    if messages.len() > 1 {
        response.on_hover_text(messages.join("\n"));
    }
}

/// The member's note: the planner's own words (sources, reasoning), saved in the plan file.
fn note_ui(ui: &mut Ui, plan: &mut Plan, member: usize) {
    let Some(m) = plan.members.get_mut(member) else {
        return;
    };
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label("Note");
        ui.add(
            egui::TextEdit::multiline(&mut m.note)
                .desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text("Sources, reasoning, open questions — saved in the plan"),
        )
        .accessible_name("Member note");
    });
}

/// The year the member joins (for a plan with a roadmap): empty, a member from the start.
fn joins_ui(ui: &mut Ui, plan: &mut Plan, member: usize) {
    if plan.roadmap.is_none() {
        return;
    }
    let Some(m) = plan.members.get_mut(member) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label("Joins in");
        if let Some(y) = year_ui(
            ui,
            ("joins", member),
            m.joins,
            false,
            "start",
            "Year it joins",
        ) {
            m.joins = y;
        }
        ui.weak("Empty: a member from the start. Its lines count from the year it joins.");
    });
}

/// The contributions of member `i`.
pub fn contributions_ui(ui: &mut Ui, cx: &mut ViewCtx, i: usize) {
    let catalog = cx.catalog;
    let figures = cx.doc.report.members.get(i).cloned().unwrap_or_default();
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading(format!("{} {}", figures.country, figures.name));
        ui.label(format!(
            "{} accelerators · {} BF16 · {} · needs {}, offers {} · {} ({} foreign) · stake {} (population {}, GDP {})",
            count(figures.accelerators),
            with_unit(figures.bf16_pflops, "PFLOP/s"),
            with_unit(figures.memory_tb, "TB"),
            with_unit(figures.required_mw, "MW"),
            with_unit(figures.power_mw, "MW"),
            with_unit(figures.experts_fte, "FTE"),
            readable(figures.foreign_fte),
            short_percent(figures.stake),
            short_percent(figures.population_share),
            short_percent(figures.gdp_share)
        ));
        member_warnings_ui(ui, cx, i);
        let plan = &mut cx.doc.plan;
        note_ui(ui, plan, i);
        joins_ui(ui, plan, i);
        ui.add_space(8.0);
        ui.label(RichText::new("Accelerators").strong());
        chips_ui(ui, plan, i, catalog);
        ui.add_space(8.0);
        ui.label(RichText::new("Power").strong());
        power_ui(ui, plan, i, catalog);
        ui.add_space(8.0);
        ui.label(RichText::new("Experts").strong());
        experts_ui(ui, plan, i);
        ui.add_space(8.0);
        ui.label(RichText::new("Funding").strong());
        funding_ui(ui, plan, i);
        ui.add_space(8.0);
        cost_level_ui(ui, plan, i);
    });
}
