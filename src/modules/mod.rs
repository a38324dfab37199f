//! Built-in modules. `builtins` is made at VM start; the others are created
//! on first import (`Vm::lazy_modules`).

pub mod builtins;
pub mod io;
pub mod math;
pub mod pickle;
pub mod pkpy;
pub mod queue;
pub mod random;
pub mod sys;
pub mod threading;
pub mod time;

use crate::vm::Vm;

/// Create the `builtins` module and register the lazily created modules.
pub fn init_builtins(vm: &mut Vm) {
    builtins::init(vm);
    sys::register(vm);
    io::register(vm);
    math::register(vm);
    random::register(vm);
    time::register(vm);
    crate::objects::int::register_builtins(vm);
    pickle::register(vm);
    pkpy::register(vm);
    threading::register(vm);
    queue::register(vm);
}
