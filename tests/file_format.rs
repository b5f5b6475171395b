//! The plan file format (`file::parse`, `load`, `save`, `to_ron`): round trips, stable output,
//! refused files with line and column, non-fatal problems with paths, atomic saves, and a parser
//! that never panics.
//!
//! Case counts stay small so the suite is quick; `CP_FUZZ_SCALE=N` multiplies them for a longer run.

use std::path::{Path, PathBuf};

use consortium_planner::analysis::analyze;
use consortium_planner::catalog::{
    Accelerator, Catalog, Confidence, Licence, OpenModel, Openness, PowerScope, Price,
};
use consortium_planner::file::{self, FileError, Loaded, Problem, limits};
use consortium_planner::plan::{
    Assumptions, ChipLine, CostAssumptions, DependencyWeights, ExchangeRate, ExpertLine,
    ExpertRole, FORMAT_VERSION, FacilityMode, FairShareRule, Funding, LanguageCorpus, Member, Plan,
    PowerLine, PowerSource, Precision, RentalRate, RentalTerm, Scenario, StaffCosts, Tenure,
    Workload, WorkloadKind, checks,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Proptest case counts, multiplied by `CP_FUZZ_SCALE` (e.g. `CP_FUZZ_SCALE=50` for a long fuzz run).
fn cases(n: u32) -> u32 {
    std::env::var("CP_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .map_or(n, |k| n.saturating_mul(k.max(1)))
}

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

/// Every `saves/*.ron`, found at test time.
fn save_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable saves/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.ron files in {}", dir.display());
    files
}

/// 1-based (line, column in characters) of the `n`-th (0-based) occurrence of `needle`, computed
/// independently of the crate's own position code.
fn pos_nth(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let offset = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("occurrence {n} of {needle:?} not in the text"))
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn pos(text: &str, needle: &str) -> (usize, usize) {
    pos_nth(text, needle, 0)
}

/// `text` with `from` (which must occur exactly once) replaced by `to`.
fn with(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} must occur exactly once in the template"
    );
    text.replacen(from, to, 1)
}

/// Parses text that must be refused as `FileError::Invalid`; returns the problems.
fn refused(text: &str) -> Vec<Problem> {
    match file::parse(text, catalog()) {
        Err(FileError::Invalid(problems)) => {
            assert!(!problems.is_empty(), "Invalid with no problems");
            assert!(
                problems[0].fatal,
                "first problem is not fatal: {problems:?}"
            );
            problems
        }
        Err(other) => panic!("expected FileError::Invalid, got {other:?}"),
        Ok(loaded) => panic!(
            "expected the file to be refused, it loaded with problems {:?}",
            loaded.problems
        ),
    }
}

/// Asserts that a problem stands on `line`, at a column from `first_col` to `last_col`.
fn assert_at(problem: &Problem, line: usize, first_col: usize, last_col: usize) {
    assert_eq!(problem.line, Some(line), "wrong line: {problem:?}");
    let col = problem
        .column
        .unwrap_or_else(|| panic!("no column: {problem:?}"));
    assert!(
        (first_col..=last_col).contains(&col),
        "column {col} not in {first_col}..={last_col}: {problem:?}"
    );
}

/// Asserts the first problem stands on `value`, written right after `prefix` (the pair must occur
/// once): its line, and a column from the value's first character to just past its last.
fn assert_first_on(problems: &[Problem], text: &str, prefix: &str, value: &str) {
    let needle = format!("{prefix}{value}");
    assert_eq!(
        text.matches(&needle).count(),
        1,
        "{needle:?} must occur once"
    );
    let (line, col) = pos(text, &needle);
    let col = col + prefix.chars().count();
    assert_at(&problems[0], line, col, col + value.chars().count());
}

fn assert_message(problem: &Problem, parts: &[&str]) {
    for part in parts {
        assert!(
            problem.message.contains(part),
            "message {:?} lacks {part:?}",
            problem.message
        );
    }
}

fn loads(text: &str) -> Loaded {
    file::parse(text, catalog()).unwrap_or_else(|e| panic!("expected to load, got {e}\n{text}"))
}

/// A small valid plan used as the template for the bad files.
const GOOD: &str = r#"// A small plan for the tests.
(
    format: 1,
    name: "Test consortium",
    description: "Two members",
    base_model: "llama3.1-70b",
    workloads: [
        (
            name: "Continued pretraining",
            kind: ContinuedPretraining(tokens: 100e9),
            target_days: 30.0,
        ),
        (
            name: "Assistant",
            kind: Serving(users: 1000.0, tokens_per_user_per_day: 500.0),
        ),
    ],
    assumptions: (
        mfu: 0.4,
        pue: 1.2,
    ),
    members: [
        (
            country: "CL",
            chips: [(accelerator: "nvidia_h100_sxm", count: 64, hosted_in: "CL")],
            power: [(mw: 2.0, source: Hydro, imported_share: 0.1)],
            experts: [(role: MlResearch, fte: 5.0, foreign_fte: 1.0)],
        ),
        (
            country: "AR",
            chips: [(accelerator: "nvidia_h200_sxm", count: 8)],
            experts: [(role: DataLanguage, fte: 3.0)],
        ),
    ],
)
"#;

#[test]
fn template_is_clean() {
    let loaded = loads(GOOD);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.plan.members.len(), 2);
    assert_eq!(loaded.plan.assumptions.mfu, 0.4);
    assert_eq!(loaded.plan.members[0].chips[0].count, 64);
}

// ---------------------------------------------------------------------------------------------
// Generated plans
// ---------------------------------------------------------------------------------------------

/// Text with the characters that trouble serialisers: quotes, backslashes, newlines, control
/// characters, right-to-left marks and scripts, emoji, comment and raw-string look-alikes.
fn text(max: usize) -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        3 => "[a-zA-Z0-9 ]{1,6}",
        1 => prop::sample::select(vec![
            "\"", "\\", "\n", "\r\n", "\t", "'", "\0", "\u{7f}", "\u{202e}", "\u{200f}", "\u{2028}",
            "\u{feff}", "שלום", "مرحبا بالعالم", "日本語", "Ñandú", "😀", "//", "/*", "*/", "r#\"",
            "\"#", "\\u{41}", "\\n", "${", "),", "NaN", "None", "Some(",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(fragment, 0..max).prop_map(|parts| parts.concat())
}

fn pick(values: Vec<String>) -> impl Strategy<Value = String> {
    prop::sample::select(values)
}

fn country_code() -> impl Strategy<Value = String> {
    pick(
        catalog()
            .countries
            .countries
            .iter()
            .map(|c| c.code.clone())
            .collect(),
    )
}

fn accelerator_id() -> impl Strategy<Value = String> {
    pick(
        catalog()
            .accelerators
            .iter()
            .map(|a| a.id.clone())
            .collect(),
    )
}

fn model_id() -> impl Strategy<Value = String> {
    pick(catalog().models.iter().map(|m| m.id.clone()).collect())
}

/// A finite number from `lo` to `hi`, with the end points and round values over-represented.
fn in_range(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => Just(lo),
        1 => Just(hi),
        1 => (0u32..1000).prop_map(move |i| (lo + f64::from(i)).min(hi)),
        5 => lo..=hi,
    ]
}

/// A non-negative amount as `checks::amount` accepts it (0 to 1e16), including subnormals.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => Just(0.0),
        1 => Just(f64::from_bits(1)),
        4 => 0.0..1e4,
        2 => 0.0..=checks::ABSURD,
    ]
}

fn precision() -> impl Strategy<Value = Precision> {
    prop::sample::select(Precision::ALL.to_vec())
}

fn confidence() -> impl Strategy<Value = Confidence> {
    prop::sample::select(vec![Confidence::High, Confidence::Medium, Confidence::Low])
}

fn openness() -> impl Strategy<Value = Openness> {
    prop::sample::select(vec![
        Openness::Yes,
        Openness::Partial,
        Openness::No,
        Openness::Unverified,
    ])
}

fn chip_line() -> impl Strategy<Value = ChipLine> {
    let tenure = prop_oneof![
        Just(Tenure::Owned),
        (text(8), country_code()).prop_map(|(provider, provider_country)| Tenure::Rented {
            provider,
            provider_country,
        }),
    ];
    (
        accelerator_id(),
        prop_oneof![0..=1000u32, 0..=limits::MAX_CHIP_COUNT],
        tenure,
        prop::option::of(country_code()),
        optional_figure(),
    )
        .prop_map(
            |(accelerator, count, tenure, hosted_in, price_usd)| ChipLine {
                years: Default::default(),
                accelerator,
                count,
                tenure,
                hosted_in,
                price_usd,
            },
        )
}

fn power_line() -> impl Strategy<Value = PowerLine> {
    (
        amount(),
        prop::sample::select(PowerSource::ALL.to_vec()),
        prop::option::of(country_code()),
        in_range(0.0, 1.0),
        optional_figure(),
    )
        .prop_map(
            |(mw, source, site, imported_share, usd_per_mwh)| PowerLine {
                years: Default::default(),
                mw,
                source,
                site,
                imported_share,
                usd_per_mwh,
            },
        )
}

fn expert_line() -> impl Strategy<Value = ExpertLine> {
    (
        prop::sample::select(ExpertRole::ALL.to_vec()),
        amount(),
        in_range(0.0, 1.0),
    )
        .prop_map(|(role, fte, foreign)| ExpertLine {
            years: Default::default(),
            role,
            fte,
            foreign_fte: fte * foreign,
        })
}

fn funding() -> impl Strategy<Value = Funding> {
    (
        amount(),
        prop_oneof![
            prop::sample::select(vec!["USD", "EUR", "CLP", "BRL"]).prop_map(str::to_string),
            text(4),
        ],
    )
        .prop_map(|(amount, currency)| Funding { amount, currency })
}

fn member() -> impl Strategy<Value = Member> {
    (
        country_code(),
        prop::collection::vec(chip_line(), 0..4),
        prop::collection::vec(power_line(), 0..3),
        prop::collection::vec(expert_line(), 0..4),
        prop::option::of(funding()),
        prop_oneof![Just(String::new()), "[a-zA-Z0-9 \"/*\\\\]{0,20}"],
        prop_oneof![Just(1.0), in_range(0.01, 10.0)],
    )
        .prop_map(
            |(country, chips, power, experts, funding, note, cost_level)| Member {
                joins: None,
                country,
                note,
                chips,
                power,
                experts,
                funding,
                cost_level,
            },
        )
}

fn workload_kind() -> impl Strategy<Value = WorkloadKind> {
    prop_oneof![
        amount().prop_map(|tokens| WorkloadKind::Pretraining { tokens }),
        amount().prop_map(|tokens| WorkloadKind::ContinuedPretraining { tokens }),
        amount().prop_map(|tokens| WorkloadKind::FullFineTune { tokens }),
        (amount(), any::<bool>()).prop_map(|(tokens, quantized_base)| {
            WorkloadKind::LoraFineTune {
                tokens,
                quantized_base,
            }
        }),
        (amount(), amount(), prop::option::of(precision())).prop_map(
            |(users, tokens_per_user_per_day, precision)| WorkloadKind::Serving {
                users,
                tokens_per_user_per_day,
                precision,
            }
        ),
    ]
}

fn workload() -> impl Strategy<Value = Workload> {
    (
        text(12),
        workload_kind(),
        // Targets are above 0 days (a 0-day target is refused).
        prop::option::of(in_range(0.01, 36_500.0)),
        prop::collection::vec(country_code(), 0..3),
    )
        .prop_map(|(name, kind, target_days, members)| Workload {
            name,
            kind,
            target_days,
            members,
        })
}

fn assumptions() -> impl Strategy<Value = Assumptions> {
    let weights = prop::collection::vec(in_range(0.0, 100.0), 7).prop_map(|w| DependencyWeights {
        chip_design: w[0],
        chip_fab: w[1],
        memory: w[2],
        hosting: w[3],
        model: w[4],
        talent: w[5],
        energy: w[6],
    });
    (
        (
            prop_oneof![Just(1.0), Just(f64::MIN_POSITIVE), f64::EPSILON..=1.0],
            in_range(1.0, 5.0),
            in_range(1.0, 3.0),
            amount(),
            precision(),
            precision(),
        ),
        (
            in_range(1.0, 1e8),
            in_range(1.0, 100.0),
            amount(),
            amount(),
            weights,
            costs(),
        ),
    )
        .prop_map(
            |(
                (mfu, server_overhead, pue, electricity, training, serving),
                (context, peak, chip_value, expert_value, dependency_weights, costs),
            )| Assumptions {
                mfu,
                // Both spellings of the rule switch round-trip (derived to stay within 12 tuples).
                mfu_calibrated: server_overhead > 2.0,
                server_overhead,
                pue,
                liquid_pue: pue,
                electricity_usd_per_mwh: electricity,
                training_precision: training,
                serving_precision: serving,
                serving_context_tokens: context,
                serving_peak_factor: peak,
                chip_value_usd_per_bf16_pflops: chip_value,
                expert_usd_per_fte_year: expert_value,
                dependency_weights,
                costs,
            },
        )
}

fn costs() -> BoxedStrategy<CostAssumptions> {
    let staff = prop::collection::vec(amount(), 5).prop_map(|v| StaffCosts {
        ml_research: v[0],
        ml_engineering: v[1],
        data_language: v[2],
        infra_ops: v[3],
        policy_legal_ethics: v[4],
    });
    let rental = prop::collection::vec(
        (accelerator_id(), amount()).prop_map(|(accelerator, usd_per_hour)| RentalRate {
            accelerator,
            usd_per_hour,
        }),
        0..3,
    );
    let exchange = prop::collection::vec(
        (prop::sample::select(vec!["EUR", "CLP", "NGN"]), amount()).prop_map(
            |(currency, usd_per_unit)| ExchangeRate {
                currency: currency.to_string(),
                usd_per_unit,
            },
        ),
        0..3,
    );
    (
        (
            in_range(0.5, 50.0),
            in_range(0.0, 10.0),
            prop::sample::select(FacilityMode::ALL.to_vec()),
            amount(),
            amount(),
            in_range(0.5, 50.0),
            in_range(0.5, 50.0),
        ),
        (
            in_range(0.0, 1.0),
            staff,
            prop::sample::select(RentalTerm::ALL.to_vec()),
            rental,
            exchange,
            prop::sample::select(FairShareRule::ALL.to_vec()),
        ),
    )
        .prop_map(
            |(
                (horizon, systems, facility, build, colocation, hw_life, facility_life),
                (operations, staff, term, rental_rates, exchange_rates, rule),
            )| CostAssumptions {
                horizon_years: horizon,
                systems_factor: systems,
                facility,
                build_usd_per_mw: build,
                colocation_usd_per_kw_month: colocation,
                hardware_life_years: hw_life,
                facility_life_years: facility_life,
                operations_share_per_year: operations,
                staff_usd_per_fte_year: staff,
                rental_term: term,
                rental_rates,
                exchange_rates,
                fair_share_rule: rule,
            },
        )
        .boxed()
}

fn optional_figure() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(in_range(0.0, 1e9))
}

fn custom_accelerator() -> impl Strategy<Value = Accelerator> {
    let price = prop_oneof![
        in_range(0.0, 1e12).prop_map(Price::EstimateUsd),
        Just(Price::RentOnly),
        Just(Price::Unknown),
    ];
    (
        (
            text(8),
            text(8),
            text(8),
            country_code(),
            prop::option::of(text(8)),
            prop::collection::vec(country_code(), 0..3),
            prop::collection::vec(country_code(), 0..3),
        ),
        (
            optional_figure(),
            optional_figure(),
            optional_figure(),
            optional_figure(),
            optional_figure(),
            prop::option::of(any::<u16>()),
        ),
        (price, confidence(), text(8), text(8)),
    )
        .prop_map(
            |(
                (id, name, vendor, vendor_country, fab, fab_countries, memory_countries),
                (bf16, fp8, memory, bandwidth, tdp, launch_year),
                (price, confidence, source, notes),
            )| Accelerator {
                price_confidence: None,
                id,
                name,
                vendor,
                vendor_country,
                fab,
                fab_countries,
                memory_supplier_countries: memory_countries,
                bf16_tflops: bf16,
                fp8_tflops: fp8,
                memory_gb: memory,
                memory_bandwidth_tbs: bandwidth,
                tdp_w: tdp,
                // Derived from the draw so both scopes and both coolings round-trip.
                power_scope: match launch_year.map(|y| y % 3) {
                    Some(1) => PowerScope::Module,
                    Some(2) => PowerScope::System,
                    _ => PowerScope::Gpu,
                },
                liquid_cooled: launch_year.is_some_and(|y| y % 2 == 1),
                launch_year,
                price,
                confidence,
                source,
                notes,
            },
        )
}

fn licence() -> impl Strategy<Value = Licence> {
    (
        (
            text(8),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
            any::<bool>(),
            prop::option::of(text(8)),
        ),
        (
            prop::option::of(in_range(0.0, 1e6)),
            any::<bool>(),
            openness(),
            openness(),
            text(8),
        ),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (name, osi_approved, use_restrictions, non_commercial, attribution_duty),
                (mau, eu_multimodal_excluded, open_data, open_code, source),
                (mau_tested_at_release, remote_restriction),
            )| Licence {
                name,
                osi_approved,
                use_restrictions,
                non_commercial,
                attribution_duty,
                mau_threshold_millions: mau,
                mau_tested_at_release,
                remote_restriction,
                eu_multimodal_excluded,
                open_data,
                open_code,
                source,
            },
        )
}

fn custom_model() -> impl Strategy<Value = OpenModel> {
    (
        (
            text(8),
            text(8),
            text(8),
            country_code(),
            in_range(0.001, 1e5),
            in_range(0.01, 1.0),
        ),
        (
            optional_figure(),
            optional_figure(),
            prop::collection::vec(text(3), 0..3),
            text(8),
            optional_figure(),
        ),
        (licence(), text(10), confidence(), text(8), text(8)),
        (prop::collection::vec(text(3), 0..3), text(8)),
    )
        .prop_map(
            |(
                (id, name, developer, developer_country, total, active_fraction),
                (tokens, context, languages, languages_note, kv),
                (licence, release, confidence, source, notes),
                (pretraining_languages, languages_source),
            )| OpenModel {
                id,
                name,
                developer,
                developer_country,
                total_params_b: total,
                active_params_b: total * active_fraction,
                training_tokens_t: tokens,
                context_k_tokens: context,
                languages,
                languages_note,
                pretraining_languages,
                languages_source,
                kv_bytes_per_token_bf16: kv,
                licence,
                release,
                confidence,
                source,
                notes,
                derived_from: None,
            },
        )
}

/// What one scenario holds: base model, workloads, assumptions, members, custom definitions.
fn content() -> impl Strategy<Value = Scenario> {
    (
        (
            prop_oneof![4 => model_id(), 1 => text(8)],
            prop::collection::vec(workload(), 0..6),
            assumptions(),
        ),
        (
            prop::collection::vec(member(), 0..6),
            prop::collection::vec(custom_accelerator(), 0..3),
            prop::collection::vec(custom_model(), 0..3),
        ),
    )
        .prop_map(
            |(
                (base_model, workloads, assumptions),
                (members, mut custom_accelerators, mut custom_models),
            )| {
                // Custom ids must be unique (a duplicate is refused); keep the random text in them.
                for (i, a) in custom_accelerators.iter_mut().enumerate() {
                    a.id = format!("custom_acc_{i}_{}", a.id);
                }
                for (i, m) in custom_models.iter_mut().enumerate() {
                    m.id = format!("custom_model_{i}_{}", m.id);
                }
                Scenario {
                    name: String::new(),
                    base_model,
                    workloads,
                    assumptions,
                    members,
                    custom_accelerators,
                    custom_models,
                }
            },
        )
}

fn language_corpora() -> impl Strategy<Value = Vec<LanguageCorpus>> {
    prop::collection::vec(
        (
            prop_oneof![4 => prop::sample::select(vec!["qu", "gn", "ay", "fil", "ms"]).prop_map(String::from), 1 => text(4)],
            in_range(0.0, 1e13),
        )
            .prop_map(|(language, tokens)| LanguageCorpus { language, tokens }),
        0..3,
    )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (text(24), text(60), content(), language_corpora()),
        (
            prop_oneof![2 => Just(None), 1 => text(12).prop_map(Some)],
            prop::collection::vec((text(12), content()), 0..3),
            any::<usize>(),
        ),
    )
        .prop_map(
            |((name, description, active, corpora), (active_name, stored, position))| {
                let mut plan = Plan::new(name, active.base_model.clone());
                plan.description = description;
                plan.workloads = active.workloads;
                plan.assumptions = active.assumptions;
                plan.members = active.members;
                plan.custom_accelerators = active.custom_accelerators;
                plan.custom_models = active.custom_models;
                plan.language_corpora = corpora;
                // Scenario names must be unique and not empty; keep the random text in them.
                if let Some(n) = active_name {
                    plan.active_scenario = format!("active {n}");
                }
                plan.scenarios = stored
                    .into_iter()
                    .enumerate()
                    .map(|(i, (n, mut s))| {
                        s.name = format!("scenario {i} {n}");
                        s
                    })
                    .collect();
                plan.active_position = position % (plan.scenarios.len() + 1);
                plan
            },
        )
}

/// The top-level keys of `to_ron` output, in order (lines indented by exactly four spaces).
fn top_level_keys(ron: &str) -> Vec<String> {
    ron.lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_string()))
        .collect()
}

const TOP_LEVEL_ORDER: [&str; 15] = [
    "format",
    "name",
    "description",
    "base_model",
    "workloads",
    "assumptions",
    "members",
    "custom_accelerators",
    "custom_models",
    "language_corpora",
    "active_scenario",
    "active_position",
    "scenarios",
    "roadmap",
    "shocks",
];

/// Serialises, checks the output's shape and stability, parses it back and returns what loaded.
fn round_trip(plan: &Plan) -> Loaded {
    let text = file::to_ron(plan);
    assert_eq!(text, file::to_ron(&plan.clone()), "to_ron is not stable");
    let mut lines = text.lines().filter(|l| !l.starts_with("//"));
    assert_eq!(lines.next(), Some("("), "output:\n{text}");
    assert_eq!(
        lines.next(),
        Some(format!("    format: {FORMAT_VERSION},").as_str()),
        "format must come first:\n{text}"
    );
    // The scenario fields are left out when they hold their defaults; the rest are always written.
    let keys = top_level_keys(&text);
    let expected: Vec<&str> = TOP_LEVEL_ORDER
        .into_iter()
        .filter(|k| TOP_LEVEL_ORDER[..9].contains(k) || keys.iter().any(|x| x == k))
        .collect();
    assert_eq!(keys, expected, "output:\n{text}");
    let loaded = file::parse(&text, catalog())
        .unwrap_or_else(|e| panic!("to_ron output does not parse: {e}\n{text}"));
    assert_eq!(
        &loaded.plan, plan,
        "round trip changed the plan; text:\n{text}"
    );
    assert_eq!(
        file::to_ron(&loaded.plan),
        text,
        "to_ron(parse(to_ron(p))) differs from to_ron(p)"
    );
    loaded
}

// ---------------------------------------------------------------------------------------------
// Round trips and stable output
// ---------------------------------------------------------------------------------------------

#[test]
fn every_save_round_trips() {
    for path in save_files() {
        let loaded = file::load(&path, catalog())
            .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
        round_trip(&loaded.plan);
    }
}

#[test]
fn every_save_validates_with_no_problems() {
    for path in save_files() {
        let loaded = file::load(&path, catalog())
            .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
        assert!(
            loaded.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.problems
        );
        let text = std::fs::read_to_string(&path).expect("readable save");
        assert_eq!(
            file::validate(&text, &loaded.plan, catalog()),
            Vec::<Problem>::new(),
            "{}",
            path.display()
        );
        assert!(!loaded.plan.members.is_empty(), "{}", path.display());
    }
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for path in save_files() {
        let plan = file::load(&path, catalog()).expect("save loads").plan;
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        file::save(&plan, &a).expect("first save");
        file::save(&plan, &b).expect("second save");
        let first = std::fs::read(&a).expect("read a");
        assert_eq!(first, std::fs::read(&b).expect("read b"));
        // Saving over an existing file gives the same bytes again.
        file::save(&plan, &a).expect("save over");
        assert_eq!(first, std::fs::read(&a).expect("read a again"));
        assert_eq!(first, file::to_ron(&plan).into_bytes());
    }
}

#[test]
fn a_plan_with_every_optional_part_round_trips() {
    let mut plan = Plan::new(
        "Quote \" backslash \\ newline \n tab \t RTL \u{202e}שלום مرحبا\u{202c} 😀 \0 end",
        "llama3.1-70b",
    );
    plan.description = "r#\"not raw\"# // not a comment /* nor this */".into();
    plan.workloads = vec![
        Workload {
            members: Vec::new(),
            name: "pre".into(),
            kind: WorkloadKind::Pretraining { tokens: 1e12 },
            target_days: Some(0.5),
        },
        Workload {
            members: Vec::new(),
            name: "qlora".into(),
            kind: WorkloadKind::LoraFineTune {
                tokens: 0.1 + 0.2,
                quantized_base: true,
            },
            target_days: None,
        },
        Workload {
            members: Vec::new(),
            name: "serve".into(),
            kind: WorkloadKind::Serving {
                users: 1e7,
                tokens_per_user_per_day: 1234.5,
                precision: Some(Precision::Int4),
            },
            target_days: None,
        },
    ];
    let mut cl = Member::new("CL");
    cl.chips.push(ChipLine {
        years: Default::default(),
        price_usd: None,
        accelerator: "nvidia_h100_sxm".into(),
        count: limits::MAX_CHIP_COUNT,
        tenure: Tenure::Rented {
            provider: "Cloud \"X\"".into(),
            provider_country: "US".into(),
        },
        hosted_in: Some("US".into()),
    });
    cl.power.push(PowerLine {
        years: Default::default(),
        usd_per_mwh: None,
        mw: checks::ABSURD,
        source: PowerSource::Nuclear,
        site: None,
        imported_share: 1.0,
    });
    cl.funding = Some(Funding {
        amount: 5e-324,
        currency: "EUR".into(),
    });
    plan.members.push(cl);
    plan.assumptions.mfu = f64::MIN_POSITIVE;
    plan.assumptions.training_precision = Precision::Fp8;
    let loaded = round_trip(&plan);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(128)))]

    #[test]
    fn generated_plans_round_trip(plan in plan()) {
        round_trip(&plan);
    }

    #[test]
    fn generated_plans_save_and_load_back(plan in plan()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        file::save(&plan, &path).expect("save");
        let first = std::fs::read(&path).expect("read");
        file::save(&plan, &path).expect("save again");
        prop_assert_eq!(&first, &std::fs::read(&path).expect("read again"));
        let loaded = file::load(&path, catalog()).expect("load");
        prop_assert_eq!(loaded.plan, plan);
        // Only the plan file and the previous version's backup are left: no temporary file.
        let mut names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        names.sort();
        prop_assert_eq!(names, vec![std::ffi::OsString::from("plan.ron"), std::ffi::OsString::from("plan.ron.bak")]);
        // The backup holds the version before the second save.
        prop_assert_eq!(&first, &std::fs::read(dir.path().join("plan.ron.bak")).expect("read backup"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    /// Whatever the format accepts, the report can be computed and printed for (no panic, e.g. no
    /// integer overflow on counts at the limits).
    #[test]
    fn generated_plans_can_be_reported(plan in plan()) {
        let report = analyze(&plan, catalog());
        let json = consortium_planner::cli::json::report_json(&plan, &report);
        serde_json::to_string(&json).expect("report JSON serialises");
        let text = consortium_planner::cli::report_text(&plan, catalog(), &report);
        prop_assert!(text.contains("Pooled capacity"));
    }
}

// ---------------------------------------------------------------------------------------------
// Save and load
// ---------------------------------------------------------------------------------------------

#[test]
fn save_then_load_gives_the_same_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = loads(GOOD).plan;
    let path = dir.path().join("my plan ñ.ron");
    file::save(&plan, &path).expect("save");
    let back = file::load(&path, catalog()).expect("load");
    assert_eq!(back.plan, plan);
    assert!(back.problems.is_empty(), "{:?}", back.problems);
}

#[test]
fn saving_into_a_missing_directory_is_an_io_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-dir");
    let path = missing.join("plan.ron");
    match file::save(&loads(GOOD).plan, &path) {
        Err(FileError::Io { path: p, .. }) => assert_eq!(p, path),
        other => panic!("expected FileError::Io, got {other:?}"),
    }
    assert!(!missing.exists(), "save created the missing directory");
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert!(left.is_empty(), "save left {left:?} behind");
}

#[test]
fn saving_over_a_directory_is_an_io_error_and_removes_its_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("plan.ron");
    std::fs::create_dir(&target).expect("make a directory where the file should go");
    assert!(matches!(
        file::save(&loads(GOOD).plan, &target),
        Err(FileError::Io { .. })
    ));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("plan.ron")]);
    assert!(target.is_dir());
}

#[test]
fn loading_a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("absent.ron");
    match file::load(&path, catalog()) {
        Err(FileError::Io { path: p, source }) => {
            assert_eq!(p, path);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected FileError::Io, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Refused files: line, column and what was expected
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_comma_points_where_the_comma_belongs() {
    let text = with(GOOD, "format: 1,\n", "format: 1\n");
    let problems = refused(&text);
    // Just after `format: 1`, where the comma is to be typed (not at the next field's name).
    let (line, col) = pos(&text, "format: 1\n");
    let after = col + "format: 1".len();
    assert_at(&problems[0], line, after, after);
    assert_message(&problems[0], &["comma is missing between `1` and `name`"]);
}

#[test]
fn unclosed_paren_points_at_the_wrong_bracket() {
    let text = with(
        GOOD,
        r#"(accelerator: "nvidia_h200_sxm", count: 8)]"#,
        r#"(accelerator: "nvidia_h200_sxm", count: 8]"#,
    );
    let problems = refused(&text);
    let (line, col) = pos(&text, "count: 8]");
    let bracket = col + "count: 8".len();
    assert_at(&problems[0], line, bracket, bracket);
    let (open_line, open_col) = pos(&text, r#"(accelerator: "nvidia_h200_sxm", count: 8]"#);
    assert_message(
        &problems[0],
        &[&format!(
            "`]` closes the wrong bracket: expected `)` first, to close the `(` opened at line {open_line}, column {open_col}"
        )],
    );
}

#[test]
fn file_ending_inside_the_plan_points_at_its_last_line() {
    let text = GOOD
        .trim_end()
        .strip_suffix(')')
        .expect("template ends with )");
    let problems = refused(text);
    let last_line = text.trim_end().lines().count();
    assert_eq!(problems[0].line, Some(last_line), "{problems:?}");
    assert!(problems[0].column.is_some());
    assert_message(&problems[0], &["end"]);
}

#[test]
fn string_where_a_number_is_expected() {
    let text = with(GOOD, "mw: 2.0", "mw: \"2.0\"");
    let problems = refused(&text);
    // ron reports a wrong type where the value's token starts, counting the space before it.
    let (line, col) = pos(&text, "\"2.0\"");
    assert_at(&problems[0], line, col - 1, col);
    assert_message(&problems[0], &["Expected float"]);
}

#[test]
fn negative_count_is_refused_at_its_position() {
    let text = with(GOOD, "count: 64", "count: -3");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "count: ", "-3");
    assert!(!problems[0].message.is_empty());
}

#[test]
fn negative_count_message_says_what_is_expected() {
    let text = with(GOOD, "count: 64", "count: -3");
    let problems = refused(&text);
    let message = problems[0].message.to_lowercase();
    assert!(
        message.contains("expected") || message.contains("from 0"),
        "{problems:?}"
    );
}

#[test]
fn fractional_count() {
    let text = with(GOOD, "count: 64", "count: 8.5");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "count: ", "8.5");
    assert_message(&problems[0], &["8.5", "whole number"]);
}

#[test]
fn count_above_the_limit() {
    let text = with(GOOD, "count: 64", "count: 10000001");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "count: ", "10000001");
    assert_message(&problems[0], &["10000001", "from 0 to 10000000"]);
    // The limit itself is accepted.
    let text = with(GOOD, "count: 64", "count: 10000000");
    assert_eq!(loads(&text).plan.members[0].chips[0].count, 10_000_000);
}

#[test]
fn nan_in_a_float_field() {
    let text = with(GOOD, "mw: 2.0", "mw: NaN");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "mw: ", "NaN");
    assert_message(&problems[0], &["NaN", "expected a number from 0"]);
}

#[test]
fn inf_in_a_float_field() {
    let text = with(GOOD, "fte: 5.0", "fte: inf");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "fte: ", "inf");
    assert_message(&problems[0], &["infinite", "expected a number from 0"]);
}

#[test]
fn share_above_one() {
    let text = with(GOOD, "imported_share: 0.1", "imported_share: 1.5");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "imported_share: ", "1.5");
    assert_message(&problems[0], &["1.5", "expected a number from 0 to 1"]);
}

#[test]
fn mfu_zero() {
    let text = with(GOOD, "mfu: 0.4", "mfu: 0.0");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "mfu: ", "0.0");
    assert_message(&problems[0], &["MFU", "above 0"]);
}

#[test]
fn pue_below_one() {
    let text = with(GOOD, "pue: 1.2", "pue: 0.5");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "pue: ", "0.5");
    assert_message(
        &problems[0],
        &["PUE", "0.5", "expected a number from 1 to 3"],
    );
}

#[test]
fn target_days_out_of_range() {
    let text = with(GOOD, "target_days: 30.0", "target_days: 40000.0");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "target_days: ", "40000.0");
    assert_message(&problems[0], &["expected a number from 0 to 36500"]);
}

#[test]
fn unknown_field_typo_is_refused() {
    let text = with(GOOD, "    members: [", "    membrs: [");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "    ", "membrs");
    assert_message(&problems[0], &["membrs"]);
}

#[test]
fn unknown_field_typo_in_a_nested_line_is_refused() {
    let text = with(GOOD, "foreign_fte: 1.0", "foriegn_fte: 1.0");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "fte: 5.0, ", "foriegn_fte");
    assert_message(&problems[0], &["foriegn_fte", "foreign_fte"]);
}

#[test]
fn missing_required_field_points_at_the_struct_it_is_missing_from() {
    let text = with(GOOD, "            country: \"AR\",\n", "");
    let problems = refused(&text);
    // The parser notices at the member's closing parenthesis, the line after its experts.
    let (experts_line, _) = pos(&text, "experts: [(role: DataLanguage");
    assert_at(&problems[0], experts_line + 1, 9, 9);
    assert_message(&problems[0], &["missing field", "country"]);
}

#[test]
fn format_from_a_newer_version_opens_with_a_warning_when_everything_is_understood() {
    let text = with(GOOD, "format: 1,", "format: 99,");
    let loaded = loads(&text);
    assert_first_on(&loaded.problems, &text, "", "format: 99");
    assert_message(&loaded.problems[0], &["99", "newer version"]);
    assert_eq!(loaded.problems[0].path, "format");
    assert!(!loaded.problems[0].fatal);
    assert_eq!(
        loaded.plan.format, FORMAT_VERSION,
        "saving writes the format this version knows"
    );
}

#[test]
fn format_from_a_newer_version_with_unknown_content_is_refused_not_dropped() {
    let text = with(GOOD, "format: 1,", "format: 99,");
    let text = with(
        &text,
        "    members: [",
        "    delegations_v99: [],\n    members: [",
    );
    let problems = refused(&text);
    assert_first_on(&problems, &text, "", "format: 99");
    assert_message(&problems[0], &["99", "newer version", "not changed"]);
}

#[test]
fn a_newer_file_with_syntax_this_version_cannot_read_is_named_as_newer() {
    // Later syntax that this version cannot even tokenise must not hide that the file is
    // from a newer version: the version is read on its own, before the rest is parsed.
    let text = with(GOOD, "format: 1,", "format: 7,");
    let text = with(
        &text,
        "    members: [",
        "    extras_v7: <1 .. 2>,\n    members: [",
    );
    let problems = refused(&text);
    assert_first_on(&problems, &text, "", "format: 7");
    assert_message(&problems[0], &["7", "newer version"]);
}

#[test]
fn a_format_written_in_a_comment_or_a_string_is_not_the_files_format() {
    let text = with(GOOD, "format: 1,", "// format: 99,\n    format: 1,");
    let loaded = loads(&text);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn format_position_ignores_comments() {
    let text = with(
        GOOD,
        "// A small plan for the tests.",
        "// The file format is RON.",
    );
    let text = with(&text, "format: 1,", "format: 99,");
    let problems = loads(&text).problems;
    assert_first_on(&problems, &text, "", "format: 99");
}

#[test]
fn format_zero() {
    let text = with(GOOD, "format: 1,", "format: 0,");
    let problems = refused(&text);
    assert_first_on(&problems, &text, "", "format: 0");
    assert_message(&problems[0], &["format 0", "expected 1"]);
}

#[test]
fn file_larger_than_the_limit() {
    let padding = limits::MAX_FILE_BYTES as usize + 1 - GOOD.len();
    let text = format!("{GOOD}{}", " ".repeat(padding));
    assert_eq!(text.len() as u64, limits::MAX_FILE_BYTES + 1);
    match file::parse(&text, catalog()) {
        Err(FileError::TooLarge { bytes }) => assert_eq!(bytes, limits::MAX_FILE_BYTES + 1),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    // Exactly at the limit is still read.
    assert!(file::parse(&text[..text.len() - 1], catalog()).is_ok());
}

#[test]
fn load_refuses_a_large_file_before_reading_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(limits::MAX_FILE_BYTES * 4).expect("sparse file");
    match file::load(&path, catalog()) {
        Err(FileError::TooLarge { bytes }) => assert_eq!(bytes, limits::MAX_FILE_BYTES * 4),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

/// Parses on a thread with a fixed 2 MiB stack, so unbounded recursion would overflow it.
fn parse_on_small_stack(text: String) -> Result<Loaded, FileError> {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || file::parse(&text, catalog()))
        .expect("spawn")
        .join()
        .expect("parse panicked")
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let n = 10_000;
    let head = "(format: 1, name: \"x\", base_model: \"llama3.1-70b\",\n";
    let cases = [
        "[".repeat(n),
        format!("{}{}", "[".repeat(n), "]".repeat(n)),
        format!("{head} extra: {}", "[".repeat(n)),
        format!("{head} extra: {}{})", "[".repeat(n), "]".repeat(n)),
        format!("{head} extra: {}", "(".repeat(n)),
        format!("{head} extra: {}", "{1: ".repeat(n)),
        format!("{head} extra: {}", "Some(".repeat(n)),
        format!("{head} description: {}", "[".repeat(n)),
        format!("{head} members: {}", "[".repeat(n)),
        format!(
            "{head} members: [(country: \"CL\", chips: [(accelerator: \"nvidia_h100_sxm\", count: 1, hosted_in: {}",
            "Some(".repeat(n)
        ),
    ];
    for text in cases {
        let start = text.chars().take(60).collect::<String>();
        match parse_on_small_stack(text) {
            Err(FileError::Invalid(problems)) => {
                assert!(problems[0].fatal);
                assert!(problems[0].line.is_some(), "{problems:?}");
            }
            other => panic!("{start}…: expected Invalid, got {other:?}"),
        }
    }
}

#[test]
fn non_utf8_bytes_are_refused_with_their_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.ron");
    let mut bytes = GOOD.as_bytes().to_vec();
    // "Two members" -> "Two m\xE9mbers" (a lone Latin-1 é).
    let at = GOOD.find("Two members").expect("template text") + "Two m".len();
    bytes[at] = 0xE9;
    std::fs::write(&path, &bytes).expect("write");
    let (line, col) = pos(GOOD, "Two members");
    match file::load(&path, catalog()) {
        Err(FileError::NotText { line: l, column: c }) => {
            assert_eq!((l, c), (line, col + "Two m".len()));
        }
        other => panic!("expected NotText, got {other:?}"),
    }
}

#[test]
fn empty_file_is_refused_with_a_position() {
    let problems = refused("");
    assert_eq!(problems[0].line, Some(1));
    assert_eq!(problems[0].column, Some(1));
}

#[test]
fn fatal_problem_found_after_parsing_has_its_path() {
    // An impossible custom accelerator figure is checked after parsing; it still names its path.
    let text = with(
        GOOD,
        "    members: [",
        "    custom_accelerators: [(id: \"mine\", name: \"Mine\", vendor: \"Me\", vendor_country: \"CL\", bf16_tflops: 2e9)],\n    members: [",
    );
    let problems = refused(&text);
    let p = problems.iter().find(|p| p.fatal).expect("a fatal problem");
    assert_eq!(p.path, "custom_accelerators[0].bf16_tflops");
    assert_eq!(p.line, Some(pos(&text, "\"mine\"").0), "{p:?}");
}

// ---------------------------------------------------------------------------------------------
// Non-fatal problems: the plan still opens
// ---------------------------------------------------------------------------------------------

const UNKNOWNS: &str = r#"(
    format: 1,
    name: "Unknowns",
    base_model: "no-such-model",
    members: [
        (
            country: "CL",
            chips: [(accelerator: "nvidia_h100_sxm", count: 8, hosted_in: "QQ")],
            power: [(mw: 1.0, site: "ZZ")],
        ),
        (
            country: "AR",
            chips: [
                (accelerator: "nvidia_h999", count: 4),
                (accelerator: "nvidia_h100_sxm", count: 2, tenure: Rented(provider: "X", provider_country: "YY")),
            ],
        ),
        (country: "XX"),
        (country: "CL"),
    ],
)
"#;

fn problem<'a>(loaded: &'a Loaded, path: &str) -> &'a Problem {
    loaded
        .problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}; got {:?}", loaded.problems))
}

#[test]
fn unknown_references_still_load_with_positions_and_paths() {
    let loaded = loads(UNKNOWNS);
    assert_eq!(loaded.plan.members.len(), 4);
    assert!(
        loaded.problems.iter().all(|p| !p.fatal),
        "{:?}",
        loaded.problems
    );
    let cases = [
        ("base_model", "\"no-such-model\"", "unknown model id"),
        (
            "members[1].chips[0].accelerator",
            "\"nvidia_h999\"",
            "unknown accelerator id",
        ),
        ("members[2].country", "\"XX\"", "unknown country code"),
        (
            "members[0].chips[0].hosted_in",
            "\"QQ\"",
            "unknown country code",
        ),
        ("members[0].power[0].site", "\"ZZ\"", "unknown country code"),
        (
            "members[1].chips[1].tenure.provider_country",
            "\"YY\"",
            "unknown country code",
        ),
    ];
    for (path, value, message) in cases {
        let p = problem(&loaded, path);
        let (line, col) = pos(UNKNOWNS, value);
        assert_eq!((p.line, p.column), (Some(line), Some(col)), "{p:?}");
        assert_message(p, &[message]);
    }
    let dup = problem(&loaded, "members[3].country");
    assert!(!dup.fatal);
    assert!(dup.line.is_some() && dup.column.is_some(), "{dup:?}");
    assert_message(dup, &["already a member"]);
    assert_eq!(
        loaded.problems.len(),
        cases.len() + 1,
        "{:?}",
        loaded.problems
    );
    // Display gives "L:C: path: message", and with the file in front the
    // `FILE:LINE:COLUMN: message` form editors and terminals turn into a link.
    let p = problem(&loaded, "members[2].country");
    let (line, col) = pos(UNKNOWNS, "\"XX\"");
    let shown = p.to_string();
    assert!(
        shown.starts_with(&format!("{line}:{col}: members[2].country: ")),
        "{shown}"
    );
    assert!(
        p.in_file("plan.ron").starts_with(&format!(
            "plan.ron:{line}:{col}: members[2].country: unknown"
        )),
        "{}",
        p.in_file("plan.ron")
    );
    assert!(
        p.warning_in_file("plan.ron").starts_with(&format!(
            "plan.ron:{line}:{col}: warning: members[2].country: "
        )),
        "{}",
        p.warning_in_file("plan.ron")
    );
}

#[test]
fn duplicate_member_points_at_the_duplicate() {
    let loaded = loads(UNKNOWNS);
    let dup = problem(&loaded, "members[3].country");
    let (line, col) = pos_nth(UNKNOWNS, "\"CL\"", 1);
    assert_eq!((dup.line, dup.column), (Some(line), Some(col)), "{dup:?}");
}

#[test]
fn problem_positions_ignore_comments() {
    let text = with(
        GOOD,
        "// A small plan for the tests.",
        "// An earlier draft had accelerator: \"mystery\" here.",
    );
    let text = with(&text, "\"nvidia_h200_sxm\"", "\"mystery\"");
    let loaded = loads(&text);
    let p = problem(&loaded, "members[1].chips[0].accelerator");
    let (line, col) = pos_nth(&text, "\"mystery\"", 1);
    assert_eq!((p.line, p.column), (Some(line), Some(col)), "{p:?}");
}

#[test]
fn the_same_unknown_id_twice_gives_each_its_own_line() {
    let text = with(
        GOOD,
        r#"chips: [(accelerator: "nvidia_h200_sxm", count: 8)]"#,
        "chips: [\n                (accelerator: \"mystery\", count: 1),\n                (accelerator: \"mystery\", count: 2),\n            ]",
    );
    let text = with(&text, "\"nvidia_h100_sxm\"", "\"mystery\"");
    let loaded = loads(&text);
    let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "members[0].chips[0].accelerator",
            "members[1].chips[0].accelerator",
            "members[1].chips[1].accelerator",
        ]
    );
    for (n, p) in loaded.problems.iter().enumerate() {
        let (line, col) = pos_nth(&text, "\"mystery\"", n);
        assert_eq!((p.line, p.column), (Some(line), Some(col)), "{p:?}");
    }
}

#[test]
fn custom_definitions_resolve_references() {
    let text = with(
        GOOD,
        "    members: [",
        "    custom_accelerators: [(id: \"home_npu\", name: \"Home NPU\", vendor: \"Local\", vendor_country: \"CL\", bf16_tflops: 100.0)],\n    members: [",
    );
    let text = with(&text, "\"nvidia_h200_sxm\"", "\"home_npu\"");
    let loaded = loads(&text);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.plan.custom_accelerators[0].id, "home_npu");
}

// ---------------------------------------------------------------------------------------------
// The parser never panics
// ---------------------------------------------------------------------------------------------

/// Whatever parses must also survive a round trip: what the app accepts, it can save and reopen.
fn parse_never_panics(text: &str) {
    if let Ok(loaded) = file::parse(text, catalog()) {
        let again = file::to_ron(&loaded.plan);
        let back = file::parse(&again, catalog()).unwrap_or_else(|e| {
            panic!("accepted input does not re-open after saving: {e}\ninput:\n{text}")
        });
        assert_eq!(back.plan, loaded.plan, "input:\n{text}");
    }
}

fn valid_texts() -> Vec<String> {
    let mut texts: Vec<String> = save_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable save"))
        .collect();
    texts.push(GOOD.to_string());
    texts.push(UNKNOWNS.to_string());
    texts
}

fn valid_text() -> impl Strategy<Value = String> {
    prop::sample::select(valid_texts())
}

/// RON-ish tokens, so random inputs get past the first character more often.
fn token_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        2 => any::<char>().prop_map(String::from),
        3 => prop::sample::select(vec![
            "(", ")", "[", "]", "{", "}", ",", ":", "\"", "'", "//", "/*", "*/", "\n", "format",
            "format: 1,", "name: \"x\",", "base_model: \"llama3.1-70b\",", "members: [",
            "(country: \"CL\",", "chips: [", "(accelerator: \"nvidia_h100_sxm\", count: ", "mw: ",
            "fte: ", "NaN", "inf", "-inf", "-1", "1e400", "4294967296", "0x1F", "1_000", "r#\"",
            "\"#", "b\"", "Some(", "None", "true", "#![enable(implicit_some)]", "Serving(", "\\",
            "\u{feff}", "é", "😀",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

/// A snippet to splice into a valid file.
fn splice() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            ",",
            ")",
            "(",
            "]",
            "[",
            "\"",
            "NaN",
            "inf",
            "-1",
            "1e400",
            "99",
            "0",
            "None",
            "Some(",
            "//",
            "/*",
            "\n",
            "\u{0}",
            "extra: 1,",
            "format: 2,",
            "😀",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ]
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1000)))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        parse_never_panics(&text);
    }

    #[test]
    fn token_soup_never_panics(text in token_soup()) {
        parse_never_panics(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn truncated_files_never_panic(text in valid_text(), cut in any::<prop::sample::Index>()) {
        let at = floor_boundary(&text, cut.index(text.len() + 1));
        parse_never_panics(&text[..at]);
    }

    #[test]
    fn byte_flips_never_panic(
        text in valid_text(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = text.into_bytes();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        match String::from_utf8(bytes) {
            Ok(text) => parse_never_panics(&text),
            Err(e) => parse_never_panics(&String::from_utf8_lossy(e.as_bytes())),
        }
    }

    #[test]
    fn spliced_files_never_panic(
        text in valid_text(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), splice()), 1..4),
    ) {
        let mut text = text;
        for (at, snippet) in edits {
            let i = floor_boundary(&text, at.index(text.len() + 1));
            text.insert_str(i, &snippet);
        }
        parse_never_panics(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn load_never_panics_on_arbitrary_bytes(
        text in valid_text(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = text.into_bytes();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fuzz.ron");
        std::fs::write(&path, &bytes).expect("write");
        match file::load(&path, catalog()) {
            Err(FileError::NotText { line, column }) => {
                prop_assert!(std::str::from_utf8(&bytes).is_err());
                prop_assert!(line >= 1 && column >= 1);
            }
            Ok(_) | Err(FileError::Invalid(_)) => prop_assert!(std::str::from_utf8(&bytes).is_ok()),
            Err(other) => return Err(TestCaseError::fail(format!("unexpected {other:?}"))),
        }
    }
}

/// One fixture per released file-format version; each must keep opening in every later version.
#[test]
fn every_released_format_version_still_opens() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for version in 1..=consortium_planner::plan::FORMAT_VERSION {
        let path = dir.join(format!("format-{version}.ron"));
        let loaded = file::load(&path, catalog())
            .unwrap_or_else(|e| panic!("{}: a released format must open: {e}", path.display()));
        assert!(
            loaded.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.problems
        );
        assert_eq!(loaded.plan.format, consortium_planner::plan::FORMAT_VERSION);
        assert!(!loaded.plan.members.is_empty());
    }
}

/// The size-test plan holds every UN member state exactly once, each with several lines, so the
/// benchmarks and the app are exercised at the size of the largest real body.
#[test]
fn un_193_plan_has_every_un_member_with_several_lines() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/un-193.ron");
    let loaded = file::load(&path, catalog()).expect("saves/un-193.ron loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let plan = &loaded.plan;
    let mut in_plan: Vec<&str> = plan.members.iter().map(|m| m.country.as_str()).collect();
    in_plan.sort_unstable();
    let mut un: Vec<&str> = catalog()
        .countries
        .countries
        .iter()
        .filter(|c| c.un_member)
        .map(|c| c.code.as_str())
        .collect();
    un.sort_unstable();
    assert_eq!(in_plan, un);
    for m in &plan.members {
        let lines =
            m.chips.len() + m.power.len() + m.experts.len() + usize::from(m.funding.is_some());
        assert!(lines >= 2, "{} has only {lines} line(s)", m.country);
    }
    let with_chips = plan.members.iter().filter(|m| !m.chips.is_empty()).count();
    assert!(with_chips >= 30, "only {with_chips} members bring chips");
}

#[test]
fn a_plan_entry_that_reuses_a_catalog_id_is_a_warning_at_its_id() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/custom-accelerator-shadows-catalog-id.ron"),
    )
    .expect("read corpus file")
    .replace("id: \"regional-7b\"", "id: \"llama3.1-70b\"")
    .replace(
        "base_model: \"regional-7b\"",
        "base_model: \"llama3.1-70b\"",
    );
    let loaded = loads(&text);
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    let acc = problem(&loaded, "custom_accelerators[0].id");
    assert!(!acc.fatal, "the plan still opens: {acc}");
    assert_message(
        acc,
        &[
            "\"nvidia_h100_sxm\" is also the built-in catalog's accelerator",
            "replaces it",
        ],
    );
    let (line, col) = pos(&text, "\"nvidia_h100_sxm\",\n            name");
    assert_eq!((acc.line, acc.column), (Some(line), Some(col)), "{acc}");
    let model = problem(&loaded, "custom_models[0].id");
    assert_message(
        model,
        &["\"llama3.1-70b\" is also the built-in catalog's model"],
    );
    // The plan's own entry is what the plan uses.
    assert_eq!(
        loaded
            .plan
            .accelerator(catalog(), "nvidia_h100_sxm")
            .map(|a| a.name.as_str()),
        Some("Homegrown NPU")
    );
}
