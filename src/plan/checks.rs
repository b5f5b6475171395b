//! Field validators used while a plan file is parsed.
//!
//! They run inside deserialisation, so the parser reports a refused number with the line and column
//! where it stands. Each refuses NaN and infinities, and checks the range its field allows.

use serde::Deserialize;
use serde::de::{Deserializer, Error};

/// The largest count, token number or user number a plan may hold (1e16: far above any real plan,
/// small enough that sums stay exact in f64 for the figures we show).
pub const ABSURD: f64 = 1e16;

fn finite_in<'de, D: Deserializer<'de>>(
    d: D,
    min: f64,
    max: f64,
    what: &str,
) -> Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if v.is_nan() {
        return Err(D::Error::custom(format!(
            "{what} is NaN; expected a number from {min} to {max}"
        )));
    }
    if v.is_infinite() {
        return Err(D::Error::custom(format!(
            "{what} is infinite; expected a number from {min} to {max}"
        )));
    }
    if v < min || v > max {
        return Err(D::Error::custom(format!(
            "{what} is {v}; expected a number from {min} to {max}"
        )));
    }
    Ok(v)
}

fn optional<'de, D: Deserializer<'de>>(
    d: D,
    min: f64,
    max: f64,
    what: &str,
) -> Result<Option<f64>, D::Error> {
    match Option::<f64>::deserialize(d)? {
        None => Ok(None),
        Some(v) => finite_in(
            serde::de::value::F64Deserializer::<D::Error>::new(v),
            min,
            max,
            what,
        )
        .map(Some),
    }
}

/// A non-negative amount (tokens, users, FTE, MW, money), at most [`ABSURD`].
pub fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 0.0, ABSURD, "this amount")
}

/// A whole number of accelerators: 0 to 10,000,000 (a clear message for negatives and fractions).
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    const MAX: f64 = 10_000_000.0;
    let v = f64::deserialize(d)?;
    if !v.is_finite() || !(0.0..=MAX).contains(&v) || v.fract() != 0.0 {
        return Err(D::Error::custom(format!(
            "the count is {v}; expected a whole number of accelerators from 0 to 10000000"
        )));
    }
    Ok(v as u32)
}

/// A share between 0 and 1.
pub fn share<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 0.0, 1.0, "this share")
}

/// Model FLOPs utilisation: above 0, at most 1.
pub fn mfu<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = finite_in(d, 0.0, 1.0, "MFU")?;
    if v == 0.0 {
        return Err(D::Error::custom(
            "MFU is 0; expected a number above 0 and at most 1",
        ));
    }
    Ok(v)
}

/// Power usage effectiveness: 1 (no overhead) to 3.
pub fn pue<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 1.0, 3.0, "PUE")
}

/// Server power as a multiple of the accelerator's TDP: 1 to 5.
pub fn server_overhead<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 1.0, 5.0, "server overhead")
}

/// A dependency weight: 0 to 100.
pub fn weight<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 0.0, 100.0, "this weight")
}

/// An optional duration in days: above 0, at most 100 years.
pub fn optional_days<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let days = optional(d, 0.0, 36_500.0, "this duration in days")?;
    if days == Some(0.0) {
        return Err(D::Error::custom(
            "this duration is 0 days; expected a number above 0 and at most 36500",
        ));
    }
    Ok(days)
}

/// A serving context length in tokens: 1 to 100 million.
pub fn context_tokens<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 1.0, 1e8, "the context length")
}

/// A peak-to-average traffic factor: 1 to 100.
pub fn peak_factor<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 1.0, 100.0, "the peak-to-average factor")
}

/// A number of years (a life or a horizon): above 0, at most 50.
pub fn years<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = finite_in(d, 0.0, 50.0, "this number of years")?;
    if v == 0.0 {
        return Err(D::Error::custom(
            "this number of years is 0; expected a number above 0 and at most 50",
        ));
    }
    Ok(v)
}

/// A cost factor on a price: 0 to 10.
pub fn factor<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    finite_in(d, 0.0, 10.0, "this factor")
}

/// An optional price or amount: absent, or non-negative and at most [`ABSURD`].
pub fn optional_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    optional(d, 0.0, ABSURD, "this amount")
}

/// A staff cost level relative to the assumed cost: above 0, at most 10.
pub fn cost_level<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = finite_in(d, 0.0, 10.0, "the cost level")?;
    if v == 0.0 {
        return Err(D::Error::custom(
            "the cost level is 0; expected a number above 0 and at most 10 (1 = the assumed staff cost)",
        ));
    }
    Ok(v)
}
