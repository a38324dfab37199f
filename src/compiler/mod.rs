//! Source text to code objects. Knows nothing of the VM.
//!
//! `lexer` -> `parser` (AST in `ast`) -> `symtable` (scopes) -> `codegen`
//! (bytecode in `bytecode`). Errors are `CompileError`s with line and column.

pub mod ast;
pub mod bytecode;
#[cfg_attr(pkpy_stub, path = "../stubs/stub_codegen.rs")]
pub mod codegen;
pub mod error;
#[cfg_attr(pkpy_stub, path = "../stubs/stub_empty.rs")]
pub mod lexer;
#[cfg_attr(pkpy_stub, path = "../stubs/stub_parser.rs")]
pub mod parser;
#[cfg_attr(pkpy_stub, path = "../stubs/stub_empty.rs")]
pub mod symtable;

use std::sync::Arc;

pub use bytecode::CodeObject;
pub use error::{CompileError, CompileErrorKind};

/// What kind of source is compiled, as in CPython's `compile(..., mode)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` source: a sequence of statements.
    Exec,
    /// One expression; the code returns its value.
    Eval,
    /// One interactive statement (REPL): expression statements print their value.
    Single,
}

/// Compile `source` (named `filename` in errors and tracebacks).
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Arc<CodeObject>, CompileError> {
    let module = parser::parse(source, mode)?;
    codegen::generate(&module, source, filename, mode)
}
