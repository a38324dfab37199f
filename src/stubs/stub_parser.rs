//! Development stand-in (only with --cfg pkpy_stub).
use super::{ast, error::CompileError, Mode};
pub fn parse(source: &str, _mode: Mode) -> Result<ast::Module, CompileError> {
    Err(CompileError::syntax("parser not built", 1, 1, source))
}
