//! `bytes` and `bytearray`: constructors, methods, and the text codecs
//! (utf-8, ascii, latin-1) shared with `str.encode` / `str(b, encoding)`.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::objects::iter::IterState;
use crate::objects::num::{as_num, Num};
use crate::objects::str::{bind_kw, check_arity, descriptor_error, dunder_self_error, int_arg, join_items, slice_arg, ssize_arg, Arity};
use crate::objects::str_ops::adjust_indices;
use crate::objects::strfmt;
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

// ------------------------------------------------------------ views

/// The bytes of a bytes or bytearray object (or a subclass instance).
pub fn bytes_data(v: &Value) -> Option<Cow<'_, [u8]>> {
    if !v.is_ptr() {
        return None;
    }
    match &v.obj().data {
        ObjData::Bytes(b) => Some(Cow::Borrowed(&b[..])),
        ObjData::ByteArray(b) => Some(Cow::Owned(b.borrow().clone())),
        _ => None,
    }
}

fn bytearray_cell(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    if !v.is_ptr() {
        return None;
    }
    match &v.obj().data {
        ObjData::ByteArray(b) => Some(b),
        _ => None,
    }
}

fn is_bytes_obj(v: &Value) -> bool {
    v.is_ptr() && matches!(v.obj().data, ObjData::Bytes(_))
}

pub fn new_bytearray(vm: &mut Vm, b: Vec<u8>) -> Value {
    vm.heap.alloc(TP_BYTEARRAY, ObjData::ByteArray(RefCell::new(b)), None)
}

/// A result of the same family as self (bytes or bytearray).
fn make<const BA: bool>(vm: &mut Vm, b: Vec<u8>) -> Value {
    if BA {
        new_bytearray(vm, b)
    } else {
        vm.new_bytes(b)
    }
}

fn tname<const BA: bool>() -> &'static str {
    if BA {
        "bytearray"
    } else {
        "bytes"
    }
}

/// Check `self` of a bytes/bytearray method.
fn check_self<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<()> {
    let t = tname::<BA>();
    match a.first() {
        None => Err(vm.new_error(TP_TYPE_ERROR, format!("unbound method {}.{}() needs an argument", t, name))),
        Some(v) => {
            let ok = if BA { bytearray_cell(v).is_some() } else { is_bytes_obj(v) };
            if !ok {
                return Err(if name.starts_with("__") { dunder_self_error(vm, t, name, Some(v)) } else { descriptor_error(vm, t, name, v) });
            }
            Ok(())
        }
    }
}

/// `self` of a bytes/bytearray method (a bytearray's contents are copied, so
/// Python code run later cannot invalidate them).
fn this<'a, const BA: bool>(vm: &mut Vm, a: &'a [Value], name: &str) -> PyResult<Cow<'a, [u8]>> {
    check_self::<BA>(vm, a, name)?;
    Ok(bytes_data(&a[0]).unwrap_or(Cow::Borrowed(&[])))
}

/// Run `f` on the bytes of a bytes/bytearray object without copying.
fn with_data<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> R {
    if v.is_ptr() {
        match &v.obj().data {
            ObjData::Bytes(b) => return f(b),
            ObjData::ByteArray(b) => return f(&b.borrow()),
            _ => {}
        }
    }
    f(&[])
}

fn qual<const BA: bool>(name: &str) -> String {
    format!("{}.{}", tname::<BA>(), name)
}

fn no_args<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<()> {
    check_arity(vm, a.len() - 1, Arity::NoArgs, &qual::<BA>(name), name)
}

fn one_arg<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<()> {
    check_arity(vm, a.len() - 1, Arity::One, &qual::<BA>(name), name)
}

fn dunder_argc(vm: &mut Vm, a: &[Value], k: usize) -> PyResult<()> {
    let got = a.len().saturating_sub(1);
    if got != k {
        let msg = format!("expected {} argument{}, got {}", k, if k == 1 { "" } else { "s" }, got);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    Ok(())
}

/// A bytes-like argument or "a bytes-like object is required, not 'T'".
fn buf_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match bytes_data(v) {
        Some(b) => Ok(b),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// A byte value 0..=255 from an int-like, with `msg` when out of range.
fn byte_value(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<u8> {
    let i = match as_num(v) {
        Some(Num::Small(i)) if v.ty() != TP_FLOAT => i,
        Some(Num::Big(_)) => -1,
        _ => match ssize_arg(vm, v) {
            Ok(i) => i,
            Err(e) => {
                if vm.exc_is(TP_OVERFLOW_ERROR) {
                    vm.exc = None;
                    -1
                } else {
                    return Err(e);
                }
            }
        },
    };
    if (0..256).contains(&i) {
        Ok(i as u8)
    } else {
        Err(vm.new_error(TP_VALUE_ERROR, msg))
    }
}

/// The `sub` argument of find/count/index/...: bytes-like or an int byte.
fn sub_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b);
    }
    if (as_num(v).is_some() && v.ty() != TP_FLOAT) || (v.ty() != TP_FLOAT && vm.find_in_type(v.ty(), n::__index__).is_some()) {
        let b = byte_value(vm, v, "byte must be in range(0, 256)")?;
        return Ok(Cow::Owned(vec![b]));
    }
    let msg = format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

// ------------------------------------------------------------ codecs

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

fn lookup_codec(vm: &mut Vm, enc: &str) -> PyResult<Codec> {
    let norm: String = enc.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf-8-sig" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => Codec::Latin1,
        _ => {
            let msg = format!("unknown encoding: {}", enc);
            return Err(vm.new_error(TP_LOOKUP_ERROR, msg));
        }
    })
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> Raised {
    let msg = format!("unknown error handler name '{}'", errors);
    vm.new_error(TP_LOOKUP_ERROR, msg)
}

fn decode_error(vm: &mut Vm, codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> Raised {
    let msg = if end.saturating_sub(start) == 1 {
        format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", codec.name(), data.get(start).copied().unwrap_or(0), start, reason)
    } else {
        format!("'{}' codec can't decode bytes in position {}-{}: {}", codec.name(), start, end.saturating_sub(1), reason)
    };
    let e = vm.new_exception_obj(TP_UNICODE_DECODE_ERROR, &msg);
    let enc = vm.new_str(codec.name());
    vm.attrs_set(&e, Name::new("encoding"), enc);
    let obj = vm.new_bytes(data.to_vec());
    vm.attrs_set(&e, Name::new("object"), obj);
    vm.attrs_set(&e, Name::new("start"), Value::int(start as i64));
    vm.attrs_set(&e, Name::new("end"), Value::int(end as i64));
    let r = vm.new_str(reason);
    vm.attrs_set(&e, Name::new("reason"), r);
    vm.raise(e)
}

fn encode_error(vm: &mut Vm, codec: Codec, s: &str, chars: &[char], start: usize, end: usize, reason: &str) -> Raised {
    let msg = if end - start == 1 {
        let c = chars[start] as u32;
        let shown = if c < 0x100 {
            format!("\\x{:02x}", c)
        } else if c < 0x10000 {
            format!("\\u{:04x}", c)
        } else {
            format!("\\U{:08x}", c)
        };
        format!("'{}' codec can't encode character '{}' in position {}: {}", codec.name(), shown, start, reason)
    } else {
        format!("'{}' codec can't encode characters in position {}-{}: {}", codec.name(), start, end - 1, reason)
    };
    let e = vm.new_exception_obj(TP_UNICODE_ENCODE_ERROR, &msg);
    let enc = vm.new_str(codec.name());
    vm.attrs_set(&e, Name::new("encoding"), enc);
    let obj = vm.new_str(s);
    vm.attrs_set(&e, Name::new("object"), obj);
    vm.attrs_set(&e, Name::new("start"), Value::int(start as i64));
    vm.attrs_set(&e, Name::new("end"), Value::int(end as i64));
    let r = vm.new_str(reason);
    vm.attrs_set(&e, Name::new("reason"), r);
    vm.raise(e)
}

/// Apply a decode error handler to the bad bytes `data[start..end]`.
fn decode_handle(vm: &mut Vm, codec: Codec, errors: &str, data: &[u8], start: usize, end: usize, reason: &str, out: &mut String) -> PyResult<()> {
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Err(decode_error(vm, codec, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{:02x}", b));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

/// Decode `data` with a text codec (`bytes.decode`, `str(b, enc, errors)`).
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup_codec(vm, encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(String::from_utf8_lossy(data).into_owned());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_handle(vm, codec, errors, data, i, i + 1, "ordinal not in range(128)", &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut data_start = 0usize;
            // A UTF-8 BOM is dropped by utf-8-sig only; plain utf-8 keeps it.
            let norm = encoding.trim().to_ascii_lowercase().replace('_', "-");
            if norm == "utf-8-sig" && data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                data_start = 3;
            }
            let mut out = String::with_capacity(data.len());
            let mut pos = data_start;
            loop {
                let rest = &data[pos..];
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(l) => {
                                let b0 = data[start];
                                let reason = if (0x80..=0xC1).contains(&b0) || b0 >= 0xF5 { "invalid start byte" } else { "invalid continuation byte" };
                                (start + l, reason)
                            }
                        };
                        decode_handle(vm, codec, errors, data, start, end, reason, &mut out)?;
                        pos = end;
                        if pos >= data.len() {
                            break;
                        }
                    }
                }
            }
            Ok(out)
        }
    }
}

/// Encode `s` with a text codec (`str.encode`, `bytes(s, enc, errors)`).
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => {
            let norm = encoding.trim().to_ascii_lowercase().replace('_', "-");
            if norm == "utf-8-sig" {
                let mut v = vec![0xEF, 0xBB, 0xBF];
                v.extend_from_slice(s.as_bytes());
                return Ok(v);
            }
            return Ok(s.as_bytes().to_vec());
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j] as u32) >= limit {
            j += 1;
        }
        let reason = if limit == 0x80 { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => return Err(encode_error(vm, codec, s, &chars, i, j, reason)),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &ch in &chars[i..j] {
                    let c = ch as u32;
                    let t = if c < 0x100 {
                        format!("\\x{:02x}", c)
                    } else if c < 0x10000 {
                        format!("\\u{:04x}", c)
                    } else {
                        format!("\\U{:08x}", c)
                    };
                    out.extend_from_slice(t.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &ch in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = j;
    }
    Ok(out)
}

// ------------------------------------------------------------ pure byte algorithms

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn bfind(h: &[u8], needle: &[u8], st: Option<i64>, en: Option<i64>) -> i64 {
    let (s, e) = adjust_indices(st, en, h.len());
    if e - s < needle.len() as i64 {
        return -1;
    }
    if needle.is_empty() {
        return s;
    }
    let hay = &h[s as usize..e as usize];
    hay.windows(needle.len()).position(|w| w == needle).map(|p| s + p as i64).unwrap_or(-1)
}

fn brfind(h: &[u8], needle: &[u8], st: Option<i64>, en: Option<i64>) -> i64 {
    let (s, e) = adjust_indices(st, en, h.len());
    if e - s < needle.len() as i64 {
        return -1;
    }
    if needle.is_empty() {
        return e;
    }
    let hay = &h[s as usize..e as usize];
    hay.windows(needle.len()).rposition(|w| w == needle).map(|p| s + p as i64).unwrap_or(-1)
}

fn bcount(h: &[u8], needle: &[u8], st: Option<i64>, en: Option<i64>) -> i64 {
    let (s, e) = adjust_indices(st, en, h.len());
    if e - s < needle.len() as i64 {
        return 0;
    }
    if needle.is_empty() {
        return e - s + 1;
    }
    let hay = &h[s as usize..e as usize];
    let mut count = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            count += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    count
}

/// Positions of non-overlapping matches of a non-empty needle, left to right.
fn match_positions(h: &[u8], needle: &[u8], limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < limit && i + needle.len() <= h.len() {
        if &h[i..i + needle.len()] == needle {
            out.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

fn breplace(h: &[u8], old: &[u8], new: &[u8], count: i64) -> Option<Vec<u8>> {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if limit == 0 {
        return Some(h.to_vec());
    }
    if old.is_empty() {
        let k = h.len().saturating_add(1).min(limit);
        let total = k.checked_mul(new.len())?.checked_add(h.len())?;
        if total > strfmt::MAX_WIDTH {
            return None;
        }
        let mut out = Vec::with_capacity(total);
        for (i, &b) in h.iter().enumerate() {
            if i < k {
                out.extend_from_slice(new);
            }
            out.push(b);
        }
        if k > h.len() {
            out.extend_from_slice(new);
        }
        return Some(out);
    }
    let pos = match_positions(h, old, limit);
    let total = (h.len() - pos.len() * old.len()).checked_add(pos.len().checked_mul(new.len())?)?;
    if total > strfmt::MAX_WIDTH {
        return None;
    }
    let mut out = Vec::with_capacity(total);
    let mut last = 0;
    for p in pos {
        out.extend_from_slice(&h[last..p]);
        out.extend_from_slice(new);
        last = p + old.len();
    }
    out.extend_from_slice(&h[last..]);
    Some(out)
}

fn bsplit(h: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut maxcount = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut last = 0;
            let mut i = 0;
            while maxcount > 0 && i + sep.len() <= h.len() {
                if &h[i..i + sep.len()] == sep {
                    out.push(h[last..i].to_vec());
                    i += sep.len();
                    last = i;
                    maxcount -= 1;
                } else {
                    i += 1;
                }
            }
            out.push(h[last..].to_vec());
        }
        None => {
            let n = h.len();
            let mut i = 0;
            while maxcount > 0 {
                while i < n && is_space(h[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                while i < n && !is_space(h[i]) {
                    i += 1;
                }
                out.push(h[j..i].to_vec());
                maxcount -= 1;
            }
            while i < n && is_space(h[i]) {
                i += 1;
            }
            if i < n {
                out.push(h[i..].to_vec());
            }
        }
    }
    out
}

fn brsplit(h: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut maxcount = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = h.len();
            let mut i = h.len();
            while maxcount > 0 && i >= sep.len() {
                if &h[i - sep.len()..i] == sep {
                    out.push(h[i..end].to_vec());
                    i -= sep.len();
                    end = i;
                    maxcount -= 1;
                } else {
                    i -= 1;
                }
            }
            out.push(h[..end].to_vec());
        }
        None => {
            let mut i = h.len();
            while maxcount > 0 {
                while i > 0 && is_space(h[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                while i > 0 && !is_space(h[i - 1]) {
                    i -= 1;
                }
                out.push(h[i..j].to_vec());
                maxcount -= 1;
            }
            while i > 0 && is_space(h[i - 1]) {
                i -= 1;
            }
            if i > 0 {
                out.push(h[..i].to_vec());
            }
        }
    }
    out.reverse();
    out
}

fn bstrip(h: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> (usize, usize) {
    let keep = |b: u8| match chars {
        None => !is_space(b),
        Some(set) => !set.contains(&b),
    };
    let mut s = 0;
    let mut e = h.len();
    if left {
        while s < e && !keep(h[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && !keep(h[e - 1]) {
            e -= 1;
        }
    }
    (s, e)
}

fn hex_string(data: &[u8], sep: Option<char>, per: i64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let Some(sc) = sep {
            if i > 0 && group > 0 {
                // Groups count from the right for a positive bytes_per_sep.
                let boundary = if per > 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
                if boundary {
                    out.push(sc);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// `bytes.fromhex`: Err(position) for a bad character.
fn parse_hex(s: &str) -> Result<Vec<u8>, usize> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let hexval = |c: char| c.to_digit(16);
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = hexval(chars[i]).ok_or(i)?;
        let lo = chars.get(i + 1).and_then(|c| hexval(*c)).ok_or(i + 1)?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

// ------------------------------------------------------------ constructors

/// The payload of `bytes(...)` / `bytearray(...)`.
fn construct_data(vm: &mut Vm, fname: &str, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Vec<u8>> {
    let p = bind_kw(vm, fname, a, kw, &["source", "encoding", "errors"])?;
    let src = p[0].copied();
    let enc = p[1].copied();
    let errs = p[2].copied();
    let src = match src {
        None => {
            if enc.is_some() {
                return Err(vm.new_error(TP_TYPE_ERROR, "encoding without a string argument"));
            }
            if errs.is_some() {
                return Err(vm.new_error(TP_TYPE_ERROR, "errors without a string argument"));
            }
            return Ok(Vec::new());
        }
        Some(s) => s,
    };
    if let Some(s) = src.as_str() {
        let enc = match enc {
            None => return Err(vm.new_error(TP_TYPE_ERROR, "string argument without an encoding")),
            Some(e) => match e.as_str() {
                Some(e) => e.to_string(),
                None => {
                    let msg = format!("{}() argument 'encoding' must be str, not {}", fname, vm.type_name(&e));
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
            },
        };
        let errors = match errs {
            None => "strict".to_string(),
            Some(e) => match e.as_str() {
                Some(e) => e.to_string(),
                None => {
                    let msg = format!("{}() argument 'errors' must be str, not {}", fname, vm.type_name(&e));
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
            },
        };
        return encode(vm, s, &enc, &errors);
    }
    if enc.is_some() {
        return Err(vm.new_error(TP_TYPE_ERROR, "encoding without a string argument"));
    }
    if errs.is_some() {
        return Err(vm.new_error(TP_TYPE_ERROR, "errors without a string argument"));
    }
    if fname == "bytes" {
        if let Some(f) = vm.find_in_type(src.ty(), n::__bytes__) {
            if !is_bytes_obj(&src) || f.ty() == TP_FUNCTION {
                let r = vm.call(&f, &[src])?;
                return match r.bytes() {
                    Some(b) => Ok(b.to_vec()),
                    None => {
                        let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r));
                        Err(vm.new_error(TP_TYPE_ERROR, msg))
                    }
                };
            }
        }
    }
    if let Some(b) = bytes_data(&src) {
        return Ok(b.into_owned());
    }
    let int_like = (as_num(&src).is_some() && src.ty() != TP_FLOAT) || (src.ty() != TP_FLOAT && vm.find_in_type(src.ty(), n::__index__).is_some());
    if int_like {
        let count = match ssize_arg(vm, &src) {
            Ok(c) => c,
            Err(e) => {
                if vm.exc_is(TP_OVERFLOW_ERROR) {
                    vm.exc = None;
                    let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_name(&src));
                    return Err(vm.new_error(TP_OVERFLOW_ERROR, msg));
                }
                return Err(e);
            }
        };
        if count < 0 {
            return Err(vm.new_error(TP_VALUE_ERROR, "negative count"));
        }
        if count as u64 > strfmt::MAX_WIDTH as u64 {
            return Err(vm.new_error(TP_MEMORY_ERROR, ""));
        }
        vm.check_alloc(count as usize)?;
        return Ok(vec![0u8; count as usize]);
    }
    // An iterable of ints.
    let it = match vm.iter(&src) {
        Ok(it) => it,
        Err(e) => {
            if vm.exc_is(TP_TYPE_ERROR) {
                vm.exc = None;
                let msg = format!("cannot convert '{}' object to {}", vm.type_name(&src), fname);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
            return Err(e);
        }
    };
    vm.keep_alive(it);
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(byte_value(vm, &x, "bytes must be in range(0, 256)")?);
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = match a.first().and_then(|v| v.as_type()) {
        Some(t) if vm.is_subtype(t, TP_BYTES) => t,
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "bytes.__new__(X): X is not a subtype of bytes")),
    };
    let data = construct_data(vm, "bytes", &a[1..], kw)?;
    if t == TP_BYTES {
        return Ok(vm.new_bytes(data));
    }
    Ok(vm.heap.alloc(t, ObjData::Bytes(data.into_boxed_slice()), Some(Box::default())))
}

fn bytearray_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let data = construct_data(vm, "bytearray", a.get(1..).unwrap_or(&[]), kw)?;
    Ok(new_bytearray(vm, data))
}

// ------------------------------------------------------------ shared methods

fn m_decode<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "decode")?;
    let p = bind_kw(vm, "decode", &a[1..], kw, &["encoding", "errors"])?;
    let mut opts = ["utf-8".to_string(), "strict".to_string()];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = p[i] {
            match v.as_str() {
                Some(s) => opts[i] = s.to_string(),
                None => {
                    let msg = format!("decode() argument '{}' must be str, not {}", what, vm.type_name(v));
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
            }
        }
    }
    let s = decode(vm, &data, &opts[0], &opts[1])?;
    Ok(vm.new_string(s))
}

fn m_hex<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "hex")?;
    let p = bind_kw(vm, "hex", &a[1..], kw, &["sep", "bytes_per_sep"])?;
    let per = match p[1] {
        None => 1,
        Some(v) => int_arg(vm, v)?,
    };
    let sep = match p[0] {
        None => None,
        Some(v) => {
            let len = match bytes_data(v) {
                Some(b) => b.len(),
                None => match v.as_str() {
                    Some(s) => s.chars().count(),
                    None => vm.len(v)?,
                },
            };
            if len != 1 {
                return Err(vm.new_error(TP_VALUE_ERROR, "sep must be length 1."));
            }
            let c = if let Some(s) = v.as_str() {
                let c = s.chars().next().unwrap_or(' ');
                if c as u32 > 0xff {
                    return Err(vm.new_error(TP_VALUE_ERROR, "sep must be ASCII."));
                }
                c
            } else if let Some(b) = v.bytes() {
                b[0] as char
            } else {
                return Err(vm.new_error(TP_TYPE_ERROR, "sep must be str or bytes."));
            };
            if !c.is_ascii() {
                return Err(vm.new_error(TP_VALUE_ERROR, "sep must be ASCII."));
            }
            Some(c)
        }
    };
    let s = hex_string(&data, sep, per);
    Ok(vm.new_string(s))
}

fn m_fromhex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = a.first().copied().unwrap_or(Value::NIL);
    check_arity(vm, a.len().saturating_sub(1), Arity::One, "fromhex", "fromhex")?;
    let s = match a[1].as_str() {
        Some(s) => s,
        None => {
            let msg = format!("fromhex() argument must be str, not {}", vm.type_name(&a[1]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let data = match parse_hex(s) {
        Ok(d) => d,
        Err(pos) => {
            let msg = format!("non-hexadecimal number found in fromhex() arg at position {}", pos);
            return Err(vm.new_error(TP_VALUE_ERROR, msg));
        }
    };
    match cls.as_type() {
        Some(TP_BYTES) | None => Ok(vm.new_bytes(data)),
        Some(TP_BYTEARRAY) => Ok(new_bytearray(vm, data)),
        Some(_) => {
            let b = vm.new_bytes(data);
            vm.keep_alive(b);
            vm.call(&cls, &[b])
        }
    }
}

fn search<'a, const BA: bool>(vm: &mut Vm, a: &'a [Value], name: &str) -> PyResult<(Cow<'a, [u8]>, Cow<'a, [u8]>, Option<i64>, Option<i64>)> {
    let data = this::<BA>(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Takes(1, 3), "", name)?;
    let st = slice_arg(vm, a.get(2))?;
    let en = slice_arg(vm, a.get(3))?;
    let sub = sub_arg(vm, &a[1])?;
    Ok((data, sub, st, en))
}

fn m_find<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (d, s, st, en) = search::<BA>(vm, a, "find")?;
    Ok(Value::int(bfind(&d, &s, st, en)))
}

fn m_rfind<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (d, s, st, en) = search::<BA>(vm, a, "rfind")?;
    Ok(Value::int(brfind(&d, &s, st, en)))
}

fn m_index<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (d, s, st, en) = search::<BA>(vm, a, "index")?;
    match bfind(&d, &s, st, en) {
        -1 => Err(vm.new_error(TP_VALUE_ERROR, "subsection not found")),
        i => Ok(Value::int(i)),
    }
}

fn m_rindex<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (d, s, st, en) = search::<BA>(vm, a, "rindex")?;
    match brfind(&d, &s, st, en) {
        -1 => Err(vm.new_error(TP_VALUE_ERROR, "subsection not found")),
        i => Ok(Value::int(i)),
    }
}

fn m_count<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (d, s, st, en) = search::<BA>(vm, a, "count")?;
    Ok(Value::int(bcount(&d, &s, st, en)))
}

fn starts_ends<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, ends: bool) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Takes(1, 3), "", name)?;
    let st = slice_arg(vm, a.get(2))?;
    let en = slice_arg(vm, a.get(3))?;
    let (s, e) = adjust_indices(st, en, data.len());
    let test = |p: &[u8]| -> bool {
        if e - s < p.len() as i64 {
            return false;
        }
        let h = &data[s as usize..e as usize];
        if ends {
            h.ends_with(p)
        } else {
            h.starts_with(p)
        }
    };
    if let Some(p) = bytes_data(&a[1]) {
        return Ok(Value::bool(test(&p)));
    }
    if let Some(items) = a[1].tuple() {
        for x in items {
            match bytes_data(x) {
                Some(p) => {
                    if test(&p) {
                        return Ok(Value::TRUE);
                    }
                }
                None => {
                    let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(x));
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
            }
        }
        return Ok(Value::FALSE);
    }
    let msg = format!("{} first arg must be bytes or a tuple of bytes, not {}", name, vm.type_name(&a[1]));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn m_startswith<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    starts_ends::<BA>(vm, a, "startswith", false)
}

fn m_endswith<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    starts_ends::<BA>(vm, a, "endswith", true)
}

fn m_replace<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "replace")?;
    check_arity(vm, a.len() - 1, Arity::Expected(2, 3), "", "replace")?;
    let old = buf_arg(vm, &a[1])?;
    let new = buf_arg(vm, &a[2])?;
    let count = match a.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    match breplace(&data, &old, &new, count) {
        Some(r) => Ok(make::<BA>(vm, r)),
        None => Err(vm.new_error(TP_OVERFLOW_ERROR, "replace bytes is too long")),
    }
}

fn split_common<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)], name: &str, right: bool) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    let p = bind_kw(vm, name, &a[1..], kw, &["sep", "maxsplit"])?;
    let maxsplit = match p[1] {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    let sep = match p[0] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            let b = buf_arg(vm, v)?;
            if b.is_empty() {
                return Err(vm.new_error(TP_VALUE_ERROR, "empty separator"));
            }
            Some(b)
        }
    };
    let parts = if right { brsplit(&data, sep.as_deref(), maxsplit) } else { bsplit(&data, sep.as_deref(), maxsplit) };
    let items: Vec<Value> = parts.into_iter().map(|x| make::<BA>(vm, x)).collect();
    Ok(vm.new_list(items))
}

fn m_split<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    split_common::<BA>(vm, a, kw, "split", false)
}

fn m_rsplit<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    split_common::<BA>(vm, a, kw, "rsplit", true)
}

fn m_splitlines<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "splitlines")?;
    let p = bind_kw(vm, "splitlines", &a[1..], kw, &["keepends"])?;
    let keep = match p[0] {
        None => false,
        Some(v) => int_arg(vm, v)? != 0,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && data.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(data[start..if keep { end } else { i }].to_vec());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        parts.push(data[start..].to_vec());
    }
    let items: Vec<Value> = parts.into_iter().map(|x| make::<BA>(vm, x)).collect();
    Ok(vm.new_list(items))
}

fn strip_common<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Expected(0, 1), "", name)?;
    let chars = match a.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(buf_arg(vm, v)?),
    };
    let (s, e) = bstrip(&data, chars.as_deref(), left, right);
    if !BA && s == 0 && e == data.len() && a[0].ty() == TP_BYTES {
        return Ok(a[0]);
    }
    Ok(make::<BA>(vm, data[s..e].to_vec()))
}

fn m_strip<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    strip_common::<BA>(vm, a, "strip", true, true)
}

fn m_lstrip<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    strip_common::<BA>(vm, a, "lstrip", true, false)
}

fn m_rstrip<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    strip_common::<BA>(vm, a, "rstrip", false, true)
}

fn m_join<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sep = this::<BA>(vm, a, "join")?.into_owned();
    one_arg::<BA>(vm, a, "join")?;
    let items = join_items(vm, &a[1])?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        match bytes_data(x) {
            Some(b) => {
                // Checked before growing: joining a million megabyte strings
                // is a MemoryError, not an aborted allocation.
                if out.len() + sep.len() + b.len() > strfmt::MAX_WIDTH || out.try_reserve(sep.len() + b.len()).is_err() {
                    return Err(vm.new_error(TP_MEMORY_ERROR, ""));
                }
                if i > 0 {
                    out.extend_from_slice(&sep);
                }
                out.extend_from_slice(&b);
            }
            None => {
                let msg = format!("sequence item {}: expected a bytes-like object, {} found", i, vm.type_name(x));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
        if out.len() > strfmt::MAX_WIDTH {
            return Err(vm.new_error(TP_MEMORY_ERROR, ""));
        }
    }
    Ok(make::<BA>(vm, out))
}

fn partition_common<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    one_arg::<BA>(vm, a, name)?;
    let sep = buf_arg(vm, &a[1])?;
    if sep.is_empty() {
        return Err(vm.new_error(TP_VALUE_ERROR, "empty separator"));
    }
    let pos = if right { brfind(&data, &sep, None, None) } else { bfind(&data, &sep, None, None) };
    let (x, y, z) = if pos < 0 {
        if right {
            (Vec::new(), Vec::new(), data.to_vec())
        } else {
            (data.to_vec(), Vec::new(), Vec::new())
        }
    } else {
        let p = pos as usize;
        (data[..p].to_vec(), sep.to_vec(), data[p + sep.len()..].to_vec())
    };
    let items = vec![make::<BA>(vm, x), make::<BA>(vm, y), make::<BA>(vm, z)];
    Ok(vm.new_tuple(items))
}

fn m_partition<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    partition_common::<BA>(vm, a, "partition", false)
}

fn m_rpartition<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    partition_common::<BA>(vm, a, "rpartition", true)
}

fn affix_common<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    one_arg::<BA>(vm, a, name)?;
    let p = buf_arg(vm, &a[1])?;
    let r: &[u8] = if suffix {
        data.strip_suffix(&p[..]).unwrap_or(&data)
    } else {
        data.strip_prefix(&p[..]).unwrap_or(&data)
    };
    let r = r.to_vec();
    Ok(make::<BA>(vm, r))
}

fn m_removeprefix<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    affix_common::<BA>(vm, a, "removeprefix", false)
}

fn m_removesuffix<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    affix_common::<BA>(vm, a, "removesuffix", true)
}

macro_rules! bmap {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            let data = this::<BA>(vm, a, $name)?;
            no_args::<BA>(vm, a, $name)?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            let r = f(&data);
            Ok(make::<BA>(vm, r))
        }
    };
}

bmap!(m_upper, "upper", |d| d.to_ascii_uppercase());
bmap!(m_lower, "lower", |d| d.to_ascii_lowercase());
bmap!(m_swapcase, "swapcase", |d| d
    .iter()
    .map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
    .collect());
bmap!(m_capitalize, "capitalize", |d| d
    .iter()
    .enumerate()
    .map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
    .collect());
bmap!(m_title, "title", |d| {
    let mut prev_cased = false;
    d.iter()
        .map(|&c| {
            let r = if c.is_ascii_alphabetic() {
                if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            } else {
                c
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
});

macro_rules! bpred {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            let data = this::<BA>(vm, a, $name)?;
            no_args::<BA>(vm, a, $name)?;
            let f: fn(&[u8]) -> bool = $f;
            Ok(Value::bool(f(&data)))
        }
    };
}

bpred!(m_isdigit, "isdigit", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_digit()));
bpred!(m_isalpha, "isalpha", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphabetic()));
bpred!(m_isalnum, "isalnum", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphanumeric()));
bpred!(m_isspace, "isspace", |d| !d.is_empty() && d.iter().all(|&c| is_space(c)));
bpred!(m_isascii, "isascii", |d| d.is_ascii());
bpred!(m_islower, "islower", |d| d.iter().any(|c| c.is_ascii_lowercase()) && !d.iter().any(|c| c.is_ascii_uppercase()));
bpred!(m_isupper, "isupper", |d| d.iter().any(|c| c.is_ascii_uppercase()) && !d.iter().any(|c| c.is_ascii_lowercase()));
bpred!(m_istitle, "istitle", |d| {
    let mut cased = false;
    let mut prev_cased = false;
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
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
});

fn pad_common<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, mode: u8) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Expected(1, 2), "", name)?;
    let width = ssize_arg(vm, &a[1])?;
    let fill = match a.get(2) {
        None => b' ',
        Some(v) => match bytes_data(v) {
            Some(b) if b.len() == 1 => b[0],
            Some(_) => {
                let msg = format!("{}() argument 2 must be a byte string of length 1, not {}", name, vm.type_name(v));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
            None => {
                let msg = format!("{}() argument 2 must be a byte string of length 1, not {}", name, vm.type_name(v));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        },
    };
    let len = data.len() as i64;
    if width <= len {
        return Ok(make::<BA>(vm, data.to_vec()));
    }
    if width as u64 > strfmt::MAX_WIDTH as u64 {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let marg = (width - len) as usize;
    let left = match mode {
        0 => marg / 2 + (marg & (width as usize) & 1),
        1 => 0,
        _ => marg,
    };
    let mut out = Vec::with_capacity(width as usize);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&data);
    out.extend(std::iter::repeat_n(fill, marg - left));
    Ok(make::<BA>(vm, out))
}

fn m_center<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pad_common::<BA>(vm, a, "center", 0)
}

fn m_ljust<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pad_common::<BA>(vm, a, "ljust", 1)
}

fn m_rjust<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pad_common::<BA>(vm, a, "rjust", 2)
}

fn m_zfill<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "zfill")?;
    one_arg::<BA>(vm, a, "zfill")?;
    let width = ssize_arg(vm, &a[1])?;
    let len = data.len() as i64;
    if width <= len {
        return Ok(make::<BA>(vm, data.to_vec()));
    }
    if width as u64 > strfmt::MAX_WIDTH as u64 {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let marg = (width - len) as usize;
    let mut out = Vec::with_capacity(width as usize);
    let (sign, rest): (&[u8], &[u8]) = match data.first() {
        Some(b'+') | Some(b'-') => (&data[..1], &data[1..]),
        _ => (&[], &data[..]),
    };
    out.extend_from_slice(sign);
    out.extend(std::iter::repeat_n(b'0', marg));
    out.extend_from_slice(rest);
    Ok(make::<BA>(vm, out))
}

fn m_translate<const BA: bool>(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "translate")?;
    let p = bind_kw(vm, "translate", &a[1..], kw, &["table", "delete"])?;
    let table = match p[0] {
        None => return Err(vm.new_error(TP_TYPE_ERROR, "translate() missing required argument 'table' (pos 1)")),
        Some(v) if v.is_none() => None,
        Some(v) => {
            let t = buf_arg(vm, v)?;
            if t.len() != 256 {
                return Err(vm.new_error(TP_VALUE_ERROR, "translation table must be 256 characters long"));
            }
            Some(t.into_owned())
        }
    };
    let delete = match p[1] {
        None => Vec::new(),
        Some(v) => buf_arg(vm, v)?.into_owned(),
    };
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| match &table {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect();
    Ok(make::<BA>(vm, out))
}

fn m_maketrans(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_arity(vm, a.len(), Arity::Takes(2, 2), "", "maketrans")?;
    let from = buf_arg(vm, &a[0])?;
    let to = buf_arg(vm, &a[1])?;
    if from.len() != to.len() {
        return Err(vm.new_error(TP_VALUE_ERROR, "maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (x, y) in from.iter().zip(to.iter()) {
        t[*x as usize] = *y;
    }
    Ok(vm.new_bytes(t))
}

// ------------------------------------------------------------ dunders

fn other_has_py_reflected(vm: &mut Vm, other: &Value, name: Name) -> bool {
    matches!(vm.find_in_type(other.ty(), name), Some(f) if f.ty() == TP_FUNCTION)
}

fn d_add<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "__add__")?;
    dunder_argc(vm, a, 1)?;
    match bytes_data(&a[1]) {
        Some(b) => {
            if data.len().saturating_add(b.len()) > strfmt::MAX_WIDTH {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            let mut out = Vec::with_capacity(data.len() + b.len());
            out.extend_from_slice(&data);
            out.extend_from_slice(&b);
            Ok(make::<BA>(vm, out))
        }
        None => {
            if other_has_py_reflected(vm, &a[1], n::__radd__) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            let msg = format!("can't concat {} to {}", vm.type_name(&a[1]), tname::<BA>());
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

fn mul_common<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, rname: Name) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    dunder_argc(vm, a, 1)?;
    let v = a[1];
    let int_like = (as_num(&v).is_some() && v.ty() != TP_FLOAT) || (v.ty() != TP_FLOAT && vm.find_in_type(v.ty(), n::__index__).is_some());
    if !int_like {
        if other_has_py_reflected(vm, &v, rname) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&v));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let k = match ssize_arg(vm, &v) {
        Ok(k) => k,
        Err(e) => {
            if vm.exc_is(TP_OVERFLOW_ERROR) {
                vm.exc = None;
                let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_name(&v));
                return Err(vm.new_error(TP_OVERFLOW_ERROR, msg));
            }
            return Err(e);
        }
    };
    if k <= 0 || data.is_empty() {
        return Ok(make::<BA>(vm, Vec::new()));
    }
    let total = match (data.len() as u64).checked_mul(k as u64) {
        Some(t) if t <= i64::MAX as u64 => t,
        _ => return Err(vm.new_error(TP_OVERFLOW_ERROR, "repeated bytes are too long")),
    };
    if total > strfmt::MAX_WIDTH as u64 {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let r = data.repeat(k as usize);
    Ok(make::<BA>(vm, r))
}

fn d_mul<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    mul_common::<BA>(vm, a, "__mul__", n::__rmul__)
}

fn d_rmul<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    mul_common::<BA>(vm, a, "__rmul__", n::__mul__)
}

fn d_contains<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self::<BA>(vm, a, "__contains__")?;
    dunder_argc(vm, a, 1)?;
    let v = a[1];
    if let Some(b) = bytes_data(&v) {
        return Ok(Value::bool(with_data(&a[0], |d| bfind(d, &b, None, None) >= 0)));
    }
    let int_like = (as_num(&v).is_some() && v.ty() != TP_FLOAT) || (v.ty() != TP_FLOAT && vm.find_in_type(v.ty(), n::__index__).is_some());
    if int_like {
        let b = byte_value(vm, &v, "byte must be in range(0, 256)")?;
        return Ok(Value::bool(with_data(&a[0], |d| d.contains(&b))));
    }
    let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(&v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn d_len<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self::<BA>(vm, a, "__len__")?;
    dunder_argc(vm, a, 0)?;
    Ok(Value::int(with_data(&a[0], |d| d.len()) as i64))
}

/// An int index key, or a TypeError naming the family.
fn index_key(vm: &mut Vm, key: &Value, what: &str) -> PyResult<Option<i64>> {
    if key.ty() == TP_SLICE {
        return Ok(None);
    }
    let int_like = (as_num(key).is_some() && key.ty() != TP_FLOAT) || (key.ty() != TP_FLOAT && vm.find_in_type(key.ty(), n::__index__).is_some());
    if !int_like {
        let msg = format!("{} indices must be integers or slices, not {}", what, vm.type_name(key));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    match ssize_arg(vm, key) {
        Ok(i) => Ok(Some(i)),
        Err(e) => {
            if vm.exc_is(TP_OVERFLOW_ERROR) {
                vm.exc = None;
                let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_name(key));
                return Err(vm.new_error(TP_INDEX_ERROR, msg));
            }
            Err(e)
        }
    }
}

fn d_getitem<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self::<BA>(vm, a, "__getitem__")?;
    dunder_argc(vm, a, 1)?;
    let key = a[1];
    match index_key(vm, &key, if BA { "bytearray" } else { "byte" })? {
        Some(i) => {
            let r = with_data(&a[0], |d| {
                let len = d.len() as i64;
                let j = if i < 0 { i + len } else { i };
                if j < 0 || j >= len {
                    None
                } else {
                    Some(d[j as usize])
                }
            });
            match r {
                Some(b) => Ok(Value::int(b as i64)),
                None => {
                    let msg = if BA { "bytearray index out of range" } else { "index out of range" };
                    Err(vm.new_error(TP_INDEX_ERROR, msg))
                }
            }
        }
        None => {
            let len = with_data(&a[0], |d| d.len());
            let (start, _, step, count) = crate::objects::slice_indices(vm, &key, len)?;
            let out = with_data(&a[0], |d| {
                let mut out = Vec::with_capacity(count);
                let mut i = start;
                for _ in 0..count {
                    if let Some(b) = usize::try_from(i).ok().and_then(|k| d.get(k)) {
                        out.push(*b);
                    }
                    i += step;
                }
                out
            });
            Ok(make::<BA>(vm, out))
        }
    }
}

fn d_iter<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self::<BA>(vm, a, "__iter__")?;
    dunder_argc(vm, a, 0)?;
    Ok(vm.heap.alloc(TP_BYTES_ITERATOR, ObjData::Iter(RefCell::new(IterState::Seq { seq: a[0], idx: 0 })), None))
}

fn cmp_common<const BA: bool>(vm: &mut Vm, a: &[Value], name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let data = this::<BA>(vm, a, name)?;
    dunder_argc(vm, a, 1)?;
    if !BA && !is_bytes_obj(&a[1]) {
        // bytes compares only with bytes; bytearray's reflected method
        // handles mixed comparisons.
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match bytes_data(&a[1]) {
        Some(b) => Ok(Value::bool(f(data[..].cmp(&b[..])))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn d_eq<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common::<BA>(vm, a, "__eq__", |o| o.is_eq())
}

fn d_ne<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common::<BA>(vm, a, "__ne__", |o| o.is_ne())
}

fn d_lt<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common::<BA>(vm, a, "__lt__", |o| o.is_lt())
}

fn d_le<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common::<BA>(vm, a, "__le__", |o| o.is_le())
}

fn d_gt<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common::<BA>(vm, a, "__gt__", |o| o.is_gt())
}

fn d_ge<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common::<BA>(vm, a, "__ge__", |o| o.is_ge())
}

fn d_repr<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "__repr__")?;
    dunder_argc(vm, a, 0)?;
    let r = strfmt::repr_bytes(&data);
    let r = if BA { format!("bytearray({})", r) } else { r };
    Ok(vm.new_string(r))
}

fn d_hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<false>(vm, a, "__hash__")?;
    dunder_argc(vm, a, 0)?;
    // Same as the VM's hash of an exact bytes object.
    Ok(Value::int(crate::objects::str::hash_bytes(&data)))
}

fn d_bytes(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<false>(vm, a, "__bytes__")?;
    dunder_argc(vm, a, 0)?;
    if a[0].ty() == TP_BYTES {
        return Ok(a[0]);
    }
    let d = data.to_vec();
    Ok(vm.new_bytes(d))
}

fn d_getnewargs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<false>(vm, a, "__getnewargs__")?;
    no_args::<false>(vm, a, "__getnewargs__")?;
    let d = data.to_vec();
    let b = vm.new_bytes(d);
    Ok(vm.new_tuple(vec![b]))
}

// ------------------------------------------------------------ printf-style `%`

/// Rewrite `%b` conversions as `%s` (identical for bytes) so that the shared
/// `%` parser accepts them; positions are unchanged.
fn b_to_s(fmt: &mut [u8]) {
    let n = fmt.len();
    let mut i = 0;
    while i < n {
        if fmt[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if i < n && fmt[i] == b'%' {
            i += 1;
            continue;
        }
        if i < n && fmt[i] == b'(' {
            let mut depth = 1;
            i += 1;
            while i < n && depth > 0 {
                if fmt[i] == b')' {
                    depth -= 1;
                } else if fmt[i] == b'(' {
                    depth += 1;
                }
                i += 1;
            }
        }
        while i < n && matches!(fmt[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            i += 1;
        }
        if i < n && fmt[i] == b'*' {
            i += 1;
        } else {
            while i < n && fmt[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i < n && fmt[i] == b'.' {
            i += 1;
            if i < n && fmt[i] == b'*' {
                i += 1;
            } else {
                while i < n && fmt[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        if i < n && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i < n {
            if fmt[i] == b'b' {
                fmt[i] = b's';
            }
            i += 1;
        }
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn unlatin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

/// `fmt % args` for bytes and bytearray.
pub fn bytes_percent(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    use crate::objects::format::fmt_err;
    use crate::objects::strfmt::{PercentNum, PercentPiece};
    let mut f = fmt.to_vec();
    b_to_s(&mut f);
    let pieces = strfmt::parse_percent(&latin1(&f)).map_err(|e| fmt_err(vm, e))?;
    // CPython: a mapping that is not a tuple, bytes, bytearray or str.
    let is_mapping = args.dict().is_some() || (args.tuple().is_none() && bytes_data(args).is_none() && args.as_str().is_none() && (args.list().is_some() || vm.find_in_type(args.ty(), n::__getitem__).is_some()));
    let items: Vec<Value> = match args.tuple() {
        Some(t) if args.ty() == TP_TUPLE => t.to_vec(),
        _ => vec![*args],
    };
    let mut next = 0usize;
    let mut out: Vec<u8> = Vec::new();
    let mut take = |vm: &mut Vm| -> PyResult<Value> {
        match items.get(next) {
            Some(v) => {
                next += 1;
                Ok(*v)
            }
            None => Err(vm.new_error(TP_TYPE_ERROR, "not enough arguments for format string")),
        }
    };
    for p in pieces {
        match p {
            PercentPiece::Literal(s) => out.extend(unlatin1(&s)),
            PercentPiece::Spec(mut spec) => {
                if spec.width == Some(PercentNum::Star) {
                    let w = take(vm)?;
                    let w = ssize_arg(vm, &w)?;
                    spec.set_star_width(w).map_err(|e| fmt_err(vm, e))?;
                }
                if spec.precision == Some(PercentNum::Star) {
                    let p = take(vm)?;
                    let p = ssize_arg(vm, &p)?;
                    spec.set_star_precision(p).map_err(|e| fmt_err(vm, e))?;
                }
                let arg = match &spec.key {
                    Some(k) => {
                        if !is_mapping {
                            return Err(vm.new_error(TP_TYPE_ERROR, "format requires a mapping"));
                        }
                        let kv = vm.new_bytes(unlatin1(k));
                        vm.keep_alive(kv);
                        vm.getitem(args, &kv)?
                    }
                    None => take(vm)?,
                };
                vm.keep_alive(arg);
                let piece: Result<String, crate::objects::strfmt::FmtError> = match spec.conv {
                    's' => {
                        let data: Vec<u8> = if let Some(b) = bytes_data(&arg) {
                            b.into_owned()
                        } else if let Some(fb) = vm.find_in_type(arg.ty(), n::__bytes__) {
                            let r = vm.call(&fb, &[arg])?;
                            match r.bytes() {
                                Some(b) => b.to_vec(),
                                None => {
                                    let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r));
                                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                                }
                            }
                        } else {
                            let msg = format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", vm.type_name(&arg));
                            return Err(vm.new_error(TP_TYPE_ERROR, msg));
                        };
                        strfmt::percent_str(&latin1(&data), &spec)
                    }
                    'r' | 'a' => {
                        let t = vm.repr(&arg)?;
                        strfmt::percent_str(&crate::objects::str_ascii(&t), &spec)
                    }
                    'c' => {
                        let b = if let Some(d) = bytes_data(&arg) {
                            if d.len() != 1 {
                                return Err(vm.new_error(TP_TYPE_ERROR, "%c requires an integer in range(256) or a single byte"));
                            }
                            d[0]
                        } else {
                            match as_num(&arg) {
                                Some(Num::Small(i)) if arg.ty() != TP_FLOAT && (0..256).contains(&i) => i as u8,
                                Some(Num::Small(_)) | Some(Num::Big(_)) if arg.ty() != TP_FLOAT => {
                                    return Err(vm.new_error(TP_OVERFLOW_ERROR, "%c arg not in range(256)"));
                                }
                                _ => return Err(vm.new_error(TP_TYPE_ERROR, "%c requires an integer in range(256) or a single byte")),
                            }
                        };
                        strfmt::percent_char(b as char, &spec)
                    }
                    'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match as_num(&arg) {
                        Some(Num::Small(i)) if arg.ty() != TP_FLOAT => strfmt::percent_i64(i, &spec),
                        Some(Num::Big(b)) => strfmt::percent_int(b, &spec),
                        Some(Num::Float(fl)) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                            if !fl.is_finite() {
                                return Err(vm.new_error(TP_OVERFLOW_ERROR, "cannot convert float infinity to integer"));
                            }
                            let b = num_bigint::BigInt::from(fl.trunc() as i128);
                            strfmt::percent_int(&b, &spec)
                        }
                        _ => {
                            let msg = if matches!(spec.conv, 'd' | 'i' | 'u') {
                                format!("%{} format: a real number is required, not {}", spec.conv, vm.type_name(&arg))
                            } else {
                                format!("%{} format: an integer is required, not {}", spec.conv, vm.type_name(&arg))
                            };
                            return Err(vm.new_error(TP_TYPE_ERROR, msg));
                        }
                    },
                    _ => match as_num(&arg) {
                        Some(nv) => strfmt::percent_float(crate::objects::num::to_f64(&nv), &spec),
                        None => {
                            let msg = format!("must be real number, not {}", vm.type_name(&arg));
                            return Err(vm.new_error(TP_TYPE_ERROR, msg));
                        }
                    },
                };
                let piece = piece.map_err(|e| fmt_err(vm, e))?;
                out.extend(unlatin1(&piece));
                if out.len() > strfmt::MAX_WIDTH {
                    return Err(vm.new_error(TP_MEMORY_ERROR, ""));
                }
            }
        }
    }
    if next < items.len() && !is_mapping {
        return Err(vm.new_error(TP_TYPE_ERROR, "not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

fn d_mod<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = this::<BA>(vm, a, "__mod__")?.into_owned();
    dunder_argc(vm, a, 1)?;
    let r = bytes_percent(vm, &data, &a[1])?;
    Ok(make::<BA>(vm, r))
}

fn d_rmod<const BA: bool>(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self::<BA>(vm, a, "__rmod__")?;
    dunder_argc(vm, a, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

// ------------------------------------------------------------ bytearray mutation

fn ba_cell<'a>(vm: &mut Vm, a: &'a [Value], name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    check_self::<true>(vm, a, name)?;
    match a.first().and_then(bytearray_cell) {
        Some(c) => Ok(c),
        None => Err(vm.new_error(TP_TYPE_ERROR, "expected a bytearray")),
    }
}

fn ba_append(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "append")?;
    one_arg::<true>(vm, a, "append")?;
    let b = byte_value(vm, &a[1], "byte must be in range(0, 256)")?;
    cell.borrow_mut().push(b);
    Ok(Value::NONE)
}

/// The bytes an `extend`/slice assignment takes: bytes-like or ints.
fn bytes_from_iterable(vm: &mut Vm, v: &Value, strict_type: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b.into_owned());
    }
    let _ = strict_type;
    let items = match vm.collect_iter(v) {
        Ok(items) => items,
        Err(e) => {
            if vm.exc_is(TP_TYPE_ERROR) {
                vm.exc = None;
                let msg = format!("can't extend bytearray with {}", vm.type_name(v));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_value(vm, x, "byte must be in range(0, 256)")?);
    }
    Ok(out)
}

fn ba_extend(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "extend")?;
    one_arg::<true>(vm, a, "extend")?;
    let data = bytes_from_iterable(vm, &a[1], true)?;
    cell.borrow_mut().extend_from_slice(&data);
    Ok(Value::NONE)
}

fn ba_iadd(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "__iadd__")?;
    dunder_argc(vm, a, 1)?;
    match bytes_data(&a[1]) {
        Some(b) => {
            let b = b.into_owned();
            cell.borrow_mut().extend_from_slice(&b);
            Ok(a[0])
        }
        None => {
            let msg = format!("can't concat {} to bytearray", vm.type_name(&a[1]));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

fn ba_pop(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "pop")?;
    check_arity(vm, a.len() - 1, Arity::Expected(0, 1), "", "pop")?;
    let idx = match a.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let len = cell.borrow().len() as i64;
    if len == 0 {
        return Err(vm.new_error(TP_INDEX_ERROR, "pop from empty bytearray"));
    }
    let i = if idx < 0 { idx + len } else { idx };
    if i < 0 || i >= len {
        return Err(vm.new_error(TP_INDEX_ERROR, "pop index out of range"));
    }
    let b = cell.borrow_mut().remove(i as usize);
    Ok(Value::int(b as i64))
}

fn ba_insert(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "insert")?;
    check_arity(vm, a.len() - 1, Arity::Expected(2, 2), "", "insert")?;
    let idx = ssize_arg(vm, &a[1])?;
    let b = byte_value(vm, &a[2], "byte must be in range(0, 256)")?;
    let len = cell.borrow().len() as i64;
    let i = if idx < 0 { (idx + len).max(0) } else { idx.min(len) };
    cell.borrow_mut().insert(i as usize, b);
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "remove")?;
    one_arg::<true>(vm, a, "remove")?;
    let b = byte_value(vm, &a[1], "byte must be in range(0, 256)")?;
    let pos = cell.borrow().iter().position(|&x| x == b);
    match pos {
        Some(p) => {
            cell.borrow_mut().remove(p);
            Ok(Value::NONE)
        }
        None => Err(vm.new_error(TP_VALUE_ERROR, "value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "clear")?;
    no_args::<true>(vm, a, "clear")?;
    cell.borrow_mut().clear();
    Ok(Value::NONE)
}

fn ba_reverse(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "reverse")?;
    no_args::<true>(vm, a, "reverse")?;
    cell.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "copy")?;
    no_args::<true>(vm, a, "copy")?;
    let d = cell.borrow().clone();
    Ok(new_bytearray(vm, d))
}

fn ba_setitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "__setitem__")?;
    dunder_argc(vm, a, 2)?;
    let key = a[1];
    match index_key(vm, &key, "bytearray")? {
        Some(i) => {
            let b = byte_value(vm, &a[2], "byte must be in range(0, 256)")?;
            let len = cell.borrow().len() as i64;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                return Err(vm.new_error(TP_INDEX_ERROR, "bytearray index out of range"));
            }
            cell.borrow_mut()[j as usize] = b;
            Ok(Value::NONE)
        }
        None => {
            let v = a[2];
            let new: Vec<u8> = if as_num(&v).is_some() && v.ty() != TP_FLOAT {
                return Err(vm.new_error(TP_TYPE_ERROR, "can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
            } else {
                bytes_from_iterable(vm, &v, false)?
            };
            let len = cell.borrow().len();
            let (start, stop, step, count) = crate::objects::slice_indices(vm, &key, len)?;
            let mut d = cell.borrow_mut();
            if step == 1 {
                let s = start.clamp(0, d.len() as i64) as usize;
                let e = (stop.max(start)).clamp(0, d.len() as i64) as usize;
                d.splice(s..e, new);
            } else {
                if new.len() != count {
                    drop(d);
                    let msg = format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), count);
                    return Err(vm.new_error(TP_VALUE_ERROR, msg));
                }
                let mut i = start;
                for b in new {
                    if let Some(slot) = usize::try_from(i).ok().and_then(|k| d.get_mut(k)) {
                        *slot = b;
                    }
                    i += step;
                }
            }
            Ok(Value::NONE)
        }
    }
}

fn ba_delitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(vm, a, "__delitem__")?;
    dunder_argc(vm, a, 1)?;
    let key = a[1];
    match index_key(vm, &key, "bytearray")? {
        Some(i) => {
            let len = cell.borrow().len() as i64;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                return Err(vm.new_error(TP_INDEX_ERROR, "bytearray index out of range"));
            }
            cell.borrow_mut().remove(j as usize);
            Ok(Value::NONE)
        }
        None => {
            let len = cell.borrow().len();
            let (start, _, step, count) = crate::objects::slice_indices(vm, &key, len)?;
            let mut idx: Vec<usize> = (0..count).filter_map(|k| usize::try_from(start + k as i64 * step).ok()).collect();
            idx.sort_unstable();
            let mut d = cell.borrow_mut();
            for i in idx.into_iter().rev() {
                if i < d.len() {
                    d.remove(i);
                }
            }
            Ok(Value::NONE)
        }
    }
}

// ------------------------------------------------------------ registration

fn register_common<const BA: bool>(vm: &mut Vm, t: TypeId) {
    let pos: &[(&str, crate::objects::function::NativeFn)] = &[
        ("find", m_find::<BA>),
        ("rfind", m_rfind::<BA>),
        ("index", m_index::<BA>),
        ("rindex", m_rindex::<BA>),
        ("count", m_count::<BA>),
        ("startswith", m_startswith::<BA>),
        ("endswith", m_endswith::<BA>),
        ("replace", m_replace::<BA>),
        ("strip", m_strip::<BA>),
        ("lstrip", m_lstrip::<BA>),
        ("rstrip", m_rstrip::<BA>),
        ("join", m_join::<BA>),
        ("partition", m_partition::<BA>),
        ("rpartition", m_rpartition::<BA>),
        ("removeprefix", m_removeprefix::<BA>),
        ("removesuffix", m_removesuffix::<BA>),
        ("upper", m_upper::<BA>),
        ("lower", m_lower::<BA>),
        ("swapcase", m_swapcase::<BA>),
        ("capitalize", m_capitalize::<BA>),
        ("title", m_title::<BA>),
        ("isdigit", m_isdigit::<BA>),
        ("isalpha", m_isalpha::<BA>),
        ("isalnum", m_isalnum::<BA>),
        ("isspace", m_isspace::<BA>),
        ("isascii", m_isascii::<BA>),
        ("islower", m_islower::<BA>),
        ("isupper", m_isupper::<BA>),
        ("istitle", m_istitle::<BA>),
        ("center", m_center::<BA>),
        ("ljust", m_ljust::<BA>),
        ("rjust", m_rjust::<BA>),
        ("zfill", m_zfill::<BA>),
        ("__add__", d_add::<BA>),
        ("__mul__", d_mul::<BA>),
        ("__rmul__", d_rmul::<BA>),
        ("__contains__", d_contains::<BA>),
        ("__len__", d_len::<BA>),
        ("__getitem__", d_getitem::<BA>),
        ("__iter__", d_iter::<BA>),
        ("__eq__", d_eq::<BA>),
        ("__ne__", d_ne::<BA>),
        ("__lt__", d_lt::<BA>),
        ("__le__", d_le::<BA>),
        ("__gt__", d_gt::<BA>),
        ("__ge__", d_ge::<BA>),
        ("__repr__", d_repr::<BA>),
        ("__mod__", d_mod::<BA>),
        ("__rmod__", d_rmod::<BA>),
    ];
    for (name, f) in pos {
        vm.bind_method(t, name, -1, *f);
    }
    let kw: &[(&str, crate::objects::function::NativeFnKw)] = &[
        ("decode", m_decode::<BA>),
        ("hex", m_hex::<BA>),
        ("split", m_split::<BA>),
        ("rsplit", m_rsplit::<BA>),
        ("splitlines", m_splitlines::<BA>),
        ("translate", m_translate::<BA>),
    ];
    for (name, f) in kw {
        vm.bind_method_kw(t, name, *f);
    }
    vm.bind_classmethod(t, "fromhex", -1, m_fromhex);
    vm.bind_static(t, "maketrans", -1, m_maketrans);
}

pub fn register(vm: &mut Vm) {
    register_common::<false>(vm, TP_BYTES);
    register_common::<true>(vm, TP_BYTEARRAY);
    for (t, f) in [(TP_BYTES, bytes_new as crate::objects::function::NativeFnKw), (TP_BYTEARRAY, bytearray_new)] {
        let nf = vm.new_native_kw("__new__", f);
        let s = vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(nf), None);
        vm.set_type_attr(t, "__new__", s);
    }
    vm.bind_method(TP_BYTES, "__hash__", -1, d_hash);
    vm.bind_method(TP_BYTES, "__bytes__", -1, d_bytes);
    vm.bind_method(TP_BYTES, "__getnewargs__", -1, d_getnewargs);
    vm.set_type_attr(TP_BYTEARRAY, "__hash__", Value::NONE);
    let ba: &[(&str, crate::objects::function::NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("remove", ba_remove),
        ("clear", ba_clear),
        ("reverse", ba_reverse),
        ("copy", ba_copy),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__iadd__", ba_iadd),
    ];
    for (name, f) in ba {
        vm.bind_method(TP_BYTEARRAY, name, -1, *f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_bytes() {
        assert_eq!(bsplit(b"a b  c", None, -1), vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);
        assert_eq!(bsplit(b"  a b c  ", None, 1), vec![b"a".to_vec(), b"b c  ".to_vec()]);
        assert_eq!(brsplit(b"  a b c  ", None, 1), vec![b"  a b".to_vec(), b"c".to_vec()]);
        assert_eq!(bsplit(b"a,b,,c", Some(b","), -1), vec![b"a".to_vec(), b"b".to_vec(), b"".to_vec(), b"c".to_vec()]);
        assert_eq!(brsplit(b"a,b,c", Some(b","), 1), vec![b"a,b".to_vec(), b"c".to_vec()]);
        assert_eq!(bsplit(b"", Some(b","), -1), vec![b"".to_vec()]);
        assert!(bsplit(b"   ", None, -1).is_empty());
        assert_eq!(brsplit(b"aaa", Some(b"aa"), -1), vec![b"a".to_vec(), b"".to_vec()]);
    }

    #[test]
    fn find_count_replace() {
        assert_eq!(bfind(b"abc", b"c", None, None), 2);
        assert_eq!(bfind(b"abc", b"", Some(5), None), -1);
        assert_eq!(brfind(b"abcb", b"b", None, None), 3);
        assert_eq!(bcount(b"aaaa", b"aa", None, None), 2);
        assert_eq!(bcount(b"abc", b"", None, None), 4);
        assert_eq!(breplace(b"abc", b"", b"-", -1).unwrap(), b"-a-b-c-".to_vec());
        assert_eq!(breplace(b"abc", b"", b"-", 2).unwrap(), b"-a-bc".to_vec());
        assert_eq!(breplace(b"aaa", b"a", b"b", 2).unwrap(), b"bba".to_vec());
    }

    #[test]
    fn hex_roundtrip() {
        assert_eq!(hex_string(b"abcd", Some(':'), 2), "6162:6364");
        assert_eq!(hex_string(b"abcde", Some(':'), 2), "61:6263:6465");
        assert_eq!(hex_string(b"abcde", Some(':'), -2), "6162:6364:65");
        assert_eq!(parse_hex(" 00 ff ").unwrap(), vec![0, 255]);
        assert_eq!(parse_hex("0 0ff"), Err(1));
        assert_eq!(parse_hex("abc"), Err(3));
    }
}
