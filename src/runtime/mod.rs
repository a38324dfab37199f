//! Process-wide state: the name interner, the VM table, ComputeThreads and
//! the pickle wire format, the shared primitives of `threading` and `queue`.
//! The only module that spawns threads.

pub mod compute_thread;
pub mod names;
pub mod sync;
pub mod vm_table;
pub mod wire;
