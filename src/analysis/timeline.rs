//! The roadmap's timeline: one row per phase, per member that joins later and per contribution
//! line that has years, with the years each is drawn across (within the plan's years), for the
//! Roadmap view's bars and its table of years.
//!
//! A line counts from its first year (else from when its member joins, else from the start) to
//! its last year (else, for an owned chip line that gives the year it arrives, to the end of the
//! hardware life: [`Plan::chip_last_year`]; else to the end). An owned line that ages out within
//! the plan's years marks the year after its last as the year a replacement is due.

use crate::catalog::Catalog;
use crate::plan::{Plan, Tenure, Years};

/// What a timeline row stands for, with its position in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Phase `i` of the roadmap.
    Phase(usize),
    /// Member `m` joining (drawn from the year it joins to the end).
    Joins(usize),
    /// Chip line `j` of member `m`.
    Chips(usize, usize),
    /// Power line `j` of member `m`.
    Power(usize, usize),
    /// Expert line `j` of member `m`.
    Experts(usize, usize),
}

impl Subject {
    /// The member the row belongs to (`None` for a phase).
    pub fn member(self) -> Option<usize> {
        match self {
            Subject::Phase(_) => None,
            Subject::Joins(m)
            | Subject::Chips(m, _)
            | Subject::Power(m, _)
            | Subject::Experts(m, _) => Some(m),
        }
    }
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row stands for.
    pub subject: Subject,
    /// What the row is called, e.g. "Chile: 96 NVIDIA H200 SXM, owned".
    pub label: String,
    /// The years as the plan gives them (a phase's both ends; a member's join as `first`).
    pub years: Years,
    /// The years it counts in, within the plan's years (`None`: in none of them).
    pub shown: Option<(u16, u16)>,
    /// Whether its last year is the end of an owned chip's life (not a year the plan gives).
    pub ages_out: bool,
    /// The year a replacement is due (the year after an aged-out line's last), when it falls
    /// within the plan's years.
    pub replacement_due: Option<u16>,
}

/// The timeline rows of `plan`, phases first, then members in plan order (empty without a
/// roadmap).
pub fn rows(plan: &Plan, catalog: &Catalog) -> Vec<Row> {
    let Some(roadmap) = &plan.roadmap else {
        return Vec::new();
    };
    let years = plan.years();
    let (start, end) = (*years.start(), *years.end());
    let clamp = |first: u16, last: u16| {
        let (f, l) = (first.max(start), last.min(end));
        (f <= l).then_some((f, l))
    };
    let mut rows: Vec<Row> = roadmap
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| Row {
            subject: Subject::Phase(i),
            label: p.name.clone(),
            years: Years {
                first: Some(p.first_year),
                last: Some(p.last_year),
            },
            shown: clamp(p.first_year, p.last_year),
            ages_out: false,
            replacement_due: None,
        })
        .collect();
    for (m, member) in plan.members.iter().enumerate() {
        let country = catalog.country_name(&member.country);
        let joined = member.joins.unwrap_or(start);
        if let Some(j) = member.joins {
            rows.push(Row {
                subject: Subject::Joins(m),
                label: format!("{country} joins"),
                years: Years {
                    first: Some(j),
                    last: None,
                },
                shown: clamp(j, end),
                ages_out: false,
                replacement_due: None,
            });
        }
        let line = |subject, label: String, years: Years, last: Option<u16>| {
            let first = years.first.unwrap_or(start).max(joined);
            let last = last.unwrap_or(end);
            let ages_out = years.last.is_none() && last < end;
            Row {
                subject,
                label: format!("{country}: {label}"),
                years,
                shown: clamp(first, last),
                ages_out,
                replacement_due: (ages_out && last >= start).then_some(last + 1),
            }
        };
        for (j, c) in member.chips.iter().enumerate() {
            if c.years.is_always() {
                continue;
            }
            let name = plan
                .accelerator(catalog, &c.accelerator)
                .map_or(c.accelerator.as_str(), |a| a.name.as_str());
            let tenure = match &c.tenure {
                Tenure::Owned => "owned".to_string(),
                Tenure::Rented { provider, .. } if !provider.is_empty() => {
                    format!("rented from {provider}")
                }
                Tenure::Rented { .. } => "rented".to_string(),
            };
            rows.push(line(
                Subject::Chips(m, j),
                format!("{} {name}, {tenure}", c.count),
                c.years,
                plan.chip_last_year(c),
            ));
        }
        for (j, p) in member.power.iter().enumerate() {
            if p.years.is_always() {
                continue;
            }
            rows.push(line(
                Subject::Power(m, j),
                format!("{} MW {} power", p.mw, p.source.label()),
                p.years,
                p.years.last,
            ));
        }
        for (j, e) in member.experts.iter().enumerate() {
            if e.years.is_always() {
                continue;
            }
            rows.push(line(
                Subject::Experts(m, j),
                format!("{} FTE {}", e.fte, e.role.label()),
                e.years,
                e.years.last,
            ));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{ChipLine, Member, Phase, PowerLine, PowerSource, Roadmap};

    fn plan() -> Plan {
        let mut plan = Plan::new("timeline", "llama3.1-8b");
        plan.roadmap = Some(Roadmap {
            start_year: 2026,
            phases: vec![Phase {
                name: "Pilot".into(),
                first_year: 2025,
                last_year: 2027,
            }],
            model_changes: Vec::new(),
        });
        plan.assumptions.costs.horizon_years = 8.0;
        plan.assumptions.costs.hardware_life_years = 5.0;
        let mut cl = Member::new("CL");
        cl.chips.push(ChipLine {
            years: Years {
                first: Some(2027),
                last: None,
            },
            ..ChipLine::new("nvidia_h200_sxm", 96)
        });
        cl.chips.push(ChipLine::new("nvidia_h100_sxm", 8));
        plan.members.push(cl);
        let mut mx = Member::new("MX");
        mx.joins = Some(2028);
        mx.power.push(PowerLine {
            years: Years {
                first: None,
                last: Some(2031),
            },
            mw: 1.5,
            source: PowerSource::Hydro,
            site: None,
            imported_share: 0.0,
            usd_per_mwh: None,
        });
        plan.members.push(mx);
        plan
    }

    #[test]
    fn rows_show_phases_joins_and_dated_lines_within_the_plans_years() {
        let rows = rows(&plan(), Catalog::builtin());
        let subjects: Vec<Subject> = rows.iter().map(|r| r.subject).collect();
        // The undated H100 line holds throughout: no row.
        assert_eq!(
            subjects,
            [
                Subject::Phase(0),
                Subject::Chips(0, 0),
                Subject::Joins(1),
                Subject::Power(1, 0)
            ]
        );
        assert_eq!(
            rows[0].shown,
            Some((2026, 2027)),
            "a phase from before the start"
        );
        assert_eq!(rows[2].label, "Mexico joins");
        assert_eq!(rows[2].shown, Some((2028, 2033)));
        assert_eq!(
            rows[3].shown,
            Some((2028, 2031)),
            "a line without a first year starts when its member joins"
        );
        assert!(!rows[3].ages_out);
    }

    #[test]
    fn an_owned_line_ages_out_after_its_life_and_a_replacement_is_due() {
        let rows = rows(&plan(), Catalog::builtin());
        let h200 = &rows[1];
        assert!(h200.label.starts_with("Chile: 96 "), "{}", h200.label);
        assert!(h200.label.ends_with(", owned"), "{}", h200.label);
        // Arrives 2027 with a 5-year life: 2027–2031, replacement due 2032 (within 2026–2033).
        assert_eq!(h200.shown, Some((2027, 2031)));
        assert!(h200.ages_out);
        assert_eq!(h200.replacement_due, Some(2032));
        // Given a last year, it no longer ages out.
        let mut plan = plan();
        plan.members[0].chips[0].years.last = Some(2033);
        let h200 = &super::rows(&plan, Catalog::builtin())[1];
        assert_eq!((h200.shown, h200.ages_out), (Some((2027, 2033)), false));
        assert_eq!(h200.replacement_due, None);
    }

    #[test]
    fn a_plan_without_a_roadmap_has_no_timeline() {
        let mut plan = plan();
        plan.roadmap = None;
        assert!(rows(&plan, Catalog::builtin()).is_empty());
    }
}
