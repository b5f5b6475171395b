//! Number formatting shared by the text outputs (`diff`, `export`) and the views: digit grouping,
//! signed deltas and percentages. Formatting only; every figure comes from the analysis.

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

/// A figure and its unit by the one rule of [`readable`], e.g. `1,234 MW`, `12.35 PFLOP/s`.
pub fn with_unit(v: f64, unit: &str) -> String {
    format!("{} {unit}", readable(v))
}

/// A count with its digits grouped, e.g. `12,480`.
pub fn count(n: impl Into<u64>) -> String {
    grouped(n.into() as f64, 0)
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

/// An amount of US dollars, short and with its unit: three significant figures with "thousand",
/// "million" or "billion" abbreviated, e.g. `412_345_678.0` → `412 M USD`, `1.234e9` →
/// `1.23 bn USD`, `8_500.0` → `8,500 USD`; negative amounts with a real minus sign.
pub fn usd(v: f64) -> String {
    format!("{} USD", usd_number(v))
}

/// [`usd`] without the unit (for ranges: `350 M–480 M`).
pub fn usd_number(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    let (scaled, suffix) = if a >= 999.5e6 {
        (a / 1e9, " bn")
    } else if a >= 999.5e3 {
        (a / 1e6, " M")
    } else {
        return if v < 0.0 && a >= 0.5 {
            format!("−{}", grouped(a, 0))
        } else {
            grouped(a, 0)
        };
    };
    let decimals = if scaled >= 99.95 {
        0
    } else if scaled >= 9.995 {
        1
    } else {
        2
    };
    let sign = if v < 0.0 { "−" } else { "" };
    format!("{sign}{}{suffix}", grouped(scaled, decimals))
}

/// A dollar amount with its low–high range: "412 M USD (range 350 M–480 M USD)".
pub fn usd_range(point: f64, range: [f64; 2]) -> String {
    if (range[1] - range[0]).abs() <= 1e-9 * point.abs().max(1.0) {
        return usd(point);
    }
    format!(
        "{} (range {}–{})",
        usd(point),
        usd_number(range[0]),
        usd(range[1])
    )
}

/// A share (0 to 1) as a percentage with one decimal, e.g. `0.425` → `42.5 %`, `0.4` → `40.0 %`.
pub fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// A share (0 to 1) as a short percentage for lists, that never shows a real share as zero:
/// whole percent from 10 % up, one decimal below, `< 0.1 %` for a share under 0.05 %, e.g.
/// `0.42` → `42 %`, `0.034` → `3.4 %`, `0.0004` → `< 0.1 %`, `0.0` → `0 %`.
pub fn short_percent(share: f64) -> String {
    let p = share * 100.0;
    if !p.is_finite() {
        "—".to_string()
    } else if p == 0.0 {
        "0 %".to_string()
    } else if p.abs() < 0.05 {
        "< 0.1 %".to_string()
    } else if p.abs() < 9.95 {
        format!("{p:.1} %")
    } else {
        format!("{p:.0} %")
    }
}

/// A sum of money scaled for reading at a glance, without the currency: three significant
/// digits with `k`, `M` or `bn`, e.g. `12_345_678.0` → `12.3 M`, `2.5e9` → `2.5 bn`,
/// `950.0` → `950`; negative amounts with a real minus sign.
pub fn short_money(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (a / 1e9, " bn")
    } else if a >= 1e6 {
        (a / 1e6, " M")
    } else if a >= 1e3 {
        (a / 1e3, " k")
    } else {
        (a, "")
    };
    let digits = if scaled >= 100.0 || suffix.is_empty() {
        0
    } else if scaled >= 10.0 {
        1
    } else {
        2
    };
    let body = format!("{}{suffix}", grouped(scaled, digits));
    if v < 0.0 && body.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{body}")
    } else {
        body
    }
}

/// A sum in US dollars at a glance, e.g. `USD 12.3 M` (see [`short_money`]).
pub fn short_usd(v: f64) -> String {
    format!("USD {}", short_money(v))
}

/// A low–high range of US dollars at a glance, e.g. `USD 10.1 M – 14.2 M`.
pub fn short_usd_range(lo: f64, hi: f64) -> String {
    format!("USD {} – {}", short_money(lo), short_money(hi))
}

/// A number with `digits` significant digits, grouped; for small rates such as an exchange rate
/// of `0.0000634` USD per rupiah that [`readable`] would round away. From 0.01 up it is
/// [`readable`].
pub fn significant(v: f64, digits: usize) -> String {
    if !v.is_finite() || v == 0.0 || v.abs() >= 0.01 {
        return readable(v);
    }
    let magnitude = v.abs().log10().floor() as i32;
    let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
    format!("{v:.decimals$}")
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
        assert_eq!(with_unit(1234.5, "MW"), "1,234 MW");
        assert_eq!(with_unit(12.345, "PFLOP/s"), "12.35 PFLOP/s");
        assert_eq!(count(12_480u32), "12,480");
    }

    #[test]
    fn dollar_amounts_read_short_with_their_unit() {
        assert_eq!(usd(412_345_678.0), "412 M USD");
        assert_eq!(usd(1.234e9), "1.23 bn USD");
        assert_eq!(usd(12_345_678.0), "12.3 M USD");
        assert_eq!(usd(999_999.0), "1 M USD");
        assert_eq!(usd(8_500.0), "8,500 USD");
        assert_eq!(usd(-2.5e6), "−2.5 M USD");
        assert_eq!(usd(0.0), "0 USD");
    }

    #[test]
    fn short_percentages_never_show_a_real_share_as_zero() {
        assert_eq!(short_percent(0.0), "0 %");
        assert_eq!(short_percent(0.0004), "< 0.1 %");
        assert_eq!(short_percent(0.0034), "0.3 %");
        assert_eq!(short_percent(0.034), "3.4 %");
        assert_eq!(short_percent(0.0996), "10 %");
        assert_eq!(short_percent(0.42), "42 %");
        assert_eq!(short_percent(1.0), "100 %");
        assert_eq!(short_percent(f64::NAN), "—");
    }

    #[test]
    fn money_reads_at_a_glance() {
        assert_eq!(short_money(12_345_678.0), "12.3 M");
        assert_eq!(short_money(2.5e9), "2.5 bn");
        assert_eq!(short_money(1_234e9), "1,234 bn");
        assert_eq!(short_money(950.0), "950");
        assert_eq!(short_money(45_600.0), "45.6 k");
        assert_eq!(short_money(-3_210_000.0), "−3.21 M");
        assert_eq!(short_money(-0.2), "0");
        assert_eq!(short_usd(180e6), "USD 180 M");
        assert_eq!(short_usd_range(10.1e6, 14.2e6), "USD 10.1 M – 14.2 M");
        assert_eq!(short_money(f64::NAN), "—");
    }

    #[test]
    fn small_rates_keep_their_significant_digits() {
        assert_eq!(significant(0.0000634, 3), "0.0000634");
        assert_eq!(significant(0.00115, 3), "0.00115");
        assert_eq!(significant(1.08, 3), "1.08");
        assert_eq!(significant(0.0, 3), "0");
    }
}
