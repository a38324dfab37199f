//! `NameDict`: an insertion-ordered map from interned names to values, used for
//! instance `__dict__`s, module globals and class attributes.
//!
//! Small maps (the common case) are a vector scanned linearly; past
//! `INDEX_AT` entries an index map is built.

use std::collections::HashMap;

use crate::runtime::names::Name;
use crate::vm::value::Value;

const INDEX_AT: usize = 12;

#[derive(Default, Clone)]
pub struct NameDict {
    entries: Vec<(Name, Value)>,
    index: Option<HashMap<Name, usize, BuildNameHasher>>,
}

/// Names are small unique integers: hash them with a multiply.
#[derive(Default, Clone, Copy)]
pub struct BuildNameHasher;
pub struct NameHasher(u64);
impl std::hash::BuildHasher for BuildNameHasher {
    type Hasher = NameHasher;
    fn build_hasher(&self) -> NameHasher {
        NameHasher(0)
    }
}
impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl NameDict {
    pub fn new() -> NameDict {
        NameDict::default()
    }

    #[inline]
    fn position(&self, k: Name) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(&k).copied(),
            None => self.entries.iter().position(|(n, _)| *n == k),
        }
    }

    #[inline]
    pub fn get(&self, k: Name) -> Option<Value> {
        self.position(k).map(|i| self.entries[i].1)
    }

    pub fn contains(&self, k: Name) -> bool {
        self.position(k).is_some()
    }

    pub fn set(&mut self, k: Name, v: Value) {
        if let Some(i) = self.position(k) {
            self.entries[i].1 = v;
            return;
        }
        self.entries.push((k, v));
        if let Some(ix) = &mut self.index {
            ix.insert(k, self.entries.len() - 1);
        } else if self.entries.len() > INDEX_AT {
            self.rebuild_index();
        }
    }

    fn rebuild_index(&mut self) {
        let mut ix = HashMap::with_capacity_and_hasher(self.entries.len() * 2, BuildNameHasher);
        for (i, (n, _)) in self.entries.iter().enumerate() {
            ix.insert(*n, i);
        }
        self.index = Some(ix);
    }

    pub fn remove(&mut self, k: Name) -> Option<Value> {
        let i = self.position(k)?;
        let (_, v) = self.entries.remove(i);
        if self.index.is_some() {
            self.rebuild_index();
        }
        Some(v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    pub fn iter(&self) -> impl Iterator<Item = (Name, Value)> + '_ {
        self.entries.iter().copied()
    }

    pub fn entry_at(&self, i: usize) -> Option<(Name, Value)> {
        self.entries.get(i).copied()
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend(self.entries.iter().map(|e| e.1));
    }
}
