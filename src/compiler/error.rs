//! Compile-time errors: `SyntaxError` and `IndentationError` with their place.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
}

impl CompileErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub msg: String,
    /// 1-based line number.
    pub line: u32,
    /// 1-based column (in characters), as CPython's `SyntaxError.offset`.
    pub col: u32,
    /// The offending source line, without its line terminator.
    pub text: String,
}

impl CompileError {
    pub fn new(kind: CompileErrorKind, msg: impl Into<String>, line: u32, col: u32, source: &str) -> Self {
        let text = source
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .unwrap_or("")
            .to_string();
        CompileError { kind, msg: msg.into(), line, col, text }
    }

    pub fn syntax(msg: impl Into<String>, line: u32, col: u32, source: &str) -> Self {
        Self::new(CompileErrorKind::SyntaxError, msg, line, col, source)
    }

    /// CPython's layout:
    /// ```text
    ///   File "x.py", line 3
    ///     x = (1,
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn format(&self, filename: &str) -> String {
        let mut s = format!("  File \"{}\", line {}\n", filename, self.line);
        if !self.text.trim().is_empty() {
            let trimmed = self.text.trim_start();
            let indent = self.text.chars().count() - trimmed.chars().count();
            s.push_str("    ");
            s.push_str(trimmed.trim_end());
            s.push('\n');
            let caret = (self.col as usize).saturating_sub(1).saturating_sub(indent);
            s.push_str("    ");
            s.push_str(&" ".repeat(caret));
            s.push_str("^\n");
        }
        s.push_str(&format!("{}: {}", self.kind.name(), self.msg));
        s
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {}, column {})", self.kind.name(), self.msg, self.line, self.col)
    }
}

impl std::error::Error for CompileError {}
