//! US export-control country groups (EAR Supplement No. 1 to part 740) and the destinations the
//! advanced-computing rules cover.

use serde::{Deserialize, Serialize};

use super::Confidence;

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

    /// Whether delivering ECCN 3A090.a chips to this country needs a US licence: a destination in
    /// D:1, D:4 or D:5, or Macau, that is not also in A:5 or A:6 (15 CFR 742.6(a)(6)(iii)).
    pub fn licence_destination(&self, code: &str) -> bool {
        let code = self.destination(code);
        let has = |list: &[String]| list.iter().any(|c| c == code);
        let listed = code == "MO" || has(&self.d1) || has(&self.d4) || has(&self.d5);
        listed && !has(&self.a5) && !has(&self.a6)
    }

    /// Whether an entity headquartered in this country needs a US licence for 3A090.a chips
    /// wherever they are delivered: D:5 or Macau (15 CFR 742.6(a)(6)(iii)(A)).
    pub fn licence_headquarters(&self, code: &str) -> bool {
        let code = self.destination(code);
        code == "MO" || self.d5.iter().any(|c| c == code)
    }
}
