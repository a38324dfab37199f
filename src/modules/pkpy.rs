//! The `pkpy` module: `currentvm()`, `ComputeThread` (pocketpy's API, on
//! top of `runtime::compute_thread`) and `memory_usage()`.

use std::any::Any;
use std::cell::RefCell;
use std::time::Duration;

use crate::modules::pickle;
use crate::runtime::compute_thread::{ComputeThread, Job, JobOutcome, SubmitError};
use crate::runtime::names::Name;
use crate::runtime::vm_table;
use crate::vm::exceptions::*;
use crate::vm::heap::{with_native, NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

struct CtData {
    ct: ComputeThread,
}

impl NativeData for CtData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("pkpy".into(), make);
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("pkpy");
    vm.module_fn(&m, "currentvm", 0, |vm, _| Ok(Value::int(vm.index as i64)));
    vm.module_fn(&m, "memory_usage", 0, |vm, _| Ok(Value::int(vm.heap.len() as i64 * 64 + (vm.sp as i64) * 16)));
    vm.module_fn(&m, "watchdog_begin", 1, |vm, a| {
        let ms = crate::objects::str::ssize_arg(vm, &a[0])?;
        vm.limits.script_deadline = Some(crate::vm::limits::deadline_in(ms));
        Ok(Value::NONE)
    });
    vm.module_fn(&m, "watchdog_end", 0, |vm, _| {
        // Ends the script's own watchdog; a host's (py_watchdog_begin) stays.
        vm.limits.script_deadline = None;
        Ok(Value::NONE)
    });
    vm.module_fn(&m, "heap_limit", 0, |vm, _| Ok(Value::int(vm.heap.limit() as i64)));
    vm.module_fn(&m, "set_heap_limit", 1, |vm, a| {
        let n = crate::objects::str::ssize_arg(vm, &a[0])?;
        if n <= 0 {
            return Err(vm.value_error("set_heap_limit() expects a positive number of bytes"));
        }
        let cur = vm.heap.limit();
        // A script may tighten the limit, never loosen one the host set.
        if cur != 0 && n as u64 > cur as u64 {
            return Err(vm.value_error(format!("cannot raise the heap limit above {} bytes", cur)));
        }
        vm.set_heap_limit(n as usize);
        Ok(Value::NONE)
    });
    vm.module_fn(&m, "heap_usage", 0, |vm, _| Ok(Value::int(vm.heap.usage() as i64)));
    // Give the allocator's free pages back to the OS, so the process's RSS
    // reflects live memory; returns the bytes in use (None where unknown).
    vm.module_fn(&m, "trim_memory", 0, |_, _| Ok(crate::vm::heap::trim_process_memory().map(|n| Value::int(n as i64)).unwrap_or(Value::NONE)));
    let t = vm.new_builtin_type("ComputeThread", TP_OBJECT, "pkpy");
    vm.types[t as usize].subclassable = false;
    vm.native_types.insert("pkpy.ComputeThread", t);
    vm.bind_static(t, "__new__", -1, ct_new);
    vm.bind_method(t, "__init__", -1, |_, _| Ok(Value::NONE));
    vm.bind_property(t, "is_done", |vm, a| Ok(Value::bool(with_ct(vm, &a[0], |c| c.is_done())?)));
    vm.bind_method_kw(t, "wait_for_done", |vm, a, kw| {
        let timeout = timeout_arg(vm, a.get(1), kw)?;
        let ct = a[0];
        Ok(Value::bool(wait_interruptibly(vm, timeout, |vm, t| with_ct(vm, &ct, |c| c.wait(t)))?))
    });
    vm.bind_method(t, "last_error", 1, |vm, a| {
        match finished(vm, &a[0])? {
            Some(JobOutcome::Error { traceback, .. }) => Ok(vm.new_string(traceback)),
            _ => Ok(Value::NONE),
        }
    });
    vm.bind_method(t, "last_retval", 1, |vm, a| match finished(vm, &a[0])? {
        Some(JobOutcome::Value(bytes)) if !bytes.is_empty() => pickle::loads(vm, &bytes),
        _ => Ok(Value::NONE),
    });
    vm.bind_method_kw(t, "result", |vm, a, kw| {
        let timeout = timeout_arg(vm, a.get(1), kw)?;
        let ct = a[0];
        if !wait_interruptibly(vm, timeout, |vm, t| with_ct(vm, &ct, |c| c.wait(t)))? {
            return Err(vm.new_error(TP_TIMEOUT_ERROR, "ComputeThread job did not finish in time"));
        }
        outcome_value(vm, &a[0])
    });
    vm.bind_method(t, "submit_exec", 2, |vm, a| {
        let src = str_arg(vm, &a[1])?;
        submit(vm, &a[0], exec_job(src))?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "submit_eval", 2, |vm, a| {
        let src = str_arg(vm, &a[1])?;
        submit(vm, &a[0], eval_job(src))?;
        Ok(Value::NONE)
    });
    vm.bind_method_kw(t, "submit_call", |vm, a, kw| {
        let job = call_job(vm, a, kw)?;
        submit(vm, &a[0], job)?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "exec", 2, |vm, a| {
        let src = str_arg(vm, &a[1])?;
        submit(vm, &a[0], exec_job(src))?;
        let ct = a[0];
        wait_interruptibly(vm, None, |vm, t| with_ct(vm, &ct, |c| c.wait(t)))?;
        outcome_value(vm, &a[0])
    });
    vm.bind_method(t, "eval", 2, |vm, a| {
        let src = str_arg(vm, &a[1])?;
        submit(vm, &a[0], eval_job(src))?;
        let ct = a[0];
        wait_interruptibly(vm, None, |vm, t| with_ct(vm, &ct, |c| c.wait(t)))?;
        outcome_value(vm, &a[0])
    });
    vm.bind_method(t, "interrupt", 1, |vm, a| Ok(Value::bool(with_ct(vm, &a[0], |c| c.interrupt())?)));
    vm.bind_method(t, "close", 1, |vm, a| {
        with_ct(vm, &a[0], |c| c.close())?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "__enter__", 1, |_, a| Ok(a[0]));
    vm.bind_method(t, "__exit__", -1, |vm, a| {
        with_ct(vm, &a[0], |c| c.close())?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let i = with_ct(vm, &a[0], |c| c.index())?;
        Ok(vm.new_string(format!("<ComputeThread vm={}>", i)))
    });
    let tobj = vm.types[t as usize].obj;
    vm.module_set(&m, "ComputeThread", tobj);
    super::pool::add_to(vm, &m);
    Ok(m)
}

/// Wait through `wait(vm, slice) -> done` in slices of at most 20 ms, so
/// the waiting VM's interrupt and watchdog still end the wait (raised here).
pub(crate) fn wait_interruptibly(vm: &mut Vm, timeout: Option<Duration>, mut wait: impl FnMut(&mut Vm, Option<Duration>) -> PyResult<bool>) -> PyResult<bool> {
    const SLICE: Duration = Duration::from_millis(20);
    let end = timeout.and_then(|t| std::time::Instant::now().checked_add(t));
    loop {
        let slice = match end {
            Some(e) => e.saturating_duration_since(std::time::Instant::now()).min(SLICE),
            None => SLICE,
        };
        if wait(vm, Some(slice))? {
            return Ok(true);
        }
        vm.check_interrupts()?;
        if end.is_some_and(|e| std::time::Instant::now() >= e) {
            return Ok(false);
        }
    }
}

fn with_ct<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut ComputeThread) -> R) -> PyResult<R> {
    with_native(v, |d: &mut CtData| f(&mut d.ct)).ok_or_else(|| vm.new_error(TP_TYPE_ERROR, "expected a ComputeThread"))
}

fn ct_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = a.first().and_then(|v| v.as_type()).unwrap_or(TP_OBJECT);
    let idx = match a.get(1) {
        Some(v) if v.is_small_int() => v.as_i64(),
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "ComputeThread() takes a VM index (int)")),
    };
    if !(1..vm_table::MAX_VMS as i64).contains(&idx) {
        return Err(vm.new_error(TP_VALUE_ERROR, format!("index {} is out of range [1, {})", idx, vm_table::MAX_VMS)));
    }
    if idx as usize == vm.index || vm_table::is_held(idx as usize) {
        return Err(vm.new_error(TP_VALUE_ERROR, format!("index {} is already in use", idx)));
    }
    let ct = match ComputeThread::spawn(idx as usize) {
        Ok(c) => c,
        Err(e) => return Err(vm.new_error(TP_VALUE_ERROR, e)),
    };
    // The worker imports like this VM does: copy sys.path.
    let setup = sys_path_job(vm)?;
    let _ = ct.submit(setup);
    ct.wait(None);
    let data = CtData { ct };
    Ok(vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(data))), None))
}

/// A job that puts this VM's `sys.path` in front of a worker's, so the
/// worker imports what this VM would (functions sent by reference), and
/// gives the worker this VM's file-system setting: the workers of a
/// sandboxed VM are sandboxed too.
pub(crate) fn sys_path_job(vm: &mut Vm) -> PyResult<Job> {
    let sp = vm.sys_path;
    let path: Vec<String> = vm.collect_iter(&sp)?.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect();
    let allow_fs = vm.allow_fs;
    Ok(Box::new(move |wvm: &mut Vm| {
        wvm.allow_fs = allow_fs;
        let items: Vec<Value> = path.iter().map(|s| wvm.new_str(s)).collect();
        if let Some(l) = wvm.sys_path.list() {
            let mut l = l.borrow_mut();
            for (i, it) in items.into_iter().enumerate() {
                l.insert(i, it);
            }
        }
        JobOutcome::Value(Vec::new())
    }))
}

pub(crate) fn str_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = format!("expected str, got {}", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

pub(crate) fn timeout_arg(vm: &mut Vm, pos: Option<&Value>, kw: &[(Name, Value)]) -> PyResult<Option<Duration>> {
    let mut v = pos.copied();
    for (k, x) in kw {
        if k.as_str() == "timeout" {
            v = Some(*x);
        } else {
            return Err(vm.new_error(TP_TYPE_ERROR, format!("unexpected keyword argument '{}'", k)));
        }
    }
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => {
            let secs = match crate::objects::num::as_num(&x) {
                Some(n) => crate::objects::num::to_f64(&n),
                None => return Err(vm.new_error(TP_TYPE_ERROR, "timeout must be a number or None")),
            };
            if !(secs >= 0.0) || !secs.is_finite() {
                return Err(vm.new_error(TP_VALUE_ERROR, "timeout must be a non-negative number"));
            }
            // A finite timeout too long for a Duration (10**30) is an
            // OverflowError, as in CPython's threading, never a panic.
            match Duration::try_from_secs_f64(secs) {
                Ok(d) => Ok(Some(d)),
                Err(_) => Err(vm.new_error(TP_OVERFLOW_ERROR, "timeout value is too large")),
            }
        }
    }
}

fn submit(vm: &mut Vm, ct: &Value, job: Job) -> PyResult<()> {
    match with_ct(vm, ct, |c| c.submit(job))? {
        Ok(()) => Ok(()),
        Err(SubmitError::Busy) => Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread is busy: wait for the running job first")),
        Err(SubmitError::Closed) => Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread is closed")),
    }
}

/// The last outcome; an error if a job is still running.
fn finished(vm: &mut Vm, ct: &Value) -> PyResult<Option<JobOutcome>> {
    let (done, last) = with_ct(vm, ct, |c| (c.is_done(), c.last()))?;
    if !done {
        return Err(vm.new_error(TP_RUNTIME_ERROR, "ComputeThread job is not done yet"));
    }
    Ok(last)
}

/// The last job's value, or its error raised here with the remote traceback.
fn outcome_value(vm: &mut Vm, ct: &Value) -> PyResult<Value> {
    let out = finished(vm, ct)?;
    outcome_to_value(vm, out)
}

/// A job's value, or its error raised here (same builtin exception type
/// where there is one, else RuntimeError) with the remote traceback.
pub(crate) fn outcome_to_value(vm: &mut Vm, out: Option<JobOutcome>) -> PyResult<Value> {
    match out {
        Some(JobOutcome::Value(bytes)) => {
            if bytes.is_empty() {
                Ok(Value::NONE)
            } else {
                pickle::loads(vm, &bytes)
            }
        }
        Some(JobOutcome::Error { type_name, message, traceback }) => {
            let t = vm.exception_type_by_name(&type_name).filter(|t| vm.is_subtype(*t, TP_EXCEPTION)).unwrap_or(TP_RUNTIME_ERROR);
            let msg = format!("{}\n\nRemote traceback:\n{}", message, traceback.trim_end());
            Err(vm.new_error(t, msg))
        }
        None => Ok(Value::NONE),
    }
}

/// Report the worker VM's pending exception as a job error.
pub(crate) fn error_outcome(vm: &mut Vm) -> JobOutcome {
    let e = vm.take_exc();
    let type_name = vm.tp(e.ty()).name.as_str().to_string();
    let message = vm.exc_message(&e);
    let traceback = vm.format_exception(&e);
    JobOutcome::Error { type_name, message, traceback }
}

pub(crate) fn value_outcome(vm: &mut Vm, v: &Value) -> JobOutcome {
    match pickle::dumps(vm, v) {
        Ok(b) => JobOutcome::Value(b),
        Err(_) => error_outcome(vm),
    }
}

pub(crate) fn exec_job(src: String) -> Job {
    Box::new(move |vm: &mut Vm| {
        let main = vm.main_module;
        match vm.exec_in(&src, "<ComputeThread>", &main) {
            Ok(_) => JobOutcome::Value(Vec::new()),
            Err(_) => error_outcome(vm),
        }
    })
}

pub(crate) fn eval_job(src: String) -> Job {
    Box::new(move |vm: &mut Vm| {
        let main = vm.main_module;
        let r = vm.compile_eval_cached(src.trim(), "<ComputeThread>").and_then(|c| vm.run_code(c, main, Value::NIL));
        match r {
            Ok(v) => {
                vm.keep_alive(v);
                let o = value_outcome(vm, &v);
                vm.temp_roots.clear();
                o
            }
            Err(_) => error_outcome(vm),
        }
    })
}

/// `submit_call(eval_src, *args, **kwargs)`: arguments are pickled here, on
/// the submitting side, so unpicklable ones fail before any thread runs.
pub(crate) fn call_job(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Job> {
    if a.len() < 2 {
        return Err(vm.new_error(TP_TYPE_ERROR, "submit_call() missing required argument 'eval_src'"));
    }
    if a[1].as_str().is_none() {
        str_arg(vm, &a[1])?;
    }
    call_job_for(vm, a[1], &a[2..], kw)
}

/// A job calling `f(*args, **kwargs)` on a worker VM. `f` is the source of
/// an expression evaluated there (usually a function's name), or a function
/// or class sent by reference (module and name; the worker imports it, as
/// CPython's ProcessPoolExecutor does). Everything is pickled here.
pub(crate) fn call_job_for(vm: &mut Vm, f: Value, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Job> {
    let src = f.as_str().map(|s| s.trim().to_string());
    let pf = match src {
        Some(_) => Vec::new(),
        None => pickle::dumps(vm, &f)?,
    };
    // No arguments (a common call) pickle to nothing at all.
    let pa = if a.is_empty() {
        Vec::new()
    } else {
        let args = vm.new_tuple(a.to_vec());
        vm.keep_alive(args);
        pickle::dumps(vm, &args)?
    };
    let pk = if kw.is_empty() {
        Vec::new()
    } else {
        let kwargs = vm.new_dict();
        vm.keep_alive(kwargs);
        for (k, v) in kw {
            let ks = vm.name_str(*k);
            vm.dict_set(&kwargs, ks, *v)?;
        }
        pickle::dumps(vm, &kwargs)?
    };
    Ok(Box::new(move |vm: &mut Vm| {
        let main = vm.main_module;
        let r = (|| -> PyResult<Value> {
            let f = match &src {
                Some(src) => {
                    let code = vm.compile_eval_cached(src, "<ComputeThread>")?;
                    vm.run_code(code, main, Value::NIL)?
                }
                None => pickle::loads(vm, &pf)?,
            };
            vm.keep_alive(f);
            let mut argv: Vec<Value> = Vec::new();
            if !pa.is_empty() {
                let args = pickle::loads(vm, &pa)?;
                vm.keep_alive(args);
                argv = args.tuple().map(|t| t.to_vec()).unwrap_or_default();
            }
            let mut kwv: Vec<(Name, Value)> = Vec::new();
            if !pk.is_empty() {
                let kwargs = pickle::loads(vm, &pk)?;
                vm.keep_alive(kwargs);
                for (k, v) in vm.mapping_items(&kwargs)? {
                    kwv.push((Name::new(k.as_str().unwrap_or("")), v));
                }
            }
            vm.call_kw(&f, &argv, &kwv)
        })();
        let out = match r {
            Ok(v) => {
                vm.keep_alive(v);
                value_outcome(vm, &v)
            }
            Err(_) => error_outcome(vm),
        };
        vm.temp_roots.clear();
        out
    }))
}
