//! Language coverage on real consortia: does the shared base model speak the members' languages?
//! Expected figures are computed here from the raw language table, not through the analysis's index.

use std::path::Path;

use consortium_planner::analysis::analyze;
use consortium_planner::analysis::languages::{LanguageSupport, TOKENS_PER_LANGUAGE};
use consortium_planner::catalog::{Catalog, CountryLanguage, LanguageStatus};
use consortium_planner::file;
use consortium_planner::plan::{LanguageCorpus, Plan};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn example(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name);
    file::load(&path, catalog())
        .expect("example plan loads")
        .plan
}

fn on_model(mut plan: Plan, model: &str) -> Plan {
    plan.base_model = model.to_string();
    plan
}

/// The raw rows of a country in `assets/languages.ron`.
fn rows(country: &str) -> &'static [CountryLanguage] {
    &catalog()
        .languages
        .countries
        .iter()
        .find(|c| c.country == country)
        .unwrap_or_else(|| panic!("{country} has a language entry"))
        .languages
}

/// The share coverage counts for a row of `country`: first-language shares alone where every
/// official language has one and they add up to at least half the people, else the first-language
/// share, else a speakers share.
fn counted(country: &str, row: &CountryLanguage) -> Option<f64> {
    let first: f64 = rows(country)
        .iter()
        .filter_map(|r| r.first_language_share)
        .sum();
    let officials_known = rows(country)
        .iter()
        .filter(|r| r.status == LanguageStatus::Official)
        .filter(|r| {
            !catalog()
                .language(&r.code)
                .unwrap()
                .name
                .contains("Sign Language")
        })
        .all(|r| r.first_language_share.is_some());
    if officials_known && first >= 0.5 {
        row.first_language_share
    } else {
        row.first_language_share
            .or(row.speakers_share)
            .or(row.cldr_speakers_share)
    }
}

fn population(country: &str) -> f64 {
    catalog().country(country).unwrap().population.unwrap()
}

/// People in `members` who speak `code` first (or at all, where only that share is known).
fn speakers(code: &str, members: &[&str]) -> f64 {
    members
        .iter()
        .map(|m| {
            rows(m)
                .iter()
                .filter(|r| r.code == code)
                .map(|r| counted(m, r).unwrap_or(0.0) * population(m))
                .sum::<f64>()
        })
        .sum()
}

fn member_index(plan: &Plan, country: &str) -> usize {
    plan.members
        .iter()
        .position(|m| m.country == country)
        .unwrap_or_else(|| panic!("{country} is a member"))
}

#[test]
fn a_southeast_asian_plan_on_llama_leaves_filipino_uncovered_and_sea_lion_covers_it() {
    let sea = example("sea-lion.ron");
    let llama = analyze(&on_model(sea.clone(), "llama3.1-8b"), catalog());
    let sealion = analyze(&on_model(sea.clone(), "sealion-v4-27b"), catalog());
    let ph = member_index(&sea, "PH");

    // Llama 3.1 supports Thai and English but none of the Philippines' own languages. English is
    // official there and its only figure is CLDR's speaker share (first or second language), so
    // the Philippines' coverage on Llama is that share, and says it counts speakers.
    let en_ph = rows("PH")
        .iter()
        .find(|r| r.code == "en")
        .and_then(|r| counted("PH", r))
        .unwrap();
    let c = llama.languages.members[ph].coverage.unwrap();
    assert!((c - en_ph).abs() < 1e-9, "{c} vs {en_ph}");
    assert!(llama.languages.members[ph].speakers_counted);
    let tl = llama
        .languages
        .uncovered
        .iter()
        .find(|u| u.code() == "tl")
        .expect("Filipino is uncovered on Llama 3.1");
    // The Philippines, and every other member whose table rows list Filipino (CLDR counts
    // Tagalog speakers in Singapore).
    let members: Vec<&str> = llama.languages.members_of(tl).collect();
    assert!(members.contains(&"PH"), "{members:?}");
    for m in &members {
        assert!(
            rows(m).iter().any(|r| r.code == "tl" || r.code == "fil"),
            "{m}"
        );
    }
    let expected = speakers("tl", &members);
    assert!(
        (tl.speakers - expected).abs() < 1.0,
        "{} vs {expected}",
        tl.speakers
    );
    assert!(tl.official, "Filipino is official in the Philippines");
    assert_eq!(tl.proposed_tokens, TOKENS_PER_LANGUAGE);

    // SEA-LION lists Filipino (as `fil`, an alias of `tl`) and English: the Philippines' coverage
    // adds Filipino's census share to English's, capped at 100 %.
    let tl_share = rows("PH")
        .iter()
        .find(|r| r.code == "tl")
        .and_then(|r| counted("PH", r))
        .unwrap();
    let c = sealion.languages.members[ph].coverage.unwrap();
    let expected = (tl_share + en_ph).min(1.0);
    assert!((c - expected).abs() < 1e-9, "{c} vs {expected}");
    assert!(c > llama.languages.members[ph].coverage.unwrap());
    assert!(sealion.languages.uncovered.iter().all(|u| u.code() != "tl"));

    // Thai is supported by both.
    let th = member_index(&sea, "TH");
    for r in [&llama, &sealion] {
        assert!(r.languages.members[th].official_supported);
        assert!(r.languages.members[th].coverage.unwrap() > 0.9);
    }
    assert!(
        sealion.languages.coverage.unwrap() > llama.languages.coverage.unwrap(),
        "the regional model covers more of the region's people"
    );
}

#[test]
fn a_latin_american_plan_covers_spanish_and_portuguese_but_not_quechua_or_aymara() {
    let latam = example("latam-gpt.ron");
    let r = analyze(&latam, catalog());
    assert_eq!(latam.base_model, "llama3.1-70b");
    let pe = member_index(&latam, "PE");
    let peru = &r.languages.members[pe];
    assert!(peru.official_supported, "Spanish is official and supported");
    let es = rows("PE").iter().find(|row| row.code == "es").unwrap();
    assert!((peru.coverage.unwrap() - es.first_language_share.unwrap()).abs() < 1e-9);
    let support = |code: &str| {
        r.languages
            .languages_of(peru)
            .find(|l| l.code == code)
            .map(|l| l.support)
    };
    assert_eq!(support("es"), Some(LanguageSupport::Supported));
    assert_eq!(support("qu"), Some(LanguageSupport::Absent));
    assert_eq!(support("ay"), Some(LanguageSupport::Absent));

    let members: Vec<&str> = latam.members.iter().map(|m| m.country.as_str()).collect();
    let qu = r
        .languages
        .uncovered
        .iter()
        .find(|u| u.code() == "qu")
        .expect("Quechua is uncovered");
    let expected = speakers("qu", &members);
    assert!(
        (qu.speakers - expected).abs() < 1.0,
        "{} vs {expected}",
        qu.speakers
    );
    assert!(r.languages.members_of(qu).any(|m| m == "PE"));
    // Uncovered languages come most-spoken first.
    assert!(
        r.languages
            .uncovered
            .windows(2)
            .all(|w| w[0].speakers >= w[1].speakers)
    );
    assert!(
        r.languages
            .uncovered
            .iter()
            .all(|u| u.code() != "es" && u.code() != "pt")
    );
}

#[test]
fn a_corpus_entered_for_a_language_sizes_its_adaptation_and_flags_a_data_gap() {
    let mut latam = example("latam-gpt.ron");
    let before = analyze(&latam, catalog());
    latam.language_corpora = vec![
        LanguageCorpus {
            language: "que".to_string(), // an alias: counts for Quechua
            tokens: 300e6,
        },
        LanguageCorpus {
            language: "ay".to_string(),
            tokens: 50e9,
        },
    ];
    let after = analyze(&latam, catalog());
    let get = |r: &consortium_planner::analysis::Report, code: &str| {
        r.languages
            .uncovered
            .iter()
            .find(|u| u.code() == code)
            .cloned()
            .unwrap()
    };
    assert_eq!(get(&before, "qu").proposed_tokens, TOKENS_PER_LANGUAGE);
    let qu = get(&after, "qu");
    assert_eq!(qu.corpus_tokens, Some(300e6));
    assert_eq!(qu.proposed_tokens, 300e6, "the corpus caps the run");
    assert!(qu.data_gap, "300M tokens is a data gap");
    let ay = get(&after, "ay");
    assert_eq!(
        ay.proposed_tokens, TOKENS_PER_LANGUAGE,
        "a large corpus is not all needed"
    );
    assert!(!ay.data_gap);
    assert!(after.languages.proposed_tokens_total < before.languages.proposed_tokens_total);
}

#[test]
fn an_eu_plan_on_eurollm_supports_every_official_language_and_english_only_does_not() {
    let eu = example("eu.ron");
    assert_eq!(eu.members.len(), 27);
    let euro = analyze(&on_model(eu.clone(), "eurollm-9b"), catalog());
    assert_eq!(euro.languages.members_with_official_language, 27);
    // The 24 official languages of the EU (Luxembourgish, official in Luxembourg, is not one).
    const EU24: [&str; 24] = [
        "bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv",
        "lt", "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv",
    ];
    for code in EU24 {
        let found: Vec<_> = euro
            .languages
            .members
            .iter()
            .flat_map(|c| euro.languages.languages_of(c))
            .filter(|l| l.code == code && l.status == LanguageStatus::Official)
            .collect();
        assert!(!found.is_empty(), "{code} is official in some member");
        assert!(
            found
                .iter()
                .all(|l| l.support == LanguageSupport::Supported),
            "EuroLLM supports {code}"
        );
    }
    let english = analyze(&on_model(eu.clone(), "olmo2-13b"), catalog());
    // Only Ireland and Malta have English as an official language.
    assert_eq!(english.languages.members_with_official_language, 2);
    assert!(english.languages.coverage.unwrap() < euro.languages.coverage.unwrap());
}

#[test]
fn coverage_of_every_example_plan_is_a_share_and_the_json_carries_it() {
    for name in [
        "latam-gpt.ron",
        "sea-lion.ron",
        "eu.ron",
        "african-union.ron",
        "un-193.ron",
    ] {
        let plan = example(name);
        let r = analyze(&plan, catalog());
        let json = consortium_planner::cli::json::report_json(&plan, &r);
        if !r.languages.model_languages_listed {
            // Gemma 3 says "140+ languages" without a list: coverage is unknown, not zero.
            assert!(r.languages.coverage.is_none(), "{name}");
            assert!(json["languages"]["coverage"].is_null(), "{name}");
            assert_eq!(json["languages"]["model_languages_listed"], false);
            continue;
        }
        let c = r
            .languages
            .coverage
            .unwrap_or_else(|| panic!("{name}: no coverage"));
        assert!((0.0..=1.0).contains(&c), "{name}: {c}");
        assert!(r.languages.population_known_share > 0.0);
        let coverage = json["languages"]["coverage"]
            .as_f64()
            .expect("languages.coverage");
        assert!((coverage - c).abs() < 1e-9);
        let uncovered = json["languages"]["uncovered"]
            .as_array()
            .expect("uncovered[]");
        assert_eq!(uncovered.len(), r.languages.uncovered.len());
        if let Some(first) = uncovered.first() {
            assert!(first["language"].is_string());
            assert!(first["speakers"].as_f64().unwrap() >= 0.0);
            assert!(first["members"].is_array());
        }
    }
}

#[test]
fn at_193_members_every_uncovered_language_lists_exactly_the_members_that_lack_it() {
    let plan = on_model(example("un-193.ron"), "llama3.1-70b");
    let r = analyze(&plan, catalog());
    let l = &r.languages;
    assert_eq!(l.members.len(), 193);
    // Expected from each member's own language list, in plan order.
    let mut expected: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (m, c) in plan.members.iter().zip(&l.members) {
        let langs: Vec<_> = l.languages_of(c).collect();
        assert_eq!(langs.len(), rows(&m.country).len(), "{}", m.country);
        for x in langs
            .iter()
            .filter(|x| x.support != LanguageSupport::Supported)
        {
            expected.entry(x.code).or_default().push(m.country.as_str());
        }
    }
    assert_eq!(l.uncovered.len(), expected.len());
    for u in &l.uncovered {
        assert_eq!(
            l.members_of(u).collect::<Vec<_>>(),
            expected[u.code()],
            "members lacking {}",
            u.code()
        );
    }
    // Most speakers first; ties in code order.
    for w in l.uncovered.windows(2) {
        assert!(
            w[0].speakers > w[1].speakers
                || (w[0].speakers == w[1].speakers && w[0].code() < w[1].code()),
            "{} ({}) before {} ({})",
            w[0].code(),
            w[0].speakers,
            w[1].code(),
            w[1].speakers
        );
    }
}

#[test]
fn where_speakers_shares_overlap_no_member_bar_passes_100_percent_and_coverage_is_unchanged() {
    let mut overlapping = Vec::new();
    for model in &catalog().models {
        let plan = on_model(example("un-193.ron"), &model.id);
        let r = analyze(&plan, catalog());
        let l = &r.languages;
        if !l.model_languages_listed {
            continue;
        }
        for (m, c) in plan.members.iter().zip(&l.members) {
            let Some(coverage) = c.coverage else {
                continue;
            };
            // Σ raw share of the member's rows of each kind, from the table itself.
            let kinds: Vec<LanguageSupport> = l.languages_of(c).map(|x| x.support).collect();
            let sum = |kind: LanguageSupport| -> f64 {
                rows(&m.country)
                    .iter()
                    .zip(&kinds)
                    .filter(|(_, k)| **k == kind)
                    .filter_map(|(r, _)| counted(&m.country, r))
                    .sum()
            };
            let supported = sum(LanguageSupport::Supported);
            let weak_raw = sum(LanguageSupport::PretrainingOnly);
            let absent_raw = sum(LanguageSupport::Absent);
            let (weak, absent) = (c.weak.unwrap_or(0.0), c.absent.unwrap_or(0.0));
            let what = format!("{} on {}", m.country, model.id);
            // Coverage is what it always was: the supported shares, capped at 100 %.
            assert!((coverage - supported.min(1.0)).abs() < 1e-12, "{what}");
            // The chart stacks the three: together they never pass 100 %.
            assert!(
                coverage + weak + absent <= 1.0 + 1e-12,
                "{what}: {coverage} {weak} {absent}"
            );
            if supported + weak_raw + absent_raw <= 1.0 {
                assert!((weak - weak_raw).abs() < 1e-12, "{what}");
                assert!((absent - absent_raw).abs() < 1e-12, "{what}");
            } else {
                // People who also speak a supported language are not counted as unreached: weak
                // and absent take only what coverage leaves, in that order.
                let rest = 1.0 - coverage;
                assert!((weak - weak_raw.min(rest)).abs() < 1e-12, "{what}");
                assert!(
                    (absent - absent_raw.min(rest - weak)).abs() < 1e-12,
                    "{what}"
                );
                overlapping.push((what, absent));
            }
        }
    }
    // Kazakhstan on Qwen 2.5: CLDR's speaker shares of Russian, English and German (supported)
    // and of Kazakh (absent) overlap; only the people who speak none of the supported three are
    // unreached (1 - 72 % - 15 % - 6.4 % = 6.6 % with CLDR 49).
    let supported_kz: f64 = rows("KZ")
        .iter()
        .filter(|r| ["ru", "en", "de"].contains(&r.code.as_str()))
        .filter_map(|r| counted("KZ", r))
        .sum();
    let expected_kz = 1.0 - supported_kz.min(1.0);
    assert!(expected_kz > 0.0 && expected_kz < 0.2, "{expected_kz}");
    let kz: Vec<f64> = overlapping
        .iter()
        .filter(|(w, _)| w.starts_with("KZ on qwen2.5"))
        .map(|&(_, absent)| absent)
        .collect();
    assert!(!kz.is_empty(), "Kazakhstan's shares overlap on Qwen 2.5");
    for absent in kz {
        assert!(
            (absent - expected_kz).abs() < 1e-9,
            "Kazakhstan unreached: {absent}"
        );
    }
}

#[test]
fn coverage_says_when_it_counts_speakers_rather_than_first_language_speakers() {
    let latam = example("latam-gpt.ron");
    let r = analyze(&latam, catalog());
    // Peru's Spanish share is INEI's 2017 mother-tongue figure: first language only.
    let peru = &r.languages.members[member_index(&latam, "PE")];
    assert!(!peru.speakers_counted);
    // Chile's only figure for Spanish is CLDR's speaker share (first or second language).
    let chile = &r.languages.members[member_index(&latam, "CL")];
    assert!(chile.coverage.is_some());
    assert!(chile.speakers_counted);
    let es = r
        .languages
        .languages_of(chile)
        .find(|l| l.code == "es")
        .unwrap();
    assert_eq!(
        es.measure,
        Some(consortium_planner::catalog::ShareMeasure::CldrSpeakers)
    );
    // The consortium figure splits the known population by measure.
    let l = &r.languages;
    assert!(l.population_speakers_share > 0.0);
    assert!(l.population_speakers_share <= l.population_known_share);
    let chile_share = population("CL")
        / latam
            .members
            .iter()
            .map(|m| population(&m.country))
            .sum::<f64>();
    assert!(l.population_known_share - l.population_speakers_share < 1.0 - chile_share);
}

#[test]
fn an_eu_plan_on_apertus_supports_its_quality_filtered_languages_and_pretrained_the_others() {
    // Apertus claims 1,811 languages without a list. The catalog carries English, the 20 languages
    // its report quality-filters (FineWeb-2-HQ) and Romansh as supported, and the other FineWeb-2
    // languages with at least 10 million words as pretraining-only. Before, it carried no language
    // at all and an Apertus plan showed no coverage.
    let eu = example("eu.ron");
    let apertus = analyze(&on_model(eu.clone(), "apertus-70b"), catalog());
    const SUPPORTED: [&str; 13] = [
        "en", "de", "fr", "it", "es", "pt", "nl", "pl", "cs", "hu", "sv", "el", "da",
    ];
    const PRETRAINED: [&str; 11] = [
        "bg", "hr", "et", "fi", "ga", "lv", "lt", "mt", "ro", "sk", "sl",
    ];
    for (codes, want) in [
        (&SUPPORTED[..], LanguageSupport::Supported),
        (&PRETRAINED[..], LanguageSupport::PretrainingOnly),
    ] {
        for code in codes {
            let found: Vec<_> = apertus
                .languages
                .members
                .iter()
                .flat_map(|c| apertus.languages.languages_of(c))
                .filter(|l| l.code == *code && l.status == LanguageStatus::Official)
                .collect();
            assert!(!found.is_empty(), "{code} is official in some member");
            assert!(found.iter().all(|l| l.support == want), "{code}: {want:?}");
        }
    }
    // Every uncovered official language is at least in the pretraining data.
    assert!(
        apertus
            .languages
            .uncovered
            .iter()
            .filter(|u| u.official)
            .all(|u| u.weak),
        "no EU official language is absent from Apertus"
    );
    let c = apertus.languages.coverage.expect("Apertus shows coverage");
    let english = analyze(&on_model(eu.clone(), "olmo2-13b"), catalog());
    assert!(c > english.languages.coverage.unwrap());
    assert!(c < 1.0, "the pretraining-only languages are not counted");
}

#[test]
fn every_catalog_model_says_where_its_languages_come_from_and_when_that_was_read() {
    // A delegate weighing a model's language list needs its source and the date it was read.
    for m in &catalog().models {
        assert!(!m.languages.is_empty(), "{} lists no language", m.id);
        let source = &m.languages_source;
        let dated = source
            .find("read")
            .is_some_and(|at| source.as_bytes()[at..].windows(10).any(is_date));
        assert!(
            dated,
            "{}: languages_source names no date read: {}",
            m.id, m.languages_source
        );
    }
}

/// `YYYY-MM-DD`.
fn is_date(s: &[u8]) -> bool {
    s.len() == 10
        && s.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}
