//! Licence findings for the chosen base model against the member states, and export-control
//! findings for the pooled chips.

use crate::catalog::{Catalog, OpenModel, Openness};
use crate::plan::{Plan, WorkloadKind};

use super::dependency::MemberSet;
use super::report::{Finding, Severity};
use super::resolved::Resolved;

/// Id of the EU27 preset, used for the Llama 4 multimodal carve-out.
pub const EU27_PRESET: &str = "eu27";

/// Members for which US exports of ECCN 3A090.a accelerators need a licence: China and Macau, and
/// US arms-embargoed countries (Country Group D:5, which mirrors ITAR §126.1), among them Russia,
/// Belarus, Iran, North Korea, Syria, Cuba, Venezuela, Myanmar, the Central African Republic, the
/// DR Congo, Eritrea, Libya, Somalia, South Sudan, Sudan and Zimbabwe (BIS advanced-computing rules,
/// Oct 2022–Dec 2024; the AI Diffusion tiers were rescinded on 13 May 2025). The list is partial
/// and from secondary sources: check 15 CFR 740 Supp. 1 before relying on it.
pub const US_LICENCE_REQUIRED: &[&str] = &[
    "BY", "CD", "CF", "CN", "CU", "ER", "IR", "KP", "LY", "MM", "MO", "RU", "SD", "SO", "SS", "SY",
    "VE", "ZW",
];

fn codes(list: &[&str]) -> String {
    list.join(", ")
}

/// Licence findings for `model` in this consortium.
pub fn licence_findings(
    plan: &Plan,
    catalog: &'static Catalog,
    model: &OpenModel,
    members: &MemberSet,
) -> Vec<Finding> {
    let licence = &model.licence;
    let mut out = Vec::new();
    let mut add = |severity, title: &'static str, detail: String, members: Vec<&'static str>| {
        out.push(Finding {
            severity,
            title,
            detail,
            members,
        });
    };
    if licence.eu_multimodal_excluded {
        let eu: Vec<&'static str> = catalog
            .preset(EU27_PRESET)
            .map(|p| {
                p.members
                    .iter()
                    .filter(|c| members.contains(c))
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default();
        if !eu.is_empty() {
            add(
                Severity::Blocker,
                "EU multimodal carve-out",
                format!(
                    "{}'s licence does not grant its multimodal rights to individuals domiciled in, or \
                     companies with their principal place of business in, the EU. EU members ({}) \
                     can use it for text only; end users in the EU are not affected.",
                    model.name,
                    codes(&eu)
                ),
                eu,
            );
        }
    }
    if let Some(threshold_m) = licence.mau_threshold_millions {
        let threshold = threshold_m * 1e6;
        let served: f64 = plan
            .workloads
            .iter()
            .map(|w| match w.kind {
                WorkloadKind::Serving { users, .. } => users,
                _ => 0.0,
            })
            .fold(0.0, |a, b| a + b);
        let population: f64 = members
            .codes()
            .filter_map(|c| catalog.country(c).and_then(|c| c.population))
            .fold(0.0, |a, b| a + b);
        if served > threshold {
            add(
                Severity::Blocker,
                "User threshold exceeded",
                format!(
                    "The plan serves {:.0} million users; above {threshold_m:.0} million monthly \
                     active users the licence requires a separate licence from {}.",
                    served / 1e6,
                    model.developer
                ),
                Vec::new(),
            );
        } else if population > threshold {
            add(
                Severity::Caution,
                "User threshold within reach",
                format!(
                    "The members' population ({:.0} million) exceeds the licence's {threshold_m:.0} \
                     million monthly-active-user threshold; a service reaching that many users \
                     would need a separate licence from {}.",
                    population / 1e6,
                    model.developer
                ),
                Vec::new(),
            );
        }
    }
    if licence.non_commercial {
        add(
            Severity::Caution,
            "Non-commercial licence",
            format!(
                "{} ({}) forbids commercial use: research and public non-commercial services only.",
                model.name, licence.name
            ),
            Vec::new(),
        );
    }
    match licence.osi_approved {
        Some(true) => add(
            Severity::Info,
            "Open-source licence",
            format!(
                "{} is OSI-approved: no user cap, no naming duty beyond the notice.",
                licence.name
            ),
            Vec::new(),
        ),
        Some(false) => add(
            Severity::Info,
            "Not open source",
            format!(
                "{} is not an OSI-approved licence; read its terms before building on it.",
                licence.name
            ),
            Vec::new(),
        ),
        None => add(
            Severity::Caution,
            "Licence unverified",
            format!(
                "The terms of {} ({}) could not be verified; have counsel read them.",
                model.name, licence.name
            ),
            Vec::new(),
        ),
    }
    if licence.use_restrictions == Some(true) {
        add(
            Severity::Info,
            "Use restrictions",
            "An acceptable-use policy applies and passes on to derived models and their users."
                .to_string(),
            Vec::new(),
        );
    }
    if let Some(duty) = &licence.attribution_duty {
        add(
            Severity::Info,
            "Attribution or naming duty",
            duty.clone(),
            Vec::new(),
        );
    }
    if licence.open_data == Openness::No {
        add(
            Severity::Info,
            "Training data not released",
            "The consortium cannot audit or reproduce the pretraining data.".to_string(),
            Vec::new(),
        );
    }
    if !members.contains(&model.developer_country) {
        add(
            Severity::Info,
            "Foreign base model",
            format!(
                "{} is developed by {} ({}), outside the consortium.",
                model.name,
                model.developer,
                catalog.country_name(&model.developer_country)
            ),
            Vec::new(),
        );
    }
    out
}

/// Export-control findings for the accelerators in the pool.
pub fn export_findings(resolved: &Resolved, members: &MemberSet) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut us_chips = false;
    let mut huawei = false;
    for acc in &resolved.accelerators {
        // TPP = 2 × MacTOPS × bit length = 16 × dense BF16 TFLOP/s; 3A090.a from TPP 4,800.
        us_chips |= acc.vendor_country == "US" && acc.bf16_tflops.unwrap_or(0.0) * 16.0 >= 4800.0;
        huawei |= acc.vendor == "Huawei";
    }
    let restricted: Vec<&'static str> = US_LICENCE_REQUIRED
        .iter()
        .copied()
        .filter(|c| members.contains(c))
        .collect();
    if us_chips && !restricted.is_empty() {
        out.push(Finding {
            severity: Severity::Blocker,
            title: "US export licence needed",
            detail: format!(
                "US-designed advanced accelerators (ECCN 3A090.a) need a US export licence for {} \
                 (BIS advanced-computing rules).",
                codes(&restricted)
            ),
            members: restricted,
        });
    }
    if huawei {
        out.push(Finding {
            severity: Severity::Caution,
            title: "Huawei Ascend and US rules",
            detail:
                "BIS guidance of 13 May 2025 warns that using Huawei Ascend chips anywhere may \
                     violate US export rules (General Prohibition 10); members trading with the US \
                     should take advice."
                    .to_string(),
            members: Vec::new(),
        });
    }
    out
}
