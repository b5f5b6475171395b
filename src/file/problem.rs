//! A problem found in a plan file, with where it is.

use std::fmt;

/// One problem in a plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// Where in the plan, e.g. `members[3].chips[0].accelerator`; empty for syntax errors.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// Whether the file cannot be opened because of it. Non-fatal problems (unknown catalog ids,
    /// duplicate members) let the plan open so nothing is lost; `validate` still reports them.
    pub fatal: bool,
}

impl Problem {
    /// A problem at a position.
    pub fn at(
        position: Option<(usize, usize)>,
        path: impl Into<String>,
        message: impl Into<String>,
        fatal: bool,
    ) -> Problem {
        Problem {
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            path: path.into(),
            message: message.into(),
            fatal,
        }
    }
}

impl Problem {
    /// The problem as editors and terminals link it: `FILE:LINE:COLUMN: path: message` (`FILE:
    /// message` when the place is not known), so a click or `vim FILE +LINE` goes to it.
    pub fn in_file(&self, file: &str) -> String {
        match self.line {
            Some(_) => format!("{file}:{self}"),
            None => format!("{file}: {self}"),
        }
    }

    /// Like [`Problem::in_file`] with `warning: ` after the place, as compilers mark what does
    /// not stop them: `FILE:LINE:COLUMN: warning: path: message`.
    pub fn warning_in_file(&self, file: &str) -> String {
        let place = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}:"),
            (Some(l), None) => format!("{file}:{l}:"),
            _ => format!("{file}:"),
        };
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        };
        format!("{place} warning: {path}{}", self.message)
    }
}

/// `LINE:COLUMN: path: message` (the place left out when unknown): with the file name in front
/// (see [`Problem::in_file`]) it is the `FILE:LINE:COLUMN: message` form compilers print.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{l}:{c}: ")?,
            (Some(l), None) => write!(f, "{l}: ")?,
            _ => {}
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// The 1-based (line, column) of a byte offset (column counted in characters).
pub fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A token of RON code (comments and whitespace dropped), with its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Ident(usize, usize),
    /// A `//` or `/* */` comment, delimiters included; only from [`Tokens`] that keep comments.
    Comment(usize, usize),
    /// A string literal; the range is its content between the quotes.
    Str(usize, usize),
    Punct(usize, u8),
}

/// Splits RON text into identifiers, string literals and punctuation, skipping `//` and nested
/// `/* */` comments and understanding escapes and raw strings, so positions are never found
/// inside a comment or inside another string. Linear in the text's length.
fn tokens(text: &str) -> Vec<Tok> {
    Tokens::new(text, false).collect()
}

/// Every comment in `text` as (start, end, after code): its byte range, delimiters included, and
/// whether anything but comments and whitespace comes before it. Strings (normal, raw, byte) and
/// char literals are skipped as the tokenizer skips them, so `"//"` in a name is no comment.
pub(super) fn comment_spans(text: &str) -> Vec<(usize, usize, bool)> {
    let mut after_code = false;
    Tokens::new(text, true)
        .filter_map(|tok| match tok {
            Tok::Comment(start, end) => Some((start, end, after_code)),
            _ => {
                after_code = true;
                None
            }
        })
        .collect()
}

/// The offset just past the block comment that opens at `start` (`/*`), nested comments
/// included, or the end of the text when it is never closed.
fn block_comment_end(b: &[u8], start: usize) -> usize {
    let (mut i, mut depth) = (start + 2, 1);
    while i < b.len() && depth > 0 {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    i
}

/// The token stream of [`tokens`], produced lazily so a scan can stop early.
struct Tokens<'a> {
    b: &'a [u8],
    i: usize,
    /// Whether comments come out as [`Tok::Comment`] instead of being skipped.
    keep_comments: bool,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str, keep_comments: bool) -> Self {
        Tokens {
            b: text.as_bytes(),
            i: 0,
            keep_comments,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let b = self.b;
        let mut i = self.i;
        let tok = loop {
            if i >= b.len() {
                self.i = i;
                return None;
            }
            let c = b[i];
            if c == b'/' && b.get(i + 1) == Some(&b'/') {
                let start = i;
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                if self.keep_comments {
                    break Tok::Comment(start, i);
                }
            } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
                let start = i;
                i = block_comment_end(b, i).min(b.len());
                if self.keep_comments {
                    break Tok::Comment(start, i);
                }
            } else if c == b'"' {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                let tok = Tok::Str(start, i.min(b.len()));
                i += 1;
                break tok;
            } else if (c == b'r' || c == b'b')
                && matches!(b.get(i + 1), Some(b'#') | Some(b'"'))
                && (c == b'r' || b.get(i + 1) == Some(&b'"'))
            {
                // r"..." / r#"..."# raw strings and b"..." byte strings
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    let tok = Tok::Ident(i, i + 1);
                    i += 1;
                    break tok;
                }
                let start = j + 1;
                let mut k = start;
                loop {
                    if k >= b.len() {
                        break;
                    }
                    if b[k] == b'\\' && c == b'b' {
                        k += 2;
                        continue;
                    }
                    if b[k] == b'"'
                        && b[k + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|&&h| h == b'#')
                            .count()
                            == hashes
                    {
                        break;
                    }
                    k += 1;
                }
                let tok = Tok::Str(start, k.min(b.len()));
                i = (k + 1 + hashes).min(b.len());
                break tok;
            } else if c == b'\'' {
                // a char literal such as 'x' or '\''
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            } else if c.is_ascii_alphabetic() || c == b'_' {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                break Tok::Ident(start, i);
            } else {
                i += 1;
                if !c.is_ascii_whitespace() {
                    break Tok::Punct(i - 1, c);
                }
            }
        };
        self.i = i;
        Some(tok)
    }
}

/// The number written as the top-level `format:` of a plan, read without parsing the rest (so a
/// newer file is recognised even when something later in it is broken). `None` when there is no
/// such key or its value is not a whole number.
pub fn top_level_format(text: &str) -> Option<u32> {
    let mut depth = 0usize;
    let mut toks = Tokens::new(text, false);
    while let Some(tok) = toks.next() {
        match tok {
            Tok::Punct(_, b'(' | b'[' | b'{') => depth += 1,
            Tok::Punct(_, b')' | b']' | b'}') => depth = depth.saturating_sub(1),
            Tok::Ident(s, e) if depth == 1 && &text[s..e] == "format" => {
                if let Some(Tok::Punct(colon, b':')) = toks.next() {
                    let rest = text[colon + 1..].trim_start();
                    let digits =
                        rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    let after = rest[digits..].chars().next();
                    if digits > 0
                        && !matches!(after, Some(c) if c.is_alphanumeric() || c == '.' || c == '_')
                    {
                        return rest[..digits].parse().ok();
                    }
                }
                return None;
            }
            _ => {}
        }
    }
    None
}

/// The value of a RON string literal's content with its escapes resolved (\" \\ \n \t \r \0 \u{…}).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let hex: String = chars
                    .by_ref()
                    .skip_while(|c| *c == '{')
                    .take_while(|c| *c != '}')
                    .collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Finds the first place where `key:` is written in code (not in a comment or a string),
/// returning the 1-based (line, column) of the key.
pub fn locate_key(text: &str, key: &str) -> Option<(usize, usize)> {
    let toks = tokens(text);
    toks.windows(2).find_map(|w| match w {
        [Tok::Ident(s, e), Tok::Punct(_, b':')] if &text[*s..*e] == key => {
            Some(position_of(text, *s))
        }
        _ => None,
    })
}

/// Finds `field: "value"` places in one text, tokenising it once for many look-ups.
pub struct FieldLocator<'a> {
    text: &'a str,
    toks: Vec<Tok>,
}

impl<'a> FieldLocator<'a> {
    /// Tokenises `text` (linear time).
    pub fn new(text: &'a str) -> FieldLocator<'a> {
        FieldLocator {
            text,
            toks: tokens(text),
        }
    }

    /// Finds the `occurrence`-th (0-based) place where `field: "value"` (or `field: Some("value")`,
    /// or `"value"` as an item of `field: [...]`) is written in code, returning the 1-based
    /// (line, column) of the value's opening quote.
    pub fn locate(&self, field: &str, value: &str, occurrence: usize) -> Option<(usize, usize)> {
        self.locate_in(None, field, value, occurrence)
    }

    /// Like [`FieldLocator::locate`], counting only places after the top-level `section:` key
    /// (e.g. `custom_models`), so equal ids in two sections are told apart.
    pub fn locate_in(
        &self,
        section: Option<&str>,
        field: &str,
        value: &str,
        occurrence: usize,
    ) -> Option<(usize, usize)> {
        let t = self.text;
        let from = match section {
            None => 0,
            Some(key) => self.toks.windows(2).position(
                |w| matches!(w, [Tok::Ident(s, e), Tok::Punct(_, b':')] if &t[*s..*e] == key),
            )?,
        };
        let is = |tok: Option<&Tok>, want: &str| matches!(tok, Some(Tok::Ident(s, e)) if &t[*s..*e] == want);
        let punct =
            |tok: Option<&Tok>, want: u8| matches!(tok, Some(Tok::Punct(_, c)) if *c == want);
        self.toks
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(k, tok)| {
                let Tok::Str(s, e) = tok else { return false };
                let raw = &t[*s..*e];
                if raw != value && !(raw.contains('\\') && unescape(raw) == value) {
                    return false;
                }
                let mut k = *k;
                // An item of a list (`field: ["a", "b"]`): step back over the items before it.
                while k >= 1
                    && (punct(self.toks.get(k - 1), b',')
                        || matches!(self.toks.get(k - 1), Some(Tok::Str(..))))
                {
                    k -= 1;
                }
                if k >= 1 && punct(self.toks.get(k - 1), b'[') {
                    k -= 1;
                }
                if k >= 2 && punct(self.toks.get(k - 1), b'(') && is(self.toks.get(k - 2), "Some") {
                    k -= 2;
                }
                k >= 2 && punct(self.toks.get(k - 1), b':') && is(self.toks.get(k - 2), field)
            })
            .nth(occurrence)
            .map(|(_, tok)| match tok {
                Tok::Str(s, _) => position_of(t, s - 1),
                _ => unreachable!("filtered to strings"),
            })
    }
}

/// The byte ranges of the items of the top-level list `key: [ … ]` of a plan file (items at the
/// list's own depth, each from its first to its last token), in order. Empty when the key is not
/// written at top level. Linear in the text's length.
pub fn top_level_list_items(text: &str, key: &str) -> Vec<(usize, usize)> {
    let toks = tokens(text);
    let mut depth = 0usize;
    let mut start = None;
    for (k, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Punct(_, b'(' | b'[' | b'{') => depth += 1,
            Tok::Punct(_, b')' | b']' | b'}') => depth = depth.saturating_sub(1),
            Tok::Ident(s, e)
                if depth == 1
                    && &text[*s..*e] == key
                    && matches!(toks.get(k + 1), Some(Tok::Punct(_, b':')))
                    && matches!(toks.get(k + 2), Some(Tok::Punct(_, b'['))) =>
            {
                start = Some(k + 3);
                break;
            }
            _ => {}
        }
    }
    let Some(start) = start else {
        return Vec::new();
    };
    let tok_start = |t: &Tok| match *t {
        Tok::Ident(s, _) | Tok::Comment(s, _) => s,
        Tok::Str(s, _) => s - 1,
        Tok::Punct(s, _) => s,
    };
    let tok_end = |t: &Tok| match *t {
        Tok::Ident(_, e) | Tok::Comment(_, e) => e,
        Tok::Str(_, e) => e + 1,
        Tok::Punct(s, _) => s + 1,
    };
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut item: Option<(usize, usize)> = None;
    for tok in &toks[start..] {
        match tok {
            Tok::Punct(_, b']' | b')' | b'}') if depth == 0 => break,
            Tok::Punct(_, b',') if depth == 0 => {
                items.extend(item.take());
                continue;
            }
            Tok::Punct(_, b'(' | b'[' | b'{') => depth += 1,
            Tok::Punct(_, b')' | b']' | b'}') => depth -= 1,
            _ => {}
        }
        let (s, e) = (tok_start(tok), tok_end(tok).min(text.len()));
        item = Some(item.map_or((s, e), |(s0, _)| (s0, e)));
    }
    items.extend(item);
    items
}

/// `text` with every character outside `range` replaced by a space (line breaks kept), so the
/// positions found in it are the positions in `text` and nothing outside `range` is found.
pub fn blank_outside(text: &str, range: (usize, usize)) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        if (range.0..range.1).contains(&i) || ch == '\n' {
            out.push(ch);
        } else {
            out.push(' ');
        }
    }
    out
}
