//! Pure `str` method implementations with Python semantics.
//!
//! All indices are CHARACTER indices (Python's), not byte offsets.  ASCII
//! strings take O(1) index paths.  Character classes follow CPython 3.11
//! (Unicode 14): the few tables below were generated from CPython's
//! `unicodedata` as differences against the standard library's Unicode
//! properties.

use super::strfmt::{decimal_value, is_grapheme_extend, is_printable_char, is_py_space, FmtError, MAX_WIDTH};

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
    let chars: Vec<char> = s.chars().collect();
    let len = chars.len() as i64;
    let mut out = String::new();
    let mut i = start;
    loop {
        let in_range = if step > 0 { i < stop } else { i > stop };
        if !in_range || i < 0 || i >= len {
            break;
        }
        out.push(chars[i as usize]);
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
    let limit = if count < 0 { usize::MAX } else { count as usize };
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
        let worst = max_matches.checked_mul(grow).and_then(|x| x.checked_add(s.len()));
        if worst.is_none_or(|w| w > MAX_WIDTH) {
            let n = s.matches(old).take(limit).count();
            n.checked_mul(grow)
                .and_then(|x| x.checked_add(s.len()))
                .filter(|&t| t <= MAX_WIDTH)
                .ok_or_else(|| too_long("replace string"))?;
        }
    }
    Ok(if count < 0 { s.replace(old, new) } else { s.replacen(old, new, limit) })
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
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f')
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
            Ok(s.splitn(n, sep).collect())
        }
        None => {
            let mut out = Vec::new();
            let idx: Vec<(usize, char)> = s.char_indices().collect();
            let n = idx.len();
            let byte_at = |k: usize| idx.get(k).map_or(s.len(), |&(b, _)| b);
            let mut i = 0usize;
            while maxcount > 0 {
                while i < n && is_ws(idx[i].1) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                i += 1;
                while i < n && !is_ws(idx[i].1) {
                    i += 1;
                }
                out.push(&s[byte_at(j)..byte_at(i)]);
                maxcount -= 1;
            }
            if i < n {
                while i < n && is_ws(idx[i].1) {
                    i += 1;
                }
                if i != n {
                    out.push(&s[byte_at(i)..]);
                }
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
            let mut out = Vec::new();
            let idx: Vec<(usize, char)> = s.char_indices().collect();
            let byte_at = |k: usize| idx.get(k).map_or(s.len(), |&(b, _)| b);
            // i is "one past" the current position (CPython's i + 1).
            let mut i = idx.len();
            while maxcount > 0 {
                while i > 0 && is_ws(idx[i - 1].1) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                i -= 1;
                while i > 0 && !is_ws(idx[i - 1].1) {
                    i -= 1;
                }
                out.push(&s[byte_at(i)..byte_at(j)]);
                maxcount -= 1;
            }
            if i > 0 {
                while i > 0 && is_ws(idx[i - 1].1) {
                    i -= 1;
                }
                if i > 0 {
                    out.push(&s[..byte_at(i)]);
                }
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
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
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
        Lowerer { sigmas: sigma_decisions(s), next_sigma: 0 }
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
            out.push(if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() });
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
                let m = if cp < 0xAB70 { cp - 8 } else { cp - 0xAB70 + 0x13A0 };
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
        || matches!(cp, 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F);
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
static ALPHA_EXCL: &[(u32, u32)] = &[
    (0x0903, 0x0903), (0x093B, 0x093B), (0x093E, 0x094F), (0x0982, 0x0983),
    (0x09BF, 0x09CC), (0x0A03, 0x0A03), (0x0A3E, 0x0A40), (0x0A83, 0x0A83),
    (0x0ABE, 0x0ACC), (0x0B02, 0x0B03), (0x0B40, 0x0B4C), (0x0BBF, 0x0BCC),
    (0x0C01, 0x0C03), (0x0C41, 0x0C44), (0x0C82, 0x0C83), (0x0CBE, 0x0CC4),
    (0x0D02, 0x0D03), (0x0D3F, 0x0D4C), (0x0D82, 0x0D83), (0x0DD0, 0x0DF3),
    (0x0F7F, 0x0F7F), (0x102B, 0x103C), (0x1056, 0x1057), (0x1062, 0x1064),
    (0x1067, 0x106D), (0x1083, 0x108C), (0x108F, 0x109C), (0x17B6, 0x17C8),
    (0x1923, 0x1938), (0x1A19, 0x1A1A), (0x1A55, 0x1A72), (0x1B04, 0x1B04),
    (0x1B3E, 0x1B41), (0x1B82, 0x1B82), (0x1BA1, 0x1BA7), (0x1BE7, 0x1BEE),
    (0x1C24, 0x1C35), (0x24B6, 0x24E9), (0xA823, 0xA827), (0xA880, 0xA881),
    (0xA8B4, 0xA8C3), (0xA952, 0xA952), (0xA983, 0xA983), (0xA9B4, 0xA9BF),
    (0xAA2F, 0xAA34), (0xAA4D, 0xAA4D), (0xAA7B, 0xAA7D), (0xAAEB, 0xAAEF),
    (0xAAF5, 0xAAF5), (0xABE3, 0xABEA), (0x11000, 0x11002), (0x11082, 0x11082),
    (0x110B0, 0x110B8), (0x1112C, 0x1112C), (0x11145, 0x11146), (0x11182, 0x11182),
    (0x111B3, 0x111BF), (0x111CE, 0x111CE), (0x1122C, 0x11233), (0x112E0, 0x11303),
    (0x1133F, 0x1134C), (0x11362, 0x11363), (0x11435, 0x11445), (0x114B1, 0x114C1),
    (0x115B0, 0x115BE), (0x11630, 0x1163E), (0x116AC, 0x116AF), (0x1171E, 0x11726),
    (0x1182C, 0x11838), (0x11931, 0x11938), (0x11940, 0x11940), (0x11942, 0x11942),
    (0x119D1, 0x119DF), (0x119E4, 0x119E4), (0x11A39, 0x11A39), (0x11A57, 0x11A58),
    (0x11A97, 0x11A97), (0x11C2F, 0x11C3E), (0x11CA9, 0x11CB4), (0x11D8A, 0x11D96),
    (0x11EF5, 0x11EF6), (0x16F51, 0x16F87), (0x1F130, 0x1F189),
];

static ID_START_FLIP: &[(u32, u32)] = &[
    (0x037A, 0x037A), (0x0E33, 0x0E33), (0x0EB3, 0x0EB3), (0x1885, 0x1886),
    (0x2118, 0x2118), (0x212E, 0x212E), (0x2E2F, 0x2E2F), (0xFC5E, 0xFC63),
    (0xFDFA, 0xFDFB), (0xFE70, 0xFE70), (0xFE72, 0xFE72), (0xFE74, 0xFE74),
    (0xFE76, 0xFE76), (0xFE78, 0xFE78), (0xFE7A, 0xFE7A), (0xFE7C, 0xFE7C),
    (0xFE7E, 0xFE7E),
];

static ID_CONT_FLIP: &[(u32, u32)] = &[
    (0x00B7, 0x00B7), (0x037A, 0x037A), (0x0387, 0x0387), (0x0488, 0x0489),
    (0x0F3E, 0x0F3F), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x1ABE, 0x1ABE),
    (0x1CE1, 0x1CE1), (0x1CF7, 0x1CF7), (0x20DD, 0x20E0), (0x20E2, 0x20E4),
    (0x24B6, 0x24E9), (0x2E2F, 0x2E2F), (0xA670, 0xA672), (0xABEC, 0xABEC),
    (0xFC5E, 0xFC63), (0xFDFA, 0xFDFB), (0xFE70, 0xFE70), (0xFE72, 0xFE72),
    (0xFE74, 0xFE74), (0xFE76, 0xFE76), (0xFE78, 0xFE78), (0xFE7A, 0xFE7A),
    (0xFE7C, 0xFE7C), (0xFE7E, 0xFE7E), (0x1F130, 0x1F149), (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
];

static DIGIT_EXTRA: &[(u32, u32)] = &[
    (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x1369, 0x1371), (0x19DA, 0x19DA),
    (0x2070, 0x2070), (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468),
    (0x2474, 0x247C), (0x2488, 0x2490), (0x24EA, 0x24EA), (0x24F5, 0x24FD),
    (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788), (0x278A, 0x2792),
    (0x10A40, 0x10A43), (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x1F100, 0x1F10A),
];

static NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0x3405, 0x3405), (0x3483, 0x3483), (0x382A, 0x382A), (0x3B4D, 0x3B4D),
    (0x4E00, 0x4E00), (0x4E03, 0x4E03), (0x4E07, 0x4E07), (0x4E09, 0x4E09),
    (0x4E5D, 0x4E5D), (0x4E8C, 0x4E8C), (0x4E94, 0x4E94), (0x4E96, 0x4E96),
    (0x4EBF, 0x4EC0), (0x4EDF, 0x4EDF), (0x4EE8, 0x4EE8), (0x4F0D, 0x4F0D),
    (0x4F70, 0x4F70), (0x5104, 0x5104), (0x5146, 0x5146), (0x5169, 0x5169),
    (0x516B, 0x516B), (0x516D, 0x516D), (0x5341, 0x5341), (0x5343, 0x5345),
    (0x534C, 0x534C), (0x53C1, 0x53C4), (0x56DB, 0x56DB), (0x58F1, 0x58F1),
    (0x58F9, 0x58F9), (0x5E7A, 0x5E7A), (0x5EFE, 0x5EFF), (0x5F0C, 0x5F0E),
    (0x5F10, 0x5F10), (0x62FE, 0x62FE), (0x634C, 0x634C), (0x67D2, 0x67D2),
    (0x6F06, 0x6F06), (0x7396, 0x7396), (0x767E, 0x767E), (0x8086, 0x8086),
    (0x842C, 0x842C), (0x8CAE, 0x8CAE), (0x8CB3, 0x8CB3), (0x8D30, 0x8D30),
    (0x9621, 0x9621), (0x9646, 0x9646), (0x964C, 0x964C), (0x9678, 0x9678),
    (0x96F6, 0x96F6), (0xF96B, 0xF96B), (0xF973, 0xF973), (0xF978, 0xF978),
    (0xF9B2, 0xF9B2), (0xF9D1, 0xF9D1), (0xF9D3, 0xF9D3), (0xF9FD, 0xF9FD),
    (0x20001, 0x20001), (0x20064, 0x20064), (0x200E2, 0x200E2), (0x20121, 0x20121),
    (0x2092A, 0x2092A), (0x20983, 0x20983), (0x2098C, 0x2098C), (0x2099C, 0x2099C),
    (0x20AEA, 0x20AEA), (0x20AFD, 0x20AFD), (0x20B19, 0x20B19), (0x22390, 0x22390),
    (0x22998, 0x22998), (0x23B1B, 0x23B1B), (0x2626D, 0x2626D), (0x2F890, 0x2F890),
];

static TITLE_SPECIAL: &[(u32, &str)] = &[
    (0x00DF, "\u{53}\u{73}"), (0x01C4, "\u{1c5}"), (0x01C5, "\u{1c5}"), (0x01C6, "\u{1c5}"),
    (0x01C7, "\u{1c8}"), (0x01C8, "\u{1c8}"), (0x01C9, "\u{1c8}"), (0x01CA, "\u{1cb}"),
    (0x01CB, "\u{1cb}"), (0x01CC, "\u{1cb}"), (0x01F1, "\u{1f2}"), (0x01F2, "\u{1f2}"),
    (0x01F3, "\u{1f2}"), (0x0587, "\u{535}\u{582}"), (0x10D0, "\u{10d0}"), (0x10D1, "\u{10d1}"),
    (0x10D2, "\u{10d2}"), (0x10D3, "\u{10d3}"), (0x10D4, "\u{10d4}"), (0x10D5, "\u{10d5}"),
    (0x10D6, "\u{10d6}"), (0x10D7, "\u{10d7}"), (0x10D8, "\u{10d8}"), (0x10D9, "\u{10d9}"),
    (0x10DA, "\u{10da}"), (0x10DB, "\u{10db}"), (0x10DC, "\u{10dc}"), (0x10DD, "\u{10dd}"),
    (0x10DE, "\u{10de}"), (0x10DF, "\u{10df}"), (0x10E0, "\u{10e0}"), (0x10E1, "\u{10e1}"),
    (0x10E2, "\u{10e2}"), (0x10E3, "\u{10e3}"), (0x10E4, "\u{10e4}"), (0x10E5, "\u{10e5}"),
    (0x10E6, "\u{10e6}"), (0x10E7, "\u{10e7}"), (0x10E8, "\u{10e8}"), (0x10E9, "\u{10e9}"),
    (0x10EA, "\u{10ea}"), (0x10EB, "\u{10eb}"), (0x10EC, "\u{10ec}"), (0x10ED, "\u{10ed}"),
    (0x10EE, "\u{10ee}"), (0x10EF, "\u{10ef}"), (0x10F0, "\u{10f0}"), (0x10F1, "\u{10f1}"),
    (0x10F2, "\u{10f2}"), (0x10F3, "\u{10f3}"), (0x10F4, "\u{10f4}"), (0x10F5, "\u{10f5}"),
    (0x10F6, "\u{10f6}"), (0x10F7, "\u{10f7}"), (0x10F8, "\u{10f8}"), (0x10F9, "\u{10f9}"),
    (0x10FA, "\u{10fa}"), (0x10FD, "\u{10fd}"), (0x10FE, "\u{10fe}"), (0x10FF, "\u{10ff}"),
    (0x1F80, "\u{1f88}"), (0x1F81, "\u{1f89}"), (0x1F82, "\u{1f8a}"), (0x1F83, "\u{1f8b}"),
    (0x1F84, "\u{1f8c}"), (0x1F85, "\u{1f8d}"), (0x1F86, "\u{1f8e}"), (0x1F87, "\u{1f8f}"),
    (0x1F88, "\u{1f88}"), (0x1F89, "\u{1f89}"), (0x1F8A, "\u{1f8a}"), (0x1F8B, "\u{1f8b}"),
    (0x1F8C, "\u{1f8c}"), (0x1F8D, "\u{1f8d}"), (0x1F8E, "\u{1f8e}"), (0x1F8F, "\u{1f8f}"),
    (0x1F90, "\u{1f98}"), (0x1F91, "\u{1f99}"), (0x1F92, "\u{1f9a}"), (0x1F93, "\u{1f9b}"),
    (0x1F94, "\u{1f9c}"), (0x1F95, "\u{1f9d}"), (0x1F96, "\u{1f9e}"), (0x1F97, "\u{1f9f}"),
    (0x1F98, "\u{1f98}"), (0x1F99, "\u{1f99}"), (0x1F9A, "\u{1f9a}"), (0x1F9B, "\u{1f9b}"),
    (0x1F9C, "\u{1f9c}"), (0x1F9D, "\u{1f9d}"), (0x1F9E, "\u{1f9e}"), (0x1F9F, "\u{1f9f}"),
    (0x1FA0, "\u{1fa8}"), (0x1FA1, "\u{1fa9}"), (0x1FA2, "\u{1faa}"), (0x1FA3, "\u{1fab}"),
    (0x1FA4, "\u{1fac}"), (0x1FA5, "\u{1fad}"), (0x1FA6, "\u{1fae}"), (0x1FA7, "\u{1faf}"),
    (0x1FA8, "\u{1fa8}"), (0x1FA9, "\u{1fa9}"), (0x1FAA, "\u{1faa}"), (0x1FAB, "\u{1fab}"),
    (0x1FAC, "\u{1fac}"), (0x1FAD, "\u{1fad}"), (0x1FAE, "\u{1fae}"), (0x1FAF, "\u{1faf}"),
    (0x1FB2, "\u{1fba}\u{345}"), (0x1FB3, "\u{1fbc}"), (0x1FB4, "\u{386}\u{345}"), (0x1FB7, "\u{391}\u{342}\u{345}"),
    (0x1FBC, "\u{1fbc}"), (0x1FC2, "\u{1fca}\u{345}"), (0x1FC3, "\u{1fcc}"), (0x1FC4, "\u{389}\u{345}"),
    (0x1FC7, "\u{397}\u{342}\u{345}"), (0x1FCC, "\u{1fcc}"), (0x1FF2, "\u{1ffa}\u{345}"), (0x1FF3, "\u{1ffc}"),
    (0x1FF4, "\u{38f}\u{345}"), (0x1FF7, "\u{3a9}\u{342}\u{345}"), (0x1FFC, "\u{1ffc}"), (0xFB00, "\u{46}\u{66}"),
    (0xFB01, "\u{46}\u{69}"), (0xFB02, "\u{46}\u{6c}"), (0xFB03, "\u{46}\u{66}\u{69}"), (0xFB04, "\u{46}\u{66}\u{6c}"),
    (0xFB05, "\u{53}\u{74}"), (0xFB06, "\u{53}\u{74}"), (0xFB13, "\u{544}\u{576}"), (0xFB14, "\u{544}\u{565}"),
    (0xFB15, "\u{544}\u{56b}"), (0xFB16, "\u{54e}\u{576}"), (0xFB17, "\u{544}\u{56d}"),
];

