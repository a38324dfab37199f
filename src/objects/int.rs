//! `int` arithmetic: the i64 fast path with overflow promotion to BigInt.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero, Pow};

use crate::compiler::bytecode::BinaryOp;
use crate::objects::num::{as_num, Num};
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// The int value of `v` (int, bool, or an int-subclass instance) as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match as_num(v)? {
        Num::Small(i) => Some(BigInt::from(i)),
        Num::Big(b) => Some(b.clone()),
        Num::Float(_) => None,
    }
}

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    const M: i128 = (1i128 << 61) - 1;
    if i.unsigned_abs() < M as u64 {
        // Already reduced: the hash is the value itself.
        return if i == -1 { -2 } else { i };
    }
    let mut h = (i as i128).abs() % M;
    if i < 0 {
        h = -h;
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn int_hash(v: &Value) -> i64 {
    match as_num(v) {
        Some(Num::Small(i)) => hash_i64(i),
        Some(Num::Big(b)) => {
            let m = BigInt::from((1u64 << 61) - 1);
            let r = b.abs().mod_floor(&m).to_i64().unwrap_or(0);
            let h = if b.is_negative() { -r } else { r };
            if h == -1 {
                -2
            } else {
                h
            }
        }
        _ => 0,
    }
}

fn big_result(vm: &mut Vm, b: BigInt) -> PyResult<Value> {
    if b.bits() > 64 * 1024 * 1024 {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    Ok(vm.new_bigint(b))
}

/// int op int.
pub fn int_binop(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    if a.ty() == TP_BOOL && b.ty() == TP_BOOL {
        let (x, y) = (a.as_bool_raw(), b.as_bool_raw());
        match op {
            BinaryOp::And => return Ok(Value::bool(x & y)),
            BinaryOp::Or => return Ok(Value::bool(x | y)),
            BinaryOp::Xor => return Ok(Value::bool(x ^ y)),
            _ => {}
        }
    }
    let (na, nb) = match (as_num(a), as_num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => {
            let msg = format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), vm.type_name(a), vm.type_name(b));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    if let (Num::Small(x), Num::Small(y)) = (&na, &nb) {
        let (x, y) = (*x, *y);
        let fast = match op {
            BinaryOp::Add => x.checked_add(y),
            BinaryOp::Sub => x.checked_sub(y),
            BinaryOp::Mul => x.checked_mul(y),
            BinaryOp::FloorDiv => {
                if y == 0 {
                    return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "integer division or modulo by zero"));
                }
                if x == i64::MIN && y == -1 {
                    None
                } else {
                    Some(Integer::div_floor(&x, &y))
                }
            }
            BinaryOp::Mod => {
                if y == 0 {
                    return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "integer modulo by zero"));
                }
                if y == -1 {
                    Some(0)
                } else {
                    Some(x.mod_floor(&y))
                }
            }
            BinaryOp::And => Some(x & y),
            BinaryOp::Or => Some(x | y),
            BinaryOp::Xor => Some(x ^ y),
            BinaryOp::LShift => {
                if y < 0 {
                    return Err(vm.new_error(TP_VALUE_ERROR, "negative shift count"));
                }
                if y < 63 && (x.abs() >> (62 - y)) == 0 {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinaryOp::RShift => {
                if y < 0 {
                    return Err(vm.new_error(TP_VALUE_ERROR, "negative shift count"));
                }
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            BinaryOp::TrueDiv => {
                if y == 0 {
                    return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(Value::float(x as f64 / y as f64));
                }
                None
            }
            BinaryOp::Pow => {
                if y < 0 {
                    return crate::objects::num::float_pow(vm, x as f64, y as f64);
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32)
                } else {
                    None
                }
            }
            BinaryOp::MatMul => None,
        };
        if let Some(r) = fast {
            return Ok(Value::int(r));
        }
    }
    let x = to_bigint(a).unwrap();
    let y = to_bigint(b).unwrap();
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => {
            if x.bits() + y.bits() > 64 * 1024 * 1024 {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            x * y
        }
        BinaryOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinaryOp::Mod => {
            if y.is_zero() {
                return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::LShift => {
            if y.is_negative() {
                return Err(vm.new_error(TP_VALUE_ERROR, "negative shift count"));
            }
            let s = match y.to_u64() {
                Some(s) if s < (1 << 29) => s,
                _ => {
                    if x.is_zero() {
                        return Ok(Value::int(0));
                    }
                    return Err(vm.new_error(TP_OVERFLOW_ERROR, "too many digits in integer"));
                }
            };
            if x.bits() + s > 64 * 1024 * 1024 {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            x << (s as usize)
        }
        BinaryOp::RShift => {
            if y.is_negative() {
                return Err(vm.new_error(TP_VALUE_ERROR, "negative shift count"));
            }
            match y.to_u64() {
                Some(s) if s < u32::MAX as u64 => {
                    // Floor semantics for negatives.
                    let d = BigInt::one() << (s as usize);
                    x.div_floor(&d)
                }
                _ => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinaryOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "division by zero"));
            }
            return Ok(Value::float(big_true_div(&x, &y)));
        }
        BinaryOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (x.to_f64().unwrap_or(f64::INFINITY), y.to_f64().unwrap_or(f64::NEG_INFINITY));
                return crate::objects::num::float_pow(vm, fx, fy);
            }
            let e = match y.to_u64() {
                Some(e) => e,
                None => return Err(vm.new_error(TP_MEMORY_ERROR, "")),
            };
            if x.is_zero() || x.is_one() {
                return Ok(vm.new_bigint(x));
            }
            if x == BigInt::from(-1) {
                return Ok(Value::int(if e % 2 == 0 { 1 } else { -1 }));
            }
            if (x.bits() as u128) * (e as u128) > 64 * 1024 * 1024 {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            x.pow(e as u32)
        }
        BinaryOp::MatMul => {
            let msg = format!("unsupported operand type(s) for @: '{}' and '{}'", vm.type_name(a), vm.type_name(b));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    big_result(vm, r)
}

/// Correctly rounded-enough int/int true division for big operands.
fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    match (x.to_f64(), y.to_f64()) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() && a.abs() < 9.0e15 && b.abs() < 9.0e15 => a / b,
        _ => {
            // Scale to keep 64 significant bits in the quotient.
            let shift = (x.bits() as i64) - (y.bits() as i64) - 64;
            let q = if shift > 0 { x / (y << (shift as usize)) } else { (x << ((-shift) as usize)) / y };
            q.to_f64().unwrap_or(f64::NAN) * 2f64.powi(shift as i32)
        }
    }
}

pub fn int_unary(vm: &mut Vm, name: Name, a: &Value) -> PyResult<Value> {
    if let Some(Num::Small(i)) = as_num(a) {
        let r = if name == n::__neg__ {
            i.checked_neg()
        } else if name == n::__pos__ {
            Some(i)
        } else if name == n::__invert__ {
            Some(!i)
        } else {
            i.checked_abs()
        };
        if let Some(r) = r {
            return Ok(Value::int(r));
        }
    }
    let x = to_bigint(a).unwrap_or_default();
    let r = if name == n::__neg__ {
        -x
    } else if name == n::__pos__ {
        x
    } else if name == n::__invert__ {
        -x - 1
    } else {
        x.abs()
    };
    Ok(vm.new_bigint(r))
}


// ====================================================================
// Conversions shared by the numeric types and the math/random modules.
// ====================================================================

use crate::compiler::bytecode::CompareOp;
use crate::objects::function::{NativeFn, NativeFnKw};
use crate::vm::heap::ObjData;

/// An int, bool or int-subclass instance.
#[inline]
pub fn is_int_like(v: &Value) -> bool {
    matches!(as_num(v), Some(Num::Small(_)) | Some(Num::Big(_)))
}

/// The plain `int` value of an int-like (bool and subclasses normalised).
pub fn plain_int(vm: &mut Vm, v: &Value) -> Value {
    match as_num(v) {
        Some(Num::Small(i)) => Value::int(i),
        Some(Num::Big(b)) => {
            let b = b.clone();
            vm.new_bigint(b)
        }
        _ => Value::int(0),
    }
}

/// `operator.index(v)` as a BigInt.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if v.ty() != TP_FLOAT {
        if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
            let r = vm.call(&f, &[*v])?;
            return match to_bigint(&r) {
                Some(b) => Ok(b),
                None => {
                    let msg = format!("__index__ returned non-int (type {})", vm.type_name(&r));
                    Err(vm.new_error(TP_TYPE_ERROR, msg))
                }
            };
        }
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// `operator.index(v)` as a plain int value.
pub fn index_value_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(*v);
    }
    let b = index_big(vm, v)?;
    Ok(vm.new_bigint(b))
}

/// `operator.index(v)` that must fit an i64 (OverflowError otherwise).
pub fn index_i64(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_small_int() || v.ty() == TP_BOOL {
        return Ok(v.as_i64());
    }
    let b = index_big(vm, v)?;
    match b.to_i64() {
        Some(i) => Ok(i),
        None => Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C ssize_t")),
    }
}

/// An int value of type `cls` (int itself or a subclass) holding `b`.
pub fn new_int_of_type(vm: &mut Vm, cls: TypeId, b: BigInt) -> Value {
    if cls == TP_INT {
        return vm.new_bigint(b);
    }
    let attrs = if vm.tp(cls).has_attrs { Some(Box::default()) } else { None };
    vm.heap.alloc(cls, ObjData::BigInt(b), attrs)
}

fn big_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match as_num(v) {
        Some(Num::Small(i)) => Ok(i as f64),
        Some(Num::Big(b)) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.new_error(TP_OVERFLOW_ERROR, "int too large to convert to float")),
        },
        Some(Num::Float(f)) => Ok(f),
        None => Err(vm.new_error(TP_TYPE_ERROR, "expected an int")),
    }
}

// ====================================================================
// int methods
// ====================================================================

fn check_self(vm: &mut Vm, v: &Value, method: &str) -> PyResult<()> {
    if is_int_like(v) {
        return Ok(());
    }
    let msg = format!("descriptor '{}' requires a 'int' object but received a '{}'", method, vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

macro_rules! int_binary {
    ($fwd:ident, $rev:ident, $op:expr, $fname:literal, $rname:literal) => {
        fn $fwd(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            check_self(vm, &a[0], $fname)?;
            if !is_int_like(&a[1]) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            int_binop(vm, $op, &a[0], &a[1])
        }
        fn $rev(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            check_self(vm, &a[0], $rname)?;
            if !is_int_like(&a[1]) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            int_binop(vm, $op, &a[1], &a[0])
        }
    };
}

int_binary!(int_add, int_radd, BinaryOp::Add, "__add__", "__radd__");
int_binary!(int_sub, int_rsub, BinaryOp::Sub, "__sub__", "__rsub__");
int_binary!(int_mul, int_rmul, BinaryOp::Mul, "__mul__", "__rmul__");
int_binary!(int_truediv, int_rtruediv, BinaryOp::TrueDiv, "__truediv__", "__rtruediv__");
int_binary!(int_floordiv, int_rfloordiv, BinaryOp::FloorDiv, "__floordiv__", "__rfloordiv__");
int_binary!(int_mod, int_rmod, BinaryOp::Mod, "__mod__", "__rmod__");
int_binary!(int_lshift, int_rlshift, BinaryOp::LShift, "__lshift__", "__rlshift__");
int_binary!(int_rshift, int_rrshift, BinaryOp::RShift, "__rshift__", "__rrshift__");
int_binary!(int_and, int_rand, BinaryOp::And, "__and__", "__rand__");
int_binary!(int_or, int_ror, BinaryOp::Or, "__or__", "__ror__");
int_binary!(int_xor, int_rxor, BinaryOp::Xor, "__xor__", "__rxor__");

/// `divmod(a, b)` for two int-likes.
pub fn int_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(Num::Small(x)), Some(Num::Small(y))) = (as_num(a), as_num(b)) {
        if y == 0 {
            return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "integer division or modulo by zero"));
        }
        if !(x == i64::MIN && y == -1) {
            let (q, r) = x.div_mod_floor(&y);
            return Ok(vm.new_tuple(vec![Value::int(q), Value::int(r)]));
        }
    }
    let x = to_bigint(a).unwrap_or_default();
    let y = to_bigint(b).unwrap_or_default();
    if y.is_zero() {
        return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "integer division or modulo by zero"));
    }
    let (q, r) = x.div_mod_floor(&y);
    let q = vm.new_bigint(q);
    let r = vm.new_bigint(r);
    Ok(vm.new_tuple(vec![q, r]))
}

fn int_divmod_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__divmod__")?;
    if !is_int_like(&a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    int_divmod(vm, &a[0], &a[1])
}

fn int_rdivmod_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__rdivmod__")?;
    if !is_int_like(&a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    int_divmod(vm, &a[1], &a[0])
}

/// Modular inverse of `a` modulo `m` (m > 0), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r.is_one() {
        Some(old_s.mod_floor(m))
    } else {
        None
    }
}

/// `pow(base, exp, mod)` for ints.
pub fn int_modpow(vm: &mut Vm, base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    if let (Some(Num::Small(b)), Some(Num::Small(e)), Some(Num::Small(m))) = (as_num(base), as_num(exp), as_num(modulus)) {
        if e >= 0 && m != 0 && m != i64::MIN {
            let am = m.unsigned_abs() as u128;
            let mut result: u128 = 1 % am;
            let mut x = (b as i128).rem_euclid(am as i128) as u128;
            let mut e = e as u64;
            while e > 0 {
                if e & 1 == 1 {
                    result = result * x % am;
                }
                x = x * x % am;
                e >>= 1;
            }
            let mut r = result as i64;
            if m < 0 && r != 0 {
                r += m;
            }
            return Ok(Value::int(r));
        }
    }
    let b = to_bigint(base).unwrap_or_default();
    let e = to_bigint(exp).unwrap_or_default();
    let m = to_bigint(modulus).unwrap_or_default();
    if m.is_zero() {
        return Err(vm.new_error(TP_VALUE_ERROR, "pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut b = b.mod_floor(&am);
    let e = if e.is_negative() {
        match mod_inverse(&b, &am) {
            Some(inv) => {
                b = inv;
                -e
            }
            None => return Err(vm.new_error(TP_VALUE_ERROR, "base is not invertible for the given modulus")),
        }
    } else {
        e
    };
    let mut r = if am.is_one() { BigInt::zero() } else { b.modpow(&e, &am) };
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(vm.new_bigint(r))
}

fn int_pow_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("expected 1 or 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    check_self(vm, &a[0], "__pow__")?;
    if !is_int_like(&a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if a.len() == 3 && !a[2].is_none() {
        if !is_int_like(&a[2]) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return int_modpow(vm, &a[0], &a[1], &a[2]);
    }
    int_binop(vm, BinaryOp::Pow, &a[0], &a[1])
}

fn int_rpow_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("expected 1 or 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    check_self(vm, &a[0], "__rpow__")?;
    if !is_int_like(&a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if a.len() == 3 && !a[2].is_none() {
        if !is_int_like(&a[2]) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return int_modpow(vm, &a[1], &a[0], &a[2]);
    }
    int_binop(vm, BinaryOp::Pow, &a[1], &a[0])
}

macro_rules! int_unary_m {
    ($f:ident, $name:expr, $lit:literal) => {
        fn $f(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            check_self(vm, &a[0], $lit)?;
            int_unary(vm, $name, &a[0])
        }
    };
}
int_unary_m!(int_neg, n::__neg__, "__neg__");
int_unary_m!(int_invert, n::__invert__, "__invert__");
int_unary_m!(int_abs, n::__abs__, "__abs__");

/// `__pos__`, `__int__`, `__index__`, `__trunc__`, `__floor__`, `__ceil__`, `conjugate`, `real`...
fn int_identity(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__int__")?;
    Ok(plain_int(vm, &a[0]))
}

fn int_bool(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__bool__")?;
    Ok(Value::bool(!crate::objects::num::is_zero(&as_num(&a[0]).unwrap())))
}

fn int_float(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__float__")?;
    Ok(Value::float(big_to_f64(vm, &a[0])?))
}

fn int_hash_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__hash__")?;
    Ok(Value::int(int_hash(&a[0])))
}

fn int_repr_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__repr__")?;
    let s = match as_num(&a[0]) {
        Some(Num::Small(i)) => i.to_string(),
        Some(Num::Big(b)) => b.to_string(),
        _ => String::new(),
    };
    Ok(vm.new_string(s))
}

fn int_format_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "__format__")?;
    let spec = match a[1].as_str() {
        Some(s) => s.to_string(),
        None => {
            let msg = format!("__format__() argument must be str, not {}", vm.type_name(&a[1]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let v = if a[0].ty() == TP_BOOL && spec.is_empty() { a[0] } else { plain_int(vm, &a[0]) };
    let s = crate::objects::format::format_value(vm, &v, &spec)?;
    Ok(vm.new_string(s))
}

fn cmp_op_m(vm: &mut Vm, a: &[Value], op: CompareOp, name: &str) -> PyResult<Value> {
    check_self(vm, &a[0], name)?;
    if !is_int_like(&a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let ord = crate::objects::num::num_cmp(&a[0], &a[1]);
    Ok(Value::bool(cmp_holds(op, ord)))
}

/// Whether comparison `op` holds given the ordering (None = unordered, NaN).
pub fn cmp_holds(op: CompareOp, ord: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    match ord {
        None => op == CompareOp::Ne,
        Some(o) => match op {
            CompareOp::Lt => o == Less,
            CompareOp::Le => o != Greater,
            CompareOp::Eq => o == Equal,
            CompareOp::Ne => o != Equal,
            CompareOp::Gt => o == Greater,
            CompareOp::Ge => o != Less,
        },
    }
}

fn int_round_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("__round__ expected at most 1 argument, got {}", a.len().saturating_sub(1))));
    }
    check_self(vm, &a[0], "__round__")?;
    if a.len() == 1 || a[1].is_none() {
        return Ok(plain_int(vm, &a[0]));
    }
    let nd = index_big(vm, &a[1])?;
    if !nd.is_negative() {
        return Ok(plain_int(vm, &a[0]));
    }
    let x = to_bigint(&a[0]).unwrap_or_default();
    let k = (-nd).to_u64().unwrap_or(u64::MAX);
    let digits_upper = (x.bits() as f64 * std::f64::consts::LOG10_2).ceil() as u64 + 1;
    if k > digits_upper {
        return Ok(Value::int(0));
    }
    let p = BigInt::from(10u32).pow(k as u32);
    let (mut q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2u32;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1u32;
    }
    Ok(vm.new_bigint(q * p))
}

fn int_bit_length(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "bit_length")?;
    let n = match as_num(&a[0]) {
        Some(Num::Small(i)) => 64 - i.unsigned_abs().leading_zeros() as u64,
        Some(Num::Big(b)) => b.bits(),
        _ => 0,
    };
    Ok(Value::int(n as i64))
}

fn int_bit_count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "bit_count")?;
    let n = match as_num(&a[0]) {
        Some(Num::Small(i)) => i.unsigned_abs().count_ones() as u64,
        Some(Num::Big(b)) => b.magnitude().count_ones(),
        _ => 0,
    };
    Ok(Value::int(n as i64))
}

fn int_as_integer_ratio(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_self(vm, &a[0], "as_integer_ratio")?;
    let v = plain_int(vm, &a[0]);
    Ok(vm.new_tuple(vec![v, Value::int(1)]))
}

fn byteorder_arg(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v.as_str() {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.new_error(TP_VALUE_ERROR, "byteorder must be either 'little' or 'big'")),
        None => {
            let msg = format!("to_bytes() argument 'byteorder' must be str, not {}", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// Bind positional and keyword arguments to named parameters.
/// `names[i]` is the i-th parameter; the first `npos_max` may be positional.
pub fn bind_params(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: &[(Name, Value)],
    names: &[&str],
    npos_max: usize,
) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    if args.len() > npos_max {
        let msg = format!("{}() takes at most {} positional argument{} ({} given)", fname, npos_max, if npos_max == 1 { "" } else { "s" }, args.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    for (i, v) in args.iter().enumerate() {
        out[i] = Some(*v);
    }
    for (k, v) in kw {
        let ks = k.as_str();
        match names.iter().position(|nm| *nm == ks) {
            Some(i) => {
                if out[i].is_some() {
                    let msg = format!("argument for {}() given by name ('{}') and position ({})", fname, ks, i + 1);
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
                out[i] = Some(*v);
            }
            None => {
                let msg = format!("{}() got an unexpected keyword argument '{}'", fname, ks);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    Ok(out)
}

fn int_to_bytes(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if a.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "descriptor 'to_bytes' needs an argument"));
    }
    check_self(vm, &a[0], "to_bytes")?;
    let p = bind_params(vm, "to_bytes", &a[1..], kw, &["length", "byteorder", "signed"], 2)?;
    let length = match p[0] {
        Some(v) => index_i64(vm, &v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "length argument must be non-negative"));
    }
    let little = match p[1] {
        Some(v) => byteorder_arg(vm, &v)?,
        None => false,
    };
    let signed = match p[2] {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let x = to_bigint(&a[0]).unwrap_or_default();
    if !signed && x.is_negative() {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "can't convert negative int to unsigned"));
    }
    let mut bytes: Vec<u8> = if x.is_zero() {
        Vec::new()
    } else if signed {
        x.to_signed_bytes_le()
    } else {
        x.to_bytes_le().1
    };
    if bytes.len() as u64 > length as u64 {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "int too big to convert"));
    }
    if length > (1 << 31) {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let fill = if x.is_negative() { 0xffu8 } else { 0 };
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// The bytes of a bytes-like object or an iterable of ints in range(256).
pub fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.bytes() {
        return Ok(b.to_vec());
    }
    if v.is_ptr() {
        if let ObjData::ByteArray(b) = &v.obj().data {
            return Ok(b.borrow().clone());
        }
    }
    if v.as_str().is_some() {
        return Err(vm.new_error(TP_TYPE_ERROR, "cannot convert 'str' object to bytes"));
    }
    let items = vm.collect_iter(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        let i = index_i64(vm, &x)?;
        if !(0..256).contains(&i) {
            return Err(vm.new_error(TP_VALUE_ERROR, "bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

fn int_from_bytes(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = a.first().and_then(|v| v.as_type()).unwrap_or(TP_INT);
    let p = bind_params(vm, "from_bytes", &a[1..], kw, &["bytes", "byteorder", "signed"], 2)?;
    let src = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "from_bytes() missing required argument 'bytes' (pos 1)")),
    };
    let little = match p[1] {
        Some(v) => byteorder_arg(vm, &v)?,
        None => false,
    };
    let signed = match p[2] {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut bytes = bytes_of(vm, &src)?;
    if !little {
        bytes.reverse();
    }
    let b = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes) };
    if cls == TP_INT || cls == TP_BOOL {
        return Ok(vm.new_bigint(b));
    }
    let v = vm.new_bigint(b);
    let c = vm.types[cls as usize].obj;
    vm.call(&c, &[v])
}

/// `int(x)` for a str / bytes text with the given base.
fn int_from_text(vm: &mut Vm, x: &Value, base: i64) -> PyResult<Option<Value>> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.new_error(TP_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0"));
    }
    if let Some(s) = x.as_str() {
        let s = s.to_string();
        return match crate::objects::strfmt::parse_int(&s, base as u32) {
            Ok(crate::objects::strfmt::ParsedInt::Small(i)) => Ok(Some(Value::int(i))),
            Ok(crate::objects::strfmt::ParsedInt::Big(b)) => Ok(Some(vm.new_bigint(b))),
            Err(e) => Err(crate::objects::format::fmt_err(vm, e)),
        };
    }
    let bytes: Option<Vec<u8>> = if let Some(b) = x.bytes() {
        Some(b.to_vec())
    } else if x.is_ptr() {
        match &x.obj().data {
            ObjData::ByteArray(b) => Some(b.borrow().clone()),
            _ => None,
        }
    } else {
        None
    };
    if let Some(b) = bytes {
        let bad = || format!("invalid literal for int() with base {}: {}", base, crate::objects::strfmt::repr_bytes(&b));
        if !b.is_ascii() {
            let msg = bad();
            return Err(vm.new_error(TP_VALUE_ERROR, msg));
        }
        let s = String::from_utf8_lossy(&b).to_string();
        return match crate::objects::strfmt::parse_int(&s, base as u32) {
            Ok(p) => Ok(Some(vm.new_bigint(p.into_bigint()))),
            Err(_) => {
                let msg = bad();
                Err(vm.new_error(TP_VALUE_ERROR, msg))
            }
        };
    }
    Ok(None)
}

/// `int(x)` without a base: the plain int value.
pub fn int_from_value(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if is_int_like(x) {
        return Ok(plain_int(vm, x));
    }
    if x.ty() == TP_FLOAT {
        return crate::objects::float::f64_to_int(vm, x.as_f64().trunc());
    }
    if let Some(v) = int_from_text(vm, x, 10)? {
        return Ok(v);
    }
    for (name, what) in [(n::__int__, "__int__"), (n::__index__, "__index__")] {
        if let Some(f) = vm.find_in_type(x.ty(), name) {
            if f.is_none() {
                continue;
            }
            let r = vm.call(&f, &[*x])?;
            if is_int_like(&r) {
                return Ok(plain_int(vm, &r));
            }
            let msg = format!("{} returned non-int (type {})", what, vm.type_name(&r));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    if let Some(f) = vm.find_in_type(x.ty(), n::__trunc__) {
        let r = vm.call(&f, &[*x])?;
        if is_int_like(&r) {
            return Ok(plain_int(vm, &r));
        }
        vm.keep_alive(r);
        if vm.find_in_type(r.ty(), n::__index__).is_some() {
            return index_value_int(vm, &r);
        }
        let msg = format!("__trunc__ returned non-Integral (type {})", vm.type_name(&r));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let msg = format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_name(x));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn int_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = match a.first().and_then(|v| v.as_type()) {
        Some(t) => t,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "int.__new__(X): X is not a type object")),
    };
    if cls == TP_BOOL {
        return Err(vm.new_error(TP_TYPE_ERROR, "int.__new__(bool) is not safe, use bool.__new__()"));
    }
    if !vm.is_subtype(cls, TP_INT) {
        let msg = format!("int.__new__({}): {} is not a subtype of int", vm.tp(cls).name, vm.tp(cls).name);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let args = &a[1..];
    if args.len() > 2 {
        let msg = format!("int() takes at most 2 arguments ({} given)", args.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let mut base = args.get(1).copied();
    for (k, v) in kw {
        if k.as_str() == "base" {
            if base.is_some() {
                return Err(vm.new_error(TP_TYPE_ERROR, "argument for int() given by name ('base') and position (2)"));
            }
            base = Some(*v);
        } else {
            let msg = format!("'{}' is an invalid keyword argument for int()", k.as_str());
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    let v = match (args.first(), base) {
        (None, None) => Value::int(0),
        (None, Some(_)) => return Err(vm.new_error(TP_TYPE_ERROR, "int() missing string argument")),
        (Some(x), None) => int_from_value(vm, x)?,
        (Some(x), Some(b)) => {
            let bi = index_big(vm, &b)?;
            let base = bi.to_i64().unwrap_or(i64::MAX);
            match int_from_text(vm, x, base)? {
                Some(v) => v,
                None => return Err(vm.new_error(TP_TYPE_ERROR, "int() can't convert non-string with explicit base")),
            }
        }
    };
    if cls == TP_INT {
        return Ok(v);
    }
    let b = to_bigint(&v).unwrap_or_default();
    Ok(new_int_of_type(vm, cls, b))
}

fn bool_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match a.len() {
        0 | 1 => Ok(Value::FALSE),
        2 => Ok(Value::bool(vm.truthy(&a[1])?)),
        k => Err(vm.new_error(TP_TYPE_ERROR, format!("bool expected at most 1 argument, got {}", k - 1))),
    }
}

macro_rules! bool_logic {
    ($f:ident, $op:expr, $lit:literal) => {
        fn $f(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            check_self(vm, &a[0], $lit)?;
            if !is_int_like(&a[1]) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            int_binop(vm, $op, &a[0], &a[1])
        }
    };
}
bool_logic!(bool_and, BinaryOp::And, "__and__");
bool_logic!(bool_or, BinaryOp::Or, "__or__");
bool_logic!(bool_xor, BinaryOp::Xor, "__xor__");

fn bool_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[0].ty() != TP_BOOL {
        let msg = format!("descriptor '__repr__' requires a 'bool' object but received a '{}'", vm.type_name(&a[0]));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    Ok(vm.new_str(if a[0].as_bool_raw() { "True" } else { "False" }))
}

/// A static method taking keyword arguments.
pub fn bind_static_kw(vm: &mut Vm, t: TypeId, name: &str, f: NativeFnKw) {
    let v = vm.new_native_kw(name, f);
    let s = vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(v), None);
    vm.set_type_attr(t, name, s);
}

/// A class method taking keyword arguments.
pub fn bind_classmethod_kw(vm: &mut Vm, t: TypeId, name: &str, f: NativeFnKw) {
    let v = vm.new_native_kw(name, f);
    let s = vm.heap.alloc(TP_CLASSMETHOD, ObjData::ClassMethod(v), None);
    vm.set_type_attr(t, name, s);
}

/// Bind the type's constructor and methods.
pub fn register(vm: &mut Vm) {
    let t = TP_INT;
    bind_static_kw(vm, t, "__new__", int_new);
    let bins: &[(&str, NativeFn)] = &[
        ("__add__", int_add),
        ("__radd__", int_radd),
        ("__sub__", int_sub),
        ("__rsub__", int_rsub),
        ("__mul__", int_mul),
        ("__rmul__", int_rmul),
        ("__truediv__", int_truediv),
        ("__rtruediv__", int_rtruediv),
        ("__floordiv__", int_floordiv),
        ("__rfloordiv__", int_rfloordiv),
        ("__mod__", int_mod),
        ("__rmod__", int_rmod),
        ("__divmod__", int_divmod_m),
        ("__rdivmod__", int_rdivmod_m),
        ("__lshift__", int_lshift),
        ("__rlshift__", int_rlshift),
        ("__rshift__", int_rshift),
        ("__rrshift__", int_rrshift),
        ("__and__", int_and),
        ("__rand__", int_rand),
        ("__or__", int_or),
        ("__ror__", int_ror),
        ("__xor__", int_xor),
        ("__rxor__", int_rxor),
        ("__eq__", |vm, a| cmp_op_m(vm, a, CompareOp::Eq, "__eq__")),
        ("__ne__", |vm, a| cmp_op_m(vm, a, CompareOp::Ne, "__ne__")),
        ("__lt__", |vm, a| cmp_op_m(vm, a, CompareOp::Lt, "__lt__")),
        ("__le__", |vm, a| cmp_op_m(vm, a, CompareOp::Le, "__le__")),
        ("__gt__", |vm, a| cmp_op_m(vm, a, CompareOp::Gt, "__gt__")),
        ("__ge__", |vm, a| cmp_op_m(vm, a, CompareOp::Ge, "__ge__")),
        ("__format__", int_format_m),
    ];
    for (name, f) in bins {
        vm.bind_method(t, name, 2, *f);
    }
    vm.bind_method(t, "__pow__", -1, int_pow_m);
    vm.bind_method(t, "__rpow__", -1, int_rpow_m);
    vm.bind_method(t, "__round__", -1, int_round_m);
    let unary: &[(&str, NativeFn)] = &[
        ("__neg__", int_neg),
        ("__pos__", int_identity),
        ("__abs__", int_abs),
        ("__invert__", int_invert),
        ("__bool__", int_bool),
        ("__int__", int_identity),
        ("__index__", int_identity),
        ("__float__", int_float),
        ("__trunc__", int_identity),
        ("__floor__", int_identity),
        ("__ceil__", int_identity),
        ("__hash__", int_hash_m),
        ("__repr__", int_repr_m),
        ("__str__", int_repr_m),
        ("__getnewargs__", |vm, a| {
            let v = plain_int(vm, &a[0]);
            Ok(vm.new_tuple(vec![v]))
        }),
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("as_integer_ratio", int_as_integer_ratio),
        ("conjugate", int_identity),
        ("is_integer", |vm, a| {
            check_self(vm, &a[0], "is_integer")?;
            Ok(Value::TRUE)
        }),
    ];
    for (name, f) in unary {
        vm.bind_method(t, name, 1, *f);
    }
    vm.bind_method_kw(t, "to_bytes", int_to_bytes);
    bind_classmethod_kw(vm, t, "from_bytes", int_from_bytes);
    vm.bind_property(t, "real", int_identity);
    vm.bind_property(t, "numerator", int_identity);
    vm.bind_property(t, "imag", |_, _| Ok(Value::int(0)));
    vm.bind_property(t, "denominator", |_, _| Ok(Value::int(1)));

    // bool
    let b = TP_BOOL;
    vm.bind_static(b, "__new__", -1, bool_new);
    vm.bind_method(b, "__repr__", 1, bool_repr);
    vm.bind_method(b, "__str__", 1, bool_repr);
    vm.bind_method(b, "__and__", 2, bool_and);
    vm.bind_method(b, "__rand__", 2, bool_and);
    vm.bind_method(b, "__or__", 2, bool_or);
    vm.bind_method(b, "__ror__", 2, bool_or);
    vm.bind_method(b, "__xor__", 2, bool_xor);
    vm.bind_method(b, "__rxor__", 2, bool_xor);
}

// ====================================================================
// Number-centred builtins
// ====================================================================

/// Call `f` with `args` while keeping `roots` alive.
fn call_dunder(vm: &mut Vm, v: &Value, name: Name, args: &[Value]) -> PyResult<Option<Value>> {
    match vm.find_in_type(v.ty(), name) {
        Some(f) if !f.is_none() => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(*v);
            all.extend_from_slice(args);
            vm.call(&f, &all).map(Some)
        }
        _ => Ok(None),
    }
}

pub fn builtin_abs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = a[0];
    match x.ty() {
        TP_INT | TP_BOOL => return int_unary(vm, n::__abs__, &x),
        TP_FLOAT => return Ok(Value::float(x.as_f64().abs())),
        _ => {}
    }
    if let Some(r) = call_dunder(vm, &x, n::__abs__, &[])? {
        return Ok(r);
    }
    let msg = format!("bad operand type for abs(): '{}'", vm.type_name(&x));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

pub fn builtin_round(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if a.len() == 1 && kw.is_empty() {
        if a[0].ty() == TP_FLOAT {
            return crate::objects::float::f64_to_int(vm, a[0].as_f64().round_ties_even());
        }
        if a[0].is_small_int() {
            return Ok(a[0]);
        }
    }
    let p = bind_params(vm, "round", a, kw, &["number", "ndigits"], 2)?;
    let x = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "round() missing required argument 'number' (pos 1)")),
    };
    let nd = p[1].filter(|v| !v.is_none());
    let args: Vec<Value> = nd.into_iter().collect();
    if let Some(r) = call_dunder(vm, &x, n::__round__, &args)? {
        return Ok(r);
    }
    let msg = format!("type {} doesn't define __round__ method", vm.type_name(&x));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

pub fn builtin_divmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = (a[0], a[1]);
    let int_like = |v: &Value| v.ty() == TP_INT || v.ty() == TP_BOOL;
    if int_like(&x) && int_like(&y) {
        return int_divmod(vm, &x, &y);
    }
    if (x.ty() == TP_FLOAT || int_like(&x)) && (y.ty() == TP_FLOAT || int_like(&y)) {
        return crate::objects::float::float_divmod_values(vm, &x, &y);
    }
    let lf = vm.find_in_type(x.ty(), n::__divmod__);
    let rf = if x.ty() != y.ty() { vm.find_in_type(y.ty(), n::__rdivmod__) } else { None };
    let sub_first = rf.is_some() && vm.is_subtype(y.ty(), x.ty());
    if sub_first {
        let r = vm.call(&rf.unwrap(), &[y, x])?;
        if !r.is(&Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    if let Some(f) = lf {
        let r = vm.call(&f, &[x, y])?;
        if !r.is(&Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    if let (Some(f), false) = (rf, sub_first) {
        let r = vm.call(&f, &[y, x])?;
        if !r.is(&Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    let msg = format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vm.type_name(&x), vm.type_name(&y));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

pub fn builtin_pow(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "pow", a, kw, &["base", "exp", "mod"], 3)?;
    let (base, exp) = match (p[0], p[1]) {
        (Some(b), Some(e)) => (b, e),
        (None, _) => return Err(vm.new_error(TP_TYPE_ERROR, "pow() missing required argument 'base' (pos 1)")),
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "pow() missing required argument 'exp' (pos 2)")),
    };
    let m = p[2].filter(|v| !v.is_none());
    let m = match m {
        None => return vm.binary_op(BinaryOp::Pow, base, exp),
        Some(m) => m,
    };
    if is_int_like(&base) && is_int_like(&exp) && is_int_like(&m) {
        return int_modpow(vm, &base, &exp, &m);
    }
    let nums = [base, exp, m].iter().all(|v| as_num(v).is_some());
    if !nums {
        if let Some(r) = call_dunder(vm, &base, n::__pow__, &[exp, m])? {
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
    }
    if nums {
        return Err(vm.new_error(TP_TYPE_ERROR, "pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let msg = format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(&base),
        vm.type_name(&exp),
        vm.type_name(&m)
    );
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn radix_str(vm: &mut Vm, v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let b = index_big(vm, v)?;
    let digits = b.magnitude().to_str_radix(radix);
    let s = if b.is_negative() { format!("-{}{}", prefix, digits) } else { format!("{}{}", prefix, digits) };
    Ok(vm.new_string(s))
}

pub fn builtin_bin(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    radix_str(vm, &a[0], 2, "0b")
}

pub fn builtin_oct(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    radix_str(vm, &a[0], 8, "0o")
}

pub fn builtin_hex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    radix_str(vm, &a[0], 16, "0x")
}

pub fn builtin_chr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = index_big(vm, &a[0])?;
    let i = match b.to_i64() {
        Some(i) if i32::try_from(i).is_ok() => i,
        _ => return Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C int")),
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.new_error(TP_VALUE_ERROR, "chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut buf)))
        }
        None => Err(vm.new_error(TP_VALUE_ERROR, "chr() arg is a surrogate code point, which is not supported")),
    }
}

pub fn builtin_ord(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = a[0];
    if let Some(s) = x.as_str() {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::int(c as i64)),
            _ => {
                let n = s.chars().count();
                Err(vm.new_error(TP_TYPE_ERROR, format!("ord() expected a character, but string of length {} found", n)))
            }
        };
    }
    let bytes: Option<Vec<u8>> = if let Some(b) = x.bytes() {
        Some(b.to_vec())
    } else if x.is_ptr() {
        match &x.obj().data {
            ObjData::ByteArray(b) => Some(b.borrow().clone()),
            _ => None,
        }
    } else {
        None
    };
    if let Some(b) = bytes {
        if b.len() == 1 {
            return Ok(Value::int(b[0] as i64));
        }
        return Err(vm.new_error(TP_TYPE_ERROR, format!("ord() expected a character, but string of length {} found", b.len())));
    }
    let msg = format!("ord() expected string of length 1, but {} found", vm.type_name(&x));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// A list object used as a GC root for values native code keeps across calls.
struct Roots(Value);

impl Roots {
    fn new(vm: &mut Vm, n: usize) -> Roots {
        let l = vm.new_list(vec![Value::NONE; n]);
        vm.keep_alive(l);
        Roots(l)
    }
    fn set(&self, i: usize, v: Value) {
        if let Some(l) = self.0.list() {
            l.borrow_mut()[i] = v;
        }
    }
}

pub fn builtin_sum(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "sum", a, kw, &["iterable", "start"], 2)?;
    let iterable = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "sum() missing required argument 'iterable' (pos 1)")),
    };
    let start = p[1].unwrap_or(Value::int(0));
    if start.as_str().is_some() {
        return Err(vm.new_error(TP_TYPE_ERROR, "sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if start.bytes().is_some() {
        return Err(vm.new_error(TP_TYPE_ERROR, "sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if start.is_ptr() && matches!(start.obj().data, ObjData::ByteArray(_)) {
        return Err(vm.new_error(TP_TYPE_ERROR, "sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.iter(&iterable)?;
    let roots = Roots::new(vm, 2);
    roots.set(0, it);
    enum Acc {
        Small(i64),
        Big(BigInt),
        Float(f64),
        Obj(Value),
    }
    fn classify(v: Value) -> Acc {
        if v.is_small_int() {
            Acc::Small(v.as_i64())
        } else if v.ty() == TP_FLOAT {
            Acc::Float(v.as_f64())
        } else if v.ty() == TP_INT {
            Acc::Big(to_bigint(&v).unwrap_or_default())
        } else {
            Acc::Obj(v)
        }
    }
    let mut acc = classify(start);
    while let Some(item) = vm.next(&it)? {
        let item_int = item.ty() == TP_INT || item.ty() == TP_BOOL;
        acc = match acc {
            Acc::Small(x) if item.is_small_int() || item.ty() == TP_BOOL => match x.checked_add(item.as_i64()) {
                Some(s) => Acc::Small(s),
                None => Acc::Big(BigInt::from(x) + item.as_i64()),
            },
            Acc::Small(x) if item_int => Acc::Big(BigInt::from(x) + to_bigint(&item).unwrap_or_default()),
            Acc::Big(b) if item_int => {
                let s = b + to_bigint(&item).unwrap_or_default();
                match s.to_i64() {
                    Some(i) => Acc::Small(i),
                    None => Acc::Big(s),
                }
            }
            Acc::Float(f) if item.ty() == TP_FLOAT => Acc::Float(f + item.as_f64()),
            Acc::Float(f) if item.is_small_int() || item.ty() == TP_BOOL => Acc::Float(f + item.as_i64() as f64),
            other => {
                let cur = match other {
                    Acc::Small(i) => Value::int(i),
                    Acc::Big(b) => vm.new_bigint(b),
                    Acc::Float(f) => Value::float(f),
                    Acc::Obj(v) => v,
                };
                roots.set(1, cur);
                let r = vm.binary_op(BinaryOp::Add, cur, item)?;
                roots.set(1, r);
                classify(r)
            }
        };
    }
    Ok(match acc {
        Acc::Small(i) => Value::int(i),
        Acc::Big(b) => vm.new_bigint(b),
        Acc::Float(f) => Value::float(f),
        Acc::Obj(v) => v,
    })
}

fn min_max(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)], is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    let mut key = Value::NONE;
    let mut default: Option<Value> = None;
    for (k, v) in kw {
        match k.as_str() {
            "key" => key = *v,
            "default" => default = Some(*v),
            other => {
                let msg = format!("{}() got an unexpected keyword argument '{}'", fname, other);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    if a.is_empty() {
        let msg = format!("{} expected at least 1 argument, got 0", fname);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    if a.len() > 1 && default.is_some() {
        let msg = format!("Cannot specify a default for {}() with multiple positional arguments", fname);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let source = if a.len() == 1 { a[0] } else { vm.new_tuple(a.to_vec()) };
    // Roots: [source, iterator, best item, best key, current item, current key].
    let roots = Roots::new(vm, 6);
    roots.set(0, source);
    let it = vm.iter(&source)?;
    roots.set(1, it);
    let op = if is_max { CompareOp::Gt } else { CompareOp::Lt };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = vm.next(&it)? {
        let k = if key.is_none() {
            item
        } else {
            roots.set(4, item);
            let k = vm.call(&key, &[item])?;
            roots.set(5, k);
            k
        };
        let better = match best {
            None => true,
            Some((_, bk)) => {
                if (k.is_small_int() || k.ty() == TP_FLOAT) && (bk.is_small_int() || bk.ty() == TP_FLOAT) {
                    cmp_holds(op, crate::objects::num::num_cmp(&k, &bk))
                } else {
                    roots.set(4, item);
                    let r = vm.compare(op, k, bk)?;
                    vm.truthy(&r)?
                }
            }
        };
        if better {
            best = Some((item, k));
            roots.set(2, item);
            roots.set(3, k);
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => {
                let msg = format!("{}() arg is an empty sequence", fname);
                Err(vm.new_error(TP_VALUE_ERROR, msg))
            }
        },
    }
}

pub fn builtin_max(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    min_max(vm, a, kw, true)
}

pub fn builtin_min(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    min_max(vm, a, kw, false)
}

pub fn builtin_sorted(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if a.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", a.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let items = vm.collect_iter(&a[0])?;
    let l = vm.new_list(items);
    vm.keep_alive(l);
    if vm.find_in_type(TP_LIST, Name::new("sort")).is_some() {
        let (f, s) = vm.load_method(&l, Name::new("sort"))?;
        if s.is_nil() {
            vm.call_kw(&f, &[], kw)?;
        } else {
            vm.call_kw(&f, &[s], kw)?;
        }
        return Ok(l);
    }
    // Fallback (list.sort missing): a stable merge sort on `<`.
    let mut key = Value::NONE;
    let mut reverse = false;
    for (k, v) in kw {
        match k.as_str() {
            "key" => key = *v,
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                let msg = format!("sort() got an unexpected keyword argument '{}'", other);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    let items: Vec<Value> = l.list().map(|x| x.borrow().clone()).unwrap_or_default();
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    let keys_holder = vm.new_list(Vec::new());
    vm.keep_alive(keys_holder);
    for it in items {
        let k = if key.is_none() { it } else { vm.call(&key, &[it])? };
        if let Some(h) = keys_holder.list() {
            h.borrow_mut().push(k);
        }
        keyed.push((k, it));
    }
    if reverse {
        keyed.reverse();
    }
    let sorted = merge_sort(vm, keyed)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    if let Some(x) = l.list() {
        *x.borrow_mut() = out;
    }
    Ok(l)
}

fn merge_sort(vm: &mut Vm, v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    let mut right = v;
    let left = right.drain(..right.len() / 2).collect::<Vec<_>>();
    let left = merge_sort(vm, left)?;
    let right = merge_sort(vm, right)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        let r = vm.compare(CompareOp::Lt, right[j].0, left[i].0)?;
        if vm.truthy(&r)? {
            out.push(right[j]);
            j += 1;
        } else {
            out.push(left[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Ok(out)
}

fn any_all(vm: &mut Vm, v: &Value, want: bool) -> PyResult<Value> {
    let it = vm.iter(v)?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? == want {
            return Ok(Value::bool(want));
        }
    }
    Ok(Value::bool(!want))
}

pub fn builtin_any(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    any_all(vm, &a[0], true)
}

pub fn builtin_all(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    any_all(vm, &a[0], false)
}

pub fn builtin_format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        let msg = format!("format expected at most 2 arguments, got {}", a.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let spec = match a.get(1) {
        None => String::new(),
        Some(s) => match s.as_str() {
            Some(x) => x.to_string(),
            None => {
                let msg = format!("format() argument 2 must be str, not {}", vm.type_name(s));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        },
    };
    vm.format_value(&a[0], &spec)
}

/// Bind the number-centred builtins into the `builtins` module
/// (call after `modules::builtins::init`).
pub fn register_builtins(vm: &mut Vm) {
    let b = vm.builtins;
    vm.module_fn(&b, "abs", 1, builtin_abs);
    vm.module_fn_kw(&b, "round", builtin_round);
    vm.module_fn(&b, "divmod", 2, builtin_divmod);
    vm.module_fn_kw(&b, "pow", builtin_pow);
    vm.module_fn(&b, "bin", 1, builtin_bin);
    vm.module_fn(&b, "oct", 1, builtin_oct);
    vm.module_fn(&b, "hex", 1, builtin_hex);
    vm.module_fn(&b, "chr", 1, builtin_chr);
    vm.module_fn(&b, "ord", 1, builtin_ord);
    vm.module_fn_kw(&b, "sum", builtin_sum);
    vm.module_fn_kw(&b, "min", builtin_min);
    vm.module_fn_kw(&b, "max", builtin_max);
    vm.module_fn_kw(&b, "sorted", builtin_sorted);
    vm.module_fn(&b, "any", 1, builtin_any);
    vm.module_fn(&b, "all", 1, builtin_all);
    vm.module_fn(&b, "format", -1, builtin_format);
}
