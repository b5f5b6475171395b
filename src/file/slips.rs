//! The common slips of a hand-edited plan file, recognised from the parser's error and the text
//! around it, each with what to write instead: a hexadecimal number (`count: 0x40`), a unit after
//! a number (`mw: 2MW`), a thousands separator (`count: 1,000`), a missing comma, and a misspelt
//! variant or field name (the nearest valid one is suggested).

use super::problem::position_of;

/// What the parser's error at (`line`, `column`) most likely means, as a position (where to fix
/// it) and a message saying what to write; `None` when the error is not a known slip.
pub(super) fn explain(
    text: &str,
    code: &ron::Error,
    line: usize,
    column: usize,
) -> Option<((usize, usize), String)> {
    use ron::Error as E;
    let here = (line, column);
    match code {
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().unwrap_or("value");
            Some((here, unknown_name(found, what, "variant", expected)))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().unwrap_or("entry");
            Some((here, unknown_name(found, what, "field", expected)))
        }
        E::MissingStructField { field, outer } => {
            let what = outer.as_deref().unwrap_or("entry");
            Some((
                here,
                format!(
                    "missing field `{field}` in this `{what}`; expected `{field}: …` inside its brackets"
                ),
            ))
        }
        _ => {
            let at = offset_of(text, line, column)?;
            number_slip(text, at).or_else(|| {
                matches!(code, E::ExpectedComma)
                    .then(|| missing_comma(text, at))
                    .flatten()
            })
        }
    }
}

/// "`Rentd` is not a variant of `Tenure`; did you mean `Rented`?" with the valid names.
fn unknown_name(found: &str, outer: &str, kind: &str, expected: &[&str]) -> String {
    let list = expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match nearest(found, expected) {
        Some(best) => format!(
            "`{found}` is not a {kind} of `{outer}`; did you mean `{best}`? (expected one of {list})"
        ),
        None => format!("`{found}` is not a {kind} of `{outer}`; expected one of {list}"),
    }
}

/// The candidate closest to `found` by edit distance (ignoring case), if it is close enough to
/// be a slip: at most a third of the word's letters (and at least 2) differ.
pub(super) fn nearest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    let (best, distance) = candidates
        .iter()
        .map(|c| (*c, edit_distance(&found_lower, &c.to_lowercase())))
        .min_by_key(|(_, d)| *d)?;
    let allowed = (found.chars().count() / 3).max(2);
    (distance <= allowed).then_some(best)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The byte offset of a 1-based (line, column in characters) position.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(line_start + within)
}

/// The number written just before byte `at` (spaces between allowed), as (start offset, text).
fn number_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].trim_end();
    let digits = before.len()
        - before
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '_')
            .len();
    if digits == 0 {
        return None;
    }
    let mut start = before.len() - digits;
    if before[..start].ends_with(['-', '+']) {
        start -= 1;
    }
    let number = &before[start..];
    number
        .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
        .then_some((start, number))
}

/// The field name written before byte `at` (`name:` and spaces), if any.
fn field_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end().strip_suffix(':')?.trim_end();
    let name_len = before.len()
        - before
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
            .len();
    (name_len > 0).then(|| &before[before.len() - name_len..])
}

/// A number followed by letters or `%`, or written with a thousands comma.
fn number_slip(text: &str, at: usize) -> Option<((usize, usize), String)> {
    let rest = &text[at..];
    // `1,000`: the parser stops at `000` after a comma that follows digits.
    if rest.starts_with(|c: char| c.is_ascii_digit())
        && let Some(comma) = text[..at].trim_end().strip_suffix(',')
        && let Some((start, first)) = number_before(comma, comma.len())
    {
        // The digits after the first comma, and any further `,ddd` groups.
        let mut end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        while rest[end..].starts_with(',')
            && rest[end + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            end += 1 + rest[end + 1..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len() - end - 1);
        }
        let more = &rest[..end];
        let written = format!("{first},{more}");
        let joined = written.replace(',', "");
        let field = field_before(text, start).map_or(String::new(), |f| format!("{f}: "));
        return Some((
            position_of(text, start),
            format!(
                "`{written}` uses a comma to group thousands, but a comma separates fields; expected the digits alone: write `{field}{joined}` (or `{field}{}` with underscores)",
                group_with_underscores(&joined)
            ),
        ));
    }
    // `20%`: a range check stops at the number itself, before the `%`.
    let digits = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let (start, number, at) = if digits > 0 && rest[digits..].starts_with('%') {
        (at, &rest[..digits], at + digits)
    } else {
        let (start, number) = number_before(text, at)?;
        (start, number, at)
    };
    let rest = &text[at..];
    let field = field_before(text, start);
    let write = |value: &str| match field {
        Some(f) => format!("`{f}: {value}`"),
        None => format!("`{value}`"),
    };
    let word: &str = &rest[..rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '/'))
        .unwrap_or(rest.len())];
    // `0x40`, `0b101`, `0o17`: ron may read these as integers, but every plan number is decimal.
    if number == "0"
        && text[start + 1..].starts_with(['x', 'X', 'b', 'B', 'o', 'O'])
        && text[start + 1..at].trim().is_empty()
    {
        let radix = match word.as_bytes()[0].to_ascii_lowercase() {
            b'x' => 16,
            b'b' => 2,
            _ => 8,
        };
        let name = match radix {
            16 => "hexadecimal",
            2 => "binary",
            _ => "octal",
        };
        let decimal = u64::from_str_radix(&word[1..].replace('_', ""), radix)
            .map_or_else(|_| "the decimal value".to_string(), |v| v.to_string());
        return Some((
            position_of(text, start),
            format!(
                "`0{word}` is a {name} number; expected a decimal number: write {}",
                write(&decimal)
            ),
        ));
    }
    if rest.starts_with('%') {
        let share = number
            .parse::<f64>()
            .map_or_else(|_| "a fraction".to_string(), |v| format!("{}", v / 100.0));
        return Some((
            position_of(text, start),
            format!(
                "`{number}%`: expected a share as a fraction from 0 to 1, not a percentage; write {}",
                write(&share)
            ),
        ));
    }
    // A word followed by `:` is the next field's name: that is a missing comma, not a unit.
    let is_field = rest[word.len()..].trim_start().starts_with(':');
    if is_field || word.is_empty() || !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let value = number
        .parse::<f64>()
        .ok()
        .and_then(|v| convert(v, word, field?))
        .unwrap_or_else(|| number.to_string());
    let unit = field.and_then(unit_of).map_or_else(
        || "the field's name says which".to_string(),
        |u| format!("`{}` is in {u}", field.unwrap_or_default()),
    );
    Some((
        position_of(text, start),
        format!(
            "`{}{word}`: expected the number alone, without a unit ({unit}); write {}",
            &text[start..at],
            write(&value)
        ),
    ))
}

/// `1234567` as `1_234_567`.
fn group_with_underscores(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    out
}

/// The unit a plan field is in, from its name.
fn unit_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "mw" => "megawatts (MW)",
        "fte" | "foreign_fte" => "full-time equivalents",
        "count" => "accelerators",
        f if f.ends_with("_days") => "days",
        f if f.ends_with("_gb") => "gigabytes",
        f if f.ends_with("_tbs") => "terabytes per second",
        f if f.ends_with("_w") => "watts",
        f if f.ends_with("_tflops") => "teraFLOPS",
        f if f.ends_with("_share") => "a fraction from 0 to 1",
        _ => return None,
    })
}

/// `value` written with `unit`, converted to what `field` holds (GW or kW into `mw`).
fn convert(value: f64, unit: &str, field: &str) -> Option<String> {
    let factor = match (field, unit) {
        ("mw", "GW") => 1000.0,
        ("mw", "MW") => 1.0,
        ("mw", "kW" | "KW") => 0.001,
        _ => return None,
    };
    Some(format!("{}", value * factor))
}

/// A comma missing between two fields or list items: the position just after the earlier one.
/// A closing bracket where the parser wanted a comma closes the wrong bracket instead.
fn missing_comma(text: &str, at: usize) -> Option<((usize, usize), String)> {
    if let Some(close) = text[at..]
        .chars()
        .next()
        .filter(|c| matches!(c, ')' | ']' | '}'))
    {
        return Some((position_of(text, at), wrong_bracket(text, at, close)));
    }
    let before = skip_back_comments(&text[..at]);
    let after_prev = before.len();
    let prev: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | ','))
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut chars = text[at..].chars();
    let next: String = chars
        .next()
        .into_iter()
        .chain(chars.take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '"'))
        .take(24)
        .collect();
    if prev.is_empty() || next.is_empty() {
        return None;
    }
    // `format: 1.5`: a whole-number field read `1` and stopped at the fraction.
    if next.starts_with('.') && prev.ends_with(|c: char| c.is_ascii_digit()) {
        let start = after_prev - prev.len();
        return Some((
            position_of(text, start),
            format!(
                "`{prev}{next}` is not a whole number; expected a whole number here, such as `{prev}`"
            ),
        ));
    }
    Some((
        position_of(text, after_prev),
        format!(
            "a comma is missing between `{prev}` and `{next}`; expected `{prev}, {next}` (fields and list items are separated by commas)"
        ),
    ))
}

/// "`]` closes the wrong bracket: expected `)` to close the `(` opened at line L, column C".
fn wrong_bracket(text: &str, at: usize, close: char) -> String {
    match open_bracket_before(text, at) {
        Some((open_at, open)) => {
            let want = match open {
                '(' => ')',
                '[' => ']',
                _ => '}',
            };
            let (line, column) = position_of(text, open_at);
            format!(
                "`{close}` closes the wrong bracket: expected `{want}` first, to close the `{open}` opened at line {line}, column {column} (or a comma, if more follows)"
            )
        }
        None => format!("`{close}` closes a bracket that was never opened; remove it"),
    }
}

/// The innermost bracket still open at byte `at` (strings and comments skipped), with its offset.
fn open_bracket_before(text: &str, at: usize) -> Option<(usize, char)> {
    let mut stack = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < at {
        match b[i] {
            b'"' => {
                i += 1;
                while i < at && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < at && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < at && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
            }
            c @ (b'(' | b'[' | b'{') => stack.push((i, c as char)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop()
}

/// `text` without trailing whitespace and trailing `//` line comments.
fn skip_back_comments(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let line_start = t.rfind('\n').map_or(0, |i| i + 1);
        match line_start_of_comment(&t[line_start..]) {
            Some(c) => t = t[..line_start + c].trim_end(),
            None => return t,
        }
    }
}

/// Where a `//` comment starts on a line (outside a string), if it has one.
fn line_start_of_comment(line: &str) -> Option<usize> {
    let mut in_string = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_name_is_suggested_only_when_close() {
        assert_eq!(nearest("Rentd", &["Owned", "Rented"]), Some("Rented"));
        assert_eq!(
            nearest("MLResearch", &["MlResearch", "InfraOps"]),
            Some("MlResearch")
        );
        assert_eq!(nearest("Banana", &["Owned", "Rented"]), None);
    }

    #[test]
    fn positions_convert_to_offsets_and_back() {
        let text = "ab\ncdé f\n";
        let at = offset_of(text, 2, 5).unwrap();
        assert_eq!(&text[at..at + 1], "f");
        assert_eq!(position_of(text, at), (2, 5));
    }
}
