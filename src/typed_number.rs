//! Reading a number a person typed, the way they wrote it: with a decimal point or a decimal
//! comma, with digit grouping (`1,234.5`, `1.234,5`, `1 234,5`, `1'234.5`), with or without the
//! field's unit. Nothing is silently dropped: text that could mean two numbers (`1,234`: one
//! thousand two hundred and thirty-four, or one point two three four?) is refused with the reason.
//!
//! Pure Rust, no UI: the app's number fields and any typed input use it.

/// Why typed text was not read as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedNumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number (letters, two signs, a misplaced separator…).
    NotANumber,
    /// One comma followed by exactly three digits: a decimal comma or a thousands separator?
    Ambiguous {
        /// The reading with the comma as thousands separator (e.g. `1234`).
        as_grouping: String,
        /// The reading with the comma as decimal separator (e.g. `1.234`).
        as_decimal: String,
    },
}

impl std::fmt::Display for TypedNumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypedNumberError::Empty => write!(f, "nothing typed"),
            TypedNumberError::NotANumber => write!(f, "not a number"),
            TypedNumberError::Ambiguous {
                as_grouping,
                as_decimal,
            } => write!(
                f,
                "ambiguous: write {as_grouping} or {as_decimal} (decimal point or decimal comma)"
            ),
        }
    }
}

/// Characters people put between digit groups, besides `.` and `,`: spaces (also the no-break and
/// thin spaces that word processors insert), apostrophes (Swiss style) and underscores.
fn is_group_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}' | '_'
    )
}

/// Reads `text` as a number. `unit` (e.g. `"MW"`, `"chips"`), when the text ends with it, is
/// ignored, so the field's own display text reads back as its value.
///
/// - One separator kind only: `.` is a decimal point (`2.5`); `,` is a decimal comma (`2,5` →
///   2.5) unless it is followed by exactly three digits (`1,234` is refused as ambiguous);
///   repeated (`1,234,567` or `1.234.567`) it groups thousands.
/// - Both kinds: the last one is the decimal separator and the other groups thousands before it
///   (`1.234,5` and `1,234.5` are both 1234.5).
/// - Groups after the first have exactly three digits; anything else is refused.
/// - A leading `+` or `−`/`-`, and exponents (`1e3`) with a decimal point, are accepted.
pub fn parse_typed_number(text: &str, unit: &str) -> Result<f64, TypedNumberError> {
    let mut body = text.trim();
    if !unit.is_empty()
        && let Some(stripped) = strip_suffix_ignore_case(body, unit)
    {
        body = stripped.trim_end();
    }
    if body.is_empty() {
        return Err(TypedNumberError::Empty);
    }
    let (negative, unsigned) = match body.chars().next() {
        Some('-' | '−') => (true, &body[body.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &body[1..]),
        _ => (false, body),
    };
    let compact: String = unsigned.chars().filter(|c| !is_group_space(*c)).collect();
    let spaced = compact.len() != unsigned.len();
    let value = read_unsigned(&compact, spaced)?;
    Ok(if negative { -value } else { value })
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let (head, tail) = (text.get(..cut)?, text.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

/// Reads digits with `.`/`,` separators (no sign, no spaces). `spaced` says spaces grouped the
/// digits, so a lone comma is then a decimal comma (`1 234,567` is 1234.567).
fn read_unsigned(text: &str, spaced: bool) -> Result<f64, TypedNumberError> {
    if text.is_empty() {
        return Err(TypedNumberError::NotANumber);
    }
    if let Some(at) = text.find(['e', 'E']) {
        // Scientific notation only with a decimal point: `2,5e3` is not something people type.
        if text.contains(',') {
            return Err(TypedNumberError::NotANumber);
        }
        return if at == 0 {
            Err(TypedNumberError::NotANumber)
        } else {
            parse_plain(text)
        };
    }
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let decimal_is = match (commas, dots) {
        (0, 0) => None,
        (0, 1) => Some('.'),
        (1, 0) => {
            let (int, frac) = text.split_once(',').expect("one comma");
            if frac.len() == 3 && !spaced && looks_grouped_first(int) && all_digits(frac) {
                return Err(TypedNumberError::Ambiguous {
                    as_grouping: format!("{int}{frac}"),
                    as_decimal: format!("{int}.{frac}"),
                });
            }
            Some(',')
        }
        (_, 0) | (0, _) => None, // repeated separator of one kind: thousands groups only
        _ => {
            let last_comma = text.rfind(',').expect("has a comma");
            let last_dot = text.rfind('.').expect("has a dot");
            Some(if last_comma > last_dot { ',' } else { '.' })
        }
    };
    let (int, frac) = match decimal_is {
        Some(sep) => {
            let at = text.rfind(sep).expect("separator present");
            (&text[..at], Some(&text[at + 1..]))
        }
        None => (text, None),
    };
    // `2,` or `2.` reads as 2; anything but digits after the separator is wrong.
    if let Some(frac) = frac
        && !frac.is_empty()
        && !all_digits(frac)
    {
        return Err(TypedNumberError::NotANumber);
    }
    let digits = ungroup(int, decimal_is)?;
    let number = match frac {
        Some(f) if !f.is_empty() => format!("{digits}.{f}"),
        _ => digits,
    };
    parse_plain(&number)
}

/// The integer part with its thousands separators removed, or an error when the groups are not
/// of three digits.
fn ungroup(int: &str, decimal: Option<char>) -> Result<String, TypedNumberError> {
    let group = match decimal {
        Some(',') => '.',
        Some(_) => ',',
        None if int.contains(',') => ',',
        None => '.',
    };
    if int.is_empty() {
        return Ok("0".to_string());
    }
    let parts: Vec<&str> = int.split(group).collect();
    if parts.len() > 1 {
        let first_ok = !parts[0].is_empty() && parts[0].len() <= 3;
        let rest_ok = parts[1..].iter().all(|p| p.len() == 3);
        if !first_ok || !rest_ok {
            return Err(TypedNumberError::NotANumber);
        }
    }
    let joined: String = parts.concat();
    if !all_digits(&joined) {
        return Err(TypedNumberError::NotANumber);
    }
    Ok(joined)
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// Whether `int` could be the first group of a grouped number: 1–3 digits, not a lone 0.
fn looks_grouped_first(int: &str) -> bool {
    all_digits(int) && int.len() <= 3 && int != "0"
}

fn parse_plain(text: &str) -> Result<f64, TypedNumberError> {
    let ok = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.');
    if !ok {
        return Err(TypedNumberError::NotANumber);
    }
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(TypedNumberError::NotANumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<f64, TypedNumberError> {
        parse_typed_number(text, "MW")
    }

    #[test]
    fn a_decimal_comma_reads_as_a_decimal_point() {
        assert_eq!(read("2,5"), Ok(2.5));
        assert_eq!(read("0,125"), Ok(0.125));
        assert_eq!(read("12,50"), Ok(12.5));
        assert_eq!(read("2,5 MW"), Ok(2.5));
        assert_eq!(read("2,5MW"), Ok(2.5));
        assert_eq!(read("-2,5"), Ok(-2.5));
    }

    #[test]
    fn both_separators_read_with_the_last_as_the_decimal() {
        assert_eq!(read("1.234,5"), Ok(1234.5));
        assert_eq!(read("1,234.5"), Ok(1234.5));
        assert_eq!(read("1.234.567,25"), Ok(1_234_567.25));
        assert_eq!(read("1,234,567.25"), Ok(1_234_567.25));
    }

    #[test]
    fn repeated_separators_and_spaces_group_thousands() {
        assert_eq!(read("1,234,567"), Ok(1_234_567.0));
        assert_eq!(read("1.234.567"), Ok(1_234_567.0));
        assert_eq!(read("1 234 567"), Ok(1_234_567.0));
        assert_eq!(read("1\u{202f}234,5"), Ok(1234.5));
        assert_eq!(read("1'234.5"), Ok(1234.5));
        assert_eq!(read("5_000_000"), Ok(5_000_000.0));
    }

    #[test]
    fn plain_numbers_read_as_before() {
        assert_eq!(read("2.5"), Ok(2.5));
        assert_eq!(read("5000000"), Ok(5_000_000.0));
        assert_eq!(read(".5"), Ok(0.5));
        assert_eq!(read("1e3"), Ok(1000.0));
        assert_eq!(read("2.5e-1"), Ok(0.25));
        assert_eq!(read("  96 mw "), Ok(96.0));
        assert_eq!(read("+7"), Ok(7.0));
    }

    #[test]
    fn a_comma_before_exactly_three_digits_is_refused_as_ambiguous() {
        let err = read("1,234").expect_err("ambiguous");
        assert_eq!(
            err,
            TypedNumberError::Ambiguous {
                as_grouping: "1234".into(),
                as_decimal: "1.234".into(),
            }
        );
        assert!(err.to_string().contains("write 1234 or 1.234"));
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for bad in [
            "lots", "0x40", "2MWh", "1,2,3", "1.23.4", "1,23,456", "2,5,", "--3", "1.2,3.4", "e5",
            "2,5e3", "nan", "inf", "1e999",
        ] {
            assert_eq!(read(bad), Err(TypedNumberError::NotANumber), "{bad}");
        }
        assert_eq!(read(""), Err(TypedNumberError::Empty));
        assert_eq!(read("MW"), Err(TypedNumberError::Empty));
    }

    #[test]
    fn a_separator_typed_last_reads_as_the_number_so_far() {
        assert_eq!(read("2,"), Ok(2.0));
        assert_eq!(read("2."), Ok(2.0));
    }
}
