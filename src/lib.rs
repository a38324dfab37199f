//! pocketpy-rs: an embeddable Python 3 interpreter with pocketpy's C API
//! and threading model.
//!
//! Layers, bottom up: `compiler` (source to code objects) -> `vm` + `objects`
//! (one interpreter and its built-in types) -> `runtime` (process-wide: the
//! VM table, the name interner, threads) -> `modules` (built-in modules) ->
//! `capi` (the C ABI). See `docs/` and DESIGN.md.

pub mod capi;
pub mod compiler;
pub mod modules;
pub mod objects;
pub mod runtime;
pub mod vm;

pub use vm::value::Value;
pub use vm::{PyResult, Raised, Vm};
