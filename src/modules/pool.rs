//! `pkpy.WorkerPool` and `pkpy.Future` (see runtime/worker_pool.rs).
//!
//! `WorkerPool(n)` starts n workers on free VM slots. `submit(fn, *args,
//! **kwargs)` returns a `Future`; `fn` is the source of an expression the
//! worker evaluates (usually the name of a function defined there with
//! `exec`), or a module-level function or class, sent by reference. Values
//! cross VMs pickled. Done-callbacks run on the submitting VM's thread, the
//! next time it touches the pool or one of its futures.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use super::pkpy::{call_job_for, exec_job, outcome_to_value, str_arg, sys_path_job, timeout_arg, wait_interruptibly};
use crate::runtime::compute_thread::JobOutcome;
use crate::runtime::names::Name;
use crate::runtime::worker_pool::{FutureCell, FutureState, WorkerPool};
use crate::vm::exceptions::*;
use crate::vm::heap::{with_native, NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

struct PoolData {
    pool: WorkerPool,
    /// Futures of this pool with callbacks not yet run.
    watched: Vec<Value>,
}

impl NativeData for PoolData {
    fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.extend_from_slice(&self.watched);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

struct FutData {
    cell: Arc<FutureCell>,
    /// The pool object (NIL for futures made elsewhere).
    pool: Value,
    callbacks: Vec<Value>,
}

impl NativeData for FutData {
    fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.push(self.pool);
        out.extend_from_slice(&self.callbacks);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_pool<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut PoolData) -> R) -> PyResult<R> {
    with_native(v, f).ok_or_else(|| vm.new_error(TP_TYPE_ERROR, "expected a WorkerPool"))
}

fn with_fut<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut FutData) -> R) -> PyResult<R> {
    with_native(v, f).ok_or_else(|| vm.new_error(TP_TYPE_ERROR, "expected a Future"))
}

fn cell_of(vm: &mut Vm, fut: &Value) -> PyResult<Arc<FutureCell>> {
    with_fut(vm, fut, |d| d.cell.clone())
}

/// `pkpy.CancelledError`, made with the module.
fn cancelled_error(vm: &mut Vm) -> crate::vm::Raised {
    let t = vm.native_types.get("pkpy.CancelledError").copied().unwrap_or(TP_RUNTIME_ERROR);
    vm.new_error(t, "the job was cancelled")
}

/// Run the callbacks of this pool's futures that have settled. A failing
/// callback is reported on stderr with its traceback, as CPython's
/// concurrent.futures logs it, and does not stop the others.
fn fire_callbacks(vm: &mut Vm, pool: &Value) -> PyResult<()> {
    if pool.is_nil() {
        return Ok(());
    }
    let watched = with_pool(vm, pool, |p| std::mem::take(&mut p.watched))?;
    if watched.is_empty() {
        return Ok(());
    }
    for w in &watched {
        vm.keep_alive(*w);
    }
    let mut keep = Vec::new();
    for fut in watched {
        let cell = cell_of(vm, &fut)?;
        if !cell.is_settled() {
            keep.push(fut);
            continue;
        }
        run_callbacks(vm, &fut)?;
    }
    with_pool(vm, pool, |p| p.watched.extend(keep))?;
    Ok(())
}

fn run_callbacks(vm: &mut Vm, fut: &Value) -> PyResult<()> {
    let cbs = with_fut(vm, fut, |d| std::mem::take(&mut d.callbacks))?;
    for cb in cbs {
        vm.keep_alive(cb);
        if vm.call(&cb, &[*fut]).is_err() {
            let e = vm.take_exc();
            let text = vm.format_exception(&e);
            eprintln!("exception calling callback for <Future>\n{}", text.trim_end());
        }
    }
    Ok(())
}

fn pool_of(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    with_fut(vm, fut, |d| d.pool)
}

fn new_future(vm: &mut Vm, cell: Arc<FutureCell>, pool: Value) -> Value {
    let t = vm.native_types.get("pkpy.Future").copied().unwrap_or(TP_OBJECT);
    let d = FutData { cell, pool, callbacks: Vec::new() };
    vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(d))), None)
}

/// The value of a settled future, or its error / CancelledError raised.
fn settled_value(vm: &mut Vm, cell: &FutureCell) -> PyResult<Value> {
    match cell.state() {
        FutureState::Done(out) => outcome_to_value(vm, Some(out)),
        FutureState::Cancelled => Err(cancelled_error(vm)),
        _ => Ok(Value::NONE),
    }
}

fn wait_or_timeout(vm: &mut Vm, cell: &FutureCell, timeout: Option<Duration>) -> PyResult<()> {
    if wait_interruptibly(vm, timeout, |_, t| Ok(cell.wait(t)))? {
        Ok(())
    } else {
        Err(vm.new_error(TP_TIMEOUT_ERROR, "the job did not finish in time"))
    }
}

fn pool_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = a.first().and_then(|v| v.as_type()).unwrap_or(TP_OBJECT);
    let n = match a.get(1) {
        Some(v) if v.is_small_int() => v.as_i64(),
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "WorkerPool() takes the number of workers (int)")),
    };
    if !(1..crate::runtime::vm_table::MAX_VMS as i64).contains(&n) {
        return Err(vm.new_error(TP_VALUE_ERROR, format!("WorkerPool needs 1 to {} workers, got {}", crate::runtime::vm_table::MAX_VMS - 1, n)));
    }
    let pool = WorkerPool::spawn(n as usize, vm.index).map_err(|e| vm.new_error(TP_VALUE_ERROR, e))?;
    // Workers import like this VM does: give them its sys.path.
    let mut jobs = Vec::new();
    for _ in 0..pool.size() {
        jobs.push(sys_path_job(vm)?);
    }
    let jobs = std::cell::RefCell::new(jobs);
    let setup = pool
        .broadcast(|| jobs.borrow_mut().pop().expect("one job per worker"))
        .map_err(|e| vm.new_error(TP_RUNTIME_ERROR, e))?;
    for f in setup {
        f.wait(None);
    }
    let d = PoolData { pool, watched: Vec::new() };
    Ok(vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(d))), None))
}

fn submit(vm: &mut Vm, pool: &Value, f: Value, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    fire_callbacks(vm, pool)?;
    let job = call_job_for(vm, f, args, kw)?;
    let cell = with_pool(vm, pool, |p| p.pool.submit(job))?.map_err(|e| vm.new_error(TP_RUNTIME_ERROR, e))?;
    Ok(new_future(vm, cell, *pool))
}

fn kw_only(vm: &mut Vm, kw: &[(Name, Value)], allowed: &[&str], fname: &str) -> PyResult<Vec<Option<Value>>> {
    let mut out = vec![None; allowed.len()];
    for (k, v) in kw {
        match allowed.iter().position(|a| *a == k.as_str()) {
            Some(i) => out[i] = Some(*v),
            None => return Err(vm.new_error(TP_TYPE_ERROR, format!("{}() got an unexpected keyword argument '{}'", fname, k))),
        }
    }
    Ok(out)
}

pub(crate) fn add_to(vm: &mut Vm, m: &Value) {
    let ce = vm.new_builtin_type("CancelledError", TP_EXCEPTION, "pkpy");
    vm.native_types.insert("pkpy.CancelledError", ce);
    let ceo = vm.types[ce as usize].obj;
    vm.module_set(m, "CancelledError", ceo);

    let ft = vm.new_builtin_type("Future", TP_OBJECT, "pkpy");
    vm.types[ft as usize].subclassable = false;
    vm.native_types.insert("pkpy.Future", ft);
    vm.bind_method_kw(ft, "result", |vm, a, kw| {
        let timeout = timeout_arg(vm, a.get(1), kw)?;
        let cell = cell_of(vm, &a[0])?;
        wait_or_timeout(vm, &cell, timeout)?;
        let pool = pool_of(vm, &a[0])?;
        run_callbacks(vm, &a[0])?;
        fire_callbacks(vm, &pool)?;
        settled_value(vm, &cell)
    });
    vm.bind_method_kw(ft, "exception", |vm, a, kw| {
        let timeout = timeout_arg(vm, a.get(1), kw)?;
        let cell = cell_of(vm, &a[0])?;
        wait_or_timeout(vm, &cell, timeout)?;
        run_callbacks(vm, &a[0])?;
        match settled_value(vm, &cell) {
            Ok(_) => Ok(Value::NONE),
            Err(_) => {
                let e = vm.take_exc();
                if e.ty() == vm.native_types.get("pkpy.CancelledError").copied().unwrap_or(TP_NIL) {
                    vm.exc = Some(e);
                    return Err(crate::vm::Raised);
                }
                Ok(e)
            }
        }
    });
    vm.bind_method(ft, "done", 1, |vm, a| {
        let cell = cell_of(vm, &a[0])?;
        let done = cell.is_settled();
        if done {
            run_callbacks(vm, &a[0])?;
        }
        let pool = pool_of(vm, &a[0])?;
        fire_callbacks(vm, &pool)?;
        Ok(Value::bool(done))
    });
    vm.bind_method(ft, "running", 1, |vm, a| Ok(Value::bool(matches!(cell_of(vm, &a[0])?.state(), FutureState::Running))));
    vm.bind_method(ft, "cancelled", 1, |vm, a| Ok(Value::bool(matches!(cell_of(vm, &a[0])?.state(), FutureState::Cancelled))));
    vm.bind_method(ft, "cancel", 1, |vm, a| {
        let ok = cell_of(vm, &a[0])?.cancel();
        if ok {
            run_callbacks(vm, &a[0])?;
        }
        Ok(Value::bool(ok))
    });
    vm.bind_method(ft, "add_done_callback", 2, |vm, a| {
        let cell = cell_of(vm, &a[0])?;
        if cell.is_settled() {
            // As CPython: a settled future calls the callback at once.
            let fut = a[0];
            if vm.call(&a[1], &[fut]).is_err() {
                let e = vm.take_exc();
                let text = vm.format_exception(&e);
                eprintln!("exception calling callback for <Future>\n{}", text.trim_end());
            }
            return Ok(Value::NONE);
        }
        let cb = a[1];
        let first = with_fut(vm, &a[0], |d| {
            d.callbacks.push(cb);
            d.callbacks.len() == 1
        })?;
        let pool = pool_of(vm, &a[0])?;
        if first && !pool.is_nil() {
            let fut = a[0];
            with_pool(vm, &pool, |p| p.watched.push(fut))?;
        }
        Ok(Value::NONE)
    });
    vm.bind_method(ft, "__repr__", 1, |vm, a| {
        let state = match cell_of(vm, &a[0])?.state() {
            FutureState::Pending => "pending",
            FutureState::Running => "running",
            FutureState::Done(JobOutcome::Value(_)) => "finished",
            FutureState::Done(JobOutcome::Error { .. }) => "finished raised",
            FutureState::Cancelled => "cancelled",
        };
        Ok(vm.new_string(format!("<Future state={}>", state)))
    });
    let fto = vm.types[ft as usize].obj;
    vm.module_set(m, "Future", fto);

    let t = vm.new_builtin_type("WorkerPool", TP_OBJECT, "pkpy");
    vm.types[t as usize].subclassable = false;
    vm.bind_static(t, "__new__", -1, pool_new);
    vm.bind_method(t, "__init__", -1, |_, _| Ok(Value::NONE));
    vm.bind_method_kw(t, "submit", |vm, a, kw| {
        if a.len() < 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "submit() missing required argument 'fn'"));
        }
        submit(vm, &a[0], a[1], &a[2..], kw)
    });
    vm.bind_method_kw(t, "map", |vm, a, kw| {
        let opts = kw_only(vm, kw, &["timeout"], "map")?;
        if a.len() < 3 {
            return Err(vm.new_error(TP_TYPE_ERROR, "map() takes a function and at least one iterable"));
        }
        let timeout = timeout_arg(vm, opts[0].as_ref(), &[])?;
        // map(fn, it1, it2, ...) zips its iterables, as the builtin does.
        let mut cols = Vec::new();
        for it in &a[2..] {
            let items = vm.collect_iter(it)?;
            for x in &items {
                vm.keep_alive(*x);
            }
            cols.push(items);
        }
        let n = cols.iter().map(|c| c.len()).min().unwrap_or(0);
        let mut futs = Vec::with_capacity(n);
        for i in 0..n {
            let args: Vec<Value> = cols.iter().map(|c| c[i]).collect();
            let f = submit(vm, &a[0], a[1], &args, &[])?;
            vm.keep_alive(f);
            futs.push(f);
        }
        let deadline = timeout.map(|t| std::time::Instant::now() + t);
        let mut out = Vec::with_capacity(n);
        for f in &futs {
            let cell = cell_of(vm, f)?;
            let left = deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()));
            if let Err(e) = wait_or_timeout(vm, &cell, left) {
                for g in &futs {
                    let _ = cell_of(vm, g).map(|c| c.cancel());
                }
                return Err(e);
            }
            match settled_value(vm, &cell) {
                Ok(v) => {
                    vm.keep_alive(v);
                    out.push(v);
                }
                Err(e) => {
                    for g in &futs {
                        let _ = cell_of(vm, g).map(|c| c.cancel());
                    }
                    return Err(e);
                }
            }
        }
        fire_callbacks(vm, &a[0])?;
        Ok(vm.new_list(out))
    });
    vm.bind_method(t, "exec", 2, |vm, a| {
        let src = str_arg(vm, &a[1])?;
        fire_callbacks(vm, &a[0])?;
        let cells = with_pool(vm, &a[0], |p| p.pool.broadcast(|| exec_job(src.clone())))?.map_err(|e| vm.new_error(TP_RUNTIME_ERROR, e))?;
        for c in &cells {
            wait_interruptibly(vm, None, |_, t| Ok(c.wait(t)))?;
        }
        for c in &cells {
            settled_value(vm, c)?;
        }
        Ok(Value::NONE)
    });
    vm.bind_method_kw(t, "shutdown", |vm, a, kw| {
        let opts = kw_only(vm, kw, &["wait", "cancel_futures"], "shutdown")?;
        let wait = match a.get(1).copied().or(opts[0]) {
            Some(v) => vm.truthy(&v)?,
            None => true,
        };
        let cancel = match opts[1] {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        if cancel {
            with_pool(vm, &a[0], |p| p.pool.cancel_pending())?;
        }
        with_pool(vm, &a[0], |p| p.pool.shutdown(wait))?;
        fire_callbacks(vm, &a[0])?;
        Ok(Value::NONE)
    });
    vm.bind_property(t, "workers", |vm, a| {
        let ix = with_pool(vm, &a[0], |p| p.pool.indices())?;
        let items = ix.into_iter().map(|i| Value::int(i as i64)).collect();
        Ok(vm.new_list(items))
    });
    vm.bind_method(t, "__enter__", 1, |_, a| Ok(a[0]));
    vm.bind_method(t, "__exit__", -1, |vm, a| {
        with_pool(vm, &a[0], |p| p.pool.shutdown(true))?;
        fire_callbacks(vm, &a[0])?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let (n, down) = with_pool(vm, &a[0], |p| (p.pool.size(), p.pool.is_shut_down()))?;
        Ok(vm.new_string(format!("<WorkerPool workers={}{}>", n, if down { " shut down" } else { "" })))
    });
    let to = vm.types[t as usize].obj;
    vm.module_set(m, "WorkerPool", to);
}
