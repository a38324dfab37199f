//! Global setup: VMs, the VM table, callbacks, `sys.argv`, GC, allocation.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::ffi::{c_char, c_int, c_void, CString};

use super::*;
use crate::runtime::vm_table::{self, MAX_VMS};

/// Hooks a host installs per VM (`py_callbacks()`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct py_Callbacks {
    /// Used by `import` to load a module's source: return a `malloc`ed
    /// string (freed by the interpreter) or NULL when not found.
    pub importfile: Option<unsafe extern "C" fn(path: *const c_char) -> *mut c_char>,
    /// Used by `print` (and `sys.stdout.write`) to output text.
    pub print: Option<unsafe extern "C" fn(text: *const c_char)>,
}

struct CallbackTable([UnsafeCell<py_Callbacks>; MAX_VMS]);

// SAFETY: slot `i` is read and written only by the thread that holds VM `i`
// (through `py_callbacks()` or that VM's print hook); the VM table makes
// that thread unique at any time.
unsafe impl Sync for CallbackTable {}

static CALLBACKS: CallbackTable =
    CallbackTable([const { UnsafeCell::new(py_Callbacks { importfile: None, print: None }) }; MAX_VMS]);

fn callbacks_of(i: usize) -> py_Callbacks {
    // SAFETY: see `CallbackTable`: this thread holds VM `i`.
    unsafe { *CALLBACKS.0[i].get() }
}

/// Route the VM's stdout through the host's `print` callback when set.
fn install_hooks(vm: &mut Vm) {
    if vm.stdout_hook.is_some() {
        return;
    }
    let i = vm.index;
    vm.import_hook = Some(Box::new(move |path: &str| {
        let f = callbacks_of(i).importfile?;
        let c = CString::new(path).ok()?;
        // SAFETY: the host's loader gets a NUL-terminated path valid for the
        // call and returns NULL or a `malloc`ed NUL-terminated string, which
        // is copied and then freed here, as the callback's contract says.
        unsafe {
            let p = f(c.as_ptr());
            if p.is_null() {
                return None;
            }
            let src = std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned();
            libc::free(p as *mut c_void);
            Some(src)
        }
    }));
    vm.stdout_hook = Some(Box::new(move |s: &str| match callbacks_of(i).print {
        Some(f) => {
            let c = CString::new(s.replace('\0', "\\0")).unwrap_or_default();
            // SAFETY: the host's callback receives a NUL-terminated string
            // valid for the duration of the call.
            unsafe { f(c.as_ptr()) }
        }
        None => {
            // Through C's stdio, so the host's own printf output and ours
            // stay in order in one buffer.
            // SAFETY: "%.*s" reads exactly `len` bytes from `s`.
            unsafe { libc::printf(c"%.*s".as_ptr(), s.len() as std::ffi::c_int, s.as_ptr() as *const c_char) };
        }
    }));
}

thread_local! {
    static LAST_SWITCH_ERROR: RefCell<CString> = RefCell::new(CString::default());
    static CONSTS: [Cell<Value>; 4] = const { [Cell::new(Value::TRUE), Cell::new(Value::FALSE), Cell::new(Value::NONE), Cell::new(Value::NIL)] };
}

/// Refuse to switch away from, reset or free the current VM while it runs
/// Python code on this thread (a native function called from Python calls
/// back): the interpreter's frames further up the stack still use it.
fn running_vm(action: &str) -> Option<String> {
    let vm = current_vm()?;
    if vm.frames.is_empty() {
        return None;
    }
    Some(format!("cannot {} while VM {} runs Python code on this thread (called from a native function)", action, vm.index))
}

fn switch(index: c_int) -> Result<(), String> {
    if index < 0 || vm_table::current_index() != Some(index as usize) {
        if let Some(e) = running_vm(&format!("switch to VM {}", index)) {
            return Err(e);
        }
    }
    match vm_table::switch_vm(index as i64) {
        Ok(p) => {
            // SAFETY: `switch_vm` returned the VM this thread now holds.
            let vm = unsafe { &mut *p };
            install_hooks(vm);
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}

fn report_switch_error(msg: &str) {
    LAST_SWITCH_ERROR.with(|l| *l.borrow_mut() = CString::new(msg).unwrap_or_default());
    if let Some(vm) = current_vm() {
        let _ = vm.new_error(TP_RUNTIME_ERROR, msg);
    }
}

/// Initialize pocketpy and make VM 0 the current VM of this thread.
/// Calling it again (also after `py_finalize`) is allowed: a no-op while
/// this thread holds VM 0, else it (re)creates VM 0. When another thread
/// holds VM 0 the reason is printed to stderr and this thread has no VM.
#[no_mangle]
pub extern "C" fn py_initialize() {
    no_vm("py_initialize", || {
        if let Err(e) = switch(0) {
            misuse(&format!("py_initialize: {}", e));
        }
    })
}

/// Stop every ComputeThread and WorkerPool made with the C API (jobs not
/// yet started are cancelled; running jobs finish first), then free every
/// VM not held by another thread and release the current VM. Their handles
/// stay valid for `py_*_delete` only (other calls report that
/// `py_finalize` closed them); futures keep their results.
///
/// Afterwards every call that needs a VM reports "no current VM on this
/// thread" (see the safe values above) until `py_initialize` or
/// `py_switchvm`; references obtained before (`py_retval()`, registers,
/// items, modules) are dangling, like freed memory. Calling it twice is a
/// no-op. Called from a native function while Python code runs on this
/// thread, it is refused with a message on stderr.
#[no_mangle]
pub extern "C" fn py_finalize() {
    no_vm("py_finalize", || {
        if let Some(e) = running_vm("finalize") {
            misuse(&format!("py_finalize: {}", e));
        }
        super::threads::close_all();
        vm_table::release_current();
        for i in 0..MAX_VMS {
            if !vm_table::is_held(i) {
                let _ = vm_table::reset_vm(i);
            }
        }
    })
}

/// The index of the current VM, or -1 when this thread has none.
#[no_mangle]
pub extern "C" fn py_currentvm() -> c_int {
    no_vm("py_currentvm", || vm_table::current_index().map(|i| i as c_int).unwrap_or(-1))
}

/// Switch this thread to VM `index` (0..16), creating it on first use.
/// When the VM is held by another thread ("VM k is in use by thread A;
/// thread B cannot switch to it"), the index is out of range, or the
/// current VM runs Python code on this thread (a native function called
/// from Python), the switch is refused: the reason is printed to stderr,
/// set as a pending RuntimeError of the current VM (if any) and the current
/// VM is left unchanged; see `py_tryswitchvm`.
#[no_mangle]
pub extern "C" fn py_switchvm(index: c_int) {
    no_vm("py_switchvm", || {
        if let Err(e) = switch(index) {
            eprintln!("pocketpy: py_switchvm: {}", e);
            report_switch_error(&e);
        }
    })
}

/// Like `py_switchvm`, but quiet: returns false when the switch is refused;
/// the reason is in `py_lastswitcherror()` (and pending in the current VM).
#[no_mangle]
pub extern "C" fn py_tryswitchvm(index: c_int) -> bool {
    no_vm("py_tryswitchvm", || match switch(index) {
        Ok(()) => true,
        Err(e) => {
            report_switch_error(&e);
            false
        }
    })
}

/// Why the last `py_switchvm`/`py_tryswitchvm` of this thread was refused
/// ("" when none was). Valid until the next refused switch on this thread.
#[no_mangle]
pub extern "C" fn py_lastswitcherror() -> *const c_char {
    no_vm("py_lastswitcherror", || LAST_SWITCH_ERROR.with(|l| l.borrow().as_ptr()))
}

/// Reset the current VM to a fresh state. A no-op with a message on stderr
/// when this thread has no VM, or when the VM runs Python code on this
/// thread (a native function called from Python). References into the old
/// state are dangling afterwards.
#[no_mangle]
pub extern "C" fn py_resetvm() {
    no_vm("py_resetvm", || {
        let i = match vm_table::current_index() {
            Some(i) => i,
            None => misuse(&format!("py_resetvm: {}", NO_VM)),
        };
        if let Some(e) = running_vm("reset it") {
            misuse(&format!("py_resetvm: {}", e));
        }
        if let Err(e) = vm_table::reset_vm(i) {
            misuse(&format!("py_resetvm: {}", e));
        }
        if let Some(vm) = current_vm() {
            install_hooks(vm);
        }
    })
}

/// Reset every VM not held by another thread (refused, with a message on
/// stderr, while the current VM runs Python code on this thread).
#[no_mangle]
pub extern "C" fn py_resetallvm() {
    no_vm("py_resetallvm", || {
        if let Some(e) = running_vm("reset the VMs") {
            misuse(&format!("py_resetallvm: {}", e));
        }
        let cur = vm_table::current_index();
        for i in 0..MAX_VMS {
            if Some(i) == cur || !vm_table::is_held(i) {
                let _ = vm_table::reset_vm(i);
            }
        }
        if let Some(vm) = current_vm() {
            install_hooks(vm);
        }
    })
}

/// The host's context pointer of the current VM.
#[no_mangle]
pub extern "C" fn py_getvmctx() -> *mut c_void {
    with_vm("py_getvmctx", |vm| vm_table::get_ctx(vm.index) as *mut c_void)
}

/// Set the host's context pointer of the current VM.
#[no_mangle]
pub extern "C" fn py_setvmctx(ctx: *mut c_void) {
    with_vm("py_setvmctx", |vm| vm_table::set_ctx(vm.index, ctx as usize))
}

/// The callbacks of the current VM; assign its fields.
#[no_mangle]
pub extern "C" fn py_callbacks() -> *mut py_Callbacks {
    with_vm("py_callbacks", |vm| {
        install_hooks(vm);
        CALLBACKS.0[vm.index].get()
    })
}

/// Set `sys.argv`.
#[no_mangle]
pub extern "C" fn py_sys_setargv(argc: c_int, argv: *mut *mut c_char) {
    with_vm("py_sys_setargv", |vm| {
        let mut items = Vec::new();
        for i in 0..argc.max(0) as usize {
            if argv.is_null() {
                misuse("py_sys_setargv: argument 'argv' is NULL");
            }
            // SAFETY: the host passes `argc` valid string pointers.
            let p = unsafe { *argv.add(i) };
            let s = str_or_die(p, "py_sys_setargv", "argv[i]");
            items.push(vm.new_str(s));
        }
        let argv_list = vm.sys_argv;
        if let Some(l) = argv_list.list() {
            *l.borrow_mut() = items;
        }
    })
}

/// Run a full collection; returns the number of objects freed.
#[no_mangle]
pub extern "C" fn py_gc_collect() -> c_int {
    with_vm("py_gc_collect", |vm| vm.collect_garbage() as c_int)
}

#[no_mangle]
pub extern "C" fn py_malloc(size: usize) -> *mut c_void {
    // SAFETY: plain libc allocation.
    no_vm("py_malloc", || unsafe { libc::malloc(size) })
}

#[no_mangle]
pub extern "C" fn py_realloc(ptr: *mut c_void, size: usize) -> *mut c_void {
    // SAFETY: `ptr` is NULL or came from `py_malloc`/`py_realloc`.
    no_vm("py_realloc", || unsafe { libc::realloc(ptr, size) })
}

#[no_mangle]
pub extern "C" fn py_free(ptr: *mut c_void) {
    // SAFETY: `ptr` is NULL or came from `py_malloc`/`py_realloc` or from a
    // function documented as returning memory the caller frees.
    no_vm("py_free", || unsafe { libc::free(ptr) })
}

fn const_ref(i: usize, v: Value) -> py_GlobalRef {
    CONSTS.with(|c| {
        c[i].set(v);
        c[i].as_ptr()
    })
}

/// A reference to `True` (a thread-local copy: writing through it has no effect on others).
#[no_mangle]
pub extern "C" fn py_True() -> py_GlobalRef {
    const_ref(0, Value::TRUE)
}

/// A reference to `False`.
#[no_mangle]
pub extern "C" fn py_False() -> py_GlobalRef {
    const_ref(1, Value::FALSE)
}

/// A reference to `None`.
#[no_mangle]
pub extern "C" fn py_None() -> py_GlobalRef {
    const_ref(2, Value::NONE)
}

/// A reference to `nil` (not a valid Python object: "no value").
#[no_mangle]
pub extern "C" fn py_NIL() -> py_GlobalRef {
    const_ref(3, Value::NIL)
}

/// Allow (the default) or forbid the current VM's scripts the file system:
/// with `false`, `open()`, `import os` (also when imported earlier: it is
/// dropped from `sys.modules`), the functions of an `os` module imported
/// earlier (its `environ` is emptied), and importing modules or native
/// extensions from files raise errors. Modules the host
/// serves through `py_callbacks()->importfile` and the built-in modules
/// still import. ComputeThreads and WorkerPools created afterwards by this
/// VM (from Python or the C API) get the same setting on their VMs.
#[no_mangle]
pub extern "C" fn py_allowfilesystem(allow: bool) {
    with_vm("py_allowfilesystem", |vm| {
        vm.allow_fs = allow;
        if !allow {
            // An `os` imported earlier: `import os` is refused again, its
            // functions check when called, and its environment snapshot goes.
            let modules = vm.modules;
            let key = vm.new_str("os");
            if let Ok(Some(os)) = vm.dict_get(&modules, &key) {
                if let Some(env) = vm.attrs_get(&os, Name::new("environ")) {
                    if let Some(d) = env.dict() {
                        d.borrow_mut().clear();
                    }
                }
            }
            for name in ["os", "os.path"] {
                let key = vm.new_str(name);
                let _ = vm.dict_del(&modules, &key);
            }
            vm.exc = None;
        }
    })
}
