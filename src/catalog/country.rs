//! Countries (ISO 3166-1) and regional presets.

use serde::{Deserialize, Serialize};

/// One ISO 3166-1 country or territory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, e.g. `CL`.
    pub code: String,
    /// ISO 3166-1 alpha-3 code, e.g. `CHL`.
    pub alpha3: String,
    /// Common English short name, e.g. `Chile`.
    pub name: String,
    /// UN M49 region, e.g. `Americas`; empty for entries without one (Antarctica).
    pub region: String,
    /// UN M49 sub-region, e.g. `South America`.
    pub subregion: String,
    /// Whether the country is a UN member state.
    pub un_member: bool,
    /// Population (persons), if known.
    #[serde(default)]
    pub population: Option<f64>,
    /// Year of the population figure.
    #[serde(default)]
    pub population_year: Option<u16>,
    /// Gross domestic product in current US dollars, if known.
    #[serde(default)]
    pub gdp_usd: Option<f64>,
    /// Year of the GDP figure.
    #[serde(default)]
    pub gdp_year: Option<u16>,
}

/// The country table with the sources of its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryTable {
    /// Where the population figures come from.
    pub population_source: String,
    /// Where the GDP figures come from.
    pub gdp_source: String,
    /// Where names, codes and regions come from.
    pub codes_source: String,
    /// Every ISO 3166-1 entry, sorted by code.
    pub countries: Vec<Country>,
}

/// A named group of countries that can be added to a plan at once (EU27, ASEAN, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionalPreset {
    /// Stable identifier, e.g. `eu27`.
    pub id: String,
    /// Display name, e.g. `European Union (27)`.
    pub name: String,
    /// Member countries as ISO 3166-1 alpha-2 codes.
    pub members: Vec<String>,
    /// Where the membership list comes from and as of when.
    pub source: String,
    /// Caveats, e.g. suspended members.
    #[serde(default)]
    pub notes: String,
}
