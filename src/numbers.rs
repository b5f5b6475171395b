//! Number formatting shared by the text outputs (`diff`, `export`): digit grouping and signed
//! deltas. Formatting only; every figure comes from the analysis.

/// `v` with at most `decimals` decimals (trailing zeros trimmed) and thousands grouped by commas,
/// e.g. `1234567.5` → `1,234,567.5`. Not-a-number and infinities print as `—`.
pub fn grouped(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    let zero = out.chars().all(|c| c == '0' || c == ',' || c == '.');
    if v < 0.0 && !zero {
        out.insert(0, '-');
    }
    out
}

/// Decimals that keep about four significant digits without printing noise: none from 1,000 up,
/// more for small values (at most 4).
pub fn decimals_for(v: f64) -> usize {
    let a = v.abs();
    if a >= 1000.0 || a == 0.0 {
        0
    } else if a >= 100.0 {
        1
    } else if a >= 1.0 {
        2
    } else if a >= 0.01 {
        3
    } else {
        4
    }
}

/// A readable number: grouped digits with magnitude-dependent decimals; beyond 10¹⁵ (FLOP counts)
/// scientific notation such as `3.78e23`.
pub fn readable(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e15 {
        return format!("{v:.2e}");
    }
    grouped(v, decimals_for(v))
}

/// A signed delta, e.g. `+96`, `−1.5` (with a real minus sign).
pub fn signed(delta: f64) -> String {
    let body = readable(delta.abs());
    if delta > 0.0 {
        format!("+{body}")
    } else if delta < 0.0 && body.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{body}")
    } else {
        body
    }
}

/// A share (0 to 1) as a percentage with one decimal, e.g. `0.425` → `42.5 %`, `0.4` → `40.0 %`.
pub fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_trims_zeros() {
        assert_eq!(grouped(1_234_567.5, 2), "1,234,567.5");
        assert_eq!(grouped(-1000.0, 0), "-1,000");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(-0.0001, 2), "0");
        assert_eq!(readable(3.78e23), "3.78e23");
        assert_eq!(signed(-1.5), "−1.5");
        assert_eq!(signed(96.0), "+96");
        assert_eq!(percent(0.425), "42.5 %");
    }
}
