//! ComputeThreads for C hosts, as opaque handles: `py_ComputeThread_new`,
//! `_submit_exec/_submit_eval/_submit_call`, `_is_done`, `_wait`,
//! `_last_retval`, `_last_error`, `_delete`. The jobs are the ones
//! `pkpy.ComputeThread` runs (src/modules/pkpy.rs); values cross VMs pickled.
//! Worker pools likewise: `py_WorkerPool_new`, `_submit_call` returning a
//! `py_Future*`, `py_Future_wait/_result/_error/_cancel/_delete`,
//! `py_WorkerPool_delete`.
//!
//! Handles are not pointers to memory: each is a fresh number (never
//! reused) looked up in a process-wide registry. A NULL, deleted, foreign
//! or wrong-kind handle is therefore detected and reported — a Python
//! exception from functions that can raise, else a message on stderr and a
//! safe value — and deleting twice is reported, not a double free.
//! `py_finalize` stops every ComputeThread and pool; their handles then
//! only accept `_delete`.

use std::collections::HashMap;
use std::ffi::{c_char, c_int, CString};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use super::*;
use crate::modules::pkpy;
use crate::runtime::compute_thread::{ComputeThread, Job, JobOutcome, SubmitError};
use crate::runtime::vm_table;
use crate::runtime::worker_pool::{FutureCell, FutureState, WorkerPool};
use std::sync::Arc;

/// A ComputeThread owned by a C host (opaque; the handle is a registry key).
pub struct py_ComputeThread {
    _private: [u8; 0],
}

/// A worker pool owned by a C host (opaque; the handle is a registry key).
pub struct py_WorkerPool {
    _private: [u8; 0],
}

/// The result of one pool job (opaque; the handle is a registry key).
/// Independent of its pool: it stays valid after the pool is deleted.
pub struct py_Future {
    _private: [u8; 0],
}

struct CtEntry {
    ct: ComputeThread,
    /// Backs the pointer `py_ComputeThread_last_error` returns.
    last_error: Mutex<CString>,
}

struct FutureEntry {
    cell: Arc<FutureCell>,
    /// Backs the pointer `py_Future_error` returns.
    error: Mutex<CString>,
}

enum Entry {
    Ct(Arc<CtEntry>),
    Pool(Arc<WorkerPool>),
    Future(Arc<FutureEntry>),
    /// A ComputeThread or pool stopped by `py_finalize`, not yet deleted.
    Closed(&'static str),
}

static REGISTRY: Mutex<Option<HashMap<usize, Entry>>> = Mutex::new(None);
static NEXT_HANDLE: AtomicUsize = AtomicUsize::new(1);

fn registry() -> std::sync::MutexGuard<'static, Option<HashMap<usize, Entry>>> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Register an entry; its handle is a fresh, never reused, non-null key.
fn register(e: Entry) -> usize {
    let key = NEXT_HANDLE.fetch_add(1, Ordering::Relaxed) << 4;
    registry().get_or_insert_with(HashMap::new).insert(key, e);
    key
}

/// Why `key` names no live object of kind `kind`.
fn invalid(fname: &str, kind: &str, key: usize, closed: Option<&str>) -> String {
    if key == 0 {
        format!("{}: the {} handle is NULL", fname, kind)
    } else if let Some(k) = closed {
        format!("{}: the {} was stopped by py_finalize (only {}_delete accepts its handle)", fname, kind, k)
    } else {
        format!("{}: invalid {} handle {:#x} (already deleted, or not a {} handle)", fname, kind, key, kind)
    }
}

fn lookup<T>(key: usize, fname: &str, kind: &str, pick: impl FnOnce(&Entry) -> Option<T>) -> Result<T, String> {
    let reg = registry();
    match reg.as_ref().and_then(|m| m.get(&key)) {
        Some(Entry::Closed(k)) if format!("py_{}", kind.replace(' ', "")) == *k => Err(invalid(fname, kind, key, Some(k))),
        Some(e) => pick(e).ok_or_else(|| invalid(fname, kind, key, None)),
        None => Err(invalid(fname, kind, key, None)),
    }
}

fn ct_of(h: *mut py_ComputeThread, fname: &str) -> Result<Arc<CtEntry>, String> {
    lookup(h as usize, fname, "ComputeThread", |e| match e {
        Entry::Ct(c) => Some(c.clone()),
        _ => None,
    })
}

fn pool_of(p: *mut py_WorkerPool, fname: &str) -> Result<Arc<WorkerPool>, String> {
    lookup(p as usize, fname, "WorkerPool", |e| match e {
        Entry::Pool(c) => Some(c.clone()),
        _ => None,
    })
}

fn future_of(f: *mut py_Future, fname: &str) -> Result<Arc<FutureEntry>, String> {
    lookup(f as usize, fname, "Future", |e| match e {
        Entry::Future(c) => Some(c.clone()),
        _ => None,
    })
}

/// Remove the entry of `key` when it is of the expected kind (or closed).
/// NULL is a no-op; anything else is a reported misuse.
fn unregister(key: usize, fname: &str, kind: &str, is_kind: impl Fn(&Entry) -> bool) -> Option<Entry> {
    if key == 0 {
        return None;
    }
    let mut reg = registry();
    let m = reg.get_or_insert_with(HashMap::new);
    match m.get(&key) {
        Some(e) if is_kind(e) => m.remove(&key),
        Some(Entry::Closed(k)) if format!("py_{}", kind) == *k => m.remove(&key),
        _ => {
            drop(reg);
            misuse(&invalid(fname, kind, key, None))
        }
    }
}

/// `py_finalize`: stop every ComputeThread and pool (queued pool jobs are
/// cancelled; running jobs finish). Their handles become `Closed`.
pub(crate) fn close_all() {
    let taken: Vec<Entry> = {
        let mut reg = registry();
        let Some(m) = reg.as_mut() else { return };
        let keys: Vec<usize> = m.iter().filter(|(_, e)| matches!(e, Entry::Ct(_) | Entry::Pool(_))).map(|(k, _)| *k).collect();
        keys.into_iter()
            .filter_map(|k| {
                let closed = match m.get(&k) {
                    Some(Entry::Ct(_)) => "py_ComputeThread",
                    _ => "py_WorkerPool",
                };
                m.insert(k, Entry::Closed(closed))
            })
            .collect()
    };
    for e in &taken {
        if let Entry::Pool(p) = e {
            p.cancel_pending();
        }
    }
    // Dropping the last reference stops and joins the threads (a host
    // thread still inside a call on one holds a reference until it returns).
    drop(taken);
}

/// A job that gives a worker VM the creating VM's file-system setting: a
/// sandboxed VM's workers are sandboxed too.
fn fs_setting_job(allow_fs: bool) -> Job {
    Box::new(move |wvm: &mut Vm| {
        wvm.allow_fs = allow_fs;
        JobOutcome::Value(Vec::new())
    })
}

/// Start a ComputeThread owning VM `vm_index` (1..16). NULL, with a pending
/// exception in the current VM, when the index is out of range (ValueError)
/// or the VM is held by a thread (this one included). The worker VM gets the
/// current VM's `py_allowfilesystem` setting.
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
            Ok(ct) => {
                if ct.submit(fs_setting_job(vm.allow_fs)).is_ok() {
                    ct.wait(None);
                }
                let e = CtEntry { ct, last_error: Mutex::new(CString::default()) };
                Ok(register(Entry::Ct(Arc::new(e))) as *mut py_ComputeThread)
            }
            Err(e) => Err(vm.value_error(e)),
        }
    })
}

fn ct_arg(vm: &mut Vm, h: *mut py_ComputeThread, fname: &str) -> PyResult<Arc<CtEntry>> {
    ct_of(h, fname).map_err(|e| vm.type_error(e))
}

fn ct_or_misuse(h: *mut py_ComputeThread, fname: &str) -> Arc<CtEntry> {
    ct_of(h, fname).unwrap_or_else(|e| misuse(&e))
}

fn submit(vm: &mut Vm, h: &CtEntry, job: Job) -> PyResult<bool> {
    match h.ct.submit(job) {
        Ok(()) => Ok(true),
        Err(SubmitError::Busy) => Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread is busy: wait for the running job first")),
        Err(SubmitError::Closed) => Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread is closed")),
    }
}

/// Run statements on the thread's VM (in its `__main__`). False with a
/// pending exception for an invalid handle (TypeError), a NULL source, or a
/// thread that is busy.
#[no_mangle]
pub extern "C" fn py_ComputeThread_submit_exec(h: *mut py_ComputeThread, source: *const c_char) -> bool {
    raising("py_ComputeThread_submit_exec", false, |vm| {
        let h = ct_arg(vm, h, "py_ComputeThread_submit_exec")?;
        let src = str_arg(vm, source, "py_ComputeThread_submit_exec", "source")?.to_string();
        submit(vm, &h, pkpy::exec_job(src))
    })
}

/// Evaluate an expression on the thread's VM; its value is pickled back.
/// Errors as for `py_ComputeThread_submit_exec`.
#[no_mangle]
pub extern "C" fn py_ComputeThread_submit_eval(h: *mut py_ComputeThread, source: *const c_char) -> bool {
    raising("py_ComputeThread_submit_eval", false, |vm| {
        let h = ct_arg(vm, h, "py_ComputeThread_submit_eval")?;
        let src = str_arg(vm, source, "py_ComputeThread_submit_eval", "source")?.to_string();
        submit(vm, &h, pkpy::eval_job(src))
    })
}

/// Call `eval(eval_src)(*args_tuple, **kwargs)` on the thread's VM; the
/// arguments are pickled here, the value pickled back. Errors as for
/// `py_ComputeThread_submit_exec`, and TypeError for a non-tuple `args_tuple`
/// or a non-dict `kwargs_or_null` (both may be NULL).
#[no_mangle]
pub extern "C" fn py_ComputeThread_submit_call(h: *mut py_ComputeThread, eval_src: *const c_char, args_tuple: py_Ref, kwargs_or_null: py_Ref) -> bool {
    raising("py_ComputeThread_submit_call", false, |vm| {
        let h = ct_arg(vm, h, "py_ComputeThread_submit_call")?;
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
        submit(vm, &h, job)
    })
}

/// Has the last job finished (true when none was submitted)? An invalid
/// handle is reported on stderr and gives true, so wait loops end.
#[no_mangle]
pub extern "C" fn py_ComputeThread_is_done(h: *mut py_ComputeThread) -> bool {
    no_vm_or("py_ComputeThread_is_done", true, || ct_or_misuse(h, "py_ComputeThread_is_done").ct.is_done())
}

/// Interrupt the job a ComputeThread is running (it fails with
/// `KeyboardInterrupt`; `py_ComputeThread_last_error` has the traceback).
/// False when no job runs (nothing is left pending); an invalid handle is
/// reported on stderr and gives false.
#[no_mangle]
pub extern "C" fn py_ComputeThread_interrupt(h: *mut py_ComputeThread) -> bool {
    no_vm_or("py_ComputeThread_interrupt", false, || ct_or_misuse(h, "py_ComputeThread_interrupt").ct.interrupt())
}

/// Block until the job finishes or `timeout_ms` passes (-1: forever); true
/// when done. An invalid handle is reported on stderr and gives true.
#[no_mangle]
pub extern "C" fn py_ComputeThread_wait(h: *mut py_ComputeThread, timeout_ms: c_int) -> bool {
    no_vm_or("py_ComputeThread_wait", true, || {
        let h = ct_or_misuse(h, "py_ComputeThread_wait");
        let t = if timeout_ms < 0 { None } else { Some(Duration::from_millis(timeout_ms as u64)) };
        h.ct.wait(t)
    })
}

/// Unpickle the last job's value into the current VM's `py_retval()`.
/// False with a pending exception when the job failed (the remote traceback
/// is in the message), is still running, or the handle is invalid.
#[no_mangle]
pub extern "C" fn py_ComputeThread_last_retval(h: *mut py_ComputeThread) -> bool {
    raising("py_ComputeThread_last_retval", false, |vm| {
        let h = ct_arg(vm, h, "py_ComputeThread_last_retval")?;
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

/// The formatted traceback of the last job when it failed, else NULL (also
/// for an invalid handle, with a message on stderr). Valid until the next
/// call with this handle.
#[no_mangle]
pub extern "C" fn py_ComputeThread_last_error(h: *mut py_ComputeThread) -> *const c_char {
    no_vm("py_ComputeThread_last_error", || {
        let h = ct_or_misuse(h, "py_ComputeThread_last_error");
        if !h.ct.is_done() {
            return std::ptr::null();
        }
        match h.ct.last() {
            Some(JobOutcome::Error { traceback, .. }) => {
                let mut e = h.last_error.lock().unwrap_or_else(|e| e.into_inner());
                *e = CString::new(traceback.trim_end().replace('\0', "\\0")).unwrap_or_default();
                e.as_ptr()
            }
            _ => std::ptr::null(),
        }
    })
}

/// Stop the thread (after its running job) and free the handle. NULL is
/// ignored; a handle already deleted (or never made) is reported on stderr
/// and otherwise ignored, so deleting twice is safe. Called from the
/// thread's own job (which would wait for itself) it is refused likewise.
#[no_mangle]
pub extern "C" fn py_ComputeThread_delete(h: *mut py_ComputeThread) {
    no_vm("py_ComputeThread_delete", || {
        if let Ok(ct) = ct_of(h, "py_ComputeThread_delete") {
            if vm_table::current_index() == Some(ct.ct.index()) {
                misuse("py_ComputeThread_delete: called from the ComputeThread's own job");
            }
        }
        // Dropping the last reference closes the thread and joins it.
        drop(unregister(h as usize, "py_ComputeThread_delete", "ComputeThread", |e| matches!(e, Entry::Ct(_))));
    })
}

// ---------------------------------------------------------------- worker pools

fn future_or_misuse(f: *mut py_Future, fname: &str) -> Arc<FutureEntry> {
    future_of(f, fname).unwrap_or_else(|e| misuse(&e))
}

/// Start a pool of `n` workers on free VM slots (never the caller's). NULL,
/// with a pending exception, when `n` is out of range or too few slots are
/// free. The worker VMs get the current VM's `py_allowfilesystem` setting.
#[no_mangle]
pub extern "C" fn py_WorkerPool_new(n: c_int) -> *mut py_WorkerPool {
    raising("py_WorkerPool_new", std::ptr::null_mut(), |vm| {
        if n < 1 || n as usize >= vm_table::MAX_VMS {
            return Err(vm.value_error(format!("WorkerPool needs 1 to {} workers, got {}", vm_table::MAX_VMS - 1, n)));
        }
        match WorkerPool::spawn(n as usize, vm.index) {
            Ok(pool) => {
                let allow = vm.allow_fs;
                if let Ok(setup) = pool.broadcast(|| fs_setting_job(allow)) {
                    for f in setup {
                        f.wait(None);
                    }
                }
                Ok(register(Entry::Pool(Arc::new(pool))) as *mut py_WorkerPool)
            }
            Err(e) => Err(vm.value_error(e)),
        }
    })
}

/// Queue `eval(eval_src)(*args, **kwargs)` for the first free worker.
/// `args` is a tuple or NULL, `kwargs` a dict or NULL; they are pickled here.
/// Returns the job's future, or NULL with a pending exception (TypeError for
/// an invalid pool handle or a NULL `eval_src`).
#[no_mangle]
pub extern "C" fn py_WorkerPool_submit_call(pool: *mut py_WorkerPool, eval_src: *const c_char, args: py_Ref, kwargs: py_Ref) -> *mut py_Future {
    raising("py_WorkerPool_submit_call", std::ptr::null_mut(), |vm| {
        let pool = pool_of(pool, "py_WorkerPool_submit_call").map_err(|e| vm.type_error(e))?;
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
        let cell = pool.submit(job?).map_err(|e| vm.new_error(TP_RUNTIME_ERROR, e))?;
        let e = FutureEntry { cell, error: Mutex::new(CString::default()) };
        Ok(register(Entry::Future(Arc::new(e))) as *mut py_Future)
    })
}

/// Block until the job finishes (or is cancelled) or `timeout_ms` passes
/// (-1: forever); true when it has. An invalid handle is reported on stderr
/// and gives true.
#[no_mangle]
pub extern "C" fn py_Future_wait(f: *mut py_Future, timeout_ms: c_int) -> bool {
    no_vm_or("py_Future_wait", true, || {
        let f = future_or_misuse(f, "py_Future_wait");
        let t = if timeout_ms < 0 { None } else { Some(Duration::from_millis(timeout_ms as u64)) };
        f.cell.wait(t)
    })
}

/// Unpickle the job's value into the current VM's `py_retval()`. False with
/// a pending exception when the job failed (remote traceback in the
/// message), was cancelled, has not finished, or the handle is invalid.
#[no_mangle]
pub extern "C" fn py_Future_result(f: *mut py_Future) -> bool {
    raising("py_Future_result", false, |vm| {
        let f = future_of(f, "py_Future_result").map_err(|e| vm.type_error(e))?;
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

/// The formatted traceback when the job failed, else NULL (also for an
/// invalid handle, with a message on stderr). Valid until the next call
/// with this future.
#[no_mangle]
pub extern "C" fn py_Future_error(f: *mut py_Future) -> *const c_char {
    no_vm("py_Future_error", || {
        let f = future_or_misuse(f, "py_Future_error");
        match f.cell.state() {
            FutureState::Done(JobOutcome::Error { traceback, .. }) => {
                let mut e = f.error.lock().unwrap_or_else(|e| e.into_inner());
                *e = CString::new(traceback.trim_end().replace('\0', "\\0")).unwrap_or_default();
                e.as_ptr()
            }
            _ => std::ptr::null(),
        }
    })
}

/// Cancel the job if it has not started; true when it is cancelled. An
/// invalid handle is reported on stderr and gives false.
#[no_mangle]
pub extern "C" fn py_Future_cancel(f: *mut py_Future) -> bool {
    no_vm("py_Future_cancel", || future_or_misuse(f, "py_Future_cancel").cell.cancel())
}

/// Free a future (the job itself still runs). NULL is ignored; deleting
/// twice (or an invalid handle) is reported on stderr and otherwise ignored.
#[no_mangle]
pub extern "C" fn py_Future_delete(f: *mut py_Future) {
    no_vm("py_Future_delete", || {
        drop(unregister(f as usize, "py_Future_delete", "Future", |e| matches!(e, Entry::Future(_))));
    })
}

/// Shut the pool down: queued jobs still run, then the workers exit and
/// release their VM slots; this waits for them. NULL is ignored; deleting
/// twice (or an invalid handle) is reported on stderr and otherwise ignored,
/// as is a call from one of the pool's own jobs.
#[no_mangle]
pub extern "C" fn py_WorkerPool_delete(pool: *mut py_WorkerPool) {
    no_vm("py_WorkerPool_delete", || {
        if let Ok(p) = pool_of(pool, "py_WorkerPool_delete") {
            if vm_table::current_index().is_some_and(|i| p.indices().contains(&i)) {
                misuse("py_WorkerPool_delete: called from one of the pool's own jobs");
            }
        }
        // Dropping the last reference shuts the pool down and joins it.
        drop(unregister(pool as usize, "py_WorkerPool_delete", "WorkerPool", |e| matches!(e, Entry::Pool(_))));
    })
}
