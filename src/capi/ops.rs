//! Operators and protocols: `py_binaryop`, `py_eq` ..., `py_equal`, `py_less`,
//! `py_bool`, `py_hash`, `py_iter`, `py_next`, `py_str`, `py_repr`, `py_len`,
//! attribute and item access, `py_callable`, `py_isidentical`, json.

use std::ffi::{c_char, c_int};

use super::*;
use crate::compiler::bytecode::{BinaryOp, CompareOp};
use crate::vm::ops::binop_names;
use crate::vm::value::*;

fn compare_of(name: &str) -> Option<CompareOp> {
    Some(match name {
        "__lt__" => CompareOp::Lt,
        "__le__" => CompareOp::Le,
        "__eq__" => CompareOp::Eq,
        "__ne__" => CompareOp::Ne,
        "__gt__" => CompareOp::Gt,
        "__ge__" => CompareOp::Ge,
        _ => return None,
    })
}

fn vals(vm: &mut Vm, a: py_Ref, b: py_Ref, fname: &str) -> PyResult<(Value, Value)> {
    let x = *ref_arg(vm, a, fname, "lhs")?;
    let y = *ref_arg(vm, b, fname, "rhs")?;
    Ok((x, y))
}

/// `lhs <op> rhs` where `op` is the dunder name (`py_name("__add__")`);
/// `rop` is accepted for compatibility (the reflected method is found from `op`).
#[no_mangle]
pub extern "C" fn py_binaryop(lhs: py_Ref, rhs: py_Ref, op: py_Name, rop: py_Name) -> bool {
    let _ = rop;
    raising("py_binaryop", false, |vm| {
        let (a, b) = vals(vm, lhs, rhs, "py_binaryop")?;
        let n = match name_from_c(op) {
            Some(n) => n,
            None => return Err(vm.type_error("py_binaryop: invalid operator name")),
        };
        if let Some(c) = compare_of(n.as_str()) {
            vm.retval = vm.compare(c, a, b)?;
            return Ok(true);
        }
        for i in 0..=12 {
            let bop = BinaryOp::from_u32(i).expect("valid operator");
            if binop_names(bop).0 == n {
                vm.retval = vm.binary_op(bop, a, b)?;
                return Ok(true);
            }
        }
        Err(vm.type_error(format!("py_binaryop: '{}' is not a binary operator", n.as_str())))
    })
}

fn cmp(lhs: py_Ref, rhs: py_Ref, op: CompareOp, fname: &str) -> bool {
    raising(fname, false, |vm| {
        let (a, b) = vals(vm, lhs, rhs, fname)?;
        vm.retval = vm.compare(op, a, b)?;
        Ok(true)
    })
}

/// `lhs == rhs` into `py_retval()`.
#[no_mangle]
pub extern "C" fn py_eq(lhs: py_Ref, rhs: py_Ref) -> bool {
    cmp(lhs, rhs, CompareOp::Eq, "py_eq")
}
#[no_mangle]
pub extern "C" fn py_ne(lhs: py_Ref, rhs: py_Ref) -> bool {
    cmp(lhs, rhs, CompareOp::Ne, "py_ne")
}
#[no_mangle]
pub extern "C" fn py_lt(lhs: py_Ref, rhs: py_Ref) -> bool {
    cmp(lhs, rhs, CompareOp::Lt, "py_lt")
}
#[no_mangle]
pub extern "C" fn py_le(lhs: py_Ref, rhs: py_Ref) -> bool {
    cmp(lhs, rhs, CompareOp::Le, "py_le")
}
#[no_mangle]
pub extern "C" fn py_gt(lhs: py_Ref, rhs: py_Ref) -> bool {
    cmp(lhs, rhs, CompareOp::Gt, "py_gt")
}
#[no_mangle]
pub extern "C" fn py_ge(lhs: py_Ref, rhs: py_Ref) -> bool {
    cmp(lhs, rhs, CompareOp::Ge, "py_ge")
}

/// 1: equal, 0: not equal, -1: error.
#[no_mangle]
pub extern "C" fn py_equal(lhs: py_Ref, rhs: py_Ref) -> c_int {
    raising("py_equal", -1, |vm| {
        let (a, b) = vals(vm, lhs, rhs, "py_equal")?;
        Ok(vm.eq(&a, &b)? as c_int)
    })
}

/// 1: lhs < rhs, 0: not, -1: error.
#[no_mangle]
pub extern "C" fn py_less(lhs: py_Ref, rhs: py_Ref) -> c_int {
    raising("py_less", -1, |vm| {
        let (a, b) = vals(vm, lhs, rhs, "py_less")?;
        let r = vm.compare(CompareOp::Lt, a, b)?;
        Ok(vm.truthy(&r)? as c_int)
    })
}

/// `bool(val)`: 1, 0, or -1 on error.
#[no_mangle]
pub extern "C" fn py_bool(val: py_Ref) -> c_int {
    raising("py_bool", -1, |vm| {
        let v = *ref_arg(vm, val, "py_bool", "val")?;
        Ok(vm.truthy(&v)? as c_int)
    })
}

#[no_mangle]
pub extern "C" fn py_hash(val: py_Ref, out: *mut py_i64) -> bool {
    raising("py_hash", false, |vm| {
        let v = *ref_arg(vm, val, "py_hash", "val")?;
        let h = vm.hash(&v)?;
        if !out.is_null() {
            // SAFETY: non-null out pointer from the host.
            unsafe { *out = h };
        }
        Ok(true)
    })
}

/// `iter(val)` into `py_retval()`.
#[no_mangle]
pub extern "C" fn py_iter(val: py_Ref) -> bool {
    raising("py_iter", false, |vm| {
        let v = *ref_arg(vm, val, "py_iter", "val")?;
        vm.retval = vm.iter(&v)?;
        Ok(true)
    })
}

/// `next(it)` into `py_retval()`: 1, 0 when exhausted, -1 on error.
#[no_mangle]
pub extern "C" fn py_next(it: py_Ref) -> c_int {
    raising("py_next", -1, |vm| {
        let v = *ref_arg(vm, it, "py_next", "it")?;
        match vm.next(&v)? {
            Some(x) => {
                vm.retval = x;
                Ok(1)
            }
            None => {
                vm.retval = Value::NIL;
                Ok(0)
            }
        }
    })
}

#[no_mangle]
pub extern "C" fn py_str(val: py_Ref) -> bool {
    raising("py_str", false, |vm| {
        let v = *ref_arg(vm, val, "py_str", "val")?;
        vm.retval = vm.str_value(&v)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_repr(val: py_Ref) -> bool {
    raising("py_repr", false, |vm| {
        let v = *ref_arg(vm, val, "py_repr", "val")?;
        vm.retval = vm.repr_value(&v)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_len(val: py_Ref) -> bool {
    raising("py_len", false, |vm| {
        let v = *ref_arg(vm, val, "py_len", "val")?;
        vm.retval = Value::int(vm.len(&v)? as i64);
        Ok(true)
    })
}

fn name_arg(vm: &mut Vm, n: py_Name, fname: &str) -> PyResult<Name> {
    name_from_c(n).ok_or_else(|| vm.type_error(format!("{}: invalid name", fname)))
}

#[no_mangle]
pub extern "C" fn py_getattr(obj: py_Ref, name: py_Name) -> bool {
    raising("py_getattr", false, |vm| {
        let v = *ref_arg(vm, obj, "py_getattr", "self")?;
        let n = name_arg(vm, name, "py_getattr")?;
        vm.retval = vm.getattr(&v, n)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_setattr(obj: py_Ref, name: py_Name, val: py_Ref) -> bool {
    raising("py_setattr", false, |vm| {
        let v = *ref_arg(vm, obj, "py_setattr", "self")?;
        let n = name_arg(vm, name, "py_setattr")?;
        let x = *ref_arg(vm, val, "py_setattr", "val")?;
        vm.setattr(&v, n, x)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_delattr(obj: py_Ref, name: py_Name) -> bool {
    raising("py_delattr", false, |vm| {
        let v = *ref_arg(vm, obj, "py_delattr", "self")?;
        let n = name_arg(vm, name, "py_delattr")?;
        vm.delattr(&v, n)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_getitem(obj: py_Ref, key: py_Ref) -> bool {
    raising("py_getitem", false, |vm| {
        let v = *ref_arg(vm, obj, "py_getitem", "self")?;
        let k = *ref_arg(vm, key, "py_getitem", "key")?;
        vm.retval = vm.getitem(&v, &k)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_setitem(obj: py_Ref, key: py_Ref, val: py_Ref) -> bool {
    raising("py_setitem", false, |vm| {
        let v = *ref_arg(vm, obj, "py_setitem", "self")?;
        let k = *ref_arg(vm, key, "py_setitem", "key")?;
        let x = *ref_arg(vm, val, "py_setitem", "val")?;
        vm.setitem(&v, &k, x)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_delitem(obj: py_Ref, key: py_Ref) -> bool {
    raising("py_delitem", false, |vm| {
        let v = *ref_arg(vm, obj, "py_delitem", "self")?;
        let k = *ref_arg(vm, key, "py_delitem", "key")?;
        vm.delitem(&v, &k)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_callable(val: py_Ref) -> bool {
    with_vm("py_callable", |vm| {
        let v = *ref_or_die(val, "py_callable", "val");
        if !v.is_ptr() {
            return false;
        }
        use crate::vm::heap::ObjData;
        match &v.obj().data {
            ObjData::Function(_) | ObjData::NativeFunc(_) | ObjData::BoundMethod(_) | ObjData::Type(_) => true,
            _ => vm.find_in_type(v.ty(), Name::new("__call__")).is_some(),
        }
    })
}

/// `lhs is rhs`.
#[no_mangle]
pub extern "C" fn py_isidentical(lhs: py_Ref, rhs: py_Ref) -> bool {
    no_vm("py_isidentical", || ref_or_die(lhs, "py_isidentical", "lhs").is(ref_or_die(rhs, "py_isidentical", "rhs")))
}

fn json_call(vm: &mut Vm, func: &str, arg: Value) -> PyResult<Value> {
    let main = vm.main_module;
    let m = vm.import_name("json", &main, &Value::NIL, 0)?;
    let f = vm.getattr(&m, Name::new(func))?;
    vm.call(&f, &[arg])
}

/// `json.dumps(val)` into `py_retval()` (needs the `json` module).
#[no_mangle]
pub extern "C" fn py_json_dumps(val: py_Ref) -> bool {
    raising("py_json_dumps", false, |vm| {
        let v = *ref_arg(vm, val, "py_json_dumps", "val")?;
        vm.retval = json_call(vm, "dumps", v)?;
        Ok(true)
    })
}

/// `json.loads(source)` into `py_retval()` (needs the `json` module).
#[no_mangle]
pub extern "C" fn py_json_loads(source: *const c_char) -> bool {
    raising("py_json_loads", false, |vm| {
        let s = str_arg(vm, source, "py_json_loads", "source")?;
        let sv = vm.new_str(s);
        vm.retval = json_call(vm, "loads", sv)?;
        Ok(true)
    })
}
