//! Numeric helpers shared by int, float and bool: mixed comparisons,
//! float arithmetic, and hashing consistent across int and float.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive, Zero};

use crate::compiler::bytecode::BinaryOp;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// A numeric value viewed as one of the three representations.
pub enum Num<'a> {
    Small(i64),
    Big(&'a BigInt),
    Float(f64),
}

pub fn as_num(v: &Value) -> Option<Num<'_>> {
    match v.ty() {
        TP_FLOAT => Some(Num::Float(v.as_f64())),
        TP_BOOL => Some(Num::Small(v.as_bool_raw() as i64)),
        _ => {
            if v.is_small_int() {
                return Some(Num::Small(v.as_i64()));
            }
            if v.is_ptr() {
                match &v.obj().data {
                    ObjData::BigInt(b) => return Some(Num::Big(b)),
                    _ => {}
                }
            }
            None
        }
    }
}

/// Convert to f64 (big ints may overflow to inf: callers check).
pub fn to_f64(n: &Num) -> f64 {
    match n {
        Num::Small(i) => *i as f64,
        Num::Big(b) => b.to_f64().unwrap_or(f64::INFINITY),
        Num::Float(f) => *f,
    }
}

/// Exact comparison of int with float (no rounding), None for NaN.
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fb = BigInt::from_f64(fl)?;
    match i.cmp(&fb) {
        Ordering::Equal => Some(if f > fl { Ordering::Less } else { Ordering::Equal }),
        o => Some(o),
    }
}

pub fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    let (x, y) = (as_num(a)?, as_num(b)?);
    match (&x, &y) {
        (Num::Small(p), Num::Small(q)) => Some(p.cmp(q)),
        (Num::Float(p), Num::Float(q)) => p.partial_cmp(q),
        (Num::Small(p), Num::Float(q)) => {
            if (*p as f64) as i64 == *p && p.unsigned_abs() < (1u64 << 53) {
                (*p as f64).partial_cmp(q)
            } else {
                cmp_int_float(&BigInt::from(*p), *q)
            }
        }
        (Num::Float(p), Num::Small(q)) => {
            if q.unsigned_abs() < (1u64 << 53) {
                p.partial_cmp(&(*q as f64))
            } else {
                cmp_int_float(&BigInt::from(*q), *p).map(|o| o.reverse())
            }
        }
        (Num::Big(p), Num::Float(q)) => cmp_int_float(p, *q),
        (Num::Float(p), Num::Big(q)) => cmp_int_float(q, *p).map(|o| o.reverse()),
        (Num::Big(p), Num::Big(q)) => Some(p.cmp(q)),
        (Num::Big(p), Num::Small(q)) => Some((*p).cmp(&BigInt::from(*q))),
        (Num::Small(p), Num::Big(q)) => Some(BigInt::from(*p).cmp(q)),
    }
}

pub fn num_eq(a: &Value, b: &Value) -> Option<bool> {
    match (as_num(a), as_num(b)) {
        (Some(_), Some(_)) => Some(num_cmp(a, b) == Some(Ordering::Equal)),
        _ => None,
    }
}

const HASH_MODULUS: u64 = (1u64 << 61) - 1;

/// CPython's numeric hash for floats (so hash(1.0) == hash(1)).
pub fn float_hash(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return crate::objects::int::hash_i64(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = e.rem_euclid(61) as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Arithmetic where at least one operand is a float (the other an int).
pub fn float_binop(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (na, nb) = (as_num(a).unwrap(), as_num(b).unwrap());
    let x = to_f64(&na);
    let y = to_f64(&nb);
    if (matches!(na, Num::Big(_)) && x.is_infinite()) || (matches!(nb, Num::Big(_)) && y.is_infinite()) {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "int too large to convert to float"));
    }
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => x * y,
        BinaryOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinaryOp::Mod => {
            if y == 0.0 {
                return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "float modulo"));
            }
            float_divmod(x, y).1
        }
        BinaryOp::Pow => return float_pow(vm, x, y),
        _ => {
            let msg = format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), vm.type_name(a), vm.type_name(b));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    Ok(Value::float(r))
}

/// Python's float divmod: the remainder has the sign of the divisor.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(vm.new_error(TP_VALUE_ERROR, "complex numbers are not supported"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(r))
}

pub fn is_zero(n: &Num) -> bool {
    match n {
        Num::Small(i) => *i == 0,
        Num::Big(b) => b.is_zero(),
        Num::Float(f) => *f == 0.0,
    }
}
