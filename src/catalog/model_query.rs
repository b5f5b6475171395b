//! Finding models by what a user types in a filter: part of the name, developer or licence, the
//! developer's country code, or a language the model officially supports, by code ("sw") or by
//! English name ("Swahili", "swah").

use super::{Catalog, Language, OpenModel};

/// Shortest text matched against the middle of language names: "en" or "ar" would name dozens of
/// languages ("Slovene", "Arabic", "Tatar"), so shorter text matches language codes only.
pub const MIN_LANGUAGE_NAME_QUERY: usize = 3;

/// A filter text, with the languages it names worked out once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelQuery {
    /// The text, trimmed and in lower case.
    text: String,
    /// Positions in the catalog's language table of the languages the text names.
    languages: Vec<usize>,
}

impl ModelQuery {
    /// The query for `text` (case and surrounding spaces do not matter).
    pub fn new(catalog: &Catalog, text: &str) -> ModelQuery {
        let text = text.trim().to_lowercase();
        let mut languages = Vec::new();
        if !text.is_empty() {
            if let Some(i) = catalog.language_index.language(&text) {
                languages.push(i);
            }
            if text.chars().count() >= MIN_LANGUAGE_NAME_QUERY {
                for (i, l) in catalog.languages.languages.iter().enumerate() {
                    if !languages.contains(&i) && l.name.to_lowercase().contains(&text) {
                        languages.push(i);
                    }
                }
            }
        }
        ModelQuery { text, languages }
    }

    /// Whether the query is empty (it then matches every model).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The languages the text names, in the catalog's order (an exact code first).
    pub fn languages<'a>(&self, catalog: &'a Catalog) -> Vec<&'a Language> {
        self.languages
            .iter()
            .filter_map(|&i| catalog.languages.languages.get(i))
            .collect()
    }

    /// Whether `model` matches: its name, developer or licence contains the text, its developer's
    /// country code is the text, or it officially supports a language the text names.
    pub fn matches(&self, catalog: &Catalog, model: &OpenModel) -> bool {
        if self.text.is_empty() {
            return true;
        }
        let t = self.text.as_str();
        model.name.to_lowercase().contains(t)
            || model.developer.to_lowercase().contains(t)
            || model.licence.name.to_lowercase().contains(t)
            || model.developer_country.to_lowercase() == t
            || model.languages.iter().any(|code| {
                catalog
                    .language_index
                    .language(code)
                    .is_some_and(|i| self.languages.contains(&i))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_matching(text: &str) -> Vec<&'static str> {
        let catalog = Catalog::builtin();
        let q = ModelQuery::new(catalog, text);
        catalog
            .models
            .iter()
            .filter(|m| q.matches(catalog, m))
            .map(|m| m.name.as_str())
            .collect()
    }

    #[test]
    fn a_language_name_finds_the_models_that_support_it() {
        let by_name = names_matching("Swahili");
        assert!(!by_name.is_empty(), "some catalog models list Swahili");
        // The code finds them too (and the Swiss AI Initiative's models, by their developer).
        let by_code = names_matching("sw");
        assert!(by_name.iter().all(|n| by_code.contains(n)), "{by_code:?}");
        assert_eq!(
            by_name,
            names_matching("  swahili "),
            "case and spaces do not matter"
        );
        let catalog = Catalog::builtin();
        for m in catalog
            .models
            .iter()
            .filter(|m| by_name.contains(&m.name.as_str()))
        {
            assert!(m.languages.iter().any(|c| c == "sw"), "{} lists sw", m.name);
        }
    }

    #[test]
    fn a_query_names_its_languages_and_short_text_matches_codes_only() {
        let catalog = Catalog::builtin();
        let swahili = ModelQuery::new(catalog, "swahili");
        let names: Vec<&str> = swahili
            .languages(catalog)
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        assert!(names.contains(&"Swahili"), "{names:?}");
        let en = ModelQuery::new(catalog, "en");
        let names: Vec<&str> = en
            .languages(catalog)
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        assert_eq!(
            names,
            vec!["en"],
            "two letters name one language by its code"
        );
    }

    #[test]
    fn names_developers_and_country_codes_still_match() {
        assert!(names_matching("llama").iter().any(|n| n.contains("Llama")));
        assert!(!names_matching("").is_empty());
        assert!(names_matching("no such model or language").is_empty());
    }
}
