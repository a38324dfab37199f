//! The `re` module (created on first import) on the `fancy-regex` crate.
//!
//! Python patterns are translated to fancy-regex syntax first
//! ([`translate`]): `(?P=name)` backreferences, `\Z`, `$` that also matches
//! before a trailing newline (unless MULTILINE), ASCII classes under
//! `re.ASCII`, literal `{` that is not a quantifier, verbose mode, and
//! CPython's error messages for the usual malformed patterns. Positions are
//! reported in characters (code points), as CPython does, not in UTF-8 bytes.
//!
//! Empty matches in `findall`/`finditer`/`sub`/`split` follow Python 3.7+:
//! an empty match may directly follow a non-empty one; after an empty match
//! the next one must not be empty at the same position (we then search
//! again one character further, which differs from CPython only for
//! patterns that could match both empty and non-empty text at that spot
//! with the empty alternative preferred).
//!
//! Compiled regexes are cached (immutable Rust data, no Python objects) in
//! a bounded per-thread cache keyed by pattern and flags; a VM runs on one
//! thread at a time, so each VM sees a cache that only holds compiled code.
//! bytes patterns run in fancy-regex's ASCII bytes mode (classes ASCII-only,
//! positions in bytes), as CPython's bytes patterns do.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use fancy_regex::{Regex, RegexBuilder, RegexInput};

use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::heap::{NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

pub const F_TEMPLATE: i64 = 1;
pub const F_IGNORECASE: i64 = 2;
pub const F_LOCALE: i64 = 4;
pub const F_MULTILINE: i64 = 8;
pub const F_DOTALL: i64 = 16;
pub const F_UNICODE: i64 = 32;
pub const F_VERBOSE: i64 = 64;
pub const F_DEBUG: i64 = 128;
pub const F_ASCII: i64 = 256;

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("re".into(), make);
}

// ====================================================================== translation

/// A pattern error: CPython's message and the position (in characters).
#[derive(Debug)]
pub struct PatError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn perr<T>(msg: impl Into<String>, pos: usize) -> Result<T, PatError> {
    Err(PatError { msg: msg.into(), pos: Some(pos) })
}

/// The result of translating a Python pattern.
pub struct Translated {
    pub regex: String,
    /// Flags after inline global flags (`(?i)` ...) are merged in.
    pub flags: i64,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
}

const ASCII_DIGIT: &str = "0-9";
const ASCII_WORD: &str = "0-9A-Za-z_";
const ASCII_SPACE: &str = "\\t\\n\\x0B\\x0C\\r ";

fn hex_char(c: char) -> String {
    format!("\\x{{{:X}}}", c as u32)
}

/// A literal character outside a class (`bytes`: chars are byte values,
/// written as escapes when not ASCII).
fn lit(out: &mut String, c: char, bytes: bool) {
    if c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && !bytes) {
        out.push(c);
    } else {
        out.push_str(&hex_char(c));
    }
}

struct Tr<'a> {
    p: &'a [char],
    i: usize,
    flags: i64,
    out: String,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<(usize, Option<usize>, usize, bool)>,
    /// A bytes pattern (chars are byte values).
    bytes: bool,
    /// Where the last atom starts in `out`, and whether it is a lookaround.
    last_atom: (usize, bool),
}

impl Tr<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn verbose(&self) -> bool {
        self.flags & F_VERBOSE != 0
    }

    fn ascii(&self) -> bool {
        self.bytes || self.flags & F_ASCII != 0
    }

    /// Parse `n` hex digits after an escape at `start`.
    fn hex_escape(&mut self, n: usize, start: usize, which: char) -> Result<char, PatError> {
        let digits: String = self.p[self.i..].iter().take(n).collect();
        if digits.chars().count() != n || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            let shown: String = self.p[start..(self.i + digits.chars().take_while(|c| c.is_ascii_hexdigit()).count()).min(self.p.len())].iter().collect();
            let _ = which;
            return perr(format!("incomplete escape {}", shown), start);
        }
        self.i += n;
        let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None => {
                let shown: String = self.p[start..self.i].iter().collect();
                perr(format!("bad escape {}", shown), start)
            }
        }
    }

    /// An escape that denotes one character (shared by classes and the
    /// outside); `c` is the letter after the backslash at `start`.
    fn char_escape(&mut self, c: char, start: usize) -> Result<Option<char>, PatError> {
        Ok(Some(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            'x' => return self.hex_escape(2, start, 'x').map(Some),
            'u' | 'U' if self.bytes => return perr(format!("bad escape \\{}", c), start),
            'u' => return self.hex_escape(4, start, 'u').map(Some),
            'U' => return self.hex_escape(8, start, 'U').map(Some),
            _ => return Ok(None),
        }))
    }

    /// Octal escape: up to 3 octal digits starting at `self.i - 1`.
    fn octal(&mut self, first: char, start: usize) -> Result<char, PatError> {
        let mut v = first.to_digit(8).unwrap_or(0);
        let mut n = 1;
        while n < 3 {
            match self.peek().and_then(|c| c.to_digit(8)) {
                Some(d) => {
                    v = v * 8 + d;
                    self.i += 1;
                    n += 1;
                }
                None => break,
            }
        }
        if v > 0o377 {
            let shown: String = self.p[start..self.i].iter().collect();
            return perr(format!("octal escape value {} outside of range 0-0o377", shown), start);
        }
        Ok(char::from_u32(v).unwrap_or('\0'))
    }

    fn class_escape_set(&self, c: char) -> Option<String> {
        let a = self.ascii();
        Some(match c {
            'd' if a => ASCII_DIGIT.to_string(),
            'w' if a => ASCII_WORD.to_string(),
            's' if a => ASCII_SPACE.to_string(),
            'D' if a => format!("[^{}]", ASCII_DIGIT),
            'W' if a => format!("[^{}]", ASCII_WORD),
            'S' if a => format!("[^{}]", ASCII_SPACE),
            'd' => "\\d".into(),
            'w' => "\\w".into(),
            's' => "\\s\\x1C-\\x1F".into(),
            'D' => "\\D".into(),
            'W' => "\\W".into(),
            'S' => "[^\\s\\x1C-\\x1F]".into(),
            _ => return None,
        })
    }

    fn class(&mut self) -> Result<(), PatError> {
        let start = self.i - 1;
        let mut out = String::from("[");
        if self.peek() == Some('^') {
            out.push('^');
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return perr("unterminated character set", start);
            };
            self.i += 1;
            match c {
                ']' if !first => break,
                '\\' => {
                    let Some(e) = self.peek() else {
                        return perr("bad escape (end of pattern)", self.i - 1);
                    };
                    let estart = self.i - 1;
                    self.i += 1;
                    if let Some(set) = self.class_escape_set(e) {
                        out.push_str(&set);
                    } else if e == 'b' {
                        out.push_str("\\x08");
                    } else if let Some(ch) = self.char_escape(e, estart)? {
                        out.push_str(&hex_char(ch));
                    } else if e.is_ascii_digit() {
                        let ch = self.octal(e, estart)?;
                        out.push_str(&hex_char(ch));
                    } else if e.is_ascii_alphabetic() {
                        return perr(format!("bad escape \\{}", e), estart);
                    } else {
                        out.push_str(&hex_char(e));
                    }
                }
                '[' | '&' | '~' | ']' => out.push_str(&hex_char(c)),
                '-' => {
                    // A range operator between two items, else a literal.
                    let at_end = self.peek() == Some(']');
                    if first || at_end || out.ends_with('-') {
                        out.push_str("\\x{2D}");
                    } else {
                        out.push('-');
                    }
                }
                c if c.is_ascii_alphanumeric() || (!c.is_ascii() && !self.bytes) => out.push(c),
                c => out.push_str(&hex_char(c)),
            }
            first = false;
        }
        out.push(']');
        self.out.push_str(&out);
        Ok(())
    }

    /// `{m,n}` at `self.i` (just after `{`): Some((min, max)) if it is a quantifier.
    fn brace_quantifier(&self) -> Option<(String, String, usize)> {
        let mut j = self.i;
        let mut lo = String::new();
        while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
            lo.push(*c);
            j += 1;
        }
        let mut hi = lo.clone();
        if self.p.get(j) == Some(&',') {
            j += 1;
            hi.clear();
            while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
                hi.push(*c);
                j += 1;
            }
            if self.p.get(j) != Some(&'}') {
                return None;
            }
            if lo.is_empty() && hi.is_empty() {
                return None;
            }
            return Some((if lo.is_empty() { "0".into() } else { lo }, hi, j + 1));
        }
        if self.p.get(j) != Some(&'}') || lo.is_empty() {
            return None;
        }
        Some((lo, hi, j + 1))
    }

    fn group_name(&mut self, end: char, start: usize) -> Result<String, PatError> {
        let mut name = String::new();
        loop {
            match self.peek() {
                Some(c) if c == end => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
                None => {
                    let what = if end == '>' { "missing >, unterminated name" } else { "missing ), unterminated name" };
                    return perr(what, start);
                }
            }
        }
        if name.is_empty() {
            return perr("missing group name", start);
        }
        let ok = name.chars().next().map(|c| c.is_alphabetic() || c == '_').unwrap_or(false) && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ok {
            return perr(format!("bad character in group name '{}'", name), start);
        }
        Ok(name)
    }

    fn run(&mut self) -> Result<(), PatError> {
        // Whether a quantifier may follow, and whether the last item was one.
        let mut repeatable = false;
        let mut after_quant = false;
        while let Some(c) = self.peek() {
            let pos = self.i;
            self.i += 1;
            if self.verbose() {
                if c.is_whitespace() {
                    continue;
                }
                if c == '#' {
                    while let Some(d) = self.peek() {
                        self.i += 1;
                        if d == '\n' {
                            break;
                        }
                    }
                    continue;
                }
            }
            let mut quant: Option<String> = None;
            let atom_start = self.out.len();
            match c {
                '\\' => {
                    let Some(e) = self.peek() else {
                        return perr("bad escape (end of pattern)", pos);
                    };
                    self.i += 1;
                    repeatable = true;
                    if let Some(set) = self.class_escape_set(e) {
                        if set.starts_with('[') || set.starts_with('\\') && set.len() == 2 {
                            self.out.push_str(&set);
                        } else {
                            self.out.push('[');
                            self.out.push_str(&set);
                            self.out.push(']');
                        }
                    } else {
                        match e {
                            'A' => {
                                self.out.push_str("\\A");
                                repeatable = false;
                            }
                            'Z' => {
                                self.out.push_str("\\z");
                                repeatable = false;
                            }
                            'b' | 'B' => {
                                if self.ascii() {
                                    let w = "[0-9A-Za-z_]";
                                    if e == 'b' {
                                        self.out.push_str(&format!("(?:(?<={w})(?!{w})|(?<!{w})(?={w}))"));
                                    } else {
                                        self.out.push_str(&format!("(?:(?<={w})(?={w})|(?<!{w})(?!{w}))"));
                                    }
                                } else {
                                    self.out.push('\\');
                                    self.out.push(e);
                                }
                                repeatable = false;
                            }
                            '0' => {
                                let ch = self.octal('0', pos)?;
                                lit(&mut self.out, ch, self.bytes);
                            }
                            '1'..='9' => {
                                // Octal if three octal digits, else a group reference.
                                let d2 = self.peek();
                                let d3 = self.p.get(self.i + 1).copied();
                                let is_oct = |c: Option<char>| c.map(|c| ('0'..='7').contains(&c)).unwrap_or(false);
                                if ('1'..='7').contains(&e) && is_oct(d2) && is_oct(d3) {
                                    let ch = self.octal(e, pos)?;
                                    lit(&mut self.out, ch, self.bytes);
                                } else {
                                    let mut num = e.to_digit(10).unwrap_or(0) as usize;
                                    if let Some(d) = d2.and_then(|c| c.to_digit(10)) {
                                        num = num * 10 + d as usize;
                                        self.i += 1;
                                    }
                                    if num > self.groups {
                                        return perr(format!("invalid group reference {}", num), pos + 1);
                                    }
                                    if self.open.iter().any(|(_, g, _, _)| *g == Some(num)) {
                                        return perr("cannot refer to an open group", pos);
                                    }
                                    self.out.push_str(&format!("(?:\\{})", num));
                                }
                            }
                            _ => {
                                if let Some(ch) = self.char_escape(e, pos)? {
                                    lit(&mut self.out, ch, self.bytes);
                                } else if e.is_ascii_alphabetic() {
                                    return perr(format!("bad escape \\{}", e), pos);
                                } else {
                                    lit(&mut self.out, e, self.bytes);
                                }
                            }
                        }
                    }
                }
                '[' => {
                    self.class()?;
                    repeatable = true;
                }
                '(' => {
                    repeatable = false;
                    if self.peek() != Some('?') {
                        self.groups += 1;
                        self.open.push((pos, Some(self.groups), self.out.len(), false));
                        self.out.push('(');
                        after_quant = false;
                        continue;
                    }
                    self.i += 1;
                    let Some(k) = self.peek() else {
                        return perr("unexpected end of pattern", self.i);
                    };
                    match k {
                        '#' => {
                            loop {
                                match self.peek() {
                                    Some(')') => {
                                        self.i += 1;
                                        break;
                                    }
                                    Some(_) => self.i += 1,
                                    None => return perr("missing ), unterminated comment", pos),
                                }
                            }
                            continue;
                        }
                        ':' | '=' | '!' | '>' => {
                            self.i += 1;
                            self.open.push((pos, None, self.out.len(), k == '=' || k == '!'));
                            self.out.push_str("(?");
                            self.out.push(k);
                        }
                        '<' => {
                            self.i += 1;
                            match self.peek() {
                                Some(d @ ('=' | '!')) => {
                                    self.i += 1;
                                    self.open.push((pos, None, self.out.len(), true));
                                    self.out.push_str("(?<");
                                    self.out.push(d);
                                }
                                _ => {
                                    let shown: String = self.p[pos + 1..(pos + 4).min(self.p.len())].iter().collect();
                                    return perr(format!("unknown extension {}", shown), pos + 1);
                                }
                            }
                        }
                        'P' => {
                            self.i += 1;
                            match self.peek() {
                                Some('<') => {
                                    self.i += 1;
                                    let name = self.group_name('>', pos + 4)?;
                                    if self.names.iter().any(|(n, _)| *n == name) {
                                        return perr(format!("redefinition of group name '{}' as group {}; was group {}", name, self.groups + 1, self.names.iter().find(|(n, _)| *n == name).map(|x| x.1).unwrap_or(0)), pos + 4);
                                    }
                                    self.groups += 1;
                                    self.names.push((name.clone(), self.groups));
                                    self.open.push((pos, Some(self.groups), self.out.len(), false));
                                    self.out.push_str(&format!("(?P<{}>", name));
                                }
                                Some('=') => {
                                    self.i += 1;
                                    let name = self.group_name(')', pos + 4)?;
                                    let Some(g) = self.names.iter().find(|(n, _)| *n == name).map(|x| x.1) else {
                                        return perr(format!("unknown group name '{}'", name), pos + 4);
                                    };
                                    if self.open.iter().any(|(_, o, _, _)| *o == Some(g)) {
                                        return perr("cannot refer to an open group", pos);
                                    }
                                    self.last_atom = (self.out.len(), false);
                                    self.out.push_str(&format!("(?:\\{})", g));
                                    repeatable = true;
                                    after_quant = false;
                                    continue;
                                }
                                _ => {
                                    let shown: String = self.p[pos + 1..(pos + 4).min(self.p.len())].iter().collect();
                                    return perr(format!("unknown extension {}", shown), pos + 1);
                                }
                            }
                        }
                        '(' => {
                            // Conditional: (?(id)yes|no) / (?(name)yes|no)
                            self.i += 1;
                            let name = self.group_name(')', pos + 3)?;
                            let g = match name.parse::<usize>() {
                                Ok(n) => n,
                                Err(_) => match self.names.iter().find(|(n, _)| *n == name) {
                                    Some(x) => x.1,
                                    None => return perr(format!("unknown group name '{}'", name), pos + 3),
                                },
                            };
                            self.open.push((pos, None, self.out.len(), false));
                            self.out.push_str(&format!("(?({})", g));
                        }
                        _ => {
                            // Inline flags: (?aiLmsux) or (?flags-flags:...)
                            let mut on = 0i64;
                            let mut off = 0i64;
                            let mut neg = false;
                            loop {
                                let Some(f) = self.peek() else {
                                    return perr("missing -, : or )", self.i);
                                };
                                self.i += 1;
                                let bit = match f {
                                    'a' => F_ASCII,
                                    'i' => F_IGNORECASE,
                                    'L' => F_LOCALE,
                                    'm' => F_MULTILINE,
                                    's' => F_DOTALL,
                                    'u' => F_UNICODE,
                                    'x' => F_VERBOSE,
                                    '-' if !neg => {
                                        neg = true;
                                        continue;
                                    }
                                    ')' if !neg => {
                                        if pos != 0 {
                                            return perr("global flags not at the start of the expression", pos);
                                        }
                                        self.flags |= on;
                                        break;
                                    }
                                    ':' => {
                                        let mut s = String::from("(?");
                                        for (b, ch) in [(F_IGNORECASE, 'i'), (F_DOTALL, 's')] {
                                            if on & b != 0 {
                                                s.push(ch);
                                            }
                                        }
                                        let mut negs = String::new();
                                        for (b, ch) in [(F_IGNORECASE, 'i'), (F_DOTALL, 's')] {
                                            if off & b != 0 {
                                                negs.push(ch);
                                            }
                                        }
                                        if !negs.is_empty() {
                                            s.push('-');
                                            s.push_str(&negs);
                                        }
                                        s.push(':');
                                        self.open.push((pos, None, self.out.len(), false));
                                        self.out.push_str(&s);
                                        break;
                                    }
                                    _ => {
                                        if f.is_alphabetic() {
                                            return perr("unknown flag", self.i - 1);
                                        }
                                        return perr(format!("unknown extension ?{}", k), pos + 1);
                                    }
                                };
                                if neg {
                                    off |= bit;
                                } else {
                                    on |= bit;
                                }
                            }
                            after_quant = false;
                            continue;
                        }
                    }
                }
                ')' => {
                    let Some((_, _, start, look)) = self.open.pop() else {
                        return perr("unbalanced parenthesis", pos);
                    };
                    self.out.push(')');
                    self.last_atom = (start, look);
                    repeatable = true;
                    after_quant = false;
                    continue;
                }
                '*' | '+' | '?' => quant = Some(c.to_string()),
                '{' => match self.brace_quantifier() {
                    Some((lo, hi, next)) => {
                        if !hi.is_empty() {
                            let (l, h) = (lo.parse::<u64>().unwrap_or(u64::MAX), hi.parse::<u64>().unwrap_or(u64::MAX));
                            if h < l {
                                return perr("min repeat greater than max repeat", pos + 1);
                            }
                        }
                        self.i = next;
                        quant = Some(format!("{{{},{}}}", lo, hi));
                        if hi == lo {
                            quant = Some(format!("{{{}}}", lo));
                        }
                    }
                    None => {
                        self.out.push_str("\\{");
                        repeatable = true;
                    }
                },
                '}' => {
                    self.out.push_str("\\}");
                    repeatable = true;
                }
                '|' => {
                    self.out.push('|');
                    repeatable = false;
                }
                '^' => {
                    self.out.push_str(if self.flags & F_MULTILINE != 0 { "(?m:^)" } else { "\\A" });
                    repeatable = false;
                }
                '$' => {
                    self.out.push_str(if self.flags & F_MULTILINE != 0 { "(?m:$)" } else { "(?=\\n?\\z)" });
                    repeatable = false;
                }
                '.' => {
                    self.out.push('.');
                    repeatable = true;
                }
                c => {
                    lit(&mut self.out, c, self.bytes);
                    repeatable = true;
                }
            }
            if let Some(q) = quant {
                if !repeatable {
                    return perr(if after_quant { "multiple repeat" } else { "nothing to repeat" }, pos);
                }
                let lazy_or_possessive = match self.peek() {
                    Some(m @ ('?' | '+')) => {
                        self.i += 1;
                        Some(m)
                    }
                    _ => None,
                };
                if self.last_atom.1 {
                    // A repeated lookaround: zero-width, so it is the
                    // assertion itself (min >= 1) or nothing (min 0).
                    let min_zero = q == "*" || q == "?" || q.starts_with("{0,") || q == "{0}";
                    if min_zero {
                        self.out.truncate(self.last_atom.0);
                    }
                } else {
                    self.out.push_str(&q);
                    if let Some(m) = lazy_or_possessive {
                        self.out.push(m);
                    }
                }
                repeatable = false;
                after_quant = true;
            } else {
                after_quant = false;
                if c != ')' {
                    self.last_atom = (atom_start, false);
                }
            }
        }
        if let Some((p, _, _, _)) = self.open.last() {
            return perr("missing ), unterminated subpattern", *p);
        }
        Ok(())
    }
}

/// Translate a Python pattern to fancy-regex syntax.
/// `bytes`: a bytes pattern, given with one char per byte (latin-1).
pub fn translate(pattern: &str, flags: i64, bytes: bool) -> Result<Translated, PatError> {
    let chars: Vec<char> = pattern.chars().collect();
    // Global inline flags at the start change how the rest is read.
    let mut flags = flags;
    if chars.len() > 2 && chars[0] == '(' && chars[1] == '?' {
        let mut j = 2;
        let mut f = 0;
        while let Some(c) = chars.get(j) {
            let bit = match c {
                'a' => F_ASCII,
                'i' => F_IGNORECASE,
                'L' => F_LOCALE,
                'm' => F_MULTILINE,
                's' => F_DOTALL,
                'u' => F_UNICODE,
                'x' => F_VERBOSE,
                _ => break,
            };
            f |= bit;
            j += 1;
        }
        if chars.get(j) == Some(&')') && j > 2 {
            flags |= f;
        }
    }
    if flags & F_ASCII != 0 && flags & F_UNICODE != 0 {
        return Err(PatError { msg: "ASCII and UNICODE flags are incompatible".into(), pos: None });
    }
    if bytes && flags & F_UNICODE != 0 {
        return Err(PatError { msg: "cannot use UNICODE flag with a bytes pattern".into(), pos: None });
    }
    if flags & F_LOCALE != 0 && !bytes {
        return Err(PatError { msg: "cannot use LOCALE flag with a str pattern".into(), pos: None });
    }
    let mut tr = Tr { p: &chars, i: 0, flags, out: String::new(), groups: 0, names: Vec::new(), open: Vec::new(), last_atom: (0, false), bytes };
    tr.run()?;
    let mut prefix = String::new();
    if tr.flags & (F_IGNORECASE | F_DOTALL) != 0 {
        prefix.push_str("(?");
        if tr.flags & F_IGNORECASE != 0 {
            prefix.push('i');
        }
        if tr.flags & F_DOTALL != 0 {
            prefix.push('s');
        }
        prefix.push(')');
    }
    let mut out_flags = tr.flags;
    if out_flags & F_ASCII == 0 && !bytes {
        out_flags |= F_UNICODE;
    }
    Ok(Translated { regex: format!("{}{}", prefix, tr.out), flags: out_flags, groups: tr.groups, names: tr.names })
}

// ====================================================================== compiled patterns

pub struct Compiled {
    /// The pattern (for a bytes pattern: one char per byte).
    pub source: String,
    pub bytes: bool,
    pub flags: i64,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    translated: String,
    regex: Regex,
    full: OnceLock<Option<Regex>>,
    nonempty: OnceLock<Option<Regex>>,
}

fn builder(re: &str, bytes: bool) -> RegexBuilder {
    let mut b = RegexBuilder::new(re);
    b.backtrack_limit(10_000_000);
    if bytes {
        b.bytes_mode(fancy_regex::BytesMode::Ascii);
    }
    b
}

fn build(re: &str, bytes: bool) -> Result<Regex, String> {
    builder(re, bytes).build().map_err(|e| e.to_string())
}

impl Compiled {
    /// The pattern restricted to non-empty matches (after an empty match,
    /// the next match at the same position must advance).
    fn nonempty_regex(&self) -> Option<&Regex> {
        self.nonempty
            .get_or_init(|| builder(&self.translated, self.bytes).find_not_empty(true).build().ok())
            .as_ref()
    }

    fn full_regex(&self) -> Option<&Regex> {
        self.full.get_or_init(|| build(&format!("(?:{})\\z", self.translated), self.bytes).ok()).as_ref()
    }
}

thread_local! {
    static CACHE: RefCell<HashMap<(String, i64, bool), Arc<Compiled>>> = RefCell::new(HashMap::new());
}

const MAX_CACHE: usize = 512;

/// Compile (or fetch from the cache) a Python pattern.
/// `bytes`: a bytes pattern given as one char per byte (latin-1).
pub fn compile(pattern: &str, flags: i64, bytes: bool) -> Result<Arc<Compiled>, PatError> {
    let key = (pattern.to_string(), flags, bytes);
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let t = translate(pattern, flags, bytes)?;
    let regex = build(&t.regex, bytes).map_err(|m| PatError { msg: m, pos: None })?;
    let c = Arc::new(Compiled {
        source: pattern.to_string(),
        bytes,
        flags: t.flags,
        groups: t.groups,
        names: t.names,
        translated: t.regex,
        regex,
        full: OnceLock::new(),
        nonempty: OnceLock::new(),
    });
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHE {
            cache.clear();
        }
        cache.insert(key, c.clone());
    });
    Ok(c)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Search,
    Match,
    Full,
    /// Anchored and non-empty.
    NonEmpty,
}

/// Byte spans of the groups (index 0 = the whole match).
type Spans = Vec<Option<(usize, usize)>>;

/// A haystack: str text, or the bytes of a bytes object.
#[derive(Clone, Copy)]
enum Hay<'a> {
    S(&'a str),
    B(&'a [u8]),
}

impl<'a> Hay<'a> {
    fn len(&self) -> usize {
        match self {
            Hay::S(s) => s.len(),
            Hay::B(b) => b.len(),
        }
    }

    /// The haystack cut at byte `end` (a char boundary).
    fn cut(&self, end: usize) -> Hay<'a> {
        match self {
            Hay::S(s) => Hay::S(&s[..end]),
            Hay::B(b) => Hay::B(&b[..end]),
        }
    }

    /// Bytes of the character at `pos`, if any.
    fn char_len_at(&self, pos: usize) -> Option<usize> {
        match self {
            Hay::S(s) => s[pos..].chars().next().map(|c| c.len_utf8()),
            Hay::B(b) => (pos < b.len()).then_some(1),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        match self {
            Hay::S(s) => s.as_bytes(),
            Hay::B(b) => b,
        }
    }
}

macro_rules! caps_spans {
    ($r:expr, $groups:expr) => {
        match $r {
            Ok(Some(caps)) => {
                let mut spans = Vec::with_capacity($groups + 1);
                for i in 0..=$groups {
                    spans.push(caps.get(i).map(|m| (m.start(), m.end())));
                }
                Ok(Some(spans))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    };
}

fn exec(c: &Compiled, hay: Hay, start: usize, mode: Mode) -> Result<Option<Spans>, String> {
    let re = match mode {
        Mode::Full => match c.full_regex() {
            Some(r) => r,
            None => return Err("cannot build the fullmatch pattern".into()),
        },
        Mode::NonEmpty => match c.nonempty_regex() {
            Some(r) => r,
            None => return Ok(None),
        },
        _ => &c.regex,
    };
    let anchored = mode != Mode::Search;
    match hay {
        Hay::S(h) => caps_spans!(re.captures_input(RegexInput::new(h).from_pos(start).anchored(anchored)), c.groups),
        Hay::B(h) => caps_spans!(re.captures_input(RegexInput::new(h).from_pos(start).anchored(anchored)), c.groups),
    }
}

/// Iterate the matches of `c` in `hay` from byte `start` with Python's
/// empty-match rules; `f` returns false to stop.
fn for_each_match(c: &Compiled, hay: Hay, start: usize, mut f: impl FnMut(Spans) -> Result<bool, Raised>) -> Result<Result<(), Raised>, String> {
    let mut pos = start;
    let mut last_empty_at: Option<usize> = None;
    while pos <= hay.len() {
        let found = if last_empty_at == Some(pos) {
            // After an empty match the next one must advance: a non-empty
            // match here, else a search from the next character.
            match exec(c, hay, pos, Mode::NonEmpty)? {
                Some(sp) => Some(sp),
                None => {
                    let Some(n) = hay.char_len_at(pos) else { break };
                    exec(c, hay, pos + n, Mode::Search)?
                }
            }
        } else {
            exec(c, hay, pos, Mode::Search)?
        };
        let Some(spans) = found else { break };
        let (s, e) = spans[0].unwrap_or((pos, pos));
        match f(spans) {
            Ok(true) => {}
            Ok(false) => return Ok(Ok(())),
            Err(r) => return Ok(Err(r)),
        }
        last_empty_at = if s == e { Some(e) } else { None };
        pos = e;
    }
    Ok(Ok(()))
}

/// Converts byte offsets of one string to char offsets (monotonic calls are cheap).
struct CharPos<'a> {
    s: &'a str,
    ascii: bool,
    b: usize,
    c: usize,
}

impl<'a> CharPos<'a> {
    fn new(s: &'a str, ascii: bool) -> Self {
        CharPos { s, ascii, b: 0, c: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.b {
            self.b = 0;
            self.c = 0;
        }
        self.c += self.s[self.b..byte].chars().count();
        self.b = byte;
        self.c
    }
}

fn char_to_byte(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        return ci; // callers clamp to the length; bytes subjects pass no text
    }
    s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len())
}

// ====================================================================== Python objects

struct PatternData {
    c: Arc<Compiled>,
    /// The pattern str.
    pattern: Value,
}

impl NativeData for PatternData {
    fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.push(self.pattern);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

struct MatchData {
    string: Value,
    re: Value,
    pos: usize,
    endpos: usize,
    /// Char spans of the groups.
    spans: Vec<Option<(usize, usize)>>,
    c: Arc<Compiled>,
}

impl NativeData for MatchData {
    fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.push(self.string);
        out.push(self.re);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn types(vm: &mut Vm) -> (TypeId, TypeId, TypeId) {
    if let (Some(&p), Some(&m), Some(&e)) = (vm.native_types.get("re.Pattern"), vm.native_types.get("re.Match"), vm.native_types.get("re.error")) {
        return (p, m, e);
    }
    let p = vm.new_builtin_type("Pattern", TP_OBJECT, "re");
    vm.types[p as usize].subclassable = false;
    let m = vm.new_builtin_type("Match", TP_OBJECT, "re");
    vm.types[m as usize].subclassable = false;
    let e = vm.new_builtin_type("error", TP_EXCEPTION, "re");
    vm.native_types.insert("re.Pattern", p);
    vm.native_types.insert("re.Match", m);
    vm.native_types.insert("re.error", e);
    (p, m, e)
}

fn pattern_error(vm: &mut Vm, e: PatError, pattern: &str) -> Raised {
    // Incompatible flags are a ValueError in CPython.
    if e.pos.is_none() && (e.msg.starts_with("cannot use") || e.msg.starts_with("ASCII and UNICODE")) {
        return vm.new_error(TP_VALUE_ERROR, e.msg);
    }
    let et = types(vm).2;
    let full = match e.pos {
        Some(p) => format!("{} at position {}", e.msg, p),
        None => e.msg.clone(),
    };
    let exc = vm.new_exception_obj(et, &full);
    let mv = vm.new_str(&e.msg);
    vm.attrs_set(&exc, Name::new("msg"), mv);
    let pv = vm.new_str(pattern);
    vm.attrs_set(&exc, Name::new("pattern"), pv);
    let pos = e.pos.map(|p| Value::int(p as i64)).unwrap_or(Value::NONE);
    vm.attrs_set(&exc, Name::new("pos"), pos);
    if let Some(p) = e.pos {
        let before: String = pattern.chars().take(p).collect();
        let lineno = before.matches('\n').count() + 1;
        let colno = match before.rfind('\n') {
            Some(i) => before[i + 1..].chars().count() + 1,
            None => p + 1,
        };
        vm.attrs_set(&exc, Name::new("lineno"), Value::int(lineno as i64));
        vm.attrs_set(&exc, Name::new("colno"), Value::int(colno as i64));
    } else {
        vm.attrs_set(&exc, Name::new("lineno"), Value::NONE);
        vm.attrs_set(&exc, Name::new("colno"), Value::NONE);
    }
    vm.raise(exc)
}

fn runtime_error(vm: &mut Vm, msg: String) -> Raised {
    vm.new_error(TP_RUNTIME_ERROR, format!("regular expression failed: {}", msg))
}

fn pattern_data(vm: &mut Vm, v: &Value) -> PyResult<(Arc<Compiled>, Value)> {
    if v.is_ptr() {
        if let ObjData::Native(n) = &v.obj().data {
            if let Some(p) = n.borrow().as_any().downcast_ref::<PatternData>() {
                return Ok((p.c.clone(), p.pattern));
            }
        }
    }
    let msg = format!("descriptor requires a 're.Pattern' object but received a '{}'", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn with_match<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&MatchData) -> R) -> PyResult<R> {
    if v.is_ptr() {
        if let ObjData::Native(n) = &v.obj().data {
            if let Some(m) = n.borrow().as_any().downcast_ref::<MatchData>() {
                return Ok(f(m));
            }
        }
    }
    let msg = format!("descriptor requires a 're.Match' object but received a '{}'", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn new_pattern(vm: &mut Vm, c: Arc<Compiled>) -> Value {
    let t = types(vm).0;
    let pattern = if c.bytes { vm.new_bytes(c.source.chars().map(|ch| ch as u32 as u8).collect()) } else { vm.new_str(&c.source) };
    vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(PatternData { c, pattern }))), None)
}

/// A Pattern from a pattern argument (str or Pattern) and flags.
fn get_pattern(vm: &mut Vm, p: &Value, flags: &Value) -> PyResult<Value> {
    let fl = flags_arg(vm, flags)?;
    if p.is_ptr() && vm.native_types.get("re.Pattern") == Some(&p.ty()) {
        if fl != 0 {
            return Err(vm.new_error(TP_VALUE_ERROR, "cannot process flags argument with a compiled pattern"));
        }
        return Ok(*p);
    }
    let Some((s, bytes)) = latin1_or_str(p) else {
        return Err(vm.new_error(TP_TYPE_ERROR, "first argument must be string or compiled pattern"));
    };
    match compile(&s, fl, bytes) {
        Ok(c) => Ok(new_pattern(vm, c)),
        Err(e) => Err(pattern_error(vm, e, &s)),
    }
}

fn flags_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_nil() || v.is_none() {
        return Ok(0);
    }
    crate::objects::int::index_i64(vm, v)
}

/// The subject of a search: the haystack, whether it is ASCII (char
/// offsets are byte offsets), and its length in chars (bytes for bytes).
/// No copy: the str or bytes object is an argument, so it stays alive.
struct Subj<'a> {
    hay: Hay<'a>,
    ascii: bool,
    len: usize,
}

impl<'a> Subj<'a> {
    fn text(&self) -> &'a str {
        match self.hay {
            Hay::S(s) => s,
            Hay::B(_) => "",
        }
    }

    fn char_pos(&self) -> CharPos<'a> {
        CharPos::new(self.text(), self.ascii)
    }

    /// The str or bytes between two byte offsets.
    fn piece(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        match self.hay {
            Hay::S(s) => vm.new_str(&s[a..b]),
            Hay::B(x) => vm.new_bytes(x[a..b].to_vec()),
        }
    }

    fn empty(&self, vm: &mut Vm) -> Value {
        self.piece(vm, 0, 0)
    }
}

fn subject<'a>(vm: &mut Vm, v: &'a Value, bytes: bool) -> PyResult<Subj<'a>> {
    if let Some(p) = v.pystr() {
        if bytes {
            return Err(vm.new_error(TP_TYPE_ERROR, "cannot use a bytes pattern on a string-like object"));
        }
        return Ok(Subj { hay: Hay::S(p.as_str()), ascii: p.is_ascii(), len: p.char_len() });
    }
    if let Some(b) = v.bytes() {
        if !bytes {
            return Err(vm.new_error(TP_TYPE_ERROR, "cannot use a string pattern on a bytes-like object"));
        }
        return Ok(Subj { hay: Hay::B(b), ascii: true, len: b.len() });
    }
    let msg = format!("expected string or bytes-like object, got '{}'", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// bytearray subjects are searched as a bytes copy.
fn subject_value(vm: &mut Vm, v: Value) -> Value {
    if v.ty() == TP_BYTEARRAY {
        if let Some(b) = crate::objects::bytes::bytes_data(&v) {
            let c = vm.new_bytes(b.into_owned());
            vm.keep_alive(c);
            return c;
        }
    }
    v
}

/// Normalise `pos` / `endpos` (chars) for a string of `len` chars.
fn bounds(vm: &mut Vm, pos: Option<Value>, endpos: Option<Value>, len: usize) -> PyResult<(usize, usize)> {
    let p = match pos {
        Some(v) if !v.is_none() => crate::objects::int::index_i64(vm, &v)?,
        _ => 0,
    };
    let e = match endpos {
        Some(v) if !v.is_none() => crate::objects::int::index_i64(vm, &v)?,
        _ => len as i64,
    };
    let p = p.clamp(0, len as i64) as usize;
    let e = e.clamp(0, len as i64) as usize;
    Ok((p, e))
}

#[allow(clippy::too_many_arguments)]
fn make_match(vm: &mut Vm, pat: Value, c: &Arc<Compiled>, string: Value, spans: &Spans, pos: usize, endpos: usize, cp: &mut CharPos) -> Value {
    let cs: Vec<Option<(usize, usize)>> = spans.iter().map(|sp| sp.map(|(a, b)| (cp.at(a), cp.at(b)))).collect();
    let t = types(vm).1;
    let data = MatchData { string, re: pat, pos, endpos, spans: cs, c: c.clone() };
    vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(data))), None)
}

/// match / search / fullmatch on a Pattern.
fn pattern_exec(vm: &mut Vm, pat: Value, string: Value, pos: Option<Value>, endpos: Option<Value>, mode: Mode) -> PyResult<Value> {
    let (c, _) = pattern_data(vm, &pat)?;
    let string = subject_value(vm, string);
    let sj = subject(vm, &string, c.bytes)?;
    let (p, e) = bounds(vm, pos, endpos, sj.len)?;
    if e < p {
        return Ok(Value::NONE);
    }
    let eb = char_to_byte(sj.text(), sj.ascii, e);
    let pb = char_to_byte(sj.text(), sj.ascii, p);
    match exec(&c, sj.hay.cut(eb), pb, mode) {
        Ok(Some(spans)) => {
            let mut cp = sj.char_pos();
            Ok(make_match(vm, pat, &c, string, &spans, p, e, &mut cp))
        }
        Ok(None) => Ok(Value::NONE),
        Err(m) => Err(runtime_error(vm, m)),
    }
}

/// All matches (as byte spans) of a Pattern in `s[..endpos]` from `pos`.
fn all_matches(vm: &mut Vm, c: &Compiled, sj: &Subj, pos: usize, endpos: usize, limit: usize) -> PyResult<Vec<Spans>> {
    let eb = char_to_byte(sj.text(), sj.ascii, endpos);
    let pb = char_to_byte(sj.text(), sj.ascii, pos);
    let mut out = Vec::new();
    if endpos < pos {
        return Ok(out);
    }
    let r = for_each_match(c, sj.hay.cut(eb), pb, |sp| {
        out.push(sp);
        Ok(limit == 0 || out.len() < limit)
    });
    match r {
        Ok(Ok(())) => Ok(out),
        Ok(Err(r)) => Err(r),
        Err(m) => Err(runtime_error(vm, m)),
    }
}

fn group_str(vm: &mut Vm, sj: &Subj, sp: Option<(usize, usize)>, default: Value) -> Value {
    match sp {
        Some((a, b)) => sj.piece(vm, a, b),
        None => default,
    }
}

fn findall(vm: &mut Vm, pat: Value, string: Value, pos: Option<Value>, endpos: Option<Value>) -> PyResult<Value> {
    let (c, _) = pattern_data(vm, &pat)?;
    let string = subject_value(vm, string);
    let sj = subject(vm, &string, c.bytes)?;
    let (p, e) = bounds(vm, pos, endpos, sj.len)?;
    let ms = all_matches(vm, &c, &sj, p, e, 0)?;
    let empty = sj.empty(vm);
    let mut items = Vec::with_capacity(ms.len());
    for sp in ms {
        let v = match c.groups {
            0 => group_str(vm, &sj, sp[0], empty),
            1 => group_str(vm, &sj, sp[1], empty),
            n => {
                let parts: Vec<Value> = (1..=n).map(|i| group_str(vm, &sj, sp[i], empty)).collect();
                vm.new_tuple(parts)
            }
        };
        items.push(v);
    }
    Ok(vm.new_list(items))
}

fn finditer(vm: &mut Vm, pat: Value, string: Value, pos: Option<Value>, endpos: Option<Value>) -> PyResult<Value> {
    let (c, _) = pattern_data(vm, &pat)?;
    let string = subject_value(vm, string);
    let sj = subject(vm, &string, c.bytes)?;
    let (p, e) = bounds(vm, pos, endpos, sj.len)?;
    let ms = all_matches(vm, &c, &sj, p, e, 0)?;
    let mut cp = sj.char_pos();
    let items: Vec<Value> = ms.iter().map(|sp| make_match(vm, pat, &c, string, sp, p, e, &mut cp)).collect();
    let l = vm.new_list(items);
    vm.iter(&l)
}

/// A parsed replacement template.
enum Piece {
    Lit(String),
    Group(usize),
}

fn parse_template(vm: &mut Vm, c: &Compiled, t: &str) -> PyResult<Vec<Piece>> {
    let chars: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut lit_buf = String::new();
    let mut i = 0;
    let bad = |vm: &mut Vm, msg: String, pos: Option<usize>| -> Raised { pattern_error(vm, PatError { msg, pos }, t) };
    while i < chars.len() {
        let ch = chars[i];
        if ch != '\\' {
            lit_buf.push(ch);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = chars.get(i) else {
            return Err(bad(vm, "bad escape (end of pattern)".into(), Some(start)));
        };
        i += 1;
        let mut group: Option<usize> = None;
        match e {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(bad(vm, "missing <".into(), Some(i)));
                }
                let name_start = i + 1;
                let Some(close) = chars[name_start..].iter().position(|&c| c == '>') else {
                    return Err(bad(vm, "missing >, unterminated name".into(), Some(name_start)));
                };
                let name: String = chars[name_start..name_start + close].iter().collect();
                i = name_start + close + 1;
                if name.is_empty() {
                    return Err(bad(vm, "missing group name".into(), Some(name_start)));
                }
                if let Ok(n) = name.parse::<usize>() {
                    if n > c.groups {
                        return Err(bad(vm, format!("invalid group reference {}", n), Some(name_start)));
                    }
                    group = Some(n);
                } else if name.chars().all(|c| c.is_ascii_digit()) {
                    return Err(bad(vm, format!("invalid group reference {}", name), Some(name_start)));
                } else {
                    match c.names.iter().find(|(n, _)| *n == name) {
                        Some(x) => group = Some(x.1),
                        None => {
                            let ok = name.chars().next().map(|c| c.is_alphabetic() || c == '_').unwrap_or(false) && name.chars().all(|c| c.is_alphanumeric() || c == '_');
                            if !ok {
                                return Err(bad(vm, format!("bad character in group name '{}'", name), Some(name_start)));
                            }
                            return Err(vm.new_error(TP_INDEX_ERROR, format!("unknown group name '{}'", name)));
                        }
                    }
                }
            }
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 {
                    match chars.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                lit_buf.push(char::from_u32(v).unwrap_or('\0'));
            }
            '1'..='9' => {
                let d2 = chars.get(i).copied();
                let d3 = chars.get(i + 1).copied();
                let is_oct = |c: Option<char>| c.map(|c| ('0'..='7').contains(&c)).unwrap_or(false);
                if ('1'..='7').contains(&e) && is_oct(d2) && is_oct(d3) {
                    let v = e.to_digit(8).unwrap_or(0) * 64 + d2.and_then(|c| c.to_digit(8)).unwrap_or(0) * 8 + d3.and_then(|c| c.to_digit(8)).unwrap_or(0);
                    if v > 0o377 {
                        return Err(bad(vm, format!("octal escape value \\{}{}{} outside of range 0-0o377", e, d2.unwrap_or('0'), d3.unwrap_or('0')), Some(start)));
                    }
                    i += 2;
                    lit_buf.push(char::from_u32(v).unwrap_or('\0'));
                } else {
                    let mut num = e.to_digit(10).unwrap_or(0) as usize;
                    if let Some(d) = d2.and_then(|c| c.to_digit(10)) {
                        num = num * 10 + d as usize;
                        i += 1;
                    }
                    if num > c.groups {
                        return Err(bad(vm, format!("invalid group reference {}", num), Some(start + 1)));
                    }
                    group = Some(num);
                }
            }
            'n' => lit_buf.push('\n'),
            't' => lit_buf.push('\t'),
            'r' => lit_buf.push('\r'),
            'f' => lit_buf.push('\x0c'),
            'v' => lit_buf.push('\x0b'),
            'a' => lit_buf.push('\x07'),
            'b' => lit_buf.push('\x08'),
            '\\' => lit_buf.push('\\'),
            e if e.is_ascii_alphabetic() => {
                return Err(bad(vm, format!("bad escape \\{}", e), Some(start)));
            }
            e => {
                lit_buf.push('\\');
                lit_buf.push(e);
            }
        }
        if let Some(g) = group {
            if !lit_buf.is_empty() {
                out.push(Piece::Lit(std::mem::take(&mut lit_buf)));
            }
            out.push(Piece::Group(g));
        }
    }
    if !lit_buf.is_empty() {
        out.push(Piece::Lit(lit_buf));
    }
    Ok(out)
}

/// Append the expansion of a template; `bytes`: the template's chars are byte values.
fn expand_template(pieces: &[Piece], raw: &[u8], spans: &Spans, out: &mut Vec<u8>, bytes: bool) {
    for p in pieces {
        match p {
            Piece::Lit(l) if bytes => out.extend(l.chars().map(|c| c as u32 as u8)),
            Piece::Lit(l) => out.extend_from_slice(l.as_bytes()),
            Piece::Group(g) => {
                if let Some(Some((a, b))) = spans.get(*g) {
                    out.extend_from_slice(&raw[*a..*b]);
                }
            }
        }
    }
}

/// Text of a str, or the bytes of a bytes object as one char per byte.
fn latin1_or_str(v: &Value) -> Option<(String, bool)> {
    if let Some(s) = v.as_str() {
        return Some((s.to_string(), false));
    }
    v.bytes().map(|b| (b.iter().map(|&x| x as char).collect(), true))
}

/// The result of a substitution as str or bytes.
fn finish_text(vm: &mut Vm, out: Vec<u8>, bytes: bool) -> Value {
    if bytes {
        vm.new_bytes(out)
    } else {
        vm.new_string(String::from_utf8(out).unwrap_or_default())
    }
}

/// `sub` / `subn`: returns (new string, count).
fn subn(vm: &mut Vm, pat: Value, repl: Value, string: Value, count: Option<Value>) -> PyResult<(Value, usize)> {
    let (c, _) = pattern_data(vm, &pat)?;
    let string = subject_value(vm, string);
    let sj = subject(vm, &string, c.bytes)?;
    let count = match count {
        Some(v) if !v.is_none() => crate::objects::int::index_i64(vm, &v)?.max(0) as usize,
        _ => 0,
    };
    let ms = all_matches(vm, &c, &sj, 0, sj.len, count)?;
    let template = match latin1_or_str(&repl) {
        Some((_, is_b)) if is_b != c.bytes => {
            let msg = if c.bytes { "sequence item 0: expected a bytes-like object, str found" } else { "sequence item 0: expected str instance, bytes found" };
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        Some((t, _)) if !t.contains('\\') => Some(vec![Piece::Lit(t)]),
        Some((t, _)) => Some(parse_template(vm, &c, &t)?),
        None => None,
    };
    let raw = sj.hay.bytes();
    let mut out: Vec<u8> = Vec::with_capacity(raw.len());
    let mut last = 0;
    let mut cp = sj.char_pos();
    let n = ms.len();
    for sp in &ms {
        let (a, b) = sp[0].unwrap_or((last, last));
        out.extend_from_slice(&raw[last..a]);
        match &template {
            Some(t) => expand_template(t, raw, sp, &mut out, c.bytes),
            None => {
                let m = make_match(vm, pat, &c, string, sp, 0, sj.len, &mut cp);
                vm.keep_alive(m);
                let r = vm.call(&repl, &[m])?;
                match (r.as_str(), r.bytes()) {
                    (Some(x), _) if !c.bytes => out.extend_from_slice(x.as_bytes()),
                    (_, Some(x)) if c.bytes => out.extend_from_slice(x),
                    _ => {
                        let msg = if c.bytes {
                            format!("expected a bytes-like object, {} found", vm.type_name(&r))
                        } else {
                            format!("expected str instance, {} found", vm.type_name(&r))
                        };
                        return Err(vm.new_error(TP_TYPE_ERROR, msg));
                    }
                }
            }
        }
        last = b;
    }
    out.extend_from_slice(&raw[last..]);
    Ok((finish_text(vm, out, c.bytes), n))
}

fn split(vm: &mut Vm, pat: Value, string: Value, maxsplit: Option<Value>) -> PyResult<Value> {
    let (c, _) = pattern_data(vm, &pat)?;
    let string = subject_value(vm, string);
    let sj = subject(vm, &string, c.bytes)?;
    let maxsplit = match maxsplit {
        Some(v) if !v.is_none() => crate::objects::int::index_i64(vm, &v)?,
        _ => 0,
    };
    let total = sj.hay.len();
    if maxsplit < 0 {
        let v = sj.piece(vm, 0, total);
        return Ok(vm.new_list(vec![v]));
    }
    let ms = all_matches(vm, &c, &sj, 0, sj.len, maxsplit as usize)?;
    let mut items = Vec::new();
    let mut last = 0;
    for sp in &ms {
        let (a, b) = sp[0].unwrap_or((last, last));
        items.push(sj.piece(vm, last, a));
        for g in sp.iter().skip(1) {
            let v = group_str(vm, &sj, *g, Value::NONE);
            items.push(v);
        }
        last = b;
    }
    items.push(sj.piece(vm, last, total));
    Ok(vm.new_list(items))
}

/// `re.escape(pattern)`
fn escape(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    const SPECIAL: &str = "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    if let Some(s) = a[0].as_str() {
        let mut out = String::with_capacity(s.len() * 2);
        for ch in s.chars() {
            if SPECIAL.contains(ch) {
                out.push('\\');
            }
            out.push(ch);
        }
        return Ok(vm.new_string(out));
    }
    if let Some(b) = a[0].bytes() {
        let mut out = Vec::with_capacity(b.len() * 2);
        for &ch in b {
            if ch.is_ascii() && SPECIAL.contains(ch as char) {
                out.push(b'\\');
            }
            out.push(ch);
        }
        return Ok(vm.new_bytes(out));
    }
    let msg = format!("expected str or bytes, not {}", vm.type_name(&a[0]));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

// ====================================================================== module

/// Bind arguments: names[i] for each slot; the first `npos` may be positional.
fn args(vm: &mut Vm, fname: &str, a: &[Value], kw: &[(Name, Value)], names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let p = crate::objects::int::bind_params(vm, fname, a, kw, names, names.len())?;
    for i in 0..required {
        if p[i].is_none() {
            let msg = format!("{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    Ok(p)
}

fn v(o: Option<Value>) -> Value {
    o.unwrap_or(Value::NONE)
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("re");
    let (pt, mt, et) = types(vm);
    for (name, t) in [("Pattern", pt), ("Match", mt), ("error", et)] {
        let o = vm.types[t as usize].obj;
        vm.module_set(&m, name, o);
    }
    for (names, val) in [
        (&["I", "IGNORECASE"][..], F_IGNORECASE),
        (&["L", "LOCALE"][..], F_LOCALE),
        (&["M", "MULTILINE"][..], F_MULTILINE),
        (&["S", "DOTALL"][..], F_DOTALL),
        (&["U", "UNICODE"][..], F_UNICODE),
        (&["X", "VERBOSE"][..], F_VERBOSE),
        (&["A", "ASCII"][..], F_ASCII),
        (&["T", "TEMPLATE"][..], F_TEMPLATE),
        (&["DEBUG"][..], F_DEBUG),
        (&["NOFLAG"][..], 0),
    ] {
        for n in names {
            vm.module_set(&m, n, Value::int(val));
        }
    }
    vm.module_fn_kw(&m, "compile", |vm, a, kw| {
        let p = args(vm, "compile", a, kw, &["pattern", "flags"], 1)?;
        get_pattern(vm, &v(p[0]), &v(p[1]))
    });
    vm.module_fn(&m, "purge", 0, |_, _| {
        CACHE.with(|c| c.borrow_mut().clear());
        Ok(Value::NONE)
    });
    vm.module_fn(&m, "escape", 1, escape);
    vm.module_fn_kw(&m, "match", |vm, a, kw| module_exec(vm, a, kw, Mode::Match, "match"));
    vm.module_fn_kw(&m, "search", |vm, a, kw| module_exec(vm, a, kw, Mode::Search, "search"));
    vm.module_fn_kw(&m, "fullmatch", |vm, a, kw| module_exec(vm, a, kw, Mode::Full, "fullmatch"));
    vm.module_fn_kw(&m, "findall", |vm, a, kw| {
        let p = args(vm, "findall", a, kw, &["pattern", "string", "flags"], 2)?;
        let pat = get_pattern(vm, &v(p[0]), &v(p[2]))?;
        vm.keep_alive(pat);
        findall(vm, pat, v(p[1]), None, None)
    });
    vm.module_fn_kw(&m, "finditer", |vm, a, kw| {
        let p = args(vm, "finditer", a, kw, &["pattern", "string", "flags"], 2)?;
        let pat = get_pattern(vm, &v(p[0]), &v(p[2]))?;
        vm.keep_alive(pat);
        finditer(vm, pat, v(p[1]), None, None)
    });
    vm.module_fn_kw(&m, "sub", |vm, a, kw| {
        let p = args(vm, "sub", a, kw, &["pattern", "repl", "string", "count", "flags"], 3)?;
        let pat = get_pattern(vm, &v(p[0]), &v(p[4]))?;
        vm.keep_alive(pat);
        Ok(subn(vm, pat, v(p[1]), v(p[2]), p[3])?.0)
    });
    vm.module_fn_kw(&m, "subn", |vm, a, kw| {
        let p = args(vm, "subn", a, kw, &["pattern", "repl", "string", "count", "flags"], 3)?;
        let pat = get_pattern(vm, &v(p[0]), &v(p[4]))?;
        vm.keep_alive(pat);
        let (s, n) = subn(vm, pat, v(p[1]), v(p[2]), p[3])?;
        Ok(vm.new_tuple(vec![s, Value::int(n as i64)]))
    });
    vm.module_fn_kw(&m, "split", |vm, a, kw| {
        let p = args(vm, "split", a, kw, &["pattern", "string", "maxsplit", "flags"], 2)?;
        let pat = get_pattern(vm, &v(p[0]), &v(p[3]))?;
        vm.keep_alive(pat);
        split(vm, pat, v(p[1]), p[2])
    });
    register_pattern(vm, pt);
    register_match(vm, mt);
    Ok(m)
}

fn module_exec(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)], mode: Mode, fname: &str) -> PyResult<Value> {
    let p = args(vm, fname, a, kw, &["pattern", "string", "flags"], 2)?;
    let pat = get_pattern(vm, &v(p[0]), &v(p[2]))?;
    vm.keep_alive(pat);
    pattern_exec(vm, pat, v(p[1]), None, None, mode)
}

fn register_pattern(vm: &mut Vm, pt: TypeId) {
    vm.bind_method_kw(pt, "match", |vm, a, kw| pattern_method(vm, a, kw, Mode::Match, "match"));
    vm.bind_method_kw(pt, "search", |vm, a, kw| pattern_method(vm, a, kw, Mode::Search, "search"));
    vm.bind_method_kw(pt, "fullmatch", |vm, a, kw| pattern_method(vm, a, kw, Mode::Full, "fullmatch"));
    vm.bind_method_kw(pt, "findall", |vm, a, kw| {
        let p = args(vm, "findall", &a[1..], kw, &["string", "pos", "endpos"], 1)?;
        findall(vm, a[0], v(p[0]), p[1], p[2])
    });
    vm.bind_method_kw(pt, "finditer", |vm, a, kw| {
        let p = args(vm, "finditer", &a[1..], kw, &["string", "pos", "endpos"], 1)?;
        finditer(vm, a[0], v(p[0]), p[1], p[2])
    });
    vm.bind_method_kw(pt, "sub", |vm, a, kw| {
        let p = args(vm, "sub", &a[1..], kw, &["repl", "string", "count"], 2)?;
        Ok(subn(vm, a[0], v(p[0]), v(p[1]), p[2])?.0)
    });
    vm.bind_method_kw(pt, "subn", |vm, a, kw| {
        let p = args(vm, "subn", &a[1..], kw, &["repl", "string", "count"], 2)?;
        let (s, n) = subn(vm, a[0], v(p[0]), v(p[1]), p[2])?;
        Ok(vm.new_tuple(vec![s, Value::int(n as i64)]))
    });
    vm.bind_method_kw(pt, "split", |vm, a, kw| {
        let p = args(vm, "split", &a[1..], kw, &["string", "maxsplit"], 1)?;
        split(vm, a[0], v(p[0]), p[1])
    });
    vm.bind_property(pt, "pattern", |vm, a| Ok(pattern_data(vm, &a[0])?.1));
    vm.bind_property(pt, "flags", |vm, a| Ok(Value::int(pattern_data(vm, &a[0])?.0.flags)));
    vm.bind_property(pt, "groups", |vm, a| Ok(Value::int(pattern_data(vm, &a[0])?.0.groups as i64)));
    vm.bind_property(pt, "groupindex", |vm, a| {
        let c = pattern_data(vm, &a[0])?.0;
        let d = vm.new_dict();
        for (n, i) in &c.names {
            let k = vm.new_str(n);
            vm.dict_set(&d, k, Value::int(*i as i64))?;
        }
        Ok(d)
    });
    vm.bind_method(pt, "__repr__", 1, |vm, a| {
        let (c, pv) = pattern_data(vm, &a[0])?;
        let r = vm.repr(&pv)?;
        let mut names = Vec::new();
        for (bit, name) in [
            (F_TEMPLATE, "re.TEMPLATE"),
            (F_IGNORECASE, "re.IGNORECASE"),
            (F_LOCALE, "re.LOCALE"),
            (F_MULTILINE, "re.MULTILINE"),
            (F_DOTALL, "re.DOTALL"),
            (F_VERBOSE, "re.VERBOSE"),
            (F_DEBUG, "re.DEBUG"),
            (F_ASCII, "re.ASCII"),
        ] {
            if c.flags & bit != 0 {
                names.push(name);
            }
        }
        let s = if names.is_empty() { format!("re.compile({})", r) } else { format!("re.compile({}, {})", r, names.join("|")) };
        Ok(vm.new_string(s))
    });
    vm.bind_method(pt, "__eq__", 2, |vm, a| {
        let (c1, _) = pattern_data(vm, &a[0])?;
        let c2 = match pattern_data(vm, &a[1]) {
            Ok((c, _)) => c,
            Err(_) => {
                vm.exc = None;
                return Ok(Value::NOT_IMPLEMENTED);
            }
        };
        Ok(Value::bool(c1.source == c2.source && c1.flags == c2.flags))
    });
    vm.bind_method(pt, "__hash__", 1, |vm, a| {
        let (c, _) = pattern_data(vm, &a[0])?;
        Ok(Value::int(crate::objects::str::hash_str(&c.source) ^ c.flags))
    });
}

fn pattern_method(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)], mode: Mode, fname: &str) -> PyResult<Value> {
    if a.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("descriptor '{}' needs an argument", fname)));
    }
    let p = args(vm, fname, &a[1..], kw, &["string", "pos", "endpos"], 1)?;
    pattern_exec(vm, a[0], v(p[0]), p[1], p[2], mode)
}

/// The group index named by `g` (int or name).
fn group_index(vm: &mut Vm, m: &Value, g: &Value) -> PyResult<usize> {
    let (n, names) = with_match(vm, m, |md| (md.spans.len(), md.c.names.clone()))?;
    if let Some(s) = g.as_str() {
        if let Some(x) = names.iter().find(|(nm, _)| nm == s) {
            return Ok(x.1);
        }
    } else if (g.ty() == TP_INT || g.ty() == TP_BOOL) && !g.is_ptr() && g.as_i64() >= 0 && (g.as_i64() as usize) < n {
        return Ok(g.as_i64() as usize);
    }
    Err(vm.new_error(TP_INDEX_ERROR, "no such group"))
}

fn match_group_value(vm: &mut Vm, m: &Value, i: usize, default: Value) -> PyResult<Value> {
    let (string, sp, bytes) = with_match(vm, m, |md| (md.string, md.spans[i], md.c.bytes))?;
    match sp {
        Some((a, b)) => {
            let sj = subject(vm, &string, bytes)?;
            let (ba, bb) = (char_to_byte(sj.text(), sj.ascii, a), char_to_byte(sj.text(), sj.ascii, b));
            Ok(sj.piece(vm, ba, bb))
        }
        None => Ok(default),
    }
}

fn register_match(vm: &mut Vm, mt: TypeId) {
    vm.bind_method(mt, "group", -1, |vm, a| {
        let m = a[0];
        if a.len() <= 2 {
            let i = match a.get(1) {
                Some(g) => group_index(vm, &m, g)?,
                None => 0,
            };
            return match_group_value(vm, &m, i, Value::NONE);
        }
        let mut items = Vec::new();
        for g in &a[1..] {
            let i = group_index(vm, &m, g)?;
            items.push(match_group_value(vm, &m, i, Value::NONE)?);
        }
        Ok(vm.new_tuple(items))
    });
    vm.bind_method(mt, "__getitem__", 2, |vm, a| {
        let i = group_index(vm, &a[0], &a[1])?;
        match_group_value(vm, &a[0], i, Value::NONE)
    });
    vm.bind_method_kw(mt, "groups", |vm, a, kw| {
        let p = args(vm, "groups", &a[1..], kw, &["default"], 0)?;
        let d = v(p[0]);
        let n = with_match(vm, &a[0], |md| md.spans.len())?;
        let mut items = Vec::new();
        for i in 1..n {
            items.push(match_group_value(vm, &a[0], i, d)?);
        }
        Ok(vm.new_tuple(items))
    });
    vm.bind_method_kw(mt, "groupdict", |vm, a, kw| {
        let p = args(vm, "groupdict", &a[1..], kw, &["default"], 0)?;
        let d = v(p[0]);
        let names = with_match(vm, &a[0], |md| md.c.names.clone())?;
        let out = vm.new_dict();
        for (n, i) in names {
            let val = match_group_value(vm, &a[0], i, d)?;
            let k = vm.new_string(n);
            vm.dict_set(&out, k, val)?;
        }
        Ok(out)
    });
    fn span_of(vm: &mut Vm, a: &[Value]) -> PyResult<(i64, i64)> {
        let i = match a.get(1) {
            Some(g) => group_index(vm, &a[0], g)?,
            None => 0,
        };
        let sp = with_match(vm, &a[0], |md| md.spans[i])?;
        Ok(sp.map(|(x, y)| (x as i64, y as i64)).unwrap_or((-1, -1)))
    }
    vm.bind_method(mt, "start", -1, |vm, a| Ok(Value::int(span_of(vm, a)?.0)));
    vm.bind_method(mt, "end", -1, |vm, a| Ok(Value::int(span_of(vm, a)?.1)));
    vm.bind_method(mt, "span", -1, |vm, a| {
        let (x, y) = span_of(vm, a)?;
        Ok(vm.new_tuple(vec![Value::int(x), Value::int(y)]))
    });
    vm.bind_method(mt, "expand", 2, |vm, a| {
        let (c, string, spans) = with_match(vm, &a[0], |md| (md.c.clone(), md.string, md.spans.clone()))?;
        let t = match latin1_or_str(&a[1]) {
            Some((t, b)) if b == c.bytes => t,
            _ => {
                let msg = if c.bytes { "expected a bytes-like object" } else { "expected str instance" };
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        };
        let pieces = parse_template(vm, &c, &t)?;
        let sj = subject(vm, &string, c.bytes)?;
        let bspans: Spans = spans.iter().map(|sp| sp.map(|(x, y)| (char_to_byte(sj.text(), sj.ascii, x), char_to_byte(sj.text(), sj.ascii, y)))).collect();
        let mut out = Vec::new();
        expand_template(&pieces, sj.hay.bytes(), &bspans, &mut out, c.bytes);
        Ok(finish_text(vm, out, c.bytes))
    });
    vm.bind_property(mt, "string", |vm, a| with_match(vm, &a[0], |md| md.string));
    vm.bind_property(mt, "re", |vm, a| with_match(vm, &a[0], |md| md.re));
    vm.bind_property(mt, "pos", |vm, a| with_match(vm, &a[0], |md| Value::int(md.pos as i64)));
    vm.bind_property(mt, "endpos", |vm, a| with_match(vm, &a[0], |md| Value::int(md.endpos as i64)));
    vm.bind_property(mt, "regs", |vm, a| {
        let spans = with_match(vm, &a[0], |md| md.spans.clone())?;
        let items: Vec<Value> = spans
            .iter()
            .map(|sp| {
                let (x, y) = sp.map(|(x, y)| (x as i64, y as i64)).unwrap_or((-1, -1));
                vm.new_tuple(vec![Value::int(x), Value::int(y)])
            })
            .collect();
        Ok(vm.new_tuple(items))
    });
    vm.bind_property(mt, "lastindex", |vm, a| {
        let li = with_match(vm, &a[0], |md| last_index(&md.spans))?;
        Ok(li.map(|i| Value::int(i as i64)).unwrap_or(Value::NONE))
    });
    vm.bind_property(mt, "lastgroup", |vm, a| {
        let (li, names) = with_match(vm, &a[0], |md| (last_index(&md.spans), md.c.names.clone()))?;
        match li.and_then(|i| names.iter().find(|(_, g)| *g == i).map(|x| x.0.clone())) {
            Some(n) => Ok(vm.new_string(n)),
            None => Ok(Value::NONE),
        }
    });
    vm.bind_method(mt, "__repr__", 1, |vm, a| {
        let (sp, string) = with_match(vm, &a[0], |md| (md.spans[0], md.string))?;
        let (x, y) = sp.unwrap_or((0, 0));
        let g = match_group_value(vm, &a[0], 0, Value::NONE)?;
        let _ = string;
        let r = vm.repr(&g)?;
        Ok(vm.new_string(format!("<re.Match object; span=({}, {}), match={}>", x, y, r)))
    });
    vm.bind_method(mt, "__bool__", 1, |_, _| Ok(Value::TRUE));
}

/// The group that closed last: the largest end, then the outermost.
fn last_index(spans: &[Option<(usize, usize)>]) -> Option<usize> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, sp) in spans.iter().enumerate().skip(1) {
        if let Some((s, e)) = sp {
            let better = match best {
                None => true,
                Some((_, bs, be)) => *e > be || (*e == be && *s < bs),
            };
            if better {
                best = Some((i, *s, *e));
            }
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translate_str(p: &str, f: i64) -> Result<Translated, PatError> {
        translate(p, f, false)
    }

    #[test]
    fn translation() {
        assert_eq!(translate_str("a$", 0).unwrap().regex, "a(?=\\n?\\z)");
        assert_eq!(translate_str("a{,2}b{", 0).unwrap().regex, "a{0,2}b\\{");
        let t = translate_str("(?P<x>a)(?P=x)", 0).unwrap();
        assert_eq!(t.groups, 1);
        assert_eq!(t.names, vec![("x".to_string(), 1)]);
        assert_eq!(translate_str("*", 0).err().unwrap().msg, "nothing to repeat");
        assert_eq!(translate_str("(a", 0).err().unwrap().msg, "missing ), unterminated subpattern");
        assert_eq!(translate_str("[a", 0).err().unwrap().pos, Some(0));
    }
}
