//! Text formatting and parsing with CPython's exact rules.
//!
//! Everything here is plain Rust over `&str` / `i64` / `f64` / `BigInt`; no VM
//! types are involved.  The VM turns a [`FmtError`] into the Python exception
//! named by its [`FmtErrorKind`] with [`FmtError::msg`] as the message.
//!
//! Contents:
//! * `repr` of floats ([`float_repr`]), strings ([`repr_str`], [`ascii_repr_str`])
//!   and bytes ([`repr_bytes`]);
//! * the format-spec mini language used by `format()` / `str.format`
//!   ([`parse_format_spec`], [`format_int`], [`format_i64`], [`format_float`],
//!   [`format_str`], and the one-call helpers [`fmt_int`], [`fmt_i64`],
//!   [`fmt_float`], [`fmt_str`]);
//! * printf-style `%` formatting ([`parse_percent`], [`percent_int`],
//!   [`percent_i64`], [`percent_float`], [`percent_str`], [`percent_char`]);
//! * `int(str, base)` / `float(str)` parsing ([`parse_int`], [`parse_float`]);
//! * a few Unicode character predicates shared with `str_ops`
//!   ([`is_py_space`], [`decimal_value`], [`is_printable_char`],
//!   [`is_grapheme_extend`]).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::fmt;
use std::fmt::Write as _;

/// Largest width / precision / result length we are willing to build.
/// CPython's own limit for a float precision is `INT_MAX` ("precision too
/// big"); we use the same bound for widths so that no input can make us try
/// an allocation that would abort the process.
pub const MAX_WIDTH: usize = i32::MAX as usize;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Which Python exception a [`FmtError`] maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FmtErrorKind {
    /// `ValueError`
    Value,
    /// `TypeError`
    Type,
    /// `OverflowError`
    Overflow,
}

/// A formatting / parsing failure, carrying CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FmtError {
    pub kind: FmtErrorKind,
    pub msg: String,
}

impl FmtError {
    pub fn value(msg: impl Into<String>) -> Self {
        FmtError {
            kind: FmtErrorKind::Value,
            msg: msg.into(),
        }
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        FmtError {
            kind: FmtErrorKind::Type,
            msg: msg.into(),
        }
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        FmtError {
            kind: FmtErrorKind::Overflow,
            msg: msg.into(),
        }
    }
    /// Python exception class name for this error.
    pub fn py_type_name(&self) -> &'static str {
        match self.kind {
            FmtErrorKind::Value => "ValueError",
            FmtErrorKind::Type => "TypeError",
            FmtErrorKind::Overflow => "OverflowError",
        }
    }
}

impl fmt::Display for FmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.py_type_name(), self.msg)
    }
}

impl std::error::Error for FmtError {}

// ---------------------------------------------------------------------------
// Unicode character helpers
// ---------------------------------------------------------------------------

/// Python's `Py_UNICODE_ISSPACE`: what `str.isspace`, `str.split()` and
/// `str.strip()` treat as whitespace.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Whitespace that `int()` / `float()` strip: ASCII " \t\n\v\f\r" plus the
/// non-ASCII Unicode whitespace (not `\x1c`..`\x1f`, matching CPython).
fn is_number_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
    } else {
        is_py_space(c)
    }
}

/// First code point of every run of ten Unicode decimal digits (category Nd),
/// generated from CPython 3.11's `unicodedata` (Unicode 14).
#[rustfmt::skip]
static DECIMAL_ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Value of a Unicode decimal digit (`str.isdecimal()` characters), as used by
/// `int()` and `float()`.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - 0x30);
    }
    if cp < 0x660 {
        return None;
    }
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    let d = cp - zero;
    if d < 10 {
        Some(d)
    } else {
        None
    }
}

/// Python's `str.isprintable()` for one character: false for categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
///
/// For non-ASCII characters this uses the standard library's own printable
/// table (the one behind `escape_debug`, generated from exactly that
/// category list), so it is exact up to the Unicode version difference.
pub fn is_printable_char(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return (0x20..0x7f).contains(&cp);
    }
    if cp < 0xA0 {
        return false;
    }
    // `str::escape_debug` escapes non-printable characters everywhere but
    // grapheme extenders only at the start of the string, so put one
    // printable character in front.
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let n = c.encode_utf8(&mut buf[1..]).len();
    match std::str::from_utf8(&buf[..=n]) {
        Ok(s) => s.escape_debug().nth(2).is_none(),
        Err(_) => false,
    }
}

/// Unicode `Grapheme_Extend` (combining marks and friends).
pub fn is_grapheme_extend(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    // `char::escape_debug` escapes grapheme extenders as well as
    // non-printable characters.
    c.escape_debug().nth(1).is_some() && is_printable_char(c)
}

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------

fn push_hex_escape(out: &mut String, cp: u32) {
    use std::fmt::Write;
    let _ = if cp < 0x100 {
        write!(out, "\\x{:02x}", cp)
    } else if cp < 0x10000 {
        write!(out, "\\u{:04x}", cp)
    } else {
        write!(out, "\\U{:08x}", cp)
    };
}

fn repr_str_impl(s: &str, ascii_only: bool) -> String {
    let has_sq = s.contains('\'');
    let has_dq = s.contains('"');
    let quote = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (' '..'\x7f').contains(&c) => out.push(c),
            c if c.is_ascii() => push_hex_escape(&mut out, c as u32),
            c => {
                if !ascii_only && is_printable_char(c) {
                    out.push(c);
                } else {
                    push_hex_escape(&mut out, c as u32);
                }
            }
        }
    }
    out.push(quote);
    out
}

/// CPython's `repr(str)`.
pub fn repr_str(s: &str) -> String {
    repr_str_impl(s, false)
}

/// CPython's `ascii(str)`: like [`repr_str`] but every non-ASCII character is
/// escaped.
pub fn ascii_repr_str(s: &str) -> String {
    repr_str_impl(s, true)
}

/// CPython's `repr(bytes)`: `b'...'`.
pub fn repr_bytes(b: &[u8]) -> String {
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let quote = if has_sq && !has_dq { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        if c == quote || c == b'\\' {
            out.push('\\');
            out.push(c as char);
        } else if c == b'\t' {
            out.push_str("\\t");
        } else if c == b'\n' {
            out.push_str("\\n");
        } else if c == b'\r' {
            out.push_str("\\r");
        } else if !(b' '..0x7f).contains(&c) {
            push_hex_escape(&mut out, c as u32);
        } else {
            out.push(c as char);
        }
    }
    out.push(quote as char);
    out
}

/// `repr` truncated to `max` characters, like CPython's `%.200R`.
fn repr_truncated(s: &str, max: usize) -> String {
    let r = repr_str(s);
    match r.char_indices().nth(max) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    }
}

// ---------------------------------------------------------------------------
// Float to text (port of CPython's format_float_short on top of Rust's
// correctly rounded float formatting)
// ---------------------------------------------------------------------------

/// Split Rust's `{:e}` output ("1.2345e-5") into digit bytes and the decimal
/// point position (`decpt`: value = 0.DIGITS * 10**decpt).
fn split_exp_repr(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return (vec![b'0'], 1);
    }
    (digits, exp + 1)
}

/// [`split_exp_repr`] over Rust's `{:e}` output held in `sb`, in place:
/// the digits end up at the start of `sb.buf`; returns (count, decpt).
fn split_exp_in_place(sb: &mut StackBuf) -> (usize, i64) {
    let len = sb.len;
    let e_at = sb.buf[..len].iter().position(|&b| b == b'e').unwrap_or(len);
    let mut exp: i64 = 0;
    let mut neg_exp = false;
    for &b in &sb.buf[(e_at + 1).min(len)..len] {
        match b {
            b'-' => neg_exp = true,
            b'0'..=b'9' => exp = exp * 10 + (b - b'0') as i64,
            _ => {}
        }
    }
    if neg_exp {
        exp = -exp;
    }
    let mut n = 0;
    for i in 0..e_at {
        let b = sb.buf[i];
        if b.is_ascii_digit() {
            sb.buf[n] = b;
            n += 1;
        }
    }
    while n > 1 && sb.buf[n - 1] == b'0' {
        n -= 1;
    }
    if sb.buf[..n].iter().all(|&d| d == b'0') {
        sb.buf[0] = b'0';
        return (1, 1);
    }
    (n, exp + 1)
}

/// Rust's shortest digits settle an exact tie between two equally short
/// candidates by rounding up; CPython (dtoa mode 0) takes the even one
/// (`repr(775186249151760.25)` is `'775186249151760.2'`).  `buf[..n]` holds
/// the digits D with value 0.D * 10**decpt, x > 0.  A tie means
/// 2x = (2D -+ 1) * 10**q with q = decpt - n the exponent of D's last digit;
/// with x = m * 2**e (m odd) and 2D -+ 1 odd that needs q == e + 1 and
/// m * 5**-q == 2D -+ 1 (q < 0) or m == (2D -+ 1) * 5**q (q >= 0), which
/// is checked exactly in u128.  Returns the (possibly changed) (n, decpt).
fn shortest_tie_to_even(x: f64, buf: &mut [u8; 128], n: usize, decpt: i64) -> (usize, i64) {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_bits - 1075) };
    if m == 0 || n > 17 {
        return (n, decpt);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i64;
    let q = decpt - n as i64;
    if q != e + 1 || !(-27..=22).contains(&q) {
        return (n, decpt);
    }
    let d = buf[..n].iter().fold(0u128, |a, &b| a * 10 + (b - b'0') as u128);
    if d % 2 == 0 {
        return (n, decpt);
    }
    let p5 = 5u128.pow(q.unsigned_abs() as u32);
    let is_tie = |odd: u128| if q < 0 { m as u128 * p5 == odd } else { m as u128 == odd * p5 };
    let alt = if is_tie(2 * d - 1) {
        d - 1
    } else if is_tie(2 * d + 1) {
        d + 1
    } else {
        return (n, decpt);
    };
    if alt == 0 {
        return (n, decpt);
    }
    // The even neighbour must round-trip too (it always should).
    let mut text = StackBuf::new();
    if write!(text, "{}e{}", alt, q).is_err() || text.as_str().parse::<f64>() != Ok(x) {
        return (n, decpt);
    }
    let mut tmp = [0u8; 40];
    let start = u64_digits(alt as u64, 1, &mut tmp);
    let mut len = tmp.len() - start;
    let new_decpt = decpt + len as i64 - n as i64;
    buf[..len].copy_from_slice(&tmp[start..]);
    while len > 1 && buf[len - 1] == b'0' {
        len -= 1;
    }
    (len, new_decpt)
}

/// Shortest round-trip digits of a finite non-negative value (dtoa mode 0).
fn digits_shortest(x: f64) -> (Vec<u8>, i64) {
    split_exp_repr(&format!("{:e}", x))
}

/// `n` (>= 1) significant digits, correctly rounded (dtoa mode 2), trailing
/// zeros removed.
fn digits_significant(x: f64, n: usize) -> (Vec<u8>, i64) {
    split_exp_repr(&format!("{:.*e}", n.saturating_sub(1), x))
}

/// `n` digits after the point, correctly rounded (dtoa mode 3), leading and
/// trailing zeros removed.
fn digits_fraction(x: f64, n: usize) -> (Vec<u8>, i64) {
    let s = format!("{:.*}", n, x);
    let (int_part, frac_part) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut all: Vec<u8> = Vec::with_capacity(int_part.len() + frac_part.len());
    all.extend_from_slice(int_part.as_bytes());
    all.extend_from_slice(frac_part.as_bytes());
    let lead = all.iter().take_while(|&&b| b == b'0').count();
    if lead == all.len() {
        return (vec![b'0'], 1);
    }
    let decpt = int_part.len() as i64 - lead as i64;
    let mut digits = all.split_off(lead);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

// ---------------------------------------------------------------------------
// Allocation-free building blocks for the number formatters
// ---------------------------------------------------------------------------

/// A fixed-size ASCII text buffer on the stack.  Writing past its end fails
/// (`fmt::Error`), and the callers then take their general, allocating path.
struct StackBuf {
    buf: [u8; 128],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf { buf: [0; 128], len: 0 }
    }
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
    fn push_bytes(&mut self, b: &[u8]) -> fmt::Result {
        let end = self.len + b.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(b);
        self.len = end;
        Ok(())
    }
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_bytes(s.as_bytes())
    }
}

/// Decimal digits of `m`, right-aligned in `tmp`, left-padded with '0' to at
/// least `min_len` digits (`min_len` <= 40).  Returns the start index.
pub(crate) fn u64_digits(mut m: u64, min_len: usize, tmp: &mut [u8; 40]) -> usize {
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    let start = tmp.len().saturating_sub(min_len);
    while i > start {
        i -= 1;
        tmp[i] = b'0';
    }
    i
}

/// Powers of ten that are exact in an f64.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `ax` (finite, >= 0) with exactly `p` digits after the point, correctly
/// rounded half-even on the exact binary value -- CPython's `'%.{p}f'`
/// without sign (no point when `p == 0`).
///
/// Fast case: `y = fl(ax * 10**p)` with `10**p` exact.  When `y` is an
/// integer below 2**52, the rounding error of the product is at most
/// ulp(y)/2 <= 1/4, so the exact product is within 1/4 of the integer `y`
/// and rounds to it: the digits of `y` with a point inserted are the
/// correctly rounded result.  Everything else goes through Rust's exact
/// (correctly rounded, half-even) fixed-point formatting.
fn write_fixed(w: &mut StackBuf, ax: f64, p: usize) -> fmt::Result {
    if let Some(&scale) = EXACT_POW10.get(p) {
        let y = ax * scale;
        if y < 4503599627370496.0 && y == y.trunc() {
            let mut tmp = [0u8; 40];
            let start = u64_digits(y as u64, p + 1, &mut tmp);
            let point = tmp.len() - p;
            w.push_bytes(&tmp[start..point])?;
            if p > 0 {
                w.push_bytes(b".")?;
                w.push_bytes(&tmp[point..])?;
            }
            return Ok(());
        }
    }
    write!(w, "{:.*}", p, ax)
}

fn push_repeat(out: &mut String, c: char, n: i64) {
    const SPACES: &str = "                                ";
    const ZEROS: &str = "00000000000000000000000000000000";
    let mut n = n.max(0) as usize;
    let run = match c {
        ' ' => SPACES,
        '0' => ZEROS,
        _ => {
            for _ in 0..n {
                out.push(c);
            }
            return;
        }
    };
    while n > 0 {
        let k = n.min(run.len());
        out.push_str(&run[..k]);
        n -= k;
    }
}

/// Port of CPython's `format_float_short` for a finite value >= 0 (no sign).
/// `code` is one of 'e', 'f', 'g', 'r'; `precision` is already adjusted as
/// `PyOS_double_to_string` does (number of significant digits for 'e' and
/// 'g', digits after the point for 'f', ignored for 'r').
fn format_abs_finite(
    x: f64,
    code: u8,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) -> String {
    // Digits go to a stack buffer when they fit (the usual case).
    let mut sb = StackBuf::new();
    let owned: Vec<u8>;
    let fits = match code {
        b'e' | b'g' => write!(sb, "{:.*e}", precision.saturating_sub(1), x).is_ok(),
        b'f' => false,
        _ => write!(sb, "{:e}", x).is_ok(),
    };
    let (digits, mut decpt): (&[u8], i64) = if fits {
        let (mut n, mut decpt) = split_exp_in_place(&mut sb);
        if code == b'r' {
            (n, decpt) = shortest_tie_to_even(x, &mut sb.buf, n, decpt);
        }
        (&sb.buf[..n], decpt)
    } else {
        let (d, decpt) = match code {
            b'e' | b'g' => digits_significant(x, precision),
            b'f' => digits_fraction(x, precision),
            _ => digits_shortest(x),
        };
        owned = d;
        (&owned, decpt)
    };
    let prec = precision as i64;
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = prec;
        }
        b'f' => vdigits_end = decpt + prec,
        b'g' => {
            let limit = if add_dot_0 { prec - 1 } else { prec };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = prec;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    let cap = (vdigits_end - vdigits_start).max(0) as usize + 8;
    let mut out = String::with_capacity(cap);
    if decpt <= 0 {
        push_repeat(&mut out, '0', decpt - vdigits_start);
        out.push('.');
        push_repeat(&mut out, '0', -decpt);
    } else {
        push_repeat(&mut out, '0', -vdigits_start);
    }
    let digit_str = std::str::from_utf8(digits).unwrap_or("0");
    if 0 < decpt && decpt <= digits_len {
        let d = decpt as usize;
        out.push_str(&digit_str[..d]);
        out.push('.');
        out.push_str(&digit_str[d..]);
    } else {
        out.push_str(digit_str);
    }
    if digits_len < decpt {
        push_repeat(&mut out, '0', decpt - digits_len);
        out.push('.');
        push_repeat(&mut out, '0', vdigits_end - decpt);
    } else {
        push_repeat(&mut out, '0', vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// Port of CPython's `PyOS_double_to_string`.
///
/// `code`: 'e' 'E' 'f' 'F' 'g' 'G' or 'r' (repr; `precision` ignored).
/// Returns the text with a leading '-' for negative values (and '+' for
/// non-negative ones when `always_sign`).  `no_neg_0` drops the '-' of a
/// result that rounds to zero (the 'z' format option).
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    always_sign: bool,
    no_neg_0: bool,
) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let (code, precision) = match code {
        'e' | 'E' => (b'e', precision.saturating_add(1)),
        'f' | 'F' => (b'f', precision),
        'g' | 'G' => (b'g', precision.max(1)),
        _ => (b'r', 0),
    };
    let mut out = String::new();
    if x.is_nan() {
        if always_sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let neg = x.is_sign_negative();
    if x.is_infinite() {
        if neg {
            out.push('-');
        } else if always_sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let body = if code == b'f' {
        let mut sb = StackBuf::new();
        let mut body = if write_fixed(&mut sb, x.abs(), precision).is_ok() {
            sb.as_str().to_string()
        } else {
            format!("{:.*}", precision, x.abs())
        };
        if alt && precision == 0 {
            body.push('.');
        }
        body
    } else {
        format_abs_finite(x.abs(), code, precision, alt, add_dot_0, upper)
    };
    let mut body = body;
    let mut neg = neg;
    if neg && no_neg_0 {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if mantissa.bytes().all(|b| b == b'0' || b == b'.') {
            neg = false;
        }
    }
    if neg {
        body.insert(0, '-');
    } else if always_sign {
        body.insert(0, '+');
    }
    body
}

/// CPython's `repr(float)` / `str(float)`: shortest round-trip digits,
/// scientific notation iff the exponent is < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, false, true, false, false)
}

/// `'%.{precision}f' % x` (`upper` selects 'F': "INF"/"NAN").
pub fn float_to_string_fixed(x: f64, precision: usize, alt: bool, upper: bool) -> String {
    double_to_string(
        x,
        if upper { 'F' } else { 'f' },
        precision,
        alt,
        false,
        false,
        false,
    )
}

/// `'%.{precision}e' % x` (`upper` selects 'E').
pub fn float_to_string_exp(x: f64, precision: usize, alt: bool, upper: bool) -> String {
    double_to_string(
        x,
        if upper { 'E' } else { 'e' },
        precision,
        alt,
        false,
        false,
        false,
    )
}

/// `'%.{precision}g' % x` (`upper` selects 'G').
pub fn float_to_string_general(x: f64, precision: usize, alt: bool, upper: bool) -> String {
    double_to_string(
        x,
        if upper { 'G' } else { 'g' },
        precision,
        alt,
        false,
        false,
        false,
    )
}

/// `'%.{precision}f%%' % (x * 100)`, i.e. `format(x, '.{precision}%')`.
pub fn format_float_percent(x: f64, precision: usize) -> String {
    let mut s = double_to_string(x * 100.0, 'f', precision, false, false, false, false);
    s.push('%');
    s
}

// ---------------------------------------------------------------------------
// Format-spec mini language
// ---------------------------------------------------------------------------

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Fields keep what was written; the per-type defaults (alignment, fill) are
/// applied by the `format_*` functions, as in CPython.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only possible together with `align`).
    pub fill: Option<char>,
    /// '<', '>', '=' or '^'.
    pub align: Option<char>,
    /// '+', '-' or ' '.
    pub sign: Option<char>,
    /// 'z': coerce negative zero to positive (floats only).
    pub no_neg_0: bool,
    /// '#'
    pub alternate: bool,
    /// The '0' flag before the width (fill '0', and '=' alignment for numbers).
    pub zero: bool,
    pub width: Option<usize>,
    /// ',' or '_'.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl FormatSpec {
    /// True for the empty spec (`format(x, '')`).
    pub fn is_empty(&self) -> bool {
        *self == FormatSpec::default()
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse a decimal integer (Unicode decimal digits allowed, like CPython)
/// at the start of `*rest`, advancing `*rest` past it.
fn spec_integer(rest: &mut &str) -> Result<Option<usize>, FmtError> {
    // Common case: a few ASCII digits not followed by another decimal digit.
    let b = rest.as_bytes();
    let k = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if k == 0 && b.first().is_some_and(|c| c.is_ascii()) {
        return Ok(None);
    }
    if (1..=18).contains(&k) && b.get(k).is_none_or(|c| c.is_ascii()) {
        let v = b[..k].iter().fold(0usize, |a, &c| a * 10 + (c - b'0') as usize);
        *rest = &rest[k..];
        return Ok(Some(v));
    }
    let mut acc: usize = 0;
    let mut n = 0;
    let mut used = 0;
    for c in rest.chars() {
        let Some(d) = decimal_value(c) else { break };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| FmtError::value("Too many decimal digits in format string"))?;
        used += c.len_utf8();
        n += 1;
    }
    *rest = &rest[used..];
    Ok(if n == 0 { None } else { Some(acc) })
}

/// Parse a format spec.  A spec with junk at the end gives CPython's older
/// message "Invalid format specifier"; use [`parse_format_spec_for`] to get
/// 3.11's "Invalid format specifier '...' for object of type '...'".
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FmtError> {
    parse_spec_impl(spec, None)
}

/// Like [`parse_format_spec`] with the object's type name for the
/// "Invalid format specifier" message.
pub fn parse_format_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, FmtError> {
    parse_spec_impl(spec, Some(type_name))
}

/// Parse without allocating: `rest` is the unparsed tail of `spec`; every
/// syntax character after the fill is ASCII, so single bytes are tested.
fn parse_spec_impl(spec: &str, type_name: Option<&str>) -> Result<FormatSpec, FmtError> {
    let mut r = FormatSpec::default();
    let mut rest = spec;
    {
        let mut it = spec.chars();
        let c0 = it.next();
        let c1 = it.next();
        if let (Some(f), Some(a)) = (c0, c1.filter(|&c| is_align(c))) {
            r.fill = Some(f);
            r.align = Some(a);
            rest = &spec[f.len_utf8() + 1..];
        } else if let Some(a) = c0.filter(|&c| is_align(c)) {
            r.align = Some(a);
            rest = &spec[1..];
        }
    }
    let first = |s: &str| s.as_bytes().first().copied();
    if let Some(c @ (b'+' | b'-' | b' ')) = first(rest) {
        r.sign = Some(c as char);
        rest = &rest[1..];
    }
    if first(rest) == Some(b'z') {
        r.no_neg_0 = true;
        rest = &rest[1..];
    }
    if first(rest) == Some(b'#') {
        r.alternate = true;
        rest = &rest[1..];
    }
    if r.fill.is_none() && first(rest) == Some(b'0') {
        r.zero = true;
        rest = &rest[1..];
    }
    r.width = spec_integer(&mut rest)?;
    if first(rest) == Some(b',') {
        r.grouping = Some(',');
        rest = &rest[1..];
    }
    if first(rest) == Some(b'_') {
        if r.grouping.is_some() {
            return Err(FmtError::value("Cannot specify both ',' and '_'."));
        }
        r.grouping = Some('_');
        rest = &rest[1..];
    }
    if first(rest) == Some(b',') && r.grouping == Some('_') {
        return Err(FmtError::value("Cannot specify both ',' and '_'."));
    }
    if first(rest) == Some(b'.') {
        rest = &rest[1..];
        r.precision = spec_integer(&mut rest)?;
        if r.precision.is_none() {
            return Err(FmtError::value("Format specifier missing precision"));
        }
    }
    let mut tail = rest.chars();
    let ty = tail.next();
    if tail.next().is_some() {
        return Err(match type_name {
            Some(t) => FmtError::value(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, t
            )),
            None => FmtError::value("Invalid format specifier"),
        });
    }
    r.ty = ty;
    Ok(r)
}

fn char_for_msg(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", cp)
    }
}

fn unknown_code(c: char, type_name: &str) -> FmtError {
    FmtError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        char_for_msg(c),
        type_name
    ))
}

/// CPython's parse-time check of ',' / '_' against the (defaulted) type.
fn validate_grouping(grouping: Option<char>, ty: Option<char>) -> Result<(), FmtError> {
    let Some(g) = grouping else { return Ok(()) };
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if g == '_' => Ok(()),
        Some(t) => Err(FmtError::value(format!(
            "Cannot specify '{}' with '{}'.",
            g,
            char_for_msg(t)
        ))),
    }
}

fn check_width(spec: &FormatSpec) -> Result<i64, FmtError> {
    match spec.width {
        None => Ok(-1),
        Some(w) if w > MAX_WIDTH => Err(FmtError::overflow("width too big")),
        Some(w) => Ok(w as i64),
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping` (including the leading
/// zeros it inserts for '0' padding, which are grouped too).
fn group_digits(digits: &[u8], min_width: i64, grouping: Option<(char, usize)>) -> String {
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() + min_width.max(0) as usize + 4);
    let push_group = |rev: &mut Vec<char>, remaining: i64, n_chars: i64, n_zeros: i64| {
        for k in 0..n_chars {
            let idx = (remaining - 1 - k) as usize;
            rev.push(digits.get(idx).map_or('0', |&b| b as char));
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    match grouping {
        Some((sep, size)) => {
            let g = size as i64;
            let mut first = true;
            loop {
                let l = g.min(remaining.max(min_width).max(1));
                let n_zeros = (l - remaining).max(0);
                let n_chars = remaining.min(l).max(0);
                if !first {
                    rev.push(sep);
                }
                first = false;
                push_group(&mut rev, remaining, n_chars, n_zeros);
                remaining -= n_chars;
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let l = remaining.max(min_width).max(1);
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            push_group(&mut rev, remaining, n_chars, n_zeros);
        }
    }
    rev.iter().rev().collect()
}

/// CPython's `calc_number_widths` + `fill_number`.  Builds the result in one
/// allocation of exactly the right size (plus one spare byte, so the str
/// object can take the buffer over as is).
#[allow(clippy::too_many_arguments)]
fn render_number(
    spec: &FormatSpec,
    neg: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    grouping: Option<(char, usize)>,
) -> Result<String, FmtError> {
    let width = check_width(spec)?;
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let sign = match spec.sign {
        Some('+') => Some(if neg { '-' } else { '+' }),
        Some(' ') => Some(if neg { '-' } else { ' ' }),
        _ => {
            if neg {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_rem = if remainder.is_ascii() { remainder.len() } else { remainder.chars().count() } as i64;
    let n_non_digit =
        sign.is_some() as i64 + prefix.len() as i64 + has_decimal as i64 + n_rem;
    let min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    // Digits (ASCII) with the zero padding of '0' + '=' in front, or grouped.
    let grouped_owned;
    let (grouped, n_zeros): (&str, i64) = if digits.is_empty() {
        ("", 0)
    } else if grouping.is_some() {
        grouped_owned = group_digits(digits.as_bytes(), min_width, grouping);
        (grouped_owned.as_str(), 0)
    } else {
        (digits, (min_width - digits.len() as i64).max(0))
    };
    let n_grouped = grouped.chars().count() as i64 + n_zeros;
    let n_padding = width - (n_non_digit + n_grouped);
    let (lpad, spad, rpad) = if n_padding > 0 {
        match align {
            '<' => (0, 0, n_padding),
            '^' => (n_padding / 2, 0, n_padding - n_padding / 2),
            '=' => (0, n_padding, 0),
            _ => (n_padding, 0, 0),
        }
    } else {
        (0, 0, 0)
    };
    let bytes = n_padding.max(0) as usize * fill.len_utf8()
        + sign.is_some() as usize
        + prefix.len()
        + n_zeros as usize
        + grouped.len()
        + has_decimal as usize
        + remainder.len();
    let mut out = String::with_capacity(bytes + 1);
    push_repeat(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    push_repeat(&mut out, fill, spad);
    push_repeat(&mut out, '0', n_zeros);
    out.push_str(grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    push_repeat(&mut out, fill, rpad);
    Ok(out)
}

enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntVal<'_> {
    fn is_negative(&self) -> bool {
        match self {
            IntVal::Small(v) => *v < 0,
            IntVal::Big(b) => b.is_negative(),
        }
    }
    fn magnitude_radix(&self, radix: u32) -> String {
        match self {
            IntVal::Small(v) => {
                let m = v.unsigned_abs();
                match radix {
                    2 => format!("{:b}", m),
                    8 => format!("{:o}", m),
                    16 => format!("{:x}", m),
                    _ => m.to_string(),
                }
            }
            IntVal::Big(b) => b.magnitude().to_str_radix(radix),
        }
    }
    fn to_f64(&self) -> Result<f64, FmtError> {
        let f = match self {
            IntVal::Small(v) => *v as f64,
            IntVal::Big(b) => bigint_to_f64(b)?,
        };
        Ok(f)
    }
    fn to_i64(&self) -> Option<i64> {
        match self {
            IntVal::Small(v) => Some(*v),
            IntVal::Big(b) => b.to_i64(),
        }
    }
}

/// `float(int)` with CPython's OverflowError for huge values.
pub fn bigint_to_f64(b: &BigInt) -> Result<f64, FmtError> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(FmtError::overflow("int too large to convert to float")),
    }
}

fn format_int_impl(v: IntVal<'_>, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    validate_grouping(spec.grouping, Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v.to_f64()?;
            return format_float_impl(f, spec, "float");
        }
        other => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FmtError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FmtError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FmtError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v
            .to_i64()
            .ok_or_else(|| FmtError::overflow("Python int too large to convert to C long"))?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(FmtError::overflow("%c arg not in range(0x110000)"));
        }
        let ch = char::from_u32(x as u32).ok_or_else(|| {
            FmtError::value(format!(
                "%c arg U+{:04X} is a surrogate, which this interpreter cannot represent",
                x
            ))
        })?;
        let mut buf = [0u8; 4];
        return render_number(spec, false, "", "", false, ch.encode_utf8(&mut buf), None);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let mut small = StackBuf::new();
    let big_digits;
    let digits: &str = match v {
        IntVal::Small(i) => {
            let m = i.unsigned_abs();
            let _ = match ty {
                'b' => write!(small, "{:b}", m),
                'o' => write!(small, "{:o}", m),
                'x' => write!(small, "{:x}", m),
                'X' => write!(small, "{:X}", m),
                _ => {
                    let mut tmp = [0u8; 40];
                    let start = u64_digits(m, 1, &mut tmp);
                    small.push_bytes(&tmp[start..])
                }
            };
            small.as_str()
        }
        IntVal::Big(_) => {
            let mut d = v.magnitude_radix(radix);
            if ty == 'X' {
                d.make_ascii_uppercase();
            }
            big_digits = d;
            big_digits.as_str()
        }
    };
    let grouping = match (spec.grouping, ty) {
        (Some('_'), 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
        (Some(g), _) if ty != 'n' => Some((g, 3)),
        _ => None,
    };
    render_number(spec, v.is_negative(), prefix, digits, false, "", grouping)
}

/// `format(int, spec)` for a big integer.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, FmtError> {
    format_int_impl(IntVal::Big(v), spec, "int")
}

/// Like [`format_int`], naming `type_name` (e.g. "bool") in the
/// "Unknown format code" message.
pub fn format_int_typed(
    v: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FmtError> {
    format_int_impl(IntVal::Big(v), spec, type_name)
}

/// `format(int, spec)` for a small integer.
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    format_int_impl(IntVal::Small(v), spec, "int")
}

/// Like [`format_i64`], naming `type_name` in the "Unknown format code" message.
pub fn format_i64_typed(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    format_int_impl(IntVal::Small(v), spec, type_name)
}

fn format_float_impl(v: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    validate_grouping(spec.grouping, spec.ty)?;
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(other) => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::value("precision too big"));
    }
    let mut code = ty.unwrap_or('r');
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    let mut val = v;
    let mut add_pct = false;
    match ty {
        None => {
            add_dot_0 = true;
            default_precision = 0;
        }
        Some('n') => code = 'g',
        Some('%') => {
            code = 'f';
            val *= 100.0;
            add_pct = true;
        }
        _ => {}
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    // Fixed point of a finite value: the unsigned text goes into a stack
    // buffer (no intermediate Strings); anything longer than the buffer
    // takes the general path below.
    let mut sb = StackBuf::new();
    let s;
    let (neg, body) = if matches!(code, 'f' | 'F')
        && val.is_finite()
        && write_fixed(&mut sb, val.abs(), precision).is_ok()
        && (!(spec.alternate && precision == 0) || sb.push_bytes(b".").is_ok())
        && (!add_pct || sb.push_bytes(b"%").is_ok())
    {
        let body = sb.as_str();
        let neg = val.is_sign_negative()
            && !(spec.no_neg_0 && body.bytes().all(|b| matches!(b, b'0' | b'.' | b'%')));
        (neg, body)
    } else {
        let mut t = double_to_string(
            val,
            code,
            precision,
            spec.alternate,
            add_dot_0,
            false,
            spec.no_neg_0,
        );
        if add_pct {
            t.push('%');
        }
        s = t;
        match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.as_str()),
        }
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let grouping = match (spec.grouping, ty) {
        (_, Some('n')) => None,
        (Some(g), _) => Some((g, 3)),
        _ => None,
    };
    render_number(spec, neg, "", digits, has_decimal, remainder, grouping)
}

/// `format(float, spec)`.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    format_float_impl(v, spec, "float")
}

/// `s` copied into a String with one spare byte of capacity (a str object
/// takes such a buffer over without reallocating).
fn owned_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    out.push_str(s);
    out
}

/// `format(str, spec)`.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('s');
    validate_grouping(spec.grouping, Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    match spec.sign {
        Some(' ') => {
            return Err(FmtError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FmtError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FmtError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(FmtError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let width = check_width(spec)?;
    let text: &str = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    if width < 0 {
        return Ok(owned_str(text));
    }
    let len = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    } as i64;
    let total = width.max(len);
    let pad = total - len;
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let lpad = match spec.align.unwrap_or('<') {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + pad as usize * fill.len_utf8() + 1);
    push_repeat(&mut out, fill, lpad);
    out.push_str(text);
    push_repeat(&mut out, fill, pad - lpad);
    Ok(out)
}

/// `format(int, spec_text)`: parse + format, CPython messages.
pub fn fmt_int(v: &BigInt, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    format_int(v, &parse_format_spec_for(spec, "int")?)
}

/// `format(int, spec_text)` for a small int.
pub fn fmt_i64(v: i64, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        let mut tmp = [0u8; 40];
        let start = u64_digits(v.unsigned_abs(), 1, &mut tmp);
        let mut out = String::with_capacity(tmp.len() - start + 2);
        if v < 0 {
            out.push('-');
        }
        out.push_str(std::str::from_utf8(&tmp[start..]).unwrap_or(""));
        return Ok(out);
    }
    format_i64(v, &parse_format_spec_for(spec, "int")?)
}

/// `format(float, spec_text)`.
pub fn fmt_float(v: f64, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    format_float(v, &parse_format_spec_for(spec, "float")?)
}

/// `format(str, spec_text)`.
pub fn fmt_str(s: &str, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(owned_str(s));
    }
    format_str(s, &parse_format_spec_for(spec, "str")?)
}

// ---------------------------------------------------------------------------
// printf-style '%' formatting
// ---------------------------------------------------------------------------

/// A width or precision in a `%` spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentNum {
    Fixed(usize),
    /// '*': taken from the argument tuple (resolve with
    /// [`PercentSpec::set_star_width`] / [`PercentSpec::set_star_precision`]).
    Star,
}

/// Flags of a `%` spec.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// '-': left-justify
    pub minus: bool,
    /// '+': always sign
    pub plus: bool,
    /// ' ': blank for positive
    pub space: bool,
    /// '#': alternate form
    pub alt: bool,
    /// '0': zero padding (numbers only)
    pub zero: bool,
}

/// One `%...c` conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(key)s`
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<PercentNum>,
    pub precision: Option<PercentNum>,
    /// One of `s r a c d i u o x X e E f F g G`.
    pub conv: char,
    /// Character index of `conv` in the format string.
    pub index: usize,
}

impl PercentSpec {
    /// Apply a '*' width taken from the arguments (negative means '-').
    pub fn set_star_width(&mut self, w: i64) -> Result<(), FmtError> {
        if w < 0 {
            self.flags.minus = true;
        }
        let a = w.unsigned_abs();
        if a > MAX_WIDTH as u64 {
            return Err(FmtError::value("width too big"));
        }
        self.width = Some(PercentNum::Fixed(a as usize));
        Ok(())
    }
    /// Apply a '*' precision taken from the arguments (negative means 0).
    pub fn set_star_precision(&mut self, p: i64) -> Result<(), FmtError> {
        if p > i32::MAX as i64 {
            return Err(FmtError::overflow(
                "Python int too large to convert to C int",
            ));
        }
        self.precision = Some(PercentNum::Fixed(p.max(0) as usize));
        Ok(())
    }
    fn width_value(&self) -> usize {
        match self.width {
            Some(PercentNum::Fixed(w)) => w,
            _ => 0,
        }
    }
    fn precision_value(&self) -> Option<usize> {
        match self.precision {
            Some(PercentNum::Fixed(p)) => Some(p),
            _ => None,
        }
    }
}

/// A piece of a parsed `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Literal text (with "%%" already turned into "%").
    Literal(String),
    Spec(PercentSpec),
}

/// Parse a printf-style format string.
///
/// Errors (all ValueError): "incomplete format", "incomplete format key",
/// "unsupported format character 'z' (0x7a) at index 3", "width too big",
/// "precision too big".  (CPython reports an unsupported character only
/// after fetching the argument, so with too few arguments it would say
/// "not enough arguments" instead; we check eagerly.)
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FmtError> {
    // Every syntax character is ASCII, so the scan works on bytes; only the
    // conversion character may need decoding (for its error message).
    let b = fmt.as_bytes();
    let n = b.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut pos = 0usize;
    // Character index of byte `pos`, kept incrementally for `spec.index`.
    let ascii = fmt.is_ascii();
    let (mut counted_bytes, mut counted_chars) = (0usize, 0usize);
    let incomplete = || FmtError::value("incomplete format");
    while pos < n {
        let Some(off) = fmt[pos..].find('%') else {
            lit.push_str(&fmt[pos..]);
            break;
        };
        lit.push_str(&fmt[pos..pos + off]);
        pos += off + 1;
        if b.get(pos) == Some(&b'%') {
            lit.push('%');
            pos += 1;
            continue;
        }
        let mut spec = PercentSpec {
            key: None,
            flags: PercentFlags::default(),
            width: None,
            precision: None,
            conv: '\0',
            index: 0,
        };
        if b.get(pos) == Some(&b'(') {
            pos += 1;
            let start = pos;
            let mut depth = 1usize;
            while depth > 0 {
                match b.get(pos) {
                    None => return Err(FmtError::value("incomplete format key")),
                    Some(&ch) => {
                        if ch == b')' {
                            depth -= 1;
                        } else if ch == b'(' {
                            depth += 1;
                        }
                        pos += 1;
                    }
                }
            }
            spec.key = Some(fmt[start..pos - 1].to_string());
        }
        // Next byte (a non-ASCII lead byte ends every numeric/flag loop
        // below and is decoded as the conversion character).
        let next = |pos: &mut usize| -> Result<u8, FmtError> {
            let ch = b.get(*pos).copied().ok_or_else(incomplete)?;
            *pos += 1;
            Ok(ch)
        };
        let mut ch;
        loop {
            ch = next(&mut pos)?;
            match ch {
                b'-' => spec.flags.minus = true,
                b'+' => spec.flags.plus = true,
                b' ' => spec.flags.space = true,
                b'#' => spec.flags.alt = true,
                b'0' => spec.flags.zero = true,
                _ => break,
            }
        }
        if ch == b'*' {
            spec.width = Some(PercentNum::Star);
            ch = next(&mut pos)?;
        } else if ch.is_ascii_digit() {
            let mut w = (ch - b'0') as usize;
            loop {
                ch = next(&mut pos)?;
                if !ch.is_ascii_digit() {
                    break;
                }
                w = w
                    .checked_mul(10)
                    .and_then(|w| w.checked_add((ch - b'0') as usize))
                    .filter(|&w| w <= MAX_WIDTH)
                    .ok_or_else(|| FmtError::value("width too big"))?;
            }
            spec.width = Some(PercentNum::Fixed(w));
        }
        if ch == b'.' {
            spec.precision = Some(PercentNum::Fixed(0));
            ch = next(&mut pos)?;
            if ch == b'*' {
                spec.precision = Some(PercentNum::Star);
                ch = next(&mut pos)?;
            } else if ch.is_ascii_digit() {
                let mut p = (ch - b'0') as usize;
                loop {
                    ch = next(&mut pos)?;
                    if !ch.is_ascii_digit() {
                        break;
                    }
                    p = p
                        .checked_mul(10)
                        .and_then(|p| p.checked_add((ch - b'0') as usize))
                        .filter(|&p| p <= i32::MAX as usize)
                        .ok_or_else(|| FmtError::value("precision too big"))?;
                }
                spec.precision = Some(PercentNum::Fixed(p));
            }
        }
        if matches!(ch, b'h' | b'l' | b'L') {
            ch = next(&mut pos)?;
        }
        let conv_at = pos - 1;
        let conv = if ch.is_ascii() {
            ch as char
        } else {
            let c = fmt[conv_at..].chars().next().unwrap_or('\u{fffd}');
            pos = conv_at + c.len_utf8();
            c
        };
        spec.conv = conv;
        spec.index = if ascii {
            conv_at
        } else {
            counted_chars += fmt[counted_bytes..conv_at].chars().count();
            counted_bytes = conv_at;
            counted_chars
        };
        if !"srcaiduoxXeEfFgG".contains(conv) {
            let cp = conv as u32;
            let shown = if (31..=126).contains(&cp) { conv } else { '?' };
            return Err(FmtError::value(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown, cp, spec.index
            )));
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(PercentPiece::Spec(spec));
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    Ok(pieces)
}

/// CPython's `unicode_format_arg_output`.
fn percent_output(text: &str, spec: &PercentSpec, numeric: bool) -> Result<String, FmtError> {
    let width = spec.width_value();
    if width > MAX_WIDTH {
        return Err(FmtError::value("width too big"));
    }
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut rest = text;
    let mut len = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    };
    let mut sign = None;
    if numeric {
        if let Some(c @ ('-' | '+')) = rest.chars().next() {
            sign = Some(c);
            rest = &rest[1..];
            len -= 1;
        } else if flags.plus {
            sign = Some('+');
        } else if flags.space {
            sign = Some(' ');
        }
    }
    let mut width = width.max(len);
    let mut out = String::with_capacity(width + 4);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let mut prefix = "";
    if numeric && flags.alt && matches!(spec.conv, 'x' | 'X' | 'o') && rest.len() >= 2 {
        prefix = &rest[..2];
        rest = &rest[2..];
        if fill != ' ' {
            out.push_str(prefix);
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.minus {
        push_repeat(&mut out, fill, (width - len) as i64);
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        out.push_str(prefix);
    }
    out.push_str(rest);
    if width > len {
        push_repeat(&mut out, ' ', (width - len) as i64);
    }
    Ok(out)
}

fn percent_int_impl(v: IntVal<'_>, spec: &PercentSpec) -> Result<String, FmtError> {
    let (radix, prefix) = match spec.conv {
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'o' => (8, "0o"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_radix(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let prec = spec.precision_value().unwrap_or(0);
    if prec > MAX_WIDTH {
        return Err(FmtError::value("precision too big"));
    }
    let mut text = String::with_capacity(digits.len().max(prec) + 3);
    if v.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    push_repeat(&mut text, '0', prec as i64 - digits.len() as i64);
    text.push_str(&digits);
    percent_output(&text, spec, true)
}

/// `'%d' % v` (also i u o x X; '#' adds 0o/0x/0X; precision = minimum digits).
pub fn percent_int(v: &BigInt, spec: &PercentSpec) -> Result<String, FmtError> {
    percent_int_impl(IntVal::Big(v), spec)
}

/// [`percent_int`] for a small int.
pub fn percent_i64(v: i64, spec: &PercentSpec) -> Result<String, FmtError> {
    percent_int_impl(IntVal::Small(v), spec)
}

/// `'%f' % v` (also e E F g G; default precision 6).
pub fn percent_float(v: f64, spec: &PercentSpec) -> Result<String, FmtError> {
    let prec = spec.precision_value().unwrap_or(6);
    if prec > i32::MAX as usize {
        return Err(FmtError::value("precision too big"));
    }
    let code = match spec.conv {
        c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G') => c,
        _ => 'g',
    };
    let text = double_to_string(v, code, prec, spec.flags.alt, false, false, false);
    percent_output(&text, spec, true)
}

/// `'%s' % x` / `%r` / `%a` once the VM has turned the object into text:
/// precision truncates (by characters), width pads with spaces, '-' left-justifies.
pub fn percent_str(s: &str, spec: &PercentSpec) -> Result<String, FmtError> {
    let text = match spec.precision_value() {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    percent_output(text, spec, false)
}

/// `'%c' % x` once the VM has the character (precision is ignored, as in CPython).
pub fn percent_char(c: char, spec: &PercentSpec) -> Result<String, FmtError> {
    let mut buf = [0u8; 4];
    percent_output(c.encode_utf8(&mut buf), spec, false)
}

// ---------------------------------------------------------------------------
// Number parsing
// ---------------------------------------------------------------------------

/// Result of [`parse_int`]: an `i64` when it fits, else a `BigInt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedInt {
    Small(i64),
    Big(BigInt),
}

impl ParsedInt {
    pub fn into_bigint(self) -> BigInt {
        match self {
            ParsedInt::Small(v) => BigInt::from(v),
            ParsedInt::Big(b) => b,
        }
    }
}

/// Map the text to ASCII the way `_PyUnicode_TransformDecimalAndSpaceToASCII`
/// does (Unicode digits -> '0'..'9', Unicode spaces -> ' '); None if some other
/// non-ASCII character is present.
fn to_ascii_number_text(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            return None;
        }
    }
    Some(out)
}

fn trim_number_space(b: &[u8]) -> &[u8] {
    let is_sp = |c: &u8| is_number_space(*c as char);
    let start = b.iter().position(|c| !is_sp(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !is_sp(c)).map_or(start, |i| i + 1);
    &b[start..end.max(start)]
}

fn digit_val(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s, base)` with CPython's rules and messages.
///
/// Errors: ValueError "int() base must be >= 2 and <= 36, or 0" and
/// "invalid literal for int() with base 10: 'abc'".
/// (CPython 3.11's 4300-digit limit for decimal strings is not enforced.)
pub fn parse_int(s: &str, base: u32) -> Result<ParsedInt, FmtError> {
    if base == 1 || base > 36 {
        return Err(FmtError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let err = || {
        FmtError::value(format!(
            "invalid literal for int() with base {}: {}",
            base,
            repr_truncated(s, 200)
        ))
    };
    let text = to_ascii_number_text(s).ok_or_else(err)?;
    let mut b = trim_number_space(&text);
    let mut neg = false;
    if let Some((&c, rest)) = b.split_first() {
        if c == b'+' || c == b'-' {
            neg = c == b'-';
            b = rest;
        }
    }
    let mut radix = base;
    let mut error_if_nonzero = false;
    let lower1 = b.get(1).map(|c| c.to_ascii_lowercase());
    if radix == 0 {
        if b.first() != Some(&b'0') {
            radix = 10;
        } else {
            match lower1 {
                Some(b'x') => radix = 16,
                Some(b'o') => radix = 8,
                Some(b'b') => radix = 2,
                _ => {
                    error_if_nonzero = true;
                    radix = 10;
                }
            }
        }
    }
    if b.first() == Some(&b'0')
        && matches!(
            (radix, lower1),
            (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))
        )
    {
        b = &b[2..];
        if b.first() == Some(&b'_') {
            b = &b[1..];
        }
    }
    if b.is_empty() || b[0] == b'_' || *b.last().unwrap_or(&b'_') == b'_' {
        return Err(err());
    }
    let mut digits: Vec<u8> = Vec::with_capacity(b.len());
    let mut prev_us = false;
    for &c in b {
        if c == b'_' {
            if prev_us {
                return Err(err());
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        if digit_val(c) >= radix {
            return Err(err());
        }
        digits.push(c);
    }
    if error_if_nonzero && digits.iter().any(|&c| c != b'0') {
        return Err(err());
    }
    // Fast path: accumulate in i128 while it cannot overflow
    // (radix**max_digits < 2**127).
    let max_digits = match radix {
        2 => 126,
        3..=10 => 37,
        _ => 24,
    };
    if digits.len() <= max_digits {
        let mut acc: i128 = 0;
        for &c in &digits {
            acc = acc * radix as i128 + digit_val(c) as i128;
        }
        if neg {
            acc = -acc;
        }
        if let Ok(v) = i64::try_from(acc) {
            return Ok(ParsedInt::Small(v));
        }
        return Ok(ParsedInt::Big(BigInt::from(acc)));
    }
    let mag = parse_big_digits(&digits, radix).ok_or_else(err)?;
    let v = if neg { -mag } else { mag };
    Ok(match v.to_i64() {
        Some(x) => ParsedInt::Small(x),
        None => ParsedInt::Big(v),
    })
}

/// Validated digits to a big integer. Long strings in a radix that is not a
/// power of two are split in halves (`hi * radix**len(lo) + lo`) so the cost
/// follows big-integer multiplication instead of growing quadratically:
/// `int('9' * 10**7)` takes seconds, not hours.
fn parse_big_digits(digits: &[u8], radix: u32) -> Option<BigInt> {
    const CHUNK: usize = 2000;
    fn go(d: &[u8], radix: u32, pows: &mut std::collections::HashMap<usize, BigInt>) -> Option<BigInt> {
        if d.len() <= CHUNK {
            return BigInt::parse_bytes(d, radix);
        }
        let lo_len = d.len() / 2;
        let (hi, lo) = d.split_at(d.len() - lo_len);
        let hi = go(hi, radix, pows)?;
        let lo = go(lo, radix, pows)?;
        let p = pows.entry(lo_len).or_insert_with(|| num_traits::pow(BigInt::from(radix), lo_len));
        Some(hi * &*p + lo)
    }
    if radix.is_power_of_two() || digits.len() <= CHUNK {
        return BigInt::parse_bytes(digits, radix);
    }
    go(digits, radix, &mut std::collections::HashMap::new())
}

/// `float(s)` with CPython's rules and message
/// ("could not convert string to float: 'abc'", ValueError).
pub fn parse_float(s: &str) -> Result<f64, FmtError> {
    let err = || {
        FmtError::value(format!(
            "could not convert string to float: {}",
            repr_str(s)
        ))
    };
    let text = to_ascii_number_text(s).ok_or_else(err)?;
    let b = trim_number_space(&text);
    if b.is_empty() {
        return Err(err());
    }
    // Underscores: only between digits.
    let cleaned: Vec<u8>;
    let b: &[u8] = if b.contains(&b'_') {
        let mut out = Vec::with_capacity(b.len());
        let mut prev = 0u8;
        for &c in b {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(err());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(err());
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(err());
        }
        cleaned = out;
        &cleaned
    } else {
        b
    };
    // Validate the grammar ourselves, then let Rust convert (correctly rounded).
    let mut i = 0;
    let (neg, body) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let lower: Vec<u8> = body.iter().map(u8::to_ascii_lowercase).collect();
    if lower == b"inf" || lower == b"infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == b"nan" {
        return Ok(f64::NAN);
    }
    let int_digits = body.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = body[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return Err(err());
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = body[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return Err(err());
        }
        i += exp_digits;
    }
    if i != body.len() {
        return Err(err());
    }
    let st = std::str::from_utf8(b).map_err(|_| err())?;
    st.parse::<f64>().map_err(|_| err())
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn show(r: Result<String, FmtError>) -> String {
        match r {
            Ok(s) => s,
            Err(e) => format!("ERR {}", e),
        }
    }

    #[test]
    fn float_repr_matches_cpython() {
        for &(b, want) in REPR_CASES {
            let x = f64::from_bits(b);
            assert_eq!(float_repr(x), want, "repr of {:e}", x);
        }
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn format_float_matches_cpython() {
        for &(b, spec, want) in FLOAT_CASES {
            let x = f64::from_bits(b);
            assert_eq!(
                show(fmt_float(x, spec)),
                want,
                "format({:e}, {:?})",
                x,
                spec
            );
        }
    }

    #[test]
    fn format_int_matches_cpython() {
        for &(v, spec, want) in INT_CASES {
            let big: BigInt = v.parse().unwrap();
            assert_eq!(show(fmt_int(&big, spec)), want, "format({}, {:?})", v, spec);
            if let Ok(small) = v.parse::<i64>() {
                assert_eq!(
                    show(fmt_i64(small, spec)),
                    want,
                    "format_i64({}, {:?})",
                    v,
                    spec
                );
            }
        }
    }

    #[test]
    fn format_str_matches_cpython() {
        for &(v, spec, want) in STR_CASES {
            assert_eq!(show(fmt_str(v, spec)), want, "format({:?}, {:?})", v, spec);
        }
    }

    /// Apply a one-conversion format string to a single argument the way the
    /// VM would.
    fn percent_one(fmt: &str, kind: char, arg: &str) -> Result<String, FmtError> {
        let mut out = String::new();
        for piece in parse_percent(fmt)? {
            match piece {
                PercentPiece::Literal(s) => out.push_str(&s),
                PercentPiece::Spec(spec) => {
                    let text = match (spec.conv, kind) {
                        ('d' | 'i' | 'u' | 'x' | 'X' | 'o', 'i') => {
                            let big: BigInt = arg.parse().unwrap();
                            let r = percent_int(&big, &spec)?;
                            if let Ok(small) = arg.parse::<i64>() {
                                assert_eq!(percent_i64(small, &spec)?, r);
                            }
                            r
                        }
                        (_, 'f') => {
                            let x = f64::from_bits(u64::from_str_radix(&arg[2..], 16).unwrap());
                            percent_float(x, &spec)?
                        }
                        ('s', _) => percent_str(arg, &spec)?,
                        ('r', _) => percent_str(&repr_str(arg), &spec)?,
                        ('a', _) => percent_str(&ascii_repr_str(arg), &spec)?,
                        ('c', _) => percent_char(arg.chars().next().unwrap(), &spec)?,
                        other => panic!("unexpected {:?}", other),
                    };
                    out.push_str(&text);
                }
            }
        }
        Ok(out)
    }

    #[test]
    fn percent_matches_cpython() {
        for &(fmt, kind, arg, want) in PERCENT_CASES {
            assert_eq!(
                show(percent_one(fmt, kind, arg)),
                want,
                "{:?} % {:?}",
                fmt,
                arg
            );
        }
    }

    #[test]
    fn percent_parse_errors() {
        let err = |f: &str| parse_percent(f).unwrap_err();
        assert_eq!(err("%").msg, "incomplete format");
        assert_eq!(err("abc %5").msg, "incomplete format");
        assert_eq!(err("%.").msg, "incomplete format");
        assert_eq!(err("%-").msg, "incomplete format");
        assert_eq!(err("%l").msg, "incomplete format");
        assert_eq!(err("%(a").msg, "incomplete format key");
        assert_eq!(err("%(a)").msg, "incomplete format");
        assert_eq!(
            err("%d %z").msg,
            "unsupported format character 'z' (0x7a) at index 4"
        );
        assert_eq!(
            err("%(a)%").msg,
            "unsupported format character '%' (0x25) at index 4"
        );
        assert_eq!(
            err("é%\u{1234}").msg,
            "unsupported format character '?' (0x1234) at index 2"
        );
        assert_eq!(err("%99999999999999999999d").msg, "width too big");
        assert_eq!(err("%.99999999999d").msg, "precision too big");
        assert_eq!(err("%z").kind, FmtErrorKind::Value);
    }

    #[test]
    fn percent_parse_structure() {
        let p = parse_percent("a%%b%(x(y))-#010.3lx%*.*f%%").unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(p[0], PercentPiece::Literal("a%b".into()));
        let PercentPiece::Spec(s) = &p[1] else {
            panic!()
        };
        assert_eq!(s.key.as_deref(), Some("x(y)"));
        assert!(s.flags.minus && s.flags.alt && s.flags.zero && !s.flags.plus);
        assert_eq!(s.width, Some(PercentNum::Fixed(10)));
        assert_eq!(s.precision, Some(PercentNum::Fixed(3)));
        assert_eq!(s.conv, 'x');
        assert_eq!(s.index, 19);
        let PercentPiece::Spec(s) = &p[2] else {
            panic!()
        };
        assert_eq!(s.width, Some(PercentNum::Star));
        assert_eq!(s.precision, Some(PercentNum::Star));
        let mut s = s.clone();
        s.set_star_width(-8).unwrap();
        s.set_star_precision(-3).unwrap();
        assert_eq!(percent_float(1.5, &s).unwrap(), "2       ");
        assert!(s.set_star_width(i64::MIN).is_err());
        assert_eq!(p[3], PercentPiece::Literal("%".into()));
        assert_eq!(parse_percent("").unwrap(), vec![]);
        assert_eq!(parse_percent("%.f").unwrap().len(), 1);
    }

    #[test]
    fn parse_int_matches_cpython() {
        for &(s, base, want) in PARSE_INT_CASES {
            let got = match parse_int(s, base) {
                Ok(v) => {
                    let b = v.clone().into_bigint();
                    // Small must be used whenever the value fits.
                    assert_eq!(
                        matches!(v, ParsedInt::Small(_)),
                        b.to_i64().is_some(),
                        "{:?}",
                        s
                    );
                    b.to_string()
                }
                Err(e) => format!("ERR {}", e),
            };
            assert_eq!(got, want, "int({:?}, {})", s, base);
        }
    }

    #[test]
    fn parse_float_matches_cpython() {
        for &(s, want) in PARSE_FLOAT_CASES {
            let got = match parse_float(s) {
                Ok(x) if x.is_nan() => "nan".to_string(),
                Ok(x) => format!("0x{:016x}", x.to_bits()),
                Err(e) => format!("ERR {}", e),
            };
            let want = if want.starts_with("0x7ff8") || want.starts_with("0xfff8") {
                "nan"
            } else {
                want
            };
            assert_eq!(got, want, "float({:?})", s);
        }
    }

    #[test]
    fn repr_matches_cpython() {
        for &(s, r, a) in REPR_STR_CASES {
            assert_eq!(repr_str(s), r, "repr({:?})", s);
            assert_eq!(ascii_repr_str(s), a, "ascii({:?})", s);
        }
        for &(b, r) in REPR_BYTES_CASES {
            assert_eq!(repr_bytes(b), r);
        }
    }

    #[test]
    fn rounding_is_correct() {
        // Python rounds from the exact binary value, half-even on ties.
        assert_eq!(fmt_float(2.675, ".2f").unwrap(), "2.67");
        assert_eq!(fmt_float(0.125, ".2f").unwrap(), "0.12");
        assert_eq!(fmt_float(0.375, ".2f").unwrap(), "0.38");
        assert_eq!(fmt_float(2.5, ".0f").unwrap(), "2");
        assert_eq!(fmt_float(3.5, ".0f").unwrap(), "4");
        assert_eq!(fmt_float(1.0, "").unwrap(), "1.0");
        assert_eq!(fmt_float(1e16, "").unwrap(), "1e+16");
        assert_eq!(fmt_float(0.1, ".3").unwrap(), "0.1");
        assert_eq!(fmt_float(1234.5, ".3").unwrap(), "1.23e+03");
        assert_eq!(fmt_float(1234.5678, ",.2f").unwrap(), "1,234.57");
        assert_eq!(float_to_string_fixed(1.0 / 3.0, 5, false, false), "0.33333");
        assert_eq!(float_to_string_exp(12345.0, 2, false, true), "1.23E+04");
        assert_eq!(
            float_to_string_general(0.00001234, 3, false, false),
            "1.23e-05"
        );
        assert_eq!(
            float_to_string_general(f64::INFINITY, 3, false, true),
            "INF"
        );
        assert_eq!(format_float_percent(0.1234, 1), "12.3%");
        assert_eq!(
            double_to_string(-0.0, 'f', 1, false, false, false, true),
            "0.0"
        );
        assert_eq!(
            double_to_string(1.5, 'e', 3, false, false, true, false),
            "+1.500e+00"
        );
    }

    #[test]
    fn format_spec_parse() {
        let s = parse_format_spec("*^+z#012_.3f").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.no_neg_0 && s.alternate && !s.zero);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some('_'));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = parse_format_spec("010").unwrap();
        assert!(s.zero);
        assert_eq!(s.width, Some(10));
        assert!(parse_format_spec("").unwrap().is_empty());
        assert_eq!(
            parse_format_spec("xyz").unwrap_err().msg,
            "Invalid format specifier"
        );
        assert_eq!(
            parse_format_spec_for("xyz", "bool").unwrap_err().msg,
            "Invalid format specifier 'xyz' for object of type 'bool'"
        );
        // Unicode fill and digits.
        assert_eq!(fmt_str("a", "\u{e9}>\u{662}").unwrap(), "\u{e9}a");
        assert_eq!(
            fmt_i64(5, "\u{1F600}^5").unwrap(),
            "\u{1F600}\u{1F600}5\u{1F600}\u{1F600}"
        );
    }

    #[test]
    fn huge_sizes_do_not_abort() {
        let e = fmt_i64(1, "9999999999999999999").unwrap_err();
        assert_eq!(e.msg, "Too many decimal digits in format string");
        let e = fmt_i64(1, "99999999999").unwrap_err();
        assert_eq!(e.kind, FmtErrorKind::Overflow);
        let e = fmt_float(1.0, ".3000000000f").unwrap_err();
        assert_eq!(e.msg, "precision too big");
        assert!(fmt_str("a", "3000000000").is_err());
        assert_eq!(fmt_i64(1, "1000000").unwrap().len(), 1_000_000);
        let big = BigInt::from(2).pow(3000u32);
        assert!(fmt_int(&big, "e").is_err());
        assert_eq!(
            bigint_to_f64(&big).unwrap_err().kind,
            FmtErrorKind::Overflow
        );
        assert_eq!(fmt_int(&big, "x").unwrap().len(), 751);
    }

    #[test]
    fn char_helpers() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1D7D9}'), Some(1));
        assert_eq!(decimal_value('\u{B2}'), None);
        assert_eq!(decimal_value('a'), None);
        assert!(
            is_printable_char('a') && is_printable_char('\u{e9}') && is_printable_char('\u{301}')
        );
        assert!(
            !is_printable_char('\u{a0}')
                && !is_printable_char('\u{ad}')
                && !is_printable_char('\u{200b}')
        );
        assert!(
            !is_printable_char('\u{e000}')
                && !is_printable_char('\u{378}')
                && !is_printable_char('\n')
        );
        assert!(
            is_grapheme_extend('\u{301}')
                && !is_grapheme_extend('a')
                && !is_grapheme_extend('\u{e9}')
        );
        assert!(is_py_space('\x1c') && is_py_space('\u{3000}') && !is_py_space('\u{200b}'));
    }

    // ---- generated by CPython 3.11 ----
    #[rustfmt::skip]
    static REPR_CASES: &[(u64, &str)] = &[
        (0x0000000000000000, "0.0"),
        (0x8000000000000000, "-0.0"),
        (0x3ff0000000000000, "1.0"),
        (0x3fb999999999999a, "0.1"),
        (0x3fe0000000000000, "0.5"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x4341c37937e08000, "1e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x437b69b4ba630f35, "1.2345678901234568e+17"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3f202e4b6ce5dc68, "0.00012345"),
        (0x0000000000000001, "5e-324"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x4340000000000000, "9007199254740992.0"),
        (0x4340000000000001, "9007199254740994.0"),
        (0x3ff8000000000000, "1.5"),
        (0x4059000000000000, "100.0"),
        (0x40934a0000000000, "1234.5"),
        (0x3f50624dd2f1a9fc, "0.001"),
        (0x41678c29dccccccd, "12345678.9"),
        (0x53d5f40832fa8f64, "7.326852754516093e+95"),
        (0x3aba771a9c993b73, "8.551383418471491e-26"),
        (0x24688d94cfcf4389, "2.702448410243404e-133"),
        (0x57da433ea6fb6c0e, "1.616878239293682e+115"),
        (0x15c5ed213148325d, "8.74174337334456e-204"),
        (0x32cd98cd936a7ae3, "5.6207848807584295e-64"),
        (0x205481973c9f800d, "6.117693227024457e-153"),
        (0x22fb0c749f0c5ab0, "3.5490138633659875e-140"),
        (0x0eabaa00627d8a71, "5.310427544909715e-238"),
        (0x52fcb883c3ff7ead, "5.850522257680846e+91"),
        (0x1e8aa8ed7bf064d8, "1.4814616893018918e-161"),
        (0x0babdb110d98e0ba, "1.8997137872182035e-252"),
        (0x43c6588efa6cd14a, "3.2203881460071516e+18"),
        (0x5cb23f282ac2b4c6, "3.395177723979207e+138"),
        (0x67cb75d94b9db353, "9.787984541856569e+191"),
        (0x532532e1dc389389, "3.454610755095566e+92"),
        (0x1e11c177ee85d8dc, "7.708343385168107e-164"),
        (0x214d50931d23dbf1, "2.8657497539743505e-148"),
        (0x53403eb692a750d1, "1.058931044156586e+93"),
        (0x75f7a10fc86fd16c, "1.8165372860865447e+260"),
        (0x4b036dee8ab9381d, "2.326211032284077e+53"),
        (0x6aa7c300778a1d22, "5.959983222885908e+205"),
        (0x415eca1355286670, "8071245.330590829"),
        (0x2c6ffcad20402f08, "1.1980228776626255e-94"),
        (0x6560afcbd3ed5281, "2.163804302900447e+180"),
        (0x715074992db0acb1, "6.697098403113214e+237"),
        (0x31f963e2415f8399, "5.8860861833151594e-68"),
        (0x697325c225ea48e9, "9.16028685559798e+199"),
        (0x16896fdd995b5d93, "4.153922185136183e-200"),
        (0x1e315a2b95c32fab, "3.0132668452927945e-163"),
        (0x000000000000001e, "1.5e-322"),
        (0x2be7e787e4b302a4, "3.4972732915832305e-97"),
        (0x43eb3b596b142a43, "1.5698083032677358e+19"),
        (0x3fc0701d87e41d88, "0.12842148909861018"),
        (0x0842cc7b9bb8d58b, "7.116772938155662e-269"),
        (0x0bf1c89c3fe16ac0, "3.8810044523033686e-251"),
        (0x21642c4a4045687e, "7.888288722314624e-148"),
        (0x49582443662c004d, "2.153507447146339e+45"),
        (0x6830af727f0b57b0, "7.61258766960389e+193"),
        (0x61861d9337072d13, "6.218490754181522e+161"),
        (0x0000000000c15de5, "6.2610395e-317"),
        (0x40881fe72eda16cd, "771.9878823316773"),
        (0x54b0df558a510c12, "9.226041730681864e+99"),
        (0x7029f8531e40df88, "2.0159461620663908e+232"),
        (0x14b24c27bc3b751f, "5.565629985158106e-209"),
        (0x0c2c58acef029846, "4.948930454623081e-250"),
        (0x4280c80d47bb8f2e, "2306425288561.8975"),
        (0x1dedfde9ae125064, "1.6275546914559356e-164"),
        (0x1b2169947aa6c8d9, "5.371205291941444e-178"),
        (0x69d6b8fab459a459, "6.957202852020547e+201"),
        (0x1a0b1105586dcc84, "3.1849641925417726e-183"),
        (0x64abfc03492e8352, "8.859390853707081e+176"),
        (0x7c8df1b5176cb687, "9.338090702776836e+291"),
        (0x0fa501d9bfa48bc7, "2.642786838499246e-233"),
        (0x5155c81aac7befb3, "6.611648045817963e+83"),
        (0x5d217f2358f33b7c, "4.167182086552499e+140"),
        (0x2f1be4be3764895c, "9.189346498137217e-82"),
        (0x22210792d419b645, "2.727571407641172e-144"),
        (0x4170c7e9c54ed213, "17596060.33174331"),
        (0x210d216ad414f36d, "1.7798386940094488e-149"),
        (0xd2cf5d1dae103641, "-7.9861318468407615e+90"),
        (0xe4b1455b84ad1903, "-1.0935361238560972e+177"),
        (0xf5ce60113fba91d2, "-2.9189478353657627e+259"),
        (0x836170c269cacc7b, "-2.184601947794285e-292"),
        (0x6ae36852b11f43a4, "7.788555104309424e+206"),
        (0x1ec1db445330d7c5, "1.5876286696466443e-160"),
        (0xa4cc1ad011552ddf, "-1.9797549370939524e-131"),
        (0xbe5a445275e38718, "-2.4462941333113226e-08"),
        (0xa0ce08bb31efbef6, "-1.1469035461866962e-150"),
        (0x923c73249f0e5690, "-7.870495342264318e-221"),
        (0xbfc8436533af061b, "-0.1895567419397118"),
        (0x87ed24ba22910c37, "-1.7239120105766284e-270"),
        (0x3bb5a287e4daa2e7, "4.581365329389004e-21"),
        (0x915f892f548dc214, "-5.324859891907138e-225"),
        (0x2017a69d4ad48431, "4.4099001331323714e-154"),
        (0x82a4e5f289cb56b8, "-6.390926442744239e-296"),
        (0xc5795f45b1817b72, "-4.9076889475551325e+26"),
        (0xe4384bebabc67790, "-6.009279127398821e+174"),
        (0x0f27e5e8cc638bb9, "1.1744011760615876e-235"),
        (0xc6f736f0428b2d1b, "-7.533569576135374e+33"),
    ];
    #[rustfmt::skip]
    static FLOAT_CASES: &[(u64, &str, &str)] = &[
        (0x8000000000000000, "", "-0.0"),
        (0x8000000000000000, ".0", "-0e+00"),
        (0x8000000000000000, ".3", "-0.0"),
        (0x8000000000000000, ".17", "-0.0"),
        (0x8000000000000000, "e", "-0.000000e+00"),
        (0x8000000000000000, "E", "-0.000000E+00"),
        (0x8000000000000000, ".0e", "-0e+00"),
        (0x8000000000000000, "#.0e", "-0.e+00"),
        (0x8000000000000000, ".15e", "-0.000000000000000e+00"),
        (0x8000000000000000, "f", "-0.000000"),
        (0x8000000000000000, "F", "-0.000000"),
        (0x8000000000000000, ".0f", "-0"),
        (0x8000000000000000, ".2f", "-0.00"),
        (0x8000000000000000, "#.0f", "-0."),
        (0x8000000000000000, "g", "-0"),
        (0x8000000000000000, "G", "-0"),
        (0x8000000000000000, ".0g", "-0"),
        (0x8000000000000000, ".3g", "-0"),
        (0x8000000000000000, "#g", "-0.00000"),
        (0x8000000000000000, "#.3g", "-0.00"),
        (0x8000000000000000, ".12g", "-0"),
        (0x8000000000000000, "n", "-0"),
        (0x8000000000000000, "%", "-0.000000%"),
        (0x8000000000000000, ".1%", "-0.0%"),
        (0x8000000000000000, "^10", "   -0.0   "),
        (0x8000000000000000, "=10", "-      0.0"),
        (0x8000000000000000, "*^15.3f", "****-0.000*****"),
        (0x8000000000000000, "010", "-0000000.0"),
        (0x8000000000000000, "010.2f", "-000000.00"),
        (0x8000000000000000, "+", "-0.0"),
        (0x8000000000000000, " ", "-0.0"),
        (0x8000000000000000, ",", "-0.0"),
        (0x8000000000000000, ",.2f", "-0.00"),
        (0x8000000000000000, "_.3f", "-0.000"),
        (0x8000000000000000, "015,.2f", "-000,000,000.00"),
        (0x8000000000000000, "012,g", "-000,000,000"),
        (0x8000000000000000, "z.1f", "0.0"),
        (0x8000000000000000, "+z.2f", "+0.00"),
        (0x8000000000000000, "#", "-0.0"),
        (0x8000000000000000, "#.3", "-0.00"),
        (0x8000000000000000, "0=12.3e", "-000.000e+00"),
        (0x8000000000000000, "0<8", "-0.00000"),
        (0x8000000000000000, "-^+012,.4f", "---0.0000---"),
        (0x3ff0000000000000, "", "1.0"),
        (0x3ff0000000000000, ".0", "1e+00"),
        (0x3ff0000000000000, ".3", "1.0"),
        (0x3ff0000000000000, ".17", "1.0"),
        (0x3ff0000000000000, "e", "1.000000e+00"),
        (0x3ff0000000000000, "E", "1.000000E+00"),
        (0x3ff0000000000000, ".0e", "1e+00"),
        (0x3ff0000000000000, "#.0e", "1.e+00"),
        (0x3ff0000000000000, ".15e", "1.000000000000000e+00"),
        (0x3ff0000000000000, "f", "1.000000"),
        (0x3ff0000000000000, "F", "1.000000"),
        (0x3ff0000000000000, ".0f", "1"),
        (0x3ff0000000000000, ".2f", "1.00"),
        (0x3ff0000000000000, "#.0f", "1."),
        (0x3ff0000000000000, "g", "1"),
        (0x3ff0000000000000, "G", "1"),
        (0x3ff0000000000000, ".0g", "1"),
        (0x3ff0000000000000, ".3g", "1"),
        (0x3ff0000000000000, "#g", "1.00000"),
        (0x3ff0000000000000, "#.3g", "1.00"),
        (0x3ff0000000000000, ".12g", "1"),
        (0x3ff0000000000000, "n", "1"),
        (0x3ff0000000000000, "%", "100.000000%"),
        (0x3ff0000000000000, ".1%", "100.0%"),
        (0x3ff0000000000000, "^10", "   1.0    "),
        (0x3ff0000000000000, "=10", "       1.0"),
        (0x3ff0000000000000, "*^15.3f", "*****1.000*****"),
        (0x3ff0000000000000, "010", "00000001.0"),
        (0x3ff0000000000000, "010.2f", "0000001.00"),
        (0x3ff0000000000000, "+", "+1.0"),
        (0x3ff0000000000000, " ", " 1.0"),
        (0x3ff0000000000000, ",", "1.0"),
        (0x3ff0000000000000, ",.2f", "1.00"),
        (0x3ff0000000000000, "_.3f", "1.000"),
        (0x3ff0000000000000, "015,.2f", "0,000,000,001.00"),
        (0x3ff0000000000000, "012,g", "0,000,000,001"),
        (0x3ff0000000000000, "z.1f", "1.0"),
        (0x3ff0000000000000, "+z.2f", "+1.00"),
        (0x3ff0000000000000, "#", "1.0"),
        (0x3ff0000000000000, "#.3", "1.00"),
        (0x3ff0000000000000, "0=12.3e", "0001.000e+00"),
        (0x3ff0000000000000, "0<8", "1.000000"),
        (0x3ff0000000000000, "-^+012,.4f", "--+1.0000---"),
        (0x3fb999999999999a, "", "0.1"),
        (0x3fb999999999999a, ".0", "0.1"),
        (0x3fb999999999999a, ".3", "0.1"),
        (0x3fb999999999999a, ".17", "0.10000000000000001"),
        (0x3fb999999999999a, "e", "1.000000e-01"),
        (0x3fb999999999999a, "E", "1.000000E-01"),
        (0x3fb999999999999a, ".0e", "1e-01"),
        (0x3fb999999999999a, "#.0e", "1.e-01"),
        (0x3fb999999999999a, ".15e", "1.000000000000000e-01"),
        (0x3fb999999999999a, "f", "0.100000"),
        (0x3fb999999999999a, "F", "0.100000"),
        (0x3fb999999999999a, ".0f", "0"),
        (0x3fb999999999999a, ".2f", "0.10"),
        (0x3fb999999999999a, "#.0f", "0."),
        (0x3fb999999999999a, "g", "0.1"),
        (0x3fb999999999999a, "G", "0.1"),
        (0x3fb999999999999a, ".0g", "0.1"),
        (0x3fb999999999999a, ".3g", "0.1"),
        (0x3fb999999999999a, "#g", "0.100000"),
        (0x3fb999999999999a, "#.3g", "0.100"),
        (0x3fb999999999999a, ".12g", "0.1"),
        (0x3fb999999999999a, "n", "0.1"),
        (0x3fb999999999999a, "%", "10.000000%"),
        (0x3fb999999999999a, ".1%", "10.0%"),
        (0x3fb999999999999a, "^10", "   0.1    "),
        (0x3fb999999999999a, "=10", "       0.1"),
        (0x3fb999999999999a, "*^15.3f", "*****0.100*****"),
        (0x3fb999999999999a, "010", "00000000.1"),
        (0x3fb999999999999a, "010.2f", "0000000.10"),
        (0x3fb999999999999a, "+", "+0.1"),
        (0x3fb999999999999a, " ", " 0.1"),
        (0x3fb999999999999a, ",", "0.1"),
        (0x3fb999999999999a, ",.2f", "0.10"),
        (0x3fb999999999999a, "_.3f", "0.100"),
        (0x3fb999999999999a, "015,.2f", "0,000,000,000.10"),
        (0x3fb999999999999a, "012,g", "00,000,000.1"),
        (0x3fb999999999999a, "z.1f", "0.1"),
        (0x3fb999999999999a, "+z.2f", "+0.10"),
        (0x3fb999999999999a, "#", "0.1"),
        (0x3fb999999999999a, "#.3", "0.100"),
        (0x3fb999999999999a, "0=12.3e", "0001.000e-01"),
        (0x3fb999999999999a, "0<8", "0.100000"),
        (0x3fb999999999999a, "-^+012,.4f", "--+0.1000---"),
        (0x4004000000000000, "", "2.5"),
        (0x4004000000000000, ".0", "2e+00"),
        (0x4004000000000000, ".3", "2.5"),
        (0x4004000000000000, ".17", "2.5"),
        (0x4004000000000000, "e", "2.500000e+00"),
        (0x4004000000000000, "E", "2.500000E+00"),
        (0x4004000000000000, ".0e", "2e+00"),
        (0x4004000000000000, "#.0e", "2.e+00"),
        (0x4004000000000000, ".15e", "2.500000000000000e+00"),
        (0x4004000000000000, "f", "2.500000"),
        (0x4004000000000000, "F", "2.500000"),
        (0x4004000000000000, ".0f", "2"),
        (0x4004000000000000, ".2f", "2.50"),
        (0x4004000000000000, "#.0f", "2."),
        (0x4004000000000000, "g", "2.5"),
        (0x4004000000000000, "G", "2.5"),
        (0x4004000000000000, ".0g", "2"),
        (0x4004000000000000, ".3g", "2.5"),
        (0x4004000000000000, "#g", "2.50000"),
        (0x4004000000000000, "#.3g", "2.50"),
        (0x4004000000000000, ".12g", "2.5"),
        (0x4004000000000000, "n", "2.5"),
        (0x4004000000000000, "%", "250.000000%"),
        (0x4004000000000000, ".1%", "250.0%"),
        (0x4004000000000000, "^10", "   2.5    "),
        (0x4004000000000000, "=10", "       2.5"),
        (0x4004000000000000, "*^15.3f", "*****2.500*****"),
        (0x4004000000000000, "010", "00000002.5"),
        (0x4004000000000000, "010.2f", "0000002.50"),
        (0x4004000000000000, "+", "+2.5"),
        (0x4004000000000000, " ", " 2.5"),
        (0x4004000000000000, ",", "2.5"),
        (0x4004000000000000, ",.2f", "2.50"),
        (0x4004000000000000, "_.3f", "2.500"),
        (0x4004000000000000, "015,.2f", "0,000,000,002.50"),
        (0x4004000000000000, "012,g", "00,000,002.5"),
        (0x4004000000000000, "z.1f", "2.5"),
        (0x4004000000000000, "+z.2f", "+2.50"),
        (0x4004000000000000, "#", "2.5"),
        (0x4004000000000000, "#.3", "2.50"),
        (0x4004000000000000, "0=12.3e", "0002.500e+00"),
        (0x4004000000000000, "0<8", "2.500000"),
        (0x4004000000000000, "-^+012,.4f", "--+2.5000---"),
        (0xc005666666666666, "", "-2.675"),
        (0xc005666666666666, ".0", "-3e+00"),
        (0xc005666666666666, ".3", "-2.67"),
        (0xc005666666666666, ".17", "-2.6749999999999998"),
        (0xc005666666666666, "e", "-2.675000e+00"),
        (0xc005666666666666, "E", "-2.675000E+00"),
        (0xc005666666666666, ".0e", "-3e+00"),
        (0xc005666666666666, "#.0e", "-3.e+00"),
        (0xc005666666666666, ".15e", "-2.675000000000000e+00"),
        (0xc005666666666666, "f", "-2.675000"),
        (0xc005666666666666, "F", "-2.675000"),
        (0xc005666666666666, ".0f", "-3"),
        (0xc005666666666666, ".2f", "-2.67"),
        (0xc005666666666666, "#.0f", "-3."),
        (0xc005666666666666, "g", "-2.675"),
        (0xc005666666666666, "G", "-2.675"),
        (0xc005666666666666, ".0g", "-3"),
        (0xc005666666666666, ".3g", "-2.67"),
        (0xc005666666666666, "#g", "-2.67500"),
        (0xc005666666666666, "#.3g", "-2.67"),
        (0xc005666666666666, ".12g", "-2.675"),
        (0xc005666666666666, "n", "-2.675"),
        (0xc005666666666666, "%", "-267.500000%"),
        (0xc005666666666666, ".1%", "-267.5%"),
        (0xc005666666666666, "^10", "  -2.675  "),
        (0xc005666666666666, "=10", "-    2.675"),
        (0xc005666666666666, "*^15.3f", "****-2.675*****"),
        (0xc005666666666666, "010", "-00002.675"),
        (0xc005666666666666, "010.2f", "-000002.67"),
        (0xc005666666666666, "+", "-2.675"),
        (0xc005666666666666, " ", "-2.675"),
        (0xc005666666666666, ",", "-2.675"),
        (0xc005666666666666, ",.2f", "-2.67"),
        (0xc005666666666666, "_.3f", "-2.675"),
        (0xc005666666666666, "015,.2f", "-000,000,002.67"),
        (0xc005666666666666, "012,g", "-000,002.675"),
        (0xc005666666666666, "z.1f", "-2.7"),
        (0xc005666666666666, "+z.2f", "-2.67"),
        (0xc005666666666666, "#", "-2.675"),
        (0xc005666666666666, "#.3", "-2.67"),
        (0xc005666666666666, "0=12.3e", "-002.675e+00"),
        (0xc005666666666666, "0<8", "-2.67500"),
        (0xc005666666666666, "-^+012,.4f", "---2.6750---"),
        (0x40934a0000000000, "", "1234.5"),
        (0x40934a0000000000, ".0", "1e+03"),
        (0x40934a0000000000, ".3", "1.23e+03"),
        (0x40934a0000000000, ".17", "1234.5"),
        (0x40934a0000000000, "e", "1.234500e+03"),
        (0x40934a0000000000, "E", "1.234500E+03"),
        (0x40934a0000000000, ".0e", "1e+03"),
        (0x40934a0000000000, "#.0e", "1.e+03"),
        (0x40934a0000000000, ".15e", "1.234500000000000e+03"),
        (0x40934a0000000000, "f", "1234.500000"),
        (0x40934a0000000000, "F", "1234.500000"),
        (0x40934a0000000000, ".0f", "1234"),
        (0x40934a0000000000, ".2f", "1234.50"),
        (0x40934a0000000000, "#.0f", "1234."),
        (0x40934a0000000000, "g", "1234.5"),
        (0x40934a0000000000, "G", "1234.5"),
        (0x40934a0000000000, ".0g", "1e+03"),
        (0x40934a0000000000, ".3g", "1.23e+03"),
        (0x40934a0000000000, "#g", "1234.50"),
        (0x40934a0000000000, "#.3g", "1.23e+03"),
        (0x40934a0000000000, ".12g", "1234.5"),
        (0x40934a0000000000, "n", "1234.5"),
        (0x40934a0000000000, "%", "123450.000000%"),
        (0x40934a0000000000, ".1%", "123450.0%"),
        (0x40934a0000000000, "^10", "  1234.5  "),
        (0x40934a0000000000, "=10", "    1234.5"),
        (0x40934a0000000000, "*^15.3f", "***1234.500****"),
        (0x40934a0000000000, "010", "00001234.5"),
        (0x40934a0000000000, "010.2f", "0001234.50"),
        (0x40934a0000000000, "+", "+1234.5"),
        (0x40934a0000000000, " ", " 1234.5"),
        (0x40934a0000000000, ",", "1,234.5"),
        (0x40934a0000000000, ",.2f", "1,234.50"),
        (0x40934a0000000000, "_.3f", "1_234.500"),
        (0x40934a0000000000, "015,.2f", "0,000,001,234.50"),
        (0x40934a0000000000, "012,g", "00,001,234.5"),
        (0x40934a0000000000, "z.1f", "1234.5"),
        (0x40934a0000000000, "+z.2f", "+1234.50"),
        (0x40934a0000000000, "#", "1234.5"),
        (0x40934a0000000000, "#.3", "1.23e+03"),
        (0x40934a0000000000, "0=12.3e", "0001.234e+03"),
        (0x40934a0000000000, "0<8", "1234.500"),
        (0x40934a0000000000, "-^+012,.4f", "+1,234.5000-"),
        (0xc0934a456d5cfaad, "", "-1234.5678"),
        (0xc0934a456d5cfaad, ".0", "-1e+03"),
        (0xc0934a456d5cfaad, ".3", "-1.23e+03"),
        (0xc0934a456d5cfaad, ".17", "-1234.5678"),
        (0xc0934a456d5cfaad, "e", "-1.234568e+03"),
        (0xc0934a456d5cfaad, "E", "-1.234568E+03"),
        (0xc0934a456d5cfaad, ".0e", "-1e+03"),
        (0xc0934a456d5cfaad, "#.0e", "-1.e+03"),
        (0xc0934a456d5cfaad, ".15e", "-1.234567800000000e+03"),
        (0xc0934a456d5cfaad, "f", "-1234.567800"),
        (0xc0934a456d5cfaad, "F", "-1234.567800"),
        (0xc0934a456d5cfaad, ".0f", "-1235"),
        (0xc0934a456d5cfaad, ".2f", "-1234.57"),
        (0xc0934a456d5cfaad, "#.0f", "-1235."),
        (0xc0934a456d5cfaad, "g", "-1234.57"),
        (0xc0934a456d5cfaad, "G", "-1234.57"),
        (0xc0934a456d5cfaad, ".0g", "-1e+03"),
        (0xc0934a456d5cfaad, ".3g", "-1.23e+03"),
        (0xc0934a456d5cfaad, "#g", "-1234.57"),
        (0xc0934a456d5cfaad, "#.3g", "-1.23e+03"),
        (0xc0934a456d5cfaad, ".12g", "-1234.5678"),
        (0xc0934a456d5cfaad, "n", "-1234.57"),
        (0xc0934a456d5cfaad, "%", "-123456.780000%"),
        (0xc0934a456d5cfaad, ".1%", "-123456.8%"),
        (0xc0934a456d5cfaad, "^10", "-1234.5678"),
        (0xc0934a456d5cfaad, "=10", "-1234.5678"),
        (0xc0934a456d5cfaad, "*^15.3f", "***-1234.568***"),
        (0xc0934a456d5cfaad, "010", "-1234.5678"),
        (0xc0934a456d5cfaad, "010.2f", "-001234.57"),
        (0xc0934a456d5cfaad, "+", "-1234.5678"),
        (0xc0934a456d5cfaad, " ", "-1234.5678"),
        (0xc0934a456d5cfaad, ",", "-1,234.5678"),
        (0xc0934a456d5cfaad, ",.2f", "-1,234.57"),
        (0xc0934a456d5cfaad, "_.3f", "-1_234.568"),
        (0xc0934a456d5cfaad, "015,.2f", "-000,001,234.57"),
        (0xc0934a456d5cfaad, "012,g", "-0,001,234.57"),
        (0xc0934a456d5cfaad, "z.1f", "-1234.6"),
        (0xc0934a456d5cfaad, "+z.2f", "-1234.57"),
        (0xc0934a456d5cfaad, "#", "-1234.5678"),
        (0xc0934a456d5cfaad, "#.3", "-1.23e+03"),
        (0xc0934a456d5cfaad, "0=12.3e", "-001.235e+03"),
        (0xc0934a456d5cfaad, "0<8", "-1234.5678"),
        (0xc0934a456d5cfaad, "-^+012,.4f", "-1,234.5678-"),
        (0x4341c37937e08000, "", "1e+16"),
        (0x4341c37937e08000, ".0", "1e+16"),
        (0x4341c37937e08000, ".3", "1e+16"),
        (0x4341c37937e08000, ".17", "1e+16"),
        (0x4341c37937e08000, "e", "1.000000e+16"),
        (0x4341c37937e08000, "E", "1.000000E+16"),
        (0x4341c37937e08000, ".0e", "1e+16"),
        (0x4341c37937e08000, "#.0e", "1.e+16"),
        (0x4341c37937e08000, ".15e", "1.000000000000000e+16"),
        (0x4341c37937e08000, "f", "10000000000000000.000000"),
        (0x4341c37937e08000, "F", "10000000000000000.000000"),
        (0x4341c37937e08000, ".0f", "10000000000000000"),
        (0x4341c37937e08000, ".2f", "10000000000000000.00"),
        (0x4341c37937e08000, "#.0f", "10000000000000000."),
        (0x4341c37937e08000, "g", "1e+16"),
        (0x4341c37937e08000, "G", "1E+16"),
        (0x4341c37937e08000, ".0g", "1e+16"),
        (0x4341c37937e08000, ".3g", "1e+16"),
        (0x4341c37937e08000, "#g", "1.00000e+16"),
        (0x4341c37937e08000, "#.3g", "1.00e+16"),
        (0x4341c37937e08000, ".12g", "1e+16"),
        (0x4341c37937e08000, "n", "1e+16"),
        (0x4341c37937e08000, "%", "1000000000000000000.000000%"),
        (0x4341c37937e08000, ".1%", "1000000000000000000.0%"),
        (0x4341c37937e08000, "^10", "  1e+16   "),
        (0x4341c37937e08000, "=10", "     1e+16"),
        (0x4341c37937e08000, "*^15.3f", "10000000000000000.000"),
        (0x4341c37937e08000, "010", "000001e+16"),
        (0x4341c37937e08000, "010.2f", "10000000000000000.00"),
        (0x4341c37937e08000, "+", "+1e+16"),
        (0x4341c37937e08000, " ", " 1e+16"),
        (0x4341c37937e08000, ",", "1e+16"),
        (0x4341c37937e08000, ",.2f", "10,000,000,000,000,000.00"),
        (0x4341c37937e08000, "_.3f", "10_000_000_000_000_000.000"),
        (0x4341c37937e08000, "015,.2f", "10,000,000,000,000,000.00"),
        (0x4341c37937e08000, "012,g", "0,000,001e+16"),
        (0x4341c37937e08000, "z.1f", "10000000000000000.0"),
        (0x4341c37937e08000, "+z.2f", "+10000000000000000.00"),
        (0x4341c37937e08000, "#", "1.e+16"),
        (0x4341c37937e08000, "#.3", "1.00e+16"),
        (0x4341c37937e08000, "0=12.3e", "0001.000e+16"),
        (0x4341c37937e08000, "0<8", "1e+16000"),
        (0x4341c37937e08000, "-^+012,.4f", "+10,000,000,000,000,000.0000"),
        (0x3f202e7ef70994dd, "", "0.000123456"),
        (0x3f202e7ef70994dd, ".0", "0.0001"),
        (0x3f202e7ef70994dd, ".3", "0.000123"),
        (0x3f202e7ef70994dd, ".17", "0.00012345600000000001"),
        (0x3f202e7ef70994dd, "e", "1.234560e-04"),
        (0x3f202e7ef70994dd, "E", "1.234560E-04"),
        (0x3f202e7ef70994dd, ".0e", "1e-04"),
        (0x3f202e7ef70994dd, "#.0e", "1.e-04"),
        (0x3f202e7ef70994dd, ".15e", "1.234560000000000e-04"),
        (0x3f202e7ef70994dd, "f", "0.000123"),
        (0x3f202e7ef70994dd, "F", "0.000123"),
        (0x3f202e7ef70994dd, ".0f", "0"),
        (0x3f202e7ef70994dd, ".2f", "0.00"),
        (0x3f202e7ef70994dd, "#.0f", "0."),
        (0x3f202e7ef70994dd, "g", "0.000123456"),
        (0x3f202e7ef70994dd, "G", "0.000123456"),
        (0x3f202e7ef70994dd, ".0g", "0.0001"),
        (0x3f202e7ef70994dd, ".3g", "0.000123"),
        (0x3f202e7ef70994dd, "#g", "0.000123456"),
        (0x3f202e7ef70994dd, "#.3g", "0.000123"),
        (0x3f202e7ef70994dd, ".12g", "0.000123456"),
        (0x3f202e7ef70994dd, "n", "0.000123456"),
        (0x3f202e7ef70994dd, "%", "0.012346%"),
        (0x3f202e7ef70994dd, ".1%", "0.0%"),
        (0x3f202e7ef70994dd, "^10", "0.000123456"),
        (0x3f202e7ef70994dd, "=10", "0.000123456"),
        (0x3f202e7ef70994dd, "*^15.3f", "*****0.000*****"),
        (0x3f202e7ef70994dd, "010", "0.000123456"),
        (0x3f202e7ef70994dd, "010.2f", "0000000.00"),
        (0x3f202e7ef70994dd, "+", "+0.000123456"),
        (0x3f202e7ef70994dd, " ", " 0.000123456"),
        (0x3f202e7ef70994dd, ",", "0.000123456"),
        (0x3f202e7ef70994dd, ",.2f", "0.00"),
        (0x3f202e7ef70994dd, "_.3f", "0.000"),
        (0x3f202e7ef70994dd, "015,.2f", "0,000,000,000.00"),
        (0x3f202e7ef70994dd, "012,g", "00.000123456"),
        (0x3f202e7ef70994dd, "z.1f", "0.0"),
        (0x3f202e7ef70994dd, "+z.2f", "+0.00"),
        (0x3f202e7ef70994dd, "#", "0.000123456"),
        (0x3f202e7ef70994dd, "#.3", "0.000123"),
        (0x3f202e7ef70994dd, "0=12.3e", "0001.235e-04"),
        (0x3f202e7ef70994dd, "0<8", "0.000123456"),
        (0x3f202e7ef70994dd, "-^+012,.4f", "--+0.0001---"),
        (0x0000000000000001, "", "5e-324"),
        (0x0000000000000001, ".0", "5e-324"),
        (0x0000000000000001, ".3", "4.94e-324"),
        (0x0000000000000001, ".17", "4.9406564584124654e-324"),
        (0x0000000000000001, "e", "4.940656e-324"),
        (0x0000000000000001, "E", "4.940656E-324"),
        (0x0000000000000001, ".0e", "5e-324"),
        (0x0000000000000001, "#.0e", "5.e-324"),
        (0x0000000000000001, ".15e", "4.940656458412465e-324"),
        (0x0000000000000001, "f", "0.000000"),
        (0x0000000000000001, "F", "0.000000"),
        (0x0000000000000001, ".0f", "0"),
        (0x0000000000000001, ".2f", "0.00"),
        (0x0000000000000001, "#.0f", "0."),
        (0x0000000000000001, "g", "4.94066e-324"),
        (0x0000000000000001, "G", "4.94066E-324"),
        (0x0000000000000001, ".0g", "5e-324"),
        (0x0000000000000001, ".3g", "4.94e-324"),
        (0x0000000000000001, "#g", "4.94066e-324"),
        (0x0000000000000001, "#.3g", "4.94e-324"),
        (0x0000000000000001, ".12g", "4.94065645841e-324"),
        (0x0000000000000001, "n", "4.94066e-324"),
        (0x0000000000000001, "%", "0.000000%"),
        (0x0000000000000001, ".1%", "0.0%"),
        (0x0000000000000001, "^10", "  5e-324  "),
        (0x0000000000000001, "=10", "    5e-324"),
        (0x0000000000000001, "*^15.3f", "*****0.000*****"),
        (0x0000000000000001, "010", "00005e-324"),
        (0x0000000000000001, "010.2f", "0000000.00"),
        (0x0000000000000001, "+", "+5e-324"),
        (0x0000000000000001, " ", " 5e-324"),
        (0x0000000000000001, ",", "5e-324"),
        (0x0000000000000001, ",.2f", "0.00"),
        (0x0000000000000001, "_.3f", "0.000"),
        (0x0000000000000001, "015,.2f", "0,000,000,000.00"),
        (0x0000000000000001, "012,g", "4.94066e-324"),
        (0x0000000000000001, "z.1f", "0.0"),
        (0x0000000000000001, "+z.2f", "+0.00"),
        (0x0000000000000001, "#", "5.e-324"),
        (0x0000000000000001, "#.3", "4.94e-324"),
        (0x0000000000000001, "0=12.3e", "004.941e-324"),
        (0x0000000000000001, "0<8", "5e-32400"),
        (0x0000000000000001, "-^+012,.4f", "--+0.0000---"),
        (0x408f3fffcb923a2a, "", "999.9999"),
        (0x408f3fffcb923a2a, ".0", "1e+03"),
        (0x408f3fffcb923a2a, ".3", "1e+03"),
        (0x408f3fffcb923a2a, ".17", "999.99990000000003"),
        (0x408f3fffcb923a2a, "e", "9.999999e+02"),
        (0x408f3fffcb923a2a, "E", "9.999999E+02"),
        (0x408f3fffcb923a2a, ".0e", "1e+03"),
        (0x408f3fffcb923a2a, "#.0e", "1.e+03"),
        (0x408f3fffcb923a2a, ".15e", "9.999999000000000e+02"),
        (0x408f3fffcb923a2a, "f", "999.999900"),
        (0x408f3fffcb923a2a, "F", "999.999900"),
        (0x408f3fffcb923a2a, ".0f", "1000"),
        (0x408f3fffcb923a2a, ".2f", "1000.00"),
        (0x408f3fffcb923a2a, "#.0f", "1000."),
        (0x408f3fffcb923a2a, "g", "1000"),
        (0x408f3fffcb923a2a, "G", "1000"),
        (0x408f3fffcb923a2a, ".0g", "1e+03"),
        (0x408f3fffcb923a2a, ".3g", "1e+03"),
        (0x408f3fffcb923a2a, "#g", "1000.00"),
        (0x408f3fffcb923a2a, "#.3g", "1.00e+03"),
        (0x408f3fffcb923a2a, ".12g", "999.9999"),
        (0x408f3fffcb923a2a, "n", "1000"),
        (0x408f3fffcb923a2a, "%", "99999.990000%"),
        (0x408f3fffcb923a2a, ".1%", "100000.0%"),
        (0x408f3fffcb923a2a, "^10", " 999.9999 "),
        (0x408f3fffcb923a2a, "=10", "  999.9999"),
        (0x408f3fffcb923a2a, "*^15.3f", "***1000.000****"),
        (0x408f3fffcb923a2a, "010", "00999.9999"),
        (0x408f3fffcb923a2a, "010.2f", "0001000.00"),
        (0x408f3fffcb923a2a, "+", "+999.9999"),
        (0x408f3fffcb923a2a, " ", " 999.9999"),
        (0x408f3fffcb923a2a, ",", "999.9999"),
        (0x408f3fffcb923a2a, ",.2f", "1,000.00"),
        (0x408f3fffcb923a2a, "_.3f", "1_000.000"),
        (0x408f3fffcb923a2a, "015,.2f", "0,000,001,000.00"),
        (0x408f3fffcb923a2a, "012,g", "0,000,001,000"),
        (0x408f3fffcb923a2a, "z.1f", "1000.0"),
        (0x408f3fffcb923a2a, "+z.2f", "+1000.00"),
        (0x408f3fffcb923a2a, "#", "999.9999"),
        (0x408f3fffcb923a2a, "#.3", "1.00e+03"),
        (0x408f3fffcb923a2a, "0=12.3e", "0001.000e+03"),
        (0x408f3fffcb923a2a, "0<8", "999.9999"),
        (0x408f3fffcb923a2a, "-^+012,.4f", "-+999.9999--"),
        (0xfff0000000000000, "", "-inf"),
        (0xfff0000000000000, ".0", "-inf"),
        (0xfff0000000000000, ".3", "-inf"),
        (0xfff0000000000000, ".17", "-inf"),
        (0xfff0000000000000, "e", "-inf"),
        (0xfff0000000000000, "E", "-INF"),
        (0xfff0000000000000, ".0e", "-inf"),
        (0xfff0000000000000, "#.0e", "-inf"),
        (0xfff0000000000000, ".15e", "-inf"),
        (0xfff0000000000000, "f", "-inf"),
        (0xfff0000000000000, "F", "-INF"),
        (0xfff0000000000000, ".0f", "-inf"),
        (0xfff0000000000000, ".2f", "-inf"),
        (0xfff0000000000000, "#.0f", "-inf"),
        (0xfff0000000000000, "g", "-inf"),
        (0xfff0000000000000, "G", "-INF"),
        (0xfff0000000000000, ".0g", "-inf"),
        (0xfff0000000000000, ".3g", "-inf"),
        (0xfff0000000000000, "#g", "-inf"),
        (0xfff0000000000000, "#.3g", "-inf"),
        (0xfff0000000000000, ".12g", "-inf"),
        (0xfff0000000000000, "n", "-inf"),
        (0xfff0000000000000, "%", "-inf%"),
        (0xfff0000000000000, ".1%", "-inf%"),
        (0xfff0000000000000, "^10", "   -inf   "),
        (0xfff0000000000000, "=10", "-      inf"),
        (0xfff0000000000000, "*^15.3f", "*****-inf******"),
        (0xfff0000000000000, "010", "-000000inf"),
        (0xfff0000000000000, "010.2f", "-000000inf"),
        (0xfff0000000000000, "+", "-inf"),
        (0xfff0000000000000, " ", "-inf"),
        (0xfff0000000000000, ",", "-inf"),
        (0xfff0000000000000, ",.2f", "-inf"),
        (0xfff0000000000000, "_.3f", "-inf"),
        (0xfff0000000000000, "015,.2f", "-00000000000inf"),
        (0xfff0000000000000, "012,g", "-00000000inf"),
        (0xfff0000000000000, "z.1f", "-inf"),
        (0xfff0000000000000, "+z.2f", "-inf"),
        (0xfff0000000000000, "#", "-inf"),
        (0xfff0000000000000, "#.3", "-inf"),
        (0xfff0000000000000, "0=12.3e", "-00000000inf"),
        (0xfff0000000000000, "0<8", "-inf0000"),
        (0xfff0000000000000, "-^+012,.4f", "-----inf----"),
        (0x7ff8000000000000, "", "nan"),
        (0x7ff8000000000000, ".0", "nan"),
        (0x7ff8000000000000, ".3", "nan"),
        (0x7ff8000000000000, ".17", "nan"),
        (0x7ff8000000000000, "e", "nan"),
        (0x7ff8000000000000, "E", "NAN"),
        (0x7ff8000000000000, ".0e", "nan"),
        (0x7ff8000000000000, "#.0e", "nan"),
        (0x7ff8000000000000, ".15e", "nan"),
        (0x7ff8000000000000, "f", "nan"),
        (0x7ff8000000000000, "F", "NAN"),
        (0x7ff8000000000000, ".0f", "nan"),
        (0x7ff8000000000000, ".2f", "nan"),
        (0x7ff8000000000000, "#.0f", "nan"),
        (0x7ff8000000000000, "g", "nan"),
        (0x7ff8000000000000, "G", "NAN"),
        (0x7ff8000000000000, ".0g", "nan"),
        (0x7ff8000000000000, ".3g", "nan"),
        (0x7ff8000000000000, "#g", "nan"),
        (0x7ff8000000000000, "#.3g", "nan"),
        (0x7ff8000000000000, ".12g", "nan"),
        (0x7ff8000000000000, "n", "nan"),
        (0x7ff8000000000000, "%", "nan%"),
        (0x7ff8000000000000, ".1%", "nan%"),
        (0x7ff8000000000000, "^10", "   nan    "),
        (0x7ff8000000000000, "=10", "       nan"),
        (0x7ff8000000000000, "*^15.3f", "******nan******"),
        (0x7ff8000000000000, "010", "0000000nan"),
        (0x7ff8000000000000, "010.2f", "0000000nan"),
        (0x7ff8000000000000, "+", "+nan"),
        (0x7ff8000000000000, " ", " nan"),
        (0x7ff8000000000000, ",", "nan"),
        (0x7ff8000000000000, ",.2f", "nan"),
        (0x7ff8000000000000, "_.3f", "nan"),
        (0x7ff8000000000000, "015,.2f", "000000000000nan"),
        (0x7ff8000000000000, "012,g", "000000000nan"),
        (0x7ff8000000000000, "z.1f", "nan"),
        (0x7ff8000000000000, "+z.2f", "+nan"),
        (0x7ff8000000000000, "#", "nan"),
        (0x7ff8000000000000, "#.3", "nan"),
        (0x7ff8000000000000, "0=12.3e", "000000000nan"),
        (0x7ff8000000000000, "0<8", "nan00000"),
        (0x7ff8000000000000, "-^+012,.4f", "----+nan----"),
        (0x3ff8000000000000, "d", "ERR ValueError: Unknown format code 'd' for object of type 'float'"),
        (0x3ff8000000000000, "x", "ERR ValueError: Unknown format code 'x' for object of type 'float'"),
        (0x3ff8000000000000, "s", "ERR ValueError: Unknown format code 's' for object of type 'float'"),
        (0x3ff8000000000000, "c", "ERR ValueError: Unknown format code 'c' for object of type 'float'"),
        (0x3ff8000000000000, ",n", "ERR ValueError: Cannot specify ',' with 'n'."),
        (0x3ff8000000000000, "_n", "ERR ValueError: Cannot specify '_' with 'n'."),
        (0x3ff8000000000000, "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'float'"),
        (0x3ff8000000000000, ",_", "ERR ValueError: Cannot specify both ',' and '_'."),
        (0x3ff8000000000000, "_,", "ERR ValueError: Cannot specify both ',' and '_'."),
        (0x3ff8000000000000, ".", "ERR ValueError: Format specifier missing precision"),
        (0x3ff8000000000000, "9999999999999999999", "ERR ValueError: Too many decimal digits in format string"),
        (0x3ff8000000000000, ".9999999999999999999", "ERR ValueError: Too many decimal digits in format string"),
        (0x3ff8000000000000, ".3000000000f", "ERR ValueError: precision too big"),
        (0x3ff8000000000000, "q", "ERR ValueError: Unknown format code 'q' for object of type 'float'"),
        (0x3ff8000000000000, ",x", "ERR ValueError: Cannot specify ',' with 'x'."),
        (0x3ff8000000000000, ".2s", "ERR ValueError: Unknown format code 's' for object of type 'float'"),
        (0x3ff8000000000000, "=\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'float'"),
    ];
    #[rustfmt::skip]
    static INT_CASES: &[(&str, &str, &str)] = &[
        ("0", "", "0"),
        ("0", "n", "0"),
        ("0", "b", "0"),
        ("0", "o", "0"),
        ("0", "x", "0"),
        ("0", "X", "0"),
        ("0", "#b", "0b0"),
        ("0", "#o", "0o0"),
        ("0", "#X", "0X0"),
        ("0", "c", "\u{0}"),
        ("0", ",", "0"),
        ("0", "_", "0"),
        ("0", "_b", "0"),
        ("0", "#_x", "0x0"),
        ("0", "#_o", "0o0"),
        ("0", "<10", "0         "),
        ("0", "^10", "    0     "),
        ("0", "^11", "     0     "),
        ("0", "=10", "         0"),
        ("0", "010", "0000000000"),
        ("0", "+", "+0"),
        ("0", " ", " 0"),
        ("0", "+010", "+000000000"),
        ("0", "#010x", "0x00000000"),
        ("0", "#012_b", "0b0_0000_0000"),
        ("0", "016,", "0,000,000,000,000"),
        ("0", "012,", "0,000,000,000"),
        ("0", "*>+12,", "**********+0"),
        ("0", "0>10", "0000000000"),
        ("0", "e", "0.000000e+00"),
        ("0", ".2f", "0.00"),
        ("0", ",.1f", "0.0"),
        ("0", "g", "0"),
        ("0", "%", "0.000000%"),
        ("0", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("0", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("0", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("0", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("0", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("0", "05c", "0000\u{0}"),
        ("0", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("0", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("0", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("0", " ^+#010_b", "   +0b0   "),
        ("42", "", "42"),
        ("42", "n", "42"),
        ("42", "b", "101010"),
        ("42", "o", "52"),
        ("42", "x", "2a"),
        ("42", "X", "2A"),
        ("42", "#b", "0b101010"),
        ("42", "#o", "0o52"),
        ("42", "#X", "0X2A"),
        ("42", "c", "*"),
        ("42", ",", "42"),
        ("42", "_", "42"),
        ("42", "_b", "10_1010"),
        ("42", "#_x", "0x2a"),
        ("42", "#_o", "0o52"),
        ("42", "<10", "42        "),
        ("42", "^10", "    42    "),
        ("42", "^11", "    42     "),
        ("42", "=10", "        42"),
        ("42", "010", "0000000042"),
        ("42", "+", "+42"),
        ("42", " ", " 42"),
        ("42", "+010", "+000000042"),
        ("42", "#010x", "0x0000002a"),
        ("42", "#012_b", "0b0_0010_1010"),
        ("42", "016,", "0,000,000,000,042"),
        ("42", "012,", "0,000,000,042"),
        ("42", "*>+12,", "*********+42"),
        ("42", "0>10", "0000000042"),
        ("42", "e", "4.200000e+01"),
        ("42", ".2f", "42.00"),
        ("42", ",.1f", "42.0"),
        ("42", "g", "42"),
        ("42", "%", "4200.000000%"),
        ("42", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("42", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("42", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("42", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("42", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("42", "05c", "0000*"),
        ("42", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("42", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("42", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("42", " ^+#010_b", "+0b10_1010"),
        ("-255", "", "-255"),
        ("-255", "n", "-255"),
        ("-255", "b", "-11111111"),
        ("-255", "o", "-377"),
        ("-255", "x", "-ff"),
        ("-255", "X", "-FF"),
        ("-255", "#b", "-0b11111111"),
        ("-255", "#o", "-0o377"),
        ("-255", "#X", "-0XFF"),
        ("-255", "c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("-255", ",", "-255"),
        ("-255", "_", "-255"),
        ("-255", "_b", "-1111_1111"),
        ("-255", "#_x", "-0xff"),
        ("-255", "#_o", "-0o377"),
        ("-255", "<10", "-255      "),
        ("-255", "^10", "   -255   "),
        ("-255", "^11", "   -255    "),
        ("-255", "=10", "-      255"),
        ("-255", "010", "-000000255"),
        ("-255", "+", "-255"),
        ("-255", " ", "-255"),
        ("-255", "+010", "-000000255"),
        ("-255", "#010x", "-0x00000ff"),
        ("-255", "#012_b", "-0b1111_1111"),
        ("-255", "016,", "-000,000,000,255"),
        ("-255", "012,", "-000,000,255"),
        ("-255", "*>+12,", "********-255"),
        ("-255", "0>10", "000000-255"),
        ("-255", "e", "-2.550000e+02"),
        ("-255", ".2f", "-255.00"),
        ("-255", ",.1f", "-255.0"),
        ("-255", "g", "-255"),
        ("-255", "%", "-25500.000000%"),
        ("-255", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("-255", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("-255", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("-255", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("-255", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("-255", "05c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("-255", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("-255", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("-255", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("-255", " ^+#010_b", "-0b1111_1111"),
        ("1234567", "", "1234567"),
        ("1234567", "n", "1234567"),
        ("1234567", "b", "100101101011010000111"),
        ("1234567", "o", "4553207"),
        ("1234567", "x", "12d687"),
        ("1234567", "X", "12D687"),
        ("1234567", "#b", "0b100101101011010000111"),
        ("1234567", "#o", "0o4553207"),
        ("1234567", "#X", "0X12D687"),
        ("1234567", "c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("1234567", ",", "1,234,567"),
        ("1234567", "_", "1_234_567"),
        ("1234567", "_b", "1_0010_1101_0110_1000_0111"),
        ("1234567", "#_x", "0x12_d687"),
        ("1234567", "#_o", "0o455_3207"),
        ("1234567", "<10", "1234567   "),
        ("1234567", "^10", " 1234567  "),
        ("1234567", "^11", "  1234567  "),
        ("1234567", "=10", "   1234567"),
        ("1234567", "010", "0001234567"),
        ("1234567", "+", "+1234567"),
        ("1234567", " ", " 1234567"),
        ("1234567", "+010", "+001234567"),
        ("1234567", "#010x", "0x0012d687"),
        ("1234567", "#012_b", "0b1_0010_1101_0110_1000_0111"),
        ("1234567", "016,", "0,000,001,234,567"),
        ("1234567", "012,", "0,001,234,567"),
        ("1234567", "*>+12,", "**+1,234,567"),
        ("1234567", "0>10", "0001234567"),
        ("1234567", "e", "1.234567e+06"),
        ("1234567", ".2f", "1234567.00"),
        ("1234567", ",.1f", "1,234,567.0"),
        ("1234567", "g", "1.23457e+06"),
        ("1234567", "%", "123456700.000000%"),
        ("1234567", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("1234567", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("1234567", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("1234567", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("1234567", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("1234567", "05c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("1234567", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("1234567", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("1234567", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("1234567", " ^+#010_b", "+0b1_0010_1101_0110_1000_0111"),
        ("-9223372036854775808", "", "-9223372036854775808"),
        ("-9223372036854775808", "n", "-9223372036854775808"),
        ("-9223372036854775808", "b", "-1000000000000000000000000000000000000000000000000000000000000000"),
        ("-9223372036854775808", "o", "-1000000000000000000000"),
        ("-9223372036854775808", "x", "-8000000000000000"),
        ("-9223372036854775808", "X", "-8000000000000000"),
        ("-9223372036854775808", "#b", "-0b1000000000000000000000000000000000000000000000000000000000000000"),
        ("-9223372036854775808", "#o", "-0o1000000000000000000000"),
        ("-9223372036854775808", "#X", "-0X8000000000000000"),
        ("-9223372036854775808", "c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("-9223372036854775808", ",", "-9,223,372,036,854,775,808"),
        ("-9223372036854775808", "_", "-9_223_372_036_854_775_808"),
        ("-9223372036854775808", "_b", "-1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("-9223372036854775808", "#_x", "-0x8000_0000_0000_0000"),
        ("-9223372036854775808", "#_o", "-0o10_0000_0000_0000_0000_0000"),
        ("-9223372036854775808", "<10", "-9223372036854775808"),
        ("-9223372036854775808", "^10", "-9223372036854775808"),
        ("-9223372036854775808", "^11", "-9223372036854775808"),
        ("-9223372036854775808", "=10", "-9223372036854775808"),
        ("-9223372036854775808", "010", "-9223372036854775808"),
        ("-9223372036854775808", "+", "-9223372036854775808"),
        ("-9223372036854775808", " ", "-9223372036854775808"),
        ("-9223372036854775808", "+010", "-9223372036854775808"),
        ("-9223372036854775808", "#010x", "-0x8000000000000000"),
        ("-9223372036854775808", "#012_b", "-0b1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("-9223372036854775808", "016,", "-9,223,372,036,854,775,808"),
        ("-9223372036854775808", "012,", "-9,223,372,036,854,775,808"),
        ("-9223372036854775808", "*>+12,", "-9,223,372,036,854,775,808"),
        ("-9223372036854775808", "0>10", "-9223372036854775808"),
        ("-9223372036854775808", "e", "-9.223372e+18"),
        ("-9223372036854775808", ".2f", "-9223372036854775808.00"),
        ("-9223372036854775808", ",.1f", "-9,223,372,036,854,775,808.0"),
        ("-9223372036854775808", "g", "-9.22337e+18"),
        ("-9223372036854775808", "%", "-922337203685477580800.000000%"),
        ("-9223372036854775808", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("-9223372036854775808", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("-9223372036854775808", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("-9223372036854775808", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("-9223372036854775808", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("-9223372036854775808", "05c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("-9223372036854775808", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("-9223372036854775808", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("-9223372036854775808", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("-9223372036854775808", " ^+#010_b", "-0b1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("-1267650600228229401496703217721", "", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "n", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "b", "-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000011000000111001"),
        ("-1267650600228229401496703217721", "o", "-2000000000000000000000000000030071"),
        ("-1267650600228229401496703217721", "x", "-10000000000000000000003039"),
        ("-1267650600228229401496703217721", "X", "-10000000000000000000003039"),
        ("-1267650600228229401496703217721", "#b", "-0b10000000000000000000000000000000000000000000000000000000000000000000000000000000000000011000000111001"),
        ("-1267650600228229401496703217721", "#o", "-0o2000000000000000000000000000030071"),
        ("-1267650600228229401496703217721", "#X", "-0X10000000000000000000003039"),
        ("-1267650600228229401496703217721", "c", "ERR OverflowError: Python int too large to convert to C long"),
        ("-1267650600228229401496703217721", ",", "-1,267,650,600,228,229,401,496,703,217,721"),
        ("-1267650600228229401496703217721", "_", "-1_267_650_600_228_229_401_496_703_217_721"),
        ("-1267650600228229401496703217721", "_b", "-1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0011_0000_0011_1001"),
        ("-1267650600228229401496703217721", "#_x", "-0x10_0000_0000_0000_0000_0000_3039"),
        ("-1267650600228229401496703217721", "#_o", "-0o20_0000_0000_0000_0000_0000_0000_0003_0071"),
        ("-1267650600228229401496703217721", "<10", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "^10", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "^11", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "=10", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "010", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "+", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", " ", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "+010", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "#010x", "-0x10000000000000000000003039"),
        ("-1267650600228229401496703217721", "#012_b", "-0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0011_0000_0011_1001"),
        ("-1267650600228229401496703217721", "016,", "-1,267,650,600,228,229,401,496,703,217,721"),
        ("-1267650600228229401496703217721", "012,", "-1,267,650,600,228,229,401,496,703,217,721"),
        ("-1267650600228229401496703217721", "*>+12,", "-1,267,650,600,228,229,401,496,703,217,721"),
        ("-1267650600228229401496703217721", "0>10", "-1267650600228229401496703217721"),
        ("-1267650600228229401496703217721", "e", "-1.267651e+30"),
        ("-1267650600228229401496703217721", ".2f", "-1267650600228229401496703205376.00"),
        ("-1267650600228229401496703217721", ",.1f", "-1,267,650,600,228,229,401,496,703,205,376.0"),
        ("-1267650600228229401496703217721", "g", "-1.26765e+30"),
        ("-1267650600228229401496703217721", "%", "-126765060022822940149670320537600.000000%"),
        ("-1267650600228229401496703217721", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("-1267650600228229401496703217721", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("-1267650600228229401496703217721", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("-1267650600228229401496703217721", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("-1267650600228229401496703217721", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("-1267650600228229401496703217721", "05c", "ERR OverflowError: Python int too large to convert to C long"),
        ("-1267650600228229401496703217721", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("-1267650600228229401496703217721", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("-1267650600228229401496703217721", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("-1267650600228229401496703217721", " ^+#010_b", "-0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0011_0000_0011_1001"),
        ("1114111", "", "1114111"),
        ("1114111", "n", "1114111"),
        ("1114111", "b", "100001111111111111111"),
        ("1114111", "o", "4177777"),
        ("1114111", "x", "10ffff"),
        ("1114111", "X", "10FFFF"),
        ("1114111", "#b", "0b100001111111111111111"),
        ("1114111", "#o", "0o4177777"),
        ("1114111", "#X", "0X10FFFF"),
        ("1114111", "c", "\u{10ffff}"),
        ("1114111", ",", "1,114,111"),
        ("1114111", "_", "1_114_111"),
        ("1114111", "_b", "1_0000_1111_1111_1111_1111"),
        ("1114111", "#_x", "0x10_ffff"),
        ("1114111", "#_o", "0o417_7777"),
        ("1114111", "<10", "1114111   "),
        ("1114111", "^10", " 1114111  "),
        ("1114111", "^11", "  1114111  "),
        ("1114111", "=10", "   1114111"),
        ("1114111", "010", "0001114111"),
        ("1114111", "+", "+1114111"),
        ("1114111", " ", " 1114111"),
        ("1114111", "+010", "+001114111"),
        ("1114111", "#010x", "0x0010ffff"),
        ("1114111", "#012_b", "0b1_0000_1111_1111_1111_1111"),
        ("1114111", "016,", "0,000,001,114,111"),
        ("1114111", "012,", "0,001,114,111"),
        ("1114111", "*>+12,", "**+1,114,111"),
        ("1114111", "0>10", "0001114111"),
        ("1114111", "e", "1.114111e+06"),
        ("1114111", ".2f", "1114111.00"),
        ("1114111", ",.1f", "1,114,111.0"),
        ("1114111", "g", "1.11411e+06"),
        ("1114111", "%", "111411100.000000%"),
        ("1114111", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("1114111", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("1114111", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("1114111", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("1114111", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("1114111", "05c", "0000\u{10ffff}"),
        ("1114111", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("1114111", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("1114111", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("1114111", " ^+#010_b", "+0b1_0000_1111_1111_1111_1111"),
        ("18014398509481987", "", "18014398509481987"),
        ("18014398509481987", "n", "18014398509481987"),
        ("18014398509481987", "b", "1000000000000000000000000000000000000000000000000000011"),
        ("18014398509481987", "o", "1000000000000000003"),
        ("18014398509481987", "x", "40000000000003"),
        ("18014398509481987", "X", "40000000000003"),
        ("18014398509481987", "#b", "0b1000000000000000000000000000000000000000000000000000011"),
        ("18014398509481987", "#o", "0o1000000000000000003"),
        ("18014398509481987", "#X", "0X40000000000003"),
        ("18014398509481987", "c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("18014398509481987", ",", "18,014,398,509,481,987"),
        ("18014398509481987", "_", "18_014_398_509_481_987"),
        ("18014398509481987", "_b", "100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0011"),
        ("18014398509481987", "#_x", "0x40_0000_0000_0003"),
        ("18014398509481987", "#_o", "0o100_0000_0000_0000_0003"),
        ("18014398509481987", "<10", "18014398509481987"),
        ("18014398509481987", "^10", "18014398509481987"),
        ("18014398509481987", "^11", "18014398509481987"),
        ("18014398509481987", "=10", "18014398509481987"),
        ("18014398509481987", "010", "18014398509481987"),
        ("18014398509481987", "+", "+18014398509481987"),
        ("18014398509481987", " ", " 18014398509481987"),
        ("18014398509481987", "+010", "+18014398509481987"),
        ("18014398509481987", "#010x", "0x40000000000003"),
        ("18014398509481987", "#012_b", "0b100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0011"),
        ("18014398509481987", "016,", "18,014,398,509,481,987"),
        ("18014398509481987", "012,", "18,014,398,509,481,987"),
        ("18014398509481987", "*>+12,", "+18,014,398,509,481,987"),
        ("18014398509481987", "0>10", "18014398509481987"),
        ("18014398509481987", "e", "1.801440e+16"),
        ("18014398509481987", ".2f", "18014398509481988.00"),
        ("18014398509481987", ",.1f", "18,014,398,509,481,988.0"),
        ("18014398509481987", "g", "1.80144e+16"),
        ("18014398509481987", "%", "1801439850948198912.000000%"),
        ("18014398509481987", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("18014398509481987", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("18014398509481987", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("18014398509481987", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("18014398509481987", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("18014398509481987", "05c", "ERR OverflowError: %c arg not in range(0x110000)"),
        ("18014398509481987", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("18014398509481987", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("18014398509481987", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("18014398509481987", " ^+#010_b", "+0b100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0011"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "n", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "o", "4000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "x", "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "X", "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "#o", "0o4000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "#X", "0X100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "c", "ERR OverflowError: Python int too large to convert to C long"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "#_x", "0x1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "<10", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "^10", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "^11", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "=10", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "010", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "+", "+13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", " ", " 13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "+010", "+13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "#010x", "0x100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "0>10", "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "e", "ERR OverflowError: int too large to convert to float"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", ".2f", "ERR OverflowError: int too large to convert to float"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", ",.1f", "ERR OverflowError: int too large to convert to float"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "g", "ERR OverflowError: int too large to convert to float"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "%", "ERR OverflowError: int too large to convert to float"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", ".3", "ERR ValueError: Precision not allowed in integer format specifier"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "z", "ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "+c", "ERR ValueError: Sign not allowed with integer format specifier 'c'"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "#c", "ERR ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", ",c", "ERR ValueError: Cannot specify ',' with 'c'."),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "05c", "ERR OverflowError: Python int too large to convert to C long"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", ",o", "ERR ValueError: Cannot specify ',' with 'o'."),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "q", "ERR ValueError: Unknown format code 'q' for object of type 'int'"),
        ("13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'int'"),
    ];
    #[rustfmt::skip]
    static STR_CASES: &[(&str, &str, &str)] = &[
        ("", "", ""),
        ("", "s", ""),
        ("", "5", "     "),
        ("", "<5", "     "),
        ("", ">5", "     "),
        ("", "^5", "     "),
        ("", "^6", "      "),
        ("", ".2", ""),
        ("", "10.2", "          "),
        ("", "*^9", "*********"),
        ("", "05", "00000"),
        ("", "0>5", "00000"),
        ("", "+", "ERR ValueError: Sign not allowed in string format specifier"),
        ("", " ", "ERR ValueError: Space not allowed in string format specifier"),
        ("", "z", "ERR ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("", "#", "ERR ValueError: Alternate form (#) not allowed in string format specifier"),
        ("", "=5", "ERR ValueError: '=' alignment not allowed in string format specifier"),
        ("", ",", "ERR ValueError: Cannot specify ',' with 's'."),
        ("", "_", "ERR ValueError: Cannot specify '_' with 's'."),
        ("", "d", "ERR ValueError: Unknown format code 'd' for object of type 'str'"),
        ("", "x<10s", "xxxxxxxxxx"),
        ("", "\u{e9}^7", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        ("", ".0", ""),
        ("", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        ("", ".", "ERR ValueError: Format specifier missing precision"),
        ("", "\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'str'"),
        ("a", "", "a"),
        ("a", "s", "a"),
        ("a", "5", "a    "),
        ("a", "<5", "a    "),
        ("a", ">5", "    a"),
        ("a", "^5", "  a  "),
        ("a", "^6", "  a   "),
        ("a", ".2", "a"),
        ("a", "10.2", "a         "),
        ("a", "*^9", "****a****"),
        ("a", "05", "a0000"),
        ("a", "0>5", "0000a"),
        ("a", "+", "ERR ValueError: Sign not allowed in string format specifier"),
        ("a", " ", "ERR ValueError: Space not allowed in string format specifier"),
        ("a", "z", "ERR ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("a", "#", "ERR ValueError: Alternate form (#) not allowed in string format specifier"),
        ("a", "=5", "ERR ValueError: '=' alignment not allowed in string format specifier"),
        ("a", ",", "ERR ValueError: Cannot specify ',' with 's'."),
        ("a", "_", "ERR ValueError: Cannot specify '_' with 's'."),
        ("a", "d", "ERR ValueError: Unknown format code 'd' for object of type 'str'"),
        ("a", "x<10s", "axxxxxxxxx"),
        ("a", "\u{e9}^7", "\u{e9}\u{e9}\u{e9}a\u{e9}\u{e9}\u{e9}"),
        ("a", ".0", ""),
        ("a", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        ("a", ".", "ERR ValueError: Format specifier missing precision"),
        ("a", "\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'str'"),
        ("abc", "", "abc"),
        ("abc", "s", "abc"),
        ("abc", "5", "abc  "),
        ("abc", "<5", "abc  "),
        ("abc", ">5", "  abc"),
        ("abc", "^5", " abc "),
        ("abc", "^6", " abc  "),
        ("abc", ".2", "ab"),
        ("abc", "10.2", "ab        "),
        ("abc", "*^9", "***abc***"),
        ("abc", "05", "abc00"),
        ("abc", "0>5", "00abc"),
        ("abc", "+", "ERR ValueError: Sign not allowed in string format specifier"),
        ("abc", " ", "ERR ValueError: Space not allowed in string format specifier"),
        ("abc", "z", "ERR ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("abc", "#", "ERR ValueError: Alternate form (#) not allowed in string format specifier"),
        ("abc", "=5", "ERR ValueError: '=' alignment not allowed in string format specifier"),
        ("abc", ",", "ERR ValueError: Cannot specify ',' with 's'."),
        ("abc", "_", "ERR ValueError: Cannot specify '_' with 's'."),
        ("abc", "d", "ERR ValueError: Unknown format code 'd' for object of type 'str'"),
        ("abc", "x<10s", "abcxxxxxxx"),
        ("abc", "\u{e9}^7", "\u{e9}\u{e9}abc\u{e9}\u{e9}"),
        ("abc", ".0", ""),
        ("abc", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        ("abc", ".", "ERR ValueError: Format specifier missing precision"),
        ("abc", "\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'str'"),
        ("h\u{e9}llo", "", "h\u{e9}llo"),
        ("h\u{e9}llo", "s", "h\u{e9}llo"),
        ("h\u{e9}llo", "5", "h\u{e9}llo"),
        ("h\u{e9}llo", "<5", "h\u{e9}llo"),
        ("h\u{e9}llo", ">5", "h\u{e9}llo"),
        ("h\u{e9}llo", "^5", "h\u{e9}llo"),
        ("h\u{e9}llo", "^6", "h\u{e9}llo "),
        ("h\u{e9}llo", ".2", "h\u{e9}"),
        ("h\u{e9}llo", "10.2", "h\u{e9}        "),
        ("h\u{e9}llo", "*^9", "**h\u{e9}llo**"),
        ("h\u{e9}llo", "05", "h\u{e9}llo"),
        ("h\u{e9}llo", "0>5", "h\u{e9}llo"),
        ("h\u{e9}llo", "+", "ERR ValueError: Sign not allowed in string format specifier"),
        ("h\u{e9}llo", " ", "ERR ValueError: Space not allowed in string format specifier"),
        ("h\u{e9}llo", "z", "ERR ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("h\u{e9}llo", "#", "ERR ValueError: Alternate form (#) not allowed in string format specifier"),
        ("h\u{e9}llo", "=5", "ERR ValueError: '=' alignment not allowed in string format specifier"),
        ("h\u{e9}llo", ",", "ERR ValueError: Cannot specify ',' with 's'."),
        ("h\u{e9}llo", "_", "ERR ValueError: Cannot specify '_' with 's'."),
        ("h\u{e9}llo", "d", "ERR ValueError: Unknown format code 'd' for object of type 'str'"),
        ("h\u{e9}llo", "x<10s", "h\u{e9}lloxxxxx"),
        ("h\u{e9}llo", "\u{e9}^7", "\u{e9}h\u{e9}llo\u{e9}"),
        ("h\u{e9}llo", ".0", ""),
        ("h\u{e9}llo", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        ("h\u{e9}llo", ".", "ERR ValueError: Format specifier missing precision"),
        ("h\u{e9}llo", "\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'str'"),
        ("\u{65e5}\u{672c}\u{8a9e}", "", "\u{65e5}\u{672c}\u{8a9e}"),
        ("\u{65e5}\u{672c}\u{8a9e}", "s", "\u{65e5}\u{672c}\u{8a9e}"),
        ("\u{65e5}\u{672c}\u{8a9e}", "5", "\u{65e5}\u{672c}\u{8a9e}  "),
        ("\u{65e5}\u{672c}\u{8a9e}", "<5", "\u{65e5}\u{672c}\u{8a9e}  "),
        ("\u{65e5}\u{672c}\u{8a9e}", ">5", "  \u{65e5}\u{672c}\u{8a9e}"),
        ("\u{65e5}\u{672c}\u{8a9e}", "^5", " \u{65e5}\u{672c}\u{8a9e} "),
        ("\u{65e5}\u{672c}\u{8a9e}", "^6", " \u{65e5}\u{672c}\u{8a9e}  "),
        ("\u{65e5}\u{672c}\u{8a9e}", ".2", "\u{65e5}\u{672c}"),
        ("\u{65e5}\u{672c}\u{8a9e}", "10.2", "\u{65e5}\u{672c}        "),
        ("\u{65e5}\u{672c}\u{8a9e}", "*^9", "***\u{65e5}\u{672c}\u{8a9e}***"),
        ("\u{65e5}\u{672c}\u{8a9e}", "05", "\u{65e5}\u{672c}\u{8a9e}00"),
        ("\u{65e5}\u{672c}\u{8a9e}", "0>5", "00\u{65e5}\u{672c}\u{8a9e}"),
        ("\u{65e5}\u{672c}\u{8a9e}", "+", "ERR ValueError: Sign not allowed in string format specifier"),
        ("\u{65e5}\u{672c}\u{8a9e}", " ", "ERR ValueError: Space not allowed in string format specifier"),
        ("\u{65e5}\u{672c}\u{8a9e}", "z", "ERR ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("\u{65e5}\u{672c}\u{8a9e}", "#", "ERR ValueError: Alternate form (#) not allowed in string format specifier"),
        ("\u{65e5}\u{672c}\u{8a9e}", "=5", "ERR ValueError: '=' alignment not allowed in string format specifier"),
        ("\u{65e5}\u{672c}\u{8a9e}", ",", "ERR ValueError: Cannot specify ',' with 's'."),
        ("\u{65e5}\u{672c}\u{8a9e}", "_", "ERR ValueError: Cannot specify '_' with 's'."),
        ("\u{65e5}\u{672c}\u{8a9e}", "d", "ERR ValueError: Unknown format code 'd' for object of type 'str'"),
        ("\u{65e5}\u{672c}\u{8a9e}", "x<10s", "\u{65e5}\u{672c}\u{8a9e}xxxxxxx"),
        ("\u{65e5}\u{672c}\u{8a9e}", "\u{e9}^7", "\u{e9}\u{e9}\u{65e5}\u{672c}\u{8a9e}\u{e9}\u{e9}"),
        ("\u{65e5}\u{672c}\u{8a9e}", ".0", ""),
        ("\u{65e5}\u{672c}\u{8a9e}", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        ("\u{65e5}\u{672c}\u{8a9e}", ".", "ERR ValueError: Format specifier missing precision"),
        ("\u{65e5}\u{672c}\u{8a9e}", "\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'str'"),
        ("xxxxxxxxxxxx", "", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "s", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "5", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "<5", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", ">5", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "^5", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "^6", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", ".2", "xx"),
        ("xxxxxxxxxxxx", "10.2", "xx        "),
        ("xxxxxxxxxxxx", "*^9", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "05", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "0>5", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "+", "ERR ValueError: Sign not allowed in string format specifier"),
        ("xxxxxxxxxxxx", " ", "ERR ValueError: Space not allowed in string format specifier"),
        ("xxxxxxxxxxxx", "z", "ERR ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("xxxxxxxxxxxx", "#", "ERR ValueError: Alternate form (#) not allowed in string format specifier"),
        ("xxxxxxxxxxxx", "=5", "ERR ValueError: '=' alignment not allowed in string format specifier"),
        ("xxxxxxxxxxxx", ",", "ERR ValueError: Cannot specify ',' with 's'."),
        ("xxxxxxxxxxxx", "_", "ERR ValueError: Cannot specify '_' with 's'."),
        ("xxxxxxxxxxxx", "d", "ERR ValueError: Unknown format code 'd' for object of type 'str'"),
        ("xxxxxxxxxxxx", "x<10s", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "\u{e9}^7", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", ".0", ""),
        ("xxxxxxxxxxxx", "abc", "ERR ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        ("xxxxxxxxxxxx", ".", "ERR ValueError: Format specifier missing precision"),
        ("xxxxxxxxxxxx", "\u{1}", "ERR ValueError: Unknown format code '\\x1' for object of type 'str'"),
    ];
    #[rustfmt::skip]
    static PERCENT_CASES: &[(&str, char, &str, &str)] = &[
        ("%d", 'i', "0", "0"),
        ("%d", 'i', "-7", "-7"),
        ("%d", 'i', "255", "255"),
        ("%d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%5d", 'i', "0", "    0"),
        ("%5d", 'i', "-7", "   -7"),
        ("%5d", 'i', "255", "  255"),
        ("%5d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%-5d", 'i', "0", "0    "),
        ("%-5d", 'i', "-7", "-7   "),
        ("%-5d", 'i', "255", "255  "),
        ("%-5d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%05d", 'i', "0", "00000"),
        ("%05d", 'i', "-7", "-0007"),
        ("%05d", 'i', "255", "00255"),
        ("%05d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%+d", 'i', "0", "+0"),
        ("%+d", 'i', "-7", "-7"),
        ("%+d", 'i', "255", "+255"),
        ("%+d", 'i', "1180591620717411303424", "+1180591620717411303424"),
        ("% d", 'i', "0", " 0"),
        ("% d", 'i', "-7", "-7"),
        ("% d", 'i', "255", " 255"),
        ("% d", 'i', "1180591620717411303424", " 1180591620717411303424"),
        ("%+05d", 'i', "0", "+0000"),
        ("%+05d", 'i', "-7", "-0007"),
        ("%+05d", 'i', "255", "+0255"),
        ("%+05d", 'i', "1180591620717411303424", "+1180591620717411303424"),
        ("%-+5d", 'i', "0", "+0   "),
        ("%-+5d", 'i', "-7", "-7   "),
        ("%-+5d", 'i', "255", "+255 "),
        ("%-+5d", 'i', "1180591620717411303424", "+1180591620717411303424"),
        ("%.3d", 'i', "0", "000"),
        ("%.3d", 'i', "-7", "-007"),
        ("%.3d", 'i', "255", "255"),
        ("%.3d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%8.3d", 'i', "0", "     000"),
        ("%8.3d", 'i', "-7", "    -007"),
        ("%8.3d", 'i', "255", "     255"),
        ("%8.3d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%x", 'i', "0", "0"),
        ("%x", 'i', "-7", "-7"),
        ("%x", 'i', "255", "ff"),
        ("%x", 'i', "1180591620717411303424", "400000000000000000"),
        ("%#x", 'i', "0", "0x0"),
        ("%#x", 'i', "-7", "-0x7"),
        ("%#x", 'i', "255", "0xff"),
        ("%#x", 'i', "1180591620717411303424", "0x400000000000000000"),
        ("%#X", 'i', "0", "0X0"),
        ("%#X", 'i', "-7", "-0X7"),
        ("%#X", 'i', "255", "0XFF"),
        ("%#X", 'i', "1180591620717411303424", "0X400000000000000000"),
        ("%#o", 'i', "0", "0o0"),
        ("%#o", 'i', "-7", "-0o7"),
        ("%#o", 'i', "255", "0o377"),
        ("%#o", 'i', "1180591620717411303424", "0o200000000000000000000000"),
        ("%o", 'i', "0", "0"),
        ("%o", 'i', "-7", "-7"),
        ("%o", 'i', "255", "377"),
        ("%o", 'i', "1180591620717411303424", "200000000000000000000000"),
        ("%#08x", 'i', "0", "0x000000"),
        ("%#08x", 'i', "-7", "-0x00007"),
        ("%#08x", 'i', "255", "0x0000ff"),
        ("%#08x", 'i', "1180591620717411303424", "0x400000000000000000"),
        ("%-#8x", 'i', "0", "0x0     "),
        ("%-#8x", 'i', "-7", "-0x7    "),
        ("%-#8x", 'i', "255", "0xff    "),
        ("%-#8x", 'i', "1180591620717411303424", "0x400000000000000000"),
        ("%#.4x", 'i', "0", "0x0000"),
        ("%#.4x", 'i', "-7", "-0x0007"),
        ("%#.4x", 'i', "255", "0x00ff"),
        ("%#.4x", 'i', "1180591620717411303424", "0x400000000000000000"),
        ("%08.3d", 'i', "0", "00000000"),
        ("%08.3d", 'i', "-7", "-0000007"),
        ("%08.3d", 'i', "255", "00000255"),
        ("%08.3d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("% 05d", 'i', "0", " 0000"),
        ("% 05d", 'i', "-7", "-0007"),
        ("% 05d", 'i', "255", " 0255"),
        ("% 05d", 'i', "1180591620717411303424", " 1180591620717411303424"),
        ("%i", 'i', "0", "0"),
        ("%i", 'i', "-7", "-7"),
        ("%i", 'i', "255", "255"),
        ("%i", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%u", 'i', "0", "0"),
        ("%u", 'i', "-7", "-7"),
        ("%u", 'i', "255", "255"),
        ("%u", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%ld", 'i', "0", "0"),
        ("%ld", 'i', "-7", "-7"),
        ("%ld", 'i', "255", "255"),
        ("%ld", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%(k)d", 'i', "0", "0"),
        ("%(k)d", 'i', "-7", "-7"),
        ("%(k)d", 'i', "255", "255"),
        ("%(k)d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%0-6d", 'i', "0", "0     "),
        ("%0-6d", 'i', "-7", "-7    "),
        ("%0-6d", 'i', "255", "255   "),
        ("%0-6d", 'i', "1180591620717411303424", "1180591620717411303424"),
        ("%#5o", 'i', "0", "  0o0"),
        ("%#5o", 'i', "-7", " -0o7"),
        ("%#5o", 'i', "255", "0o377"),
        ("%#5o", 'i', "1180591620717411303424", "0o200000000000000000000000"),
        ("%f", 'f', "0x8000000000000000", "-0.000000"),
        ("%f", 'f', "0x3ff8000000000000", "1.500000"),
        ("%f", 'f', "0xc0934a456d5cfaad", "-1234.567800"),
        ("%f", 'f', "0x4341c37937e08000", "10000000000000000.000000"),
        ("%f", 'f', "0x3ee4f8b588e368f1", "0.000010"),
        ("%f", 'f', "0x4005666666666666", "2.675000"),
        ("%f", 'f', "0xfff0000000000000", "-inf"),
        ("%f", 'f', "0x7ff8000000000000", "nan"),
        ("%.2f", 'f', "0x8000000000000000", "-0.00"),
        ("%.2f", 'f', "0x3ff8000000000000", "1.50"),
        ("%.2f", 'f', "0xc0934a456d5cfaad", "-1234.57"),
        ("%.2f", 'f', "0x4341c37937e08000", "10000000000000000.00"),
        ("%.2f", 'f', "0x3ee4f8b588e368f1", "0.00"),
        ("%.2f", 'f', "0x4005666666666666", "2.67"),
        ("%.2f", 'f', "0xfff0000000000000", "-inf"),
        ("%.2f", 'f', "0x7ff8000000000000", "nan"),
        ("%10.3f", 'f', "0x8000000000000000", "    -0.000"),
        ("%10.3f", 'f', "0x3ff8000000000000", "     1.500"),
        ("%10.3f", 'f', "0xc0934a456d5cfaad", " -1234.568"),
        ("%10.3f", 'f', "0x4341c37937e08000", "10000000000000000.000"),
        ("%10.3f", 'f', "0x3ee4f8b588e368f1", "     0.000"),
        ("%10.3f", 'f', "0x4005666666666666", "     2.675"),
        ("%10.3f", 'f', "0xfff0000000000000", "      -inf"),
        ("%10.3f", 'f', "0x7ff8000000000000", "       nan"),
        ("%-10.3f", 'f', "0x8000000000000000", "-0.000    "),
        ("%-10.3f", 'f', "0x3ff8000000000000", "1.500     "),
        ("%-10.3f", 'f', "0xc0934a456d5cfaad", "-1234.568 "),
        ("%-10.3f", 'f', "0x4341c37937e08000", "10000000000000000.000"),
        ("%-10.3f", 'f', "0x3ee4f8b588e368f1", "0.000     "),
        ("%-10.3f", 'f', "0x4005666666666666", "2.675     "),
        ("%-10.3f", 'f', "0xfff0000000000000", "-inf      "),
        ("%-10.3f", 'f', "0x7ff8000000000000", "nan       "),
        ("%010.3f", 'f', "0x8000000000000000", "-00000.000"),
        ("%010.3f", 'f', "0x3ff8000000000000", "000001.500"),
        ("%010.3f", 'f', "0xc0934a456d5cfaad", "-01234.568"),
        ("%010.3f", 'f', "0x4341c37937e08000", "10000000000000000.000"),
        ("%010.3f", 'f', "0x3ee4f8b588e368f1", "000000.000"),
        ("%010.3f", 'f', "0x4005666666666666", "000002.675"),
        ("%010.3f", 'f', "0xfff0000000000000", "-000000inf"),
        ("%010.3f", 'f', "0x7ff8000000000000", "0000000nan"),
        ("%+f", 'f', "0x8000000000000000", "-0.000000"),
        ("%+f", 'f', "0x3ff8000000000000", "+1.500000"),
        ("%+f", 'f', "0xc0934a456d5cfaad", "-1234.567800"),
        ("%+f", 'f', "0x4341c37937e08000", "+10000000000000000.000000"),
        ("%+f", 'f', "0x3ee4f8b588e368f1", "+0.000010"),
        ("%+f", 'f', "0x4005666666666666", "+2.675000"),
        ("%+f", 'f', "0xfff0000000000000", "-inf"),
        ("%+f", 'f', "0x7ff8000000000000", "+nan"),
        ("% f", 'f', "0x8000000000000000", "-0.000000"),
        ("% f", 'f', "0x3ff8000000000000", " 1.500000"),
        ("% f", 'f', "0xc0934a456d5cfaad", "-1234.567800"),
        ("% f", 'f', "0x4341c37937e08000", " 10000000000000000.000000"),
        ("% f", 'f', "0x3ee4f8b588e368f1", " 0.000010"),
        ("% f", 'f', "0x4005666666666666", " 2.675000"),
        ("% f", 'f', "0xfff0000000000000", "-inf"),
        ("% f", 'f', "0x7ff8000000000000", " nan"),
        ("%e", 'f', "0x8000000000000000", "-0.000000e+00"),
        ("%e", 'f', "0x3ff8000000000000", "1.500000e+00"),
        ("%e", 'f', "0xc0934a456d5cfaad", "-1.234568e+03"),
        ("%e", 'f', "0x4341c37937e08000", "1.000000e+16"),
        ("%e", 'f', "0x3ee4f8b588e368f1", "1.000000e-05"),
        ("%e", 'f', "0x4005666666666666", "2.675000e+00"),
        ("%e", 'f', "0xfff0000000000000", "-inf"),
        ("%e", 'f', "0x7ff8000000000000", "nan"),
        ("%.0e", 'f', "0x8000000000000000", "-0e+00"),
        ("%.0e", 'f', "0x3ff8000000000000", "2e+00"),
        ("%.0e", 'f', "0xc0934a456d5cfaad", "-1e+03"),
        ("%.0e", 'f', "0x4341c37937e08000", "1e+16"),
        ("%.0e", 'f', "0x3ee4f8b588e368f1", "1e-05"),
        ("%.0e", 'f', "0x4005666666666666", "3e+00"),
        ("%.0e", 'f', "0xfff0000000000000", "-inf"),
        ("%.0e", 'f', "0x7ff8000000000000", "nan"),
        ("%#.0e", 'f', "0x8000000000000000", "-0.e+00"),
        ("%#.0e", 'f', "0x3ff8000000000000", "2.e+00"),
        ("%#.0e", 'f', "0xc0934a456d5cfaad", "-1.e+03"),
        ("%#.0e", 'f', "0x4341c37937e08000", "1.e+16"),
        ("%#.0e", 'f', "0x3ee4f8b588e368f1", "1.e-05"),
        ("%#.0e", 'f', "0x4005666666666666", "3.e+00"),
        ("%#.0e", 'f', "0xfff0000000000000", "-inf"),
        ("%#.0e", 'f', "0x7ff8000000000000", "nan"),
        ("%E", 'f', "0x8000000000000000", "-0.000000E+00"),
        ("%E", 'f', "0x3ff8000000000000", "1.500000E+00"),
        ("%E", 'f', "0xc0934a456d5cfaad", "-1.234568E+03"),
        ("%E", 'f', "0x4341c37937e08000", "1.000000E+16"),
        ("%E", 'f', "0x3ee4f8b588e368f1", "1.000000E-05"),
        ("%E", 'f', "0x4005666666666666", "2.675000E+00"),
        ("%E", 'f', "0xfff0000000000000", "-INF"),
        ("%E", 'f', "0x7ff8000000000000", "NAN"),
        ("%g", 'f', "0x8000000000000000", "-0"),
        ("%g", 'f', "0x3ff8000000000000", "1.5"),
        ("%g", 'f', "0xc0934a456d5cfaad", "-1234.57"),
        ("%g", 'f', "0x4341c37937e08000", "1e+16"),
        ("%g", 'f', "0x3ee4f8b588e368f1", "1e-05"),
        ("%g", 'f', "0x4005666666666666", "2.675"),
        ("%g", 'f', "0xfff0000000000000", "-inf"),
        ("%g", 'f', "0x7ff8000000000000", "nan"),
        ("%G", 'f', "0x8000000000000000", "-0"),
        ("%G", 'f', "0x3ff8000000000000", "1.5"),
        ("%G", 'f', "0xc0934a456d5cfaad", "-1234.57"),
        ("%G", 'f', "0x4341c37937e08000", "1E+16"),
        ("%G", 'f', "0x3ee4f8b588e368f1", "1E-05"),
        ("%G", 'f', "0x4005666666666666", "2.675"),
        ("%G", 'f', "0xfff0000000000000", "-INF"),
        ("%G", 'f', "0x7ff8000000000000", "NAN"),
        ("%.3g", 'f', "0x8000000000000000", "-0"),
        ("%.3g", 'f', "0x3ff8000000000000", "1.5"),
        ("%.3g", 'f', "0xc0934a456d5cfaad", "-1.23e+03"),
        ("%.3g", 'f', "0x4341c37937e08000", "1e+16"),
        ("%.3g", 'f', "0x3ee4f8b588e368f1", "1e-05"),
        ("%.3g", 'f', "0x4005666666666666", "2.67"),
        ("%.3g", 'f', "0xfff0000000000000", "-inf"),
        ("%.3g", 'f', "0x7ff8000000000000", "nan"),
        ("%#g", 'f', "0x8000000000000000", "-0.00000"),
        ("%#g", 'f', "0x3ff8000000000000", "1.50000"),
        ("%#g", 'f', "0xc0934a456d5cfaad", "-1234.57"),
        ("%#g", 'f', "0x4341c37937e08000", "1.00000e+16"),
        ("%#g", 'f', "0x3ee4f8b588e368f1", "1.00000e-05"),
        ("%#g", 'f', "0x4005666666666666", "2.67500"),
        ("%#g", 'f', "0xfff0000000000000", "-inf"),
        ("%#g", 'f', "0x7ff8000000000000", "nan"),
        ("%#.3g", 'f', "0x8000000000000000", "-0.00"),
        ("%#.3g", 'f', "0x3ff8000000000000", "1.50"),
        ("%#.3g", 'f', "0xc0934a456d5cfaad", "-1.23e+03"),
        ("%#.3g", 'f', "0x4341c37937e08000", "1.00e+16"),
        ("%#.3g", 'f', "0x3ee4f8b588e368f1", "1.00e-05"),
        ("%#.3g", 'f', "0x4005666666666666", "2.67"),
        ("%#.3g", 'f', "0xfff0000000000000", "-inf"),
        ("%#.3g", 'f', "0x7ff8000000000000", "nan"),
        ("%F", 'f', "0x8000000000000000", "-0.000000"),
        ("%F", 'f', "0x3ff8000000000000", "1.500000"),
        ("%F", 'f', "0xc0934a456d5cfaad", "-1234.567800"),
        ("%F", 'f', "0x4341c37937e08000", "10000000000000000.000000"),
        ("%F", 'f', "0x3ee4f8b588e368f1", "0.000010"),
        ("%F", 'f', "0x4005666666666666", "2.675000"),
        ("%F", 'f', "0xfff0000000000000", "-INF"),
        ("%F", 'f', "0x7ff8000000000000", "NAN"),
        ("%#.0f", 'f', "0x8000000000000000", "-0."),
        ("%#.0f", 'f', "0x3ff8000000000000", "2."),
        ("%#.0f", 'f', "0xc0934a456d5cfaad", "-1235."),
        ("%#.0f", 'f', "0x4341c37937e08000", "10000000000000000."),
        ("%#.0f", 'f', "0x3ee4f8b588e368f1", "0."),
        ("%#.0f", 'f', "0x4005666666666666", "3."),
        ("%#.0f", 'f', "0xfff0000000000000", "-inf"),
        ("%#.0f", 'f', "0x7ff8000000000000", "nan"),
        ("%+010.2e", 'f', "0x8000000000000000", "-00.00e+00"),
        ("%+010.2e", 'f', "0x3ff8000000000000", "+01.50e+00"),
        ("%+010.2e", 'f', "0xc0934a456d5cfaad", "-01.23e+03"),
        ("%+010.2e", 'f', "0x4341c37937e08000", "+01.00e+16"),
        ("%+010.2e", 'f', "0x3ee4f8b588e368f1", "+01.00e-05"),
        ("%+010.2e", 'f', "0x4005666666666666", "+02.67e+00"),
        ("%+010.2e", 'f', "0xfff0000000000000", "-000000inf"),
        ("%+010.2e", 'f', "0x7ff8000000000000", "+000000nan"),
        ("%.20g", 'f', "0x8000000000000000", "-0"),
        ("%.20g", 'f', "0x3ff8000000000000", "1.5"),
        ("%.20g", 'f', "0xc0934a456d5cfaad", "-1234.5678000000000338"),
        ("%.20g", 'f', "0x4341c37937e08000", "10000000000000000"),
        ("%.20g", 'f', "0x3ee4f8b588e368f1", "1.0000000000000000818e-05"),
        ("%.20g", 'f', "0x4005666666666666", "2.6749999999999998224"),
        ("%.20g", 'f', "0xfff0000000000000", "-inf"),
        ("%.20g", 'f', "0x7ff8000000000000", "nan"),
        ("%5.1f%%", 'f', "0x8000000000000000", " -0.0%"),
        ("%5.1f%%", 'f', "0x3ff8000000000000", "  1.5%"),
        ("%5.1f%%", 'f', "0xc0934a456d5cfaad", "-1234.6%"),
        ("%5.1f%%", 'f', "0x4341c37937e08000", "10000000000000000.0%"),
        ("%5.1f%%", 'f', "0x3ee4f8b588e368f1", "  0.0%"),
        ("%5.1f%%", 'f', "0x4005666666666666", "  2.7%"),
        ("%5.1f%%", 'f', "0xfff0000000000000", " -inf%"),
        ("%5.1f%%", 'f', "0x7ff8000000000000", "  nan%"),
        ("%s", 's', "", ""),
        ("%s", 's', "abc", "abc"),
        ("%s", 's', "h\u{e9}llo w\u{f6}rld", "h\u{e9}llo w\u{f6}rld"),
        ("%s", 's', "\u{65e5}\u{672c}", "\u{65e5}\u{672c}"),
        ("%5s", 's', "", "     "),
        ("%5s", 's', "abc", "  abc"),
        ("%5s", 's', "h\u{e9}llo w\u{f6}rld", "h\u{e9}llo w\u{f6}rld"),
        ("%5s", 's', "\u{65e5}\u{672c}", "   \u{65e5}\u{672c}"),
        ("%-5s", 's', "", "     "),
        ("%-5s", 's', "abc", "abc  "),
        ("%-5s", 's', "h\u{e9}llo w\u{f6}rld", "h\u{e9}llo w\u{f6}rld"),
        ("%-5s", 's', "\u{65e5}\u{672c}", "\u{65e5}\u{672c}   "),
        ("%.2s", 's', "", ""),
        ("%.2s", 's', "abc", "ab"),
        ("%.2s", 's', "h\u{e9}llo w\u{f6}rld", "h\u{e9}"),
        ("%.2s", 's', "\u{65e5}\u{672c}", "\u{65e5}\u{672c}"),
        ("%5.2s", 's', "", "     "),
        ("%5.2s", 's', "abc", "   ab"),
        ("%5.2s", 's', "h\u{e9}llo w\u{f6}rld", "   h\u{e9}"),
        ("%5.2s", 's', "\u{65e5}\u{672c}", "   \u{65e5}\u{672c}"),
        ("%-6.3s|", 's', "", "      |"),
        ("%-6.3s|", 's', "abc", "abc   |"),
        ("%-6.3s|", 's', "h\u{e9}llo w\u{f6}rld", "h\u{e9}l   |"),
        ("%-6.3s|", 's', "\u{65e5}\u{672c}", "\u{65e5}\u{672c}    |"),
        ("%05s", 's', "", "     "),
        ("%05s", 's', "abc", "  abc"),
        ("%05s", 's', "h\u{e9}llo w\u{f6}rld", "h\u{e9}llo w\u{f6}rld"),
        ("%05s", 's', "\u{65e5}\u{672c}", "   \u{65e5}\u{672c}"),
        ("%r", 's', "", "''"),
        ("%r", 's', "abc", "'abc'"),
        ("%r", 's', "h\u{e9}llo w\u{f6}rld", "'h\u{e9}llo w\u{f6}rld'"),
        ("%r", 's', "\u{65e5}\u{672c}", "'\u{65e5}\u{672c}'"),
        ("%a", 's', "", "''"),
        ("%a", 's', "abc", "'abc'"),
        ("%a", 's', "h\u{e9}llo w\u{f6}rld", "'h\\xe9llo w\\xf6rld'"),
        ("%a", 's', "\u{65e5}\u{672c}", "'\\u65e5\\u672c'"),
        ("x%sy%%", 's', "", "xy%"),
        ("x%sy%%", 's', "abc", "xabcy%"),
        ("x%sy%%", 's', "h\u{e9}llo w\u{f6}rld", "xh\u{e9}llo w\u{f6}rldy%"),
        ("x%sy%%", 's', "\u{65e5}\u{672c}", "x\u{65e5}\u{672c}y%"),
        ("%c", 'c', "A", "A"),
        ("%c", 'c', "\u{e9}", "\u{e9}"),
        ("%3c", 'c', "A", "  A"),
        ("%3c", 'c', "\u{e9}", "  \u{e9}"),
        ("%-3c", 'c', "A", "A  "),
        ("%-3c", 'c', "\u{e9}", "\u{e9}  "),
        ("%.1c", 'c', "A", "A"),
        ("%.1c", 'c', "\u{e9}", "\u{e9}"),
    ];
    #[rustfmt::skip]
    static PARSE_INT_CASES: &[(&str, u32, &str)] = &[
        ("0", 10, "0"),
        ("123", 10, "123"),
        ("-123", 10, "-123"),
        ("+7", 10, "7"),
        ("  42  ", 10, "42"),
        ("\t\n42\u{b}\u{c}\r", 10, "42"),
        ("\u{a0} 12 \u{2003}", 10, "12"),
        ("1_000", 10, "1000"),
        ("1__0", 10, "ERR ValueError: invalid literal for int() with base 10: '1__0'"),
        ("_1", 10, "ERR ValueError: invalid literal for int() with base 10: '_1'"),
        ("1_", 10, "ERR ValueError: invalid literal for int() with base 10: '1_'"),
        ("", 10, "ERR ValueError: invalid literal for int() with base 10: ''"),
        ("  ", 10, "ERR ValueError: invalid literal for int() with base 10: '  '"),
        ("+", 10, "ERR ValueError: invalid literal for int() with base 10: '+'"),
        ("-", 10, "ERR ValueError: invalid literal for int() with base 10: '-'"),
        ("abc", 10, "ERR ValueError: invalid literal for int() with base 10: 'abc'"),
        ("12a", 10, "ERR ValueError: invalid literal for int() with base 10: '12a'"),
        ("ff", 16, "255"),
        ("0xff", 16, "255"),
        ("0XFF", 16, "255"),
        ("0x_ff", 16, "255"),
        ("0x__ff", 16, "ERR ValueError: invalid literal for int() with base 16: '0x__ff'"),
        ("0b101", 2, "5"),
        ("0b101", 0, "5"),
        ("0o17", 0, "15"),
        ("0O17", 8, "15"),
        ("0x1f", 0, "31"),
        ("010", 0, "ERR ValueError: invalid literal for int() with base 0: '010'"),
        ("0", 0, "0"),
        ("00", 0, "0"),
        ("0_0", 0, "0"),
        ("000_1", 0, "ERR ValueError: invalid literal for int() with base 0: '000_1'"),
        ("-0x10", 0, "-16"),
        ("0x", 0, "ERR ValueError: invalid literal for int() with base 0: '0x'"),
        ("0x", 16, "ERR ValueError: invalid literal for int() with base 16: '0x'"),
        ("z", 36, "35"),
        ("Z", 36, "35"),
        ("zz", 35, "ERR ValueError: invalid literal for int() with base 35: 'zz'"),
        ("9223372036854775807", 10, "9223372036854775807"),
        ("9223372036854775808", 10, "9223372036854775808"),
        ("-9223372036854775808", 10, "-9223372036854775808"),
        ("-9223372036854775809", 10, "-9223372036854775809"),
        ("111111111111111111111111111111111111111111111111111111111111", 10, "111111111111111111111111111111111111111111111111111111111111"),
        ("-ffffffffffffffffffffffffffffffffffffffff", 16, "-1461501637330902918203684832716283019655932542975"),
        ("1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", 2, "1361129467683753853853498429727072845823"),
        ("\u{661}\u{662}\u{663}", 10, "123"),
        ("\u{ff11}\u{ff10}", 0, "10"),
        ("\u{661}\u{662}x", 10, "ERR ValueError: invalid literal for int() with base 10: '\u{661}\u{662}x'"),
        ("1\u{0}", 10, "ERR ValueError: invalid literal for int() with base 10: '1\\x00'"),
        ("\u{1c}12", 10, "ERR ValueError: invalid literal for int() with base 10: '\\x1c12'"),
        ("1 2", 10, "ERR ValueError: invalid literal for int() with base 10: '1 2'"),
        ("12", 1, "ERR ValueError: int() base must be >= 2 and <= 36, or 0"),
        ("12", 37, "ERR ValueError: int() base must be >= 2 and <= 36, or 0"),
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10, "ERR ValueError: invalid literal for int() with base 10: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("0b1", 16, "177"),
        ("0b", 2, "ERR ValueError: invalid literal for int() with base 2: '0b'"),
        ("1.5", 10, "ERR ValueError: invalid literal for int() with base 10: '1.5'"),
        ("7777777777777777777777777", 8, "37778931862957161709567"),
        ("ZZZZZZZZZZZZZZZZZZZZZZZZ", 36, "22452257707354557240087211123792674815"),
        ("ZZZZZZZZZZZZZZZZZZZZZZZZZ", 36, "808281277464764060643139600456536293375"),
        ("1111111111111111111111111111111111111", 10, "1111111111111111111111111111111111111"),
        ("99999999999999999999999999999999999999", 10, "99999999999999999999999999999999999999"),
        ("999999999999999999999999999999999999999", 10, "999999999999999999999999999999999999999"),
    ];
    #[rustfmt::skip]
    static PARSE_FLOAT_CASES: &[(&str, &str)] = &[
        ("0", "0x0000000000000000"),
        ("1.5", "0x3ff8000000000000"),
        ("-1.5", "0xbff8000000000000"),
        ("+.5", "0x3fe0000000000000"),
        ("5.", "0x4014000000000000"),
        (".", "ERR ValueError: could not convert string to float: '.'"),
        ("1e5", "0x40f86a0000000000"),
        ("1E+5", "0x40f86a0000000000"),
        ("1e-5", "0x3ee4f8b588e368f1"),
        ("1e", "ERR ValueError: could not convert string to float: '1e'"),
        ("e5", "ERR ValueError: could not convert string to float: 'e5'"),
        (".e1", "ERR ValueError: could not convert string to float: '.e1'"),
        ("1.e5", "0x40f86a0000000000"),
        ("  1.5  ", "0x3ff8000000000000"),
        ("\u{a0}1.5\u{2003}", "0x3ff8000000000000"),
        ("\u{1c}1.5", "ERR ValueError: could not convert string to float: '\\x1c1.5'"),
        ("1_000.000_1", "0x408f4000346dc5d6"),
        ("1._5", "ERR ValueError: could not convert string to float: '1._5'"),
        ("1_e5", "ERR ValueError: could not convert string to float: '1_e5'"),
        ("1e1_0", "0x4202a05f20000000"),
        ("_1", "ERR ValueError: could not convert string to float: '_1'"),
        ("1_", "ERR ValueError: could not convert string to float: '1_'"),
        ("inf", "0x7ff0000000000000"),
        ("-inf", "0xfff0000000000000"),
        ("+INF", "0x7ff0000000000000"),
        ("Infinity", "0x7ff0000000000000"),
        ("-iNfInItY", "0xfff0000000000000"),
        ("infinit", "ERR ValueError: could not convert string to float: 'infinit'"),
        ("nan", "0x7ff8000000000000"),
        ("-nan", "0xfff8000000000000"),
        ("NaN", "0x7ff8000000000000"),
        ("in f", "ERR ValueError: could not convert string to float: 'in f'"),
        ("", "ERR ValueError: could not convert string to float: ''"),
        (" ", "ERR ValueError: could not convert string to float: ' '"),
        ("0x10", "ERR ValueError: could not convert string to float: '0x10'"),
        ("1.5\u{0}", "ERR ValueError: could not convert string to float: '1.5\\x00'"),
        ("\u{661}.\u{665}", "0x3ff8000000000000"),
        ("1e400", "0x7ff0000000000000"),
        ("-1e400", "0xfff0000000000000"),
        ("1e-400", "0x0000000000000000"),
        ("2.675", "0x4005666666666666"),
        ("0.1", "0x3fb999999999999a"),
        ("123456789012345678901234567890", "0x45f8ee90ff6c373e"),
        ("4.9406564584124654e-324", "0x0000000000000001"),
        ("2.4703282292062328e-324", "0x0000000000000001"),
        ("2.4703282292062327e-324", "0x0000000000000000"),
        ("1.7976931348623158e308", "0x7fefffffffffffff"),
        ("1.7976931348623159e308", "0x7ff0000000000000"),
        ("abc", "ERR ValueError: could not convert string to float: 'abc'"),
        ("1,5", "ERR ValueError: could not convert string to float: '1,5'"),
    ];
    #[rustfmt::skip]
    static REPR_STR_CASES: &[(&str, &str, &str)] = &[
        ("", "''", "''"),
        ("abc", "'abc'", "'abc'"),
        ("it's", "\"it's\"", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'", "'both \\' and \"'"),
        ("\\", "'\\\\'", "'\\\\'"),
        ("a\nb\tc\rd", "'a\\nb\\tc\\rd'", "'a\\nb\\tc\\rd'"),
        ("\u{0}\u{1}\u{1f}\u{7f}", "'\\x00\\x01\\x1f\\x7f'", "'\\x00\\x01\\x1f\\x7f'"),
        ("\u{80}\u{9f}\u{a0}\u{ad}\u{ff}", "'\\x80\\x9f\\xa0\\xad\u{ff}'", "'\\x80\\x9f\\xa0\\xad\\xff'"),
        ("h\u{e9}llo", "'h\u{e9}llo'", "'h\\xe9llo'"),
        ("\u{65e5}\u{672c}\u{8a9e}", "'\u{65e5}\u{672c}\u{8a9e}'", "'\\u65e5\\u672c\\u8a9e'"),
        ("\u{200b}\u{2028}\u{2029}\u{feff}", "'\\u200b\\u2028\\u2029\\ufeff'", "'\\u200b\\u2028\\u2029\\ufeff'"),
        ("\u{d7ff}\u{e000}\u{f8ff}", "'\\ud7ff\\ue000\\uf8ff'", "'\\ud7ff\\ue000\\uf8ff'"),
        ("\u{1f600}", "'\u{1f600}'", "'\\U0001f600'"),
        ("\u{e0001}", "'\\U000e0001'", "'\\U000e0001'"),
        ("\u{10ffff}", "'\\U0010ffff'", "'\\U0010ffff'"),
        ("\u{301}a\u{301}", "'\u{301}a\u{301}'", "'\\u0301a\\u0301'"),
        ("\u{378}", "'\\u0378'", "'\\u0378'"),
        ("\u{3000}", "'\\u3000'", "'\\u3000'"),
        (" ", "' '", "' '"),
    ];
    #[rustfmt::skip]
    static REPR_BYTES_CASES: &[(&[u8], &str)] = &[
        (&[], "b''"),
        (&[97, 98, 99], "b'abc'"),
        (&[105, 116, 39, 115], "b\"it's\""),
        (&[115, 97, 121, 32, 34, 104, 105, 34], "b'say \"hi\"'"),
        (&[98, 111, 116, 104, 32, 39, 32, 97, 110, 100, 32, 34], "b'both \\' and \"'"),
        (&[92], "b'\\\\'"),
        (&[97, 10, 98, 9, 99, 13, 100], "b'a\\nb\\tc\\rd'"),
        (&[0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126, 133, 140, 147, 154, 161, 168, 175, 182, 189, 196, 203, 210, 217, 224, 231, 238, 245, 252], "b'\\x00\\x07\\x0e\\x15\\x1c#*18?FMT[bipw~\\x85\\x8c\\x93\\x9a\\xa1\\xa8\\xaf\\xb6\\xbd\\xc4\\xcb\\xd2\\xd9\\xe0\\xe7\\xee\\xf5\\xfc'"),
        (&[127, 128, 255], "b'\\x7f\\x80\\xff'"),
    ];
}
