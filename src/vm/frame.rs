//! Call frames and generator state.
//!
//! A frame's locals live on the VM's value stack: `[locals (nlocals) | cells
//! (ncells) | operand stack ...]` starting at `base`. Python-to-Python calls
//! push a `Frame` and stay in the same eval loop.

use std::sync::Arc;

use crate::compiler::CodeObject;
use crate::runtime::names::Name;
use crate::vm::heap::ObjData;
use crate::vm::value::Value;

#[derive(Clone, Copy)]
pub struct Frame {
    /// What holds the code being run: the function (the same value as
    /// `func`), or a code object for module code, `exec` and `eval`. A GC
    /// root like the other values, so frames share the code without
    /// reference counting; read it with `code()`.
    pub code: Value,
    pub globals: Value,
    /// The locals dict of class bodies and `exec` with separate locals; else NIL.
    pub locals: Value,
    pub ip: usize,
    /// Index of the first local on the value stack.
    pub base: usize,
    /// Index of the first operand-stack slot (base + nlocals + ncells).
    pub stack_base: usize,
    /// Length of the VM's handled-exception stack when the frame started.
    pub handling_depth: usize,
    /// The eval loop that runs this frame returns to Rust when it returns.
    pub is_entry: bool,
    /// Unique id (traceback bookkeeping).
    pub id: u64,
    /// Where the caller wants the result: the stack slot of the callable.
    pub ret_slot: usize,
    /// The generator object this frame belongs to; or, for an `__init__`
    /// run by a class call, the new instance, which the call returns (the
    /// frame itself must return None); else NIL.
    pub owner: Value,
}

/// The code held by a frame's `code` value (see `Frame::code`).
#[inline(always)]
pub fn code_of(holder: &Value) -> &Arc<CodeObject> {
    match &holder.obj().data {
        ObjData::Function(f) => &f.code,
        ObjData::Code(c) => c,
        _ => unreachable!("a frame's code is held by a function or a code object"),
    }
}

impl Frame {
    /// The code this frame runs.
    #[inline(always)]
    pub fn code(&self) -> &Arc<CodeObject> {
        code_of(&self.code)
    }

    /// The function being run (the code's holder when that is a function;
    /// NIL for module code, `exec` and `eval`).
    #[inline(always)]
    pub fn func(&self) -> Value {
        if self.code.ty() == crate::vm::value::TP_FUNCTION { self.code } else { Value::NIL }
    }

    /// Set up a generator's frame to run with its locals at `base` (then
    /// `nslots` locals and cells), on behalf of generator `owner`, as an
    /// entry frame or one the running eval loop takes over.
    #[inline(always)]
    pub fn place(&mut self, base: usize, nslots: usize, owner: Value, is_entry: bool, handling_depth: usize, id: u64) {
        self.base = base;
        self.stack_base = base + nslots;
        self.ret_slot = base;
        self.is_entry = is_entry;
        self.owner = owner;
        self.handling_depth = handling_depth;
        self.id = id;
    }

    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.push(self.code);
        out.push(self.globals);
        out.push(self.locals);
        out.push(self.owner);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenStatus {
    Created,
    Suspended,
    Running,
    Done,
}

/// A generator: its frame and the stack slice it owned. While the generator
/// runs, a copy of `frame` is on the VM's frame stack (placed at the stack
/// top); a yield writes back only `ip`, the one field that changes while it
/// runs, and the slice.
pub struct GenState {
    pub frame: Frame,
    /// Locals, cells and operand stack of the suspended frame.
    pub saved: Vec<Value>,
    pub status: GenStatus,
    pub name: Name,
    pub qualname: String,
}

impl GenState {
    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        self.frame.trace(out);
        out.extend_from_slice(&self.saved);
    }
}
