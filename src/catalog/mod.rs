//! The built-in catalog: accelerators, open-weight models, countries and regional presets.
//!
//! The data lives in `assets/*.ron` and is embedded in the binary at compile time, so the app works
//! offline and every machine sees the same catalog. A plan may add its own accelerators and models;
//! [`crate::plan::Plan`] carries them and its look-ups (`Plan::accelerator`, `Plan::model`) resolve plan entries first.

mod accelerator;
mod costs;
mod country;
mod export;
mod language;
mod model;
mod model_query;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use accelerator::{Accelerator, PowerScope, Price};
pub use costs::{CostTable, CurrencyRate, RentalPrice};
pub use country::{Country, CountryTable, RegionalPreset};
pub use export::ExportGroups;
pub use language::{
    CompactRow, CountryLanguage, CountryLanguages, CountrySupport, Language, LanguageIndex,
    LanguageStatus, LanguageSupport, LanguageTable, MIN_KNOWN_SHARE, ModelSupport, ShareMeasure,
    UnsupportedRow,
};
pub use model::{Derivation, Licence, OpenModel, Openness};
pub use model_query::{MIN_LANGUAGE_NAME_QUERY, ModelQuery};

/// How sure the catalog is of a row: H = primary source or several agreeing, M = reputable secondary
/// only, L = single weak source or conflicting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Confidence {
    /// Primary source, or several sources agree.
    High,
    /// Reputable secondary source only.
    Medium,
    /// Single weak source, or sources conflict (also the default for a plan's own entries).
    #[default]
    Low,
}

impl Confidence {
    /// One-letter mark used in tables (H, M, L).
    pub fn letter(self) -> &'static str {
        match self {
            Confidence::High => "H",
            Confidence::Medium => "M",
            Confidence::Low => "L",
        }
    }
}

const ACCELERATORS_RON: &str = include_str!("../../assets/accelerators.ron");
const MODELS_RON: &str = include_str!("../../assets/models.ron");
const COUNTRIES_RON: &str = include_str!("../../assets/countries.ron");
const PRESETS_RON: &str = include_str!("../../assets/presets.ron");
const LANGUAGES_RON: &str = include_str!("../../assets/languages.ron");
const EXPORT_GROUPS_RON: &str = include_str!("../../assets/export_groups.ron");
const COSTS_RON: &str = include_str!("../../assets/costs.ron");

/// The whole built-in catalog, with indexes for lookup by id or code.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// All accelerators, in file order.
    pub accelerators: Vec<Accelerator>,
    /// All open-weight models, in file order.
    pub models: Vec<OpenModel>,
    /// Every ISO 3166-1 country and the sources of its figures.
    pub countries: CountryTable,
    /// Regional presets (EU27, ASEAN, African Union, ...).
    pub presets: Vec<RegionalPreset>,
    /// Languages of each country and the language code table.
    pub languages: LanguageTable,
    /// Look-ups over `languages`.
    pub language_index: LanguageIndex,
    /// US export-control country groups (EAR Supplement No. 1 to part 740).
    pub export_groups: ExportGroups,
    /// Dated rental prices and exchange rates (`assets/costs.ron`; empty in a catalog built from
    /// parts until [`Catalog::with_costs`]).
    pub costs: CostTable,
    /// Per catalog model (same order as `models`): how it treats each language of
    /// `languages.languages`, resolved once (empty when the model lists no languages).
    model_support: Vec<ModelSupport>,
    accelerator_index: IdIndex,
    model_index: IdIndex,
    /// Position in `countries.countries` per two-letter code slot (`u16::MAX`: none).
    country_slots: Box<[u16; CODE_SLOTS]>,
}

/// Catalog ids → position, with a simple multiplicative hash: ids are short and the catalog's own,
/// so a hash that takes eight bytes per step is several times faster than the default SipHash on
/// the analysis's hot path (every chip line's accelerator is looked up once per analysis).
type IdIndex = HashMap<String, usize, BuildHasherDefault<IdHasher>>;

/// Hashes eight bytes per step (the scheme of rustc's FxHash), then mixes the high bits down, as
/// the table picks buckets from the low bits.
#[derive(Default)]
struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.add(word);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}

/// Slots for every two-letter code `AA`..`ZZ` (the shape of ISO 3166-1 alpha-2 codes).
pub const CODE_SLOTS: usize = 26 * 26;

/// The slot of a two-capital-letter code, if `code` is one: an array index that stands in for
/// comparing or hashing the string.
pub fn code_slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

/// Every two-letter code `AA`..`ZZ`, in slot order, as one string.
const SLOT_CODES: &str = {
    const BYTES: [u8; 2 * CODE_SLOTS] = {
        let mut bytes = [0u8; 2 * CODE_SLOTS];
        let mut slot = 0;
        while slot < CODE_SLOTS {
            bytes[2 * slot] = b'A' + (slot / 26) as u8;
            bytes[2 * slot + 1] = b'A' + (slot % 26) as u8;
            slot += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(codes) => codes,
        Err(_) => panic!("two-letter codes are ASCII"),
    }
};

/// The two-letter code of a [`code_slot`], borrowed for the life of the program (so that a report
/// can name any code without allocating); `None` past the last slot.
pub fn slot_code(slot: usize) -> Option<&'static str> {
    SLOT_CODES.get(2 * slot..2 * slot + 2)
}

/// An error in the embedded catalog data (a build of the app with broken assets).
#[derive(Debug, thiserror::Error)]
#[error("catalog asset {file} is invalid: {message}")]
pub struct CatalogError {
    /// The asset file name.
    pub file: &'static str,
    /// What was wrong.
    pub message: String,
}

fn parse_asset<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, CatalogError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| CatalogError {
            file,
            message: e.to_string(),
        })
}

impl Catalog {
    /// The catalog embedded in the binary, parsed once and shared.
    ///
    /// # Panics
    /// Only if the embedded assets are broken, which the test suite rules out for every build.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::parse_builtin().expect("embedded catalog assets are valid"))
    }

    /// Parses the embedded assets, reporting which file is broken.
    pub fn parse_builtin() -> Result<Catalog, CatalogError> {
        Catalog::from_parts(
            parse_asset("accelerators.ron", ACCELERATORS_RON)?,
            parse_asset("models.ron", MODELS_RON)?,
            parse_asset("countries.ron", COUNTRIES_RON)?,
            parse_asset("presets.ron", PRESETS_RON)?,
            parse_asset("languages.ron", LANGUAGES_RON)?,
            parse_asset("export_groups.ron", EXPORT_GROUPS_RON)?,
        )?
        .with_costs(parse_asset("costs.ron", COSTS_RON)?)
    }

    /// This catalog with its cost tables, checked (positive prices, known accelerator ids,
    /// currency codes once each).
    pub fn with_costs(mut self, costs: CostTable) -> Result<Catalog, CatalogError> {
        let error = |message| CatalogError {
            file: "costs.ron",
            message,
        };
        costs.check().map_err(error)?;
        if let Some(r) = costs
            .rental
            .iter()
            .find(|r| self.accelerator(&r.accelerator).is_none())
        {
            return Err(error(format!("unknown accelerator {:?}", r.accelerator)));
        }
        self.costs = costs;
        Ok(self)
    }

    /// Builds a catalog from its parts and checks it is coherent (unique ids, known country codes).
    pub fn from_parts(
        accelerators: Vec<Accelerator>,
        models: Vec<OpenModel>,
        countries: CountryTable,
        presets: Vec<RegionalPreset>,
        languages: LanguageTable,
        mut export_groups: ExportGroups,
    ) -> Result<Catalog, CatalogError> {
        export_groups.index_slots();
        let language_index = LanguageIndex::new(&languages).map_err(|message| CatalogError {
            file: "languages.ron",
            message,
        })?;
        let accelerator_index =
            index_unique("accelerators.ron", accelerators.iter().map(|a| &a.id))?;
        let model_index = index_unique("models.ron", models.iter().map(|m| &m.id))?;
        index_unique("countries.ron", countries.countries.iter().map(|c| &c.code))?;
        let mut country_slots = Box::new([u16::MAX; CODE_SLOTS]);
        for (i, c) in countries.countries.iter().enumerate() {
            let slot = code_slot(&c.code).ok_or_else(|| CatalogError {
                file: "countries.ron",
                message: format!("{:?} is not a two-letter capital code", c.code),
            })?;
            country_slots[slot] = u16::try_from(i).map_err(|_| CatalogError {
                file: "countries.ron",
                message: "more than 65,535 countries".to_string(),
            })?;
        }
        let catalog = Catalog {
            accelerators,
            models,
            countries,
            presets,
            accelerator_index,
            model_index,
            country_slots,
            model_support: Vec::new(),
            languages,
            language_index,
            export_groups,
            costs: CostTable::default(),
        };
        let mut catalog = catalog;
        catalog.model_support = catalog
            .models
            .iter()
            .map(|m| {
                catalog
                    .language_index
                    .model_support(&m.languages, &m.pretraining_languages)
            })
            .collect();
        catalog.check_country_references()?;
        catalog.check_language_references()?;
        Ok(catalog)
    }

    fn check_language_references(&self) -> Result<(), CatalogError> {
        for c in &self.languages.countries {
            if self.country(&c.country).is_none() {
                return Err(CatalogError {
                    file: "languages.ron",
                    message: format!("unknown country code {:?}", c.country),
                });
            }
        }
        for m in &self.models {
            for code in m.languages.iter().chain(&m.pretraining_languages) {
                if self.language_index.language(code).is_none() {
                    return Err(CatalogError {
                        file: "models.ron",
                        message: format!("{} names undefined language {code:?}", m.id),
                    });
                }
            }
        }
        Ok(())
    }

    /// How a model meets each language and country of the table ([`ModelSupport`]; its
    /// `languages` is empty when the model lists no supported languages). Catalog models are
    /// worked out once at load; a plan's own model each time it is asked.
    pub fn model_language_support(&self, model: &OpenModel) -> Cow<'_, ModelSupport> {
        match self.model_index.get(&model.id) {
            Some(&i) if std::ptr::eq(&self.models[i], model) => {
                Cow::Borrowed(&self.model_support[i])
            }
            _ => Cow::Owned(
                self.language_index
                    .model_support(&model.languages, &model.pretraining_languages),
            ),
        }
    }

    /// The languages a country speaks, if the table has it.
    pub fn country_languages(&self, code: &str) -> Option<&CountryLanguages> {
        self.language_index
            .country(code)
            .map(|i| &self.languages.countries[i])
    }

    /// The language a code or alias stands for.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.language_index
            .language(code)
            .map(|i| &self.languages.languages[i])
    }

    fn check_country_references(&self) -> Result<(), CatalogError> {
        let unknown = |file: &'static str, owner: &str, code: &str| CatalogError {
            file,
            message: format!("{owner} names unknown country code {code:?}"),
        };
        for a in &self.accelerators {
            let codes = std::iter::once(&a.vendor_country)
                .chain(&a.fab_countries)
                .chain(&a.memory_supplier_countries);
            for code in codes {
                if self.country(code).is_none() {
                    return Err(unknown("accelerators.ron", &a.id, code));
                }
            }
        }
        for m in &self.models {
            if self.country(&m.developer_country).is_none() {
                return Err(unknown("models.ron", &m.id, &m.developer_country));
            }
        }
        for p in &self.presets {
            for code in &p.members {
                if self.country(code).is_none() {
                    return Err(unknown("presets.ron", &p.id, code));
                }
            }
        }
        let g = &self.export_groups;
        let pairs = g.treated_as.iter().flat_map(|(a, b)| [a, b]);
        for code in [&g.d1, &g.d4, &g.d5, &g.a5, &g.a6]
            .into_iter()
            .flatten()
            .chain(pairs)
        {
            if self.country(code).is_none() {
                return Err(unknown("export_groups.ron", "a country group", code));
            }
        }
        Ok(())
    }

    /// The accelerator with this id, if the catalog has it.
    pub fn accelerator(&self, id: &str) -> Option<&Accelerator> {
        self.accelerator_index
            .get(id)
            .map(|&i| &self.accelerators[i])
    }

    /// The model with this id, if the catalog has it.
    pub fn model(&self, id: &str) -> Option<&OpenModel> {
        self.model_index.get(id).map(|&i| &self.models[i])
    }

    /// The country with this ISO 3166-1 alpha-2 code, if it exists.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_at_slot(code_slot(code)?)
    }

    /// The country whose code has this [`code_slot`], if it exists (for callers that worked the
    /// slot out once and look it up several times).
    pub fn country_at_slot(&self, slot: usize) -> Option<&Country> {
        let i = *self.country_slots.get(slot)?;
        self.countries.countries.get(usize::from(i))
    }

    /// The regional preset with this id, if the catalog has it.
    pub fn preset(&self, id: &str) -> Option<&RegionalPreset> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// The display name of a country code, or the code itself when unknown.
    pub fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.country(code).map_or(code, |c| c.name.as_str())
    }
}

fn index_unique<'a>(
    file: &'static str,
    ids: impl Iterator<Item = &'a String>,
) -> Result<IdIndex, CatalogError> {
    let mut index = IdIndex::default();
    for (i, id) in ids.enumerate() {
        if index.insert(id.clone(), i).is_some() {
            return Err(CatalogError {
                file,
                message: format!("id {id:?} appears twice"),
            });
        }
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slot_names_the_code_it_came_from() {
        for code in ["AA", "BR", "US", "ZZ"] {
            assert_eq!(code_slot(code).and_then(slot_code), Some(code));
        }
        for slot in 0..CODE_SLOTS {
            let code = slot_code(slot).expect("a slot below CODE_SLOTS has a code");
            assert_eq!(code_slot(code), Some(slot));
        }
        assert_eq!(slot_code(CODE_SLOTS), None);
    }
}
