//! `float`: constructor, methods, and the float helpers shared with the
//! `math` / `random` modules (exact decomposition, correctly rounded
//! `ldexp`, `round(x, n)`).

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Pow, ToPrimitive, Zero};

use crate::compiler::bytecode::{BinaryOp, CompareOp};
use crate::objects::function::NativeFn;
use crate::objects::int::{cmp_holds, index_big, to_bigint};
use crate::objects::num::{as_num, float_binop, float_divmod, float_hash, num_cmp, Num};
use crate::runtime::names::n;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

// ====================================================================
// Pure helpers
// ====================================================================

/// `|x| == mant * 2**exp` exactly (x finite).
pub fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64;
    let f = bits & ((1u64 << 52) - 1);
    if e == 0 {
        (f, -1074)
    } else {
        (f | (1u64 << 52), e - 1075)
    }
}

/// `m * 2**e` correctly rounded (half to even); `sticky` says that nonzero
/// bits below `m` were dropped. Returns +inf on overflow.
fn ldexp_u64(m: u64, e: i64, sticky: bool) -> f64 {
    if m == 0 {
        return 0.0;
    }
    let nbits = 64 - m.leading_zeros() as i64;
    let e = e.clamp(-1_000_000, 1_000_000);
    let top = nbits - 1 + e;
    if top > 1023 {
        return f64::INFINITY;
    }
    let mut lsb = (top - 52).max(-1074);
    let shift = lsb - e;
    let mut q: u64 = if shift <= 0 {
        m << ((-shift) as u32)
    } else if shift > 64 {
        0
    } else {
        let (q, rem, half) = if shift == 64 { (0u64, m, 1u64 << 63) } else { (m >> shift, m & ((1u64 << shift) - 1), 1u64 << (shift - 1)) };
        if rem > half || (rem == half && (sticky || q & 1 == 1)) {
            q + 1
        } else {
            q
        }
    };
    if q == 1u64 << 53 {
        q >>= 1;
        lsb += 1;
    }
    if lsb + 52 > 1023 {
        return f64::INFINITY;
    }
    if q < (1u64 << 52) {
        // Subnormal (or zero): lsb is -1074.
        return f64::from_bits(q);
    }
    let biased = (lsb + 52 + 1023) as u64;
    f64::from_bits((biased << 52) | (q & ((1u64 << 52) - 1)))
}

/// `m * 2**e` correctly rounded; +inf on overflow.
pub fn ldexp_big(m: &BigUint, e: i64) -> f64 {
    let bits = m.bits();
    if bits == 0 {
        return 0.0;
    }
    if bits <= 64 {
        return ldexp_u64(m.to_u64().unwrap_or(0), e, false);
    }
    let shift = bits - 64;
    let top: BigUint = m >> (shift as usize);
    let sticky = m.trailing_zeros().map(|tz| tz < shift).unwrap_or(false);
    ldexp_u64(top.to_u64().unwrap_or(u64::MAX), e.saturating_add(shift as i64), sticky)
}

/// C's `ldexp(x, e)` with correct rounding of subnormal results.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = decompose(x);
    let r = ldexp_u64(m, ex.saturating_add(e), false);
    r.copysign(x)
}

/// C's `frexp`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (m, e) = decompose(x);
    let nbits = 64 - m.leading_zeros() as i64;
    let mant = ldexp_u64(m, -nbits, false).copysign(x);
    (mant, e + nbits)
}

/// An exactly representable float as a BigInt ratio (numerator, denominator).
pub fn float_ratio(x: f64) -> (BigInt, BigInt) {
    let (m, e) = decompose(x);
    let sign = if x < 0.0 { -1 } else { 1 };
    if m == 0 {
        return (BigInt::zero(), BigInt::one());
    }
    if e >= 0 {
        ((BigInt::from(m) * sign) << (e as usize), BigInt::one())
    } else {
        let tz = (m.trailing_zeros() as i64).min(-e);
        let num = BigInt::from(m >> tz) * sign;
        let den = BigInt::one() << ((-e - tz) as usize);
        (num, den)
    }
}

/// `round(x, ndigits)` for finite and special floats; None on overflow.
pub fn round_ndigits(x: f64, nd: i64) -> Option<f64> {
    if !x.is_finite() || x == 0.0 {
        return Some(x);
    }
    if nd > 323 {
        return Some(x);
    }
    if nd < -308 {
        return Some(0.0f64.copysign(x));
    }
    let (m, e) = decompose(x.abs());
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let p: BigUint = Pow::pow(BigUint::from(10u32), nd.unsigned_abs() as u32);
    if nd >= 0 {
        num *= p;
    } else {
        den *= p;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice: BigUint = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    let text = format!("{}e{}", q, -nd);
    let y: f64 = text.parse().unwrap_or(f64::INFINITY);
    if y.is_infinite() {
        return None;
    }
    Some(y.copysign(x))
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64;
    let f = bits & ((1u64 << 52) - 1);
    if e == 0 {
        format!("{}0x0.{:013x}p-1022", sign, f)
    } else {
        format!("{}0x1.{:013x}p{:+}", sign, f, e - 1023)
    }
}

/// `float.fromhex(s)`: Ok(value), Err(true) for overflow, Err(false) for bad syntax.
pub fn float_fromhex(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let mut b = lower.as_bytes();
    if b.starts_with(b"0x") {
        b = &b[2..];
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_hexdigit() {
        digits.push(b[i]);
        i += 1;
    }
    let int_count = digits.len();
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            digits.push(b[i]);
            frac_digits += 1;
            i += 1;
        }
    }
    if int_count == 0 && frac_digits == 0 {
        return Err(false);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(false);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(false);
    }
    let m = BigUint::parse_bytes(&digits, 16).unwrap_or_default();
    let r = if m.is_zero() { 0.0 } else { ldexp_big(&m, exp.saturating_sub(4 * frac_digits)) };
    if r.is_infinite() {
        return Err(true);
    }
    Ok(if neg { -r } else { r })
}

// ====================================================================
// VM-level conversions
// ====================================================================

/// An integral float as an int value (OverflowError for inf, ValueError for nan).
pub fn f64_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.new_error(TP_VALUE_ERROR, "cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "cannot convert float infinity to integer"));
    }
    let f = f.trunc();
    if f.abs() < 9.0e18 {
        return Ok(Value::int(f as i64));
    }
    let b = BigInt::from_f64(f).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

/// An int-like's value as f64 (OverflowError when too large).
pub fn int_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match as_num(v) {
        Some(Num::Small(i)) => Ok(i as f64),
        Some(Num::Big(b)) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.new_error(TP_OVERFLOW_ERROR, "int too large to convert to float")),
        },
        Some(Num::Float(f)) => Ok(f),
        None => Err(vm.new_error(TP_TYPE_ERROR, "an integer is required")),
    }
}

/// `PyFloat_AsDouble`: float, int, `__float__`, `__index__`.
pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if v.ty() == TP_FLOAT {
        return Ok(v.as_f64());
    }
    if as_num(v).is_some() {
        return int_to_f64(vm, v);
    }
    if let Some(f) = vm.find_in_type(v.ty(), n::__float__) {
        if !f.is_none() {
            let r = vm.call(&f, &[*v])?;
            if r.ty() == TP_FLOAT {
                return Ok(r.as_f64());
            }
            let msg = format!("{}.__float__ returned non-float (type {})", vm.type_name(v), vm.type_name(&r));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
        if !f.is_none() {
            let b = index_big(vm, v)?;
            return match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => Err(vm.new_error(TP_OVERFLOW_ERROR, "int too large to convert to float")),
            };
        }
    }
    let msg = format!("must be real number, not {}", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// `divmod(x, y)` where both are int/float and at least one is a float.
pub fn float_divmod_values(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let a = int_to_f64(vm, x)?;
    let b = int_to_f64(vm, y)?;
    if b == 0.0 {
        return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "float divmod()"));
    }
    let (q, r) = float_divmod(a, b);
    Ok(vm.new_tuple(vec![Value::float(q), Value::float(r)]))
}

// ====================================================================
// float methods
// ====================================================================

fn check_self(vm: &mut Vm, v: &Value, method: &str) -> PyResult<f64> {
    if v.ty() == TP_FLOAT {
        return Ok(v.as_f64());
    }
    let msg = format!("descriptor '{}' requires a 'float' object but received a '{}'", method, vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

macro_rules! float_binary {
    ($fwd:ident, $rev:ident, $op:expr, $fname:literal, $rname:literal) => {
        fn $fwd(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            check_self(vm, &a[0], $fname)?;
            if as_num(&a[1]).is_none() {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            float_binop(vm, $op, &a[0], &a[1])
        }
        fn $rev(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            check_self(vm, &a[0], $rname)?;
            if as_num(&a[1]).is_none() {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            float_binop(vm, $op, &a[1], &a[0])
        }
    };
}

float_binary!(float_add, float_radd, BinaryOp::Add, "__add__", "__radd__");
float_binary!(float_sub, float_rsub, BinaryOp::Sub, "__sub__", "__rsub__");
float_binary!(float_mul, float_rmul, BinaryOp::Mul, "__mul__", "__rmul__");
float_binary!(float_truediv, float_rtruediv, BinaryOp::TrueDiv, "__truediv__", "__rtruediv__");
float_binary!(float_floordiv, float_rfloordiv, BinaryOp::FloorDiv, "__floordiv__", "__rfloordiv__");
float_binary!(float_mod, float_rmod, BinaryOp::Mod, "__mod__", "__rmod__");

fn float_divmod_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__divmod__")?;
    if as_num(&a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    float_divmod_values(vm, &a[0], &a[1])
}

fn float_rdivmod_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__rdivmod__")?;
    if as_num(&a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    float_divmod_values(vm, &a[1], &a[0])
}

fn pow_args(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<bool> {
    if a.len() < 2 || a.len() > 3 {
        let msg = format!("expected 1 or 2 arguments, got {}", a.len().saturating_sub(1));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    check_self(vm, &a[0], name)?;
    if as_num(&a[1]).is_none() {
        return Ok(false);
    }
    if a.len() == 3 && !a[2].is_none() {
        return Err(vm.new_error(TP_TYPE_ERROR, "pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Ok(true)
}

fn float_pow_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !pow_args(vm, a, "__pow__")? {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    float_binop(vm, BinaryOp::Pow, &a[0], &a[1])
}

fn float_rpow_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !pow_args(vm, a, "__rpow__")? {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    float_binop(vm, BinaryOp::Pow, &a[1], &a[0])
}

fn cmp_m(vm: &mut Vm, a: &[Value], op: CompareOp, name: &str) -> PyResult<Value> {
    check_self(vm, &a[0], name)?;
    if as_num(&a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(cmp_holds(op, num_cmp(&a[0], &a[1]))))
}

fn float_round_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        let msg = format!("__round__ expected at most 1 argument, got {}", a.len().saturating_sub(1));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let x = check_self(vm, &a[0], "__round__")?;
    if a.len() == 1 || a[1].is_none() {
        return f64_to_int(vm, x.round_ties_even());
    }
    let nd = index_big(vm, &a[1])?;
    let nd = nd.to_i64().unwrap_or(if nd.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX });
    match round_ndigits(x, nd) {
        Some(r) => Ok(Value::float(r)),
        None => Err(vm.new_error(TP_OVERFLOW_ERROR, "rounded value too large to represent")),
    }
}

macro_rules! float_to_int_m {
    ($f:ident, $lit:literal, $conv:expr) => {
        fn $f(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            let x = check_self(vm, &a[0], $lit)?;
            let conv: fn(f64) -> f64 = $conv;
            f64_to_int(vm, conv(x))
        }
    };
}
float_to_int_m!(float_trunc, "__trunc__", f64::trunc);
float_to_int_m!(float_floor, "__floor__", f64::floor);
float_to_int_m!(float_ceil, "__ceil__", f64::ceil);
float_to_int_m!(float_int, "__int__", f64::trunc);

fn float_as_integer_ratio(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = check_self(vm, &a[0], "as_integer_ratio")?;
    if x.is_nan() {
        return Err(vm.new_error(TP_VALUE_ERROR, "cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "cannot convert Infinity to integer ratio"));
    }
    let (p, q) = float_ratio(x);
    let p = vm.new_bigint(p);
    let q = vm.new_bigint(q);
    Ok(vm.new_tuple(vec![p, q]))
}

fn float_format_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__format__")?;
    let spec = match a[1].as_str() {
        Some(s) => s.to_string(),
        None => {
            let msg = format!("__format__() argument must be str, not {}", vm.type_name(&a[1]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let s = crate::objects::format::format_value(vm, &a[0], &spec)?;
    Ok(vm.new_string(s))
}

fn text_of(v: &Value) -> Option<Result<String, Vec<u8>>> {
    if let Some(s) = v.as_str() {
        return Some(Ok(s.to_string()));
    }
    if let Some(b) = v.bytes() {
        return Some(Err(b.to_vec()));
    }
    if v.is_ptr() {
        if let ObjData::ByteArray(b) = &v.obj().data {
            return Some(Err(b.borrow().clone()));
        }
    }
    None
}

/// `float(x)`.
pub fn float_from_value(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if x.ty() == TP_FLOAT {
        return Ok(x.as_f64());
    }
    if as_num(x).is_some() {
        return int_to_f64(vm, x);
    }
    if let Some(t) = text_of(x) {
        return match t {
            Ok(s) => crate::objects::strfmt::parse_float(&s).map_err(|e| crate::objects::format::fmt_err(vm, e)),
            Err(b) => {
                let parsed = if b.is_ascii() { crate::objects::strfmt::parse_float(&String::from_utf8_lossy(&b)).ok() } else { None };
                match parsed {
                    Some(f) => Ok(f),
                    None => {
                        let msg = format!("could not convert string to float: {}", crate::objects::strfmt::repr_bytes(&b));
                        Err(vm.new_error(TP_VALUE_ERROR, msg))
                    }
                }
            }
        };
    }
    let has_float = vm.find_in_type(x.ty(), n::__float__).map(|f| !f.is_none()).unwrap_or(false);
    let has_index = vm.find_in_type(x.ty(), n::__index__).map(|f| !f.is_none()).unwrap_or(false);
    if has_float || has_index {
        return to_float(vm, x);
    }
    let msg = format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn float_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = match a.first().and_then(|v| v.as_type()) {
        Some(t) => t,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "float.__new__(X): X is not a type object")),
    };
    if cls != TP_FLOAT {
        let msg = if vm.is_subtype(cls, TP_FLOAT) {
            format!("subclasses of float are not supported ('{}')", vm.tp(cls).name)
        } else {
            format!("float.__new__({}): {} is not a subtype of float", vm.tp(cls).name, vm.tp(cls).name)
        };
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    match a.len() {
        1 => Ok(Value::float(0.0)),
        2 => Ok(Value::float(float_from_value(vm, &a[1])?)),
        k => Err(vm.new_error(TP_TYPE_ERROR, format!("float expected at most 1 argument, got {}", k - 1))),
    }
}

fn float_fromhex_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = a[0].as_type().unwrap_or(TP_FLOAT);
    let s = match a[1].as_str() {
        Some(s) => s.to_string(),
        None => {
            let msg = format!("fromhex() argument must be str, not {}", vm.type_name(&a[1]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let f = match float_fromhex(&s) {
        Ok(f) => f,
        Err(true) => return Err(vm.new_error(TP_OVERFLOW_ERROR, "hexadecimal value too large to represent as a float")),
        Err(false) => return Err(vm.new_error(TP_VALUE_ERROR, "invalid hexadecimal floating-point string")),
    };
    if cls == TP_FLOAT {
        return Ok(Value::float(f));
    }
    let c = vm.types[cls as usize].obj;
    vm.call(&c, &[Value::float(f)])
}

pub fn register(vm: &mut Vm) {
    let t = TP_FLOAT;
    vm.bind_static(t, "__new__", -1, float_new);
    let bins: &[(&str, NativeFn)] = &[
        ("__add__", float_add),
        ("__radd__", float_radd),
        ("__sub__", float_sub),
        ("__rsub__", float_rsub),
        ("__mul__", float_mul),
        ("__rmul__", float_rmul),
        ("__truediv__", float_truediv),
        ("__rtruediv__", float_rtruediv),
        ("__floordiv__", float_floordiv),
        ("__rfloordiv__", float_rfloordiv),
        ("__mod__", float_mod),
        ("__rmod__", float_rmod),
        ("__divmod__", float_divmod_m),
        ("__rdivmod__", float_rdivmod_m),
        ("__eq__", |vm, a| cmp_m(vm, a, CompareOp::Eq, "__eq__")),
        ("__ne__", |vm, a| cmp_m(vm, a, CompareOp::Ne, "__ne__")),
        ("__lt__", |vm, a| cmp_m(vm, a, CompareOp::Lt, "__lt__")),
        ("__le__", |vm, a| cmp_m(vm, a, CompareOp::Le, "__le__")),
        ("__gt__", |vm, a| cmp_m(vm, a, CompareOp::Gt, "__gt__")),
        ("__ge__", |vm, a| cmp_m(vm, a, CompareOp::Ge, "__ge__")),
        ("__format__", float_format_m),
    ];
    for (name, f) in bins {
        vm.bind_method(t, name, 2, *f);
    }
    vm.bind_method(t, "__pow__", -1, float_pow_m);
    vm.bind_method(t, "__rpow__", -1, float_rpow_m);
    vm.bind_method(t, "__round__", -1, float_round_m);
    let unary: &[(&str, NativeFn)] = &[
        ("__neg__", |vm, a| Ok(Value::float(-check_self(vm, &a[0], "__neg__")?))),
        ("__pos__", |vm, a| Ok(Value::float(check_self(vm, &a[0], "__pos__")?))),
        ("__abs__", |vm, a| Ok(Value::float(check_self(vm, &a[0], "__abs__")?.abs()))),
        ("__bool__", |vm, a| Ok(Value::bool(check_self(vm, &a[0], "__bool__")? != 0.0))),
        ("__float__", |vm, a| Ok(Value::float(check_self(vm, &a[0], "__float__")?))),
        ("__int__", float_int),
        ("__trunc__", float_trunc),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__hash__", |vm, a| Ok(Value::int(float_hash(check_self(vm, &a[0], "__hash__")?)))),
        ("__repr__", |vm, a| {
            let x = check_self(vm, &a[0], "__repr__")?;
            Ok(vm.new_string(crate::objects::strfmt::float_repr(x)))
        }),
        ("__str__", |vm, a| {
            let x = check_self(vm, &a[0], "__str__")?;
            Ok(vm.new_string(crate::objects::strfmt::float_repr(x)))
        }),
        ("__getnewargs__", |vm, a| {
            let x = check_self(vm, &a[0], "__getnewargs__")?;
            Ok(vm.new_tuple(vec![Value::float(x)]))
        }),
        ("is_integer", |vm, a| {
            let x = check_self(vm, &a[0], "is_integer")?;
            Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
        }),
        ("hex", |vm, a| {
            let x = check_self(vm, &a[0], "hex")?;
            Ok(vm.new_string(float_hex(x)))
        }),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", |vm, a| Ok(Value::float(check_self(vm, &a[0], "conjugate")?))),
    ];
    for (name, f) in unary {
        vm.bind_method(t, name, 1, *f);
    }
    vm.bind_classmethod(t, "fromhex", 2, float_fromhex_m);
    vm.bind_property(t, "real", |vm, a| Ok(Value::float(check_self(vm, &a[0], "real")?)));
    vm.bind_property(t, "imag", |vm, a| {
        check_self(vm, &a[0], "imag")?;
        Ok(Value::float(0.0))
    });
    let _ = to_bigint;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldexp_matches_std() {
        for &x in &[1.0, 0.5, 3.75, 1e-310, 5e-324, 1.7976931348623157e308, 123456.789] {
            for &e in &[0i64, 1, -1, 10, -1074, 1023, -2000, 2000] {
                let want = x * 2f64.powi(e.clamp(-1000, 1000) as i32) * 2f64.powi((e - e.clamp(-1000, 1000)) as i32);
                let got = ldexp(x, e);
                if want.is_finite() && want.is_normal() {
                    assert_eq!(got, want, "{} {}", x, e);
                }
            }
        }
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(1.5, -1075), 5e-324);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
    }

    #[test]
    fn frexp_basic() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-3.0), (-0.75, 2));
        assert_eq!(frexp(5e-324), (0.5, -1073));
    }

    #[test]
    fn round_basic() {
        assert_eq!(round_ndigits(2.675, 2), Some(2.67));
        assert_eq!(round_ndigits(0.125, 2), Some(0.12));
        assert_eq!(round_ndigits(0.375, 2), Some(0.38));
        assert_eq!(round_ndigits(1234.5678, -2), Some(1200.0));
        assert_eq!(round_ndigits(1.005, 2), Some(1.0));
    }

    #[test]
    fn hex_roundtrip() {
        assert_eq!(float_hex(2.0), "0x1.0000000000000p+1");
        assert_eq!(float_fromhex("0x1.8p1"), Ok(3.0));
        for &x in &[0.1, 1e300, 5e-324, 2.5e-310, -7.25] {
            assert_eq!(float_fromhex(&float_hex(x)), Ok(x));
        }
        assert_eq!(float_fromhex("0x1p-1075"), Ok(0.0));
        assert_eq!(float_fromhex("0x1.8p-1075"), Ok(5e-324));
        assert_eq!(float_fromhex("0x1p1024"), Err(true));
    }
}
