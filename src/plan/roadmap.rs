//! The roadmap: a plan over the years (plan format 5).
//!
//! A plan with a roadmap starts in `start_year` and runs for the budget's horizon
//! (`assumptions.costs.horizon_years`, rounded up to whole years). Contribution lines and members
//! may carry years ([`Years`]); a line without years holds for the whole horizon, so a plan with
//! no years means in every year what it meant before roadmaps existed. An owned chip line that
//! gives the year it arrives stops counting after the hardware life (a replacement is due).
//! [`Plan::in_year`] is the plan as it stands in one year; the analysis of each year is the
//! analysis of that plan.

use serde::{Deserialize, Serialize};

use super::{Plan, Tenure};

/// The earliest year a plan may name.
pub const FIRST_YEAR: u16 = 2000;
/// The latest year a plan may name.
pub const LAST_YEAR: u16 = 2100;
/// The most years a roadmap shows.
pub const MAX_YEARS: u16 = 30;

/// The years a line or a member counts in: both ends included, either open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Years {
    /// The first year it counts in (`None`: from the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<u16>,
    /// The last year it counts in (`None`: to the end, or to the end of an owned chip's life).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<u16>,
}

impl Years {
    /// Whether both ends are open (the line holds for the whole horizon).
    pub fn is_always(&self) -> bool {
        self.first.is_none() && self.last.is_none()
    }

    /// The span in words: `2026–2030`, `from 2026`, `until 2027`, or `whole horizon`.
    pub fn label(&self) -> String {
        match (self.first, self.last) {
            (Some(f), Some(l)) if f == l => f.to_string(),
            (Some(f), Some(l)) => format!("{f}–{l}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(l)) => format!("until {l}"),
            (None, None) => "whole horizon".to_string(),
        }
    }

    /// Whether the span includes `year`.
    pub fn includes(&self, year: u16) -> bool {
        self.first.is_none_or(|f| f <= year) && self.last.is_none_or(|l| year <= l)
    }
}

/// A named stretch of the roadmap, e.g. "Pilot on rented cloud".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// What the planners call it.
    pub name: String,
    /// Its first year.
    pub first_year: u16,
    /// Its last year.
    pub last_year: u16,
}

/// A change of the shared base model from a year on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelChange {
    /// The first year the new model is the base.
    pub year: u16,
    /// Its id: a catalog id or one of the plan's custom models.
    pub base_model: String,
}

/// The plan's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// The first year of the plan.
    pub start_year: u16,
    /// Named phases, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Base-model changes at year boundaries, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub model_changes: Vec<ModelChange>,
}

impl Plan {
    /// The plan's years, first to last: the roadmap's start year for the budget's horizon
    /// (rounded up, at most [`MAX_YEARS`]); empty without a roadmap.
    pub fn years(&self) -> std::ops::RangeInclusive<u16> {
        match &self.roadmap {
            Some(r) => {
                let n = (self.assumptions.costs.horizon_years.ceil() as u16).clamp(1, MAX_YEARS);
                r.start_year..=r.start_year.saturating_add(n - 1)
            }
            #[allow(clippy::reversed_empty_ranges)]
            None => 1..=0,
        }
    }

    /// Whether anything in the plan changes from one year to another (a member joins, a line
    /// has years, the model changes, or a dated owned chip line ages out).
    pub fn has_years(&self) -> bool {
        self.roadmap
            .as_ref()
            .is_some_and(|r| !r.model_changes.is_empty())
            || self.members.iter().any(|m| {
                m.joins.is_some()
                    || m.chips.iter().any(|c| !c.years.is_always())
                    || m.power.iter().any(|p| !p.years.is_always())
                    || m.experts.iter().any(|e| !e.years.is_always())
            })
    }

    /// The last year an owned chip line counts in: its own last year, else the year it arrives
    /// plus the hardware life (rounded up) less one; `None` when open.
    pub fn chip_last_year(&self, line: &super::ChipLine) -> Option<u16> {
        line.years
            .last
            .or_else(|| match (&line.tenure, line.years.first) {
                (Tenure::Owned, Some(first)) => {
                    let life = self.assumptions.costs.hardware_life_years.ceil().max(1.0) as u16;
                    Some(first.saturating_add(life - 1))
                }
                _ => None,
            })
    }

    /// The base model in `year`: the latest change at or before it, else the plan's.
    pub fn base_model_in(&self, year: u16) -> &str {
        self.roadmap
            .as_ref()
            .and_then(|r| {
                r.model_changes
                    .iter()
                    .filter(|c| c.year <= year)
                    .max_by_key(|c| c.year)
            })
            .map_or(self.base_model.as_str(), |c| c.base_model.as_str())
    }

    /// Whether member `i` belongs to the consortium in the plan's [`Plan::year`] (always, for a
    /// plan that is not a year's view).
    pub fn is_member_now(&self, i: usize) -> bool {
        match (self.year, self.members.get(i)) {
            (Some(year), Some(m)) => m.joins.is_none_or(|j| j <= year),
            _ => true,
        }
    }

    /// The plan as it stands in `year`: the lines that count that year (owned chips that arrived
    /// and are within their life) and the base model of that year. A member that has not joined
    /// yet stays in its place with no lines and no funding (so positions match the plan's), and
    /// the analysis leaves it out of shares and coverage ([`Plan::is_member_now`]). Scenarios and
    /// members' notes are left out (a year is a view of the active scenario's figures).
    pub fn in_year(&self, year: u16) -> Plan {
        // Built field by field, cloning only the lines that count: a whole-plan clone of a
        // 193-member plan costs more than its analysis.
        let members = self
            .members
            .iter()
            .map(|m| {
                let joined = m.joins.is_none_or(|j| j <= year);
                super::Member {
                    country: m.country.clone(),
                    note: String::new(),
                    chips: if joined {
                        m.chips
                            .iter()
                            .filter(|c| {
                                c.years.first.is_none_or(|f| f <= year)
                                    && self.chip_last_year(c).is_none_or(|l| year <= l)
                            })
                            .cloned()
                            .collect()
                    } else {
                        Vec::new()
                    },
                    power: if joined {
                        m.power
                            .iter()
                            .filter(|p| p.years.includes(year))
                            .cloned()
                            .collect()
                    } else {
                        Vec::new()
                    },
                    experts: if joined {
                        m.experts
                            .iter()
                            .filter(|e| e.years.includes(year))
                            .cloned()
                            .collect()
                    } else {
                        Vec::new()
                    },
                    funding: if joined { m.funding.clone() } else { None },
                    cost_level: m.cost_level,
                    joins: m.joins,
                }
            })
            .collect();
        let mut plan = self.with_members(members);
        plan.base_model = self.base_model_in(year).to_string();
        plan.year = Some(year);
        plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{ChipLine, Member};

    fn plan() -> Plan {
        let mut plan = Plan::new("roadmap", "llama3.1-8b");
        plan.roadmap = Some(Roadmap {
            start_year: 2026,
            phases: Vec::new(),
            model_changes: vec![ModelChange {
                year: 2028,
                base_model: "qwen3-32b".into(),
            }],
        });
        let mut cl = Member::new("CL");
        cl.chips.push(ChipLine {
            years: Years {
                first: Some(2027),
                last: None,
            },
            ..ChipLine::new("nvidia_h200_sxm", 96)
        });
        cl.chips.push(ChipLine {
            years: Years {
                first: None,
                last: Some(2027),
            },
            ..ChipLine::new("nvidia_h100_sxm", 128)
        });
        plan.members.push(cl);
        let mut br = Member::new("BR");
        br.joins = Some(2029);
        plan.members.push(br);
        plan
    }

    #[test]
    fn a_year_holds_what_has_arrived_and_not_what_has_ended_or_aged_out() {
        let plan = plan();
        assert_eq!(plan.years(), 2026..=2030);
        let counts = |y: u16| {
            let p = plan.in_year(y);
            (
                (0..p.members.len()).filter(|&i| p.is_member_now(i)).count(),
                p.members[0]
                    .chips
                    .iter()
                    .map(|c| c.count)
                    .collect::<Vec<_>>(),
                p.base_model,
            )
        };
        assert_eq!(counts(2026), (1, vec![128], "llama3.1-8b".to_string()));
        assert_eq!(counts(2027), (1, vec![96, 128], "llama3.1-8b".to_string()));
        assert_eq!(counts(2028), (1, vec![96], "qwen3-32b".to_string()));
        assert!(!plan.in_year(2028).is_member_now(1), "Brazil joins in 2029");
        assert!(plan.in_year(2029).is_member_now(1));
        // Bought in 2027 with a 5-year life: counts 2027..=2031.
        let mut long = plan.clone();
        long.assumptions.costs.horizon_years = 7.0;
        assert_eq!(long.in_year(2031).members[0].chips.len(), 1);
        assert_eq!(long.in_year(2032).members[0].chips.len(), 0);
    }

    #[test]
    fn a_plan_without_years_is_the_same_plan_in_every_year() {
        let mut plan = Plan::new("flat", "llama3.1-8b");
        plan.members.push(Member::new("CL"));
        plan.members[0]
            .chips
            .push(ChipLine::new("nvidia_h100_sxm", 8));
        assert!(!plan.has_years());
        let year = plan.in_year(2030);
        assert_eq!(year.members, plan.members);
        assert_eq!(year.year, Some(2030));
        assert_eq!(year.base_model, plan.base_model);
    }
}
