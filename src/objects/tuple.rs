//! `tuple`: constructor and methods.

use std::cell::RefCell;

use crate::compiler::bytecode::CompareOp;
use crate::objects::function::NativeFn;
use crate::objects::iter::IterState;
use crate::objects::list::{
    as_exact, bad_self, bind_class_getitem, bind_new_kw, check_fixed, check_range, check_wrapper, index_range, new_cls,
    repeat_count, repeat_items, seq_count, seq_find, seq_richcompare, user_reflected,
};
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// A tuple's items: up to two inline in the object (pairs are the most
/// common tuples: dict items, enumerate, zip, sort keys), more in a boxed
/// slice. Derefs to the slice of items.
pub enum TupleData {
    Small(u8, [Value; 2]),
    Big(Box<[Value]>),
}

impl TupleData {
    pub fn from_slice(items: &[Value]) -> TupleData {
        match *items {
            [] => TupleData::Small(0, [Value::NIL; 2]),
            [a] => TupleData::Small(1, [a, Value::NIL]),
            [a, b] => TupleData::Small(2, [a, b]),
            _ => TupleData::Big(items.into()),
        }
    }
}

impl From<Vec<Value>> for TupleData {
    #[inline]
    fn from(items: Vec<Value>) -> TupleData {
        if items.len() <= 2 {
            TupleData::from_slice(&items)
        } else {
            TupleData::Big(items.into_boxed_slice())
        }
    }
}

impl std::ops::Deref for TupleData {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        match self {
            TupleData::Small(n, items) => &items[..*n as usize],
            TupleData::Big(items) => items,
        }
    }
}

fn self_tuple<'a>(vm: &mut Vm, a: &'a [Value], meth: &str) -> PyResult<&'a [Value]> {
    match a.first().and_then(|v| v.tuple()) {
        Some(t) => Ok(t),
        None => Err(bad_self(vm, a, "tuple", meth)),
    }
}

/// A tuple of type `t` (tuple or a subclass) holding `items`.
pub fn new_tuple_of(vm: &mut Vm, t: TypeId, items: Vec<Value>) -> Value {
    if t == TP_TUPLE {
        return vm.new_tuple(items);
    }
    let attrs = if vm.tp(t).has_attrs { Some(Box::default()) } else { None };
    vm.heap.alloc(t, ObjData::Tuple(items.into()), attrs)
}

fn tuple_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = new_cls(vm, a, TP_TUPLE)?;
    if !kw.is_empty() && t == TP_TUPLE {
        return Err(vm.new_error(TP_TYPE_ERROR, "tuple() takes no keyword arguments"));
    }
    check_range(vm, a, "tuple", 0, 1)?;
    if a.len() == 1 {
        return Ok(new_tuple_of(vm, t, Vec::new()));
    }
    if t == TP_TUPLE && a[1].ty() == TP_TUPLE {
        return Ok(a[1]);
    }
    let items = vm.collect_iter(&a[1])?;
    Ok(new_tuple_of(vm, t, items))
}

fn tuple_index(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = self_tuple(vm, a, "index")?;
    check_range(vm, a, "index", 1, 3)?;
    let len = t.len();
    let (start, stop) = index_range(vm, a, 2, len)?;
    if let Some(i) = seq_find(vm, &a[0], &a[1], start, stop)? {
        return Ok(Value::int(i as i64));
    }
    Err(vm.new_error(TP_VALUE_ERROR, "tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "count")?;
    check_fixed(vm, a, "tuple.count", 1)?;
    Ok(Value::int(seq_count(vm, &a[0], &a[1])? as i64))
}

fn tuple_len(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = self_tuple(vm, a, "__len__")?;
    check_wrapper(vm, a, 0)?;
    Ok(Value::int(t.len() as i64))
}

fn tuple_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "__getitem__")?;
    check_fixed(vm, a, "tuple.__getitem__", 1)?;
    let me = as_exact(&a[0], TP_TUPLE);
    match crate::objects::builtin_getitem(vm, &me, &a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(TP_TYPE_ERROR, "tuple indices must be integers or slices")),
    }
}

fn tuple_contains(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "__contains__")?;
    check_wrapper(vm, a, 1)?;
    Ok(Value::bool(seq_find(vm, &a[0], &a[1], 0, usize::MAX)?.is_some()))
}

fn tuple_iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "__iter__")?;
    check_wrapper(vm, a, 0)?;
    let st = IterState::Seq { seq: a[0], idx: 0 };
    Ok(vm.heap.alloc(TP_TUPLE_ITERATOR, ObjData::Iter(RefCell::new(st)), None))
}

fn tuple_add(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = self_tuple(vm, a, "__add__")?;
    check_wrapper(vm, a, 1)?;
    let y = match a[1].tuple() {
        Some(y) => y,
        None => {
            if user_reflected(vm, &a[1], n::__radd__) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            let msg = format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_name(&a[1]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let out = vm.concat_values(x, y)?;
    Ok(vm.new_tuple(out))
}

fn tuple_mul(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "__mul__")?;
    check_wrapper(vm, a, 1)?;
    let k = match repeat_count(vm, &a[1])? {
        Some(k) => k,
        None => {
            if user_reflected(vm, &a[1], n::__rmul__) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&a[1]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    if k == 1 && a[0].ty() == TP_TUPLE {
        return Ok(a[0]);
    }
    let items = a[0].tuple().unwrap_or(&[]).to_vec();
    let out = repeat_items(vm, &items, k)?;
    Ok(vm.new_tuple(out))
}

fn tuple_compare(vm: &mut Vm, a: &[Value], op: CompareOp, meth: &str) -> PyResult<Value> {
    self_tuple(vm, a, meth)?;
    check_wrapper(vm, a, 1)?;
    if a[1].tuple().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    seq_richcompare(vm, &a[0], &a[1], op)
}

fn tuple_hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "__hash__")?;
    check_wrapper(vm, a, 0)?;
    let me = as_exact(&a[0], TP_TUPLE);
    Ok(Value::int(vm.hash(&me)?))
}

fn tuple_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_tuple(vm, a, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    let me = as_exact(&a[0], TP_TUPLE);
    vm.repr_value(&me)
}

fn tuple_getnewargs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = self_tuple(vm, a, "__getnewargs__")?.to_vec();
    check_fixed(vm, a, "tuple.__getnewargs__", 0)?;
    let inner = vm.new_tuple(t);
    Ok(vm.new_tuple(vec![inner]))
}

pub fn register(vm: &mut Vm) {
    let t = TP_TUPLE;
    bind_new_kw(vm, t, tuple_new);
    let methods: &[(&str, NativeFn)] = &[
        ("index", tuple_index),
        ("count", tuple_count),
        ("__len__", tuple_len),
        ("__getitem__", tuple_getitem),
        ("__contains__", tuple_contains),
        ("__iter__", tuple_iter),
        ("__add__", tuple_add),
        ("__mul__", tuple_mul),
        ("__rmul__", tuple_mul),
        ("__hash__", tuple_hash),
        ("__repr__", tuple_repr),
        ("__getnewargs__", tuple_getnewargs),
        ("__lt__", |vm, a| tuple_compare(vm, a, CompareOp::Lt, "__lt__")),
        ("__le__", |vm, a| tuple_compare(vm, a, CompareOp::Le, "__le__")),
        ("__eq__", |vm, a| tuple_compare(vm, a, CompareOp::Eq, "__eq__")),
        ("__ne__", |vm, a| tuple_compare(vm, a, CompareOp::Ne, "__ne__")),
        ("__gt__", |vm, a| tuple_compare(vm, a, CompareOp::Gt, "__gt__")),
        ("__ge__", |vm, a| tuple_compare(vm, a, CompareOp::Ge, "__ge__")),
    ];
    for (name, f) in methods {
        vm.bind_method(t, name, -1, *f);
    }
    bind_class_getitem(vm, t);
}
