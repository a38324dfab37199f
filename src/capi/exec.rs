//! Running code, modules and globals: `py_exec`, `py_eval`, `py_compile`,
//! `py_smartexec_v`, `py_import`, `py_getmodule`, `py_newmodule`, `py_getglobal` ...

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{c_char, c_int};

use super::*;
use crate::compiler::Mode;
use crate::vm::heap::ObjData;
use crate::vm::value::*;

/// `enum py_CompileMode`: EXEC_MODE, EVAL_MODE, SINGLE_MODE.
fn mode_of(vm: &mut Vm, mode: c_int) -> PyResult<Mode> {
    match mode {
        0 => Ok(Mode::Exec),
        1 => Ok(Mode::Eval),
        2 => Ok(Mode::Single),
        m => Err(vm.new_error(TP_VALUE_ERROR, format!("invalid compile mode {} (expected EXEC_MODE, EVAL_MODE or SINGLE_MODE)", m))),
    }
}

fn module_or_main(vm: &mut Vm, module: py_Ref) -> Value {
    if module.is_null() {
        vm.main_module
    } else {
        // SAFETY: non-null py_Ref (C API contract).
        unsafe { *module }
    }
}

thread_local! {
    /// Stable cells for `py_GlobalRef`s to modules, one per module object.
    static MODULE_REFS: RefCell<HashMap<u64, Box<Value>>> = RefCell::new(HashMap::new());
    /// Snapshot cells for `py_ItemRef` results (`py_getglobal` ...).
    static ITEM_RING: RefCell<(usize, Vec<Box<Value>>)> = RefCell::new((0, (0..64).map(|_| Box::new(Value::NIL)).collect()));
}

/// A stable `py_GlobalRef` to a module (modules live as long as `sys.modules` holds them).
pub(crate) fn module_ref(m: Value) -> py_GlobalRef {
    MODULE_REFS.with(|r| {
        let mut r = r.borrow_mut();
        let b = r.entry(m.payload).or_insert_with(|| Box::new(m));
        **b = m;
        &mut **b as *mut Value
    })
}

/// A `py_ItemRef` holding a copy of `v`: valid until 64 more such results
/// are handed out on this thread. Writing through it does not write back.
pub(crate) fn item_ref(v: Value) -> py_ItemRef {
    ITEM_RING.with(|r| {
        let mut r = r.borrow_mut();
        let i = r.0;
        r.0 = (i + 1) % 64;
        *r.1[i] = v;
        &mut *r.1[i] as *mut Value
    })
}

fn run_source(vm: &mut Vm, src: &str, filename: &str, mode: Mode, globals: Value) -> PyResult<Value> {
    let code = vm.compile(src, filename, mode)?;
    vm.run_code(code, globals, Value::NIL)
}

/// Run `source` in `module` (NULL: `__main__`). EVAL_MODE leaves the value in `py_retval()`.
/// A NULL `filename` means `"<string>"`; a NULL `source` or an unknown mode
/// raises (TypeError / ValueError).
#[no_mangle]
pub extern "C" fn py_exec(source: *const c_char, filename: *const c_char, mode: c_int, module: py_Ref) -> bool {
    raising("py_exec", false, |vm| {
        let src = str_arg(vm, source, "py_exec", "source")?;
        let filename = if filename.is_null() { "<string>" } else { str_arg(vm, filename, "py_exec", "filename")? };
        let mode = mode_of(vm, mode)?;
        let g = module_or_main(vm, module);
        let v = run_source(vm, src, filename, mode, g)?;
        vm.retval = if mode == Mode::Eval { v } else { Value::NONE };
        Ok(true)
    })
}

/// Evaluate an expression in `module` (NULL: `__main__`); the value goes to `py_retval()`.
#[no_mangle]
pub extern "C" fn py_eval(source: *const c_char, module: py_Ref) -> bool {
    py_exec(source, c"<string>".as_ptr(), 1, module)
}

/// Compile `source`; the code object goes to `py_retval()` (run it with `exec()`/`eval()`).
#[no_mangle]
pub extern "C" fn py_compile(source: *const c_char, filename: *const c_char, mode: c_int, is_dynamic: bool) -> bool {
    let _ = is_dynamic;
    raising("py_compile", false, |vm| {
        let src = str_arg(vm, source, "py_compile", "source")?;
        let filename = if filename.is_null() { "<string>" } else { str_arg(vm, filename, "py_compile", "filename")? };
        let mode = mode_of(vm, mode)?;
        let code = vm.compile(src, filename, mode)?;
        vm.retval = vm.heap.alloc(TP_CODE, ObjData::Code(code), None);
        Ok(true)
    })
}

/// The engine of `py_smartexec`/`py_smarteval` (the header's inline
/// variadic wrappers count the `_0`, `_1`, ... of `source` and pass the
/// references here): binds `_0.._{n-1}` (and `_` to the first) in the
/// module's globals for the run, then removes them.
#[no_mangle]
pub extern "C" fn py_smartexec_v(source: *const c_char, module: py_Ref, n: c_int, refs: *const py_Ref, is_eval: bool) -> bool {
    raising("py_smartexec", false, |vm| {
        let src = str_arg(vm, source, "py_smartexec", "source")?;
        let g = module_or_main(vm, module);
        let mut names = Vec::new();
        for i in 0..n.max(0) as usize {
            if refs.is_null() {
                return Err(vm.new_error(TP_TYPE_ERROR, "py_smartexec: argument list is NULL"));
            }
            // SAFETY: the wrapper passes `n` references.
            let r = unsafe { *refs.add(i) };
            let v = *ref_arg(vm, r, "py_smartexec", "_i")?;
            let name = Name::new(&format!("_{}", i));
            vm.attrs_set(&g, name, v);
            names.push(name);
            if i == 0 {
                vm.attrs_set(&g, Name::new("_"), v);
                names.push(Name::new("_"));
            }
        }
        let r = run_source(vm, src, "<string>", if is_eval { Mode::Eval } else { Mode::Exec }, g);
        if let Some(a) = g.is_ptr().then(|| g.obj().attrs.as_ref()).flatten() {
            let mut a = a.borrow_mut();
            for nm in names {
                a.remove(nm);
            }
        }
        let v = r?;
        vm.retval = if is_eval { v } else { Value::NONE };
        Ok(true)
    })
}

/// Import a module: 1 (module in `py_retval()`), 0 not found, -1 error.
#[no_mangle]
pub extern "C" fn py_import(path: *const c_char) -> c_int {
    raising("py_import", -1, |vm| {
        let p = str_arg(vm, path, "py_import", "path")?;
        let main = vm.main_module;
        match vm.import_name(p, &main, &Value::NIL, 0) {
            Ok(top) => {
                let modules = vm.modules;
                let key = vm.new_str(p);
                vm.retval = vm.dict_get(&modules, &key)?.unwrap_or(top);
                Ok(1)
            }
            Err(e) => {
                if vm.exc_is(TP_MODULE_NOT_FOUND_ERROR) {
                    vm.exc = None;
                    Ok(0)
                } else {
                    Err(e)
                }
            }
        }
    })
}

/// The module at `path` in `sys.modules`, or NULL.
#[no_mangle]
pub extern "C" fn py_getmodule(path: *const c_char) -> py_GlobalRef {
    with_vm("py_getmodule", |vm| {
        let p = str_or_die(path, "py_getmodule", "path");
        let modules = vm.modules;
        let key = vm.new_str(p);
        match vm.dict_get(&modules, &key) {
            Ok(Some(m)) => module_ref(m),
            _ => {
                vm.exc = None;
                std::ptr::null_mut()
            }
        }
    })
}

/// Create a module and register it in `sys.modules`.
#[no_mangle]
pub extern "C" fn py_newmodule(path: *const c_char) -> py_GlobalRef {
    with_vm("py_newmodule", |vm| {
        let p = str_or_die(path, "py_newmodule", "path");
        let m = vm.new_module(p);
        module_ref(m)
    })
}

/// A global of `__main__` (a snapshot copy), or NULL.
#[no_mangle]
pub extern "C" fn py_getglobal(name: py_Name) -> py_ItemRef {
    with_vm("py_getglobal", |vm| {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_getglobal: invalid name"));
        let main = vm.main_module;
        match vm.attrs_get(&main, n) {
            Some(v) => item_ref(v),
            None => std::ptr::null_mut(),
        }
    })
}

/// Set a global of `__main__`.
#[no_mangle]
pub extern "C" fn py_setglobal(name: py_Name, val: py_Ref) {
    with_vm("py_setglobal", |vm| {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_setglobal: invalid name"));
        let v = *ref_or_die(val, "py_setglobal", "val");
        let main = vm.main_module;
        vm.attrs_set(&main, n, v);
    })
}

/// A name of `builtins` (a snapshot copy), or NULL.
#[no_mangle]
pub extern "C" fn py_getbuiltin(name: py_Name) -> py_ItemRef {
    with_vm("py_getbuiltin", |vm| {
        let n = name_from_c(name).unwrap_or_else(|| misuse("py_getbuiltin: invalid name"));
        let b = vm.builtins;
        match vm.attrs_get(&b, n) {
            Some(v) => item_ref(v),
            None => std::ptr::null_mut(),
        }
    })
}

/// `globals()` of the running Python code (the `__main__` module's dict
/// when none runs), as a live mapping.
#[no_mangle]
pub extern "C" fn py_newglobals(out: py_OutRef) {
    with_vm("py_newglobals", |vm| {
        let g = vm.frames.last().map(|f| f.globals).unwrap_or(vm.main_module);
        let v = if g.dict().is_some() { g } else { vm.namedict_proxy(&g) };
        out_or_die(out, "py_newglobals", v);
    })
}

/// `locals()` of the running Python code (`globals()` at module level); in
/// a native function bound with `py_bind`, those of its caller.
#[no_mangle]
pub extern "C" fn py_newlocals(out: py_OutRef) {
    raising("py_newlocals", (), |vm| {
        let fi = vm.frames.iter().rposition(|f| &*f.code().filename != "<py_bind>");
        let v = crate::modules::builtins::locals_of(vm, fi)?;
        out_or_die(out, "py_newlocals", v);
        Ok(())
    })
}

/// The function object of the innermost running Python frame (for a native
/// function bound with `py_bind`, its wrapper), or NULL.
#[no_mangle]
pub extern "C" fn py_inspect_currentfunction() -> py_StackRef {
    with_vm("py_inspect_currentfunction", |vm| match vm.frames.last() {
        Some(f) if !f.func().is_nil() => item_ref(f.func()),
        _ => std::ptr::null_mut(),
    })
}

/// The module whose code is running: the globals of the innermost frame
/// that runs in a module (a `py_bind` wrapper's own namespace is skipped),
/// `__main__` when no Python code runs.
#[no_mangle]
pub extern "C" fn py_inspect_currentmodule() -> py_GlobalRef {
    with_vm("py_inspect_currentmodule", |vm| {
        let g = vm.frames.iter().rev().map(|f| f.globals).find(|g| g.ty() == TP_MODULE);
        module_ref(g.unwrap_or(vm.main_module))
    })
}
