//! The C ABI: every `extern "C"` function of `include/pocketpy.h`, grouped as
//! pocketpy v2's header groups them (setup, exec, values, bind, stack, ops,
//! containers, exceptions, threads). `build.rs` runs cbindgen over these files.
//!
//! Rules every export follows:
//! - It runs inside a panic boundary (`raising`, `with_vm`, `no_vm`): a Rust
//!   panic never unwinds into C. Where the function can raise (it returns
//!   `bool`/`int` per pocketpy's `PY_RAISE`), the panic becomes a Python
//!   `SystemError`; elsewhere it is reported on stderr and the process aborts.
//! - NULL and out-of-range arguments give a clear error: a Python exception
//!   where the function can raise, else a message and abort (pocketpy would
//!   crash there).
//! - A thread that never called `py_initialize`/`py_switchvm` gets the error
//!   "no current VM on this thread" instead of a NULL dereference.

#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case)]
#![allow(clippy::missing_safety_doc)]

pub mod bind;
pub mod containers;
pub mod dylib;
pub mod exceptions;
pub mod exec;
pub mod limits;
pub mod ops;
pub mod setup;
pub mod stack;
pub mod threads;
pub mod values;

use std::ffi::{c_char, c_int, c_void, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::runtime::names::Name;
use crate::runtime::vm_table;
use crate::vm::exceptions::*;
use crate::vm::value::Value;
use crate::vm::{PyResult, Raised, Vm};

/// The C name of `Value` (the header defines the struct's layout by hand).
pub type py_TValue = Value;
/// A reference to a value (`py_TValue*`).
pub type py_Ref = *mut py_TValue;
/// A reference to a value on the VM's stack.
pub type py_StackRef = *mut py_TValue;
/// A reference that lives as long as the VM (registers, `py_retval()`).
pub type py_GlobalRef = *mut py_TValue;
/// An item of a container; invalidated when the container changes.
pub type py_ItemRef = *mut py_TValue;
/// A reference that lives as long as the object it points into.
pub type py_ObjectRef = *mut py_TValue;
/// Where a function writes its result.
pub type py_OutRef = *mut py_TValue;
/// A type id (`tp_*`); 0 is invalid.
pub type py_Type = i16;
pub type py_i64 = i64;
pub type py_f64 = f64;

/// An interned identifier, as an opaque pointer (pocketpy v2.2).
pub struct py_OpaqueName {
    _private: [u8; 0],
}
pub type py_Name = *mut py_OpaqueName;

/// A native function: `bool f(int argc, py_StackRef argv)`; result in `py_retval()`.
pub type py_CFunction = Option<unsafe extern "C" fn(argc: c_int, argv: py_StackRef) -> bool>;
/// A destructor of userdata.
pub type py_Dtor = Option<unsafe extern "C" fn(ud: *mut c_void)>;

/// A string view: `size` bytes at `data`, not necessarily NUL-terminated.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct c11_sv {
    pub data: *const c_char,
    pub size: c_int,
}

// ---------------------------------------------------------------- names

pub(crate) fn name_to_c(n: Name) -> py_Name {
    (n.0 as usize + 1) as py_Name
}

pub(crate) fn name_from_c(p: py_Name) -> Option<Name> {
    let v = p as usize;
    if v == 0 || v > u32::MAX as usize {
        None
    } else {
        Some(Name((v - 1) as u32))
    }
}

// ---------------------------------------------------------------- the current VM

pub(crate) const NO_VM: &str = "no current VM on this thread: call py_initialize() or py_switchvm() first";

/// The current thread's VM.
///
/// Re-entrancy: a C function called from Python calls back into the C API
/// while the eval loop further up this thread's stack holds `&mut Vm`. That
/// outer Rust code is suspended inside the call (`Vm::call_cfunction`) and
/// does not touch the VM again until the C function returns, so each C API
/// call may use the VM exclusively for its own duration. Only the thread
/// that holds the VM's slot sees the pointer (`vm_table` is thread-local).
pub(crate) fn current_vm<'a>() -> Option<&'a mut Vm> {
    let p = vm_table::current_ptr();
    if p.is_null() {
        None
    } else {
        // SAFETY: see above: `p` is the stable address of the VM this thread
        // holds in the VM table, alive until the slot is reset; the only other
        // borrower is suspended for the duration of this C API call.
        let vm = unsafe { &mut *p };
        bind::flush_pending(vm);
        Some(vm)
    }
}

/// Report a misuse that cannot be raised as a Python exception, and abort.
pub(crate) fn fatal(msg: &str) -> ! {
    eprintln!("pocketpy: fatal: {}", msg);
    std::process::abort()
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// The boundary of a function that can raise: `f` runs with the current
/// VM; `Err(Raised)` (or no VM, or a panic turned into `SystemError`)
/// returns `err`.
pub(crate) fn raising<R>(fname: &str, err: R, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> R {
    let r = catch_unwind(AssertUnwindSafe(|| match current_vm() {
        Some(vm) => Some(f(vm)),
        None => None,
    }));
    match r {
        Ok(Some(Ok(v))) => v,
        Ok(Some(Err(Raised))) => err,
        Ok(None) => {
            eprintln!("pocketpy: {}: {}", fname, NO_VM);
            err
        }
        Err(p) => {
            let msg = format!("{}: internal error: {}", fname, panic_text(&*p));
            match current_vm() {
                Some(vm) => {
                    let _ = vm.new_error(TP_SYSTEM_ERROR, msg);
                }
                None => eprintln!("pocketpy: {}", msg),
            }
            err
        }
    }
}

/// The boundary of a function that cannot raise and needs the VM.
pub(crate) fn with_vm<R>(fname: &str, f: impl FnOnce(&mut Vm) -> R) -> R {
    let r = catch_unwind(AssertUnwindSafe(|| current_vm().map(f)));
    match r {
        Ok(Some(v)) => v,
        Ok(None) => fatal(&format!("{}: {}", fname, NO_VM)),
        Err(p) => fatal(&format!("{}: internal error: {}", fname, panic_text(&*p))),
    }
}

/// The boundary of a function that needs no VM.
pub(crate) fn no_vm<R>(fname: &str, f: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(p) => fatal(&format!("{}: internal error: {}", fname, panic_text(&*p))),
    }
}

// ---------------------------------------------------------------- argument checks

/// Dereference a `py_Ref` argument of a function that cannot raise.
pub(crate) fn ref_or_die<'a>(p: py_Ref, fname: &str, arg: &str) -> &'a mut Value {
    if p.is_null() {
        fatal(&format!("{}: argument '{}' is NULL", fname, arg));
    }
    // SAFETY: non-null; the C API contract is that a `py_Ref` points to a
    // live, aligned `py_TValue` (a register, the stack, a container item or a
    // host variable) for the duration of the call.
    unsafe { &mut *p }
}

/// Dereference a `py_Ref` argument of a function that can raise.
pub(crate) fn ref_arg<'a>(vm: &mut Vm, p: py_Ref, fname: &str, arg: &str) -> PyResult<&'a mut Value> {
    if p.is_null() {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("{}: argument '{}' is NULL", fname, arg)));
    }
    // SAFETY: as in `ref_or_die`.
    Ok(unsafe { &mut *p })
}

/// Read a NUL-terminated UTF-8 argument of a function that can raise.
pub(crate) fn str_arg<'a>(vm: &mut Vm, s: *const c_char, fname: &str, arg: &str) -> PyResult<&'a str> {
    if s.is_null() {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("{}: argument '{}' is NULL", fname, arg)));
    }
    // SAFETY: the caller passes a NUL-terminated string that outlives the call.
    let c = unsafe { CStr::from_ptr(s) };
    c.to_str().map_err(|_| vm.new_error(TP_UNICODE_DECODE_ERROR, format!("{}: argument '{}' is not valid UTF-8", fname, arg)))
}

/// Read a NUL-terminated UTF-8 argument of a function that cannot raise.
pub(crate) fn str_or_die<'a>(s: *const c_char, fname: &str, arg: &str) -> &'a str {
    if s.is_null() {
        fatal(&format!("{}: argument '{}' is NULL", fname, arg));
    }
    // SAFETY: as in `str_arg`.
    let c = unsafe { CStr::from_ptr(s) };
    match c.to_str() {
        Ok(s) => s,
        Err(_) => fatal(&format!("{}: argument '{}' is not valid UTF-8", fname, arg)),
    }
}

/// Write through a `py_OutRef` of a function that cannot raise.
pub(crate) fn out_or_die(p: py_OutRef, fname: &str, v: Value) {
    *ref_or_die(p, fname, "out") = v;
}

/// Check a type id.
pub(crate) fn type_ok(vm: &Vm, t: py_Type) -> bool {
    t > 0 && (t as usize) < vm.types.len()
}

/// A C string the caller frees with `py_free` (`malloc`ed).
pub(crate) fn malloc_cstring(s: &str) -> *mut c_char {
    let bytes = s.as_bytes();
    // SAFETY: `malloc` of len+1 bytes; we write exactly that many.
    unsafe {
        let p = libc::malloc(bytes.len() + 1) as *mut u8;
        if p.is_null() {
            fatal("out of memory");
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
        *p.add(bytes.len()) = 0;
        p as *mut c_char
    }
}
