//! One interpreter: its heap, types, value stack, frames and the pending exception.
//!
//! Internal functions return `PyResult<T>`; on `Err(Raised)` the exception
//! object is in `Vm::exc`.

pub mod attr;
pub mod call;
pub mod eval;
pub mod exceptions;
pub mod frame;
pub mod heap;
pub mod import;
pub mod limits;
pub mod ops;
pub mod typecache;
pub mod value;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::objects::namedict::NameDict;
use crate::runtime::names::{n, Name};
use exceptions::*;
use frame::Frame;
use heap::{Heap, ObjData};
use value::*;

/// Marker: an exception was raised and is stored in `Vm::exc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised;

pub type PyResult<T> = Result<T, Raised>;

/// How instances of a type store their payload (inherited from the built-in base).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// Built-in types that cannot be instantiated from Python or subclassed.
    Opaque,
}

pub struct TypeInfo {
    pub name: Name,
    pub qualname: String,
    pub module: Name,
    /// The first base (TP_NIL for `object`).
    pub base: TypeId,
    pub bases: Vec<TypeId>,
    /// Method resolution order, starting with the type itself.
    pub mro: Vec<TypeId>,
    /// Class attributes (written through `Vm::type_dict_set` and friends,
    /// which keep `Vm::type_cache` valid).
    dict: NameDict,
    /// The type object.
    pub obj: Value,
    pub layout: Layout,
    /// Instances get a `__dict__`.
    pub has_attrs: bool,
    /// Python code may subclass it.
    pub subclassable: bool,
    pub is_builtin: bool,
    /// Destructor for C userdata (`py_newtype`).
    pub dtor: Option<unsafe extern "C" fn(*mut std::ffi::c_void)>,
    /// Set when the type (or a base) defines a given dunder in Python: lets the
    /// fast paths skip lookups for built-in types.
    pub has_getattr_hook: bool,
    /// With `__slots__` (and no `__dict__` slot) along the whole MRO: the
    /// only instance attribute names allowed.
    pub slots: Option<Vec<Name>>,
}

impl TypeInfo {
    /// Class attributes.
    #[inline]
    pub fn dict(&self) -> &NameDict {
        &self.dict
    }
}

/// Size of the value stack in values (16 bytes each). Pages are touched only
/// as the stack grows.
pub const STACK_SIZE: usize = 64 * 1024;

pub struct Vm {
    pub heap: Heap,
    pub types: Vec<TypeInfo>,
    /// Memoised `find_in_type` answers.
    pub type_cache: typecache::TypeCache,
    pub stack: Box<[Value; STACK_SIZE]>,
    pub sp: usize,
    pub frames: Vec<Frame>,
    /// The exception being raised, when a function returned `Err(Raised)`.
    pub exc: Option<Value>,
    /// Exceptions being handled (innermost last): bare `raise`, `__context__`.
    pub handling: Vec<Value>,
    /// Values native code keeps alive across calls into Python (see `heap.rs`).
    pub temp_roots: Vec<Value>,
    /// The unpickler's value-stack buffer, kept between `pickle.loads`
    /// calls (empty; at most `UNPICKLE_SPARE_MAX` values of capacity) so
    /// that loading many pickles reuses warm memory.
    pub unpickle_spare: Vec<Value>,
    /// `sys.modules`: a dict of name -> module.
    pub modules: Value,
    pub builtins: Value,
    pub main_module: Value,
    /// `sys.path`, a list of str.
    pub sys_path: Value,
    pub sys_argv: Value,
    pub recursion_limit: usize,
    /// Counts loop back-edges and calls down to the next `poll_limits`.
    pub ticks: u32,
    /// Watchdog deadlines and the interrupt flag (`limits.rs`).
    pub limits: limits::Limits,
    /// Depth of Rust-level re-entry into the eval loop.
    pub native_depth: usize,
    pub frame_counter: u64,
    /// `py_r0..py_r7`, `py_tmpr0..3`, and `py_retval`.
    pub registers: [Value; 12],
    pub retval: Value,
    /// Cached str objects for interned names.
    pub name_strs: HashMap<Name, Value>,
    /// Built-in modules that are created on first import.
    pub lazy_modules: HashMap<String, fn(&mut Vm) -> PyResult<Value>>,
    /// Python-source modules embedded in the binary.
    pub embedded_sources: HashMap<&'static str, &'static str>,
    /// Where `print` and `sys.stdout` write; None = the process stdout.
    pub stdout_hook: Option<Box<dyn FnMut(&str)>>,
    /// The host's module loader (`py_callbacks()->importfile`): given a
    /// relative path such as `pkg/mod.py`, the module's source or None.
    pub import_hook: Option<Box<dyn FnMut(&str) -> Option<String>>>,
    /// Loads a native extension module (`foo.so`) found on the import path.
    pub ext_loader: Option<fn(&mut Vm, &std::path::Path, &str) -> PyResult<Value>>,
    /// Sharing of builtin native functions while `Vm::new` runs.
    init_seq: InitSeq,
    /// Heap constants (str, bytes, tuple, big int) made once per code object
    /// and index, keyed by the code's address; the entry holds the code, so
    /// the address cannot be reused while cached. Traced as roots; cleared
    /// when it holds too many code objects.
    pub const_cache: HashMap<usize, (std::sync::Arc<crate::compiler::CodeObject>, Vec<Value>), std::hash::BuildHasherDefault<crate::runtime::names::FastHash>>,
    /// Unique per VM built in this process (a reset VM gets a new one).
    pub uid: u64,
    /// The index of this VM in the VM table.
    pub index: usize,
    /// Filesystem access allowed (`open`, `os`).
    pub allow_fs: bool,
    pub repl_last: Value,
    /// Types created by native modules, by a key of the module's choosing.
    pub native_types: HashMap<&'static str, TypeId>,
    /// Compiled `eval` sources of ComputeThread jobs (the same call source is
    /// submitted again and again).
    pub eval_cache: HashMap<String, std::sync::Arc<crate::compiler::CodeObject>>,
}

/// How `Vm::new` makes builtin native functions (see `Vm::builtin_native`).
enum InitSeq {
    Off,
    /// This VM is the first: it makes them immortal and records them.
    Record(Vec<heap::SharedNative>),
    /// Later VMs take the record's entries in order.
    Replay(&'static heap::SharedNatives, usize),
}

static RECORDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl InitSeq {
    fn start() -> InitSeq {
        if let Some(t) = heap::SHARED_NATIVES.get() {
            return InitSeq::Replay(t, 0);
        }
        // Only one VM records; VMs built meanwhile allocate their own.
        match RECORDING.compare_exchange(false, true, std::sync::atomic::Ordering::AcqRel, std::sync::atomic::Ordering::Acquire) {
            Ok(_) => InitSeq::Record(Vec::with_capacity(1024)),
            Err(_) => InitSeq::Off,
        }
    }
}

impl Vm {
    pub fn new() -> Box<Vm> {
        let mut vm = Box::new(Vm {
            heap: Heap::new(),
            types: Vec::with_capacity(128),
            stack: value::zeroed_values(STACK_SIZE).try_into().unwrap_or_else(|_| unreachable!("the stack has STACK_SIZE values")),
            sp: 0,
            frames: Vec::with_capacity(64),
            exc: None,
            handling: Vec::new(),
            temp_roots: Vec::new(),
            unpickle_spare: Vec::new(),
            modules: Value::NIL,
            builtins: Value::NIL,
            main_module: Value::NIL,
            sys_path: Value::NIL,
            sys_argv: Value::NIL,
            recursion_limit: 1000,
            ticks: limits::TICK_INTERVAL,
            limits: limits::Limits::default(),
            native_depth: 0,
            frame_counter: 0,
            registers: [Value::NIL; 12],
            retval: Value::NIL,
            name_strs: HashMap::new(),
            lazy_modules: HashMap::new(),
            embedded_sources: HashMap::new(),
            stdout_hook: None,
            import_hook: None,
            ext_loader: Some(crate::capi::dylib::load_extension),
            init_seq: InitSeq::start(),
            const_cache: HashMap::default(),
            type_cache: typecache::TypeCache::new(),
            uid: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            index: 0,
            allow_fs: true,
            repl_last: Value::NIL,
            native_types: HashMap::new(),
            eval_cache: HashMap::new(),
        });
        vm.init_types();
        crate::objects::register_all(&mut vm);
        vm.modules = vm.new_dict();
        vm.sys_path = vm.new_list(Vec::new());
        vm.sys_argv = vm.new_list(Vec::new());
        crate::modules::init_builtins(&mut vm);
        vm.main_module = vm.new_module("__main__");
        if let InitSeq::Record(rec) = std::mem::replace(&mut vm.init_seq, InitSeq::Off) {
            let dict_sizes = vm.types.iter().map(|t| t.dict.len() as u32).collect();
            let _ = heap::SHARED_NATIVES.set(heap::SharedNatives { natives: rec, dict_sizes });
        }
        vm.init_seq = InitSeq::Off;
        vm
    }

    // ---------------------------------------------------------------- types

    fn init_types(&mut self) {
        use Layout::*;
        let builtin: &[(TypeId, &str, TypeId, Layout, bool)] = &[
            (TP_NIL, "<nil>", TP_NIL, Opaque, false),
            (TP_OBJECT, "object", TP_NIL, Object, true),
            (TP_TYPE, "type", TP_OBJECT, Type, true),
            (TP_INT, "int", TP_OBJECT, Int, true),
            (TP_FLOAT, "float", TP_OBJECT, Float, true),
            (TP_BOOL, "bool", TP_INT, Int, false),
            (TP_STR, "str", TP_OBJECT, Str, true),
            (TP_STR_ITERATOR, "str_iterator", TP_OBJECT, Opaque, false),
            (TP_LIST, "list", TP_OBJECT, List, true),
            (TP_TUPLE, "tuple", TP_OBJECT, Tuple, true),
            (TP_LIST_ITERATOR, "list_iterator", TP_OBJECT, Opaque, false),
            (TP_TUPLE_ITERATOR, "tuple_iterator", TP_OBJECT, Opaque, false),
            (TP_SLICE, "slice", TP_OBJECT, Opaque, false),
            (TP_RANGE, "range", TP_OBJECT, Opaque, false),
            (TP_RANGE_ITERATOR, "range_iterator", TP_OBJECT, Opaque, false),
            (TP_MODULE, "module", TP_OBJECT, Opaque, false),
            (TP_FUNCTION, "function", TP_OBJECT, Opaque, false),
            (TP_NATIVEFUNC, "builtin_function_or_method", TP_OBJECT, Opaque, false),
            (TP_BOUNDMETHOD, "method", TP_OBJECT, Opaque, false),
            (TP_SUPER, "super", TP_OBJECT, Opaque, false),
            (TP_BASE_EXCEPTION, "BaseException", TP_OBJECT, Exception, true),
            (TP_EXCEPTION, "Exception", TP_BASE_EXCEPTION, Exception, true),
            (TP_BYTES, "bytes", TP_OBJECT, Bytes, true),
            (TP_NAMEDICT, "mappingproxy", TP_OBJECT, Opaque, false),
            (TP_LOCALS, "locals", TP_OBJECT, Opaque, false),
            (TP_CODE, "code", TP_OBJECT, Opaque, false),
            (TP_DICT, "dict", TP_OBJECT, Dict, true),
            (TP_DICT_ITERATOR, "dict_iterator", TP_OBJECT, Opaque, false),
            (TP_PROPERTY, "property", TP_OBJECT, Opaque, true),
            (TP_STAR_WRAPPER, "star_wrapper", TP_OBJECT, Opaque, false),
            (TP_STATICMETHOD, "staticmethod", TP_OBJECT, Opaque, false),
            (TP_CLASSMETHOD, "classmethod", TP_OBJECT, Opaque, false),
            (TP_NONE_TYPE, "NoneType", TP_OBJECT, Opaque, false),
            (TP_NOT_IMPLEMENTED_TYPE, "NotImplementedType", TP_OBJECT, Opaque, false),
            (TP_ELLIPSIS, "ellipsis", TP_OBJECT, Opaque, false),
            (TP_GENERATOR, "generator", TP_OBJECT, Opaque, false),
            (TP_SET, "set", TP_OBJECT, Set, true),
            (TP_FROZENSET, "frozenset", TP_OBJECT, FrozenSet, true),
            (TP_CELL, "cell", TP_OBJECT, Opaque, false),
            (TP_DICT_KEYS, "dict_keys", TP_OBJECT, Opaque, false),
            (TP_DICT_VALUES, "dict_values", TP_OBJECT, Opaque, false),
            (TP_DICT_ITEMS, "dict_items", TP_OBJECT, Opaque, false),
            (TP_SET_ITERATOR, "set_iterator", TP_OBJECT, Opaque, false),
            (TP_BYTEARRAY, "bytearray", TP_OBJECT, Opaque, false),
            (TP_BYTES_ITERATOR, "bytes_iterator", TP_OBJECT, Opaque, false),
            (TP_ENUMERATE, "enumerate", TP_OBJECT, Opaque, false),
            (TP_ZIP, "zip", TP_OBJECT, Opaque, false),
            (TP_MAP, "map", TP_OBJECT, Opaque, false),
            (TP_FILTER, "filter", TP_OBJECT, Opaque, false),
            (TP_REVERSED, "reversed", TP_OBJECT, Opaque, false),
            (TP_CALL_ITERATOR, "callable_iterator", TP_OBJECT, Opaque, false),
            (TP_SEQ_ITERATOR, "iterator", TP_OBJECT, Opaque, false),
            (TP_TRACEBACK, "traceback", TP_OBJECT, Opaque, false),
            (TP_USERDATA, "userdata", TP_OBJECT, Opaque, false),
        ];
        for (i, (id, name, base, layout, sub)) in builtin.iter().enumerate() {
            assert_eq!(i as TypeId, *id);
            self.push_type(Name::new(name), *base, *layout, *sub, false);
        }
        for (id, name, base) in BUILTIN_EXCEPTIONS {
            let t = self.push_type(Name::new(name), *base, Layout::Exception, true, true);
            assert_eq!(t, *id);
        }
        assert_eq!(self.types.len() as TypeId, TP_AFTER_EXC);
        self.types[TP_BASE_EXCEPTION as usize].has_attrs = true;
        self.types[TP_EXCEPTION as usize].has_attrs = true;
    }

    fn push_type(&mut self, name: Name, base: TypeId, layout: Layout, subclassable: bool, has_attrs: bool) -> TypeId {
        let id = self.types.len() as TypeId;
        let mut mro = vec![id];
        if id != TP_NIL && base != TP_NIL {
            mro.extend_from_slice(&self.types[base as usize].mro);
        }
        let obj = self.heap.alloc(TP_TYPE, ObjData::Type(id), None);
        let dict = match &self.init_seq {
            InitSeq::Replay(t, _) => NameDict::with_capacity(t.dict_sizes.get(id as usize).copied().unwrap_or(0) as usize),
            _ => NameDict::new(),
        };
        self.types.push(TypeInfo {
            name,
            qualname: name.as_str().to_string(),
            module: n::builtins,
            base,
            bases: if base == TP_NIL { vec![] } else { vec![base] },
            mro,
            dict,
            obj,
            layout,
            has_attrs,
            subclassable,
            is_builtin: true,
            dtor: None,
            has_getattr_hook: false,
            slots: None,
        });
        id
    }

    /// Create a new built-in (native) type, e.g. for a module's classes.
    pub fn new_builtin_type(&mut self, name: &str, base: TypeId, module: &str) -> TypeId {
        let layout = self.types[base as usize].layout;
        let id = self.push_type(Name::new(name), base, layout, true, base != TP_OBJECT || layout == Layout::Object);
        self.types[id as usize].module = Name::new(module);
        self.types[id as usize].has_attrs = self.types[base as usize].has_attrs || layout == Layout::Object;
        id
    }

    /// Register a class created by a `class` statement (C3 MRO already computed).
    pub fn new_class_type(&mut self, name: Name, qualname: String, module: Name, bases: Vec<TypeId>, mro_tail: Vec<TypeId>, meta: TypeId) -> PyResult<TypeId> {
        if self.types.len() >= i16::MAX as usize {
            return Err(self.new_error(TP_MEMORY_ERROR, "too many types"));
        }
        let id = self.types.len() as TypeId;
        let base = bases.first().copied().unwrap_or(TP_OBJECT);
        // The payload layout comes from the first base that is not a plain object.
        let mut layout = Layout::Object;
        for b in &bases {
            let l = self.types[*b as usize].layout;
            if l != Layout::Object {
                layout = l;
                break;
            }
        }
        let mut mro = vec![id];
        mro.extend(mro_tail);
        let obj = self.heap.alloc(meta, ObjData::Type(id), Some(Box::new(RefCell::new(NameDict::new()))));
        let has_getattr_hook = bases.iter().any(|b| self.types[*b as usize].has_getattr_hook);
        self.types.push(TypeInfo {
            name,
            qualname,
            module,
            base,
            bases,
            mro,
            dict: NameDict::new(),
            obj,
            layout,
            has_attrs: true,
            subclassable: true,
            is_builtin: false,
            dtor: None,
            has_getattr_hook,
            slots: None,
        });
        Ok(id)
    }

    #[inline]
    pub fn tp(&self, t: TypeId) -> &TypeInfo {
        &self.types[t as usize]
    }

    #[inline]
    pub fn type_of(&self, v: &Value) -> TypeId {
        v.ty()
    }

    pub fn type_name(&self, v: &Value) -> &'static str {
        self.types.get(v.ty() as usize).map(|t| t.name.as_str()).unwrap_or("<?>")
    }

    /// `issubclass(sub, sup)` on type ids.
    #[inline]
    pub fn is_subtype(&self, sub: TypeId, sup: TypeId) -> bool {
        if sub == sup || sup == TP_OBJECT {
            return true;
        }
        self.types.get(sub as usize).map(|t| t.mro.contains(&sup)).unwrap_or(false)
    }

    #[inline]
    pub fn isinstance(&self, v: &Value, t: TypeId) -> bool {
        v.ty() == t || self.is_subtype(v.ty(), t)
    }

    /// Find `name` in the MRO of type `t`.
    #[inline]
    pub fn find_in_type(&self, t: TypeId, name: Name) -> Option<Value> {
        self.find_in_type_owner(t, name).map(|(_, v)| v)
    }

    /// Find `name` in the MRO of `t`, with the type whose dict holds it.
    #[inline]
    pub fn find_in_type_owner(&self, t: TypeId, name: Name) -> Option<(TypeId, Value)> {
        if let Some(hit) = self.type_cache.get(t, name) {
            return hit.and_then(|(owner, pos)| self.types[owner as usize].dict.entry_at(pos).map(|(_, v)| (owner, v)));
        }
        self.find_in_type_slow(t, name)
    }

    #[inline(never)]
    fn find_in_type_slow(&self, t: TypeId, name: Name) -> Option<(TypeId, Value)> {
        for &c in &self.types[t as usize].mro {
            let d = &self.types[c as usize].dict;
            if let Some(pos) = d.position(name) {
                self.type_cache.put(t, name, Some((c, pos)));
                return d.entry_at(pos).map(|(_, v)| (c, v));
            }
        }
        self.type_cache.put(t, name, None);
        None
    }

    /// Set a class attribute of type `t`.
    pub fn type_dict_set(&mut self, t: TypeId, name: Name, v: Value) {
        let d = &mut self.types[t as usize].dict;
        if !d.contains(name) {
            self.type_cache.invalidate();
        }
        d.set(name, v);
    }

    /// Remove a class attribute of type `t`, returning it.
    pub fn type_dict_remove(&mut self, t: TypeId, name: Name) -> Option<Value> {
        let r = self.types[t as usize].dict.remove(name);
        if r.is_some() {
            self.type_cache.invalidate();
        }
        r
    }

    /// The slot of an existing class attribute, for writing in place (the
    /// C API hands hosts pointers into type dicts): names do not change.
    pub fn type_dict_slot(&mut self, t: TypeId, name: Name) -> Option<&mut Value> {
        self.types[t as usize].dict.get_mut(name)
    }

    /// Set the cached `mappingproxy` of a type's `__dict__`.
    pub fn set_type_dict_proxy(&mut self, t: TypeId, proxy: Value) {
        self.types[t as usize].dict.proxy = proxy;
    }

    /// A special method that overrides the interpreter's built-in behaviour:
    /// found on a type other than the core built-in ones (user classes, host
    /// types, module types).
    pub fn find_override(&self, t: TypeId, name: Name) -> Option<Value> {
        match self.find_in_type_owner(t, name) {
            Some((owner, v)) if owner >= crate::vm::exceptions::TP_AFTER_EXC || v.ty() == TP_FUNCTION => Some(v),
            _ => None,
        }
    }

    /// Bind a native method or attribute on a type.
    pub fn set_type_attr(&mut self, t: TypeId, name: &str, v: Value) {
        self.type_dict_set(t, Name::new(name), v);
    }

    /// A native function for a builtin binding, wrapped per `wrap` (0 none,
    /// 1 staticmethod, 2 classmethod, 3 read-only property). While `Vm::new`
    /// runs, the first VM of the process records these as immortal objects
    /// and later VMs replay the record instead of allocating (see
    /// `heap::SharedNatives`); a binding that differs from the record ends
    /// the replay.
    fn builtin_native(&mut self, name: &str, argc: i32, kind: crate::objects::function::NativeKind, fn_addr: usize, wrap: u8) -> (Name, Value) {
        use crate::objects::function::*;
        match &mut self.init_seq {
            InitSeq::Off => {}
            InitSeq::Replay(table, pos) => {
                if let Some(r) = table.natives.get(*pos) {
                    if r.fn_addr == fn_addr && r.name_addr == name.as_ptr() as usize && r.name_len == name.len() && r.argc == argc && r.wrap == wrap {
                        *pos += 1;
                        return (r.name, r.value);
                    }
                }
                self.init_seq = InitSeq::Off;
            }
            InitSeq::Record(rec) => {
                let n = Name::new(name);
                let nf = NativeFunc { name: n, kind, argc, data: Value::NIL, doc: None };
                let f = heap::alloc_immortal(TP_NATIVEFUNC, ObjData::NativeFunc(Box::new(nf)));
                let v = match wrap {
                    0 => f,
                    1 => heap::alloc_immortal(TP_STATICMETHOD, ObjData::StaticMethod(f)),
                    2 => heap::alloc_immortal(TP_CLASSMETHOD, ObjData::ClassMethod(f)),
                    _ => heap::alloc_immortal(TP_PROPERTY, ObjData::Property(Box::new([f, Value::NONE, Value::NONE, Value::NONE]))),
                };
                rec.push(heap::SharedNative { name_addr: name.as_ptr() as usize, name_len: name.len(), fn_addr, argc, wrap, name: n, value: v });
                return (n, v);
            }
        }
        let n = Name::new(name);
        let nf = NativeFunc { name: n, kind, argc, data: Value::NIL, doc: None };
        let f = self.heap.alloc(TP_NATIVEFUNC, ObjData::NativeFunc(Box::new(nf)), None);
        let v = match wrap {
            0 => f,
            1 => self.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(f), None),
            2 => self.heap.alloc(TP_CLASSMETHOD, ObjData::ClassMethod(f), None),
            _ => self.heap.alloc(TP_PROPERTY, ObjData::Property(Box::new([f, Value::NONE, Value::NONE, Value::NONE])), None),
        };
        (n, v)
    }

    fn bind_builtin(&mut self, t: TypeId, name: &str, argc: i32, kind: crate::objects::function::NativeKind, fn_addr: usize, wrap: u8) {
        let (n, v) = self.builtin_native(name, argc, kind, fn_addr, wrap);
        self.type_dict_set(t, n, v);
    }

    pub fn bind_method(&mut self, t: TypeId, name: &str, argc: i32, f: crate::objects::function::NativeFn) {
        self.bind_builtin(t, name, argc, crate::objects::function::NativeKind::Pos(f), f as usize, 0);
    }

    pub fn bind_method_kw(&mut self, t: TypeId, name: &str, f: crate::objects::function::NativeFnKw) {
        self.bind_builtin(t, name, -1, crate::objects::function::NativeKind::Kw(f), f as usize, 0);
    }

    pub fn bind_static(&mut self, t: TypeId, name: &str, argc: i32, f: crate::objects::function::NativeFn) {
        self.bind_builtin(t, name, argc, crate::objects::function::NativeKind::Pos(f), f as usize, 1);
    }

    pub fn bind_classmethod(&mut self, t: TypeId, name: &str, argc: i32, f: crate::objects::function::NativeFn) {
        self.bind_builtin(t, name, argc, crate::objects::function::NativeKind::Pos(f), f as usize, 2);
    }

    /// A read-only property computed by a native getter `f(self)`.
    pub fn bind_property(&mut self, t: TypeId, name: &str, f: crate::objects::function::NativeFn) {
        self.bind_builtin(t, name, 1, crate::objects::function::NativeKind::Pos(f), f as usize, 3);
    }

    /// A property with a getter `f(self)` and a setter `set(self, value)`.
    pub fn bind_property_rw(&mut self, t: TypeId, name: &str, f: crate::objects::function::NativeFn, set: crate::objects::function::NativeFn) {
        let g = self.new_native(name, 1, f);
        self.temp_roots.push(g);
        let st = self.new_native(name, 2, set);
        self.temp_roots.pop();
        let p = self.heap.alloc(TP_PROPERTY, ObjData::Property(Box::new([g, st, Value::NONE, Value::NONE])), None);
        self.set_type_attr(t, name, p);
    }

    // ---------------------------------------------------------------- GC

    /// Run a collection if the heap asked for one. Called at safe points only.
    #[inline]
    pub fn maybe_collect(&mut self) {
        if self.heap.wants_collect {
            self.collect_garbage();
        }
    }

    pub fn collect_garbage(&mut self) -> usize {
        if self.frames.is_empty() && self.native_depth == 0 {
            // Nothing is running: no native helper still needs its temporaries.
            self.temp_roots.clear();
        }
        let mut roots = crate::vm::heap::Tracer::with_capacity(4096);
        roots.extend_from_slice(&self.stack[..self.sp]);
        for f in &self.frames {
            f.trace(&mut roots);
        }
        for t in &self.types {
            roots.push(t.obj);
            t.dict.trace(&mut roots);
        }
        for (_, vals) in self.const_cache.values() {
            roots.extend_from_slice(vals);
        }
        roots.extend(self.exc.iter().copied());
        roots.extend_from_slice(&self.handling);
        roots.extend_from_slice(&self.temp_roots);
        roots.extend_from_slice(&self.registers);
        roots.push(self.retval);
        roots.push(self.modules);
        roots.push(self.builtins);
        roots.push(self.main_module);
        roots.push(self.sys_path);
        roots.push(self.sys_argv);
        roots.push(self.repl_last);
        roots.extend(self.name_strs.values().copied());
        self.heap.collect(roots)
    }

    // ---------------------------------------------------------------- allocation helpers

    pub fn new_str(&mut self, s: &str) -> Value {
        self.heap.alloc(TP_STR, ObjData::Str(crate::objects::str::PyStr::new(s)), None)
    }

    pub fn new_string(&mut self, s: String) -> Value {
        self.heap.alloc(TP_STR, ObjData::Str(crate::objects::str::PyStr::from_string(s)), None)
    }

    /// A cached str object for an interned name.
    pub fn name_str(&mut self, name: Name) -> Value {
        if let Some(v) = self.name_strs.get(&name) {
            return *v;
        }
        let v = self.new_str(name.as_str());
        self.name_strs.insert(name, v);
        v
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.heap.alloc(TP_LIST, ObjData::List(RefCell::new(items)), None)
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.heap.alloc(TP_TUPLE, ObjData::Tuple(items.into()), None)
    }

    pub fn new_dict(&mut self) -> Value {
        self.heap.alloc(TP_DICT, ObjData::Dict(RefCell::new(crate::objects::dict::Dict::new())), None)
    }

    /// An empty dict with room for exactly `n` entries (a literal's size).
    pub fn new_dict_with_capacity(&mut self, n: usize) -> Value {
        self.heap.alloc(TP_DICT, ObjData::Dict(RefCell::new(crate::objects::dict::Dict::with_capacity(n))), None)
    }

    /// A tuple of a copy of `items` (pairs are stored without a second allocation).
    pub fn new_tuple_from(&mut self, items: &[Value]) -> Value {
        self.heap.alloc(TP_TUPLE, ObjData::Tuple(crate::objects::tuple::TupleData::from_slice(items)), None)
    }

    pub fn new_set(&mut self, frozen: bool) -> Value {
        let t = if frozen { TP_FROZENSET } else { TP_SET };
        self.heap.alloc(t, ObjData::Set(RefCell::new(crate::objects::dict::Dict::new())), None)
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        self.heap.alloc(TP_BYTES, ObjData::Bytes(b.into_boxed_slice()), None)
    }

    /// An int from a BigInt, normalised to the immediate form when it fits.
    pub fn new_bigint(&mut self, b: num_bigint::BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::int(i),
            None => self.heap.alloc(TP_INT, ObjData::BigInt(b), None),
        }
    }

    pub fn new_native(&mut self, name: &str, argc: i32, f: crate::objects::function::NativeFn) -> Value {
        use crate::objects::function::*;
        let nf = NativeFunc { name: Name::new(name), kind: NativeKind::Pos(f), argc, data: Value::NIL, doc: None };
        self.heap.alloc(TP_NATIVEFUNC, ObjData::NativeFunc(Box::new(nf)), None)
    }

    pub fn new_native_kw(&mut self, name: &str, f: crate::objects::function::NativeFnKw) -> Value {
        use crate::objects::function::*;
        let nf = NativeFunc { name: Name::new(name), kind: NativeKind::Kw(f), argc: -1, data: Value::NIL, doc: None };
        self.heap.alloc(TP_NATIVEFUNC, ObjData::NativeFunc(Box::new(nf)), None)
    }

    /// A native function carrying `data` (read it back with `native_data`).
    pub fn new_native_with_data(&mut self, name: &str, argc: i32, f: crate::objects::function::NativeFn, data: Value) -> Value {
        use crate::objects::function::*;
        let nf = NativeFunc { name: Name::new(name), kind: NativeKind::Pos(f), argc, data, doc: None };
        self.heap.alloc(TP_NATIVEFUNC, ObjData::NativeFunc(Box::new(nf)), None)
    }

    pub fn new_module(&mut self, name: &str) -> Value {
        let m = self.heap.alloc(TP_MODULE, ObjData::Module, Some(Box::new(RefCell::new(NameDict::new()))));
        let s = self.new_str(name);
        self.attrs_set(&m, n::__name__, s);
        if !self.builtins.is_nil() {
            let b = self.builtins;
            self.attrs_set(&m, n::__builtins__, b);
        }
        let key = self.new_str(name);
        let modules = self.modules;
        if !modules.is_nil() {
            // Registering a fresh module in sys.modules cannot fail (str key).
            let _ = self.dict_set(&modules, key, m);
        }
        m
    }

    /// Set an entry of an object's `__dict__` (module globals, instances).
    pub fn attrs_set(&mut self, obj: &Value, name: Name, v: Value) {
        if obj.is_ptr() {
            let o = obj.obj();
            if let Some(a) = &o.attrs {
                a.borrow_mut().set(name, v);
                return;
            }
            if let ObjData::Type(t) = o.data {
                self.type_dict_set(t, name, v);
            }
        }
    }

    pub fn attrs_get(&self, obj: &Value, name: Name) -> Option<Value> {
        if obj.is_ptr() {
            if let Some(a) = &obj.obj().attrs {
                return a.borrow().get(name);
            }
        }
        None
    }

    /// Set a module-level name.
    pub fn module_set(&mut self, m: &Value, name: &str, v: Value) {
        self.attrs_set(m, Name::new(name), v);
    }

    /// Bind a native function into a module.
    pub fn module_fn(&mut self, m: &Value, name: &str, argc: i32, f: crate::objects::function::NativeFn) {
        let (n, v) = self.builtin_native(name, argc, crate::objects::function::NativeKind::Pos(f), f as usize, 0);
        self.attrs_set(m, n, v);
    }

    pub fn module_fn_kw(&mut self, m: &Value, name: &str, f: crate::objects::function::NativeFnKw) {
        let (n, v) = self.builtin_native(name, -1, crate::objects::function::NativeKind::Kw(f), f as usize, 0);
        self.attrs_set(m, n, v);
    }

    // ---------------------------------------------------------------- stack

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.stack[self.sp] = v;
        self.sp += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        self.stack[self.sp]
    }

    #[inline(always)]
    pub fn top(&self) -> Value {
        self.stack[self.sp - 1]
    }

    #[inline(always)]
    pub fn peek(&self, n: usize) -> Value {
        self.stack[self.sp - n]
    }

    /// Keep `v` alive until the current native call returns.
    #[inline]
    pub fn keep_alive(&mut self, v: Value) {
        self.temp_roots.push(v);
    }
}

impl Default for Box<Vm> {
    fn default() -> Self {
        Vm::new()
    }
}

#[cfg(test)]
mod shared_native_tests {
    use super::*;

    fn run(vm: &mut Vm, src: &str) {
        let main = vm.main_module;
        if vm.exec_in(src, "<test>", &main).is_err() {
            let e = vm.take_exc();
            panic!("{}", vm.format_exception(&e));
        }
    }

    /// VMs built after the first share its builtin native functions; the
    /// shared objects survive every VM's collections, also when VMs on
    /// several threads collect at once, and are never freed with a VM.
    #[test]
    fn builtin_natives_are_shared_across_vms() {
        // Tests run in parallel: wait until some VM has published the record.
        let mut tries = 0;
        while heap::SHARED_NATIVES.get().is_none() && tries < 100 {
            drop(Vm::new());
            tries += 1;
        }
        assert!(heap::SHARED_NATIVES.get().is_some());
        let a = Vm::new();
        let b = Vm::new();
        let upper = Name::new("upper");
        let ua = a.types[TP_STR as usize].dict.get(upper).unwrap();
        let ub = b.types[TP_STR as usize].dict.get(upper).unwrap();
        assert!(ua.is(&ub), "str.upper is one object in both VMs");
        drop(a);
        let handles: Vec<_> = (0..4)
            .map(|i| {
                std::thread::spawn(move || {
                    let mut vm = Vm::new();
                    for _ in 0..20 {
                        run(&mut vm, &format!("xs = [str(i).upper() + 'x' * {} for i in range(300)]\nassert len(xs) == 300\nd = dict.fromkeys(xs)\n", i));
                        vm.collect_garbage();
                    }
                    run(&mut vm, "assert 'ab'.upper() == 'AB' and len([1, 2]) == 2 and sorted([2, 1]) == [1, 2]");
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let mut b = b;
        b.collect_garbage();
        run(&mut b, "assert 'q'.upper() == 'Q'");
        let ub2 = b.types[TP_STR as usize].dict.get(upper).unwrap();
        assert!(ub2.is(&ub));
    }
}
