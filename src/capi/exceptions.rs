//! Exceptions: `py_checkexc`, `py_matchexc`, `py_clearexc`, `py_printexc`,
//! `py_formatexc`, `py_exception_str` (behind the header's `py_exception`),
//! `py_raise`, `KeyError`, `StopIteration`.

use std::ffi::c_char;

use super::*;

/// Is an exception pending?
#[no_mangle]
pub extern "C" fn py_checkexc(ignore_handled: bool) -> bool {
    let _ = ignore_handled;
    with_vm("py_checkexc", |vm| vm.exc.is_some())
}

/// If the pending exception is an instance of `ty`, move it to
/// `py_retval()` (handled) and return true.
#[no_mangle]
pub extern "C" fn py_matchexc(ty: py_Type) -> bool {
    with_vm("py_matchexc", |vm| match vm.exc {
        Some(e) if type_ok(vm, ty) && vm.isinstance(&e, ty) => {
            vm.exc = None;
            vm.retval = e;
            true
        }
        _ => false,
    })
}

/// Clear the pending exception; with `p0`, also unwind the stack to `p0`.
#[no_mangle]
pub extern "C" fn py_clearexc(p0: py_StackRef) {
    with_vm("py_clearexc", |vm| {
        vm.exc = None;
        if !p0.is_null() {
            let base = vm.stack.as_ptr() as usize;
            let off = (p0 as usize).wrapping_sub(base) / std::mem::size_of::<Value>();
            if (p0 as usize) >= base && off <= vm.sp {
                vm.sp = off;
            } else {
                misuse("py_clearexc: p0 does not point into the value stack");
            }
        }
    })
}

fn take_formatted(vm: &mut Vm) -> Option<String> {
    let e = vm.exc.take()?;
    Some(vm.format_exception(&e))
}

/// Print the pending exception's traceback through the print callback
/// (stdout by default) and clear it.
#[no_mangle]
pub extern "C" fn py_printexc() {
    with_vm("py_printexc", |vm| {
        if let Some(s) = take_formatted(vm) {
            let mut s = s;
            if !s.ends_with('\n') {
                s.push('\n');
            }
            vm.write_stdout(&s);
        }
    })
}

/// The pending exception's traceback as a `malloc`ed string (free it with
/// `py_free`), or NULL when none is pending. The exception is cleared.
#[no_mangle]
pub extern "C" fn py_formatexc() -> *mut c_char {
    with_vm("py_formatexc", |vm| match take_formatted(vm) {
        Some(s) => malloc_cstring(s.trim_end_matches('\n')),
        None => std::ptr::null_mut(),
    })
}

/// Raise `ty(msg)`. Always returns false. (`py_exception(type, fmt, ...)`
/// in the header formats its arguments and calls this.)
#[no_mangle]
pub extern "C" fn py_exception_str(ty: py_Type, msg: *const c_char) -> bool {
    raising("py_exception", false, |vm| {
        let m = if msg.is_null() { String::new() } else {
            // SAFETY: NUL-terminated message from the host.
            String::from_utf8_lossy(unsafe { std::ffi::CStr::from_ptr(msg) }.to_bytes()).into_owned()
        };
        if !type_ok(vm, ty) || !vm.is_subtype(ty, crate::vm::value::TP_BASE_EXCEPTION) {
            return Err(vm.type_error(format!("py_exception: type id {} is not an exception type", ty)));
        }
        Err(vm.new_error(ty, m))
    })
}

/// Raise an exception object (or class). Always returns false.
#[no_mangle]
pub extern "C" fn py_raise(exc: py_Ref) -> bool {
    raising("py_raise", false, |vm| {
        let v = *ref_arg(vm, exc, "py_raise", "exc")?;
        let e = vm.make_exception(v)?;
        Err(vm.raise(e))
    })
}

/// Raise `KeyError(key)`. Always returns false.
#[no_mangle]
pub extern "C" fn KeyError(key: py_Ref) -> bool {
    raising("KeyError", false, |vm| {
        let k = *ref_arg(vm, key, "KeyError", "key")?;
        Err(vm.key_error(k))
    })
}

/// Raise `StopIteration`. Always returns false.
#[no_mangle]
pub extern "C" fn StopIteration() -> bool {
    raising("StopIteration", false, |vm| Err(vm.new_error(TP_STOP_ITERATION, "")))
}
