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

pub fn hash_i64(i: i64) -> i64 {
    const M: i128 = (1i128 << 61) - 1;
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
    if a.ty == TP_BOOL && b.ty == TP_BOOL {
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


