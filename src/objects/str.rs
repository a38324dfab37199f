//! The `str` payload: UTF-8 text with a trailing NUL (so C gets a pointer
//! without copying), its length in characters and a cached hash.

use std::cell::Cell;

pub struct PyStr {
    /// The text followed by one NUL byte.
    buf: Box<str>,
    chars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        let mut b = String::with_capacity(s.len() + 1);
        b.push_str(s);
        b.push('\0');
        PyStr { chars: if s.is_ascii() { s.len() } else { s.chars().count() }, buf: b.into_boxed_str(), hash: Cell::new(None) }
    }

    pub fn from_string(mut s: String) -> PyStr {
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        s.push('\0');
        PyStr { chars, buf: s.into_boxed_str(), hash: Cell::new(None) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.buf[..self.buf.len() - 1]
    }

    /// Pointer to the NUL-terminated bytes.
    pub fn c_ptr(&self) -> *const u8 {
        self.buf.as_ptr()
    }

    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.buf.len() - 1
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = hash_str(self.as_str());
        self.hash.set(Some(h));
        h
    }

    /// The i-th character (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.as_str().as_bytes().get(i).map(|b| *b as char)
        } else {
            self.as_str().chars().nth(i)
        }
    }
}

/// FNV-1a over the bytes, folded so that it is never -1 (CPython reserves -1).
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Bind the type's constructor and methods.
pub fn register(_vm: &mut crate::vm::Vm) {}
