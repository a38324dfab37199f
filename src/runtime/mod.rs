//! Process-wide state: the name interner, the VM table, ComputeThreads,
//! worker pools, the shared primitives of `threading` and `queue`, and the
//! pickle wire format. The only module that spawns threads.

pub mod compute_thread;
pub mod names;
pub mod sync;
pub mod vm_table;
pub mod wire;
pub mod worker_pool;
