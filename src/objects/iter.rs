//! Iterator states for the built-in iterators (list, tuple, str, range, dict
//! views, enumerate, zip, map, filter, reversed, `iter(f, sentinel)` and the
//! `__getitem__` sequence protocol).

use crate::vm::value::Value;

pub enum IterState {
    /// list/tuple/bytes iteration by index (re-checks the length each step).
    Seq { seq: Value, idx: usize },
    /// str iteration by byte offset.
    Str { s: Value, pos: usize },
    Range { cur: i64, stop: i64, step: i64 },
    /// Dict or set iteration: `kind` 0 keys, 1 values, 2 items.
    Dict { d: Value, slot: usize, kind: u8, len: usize },
    Enumerate { it: Value, count: i64 },
    Zip { its: Vec<Value>, strict: bool },
    Map { f: Value, its: Box<[Value]> },
    Filter { f: Value, it: Value },
    /// reversed(seq): counts down.
    Reversed { seq: Value, idx: i64 },
    /// iter(callable, sentinel).
    Call { f: Value, sentinel: Value, done: bool },
    /// Iteration through `__getitem__(0), (1), ...` until IndexError.
    GetItem { obj: Value, idx: i64, done: bool },
    Exhausted,
}

impl IterState {
    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        match self {
            IterState::Seq { seq, .. } => out.push(*seq),
            IterState::Str { s, .. } => out.push(*s),
            IterState::Range { .. } | IterState::Exhausted => {}
            IterState::Dict { d, .. } => out.push(*d),
            IterState::Enumerate { it, .. } => out.push(*it),
            IterState::Zip { its, .. } => out.extend_from_slice(its),
            IterState::Map { f, its } => {
                out.push(*f);
                out.extend_from_slice(its);
            }
            IterState::Filter { f, it } => {
                out.push(*f);
                out.push(*it);
            }
            IterState::Reversed { seq, .. } => out.push(*seq),
            IterState::Call { f, sentinel, .. } => {
                out.push(*f);
                out.push(*sentinel);
            }
            IterState::GetItem { obj, .. } => out.push(*obj),
        }
    }
}

/// The next item of a list or tuple iterator, read without running Python:
/// `Some(Some(item))`, or `Some(None)` once it is exhausted (which it then
/// records); `None` for any other iterator.
#[inline(always)]
pub fn seq_iter_next(it: &Value) -> Option<Option<Value>> {
    if !it.is_ptr() {
        return None;
    }
    let crate::vm::heap::ObjData::Iter(st) = &it.obj().data else {
        return None;
    };
    let mut st = st.borrow_mut();
    let IterState::Seq { seq, idx } = &mut *st else {
        return None;
    };
    let item = match &seq.obj().data {
        crate::vm::heap::ObjData::List(l) => l.borrow().get(*idx).copied(),
        crate::vm::heap::ObjData::Tuple(t) => t.get(*idx).copied(),
        _ => return None,
    };
    match item {
        Some(_) => *idx += 1,
        None => *st = IterState::Exhausted,
    }
    Some(item)
}
