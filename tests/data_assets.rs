//! The generated data assets (`assets/countries.ron`, `assets/languages.ron`, written by
//! `tools/gen_assets.py`): they parse, every inhabited country has its languages, every share says
//! what it measures and where it comes from, and every example plan's language coverage rests on
//! nearly all of its people. (That the committed files equal the generator's output is checked by
//! `tools/check_assets.sh`, which needs Python and the pinned packages from PyPI.)

use std::path::Path;

use consortium_planner::analysis::analyze;
use consortium_planner::catalog::{Catalog, Confidence, ShareMeasure};
use consortium_planner::file;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

#[test]
fn every_inhabited_country_has_at_least_one_language_and_every_language_entry_is_a_country() {
    let c = catalog();
    let mut without = Vec::new();
    for country in &c.countries.countries {
        let rows = c
            .country_languages(&country.code)
            .map_or(0, |l| l.languages.len());
        if rows == 0 && country.population.is_some() {
            without.push(country.code.as_str());
        }
    }
    assert!(without.is_empty(), "no languages for {without:?}");
    for entry in &c.languages.countries {
        assert!(
            c.country(&entry.country).is_some(),
            "{} is not in countries.ron",
            entry.country
        );
    }
}

#[test]
fn every_row_names_its_source_and_cldr_rows_name_the_pinned_cldr_and_babel_versions() {
    let c = catalog();
    assert!(
        c.languages.generated_by.contains("babel 2.19.0")
            && c.languages.generated_by.contains("CLDR"),
        "{}",
        c.languages.generated_by
    );
    let mut cldr_rows = 0;
    for entry in &c.languages.countries {
        for row in &entry.languages {
            assert!(
                !row.source.trim().is_empty(),
                "{} {} has no source",
                entry.country,
                row.code
            );
            if row.cldr_speakers_share.is_some() {
                cldr_rows += 1;
                assert!(
                    row.source.contains("CLDR") && row.source.contains("babel 2.19.0"),
                    "{} {}: a CLDR share without the CLDR source: {}",
                    entry.country,
                    row.code,
                    row.source
                );
            }
        }
    }
    assert!(cldr_rows > 900, "only {cldr_rows} rows carry CLDR's share");
}

#[test]
fn a_row_with_a_census_first_language_share_uses_it_and_says_so_and_a_cldr_only_row_says_speakers()
{
    let c = catalog();
    let peru = c.country_languages("PE").unwrap();
    let es = peru.languages.iter().find(|r| r.code == "es").unwrap();
    // INEI 2017 mother tongue: 82.6 %; CLDR's speaker share is kept beside it.
    assert_eq!(es.share(), Some(0.826));
    assert_eq!(es.share_measure(), Some(ShareMeasure::FirstLanguage));
    assert!(es.cldr_speakers_share.is_some());

    let chile = c.country_languages("CL").unwrap();
    let es = chile.languages.iter().find(|r| r.code == "es").unwrap();
    assert_eq!(es.first_language_share, None);
    assert_eq!(es.share(), es.cldr_speakers_share);
    assert_eq!(es.share_measure(), Some(ShareMeasure::CldrSpeakers));
    assert_eq!(es.confidence, Confidence::Medium);
}

#[test]
fn far_fewer_rows_rest_on_memory_than_before_the_generator() {
    // Before the generator, 534 of 610 rows were Low (typed from general knowledge).
    let rows: Vec<_> = catalog()
        .languages
        .countries
        .iter()
        .flat_map(|c| &c.languages)
        .collect();
    let low = rows
        .iter()
        .filter(|r| r.confidence == Confidence::Low)
        .count();
    assert!(
        low * 10 < rows.len(),
        "{low} of {} rows are Low confidence",
        rows.len()
    );
}

#[test]
fn every_example_plan_states_language_coverage_for_at_least_95_percent_of_its_people() {
    let saves = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut checked = 0;
    for entry in std::fs::read_dir(&saves).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let plan = file::load(&path, catalog()).expect("example loads").plan;
        let l = analyze(&plan, catalog()).languages;
        assert!(
            l.model_languages_listed,
            "{}: the base model lists no languages",
            path.display()
        );
        assert!(
            l.population_known_share >= 0.95,
            "{}: coverage rests on {:.1} % of the people",
            path.display(),
            l.population_known_share * 100.0
        );
        assert!(l.coverage.is_some(), "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} examples found");
}
