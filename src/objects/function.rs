//! Function objects: Python functions, native functions and bound methods.

use std::sync::Arc;

use crate::compiler::CodeObject;
use crate::runtime::names::Name;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub struct Function {
    pub code: Arc<CodeObject>,
    /// The module (or globals dict) the function was defined in.
    pub globals: Value,
    /// Positional defaults (for the last parameters).
    pub defaults: Box<[Value]>,
    /// Keyword-only defaults: a dict, or NIL.
    pub kwdefaults: Value,
    /// Cells for `code.freevars`.
    pub closure: Box<[Value]>,
    /// `__annotations__`: a dict or NIL.
    pub annotations: Value,
    /// The code's constants as values, filled as LOAD_CONST first meets
    /// them (from the VM's per-code cache, so every function of one code
    /// object sees the same objects); NIL where not yet loaded.
    pub consts: std::cell::RefCell<Vec<Value>>,
}

impl Function {
    /// Constant `i` of the code, if loaded before.
    #[inline]
    pub fn const_at(&self, i: usize) -> Option<Value> {
        let c = self.consts.try_borrow().ok()?;
        c.get(i).copied().filter(|v| !v.is_nil())
    }

    /// Remember constant `i` of the code.
    pub fn set_const(&self, i: usize, v: Value) {
        if let Ok(mut c) = self.consts.try_borrow_mut() {
            if c.is_empty() {
                c.resize(self.code.consts.len(), Value::NIL);
            }
            if let Some(slot) = c.get_mut(i) {
                *slot = v;
            }
        }
    }

    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        if let Ok(c) = self.consts.try_borrow() {
            out.extend_from_slice(&c);
        }
        out.push(self.globals);
        out.extend_from_slice(&self.defaults);
        out.push(self.kwdefaults);
        out.extend_from_slice(&self.closure);
        out.push(self.annotations);
    }
}

/// A native function taking positional arguments only.
pub type NativeFn = fn(&mut Vm, &[Value]) -> PyResult<Value>;
/// A native function that also takes keyword arguments.
pub type NativeFnKw = fn(&mut Vm, &[Value], &[(Name, Value)]) -> PyResult<Value>;
/// A C host's function: `bool f(int argc, py_Ref argv)`, result in `py_retval()`.
pub type CFunction = unsafe extern "C" fn(argc: std::ffi::c_int, argv: *mut Value) -> bool;

#[derive(Clone, Copy)]
pub enum NativeKind {
    Pos(NativeFn),
    Kw(NativeFnKw),
    C(CFunction),
}

pub struct NativeFunc {
    pub name: Name,
    pub kind: NativeKind,
    /// Exact positional argument count, or -1 for any (checked before the call).
    pub argc: i32,
    /// Extra state a native closure carries (functools.partial, C bindings, ...).
    pub data: Value,
    pub doc: Option<&'static str>,
}

impl NativeFunc {
    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.push(self.data);
    }
}

#[derive(Clone, Copy)]
pub struct BoundMethod {
    pub self_: Value,
    pub func: Value,
}
