//! The VM side of formatting: `format(v, spec)` for built-in values and the
//! `%` operator on str, on top of the pure algorithms in `strfmt`.

use crate::objects::num::{as_num, Num};
use crate::objects::strfmt::{self, FmtError, FmtErrorKind, PercentNum, PercentPiece};
use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

/// Raise the Python exception a formatting error stands for.
pub fn fmt_err(vm: &mut Vm, e: FmtError) -> Raised {
    let t = match e.kind {
        FmtErrorKind::Value => TP_VALUE_ERROR,
        FmtErrorKind::Type => TP_TYPE_ERROR,
        FmtErrorKind::Overflow => TP_OVERFLOW_ERROR,
    };
    vm.new_error(t, e.msg)
}

/// `format(v, spec)` for built-in values (no user `__format__`).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let r = if v.ty() == TP_BOOL && spec.is_empty() {
        Ok(if v.as_bool_raw() { "True".to_string() } else { "False".to_string() })
    } else if let Some(num) = as_num(v).filter(|_| v.ty() != TP_BOOL || !spec.is_empty()) {
        match num {
            Num::Small(i) => strfmt::fmt_i64(i, spec),
            Num::Big(b) => strfmt::fmt_int(b, spec),
            Num::Float(f) => strfmt::fmt_float(f, spec),
        }
    } else if let Some(s) = v.as_str() {
        strfmt::fmt_str(s, spec)
    } else {
        if !spec.is_empty() {
            let msg = format!("unsupported format string passed to {}.__format__", vm.type_name(v));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        return vm.str_of(v);
    };
    r.map_err(|e| fmt_err(vm, e))
}

/// `fmt % args` when every conversion is a bare `%d`/`%i` of a small int
/// or `%s` of an exact str (or `%%`) and the arguments match them one for
/// one: no Python runs and nothing can fail. None: take the general path.
fn percent_fast(fmt: &str, args: &Value) -> Option<String> {
    let single = [*args];
    let items: &[Value] = match args.tuple() {
        Some(t) => t,
        None if args.ty() == TP_INT || args.ty() == TP_STR => &single,
        None => return None,
    };
    let bytes = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut next = 0;
    let mut lit = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            i += 1;
            continue;
        }
        out.push_str(&fmt[lit..i]);
        match bytes.get(i + 1) {
            Some(b'%') => out.push('%'),
            Some(b'd' | b'i') => {
                let v = items.get(next).filter(|v| v.is_small_int())?;
                next += 1;
                out.push_str(i64_decimal(v.as_i64(), &mut [0u8; 40]));
            }
            Some(b's') => {
                let v = items.get(next).filter(|v| v.ty() == TP_STR)?;
                next += 1;
                out.push_str(v.as_str()?);
            }
            _ => return None,
        }
        i += 2;
        lit = i;
    }
    if next != items.len() {
        return None;
    }
    out.push_str(&fmt[lit..]);
    Some(out)
}

/// Decimal digits of `v` (with its sign) in the tail of `buf`.
pub fn i64_decimal(v: i64, buf: &mut [u8; 40]) -> &str {
    let mut p = strfmt::u64_digits(v.unsigned_abs(), 1, buf);
    if v < 0 {
        p -= 1;
        buf[p] = b'-';
    }
    std::str::from_utf8(&buf[p..]).unwrap_or("")
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    if let Some(s) = percent_fast(fmt, args) {
        return Ok(s);
    }
    let pieces = strfmt::parse_percent(fmt).map_err(|e| fmt_err(vm, e))?;
    let is_mapping = args.dict().is_some() || (args.tuple().is_none() && args.as_str().is_none() && vm.find_in_type(args.ty(), crate::runtime::names::n::__getitem__).is_some());
    let items: Vec<Value> = match args.tuple() {
        Some(t) => t.to_vec(),
        None => vec![*args],
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut used_mapping = false;
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
            PercentPiece::Literal(s) => out.push_str(&s),
            PercentPiece::Spec(mut spec) => {
                if spec.width == Some(PercentNum::Star) {
                    let w = take(vm)?;
                    let w = crate::objects::index_value(vm, &w)?;
                    spec.set_star_width(w).map_err(|e| fmt_err(vm, e))?;
                }
                if spec.precision == Some(PercentNum::Star) {
                    let p = take(vm)?;
                    let p = crate::objects::index_value(vm, &p)?;
                    spec.set_star_precision(p).map_err(|e| fmt_err(vm, e))?;
                }
                let arg = match &spec.key {
                    Some(k) => {
                        if !is_mapping {
                            return Err(vm.new_error(TP_TYPE_ERROR, "format requires a mapping"));
                        }
                        used_mapping = true;
                        let kv = vm.new_str(k);
                        vm.getitem(args, &kv)?
                    }
                    None => take(vm)?,
                };
                // Plain %d of an int and %s of a str: no padding to apply.
                if spec.width.is_none() && spec.precision.is_none() && spec.flags == strfmt::PercentFlags::default() {
                    if matches!(spec.conv, 'd' | 'i' | 'u') && arg.is_small_int() {
                        use std::fmt::Write;
                        let _ = write!(out, "{}", arg.as_i64());
                        continue;
                    }
                    if spec.conv == 's' && arg.ty() == TP_STR {
                        out.push_str(arg.as_str().unwrap_or(""));
                        continue;
                    }
                }
                let s = match spec.conv {
                    's' => {
                        let t = vm.str_of(&arg)?;
                        strfmt::percent_str(&t, &spec)
                    }
                    'r' => {
                        let t = vm.repr(&arg)?;
                        strfmt::percent_str(&t, &spec)
                    }
                    'a' => {
                        let t = vm.repr(&arg)?;
                        strfmt::percent_str(&crate::objects::str_ascii(&t), &spec)
                    }
                    'c' => {
                        let c = if let Some(s) = arg.as_str() {
                            let mut it = s.chars();
                            match (it.next(), it.next()) {
                                (Some(c), None) => c,
                                _ => return Err(vm.new_error(TP_TYPE_ERROR, "%c requires int or char")),
                            }
                        } else {
                            let i = crate::objects::index_value(vm, &arg)?;
                            match char::from_u32(i as u32).filter(|_| (0..=0x10ffff).contains(&i)) {
                                Some(c) => c,
                                None => return Err(vm.new_error(TP_OVERFLOW_ERROR, "%c arg not in range(0x110000)")),
                            }
                        };
                        strfmt::percent_char(c, &spec)
                    }
                    'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match as_num(&arg) {
                        Some(Num::Small(i)) => strfmt::percent_i64(i, &spec),
                        Some(Num::Big(b)) => strfmt::percent_int(b, &spec),
                        Some(Num::Float(f)) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                            if !f.is_finite() {
                                return Err(vm.new_error(TP_OVERFLOW_ERROR, "cannot convert float infinity to integer"));
                            }
                            let b = num_bigint::BigInt::from(f.trunc() as i128);
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
                        Some(n) => strfmt::percent_float(crate::objects::num::to_f64(&n), &spec),
                        None => {
                            let msg = format!("must be real number, not {}", vm.type_name(&arg));
                            return Err(vm.new_error(TP_TYPE_ERROR, msg));
                        }
                    },
                };
                out.push_str(&s.map_err(|e| fmt_err(vm, e))?);
            }
        }
    }
    if next < items.len() && !used_mapping && !is_mapping {
        return Err(vm.new_error(TP_TYPE_ERROR, "not all arguments converted during string formatting"));
    }
    let _ = Name::new;
    Ok(out)
}
