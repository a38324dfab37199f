//! `range` and `slice`, and the constructors of the built-in iterator types
//! `enumerate`, `zip`, `map`, `filter` and `reversed`.

use std::cell::RefCell;

use crate::compiler::bytecode::CompareOp;
use crate::objects::function::NativeFn;
use crate::objects::iter::IterState;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::objects::int::to_bigint;
use crate::objects::list::{as_ssize, bad_self, bind_new_kw, check_count, check_fixed, check_wrapper, index_of, reversed_iter};
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::{NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

// ====================================================================== range
//
// A range whose bounds fit in i64 has the `ObjData::Range` payload, which the
// VM's fast paths understand. Larger ranges keep their bounds as BigInts in
// an `ObjData::Native` payload and are served by the methods below.

/// The bounds of a range that does not fit in i64.
struct BigRange {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
}

impl NativeData for BigRange {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// A range's bounds.
#[derive(Clone)]
enum Rg {
    Small(i64, i64, i64),
    Big(BigInt, BigInt, BigInt),
}

impl Rg {
    fn big(&self) -> (BigInt, BigInt, BigInt) {
        match self {
            Rg::Small(a, b, c) => (BigInt::from(*a), BigInt::from(*b), BigInt::from(*c)),
            Rg::Big(a, b, c) => (a.clone(), b.clone(), c.clone()),
        }
    }

    fn len(&self) -> BigInt {
        match self {
            Rg::Small(a, b, c) => BigInt::from(range_len_wide(*a, *b, *c)),
            Rg::Big(a, b, c) => big_len(a, b, c),
        }
    }
}

fn rg_of(v: &Value) -> Option<Rg> {
    if !v.is_ptr() || v.ty() != TP_RANGE {
        return None;
    }
    match &v.obj().data {
        ObjData::Range { start, stop, step } => Some(Rg::Small(*start, *stop, *step)),
        ObjData::Native(nd) => {
            let nd = nd.borrow();
            let b = nd.as_any().downcast_ref::<BigRange>()?;
            Some(Rg::Big(b.start.clone(), b.stop.clone(), b.step.clone()))
        }
        _ => None,
    }
}

fn self_range(vm: &mut Vm, a: &[Value], meth: &str) -> PyResult<Rg> {
    match a.first().and_then(rg_of) {
        Some(p) => Ok(p),
        None => Err(bad_self(vm, a, "range", meth)),
    }
}

/// Number of items, exactly.
pub fn range_len_wide(start: i64, stop: i64, step: i64) -> i128 {
    let (a, b, s) = (start as i128, stop as i128, step as i128);
    if s > 0 && a < b {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    }
}

fn big_len(a: &BigInt, b: &BigInt, s: &BigInt) -> BigInt {
    if s.is_positive() && a < b {
        (b - a - 1u32) / s + 1u32
    } else if s.is_negative() && a > b {
        (a - b - 1u32) / (-s) + 1u32
    } else {
        BigInt::zero()
    }
}

/// A range object: the compact payload when the bounds fit in i64.
fn make_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return vm.heap.alloc(TP_RANGE, ObjData::Range { start: a, stop: b, step: c }, None);
    }
    let data: Box<dyn NativeData> = Box::new(BigRange { start, stop, step });
    vm.heap.alloc(TP_RANGE, ObjData::Native(RefCell::new(data)), None)
}

/// The int value of an int-like (`__index__` honoured); None if not int-like.
fn int_of(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if v.ty() == TP_FLOAT {
        return Ok(None);
    }
    if let Some(b) = to_bigint(v) {
        return Ok(Some(b));
    }
    if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
        if f.is_none() {
            return Ok(None);
        }
        let r = vm.call(&f, &[*v])?;
        return match to_bigint(&r) {
            Some(b) if r.ty() == TP_INT || r.ty() == TP_BOOL => Ok(Some(b)),
            _ => {
                let msg = format!("__index__ returned non-int (type {})", vm.type_name(&r));
                Err(vm.new_error(TP_TYPE_ERROR, msg))
            }
        };
    }
    Ok(None)
}

fn ssize_overflow(vm: &mut Vm) -> crate::vm::Raised {
    vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C ssize_t")
}

/// `range(*args)` when the 1 to 3 arguments are ints that fit in i64 and
/// the step is not zero (the call path's shortcut); None otherwise, for
/// `range_new` to handle (and report).
pub fn range_small(vm: &mut Vm, args: &[Value]) -> Option<Value> {
    if !args.iter().all(|v| v.is_small_int()) {
        return None;
    }
    let (start, stop, step) = match *args {
        [b] => (0, b.as_i64(), 1),
        [a, b] => (a.as_i64(), b.as_i64(), 1),
        [a, b, c] if c.as_i64() != 0 => (a.as_i64(), b.as_i64(), c.as_i64()),
        _ => return None,
    };
    Some(vm.heap.alloc(TP_RANGE, ObjData::Range { start, stop, step }, None))
}

fn range_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "range() takes no keyword arguments"));
    }
    let args = a.get(1..).unwrap_or(&[]);
    check_count(vm, args.len(), "range", 1, 3)?;
    let mut v: Vec<BigInt> = Vec::with_capacity(3);
    for x in args {
        match int_of(vm, x)? {
            Some(b) => v.push(b),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(x));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    let (start, stop, step) = match v.len() {
        1 => (BigInt::zero(), v[0].clone(), BigInt::one()),
        2 => (v[0].clone(), v[1].clone(), BigInt::one()),
        _ => (v[0].clone(), v[1].clone(), v[2].clone()),
    };
    if step.is_zero() {
        return Err(vm.new_error(TP_VALUE_ERROR, "range() arg 3 must not be zero"));
    }
    Ok(make_range(vm, start, stop, step))
}

fn range_len_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "__len__")?;
    check_wrapper(vm, a, 0)?;
    match r.len().to_i64() {
        Some(n) => Ok(Value::int(n)),
        None => Err(ssize_overflow(vm)),
    }
}

fn range_bool(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "__bool__")?;
    check_wrapper(vm, a, 0)?;
    Ok(Value::bool(!r.len().is_zero()))
}

/// `range[slice]` (CPython's compute_slice, exact for any size).
fn range_slice(vm: &mut Vm, r: &Rg, sl: &Value) -> PyResult<Value> {
    let parts = match &sl.obj().data {
        ObjData::Slice(p) => *p,
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "expected a slice")),
    };
    let bad = "slice indices must be integers or None or have an __index__ method";
    let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(None);
        }
        match int_of(vm, v)? {
            Some(b) => Ok(Some(b)),
            None => Err(vm.new_error(TP_TYPE_ERROR, bad)),
        }
    };
    let sstep = get(vm, &parts[2])?.unwrap_or_else(BigInt::one);
    if sstep.is_zero() {
        return Err(vm.new_error(TP_VALUE_ERROR, "slice step cannot be zero"));
    }
    let sstart = get(vm, &parts[0])?;
    let sstop = get(vm, &parts[1])?;
    let len = r.len();
    let (lower, upper) = if sstep.is_negative() { (BigInt::from(-1), &len - 1u32) } else { (BigInt::zero(), len.clone()) };
    let adjust = |x: Option<BigInt>, default: &BigInt| -> BigInt {
        match x {
            None => default.clone(),
            Some(v) => {
                if v.is_negative() {
                    let v = v + &len;
                    if v < lower {
                        lower.clone()
                    } else {
                        v
                    }
                } else if v > upper {
                    upper.clone()
                } else {
                    v
                }
            }
        }
    };
    let (dstart, dstop) = if sstep.is_negative() { (upper.clone(), lower.clone()) } else { (lower.clone(), upper.clone()) };
    let i0 = adjust(sstart, &dstart);
    let i1 = adjust(sstop, &dstop);
    let (start, _, step) = r.big();
    let new_start = &start + &i0 * &step;
    let new_stop = &start + &i1 * &step;
    let new_step = &step * &sstep;
    Ok(make_range(vm, new_start, new_stop, new_step))
}

fn range_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "__getitem__")?;
    check_fixed(vm, a, "range.__getitem__", 1)?;
    let key = a[1];
    if key.ty() == TP_SLICE {
        return range_slice(vm, &r, &key);
    }
    if let (Rg::Small(start, stop, step), true) = (&r, key.is_small_int() || key.ty() == TP_BOOL) {
        let n = range_len_wide(*start, *stop, *step);
        let i = key.as_i64() as i128;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(vm.new_error(TP_INDEX_ERROR, "range object index out of range"));
        }
        return Ok(Value::int((*start as i128 + i * *step as i128) as i64));
    }
    let i = match int_of(vm, &key)? {
        Some(i) => i,
        None => {
            let msg = format!("range indices must be integers or slices, not {}", vm.type_name(&key));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let len = r.len();
    let i = if i.is_negative() { i + &len } else { i };
    if i.is_negative() || i >= len {
        return Err(vm.new_error(TP_INDEX_ERROR, "range object index out of range"));
    }
    let (start, _, step) = r.big();
    Ok(vm.new_bigint(start + i * step))
}

/// Position of int `x` in the range, if present.
fn range_pos(r: &Rg, x: &BigInt) -> Option<BigInt> {
    let (a, b, s) = r.big();
    let inside = if s.is_positive() { x >= &a && x < &b } else { x <= &a && x > &b };
    if !inside {
        return None;
    }
    let d = x - &a;
    if (&d % &s).is_zero() {
        Some(d / s)
    } else {
        None
    }
}

/// An int key (int, bool or int subclass), as a BigInt.
fn int_key(v: &Value) -> Option<BigInt> {
    if v.ty() == TP_FLOAT {
        return None;
    }
    to_bigint(v)
}

/// Linear scan of the range comparing with `==` (for non-int keys):
/// (first position, count).
fn range_scan(vm: &mut Vm, r: &Rg, x: &Value, count_all: bool) -> PyResult<(Option<BigInt>, BigInt)> {
    let (start, _, step) = r.big();
    let n = r.len();
    let mut first = None;
    let mut count = BigInt::zero();
    let mut i = BigInt::zero();
    let mut cur = start;
    while i < n {
        let item = vm.new_bigint(cur.clone());
        if vm.eq(&item, x)? {
            if first.is_none() {
                first = Some(i.clone());
            }
            count += 1u32;
            if !count_all {
                break;
            }
        }
        i += 1u32;
        cur += &step;
    }
    Ok((first, count))
}

fn range_contains(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "__contains__")?;
    check_wrapper(vm, a, 1)?;
    if let Some(x) = int_key(&a[1]) {
        return Ok(Value::bool(range_pos(&r, &x).is_some()));
    }
    Ok(Value::bool(range_scan(vm, &r, &a[1], false)?.0.is_some()))
}

fn range_index(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "index")?;
    check_fixed(vm, a, "range.index", 1)?;
    let pos = match int_key(&a[1]) {
        Some(x) => range_pos(&r, &x),
        None => range_scan(vm, &r, &a[1], false)?.0,
    };
    match pos {
        Some(p) => Ok(vm.new_bigint(p)),
        None => {
            let rep = vm.repr(&a[1])?;
            Err(vm.new_error(TP_VALUE_ERROR, format!("{} is not in range", rep)))
        }
    }
}

fn range_count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "count")?;
    check_fixed(vm, a, "range.count", 1)?;
    let c = match int_key(&a[1]) {
        Some(x) => BigInt::from(range_pos(&r, &x).is_some() as i64),
        None => range_scan(vm, &r, &a[1], true)?.1,
    };
    Ok(vm.new_bigint(c))
}

fn range_iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "__iter__")?;
    check_wrapper(vm, a, 0)?;
    let fits = |x: &BigInt| x.to_i64();
    let (start, _, step) = r.big();
    let n = r.len();
    // The iterator steps past the last item: make sure that cannot overflow.
    let past = &start + &step * &n;
    let st = match (fits(&start), fits(&step), fits(&past)) {
        (Some(s), Some(st), Some(p)) => IterState::Range { cur: s, stop: p, step: st },
        // Too long to finish anyway: clamp the end.
        (Some(s), Some(st), None) if n > BigInt::from(i64::MAX / 2) => {
            IterState::Range { cur: s, stop: if st > 0 { i64::MAX } else { i64::MIN }, step: st }
        }
        _ => IterState::GetItem { obj: a[0], idx: 0, done: false },
    };
    Ok(vm.heap.alloc(TP_RANGE_ITERATOR, ObjData::Iter(RefCell::new(st)), None))
}

fn range_reversed(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = self_range(vm, a, "__reversed__")?;
    check_fixed(vm, a, "range.__reversed__", 0)?;
    let n = r.len();
    if n.is_zero() {
        let st = IterState::Range { cur: 0, stop: 0, step: 1 };
        return Ok(vm.heap.alloc(TP_RANGE_ITERATOR, ObjData::Iter(RefCell::new(st)), None));
    }
    let (start, _, step) = r.big();
    let last = &start + &step * (&n - 1u32);
    let past = &start - &step;
    let neg = -&step;
    if let (Some(l), Some(p), Some(s)) = (last.to_i64(), past.to_i64(), neg.to_i64()) {
        let st = IterState::Range { cur: l, stop: p, step: s };
        return Ok(vm.heap.alloc(TP_RANGE_ITERATOR, ObjData::Iter(RefCell::new(st)), None));
    }
    match n.to_i64() {
        Some(len) => Ok(reversed_iter(vm, a[0], len as usize)),
        None => Err(ssize_overflow(vm)),
    }
}

/// The canonical form of a range for equality and hashing.
fn range_key(r: &Rg) -> (BigInt, Option<BigInt>, Option<BigInt>) {
    let n = r.len();
    let (start, _, step) = r.big();
    if n.is_zero() {
        (n, None, None)
    } else if n == BigInt::one() {
        (n, Some(start), None)
    } else {
        (n, Some(start), Some(step))
    }
}

fn range_compare(vm: &mut Vm, a: &[Value], ne: bool) -> PyResult<Value> {
    let r = self_range(vm, a, if ne { "__ne__" } else { "__eq__" })?;
    check_wrapper(vm, a, 1)?;
    let o = match rg_of(&a[1]) {
        Some(o) => o,
        None => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool((range_key(&r) == range_key(&o)) != ne))
}

fn range_hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_range(vm, a, "__hash__")?;
    check_wrapper(vm, a, 0)?;
    Ok(Value::int(range_hash_value(vm, &a[0])?))
}

fn range_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_range(vm, a, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    let s = range_repr_string(&a[0]).unwrap_or_default();
    Ok(vm.new_string(s))
}

fn range_attr(vm: &mut Vm, a: &[Value], which: usize) -> PyResult<Value> {
    let r = self_range(vm, a, ["start", "stop", "step"][which])?;
    let (s, e, st) = r.big();
    let v = match which {
        0 => s,
        1 => e,
        _ => st,
    };
    Ok(vm.new_bigint(v))
}

/// `repr()` of a range object (any size), for the VM's repr fast path.
pub fn range_repr_string(v: &Value) -> Option<String> {
    let (start, stop, step) = rg_of(v)?.big();
    Some(if step == BigInt::one() { format!("range({}, {})", start, stop) } else { format!("range({}, {}, {})", start, stop, step) })
}

/// `hash()` of a range object (equal ranges hash equal), for `Vm::hash`.
pub fn range_hash_value(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = match rg_of(v) {
        Some(r) => r,
        None => return Ok((v.id() >> 4) & i64::MAX),
    };
    let (n, s, st) = range_key(&r);
    let nv = vm.new_bigint(n);
    let sv = match s {
        Some(x) => vm.new_bigint(x),
        None => Value::NONE,
    };
    let stv = match st {
        Some(x) => vm.new_bigint(x),
        None => Value::NONE,
    };
    let t = vm.new_tuple(vec![nv, sv, stv]);
    vm.hash(&t)
}

fn register_range(vm: &mut Vm) {
    let t = TP_RANGE;
    bind_new_kw(vm, t, range_new);
    vm.bind_property(t, "start", |vm, a| range_attr(vm, a, 0));
    vm.bind_property(t, "stop", |vm, a| range_attr(vm, a, 1));
    vm.bind_property(t, "step", |vm, a| range_attr(vm, a, 2));
    let methods: &[(&str, NativeFn)] = &[
        ("index", range_index),
        ("count", range_count),
        ("__len__", range_len_m),
        ("__bool__", range_bool),
        ("__getitem__", range_getitem),
        ("__contains__", range_contains),
        ("__iter__", range_iter),
        ("__reversed__", range_reversed),
        ("__eq__", |vm, a| range_compare(vm, a, false)),
        ("__ne__", |vm, a| range_compare(vm, a, true)),
        ("__hash__", range_hash),
        ("__repr__", range_repr),
    ];
    for (name, f) in methods {
        vm.bind_method(t, name, -1, *f);
    }
}

// ====================================================================== slice

fn slice_parts(v: &Value) -> Option<[Value; 3]> {
    if v.ty() != TP_SLICE || !v.is_ptr() {
        return None;
    }
    match &v.obj().data {
        ObjData::Slice(s) => Some(*s),
        _ => None,
    }
}

fn self_slice(vm: &mut Vm, a: &[Value], meth: &str) -> PyResult<[Value; 3]> {
    match a.first().and_then(slice_parts) {
        Some(p) => Ok(p),
        None => Err(bad_self(vm, a, "slice", meth)),
    }
}

fn slice_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "slice() takes no keyword arguments"));
    }
    let args = a.get(1..).unwrap_or(&[]);
    check_count(vm, args.len(), "slice", 1, 3)?;
    let parts = match args.len() {
        1 => [Value::NONE, args[0], Value::NONE],
        2 => [args[0], args[1], Value::NONE],
        _ => [args[0], args[1], args[2]],
    };
    Ok(vm.heap.alloc(TP_SLICE, ObjData::Slice(parts), None))
}

fn slice_indices_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_slice(vm, a, "indices")?;
    check_fixed(vm, a, "slice.indices", 1)?;
    let len = as_ssize(vm, &a[1])?;
    if len < 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "length should not be negative"));
    }
    let (start, stop, step, _) = crate::objects::slice_indices(vm, &a[0], len as usize)?;
    Ok(vm.new_tuple(vec![Value::int(start), Value::int(stop), Value::int(step)]))
}

fn slice_compare(vm: &mut Vm, a: &[Value], op: CompareOp, meth: &str) -> PyResult<Value> {
    let p = self_slice(vm, a, meth)?;
    check_wrapper(vm, a, 1)?;
    let q = match slice_parts(&a[1]) {
        Some(q) => q,
        None => return Ok(Value::NOT_IMPLEMENTED),
    };
    let x = vm.new_tuple(p.to_vec());
    vm.keep_alive(x);
    let y = vm.new_tuple(q.to_vec());
    vm.keep_alive(y);
    vm.compare(op, x, y)
}

fn slice_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_slice(vm, a, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    vm.repr_value(&a[0])
}

fn register_slice(vm: &mut Vm) {
    let t = TP_SLICE;
    bind_new_kw(vm, t, slice_new);
    vm.bind_property(t, "start", |vm, a| Ok(self_slice(vm, a, "start")?[0]));
    vm.bind_property(t, "stop", |vm, a| Ok(self_slice(vm, a, "stop")?[1]));
    vm.bind_property(t, "step", |vm, a| Ok(self_slice(vm, a, "step")?[2]));
    let methods: &[(&str, NativeFn)] = &[
        ("indices", slice_indices_m),
        ("__repr__", slice_repr),
        ("__lt__", |vm, a| slice_compare(vm, a, CompareOp::Lt, "__lt__")),
        ("__le__", |vm, a| slice_compare(vm, a, CompareOp::Le, "__le__")),
        ("__eq__", |vm, a| slice_compare(vm, a, CompareOp::Eq, "__eq__")),
        ("__ne__", |vm, a| slice_compare(vm, a, CompareOp::Ne, "__ne__")),
        ("__gt__", |vm, a| slice_compare(vm, a, CompareOp::Gt, "__gt__")),
        ("__ge__", |vm, a| slice_compare(vm, a, CompareOp::Ge, "__ge__")),
    ];
    for (name, f) in methods {
        vm.bind_method(t, name, -1, *f);
    }
    vm.set_type_attr(t, "__hash__", Value::NONE);
}

// ====================================================================== iterator constructors

fn new_iter(vm: &mut Vm, t: TypeId, st: IterState) -> Value {
    vm.heap.alloc(t, ObjData::Iter(RefCell::new(st)), None)
}

fn enumerate_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let args = a.get(1..).unwrap_or(&[]);
    if args.len() > 2 {
        let msg = format!("enumerate() takes at most 2 arguments ({} given)", args.len() + kw.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let mut iterable = args.first().copied();
    let mut start = args.get(1).copied();
    for (k, v) in kw {
        match k.as_str() {
            "iterable" => {
                if iterable.is_some() {
                    return Err(vm.new_error(TP_TYPE_ERROR, "argument for enumerate() given by name ('iterable') and position (1)"));
                }
                iterable = Some(*v);
            }
            "start" => {
                if start.is_some() {
                    return Err(vm.new_error(TP_TYPE_ERROR, "argument for enumerate() given by name ('start') and position (2)"));
                }
                start = Some(*v);
            }
            other => {
                let msg = format!("'{}' is an invalid keyword argument for enumerate()", other);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    let iterable = match iterable {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "enumerate() missing required argument 'iterable'")),
    };
    let count = match start {
        None => 0,
        Some(s) => match index_of(vm, &s, "enumerate() start value too large")? {
            Some(c) => c,
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&s));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        },
    };
    let it = vm.iter(&iterable)?;
    Ok(new_iter(vm, TP_ENUMERATE, IterState::Enumerate { it, count }))
}

fn zip_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if kw.len() > 1 {
        let msg = format!("zip() takes at most 1 keyword argument ({} given)", kw.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let mut strict = false;
    if let Some((k, v)) = kw.first() {
        if k.as_str() != "strict" {
            let msg = format!("zip() got an unexpected keyword argument '{}'", k);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        strict = vm.truthy(v)?;
    }
    let args = a.get(1..).unwrap_or(&[]);
    let mut its = Vec::with_capacity(args.len());
    for x in args {
        let it = vm.iter(x)?;
        vm.keep_alive(it);
        its.push(it);
    }
    Ok(new_iter(vm, TP_ZIP, IterState::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "map() takes no keyword arguments"));
    }
    let args = a.get(1..).unwrap_or(&[]);
    if args.len() < 2 {
        return Err(vm.new_error(TP_TYPE_ERROR, "map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(args.len() - 1);
    for x in &args[1..] {
        let it = vm.iter(x)?;
        vm.keep_alive(it);
        its.push(it);
    }
    Ok(new_iter(vm, TP_MAP, IterState::Map { f: args[0], its: its.into_boxed_slice() }))
}

fn filter_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "filter() takes no keyword arguments"));
    }
    let args = a.get(1..).unwrap_or(&[]);
    check_count(vm, args.len(), "filter", 2, 2)?;
    let it = vm.iter(&args[1])?;
    Ok(new_iter(vm, TP_FILTER, IterState::Filter { f: args[0], it }))
}

fn not_reversible(vm: &mut Vm, v: &Value) -> crate::vm::Raised {
    let msg = format!("'{}' object is not reversible", vm.type_name(v));
    vm.new_error(TP_TYPE_ERROR, msg)
}

fn reversed_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "reversed() takes no keyword arguments"));
    }
    let args = a.get(1..).unwrap_or(&[]);
    check_count(vm, args.len(), "reversed", 1, 1)?;
    let seq = args[0];
    if let Some(f) = vm.find_in_type(seq.ty(), n::__reversed__) {
        if f.is_none() {
            return Err(not_reversible(vm, &seq));
        }
        return vm.call(&f, &[seq]);
    }
    let builtin_seq = seq.is_ptr()
        && matches!(
            seq.obj().data,
            ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_) | ObjData::Bytes(_) | ObjData::ByteArray(_) | ObjData::Range { .. }
        );
    let is_seq = builtin_seq
        || (seq.dict().is_none()
            && vm.find_in_type(seq.ty(), n::__getitem__).map(|f| !f.is_none()).unwrap_or(false)
            && vm.find_in_type(seq.ty(), n::__len__).is_some());
    if !is_seq {
        return Err(not_reversible(vm, &seq));
    }
    let len = vm.len(&seq)?;
    Ok(reversed_iter(vm, seq, len))
}

pub fn register(vm: &mut Vm) {
    register_range(vm);
    register_slice(vm);
    bind_new_kw(vm, TP_ENUMERATE, enumerate_new);
    bind_new_kw(vm, TP_ZIP, zip_new);
    bind_new_kw(vm, TP_MAP, map_new);
    bind_new_kw(vm, TP_FILTER, filter_new);
    bind_new_kw(vm, TP_REVERSED, reversed_new);
}
