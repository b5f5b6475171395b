//! Language coverage: does the shared base model speak the members' languages?
//!
//! For each member, every language of its row in the catalog's language table is *supported*
//! (the model's developer lists it as officially supported), *pretraining only* (present in the
//! pretraining data, not supported) or *absent*.
//!
//! - Member coverage = Σ share of its supported languages, capped at 1: the share of its people
//!   reached in their first language. The share is the first-language share, else the all-speakers
//!   share, from `assets/languages.ron`. Pretraining-only languages are reported apart ("weak") and
//!   are not counted as covered. Coverage is stated only when the table's shares for the member
//!   add up to at least [`MIN_KNOWN_SHARE`]; otherwise it is unknown. Where a supported language
//!   has no share, the figure is a lower bound and says so.
//! - Consortium coverage = Σ population × coverage ÷ Σ population, over members with known
//!   coverage.
//! - Also per member: whether at least one *official* language is supported (the government can use
//!   the model in an official language even where few people speak it first).
//! - Uncovered languages: each language that is weak or absent for some member, with its speakers
//!   (Σ share × population over those members), largest first.
//!
//! Coverage does not enter the seven foreign-dependency layers: those measure who *supplies* the
//! consortium, and a missing language is a capability gap that the consortium closes itself by
//! adaptation. It is shown beside them as its own figure.
//!
//! Adaptation proposal per uncovered language: continued pretraining on
//! min(the corpus the plan enters for it, [`TOKENS_PER_LANGUAGE`]) tokens, with
//! [`EXPERTS_PER_LANGUAGE`] data-and-language experts. A corpus under [`MIN_USEFUL_CORPUS_TOKENS`]
//! is a data gap, not a compute problem.

use std::borrow::Cow;

use crate::catalog::{Catalog, LanguageStatus, OpenModel};
use crate::plan::Plan;

use super::report::MemberFigures;

/// Default continued-pretraining tokens per language to adapt. Public evidence: SEA-LION v3's
/// regional continued pretraining used 200B tokens for 11 languages (with English, Chinese and code
/// in the mix; arXiv 2504.05747), about 18B per language; SEA-LION v4 used ~500B on Gemma 3 27B.
/// 20B per language is the planning figure (Low confidence: one family of runs).
pub const TOKENS_PER_LANGUAGE: f64 = 20e9;

/// Below this many tokens a language's corpus is too small for continued pretraining to teach the
/// language (InkubaLM trained on 1.9B African-language tokens in all; arXiv 2408.17024).
pub const MIN_USEFUL_CORPUS_TOKENS: f64 = 1e9;

/// Data-and-language experts per language to adapt (corpus collection, cleaning, evaluation):
/// a rule of thumb, not a published figure.
pub const EXPERTS_PER_LANGUAGE: f64 = 2.0;

/// How the base model treats one language.
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

/// One language of one member.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberLanguage {
    /// Canonical code.
    pub code: Cow<'static, str>,
    /// English name.
    pub name: Cow<'static, str>,
    /// Legal standing in the member.
    pub status: LanguageStatus,
    /// Share of the member's population (first language, else all speakers), if known.
    pub share: Option<f64>,
    /// How the base model treats it.
    pub support: LanguageSupport,
}

/// Coverage of one member, in plan order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MemberCoverage {
    /// Share of the population reached in a supported first language (0 to 1); `None` when no
    /// share is known for the member's languages.
    pub coverage: Option<f64>,
    /// Share whose languages are only in the pretraining data.
    pub weak: Option<f64>,
    /// Share whose languages are absent.
    pub absent: Option<f64>,
    /// Whether at least one official language is supported.
    pub official_supported: bool,
    /// Whether a supported language has no share in the table, so `coverage` is a lower bound.
    pub lower_bound: bool,
    /// Its languages, in the table's order.
    pub languages: Vec<MemberLanguage>,
}

/// A language the model does not support for some member.
#[derive(Debug, Clone, PartialEq)]
pub struct UncoveredLanguage {
    /// Canonical code.
    pub code: Cow<'static, str>,
    /// English name.
    pub name: Cow<'static, str>,
    /// People who speak it in the members where it is not supported (share × population; 0 when
    /// no share is known).
    pub speakers: f64,
    /// Members (country codes) where it is spoken and not supported.
    pub members: Vec<Cow<'static, str>>,
    /// Whether it is at least in the pretraining data (weak rather than absent).
    pub weak: bool,
    /// Whether it is official in at least one of those members.
    pub official: bool,
    /// The corpus the plan enters for it, in tokens.
    pub corpus_tokens: Option<f64>,
    /// Proposed continued-pretraining tokens.
    pub proposed_tokens: f64,
    /// Data-and-language experts the adaptation needs (FTE).
    pub experts_fte: f64,
    /// Whether the corpus is too small for continued pretraining to help.
    pub data_gap: bool,
}

/// Language coverage of the plan's base model for this consortium.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LanguageFigures {
    /// Whether the base model's developer lists its supported languages; when not (e.g. "140+
    /// languages" with no list), nothing can be said and every coverage is unknown.
    pub model_languages_listed: bool,
    /// Population-weighted coverage over members with known coverage (0 to 1); `None` when no
    /// member has a known share.
    pub coverage: Option<f64>,
    /// Share of the consortium's population whose coverage is known.
    pub population_known_share: f64,
    /// Members whose governments can use the model in at least one official language.
    pub members_with_official_language: usize,
    /// Per member, in plan order.
    pub members: Vec<MemberCoverage>,
    /// Languages not supported somewhere, most speakers first.
    pub uncovered: Vec<UncoveredLanguage>,
    /// Tokens of all proposed adaptations.
    pub proposed_tokens_total: f64,
    /// Experts of all proposed adaptations (FTE).
    pub proposed_experts_total: f64,
}

/// Shares that must be known before a member's coverage is stated: below this, the table does not
/// say what most of its people speak first, and a coverage figure would mislead.
pub const MIN_KNOWN_SHARE: f64 = 0.5;

/// Per-member shares only, for comparing models (the model picker's column).
struct Shares {
    coverage: Option<f64>,
    weak: Option<f64>,
    absent: Option<f64>,
    /// A supported language has no share, so the coverage is at least the figure given.
    lower_bound: bool,
}

fn support_of(id: usize, supported: &[usize], pretraining: &[usize]) -> LanguageSupport {
    if supported.binary_search(&id).is_ok() {
        LanguageSupport::Supported
    } else if pretraining.binary_search(&id).is_ok() {
        LanguageSupport::PretrainingOnly
    } else {
        LanguageSupport::Absent
    }
}

fn member_shares(
    catalog: &Catalog,
    country: &str,
    supported: &[usize],
    pretraining: &[usize],
) -> Shares {
    let mut sums = [None::<f64>; 3];
    let mut lower_bound = false;
    if let Some(entry) = catalog.language_index.country(country) {
        let rows = &catalog.languages.countries[entry].languages;
        let ids = catalog.language_index.country_language_ids(entry);
        for (row, &id) in rows.iter().zip(ids) {
            let k = support_of(id, supported, pretraining) as usize;
            match row.share() {
                Some(share) => sums[k] = Some(sums[k].unwrap_or(0.0) + share),
                None => lower_bound |= k == 0,
            }
        }
    }
    let known = sums.iter().flatten().sum::<f64>() >= MIN_KNOWN_SHARE;
    let cap = |x: Option<f64>| x.map(|v| v.min(1.0));
    Shares {
        coverage: if known {
            Some(cap(sums[0]).unwrap_or(0.0))
        } else {
            None
        },
        weak: cap(sums[1]),
        absent: cap(sums[2]),
        lower_bound,
    }
}

/// Population-weighted coverage of `model` for this consortium (for ranking candidate models).
pub fn coverage_with(plan: &Plan, catalog: &Catalog, model: &OpenModel) -> Option<f64> {
    let (supported, pretraining) = catalog.model_language_ids(model);
    if supported.is_empty() {
        return None;
    }
    let (mut covered, mut population) = (0.0, 0.0);
    for m in &plan.members {
        let Some(pop) = catalog.country(&m.country).and_then(|c| c.population) else {
            continue;
        };
        if let Some(c) = member_shares(catalog, &m.country, &supported, &pretraining).coverage {
            covered += pop * c;
            population += pop;
        }
    }
    (population > 0.0).then(|| covered / population)
}

/// Language coverage of the plan's base model and the adaptation proposals.
pub fn languages(
    plan: &Plan,
    catalog: &'static Catalog,
    model: Option<&OpenModel>,
    members: &[MemberFigures],
) -> LanguageFigures {
    let (supported, pretraining) = model
        .map(|m| catalog.model_language_ids(m))
        .unwrap_or_default();
    let table = &catalog.languages.languages;
    let mut out = LanguageFigures {
        model_languages_listed: !supported.is_empty(),
        ..LanguageFigures::default()
    };
    if !out.model_languages_listed {
        out.members = vec![MemberCoverage::default(); plan.members.len()];
        return out;
    }
    // Uncovered languages by canonical index → position in `out.uncovered`, and back.
    let mut slot: Vec<Option<usize>> = vec![None; table.len()];
    let mut uncovered_ids: Vec<usize> = Vec::new();
    let (mut covered, mut known_population, mut all_population) = (0.0, 0.0, 0.0);
    for (member, figures) in plan.members.iter().zip(members) {
        let population = figures.population.unwrap_or(0.0);
        all_population += population;
        let shares = member_shares(catalog, &member.country, &supported, &pretraining);
        let mut cov = MemberCoverage {
            coverage: shares.coverage,
            weak: shares.weak,
            absent: shares.absent,
            lower_bound: shares.lower_bound && shares.coverage.is_some(),
            ..MemberCoverage::default()
        };
        if let Some(c) = shares.coverage {
            covered += population * c;
            known_population += population;
        }
        if let Some(entry) = catalog.language_index.country(&member.country) {
            let rows = &catalog.languages.countries[entry].languages;
            let ids = catalog.language_index.country_language_ids(entry);
            cov.languages.reserve_exact(rows.len());
            for (row, &id) in rows.iter().zip(ids) {
                let support = support_of(id, &supported, &pretraining);
                let language = &table[id];
                if support == LanguageSupport::Supported && row.status == LanguageStatus::Official {
                    cov.official_supported = true;
                }
                cov.languages.push(MemberLanguage {
                    code: Cow::Borrowed(language.code.as_str()),
                    name: Cow::Borrowed(language.name.as_str()),
                    status: row.status,
                    share: row.share(),
                    support,
                });
                if support == LanguageSupport::Supported {
                    continue;
                }
                let i = *slot[id].get_or_insert_with(|| {
                    uncovered_ids.push(id);
                    out.uncovered.push(UncoveredLanguage {
                        code: Cow::Borrowed(language.code.as_str()),
                        name: Cow::Borrowed(language.name.as_str()),
                        speakers: 0.0,
                        members: Vec::new(),
                        weak: support == LanguageSupport::PretrainingOnly,
                        official: false,
                        corpus_tokens: None,
                        proposed_tokens: 0.0,
                        experts_fte: 0.0,
                        data_gap: false,
                    });
                    out.uncovered.len() - 1
                });
                let u = &mut out.uncovered[i];
                u.speakers += row.share().unwrap_or(0.0) * population;
                u.members.push(figures.country.clone());
                u.official |= row.status == LanguageStatus::Official;
            }
        }
        if cov.official_supported {
            out.members_with_official_language += 1;
        }
        out.members.push(cov);
    }
    out.coverage = (known_population > 0.0).then(|| covered / known_population);
    out.population_known_share = if all_population > 0.0 {
        known_population / all_population
    } else {
        0.0
    };
    // The corpus a plan enters under any code of a language counts for that language.
    let corpora: Vec<(Option<usize>, f64)> = plan
        .language_corpora
        .iter()
        .map(|c| (catalog.language_index.language(&c.language), c.tokens))
        .collect();
    for (u, &id) in out.uncovered.iter_mut().zip(&uncovered_ids) {
        // A sign language is not learnt from text: it gets no text-pretraining proposal.
        if u.name.contains("Sign Language") {
            continue;
        }
        u.corpus_tokens = corpora
            .iter()
            .filter(|(c, _)| *c == Some(id))
            .map(|&(_, tokens)| tokens)
            .reduce(f64::max);
        u.proposed_tokens = u
            .corpus_tokens
            .map_or(TOKENS_PER_LANGUAGE, |c| c.min(TOKENS_PER_LANGUAGE));
        u.data_gap = u
            .corpus_tokens
            .is_some_and(|c| c < MIN_USEFUL_CORPUS_TOKENS);
        u.experts_fte = EXPERTS_PER_LANGUAGE;
        out.proposed_tokens_total += u.proposed_tokens;
        out.proposed_experts_total += u.experts_fte;
    }
    // Codes are unique, so an unstable sort is deterministic.
    out.uncovered.sort_unstable_by(|a, b| {
        b.speakers
            .total_cmp(&a.speakers)
            .then_with(|| a.code.cmp(&b.code))
    });
    out
}
