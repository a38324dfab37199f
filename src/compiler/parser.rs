//! Recursive-descent parser: tokens to the AST in `ast`, following CPython 3.11's
//! grammar (minus async/await: "async/await is not supported") and its error
//! messages and positions where a well-known one exists (checked against
//! CPython on the standard library and on randomly mutated sources).
//!
//! API: [`parse`] (the entry point), plus [`expr_depth`] / [`for_each_child`]
//! (iterative helpers over expressions) and the nesting limits below.
//!
//! # Nesting limits
//! The parser and the code that walks the AST recursively must not overflow
//! a 2 MiB stack:
//! * the lexer rejects more than 200 open brackets ("too many nested
//!   parentheses") and more than 99 indentation levels ("too many levels of
//!   indentation", an IndentationError), as CPython does;
//! * Rust recursion here (brackets, lambdas, blocks, patterns, f-string
//!   fields) is counted and limited to [`MAX_RECURSION`] ("too deeply
//!   nested"). The recursive functions keep small fast paths and box their
//!   errors, so the worst case (200 nested comprehensions) takes about 1 MiB
//!   of stack unoptimised and about 0.4 MiB at opt-level 1;
//! * chains parsed iteratively that build nested nodes (binary operators,
//!   unary operators, `**`, `not`, conditional expressions,
//!   attribute/call/subscript trailers) are measured exactly: an expression
//!   deeper than [`MAX_EXPR_DEPTH`] is rejected ("expression too complex").
//!   So a flat `1 + 1 + ... + 1` of up to ~1000 terms is accepted as a
//!   left-deep `BinOp` tree (CPython accepts a few thousand);
//! * `elif` chains nest `If` statements: statement nesting (blocks plus
//!   `elif`s) is limited to [`MAX_STMT_DEPTH`] ("too deeply nested").
//!
//! # Which error is reported
//! As in CPython: the first parser error, unless the tokenizer found a
//! "hard" error (bad string, number, character or bracket) anywhere in the
//! source, which wins over any parser error but "unexpected indent"; "soft"
//! tokenizer errors (indentation, line continuation) show only when the
//! parser gets there. An unclosed bracket at the end of input turns a later
//! parser error into "'(' was never closed". Errors that CPython reports
//! from its compiler ('break' outside loop, 'return' outside function,
//! keyword argument repeated, duplicate argument, starred assignment target
//! errors, `__debug__` assignment, match pattern checks, ...) are deferred:
//! any syntax error wins over them. "'yield' outside function" and
//! global/nonlocal checks are left to the code generator / symbol table.

use super::ast::*;
use super::error::{CompileError, CompileErrorKind};
use super::lexer::{self, Kw, Op, StrInfo, Tok, Token};
use super::Mode;

/// Limit of counted Rust recursion (brackets, lambdas, blocks, patterns).
pub const MAX_RECURSION: u32 = 300;
/// Limit of the depth of an expression tree built by iterative chains.
pub const MAX_EXPR_DEPTH: usize = 1000;
/// Limit of statement nesting (blocks plus `elif` chains).
pub const MAX_STMT_DEPTH: u32 = 300;

/// Errors are boxed inside the parser to keep `Result` temporaries (and so
/// the stack frames of the recursive functions) small.
type PErr = Box<CompileError>;

/// An element index for `expect_closer` that disables the comma hint.
const NO_HINT: usize = usize::MAX;
type PResult<T> = Result<T, PErr>;

/// Parse `source` as a module (`Exec`), a single expression (`Eval`: the body
/// is one `StmtKind::Expr`) or one interactive input (`Single`).
pub fn parse(source: &str, mode: Mode) -> Result<Module, CompileError> {
    parse_inner(source, mode).map_err(|e| CompileError::new(e.kind, e.msg, e.line, e.col, source))
}

fn parse_inner(source: &str, mode: Mode) -> Result<Module, CompileError> {
    let lexed = lexer::tokenize(source)?;
    let mut p = Parser::new(source, lexed.tokens);
    p.lex_error = lexed.error.as_ref().map(|e| e.error.clone());
    let res = match mode {
        Mode::Exec => p.parse_file(),
        Mode::Eval => p.parse_eval(),
        Mode::Single => p.parse_single(),
    };
    match res {
        Ok(body) => match p.deferred.take() {
            Some(e) => Err(*e),
            None => Ok(Module { body }),
        },
        Err(e) => {
            let e = *e;
            if let Some(le) = lexed.error {
                // The parser failed before reaching the tokenizer error: as in
                // CPython, a hard tokenizer error still wins, except over an
                // unexpected indent/unindent.
                let indent = e.msg == "unexpected indent" || e.msg == "unexpected unindent";
                let t = p.toks.last().unwrap();
                let reached = (e.line, e.col) > (t.line, t.col);
                if e == le.error || reached || (le.hard && !indent) {
                    return Err(le.error);
                }
                return Err(e);
            }
            if let Some((c, line, col)) = lexed.unclosed {
                // CPython reports the unclosed bracket when the parser failed at
                // the end of the input or on a later line (and, because its
                // parser reads ahead there, for the "forgot a comma" hint).
                let end = p.toks.last().unwrap();
                let at_eof = e.line == end.line && e.col == end.col + 1;
                let after = e.line > line || (e.line == line && e.col > col);
                let at_bracket =
                    e.line == line && e.col == col + 1 && p.bracket_may_start_expr(line, col);
                let hint =
                    e.msg.ends_with("Perhaps you forgot a comma?") && p.hint_lookahead_line > line;
                if e.kind == CompileErrorKind::SyntaxError
                    && after
                    && (at_eof || at_bracket || e.line > line || hint)
                {
                    return Err(CompileError::syntax(
                        format!("'{}' was never closed", c),
                        line,
                        col + 1,
                        source,
                    ));
                }
            }
            Err(e)
        }
    }
}

/// Depth of an expression tree (a leaf is 1), computed without recursion.
pub fn expr_depth(e: &Expr) -> usize {
    let mut max = 0;
    let mut stack: Vec<(&Expr, usize)> = vec![(e, 1)];
    while let Some((e, d)) = stack.pop() {
        if d > max {
            max = d;
        }
        for_each_child(e, &mut |c| stack.push((c, d + 1)));
    }
    max
}

fn fstring_children<'a>(parts: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
    for part in parts {
        if let FStringPart::Value { expr, spec, .. } = part {
            f(expr);
            if let Some(spec) = spec {
                fstring_children(spec, f);
            }
        }
    }
}

fn arguments_children<'a>(a: &'a Arguments, f: &mut dyn FnMut(&'a Expr)) {
    for d in &a.defaults {
        f(d);
    }
    for d in a.kw_defaults.iter().flatten() {
        f(d);
    }
    for arg in a
        .posonly
        .iter()
        .chain(&a.args)
        .chain(&a.kwonly)
        .chain(&a.vararg)
        .chain(&a.kwarg)
    {
        if let Some(ann) = &arg.annotation {
            f(ann);
        }
    }
}

fn args_depth(args: &[Expr], keywords: &[Keyword]) -> usize {
    let mut d = 0;
    for a in args {
        d = d.max(expr_depth(a));
    }
    for k in keywords {
        d = d.max(expr_depth(&k.value));
    }
    d
}

/// Call `f` on each direct sub-expression of `e`.
pub fn for_each_child<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    use ExprKind as K;
    match &e.kind {
        K::Name(_)
        | K::Int(_)
        | K::BigInt(_)
        | K::Float(_)
        | K::Imag(_)
        | K::Str(_)
        | K::Bytes(_)
        | K::True
        | K::False
        | K::None
        | K::Ellipsis => {}
        K::JoinedStr(parts) => fstring_children(parts, f),
        K::Tuple(v) | K::List(v) | K::Set(v) => v.iter().for_each(f),
        K::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    f(k);
                }
                f(v);
            }
        }
        K::Starred(x)
        | K::Attribute(x, _)
        | K::UnaryOp(_, x)
        | K::NamedExpr(_, x)
        | K::YieldFrom(x) => f(x),
        K::Subscript(a, b) | K::BinOp(a, _, b) => {
            f(a);
            f(b);
        }
        K::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                f(x);
            }
        }
        K::Call {
            func,
            args,
            keywords,
        } => {
            f(func);
            args.iter().for_each(&mut *f);
            for k in keywords {
                f(&k.value);
            }
        }
        K::BoolOp(_, v) => v.iter().for_each(f),
        K::Compare(a, rest) => {
            f(a);
            for (_, x) in rest {
                f(x);
            }
        }
        K::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        K::Lambda(args, body) => {
            arguments_children(args, f);
            f(body);
        }
        K::ListComp(x, comps) | K::SetComp(x, comps) | K::GeneratorExp(x, comps) => {
            f(x);
            comps_children(comps, f);
        }
        K::DictComp(k, v, comps) => {
            f(k);
            f(v);
            comps_children(comps, f);
        }
        K::Yield(x) => {
            if let Some(x) = x {
                f(x);
            }
        }
    }
}

fn comps_children<'a>(comps: &'a [Comprehension], f: &mut dyn FnMut(&'a Expr)) {
    for c in comps {
        f(&c.target);
        f(&c.iter);
        c.ifs.iter().for_each(&mut *f);
    }
}

/// The name CPython uses for an expression kind in "cannot assign to ..." messages.
fn expr_name(e: &Expr) -> &'static str {
    use ExprKind as K;
    match &e.kind {
        K::Attribute(..) => "attribute",
        K::Subscript(..) => "subscript",
        K::Starred(_) => "starred",
        K::Name(_) => "name",
        K::List(_) => "list",
        K::Tuple(_) => "tuple",
        K::Lambda(..) => "lambda",
        K::Call { .. } => "function call",
        K::BoolOp(..) | K::BinOp(..) | K::UnaryOp(..) => "expression",
        K::GeneratorExp(..) => "generator expression",
        K::Yield(_) | K::YieldFrom(_) => "yield expression",
        K::ListComp(..) => "list comprehension",
        K::SetComp(..) => "set comprehension",
        K::DictComp(..) => "dict comprehension",
        K::Dict(_) => "dict literal",
        K::Set(_) => "set display",
        K::JoinedStr(_) => "f-string expression",
        K::None => "None",
        K::True => "True",
        K::False => "False",
        K::Ellipsis => "ellipsis",
        K::Int(_) | K::BigInt(_) | K::Float(_) | K::Imag(_) | K::Str(_) | K::Bytes(_) => "literal",
        K::Compare(..) => "comparison",
        K::IfExp { .. } => "conditional expression",
        K::NamedExpr(..) => "named expression",
        K::Slice(..) => "slice",
    }
}

/// Whether `e` is produced by CPython's `bitwise_or` rule (no comparison,
/// boolean operator, `not`, conditional, lambda, walrus, star or yield).
fn is_bitor_level(e: &Expr) -> bool {
    use ExprKind as K;
    !matches!(
        &e.kind,
        K::Compare(..)
            | K::BoolOp(..)
            | K::UnaryOp(UnaryOp::Not, _)
            | K::IfExp { .. }
            | K::Lambda(..)
            | K::NamedExpr(..)
            | K::Starred(_)
            | K::Yield(_)
            | K::YieldFrom(_)
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetCtx {
    Assign,
    Del,
    For,
    With,
    Comp,
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    /// Counted Rust recursion.
    depth: u32,
    /// Statement nesting of the block being parsed (elif chains included).
    stmt_depth: u32,
    in_func: bool,
    in_loop: bool,
    /// > 0 while parsing the expression of an f-string replacement field.
    fstring: u32,
    /// The first compile-time (not parse-time) error found.
    deferred: Option<PErr>,
    /// Set when a `match <subject>` line without ':' was seen, so that a
    /// failing statement reports "expected ':'" as CPython does.
    match_missing_colon: Option<Pos>,
    /// End position of the f-string token being parsed (CPython reports
    /// f-string scanning errors there).
    fstring_end: Pos,
    /// The tokenizer error at the `Error` token ending the stream, if any.
    lex_error: Option<CompileError>,
    /// For a "forgot a comma" hint: the line of the token after the start of
    /// the second expression (where CPython's parser had looked ahead to).
    hint_lookahead_line: u32,
    /// A better message for a failing statement that started like a `match`
    /// statement (`match x = 1`).
    match_fallback: Option<PErr>,
}

/// Precedence levels of the expression grammar, tightest first (`Factor`:
/// unary operators and `**`; `BitOr`: all binary operators; `Cmp`:
/// comparisons; `Not`; `And`; `Or`; `IfExp`: conditional expressions and
/// lambdas).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Factor,
    BitOr,
    Cmp,
    Not,
    And,
    Or,
    IfExp,
}

/// Parameters collected so far in a `def` or `lambda`.
struct ParamState {
    a: Arguments,
    lambda: bool,
    closer: Op,
    seen_slash: bool,
    seen_star: bool,
    bare_star: Option<Pos>,
    seen_default: bool,
    names: std::collections::HashSet<String>,
}

/// One `unaries primary` segment of a `**` chain, with the primary's start.
type FactorSeg = (Vec<(UnaryOp, Pos)>, Expr, Pos);

/// Arguments collected so far in a call.
struct ArgState {
    args: Vec<Expr>,
    keywords: Vec<Keyword>,
    seen_kw: bool,
    seen_dstar: bool,
    /// A positional argument came after a keyword one (the error message).
    late_positional: Option<&'static str>,
}

fn binop_of(op: Op) -> Option<(BinOp, u8)> {
    Some(match op {
        Op::VBar => (BinOp::BitOr, 1),
        Op::Circumflex => (BinOp::BitXor, 2),
        Op::Amper => (BinOp::BitAnd, 3),
        Op::LeftShift => (BinOp::LShift, 4),
        Op::RightShift => (BinOp::RShift, 4),
        Op::Plus => (BinOp::Add, 5),
        Op::Minus => (BinOp::Sub, 5),
        Op::Star => (BinOp::Mul, 6),
        Op::Slash => (BinOp::Div, 6),
        Op::DoubleSlash => (BinOp::FloorDiv, 6),
        Op::Percent => (BinOp::Mod, 6),
        Op::At => (BinOp::MatMul, 6),
        _ => return None,
    })
}

fn augop_of(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEqual => BinOp::Add,
        Op::MinEqual => BinOp::Sub,
        Op::StarEqual => BinOp::Mul,
        Op::AtEqual => BinOp::MatMul,
        Op::SlashEqual => BinOp::Div,
        Op::PercentEqual => BinOp::Mod,
        Op::AmperEqual => BinOp::BitAnd,
        Op::VBarEqual => BinOp::BitOr,
        Op::CircumflexEqual => BinOp::BitXor,
        Op::LeftShiftEqual => BinOp::LShift,
        Op::RightShiftEqual => BinOp::RShift,
        Op::DoubleStarEqual => BinOp::Pow,
        Op::DoubleSlashEqual => BinOp::FloorDiv,
        _ => return None,
    })
}

fn mk(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, toks: Vec<Token>) -> Self {
        Parser {
            src,
            toks,
            pos: 0,
            depth: 0,
            stmt_depth: 0,
            in_func: false,
            in_loop: false,
            fstring: 0,
            deferred: None,
            match_missing_colon: None,
            fstring_end: Pos::default(),
            lex_error: None,
            hint_lookahead_line: 0,
            match_fallback: None,
        }
    }

    // ----- token access -------------------------------------------------

    #[inline]
    fn tok(&self) -> &Token {
        &self.toks[self.pos]
    }

    #[inline]
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }

    #[inline]
    fn peek_n(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i].tok
    }

    #[inline]
    fn bump(&mut self) -> usize {
        let i = self.pos;
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        i
    }

    #[inline]
    fn at_op(&self, op: Op) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    #[inline]
    fn at_kw(&self, kw: Kw) -> bool {
        matches!(self.peek(), Tok::Kw(k) if *k == kw)
    }

    #[inline]
    fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    #[inline]
    fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    #[inline]
    fn at_name(&self) -> bool {
        matches!(self.peek(), Tok::Name)
    }

    fn text(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.src[t.start..t.end]
    }

    /// The (normalised) identifier of Name token `i`.
    fn ident(&self, i: usize) -> String {
        lexer::normalize_identifier(self.text(i)).into_owned()
    }

    fn pos_of(&self, i: usize) -> Pos {
        let t = &self.toks[i];
        Pos {
            line: t.line,
            col: t.col,
        }
    }

    fn cur_pos(&self) -> Pos {
        self.pos_of(self.pos)
    }

    // ----- errors -------------------------------------------------------

    #[cold]
    #[inline(never)]
    fn err_at(&self, pos: Pos, msg: impl Into<String>) -> PErr {
        let mut msg = msg.into();
        if self.fstring > 0 && !msg.starts_with("f-string") {
            msg = format!("f-string: {}", msg);
        }
        // The source line is filled in by `parse` (errors of speculative
        // parses are discarded, and finding a line is O(source size)).
        Box::new(CompileError {
            kind: CompileErrorKind::SyntaxError,
            msg,
            line: pos.line,
            col: pos.col + 1,
            text: String::new(),
        })
    }

    #[cold]
    #[inline(never)]
    fn err_here(&self, msg: impl Into<String>) -> PErr {
        self.err_at(self.cur_pos(), msg)
    }

    #[cold]
    #[inline(never)]
    fn indent_error(&self, msg: impl Into<String>, line: u32, col1: u32) -> PErr {
        Box::new(CompileError {
            kind: CompileErrorKind::IndentationError,
            msg: msg.into(),
            line,
            col: col1,
            text: String::new(),
        })
    }

    /// The error for an unexpected current token.
    #[cold]
    #[inline(never)]
    fn unexpected(&self) -> PErr {
        let t = self.tok();
        match &t.tok {
            Tok::Error => {
                if let Some(e) = &self.lex_error {
                    return Box::new(e.clone());
                }
                self.err_here("invalid syntax")
            }
            Tok::Indent => self.indent_error("unexpected indent", t.line, t.col),
            Tok::Dedent => {
                // At the end of input (where CPython's DEDENT has no column) the
                // offset is one past the end of the last line.
                let at_end = self.toks[self.pos..]
                    .iter()
                    .all(|t| matches!(t.tok, Tok::Dedent | Tok::EndMarker));
                self.indent_error("unexpected unindent", t.line, t.col + at_end as u32)
            }
            Tok::Kw(Kw::Async) | Tok::Kw(Kw::Await) => {
                self.err_here("async/await is not supported")
            }
            _ => self.err_here("invalid syntax"),
        }
    }

    fn defer(&mut self, e: PErr) {
        if self.deferred.is_none() {
            self.deferred = Some(e);
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_RECURSION {
            return Err(self.err_here("too deeply nested"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    #[cold]
    #[inline(never)]
    fn too_complex(&self, pos: Pos) -> PErr {
        self.err_at(pos, "expression too complex")
    }

    /// Run `f`; on error, rewind and return None.
    fn try_parse<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
        let (pos, depth, sd, fs) = (self.pos, self.depth, self.stmt_depth, self.fstring);
        let deferred = self.deferred.clone();
        match f(self) {
            Ok(v) => Some(v),
            Err(_) => {
                self.pos = pos;
                self.depth = depth;
                self.stmt_depth = sd;
                self.fstring = fs;
                self.deferred = deferred;
                None
            }
        }
    }

    /// For an error at the unclosed bracket (`line`, `col`): whether CPython's
    /// error pass would read into it as the start of a juxtaposed expression
    /// (`f(x) {...`), reaching the end of input.
    fn bracket_may_start_expr(&self, line: u32, col: u32) -> bool {
        let Some(i) = self
            .toks
            .iter()
            .position(|t| t.line == line && t.col == col)
        else {
            return false;
        };
        if i == 0 {
            return false;
        }
        let prev_ok = match &self.toks[i - 1].tok {
            Tok::Name
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(k, Kw::True | Kw::False | Kw::None),
            Tok::Op(o) => matches!(o, Op::RPar | Op::RSqb | Op::RBrace),
            _ => false,
        };
        // Not in an import statement.
        let mut j = i - 1;
        while j > 0
            && !matches!(
                self.toks[j - 1].tok,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
        {
            j -= 1;
        }
        prev_ok && !matches!(self.toks[j].tok, Tok::Kw(Kw::Import) | Tok::Kw(Kw::From))
    }

    /// Like `try_parse`, keeping the error.
    fn try_parse_err<T>(
        &mut self,
        err: &mut Option<PErr>,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> Option<T> {
        let mut captured = None;
        let r = self.try_parse(|p| {
            let r = f(p);
            if let Err(e) = &r {
                captured = Some(e.clone());
            }
            r
        });
        *err = captured;
        r
    }

    fn expect_op(&mut self, op: Op) -> PResult<usize> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            Err(self.unexpected())
        }
    }

    /// `:` ending a compound statement header. `forced` mirrors CPython's
    /// `&&':'`: "expected ':'" wherever the colon is missing; otherwise only
    /// when the line ends there.
    fn expect_colon(&mut self, forced: bool) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if forced || matches!(self.peek(), Tok::Newline) {
            Err(self.err_here("expected ':'"))
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_name(&mut self) -> PResult<(String, Pos)> {
        if self.at_name() {
            let i = self.bump();
            Ok((self.ident(i), self.pos_of(i)))
        } else {
            Err(self.unexpected())
        }
    }

    /// Whether the current token can start an expression.
    fn can_start_expr(&self) -> bool {
        match self.peek() {
            Tok::Name
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(
                k,
                Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda | Kw::Await
            ),
            Tok::Op(o) => matches!(
                o,
                Op::LPar
                    | Op::LSqb
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Ellipsis
                    | Op::Star
            ),
            _ => false,
        }
    }

    /// The error when a separator or closing bracket was expected after an
    /// element that started at token `elem`: CPython's "Perhaps you forgot a
    /// comma?" when another expression follows directly.
    #[cold]
    #[inline(never)]
    fn sep_error(&mut self, elem: usize) -> PErr {
        if elem != NO_HINT
            && elem < self.pos
            && self.tok().level > 0
            && self.starts_juxtaposed(self.pos)
        {
            let first = &self.toks[elem];
            let soft =
                matches!(first.tok, Tok::Name) && matches!(self.text(elem), "match" | "case" | "_");
            let name_str =
                matches!(first.tok, Tok::Name) && matches!(self.toks[elem + 1].tok, Tok::Str(_));
            let mut at = elem;
            if name_str {
                // CPython's rule skips `name "string"` (legacy print) and tries
                // again at the string: `f(a's' b)` gets the hint at `'s'`.
                if self.pos != elem + 1 {
                    return self.unexpected();
                }
                at = elem + 1;
                let mut j = at;
                while matches!(self.toks[j].tok, Tok::Str(_)) {
                    j += 1;
                }
                if !self.starts_juxtaposed(j) {
                    return self.unexpected();
                }
                return self.comma_hint(at, j);
            }
            if !soft {
                return self.comma_hint(at, self.pos);
            }
        }
        self.unexpected()
    }

    /// Whether token `i` can start an expression juxtaposed to a previous one.
    fn starts_juxtaposed(&self, i: usize) -> bool {
        match &self.toks[i].tok {
            Tok::Name
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(k, Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda),
            Tok::Op(o) => matches!(o, Op::LBrace | Op::Tilde | Op::Ellipsis | Op::LSqb),
            _ => false,
        }
    }

    /// "Perhaps you forgot a comma?" for the expression at token `a`, followed
    /// by the expression starting at token `b`.
    #[cold]
    #[inline(never)]
    fn comma_hint(&mut self, a: usize, b: usize) -> PErr {
        // Replaced by "'(' was never closed" only if CPython's parser had read
        // past this line (see `parse`).
        let next = &self.toks[(b + 1).min(self.toks.len() - 1)];
        self.hint_lookahead_line = if matches!(next.tok, Tok::EndMarker) {
            u32::MAX
        } else {
            next.line
        };
        self.err_at(
            self.pos_of(a),
            "invalid syntax. Perhaps you forgot a comma?",
        )
    }

    fn expect_closer(&mut self, op: Op, elem: usize) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.sep_error(elem))
        }
    }

    // ----- entry points -------------------------------------------------

    fn parse_file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !matches!(self.peek(), Tok::EndMarker) {
            self.parse_statement(&mut body)?;
        }
        Ok(body)
    }

    fn parse_eval(&mut self) -> PResult<Vec<Stmt>> {
        // Like builtins.eval(), tolerate leading indentation.
        while matches!(self.peek(), Tok::Indent) {
            self.bump();
        }
        let start = self.cur_pos();
        let first = self.parse_expression()?;
        let e = if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.can_start_expr() || self.at_op(Op::Star) {
                    break;
                }
                elts.push(self.parse_expression()?);
            }
            mk(ExprKind::Tuple(elts), start)
        } else {
            first
        };
        while matches!(self.peek(), Tok::Newline | Tok::Dedent) {
            self.bump();
        }
        if !matches!(self.peek(), Tok::EndMarker) {
            return Err(self.unexpected());
        }
        let pos = e.pos;
        Ok(vec![Stmt {
            kind: StmtKind::Expr(e),
            pos,
        }])
    }

    fn parse_single(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if matches!(self.peek(), Tok::EndMarker) {
            return Ok(body);
        }
        self.parse_statement(&mut body)?;
        if !matches!(self.peek(), Tok::EndMarker) {
            let prev = &self.toks[self.pos - 1];
            if prev.tok == Tok::Newline {
                let p = self.pos_of(self.pos - 1);
                return Err(self.err_at(
                    p,
                    "multiple statements found while compiling a single statement",
                ));
            }
            return Err(self.unexpected());
        }
        Ok(body)
    }

    // ----- statements ---------------------------------------------------

    fn parse_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.peek() {
            Tok::Kw(Kw::If) => self.parse_if(out),
            Tok::Kw(Kw::While) => self.parse_while(out),
            Tok::Kw(Kw::For) => self.parse_for(out),
            Tok::Kw(Kw::Try) => self.parse_try(out),
            Tok::Kw(Kw::With) => self.parse_with(out),
            Tok::Kw(Kw::Def) => self.parse_funcdef(out, Vec::new()),
            Tok::Kw(Kw::Class) => self.parse_classdef(out, Vec::new()),
            Tok::Op(Op::At) => self.parse_decorated(out),
            Tok::Kw(Kw::Async) | Tok::Indent => Err(self.unexpected()),
            Tok::Name if self.text(self.pos) == "match" => self.parse_match_or_simple(out),
            _ => self.parse_simple_stmts(out),
        }
    }

    #[inline(never)]
    fn parse_match_or_simple(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if let Some(s) = self.try_match_stmt()? {
            out.push(s);
            return Ok(());
        }
        let missing = self.match_missing_colon.take();
        let fallback = self.match_fallback.take();
        if let Err(e) = self.parse_simple_stmts(out) {
            if let Some(p) = missing {
                return Err(self.err_at(p, "expected ':'"));
            }
            if let Some(f) = fallback {
                return Err(f);
            }
            return Err(e);
        }
        Ok(())
    }

    fn parse_simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.parse_simple_stmt()?;
            out.push(s);
            if self.eat_op(Op::Semi) {
                if matches!(self.peek(), Tok::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if !matches!(self.peek(), Tok::Newline) {
            return Err(self.unexpected());
        }
        self.bump();
        Ok(())
    }

    /// Parse an indented block (or the simple statements after the colon).
    fn parse_block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.stmt_depth += 1;
        if self.stmt_depth > MAX_STMT_DEPTH {
            return Err(self.err_here("too deeply nested"));
        }
        self.enter()?;
        let r = self.parse_block_inner(what, line);
        self.leave();
        self.stmt_depth -= 1;
        r
    }

    fn parse_block_inner(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.peek(), Tok::Newline) {
            self.parse_simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if !matches!(self.peek(), Tok::Indent) {
            return Err(self.err_expected_block(what, line));
        }
        self.bump();
        loop {
            match self.peek() {
                Tok::Dedent => {
                    self.bump();
                    break;
                }
                Tok::EndMarker => return Err(self.unexpected()),
                _ => self.parse_statement(&mut body)?,
            }
        }
        Ok(body)
    }

    #[cold]
    #[inline(never)]
    fn err_expected_block(&self, what: &str, line: u32) -> PErr {
        let t = self.tok();
        self.indent_error(
            format!("expected an indented block after {} on line {}", what, line),
            t.line,
            t.col + 1,
        )
    }

    fn parse_simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.cur_pos();
        let kind = match self.peek() {
            Tok::Kw(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Kw(Kw::Break) => {
                self.bump();
                if !self.in_loop {
                    let e = self.err_at(start, "'break' outside loop");
                    self.defer(e);
                }
                StmtKind::Break
            }
            Tok::Kw(Kw::Continue) => {
                self.bump();
                if !self.in_loop {
                    let e = self.err_at(start, "'continue' not properly in loop");
                    self.defer(e);
                }
                StmtKind::Continue
            }
            Tok::Kw(Kw::Return) => {
                self.bump();
                if !self.in_func {
                    let e = self.err_at(start, "'return' outside function");
                    self.defer(e);
                }
                let value = if self.can_start_expr() {
                    let v = self.parse_star_expressions()?;
                    self.check_not_starred(&v);
                    Some(v)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            Tok::Kw(Kw::Raise) => {
                self.bump();
                if self.can_start_expr() && !self.at_op(Op::Star) {
                    let exc = self.parse_expression()?;
                    let cause = if self.eat_kw(Kw::From) {
                        Some(self.parse_expression()?)
                    } else {
                        None
                    };
                    StmtKind::Raise {
                        exc: Some(exc),
                        cause,
                    }
                } else {
                    StmtKind::Raise {
                        exc: None,
                        cause: None,
                    }
                }
            }
            Tok::Kw(Kw::Global) | Tok::Kw(Kw::Nonlocal) => {
                let global = self.at_kw(Kw::Global);
                self.bump();
                let mut names = vec![self.expect_name()?.0];
                while self.eat_op(Op::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Kw(Kw::Del) => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let e = if self.at_op(Op::Star) {
                        let p = self.cur_pos();
                        self.bump();
                        let v = self.parse_bitor()?;
                        mk(ExprKind::Starred(Box::new(v)), p)
                    } else {
                        self.parse_expression()?
                    };
                    self.check_target(&e, TargetCtx::Del)?;
                    targets.push(e);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                    if !self.can_start_expr() {
                        break;
                    }
                }
                StmtKind::Del(targets)
            }
            Tok::Kw(Kw::Assert) => {
                self.bump();
                let test = self.parse_expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.parse_expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Kw(Kw::Import) => self.parse_import()?,
            Tok::Kw(Kw::From) => self.parse_from_import()?,
            _ => return self.parse_expr_stmt(),
        };
        Ok(Stmt { kind, pos: start })
    }

    /// "can't use starred expression here" (a compile-time error in CPython).
    fn check_not_starred(&mut self, e: &Expr) {
        if let ExprKind::Starred(_) = e.kind {
            let err = self.err_at(e.pos, "can't use starred expression here");
            self.defer(err);
        }
    }

    fn parse_rhs(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.parse_yield_expr()
        } else {
            self.parse_star_expressions()
        }
    }

    fn parse_expr_stmt(&mut self) -> PResult<Stmt> {
        let start_idx = self.pos;
        let start = self.cur_pos();
        let first = self.parse_rhs()?;
        match self.peek().clone() {
            Tok::Op(Op::Equal) => {
                let mut exprs = vec![first];
                while self.eat_op(Op::Equal) {
                    exprs.push(self.parse_rhs()?);
                }
                let value = exprs.pop().unwrap();
                let single = exprs.len() == 1;
                for t in &exprs {
                    self.check_assign_target(t, single)?;
                }
                self.check_not_starred(&value);
                Ok(Stmt {
                    kind: StmtKind::Assign {
                        targets: exprs,
                        value,
                    },
                    pos: start,
                })
            }
            Tok::Op(Op::Colon) => {
                let simple = matches!(first.kind, ExprKind::Name(_))
                    && !matches!(self.toks[start_idx].tok, Tok::Op(Op::LPar));
                let colon = self.bump();
                // CPython checks the target only once an annotation parsed; with
                // a bad target and no annotation it fails at the colon.
                let valid = matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                );
                let annotation = match self.parse_expression() {
                    Ok(a) => a,
                    Err(e) if valid => return Err(e),
                    Err(_) => return Err(self.err_at(self.pos_of(colon), "invalid syntax")),
                };
                match &first.kind {
                    ExprKind::Tuple(_) => {
                        return Err(self
                            .err_at(first.pos, "only single target (not tuple) can be annotated"))
                    }
                    ExprKind::List(_) => {
                        return Err(self
                            .err_at(first.pos, "only single target (not list) can be annotated"))
                    }
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
                    _ => return Err(self.err_at(first.pos, "illegal target for annotation")),
                }
                if let ExprKind::Name(n) = &first.kind {
                    if n == "__debug__" {
                        let e = self.err_at(first.pos, "cannot assign to __debug__");
                        self.defer(e);
                    }
                }
                let value = if self.eat_op(Op::Equal) {
                    let v = self.parse_rhs()?;
                    self.check_not_starred(&v);
                    Some(v)
                } else {
                    None
                };
                Ok(Stmt {
                    kind: StmtKind::AnnAssign {
                        target: first,
                        annotation,
                        value,
                        simple,
                    },
                    pos: start,
                })
            }
            Tok::Op(op) if augop_of(op).is_some() => {
                match &first.kind {
                    ExprKind::Name(n) => {
                        if n == "__debug__" {
                            let e = self.err_at(first.pos, "cannot assign to __debug__");
                            self.defer(e);
                        }
                    }
                    ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
                    _ => {
                        return Err(self.err_at(
                            first.pos,
                            format!(
                                "'{}' is an illegal expression for augmented assignment",
                                expr_name(&first)
                            ),
                        ))
                    }
                }
                self.bump();
                let value = self.parse_rhs()?;
                self.check_not_starred(&value);
                Ok(Stmt {
                    kind: StmtKind::AugAssign {
                        target: first,
                        op: augop_of(op).unwrap(),
                        value,
                    },
                    pos: start,
                })
            }
            _ => {
                if let ExprKind::Name(n) = &first.kind {
                    if (n == "print" || n == "exec")
                        && self.can_start_expr()
                        && !self.at_op(Op::Star)
                    {
                        let is_op = matches!(self.peek(), Tok::Op(_));
                        if !is_op {
                            return Err(self.err_at(
                                first.pos,
                                format!(
                                    "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                                    n, n
                                ),
                            ));
                        }
                    }
                }
                self.check_not_starred(&first);
                Ok(Stmt {
                    kind: StmtKind::Expr(first),
                    pos: start,
                })
            }
        }
    }

    /// Validate one `=` assignment target.
    fn check_assign_target(&mut self, e: &Expr, single: bool) -> PResult<()> {
        use ExprKind as K;
        match &e.kind {
            K::Name(_)
            | K::Attribute(..)
            | K::Subscript(..)
            | K::Tuple(_)
            | K::List(_)
            | K::Starred(_) => self.check_target(e, TargetCtx::Assign),
            K::GeneratorExp(..) | K::True | K::False | K::None => {
                Err(self.err_at(e.pos, format!("cannot assign to {}", expr_name(e))))
            }
            K::Yield(_) | K::YieldFrom(_) => {
                Err(self.err_at(e.pos, "assignment to yield expression not possible"))
            }
            _ => {
                if single && is_bitor_level(e) {
                    Err(self.err_at(
                        e.pos,
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(e)
                        ),
                    ))
                } else {
                    Err(self.err_at(e.pos, format!("cannot assign to {}", expr_name(e))))
                }
            }
        }
    }

    /// Validate an assignment / deletion / loop / with / comprehension target.
    fn check_target(&mut self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        use ExprKind as K;
        match &e.kind {
            K::Name(n) => {
                if n == "__debug__" {
                    let msg = if ctx == TargetCtx::Del {
                        "cannot delete __debug__"
                    } else {
                        "cannot assign to __debug__"
                    };
                    let err = self.err_at(e.pos, msg);
                    self.defer(err);
                }
                Ok(())
            }
            K::Attribute(..) | K::Subscript(..) => Ok(()),
            K::Tuple(elts) | K::List(elts) => {
                let mut starred = 0;
                for x in elts {
                    if let K::Starred(inner) = &x.kind {
                        if ctx == TargetCtx::Del {
                            return Err(self.err_at(x.pos, "cannot delete starred"));
                        }
                        starred += 1;
                        if starred == 2 {
                            let err =
                                self.err_at(e.pos, "multiple starred expressions in assignment");
                            self.defer(err);
                        }
                        if let K::Starred(_) = inner.kind {
                            return Err(self.err_at(inner.pos, "cannot assign to starred"));
                        }
                        self.check_target(inner, ctx)?;
                    } else {
                        self.check_target(x, ctx)?;
                    }
                }
                Ok(())
            }
            K::Starred(_) => {
                if ctx == TargetCtx::Del {
                    return Err(self.err_at(e.pos, "cannot delete starred"));
                }
                let err = self.err_at(
                    e.pos,
                    "starred assignment target must be in a list or tuple",
                );
                self.defer(err);
                Ok(())
            }
            _ => {
                let msg = if ctx == TargetCtx::Del {
                    format!("cannot delete {}", expr_name(e))
                } else {
                    format!("cannot assign to {}", expr_name(e))
                };
                Err(self.err_at(e.pos, msg))
            }
        }
    }

    fn parse_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let (name, pos) = self.parse_dotted_name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias { name, asname, pos });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn parse_dotted_name(&mut self) -> PResult<(String, Pos)> {
        let (mut name, pos) = self.expect_name()?;
        while self.eat_op(Op::Dot) {
            let (n, _) = self.expect_name()?;
            name.push('.');
            name.push_str(&n);
        }
        Ok((name, pos))
    }

    fn parse_from_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0u32;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at_name() {
            Some(self.parse_dotted_name()?.0)
        } else {
            if level == 0 {
                return Err(self.unexpected());
            }
            None
        };
        if !self.eat_kw(Kw::Import) {
            return Err(self.unexpected());
        }
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let p = self.cur_pos();
            self.bump();
            names.push(Alias {
                name: "*".to_string(),
                asname: None,
                pos: p,
            });
        } else if self.at_op(Op::LPar) {
            self.bump();
            self.enter()?;
            loop {
                if self.at_op(Op::RPar) && !names.is_empty() {
                    break;
                }
                let (name, pos) = self.expect_name()?;
                let asname = if self.eat_kw(Kw::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                names.push(Alias { name, asname, pos });
                if !self.eat_op(Op::Comma) {
                    break;
                }
            }
            self.expect_op(Op::RPar)?;
            self.leave();
        } else {
            loop {
                let (name, pos) = self.expect_name()?;
                let asname = if self.eat_kw(Kw::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                names.push(Alias { name, asname, pos });
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if !self.at_name() {
                    if matches!(self.peek(), Tok::Newline | Tok::Op(Op::Semi)) {
                        return Err(self.err_here(
                            "trailing comma not allowed without surrounding parentheses",
                        ));
                    }
                    return Err(self.unexpected());
                }
            }
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// A condition of `if` / `elif` / `while`.
    fn parse_condition(&mut self) -> PResult<Expr> {
        let e = self.parse_named_expression()?;
        self.check_stray_eq(&e)?;
        Ok(e)
    }

    fn parse_if(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        let test = self.parse_condition()?;
        self.expect_colon(false)?;
        let body = self.parse_block("'if' statement", line)?;
        let s = self.parse_if_rest(self.pos_of(i), test, body)?;
        out.push(s);
        Ok(())
    }

    /// `elif` and `else` clauses after the first `if` block.
    #[inline(never)]
    fn parse_if_rest(&mut self, pos: Pos, test: Expr, body: Vec<Stmt>) -> PResult<Stmt> {
        let mut branches = vec![(pos, test, body)];
        let mut orelse = Vec::new();
        let base_depth = self.stmt_depth;
        loop {
            if self.at_kw(Kw::Elif) {
                let i = self.bump();
                let (pos, line) = (self.pos_of(i), self.toks[i].line);
                self.stmt_depth += 1;
                let test = self.parse_condition()?;
                self.expect_colon(false)?;
                let body = self.parse_block("'elif' statement", line)?;
                branches.push((pos, test, body));
            } else if self.at_kw(Kw::Else) {
                let i = self.bump();
                let line = self.toks[i].line;
                self.expect_colon(true)?;
                orelse = self.parse_block("'else' statement", line)?;
                break;
            } else {
                break;
            }
        }
        self.stmt_depth = base_depth;
        let mut acc = orelse;
        for (pos, test, body) in branches.into_iter().rev() {
            acc = vec![Stmt {
                kind: StmtKind::If {
                    test,
                    body,
                    orelse: acc,
                },
                pos,
            }];
        }
        Ok(acc.pop().unwrap())
    }

    /// Parse a loop body (in a loop) and its `else` clause (not in it).
    fn parse_loop_body(&mut self, what: &str, line: u32) -> PResult<(Vec<Stmt>, Vec<Stmt>)> {
        let saved = self.in_loop;
        self.in_loop = true;
        let body = self.parse_block(what, line);
        self.in_loop = saved;
        let body = body?;
        let mut orelse = Vec::new();
        if self.at_kw(Kw::Else) {
            let i = self.bump();
            let line = self.toks[i].line;
            self.expect_colon(true)?;
            orelse = self.parse_block("'else' statement", line)?;
        }
        Ok((body, orelse))
    }

    fn parse_while(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        let test = self.parse_condition()?;
        self.expect_colon(false)?;
        let (body, orelse) = self.parse_loop_body("'while' statement", line)?;
        out.push(Stmt {
            kind: StmtKind::While { test, body, orelse },
            pos: self.pos_of(i),
        });
        Ok(())
    }

    fn parse_for(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        let (target, iter) = self.parse_for_header()?;
        let (body, orelse) = self.parse_loop_body("'for' statement", line)?;
        out.push(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            pos: self.pos_of(i),
        });
        Ok(())
    }

    #[inline(never)]
    fn parse_for_header(&mut self) -> PResult<(Expr, Expr)> {
        let target = self.parse_target_list()?;
        self.check_target(&target, TargetCtx::For)?;
        if !self.eat_kw(Kw::In) {
            return Err(self.unexpected());
        }
        let iter = self.parse_star_expressions()?;
        self.expect_colon(false)?;
        Ok((target, iter))
    }

    fn parse_try(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        self.expect_colon(true)?;
        let body = self.parse_block("'try' statement", line)?;
        let s = self.parse_try_rest(self.pos_of(i), body)?;
        out.push(s);
        Ok(())
    }

    #[inline(never)]
    fn parse_try_rest(&mut self, pos: Pos, body: Vec<Stmt>) -> PResult<Stmt> {
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        let mut bare: Option<Pos> = None;
        while self.at_kw(Kw::Except) {
            let i = self.bump();
            let (hpos, hline) = (self.pos_of(i), self.toks[i].line);
            if let Some(b) = bare {
                let e = self.err_at(b, "default 'except:' must be last");
                self.defer(e);
            }
            if self.at_op(Op::Star) {
                return Err(self.err_at(hpos, "except* is not supported"));
            }
            let (typ, name) = if self.at_op(Op::Colon) {
                bare = Some(hpos);
                (None, None)
            } else {
                let t = self.parse_expression()?;
                if self.at_op(Op::Comma) {
                    return Err(
                        self.err_at(t.pos, "multiple exception types must be parenthesized")
                    );
                }
                let name = if self.eat_kw(Kw::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                (Some(t), name)
            };
            self.expect_colon(false)?;
            let hbody = self.parse_block("'except' statement", hline)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body: hbody,
                pos: hpos,
            });
        }
        let mut orelse = Vec::new();
        if !handlers.is_empty() && self.at_kw(Kw::Else) {
            let i = self.bump();
            let line = self.toks[i].line;
            self.expect_colon(true)?;
            orelse = self.parse_block("'else' statement", line)?;
        }
        let mut finalbody = Vec::new();
        let mut has_finally = false;
        if self.at_kw(Kw::Finally) {
            let i = self.bump();
            let line = self.toks[i].line;
            self.expect_colon(true)?;
            finalbody = self.parse_block("'finally' statement", line)?;
            has_finally = true;
        }
        if handlers.is_empty() && !has_finally {
            return Err(self.err_here("expected 'except' or 'finally' block"));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            pos,
        })
    }

    fn parse_with(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        let items = self.parse_with_items()?;
        let body = self.parse_block("'with' statement", line)?;
        out.push(Stmt {
            kind: StmtKind::With { items, body },
            pos: self.pos_of(i),
        });
        Ok(())
    }

    /// The items of a `with` statement and its colon.
    #[inline(never)]
    fn parse_with_items(&mut self) -> PResult<Vec<WithItem>> {
        let mut items = None;
        let mut spec_err: Option<PErr> = None;
        if self.at_op(Op::LPar) {
            items = self.try_parse_err(&mut spec_err, |p| {
                p.bump();
                p.enter()?;
                let mut items = Vec::new();
                loop {
                    items.push(p.parse_with_item()?);
                    if p.eat_op(Op::Comma) {
                        if p.at_op(Op::RPar) {
                            break;
                        }
                        continue;
                    }
                    break;
                }
                p.expect_op(Op::RPar)?;
                p.leave();
                if !p.at_op(Op::Colon) {
                    return Err(p.unexpected());
                }
                Ok(items)
            });
        }
        let items = match items {
            Some(items) => {
                self.bump(); // ':'
                items
            }
            None => {
                let r: PResult<Vec<WithItem>> = (|| {
                    let mut items = Vec::new();
                    loop {
                        items.push(self.parse_with_item()?);
                        if !self.eat_op(Op::Comma) {
                            break;
                        }
                    }
                    self.expect_colon(false)?;
                    Ok(items)
                })();
                match (r, spec_err) {
                    (Ok(items), _) => items,
                    (Err(e), Some(se)) if (se.line, se.col) > (e.line, e.col) => return Err(se),
                    (Err(e), _) => return Err(e),
                }
            }
        };
        Ok(items)
    }

    fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context = self.parse_expression()?;
        let target = if self.eat_kw(Kw::As) {
            let t = self.parse_target_elem()?;
            if !matches!(
                self.peek(),
                Tok::Op(Op::Comma) | Tok::Op(Op::RPar) | Tok::Op(Op::Colon)
            ) {
                return Err(self.unexpected());
            }
            self.check_target(&t, TargetCtx::With)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem { context, target })
    }

    fn parse_decorated(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            let e = self.parse_named_expression()?;
            if !matches!(self.peek(), Tok::Newline) {
                return Err(self.unexpected());
            }
            self.bump();
            decorators.push(e);
        }
        match self.peek() {
            Tok::Kw(Kw::Def) => self.parse_funcdef(out, decorators),
            Tok::Kw(Kw::Class) => self.parse_classdef(out, decorators),
            _ => Err(self.unexpected()),
        }
    }

    fn parse_funcdef(&mut self, out: &mut Vec<Stmt>, decorators: Vec<Expr>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        let (name, args, returns) = self.parse_funcdef_header()?;
        let (f, l) = (self.in_func, self.in_loop);
        self.in_func = true;
        self.in_loop = false;
        let body = self.parse_block("function definition", line);
        self.in_func = f;
        self.in_loop = l;
        let body = body?;
        let def = Box::new(FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
        });
        out.push(Stmt {
            kind: StmtKind::FunctionDef(def),
            pos: self.pos_of(i),
        });
        Ok(())
    }

    /// "expected ':'" where CPython's PEG parser stops: after the longest
    /// primary that parses following `->` (at the arrow if none does).
    #[cold]
    #[inline(never)]
    fn err_after_valid_prefix(&mut self, arrow: Pos) -> PErr {
        let save = self.pos;
        self.bump();
        let mut at = arrow;
        if self.try_parse(|p| p.parse_atom()).is_some() {
            let mut e = mk(ExprKind::None, arrow);
            let mut depth = 0;
            while self
                .try_parse(|p| match p.peek() {
                    Tok::Op(Op::Dot) => p.parse_attr_trailer(arrow, &mut e),
                    Tok::Op(Op::LPar) => p.parse_call_trailer(arrow, &mut e, &mut depth),
                    Tok::Op(Op::LSqb) => p.parse_subscript_trailer(arrow, &mut e, &mut depth),
                    _ => Err(p.unexpected()),
                })
                .is_some()
            {}
            at = self.cur_pos();
        }
        self.pos = save;
        self.err_at(at, "expected ':'")
    }

    #[inline(never)]
    fn parse_funcdef_header(&mut self) -> PResult<(String, Arguments, Option<Expr>)> {
        let (name, _) = self.expect_name()?;
        if !self.at_op(Op::LPar) {
            return Err(self.err_here("expected '('"));
        }
        self.bump();
        self.enter()?;
        let args = *self.parse_params(false)?;
        self.leave();
        let returns = if self.at_op(Op::RArrow) {
            // A return annotation that does not parse: CPython's forced ':'
            // fails at the arrow.
            let arrow = self.cur_pos();
            match self.try_parse(|p| {
                p.bump();
                p.parse_expression()
            }) {
                Some(e) => Some(e),
                None => return Err(self.err_after_valid_prefix(arrow)),
            }
        } else {
            None
        };
        self.expect_colon(true)?;
        Ok((name, args, returns))
    }

    fn parse_classdef(&mut self, out: &mut Vec<Stmt>, decorators: Vec<Expr>) -> PResult<()> {
        let i = self.bump();
        let line = self.toks[i].line;
        let (name, bases, keywords) = self.parse_classdef_header()?;
        let (f, l) = (self.in_func, self.in_loop);
        self.in_func = false;
        self.in_loop = false;
        let body = self.parse_block("class definition", line);
        self.in_func = f;
        self.in_loop = l;
        let body = body?;
        let def = Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        });
        out.push(Stmt {
            kind: StmtKind::ClassDef(def),
            pos: self.pos_of(i),
        });
        Ok(())
    }

    #[inline(never)]
    fn parse_classdef_header(&mut self) -> PResult<(String, Vec<Expr>, Vec<Keyword>)> {
        let (name, _) = self.expect_name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.at_op(Op::LPar) {
            self.bump();
            self.enter()?;
            let (a, k) = self.parse_arguments(None)?;
            self.leave();
            bases = a;
            keywords = k;
        }
        self.expect_colon(false)?;
        Ok((name, bases, keywords))
    }

    /// Parameters of a `def` (after `(`, consuming `)`) or a `lambda`
    /// (consuming `:`).
    fn parse_params(&mut self, lambda: bool) -> PResult<Box<Arguments>> {
        let closer = if lambda { Op::Colon } else { Op::RPar };
        let mut st = Box::new(ParamState {
            a: Arguments::default(),
            lambda,
            closer,
            seen_slash: false,
            seen_star: false,
            bare_star: None,
            seen_default: false,
            names: Default::default(),
        });
        loop {
            if self.at_op(closer) {
                break;
            }
            let more = if self.at_name() {
                let arg_pos = self.cur_pos();
                let name_idx = self.pos;
                let arg = self.parse_param(st.lambda, &mut st.names)?;
                let default_idx = self.pos + 1;
                let default = if self.eat_op(Op::Equal) {
                    Some(self.parse_expression()?)
                } else {
                    None
                };
                if !self.at_op(Op::Comma) && !self.at_op(closer) {
                    let elem = if default.is_some() {
                        default_idx
                    } else if arg.annotation.is_some() {
                        name_idx + 2
                    } else {
                        NO_HINT
                    };
                    return Err(self.sep_error(elem));
                }
                self.record_param(&mut st, arg, arg_pos, default)?;
                true
            } else {
                self.parse_param_special(&mut st)?
            };
            if !more || !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.finish_params(st)
    }

    #[inline(never)]
    fn finish_params(&mut self, st: Box<ParamState>) -> PResult<Box<Arguments>> {
        if let Some(p) = st.bare_star {
            if st.a.kwonly.is_empty() {
                return Err(self.err_at(p, "named arguments must follow bare *"));
            }
        }
        if !self.at_op(st.closer) {
            return Err(self.unexpected());
        }
        self.bump();
        Ok(Box::new(st.a))
    }

    /// Record `name[: annotation][= default]`.
    #[inline(never)]
    fn record_param(
        &mut self,
        st: &mut ParamState,
        arg: Arg,
        arg_pos: Pos,
        default: Option<Expr>,
    ) -> PResult<()> {
        if st.seen_star {
            st.a.kwonly.push(arg);
            st.a.kw_defaults.push(default);
        } else {
            match default {
                Some(d) => {
                    st.a.defaults.push(d);
                    st.seen_default = true;
                }
                None => {
                    if st.seen_default {
                        return Err(
                            self.err_at(arg_pos, "non-default argument follows default argument")
                        );
                    }
                }
            }
            st.a.args.push(arg);
        }
        Ok(())
    }

    /// `/`, `*`, `*args`, `**kwargs`. Returns false after `**kwargs`.
    #[inline(never)]
    fn parse_param_special(&mut self, st: &mut ParamState) -> PResult<bool> {
        let p = self.cur_pos();
        if self.at_op(Op::Slash) {
            if st.seen_slash {
                return Err(self.err_at(p, "/ may appear only once"));
            }
            if st.seen_star {
                return Err(self.err_at(p, "/ must be ahead of *"));
            }
            if st.a.args.is_empty() {
                return Err(self.err_at(p, "at least one argument must precede /"));
            }
            self.bump();
            st.a.posonly = std::mem::take(&mut st.a.args);
            st.seen_slash = true;
            Ok(true)
        } else if self.at_op(Op::Star) {
            if st.seen_star {
                return Err(self.err_at(p, "* argument may appear only once"));
            }
            self.bump();
            st.seen_star = true;
            if self.at_name() {
                let arg = self.parse_param(st.lambda, &mut st.names)?;
                if self.at_op(Op::Equal) {
                    return Err(self.err_here("var-positional argument cannot have default value"));
                }
                st.a.vararg = Some(arg);
            } else {
                // CPython points at `*` in a def, after it in a lambda.
                st.bare_star = Some(if st.lambda {
                    match self.peek_n(1) {
                        Tok::Op(Op::DoubleStar) if self.at_op(Op::Comma) => {
                            self.pos_of(self.pos + 1)
                        }
                        _ => self.cur_pos(),
                    }
                } else {
                    p
                });
            }
            Ok(true)
        } else if self.at_op(Op::DoubleStar) {
            self.bump();
            let arg = self.parse_param(st.lambda, &mut st.names)?;
            if self.at_op(Op::Equal) {
                return Err(self.err_here("var-keyword argument cannot have default value"));
            }
            st.a.kwarg = Some(arg);
            if self.eat_op(Op::Comma) && !self.at_op(st.closer) {
                return Err(self.err_here("arguments cannot follow var-keyword argument"));
            }
            Ok(false)
        } else {
            Err(self.unexpected())
        }
    }

    fn parse_param(&mut self, lambda: bool, names: &mut std::collections::HashSet<String>) -> PResult<Arg> {
        let (name, pos) = self.expect_name()?;
        // A set, not a list: a definition with 100k parameters must parse in
        // linear time.
        if names.contains(&name) {
            let e = self.err_at(
                pos,
                format!("duplicate argument '{}' in function definition", name),
            );
            self.defer(e);
        } else {
            names.insert(name.clone());
        }
        let annotation = if !lambda && self.eat_op(Op::Colon) {
            Some(self.parse_expression()?)
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            pos,
        })
    }

    // ----- match statement ----------------------------------------------

    fn try_match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.pos;
        let subject = self.try_parse(|p| {
            p.bump();
            let s = p.parse_match_subject()?;
            if matches!(p.peek(), Tok::Newline) {
                p.match_missing_colon = Some(p.cur_pos());
                return Err(p.unexpected());
            }
            if p.at_op(Op::Equal) && p.stray_eq_rhs_ok() {
                // `match x = 1`: CPython's hints for `=` after the subject.
                let paren = matches!(p.toks[start + 1].tok, Tok::Op(Op::LPar));
                p.match_fallback = match (&s.kind, paren) {
                    (ExprKind::Name(_), false) => Some(p.err_at(
                        s.pos,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    )),
                    _ => p.stray_eq_error(&s).err(),
                };
                return Err(p.unexpected());
            }
            if !p.at_op(Op::Colon) || !matches!(p.peek_n(1), Tok::Newline) {
                return Err(p.unexpected());
            }
            Ok(s)
        });
        let Some(subject) = subject else {
            return Ok(None);
        };
        self.match_missing_colon = None;
        let (pos, line) = (self.pos_of(start), self.toks[start].line);
        self.bump(); // ':'
        self.bump(); // NEWLINE
        if !matches!(self.peek(), Tok::Indent) {
            let t = self.tok();
            return Err(self.indent_error(
                format!(
                    "expected an indented block after 'match' statement on line {}",
                    line
                ),
                t.line,
                t.col + 1,
            ));
        }
        self.bump();
        self.stmt_depth += 1;
        self.enter()?;
        let mut cases = Vec::new();
        loop {
            match self.peek() {
                Tok::Dedent => {
                    self.bump();
                    break;
                }
                Tok::Name if self.text(self.pos) == "case" => cases.push(self.parse_case()?),
                _ => return Err(self.unexpected()),
            }
        }
        self.leave();
        self.stmt_depth -= 1;
        let n = cases.len();
        for (i, c) in cases.iter().enumerate() {
            let allow = c.guard.is_some() || i + 1 == n;
            if let Err(e) = self.check_case_pattern(&c.pattern, allow) {
                self.defer(e);
                break;
            }
        }
        Ok(Some(Stmt {
            kind: StmtKind::Match { subject, cases },
            pos,
        }))
    }

    fn parse_match_subject(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_star_named_expression()?;
        if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.can_start_expr() {
                    break;
                }
                elts.push(self.parse_star_named_expression()?);
            }
            return Ok(mk(ExprKind::Tuple(elts), start));
        }
        if let ExprKind::Starred(_) = first.kind {
            return Err(self.err_at(first.pos, "invalid syntax"));
        }
        Ok(first)
    }

    fn parse_case(&mut self) -> PResult<MatchCase> {
        let i = self.bump();
        let line = self.toks[i].line;
        let pattern = self.parse_patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(self.parse_named_expression()?)
        } else {
            None
        };
        self.expect_colon(false)?;
        let body = self.parse_block("'case' statement", line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    fn parse_patterns(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        let first = self.parse_maybe_star_pattern()?;
        if self.at_op(Op::Comma) {
            let mut pats = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::Colon) || self.at_kw(Kw::If) {
                    break;
                }
                pats.push(self.parse_maybe_star_pattern()?);
            }
            return self.make_sequence_pattern(pats, start);
        }
        if let PatternKind::Star(_) = first.kind {
            return Err(self.unexpected());
        }
        Ok(first)
    }

    fn make_sequence_pattern(&mut self, pats: Vec<Pattern>, pos: Pos) -> PResult<Pattern> {
        let stars = pats
            .iter()
            .filter(|p| matches!(p.kind, PatternKind::Star(_)))
            .count();
        if stars > 1 {
            let e = self.err_at(pos, "multiple starred names in sequence pattern");
            self.defer(e);
        }
        Ok(Pattern {
            kind: PatternKind::Sequence(pats),
            pos,
        })
    }

    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            return self.parse_star_pattern();
        }
        self.parse_pattern()
    }

    #[inline(never)]
    fn parse_star_pattern(&mut self) -> PResult<Pattern> {
        let p = self.cur_pos();
        self.bump();
        let (name, _) = self.expect_name()?;
        let name = if name == "_" { None } else { Some(name) };
        Ok(Pattern {
            kind: PatternKind::Star(name),
            pos: p,
        })
    }

    fn parse_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        let first = self.parse_closed_pattern()?;
        if !self.at_op(Op::VBar) && !self.at_kw(Kw::As) {
            return Ok(first);
        }
        self.parse_pattern_rest(start, first)
    }

    /// `p | q ...` and `p as name` after the first closed pattern.
    #[inline(never)]
    fn parse_pattern_rest(&mut self, start: Pos, first: Pattern) -> PResult<Pattern> {
        let or = if self.at_op(Op::VBar) {
            self.parse_or_pattern_rest(start, first)?
        } else {
            first
        };
        self.parse_as_pattern_rest(start, or)
    }

    #[inline(never)]
    fn parse_or_pattern_rest(&mut self, start: Pos, first: Pattern) -> PResult<Pattern> {
        let mut alts = vec![first];
        while self.eat_op(Op::VBar) {
            alts.push(self.parse_closed_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::Or(alts),
            pos: start,
        })
    }

    #[inline(never)]
    fn parse_as_pattern_rest(&mut self, start: Pos, or: Pattern) -> PResult<Pattern> {
        if self.eat_kw(Kw::As) {
            if !self.at_name() {
                return Err(self.err_here("invalid pattern target"));
            }
            let (name, npos) = self.expect_name()?;
            if name == "_" {
                return Err(self.err_at(npos, "cannot use '_' as a target"));
            }
            return Ok(Pattern {
                kind: PatternKind::As {
                    pattern: Some(Box::new(or)),
                    name: Some(name),
                },
                pos: start,
            });
        }
        Ok(or)
    }

    /// A signed number or complex literal in a pattern (`-1`, `1+2j`).
    fn parse_number_pattern_expr(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let neg = self.eat_op(Op::Minus);
        let npos = self.cur_pos();
        let real = match self.peek().clone() {
            Tok::Int(v) => ExprKind::Int(v),
            Tok::BigInt(s) => ExprKind::BigInt(s),
            Tok::Float(f) => ExprKind::Float(f),
            Tok::Imag(f) => ExprKind::Imag(f),
            _ => return Err(self.unexpected()),
        };
        self.bump();
        let is_imag = matches!(real, ExprKind::Imag(_));
        let mut e = mk(real, npos);
        if neg {
            e = mk(ExprKind::UnaryOp(UnaryOp::Neg, Box::new(e)), start);
        }
        if self.at_op(Op::Plus) || self.at_op(Op::Minus) {
            if is_imag {
                return Err(self.err_at(npos, "real number required in complex literal"));
            }
            let op = if self.at_op(Op::Plus) {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            self.bump();
            let ipos = self.cur_pos();
            let imag = match self.peek() {
                Tok::Imag(f) => *f,
                Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) => {
                    return Err(self.err_at(ipos, "imaginary number required in complex literal"))
                }
                _ => return Err(self.unexpected()),
            };
            self.bump();
            e = mk(
                ExprKind::BinOp(Box::new(e), op, Box::new(mk(ExprKind::Imag(imag), ipos))),
                start,
            );
        }
        Ok(e)
    }

    /// `a.b.c` (the first name already checked).
    fn parse_name_or_attr(&mut self) -> PResult<Expr> {
        let (name, pos) = self.expect_name()?;
        let mut e = mk(ExprKind::Name(name), pos);
        while self.eat_op(Op::Dot) {
            let (attr, _) = self.expect_name()?;
            e = mk(ExprKind::Attribute(Box::new(e), attr), pos);
        }
        Ok(e)
    }

    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        match self.peek() {
            Tok::Op(Op::LPar) => self.parse_group_pattern(),
            Tok::Op(Op::LSqb) => self.parse_list_pattern(),
            Tok::Op(Op::LBrace) => self.parse_brace_pattern(),
            Tok::Name
                if matches!(self.peek_n(1), Tok::Op(Op::Dot) | Tok::Op(Op::LPar))
                    && self.text(self.pos) != "_" =>
            {
                self.parse_value_or_class_pattern()
            }
            _ => self.parse_simple_pattern(),
        }
    }

    /// Literals, captures and the wildcard.
    #[inline(never)]
    fn parse_simple_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        let kind = match self.peek() {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op(Op::Minus) => {
                PatternKind::Value(self.parse_number_pattern_expr()?)
            }
            Tok::Str(_) => {
                let e = self.parse_strings()?;
                if let ExprKind::JoinedStr(_) = e.kind {
                    return Err(self.err_at(
                        start,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                PatternKind::Value(e)
            }
            Tok::Kw(Kw::None) => {
                self.bump();
                PatternKind::Singleton(Singleton::None)
            }
            Tok::Kw(Kw::True) => {
                self.bump();
                PatternKind::Singleton(Singleton::True)
            }
            Tok::Kw(Kw::False) => {
                self.bump();
                PatternKind::Singleton(Singleton::False)
            }
            Tok::Name => {
                let name = if self.text(self.pos) == "_" {
                    None
                } else {
                    Some(self.ident(self.pos))
                };
                self.bump();
                PatternKind::As {
                    pattern: None,
                    name,
                }
            }
            _ => return Err(self.unexpected()),
        };
        Ok(Pattern { kind, pos: start })
    }

    /// `a.b.c` (a value pattern) or `Cls(...)` / `a.b.Cls(...)`.
    #[inline(never)]
    fn parse_value_or_class_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        let cls = self.parse_name_or_attr()?;
        if self.at_op(Op::LPar) {
            return self.parse_class_pattern(cls, start);
        }
        Ok(Pattern {
            kind: PatternKind::Value(cls),
            pos: start,
        })
    }

    /// `(p)`, `()`, `(p,)`, `(p, q)`.
    #[inline(never)]
    fn parse_group_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        self.bump();
        self.enter()?;
        if self.eat_op(Op::RPar) {
            self.leave();
            return Ok(Pattern {
                kind: PatternKind::Sequence(Vec::new()),
                pos: start,
            });
        }
        let first = self.parse_maybe_star_pattern()?;
        if self.at_op(Op::RPar) && !matches!(first.kind, PatternKind::Star(_)) {
            self.bump();
            self.leave();
            return Ok(first);
        }
        self.parse_group_pattern_rest(start, first)
    }

    #[inline(never)]
    fn parse_group_pattern_rest(&mut self, start: Pos, first: Pattern) -> PResult<Pattern> {
        if self.at_op(Op::Comma) {
            let mut pats = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RPar) {
                    break;
                }
                pats.push(self.parse_maybe_star_pattern()?);
            }
            self.expect_op(Op::RPar)?;
            self.leave();
            return self.make_sequence_pattern(pats, start);
        }
        Err(self.unexpected())
    }

    /// `[p, *q, r]`.
    #[inline(never)]
    fn parse_list_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        self.bump();
        self.enter()?;
        let mut pats = Vec::new();
        while !self.at_op(Op::RSqb) {
            pats.push(self.parse_maybe_star_pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RSqb)?;
        self.leave();
        self.make_sequence_pattern(pats, start)
    }

    #[inline(never)]
    fn parse_brace_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        self.bump();
        self.enter()?;
        let r = self.parse_mapping_pattern(start)?;
        self.leave();
        Ok(r)
    }

    fn parse_mapping_pattern(&mut self, start: Pos) -> PResult<Pattern> {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.at_op(Op::DoubleStar) {
                self.bump();
                let (name, _) = self.expect_name()?;
                if name == "_" {
                    return Err(self.unexpected_prev());
                }
                rest = Some(name);
                self.eat_op(Op::Comma);
                break;
            }
            let kpos = self.cur_pos();
            let key = match self.peek().clone() {
                Tok::Int(_)
                | Tok::BigInt(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Op(Op::Minus) => self.parse_number_pattern_expr()?,
                Tok::Str(_) => {
                    let e = self.parse_strings()?;
                    if let ExprKind::JoinedStr(_) = e.kind {
                        return Err(self.err_at(
                            kpos,
                            "patterns may only match literals and attribute lookups",
                        ));
                    }
                    e
                }
                Tok::Kw(Kw::None) => {
                    self.bump();
                    mk(ExprKind::None, kpos)
                }
                Tok::Kw(Kw::True) => {
                    self.bump();
                    mk(ExprKind::True, kpos)
                }
                Tok::Kw(Kw::False) => {
                    self.bump();
                    mk(ExprKind::False, kpos)
                }
                Tok::Name
                    if matches!(self.peek_n(1), Tok::Op(Op::Dot)) && self.text(self.pos) != "_" =>
                {
                    self.parse_name_or_attr()?
                }
                _ => return Err(self.unexpected()),
            };
            self.expect_op(Op::Colon)?;
            let pat = self.parse_pattern()?;
            keys.push(key);
            patterns.push(pat);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(Pattern {
            kind: PatternKind::Mapping {
                keys,
                patterns,
                rest,
            },
            pos: start,
        })
    }

    /// "invalid syntax" at the previous token.
    fn unexpected_prev(&self) -> PErr {
        self.err_at(self.pos_of(self.pos.saturating_sub(1)), "invalid syntax")
    }

    fn parse_class_pattern(&mut self, cls: Expr, start: Pos) -> PResult<Pattern> {
        self.bump(); // (
        self.enter()?;
        let mut patterns = Vec::new();
        let mut kwd_attrs: Vec<String> = Vec::new();
        let mut kwd_patterns = Vec::new();
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            if self.at_name() && matches!(self.peek_n(1), Tok::Op(Op::Equal)) {
                let (name, _) = self.expect_name()?;
                self.bump();
                let pat = self.parse_pattern()?;
                if kwd_attrs.contains(&name) {
                    let e = self.err_at(
                        pat.pos,
                        format!("attribute name repeated in class pattern: {}", name),
                    );
                    self.defer(e);
                }
                kwd_patterns.push(pat);
                kwd_attrs.push(name);
            } else {
                let p = self.parse_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.err_at(p.pos, "positional patterns follow keyword patterns"));
                }
                patterns.push(p);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        self.leave();
        Ok(Pattern {
            kind: PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            pos: start,
        })
    }

    /// Compile-time checks of a case pattern: unreachable alternatives,
    /// repeated or inconsistent capture names.
    fn check_case_pattern(&self, p: &Pattern, allow_irrefutable: bool) -> PResult<()> {
        self.check_irrefutable(p, allow_irrefutable)?;
        let mut names = Vec::new();
        self.pattern_names(p, &mut names)
    }

    fn check_irrefutable(&self, p: &Pattern, allow: bool) -> PResult<()> {
        match &p.kind {
            PatternKind::As {
                pattern: None,
                name,
            } => {
                if !allow {
                    let msg = match name {
                        Some(n) => {
                            format!("name capture '{}' makes remaining patterns unreachable", n)
                        }
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(self.err_at(p.pos, msg));
                }
                Ok(())
            }
            PatternKind::As {
                pattern: Some(inner),
                ..
            } => self.check_irrefutable(inner, allow),
            PatternKind::Or(alts) => {
                let n = alts.len();
                for (i, a) in alts.iter().enumerate() {
                    self.check_irrefutable(a, allow && i + 1 == n)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn add_pattern_name(&self, name: &str, pos: Pos, names: &mut Vec<String>) -> PResult<()> {
        if names.iter().any(|n| n == name) {
            return Err(self.err_at(
                pos,
                format!("multiple assignments to name '{}' in pattern", name),
            ));
        }
        names.push(name.to_string());
        Ok(())
    }

    fn pattern_names(&self, p: &Pattern, names: &mut Vec<String>) -> PResult<()> {
        match &p.kind {
            PatternKind::Value(_) | PatternKind::Singleton(_) => Ok(()),
            PatternKind::Sequence(ps) => {
                for x in ps {
                    self.pattern_names(x, names)?;
                }
                Ok(())
            }
            PatternKind::Star(n) => match n {
                Some(n) => self.add_pattern_name(n, p.pos, names),
                None => Ok(()),
            },
            PatternKind::Mapping { patterns, rest, .. } => {
                for x in patterns {
                    self.pattern_names(x, names)?;
                }
                if let Some(r) = rest {
                    self.add_pattern_name(r, p.pos, names)?;
                }
                Ok(())
            }
            PatternKind::Class {
                patterns,
                kwd_patterns,
                ..
            } => {
                for x in patterns.iter().chain(kwd_patterns) {
                    self.pattern_names(x, names)?;
                }
                Ok(())
            }
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern_names(inner, names)?;
                }
                if let Some(n) = name {
                    self.add_pattern_name(n, p.pos, names)?;
                }
                Ok(())
            }
            PatternKind::Or(alts) => {
                let mut first: Option<Vec<String>> = None;
                for a in alts {
                    let mut alt_names = Vec::new();
                    self.pattern_names(a, &mut alt_names)?;
                    alt_names.sort();
                    match &first {
                        None => first = Some(alt_names),
                        Some(f) => {
                            if *f != alt_names {
                                return Err(
                                    self.err_at(a.pos, "alternative patterns bind different names")
                                );
                            }
                        }
                    }
                }
                for n in first.unwrap_or_default() {
                    self.add_pattern_name(&n, p.pos, names)?;
                }
                Ok(())
            }
        }
    }

    // ----- expressions --------------------------------------------------
    //
    // The functions on the recursive path (brackets nest through them) are
    // kept small: each has a fast path and hands anything else to an
    // `#[inline(never)]` helper, and errors are built in cold helpers, so
    // that the stack used per nesting level stays small even in unoptimised
    // builds.

    /// `star_expressions`: `*a, b` / `a, b,` (a Tuple) or one star_expression.
    fn parse_star_expressions(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        self.parse_star_expressions_rest(start, first)
    }

    #[inline(never)]
    fn parse_star_expressions_rest(&mut self, start: Pos, first: Expr) -> PResult<Expr> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.can_start_expr() {
                break;
            }
            elts.push(self.parse_star_expression()?);
        }
        Ok(mk(ExprKind::Tuple(elts), start))
    }

    fn parse_star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred();
        }
        self.parse_expression()
    }

    fn parse_star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred();
        }
        self.parse_named_expression()
    }

    /// `*` bitwise_or.
    #[inline(never)]
    fn parse_starred(&mut self) -> PResult<Expr> {
        let p = self.cur_pos();
        self.bump();
        let v = self.parse_bitor()?;
        Ok(mk(ExprKind::Starred(Box::new(v)), p))
    }

    /// `NAME := expression` or an expression.
    fn parse_named_expression(&mut self) -> PResult<Expr> {
        if self.at_name() && matches!(self.peek_n(1), Tok::Op(Op::ColonEqual)) {
            return self.parse_walrus();
        }
        let e = self.parse_expression()?;
        if self.at_op(Op::ColonEqual) {
            return Err(self.err_walrus_target(&e));
        }
        Ok(e)
    }

    #[inline(never)]
    fn parse_walrus(&mut self) -> PResult<Expr> {
        let i = self.bump();
        self.bump();
        let value = self.parse_expression()?;
        Ok(mk(
            ExprKind::NamedExpr(self.ident(i), Box::new(value)),
            self.pos_of(i),
        ))
    }

    #[cold]
    #[inline(never)]
    fn err_walrus_target(&self, e: &Expr) -> PErr {
        self.err_at(
            e.pos,
            format!("cannot use assignment expressions with {}", expr_name(e)),
        )
    }

    /// CPython's hints for `=` where an expression ends (`if x = 1:`).
    fn check_stray_eq(&mut self, e: &Expr) -> PResult<()> {
        if !self.at_op(Op::Equal) || !self.stray_eq_rhs_ok() {
            return Ok(());
        }
        self.stray_eq_error(e)
    }

    /// CPython gives its `=` hints only for `x = <bitwise_or>` not followed by
    /// another `=` or `:=`.
    #[cold]
    #[inline(never)]
    fn stray_eq_rhs_ok(&mut self) -> bool {
        self.try_parse(|p| {
            p.bump();
            p.parse_bitor()?;
            if p.at_op(Op::Equal) || p.at_op(Op::ColonEqual) {
                return Err(p.unexpected());
            }
            Ok(())
        })
        .is_some()
    }

    /// Whether the token before the one at `pos` is `(` (a parenthesised name).
    fn paren_at(&self, pos: Pos) -> bool {
        let mut i = self.pos.min(self.toks.len() - 1);
        while i > 0 && (self.toks[i].line, self.toks[i].col) > (pos.line, pos.col) {
            i -= 1;
        }
        i > 0 && matches!(self.toks[i - 1].tok, Tok::Op(Op::LPar))
    }

    #[cold]
    #[inline(never)]
    fn stray_eq_error(&self, e: &Expr) -> PResult<()> {
        use ExprKind as K;
        match &e.kind {
            K::Name(_) if !self.paren_at(e.pos) => Err(self.err_at(
                e.pos,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            )),
            K::Tuple(_) | K::List(_) | K::GeneratorExp(..) | K::True | K::False | K::None => Ok(()),
            _ if is_bitor_level(e) => Err(self.err_at(
                e.pos,
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(e)
                ),
            )),
            _ => Ok(()),
        }
    }

    /// `expression`: a conditional expression, a lambda or a disjunction.
    fn parse_expression(&mut self) -> PResult<Expr> {
        self.parse_level(Level::IfExp)
    }

    fn parse_disjunction(&mut self) -> PResult<Expr> {
        self.parse_level(Level::Or)
    }

    fn parse_bitor(&mut self) -> PResult<Expr> {
        self.parse_level(Level::BitOr)
    }

    /// Parse an expression of precedence level `max` or tighter. All the
    /// levels share this function so that nesting through brackets costs
    /// one small frame here: the fast path is a primary not followed by an
    /// operator of these levels.
    fn parse_level(&mut self, max: Level) -> PResult<Expr> {
        match self.peek() {
            Tok::Kw(Kw::Lambda) if max == Level::IfExp => return self.parse_lambda(),
            Tok::Kw(Kw::Lambda)
            | Tok::Kw(Kw::Not)
            | Tok::Op(Op::Minus)
            | Tok::Op(Op::Plus)
            | Tok::Op(Op::Tilde) => return self.parse_level_prefixed(max),
            _ => {}
        }
        let start = self.cur_pos();
        let first = self.parse_primary()?;
        if self.next_stage(max).is_none() {
            return Ok(first);
        }
        self.continue_level(start, first, max)
    }

    /// An expression starting with `lambda`, `not` or a unary operator.
    #[inline(never)]
    fn parse_level_prefixed(&mut self, max: Level) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = match self.peek() {
            Tok::Kw(Kw::Lambda) => {
                if max < Level::IfExp {
                    return Err(self.unexpected());
                }
                return self.parse_lambda();
            }
            Tok::Kw(Kw::Not) => {
                if max < Level::Not {
                    return Err(self.unexpected());
                }
                self.parse_not_chain()?
            }
            _ => self.parse_factor_chain(None)?,
        };
        if self.next_stage(max).is_none() {
            return Ok(first);
        }
        self.continue_level(start, first, max)
    }

    /// The next operator stage that continues an expression of level `max`.
    fn next_stage(&self, max: Level) -> Option<Level> {
        let stage = match self.peek() {
            Tok::Op(Op::DoubleStar) => Level::Factor,
            Tok::Op(op) => {
                if binop_of(*op).is_some() {
                    Level::BitOr
                } else if matches!(
                    op,
                    Op::Less
                        | Op::Greater
                        | Op::EqEqual
                        | Op::NotEqual
                        | Op::LessEqual
                        | Op::GreaterEqual
                ) {
                    Level::Cmp
                } else {
                    return None;
                }
            }
            Tok::Kw(Kw::In) | Tok::Kw(Kw::Is) => Level::Cmp,
            Tok::Kw(Kw::Not) if matches!(self.peek_n(1), Tok::Kw(Kw::In)) => Level::Cmp,
            Tok::Kw(Kw::And) => Level::And,
            Tok::Kw(Kw::Or) => Level::Or,
            Tok::Kw(Kw::If) => Level::IfExp,
            _ => return None,
        };
        if stage <= max {
            Some(stage)
        } else {
            None
        }
    }

    /// Apply operator stages (each consumes its level and tighter ones) to
    /// `first` until none of level `max` or tighter follows.
    #[inline(never)]
    fn continue_level(&mut self, start: Pos, first: Expr, max: Level) -> PResult<Expr> {
        let mut e = first;
        while let Some(stage) = self.next_stage(max) {
            e = self.apply_stage(stage, start, e)?;
        }
        Ok(e)
    }

    #[inline(never)]
    fn apply_stage(&mut self, stage: Level, start: Pos, e: Expr) -> PResult<Expr> {
        match stage {
            Level::Factor => self.parse_factor_chain(Some((e, start))),
            Level::BitOr => self.parse_binop_rest(start, e),
            Level::Cmp => self.parse_comparison_rest(start, e),
            Level::Not => Err(self.unexpected()),
            Level::And => self.parse_boolop_rest(BoolOp::And, start, e),
            Level::Or => self.parse_boolop_rest(BoolOp::Or, start, e),
            Level::IfExp => self.parse_ifexp_chain(start, e),
        }
    }

    /// `body if test else orelse`, chains parsed iteratively.
    #[inline(never)]
    fn parse_ifexp_chain(&mut self, start: Pos, body: Expr) -> PResult<Expr> {
        let mut chain: Vec<(Pos, Expr, Expr)> = Vec::new();
        let mut cur_start = start;
        let mut cur_body = body;
        loop {
            self.bump(); // if
            let test = self.parse_level(Level::Or)?;
            if !self.eat_kw(Kw::Else) {
                return Err(self.err_missing_else(cur_start));
            }
            chain.push((cur_start, cur_body, test));
            cur_start = self.cur_pos();
            cur_body = if self.at_kw(Kw::Lambda) {
                self.parse_lambda()?
            } else {
                self.parse_level(Level::Or)?
            };
            if !self.at_kw(Kw::If) || matches!(cur_body.kind, ExprKind::Lambda(..)) {
                return self.fold_ifexp(chain, cur_body);
            }
        }
    }

    #[inline(never)]
    fn fold_ifexp(&self, chain: Vec<(Pos, Expr, Expr)>, orelse: Expr) -> PResult<Expr> {
        let mut d = expr_depth(&orelse);
        let mut acc = orelse;
        for (pos, body, test) in chain.into_iter().rev() {
            d = 1 + d.max(expr_depth(&body)).max(expr_depth(&test));
            if d > MAX_EXPR_DEPTH {
                return Err(self.too_complex(pos));
            }
            acc = mk(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(acc),
                },
                pos,
            );
        }
        Ok(acc)
    }

    #[cold]
    #[inline(never)]
    fn err_missing_else(&self, body_start: Pos) -> PErr {
        if self.at_op(Op::Colon) {
            return self.unexpected();
        }
        self.err_at(body_start, "expected 'else' after 'if' expression")
    }

    #[inline(never)]
    fn parse_lambda(&mut self) -> PResult<Expr> {
        let p = self.cur_pos();
        self.bump();
        self.enter()?;
        let args = self.parse_params(true)?;
        let body = self.parse_expression()?;
        self.leave();
        Ok(mk(ExprKind::Lambda(args, Box::new(body)), p))
    }

    #[inline(never)]
    fn parse_boolop_rest(&mut self, op: BoolOp, start: Pos, first: Expr) -> PResult<Expr> {
        let (kw, operand) = if op == BoolOp::Or {
            (Kw::Or, Level::And)
        } else {
            (Kw::And, Level::Not)
        };
        let mut vals = vec![first];
        while self.eat_kw(kw) {
            let v = self.parse_level(operand)?;
            vals.push(v);
        }
        Ok(mk(ExprKind::BoolOp(op, vals), start))
    }

    /// `not not ... x`, iteratively.
    #[inline(never)]
    fn parse_not_chain(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at_kw(Kw::Not) {
            nots.push(self.cur_pos());
            self.bump();
        }
        let e = self.parse_level(Level::Cmp)?;
        self.fold_nots(nots, e)
    }

    #[inline(never)]
    fn fold_nots(&self, nots: Vec<Pos>, mut e: Expr) -> PResult<Expr> {
        if expr_depth(&e) + nots.len() > MAX_EXPR_DEPTH {
            return Err(self.too_complex(nots[0]));
        }
        for p in nots.into_iter().rev() {
            e = mk(ExprKind::UnaryOp(UnaryOp::Not, Box::new(e)), p);
        }
        Ok(e)
    }

    /// The comparison operator at the current token (`not in` and `is not`
    /// span two tokens).
    fn peek_cmpop(&self) -> Option<(CmpOp, usize)> {
        Some(match self.peek() {
            Tok::Op(Op::Less) => (CmpOp::Lt, 1),
            Tok::Op(Op::Greater) => (CmpOp::Gt, 1),
            Tok::Op(Op::EqEqual) => (CmpOp::Eq, 1),
            Tok::Op(Op::NotEqual) => (CmpOp::NotEq, 1),
            Tok::Op(Op::LessEqual) => (CmpOp::LtE, 1),
            Tok::Op(Op::GreaterEqual) => (CmpOp::GtE, 1),
            Tok::Kw(Kw::In) => (CmpOp::In, 1),
            Tok::Kw(Kw::Not) if matches!(self.peek_n(1), Tok::Kw(Kw::In)) => (CmpOp::NotIn, 2),
            Tok::Kw(Kw::Is) => {
                if matches!(self.peek_n(1), Tok::Kw(Kw::Not)) {
                    (CmpOp::IsNot, 2)
                } else {
                    (CmpOp::Is, 1)
                }
            }
            _ => return None,
        })
    }

    #[inline(never)]
    fn parse_comparison_rest(&mut self, start: Pos, first: Expr) -> PResult<Expr> {
        let mut ops = Vec::new();
        while let Some((op, n)) = self.peek_cmpop() {
            for _ in 0..n {
                self.bump();
            }
            let right = self.parse_level(Level::BitOr)?;
            ops.push((op, right));
        }
        Ok(mk(ExprKind::Compare(Box::new(first), ops), start))
    }

    /// Binary operators `| ^ & << >> + - * / // % @` by precedence climbing
    /// with explicit stacks (no recursion; left-deep trees are measured).
    #[inline(never)]
    fn parse_binop_rest(&mut self, start: Pos, first: Expr) -> PResult<Expr> {
        let d0 = expr_depth(&first);
        let mut operands: Vec<(Expr, usize, Pos)> = vec![(first, d0, start)];
        let mut ops: Vec<(BinOp, u8)> = Vec::new();
        while let Some((op, prec)) = self.peek_binop() {
            self.bump();
            while let Some(&(_, tprec)) = ops.last() {
                if tprec >= prec {
                    self.reduce_binop(&mut operands, &mut ops)?;
                } else {
                    break;
                }
            }
            ops.push((op, prec));
            let s = self.cur_pos();
            let e = self.parse_level(Level::Factor)?;
            let d = expr_depth(&e);
            operands.push((e, d, s));
        }
        while !ops.is_empty() {
            self.reduce_binop(&mut operands, &mut ops)?;
        }
        Ok(operands.pop().unwrap().0)
    }

    fn peek_binop(&self) -> Option<(BinOp, u8)> {
        match self.peek() {
            Tok::Op(op) => binop_of(*op),
            _ => None,
        }
    }

    fn reduce_binop(
        &self,
        operands: &mut Vec<(Expr, usize, Pos)>,
        ops: &mut Vec<(BinOp, u8)>,
    ) -> PResult<()> {
        let (op, _) = ops.pop().unwrap();
        let (r, dr, _) = operands.pop().unwrap();
        let (l, dl, pos) = operands.pop().unwrap();
        let d = 1 + dl.max(dr);
        if d > MAX_EXPR_DEPTH {
            return Err(self.too_complex(pos));
        }
        operands.push((
            mk(ExprKind::BinOp(Box::new(l), op, Box::new(r)), pos),
            d,
            pos,
        ));
        Ok(())
    }

    /// Unary operators and `**` chains, iteratively: a sequence of segments
    /// `unaries primary **`, folded from the right. `first` is a primary
    /// already parsed and followed by `**`.
    #[inline(never)]
    fn parse_factor_chain(&mut self, first: Option<(Expr, Pos)>) -> PResult<Expr> {
        let mut segs: Vec<FactorSeg> = Vec::new();
        if let Some((prim, pos)) = first {
            segs.push((Vec::new(), prim, pos));
            self.bump(); // **
        }
        loop {
            let unaries = self.parse_unary_ops()?;
            let s = self.cur_pos();
            let prim = self.parse_primary()?;
            segs.push((unaries, prim, s));
            if segs.len() > MAX_EXPR_DEPTH {
                return Err(self.too_complex(segs[0].2));
            }
            if !self.eat_op(Op::DoubleStar) {
                break;
            }
        }
        self.fold_factor_chain(segs)
    }

    #[inline(never)]
    fn parse_unary_ops(&mut self) -> PResult<Vec<(UnaryOp, Pos)>> {
        let mut unaries = Vec::new();
        loop {
            let op = match self.peek() {
                Tok::Op(Op::Minus) => UnaryOp::Neg,
                Tok::Op(Op::Plus) => UnaryOp::Pos,
                Tok::Op(Op::Tilde) => UnaryOp::Invert,
                _ => return Ok(unaries),
            };
            unaries.push((op, self.cur_pos()));
            self.bump();
            if unaries.len() > MAX_EXPR_DEPTH {
                return Err(self.too_complex(unaries[0].1));
            }
        }
    }

    #[inline(never)]
    fn fold_factor_chain(&self, mut segs: Vec<FactorSeg>) -> PResult<Expr> {
        let (unaries, prim, _) = segs.pop().unwrap();
        let mut d = expr_depth(&prim) + unaries.len();
        let mut acc = prim;
        for (op, p) in unaries.into_iter().rev() {
            acc = mk(ExprKind::UnaryOp(op, Box::new(acc)), p);
        }
        if d > MAX_EXPR_DEPTH {
            return Err(self.too_complex(acc.pos));
        }
        while let Some((unaries, base, bpos)) = segs.pop() {
            d = 1 + d.max(expr_depth(&base)) + unaries.len();
            if d > MAX_EXPR_DEPTH {
                return Err(self.too_complex(bpos));
            }
            acc = mk(
                ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(acc)),
                bpos,
            );
            for (op, p) in unaries.into_iter().rev() {
                acc = mk(ExprKind::UnaryOp(op, Box::new(acc)), p);
            }
        }
        Ok(acc)
    }

    /// An atom followed by `.name`, `(args)` and `[slices]` trailers.
    fn parse_primary(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let e = self.parse_atom()?;
        if !matches!(
            self.peek(),
            Tok::Op(Op::Dot) | Tok::Op(Op::LPar) | Tok::Op(Op::LSqb)
        ) {
            return Ok(e);
        }
        self.parse_trailers(start, e)
    }

    /// Trailers, iteratively; the depth of the left-deep result is measured.
    #[inline(never)]
    fn parse_trailers(&mut self, start: Pos, mut e: Expr) -> PResult<Expr> {
        let mut depth = expr_depth(&e);
        loop {
            match self.peek() {
                Tok::Op(Op::Dot) => self.parse_attr_trailer(start, &mut e)?,
                Tok::Op(Op::LPar) => self.parse_call_trailer(start, &mut e, &mut depth)?,
                Tok::Op(Op::LSqb) => self.parse_subscript_trailer(start, &mut e, &mut depth)?,
                _ => break,
            }
            depth += 1;
            if depth > MAX_EXPR_DEPTH {
                return Err(self.too_complex(start));
            }
        }
        Ok(e)
    }

    #[inline(never)]
    fn parse_attr_trailer(&mut self, start: Pos, e: &mut Expr) -> PResult<()> {
        self.bump();
        let (name, _) = self.expect_name()?;
        let value = std::mem::replace(e, mk(ExprKind::None, start));
        *e = mk(ExprKind::Attribute(Box::new(value), name), start);
        Ok(())
    }

    /// `func(args)`, replacing `e`; `depth` becomes the max of the function's
    /// and the arguments' depths.
    #[inline(never)]
    fn parse_call_trailer(&mut self, start: Pos, e: &mut Expr, depth: &mut usize) -> PResult<()> {
        let lp = self.cur_pos();
        self.bump();
        self.enter()?;
        let (args, keywords) = self.parse_arguments(Some(lp))?;
        self.leave();
        *depth = (*depth).max(args_depth(&args, &keywords));
        let func = std::mem::replace(e, mk(ExprKind::None, start));
        *e = mk(
            ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
            start,
        );
        Ok(())
    }

    /// `value[slices]`, replacing `e`.
    #[inline(never)]
    fn parse_subscript_trailer(
        &mut self,
        start: Pos,
        e: &mut Expr,
        depth: &mut usize,
    ) -> PResult<()> {
        let lsqb = self.pos;
        self.bump();
        self.enter()?;
        if self.at_op(Op::RSqb) && self.toks[lsqb].level > 0 {
            // `f(a[], b)`: CPython reads `a []` as two expressions.
            let i = (0..lsqb)
                .rev()
                .find(|&i| self.pos_of(i) == start)
                .unwrap_or(lsqb);
            return Err(self.comma_hint(i, lsqb));
        }
        let elem = self.pos;
        let index = self.parse_slices()?;
        self.expect_closer(Op::RSqb, elem)?;
        self.leave();
        *depth = (*depth).max(expr_depth(&index));
        let value = std::mem::replace(e, mk(ExprKind::None, start));
        *e = mk(ExprKind::Subscript(Box::new(value), Box::new(index)), start);
        Ok(())
    }

    /// Call arguments after `(`, consuming `)`. `genexp_pos` is the
    /// position of the call's `(` (a bare generator expression argument is
    /// allowed only in calls, not in class bases).
    fn parse_arguments(&mut self, genexp_pos: Option<Pos>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut st = ArgState {
            args: Vec::new(),
            keywords: Vec::new(),
            seen_kw: false,
            seen_dstar: false,
            late_positional: None,
        };
        let mut elem = self.pos;
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            elem = self.pos;
            let more =
                if self.at_plain_expr_start() && !matches!(self.peek_n(1), Tok::Op(Op::Equal)) {
                    let e = self.parse_expression()?;
                    if matches!(self.peek(), Tok::Op(Op::Comma) | Tok::Op(Op::RPar))
                        && !st.seen_kw
                        && !st.seen_dstar
                    {
                        st.args.push(e);
                        true
                    } else {
                        self.parse_arg_positional_rest(&mut st, genexp_pos, e)?
                    }
                } else {
                    self.parse_arg_other(&mut st, genexp_pos)?
                };
            if !more || !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(msg) = st.late_positional {
            if self.at_op(Op::RPar) {
                return Err(self.err_here(msg));
            }
        }
        self.expect_closer(Op::RPar, elem)?;
        Ok((st.args, st.keywords))
    }

    #[inline(never)]
    fn parse_arg_other(&mut self, st: &mut ArgState, genexp_pos: Option<Pos>) -> PResult<bool> {
        match self.peek() {
            Tok::Op(Op::Star) => self.parse_arg_star(st),
            Tok::Op(Op::DoubleStar) => self.parse_arg_dstar(st),
            Tok::Name if matches!(self.peek_n(1), Tok::Op(Op::Equal)) => self.parse_arg_keyword(st),
            _ => self.parse_arg_positional(st, genexp_pos),
        }
    }

    #[inline(never)]
    fn parse_arg_star(&mut self, st: &mut ArgState) -> PResult<bool> {
        let p = self.cur_pos();
        if st.seen_dstar && st.late_positional.is_none() {
            return Err(self.err_at(
                p,
                "iterable argument unpacking follows keyword argument unpacking",
            ));
        }
        let star = self.bump();
        let v = match self.parse_expression() {
            Ok(v) => v,
            Err(e) => {
                // `f(a=1, *)`: CPython's message for a bad star after keywords.
                if st.seen_kw && self.pos == star + 1 {
                    return Err(self.err_at(
                        p,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                return Err(e);
            }
        };
        st.args.push(mk(ExprKind::Starred(Box::new(v)), p));
        Ok(true)
    }

    #[inline(never)]
    fn parse_arg_dstar(&mut self, st: &mut ArgState) -> PResult<bool> {
        let p = self.cur_pos();
        self.bump();
        let v = self.parse_expression()?;
        st.keywords.push(Keyword {
            name: None,
            value: v,
            pos: p,
        });
        st.seen_dstar = true;
        Ok(true)
    }

    #[inline(never)]
    fn parse_arg_keyword(&mut self, st: &mut ArgState) -> PResult<bool> {
        let p = self.cur_pos();
        let name = self.ident(self.pos);
        self.bump();
        self.bump();
        let v = self.parse_expression()?;
        if st
            .keywords
            .iter()
            .any(|k| k.name.as_deref() == Some(name.as_str()))
        {
            let e = self.err_at(p, format!("keyword argument repeated: {}", name));
            self.defer(e);
        }
        st.keywords.push(Keyword {
            name: Some(name),
            value: v,
            pos: p,
        });
        st.seen_kw = true;
        Ok(true)
    }

    /// A positional argument (or the generator expression of `f(x for x in y)`).
    /// Returns false when the argument list must end.
    #[inline(never)]
    fn parse_arg_positional(
        &mut self,
        st: &mut ArgState,
        genexp_pos: Option<Pos>,
    ) -> PResult<bool> {
        let p = self.cur_pos();
        if matches!(self.peek(), Tok::Kw(Kw::True | Kw::False | Kw::None))
            && matches!(self.peek_n(1), Tok::Op(Op::Equal))
        {
            let name = self.text(self.pos);
            return Err(self.err_at(p, format!("cannot assign to {}", name)));
        }
        let e = self.parse_named_expression()?;
        self.parse_arg_positional_rest(st, genexp_pos, e)
    }

    #[inline(never)]
    fn parse_arg_positional_rest(
        &mut self,
        st: &mut ArgState,
        genexp_pos: Option<Pos>,
        e: Expr,
    ) -> PResult<bool> {
        let p = e.pos;
        if self.at_op(Op::ColonEqual) {
            return Err(self.err_walrus_target(&e));
        }
        if self.at_kw(Kw::For) {
            let Some(gp) = genexp_pos else {
                return Err(self.unexpected());
            };
            let comps = self.parse_comp_for()?;
            if !(st.args.is_empty() && st.keywords.is_empty() && self.at_op(Op::RPar)) {
                return Err(self.err_at(p, "Generator expression must be parenthesized"));
            }
            st.args
                .push(mk(ExprKind::GeneratorExp(Box::new(e), comps), gp));
            return Ok(false);
        }
        if self.at_op(Op::Equal) && !matches!(e.kind, ExprKind::NamedExpr(..)) {
            return Err(self.err_at(
                p,
                "expression cannot contain assignment, perhaps you meant \"==\"?",
            ));
        }
        if st.late_positional.is_none() && (st.seen_dstar || st.seen_kw) {
            // Reported (by CPython) at the end of the argument list.
            st.late_positional = Some(if st.seen_dstar {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            });
        }
        st.args.push(e);
        Ok(true)
    }

    /// The inside of `[...]` after a primary.
    fn parse_slices(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_slice_item()?;
        if !self.at_op(Op::Comma) && !matches!(first.kind, ExprKind::Starred(_)) {
            return Ok(first);
        }
        self.parse_slices_rest(start, first)
    }

    #[inline(never)]
    fn parse_slices_rest(&mut self, start: Pos, first: Expr) -> PResult<Expr> {
        // `a[*b]` subscripts with a one-element tuple (3.11).
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.parse_slice_item()?);
        }
        Ok(mk(ExprKind::Tuple(elts), start))
    }

    fn parse_slice_item(&mut self) -> PResult<Expr> {
        if !self.at_plain_expr_start() {
            return self.parse_slice_item_slow();
        }
        let p = self.cur_pos();
        let lower = self.parse_expression()?;
        if !self.at_op(Op::Colon) {
            if self.at_op(Op::ColonEqual) {
                return Err(self.err_walrus_target(&lower));
            }
            return Ok(lower);
        }
        self.parse_slice_rest(p, Some(lower))
    }

    #[inline(never)]
    fn parse_slice_item_slow(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred();
        }
        if self.at_op(Op::Colon) {
            return self.parse_slice_rest(self.cur_pos(), None);
        }
        let p = self.cur_pos();
        let lower = self.parse_named_expression()?;
        if !self.at_op(Op::Colon) {
            return Ok(lower);
        }
        self.parse_slice_rest(p, Some(lower))
    }

    /// `lower : upper : step` from the first colon.
    #[inline(never)]
    fn parse_slice_rest(&mut self, p: Pos, lower: Option<Expr>) -> PResult<Expr> {
        self.bump();
        let ends = |s: &Self| s.at_op(Op::Colon) || s.at_op(Op::RSqb) || s.at_op(Op::Comma);
        let upper = if ends(self) {
            None
        } else {
            Some(Box::new(self.parse_expression()?))
        };
        let step = if self.eat_op(Op::Colon) {
            if self.at_op(Op::RSqb) || self.at_op(Op::Comma) {
                None
            } else {
                Some(Box::new(self.parse_expression()?))
            }
        } else {
            None
        };
        Ok(mk(ExprKind::Slice(lower.map(Box::new), upper, step), p))
    }

    fn parse_atom(&mut self) -> PResult<Expr> {
        match self.peek() {
            Tok::Op(Op::LPar) => self.parse_paren(),
            Tok::Op(Op::LSqb) => self.parse_list(),
            Tok::Op(Op::LBrace) => self.parse_dict_or_set(),
            Tok::Str(_) => self.parse_strings(),
            _ => self.parse_simple_atom(),
        }
    }

    #[inline(never)]
    fn parse_simple_atom(&mut self) -> PResult<Expr> {
        let p = self.cur_pos();
        let kind = match self.peek() {
            Tok::Name => ExprKind::Name(self.ident(self.pos)),
            Tok::Int(v) => ExprKind::Int(*v),
            Tok::BigInt(s) => ExprKind::BigInt(s.clone()),
            Tok::Float(f) => ExprKind::Float(*f),
            Tok::Imag(f) => ExprKind::Imag(*f),
            Tok::Kw(Kw::True) => ExprKind::True,
            Tok::Kw(Kw::False) => ExprKind::False,
            Tok::Kw(Kw::None) => ExprKind::None,
            Tok::Op(Op::Ellipsis) => ExprKind::Ellipsis,
            _ => return Err(self.unexpected()),
        };
        self.bump();
        Ok(mk(kind, p))
    }

    fn parse_paren(&mut self) -> PResult<Expr> {
        let lp = self.cur_pos();
        self.bump();
        self.enter()?;
        if !self.at_plain_expr_start() {
            return self.parse_paren_slow(lp);
        }
        let elem = self.pos;
        let first = self.parse_expression()?;
        if !self.at_op(Op::RPar) {
            return self.parse_paren_rest(lp, elem, first);
        }
        self.bump();
        self.leave();
        Ok(first)
    }

    /// Whether the current token starts an expression that is neither
    /// starred, nor a walrus, nor `yield` (the fast paths of displays).
    fn at_plain_expr_start(&self) -> bool {
        match self.peek() {
            Tok::Name => !matches!(self.peek_n(1), Tok::Op(Op::ColonEqual)),
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(k, Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda),
            Tok::Op(o) => matches!(
                o,
                Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `()`, `(yield ...)`, `(*a, b)`, `(x := 1)` and errors.
    #[inline(never)]
    fn parse_paren_slow(&mut self, lp: Pos) -> PResult<Expr> {
        if self.at_op(Op::RPar) {
            self.bump();
            self.leave();
            return Ok(mk(ExprKind::Tuple(Vec::new()), lp));
        }
        let mut elem = self.pos;
        let e = if self.at_kw(Kw::Yield) {
            self.parse_yield_expr()?
        } else {
            let first = self.parse_star_named_expression()?;
            self.parse_group_rest_at(lp, first, &mut elem)?
        };
        self.expect_closer(Op::RPar, elem)?;
        self.leave();
        Ok(e)
    }

    #[inline(never)]
    fn parse_paren_rest(&mut self, lp: Pos, elem: usize, first: Expr) -> PResult<Expr> {
        if self.at_op(Op::ColonEqual) {
            return Err(self.err_walrus_target(&first));
        }
        let mut elem = elem;
        let e = self.parse_group_rest_at(lp, first, &mut elem)?;
        self.expect_closer(Op::RPar, elem)?;
        self.leave();
        Ok(e)
    }

    /// What may stand inside `( )`: a yield expression, a generator
    /// expression, a tuple, or a (named) expression.
    fn parse_group_contents(&mut self, lp: Pos) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            return self.parse_yield_expr();
        }
        let first = self.parse_star_named_expression()?;
        if self.at_op(Op::RPar) && !matches!(first.kind, ExprKind::Starred(_)) {
            return Ok(first);
        }
        self.parse_group_rest(lp, first)
    }

    #[inline(never)]
    fn parse_group_rest(&mut self, lp: Pos, first: Expr) -> PResult<Expr> {
        let mut elem = NO_HINT;
        self.parse_group_rest_at(lp, first, &mut elem)
    }

    /// `elem` is updated to the start of the last element parsed (for the
    /// comma hint), or `NO_HINT` after a comprehension.
    fn parse_group_rest_at(&mut self, lp: Pos, first: Expr, elem: &mut usize) -> PResult<Expr> {
        if self.at_kw(Kw::For) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at(
                    first.pos,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let comps = self.parse_comp_for()?;
            *elem = NO_HINT;
            return Ok(mk(ExprKind::GeneratorExp(Box::new(first), comps), lp));
        }
        if self.at_op(Op::Comma) {
            self.check_stray_eq(&first)?;
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.can_start_expr() {
                    break;
                }
                *elem = self.pos;
                let e = self.parse_star_named_expression()?;
                self.check_stray_eq(&e)?;
                elts.push(e);
            }
            return Ok(mk(ExprKind::Tuple(elts), lp));
        }
        if let ExprKind::Starred(_) = first.kind {
            return Err(self.err_at(first.pos, "cannot use starred expression here"));
        }
        self.check_stray_eq(&first)?;
        Ok(first)
    }

    fn parse_list(&mut self) -> PResult<Expr> {
        let lp = self.cur_pos();
        self.bump();
        self.enter()?;
        if self.at_op(Op::RSqb) {
            self.bump();
            self.leave();
            return Ok(mk(ExprKind::List(Vec::new()), lp));
        }
        let elem = self.pos;
        if !self.at_plain_expr_start() {
            return self.parse_list_slow(lp, elem);
        }
        let first = self.parse_expression()?;
        if !self.at_op(Op::RSqb) {
            return self.parse_list_slow2(lp, elem, first);
        }
        self.bump();
        self.leave();
        Ok(mk(ExprKind::List(vec![first]), lp))
    }

    #[inline(never)]
    fn parse_list_slow(&mut self, lp: Pos, elem: usize) -> PResult<Expr> {
        let first = self.parse_star_named_expression()?;
        self.parse_list_slow2(lp, elem, first)
    }

    #[inline(never)]
    fn parse_list_slow2(&mut self, lp: Pos, elem: usize, first: Expr) -> PResult<Expr> {
        if self.at_op(Op::ColonEqual) {
            return Err(self.err_walrus_target(&first));
        }
        let e = self.parse_list_rest(lp, elem, first)?;
        self.leave();
        Ok(e)
    }

    #[inline(never)]
    fn parse_list_rest(&mut self, lp: Pos, mut elem: usize, first: Expr) -> PResult<Expr> {
        if self.at_kw(Kw::For) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at(
                    first.pos,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let comps = self.parse_comp_for()?;
            self.expect_closer(Op::RSqb, NO_HINT)?;
            return Ok(mk(ExprKind::ListComp(Box::new(first), comps), lp));
        }
        self.check_stray_eq(&first)?;
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elem = self.pos;
            let e = self.parse_star_named_expression()?;
            self.check_stray_eq(&e)?;
            elts.push(e);
        }
        self.expect_closer(Op::RSqb, elem)?;
        Ok(mk(ExprKind::List(elts), lp))
    }

    fn parse_dict_or_set(&mut self) -> PResult<Expr> {
        let lp = self.cur_pos();
        self.bump();
        self.enter()?;
        if self.at_op(Op::DoubleStar) {
            return self.parse_dict_dstar_first(lp);
        }
        if !self.at_plain_expr_start() || self.at_op(Op::LPar) {
            return self.parse_dict_or_set_slow(lp);
        }
        let elem = self.pos;
        let first = self.parse_expression()?;
        if !self.at_op(Op::Colon) {
            return self.parse_set_rest(lp, elem, first);
        }
        self.bump();
        // The comma hint points at the value: `{k: a b}`.
        let velem = self.pos;
        let v = self.parse_expression()?;
        self.parse_dict_first_rest(lp, velem, first, v)
    }

    /// `{**m, ...}`.
    #[inline(never)]
    fn parse_dict_dstar_first(&mut self, lp: Pos) -> PResult<Expr> {
        let elem = self.pos;
        self.bump();
        let v = self.parse_bitor()?;
        self.parse_dict_dstar_rest(lp, elem, v)
    }

    #[inline(never)]
    fn parse_dict_dstar_rest(&mut self, lp: Pos, mut elem: usize, v: Expr) -> PResult<Expr> {
        if self.at_kw(Kw::For) {
            return Err(self.err_at(
                self.pos_of(elem),
                "dict unpacking cannot be used in dict comprehension",
            ));
        }
        let items = self.parse_dict_rest(vec![(None, v)], &mut elem)?;
        self.expect_closer(Op::RBrace, elem)?;
        self.leave();
        Ok(mk(ExprKind::Dict(items), lp))
    }

    #[inline(never)]
    fn parse_dict_or_set_slow(&mut self, lp: Pos) -> PResult<Expr> {
        if self.at_op(Op::RBrace) {
            self.bump();
            self.leave();
            return Ok(mk(ExprKind::Dict(Vec::new()), lp));
        }
        let e = self.parse_dict_or_set_body(lp)?;
        self.leave();
        Ok(e)
    }

    /// After `{key: value` (key not starred nor a walrus).
    #[inline(never)]
    fn parse_dict_first_rest(
        &mut self,
        lp: Pos,
        mut elem: usize,
        k: Expr,
        v: Expr,
    ) -> PResult<Expr> {
        let result = if self.at_kw(Kw::For) {
            let comps = self.parse_comp_for()?;
            elem = NO_HINT;
            mk(ExprKind::DictComp(Box::new(k), Box::new(v), comps), lp)
        } else {
            let items = self.parse_dict_rest(vec![(Some(k), v)], &mut elem)?;
            mk(ExprKind::Dict(items), lp)
        };
        self.expect_closer(Op::RBrace, elem)?;
        self.leave();
        Ok(result)
    }

    /// After `{first` not followed by `:`.
    #[inline(never)]
    fn parse_set_rest(&mut self, lp: Pos, mut elem: usize, first: Expr) -> PResult<Expr> {
        if self.at_op(Op::ColonEqual) {
            return Err(self.err_walrus_target(&first));
        }
        let result = if self.at_kw(Kw::For) {
            let comps = self.parse_comp_for()?;
            elem = NO_HINT;
            mk(ExprKind::SetComp(Box::new(first), comps), lp)
        } else {
            self.check_stray_eq(&first)?;
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RBrace) {
                    break;
                }
                elem = self.pos;
                let e = self.parse_star_named_expression()?;
                self.check_stray_eq(&e)?;
                elts.push(e);
            }
            mk(ExprKind::Set(elts), lp)
        };
        self.expect_closer(Op::RBrace, elem)?;
        self.leave();
        Ok(result)
    }

    #[inline(never)]
    fn parse_dict_or_set_body(&mut self, lp: Pos) -> PResult<Expr> {
        let mut elem = self.pos;
        let result;
        if self.at_op(Op::DoubleStar) {
            let sp = self.cur_pos();
            self.bump();
            let v = self.parse_bitor()?;
            if self.at_kw(Kw::For) {
                return Err(self.err_at(sp, "dict unpacking cannot be used in dict comprehension"));
            }
            let items = self.parse_dict_rest(vec![(None, v)], &mut elem)?;
            result = mk(ExprKind::Dict(items), lp);
        } else {
            let paren = self.at_op(Op::LPar);
            let first = self.parse_star_named_expression()?;
            let plain = match first.kind {
                ExprKind::Starred(_) => false,
                ExprKind::NamedExpr(..) => paren,
                _ => true,
            };
            if plain && self.eat_op(Op::Colon) {
                let v = self.parse_expression()?;
                if self.at_kw(Kw::For) {
                    let comps = self.parse_comp_for()?;
                    result = mk(ExprKind::DictComp(Box::new(first), Box::new(v), comps), lp);
                } else {
                    let items = self.parse_dict_rest(vec![(Some(first), v)], &mut elem)?;
                    result = mk(ExprKind::Dict(items), lp);
                }
            } else if self.at_kw(Kw::For) {
                if let ExprKind::Starred(_) = first.kind {
                    return Err(self.err_at(
                        first.pos,
                        "iterable unpacking cannot be used in comprehension",
                    ));
                }
                let comps = self.parse_comp_for()?;
                result = mk(ExprKind::SetComp(Box::new(first), comps), lp);
            } else {
                self.check_stray_eq(&first)?;
                let mut elts = vec![first];
                while self.eat_op(Op::Comma) {
                    if self.at_op(Op::RBrace) {
                        break;
                    }
                    elem = self.pos;
                    let e = self.parse_star_named_expression()?;
                    self.check_stray_eq(&e)?;
                    elts.push(e);
                }
                result = mk(ExprKind::Set(elts), lp);
            }
        }
        self.expect_closer(Op::RBrace, elem)?;
        Ok(result)
    }

    fn parse_dict_rest(
        &mut self,
        mut items: Vec<(Option<Expr>, Expr)>,
        elem: &mut usize,
    ) -> PResult<Vec<(Option<Expr>, Expr)>> {
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            *elem = self.pos;
            if self.eat_op(Op::DoubleStar) {
                let v = self.parse_bitor()?;
                items.push((None, v));
            } else {
                let k = self.parse_expression()?;
                if !self.eat_op(Op::Colon) {
                    return Err(self.err_dict_key(&k));
                }
                *elem = self.pos;
                let v = self.parse_expression()?;
                items.push((Some(k), v));
            }
        }
        Ok(items)
    }

    #[cold]
    #[inline(never)]
    fn err_dict_key(&mut self, _k: &Expr) -> PErr {
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) || self.can_start_expr() {
            // CPython points at the last character of the key.
            let prev = &self.toks[self.pos - 1];
            let pos = Pos {
                line: prev.end_line,
                col: prev.end_col.saturating_sub(1),
            };
            return self.err_at(pos, "':' expected after dictionary key");
        }
        self.unexpected()
    }

    /// `for target in iter if cond ...` clauses of a comprehension.
    fn parse_comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut comps = Vec::new();
        while self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if self.at_kw(Kw::Async) {
                return Err(self.unexpected());
            }
            self.bump();
            let tstart = self.pos;
            let target = self.parse_target_list()?;
            if !self.at_kw(Kw::In) {
                return Err(self.sep_error(tstart));
            }
            self.check_target(&target, TargetCtx::Comp)?;
            self.bump();
            let iter = self.parse_disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.parse_disjunction()?);
            }
            comps.push(Comprehension { target, iter, ifs });
        }
        Ok(comps)
    }

    /// A target list of `for` (at `bitwise_or` level so that `in` ends it).
    fn parse_target_list(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_target_elem()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.can_start_expr() {
                break;
            }
            elts.push(self.parse_target_elem()?);
        }
        Ok(mk(ExprKind::Tuple(elts), start))
    }

    fn parse_target_elem(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred();
        }
        self.parse_bitor()
    }

    #[inline(never)]
    fn parse_yield_expr(&mut self) -> PResult<Expr> {
        let p = self.cur_pos();
        self.bump();
        if self.eat_kw(Kw::From) {
            let v = self.parse_expression()?;
            return Ok(mk(ExprKind::YieldFrom(Box::new(v)), p));
        }
        if self.can_start_expr() {
            let v = self.parse_star_expressions()?;
            self.check_not_starred(&v);
            return Ok(mk(ExprKind::Yield(Some(Box::new(v))), p));
        }
        Ok(mk(ExprKind::Yield(None), p))
    }

    // ----- strings ------------------------------------------------------

    /// One or more adjacent string literals.
    #[inline(never)]
    fn parse_strings(&mut self) -> PResult<Expr> {
        let p = self.cur_pos();
        let mut idxs = Vec::new();
        while let Tok::Str(_) = self.peek() {
            idxs.push(self.bump());
        }
        let infos: Vec<StrInfo> = idxs
            .iter()
            .map(|&i| match &self.toks[i].tok {
                Tok::Str(s) => *s,
                _ => unreachable!(),
            })
            .collect();
        let nbytes = infos.iter().filter(|s| s.bytes).count();
        if nbytes != 0 && nbytes != idxs.len() {
            let last = &self.toks[*idxs.last().unwrap()];
            return Err(self.err_at(
                Pos {
                    line: last.end_line,
                    col: last.end_col,
                },
                "cannot mix bytes and nonbytes literals",
            ));
        }
        if nbytes != 0 {
            let mut out = Vec::new();
            for (k, &i) in idxs.iter().enumerate() {
                let (s, e) = self.toks[i].str_body().unwrap();
                match lexer::decode_bytes(&self.src[s..e], infos[k].raw) {
                    Ok(b) => out.extend_from_slice(&b),
                    Err(m) => return Err(self.err_at(self.pos_of(i), m)),
                }
            }
            return Ok(mk(ExprKind::Bytes(out), p));
        }
        if !infos.iter().any(|s| s.fstring) {
            let mut out = String::new();
            for (k, &i) in idxs.iter().enumerate() {
                let (s, e) = self.toks[i].str_body().unwrap();
                match lexer::decode_str(&self.src[s..e], infos[k].raw) {
                    Ok(t) => out.push_str(&t),
                    Err(m) => return Err(self.err_string_decode(i, m)),
                }
            }
            return Ok(mk(ExprKind::Str(out), p));
        }
        let mut parts: Vec<FStringPart> = Vec::new();
        for (k, &i) in idxs.iter().enumerate() {
            let si = infos[k];
            let (s, e) = self.toks[i].str_body().unwrap();
            if si.fstring {
                self.parse_fstring(i, si, s, e, &mut parts)?;
            } else {
                match lexer::decode_str(&self.src[s..e], si.raw) {
                    Ok(t) => push_literal(&mut parts, &t),
                    Err(m) => return Err(self.err_string_decode(i, m)),
                }
            }
        }
        Ok(mk(ExprKind::JoinedStr(parts), p))
    }

    fn err_string_decode(&self, i: usize, msg: String) -> PErr {
        let t = &self.toks[i];
        self.err_at(
            Pos {
                line: t.end_line,
                col: t.end_col,
            },
            msg,
        )
    }

    /// Parse the body `src[start..end]` of the f-string token `ti`.
    fn parse_fstring(
        &mut self,
        ti: usize,
        si: StrInfo,
        start: usize,
        end: usize,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        let t = &self.toks[ti];
        let q = if si.triple { 3 } else { 1 };
        let mut cur = FCursor {
            pos: start,
            line: t.line,
            col: t.col + si.prefix_len as u32 + q,
        };
        let saved_end = self.fstring_end;
        self.fstring_end = Pos {
            line: t.end_line,
            col: t.end_col,
        };
        let r = self.fstring_parse(&mut cur, end, si.raw, 0, parts);
        self.fstring_end = saved_end;
        r
    }

    fn fstring_parse(
        &mut self,
        c: &mut FCursor,
        end: usize,
        raw: bool,
        level: u32,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        let b = self.src.as_bytes();
        loop {
            // Literal text up to `{` or `}`.
            let mut lit = String::new();
            let mut seg = c.pos;
            while c.pos < end {
                let ch = b[c.pos];
                if ch == b'\\' && !raw && c.pos + 1 < end {
                    let nx = b[c.pos + 1];
                    if nx == b'N' && c.pos + 2 < end && b[c.pos + 2] == b'{' {
                        // `\N{...}`: the braces are not a replacement field.
                        c.advance(self.src);
                        c.advance(self.src);
                        while c.pos < end && b[c.pos] != b'}' {
                            c.advance(self.src);
                        }
                        if c.pos < end {
                            c.advance(self.src);
                        }
                        continue;
                    }
                    if nx == b'{' || nx == b'}' {
                        c.advance(self.src);
                        continue;
                    }
                    c.advance(self.src);
                    c.advance(self.src);
                    continue;
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 && c.pos + 1 < end && b[c.pos + 1] == ch {
                        self.push_fstring_literal(&mut lit, seg, c.pos + 1, raw, c)?;
                        c.advance(self.src);
                        c.advance(self.src);
                        seg = c.pos;
                        continue;
                    }
                    if ch == b'}' && level == 0 {
                        return Err(self.fstr_err("f-string: single '}' is not allowed"));
                    }
                    break;
                }
                c.advance(self.src);
            }
            self.push_fstring_literal(&mut lit, seg, c.pos, raw, c)?;
            if !lit.is_empty() {
                push_literal(parts, &lit);
            }
            if c.pos >= end || b[c.pos] == b'}' {
                return Ok(());
            }
            // A replacement field.
            if level >= 2 {
                return Err(self.fstr_err("f-string: expressions nested too deeply"));
            }
            self.fstring_field(c, end, raw, level, parts)?;
        }
    }

    /// An error found while scanning an f-string (reported, as CPython does,
    /// just after the string token).
    fn fstr_err(&self, msg: impl Into<String>) -> PErr {
        self.err_at(self.fstring_end, msg)
    }

    fn push_fstring_literal(
        &self,
        lit: &mut String,
        from: usize,
        to: usize,
        raw: bool,
        _c: &FCursor,
    ) -> PResult<()> {
        if from >= to {
            return Ok(());
        }
        match lexer::decode_str(&self.src[from..to], raw) {
            Ok(s) => {
                lit.push_str(&s);
                Ok(())
            }
            Err(m) => Err(self.fstr_err(m)),
        }
    }

    fn fstring_field(
        &mut self,
        c: &mut FCursor,
        end: usize,
        raw: bool,
        level: u32,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        let b = self.src.as_bytes();
        let open = c.as_pos();
        c.advance(self.src); // {
        let expr_start = c.clone();
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        while c.pos < end {
            let ch = b[c.pos];
            if ch == b'\\' {
                return Err(self.fstr_err("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if triple {
                        if c.pos + 2 < end && b[c.pos + 1] == q && b[c.pos + 2] == q {
                            c.advance(self.src);
                            c.advance(self.src);
                            quote = None;
                        }
                    } else {
                        quote = None;
                    }
                }
                c.advance(self.src);
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    let triple = c.pos + 2 < end && b[c.pos + 1] == ch && b[c.pos + 2] == ch;
                    if triple {
                        c.advance(self.src);
                        c.advance(self.src);
                    }
                    quote = Some((ch, triple));
                }
                b'[' | b'(' | b'{' => {
                    if nest.len() >= lexer::MAX_PAREN_LEVEL {
                        return Err(self.fstr_err("f-string: too many nested parenthesis"));
                    }
                    nest.push(ch);
                }
                b'#' => {
                    return Err(self.fstr_err("f-string expression part cannot include '#'"));
                }
                b']' | b')' | b'}' if !nest.is_empty() || ch != b'}' => {
                    let Some(o) = nest.pop() else {
                        return Err(self.fstr_err(format!("f-string: unmatched '{}'", ch as char)));
                    };
                    let ok = matches!((o, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        return Err(self.fstr_err(
                            format!(
                                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                ch as char, o as char
                            ),
                        ));
                    }
                }
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if nest.is_empty() => {
                    let next = if c.pos + 1 < end { b[c.pos + 1] } else { 0 };
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        c.advance(self.src);
                        c.advance(self.src);
                        continue;
                    }
                    if ch == b'<' || ch == b'>' {
                        c.advance(self.src);
                        continue;
                    }
                    break;
                }
                _ => {}
            }
            c.advance(self.src);
        }
        if quote.is_some() {
            return Err(self.fstr_err("f-string: unterminated string"));
        }
        if let Some(&o) = nest.last() {
            return Err(self.fstr_err(format!("f-string: unmatched '{}'", o as char)));
        }
        if c.pos >= end {
            return Err(self.fstr_err("f-string: expecting '}'"));
        }
        let expr_end = c.pos;
        if self.src[expr_start.pos..expr_end]
            .trim_matches(|ch: char| ch.is_ascii_whitespace())
            .is_empty()
        {
            return Err(self.fstr_err("f-string: empty expression not allowed"));
        }
        let expr = self.parse_fstring_expr(&expr_start, expr_end, open)?;
        let mut expr_text = None;
        if b[c.pos] == b'=' {
            c.advance(self.src);
            while c.pos < end && b[c.pos].is_ascii_whitespace() {
                c.advance(self.src);
            }
            if c.pos >= end {
                return Err(self.fstr_err("f-string: expecting '}'"));
            }
            let text = self.src[expr_start.pos..c.pos]
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            expr_text = Some(text);
        }
        let mut conversion = None;
        if b[c.pos] == b'!' {
            c.advance(self.src);
            if c.pos >= end {
                return Err(self.fstr_err("f-string: expecting '}'"));
            }
            let conv = self.src[c.pos..].chars().next().unwrap();
            if !matches!(conv, 's' | 'r' | 'a') {
                return Err(self.fstr_err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            c.advance(self.src);
            conversion = Some(conv);
        }
        let mut spec = None;
        if c.pos < end && b[c.pos] == b':' {
            c.advance(self.src);
            if c.pos >= end {
                return Err(self.fstr_err("f-string: expecting '}'"));
            }
            let mut sp = Vec::new();
            self.fstring_parse(c, end, raw, level + 1, &mut sp)?;
            spec = Some(sp);
        }
        if c.pos >= end || b[c.pos] != b'}' {
            return Err(self.fstr_err("f-string: expecting '}'"));
        }
        c.advance(self.src);
        if let Some(t) = expr_text {
            push_literal(parts, &t);
            if conversion.is_none() && spec.is_none() {
                conversion = Some('r');
            }
        }
        parts.push(FStringPart::Value {
            expr: Box::new(expr),
            conversion,
            spec,
        });
        Ok(())
    }

    /// Parse the expression text of a replacement field as if parenthesised.
    /// `open` is the position of the `{` (where CPython places a tuple).
    fn parse_fstring_expr(&mut self, start: &FCursor, end: usize, open: Pos) -> PResult<Expr> {
        let toks = lexer::tokenize_fstring_expr(self.src, start.pos, end, start.line, start.col)?;
        let saved_toks = std::mem::replace(&mut self.toks, toks);
        let saved_pos = self.pos;
        self.pos = 0;
        self.fstring += 1;
        let r = (|| {
            self.enter()?;
            let elem = self.pos;
            let e = self.parse_group_contents(open)?;
            if !matches!(self.peek(), Tok::EndMarker) {
                return Err(self.sep_error(elem));
            }
            self.leave();
            Ok(e)
        })();
        self.fstring -= 1;
        self.toks = saved_toks;
        self.pos = saved_pos;
        r
    }
}

fn push_literal(parts: &mut Vec<FStringPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else {
        parts.push(FStringPart::Literal(s.to_string()));
    }
}

/// A position inside an f-string body: byte offset plus line/column.
#[derive(Clone)]
struct FCursor {
    pos: usize,
    line: u32,
    col: u32,
}

impl FCursor {
    fn advance(&mut self, src: &str) {
        let b = src.as_bytes()[self.pos];
        if b == b'\n' {
            self.pos += 1;
            self.line += 1;
            self.col = 0;
        } else if b == b'\r' {
            self.pos += 1;
            if src.as_bytes().get(self.pos) == Some(&b'\n') {
                self.pos += 1;
            }
            self.line += 1;
            self.col = 0;
        } else {
            let len = if b < 0x80 {
                1
            } else if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            self.pos += len;
            self.col += 1;
        }
    }

    fn as_pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }
}

#[cfg(test)]
pub(crate) mod test_dump {
    //! A canonical text dump of the AST (the same format as a CPython-side
    //! script produces from `ast.parse`), used to compare with CPython.
    use super::*;

    pub fn esc_str(s: &str) -> String {
        let mut out = String::from("\"");
        for ch in s.chars() {
            let o = ch as u32;
            if ch == '"' || ch == '\\' {
                out.push('\\');
                out.push(ch);
            } else if (0x20..0x7f).contains(&o) {
                out.push(ch);
            } else {
                out.push_str(&format!("\\u{{{:x}}}", o));
            }
        }
        out.push('"');
        out
    }

    fn esc_bytes(b: &[u8]) -> String {
        let mut out = String::from("b\"");
        for &o in b {
            if o == b'"' || o == b'\\' {
                out.push('\\');
                out.push(o as char);
            } else if (0x20..0x7f).contains(&o) {
                out.push(o as char);
            } else {
                out.push_str(&format!("\\x{:02x}", o));
            }
        }
        out.push('"');
        out
    }

    /// Python's `repr(float)`.
    pub fn py_float_repr(v: f64) -> String {
        if v.is_nan() {
            return "nan".into();
        }
        if v.is_infinite() {
            return if v > 0.0 { "inf".into() } else { "-inf".into() };
        }
        let s = format!("{:e}", v);
        let (mant, exp) = s.split_once('e').unwrap();
        let exp: i32 = exp.parse().unwrap();
        let (neg, mant) = match mant.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, mant),
        };
        let digits: String = mant.chars().filter(|c| *c != '.').collect();
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        if (-4..16).contains(&exp) {
            if exp < 0 {
                out.push_str("0.");
                for _ in 0..(-exp - 1) {
                    out.push('0');
                }
                out.push_str(&digits);
            } else {
                let int_len = exp as usize + 1;
                if digits.len() <= int_len {
                    out.push_str(&digits);
                    for _ in digits.len()..int_len {
                        out.push('0');
                    }
                    out.push_str(".0");
                } else {
                    out.push_str(&digits[..int_len]);
                    out.push('.');
                    out.push_str(&digits[int_len..]);
                }
            }
        } else {
            out.push_str(&digits[..1]);
            if digits.len() > 1 {
                out.push('.');
                out.push_str(&digits[1..]);
            }
            out.push('e');
            out.push(if exp < 0 { '-' } else { '+' });
            out.push_str(&format!("{:02}", exp.abs()));
        }
        out
    }

    pub struct Dumper {
        pub pos: bool,
    }

    fn binop(op: BinOp) -> &'static str {
        match op {
            BinOp::Add => "Add",
            BinOp::Sub => "Sub",
            BinOp::Mul => "Mult",
            BinOp::MatMul => "MatMult",
            BinOp::Div => "Div",
            BinOp::FloorDiv => "FloorDiv",
            BinOp::Mod => "Mod",
            BinOp::Pow => "Pow",
            BinOp::LShift => "LShift",
            BinOp::RShift => "RShift",
            BinOp::BitOr => "BitOr",
            BinOp::BitXor => "BitXor",
            BinOp::BitAnd => "BitAnd",
        }
    }

    fn cmpop(op: CmpOp) -> &'static str {
        match op {
            CmpOp::Eq => "Eq",
            CmpOp::NotEq => "NotEq",
            CmpOp::Lt => "Lt",
            CmpOp::LtE => "LtE",
            CmpOp::Gt => "Gt",
            CmpOp::GtE => "GtE",
            CmpOp::Is => "Is",
            CmpOp::IsNot => "IsNot",
            CmpOp::In => "In",
            CmpOp::NotIn => "NotIn",
        }
    }

    impl Dumper {
        fn p(&self, pos: Pos) -> String {
            if self.pos {
                format!("@{}:{}", pos.line, pos.col)
            } else {
                String::new()
            }
        }

        fn opt_e(&self, e: &Option<Expr>) -> String {
            e.as_ref()
                .map(|e| self.expr(e))
                .unwrap_or_else(|| "~".into())
        }

        fn opt_be(&self, e: &Option<Box<Expr>>) -> String {
            e.as_ref()
                .map(|e| self.expr(e))
                .unwrap_or_else(|| "~".into())
        }

        fn exprs(&self, v: &[Expr]) -> String {
            format!(
                "[{}]",
                v.iter()
                    .map(|e| self.expr(e))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }

        fn stmts(&self, v: &[Stmt]) -> String {
            format!(
                "[{}]",
                v.iter()
                    .map(|s| self.stmt(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }

        fn arg(&self, a: &Arg) -> String {
            format!(
                "Arg({}, {}){}",
                a.name,
                self.opt_e(&a.annotation),
                self.p(a.pos)
            )
        }

        fn opt_arg(&self, a: &Option<Arg>) -> String {
            a.as_ref()
                .map(|a| self.arg(a))
                .unwrap_or_else(|| "~".into())
        }

        fn args(&self, a: &Arguments) -> String {
            let l = |v: &[Arg]| {
                format!(
                    "[{}]",
                    v.iter().map(|a| self.arg(a)).collect::<Vec<_>>().join(", ")
                )
            };
            format!(
                "Args({}, {}, {}, {}, [{}], {}, {})",
                l(&a.posonly),
                l(&a.args),
                self.opt_arg(&a.vararg),
                l(&a.kwonly),
                a.kw_defaults
                    .iter()
                    .map(|d| self.opt_e(d))
                    .collect::<Vec<_>>()
                    .join(", "),
                self.opt_arg(&a.kwarg),
                self.exprs(&a.defaults)
            )
        }

        fn kw(&self, k: &Keyword) -> String {
            format!(
                "Kw({}, {}){}",
                k.name.as_deref().unwrap_or("~"),
                self.expr(&k.value),
                self.p(k.pos)
            )
        }

        fn kws(&self, v: &[Keyword]) -> String {
            format!(
                "[{}]",
                v.iter().map(|k| self.kw(k)).collect::<Vec<_>>().join(", ")
            )
        }

        fn comps(&self, v: &[Comprehension]) -> String {
            format!(
                "[{}]",
                v.iter()
                    .map(|c| format!(
                        "Comp({}, {}, {})",
                        self.expr(&c.target),
                        self.expr(&c.iter),
                        self.exprs(&c.ifs)
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }

        fn fparts(&self, v: &[FStringPart]) -> String {
            let parts: Vec<String> = v
                .iter()
                .map(|p| match p {
                    FStringPart::Literal(s) => format!("Lit({})", esc_str(s)),
                    FStringPart::Value {
                        expr,
                        conversion,
                        spec,
                    } => format!(
                        "Val({}, {}, {})",
                        self.expr(expr),
                        conversion
                            .map(|c| c.to_string())
                            .unwrap_or_else(|| "~".into()),
                        spec.as_ref()
                            .map(|s| self.fparts(s))
                            .unwrap_or_else(|| "~".into())
                    ),
                })
                .collect();
            format!("[{}]", parts.join(", "))
        }

        pub fn expr(&self, e: &Expr) -> String {
            use ExprKind as K;
            let s = match &e.kind {
                K::Name(n) => format!("Name({})", n),
                K::Int(v) => format!("Int({})", v),
                K::BigInt(v) => format!("BigInt({})", v),
                K::Float(v) => format!("Float({})", py_float_repr(*v)),
                K::Imag(v) => format!("Imag({})", py_float_repr(*v)),
                K::Str(s) => format!("Str({})", esc_str(s)),
                K::Bytes(b) => format!("Bytes({})", esc_bytes(b)),
                K::JoinedStr(p) => format!("JoinedStr({})", self.fparts(p)),
                K::True => "True".into(),
                K::False => "False".into(),
                K::None => "None".into(),
                K::Ellipsis => "Ellipsis".into(),
                K::Tuple(v) => format!("Tuple({})", self.exprs(v)),
                K::List(v) => format!("List({})", self.exprs(v)),
                K::Set(v) => format!("Set({})", self.exprs(v)),
                K::Dict(items) => format!(
                    "Dict([{}])",
                    items
                        .iter()
                        .map(|(k, v)| format!("({}, {})", self.opt_e(k), self.expr(v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                K::Starred(x) => format!("Starred({})", self.expr(x)),
                K::Attribute(x, n) => format!("Attribute({}, {})", self.expr(x), n),
                K::Subscript(a, b) => format!("Subscript({}, {})", self.expr(a), self.expr(b)),
                K::Slice(a, b, c) => format!(
                    "Slice({}, {}, {})",
                    self.opt_be(a),
                    self.opt_be(b),
                    self.opt_be(c)
                ),
                K::Call {
                    func,
                    args,
                    keywords,
                } => {
                    format!(
                        "Call({}, {}, {})",
                        self.expr(func),
                        self.exprs(args),
                        self.kws(keywords)
                    )
                }
                K::BinOp(l, op, r) => {
                    format!("BinOp({}, {}, {})", self.expr(l), binop(*op), self.expr(r))
                }
                K::UnaryOp(op, x) => {
                    let o = match op {
                        UnaryOp::Not => "Not",
                        UnaryOp::Neg => "USub",
                        UnaryOp::Pos => "UAdd",
                        UnaryOp::Invert => "Invert",
                    };
                    format!("UnaryOp({}, {})", o, self.expr(x))
                }
                K::BoolOp(op, v) => {
                    format!(
                        "BoolOp({}, {})",
                        if *op == BoolOp::And { "And" } else { "Or" },
                        self.exprs(v)
                    )
                }
                K::Compare(l, rest) => format!(
                    "Compare({}, [{}])",
                    self.expr(l),
                    rest.iter()
                        .map(|(o, x)| format!("({}, {})", cmpop(*o), self.expr(x)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                K::IfExp { test, body, orelse } => {
                    format!(
                        "IfExp({}, {}, {})",
                        self.expr(test),
                        self.expr(body),
                        self.expr(orelse)
                    )
                }
                K::Lambda(a, b) => format!("Lambda({}, {})", self.args(a), self.expr(b)),
                K::NamedExpr(n, v) => format!("NamedExpr({}, {})", n, self.expr(v)),
                K::ListComp(x, c) => format!("ListComp({}, {})", self.expr(x), self.comps(c)),
                K::SetComp(x, c) => format!("SetComp({}, {})", self.expr(x), self.comps(c)),
                K::GeneratorExp(x, c) => {
                    format!("GeneratorExp({}, {})", self.expr(x), self.comps(c))
                }
                K::DictComp(k, v, c) => format!(
                    "DictComp({}, {}, {})",
                    self.expr(k),
                    self.expr(v),
                    self.comps(c)
                ),
                K::Yield(x) => format!("Yield({})", self.opt_be(x)),
                K::YieldFrom(x) => format!("YieldFrom({})", self.expr(x)),
            };
            s + &self.p(e.pos)
        }

        fn pat(&self, p: &Pattern) -> String {
            let pats = |v: &[Pattern]| {
                format!(
                    "[{}]",
                    v.iter().map(|p| self.pat(p)).collect::<Vec<_>>().join(", ")
                )
            };
            let s = match &p.kind {
                PatternKind::Value(e) => format!("MatchValue({})", self.expr(e)),
                PatternKind::Singleton(s) => format!(
                    "MatchSingleton({})",
                    match s {
                        Singleton::None => "None",
                        Singleton::True => "True",
                        Singleton::False => "False",
                    }
                ),
                PatternKind::Sequence(v) => format!("MatchSequence({})", pats(v)),
                PatternKind::Star(n) => format!("MatchStar({})", n.as_deref().unwrap_or("~")),
                PatternKind::Mapping {
                    keys,
                    patterns,
                    rest,
                } => {
                    format!(
                        "MatchMapping({}, {}, {})",
                        self.exprs(keys),
                        pats(patterns),
                        rest.as_deref().unwrap_or("~")
                    )
                }
                PatternKind::Class {
                    cls,
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                } => format!(
                    "MatchClass({}, {}, [{}], {})",
                    self.expr(cls),
                    pats(patterns),
                    kwd_attrs.join(", "),
                    pats(kwd_patterns)
                ),
                PatternKind::As { pattern, name } => format!(
                    "MatchAs({}, {})",
                    pattern
                        .as_ref()
                        .map(|p| self.pat(p))
                        .unwrap_or_else(|| "~".into()),
                    name.as_deref().unwrap_or("~")
                ),
                PatternKind::Or(v) => format!("MatchOr({})", pats(v)),
            };
            s + &self.p(p.pos)
        }

        fn alias(&self, a: &Alias) -> String {
            format!(
                "Alias({}, {}){}",
                a.name,
                a.asname.as_deref().unwrap_or("~"),
                self.p(a.pos)
            )
        }

        pub fn stmt(&self, s: &Stmt) -> String {
            use StmtKind as S;
            let r = match &s.kind {
                S::Expr(e) => format!("Expr({})", self.expr(e)),
                S::Assign { targets, value } => {
                    format!("Assign({}, {})", self.exprs(targets), self.expr(value))
                }
                S::AugAssign { target, op, value } => {
                    format!(
                        "AugAssign({}, {}, {})",
                        self.expr(target),
                        binop(*op),
                        self.expr(value)
                    )
                }
                S::AnnAssign {
                    target,
                    annotation,
                    value,
                    simple,
                } => format!(
                    "AnnAssign({}, {}, {}, {})",
                    self.expr(target),
                    self.expr(annotation),
                    self.opt_e(value),
                    *simple as u8
                ),
                S::Del(v) => format!("Del({})", self.exprs(v)),
                S::Pass => "Pass".into(),
                S::Break => "Break".into(),
                S::Continue => "Continue".into(),
                S::Return(v) => format!("Return({})", self.opt_e(v)),
                S::If { test, body, orelse } => {
                    format!(
                        "If({}, {}, {})",
                        self.expr(test),
                        self.stmts(body),
                        self.stmts(orelse)
                    )
                }
                S::While { test, body, orelse } => {
                    format!(
                        "While({}, {}, {})",
                        self.expr(test),
                        self.stmts(body),
                        self.stmts(orelse)
                    )
                }
                S::For {
                    target,
                    iter,
                    body,
                    orelse,
                } => format!(
                    "For({}, {}, {}, {})",
                    self.expr(target),
                    self.expr(iter),
                    self.stmts(body),
                    self.stmts(orelse)
                ),
                S::FunctionDef(f) => format!(
                    "FunctionDef({}, {}, {}, {}, {})",
                    f.name,
                    self.args(&f.args),
                    self.stmts(&f.body),
                    self.exprs(&f.decorators),
                    self.opt_e(&f.returns)
                ),
                S::ClassDef(c) => format!(
                    "ClassDef({}, {}, {}, {}, {})",
                    c.name,
                    self.exprs(&c.bases),
                    self.kws(&c.keywords),
                    self.stmts(&c.body),
                    self.exprs(&c.decorators)
                ),
                S::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => format!(
                    "Try({}, [{}], {}, {})",
                    self.stmts(body),
                    handlers
                        .iter()
                        .map(|h| format!(
                            "Handler({}, {}, {}){}",
                            self.opt_e(&h.typ),
                            h.name.as_deref().unwrap_or("~"),
                            self.stmts(&h.body),
                            self.p(h.pos)
                        ))
                        .collect::<Vec<_>>()
                        .join(", "),
                    self.stmts(orelse),
                    self.stmts(finalbody)
                ),
                S::Raise { exc, cause } => {
                    format!("Raise({}, {})", self.opt_e(exc), self.opt_e(cause))
                }
                S::Assert { test, msg } => {
                    format!("Assert({}, {})", self.expr(test), self.opt_e(msg))
                }
                S::With { items, body } => format!(
                    "With([{}], {})",
                    items
                        .iter()
                        .map(|i| format!(
                            "WithItem({}, {})",
                            self.expr(&i.context),
                            self.opt_e(&i.target)
                        ))
                        .collect::<Vec<_>>()
                        .join(", "),
                    self.stmts(body)
                ),
                S::Import(v) => {
                    format!(
                        "Import([{}])",
                        v.iter()
                            .map(|a| self.alias(a))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
                S::ImportFrom {
                    module,
                    names,
                    level,
                } => format!(
                    "ImportFrom({}, [{}], {})",
                    module.as_deref().unwrap_or("~"),
                    names
                        .iter()
                        .map(|a| self.alias(a))
                        .collect::<Vec<_>>()
                        .join(", "),
                    level
                ),
                S::Global(v) => format!("Global([{}])", v.join(", ")),
                S::Nonlocal(v) => format!("Nonlocal([{}])", v.join(", ")),
                S::Match { subject, cases } => format!(
                    "Match({}, [{}])",
                    self.expr(subject),
                    cases
                        .iter()
                        .map(|c| format!(
                            "Case({}, {}, {})",
                            self.pat(&c.pattern),
                            self.opt_e(&c.guard),
                            self.stmts(&c.body)
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            r + &self.p(s.pos)
        }

        pub fn module(&self, m: &Module) -> String {
            m.body
                .iter()
                .map(|s| self.stmt(s))
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

#[cfg(test)]
mod corpus_tests {
    //! Differential test against CPython: set PARSE_CORPUS to a directory of
    //! `*.py` files each with a `*.py.expected` dump made by the CPython-side
    //! script, then run `cargo test corpus -- --ignored`.
    use super::test_dump::Dumper;
    use super::*;

    #[test]
    #[ignore]
    fn corpus() {
        let Ok(dir) = std::env::var("PARSE_CORPUS") else {
            return;
        };
        let with_pos = std::env::var("PARSE_CORPUS_NOPOS").is_err();
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        let (mut ok, mut bad) = (0, 0);
        for path in entries {
            if path.extension().map(|e| e != "py").unwrap_or(true) {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            let exp_path = format!("{}.expected", path.display());
            let Ok(expected) = std::fs::read_to_string(&exp_path) else {
                continue;
            };
            let got = match parse(&src, Mode::Exec) {
                Ok(m) => Dumper { pos: with_pos }.module(&m),
                Err(e) => format!("ERROR {}", e),
            };
            if got.trim_end() == expected.trim_end() {
                ok += 1;
            } else {
                bad += 1;
                let g: Vec<&str> = got.lines().collect();
                let x: Vec<&str> = expected.lines().collect();
                let i = (0..g.len().max(x.len()))
                    .find(|&i| g.get(i) != x.get(i))
                    .unwrap_or(0);
                let gl: Vec<char> = g.get(i).map(|s| s.chars().collect()).unwrap_or_default();
                let xl: Vec<char> = x.get(i).map(|s| s.chars().collect()).unwrap_or_default();
                let j = (0..gl.len().max(xl.len()))
                    .find(|&j| gl.get(j) != xl.get(j))
                    .unwrap_or(0);
                let from = j.saturating_sub(150);
                let cut = |v: &[char]| v.iter().skip(from).take(300).collect::<String>();
                eprintln!(
                    "MISMATCH {} (stmt {})\n  got: {}\n  exp: {}",
                    path.display(),
                    i,
                    cut(&gl),
                    cut(&xl)
                );
            }
        }
        eprintln!("corpus: {} ok, {} mismatched", ok, bad);
        assert_eq!(bad, 0);
    }
}

#[cfg(test)]
mod error_corpus_tests {
    //! Differential test of error messages: PARSE_ERRCASES names a file of
    //! lines `hex(source)\tmode\texpected` (expected is `OK` or
    //! `Kind|message|line|offset`) made by a CPython-side script.
    use super::*;

    fn unhex(s: &str) -> String {
        let b: Vec<u8> = (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        String::from_utf8(b).unwrap()
    }

    #[test]
    #[ignore]
    fn error_corpus() {
        let Ok(path) = std::env::var("PARSE_ERRCASES") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap();
        let (mut ok, mut bad) = (0, 0);
        for line in text.lines() {
            let mut it = line.split('\t');
            let (Some(h), Some(mode), Some(exp)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            let src = unhex(h);
            let mode = match mode {
                "eval" => Mode::Eval,
                "single" => Mode::Single,
                _ => Mode::Exec,
            };
            let got = match parse(&src, mode) {
                Ok(_) => "OK".to_string(),
                Err(e) => format!("{}|{}|{}|{}", e.kind.name(), e.msg, e.line, e.col),
            };
            if got == exp {
                ok += 1;
            } else {
                bad += 1;
                eprintln!("DIFF {:?}\n  got: {}\n  exp: {}", src, got, exp);
            }
        }
        eprintln!("errcases: {} ok, {} differ", ok, bad);
    }
}

#[cfg(test)]
mod tests {
    use super::test_dump::Dumper;
    use super::*;

    fn dump(src: &str) -> String {
        match parse(src, Mode::Exec) {
            Ok(m) => Dumper { pos: false }.module(&m),
            Err(e) => panic!("parse error for {:?}: {}", src, e),
        }
    }

    fn dump_pos(src: &str) -> String {
        match parse(src, Mode::Exec) {
            Ok(m) => Dumper { pos: true }.module(&m),
            Err(e) => panic!("parse error for {:?}: {}", src, e),
        }
    }

    fn dump_mode(src: &str, mode: Mode) -> String {
        match parse(src, mode) {
            Ok(m) => Dumper { pos: false }.module(&m),
            Err(e) => panic!("parse error for {:?}: {}", src, e),
        }
    }

    /// (kind, message, line, 1-based column)
    fn err(src: &str) -> (&'static str, String, u32, u32) {
        err_mode(src, Mode::Exec)
    }

    fn err_mode(src: &str, mode: Mode) -> (&'static str, String, u32, u32) {
        match parse(src, mode) {
            Ok(m) => panic!(
                "expected an error for {:?}, got {}",
                src,
                Dumper { pos: false }.module(&m)
            ),
            Err(e) => (e.kind.name(), e.msg, e.line, e.col),
        }
    }

    fn msg(src: &str) -> String {
        err(src).1
    }

    fn check_all(cases: &[(&str, &str)]) {
        for (src, exp) in cases {
            assert_eq!(&dump(src), exp, "source: {:?}", src);
        }
    }

    /// Run `f` on a thread with the VM's worker stack size (2 MiB).
    fn on_small_stack<F: FnOnce() + Send + 'static>(f: F) {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap();
    }

    fn nested_blocks(n: usize, inner: &str) -> String {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&" ".repeat(i));
            s.push_str("if x:\n");
        }
        s.push_str(&" ".repeat(n));
        s.push_str(inner);
        s.push('\n');
        s
    }

    // ----- hostile input: nesting must never overflow a 2 MiB stack -----

    #[test]
    fn deep_parens_and_brackets() {
        on_small_stack(|| {
            for open in [
                "(",
                "[",
                "{",
                "f(",
                "a[",
                "{1:",
                "(1, ",
                "[x for x in ",
                "(-",
                "(not ",
                "(1 + ",
            ] {
                let src = open.repeat(100_000);
                let e = parse(&src, Mode::Exec).unwrap_err();
                assert_eq!(e.msg, "too many nested parentheses", "{}", open);
                // At the 201st bracket.
                let k = open.find(|c| "([{".contains(c)).unwrap();
                assert_eq!(
                    (e.line, e.col),
                    (1, 200 * open.len() as u32 + k as u32 + 1),
                    "{}",
                    open
                );
            }
            // 200 levels are fine, as in CPython.
            for (open, close) in [
                ("(", ")"),
                ("[", "]"),
                ("f(", ")"),
                ("a[", "]"),
                ("{1:", "}"),
                ("(a if b else ", ")"),
            ] {
                let src = format!("x = {}1{}\n", open.repeat(200), close.repeat(200));
                let m = parse(&src, Mode::Exec).unwrap();
                let m2 = m.clone();
                drop(m);
                drop(m2);
            }
            let src = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
            assert_eq!(
                parse(&src, Mode::Exec).unwrap_err().msg,
                "too many nested parentheses"
            );
        });
    }

    #[test]
    fn deep_unary_and_power_chains() {
        on_small_stack(|| {
            for (prefix, expect) in [
                ("-", "expression too complex"),
                ("~", "expression too complex"),
                ("not ", "expression too complex"),
                ("2**", "expression too complex"),
                ("-2**", "expression too complex"),
                ("a if b else ", "expression too complex"),
                ("lambda: ", "too deeply nested"),
                ("lambda x=", "too deeply nested"),
            ] {
                let src = format!("x = {}1\n", prefix.repeat(100_000));
                assert_eq!(
                    parse(&src, Mode::Exec).unwrap_err().msg,
                    expect,
                    "{}",
                    prefix
                );
            }
            // Moderate chains are accepted.
            for prefix in ["-", "not ", "2**", "a if b else ", "lambda: "] {
                let src = format!("x = {}1\n", prefix.repeat(250));
                let m = parse(&src, Mode::Exec).unwrap();
                let m2 = m.clone();
                drop(m2);
                drop(m);
            }
        });
    }

    #[test]
    fn long_flat_chains() {
        on_small_stack(|| {
            // Left-deep chains are built iteratively and measured.
            for (op, n) in [("+", 999), ("*", 999), ("|", 999)] {
                let src = format!("x = 1{}\n", format!(" {} 1", op).repeat(n));
                let m = parse(&src, Mode::Exec).unwrap();
                let c = m.clone();
                drop(c);
                drop(m);
                let src = format!("x = 1{}\n", format!(" {} 1", op).repeat(10_000));
                assert_eq!(
                    parse(&src, Mode::Exec).unwrap_err().msg,
                    "expression too complex"
                );
            }
            for trailer in [".b", "()", "[0]", ".b()"] {
                // `.b()` is two levels (Attribute, Call).
                let n = if trailer.len() > 2 { 450 } else { 900 };
                let src = format!("x = a{}\n", trailer.repeat(n));
                let m = parse(&src, Mode::Exec).unwrap();
                drop(m.clone());
                let src = format!("x = a{}\n", trailer.repeat(100_000));
                assert_eq!(
                    parse(&src, Mode::Exec).unwrap_err().msg,
                    "expression too complex",
                    "{}",
                    trailer
                );
            }
            // Flat n-ary nodes have no depth problem at all.
            let src = format!("x = 1{}\n", " or 1".repeat(100_000));
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!("x = 1{}\n", " < 1".repeat(100_000));
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!("x = [{}]\n", "1, ".repeat(100_000));
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!("x = {}\n", "'a' ".repeat(100_000));
            assert!(parse(&src, Mode::Exec).is_ok());
            // A chain whose operands are themselves deep is measured as a whole.
            let inner = format!("({})", "1 + ".repeat(600) + "1");
            let src = format!("x = {}\n", vec![inner; 3].join(" + "));
            assert!(parse(&src, Mode::Exec).is_ok());
            let inner = format!("({})", "1 + ".repeat(600) + "1");
            let src = format!("x = {} + 1\n", format!("{} + ", inner).repeat(2) + &inner);
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!(
                "x = ({}) + 1{}\n",
                "1 + ".repeat(600) + "1",
                " + 1".repeat(600)
            );
            assert_eq!(
                parse(&src, Mode::Exec).unwrap_err().msg,
                "expression too complex"
            );
        });
    }

    #[test]
    fn deep_blocks() {
        on_small_stack(|| {
            let e = parse(&nested_blocks(10_000, "pass"), Mode::Exec).unwrap_err();
            assert_eq!(e.kind, CompileErrorKind::IndentationError);
            assert_eq!(
                (e.msg.as_str(), e.line, e.col),
                ("too many levels of indentation", 101, 1)
            );
            // 99 levels are fine, even with 200 brackets inside.
            let m = parse(&nested_blocks(99, "pass"), Mode::Exec).unwrap();
            drop(m.clone());
            let inner = format!("x = {}1{}", "a[".repeat(200), "]".repeat(200));
            assert!(parse(&nested_blocks(99, &inner), Mode::Exec).is_ok());
            let inner = format!("x = {}1{}", "[y for y in ".repeat(200), "]".repeat(200));
            assert!(parse(&nested_blocks(99, &inner), Mode::Exec).is_ok());
            // Lambdas in a deep block hit the recursion limit, not the stack.
            let inner = format!("x = {}1", "lambda: ".repeat(1000));
            assert_eq!(
                parse(&nested_blocks(99, &inner), Mode::Exec)
                    .unwrap_err()
                    .msg,
                "too deeply nested"
            );
            // Nested defs/classes/with/try/for/while/match alike.
            let mut s = String::new();
            let heads = [
                "def f():",
                "class C:",
                "with a:",
                "try:",
                "for x in y:",
                "while x:",
                "match x:",
                " case 1:",
            ];
            for i in 0..96 {
                s.push_str(&" ".repeat(i));
                let h = heads[i % heads.len()];
                s.push_str(h.trim_start());
                s.push('\n');
            }
            s.push_str(&" ".repeat(96));
            s.push_str("pass\n");
            let r = parse(&s, Mode::Exec);
            // Every try needs a handler; the point is: no overflow.
            assert!(r.is_err());
        });
    }

    #[test]
    fn long_elif_chains() {
        on_small_stack(|| {
            let src = format!("if x: pass\n{}else: pass\n", "elif y: pass\n".repeat(250));
            let m = parse(&src, Mode::Exec).unwrap();
            drop(m.clone());
            drop(m);
            let src = format!("if x: pass\n{}", "elif y: pass\n".repeat(10_000));
            assert_eq!(
                parse(&src, Mode::Exec).unwrap_err().msg,
                "too deeply nested"
            );
        });
    }

    #[test]
    fn deep_patterns_and_fstrings() {
        on_small_stack(|| {
            for (open, close) in [
                ("[", "]"),
                ("(", ",)"),
                ("C(", ")"),
                ("{1: ", "}"),
                ("(1 | ", ")"),
            ] {
                let src = format!(
                    "match x:\n case {}1{}: pass\n",
                    open.repeat(190),
                    close.repeat(190)
                );
                assert!(parse(&src, Mode::Exec).is_ok(), "{}", open);
                let src = format!(
                    "match x:\n case {}1{}: pass\n",
                    open.repeat(100_000),
                    close.repeat(100_000)
                );
                assert!(parse(&src, Mode::Exec).is_err());
            }
            let src = format!("x = f'{{{}1{}}}'\n", "(".repeat(199), ")".repeat(199));
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!(
                "x = f'{{{}1{}}}'\n",
                "(".repeat(100_000),
                ")".repeat(100_000)
            );
            assert!(parse(&src, Mode::Exec).is_err());
            let src = "x = f'{f\"{x!r:>{w}}\"}'\n";
            assert!(parse(src, Mode::Exec).is_ok());
        });
    }

    #[test]
    fn hostile_speculation() {
        // `with (...)` and `match` are parsed speculatively; the work must stay linear.
        on_small_stack(|| {
            let src = format!("with {}a{}: pass\n", "(".repeat(199), ")".repeat(199));
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!(
                "match {}a{}:\n case 1: pass\n",
                "(".repeat(199),
                ")".repeat(199)
            );
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = format!("with {}a{} as b: pass\n", "(".repeat(199), ")".repeat(199));
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = "match (a)\n".repeat(20_000);
            assert!(parse(&src, Mode::Exec).is_ok());
            let src = "match (a):\n case 1: pass\nmatch (a) b\n".repeat(5_000);
            assert!(parse(&src, Mode::Exec).is_err());
            let src = "with (a, b) as c: pass\n".repeat(5_000);
            assert!(parse(&src, Mode::Exec).is_ok());
        });
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            "",
            "\n",
            "\\",
            "\\\n",
            "(",
            ")",
            "]",
            "}",
            "'",
            "\"\"\"",
            "f'",
            "f'{",
            "f'{{",
            "f'}'",
            "f'{a!",
            "f'{a:",
            "f'{a:{",
            "0x",
            "0b2",
            "1e",
            "1_",
            "@",
            "@@",
            "->",
            ":=",
            "...",
            "lambda",
            "lambda:",
            "def",
            "def f(",
            "class(",
            "if",
            "if x:",
            "else",
            "match",
            "match x:",
            "match x:\n case",
            "match x:\n case [",
            "case",
            "yield",
            "from",
            "from .",
            "import",
            "global",
            "del",
            "assert",
            "raise from",
            "try",
            "try:",
            "try:\n pass\nexcept",
            "with",
            "with (",
            "for",
            "for x",
            "for x in",
            "while",
            "x = (",
            "x = [1,",
            "x = {1:",
            "a[",
            "a[1:",
            "f(*",
            "f(**",
            "f(a=",
            "\t\tx",
            " \x0c x",
            "\r",
            "\r\n",
            "x\r\ny",
            "'\\",
            "b'\\x",
            "'\\N{",
            "u'\\U1'",
            "#",
            "# c\n  # d\n",
            "\u{feff}x = 1",
            "x = '\u{feff}'",
            "é",
            "€",
            "\u{200b}",
            "a\u{0}b",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 1",
            "ｘ = 1",
            "if 1:\n\tx\n        y",
        ];
        for s in samples {
            for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                let _ = parse(s, mode);
            }
        }
        // Every prefix of a realistic program.
        let prog = "import os\n@dec(1)\nclass A(B, metaclass=M):\n    '''doc'''\n    def f(self, a, /, b=2, *c, d, **e) -> int:\n        x = [i for i in range(10) if i % 2]\n        y = {k: v for k, v in zip(a, b)}\n        match x:\n            case [1, *rest] if rest: return f'{x!r:>{w}}'\n            case {'k': v, **kw}: pass\n            case C(a, b=1) | D(a) as z: pass\n        try:\n            with open(p) as f, g() as (h, i):\n                yield from f\n        except (E, F) as e:\n            raise G from e\n        finally:\n            del x[0], y.z\n        return lambda q=1: q ** -2 if a else not b\n";
        for (i, _) in prog.char_indices() {
            for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                let _ = parse(&prog[..i], mode);
            }
        }
        assert!(parse(prog, Mode::Exec).is_ok());
        // Random byte-level mutations of that program (deterministic LCG).
        let mut seed: u64 = 0x2545F4914F6CDD1D;
        let alphabet: Vec<char> = "()[]{}:;,.=+-*/%@'\"\\#\n\t fbrx0123456789_ifelsedefclassmatchcaselambdayield!?$`é\r\x0c".chars().collect();
        for _ in 0..3000 {
            let mut chars: Vec<char> = prog.chars().collect();
            for _ in 0..4 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let pos = (seed >> 33) as usize % (chars.len() + 1);
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let c = alphabet[(seed >> 33) as usize % alphabet.len()];
                match (seed >> 20) % 3 {
                    0 => chars.insert(pos, c),
                    1 if pos < chars.len() => {
                        chars.remove(pos);
                    }
                    _ if pos < chars.len() => chars[pos] = c,
                    _ => {}
                }
            }
            let s: String = chars.into_iter().collect();
            let _ = parse(&s, Mode::Exec);
        }
    }

    #[test]
    fn performance_10000_lines() {
        let mut src = String::new();
        for i in 0..2000 {
            src.push_str(&format!(
                "def func_{i}(a, b=1, *args, **kw):\n    x = [j * {i} for j in range(a) if j % 3 == 0]\n    y = {{'k{i}': x, 'v': f'{{a!r}} {{b:>10}}'}}\n    return x if y else None\n\n"
            ));
        }
        assert_eq!(src.lines().count(), 10_000);
        let t = std::time::Instant::now();
        let m = parse(&src, Mode::Exec).unwrap();
        let el = t.elapsed();
        assert_eq!(m.body.len(), 2000);
        // Generous bound (debug builds, shared CI machines); typically a few ms.
        assert!(el.as_secs_f64() < 2.0, "parsing 10000 lines took {:?}", el);
        // Pathological but linear inputs stay fast.
        let long_line = format!("x = [{}]\n", "a + b, ".repeat(50_000));
        let t = std::time::Instant::now();
        assert!(parse(&long_line, Mode::Exec).is_ok());
        assert!(t.elapsed().as_secs_f64() < 2.0);
        let big_hex = format!("x = 0x{}\n", "f".repeat(20_000));
        assert!(parse(&big_hex, Mode::Exec).is_ok());
    }

    // ----- positions ------------------------------------------------------

    #[test]
    fn positions() {
        assert_eq!(
            dump_pos("x = (a) + b"),
            "Assign([Name(x)@1:0], BinOp(Name(a)@1:5, Add, Name(b)@1:10)@1:4)@1:0"
        );
        assert_eq!(
            dump_pos("f(x for x in y)"),
            "Expr(Call(Name(f)@1:0, [GeneratorExp(Name(x)@1:2, [Comp(Name(x)@1:8, Name(y)@1:13, [])])@1:1], [])@1:0)@1:0"
        );
        assert_eq!(
            dump_pos("@d\nclass A(B, k=1):\n    pass"),
            "ClassDef(A, [Name(B)@2:8], [Kw(k, Int(1)@2:13)@2:11], [Pass@3:4], [Name(d)@1:1])@2:0"
        );
        assert_eq!(
            dump_pos("if a:\n    pass\nelif b:\n    pass"),
            "If(Name(a)@1:3, [Pass@2:4], [If(Name(b)@3:5, [Pass@4:4], [])@3:0])@1:0"
        );
        assert_eq!(
            dump_pos("x = f'ab{c!r}{d:{e}}'"),
            "Assign([Name(x)@1:0], JoinedStr([Lit(\"ab\"), Val(Name(c)@1:9, r, ~), Val(Name(d)@1:14, ~, [Val(Name(e)@1:17, ~, ~)])])@1:4)@1:0"
        );
        // Multi-line f-string expressions point at their real place.
        assert_eq!(
            dump_pos("x = f'''a\n{\n  y +\n z}'''"),
            "Assign([Name(x)@1:0], JoinedStr([Lit(\"a\\u{a}\"), Val(BinOp(Name(y)@3:2, Add, Name(z)@4:1)@3:2, ~, ~)])@1:4)@1:0"
        );
        // Columns count characters, not bytes.
        assert_eq!(dump_pos("é = 'ü'; ü = é"), "Assign([Name(é)@1:0], Str(\"\\u{fc}\")@1:4)@1:0\nAssign([Name(ü)@1:9], Name(é)@1:13)@1:9");
        // Implicit and explicit line joining.
        assert_eq!(
            dump_pos("x = (1 +\n     2)"),
            "Assign([Name(x)@1:0], BinOp(Int(1)@1:5, Add, Int(2)@2:5)@1:5)@1:0"
        );
        assert_eq!(
            dump_pos("x = 1 + \\\n  2"),
            "Assign([Name(x)@1:0], BinOp(Int(1)@1:4, Add, Int(2)@2:2)@1:4)@1:0"
        );
        // Except handlers, aliases, args, keywords, patterns.
        assert_eq!(
            dump_pos("try:\n  a\nexcept E as e:\n  b"),
            "Try([Expr(Name(a)@2:2)@2:2], [Handler(Name(E)@3:7, e, [Expr(Name(b)@4:2)@4:2])@3:0], [], [])@1:0"
        );
        assert_eq!(
            dump_pos("from .m import a as b, c"),
            "ImportFrom(m, [Alias(a, b)@1:15, Alias(c, ~)@1:23], 1)@1:0"
        );
        assert_eq!(
            dump_pos("match x:\n case [1, *_] | C(a=_): pass"),
            "Match(Name(x)@1:6, [Case(MatchOr([MatchSequence([MatchValue(Int(1)@2:7)@2:7, MatchStar(~)@2:10])@2:6, MatchClass(Name(C)@2:16, [], [a], [MatchAs(~, ~)@2:20])@2:16])@2:6, ~, [Pass@2:24])])@1:0"
        );
    }

    #[test]
    fn line_endings_and_whitespace() {
        assert_eq!(
            dump("a = 1\r\nb = 2\rc = 3"),
            "Assign([Name(a)], Int(1))\nAssign([Name(b)], Int(2))\nAssign([Name(c)], Int(3))"
        );
        assert_eq!(
            dump_pos("if x:\r\n  y\r\n"),
            "If(Name(x)@1:3, [Expr(Name(y)@2:2)@2:2], [])@1:0"
        );
        assert_eq!(
            dump("x = '''a\r\nb\rc'''"),
            "Assign([Name(x)], Str(\"a\\u{a}b\\u{a}c\"))"
        );
        assert_eq!(dump("x = 1"), "Assign([Name(x)], Int(1))");
        assert_eq!(dump("\u{c}x = 1"), "Assign([Name(x)], Int(1))");
        assert_eq!(
            dump("if 1:\n  \u{c}  x = 1\n  y=2"),
            "If(Int(1), [Assign([Name(x)], Int(1)), Assign([Name(y)], Int(2))], [])"
        );
        assert_eq!(
            dump("\n\n# comment\n   \n\t\nx = 1  # trailing\n\n"),
            "Assign([Name(x)], Int(1))"
        );
        assert_eq!(
            dump("if x:\n\n    # c\n\n    y\n# d\nz"),
            "If(Name(x), [Expr(Name(y))], [])\nExpr(Name(z))"
        );
        assert_eq!(
            dump("if x:\n\ty\n\tif z:\n\t\tw"),
            "If(Name(x), [Expr(Name(y)), If(Name(z), [Expr(Name(w))], [])], [])"
        );
        // Tabs count to the next multiple of 8, and must be used consistently.
        assert_eq!(
            dump("if x:\n\t y\n\t z"),
            "If(Name(x), [Expr(Name(y)), Expr(Name(z))], [])"
        );
        assert_eq!(
            err("if x:\n        y\n\tz"),
            (
                "IndentationError",
                "inconsistent use of tabs and spaces in indentation".to_string(),
                3,
                1
            )
        );
        assert_eq!(
            dump("x = [\n1,\n  2,\n    3]"),
            "Assign([Name(x)], List([Int(1), Int(2), Int(3)]))"
        );
        assert_eq!(dump("\u{feff}x = 1"), "Assign([Name(x)], Int(1))");
        assert_eq!(dump(""), "");
        assert_eq!(dump("# only a comment"), "");
        assert_eq!(
            dump("x = 1 \\\n + 2"),
            "Assign([Name(x)], BinOp(Int(1), Add, Int(2)))"
        );
    }

    #[test]
    fn modes() {
        assert_eq!(
            dump_mode("1 + 2", Mode::Eval),
            "Expr(BinOp(Int(1), Add, Int(2)))"
        );
        assert_eq!(
            dump_mode("a, b", Mode::Eval),
            "Expr(Tuple([Name(a), Name(b)]))"
        );
        assert_eq!(dump_mode("  x\n\n", Mode::Eval), "Expr(Name(x))");
        assert_eq!(
            dump_mode("lambda: 1", Mode::Eval),
            "Expr(Lambda(Args([], [], ~, [], [], ~, []), Int(1)))"
        );
        assert_eq!(err_mode("x = 1", Mode::Eval).1, "invalid syntax");
        assert_eq!(err_mode("", Mode::Eval).1, "invalid syntax");
        assert_eq!(
            dump_mode("a; b", Mode::Single),
            "Expr(Name(a))\nExpr(Name(b))"
        );
        assert_eq!(
            dump_mode("if x:\n  y\n", Mode::Single),
            "If(Name(x), [Expr(Name(y))], [])"
        );
        assert_eq!(dump_mode("", Mode::Single), "");
        assert_eq!(dump_mode("\n", Mode::Single), "");
        assert_eq!(
            err_mode("a\nb", Mode::Single),
            (
                "SyntaxError",
                "multiple statements found while compiling a single statement".to_string(),
                1,
                2
            )
        );
    }

    #[test]
    fn fstring_details() {
        // The `=` specifier keeps the text exactly, whitespace included.
        assert_eq!(
            dump("f'{ a + b = }'"),
            "Expr(JoinedStr([Lit(\" a + b = \"), Val(BinOp(Name(a), Add, Name(b)), r, ~)]))"
        );
        assert_eq!(
            dump("f'{a=:>5}'"),
            "Expr(JoinedStr([Lit(\"a=\"), Val(Name(a), ~, [Lit(\">5\")])]))"
        );
        assert_eq!(
            dump("f'{a=!a}'"),
            "Expr(JoinedStr([Lit(\"a=\"), Val(Name(a), a, ~)]))"
        );
        assert_eq!(
            dump("f'x{a=}y'"),
            "Expr(JoinedStr([Lit(\"xa=\"), Val(Name(a), r, ~), Lit(\"y\")]))"
        );
        assert_eq!(
            dump("f'{a==b}'"),
            "Expr(JoinedStr([Val(Compare(Name(a), [(Eq, Name(b))]), ~, ~)]))"
        );
        assert_eq!(
            dump("f'{a!=b}'"),
            "Expr(JoinedStr([Val(Compare(Name(a), [(NotEq, Name(b))]), ~, ~)]))"
        );
        assert_eq!(
            dump("f'{a<=b}'"),
            "Expr(JoinedStr([Val(Compare(Name(a), [(LtE, Name(b))]), ~, ~)]))"
        );
        assert_eq!(
            dump("f'{a<b}'"),
            "Expr(JoinedStr([Val(Compare(Name(a), [(Lt, Name(b))]), ~, ~)]))"
        );
        assert_eq!(
            dump("f'''{\"a\"}'''"),
            "Expr(JoinedStr([Val(Str(\"a\"), ~, ~)]))"
        );
        assert_eq!(
            dump("f'{x:{y}{z}}'"),
            "Expr(JoinedStr([Val(Name(x), ~, [Val(Name(y), ~, ~), Val(Name(z), ~, ~)])]))"
        );
        assert_eq!(
            dump("f'{x!r:{y}a}'"),
            "Expr(JoinedStr([Val(Name(x), r, [Val(Name(y), ~, ~), Lit(\"a\")])]))"
        );
        assert_eq!(
            dump("rf'{x}\\d'"),
            "Expr(JoinedStr([Val(Name(x), ~, ~), Lit(\"\\\\d\")]))"
        );
        assert_eq!(
            dump("f'{x}' 'a' f'{y}' 'b'"),
            "Expr(JoinedStr([Val(Name(x), ~, ~), Lit(\"a\"), Val(Name(y), ~, ~), Lit(\"b\")]))"
        );
        assert_eq!(dump("'a' 'b' f'c'"), "Expr(JoinedStr([Lit(\"abc\")]))");
        assert_eq!(dump("def f():\n    return f'{yield}'"), "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Return(JoinedStr([Val(Yield(~), ~, ~)]))], [], ~)");
        assert_eq!(
            msg("f'{a!}'"),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(msg("f'{lambda: 1}'"), "f-string: invalid syntax");
        assert_eq!(
            msg("f'{a:{b:{c}}}'"),
            "f-string: expressions nested too deeply"
        );
        assert_eq!(msg("f'{x' 'y}'"), "f-string: expecting '}'");
        assert_eq!(msg("f'{1_}'"), "invalid decimal literal");
        assert_eq!(
            msg("f'{*a}'"),
            "f-string: cannot use starred expression here"
        );
        assert_eq!(
            err("x = 1\ny = f'{a b}'"),
            (
                "SyntaxError",
                "f-string: invalid syntax. Perhaps you forgot a comma?".to_string(),
                2,
                8
            )
        );
    }

    #[test]
    fn soft_keywords() {
        assert_eq!(dump("match(x)"), "Expr(Call(Name(match), [Name(x)], []))");
        assert_eq!(
            dump("match = {}\nmatch[x] = 1"),
            "Assign([Name(match)], Dict([]))\nAssign([Subscript(Name(match), Name(x))], Int(1))"
        );
        assert_eq!(dump("match -x"), "Expr(BinOp(Name(match), Sub, Name(x)))");
        assert_eq!(
            dump("match.case = _"),
            "Assign([Attribute(Name(match), case)], Name(_))"
        );
        assert_eq!(dump("def match(case): return case"), "FunctionDef(match, Args([], [Arg(case, ~)], ~, [], [], ~, []), [Return(Name(case))], [], ~)");
        assert_eq!(
            dump("match x:\n    case case: pass"),
            "Match(Name(x), [Case(MatchAs(~, case), ~, [Pass])])"
        );
        assert_eq!(
            dump("match match:\n    case match: pass"),
            "Match(Name(match), [Case(MatchAs(~, match), ~, [Pass])])"
        );
        assert_eq!(
            err("match x\n  case 1: pass"),
            ("SyntaxError", "expected ':'".to_string(), 1, 8)
        );
        assert_eq!(msg("match x:\n    pass"), "invalid syntax");
    }

    #[test]
    fn async_is_rejected() {
        for src in [
            "async def f(): pass",
            "await x",
            "x = await y",
            "async for x in y: pass",
            "async with a: pass",
            "[x async for x in y]",
            "async = 1",
        ] {
            assert_eq!(msg(src), "async/await is not supported", "{}", src);
        }
    }

    #[test]
    fn deferred_errors_lose_to_syntax_errors() {
        // CPython reports these from its compiler, after parsing succeeded.
        assert_eq!(
            err("break\nx = = 1"),
            ("SyntaxError", "invalid syntax".to_string(), 2, 5)
        );
        assert_eq!(
            err("f(a=1, a=2)\n(1 2"),
            ("SyntaxError", "'(' was never closed".to_string(), 2, 1)
        );
        assert_eq!(
            err("return\n"),
            ("SyntaxError", "'return' outside function".to_string(), 1, 1)
        );
        assert_eq!(
            msg("for x in y:\n    def f():\n        continue"),
            "'continue' not properly in loop"
        );
        assert_eq!(
            msg("while x:\n    class C:\n        break"),
            "'break' outside loop"
        );
        assert!(parse(
            "for x in y:\n    try:\n        pass\n    finally:\n        continue",
            Mode::Exec
        )
        .is_ok());
        assert!(parse(
            "while 1:\n    if x:\n        break\n    else:\n        continue",
            Mode::Exec
        )
        .is_ok());
        assert_eq!(
            msg("for x in y:\n    pass\nelse:\n    break"),
            "'break' outside loop"
        );
        assert_eq!(
            msg("def f(a, b, a): pass"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            msg("lambda a, a: 0"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            msg("a, *b, *c = d"),
            "multiple starred expressions in assignment"
        );
        assert_eq!(
            msg("*a = b"),
            "starred assignment target must be in a list or tuple"
        );
        assert_eq!(msg("x = *a"), "can't use starred expression here");
        assert_eq!(
            msg("match x:\n case [*a, *b]: pass"),
            "multiple starred names in sequence pattern"
        );
        assert_eq!(
            msg("match x:\n case [a, a]: pass"),
            "multiple assignments to name 'a' in pattern"
        );
        assert_eq!(
            msg("match x:\n case 1 | a: pass"),
            "alternative patterns bind different names"
        );
        assert_eq!(
            msg("match x:\n case a: pass\n case 1: pass"),
            "name capture 'a' makes remaining patterns unreachable"
        );
        assert!(parse("match x:\n case a if a: pass\n case 1: pass", Mode::Exec).is_ok());
        assert_eq!(msg("__debug__ = 1"), "cannot assign to __debug__");
    }

    #[test]
    fn big_and_odd_numbers() {
        assert_eq!(
            dump("0x10000000000000000"),
            "Expr(BigInt(18446744073709551616))"
        );
        assert_eq!(dump("0b1"), "Expr(Int(1))");
        assert_eq!(
            dump("0o7777777777777777777777"),
            "Expr(BigInt(73786976294838206463))"
        );
        assert_eq!(dump("000_123.5"), "Expr(Float(123.5))");
        assert_eq!(dump("1_0.0_1e+0_1"), "Expr(Float(100.1))");
        assert_eq!(
            dump("0000000000000000000000000000000000000000000"),
            "Expr(Int(0))"
        );
        assert_eq!(dump("1if 1else 2"), "Expr(IfExp(Int(1), Int(1), Int(2)))");
        assert_eq!(dump("[0x1for x in y]"), dump("[0x1f or x in y]"));
        assert_eq!(dump("1 .real"), "Expr(Attribute(Int(1), real))");
        assert_eq!(dump("1..real"), "Expr(Attribute(Float(1.0), real))");
    }

    // Generated from CPython 3.11's `ast` with the canonical dump format.
    #[test]
    fn cpython_statements() {
        let cases: &[(&str, &str)] = &[
            ("pass", "Pass"),
            ("x = 1", "Assign([Name(x)], Int(1))"),
            ("a = b = c", "Assign([Name(a), Name(b)], Name(c))"),
            ("a, b = c", "Assign([Tuple([Name(a), Name(b)])], Name(c))"),
            ("a, *b = c", "Assign([Tuple([Name(a), Starred(Name(b))])], Name(c))"),
            ("[a, b] = c", "Assign([List([Name(a), Name(b)])], Name(c))"),
            ("(a, b) = c", "Assign([Tuple([Name(a), Name(b)])], Name(c))"),
            ("a.b = c", "Assign([Attribute(Name(a), b)], Name(c))"),
            ("a[0] = c", "Assign([Subscript(Name(a), Int(0))], Name(c))"),
            ("x += 1", "AugAssign(Name(x), Add, Int(1))"),
            ("x **= 2", "AugAssign(Name(x), Pow, Int(2))"),
            ("x //= 3", "AugAssign(Name(x), FloorDiv, Int(3))"),
            ("x @= m", "AugAssign(Name(x), MatMult, Name(m))"),
            ("x >>= 1", "AugAssign(Name(x), RShift, Int(1))"),
            ("x: int", "AnnAssign(Name(x), Name(int), ~, 1)"),
            ("x: int = 1", "AnnAssign(Name(x), Name(int), Int(1), 1)"),
            ("(x): int = 1", "AnnAssign(Name(x), Name(int), Int(1), 0)"),
            ("a.b: int", "AnnAssign(Attribute(Name(a), b), Name(int), ~, 0)"),
            ("a[0]: int = 2", "AnnAssign(Subscript(Name(a), Int(0)), Name(int), Int(2), 0)"),
            ("del a", "Del([Name(a)])"),
            ("del a, b", "Del([Name(a), Name(b)])"),
            ("del a.b, a[0]", "Del([Attribute(Name(a), b), Subscript(Name(a), Int(0))])"),
            ("del (a, b), [c]", "Del([Tuple([Name(a), Name(b)]), List([Name(c)])])"),
            ("break_loop = 1", "Assign([Name(break_loop)], Int(1))"),
            ("while x:\n    break\nelse:\n    pass", "While(Name(x), [Break], [Pass])"),
            ("for i in range(3):\n    continue", "For(Name(i), Call(Name(range), [Int(3)], []), [Continue], [])"),
            ("for a, b in c: pass", "For(Tuple([Name(a), Name(b)]), Name(c), [Pass], [])"),
            ("for (a, b) in c: pass", "For(Tuple([Name(a), Name(b)]), Name(c), [Pass], [])"),
            ("for x in *a, b: pass", "For(Name(x), Tuple([Starred(Name(a)), Name(b)]), [Pass], [])"),
            ("for x, in y: pass", "For(Tuple([Name(x)]), Name(y), [Pass], [])"),
            ("if a:\n    pass\nelif b:\n    pass\nelif c:\n    x\nelse:\n    y", "If(Name(a), [Pass], [If(Name(b), [Pass], [If(Name(c), [Expr(Name(x))], [Expr(Name(y))])])])"),
            ("if a: pass\nelse: pass", "If(Name(a), [Pass], [Pass])"),
            ("def f(): return", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Return(~)], [], ~)"),
            ("def f(): return 1, 2", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Return(Tuple([Int(1), Int(2)]))], [], ~)"),
            ("def f(): return *a, b", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Return(Tuple([Starred(Name(a)), Name(b)]))], [], ~)"),
            ("def f(a, b=1, *args, c, d=2, **kw) -> int:\n    pass", "FunctionDef(f, Args([], [Arg(a, ~), Arg(b, ~)], Arg(args, ~), [Arg(c, ~), Arg(d, ~)], [~, Int(2)], Arg(kw, ~), [Int(1)]), [Pass], [], Name(int))"),
            ("def f(a, /, b, *, c): pass", "FunctionDef(f, Args([Arg(a, ~)], [Arg(b, ~)], ~, [Arg(c, ~)], [~], ~, []), [Pass], [], ~)"),
            ("def f(a=1, /, b=2): pass", "FunctionDef(f, Args([Arg(a, ~)], [Arg(b, ~)], ~, [], [], ~, [Int(1), Int(2)]), [Pass], [], ~)"),
            ("def f(*, a): pass", "FunctionDef(f, Args([], [], ~, [Arg(a, ~)], [~], ~, []), [Pass], [], ~)"),
            ("def f(a: int, *b: str, **c: float): pass", "FunctionDef(f, Args([], [Arg(a, Name(int))], Arg(b, Name(str)), [], [], Arg(c, Name(float)), []), [Pass], [], ~)"),
            ("@dec\ndef f(): pass", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Pass], [Name(dec)], ~)"),
            ("@a.b(c)\n@d\nclass C: pass", "ClassDef(C, [], [], [Pass], [Call(Attribute(Name(a), b), [Name(c)], []), Name(d)])"),
            ("@x[0].y\ndef f(): pass", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Pass], [Attribute(Subscript(Name(x), Int(0)), y)], ~)"),
            ("@(yield)\ndef f(): pass", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Pass], [Yield(~)], ~)"),
            ("class A: pass", "ClassDef(A, [], [], [Pass], [])"),
            ("class A(B, C): pass", "ClassDef(A, [Name(B), Name(C)], [], [Pass], [])"),
            ("class A(B, metaclass=M, **kw): pass", "ClassDef(A, [Name(B)], [Kw(metaclass, Name(M)), Kw(~, Name(kw))], [Pass], [])"),
            ("class A(*bases): pass", "ClassDef(A, [Starred(Name(bases))], [], [Pass], [])"),
            ("class A():\n    x = 1\n    def f(self): pass", "ClassDef(A, [], [], [Assign([Name(x)], Int(1)), FunctionDef(f, Args([], [Arg(self, ~)], ~, [], [], ~, []), [Pass], [], ~)], [])"),
            ("try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f", "Try([Expr(Name(a))], [Handler(Name(E), e, [Expr(Name(b))]), Handler(Tuple([Name(F), Name(G)]), ~, [Expr(Name(c))]), Handler(~, ~, [Expr(Name(d))])], [Expr(Name(e))], [Expr(Name(f))])"),
            ("try:\n    pass\nfinally:\n    pass", "Try([Pass], [], [], [Pass])"),
            ("raise", "Raise(~, ~)"),
            ("raise E", "Raise(Name(E), ~)"),
            ("raise E from e", "Raise(Name(E), Name(e))"),
            ("raise E(1) from None", "Raise(Call(Name(E), [Int(1)], []), None)"),
            ("assert x", "Assert(Name(x), ~)"),
            ("assert x, 'msg'", "Assert(Name(x), Str(\"msg\"))"),
            ("with a: pass", "With([WithItem(Name(a), ~)], [Pass])"),
            ("with a as b, c as d: pass", "With([WithItem(Name(a), Name(b)), WithItem(Name(c), Name(d))], [Pass])"),
            ("with (a as b, c as d,): pass", "With([WithItem(Name(a), Name(b)), WithItem(Name(c), Name(d))], [Pass])"),
            ("with (a, b): pass", "With([WithItem(Name(a), ~), WithItem(Name(b), ~)], [Pass])"),
            ("with (a, b) as c: pass", "With([WithItem(Tuple([Name(a), Name(b)]), Name(c))], [Pass])"),
            ("with a as (b, c): pass", "With([WithItem(Name(a), Tuple([Name(b), Name(c)]))], [Pass])"),
            ("with (a): pass", "With([WithItem(Name(a), ~)], [Pass])"),
            ("with (yield): pass", "With([WithItem(Yield(~), ~)], [Pass])"),
            ("with a as b.c, d as e[0]: pass", "With([WithItem(Name(a), Attribute(Name(b), c)), WithItem(Name(d), Subscript(Name(e), Int(0)))], [Pass])"),
            ("with (\n    open(f) as g,\n    open(h) as i,\n):\n    pass", "With([WithItem(Call(Name(open), [Name(f)], []), Name(g)), WithItem(Call(Name(open), [Name(h)], []), Name(i))], [Pass])"),
            ("import a", "Import([Alias(a, ~)])"),
            ("import a.b.c", "Import([Alias(a.b.c, ~)])"),
            ("import a as b, c.d as e", "Import([Alias(a, b), Alias(c.d, e)])"),
            ("from a import b", "ImportFrom(a, [Alias(b, ~)], 0)"),
            ("from a.b import c as d, e", "ImportFrom(a.b, [Alias(c, d), Alias(e, ~)], 0)"),
            ("from . import x", "ImportFrom(~, [Alias(x, ~)], 1)"),
            ("from .. import x", "ImportFrom(~, [Alias(x, ~)], 2)"),
            ("from ... import x", "ImportFrom(~, [Alias(x, ~)], 3)"),
            ("from .... import x", "ImportFrom(~, [Alias(x, ~)], 4)"),
            ("from .a import (b, c,)", "ImportFrom(a, [Alias(b, ~), Alias(c, ~)], 1)"),
            ("from a import *", "ImportFrom(a, [Alias(*, ~)], 0)"),
            ("from .a.b import (c as d)", "ImportFrom(a.b, [Alias(c, d)], 1)"),
            ("global a, b", "Global([a, b])"),
            ("def f():\n    nonlocal_x = 1\n    def g():\n        nonlocal nonlocal_x", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Assign([Name(nonlocal_x)], Int(1)), FunctionDef(g, Args([], [], ~, [], [], ~, []), [Nonlocal([nonlocal_x])], [], ~)], [], ~)"),
            ("x = 1; y = 2", "Assign([Name(x)], Int(1))\nAssign([Name(y)], Int(2))"),
            ("x = 1;", "Assign([Name(x)], Int(1))"),
            ("if x: a; b", "If(Name(x), [Expr(Name(a)), Expr(Name(b))], [])"),
            ("'''docstring'''", "Expr(Str(\"docstring\"))"),
            ("def f():\n    '''doc'''\n    return 1", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Expr(Str(\"doc\")), Return(Int(1))], [], ~)"),
            ("x = yield", "Assign([Name(x)], Yield(~))"),
            ("def f():\n    x = yield\n    y = yield 1, 2\n    z = yield from g()\n    yield\n    yield *a, b", "FunctionDef(f, Args([], [], ~, [], [], ~, []), [Assign([Name(x)], Yield(~)), Assign([Name(y)], Yield(Tuple([Int(1), Int(2)]))), Assign([Name(z)], YieldFrom(Call(Name(g), [], []))), Expr(Yield(~)), Expr(Yield(Tuple([Starred(Name(a)), Name(b)])))], [], ~)"),
            ("print(x)", "Expr(Call(Name(print), [Name(x)], []))"),
            ("match = 1", "Assign([Name(match)], Int(1))"),
            ("match(x)", "Expr(Call(Name(match), [Name(x)], []))"),
            ("match.x = 2", "Assign([Attribute(Name(match), x)], Int(2))"),
            ("case = 3", "Assign([Name(case)], Int(3))"),
            ("_ = 4", "Assign([Name(_)], Int(4))"),
            ("match[x]: int = 1", "AnnAssign(Subscript(Name(match), Name(x)), Name(int), Int(1), 0)"),
            ("match, case = 1, 2", "Assign([Tuple([Name(match), Name(case)])], Tuple([Int(1), Int(2)]))"),
            ("print(match, case)", "Expr(Call(Name(print), [Name(match), Name(case)], []))"),
        ];
        check_all(cases);
    }

    #[test]
    fn cpython_expressions() {
        let cases: &[(&str, &str)] = &[
            ("-2**2", "Expr(UnaryOp(USub, BinOp(Int(2), Pow, Int(2))))"),
            ("2**-1", "Expr(BinOp(Int(2), Pow, UnaryOp(USub, Int(1))))"),
            ("-2**-2**2", "Expr(UnaryOp(USub, BinOp(Int(2), Pow, UnaryOp(USub, BinOp(Int(2), Pow, Int(2))))))"),
            ("~-+x", "Expr(UnaryOp(Invert, UnaryOp(USub, UnaryOp(UAdd, Name(x)))))"),
            ("not not x", "Expr(UnaryOp(Not, UnaryOp(Not, Name(x))))"),
            ("not a == b", "Expr(UnaryOp(Not, Compare(Name(a), [(Eq, Name(b))])))"),
            ("a and b or c and d", "Expr(BoolOp(Or, [BoolOp(And, [Name(a), Name(b)]), BoolOp(And, [Name(c), Name(d)])]))"),
            ("a or b or c", "Expr(BoolOp(Or, [Name(a), Name(b), Name(c)]))"),
            ("a and (b or c)", "Expr(BoolOp(And, [Name(a), BoolOp(Or, [Name(b), Name(c)])]))"),
            ("(a or b) or c", "Expr(BoolOp(Or, [BoolOp(Or, [Name(a), Name(b)]), Name(c)]))"),
            ("a < b <= c == d != e > f >= g", "Expr(Compare(Name(a), [(Lt, Name(b)), (LtE, Name(c)), (Eq, Name(d)), (NotEq, Name(e)), (Gt, Name(f)), (GtE, Name(g))]))"),
            ("a in b not in c is d is not e", "Expr(Compare(Name(a), [(In, Name(b)), (NotIn, Name(c)), (Is, Name(d)), (IsNot, Name(e))]))"),
            ("a | b ^ c & d << e >> f + g - h * i / j // k % l @ m", "Expr(BinOp(Name(a), BitOr, BinOp(Name(b), BitXor, BinOp(Name(c), BitAnd, BinOp(BinOp(Name(d), LShift, Name(e)), RShift, BinOp(BinOp(Name(f), Add, Name(g)), Sub, BinOp(BinOp(BinOp(BinOp(BinOp(Name(h), Mult, Name(i)), Div, Name(j)), FloorDiv, Name(k)), Mod, Name(l)), MatMult, Name(m))))))))"),
            ("a - b - c", "Expr(BinOp(BinOp(Name(a), Sub, Name(b)), Sub, Name(c)))"),
            ("a ** b ** c", "Expr(BinOp(Name(a), Pow, BinOp(Name(b), Pow, Name(c))))"),
            ("(a ** b) ** c", "Expr(BinOp(BinOp(Name(a), Pow, Name(b)), Pow, Name(c)))"),
            ("a if b else c", "Expr(IfExp(Name(b), Name(a), Name(c)))"),
            ("a if b else c if d else e", "Expr(IfExp(Name(b), Name(a), IfExp(Name(d), Name(c), Name(e))))"),
            ("(a if b else c) if d else e", "Expr(IfExp(Name(d), IfExp(Name(b), Name(a), Name(c)), Name(e)))"),
            ("a if b else lambda: c", "Expr(IfExp(Name(b), Name(a), Lambda(Args([], [], ~, [], [], ~, []), Name(c))))"),
            ("lambda: 0", "Expr(Lambda(Args([], [], ~, [], [], ~, []), Int(0)))"),
            ("lambda x: x", "Expr(Lambda(Args([], [Arg(x, ~)], ~, [], [], ~, []), Name(x)))"),
            ("lambda x, y=1, *a, z, **k: 0", "Expr(Lambda(Args([], [Arg(x, ~), Arg(y, ~)], Arg(a, ~), [Arg(z, ~)], [~], Arg(k, ~), [Int(1)]), Int(0)))"),
            ("lambda *, a: 0", "Expr(Lambda(Args([], [], ~, [Arg(a, ~)], [~], ~, []), Int(0)))"),
            ("lambda a, /, b: 0", "Expr(Lambda(Args([Arg(a, ~)], [Arg(b, ~)], ~, [], [], ~, []), Int(0)))"),
            ("lambda: (yield)", "Expr(Lambda(Args([], [], ~, [], [], ~, []), Yield(~)))"),
            ("(x := 1)", "Expr(NamedExpr(x, Int(1)))"),
            ("f(x := 1)", "Expr(Call(Name(f), [NamedExpr(x, Int(1))], []))"),
            ("[x := 1, 2]", "Expr(List([NamedExpr(x, Int(1)), Int(2)]))"),
            ("{x := 1}", "Expr(Set([NamedExpr(x, Int(1))]))"),
            ("a[b := 1]", "Expr(Subscript(Name(a), NamedExpr(b, Int(1))))"),
            ("(y := (x := 1))", "Expr(NamedExpr(y, NamedExpr(x, Int(1))))"),
            ("f(a, x := 1)", "Expr(Call(Name(f), [Name(a), NamedExpr(x, Int(1))], []))"),
            ("[]", "Expr(List([]))"),
            ("[1, 2,]", "Expr(List([Int(1), Int(2)]))"),
            ("()", "Expr(Tuple([]))"),
            ("(1,)", "Expr(Tuple([Int(1)]))"),
            ("(1, 2)", "Expr(Tuple([Int(1), Int(2)]))"),
            ("1,", "Expr(Tuple([Int(1)]))"),
            ("{}", "Expr(Dict([]))"),
            ("{1: 2, **d, 3: 4}", "Expr(Dict([(Int(1), Int(2)), (~, Name(d)), (Int(3), Int(4))]))"),
            ("{**a, **b}", "Expr(Dict([(~, Name(a)), (~, Name(b))]))"),
            ("{1, 2}", "Expr(Set([Int(1), Int(2)]))"),
            ("{*a, b}", "Expr(Set([Starred(Name(a)), Name(b)]))"),
            ("[*a, *b]", "Expr(List([Starred(Name(a)), Starred(Name(b))]))"),
            ("(*a, b)", "Expr(Tuple([Starred(Name(a)), Name(b)]))"),
            ("[x for x in y]", "Expr(ListComp(Name(x), [Comp(Name(x), Name(y), [])]))"),
            ("[x for x in y if a if b for z in w if c]", "Expr(ListComp(Name(x), [Comp(Name(x), Name(y), [Name(a), Name(b)]), Comp(Name(z), Name(w), [Name(c)])]))"),
            ("{x for x in y}", "Expr(SetComp(Name(x), [Comp(Name(x), Name(y), [])]))"),
            ("{k: v for k, v in d.items()}", "Expr(DictComp(Name(k), Name(v), [Comp(Tuple([Name(k), Name(v)]), Call(Attribute(Name(d), items), [], []), [])]))"),
            ("(x for x in y)", "Expr(GeneratorExp(Name(x), [Comp(Name(x), Name(y), [])]))"),
            ("f(x for x in y)", "Expr(Call(Name(f), [GeneratorExp(Name(x), [Comp(Name(x), Name(y), [])])], []))"),
            ("f((x for x in y), 1)", "Expr(Call(Name(f), [GeneratorExp(Name(x), [Comp(Name(x), Name(y), [])]), Int(1)], []))"),
            ("[x for (a, b) in c]", "Expr(ListComp(Name(x), [Comp(Tuple([Name(a), Name(b)]), Name(c), [])]))"),
            ("[x for *a, b in c]", "Expr(ListComp(Name(x), [Comp(Tuple([Starred(Name(a)), Name(b)]), Name(c), [])]))"),
            ("a.b.c", "Expr(Attribute(Attribute(Name(a), b), c))"),
            ("a().b[0](1)", "Expr(Call(Subscript(Attribute(Call(Name(a), [], []), b), Int(0)), [Int(1)], []))"),
            ("a[1]", "Expr(Subscript(Name(a), Int(1)))"),
            ("a[1:2]", "Expr(Subscript(Name(a), Slice(Int(1), Int(2), ~)))"),
            ("a[:]", "Expr(Subscript(Name(a), Slice(~, ~, ~)))"),
            ("a[::]", "Expr(Subscript(Name(a), Slice(~, ~, ~)))"),
            ("a[1:2:3]", "Expr(Subscript(Name(a), Slice(Int(1), Int(2), Int(3))))"),
            ("a[::2]", "Expr(Subscript(Name(a), Slice(~, ~, Int(2))))"),
            ("a[:2, 3:]", "Expr(Subscript(Name(a), Tuple([Slice(~, Int(2), ~), Slice(Int(3), ~, ~)])))"),
            ("a[1:2, ::3]", "Expr(Subscript(Name(a), Tuple([Slice(Int(1), Int(2), ~), Slice(~, ~, Int(3))])))"),
            ("a[1, 2]", "Expr(Subscript(Name(a), Tuple([Int(1), Int(2)])))"),
            ("a[1,]", "Expr(Subscript(Name(a), Tuple([Int(1)])))"),
            ("a[*b]", "Expr(Subscript(Name(a), Tuple([Starred(Name(b))])))"),
            ("a[*b, c]", "Expr(Subscript(Name(a), Tuple([Starred(Name(b)), Name(c)])))"),
            ("a[b:c, *d]", "Expr(Subscript(Name(a), Tuple([Slice(Name(b), Name(c), ~), Starred(Name(d))])))"),
            ("f(a, *b, c=1, **d)", "Expr(Call(Name(f), [Name(a), Starred(Name(b))], [Kw(c, Int(1)), Kw(~, Name(d))]))"),
            ("f(*a, *b, **c, **d)", "Expr(Call(Name(f), [Starred(Name(a)), Starred(Name(b))], [Kw(~, Name(c)), Kw(~, Name(d))]))"),
            ("f(a, b=1, *c)", "Expr(Call(Name(f), [Name(a), Starred(Name(c))], [Kw(b, Int(1))]))"),
            ("f(a)(b)(c)", "Expr(Call(Call(Call(Name(f), [Name(a)], []), [Name(b)], []), [Name(c)], []))"),
            ("f(**k, a=1)", "Expr(Call(Name(f), [], [Kw(~, Name(k)), Kw(a, Int(1))]))"),
            ("...", "Expr(Ellipsis)"),
            ("None", "Expr(None)"),
            ("True", "Expr(True)"),
            ("False", "Expr(False)"),
            ("x.y.z", "Expr(Attribute(Attribute(Name(x), y), z))"),
            ("a[b][c]", "Expr(Subscript(Subscript(Name(a), Name(b)), Name(c)))"),
            ("(a)", "Expr(Name(a))"),
            ("((a))", "Expr(Name(a))"),
            ("(a).b", "Expr(Attribute(Name(a), b))"),
            ("(a)(b)", "Expr(Call(Name(a), [Name(b)], []))"),
            ("f(*a)[0].b", "Expr(Attribute(Subscript(Call(Name(f), [Starred(Name(a))], []), Int(0)), b))"),
            ("x if y else z.w", "Expr(IfExp(Name(y), Name(x), Attribute(Name(z), w)))"),
            ("-x.y", "Expr(UnaryOp(USub, Attribute(Name(x), y)))"),
            ("await_ = 1", "Assign([Name(await_)], Int(1))"),
            ("a @ b", "Expr(BinOp(Name(a), MatMult, Name(b)))"),
            ("a // b ** c", "Expr(BinOp(Name(a), FloorDiv, BinOp(Name(b), Pow, Name(c))))"),
            ("+a ** -b", "Expr(UnaryOp(UAdd, BinOp(Name(a), Pow, UnaryOp(USub, Name(b)))))"),
            ("x = *a, *b", "Assign([Name(x)], Tuple([Starred(Name(a)), Starred(Name(b))]))"),
            ("x = (yield)", "Assign([Name(x)], Yield(~))"),
            ("x = lambda: (yield)", "Assign([Name(x)], Lambda(Args([], [], ~, [], [], ~, []), Yield(~)))"),
            ("f(a)[b:c](d)", "Expr(Call(Subscript(Call(Name(f), [Name(a)], []), Slice(Name(b), Name(c), ~)), [Name(d)], []))"),
        ];
        check_all(cases);
    }

    #[test]
    fn cpython_literals() {
        let cases: &[(&str, &str)] = &[
            ("0", "Expr(Int(0))"),
            ("00", "Expr(Int(0))"),
            ("0_0", "Expr(Int(0))"),
            ("123", "Expr(Int(123))"),
            ("1_000_000", "Expr(Int(1000000))"),
            ("0x1F", "Expr(Int(31))"),
            ("0XdeadBEEF", "Expr(Int(3735928559))"),
            ("0o17", "Expr(Int(15))"),
            ("0O7_7", "Expr(Int(63))"),
            ("0b1010", "Expr(Int(10))"),
            ("0B1_0", "Expr(Int(2))"),
            ("9223372036854775807", "Expr(Int(9223372036854775807))"),
            ("9223372036854775808", "Expr(BigInt(9223372036854775808))"),
            ("0xFFFFFFFFFFFFFFFF", "Expr(BigInt(18446744073709551615))"),
            ("0x1_0000_0000_0000_0000", "Expr(BigInt(18446744073709551616))"),
            ("0o1777777777777777777777", "Expr(BigInt(18446744073709551615))"),
            ("0b1111111111111111111111111111111111111111111111111111111111111111111111", "Expr(BigInt(1180591620717411303423))"),
            ("123456789012345678901234567890", "Expr(BigInt(123456789012345678901234567890))"),
            ("1.", "Expr(Float(1.0))"),
            ("1.5", "Expr(Float(1.5))"),
            (".5", "Expr(Float(0.5))"),
            ("1e10", "Expr(Float(10000000000.0))"),
            ("1E-10", "Expr(Float(1e-10))"),
            ("1_000.5e-3", "Expr(Float(1.0005))"),
            ("0e0", "Expr(Float(0.0))"),
            ("1e400", "Expr(Float(inf))"),
            ("0123.4", "Expr(Float(123.4))"),
            ("0123e1", "Expr(Float(1230.0))"),
            ("0.1", "Expr(Float(0.1))"),
            ("3.14159", "Expr(Float(3.14159))"),
            ("1e16", "Expr(Float(1e+16))"),
            ("1e-5", "Expr(Float(1e-05))"),
            ("123456789.123456789", "Expr(Float(123456789.12345679))"),
            ("1j", "Expr(Imag(1.0))"),
            ("1.5J", "Expr(Imag(1.5))"),
            ("0123j", "Expr(Imag(123.0))"),
            ("1e3j", "Expr(Imag(1000.0))"),
            (".5j", "Expr(Imag(0.5))"),
            ("1_0j", "Expr(Imag(10.0))"),
            ("1+2j", "Expr(BinOp(Int(1), Add, Imag(2.0)))"),
            ("'a'", "Expr(Str(\"a\"))"),
            ("\"a\"", "Expr(Str(\"a\"))"),
            ("'''a'''", "Expr(Str(\"a\"))"),
            ("\"\"\"a\"\"\"", "Expr(Str(\"a\"))"),
            ("'a' 'b'", "Expr(Str(\"ab\"))"),
            ("'a' \"b\" '''c'''", "Expr(Str(\"abc\"))"),
            ("u'a'", "Expr(Str(\"a\"))"),
            ("U'a'", "Expr(Str(\"a\"))"),
            ("r'\\n'", "Expr(Str(\"\\\\n\"))"),
            ("R'\\n'", "Expr(Str(\"\\\\n\"))"),
            ("b'a'", "Expr(Bytes(b\"a\"))"),
            ("B'a'", "Expr(Bytes(b\"a\"))"),
            ("rb'\\x00'", "Expr(Bytes(b\"\\\\x00\"))"),
            ("Rb'a'", "Expr(Bytes(b\"a\"))"),
            ("bR'a'", "Expr(Bytes(b\"a\"))"),
            ("BR'a'", "Expr(Bytes(b\"a\"))"),
            ("br'\\d' b'x'", "Expr(Bytes(b\"\\\\dx\"))"),
            ("'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v'", "Expr(Str(\"\\u{a}\\u{9}\\u{d}\\\\'\\\"\\u{7}\\u{8}\\u{c}\\u{b}\"))"),
            ("'\\x41\\101\\0\\07\\u00e9\\U0001F600'", "Expr(Str(\"AA\\u{0}\\u{7}\\u{e9}\\u{1f600}\"))"),
            ("'\\N{EM DASH}\\N{bullet}\\N{LATIN SMALL LETTER A}\\N{GREEK SMALL LETTER ALPHA}'", "Expr(Str(\"\\u{2014}\\u{2022}a\\u{3b1}\"))"),
            ("'\\q\\d\\w'", "Expr(Str(\"\\\\q\\\\d\\\\w\"))"),
            ("b'\\x41\\101\\n\\q\\u1234'", "Expr(Bytes(b\"AA\\x0a\\\\q\\\\u1234\"))"),
            ("'a\\\nb'", "Expr(Str(\"ab\"))"),
            ("'''a\nb'''", "Expr(Str(\"a\\u{a}b\"))"),
            ("'''a\\\nb'''", "Expr(Str(\"ab\"))"),
            ("'\u{e9} \u{fc} \u{4e2d}\u{6587} \u{1f600}'", "Expr(Str(\"\\u{e9} \\u{fc} \\u{4e2d}\\u{6587} \\u{1f600}\"))"),
            ("f'a'", "Expr(JoinedStr([Lit(\"a\")]))"),
            ("f''", "Expr(JoinedStr([]))"),
            ("f'{x}'", "Expr(JoinedStr([Val(Name(x), ~, ~)]))"),
            ("f'{x!r}'", "Expr(JoinedStr([Val(Name(x), r, ~)]))"),
            ("f'{x!s:>10}'", "Expr(JoinedStr([Val(Name(x), s, [Lit(\">10\")])]))"),
            ("f'{x:{w}.{p}}'", "Expr(JoinedStr([Val(Name(x), ~, [Val(Name(w), ~, ~), Lit(\".\"), Val(Name(p), ~, ~)])]))"),
            ("f'{x=}'", "Expr(JoinedStr([Lit(\"x=\"), Val(Name(x), r, ~)]))"),
            ("f'{x = }'", "Expr(JoinedStr([Lit(\"x = \"), Val(Name(x), r, ~)]))"),
            ("f'{x=!s}'", "Expr(JoinedStr([Lit(\"x=\"), Val(Name(x), s, ~)]))"),
            ("f'{x=:>10}'", "Expr(JoinedStr([Lit(\"x=\"), Val(Name(x), ~, [Lit(\">10\")])]))"),
            ("f'{x=:{w}}'", "Expr(JoinedStr([Lit(\"x=\"), Val(Name(x), ~, [Val(Name(w), ~, ~)])]))"),
            ("f'{x!r:{w}}'", "Expr(JoinedStr([Val(Name(x), r, [Val(Name(w), ~, ~)])]))"),
            ("f'{{}}'", "Expr(JoinedStr([Lit(\"{}\")]))"),
            ("f'a{{b}}c{d}e'", "Expr(JoinedStr([Lit(\"a{b}c\"), Val(Name(d), ~, ~), Lit(\"e\")]))"),
            ("f'{a}{b}'", "Expr(JoinedStr([Val(Name(a), ~, ~), Val(Name(b), ~, ~)]))"),
            ("f'{a[\"k\"]}'", "Expr(JoinedStr([Val(Subscript(Name(a), Str(\"k\")), ~, ~)]))"),
            ("f\"{a['k']}\"", "Expr(JoinedStr([Val(Subscript(Name(a), Str(\"k\")), ~, ~)]))"),
            ("f'{x,y}'", "Expr(JoinedStr([Val(Tuple([Name(x), Name(y)]), ~, ~)]))"),
            ("f'{(lambda: 1)()}'", "Expr(JoinedStr([Val(Call(Lambda(Args([], [], ~, [], [], ~, []), Int(1)), [], []), ~, ~)]))"),
            ("f'{(x := 1)}'", "Expr(JoinedStr([Val(NamedExpr(x, Int(1)), ~, ~)]))"),
            ("f'{x:=10}'", "Expr(JoinedStr([Val(Name(x), ~, [Lit(\"=10\")])]))"),
            ("f'{a if b else c}'", "Expr(JoinedStr([Val(IfExp(Name(b), Name(a), Name(c)), ~, ~)]))"),
            ("f'{x!r:^{w}}'", "Expr(JoinedStr([Val(Name(x), r, [Lit(\"^\"), Val(Name(w), ~, ~)])]))"),
            ("'a' f'{b}' 'c'", "Expr(JoinedStr([Lit(\"a\"), Val(Name(b), ~, ~), Lit(\"c\")]))"),
            ("f'{a}' f'{b}'", "Expr(JoinedStr([Val(Name(a), ~, ~), Val(Name(b), ~, ~)]))"),
            ("rf'\\n{x}'", "Expr(JoinedStr([Lit(\"\\\\n\"), Val(Name(x), ~, ~)]))"),
            ("fr'{x}\\n'", "Expr(JoinedStr([Val(Name(x), ~, ~), Lit(\"\\\\n\")]))"),
            ("F'{x}'", "Expr(JoinedStr([Val(Name(x), ~, ~)]))"),
            ("f'''{\nx\n}'''", "Expr(JoinedStr([Val(Name(x), ~, ~)]))"),
            ("f'{x:%Y-%m-%d}'", "Expr(JoinedStr([Val(Name(x), ~, [Lit(\"%Y-%m-%d\")])]))"),
            ("f'{x:{{}}}'", "Expr(JoinedStr([Val(Name(x), ~, [Val(Dict([]), ~, ~)])]))"),
            ("f'\\n{x}\\t'", "Expr(JoinedStr([Lit(\"\\u{a}\"), Val(Name(x), ~, ~), Lit(\"\\u{9}\")]))"),
            ("f'{3.14:.2f}'", "Expr(JoinedStr([Val(Float(3.14), ~, [Lit(\".2f\")])]))"),
            ("f'{x!a}'", "Expr(JoinedStr([Val(Name(x), a, ~)]))"),
            ("f'{ x }'", "Expr(JoinedStr([Val(Name(x), ~, ~)]))"),
            ("f'{x:}'", "Expr(JoinedStr([Val(Name(x), ~, [])]))"),
            ("f'\\N{EM DASH}{x}'", "Expr(JoinedStr([Lit(\"\\u{2014}\"), Val(Name(x), ~, ~)]))"),
            ("f'{f\"{x}\"}'", "Expr(JoinedStr([Val(JoinedStr([Val(Name(x), ~, ~)]), ~, ~)]))"),
            ("f'''{f\"{x}\"}'''", "Expr(JoinedStr([Val(JoinedStr([Val(Name(x), ~, ~)]), ~, ~)]))"),
            ("f'{x}' 'y' f'{z}'", "Expr(JoinedStr([Val(Name(x), ~, ~), Lit(\"y\"), Val(Name(z), ~, ~)]))"),
            ("'x' f''", "Expr(JoinedStr([Lit(\"x\")]))"),
            ("f'{a}{{'", "Expr(JoinedStr([Val(Name(a), ~, ~), Lit(\"{\")]))"),
            ("f'}}{a}'", "Expr(JoinedStr([Lit(\"}\"), Val(Name(a), ~, ~)]))"),
        ];
        check_all(cases);
    }

    #[test]
    fn cpython_patterns() {
        let cases: &[(&str, &str)] = &[
            ("match x:\n    case 1: pass", "Match(Name(x), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match x:\n    case -1: pass", "Match(Name(x), [Case(MatchValue(UnaryOp(USub, Int(1))), ~, [Pass])])"),
            ("match x:\n    case 1.5: pass", "Match(Name(x), [Case(MatchValue(Float(1.5)), ~, [Pass])])"),
            ("match x:\n    case -1.5j: pass", "Match(Name(x), [Case(MatchValue(UnaryOp(USub, Imag(1.5))), ~, [Pass])])"),
            ("match x:\n    case 1 + 2j: pass", "Match(Name(x), [Case(MatchValue(BinOp(Int(1), Add, Imag(2.0))), ~, [Pass])])"),
            ("match x:\n    case -1 - 2j: pass", "Match(Name(x), [Case(MatchValue(BinOp(UnaryOp(USub, Int(1)), Sub, Imag(2.0))), ~, [Pass])])"),
            ("match x:\n    case 'a': pass", "Match(Name(x), [Case(MatchValue(Str(\"a\")), ~, [Pass])])"),
            ("match x:\n    case 'a' 'b': pass", "Match(Name(x), [Case(MatchValue(Str(\"ab\")), ~, [Pass])])"),
            ("match x:\n    case b'a': pass", "Match(Name(x), [Case(MatchValue(Bytes(b\"a\")), ~, [Pass])])"),
            ("match x:\n    case None: pass", "Match(Name(x), [Case(MatchSingleton(None), ~, [Pass])])"),
            ("match x:\n    case True: pass", "Match(Name(x), [Case(MatchSingleton(True), ~, [Pass])])"),
            ("match x:\n    case False: pass", "Match(Name(x), [Case(MatchSingleton(False), ~, [Pass])])"),
            ("match x:\n    case y: pass", "Match(Name(x), [Case(MatchAs(~, y), ~, [Pass])])"),
            ("match x:\n    case _: pass", "Match(Name(x), [Case(MatchAs(~, ~), ~, [Pass])])"),
            ("match x:\n    case a.b: pass", "Match(Name(x), [Case(MatchValue(Attribute(Name(a), b)), ~, [Pass])])"),
            ("match x:\n    case a.b.c: pass", "Match(Name(x), [Case(MatchValue(Attribute(Attribute(Name(a), b), c)), ~, [Pass])])"),
            ("match x:\n    case 1 | 2 | 3: pass", "Match(Name(x), [Case(MatchOr([MatchValue(Int(1)), MatchValue(Int(2)), MatchValue(Int(3))]), ~, [Pass])])"),
            ("match x:\n    case (1 | 2) as y: pass", "Match(Name(x), [Case(MatchAs(MatchOr([MatchValue(Int(1)), MatchValue(Int(2))]), y), ~, [Pass])])"),
            ("match x:\n    case 1 | 2 as y: pass", "Match(Name(x), [Case(MatchAs(MatchOr([MatchValue(Int(1)), MatchValue(Int(2))]), y), ~, [Pass])])"),
            ("match x:\n    case (y): pass", "Match(Name(x), [Case(MatchAs(~, y), ~, [Pass])])"),
            ("match x:\n    case (y) as z: pass", "Match(Name(x), [Case(MatchAs(MatchAs(~, y), z), ~, [Pass])])"),
            ("match x:\n    case []: pass", "Match(Name(x), [Case(MatchSequence([]), ~, [Pass])])"),
            ("match x:\n    case (): pass", "Match(Name(x), [Case(MatchSequence([]), ~, [Pass])])"),
            ("match x:\n    case [a]: pass", "Match(Name(x), [Case(MatchSequence([MatchAs(~, a)]), ~, [Pass])])"),
            ("match x:\n    case (a,): pass", "Match(Name(x), [Case(MatchSequence([MatchAs(~, a)]), ~, [Pass])])"),
            ("match x:\n    case [a, b]: pass", "Match(Name(x), [Case(MatchSequence([MatchAs(~, a), MatchAs(~, b)]), ~, [Pass])])"),
            ("match x:\n    case (a, b): pass", "Match(Name(x), [Case(MatchSequence([MatchAs(~, a), MatchAs(~, b)]), ~, [Pass])])"),
            ("match x:\n    case a, b: pass", "Match(Name(x), [Case(MatchSequence([MatchAs(~, a), MatchAs(~, b)]), ~, [Pass])])"),
            ("match x:\n    case a, *rest: pass", "Match(Name(x), [Case(MatchSequence([MatchAs(~, a), MatchStar(rest)]), ~, [Pass])])"),
            ("match x:\n    case [*_, last]: pass", "Match(Name(x), [Case(MatchSequence([MatchStar(~), MatchAs(~, last)]), ~, [Pass])])"),
            ("match x:\n    case *a, b,: pass", "Match(Name(x), [Case(MatchSequence([MatchStar(a), MatchAs(~, b)]), ~, [Pass])])"),
            ("match x:\n    case {}: pass", "Match(Name(x), [Case(MatchMapping([], [], ~), ~, [Pass])])"),
            ("match x:\n    case {'a': 1}: pass", "Match(Name(x), [Case(MatchMapping([Str(\"a\")], [MatchValue(Int(1))], ~), ~, [Pass])])"),
            ("match x:\n    case {'a': 1, **rest}: pass", "Match(Name(x), [Case(MatchMapping([Str(\"a\")], [MatchValue(Int(1))], rest), ~, [Pass])])"),
            ("match x:\n    case {1: a, -1: b, None: c, a.b: d}: pass", "Match(Name(x), [Case(MatchMapping([Int(1), UnaryOp(USub, Int(1)), None, Attribute(Name(a), b)], [MatchAs(~, a), MatchAs(~, b), MatchAs(~, c), MatchAs(~, d)], ~), ~, [Pass])])"),
            ("match x:\n    case {**rest}: pass", "Match(Name(x), [Case(MatchMapping([], [], rest), ~, [Pass])])"),
            ("match x:\n    case C(): pass", "Match(Name(x), [Case(MatchClass(Name(C), [], [], []), ~, [Pass])])"),
            ("match x:\n    case C(a, b): pass", "Match(Name(x), [Case(MatchClass(Name(C), [MatchAs(~, a), MatchAs(~, b)], [], []), ~, [Pass])])"),
            ("match x:\n    case C(a=1, b=2): pass", "Match(Name(x), [Case(MatchClass(Name(C), [], [a, b], [MatchValue(Int(1)), MatchValue(Int(2))]), ~, [Pass])])"),
            ("match x:\n    case C(1, b=[2, *r]): pass", "Match(Name(x), [Case(MatchClass(Name(C), [MatchValue(Int(1))], [b], [MatchSequence([MatchValue(Int(2)), MatchStar(r)])]), ~, [Pass])])"),
            ("match x:\n    case a.B(c): pass", "Match(Name(x), [Case(MatchClass(Attribute(Name(a), B), [MatchAs(~, c)], [], []), ~, [Pass])])"),
            ("match x:\n    case 1 if y > 0: pass\n    case _: pass", "Match(Name(x), [Case(MatchValue(Int(1)), Compare(Name(y), [(Gt, Int(0))]), [Pass]), Case(MatchAs(~, ~), ~, [Pass])])"),
            ("match x:\n    case y if y: pass\n    case z: pass", "Match(Name(x), [Case(MatchAs(~, y), Name(y), [Pass]), Case(MatchAs(~, z), ~, [Pass])])"),
            ("match (x):\n    case 1: pass", "Match(Name(x), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match x, y:\n    case 1, 2: pass", "Match(Tuple([Name(x), Name(y)]), [Case(MatchSequence([MatchValue(Int(1)), MatchValue(Int(2))]), ~, [Pass])])"),
            ("match *x, y:\n    case 1: pass", "Match(Tuple([Starred(Name(x)), Name(y)]), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match x,:\n    case 1: pass", "Match(Tuple([Name(x)]), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match -x:\n    case 1: pass", "Match(UnaryOp(USub, Name(x)), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match x := y:\n    case 1: pass", "Match(NamedExpr(x, Name(y)), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match f(x):\n    case 1: pass", "Match(Call(Name(f), [Name(x)], []), [Case(MatchValue(Int(1)), ~, [Pass])])"),
            ("match x:\n    case 1:\n        pass\n    case 2:\n        match y:\n            case 3:\n                pass", "Match(Name(x), [Case(MatchValue(Int(1)), ~, [Pass]), Case(MatchValue(Int(2)), ~, [Match(Name(y), [Case(MatchValue(Int(3)), ~, [Pass])])])])"),
            ("match x:\n    case [1, [2, [3, (4, {5: C(d=6)})]]]: pass", "Match(Name(x), [Case(MatchSequence([MatchValue(Int(1)), MatchSequence([MatchValue(Int(2)), MatchSequence([MatchValue(Int(3)), MatchSequence([MatchValue(Int(4)), MatchMapping([Int(5)], [MatchClass(Name(C), [], [d], [MatchValue(Int(6))])], ~)])])])]), ~, [Pass])])"),
        ];
        check_all(cases);
    }

    #[test]
    fn cpython_errors() {
        // (source, mode, CPython 3.11's `Kind|message|line|offset` or OK)
        let cases: &[(&str, Mode, &str)] = &[
            ("1 = x", Mode::Exec, "SyntaxError|cannot assign to literal here. Maybe you meant '==' instead of '='?|1|1"),
            ("f() = 1", Mode::Exec, "SyntaxError|cannot assign to function call here. Maybe you meant '==' instead of '='?|1|1"),
            ("del 1", Mode::Exec, "SyntaxError|cannot delete literal|1|5"),
            ("for 1 in x: pass", Mode::Exec, "SyntaxError|cannot assign to literal|1|5"),
            ("(a, 1) = x", Mode::Exec, "SyntaxError|cannot assign to literal|1|5"),
            ("a + 1 = 2", Mode::Exec, "SyntaxError|cannot assign to expression here. Maybe you meant '==' instead of '='?|1|1"),
            ("x = (1,\n\ny = 2", Mode::Exec, "SyntaxError|'(' was never closed|1|5"),
            ("foo(a b", Mode::Exec, "SyntaxError|'(' was never closed|1|4"),
            ("foo(1,\n\nx = 2", Mode::Exec, "SyntaxError|'(' was never closed|1|4"),
            ("x = = 1\n\"abc", Mode::Exec, "SyntaxError|unterminated string literal (detected at line 2)|2|1"),
            ("(1 2", Mode::Exec, "SyntaxError|'(' was never closed|1|1"),
            ("x = (1,", Mode::Exec, "SyntaxError|'(' was never closed|1|5"),
            ("x = )", Mode::Exec, "SyntaxError|unmatched ')'|1|5"),
            ("x = (]", Mode::Exec, "SyntaxError|closing parenthesis ']' does not match opening parenthesis '('|1|6"),
            ("x = (\n]", Mode::Exec, "SyntaxError|closing parenthesis ']' does not match opening parenthesis '(' on line 1|2|1"),
            ("*a = 1", Mode::Exec, "SyntaxError|starred assignment target must be in a list or tuple|1|1"),
            ("*a, *b = c", Mode::Exec, "SyntaxError|multiple starred expressions in assignment|1|1"),
            ("del *a", Mode::Exec, "SyntaxError|cannot delete starred|1|5"),
            ("del (a, *b)", Mode::Exec, "SyntaxError|cannot delete starred|1|9"),
            ("(a, b) += 1", Mode::Exec, "SyntaxError|'tuple' is an illegal expression for augmented assignment|1|1"),
            ("[a] += 1", Mode::Exec, "SyntaxError|'list' is an illegal expression for augmented assignment|1|1"),
            ("f() += 1", Mode::Exec, "SyntaxError|'function call' is an illegal expression for augmented assignment|1|1"),
            ("1 += 1", Mode::Exec, "SyntaxError|'literal' is an illegal expression for augmented assignment|1|1"),
            ("a, b: int", Mode::Exec, "SyntaxError|only single target (not tuple) can be annotated|1|1"),
            ("[a]: int", Mode::Exec, "SyntaxError|only single target (not list) can be annotated|1|1"),
            ("1: int", Mode::Exec, "SyntaxError|illegal target for annotation|1|1"),
            ("if x:\npass", Mode::Exec, "IndentationError|expected an indented block after 'if' statement on line 1|2|1"),
            ("if x:\n  a\n b", Mode::Exec, "IndentationError|unindent does not match any outer indentation level|3|3"),
            ("a\n  b", Mode::Exec, "IndentationError|unexpected indent|2|2"),
            ("for x in y:\n\nz", Mode::Exec, "IndentationError|expected an indented block after 'for' statement on line 1|3|1"),
            ("def f():\nreturn", Mode::Exec, "IndentationError|expected an indented block after function definition on line 1|2|1"),
            ("class A:\nx", Mode::Exec, "IndentationError|expected an indented block after class definition on line 1|2|1"),
            ("while 1:\nx", Mode::Exec, "IndentationError|expected an indented block after 'while' statement on line 1|2|1"),
            ("try:\nx", Mode::Exec, "IndentationError|expected an indented block after 'try' statement on line 1|2|1"),
            ("try:\n  x\nexcept:\npass", Mode::Exec, "IndentationError|expected an indented block after 'except' statement on line 3|4|1"),
            ("with a:\nx", Mode::Exec, "IndentationError|expected an indented block after 'with' statement on line 1|2|1"),
            ("if x:\n  a\nelif y:\nb", Mode::Exec, "IndentationError|expected an indented block after 'elif' statement on line 3|4|1"),
            ("if x:\n  a\nelse:\nb", Mode::Exec, "IndentationError|expected an indented block after 'else' statement on line 3|4|1"),
            ("match x:\n  case 1:\n  pass", Mode::Exec, "IndentationError|expected an indented block after 'case' statement on line 2|3|3"),
            ("if 1:\n\tx\n        y", Mode::Exec, "IndentationError|inconsistent use of tabs and spaces in indentation|3|1"),
            ("if 1:\n        x\n\ty", Mode::Exec, "IndentationError|inconsistent use of tabs and spaces in indentation|3|1"),
            ("if x:", Mode::Exec, "IndentationError|expected an indented block after 'if' statement on line 1|1|6"),
            ("if x:\n", Mode::Exec, "IndentationError|expected an indented block after 'if' statement on line 1|1|6"),
            ("def f(:", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("def f()\n  pass", Mode::Exec, "SyntaxError|expected ':'|1|8"),
            ("def f:\n  pass", Mode::Exec, "SyntaxError|expected '('|1|6"),
            ("if x\n  pass", Mode::Exec, "SyntaxError|expected ':'|1|5"),
            ("x = (1 +", Mode::Exec, "SyntaxError|'(' was never closed|1|5"),
            ("\"\"\"abc\n\ndef", Mode::Exec, "SyntaxError|unterminated triple-quoted string literal (detected at line 3)|1|1"),
            ("'abc", Mode::Exec, "SyntaxError|unterminated string literal (detected at line 1)|1|1"),
            ("'a' b'b'", Mode::Exec, "SyntaxError|cannot mix bytes and nonbytes literals|1|9"),
            ("b'a' 'b'", Mode::Exec, "SyntaxError|cannot mix bytes and nonbytes literals|1|9"),
            ("f'{'", Mode::Exec, "SyntaxError|f-string: expecting '}'|1|5"),
            ("f'{}'", Mode::Exec, "SyntaxError|f-string: empty expression not allowed|1|6"),
            ("f'{a!x}'", Mode::Exec, "SyntaxError|f-string: invalid conversion character: expected 's', 'r', or 'a'|1|9"),
            ("f'{a!r'", Mode::Exec, "SyntaxError|f-string: expecting '}'|1|8"),
            ("f'}'", Mode::Exec, "SyntaxError|f-string: single '}' is not allowed|1|5"),
            ("f'{\\n}'", Mode::Exec, "SyntaxError|f-string expression part cannot include a backslash|1|8"),
            ("f'{#}'", Mode::Exec, "SyntaxError|f-string expression part cannot include '#'|1|7"),
            ("f'{a:{b:{c}}}'", Mode::Exec, "SyntaxError|f-string: expressions nested too deeply|1|15"),
            ("f'{)}'", Mode::Exec, "SyntaxError|f-string: unmatched ')'|1|7"),
            ("f'{(]}'", Mode::Exec, "SyntaxError|f-string: closing parenthesis ']' does not match opening parenthesis '('|1|8"),
            ("f'{(}'", Mode::Exec, "SyntaxError|f-string: closing parenthesis '}' does not match opening parenthesis '('|1|7"),
            ("f'{a:}}'", Mode::Exec, "SyntaxError|f-string: single '}' is not allowed|1|9"),
            ("f'{a:{}}'", Mode::Exec, "SyntaxError|f-string: empty expression not allowed|1|10"),
            ("f'{  }'", Mode::Exec, "SyntaxError|f-string: empty expression not allowed|1|8"),
            ("f'{a!}'", Mode::Exec, "SyntaxError|f-string: invalid conversion character: expected 's', 'r', or 'a'|1|8"),
            ("f'{a!r }'", Mode::Exec, "SyntaxError|f-string: expecting '}'|1|10"),
            ("f'{\"a}'", Mode::Exec, "SyntaxError|f-string: unterminated string|1|8"),
            ("x = ", Mode::Exec, "SyntaxError|invalid syntax|1|5"),
            ("x = 1 +", Mode::Exec, "SyntaxError|invalid syntax|1|8"),
            ("if x:\n  pass\nelse", Mode::Exec, "SyntaxError|expected ':'|3|5"),
            ("x = \\", Mode::Exec, "SyntaxError|unexpected EOF while parsing|1|6"),
            ("x \\ y", Mode::Exec, "SyntaxError|unexpected character after line continuation character|1|4"),
            ("class", Mode::Exec, "SyntaxError|invalid syntax|1|6"),
            ("import", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("from x import", Mode::Exec, "SyntaxError|invalid syntax|1|14"),
            ("from x import (a,", Mode::Exec, "SyntaxError|'(' was never closed|1|15"),
            ("from x import a,", Mode::Exec, "SyntaxError|trailing comma not allowed without surrounding parentheses|1|17"),
            ("from . import *, a", Mode::Exec, "SyntaxError|invalid syntax|1|16"),
            ("import a.b as c.d", Mode::Exec, "SyntaxError|invalid syntax|1|16"),
            ("f(**a, *b)", Mode::Exec, "SyntaxError|iterable argument unpacking follows keyword argument unpacking|1|8"),
            ("f(a=1, b)", Mode::Exec, "SyntaxError|positional argument follows keyword argument|1|9"),
            ("f(a=1, a=2)", Mode::Exec, "SyntaxError|keyword argument repeated: a|1|8"),
            ("f(**a, b)", Mode::Exec, "SyntaxError|positional argument follows keyword argument unpacking|1|9"),
            ("f(x for x in y, 1)", Mode::Exec, "SyntaxError|Generator expression must be parenthesized|1|3"),
            ("f(1, x for x in y)", Mode::Exec, "SyntaxError|Generator expression must be parenthesized|1|6"),
            ("def f(a=1, b): pass", Mode::Exec, "SyntaxError|non-default argument follows default argument|1|12"),
            ("def f(a, a): pass", Mode::Exec, "SyntaxError|duplicate argument 'a' in function definition|1|10"),
            ("def f(*, **k): pass", Mode::Exec, "SyntaxError|named arguments must follow bare *|1|7"),
            ("def f(*): pass", Mode::Exec, "SyntaxError|named arguments must follow bare *|1|7"),
            ("def f(a, /, b, /): pass", Mode::Exec, "SyntaxError|/ may appear only once|1|16"),
            ("def f(**k, a): pass", Mode::Exec, "SyntaxError|arguments cannot follow var-keyword argument|1|12"),
            ("lambda a=1, b: 0", Mode::Exec, "SyntaxError|non-default argument follows default argument|1|13"),
            ("break", Mode::Exec, "SyntaxError|'break' outside loop|1|1"),
            ("continue", Mode::Exec, "SyntaxError|'continue' not properly in loop|1|1"),
            ("return", Mode::Exec, "SyntaxError|'return' outside function|1|1"),
            ("while 1:\n  def f(): break", Mode::Exec, "SyntaxError|'break' outside loop|2|12"),
            ("class A: return", Mode::Exec, "SyntaxError|'return' outside function|1|10"),
            ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", Mode::Exec, "SyntaxError|default 'except:' must be last|3|1"),
            ("try:\n  pass", Mode::Exec, "SyntaxError|expected 'except' or 'finally' block|2|7"),
            ("try:\n  pass\nelse:\n  pass", Mode::Exec, "SyntaxError|expected 'except' or 'finally' block|3|1"),
            ("x := 1", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
            ("a = x := 1", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("{x := 1: 2}", Mode::Exec, "SyntaxError|invalid syntax|1|8"),
            ("print \"hi\"", Mode::Exec, "SyntaxError|Missing parentheses in call to 'print'. Did you mean print(...)?|1|1"),
            ("print x", Mode::Exec, "SyntaxError|Missing parentheses in call to 'print'. Did you mean print(...)?|1|1"),
            ("exec \"x\"", Mode::Exec, "SyntaxError|Missing parentheses in call to 'exec'. Did you mean exec(...)?|1|1"),
            ("match x:\n    pass", Mode::Exec, "SyntaxError|invalid syntax|2|5"),
            ("match x:\ncase 1: pass", Mode::Exec, "IndentationError|expected an indented block after 'match' statement on line 1|2|1"),
            ("match x\n  case 1: pass", Mode::Exec, "SyntaxError|expected ':'|1|8"),
            ("match x:\n  case _: pass\n  case 2: pass", Mode::Exec, "SyntaxError|wildcard makes remaining patterns unreachable|2|8"),
            ("match x:\n  case a: pass\n  case 2: pass", Mode::Exec, "SyntaxError|name capture 'a' makes remaining patterns unreachable|2|8"),
            ("match x:\n  case a | b: pass", Mode::Exec, "SyntaxError|name capture 'a' makes remaining patterns unreachable|2|8"),
            ("match x:\n  case [a, *b, *c]: pass", Mode::Exec, "SyntaxError|multiple starred names in sequence pattern|2|8"),
            ("match x:\n  case {**r, 1: a}: pass", Mode::Exec, "SyntaxError|invalid syntax|2|14"),
            ("match x:\n  case C(a=1, b): pass", Mode::Exec, "SyntaxError|positional patterns follow keyword patterns|2|15"),
            ("match x:\n  case C(a, a=1, a=2): pass", Mode::Exec, "SyntaxError|attribute name repeated in class pattern: a|2|20"),
            ("match x:\n  case 1+2: pass", Mode::Exec, "SyntaxError|imaginary number required in complex literal|2|10"),
            ("match x:\n  case a as _: pass", Mode::Exec, "SyntaxError|cannot use '_' as a target|2|13"),
            ("match x:\n  case f\"x\": pass", Mode::Exec, "SyntaxError|patterns may only match literals and attribute lookups|2|8"),
            ("match x:\n  case [a, a]: pass", Mode::Exec, "SyntaxError|multiple assignments to name 'a' in pattern|2|12"),
            ("match x:\n  case *a: pass", Mode::Exec, "SyntaxError|invalid syntax|2|10"),
            ("match x:\n  case 1 | a: pass", Mode::Exec, "SyntaxError|alternative patterns bind different names|2|12"),
            ("match x:\n  case 1:\n    pass\n  x = 1", Mode::Exec, "SyntaxError|invalid syntax|4|3"),
            ("with a as f(): pass", Mode::Exec, "SyntaxError|cannot assign to function call|1|11"),
            ("with a as 1: pass", Mode::Exec, "SyntaxError|cannot assign to literal|1|11"),
            ("for f() in y: pass", Mode::Exec, "SyntaxError|cannot assign to function call|1|5"),
            ("f(yield)", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
            ("if x = 1:\n  pass", Mode::Exec, "SyntaxError|invalid syntax. Maybe you meant '==' or ':=' instead of '='?|1|4"),
            ("[x = 1]", Mode::Exec, "SyntaxError|invalid syntax. Maybe you meant '==' or ':=' instead of '='?|1|2"),
            ("[x.y = 1]", Mode::Exec, "SyntaxError|cannot assign to attribute here. Maybe you meant '==' instead of '='?|1|2"),
            ("f(x for x in y,)", Mode::Exec, "SyntaxError|Generator expression must be parenthesized|1|3"),
            ("class A(x for x in y): pass", Mode::Exec, "SyntaxError|invalid syntax|1|11"),
            ("x = 1 if 2 else 3 if 4", Mode::Exec, "SyntaxError|expected 'else' after 'if' expression|1|17"),
            ("x = 1 if 2", Mode::Exec, "SyntaxError|expected 'else' after 'if' expression|1|5"),
            ("[1 2]", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|2"),
            ("f(a b)", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|3"),
            ("a[1 2]", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|3"),
            ("{1 2}", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|2"),
            ("(a b)", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|2"),
            ("[a not b]", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|2"),
            ("except", Mode::Exec, "SyntaxError|invalid syntax|1|1"),
            ("else: pass", Mode::Exec, "SyntaxError|invalid syntax|1|1"),
            ("with a as b c: pass", Mode::Exec, "SyntaxError|invalid syntax|1|13"),
            ("import a.", Mode::Exec, "SyntaxError|invalid syntax|1|10"),
            ("from x import a as b.c", Mode::Exec, "SyntaxError|invalid syntax|1|21"),
            ("del x if y else z", Mode::Exec, "SyntaxError|cannot delete conditional expression|1|5"),
            ("for x in y if z: pass", Mode::Exec, "SyntaxError|invalid syntax|1|16"),
            ("x = *a", Mode::Exec, "SyntaxError|can't use starred expression here|1|5"),
            ("*a", Mode::Exec, "SyntaxError|can't use starred expression here|1|1"),
            ("a[]", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
            ("lambda *: 0", Mode::Exec, "SyntaxError|named arguments must follow bare *|1|9"),
            ("def f(a=1, /, b): pass", Mode::Exec, "SyntaxError|non-default argument follows default argument|1|15"),
            ("def f(/, a): pass", Mode::Exec, "SyntaxError|at least one argument must precede /|1|7"),
            ("def f(*a, /): pass", Mode::Exec, "SyntaxError|/ must be ahead of *|1|11"),
            ("def f(*a, *b): pass", Mode::Exec, "SyntaxError|* argument may appear only once|1|11"),
            ("def f(**a, **b): pass", Mode::Exec, "SyntaxError|arguments cannot follow var-keyword argument|1|12"),
            ("f(**a, *b, c=1)", Mode::Exec, "SyntaxError|iterable argument unpacking follows keyword argument unpacking|1|8"),
            ("case x:\n  pass", Mode::Exec, "SyntaxError|invalid syntax|1|6"),
            ("match x:\n  case {**_}: pass", Mode::Exec, "SyntaxError|invalid syntax|2|11"),
            ("match x:\n  case x as 1: pass", Mode::Exec, "SyntaxError|invalid pattern target|2|13"),
            ("match x:\n  case (*a): pass", Mode::Exec, "SyntaxError|invalid syntax|2|11"),
            ("match x:\n  case 1j+2: pass", Mode::Exec, "SyntaxError|real number required in complex literal|2|8"),
            ("match x:\n  case _.a: pass", Mode::Exec, "SyntaxError|invalid syntax|2|9"),
            ("None = 1", Mode::Exec, "SyntaxError|cannot assign to None|1|1"),
            ("x, None = 1", Mode::Exec, "SyntaxError|cannot assign to None|1|4"),
            ("__debug__ = 1", Mode::Exec, "SyntaxError|cannot assign to __debug__|1|1"),
            ("f(True=1)", Mode::Exec, "SyntaxError|cannot assign to True|1|3"),
            ("f(a.b=1)", Mode::Exec, "SyntaxError|expression cannot contain assignment, perhaps you meant \"==\"?|1|3"),
            ("(*a) = 1", Mode::Exec, "SyntaxError|cannot use starred expression here|1|2"),
            ("(*a)", Mode::Exec, "SyntaxError|cannot use starred expression here|1|2"),
            ("a = (*b)", Mode::Exec, "SyntaxError|cannot use starred expression here|1|6"),
            ("{} = 1", Mode::Exec, "SyntaxError|cannot assign to dict literal here. Maybe you meant '==' instead of '='?|1|1"),
            ("x + 1 += 1", Mode::Exec, "SyntaxError|'expression' is an illegal expression for augmented assignment|1|1"),
            ("-x = 1", Mode::Exec, "SyntaxError|cannot assign to expression here. Maybe you meant '==' instead of '='?|1|1"),
            ("not x = 1", Mode::Exec, "SyntaxError|cannot assign to expression|1|1"),
            ("a < b = 1", Mode::Exec, "SyntaxError|cannot assign to comparison|1|1"),
            ("a if b else c = 1", Mode::Exec, "SyntaxError|cannot assign to conditional expression|1|1"),
            ("lambda: 1 = 1", Mode::Exec, "SyntaxError|cannot assign to lambda|1|1"),
            ("[x for x in y] = 1", Mode::Exec, "SyntaxError|cannot assign to list comprehension here. Maybe you meant '==' instead of '='?|1|1"),
            ("(x for x in y) = 1", Mode::Exec, "SyntaxError|cannot assign to generator expression|1|1"),
            ("'a' = 1", Mode::Exec, "SyntaxError|cannot assign to literal here. Maybe you meant '==' instead of '='?|1|1"),
            ("f'a' = 1", Mode::Exec, "SyntaxError|cannot assign to f-string expression here. Maybe you meant '==' instead of '='?|1|1"),
            ("... = 1", Mode::Exec, "SyntaxError|cannot assign to ellipsis here. Maybe you meant '==' instead of '='?|1|1"),
            ("a = 1 = b", Mode::Exec, "SyntaxError|cannot assign to literal|1|5"),
            ("a, b = 1 = c", Mode::Exec, "SyntaxError|cannot assign to literal|1|8"),
            ("1_", Mode::Exec, "SyntaxError|invalid decimal literal|1|2"),
            ("1__0", Mode::Exec, "SyntaxError|invalid decimal literal|1|2"),
            ("1_.5", Mode::Exec, "SyntaxError|invalid decimal literal|1|2"),
            ("1._5", Mode::Exec, "SyntaxError|invalid decimal literal|1|2"),
            ("1e", Mode::Exec, "SyntaxError|invalid decimal literal|1|1"),
            ("1e+", Mode::Exec, "SyntaxError|invalid decimal literal|1|3"),
            ("1e_5", Mode::Exec, "SyntaxError|invalid decimal literal|1|1"),
            ("0x", Mode::Exec, "SyntaxError|invalid hexadecimal literal|1|2"),
            ("0x_", Mode::Exec, "SyntaxError|invalid hexadecimal literal|1|3"),
            ("0b2", Mode::Exec, "SyntaxError|invalid digit '2' in binary literal|1|3"),
            ("0o8", Mode::Exec, "SyntaxError|invalid digit '8' in octal literal|1|3"),
            ("0o18", Mode::Exec, "SyntaxError|invalid digit '8' in octal literal|1|4"),
            ("09", Mode::Exec, "SyntaxError|leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers|1|1"),
            ("0_7", Mode::Exec, "SyntaxError|leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers|1|1"),
            ("1abc", Mode::Exec, "SyntaxError|invalid decimal literal|1|1"),
            ("1jx", Mode::Exec, "SyntaxError|invalid imaginary literal|1|2"),
            ("0xg", Mode::Exec, "SyntaxError|invalid hexadecimal literal|1|2"),
            ("0o", Mode::Exec, "SyntaxError|invalid octal literal|1|2"),
            ("1.__class__", Mode::Exec, "SyntaxError|invalid decimal literal|1|2"),
            ("1.5_", Mode::Exec, "SyntaxError|invalid decimal literal|1|4"),
            ("0b1_", Mode::Exec, "SyntaxError|invalid binary literal|1|4"),
            ("0x1__2", Mode::Exec, "SyntaxError|invalid hexadecimal literal|1|4"),
            ("0b", Mode::Exec, "SyntaxError|invalid binary literal|1|2"),
            ("$", Mode::Exec, "SyntaxError|invalid syntax|1|1"),
            ("a ? b", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
            ("a ! b", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
            ("`a`", Mode::Exec, "SyntaxError|invalid syntax|1|1"),
            ("a \u{20ac} b", Mode::Exec, "SyntaxError|invalid character '\u{20ac}' (U+20AC)|1|3"),
            ("a \u{200b} b", Mode::Exec, "SyntaxError|invalid non-printable character U+200B|1|3"),
            ("x = 1e400", Mode::Exec, "OK"),
            ("'\\x4'", Mode::Exec, "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape|1|6"),
            ("'\\U00110000'", Mode::Exec, "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character|1|13"),
            ("'\\N{foo}'", Mode::Exec, "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name|1|10"),
            ("'\\N'", Mode::Exec, "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape|1|5"),
            ("'\\N{'", Mode::Exec, "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape|1|6"),
            ("'\\u12'", Mode::Exec, "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape|1|7"),
            ("b'\u{e9}'", Mode::Exec, "SyntaxError|bytes can only contain ASCII literal characters|1|1"),
            ("x = 1", Mode::Eval, "SyntaxError|invalid syntax|1|3"),
            ("1;", Mode::Eval, "SyntaxError|invalid syntax|1|2"),
            ("a\nb", Mode::Single, "SyntaxError|multiple statements found while compiling a single statement|1|2"),
            ("if x:\n  y\nz", Mode::Single, "SyntaxError|invalid syntax|3|1"),
            ("if x:\n  a\n    b", Mode::Exec, "IndentationError|unexpected indent|3|4"),
            ("@d\n  def f(): pass", Mode::Exec, "IndentationError|unexpected indent|2|2"),
            ("def f(x):\n    return x\n  y = 1", Mode::Exec, "IndentationError|unindent does not match any outer indentation level|3|8"),
            ("x = [1, 2\ny = 3", Mode::Exec, "SyntaxError|'[' was never closed|1|5"),
            ("x = (1 +)\ny = [", Mode::Exec, "SyntaxError|invalid syntax|1|9"),
            ("def f(:\n  x = (", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("(a for a in b for)", Mode::Exec, "SyntaxError|invalid syntax|1|18"),
            ("[*a for a in b]", Mode::Exec, "SyntaxError|iterable unpacking cannot be used in comprehension|1|2"),
            ("{**a for a in b}", Mode::Exec, "SyntaxError|dict unpacking cannot be used in dict comprehension|1|2"),
            ("{1: 2, 3}", Mode::Exec, "SyntaxError|':' expected after dictionary key|1|8"),
            ("{1, 2: 3}", Mode::Exec, "SyntaxError|invalid syntax|1|6"),
            ("x = {'a' 1}", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|6"),
            ("a.1", Mode::Exec, "SyntaxError|invalid syntax|1|2"),
            ("a.if", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
            ("import 1", Mode::Exec, "SyntaxError|invalid syntax|1|8"),
            ("from .. import", Mode::Exec, "SyntaxError|invalid syntax|1|15"),
            ("global 1", Mode::Exec, "SyntaxError|invalid syntax|1|8"),
            ("nonlocal", Mode::Exec, "SyntaxError|invalid syntax|1|9"),
            ("assert", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("raise from x", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("def f() -> : pass", Mode::Exec, "SyntaxError|expected ':'|1|9"),
            ("class A(: pass", Mode::Exec, "SyntaxError|invalid syntax|1|9"),
            ("lambda x: yield", Mode::Exec, "SyntaxError|invalid syntax|1|11"),
            ("x = yield = 1", Mode::Exec, "SyntaxError|assignment to yield expression not possible|1|5"),
            ("with (a, b) as c: pass", Mode::Exec, "OK"),
            ("with (a as b, c as d): pass", Mode::Exec, "OK"),
            ("with (a as b, c as d) as e: pass", Mode::Exec, "SyntaxError|invalid syntax|1|23"),
            ("for x in range(3):\n    pass\nelse:\n    break", Mode::Exec, "SyntaxError|'break' outside loop|4|5"),
            ("def f():\n    for x in y:\n        pass\n    continue", Mode::Exec, "SyntaxError|'continue' not properly in loop|4|5"),
            ("if True:\n    def f():\n        class C:\n            return 1", Mode::Exec, "SyntaxError|'return' outside function|4|13"),
            ("try:\n    pass\nfinally:\n    continue", Mode::Exec, "SyntaxError|'continue' not properly in loop|4|5"),
            ("x = [\n    1,\n    2", Mode::Exec, "SyntaxError|'[' was never closed|1|5"),
            ("def f(\n    a,\n    b", Mode::Exec, "SyntaxError|'(' was never closed|1|6"),
            ("print(f\"{x!r:{y}\")", Mode::Exec, "SyntaxError|f-string: expecting '}'|1|18"),
            ("\"a\" \"b\" b\"c\"", Mode::Exec, "SyntaxError|cannot mix bytes and nonbytes literals|1|13"),
            ("x = 0777", Mode::Exec, "SyntaxError|leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers|1|5"),
            ("x = 1if 1 else 2", Mode::Exec, "OK"),
            ("x = 0xfor", Mode::Exec, "SyntaxError|invalid syntax|1|10"),
            ("x = [0x1for x in y]", Mode::Exec, "OK"),
            ("x = 1_000_000_000_000_000_000_000", Mode::Exec, "OK"),
            ("def f(x, *args, y, **kw): pass", Mode::Exec, "OK"),
            ("def f(x, *, y=1, **kw): return lambda: (yield)", Mode::Exec, "OK"),
            ("a if b", Mode::Exec, "SyntaxError|expected 'else' after 'if' expression|1|1"),
            ("a if b else", Mode::Exec, "SyntaxError|invalid syntax|1|12"),
            ("lambda x: (yield x)", Mode::Exec, "OK"),
            ("f(**k, *a)", Mode::Exec, "SyntaxError|iterable argument unpacking follows keyword argument unpacking|1|8"),
            ("f(*a, **k, b=1)", Mode::Exec, "OK"),
            ("f(a=1, *b)", Mode::Exec, "OK"),
            ("def f(*, a=1): pass", Mode::Exec, "OK"),
            ("def f(a, *, b): pass", Mode::Exec, "OK"),
            ("del f()", Mode::Exec, "SyntaxError|cannot delete function call|1|5"),
            ("del a + b", Mode::Exec, "SyntaxError|cannot delete expression|1|5"),
            ("del (a + b)", Mode::Exec, "SyntaxError|cannot delete expression|1|6"),
            ("del [a, 1]", Mode::Exec, "SyntaxError|cannot delete literal|1|9"),
            ("for (a, b()) in c: pass", Mode::Exec, "SyntaxError|cannot assign to function call|1|9"),
            ("[x for 1 in y]", Mode::Exec, "SyntaxError|cannot assign to literal|1|8"),
            ("[x for x in y for 1 in z]", Mode::Exec, "SyntaxError|cannot assign to literal|1|19"),
            ("with a as (b, 1): pass", Mode::Exec, "SyntaxError|cannot assign to literal|1|15"),
            ("a, *b, c = d", Mode::Exec, "OK"),
            ("[a, *b, *c] = d", Mode::Exec, "SyntaxError|multiple starred expressions in assignment|1|1"),
            ("(a, *b, *c) = d", Mode::Exec, "SyntaxError|multiple starred expressions in assignment|1|1"),
            ("*a, = b", Mode::Exec, "OK"),
            ("x: int = 1, 2", Mode::Exec, "OK"),
            ("x = 1; y = 2;", Mode::Exec, "OK"),
            ("x = 1;; y = 2", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            (";", Mode::Exec, "SyntaxError|invalid syntax|1|1"),
            ("if x: pass; pass", Mode::Exec, "OK"),
            ("if x: if y: pass", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("class A: def f(): pass\n", Mode::Exec, "SyntaxError|invalid syntax|1|10"),
        ];
        for (src, mode, exp) in cases {
            let got = match parse(src, *mode) {
                Ok(_) => "OK".to_string(),
                Err(e) => format!("{}|{}|{}|{}", e.kind.name(), e.msg, e.line, e.col),
            };
            assert_eq!(&got, exp, "source: {:?}", src);
        }
    }

    #[test]
    fn cpython_error_precedence() {
        // Which error CPython reports when several are present, and where
        // (found by differential fuzzing against CPython 3.11).
        let cases: &[(&str, Mode, &str)] = &[
            ("  x = 1\ny = 'unterminated", Mode::Exec, "IndentationError|unexpected indent|1|2"),
            ("x = = 1\ny = 'unterminated", Mode::Exec, "SyntaxError|unterminated string literal (detected at line 2)|2|5"),
            ("x = = 1\nif y:\n    a\n  b", Mode::Exec, "SyntaxError|invalid syntax|1|5"),
            ("x = = 1\ny = 1 \\ 2", Mode::Exec, "SyntaxError|invalid syntax|1|5"),
            ("x = = 1\ny = 0777", Mode::Exec, "SyntaxError|leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers|2|5"),
            ("x = = 1\ny = (]", Mode::Exec, "SyntaxError|closing parenthesis ']' does not match opening parenthesis '('|2|6"),
            ("if x:\n    a\n  b = 1\nx = = 1", Mode::Exec, "IndentationError|unindent does not match any outer indentation level|3|8"),
            ("class A:\n    @dec\nx = 1", Mode::Exec, "IndentationError|unexpected unindent|3|0"),
            ("class A:\n    @classmethod", Mode::Exec, "IndentationError|unexpected unindent|2|17"),
            ("if x  # comment\n    pass", Mode::Exec, "SyntaxError|expected ':'|1|7"),
            ("def f():  # comment", Mode::Exec, "IndentationError|expected an indented block after function definition on line 1|1|20"),
            ("if x:\n  # c", Mode::Exec, "IndentationError|expected an indented block after 'if' statement on line 1|2|6"),
            ("if x:\n\n", Mode::Exec, "IndentationError|expected an indented block after 'if' statement on line 1|2|1"),
            ("\"\"\"abc\n\ndef", Mode::Exec, "SyntaxError|unterminated triple-quoted string literal (detected at line 3)|1|1"),
            ("\"\"\"abc\n\ndef\n", Mode::Exec, "SyntaxError|unterminated triple-quoted string literal (detected at line 3)|1|1"),
            ("x = 1\n \\\nx", Mode::Exec, "IndentationError|unexpected indent|3|0"),
            ("if x:\n  a\n \\  b", Mode::Exec, "SyntaxError|unexpected character after line continuation character|3|3"),
            ("if x:\n    pass\n  \\\n    y", Mode::Exec, "IndentationError|unindent does not match any outer indentation level|4|6"),
            ("for x in y z: pass", Mode::Exec, "SyntaxError|invalid syntax|1|12"),
            ("for x in y\n    pass", Mode::Exec, "SyntaxError|expected ':'|1|11"),
            ("for models in model_d;ta.values(): pass", Mode::Exec, "SyntaxError|invalid syntax|1|22"),
            ("def f() ->assert x: pass", Mode::Exec, "SyntaxError|expected ':'|1|9"),
            ("def f() -> None+: pass", Mode::Exec, "SyntaxError|expected ':'|1|16"),
            ("def f(a, b: int c): pass", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|13"),
            ("def f(size: int =x 13): pass", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|18"),
            ("def f(a=1, v:=x=None): pass", Mode::Exec, "SyntaxError|invalid syntax|1|13"),
            ("f(a's' b)", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|4"),
            ("f(a 's')", Mode::Exec, "SyntaxError|invalid syntax|1|5"),
            ("class A(B's'c): pass", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|9"),
            ("x = [(1, 2 3)]", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|10"),
            ("all(f(c) for cx in y[1:])", Mode::Exec, "OK"),
            ("(d for n, d in G    degree())", Mode::Exec, "SyntaxError|invalid syntax|1|21"),
            ("x = Union[A[], T]", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|11"),
            ("x = a[]", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("{\"a\": 1, \"b\" 2}", Mode::Exec, "SyntaxError|':' expected after dictionary key|1|12"),
            ("{\"a\": b c}", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|7"),
            ("{'a': 1, 'b'}", Mode::Exec, "SyntaxError|':' expected after dictionary key|1|12"),
            ("match a = 1", Mode::Exec, "SyntaxError|invalid syntax. Maybe you meant '==' or ':=' instead of '='?|1|7"),
            ("match(a) = 1", Mode::Exec, "SyntaxError|cannot assign to name here. Maybe you meant '==' instead of '='?|1|7"),
            ("match -a = 1", Mode::Exec, "SyntaxError|cannot assign to expression here. Maybe you meant '==' instead of '='?|1|7"),
            ("match a.b = 1", Mode::Exec, "SyntaxError|cannot assign to attribute here. Maybe you meant '==' instead of '='?|1|7"),
            ("if __name__ =continue= '__main__': pass", Mode::Exec, "SyntaxError|invalid syntax|1|13"),
            ("x = [1, 14=, 2]", Mode::Exec, "SyntaxError|invalid syntax|1|11"),
            ("f(a:=b=1)", Mode::Exec, "SyntaxError|invalid syntax|1|7"),
            ("f(**a, c, *d)", Mode::Exec, "SyntaxError|positional argument follows keyword argument unpacking|1|13"),
            ("f(x=1, *)", Mode::Exec, "SyntaxError|iterable argument unpacking follows keyword argument unpacking|1|8"),
            ("x = (1,\n  # c", Mode::Exec, "SyntaxError|'(' was never closed|1|5"),
            ("self.assertEqual(format(lz), u){", Mode::Exec, "SyntaxError|'{' was never closed|1|32"),
            ("from netwo(rkx import networkx", Mode::Exec, "SyntaxError|invalid syntax|1|11"),
            ("x = inspect.[a", Mode::Exec, "SyntaxError|invalid syntax|1|13"),
            ("cla(s TestFuture(unittest.TestCase):\n    pass", Mode::Exec, "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|5"),
            ("whil| True:\n    x", Mode::Exec, "SyntaxError|invalid syntax|1|11"),
            ("f(): return", Mode::Exec, "SyntaxError|invalid syntax|1|4"),
            ("a.b: return", Mode::Exec, "SyntaxError|invalid syntax|1|6"),
            ("x:", Mode::Exec, "SyntaxError|invalid syntax|1|3"),
        ];
        for (src, mode, exp) in cases {
            let got = match parse(src, *mode) {
                Ok(_) => "OK".to_string(),
                Err(e) => format!("{}|{}|{}|{}", e.kind.name(), e.msg, e.line, e.col),
            };
            assert_eq!(&got, exp, "source: {:?}", src);
        }
    }
}
