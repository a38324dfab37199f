//! Bytecode and code objects: the contract between the code generator and the
//! VM's eval loop.
//!
//! An instruction is an opcode byte plus one 32-bit operand (`Instr`, 8 bytes).
//! Jump operands are absolute instruction indices. The machine is a stack
//! machine; "TOS" is the top of the value stack, "TOS1" the item below it.
//! Stack pictures read bottom to top: `[a, b] -> [c]` pops `b` then `a` and
//! pushes `c`.
//!
//! ## Calls
//!
//! Every call site lays out `[callable, self_or_nil, arg0 .. argN-1]` and then
//! `CALL N`. `self_or_nil` is the NIL marker (pushed by `PUSH_NIL`) for a plain
//! call, or the receiver when `LOAD_METHOD` found an unbound method. Keyword
//! arguments are the last `len(kwnames)` of the N arguments; `KW_NAMES k`
//! immediately before `CALL` names them (`consts[k]` is a `Const::Tuple` of
//! `Const::Str`).
//!
//! ## Exceptions
//!
//! There is no runtime block stack. `CodeObject::exception_table` maps
//! instruction ranges to handlers. When an instruction at `ip` raises and an
//! entry with `start <= ip < end` exists (the innermost, i.e. the *first*
//! matching entry in table order — the generator emits inner entries first),
//! the VM truncates the frame's value stack to `depth` items (counted from the
//! frame's stack base, after its locals), pushes the exception object and
//! jumps to `handler`. With no entry, the frame is popped and the exception
//! propagates to the caller.
//!
//! The VM also keeps a stack of "exceptions being handled" (what a bare
//! `raise` re-raises and what becomes `__context__` of a new exception):
//! `PUSH_EXC_INFO` pushes TOS onto it, `POP_EXCEPT` pops it. A frame that
//! exits (return or propagation) truncates that stack to where it was when the
//! frame started, so the generator only has to emit `POP_EXCEPT` on the paths
//! that leave a handler and continue in the same frame.
//!
//! `finally` bodies, `with` exits and handler clean-up on `return`, `break`
//! and `continue` are emitted inline by the generator (as CPython 3.11 does).

use std::sync::Arc;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

impl Instr {
    pub const fn new(op: Op, arg: u32) -> Self {
        Instr { op, arg }
    }

    /// The instruction a superinstruction was written over (see
    /// `fuse_superinstructions`); other instructions unchanged.
    pub fn unfused(self) -> Instr {
        let lo = self.arg & 0xFFFF;
        let small = lo as u16 as i16 as i32 as u32;
        match self.op {
            Op::LOAD_FAST_LOAD_FAST => Instr::new(Op::LOAD_FAST, lo),
            Op::STORE_FAST_LOAD_FAST => Instr::new(Op::STORE_FAST, lo),
            Op::BINARY_OP_SMALL_INT | Op::COMPARE_SMALL_INT_JUMP => Instr::new(Op::LOAD_SMALL_INT, small),
            Op::COMPARE_OP_JUMP => Instr::new(Op::COMPARE_OP, self.arg),
            Op::FOR_ITER_STORE_FAST => Instr::new(Op::FOR_ITER, self.arg),
            _ => self,
        }
    }
}

/// Operand of `BINARY_OP`. Values `0..=12` are the plain operators; adding
/// `INPLACE` (16) gives the augmented-assignment form (`+=` tries `__iadd__`
/// first, then falls back to the plain operator).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    Sub = 1,
    Mul = 2,
    MatMul = 3,
    TrueDiv = 4,
    FloorDiv = 5,
    Mod = 6,
    Pow = 7,
    LShift = 8,
    RShift = 9,
    And = 10,
    Or = 11,
    Xor = 12,
}

pub const INPLACE: u32 = 16;

impl BinaryOp {
    pub fn from_u32(v: u32) -> Option<BinaryOp> {
        use BinaryOp::*;
        Some(match v {
            0 => Add,
            1 => Sub,
            2 => Mul,
            3 => MatMul,
            4 => TrueDiv,
            5 => FloorDiv,
            6 => Mod,
            7 => Pow,
            8 => LShift,
            9 => RShift,
            10 => And,
            11 => Or,
            12 => Xor,
            _ => return None,
        })
    }

    /// The operator's source text (`+`), as used in TypeError messages.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            MatMul => "@",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
        }
    }
}

/// Operand of `COMPARE_OP`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(v: u32) -> Option<CompareOp> {
        use CompareOp::*;
        Some(match v {
            0 => Lt,
            1 => Le,
            2 => Eq,
            3 => Ne,
            4 => Gt,
            5 => Ge,
            _ => return None,
        })
    }
    pub fn symbol(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }
}

/// Flags of `MAKE_FUNCTION` (which optional items sit below the code constant).
pub mod make_fn {
    /// A tuple of positional defaults.
    pub const DEFAULTS: u32 = 1;
    /// A dict of keyword-only defaults.
    pub const KWDEFAULTS: u32 = 2;
    /// A dict of annotations (`return` included under the key `"return"`).
    pub const ANNOTATIONS: u32 = 4;
    /// A tuple of cell objects for the code's free variables.
    pub const CLOSURE: u32 = 8;
}

/// Operand of `FORMAT_VALUE`: low two bits select the conversion, bit 2 says a
/// format spec string is on the stack above the value.
pub mod fmt_flags {
    pub const CONV_MASK: u32 = 3;
    pub const CONV_NONE: u32 = 0;
    pub const CONV_STR: u32 = 1;
    pub const CONV_REPR: u32 = 2;
    pub const CONV_ASCII: u32 = 3;
    pub const HAS_SPEC: u32 = 4;
}

/// Code object flags.
pub mod code_flags {
    /// The function takes `*args`.
    pub const VARARGS: u32 = 1;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 2;
    /// Calling the function creates a generator.
    pub const GENERATOR: u32 = 4;
    /// A class body: runs with a fresh dict as its locals (`LOAD_NAME`/`STORE_NAME`).
    pub const CLASS_BODY: u32 = 8;
    /// Module-level code (or `exec`/`eval` source).
    pub const MODULE: u32 = 16;
    /// A comprehension or generator expression body (its single argument is `.0`).
    pub const COMPREHENSION: u32 = 32;
    /// A lambda.
    pub const LAMBDA: u32 = 64;
}

macro_rules! opcodes {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// The opcodes. Each variant documents its operand and stack effect.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op { $($(#[$doc])* $name,)* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    NOP,

    // ---- stack manipulation ----
    /// `[a] -> []`.
    POP_TOP,
    /// `[a, b] -> [b, a]`.
    ROT_TWO,
    /// `[a, b, c] -> [c, a, b]` (TOS moves down two places).
    ROT_THREE,
    /// `[a] -> [a, a]`.
    DUP_TOP,
    /// `[a, b] -> [a, b, a, b]`.
    DUP_TOP_TWO,
    /// arg n >= 1: push a copy of the n-th item from the top (`COPY 1` == `DUP_TOP`).
    COPY,
    /// arg n >= 2: swap TOS with the n-th item from the top.
    SWAP,

    // ---- constants ----
    /// arg k: push `consts[k]`.
    LOAD_CONST,
    /// Push None.
    LOAD_NONE,
    /// Push True.
    LOAD_TRUE,
    /// Push False.
    LOAD_FALSE,
    /// arg: an i32 stored as u32 (`arg as i32`); push that int.
    LOAD_SMALL_INT,
    /// Push `Ellipsis`.
    LOAD_ELLIPSIS,
    /// Push the NIL marker (the `self_or_nil` slot of a plain call).
    PUSH_NIL,

    // ---- names ----
    /// arg i: push local slot `varnames[i]`; UnboundLocalError if unset.
    LOAD_FAST,
    /// arg i: `[v] -> []`, store into local slot i.
    STORE_FAST,
    /// arg i: unset local slot i (UnboundLocalError if already unset).
    DELETE_FAST,
    /// arg i: push the content of cell i (`cellvars ++ freevars` order);
    /// NameError "free variable 'x' referenced before assignment ..." or
    /// UnboundLocalError for an own cell, when empty.
    LOAD_DEREF,
    /// arg i: `[v] -> []`, set cell i.
    STORE_DEREF,
    /// arg i: empty cell i.
    DELETE_DEREF,
    /// arg i: push the cell object i itself (for building closures).
    LOAD_CLOSURE,
    /// arg i: in a class body, read free variable i: the class namespace
    /// (locals dict) first under the cell's name, then the cell.
    LOAD_CLASSDEREF,
    /// arg k: push global `names[k]` (module globals, then builtins); NameError.
    LOAD_GLOBAL,
    /// arg k: `[v] -> []`, set global `names[k]`.
    STORE_GLOBAL,
    /// arg k: delete global `names[k]`; NameError if missing.
    DELETE_GLOBAL,
    /// arg k: push `names[k]` looked up in the frame's locals dict (when it has
    /// one), then globals, then builtins. In module code without a separate
    /// locals dict this is `LOAD_GLOBAL`.
    LOAD_NAME,
    /// arg k: `[v] -> []`, store into the locals dict (or globals in module code).
    STORE_NAME,
    /// arg k: delete from the locals dict (or globals); NameError if missing.
    DELETE_NAME,
    /// Push the frame's locals dict (class bodies; module code pushes globals).
    LOAD_LOCALS,

    // ---- attributes and items ----
    /// arg k: `[obj] -> [obj.names[k]]`.
    LOAD_ATTR,
    /// arg k: `[v, obj] -> []`, `obj.names[k] = v`.
    STORE_ATTR,
    /// arg k: `[obj] -> []`, `del obj.names[k]`.
    DELETE_ATTR,
    /// arg k: `[obj] -> [method, obj]` when `names[k]` resolves to a plain
    /// function on the type (no bound-method allocation), else
    /// `[obj] -> [obj.names[k], NIL]`. Followed by args and `CALL`.
    LOAD_METHOD,
    /// `[obj, key] -> [obj[key]]`.
    BINARY_SUBSCR,
    /// `[v, obj, key] -> []`, `obj[key] = v`.
    STORE_SUBSCR,
    /// `[obj, key] -> []`, `del obj[key]`.
    DELETE_SUBSCR,

    // ---- operators ----
    /// arg: `BinaryOp as u32`, plus `INPLACE` for augmented assignment.
    /// `[a, b] -> [a op b]`.
    BINARY_OP,
    /// arg: `CompareOp as u32`. `[a, b] -> [a op b]`.
    COMPARE_OP,
    /// arg 0: `is`, 1: `is not`. `[a, b] -> [bool]`.
    IS_OP,
    /// arg 0: `in`, 1: `not in`. `[a, b] -> [a in b]` (calls `b.__contains__(a)`).
    CONTAINS_OP,
    /// `[a] -> [-a]`.
    UNARY_NEGATIVE,
    /// `[a] -> [+a]`.
    UNARY_POSITIVE,
    /// `[a] -> [not a]`.
    UNARY_NOT,
    /// `[a] -> [~a]`.
    UNARY_INVERT,

    // ---- building ----
    /// arg n: `[x1..xn] -> [(x1..xn)]`.
    BUILD_TUPLE,
    /// arg n: `[x1..xn] -> [[x1..xn]]`.
    BUILD_LIST,
    /// arg n: `[x1..xn] -> [{x1..xn}]`.
    BUILD_SET,
    /// arg n: `[k1, v1, .. kn, vn] -> [{k1: v1, ..}]`.
    BUILD_MAP,
    /// arg 2 or 3: `[start, stop(, step)] -> [slice]`.
    BUILD_SLICE,
    /// arg n: `[s1..sn] -> [s1 + .. + sn]` (all str).
    BUILD_STRING,
    /// arg: `fmt_flags`. `[value(, spec)] -> [str]` (f-string field).
    FORMAT_VALUE,
    /// arg i: `[.. list at depth i .., v] -> [..]`: append v to the list that is
    /// the i-th item from the top after popping v (comprehensions use i = 1
    /// for `[list, v]`, i = 2 for `[list, iter, v]`).
    LIST_APPEND,
    /// arg i: like `LIST_APPEND` for a set.
    SET_ADD,
    /// arg i: `[.. dict .., k, v] -> [..]`, the dict is the i-th item from the
    /// top after popping k and v.
    MAP_ADD,
    /// arg i: `[.. list .., iterable] -> [..]`: extend the list (i-th from top
    /// after the pop) with the iterable (for `[*a, *b]` and `f(*a, *b)`).
    LIST_EXTEND,
    /// arg i: like `LIST_EXTEND` for a set.
    SET_UPDATE,
    /// arg i: `[.. dict .., mapping] -> [..]`: `dict.update(mapping)` (`{**m}`).
    DICT_UPDATE,
    /// arg i: like `DICT_UPDATE` but a repeated key raises TypeError
    /// "got multiple values for keyword argument 'k'" (`f(**a, **b)`).
    DICT_MERGE,
    /// `[list] -> [tuple]`.
    LIST_TO_TUPLE,

    // ---- unpacking ----
    /// arg n: `[seq] -> [xn .. x1]` (x1 ends on top): exactly n items, else
    /// ValueError "not enough values to unpack (expected n, got m)" / "too many values to unpack (expected n)".
    UNPACK_SEQUENCE,
    /// arg: `before | (after << 8)`: `[seq] -> [x_last .. list_of_middle .. x1]`,
    /// pushing `before + 1 + after` items so that stores in source order pop them.
    UNPACK_EX,

    // ---- control flow ----
    /// arg t: jump to t.
    JUMP,
    /// arg t: `[v] -> []`, jump to t if v is falsy.
    POP_JUMP_IF_FALSE,
    /// arg t: `[v] -> []`, jump to t if v is truthy.
    POP_JUMP_IF_TRUE,
    /// arg t: if TOS is falsy jump to t keeping it, else pop it (`and`).
    JUMP_IF_FALSE_OR_POP,
    /// arg t: if TOS is truthy jump to t keeping it, else pop it (`or`).
    JUMP_IF_TRUE_OR_POP,
    /// `[obj] -> [iter(obj)]`.
    GET_ITER,
    /// arg t: `[it] -> [it, next(it)]`, or on exhaustion `[it] -> []` and jump to t.
    FOR_ITER,
    /// `[v] -> (frame returns v)`.
    RETURN_VALUE,

    // ---- generators ----
    /// `[v] -> [sent]`: suspend the generator frame yielding v; resumes with
    /// the value passed to `send` (None for `next`) pushed.
    YIELD_VALUE,
    /// `[obj] -> [iter]`: `iter(obj)` (generators pass through unchanged).
    GET_YIELD_FROM_ITER,
    /// arg t: `[it, v] -> [it, y]` when `it.send(v)` (or `next(it)` for v None
    /// and a non-generator) yields y; on StopIteration(r) `[it, v] -> [r]`
    /// and jump to t. The usual `yield from` loop is
    /// `GET_YIELD_FROM_ITER; LOAD_NONE; L: SEND end; YIELD_VALUE; JUMP L; end:`.
    SEND,

    // ---- functions, calls, classes ----
    /// arg: `make_fn` flags. `[defaults?, kwdefaults?, annotations?, closure?, code] -> [function]`
    /// (optional items present in that order, bottom to top, when their flag is
    /// set; `code` is a `LOAD_CONST` of a `Const::Code`). The function's
    /// globals are the current frame's globals.
    MAKE_FUNCTION,
    /// arg k: the next `CALL`'s keyword names are `consts[k]` (a tuple of str).
    KW_NAMES,
    /// arg n: `[callable, self_or_nil, a1..an] -> [result]`.
    CALL,
    /// arg flags (bit 0: a kwargs dict is present):
    /// `[callable, self_or_nil, args_tuple(, kwargs_dict)] -> [result]`.
    CALL_FUNCTION_EX,
    /// Push the builtin `__build_class__`. A class statement compiles to
    /// `LOAD_BUILD_CLASS; PUSH_NIL; <body function>; LOAD_CONST name; bases...;
    /// (KW_NAMES); CALL n`. The body function's code has `CLASS_BODY`; if a
    /// method uses `super()` or `__class__`, the body has a cell `__class__`
    /// and stores it as `__classcell__` in its namespace before returning;
    /// `__build_class__` fills that cell with the new class.
    LOAD_BUILD_CLASS,
    /// Create `__annotations__` in the locals dict (or globals) if absent.
    SETUP_ANNOTATIONS,

    // ---- exceptions ----
    /// arg 0: re-raise the exception being handled (RuntimeError "No active
    /// exception to reraise" if none); 1: `[exc] -> raise exc`;
    /// 2: `[exc, cause] -> raise exc from cause`. A class is instantiated.
    RAISE_VARARGS,
    /// `[exc] -> raise exc` again without adding a traceback entry (end of
    /// `finally` and of unmatched `except` chains).
    RERAISE,
    /// `[exc] -> [exc]`, push `exc` on the VM's handled-exception stack.
    PUSH_EXC_INFO,
    /// Pop the VM's handled-exception stack (the value stack is unchanged).
    POP_EXCEPT,
    /// `[exc, type] -> [exc, bool]`: `isinstance(exc, type)`; `type` may be a
    /// tuple; TypeError if it is not an exception class.
    CHECK_EXC_MATCH,
    /// Push `AssertionError` (the class).
    LOAD_ASSERTION_ERROR,
    /// `[ctx] -> [exit, enter_result]`: look up `type(ctx).__exit__` bound to
    /// ctx, call `ctx.__enter__()`.
    BEFORE_WITH,
    /// `[exit] -> []`: call `exit(None, None, None)` (normal exit from a with body).
    WITH_EXIT,
    /// `[exit, exc] -> [exit, exc, suppress]`: call `exit(type(exc), exc, tb)`
    /// and push whether its result is truthy.
    WITH_EXCEPT_START,

    // ---- imports ----
    /// arg k: `[level, fromlist] -> [module]`: `__import__(names[k], globals,
    /// None, fromlist, level)`. Without a fromlist, `import a.b.c` pushes the
    /// top package `a`; with one, the module `a.b.c` itself.
    IMPORT_NAME,
    /// arg k: `[module] -> [module, module.names[k]]`, importing the submodule
    /// `module.names[k]` when there is no such attribute; ImportError
    /// "cannot import name 'x' from 'm'".
    IMPORT_FROM,
    /// `[module] -> []`: copy the public names (`__all__`, or names not starting
    /// with `_`) into the current namespace.
    IMPORT_STAR,

    // ---- pattern matching (match statement) ----
    /// `[subj] -> [subj, len(subj)]`.
    GET_LEN,
    /// `[subj] -> [subj, bool]`: subj is a mapping (dict or subclass).
    MATCH_MAPPING,
    /// `[subj] -> [subj, bool]`: subj is a sequence (list, tuple, range or a
    /// subclass; not str, bytes or dict).
    MATCH_SEQUENCE,
    /// `[subj, keys_tuple] -> [subj, keys_tuple, values_tuple_or_None]`.
    MATCH_KEYS,
    /// arg n (positional sub-pattern count): `[subj, cls, kwnames_tuple] ->
    /// [attrs_tuple_or_None]` (positional attributes via `__match_args__`,
    /// then the keyword ones; `int(x)`-style self-matching for builtins).
    MATCH_CLASS,
    /// `[subj, keys_tuple] -> [subj, rest_dict]`: a copy of subj without the keys.
    COPY_DICT_WITHOUT_KEYS,

    // ---- misc ----
    /// `[v] -> []`: REPL echo (print repr of v unless it is None, and bind `_`).
    PRINT_EXPR,

    // ---- superinstructions ----
    // `fuse_superinstructions` writes these over the first instruction of a
    // common sequence after the stack analysis. The rest of the sequence
    // stays in place: jumps into it still find the original instructions,
    // and the eval loop skips it after the fused instruction. When the
    // operands are not the expected kind, the fused instruction does only
    // the first instruction's work and the originals run the rest.
    /// arg `a | b << 16`: `LOAD_FAST a; LOAD_FAST b`.
    LOAD_FAST_LOAD_FAST,
    /// arg `a | b << 16`: `STORE_FAST a; LOAD_FAST b`.
    STORE_FAST_LOAD_FAST,
    /// arg `k as u16 | op << 16`: `LOAD_SMALL_INT k; BINARY_OP op`.
    BINARY_OP_SMALL_INT,
    /// arg as COMPARE_OP: `COMPARE_OP c; POP_JUMP_IF_FALSE/TRUE t`.
    COMPARE_OP_JUMP,
    /// arg `k as u16 | c << 16`: `LOAD_SMALL_INT k; COMPARE_OP c;
    /// POP_JUMP_IF_FALSE/TRUE t`.
    COMPARE_SMALL_INT_JUMP,
    /// arg as FOR_ITER: `FOR_ITER t; STORE_FAST a` (the next instruction,
    /// which may itself be STORE_FAST_LOAD_FAST, names the local). Range and
    /// list iterators store the item directly; other iterators push it.
    FOR_ITER_STORE_FAST,
}

/// `k` as the 16-bit field of a fused instruction, if it fits.
fn small_i16(arg: u32) -> Option<u32> {
    let k = arg as i32;
    (i16::MIN as i32..=i16::MAX as i32).contains(&k).then_some(k as i16 as u16 as u32)
}

/// Rewrite the first instruction of common sequences into a
/// superinstruction (see the opcodes). Each rewrite looks only at the
/// original instructions, so overlapping sequences are each fused where
/// they start.
pub fn fuse_superinstructions(code: &mut [Instr]) {
    let orig: Vec<Instr> = code.to_vec();
    let at = |i: usize| orig.get(i).copied();
    let is_cond_jump = |i: usize| matches!(at(i), Some(x) if x.op == Op::POP_JUMP_IF_FALSE || x.op == Op::POP_JUMP_IF_TRUE);
    for i in 0..orig.len() {
        let a = orig[i];
        let Some(b) = at(i + 1) else { break };
        let fused = match (a.op, b.op) {
            (Op::LOAD_SMALL_INT, Op::COMPARE_OP) if is_cond_jump(i + 2) => {
                small_i16(a.arg).filter(|_| b.arg < 1 << 16).map(|k| Instr::new(Op::COMPARE_SMALL_INT_JUMP, k | b.arg << 16))
            }
            (Op::LOAD_SMALL_INT, Op::BINARY_OP) => {
                small_i16(a.arg).filter(|_| b.arg < 1 << 16).map(|k| Instr::new(Op::BINARY_OP_SMALL_INT, k | b.arg << 16))
            }
            (Op::LOAD_FAST, Op::LOAD_FAST) if a.arg < 1 << 16 && b.arg < 1 << 16 => {
                Some(Instr::new(Op::LOAD_FAST_LOAD_FAST, a.arg | b.arg << 16))
            }
            (Op::STORE_FAST, Op::LOAD_FAST) if a.arg < 1 << 16 && b.arg < 1 << 16 => {
                Some(Instr::new(Op::STORE_FAST_LOAD_FAST, a.arg | b.arg << 16))
            }
            (Op::COMPARE_OP, _) if is_cond_jump(i + 1) => Some(Instr::new(Op::COMPARE_OP_JUMP, a.arg)),
            (Op::FOR_ITER, Op::STORE_FAST) if b.arg < 1 << 16 => Some(Instr::new(Op::FOR_ITER_STORE_FAST, a.arg)),
            _ => None,
        };
        if let Some(f) = fused {
            code[i] = f;
        }
    }
}

/// Constant pool entries.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// Decimal digits of an int that does not fit in i64.
    BigInt(String),
    Float(f64),
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    Code(Arc<CodeObject>),
}

/// One exception-table row; see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    /// Value-stack depth (above the locals) to restore before pushing the exception.
    pub depth: u32,
}

#[derive(Debug)]
pub struct CodeObject {
    /// `f`, `<lambda>`, `<listcomp>`, `<module>`, the class name for a class body.
    pub name: String,
    /// `C.f`, `outer.<locals>.inner`.
    pub qualname: String,
    pub filename: Arc<str>,
    /// The whole source text of the file (for traceback lines).
    pub source: Arc<str>,
    pub first_line: u32,
    pub code: Vec<Instr>,
    /// Source line of each instruction (same length as `code`).
    pub lines: Vec<u32>,
    pub consts: Vec<Const>,
    /// Names used by the `*_GLOBAL`, `*_NAME`, `*_ATTR`, `LOAD_METHOD` and
    /// import instructions.
    pub names: Vec<String>,
    /// Local variable slots. The parameters come first, in this order:
    /// positional-only, positional-or-keyword, keyword-only, then `*args` if
    /// `VARARGS`, then `**kwargs` if `VARKEYWORDS`.
    pub varnames: Vec<String>,
    /// Locals captured by inner functions. A cell variable that is also a
    /// parameter is copied from its local slot into the cell when the frame
    /// starts (`cell2arg[i]` is that slot).
    pub cellvars: Vec<String>,
    pub cell2arg: Vec<Option<u32>>,
    /// Variables of enclosing scopes this code uses; filled from the closure tuple.
    pub freevars: Vec<String>,
    /// Number of positional parameters (positional-only included).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exception_table: Vec<ExceptionEntry>,
    /// Upper bound on the value-stack depth above the locals (the VM
    /// reserves it at frame entry).
    pub max_stack: u32,
    /// The docstring, if the body starts with a string literal.
    pub doc: Option<String>,
    /// Filled by the VM the first time it runs this code: `names` then
    /// `varnames` interned (process-wide name ids).
    pub interned: OnceLock<Box<[u32]>>,
    /// Per entry of `names`: where `LOAD_GLOBAL` last found that name (see
    /// `Vm::load_global_cached`); 0 when unknown. Only a hint: every use
    /// checks the entry still holds the name.
    pub global_hints: Box<[std::sync::atomic::AtomicU32]>,
    /// Per entry of `names`: where `LOAD_ATTR` (`load_hints`) and
    /// `STORE_ATTR` (`store_hints`) last found that name in an instance's
    /// dict (see `Vm::load_attr_cached`); 0 when unknown.
    pub load_hints: Box<[std::sync::atomic::AtomicU64]>,
    pub store_hints: Box<[std::sync::atomic::AtomicU64]>,
}

impl CodeObject {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    pub fn line_of(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }

    /// A readable listing, for debugging the generator.
    pub fn disassemble(&self) -> String {
        let mut s = format!("code {} ({}):\n", self.qualname, self.filename);
        for (i, ins) in self.code.iter().enumerate() {
            s.push_str(&format!("{:5} {:4} {:24} {}\n", self.lines[i], i, ins.op.name(), ins.arg));
        }
        for e in &self.exception_table {
            s.push_str(&format!("  except [{}, {}) -> {} depth {}\n", e.start, e.end, e.handler, e.depth));
        }
        for c in &self.consts {
            if let Const::Code(c) = c {
                s.push_str(&c.disassemble());
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(v: &[(Op, u32)]) -> Vec<Instr> {
        v.iter().map(|&(op, arg)| Instr::new(op, arg)).collect()
    }

    #[test]
    fn fusion_rewrites_only_first_instructions_and_unfuses() {
        let orig = ins(&[
            (Op::LOAD_FAST, 0),
            (Op::LOAD_FAST, 1),
            (Op::LOAD_SMALL_INT, (-2i32) as u32),
            (Op::COMPARE_OP, 4),
            (Op::POP_JUMP_IF_TRUE, 9),
            (Op::STORE_FAST, 3),
            (Op::LOAD_FAST, 2),
            (Op::LOAD_SMALL_INT, 7),
            (Op::BINARY_OP, 1 | INPLACE),
            (Op::LOAD_SMALL_INT, 70000),
            (Op::BINARY_OP, 0),
            (Op::RETURN_VALUE, 0),
        ]);
        let mut code = orig.clone();
        fuse_superinstructions(&mut code);
        let got: Vec<(Op, u32)> = code.iter().map(|i| (i.op, i.arg)).collect();
        assert_eq!(
            got,
            vec![
                (Op::LOAD_FAST_LOAD_FAST, 1 << 16),
                // LOAD_FAST 1 is followed by a LOAD_SMALL_INT: not fused.
                (Op::LOAD_FAST, 1),
                (Op::COMPARE_SMALL_INT_JUMP, 0xFFFE | 4 << 16),
                (Op::COMPARE_OP_JUMP, 4),
                (Op::POP_JUMP_IF_TRUE, 9),
                (Op::STORE_FAST_LOAD_FAST, 3 | 2 << 16),
                (Op::LOAD_FAST, 2),
                (Op::BINARY_OP_SMALL_INT, 7 | (1 | INPLACE) << 16),
                (Op::BINARY_OP, 1 | INPLACE),
                // Does not fit in 16 bits.
                (Op::LOAD_SMALL_INT, 70000),
                (Op::BINARY_OP, 0),
                (Op::RETURN_VALUE, 0),
            ]
        );
        let back: Vec<Instr> = code.iter().map(|i| i.unfused()).collect();
        assert_eq!(back, orig);
    }

    #[test]
    fn for_iter_fuses_with_its_store() {
        let orig = ins(&[
            (Op::FOR_ITER, 5),
            (Op::STORE_FAST, 1),
            (Op::LOAD_FAST, 1),
            (Op::FOR_ITER, 7),
            (Op::UNPACK_SEQUENCE, 2),
            (Op::RETURN_VALUE, 0),
        ]);
        let mut code = orig.clone();
        fuse_superinstructions(&mut code);
        assert_eq!(code[0], Instr::new(Op::FOR_ITER_STORE_FAST, 5));
        assert_eq!(code[1], Instr::new(Op::STORE_FAST_LOAD_FAST, 1 | 1 << 16));
        assert_eq!(code[3], orig[3]);
        let back: Vec<Instr> = code.iter().map(|i| i.unfused()).collect();
        assert_eq!(back, orig);
    }

    #[test]
    fn fusion_needs_the_whole_sequence() {
        // A comparison at the end of the code, or not followed by a
        // conditional jump, stays as it is.
        let orig = ins(&[(Op::LOAD_SMALL_INT, 1), (Op::COMPARE_OP, 0), (Op::RETURN_VALUE, 0), (Op::LOAD_FAST, 0)]);
        let mut code = orig.clone();
        fuse_superinstructions(&mut code);
        assert_eq!(code, orig);
    }
}
