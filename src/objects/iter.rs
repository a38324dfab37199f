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
