//! `set` and `frozenset`: constructors, methods and operators. Both share the
//! `ObjData::Set` payload (a `Dict` whose values are unused).

use std::cell::RefCell;

use crate::compiler::bytecode::CompareOp;
use crate::objects::dict::{Dict, Lookup};
use crate::objects::function::NativeFn;
use crate::objects::iter::IterState;
use crate::objects::list::{as_exact, bad_self, bind_class_getitem, bind_new_kw, check_fixed, check_range, check_wrapper, new_cls, rooted};
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::ops::pure_eq;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

// ====================================================================== helpers

/// The hash table of a set or dict payload.
#[inline]
fn cell_of(v: &Value) -> Option<&RefCell<Dict>> {
    if !v.is_ptr() {
        return None;
    }
    match &v.obj().data {
        ObjData::Set(d) | ObjData::Dict(d) => Some(d),
        _ => None,
    }
}

#[inline]
fn set_len(v: &Value) -> usize {
    v.set().map(|s| s.borrow().len()).unwrap_or(0)
}

/// Instance of frozenset (or a subclass).
pub(crate) fn is_frozen(vm: &Vm, v: &Value) -> bool {
    v.ty() == TP_FROZENSET || (v.ty() != TP_SET && vm.is_subtype(v.ty(), TP_FROZENSET))
}

/// The (key, hash) pairs of a set, or of a dict whose iteration is not
/// overridden, kept alive while Python code runs; None for other iterables.
fn fast_keys(vm: &mut Vm, v: &Value) -> Option<Vec<(Value, i64)>> {
    let cell = cell_of(v)?;
    if !vm.types[v.ty() as usize].is_builtin {
        if let Some(f) = vm.find_in_type(v.ty(), n::__iter__) {
            if f.ty() != TP_NATIVEFUNC {
                return None;
            }
        }
    }
    let keys: Vec<(Value, i64)> = cell.borrow().iter().map(|e| (e.key(), e.hash())).collect();
    rooted(vm, keys.iter().map(|x| x.0).collect());
    Some(keys)
}

/// Keys of a set payload (rooted).
fn snapshot(vm: &mut Vm, s: &Value) -> Vec<(Value, i64)> {
    let keys: Vec<(Value, i64)> = match cell_of(s) {
        Some(c) => c.borrow().iter().map(|e| (e.key(), e.hash())).collect(),
        None => Vec::new(),
    };
    rooted(vm, keys.iter().map(|x| x.0).collect());
    keys
}

fn insert_hashed(vm: &mut Vm, s: &Value, k: Value, h: i64) -> PyResult<()> {
    let cell = match cell_of(s) {
        Some(c) => c,
        None => return Ok(()),
    };
    let r = cell.borrow().lookup(h, &k, pure_eq);
    match r {
        Lookup::Found(_) => Ok(()),
        Lookup::Missing => {
            if !cell.borrow_mut().try_reserve_one() {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            cell.borrow_mut().insert_new(h, k, Value::NONE);
            Ok(())
        }
        Lookup::Undecided(_) => vm.set_add(s, k),
    }
}

fn contains_hashed(vm: &mut Vm, s: &Value, k: &Value, h: i64) -> PyResult<bool> {
    let cell = match cell_of(s) {
        Some(c) => c,
        None => return Ok(false),
    };
    let r = cell.borrow().lookup(h, k, pure_eq);
    match r {
        Lookup::Found(_) => Ok(true),
        Lookup::Missing => Ok(false),
        Lookup::Undecided(_) => vm.set_contains(s, k),
    }
}

fn remove_hashed(vm: &mut Vm, s: &Value, k: &Value, h: i64) -> PyResult<bool> {
    let cell = match cell_of(s) {
        Some(c) => c,
        None => return Ok(false),
    };
    let r = cell.borrow().lookup(h, k, pure_eq);
    match r {
        Lookup::Found(i) => {
            cell.borrow_mut().remove_at(i);
            Ok(true)
        }
        Lookup::Missing => Ok(false),
        Lookup::Undecided(_) => vm.dict_del(s, k),
    }
}

/// A new set (or frozenset) with the items of set `s`.
fn copy_set(vm: &mut Vm, s: &Value, frozen: bool) -> Value {
    let d = cell_of(s).map(|c| c.borrow().copy()).unwrap_or_default();
    let t = if frozen { TP_FROZENSET } else { TP_SET };
    vm.heap.alloc(t, ObjData::Set(RefCell::new(d)), None)
}

/// Add every item of `other` (any iterable) to set `s`.
pub(crate) fn set_update_iter(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    if let Some(keys) = fast_keys(vm, other) {
        if let Some(cell) = s.set() {
            if cell.borrow().is_empty() && !other.is(s) {
                // Keys of a set or dict are distinct: no lookups needed.
                let mut c = cell.borrow_mut();
                for (k, h) in keys {
                    c.insert_new(h, k, Value::NONE);
                }
                return Ok(());
            }
        }
        for (k, h) in keys {
            insert_hashed(vm, s, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        vm.set_add(s, x)?;
    }
    Ok(())
}

/// A new set with the items of `other` (kept alive).
fn set_from_iter(vm: &mut Vm, other: &Value) -> PyResult<Value> {
    let s = vm.new_set(false);
    vm.keep_alive(s);
    set_update_iter(vm, &s, other)?;
    Ok(s)
}

/// `other` itself when it is a set or frozenset, else a new set of its items.
fn as_set(vm: &mut Vm, other: &Value) -> PyResult<Value> {
    if other.set().is_some() {
        return Ok(*other);
    }
    set_from_iter(vm, other)
}

/// `a & other` as a new set (or frozenset).
fn intersect_new(vm: &mut Vm, a: &Value, other: &Value, frozen: bool) -> PyResult<Value> {
    let out = vm.new_set(frozen);
    vm.keep_alive(out);
    if other.set().is_some() {
        let (small, big) = if set_len(other) > set_len(a) { (*a, *other) } else { (*other, *a) };
        for (k, h) in snapshot(vm, &small) {
            if contains_hashed(vm, &big, &k, h)? {
                insert_hashed(vm, &out, k, h)?;
            }
        }
        return Ok(out);
    }
    let it = vm.iter(other)?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(x);
        let r = match vm.set_contains(a, &x) {
            Ok(true) => vm.set_add(&out, x),
            Ok(false) => Ok(()),
            Err(e) => Err(e),
        };
        vm.temp_roots.truncate(mark);
        r?;
    }
    Ok(out)
}

/// `a - other` as a new set (or frozenset).
fn difference_new(vm: &mut Vm, a: &Value, other: &Value, frozen: bool) -> PyResult<Value> {
    if cell_of(other).is_some() && fast_keys_ok(vm, other) {
        let out = vm.new_set(frozen);
        vm.keep_alive(out);
        for (k, h) in snapshot(vm, a) {
            if !contains_hashed(vm, other, &k, h)? {
                insert_hashed(vm, &out, k, h)?;
            }
        }
        return Ok(out);
    }
    let out = copy_set(vm, a, frozen);
    vm.keep_alive(out);
    set_difference_update(vm, &out, other)?;
    Ok(out)
}

fn fast_keys_ok(vm: &Vm, v: &Value) -> bool {
    if vm.types[v.ty() as usize].is_builtin {
        return true;
    }
    vm.find_in_type(v.ty(), n::__iter__).map(|f| f.ty() == TP_NATIVEFUNC).unwrap_or(true)
}

/// `s &= other` for any iterable.
pub(crate) fn set_intersect_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    let r = intersect_new(vm, s, other, false)?;
    let d = r.set().map(|c| std::mem::take(&mut *c.borrow_mut())).unwrap_or_default();
    if let Some(c) = s.set() {
        *c.borrow_mut() = d;
    }
    Ok(())
}

/// `s -= other` for any iterable.
pub(crate) fn set_difference_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    if other.is(s) {
        if let Some(c) = s.set() {
            c.borrow_mut().clear();
        }
        return Ok(());
    }
    if let Some(keys) = fast_keys(vm, other) {
        for (k, h) in keys {
            remove_hashed(vm, s, &k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        vm.dict_del(s, &x)?;
    }
    Ok(())
}

/// `s ^= other` for any iterable.
pub(crate) fn set_symdiff_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    if other.is(s) {
        if let Some(c) = s.set() {
            c.borrow_mut().clear();
        }
        return Ok(());
    }
    let keys = match fast_keys(vm, other) {
        Some(k) => k,
        None => {
            let tmp = set_from_iter(vm, other)?;
            snapshot(vm, &tmp)
        }
    };
    for (k, h) in keys {
        if !remove_hashed(vm, s, &k, h)? {
            insert_hashed(vm, s, k, h)?;
        }
    }
    Ok(())
}

/// Every item of set `a` is in set `b`.
fn is_subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if set_len(a) > set_len(b) {
        return Ok(false);
    }
    for (k, h) in snapshot(vm, a) {
        if !contains_hashed(vm, b, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn is_disjoint(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<bool> {
    if other.set().is_some() {
        let (small, big) = if set_len(other) > set_len(a) { (*a, *other) } else { (*other, *a) };
        for (k, h) in snapshot(vm, &small) {
            if contains_hashed(vm, &big, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(a, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `key in s`, where a (mutable, unhashable) set key is looked up as a frozenset.
fn set_has(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    match vm.set_contains(s, key) {
        Ok(b) => Ok(b),
        Err(e) => {
            if key.set().is_some() && vm.exc_is(TP_TYPE_ERROR) {
                vm.exc = None;
                let fk = copy_set(vm, key, true);
                vm.keep_alive(fk);
                vm.set_contains(s, &fk)
            } else {
                Err(e)
            }
        }
    }
}

fn set_del(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    match vm.dict_del(s, key) {
        Ok(b) => Ok(b),
        Err(e) => {
            if key.set().is_some() && vm.exc_is(TP_TYPE_ERROR) {
                vm.exc = None;
                let fk = copy_set(vm, key, true);
                vm.keep_alive(fk);
                vm.dict_del(s, &fk)
            } else {
                Err(e)
            }
        }
    }
}

// ====================================================================== methods

/// Self of a method shared by set and frozenset.
fn self_any(vm: &mut Vm, a: &[Value], meth: &str) -> PyResult<Value> {
    match a.first() {
        Some(v) if v.set().is_some() => Ok(*v),
        _ => Err(bad_self(vm, a, "set", meth)),
    }
}

/// Self of a mutating method (set only).
fn self_mut(vm: &mut Vm, a: &[Value], meth: &str) -> PyResult<Value> {
    match a.first() {
        Some(v) if v.set().is_some() && !is_frozen(vm, v) => Ok(*v),
        _ => Err(bad_self(vm, a, "set", meth)),
    }
}

fn set_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = new_cls(vm, a, TP_SET)?;
    crate::objects::typeobj::alloc_instance(vm, t)
}

fn set_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = self_mut(vm, a, "__init__")?;
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "set() takes no keyword arguments"));
    }
    check_range(vm, a, "set", 0, 1)?;
    if let Some(c) = s.set() {
        c.borrow_mut().clear();
    }
    if a.len() == 2 {
        set_update_iter(vm, &s, &a[1])?;
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = new_cls(vm, a, TP_FROZENSET)?;
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "frozenset() takes no keyword arguments"));
    }
    check_range(vm, a, "frozenset", 0, 1)?;
    if t == TP_FROZENSET && a.len() == 2 && a[1].ty() == TP_FROZENSET {
        return Ok(a[1]);
    }
    let attrs = if vm.tp(t).has_attrs { Some(Box::default()) } else { None };
    let out = vm.heap.alloc(t, ObjData::Set(RefCell::new(Dict::new())), attrs);
    vm.keep_alive(out);
    if a.len() == 2 {
        set_update_iter(vm, &out, &a[1])?;
    }
    Ok(out)
}

fn set_add(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "add")?;
    check_fixed(vm, a, "set.add", 1)?;
    vm.set_add(&s, a[1])?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "remove")?;
    check_fixed(vm, a, "set.remove", 1)?;
    if !set_del(vm, &s, &a[1])? {
        return Err(vm.key_error(a[1]));
    }
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "discard")?;
    check_fixed(vm, a, "set.discard", 1)?;
    set_del(vm, &s, &a[1])?;
    Ok(Value::NONE)
}

fn set_pop(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "pop")?;
    check_fixed(vm, a, "set.pop", 0)?;
    let r = s.set().and_then(|c| c.borrow_mut().pop_first());
    match r {
        Some((k, _)) => Ok(k),
        None => Err(vm.new_error(TP_KEY_ERROR, "pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "clear")?;
    check_fixed(vm, a, "set.clear", 0)?;
    if let Some(c) = s.set() {
        c.borrow_mut().clear();
    }
    Ok(Value::NONE)
}

fn set_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "copy")?;
    check_fixed(vm, a, "set.copy", 0)?;
    if s.ty() == TP_FROZENSET {
        return Ok(s);
    }
    let frozen = is_frozen(vm, &s);
    Ok(copy_set(vm, &s, frozen))
}

fn set_update(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "update")?;
    for o in &a[1..] {
        set_update_iter(vm, &s, o)?;
    }
    Ok(Value::NONE)
}

fn set_intersection_update(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "intersection_update")?;
    for o in &a[1..] {
        set_intersect_update(vm, &s, o)?;
    }
    Ok(Value::NONE)
}

fn set_difference_update_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "difference_update")?;
    for o in &a[1..] {
        set_difference_update(vm, &s, o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference_update(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_mut(vm, a, "symmetric_difference_update")?;
    check_fixed(vm, a, "set.symmetric_difference_update", 1)?;
    set_symdiff_update(vm, &s, &a[1])?;
    Ok(Value::NONE)
}

fn set_union(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "union")?;
    let frozen = is_frozen(vm, &s);
    let out = copy_set(vm, &s, frozen);
    vm.keep_alive(out);
    for o in &a[1..] {
        set_update_iter(vm, &out, o)?;
    }
    Ok(out)
}

fn set_intersection(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "intersection")?;
    let frozen = is_frozen(vm, &s);
    if a.len() == 1 {
        return Ok(copy_set(vm, &s, frozen));
    }
    let mut r = s;
    for o in &a[1..] {
        r = intersect_new(vm, &r, o, frozen)?;
    }
    Ok(r)
}

fn set_difference(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "difference")?;
    let frozen = is_frozen(vm, &s);
    if a.len() == 1 {
        return Ok(copy_set(vm, &s, frozen));
    }
    let mut r = s;
    for o in &a[1..] {
        r = difference_new(vm, &r, o, frozen)?;
    }
    Ok(r)
}

fn set_symmetric_difference(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "symmetric_difference")?;
    check_fixed(vm, a, "set.symmetric_difference", 1)?;
    let frozen = is_frozen(vm, &s);
    let out = copy_set(vm, &s, frozen);
    vm.keep_alive(out);
    set_symdiff_update(vm, &out, &a[1])?;
    Ok(out)
}

fn set_issubset(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "issubset")?;
    check_fixed(vm, a, "set.issubset", 1)?;
    let o = as_set(vm, &a[1])?;
    Ok(Value::bool(is_subset(vm, &s, &o)?))
}

fn set_issuperset(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "issuperset")?;
    check_fixed(vm, a, "set.issuperset", 1)?;
    if a[1].set().is_some() {
        return Ok(Value::bool(is_subset(vm, &a[1], &s)?));
    }
    let it = vm.iter(&a[1])?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        if !vm.set_contains(&s, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_isdisjoint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "isdisjoint")?;
    check_fixed(vm, a, "set.isdisjoint", 1)?;
    Ok(Value::bool(is_disjoint(vm, &s, &a[1])?))
}

// ---------------------------------------------------------------- dunders

fn set_len_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "__len__")?;
    check_wrapper(vm, a, 0)?;
    Ok(Value::int(set_len(&s) as i64))
}

fn set_iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "__iter__")?;
    check_wrapper(vm, a, 0)?;
    let len = set_len(&s);
    let st = IterState::Dict { d: s, slot: 0, kind: 0, len };
    Ok(vm.heap.alloc(TP_SET_ITERATOR, ObjData::Iter(RefCell::new(st)), None))
}

fn set_contains_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "__contains__")?;
    check_wrapper(vm, a, 1)?;
    Ok(Value::bool(set_has(vm, &s, &a[1])?))
}

fn set_compare(vm: &mut Vm, a: &[Value], op: CompareOp, meth: &str) -> PyResult<Value> {
    let s = self_any(vm, a, meth)?;
    check_wrapper(vm, a, 1)?;
    let o = a[1];
    if o.set().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (ls, lo) = (set_len(&s), set_len(&o));
    let r = match op {
        CompareOp::Eq => ls == lo && is_subset(vm, &s, &o)?,
        CompareOp::Ne => !(ls == lo && is_subset(vm, &s, &o)?),
        CompareOp::Le => is_subset(vm, &s, &o)?,
        CompareOp::Lt => ls < lo && is_subset(vm, &s, &o)?,
        CompareOp::Ge => is_subset(vm, &o, &s)?,
        CompareOp::Gt => ls > lo && is_subset(vm, &o, &s)?,
    };
    Ok(Value::bool(r))
}

#[derive(Clone, Copy, PartialEq)]
enum SetOp {
    Or,
    And,
    Sub,
    Xor,
}

/// `x op y` for two sets; the result's kind follows `x`.
fn set_binop(vm: &mut Vm, x: &Value, y: &Value, op: SetOp) -> PyResult<Value> {
    let frozen = is_frozen(vm, x);
    match op {
        SetOp::Or => {
            let out = copy_set(vm, x, frozen);
            vm.keep_alive(out);
            set_update_iter(vm, &out, y)?;
            Ok(out)
        }
        SetOp::And => intersect_new(vm, x, y, frozen),
        SetOp::Sub => difference_new(vm, x, y, frozen),
        SetOp::Xor => {
            let out = copy_set(vm, x, frozen);
            vm.keep_alive(out);
            set_symdiff_update(vm, &out, y)?;
            Ok(out)
        }
    }
}

fn set_op_m(vm: &mut Vm, a: &[Value], op: SetOp, reflected: bool, meth: &str) -> PyResult<Value> {
    let s = self_any(vm, a, meth)?;
    check_wrapper(vm, a, 1)?;
    if a[1].set().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if reflected {
        set_binop(vm, &a[1], &s, op)
    } else {
        set_binop(vm, &s, &a[1], op)
    }
}

fn set_iop_m(vm: &mut Vm, a: &[Value], op: SetOp, meth: &str) -> PyResult<Value> {
    let s = self_mut(vm, a, meth)?;
    check_wrapper(vm, a, 1)?;
    if a[1].set().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match op {
        SetOp::Or => set_update_iter(vm, &s, &a[1])?,
        SetOp::And => set_intersect_update(vm, &s, &a[1])?,
        SetOp::Sub => set_difference_update(vm, &s, &a[1])?,
        SetOp::Xor => set_symdiff_update(vm, &s, &a[1])?,
    }
    Ok(s)
}

fn set_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    let name = vm.tp(s.ty()).name.as_str();
    let keys = snapshot(vm, &s);
    if keys.is_empty() {
        return Ok(vm.new_string(format!("{}()", name)));
    }
    vm.enter_recursion()?;
    let mut parts = Vec::with_capacity(keys.len());
    let mut err = None;
    for (k, _) in &keys {
        match vm.repr(k) {
            Ok(r) => parts.push(r),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.leave_recursion();
    if let Some(e) = err {
        return Err(e);
    }
    let body = format!("{{{}}}", parts.join(", "));
    let out = if s.ty() == TP_SET { body } else { format!("{}({})", name, body) };
    Ok(vm.new_string(out))
}

fn frozenset_hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = self_any(vm, a, "__hash__")?;
    check_wrapper(vm, a, 0)?;
    let me = as_exact(&s, TP_FROZENSET);
    Ok(Value::int(vm.hash(&me)?))
}

/// `a op b` for two set/frozenset payloads (`| & - ^`), with CPython's
/// choice of kept items and result kind (frozenset iff `a` is one): usable by
/// the VM's operator fast path.
pub fn set_operator(vm: &mut Vm, op: crate::compiler::bytecode::BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    use crate::compiler::bytecode::BinaryOp;
    let op = match op {
        BinaryOp::Or => SetOp::Or,
        BinaryOp::And => SetOp::And,
        BinaryOp::Sub => SetOp::Sub,
        _ => SetOp::Xor,
    };
    set_binop(vm, a, b, op)
}

/// `key in s` for a set/frozenset payload, looking up a (mutable) set key as
/// a frozenset, as CPython does.
pub fn set_contains_any(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    set_has(vm, s, key)
}

pub fn register(vm: &mut Vm) {
    bind_new_kw(vm, TP_SET, set_new);
    vm.bind_method_kw(TP_SET, "__init__", set_init);
    bind_new_kw(vm, TP_FROZENSET, frozenset_new);
    let shared: &[(&str, NativeFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len_m),
        ("__iter__", set_iter),
        ("__contains__", set_contains_m),
        ("__repr__", set_repr),
        ("__lt__", |vm, a| set_compare(vm, a, CompareOp::Lt, "__lt__")),
        ("__le__", |vm, a| set_compare(vm, a, CompareOp::Le, "__le__")),
        ("__eq__", |vm, a| set_compare(vm, a, CompareOp::Eq, "__eq__")),
        ("__ne__", |vm, a| set_compare(vm, a, CompareOp::Ne, "__ne__")),
        ("__gt__", |vm, a| set_compare(vm, a, CompareOp::Gt, "__gt__")),
        ("__ge__", |vm, a| set_compare(vm, a, CompareOp::Ge, "__ge__")),
        ("__or__", |vm, a| set_op_m(vm, a, SetOp::Or, false, "__or__")),
        ("__and__", |vm, a| set_op_m(vm, a, SetOp::And, false, "__and__")),
        ("__sub__", |vm, a| set_op_m(vm, a, SetOp::Sub, false, "__sub__")),
        ("__xor__", |vm, a| set_op_m(vm, a, SetOp::Xor, false, "__xor__")),
        ("__ror__", |vm, a| set_op_m(vm, a, SetOp::Or, true, "__ror__")),
        ("__rand__", |vm, a| set_op_m(vm, a, SetOp::And, true, "__rand__")),
        ("__rsub__", |vm, a| set_op_m(vm, a, SetOp::Sub, true, "__rsub__")),
        ("__rxor__", |vm, a| set_op_m(vm, a, SetOp::Xor, true, "__rxor__")),
    ];
    for t in [TP_SET, TP_FROZENSET] {
        for (name, f) in shared {
            vm.bind_method(t, name, -1, *f);
        }
        bind_class_getitem(vm, t);
    }
    let mutating: &[(&str, NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update_m),
        ("symmetric_difference_update", set_symmetric_difference_update),
        ("__ior__", |vm, a| set_iop_m(vm, a, SetOp::Or, "__ior__")),
        ("__iand__", |vm, a| set_iop_m(vm, a, SetOp::And, "__iand__")),
        ("__isub__", |vm, a| set_iop_m(vm, a, SetOp::Sub, "__isub__")),
        ("__ixor__", |vm, a| set_iop_m(vm, a, SetOp::Xor, "__ixor__")),
    ];
    for (name, f) in mutating {
        vm.bind_method(TP_SET, name, -1, *f);
    }
    vm.set_type_attr(TP_SET, "__hash__", Value::NONE);
    vm.bind_method(TP_FROZENSET, "__hash__", -1, frozenset_hash);
}
