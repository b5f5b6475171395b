//! Checks a parsed plan against the catalog and the limits, with paths and positions.

use crate::catalog::{Accelerator, Catalog, OpenModel};
use crate::plan::{Plan, Tenure};

use super::limits::*;
use super::problem::{Problem, locate_field};

struct Checker<'a> {
    text: &'a str,
    catalog: &'a Catalog,
    plan: &'a Plan,
    problems: Vec<Problem>,
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
        locate_field(self.text, field, value, n)
            .or_else(|| locate_field(self.text, field, value, 0))
    }

    fn report(
        &mut self,
        field: &'static str,
        value: &str,
        path: String,
        message: String,
        fatal: bool,
    ) {
        let position = self.position(field, value);
        self.problems
            .push(Problem::at(position, path, message, fatal));
    }

    fn text_len(&mut self, path: &str, value: &str, max: usize) {
        let chars = value.chars().count();
        if chars > max {
            self.problems.push(Problem::at(
                None,
                path,
                format!("text of {chars} characters; at most {max} allowed"),
                true,
            ));
        }
    }

    fn count(&mut self, path: &str, len: usize, max: usize) {
        if len > max {
            self.problems.push(Problem::at(
                None,
                path,
                format!("{len} entries; at most {max} allowed"),
                true,
            ));
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
            c.report(
                "id",
                &acc.id,
                format!("{path}.{name}"),
                format!("{v} is not a number from 0 to 1e9"),
                true,
            );
        }
    }
    if let crate::catalog::Price::EstimateUsd(v) = acc.price
        && (!v.is_finite() || !(0.0..=1e12).contains(&v))
    {
        c.report(
            "id",
            &acc.id,
            format!("{path}.price"),
            format!("{v} is not a price from 0 to 1e12 USD"),
            true,
        );
    }
    if acc.id.trim().is_empty() {
        c.problems.push(Problem::at(
            None,
            format!("{path}.id"),
            "empty id; give the accelerator an id to refer to it",
            true,
        ));
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
    let path = format!("custom_models[{i}]");
    let ok = |v: f64| v.is_finite() && v > 0.0 && v <= 1e5;
    if !ok(m.total_params_b) {
        c.report(
            "id",
            &m.id,
            format!("{path}.total_params_b"),
            format!(
                "{} is not a parameter count from above 0 to 100,000 billion",
                m.total_params_b
            ),
            true,
        );
    }
    if !ok(m.active_params_b) || m.active_params_b > m.total_params_b {
        c.report(
            "id",
            &m.id,
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
            c.report(
                "id",
                &m.id,
                format!("{path}.{name}"),
                format!("{v} is not a number from 0 to 1e9"),
                true,
            );
        }
    }
    if let Some(v) = m.licence.mau_threshold_millions
        && (!v.is_finite() || v < 0.0)
    {
        c.report(
            "id",
            &m.id,
            format!("{path}.licence.mau_threshold_millions"),
            format!("{v} is not a non-negative number"),
            true,
        );
    }
    if m.id.trim().is_empty() {
        c.problems.push(Problem::at(
            None,
            format!("{path}.id"),
            "empty id; give the model an id to refer to it",
            true,
        ));
    }
    c.country(
        "developer_country",
        &m.developer_country,
        format!("{path}.developer_country"),
    );
}

/// Every problem in a parsed plan: limits and impossible numbers (fatal), and references the
/// catalog does not know, duplicates and inconsistencies (non-fatal).
pub fn validate(text: &str, plan: &Plan, catalog: &Catalog) -> Vec<Problem> {
    let mut c = Checker {
        text,
        catalog,
        plan,
        problems: Vec::new(),
        seen: Vec::new(),
    };
    c.text_len("name", &plan.name, MAX_TEXT_CHARS);
    c.text_len("description", &plan.description, MAX_DESCRIPTION_CHARS);
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
        if plan.custom_accelerators[..i].iter().any(|a| a.id == acc.id) {
            c.report(
                "id",
                &acc.id,
                format!("custom_accelerators[{i}].id"),
                format!("id {:?} is defined twice", acc.id),
                true,
            );
        }
    }
    for (i, m) in plan.custom_models.iter().enumerate() {
        custom_model(&mut c, i, m);
        if plan.custom_models[..i].iter().any(|o| o.id == m.id) {
            c.report(
                "id",
                &m.id,
                format!("custom_models[{i}].id"),
                format!("id {:?} is defined twice", m.id),
                true,
            );
        }
    }
    if plan.model(catalog, &plan.base_model).is_none() {
        c.report(
            "base_model",
            &plan.base_model,
            "base_model".to_string(),
            format!("unknown model id {:?}; expected a catalog id (see `consortium-planner catalog models`) or a custom model", plan.base_model),
            false,
        );
    }
    for (i, w) in plan.workloads.iter().enumerate() {
        c.text_len(&format!("workloads[{i}].name"), &w.name, MAX_TEXT_CHARS);
    }
    for (i, member) in plan.members.iter().enumerate() {
        let path = format!("members[{i}]");
        let earlier = plan.members[..i]
            .iter()
            .filter(|m| m.country == member.country)
            .count();
        if earlier > 0 {
            // Point at this entry (the n-th `country: "XX"`), not at the first member with the code.
            let position = locate_field(text, "country", &member.country, earlier);
            c.problems.push(Problem::at(
                position,
                format!("{path}.country"),
                format!(
                    "{:?} is already a member; merge its contributions into one entry",
                    member.country
                ),
                false,
            ));
        } else {
            c.country("country", &member.country, format!("{path}.country"));
        }
        c.count(
            &format!("{path}.chips"),
            member.chips.len(),
            MAX_LINES_PER_MEMBER,
        );
        c.count(
            &format!("{path}.power"),
            member.power.len(),
            MAX_LINES_PER_MEMBER,
        );
        c.count(
            &format!("{path}.experts"),
            member.experts.len(),
            MAX_LINES_PER_MEMBER,
        );
        for (j, line) in member.chips.iter().enumerate() {
            let lp = format!("{path}.chips[{j}]");
            if !c.accelerator_ids_known(&line.accelerator) {
                c.report(
                    "accelerator",
                    &line.accelerator,
                    format!("{lp}.accelerator"),
                    format!("unknown accelerator id {:?}; expected a catalog id (see `consortium-planner catalog chips`) or a custom accelerator", line.accelerator),
                    false,
                );
            }
            if line.count > MAX_CHIP_COUNT {
                c.problems.push(Problem::at(
                    None,
                    format!("{lp}.count"),
                    format!(
                        "{} accelerators on one line; at most {MAX_CHIP_COUNT} allowed",
                        line.count
                    ),
                    true,
                ));
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
                c.problems.push(Problem::at(
                    None,
                    format!("{path}.experts[{j}].foreign_fte"),
                    format!(
                        "{} foreign FTE exceed the line's {} FTE",
                        line.foreign_fte, line.fte
                    ),
                    false,
                ));
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
    c.problems
}
