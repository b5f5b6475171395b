//! Export-control and licence findings against the primary texts they apply.
//!
//! Sources (read 2026-12-03 from stored copies; see `assets/export_groups.ron` and the licence
//! `source` fields of `assets/models.ron`):
//! - 15 CFR 742.6(a)(6)(iii) as set by the Oct 2023 advanced-computing rule (88 FR 73458): ECCN
//!   3A090.a needs a licence to destinations in Country Groups D:1, D:4 or D:5 or Macau, less A:5 and
//!   A:6, and for entities headquartered in D:5 or Macau wherever they are (BIS guidance, 2025).
//! - EAR Supplement No. 1 to part 740 (country groups); Hong Kong is treated as China (85 FR 83765).
//! - Llama 3.1 Community License §2: the 700M monthly-active-user test is made "on the Llama 3.1
//!   version release date" for the licensee and its affiliates.
//! - Qwen (Tongyi Qianwen) licence: "your product or service has more than 100 million monthly
//!   active users" — an ongoing test.
//! - Llama 4 acceptable-use policy: rights to "any multimodal models included in Llama 4" are not
//!   granted to individuals domiciled in, or companies with a principal place of business in, the EU.
//! - DeepSeek License Agreement §7 and Gemma Terms of Use §3.2: the licensor "reserves the right to
//!   restrict (remotely or otherwise) usage".

use consortium_planner::analysis::{self, Finding, Report, Severity, Subject};
use consortium_planner::catalog::Catalog;
use consortium_planner::plan::{ChipLine, Member, Plan, Tenure, Workload, WorkloadKind};

fn analyze(plan: &Plan) -> Report {
    analysis::analyze(plan, Catalog::builtin())
}

fn line(accelerator: &str, count: u32, hosted_in: Option<&str>) -> ChipLine {
    ChipLine {
        years: Default::default(),
        price_usd: None,
        accelerator: accelerator.to_string(),
        count,
        tenure: Tenure::Owned,
        hosted_in: hosted_in.map(str::to_string),
    }
}

fn rented(accelerator: &str, count: u32, hosted_in: &str) -> ChipLine {
    ChipLine {
        tenure: Tenure::Rented {
            provider: "A cloud".to_string(),
            provider_country: "US".to_string(),
        },
        ..line(accelerator, count, Some(hosted_in))
    }
}

fn member(country: &str, chips: Vec<ChipLine>) -> Member {
    let mut m = Member::new(country);
    m.chips = chips;
    m
}

fn plan(model: &str, members: Vec<Member>) -> Plan {
    let mut plan = Plan::new("test", model);
    plan.members = members;
    plan
}

fn find<'a>(report: &'a Report, title: &str) -> Option<&'a Finding> {
    report.findings.iter().find(|f| f.title == title)
}

const EXPORT: &str = "US export licence needed";
const HEADQUARTERS: &str = "US export licence needed (headquarters)";
const REMOTE: &str = "Rented US chips used remotely";

fn export_blockers(report: &Report) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.title == EXPORT || f.title == HEADQUARTERS)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Export controls: per chip line, by design origin, destination and holder
// ---------------------------------------------------------------------------------------------

#[test]
fn a_chinese_member_holding_only_huawei_ascend_needs_no_us_export_licence() {
    let r = analyze(&plan(
        "qwen3-32b",
        vec![member("CN", vec![line("huawei_ascend_910b", 64, None)])],
    ));
    assert!(export_blockers(&r).is_empty(), "{:?}", r.findings);
    // The GP10 caution about using Ascend chips stays.
    assert!(find(&r, "Huawei Ascend and US rules").is_some());
}

#[test]
fn a_hong_kong_member_holding_h100_in_hong_kong_needs_a_licence() {
    // Hong Kong is treated as China under the EAR (85 FR 83765): D:1, D:4, D:5.
    let r = analyze(&plan(
        "qwen3-32b",
        vec![member("HK", vec![line("nvidia_h100_sxm", 8, None)])],
    ));
    let f = find(&r, EXPORT).expect("H100 delivered to Hong Kong needs a licence");
    assert_eq!(f.severity, Severity::Blocker);
    assert_eq!(f.members, vec!["HK"]);
    assert!(f.detail.contains("Hong Kong"), "{}", f.detail);
    assert!(f.detail.contains("D:5"), "{}", f.detail);
}

#[test]
fn a_vietnamese_member_holding_h200_in_vietnam_needs_a_licence_as_vietnam_is_in_d1() {
    // Vietnam is in Country Group D:1 and in neither A:5 nor A:6; NVIDIA's 8-K of Oct 2023 names
    // it among the destinations the rule reached.
    let r = analyze(&plan(
        "qwen3-32b",
        vec![member("VN", vec![line("nvidia_h200_sxm", 16, None)])],
    ));
    let f = find(&r, EXPORT).expect("H200 delivered to Vietnam needs a licence");
    assert_eq!(f.members, vec!["VN"]);
    assert!(f.detail.contains("D:1"), "{}", f.detail);
    assert!(f.detail.contains("rescinded"), "{}", f.detail);
}

#[test]
fn a_chilean_member_hosting_h100_in_china_needs_a_licence_for_that_line() {
    let r = analyze(&plan(
        "qwen3-32b",
        vec![member(
            "CL",
            vec![
                line("nvidia_h100_sxm", 8, Some("CN")),
                line("nvidia_h100_sxm", 32, None),
            ],
        )],
    ));
    let f = find(&r, EXPORT).expect("H100 hosted in China needs a licence");
    assert_eq!(f.members, vec!["CL"]);
    assert!(f.detail.contains("8 × NVIDIA H100"), "{}", f.detail);
    assert!(
        !f.detail.contains("32 ×"),
        "the line kept in Chile is not named: {}",
        f.detail
    );
}

#[test]
fn israel_is_excluded_as_an_a6_destination_and_saudi_arabia_is_not() {
    // Israel is in D:4 but also A:6; Saudi Arabia is in D:4 only.
    let il = analyze(&plan(
        "qwen3-32b",
        vec![member("IL", vec![line("nvidia_h100_sxm", 8, None)])],
    ));
    assert!(export_blockers(&il).is_empty(), "{:?}", il.findings);
    let sa = analyze(&plan(
        "qwen3-32b",
        vec![member("SA", vec![line("nvidia_h100_sxm", 8, None)])],
    ));
    assert!(find(&sa, EXPORT).is_some());
}

#[test]
fn a_member_based_in_d5_needs_a_licence_even_for_chips_hosted_in_germany() {
    let r = analyze(&plan(
        "qwen3-32b",
        vec![member("RU", vec![line("nvidia_h100_sxm", 8, Some("DE"))])],
    ));
    assert!(
        find(&r, EXPORT).is_none(),
        "Germany is not a licence destination"
    );
    let f = find(&r, HEADQUARTERS).expect("a D:5-based holder needs a licence anywhere");
    assert_eq!(f.severity, Severity::Blocker);
    assert_eq!(f.members, vec!["RU"]);
    assert!(f.detail.contains("742.6(a)(6)(iii)(A)"), "{}", f.detail);
}

#[test]
fn membership_alone_raises_no_export_finding() {
    // Myanmar (D:1, D:5) joins without chips; the chips are Chile's, hosted in Chile.
    let r = analyze(&plan(
        "qwen3-32b",
        vec![
            member("MM", Vec::new()),
            member("CL", vec![line("nvidia_h100_sxm", 8, None)]),
        ],
    ));
    assert!(export_blockers(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn rented_cloud_capacity_is_remote_access_not_an_export() {
    let r = analyze(&plan(
        "qwen3-32b",
        vec![member("CL", vec![rented("nvidia_h100_sxm", 64, "US")])],
    ));
    assert!(export_blockers(&r).is_empty(), "{:?}", r.findings);
    let f = find(&r, REMOTE).expect("rented US chips get the remote-access finding");
    assert_eq!(f.severity, Severity::Info);
    assert!(f.detail.contains("not an export"), "{}", f.detail);
    assert!(f.detail.contains("IaaS"), "{}", f.detail);

    // A member based in D:5 renting them deserves a caution, still not a licence blocker.
    let cn = analyze(&plan(
        "qwen3-32b",
        vec![member("CN", vec![rented("nvidia_h100_sxm", 64, "US")])],
    ));
    assert!(export_blockers(&cn).is_empty(), "{:?}", cn.findings);
    assert_eq!(find(&cn, REMOTE).unwrap().severity, Severity::Caution);
}

#[test]
fn the_country_groups_carry_their_source_and_the_day_they_were_read() {
    let g = &Catalog::builtin().export_groups;
    assert!(g.source.contains("Supplement No. 1"), "{}", g.source);
    assert_eq!(g.read_on.len(), 10, "a YYYY-MM-DD date: {}", g.read_on);
    assert!(g.diffusion_note.contains("rescinded"));
    assert!(g.licence_destination("HK") && g.licence_destination("MO"));
    // Cambodia left D:5 on 3 Feb 2026 but stays in D:1: a destination, no longer a headquarters.
    assert!(g.licence_destination("KH") && !g.licence_headquarters("KH"));
    for code in ["AF", "HT", "IQ", "LB", "NI"] {
        assert!(g.licence_headquarters(code), "{code} is in D:5");
    }
}

// ---------------------------------------------------------------------------------------------
// Licences
// ---------------------------------------------------------------------------------------------

fn serving(users: f64) -> Workload {
    Workload {
        members: Vec::new(),
        name: "assistant".to_string(),
        kind: WorkloadKind::Serving {
            users,
            tokens_per_user_per_day: 1000.0,
            precision: None,
        },
        target_days: None,
    }
}

#[test]
fn llama_on_a_two_billion_person_plan_has_no_user_threshold_blocker() {
    let mut p = plan(
        "llama3.1-70b",
        vec![
            member("IN", vec![line("nvidia_h100_sxm", 512, None)]),
            member("ID", Vec::new()),
            member("BR", Vec::new()),
        ],
    );
    p.workloads.push(serving(2e9));
    let r = analyze(&p);
    assert!(
        find(&r, "User threshold exceeded").is_none(),
        "{:?}",
        r.findings
    );
    assert!(find(&r, "User threshold within reach").is_none());
    assert!(r.findings.iter().all(|f| f.severity != Severity::Blocker));
    let f =
        find(&r, "User threshold tested at release").expect("the release-date test is explained");
    assert_eq!(f.severity, Severity::Info);
    assert!(f.detail.contains("2024-07-23"), "{}", f.detail);
    assert!(f.detail.contains("affiliates"), "{}", f.detail);
}

#[test]
fn qwen_2_5_72b_keeps_its_ongoing_threshold() {
    let mut p = plan(
        "qwen2.5-72b",
        vec![member("CL", vec![line("nvidia_h100_sxm", 512, None)])],
    );
    p.workloads.push(serving(150e6));
    let f = find(&analyze(&p), "User threshold exceeded")
        .cloned()
        .expect("150M users exceed Qwen's 100M threshold");
    assert_eq!(f.severity, Severity::Blocker);
    p.workloads[0] = serving(60e6);
    assert!(find(&analyze(&p), "User threshold exceeded").is_none());
}

#[test]
fn llama_4_with_an_eu_member_says_the_model_itself_is_multimodal() {
    let r = analyze(&plan(
        "llama4-maverick",
        vec![
            member("FR", vec![line("nvidia_h100_sxm", 64, None)]),
            member("CL", Vec::new()),
        ],
    ));
    let f = find(&r, "EU multimodal carve-out").expect("the carve-out applies");
    assert_eq!(f.members, vec!["FR"]);
    assert!(
        f.detail.contains("itself a multimodal model"),
        "{}",
        f.detail
    );
    assert!(f.detail.contains("legal entity"), "{}", f.detail);
    assert!(
        !f.detail.contains("text only"),
        "Scout and Maverick cannot be used text-only by EU licensees: {}",
        f.detail
    );
}

#[test]
fn deepseek_v3_and_gemma_carry_the_remote_restriction_and_apache_models_do_not() {
    let has = |model: &str| {
        let r = analyze(&plan(
            model,
            vec![member("CL", vec![line("nvidia_h100_sxm", 64, None)])],
        ));
        find(&r, "Licensor can restrict use remotely").map(|f| f.severity)
    };
    assert_eq!(has("deepseek-v3"), Some(Severity::Caution));
    assert_eq!(has("gemma3-27b"), Some(Severity::Caution));
    assert_eq!(has("qwen3-32b"), None);
    assert_eq!(has("deepseek-r1"), None);
}

#[test]
fn corrected_catalog_rows_match_their_model_cards() {
    let c = Catalog::builtin();
    let q30 = c.model("qwen3-30b-a3b").unwrap();
    assert_eq!((q30.total_params_b, q30.active_params_b), (30.5, 3.3));
    assert_eq!(c.model("qwen3-32b").unwrap().total_params_b, 32.8);
    assert_eq!(
        c.model("aya-expanse-32b").unwrap().context_k_tokens,
        Some(128.0)
    );
    // 2 × 80 layers × 8 KV heads × 128 head dim × 2 bytes.
    assert_eq!(
        c.model("apertus-70b").unwrap().kv_bytes_per_token_bf16,
        Some(327_680.0)
    );
    let kimi = c.model("kimi-k2").unwrap();
    let duty = kimi.licence.attribution_duty.as_deref().unwrap();
    assert!(
        duty.contains("100 million") && duty.contains("20 million"),
        "{duty}"
    );
    let qwen = c.model("qwen2.5-72b").unwrap();
    assert!(
        qwen.licence
            .attribution_duty
            .as_deref()
            .unwrap()
            .contains("Built with Qwen")
    );
    assert!(c.model("deepseek-v3").unwrap().notes.contains("V3-0324"));
    assert_eq!(
        c.accelerator("nvidia_gh200")
            .unwrap()
            .memory_supplier_countries,
        vec!["KR".to_string()]
    );
}

#[test]
fn a_finding_names_eight_lines_counts_the_rest_and_each_holder_once() {
    // 12 members with two Hong Kong lines each: 24 lines, 12 holders.
    let members: Vec<Member> = [
        "AR", "BR", "CL", "CO", "MX", "PE", "UY", "PY", "BO", "EC", "VE", "CR",
    ]
    .iter()
    .map(|c| {
        member(
            c,
            vec![
                line("nvidia_h100_sxm", 8, Some("HK")),
                line("nvidia_h200_sxm", 8, Some("HK")),
            ],
        )
    })
    .collect();
    let r = analyze(&plan("qwen3-32b", members));
    let f = find(&r, EXPORT).unwrap();
    assert_eq!(f.members.len(), 12, "{:?}", f.members);
    assert_eq!(f.members[0], "AR");
    assert!(f.detail.contains("and 16 more lines"), "{}", f.detail);
    // Venezuela is in D:5: its lines are delivered to Hong Kong, so they are in this finding, and
    // it does not get a second one for its headquarters.
    assert!(f.members.contains(&"VE"));
    assert!(find(&r, HEADQUARTERS).is_none());
}

#[test]
fn an_export_blocker_warning_points_at_the_member_holding_the_chips() {
    let r = analyze(&plan(
        "qwen3-32b",
        vec![
            member("CL", vec![line("nvidia_h100_sxm", 8, None)]),
            member("VN", vec![line("nvidia_h200_sxm", 8, None)]),
        ],
    ));
    let w = r
        .warnings
        .iter()
        .find(|w| w.message.starts_with(EXPORT))
        .expect("the blocker reaches the warnings");
    assert_eq!(
        w.subject,
        Subject::Member(1),
        "Show goes to Vietnam, not the model"
    );
}
