//! Built-in types, one file per family. This file holds the typed views of
//! `Value`s and the dispatch shared by the item protocol.

pub mod bytes;
pub mod dict;
pub mod float;
pub mod format;
pub mod function;
pub mod int;
pub mod iter;
pub mod list;
pub mod namedict;
pub mod num;
pub mod range;
pub mod repr;
pub mod set;
pub mod str;
pub mod str_ops;
pub mod strfmt;
pub mod tuple;
pub mod typeobj;

use std::cell::RefCell;

use crate::compiler::bytecode::BinaryOp;
use crate::objects::iter::IterState;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

impl Value {
    /// The text of a str (or str-subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
    #[inline]
    pub fn pystr(&self) -> Option<&crate::objects::str::PyStr> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Str(s) => Some(s),
            _ => None,
        }
    }
    #[inline]
    pub fn list(&self) -> Option<&RefCell<Vec<Value>>> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::List(l) => Some(l),
            _ => None,
        }
    }
    #[inline]
    pub fn tuple(&self) -> Option<&[Value]> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Tuple(t) => Some(&t[..]),
            _ => None,
        }
    }
    #[inline]
    pub fn dict(&self) -> Option<&RefCell<dict::Dict>> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Dict(d) => Some(d),
            _ => None,
        }
    }
    #[inline]
    pub fn set(&self) -> Option<&RefCell<dict::Dict>> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Set(d) => Some(d),
            _ => None,
        }
    }
    #[inline]
    pub fn bytes(&self) -> Option<&[u8]> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Bytes(b) => Some(b),
            _ => None,
        }
    }
    /// The type id a type object stands for.
    #[inline]
    pub fn as_type(&self) -> Option<TypeId> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Type(t) => Some(*t),
            _ => None,
        }
    }
}

/// Register every built-in type's methods.
pub fn register_all(vm: &mut Vm) {
    typeobj::register(vm);
    namedict::register(vm);
    int::register(vm);
    float::register(vm);
    str::register(vm);
    bytes::register(vm);
    list::register(vm);
    tuple::register(vm);
    dict::register(vm);
    set::register(vm);
    range::register(vm);
}

/// `ascii()` of a repr: escape non-ASCII characters.
pub fn str_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{:02x}", cp));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{:04x}", cp));
        } else {
            out.push_str(&format!("\\U{:08x}", cp));
        }
    }
    out
}

/// `fmt % args` for str.
pub fn str_percent(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let s = crate::objects::format::percent_format(vm, fmt.as_str().unwrap_or(""), args)?;
    Ok(vm.new_string(s))
}

/// Set algebra for `| & - ^` on set/frozenset.
pub fn set_binop(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    let frozen = a.ty() == TP_FROZENSET;
    let out = vm.new_set(frozen);
    vm.keep_alive(out);
    let av: Vec<Value> = a.set().map(|s| s.borrow().iter().map(|e| e.key()).collect()).unwrap_or_default();
    let bv: Vec<Value> = b.set().map(|s| s.borrow().iter().map(|e| e.key()).collect()).unwrap_or_default();
    match op {
        BinaryOp::Or => {
            for x in av.iter().chain(bv.iter()) {
                vm.set_add(&out, *x)?;
            }
        }
        BinaryOp::And => {
            for x in av {
                if vm.set_contains(b, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
        }
        BinaryOp::Sub => {
            for x in av {
                if !vm.set_contains(b, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
        }
        _ => {
            for x in av {
                if !vm.set_contains(b, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
            for x in bv {
                if !vm.set_contains(a, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
        }
    }
    Ok(out)
}

/// Hash of an instance of a subclass of a built-in value type.
pub fn builtin_value_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    // Immediates (Ellipsis, NotImplemented, ...) inherit object.__hash__ too
    // but have no heap object: hash them by identity.
    if !v.is_ptr() {
        return Ok((v.id() >> 4) & i64::MAX);
    }
    match &v.obj().data {
        ObjData::Str(s) => Ok(s.hash()),
        ObjData::Bytes(b) => Ok(crate::objects::str::hash_bytes(b)),
        ObjData::BigInt(_) => Ok(int::int_hash(v)),
        ObjData::Tuple(t) => {
            let t = vm.new_tuple(t.to_vec());
            vm.hash(&t)
        }
        ObjData::Set(_) => {
            let as_frozen = v.with_ty(TP_FROZENSET);
            vm.hash(&as_frozen)
        }
        _ => Ok((v.id() >> 4) & i64::MAX),
    }
}

/// Number of items in `range(start, stop, step)` (may exceed i64).
pub fn range_len(start: i64, stop: i64, step: i64) -> i128 {
    if step > 0 && start < stop {
        (stop as i128 - start as i128 - 1) / step as i128 + 1
    } else if step < 0 && start > stop {
        (start as i128 - stop as i128 - 1) / (-(step as i128)) + 1
    } else {
        0
    }
}

/// Advance a built-in iterator.
pub fn iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let st = match &it.obj().data {
        ObjData::Iter(st) => st,
        _ => return Ok(None),
    };
    // States that need the VM (calls) are handled after releasing the borrow.
    let mut s = st.borrow_mut();
    match &mut *s {
        IterState::Seq { seq, idx } => {
            let item = match &seq.obj().data {
                ObjData::List(l) => l.borrow().get(*idx).copied(),
                ObjData::Tuple(t) => t.get(*idx).copied(),
                ObjData::Bytes(b) => b.get(*idx).map(|x| Value::int(*x as i64)),
                ObjData::ByteArray(b) => b.borrow().get(*idx).map(|x| Value::int(*x as i64)),
                _ => None,
            };
            match item {
                Some(v) => {
                    *idx += 1;
                    Ok(Some(v))
                }
                None => {
                    *s = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Str { s: sv, pos } => {
            let text = sv.as_str().unwrap_or("");
            match text[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    drop(s);
                    let mut buf = [0u8; 4];
                    Ok(Some(vm.new_str(c.encode_utf8(&mut buf))))
                }
                None => Ok(None),
            }
        }
        IterState::Range { cur, stop, step } => {
            let c = *cur;
            if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                // Past i64 the range is over (its stop fits in i64).
                *cur = c.checked_add(*step).unwrap_or(*stop);
                Ok(Some(Value::int(c)))
            } else {
                Ok(None)
            }
        }
        IterState::Dict { d, slot, kind, len } => {
            let (d, kind, len0) = (*d, *kind, *len);
            let cell = match &d.obj().data {
                ObjData::Dict(x) | ObjData::Set(x) => x,
                _ => return Ok(None),
            };
            if cell.borrow().len() != len0 {
                *s = IterState::Exhausted;
                drop(s);
                let what = if d.set().is_some() { "set" } else { "dictionary" };
                return Err(vm.new_error(TP_RUNTIME_ERROR, format!("{} changed size during iteration", what)));
            }
            let dd = cell.borrow();
            while *slot < dd.slots() {
                let i = *slot;
                *slot += 1;
                if let Some(e) = dd.entry(i) {
                    let (k, v) = (e.key(), e.value());
                    drop(dd);
                    drop(s);
                    return Ok(Some(match kind {
                        0 => k,
                        1 => v,
                        _ => vm.new_tuple(vec![k, v]),
                    }));
                }
            }
            Ok(None)
        }
        IterState::Enumerate { it, count } => {
            let (inner, c) = (*it, *count);
            *count = count.wrapping_add(1);
            drop(s);
            match vm.next(&inner)? {
                Some(v) => Ok(Some(vm.new_tuple(vec![Value::int(c), v]))),
                None => Ok(None),
            }
        }
        IterState::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            drop(s);
            let mut out = Vec::with_capacity(its.len());
            for (i, x) in its.iter().enumerate() {
                match vm.next(x)? {
                    Some(v) => {
                        vm.keep_alive(v);
                        out.push(v)
                    }
                    None => {
                        if strict && i > 0 {
                            return Err(vm.new_error(TP_VALUE_ERROR, format!("zip() argument {} is shorter than argument 1", i + 1)));
                        }
                        return Ok(None);
                    }
                }
            }
            if its.is_empty() {
                return Ok(None);
            }
            Ok(Some(vm.new_tuple(out)))
        }
        IterState::Map { f, its } => {
            let (f, its) = (*f, its.clone());
            drop(s);
            let mut args = Vec::with_capacity(its.len());
            for x in &its {
                match vm.next(x)? {
                    Some(v) => {
                        vm.keep_alive(v);
                        args.push(v)
                    }
                    None => return Ok(None),
                }
            }
            vm.call(&f, &args).map(Some)
        }
        IterState::Filter { f, it } => {
            let (f, inner) = (*f, *it);
            drop(s);
            loop {
                let v = match vm.next(&inner)? {
                    Some(v) => v,
                    None => return Ok(None),
                };
                vm.keep_alive(v);
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&f, &[v])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        IterState::Reversed { seq, idx } => {
            if *idx < 0 {
                return Ok(None);
            }
            let (seq, i) = (*seq, *idx);
            *idx -= 1;
            drop(s);
            let len = vm.len(&seq)? as i64;
            if i >= len {
                return Ok(None);
            }
            vm.getitem(&seq, &Value::int(i)).map(Some)
        }
        IterState::Call { f, sentinel, done } => {
            if *done {
                return Ok(None);
            }
            let (f, sen) = (*f, *sentinel);
            drop(s);
            let v = vm.call(&f, &[])?;
            if vm.eq(&v, &sen)? {
                if let ObjData::Iter(st) = &it.obj().data {
                    if let IterState::Call { done, .. } = &mut *st.borrow_mut() {
                        *done = true;
                    }
                }
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::GetItem { obj, idx, done } => {
            if *done {
                return Ok(None);
            }
            let (o, i) = (*obj, *idx);
            *idx += 1;
            drop(s);
            match vm.getitem(&o, &Value::int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    if vm.exc_is(TP_INDEX_ERROR) || vm.exc_is(TP_STOP_ITERATION) {
                        vm.exc = None;
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            }
        }
        IterState::Exhausted => Ok(None),
    }
}

/// Resolve a sequence index (negative from the end); None if out of range.
pub fn seq_index(vm: &mut Vm, key: &Value, len: usize) -> PyResult<Option<usize>> {
    let i = index_value(vm, key)?;
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Ok(None);
    }
    Ok(Some(i as usize))
}

/// An int usable as an index (int, bool, or `__index__`).
pub fn index_value(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if key.is_small_int() || key.ty() == TP_BOOL {
        return Ok(key.as_i64());
    }
    if key.ty() == TP_INT {
        return Err(vm.new_error(TP_INDEX_ERROR, "cannot fit 'int' into an index-sized integer"));
    }
    if let Some(f) = vm.find_in_type(key.ty(), crate::runtime::names::n::__index__) {
        let r = vm.call(&f, &[*key])?;
        if r.is_small_int() {
            return Ok(r.as_i64());
        }
    }
    let msg = format!("indices must be integers or slices, not {}", vm.type_name(key));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// `seq_index` with the container's own wording for a non-integer key.
fn seq_index_for(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    if !(key.ty() == TP_INT || key.ty() == TP_BOOL) && vm.find_in_type(key.ty(), crate::runtime::names::n::__index__).is_none() {
        let msg = match what {
            "str" => format!("string indices must be integers, not '{}'", vm.type_name(key)),
            "bytes" => format!("byte indices must be integers or slices, not {}", vm.type_name(key)),
            _ => format!("{} indices must be integers or slices, not {}", what, vm.type_name(key)),
        };
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    seq_index(vm, key, len)
}

/// An index key with its `__index__` already called. `__index__` may run
/// code that resizes the container, so mutable containers resolve the key
/// before they read their length.
fn pre_index(vm: &mut Vm, key: &Value) -> PyResult<Value> {
    if key.is_ptr() && key.ty() != TP_INT && key.ty() != TP_SLICE && vm.find_in_type(key.ty(), crate::runtime::names::n::__index__).is_some() {
        return Ok(Value::int(index_value(vm, key)?));
    }
    Ok(*key)
}

/// A slice's bounds with their `__index__` already called (see `pre_index`).
fn pre_slice(vm: &mut Vm, s: &Value) -> PyResult<[Value; 3]> {
    let mut parts = match &s.obj().data {
        ObjData::Slice(p) => *p,
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "expected a slice")),
    };
    for p in parts.iter_mut() {
        *p = pre_index(vm, p)?;
    }
    Ok(parts)
}

/// Normalise a slice against a sequence length: (start, stop, step, count).
pub fn slice_indices(vm: &mut Vm, s: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let parts = match &s.obj().data {
        ObjData::Slice(p) => *p,
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "expected a slice")),
    };
    slice_indices_of(vm, parts, len)
}

/// `slice_indices` over a slice's (start, stop, step).
fn slice_indices_of(vm: &mut Vm, parts: [Value; 3], len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
        if v.is_none() {
            Ok(None)
        } else if v.ty() == TP_INT && v.is_ptr() {
            // Clamp huge bounds.
            let b = int::to_bigint(v).unwrap_or_default();
            Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 }))
        } else {
            index_value(vm, v).map(Some).map_err(|e| {
                e
            })
        }
    };
    let step = get(vm, &parts[2])?.unwrap_or(1);
    if step == 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "slice step cannot be zero"));
    }
    let len = len as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(v) => {
                let v = if v < 0 { v + len } else { v };
                v.clamp(lo, hi)
            }
        }
    };
    let start = norm(get(vm, &parts[0])?, if step < 0 { hi } else { lo });
    let stop = norm(get(vm, &parts[1])?, if step < 0 { lo } else { hi });
    let count = if step > 0 {
        if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn slice_pick<T: Copy>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        out.push(items[i as usize]);
        i += step;
    }
    out
}

/// `obj[key]` for built-in containers; None when not handled here.
pub fn builtin_getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Option<Value>> {
    let is_slice = key.ty() == TP_SLICE;
    match obj.ty() {
        TP_LIST | TP_TUPLE => {
            if let Some(l) = obj.list() {
                if !is_slice {
                    let key = pre_index(vm, key)?;
                    let len = l.borrow().len();
                    return match seq_index_for(vm, &key, len, "list")? {
                        Some(i) => Ok(Some(l.borrow()[i])),
                        None => Err(vm.new_error(TP_INDEX_ERROR, "list index out of range")),
                    };
                }
                // `__index__` of the bounds may mutate the list: resolve them
                // first; nothing runs Python between measuring and picking.
                let parts = pre_slice(vm, key)?;
                let len = l.borrow().len();
                let (start, _, step, count) = slice_indices_of(vm, parts, len)?;
                let out = slice_pick(&l.borrow(), start, step, count);
                return Ok(Some(vm.new_list(out)));
            }
            let t = obj.tuple().unwrap_or(&[]);
            if !is_slice {
                return match seq_index_for(vm, key, t.len(), "tuple")? {
                    Some(i) => Ok(Some(t[i])),
                    None => Err(vm.new_error(TP_INDEX_ERROR, "tuple index out of range")),
                };
            }
            let (start, _, step, count) = slice_indices(vm, key, t.len())?;
            let out = slice_pick(t, start, step, count);
            Ok(Some(vm.new_tuple(out)))
        }
        TP_STR => {
            let ps = obj.pystr().unwrap();
            let n = ps.char_len();
            if !is_slice {
                return match seq_index_for(vm, key, n, "str")? {
                    Some(i) => {
                        let c = ps.char_at(i).unwrap_or(' ');
                        let mut buf = [0u8; 4];
                        Ok(Some(vm.new_str(c.encode_utf8(&mut buf))))
                    }
                    None => Err(vm.new_error(TP_INDEX_ERROR, "string index out of range")),
                };
            }
            let (start, _, step, count) = slice_indices(vm, key, n)?;
            let s = obj.as_str().unwrap_or("");
            let out: String = if ps.is_ascii() {
                let b = s.as_bytes();
                let picked = slice_pick(b, start, step, count);
                String::from_utf8(picked).unwrap_or_default()
            } else {
                let chars: Vec<char> = s.chars().collect();
                slice_pick(&chars, start, step, count).into_iter().collect()
            };
            Ok(Some(vm.new_string(out)))
        }
        TP_BYTES => {
            let b = obj.bytes().unwrap_or(&[]).to_vec();
            if !is_slice {
                return match seq_index_for(vm, key, b.len(), "bytes")? {
                    Some(i) => Ok(Some(Value::int(b[i] as i64))),
                    None => Err(vm.new_error(TP_INDEX_ERROR, "index out of range")),
                };
            }
            let (start, _, step, count) = slice_indices(vm, key, b.len())?;
            let out = slice_pick(&b, start, step, count);
            Ok(Some(vm.new_bytes(out)))
        }
        TP_DICT => match vm.dict_get(obj, key)? {
            Some(v) => Ok(Some(v)),
            None => Err(vm.key_error(*key)),
        },
        TP_NAMEDICT => {
            let target = match &obj.obj().data {
                ObjData::Slice(s) => s[0],
                _ => return Ok(None),
            };
            let name = match key.as_str() {
                Some(s) => crate::runtime::names::Name::new(s),
                None => return Err(vm.key_error(*key)),
            };
            let v = match target.as_type() {
                Some(t) => vm.types[t as usize].dict().get(name),
                None => vm.attrs_get(&target, name),
            };
            match v {
                Some(v) => Ok(Some(v)),
                None => Err(vm.key_error(*key)),
            }
        }
        _ => Ok(None),
    }
}

/// `obj[key] = v` (or `del obj[key]` with None) for built-in containers.
/// Returns false when not handled here.
pub fn builtin_setitem(vm: &mut Vm, obj: &Value, key: &Value, v: Option<Value>) -> PyResult<bool> {
    match obj.ty() {
        TP_LIST => {
            let l = obj.list().unwrap();
            if key.ty() == TP_SLICE {
                // As CPython orders it: the bounds' `__index__`, then the new
                // items, then the length — each step may resize the list.
                let parts = pre_slice(vm, key)?;
                let new_items = match v {
                    Some(v) => Some(vm.collect_iter(&v)?),
                    None => None,
                };
                let len = l.borrow().len();
                let (start, stop, step, count) = slice_indices_of(vm, parts, len)?;
                match new_items {
                    Some(new_items) => {
                        let mut lb = l.borrow_mut();
                        if step == 1 {
                            let stop = stop.max(start) as usize;
                            lb.splice(start as usize..stop, new_items);
                        } else {
                            if new_items.len() != count {
                                drop(lb);
                                let msg = format!("attempt to assign sequence of size {} to extended slice of size {}", new_items.len(), count);
                                return Err(vm.new_error(TP_VALUE_ERROR, msg));
                            }
                            let mut i = start;
                            for x in new_items {
                                lb[i as usize] = x;
                                i += step;
                            }
                        }
                    }
                    None => {
                        // One pass over the list: removing items one by one
                        // made `del a[:n]` quadratic.
                        let mut lb = l.borrow_mut();
                        if count == 0 {
                        } else if step == 1 {
                            lb.drain(start as usize..start as usize + count);
                        } else {
                            let mut doomed = vec![false; lb.len()];
                            for k in 0..count {
                                doomed[(start + k as i64 * step) as usize] = true;
                            }
                            let mut i = 0;
                            lb.retain(|_| {
                                i += 1;
                                !doomed[i - 1]
                            });
                        }
                    }
                }
                return Ok(true);
            }
            let key = pre_index(vm, key)?;
            let len = l.borrow().len();
            match seq_index(vm, &key, len)? {
                Some(i) => {
                    match v {
                        Some(v) => l.borrow_mut()[i] = v,
                        None => {
                            l.borrow_mut().remove(i);
                        }
                    }
                    Ok(true)
                }
                None => Err(vm.new_error(TP_INDEX_ERROR, if v.is_some() { "list assignment index out of range" } else { "list index out of range" })),
            }
        }
        TP_DICT => {
            match v {
                Some(v) => vm.dict_set(obj, *key, v)?,
                None => {
                    if !vm.dict_del(obj, key)? {
                        return Err(vm.key_error(*key));
                    }
                }
            }
            Ok(true)
        }
        TP_NAMEDICT => {
            let target = match &obj.obj().data {
                ObjData::Slice(s) => s[0],
                _ => return Ok(false),
            };
            let name = match key.as_str() {
                Some(s) => crate::runtime::names::Name::new(s),
                None => return Err(vm.new_error(TP_TYPE_ERROR, "attribute name must be string")),
            };
            match v {
                Some(v) => vm.attrs_set(&target, name, v),
                None => {
                    let removed = match target.as_type() {
                        Some(t) => vm.type_dict_remove(t, name).is_some(),
                        None => target.obj().attrs.as_ref().map(|a| a.borrow_mut().remove(name).is_some()).unwrap_or(false),
                    };
                    if !removed {
                        return Err(vm.key_error(*key));
                    }
                }
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `format(v, spec)` for built-in values.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    format::format_value(vm, v, spec)
}
