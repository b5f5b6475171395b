//! Licence findings for the chosen base model against the member states (export-control findings
//! are in `export_control`).

use crate::catalog::{Catalog, OpenModel, Openness};
use crate::plan::{Plan, WorkloadKind};

use super::dependency::MemberSet;
use super::report::{Finding, Severity};

/// Id of the EU27 preset, used for the Llama 4 multimodal carve-out.
pub const EU27_PRESET: &str = "eu27";

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
                    "{name} is itself a multimodal model, and the acceptable-use policy of its \
                     licence withholds the licence grant (§1(a)) for its multimodal models from \
                     individuals domiciled in, and companies with their principal \
                     place of business in, the EU. EU members ({eu_codes}) and their institutions \
                     get no licence to {name} at all, for text use either. If the consortium's \
                     own legal entity has its principal place of business in the EU, the \
                     consortium cannot take the licence; a licensee based outside the EU can, \
                     and end users in the EU of a product built on it are not affected.",
                    name = model.name,
                    eu_codes = codes(&eu)
                ),
                eu,
            );
        }
    }
    if let Some(threshold_m) = licence.mau_threshold_millions {
        if licence.mau_tested_at_release {
            add(
                Severity::Info,
                "User threshold tested at release",
                format!(
                    "{} asks for a separate licence from {} only if the licensee and its \
                     affiliates had more than {threshold_m:.0} million monthly active users in the \
                     month before the version's release date ({}). The test is made once, on that \
                     date: a consortium formed later cannot trip it by serving many users, but a \
                     member institution that is, or is affiliated with, a company of that size \
                     then would need the developer's separate licence.",
                    licence.name,
                    model.developer,
                    if model.release.is_empty() {
                        "not recorded"
                    } else {
                        model.release.as_str()
                    }
                ),
                Vec::new(),
            );
        } else {
            ongoing_threshold(plan, catalog, model, members, threshold_m, &mut add);
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
    if licence.remote_restriction {
        add(
            Severity::Caution,
            "Licensor can restrict use remotely",
            format!(
                "{} reserves {}'s right to restrict (remotely or otherwise) use it believes \
                 breaks the licence. The consortium's service depends on the licensor's \
                 judgement: this is a switch-off risk, beyond the consortium's \
                 control, that an Apache-2.0 or MIT base does not carry.",
                licence.name, model.developer
            ),
            Vec::new(),
        );
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

/// The findings of a threshold that holds for as long as the service runs (Qwen's licence: "your
/// product or service has more than 100 million monthly active users"): a blocker when the plan
/// serves more users, a caution when the members' population could reach it.
fn ongoing_threshold(
    plan: &Plan,
    catalog: &Catalog,
    model: &OpenModel,
    members: &MemberSet,
    threshold_m: f64,
    add: &mut impl FnMut(Severity, &'static str, String, Vec<&'static str>),
) {
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
