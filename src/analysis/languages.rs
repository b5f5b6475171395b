//! Language coverage: does the shared base model speak the members' languages?
//!
//! For each member, every language of its row in the catalog's language table is *supported*
//! (the model's developer lists it as officially supported), *pretraining only* (present in the
//! pretraining data, not supported) or *absent*.
//!
//! - Member coverage = Σ share of its supported languages, capped at 1: the share of its people
//!   reached in their first language where the table has first-language figures. A member whose
//!   census gives a first-language share for each official language, these shares adding up to
//!   [`MIN_KNOWN_SHARE`] or more, counts those alone (one measure,
//!   not first-language figures plus second-language speakers); otherwise each language counts its
//!   first-language share, else a census all-speakers share, else Unicode CLDR's speaker share,
//!   from `assets/languages.ron`; where a supported language's share is a speakers share (first or
//!   second language), coverage is the share who *speak* a supported language, and the member says
//!   so ([`MemberCoverage::speakers_counted`], [`LanguageFigures::population_speakers_share`]). Pretraining-only languages are reported apart ("weak") and
//!   are not counted as covered. Where a member's shares overlap (speakers of several languages,
//!   adding up to more than 1), a person who speaks a supported language counts as covered, so the
//!   weak and absent shares count only the people that remain and the three add up to at most 1.
//!   Coverage is stated only when the table's shares for the member
//!   add up to at least [`MIN_KNOWN_SHARE`]; otherwise it is unknown. Where a supported language
//!   has no share, the figure is a lower bound and says so. A member's shares depend only on the
//!   model and the country, so the catalog works them out once per model and country
//!   ([`crate::catalog::LanguageIndex::model_support`]); the analysis reads them.
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
use std::ops::Range;

use crate::catalog::{
    Catalog, CountryLanguages, CountrySupport, Language, LanguageStatus, OpenModel, ShareMeasure,
};
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

pub use crate::catalog::LanguageSupport;

/// One language of one member.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberLanguage {
    /// Canonical code.
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// Legal standing in the member.
    pub status: LanguageStatus,
    /// Share of the member's population as coverage counts it (first language; where the
    /// member's first-language shares are too few, else all speakers per a census, else CLDR's
    /// speaker share), if known.
    pub share: Option<f64>,
    /// What `share` measures.
    pub measure: Option<ShareMeasure>,
    /// How the base model treats it.
    pub support: LanguageSupport,
}

/// Coverage of one member, in plan order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MemberCoverage {
    /// Share of the population reached in a supported first language (0 to 1); `None` when no
    /// share is known for the member's languages.
    pub coverage: Option<f64>,
    /// Share whose languages are only in the pretraining data (not counting people also reached
    /// in a supported language, where the table's shares overlap).
    pub weak: Option<f64>,
    /// Share whose languages are absent (not counting people also reached in a supported or
    /// pretraining-only language, where the table's shares overlap).
    pub absent: Option<f64>,
    /// Whether at least one official language is supported.
    pub official_supported: bool,
    /// Whether a supported language has no share in the table, so `coverage` is a lower bound.
    pub lower_bound: bool,
    /// Whether `coverage` counts a speakers share (census all-speakers or CLDR's speaker share,
    /// first or second language) of a supported language, so it is the share who speak a
    /// supported language rather than the share whose first language it is.
    pub speakers_counted: bool,
    /// Its entry in the catalog's language table, as a position in its `countries` (`None` when
    /// the table lacks it, or when the model lists no languages);
    /// [`LanguageFigures::languages_of`] lists its languages.
    pub entry: Option<u16>,
}

/// A language the model does not support for some member.
#[derive(Debug, Clone, PartialEq)]
pub struct UncoveredLanguage {
    /// Its entry in the catalog's language table (canonical code and English name).
    pub language: &'static Language,
    /// People who speak it in the members where it is not supported (share × population; 0 when
    /// no share is known).
    pub speakers: f64,
    /// The members where it is spoken and not supported, in plan order, as positions in
    /// [`LanguageFigures::uncovered_members`]; [`LanguageFigures::members_of`] reads them.
    pub members: Range<usize>,
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
    /// Share of the consortium's population whose coverage counts speakers shares (see
    /// [`MemberCoverage::speakers_counted`]); the rest of the known share rests on first-language
    /// figures only.
    pub population_speakers_share: f64,
    /// Members whose governments can use the model in at least one official language.
    pub members_with_official_language: usize,
    /// Per member, in plan order.
    pub members: Vec<MemberCoverage>,
    /// How the model treats each language of the catalog's table, indexed like the table.
    pub support: Cow<'static, [LanguageSupport]>,
    /// The catalog's language table.
    pub table: &'static [Language],
    /// The countries of the catalog's language table (what [`MemberCoverage::entry`] points into).
    pub countries: &'static [CountryLanguages],
    /// The canonical language index of each row of each of those countries.
    pub country_language_ids: &'static [Vec<usize>],
    /// Per country of the table, whether its coverage rests on first-language shares only
    /// ([`crate::catalog::LanguageIndex::first_language_only`]).
    pub country_first_language_only: &'static [bool],
    /// Languages not supported somewhere, most speakers first.
    pub uncovered: Vec<UncoveredLanguage>,
    /// The positions in `members` of each uncovered language's members, language after language.
    pub uncovered_members: Vec<u32>,
    /// Tokens of all proposed adaptations.
    pub proposed_tokens_total: f64,
    /// Experts of all proposed adaptations (FTE).
    pub proposed_experts_total: f64,
}

/// Shares that must be known before a member's coverage is stated (the rule is applied where the
/// catalog works out each country's shares).
pub use crate::catalog::MIN_KNOWN_SHARE;

impl UncoveredLanguage {
    /// Canonical code.
    pub fn code(&self) -> &'static str {
        self.language.code.as_str()
    }

    /// English name.
    pub fn name(&self) -> &'static str {
        self.language.name.as_str()
    }
}

impl LanguageFigures {
    /// A member's languages, in the table's order, each with how the model treats it. (The rows
    /// are the catalog's, joined with the model's support table as they are read, so a large
    /// consortium's analysis does not copy them.)
    pub fn languages_of<'a>(
        &'a self,
        member: &'a MemberCoverage,
    ) -> impl Iterator<Item = MemberLanguage> + 'a {
        let entry = member.entry.map(usize::from);
        let rows = self
            .country_of(member)
            .map_or(&[][..], |c| c.languages.as_slice());
        let ids = entry
            .and_then(|e| self.country_language_ids.get(e))
            .map_or(&[][..], |ids| ids.as_slice());
        let first_only = entry
            .and_then(|e| self.country_first_language_only.get(e))
            .copied()
            .unwrap_or(false);
        rows.iter().zip(ids).filter_map(move |(row, &id)| {
            let language = self.table.get(id)?;
            let share = row.share_for(first_only);
            Some(MemberLanguage {
                code: language.code.as_str(),
                name: language.name.as_str(),
                status: row.status,
                share: share.map(|(s, _)| s),
                measure: share.map(|(_, m)| m),
                support: self
                    .support
                    .get(id)
                    .copied()
                    .unwrap_or(LanguageSupport::Absent),
            })
        })
    }

    /// The members (country codes, in plan order) where an uncovered language is spoken and not
    /// supported.
    pub fn members_of<'a>(
        &'a self,
        language: &UncoveredLanguage,
    ) -> impl Iterator<Item = &'static str> + 'a {
        let positions = self
            .uncovered_members
            .get(language.members.clone())
            .unwrap_or_default();
        // A member with an uncovered language has an entry in the table, which holds its code.
        positions.iter().filter_map(|&i| {
            let member = self.members.get(i as usize)?;
            Some(self.country_of(member)?.country.as_str())
        })
    }

    /// A member's entry in the catalog's language table.
    pub fn country_of(&self, member: &MemberCoverage) -> Option<&'static CountryLanguages> {
        self.countries.get(usize::from(member.entry?))
    }
}

/// Population-weighted coverage of `model` for this consortium (for ranking candidate models).
pub fn coverage_with(plan: &Plan, catalog: &'static Catalog, model: &OpenModel) -> Option<f64> {
    let support = catalog.model_language_support(model);
    if support.languages.is_empty() {
        return None;
    }
    let (mut covered, mut population) = (0.0, 0.0);
    for m in &plan.members {
        let Some(pop) = catalog.country(&m.country).and_then(|c| c.population) else {
            continue;
        };
        let country = catalog
            .language_index
            .country(&m.country)
            .and_then(|e| support.countries.get(e))
            .unwrap_or(&CountrySupport::NONE);
        if let Some(c) = country.coverage {
            covered += pop * c;
            population += pop;
        }
    }
    (population > 0.0).then(|| covered / population)
}

/// What the analysis gathers about one uncovered language while it walks the members (16 bytes:
/// the walk reaches the table of all languages at random).
#[derive(Clone, Copy, Default)]
struct Gathered {
    speakers: f64,
    /// Members where it is not supported (while walking); then its next slot in
    /// `uncovered_members` (while filling).
    count: u32,
    official: bool,
    weak: bool,
}

/// The languages gathered for at least one member (`count > 0`, `distinct` of them), most
/// speakers first, ties in code order (`code_order` lists every language in the order of its
/// code).
///
/// Speakers are sums of non-negative products, whose bits order like their values. Each language
/// with speakers is ranked on one 64-bit integer: its speakers' leading bits, inverted, then its
/// place in code order (a 128-bit key with every bit sorts twice as slowly). Languages whose
/// leading bits tie are then put in exact order among themselves. Those without a known share
/// (about half at 193 members) all have 0 speakers and come last, in code order.
fn most_spoken_first(gathered: &[Gathered], code_order: &[u16], distinct: usize) -> Vec<u16> {
    let rank_bits = u64::BITS - (code_order.len() as u64).leading_zeros();
    let rank_mask = (1u64 << rank_bits) - 1;
    let mut keys: Vec<u64> = Vec::with_capacity(distinct);
    // The unspoken ones go here, and the ranked ones are put in front of them at the end.
    let mut out: Vec<u16> = Vec::with_capacity(distinct);
    for (rank, &id) in code_order.iter().enumerate() {
        let g = &gathered[usize::from(id)];
        if g.count == 0 {
            continue;
        }
        let speakers = g.speakers.to_bits();
        if speakers == 0 {
            out.push(id);
        } else {
            keys.push((!speakers & !rank_mask) | rank as u64);
        }
    }
    keys.sort_unstable();
    let exact = |key: &u64| {
        let rank = (key & rank_mask) as usize;
        (
            !gathered[usize::from(code_order[rank])].speakers.to_bits(),
            rank,
        )
    };
    let mut start = 0;
    while start < keys.len() {
        let leading = keys[start] & !rank_mask;
        let end = start
            + keys[start..]
                .iter()
                .take_while(|&&k| k & !rank_mask == leading)
                .count();
        if end - start > 1 {
            keys[start..end].sort_unstable_by_key(exact);
        }
        start = end;
    }
    out.splice(
        0..0,
        keys.iter()
            .map(|&key| code_order[(key & rank_mask) as usize]),
    );
    out
}

/// Language coverage of the plan's base model and the adaptation proposals.
///
/// One walk over the members' languages gathers everything; the uncovered languages are then
/// ranked on integer keys and their members filled in one list (see [`LanguageFigures`]).
pub fn languages(
    plan: &Plan,
    catalog: &'static Catalog,
    model: Option<&OpenModel>,
    members: &[MemberFigures],
    slots: &[u16],
) -> LanguageFigures {
    let support = model
        .map(|m| catalog.model_language_support(m))
        .unwrap_or_default();
    let index = &catalog.language_index;
    let table = &catalog.languages.languages;
    let mut out = LanguageFigures {
        model_languages_listed: !support.languages.is_empty(),
        ..LanguageFigures::default()
    };
    if !out.model_languages_listed {
        out.members = vec![MemberCoverage::default(); plan.members.len()];
        return out;
    }
    let mut gathered = vec![Gathered::default(); table.len()];
    // (language, member) for every row the model does not support, in plan order.
    let mut unsupported: Vec<(u16, u32)> = Vec::with_capacity(4 * plan.members.len());
    out.members.reserve_exact(plan.members.len());
    let (mut covered, mut known_population, mut all_population) = (0.0, 0.0, 0.0);
    let mut speakers_population = 0.0;
    // Languages not supported somewhere, each counted once.
    let mut distinct = 0;
    for (i, (figures, &slot)) in members.iter().zip(slots).enumerate() {
        let population = figures.population.unwrap_or(0.0);
        all_population += population;
        let entry = index.country_at_slot(usize::from(slot));
        let meets = entry
            .and_then(|e| support.countries.get(e))
            .unwrap_or(&CountrySupport::NONE);
        for row in support.unsupported_of(meets) {
            let g = &mut gathered[usize::from(row.language)];
            g.speakers += row.share.unwrap_or(0.0) * population;
            distinct += usize::from(g.count == 0);
            g.count += 1;
            g.official |= row.official;
            g.weak = row.weak;
            unsupported.push((row.language, i as u32));
        }
        if let Some(c) = meets.coverage {
            covered += population * c;
            known_population += population;
            if meets.speakers_counted {
                speakers_population += population;
            }
        }
        out.members_with_official_language += usize::from(meets.official_supported);
        out.members.push(MemberCoverage {
            coverage: meets.coverage,
            weak: meets.weak,
            absent: meets.absent,
            official_supported: meets.official_supported,
            lower_bound: meets.lower_bound,
            speakers_counted: meets.speakers_counted,
            // The table has fewer than 65 536 countries (its index is built on u16).
            entry: entry.map(|e| e as u16),
        });
    }
    out.coverage = (known_population > 0.0).then(|| covered / known_population);
    (out.population_known_share, out.population_speakers_share) = if all_population > 0.0 {
        (
            known_population / all_population,
            speakers_population / all_population,
        )
    } else {
        (0.0, 0.0)
    };
    // The corpus a plan enters under any code of a language counts for that language (the
    // largest, when it enters several).
    let mut corpora: Vec<(usize, f64)> = Vec::new();
    for c in &plan.language_corpora {
        if let Some(id) = index.language(&c.language) {
            match corpora.iter_mut().find(|(known, _)| *known == id) {
                Some((_, tokens)) => *tokens = tokens.max(c.tokens),
                None => corpora.push((id, c.tokens)),
            }
        }
    }
    let ranked = most_spoken_first(&gathered, index.in_code_order(), distinct);
    out.uncovered.reserve_exact(ranked.len());
    let mut next = 0;
    for id in ranked.into_iter().map(usize::from) {
        let g = &mut gathered[id];
        let count = g.count as usize;
        let members = next..next + count;
        next += count;
        g.count = members.start as u32;
        // A sign language is not learnt from text: it gets no text-pretraining proposal.
        let text = !index.is_sign_language(id);
        let corpus_tokens = corpora
            .iter()
            .find(|(known, _)| *known == id)
            .map(|&(_, tokens)| tokens)
            .filter(|_| text);
        let proposed_tokens = if text {
            corpus_tokens.map_or(TOKENS_PER_LANGUAGE, |c| c.min(TOKENS_PER_LANGUAGE))
        } else {
            0.0
        };
        let experts_fte = if text { EXPERTS_PER_LANGUAGE } else { 0.0 };
        if text {
            out.proposed_tokens_total += proposed_tokens;
            out.proposed_experts_total += experts_fte;
        }
        out.uncovered.push(UncoveredLanguage {
            language: &table[id],
            speakers: g.speakers,
            members,
            weak: g.weak,
            official: g.official,
            corpus_tokens,
            proposed_tokens,
            experts_fte,
            data_gap: corpus_tokens.is_some_and(|c| c < MIN_USEFUL_CORPUS_TOKENS),
        });
    }
    out.uncovered_members = vec![0; unsupported.len()];
    for (id, member) in unsupported {
        let slot = &mut gathered[usize::from(id)].count;
        out.uncovered_members[*slot as usize] = member;
        *slot += 1;
    }
    out.support = match support {
        Cow::Borrowed(s) => Cow::Borrowed(s.languages.as_slice()),
        Cow::Owned(s) => Cow::Owned(s.languages),
    };
    out.table = table;
    out.countries = &catalog.languages.countries;
    out.country_language_ids = index.all_country_language_ids();
    out.country_first_language_only = index.first_language_only();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spoken(speakers: f64) -> Gathered {
        Gathered {
            speakers,
            count: 1,
            ..Gathered::default()
        }
    }

    #[test]
    fn languages_are_ranked_by_exact_speakers_then_code_even_when_they_differ_in_the_last_bit() {
        // Languages 0..6; code order 3, 0, 5, 1, 4, 2 (language 6 is not gathered).
        let code_order = [3, 0, 5, 1, 4, 2, 6];
        let a = 1000.0_f64;
        let a_plus = f64::from_bits(a.to_bits() + 1);
        let mut gathered = vec![Gathered::default(); 7];
        gathered[0] = spoken(a); // before 1 in code order, one ulp fewer speakers
        gathered[1] = spoken(a_plus);
        gathered[2] = spoken(a); // same speakers as 0, later code
        gathered[3] = spoken(0.0); // unspoken, first code
        gathered[4] = spoken(5.0e6);
        gathered[5] = spoken(0.0); // unspoken
        let ranked = most_spoken_first(&gathered, &code_order, 6);
        assert_eq!(ranked, [4, 1, 0, 2, 3, 5]);
    }
}
