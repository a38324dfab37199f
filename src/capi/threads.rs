//! ComputeThreads for C hosts, as opaque handles: `py_ComputeThread_new`,
//! `_submit_exec/_submit_eval/_submit_call`, `_is_done`, `_wait`,
//! `_last_retval`, `_last_error`, `_delete`. The jobs are the ones
//! `pkpy.ComputeThread` runs (src/modules/pkpy.rs); values cross VMs pickled.
//! Worker pools likewise: `py_WorkerPool_new`, `_submit_call` returning a
//! `py_Future*`, `py_Future_wait/_result/_error/_cancel/_delete`,
//! `py_WorkerPool_delete`.

use std::ffi::{c_char, c_int, CString};
use std::time::Duration;

use super::*;
use crate::modules::pkpy;
use crate::runtime::compute_thread::{ComputeThread, Job, JobOutcome, SubmitError};
use crate::runtime::vm_table;
use crate::runtime::worker_pool::{FutureCell, FutureState, WorkerPool};
use std::sync::Arc;

/// A ComputeThread owned by a C host (opaque).
pub struct py_ComputeThread {
    pub(crate) ct: ComputeThread,
    last_error: CString,
}

fn handle<'a>(vm: &mut Vm, h: *mut py_ComputeThread, fname: &str) -> PyResult<&'a mut py_ComputeThread> {
    if h.is_null() {
        return Err(vm.type_error(format!("{}: handle is NULL", fname)));
    }
    // SAFETY: a non-null handle came from `py_ComputeThread_new` and was not
    // deleted (C API contract); the host uses a handle from one thread at a time.
    Ok(unsafe { &mut *h })
}

fn handle_or_die<'a>(h: *mut py_ComputeThread, fname: &str) -> &'a mut py_ComputeThread {
    if h.is_null() {
        fatal(&format!("{}: handle is NULL", fname));
    }
    // SAFETY: as in `handle`.
    unsafe { &mut *h }
}

/// Start a ComputeThread owning VM `vm_index` (1..16). NULL, with a
/// pending exception in the current VM, when the index is invalid or taken.
#[no_mangle]
pub extern "C" fn py_ComputeThread_new(vm_index: c_int) -> *mut py_ComputeThread {
    raising("py_ComputeThread_new", std::ptr::null_mut(), |vm| {
        let i = vm_index as i64;
        if !(1..vm_table::MAX_VMS as i64).contains(&i) {
            return Err(vm.value_error(format!("index {} is out of range [1, {})", i, vm_table::MAX_VMS)));
        }
        if i as usize == vm.index || vm_table::is_held(i as usize) {
            return Err(vm.value_error(format!("index {} is already in use", i)));
        }
        match ComputeThread::spawn(i as usize) {
            Ok(ct) => Ok(Box::into_raw(Box::new(py_ComputeThread { ct, last_error: CString::default() }))),
            Err(e) => Err(vm.value_error(e)),
        }
    })
}

fn submit(vm: &mut Vm, h: &mut py_ComputeThread, job: Job) -> PyResult<bool> {
    match h.ct.submit(job) {
        Ok(()) => Ok(true),
        Err(SubmitError::Busy) => Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread is busy: wait for the running job first")),
        Err(SubmitError::Closed) => Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread is closed")),
    }
}

/// Run statements on the thread's VM (in its `__main__`).
#[no_mangle]
pub extern "C" fn py_ComputeThread_submit_exec(h: *mut py_ComputeThread, source: *const c_char) -> bool {
    raising("py_ComputeThread_submit_exec", false, |vm| {
        let h = handle(vm, h, "py_ComputeThread_submit_exec")?;
        let src = str_arg(vm, source, "py_ComputeThread_submit_exec", "source")?.to_string();
        submit(vm, h, pkpy::exec_job(src))
    })
}

/// Evaluate an expression on the thread's VM; its value is pickled back.
#[no_mangle]
pub extern "C" fn py_ComputeThread_submit_eval(h: *mut py_ComputeThread, source: *const c_char) -> bool {
    raising("py_ComputeThread_submit_eval", false, |vm| {
        let h = handle(vm, h, "py_ComputeThread_submit_eval")?;
        let src = str_arg(vm, source, "py_ComputeThread_submit_eval", "source")?.to_string();
        submit(vm, h, pkpy::eval_job(src))
    })
}

/// Call `eval(eval_src)(*args_tuple, **kwargs)` on the thread's VM; the
/// arguments are pickled here, the value pickled back.
#[no_mangle]
pub extern "C" fn py_ComputeThread_submit_call(h: *mut py_ComputeThread, eval_src: *const c_char, args_tuple: py_Ref, kwargs_or_null: py_Ref) -> bool {
    raising("py_ComputeThread_submit_call", false, |vm| {
        let h = handle(vm, h, "py_ComputeThread_submit_call")?;
        let src = str_arg(vm, eval_src, "py_ComputeThread_submit_call", "eval_src")?;
        let mut a = vec![Value::NIL, vm.new_str(src)];
        if !args_tuple.is_null() {
            let t = *ref_arg(vm, args_tuple, "py_ComputeThread_submit_call", "args_tuple")?;
            match t.tuple() {
                Some(items) => a.extend_from_slice(items),
                None => return Err(vm.type_error("py_ComputeThread_submit_call: args must be a tuple")),
            }
        }
        let mut kw = Vec::new();
        if !kwargs_or_null.is_null() {
            let d = *ref_arg(vm, kwargs_or_null, "py_ComputeThread_submit_call", "kwargs")?;
            for (k, v) in vm.mapping_items(&d)? {
                match k.as_str() {
                    Some(s) => kw.push((Name::new(s), v)),
                    None => return Err(vm.type_error("py_ComputeThread_submit_call: keyword names must be str")),
                }
            }
        }
        let roots = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&a);
        let job = pkpy::call_job(vm, &a, &kw);
        vm.temp_roots.truncate(roots);
        let job = job?;
        submit(vm, h, job)
    })
}

/// Has the last job finished (true when none was submitted)?
#[no_mangle]
pub extern "C" fn py_ComputeThread_is_done(h: *mut py_ComputeThread) -> bool {
    no_vm("py_ComputeThread_is_done", || handle_or_die(h, "py_ComputeThread_is_done").ct.is_done())
}

/// Block until the job finishes or `timeout_ms` passes (-1: forever); true when done.
#[no_mangle]
pub extern "C" fn py_ComputeThread_wait(h: *mut py_ComputeThread, timeout_ms: c_int) -> bool {
    no_vm("py_ComputeThread_wait", || {
        let h = handle_or_die(h, "py_ComputeThread_wait");
        let t = if timeout_ms < 0 { None } else { Some(Duration::from_millis(timeout_ms as u64)) };
        h.ct.wait(t)
    })
}

/// Unpickle the last job's value into the current VM's `py_retval()`.
/// False with a pending exception when the job failed (the remote traceback
/// is in the message) or is still running.
#[no_mangle]
pub extern "C" fn py_ComputeThread_last_retval(h: *mut py_ComputeThread) -> bool {
    raising("py_ComputeThread_last_retval", false, |vm| {
        let h = handle(vm, h, "py_ComputeThread_last_retval")?;
        if !h.ct.is_done() {
            return Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread job is not done yet"));
        }
        match h.ct.last() {
            Some(JobOutcome::Value(bytes)) => {
                vm.retval = if bytes.is_empty() { Value::NONE } else { crate::modules::pickle::loads(vm, &bytes)? };
                Ok(true)
            }
            Some(JobOutcome::Error { type_name, message, traceback }) => {
                let t = vm.exception_type_by_name(&type_name).filter(|t| vm.is_subtype(*t, crate::vm::value::TP_EXCEPTION)).unwrap_or(TP_RUNTIME_ERROR);
                let msg = format!("{}\n\nRemote traceback:\n{}", message, traceback.trim_end());
                Err(vm.new_error(t, msg))
            }
            None => {
                vm.retval = Value::NONE;
                Ok(true)
            }
        }
    })
}

/// The formatted traceback of the last job when it failed, else NULL.
/// Valid until the next call with this handle.
#[no_mangle]
pub extern "C" fn py_ComputeThread_last_error(h: *mut py_ComputeThread) -> *const c_char {
    no_vm("py_ComputeThread_last_error", || {
        let h = handle_or_die(h, "py_ComputeThread_last_error");
        if !h.ct.is_done() {
            return std::ptr::null();
        }
        match h.ct.last() {
            Some(JobOutcome::Error { traceback, .. }) => {
                h.last_error = CString::new(traceback.trim_end().replace('\0', "\\0")).unwrap_or_default();
                h.last_error.as_ptr()
            }
            _ => std::ptr::null(),
        }
    })
}

/// Stop the thread (after its running job) and free the handle. NULL is ignored.
#[no_mangle]
pub extern "C" fn py_ComputeThread_delete(h: *mut py_ComputeThread) {
    no_vm("py_ComputeThread_delete", || {
        if !h.is_null() {
            // SAFETY: the handle came from `Box::into_raw` in `py_ComputeThread_new`
            // and is deleted once (C API contract).
            let mut b = unsafe { Box::from_raw(h) };
            b.ct.close();
        }
    })
}

// ---------------------------------------------------------------- worker pools

/// A worker pool owned by a C host (opaque): `n` workers on free VM slots.
pub struct py_WorkerPool {
    pool: WorkerPool,
}

/// The result of one pool job (opaque). Independent of its pool: it stays
/// valid after the pool is deleted.
pub struct py_Future {
    cell: Arc<FutureCell>,
    error: CString,
}

fn future<'a>(vm: &mut Vm, f: *mut py_Future, fname: &str) -> PyResult<&'a mut py_Future> {
    if f.is_null() {
        return Err(vm.type_error(format!("{}: future is NULL", fname)));
    }
    // SAFETY: a non-null future came from `py_WorkerPool_submit_call` and was
    // not deleted (C API contract).
    Ok(unsafe { &mut *f })
}

fn future_or_die<'a>(f: *mut py_Future, fname: &str) -> &'a mut py_Future {
    if f.is_null() {
        fatal(&format!("{}: future is NULL", fname));
    }
    // SAFETY: as in `future`.
    unsafe { &mut *f }
}

/// Start a pool of `n` workers on free VM slots (never the caller's). NULL,
/// with a pending exception, when `n` is out of range or too few slots are free.
#[no_mangle]
pub extern "C" fn py_WorkerPool_new(n: c_int) -> *mut py_WorkerPool {
    raising("py_WorkerPool_new", std::ptr::null_mut(), |vm| {
        if n < 1 || n as usize >= vm_table::MAX_VMS {
            return Err(vm.value_error(format!("WorkerPool needs 1 to {} workers, got {}", vm_table::MAX_VMS - 1, n)));
        }
        match WorkerPool::spawn(n as usize, vm.index) {
            Ok(pool) => Ok(Box::into_raw(Box::new(py_WorkerPool { pool }))),
            Err(e) => Err(vm.value_error(e)),
        }
    })
}

/// Queue `eval(eval_src)(*args, **kwargs)` for the first free worker.
/// `args` is a tuple or NULL, `kwargs` a dict or NULL; they are pickled here.
/// Returns the job's future, or NULL with a pending exception.
#[no_mangle]
pub extern "C" fn py_WorkerPool_submit_call(pool: *mut py_WorkerPool, eval_src: *const c_char, args: py_Ref, kwargs: py_Ref) -> *mut py_Future {
    raising("py_WorkerPool_submit_call", std::ptr::null_mut(), |vm| {
        if pool.is_null() {
            return Err(vm.type_error("py_WorkerPool_submit_call: pool is NULL"));
        }
        // SAFETY: a non-null pool came from `py_WorkerPool_new` and was not deleted.
        let pool = unsafe { &mut *pool };
        let src = str_arg(vm, eval_src, "py_WorkerPool_submit_call", "eval_src")?;
        let f = vm.new_str(src);
        let mut a = Vec::new();
        if !args.is_null() {
            let t = *ref_arg(vm, args, "py_WorkerPool_submit_call", "args")?;
            match t.tuple() {
                Some(items) => a.extend_from_slice(items),
                None => return Err(vm.type_error("py_WorkerPool_submit_call: args must be a tuple")),
            }
        }
        let mut kw = Vec::new();
        if !kwargs.is_null() {
            let d = *ref_arg(vm, kwargs, "py_WorkerPool_submit_call", "kwargs")?;
            for (k, v) in vm.mapping_items(&d)? {
                match k.as_str() {
                    Some(s) => kw.push((Name::new(s), v)),
                    None => return Err(vm.type_error("py_WorkerPool_submit_call: keyword names must be str")),
                }
            }
        }
        let roots = vm.temp_roots.len();
        vm.temp_roots.push(f);
        vm.temp_roots.extend_from_slice(&a);
        let job = pkpy::call_job_for(vm, f, &a, &kw);
        vm.temp_roots.truncate(roots);
        let cell = pool.pool.submit(job?).map_err(|e| vm.new_error(TP_RUNTIME_ERROR, e))?;
        Ok(Box::into_raw(Box::new(py_Future { cell, error: CString::default() })))
    })
}

/// Block until the job finishes (or is cancelled) or `timeout_ms` passes
/// (-1: forever); true when it has.
#[no_mangle]
pub extern "C" fn py_Future_wait(f: *mut py_Future, timeout_ms: c_int) -> bool {
    no_vm("py_Future_wait", || {
        let f = future_or_die(f, "py_Future_wait");
        let t = if timeout_ms < 0 { None } else { Some(Duration::from_millis(timeout_ms as u64)) };
        f.cell.wait(t)
    })
}

/// Unpickle the job's value into the current VM's `py_retval()`. False with
/// a pending exception when the job failed (remote traceback in the
/// message), was cancelled, or has not finished.
#[no_mangle]
pub extern "C" fn py_Future_result(f: *mut py_Future) -> bool {
    raising("py_Future_result", false, |vm| {
        let f = future(vm, f, "py_Future_result")?;
        match f.cell.state() {
            FutureState::Done(out) => {
                vm.retval = pkpy::outcome_to_value(vm, Some(out))?;
                Ok(true)
            }
            FutureState::Cancelled => Err(vm.new_error(TP_RUNTIME_ERROR, "the job was cancelled")),
            _ => Err(vm.new_error(TP_RUNTIME_ERROR, "the job is not done yet")),
        }
    })
}

/// The formatted traceback when the job failed, else NULL. Valid until the
/// next call with this future.
#[no_mangle]
pub extern "C" fn py_Future_error(f: *mut py_Future) -> *const c_char {
    no_vm("py_Future_error", || {
        let f = future_or_die(f, "py_Future_error");
        match f.cell.state() {
            FutureState::Done(JobOutcome::Error { traceback, .. }) => {
                f.error = CString::new(traceback.trim_end().replace('\0', "\\0")).unwrap_or_default();
                f.error.as_ptr()
            }
            _ => std::ptr::null(),
        }
    })
}

/// Cancel the job if it has not started; true when it is cancelled.
#[no_mangle]
pub extern "C" fn py_Future_cancel(f: *mut py_Future) -> bool {
    no_vm("py_Future_cancel", || future_or_die(f, "py_Future_cancel").cell.cancel())
}

/// Free a future (the job itself still runs). NULL is ignored.
#[no_mangle]
pub extern "C" fn py_Future_delete(f: *mut py_Future) {
    no_vm("py_Future_delete", || {
        if !f.is_null() {
            // SAFETY: from `Box::into_raw` in `py_WorkerPool_submit_call`, deleted once.
            drop(unsafe { Box::from_raw(f) });
        }
    })
}

/// Shut the pool down: queued jobs still run, then the workers exit and
/// release their VM slots; this waits for them. NULL is ignored.
#[no_mangle]
pub extern "C" fn py_WorkerPool_delete(pool: *mut py_WorkerPool) {
    no_vm("py_WorkerPool_delete", || {
        if !pool.is_null() {
            // SAFETY: from `Box::into_raw` in `py_WorkerPool_new`, deleted once.
            let mut b = unsafe { Box::from_raw(pool) };
            b.pool.shutdown(true);
        }
    })
}
