//! Pure `str` method implementations with Python semantics.
//!
//! All indices are CHARACTER indices (Python's), not byte offsets.  ASCII
//! strings take O(1) index paths.  Character classes follow CPython 3.11
//! (Unicode 14): the few tables below were generated from CPython's
//! `unicodedata` as differences against the standard library's Unicode
//! properties.

use super::strfmt::{
    decimal_value, is_grapheme_extend, is_printable_char, is_py_space, FmtError, MAX_WIDTH,
};

// ---------------------------------------------------------------------------
// Index helpers
// ---------------------------------------------------------------------------

/// Number of characters (Python `len`).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of character index `i` (clamped to `s.len()`).
pub fn char_index_to_byte(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// Character index of byte offset `b` (which should be a char boundary;
/// otherwise the number of characters starting before `b`).
pub fn byte_to_char_index(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    match s.get(..b) {
        Some(p) => char_len(p),
        None => s.char_indices().take_while(|&(i, _)| i < b).count(),
    }
}

/// The character at index `i`, if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_bytes().get(i).map(|&b| b as char);
    }
    s.chars().nth(i)
}

/// Substring by character indices `[start, stop)` (clamped).
pub fn substr(s: &str, start: usize, stop: usize) -> &str {
    if start >= stop {
        return "";
    }
    if s.is_ascii() {
        let a = start.min(s.len());
        let b = stop.min(s.len());
        return &s[a..b];
    }
    let a = char_index_to_byte(s, start);
    let rest = &s[a..];
    let b = char_index_to_byte(rest, stop - start);
    &rest[..b]
}

/// `s[start:stop:step]` with indices already normalized by the VM
/// (`PySlice_AdjustIndices`); `step != 0` (a zero step returns "").
/// Out-of-range indices never panic: iteration just stops.
pub fn slice_chars(s: &str, start: i64, stop: i64, step: i64) -> String {
    if step == 0 {
        return String::new();
    }
    if step == 1 {
        if start >= stop {
            return String::new();
        }
        return substr(s, start.max(0) as usize, stop.max(0) as usize).to_string();
    }
    let ascii = s.is_ascii();
    let chars: Vec<char> = if ascii {
        Vec::new()
    } else {
        s.chars().collect()
    };
    let bytes = s.as_bytes();
    let len = if ascii { bytes.len() } else { chars.len() } as i64;
    let mut out = String::new();
    let mut i = start;
    loop {
        let in_range = if step > 0 { i < stop } else { i > stop };
        if !in_range || i < 0 || i >= len {
            break;
        }
        let k = i as usize;
        out.push(if ascii { bytes[k] as char } else { chars[k] });
        match i.checked_add(step) {
            Some(n) => i = n,
            None => break,
        }
    }
    out
}

/// CPython's `ADJUST_INDICES` for `start`/`end` arguments of find/count/...:
/// None means 0 / len; negatives count from the end and are clamped at 0;
/// `end` is clamped at `len` (`start` is not).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Byte range of the adjusted char range (`st <= en <= len`).
fn byte_range(s: &str, st: i64, en: i64) -> (usize, usize) {
    if s.is_ascii() {
        return (st as usize, en as usize);
    }
    let bs = char_index_to_byte(s, st as usize);
    let be = bs + char_index_to_byte(&s[bs..], (en - st) as usize);
    (bs, be)
}

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

/// `s.find(sub, start, end)`: character index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (st, en) = adjust_indices(start, end, char_len(s));
    if en - st < char_len(sub) as i64 {
        return -1;
    }
    if sub.is_empty() {
        return st;
    }
    let (bs, be) = byte_range(s, st, en);
    match s[bs..be].find(sub) {
        Some(p) => st + char_len(&s[bs..bs + p]) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: character index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (st, en) = adjust_indices(start, end, char_len(s));
    if en - st < char_len(sub) as i64 {
        return -1;
    }
    if sub.is_empty() {
        return en;
    }
    let (bs, be) = byte_range(s, st, en);
    match s[bs..be].rfind(sub) {
        Some(p) => st + char_len(&s[bs..bs + p]) as i64,
        None => -1,
    }
}

/// `s.count(sub, start, end)`.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let (st, en) = adjust_indices(start, end, char_len(s));
    if en - st < char_len(sub) as i64 {
        return 0;
    }
    if sub.is_empty() {
        return (en - st + 1) as usize;
    }
    let (bs, be) = byte_range(s, st, en);
    s[bs..be].matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn starts_with(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if start.is_none() && end.is_none() {
        return s.starts_with(prefix);
    }
    let (st, en) = adjust_indices(start, end, char_len(s));
    let plen = char_len(prefix) as i64;
    if en - plen < st {
        return false;
    }
    let (bs, be) = byte_range(s, st, en);
    s[bs..be].starts_with(prefix)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn ends_with(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if start.is_none() && end.is_none() {
        return s.ends_with(suffix);
    }
    let (st, en) = adjust_indices(start, end, char_len(s));
    let plen = char_len(suffix) as i64;
    if en - plen < st {
        return false;
    }
    let (bs, be) = byte_range(s, st, en);
    s[bs..be].ends_with(suffix)
}

// ---------------------------------------------------------------------------
// Replace / split / partition / strip
// ---------------------------------------------------------------------------

fn too_long(what: &str) -> FmtError {
    FmtError::overflow(format!("{} is too long", what))
}

/// `s.replace(old, new, count)` (`count < 0` = all).  An empty `old` inserts
/// `new` before every character and at the end, like CPython.
/// Errors with OverflowError "replace string is too long" if the result
/// would exceed [`MAX_WIDTH`] bytes.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String, FmtError> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 {
        return Ok(s.to_string());
    }
    if old.is_empty() {
        let n = char_len(s).saturating_add(1).min(limit);
        let total = n
            .checked_mul(new.len())
            .and_then(|x| x.checked_add(s.len()))
            .filter(|&t| t <= MAX_WIDTH)
            .ok_or_else(|| too_long("replace string"))?;
        let mut out = String::with_capacity(total);
        let mut inserted = 0usize;
        for c in s.chars() {
            if inserted < n {
                out.push_str(new);
                inserted += 1;
            }
            out.push(c);
        }
        if inserted < n {
            out.push_str(new);
        }
        return Ok(out);
    }
    if new.len() > old.len() {
        let grow = new.len() - old.len();
        let max_matches = (s.len() / old.len()).min(limit);
        let worst = max_matches
            .checked_mul(grow)
            .and_then(|x| x.checked_add(s.len()));
        if worst.is_none_or(|w| w > MAX_WIDTH) {
            let n = s.matches(old).take(limit).count();
            n.checked_mul(grow)
                .and_then(|x| x.checked_add(s.len()))
                .filter(|&t| t <= MAX_WIDTH)
                .ok_or_else(|| too_long("replace string"))?;
        }
    }
    Ok(if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, limit)
    })
}

fn empty_separator() -> FmtError {
    FmtError::value("empty separator")
}

fn maxsplit_count(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        usize::try_from(maxsplit).unwrap_or(usize::MAX)
    }
}

/// Python whitespace test on a char; ASCII fast path.
#[inline]
fn is_ws(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f'
        )
    } else {
        is_py_space(c)
    }
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace.
/// Error: ValueError "empty separator".
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, FmtError> {
    let mut maxcount = maxsplit_count(maxsplit);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => {
            let n = maxcount.saturating_add(1);
            // A one-character separator searches by char (memchr) instead
            // of with the two-way substring searcher.
            let mut cs = sep.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(s.splitn(n, c).collect()),
                _ => Ok(s.splitn(n, sep).collect()),
            }
        }
        None => {
            // CPython's split_whitespace.
            let mut out = Vec::new();
            let mut rest = s;
            while maxcount > 0 {
                rest = rest.trim_start_matches(is_ws);
                if rest.is_empty() {
                    break;
                }
                let end = rest.find(is_ws).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
                maxcount -= 1;
            }
            let tail = rest.trim_start_matches(is_ws);
            if !tail.is_empty() {
                out.push(tail);
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, FmtError> {
    let mut maxcount = maxsplit_count(maxsplit);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => {
            let n = maxcount.saturating_add(1);
            let mut v: Vec<&str> = s.rsplitn(n, sep).collect();
            v.reverse();
            Ok(v)
        }
        None => {
            // CPython's rsplit_whitespace.
            let mut out = Vec::new();
            let mut rest = s;
            while maxcount > 0 {
                rest = rest.trim_end_matches(is_ws);
                if rest.is_empty() {
                    break;
                }
                let start = rest.rfind(is_ws).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(&rest[start..]);
                rest = &rest[..start];
                maxcount -= 1;
            }
            let head = rest.trim_end_matches(is_ws);
            if !head.is_empty() {
                out.push(head);
            }
            out.reverse();
            Ok(out)
        }
    }
}

/// Line boundaries recognised by `str.splitlines`.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut line_end = b + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                line_end += 1;
            }
        }
        out.push(&s[start..if keepends { line_end } else { b }]);
        start = line_end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `s.partition(sep)`.  Error: ValueError "empty separator".
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), FmtError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`.  Error: ValueError "empty separator".
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), FmtError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => ("", "", s),
    })
}

/// `s.strip(chars)`; `None` strips Python whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_ws),
        Some(set) => s.trim_start_matches(|c: char| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_ws),
        Some(set) => s.trim_end_matches(|c: char| set.contains(c)),
    }
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

// ---------------------------------------------------------------------------
// Padding
// ---------------------------------------------------------------------------

fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<String, FmtError> {
    let total = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()))
        .filter(|&n| n <= MAX_WIDTH)
        .ok_or_else(|| too_long("padded string"))?;
    let mut out = String::with_capacity(total);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

fn margin(s: &str, width: i64) -> Option<usize> {
    let len = char_len(s) as i64;
    if width <= len {
        None
    } else {
        Some((width - len) as usize)
    }
}

/// `s.center(width, fillchar)`; CPython's placement of the odd pad char.
/// Error: OverflowError "padded string is too long" past [`MAX_WIDTH`].
pub fn center(s: &str, width: i64, fill: char) -> Result<String, FmtError> {
    match margin(s, width) {
        None => Ok(s.to_string()),
        Some(marg) => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            pad(s, left, marg - left, fill)
        }
    }
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> Result<String, FmtError> {
    match margin(s, width) {
        None => Ok(s.to_string()),
        Some(marg) => pad(s, 0, marg, fill),
    }
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> Result<String, FmtError> {
    match margin(s, width) {
        None => Ok(s.to_string()),
        Some(marg) => pad(s, marg, 0, fill),
    }
}

/// `s.zfill(width)`: zeros go after a leading sign.
pub fn zfill(s: &str, width: i64) -> Result<String, FmtError> {
    match margin(s, width) {
        None => Ok(s.to_string()),
        Some(marg) => {
            let (sign, rest) = match s.as_bytes().first() {
                Some(&c @ (b'+' | b'-')) => ((c as char).to_string(), &s[1..]),
                _ => (String::new(), s),
            };
            let body = pad(rest, marg, 0, '0')?;
            Ok(sign + &body)
        }
    }
}

/// `s.expandtabs(tabsize)`.
/// Error: OverflowError "new string is too long" past [`MAX_WIDTH`].
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, FmtError> {
    if !s.contains('\t') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                if out.len() as i64 + incr > MAX_WIDTH as i64 {
                    return Err(too_long("new string"));
                }
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
            out.push(c);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------

/// `s.upper()` (full case mapping, e.g. 'ß' -> "SS").
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    }
}

/// `s.lower()` (full case mapping, final sigma).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// For every 'Σ' in `s` (in order): does lowercasing make it final 'ς'?
/// (The standard library implements the same Final_Sigma rule as CPython.)
fn sigma_decisions(s: &str) -> Vec<bool> {
    if !s.contains('Σ') {
        return Vec::new();
    }
    let low = s.to_lowercase();
    let mut lc = low.chars();
    let mut out = Vec::new();
    for c in s.chars() {
        if c == 'Σ' {
            out.push(lc.next() == Some('ς'));
        } else {
            for _ in c.to_lowercase() {
                lc.next();
            }
        }
    }
    out
}

struct Lowerer {
    sigmas: Vec<bool>,
    next_sigma: usize,
}

impl Lowerer {
    fn new(s: &str) -> Self {
        Lowerer {
            sigmas: sigma_decisions(s),
            next_sigma: 0,
        }
    }
    /// Must be called for every 'Σ' of the string, in order, whether or
    /// not it is lowered, to keep the context in sync.
    fn skip_sigma(&mut self) {
        self.next_sigma += 1;
    }
    fn push_lower(&mut self, out: &mut String, c: char) {
        if c == 'Σ' {
            let fin = self.sigmas.get(self.next_sigma).copied().unwrap_or(false);
            self.next_sigma += 1;
            out.push(if fin { 'ς' } else { 'σ' });
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn push_title(out: &mut String, c: char) {
    let cp = c as u32;
    if let Ok(i) = TITLE_SPECIAL.binary_search_by_key(&cp, |&(k, _)| k) {
        out.push_str(TITLE_SPECIAL[i].1);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Is `c` a titlecase letter (category Lt)?
pub fn char_is_title(c: char) -> bool {
    matches!(c as u32,
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF
        | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Unicode `Cased` (Lowercase, Uppercase or Lt).
pub fn char_is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || char_is_title(c)
}

/// `s.title()`: titlecase after a non-cased character, lowercase otherwise.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        let mut prev_cased = false;
        for b in s.bytes() {
            let c = b as char;
            out.push(if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
            prev_cased = c.is_ascii_alphabetic();
        }
        return out;
    }
    let mut low = Lowerer::new(s);
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            low.push_lower(&mut out, c);
        } else {
            if c == 'Σ' {
                low.skip_sigma();
            }
            push_title(&mut out, c);
        }
        prev_cased = char_is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    let Some(first) = it.next() else { return out };
    if s.is_ascii() {
        out.push(first.to_ascii_uppercase());
        out.push_str(&it.as_str().to_ascii_lowercase());
        return out;
    }
    let mut low = Lowerer::new(s);
    if first == 'Σ' {
        low.skip_sigma();
    }
    push_title(&mut out, first);
    for c in it {
        low.push_lower(&mut out, c);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        for b in s.bytes() {
            let c = b as char;
            out.push(if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
        }
        return out;
    }
    let mut low = Lowerer::new(s);
    for c in s.chars() {
        if c.is_uppercase() {
            low.push_lower(&mut out, c);
        } else {
            if c == 'Σ' {
                low.skip_sigma();
            }
            if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// `s.casefold()` (full case folding).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        match cp {
            // Cherokee folds to the uppercase letters.
            0x13A0..=0x13F5 => out.push(c),
            0x13F8..=0x13FD | 0xAB70..=0xABBF => {
                let m = if cp < 0xAB70 {
                    cp - 8
                } else {
                    cp - 0xAB70 + 0x13A0
                };
                out.push(char::from_u32(m).unwrap_or(c));
            }
            0x0131 => out.push(c),
            0x1E9E => out.push_str("ss"),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => {
                for u in c.to_uppercase() {
                    out.extend(u.to_lowercase());
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    let i = table.partition_point(|&(lo, _)| lo <= cp);
    i > 0 && table.get(i - 1).is_some_and(|&(_, hi)| cp <= hi)
}

/// `str.isalpha` for one character (categories Lu Ll Lt Lm Lo).
pub fn char_is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let cp = c as u32;
    if cp == 0xFF9E || cp == 0xFF9F {
        return true;
    }
    c.is_alphabetic() && !c.is_numeric() && !is_grapheme_extend(c) && !in_ranges(ALPHA_EXCL, cp)
}

/// `str.isdecimal` for one character (category Nd).
pub fn char_is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character (Numeric_Type Decimal or Digit).
pub fn char_is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    decimal_value(c).is_some() || in_ranges(DIGIT_EXTRA, c as u32)
}

/// `str.isnumeric` for one character (any Numeric_Type).
pub fn char_is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric() || in_ranges(NUMERIC_EXTRA, c as u32)
}

/// `str.isalnum` for one character.
pub fn char_is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    char_is_alpha(c) || char_is_numeric(c)
}

/// XID_Start (or '_'): may begin an identifier.
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    let cp = c as u32;
    let base = c.is_alphabetic() && !is_grapheme_extend(c) && !in_ranges(ALPHA_EXCL, cp);
    base != in_ranges(ID_START_FLIP, cp)
}

/// XID_Continue: may continue an identifier.
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let cp = c as u32;
    let base = is_id_start(c)
        || is_grapheme_extend(c)
        || char_is_decimal(c)
        || (c.is_alphabetic() && !c.is_numeric())
        || matches!(
            cp,
            0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F
        );
    base != in_ranges(ID_CONT_FLIP, cp)
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isdigit()`
pub fn is_digit(s: &str) -> bool {
    all_nonempty(s, char_is_digit)
}

/// `s.isdecimal()`
pub fn is_decimal(s: &str) -> bool {
    all_nonempty(s, char_is_decimal)
}

/// `s.isnumeric()`
pub fn is_numeric(s: &str) -> bool {
    all_nonempty(s, char_is_numeric)
}

/// `s.isalpha()`
pub fn is_alpha(s: &str) -> bool {
    all_nonempty(s, char_is_alpha)
}

/// `s.isalnum()`
pub fn is_alnum(s: &str) -> bool {
    all_nonempty(s, char_is_alnum)
}

/// `s.isspace()`
pub fn is_space(s: &str) -> bool {
    all_nonempty(s, is_ws)
}

/// `s.isascii()` (true for "").
pub fn is_ascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isprintable()` (true for "").
pub fn is_printable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}

/// `s.isidentifier()`
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_id_start(c) => it.all(is_id_continue),
        _ => false,
    }
}

/// `s.isupper()`: at least one cased character and no lowercase/titlecase ones.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || char_is_title(c) {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}

/// `s.islower()`: at least one cased character and no uppercase/titlecase ones.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || char_is_title(c) {
            return false;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    cased
}

/// `s.istitle()`
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || char_is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------------
// Tables (generated from CPython 3.11 unicodedata, Unicode 14.0)
// ---------------------------------------------------------------------------

// Characters that the standard library calls Alphabetic (and that are not
// grapheme extenders or numeric) but that are not letters for Python
// (spacing marks Mc, circled letters So, ...).
#[rustfmt::skip]
static ALPHA_EXCL: &[(u32, u32)] = &[
    (0x0903, 0x0903),
    (0x093B, 0x093B),
    (0x093E, 0x094F),
    (0x0982, 0x0983),
    (0x09BF, 0x09CC),
    (0x0A03, 0x0A03),
    (0x0A3E, 0x0A40),
    (0x0A83, 0x0A83),
    (0x0ABE, 0x0ACC),
    (0x0B02, 0x0B03),
    (0x0B40, 0x0B4C),
    (0x0BBF, 0x0BCC),
    (0x0C01, 0x0C03),
    (0x0C41, 0x0C44),
    (0x0C82, 0x0C83),
    (0x0CBE, 0x0CC4),
    (0x0D02, 0x0D03),
    (0x0D3F, 0x0D4C),
    (0x0D82, 0x0D83),
    (0x0DD0, 0x0DF3),
    (0x0F7F, 0x0F7F),
    (0x102B, 0x103C),
    (0x1056, 0x1057),
    (0x1062, 0x1064),
    (0x1067, 0x106D),
    (0x1083, 0x108C),
    (0x108F, 0x109C),
    (0x17B6, 0x17C8),
    (0x1923, 0x1938),
    (0x1A19, 0x1A1A),
    (0x1A55, 0x1A72),
    (0x1B04, 0x1B04),
    (0x1B3E, 0x1B41),
    (0x1B82, 0x1B82),
    (0x1BA1, 0x1BA7),
    (0x1BE7, 0x1BEE),
    (0x1C24, 0x1C35),
    (0x24B6, 0x24E9),
    (0xA823, 0xA827),
    (0xA880, 0xA881),
    (0xA8B4, 0xA8C3),
    (0xA952, 0xA952),
    (0xA983, 0xA983),
    (0xA9B4, 0xA9BF),
    (0xAA2F, 0xAA34),
    (0xAA4D, 0xAA4D),
    (0xAA7B, 0xAA7D),
    (0xAAEB, 0xAAEF),
    (0xAAF5, 0xAAF5),
    (0xABE3, 0xABEA),
    (0x11000, 0x11002),
    (0x11082, 0x11082),
    (0x110B0, 0x110B8),
    (0x1112C, 0x1112C),
    (0x11145, 0x11146),
    (0x11182, 0x11182),
    (0x111B3, 0x111BF),
    (0x111CE, 0x111CE),
    (0x1122C, 0x11233),
    (0x112E0, 0x11303),
    (0x1133F, 0x1134C),
    (0x11362, 0x11363),
    (0x11435, 0x11445),
    (0x114B1, 0x114C1),
    (0x115B0, 0x115BE),
    (0x11630, 0x1163E),
    (0x116AC, 0x116AF),
    (0x1171E, 0x11726),
    (0x1182C, 0x11838),
    (0x11931, 0x11938),
    (0x11940, 0x11940),
    (0x11942, 0x11942),
    (0x119D1, 0x119DF),
    (0x119E4, 0x119E4),
    (0x11A39, 0x11A39),
    (0x11A57, 0x11A58),
    (0x11A97, 0x11A97),
    (0x11C2F, 0x11C3E),
    (0x11CA9, 0x11CB4),
    (0x11D8A, 0x11D96),
    (0x11EF5, 0x11EF6),
    (0x16F51, 0x16F87),
    (0x1F130, 0x1F189),
];

#[rustfmt::skip]
static ID_START_FLIP: &[(u32, u32)] = &[
    (0x037A, 0x037A),
    (0x0E33, 0x0E33),
    (0x0EB3, 0x0EB3),
    (0x1885, 0x1886),
    (0x2118, 0x2118),
    (0x212E, 0x212E),
    (0x2E2F, 0x2E2F),
    (0xFC5E, 0xFC63),
    (0xFDFA, 0xFDFB),
    (0xFE70, 0xFE70),
    (0xFE72, 0xFE72),
    (0xFE74, 0xFE74),
    (0xFE76, 0xFE76),
    (0xFE78, 0xFE78),
    (0xFE7A, 0xFE7A),
    (0xFE7C, 0xFE7C),
    (0xFE7E, 0xFE7E),
];

#[rustfmt::skip]
static ID_CONT_FLIP: &[(u32, u32)] = &[
    (0x00B7, 0x00B7),
    (0x037A, 0x037A),
    (0x0387, 0x0387),
    (0x0488, 0x0489),
    (0x0F3E, 0x0F3F),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x1ABE, 0x1ABE),
    (0x1CE1, 0x1CE1),
    (0x1CF7, 0x1CF7),
    (0x20DD, 0x20E0),
    (0x20E2, 0x20E4),
    (0x24B6, 0x24E9),
    (0x2E2F, 0x2E2F),
    (0xA670, 0xA672),
    (0xABEC, 0xABEC),
    (0xFC5E, 0xFC63),
    (0xFDFA, 0xFDFB),
    (0xFE70, 0xFE70),
    (0xFE72, 0xFE72),
    (0xFE74, 0xFE74),
    (0xFE76, 0xFE76),
    (0xFE78, 0xFE78),
    (0xFE7A, 0xFE7A),
    (0xFE7C, 0xFE7C),
    (0xFE7E, 0xFE7E),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
];

#[rustfmt::skip]
static DIGIT_EXTRA: &[(u32, u32)] = &[
    (0x00B2, 0x00B3),
    (0x00B9, 0x00B9),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
    (0x1F100, 0x1F10A),
];

#[rustfmt::skip]
static NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0x3405, 0x3405),
    (0x3483, 0x3483),
    (0x382A, 0x382A),
    (0x3B4D, 0x3B4D),
    (0x4E00, 0x4E00),
    (0x4E03, 0x4E03),
    (0x4E07, 0x4E07),
    (0x4E09, 0x4E09),
    (0x4E5D, 0x4E5D),
    (0x4E8C, 0x4E8C),
    (0x4E94, 0x4E94),
    (0x4E96, 0x4E96),
    (0x4EBF, 0x4EC0),
    (0x4EDF, 0x4EDF),
    (0x4EE8, 0x4EE8),
    (0x4F0D, 0x4F0D),
    (0x4F70, 0x4F70),
    (0x5104, 0x5104),
    (0x5146, 0x5146),
    (0x5169, 0x5169),
    (0x516B, 0x516B),
    (0x516D, 0x516D),
    (0x5341, 0x5341),
    (0x5343, 0x5345),
    (0x534C, 0x534C),
    (0x53C1, 0x53C4),
    (0x56DB, 0x56DB),
    (0x58F1, 0x58F1),
    (0x58F9, 0x58F9),
    (0x5E7A, 0x5E7A),
    (0x5EFE, 0x5EFF),
    (0x5F0C, 0x5F0E),
    (0x5F10, 0x5F10),
    (0x62FE, 0x62FE),
    (0x634C, 0x634C),
    (0x67D2, 0x67D2),
    (0x6F06, 0x6F06),
    (0x7396, 0x7396),
    (0x767E, 0x767E),
    (0x8086, 0x8086),
    (0x842C, 0x842C),
    (0x8CAE, 0x8CAE),
    (0x8CB3, 0x8CB3),
    (0x8D30, 0x8D30),
    (0x9621, 0x9621),
    (0x9646, 0x9646),
    (0x964C, 0x964C),
    (0x9678, 0x9678),
    (0x96F6, 0x96F6),
    (0xF96B, 0xF96B),
    (0xF973, 0xF973),
    (0xF978, 0xF978),
    (0xF9B2, 0xF9B2),
    (0xF9D1, 0xF9D1),
    (0xF9D3, 0xF9D3),
    (0xF9FD, 0xF9FD),
    (0x20001, 0x20001),
    (0x20064, 0x20064),
    (0x200E2, 0x200E2),
    (0x20121, 0x20121),
    (0x2092A, 0x2092A),
    (0x20983, 0x20983),
    (0x2098C, 0x2098C),
    (0x2099C, 0x2099C),
    (0x20AEA, 0x20AEA),
    (0x20AFD, 0x20AFD),
    (0x20B19, 0x20B19),
    (0x22390, 0x22390),
    (0x22998, 0x22998),
    (0x23B1B, 0x23B1B),
    (0x2626D, 0x2626D),
    (0x2F890, 0x2F890),
];

#[rustfmt::skip]
static TITLE_SPECIAL: &[(u32, &str)] = &[
    (0x00DF, "\u{53}\u{73}"),
    (0x01C4, "\u{1c5}"),
    (0x01C5, "\u{1c5}"),
    (0x01C6, "\u{1c5}"),
    (0x01C7, "\u{1c8}"),
    (0x01C8, "\u{1c8}"),
    (0x01C9, "\u{1c8}"),
    (0x01CA, "\u{1cb}"),
    (0x01CB, "\u{1cb}"),
    (0x01CC, "\u{1cb}"),
    (0x01F1, "\u{1f2}"),
    (0x01F2, "\u{1f2}"),
    (0x01F3, "\u{1f2}"),
    (0x0587, "\u{535}\u{582}"),
    (0x10D0, "\u{10d0}"),
    (0x10D1, "\u{10d1}"),
    (0x10D2, "\u{10d2}"),
    (0x10D3, "\u{10d3}"),
    (0x10D4, "\u{10d4}"),
    (0x10D5, "\u{10d5}"),
    (0x10D6, "\u{10d6}"),
    (0x10D7, "\u{10d7}"),
    (0x10D8, "\u{10d8}"),
    (0x10D9, "\u{10d9}"),
    (0x10DA, "\u{10da}"),
    (0x10DB, "\u{10db}"),
    (0x10DC, "\u{10dc}"),
    (0x10DD, "\u{10dd}"),
    (0x10DE, "\u{10de}"),
    (0x10DF, "\u{10df}"),
    (0x10E0, "\u{10e0}"),
    (0x10E1, "\u{10e1}"),
    (0x10E2, "\u{10e2}"),
    (0x10E3, "\u{10e3}"),
    (0x10E4, "\u{10e4}"),
    (0x10E5, "\u{10e5}"),
    (0x10E6, "\u{10e6}"),
    (0x10E7, "\u{10e7}"),
    (0x10E8, "\u{10e8}"),
    (0x10E9, "\u{10e9}"),
    (0x10EA, "\u{10ea}"),
    (0x10EB, "\u{10eb}"),
    (0x10EC, "\u{10ec}"),
    (0x10ED, "\u{10ed}"),
    (0x10EE, "\u{10ee}"),
    (0x10EF, "\u{10ef}"),
    (0x10F0, "\u{10f0}"),
    (0x10F1, "\u{10f1}"),
    (0x10F2, "\u{10f2}"),
    (0x10F3, "\u{10f3}"),
    (0x10F4, "\u{10f4}"),
    (0x10F5, "\u{10f5}"),
    (0x10F6, "\u{10f6}"),
    (0x10F7, "\u{10f7}"),
    (0x10F8, "\u{10f8}"),
    (0x10F9, "\u{10f9}"),
    (0x10FA, "\u{10fa}"),
    (0x10FD, "\u{10fd}"),
    (0x10FE, "\u{10fe}"),
    (0x10FF, "\u{10ff}"),
    (0x1F80, "\u{1f88}"),
    (0x1F81, "\u{1f89}"),
    (0x1F82, "\u{1f8a}"),
    (0x1F83, "\u{1f8b}"),
    (0x1F84, "\u{1f8c}"),
    (0x1F85, "\u{1f8d}"),
    (0x1F86, "\u{1f8e}"),
    (0x1F87, "\u{1f8f}"),
    (0x1F88, "\u{1f88}"),
    (0x1F89, "\u{1f89}"),
    (0x1F8A, "\u{1f8a}"),
    (0x1F8B, "\u{1f8b}"),
    (0x1F8C, "\u{1f8c}"),
    (0x1F8D, "\u{1f8d}"),
    (0x1F8E, "\u{1f8e}"),
    (0x1F8F, "\u{1f8f}"),
    (0x1F90, "\u{1f98}"),
    (0x1F91, "\u{1f99}"),
    (0x1F92, "\u{1f9a}"),
    (0x1F93, "\u{1f9b}"),
    (0x1F94, "\u{1f9c}"),
    (0x1F95, "\u{1f9d}"),
    (0x1F96, "\u{1f9e}"),
    (0x1F97, "\u{1f9f}"),
    (0x1F98, "\u{1f98}"),
    (0x1F99, "\u{1f99}"),
    (0x1F9A, "\u{1f9a}"),
    (0x1F9B, "\u{1f9b}"),
    (0x1F9C, "\u{1f9c}"),
    (0x1F9D, "\u{1f9d}"),
    (0x1F9E, "\u{1f9e}"),
    (0x1F9F, "\u{1f9f}"),
    (0x1FA0, "\u{1fa8}"),
    (0x1FA1, "\u{1fa9}"),
    (0x1FA2, "\u{1faa}"),
    (0x1FA3, "\u{1fab}"),
    (0x1FA4, "\u{1fac}"),
    (0x1FA5, "\u{1fad}"),
    (0x1FA6, "\u{1fae}"),
    (0x1FA7, "\u{1faf}"),
    (0x1FA8, "\u{1fa8}"),
    (0x1FA9, "\u{1fa9}"),
    (0x1FAA, "\u{1faa}"),
    (0x1FAB, "\u{1fab}"),
    (0x1FAC, "\u{1fac}"),
    (0x1FAD, "\u{1fad}"),
    (0x1FAE, "\u{1fae}"),
    (0x1FAF, "\u{1faf}"),
    (0x1FB2, "\u{1fba}\u{345}"),
    (0x1FB3, "\u{1fbc}"),
    (0x1FB4, "\u{386}\u{345}"),
    (0x1FB7, "\u{391}\u{342}\u{345}"),
    (0x1FBC, "\u{1fbc}"),
    (0x1FC2, "\u{1fca}\u{345}"),
    (0x1FC3, "\u{1fcc}"),
    (0x1FC4, "\u{389}\u{345}"),
    (0x1FC7, "\u{397}\u{342}\u{345}"),
    (0x1FCC, "\u{1fcc}"),
    (0x1FF2, "\u{1ffa}\u{345}"),
    (0x1FF3, "\u{1ffc}"),
    (0x1FF4, "\u{38f}\u{345}"),
    (0x1FF7, "\u{3a9}\u{342}\u{345}"),
    (0x1FFC, "\u{1ffc}"),
    (0xFB00, "\u{46}\u{66}"),
    (0xFB01, "\u{46}\u{69}"),
    (0xFB02, "\u{46}\u{6c}"),
    (0xFB03, "\u{46}\u{66}\u{69}"),
    (0xFB04, "\u{46}\u{66}\u{6c}"),
    (0xFB05, "\u{53}\u{74}"),
    (0xFB06, "\u{53}\u{74}"),
    (0xFB13, "\u{544}\u{576}"),
    (0xFB14, "\u{544}\u{565}"),
    (0xFB15, "\u{544}\u{56b}"),
    (0xFB16, "\u{54e}\u{576}"),
    (0xFB17, "\u{544}\u{56d}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_matches_cpython() {
        for &(s, sep, m, want, rwant) in SPLIT_CASES {
            assert_eq!(
                split(s, sep, m).unwrap(),
                want,
                "{:?}.split({:?}, {})",
                s,
                sep,
                m
            );
            assert_eq!(
                rsplit(s, sep, m).unwrap(),
                rwant,
                "{:?}.rsplit({:?}, {})",
                s,
                sep,
                m
            );
        }
        assert_eq!(split("a", Some(""), -1).unwrap_err().msg, "empty separator");
        assert_eq!(
            rsplit("a", Some(""), -1).unwrap_err().kind,
            super::super::strfmt::FmtErrorKind::Value
        );
        assert_eq!(split("a b", None, i64::MAX).unwrap(), ["a", "b"]);
    }

    #[test]
    fn splitlines_matches_cpython() {
        for &(s, want, want_keep) in SPLITLINES_CASES {
            assert_eq!(splitlines(s, false), want, "{:?}", s);
            assert_eq!(splitlines(s, true), want_keep, "{:?}", s);
        }
    }

    #[test]
    fn strip_matches_cpython() {
        for &(s, chars, both, left, right) in STRIP_CASES {
            assert_eq!(strip(s, chars), both, "{:?}.strip({:?})", s, chars);
            assert_eq!(lstrip(s, chars), left, "{:?}.lstrip({:?})", s, chars);
            assert_eq!(rstrip(s, chars), right, "{:?}.rstrip({:?})", s, chars);
        }
        assert_eq!(removeprefix("prefix-x", "prefix-"), "x");
        assert_eq!(removeprefix("x", "prefix-"), "x");
        assert_eq!(removesuffix("a.py", ".py"), "a");
        assert_eq!(removesuffix("a.py", ""), "a.py");
    }

    #[test]
    fn find_count_matches_cpython() {
        for &(s, sub, st, en, f, rf, c, sw, ew) in FIND_CASES {
            let ctx = format!("{:?} {:?} {:?} {:?}", s, sub, st, en);
            assert_eq!(find(s, sub, st, en), f, "find {}", ctx);
            assert_eq!(rfind(s, sub, st, en), rf, "rfind {}", ctx);
            assert_eq!(count(s, sub, st, en), c, "count {}", ctx);
            assert_eq!(starts_with(s, sub, st, en), sw, "startswith {}", ctx);
            assert_eq!(ends_with(s, sub, st, en), ew, "endswith {}", ctx);
        }
        assert_eq!(find("abc", "c", Some(i64::MIN), Some(i64::MAX)), 2);
        assert_eq!(count("abc", "", Some(i64::MAX), None), 0);
    }

    #[test]
    fn replace_matches_cpython() {
        for &(s, old, new, n, want) in REPLACE_CASES {
            assert_eq!(
                replace(s, old, new, n).unwrap(),
                want,
                "{:?}.replace({:?}, {:?}, {})",
                s,
                old,
                new,
                n
            );
        }
        let big = "a".repeat(100_000);
        let e = replace(&big, "", &big, -1).unwrap_err();
        assert_eq!(e.kind, super::super::strfmt::FmtErrorKind::Overflow);
        assert!(replace(&big, "a", &big, -1).is_err());
        assert_eq!(replace(&big, "a", "bb", 3).unwrap().len(), 100_003);
    }

    #[test]
    fn case_mapping_matches_cpython() {
        for &(s, up, low, tit, cap, swap, fold) in CASE_CASES {
            assert_eq!(upper(s), up, "upper {:?}", s);
            assert_eq!(lower(s), low, "lower {:?}", s);
            assert_eq!(title(s), tit, "title {:?}", s);
            assert_eq!(capitalize(s), cap, "capitalize {:?}", s);
            assert_eq!(swapcase(s), swap, "swapcase {:?}", s);
            assert_eq!(casefold(s), fold, "casefold {:?}", s);
        }
    }

    #[test]
    fn padding_matches_cpython() {
        for &(s, w, c1, c2, c3, lj, rj, zf) in PAD_CASES {
            assert_eq!(center(s, w, ' ').unwrap(), c1, "{:?}.center({})", s, w);
            assert_eq!(center(s, w, '*').unwrap(), c2, "{:?}.center({}, '*')", s, w);
            assert_eq!(center(s, w, 'é').unwrap(), c3, "{:?}.center({}, 'é')", s, w);
            assert_eq!(ljust(s, w, '*').unwrap(), lj, "{:?}.ljust({})", s, w);
            assert_eq!(rjust(s, w, '*').unwrap(), rj, "{:?}.rjust({})", s, w);
            assert_eq!(zfill(s, w).unwrap(), zf, "{:?}.zfill({})", s, w);
        }
        for &(s, t, want) in EXPANDTABS_CASES {
            assert_eq!(expandtabs(s, t).unwrap(), want, "{:?}.expandtabs({})", s, t);
        }
        assert!(center("a", i64::MAX, ' ').is_err());
        assert!(zfill("a", 1 << 40).is_err());
        assert!(expandtabs("\t\t", i64::MAX).is_err());
        assert_eq!(rjust("a", 1_000_000, ' ').unwrap().len(), 1_000_000);
    }

    #[test]
    fn partition_matches_cpython() {
        for &(s, sep, p, rp) in PARTITION_CASES {
            assert_eq!(
                partition(s, sep).unwrap(),
                p,
                "{:?}.partition({:?})",
                s,
                sep
            );
            assert_eq!(
                rpartition(s, sep).unwrap(),
                rp,
                "{:?}.rpartition({:?})",
                s,
                sep
            );
        }
        assert_eq!(partition("a", "").unwrap_err().msg, "empty separator");
        assert_eq!(rpartition("a", "").unwrap_err().msg, "empty separator");
    }

    #[test]
    fn predicates_match_cpython() {
        type Pred = fn(&str) -> bool;
        let preds: [(&str, Pred); 12] = [
            ("isdigit", is_digit),
            ("isalpha", is_alpha),
            ("isalnum", is_alnum),
            ("isspace", is_space),
            ("isupper", is_upper),
            ("islower", is_lower),
            ("isdecimal", is_decimal),
            ("isnumeric", is_numeric),
            ("isidentifier", is_identifier),
            ("isprintable", is_printable),
            ("istitle", is_title),
            ("isascii", is_ascii),
        ];
        for &(s, want) in PREDICATE_CASES {
            for (i, (name, f)) in preds.iter().enumerate() {
                assert_eq!(f(s), want[i], "{:?}.{}()", s, name);
            }
        }
    }

    #[test]
    fn slicing_matches_cpython() {
        for &(s, start, stop, step, want) in SLICE_CASES {
            assert_eq!(
                slice_chars(s, start, stop, step),
                want,
                "{:?}[{}:{}:{}]",
                s,
                start,
                stop,
                step
            );
        }
        // Nonsense input never panics.
        assert_eq!(slice_chars("abc", 10, -10, -1), "");
        assert_eq!(slice_chars("abc", -5, 10, 1), "abc");
        assert_eq!(slice_chars("abc", 0, 3, 0), "");
        assert_eq!(slice_chars("abc", 0, 3, i64::MAX), "a");
        assert_eq!(slice_chars("abc", 2, -1, i64::MIN), "c");
    }

    #[test]
    fn index_helpers() {
        assert_eq!(char_len("héllo"), 5);
        assert_eq!(char_index_to_byte("héllo", 2), 3);
        assert_eq!(char_index_to_byte("héllo", 99), 6);
        assert_eq!(char_index_to_byte("abc", 99), 3);
        assert_eq!(byte_to_char_index("héllo", 3), 2);
        assert_eq!(byte_to_char_index("héllo", 2), 2);
        assert_eq!(char_at("héllo", 1), Some('é'));
        assert_eq!(char_at("abc", 3), None);
        assert_eq!(substr("日本語テキスト", 2, 4), "語テ");
        assert_eq!(substr("abc", 2, 100), "c");
        assert_eq!(adjust_indices(Some(-100), Some(-1), 5), (0, 4));
        assert_eq!(adjust_indices(None, Some(100), 5), (0, 5));
    }

    // ---- generated by CPython 3.11 ----
    #[rustfmt::skip]
    type SplitCase = (&'static str, Option<&'static str>, i64, &'static [&'static str], &'static [&'static str]);
    #[rustfmt::skip]
    static SPLIT_CASES: &[SplitCase] = &[
        ("", None, -1, &[], &[]),
        ("", None, 0, &[], &[]),
        ("", None, 1, &[], &[]),
        ("", None, 2, &[], &[]),
        ("", Some(","), -1, &[""], &[""]),
        ("", Some(","), 0, &[""], &[""]),
        ("", Some(","), 1, &[""], &[""]),
        ("", Some(","), 2, &[""], &[""]),
        ("", Some("aa"), -1, &[""], &[""]),
        ("", Some("aa"), 0, &[""], &[""]),
        ("", Some("aa"), 1, &[""], &[""]),
        ("", Some("aa"), 2, &[""], &[""]),
        ("", Some("<>"), -1, &[""], &[""]),
        ("", Some("<>"), 0, &[""], &[""]),
        ("", Some("<>"), 1, &[""], &[""]),
        ("", Some("<>"), 2, &[""], &[""]),
        ("", Some(" "), -1, &[""], &[""]),
        ("", Some(" "), 0, &[""], &[""]),
        ("", Some(" "), 1, &[""], &[""]),
        ("", Some(" "), 2, &[""], &[""]),
        (" ", None, -1, &[], &[]),
        (" ", None, 0, &[], &[]),
        (" ", None, 1, &[], &[]),
        (" ", None, 2, &[], &[]),
        (" ", Some(","), -1, &[" "], &[" "]),
        (" ", Some(","), 0, &[" "], &[" "]),
        (" ", Some(","), 1, &[" "], &[" "]),
        (" ", Some(","), 2, &[" "], &[" "]),
        (" ", Some("aa"), -1, &[" "], &[" "]),
        (" ", Some("aa"), 0, &[" "], &[" "]),
        (" ", Some("aa"), 1, &[" "], &[" "]),
        (" ", Some("aa"), 2, &[" "], &[" "]),
        (" ", Some("<>"), -1, &[" "], &[" "]),
        (" ", Some("<>"), 0, &[" "], &[" "]),
        (" ", Some("<>"), 1, &[" "], &[" "]),
        (" ", Some("<>"), 2, &[" "], &[" "]),
        (" ", Some(" "), -1, &["", ""], &["", ""]),
        (" ", Some(" "), 0, &[" "], &[" "]),
        (" ", Some(" "), 1, &["", ""], &["", ""]),
        (" ", Some(" "), 2, &["", ""], &["", ""]),
        ("a", None, -1, &["a"], &["a"]),
        ("a", None, 0, &["a"], &["a"]),
        ("a", None, 1, &["a"], &["a"]),
        ("a", None, 2, &["a"], &["a"]),
        ("a", Some(","), -1, &["a"], &["a"]),
        ("a", Some(","), 0, &["a"], &["a"]),
        ("a", Some(","), 1, &["a"], &["a"]),
        ("a", Some(","), 2, &["a"], &["a"]),
        ("a", Some("aa"), -1, &["a"], &["a"]),
        ("a", Some("aa"), 0, &["a"], &["a"]),
        ("a", Some("aa"), 1, &["a"], &["a"]),
        ("a", Some("aa"), 2, &["a"], &["a"]),
        ("a", Some("<>"), -1, &["a"], &["a"]),
        ("a", Some("<>"), 0, &["a"], &["a"]),
        ("a", Some("<>"), 1, &["a"], &["a"]),
        ("a", Some("<>"), 2, &["a"], &["a"]),
        ("a", Some(" "), -1, &["a"], &["a"]),
        ("a", Some(" "), 0, &["a"], &["a"]),
        ("a", Some(" "), 1, &["a"], &["a"]),
        ("a", Some(" "), 2, &["a"], &["a"]),
        ("a b  c", None, -1, &["a", "b", "c"], &["a", "b", "c"]),
        ("a b  c", None, 0, &["a b  c"], &["a b  c"]),
        ("a b  c", None, 1, &["a", "b  c"], &["a b", "c"]),
        ("a b  c", None, 2, &["a", "b", "c"], &["a", "b", "c"]),
        ("a b  c", Some(","), -1, &["a b  c"], &["a b  c"]),
        ("a b  c", Some(","), 0, &["a b  c"], &["a b  c"]),
        ("a b  c", Some(","), 1, &["a b  c"], &["a b  c"]),
        ("a b  c", Some(","), 2, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("aa"), -1, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("aa"), 0, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("aa"), 1, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("aa"), 2, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("<>"), -1, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("<>"), 0, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("<>"), 1, &["a b  c"], &["a b  c"]),
        ("a b  c", Some("<>"), 2, &["a b  c"], &["a b  c"]),
        ("a b  c", Some(" "), -1, &["a", "b", "", "c"], &["a", "b", "", "c"]),
        ("a b  c", Some(" "), 0, &["a b  c"], &["a b  c"]),
        ("a b  c", Some(" "), 1, &["a", "b  c"], &["a b ", "c"]),
        ("a b  c", Some(" "), 2, &["a", "b", " c"], &["a b", "", "c"]),
        ("  a b  c  ", None, -1, &["a", "b", "c"], &["a", "b", "c"]),
        ("  a b  c  ", None, 0, &["a b  c  "], &["  a b  c"]),
        ("  a b  c  ", None, 1, &["a", "b  c  "], &["  a b", "c"]),
        ("  a b  c  ", None, 2, &["a", "b", "c  "], &["  a", "b", "c"]),
        ("  a b  c  ", Some(","), -1, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some(","), 0, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some(","), 1, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some(","), 2, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("aa"), -1, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("aa"), 0, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("aa"), 1, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("aa"), 2, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("<>"), -1, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("<>"), 0, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("<>"), 1, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some("<>"), 2, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some(" "), -1, &["", "", "a", "b", "", "c", "", ""], &["", "", "a", "b", "", "c", "", ""]),
        ("  a b  c  ", Some(" "), 0, &["  a b  c  "], &["  a b  c  "]),
        ("  a b  c  ", Some(" "), 1, &["", " a b  c  "], &["  a b  c ", ""]),
        ("  a b  c  ", Some(" "), 2, &["", "", "a b  c  "], &["  a b  c", "", ""]),
        ("a,b,,c,", None, -1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", None, 0, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", None, 1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", None, 2, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(","), -1, &["a", "b", "", "c", ""], &["a", "b", "", "c", ""]),
        ("a,b,,c,", Some(","), 0, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(","), 1, &["a", "b,,c,"], &["a,b,,c", ""]),
        ("a,b,,c,", Some(","), 2, &["a", "b", ",c,"], &["a,b,", "c", ""]),
        ("a,b,,c,", Some("aa"), -1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("aa"), 0, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("aa"), 1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("aa"), 2, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("<>"), -1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("<>"), 0, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("<>"), 1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some("<>"), 2, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(" "), -1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(" "), 0, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(" "), 1, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(" "), 2, &["a,b,,c,"], &["a,b,,c,"]),
        (",a,", None, -1, &[",a,"], &[",a,"]),
        (",a,", None, 0, &[",a,"], &[",a,"]),
        (",a,", None, 1, &[",a,"], &[",a,"]),
        (",a,", None, 2, &[",a,"], &[",a,"]),
        (",a,", Some(","), -1, &["", "a", ""], &["", "a", ""]),
        (",a,", Some(","), 0, &[",a,"], &[",a,"]),
        (",a,", Some(","), 1, &["", "a,"], &[",a", ""]),
        (",a,", Some(","), 2, &["", "a", ""], &["", "a", ""]),
        (",a,", Some("aa"), -1, &[",a,"], &[",a,"]),
        (",a,", Some("aa"), 0, &[",a,"], &[",a,"]),
        (",a,", Some("aa"), 1, &[",a,"], &[",a,"]),
        (",a,", Some("aa"), 2, &[",a,"], &[",a,"]),
        (",a,", Some("<>"), -1, &[",a,"], &[",a,"]),
        (",a,", Some("<>"), 0, &[",a,"], &[",a,"]),
        (",a,", Some("<>"), 1, &[",a,"], &[",a,"]),
        (",a,", Some("<>"), 2, &[",a,"], &[",a,"]),
        (",a,", Some(" "), -1, &[",a,"], &[",a,"]),
        (",a,", Some(" "), 0, &[",a,"], &[",a,"]),
        (",a,", Some(" "), 1, &[",a,"], &[",a,"]),
        (",a,", Some(" "), 2, &[",a,"], &[",a,"]),
        ("aaa", None, -1, &["aaa"], &["aaa"]),
        ("aaa", None, 0, &["aaa"], &["aaa"]),
        ("aaa", None, 1, &["aaa"], &["aaa"]),
        ("aaa", None, 2, &["aaa"], &["aaa"]),
        ("aaa", Some(","), -1, &["aaa"], &["aaa"]),
        ("aaa", Some(","), 0, &["aaa"], &["aaa"]),
        ("aaa", Some(","), 1, &["aaa"], &["aaa"]),
        ("aaa", Some(","), 2, &["aaa"], &["aaa"]),
        ("aaa", Some("aa"), -1, &["", "a"], &["a", ""]),
        ("aaa", Some("aa"), 0, &["aaa"], &["aaa"]),
        ("aaa", Some("aa"), 1, &["", "a"], &["a", ""]),
        ("aaa", Some("aa"), 2, &["", "a"], &["a", ""]),
        ("aaa", Some("<>"), -1, &["aaa"], &["aaa"]),
        ("aaa", Some("<>"), 0, &["aaa"], &["aaa"]),
        ("aaa", Some("<>"), 1, &["aaa"], &["aaa"]),
        ("aaa", Some("<>"), 2, &["aaa"], &["aaa"]),
        ("aaa", Some(" "), -1, &["aaa"], &["aaa"]),
        ("aaa", Some(" "), 0, &["aaa"], &["aaa"]),
        ("aaa", Some(" "), 1, &["aaa"], &["aaa"]),
        ("aaa", Some(" "), 2, &["aaa"], &["aaa"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", None, -1, &["a", "b", "c", "d", "e", "f", "g\u{200b}h"], &["a", "b", "c", "d", "e", "f", "g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", None, 0, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", None, 1, &["a", "b\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f", "g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", None, 2, &["a", "b", "c\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e", "f", "g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(","), -1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(","), 0, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(","), 1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(","), 2, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("aa"), -1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("aa"), 0, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("aa"), 1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("aa"), 2, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("<>"), -1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("<>"), 0, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("<>"), 1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some("<>"), 2, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(" "), -1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(" "), 0, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(" "), 1, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h", Some(" "), 2, &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"], &["a\tb\nc\u{b}d\u{1c}e\u{3000}f\u{a0}g\u{200b}h"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", None, -1, &["h\u{e9}llo", "w\u{f6}rld", "\u{65e5}\u{672c}", "\u{8a9e}"], &["h\u{e9}llo", "w\u{f6}rld", "\u{65e5}\u{672c}", "\u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", None, 0, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", None, 1, &["h\u{e9}llo", "w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c}", "\u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", None, 2, &["h\u{e9}llo", "w\u{f6}rld", "\u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld", "\u{65e5}\u{672c}", "\u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(","), -1, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(","), 0, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(","), 1, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(","), 2, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("aa"), -1, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("aa"), 0, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("aa"), 1, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("aa"), 2, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("<>"), -1, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("<>"), 0, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("<>"), 1, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some("<>"), 2, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(" "), -1, &["h\u{e9}llo", "w\u{f6}rld", "", "\u{65e5}\u{672c}", "\u{8a9e}"], &["h\u{e9}llo", "w\u{f6}rld", "", "\u{65e5}\u{672c}", "\u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(" "), 0, &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(" "), 1, &["h\u{e9}llo", "w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c}", "\u{8a9e}"]),
        ("h\u{e9}llo w\u{f6}rld  \u{65e5}\u{672c} \u{8a9e}", Some(" "), 2, &["h\u{e9}llo", "w\u{f6}rld", " \u{65e5}\u{672c} \u{8a9e}"], &["h\u{e9}llo w\u{f6}rld ", "\u{65e5}\u{672c}", "\u{8a9e}"]),
        ("a<>b<>c<>", None, -1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", None, 0, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", None, 1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", None, 2, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(","), -1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(","), 0, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(","), 1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(","), 2, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some("aa"), -1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some("aa"), 0, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some("aa"), 1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some("aa"), 2, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some("<>"), -1, &["a", "b", "c", ""], &["a", "b", "c", ""]),
        ("a<>b<>c<>", Some("<>"), 0, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some("<>"), 1, &["a", "b<>c<>"], &["a<>b<>c", ""]),
        ("a<>b<>c<>", Some("<>"), 2, &["a", "b", "c<>"], &["a<>b", "c", ""]),
        ("a<>b<>c<>", Some(" "), -1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(" "), 0, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(" "), 1, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("a<>b<>c<>", Some(" "), 2, &["a<>b<>c<>"], &["a<>b<>c<>"]),
        ("<>", None, -1, &["<>"], &["<>"]),
        ("<>", None, 0, &["<>"], &["<>"]),
        ("<>", None, 1, &["<>"], &["<>"]),
        ("<>", None, 2, &["<>"], &["<>"]),
        ("<>", Some(","), -1, &["<>"], &["<>"]),
        ("<>", Some(","), 0, &["<>"], &["<>"]),
        ("<>", Some(","), 1, &["<>"], &["<>"]),
        ("<>", Some(","), 2, &["<>"], &["<>"]),
        ("<>", Some("aa"), -1, &["<>"], &["<>"]),
        ("<>", Some("aa"), 0, &["<>"], &["<>"]),
        ("<>", Some("aa"), 1, &["<>"], &["<>"]),
        ("<>", Some("aa"), 2, &["<>"], &["<>"]),
        ("<>", Some("<>"), -1, &["", ""], &["", ""]),
        ("<>", Some("<>"), 0, &["<>"], &["<>"]),
        ("<>", Some("<>"), 1, &["", ""], &["", ""]),
        ("<>", Some("<>"), 2, &["", ""], &["", ""]),
        ("<>", Some(" "), -1, &["<>"], &["<>"]),
        ("<>", Some(" "), 0, &["<>"], &["<>"]),
        ("<>", Some(" "), 1, &["<>"], &["<>"]),
        ("<>", Some(" "), 2, &["<>"], &["<>"]),
    ];
    #[rustfmt::skip]
    static SPLITLINES_CASES: &[(&str, &[&str], &[&str])] = &[
        ("", &[], &[]),
        ("a", &["a"], &["a"]),
        ("a\n", &["a"], &["a\n"]),
        ("\n", &[""], &["\n"]),
        ("a\nb\r\nc\rd\u{b}e\u{c}f\u{1c}g\u{1d}h\u{1e}i\u{85}j\u{2028}k\u{2029}l", &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"], &["a\n", "b\r\n", "c\r", "d\u{b}", "e\u{c}", "f\u{1c}", "g\u{1d}", "h\u{1e}", "i\u{85}", "j\u{2028}", "k\u{2029}", "l"]),
        ("a\r", &["a"], &["a\r"]),
        ("\r\n\r\n", &["", ""], &["\r\n", "\r\n"]),
        ("x\n\ny", &["x", "", "y"], &["x\n", "\n", "y"]),
        ("a\u{1f}b", &["a\u{1f}b"], &["a\u{1f}b"]),
    ];
    #[rustfmt::skip]
    static STRIP_CASES: &[(&str, Option<&str>, &str, &str, &str)] = &[
        ("", None, "", "", ""),
        ("", Some("x"), "", "", ""),
        ("", Some("xh"), "", "", ""),
        ("", Some(""), "", "", ""),
        ("", Some("\u{e9}"), "", "", ""),
        ("", Some(" "), "", "", ""),
        ("   ", None, "", "", ""),
        ("   ", Some("x"), "   ", "   ", "   "),
        ("   ", Some("xh"), "   ", "   ", "   "),
        ("   ", Some(""), "   ", "   ", "   "),
        ("   ", Some("\u{e9}"), "   ", "   ", "   "),
        ("   ", Some(" "), "", "", ""),
        ("  a b  ", None, "a b", "a b  ", "  a b"),
        ("  a b  ", Some("x"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some("xh"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some(""), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some("\u{e9}"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some(" "), "a b", "a b  ", "  a b"),
        ("\t\n\u{1c} a \u{3000}\u{a0}", None, "a", "a \u{3000}\u{a0}", "\t\n\u{1c} a"),
        ("\t\n\u{1c} a \u{3000}\u{a0}", Some("x"), "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}"),
        ("\t\n\u{1c} a \u{3000}\u{a0}", Some("xh"), "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}"),
        ("\t\n\u{1c} a \u{3000}\u{a0}", Some(""), "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}"),
        ("\t\n\u{1c} a \u{3000}\u{a0}", Some("\u{e9}"), "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}"),
        ("\t\n\u{1c} a \u{3000}\u{a0}", Some(" "), "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}", "\t\n\u{1c} a \u{3000}\u{a0}"),
        ("xxhixx", None, "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some("x"), "hi", "hixx", "xxhi"),
        ("xxhixx", Some("xh"), "i", "ixx", "xxhi"),
        ("xxhixx", Some(""), "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some("\u{e9}"), "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some(" "), "xxhixx", "xxhixx", "xxhixx"),
        ("h\u{e9}h\u{e9}", None, "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", Some("x"), "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", Some("xh"), "\u{e9}h\u{e9}", "\u{e9}h\u{e9}", "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", Some(""), "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", Some("\u{e9}"), "h\u{e9}h", "h\u{e9}h\u{e9}", "h\u{e9}h"),
        ("h\u{e9}h\u{e9}", Some(" "), "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}", "h\u{e9}h\u{e9}"),
        ("\u{200b}x\u{200b}", None, "\u{200b}x\u{200b}", "\u{200b}x\u{200b}", "\u{200b}x\u{200b}"),
        ("\u{200b}x\u{200b}", Some("x"), "\u{200b}x\u{200b}", "\u{200b}x\u{200b}", "\u{200b}x\u{200b}"),
        ("\u{200b}x\u{200b}", Some("xh"), "\u{200b}x\u{200b}", "\u{200b}x\u{200b}", "\u{200b}x\u{200b}"),
        ("\u{200b}x\u{200b}", Some(""), "\u{200b}x\u{200b}", "\u{200b}x\u{200b}", "\u{200b}x\u{200b}"),
        ("\u{200b}x\u{200b}", Some("\u{e9}"), "\u{200b}x\u{200b}", "\u{200b}x\u{200b}", "\u{200b}x\u{200b}"),
        ("\u{200b}x\u{200b}", Some(" "), "\u{200b}x\u{200b}", "\u{200b}x\u{200b}", "\u{200b}x\u{200b}"),
    ];
    #[rustfmt::skip]
    type FindCase = (&'static str, &'static str, Option<i64>, Option<i64>, i64, i64, usize, bool, bool);
    #[rustfmt::skip]
    static FIND_CASES: &[FindCase] = &[
        ("abcabc", "", None, None, 0, 6, 7, true, true),
        ("abcabc", "", Some(1), None, 1, 6, 6, true, true),
        ("abcabc", "", Some(-3), None, 3, 6, 4, true, true),
        ("abcabc", "", None, Some(-2), 0, 4, 5, true, true),
        ("abcabc", "", Some(2), Some(4), 2, 4, 3, true, true),
        ("abcabc", "", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "", Some(-100), Some(100), 0, 6, 7, true, true),
        ("abcabc", "", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "", Some(6), None, 6, 6, 1, true, true),
        ("abcabc", "", Some(3), Some(3), 3, 3, 1, true, true),
        ("abcabc", "a", None, None, 0, 3, 2, true, false),
        ("abcabc", "a", Some(1), None, 3, 3, 1, false, false),
        ("abcabc", "a", Some(-3), None, 3, 3, 1, true, false),
        ("abcabc", "a", None, Some(-2), 0, 3, 2, true, true),
        ("abcabc", "a", Some(2), Some(4), 3, 3, 1, false, true),
        ("abcabc", "a", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "a", Some(-100), Some(100), 0, 3, 2, true, false),
        ("abcabc", "a", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "a", Some(6), None, -1, -1, 0, false, false),
        ("abcabc", "a", Some(3), Some(3), -1, -1, 0, false, false),
        ("abcabc", "bc", None, None, 1, 4, 2, false, true),
        ("abcabc", "bc", Some(1), None, 1, 4, 2, true, true),
        ("abcabc", "bc", Some(-3), None, 4, 4, 1, false, true),
        ("abcabc", "bc", None, Some(-2), 1, 1, 1, false, false),
        ("abcabc", "bc", Some(2), Some(4), -1, -1, 0, false, false),
        ("abcabc", "bc", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "bc", Some(-100), Some(100), 1, 4, 2, false, true),
        ("abcabc", "bc", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "bc", Some(6), None, -1, -1, 0, false, false),
        ("abcabc", "bc", Some(3), Some(3), -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", None, None, -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(1), None, -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(-3), None, -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", None, Some(-2), -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(2), Some(4), -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(-100), Some(100), -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(6), None, -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(3), Some(3), -1, -1, 0, false, false),
        ("abcabc", "llo", None, None, -1, -1, 0, false, false),
        ("abcabc", "llo", Some(1), None, -1, -1, 0, false, false),
        ("abcabc", "llo", Some(-3), None, -1, -1, 0, false, false),
        ("abcabc", "llo", None, Some(-2), -1, -1, 0, false, false),
        ("abcabc", "llo", Some(2), Some(4), -1, -1, 0, false, false),
        ("abcabc", "llo", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "llo", Some(-100), Some(100), -1, -1, 0, false, false),
        ("abcabc", "llo", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "llo", Some(6), None, -1, -1, 0, false, false),
        ("abcabc", "llo", Some(3), Some(3), -1, -1, 0, false, false),
        ("abcabc", "aa", None, None, -1, -1, 0, false, false),
        ("abcabc", "aa", Some(1), None, -1, -1, 0, false, false),
        ("abcabc", "aa", Some(-3), None, -1, -1, 0, false, false),
        ("abcabc", "aa", None, Some(-2), -1, -1, 0, false, false),
        ("abcabc", "aa", Some(2), Some(4), -1, -1, 0, false, false),
        ("abcabc", "aa", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "aa", Some(-100), Some(100), -1, -1, 0, false, false),
        ("abcabc", "aa", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "aa", Some(6), None, -1, -1, 0, false, false),
        ("abcabc", "aa", Some(3), Some(3), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "", None, None, 0, 11, 12, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(1), None, 1, 11, 11, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(-3), None, 8, 11, 4, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", None, Some(-2), 0, 9, 10, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(2), Some(4), 2, 4, 3, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "", Some(-100), Some(100), 0, 11, 12, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(10), None, 10, 11, 2, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(6), None, 6, 11, 6, true, true),
        ("h\u{e9}llo h\u{e9}llo", "", Some(3), Some(3), 3, 3, 1, true, true),
        ("h\u{e9}llo h\u{e9}llo", "a", None, None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(1), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(-3), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", None, Some(-2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(2), Some(4), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(-100), Some(100), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(10), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(6), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "a", Some(3), Some(3), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", None, None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(1), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(-3), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", None, Some(-2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(2), Some(4), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(-100), Some(100), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(10), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(6), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "bc", Some(3), Some(3), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", None, None, 1, 7, 2, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(1), None, 1, 7, 2, true, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(-3), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", None, Some(-2), 1, 7, 2, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(2), Some(4), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(-100), Some(100), 1, 7, 2, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(10), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(6), None, 7, 7, 1, false, false),
        ("h\u{e9}llo h\u{e9}llo", "\u{e9}", Some(3), Some(3), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "llo", None, None, 2, 8, 2, false, true),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(1), None, 2, 8, 2, false, true),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(-3), None, 8, 8, 1, true, true),
        ("h\u{e9}llo h\u{e9}llo", "llo", None, Some(-2), 2, 2, 1, false, false),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(2), Some(4), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(-100), Some(100), 2, 8, 2, false, true),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(10), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(6), None, 8, 8, 1, false, true),
        ("h\u{e9}llo h\u{e9}llo", "llo", Some(3), Some(3), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", None, None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(1), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(-3), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", None, Some(-2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(2), Some(4), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(-100), Some(100), -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(10), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(6), None, -1, -1, 0, false, false),
        ("h\u{e9}llo h\u{e9}llo", "aa", Some(3), Some(3), -1, -1, 0, false, false),
        ("", "", None, None, 0, 0, 1, true, true),
        ("", "", Some(1), None, -1, -1, 0, false, false),
        ("", "", Some(-3), None, 0, 0, 1, true, true),
        ("", "", None, Some(-2), 0, 0, 1, true, true),
        ("", "", Some(2), Some(4), -1, -1, 0, false, false),
        ("", "", Some(5), Some(2), -1, -1, 0, false, false),
        ("", "", Some(-100), Some(100), 0, 0, 1, true, true),
        ("", "", Some(10), None, -1, -1, 0, false, false),
        ("", "", Some(6), None, -1, -1, 0, false, false),
        ("", "", Some(3), Some(3), -1, -1, 0, false, false),
        ("", "a", None, None, -1, -1, 0, false, false),
        ("", "a", Some(1), None, -1, -1, 0, false, false),
        ("", "a", Some(-3), None, -1, -1, 0, false, false),
        ("", "a", None, Some(-2), -1, -1, 0, false, false),
        ("", "a", Some(2), Some(4), -1, -1, 0, false, false),
        ("", "a", Some(5), Some(2), -1, -1, 0, false, false),
        ("", "a", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "a", Some(10), None, -1, -1, 0, false, false),
        ("", "a", Some(6), None, -1, -1, 0, false, false),
        ("", "a", Some(3), Some(3), -1, -1, 0, false, false),
        ("", "bc", None, None, -1, -1, 0, false, false),
        ("", "bc", Some(1), None, -1, -1, 0, false, false),
        ("", "bc", Some(-3), None, -1, -1, 0, false, false),
        ("", "bc", None, Some(-2), -1, -1, 0, false, false),
        ("", "bc", Some(2), Some(4), -1, -1, 0, false, false),
        ("", "bc", Some(5), Some(2), -1, -1, 0, false, false),
        ("", "bc", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "bc", Some(10), None, -1, -1, 0, false, false),
        ("", "bc", Some(6), None, -1, -1, 0, false, false),
        ("", "bc", Some(3), Some(3), -1, -1, 0, false, false),
        ("", "\u{e9}", None, None, -1, -1, 0, false, false),
        ("", "\u{e9}", Some(1), None, -1, -1, 0, false, false),
        ("", "\u{e9}", Some(-3), None, -1, -1, 0, false, false),
        ("", "\u{e9}", None, Some(-2), -1, -1, 0, false, false),
        ("", "\u{e9}", Some(2), Some(4), -1, -1, 0, false, false),
        ("", "\u{e9}", Some(5), Some(2), -1, -1, 0, false, false),
        ("", "\u{e9}", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "\u{e9}", Some(10), None, -1, -1, 0, false, false),
        ("", "\u{e9}", Some(6), None, -1, -1, 0, false, false),
        ("", "\u{e9}", Some(3), Some(3), -1, -1, 0, false, false),
        ("", "llo", None, None, -1, -1, 0, false, false),
        ("", "llo", Some(1), None, -1, -1, 0, false, false),
        ("", "llo", Some(-3), None, -1, -1, 0, false, false),
        ("", "llo", None, Some(-2), -1, -1, 0, false, false),
        ("", "llo", Some(2), Some(4), -1, -1, 0, false, false),
        ("", "llo", Some(5), Some(2), -1, -1, 0, false, false),
        ("", "llo", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "llo", Some(10), None, -1, -1, 0, false, false),
        ("", "llo", Some(6), None, -1, -1, 0, false, false),
        ("", "llo", Some(3), Some(3), -1, -1, 0, false, false),
        ("", "aa", None, None, -1, -1, 0, false, false),
        ("", "aa", Some(1), None, -1, -1, 0, false, false),
        ("", "aa", Some(-3), None, -1, -1, 0, false, false),
        ("", "aa", None, Some(-2), -1, -1, 0, false, false),
        ("", "aa", Some(2), Some(4), -1, -1, 0, false, false),
        ("", "aa", Some(5), Some(2), -1, -1, 0, false, false),
        ("", "aa", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "aa", Some(10), None, -1, -1, 0, false, false),
        ("", "aa", Some(6), None, -1, -1, 0, false, false),
        ("", "aa", Some(3), Some(3), -1, -1, 0, false, false),
        ("aaaa", "", None, None, 0, 4, 5, true, true),
        ("aaaa", "", Some(1), None, 1, 4, 4, true, true),
        ("aaaa", "", Some(-3), None, 1, 4, 4, true, true),
        ("aaaa", "", None, Some(-2), 0, 2, 3, true, true),
        ("aaaa", "", Some(2), Some(4), 2, 4, 3, true, true),
        ("aaaa", "", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaaa", "", Some(-100), Some(100), 0, 4, 5, true, true),
        ("aaaa", "", Some(10), None, -1, -1, 0, false, false),
        ("aaaa", "", Some(6), None, -1, -1, 0, false, false),
        ("aaaa", "", Some(3), Some(3), 3, 3, 1, true, true),
        ("aaaa", "a", None, None, 0, 3, 4, true, true),
        ("aaaa", "a", Some(1), None, 1, 3, 3, true, true),
        ("aaaa", "a", Some(-3), None, 1, 3, 3, true, true),
        ("aaaa", "a", None, Some(-2), 0, 1, 2, true, true),
        ("aaaa", "a", Some(2), Some(4), 2, 3, 2, true, true),
        ("aaaa", "a", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaaa", "a", Some(-100), Some(100), 0, 3, 4, true, true),
        ("aaaa", "a", Some(10), None, -1, -1, 0, false, false),
        ("aaaa", "a", Some(6), None, -1, -1, 0, false, false),
        ("aaaa", "a", Some(3), Some(3), -1, -1, 0, false, false),
        ("aaaa", "bc", None, None, -1, -1, 0, false, false),
        ("aaaa", "bc", Some(1), None, -1, -1, 0, false, false),
        ("aaaa", "bc", Some(-3), None, -1, -1, 0, false, false),
        ("aaaa", "bc", None, Some(-2), -1, -1, 0, false, false),
        ("aaaa", "bc", Some(2), Some(4), -1, -1, 0, false, false),
        ("aaaa", "bc", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaaa", "bc", Some(-100), Some(100), -1, -1, 0, false, false),
        ("aaaa", "bc", Some(10), None, -1, -1, 0, false, false),
        ("aaaa", "bc", Some(6), None, -1, -1, 0, false, false),
        ("aaaa", "bc", Some(3), Some(3), -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", None, None, -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(1), None, -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(-3), None, -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", None, Some(-2), -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(2), Some(4), -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(-100), Some(100), -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(10), None, -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(6), None, -1, -1, 0, false, false),
        ("aaaa", "\u{e9}", Some(3), Some(3), -1, -1, 0, false, false),
        ("aaaa", "llo", None, None, -1, -1, 0, false, false),
        ("aaaa", "llo", Some(1), None, -1, -1, 0, false, false),
        ("aaaa", "llo", Some(-3), None, -1, -1, 0, false, false),
        ("aaaa", "llo", None, Some(-2), -1, -1, 0, false, false),
        ("aaaa", "llo", Some(2), Some(4), -1, -1, 0, false, false),
        ("aaaa", "llo", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaaa", "llo", Some(-100), Some(100), -1, -1, 0, false, false),
        ("aaaa", "llo", Some(10), None, -1, -1, 0, false, false),
        ("aaaa", "llo", Some(6), None, -1, -1, 0, false, false),
        ("aaaa", "llo", Some(3), Some(3), -1, -1, 0, false, false),
        ("aaaa", "aa", None, None, 0, 2, 2, true, true),
        ("aaaa", "aa", Some(1), None, 1, 2, 1, true, true),
        ("aaaa", "aa", Some(-3), None, 1, 2, 1, true, true),
        ("aaaa", "aa", None, Some(-2), 0, 0, 1, true, true),
        ("aaaa", "aa", Some(2), Some(4), 2, 2, 1, true, true),
        ("aaaa", "aa", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaaa", "aa", Some(-100), Some(100), 0, 2, 2, true, true),
        ("aaaa", "aa", Some(10), None, -1, -1, 0, false, false),
        ("aaaa", "aa", Some(6), None, -1, -1, 0, false, false),
        ("aaaa", "aa", Some(3), Some(3), -1, -1, 0, false, false),
    ];
    #[rustfmt::skip]
    static REPLACE_CASES: &[(&str, &str, &str, i64, &str)] = &[
        ("", "", "-", -1, "-"),
        ("", "", "-", 0, ""),
        ("", "", "-", 1, "-"),
        ("", "", "-", 2, "-"),
        ("", "", "", -1, ""),
        ("", "", "", 0, ""),
        ("", "", "", 1, ""),
        ("", "", "", 2, ""),
        ("", "a", "xy", -1, ""),
        ("", "a", "xy", 0, ""),
        ("", "a", "xy", 1, ""),
        ("", "a", "xy", 2, ""),
        ("", "aa", "b", -1, ""),
        ("", "aa", "b", 0, ""),
        ("", "aa", "b", 1, ""),
        ("", "aa", "b", 2, ""),
        ("", ".", "", -1, ""),
        ("", ".", "", 0, ""),
        ("", ".", "", 1, ""),
        ("", ".", "", 2, ""),
        ("", "\u{e9}", "E", -1, ""),
        ("", "\u{e9}", "E", 0, ""),
        ("", "\u{e9}", "E", 1, ""),
        ("", "\u{e9}", "E", 2, ""),
        ("", "abc", "", -1, ""),
        ("", "abc", "", 0, ""),
        ("", "abc", "", 1, ""),
        ("", "abc", "", 2, ""),
        ("abc", "", "-", -1, "-a-b-c-"),
        ("abc", "", "-", 0, "abc"),
        ("abc", "", "-", 1, "-abc"),
        ("abc", "", "-", 2, "-a-bc"),
        ("abc", "", "", -1, "abc"),
        ("abc", "", "", 0, "abc"),
        ("abc", "", "", 1, "abc"),
        ("abc", "", "", 2, "abc"),
        ("abc", "a", "xy", -1, "xybc"),
        ("abc", "a", "xy", 0, "abc"),
        ("abc", "a", "xy", 1, "xybc"),
        ("abc", "a", "xy", 2, "xybc"),
        ("abc", "aa", "b", -1, "abc"),
        ("abc", "aa", "b", 0, "abc"),
        ("abc", "aa", "b", 1, "abc"),
        ("abc", "aa", "b", 2, "abc"),
        ("abc", ".", "", -1, "abc"),
        ("abc", ".", "", 0, "abc"),
        ("abc", ".", "", 1, "abc"),
        ("abc", ".", "", 2, "abc"),
        ("abc", "\u{e9}", "E", -1, "abc"),
        ("abc", "\u{e9}", "E", 0, "abc"),
        ("abc", "\u{e9}", "E", 1, "abc"),
        ("abc", "\u{e9}", "E", 2, "abc"),
        ("abc", "abc", "", -1, ""),
        ("abc", "abc", "", 0, "abc"),
        ("abc", "abc", "", 1, ""),
        ("abc", "abc", "", 2, ""),
        ("aaaa", "", "-", -1, "-a-a-a-a-"),
        ("aaaa", "", "-", 0, "aaaa"),
        ("aaaa", "", "-", 1, "-aaaa"),
        ("aaaa", "", "-", 2, "-a-aaa"),
        ("aaaa", "", "", -1, "aaaa"),
        ("aaaa", "", "", 0, "aaaa"),
        ("aaaa", "", "", 1, "aaaa"),
        ("aaaa", "", "", 2, "aaaa"),
        ("aaaa", "a", "xy", -1, "xyxyxyxy"),
        ("aaaa", "a", "xy", 0, "aaaa"),
        ("aaaa", "a", "xy", 1, "xyaaa"),
        ("aaaa", "a", "xy", 2, "xyxyaa"),
        ("aaaa", "aa", "b", -1, "bb"),
        ("aaaa", "aa", "b", 0, "aaaa"),
        ("aaaa", "aa", "b", 1, "baa"),
        ("aaaa", "aa", "b", 2, "bb"),
        ("aaaa", ".", "", -1, "aaaa"),
        ("aaaa", ".", "", 0, "aaaa"),
        ("aaaa", ".", "", 1, "aaaa"),
        ("aaaa", ".", "", 2, "aaaa"),
        ("aaaa", "\u{e9}", "E", -1, "aaaa"),
        ("aaaa", "\u{e9}", "E", 0, "aaaa"),
        ("aaaa", "\u{e9}", "E", 1, "aaaa"),
        ("aaaa", "\u{e9}", "E", 2, "aaaa"),
        ("aaaa", "abc", "", -1, "aaaa"),
        ("aaaa", "abc", "", 0, "aaaa"),
        ("aaaa", "abc", "", 1, "aaaa"),
        ("aaaa", "abc", "", 2, "aaaa"),
        ("h\u{e9}llo", "", "-", -1, "-h-\u{e9}-l-l-o-"),
        ("h\u{e9}llo", "", "-", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", "", "-", 1, "-h\u{e9}llo"),
        ("h\u{e9}llo", "", "-", 2, "-h-\u{e9}llo"),
        ("h\u{e9}llo", "", "", -1, "h\u{e9}llo"),
        ("h\u{e9}llo", "", "", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", "", "", 1, "h\u{e9}llo"),
        ("h\u{e9}llo", "", "", 2, "h\u{e9}llo"),
        ("h\u{e9}llo", "a", "xy", -1, "h\u{e9}llo"),
        ("h\u{e9}llo", "a", "xy", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", "a", "xy", 1, "h\u{e9}llo"),
        ("h\u{e9}llo", "a", "xy", 2, "h\u{e9}llo"),
        ("h\u{e9}llo", "aa", "b", -1, "h\u{e9}llo"),
        ("h\u{e9}llo", "aa", "b", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", "aa", "b", 1, "h\u{e9}llo"),
        ("h\u{e9}llo", "aa", "b", 2, "h\u{e9}llo"),
        ("h\u{e9}llo", ".", "", -1, "h\u{e9}llo"),
        ("h\u{e9}llo", ".", "", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", ".", "", 1, "h\u{e9}llo"),
        ("h\u{e9}llo", ".", "", 2, "h\u{e9}llo"),
        ("h\u{e9}llo", "\u{e9}", "E", -1, "hEllo"),
        ("h\u{e9}llo", "\u{e9}", "E", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", "\u{e9}", "E", 1, "hEllo"),
        ("h\u{e9}llo", "\u{e9}", "E", 2, "hEllo"),
        ("h\u{e9}llo", "abc", "", -1, "h\u{e9}llo"),
        ("h\u{e9}llo", "abc", "", 0, "h\u{e9}llo"),
        ("h\u{e9}llo", "abc", "", 1, "h\u{e9}llo"),
        ("h\u{e9}llo", "abc", "", 2, "h\u{e9}llo"),
        ("a.b.c", "", "-", -1, "-a-.-b-.-c-"),
        ("a.b.c", "", "-", 0, "a.b.c"),
        ("a.b.c", "", "-", 1, "-a.b.c"),
        ("a.b.c", "", "-", 2, "-a-.b.c"),
        ("a.b.c", "", "", -1, "a.b.c"),
        ("a.b.c", "", "", 0, "a.b.c"),
        ("a.b.c", "", "", 1, "a.b.c"),
        ("a.b.c", "", "", 2, "a.b.c"),
        ("a.b.c", "a", "xy", -1, "xy.b.c"),
        ("a.b.c", "a", "xy", 0, "a.b.c"),
        ("a.b.c", "a", "xy", 1, "xy.b.c"),
        ("a.b.c", "a", "xy", 2, "xy.b.c"),
        ("a.b.c", "aa", "b", -1, "a.b.c"),
        ("a.b.c", "aa", "b", 0, "a.b.c"),
        ("a.b.c", "aa", "b", 1, "a.b.c"),
        ("a.b.c", "aa", "b", 2, "a.b.c"),
        ("a.b.c", ".", "", -1, "abc"),
        ("a.b.c", ".", "", 0, "a.b.c"),
        ("a.b.c", ".", "", 1, "ab.c"),
        ("a.b.c", ".", "", 2, "abc"),
        ("a.b.c", "\u{e9}", "E", -1, "a.b.c"),
        ("a.b.c", "\u{e9}", "E", 0, "a.b.c"),
        ("a.b.c", "\u{e9}", "E", 1, "a.b.c"),
        ("a.b.c", "\u{e9}", "E", 2, "a.b.c"),
        ("a.b.c", "abc", "", -1, "a.b.c"),
        ("a.b.c", "abc", "", 0, "a.b.c"),
        ("a.b.c", "abc", "", 1, "a.b.c"),
        ("a.b.c", "abc", "", 2, "a.b.c"),
    ];
    /// (s, upper, lower, title, capitalize, swapcase, casefold)
    #[rustfmt::skip]
    type CaseCase = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);
    #[rustfmt::skip]
    static CASE_CASES: &[CaseCase] = &[
        ("", "", "", "", "", "", ""),
        ("hello world", "HELLO WORLD", "hello world", "Hello World", "Hello world", "HELLO WORLD", "hello world"),
        ("they're bill's friends", "THEY'RE BILL'S FRIENDS", "they're bill's friends", "They'Re Bill'S Friends", "They're bill's friends", "THEY'RE BILL'S FRIENDS", "they're bill's friends"),
        ("HELLO wORLD", "HELLO WORLD", "hello world", "Hello World", "Hello world", "hello World", "hello world"),
        ("\u{df} stra\u{df}e", "SS STRASSE", "\u{df} stra\u{df}e", "Ss Stra\u{df}e", "Ss stra\u{df}e", "SS STRASSE", "ss strasse"),
        ("\u{1c6}emal \u{1c5} \u{1c4}", "\u{1c4}EMAL \u{1c4} \u{1c4}", "\u{1c6}emal \u{1c6} \u{1c6}", "\u{1c5}emal \u{1c5} \u{1c5}", "\u{1c5}emal \u{1c6} \u{1c6}", "\u{1c4}EMAL \u{1c5} \u{1c6}", "\u{1c6}emal \u{1c6} \u{1c6}"),
        ("\u{fb01}ne \u{fb02}ow", "FINE FLOW", "\u{fb01}ne \u{fb02}ow", "Fine Flow", "Fine \u{fb02}ow", "FINE FLOW", "fine flow"),
        ("\u{3a3}\u{391}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3} \u{3a3}", "\u{3a3}\u{391}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3} \u{3a3}", "\u{3c3}\u{3b1}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3c3}", "\u{3a3}\u{3b1}\u{3c2} \u{39f}\u{3b4}\u{3bf}\u{3c2} \u{3a3}", "\u{3a3}\u{3b1}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3c3}", "\u{3c3}\u{3b1}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3c3}", "\u{3c3}\u{3b1}\u{3c3} \u{3bf}\u{3b4}\u{3bf}\u{3c3} \u{3c3}"),
        ("\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}", "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}", "\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}", "\u{1f48}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}", "\u{1f48}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}", "\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}", "\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c3}"),
        ("a\u{3a3}b", "A\u{3a3}B", "a\u{3c3}b", "A\u{3c3}b", "A\u{3c3}b", "A\u{3c3}B", "a\u{3c3}b"),
        ("\u{3a3}a", "\u{3a3}A", "\u{3c3}a", "\u{3a3}a", "\u{3a3}a", "\u{3c3}A", "\u{3c3}a"),
        ("a.\u{3a3}", "A.\u{3a3}", "a.\u{3c2}", "A.\u{3a3}", "A.\u{3c2}", "A.\u{3c2}", "a.\u{3c3}"),
        ("A\u{3a3}'", "A\u{3a3}'", "a\u{3c2}'", "A\u{3c2}'", "A\u{3c2}'", "a\u{3c2}'", "a\u{3c3}'"),
        ("\u{130}stanbul", "\u{130}STANBUL", "i\u{307}stanbul", "\u{130}stanbul", "\u{130}stanbul", "i\u{307}STANBUL", "i\u{307}stanbul"),
        ("\u{1fb3} \u{1f80} \u{1ffc}", "\u{391}\u{399} \u{1f08}\u{399} \u{3a9}\u{399}", "\u{1fb3} \u{1f80} \u{1ff3}", "\u{1fbc} \u{1f88} \u{1ffc}", "\u{1fbc} \u{1f80} \u{1ff3}", "\u{391}\u{399} \u{1f08}\u{399} \u{1ffc}", "\u{3b1}\u{3b9} \u{1f00}\u{3b9} \u{3c9}\u{3b9}"),
        ("\u{ab70}\u{ab71} \u{13a0} \u{13f8}", "\u{13a0}\u{13a1} \u{13a0} \u{13f0}", "\u{ab70}\u{ab71} \u{ab70} \u{13f8}", "\u{13a0}\u{ab71} \u{13a0} \u{13f0}", "\u{13a0}\u{ab71} \u{ab70} \u{13f8}", "\u{13a0}\u{13a1} \u{ab70} \u{13f0}", "\u{13a0}\u{13a1} \u{13a0} \u{13f0}"),
        ("\u{149}", "\u{2bc}N", "\u{149}", "\u{2bc}N", "\u{2bc}N", "\u{2bc}N", "\u{2bc}n"),
        ("a1b2 3c", "A1B2 3C", "a1b2 3c", "A1B2 3C", "A1b2 3c", "A1B2 3C", "a1b2 3c"),
        ("\u{1c8}ubljana", "\u{1c7}UBLJANA", "\u{1c9}ubljana", "\u{1c8}ubljana", "\u{1c8}ubljana", "\u{1c8}UBLJANA", "\u{1c9}ubljana"),
        ("\u{390}", "\u{399}\u{308}\u{301}", "\u{390}", "\u{399}\u{308}\u{301}", "\u{399}\u{308}\u{301}", "\u{399}\u{308}\u{301}", "\u{3b9}\u{308}\u{301}"),
        ("\u{fb00} \u{fb03}", "FF FFI", "\u{fb00} \u{fb03}", "Ff Ffi", "Ff \u{fb03}", "FF FFI", "ff ffi"),
        ("\u{3a9}mega \u{3a9}MEGA", "\u{3a9}MEGA \u{3a9}MEGA", "\u{3c9}mega \u{3c9}mega", "\u{3a9}mega \u{3a9}mega", "\u{3a9}mega \u{3c9}mega", "\u{3c9}MEGA \u{3c9}mega", "\u{3c9}mega \u{3c9}mega"),
        ("123", "123", "123", "123", "123", "123", "123"),
        ("\u{24d0}\u{24d1}", "\u{24b6}\u{24b7}", "\u{24d0}\u{24d1}", "\u{24b6}\u{24d1}", "\u{24b6}\u{24d1}", "\u{24b6}\u{24b7}", "\u{24d0}\u{24d1}"),
        ("\u{1f0}", "J\u{30c}", "\u{1f0}", "J\u{30c}", "J\u{30c}", "J\u{30c}", "j\u{30c}"),
        ("\u{1c80}", "\u{412}", "\u{1c80}", "\u{412}", "\u{412}", "\u{412}", "\u{432}"),
        ("\u{10db}", "\u{1c9b}", "\u{10db}", "\u{10db}", "\u{10db}", "\u{1c9b}", "\u{10db}"),
        ("\u{131}I", "II", "\u{131}i", "Ii", "Ii", "Ii", "\u{131}i"),
        ("\u{1e9e}", "\u{1e9e}", "\u{df}", "\u{1e9e}", "\u{1e9e}", "\u{df}", "ss"),
        ("\u{b5}", "\u{39c}", "\u{b5}", "\u{39c}", "\u{39c}", "\u{39c}", "\u{3bc}"),
        ("\u{ab70}A", "\u{13a0}A", "\u{ab70}a", "\u{13a0}a", "\u{13a0}a", "\u{13a0}a", "\u{13a0}a"),
    ];
    /// (s, width, center ' ', center '*', center 'é', ljust '*', rjust '*', zfill)
    #[rustfmt::skip]
    type PadCase = (&'static str, i64, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);
    #[rustfmt::skip]
    static PAD_CASES: &[PadCase] = &[
        ("", -1, "", "", "", "", "", ""),
        ("", 0, "", "", "", "", "", ""),
        ("", 1, " ", "*", "\u{e9}", "*", "*", "0"),
        ("", 2, "  ", "**", "\u{e9}\u{e9}", "**", "**", "00"),
        ("", 3, "   ", "***", "\u{e9}\u{e9}\u{e9}", "***", "***", "000"),
        ("", 4, "    ", "****", "\u{e9}\u{e9}\u{e9}\u{e9}", "****", "****", "0000"),
        ("", 5, "     ", "*****", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "*****", "*****", "00000"),
        ("", 6, "      ", "******", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "******", "******", "000000"),
        ("", 7, "       ", "*******", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "*******", "*******", "0000000"),
        ("", 8, "        ", "********", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "********", "********", "00000000"),
        ("a", -1, "a", "a", "a", "a", "a", "a"),
        ("a", 0, "a", "a", "a", "a", "a", "a"),
        ("a", 1, "a", "a", "a", "a", "a", "a"),
        ("a", 2, "a ", "a*", "a\u{e9}", "a*", "*a", "0a"),
        ("a", 3, " a ", "*a*", "\u{e9}a\u{e9}", "a**", "**a", "00a"),
        ("a", 4, " a  ", "*a**", "\u{e9}a\u{e9}\u{e9}", "a***", "***a", "000a"),
        ("a", 5, "  a  ", "**a**", "\u{e9}\u{e9}a\u{e9}\u{e9}", "a****", "****a", "0000a"),
        ("a", 6, "  a   ", "**a***", "\u{e9}\u{e9}a\u{e9}\u{e9}\u{e9}", "a*****", "*****a", "00000a"),
        ("a", 7, "   a   ", "***a***", "\u{e9}\u{e9}\u{e9}a\u{e9}\u{e9}\u{e9}", "a******", "******a", "000000a"),
        ("a", 8, "   a    ", "***a****", "\u{e9}\u{e9}\u{e9}a\u{e9}\u{e9}\u{e9}\u{e9}", "a*******", "*******a", "0000000a"),
        ("ab", -1, "ab", "ab", "ab", "ab", "ab", "ab"),
        ("ab", 0, "ab", "ab", "ab", "ab", "ab", "ab"),
        ("ab", 1, "ab", "ab", "ab", "ab", "ab", "ab"),
        ("ab", 2, "ab", "ab", "ab", "ab", "ab", "ab"),
        ("ab", 3, " ab", "*ab", "\u{e9}ab", "ab*", "*ab", "0ab"),
        ("ab", 4, " ab ", "*ab*", "\u{e9}ab\u{e9}", "ab**", "**ab", "00ab"),
        ("ab", 5, "  ab ", "**ab*", "\u{e9}\u{e9}ab\u{e9}", "ab***", "***ab", "000ab"),
        ("ab", 6, "  ab  ", "**ab**", "\u{e9}\u{e9}ab\u{e9}\u{e9}", "ab****", "****ab", "0000ab"),
        ("ab", 7, "   ab  ", "***ab**", "\u{e9}\u{e9}\u{e9}ab\u{e9}\u{e9}", "ab*****", "*****ab", "00000ab"),
        ("ab", 8, "   ab   ", "***ab***", "\u{e9}\u{e9}\u{e9}ab\u{e9}\u{e9}\u{e9}", "ab******", "******ab", "000000ab"),
        ("abc", -1, "abc", "abc", "abc", "abc", "abc", "abc"),
        ("abc", 0, "abc", "abc", "abc", "abc", "abc", "abc"),
        ("abc", 1, "abc", "abc", "abc", "abc", "abc", "abc"),
        ("abc", 2, "abc", "abc", "abc", "abc", "abc", "abc"),
        ("abc", 3, "abc", "abc", "abc", "abc", "abc", "abc"),
        ("abc", 4, "abc ", "abc*", "abc\u{e9}", "abc*", "*abc", "0abc"),
        ("abc", 5, " abc ", "*abc*", "\u{e9}abc\u{e9}", "abc**", "**abc", "00abc"),
        ("abc", 6, " abc  ", "*abc**", "\u{e9}abc\u{e9}\u{e9}", "abc***", "***abc", "000abc"),
        ("abc", 7, "  abc  ", "**abc**", "\u{e9}\u{e9}abc\u{e9}\u{e9}", "abc****", "****abc", "0000abc"),
        ("abc", 8, "  abc   ", "**abc***", "\u{e9}\u{e9}abc\u{e9}\u{e9}\u{e9}", "abc*****", "*****abc", "00000abc"),
        ("h\u{e9}llo", -1, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 0, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 1, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 2, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 3, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 4, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 5, "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 6, "h\u{e9}llo ", "h\u{e9}llo*", "h\u{e9}llo\u{e9}", "h\u{e9}llo*", "*h\u{e9}llo", "0h\u{e9}llo"),
        ("h\u{e9}llo", 7, " h\u{e9}llo ", "*h\u{e9}llo*", "\u{e9}h\u{e9}llo\u{e9}", "h\u{e9}llo**", "**h\u{e9}llo", "00h\u{e9}llo"),
        ("h\u{e9}llo", 8, " h\u{e9}llo  ", "*h\u{e9}llo**", "\u{e9}h\u{e9}llo\u{e9}\u{e9}", "h\u{e9}llo***", "***h\u{e9}llo", "000h\u{e9}llo"),
        ("-42", -1, "-42", "-42", "-42", "-42", "-42", "-42"),
        ("-42", 0, "-42", "-42", "-42", "-42", "-42", "-42"),
        ("-42", 1, "-42", "-42", "-42", "-42", "-42", "-42"),
        ("-42", 2, "-42", "-42", "-42", "-42", "-42", "-42"),
        ("-42", 3, "-42", "-42", "-42", "-42", "-42", "-42"),
        ("-42", 4, "-42 ", "-42*", "-42\u{e9}", "-42*", "*-42", "-042"),
        ("-42", 5, " -42 ", "*-42*", "\u{e9}-42\u{e9}", "-42**", "**-42", "-0042"),
        ("-42", 6, " -42  ", "*-42**", "\u{e9}-42\u{e9}\u{e9}", "-42***", "***-42", "-00042"),
        ("-42", 7, "  -42  ", "**-42**", "\u{e9}\u{e9}-42\u{e9}\u{e9}", "-42****", "****-42", "-000042"),
        ("-42", 8, "  -42   ", "**-42***", "\u{e9}\u{e9}-42\u{e9}\u{e9}\u{e9}", "-42*****", "*****-42", "-0000042"),
        ("+7", -1, "+7", "+7", "+7", "+7", "+7", "+7"),
        ("+7", 0, "+7", "+7", "+7", "+7", "+7", "+7"),
        ("+7", 1, "+7", "+7", "+7", "+7", "+7", "+7"),
        ("+7", 2, "+7", "+7", "+7", "+7", "+7", "+7"),
        ("+7", 3, " +7", "*+7", "\u{e9}+7", "+7*", "*+7", "+07"),
        ("+7", 4, " +7 ", "*+7*", "\u{e9}+7\u{e9}", "+7**", "**+7", "+007"),
        ("+7", 5, "  +7 ", "**+7*", "\u{e9}\u{e9}+7\u{e9}", "+7***", "***+7", "+0007"),
        ("+7", 6, "  +7  ", "**+7**", "\u{e9}\u{e9}+7\u{e9}\u{e9}", "+7****", "****+7", "+00007"),
        ("+7", 7, "   +7  ", "***+7**", "\u{e9}\u{e9}\u{e9}+7\u{e9}\u{e9}", "+7*****", "*****+7", "+000007"),
        ("+7", 8, "   +7   ", "***+7***", "\u{e9}\u{e9}\u{e9}+7\u{e9}\u{e9}\u{e9}", "+7******", "******+7", "+0000007"),
        ("-", -1, "-", "-", "-", "-", "-", "-"),
        ("-", 0, "-", "-", "-", "-", "-", "-"),
        ("-", 1, "-", "-", "-", "-", "-", "-"),
        ("-", 2, "- ", "-*", "-\u{e9}", "-*", "*-", "-0"),
        ("-", 3, " - ", "*-*", "\u{e9}-\u{e9}", "-**", "**-", "-00"),
        ("-", 4, " -  ", "*-**", "\u{e9}-\u{e9}\u{e9}", "-***", "***-", "-000"),
        ("-", 5, "  -  ", "**-**", "\u{e9}\u{e9}-\u{e9}\u{e9}", "-****", "****-", "-0000"),
        ("-", 6, "  -   ", "**-***", "\u{e9}\u{e9}-\u{e9}\u{e9}\u{e9}", "-*****", "*****-", "-00000"),
        ("-", 7, "   -   ", "***-***", "\u{e9}\u{e9}\u{e9}-\u{e9}\u{e9}\u{e9}", "-******", "******-", "-000000"),
        ("-", 8, "   -    ", "***-****", "\u{e9}\u{e9}\u{e9}-\u{e9}\u{e9}\u{e9}\u{e9}", "-*******", "*******-", "-0000000"),
        ("\u{65e5}\u{672c}", -1, "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 0, "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 1, "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 2, "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}", "\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 3, " \u{65e5}\u{672c}", "*\u{65e5}\u{672c}", "\u{e9}\u{65e5}\u{672c}", "\u{65e5}\u{672c}*", "*\u{65e5}\u{672c}", "0\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 4, " \u{65e5}\u{672c} ", "*\u{65e5}\u{672c}*", "\u{e9}\u{65e5}\u{672c}\u{e9}", "\u{65e5}\u{672c}**", "**\u{65e5}\u{672c}", "00\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 5, "  \u{65e5}\u{672c} ", "**\u{65e5}\u{672c}*", "\u{e9}\u{e9}\u{65e5}\u{672c}\u{e9}", "\u{65e5}\u{672c}***", "***\u{65e5}\u{672c}", "000\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 6, "  \u{65e5}\u{672c}  ", "**\u{65e5}\u{672c}**", "\u{e9}\u{e9}\u{65e5}\u{672c}\u{e9}\u{e9}", "\u{65e5}\u{672c}****", "****\u{65e5}\u{672c}", "0000\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 7, "   \u{65e5}\u{672c}  ", "***\u{65e5}\u{672c}**", "\u{e9}\u{e9}\u{e9}\u{65e5}\u{672c}\u{e9}\u{e9}", "\u{65e5}\u{672c}*****", "*****\u{65e5}\u{672c}", "00000\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}", 8, "   \u{65e5}\u{672c}   ", "***\u{65e5}\u{672c}***", "\u{e9}\u{e9}\u{e9}\u{65e5}\u{672c}\u{e9}\u{e9}\u{e9}", "\u{65e5}\u{672c}******", "******\u{65e5}\u{672c}", "000000\u{65e5}\u{672c}"),
    ];
    #[rustfmt::skip]
    static EXPANDTABS_CASES: &[(&str, i64, &str)] = &[
        ("", -1, ""),
        ("", 0, ""),
        ("", 1, ""),
        ("", 3, ""),
        ("", 8, ""),
        ("a\tb", -1, "ab"),
        ("a\tb", 0, "ab"),
        ("a\tb", 1, "a b"),
        ("a\tb", 3, "a  b"),
        ("a\tb", 8, "a       b"),
        ("\t", -1, ""),
        ("\t", 0, ""),
        ("\t", 1, " "),
        ("\t", 3, "   "),
        ("\t", 8, "        "),
        ("ab\tcd\tef", -1, "abcdef"),
        ("ab\tcd\tef", 0, "abcdef"),
        ("ab\tcd\tef", 1, "ab cd ef"),
        ("ab\tcd\tef", 3, "ab cd ef"),
        ("ab\tcd\tef", 8, "ab      cd      ef"),
        ("a\nb\tc", -1, "a\nbc"),
        ("a\nb\tc", 0, "a\nbc"),
        ("a\nb\tc", 1, "a\nb c"),
        ("a\nb\tc", 3, "a\nb  c"),
        ("a\nb\tc", 8, "a\nb       c"),
        ("12345678\tx", -1, "12345678x"),
        ("12345678\tx", 0, "12345678x"),
        ("12345678\tx", 1, "12345678 x"),
        ("12345678\tx", 3, "12345678 x"),
        ("12345678\tx", 8, "12345678        x"),
        ("\u{e9}\tx\r\ty", -1, "\u{e9}x\ry"),
        ("\u{e9}\tx\r\ty", 0, "\u{e9}x\ry"),
        ("\u{e9}\tx\r\ty", 1, "\u{e9} x\r y"),
        ("\u{e9}\tx\r\ty", 3, "\u{e9}  x\r   y"),
        ("\u{e9}\tx\r\ty", 8, "\u{e9}       x\r        y"),
        ("x\t\t", -1, "x"),
        ("x\t\t", 0, "x"),
        ("x\t\t", 1, "x  "),
        ("x\t\t", 3, "x     "),
        ("x\t\t", 8, "x               "),
    ];
    #[rustfmt::skip]
    type PartCase = (&'static str, &'static str, (&'static str, &'static str, &'static str), (&'static str, &'static str, &'static str));
    #[rustfmt::skip]
    static PARTITION_CASES: &[PartCase] = &[
        ("", "=", ("", "", ""), ("", "", "")),
        ("", "\u{e9}", ("", "", ""), ("", "", "")),
        ("", "x", ("", "", ""), ("", "", "")),
        ("", "==", ("", "", ""), ("", "", "")),
        ("a=b=c", "=", ("a", "=", "b=c"), ("a=b", "=", "c")),
        ("a=b=c", "\u{e9}", ("a=b=c", "", ""), ("", "", "a=b=c")),
        ("a=b=c", "x", ("a=b=c", "", ""), ("", "", "a=b=c")),
        ("a=b=c", "==", ("a=b=c", "", ""), ("", "", "a=b=c")),
        ("abc", "=", ("abc", "", ""), ("", "", "abc")),
        ("abc", "\u{e9}", ("abc", "", ""), ("", "", "abc")),
        ("abc", "x", ("abc", "", ""), ("", "", "abc")),
        ("abc", "==", ("abc", "", ""), ("", "", "abc")),
        ("h\u{e9}\u{e9}", "=", ("h\u{e9}\u{e9}", "", ""), ("", "", "h\u{e9}\u{e9}")),
        ("h\u{e9}\u{e9}", "\u{e9}", ("h", "\u{e9}", "\u{e9}"), ("h\u{e9}", "\u{e9}", "")),
        ("h\u{e9}\u{e9}", "x", ("h\u{e9}\u{e9}", "", ""), ("", "", "h\u{e9}\u{e9}")),
        ("h\u{e9}\u{e9}", "==", ("h\u{e9}\u{e9}", "", ""), ("", "", "h\u{e9}\u{e9}")),
        ("==", "=", ("", "=", "="), ("=", "=", "")),
        ("==", "\u{e9}", ("==", "", ""), ("", "", "==")),
        ("==", "x", ("==", "", ""), ("", "", "==")),
        ("==", "==", ("", "==", ""), ("", "==", "")),
    ];
    /// isdigit, isalpha, isalnum, isspace, isupper, islower, isdecimal, isnumeric, isidentifier, isprintable, istitle, isascii
    #[rustfmt::skip]
    static PREDICATE_CASES: &[(&str, [bool; 12])] = &[
        ("", [false, false, false, false, false, false, false, false, false, true, false, true]),
        ("abc", [false, true, true, false, false, true, false, false, true, true, false, true]),
        ("ABC", [false, true, true, false, true, false, false, false, true, true, false, true]),
        ("Abc", [false, true, true, false, false, false, false, false, true, true, true, true]),
        ("aBc", [false, true, true, false, false, false, false, false, true, true, false, true]),
        ("abc1", [false, false, true, false, false, true, false, false, true, true, false, true]),
        ("123", [true, false, true, false, false, false, true, true, false, true, false, true]),
        ("\u{661}\u{662}\u{663}", [true, false, true, false, false, false, true, true, false, true, false, false]),
        ("\u{b2}", [true, false, true, false, false, false, false, true, false, true, false, false]),
        ("\u{bd}", [false, false, true, false, false, false, false, true, false, true, false, false]),
        ("\u{4e00}\u{4e8c}", [false, true, true, false, false, false, false, true, true, true, false, false]),
        ("\u{216b}", [false, false, true, false, true, false, false, true, true, true, true, false]),
        ("   ", [false, false, false, true, false, false, false, false, false, true, false, true]),
        (" \t\n\u{1c}", [false, false, false, true, false, false, false, false, false, false, false, true]),
        ("\u{200b}", [false, false, false, false, false, false, false, false, false, false, false, false]),
        ("h\u{e9}llo", [false, true, true, false, false, true, false, false, true, true, false, false]),
        ("H\u{c9}LLO", [false, true, true, false, true, false, false, false, true, true, false, false]),
        ("Hello World", [false, false, false, false, false, false, false, false, false, true, true, true]),
        ("Hello world", [false, false, false, false, false, false, false, false, false, true, false, true]),
        ("\u{1c5}ungla", [false, true, true, false, false, false, false, false, true, true, true, false]),
        ("\u{1c5}Ungla", [false, true, true, false, false, false, false, false, true, true, false, false]),
        ("a b", [false, false, false, false, false, true, false, false, false, true, false, true]),
        ("a_b", [false, false, false, false, false, true, false, false, true, true, false, true]),
        ("_", [false, false, false, false, false, false, false, false, true, true, false, true]),
        ("_1", [false, false, false, false, false, false, false, false, true, true, false, true]),
        ("1a", [false, false, true, false, false, true, false, false, false, true, false, true]),
        ("\u{f1}ame", [false, true, true, false, false, true, false, false, true, true, false, false]),
        ("\u{915}\u{93f}", [false, false, false, false, false, false, false, false, true, true, false, false]),
        ("\u{915}", [false, true, true, false, false, false, false, false, true, true, false, false]),
        ("\u{24d0}", [false, false, false, false, false, true, false, false, false, true, false, false]),
        ("\u{1c5}", [false, true, true, false, false, false, false, false, true, true, true, false]),
        ("\u{3a3}", [false, true, true, false, true, false, false, false, true, true, true, false]),
        ("a\u{301}", [false, false, false, false, false, true, false, false, true, true, false, false]),
        ("\u{301}a", [false, false, false, false, false, true, false, false, false, true, false, false]),
        ("x\u{b2}", [false, false, true, false, false, true, false, false, false, true, false, false]),
        ("def", [false, true, true, false, false, true, false, false, true, true, false, true]),
        ("\u{a0}", [false, false, false, true, false, false, false, false, false, false, false, false]),
        ("ab\u{7f}", [false, false, false, false, false, true, false, false, false, false, false, true]),
        ("a\u{ad}", [false, false, false, false, false, true, false, false, false, false, false, false]),
        ("\u{ab70}", [false, true, true, false, false, true, false, false, true, true, false, false]),
        ("\u{13f8}", [false, true, true, false, false, true, false, false, true, true, false, false]),
        ("\u{2118}", [false, false, false, false, false, false, false, false, true, true, false, false]),
        ("\u{b7}a", [false, false, false, false, false, true, false, false, false, true, false, false]),
        ("a\u{b7}", [false, false, false, false, false, true, false, false, true, true, false, false]),
        ("\u{1d7ce}", [true, false, true, false, false, false, true, true, false, true, false, false]),
        ("\u{2b0}", [false, true, true, false, false, true, false, false, true, true, false, false]),
        ("\u{aa}", [false, true, true, false, false, true, false, false, true, true, false, false]),
        ("\u{2160}", [false, false, true, false, true, false, false, true, true, true, true, false]),
        ("A1", [false, false, true, false, true, false, false, false, true, true, true, true]),
        ("1A", [false, false, true, false, true, false, false, false, false, true, true, true]),
        ("They're", [false, false, false, false, false, false, false, false, false, true, false, true]),
        ("Don'T", [false, false, false, false, false, false, false, false, false, true, true, true]),
        ("\u{391}\u{392}\u{393}", [false, true, true, false, true, false, false, false, true, true, false, false]),
        ("\u{3a9}mega", [false, true, true, false, false, false, false, false, true, true, true, false]),
        ("\u{e33}", [false, true, true, false, false, false, false, false, false, true, false, false]),
        ("\u{e35}", [false, false, false, false, false, false, false, false, false, true, false, false]),
    ];
    #[rustfmt::skip]
    static SLICE_CASES: &[(&str, i64, i64, i64, &str)] = &[
        ("", 0, 0, 1, ""),
        ("", 0, 0, 1, ""),
        ("", -1, -1, -1, ""),
        ("", 0, 0, 2, ""),
        ("", -1, -1, -2, ""),
        ("", -1, -1, -1, ""),
        ("", 0, 0, 3, ""),
        ("", 0, 0, 1, ""),
        ("", 0, 0, 1, ""),
        ("", 0, 0, 7, ""),
        ("", -1, -1, -3, ""),
        ("abcdef", 0, 6, 1, "abcdef"),
        ("abcdef", 1, 4, 1, "bcd"),
        ("abcdef", 5, -1, -1, "fedcba"),
        ("abcdef", 0, 6, 2, "ace"),
        ("abcdef", 5, 0, -2, "fdb"),
        ("abcdef", 5, 1, -1, "fedc"),
        ("abcdef", 1, 6, 3, "be"),
        ("abcdef", 0, 6, 1, "abcdef"),
        ("abcdef", 4, 2, 1, ""),
        ("abcdef", 0, 6, 7, "a"),
        ("abcdef", 5, -1, -3, "fc"),
        ("h\u{e9}llo w\u{f6}rld", 0, 11, 1, "h\u{e9}llo w\u{f6}rld"),
        ("h\u{e9}llo w\u{f6}rld", 1, 4, 1, "\u{e9}ll"),
        ("h\u{e9}llo w\u{f6}rld", 10, -1, -1, "dlr\u{f6}w oll\u{e9}h"),
        ("h\u{e9}llo w\u{f6}rld", 0, 11, 2, "hlowrd"),
        ("h\u{e9}llo w\u{f6}rld", 10, 0, -2, "drwol"),
        ("h\u{e9}llo w\u{f6}rld", 5, 1, -1, " oll"),
        ("h\u{e9}llo w\u{f6}rld", 1, 11, 3, "\u{e9}o\u{f6}d"),
        ("h\u{e9}llo w\u{f6}rld", 0, 11, 1, "h\u{e9}llo w\u{f6}rld"),
        ("h\u{e9}llo w\u{f6}rld", 4, 2, 1, ""),
        ("h\u{e9}llo w\u{f6}rld", 0, 11, 7, "h\u{f6}"),
        ("h\u{e9}llo w\u{f6}rld", 10, -1, -3, "d\u{f6}o\u{e9}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 0, 7, 1, "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 1, 4, 1, "\u{672c}\u{8a9e}\u{30c6}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 6, -1, -1, "\u{30c8}\u{30b9}\u{30ad}\u{30c6}\u{8a9e}\u{672c}\u{65e5}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 0, 7, 2, "\u{65e5}\u{8a9e}\u{30ad}\u{30c8}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 6, 0, -2, "\u{30c8}\u{30ad}\u{8a9e}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 5, 1, -1, "\u{30b9}\u{30ad}\u{30c6}\u{8a9e}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 1, 7, 3, "\u{672c}\u{30ad}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 0, 7, 1, "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 4, 2, 1, ""),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 0, 7, 7, "\u{65e5}"),
        ("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}", 6, -1, -3, "\u{30c8}\u{30c6}\u{65e5}"),
    ];
}
