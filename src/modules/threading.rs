//! The `threading` module: Lock, RLock, Semaphore, BoundedSemaphore, Event,
//! Condition and Barrier with CPython 3.11's API, on top of the shared
//! primitives of `runtime::sync`.
//!
//! Each object holds an `Arc` to its primitive and pickles as a handle
//! (`threading._from_handle(kind, id)`, id from the process-wide registry),
//! so passing one to a ComputeThread job gives the other VM the same
//! primitive. A blocked call holds nothing of the VM but its own stack: no
//! VM-wide lock, no RefCell borrow.
//!
//! Ownership is the VM index plus the OS thread. A blocking acquire without
//! a timeout of a Lock the same thread already holds (in this VM, or in
//! another one it switched from through the C API) raises
//! `RuntimeError("deadlock: ...")` instead of hanging (CPython would hang
//! unless another thread released it; with a timeout we wait as CPython
//! does). The same for an RLock held by this thread under another VM.
//!
//! A Barrier's action runs in the VM of the last thread to arrive; in
//! another VM than the creator's it is the action as pickled when the
//! barrier was first pickled, so there it must be picklable.

use std::cell::RefCell;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::modules::pickle;
use crate::objects::int::bind_params;
use crate::runtime::names::Name;
use crate::runtime::sync::{self, Acquire, Barrier, BarrierError, CondLock, Condition, Event, Lock, Owner, Queue, RLock, Semaphore};
use crate::vm::exceptions::*;
use crate::vm::heap::{NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// CPython's value on Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

/// A Barrier and its action as pickled for other VMs.
pub struct BarrierShared {
    pub barrier: Barrier,
    pub action: Mutex<Option<Vec<u8>>>,
}

/// The primitive a `threading` or `queue` object points at.
#[derive(Clone)]
pub enum Prim {
    Lock(Arc<Lock>),
    RLock(Arc<RLock>),
    Sem(Arc<Semaphore>),
    Event(Arc<Event>),
    Cond(Arc<Condition>),
    Barrier(Arc<BarrierShared>),
    Queue(Arc<Queue>),
}

/// The native payload of every `threading` / `queue` object.
pub struct Handle {
    pub prim: Prim,
    /// A Python value local to this VM (a Barrier's action), or NIL.
    pub local: Value,
}

impl NativeData for Handle {
    fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        if self.local.is_ptr() {
            out.push(self.local);
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("threading".into(), make);
}

// ---------------------------------------------------------------- shared helpers

pub(crate) fn owner(vm: &Vm) -> Owner {
    Owner::current(vm.index)
}

/// The primitive (cloned out, so no borrow outlives the call) and local value.
pub(crate) fn handle(vm: &mut Vm, v: &Value, what: &str) -> PyResult<(Prim, Value)> {
    if v.is_ptr() {
        if let ObjData::Native(cell) = &v.obj().data {
            if let Some(h) = cell.borrow().as_any().downcast_ref::<Handle>() {
                return Ok((h.prim.clone(), h.local));
            }
        }
    }
    let msg = format!("descriptor requires a '{}' object but received a '{}'", what, vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// A new object of type `cls` around `prim`.
pub(crate) fn new_handle(vm: &mut Vm, cls: TypeId, prim: Prim, local: Value) -> Value {
    let attrs = if vm.tp(cls).has_attrs { Some(Box::default()) } else { None };
    vm.heap.alloc(cls, ObjData::Native(RefCell::new(Box::new(Handle { prim, local }))), attrs)
}

/// Point an existing object at another primitive (`__init__` of the classes
/// whose constructor takes arguments; `__new__` made a default one).
pub(crate) fn set_prim(vm: &mut Vm, v: &Value, prim: Prim, local: Value) -> PyResult<Value> {
    if v.is_ptr() {
        if let ObjData::Native(cell) = &v.obj().data {
            if let Some(h) = cell.borrow_mut().as_any_mut().downcast_mut::<Handle>() {
                h.prim = prim;
                h.local = local;
                return Ok(Value::NONE);
            }
        }
    }
    let msg = format!("__init__ of a threading/queue type called on a '{}' object", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

pub(crate) fn cls_arg(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<TypeId> {
    match a.first().and_then(|v| v.as_type()) {
        Some(t) => Ok(t),
        None => Err(vm.new_error(TP_TYPE_ERROR, format!("{}.__new__(X): X is not a type object", name))),
    }
}

pub(crate) fn number(vm: &mut Vm, v: &Value, what: &str) -> PyResult<f64> {
    match crate::objects::num::as_num(v) {
        Some(n) => Ok(crate::objects::num::to_f64(&n)),
        None => {
            let msg = format!("{} must be a number, not {}", what, vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// Seconds to a Duration, clamping negatives to zero and capping at TIMEOUT_MAX.
pub(crate) fn secs(s: f64) -> Duration {
    if s.is_nan() || s <= 0.0 {
        Duration::ZERO
    } else {
        Duration::from_secs_f64(s.min(TIMEOUT_MAX))
    }
}

/// A `timeout=None` argument of the Python-level classes: None waits forever,
/// a negative number does not wait.
pub(crate) fn opt_timeout(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<Duration>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => {
            let s = number(vm, &x, "timeout")?;
            Ok(Some(secs(s)))
        }
    }
}

/// `sys.modules[name]`, importing it if needed.
pub(crate) fn module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let modules = vm.modules;
    let key = vm.new_str(name);
    vm.keep_alive(key);
    if let Some(m) = vm.dict_get(&modules, &key)? {
        return Ok(m);
    }
    let top = vm.import_name(name, &Value::NONE, &Value::NONE, 0)?;
    vm.keep_alive(top);
    Ok(vm.dict_get(&modules, &key)?.unwrap_or(top))
}

/// `(module._from_handle, (kind, id))`.
pub(crate) fn reduce_handle(vm: &mut Vm, module_name: &str, kind: &str, id: u64) -> PyResult<Value> {
    let m = module(vm, module_name)?;
    let f = match vm.attrs_get(&m, Name::new("_from_handle")) {
        Some(f) => f,
        None => return Err(vm.new_error(TP_TYPE_ERROR, format!("cannot pickle '{}' object", kind))),
    };
    let k = vm.new_str(kind);
    let args = vm.new_tuple(vec![k, Value::int(id as i64)]);
    Ok(vm.new_tuple(vec![f, args]))
}

/// The `(kind, id)` arguments of `_from_handle`.
pub(crate) fn handle_args(vm: &mut Vm, a: &[Value]) -> PyResult<(String, u64)> {
    match (a.first().and_then(|k| k.as_str()), a.get(1)) {
        (Some(k), Some(i)) if i.is_small_int() && i.as_i64() > 0 => Ok((k.to_string(), i.as_i64() as u64)),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "_from_handle() takes a kind (str) and an id (int)")),
    }
}

pub(crate) fn gone(vm: &mut Vm, kind: &str, id: u64) -> crate::vm::Raised {
    pickle::unpickling_error(vm, format!("{} handle {} no longer exists", kind, id))
}

// ---------------------------------------------------------------- types

struct Types {
    lock: TypeId,
    rlock: TypeId,
    sem: TypeId,
    bsem: TypeId,
    event: TypeId,
    cond: TypeId,
    barrier: TypeId,
    broken: TypeId,
}

fn ty(vm: &Vm, name: &'static str) -> TypeId {
    vm.native_types.get(name).copied().unwrap_or(TP_OBJECT)
}

fn types(vm: &mut Vm) -> Types {
    if !vm.native_types.contains_key("threading.Lock") {
        build_types(vm);
    }
    Types {
        lock: ty(vm, "threading.Lock"),
        rlock: ty(vm, "threading.RLock"),
        sem: ty(vm, "threading.Semaphore"),
        bsem: ty(vm, "threading.BoundedSemaphore"),
        event: ty(vm, "threading.Event"),
        cond: ty(vm, "threading.Condition"),
        barrier: ty(vm, "threading.Barrier"),
        broken: ty(vm, "threading.BrokenBarrierError"),
    }
}

fn build_types(vm: &mut Vm) {
    let t = vm.new_builtin_type("Lock", TP_OBJECT, "threading");
    vm.native_types.insert("threading.Lock", t);
    vm.bind_static(t, "__new__", 1, lock_new);
    vm.bind_method(t, "__init__", 1, |_, _| Ok(Value::NONE));
    bind_lock_methods(vm, t);
    vm.bind_method(t, "locked", 1, lock_locked);
    vm.bind_method(t, "__repr__", 1, lock_repr);

    let t = vm.new_builtin_type("RLock", TP_OBJECT, "threading");
    vm.native_types.insert("threading.RLock", t);
    vm.bind_static(t, "__new__", 1, rlock_new);
    vm.bind_method(t, "__init__", 1, |_, _| Ok(Value::NONE));
    bind_lock_methods(vm, t);
    vm.bind_method(t, "_is_owned", 1, lock_is_owned);
    vm.bind_method(t, "__repr__", 1, lock_repr);

    let t = vm.new_builtin_type("Semaphore", TP_OBJECT, "threading");
    vm.native_types.insert("threading.Semaphore", t);
    crate::objects::int::bind_static_kw(vm, t, "__new__", sem_new);
    vm.bind_method_kw(t, "__init__", sem_init);
    vm.bind_method_kw(t, "acquire", sem_acquire);
    vm.bind_method(t, "__enter__", 1, |vm, a| sem_acquire(vm, a, &[]));
    vm.bind_method_kw(t, "release", sem_release);
    vm.bind_method(t, "__exit__", -1, |vm, a| sem_release(vm, &a[..1], &[]));
    vm.bind_property(t, "_value", |vm, a| {
        let s = sem(vm, &a[0])?;
        Ok(Value::int(s.value() as i64))
    });
    vm.bind_method(t, "__repr__", 1, sem_repr);
    vm.bind_method(t, "__reduce__", 1, reduce);
    let b = vm.new_builtin_type("BoundedSemaphore", t, "threading");
    vm.native_types.insert("threading.BoundedSemaphore", b);

    let t = vm.new_builtin_type("Event", TP_OBJECT, "threading");
    vm.native_types.insert("threading.Event", t);
    vm.bind_static(t, "__new__", 1, |vm, a| {
        let cls = cls_arg(vm, a, "Event")?;
        Ok(new_handle(vm, cls, Prim::Event(Arc::new(Event::new())), Value::NIL))
    });
    vm.bind_method(t, "__init__", 1, |_, _| Ok(Value::NONE));
    vm.bind_method(t, "set", 1, |vm, a| {
        event(vm, &a[0])?.set();
        Ok(Value::NONE)
    });
    vm.bind_method(t, "clear", 1, |vm, a| {
        event(vm, &a[0])?.clear();
        Ok(Value::NONE)
    });
    vm.bind_method(t, "is_set", 1, |vm, a| Ok(Value::bool(event(vm, &a[0])?.is_set())));
    vm.bind_method(t, "isSet", 1, |vm, a| Ok(Value::bool(event(vm, &a[0])?.is_set())));
    vm.bind_method_kw(t, "wait", |vm, a, kw| {
        let e = event(vm, &a[0])?;
        let p = bind_params(vm, "wait", &a[1..], kw, &["timeout"], 1)?;
        let timeout = opt_timeout(vm, p[0])?;
        Ok(Value::bool(blocking(vm, || e.wait(timeout))?))
    });
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let set = event(vm, &a[0])?.is_set();
        Ok(vm.new_string(format!("<threading.Event at {:#x}: {}>", a[0].payload, if set { "set" } else { "unset" })))
    });
    vm.bind_method(t, "__reduce__", 1, reduce);

    let t = vm.new_builtin_type("Condition", TP_OBJECT, "threading");
    vm.native_types.insert("threading.Condition", t);
    crate::objects::int::bind_static_kw(vm, t, "__new__", cond_new);
    vm.bind_method_kw(t, "__init__", cond_init);
    bind_lock_methods(vm, t);
    vm.bind_method(t, "_is_owned", 1, lock_is_owned);
    vm.bind_method_kw(t, "wait", cond_wait);
    vm.bind_method_kw(t, "wait_for", cond_wait_for);
    vm.bind_method_kw(t, "notify", cond_notify);
    vm.bind_method(t, "notify_all", 1, cond_notify_all);
    vm.bind_method(t, "notifyAll", 1, cond_notify_all);
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let c = cond(vm, &a[0])?;
        let l = lock_desc(&c.lock().clone(), a[0].payload);
        Ok(vm.new_string(format!("<Condition({}, {})>", l, c.n_waiting())))
    });

    let t = vm.new_builtin_type("Barrier", TP_OBJECT, "threading");
    vm.native_types.insert("threading.Barrier", t);
    crate::objects::int::bind_static_kw(vm, t, "__new__", barrier_new);
    vm.bind_method_kw(t, "__init__", barrier_init);
    vm.bind_method_kw(t, "wait", barrier_wait);
    vm.bind_method(t, "reset", 1, |vm, a| {
        barrier(vm, &a[0])?.barrier.reset();
        Ok(Value::NONE)
    });
    vm.bind_method(t, "abort", 1, |vm, a| {
        barrier(vm, &a[0])?.barrier.abort();
        Ok(Value::NONE)
    });
    vm.bind_property(t, "parties", |vm, a| Ok(Value::int(barrier(vm, &a[0])?.barrier.parties() as i64)));
    vm.bind_property(t, "n_waiting", |vm, a| Ok(Value::int(barrier(vm, &a[0])?.barrier.n_waiting() as i64)));
    vm.bind_property(t, "broken", |vm, a| Ok(Value::bool(barrier(vm, &a[0])?.barrier.broken())));
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let b = barrier(vm, &a[0])?;
        let s = if b.barrier.broken() {
            format!("<threading.Barrier at {:#x}: broken>", a[0].payload)
        } else {
            format!("<threading.Barrier at {:#x}: waiters={}/{}>", a[0].payload, b.barrier.n_waiting(), b.barrier.parties())
        };
        Ok(vm.new_string(s))
    });
    vm.bind_method(t, "__reduce__", 1, reduce);

    let e = vm.new_builtin_type("BrokenBarrierError", TP_RUNTIME_ERROR, "threading");
    vm.native_types.insert("threading.BrokenBarrierError", e);
}

fn bind_lock_methods(vm: &mut Vm, t: TypeId) {
    vm.bind_method_kw(t, "acquire", lock_acquire);
    vm.bind_method(t, "__enter__", 1, |vm, a| lock_acquire(vm, a, &[]));
    vm.bind_method(t, "release", 1, lock_release);
    vm.bind_method(t, "__exit__", -1, |vm, a| lock_release(vm, &a[..1]));
    vm.bind_method(t, "__reduce__", 1, reduce);
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("threading");
    let t = types(vm);
    for (name, id) in [
        ("Lock", t.lock),
        ("RLock", t.rlock),
        ("Semaphore", t.sem),
        ("BoundedSemaphore", t.bsem),
        ("Event", t.event),
        ("Condition", t.cond),
        ("Barrier", t.barrier),
        ("BrokenBarrierError", t.broken),
    ] {
        let obj = vm.types[id as usize].obj;
        vm.module_set(&m, name, obj);
    }
    vm.module_set(&m, "TIMEOUT_MAX", Value::float(TIMEOUT_MAX));
    vm.module_fn(&m, "get_ident", 0, |_, _| Ok(Value::int(sync::thread_ident() as i64)));
    vm.module_fn(&m, "_from_handle", 2, from_handle);
    Ok(m)
}

// ---------------------------------------------------------------- pickling

fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (prim, local) = handle(vm, &a[0], "threading primitive")?;
    let (kind, id) = match &prim {
        Prim::Lock(l) => ("Lock", sync::register(l)),
        Prim::RLock(l) => ("RLock", sync::register(l)),
        Prim::Sem(s) => (if s.bound().is_some() { "BoundedSemaphore" } else { "Semaphore" }, sync::register(s)),
        Prim::Event(e) => ("Event", sync::register(e)),
        Prim::Cond(c) => ("Condition", sync::register(c)),
        Prim::Barrier(b) => {
            if local.is_ptr() {
                let pending = b.action.lock().unwrap_or_else(|e| e.into_inner()).is_none();
                if pending {
                    let bytes = pickle::dumps(vm, &local)?;
                    *b.action.lock().unwrap_or_else(|e| e.into_inner()) = Some(bytes);
                }
            }
            ("Barrier", sync::register(b))
        }
        Prim::Queue(_) => return Err(vm.new_error(TP_TYPE_ERROR, "not a threading primitive")),
    };
    reduce_handle(vm, "threading", kind, id)
}

fn from_handle(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (kind, id) = handle_args(vm, a)?;
    let t = types(vm);
    let made = match kind.as_str() {
        "Lock" => sync::lookup::<Lock>(id).map(|x| (t.lock, Prim::Lock(x))),
        "RLock" => sync::lookup::<RLock>(id).map(|x| (t.rlock, Prim::RLock(x))),
        "Semaphore" | "BoundedSemaphore" => {
            sync::lookup::<Semaphore>(id).map(|x| (if x.bound().is_some() { t.bsem } else { t.sem }, Prim::Sem(x)))
        }
        "Event" => sync::lookup::<Event>(id).map(|x| (t.event, Prim::Event(x))),
        "Condition" => sync::lookup::<Condition>(id).map(|x| (t.cond, Prim::Cond(x))),
        "Barrier" => sync::lookup::<BarrierShared>(id).map(|x| (t.barrier, Prim::Barrier(x))),
        _ => return Err(pickle::unpickling_error(vm, format!("unknown threading handle kind '{}'", kind))),
    };
    match made {
        Some((cls, prim)) => Ok(new_handle(vm, cls, prim, Value::NIL)),
        None => Err(gone(vm, &kind, id)),
    }
}

// ---------------------------------------------------------------- Lock / RLock

fn lock_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, a, "Lock")?;
    Ok(new_handle(vm, cls, Prim::Lock(Arc::new(Lock::new())), Value::NIL))
}

fn rlock_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, a, "RLock")?;
    Ok(new_handle(vm, cls, Prim::RLock(Arc::new(RLock::new())), Value::NIL))
}

/// The Lock or RLock of a Lock, RLock or Condition object.
fn lock_of(vm: &mut Vm, v: &Value) -> PyResult<CondLock> {
    match handle(vm, v, "lock")?.0 {
        Prim::Lock(l) => Ok(CondLock::Lock(l)),
        Prim::RLock(r) => Ok(CondLock::RLock(r)),
        Prim::Cond(c) => Ok(c.lock().clone()),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "expected a Lock, RLock or Condition")),
    }
}

/// `acquire(blocking=True, timeout=-1)` as `_thread`'s locks parse it.
fn lock_acquire(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let l = lock_of(vm, &a[0])?;
    let p = bind_params(vm, "acquire", &a[1..], kw, &["blocking", "timeout"], 2)?;
    let blocking = match p[0] {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let t = match p[1] {
        Some(x) => number(vm, &x, "timeout")?,
        None => -1.0,
    };
    if !blocking && t != -1.0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "can't specify a timeout for a non-blocking call"));
    }
    if t < 0.0 && t != -1.0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "timeout value must be positive"));
    }
    if t > TIMEOUT_MAX {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "timeout value is too large"));
    }
    let timeout = if t == -1.0 { None } else { Some(secs(t)) };
    let me = owner(vm);
    let r = self::blocking(vm, || match &l {
        CondLock::Lock(l) => l.acquire(me, blocking, timeout),
        CondLock::RLock(r) => r.acquire(me, blocking, timeout),
    })?;
    let got = match r {
        Acquire::Acquired => true,
        Acquire::TimedOut => false,
        Acquire::WouldDeadlock => {
            let msg = format!(
                "deadlock: this thread (VM {}) already holds the lock; pass a timeout to wait for another thread to release it",
                me.vm
            );
            return Err(vm.new_error(TP_RUNTIME_ERROR, msg));
        }
    };
    Ok(Value::bool(got))
}

fn lock_release(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = lock_of(vm, &a[0])?;
    match &l {
        CondLock::Lock(l) => {
            if !l.release() {
                return Err(vm.new_error(TP_RUNTIME_ERROR, "release unlocked lock"));
            }
        }
        CondLock::RLock(r) => {
            let me = owner(vm);
            if !r.release(me) {
                return Err(vm.new_error(TP_RUNTIME_ERROR, "cannot release un-acquired lock"));
            }
        }
    }
    Ok(Value::NONE)
}

fn lock_locked(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match lock_of(vm, &a[0])? {
        CondLock::Lock(l) => Ok(Value::bool(l.locked())),
        CondLock::RLock(r) => Ok(Value::bool(r.state().0.is_some())),
    }
}

fn lock_is_owned(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = lock_of(vm, &a[0])?;
    let me = owner(vm);
    Ok(Value::bool(l.is_owned(me)))
}

fn lock_desc(l: &CondLock, addr: u64) -> String {
    match l {
        CondLock::Lock(l) => format!("<{} threading.Lock object at {:#x}>", if l.locked() { "locked" } else { "unlocked" }, addr),
        CondLock::RLock(r) => {
            let (o, n) = r.state();
            let (word, id) = match o {
                Some(o) => ("locked", o.thread),
                None => ("unlocked", 0),
            };
            format!("<{} threading.RLock object owner={} count={} at {:#x}>", word, id, n, addr)
        }
    }
}

fn lock_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = lock_of(vm, &a[0])?;
    Ok(vm.new_string(lock_desc(&l, a[0].payload)))
}

// ---------------------------------------------------------------- Semaphore

fn sem(vm: &mut Vm, v: &Value) -> PyResult<Arc<Semaphore>> {
    match handle(vm, v, "Semaphore")?.0 {
        Prim::Sem(s) => Ok(s),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "expected a Semaphore")),
    }
}

fn sem_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = cls_arg(vm, a, "Semaphore")?;
    let bsem = types(vm).bsem;
    let bounded = vm.is_subtype(cls, bsem);
    Ok(new_handle(vm, cls, Prim::Sem(Arc::new(Semaphore::new(1, bounded))), Value::NIL))
}

fn sem_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = a[0].ty();
    let p = bind_params(vm, "Semaphore", &a[1..], kw, &["value"], 1)?;
    let value = match p[0] {
        None => 1,
        Some(v) => crate::objects::int::index_i64(vm, &v)?,
    };
    if value < 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "semaphore initial value must be >= 0"));
    }
    let bsem = types(vm).bsem;
    let bounded = vm.is_subtype(cls, bsem);
    set_prim(vm, &a[0], Prim::Sem(Arc::new(Semaphore::new(value as usize, bounded))), Value::NIL)
}

fn sem_acquire(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = sem(vm, &a[0])?;
    let p = bind_params(vm, "acquire", &a[1..], kw, &["blocking", "timeout"], 2)?;
    let blocking = match p[0] {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = p[1].filter(|t| !t.is_none());
    if !blocking && timeout.is_some() {
        return Err(vm.new_error(TP_VALUE_ERROR, "can't specify timeout for non-blocking acquire"));
    }
    let timeout = opt_timeout(vm, timeout)?;
    Ok(Value::bool(self::blocking(vm, || s.acquire(blocking, timeout))?))
}

fn sem_release(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = sem(vm, &a[0])?;
    let p = bind_params(vm, "release", &a[1..], kw, &["n"], 1)?;
    let n = match p[0] {
        Some(v) => crate::objects::int::index_i64(vm, &v)?,
        None => 1,
    };
    if n < 1 {
        return Err(vm.new_error(TP_VALUE_ERROR, "n must be one or more"));
    }
    if !s.release(n as usize) {
        return Err(vm.new_error(TP_VALUE_ERROR, "Semaphore released too many times"));
    }
    Ok(Value::NONE)
}

fn sem_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = sem(vm, &a[0])?;
    let r = match s.bound() {
        Some(b) => format!("<threading.BoundedSemaphore at {:#x}: value={}/{}>", a[0].payload, s.value(), b),
        None => format!("<threading.Semaphore at {:#x}: value={}>", a[0].payload, s.value()),
    };
    Ok(vm.new_string(r))
}

// ---------------------------------------------------------------- Event

fn event(vm: &mut Vm, v: &Value) -> PyResult<Arc<Event>> {
    match handle(vm, v, "Event")?.0 {
        Prim::Event(e) => Ok(e),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "expected an Event")),
    }
}

// ---------------------------------------------------------------- Condition

fn cond(vm: &mut Vm, v: &Value) -> PyResult<Arc<Condition>> {
    match handle(vm, v, "Condition")?.0 {
        Prim::Cond(c) => Ok(c),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "expected a Condition")),
    }
}

fn cond_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = cls_arg(vm, a, "Condition")?;
    let l = CondLock::RLock(Arc::new(RLock::new()));
    Ok(new_handle(vm, cls, Prim::Cond(Arc::new(Condition::new(l))), Value::NIL))
}

fn cond_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "Condition", &a[1..], kw, &["lock"], 1)?;
    let l = match p[0] {
        None => CondLock::RLock(Arc::new(RLock::new())),
        Some(v) if v.is_none() => CondLock::RLock(Arc::new(RLock::new())),
        Some(v) => match handle(vm, &v, "Lock").ok().map(|h| h.0) {
            Some(Prim::Lock(l)) => CondLock::Lock(l),
            Some(Prim::RLock(r)) => CondLock::RLock(r),
            _ => return Err(vm.new_error(TP_TYPE_ERROR, "Condition() needs a threading.Lock or threading.RLock")),
        },
    };
    set_prim(vm, &a[0], Prim::Cond(Arc::new(Condition::new(l))), Value::NIL)
}

/// Run a blocking wait so that an interrupt or the VM's watchdog ends it
/// early: the error is raised here instead of the wait's own result.
pub(crate) fn blocking<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> PyResult<R> {
    let stop = sync::interruptible(vm.interrupt_flag(), vm.deadline());
    let r = f();
    drop(stop);
    vm.check_interrupts()?;
    Ok(r)
}

fn cond_wait_timeout(vm: &mut Vm, c: &Condition, timeout: Option<Duration>) -> PyResult<bool> {
    let me = owner(vm);
    match blocking(vm, || c.wait(me, timeout))? {
        Ok(b) => Ok(b),
        Err(_) => Err(vm.new_error(TP_RUNTIME_ERROR, "cannot wait on un-acquired lock")),
    }
}

fn cond_wait(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let c = cond(vm, &a[0])?;
    let p = bind_params(vm, "wait", &a[1..], kw, &["timeout"], 1)?;
    let timeout = opt_timeout(vm, p[0])?;
    Ok(Value::bool(cond_wait_timeout(vm, &c, timeout)?))
}

fn cond_wait_for(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let c = cond(vm, &a[0])?;
    let p = bind_params(vm, "wait_for", &a[1..], kw, &["predicate", "timeout"], 2)?;
    let pred = match p[0] {
        Some(f) => f,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "wait_for() missing required argument 'predicate'")),
    };
    let timeout = opt_timeout(vm, p[1])?;
    let end = timeout.and_then(|t| Instant::now().checked_add(t));
    loop {
        let r = vm.call(&pred, &[])?;
        vm.keep_alive(r);
        if vm.truthy(&r)? {
            return Ok(r);
        }
        let wait = match (timeout, end) {
            (None, _) => None,
            (Some(_), Some(e)) => {
                let now = Instant::now();
                if now >= e {
                    return Ok(r);
                }
                Some(e - now)
            }
            (Some(t), None) => Some(t),
        };
        cond_wait_timeout(vm, &c, wait)?;
    }
}

fn cond_notify(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let c = cond(vm, &a[0])?;
    let p = bind_params(vm, "notify", &a[1..], kw, &["n"], 1)?;
    let n = match p[0] {
        Some(v) => crate::objects::int::index_i64(vm, &v)?.max(0) as usize,
        None => 1,
    };
    let me = owner(vm);
    match c.notify(me, n) {
        Ok(()) => Ok(Value::NONE),
        Err(_) => Err(vm.new_error(TP_RUNTIME_ERROR, "cannot notify on un-acquired lock")),
    }
}

fn cond_notify_all(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let c = cond(vm, &a[0])?;
    let me = owner(vm);
    match c.notify_all(me) {
        Ok(()) => Ok(Value::NONE),
        Err(_) => Err(vm.new_error(TP_RUNTIME_ERROR, "cannot notify on un-acquired lock")),
    }
}

// ---------------------------------------------------------------- Barrier

fn barrier(vm: &mut Vm, v: &Value) -> PyResult<Arc<BarrierShared>> {
    match handle(vm, v, "Barrier")?.0 {
        Prim::Barrier(b) => Ok(b),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "expected a Barrier")),
    }
}

fn barrier_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = cls_arg(vm, a, "Barrier")?;
    let shared = BarrierShared { barrier: Barrier::new(1, None), action: Mutex::new(None) };
    Ok(new_handle(vm, cls, Prim::Barrier(Arc::new(shared)), Value::NIL))
}

fn barrier_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "Barrier", &a[1..], kw, &["parties", "action", "timeout"], 3)?;
    let parties = match p[0] {
        Some(v) => crate::objects::int::index_i64(vm, &v)?,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "Barrier() missing required argument 'parties'")),
    };
    if parties < 1 {
        return Err(vm.new_error(TP_VALUE_ERROR, "parties must be > 0"));
    }
    let action = p[1].filter(|x| !x.is_none()).unwrap_or(Value::NIL);
    let timeout = opt_timeout(vm, p[2])?;
    let shared = BarrierShared { barrier: Barrier::new(parties as usize, timeout), action: Mutex::new(None) };
    set_prim(vm, &a[0], Prim::Barrier(Arc::new(shared)), action)
}

fn barrier_wait(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let (prim, local) = handle(vm, &a[0], "Barrier")?;
    let b = match prim {
        Prim::Barrier(b) => b,
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "expected a Barrier")),
    };
    let p = bind_params(vm, "wait", &a[1..], kw, &["timeout"], 1)?;
    let timeout = opt_timeout(vm, p[0])?;
    let pickled = b.action.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let stop = sync::interruptible(vm.interrupt_flag(), vm.deadline());
    let r = b.barrier.wait(timeout, || -> PyResult<()> {
        let f = if local.is_ptr() {
            local
        } else if let Some(bytes) = &pickled {
            let f = pickle::loads(vm, bytes)?;
            vm.keep_alive(f);
            f
        } else {
            return Ok(());
        };
        vm.call(&f, &[])?;
        Ok(())
    });
    drop(stop);
    vm.check_interrupts()?;
    match r {
        Ok(i) => Ok(Value::int(i as i64)),
        Err(BarrierError::Action(e)) => Err(e),
        Err(BarrierError::Broken) => {
            let t = types(vm).broken;
            let e = vm.new_exception_args(t, vec![]);
            Err(vm.raise(e))
        }
    }
}
