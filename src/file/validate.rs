//! Checks a parsed plan against the catalog and the limits, with paths and positions.

use crate::catalog::{Accelerator, Catalog, OpenModel};
use crate::plan::{FIRST_YEAR, LAST_YEAR, Plan, Tenure};

use super::limits::*;
use super::problem::{FieldLocator, Problem, locate_key};

/// Problems reported with positions; past this, problems are only counted (a hostile file with a
/// million bad entries gets a summary, not a million look-ups).
pub const MAX_REPORTED_PROBLEMS: usize = 100;

struct Checker<'a> {
    text: &'a str,
    locator: FieldLocator<'a>,
    catalog: &'a Catalog,
    plan: &'a Plan,
    problems: Vec<Problem>,
    omitted: usize,
    omitted_fatal: bool,
    /// How many times each (field, value) pair was already reported, to find the next occurrence.
    seen: Vec<(&'static str, String, usize)>,
}

impl Checker<'_> {
    fn position(&mut self, field: &'static str, value: &str) -> Option<(usize, usize)> {
        let n = match self
            .seen
            .iter_mut()
            .find(|(f, v, _)| *f == field && v == value)
        {
            Some((_, _, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.seen.push((field, value.to_string(), 0));
                0
            }
        };
        self.locator
            .locate(field, value, n)
            .or_else(|| self.locator.locate(field, value, 0))
    }

    /// Adds a problem, or only counts it once the report is full.
    fn push(
        &mut self,
        position: impl FnOnce(&mut Self) -> Option<(usize, usize)>,
        path: String,
        message: String,
        fatal: bool,
    ) {
        // Problems that refuse the file get a budget of their own, so the reason is always shown.
        let budget = if fatal {
            2 * MAX_REPORTED_PROBLEMS
        } else {
            MAX_REPORTED_PROBLEMS
        };
        if self.problems.len() >= budget {
            self.omitted += 1;
            self.omitted_fatal |= fatal;
            return;
        }
        let position = position(self);
        self.problems
            .push(Problem::at(position, path, message, fatal));
    }

    fn report(
        &mut self,
        field: &'static str,
        value: &str,
        path: String,
        message: String,
        fatal: bool,
    ) {
        self.push(|c| c.position(field, value), path, message, fatal);
    }

    /// Reports a problem located at the `n`-th `id: "value"` inside a top-level section.
    fn report_in(
        &mut self,
        section: &'static str,
        id: &str,
        n: usize,
        path: String,
        message: String,
        fatal: bool,
    ) {
        self.push(
            |c| c.locator.locate_in(Some(section), "id", id, n),
            path,
            message,
            fatal,
        );
    }

    fn text_len(&mut self, path: &str, value: &str, max: usize) {
        let chars = value.chars().count();
        if chars > max {
            // Strip an index: `workloads[1].name` → field `name`; locate by field and value.
            let key = path.rsplit('.').next().unwrap_or(path).to_string();
            let value = value.to_string();
            self.push(
                |c| {
                    c.locator
                        .locate(&key, &value, 0)
                        .or_else(|| locate_key(c.text, &key))
                },
                path.to_string(),
                format!("text of {chars} characters; at most {max} allowed"),
                true,
            );
        }
    }

    fn count(&mut self, path: &str, len: usize, max: usize) {
        self.count_at(path, len, max, None);
    }

    /// Like `count`, located at `anchor` (field, value, occurrence) when given, e.g. the member's
    /// `country` for that member's lists.
    fn count_at(
        &mut self,
        path: &str,
        len: usize,
        max: usize,
        anchor: Option<(&'static str, &str, usize)>,
    ) {
        if len > max {
            let key = path.rsplit('.').next().unwrap_or(path).to_string();
            let anchor = anchor.map(|(f, v, n)| (f, v.to_string(), n));
            self.push(
                |c| match &anchor {
                    Some((f, v, n)) => c.locator.locate(f, v, *n),
                    None => locate_key(c.text, &key),
                },
                path.to_string(),
                format!("{len} entries; at most {max} allowed"),
                true,
            );
        }
    }

    fn country(&mut self, field: &'static str, code: &str, path: String) {
        if self.catalog.country(code).is_none() {
            self.report(field, code, path, format!("unknown country code {code:?}; expected an ISO 3166-1 alpha-2 code such as \"CL\""), false);
        }
    }

    fn accelerator_ids_known(&self, id: &str) -> bool {
        self.plan.accelerator(self.catalog, id).is_some()
    }
}

fn custom_accelerator(c: &mut Checker, i: usize, acc: &Accelerator) {
    let n = c.plan.custom_accelerators[..i]
        .iter()
        .filter(|a| a.id == acc.id)
        .count();
    let path = format!("custom_accelerators[{i}]");
    let numbers = [
        ("bf16_tflops", acc.bf16_tflops),
        ("fp8_tflops", acc.fp8_tflops),
        ("memory_gb", acc.memory_gb),
        ("memory_bandwidth_tbs", acc.memory_bandwidth_tbs),
        ("tdp_w", acc.tdp_w),
    ];
    for (name, value) in numbers {
        if let Some(v) = value
            && (!v.is_finite() || !(0.0..=1e9).contains(&v))
        {
            c.report_in(
                "custom_accelerators",
                &acc.id,
                n,
                format!("{path}.{name}"),
                format!("{v} is not a number from 0 to 1e9"),
                true,
            );
        }
    }
    if let crate::catalog::Price::EstimateUsd(v) = acc.price
        && (!v.is_finite() || !(0.0..=1e12).contains(&v))
    {
        c.report_in(
            "custom_accelerators",
            &acc.id,
            n,
            format!("{path}.price"),
            format!("{v} is not a price from 0 to 1e12 USD"),
            true,
        );
    }
    if acc.id.trim().is_empty() {
        c.report_in(
            "custom_accelerators",
            &acc.id,
            n,
            format!("{path}.id"),
            "empty id; expected an id such as \"my_npu\" to refer to the accelerator".to_string(),
            true,
        );
    }
    let lists = acc
        .fab_countries
        .len()
        .max(acc.memory_supplier_countries.len());
    if lists > MAX_COUNTRY_LIST {
        c.report_in(
            "custom_accelerators",
            &acc.id,
            n,
            path.to_string(),
            format!("a country list of {lists} entries; at most {MAX_COUNTRY_LIST} allowed"),
            true,
        );
        return;
    }
    c.country(
        "vendor_country",
        &acc.vendor_country,
        format!("{path}.vendor_country"),
    );
    for (j, code) in acc.fab_countries.iter().enumerate() {
        c.country("fab_countries", code, format!("{path}.fab_countries[{j}]"));
    }
    for (j, code) in acc.memory_supplier_countries.iter().enumerate() {
        c.country(
            "memory_supplier_countries",
            code,
            format!("{path}.memory_supplier_countries[{j}]"),
        );
    }
}

fn custom_model(c: &mut Checker, i: usize, m: &OpenModel) {
    let n = c.plan.custom_models[..i]
        .iter()
        .filter(|o| o.id == m.id)
        .count();
    let path = format!("custom_models[{i}]");
    let ok = |v: f64| v.is_finite() && v > 0.0 && v <= 1e5;
    if !ok(m.total_params_b) {
        c.report_in(
            "custom_models",
            &m.id,
            n,
            format!("{path}.total_params_b"),
            format!(
                "{} is not a parameter count from above 0 to 100,000 billion",
                m.total_params_b
            ),
            true,
        );
    }
    if !ok(m.active_params_b) || m.active_params_b > m.total_params_b {
        c.report_in(
            "custom_models",
            &m.id,
            n,
            format!("{path}.active_params_b"),
            format!(
                "{} must be above 0 and at most total_params_b ({})",
                m.active_params_b, m.total_params_b
            ),
            true,
        );
    }
    for (name, v) in [
        ("training_tokens_t", m.training_tokens_t),
        ("context_k_tokens", m.context_k_tokens),
        ("kv_bytes_per_token_bf16", m.kv_bytes_per_token_bf16),
    ] {
        if let Some(v) = v
            && (!v.is_finite() || !(0.0..=1e9).contains(&v))
        {
            c.report_in(
                "custom_models",
                &m.id,
                n,
                format!("{path}.{name}"),
                format!("{v} is not a number from 0 to 1e9"),
                true,
            );
        }
    }
    if let Some(v) = m.licence.mau_threshold_millions
        && (!v.is_finite() || v < 0.0)
    {
        c.report_in(
            "custom_models",
            &m.id,
            n,
            format!("{path}.licence.mau_threshold_millions"),
            format!("{v} is not a non-negative number"),
            true,
        );
    }
    if m.id.trim().is_empty() {
        c.report_in(
            "custom_models",
            &m.id,
            n,
            format!("{path}.id"),
            "empty id; expected an id such as \"my_model\" to refer to the model".to_string(),
            true,
        );
    }
    if m.languages.len() > MAX_COUNTRY_LIST {
        c.report_in(
            "custom_models",
            &m.id,
            n,
            format!("{path}.languages"),
            format!(
                "{} languages; at most {MAX_COUNTRY_LIST} allowed",
                m.languages.len()
            ),
            true,
        );
    }
    c.country(
        "developer_country",
        &m.developer_country,
        format!("{path}.developer_country"),
    );
}

/// " did you mean \"nvidia_h100_sxm\"?" when one of `ids` is close to the unknown `id`, else empty.
fn did_you_mean<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    super::slips::nearest(id, &ids)
        .map_or_else(String::new, |best| format!(" did you mean {best:?}?"))
}

/// The warning for a plan's own entry that reuses a built-in catalog id: the plan's entry wins
/// everywhere in this plan, which is easy to do by accident when copying an entry to adjust it.
fn shadow_message(kind: &str, id: &str, catalog_name: &str) -> String {
    format!(
        "id {id:?} is also the built-in catalog's {kind} \"{catalog_name}\"; this plan's own entry replaces it wherever the plan uses {id:?} — expected a new id such as \"{id}_custom\" unless replacing the catalog's figures is intended"
    )
}

/// Every problem in a parsed plan: limits and impossible numbers (fatal), and references the
/// catalog does not know, duplicates and inconsistencies (non-fatal) — at top level and inside
/// every stored scenario (see [`super::validate_scenarios`]).
pub fn validate(text: &str, plan: &Plan, catalog: &Catalog) -> Vec<Problem> {
    let problems = check_content(text, plan, catalog, true);
    let in_scenarios = super::validate_scenarios::check(text, plan, catalog);
    if in_scenarios.is_empty() {
        return problems;
    }
    merge(problems, in_scenarios)
}

/// Joins the top level's problems and the scenarios' in one report: those that refuse the file
/// first, at most `2 × MAX_REPORTED_PROBLEMS` listed, and the "more" summaries last.
fn merge(top: Vec<Problem>, scenarios: Vec<Problem>) -> Vec<Problem> {
    let (mut more, mut listed): (Vec<Problem>, Vec<Problem>) = top
        .into_iter()
        .chain(scenarios)
        .partition(|p| p.path.ends_with("(more)"));
    listed.sort_by_key(|p| !p.fatal);
    let cap = 2 * MAX_REPORTED_PROBLEMS;
    if listed.len() > cap {
        let rest = listed.split_off(cap);
        let fatal = rest.iter().any(|p| p.fatal);
        more.push(Problem::at(
            None,
            "(more)",
            format!(
                "{} more problems are not listed; fix these and check again",
                rest.len()
            ),
            fatal,
        ));
    }
    listed.extend(more);
    listed
}

/// The checks of one plan's content (the top level, or one stored scenario made active), with
/// positions found in `text`. `whole` adds the checks of what only the top level holds (name,
/// description).
pub(super) fn check_content(
    text: &str,
    plan: &Plan,
    catalog: &Catalog,
    whole: bool,
) -> Vec<Problem> {
    let mut c = Checker {
        text,
        locator: FieldLocator::new(text),
        catalog,
        plan,
        problems: Vec::new(),
        omitted: 0,
        omitted_fatal: false,
        seen: Vec::new(),
    };
    if whole {
        c.text_len("name", &plan.name, MAX_TEXT_CHARS);
        c.text_len("description", &plan.description, MAX_DESCRIPTION_CHARS);
    }
    c.count("members", plan.members.len(), MAX_MEMBERS);
    c.count("workloads", plan.workloads.len(), MAX_WORKLOADS);
    c.count(
        "custom_accelerators",
        plan.custom_accelerators.len(),
        MAX_CUSTOM_ENTRIES,
    );
    c.count(
        "custom_models",
        plan.custom_models.len(),
        MAX_CUSTOM_ENTRIES,
    );
    if c.problems.iter().any(|p| p.fatal) {
        return c.problems;
    }
    for (i, acc) in plan.custom_accelerators.iter().enumerate() {
        custom_accelerator(&mut c, i, acc);
        let earlier = plan.custom_accelerators[..i]
            .iter()
            .filter(|a| a.id == acc.id)
            .count();
        if earlier > 0 {
            c.report_in(
                "custom_accelerators",
                &acc.id,
                earlier,
                format!("custom_accelerators[{i}].id"),
                format!("id {:?} is defined twice; expected each id once", acc.id),
                true,
            );
        }
        if earlier == 0
            && let Some(entry) = catalog.accelerator(&acc.id)
        {
            c.report_in(
                "custom_accelerators",
                &acc.id,
                0,
                format!("custom_accelerators[{i}].id"),
                shadow_message("accelerator", &acc.id, &entry.name),
                false,
            );
        }
    }
    for (i, m) in plan.custom_models.iter().enumerate() {
        custom_model(&mut c, i, m);
        let earlier = plan.custom_models[..i]
            .iter()
            .filter(|o| o.id == m.id)
            .count();
        if earlier > 0 {
            c.report_in(
                "custom_models",
                &m.id,
                earlier,
                format!("custom_models[{i}].id"),
                format!("id {:?} is defined twice; expected each id once", m.id),
                true,
            );
        }
        if earlier == 0
            && let Some(entry) = catalog.model(&m.id)
        {
            c.report_in(
                "custom_models",
                &m.id,
                0,
                format!("custom_models[{i}].id"),
                shadow_message("model", &m.id, &entry.name),
                false,
            );
        }
    }
    if plan.model(catalog, &plan.base_model).is_none() {
        c.report(
            "base_model",
            &plan.base_model,
            "base_model".to_string(),
            format!("unknown model id {:?};{} expected a catalog id (see `consortium-planner catalog models`) or a custom model", plan.base_model, did_you_mean(&plan.base_model, catalog.models.iter().map(|m| m.id.as_str()).chain(plan.custom_models.iter().map(|m| m.id.as_str())))),
            false,
        );
    }
    for (i, w) in plan.workloads.iter().enumerate() {
        c.text_len(&format!("workloads[{i}].name"), &w.name, MAX_TEXT_CHARS);
    }
    c.count(
        "language_corpora",
        plan.language_corpora.len(),
        MAX_COUNTRY_LIST,
    );
    for (i, corpus) in plan.language_corpora.iter().enumerate() {
        if catalog.language(&corpus.language).is_none() {
            c.report(
                "language",
                &corpus.language,
                format!("language_corpora[{i}].language"),
                format!(
                    "unknown language code {:?}; expected an ISO 639 code of the catalog's language table, such as \"qu\"",
                    corpus.language
                ),
                false,
            );
        }
    }
    for (i, member) in plan.members.iter().enumerate() {
        let path = format!("members[{i}]");
        c.text_len(&format!("{path}.note"), &member.note, MAX_DESCRIPTION_CHARS);
        let earlier = plan.members[..i]
            .iter()
            .filter(|m| m.country == member.country)
            .count();
        if earlier > 0 {
            // Point at this entry (the n-th `country: "XX"`), not at the first member with the code.
            let code = member.country.clone();
            c.push(
                |c| c.locator.locate("country", &code, earlier),
                format!("{path}.country"),
                format!("{code:?} is already a member; expected each country once — merge its contributions into one entry"),
                false,
            );
        } else {
            c.country("country", &member.country, format!("{path}.country"));
        }
        c.count_at(
            &format!("{path}.chips"),
            member.chips.len(),
            MAX_LINES_PER_MEMBER,
            Some(("country", &member.country, earlier)),
        );
        c.count_at(
            &format!("{path}.power"),
            member.power.len(),
            MAX_LINES_PER_MEMBER,
            Some(("country", &member.country, earlier)),
        );
        c.count_at(
            &format!("{path}.experts"),
            member.experts.len(),
            MAX_LINES_PER_MEMBER,
            Some(("country", &member.country, earlier)),
        );
        for (j, line) in member.chips.iter().enumerate() {
            let lp = format!("{path}.chips[{j}]");
            if !c.accelerator_ids_known(&line.accelerator) {
                // The suggestion only for problems that will be listed: a hostile plan can hold
                // a hundred thousand unknown ids.
                let hint = if c.problems.len() < MAX_REPORTED_PROBLEMS {
                    did_you_mean(
                        &line.accelerator,
                        catalog
                            .accelerators
                            .iter()
                            .map(|a| a.id.as_str())
                            .chain(plan.custom_accelerators.iter().map(|a| a.id.as_str())),
                    )
                } else {
                    String::new()
                };
                c.report(
                    "accelerator",
                    &line.accelerator,
                    format!("{lp}.accelerator"),
                    format!("unknown accelerator id {:?};{} expected a catalog id (see `consortium-planner catalog chips`) or a custom accelerator", line.accelerator, hint),
                    false,
                );
            }
            if line.count > MAX_CHIP_COUNT {
                c.push(
                    |_| None,
                    format!("{lp}.count"),
                    format!(
                        "{} accelerators on one line; at most {MAX_CHIP_COUNT} allowed",
                        line.count
                    ),
                    true,
                );
            }
            if let Some(host) = &line.hosted_in {
                c.country("hosted_in", host, format!("{lp}.hosted_in"));
            }
            if let Tenure::Rented {
                provider,
                provider_country,
            } = &line.tenure
            {
                c.text_len(&format!("{lp}.tenure.provider"), provider, MAX_TEXT_CHARS);
                c.country(
                    "provider_country",
                    provider_country,
                    format!("{lp}.tenure.provider_country"),
                );
            }
        }
        for (j, line) in member.power.iter().enumerate() {
            if let Some(site) = &line.site {
                c.country("site", site, format!("{path}.power[{j}].site"));
            }
        }
        for (j, line) in member.experts.iter().enumerate() {
            if line.foreign_fte > line.fte {
                let code = member.country.clone();
                c.push(
                    |c| c.locator.locate("country", &code, 0),
                    format!("{path}.experts[{j}].foreign_fte"),
                    format!(
                        "{} foreign FTE exceed the line's {} FTE; expected at most {}",
                        line.foreign_fte, line.fte, line.fte
                    ),
                    false,
                );
            }
        }
        if let Some(f) = &member.funding {
            let valid =
                f.currency.len() == 3 && f.currency.chars().all(|ch| ch.is_ascii_uppercase());
            if !valid {
                c.report(
                    "currency",
                    &f.currency,
                    format!("{path}.funding.currency"),
                    format!(
                        "{:?} is not an ISO 4217 currency code such as \"USD\"",
                        f.currency
                    ),
                    false,
                );
            }
        }
    }
    validate_years(&mut c, plan, catalog);
    if c.omitted > 0 {
        let (n, fatal) = (c.omitted, c.omitted_fatal);
        c.problems.push(Problem::at(
            None,
            "(more)",
            format!("{n} more problems are not listed; at most {MAX_REPORTED_PROBLEMS} are shown at a time — fix these and check again"),
            fatal,
        ));
    }
    // Problems that keep the file from opening come first; the "more" summary goes last.
    c.problems.sort_by_key(|p| (p.path == "(more)", !p.fatal));
    c.problems
}

/// Roadmap years: within [`FIRST_YEAR`]..=[`LAST_YEAR`], first before last, known model ids.
fn validate_years(c: &mut Checker, plan: &Plan, catalog: &Catalog) {
    let bad_year = |y: u16| !(FIRST_YEAR..=LAST_YEAR).contains(&y);
    let year_message = |y: u16| {
        format!("{y} is not a year this plan can hold; expected {FIRST_YEAR} to {LAST_YEAR}")
    };
    if let Some(r) = &plan.roadmap {
        if bad_year(r.start_year) {
            c.report(
                "start_year",
                &r.start_year.to_string(),
                "roadmap.start_year".into(),
                year_message(r.start_year),
                true,
            );
        }
        for (i, p) in r.phases.iter().enumerate() {
            if p.first_year > p.last_year {
                c.report("first_year", &p.first_year.to_string(), format!("roadmap.phases[{i}]"), format!("phase {:?} ends ({}) before it starts ({}); expected first_year ≤ last_year", p.name, p.last_year, p.first_year), false);
            }
        }
        for (i, m) in r.model_changes.iter().enumerate() {
            if plan.model(catalog, &m.base_model).is_none() {
                c.report("base_model", &m.base_model, format!("roadmap.model_changes[{i}].base_model"), format!("unknown model id {:?}; expected a catalog id (see `consortium-planner catalog models`) or a custom model", m.base_model), false);
            }
        }
    }
    for (i, m) in plan.members.iter().enumerate() {
        if let Some(j) = m.joins.filter(|&j| bad_year(j)) {
            c.report(
                "joins",
                &j.to_string(),
                format!("members[{i}].joins"),
                year_message(j),
                true,
            );
        }
        let spans = m
            .chips
            .iter()
            .map(|l| ("chips", l.years))
            .chain(m.power.iter().map(|l| ("power", l.years)))
            .chain(m.experts.iter().map(|l| ("experts", l.years)));
        for (kind, years) in spans {
            for y in [years.first, years.last]
                .into_iter()
                .flatten()
                .filter(|&y| bad_year(y))
            {
                c.report(
                    "first",
                    &y.to_string(),
                    format!("members[{i}].{kind}"),
                    year_message(y),
                    true,
                );
            }
            if let (Some(f), Some(l)) = (years.first, years.last)
                && f > l
            {
                c.report(
                    "first",
                    &f.to_string(),
                    format!("members[{i}].{kind}"),
                    format!(
                        "a line of {} ends ({l}) before it starts ({f}); expected first ≤ last",
                        m.country
                    ),
                    false,
                );
            }
        }
    }
}
