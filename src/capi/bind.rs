//! Binding native functions and types: `py_bind`, `py_bindfunc`,
//! `py_bindmethod`, `py_bindproperty`, `py_newtype`, type queries, and
//! the `__dict__` / slot accessors.

use std::ffi::{c_char, c_int};

use super::exec::{item_ref, module_ref};
use super::values::new_cfunc;
use super::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;

fn set_on(vm: &mut Vm, obj: &Value, name: &str, v: Value) {
    match obj.as_type() {
        Some(t) => vm.set_type_attr(t, name, v),
        None => vm.attrs_set(obj, Name::new(name), v),
    }
}

/// Split a parameter list at top-level commas.
fn split_params(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    for c in s.chars() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
                cur.push(c);
            }
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    cur.push(c);
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    cur.push(c);
                }
                ')' | ']' | '}' => {
                    depth -= 1;
                    cur.push(c);
                }
                ',' if depth == 0 => out.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            },
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// A Python function with the signature `sig` (e.g. `"add(a, b=1)"`) whose
/// body calls `f` with the bound arguments positionally: Python does the
/// binding (defaults, keywords). Returns the function's name and object.
fn decl_function<'s>(vm: &mut Vm, sig: &'s str, f: py_CFunction, fname: &str) -> (&'s str, Value) {
    let sig = sig.trim();
    let (name, params) = match (sig.find('('), sig.rfind(')')) {
        (Some(a), Some(b)) if a < b => (sig[..a].trim(), &sig[a + 1..b]),
        _ => misuse(&format!("{}: malformed signature '{}' (expected 'name(params)')", fname, sig)),
    };
    let mut args = Vec::new();
    for p in split_params(params) {
        let head = p.split(['=', ':']).next().unwrap_or("").trim().to_string();
        if head == "*" || head == "/" {
            continue;
        }
        args.push(head);
    }
    let src = format!("def {}({}):\n    return __pkpy_native__({})\n", name, params, args.join(", "));
    let native = new_cfunc(vm, name, f, fname);
    let globals = vm.new_dict();
    vm.keep_alive(globals);
    vm.keep_alive(native);
    let key = vm.new_str("__pkpy_native__");
    let r = vm.dict_set(&globals, key, native).and_then(|_| vm.exec_in(&src, "<py_bind>", &globals));
    if r.is_err() {
        let e = vm.take_exc();
        let msg = vm.format_exception(&e);
        misuse(&format!("{}: bad signature '{}':\n{}", fname, sig, msg));
    }
    let k = vm.new_str(name);
    let func = vm.dict_get(&globals, &k).ok().flatten().unwrap_or(Value::NONE);
    vm.temp_roots.retain(|v| !v.is(&globals) && !v.is(&native));
    (name, func)
}

/// Bind `f` to `obj` under the signature `sig`, e.g. `"add(a, b=1)"`: Python
/// binds arguments (defaults, keywords) and `f` receives them positionally.
#[no_mangle]
pub extern "C" fn py_bind(obj: py_Ref, sig: *const c_char, f: py_CFunction) {
    with_vm("py_bind", |vm| {
        let target = *ref_or_die(obj, "py_bind", "obj");
        let sig = str_or_die(sig, "py_bind", "sig");
        let (name, func) = decl_function(vm, sig, f, "py_bind");
        set_on(vm, &target, name, func);
    })
}

/// A function object made like `py_bind` does, into `out`; returns its name.
/// `docstring` (may be NULL) becomes `__doc__`. Function slots are not
/// supported: `slots` must be 0.
#[no_mangle]
pub extern "C" fn py_newfunction(out: py_OutRef, sig: *const c_char, f: py_CFunction, docstring: *const c_char, slots: c_int) -> py_Name {
    with_vm("py_newfunction", |vm| {
        if slots != 0 {
            misuse("py_newfunction: function slots are not supported (pass 0)");
        }
        let sig = str_or_die(sig, "py_newfunction", "sig");
        let (name, func) = decl_function(vm, sig, f, "py_newfunction");
        if !docstring.is_null() {
            let doc = str_or_die(docstring, "py_newfunction", "docstring");
            let d = vm.new_str(doc);
            vm.attrs_set(&func, Name::new("__doc__"), d);
        }
        out_or_die(out, "py_newfunction", func);
        name_to_c(Name::new(name))
    })
}

/// Bind a native function `name` to a module (or a type) `obj`.
#[no_mangle]
pub extern "C" fn py_bindfunc(obj: py_Ref, name: *const c_char, f: py_CFunction) {
    with_vm("py_bindfunc", |vm| {
        let target = *ref_or_die(obj, "py_bindfunc", "obj");
        let name = str_or_die(name, "py_bindfunc", "name");
        let v = new_cfunc(vm, name, f, "py_bindfunc");
        set_on(vm, &target, name, v);
    })
}

fn check_type(vm: &Vm, t: py_Type, fname: &str) {
    if !type_ok(vm, t) {
        misuse(&format!("{}: invalid type id {}", fname, t));
    }
}

/// Bind a method: `f` receives `self` as `argv[0]`.
#[no_mangle]
pub extern "C" fn py_bindmethod(ty: py_Type, name: *const c_char, f: py_CFunction) {
    with_vm("py_bindmethod", |vm| {
        check_type(vm, ty, "py_bindmethod");
        let name = str_or_die(name, "py_bindmethod", "name");
        let v = new_cfunc(vm, name, f, "py_bindmethod");
        vm.set_type_attr(ty, name, v);
    })
}

/// Bind a static method (no `self`).
#[no_mangle]
pub extern "C" fn py_bindstaticmethod(ty: py_Type, name: *const c_char, f: py_CFunction) {
    with_vm("py_bindstaticmethod", |vm| {
        check_type(vm, ty, "py_bindstaticmethod");
        let name = str_or_die(name, "py_bindstaticmethod", "name");
        let v = new_cfunc(vm, name, f, "py_bindstaticmethod");
        let s = vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(v), None);
        vm.set_type_attr(ty, name, s);
    })
}

/// Bind a magic method such as `py_name("__add__")` (`__new__` receives the type as `argv[0]`).
#[no_mangle]
pub extern "C" fn py_bindmagic(ty: py_Type, name: py_Name, f: py_CFunction) {
    with_vm("py_bindmagic", |vm| {
        check_type(vm, ty, "py_bindmagic");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_bindmagic: invalid name"));
        let v = new_cfunc(vm, n.as_str(), f, "py_bindmagic");
        let v = if n.as_str() == "__new__" { vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(v), None) } else { v };
        vm.set_type_attr(ty, n.as_str(), v);
    })
}

/// Bind a property; `setter` may be NULL (read-only).
#[no_mangle]
pub extern "C" fn py_bindproperty(ty: py_Type, name: *const c_char, getter: py_CFunction, setter: py_CFunction) {
    with_vm("py_bindproperty", |vm| {
        check_type(vm, ty, "py_bindproperty");
        let name = str_or_die(name, "py_bindproperty", "name");
        let g = new_cfunc(vm, name, getter, "py_bindproperty");
        let s = if setter.is_some() { new_cfunc(vm, name, setter, "py_bindproperty") } else { Value::NONE };
        let p = vm.heap.alloc(TP_PROPERTY, ObjData::Property(Box::new([g, s, Value::NONE, Value::NONE])), None);
        vm.set_type_attr(ty, name, p);
    })
}

/// Create a type deriving from `base`; set in `module` when not NULL.
/// `dtor` (may be NULL) runs on the userdata of each instance when freed.
#[no_mangle]
pub extern "C" fn py_newtype(name: *const c_char, base: py_Type, module: py_GlobalRef, dtor: py_Dtor) -> py_Type {
    with_vm("py_newtype", |vm| {
        let name = str_or_die(name, "py_newtype", "name");
        check_type(vm, base, "py_newtype");
        let m = if module.is_null() { None } else { Some(*ref_or_die(module, "py_newtype", "module")) };
        let modname = match m.and_then(|m| vm.attrs_get(&m, Name::new("__name__"))) {
            Some(s) => s.as_str().unwrap_or("builtins").to_string(),
            None => "builtins".to_string(),
        };
        let t = vm.new_builtin_type(name, base, &modname);
        vm.types[t as usize].dtor = dtor.or(vm.types[base as usize].dtor);
        // Host types may define dunders (`py_bindmagic`): the VM must look them up.
        vm.types[t as usize].is_builtin = false;
        if let Some(m) = m {
            let tobj = vm.types[t as usize].obj;
            vm.attrs_set(&m, Name::new(name), tobj);
        }
        t
    })
}

#[no_mangle]
pub extern "C" fn py_typeof(p: py_Ref) -> py_Type {
    no_vm("py_typeof", || ref_or_die(p, "py_typeof", "self").ty())
}

#[no_mangle]
pub extern "C" fn py_istype(p: py_Ref, ty: py_Type) -> bool {
    no_vm("py_istype", || ref_or_die(p, "py_istype", "self").ty() == ty)
}

#[no_mangle]
pub extern "C" fn py_isinstance(p: py_Ref, ty: py_Type) -> bool {
    with_vm("py_isinstance", |vm| {
        let v = *ref_or_die(p, "py_isinstance", "obj");
        vm.isinstance(&v, ty)
    })
}

#[no_mangle]
pub extern "C" fn py_issubclass(derived: py_Type, base: py_Type) -> bool {
    with_vm("py_issubclass", |vm| vm.is_subtype(derived, base))
}

/// The type object of `ty`.
#[no_mangle]
pub extern "C" fn py_tpobject(ty: py_Type) -> py_GlobalRef {
    with_vm("py_tpobject", |vm| {
        check_type(vm, ty, "py_tpobject");
        module_ref(vm.types[ty as usize].obj)
    })
}

#[no_mangle]
pub extern "C" fn py_tpname(ty: py_Type) -> *const c_char {
    let n = with_vm("py_tpname", |vm| {
        check_type(vm, ty, "py_tpname");
        name_to_c(vm.types[ty as usize].name)
    });
    if n.is_null() {
        return c"".as_ptr();
    }
    super::values::py_name2str(n)
}

/// Find `name` along the MRO of `ty` (a snapshot copy), or NULL.
#[no_mangle]
pub extern "C" fn py_tpfindmagic(ty: py_Type, name: py_Name) -> py_GlobalRef {
    with_vm("py_tpfindmagic", |vm| {
        check_type(vm, ty, "py_tpfindmagic");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_tpfindmagic: invalid name"));
        match vm.find_in_type(ty, n) {
            Some(v) => item_ref(v),
            None => std::ptr::null_mut(),
        }
    })
}

/// Where a host writes a new `__dict__` entry (`py_tpgetmagic`,
/// `py_emplacedict` of a name not yet present): a cell of its own, stored
/// into the dict at the thread's next C API call that needs that VM, once
/// the host has written a value (a nil cell waits). Dict lookups thus never
/// see a half-made entry. Entries are keyed by `Vm::uid`, so a reset VM
/// never receives a stale one.
struct PendingEntry {
    vm: u64,
    target: Value,
    name: Name,
    cell: Box<Value>,
}

thread_local! {
    static PENDING: std::cell::RefCell<Vec<PendingEntry>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn pending_cell(vm: &Vm, target: Value, name: Name) -> *mut Value {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(e) = p.iter_mut().find(|e| e.vm == vm.uid && e.target.is(&target) && e.name == name) {
            return &mut *e.cell as *mut Value;
        }
        p.push(PendingEntry { vm: vm.uid, target, name, cell: Box::new(Value::NIL) });
        let e = p.last_mut().expect("just pushed");
        &mut *e.cell as *mut Value
    })
}

/// Store the entries the host wrote since its last call (see `PendingEntry`).
pub(crate) fn flush_pending(vm: &mut Vm) {
    let todo: Vec<PendingEntry> = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.is_empty() {
            return Vec::new();
        }
        // Written cells of this VM are stored now; unwritten ones wait.
        let (ready, waiting): (Vec<_>, Vec<_>) = p.drain(..).partition(|e| e.vm == vm.uid && !e.cell.is_nil());
        *p = waiting;
        ready
    });
    for e in todo {
        match e.target.as_type() {
            Some(t) => vm.type_dict_set(t, e.name, *e.cell),
            None => vm.attrs_set(&e.target, e.name, *e.cell),
        }
    }
}

/// The entry `name` in `ty`'s own dict, for the host to write a magic method
/// into (`py_newnativefunc(py_tpgetmagic(t, __add__), f)`); nil when the
/// type has none. Valid until the type's dict changes or, for a new entry,
/// until the next C API call.
#[no_mangle]
pub extern "C" fn py_tpgetmagic(ty: py_Type, name: py_Name) -> py_GlobalRef {
    with_vm("py_tpgetmagic", |vm| {
        check_type(vm, ty, "py_tpgetmagic");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_tpgetmagic: invalid name"));
        if let Some(v) = vm.type_dict_slot(ty, n) {
            return v as *mut Value;
        }
        let tobj = vm.types[ty as usize].obj;
        pending_cell(vm, tobj, n)
    })
}

/// Find `name` along the MRO of `ty` (a snapshot copy), or NULL.
#[no_mangle]
pub extern "C" fn py_tpfindname(ty: py_Type, name: py_Name) -> py_ItemRef {
    with_vm("py_tpfindname", |vm| {
        check_type(vm, ty, "py_tpfindname");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_tpfindname: invalid name"));
        match vm.find_in_type(ty, n) {
            Some(v) => item_ref(v),
            None => std::ptr::null_mut(),
        }
    })
}

/// The type named `name` in module `module` (NULL or "builtins": a builtin),
/// or 0 when there is none. Does not import.
#[no_mangle]
pub extern "C" fn py_gettype(module: *const c_char, name: py_Name) -> py_Type {
    with_vm("py_gettype", |vm| {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_gettype: invalid name"));
        let m = if module.is_null() {
            vm.builtins
        } else {
            let path = str_or_die(module, "py_gettype", "module");
            let key = vm.new_str(path);
            let modules = vm.modules;
            match vm.dict_get(&modules, &key) {
                Ok(Some(m)) => m,
                _ => return 0, // str keys never raise
            }
        };
        match vm.attrs_get(&m, n).and_then(|v| v.as_type()) {
            Some(t) => t,
            None => 0,
        }
    })
}

/// TypeError unless `self` is an instance of `ty`.
#[no_mangle]
pub extern "C" fn py_checktype(p: py_Ref, ty: py_Type) -> bool {
    raising("py_checktype", false, |vm| {
        let v = *ref_arg(vm, p, "py_checktype", "self")?;
        if !type_ok(vm, ty) {
            return Err(vm.type_error(format!("py_checktype: invalid type id {}", ty)));
        }
        if vm.isinstance(&v, ty) {
            Ok(true)
        } else {
            let msg = format!("expected '{}', got '{}'", vm.types[ty as usize].name.as_str(), vm.type_name(&v));
            Err(vm.type_error(msg))
        }
    })
}

/// An item of the object's `__dict__` (a snapshot copy), or NULL.
#[no_mangle]
pub extern "C" fn py_getdict(p: py_Ref, name: py_Name) -> py_ItemRef {
    with_vm("py_getdict", |vm| {
        let v = *ref_or_die(p, "py_getdict", "self");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_getdict: invalid name"));
        let r = match v.as_type() {
            Some(t) => vm.types[t as usize].dict().get(n),
            None => vm.attrs_get(&v, n),
        };
        r.map(item_ref).unwrap_or(std::ptr::null_mut())
    })
}

#[no_mangle]
pub extern "C" fn py_setdict(p: py_Ref, name: py_Name, val: py_Ref) {
    with_vm("py_setdict", |vm| {
        let v = *ref_or_die(p, "py_setdict", "self");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_setdict: invalid name"));
        let x = *ref_or_die(val, "py_setdict", "val");
        if v.as_type().is_none() && (!v.is_ptr() || v.obj().attrs.is_none()) {
            misuse("py_setdict: the object has no __dict__");
        }
        vm.attrs_set(&v, n, x);
    })
}

/// The `__dict__` entry `name` of `self` (a module, type or instance with a
/// `__dict__`), for the host to write the value through; a new entry is
/// stored at the next C API call (see `PendingEntry`). Valid until that
/// dict changes or, for a new entry, until the next C API call.
#[no_mangle]
pub extern "C" fn py_emplacedict(p: py_Ref, name: py_Name) -> py_ItemRef {
    with_vm("py_emplacedict", |vm| {
        let v = *ref_or_die(p, "py_emplacedict", "self");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_emplacedict: invalid name"));
        if let Some(t) = v.as_type() {
            if let Some(x) = vm.type_dict_slot(t, n) {
                return x as *mut Value;
            }
            return pending_cell(vm, v, n);
        }
        match v.is_ptr().then(|| v.obj().attrs.as_ref()).flatten() {
            Some(a) => {
                if let Some(x) = a.borrow_mut().get_mut(n) {
                    // The dict lives in a Box owned by the object, which never moves.
                    return x as *mut Value;
                }
                pending_cell(vm, v, n)
            }
            None => misuse("py_emplacedict: the object has no __dict__"),
        }
    })
}

/// Call `f(name, value, ctx)` for each `__dict__` entry of `self` (over a
/// copy of the entries, so `f` may change the dict). `f` returns false after
/// raising; `py_applydict` then stops and returns false.
#[no_mangle]
pub extern "C" fn py_applydict(
    p: py_Ref,
    f: Option<unsafe extern "C" fn(name: py_Name, val: py_Ref, ctx: *mut std::ffi::c_void) -> bool>,
    ctx: *mut std::ffi::c_void,
) -> bool {
    raising("py_applydict", false, |vm| {
        let v = *ref_arg(vm, p, "py_applydict", "self")?;
        let f = match f {
            Some(f) => f,
            None => return Err(vm.type_error("py_applydict: f is NULL")),
        };
        let items: Vec<(Name, Value)> = match v.as_type() {
            Some(t) => vm.types[t as usize].dict().iter().collect(),
            None => match v.is_ptr().then(|| v.obj().attrs.as_ref()).flatten() {
                Some(a) => a.borrow().iter().collect(),
                None => return Err(vm.type_error(format!("py_applydict: '{}' object has no __dict__", vm.type_name(&v)))),
            },
        };
        for (n, mut x) in items {
            // SAFETY: the host's callback gets a reference to a copy that lives for the call.
            if !unsafe { f(name_to_c(n), &mut x, ctx) } {
                return Err(crate::vm::Raised);
            }
        }
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_deldict(p: py_Ref, name: py_Name) -> bool {
    with_vm("py_deldict", |vm| {
        let v = *ref_or_die(p, "py_deldict", "self");
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_deldict: invalid name"));
        match v.as_type() {
            Some(t) => vm.type_dict_remove(t, n).is_some(),
            None => match v.is_ptr().then(|| v.obj().attrs.as_ref()).flatten() {
                Some(a) => a.borrow_mut().remove(n).is_some(),
                None => false,
            },
        }
    })
}

/// The slots of a slice (start, stop, step), tuple, or `py_newobject` object.
fn slots_of(v: &Value, fname: &str) -> (*mut Value, usize) {
    if v.is_ptr() {
        match &v.obj().data {
            ObjData::Slice(s) => return (s.as_ptr() as *mut Value, s.len()),
            ObjData::Tuple(t) => return (t.as_ptr() as *mut Value, t.len()),
            ObjData::Userdata(u) => return (u.slots.as_ptr() as *mut Value, u.slots.len()),
            _ => {}
        }
    }
    misuse(&format!("{}: the object (type id {}) has no slots", fname, v.ty()))
}

/// Slot `i` of a slice (start, stop, step), tuple, or host object.
#[no_mangle]
pub extern "C" fn py_getslot(p: py_Ref, i: c_int) -> py_ObjectRef {
    no_vm("py_getslot", || {
        let v = ref_or_die(p, "py_getslot", "self");
        let (ptr, len) = slots_of(v, "py_getslot");
        if i < 0 || i as usize >= len {
            misuse(&format!("py_getslot: slot {} out of range [0, {})", i, len));
        }
        // In bounds (checked above); `Cell<Value>` has `Value`'s layout, and
        // objects never move, so the slot's address is stable.
        ptr.wrapping_add(i as usize)
    })
}

#[no_mangle]
pub extern "C" fn py_setslot(p: py_Ref, i: c_int, val: py_Ref) {
    no_vm("py_setslot", || {
        let x = *ref_or_die(val, "py_setslot", "val");
        let v = ref_or_die(p, "py_setslot", "self");
        let (ptr, len) = slots_of(v, "py_setslot");
        if i < 0 || i as usize >= len {
            misuse(&format!("py_setslot: slot {} out of range [0, {})", i, len));
        }
        // SAFETY: in bounds (checked above) of a live object's slots.
        unsafe { *ptr.add(i as usize) = x };
    })
}
