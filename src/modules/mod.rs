//! Built-in modules. `builtins` is made at VM start; the others are created
//! on first import (`Vm::lazy_modules`).

pub mod base64;
pub mod builtins;
pub mod io;
pub mod json;
pub mod math;
pub mod os;
pub mod pickle;
pub mod pkpy;
pub mod pool;
pub mod pylib;
pub mod queue;
pub mod random;
pub mod re;
pub mod sys;
pub mod threading;
pub mod time;
pub mod traceback;

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
    pylib::register(vm);
    json::register(vm);
    base64::register(vm);
    os::register(vm);
    traceback::register(vm);
    re::register(vm);
    threading::register(vm);
    queue::register(vm);
}
