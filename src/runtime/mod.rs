//! Process-wide state: the name interner (and, later, the VM table and threads).

pub mod names;
