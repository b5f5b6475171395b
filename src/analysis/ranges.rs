//! Low–high ranges around point figures, from the relative bands of the inputs that feed them.
//!
//! The inputs' errors are independent (a site's PUE says nothing about a run's MFU), so their
//! relative half-widths bᵢ combine in quadrature: b = √Σbᵢ² (held below 0.95). A figure
//! proportional to the inputs spans (1 − b) to (1 + b) times its point; a figure inversely
//! proportional (time ∝ 1 / (MFU · peak)) spans 1 / (1 + b) to 1 / (1 − b). Bands are half-widths
//! between 0 and 1 (see `calibration::Bands`); with every band 0 the range is the point. Pure
//! arithmetic on pool-level numbers: a handful of multiplications per analysis.

/// A figure's low and high ends, `[low, high]`.
pub type Range = [f64; 2];

/// (1 − b, 1 + b) for the bands combined in quadrature (b held to 0..0.95).
fn factors(bands: &[f64]) -> (f64, f64) {
    let b = bands
        .iter()
        .fold(0.0, |s, b| s + b.max(0.0) * b.max(0.0))
        .sqrt()
        .min(0.95);
    (1.0 - b, 1.0 + b)
}

/// Range of a figure proportional to inputs with these bands.
pub fn proportional(point: f64, bands: &[f64]) -> Range {
    let (lo, hi) = factors(bands);
    [point * lo, point * hi]
}

/// Range of a figure inversely proportional to inputs with these bands (e.g. time ∝ 1 / MFU).
pub fn inverse(point: f64, bands: &[f64]) -> Range {
    let (lo, hi) = factors(bands);
    [point / hi, point / lo]
}

/// Range of a product of two ranged figures (energy = power × hours).
pub fn product(a: Range, b: Range) -> Range {
    [a[0] * b[0], a[1] * b[1]]
}

/// Scales a range by a constant (hours → days, wall-clock hours → accelerator-hours).
pub fn scale(r: Range, by: f64) -> Range {
    [r[0] * by, r[1] * by]
}

/// Relative half-width that a sum of parts with their own bands has, weighted by each part's
/// size: Σ wᵢ·bᵢ / Σ wᵢ (0 when the parts sum to 0).
pub fn weighted_band(parts: &[(f64, f64)]) -> f64 {
    let total = parts.iter().fold(0.0, |s, (w, _)| s + w);
    if total > 0.0 {
        parts.iter().fold(0.0, |s, (w, b)| s + w * b) / total
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bands_collapse_onto_the_point() {
        assert_eq!(proportional(7.0, &[0.0, 0.0]), [7.0, 7.0]);
        assert_eq!(inverse(7.0, &[0.0]), [7.0, 7.0]);
    }

    #[test]
    fn independent_bands_combine_in_quadrature() {
        let [lo, hi] = proportional(1.0, &[0.3, 0.4]);
        assert!((lo - 0.5).abs() < 1e-12 && (hi - 1.5).abs() < 1e-12);
    }

    #[test]
    fn an_mfu_band_of_30_percent_spans_time_from_point_over_1_3_to_point_over_0_7() {
        let [lo, hi] = inverse(13.0, &[0.3]);
        assert!((lo - 10.0).abs() < 1e-12 && (hi - 13.0 / 0.7).abs() < 1e-12);
    }
}
