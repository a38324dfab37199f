//! The process-wide name interner.
//!
//! Identifiers are interned once per process and compared as integers. Every
//! VM shares the table. Interning an already-known name takes a thread-local
//! cache hit (no lock); a miss takes a read lock, and only a brand-new name
//! takes the write lock. Interned strings live for the whole process.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

/// An interned identifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Name(pub u32);

/// A fast, non-cryptographic hasher for identifier strings (FxHash's
/// multiply-rotate): names are short and not attacker-controlled in bulk.
#[derive(Default, Clone, Copy)]
pub struct FastHash(u64);

impl std::hash::Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(K);
        }
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHash>>;

struct Table {
    strs: Vec<&'static str>,
    map: FastMap<&'static str, u32>,
}

fn table() -> &'static RwLock<Table> {
    static T: OnceLock<RwLock<Table>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table { strs: Vec::with_capacity(1024), map: FastMap::default() };
        for s in PREDEFINED {
            let id = t.strs.len() as u32;
            t.strs.push(s);
            t.map.insert(s, id);
        }
        RwLock::new(t)
    })
}

thread_local! {
    /// Keys are the interned strings themselves (no copy per entry).
    static CACHE: RefCell<FastMap<&'static str, Name>> = RefCell::new(FastMap::with_capacity_and_hasher(2048, Default::default()));
}

impl Name {
    /// Intern `s`.
    pub fn new(s: &str) -> Name {
        if let Some(n) = CACHE.with(|c| c.borrow().get(s).copied()) {
            return n;
        }
        let (key, n) = Self::intern_slow(s);
        CACHE.with(|c| c.borrow_mut().insert(key, n));
        n
    }

    /// Look `s` up in (or add it to) the shared table; returns the interned
    /// string with its name.
    fn intern_slow(s: &str) -> (&'static str, Name) {
        let t = table();
        {
            let r = t.read().unwrap_or_else(|e| e.into_inner());
            if let Some((&k, &id)) = r.map.get_key_value(s) {
                return (k, Name(id));
            }
        }
        let mut w = t.write().unwrap_or_else(|e| e.into_inner());
        if let Some((&k, &id)) = w.map.get_key_value(s) {
            return (k, Name(id));
        }
        let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
        let id = w.strs.len() as u32;
        w.strs.push(leaked);
        w.map.insert(leaked, id);
        (leaked, Name(id))
    }

    /// The text of an interned name.
    pub fn as_str(self) -> &'static str {
        let t = table().read().unwrap_or_else(|e| e.into_inner());
        t.strs.get(self.0 as usize).copied().unwrap_or("<?>")
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! predefined_names {
    ($($id:ident),* $(,)?) => {
        #[allow(non_camel_case_types, dead_code)]
        #[repr(u32)]
        enum Idx { $($id,)* }
        /// Well-known names, interned first so their ids are constants.
        #[allow(non_upper_case_globals)]
        pub mod n {
            use super::{Idx, Name};
            $(pub const $id: Name = Name(Idx::$id as u32);)*
        }
        const PREDEFINED: &[&str] = &[$(stringify!($id)),*];
    };
}

predefined_names!(
    __init__, __new__, __repr__, __str__, __format__, __hash__, __eq__, __ne__, __lt__, __le__,
    __gt__, __ge__, __add__, __radd__, __iadd__, __sub__, __rsub__, __isub__, __mul__, __rmul__,
    __imul__, __matmul__, __rmatmul__, __imatmul__, __truediv__, __rtruediv__, __itruediv__,
    __floordiv__, __rfloordiv__, __ifloordiv__, __mod__, __rmod__, __imod__, __pow__, __rpow__,
    __ipow__, __lshift__, __rlshift__, __ilshift__, __rshift__, __rrshift__, __irshift__, __and__,
    __rand__, __iand__, __or__, __ror__, __ior__, __xor__, __rxor__, __ixor__, __neg__, __pos__,
    __abs__, __invert__, __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__,
    __next__, __call__, __enter__, __exit__, __getattr__, __getattribute__, __setattr__,
    __delattr__, __bool__, __get__, __set__, __delete__, __init_subclass__, __class__, __dict__,
    __name__, __qualname__, __module__, __doc__, __annotations__, __slots__, __mro__, __bases__,
    __base__, __classcell__, __all__, __file__, __path__, __package__, __builtins__, __index__,
    __int__, __float__, __reversed__, __missing__, __set_name__, __match_args__, __getstate__,
    __setstate__, __reduce__, __reduce_ex__, __main__, __import__, __build_class__, __debug__,
    __dir__, __instancecheck__, __subclasscheck__, __round__, __trunc__, __floor__, __ceil__,
    __divmod__, __rdivmod__, __class_getitem__, __spec__, __loader__, __weakref__, __objclass__,
    __func__, __self__, __wrapped__, __defaults__, __kwdefaults__, __code__, __globals__,
    __closure__, __traceback__, __cause__, __context__, __suppress_context__,
    args, send, throw, close, value, cls, __cached__, keys, items, values, get, append,
    write, flush, read, readline, __complex__, __bytes__, __sizeof__, __subclasses__,
    __abstractmethods__, __orig_bases__, __prepare__, __length_hint__, __await__, __aiter__,
    __anext__, __aenter__, __aexit__, __fspath__, __copy__, __deepcopy__, builtins,
);

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn interning_is_stable() {
        let a = Name::new("hello_world");
        let b = Name::new("hello_world");
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "hello_world");
        assert_eq!(Name::new("__init__"), n::__init__);
        assert_eq!(n::__repr__.as_str(), "__repr__");
        let h = std::thread::spawn(|| Name::new("hello_world")).join().unwrap();
        assert_eq!(a, h);
    }
}
