//! `list`: constructor and methods, plus the helpers shared by the container
//! types (argument checks, index conversion, rooting, sequence comparison and
//! the stable sort).

use std::cell::RefCell;

use crate::compiler::bytecode::CompareOp;
use crate::objects::function::{NativeFn, NativeFnKw};
use crate::objects::iter::IterState;
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

// ====================================================================== shared helpers

fn plural(k: usize) -> &'static str {
    if k == 1 {
        ""
    } else {
        "s"
    }
}

/// METH_O / METH_NOARGS style count check (`k` excludes self):
/// "list.append() takes exactly one argument (0 given)".
pub(crate) fn check_fixed(vm: &mut Vm, a: &[Value], qual: &str, k: usize) -> PyResult<()> {
    let got = a.len().saturating_sub(1);
    if got == k {
        return Ok(());
    }
    let msg = if k == 0 {
        format!("{}() takes no arguments ({} given)", qual, got)
    } else if k == 1 {
        format!("{}() takes exactly one argument ({} given)", qual, got)
    } else {
        format!("{}() takes exactly {} arguments ({} given)", qual, k, got)
    };
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// Argument-clinic style count check (`min`/`max` exclude self):
/// "pop expected at most 1 argument, got 2".
pub(crate) fn check_range(vm: &mut Vm, a: &[Value], name: &str, min: usize, max: usize) -> PyResult<()> {
    let got = a.len().saturating_sub(1);
    check_count(vm, got, name, min, max)
}

/// Like `check_range` for a count that has no self.
pub(crate) fn check_count(vm: &mut Vm, got: usize, name: &str, min: usize, max: usize) -> PyResult<()> {
    if got >= min && got <= max {
        return Ok(());
    }
    let msg = if min == max {
        format!("{} expected {} argument{}, got {}", name, min, plural(min), got)
    } else if got < min {
        format!("{} expected at least {} argument{}, got {}", name, min, plural(min), got)
    } else {
        format!("{} expected at most {} argument{}, got {}", name, max, plural(max), got)
    };
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// Slot-wrapper style count check for dunders: "expected 1 argument, got 0".
pub(crate) fn check_wrapper(vm: &mut Vm, a: &[Value], k: usize) -> PyResult<()> {
    let got = a.len().saturating_sub(1);
    if got == k {
        return Ok(());
    }
    let msg = format!("expected {} argument{}, got {}", k, plural(k), got);
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// The error for a method called with a `self` of the wrong payload.
pub(crate) fn bad_self(vm: &mut Vm, a: &[Value], tname: &str, meth: &str) -> Raised {
    let msg = match a.first() {
        None => format!("unbound method {}.{}() needs an argument", tname, meth),
        Some(v) => {
            let vt = vm.type_name(v);
            if meth.starts_with("__") && meth.ends_with("__") && meth != "__getitem__" && meth != "__reversed__" {
                format!("descriptor '{}' requires a '{}' object but received a '{}'", meth, tname, vt)
            } else {
                format!("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", meth, tname, vt)
            }
        }
    };
    vm.new_error(TP_TYPE_ERROR, msg)
}

/// Bind a keyword-accepting native as the static `__new__` of a type.
pub(crate) fn bind_new_kw(vm: &mut Vm, t: TypeId, f: NativeFnKw) {
    let nf = vm.new_native_kw("__new__", f);
    let s = vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(nf), None);
    vm.set_type_attr(t, "__new__", s);
}

/// The class argument of `X.__new__(cls, ...)`, checked to be a subtype of `base`.
pub(crate) fn new_cls(vm: &mut Vm, a: &[Value], base: TypeId) -> PyResult<TypeId> {
    let bname = vm.tp(base).name.as_str();
    let v = match a.first() {
        Some(v) => *v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, format!("{}.__new__(): not enough arguments", bname))),
    };
    let t = match v.as_type() {
        Some(t) => t,
        None => {
            let msg = format!("{}.__new__(X): X is not a type object ({})", bname, vm.type_name(&v));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    if !vm.is_subtype(t, base) {
        let tn = vm.tp(t).name.as_str();
        let msg = format!("{}.__new__({}): {} is not a subtype of {}", bname, tn, tn, bname);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    Ok(t)
}

/// The i64 value of an int-like (`int`, `bool`, int subclass, `__index__`).
/// `Ok(None)` when `v` is not int-like; OverflowError(`overflow`) when it does
/// not fit.
pub(crate) fn index_of(vm: &mut Vm, v: &Value, overflow: &str) -> PyResult<Option<i64>> {
    if v.is_small_int() || v.ty() == TP_BOOL {
        return Ok(Some(v.as_i64()));
    }
    if v.ty() == TP_FLOAT {
        return Ok(None);
    }
    if v.is_ptr() {
        if let ObjData::BigInt(b) = &v.obj().data {
            use num_traits::ToPrimitive;
            return match b.to_i64() {
                Some(i) => Ok(Some(i)),
                None => Err(vm.new_error(TP_OVERFLOW_ERROR, overflow)),
            };
        }
    }
    if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
        if f.is_none() {
            return Ok(None);
        }
        let r = vm.call(&f, &[*v])?;
        if !(r.ty() == TP_INT || r.ty() == TP_BOOL) {
            let msg = format!("__index__ returned non-int (type {})", vm.type_name(&r));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        return index_of(vm, &r, overflow);
    }
    Ok(None)
}

/// An int-like as a Py_ssize_t: "'str' object cannot be interpreted as an integer".
pub(crate) fn as_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match index_of(vm, v, "Python int too large to convert to C ssize_t")? {
        Some(i) => Ok(i),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// A slice bound (`index(x, start, stop)`): huge values clamp.
pub(crate) fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_small_int() || v.ty() == TP_BOOL {
        return Ok(v.as_i64());
    }
    if v.is_ptr() {
        if let ObjData::BigInt(b) = &v.obj().data {
            use num_traits::ToPrimitive;
            return Ok(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }));
        }
    }
    if v.ty() != TP_FLOAT {
        if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
            if !f.is_none() {
                let r = vm.call(&f, &[*v])?;
                if r.ty() == TP_INT || r.ty() == TP_BOOL {
                    return slice_bound(vm, &r);
                }
            }
        }
    }
    Err(vm.new_error(TP_TYPE_ERROR, "slice indices must be integers or have an __index__ method"))
}

/// Normalise `start`/`stop` arguments of `index()` against `len`.
pub(crate) fn index_range(vm: &mut Vm, a: &[Value], first: usize, len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let norm = |x: i64| -> i64 {
        if x < 0 {
            (x.saturating_add(len)).max(0)
        } else {
            x
        }
    };
    let start = match a.get(first) {
        Some(v) => norm(slice_bound(vm, v)?),
        None => 0,
    };
    let stop = match a.get(first + 1) {
        Some(v) => norm(slice_bound(vm, v)?),
        None => i64::MAX,
    };
    Ok((start as usize, stop.max(0) as usize))
}

/// Keep `vals` alive (in a hidden tuple on the temporary roots) while Python
/// code runs; returns them.
pub(crate) fn rooted(vm: &mut Vm, vals: Vec<Value>) -> Vec<Value> {
    if vals.iter().any(|v| v.is_ptr()) {
        let t = vm.new_tuple(vals.clone());
        vm.keep_alive(t);
    }
    vals
}

/// A vector of `n` slots, or MemoryError instead of aborting.
pub(crate) fn try_vec(vm: &mut Vm, n: usize) -> PyResult<Vec<Value>> {
    vm.values_with_capacity(n)
}

/// `items * k`.
pub(crate) fn repeat_items(vm: &mut Vm, items: &[Value], k: i64) -> PyResult<Vec<Value>> {
    if k <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = match items.len().checked_mul(k as usize) {
        Some(t) => t,
        None => return Err(vm.new_error(TP_MEMORY_ERROR, "")),
    };
    let mut out = try_vec(vm, total)?;
    for _ in 0..k {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// The repeat count of `seq * k`; `Ok(None)` when `k` is not int-like.
pub(crate) fn repeat_count(vm: &mut Vm, k: &Value) -> PyResult<Option<i64>> {
    index_of(vm, k, "cannot fit 'int' into an index-sized integer")
}

/// Item `i` of a list or tuple payload.
#[inline]
pub(crate) fn seq_item(v: &Value, i: usize) -> Option<Value> {
    if !v.is_ptr() {
        return None;
    }
    match &v.obj().data {
        ObjData::List(l) => l.borrow().get(i).copied(),
        ObjData::Tuple(t) => t.get(i).copied(),
        _ => None,
    }
}

#[inline]
pub(crate) fn seq_len(v: &Value) -> usize {
    if !v.is_ptr() {
        return 0;
    }
    match &v.obj().data {
        ObjData::List(l) => l.borrow().len(),
        ObjData::Tuple(t) => t.len(),
        _ => 0,
    }
}

/// Lexicographic comparison of two list (or two tuple) payloads. The lists
/// are re-read at every step, as Python code may mutate them.
pub(crate) fn seq_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && seq_len(a) != seq_len(b) {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    vm.enter_recursion()?;
    let r = seq_richcompare_inner(vm, a, b, op);
    vm.leave_recursion();
    r
}

fn seq_richcompare_inner(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let mut i = 0;
    loop {
        let (x, y) = match (seq_item(a, i), seq_item(b, i)) {
            (Some(x), Some(y)) => (x, y),
            _ => break,
        };
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(x);
        vm.temp_roots.push(y);
        let same = vm.eq(&x, &y);
        let same = match same {
            Ok(s) => s,
            Err(e) => {
                vm.temp_roots.truncate(mark);
                return Err(e);
            }
        };
        if !same {
            let r = match op {
                CompareOp::Eq => Ok(Value::FALSE),
                CompareOp::Ne => Ok(Value::TRUE),
                _ => vm.compare(op, x, y),
            };
            vm.temp_roots.truncate(mark);
            return r;
        }
        vm.temp_roots.truncate(mark);
        i += 1;
    }
    let (la, lb) = (seq_len(a), seq_len(b));
    let r = match op {
        CompareOp::Lt => la < lb,
        CompareOp::Le => la <= lb,
        CompareOp::Eq => la == lb,
        CompareOp::Ne => la != lb,
        CompareOp::Gt => la > lb,
        CompareOp::Ge => la >= lb,
    };
    Ok(Value::bool(r))
}

/// Index of the first item equal to `x` in `seq[start..stop]` (list or tuple).
pub(crate) fn seq_find(vm: &mut Vm, seq: &Value, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let item = match seq_item(seq, i) {
            Some(v) => v,
            None => break,
        };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

pub(crate) fn seq_count(vm: &mut Vm, seq: &Value, x: &Value) -> PyResult<usize> {
    let mut i = 0;
    let mut c = 0;
    while let Some(item) = seq_item(seq, i) {
        if vm.eq(&item, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(c)
}

/// `Value` `v` viewed as an exact instance of built-in type `t` (same object):
/// lets the built-in protocol code serve subclass instances.
#[inline]
pub(crate) fn as_exact(v: &Value, t: TypeId) -> Value {
    v.with_ty(t)
}

/// Reverse iterator by index (`reversed(seq)` for sequences).
pub(crate) fn reversed_iter(vm: &mut Vm, seq: Value, len: usize) -> Value {
    let st = IterState::Reversed { seq, idx: len as i64 - 1 };
    vm.heap.alloc(TP_REVERSED, ObjData::Iter(RefCell::new(st)), None)
}

// ====================================================================== sorting

/// Stable merge sort of `0..n` by `less`; tolerates inconsistent orders and
/// stops at the first error.
pub(crate) fn merge_sort(n: usize, less: &mut dyn FnMut(usize, usize) -> PyResult<bool>) -> PyResult<Vec<usize>> {
    let mut a: Vec<usize> = (0..n).collect();
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            // Skip the search when already in order.
            if !less(x, a[i - 1])? {
                continue;
            }
            let (mut lo, mut hi) = (start, i - 1);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if less(x, a[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            a[lo..=i].rotate_right(1);
        }
        start = end;
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi && less(a[mid], a[mid - 1])? {
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    if less(a[j], a[i])? {
                        buf[k] = a[j];
                        j += 1;
                    } else {
                        buf[k] = a[i];
                        i += 1;
                    }
                    k += 1;
                }
                let rest = mid - i;
                buf[k..k + rest].copy_from_slice(&a[i..mid]);
                k += rest;
                buf[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
                a[lo..hi].copy_from_slice(&buf[lo..hi]);
            }
            lo = hi;
        }
        width = width.saturating_mul(2);
    }
    Ok(a)
}

/// `a < b` for the items of two tuples.
fn tuple_lt(vm: &mut Vm, a: &[Value], b: &[Value]) -> PyResult<bool> {
    for (x, y) in a.iter().zip(b.iter()) {
        // Small ints and exact strs (code point order is UTF-8 byte order).
        if x.is_small_int() && y.is_small_int() {
            if x.as_i64() != y.as_i64() {
                return Ok(x.as_i64() < y.as_i64());
            }
            continue;
        }
        if x.ty() == TP_STR && y.ty() == TP_STR {
            let (s, t) = (x.as_str().unwrap_or(""), y.as_str().unwrap_or(""));
            if s != t {
                return Ok(s < t);
            }
            continue;
        }
        let same = match crate::vm::ops::pure_eq(x, y) {
            Some(s) => s,
            None => vm.eq(x, y)?,
        };
        if !same {
            if x.is_small_int() && y.is_small_int() {
                return Ok(x.as_i64() < y.as_i64());
            }
            let r = vm.compare(CompareOp::Lt, *x, *y)?;
            if r.ty() == TP_BOOL {
                return Ok(r.as_bool_raw());
            }
            return vm.truthy(&r);
        }
    }
    Ok(a.len() < b.len())
}

/// The stable sorting permutation of `keys` (all alive for the duration).
fn sort_perm(vm: &mut Vm, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    if keys.iter().all(|k| k.is_small_int() || k.ty() == TP_BOOL) {
        let mut perm: Vec<usize> = (0..n).collect();
        perm.sort_by_key(|&i| keys[i].as_i64());
        return Ok(perm);
    }
    if keys.iter().all(|k| k.ty() == TP_FLOAT) {
        let f: Vec<f64> = keys.iter().map(|k| k.as_f64()).collect();
        return merge_sort(n, &mut |i, j| Ok(f[i] < f[j]));
    }
    if keys.iter().all(|k| k.ty() == TP_STR) {
        let s: Vec<&str> = keys.iter().map(|k| k.as_str().unwrap_or("")).collect();
        let mut perm: Vec<usize> = (0..n).collect();
        perm.sort_by(|&i, &j| s[i].cmp(s[j]));
        return Ok(perm);
    }
    if keys.iter().all(|k| k.ty() == TP_TUPLE) {
        // Lexicographic, without materialising the tuples' item vectors.
        let tups: Vec<&[Value]> = keys.iter().map(|k| k.tuple().unwrap_or(&[])).collect();
        return merge_sort(n, &mut |i, j| tuple_lt(vm, tups[i], tups[j]));
    }
    merge_sort(n, &mut |i, j| {
        let r = vm.compare(CompareOp::Lt, keys[i], keys[j])?;
        if r.ty() == TP_BOOL {
            return Ok(r.as_bool_raw());
        }
        vm.truthy(&r)
    })
}

/// Sort the items of list object `list` in place (`list.sort(key=, reverse=)`).
/// While sorting, the list looks empty; a modification by the key or a
/// comparison raises ValueError afterwards.
pub fn sort_list(vm: &mut Vm, list: &Value, key: Value, reverse: bool) -> PyResult<()> {
    let cell = match list.list() {
        Some(c) => c,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "sort() requires a list")),
    };
    let mut items = std::mem::take(&mut *cell.borrow_mut());
    // Keep the items alive in a private list while Python code runs.
    let holder = vm.new_list(items.clone());
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(holder);
    if reverse {
        items.reverse();
    }
    let result: PyResult<Vec<Value>> = (|| {
        let keys: Vec<Value> = if key.is_none() {
            items.clone()
        } else {
            let kh = vm.new_list(Vec::with_capacity(items.len()));
            vm.temp_roots.push(kh);
            for x in &items {
                let k = vm.call(&key, &[*x])?;
                if let Some(l) = kh.list() {
                    l.borrow_mut().push(k);
                }
            }
            kh.list().map(|l| l.borrow().clone()).unwrap_or_default()
        };
        let perm = sort_perm(vm, &keys)?;
        Ok(perm.into_iter().map(|i| items[i]).collect())
    })();
    let modified = {
        let l = cell.borrow();
        !l.is_empty() || l.capacity() != 0
    };
    let r = match result {
        Ok(mut sorted) => {
            if reverse {
                sorted.reverse();
            }
            *cell.borrow_mut() = sorted;
            if modified {
                Err(vm.new_error(TP_VALUE_ERROR, "list modified during sort"))
            } else {
                Ok(())
            }
        }
        Err(e) => {
            if reverse {
                items.reverse();
            }
            *cell.borrow_mut() = items;
            Err(e)
        }
    };
    vm.temp_roots.truncate(mark);
    r
}

// ====================================================================== list

fn self_list<'a>(vm: &mut Vm, a: &'a [Value], meth: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    match a.first().and_then(|v| v.list()) {
        Some(l) => Ok(l),
        None => Err(bad_self(vm, a, "list", meth)),
    }
}

fn list_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = new_cls(vm, a, TP_LIST)?;
    crate::objects::typeobj::alloc_instance(vm, t)
}

fn list_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let l = self_list(vm, a, "__init__")?;
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "list() takes no keyword arguments"));
    }
    check_range(vm, a, "list", 0, 1)?;
    l.borrow_mut().clear();
    if a.len() == 2 {
        let items = vm.collect_iter(&a[1])?;
        l.borrow_mut().extend(items);
    }
    Ok(Value::NONE)
}

fn list_append(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "append")?;
    check_fixed(vm, a, "list.append", 1)?;
    l.borrow_mut().push(a[1]);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "extend")?;
    check_fixed(vm, a, "list.extend", 1)?;
    let items = vm.collect_iter(&a[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::NONE)
}

fn list_insert(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "insert")?;
    check_range(vm, a, "insert", 2, 2)?;
    let i = as_ssize(vm, &a[1])?;
    let mut lb = l.borrow_mut();
    let len = lb.len() as i64;
    let at = if i < 0 { (i.saturating_add(len)).max(0) } else { i.min(len) };
    if lb.try_reserve(1).is_err() {
        drop(lb);
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    lb.insert(at as usize, a[2]);
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "pop")?;
    check_range(vm, a, "pop", 0, 1)?;
    let i = if a.len() == 2 { as_ssize(vm, &a[1])? } else { -1 };
    let mut lb = l.borrow_mut();
    let len = lb.len() as i64;
    if len == 0 {
        drop(lb);
        return Err(vm.new_error(TP_INDEX_ERROR, "pop from empty list"));
    }
    let idx = if i < 0 { i.saturating_add(len) } else { i };
    if idx < 0 || idx >= len {
        drop(lb);
        return Err(vm.new_error(TP_INDEX_ERROR, "pop index out of range"));
    }
    Ok(lb.remove(idx as usize))
}

fn list_remove(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "remove")?;
    check_fixed(vm, a, "list.remove", 1)?;
    if let Some(i) = seq_find(vm, &a[0], &a[1], 0, usize::MAX)? {
        let mut lb = l.borrow_mut();
        if i < lb.len() {
            lb.remove(i);
        }
        return Ok(Value::NONE);
    }
    Err(vm.new_error(TP_VALUE_ERROR, "list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "index")?;
    check_range(vm, a, "index", 1, 3)?;
    let len = l.borrow().len();
    let (start, stop) = index_range(vm, a, 2, len)?;
    if let Some(i) = seq_find(vm, &a[0], &a[1], start, stop)? {
        return Ok(Value::int(i as i64));
    }
    let r = vm.repr(&a[1])?;
    Err(vm.new_error(TP_VALUE_ERROR, format!("{} is not in list", r)))
}

fn list_count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "count")?;
    check_fixed(vm, a, "list.count", 1)?;
    Ok(Value::int(seq_count(vm, &a[0], &a[1])? as i64))
}

fn list_reverse(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "reverse")?;
    check_fixed(vm, a, "list.reverse", 0)?;
    l.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_clear(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "clear")?;
    check_fixed(vm, a, "list.clear", 0)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "copy")?;
    check_fixed(vm, a, "list.copy", 0)?;
    let items = l.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_sort(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    self_list(vm, a, "sort")?;
    if a.len() > 1 {
        return Err(vm.new_error(TP_TYPE_ERROR, "sort() takes no positional arguments"));
    }
    let mut key = Value::NONE;
    let mut reverse = false;
    for (k, v) in kw {
        match k.as_str() {
            "key" => key = *v,
            "reverse" => {
                reverse = match index_of(vm, v, "Python int too large to convert to C int")? {
                    Some(i) => i != 0,
                    None => {
                        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
                        return Err(vm.new_error(TP_TYPE_ERROR, msg));
                    }
                }
            }
            other => {
                let msg = format!("'{}' is an invalid keyword argument for sort()", other);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    sort_list(vm, &a[0], key, reverse)?;
    Ok(Value::NONE)
}

fn list_len(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "__len__")?;
    check_wrapper(vm, a, 0)?;
    let n = l.borrow().len();
    Ok(Value::int(n as i64))
}

fn list_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "__getitem__")?;
    check_fixed(vm, a, "list.__getitem__", 1)?;
    let me = as_exact(&a[0], TP_LIST);
    match crate::objects::builtin_getitem(vm, &me, &a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(TP_TYPE_ERROR, "list indices must be integers or slices")),
    }
}

fn list_setitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "__setitem__")?;
    check_wrapper(vm, a, 2)?;
    let me = as_exact(&a[0], TP_LIST);
    crate::objects::builtin_setitem(vm, &me, &a[1], Some(a[2]))?;
    Ok(Value::NONE)
}

fn list_delitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "__delitem__")?;
    check_wrapper(vm, a, 1)?;
    let me = as_exact(&a[0], TP_LIST);
    crate::objects::builtin_setitem(vm, &me, &a[1], None)?;
    Ok(Value::NONE)
}

fn list_contains(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "__contains__")?;
    check_wrapper(vm, a, 1)?;
    Ok(Value::bool(seq_find(vm, &a[0], &a[1], 0, usize::MAX)?.is_some()))
}

fn list_iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "__iter__")?;
    check_wrapper(vm, a, 0)?;
    let st = IterState::Seq { seq: a[0], idx: 0 };
    Ok(vm.heap.alloc(TP_LIST_ITERATOR, ObjData::Iter(RefCell::new(st)), None))
}

fn list_reversed(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "__reversed__")?;
    check_fixed(vm, a, "list.__reversed__", 0)?;
    let len = l.borrow().len();
    Ok(reversed_iter(vm, as_exact(&a[0], TP_LIST), len))
}

fn concat_error(vm: &mut Vm, what: &str, other: &Value) -> Raised {
    let msg = format!("can only concatenate {} (not \"{}\") to {}", what, vm.type_name(other), what);
    vm.new_error(TP_TYPE_ERROR, msg)
}

/// Whether a user type offers the reflected method `name` (then the operator
/// machinery should get a chance to call it).
pub(crate) fn user_reflected(vm: &Vm, other: &Value, name: Name) -> bool {
    !vm.types[other.ty() as usize].is_builtin && vm.find_in_type(other.ty(), name).is_some()
}

fn list_add(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "__add__")?;
    check_wrapper(vm, a, 1)?;
    let other = match a[1].list() {
        Some(o) => o,
        None => {
            if user_reflected(vm, &a[1], n::__radd__) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            return Err(concat_error(vm, "list", &a[1]));
        }
    };
    let (x, y) = (l.borrow().clone(), other.borrow().clone());
    let out = vm.concat_values(&x, &y)?;
    Ok(vm.new_list(out))
}

fn list_iadd(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "__iadd__")?;
    check_wrapper(vm, a, 1)?;
    let items = vm.collect_iter(&a[1])?;
    l.borrow_mut().extend(items);
    Ok(a[0])
}

fn mul_error(vm: &mut Vm, k: &Value) -> Raised {
    let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(k));
    vm.new_error(TP_TYPE_ERROR, msg)
}

fn list_mul(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "__mul__")?;
    check_wrapper(vm, a, 1)?;
    let k = match repeat_count(vm, &a[1])? {
        Some(k) => k,
        None => {
            if user_reflected(vm, &a[1], n::__rmul__) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            return Err(mul_error(vm, &a[1]));
        }
    };
    let items = l.borrow().clone();
    let out = repeat_items(vm, &items, k)?;
    Ok(vm.new_list(out))
}

fn list_imul(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = self_list(vm, a, "__imul__")?;
    check_wrapper(vm, a, 1)?;
    let k = match repeat_count(vm, &a[1])? {
        Some(k) => k,
        None => return Err(mul_error(vm, &a[1])),
    };
    let items = l.borrow().clone();
    let out = repeat_items(vm, &items, k)?;
    *l.borrow_mut() = out;
    Ok(a[0])
}

fn list_compare(vm: &mut Vm, a: &[Value], op: CompareOp, meth: &str) -> PyResult<Value> {
    self_list(vm, a, meth)?;
    check_wrapper(vm, a, 1)?;
    if a[1].list().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    seq_richcompare(vm, &a[0], &a[1], op)
}

fn list_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_list(vm, a, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    let me = as_exact(&a[0], TP_LIST);
    vm.repr_value(&me)
}

fn class_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_wrapper(vm, a, 1)?;
    Ok(a[0])
}

/// `__class_getitem__` returning the class (`list[int]` is `list`).
pub(crate) fn bind_class_getitem(vm: &mut Vm, t: TypeId) {
    vm.bind_classmethod(t, "__class_getitem__", -1, class_getitem);
}

pub fn register(vm: &mut Vm) {
    let t = TP_LIST;
    bind_new_kw(vm, t, list_new);
    vm.bind_method_kw(t, "__init__", list_init);
    let methods: &[(&str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("reverse", list_reverse),
        ("clear", list_clear),
        ("copy", list_copy),
        ("__len__", list_len),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__contains__", list_contains),
        ("__iter__", list_iter),
        ("__reversed__", list_reversed),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", list_mul),
        ("__rmul__", list_mul),
        ("__imul__", list_imul),
        ("__repr__", list_repr),
        ("__lt__", |vm, a| list_compare(vm, a, CompareOp::Lt, "__lt__")),
        ("__le__", |vm, a| list_compare(vm, a, CompareOp::Le, "__le__")),
        ("__eq__", |vm, a| list_compare(vm, a, CompareOp::Eq, "__eq__")),
        ("__ne__", |vm, a| list_compare(vm, a, CompareOp::Ne, "__ne__")),
        ("__gt__", |vm, a| list_compare(vm, a, CompareOp::Gt, "__gt__")),
        ("__ge__", |vm, a| list_compare(vm, a, CompareOp::Ge, "__ge__")),
    ];
    for (name, f) in methods {
        vm.bind_method(t, name, -1, *f);
    }
    vm.bind_method_kw(t, "sort", list_sort);
    vm.set_type_attr(t, "__hash__", Value::NONE);
    bind_class_getitem(vm, t);
}
