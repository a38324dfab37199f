//! The `queue` module: Queue, LifoQueue and SimpleQueue with CPython's API
//! (3.13's `shutdown` and `ShutDown` included), on `runtime::sync::Queue`.
//!
//! Items are pickled by `put` (so an unpicklable item raises there, in the
//! putting VM) and unpickled by `get` in the VM that calls it. A queue
//! pickles as a handle (`queue._from_handle(kind, id)`): every VM that
//! receives it shares the same queue. PriorityQueue is not provided (items
//! are bytes here, they cannot be compared).

use std::sync::Arc;

use crate::modules::pickle;
use crate::modules::threading::{blocking, cls_arg, gone, handle, handle_args, new_handle, number, opt_timeout, reduce_handle, set_prim, Prim};
use crate::objects::int::bind_params;
use crate::runtime::names::Name;
use crate::runtime::sync::{self, Queue, QueueError};
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("queue".into(), make);
}

struct Types {
    queue: TypeId,
    lifo: TypeId,
    simple: TypeId,
    empty: TypeId,
    full: TypeId,
    shutdown: TypeId,
}

fn ty(vm: &Vm, name: &'static str) -> TypeId {
    vm.native_types.get(name).copied().unwrap_or(TP_OBJECT)
}

fn types(vm: &mut Vm) -> Types {
    if !vm.native_types.contains_key("queue.Queue") {
        build_types(vm);
    }
    Types {
        queue: ty(vm, "queue.Queue"),
        lifo: ty(vm, "queue.LifoQueue"),
        simple: ty(vm, "queue.SimpleQueue"),
        empty: ty(vm, "queue.Empty"),
        full: ty(vm, "queue.Full"),
        shutdown: ty(vm, "queue.ShutDown"),
    }
}

fn build_types(vm: &mut Vm) {
    for (key, name) in [("queue.Empty", "Empty"), ("queue.Full", "Full"), ("queue.ShutDown", "ShutDown")] {
        let e = vm.new_builtin_type(name, TP_EXCEPTION, "queue");
        vm.native_types.insert(key, e);
    }
    let t = vm.new_builtin_type("Queue", TP_OBJECT, "queue");
    vm.native_types.insert("queue.Queue", t);
    crate::objects::int::bind_static_kw(vm, t, "__new__", q_new);
    vm.bind_method_kw(t, "__init__", q_init);
    bind_common(vm, t);
    vm.bind_method(t, "full", 1, |vm, a| {
        let q = queue(vm, &a[0])?;
        Ok(Value::bool(q.maxsize() > 0 && q.qsize() >= q.maxsize()))
    });
    vm.bind_method(t, "task_done", 1, |vm, a| {
        let q = queue(vm, &a[0])?;
        q.task_done().map_err(|e| error(vm, e))?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "join", 1, |vm, a| {
        let q = queue(vm, &a[0])?;
        blocking(vm, || q.join(None))?;
        Ok(Value::NONE)
    });
    vm.bind_method_kw(t, "shutdown", |vm, a, kw| {
        let q = queue(vm, &a[0])?;
        let p = bind_params(vm, "shutdown", &a[1..], kw, &["immediate"], 1)?;
        let immediate = match p[0] {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        q.shutdown(immediate);
        Ok(Value::NONE)
    });
    vm.bind_property(t, "maxsize", |vm, a| Ok(Value::int(queue(vm, &a[0])?.maxsize() as i64)));
    vm.bind_property(t, "unfinished_tasks", |vm, a| Ok(Value::int(queue(vm, &a[0])?.unfinished_tasks() as i64)));
    vm.bind_property(t, "is_shutdown", |vm, a| Ok(Value::bool(queue(vm, &a[0])?.is_shutdown())));
    let l = vm.new_builtin_type("LifoQueue", t, "queue");
    vm.native_types.insert("queue.LifoQueue", l);

    let s = vm.new_builtin_type("SimpleQueue", TP_OBJECT, "queue");
    vm.native_types.insert("queue.SimpleQueue", s);
    vm.bind_static(s, "__new__", 1, |vm, a| {
        let cls = cls_arg(vm, a, "SimpleQueue")?;
        Ok(new_handle(vm, cls, Prim::Queue(Arc::new(Queue::new(0, false))), Value::NIL))
    });
    vm.bind_method(s, "__init__", 1, |_, _| Ok(Value::NONE));
    bind_common(vm, s);
}

fn bind_common(vm: &mut Vm, t: TypeId) {
    vm.bind_method_kw(t, "put", q_put);
    vm.bind_method(t, "put_nowait", 2, |vm, a| {
        let f = Value::FALSE;
        q_put(vm, &[a[0], a[1], f], &[])
    });
    vm.bind_method_kw(t, "get", q_get);
    vm.bind_method(t, "get_nowait", 1, |vm, a| q_get(vm, &[a[0], Value::FALSE], &[]));
    vm.bind_method(t, "qsize", 1, |vm, a| Ok(Value::int(queue(vm, &a[0])?.qsize() as i64)));
    vm.bind_method(t, "empty", 1, |vm, a| Ok(Value::bool(queue(vm, &a[0])?.qsize() == 0)));
    vm.bind_method(t, "__reduce__", 1, q_reduce);
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let name = vm.type_name(&a[0]);
        Ok(vm.new_string(format!("<queue.{} object at {:#x}>", name, a[0].payload)))
    });
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("queue");
    let t = types(vm);
    for (name, id) in [
        ("Queue", t.queue),
        ("LifoQueue", t.lifo),
        ("SimpleQueue", t.simple),
        ("Empty", t.empty),
        ("Full", t.full),
        ("ShutDown", t.shutdown),
    ] {
        let obj = vm.types[id as usize].obj;
        vm.module_set(&m, name, obj);
    }
    vm.module_fn(&m, "_from_handle", 2, from_handle);
    Ok(m)
}

fn queue(vm: &mut Vm, v: &Value) -> PyResult<Arc<Queue>> {
    match handle(vm, v, "Queue")?.0 {
        Prim::Queue(q) => Ok(q),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "expected a Queue")),
    }
}

fn error(vm: &mut Vm, e: QueueError) -> Raised {
    let t = types(vm);
    let ty = match e {
        QueueError::Empty => t.empty,
        QueueError::Full => t.full,
        QueueError::ShutDown => t.shutdown,
        QueueError::TooManyTaskDone => return vm.new_error(TP_VALUE_ERROR, "task_done() called too many times"),
    };
    let exc = vm.new_exception_args(ty, vec![]);
    vm.raise(exc)
}

fn q_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = cls_arg(vm, a, "Queue")?;
    let lifo = types(vm).lifo;
    let lifo = vm.is_subtype(cls, lifo);
    Ok(new_handle(vm, cls, Prim::Queue(Arc::new(Queue::new(0, lifo))), Value::NIL))
}

fn q_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = a[0].ty();
    let p = bind_params(vm, "Queue", &a[1..], kw, &["maxsize"], 1)?;
    let maxsize = match p[0] {
        Some(v) => crate::objects::int::index_i64(vm, &v)?.max(0) as usize,
        None => 0,
    };
    let lifo = types(vm).lifo;
    let lifo = vm.is_subtype(cls, lifo);
    set_prim(vm, &a[0], Prim::Queue(Arc::new(Queue::new(maxsize, lifo))), Value::NIL)
}

/// `(block, timeout)` of put/get; a negative timeout is an error here.
fn block_timeout(vm: &mut Vm, block: Option<Value>, timeout: Option<Value>) -> PyResult<(bool, Option<std::time::Duration>)> {
    let block = match block {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = timeout.filter(|t| !t.is_none());
    if block {
        if let Some(t) = timeout {
            if number(vm, &t, "timeout")? < 0.0 {
                return Err(vm.new_error(TP_VALUE_ERROR, "'timeout' must be a non-negative number"));
            }
        }
        Ok((true, opt_timeout(vm, timeout)?))
    } else {
        Ok((false, None))
    }
}

fn q_put(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let q = queue(vm, &a[0])?;
    let p = bind_params(vm, "put", &a[1..], kw, &["item", "block", "timeout"], 3)?;
    let item = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "put() missing required argument 'item'")),
    };
    let (block, timeout) = block_timeout(vm, p[1], p[2])?;
    let bytes = pickle::dumps(vm, &item)?;
    blocking(vm, || q.put(bytes, block, timeout))?.map_err(|e| error(vm, e))?;
    Ok(Value::NONE)
}

fn q_get(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let q = queue(vm, &a[0])?;
    let p = bind_params(vm, "get", &a[1..], kw, &["block", "timeout"], 2)?;
    let (block, timeout) = block_timeout(vm, p[0], p[1])?;
    let bytes = blocking(vm, || q.get(block, timeout))?.map_err(|e| error(vm, e))?;
    pickle::loads(vm, &bytes)
}

fn q_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let q = queue(vm, &a[0])?;
    let t = types(vm);
    let kind = if vm.isinstance(&a[0], t.simple) {
        "SimpleQueue"
    } else if q.is_lifo() {
        "LifoQueue"
    } else {
        "Queue"
    };
    let id = sync::register(&q);
    reduce_handle(vm, "queue", kind, id)
}

fn from_handle(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (kind, id) = handle_args(vm, a)?;
    let t = types(vm);
    let cls = match kind.as_str() {
        "Queue" => t.queue,
        "LifoQueue" => t.lifo,
        "SimpleQueue" => t.simple,
        _ => return Err(pickle::unpickling_error(vm, format!("unknown queue handle kind '{}'", kind))),
    };
    match sync::lookup::<Queue>(id) {
        Some(q) => Ok(new_handle(vm, cls, Prim::Queue(q), Value::NIL)),
        None => Err(gone(vm, &kind, id)),
    }
}
