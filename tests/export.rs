//! `export`: the HTML report is well formed, self-contained and escapes every text from the plan;
//! it names every member and carries its charts; Markdown has the tables; the CSV reads back as a
//! spreadsheet would; the command writes the files and refuses what it cannot do.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use consortium_planner::analysis::years::default_report as analyze;
use consortium_planner::catalog::Catalog;
use consortium_planner::export::{COLUMNS, Format, WHO_PAYS_COLUMNS, export};
use consortium_planner::file;
use consortium_planner::numbers::{percent, usd, usd_number};
use consortium_planner::plan::RentalRate;
use consortium_planner::plan::{ChipLine, Member, Plan, PowerLine, Tenure, Workload, WorkloadKind};

const HOSTILE: &str = "<script>alert(1)</script> & \"x\" 'y'";

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn save(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name)
}

fn load(name: &str) -> Plan {
    file::load(&save(name), catalog())
        .expect("example opens")
        .plan
}

/// A plan whose every free-text field carries markup, quotes and CSV/formula hazards.
fn hostile_plan() -> Plan {
    let mut plan = load("latam-gpt.ron");
    plan.name = HOSTILE.to_string();
    plan.description = format!("Line one\n{HOSTILE} <img src=x onerror=alert(2)>");
    plan.workloads.push(Workload {
        members: Vec::new(),
        name: format!("{HOSTILE} | piped"),
        kind: WorkloadKind::FullFineTune { tokens: 1e9 },
        target_days: None,
    });
    let mut custom = plan.base(catalog()).expect("base model").clone();
    custom.id = "our_model".into();
    custom.name = format!("{HOSTILE} model");
    plan.custom_models.push(custom);
    plan.base_model = "our_model".into();
    let mut m = Member::new("<b>ZZ</b>");
    m.chips.push(ChipLine {
        years: Default::default(),
        price_usd: None,
        accelerator: "nvidia_h100_sxm".into(),
        count: 8,
        tenure: Tenure::Rented {
            provider: "Cloud, \"Big\"\nCo".into(),
            provider_country: "=HYPERLINK(\"http://evil\")".into(),
        },
        hosted_in: None,
    });
    m.power.push(PowerLine {
        years: Default::default(),
        usd_per_mwh: None,
        mw: 2.0,
        source: Default::default(),
        site: Some("@SUM(1)".into()),
        imported_share: 0.0,
    });
    plan.members.push(m);
    plan
}

/// All text of a parsed document, concatenated (what a reader sees).
fn all_text(doc: &roxmltree::Document) -> String {
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_html(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the HTML is not well formed: {e}"))
}

#[test]
fn html_is_well_formed_and_self_contained() {
    let html = export(&load("latam-gpt.ron"), catalog(), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let doc = parse_html(&html);
    assert_eq!(doc.root_element().tag_name().name(), "html");
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            !["script", "link", "img", "iframe", "object"].contains(&tag),
            "external or active element <{tag}>"
        );
        for attr in node.attributes() {
            assert!(
                !["src", "href"].contains(&attr.name()) && !attr.name().starts_with("on"),
                "attribute {}={:?} on <{tag}>",
                attr.name(),
                attr.value()
            );
        }
    }
    // The only URL is the SVG namespace name, which is never fetched.
    let urls = html.matches("http").count();
    let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(urls, namespaces, "no external URLs");
    assert!(html.contains("@page { size: A4"), "print CSS for A4");
}

#[test]
fn user_text_appears_only_escaped_in_html() {
    let plan = hostile_plan();
    let html = export(&plan, catalog(), Format::Html);
    assert!(!html.contains("<script"), "raw script tag in the output");
    assert!(!html.contains("<img"), "raw img tag in the output");
    assert!(
        !html.contains("<b>ZZ"),
        "raw member code markup in the output"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"),
        "the name is escaped"
    );
    let doc = parse_html(&html);
    let h1 = doc
        .descendants()
        .find(|n| n.has_tag_name("h1"))
        .expect("a title");
    assert_eq!(
        h1.text(),
        Some(HOSTILE),
        "the reader sees the name as typed"
    );
    let text = all_text(&doc);
    for expected in [
        format!("{HOSTILE} model"),
        format!("{HOSTILE} | piped"),
        "<b>ZZ</b>".to_string(),
    ] {
        assert!(text.contains(&expected), "missing {expected:?}");
    }
}

#[test]
fn html_names_every_member_and_draws_the_charts() {
    let plan = load("african-union.ron");
    assert!(plan.members.len() >= 55);
    let html = export(&plan, catalog(), Format::Html);
    let doc = parse_html(&html);
    let text = all_text(&doc);
    for m in &plan.members {
        let name = catalog().country_name(&m.country);
        assert!(text.contains(name), "member {name} missing from the report");
    }
    let svgs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg"))
        .collect();
    assert_eq!(
        svgs.len(),
        6,
        "compute, power, experts, dependency, stakes and rent-or-own charts"
    );
    let chart_text = |title: &str| {
        let svg = svgs
            .iter()
            .find(|s| {
                s.children()
                    .find(|c| c.has_tag_name("title"))
                    .and_then(|t| t.text())
                    .is_some_and(|t| t.starts_with(title))
            })
            .unwrap_or_else(|| panic!("no chart titled {title:?}"));
        svg.descendants()
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        chart_text("Compute").contains("(PFLOP/s)"),
        "compute axis unit"
    );
    assert!(
        chart_text("Power").contains("Power (MW)"),
        "power axis unit"
    );
    assert!(
        chart_text("Experts").contains("Experts (FTE)"),
        "experts axis unit"
    );
    let dependency = chart_text("Foreign dependency");
    assert!(dependency.contains("Chip design") && dependency.contains("100 %"));
    let stakes = chart_text("Members' stakes");
    assert!(
        stakes.contains("Population share") && stakes.contains("GDP share"),
        "legend"
    );
    // 55 members would be unreadable as bars: the largest 15 and the rest summed.
    assert!(stakes.contains("40 others"), "{stakes}");
    for svg in &svgs {
        assert!(
            svg.children().any(|c| c.has_tag_name("title")),
            "each chart has a title"
        );
    }
}

#[test]
fn markdown_has_the_tables_with_escaped_cells() {
    let plan = hostile_plan();
    let md = export(&plan, catalog(), Format::Markdown);
    assert!(md.starts_with("# "));
    assert!(md.contains("| Member | Accelerators | BF16 PFLOP/s |"));
    let member_rows = md
        .lines()
        .skip_while(|l| !l.starts_with("| Member | Accelerators"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .count();
    assert_eq!(member_rows, plan.members.len(), "one row per member");
    assert!(md.contains("| Layer | Foreign share |"));
    assert!(md.contains("| Assumption | Value | Default | Source of the default |"));
    assert!(md.contains("## Base model and licence"));
    // A pipe in a workload name must not split the cell; markup must not render.
    assert!(md.contains("\\| piped"), "pipe escaped");
    assert!(!md.contains("<script"), "markup shown literally");
    for line in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("piped"))
    {
        let cells = line.replace("\\|", "").matches('|').count() - 1;
        // The training table has 9 columns, the budget's cost-per-workload table 3.
        assert!(
            cells == 9 || cells == 3,
            "row keeps its table's columns: {line}"
        );
    }
}

#[test]
fn csv_reads_back_with_one_row_per_line_and_hostile_cells_intact() {
    let plan = hostile_plan();
    let text = export(&plan, catalog(), Format::Csv);
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\r'), "CRLF only");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, COLUMNS);
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    let lines: usize = plan
        .members
        .iter()
        .map(|m| m.chips.len() + m.power.len() + m.experts.len() + usize::from(m.funding.is_some()))
        .sum();
    assert_eq!(records.len(), lines, "one row per contribution line");
    assert!(records.iter().all(|r| r.len() == COLUMNS.len()));
    let rented = records
        .iter()
        .find(|r| &r[0] == "<b>ZZ</b>" && &r[2] == "chips")
        .expect("the hostile member's chips");
    assert_eq!(
        &rented[8], "Cloud, \"Big\"\nCo",
        "comma, quote, newline survive"
    );
    assert_eq!(
        &rented[9], "'=HYPERLINK(\"http://evil\")",
        "formula defused"
    );
    assert_eq!(&rented[5], "8", "quantity stays a number");
    let power = records
        .iter()
        .find(|r| &r[0] == "<b>ZZ</b>" && &r[2] == "power")
        .expect("the hostile member's power");
    assert_eq!(&power[10], "'@SUM(1)");
    let cl_funding = records
        .iter()
        .find(|r| &r[0] == "CL" && &r[2] == "funding")
        .expect("CL funding");
    assert_eq!((&cl_funding[5], &cl_funding[6]), ("10000000", "USD"));
}

// ---- the command line ----

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_consortium-planner"))
        .args(args)
        .output()
        .expect("run the consortium-planner binary")
}

#[test]
fn cli_writes_each_format_and_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = save("latam-gpt.ron");
    let plan = plan.to_str().expect("UTF-8");
    for (format, name, start) in [
        ("html", "r.html", "<!DOCTYPE html>"),
        ("md", "r.md", "# Latam-GPT consortium"),
        ("csv", "r.csv", "country,member,kind"),
    ] {
        let out_path = dir.path().join(name);
        let out = run(&[
            "export",
            plan,
            "--format",
            format,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = std::fs::read_to_string(&out_path).expect("file written");
        assert!(written.starts_with(start), "{format}: {}", &written[..40]);
    }
    let out = run(&["export", plan, "--format", "csv", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("country,member,kind"));
}

#[test]
fn cli_refuses_an_unknown_format_a_missing_plan_and_an_unwritable_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = save("latam-gpt.ron");
    let plan = plan.to_str().expect("UTF-8");
    let target = dir.path().join("r.pdf");
    let out = run(&[
        "export",
        plan,
        "--format",
        "pdf",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value 'pdf'"), "{err}");
    assert!(err.contains("html, md, csv"), "lists the formats: {err}");
    assert!(!target.exists());

    let missing = dir.path().join("nope.ron");
    let out = run(&[
        "export",
        missing.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nope.ron") && err.to_lowercase().contains("no such file"),
        "{err}"
    );

    let nowhere = dir.path().join("no-such-folder").join("r.html");
    let out = run(&[
        "export",
        plan,
        "--format",
        "html",
        "-o",
        nowhere.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("could not export") && err.contains("r.html"),
        "{err}"
    );
    assert!(!nowhere.exists());
}

#[test]
fn cli_refuses_to_export_over_a_plan_file_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("east-africa.ron");
    std::fs::copy(save("latam-gpt.ron"), &plan).expect("copy the plan");
    let original = std::fs::read_to_string(&plan).expect("read plan");
    let plan_arg = plan.to_str().expect("UTF-8");

    // Onto the plan itself, onto another .ron name, and onto a plan kept under another name.
    let other_plan = dir.path().join("kept.txt");
    std::fs::copy(&plan, &other_plan).expect("copy");
    for target in [
        plan.clone(),
        dir.path().join("report.ron"),
        other_plan.clone(),
    ] {
        let before = std::fs::read(&target).ok();
        let out = run(&[
            "export",
            plan_arg,
            "--format",
            "html",
            "-o",
            target.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", target.display());
        assert!(
            err.contains("refused") && err.contains("--force"),
            "says why and how to insist: {err}"
        );
        assert_eq!(std::fs::read(&target).ok(), before, "nothing written");
    }
    assert_eq!(std::fs::read_to_string(&plan).expect("read"), original);

    // --force writes it (the plan survives as the .bak).
    let out = run(&[
        "export", plan_arg, "--format", "md", "-o", plan_arg, "--force",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&plan)
            .expect("read")
            .starts_with("# ")
    );
    let bak = std::fs::read_to_string(file_bak(&plan)).expect("the .bak keeps the plan");
    assert_eq!(bak, original);
}

fn file_bak(path: &std::path::Path) -> std::path::PathBuf {
    consortium_planner::file::backup_path(path)
}

#[test]
fn the_report_states_language_coverage_and_the_uncovered_languages() {
    // The Latam plan runs on Llama 3.1 70B, which lacks Quechua.
    let md = export(&load("latam-gpt.ron"), catalog(), Format::Markdown);
    let section = md
        .split("## Languages")
        .nth(1)
        .expect("a Languages section");
    // It says which measure the figure rests on: first-language figures or speaker shares.
    assert!(section.contains("in a language they speak"), "{section}");
    assert!(section.contains("first-language figures for"), "{section}");
    assert!(section.contains("| Language | Speakers | Members |"));
    assert!(section.contains("Quechua (qu)"));
    let html = export(&load("latam-gpt.ron"), catalog(), Format::Html);
    assert!(all_text(&parse_html(&html)).contains("Quechua (qu)"));
}

// ---- the budget ----

/// The rows of the Markdown table whose header row starts with `header`.
fn md_table<'a>(md: &'a str, header: &str) -> Vec<&'a str> {
    md.lines()
        .skip_while(|l| !l.starts_with(header))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect()
}

#[test]
fn the_report_has_a_budget_section_with_the_plans_figures() {
    let plan = load("latam-gpt.ron");
    let report = analyze(&plan, catalog());
    let b = &report.budget;
    assert!(
        b.per_year_usd > 1e6 && b.one_off_usd > 1e6,
        "latam has a budget"
    );
    let md = export(&plan, catalog(), Format::Markdown);
    assert!(md.contains("\n## Budget\n"), "a Budget section");
    let per_year = format!(
        "| Per year (amortisation included) | {} (range {}–{}) |",
        usd(b.per_year_usd),
        usd_number(b.per_year_usd_range[0]),
        usd(b.per_year_usd_range[1])
    );
    assert!(md.contains(&per_year), "{per_year} in\n{md}");
    let summary = md_table(&md, "| Figure | Value |");
    assert!(
        summary.iter().any(|r| r.starts_with(&format!(
            "| Budget per year | {} (range",
            usd(b.per_year_usd)
        ))),
        "the summary leads with the budget: {summary:?}"
    );
    for row in [
        format!("| One-off | {} (range", usd(b.one_off_usd)),
        format!("| Total over 5 years | {} (range", usd(b.total_usd)),
        format!("| Funded share | {} |", percent(b.funded_share)),
        format!("| Gap | {} |", usd(b.gap_usd)),
        format!("| Cash pledged | {} |", usd(b.funding_usd)),
        format!(
            "| Rent all capacity | {} |",
            usd(b.rent_vs_own.rent_total_usd)
        ),
        format!("| Own the pool | {} |", usd(b.rent_vs_own.own_total_usd)),
        format!("| Staff | {} |", usd(b.yearly.staff_usd)),
    ] {
        assert!(md.contains(&row), "{row} missing");
    }
    // Who pays: one row per member, in plan order, with brings, fair share and a signed balance.
    let who = md_table(
        &md,
        "| Member | Brings | of which cash | Fair share | Balance |",
    );
    assert_eq!(who.len(), plan.members.len(), "one who-pays row per member");
    for (row, m) in who.iter().zip(&report.members) {
        let mb = &m.budget;
        let balance = if mb.balance_usd >= 0.5 {
            format!("+{}", usd(mb.balance_usd))
        } else {
            usd(mb.balance_usd)
        };
        let want = format!(
            "| {} {} | {} | {} | {} | {balance} |",
            m.country,
            m.name,
            usd(mb.brings_usd),
            usd(mb.cash_usd),
            usd(mb.fair_share_usd)
        );
        assert!(row.starts_with(&want), "{row}\nwanted {want}");
    }
    assert!(
        md.contains("Fair share under the plan's rule (GDP, UN floor and ceiling)"),
        "the rule is named"
    );
    // The same figures in the HTML, as a reader sees them.
    let html = export(&plan, catalog(), Format::Html);
    let doc = parse_html(&html);
    let text = all_text(&doc);
    assert!(text.contains(&usd(b.per_year_usd)) && text.contains("Who pays"));
    let chart = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg"))
        .find(|s| {
            s.children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .is_some_and(|t| t.starts_with("Cumulative cost"))
        })
        .expect("the rent-or-own chart");
    let labels: Vec<&str> = chart.descendants().filter_map(|n| n.text()).collect();
    for want in [
        "Years from the start",
        "USD",
        "Rent (USD, cumulative)",
        "0",
        "5",
    ] {
        assert!(labels.contains(&want), "chart label {want:?} in {labels:?}");
    }
    // Both paths are drawn through a point per year, 0 to 5.
    let paths: Vec<usize> = chart
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .map(|n| n.attribute("points").unwrap_or("").split(' ').count())
        .collect();
    assert_eq!(paths, [6, 6], "renting and owning, six points each");
}

#[test]
fn the_assumptions_list_the_cost_assumptions_and_the_plans_own_rates() {
    let mut plan = load("latam-gpt.ron");
    plan.assumptions.costs.rental_rates.push(RentalRate {
        accelerator: "nvidia_h100_sxm".into(),
        usd_per_hour: 1.75,
    });
    let md = export(&plan, catalog(), Format::Markdown);
    let section = &md[md
        .find("### Cost assumptions")
        .expect("a cost assumptions table")..];
    let rows = md_table(
        section,
        "| Assumption | Value | Default | Source of the default |",
    );
    let find = |label: &str| {
        rows.iter()
            .find(|r| r.starts_with(&format!("| {label}")))
            .unwrap_or_else(|| panic!("no assumption row {label:?}"))
    };
    assert!(find("Planning horizon (years) | 5 | 5 |").contains("IndiaAI Mission"));
    assert!(find("Facility: build or colocation | build a facility |").contains("Build:"));
    assert!(find("Fair-share rule | GDP, UN floor and ceiling |").contains("UN scale"));
    let reserved = catalog()
        .costs
        .rental("nvidia_h100_sxm")
        .expect("H100 rate")
        .reserved_usd_per_hour;
    let rate = find("Rental rate, NVIDIA H100");
    assert!(
        rate.contains("| 1.75 |") && rate.contains(&format!("| {reserved} |")),
        "the plan's rate beside the catalog's: {rate}"
    );
}

#[test]
fn who_pays_csv_has_one_row_per_member_with_the_reports_figures() {
    let plan = load("latam-gpt.ron");
    let report = analyze(&plan, catalog());
    let text = export(&plan, catalog(), Format::WhoPaysCsv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(&header[..WHO_PAYS_COLUMNS.len()], WHO_PAYS_COLUMNS);
    assert!(header.contains(&"share_population".to_string()));
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    assert_eq!(records.len(), plan.members.len(), "one row per member");
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    for (r, m) in records.iter().zip(&report.members) {
        assert_eq!(&r[col("country")], m.country);
        let num = |name: &str| r[col(name)].parse::<f64>().expect(name);
        assert_eq!(num("brings_usd"), m.budget.brings_usd);
        assert_eq!(num("fair_share_usd"), m.budget.fair_share_usd);
        assert_eq!(num("balance_usd"), m.budget.balance_usd);
        assert_eq!(&r[col("fair_share_rule")], "gdp_un_scale");
    }
}

#[test]
fn the_rent_or_own_chart_marks_the_year_renting_passes_owning() {
    let mut plan = load("latam-gpt.ron");
    // Millions of users keep the pool busy: renting the same hours ends up dearer.
    if let WorkloadKind::Serving { users, .. } = &mut plan.workloads[2].kind {
        *users = 9e6;
    } else {
        panic!("latam's third workload serves");
    }
    let report = analyze(&plan, catalog());
    let year = report
        .budget
        .rent_vs_own
        .crossing_year
        .expect("renting passes owning within 5 years");
    let when = format!(
        "after {} years",
        consortium_planner::numbers::readable(year)
    );
    let md = export(&plan, catalog(), Format::Markdown);
    assert!(
        md.contains(&format!("| Renting costs more than owning | {when} |")),
        "{when}"
    );
    let html = export(&plan, catalog(), Format::Html);
    let doc = parse_html(&html);
    let chart_text = all_text(&doc);
    assert!(
        chart_text.contains(&format!("renting passes owning {when}")),
        "the chart marks {when}"
    );
}

/// The text of the section under `heading` up to the next section heading.
fn section<'a>(text: &'a str, heading: &str, next: &str) -> &'a str {
    let start = text.find(heading).expect("the section is there");
    let rest = &text[start..];
    &rest[..rest[heading.len()..]
        .find(next)
        .map_or(rest.len(), |i| i + heading.len())]
}

#[test]
fn the_resilience_section_names_the_worst_shock_and_what_surviving_it_costs() {
    use consortium_planner::analysis::{stress, years};
    let plan = load("latam-gpt.ron");
    let report = analyze(&plan, catalog());
    let year = years::analysis_year(&plan, None);
    let figures = stress::stress(
        &plan,
        catalog(),
        year,
        &report,
        &years::years(&plan, catalog()),
        stress::YearsOf::One(None),
    );
    let worst = stress::worst(&figures).expect("Latam depends on AWS");
    assert_eq!(worst.key, "cloud:US");
    let md = export(&plan, catalog(), Format::Markdown);
    let md = section(&md, "## Resilience: the switch-off test", "\n## ");
    assert!(
        md.contains("Worst shock: United States cloud withdraws: 57 % of compute lost"),
        "{md}"
    );
    assert!(md.contains(&worst.mitigation_text()), "mitigation: {md}");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| ")).count(),
        2 + figures.len(),
        "a row per shock: {md}"
    );
    let html = export(&plan, catalog(), Format::Html);
    let html = section(&html, "<h2>Resilience: the switch-off test</h2>", "<h2");
    assert!(
        html.contains("Worst shock: United States cloud withdraws"),
        "{html}"
    );
    assert!(
        html.contains("<td>Taiwan fabrication disrupted</td>"),
        "{html}"
    );
}
