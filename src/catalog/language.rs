//! Languages: which languages each country speaks (with population shares where public) and the
//! code table that resolves the many ISO 639 codes model cards use to one canonical code each.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{CODE_SLOTS, Confidence, code_slot};

/// A language's legal standing in a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LanguageStatus {
    /// Official or national language at national level (constitution or law).
    Official,
    /// Co-official in a region, or a minority, indigenous or regional language named in law.
    Recognised,
    /// No legal status, but spoken by a large share or used as a lingua franca.
    Major,
}

impl LanguageStatus {
    /// Lower-case label.
    pub fn label(self) -> &'static str {
        match self {
            LanguageStatus::Official => "official",
            LanguageStatus::Recognised => "recognised",
            LanguageStatus::Major => "major",
        }
    }
}

/// How a base model treats one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LanguageSupport {
    /// Officially supported by the model's developer.
    Supported,
    /// Only present in the pretraining data.
    PretrainingOnly,
    /// Neither.
    Absent,
}

impl LanguageSupport {
    /// Label for tables and tooltips.
    pub fn label(self) -> &'static str {
        match self {
            LanguageSupport::Supported => "supported",
            LanguageSupport::PretrainingOnly => "pretraining only",
            LanguageSupport::Absent => "absent",
        }
    }
}

/// One language of the code table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// Canonical code: ISO 639-1 where it exists, else ISO 639-3 (or a 639-2/5 collective code).
    pub code: String,
    /// English name.
    pub name: String,
    /// Other codes that mean this language (e.g. `fil` for `tl`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One language as spoken in one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryLanguage {
    /// Language code (canonical or alias).
    pub code: String,
    /// Legal standing.
    pub status: LanguageStatus,
    /// Share (0 to 1) of the population whose first language it is, where public.
    #[serde(default)]
    pub first_language_share: Option<f64>,
    /// Share (0 to 1) who speak it at all (first or second language), per a census or survey,
    /// where public.
    #[serde(default)]
    pub speakers_share: Option<f64>,
    /// Unicode CLDR's speaker share (0 to 1) for the country: CLDR's estimate of the people who
    /// use the language, first or second language (a country's CLDR shares overlap).
    #[serde(default)]
    pub cldr_speakers_share: Option<f64>,
    /// Where the figure and status come from.
    pub source: String,
    /// How sure the figure is.
    pub confidence: Confidence,
    /// Caveats.
    #[serde(default)]
    pub note: String,
}

/// What a row's share (the one coverage uses) measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareMeasure {
    /// First language / mother tongue / main home language, per a census or survey.
    FirstLanguage,
    /// Everyone who speaks it (first or second language), per a census or survey.
    Speakers,
    /// Unicode CLDR's speaker share (first or second language, CLDR's estimate).
    CldrSpeakers,
}

impl ShareMeasure {
    /// Short label for tables and reports.
    pub fn label(self) -> &'static str {
        match self {
            ShareMeasure::FirstLanguage => "first language",
            ShareMeasure::Speakers => "speakers",
            ShareMeasure::CldrSpeakers => "speakers (CLDR)",
        }
    }
}

impl CountryLanguage {
    /// The share used for coverage: the first-language share, else the census all-speakers
    /// share, else CLDR's speaker share.
    pub fn share(&self) -> Option<f64> {
        self.share_with_measure().map(|(share, _)| share)
    }

    /// What [`CountryLanguage::share`] measures, if there is a share.
    pub fn share_measure(&self) -> Option<ShareMeasure> {
        self.share_with_measure().map(|(_, measure)| measure)
    }

    /// The share coverage uses in a country whose measure is first language only (`true`: the
    /// first-language share alone) or mixed (`false`: [`CountryLanguage::share`]), with what it
    /// measures (see [`LanguageIndex::first_language_only`]).
    pub fn share_for(&self, first_language_only: bool) -> Option<(f64, ShareMeasure)> {
        if first_language_only {
            self.first_language_share
                .map(|s| (s, ShareMeasure::FirstLanguage))
        } else {
            self.share_with_measure()
        }
    }

    fn share_with_measure(&self) -> Option<(f64, ShareMeasure)> {
        self.first_language_share
            .map(|s| (s, ShareMeasure::FirstLanguage))
            .or(self.speakers_share.map(|s| (s, ShareMeasure::Speakers)))
            .or(self
                .cldr_speakers_share
                .map(|s| (s, ShareMeasure::CldrSpeakers)))
    }
}

/// The languages of one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryLanguages {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Its official, recognised and major languages.
    pub languages: Vec<CountryLanguage>,
}

/// The language table (`assets/languages.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageTable {
    /// What each share field measures.
    pub share_definition: String,
    /// The main sources.
    pub sources: String,
    /// The generator and pinned data versions that wrote the table.
    pub generated_by: String,
    /// Every language with its canonical code and aliases.
    pub languages: Vec<Language>,
    /// Countries and their languages.
    pub countries: Vec<CountryLanguages>,
}

/// One language of one country, reduced to what coverage needs, so that walking a large
/// consortium's languages reads a few bytes per row rather than the whole row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompactRow {
    /// The row's share as coverage counts it ([`CountryLanguage::share_for`] the country's
    /// measure).
    pub share: Option<f64>,
    /// Canonical index of the language in the table's `languages`.
    pub language: u16,
    /// Whether the language is official in the country.
    pub official: bool,
    /// Whether the share counts everyone who speaks the language (a census speakers share or
    /// CLDR's speaker share) rather than first-language speakers only.
    pub speakers_measure: bool,
}

/// One language row of a country that a model does not support.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnsupportedRow {
    /// The row's share as coverage counts it ([`CompactRow::share`]).
    pub share: Option<f64>,
    /// Canonical index of the language in the table's `languages`.
    pub language: u16,
    /// Whether the language is official in the country.
    pub official: bool,
    /// Whether the model has it in its pretraining data (else it is absent).
    pub weak: bool,
}

/// Shares that must be known before a country's coverage is stated: below this, the table does not
/// say what most of its people speak first, and a coverage figure would mislead.
pub const MIN_KNOWN_SHARE: f64 = 0.5;

/// How a model meets one country's languages, worked out once per model and country: the shares
/// of its people by how the model treats their language (each Σ share of the table's rows of that
/// kind, capped at 1), and the rows it does not support.
///
/// Where the rows overlap (all-speakers shares, or a census that allows several answers, so that
/// their shares add up to more than 1), a person who speaks a supported language counts as covered
/// and one who speaks a pretraining-only language as weak: `weak` is capped at 1 − `coverage`,
/// and `absent` at what then remains, so that the three never add up to more than 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CountrySupport {
    /// Σ share of the supported rows: the share reached in a supported first language. Stated
    /// only when the shares the table knows for the country add up to [`MIN_KNOWN_SHARE`] or more
    /// (else `None`).
    pub coverage: Option<f64>,
    /// Σ share of the rows only in the pretraining data (capped where rows overlap, see above);
    /// `None` where none has a share.
    pub weak: Option<f64>,
    /// Σ share of the rows the model lacks (capped where rows overlap, see above); `None` where
    /// none has a share.
    pub absent: Option<f64>,
    /// Whether `coverage` is stated and a supported row has no share, so it is a lower bound.
    pub lower_bound: bool,
    /// Whether a supported row is an official language.
    pub official_supported: bool,
    /// Whether `coverage` counts a supported row whose share is a speakers share (census or
    /// CLDR: first or second language), so it is the share who speak a supported language, not
    /// the share whose first language it is.
    pub speakers_counted: bool,
    /// Where its unsupported rows start and end in [`ModelSupport::unsupported`].
    pub unsupported: (u32, u32),
}

impl CountrySupport {
    /// A country the table lacks: nothing known, nothing supported.
    pub const NONE: CountrySupport = CountrySupport {
        coverage: None,
        weak: None,
        absent: None,
        lower_bound: false,
        official_supported: false,
        speakers_counted: false,
        unsupported: (0, 0),
    };
}

/// A model's support of every language and every country of the table, worked out once per
/// catalog model (the plan-independent half of the language-coverage analysis).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelSupport {
    /// How the model treats each language, indexed like the table's `languages`; empty when the
    /// model lists no supported language (nothing can be said of its coverage).
    pub languages: Vec<LanguageSupport>,
    /// Per country entry of the table, in its order.
    pub countries: Vec<CountrySupport>,
    /// The rows the model does not support, country after country.
    pub unsupported: Vec<UnsupportedRow>,
}

impl ModelSupport {
    /// A country's rows that the model does not support, in the table's order.
    pub fn unsupported_of(&self, country: &CountrySupport) -> &[UnsupportedRow] {
        let (start, end) = country.unsupported;
        self.unsupported
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

/// Fast look-ups over a [`LanguageTable`]: code or alias → language, country → its languages.
#[derive(Debug, Clone)]
pub struct LanguageIndex {
    by_code: HashMap<String, usize>,
    by_country: Box<[u16; CODE_SLOTS]>,
    /// Per country entry, the canonical language index of each of its rows (resolved once).
    country_ids: Vec<Vec<usize>>,
    /// The languages in the order of their canonical codes.
    code_order: Vec<u16>,
    /// Per language, whether it is a sign language (not learnt from text).
    sign: Vec<bool>,
    /// Every country's rows, country after country, in table order.
    rows: Vec<CompactRow>,
    /// Per country entry, whether its coverage rests on first-language shares only.
    first_language_only: Vec<bool>,
    /// Per country entry, where its rows start in `rows`, plus the end.
    row_starts: Vec<usize>,
}

impl LanguageIndex {
    /// Builds the index; `Err` names the first code that is defined twice or not defined.
    pub fn new(table: &LanguageTable) -> Result<LanguageIndex, String> {
        let mut by_code = HashMap::new();
        for (i, l) in table.languages.iter().enumerate() {
            for code in std::iter::once(&l.code).chain(&l.aliases) {
                if by_code.insert(code.to_lowercase(), i).is_some() {
                    return Err(format!("language code {code:?} is defined twice"));
                }
            }
        }
        let mut by_country = Box::new([u16::MAX; CODE_SLOTS]);
        for (i, c) in table.countries.iter().enumerate() {
            let slot = code_slot(&c.country)
                .ok_or_else(|| format!("{:?} is not a country code", c.country))?;
            by_country[slot] = u16::try_from(i).map_err(|_| "too many countries".to_string())?;
            for l in &c.languages {
                if !by_code.contains_key(&l.code.to_lowercase()) {
                    return Err(format!(
                        "{} names undefined language {:?}",
                        c.country, l.code
                    ));
                }
                for share in [
                    l.first_language_share,
                    l.speakers_share,
                    l.cldr_speakers_share,
                ]
                .into_iter()
                .flatten()
                {
                    if !(0.0..=1.0).contains(&share) {
                        return Err(format!(
                            "{} {}: share {share} outside 0..1",
                            c.country, l.code
                        ));
                    }
                }
            }
        }
        let country_ids: Vec<Vec<usize>> = table
            .countries
            .iter()
            .map(|c| {
                c.languages
                    .iter()
                    .map(|l| by_code[&l.code.to_lowercase()])
                    .collect()
            })
            .collect();
        let mut by_code_order: Vec<usize> = (0..table.languages.len()).collect();
        by_code_order.sort_by(|&a, &b| table.languages[a].code.cmp(&table.languages[b].code));
        let code_order = by_code_order
            .iter()
            .map(|&i| u16::try_from(i).map_err(|_| "too many languages".to_string()))
            .collect::<Result<Vec<u16>, String>>()?;
        let sign: Vec<bool> = table
            .languages
            .iter()
            .map(|l| l.name.contains("Sign Language"))
            .collect();
        let mut rows = Vec::new();
        let mut row_starts = vec![0];
        let mut first_language_only = Vec::with_capacity(table.countries.len());
        for (c, ids) in table.countries.iter().zip(&country_ids) {
            // One measure per country where possible: when a census gives a first-language share
            // for each official language and these shares say what most of its people speak
            // first, only they count, so that a speakers share (e.g. CLDR's German in a country
            // whose census counts mother tongues) is not added to first-language figures. Official
            // sign languages are left out of the check: censuses rarely count their signers.
            let first_total: f64 = c
                .languages
                .iter()
                .filter_map(|l| l.first_language_share)
                .sum();
            let officials_known = c
                .languages
                .iter()
                .zip(ids)
                .filter(|(l, id)| l.status == LanguageStatus::Official && !sign[**id])
                .all(|(l, _)| l.first_language_share.is_some());
            let first_only = officials_known && first_total >= MIN_KNOWN_SHARE;
            first_language_only.push(first_only);
            for (l, &id) in c.languages.iter().zip(ids) {
                let share = l.share_for(first_only);
                rows.push(CompactRow {
                    share: share.map(|(s, _)| s),
                    language: u16::try_from(id).map_err(|_| "too many languages".to_string())?,
                    official: l.status == LanguageStatus::Official,
                    speakers_measure: l
                        .share_measure()
                        .is_some_and(|m| m != ShareMeasure::FirstLanguage),
                });
            }
            row_starts.push(rows.len());
        }
        Ok(LanguageIndex {
            by_code,
            by_country,
            country_ids,
            code_order,
            sign,
            rows,
            row_starts,
            first_language_only,
        })
    }

    /// Per country entry of the table, whether its coverage rests on first-language shares only:
    /// true where every official language has a first-language share and these shares add up to
    /// [`MIN_KNOWN_SHARE`] or more (its other rows' speakers shares are then shown but not
    /// counted); else each row counts its first-language share, else its census speakers share,
    /// else CLDR's speaker share.
    pub fn first_language_only(&self) -> &[bool] {
        &self.first_language_only
    }

    /// Position in the table's `languages` of a code or alias (case-insensitive).
    pub fn language(&self, code: &str) -> Option<usize> {
        self.by_code
            .get(code)
            .or_else(|| self.by_code.get(&code.to_lowercase()))
            .copied()
    }

    /// The canonical language index of each row of every country entry, in the table's order.
    pub fn all_country_language_ids(&self) -> &[Vec<usize>] {
        &self.country_ids
    }

    /// The rows of a country entry in compact form.
    pub fn compact_rows_of(&self, country_entry: usize) -> &[CompactRow] {
        &self.rows[self.row_starts[country_entry]..self.row_starts[country_entry + 1]]
    }

    /// Every language (as its index in the table's `languages`), in the order of the canonical
    /// codes.
    pub fn in_code_order(&self) -> &[u16] {
        &self.code_order
    }

    /// Whether the language is a sign language.
    pub fn is_sign_language(&self, language: usize) -> bool {
        self.sign[language]
    }

    /// How a model with these supported and pretraining-only codes treats every language of the
    /// table, indexed like the table; empty when the model lists no supported language (nothing
    /// can be said of its coverage).
    pub fn support_table(
        &self,
        supported: &[String],
        pretraining: &[String],
    ) -> Vec<LanguageSupport> {
        let supported = self.resolve(supported);
        if supported.is_empty() {
            return Vec::new();
        }
        let mut table = vec![LanguageSupport::Absent; self.sign.len()];
        for i in self.resolve(pretraining) {
            table[i] = LanguageSupport::PretrainingOnly;
        }
        for i in supported {
            table[i] = LanguageSupport::Supported;
        }
        table
    }

    /// How a model with these supported and pretraining-only codes meets every language and
    /// country of the table (see [`ModelSupport`]).
    pub fn model_support(&self, supported: &[String], pretraining: &[String]) -> ModelSupport {
        let languages = self.support_table(supported, pretraining);
        if languages.is_empty() {
            return ModelSupport::default();
        }
        let mut out = ModelSupport {
            countries: Vec::with_capacity(self.row_starts.len().saturating_sub(1)),
            unsupported: Vec::new(),
            languages,
        };
        for entry in 0..self.row_starts.len().saturating_sub(1) {
            // Σ share of the rows of each kind, indexed by `LanguageSupport as usize`.
            let mut sums: [Option<f64>; 3] = [None; 3];
            let mut supported_without_share = false;
            let mut country = CountrySupport::default();
            let start = out.unsupported.len();
            for row in self.compact_rows_of(entry) {
                let how = out.languages[usize::from(row.language)];
                match row.share {
                    Some(share) => {
                        let sum = &mut sums[how as usize];
                        *sum = Some(sum.unwrap_or(0.0) + share);
                    }
                    None => supported_without_share |= how == LanguageSupport::Supported,
                }
                if how == LanguageSupport::Supported {
                    country.official_supported |= row.official;
                    country.speakers_counted |= row.share.is_some() && row.speakers_measure;
                } else {
                    out.unsupported.push(UnsupportedRow {
                        share: row.share,
                        language: row.language,
                        official: row.official,
                        weak: how == LanguageSupport::PretrainingOnly,
                    });
                }
            }
            let total = sums.iter().flatten().fold(0.0, |a, b| a + b);
            let known = total >= MIN_KNOWN_SHARE;
            let cap = |x: Option<f64>| x.map(|v| v.min(1.0));
            let covered = cap(sums[0]);
            country.coverage = known.then(|| covered.unwrap_or(0.0));
            country.weak = cap(sums[1]);
            country.absent = cap(sums[2]);
            if total > 1.0 {
                // The rows overlap (all-speakers shares, or a census with several answers): a
                // person who speaks a supported language is reached, so the weak and absent
                // shares count only the people that remain.
                let rest = (1.0 - covered.unwrap_or(0.0)).max(0.0);
                country.weak = country.weak.map(|w| w.min(rest));
                let rest = (rest - country.weak.unwrap_or(0.0)).max(0.0);
                country.absent = country.absent.map(|a| a.min(rest));
            }
            country.lower_bound = known && supported_without_share;
            country.speakers_counted &= known;
            let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            country.unsupported = (index(start), index(out.unsupported.len()));
            out.countries.push(country);
        }
        out
    }

    /// Canonical indexes of a list of codes; unknown codes are skipped, duplicates (e.g. `ak`
    /// and `tw`, or `fil` and `tl`) kept once.
    pub fn resolve(&self, codes: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = codes.iter().filter_map(|c| self.language(c)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Position in the table's `countries` of a country's entry.
    pub fn country(&self, code: &str) -> Option<usize> {
        self.country_at_slot(code_slot(code)?)
    }

    /// Position in the table's `countries` of the entry whose code has this [`code_slot`].
    pub fn country_at_slot(&self, slot: usize) -> Option<usize> {
        match *self.by_country.get(slot)? {
            u16::MAX => None,
            i => Some(usize::from(i)),
        }
    }
}
