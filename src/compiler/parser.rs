//! Recursive-descent parser: tokens to the AST in `ast`, following CPython 3.11's
//! grammar (minus async/await) and its error messages where a well-known one
//! exists.
//!
//! Nesting is bounded so that neither this parser nor the code that walks the
//! AST recursively can overflow a 2 MiB stack:
//! * the lexer rejects more than 200 open brackets ("too many nested
//!   parentheses") and more than 99 indentation levels;
//! * Rust recursion here (brackets, lambdas, blocks, patterns, f-string
//!   fields) is counted and limited to [`MAX_RECURSION`] ("too deeply nested");
//! * chains that are parsed iteratively but build nested nodes (binary
//!   operators, unary operators, `**`, `not`, conditional expressions, and
//!   attribute/call/subscript trailers) are measured exactly and an
//!   expression deeper than [`MAX_EXPR_DEPTH`] is rejected ("expression too
//!   complex");
//! * `elif` chains nest `If` statements; statement nesting is limited to
//!   [`MAX_STMT_DEPTH`].
//!
//! Errors that CPython reports from its compiler rather than its parser
//! ('break' outside loop, keyword argument repeated, duplicate argument, ...)
//! are deferred: a real syntax error anywhere in the source wins over them,
//! as in CPython.

use super::ast::*;
use super::error::{CompileError, CompileErrorKind};
use super::lexer::{self, Kw, Op, StrInfo, Tok, Token};
use super::Mode;

/// Limit of counted Rust recursion (brackets, lambdas, blocks, patterns).
pub const MAX_RECURSION: u32 = 400;
/// Limit of the depth of an expression tree built by iterative chains.
pub const MAX_EXPR_DEPTH: usize = 1000;
/// Limit of statement nesting (blocks plus `elif` chains).
pub const MAX_STMT_DEPTH: u32 = 1000;

type PResult<T> = Result<T, CompileError>;

/// Parse `source` as a module (`Exec`), a single expression (`Eval`: the body
/// is one `StmtKind::Expr`) or one interactive input (`Single`).
pub fn parse(source: &str, mode: Mode) -> Result<Module, CompileError> {
    let lexed = lexer::tokenize(source)?;
    let mut p = Parser::new(source, lexed.tokens);
    let res = match mode {
        Mode::Exec => p.parse_file(),
        Mode::Eval => p.parse_eval(),
        Mode::Single => p.parse_single(),
    };
    match res {
        Ok(body) => match p.deferred.take() {
            Some(e) => Err(e),
            None => Ok(Module { body }),
        },
        Err(e) => {
            if let Some((c, line, col)) = lexed.unclosed {
                // CPython reports the unclosed bracket when the parser failed at
                // the end of the input or on a later line (and, because its
                // parser reads ahead there, for the "forgot a comma" hint).
                let end = p.toks.last().unwrap();
                let at_eof = e.line == end.line && e.col == end.col + 1;
                let after = e.line > line || (e.line == line && e.col > col);
                if e.kind == CompileErrorKind::SyntaxError
                    && after
                    && (at_eof || e.line > line || e.msg.ends_with("Perhaps you forgot a comma?"))
                {
                    return Err(CompileError::syntax(format!("'{}' was never closed", c), line, col + 1, source));
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
    for arg in a.posonly.iter().chain(&a.args).chain(&a.kwonly).chain(&a.vararg).chain(&a.kwarg) {
        if let Some(ann) = &arg.annotation {
            f(ann);
        }
    }
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
        K::Starred(x) | K::Attribute(x, _) | K::UnaryOp(_, x) | K::NamedExpr(_, x) | K::YieldFrom(x) => f(x),
        K::Subscript(a, b) | K::BinOp(a, _, b) => {
            f(a);
            f(b);
        }
        K::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                f(x);
            }
        }
        K::Call { func, args, keywords } => {
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
    deferred: Option<CompileError>,
    /// Set when a `match <subject>` line without ':' was seen, so that a
    /// failing statement reports "expected ':'" as CPython does.
    match_missing_colon: Option<Pos>,
    /// End position of the f-string token being parsed (CPython reports
    /// f-string scanning errors there).
    fstring_end: Pos,
}

/// Arguments collected so far in a call.
struct ArgState {
    args: Vec<Expr>,
    keywords: Vec<Keyword>,
    seen_kw: bool,
    seen_dstar: bool,
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
        Pos { line: t.line, col: t.col }
    }

    fn cur_pos(&self) -> Pos {
        self.pos_of(self.pos)
    }

    // ----- errors -------------------------------------------------------

    #[cold]
    #[inline(never)]
    fn err_at(&self, pos: Pos, msg: impl Into<String>) -> CompileError {
        let mut msg = msg.into();
        if self.fstring > 0 && !msg.starts_with("f-string") {
            msg = format!("f-string: {}", msg);
        }
        CompileError::syntax(msg, pos.line, pos.col + 1, self.src)
    }

    #[cold]
    #[inline(never)]
    fn err_here(&self, msg: impl Into<String>) -> CompileError {
        self.err_at(self.cur_pos(), msg)
    }

    #[cold]
    #[inline(never)]
    fn indent_error(&self, msg: impl Into<String>, line: u32, col1: u32) -> CompileError {
        CompileError::new(CompileErrorKind::IndentationError, msg, line, col1, self.src)
    }

    /// The error for an unexpected current token.
    #[cold]
    #[inline(never)]
    fn unexpected(&self) -> CompileError {
        let t = self.tok();
        match &t.tok {
            Tok::Indent => self.indent_error("unexpected indent", t.line, t.col),
            Tok::Kw(Kw::Async) | Tok::Kw(Kw::Await) => self.err_here("async/await is not supported"),
            _ => self.err_here("invalid syntax"),
        }
    }

    fn defer(&mut self, e: CompileError) {
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
    fn too_complex(&self, pos: Pos) -> CompileError {
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

    /// Like `try_parse`, keeping the error.
    fn try_parse_err<T>(&mut self, err: &mut Option<CompileError>, f: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
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
            Tok::Name | Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(k, Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda | Kw::Await),
            Tok::Op(o) => matches!(
                o,
                Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis | Op::Star
            ),
            _ => false,
        }
    }

    /// The error when a separator or closing bracket was expected after an
    /// element that started at token `elem`: CPython's "Perhaps you forgot a
    /// comma?" when another expression follows directly.
    #[cold]
    #[inline(never)]
    fn sep_error(&self, elem: usize) -> CompileError {
        let next_starts_expr = match self.peek() {
            Tok::Name | Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(k, Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda),
            Tok::Op(o) => matches!(o, Op::LBrace | Op::Tilde | Op::Ellipsis),
            _ => false,
        };
        if next_starts_expr && elem < self.pos {
            let first = &self.toks[elem];
            let soft = matches!(first.tok, Tok::Name)
                && matches!(self.text(elem), "match" | "case" | "_");
            let name_str = matches!(first.tok, Tok::Name) && matches!(self.toks[elem + 1].tok, Tok::Str(_));
            if !soft && !name_str {
                return self.err_at(self.pos_of(elem), "invalid syntax. Perhaps you forgot a comma?");
            }
        }
        self.unexpected()
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
        Ok(vec![Stmt { kind: StmtKind::Expr(e), pos }])
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
                return Err(self.err_at(p, "multiple statements found while compiling a single statement"));
            }
            return Err(self.unexpected());
        }
        Ok(body)
    }

    // ----- statements ---------------------------------------------------

    fn parse_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.peek() {
            Tok::Kw(Kw::If) => {
                let s = self.parse_if()?;
                out.push(s);
            }
            Tok::Kw(Kw::While) => {
                let s = self.parse_while()?;
                out.push(s);
            }
            Tok::Kw(Kw::For) => {
                let s = self.parse_for()?;
                out.push(s);
            }
            Tok::Kw(Kw::Try) => {
                let s = self.parse_try()?;
                out.push(s);
            }
            Tok::Kw(Kw::With) => {
                let s = self.parse_with()?;
                out.push(s);
            }
            Tok::Kw(Kw::Def) => {
                let s = self.parse_funcdef(Vec::new())?;
                out.push(s);
            }
            Tok::Kw(Kw::Class) => {
                let s = self.parse_classdef(Vec::new())?;
                out.push(s);
            }
            Tok::Op(Op::At) => {
                let s = self.parse_decorated()?;
                out.push(s);
            }
            Tok::Kw(Kw::Async) => return Err(self.unexpected()),
            Tok::Indent => return Err(self.unexpected()),
            Tok::Name if self.text(self.pos) == "match" => {
                if let Some(s) = self.try_match_stmt()? {
                    out.push(s);
                } else {
                    let missing = self.match_missing_colon.take();
                    if let Err(e) = self.parse_simple_stmts(out) {
                        if let Some(p) = missing {
                            return Err(self.err_at(p, "expected ':'"));
                        }
                        return Err(e);
                    }
                }
            }
            _ => self.parse_simple_stmts(out)?,
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
            let t = self.tok();
            return Err(self.indent_error(
                format!("expected an indented block after {} on line {}", what, line),
                t.line,
                t.col + 1,
            ));
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
                    let cause = if self.eat_kw(Kw::From) { Some(self.parse_expression()?) } else { None };
                    StmtKind::Raise { exc: Some(exc), cause }
                } else {
                    StmtKind::Raise { exc: None, cause: None }
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
                let msg = if self.eat_op(Op::Comma) { Some(self.parse_expression()?) } else { None };
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
                Ok(Stmt { kind: StmtKind::Assign { targets: exprs, value }, pos: start })
            }
            Tok::Op(Op::Colon) => {
                match &first.kind {
                    ExprKind::Tuple(_) => {
                        return Err(self.err_at(first.pos, "only single target (not tuple) can be annotated"))
                    }
                    ExprKind::List(_) => {
                        return Err(self.err_at(first.pos, "only single target (not list) can be annotated"))
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
                let simple = matches!(first.kind, ExprKind::Name(_)) && !matches!(self.toks[start_idx].tok, Tok::Op(Op::LPar));
                self.bump();
                let annotation = self.parse_expression()?;
                let value = if self.eat_op(Op::Equal) {
                    let v = self.parse_rhs()?;
                    self.check_not_starred(&v);
                    Some(v)
                } else {
                    None
                };
                Ok(Stmt { kind: StmtKind::AnnAssign { target: first, annotation, value, simple }, pos: start })
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
                            format!("'{}' is an illegal expression for augmented assignment", expr_name(&first)),
                        ))
                    }
                }
                self.bump();
                let value = self.parse_rhs()?;
                self.check_not_starred(&value);
                Ok(Stmt { kind: StmtKind::AugAssign { target: first, op: augop_of(op).unwrap(), value }, pos: start })
            }
            _ => {
                if let ExprKind::Name(n) = &first.kind {
                    if (n == "print" || n == "exec") && self.can_start_expr() && !self.at_op(Op::Star) {
                        let is_op = matches!(self.peek(), Tok::Op(_));
                        if !is_op {
                            return Err(self.err_at(
                                first.pos,
                                format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", n, n),
                            ));
                        }
                    }
                }
                self.check_not_starred(&first);
                Ok(Stmt { kind: StmtKind::Expr(first), pos: start })
            }
        }
    }

    /// Validate one `=` assignment target.
    fn check_assign_target(&mut self, e: &Expr, single: bool) -> PResult<()> {
        use ExprKind as K;
        match &e.kind {
            K::Name(_) | K::Attribute(..) | K::Subscript(..) | K::Tuple(_) | K::List(_) | K::Starred(_) => {
                self.check_target(e, TargetCtx::Assign)
            }
            K::GeneratorExp(..) | K::True | K::False | K::None => {
                Err(self.err_at(e.pos, format!("cannot assign to {}", expr_name(e))))
            }
            K::Yield(_) | K::YieldFrom(_) => Err(self.err_at(e.pos, "assignment to yield expression not possible")),
            _ => {
                if single && is_bitor_level(e) {
                    Err(self.err_at(
                        e.pos,
                        format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)),
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
                    let msg = if ctx == TargetCtx::Del { "cannot delete __debug__" } else { "cannot assign to __debug__" };
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
                            let err = self.err_at(e.pos, "multiple starred expressions in assignment");
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
                let err = self.err_at(e.pos, "starred assignment target must be in a list or tuple");
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
            let asname = if self.eat_kw(Kw::As) { Some(self.expect_name()?.0) } else { None };
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
            names.push(Alias { name: "*".to_string(), asname: None, pos: p });
        } else if self.at_op(Op::LPar) {
            self.bump();
            self.enter()?;
            loop {
                if self.at_op(Op::RPar) && !names.is_empty() {
                    break;
                }
                let (name, pos) = self.expect_name()?;
                let asname = if self.eat_kw(Kw::As) { Some(self.expect_name()?.0) } else { None };
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
                let asname = if self.eat_kw(Kw::As) { Some(self.expect_name()?.0) } else { None };
                names.push(Alias { name, asname, pos });
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if !self.at_name() {
                    if matches!(self.peek(), Tok::Newline | Tok::Op(Op::Semi)) {
                        return Err(self.err_here("trailing comma not allowed without surrounding parentheses"));
                    }
                    return Err(self.unexpected());
                }
            }
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    /// A condition of `if` / `elif` / `while`.
    fn parse_condition(&mut self) -> PResult<Expr> {
        let e = self.parse_named_expression()?;
        self.check_stray_eq(&e)?;
        Ok(e)
    }

    fn parse_if(&mut self) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
        let test = self.parse_condition()?;
        self.expect_colon(false)?;
        let body = self.parse_block("'if' statement", line)?;
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
            acc = vec![Stmt { kind: StmtKind::If { test, body, orelse: acc }, pos }];
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

    fn parse_while(&mut self) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
        let test = self.parse_condition()?;
        self.expect_colon(false)?;
        let (body, orelse) = self.parse_loop_body("'while' statement", line)?;
        Ok(Stmt { kind: StmtKind::While { test, body, orelse }, pos })
    }

    fn parse_for(&mut self) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
        let target = self.parse_target_list()?;
        self.check_target(&target, TargetCtx::For)?;
        if !self.eat_kw(Kw::In) {
            return Err(self.unexpected());
        }
        let iter = self.parse_star_expressions()?;
        self.expect_colon(true)?;
        let (body, orelse) = self.parse_loop_body("'for' statement", line)?;
        Ok(Stmt { kind: StmtKind::For { target, iter, body, orelse }, pos })
    }

    fn parse_try(&mut self) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
        self.expect_colon(true)?;
        let body = self.parse_block("'try' statement", line)?;
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
                    return Err(self.err_at(t.pos, "multiple exception types must be parenthesized"));
                }
                let name = if self.eat_kw(Kw::As) { Some(self.expect_name()?.0) } else { None };
                (Some(t), name)
            };
            self.expect_colon(false)?;
            let hbody = self.parse_block("'except' statement", hline)?;
            handlers.push(ExceptHandler { typ, name, body: hbody, pos: hpos });
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
        Ok(Stmt { kind: StmtKind::Try { body, handlers, orelse, finalbody }, pos })
    }

    fn parse_with(&mut self) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
        let mut items = None;
        let mut spec_err: Option<CompileError> = None;
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
            Some(items) => items,
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
        if self.at_op(Op::Colon) {
            self.bump();
        }
        let body = self.parse_block("'with' statement", line)?;
        Ok(Stmt { kind: StmtKind::With { items, body }, pos })
    }

    fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context = self.parse_expression()?;
        let target = if self.eat_kw(Kw::As) {
            let t = self.parse_target_elem()?;
            if !matches!(self.peek(), Tok::Op(Op::Comma) | Tok::Op(Op::RPar) | Tok::Op(Op::Colon)) {
                return Err(self.unexpected());
            }
            self.check_target(&t, TargetCtx::With)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem { context, target })
    }

    fn parse_decorated(&mut self) -> PResult<Stmt> {
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
            Tok::Kw(Kw::Def) => self.parse_funcdef(decorators),
            Tok::Kw(Kw::Class) => self.parse_classdef(decorators),
            _ => Err(self.unexpected()),
        }
    }

    fn parse_funcdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
        let (name, _) = self.expect_name()?;
        if !self.at_op(Op::LPar) {
            return Err(self.err_here("expected '('"));
        }
        self.bump();
        self.enter()?;
        let args = self.parse_params(false)?;
        self.leave();
        let returns = if self.at_op(Op::RArrow) {
            if !self.peek_n(1).clone().eq(&Tok::Op(Op::Colon)) {
                self.bump();
                Some(self.parse_expression()?)
            } else {
                return Err(self.err_here("expected ':'"));
            }
        } else {
            None
        };
        self.expect_colon(true)?;
        let (f, l) = (self.in_func, self.in_loop);
        self.in_func = true;
        self.in_loop = false;
        let body = self.parse_block("function definition", line);
        self.in_func = f;
        self.in_loop = l;
        let body = body?;
        Ok(Stmt { kind: StmtKind::FunctionDef(Box::new(FunctionDef { name, args, body, decorators, returns })), pos })
    }

    fn parse_classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let i = self.bump();
        let (pos, line) = (self.pos_of(i), self.toks[i].line);
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
        let (f, l) = (self.in_func, self.in_loop);
        self.in_func = false;
        self.in_loop = false;
        let body = self.parse_block("class definition", line);
        self.in_func = f;
        self.in_loop = l;
        let body = body?;
        Ok(Stmt { kind: StmtKind::ClassDef(Box::new(ClassDef { name, bases, keywords, body, decorators })), pos })
    }

    /// Parameters of a `def` (after `(`, consuming `)`) or a `lambda`
    /// (consuming `:`).
    fn parse_params(&mut self, lambda: bool) -> PResult<Arguments> {
        let closer = if lambda { Op::Colon } else { Op::RPar };
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut bare_star: Option<Pos> = None;
        let mut seen_default = false;
        let mut names: Vec<String> = Vec::new();
        loop {
            if self.at_op(closer) {
                break;
            }
            if self.at_op(Op::Slash) {
                let p = self.cur_pos();
                if seen_slash {
                    return Err(self.err_at(p, "/ may appear only once"));
                }
                if seen_star {
                    return Err(self.err_at(p, "/ must be ahead of *"));
                }
                if a.args.is_empty() {
                    return Err(self.err_at(p, "at least one argument must precede /"));
                }
                self.bump();
                a.posonly = std::mem::take(&mut a.args);
                seen_slash = true;
            } else if self.at_op(Op::Star) {
                let p = self.cur_pos();
                if seen_star {
                    return Err(self.err_at(p, "* argument may appear only once"));
                }
                self.bump();
                seen_star = true;
                if self.at_name() {
                    let arg = self.parse_param(lambda, &mut names)?;
                    if self.at_op(Op::Equal) {
                        return Err(self.err_here("var-positional argument cannot have default value"));
                    }
                    a.vararg = Some(arg);
                } else {
                    // CPython points at `*` in a def, after it in a lambda.
                    bare_star = Some(if lambda {
                        match self.peek_n(1) {
                            Tok::Op(Op::DoubleStar) if self.at_op(Op::Comma) => self.pos_of(self.pos + 1),
                            _ => self.cur_pos(),
                        }
                    } else {
                        p
                    });
                }
            } else if self.at_op(Op::DoubleStar) {
                self.bump();
                let arg = self.parse_param(lambda, &mut names)?;
                if self.at_op(Op::Equal) {
                    return Err(self.err_here("var-keyword argument cannot have default value"));
                }
                a.kwarg = Some(arg);
                if self.eat_op(Op::Comma) && !self.at_op(closer) {
                    return Err(self.err_here("arguments cannot follow var-keyword argument"));
                }
                break;
            } else if self.at_name() {
                let arg_pos = self.cur_pos();
                let arg = self.parse_param(lambda, &mut names)?;
                let default = if self.eat_op(Op::Equal) { Some(self.parse_expression()?) } else { None };
                if seen_star {
                    a.kwonly.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            a.defaults.push(d);
                            seen_default = true;
                        }
                        None => {
                            if seen_default {
                                return Err(self.err_at(arg_pos, "non-default argument follows default argument"));
                            }
                        }
                    }
                    a.args.push(arg);
                }
            } else {
                return Err(self.unexpected());
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(p) = bare_star {
            if a.kwonly.is_empty() {
                return Err(self.err_at(p, "named arguments must follow bare *"));
            }
        }
        if !self.at_op(closer) {
            if lambda {
                return Err(self.unexpected());
            }
            return Err(self.unexpected());
        }
        self.bump();
        Ok(a)
    }

    fn parse_param(&mut self, lambda: bool, names: &mut Vec<String>) -> PResult<Arg> {
        let (name, pos) = self.expect_name()?;
        if names.contains(&name) {
            let e = self.err_at(pos, format!("duplicate argument '{}' in function definition", name));
            self.defer(e);
        } else {
            names.push(name.clone());
        }
        let annotation = if !lambda && self.eat_op(Op::Colon) { Some(self.parse_expression()?) } else { None };
        Ok(Arg { name, annotation, pos })
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
            if !p.at_op(Op::Colon) || !matches!(p.peek_n(1), Tok::Newline) {
                return Err(p.unexpected());
            }
            Ok(s)
        });
        let Some(subject) = subject else { return Ok(None) };
        self.match_missing_colon = None;
        let (pos, line) = (self.pos_of(start), self.toks[start].line);
        self.bump(); // ':'
        self.bump(); // NEWLINE
        if !matches!(self.peek(), Tok::Indent) {
            let t = self.tok();
            return Err(self.indent_error(
                format!("expected an indented block after 'match' statement on line {}", line),
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
        Ok(Some(Stmt { kind: StmtKind::Match { subject, cases }, pos }))
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
        let guard = if self.eat_kw(Kw::If) { Some(self.parse_named_expression()?) } else { None };
        self.expect_colon(false)?;
        let body = self.parse_block("'case' statement", line)?;
        Ok(MatchCase { pattern, guard, body })
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
        let stars = pats.iter().filter(|p| matches!(p.kind, PatternKind::Star(_))).count();
        if stars > 1 {
            let e = self.err_at(pos, "multiple starred names in sequence pattern");
            self.defer(e);
        }
        Ok(Pattern { kind: PatternKind::Sequence(pats), pos })
    }

    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            let p = self.cur_pos();
            self.bump();
            let (name, _) = self.expect_name()?;
            let name = if name == "_" { None } else { Some(name) };
            return Ok(Pattern { kind: PatternKind::Star(name), pos: p });
        }
        self.parse_pattern()
    }

    fn parse_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_pos();
        let first = self.parse_closed_pattern()?;
        let or = if self.at_op(Op::VBar) {
            let mut alts = vec![first];
            while self.eat_op(Op::VBar) {
                alts.push(self.parse_closed_pattern()?);
            }
            Pattern { kind: PatternKind::Or(alts), pos: start }
        } else {
            first
        };
        if self.eat_kw(Kw::As) {
            if !self.at_name() {
                return Err(self.err_here("invalid pattern target"));
            }
            let (name, npos) = self.expect_name()?;
            if name == "_" {
                return Err(self.err_at(npos, "cannot use '_' as a target"));
            }
            return Ok(Pattern { kind: PatternKind::As { pattern: Some(Box::new(or)), name: Some(name) }, pos: start });
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
            let op = if self.at_op(Op::Plus) { BinOp::Add } else { BinOp::Sub };
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
            e = mk(ExprKind::BinOp(Box::new(e), op, Box::new(mk(ExprKind::Imag(imag), ipos))), start);
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
        let start = self.cur_pos();
        match self.peek().clone() {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op(Op::Minus) => {
                let e = self.parse_number_pattern_expr()?;
                Ok(Pattern { kind: PatternKind::Value(e), pos: start })
            }
            Tok::Str(_) => {
                let e = self.parse_strings()?;
                if let ExprKind::JoinedStr(_) = e.kind {
                    return Err(self.err_at(start, "patterns may only match literals and attribute lookups"));
                }
                Ok(Pattern { kind: PatternKind::Value(e), pos: start })
            }
            Tok::Kw(Kw::None) => {
                self.bump();
                Ok(Pattern { kind: PatternKind::Singleton(Singleton::None), pos: start })
            }
            Tok::Kw(Kw::True) => {
                self.bump();
                Ok(Pattern { kind: PatternKind::Singleton(Singleton::True), pos: start })
            }
            Tok::Kw(Kw::False) => {
                self.bump();
                Ok(Pattern { kind: PatternKind::Singleton(Singleton::False), pos: start })
            }
            Tok::Name => {
                let name = self.text(self.pos);
                if name == "_" {
                    self.bump();
                    return Ok(Pattern { kind: PatternKind::As { pattern: None, name: None }, pos: start });
                }
                if matches!(self.peek_n(1), Tok::Op(Op::Dot)) || matches!(self.peek_n(1), Tok::Op(Op::LPar)) {
                    let cls = self.parse_name_or_attr()?;
                    if self.at_op(Op::LPar) {
                        return self.parse_class_pattern(cls, start);
                    }
                    return Ok(Pattern { kind: PatternKind::Value(cls), pos: start });
                }
                let name = self.ident(self.pos);
                self.bump();
                Ok(Pattern { kind: PatternKind::As { pattern: None, name: Some(name) }, pos: start })
            }
            Tok::Op(Op::LPar) => {
                self.bump();
                self.enter()?;
                let r = (|| {
                    if self.eat_op(Op::RPar) {
                        return Ok(Pattern { kind: PatternKind::Sequence(Vec::new()), pos: start });
                    }
                    let first = self.parse_maybe_star_pattern()?;
                    if self.at_op(Op::Comma) {
                        let mut pats = vec![first];
                        while self.eat_op(Op::Comma) {
                            if self.at_op(Op::RPar) {
                                break;
                            }
                            pats.push(self.parse_maybe_star_pattern()?);
                        }
                        self.expect_op(Op::RPar)?;
                        return self.make_sequence_pattern(pats, start);
                    }
                    if !self.at_op(Op::RPar) {
                        return Err(self.unexpected());
                    }
                    if let PatternKind::Star(_) = first.kind {
                        return Err(self.unexpected());
                    }
                    self.bump();
                    Ok(first)
                })();
                self.leave();
                r
            }
            Tok::Op(Op::LSqb) => {
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
            Tok::Op(Op::LBrace) => {
                self.bump();
                self.enter()?;
                let r = self.parse_mapping_pattern(start);
                self.leave();
                r
            }
            _ => Err(self.unexpected()),
        }
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
                Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op(Op::Minus) => {
                    self.parse_number_pattern_expr()?
                }
                Tok::Str(_) => {
                    let e = self.parse_strings()?;
                    if let ExprKind::JoinedStr(_) = e.kind {
                        return Err(self.err_at(kpos, "patterns may only match literals and attribute lookups"));
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
                Tok::Name if matches!(self.peek_n(1), Tok::Op(Op::Dot)) && self.text(self.pos) != "_" => {
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
        Ok(Pattern { kind: PatternKind::Mapping { keys, patterns, rest }, pos: start })
    }

    /// "invalid syntax" at the previous token.
    fn unexpected_prev(&self) -> CompileError {
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
                    let e = self.err_at(pat.pos, format!("attribute name repeated in class pattern: {}", name));
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
        Ok(Pattern { kind: PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns }, pos: start })
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
            PatternKind::As { pattern: None, name } => {
                if !allow {
                    let msg = match name {
                        Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n),
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(self.err_at(p.pos, msg));
                }
                Ok(())
            }
            PatternKind::As { pattern: Some(inner), .. } => self.check_irrefutable(inner, allow),
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
            return Err(self.err_at(pos, format!("multiple assignments to name '{}' in pattern", name)));
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
            PatternKind::Class { patterns, kwd_patterns, .. } => {
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
                                return Err(self.err_at(a.pos, "alternative patterns bind different names"));
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
        Ok(mk(ExprKind::NamedExpr(self.ident(i), Box::new(value)), self.pos_of(i)))
    }

    #[cold]
    #[inline(never)]
    fn err_walrus_target(&self, e: &Expr) -> CompileError {
        self.err_at(e.pos, format!("cannot use assignment expressions with {}", expr_name(e)))
    }

    /// CPython's hints for `=` where an expression ends (`if x = 1:`).
    fn check_stray_eq(&self, e: &Expr) -> PResult<()> {
        if !self.at_op(Op::Equal) {
            return Ok(());
        }
        self.stray_eq_error(e)
    }

    #[cold]
    #[inline(never)]
    fn stray_eq_error(&self, e: &Expr) -> PResult<()> {
        use ExprKind as K;
        match &e.kind {
            K::Name(_) => Err(self.err_at(e.pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")),
            K::Tuple(_) | K::List(_) | K::GeneratorExp(..) | K::True | K::False | K::None => Ok(()),
            _ if is_bitor_level(e) => Err(self.err_at(
                e.pos,
                format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)),
            )),
            _ => Ok(()),
        }
    }

    /// `expression`: a conditional expression, a lambda or a disjunction.
    fn parse_expression(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.parse_lambda();
        }
        let start = self.cur_pos();
        let body = self.parse_disjunction()?;
        if !self.at_kw(Kw::If) {
            return Ok(body);
        }
        self.parse_ifexp_chain(start, body)
    }

    /// `body if test else orelse`, chains parsed iteratively.
    #[inline(never)]
    fn parse_ifexp_chain(&mut self, start: Pos, body: Expr) -> PResult<Expr> {
        let mut chain: Vec<(Pos, Expr, Expr)> = Vec::new();
        let (mut cur_start, mut cur_body) = (start, body);
        let orelse = loop {
            self.bump(); // if
            let test = self.parse_disjunction()?;
            if !self.eat_kw(Kw::Else) {
                return Err(self.err_missing_else(cur_start));
            }
            chain.push((cur_start, cur_body, test));
            if self.at_kw(Kw::Lambda) {
                break self.parse_lambda()?;
            }
            let s = self.cur_pos();
            let e = self.parse_disjunction()?;
            if self.at_kw(Kw::If) {
                cur_start = s;
                cur_body = e;
                continue;
            }
            break e;
        };
        let mut d = expr_depth(&orelse);
        let mut acc = orelse;
        for (pos, body, test) in chain.into_iter().rev() {
            d = 1 + d.max(expr_depth(&body)).max(expr_depth(&test));
            if d > MAX_EXPR_DEPTH {
                return Err(self.too_complex(pos));
            }
            acc = mk(ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(acc) }, pos);
        }
        Ok(acc)
    }

    #[cold]
    #[inline(never)]
    fn err_missing_else(&self, body_start: Pos) -> CompileError {
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
        Ok(mk(ExprKind::Lambda(Box::new(args), Box::new(body)), p))
    }

    fn parse_disjunction(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_conjunction()?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        self.parse_boolop_rest(BoolOp::Or, start, first)
    }

    fn parse_conjunction(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_inversion()?;
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        self.parse_boolop_rest(BoolOp::And, start, first)
    }

    #[inline(never)]
    fn parse_boolop_rest(&mut self, op: BoolOp, start: Pos, first: Expr) -> PResult<Expr> {
        let kw = if op == BoolOp::Or { Kw::Or } else { Kw::And };
        let mut vals = vec![first];
        while self.eat_kw(kw) {
            let v = if op == BoolOp::Or { self.parse_conjunction()? } else { self.parse_inversion()? };
            vals.push(v);
        }
        Ok(mk(ExprKind::BoolOp(op, vals), start))
    }

    fn parse_inversion(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Not) {
            return self.parse_not_chain();
        }
        self.parse_comparison()
    }

    /// `not not ... x`, iteratively.
    #[inline(never)]
    fn parse_not_chain(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at_kw(Kw::Not) {
            nots.push(self.cur_pos());
            self.bump();
        }
        let mut e = self.parse_comparison()?;
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

    fn parse_comparison(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_bitor()?;
        if self.peek_cmpop().is_none() {
            return Ok(first);
        }
        self.parse_comparison_rest(start, first)
    }

    #[inline(never)]
    fn parse_comparison_rest(&mut self, start: Pos, first: Expr) -> PResult<Expr> {
        let mut ops = Vec::new();
        while let Some((op, n)) = self.peek_cmpop() {
            for _ in 0..n {
                self.bump();
            }
            let right = self.parse_bitor()?;
            ops.push((op, right));
        }
        Ok(mk(ExprKind::Compare(Box::new(first), ops), start))
    }

    fn parse_bitor(&mut self) -> PResult<Expr> {
        let start = self.cur_pos();
        let first = self.parse_factor()?;
        if self.peek_binop().is_none() {
            return Ok(first);
        }
        self.parse_binop_rest(start, first)
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
            let e = self.parse_factor()?;
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

    fn reduce_binop(&self, operands: &mut Vec<(Expr, usize, Pos)>, ops: &mut Vec<(BinOp, u8)>) -> PResult<()> {
        let (op, _) = ops.pop().unwrap();
        let (r, dr, _) = operands.pop().unwrap();
        let (l, dl, pos) = operands.pop().unwrap();
        let d = 1 + dl.max(dr);
        if d > MAX_EXPR_DEPTH {
            return Err(self.too_complex(pos));
        }
        operands.push((mk(ExprKind::BinOp(Box::new(l), op, Box::new(r)), pos), d, pos));
        Ok(())
    }

    /// `factor`: unary `+ - ~` and right-associative `**`.
    fn parse_factor(&mut self) -> PResult<Expr> {
        if matches!(self.peek(), Tok::Op(Op::Minus) | Tok::Op(Op::Plus) | Tok::Op(Op::Tilde)) {
            return self.parse_factor_chain(None);
        }
        let start = self.cur_pos();
        let prim = self.parse_primary()?;
        if !self.at_op(Op::DoubleStar) {
            return Ok(prim);
        }
        self.parse_factor_chain(Some((prim, start)))
    }

    /// Unary operators and `**` chains, iteratively: a sequence of segments
    /// `unaries primary **`, folded from the right.
    #[inline(never)]
    fn parse_factor_chain(&mut self, first: Option<(Expr, Pos)>) -> PResult<Expr> {
        let mut segs: Vec<(Vec<(UnaryOp, Pos)>, Expr, Pos)> = Vec::new();
        if let Some((prim, pos)) = first {
            segs.push((Vec::new(), prim, pos));
            self.bump(); // **
        }
        loop {
            let mut unaries = Vec::new();
            loop {
                let op = match self.peek() {
                    Tok::Op(Op::Minus) => UnaryOp::Neg,
                    Tok::Op(Op::Plus) => UnaryOp::Pos,
                    Tok::Op(Op::Tilde) => UnaryOp::Invert,
                    _ => break,
                };
                unaries.push((op, self.cur_pos()));
                self.bump();
                if unaries.len() > MAX_EXPR_DEPTH {
                    return Err(self.too_complex(unaries[0].1));
                }
            }
            let s = self.cur_pos();
            let prim = self.parse_primary()?;
            let more = self.at_op(Op::DoubleStar);
            segs.push((unaries, prim, s));
            if segs.len() > MAX_EXPR_DEPTH {
                return Err(self.too_complex(segs[0].2));
            }
            if more {
                self.bump();
            } else {
                break;
            }
        }
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
            acc = mk(ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(acc)), bpos);
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
        if !matches!(self.peek(), Tok::Op(Op::Dot) | Tok::Op(Op::LPar) | Tok::Op(Op::LSqb)) {
            return Ok(e);
        }
        self.parse_trailers(start, e)
    }

    /// Trailers, iteratively; the depth of the left-deep result is measured.
    #[inline(never)]
    fn parse_trailers(&mut self, start: Pos, mut e: Expr) -> PResult<Expr> {
        let mut depth = expr_depth(&e);
        loop {
            let (next, child_depth) = match self.peek() {
                Tok::Op(Op::Dot) => {
                    self.bump();
                    let (name, _) = self.expect_name()?;
                    (mk(ExprKind::Attribute(Box::new(e), name), start), 0)
                }
                Tok::Op(Op::LPar) => self.parse_call_trailer(start, e)?,
                Tok::Op(Op::LSqb) => self.parse_subscript_trailer(start, e)?,
                _ => break,
            };
            e = next;
            depth = 1 + depth.max(child_depth);
            if depth > MAX_EXPR_DEPTH {
                return Err(self.too_complex(start));
            }
        }
        Ok(e)
    }

    /// `func(args)`; returns the call and the depth of its arguments.
    #[inline(never)]
    fn parse_call_trailer(&mut self, start: Pos, func: Expr) -> PResult<(Expr, usize)> {
        let lp = self.cur_pos();
        self.bump();
        self.enter()?;
        let (args, keywords) = self.parse_arguments(Some(lp))?;
        self.leave();
        let mut cd = 0;
        for a in &args {
            cd = cd.max(expr_depth(a));
        }
        for k in &keywords {
            cd = cd.max(expr_depth(&k.value));
        }
        Ok((mk(ExprKind::Call { func: Box::new(func), args, keywords }, start), cd))
    }

    /// `value[slices]`; returns the subscript and the depth of the index.
    #[inline(never)]
    fn parse_subscript_trailer(&mut self, start: Pos, value: Expr) -> PResult<(Expr, usize)> {
        self.bump();
        self.enter()?;
        let elem = self.pos;
        let index = self.parse_slices()?;
        self.expect_closer(Op::RSqb, elem)?;
        self.leave();
        let cd = expr_depth(&index);
        Ok((mk(ExprKind::Subscript(Box::new(value), Box::new(index)), start), cd))
    }

    /// Call arguments after `(`, consuming `)`. `genexp_pos` is the
    /// position of the call's `(` (a bare generator expression argument is
    /// allowed only in calls, not in class bases).
    fn parse_arguments(&mut self, genexp_pos: Option<Pos>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut st = ArgState { args: Vec::new(), keywords: Vec::new(), seen_kw: false, seen_dstar: false };
        let mut elem = self.pos;
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            elem = self.pos;
            let more = match self.peek() {
                Tok::Op(Op::Star) => self.parse_arg_star(&mut st)?,
                Tok::Op(Op::DoubleStar) => self.parse_arg_dstar(&mut st)?,
                Tok::Name if matches!(self.peek_n(1), Tok::Op(Op::Equal)) => self.parse_arg_keyword(&mut st)?,
                _ => self.parse_arg_positional(&mut st, genexp_pos)?,
            };
            if !more || !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_closer(Op::RPar, elem)?;
        Ok((st.args, st.keywords))
    }

    #[inline(never)]
    fn parse_arg_star(&mut self, st: &mut ArgState) -> PResult<bool> {
        let p = self.cur_pos();
        self.bump();
        let v = self.parse_expression()?;
        if st.seen_dstar {
            return Err(self.err_at(p, "iterable argument unpacking follows keyword argument unpacking"));
        }
        st.args.push(mk(ExprKind::Starred(Box::new(v)), p));
        Ok(true)
    }

    #[inline(never)]
    fn parse_arg_dstar(&mut self, st: &mut ArgState) -> PResult<bool> {
        let p = self.cur_pos();
        self.bump();
        let v = self.parse_expression()?;
        st.keywords.push(Keyword { name: None, value: v, pos: p });
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
        if st.keywords.iter().any(|k| k.name.as_deref() == Some(name.as_str())) {
            let e = self.err_at(p, format!("keyword argument repeated: {}", name));
            self.defer(e);
        }
        st.keywords.push(Keyword { name: Some(name), value: v, pos: p });
        st.seen_kw = true;
        Ok(true)
    }

    /// A positional argument (or the generator expression of `f(x for x in y)`).
    /// Returns false when the argument list must end.
    #[inline(never)]
    fn parse_arg_positional(&mut self, st: &mut ArgState, genexp_pos: Option<Pos>) -> PResult<bool> {
        let p = self.cur_pos();
        if matches!(self.peek(), Tok::Kw(Kw::True | Kw::False | Kw::None))
            && matches!(self.peek_n(1), Tok::Op(Op::Equal))
        {
            let name = self.text(self.pos);
            return Err(self.err_at(p, format!("cannot assign to {}", name)));
        }
        let e = self.parse_named_expression()?;
        if self.at_kw(Kw::For) {
            let Some(gp) = genexp_pos else {
                return Err(self.unexpected());
            };
            let comps = self.parse_comp_for()?;
            if !(st.args.is_empty() && st.keywords.is_empty() && self.at_op(Op::RPar)) {
                return Err(self.err_at(p, "Generator expression must be parenthesized"));
            }
            st.args.push(mk(ExprKind::GeneratorExp(Box::new(e), comps), gp));
            return Ok(false);
        }
        if self.at_op(Op::Equal) {
            return Err(self.err_at(p, "expression cannot contain assignment, perhaps you meant \"==\"?"));
        }
        if st.seen_dstar {
            return Err(self.err_here("positional argument follows keyword argument unpacking"));
        }
        if st.seen_kw {
            return Err(self.err_here("positional argument follows keyword argument"));
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
        let upper = if ends(self) { None } else { Some(Box::new(self.parse_expression()?)) };
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
        if self.at_op(Op::RPar) {
            self.bump();
            self.leave();
            return Ok(mk(ExprKind::Tuple(Vec::new()), lp));
        }
        let elem = self.pos;
        let e = self.parse_group_contents(lp)?;
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
        if self.at_kw(Kw::For) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at(first.pos, "iterable unpacking cannot be used in comprehension"));
            }
            let comps = self.parse_comp_for()?;
            return Ok(mk(ExprKind::GeneratorExp(Box::new(first), comps), lp));
        }
        if self.at_op(Op::Comma) {
            self.check_stray_eq(&first)?;
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.can_start_expr() {
                    break;
                }
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
        let first = self.parse_star_named_expression()?;
        let e = self.parse_list_rest(lp, elem, first)?;
        self.leave();
        Ok(e)
    }

    #[inline(never)]
    fn parse_list_rest(&mut self, lp: Pos, mut elem: usize, first: Expr) -> PResult<Expr> {
        if self.at_kw(Kw::For) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at(first.pos, "iterable unpacking cannot be used in comprehension"));
            }
            let comps = self.parse_comp_for()?;
            self.expect_closer(Op::RSqb, elem)?;
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
        if self.at_op(Op::RBrace) {
            self.bump();
            self.leave();
            return Ok(mk(ExprKind::Dict(Vec::new()), lp));
        }
        let e = self.parse_dict_or_set_body(lp)?;
        self.leave();
        Ok(e)
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
                    return Err(self.err_at(first.pos, "iterable unpacking cannot be used in comprehension"));
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
                    if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
                        return Err(self.err_at(k.pos, "':' expected after dictionary key"));
                    }
                    return Err(self.unexpected());
                }
                let v = self.parse_expression()?;
                items.push((Some(k), v));
            }
        }
        Ok(items)
    }

    /// `for target in iter if cond ...` clauses of a comprehension.
    fn parse_comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut comps = Vec::new();
        while self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if self.at_kw(Kw::Async) {
                return Err(self.unexpected());
            }
            self.bump();
            let target = self.parse_target_list()?;
            self.check_target(&target, TargetCtx::Comp)?;
            if !self.eat_kw(Kw::In) {
                return Err(self.unexpected());
            }
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
    fn parse_strings(&mut self) -> PResult<Expr> {
        let first = self.pos;
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
        let info = |i: usize| infos[idxs.iter().position(|&j| j == i).unwrap()];
        let nbytes = infos.iter().filter(|s| s.bytes).count();
        if nbytes != 0 && nbytes != idxs.len() {
            let last = &self.toks[*idxs.last().unwrap()];
            let _ = first;
            return Err(self.err_at(Pos { line: last.end_line, col: last.end_col }, "cannot mix bytes and nonbytes literals"));
        }
        if nbytes != 0 {
            let mut out = Vec::new();
            for &i in &idxs {
                let (s, e) = self.toks[i].str_body().unwrap();
                match lexer::decode_bytes(&self.src[s..e], info(i).raw) {
                    Ok(b) => out.extend_from_slice(&b),
                    Err(m) => return Err(self.err_at(self.pos_of(i), m)),
                }
            }
            return Ok(mk(ExprKind::Bytes(out), p));
        }
        if !infos.iter().any(|s| s.fstring) {
            let mut out = String::new();
            for &i in &idxs {
                let (s, e) = self.toks[i].str_body().unwrap();
                match lexer::decode_str(&self.src[s..e], info(i).raw) {
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

    fn err_string_decode(&self, i: usize, msg: String) -> CompileError {
        let t = &self.toks[i];
        self.err_at(Pos { line: t.end_line, col: t.end_col }, msg)
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
        let mut cur = FCursor { pos: start, line: t.line, col: t.col + si.prefix_len as u32 + q };
        let saved_end = self.fstring_end;
        self.fstring_end = Pos { line: t.end_line, col: t.end_col };
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
    fn fstr_err(&self, msg: impl Into<String>) -> CompileError {
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
        if self.src[expr_start.pos..expr_end].trim_matches(|ch: char| ch.is_ascii_whitespace()).is_empty() {
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
            let text = self.src[expr_start.pos..c.pos].replace("\r\n", "\n").replace('\r', "\n");
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
                return Err(self.fstr_err("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
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
        parts.push(FStringPart::Value { expr: Box::new(expr), conversion, spec });
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
        Pos { line: self.line, col: self.col }
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
            e.as_ref().map(|e| self.expr(e)).unwrap_or_else(|| "~".into())
        }

        fn opt_be(&self, e: &Option<Box<Expr>>) -> String {
            e.as_ref().map(|e| self.expr(e)).unwrap_or_else(|| "~".into())
        }

        fn exprs(&self, v: &[Expr]) -> String {
            format!("[{}]", v.iter().map(|e| self.expr(e)).collect::<Vec<_>>().join(", "))
        }

        fn stmts(&self, v: &[Stmt]) -> String {
            format!("[{}]", v.iter().map(|s| self.stmt(s)).collect::<Vec<_>>().join(", "))
        }

        fn arg(&self, a: &Arg) -> String {
            format!("Arg({}, {}){}", a.name, self.opt_e(&a.annotation), self.p(a.pos))
        }

        fn opt_arg(&self, a: &Option<Arg>) -> String {
            a.as_ref().map(|a| self.arg(a)).unwrap_or_else(|| "~".into())
        }

        fn args(&self, a: &Arguments) -> String {
            let l = |v: &[Arg]| format!("[{}]", v.iter().map(|a| self.arg(a)).collect::<Vec<_>>().join(", "));
            format!(
                "Args({}, {}, {}, {}, [{}], {}, {})",
                l(&a.posonly),
                l(&a.args),
                self.opt_arg(&a.vararg),
                l(&a.kwonly),
                a.kw_defaults.iter().map(|d| self.opt_e(d)).collect::<Vec<_>>().join(", "),
                self.opt_arg(&a.kwarg),
                self.exprs(&a.defaults)
            )
        }

        fn kw(&self, k: &Keyword) -> String {
            format!("Kw({}, {}){}", k.name.as_deref().unwrap_or("~"), self.expr(&k.value), self.p(k.pos))
        }

        fn kws(&self, v: &[Keyword]) -> String {
            format!("[{}]", v.iter().map(|k| self.kw(k)).collect::<Vec<_>>().join(", "))
        }

        fn comps(&self, v: &[Comprehension]) -> String {
            format!(
                "[{}]",
                v.iter()
                    .map(|c| format!("Comp({}, {}, {})", self.expr(&c.target), self.expr(&c.iter), self.exprs(&c.ifs)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }

        fn fparts(&self, v: &[FStringPart]) -> String {
            let parts: Vec<String> = v
                .iter()
                .map(|p| match p {
                    FStringPart::Literal(s) => format!("Lit({})", esc_str(s)),
                    FStringPart::Value { expr, conversion, spec } => format!(
                        "Val({}, {}, {})",
                        self.expr(expr),
                        conversion.map(|c| c.to_string()).unwrap_or_else(|| "~".into()),
                        spec.as_ref().map(|s| self.fparts(s)).unwrap_or_else(|| "~".into())
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
                K::Slice(a, b, c) => format!("Slice({}, {}, {})", self.opt_be(a), self.opt_be(b), self.opt_be(c)),
                K::Call { func, args, keywords } => {
                    format!("Call({}, {}, {})", self.expr(func), self.exprs(args), self.kws(keywords))
                }
                K::BinOp(l, op, r) => format!("BinOp({}, {}, {})", self.expr(l), binop(*op), self.expr(r)),
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
                    format!("BoolOp({}, {})", if *op == BoolOp::And { "And" } else { "Or" }, self.exprs(v))
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
                    format!("IfExp({}, {}, {})", self.expr(test), self.expr(body), self.expr(orelse))
                }
                K::Lambda(a, b) => format!("Lambda({}, {})", self.args(a), self.expr(b)),
                K::NamedExpr(n, v) => format!("NamedExpr({}, {})", n, self.expr(v)),
                K::ListComp(x, c) => format!("ListComp({}, {})", self.expr(x), self.comps(c)),
                K::SetComp(x, c) => format!("SetComp({}, {})", self.expr(x), self.comps(c)),
                K::GeneratorExp(x, c) => format!("GeneratorExp({}, {})", self.expr(x), self.comps(c)),
                K::DictComp(k, v, c) => format!("DictComp({}, {}, {})", self.expr(k), self.expr(v), self.comps(c)),
                K::Yield(x) => format!("Yield({})", self.opt_be(x)),
                K::YieldFrom(x) => format!("YieldFrom({})", self.expr(x)),
            };
            s + &self.p(e.pos)
        }

        fn pat(&self, p: &Pattern) -> String {
            let pats = |v: &[Pattern]| format!("[{}]", v.iter().map(|p| self.pat(p)).collect::<Vec<_>>().join(", "));
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
                PatternKind::Mapping { keys, patterns, rest } => {
                    format!("MatchMapping({}, {}, {})", self.exprs(keys), pats(patterns), rest.as_deref().unwrap_or("~"))
                }
                PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns } => format!(
                    "MatchClass({}, {}, [{}], {})",
                    self.expr(cls),
                    pats(patterns),
                    kwd_attrs.join(", "),
                    pats(kwd_patterns)
                ),
                PatternKind::As { pattern, name } => format!(
                    "MatchAs({}, {})",
                    pattern.as_ref().map(|p| self.pat(p)).unwrap_or_else(|| "~".into()),
                    name.as_deref().unwrap_or("~")
                ),
                PatternKind::Or(v) => format!("MatchOr({})", pats(v)),
            };
            s + &self.p(p.pos)
        }

        fn alias(&self, a: &Alias) -> String {
            format!("Alias({}, {}){}", a.name, a.asname.as_deref().unwrap_or("~"), self.p(a.pos))
        }

        pub fn stmt(&self, s: &Stmt) -> String {
            use StmtKind as S;
            let r = match &s.kind {
                S::Expr(e) => format!("Expr({})", self.expr(e)),
                S::Assign { targets, value } => format!("Assign({}, {})", self.exprs(targets), self.expr(value)),
                S::AugAssign { target, op, value } => {
                    format!("AugAssign({}, {}, {})", self.expr(target), binop(*op), self.expr(value))
                }
                S::AnnAssign { target, annotation, value, simple } => format!(
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
                    format!("If({}, {}, {})", self.expr(test), self.stmts(body), self.stmts(orelse))
                }
                S::While { test, body, orelse } => {
                    format!("While({}, {}, {})", self.expr(test), self.stmts(body), self.stmts(orelse))
                }
                S::For { target, iter, body, orelse } => format!(
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
                S::Try { body, handlers, orelse, finalbody } => format!(
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
                S::Raise { exc, cause } => format!("Raise({}, {})", self.opt_e(exc), self.opt_e(cause)),
                S::Assert { test, msg } => format!("Assert({}, {})", self.expr(test), self.opt_e(msg)),
                S::With { items, body } => format!(
                    "With([{}], {})",
                    items
                        .iter()
                        .map(|i| format!("WithItem({}, {})", self.expr(&i.context), self.opt_e(&i.target)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    self.stmts(body)
                ),
                S::Import(v) => {
                    format!("Import([{}])", v.iter().map(|a| self.alias(a)).collect::<Vec<_>>().join(", "))
                }
                S::ImportFrom { module, names, level } => format!(
                    "ImportFrom({}, [{}], {})",
                    module.as_deref().unwrap_or("~"),
                    names.iter().map(|a| self.alias(a)).collect::<Vec<_>>().join(", "),
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
            m.body.iter().map(|s| self.stmt(s)).collect::<Vec<_>>().join("\n")
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
        let Ok(dir) = std::env::var("PARSE_CORPUS") else { return };
        let with_pos = std::env::var("PARSE_CORPUS_NOPOS").is_err();
        let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        let (mut ok, mut bad) = (0, 0);
        for path in entries {
            if path.extension().map(|e| e != "py").unwrap_or(true) {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            let exp_path = format!("{}.expected", path.display());
            let Ok(expected) = std::fs::read_to_string(&exp_path) else { continue };
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
                let i = (0..g.len().max(x.len())).find(|&i| g.get(i) != x.get(i)).unwrap_or(0);
                let gl: Vec<char> = g.get(i).map(|s| s.chars().collect()).unwrap_or_default();
                let xl: Vec<char> = x.get(i).map(|s| s.chars().collect()).unwrap_or_default();
                let j = (0..gl.len().max(xl.len())).find(|&j| gl.get(j) != xl.get(j)).unwrap_or(0);
                let from = j.saturating_sub(150);
                let cut = |v: &[char]| v.iter().skip(from).take(300).collect::<String>();
                eprintln!("MISMATCH {} (stmt {})\n  got: {}\n  exp: {}", path.display(), i, cut(&gl), cut(&xl));
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
        let b: Vec<u8> = (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect();
        String::from_utf8(b).unwrap()
    }

    #[test]
    #[ignore]
    fn error_corpus() {
        let Ok(path) = std::env::var("PARSE_ERRCASES") else { return };
        let text = std::fs::read_to_string(path).unwrap();
        let (mut ok, mut bad) = (0, 0);
        for line in text.lines() {
            let mut it = line.split('\t');
            let (Some(h), Some(mode), Some(exp)) = (it.next(), it.next(), it.next()) else { continue };
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
