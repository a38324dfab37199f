//! Memoised MRO lookups: where `find_in_type(t, name)` found its answer.
//!
//! A direct-mapped table keyed by (type, name) records the type whose dict
//! holds the name and the entry's position in that dict, or that no type in
//! the MRO has it. Positions stay valid while a dict only has values
//! replaced (also through the C API's pointers into type dicts); adding or
//! removing a name in any type dict starts a new epoch, which drops every
//! record at once (such writes are rare once classes are built). MROs never
//! change after a type is created.

use std::cell::Cell;

use super::value::TypeId;
use crate::runtime::names::Name;

const SIZE: usize = 4096;
const ABSENT: u32 = u32::MAX;

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
        TypeCache { entries: (0..SIZE).map(|_| Cell::new(empty)).collect(), epoch: Cell::new(1) }
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

    /// Forget every record (a type dict gained or lost a name).
    pub fn invalidate(&self) {
        let next = self.epoch.get().wrapping_add(1);
        if next == 0 {
            // Wrapped: clear the records so none can match a reused epoch.
            for e in self.entries.iter() {
                let mut x = e.get();
                x.epoch = 0;
                e.set(x);
            }
            self.epoch.set(1);
        } else {
            self.epoch.set(next);
        }
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
    fn epoch_wrap_clears_records() {
        let c = TypeCache::new();
        let a = Name::new("gamma_tc");
        c.put(70, a, Some((2, 0)));
        c.epoch.set(u32::MAX);
        c.put(70, a, Some((2, 1)));
        c.invalidate();
        assert_eq!(c.epoch.get(), 1);
        assert!(c.get(70, a).is_none());
    }
}
