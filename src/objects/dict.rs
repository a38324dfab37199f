//! The insertion-ordered hash table behind `dict`, `set` and `frozenset`.
//!
//! Entries live in a vector in insertion order; an open-addressing index
//! (linear probing over `u32` entry numbers) finds them by hash. Deleted
//! entries become tombstones (NIL key) until the next compaction. Key
//! equality may need Python code (`__eq__`), which this module cannot run:
//! `lookup` decides what it can with `pure_eq` and hands back the candidates
//! it could not decide, for the VM to compare.

use crate::vm::value::Value;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

const EMPTY: u32 = u32::MAX;

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    len: usize,
    /// Bumped on every insertion or removal (iterators detect size changes).
    pub version: u64,
}

pub enum Lookup {
    Found(usize),
    Missing,
    /// Entry numbers whose hash matches but whose equality needs Python.
    Undecided(Vec<usize>),
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict { entries: Vec::with_capacity(n), ..Dict::default() };
        if n > 0 {
            d.indices = vec![EMPTY; (n * 2).next_power_of_two().max(8)];
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Find `key` (with hash `hash`). `pure_eq(a, b)` decides equality without
    /// running Python where it can (`None` = cannot decide).
    #[inline]
    pub fn lookup(&self, hash: i64, key: &Value, pure_eq: impl Fn(&Value, &Value) -> Option<bool>) -> Lookup {
        if self.indices.is_empty() {
            return Lookup::Missing;
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut undecided: Vec<usize> = Vec::new();
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return if undecided.is_empty() { Lookup::Missing } else { Lookup::Undecided(undecided) };
            }
            let e = &self.entries[ix as usize];
            if e.hash == hash && !e.key.is_nil() {
                match pure_eq(&e.key, key) {
                    Some(true) => return Lookup::Found(ix as usize),
                    Some(false) => {}
                    None => undecided.push(ix as usize),
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.indices[i] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        self.version = self.version.wrapping_add(1);
    }

    fn grow(&mut self) {
        // Drop tombstones and rebuild the index at twice the live size.
        self.entries.retain(|e| !e.key.is_nil());
        let cap = ((self.len + 1) * 3).next_power_of_two().max(8);
        self.indices = vec![EMPTY; cap];
        let mask = cap - 1;
        for (n, e) in self.entries.iter().enumerate() {
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                i = (i + 1) & mask;
            }
            self.indices[i] = n as u32;
        }
    }

    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_nil())
    }

    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value
    }

    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
    }

    /// Remove entry `i` (leaves a tombstone). Returns its key and value.
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let e = self.entries[i];
        self.entries[i].key = Value::NIL;
        self.entries[i].value = Value::NIL;
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        if self.len == 0 {
            self.entries.clear();
            self.indices.iter_mut().for_each(|x| *x = EMPTY);
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            // Mostly tombstones: compact (indices are rebuilt).
            let live = self.len;
            self.entries.retain(|e| !e.key.is_nil());
            debug_assert_eq!(live, self.entries.len());
            let cap = self.indices.len();
            self.indices = vec![EMPTY; cap];
            let mask = cap - 1;
            for (n, e) in self.entries.iter().enumerate() {
                let mut j = (e.hash as u64 as usize) & mask;
                while self.indices[j] != EMPTY {
                    j = (j + 1) & mask;
                }
                self.indices[j] = n as u32;
            }
        }
        (e.key, e.value)
    }

    /// Number of entry slots (live and tombstones): iteration bound.
    #[inline]
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_nil())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_nil())
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.version = self.version.wrapping_add(1);
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        for e in &self.entries {
            out.push(e.key);
            out.push(e.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn eq(a: &Value, b: &Value) -> Option<bool> {
        Some(a.as_i64() == b.as_i64())
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
        let keys: Vec<i64> = d.iter().map(|e| e.key.as_i64()).collect();
        assert_eq!(keys, (900..1000).collect::<Vec<_>>());
        assert!(matches!(d.lookup(950 % 7, &Value::int(950), eq), Lookup::Found(_)));
    }
}

/// Bind the type's constructor and methods.
pub fn register(_vm: &mut crate::vm::Vm) {}
