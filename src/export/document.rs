//! The proposal's content, independent of the output format: headings, paragraphs, tables, lists
//! and chart places, all plain text (each renderer escapes). Every figure is read from the
//! [`Report`].

use crate::analysis::explain::si;
use crate::analysis::{Layer, Report, Severity, series};
use crate::catalog::{Catalog, Openness};
use crate::numbers::{grouped, percent, readable, usd, usd_range};
use crate::plan::{ExpertRole, Plan};

use super::assumption_values::{assumption_rows, cost_assumption_rows};
use super::budget_section::budget;
use super::contributions;
use super::resilience_section::resilience;
use crate::analysis::stress::StressFigures;

/// A chart the HTML report draws in place (Markdown leaves it out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// Compute, power and experts by member against the need.
    Capacity,
    /// Foreign share per layer by supplier.
    Dependency,
    /// Stakes beside population and GDP shares.
    Stakes,
    /// Cumulative cost of renting and of owning, year by year, with the crossing point.
    RentOrOwn,
}

/// A piece of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading (level 2 or 3); `new_page` starts it on a new printed page.
    Heading {
        /// 2 for sections, 3 for sub-sections.
        level: u8,
        /// Its text.
        text: String,
        /// Whether printing starts a new page here.
        new_page: bool,
    },
    /// A paragraph.
    Paragraph(String),
    /// A table; `numeric[i]` right-aligns column i.
    Table {
        /// Column headings.
        columns: Vec<String>,
        /// Which columns hold numbers.
        numeric: Vec<bool>,
        /// The rows, one cell per column.
        rows: Vec<Vec<String>>,
    },
    /// A bulleted list.
    List(Vec<String>),
    /// A chart.
    Chart(Chart),
}

/// The whole proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The plan's name.
    pub title: String,
    /// Its content in order.
    pub blocks: Vec<Block>,
}

/// The roadmap year by year (nothing without a roadmap).
fn roadmap(b: &mut Builder, plan: &Plan, catalog: &'static Catalog) {
    let years = crate::analysis::years::years(plan, catalog);
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return;
    };
    b.heading(2, &format!("Roadmap {}–{}", first.year, last.year), true);
    b.para(format!(
        "The figures above are those of {} (the roadmap's first year). Each year below is the plan as it stands that year: the lines that count then, the members that have joined, the base model of that year. Spending = the owned chips that arrive that year (with their systems and build-out) + that year's running costs; over the roadmap: {}.",
        first.year,
        crate::numbers::usd(crate::analysis::years::total_spending_usd(&years))
    ));
    if let Some(r) = &plan.roadmap {
        let mut items: Vec<String> = r
            .phases
            .iter()
            .map(|p| {
                let span = crate::plan::Years {
                    first: Some(p.first_year),
                    last: Some(p.last_year),
                };
                format!("{}: {}", p.name, span.label())
            })
            .collect();
        items.extend(r.model_changes.iter().map(|c| {
            let name = plan
                .model(catalog, &c.base_model)
                .map_or(c.base_model.clone(), |m| m.name.clone());
            format!("From {}: base model {name}", c.year)
        }));
        if !items.is_empty() {
            b.0.push(Block::List(items));
        }
    }
    let rows = years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                y.phases.join("; "),
                y.members.to_string(),
                grouped(y.accelerators as f64, 0),
                readable(y.bf16_pflops),
                readable(y.needed_pflops),
                mw(y.required_mw),
                readable(y.experts_fte),
                crate::numbers::usd(y.spending_usd),
                percent(y.dependency_overall),
                format!(
                    "{} of {}",
                    y.workloads_meeting_target, y.workloads_with_target
                ),
                if y.replacements_due > 0 {
                    grouped(y.replacements_due as f64, 0)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    b.table(
        &[
            ("Year", false),
            ("Phases", false),
            ("Members", true),
            ("Accelerators", true),
            ("Dense BF16 (PFLOP/s)", true),
            ("Needed (PFLOP/s)", true),
            ("Power required", true),
            ("Experts (FTE)", true),
            ("Spending", true),
            ("Foreign dependency", true),
            ("Workloads on target", true),
            ("Replacements due", true),
        ],
        rows,
    );
}

/// The blocks of a document being written, with shorthands for the common ones.
pub(super) struct Builder(pub(super) Vec<Block>);

impl Builder {
    pub(super) fn heading(&mut self, level: u8, text: &str, new_page: bool) {
        self.0.push(Block::Heading {
            level,
            text: text.to_string(),
            new_page,
        });
    }

    pub(super) fn para(&mut self, text: impl Into<String>) {
        self.0.push(Block::Paragraph(text.into()));
    }

    pub(super) fn table(&mut self, columns: &[(&str, bool)], rows: Vec<Vec<String>>) {
        self.0.push(Block::Table {
            columns: columns.iter().map(|c| c.0.to_string()).collect(),
            numeric: columns.iter().map(|c| c.1).collect(),
            rows,
        });
    }
}

fn mw(v: f64) -> String {
    format!("{} MW", readable(v))
}

fn days(d: f64) -> String {
    if d < 1.0 {
        format!("{} hours", readable(d * 24.0))
    } else {
        format!("{} days", readable(d))
    }
}

/// A point with its low–high range: "42.7 days (range 32.8 days–61 days)".
fn with_range(point: String, range: Option<[f64; 2]>, f: impl Fn(f64) -> String) -> String {
    match range {
        Some([lo, hi]) => format!("{point} (range {}–{})", f(lo), f(hi)),
        None => point,
    }
}

fn openness(o: Openness) -> &'static str {
    match o {
        Openness::Yes => "yes",
        Openness::Partial => "partly",
        Openness::No => "no",
        Openness::Unverified => "unverified",
    }
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unverified",
    }
}

fn summary(b: &mut Builder, plan: &Plan, report: &Report) {
    let p = &report.pooled;
    let pw = &report.power;
    let e = &report.experts;
    let mut rows = vec![
        vec!["Members".into(), plan.members.len().to_string()],
        vec![
            "Base model".into(),
            report
                .model
                .as_ref()
                .map_or(format!("unknown id {}", plan.base_model), |m| {
                    m.name.clone()
                }),
        ],
        vec!["Accelerators".into(), readable(p.accelerators as f64)],
        vec![
            "Dense BF16 peak".into(),
            format!("{} PFLOP/s", readable(p.bf16_pflops)),
        ],
        vec![
            "Dense FP8 peak".into(),
            format!("{} PFLOP/s", readable(p.fp8_pflops)),
        ],
        vec![
            "Accelerator memory".into(),
            format!("{} TB", readable(p.memory_tb)),
        ],
        vec![
            "Power required".into(),
            format!(
                "{} (of which {} rented, powered by the provider)",
                with_range(mw(pw.required_mw), Some(pw.required_mw_range), mw),
                mw(pw.rented_mw)
            ),
        ],
        vec!["Power contributed".into(), mw(pw.contributed_mw)],
        vec![
            if pw.headroom_mw < 0.0 {
                "Power shortfall"
            } else {
                "Power headroom"
            }
            .into(),
            mw(pw.headroom_mw.abs()),
        ],
        vec![
            "Energy per year (full load)".into(),
            format!(
                "{} MWh, {} USD",
                readable(pw.energy_mwh_per_year),
                readable(pw.cost_usd_per_year)
            ),
        ],
        vec![
            "Experts".into(),
            format!(
                "{} FTE ({} foreign) of {} needed; roles short: {}",
                readable(e.total_fte),
                readable(e.foreign_fte),
                readable(e.needed_fte),
                e.roles_short()
            ),
        ],
        vec![
            "Overall foreign dependency".into(),
            percent(report.dependency.overall),
        ],
        vec![
            "Budget per year".into(),
            usd_range(report.budget.per_year_usd, report.budget.per_year_usd_range),
        ],
        vec![
            "Funded share (cash and in kind)".into(),
            format!(
                "{}, gap {}",
                percent(report.budget.funded_share),
                usd(report.budget.gap_usd)
            ),
        ],
    ];
    if let Some(w) = series::main_training_workload(report).and_then(|i| report.workloads.get(i)) {
        let target = match (w.target_days, w.target_met) {
            (Some(t), Some(true)) => format!(" (target {}: met)", days(t)),
            (Some(t), Some(false)) => format!(" (target {}: missed)", days(t)),
            _ => String::new(),
        };
        rows.push(vec![
            format!("Main workload: {}", w.name),
            format!(
                "{}{target}",
                w.days
                    .map_or("—".into(), |d| with_range(days(d), w.days_range, days))
            ),
        ]);
    }
    let count = |s, one: &str, many: &str| {
        let n = report.findings.iter().filter(|f| f.severity == s).count();
        format!("{n} {}", if n == 1 { one } else { many })
    };
    rows.push(vec![
        "Licence and export-control findings".into(),
        format!(
            "{}, {}, {}",
            count(Severity::Blocker, "blocker", "blockers"),
            count(Severity::Caution, "caution", "cautions"),
            count(Severity::Info, "for information", "for information")
        ),
    ]);
    b.heading(2, "Summary", false);
    b.table(&[("Figure", false), ("Value", false)], rows);
}

fn members(b: &mut Builder, plan: &Plan, catalog: &Catalog, report: &Report) {
    b.heading(2, "Members and contributions", true);
    let rows = report
        .members
        .iter()
        .map(|m| {
            vec![
                format!("{} {}", m.country, m.name),
                readable(m.accelerators as f64),
                readable(m.bf16_pflops),
                readable(m.power_mw),
                readable(m.experts_fte),
                readable(m.value_usd()),
                percent(m.stake),
                percent(m.population_share),
                percent(m.gdp_share),
            ]
        })
        .collect();
    b.table(
        &[
            ("Member", false),
            ("Accelerators", true),
            ("BF16 PFLOP/s", true),
            ("Power MW", true),
            ("Experts FTE", true),
            ("Value USD", true),
            ("Stake", true),
            ("Population share", true),
            ("GDP share", true),
        ],
        rows,
    );
    b.0.push(Block::Chart(Chart::Capacity));
    b.0.push(Block::Chart(Chart::Stakes));
    b.heading(3, "Contribution lines", false);
    let lines = contributions::rows(plan, catalog)
        .into_iter()
        .map(|r| {
            let mut details = Vec::new();
            if !r.tenure.is_empty() {
                details.push(if r.provider.is_empty() {
                    r.tenure.clone()
                } else {
                    format!("rented from {} ({})", r.provider, r.provider_country)
                });
            }
            if !r.location.is_empty() {
                details.push(format!("in {}", catalog.country_name(&r.location)));
            }
            if let Some(s) = r.imported_share.filter(|s| *s > 0.0) {
                details.push(format!("{} imported", percent(s)));
            }
            if let Some(f) = r.foreign_fte.filter(|f| *f > 0.0) {
                details.push(format!("{} foreign FTE", readable(f)));
            }
            vec![
                format!("{} {}", r.country, r.member),
                r.kind.to_string(),
                r.item_name,
                readable(r.quantity),
                r.unit,
                details.join(", "),
            ]
        })
        .collect();
    b.table(
        &[
            ("Member", false),
            ("Kind", false),
            ("Item", false),
            ("Quantity", true),
            ("Unit", false),
            ("Details", false),
        ],
        lines,
    );
}

fn model(b: &mut Builder, plan: &Plan, catalog: &Catalog, report: &Report) {
    b.heading(2, "Base model and licence", true);
    match plan.base(catalog) {
        Some(m) => {
            b.para(format!(
                "{} ({}) by {} ({}): {} B parameters, {} B active per token.",
                m.name,
                m.id,
                m.developer,
                catalog.country_name(&m.developer_country),
                readable(m.total_params_b),
                readable(m.active_params_b)
            ));
            let l = &m.licence;
            let mut facts = vec![
                format!(
                    "Licence: {}",
                    if l.name.is_empty() {
                        "not recorded"
                    } else {
                        &l.name
                    }
                ),
                format!("OSI-approved open source: {}", yes_no(l.osi_approved)),
                format!("Use restrictions: {}", yes_no(l.use_restrictions)),
                format!(
                    "Commercial use: {}",
                    if l.non_commercial {
                        "excluded"
                    } else {
                        "allowed"
                    }
                ),
                format!(
                    "Open training data: {}; open training code: {}",
                    openness(l.open_data),
                    openness(l.open_code)
                ),
            ];
            if let Some(t) = l.mau_threshold_millions {
                facts.push(if l.mau_tested_at_release {
                    format!(
                        "Separate licence needed if the licensee and its affiliates had more \
                         than {} million monthly active users on the version's release date",
                        readable(t)
                    )
                } else {
                    format!(
                        "Separate licence needed above {} million monthly active users",
                        readable(t)
                    )
                });
            }
            if l.remote_restriction {
                facts.push("The licensor reserves the right to restrict use remotely".to_string());
            }
            if let Some(a) = &l.attribution_duty {
                facts.push(format!("Attribution duty: {a}"));
            }
            if !l.source.is_empty() {
                facts.push(format!("Source: {}", l.source));
            }
            b.0.push(Block::List(facts));
        }
        None => b.para(format!(
            "The base model id “{}” is not in the catalog or the plan.",
            plan.base_model
        )),
    }
    b.heading(3, "Licence and export-control findings", false);
    if report.findings.is_empty() {
        b.para("None for this consortium.");
    } else {
        b.0.push(Block::List(
            report
                .findings
                .iter()
                .map(|f| {
                    let who = if f.members.is_empty() {
                        String::new()
                    } else {
                        format!(" (members: {})", f.members.join(", "))
                    };
                    format!("[{}] {}: {}{who}", f.severity.label(), f.title, f.detail)
                })
                .collect(),
        ));
    }
}

fn dependency(b: &mut Builder, plan: &Plan, catalog: &Catalog, report: &Report) {
    b.heading(2, "Foreign dependency", true);
    b.para("The share of each layer of the stack supplied from outside the consortium, with the largest foreign suppliers; the overall index is the weighted mean of the layers the plan has something in.");
    let weights = serde_json::to_value(&plan.assumptions.dependency_weights).unwrap_or_default();
    let mut rows: Vec<Vec<String>> = Layer::ALL
        .iter()
        .map(|layer| {
            let l = report.dependency.layer(*layer);
            let top = l
                .suppliers
                .iter()
                .filter(|s| !s.member)
                .take(3)
                .map(|s| format!("{} {}", catalog.country_name(&s.country), percent(s.share)))
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                layer.label().to_string(),
                if l.empty {
                    "— (nothing in this layer)".into()
                } else {
                    percent(l.foreign_share)
                },
                top,
                weights
                    .get(layer.key())
                    .and_then(|w| w.as_f64())
                    .map_or("—".into(), readable),
            ]
        })
        .collect();
    rows.push(vec![
        "Overall index".into(),
        percent(report.dependency.overall),
        String::new(),
        String::new(),
    ]);
    b.table(
        &[
            ("Layer", false),
            ("Foreign share", true),
            ("Largest foreign suppliers", false),
            ("Weight", true),
        ],
        rows,
    );
    b.0.push(Block::Chart(Chart::Dependency));
}

fn languages(b: &mut Builder, plan: &Plan, report: &Report) {
    let l = &report.languages;
    b.heading(2, "Languages", true);
    if !l.model_languages_listed {
        b.para("The base model's developer does not list the languages it supports, so its coverage of the members' languages is unknown.");
        return;
    }
    b.para(format!(
        "The base model reaches {} of the consortium's people in a language they speak (over the {:.0} % of the population whose language shares are public: first-language figures for {:.0} %, speaker shares that include second-language speakers for {:.0} %); {} of {} members can use it in an official language. Languages only in the pretraining data are not counted as covered.",
        l.coverage
            .map_or("an unknown share".to_string(), |c| format!("{:.0} %", c * 100.0)),
        l.population_known_share * 100.0,
        (l.population_known_share - l.population_speakers_share).max(0.0) * 100.0,
        l.population_speakers_share * 100.0,
        l.members_with_official_language,
        plan.members.len()
    ));
    if l.uncovered.is_empty() {
        return;
    }
    let rows = l
        .uncovered
        .iter()
        .map(|u| {
            vec![
                format!("{} ({})", u.name(), u.code()),
                if u.speakers > 0.0 {
                    format!("{:.2} M", u.speakers / 1e6)
                } else {
                    "unknown".to_string()
                },
                l.members_of(u).collect::<Vec<_>>().join(", "),
                if u.weak { "pretraining only" } else { "absent" }.to_string(),
                if u.proposed_tokens > 0.0 {
                    format!(
                        "{:.1}B tokens, {} FTE",
                        u.proposed_tokens / 1e9,
                        u.experts_fte
                    )
                } else {
                    "—".to_string()
                },
            ]
        })
        .collect();
    b.heading(
        3,
        "Uncovered languages and what adapting to them would take",
        false,
    );
    b.table(
        &[
            ("Language", false),
            ("Speakers", true),
            ("Members", false),
            ("In the model", false),
            ("Adaptation", false),
        ],
        rows,
    );
}

fn workloads(b: &mut Builder, plan: &Plan, report: &Report) {
    b.heading(2, "Workloads", true);
    if report.workloads.is_empty() {
        b.para("The plan has no workloads.");
        return;
    }
    let mut training = Vec::new();
    let mut serving = Vec::new();
    for (w, f) in plan.workloads.iter().zip(&report.workloads) {
        if let Some(s) = &f.serving {
            serving.push(vec![
                f.name.clone(),
                s.precision.label().into(),
                format!("{} tokens/s", si(s.demand_tokens_per_s)),
                format!("{} tokens/s", si(s.capacity_tokens_per_s)),
                s.accelerators_needed
                    .map_or("—".into(), |n| readable(n as f64)),
                readable(s.accelerators_serving as f64),
                readable(s.tokens_per_s_per_user),
                if s.meets_demand { "yes" } else { "NO" }.into(),
            ]);
        } else {
            let target = match (f.target_days, f.target_met) {
                (Some(t), Some(true)) => format!("{}: met", days(t)),
                (Some(t), Some(false)) => format!("{}: MISSED", days(t)),
                (Some(t), None) => days(t),
                _ => "—".into(),
            };
            training.push(vec![
                f.name.clone(),
                w.kind.label().into(),
                w.kind
                    .training_tokens()
                    .map_or("—".into(), |t| format!("{} tokens", si(t))),
                f.train_flops.map_or("—".into(), |c| format!("{c:.2e}")),
                f.days
                    .map_or("—".into(), |d| with_range(days(d), f.days_range, days)),
                target,
                f.gpu_hours
                    .map_or("—".into(), |h| with_range(si(h), f.gpu_hours_range, si)),
                format!(
                    "{} of {}",
                    readable(f.memory_needed_gb),
                    readable(f.memory_available_gb)
                ),
                if f.fits { "yes" } else { "NO" }.into(),
            ]);
        }
    }
    if !training.is_empty() {
        b.heading(3, "Training", false);
        b.table(
            &[
                ("Workload", false),
                ("Kind", false),
                ("Size", true),
                ("Compute FLOP", true),
                ("Time on the pool", true),
                ("Target", false),
                ("Accelerator-hours", true),
                ("Memory GB needed of pool", true),
                ("Fits", false),
            ],
            training,
        );
    }
    if !serving.is_empty() {
        b.heading(3, "Serving", false);
        b.table(
            &[
                ("Workload", false),
                ("Precision", false),
                ("Peak demand", true),
                ("Capacity", true),
                ("Accelerators needed", true),
                ("Accelerators with room", true),
                ("Tokens/s per user", true),
                ("Meets demand", false),
            ],
            serving,
        );
    }
    let e = &report.experts;
    b.heading(3, "Experts", false);
    b.table(
        &[("Role", false), ("Have FTE", true), ("Need FTE", true)],
        ExpertRole::ALL
            .iter()
            .map(|r| {
                vec![
                    r.label().to_string(),
                    readable(e.have(*r)),
                    readable(e.need(*r)),
                ]
            })
            .collect(),
    );
}

fn assumptions(b: &mut Builder, plan: &Plan, catalog: &Catalog) {
    b.heading(2, "Assumptions", true);
    b.para("Every figure above rests on these values; where the plan keeps the default, the source says where it comes from.");
    b.table(
        &[
            ("Assumption", false),
            ("Value", false),
            ("Default", false),
            ("Source of the default", false),
        ],
        assumption_rows(&plan.assumptions),
    );
    b.heading(3, "Cost assumptions", false);
    b.table(
        &[
            ("Assumption", false),
            ("Value", false),
            ("Default", false),
            ("Source of the default", false),
        ],
        cost_assumption_rows(&plan.assumptions.costs, catalog),
    );
}

fn warnings(b: &mut Builder, report: &Report) {
    b.heading(2, "Warnings", false);
    if report.warnings.is_empty() {
        b.para("None.");
    } else {
        b.0.push(Block::List(
            report
                .warnings
                .iter()
                .map(|w| format!("[{}] {}", w.severity.label(), w.message))
                .collect(),
        ));
    }
}

/// The proposal for a plan, its report, and the switch-off test's figures (`stress`, in `year`).
pub fn document(
    plan: &Plan,
    catalog: &'static Catalog,
    report: &Report,
    stress: &[StressFigures],
    year: Option<u16>,
) -> Document {
    let mut b = Builder(Vec::new());
    if !plan.description.is_empty() {
        b.para(plan.description.clone());
    }
    summary(&mut b, plan, report);
    warnings(&mut b, report);
    members(&mut b, plan, catalog, report);
    model(&mut b, plan, catalog, report);
    dependency(&mut b, plan, catalog, report);
    languages(&mut b, plan, report);
    workloads(&mut b, plan, report);
    budget(&mut b, report);
    roadmap(&mut b, plan, catalog);
    resilience(&mut b, stress, year);
    assumptions(&mut b, plan, catalog);
    Document {
        title: plan.name.clone(),
        blocks: b.0,
    }
}
