//! Memoised MRO lookups: where `find_in_type(t, name)` found its answer.
//!
//! A direct-mapped table keyed by (type, name) records the type whose dict
//! holds the name and the entry's position in that dict, or that no type in
//! the MRO has it. Positions stay valid while a dict only has values
//! replaced (also through the C API's pointers into type dicts); adding or
//! removing a name in any type dict starts a new epoch, which drops every
//! record at once (such writes are rare once classes are built). MROs never
//! change after a type is created.
//!
//! Epochs are drawn from one process-wide counter, so an epoch also names
//! the VM it belongs to: hints recorded in shared code objects (see
//! `Vm::load_attr_cached`) can never match in another VM.

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

use super::value::TypeId;
use crate::runtime::names::Name;

const SIZE: usize = 4096;
const ABSENT: u32 = u32::MAX;

static NEXT_EPOCH: AtomicU32 = AtomicU32::new(1);

/// A fresh epoch, never 0.
fn next_epoch() -> u32 {
    loop {
        let e = NEXT_EPOCH.fetch_add(1, Ordering::Relaxed);
        if e != 0 {
            return e;
        }
    }
}

#[derive(Clone, Copy)]
struct Entry {
    /// The epoch the record was made in (0: never; the epoch starts at 1).
    epoch: u32,
    name: u32,
    ty: TypeId,
    owner: TypeId,
    /// Position in the owner's dict, or ABSENT.
    pos: u32,
}

pub struct TypeCache {
    entries: Box<[Cell<Entry>]>,
    epoch: Cell<u32>,
}

impl TypeCache {
    pub fn new() -> TypeCache {
        let empty = Entry { epoch: 0, name: 0, ty: 0, owner: 0, pos: ABSENT };
        TypeCache { entries: (0..SIZE).map(|_| Cell::new(empty)).collect(), epoch: Cell::new(next_epoch()) }
    }

    #[inline(always)]
    fn slot(&self, ty: TypeId, name: Name) -> &Cell<Entry> {
        let h = (name.0 as usize).wrapping_mul(0x9E37_79B9) ^ (ty as u16 as usize).wrapping_mul(0x85EB_CA6B);
        &self.entries[(h >> 12) & (SIZE - 1)]
    }

    /// The record for (ty, name): Some(Some((owner, position))) when found,
    /// Some(None) when known absent, None when not recorded.
    #[inline(always)]
    pub fn get(&self, ty: TypeId, name: Name) -> Option<Option<(TypeId, usize)>> {
        let e = self.slot(ty, name).get();
        if e.epoch != self.epoch.get() || e.ty != ty || e.name != name.0 {
            return None;
        }
        Some(if e.pos == ABSENT { None } else { Some((e.owner, e.pos as usize)) })
    }

    pub fn put(&self, ty: TypeId, name: Name, found: Option<(TypeId, usize)>) {
        let (owner, pos) = match found {
            Some((o, p)) if p < ABSENT as usize => (o, p as u32),
            Some(_) => return,
            None => (0, ABSENT),
        };
        self.slot(ty, name).set(Entry { epoch: self.epoch.get(), name: name.0, ty, owner, pos });
    }

    /// The current epoch (never 0): unchanged while no type dict gains or
    /// loses a name.
    #[inline(always)]
    pub fn epoch(&self) -> u32 {
        self.epoch.get()
    }

    /// Forget every record (a type dict gained or lost a name).
    pub fn invalidate(&self) {
        let next = next_epoch();
        if next < self.epoch.get() {
            // The counter wrapped: clear the records so none can match a
            // reused epoch.
            for e in self.entries.iter() {
                let mut x = e.get();
                x.epoch = 0;
                e.set(x);
            }
        }
        self.epoch.set(next);
    }
}

impl Default for TypeCache {
    fn default() -> Self {
        TypeCache::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_epochs() {
        let c = TypeCache::new();
        let (a, b) = (Name::new("alpha_tc"), Name::new("beta_tc"));
        assert!(c.get(60, a).is_none());
        c.put(60, a, Some((1, 3)));
        c.put(61, b, None);
        assert_eq!(c.get(60, a), Some(Some((1, 3))));
        assert_eq!(c.get(61, b), Some(None));
        assert!(c.get(61, a).is_none(), "another type's record must not match");
        c.invalidate();
        assert!(c.get(60, a).is_none() && c.get(61, b).is_none());
    }

    #[test]
    fn epochs_differ_between_caches() {
        let (c, d) = (TypeCache::new(), TypeCache::new());
        assert_ne!(c.epoch(), d.epoch());
        let e = c.epoch();
        c.invalidate();
        assert_ne!(c.epoch(), e);
        assert_ne!(c.epoch(), 0);
    }
}
