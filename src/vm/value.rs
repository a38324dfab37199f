//! `Value`: the 16-byte tagged value, layout-compatible with pocketpy's `py_TValue`.
//!
//! ```c
//! typedef struct py_TValue { int16_t type; bool is_ptr; int extra; union { int64_t; double; void*; }; } py_TValue;
//! ```
//! Immediates (nil, None, bool, small int, float, NotImplemented, Ellipsis)
//! live in the payload; everything else is a pointer to a heap `Obj` owned by
//! one VM's heap (see `heap.rs`). This file and `heap.rs` hold all the raw
//! pointer code of the interpreter.

use super::heap::Obj;

/// A type id: an index into the VM's type table (`tp_*` constants below).
pub type TypeId = i16;

/// Two words, read through accessors: `head` packs the C fields `type`
/// (bits 0-15), `is_ptr` (bits 16-23) and `extra` (bits 32-63), which on a
/// little-endian target is exactly `py_TValue`'s layout. Rust code sees a
/// Value as two `u64`s, so LLVM loads, stores and copies it as whole words:
/// with separate small fields it split copies into 2/1/4/8-byte pieces at
/// odd offsets whenever a field was also read (checking the type before
/// pushing a local, say), and the 16-byte load of the slot that followed
/// could not be forwarded from those stores. Any bit pattern is a valid
/// Value (a C host may write any byte into `is_ptr`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Value {
    pub head: u64,
    pub payload: u64,
}

#[cfg(target_endian = "big")]
compile_error!("Value's head word mirrors py_TValue's fields on little-endian targets only");

#[inline(always)]
const fn head(ty: TypeId, is_ptr: bool, extra: i32) -> u64 {
    (ty as u16 as u64) | ((is_ptr as u64) << 16) | ((extra as u32 as u64) << 32)
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

// Type ids. The first block follows pocketpy v2's `py_PredefinedType` order.
pub const TP_NIL: TypeId = 0;
pub const TP_OBJECT: TypeId = 1;
pub const TP_TYPE: TypeId = 2;
pub const TP_INT: TypeId = 3;
pub const TP_FLOAT: TypeId = 4;
pub const TP_BOOL: TypeId = 5;
pub const TP_STR: TypeId = 6;
pub const TP_STR_ITERATOR: TypeId = 7;
pub const TP_LIST: TypeId = 8;
pub const TP_TUPLE: TypeId = 9;
pub const TP_LIST_ITERATOR: TypeId = 10;
pub const TP_TUPLE_ITERATOR: TypeId = 11;
pub const TP_SLICE: TypeId = 12;
pub const TP_RANGE: TypeId = 13;
pub const TP_RANGE_ITERATOR: TypeId = 14;
pub const TP_MODULE: TypeId = 15;
pub const TP_FUNCTION: TypeId = 16;
pub const TP_NATIVEFUNC: TypeId = 17;
pub const TP_BOUNDMETHOD: TypeId = 18;
pub const TP_SUPER: TypeId = 19;
pub const TP_BASE_EXCEPTION: TypeId = 20;
pub const TP_EXCEPTION: TypeId = 21;
pub const TP_BYTES: TypeId = 22;
pub const TP_NAMEDICT: TypeId = 23;
pub const TP_LOCALS: TypeId = 24;
pub const TP_CODE: TypeId = 25;
pub const TP_DICT: TypeId = 26;
pub const TP_DICT_ITERATOR: TypeId = 27;
pub const TP_PROPERTY: TypeId = 28;
pub const TP_STAR_WRAPPER: TypeId = 29;
pub const TP_STATICMETHOD: TypeId = 30;
pub const TP_CLASSMETHOD: TypeId = 31;
pub const TP_NONE_TYPE: TypeId = 32;
pub const TP_NOT_IMPLEMENTED_TYPE: TypeId = 33;
pub const TP_ELLIPSIS: TypeId = 34;
pub const TP_GENERATOR: TypeId = 35;
// Our additions.
pub const TP_SET: TypeId = 36;
pub const TP_FROZENSET: TypeId = 37;
pub const TP_CELL: TypeId = 38;
pub const TP_DICT_KEYS: TypeId = 39;
pub const TP_DICT_VALUES: TypeId = 40;
pub const TP_DICT_ITEMS: TypeId = 41;
pub const TP_SET_ITERATOR: TypeId = 42;
pub const TP_BYTEARRAY: TypeId = 43;
pub const TP_BYTES_ITERATOR: TypeId = 44;
pub const TP_ENUMERATE: TypeId = 45;
pub const TP_ZIP: TypeId = 46;
pub const TP_MAP: TypeId = 47;
pub const TP_FILTER: TypeId = 48;
pub const TP_REVERSED: TypeId = 49;
pub const TP_CALL_ITERATOR: TypeId = 50;
pub const TP_SEQ_ITERATOR: TypeId = 51;
pub const TP_TRACEBACK: TypeId = 52;
pub const TP_USERDATA: TypeId = 53;
/// First id of the builtin exception classes (allocated at VM start).
pub const TP_FIRST_FREE: TypeId = 54;

impl Value {
    pub const NIL: Value = Value { head: head(TP_NIL, false, 0), payload: 0 };
    pub const NONE: Value = Value { head: head(TP_NONE_TYPE, false, 0), payload: 0 };
    pub const TRUE: Value = Value { head: head(TP_BOOL, false, 0), payload: 1 };
    pub const FALSE: Value = Value { head: head(TP_BOOL, false, 0), payload: 0 };
    pub const NOT_IMPLEMENTED: Value =
        Value { head: head(TP_NOT_IMPLEMENTED_TYPE, false, 0), payload: 0 };
    pub const ELLIPSIS: Value = Value { head: head(TP_ELLIPSIS, false, 0), payload: 0 };

    #[inline(always)]
    pub const fn int(i: i64) -> Value {
        Value { head: head(TP_INT, false, 0), payload: i as u64 }
    }
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        Value { head: head(TP_FLOAT, false, 0), payload: f.to_bits() }
    }
    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    /// A pointer value to heap object `o` whose type is `ty`.
    #[inline(always)]
    pub fn from_obj(ty: TypeId, o: *mut Obj) -> Value {
        Value { head: head(ty, true, 0), payload: o as usize as u64 }
    }

    /// The type id (C: `type`).
    #[inline(always)]
    pub const fn ty(&self) -> TypeId {
        self.head as u16 as TypeId
    }
    /// Whether the payload points to a heap object (C: `is_ptr`, any nonzero byte).
    #[inline(always)]
    pub const fn is_ptr(&self) -> bool {
        (self.head >> 16) as u8 != 0
    }
    /// The spare 32 bits (C: `extra`).
    #[inline(always)]
    pub const fn extra(&self) -> i32 {
        (self.head >> 32) as u32 as i32
    }
    /// The same value with `extra` replaced.
    #[inline(always)]
    pub const fn with_extra(self, extra: i32) -> Value {
        Value { head: (self.head & 0xffff_ffff) | ((extra as u32 as u64) << 32), payload: self.payload }
    }
    /// The same value with its type id replaced (same payload and flags).
    #[inline(always)]
    pub const fn with_ty(self, ty: TypeId) -> Value {
        Value { head: (self.head & !0xffff) | ty as u16 as u64, payload: self.payload }
    }

    #[inline(always)]
    pub fn is_nil(&self) -> bool {
        self.ty() == TP_NIL
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.ty() == TP_NONE_TYPE
    }
    /// A small (immediate) int.
    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.ty() == TP_INT && !self.is_ptr()
    }
    #[inline(always)]
    pub fn is_float(&self) -> bool {
        self.ty() == TP_FLOAT
    }
    #[inline(always)]
    pub fn as_i64(&self) -> i64 {
        self.payload as i64
    }
    #[inline(always)]
    pub fn as_f64(&self) -> f64 {
        f64::from_bits(self.payload)
    }
    #[inline(always)]
    pub fn as_bool_raw(&self) -> bool {
        self.payload != 0
    }
    #[inline(always)]
    pub fn ptr(&self) -> *mut Obj {
        self.payload as usize as *mut Obj
    }

    /// The heap object of a pointer value.
    ///
    /// Invariant: a `Value` with `is_ptr` set was made by `Value::from_obj`
    /// from a live object of the current VM's heap, and it is reachable from
    /// a GC root (the value stack, a frame, a register, a module, a type, the
    /// VM's temporary roots) or held by native code between two collection
    /// safe points (the collector runs only at instruction boundaries of the
    /// eval loop; see `heap.rs`). Objects never move, so the address stays
    /// valid while it is reachable.
    #[inline(always)]
    pub fn obj(&self) -> &Obj {
        // Checked in release builds too: an immediate (an int, None, ...)
        // reaching a path that expects an object must be a Rust panic, caught
        // at the C boundary, never a dereference of its payload as an address.
        assert!(self.is_ptr(), "Value::obj on a non-pointer value (type id {})", self.ty());
        // SAFETY: see the invariant above.
        unsafe { &*self.ptr() }
    }

    /// Identity (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        if self.is_ptr() || other.is_ptr() {
            return self.is_ptr() == other.is_ptr() && self.payload == other.payload;
        }
        self.ty() == other.ty() && self.payload == other.payload
    }

    /// A stable id for `id()`.
    pub fn id(&self) -> i64 {
        if self.is_ptr() {
            self.payload as i64
        } else {
            ((self.ty() as i64) << 48) ^ (self.payload as i64)
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Value(ty={}, ptr={}, 0x{:x})", self.ty(), self.is_ptr(), self.payload)
    }
}

/// A zero-filled array of `n` values (all NIL) whose pages the OS maps lazily:
/// a VM's value stack costs memory only as deep as it is used.
pub fn zeroed_values(n: usize) -> Box<[Value]> {
    if n == 0 {
        return Box::new([]);
    }
    let layout = std::alloc::Layout::array::<Value>(n).expect("value array layout");
    // SAFETY: the layout has non-zero size; an all-zero `Value` is NIL (type 0,
    // not a pointer, zero payload), a valid value; the pointer comes from the
    // global allocator with exactly this layout, so `Box` may own and free it.
    unsafe {
        let p = std::alloc::alloc_zeroed(layout) as *mut Value;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n))
    }
}
