//! The `base64` module and the part of `binascii` it rests on (created on
//! first import): hand-written Base64 / Base32 / Base16 codecs following
//! CPython's `base64.py` and `binascii.c`, including their error messages.
//! Errors are `binascii.Error` (a ValueError subclass).

use crate::objects::bytes::bytes_data;
use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("base64".into(), make);
    vm.lazy_modules.insert("binascii".into(), make_binascii);
}

/// `binascii.Error`, shared by both modules.
pub fn error_type(vm: &mut Vm) -> TypeId {
    if let Some(&t) = vm.native_types.get("binascii.Error") {
        return t;
    }
    let t = vm.new_builtin_type("Error", TP_VALUE_ERROR, "binascii");
    vm.native_types.insert("binascii.Error", t);
    t
}

fn error(vm: &mut Vm, msg: impl AsRef<str>) -> Raised {
    let t = error_type(vm);
    vm.new_error(t, msg)
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("base64");
    vm.module_fn_kw(&m, "b64encode", b64encode);
    vm.module_fn_kw(&m, "b64decode", b64decode);
    vm.module_fn(&m, "standard_b64encode", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        Ok(vm.new_bytes(encode64(&data, b'+', b'/')))
    });
    vm.module_fn(&m, "standard_b64decode", 1, |vm, a| {
        let s = decode_data(vm, &a[0])?;
        let out = decode64(vm, &s, false)?;
        Ok(vm.new_bytes(out))
    });
    vm.module_fn(&m, "urlsafe_b64encode", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        Ok(vm.new_bytes(encode64(&data, b'-', b'_')))
    });
    vm.module_fn(&m, "urlsafe_b64decode", 1, |vm, a| {
        let s = decode_data(vm, &a[0])?;
        let s: Vec<u8> = s.iter().map(|&c| if c == b'-' { b'+' } else if c == b'_' { b'/' } else { c }).collect();
        let out = decode64(vm, &s, false)?;
        Ok(vm.new_bytes(out))
    });
    vm.module_fn(&m, "encodebytes", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        let mut out = Vec::new();
        for chunk in data.chunks(57) {
            out.extend(encode64(chunk, b'+', b'/'));
            out.push(b'\n');
        }
        Ok(vm.new_bytes(out))
    });
    vm.module_fn(&m, "decodebytes", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        let out = decode64(vm, &data, false)?;
        Ok(vm.new_bytes(out))
    });
    vm.module_fn(&m, "b32encode", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        Ok(vm.new_bytes(encode32(&data, B32_STD)))
    });
    vm.module_fn_kw(&m, "b32decode", |vm, a, kw| b32decode_with(vm, a, kw, B32_STD, "b32decode"));
    vm.module_fn(&m, "b32hexencode", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        Ok(vm.new_bytes(encode32(&data, B32_HEX)))
    });
    vm.module_fn_kw(&m, "b32hexdecode", |vm, a, kw| b32decode_with(vm, a, kw, B32_HEX, "b32hexdecode"));
    vm.module_fn(&m, "b16encode", 1, |vm, a| {
        let data = bytes_arg(vm, &a[0])?;
        Ok(vm.new_bytes(hex_upper(&data)))
    });
    vm.module_fn_kw(&m, "b16decode", b16decode);
    Ok(m)
}

fn make_binascii(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("binascii");
    let t = error_type(vm);
    let tobj = vm.types[t as usize].obj;
    vm.module_set(&m, "Error", tobj);
    vm.module_fn_kw(&m, "b2a_base64", |vm, a, kw| {
        let p = params(vm, "b2a_base64", a, kw, &["data", "newline"], 1)?;
        let data = bytes_arg(vm, &p[0].unwrap_or(Value::NONE))?;
        let newline = match p[1] {
            Some(v) => vm.truthy(&v)?,
            None => true,
        };
        let mut out = encode64(&data, b'+', b'/');
        if newline {
            out.push(b'\n');
        }
        Ok(vm.new_bytes(out))
    });
    vm.module_fn_kw(&m, "a2b_base64", |vm, a, kw| {
        let p = params(vm, "a2b_base64", a, kw, &["data", "strict_mode"], 1)?;
        let data = ascii_data(vm, &p[0].unwrap_or(Value::NONE))?;
        let strict = match p[1] {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let out = decode64(vm, &data, strict)?;
        Ok(vm.new_bytes(out))
    });
    for name in ["hexlify", "b2a_hex"] {
        vm.module_fn(&m, name, 1, |vm, a| {
            let data = bytes_arg(vm, &a[0])?;
            let out: Vec<u8> = hex_upper(&data).iter().map(|c| c.to_ascii_lowercase()).collect();
            Ok(vm.new_bytes(out))
        });
    }
    for name in ["unhexlify", "a2b_hex"] {
        vm.module_fn(&m, name, 1, |vm, a| {
            let data = ascii_data(vm, &a[0])?;
            let out = unhex(vm, &data)?;
            Ok(vm.new_bytes(out))
        });
    }
    Ok(m)
}

// ====================================================================== arguments

fn params(vm: &mut Vm, fname: &str, a: &[Value], kw: &[(Name, Value)], names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let p = crate::objects::int::bind_params(vm, fname, a, kw, names, names.len())?;
    for i in 0..required {
        if p[i].is_none() {
            let msg = format!("{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    Ok(p)
}

/// A bytes-like argument of an encoder (str is a TypeError).
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_data(v) {
        Some(b) => Ok(b.into_owned()),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// `base64._bytes_from_decode_data`: bytes-like or ASCII str.
fn decode_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(vm.new_error(TP_VALUE_ERROR, "string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match bytes_data(v) {
        Some(b) => Ok(b.into_owned()),
        None => {
            let msg = format!("argument should be a bytes-like object or ASCII string, not '{}'", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// binascii's "ascii data" argument: bytes-like or ASCII str.
fn ascii_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(vm.new_error(TP_VALUE_ERROR, "string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match bytes_data(v) {
        Some(b) => Ok(b.into_owned()),
        None => {
            let msg = format!("argument should be bytes, buffer or ASCII string, not '{}'", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

fn flag(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

// ====================================================================== base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 with `c62` / `c63` as the last two alphabet characters.
pub fn encode64(data: &[u8], c62: u8, c63: u8) -> Vec<u8> {
    let sym = |i: u32| -> u8 {
        match i {
            62 => c62,
            63 => c63,
            _ => B64[i as usize],
        }
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(sym(n >> 18));
        out.push(sym((n >> 12) & 63));
        out.push(if chunk.len() > 1 { sym((n >> 6) & 63) } else { b'=' });
        out.push(if chunk.len() > 2 { sym(n & 63) } else { b'=' });
    }
    out
}

fn b64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some((c - b'A') as u32),
        b'a'..=b'z' => Some((c - b'a') as u32 + 26),
        b'0'..=b'9' => Some((c - b'0') as u32 + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `binascii.a2b_base64(data, strict_mode=strict)`.
pub fn decode64(vm: &mut Vm, data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut quad = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad = 0;
            }
        }
    }
    if quad == 1 {
        let msg = format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        );
        return Err(error(vm, msg));
    }
    if quad != 0 {
        return Err(error(vm, "Incorrect padding"));
    }
    Ok(out)
}

/// `b64encode(s, altchars=None)`
fn b64encode(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = params(vm, "b64encode", a, kw, &["s", "altchars"], 1)?;
    let data = bytes_arg(vm, &p[0].unwrap_or(Value::NONE))?;
    let (c62, c63) = match p[1] {
        Some(v) if !v.is_none() => {
            let alt = bytes_arg(vm, &v)?;
            if alt.len() != 2 {
                return Err(vm.new_error(TP_ASSERTION_ERROR, format!("{:?}", String::from_utf8_lossy(&alt))));
            }
            (alt[0], alt[1])
        }
        _ => (b'+', b'/'),
    };
    Ok(vm.new_bytes(encode64(&data, c62, c63)))
}

/// `b64decode(s, altchars=None, validate=False)`
fn b64decode(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = params(vm, "b64decode", a, kw, &["s", "altchars", "validate"], 1)?;
    let mut s = decode_data(vm, &p[0].unwrap_or(Value::NONE))?;
    if let Some(v) = p[1] {
        if !v.is_none() {
            let alt = decode_data(vm, &v)?;
            if alt.len() != 2 {
                return Err(vm.new_error(TP_ASSERTION_ERROR, format!("{:?}", String::from_utf8_lossy(&alt))));
            }
            for c in s.iter_mut() {
                if *c == alt[0] {
                    *c = b'+';
                } else if *c == alt[1] {
                    *c = b'/';
                }
            }
        }
    }
    let validate = flag(vm, p[2])?;
    let out = decode64(vm, &s, validate)?;
    Ok(vm.new_bytes(out))
}

// ====================================================================== base32

const B32_STD: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const B32_HEX: &[u8; 32] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV";

pub fn encode32(data: &[u8], alphabet: &[u8; 32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(5) * 8);
    for chunk in data.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = buf.iter().fold(0u64, |acc, &b| (acc << 8) | b as u64);
        for i in 0..8 {
            out.push(alphabet[((n >> (35 - 5 * i)) & 31) as usize]);
        }
        let pad = match chunk.len() {
            1 => 6,
            2 => 4,
            3 => 3,
            4 => 1,
            _ => 0,
        };
        let l = out.len();
        for c in &mut out[l - pad..] {
            *c = b'=';
        }
    }
    out
}

/// `b32decode(s, casefold=False, map01=None)` / `b32hexdecode(s, casefold=False)`
fn b32decode_with(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)], alphabet: &[u8; 32], fname: &str) -> PyResult<Value> {
    let names: &[&str] = if fname == "b32decode" { &["s", "casefold", "map01"] } else { &["s", "casefold"] };
    let p = params(vm, fname, a, kw, names, 1)?;
    let mut s = decode_data(vm, &p[0].unwrap_or(Value::NONE))?;
    let casefold = flag(vm, p[1])?;
    if s.len() % 8 != 0 {
        return Err(error(vm, "Incorrect padding"));
    }
    if let Some(Some(m)) = p.get(2) {
        if !m.is_none() {
            let m01 = decode_data(vm, m)?;
            if m01.len() != 1 {
                return Err(vm.new_error(TP_ASSERTION_ERROR, format!("{:?}", String::from_utf8_lossy(&m01))));
            }
            for c in s.iter_mut() {
                if *c == b'0' {
                    *c = b'O';
                } else if *c == b'1' {
                    *c = m01[0];
                }
            }
        }
    }
    if casefold {
        s.make_ascii_uppercase();
    }
    let l = s.len();
    while s.last() == Some(&b'=') {
        s.pop();
    }
    let padchars = l - s.len();
    let mut out = Vec::with_capacity(l / 8 * 5);
    let mut acc: u64 = 0;
    for quanta in s.chunks(8) {
        acc = 0;
        for &c in quanta {
            let Some(v) = alphabet.iter().position(|&x| x == c) else {
                return Err(error(vm, "Non-base32 digit found"));
            };
            acc = (acc << 5) | v as u64;
        }
        out.extend_from_slice(&(acc & 0xff_ffff_ffff).to_be_bytes()[3..]);
    }
    if !matches!(padchars, 0 | 1 | 3 | 4 | 6) {
        return Err(error(vm, "Incorrect padding"));
    }
    if padchars > 0 && !out.is_empty() {
        acc <<= 5 * padchars;
        let last = (acc & 0xff_ffff_ffff).to_be_bytes();
        let leftover = (43 - 5 * padchars) / 8;
        let n = out.len();
        out.truncate(n - 5);
        out.extend_from_slice(&last[3..3 + leftover]);
    }
    Ok(vm.new_bytes(out))
}

// ====================================================================== base16

fn hex_upper(data: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(data.len() * 2);
    for &b in data {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    out
}

fn unhex(vm: &mut Vm, s: &[u8]) -> PyResult<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks(2) {
        let h = (pair[0] as char).to_digit(16);
        let l = (pair[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(out)
}

/// `b16decode(s, casefold=False)`
fn b16decode(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = params(vm, "b16decode", a, kw, &["s", "casefold"], 1)?;
    let mut s = decode_data(vm, &p[0].unwrap_or(Value::NONE))?;
    if flag(vm, p[1])? {
        s.make_ascii_uppercase();
    }
    if s.iter().any(|c| !matches!(c, b'0'..=b'9' | b'A'..=b'F')) {
        return Err(error(vm, "Non-base16 digit found"));
    }
    let out = unhex(vm, &s)?;
    Ok(vm.new_bytes(out))
}
