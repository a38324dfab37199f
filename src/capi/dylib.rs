//! Native extension modules: `import foo` finds `foo.so` / `libfoo.so`
//! (`.dylib`, `.dll` elsewhere) on the import path, loads it and calls its
//! exported `bool py_module_initialize(void)`, which builds the module with
//! the C API and leaves it in `py_retval()` (or registers it with
//! `py_newmodule`). The library stays loaded for the life of the process:
//! the functions it bound are called later.

use std::ffi::{CStr, CString};
use std::path::Path;

use crate::vm::exceptions::TP_IMPORT_ERROR;
use crate::vm::value::TP_MODULE;
use crate::vm::{PyResult, Vm};

type InitFn = unsafe extern "C" fn() -> bool;

#[cfg(unix)]
fn open_library(path: &Path) -> Result<InitFn, String> {
    let c = CString::new(path.to_string_lossy().as_bytes()).map_err(|_| "path contains a NUL byte".to_string())?;
    let last_error = || {
        // SAFETY: dlerror returns NULL or a NUL-terminated message owned by
        // the loader, valid until the next dl* call on this thread; it is
        // copied at once.
        let e = unsafe { libc::dlerror() };
        if e.is_null() {
            "unknown error".to_string()
        } else {
            // SAFETY: non-null, NUL-terminated (see above).
            unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned()
        }
    };
    // SAFETY: `c` is a valid C string; loading runs the library's
    // constructors, which is what importing a native module means.
    let handle = unsafe { libc::dlopen(c.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return Err(last_error());
    }
    // SAFETY: `handle` is a live handle from dlopen (never closed) and the
    // symbol name is a valid C string.
    let sym = unsafe { libc::dlsym(handle, c"py_module_initialize".as_ptr()) };
    if sym.is_null() {
        return Err("it does not export py_module_initialize".to_string());
    }
    // SAFETY: the extension contract: `py_module_initialize` has the type
    // `bool (*)(void)`. The handle is never closed, so the code stays mapped.
    Ok(unsafe { std::mem::transmute::<*mut libc::c_void, InitFn>(sym) })
}

#[cfg(not(unix))]
fn open_library(_path: &Path) -> Result<InitFn, String> {
    Err("native extension modules are not supported on this platform".to_string())
}

/// Load the extension at `path` as module `full` and return the module.
pub fn load_extension(vm: &mut Vm, path: &Path, full: &str) -> PyResult<Value> {
    let init = match open_library(path) {
        Ok(f) => f,
        Err(e) => {
            let msg = format!("cannot load native module '{}' from {}: {}", full, path.display(), e);
            return Err(vm.new_error(TP_IMPORT_ERROR, msg));
        }
    };
    vm.retval = Value::NONE;
    // SAFETY: the extension's initializer (see `open_library`); it calls
    // back into the C API on this thread, which holds this VM.
    let ok = unsafe { init() };
    if !ok {
        if vm.exc.is_some() {
            return Err(crate::vm::Raised);
        }
        let msg = format!("py_module_initialize() of '{}' failed without raising", full);
        return Err(vm.new_error(TP_IMPORT_ERROR, msg));
    }
    let modules = vm.modules;
    let key = vm.new_str(full);
    let m = if vm.retval.ty() == TP_MODULE {
        vm.retval
    } else {
        match vm.dict_get(&modules, &key)? {
            Some(m) => m,
            None => {
                let msg = format!("py_module_initialize() of '{}' returned no module (leave it in py_retval())", full);
                return Err(vm.new_error(TP_IMPORT_ERROR, msg));
            }
        }
    };
    vm.dict_set(&modules, key, m)?;
    Ok(m)
}

use crate::vm::value::Value;
