//! "Define a shock": a name, the year it starts, and rules picked from the pieces of the
//! switch-off test; saved in the plan's shocks as one undo step.

use egui::{ComboBox, RichText, Ui};

use super::ViewCtx;
use crate::analysis::stress::rule_countries;
use crate::plan::{Shock, ShockRule};

/// The kinds of rule a planner can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RuleKind {
    /// A country's clouds withdraw.
    #[default]
    Cloud,
    /// Export licences denied by a designer country.
    Export,
    /// Fabrication in a country disrupted.
    Fab,
    /// Memory supply from a country disrupted.
    Memory,
    /// A country's model developers stop.
    Model,
    /// Foreign experts leave.
    Experts,
    /// Imported electricity stops.
    ImportedPower,
}

impl RuleKind {
    /// Every kind, in menu order.
    pub const ALL: [RuleKind; 7] = [
        RuleKind::Cloud,
        RuleKind::Export,
        RuleKind::Fab,
        RuleKind::Memory,
        RuleKind::Model,
        RuleKind::Experts,
        RuleKind::ImportedPower,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            RuleKind::Cloud => "Cloud withdraws",
            RuleKind::Export => "Export licences denied",
            RuleKind::Fab => "Fabrication disrupted",
            RuleKind::Memory => "Memory supply disrupted",
            RuleKind::Model => "Model developer stops",
            RuleKind::Experts => "Foreign experts leave",
            RuleKind::ImportedPower => "Imported electricity stops",
        }
    }

    /// The rule key's prefix (see `ShockRule::key`), which names the countries to offer.
    fn key(self) -> &'static str {
        match self {
            RuleKind::Cloud => "cloud",
            RuleKind::Export => "export",
            RuleKind::Fab => "fab",
            RuleKind::Memory => "memory",
            RuleKind::Model => "model",
            RuleKind::Experts => "experts",
            RuleKind::ImportedPower => "imported_power",
        }
    }

    /// What the country picker is called for this kind (`None`: no country).
    fn country_label(self) -> Option<&'static str> {
        match self {
            RuleKind::Cloud => Some("Clouds under"),
            RuleKind::Export => Some("Designed in"),
            RuleKind::Fab => Some("Fabricated in"),
            RuleKind::Memory => Some("Memory from"),
            RuleKind::Model => Some("Developers in"),
            RuleKind::Experts | RuleKind::ImportedPower => None,
        }
    }
}

/// The shock being defined and the rule being picked.
#[derive(Debug, Clone, Default)]
pub struct ShockDraft {
    /// The shock's name.
    pub name: String,
    /// The year it starts (`None`: the roadmap's first year).
    pub from_year: Option<u16>,
    /// Its rules so far.
    pub rules: Vec<ShockRule>,
    /// The kind of rule being picked.
    pub kind: RuleKind,
    /// The country picked for it (a code; empty: the first offered).
    pub country: String,
    /// For an export denial: the members it applies to (empty: all).
    pub members: Vec<String>,
}

impl ShockDraft {
    /// The rule picked, with `country` for the kinds that name one.
    fn rule(&self, country: &str) -> ShockRule {
        let country = country.to_string();
        match self.kind {
            RuleKind::Cloud => ShockRule::CloudWithdraws { country },
            RuleKind::Export => ShockRule::ExportDenied {
                designer_country: country,
                members: self.members.clone(),
            },
            RuleKind::Fab => ShockRule::FabricationDisrupted { country },
            RuleKind::Memory => ShockRule::MemoryDisrupted { country },
            RuleKind::Model => ShockRule::ModelDeveloperStops { country },
            RuleKind::Experts => ShockRule::ForeignExpertsLeave,
            RuleKind::ImportedPower => ShockRule::ImportedPowerStops,
        }
    }
}

/// Why the draft cannot be saved yet (`None`: it can).
fn blocker(draft: &ShockDraft, shocks: &[Shock]) -> Option<&'static str> {
    if draft.name.trim().is_empty() {
        Some("Name the shock.")
    } else if shocks.iter().any(|s| s.name == draft.name.trim()) {
        Some("The plan already has a shock of this name.")
    } else if draft.rules.is_empty() {
        Some("Add at least one rule.")
    } else {
        None
    }
}

fn rule_picker_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    let draft = &mut cx.state.resilience.draft;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Rule");
        let before = draft.kind;
        ComboBox::from_id_salt("shock-rule-kind")
            .selected_text(draft.kind.label())
            .show_ui(ui, |ui| {
                for k in RuleKind::ALL {
                    ui.selectable_value(&mut draft.kind, k, k.label());
                }
            })
            .response
            .labelled_by(label.id);
        if draft.kind != before {
            draft.country.clear();
            draft.members.clear();
        }
        let countries = rule_countries(draft.kind.key(), &cx.doc.plan, cx.catalog);
        if let Some(what) = draft.kind.country_label() {
            if !countries.contains(&draft.country) {
                draft.country = countries.first().cloned().unwrap_or_default();
            }
            let label = ui.label(what);
            ComboBox::from_id_salt("shock-rule-country")
                .selected_text(cx.catalog.country_name(&draft.country))
                .height(360.0)
                .show_ui(ui, |ui| {
                    for c in &countries {
                        let text = format!("{c}  {}", cx.catalog.country_name(c));
                        ui.selectable_value(&mut draft.country, c.clone(), text);
                    }
                })
                .response
                .labelled_by(label.id);
        }
        if ui.button("Add rule").clicked() {
            let rule = draft.rule(&draft.country.clone());
            if !draft.rules.contains(&rule) {
                draft.rules.push(rule);
            }
        }
    });
    if draft.kind == RuleKind::Export && !cx.doc.plan.members.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Denied to (none ticked: every member):");
            for m in &cx.doc.plan.members {
                let mut on = draft.members.contains(&m.country);
                if ui.checkbox(&mut on, &m.country).changed() {
                    if on {
                        draft.members.push(m.country.clone());
                    } else {
                        draft.members.retain(|c| c != &m.country);
                    }
                }
            }
        });
    }
}

/// The "Define a shock" editor.
pub fn shock_editor_ui(ui: &mut Ui, cx: &mut ViewCtx) {
    egui::CollapsingHeader::new(RichText::new("Define a shock").heading())
        .id_salt("define-a-shock")
        .default_open(true)
        .show(ui, |ui| {
            let years: Vec<u16> = cx
                .doc
                .plan
                .roadmap
                .as_ref()
                .map(|_| cx.doc.plan.years().collect())
                .unwrap_or_default();
            let draft = &mut cx.state.resilience.draft;
            ui.horizontal(|ui| {
                let label = ui.label("Name");
                ui.add(
                    egui::TextEdit::singleline(&mut draft.name)
                        .hint_text("e.g. US cuts us off in 2028")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
                if !years.is_empty() {
                    let label = ui.label("From");
                    let text = draft
                        .from_year
                        .map_or_else(|| "the first year".to_string(), |y| y.to_string());
                    ComboBox::from_id_salt("shock-from-year")
                        .selected_text(text)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut draft.from_year, None, "the first year");
                            for y in &years {
                                ui.selectable_value(&mut draft.from_year, Some(*y), y.to_string());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
            });
            rule_picker_ui(ui, cx);
            let draft = &mut cx.state.resilience.draft;
            if draft.rules.is_empty() {
                ui.label(RichText::new("No rules yet: pick one and add it.").weak());
            }
            let mut remove = None;
            for (i, r) in draft.rules.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    if ui.small_button("Remove").clicked() {
                        remove = Some(i);
                    }
                    ui.label(r.describe(cx.catalog));
                });
            }
            if let Some(i) = remove {
                draft.rules.remove(i);
            }
            let mut saved = None;
            ui.horizontal(|ui| {
                let why = blocker(draft, &cx.doc.plan.shocks);
                let save = ui
                    .add_enabled(why.is_none(), egui::Button::new("Save shock in the plan"))
                    .on_disabled_hover_text(why.unwrap_or_default());
                if let Some(why) = why {
                    ui.label(RichText::new(why).weak());
                }
                if save.clicked() {
                    saved = Some(Shock {
                        name: draft.name.trim().to_string(),
                        rules: draft.rules.clone(),
                        from_year: draft.from_year,
                    });
                }
            });
            if let Some(shock) = saved {
                cx.state.resilience.selected = Some(format!("custom:{}", shock.name));
                cx.state.resilience.draft = ShockDraft::default();
                cx.doc.checkpoint();
                cx.doc.plan.shocks.push(shock);
            }
        });
}
