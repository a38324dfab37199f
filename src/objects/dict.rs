//! The insertion-ordered hash table behind `dict`, `set` and `frozenset`.
//!
//! Entries live in a boxed slice in insertion order: the first `used` slots
//! hold live entries and tombstones (NIL key, hash kept), the rest is spare
//! capacity (NIL). Tables of at most `SMALL` slots have no index: a lookup
//! scans the entries' hashes, which for a handful of entries is faster than
//! probing and saves the index's memory. Larger tables keep an
//! open-addressing index (linear probing over `u32` entry numbers), sized so
//! that every slot of the entry capacity fits at a load of at most 2/3, so an
//! insertion grows the table only when the entries are full. Tombstones stay
//! until the next compaction. Key equality may need Python code (`__eq__`),
//! which this module cannot run: `lookup` decides what it can with `pure_eq`
//! and hands back the candidates it could not decide, for the VM to compare.
//!
//! The struct is 40 bytes (boxed slices and `u32` counts, no growth slack in
//! the header), so a dict object's payload fits the heap's object size bound.

use std::ops::ControlFlow;

use crate::vm::value::Value;

/// One slot of the table: the key and the value, with the key's hash split
/// over the two values' otherwise unused `extra` words (low half in the
/// key's, high half in the value's), so an entry is 32 bytes. Readers get
/// the values with `extra` cleared.
#[derive(Clone, Copy)]
pub struct Entry {
    /// The key as stored (`extra` holds hash bits): compared in place by
    /// `pure_eq`, which looks only at types and payloads.
    k: Value,
    v: Value,
}

impl Entry {
    #[inline]
    fn new(hash: i64, key: Value, value: Value) -> Entry {
        Entry { k: key.with_extra(hash as i32), v: value.with_extra((hash >> 32) as i32) }
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        (self.k.extra() as u32 as u64 | (self.v.extra() as u32 as u64) << 32) as i64
    }

    /// Whether the entry's hash is `h` (compared by halves, no rebuild).
    #[inline]
    fn hash_is(&self, h: i64) -> bool {
        self.k.extra() == h as i32 && self.v.extra() == (h >> 32) as i32
    }

    #[inline]
    pub fn key(&self) -> Value {
        self.k.with_extra(0)
    }

    #[inline]
    pub fn value(&self) -> Value {
        self.v.with_extra(0)
    }

    /// Replace the value, keeping the hash.
    #[inline]
    fn set_value(&mut self, v: Value) {
        self.v = v.with_extra(self.v.extra());
    }

    /// A tombstone: no key and no value, the hash kept (the index still
    /// refers to the slot until it is rebuilt).
    #[inline]
    fn kill(&mut self) {
        self.k = Value::NIL.with_extra(self.k.extra());
        self.v = Value::NIL.with_extra(self.v.extra());
    }

    #[inline]
    fn is_dead(&self) -> bool {
        self.k.is_nil()
    }
}

const NIL_ENTRY: Entry = Entry { k: Value::NIL, v: Value::NIL };

const EMPTY: u32 = u32::MAX;

/// Tables with at most this many entry slots have no index.
pub const SMALL: usize = 8;

#[derive(Clone, Default)]
pub struct Dict {
    entries: Box<[Entry]>,
    /// Entry slots in use (live entries and tombstones).
    used: u32,
    /// Live entries.
    len: u32,
    /// Entry numbers by hash, or empty while `entries.len() <= SMALL`.
    indices: Box<[u32]>,
}

pub enum Lookup {
    Found(usize),
    Missing,
    /// Entry numbers whose hash matches but whose equality needs Python.
    Undecided(Vec<usize>),
}

/// The first index slot probed for `hash` in an index of `mask + 1` slots
/// (a power of two, at least 16): Fibonacci hashing takes the top bits of
/// the hash times 2**64 / phi, so that runs of consecutive int keys (whose
/// hash is the int) spread over the index instead of forming one cluster
/// that linear probing would walk through.
#[inline]
fn home(hash: i64, mask: usize) -> usize {
    ((hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - (mask + 1).trailing_zeros())) as usize
}

/// The index size for an entry capacity of `cap` (none for small tables).
fn index_len(cap: usize) -> usize {
    if cap <= SMALL {
        0
    } else {
        (cap + cap / 2 + 1).next_power_of_two()
    }
}

/// The entry capacity a table of `live` entries grows to when it is full.
fn grown_cap(live: usize) -> usize {
    (live + live / 2 + 1).max(4)
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty table with room for exactly `n` entries.
    pub fn with_capacity(n: usize) -> Dict {
        if n == 0 {
            return Dict::default();
        }
        Dict {
            entries: vec![NIL_ENTRY; n].into_boxed_slice(),
            used: 0,
            len: 0,
            indices: vec![EMPTY; index_len(n)].into_boxed_slice(),
        }
    }

    /// Bytes held by the table (for the heap limit's accounting).
    #[inline]
    pub fn mem_bytes(&self) -> usize {
        self.entries.len() * std::mem::size_of::<Entry>() + self.indices.len() * 4
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The slots in use (live entries and tombstones).
    #[inline]
    fn used_entries(&self) -> &[Entry] {
        &self.entries[..self.used as usize]
    }

    /// Visit the live entries whose hash is `hash`, in probe order, until
    /// `f` breaks with a result.
    #[inline]
    fn probe<R>(&self, hash: i64, mut f: impl FnMut(usize, &Entry) -> ControlFlow<R>) -> Option<R> {
        if self.indices.is_empty() {
            for (ix, e) in self.used_entries().iter().enumerate() {
                if e.hash_is(hash) && !e.is_dead() {
                    if let ControlFlow::Break(r) = f(ix, e) {
                        return Some(r);
                    }
                }
            }
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut i = home(hash, mask);
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            let e = &self.entries[ix as usize];
            if e.hash_is(hash) && !e.is_dead() {
                if let ControlFlow::Break(r) = f(ix as usize, e) {
                    return Some(r);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Find `key` where `pure_eq` decides every candidate: `Err(())` as soon
    /// as one would need Python (then `lookup` collects them all). The
    /// common case — str and int keys — takes no allocation and no
    /// intermediate result.
    #[inline]
    pub fn find_pure(&self, hash: i64, key: &Value, pure_eq: impl Fn(&Value, &Value) -> Option<bool>) -> Result<Option<usize>, ()> {
        let r = self.probe(hash, |ix, e| match pure_eq(&e.k, key) {
            Some(true) => ControlFlow::Break(Ok(ix)),
            Some(false) => ControlFlow::Continue(()),
            None => ControlFlow::Break(Err(())),
        });
        match r {
            Some(Ok(ix)) => Ok(Some(ix)),
            Some(Err(())) => Err(()),
            None => Ok(None),
        }
    }

    /// Find `key` (with hash `hash`). `pure_eq(a, b)` decides equality without
    /// running Python where it can (`None` = cannot decide).
    #[inline]
    pub fn lookup(&self, hash: i64, key: &Value, pure_eq: impl Fn(&Value, &Value) -> Option<bool>) -> Lookup {
        let mut undecided: Vec<usize> = Vec::new();
        let found = self.probe(hash, |ix, e| match pure_eq(&e.k, key) {
            Some(true) => ControlFlow::Break(ix),
            Some(false) => ControlFlow::Continue(()),
            None => {
                undecided.push(ix);
                ControlFlow::Continue(())
            }
        });
        match found {
            Some(ix) => Lookup::Found(ix),
            None if undecided.is_empty() => Lookup::Missing,
            None => Lookup::Undecided(undecided),
        }
    }

    /// Put entry number `n` (whose hash is `hash`) into the index.
    #[inline]
    fn index_entry(indices: &mut [u32], hash: i64, n: usize) {
        let mask = indices.len() - 1;
        let mut i = home(hash, mask);
        while indices[i] != EMPTY {
            i = (i + 1) & mask;
        }
        indices[i] = n as u32;
    }

    /// Append a key known to be absent.
    #[inline]
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.used as usize == self.entries.len() {
            self.resize(grown_cap(self.len()), false);
        }
        let n = self.used as usize;
        self.entries[n] = Entry::new(hash, key, value);
        if !self.indices.is_empty() {
            Self::index_entry(&mut self.indices, hash, n);
        }
        self.used += 1;
        self.len += 1;
    }

    /// Make room for one more entry ahead of `insert_new`; false when the
    /// memory for it cannot be had (the caller raises MemoryError instead of
    /// the process aborting).
    #[inline]
    pub fn try_reserve_one(&mut self) -> bool {
        self.used as usize != self.entries.len() || self.resize(grown_cap(self.len()), true)
    }

    /// Make room for `extra` more entries at once (a merge of known size).
    pub fn reserve(&mut self, extra: usize) {
        let want = self.len() + extra;
        if self.used as usize + extra > self.entries.len() {
            self.resize(want.max(self.entries.len()), false);
        }
    }

    /// Move the live entries (dropping tombstones) into a table with room
    /// for `cap >= len` entries, and index them. With `fallible`, returns
    /// false (leaving the table as it was) when the memory cannot be had.
    fn resize(&mut self, cap: usize, fallible: bool) -> bool {
        debug_assert!(cap >= self.len());
        let mut entries: Vec<Entry> = Vec::new();
        let mut indices: Vec<u32> = Vec::new();
        if fallible {
            if entries.try_reserve_exact(cap).is_err() || indices.try_reserve_exact(index_len(cap)).is_err() {
                return false;
            }
        } else {
            entries.reserve_exact(cap);
            indices.reserve_exact(index_len(cap));
        }
        entries.extend(self.used_entries().iter().filter(|e| !e.is_dead()));
        entries.resize(cap, NIL_ENTRY);
        indices.resize(index_len(cap), EMPTY);
        self.entries = entries.into_boxed_slice();
        self.indices = indices.into_boxed_slice();
        self.used = self.len;
        self.reindex();
        true
    }

    /// Rebuild the index (if any) from the entries in use.
    fn reindex(&mut self) {
        if self.indices.is_empty() {
            return;
        }
        self.indices.fill(EMPTY);
        for n in 0..self.used as usize {
            let h = self.entries[n].hash();
            Self::index_entry(&mut self.indices, h, n);
        }
    }

    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.used_entries().get(i).filter(|e| !e.is_dead())
    }

    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value()
    }

    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].set_value(v);
    }

    /// Remove entry `i` (leaves a tombstone). Returns its key and value.
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let e = self.entries[i];
        self.entries[i].kill();
        self.len -= 1;
        if self.len == 0 {
            self.entries[..self.used as usize].fill(NIL_ENTRY);
            self.used = 0;
            self.indices.fill(EMPTY);
        } else if self.used > 16 && self.len * 2 < self.used {
            // Mostly tombstones: compact in place (the index is rebuilt).
            let mut w = 0;
            for r in 0..self.used as usize {
                if !self.entries[r].is_dead() {
                    self.entries[w] = self.entries[r];
                    w += 1;
                }
            }
            debug_assert_eq!(w, self.len());
            self.entries[w..self.used as usize].fill(NIL_ENTRY);
            self.used = self.len;
            self.reindex();
        }
        (e.key(), e.value())
    }

    /// Number of entry slots (live and tombstones): iteration bound.
    #[inline]
    pub fn slots(&self) -> usize {
        self.used as usize
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.used_entries().iter().rposition(|e| !e.is_dead())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.used_entries().iter().filter(|e| !e.is_dead())
    }

    /// Remove every entry and free the table.
    pub fn clear(&mut self) {
        *self = Dict::default();
    }

    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        for e in self.used_entries() {
            // As stored: the collector looks only at the object pointers.
            out.push(e.k);
            out.push(e.v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn eq(a: &Value, b: &Value) -> Option<bool> {
        Some(a.as_i64() == b.as_i64())
    }
    /// Entries keep the full 64-bit hash in the values' spare words and hand
    /// the values back clean, through removal (tombstones) and compaction.
    #[test]
    fn entry_hash_round_trip() {
        for h in [0i64, 1, -1, -2, i64::MIN, i64::MAX, 0x1234_5678_9abc_def0, -0x1234_5678_9abc_def0] {
            let e = Entry::new(h, Value::int(7), Value::float(2.5));
            assert_eq!(e.hash(), h);
            assert!(e.hash_is(h) && !e.hash_is(h ^ 1) && !e.hash_is(h ^ (1 << 40)));
            assert_eq!((e.key().extra(), e.value().extra()), (0, 0));
            assert_eq!((e.key().as_i64(), e.value().as_f64()), (7, 2.5));
        }
        let mut d = Dict::new();
        for i in 0..40i64 {
            d.insert_new(i.wrapping_mul(0x9E37_79B9_7F4A_7C15u64 as i64), Value::int(i), Value::int(-i));
        }
        for i in (0..40).step_by(3) {
            d.remove_at(i);
        }
        for i in 0..40i64 {
            let h = i.wrapping_mul(0x9E37_79B9_7F4A_7C15u64 as i64);
            let found = match d.lookup(h, &Value::int(i), eq) {
                Lookup::Found(ix) => Some(d.value_at(ix).as_i64()),
                _ => None,
            };
            assert_eq!(found, if i % 3 == 0 { None } else { Some(-i) });
        }
        assert!(d.iter().all(|e| e.key().extra() == 0 && e.value().extra() == 0));
    }

    #[test]
    fn insert_lookup_remove() {
        let mut d = Dict::new();
        for i in 0..1000 {
            let k = Value::int(i);
            assert!(matches!(d.lookup(i % 7, &k, eq), Lookup::Missing));
            d.insert_new(i % 7, k, Value::int(i * 2));
        }
        assert_eq!(d.len(), 1000);
        for i in 0..1000 {
            match d.lookup(i % 7, &Value::int(i), eq) {
                Lookup::Found(ix) => assert_eq!(d.value_at(ix).as_i64(), i * 2),
                _ => panic!("missing {i}"),
            }
        }
        for i in 0..900 {
            if let Lookup::Found(ix) = d.lookup(i % 7, &Value::int(i), eq) {
                d.remove_at(ix);
            }
        }
        assert_eq!(d.len(), 100);
        let keys: Vec<i64> = d.iter().map(|e| e.key().as_i64()).collect();
        assert_eq!(keys, (900..1000).collect::<Vec<_>>());
        assert!(matches!(d.lookup(950 % 7, &Value::int(950), eq), Lookup::Found(_)));
    }

    /// Small tables (no index), the switch to an index as they grow, and
    /// exact capacities.
    #[test]
    fn small_and_growing() {
        let mut d = Dict::with_capacity(3);
        assert_eq!(d.mem_bytes(), 3 * std::mem::size_of::<Entry>());
        for i in 0..3 {
            d.insert_new(i * 1000, Value::int(i), Value::int(-i));
        }
        assert_eq!(d.mem_bytes(), 3 * std::mem::size_of::<Entry>(), "an exact capacity does not grow");
        for n in 3..40 {
            for i in 0..n {
                assert!(matches!(d.lookup(i * 1000, &Value::int(i), eq), Lookup::Found(ix) if ix == i as usize));
                assert!(matches!(d.lookup(i * 1000 + 1, &Value::int(i), eq), Lookup::Missing));
            }
            assert!(d.try_reserve_one());
            d.insert_new(n * 1000, Value::int(n), Value::int(-n));
            assert_eq!(d.len(), n as usize + 1);
        }
        // Remove all but the last few, then refill: order and lookups hold.
        for i in 0..35 {
            let Lookup::Found(ix) = d.lookup(i * 1000, &Value::int(i), eq) else { panic!() };
            d.remove_at(ix);
        }
        for i in 100..110 {
            d.insert_new(i, Value::int(i), Value::NONE);
        }
        let keys: Vec<i64> = d.iter().map(|e| e.key().as_i64()).collect();
        assert_eq!(keys, (35..40).chain(100..110).collect::<Vec<_>>());
        for k in keys {
            let h = if k < 100 { k * 1000 } else { k };
            assert!(matches!(d.lookup(h, &Value::int(k), eq), Lookup::Found(_)));
        }
        // Equal hashes need the key comparison.
        let mut s = Dict::new();
        s.insert_new(5, Value::int(1), Value::NONE);
        s.insert_new(5, Value::int(2), Value::NONE);
        assert!(matches!(s.lookup(5, &Value::int(2), eq), Lookup::Found(1)));
        assert!(matches!(s.lookup(5, &Value::int(3), eq), Lookup::Missing));
        assert!(matches!(s.lookup(5, &Value::int(3), |_, _| None), Lookup::Undecided(v) if v == [0, 1]));
    }

    #[test]
    fn pops() {
        let mut d = Dict::new();
        for i in 0..50 {
            d.insert_new(i, Value::int(i), Value::NONE);
        }
        for i in 0..10 {
            assert_eq!(d.pop_first().map(|(k, _)| k.as_i64()), Some(i));
            assert_eq!(d.pop_last().map(|(k, _)| k.as_i64()), Some(49 - i));
        }
        let keys: Vec<i64> = d.iter().map(|e| e.key().as_i64()).collect();
        assert_eq!(keys, (10..40).collect::<Vec<_>>());
        for i in 10..40 {
            assert!(matches!(d.lookup(i, &Value::int(i), eq), Lookup::Found(_)));
        }
        let c = d.copy();
        assert_eq!(c.len(), 30);
        assert_eq!(c.mem_bytes(), 30 * std::mem::size_of::<Entry>() + index_len(30) * 4);
        assert!(matches!(c.lookup(25, &Value::int(25), eq), Lookup::Found(15)));
    }

    #[test]
    fn size() {
        assert!(std::mem::size_of::<Dict>() <= 40);
    }
}


// ====================================================================== table helpers

impl Dict {
    /// A copy without tombstones, with exactly the room it needs.
    pub fn copy(&self) -> Dict {
        let n = self.len();
        let mut d = Dict::with_capacity(n);
        for e in self.iter() {
            d.insert_new(e.hash(), e.key(), e.value());
        }
        d
    }

    /// Remove the index slot of entry `ix` (backward-shift deletion, which
    /// keeps every probe chain intact).
    fn unindex(&mut self, ix: usize) {
        if self.indices.is_empty() {
            return;
        }
        let mask = self.indices.len() - 1;
        let mut i = home(self.entries[ix].hash(), mask);
        let mut probes = 0;
        while self.indices[i] != ix as u32 {
            if self.indices[i] == EMPTY || probes > mask {
                return;
            }
            i = (i + 1) & mask;
            probes += 1;
        }
        let mut hole = i;
        let mut j = (i + 1) & mask;
        while j != i {
            let e = self.indices[j];
            if e == EMPTY {
                break;
            }
            let h = home(self.entries[e as usize].hash(), mask);
            // The entry may move back into the hole if the hole lies on its
            // probe path (from its home slot `h` to `j`).
            if (j.wrapping_sub(h) & mask) >= (j.wrapping_sub(hole) & mask) {
                self.indices[hole] = e;
                hole = j;
            }
            j = (j + 1) & mask;
        }
        self.indices[hole] = EMPTY;
    }

    /// Remove and return the last live entry (`dict.popitem`). Trailing
    /// tombstones are dropped, so repeated pops are O(1) amortised.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.last_index()?;
        let kv = self.remove_at(i);
        while self.used > 0 {
            let ix = self.used as usize - 1;
            if !self.entries[ix].is_dead() {
                break;
            }
            self.unindex(ix);
            self.entries[ix] = NIL_ENTRY;
            self.used -= 1;
        }
        Some(kv)
    }

    /// Remove and return the first live entry (`set.pop`).
    ///
    /// A tombstone at entry 0 whose value is an int `h` records that entries
    /// `0..h` are all tombstones (entries are only ever appended, and
    /// compaction drops every tombstone), so repeated pops skip them.
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        if self.len == 0 {
            return None;
        }
        let used = self.used as usize;
        let mut from = 0;
        if let Some(e0) = self.used_entries().first() {
            if e0.is_dead() && e0.value().is_small_int() {
                from = (e0.value().as_i64().max(0) as usize).min(used);
            }
        }
        let i = match self.entries[from..used].iter().position(|e| !e.is_dead()) {
            Some(p) => from + p,
            None => self.used_entries().iter().position(|e| !e.is_dead())?,
        };
        let kv = self.remove_at(i);
        if self.len > 0 && self.used != self.len && self.entries[0].is_dead() {
            self.entries[0].set_value(Value::int(i as i64 + 1));
        }
        Some(kv)
    }
}

// ====================================================================== dict type

use std::cell::RefCell;

use crate::compiler::bytecode::CompareOp;
use crate::objects::function::NativeFn;
use crate::objects::iter::IterState;
use crate::objects::list::{
    as_exact, bad_self, bind_class_getitem, bind_new_kw, check_fixed, check_range, check_wrapper, new_cls, reversed_iter, rooted,
};
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::ops::pure_eq;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

fn self_dict<'a>(vm: &mut Vm, a: &'a [Value], meth: &str) -> PyResult<&'a RefCell<Dict>> {
    match a.first().and_then(|v| v.dict()) {
        Some(d) => Ok(d),
        None => Err(bad_self(vm, a, "dict", meth)),
    }
}

/// Set `d[k] = v` where `h` is `hash(k)`.
fn insert_hashed(vm: &mut Vm, d: &Value, k: Value, v: Value, h: i64) -> PyResult<()> {
    let cell = match d.dict() {
        Some(c) => c,
        None => return vm.dict_set(d, k, v),
    };
    let r = cell.borrow().lookup(h, &k, pure_eq);
    match r {
        Lookup::Found(i) => {
            cell.borrow_mut().set_value_at(i, v);
            Ok(())
        }
        Lookup::Missing => {
            if !cell.borrow_mut().try_reserve_one() {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            cell.borrow_mut().insert_new(h, k, v);
            Ok(())
        }
        Lookup::Undecided(_) => vm.dict_set(d, k, v),
    }
}

/// The entries of a dict payload, kept alive while Python code runs.
fn dict_snapshot(vm: &mut Vm, d: &Value) -> Vec<(Value, Value, i64)> {
    let items: Vec<(Value, Value, i64)> = match d.dict() {
        Some(c) => c.borrow().iter().map(|e| (e.key(), e.value(), e.hash())).collect(),
        None => Vec::new(),
    };
    rooted(vm, items.iter().flat_map(|x| [x.0, x.1]).collect());
    items
}

/// A dict whose iteration is not overridden (its entries can be read directly).
fn plain_dict(vm: &Vm, v: &Value) -> bool {
    v.dict().is_some()
        && (vm.types[v.ty() as usize].is_builtin || vm.find_in_type(v.ty(), n::__iter__).map(|f| f.ty() == TP_NATIVEFUNC).unwrap_or(true))
}

/// `d.update(arg)`: a dict, an object with `keys()`, or an iterable of pairs
/// (CPython's `dict_update_arg`, with its error messages).
pub fn dict_merge(vm: &mut Vm, d: &Value, arg: &Value) -> PyResult<()> {
    if plain_dict(vm, arg) {
        if arg.is(d) {
            return Ok(());
        }
        if let (Some(dst), Some(src)) = (d.dict(), arg.dict()) {
            if dst.borrow().is_empty() {
                let copy = src.borrow().copy();
                *dst.borrow_mut() = copy;
                return Ok(());
            }
        }
        for (k, v, h) in dict_snapshot(vm, arg) {
            insert_hashed(vm, d, k, v, h)?;
        }
        return Ok(());
    }
    if let Some(keys_fn) = vm.getattr_opt(arg, n::keys)? {
        vm.keep_alive(keys_fn);
        let keys = vm.call(&keys_fn, &[])?;
        vm.keep_alive(keys);
        let it = vm.iter(&keys)?;
        vm.keep_alive(it);
        while let Some(k) = vm.next(&it)? {
            let mark = vm.temp_roots.len();
            vm.temp_roots.push(k);
            let r = vm.getitem(arg, &k).and_then(|v| {
                vm.temp_roots.push(v);
                vm.dict_set(d, k, v)
            });
            vm.temp_roots.truncate(mark);
            r?;
        }
        return Ok(());
    }
    merge_pairs(vm, d, arg)
}

/// `d.update(iterable_of_pairs)`.
fn merge_pairs(vm: &mut Vm, d: &Value, arg: &Value) -> PyResult<()> {
    let it = vm.iter(arg)?;
    vm.keep_alive(it);
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(item);
        let r = merge_one_pair(vm, d, &item, i);
        vm.temp_roots.truncate(mark);
        r?;
        i += 1;
    }
    Ok(())
}

fn merge_one_pair(vm: &mut Vm, d: &Value, item: &Value, i: usize) -> PyResult<()> {
    let fast = match (item.ty(), item.is_ptr()) {
        (TP_TUPLE, true) => item.tuple().map(|t| t.to_vec()),
        (TP_LIST, true) => item.list().map(|l| l.borrow().clone()),
        _ => None,
    };
    let kv = match fast {
        Some(kv) => kv,
        None => {
            let sub = match vm.iter(item) {
                Ok(s) => s,
                Err(e) => {
                    if vm.exc_is(TP_TYPE_ERROR) {
                        vm.exc = None;
                        let msg = format!("cannot convert dictionary update sequence element #{} to a sequence", i);
                        return Err(vm.new_error(TP_TYPE_ERROR, msg));
                    }
                    return Err(e);
                }
            };
            vm.temp_roots.push(sub);
            let holder = vm.new_list(Vec::new());
            vm.temp_roots.push(holder);
            while let Some(x) = vm.next(&sub)? {
                if let Some(l) = holder.list() {
                    l.borrow_mut().push(x);
                }
            }
            holder.list().map(|l| l.borrow().clone()).unwrap_or_default()
        }
    };
    if kv.len() != 2 {
        let msg = format!("dictionary update sequence element #{} has length {}; 2 is required", i, kv.len());
        return Err(vm.new_error(TP_VALUE_ERROR, msg));
    }
    vm.temp_roots.push(kv[0]);
    vm.temp_roots.push(kv[1]);
    vm.dict_set(d, kv[0], kv[1])
}

fn set_kwargs(vm: &mut Vm, d: &Value, kw: &[(Name, Value)]) -> PyResult<()> {
    for (k, v) in kw {
        let ks = vm.name_str(*k);
        vm.dict_set(d, ks, *v)?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = new_cls(vm, a, TP_DICT)?;
    crate::objects::typeobj::alloc_instance(vm, t)
}

fn dict_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    self_dict(vm, a, "__init__")?;
    check_range(vm, a, "dict", 0, 1)?;
    if a.len() == 2 {
        dict_merge(vm, &a[0], &a[1])?;
    }
    set_kwargs(vm, &a[0], kw)?;
    Ok(Value::NONE)
}

fn dict_update(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    self_dict(vm, a, "update")?;
    check_range(vm, a, "update", 0, 1)?;
    if a.len() == 2 {
        dict_merge(vm, &a[0], &a[1])?;
    }
    set_kwargs(vm, &a[0], kw)?;
    Ok(Value::NONE)
}

fn dict_get_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "get")?;
    check_range(vm, a, "get", 1, 2)?;
    match vm.dict_get(&a[0], &a[1])? {
        Some(v) => Ok(v),
        None => Ok(a.get(2).copied().unwrap_or(Value::NONE)),
    }
}

fn dict_setdefault(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "setdefault")?;
    check_range(vm, a, "setdefault", 1, 2)?;
    if let Some(v) = vm.dict_get(&a[0], &a[1])? {
        return Ok(v);
    }
    let dflt = a.get(2).copied().unwrap_or(Value::NONE);
    vm.dict_set(&a[0], a[1], dflt)?;
    Ok(dflt)
}

fn dict_pop_m(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "pop")?;
    check_range(vm, a, "pop", 1, 2)?;
    match vm.dict_pop(&a[0], &a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(a[1])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = self_dict(vm, a, "popitem")?;
    check_fixed(vm, a, "dict.popitem", 0)?;
    let r = d.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.new_error(TP_KEY_ERROR, "popitem(): dictionary is empty")),
    }
}

fn new_view(vm: &mut Vm, d: Value, t: TypeId) -> Value {
    vm.heap.alloc(t, ObjData::Slice([d, Value::NONE, Value::NONE]), None)
}

fn dict_keys(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "keys")?;
    check_fixed(vm, a, "dict.keys", 0)?;
    Ok(new_view(vm, a[0], TP_DICT_KEYS))
}

fn dict_values(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "values")?;
    check_fixed(vm, a, "dict.values", 0)?;
    Ok(new_view(vm, a[0], TP_DICT_VALUES))
}

fn dict_items(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "items")?;
    check_fixed(vm, a, "dict.items", 0)?;
    Ok(new_view(vm, a[0], TP_DICT_ITEMS))
}

fn new_dict_from(vm: &mut Vm, d: Dict) -> Value {
    vm.heap.alloc(TP_DICT, ObjData::Dict(RefCell::new(d)), None)
}

fn dict_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = self_dict(vm, a, "copy")?;
    check_fixed(vm, a, "dict.copy", 0)?;
    let c = d.borrow().copy();
    Ok(new_dict_from(vm, c))
}

fn dict_clear(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = self_dict(vm, a, "clear")?;
    check_fixed(vm, a, "dict.clear", 0)?;
    // Dropped after the borrow ends.
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn dict_fromkeys(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_range(vm, a, "fromkeys", 1, 2)?;
    let cls = a[0];
    let value = a.get(2).copied().unwrap_or(Value::NONE);
    if cls.as_type() == Some(TP_DICT) {
        let d = vm.new_dict();
        vm.keep_alive(d);
        let src = a[1];
        let fast = match &src.obj_data_ref() {
            Some(ObjData::Set(c)) | Some(ObjData::Dict(c)) if vm.types[src.ty() as usize].is_builtin => {
                Some(c.borrow().iter().map(|e| (e.key(), e.hash())).collect::<Vec<_>>())
            }
            _ => None,
        };
        if let Some(keys) = fast {
            if let Some(c) = d.dict() {
                let mut c = c.borrow_mut();
                for (k, h) in keys {
                    c.insert_new(h, k, value);
                }
            }
            return Ok(d);
        }
        let it = vm.iter(&src)?;
        vm.keep_alive(it);
        while let Some(k) = vm.next(&it)? {
            vm.dict_set(&d, k, value)?;
        }
        return Ok(d);
    }
    let d = vm.call(&cls, &[])?;
    vm.keep_alive(d);
    let it = vm.iter(&a[1])?;
    vm.keep_alive(it);
    while let Some(k) = vm.next(&it)? {
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(k);
        let r = vm.setitem(&d, &k, value);
        vm.temp_roots.truncate(mark);
        r?;
    }
    Ok(d)
}

trait ObjDataRef {
    fn obj_data_ref(&self) -> Option<&ObjData>;
}

impl ObjDataRef for Value {
    fn obj_data_ref(&self) -> Option<&ObjData> {
        if self.is_ptr() {
            Some(&self.obj().data)
        } else {
            None
        }
    }
}

fn dict_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__getitem__")?;
    check_fixed(vm, a, "dict.__getitem__", 1)?;
    if let Some(v) = vm.dict_get(&a[0], &a[1])? {
        return Ok(v);
    }
    if a[0].ty() != TP_DICT {
        if let Some(f) = vm.find_in_type(a[0].ty(), n::__missing__) {
            return vm.call(&f, &[a[0], a[1]]);
        }
    }
    Err(vm.key_error(a[1]))
}

fn dict_setitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__setitem__")?;
    check_wrapper(vm, a, 2)?;
    vm.dict_set(&a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__delitem__")?;
    check_wrapper(vm, a, 1)?;
    if !vm.dict_del(&a[0], &a[1])? {
        return Err(vm.key_error(a[1]));
    }
    Ok(Value::NONE)
}

fn dict_contains(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__contains__")?;
    check_fixed(vm, a, "dict.__contains__", 1)?;
    Ok(Value::bool(vm.dict_get(&a[0], &a[1])?.is_some()))
}

fn dict_len(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = self_dict(vm, a, "__len__")?;
    check_wrapper(vm, a, 0)?;
    let n = d.borrow().len();
    Ok(Value::int(n as i64))
}

fn dict_iter_kind(vm: &mut Vm, d: Value, kind: u8) -> Value {
    let len = d.dict().map(|c| c.borrow().len()).unwrap_or(0);
    let st = IterState::Dict { d, slot: 0, kind, len };
    vm.heap.alloc(TP_DICT_ITERATOR, ObjData::Iter(RefCell::new(st)), None)
}

fn dict_iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__iter__")?;
    check_wrapper(vm, a, 0)?;
    Ok(dict_iter_kind(vm, a[0], 0))
}

/// A reverse iterator over a snapshot of a dict's keys, values or items.
fn dict_reversed_kind(vm: &mut Vm, d: &Value, kind: u8) -> Value {
    let pairs: Vec<(Value, Value)> = match d.dict() {
        Some(c) => c.borrow().iter().map(|e| (e.key(), e.value())).collect(),
        None => Vec::new(),
    };
    let items: Vec<Value> = match kind {
        0 => pairs.iter().map(|p| p.0).collect(),
        1 => pairs.iter().map(|p| p.1).collect(),
        _ => pairs.iter().map(|p| vm.new_tuple(vec![p.0, p.1])).collect(),
    };
    let len = items.len();
    let l = vm.new_list(items);
    reversed_iter(vm, l, len)
}

fn dict_reversed(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__reversed__")?;
    check_fixed(vm, a, "dict.__reversed__", 0)?;
    Ok(dict_reversed_kind(vm, &a[0], 0))
}

/// `a == b` for two dict payloads.
fn dict_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (la, lb) = (a.dict().map(|c| c.borrow().len()), b.dict().map(|c| c.borrow().len()));
    if la != lb {
        return Ok(false);
    }
    vm.enter_recursion()?;
    let r = dict_equal_inner(vm, a, b);
    vm.leave_recursion();
    r
}

fn dict_equal_inner(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    for (k, v, h) in dict_snapshot(vm, a) {
        let cb = match b.dict() {
            Some(c) => c,
            None => return Ok(false),
        };
        let r = cb.borrow().lookup(h, &k, pure_eq);
        let bv = match r {
            Lookup::Found(i) => Some(cb.borrow().value_at(i)),
            Lookup::Missing => None,
            Lookup::Undecided(_) => vm.dict_get(b, &k)?,
        };
        let bv = match bv {
            Some(x) => x,
            None => return Ok(false),
        };
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(bv);
        let same = vm.eq(&v, &bv);
        vm.temp_roots.truncate(mark);
        if !same? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_compare(vm: &mut Vm, a: &[Value], ne: bool) -> PyResult<Value> {
    self_dict(vm, a, if ne { "__ne__" } else { "__eq__" })?;
    check_wrapper(vm, a, 1)?;
    if a[1].dict().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq = dict_equal(vm, &a[0], &a[1])?;
    Ok(Value::bool(eq != ne))
}

fn dict_or(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = self_dict(vm, a, "__or__")?;
    check_wrapper(vm, a, 1)?;
    if a[1].dict().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let c = d.borrow().copy();
    let out = new_dict_from(vm, c);
    vm.keep_alive(out);
    dict_merge(vm, &out, &a[1])?;
    Ok(out)
}

fn dict_ror(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__ror__")?;
    check_wrapper(vm, a, 1)?;
    let other = match a[1].dict() {
        Some(o) => o,
        None => return Ok(Value::NOT_IMPLEMENTED),
    };
    let c = other.borrow().copy();
    let out = new_dict_from(vm, c);
    vm.keep_alive(out);
    dict_merge(vm, &out, &a[0])?;
    Ok(out)
}

fn dict_ior(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__ior__")?;
    check_wrapper(vm, a, 1)?;
    dict_merge(vm, &a[0], &a[1])?;
    Ok(a[0])
}

fn dict_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_dict(vm, a, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    let me = as_exact(&a[0], TP_DICT);
    vm.repr_value(&me)
}

// ====================================================================== views

fn view_name(t: TypeId) -> &'static str {
    match t {
        TP_DICT_KEYS => "dict_keys",
        TP_DICT_VALUES => "dict_values",
        _ => "dict_items",
    }
}

/// The dict behind view `a[0]` (of type `t`).
fn self_view(vm: &mut Vm, a: &[Value], t: TypeId, meth: &str) -> PyResult<Value> {
    if let Some(v) = a.first() {
        if v.ty() == t {
            if let ObjData::Slice(s) = &v.obj().data {
                return Ok(s[0]);
            }
        }
    }
    Err(bad_self(vm, a, view_name(t), meth))
}

fn view_len(vm: &mut Vm, a: &[Value], t: TypeId) -> PyResult<Value> {
    let d = self_view(vm, a, t, "__len__")?;
    check_wrapper(vm, a, 0)?;
    Ok(Value::int(d.dict().map(|c| c.borrow().len()).unwrap_or(0) as i64))
}

fn view_iter(vm: &mut Vm, a: &[Value], t: TypeId) -> PyResult<Value> {
    let d = self_view(vm, a, t, "__iter__")?;
    check_wrapper(vm, a, 0)?;
    Ok(dict_iter_kind(vm, d, (t - TP_DICT_KEYS) as u8))
}

fn view_reversed(vm: &mut Vm, a: &[Value], t: TypeId) -> PyResult<Value> {
    let d = self_view(vm, a, t, "__reversed__")?;
    check_fixed(vm, a, &format!("{}.__reversed__", view_name(t)), 0)?;
    Ok(dict_reversed_kind(vm, &d, (t - TP_DICT_KEYS) as u8))
}

fn view_contains(vm: &mut Vm, a: &[Value], t: TypeId) -> PyResult<Value> {
    let d = self_view(vm, a, t, "__contains__")?;
    check_wrapper(vm, a, 1)?;
    let r = match t {
        TP_DICT_KEYS | TP_DICT_ITEMS => vm.contains(&a[0], &a[1])?,
        _ => {
            let mut found = false;
            for (_, v, _) in dict_snapshot(vm, &d) {
                if vm.eq(&v, &a[1])? {
                    found = true;
                    break;
                }
            }
            found
        }
    };
    Ok(Value::bool(r))
}

fn view_repr(vm: &mut Vm, a: &[Value], t: TypeId) -> PyResult<Value> {
    self_view(vm, a, t, "__repr__")?;
    check_wrapper(vm, a, 0)?;
    vm.repr_value(&a[0])
}

#[derive(Clone, Copy)]
enum ViewOp {
    Or,
    And,
    Sub,
    Xor,
}

/// `left op right` where one side is a keys/items view: a new set.
fn view_setop(vm: &mut Vm, left: &Value, right: &Value, op: ViewOp) -> PyResult<Value> {
    use crate::objects::set::*;
    let out = vm.new_set(false);
    vm.keep_alive(out);
    set_update_iter(vm, &out, left)?;
    match op {
        ViewOp::Or => set_update_iter(vm, &out, right)?,
        ViewOp::And => set_intersect_update(vm, &out, right)?,
        ViewOp::Sub => set_difference_update(vm, &out, right)?,
        ViewOp::Xor => set_symdiff_update(vm, &out, right)?,
    }
    Ok(out)
}

fn view_op(vm: &mut Vm, a: &[Value], t: TypeId, op: ViewOp, reflected: bool, meth: &str) -> PyResult<Value> {
    self_view(vm, a, t, meth)?;
    check_wrapper(vm, a, 1)?;
    if reflected {
        view_setop(vm, &a[1], &a[0], op)
    } else {
        view_setop(vm, &a[0], &a[1], op)
    }
}

/// Every item of iterable `a` is in container `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(x);
        let r = vm.contains(b, &x);
        vm.temp_roots.truncate(mark);
        if !r? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_compare(vm: &mut Vm, a: &[Value], t: TypeId, op: CompareOp, meth: &str) -> PyResult<Value> {
    self_view(vm, a, t, meth)?;
    check_wrapper(vm, a, 1)?;
    let (s, o) = (a[0], a[1]);
    if o.set().is_none() && !matches!(o.ty(), TP_DICT_KEYS | TP_DICT_ITEMS) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let ls = vm.len(&s)?;
    let lo = vm.len(&o)?;
    let r = match op {
        CompareOp::Eq => ls == lo && all_contained_in(vm, &s, &o)?,
        CompareOp::Ne => !(ls == lo && all_contained_in(vm, &s, &o)?),
        CompareOp::Lt => ls < lo && all_contained_in(vm, &s, &o)?,
        CompareOp::Le => ls <= lo && all_contained_in(vm, &s, &o)?,
        CompareOp::Gt => ls > lo && all_contained_in(vm, &o, &s)?,
        CompareOp::Ge => ls >= lo && all_contained_in(vm, &o, &s)?,
    };
    Ok(Value::bool(r))
}

fn view_isdisjoint(vm: &mut Vm, a: &[Value], t: TypeId) -> PyResult<Value> {
    self_view(vm, a, t, "isdisjoint")?;
    check_fixed(vm, a, &format!("{}.isdisjoint", view_name(t)), 1)?;
    let it = vm.iter(&a[1])?;
    vm.keep_alive(it);
    while let Some(x) = vm.next(&it)? {
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(x);
        let r = vm.contains(&a[0], &x);
        vm.temp_roots.truncate(mark);
        if r? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

macro_rules! view_fns {
    ($t:expr) => {{
        let common: Vec<(&str, NativeFn)> = vec![
            ("__len__", |vm, a| view_len(vm, a, $t)),
            ("__iter__", |vm, a| view_iter(vm, a, $t)),
            ("__reversed__", |vm, a| view_reversed(vm, a, $t)),
            ("__contains__", |vm, a| view_contains(vm, a, $t)),
            ("__repr__", |vm, a| view_repr(vm, a, $t)),
        ];
        common
    }};
}

macro_rules! view_set_fns {
    ($t:expr) => {{
        let v: Vec<(&str, NativeFn)> = vec![
            ("__or__", |vm, a| view_op(vm, a, $t, ViewOp::Or, false, "__or__")),
            ("__and__", |vm, a| view_op(vm, a, $t, ViewOp::And, false, "__and__")),
            ("__sub__", |vm, a| view_op(vm, a, $t, ViewOp::Sub, false, "__sub__")),
            ("__xor__", |vm, a| view_op(vm, a, $t, ViewOp::Xor, false, "__xor__")),
            ("__ror__", |vm, a| view_op(vm, a, $t, ViewOp::Or, true, "__ror__")),
            ("__rand__", |vm, a| view_op(vm, a, $t, ViewOp::And, true, "__rand__")),
            ("__rsub__", |vm, a| view_op(vm, a, $t, ViewOp::Sub, true, "__rsub__")),
            ("__rxor__", |vm, a| view_op(vm, a, $t, ViewOp::Xor, true, "__rxor__")),
            ("__lt__", |vm, a| view_compare(vm, a, $t, CompareOp::Lt, "__lt__")),
            ("__le__", |vm, a| view_compare(vm, a, $t, CompareOp::Le, "__le__")),
            ("__eq__", |vm, a| view_compare(vm, a, $t, CompareOp::Eq, "__eq__")),
            ("__ne__", |vm, a| view_compare(vm, a, $t, CompareOp::Ne, "__ne__")),
            ("__gt__", |vm, a| view_compare(vm, a, $t, CompareOp::Gt, "__gt__")),
            ("__ge__", |vm, a| view_compare(vm, a, $t, CompareOp::Ge, "__ge__")),
            ("isdisjoint", |vm, a| view_isdisjoint(vm, a, $t)),
        ];
        v
    }};
}

/// Bind the type's constructor and methods.
pub fn register(vm: &mut Vm) {
    let t = TP_DICT;
    bind_new_kw(vm, t, dict_new);
    vm.bind_method_kw(t, "__init__", dict_init);
    vm.bind_method_kw(t, "update", dict_update);
    let methods: &[(&str, NativeFn)] = &[
        ("get", dict_get_m),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop_m),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__len__", dict_len),
        ("__iter__", dict_iter),
        ("__reversed__", dict_reversed),
        ("__eq__", |vm, a| dict_compare(vm, a, false)),
        ("__ne__", |vm, a| dict_compare(vm, a, true)),
        ("__or__", dict_or),
        ("__ror__", dict_ror),
        ("__ior__", dict_ior),
        ("__repr__", dict_repr),
    ];
    for (name, f) in methods {
        vm.bind_method(t, name, -1, *f);
    }
    vm.bind_classmethod(t, "fromkeys", -1, dict_fromkeys);
    vm.set_type_attr(t, "__hash__", Value::NONE);
    bind_class_getitem(vm, t);

    for (vt, fns) in [
        (TP_DICT_KEYS, view_fns!(TP_DICT_KEYS)),
        (TP_DICT_VALUES, view_fns!(TP_DICT_VALUES)),
        (TP_DICT_ITEMS, view_fns!(TP_DICT_ITEMS)),
    ] {
        for (name, f) in fns {
            vm.bind_method(vt, name, -1, f);
        }
    }
    for (vt, fns) in [(TP_DICT_KEYS, view_set_fns!(TP_DICT_KEYS)), (TP_DICT_ITEMS, view_set_fns!(TP_DICT_ITEMS))] {
        for (name, f) in fns {
            vm.bind_method(vt, name, -1, f);
        }
        vm.set_type_attr(vt, "__hash__", Value::NONE);
    }
}

#[cfg(test)]
mod pop_tests {
    use super::*;

    fn eq(a: &Value, b: &Value) -> Option<bool> {
        Some(a.as_i64() == b.as_i64())
    }

    /// Random inserts, removals and pops from both ends against a model.
    #[test]
    fn pops_keep_the_table_consistent() {
        let mut seed: u64 = 0x2545F4914F6CDD1D;
        let mut rnd = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut d = Dict::new();
        let mut model: Vec<i64> = Vec::new();
        let h = |k: i64| k % 13;
        for _ in 0..200000 {
            match rnd(6) {
                0 | 1 => {
                    let k = rnd(500) as i64;
                    if !model.contains(&k) {
                        d.insert_new(h(k), Value::int(k), Value::int(k));
                        model.push(k);
                    }
                }
                2 => {
                    let k = rnd(500) as i64;
                    if let Lookup::Found(i) = d.lookup(h(k), &Value::int(k), eq) {
                        d.remove_at(i);
                        model.retain(|x| *x != k);
                    }
                }
                3 => {
                    let r = d.pop_last().map(|(k, _)| k.as_i64());
                    assert_eq!(r, model.pop());
                }
                _ => {
                    let r = d.pop_first().map(|(k, _)| k.as_i64());
                    let m = if model.is_empty() { None } else { Some(model.remove(0)) };
                    assert_eq!(r, m);
                }
            }
            assert_eq!(d.len(), model.len());
            if rnd(50) == 0 {
                for k in 0..500i64 {
                    let found = matches!(d.lookup(h(k), &Value::int(k), eq), Lookup::Found(_));
                    assert_eq!(found, model.contains(&k), "key {k}");
                }
            }
        }
        for k in 0..500i64 {
            let found = matches!(d.lookup(h(k), &Value::int(k), eq), Lookup::Found(_));
            assert_eq!(found, model.contains(&k), "key {k}");
        }
        let keys: Vec<i64> = d.iter().map(|e| e.key().as_i64()).collect();
        assert_eq!(keys, model);
    }
}
