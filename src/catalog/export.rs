//! US export-control country groups (EAR Supplement No. 1 to part 740) and the destinations the
//! advanced-computing rules cover.

use serde::{Deserialize, Serialize};

use super::{CODE_SLOTS, Confidence, code_slot, slot_code};

/// Bits of a country's entry in [`ExportGroups`]' slot table: the two licence rules, then the
/// groups of its destination in [`GROUP_NAMES`] order.
const LICENCE_DESTINATION: u8 = 1;
const LICENCE_HEADQUARTERS: u8 = 2;
const FIRST_GROUP_BIT: u8 = 2;
const GROUP_NAMES: [&str; 5] = ["D:1", "D:4", "D:5", "A:5", "A:6"];

/// The EAR country groups the advanced-computing findings need, with where they come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportGroups {
    /// Where the groups were read.
    pub source: String,
    /// The day they were read, `YYYY-MM-DD`.
    pub read_on: String,
    /// How sure the catalog is of the lists.
    pub confidence: Confidence,
    /// The rule the findings apply (sections and Federal Register citations).
    pub rule: String,
    /// What became of the AI Diffusion rule.
    pub diffusion_note: String,
    /// Country Group D:1 (national security).
    pub d1: Vec<String>,
    /// Country Group D:4 (missile technology).
    pub d4: Vec<String>,
    /// Country Group D:5 (US arms embargo).
    pub d5: Vec<String>,
    /// Country Group A:5.
    pub a5: Vec<String>,
    /// Country Group A:6.
    pub a6: Vec<String>,
    /// Territories the EAR treats as another destination, as (territory, treated as) pairs.
    pub treated_as: Vec<(String, String)>,
    /// Per two-letter code slot, the licence rules' answers (worked out once by
    /// [`ExportGroups::index_slots`]; empty until then, when the lists are searched instead).
    #[serde(skip)]
    slot_rules: Vec<u8>,
}

impl ExportGroups {
    /// The destination the EAR sees for a country code (Hong Kong is China).
    pub fn destination<'a>(&'a self, code: &'a str) -> &'a str {
        self.treated_as
            .iter()
            .find(|(from, _)| from == code)
            .map_or(code, |(_, to)| to.as_str())
    }

    /// The groups (`"D:1"`, `"D:4"`, `"D:5"`, `"A:5"`, `"A:6"`) a country code belongs to, after
    /// [`ExportGroups::destination`].
    pub fn groups_of(&self, code: &str) -> Vec<&'static str> {
        if let Some(rules) = code_slot(code).and_then(|slot| self.slot_rules.get(slot)) {
            return GROUP_NAMES
                .iter()
                .enumerate()
                .filter(|(i, _)| (rules >> (FIRST_GROUP_BIT + *i as u8)) & 1 != 0)
                .map(|(_, name)| *name)
                .collect();
        }
        self.search_groups(code)
    }

    fn search_groups(&self, code: &str) -> Vec<&'static str> {
        let code = self.destination(code);
        [
            ("D:1", &self.d1),
            ("D:4", &self.d4),
            ("D:5", &self.d5),
            ("A:5", &self.a5),
            ("A:6", &self.a6),
        ]
        .into_iter()
        .filter(|(_, list)| list.iter().any(|c| c == code))
        .map(|(name, _)| name)
        .collect()
    }

    /// Works out [`ExportGroups::licence_destination`] and
    /// [`ExportGroups::licence_headquarters`] once for every two-letter code, so the analysis
    /// looks a country up instead of searching five lists of codes per chip line and member.
    pub fn index_slots(&mut self) {
        self.slot_rules.clear();
        let rules: Vec<u8> = (0..CODE_SLOTS)
            .map(|slot| {
                let code = slot_code(slot).expect("a slot below CODE_SLOTS has a code");
                let groups = self.search_groups(code);
                let group_bits = GROUP_NAMES
                    .iter()
                    .enumerate()
                    .filter(|(_, name)| groups.contains(name))
                    .fold(0u8, |bits, (i, _)| {
                        bits | (1 << (FIRST_GROUP_BIT + i as u8))
                    });
                (u8::from(self.search_destination(code)) * LICENCE_DESTINATION)
                    | (u8::from(self.search_headquarters(code)) * LICENCE_HEADQUARTERS)
                    | group_bits
            })
            .collect();
        self.slot_rules = rules;
    }

    fn slot_rule(&self, code: &str, bit: u8) -> Option<bool> {
        let slot = code_slot(code)?;
        self.slot_rules.get(slot).map(|rules| rules & bit != 0)
    }

    /// Whether delivering ECCN 3A090.a chips to this country needs a US licence: a destination in
    /// D:1, D:4 or D:5, or Macau, that is not also in A:5 or A:6 (15 CFR 742.6(a)(6)(iii)).
    pub fn licence_destination(&self, code: &str) -> bool {
        self.slot_rule(code, LICENCE_DESTINATION)
            .unwrap_or_else(|| self.search_destination(code))
    }

    fn search_destination(&self, code: &str) -> bool {
        let code = self.destination(code);
        let has = |list: &[String]| list.iter().any(|c| c == code);
        let listed = code == "MO" || has(&self.d1) || has(&self.d4) || has(&self.d5);
        listed && !has(&self.a5) && !has(&self.a6)
    }

    /// Whether an entity headquartered in this country needs a US licence for 3A090.a chips
    /// wherever they are delivered: D:5 or Macau (15 CFR 742.6(a)(6)(iii)(A)).
    pub fn licence_headquarters(&self, code: &str) -> bool {
        self.slot_rule(code, LICENCE_HEADQUARTERS)
            .unwrap_or_else(|| self.search_headquarters(code))
    }

    fn search_headquarters(&self, code: &str) -> bool {
        let code = self.destination(code);
        code == "MO" || self.d5.iter().any(|c| c == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn the_slot_table_answers_as_the_lists_do_for_every_code() {
        let groups = &Catalog::builtin().export_groups;
        assert!(
            !groups.slot_rules.is_empty(),
            "the built-in catalog indexes its groups"
        );
        for slot in 0..CODE_SLOTS {
            let code = slot_code(slot).expect("code");
            assert_eq!(
                groups.licence_destination(code),
                groups.search_destination(code),
                "{code}"
            );
            assert_eq!(
                groups.licence_headquarters(code),
                groups.search_headquarters(code),
                "{code}"
            );
            assert_eq!(groups.groups_of(code), groups.search_groups(code), "{code}");
        }
        assert_eq!(
            groups.groups_of("HK"),
            groups.groups_of("CN"),
            "Hong Kong is China"
        );
        assert!(groups.licence_destination("VN") && !groups.licence_destination("IL"));
    }
}
