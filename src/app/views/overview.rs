//! Overview: key figures as tiles, then warnings, licence findings and file problems.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::analysis::explain::{Figure, explain};
use crate::analysis::{Severity, Subject};
use crate::app::command::{Command, View};
use crate::app::document::Document;
use crate::app::theme::{self, Status, TileLook};
use crate::app::widgets::{TileText, badge_ui, tile_content_height, tile_ui};
use crate::catalog::Catalog;
use crate::numbers::{count, readable, short_percent, with_unit};
use crate::words::counted;

fn severity_status(s: Severity) -> Status {
    match s {
        Severity::Blocker => Status::Bad,
        Severity::Caution => Status::Warn,
        Severity::Info => Status::Neutral,
    }
}

/// The key figures as tiles, in the order they are shown (overview and presentation mode).
/// With `show_ranges`, the tiles whose figure has a range show it under the point
/// ("range 16–24 days").
pub(super) fn key_tiles(doc: &Document, catalog: &'static Catalog, show_ranges: bool) -> Vec<Tile> {
    let (plan, report) = (&doc.plan, &doc.report);
    let how = |f: Figure| explain(f, plan, catalog, report).to_text();
    let p = &report.pooled;
    let pw = &report.power;
    let e = &report.experts;
    // Shared by `add` and the range lines that follow some tiles.
    let tiles: std::cell::RefCell<Vec<Tile>> = std::cell::RefCell::new(Vec::new());
    {
        let add = |title: &str, value: &str, sub: &str, status: Status, explanation: &str| {
            tiles.borrow_mut().push(Tile {
                title: title.to_string(),
                value: value.to_string(),
                range: String::new(),
                sub: sub.to_string(),
                status,
                explanation: explanation.to_string(),
            });
        };
        let main = crate::analysis::series::main_training_workload(report);
        let compute_status = match main.and_then(|i| report.workloads[i].target_met) {
            Some(true) => Status::Good,
            Some(false) => Status::Bad,
            None => Status::Neutral,
        };
        add(
            "Pooled compute",
            &with_unit(p.bf16_pflops, "PFLOP/s"),
            &format!("dense BF16 · FP8 {}", with_unit(p.fp8_pflops, "PFLOP/s")),
            compute_status,
            &how(Figure::PooledBf16),
        );
        let fits = report.workloads.iter().all(|w| w.fits);
        add(
            "Accelerator memory",
            &with_unit(p.memory_tb, "TB"),
            if report.workloads.is_empty() {
                "no workloads yet"
            } else if fits {
                "every workload fits"
            } else {
                "a workload does not fit"
            },
            if report.workloads.is_empty() {
                Status::Neutral
            } else if fits {
                Status::Good
            } else {
                Status::Bad
            },
            &how(Figure::PooledMemory),
        );
        add(
            "Accelerators",
            &count(p.accelerators),
            &counted(report.members_now, "member", "members"),
            Status::Neutral,
            &how(Figure::PooledAccelerators),
        );
        // Power is matched site by site: a shortfall at one site is not covered by spare elsewhere.
        let power_status = if pw.shortfall_mw > 0.0 {
            Status::Bad
        } else if pw.headroom_mw < 0.1 * pw.members_required_mw {
            Status::Warn
        } else {
            Status::Good
        };
        add(
            "Power",
            &format!(
                "{} / {} MW",
                readable(pw.members_required_mw),
                readable(pw.contributed_mw)
            ),
            &if pw.shortfall_mw > 0.0 {
                format!(
                    "need / offered · {} short at {} site{}",
                    with_unit(pw.shortfall_mw, "MW"),
                    pw.sites_short,
                    if pw.sites_short == 1 { "" } else { "s" }
                )
            } else {
                format!("need / offered · {} spare", with_unit(pw.headroom_mw, "MW"))
            },
            power_status,
            &format!(
                "{}\n\n{}",
                how(Figure::RequiredPower),
                how(Figure::ContributedPower)
            ),
        );
        if show_ranges && pw.members_required_mw > 0.0 {
            let [lo, hi] = pw.members_required_mw_range;
            set_range(
                &mut tiles.borrow_mut(),
                format!("need range {}", range_text(lo, hi, "MW")),
            );
        }
        let short_roles = e.roles_short();
        let experts_status = if e.total_fte < e.needed_fte {
            Status::Bad
        } else if short_roles > 0 {
            Status::Warn
        } else {
            Status::Good
        };
        add(
            "Experts",
            &format!("{} / {} FTE", readable(e.total_fte), readable(e.needed_fte)),
            &if short_roles > 0 {
                format!(
                    "have / need · {} short",
                    counted(short_roles, "role", "roles")
                )
            } else {
                "have / need · every role covered".to_string()
            },
            experts_status,
            &how(Figure::Experts),
        );
        if show_ranges && e.needed_fte > 0.0 {
            let [lo, hi] = e.needed_fte_range;
            set_range(
                &mut tiles.borrow_mut(),
                format!("need range {}", range_text(lo, hi, "FTE")),
            );
        }
        for (i, w) in report.workloads.iter().enumerate() {
            if let Some(s) = &w.serving {
                add(
                    &w.name,
                    &with_unit(s.capacity_tokens_per_s, "tok/s"),
                    &format!(
                        "capacity · demand {} · needs {} accel.",
                        with_unit(s.demand_tokens_per_s, "tok/s"),
                        s.accelerators_needed.map_or("—".to_string(), count)
                    ),
                    if s.meets_demand {
                        Status::Good
                    } else {
                        Status::Bad
                    },
                    &how(Figure::WorkloadServing(i)),
                );
            } else if let Some(days) = w.days {
                let status = match w.target_met {
                    Some(true) if w.fits => Status::Good,
                    Some(false) => Status::Bad,
                    _ if !w.fits => Status::Bad,
                    _ => Status::Neutral,
                };
                let sub = match w.target_days {
                    Some(t) => format!(
                        "target {} · {}",
                        with_unit(t, "days"),
                        with_unit(w.gpu_hours.unwrap_or(0.0), "acc-h")
                    ),
                    None => with_unit(w.gpu_hours.unwrap_or(0.0), "accelerator-hours"),
                };
                let value = if days < 1.0 {
                    with_unit(days * 24.0, "hours")
                } else {
                    with_unit(days, "days")
                };
                add(
                    &w.name,
                    &value,
                    &sub,
                    status,
                    &format!(
                        "{}\n\n{}",
                        how(Figure::WorkloadFlops(i)),
                        how(Figure::WorkloadDays(i))
                    ),
                );
                if show_ranges && let Some([lo, hi]) = w.days_range {
                    let text = if hi < 1.0 {
                        range_text(lo * 24.0, hi * 24.0, "hours")
                    } else {
                        range_text(lo, hi, "days")
                    };
                    set_range(&mut tiles.borrow_mut(), format!("range {text}"));
                }
            }
        }
        let overall = report.dependency.overall;
        let dep_status = if overall < 0.34 {
            Status::Good
        } else if overall < 0.67 {
            Status::Warn
        } else {
            Status::Bad
        };
        add(
            "Foreign dependency",
            &short_percent(overall),
            "overall index (weighted layers)",
            dep_status,
            &how(Figure::DependencyOverall),
        );
        let l = &report.languages;
        let (value, sub, status) = match l.coverage {
            _ if !l.model_languages_listed => (
                "unknown".to_string(),
                "the model lists no languages".to_string(),
                Status::Warn,
            ),
            Some(c) => (
                short_percent(c),
                format!(
                    "shares known for {} · {} uncovered",
                    short_percent(l.population_known_share),
                    l.uncovered.len()
                ),
                if c >= 0.9 {
                    Status::Good
                } else if c >= 0.6 {
                    Status::Warn
                } else {
                    Status::Bad
                },
            ),
            None => (
                "unknown".to_string(),
                "no public language shares".to_string(),
                Status::Neutral,
            ),
        };
        add(
            "Language coverage",
            &value,
            &sub,
            status,
            "Share of the members' people who speak a language the base model officially supports: \
             their first language where a census gives first-language shares for most of a \
             member's people, else any language they speak (census or Unicode CLDR speaker \
             shares), population-weighted over members whose shares are public; languages only in \
             the pretraining data do not count. See the Languages view for the gap and what \
             adapting to it would take.",
        );
        add(
            "Energy per year",
            &with_unit(pw.energy_mwh_per_year, "MWh"),
            &format!("{} at full load", with_unit(pw.cost_usd_per_year, "USD")),
            Status::Neutral,
            &how(Figure::EnergyPerYear),
        );
        if show_ranges && pw.energy_mwh_per_year > 0.0 {
            let [lo, hi] = pw.energy_mwh_per_year_range;
            set_range(
                &mut tiles.borrow_mut(),
                format!("range {}", range_text(lo, hi, "MWh")),
            );
        }
    }
    tiles.into_inner()
}

/// "16.5–24.25 days": a range by the figures' one rule ([`readable`]).
pub(super) fn range_text(lo: f64, hi: f64, unit: &str) -> String {
    format!("{}–{} {unit}", readable(lo), readable(hi))
}

/// Gives the last tile added its range line.
fn set_range(tiles: &mut [Tile], range: String) {
    if let Some(t) = tiles.last_mut() {
        t.range = range;
    }
}

/// Lays tiles out in rows that fit the width available, each tile `look` wide.
pub(super) fn tile_rows_ui(ui: &mut Ui, tiles: &[Tile], look: TileLook) {
    let spacing = 8.0;
    let per_row = (((ui.available_width() + spacing) / (look.width + 16.0 + spacing)).floor()
        as usize)
        .max(1);
    for row in tiles.chunks(per_row) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(spacing, spacing);
            // The row's tiles share the tallest's height (a title or sub-line that wraps).
            let height = row
                .iter()
                .map(|t| tile_content_height(ui, look, t.text()))
                .fold(look.height, f32::max);
            let look = TileLook { height, ..look };
            for t in row {
                tile_ui(ui, look, t.text(), t.status);
            }
        });
        ui.add_space(spacing);
    }
}

impl Tile {
    fn text(&self) -> TileText<'_> {
        TileText {
            title: &self.title,
            value: &self.value,
            range: &self.range,
            sub: &self.sub,
            explanation: &self.explanation,
        }
    }
}

/// A tile's content, gathered first so tiles can be laid out in rows that fit the window.
pub(super) struct Tile {
    /// What the figure is.
    pub title: String,
    /// The figure with its unit.
    pub value: String,
    /// Its low–high range ("range 16–24 days"), or empty.
    pub range: String,
    /// The line under it (requirement, detail).
    pub sub: String,
    /// Against its requirement.
    pub status: Status,
    /// How it was computed (tooltip).
    pub explanation: String,
}

fn warnings_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let report = &cx.doc.report;
    ui.heading(format!("Warnings ({})", report.warnings.len()));
    if report.warnings.is_empty() {
        ui.label("No warnings: the plan holds together.");
    }
    let mut go_to = None;
    for w in &report.warnings {
        ui.horizontal_wrapped(|ui| {
            badge_ui(
                ui,
                w.severity.label(),
                theme::status_color(ui.visuals(), severity_status(w.severity)),
            );
            ui.label(&w.message);
            let target = match w.subject {
                Subject::Member(i) | Subject::ChipLine(i, _) => Some((View::Members, Some(i))),
                Subject::Workload(_) | Subject::Power => Some((View::Workloads, None)),
                Subject::Model => Some((View::Model, None)),
                Subject::Experts => Some((View::Members, None)),
                Subject::Plan => None,
            };
            if let Some(t) = target
                && ui.small_button("Show").clicked()
            {
                go_to = Some(t);
            }
        });
    }
    if let Some((view, member)) = go_to {
        if member.is_some() {
            cx.state.selected_member = member;
        }
        cx.commands.push(Command::Show(view));
    }
}

fn findings_ui(ui: &mut Ui, cx: &ViewCtx) {
    let report = &cx.doc.report;
    ui.heading("Licence and export-control findings");
    // The analysis lists every blocker finding among the warnings too (with a way to the
    // member concerned), so here they are only counted, not shown twice.
    let blockers = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocker)
        .count();
    if report.findings.is_empty() {
        ui.label("None.");
    } else if blockers > 0 {
        ui.label(format!(
            "{} listed under Warnings above.",
            counted(blockers, "blocker", "blockers")
        ));
    }
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Blocker)
    {
        ui.horizontal_wrapped(|ui| {
            badge_ui(
                ui,
                f.severity.label(),
                theme::status_color(ui.visuals(), severity_status(f.severity)),
            );
            ui.label(RichText::new(f.title).strong());
            ui.label(&f.detail);
        });
    }
}

/// The plan's name as the view's heading and its description under it, both edited in place.
fn name_and_description_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let plan = &mut cx.doc.plan;
    ui.add(
        egui::TextEdit::singleline(&mut plan.name)
            .font(egui::TextStyle::Heading)
            .hint_text("Name this plan")
            .desired_width(f32::INFINITY),
    )
    .on_hover_text("The plan's name: click to edit")
    .accessible_name("Plan name");
    ui.add(
        egui::TextEdit::multiline(&mut plan.description)
            .hint_text("Describe the plan: who, what for, by when")
            .desired_rows(1)
            .desired_width(f32::INFINITY),
    )
    .on_hover_text("The plan's description: click to edit")
    .accessible_name("Plan description");
}

/// On the first start, a line saying that the open plan is the built-in example and how to start
/// one's own; it goes once dismissed or when another plan is opened, and never comes back.
fn example_hint_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    if !cx.state.example_hint {
        return;
    }
    egui::Frame::group(ui.style())
        .fill(theme::status_fill(ui.visuals(), Status::Neutral))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    "This is an example plan (Latam-GPT), here to explore. \
                     To plan your own consortium, choose New plan in the File menu.",
                );
                if ui.button("New plan").clicked() {
                    cx.commands.push(Command::NewPlan);
                }
                if ui.button("Dismiss").clicked() {
                    cx.state.example_hint = false;
                }
            });
        });
    ui.add_space(4.0);
}

/// The overview view.
pub fn overview_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            example_hint_ui(ui, cx);
            name_and_description_ui(ui, cx);
            ui.add_space(6.0);
            let mut tiles = key_tiles(cx.doc, cx.catalog, cx.state.show_ranges);
            tiles.push(super::budget::per_year_tile(cx.doc, cx.state.show_ranges));
            tiles.push(super::budget::funded_tile(cx.doc));
            tile_rows_ui(ui, &tiles, TileLook::NORMAL);
            ui.label(RichText::new("Hover a tile to see its formula and inputs.").weak());
            ui.add_space(4.0);
            super::resilience::worst_line_ui(ui, cx);
            ui.add_space(10.0);
            warnings_ui(ui, cx);
            ui.add_space(10.0);
            findings_ui(ui, cx);
            if !cx.doc.problems.is_empty() {
                ui.add_space(10.0);
                ui.heading("Problems in the opened file");
                let file = cx.doc.display_name();
                for p in &cx.doc.problems {
                    ui.label(p.in_file(&file));
                }
            }
        });
}
