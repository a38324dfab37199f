//! Resource limits for hosts: the watchdog (`py_watchdog_begin/_end`, as in
//! pocketpy), interrupts from another thread (`py_interrupt`,
//! `py_ComputeThread_interrupt`) and the heap limit (`py_heap_setlimit`).
//! The mechanics are in `vm/limits.rs` and `vm/heap.rs`.

use std::ffi::c_int;

use super::threads::py_ComputeThread;
use super::*;
use crate::runtime::vm_table;

/// Begin the watchdog of the current VM: once `timeout` milliseconds have
/// passed, running Python code raises `TimeoutError` (checked at loop
/// back-edges, calls and in `time.sleep`; a long native call is stopped when
/// it returns). It stays armed, so catching the error does not escape it,
/// until `py_watchdog_end()`. A script's `pkpy.watchdog_end()` cannot end it.
#[no_mangle]
pub extern "C" fn py_watchdog_begin(timeout: py_i64) {
    with_vm("py_watchdog_begin", |vm| vm.limits.host_deadline = Some(crate::vm::limits::deadline_in(timeout)))
}

/// End the watchdog of the current VM (a no-op when none is armed).
#[no_mangle]
pub extern "C" fn py_watchdog_end() {
    with_vm("py_watchdog_end", |vm| vm.limits.host_deadline = None)
}

/// Interrupt VM `index` from any thread, whoever holds it: the Python code
/// it runs raises `KeyboardInterrupt("interrupted by the host")` at its next
/// check. The request stays pending until delivered (a VM running nothing
/// raises it in the next code it runs). False when `index` is out of range
/// or the slot has no VM yet. Does not need a current VM.
#[no_mangle]
pub extern "C" fn py_interrupt(index: c_int) -> bool {
    no_vm("py_interrupt", || index >= 0 && vm_table::interrupt(index as usize))
}

/// Interrupt the job a ComputeThread is running (it fails with
/// `KeyboardInterrupt`; `py_ComputeThread_last_error` has the traceback).
/// False when no job runs (nothing is left pending) or `h` is NULL.
#[no_mangle]
pub extern "C" fn py_ComputeThread_interrupt(h: *mut py_ComputeThread) -> bool {
    no_vm("py_ComputeThread_interrupt", || {
        if h.is_null() {
            eprintln!("pocketpy: py_ComputeThread_interrupt: handle is NULL");
            return false;
        }
        // SAFETY: a non-null handle came from `py_ComputeThread_new` and was
        // not deleted (C API contract); `interrupt` only reads shared state.
        unsafe { &*h }.ct.interrupt()
    })
}

/// Limit the current VM's heap to `bytes` (0 removes the limit). Past it,
/// running code raises `MemoryError` instead of growing further; the
/// script then gets an eighth of the limit as headroom to handle the error.
/// Live objects are measured at each collection; allocations in between are
/// counted as they happen, so the limit holds within one allocation.
#[no_mangle]
pub extern "C" fn py_heap_setlimit(bytes: py_i64) {
    with_vm("py_heap_setlimit", |vm| vm.set_heap_limit(bytes.max(0) as usize))
}

/// The current VM's heap usage in bytes as the limit counts it (live objects
/// at the last collection plus allocations since); 0 when no limit is set.
#[no_mangle]
pub extern "C" fn py_heap_usage() -> py_i64 {
    with_vm("py_heap_usage", |vm| vm.heap.usage() as py_i64)
}
