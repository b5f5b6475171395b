//! The command line, run as a real process: `report [--json]`, `validate`, `catalog`, and clear
//! errors (never a panic) for missing or broken files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .args(args)
        .output()
        .expect("run the consortium-planner binary")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a command that must succeed and returns its stdout.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} exited {:?}\nstderr:\n{}",
        out.status.code(),
        stderr(&out)
    );
    assert_no_panic(&out);
    stdout(&out)
}

fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "the binary panicked:\n{err}");
    // 101 is Rust's exit code for a panic.
    assert_ne!(out.status.code(), Some(101), "stderr:\n{err}");
}

fn latam() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/latam-gpt.ron")
}

fn latam_str() -> String {
    latam().to_str().expect("UTF-8 path").to_string()
}

fn number(v: &Value, path: &str) -> f64 {
    let mut at = v;
    for key in path.split('.') {
        at = at
            .get(key)
            .unwrap_or_else(|| panic!("JSON lacks {path:?} (at {key:?})"));
    }
    let n = at
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number: {at}"));
    assert!(n.is_finite(), "{path} = {n}");
    n
}

fn share(v: &Value, path: &str) -> f64 {
    let n = number(v, path);
    assert!((0.0..=1.0).contains(&n), "{path} = {n} is not in [0, 1]");
    n
}

/// Checks the documented shape of `report --json` and the pooled total; returns the value.
fn check_report_json(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).expect("report --json prints JSON");
    assert_eq!(v["json_version"], 1);
    for path in [
        "pooled.bf16_pflops",
        "pooled.accelerators",
        "pooled.memory_tb",
        "power.required_mw",
        "power.contributed_mw",
        "experts.total_fte",
    ] {
        assert!(number(&v, path) >= 0.0, "{path} is negative");
    }
    let members = v["members"].as_array().expect("members is an array");
    assert!(!members.is_empty());
    let mut accelerators = 0.0;
    let mut stakes = 0.0;
    for (i, m) in members.iter().enumerate() {
        assert!(
            m["country"].as_str().is_some_and(|c| c.len() == 2),
            "members[{i}].country: {}",
            m["country"]
        );
        for key in ["accelerators", "bf16_pflops", "power_mw", "experts_fte"] {
            assert!(number(m, key) >= 0.0, "members[{i}].{key} is negative");
        }
        accelerators += number(m, "accelerators");
        stakes += share(m, "stake");
    }
    assert_eq!(
        number(&v, "pooled.accelerators"),
        accelerators,
        "pooled accelerators differ from the sum over members"
    );
    assert!((stakes - 1.0).abs() < 1e-9, "stakes sum to {stakes}");
    let workloads = v["workloads"].as_array().expect("workloads is an array");
    for (i, w) in workloads.iter().enumerate() {
        let kind = w["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("workloads[{i}].kind: {}", w["kind"]));
        for key in ["train_flops", "gpu_hours", "days"] {
            assert!(w.get(key).is_some(), "workloads[{i}] lacks {key}: {w}");
            if kind == "serving" {
                assert!(w[key].is_null(), "serving workloads[{i}].{key}: {}", w[key]);
            } else {
                assert!(number(w, key) >= 0.0, "workloads[{i}].{key} is negative");
            }
        }
        if kind == "serving" {
            assert!(w["serving"].is_object(), "serving workloads[{i}]: {w}");
        }
    }
    let layers = v["dependency"]["layers"]
        .as_object()
        .expect("dependency.layers is an object");
    for key in [
        "chip_design",
        "chip_fab",
        "memory",
        "hosting",
        "model",
        "talent",
        "energy",
    ] {
        assert!(layers.contains_key(key), "dependency.layers lacks {key}");
        share(&v, &format!("dependency.layers.{key}"));
    }
    share(&v, "dependency.overall");
    assert_documented_keys(&v);
    v
}

/// Every key the README's `report --json` section documents, by object.
fn assert_documented_keys(v: &Value) {
    let has = |at: &Value, keys: &[&str], what: &str| {
        for key in keys {
            assert!(
                at.get(key).is_some(),
                "{what} lacks documented key {key:?}: {at}"
            );
        }
    };
    has(
        v,
        &[
            "json_version",
            "plan",
            "model",
            "pooled",
            "power",
            "experts",
            "members",
            "workloads",
            "dependency",
            "findings",
            "warnings",
        ],
        "the report",
    );
    has(&v["plan"], &["name", "base_model", "members"], "plan");
    if !v["model"].is_null() {
        has(
            &v["model"],
            &[
                "id",
                "name",
                "total_params_b",
                "active_params_b",
                "developer_country",
                "developed_in_consortium",
            ],
            "model",
        );
    }
    has(
        &v["pooled"],
        &[
            "accelerators",
            "bf16_pflops",
            "fp8_pflops",
            "training_pflops",
            "memory_tb",
            "memory_bandwidth_tbs",
        ],
        "pooled",
    );
    has(
        &v["power"],
        &[
            "it_mw",
            "required_mw",
            "rented_mw",
            "members_required_mw",
            "contributed_mw",
            "headroom_mw",
            "energy_mwh_per_year",
            "cost_usd_per_year",
        ],
        "power",
    );
    has(
        &v["experts"],
        &["total_fte", "foreign_fte", "needed_fte", "by_role"],
        "experts",
    );
    for role in [
        "ml_research",
        "ml_engineering",
        "data_language",
        "infra_ops",
        "policy_legal_ethics",
    ] {
        has(
            &v["experts"]["by_role"][role],
            &["have_fte", "need_fte"],
            role,
        );
    }
    for m in v["members"].as_array().expect("members") {
        has(
            m,
            &[
                "country",
                "name",
                "accelerators",
                "bf16_pflops",
                "fp8_pflops",
                "memory_tb",
                "power_mw",
                "required_mw",
                "experts_fte",
                "foreign_fte",
                "value_usd",
                "stake",
                "population",
                "gdp_usd",
                "population_share",
                "gdp_share",
            ],
            "members[]",
        );
    }
    for w in v["workloads"].as_array().expect("workloads") {
        has(
            w,
            &[
                "name",
                "kind",
                "train_flops",
                "gpu_hours",
                "days",
                "energy_mwh",
                "energy_cost_usd",
                "memory_needed_gb",
                "memory_available_gb",
                "fits",
                "target_days",
                "target_met",
                "serving",
            ],
            "workloads[]",
        );
        if !w["serving"].is_null() {
            has(
                &w["serving"],
                &[
                    "precision",
                    "weights_gb",
                    "kv_gb_per_user",
                    "demand_tokens_per_s",
                    "capacity_tokens_per_s",
                    "replicas",
                    "accelerators_serving",
                    "accelerators_per_replica",
                    "batch_per_replica",
                    "tokens_per_s_per_user",
                    "bandwidth_bound",
                    "meets_demand",
                ],
                "workloads[].serving",
            );
        }
        let kind = w["kind"].as_str().expect("kind");
        assert!(
            [
                "pretraining",
                "continued_pretraining",
                "full_fine_tune",
                "lora_fine_tune",
                "qlora_fine_tune",
                "serving",
            ]
            .contains(&kind),
            "undocumented workload kind {kind}"
        );
    }
    has(
        &v["dependency"],
        &["layers", "suppliers", "empty_layers", "overall"],
        "dependency",
    );
    assert!(v["dependency"]["empty_layers"].is_array());
    for f in v["findings"].as_array().expect("findings") {
        has(f, &["severity", "title", "detail", "members"], "findings[]");
        let severity = f["severity"].as_str().expect("severity");
        assert!(
            ["blocker", "caution", "info"].contains(&severity),
            "undocumented severity {severity}"
        );
    }
    for w in v["warnings"].as_array().expect("warnings") {
        has(w, &["severity", "subject", "message"], "warnings[]");
        assert!(w["subject"]["kind"].is_string(), "{w}");
    }
    for s in v["stress"].as_array().into_iter().flatten() {
        has(
            s,
            &[
                "shock",
                "name",
                "description",
                "custom",
                "bf16_pflops",
                "bf16_pflops_lost_share",
                "accelerators_lost",
                "workloads_meeting_target",
                "workloads_with_target",
                "serving_meets_demand",
                "days_lost",
                "experts_fte_lost",
                "power_mw_lost",
                "mitigation_usd",
                "mitigation",
                "years",
            ],
            "stress[]",
        );
        has(
            &s["mitigation"],
            &["accelerator", "accelerators", "power_mw", "experts_fte"],
            "stress[].mitigation",
        );
        for y in s["years"].as_array().expect("years") {
            has(
                y,
                &[
                    "year",
                    "bf16_pflops",
                    "workloads_meeting_target",
                    "dependency_overall",
                ],
                "stress[].years[]",
            );
        }
    }
}

#[test]
fn report_json_on_the_built_in_plan() {
    let v = check_report_json(&ok(&["report", "--json"]));
    assert_eq!(v["plan"]["name"], "Latam-GPT consortium");
    assert_eq!(v["workloads"].as_array().expect("workloads").len(), 3);
    assert!(number(&v, "pooled.accelerators") > 0.0);
}

#[test]
fn report_json_on_a_file_matches_the_built_in_plan() {
    let from_file = check_report_json(&ok(&["report", "--json", &latam_str()]));
    assert_eq!(from_file["plan"]["name"], "Latam-GPT consortium");
    let built_in: Value = serde_json::from_str(&ok(&["report", "--json"])).expect("JSON");
    assert_eq!(from_file, built_in);
}

#[test]
fn report_json_on_every_save() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    for entry in std::fs::read_dir(&dir).expect("saves/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let v = check_report_json(&ok(&["report", "--json", path.to_str().expect("path")]));
            assert!(v["plan"]["name"].is_string(), "{}", path.display());
        }
    }
}

#[test]
fn report_text_names_the_plan_and_pooled_capacity() {
    for args in [vec!["report"], vec!["report", &latam_str()]] {
        let text = ok(&args.iter().map(|s| s.as_ref()).collect::<Vec<&str>>());
        assert!(text.contains("Latam-GPT consortium"), "{text}");
        assert!(text.contains("Pooled capacity"), "{text}");
    }
}

#[test]
fn report_text_has_a_budget_block_with_the_json_figures() {
    use consortium_planner::numbers::{usd, usd_range};
    let text = ok(&["report", &latam_str()]);
    let json: Value = serde_json::from_str(&ok(&["report", "--json", &latam_str()]))
        .expect("report --json is JSON");
    let b = &json["budget"];
    let range = |key: &str| {
        [
            b[key][0].as_f64().expect(key),
            b[key][1].as_f64().expect(key),
        ]
    };
    let block: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Budget"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        block.first(),
        Some(&"Budget (US dollars, over 5 years)"),
        "{text}"
    );
    let expected = [
        format!(
            "  one-off           {}",
            usd_range(number(b, "one_off_usd"), range("one_off_usd_range"))
        ),
        format!(
            "  per year          {}",
            usd_range(number(b, "per_year_usd"), range("per_year_usd_range"))
        ),
        format!(
            "  total, 5 years    {}",
            usd_range(number(b, "total_usd"), range("total_usd_range"))
        ),
        format!(
            "  funded            {:.0} % (cash {}, in kind {}); gap {}",
            number(b, "funded_share") * 100.0,
            usd(number(b, "funding_usd")),
            usd(number(b, "in_kind_usd")),
            usd(number(b, "gap_usd"))
        ),
        format!(
            "  rent or own       rent {} vs own {}",
            usd(number(b, "rent_vs_own.rent_total_usd")),
            usd(number(b, "rent_vs_own.own_total_usd"))
        ),
    ];
    for line in &expected {
        assert!(
            block.contains(&line.as_str()),
            "{line:?} not in\n{}",
            block.join("\n")
        );
    }
    let break_even = number(b, "rent_vs_own.break_even_utilisation");
    assert!(
        block.iter().any(|l| l.ends_with(&format!(
            "owning breaks even at {:.0} % utilisation",
            break_even * 100.0
        ))),
        "{block:?}"
    );
    assert!(
        block.iter().all(|l| l.chars().count() <= 90),
        "readable width: {block:?}"
    );
}

#[test]
fn validate_a_good_file() {
    let text = ok(&["validate", &latam_str()]);
    assert!(text.contains("valid"), "{text}");
}

/// Writes `text` to a temporary `.ron` file (kept alive by the returned handle).
fn temp_plan(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new()
        .suffix(".ron")
        .tempfile()
        .expect("temp file");
    std::io::Write::write_all(&mut f, text.as_bytes()).expect("write temp plan");
    f
}

/// 1-based line and column (in characters) of the first `needle`.
fn pos(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).expect("needle in text");
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

const BAD: &str = r#"// A plan with an impossible power figure.
(
    format: 1,
    name: "Bad",
    base_model: "llama3.1-70b",
    members: [
        (
            country: "CL",
            power: [(mw: -5.0)],
        ),
    ],
)
"#;

#[test]
fn validate_a_bad_file_names_line_and_column() {
    let file = temp_plan(BAD);
    let out = run(&["validate", file.path().to_str().expect("path")]);
    assert_no_panic(&out);
    assert!(!out.status.success(), "a bad file validated");
    let err = stderr(&out);
    let (line, col) = pos(BAD, "-5.0");
    assert!(
        err.contains(&format!(
            "{}:{line}:{col}: ",
            file.path().to_str().expect("path")
        )),
        "stderr lacks FILE:{line}:{col}:\n{err}"
    );
    assert!(err.contains("expected a number from 0"), "{err}");
    assert!(err.contains(file.path().to_str().expect("path")), "{err}");
}

#[test]
fn validate_reports_non_fatal_problems_and_fails() {
    let text = BAD.replace("mw: -5.0", "mw: 5.0").replace(
        "country: \"CL\"",
        "country: \"CL\",\n            chips: [(accelerator: \"no_such_chip\", count: 1)]",
    );
    let file = temp_plan(&text);
    let out = run(&["validate", file.path().to_str().expect("path")]);
    assert_no_panic(&out);
    assert!(!out.status.success());
    let err = stderr(&out);
    let (line, col) = pos(&text, "\"no_such_chip\"");
    assert!(
        err.contains(&format!(":{line}:{col}: members[0].chips[0].accelerator")),
        "{err}"
    );
    // `report` still runs on such a plan, with the problem as a warning.
    let out = run(&["report", file.path().to_str().expect("path")]);
    assert_no_panic(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            ":{line}:{col}: warning: members[0].chips[0].accelerator"
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_on_a_bad_file_fails_with_the_position() {
    let file = temp_plan(BAD);
    let out = run(&["report", "--json", file.path().to_str().expect("path")]);
    assert_no_panic(&out);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let (line, _) = pos(BAD, "-5.0");
    assert!(
        stderr(&out).contains(&format!(":{line}:")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn catalog_chips_lists_the_h100() {
    let text = ok(&["catalog", "chips"]);
    let h100 = text
        .lines()
        .find(|l| l.starts_with("nvidia_h100_sxm:"))
        .unwrap_or_else(|| panic!("no nvidia_h100_sxm line:\n{text}"));
    assert!(h100.contains("989"), "{h100}");
}

#[test]
fn catalog_models_countries_and_presets() {
    let models = ok(&["catalog", "models"]);
    assert!(
        models.lines().any(|l| l.starts_with("llama3.1-70b:")),
        "{models}"
    );
    let countries = ok(&["catalog", "countries"]);
    assert!(
        countries
            .lines()
            .any(|l| l.starts_with("CL ") && l.contains("Chile")),
        "{countries}"
    );
    let presets = ok(&["catalog", "presets"]);
    assert!(presets.lines().any(|l| l.starts_with("eu27:")), "{presets}");
    let all = ok(&["catalog"]);
    for part in [&models, &countries, &presets] {
        assert!(all.contains(part.trim()), "catalog (all) lacks a part");
    }
}

#[test]
fn catalog_export_groups_lists_the_groups_with_their_source() {
    // EAR Supplement No. 1 to part 740: Vietnam in D:1, Israel in A:6; Hong Kong treated as China.
    let text = ok(&["catalog", "export-groups"]);
    assert!(text.contains("Supplement No. 1"), "{text}");
    let row = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} row:\n{text}"))
            .to_string()
    };
    assert!(row("D:1:").split(' ').any(|c| c == "VN"));
    assert!(row("A:6:").split(' ').any(|c| c == "IL"));
    assert!(text.contains("HK is treated as CN"), "{text}");
    assert!(
        ok(&["catalog"]).contains(text.trim()),
        "catalog (all) lacks the groups"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-plan.ron");
    let missing = missing.to_str().expect("path");
    for args in [
        vec!["validate", missing],
        vec!["report", missing],
        vec!["report", "--json", missing],
    ] {
        let out = run(&args);
        assert_no_panic(&out);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = stderr(&out);
        assert!(err.contains("no-such-plan.ron"), "{err}");
        assert!(err.to_lowercase().contains("no such file"), "{err}");
        assert!(out.stdout.is_empty(), "{}", stdout(&out));
    }
}

#[test]
fn a_directory_or_non_text_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(&["validate", dir.path().to_str().expect("path")]);
    assert_no_panic(&out);
    assert!(!out.status.success());
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, b"(\n  format: 1,\n  name: \"\xff\",\n)").expect("write");
    let out = run(&["validate", binary.to_str().expect("path")]);
    assert_no_panic(&out);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not UTF-8 text (invalid byte at line 3, column 10)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_on_a_plan_at_the_limits_does_not_panic() {
    // 430 lines of the largest allowed count: within every file limit, but 4.3e9 chips in total
    // (more than u32 holds), with a training and a serving workload to size on them.
    let line = "(accelerator: \"nvidia_h100_sxm\", count: 10000000)";
    let text = format!(
        "(format: 1, name: \"Huge\", base_model: \"llama3.1-70b\",\n workloads: [\n (name: \"pre\", kind: Pretraining(tokens: 1e16), target_days: 1.0),\n (name: \"serve\", kind: Serving(users: 1e16, tokens_per_user_per_day: 1e16)),\n ],\n members: [(country: \"CL\", chips: [{}])])",
        vec![line; 430].join(",\n")
    );
    let file = temp_plan(&text);
    let path = file.path().to_str().expect("path");
    ok(&["validate", path]);
    let v = check_report_json(&ok(&["report", "--json", path]));
    assert_eq!(number(&v, "pooled.accelerators"), 4.3e9);
    ok(&["report", path]);
}

#[test]
fn a_closed_pipe_does_not_panic() {
    use std::process::Stdio;
    // `catalog` prints ~78 KB, more than a pipe holds, so closing the reading end early makes the
    // binary's writes fail with EPIPE, as `consortium-planner catalog | head -1` does.
    let mut child = Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .arg("catalog")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_no_panic(&out);
}
