//! Built-in modules. `builtins` is made at VM start; the others are created
//! on first import (`Vm::lazy_modules`).

pub mod builtins;
pub mod io;
pub mod sys;

use crate::vm::Vm;

/// Create the `builtins` module and register the lazily created modules.
pub fn init_builtins(vm: &mut Vm) {
    builtins::init(vm);
    sys::register(vm);
    io::register(vm);
}
