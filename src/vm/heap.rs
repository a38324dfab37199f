//! The per-VM heap: non-moving objects, collected by a tracing mark-and-sweep GC.
//!
//! Objects are boxed and never move, so C code may hold `py_Ref`s into them.
//! `Heap::alloc` never collects. The VM calls `Heap::collect` only at
//! instruction boundaries of its eval loop (a safe point), after marking its
//! roots. Native functions may therefore keep `Value`s in Rust locals, with one
//! rule: a native that calls back into Python code (which may reach a safe
//! point) must keep the objects it created and still needs reachable, by
//! pushing them on `Vm::temp_roots` (released when the native returns).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering::Relaxed};

use super::value::{TypeId, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{BoundMethod, Function, NativeFunc};
use crate::objects::namedict::NameDict;
use crate::objects::str::PyStr;
use crate::vm::exceptions::ExcData;
use crate::vm::frame::GenState;
use crate::objects::iter::IterState;

/// `repr(C)`: `ty` comes first, where a free slot of the object pool keeps
/// its marker (see `Slot`).
#[repr(C)]
pub struct Obj {
    /// The object's exact type.
    pub ty: TypeId,
    marked: Cell<bool>,
    /// Instance attributes (`__dict__`) for objects of types that have one.
    pub attrs: Option<Box<RefCell<NameDict>>>,
    pub data: ObjData,
}

/// Text of a short `str` kept inside its object, NUL-terminated: most
/// strings a script makes (names, keys, formatted numbers, split parts) fit,
/// and then a str costs one object slot and no allocation of its own.
#[derive(Clone, Copy)]
pub struct InlineText {
    len: u8,
    /// Length in characters (at most `len`).
    chars: u8,
    buf: [u8; INLINE_TEXT_CAP],
}

/// Bytes of room in an `InlineText`, the NUL included.
const INLINE_TEXT_CAP: usize = 37;

impl InlineText {
    /// The longest text kept inline, in bytes.
    pub const MAX: usize = INLINE_TEXT_CAP - 1;

    /// `s` (whose length in characters is `chars`) inline, or None when it
    /// is longer than `MAX` bytes.
    #[inline]
    pub fn new(s: &str, chars: usize) -> Option<InlineText> {
        if s.len() > Self::MAX {
            return None;
        }
        let mut buf = [0u8; INLINE_TEXT_CAP];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        Some(InlineText { len: s.len() as u8, chars: chars as u8, buf })
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: `buf[..len]` is a copy of the bytes of a `&str` (see
        // `new`; `len <= MAX` so the slice is in bounds), and the buffer is
        // never written afterwards, so it is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(self.buf.get_unchecked(..self.len as usize)) }
    }

    #[inline]
    pub fn chars(&self) -> usize {
        self.chars as usize
    }

    /// The text followed by its NUL byte.
    pub fn as_ptr(&self) -> *const u8 {
        self.buf.as_ptr()
    }
}

/// The largest payload kept inline in an object; larger ones are boxed (see
/// the `object_size_bound` test).
#[cfg(test)]
const OBJ_DATA_MAX: usize = 48;

/// The payload of a heap object, by family. Inline payloads are at most
/// `OBJ_DATA_MAX` (48) bytes, which keeps an `Obj` at 72 bytes (one 80-byte
/// malloc chunk): large, rarely allocated payloads are boxed.
pub enum ObjData {
    /// No payload: `object()`, plain instances of user classes.
    Empty,
    Str(PyStr),
    BigInt(num_bigint::BigInt),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(crate::objects::tuple::TupleData),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<Dict>),
    /// set and frozenset: a dict whose values are unused.
    Set(RefCell<Dict>),
    Function(Box<Function>),
    NativeFunc(Box<NativeFunc>),
    BoundMethod(BoundMethod),
    /// A type object: the id of the type it stands for.
    Type(TypeId),
    /// A module: its attributes are the object's `attrs`.
    Module,
    Cell(Cell<Value>),
    Slice([Value; 3]),
    Range { start: i64, stop: i64, step: i64 },
    Iter(RefCell<IterState>),
    Generator(Box<RefCell<GenState>>),
    Exception(Box<RefCell<ExcData>>),
    /// property(fget, fset, fdel) and its doc.
    Property(Box<[Value; 4]>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// super(cls, obj): lookups start after `cls` in `type(obj).__mro__`.
    Super { cls: TypeId, obj: Value },
    Code(std::sync::Arc<crate::compiler::CodeObject>),
    /// A C host's userdata block (`py_newobject`), with its type's destructor.
    Userdata(UserdataBlock),
    /// A native object of a built-in module (Random, StringIO, ...).
    Native(RefCell<Box<dyn NativeData>>),
}

/// The userdata of a C host's object: a zeroed, 16-byte aligned block the host
/// writes through the pointer `py_touserdata` returns, and the destructor of
/// the object's type (`py_newtype`), run once when the object is freed.
pub struct UserdataBlock {
    /// `Cell` lets C write through a pointer obtained from a shared borrow.
    data: Box<[Cell<u128>]>,
    size: usize,
    dtor: Option<unsafe extern "C" fn(*mut std::ffi::c_void)>,
    /// `py_newobject`'s slots (`py_getslot`/`py_setslot`), traced by the collector.
    pub slots: Box<[Cell<Value>]>,
}

impl UserdataBlock {
    pub fn new(size: usize, nslots: usize, dtor: Option<unsafe extern "C" fn(*mut std::ffi::c_void)>) -> UserdataBlock {
        let words = size.div_ceil(16).max(1);
        let slots = (0..nslots).map(|_| Cell::new(Value::NONE)).collect();
        UserdataBlock { data: (0..words).map(|_| Cell::new(0u128)).collect(), size, dtor, slots }
    }

    /// The block's address: stable for the object's lifetime (objects never move).
    pub fn as_ptr(&self) -> *mut std::ffi::c_void {
        self.data.as_ptr() as *mut std::ffi::c_void
    }

    pub fn size(&self) -> usize {
        self.size
    }
}

impl Drop for UserdataBlock {
    fn drop(&mut self) {
        if let Some(d) = self.dtor.take() {
            // SAFETY: `d` is the host's destructor registered with `py_newtype`
            // for this object's type; it receives the object's own block, which
            // is still allocated here and is never used again afterwards.
            unsafe { d(self.as_ptr()) }
        }
    }
}

/// State of native module objects; `trace` reports the values they hold.
pub trait NativeData: std::any::Any {
    fn trace(&self, _out: &mut crate::vm::heap::Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any;
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}

/// Run `f` on the native state of type `T` that `v` holds (a native module
/// object such as a ComputeThread), or None when `v` holds no such state.
pub fn with_native<T: 'static, R>(v: &Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    if !v.is_ptr() {
        return None;
    }
    match &v.obj().data {
        ObjData::Native(n) => n.borrow_mut().as_any_mut().downcast_mut::<T>().map(f),
        _ => None,
    }
}

/// The collector's mark stack. `push` marks an object the first time it is
/// reached and queues it to have its children traced; immediates and
/// objects already marked are dropped at once, so each object is queued at
/// most once and a dict of ints or interned keys adds nothing.
pub struct Tracer {
    work: Vec<Value>,
}

impl Tracer {
    pub fn with_capacity(n: usize) -> Tracer {
        Tracer { work: Vec::with_capacity(n) }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if v.is_ptr() {
            let o = v.obj();
            if !o.marked.get() {
                o.marked.set(true);
                self.work.push(v);
            }
        }
    }

    #[inline]
    pub fn extend_from_slice(&mut self, vs: &[Value]) {
        for v in vs {
            self.push(*v);
        }
    }

    #[inline]
    pub fn extend<I: IntoIterator<Item = Value>>(&mut self, vs: I) {
        for v in vs {
            self.push(v);
        }
    }
}

impl Obj {
    /// Push every value this object refers to.
    fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        if let Some(a) = &self.attrs {
            a.borrow().trace(out);
        }
        match &self.data {
            ObjData::Empty
            | ObjData::Str(_)
            | ObjData::BigInt(_)
            | ObjData::Bytes(_)
            | ObjData::ByteArray(_)
            | ObjData::Type(_)
            | ObjData::Module
            | ObjData::Range { .. }
            | ObjData::Code(_) => {}
            ObjData::Userdata(u) => out.extend(u.slots.iter().map(|c| c.get())),
            ObjData::Tuple(t) => out.extend_from_slice(&t[..]),
            ObjData::List(l) => out.extend_from_slice(&l.borrow()),
            ObjData::Dict(d) | ObjData::Set(d) => d.borrow().trace(out),
            ObjData::Function(f) => f.trace(out),
            ObjData::NativeFunc(f) => f.trace(out),
            ObjData::BoundMethod(b) => {
                out.push(b.self_);
                out.push(b.func);
            }
            ObjData::Cell(c) => out.push(c.get()),
            ObjData::Slice(s) => out.extend_from_slice(s),
            ObjData::Iter(i) => i.borrow().trace(out),
            ObjData::Generator(g) => g.borrow().trace(out),
            ObjData::Exception(e) => e.borrow().trace(out),
            ObjData::Property(p) => out.extend_from_slice(&p[..]),
            ObjData::StaticMethod(v) | ObjData::ClassMethod(v) => out.push(*v),
            ObjData::Super { obj, .. } => out.push(*obj),
            ObjData::Native(n) => n.borrow().trace(out),
        }
    }

    /// Bytes this object holds beyond its pool slot (which the heap counts
    /// by page), for the heap limit.
    fn mem_bytes(&self) -> usize {
        let attrs = self.attrs.as_ref().map_or(0, |a| a.borrow().mem_bytes() + 48);
        let payload = match &self.data {
            ObjData::Str(s) => s.as_str().len() + 1,
            ObjData::BigInt(b) => (b.bits() / 8) as usize,
            ObjData::Bytes(b) => b.len(),
            ObjData::ByteArray(b) => b.borrow().capacity(),
            ObjData::Tuple(crate::objects::tuple::TupleData::Big(t)) => t.len() * std::mem::size_of::<Value>(),
            ObjData::List(l) => l.borrow().capacity() * std::mem::size_of::<Value>(),
            ObjData::Dict(d) | ObjData::Set(d) => d.borrow().mem_bytes(),
            ObjData::Function(_) => std::mem::size_of::<Function>(),
            ObjData::Generator(g) => g.borrow().saved.capacity() * std::mem::size_of::<Value>() + 128,
            ObjData::Userdata(u) => u.size() + u.slots.len() * std::mem::size_of::<Value>(),
            ObjData::Exception(_) | ObjData::Iter(_) | ObjData::Native(_) => 64,
            _ => 0,
        };
        attrs + payload
    }

    pub fn is_marked(&self) -> bool {
        self.marked.get()
    }
}

/// A native function (or its staticmethod/classmethod/property wrapper)
/// made while the first VM of the process was built, shared by every VM
/// built after it: `Vm::new` replays the same sequence of bindings and takes
/// these instead of allocating ~1000 objects per VM.
pub struct SharedNative {
    /// Identity of the binding: the name's address and length, the function
    /// pointer, the argument count and the wrapper kind.
    pub name_addr: usize,
    pub name_len: usize,
    pub fn_addr: usize,
    pub argc: i32,
    pub wrap: u8,
    pub name: crate::runtime::names::Name,
    pub value: Value,
}

pub struct SharedNatives {
    pub natives: Vec<SharedNative>,
    /// Entries in each builtin type's dict once the first VM was built (by
    /// type id), so later VMs size those dicts once.
    pub dict_sizes: Vec<u32>,
}

// SAFETY: every object a `SharedNative` refers to was made by
// `alloc_immortal`: already marked (so no collection of any VM writes its
// mark bit: marking stops at a marked object, and it is in no heap's object
// list, so no sweep sees it), with no `__dict__`, and holding only immortal
// values or immediates (a native function without data, or a wrapper of
// one). Nothing writes to such an object after creation, so reading it from
// several threads at once is sound.
unsafe impl Sync for SharedNatives {}
unsafe impl Send for SharedNatives {}

/// The shared bindings, set once by the first VM that finishes being built.
pub static SHARED_NATIVES: std::sync::OnceLock<SharedNatives> = std::sync::OnceLock::new();

/// An object that lives as long as the process and belongs to no heap (see
/// `SharedNatives`). Only for immutable data holding immortal or immediate
/// values.
pub fn alloc_immortal(ty: TypeId, data: ObjData) -> Value {
    let p = Box::into_raw(Box::new(Obj { ty, marked: Cell::new(true), attrs: None, data }));
    Value::from_obj(ty, p)
}

/// One slot of the object pool: a live object, or a free slot linked into
/// the free list. Both start with a type id (`repr(C)`), which is
/// `FREE_SLOT` in a free slot and a real (non-negative) type id in an object.
#[repr(C)]
union Slot {
    obj: std::mem::ManuallyDrop<Obj>,
    free: FreeSlot,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct FreeSlot {
    ty: TypeId,
    next: *mut Slot,
}

const FREE_SLOT: TypeId = -1;

/// Objects per page of the pool (512 * 72 bytes = 36 KiB).
const PAGE_SLOTS: usize = 512;

/// Objects live in pages of `PAGE_SLOTS` slots that never move: an object is
/// 72 bytes with no malloc header or rounding, allocation pops the free list,
/// and the sweep walks the pages (no list of object pointers). Empty pages
/// are given back at the sweep while other pages have room.
pub struct Heap {
    pages: Vec<Box<[std::mem::MaybeUninit<Slot>]>>,
    /// Head of the free slots' list (null: none).
    free: *mut Slot,
    /// Live objects (allocated and not yet swept).
    count: usize,
    /// Bytes-ish estimate of what was allocated since the last collection.
    debt: usize,
    /// Collect when `debt` passes this.
    threshold: usize,
    /// Stress mode (testing the root discipline): collect at the first safe
    /// point after every `stress_every` allocations; 0 is off. Set from the
    /// `PKPY_GC_STRESS` environment variable (a number, 1 if not a number).
    pub stress_every: u64,
    pub collections: u64,
    /// Set by `alloc`; the eval loop polls it at safe points.
    pub wants_collect: bool,
    pub total_allocated: u64,
    pub total_freed: u64,
    /// The host's heap limit in bytes (0: none); see `MemAccount`.
    limit: usize,
    /// Bytes held by live objects, measured by the last collection.
    live_bytes: usize,
    /// Set once MemoryError was raised for the current excess: the script
    /// gets `limit / 8` of headroom to handle it before the next one.
    over_reported: bool,
    /// What the allocator charges while this heap's VM runs (boxed: the
    /// thread-local pointer to it must stay valid while the VM moves).
    acct: Box<MemAccount>,
}

/// Collect after this many object allocations at least (a backstop for
/// allocations the byte count below does not see: a host building objects
/// outside any run).
const MIN_THRESHOLD: usize = 64 * 1024;

/// Collect after this many bytes allocated (net of frees) at least: the
/// pace of collection follows the bytes the program allocates, so garbage
/// held in a few big objects (bytes, long lists) is reclaimed as promptly as
/// garbage in many small ones.
const MIN_GC_BYTES: usize = 2 << 20;

impl Heap {
    pub fn new() -> Heap {
        Heap {
            pages: Vec::new(),
            free: std::ptr::null_mut(),
            count: 0,
            debt: 0,
            threshold: MIN_THRESHOLD,
            stress_every: std::env::var("PKPY_GC_STRESS").map(|v| v.parse().unwrap_or(1)).unwrap_or(0),
            collections: 0,
            wants_collect: false,
            total_allocated: 0,
            total_freed: 0,
            limit: 0,
            live_bytes: 0,
            over_reported: false,
            acct: Box::new(MemAccount { since: AtomicIsize::new(0), trip: AtomicUsize::new(MIN_GC_BYTES), over: AtomicBool::new(false) }),
        }
    }

    /// Allocate an object; never collects.
    #[inline]
    pub fn alloc(&mut self, ty: TypeId, data: ObjData, attrs: Option<Box<RefCell<NameDict>>>) -> Value {
        if self.free.is_null() {
            self.new_page();
        }
        let slot = self.free;
        // SAFETY: `slot` heads the free list, so it is a free slot of one of
        // our pages (its `free` variant is initialised); the object written
        // into it stays there until the sweep drops it.
        let p = unsafe {
            self.free = (*slot).free.next;
            let p = slot as *mut Obj;
            p.write(Obj { ty, marked: Cell::new(false), attrs, data });
            p
        };
        self.count += 1;
        // Pool slots are not seen by the allocator: charge them here, so the
        // collection pace and the heap limit count objects too.
        charge(std::mem::size_of::<Obj>());
        self.debt += 1;
        self.total_allocated += 1;
        if self.debt >= self.threshold || self.acct.over.load(Relaxed) || (self.stress_every > 0 && self.total_allocated % self.stress_every == 0) {
            self.wants_collect = true;
        }
        Value::from_obj(ty, p)
    }

    // ------------------------------------------------------------ heap limit

    /// Set the heap limit in bytes (0 removes it). Takes effect at the next
    /// collection, which the next safe point runs.
    pub fn set_limit(&mut self, bytes: usize) {
        self.limit = bytes;
        self.over_reported = false;
        if bytes == 0 {
            self.arm();
        } else {
            self.acct.over.store(true, Relaxed);
            self.wants_collect = true;
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Bytes in use: live objects at the last collection plus what was
    /// allocated while the VM ran since (0 when no limit is set).
    pub fn usage(&self) -> usize {
        if self.limit == 0 {
            0
        } else {
            self.live_bytes + self.acct.since.load(Relaxed).max(0) as usize
        }
    }

    /// The allocator saw the budget (the collection pace, or what the limit
    /// leaves) run out since the last collection.
    #[inline]
    pub fn over_budget(&self) -> bool {
        self.acct.over.load(Relaxed)
    }

    /// After a collection: the live data exceeds the limit (MemoryError is
    /// due). Reported once per excess; the headroom then lets handlers run.
    pub fn exceeded(&mut self) -> bool {
        if self.limit == 0 || self.live_bytes <= self.limit {
            return false;
        }
        if self.over_reported && self.live_bytes <= self.limit + self.limit / 8 {
            return false;
        }
        self.over_reported = true;
        self.arm();
        true
    }

    /// Whether one allocation of `bytes` fits in what the limit leaves (for
    /// operations that know their result size before allocating it).
    pub fn fits(&self, bytes: usize) -> bool {
        self.limit == 0 || bytes <= (self.limit + self.limit / 8).saturating_sub(self.live_bytes)
    }

    /// The account the allocator charges while this heap's VM runs.
    pub fn account(&self) -> *const MemAccount {
        &*self.acct
    }

    /// Reset the allocator's count and set when it next calls for a
    /// collection: after a sixth of the live bytes again (at least
    /// `MIN_GC_BYTES`), or when the heap limit's room runs out. A sixth
    /// bounds the garbage a program holds at its peak to about 1.17x its
    /// live data, which a refcounting CPython frees at once; a quarter
    /// (1.25x) cost about 5% fewer instructions on a 20 MB heap that is
    /// rebuilt in a loop, a half (1.5x) about 11% fewer.
    fn arm(&self) {
        let mut trip = (self.live_bytes / 6).max(MIN_GC_BYTES);
        if self.limit != 0 {
            let room = if self.over_reported { self.limit + self.limit / 8 } else { self.limit };
            trip = trip.min(room.saturating_sub(self.live_bytes).max(64 * 1024));
        }
        self.acct.since.store(0, Relaxed);
        self.acct.trip.store(trip, Relaxed);
        self.acct.over.store(false, Relaxed);
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Add a page of free slots to the free list.
    #[cold]
    fn new_page(&mut self) {
        let mut page: Box<[std::mem::MaybeUninit<Slot>]> = (0..PAGE_SLOTS).map(|_| std::mem::MaybeUninit::uninit()).collect();
        let base = page.as_mut_ptr() as *mut Slot;
        for i in (0..PAGE_SLOTS).rev() {
            // SAFETY: `i` is within the page; writing the `free` variant
            // initialises the slot as a free one.
            unsafe {
                base.add(i).write(Slot { free: FreeSlot { ty: FREE_SLOT, next: self.free } });
                self.free = base.add(i);
            }
        }
        self.pages.push(page);
        // The page's bytes are charged object by object as they are used.
        credit(PAGE_SLOTS * std::mem::size_of::<Slot>());
    }

    /// Mark everything reachable from `roots`, then free the rest.
    /// Returns the number of objects freed.
    /// Collect the garbage: `roots` holds the roots, already marked by
    /// pushing them.
    pub fn collect(&mut self, mut roots: Tracer) -> usize {
        while let Some(v) = roots.work.pop() {
            v.obj().trace(&mut roots);
        }
        // Sweep: walk every page, drop the unmarked objects, rebuild the
        // free list, and give back pages left empty while the others have a
        // page's worth of room.
        let mut live = 0usize;
        let mut freed = 0usize;
        let mut free_head: *mut Slot = std::ptr::null_mut();
        let mut free_slots = 0usize;
        // Objects whose drop runs foreign code (a C host's destructor, a
        // native module's state) are dropped after the sweep, when the heap
        // is consistent again.
        let mut deferred: Vec<*mut Slot> = Vec::new();
        self.pages.retain_mut(|page| {
            let base = page.as_mut_ptr() as *mut Slot;
            let mut head: *mut Slot = std::ptr::null_mut();
            let mut tail: *mut Slot = std::ptr::null_mut();
            let mut used = 0usize;
            for i in 0..PAGE_SLOTS {
                // SAFETY: every slot of a page is initialised (as free by
                // `new_page`, as an object by `alloc`), and both variants
                // start with the type id, so reading `free.ty` is sound;
                // a slot whose type id is not FREE_SLOT holds an object.
                unsafe {
                    let s = base.add(i);
                    if (*s).free.ty != FREE_SLOT {
                        let o = &*(s as *const Obj);
                        if o.marked.get() {
                            o.marked.set(false);
                            live += o.mem_bytes();
                            used += 1;
                            continue;
                        }
                        freed += 1;
                        if matches!(o.data, ObjData::Userdata(_) | ObjData::Native(_)) {
                            deferred.push(s);
                            used += 1;
                            continue;
                        }
                        // Unreachable from every root, so no live Value
                        // refers to it: dropped exactly once, and the slot
                        // becomes free.
                        std::ptr::drop_in_place(s as *mut Obj);
                    }
                    s.write(Slot { free: FreeSlot { ty: FREE_SLOT, next: head } });
                    if tail.is_null() {
                        tail = s;
                    }
                    head = s;
                }
            }
            if used == 0 && free_slots >= PAGE_SLOTS {
                return false;
            }
            if !head.is_null() {
                // SAFETY: `tail` is a free slot of this page (set with `head`).
                unsafe { (*tail).free.next = free_head };
                free_head = head;
                free_slots += PAGE_SLOTS - used;
            }
            true
        });
        for s in deferred {
            // SAFETY: as above: unreachable, dropped once, then freed.
            unsafe {
                std::ptr::drop_in_place(s as *mut Obj);
                s.write(Slot { free: FreeSlot { ty: FREE_SLOT, next: free_head } });
            }
            free_head = s;
        }
        self.free = free_head;
        self.count -= freed;
        self.total_freed += freed as u64;
        self.collections += 1;
        self.debt = 0;
        self.wants_collect = false;
        self.threshold = self.count.max(MIN_THRESHOLD);
        self.live_bytes = live + self.pages.len() * PAGE_SLOTS * std::mem::size_of::<Slot>();
        if self.limit == 0 || self.live_bytes <= self.limit {
            self.over_reported = false;
        }
        self.arm();
        freed
    }
}

// ---------------------------------------------------------------- heap limit

/// What the process allocator charges to a VM while that VM runs on the
/// current thread: bytes allocated minus bytes freed since its last
/// collection. Past `trip` (set from the heap limit) it sets `over`, which
/// the VM polls at safe points (object allocation, loop back-edges, calls,
/// iteration in natives); the collection that follows measures the live
/// objects exactly and starts the count again, so nothing drifts across
/// collections. Relaxed loads and stores: the count is an estimate that only
/// decides when to collect.
pub struct MemAccount {
    since: AtomicIsize,
    trip: AtomicUsize,
    over: AtomicBool,
}

impl MemAccount {
    #[inline]
    fn charge(&self, n: usize) {
        let s = self.since.load(Relaxed).saturating_add(n as isize);
        self.since.store(s, Relaxed);
        if s > 0 && s as usize > self.trip.load(Relaxed) {
            self.over.store(true, Relaxed);
        }
    }

    #[inline]
    fn credit(&self, n: usize) {
        self.since.store(self.since.load(Relaxed).saturating_sub(n as isize), Relaxed);
    }
}

thread_local! {
    /// The account of the VM running on this thread (null: none, or no limit).
    static ACCOUNT: Cell<*const MemAccount> = const { Cell::new(std::ptr::null()) };
}

/// Start charging this thread's allocations to `acct` now, inside a
/// `charge_to` scope of the same VM (whose guard ends it).
pub fn charge_in_scope(acct: *const MemAccount) {
    ACCOUNT.with(|a| a.set(acct));
}

/// Charge this thread's allocations to `acct` until the guard drops (which
/// restores the previous account: VMs nest when native code re-enters).
pub fn charge_to(acct: *const MemAccount) -> AccountGuard {
    AccountGuard(ACCOUNT.with(|a| a.replace(acct)))
}

pub struct AccountGuard(*const MemAccount);

impl Drop for AccountGuard {
    fn drop(&mut self) {
        ACCOUNT.with(|a| a.set(self.0));
    }
}

/// Apply `f` to this thread's account, if any. `try_with`: allocations
/// during thread teardown are simply not counted.
#[inline]
fn with_account(f: impl FnOnce(&MemAccount)) {
    let _ = ACCOUNT.try_with(|a| {
        let p = a.get();
        if !p.is_null() {
            // SAFETY: a non-null account pointer is installed only by
            // `charge_to` (or `charge_in_scope` inside its scope) while the
            // VM that owns the boxed account runs on this thread, and the
            // guard restores the previous value before that VM can be
            // dropped or handed to another thread.
            f(unsafe { &*p })
        }
    });
}

#[inline]
fn charge(n: usize) {
    with_account(|a| a.charge(n))
}

#[inline]
fn credit(n: usize) {
    with_account(|a| a.credit(n))
}

/// The process allocator: the system allocator, counting the bytes a VM
/// allocates and frees while it runs (see `MemAccount`). Allocation never fails because
/// of the limit (Rust would abort); the VM raises MemoryError instead.
pub struct CountingAlloc;

// SAFETY: every method forwards to `System` with the same arguments, so the
// GlobalAlloc contract is System's; the counting touches only a thread-local
// and atomics and never allocates.
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(layout.size());
        System.alloc(layout)
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        charge(layout.size());
        System.alloc_zeroed(layout)
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        credit(layout.size());
        System.dealloc(ptr, layout)
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            charge(new_size - layout.size());
        } else {
            credit(layout.size() - new_size);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for page in &mut self.pages {
            let base = page.as_mut_ptr() as *mut Slot;
            for i in 0..PAGE_SLOTS {
                // SAFETY: every slot is initialised and starts with its type
                // id (see `collect`); the heap owns every object, and the VM
                // is being destroyed, so nothing refers to them any more.
                unsafe {
                    let s = base.add(i);
                    if (*s).free.ty != FREE_SLOT {
                        std::ptr::drop_in_place(s as *mut Obj);
                        (*s).free.ty = FREE_SLOT;
                    }
                }
            }
        }
    }
}

/// Return the allocator's free pages to the OS (glibc keeps freed memory in
/// per-thread arenas, so a process's RSS says little about live memory
/// without this). Returns the bytes the allocator then has in use (all
/// arenas and mmapped blocks), where the platform can tell.
pub fn trim_process_memory() -> Option<usize> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `malloc_trim` only releases memory the allocator holds
        // free; `mallinfo2` only reads its statistics.
        let info = unsafe {
            libc::malloc_trim(0);
            libc::mallinfo2()
        };
        Some(info.uordblks + info.hblkhd)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short texts are kept inline with their NUL; longer ones are not.
    #[test]
    fn inline_text_bounds() {
        let s = "x".repeat(InlineText::MAX);
        let t = InlineText::new(&s, s.len()).expect("fits");
        assert_eq!(t.as_str(), s);
        // SAFETY (test): the buffer holds MAX + 1 bytes, the last the NUL.
        assert_eq!(unsafe { *t.as_ptr().add(InlineText::MAX) }, 0);
        assert!(InlineText::new(&"x".repeat(InlineText::MAX + 1), InlineText::MAX + 1).is_none());
        let u = InlineText::new("h\u{e9}llo \u{1F600}", 7).expect("fits");
        assert_eq!(u.as_str(), "h\u{e9}llo \u{1F600}");
        assert_eq!(u.chars(), 7);
        let p = PyStr::new("\u{e9}t\u{e9}");
        assert_eq!((p.as_str(), p.char_len(), p.is_ascii()), ("\u{e9}t\u{e9}", 3, false));
        let long = PyStr::from_string("y".repeat(100));
        assert_eq!((long.as_str().len(), long.char_len(), long.is_ascii()), (100, 100, true));
    }

    /// Every heap object is one `Obj` allocation: keep it within one 80-byte
    /// malloc chunk (glibc: request + 8, rounded up to 16). Payloads larger
    /// than `OBJ_DATA_MAX` bytes are boxed.
    #[test]
    fn object_size_bound() {
        use std::mem::size_of;
        assert!(size_of::<ObjData>() <= OBJ_DATA_MAX + 8, "ObjData is {} bytes", size_of::<ObjData>());
        assert!(size_of::<Obj>() <= 72, "Obj is {} bytes", size_of::<Obj>());
        assert!(size_of::<PyStr>() <= OBJ_DATA_MAX, "PyStr is {} bytes", size_of::<PyStr>());
        assert!(size_of::<RefCell<Dict>>() <= OBJ_DATA_MAX);
        assert!(size_of::<RefCell<IterState>>() <= OBJ_DATA_MAX);
    }
}
