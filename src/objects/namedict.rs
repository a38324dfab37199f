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
    /// The `mappingproxy` view handed out for `obj.__dict__` (made once, so
    /// `o.__dict__ is vars(o)`), or NIL.
    pub proxy: Value,
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

    /// An empty dict with room for `n` entries.
    pub fn with_capacity(n: usize) -> NameDict {
        let index = (n > INDEX_AT).then(|| HashMap::with_capacity_and_hasher(n, BuildNameHasher));
        NameDict { entries: Vec::with_capacity(n), index, proxy: Value::NIL }
    }

    #[inline]
    pub fn position(&self, k: Name) -> Option<usize> {
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

    /// The value slot of `k`, for the C API, which hands the host a
    /// pointer to write through (`py_emplacedict`, `py_tpgetmagic`).
    pub fn get_mut(&mut self, k: Name) -> Option<&mut Value> {
        let i = self.position(k)?;
        Some(&mut self.entries[i].1)
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

    /// Bytes held by the table (for the heap limit's accounting).
    pub fn mem_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<(Name, Value)>() + self.index.as_ref().map_or(0, |m| m.capacity() * 24)
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

    /// Replace the value of entry `i` if that entry holds `k`; false if not.
    #[inline]
    pub fn set_at(&mut self, i: usize, k: Name, v: Value) -> bool {
        match self.entries.get_mut(i) {
            Some(e) if e.0 == k => {
                e.1 = v;
                true
            }
            _ => false,
        }
    }

    pub fn entry_at(&self, i: usize) -> Option<(Name, Value)> {
        self.entries.get(i).copied()
    }

    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.extend(self.entries.iter().map(|e| e.1));
        out.push(self.proxy);
    }
}

// ---------------------------------------------------------------- the Python view

use crate::vm::exceptions::{TP_KEY_ERROR, TP_TYPE_ERROR};
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// The object whose attribute dict a `mappingproxy` view shows.
fn target(v: &Value) -> Value {
    match &v.obj().data {
        ObjData::Slice(s) => s[0],
        _ => Value::NONE,
    }
}

/// A dict snapshot of the view (for iteration and comparison).
fn snapshot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = vm.mapping_items(v)?;
    let d = vm.new_dict();
    vm.keep_alive(d);
    for (k, x) in items {
        vm.dict_set(&d, k, x)?;
    }
    Ok(d)
}

/// `obj.__dict__` / `vars(obj)` / module `globals()`: a live mapping view.
pub fn register(vm: &mut Vm) {
    let t = TP_NAMEDICT;
    vm.bind_method(t, "__getitem__", 2, |vm, a| match crate::objects::builtin_getitem(vm, &a[0], &a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(a[1])),
    });
    vm.bind_method(t, "__setitem__", 3, |vm, a| {
        crate::objects::builtin_setitem(vm, &a[0], &a[1], Some(a[2]))?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "__delitem__", 2, |vm, a| {
        crate::objects::builtin_setitem(vm, &a[0], &a[1], None)?;
        Ok(Value::NONE)
    });
    vm.bind_method(t, "__len__", 1, |vm, a| Ok(Value::int(vm.mapping_items(&a[0])?.len() as i64)));
    vm.bind_method(t, "__contains__", 2, |vm, a| {
        let name = match a[1].as_str() {
            Some(s) => Name::new(s),
            None => return Ok(Value::FALSE),
        };
        let tg = target(&a[0]);
        let found = match tg.as_type() {
            Some(ty) => vm.types[ty as usize].dict().contains(name),
            None => vm.attrs_get(&tg, name).is_some(),
        };
        Ok(Value::bool(found))
    });
    vm.bind_method(t, "__iter__", 1, |vm, a| {
        let d = snapshot(vm, &a[0])?;
        vm.iter(&d)
    });
    vm.bind_method(t, "__eq__", 2, |vm, a| {
        let d = snapshot(vm, &a[0])?;
        let other = if a[1].ty() == TP_NAMEDICT { snapshot(vm, &a[1])? } else { a[1] };
        if other.dict().is_none() {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let (x, y) = (vm.mapping_items(&d)?, vm.mapping_items(&other)?);
        if x.len() != y.len() {
            return Ok(Value::FALSE);
        }
        for (k, v) in x {
            match vm.dict_get(&other, &k)? {
                Some(w) if vm.eq(&v, &w)? => {}
                _ => return Ok(Value::FALSE),
            }
        }
        Ok(Value::TRUE)
    });
    for (name, kind) in [("keys", 0u8), ("values", 1), ("items", 2)] {
        let f: crate::objects::function::NativeFn = match kind {
            0 => |vm, a| {
                let d = snapshot(vm, &a[0])?;
                vm.call_method(&d, Name::new("keys"), &[])
            },
            1 => |vm, a| {
                let d = snapshot(vm, &a[0])?;
                vm.call_method(&d, Name::new("values"), &[])
            },
            _ => |vm, a| {
                let d = snapshot(vm, &a[0])?;
                vm.call_method(&d, Name::new("items"), &[])
            },
        };
        vm.bind_method(t, name, 1, f);
    }
    vm.bind_method(t, "copy", 1, snapshot_fn);
    vm.bind_method(t, "get", -1, |vm, a| {
        if a.len() < 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "get expected at least 1 argument"));
        }
        match crate::objects::builtin_getitem(vm, &a[0], &a[1]) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(a.get(2).copied().unwrap_or(Value::NONE)),
            Err(e) => {
                if vm.exc_is(TP_KEY_ERROR) {
                    vm.exc = None;
                    Ok(a.get(2).copied().unwrap_or(Value::NONE))
                } else {
                    Err(e)
                }
            }
        }
    });
    vm.bind_method(t, "setdefault", -1, |vm, a| {
        if a.len() < 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "setdefault expected at least 1 argument"));
        }
        if let Ok(Some(v)) = crate::objects::builtin_getitem(vm, &a[0], &a[1]) {
            return Ok(v);
        }
        vm.exc = None;
        let d = a.get(2).copied().unwrap_or(Value::NONE);
        crate::objects::builtin_setitem(vm, &a[0], &a[1], Some(d))?;
        Ok(d)
    });
    vm.bind_method(t, "pop", -1, |vm, a| {
        if a.len() < 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "pop expected at least 1 argument"));
        }
        match crate::objects::builtin_getitem(vm, &a[0], &a[1]) {
            Ok(Some(v)) => {
                crate::objects::builtin_setitem(vm, &a[0], &a[1], None)?;
                Ok(v)
            }
            Ok(None) | Err(_) if a.len() > 2 => {
                vm.exc = None;
                Ok(a[2])
            }
            Ok(None) => Err(vm.key_error(a[1])),
            Err(e) => Err(e),
        }
    });
    vm.bind_method_kw(t, "update", |vm, a, kw| {
        if let Some(m) = a.get(1) {
            for (k, v) in vm.mapping_items(m)? {
                crate::objects::builtin_setitem(vm, &a[0], &k, Some(v))?;
            }
        }
        for (k, v) in kw {
            let ks = vm.name_str(*k);
            crate::objects::builtin_setitem(vm, &a[0], &ks, Some(*v))?;
        }
        Ok(Value::NONE)
    });
}

fn snapshot_fn(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    snapshot(vm, &a[0])
}
