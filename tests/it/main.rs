//! Integration tests, built as one binary: they drive the `pkpy` command.

mod cli;
mod c_examples;
mod common;
mod gc_memory;
mod hostile;
mod python_scripts;
mod worldgen_demo;
