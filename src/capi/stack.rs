//! Registers and the value stack: `py_retval`, `py_getreg`, `py_push` ...,
//! `py_vectorcall`, `py_call`, `py_tpcall`.

use std::ffi::{c_char, c_int};

use super::*;
use crate::vm::value::*;

/// The last return value.
#[no_mangle]
pub extern "C" fn py_retval() -> py_GlobalRef {
    with_vm("py_retval", |vm| &mut vm.retval as *mut Value)
}

/// Register `i`: 0..7 are `py_r0()..py_r7()`, 8..11 are `py_tmpr0()..py_tmpr3()`.
#[no_mangle]
pub extern "C" fn py_getreg(i: c_int) -> py_GlobalRef {
    with_vm("py_getreg", |vm| {
        if i < 0 || i as usize >= vm.registers.len() {
            misuse(&format!("py_getreg: register {} out of range [0, {})", i, vm.registers.len()));
        }
        &mut vm.registers[i as usize] as *mut Value
    })
}

#[no_mangle]
pub extern "C" fn py_setreg(i: c_int, val: py_Ref) {
    with_vm("py_setreg", |vm| {
        let v = *ref_or_die(val, "py_setreg", "val");
        if i < 0 || i as usize >= vm.registers.len() {
            misuse(&format!("py_setreg: register {} out of range [0, {})", i, vm.registers.len()));
        }
        vm.registers[i as usize] = v;
    })
}

fn check_room(vm: &mut Vm, n: usize, fname: &str) {
    if vm.sp + n >= vm.stack.len() {
        misuse(&format!("{}: value stack overflow", fname));
    }
}

/// The `i`-th value from the top (`-1` is the top).
#[no_mangle]
pub extern "C" fn py_peek(i: c_int) -> py_StackRef {
    with_vm("py_peek", |vm| {
        if i >= 0 || (-i) as usize > vm.sp {
            misuse(&format!("py_peek: index {} out of range (the stack holds {} values; use -1 for the top)", i, vm.sp));
        }
        let k = vm.sp - (-i) as usize;
        &mut vm.stack[k] as *mut Value
    })
}

#[no_mangle]
pub extern "C" fn py_push(src: py_Ref) {
    with_vm("py_push", |vm| {
        let v = *ref_or_die(src, "py_push", "src");
        check_room(vm, 1, "py_push");
        vm.push(v);
    })
}

#[no_mangle]
pub extern "C" fn py_pushnil() {
    with_vm("py_pushnil", |vm| {
        check_room(vm, 1, "py_pushnil");
        vm.push(Value::NIL)
    })
}

#[no_mangle]
pub extern "C" fn py_pushnone() {
    with_vm("py_pushnone", |vm| {
        check_room(vm, 1, "py_pushnone");
        vm.push(Value::NONE)
    })
}

/// Push a keyword name (before its value) for `py_vectorcall`.
#[no_mangle]
pub extern "C" fn py_pushname(name: py_Name) {
    with_vm("py_pushname", |vm| {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_pushname: invalid name"));
        check_room(vm, 1, "py_pushname");
        vm.push(Value::int(n.0 as i64));
    })
}

#[no_mangle]
pub extern "C" fn py_pop() {
    py_shrink(1)
}

#[no_mangle]
pub extern "C" fn py_shrink(n: c_int) {
    with_vm("py_shrink", |vm| {
        if n < 0 || n as usize > vm.sp {
            misuse(&format!("py_shrink: cannot pop {} values from a stack of {}", n, vm.sp));
        }
        vm.sp -= n as usize;
    })
}

/// Push a None and return a reference to it (a temporary).
#[no_mangle]
pub extern "C" fn py_pushtmp() -> py_StackRef {
    with_vm("py_pushtmp", |vm| {
        check_room(vm, 1, "py_pushtmp");
        vm.push(Value::NONE);
        let k = vm.sp - 1;
        &mut vm.stack[k] as *mut Value
    })
}

/// With `self` on top: `[self] -> [method, self]` and true, or unchanged and false.
#[no_mangle]
pub extern "C" fn py_pushmethod(name: py_Name) -> bool {
    with_vm("py_pushmethod", |vm| {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_pushmethod: invalid name"));
        if vm.sp == 0 {
            misuse("py_pushmethod: the stack is empty");
        }
        check_room(vm, 1, "py_pushmethod");
        let obj = vm.top();
        match vm.load_method(&obj, n) {
            Ok((f, self_or_nil)) => {
                let k = vm.sp - 1;
                if self_or_nil.is_nil() {
                    // A plain attribute (not a method): call it without self.
                    vm.stack[k] = f;
                    vm.push(Value::NIL);
                } else {
                    vm.stack[k] = f;
                    vm.push(self_or_nil);
                }
                true
            }
            Err(_) => {
                vm.exc = None;
                false
            }
        }
    })
}

/// Evaluate `expr` in `module` (NULL: `__main__`) and push the value.
#[no_mangle]
pub extern "C" fn py_pusheval(expr: *const c_char, module: py_GlobalRef) -> bool {
    if !super::exec::py_eval(expr, module) {
        return false;
    }
    with_vm("py_pusheval", |vm| {
        check_room(vm, 1, "py_pusheval");
        let r = vm.retval;
        vm.push(r);
        true
    })
}

/// Call the callable laid out as `[callable, self_or_nil, args..., (name, value)...]`;
/// the result goes to `py_retval()` and the layout is popped.
#[no_mangle]
pub extern "C" fn py_vectorcall(argc: u16, kwargc: u16) -> bool {
    raising("py_vectorcall", false, |vm| {
        let (argc, kwargc) = (argc as usize, kwargc as usize);
        let total = 2 + argc + 2 * kwargc;
        if total > vm.sp {
            return Err(vm.new_error(TP_SYSTEM_ERROR, format!("py_vectorcall: expected {} values on the stack, found {}", total, vm.sp)));
        }
        let p = vm.sp - total;
        let kwbase = p + 2 + argc;
        let mut names = Vec::with_capacity(kwargc);
        let mut vals = Vec::with_capacity(kwargc);
        for i in 0..kwargc {
            let k = vm.stack[kwbase + 2 * i];
            names.push(Name(k.as_i64() as u32));
            vals.push(vm.stack[kwbase + 2 * i + 1]);
        }
        for (i, v) in vals.into_iter().enumerate() {
            vm.stack[kwbase + i] = v;
        }
        vm.sp = kwbase + kwargc;
        let r = vm.call_on_stack(argc + kwargc, &names, false);
        match r {
            Ok(_) => {
                vm.retval = vm.stack[p];
                vm.sp = p;
                Ok(true)
            }
            Err(e) => {
                vm.sp = p;
                Err(e)
            }
        }
    })
}

fn args_of<'a>(vm: &mut Vm, argc: c_int, argv: py_Ref, fname: &str) -> PyResult<&'a [Value]> {
    if argc < 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, format!("{}: negative argc", fname)));
    }
    if argc == 0 {
        return Ok(&[]);
    }
    if argv.is_null() {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("{}: argv is NULL", fname)));
    }
    // SAFETY: the host passes `argc` contiguous values at `argv`.
    Ok(unsafe { std::slice::from_raw_parts(argv, argc as usize) })
}

/// Call `f(*argv[:argc])`; the result goes to `py_retval()`.
#[no_mangle]
pub extern "C" fn py_call(f: py_Ref, argc: c_int, argv: py_Ref) -> bool {
    raising("py_call", false, |vm| {
        let fv = *ref_arg(vm, f, "py_call", "f")?;
        let args = args_of(vm, argc, argv, "py_call")?.to_vec();
        vm.retval = vm.call(&fv, &args)?;
        Ok(true)
    })
}

/// Call type `ty` to make an instance; the result goes to `py_retval()`.
#[no_mangle]
pub extern "C" fn py_tpcall(ty: py_Type, argc: c_int, argv: py_Ref) -> bool {
    raising("py_tpcall", false, |vm| {
        if !type_ok(vm, ty) {
            return Err(vm.type_error(format!("py_tpcall: invalid type id {}", ty)));
        }
        let t = vm.types[ty as usize].obj;
        let args = args_of(vm, argc, argv, "py_tpcall")?.to_vec();
        vm.retval = vm.call(&t, &args)?;
        Ok(true)
    })
}
