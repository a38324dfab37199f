//! `bytes`: constructor and methods.

use crate::vm::Vm;

pub fn register(_vm: &mut Vm) {}
