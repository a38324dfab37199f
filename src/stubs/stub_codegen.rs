//! Development stand-in (only with --cfg pkpy_stub).
use std::sync::Arc;
use super::{ast, bytecode::CodeObject, error::CompileError, Mode};
pub fn generate(_m: &ast::Module, source: &str, _f: &str, _mode: Mode) -> Result<Arc<CodeObject>, CompileError> {
    Err(CompileError::syntax("codegen not built", 1, 1, source))
}
