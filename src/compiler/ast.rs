//! The abstract syntax tree the parser produces and the code generator consumes.
//!
//! It mirrors CPython's `ast` module closely (same node names where they exist) so
//! that the grammar can be checked against the CPython documentation. Every node
//! carries the position of its first token: `line` is 1-based, `col` is 0-based
//! and counts characters (not bytes) from the start of the line.
//!
//! Identifiers are kept as `String`: the compiler knows nothing of the VM, the
//! VM interns names when it loads a code object.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// An expression statement (a call, a docstring, ...).
    Expr(Expr),
    /// `a = b = value`: `targets` in source order.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `target: annotation [= value]`; `simple` is true when the target is a bare
    /// name not in parentheses (only those go into `__annotations__`).
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr>, simple: bool },
    Del(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise [exc [from cause]]`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    Assert { test: Expr, msg: Option<Expr> },
    With { items: Vec<WithItem>, body: Vec<Stmt> },
    /// `import a.b.c as d, e`.
    Import(Vec<Alias>),
    /// `from ..mod import a as b, c` / `from . import x` / `from m import *`
    /// (a star import is one alias named `*`). `level` counts the leading dots.
    ImportFrom { module: Option<String>, names: Vec<Alias>, level: u32 },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Match { subject: Expr, cases: Vec<MatchCase> },
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: String,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    /// `metaclass=M` and other class keywords; a `None` name is `**mapping`.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct Alias {
    /// Dotted name as written (`a.b.c`), or `*`.
    pub name: String,
    pub asname: Option<String>,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    /// A literal or dotted-name value compared with `==`.
    Value(Expr),
    /// `None`, `True`, `False`: compared with `is`.
    Singleton(Singleton),
    /// `[a, *rest, b]` / `(a, b)` / `a, b`: at most one `Star` inside.
    Sequence(Vec<Pattern>),
    /// `*name` or `*_` (None) inside a sequence pattern.
    Star(Option<String>),
    /// `{key: pat, ..., **rest}`; keys are literal or dotted-name expressions.
    Mapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<String> },
    /// `Cls(p1, p2, kw=p3)`.
    Class { cls: Expr, patterns: Vec<Pattern>, kwd_attrs: Vec<String>, kwd_patterns: Vec<Pattern> },
    /// `pat as name`, a capture `name` (pattern None), or the wildcard `_`
    /// (pattern None and name None).
    As { pattern: Option<Box<Pattern>>, name: Option<String> },
    /// `p1 | p2 | ...`.
    Or(Vec<Pattern>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Singleton {
    None,
    True,
    False,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Name(String),
    /// An int literal that fits in i64.
    Int(i64),
    /// An int literal too large for i64, as decimal digits (already converted
    /// from hex/octal/binary and stripped of underscores).
    BigInt(String),
    Float(f64),
    /// An imaginary literal (`1j`); the VM may reject it.
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string, or an implicit concatenation that contains one.
    JoinedStr(Vec<FStringPart>),
    True,
    False,
    None,
    Ellipsis,
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key marks `**m` (the value is `m`).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    Attribute(Box<Expr>, String),
    Subscript(Box<Expr>, Box<Expr>),
    /// `lower:upper:step` inside a subscript (a tuple of slices is `Tuple`).
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// Positional `args` may hold `Starred`; a keyword with `name: None` is `**m`.
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    UnaryOp(UnaryOp, Box<Expr>),
    /// `a and b and c` (two or more values).
    BoolOp(BoolOp, Vec<Expr>),
    /// `a < b <= c`: the first operand, then each (operator, operand).
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `body if test else orelse`.
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    Lambda(Box<Arguments>, Box<Expr>),
    /// `name := value`.
    NamedExpr(String, Box<Expr>),
    ListComp(Box<Expr>, Vec<Comprehension>),
    SetComp(Box<Expr>, Vec<Comprehension>),
    DictComp(Box<Expr>, Box<Expr>, Vec<Comprehension>),
    GeneratorExp(Box<Expr>, Vec<Comprehension>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
}

#[derive(Clone, Debug)]
pub enum FStringPart {
    Literal(String),
    /// `{expr!conv:spec}`. `conversion` is one of 's', 'r', 'a'. The `=`
    /// specifier is expanded by the parser into a literal holding the
    /// expression text plus `=`, followed by this part with conversion 'r'
    /// when neither a conversion nor a spec was given (CPython's rule).
    Value { expr: Box<Expr>, conversion: Option<char>, spec: Option<Vec<FStringPart>> },
}

#[derive(Clone, Debug)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub name: Option<String>,
    pub value: Expr,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Debug, Default)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonly: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonly: Vec<Arg>,
    /// One entry per `kwonly` parameter; `None` means required.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults for the last `defaults.len()` of `posonly ++ args`.
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct Arg {
    pub name: String,
    pub annotation: Option<Expr>,
    pub pos: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}
