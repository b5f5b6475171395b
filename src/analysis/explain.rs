//! How each figure was computed: its formula and the inputs that went in, for tooltips, the
//! `report` command and exported proposals.

use crate::catalog::Catalog;
use crate::plan::{ExpertRole, Plan};

use super::report::{Layer, Report};
use super::{experts, serving, workloads};

/// A figure the analysis produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Pooled accelerators.
    PooledAccelerators,
    /// Pooled dense BF16 peak.
    PooledBf16,
    /// Pooled dense FP8 peak.
    PooledFp8,
    /// Pooled accelerator memory.
    PooledMemory,
    /// Facility power required.
    RequiredPower,
    /// Power contributed.
    ContributedPower,
    /// Energy per year.
    EnergyPerYear,
    /// Training compute of a workload.
    WorkloadFlops(usize),
    /// Wall-clock days of a workload.
    WorkloadDays(usize),
    /// Accelerator-hours of a workload.
    WorkloadGpuHours(usize),
    /// Memory a workload needs.
    WorkloadMemory(usize),
    /// Serving capacity and demand of a workload.
    WorkloadServing(usize),
    /// Experts pooled and needed.
    Experts,
    /// Experts of one role needed.
    ExpertNeed(ExpertRole),
    /// One dependency layer.
    DependencyLayer(Layer),
    /// The overall dependency index.
    DependencyOverall,
    /// A member's stake.
    MemberStake(usize),
}

/// A figure's formula and inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The formula in words and symbols.
    pub formula: String,
    /// Named inputs with their values and units.
    pub inputs: Vec<(String, String)>,
}

impl Explanation {
    /// Formula and inputs as plain text, one input per line.
    pub fn to_text(&self) -> String {
        let mut s = self.formula.clone();
        for (name, value) in &self.inputs {
            s.push_str(&format!("\n  {name} = {value}"));
        }
        s
    }
}

fn e(formula: impl Into<String>, inputs: Vec<(&str, String)>) -> Explanation {
    Explanation {
        formula: formula.into(),
        inputs: inputs
            .into_iter()
            .map(|(n, v)| (n.to_string(), v))
            .collect(),
    }
}

/// Compact number: 3 significant figures with a SI-style suffix (k, M, G, T, P, E).
pub fn si(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e18 {
        (v / 1e18, "E")
    } else if a >= 1e15 {
        (v / 1e15, "P")
    } else if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "G")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let digits = if scaled.abs() >= 100.0 {
        0
    } else if scaled.abs() >= 10.0 {
        1
    } else {
        2
    };
    format!("{scaled:.digits$}{suffix}")
}

fn pool_lines(
    plan: &Plan,
    catalog: &Catalog,
    f: impl Fn(&crate::catalog::Accelerator) -> Option<f64>,
    unit: &str,
) -> String {
    let mut parts = Vec::new();
    for member in &plan.members {
        for line in &member.chips {
            if let Some(acc) = plan.accelerator(catalog, &line.accelerator) {
                parts.push(format!(
                    "{} × {} {} ({})",
                    line.count,
                    f(acc).map_or("?".to_string(), si),
                    unit,
                    acc.name
                ));
            }
        }
        if parts.len() > 6 {
            parts.truncate(6);
            parts.push("…".to_string());
            break;
        }
    }
    if parts.is_empty() {
        "no accelerators".to_string()
    } else {
        parts.join(" + ")
    }
}

/// The formula and inputs of one figure.
pub fn explain(figure: Figure, plan: &Plan, catalog: &Catalog, report: &Report) -> Explanation {
    let a = &plan.assumptions;
    let model = plan.base(catalog);
    let model_name = model.map_or_else(
        || format!("unknown model {:?}", plan.base_model),
        |m| m.name.clone(),
    );
    let p = &report.pooled;
    let pw = &report.power;
    match figure {
        Figure::PooledAccelerators => e(
            "Σ accelerators over every member's chip lines",
            vec![("accelerators", p.accelerators.to_string())],
        ),
        Figure::PooledBf16 => e(
            "Σ count × dense BF16 peak (catalog), ÷ 1,000 for PFLOP/s",
            vec![
                (
                    "lines",
                    pool_lines(plan, catalog, |a| a.bf16_tflops, "TFLOP/s"),
                ),
                ("pooled", format!("{:.2} PFLOP/s", p.bf16_pflops)),
            ],
        ),
        Figure::PooledFp8 => e(
            "Σ count × dense FP8 peak (chips without FP8 add nothing)",
            vec![
                (
                    "lines",
                    pool_lines(plan, catalog, |a| a.fp8_tflops, "TFLOP/s"),
                ),
                ("pooled", format!("{:.2} PFLOP/s", p.fp8_pflops)),
            ],
        ),
        Figure::PooledMemory => e(
            "Σ count × accelerator memory, ÷ 1,000 for TB",
            vec![
                ("lines", pool_lines(plan, catalog, |a| a.memory_gb, "GB")),
                ("pooled", format!("{:.2} TB", p.memory_tb)),
            ],
        ),
        Figure::RequiredPower => e(
            "facility MW = Σ count × TDP × server overhead × PUE",
            vec![
                ("lines", pool_lines(plan, catalog, |a| a.tdp_w, "W")),
                (
                    "server overhead",
                    format!(
                        "{} × TDP where the TDP is the GPU alone; 1 × for a superchip module or system",
                        a.server_overhead
                    ),
                ),
                (
                    "PUE",
                    format!("{} (liquid-cooled parts: {})", a.pue, a.liquid_pue),
                ),
                ("IT power", format!("{:.3} MW", pw.it_mw)),
                ("required", format!("{:.3} MW", pw.required_mw)),
                (
                    "range",
                    format!(
                        "{:.3}–{:.3} MW: server overhead ±20 % (GPU-only TDP) or ±15 % (module), PUE ±8 %, wider for Medium/Low-confidence TDPs",
                        pw.required_mw_range[0], pw.required_mw_range[1]
                    ),
                ),
                (
                    "of which rented (powered by the provider)",
                    format!("{:.3} MW", pw.rented_mw),
                ),
            ],
        ),
        Figure::ContributedPower => e(
            "Σ MW of every member's power lines; matched site by site: shortfall = Σ over sites of max(0, owned chips' MW there − MW offered there); headroom = contributed − (required − rented), not matched to sites",
            vec![
                ("contributed", format!("{:.3} MW", pw.contributed_mw)),
                ("required", format!("{:.3} MW", pw.required_mw)),
                ("rented", format!("{:.3} MW", pw.rented_mw)),
                (
                    "shortfall at sites",
                    format!("{:.3} MW at {} site(s)", pw.shortfall_mw, pw.sites_short),
                ),
                ("headroom", format!("{:.3} MW", pw.headroom_mw)),
            ],
        ),
        Figure::EnergyPerYear => e(
            "energy = required MW × 8,760 h; cost = energy × electricity price",
            vec![
                ("required", format!("{:.3} MW", pw.required_mw)),
                ("price", format!("{} USD/MWh", a.electricity_usd_per_mwh)),
                ("energy", format!("{} MWh/year", si(pw.energy_mwh_per_year))),
                (
                    "range",
                    format!(
                        "{}–{} MWh/year: the required power's range × 8,760 h",
                        si(pw.energy_mwh_per_year_range[0]),
                        si(pw.energy_mwh_per_year_range[1])
                    ),
                ),
                ("cost", format!("{} USD/year", si(pw.cost_usd_per_year))),
            ],
        ),
        Figure::WorkloadFlops(i) => {
            let Some(w) = plan.workloads.get(i) else {
                return e("no such workload", vec![]);
            };
            let factor = workloads::flops_per_param_token(&w.kind).unwrap_or(0.0);
            e(
                format!(
                    "C = {factor} · N · D ({}; N = active parameters)",
                    w.kind.label()
                ),
                vec![
                    (
                        "N",
                        model.map_or("?".to_string(), |m| {
                            format!(
                                "{} B active of {} B ({model_name})",
                                m.active_params_b, m.total_params_b
                            )
                        }),
                    ),
                    (
                        "D",
                        w.kind
                            .training_tokens()
                            .map_or("—".into(), |t| format!("{} tokens", si(t))),
                    ),
                    (
                        "C",
                        report
                            .workloads
                            .get(i)
                            .and_then(|f| f.train_flops)
                            .map_or("—".into(), |c| format!("{c:.3e} FLOP")),
                    ),
                ],
            )
        }
        Figure::WorkloadDays(i) | Figure::WorkloadGpuHours(i) => {
            let f = report.workloads.get(i);
            e(
                "days = C ÷ (peak at training precision of the largest co-located site × MFU) ÷ 86,400; accelerator-hours = that site's accelerators × hours (one job does not span sites)",
                vec![
                    (
                        "C",
                        f.and_then(|f| f.train_flops)
                            .map_or("—".into(), |c| format!("{c:.3e} FLOP")),
                    ),
                    (
                        "site",
                        report.training_site().map_or("—".into(), |s| {
                            format!(
                                "{} (largest of {} sites with chips)",
                                s.name(),
                                report.chip_sites()
                            )
                        }),
                    ),
                    (
                        "site peak",
                        format!(
                            "{:.2} PFLOP/s at {} (pool: {:.2})",
                            report.training_site().map_or(0.0, |s| s.training_pflops),
                            a.training_precision.label(),
                            p.training_pflops,
                        ),
                    ),
                    (
                        "MFU",
                        match f.map(|f| f.mfu) {
                            Some(m) if a.mfu_calibrated => {
                                format!("{m:.3} (calibrated rule: chip generation, model size, MoE, precision)")
                            }
                            _ => format!("{} (entered)", a.mfu),
                        },
                    ),
                    (
                        "accelerators",
                        report
                            .training_site()
                            .map_or(0, |s| s.accelerators)
                            .to_string(),
                    ),
                    (
                        "days",
                        f.and_then(|f| f.days)
                            .map_or("—".into(), |d| format!("{d:.1}")),
                    ),
                    (
                        "accelerator-hours",
                        f.and_then(|f| f.gpu_hours).map_or("—".into(), si),
                    ),
                    (
                        "range",
                        f.and_then(|f| f.days_range).map_or("—".into(), |[lo, hi]| {
                            format!(
                                "{lo:.1}–{hi:.1} days: MFU ±30 % (spread of published runs around the rule){}",
                                if p.peak_band > 0.0 {
                                    format!(", ±{:.0} % for Medium/Low-confidence chip peaks", p.peak_band * 100.0)
                                } else {
                                    String::new()
                                }
                            )
                        }),
                    ),
                ],
            )
        }
        Figure::WorkloadMemory(i) => {
            let Some(w) = plan.workloads.get(i) else {
                return e("no such workload", vec![]);
            };
            let f = &report.workloads[i];
            if let Some(s) = &f.serving {
                return e(
                    "memory = total parameters × bytes per parameter + KV cache of one user",
                    vec![
                        (
                            "weights",
                            format!("{:.1} GB at {}", s.weights_gb, s.precision.label()),
                        ),
                        ("KV per user", format!("{:.2} GB", s.kv_gb_per_user)),
                    ],
                );
            }
            e(
                format!(
                    "memory = total parameters × {} bytes/parameter (sharded over the pool)",
                    workloads::training_bytes_per_param(&w.kind)
                ),
                vec![
                    (
                        "total parameters",
                        model.map_or("?".into(), |m| format!("{} B", m.total_params_b)),
                    ),
                    ("needed", format!("{:.0} GB", f.memory_needed_gb)),
                    ("pool", format!("{:.0} GB", f.memory_available_gb)),
                ],
            )
        }
        Figure::WorkloadServing(i) => {
            let Some(s) = report.workloads.get(i).and_then(|f| f.serving) else {
                return e("not a serving workload", vec![]);
            };
            e(
                format!(
                    "demand = users × tokens/user/day ÷ 86,400 × peak factor; capacity = Σ replicas × batch ÷ step, step = bytes read ÷ (bandwidth × {}) + 2·N_active·batch·(1 + prompt ÷ answer) ÷ (peak × {}), both ÷ {}^log₂(accelerators per replica); replicas of 1, 2, 4, 8 or whole 8-accelerator servers; batch ≤ {}; prompt = {} of the context; calibrated on {}",
                    serving::BANDWIDTH_EFFICIENCY,
                    serving::COMPUTE_EFFICIENCY,
                    serving::TP_EFFICIENCY_PER_DOUBLING,
                    serving::MAX_BATCH,
                    serving::PROMPT_SHARE,
                    serving::CALIBRATION_SOURCE
                ),
                vec![
                    (
                        "demand",
                        format!(
                            "{} tokens/s (peak factor {})",
                            si(s.demand_tokens_per_s),
                            a.serving_peak_factor
                        ),
                    ),
                    (
                        "capacity",
                        format!(
                            "{} tokens/s (range {}–{}: serving model ±15 %, wider for Medium/Low-confidence chips)",
                            si(s.capacity_tokens_per_s),
                            si(s.capacity_tokens_per_s_range[0]),
                            si(s.capacity_tokens_per_s_range[1])
                        ),
                    ),
                    (
                        "accelerators needed",
                        s.accelerators_needed.map_or("—".into(), |n| {
                            format!("{n} to meet demand (training and serving share the pool)")
                        }),
                    ),
                    (
                        "room in the pool",
                        format!(
                            "{} replicas on {} accelerators (best line: {} per replica, batch {})",
                            s.replicas,
                            s.accelerators_serving,
                            s.accelerators_per_replica,
                            s.batch_per_replica
                        ),
                    ),
                    (
                        "per user",
                        format!(
                            "{:.1} tokens/s at full batch ({})",
                            s.tokens_per_s_per_user,
                            if s.bandwidth_bound {
                                "memory-bandwidth bound"
                            } else {
                                "compute bound"
                            }
                        ),
                    ),
                ],
            )
        }
        Figure::Experts => e(
            "Σ FTE of every member's expert lines; need = largest core team over the workloads + infrastructure",
            vec![
                (
                    "pooled",
                    format!(
                        "{:.1} FTE ({:.1} foreign)",
                        report.experts.total_fte, report.experts.foreign_fte
                    ),
                ),
                ("needed", format!("{:.0} FTE", report.experts.needed_fte)),
                (
                    "range",
                    format!(
                        "{:.0}–{:.0} FTE: published teams of comparable efforts scatter about ±50 % around the rule (author counts, not FTE)",
                        report.experts.needed_fte_range[0], report.experts.needed_fte_range[1]
                    ),
                ),
            ],
        ),
        Figure::ExpertNeed(role) => {
            let rule = if role == ExpertRole::InfraOps {
                format!(
                    "1 FTE per {} accelerators, at least {}",
                    experts::ACCELERATORS_PER_INFRA_FTE,
                    experts::MIN_INFRA_FTE
                )
            } else {
                "largest core team for this role over the workloads (rule of thumb)".to_string()
            };
            e(
                rule,
                vec![
                    ("have", format!("{:.1} FTE", report.experts.have(role))),
                    ("need", format!("{:.0} FTE", report.experts.need(role))),
                ],
            )
        }
        Figure::DependencyLayer(layer) => {
            let l = report.dependency.layer(layer);
            let basis = match layer {
                Layer::ChipDesign | Layer::ChipFab | Layer::Hosting => "share of pooled BF16 peak",
                Layer::Memory => "share of pooled accelerator memory",
                Layer::Model => {
                    "the developer's country (a derivative: half to its base's developer, whose licence binds, half by pretraining tokens)"
                }
                Layer::Talent => {
                    "(foreign FTE + needed FTE no member provides) ÷ (all FTE + those unfilled)"
                }
                Layer::Energy => {
                    "facility MW the chips draw, site by site: drawn abroad, or imported at a member site, ÷ all"
                }
            };
            let suppliers = l
                .suppliers
                .iter()
                .take(8)
                .map(|s| {
                    format!(
                        "{} {:.0} %{}",
                        catalog.country_name(&s.country),
                        s.share * 100.0,
                        if s.member { " (member)" } else { "" }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            e(
                format!(
                    "{}: {basis} supplied from outside the consortium",
                    layer.label()
                ),
                vec![
                    ("foreign share", format!("{:.0} %", l.foreign_share * 100.0)),
                    (
                        "suppliers",
                        if suppliers.is_empty() {
                            "none".into()
                        } else {
                            suppliers
                        },
                    ),
                ],
            )
        }
        Figure::DependencyOverall => {
            let w = &a.dependency_weights;
            e(
                "overall = (w̄_chip × s_chip + Σ_other wᵢ × sᵢ) ÷ (w̄_chip + Σ_other wᵢ): chip design, fabrication and memory are one imported chip, weighed as one group (their weighted mean, with the mean of their weights); over the layers the plan has something in",
                vec![
                    (
                        "weights",
                        format!(
                            "design {}, fab {}, memory {}, hosting {}, model {}, talent {}, energy {}",
                            w.chip_design,
                            w.chip_fab,
                            w.memory,
                            w.hosting,
                            w.model,
                            w.talent,
                            w.energy
                        ),
                    ),
                    (
                        "shares",
                        Layer::ALL
                            .iter()
                            .map(|l| format!("{:.2}", report.dependency.layer(*l).foreign_share))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    ("overall", format!("{:.2}", report.dependency.overall)),
                ],
            )
        }
        Figure::MemberStake(i) => {
            let Some(m) = report.members.get(i) else {
                return e("no such member", vec![]);
            };
            e(
                "stake = (chips at price + a year of power at the tariff + a year of experts) ÷ the pool's total",
                vec![
                    ("chips", format!("{} USD", si(m.chips_usd))),
                    (
                        "power",
                        format!(
                            "{:.2} MW × 8,760 h × {} USD/MWh = {} USD",
                            m.power_mw,
                            a.electricity_usd_per_mwh,
                            si(m.power_usd)
                        ),
                    ),
                    (
                        "experts",
                        format!(
                            "{:.1} FTE × {} USD = {} USD",
                            m.experts_fte,
                            si(a.expert_usd_per_fte_year),
                            si(m.experts_usd)
                        ),
                    ),
                    ("stake", format!("{:.1} %", m.stake * 100.0)),
                ],
            )
        }
    }
}
