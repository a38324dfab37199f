//! Creating values and reading them back: `py_newint` ... `py_toint` ...,
//! names (`py_name`), and the `tp_*` type ids.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CString};
use std::sync::Mutex;

use super::*;
use crate::objects::function::{NativeFunc, NativeKind};
use crate::vm::heap::{ObjData, UserdataBlock};
use crate::vm::value::*;

// The predefined type ids (`enum py_PredefinedType` of pocketpy v2, then ours).
pub const tp_nil: py_Type = 0;
pub const tp_object: py_Type = 1;
pub const tp_type: py_Type = 2;
pub const tp_int: py_Type = 3;
pub const tp_float: py_Type = 4;
pub const tp_bool: py_Type = 5;
pub const tp_str: py_Type = 6;
pub const tp_str_iterator: py_Type = 7;
pub const tp_list: py_Type = 8;
pub const tp_tuple: py_Type = 9;
pub const tp_list_iterator: py_Type = 10;
pub const tp_tuple_iterator: py_Type = 11;
pub const tp_slice: py_Type = 12;
pub const tp_range: py_Type = 13;
pub const tp_range_iterator: py_Type = 14;
pub const tp_module: py_Type = 15;
pub const tp_function: py_Type = 16;
pub const tp_nativefunc: py_Type = 17;
pub const tp_boundmethod: py_Type = 18;
pub const tp_super: py_Type = 19;
pub const tp_BaseException: py_Type = 20;
pub const tp_Exception: py_Type = 21;
pub const tp_bytes: py_Type = 22;
pub const tp_namedict: py_Type = 23;
pub const tp_locals: py_Type = 24;
pub const tp_code: py_Type = 25;
pub const tp_dict: py_Type = 26;
pub const tp_dict_iterator: py_Type = 27;
pub const tp_property: py_Type = 28;
pub const tp_star_wrapper: py_Type = 29;
pub const tp_staticmethod: py_Type = 30;
pub const tp_classmethod: py_Type = 31;
pub const tp_NoneType: py_Type = 32;
pub const tp_NotImplementedType: py_Type = 33;
pub const tp_ellipsis: py_Type = 34;
pub const tp_generator: py_Type = 35;
pub const tp_set: py_Type = 36;
pub const tp_frozenset: py_Type = 37;
pub const tp_SystemExit: py_Type = 54;
pub const tp_KeyboardInterrupt: py_Type = 55;
pub const tp_StopIteration: py_Type = 57;
pub const tp_ZeroDivisionError: py_Type = 59;
pub const tp_AssertionError: py_Type = 62;
pub const tp_AttributeError: py_Type = 63;
pub const tp_ImportError: py_Type = 66;
pub const tp_IndexError: py_Type = 69;
pub const tp_KeyError: py_Type = 70;
pub const tp_MemoryError: py_Type = 71;
pub const tp_NameError: py_Type = 72;
pub const tp_UnboundLocalError: py_Type = 73;
pub const tp_OSError: py_Type = 74;
pub const tp_IOError: py_Type = 74;
pub const tp_TimeoutError: py_Type = 80;
pub const tp_RuntimeError: py_Type = 83;
pub const tp_NotImplementedError: py_Type = 84;
pub const tp_RecursionError: py_Type = 85;
pub const tp_SyntaxError: py_Type = 87;
pub const tp_SystemError: py_Type = 90;
pub const tp_TypeError: py_Type = 91;
pub const tp_ValueError: py_Type = 92;

// The header's numbers are the VM's numbers.
const _: () = {
    assert!(tp_int == TP_INT && tp_dict == TP_DICT && tp_generator == TP_GENERATOR && tp_frozenset == TP_FROZENSET);
    assert!(tp_NoneType == TP_NONE_TYPE && tp_bytes == TP_BYTES && tp_module == TP_MODULE);
    assert!(tp_SystemExit == TP_SYSTEM_EXIT && tp_KeyboardInterrupt == TP_KEYBOARD_INTERRUPT);
    assert!(tp_StopIteration == TP_STOP_ITERATION && tp_ZeroDivisionError == TP_ZERO_DIVISION_ERROR);
    assert!(tp_AssertionError == TP_ASSERTION_ERROR && tp_AttributeError == TP_ATTRIBUTE_ERROR);
    assert!(tp_ImportError == TP_IMPORT_ERROR && tp_IndexError == TP_INDEX_ERROR && tp_KeyError == TP_KEY_ERROR);
    assert!(tp_NameError == TP_NAME_ERROR && tp_UnboundLocalError == TP_UNBOUND_LOCAL_ERROR && tp_OSError == TP_OS_ERROR);
    assert!(tp_RuntimeError == TP_RUNTIME_ERROR && tp_NotImplementedError == TP_NOT_IMPLEMENTED_ERROR);
    assert!(tp_RecursionError == TP_RECURSION_ERROR && tp_SyntaxError == TP_SYNTAX_ERROR);
    assert!(tp_SystemError == TP_SYSTEM_ERROR && tp_TypeError == TP_TYPE_ERROR && tp_ValueError == TP_VALUE_ERROR);
    assert!(tp_MemoryError == TP_MEMORY_ERROR && tp_TimeoutError == TP_TIMEOUT_ERROR);
};

// ---------------------------------------------------------------- creation

#[no_mangle]
pub extern "C" fn py_newint(out: py_OutRef, v: py_i64) {
    no_vm("py_newint", || out_or_die(out, "py_newint", Value::int(v)))
}

#[no_mangle]
pub extern "C" fn py_newfloat(out: py_OutRef, v: py_f64) {
    no_vm("py_newfloat", || out_or_die(out, "py_newfloat", Value::float(v)))
}

#[no_mangle]
pub extern "C" fn py_newbool(out: py_OutRef, v: bool) {
    no_vm("py_newbool", || out_or_die(out, "py_newbool", Value::bool(v)))
}

#[no_mangle]
pub extern "C" fn py_newnone(out: py_OutRef) {
    no_vm("py_newnone", || out_or_die(out, "py_newnone", Value::NONE))
}

#[no_mangle]
pub extern "C" fn py_newnil(out: py_OutRef) {
    no_vm("py_newnil", || out_or_die(out, "py_newnil", Value::NIL))
}

#[no_mangle]
pub extern "C" fn py_newnotimplemented(out: py_OutRef) {
    no_vm("py_newnotimplemented", || out_or_die(out, "py_newnotimplemented", Value::NOT_IMPLEMENTED))
}

#[no_mangle]
pub extern "C" fn py_newellipsis(out: py_OutRef) {
    no_vm("py_newellipsis", || out_or_die(out, "py_newellipsis", Value::ELLIPSIS))
}

/// A `str` from a NUL-terminated UTF-8 string (invalid bytes become U+FFFD).
#[no_mangle]
pub extern "C" fn py_newstr(out: py_OutRef, s: *const c_char) {
    with_vm("py_newstr", |vm| {
        if s.is_null() {
            misuse("py_newstr: argument 'data' is NULL");
        }
        // SAFETY: NUL-terminated string from the host.
        let c = unsafe { std::ffi::CStr::from_ptr(s) };
        let v = vm.new_string(String::from_utf8_lossy(c.to_bytes()).into_owned());
        out_or_die(out, "py_newstr", v);
    })
}

/// A `str` of `n` bytes the caller fills with ASCII before using the string
/// (it is created as `n` spaces; its length in characters is `n`).
#[no_mangle]
pub extern "C" fn py_newstrn(out: py_OutRef, n: c_int) -> *mut c_char {
    with_vm("py_newstrn", |vm| {
        if n < 0 {
            misuse("py_newstrn: negative size");
        }
        let v = vm.new_string(" ".repeat(n as usize));
        out_or_die(out, "py_newstrn", v);
        v.pystr().map(|p| p.c_ptr() as *mut c_char).unwrap_or(std::ptr::null_mut())
    })
}

/// A `str` from a string view.
#[no_mangle]
pub extern "C" fn py_newstrv(out: py_OutRef, sv: c11_sv) {
    with_vm("py_newstrv", |vm| {
        let bytes: &[u8] = if sv.size <= 0 {
            &[]
        } else if sv.data.is_null() {
            misuse("py_newstrv: NULL data with a positive size")
        } else {
            // SAFETY: the view covers `size` readable bytes.
            unsafe { std::slice::from_raw_parts(sv.data as *const u8, sv.size as usize) }
        };
        let v = vm.new_string(String::from_utf8_lossy(bytes).into_owned());
        out_or_die(out, "py_newstrv", v);
    })
}

/// A `bytes` of `n` zero bytes; returns the buffer for the caller to fill.
#[no_mangle]
pub extern "C" fn py_newbytes(out: py_OutRef, n: c_int) -> *mut u8 {
    with_vm("py_newbytes", |vm| {
        if n < 0 {
            misuse("py_newbytes: negative size");
        }
        let v = vm.new_bytes(vec![0u8; n as usize]);
        out_or_die(out, "py_newbytes", v);
        v.bytes().map(|b| b.as_ptr() as *mut u8).unwrap_or(std::ptr::null_mut())
    })
}

/// A native function object calling `f`.
#[no_mangle]
pub extern "C" fn py_newnativefunc(out: py_OutRef, f: py_CFunction) {
    with_vm("py_newnativefunc", |vm| {
        let v = new_cfunc(vm, "<native>", f, "py_newnativefunc");
        out_or_die(out, "py_newnativefunc", v);
    })
}

/// A bound method: calling it calls `func(self, ...)`.
#[no_mangle]
pub extern "C" fn py_newboundmethod(out: py_OutRef, self_: py_Ref, func: py_Ref) {
    with_vm("py_newboundmethod", |vm| {
        let s = *ref_or_die(self_, "py_newboundmethod", "self");
        let f = *ref_or_die(func, "py_newboundmethod", "func");
        let v = vm.new_bound_method(s, f);
        out_or_die(out, "py_newboundmethod", v);
    })
}

pub(crate) fn new_cfunc(vm: &mut Vm, name: &str, f: py_CFunction, fname: &str) -> Value {
    let f = f.unwrap_or_else(|| misuse(&format!("{}: function pointer is NULL", fname)));
    let nf = NativeFunc { name: Name::new(name), kind: NativeKind::C(f), argc: -1, data: Value::NIL, doc: None };
    vm.heap.alloc(TP_NATIVEFUNC, ObjData::NativeFunc(Box::new(nf)), None)
}

/// An instance of `type` with `udsize` zeroed bytes of userdata (returned);
/// `slots == -1` gives it a `__dict__`. The type's destructor runs on the
/// userdata when the object is collected.
#[no_mangle]
pub extern "C" fn py_newobject(out: py_OutRef, ty: py_Type, slots: c_int, udsize: c_int) -> *mut c_void {
    with_vm("py_newobject", |vm| {
        if !type_ok(vm, ty) {
            misuse(&format!("py_newobject: invalid type id {}", ty));
        }
        let dtor = vm.types[ty as usize].dtor;
        let attrs = if slots == -1 || vm.types[ty as usize].has_attrs {
            Some(Box::new(RefCell::new(crate::objects::namedict::NameDict::new())))
        } else {
            None
        };
        let block = UserdataBlock::new(udsize.max(0) as usize, slots.max(0) as usize, dtor);
        let p = block.as_ptr();
        let v = vm.heap.alloc(ty, ObjData::Userdata(block), attrs);
        out_or_die(out, "py_newobject", v);
        p
    })
}

/// A tuple of `n` items (initially None); returns the items for the caller to set.
#[no_mangle]
pub extern "C" fn py_newtuple(out: py_OutRef, n: c_int) -> py_ObjectRef {
    with_vm("py_newtuple", |vm| {
        if n < 0 {
            misuse("py_newtuple: negative size");
        }
        let v = vm.new_tuple(vec![Value::NONE; n as usize]);
        out_or_die(out, "py_newtuple", v);
        v.tuple().map(|t| t.as_ptr() as *mut Value).unwrap_or(std::ptr::null_mut())
    })
}

#[no_mangle]
pub extern "C" fn py_newlist(out: py_OutRef) {
    with_vm("py_newlist", |vm| {
        let v = vm.new_list(Vec::new());
        out_or_die(out, "py_newlist", v);
    })
}

/// A list of `n` items, initially None.
#[no_mangle]
pub extern "C" fn py_newlistn(out: py_OutRef, n: c_int) {
    with_vm("py_newlistn", |vm| {
        if n < 0 {
            misuse("py_newlistn: negative size");
        }
        let v = vm.new_list(vec![Value::NONE; n as usize]);
        out_or_die(out, "py_newlistn", v);
    })
}

#[no_mangle]
pub extern "C" fn py_newdict(out: py_OutRef) {
    with_vm("py_newdict", |vm| {
        let v = vm.new_dict();
        out_or_die(out, "py_newdict", v);
    })
}

/// A `slice(None, None, None)`; set start/stop/step with `py_setslot(0..3)`.
#[no_mangle]
pub extern "C" fn py_newslice(out: py_OutRef) {
    with_vm("py_newslice", |vm| {
        let v = vm.heap.alloc(TP_SLICE, ObjData::Slice([Value::NONE; 3]), None);
        out_or_die(out, "py_newslice", v);
    })
}

// ---------------------------------------------------------------- names

#[no_mangle]
pub extern "C" fn py_name(s: *const c_char) -> py_Name {
    no_vm("py_name", || name_to_c(Name::new(str_or_die(s, "py_name", "name"))))
}

#[no_mangle]
pub extern "C" fn py_namev(sv: c11_sv) -> py_Name {
    no_vm("py_namev", || {
        let bytes: &[u8] = if sv.size <= 0 || sv.data.is_null() {
            &[]
        } else {
            // SAFETY: the view covers `size` readable bytes.
            unsafe { std::slice::from_raw_parts(sv.data as *const u8, sv.size as usize) }
        };
        name_to_c(Name::new(&String::from_utf8_lossy(bytes)))
    })
}

static NAME_CSTRS: Mutex<Option<HashMap<u32, &'static std::ffi::CStr>>> = Mutex::new(None);

/// The text of a name (valid for the life of the process).
#[no_mangle]
pub extern "C" fn py_name2str(name: py_Name) -> *const c_char {
    no_vm_or("py_name2str", c"".as_ptr(), || {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_name2str: invalid name"));
        let mut g = NAME_CSTRS.lock().unwrap_or_else(|e| e.into_inner());
        let m = g.get_or_insert_with(HashMap::new);
        let c = m.entry(n.0).or_insert_with(|| Box::leak(CString::new(n.as_str()).unwrap_or_default().into_boxed_c_str()));
        c.as_ptr()
    })
}

#[no_mangle]
pub extern "C" fn py_name2sv(name: py_Name) -> c11_sv {
    no_vm("py_name2sv", || {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_name2sv: invalid name"));
        c11_sv { data: py_name2str(name), size: n.as_str().len() as c_int }
    })
}

// ---------------------------------------------------------------- reading values

fn expect_type(v: &Value, ok: bool, fname: &str, what: &str) {
    if !ok {
        misuse(&format!("{}: expected {}, got a value of type id {}", fname, what, v.ty()));
    }
}

#[no_mangle]
pub extern "C" fn py_toint(p: py_Ref) -> py_i64 {
    no_vm("py_toint", || {
        let v = ref_or_die(p, "py_toint", "self");
        if v.is_small_int() || v.ty() == TP_BOOL {
            return v.as_i64();
        }
        if v.ty() == TP_INT && v.is_ptr() {
            if let ObjData::BigInt(b) = &v.obj().data {
                use num_traits::ToPrimitive;
                return b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX });
            }
        }
        let vm = current_vm();
        if let (Some(vm), true) = (vm, v.is_ptr()) {
            if vm.isinstance(v, TP_INT) {
                if let Some(i) = crate::objects::num::as_num(v).map(|n| crate::objects::num::to_f64(&n)) {
                    return i as i64;
                }
            }
        }
        expect_type(v, false, "py_toint", "int");
        0
    })
}

#[no_mangle]
pub extern "C" fn py_tofloat(p: py_Ref) -> py_f64 {
    no_vm("py_tofloat", || {
        let v = ref_or_die(p, "py_tofloat", "self");
        expect_type(v, v.is_float(), "py_tofloat", "float");
        v.as_f64()
    })
}

#[no_mangle]
pub extern "C" fn py_tobool(p: py_Ref) -> bool {
    no_vm("py_tobool", || {
        let v = ref_or_die(p, "py_tobool", "self");
        expect_type(v, v.ty() == TP_BOOL, "py_tobool", "bool");
        v.as_bool_raw()
    })
}

#[no_mangle]
pub extern "C" fn py_totype(p: py_Ref) -> py_Type {
    no_vm("py_totype", || {
        let v = ref_or_die(p, "py_totype", "self");
        match v.as_type() {
            Some(t) => t,
            None => misuse(&format!("py_totype: expected type, got a value of type id {}", v.ty())),
        }
    })
}

fn pystr_of<'a>(p: py_Ref, fname: &str) -> &'a crate::objects::str::PyStr {
    let v = ref_or_die(p, fname, "self");
    match v.pystr() {
        Some(s) => s,
        None => misuse(&format!("{}: expected str, got a value of type id {}", fname, v.ty())),
    }
}

/// The NUL-terminated UTF-8 text of a `str` (valid while the object lives).
#[no_mangle]
pub extern "C" fn py_tostr(p: py_Ref) -> *const c_char {
    no_vm_or("py_tostr", c"".as_ptr(), || pystr_of(p, "py_tostr").c_ptr() as *const c_char)
}

#[no_mangle]
pub extern "C" fn py_tostrn(p: py_Ref, size: *mut c_int) -> *const c_char {
    if !size.is_null() {
        // SAFETY: non-null out pointer from the host (0 unless a str is read).
        unsafe { *size = 0 };
    }
    no_vm_or("py_tostrn", c"".as_ptr(), || {
        let s = pystr_of(p, "py_tostrn");
        if !size.is_null() {
            // SAFETY: non-null out pointer from the host.
            unsafe { *size = s.as_str().len() as c_int };
        }
        s.c_ptr() as *const c_char
    })
}

#[no_mangle]
pub extern "C" fn py_tosv(p: py_Ref) -> c11_sv {
    no_vm("py_tosv", || {
        let s = pystr_of(p, "py_tosv");
        c11_sv { data: s.c_ptr() as *const c_char, size: s.as_str().len() as c_int }
    })
}

#[no_mangle]
pub extern "C" fn py_tobytes(p: py_Ref, size: *mut c_int) -> *mut u8 {
    if !size.is_null() {
        // SAFETY: non-null out pointer from the host (0 unless bytes are read).
        unsafe { *size = 0 };
    }
    no_vm("py_tobytes", || {
        let v = ref_or_die(p, "py_tobytes", "self");
        let b = match v.bytes() {
            Some(b) => b,
            None => misuse(&format!("py_tobytes: expected bytes, got a value of type id {}", v.ty())),
        };
        if !size.is_null() {
            // SAFETY: non-null out pointer from the host.
            unsafe { *size = b.len() as c_int };
        }
        b.as_ptr() as *mut u8
    })
}

/// The userdata of an object made by `py_newobject`.
#[no_mangle]
pub extern "C" fn py_touserdata(p: py_Ref) -> *mut c_void {
    no_vm("py_touserdata", || {
        let v = ref_or_die(p, "py_touserdata", "self");
        if v.is_ptr() {
            if let ObjData::Userdata(u) = &v.obj().data {
                return u.as_ptr();
            }
        }
        misuse(&format!("py_touserdata: the value (type id {}) has no userdata", v.ty()))
    })
}

/// int or float to double; else TypeError.
#[no_mangle]
pub extern "C" fn py_castfloat(p: py_Ref, out: *mut py_f64) -> bool {
    raising("py_castfloat", false, |vm| {
        let v = *ref_arg(vm, p, "py_castfloat", "self")?;
        let f = match crate::objects::num::as_num(&v) {
            Some(n) => crate::objects::num::to_f64(&n),
            None => return Err(vm.type_error(format!("expected int or float, got {}", vm.type_name(&v)))),
        };
        if !out.is_null() {
            // SAFETY: non-null out pointer from the host.
            unsafe { *out = f };
        }
        Ok(true)
    })
}

/// `py_castfloat` narrowed to `float`.
#[no_mangle]
pub extern "C" fn py_castfloat32(p: py_Ref, out: *mut f32) -> bool {
    let mut d: py_f64 = 0.0;
    if !py_castfloat(p, &mut d) {
        return false;
    }
    if !out.is_null() {
        // SAFETY: non-null out pointer from the host.
        unsafe { *out = d as f32 };
    }
    true
}

/// int to int64; else TypeError.
#[no_mangle]
pub extern "C" fn py_castint(p: py_Ref, out: *mut py_i64) -> bool {
    raising("py_castint", false, |vm| {
        let v = *ref_arg(vm, p, "py_castint", "self")?;
        if !(v.is_small_int() || v.ty() == TP_BOOL) {
            return Err(vm.type_error(format!("expected int, got {}", vm.type_name(&v))));
        }
        if !out.is_null() {
            // SAFETY: non-null out pointer from the host.
            unsafe { *out = v.as_i64() };
        }
        Ok(true)
    })
}

/// `*dst = *src`.
#[no_mangle]
pub extern "C" fn py_assign(dst: py_Ref, src: py_Ref) {
    no_vm("py_assign", || {
        let v = *ref_or_die(src, "py_assign", "src");
        *ref_or_die(dst, "py_assign", "dst") = v;
    })
}
