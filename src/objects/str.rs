//! The `str` payload: UTF-8 text with a trailing NUL (so C gets a pointer
//! without copying), its length in characters and a cached hash.

use std::cell::Cell;

use crate::vm::heap::InlineText;

pub struct PyStr {
    text: Text,
    /// The cached hash, or `NO_HASH` before the first `hash()` (a str hash
    /// is reduced modulo 2**61 - 1, so it is never -1).
    hash: Cell<i64>,
}

/// Short texts live in the object itself; longer ones in one allocation.
enum Text {
    Inline(InlineText),
    /// The text followed by one NUL byte, and its length in characters.
    Heap { chars: usize, buf: Box<str> },
}

const NO_HASH: i64 = -1;

#[inline]
fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        let chars = count_chars(s);
        if let Some(t) = InlineText::new(s, chars) {
            return PyStr { text: Text::Inline(t), hash: Cell::new(NO_HASH) };
        }
        let mut b = String::with_capacity(s.len() + 1);
        b.push_str(s);
        b.push('\0');
        PyStr { text: Text::Heap { chars, buf: b.into_boxed_str() }, hash: Cell::new(NO_HASH) }
    }

    pub fn from_string(mut s: String) -> PyStr {
        let chars = count_chars(&s);
        if let Some(t) = InlineText::new(&s, chars) {
            return PyStr { text: Text::Inline(t), hash: Cell::new(NO_HASH) };
        }
        if s.capacity() == s.len() + 1 {
            // Built with room for exactly the NUL: no reallocation at all.
            s.push('\0');
            return PyStr { text: Text::Heap { chars, buf: s.into_boxed_str() }, hash: Cell::new(NO_HASH) };
        }
        // One exact allocation: pushing the NUL onto `s` would grow it and
        // `into_boxed_str` would then shrink it (two reallocations).
        let mut b = String::with_capacity(s.len() + 1);
        b.push_str(&s);
        b.push('\0');
        PyStr { text: Text::Heap { chars, buf: b.into_boxed_str() }, hash: Cell::new(NO_HASH) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            Text::Inline(t) => t.as_str(),
            Text::Heap { buf, .. } => &buf[..buf.len() - 1],
        }
    }

    /// Pointer to the NUL-terminated bytes.
    pub fn c_ptr(&self) -> *const u8 {
        match &self.text {
            Text::Inline(t) => t.as_ptr(),
            Text::Heap { buf, .. } => buf.as_ptr(),
        }
    }

    #[inline]
    pub fn char_len(&self) -> usize {
        match &self.text {
            Text::Inline(t) => t.chars(),
            Text::Heap { chars, .. } => *chars,
        }
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len() == self.as_str().len()
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != NO_HASH {
            return h;
        }
        let h = hash_str(self.as_str());
        self.hash.set(h);
        h
    }

    /// The i-th character (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.as_str().as_bytes().get(i).map(|b| *b as char)
        } else {
            self.as_str().chars().nth(i)
        }
    }
}

/// FNV-1a over the bytes, reduced modulo 2**61 - 1 (so it is never -1, which
/// CPython reserves, and `hash(int(h)) == h`: a `__hash__` that returns
/// `super().__hash__()` gives the same value as the built-in hash).
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// The same hash over raw bytes (a str hashes like its UTF-8 bytes).
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % ((1u64 << 61) - 1)) as i64
}

// ---------------------------------------------------------------------------
// The `str` type: constructor, methods and dunders.
// ---------------------------------------------------------------------------

use std::cell::RefCell;

use crate::objects::format::fmt_err;
use crate::objects::iter::IterState;
use crate::objects::num::{as_num, Num};
use crate::objects::str_ops as so;
use crate::objects::strfmt::{self, FmtError, FmtErrorKind};
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

// ------------------------------------------------------------ argument helpers

/// `s` when `n == 1`, for "argument"/"arguments".
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// How a method reports a wrong argument count (CPython differs per method).
#[derive(Clone, Copy)]
pub(crate) enum Arity {
    /// "T.m() takes no arguments (N given)"
    NoArgs,
    /// "T.m() takes exactly one argument (N given)"
    One,
    /// "m expected at least/most K argument(s), got N"
    Expected(usize, usize),
    /// "m() takes at least/most K argument(s) (N given)"
    Takes(usize, usize),
}

/// Check the number of arguments after self. `qual` is "T.m" (for NoArgs/One)
/// and `name` is "m".
pub(crate) fn check_arity(vm: &mut Vm, nargs: usize, ar: Arity, qual: &str, name: &str) -> PyResult<()> {
    let msg = match ar {
        Arity::NoArgs if nargs != 0 => format!("{}() takes no arguments ({} given)", qual, nargs),
        Arity::One if nargs != 1 => format!("{}() takes exactly one argument ({} given)", qual, nargs),
        Arity::Expected(lo, _) if nargs < lo => format!("{} expected at least {} argument{}, got {}", name, lo, plural(lo), nargs),
        Arity::Expected(_, hi) if nargs > hi => format!("{} expected at most {} argument{}, got {}", name, hi, plural(hi), nargs),
        Arity::Takes(lo, _) if nargs < lo => format!("{}() takes at least {} argument{} ({} given)", name, lo, plural(lo), nargs),
        Arity::Takes(_, hi) if nargs > hi => format!("{}() takes at most {} argument{} ({} given)", name, hi, plural(hi), nargs),
        _ => return Ok(()),
    };
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// Bind positional and keyword arguments (after self) to `names`, CPython's
/// argument-clinic style. Returns one slot per name.
pub(crate) fn bind_kw<'a>(vm: &mut Vm, fname: &str, pos: &'a [Value], kw: &'a [(Name, Value)], names: &[&str]) -> PyResult<Vec<Option<&'a Value>>> {
    if pos.len() > names.len() {
        let msg = format!("{}() takes at most {} argument{} ({} given)", fname, names.len(), plural(names.len()), pos.len() + kw.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let mut out: Vec<Option<&'a Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in kw {
        let ks = k.as_str();
        match names.iter().position(|x| *x == ks) {
            Some(i) if i < pos.len() => {
                let msg = format!("argument for {}() given by name ('{}') and position ({})", fname, ks, i + 1);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
            Some(i) => out[i] = Some(v),
            None => {
                let msg = format!("'{}' is an invalid keyword argument for {}()", ks, fname);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    Ok(out)
}

/// An integer argument converted like `PyNumber_AsSsize_t(v, OverflowError)`.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_num(v) {
        Some(Num::Small(i)) => return Ok(i),
        Some(Num::Big(_)) => return Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C ssize_t")),
        _ => {}
    }
    if v.ty() != TP_FLOAT {
        if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
            let r = vm.call(&f, &[*v])?;
            return match as_num(&r) {
                Some(Num::Small(i)) if r.ty() != TP_FLOAT => Ok(i),
                Some(Num::Big(_)) => Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C ssize_t")),
                _ => {
                    let msg = format!("__index__ returned non-int (type {})", vm.type_name(&r));
                    Err(vm.new_error(TP_TYPE_ERROR, msg))
                }
            };
        }
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// An integer argument converted to a C int (OverflowError past 32 bits).
pub(crate) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = match ssize_arg(vm, v) {
        Ok(i) => i,
        Err(e) => {
            if vm.exc_is(TP_OVERFLOW_ERROR) {
                vm.exc = None;
                return Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C int"));
            }
            return Err(e);
        }
    };
    if r > i32::MAX as i64 || r < i32::MIN as i64 {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C int"));
    }
    Ok(r)
}

/// A start/end argument of find/count/...: None, or an int clamped to i64.
pub(crate) fn slice_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let v = match v {
        None => return Ok(None),
        Some(v) if v.is_none() => return Ok(None),
        Some(v) => *v,
    };
    let clamp = |n: Num| -> Option<i64> {
        match n {
            Num::Small(i) => Some(i),
            Num::Big(b) => Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
            Num::Float(_) => None,
        }
    };
    if v.ty() != TP_FLOAT {
        if let Some(i) = as_num(&v).and_then(clamp) {
            return Ok(Some(i));
        }
        if let Some(f) = vm.find_in_type(v.ty(), n::__index__) {
            let r = vm.call(&f, &[v])?;
            if r.ty() != TP_FLOAT {
                if let Some(i) = as_num(&r).and_then(clamp) {
                    return Ok(Some(i));
                }
            }
            let msg = format!("__index__ returned non-int (type {})", vm.type_name(&r));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    Err(vm.new_error(TP_TYPE_ERROR, "slice indices must be integers or None or have an __index__ method"))
}

/// "descriptor 'm' for 'T' objects doesn't apply to a 'X' object"
pub(crate) fn descriptor_error(vm: &mut Vm, tname: &str, name: &str, v: &Value) -> Raised {
    let msg = format!("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", name, tname, vm.type_name(v));
    vm.new_error(TP_TYPE_ERROR, msg)
}

/// "descriptor '__m__' requires a 'T' object but received a 'X'"
pub(crate) fn dunder_self_error(vm: &mut Vm, tname: &str, name: &str, v: Option<&Value>) -> Raised {
    match v {
        Some(v) => {
            let msg = format!("descriptor '{}' requires a '{}' object but received a '{}'", name, tname, vm.type_name(v));
            vm.new_error(TP_TYPE_ERROR, msg)
        }
        None => {
            let msg = format!("descriptor '{}' of '{}' object needs an argument", name, tname);
            vm.new_error(TP_TYPE_ERROR, msg)
        }
    }
}

/// The text of `self` for a str method.
fn this<'a>(vm: &mut Vm, a: &'a [Value], name: &str) -> PyResult<&'a str> {
    match a.first() {
        None => Err(vm.new_error(TP_TYPE_ERROR, format!("unbound method str.{}() needs an argument", name))),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s),
            None => Err(descriptor_error(vm, "str", name, v)),
        },
    }
}

/// The text of `self` for a str dunder.
fn this_d<'a>(vm: &mut Vm, a: &'a [Value], name: &str) -> PyResult<&'a str> {
    match a.first().and_then(|v| v.as_str()) {
        Some(s) => Ok(s),
        None => Err(dunder_self_error(vm, "str", name, a.first())),
    }
}

/// A method taking exactly `k` arguments after self (dunders): checked with
/// the "expected K argument(s)" message.
fn dunder_argc(vm: &mut Vm, a: &[Value], k: usize, name: &str) -> PyResult<()> {
    let got = a.len().saturating_sub(1);
    if got != k {
        let msg = format!("expected {} argument{}, got {}", k, plural(k), got);
        let _ = name;
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    Ok(())
}

/// A `str` argument or TypeError "<prefix>must be str, not T".
fn str_arg<'a>(vm: &mut Vm, v: &'a Value, prefix: &str) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => {
            let msg = format!("{}must be str, not {}", prefix, vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// Padding/result-size errors: CPython fails the allocation (MemoryError).
fn size_err(vm: &mut Vm, e: FmtError) -> Raised {
    if e.kind == FmtErrorKind::Overflow {
        vm.new_error(TP_MEMORY_ERROR, "")
    } else {
        fmt_err(vm, e)
    }
}

/// Return `self` unchanged when it is an exact str, else a new exact str.
fn same_or_new(vm: &mut Vm, selfv: &Value, s: &str) -> Value {
    if selfv.ty() == TP_STR {
        *selfv
    } else {
        vm.new_str(s)
    }
}

fn new_str_list(vm: &mut Vm, parts: &[&str]) -> Value {
    let items: Vec<Value> = parts.iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(items)
}

// ------------------------------------------------------------ constructor

fn str_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = match a.first().and_then(|v| v.as_type()) {
        Some(t) if vm.is_subtype(t, TP_STR) => t,
        Some(t) => {
            let msg = format!("str.__new__({}): {} is not a subtype of str", vm.tp(t).name, vm.tp(t).name);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        None => return Err(vm.new_error(TP_TYPE_ERROR, "str.__new__(X): X is not a type object")),
    };
    let p = bind_kw(vm, "str", &a[1..], kw, &["object", "encoding", "errors"])?;
    let text: String = if p[1].is_some() || p[2].is_some() {
        let enc = match &p[1] {
            Some(v) => str_arg(vm, v, "str() argument 'encoding' ")?.to_string(),
            None => "utf-8".to_string(),
        };
        let errors = match &p[2] {
            Some(v) => str_arg(vm, v, "str() argument 'errors' ")?.to_string(),
            None => "strict".to_string(),
        };
        let obj = p[0].copied().unwrap_or(Value::NIL);
        if obj.is_nil() {
            String::new()
        } else if obj.as_str().is_some() {
            return Err(vm.new_error(TP_TYPE_ERROR, "decoding str is not supported"));
        } else {
            let data: Vec<u8> = match crate::objects::bytes::bytes_data(&obj) {
                Some(d) => d.into_owned(),
                None => {
                    let msg = format!("decoding to str: need a bytes-like object, {} found", vm.type_name(&obj));
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
            };
            crate::objects::bytes::decode(vm, &data, &enc, &errors)?
        }
    } else {
        match p[0].copied() {
            None => String::new(),
            Some(v) => {
                if t == TP_STR {
                    // A str subclass instance from `__str__` is returned as it is.
                    return vm.str_value(&v);
                }
                let r = vm.str_value(&v)?;
                r.as_str().unwrap_or("").to_string()
            }
        }
    };
    if t == TP_STR {
        return Ok(vm.new_string(text));
    }
    Ok(vm.heap.alloc(t, ObjData::Str(PyStr::from_string(text)), Some(Box::default())))
}

// ------------------------------------------------------------ simple transforms

macro_rules! transform {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            let s = this(vm, a, $name)?;
            check_arity(vm, a.len() - 1, Arity::NoArgs, concat!("str.", $name), $name)?;
            let f: fn(&str) -> String = $f;
            let r = f(s);
            Ok(vm.new_string(r))
        }
    };
}

transform!(m_upper, "upper", so::upper);
transform!(m_lower, "lower", so::lower);
transform!(m_title, "title", so::title);
transform!(m_capitalize, "capitalize", so::capitalize);
transform!(m_swapcase, "swapcase", so::swapcase);
transform!(m_casefold, "casefold", so::casefold);

macro_rules! predicate {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            let s = this(vm, a, $name)?;
            check_arity(vm, a.len() - 1, Arity::NoArgs, concat!("str.", $name), $name)?;
            let f: fn(&str) -> bool = $f;
            Ok(Value::bool(f(s)))
        }
    };
}

predicate!(m_isalnum, "isalnum", so::is_alnum);
predicate!(m_isalpha, "isalpha", so::is_alpha);
predicate!(m_isascii, "isascii", so::is_ascii);
predicate!(m_isdecimal, "isdecimal", so::is_decimal);
predicate!(m_isdigit, "isdigit", so::is_digit);
predicate!(m_isidentifier, "isidentifier", so::is_identifier);
predicate!(m_islower, "islower", so::is_lower);
predicate!(m_isnumeric, "isnumeric", so::is_numeric);
predicate!(m_isprintable, "isprintable", so::is_printable);
predicate!(m_isspace, "isspace", so::is_space);
predicate!(m_istitle, "istitle", so::is_title);
predicate!(m_isupper, "isupper", so::is_upper);

// ------------------------------------------------------------ padding

fn fill_char(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    let v = match v {
        None => return Ok(' '),
        Some(v) => v,
    };
    match v.as_str() {
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(vm.new_error(TP_TYPE_ERROR, "The fill character must be exactly one character long")),
            }
        }
        None => {
            let msg = format!("The fill character must be a unicode character, not {}", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

fn pad_common(vm: &mut Vm, a: &[Value], name: &str, f: fn(&str, i64, char) -> Result<String, FmtError>) -> PyResult<Value> {
    let s = this(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Expected(1, 2), "", name)?;
    let width = ssize_arg(vm, &a[1])?;
    let fill = fill_char(vm, a.get(2))?;
    if width <= so::char_len(s) as i64 {
        return Ok(same_or_new(vm, &a[0], s));
    }
    let r = f(s, width, fill).map_err(|e| size_err(vm, e))?;
    Ok(vm.new_string(r))
}

fn m_center(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pad_common(vm, a, "center", so::center)
}

fn m_ljust(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pad_common(vm, a, "ljust", so::ljust)
}

fn m_rjust(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pad_common(vm, a, "rjust", so::rjust)
}

fn m_zfill(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this(vm, a, "zfill")?;
    check_arity(vm, a.len() - 1, Arity::One, "str.zfill", "zfill")?;
    let width = ssize_arg(vm, &a[1])?;
    if width <= so::char_len(s) as i64 {
        return Ok(same_or_new(vm, &a[0], s));
    }
    let r = so::zfill(s, width).map_err(|e| size_err(vm, e))?;
    Ok(vm.new_string(r))
}

fn m_expandtabs(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = this(vm, a, "expandtabs")?;
    let p = bind_kw(vm, "expandtabs", &a[1..], kw, &["tabsize"])?;
    let tabsize = match p[0] {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    let r = so::expandtabs(s, tabsize).map_err(|e| size_err(vm, e))?;
    Ok(vm.new_string(r))
}

// ------------------------------------------------------------ searching

/// (sub, start, end) of find/index/count/rfind/rindex.
fn search_args<'a>(vm: &mut Vm, a: &'a [Value], name: &str) -> PyResult<(&'a str, &'a str, Option<i64>, Option<i64>)> {
    let s = this(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Takes(1, 3), "", name)?;
    let st = slice_arg(vm, a.get(2))?;
    let en = slice_arg(vm, a.get(3))?;
    let sub = str_arg(vm, &a[1], "")?;
    Ok((s, sub, st, en))
}

fn m_find(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (s, sub, st, en) = search_args(vm, a, "find")?;
    Ok(Value::int(so::find(s, sub, st, en)))
}

fn m_rfind(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (s, sub, st, en) = search_args(vm, a, "rfind")?;
    Ok(Value::int(so::rfind(s, sub, st, en)))
}

fn m_index(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (s, sub, st, en) = search_args(vm, a, "index")?;
    match so::find(s, sub, st, en) {
        -1 => Err(vm.new_error(TP_VALUE_ERROR, "substring not found")),
        i => Ok(Value::int(i)),
    }
}

fn m_rindex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (s, sub, st, en) = search_args(vm, a, "rindex")?;
    match so::rfind(s, sub, st, en) {
        -1 => Err(vm.new_error(TP_VALUE_ERROR, "substring not found")),
        i => Ok(Value::int(i)),
    }
}

fn m_count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (s, sub, st, en) = search_args(vm, a, "count")?;
    Ok(Value::int(so::count(s, sub, st, en) as i64))
}

fn starts_ends(vm: &mut Vm, a: &[Value], name: &str, ends: bool) -> PyResult<Value> {
    let s = this(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Takes(1, 3), "", name)?;
    let st = slice_arg(vm, a.get(2))?;
    let en = slice_arg(vm, a.get(3))?;
    let test = |p: &str| if ends { so::ends_with(s, p, st, en) } else { so::starts_with(s, p, st, en) };
    if let Some(p) = a[1].as_str() {
        return Ok(Value::bool(test(p)));
    }
    if let Some(items) = a[1].tuple() {
        for x in items {
            match x.as_str() {
                Some(p) => {
                    if test(p) {
                        return Ok(Value::TRUE);
                    }
                }
                None => {
                    let msg = format!("tuple for {} must only contain str, not {}", name, vm.type_name(x));
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
            }
        }
        return Ok(Value::FALSE);
    }
    let msg = format!("{} first arg must be str or a tuple of str, not {}", name, vm.type_name(&a[1]));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn m_startswith(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    starts_ends(vm, a, "startswith", false)
}

fn m_endswith(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    starts_ends(vm, a, "endswith", true)
}

// ------------------------------------------------------------ replace / split / partition / strip

fn m_replace(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this(vm, a, "replace")?;
    check_arity(vm, a.len() - 1, Arity::Expected(2, 3), "", "replace")?;
    let old = str_arg(vm, &a[1], "replace() argument 1 ")?;
    let new = str_arg(vm, &a[2], "replace() argument 2 ")?;
    let count = match a.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let r = so::replace(s, old, new, count).map_err(|e| fmt_err(vm, e))?;
    Ok(vm.new_string(r))
}

fn split_args<'a>(vm: &mut Vm, a: &'a [Value], kw: &'a [(Name, Value)], name: &str) -> PyResult<(&'a str, Option<&'a str>, i64)> {
    let s = this(vm, a, name)?;
    let p = bind_kw(vm, name, &a[1..], kw, &["sep", "maxsplit"])?;
    let maxsplit = match &p[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let sep: Option<&'a str> = match p[0] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(t) => Some(t),
            None => {
                let msg = format!("must be str or None, not {}", vm.type_name(v));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        },
    };
    Ok((s, sep, maxsplit))
}

fn m_split(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, a, kw, "split")?;
    let parts = so::split(s, sep, maxsplit).map_err(|e| fmt_err(vm, e))?;
    Ok(new_str_list(vm, &parts))
}

fn m_rsplit(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, a, kw, "rsplit")?;
    let parts = so::rsplit(s, sep, maxsplit).map_err(|e| fmt_err(vm, e))?;
    Ok(new_str_list(vm, &parts))
}

fn m_splitlines(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = this(vm, a, "splitlines")?;
    let p = bind_kw(vm, "splitlines", &a[1..], kw, &["keepends"])?;
    let keep = match p[0] {
        None => false,
        Some(v) => int_arg(vm, v)? != 0,
    };
    let parts = so::splitlines(s, keep);
    Ok(new_str_list(vm, &parts))
}

fn partition_common(vm: &mut Vm, a: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, a, name)?;
    let qual = format!("str.{}", name);
    check_arity(vm, a.len() - 1, Arity::One, &qual, name)?;
    let sep = str_arg(vm, &a[1], "")?;
    let r = if right { so::rpartition(s, sep) } else { so::partition(s, sep) };
    let (x, y, z) = r.map_err(|e| fmt_err(vm, e))?;
    let items = vec![vm.new_str(x), vm.new_str(y), vm.new_str(z)];
    Ok(vm.new_tuple(items))
}

fn m_partition(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    partition_common(vm, a, "partition", false)
}

fn m_rpartition(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    partition_common(vm, a, "rpartition", true)
}

fn strip_common(vm: &mut Vm, a: &[Value], name: &str, which: u8) -> PyResult<Value> {
    let s = this(vm, a, name)?;
    check_arity(vm, a.len() - 1, Arity::Expected(0, 1), "", name)?;
    let chars = match a.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(c) => Some(c),
            None => {
                let msg = format!("{} arg must be None or str", name);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        },
    };
    let r = match which {
        0 => so::strip(s, chars),
        1 => so::lstrip(s, chars),
        _ => so::rstrip(s, chars),
    };
    if r.len() == s.len() {
        return Ok(same_or_new(vm, &a[0], s));
    }
    Ok(vm.new_str(r))
}

fn m_strip(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    strip_common(vm, a, "strip", 0)
}

fn m_lstrip(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    strip_common(vm, a, "lstrip", 1)
}

fn m_rstrip(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    strip_common(vm, a, "rstrip", 2)
}

fn affix_common(vm: &mut Vm, a: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let s = this(vm, a, name)?;
    let qual = format!("str.{}", name);
    check_arity(vm, a.len() - 1, Arity::One, &qual, name)?;
    let prefix = format!("{}() argument ", name);
    let p = str_arg(vm, &a[1], &prefix)?;
    let r = if suffix { so::removesuffix(s, p) } else { so::removeprefix(s, p) };
    if r.len() == s.len() {
        return Ok(same_or_new(vm, &a[0], s));
    }
    Ok(vm.new_str(r))
}

fn m_removeprefix(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    affix_common(vm, a, "removeprefix", false)
}

fn m_removesuffix(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    affix_common(vm, a, "removesuffix", true)
}

// ------------------------------------------------------------ join

/// The items of an iterable for `join` (TypeError "can only join an iterable").
pub(crate) fn join_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if v.ty() == TP_LIST || v.ty() == TP_TUPLE {
        return vm.collect_iter(v);
    }
    match vm.iter(v) {
        Ok(it) => {
            vm.keep_alive(it);
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                vm.keep_alive(x);
                out.push(x);
            }
            Ok(out)
        }
        Err(e) => {
            if vm.exc_is(TP_TYPE_ERROR) {
                vm.exc = None;
                return Err(vm.new_error(TP_TYPE_ERROR, "can only join an iterable"));
            }
            Err(e)
        }
    }
}

fn m_join(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sep = this(vm, a, "join")?;
    check_arity(vm, a.len() - 1, Arity::One, "str.join", "join")?;
    // Fast path: a list or tuple of strs.
    let items = join_items(vm, &a[1])?;
    let mut total = 0usize;
    for (i, x) in items.iter().enumerate() {
        match x.as_str() {
            Some(t) => total = total.saturating_add(t.len()),
            None => {
                let msg = format!("sequence item {}: expected str instance, {} found", i, vm.type_name(x));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    if items.len() == 1 && items[0].ty() == TP_STR {
        return Ok(items[0]);
    }
    total = total.saturating_add(sep.len().saturating_mul(items.len().saturating_sub(1)));
    if total > strfmt::MAX_WIDTH {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    vm.check_alloc(total)?;
    let mut out = String::with_capacity(total);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(x.as_str().unwrap_or(""));
    }
    Ok(vm.new_string(out))
}

// ------------------------------------------------------------ encode / translate

fn m_encode(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = this(vm, a, "encode")?;
    let p = bind_kw(vm, "encode", &a[1..], kw, &["encoding", "errors"])?;
    let enc = match &p[0] {
        Some(v) => str_arg(vm, v, "encode() argument 'encoding' ")?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match &p[1] {
        Some(v) => str_arg(vm, v, "encode() argument 'errors' ")?.to_string(),
        None => "strict".to_string(),
    };
    let b = crate::objects::bytes::encode(vm, s, &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

fn m_translate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this(vm, a, "translate")?;
    check_arity(vm, a.len() - 1, Arity::One, "str.translate", "translate")?;
    let table = a[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::int(c as i64);
        let r = if let Some(d) = table.dict().filter(|_| table.ty() == TP_DICT) {
            let _ = d;
            match vm.dict_get(&table, &key)? {
                Some(v) => Some(v),
                None => None,
            }
        } else {
            match vm.getitem(&table, &key) {
                Ok(v) => Some(v),
                Err(e) => {
                    if vm.exc_is(TP_LOOKUP_ERROR) {
                        vm.exc = None;
                        None
                    } else {
                        return Err(e);
                    }
                }
            }
        };
        match r {
            None => out.push(c),
            Some(v) if v.is_none() => {}
            Some(v) => {
                if let Some(t) = v.as_str() {
                    out.push_str(t);
                } else if let Some(nm) = as_num(&v).filter(|_| v.ty() != TP_FLOAT) {
                    let cp = match nm {
                        Num::Small(i) => i,
                        _ => -1,
                    };
                    match u32::try_from(cp).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            if (0..0x110000).contains(&cp) {
                                // A surrogate: not representable.
                                out.push('\u{FFFD}');
                            } else {
                                return Err(vm.new_error(TP_VALUE_ERROR, "character mapping must be in range(0x110000)"));
                            }
                        }
                    }
                } else {
                    return Err(vm.new_error(TP_TYPE_ERROR, "character mapping must return integer, None or str"));
                }
            }
        }
        if out.len() > strfmt::MAX_WIDTH {
            return Err(vm.new_error(TP_MEMORY_ERROR, ""));
        }
    }
    Ok(vm.new_string(out))
}

fn m_maketrans(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_arity(vm, a.len(), Arity::Expected(1, 3), "", "maketrans")?;
    let d = vm.new_dict();
    vm.keep_alive(d);
    if a.len() == 1 {
        let items = match a[0].dict() {
            Some(dd) => dd.borrow().iter().map(|e| (e.key(), e.value())).collect::<Vec<_>>(),
            None => return Err(vm.new_error(TP_TYPE_ERROR, "if you give only one argument to maketrans it must be a dict")),
        };
        for (k, v) in items {
            let key = if let Some(ks) = k.as_str() {
                let mut it = ks.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::int(c as i64),
                    _ => return Err(vm.new_error(TP_VALUE_ERROR, "string keys in translate table must be of length 1")),
                }
            } else if as_num(&k).is_some() && k.ty() != TP_FLOAT {
                k
            } else {
                return Err(vm.new_error(TP_TYPE_ERROR, "keys in translate table must be strings or integers"));
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(d);
    }
    let x = match a[0].as_str() {
        Some(x) => x,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "first maketrans argument must be a string if there is a second argument")),
    };
    let y = str_arg(vm, &a[1], "maketrans() argument 2 ")?;
    if so::char_len(x) != so::char_len(y) {
        return Err(vm.new_error(TP_VALUE_ERROR, "the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        vm.dict_set(&d, Value::int(cx as i64), Value::int(cy as i64))?;
    }
    if let Some(zv) = a.get(2) {
        let z = str_arg(vm, zv, "maketrans() argument 3 ")?;
        for c in z.chars() {
            vm.dict_set(&d, Value::int(c as i64), Value::NONE)?;
        }
    }
    Ok(d)
}

// ------------------------------------------------------------ str.format

/// Where named fields come from.
enum Named<'a> {
    Kw(&'a [(Name, Value)]),
    Map(Value),
}

struct FmtState<'a> {
    /// Positional arguments; None for `format_map`.
    args: Option<&'a [Value]>,
    named: Named<'a>,
    /// 0: not decided, 1: automatic numbering, 2: manual.
    auto_state: u8,
    auto_next: usize,
}

/// CPython's `get_integer`: -1 when `s` is not all decimal digits (or empty).
fn field_integer(vm: &mut Vm, s: &str) -> PyResult<i64> {
    if s.is_empty() {
        return Ok(-1);
    }
    let mut acc: i64 = 0;
    for c in s.chars() {
        let d = match strfmt::decimal_value(c) {
            Some(d) => d as i64,
            None => return Ok(-1),
        };
        if acc > (i64::MAX - d) / 10 {
            return Err(vm.new_error(TP_VALUE_ERROR, "Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(acc)
}

fn fmt_value_error(vm: &mut Vm, msg: &str) -> Raised {
    vm.new_error(TP_VALUE_ERROR, msg)
}

/// Resolve a field name (`0`, `name`, `0.attr[key]`, empty = automatic).
fn get_field_object(vm: &mut Vm, st: &mut FmtState, field: &str) -> PyResult<Value> {
    let b = field.as_bytes();
    let first_end = b.iter().position(|&c| c == b'.' || c == b'[').unwrap_or(b.len());
    let first = &field[..first_end];
    let mut idx = field_integer(vm, first)?;
    let empty = first.is_empty();
    let numeric = empty || idx != -1;
    if st.auto_state == 0 && numeric {
        st.auto_state = if empty { 1 } else { 2 };
    }
    if numeric {
        if st.auto_state == 2 && empty {
            return Err(fmt_value_error(vm, "cannot switch from manual field specification to automatic field numbering"));
        }
        if st.auto_state == 1 && !empty {
            return Err(fmt_value_error(vm, "cannot switch from automatic field numbering to manual field specification"));
        }
    }
    if empty {
        idx = st.auto_next as i64;
        st.auto_next += 1;
    }
    let mut obj = if idx == -1 {
        match &st.named {
            Named::Kw(kw) => match kw.iter().find(|(k, _)| k.as_str() == first) {
                Some((_, v)) => *v,
                None => {
                    let key = vm.new_str(first);
                    return Err(vm.key_error(key));
                }
            },
            Named::Map(m) => {
                let m = *m;
                let key = vm.new_str(first);
                vm.keep_alive(key);
                vm.getitem(&m, &key)?
            }
        }
    } else {
        match st.args {
            None => return Err(fmt_value_error(vm, "Format string contains positional fields")),
            Some(args) => match args.get(idx as usize) {
                Some(v) => *v,
                None => {
                    let msg = format!("Replacement index {} out of range for positional args tuple", idx);
                    return Err(vm.new_error(TP_INDEX_ERROR, msg));
                }
            },
        }
    };
    vm.keep_alive(obj);
    // The rest: `.attr` and `[key]` parts.
    let mut i = first_end;
    while i < b.len() {
        let c = b[i];
        i += 1;
        match c {
            b'.' => {
                let start = i;
                while i < b.len() && b[i] != b'.' && b[i] != b'[' {
                    i += 1;
                }
                let name = &field[start..i];
                if name.is_empty() {
                    return Err(fmt_value_error(vm, "Empty attribute in format string"));
                }
                obj = vm.getattr(&obj, Name::new(name))?;
            }
            b'[' => {
                let start = i;
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
                if i >= b.len() {
                    return Err(fmt_value_error(vm, "Missing ']' in format string"));
                }
                let name = &field[start..i];
                i += 1;
                if name.is_empty() {
                    return Err(fmt_value_error(vm, "Empty attribute in format string"));
                }
                let k = field_integer(vm, name)?;
                let key = if k == -1 { vm.new_str(name) } else { Value::int(k) };
                vm.keep_alive(key);
                obj = vm.getitem(&obj, &key)?;
            }
            _ => return Err(fmt_value_error(vm, "Only '.' or '[' may follow ']' in format field specifier")),
        }
        vm.keep_alive(obj);
    }
    Ok(obj)
}

/// CPython's `build_string`: expand `fmt` into `out`.
fn build_string(vm: &mut Vm, st: &mut FmtState, fmt: &str, depth: i32, out: &mut String) -> PyResult<()> {
    if depth <= 0 {
        return Err(fmt_value_error(vm, "Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let len = b.len();
    let mut i = 0usize;
    while i < len {
        // Literal text up to the next brace.
        let start = i;
        let mut c = 0u8;
        let mut markup = false;
        while i < len {
            c = b[i];
            i += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        if !markup {
            out.push_str(&fmt[start..i]);
            break;
        }
        let at_end = i >= len;
        if c == b'}' && (at_end || b[i] != b'}') {
            return Err(fmt_value_error(vm, "Single '}' encountered in format string"));
        }
        if at_end && c == b'{' {
            return Err(fmt_value_error(vm, "Single '{' encountered in format string"));
        }
        if b[i] == c {
            // An escaped brace: literal text including one brace.
            out.push_str(&fmt[start..i]);
            i += 1;
            continue;
        }
        out.push_str(&fmt[start..i - 1]);
        // A replacement field: parse_field.
        let fstart = i;
        let mut c = 0u8;
        while i < len {
            c = b[i];
            i += 1;
            match c {
                b'{' => return Err(fmt_value_error(vm, "unexpected '{' in field name")),
                b'[' => {
                    while i < len && b[i] != b']' {
                        i += 1;
                    }
                    continue;
                }
                b'}' | b':' | b'!' => break,
                _ => continue,
            }
        }
        let terminated = matches!(c, b'}' | b':' | b'!');
        let field_name = if terminated { &fmt[fstart..i - 1] } else { "" };
        let mut conversion: Option<char> = None;
        let mut spec: &str = "";
        let mut needs_expanding = false;
        if c == b'!' || c == b':' {
            let mut parse_spec = true;
            if c == b'!' {
                let ch = match fmt[i..].chars().next() {
                    Some(ch) => ch,
                    None => return Err(fmt_value_error(vm, "end of string while looking for conversion specifier")),
                };
                i += ch.len_utf8();
                conversion = Some(ch);
                if i < len {
                    let c2 = b[i];
                    i += 1;
                    if c2 == b'}' {
                        parse_spec = false;
                    } else if c2 != b':' {
                        return Err(fmt_value_error(vm, "expected ':' after conversion specifier"));
                    }
                }
            }
            if parse_spec {
                let sstart = i;
                let mut count = 1;
                let mut done = false;
                while i < len {
                    let ch = b[i];
                    i += 1;
                    if ch == b'{' {
                        needs_expanding = true;
                        count += 1;
                    } else if ch == b'}' {
                        count -= 1;
                        if count == 0 {
                            spec = &fmt[sstart..i - 1];
                            done = true;
                            break;
                        }
                    }
                }
                if !done {
                    return Err(fmt_value_error(vm, "unmatched '{' in format spec"));
                }
            }
        } else if c != b'}' {
            return Err(fmt_value_error(vm, "expected '}' before end of string"));
        }
        // Render the field.
        let obj = get_field_object(vm, st, field_name)?;
        let converted: Option<String> = match conversion {
            None => None,
            Some('r') => Some(vm.repr(&obj)?),
            Some('s') => Some(vm.str_of(&obj)?),
            Some('a') => {
                let r = vm.repr(&obj)?;
                Some(crate::objects::str_ascii(&r))
            }
            Some(ch) => {
                let msg = if (ch as u32) > 32 && (ch as u32) < 127 {
                    format!("Unknown conversion specifier {}", ch)
                } else {
                    format!("Unknown conversion specifier \\x{:x}", ch as u32)
                };
                return Err(vm.new_error(TP_VALUE_ERROR, msg));
            }
        };
        let spec_owned;
        let spec = if needs_expanding {
            let mut s2 = String::new();
            build_string(vm, st, spec, depth - 1, &mut s2)?;
            spec_owned = s2;
            spec_owned.as_str()
        } else {
            spec
        };
        match converted {
            Some(text) => {
                let r = strfmt::fmt_str(&text, spec).map_err(|e| fmt_err(vm, e))?;
                out.push_str(&r);
            }
            None => {
                if spec.is_empty() && obj.ty() == TP_STR {
                    out.push_str(obj.as_str().unwrap_or(""));
                } else {
                    let r = vm.format_value(&obj, spec)?;
                    out.push_str(r.as_str().unwrap_or(""));
                }
            }
        }
        if out.len() > strfmt::MAX_WIDTH {
            return Err(vm.new_error(TP_MEMORY_ERROR, ""));
        }
    }
    Ok(())
}

/// `fmt.format(*args, **kw)` as a Rust string.
pub fn format_str(vm: &mut Vm, fmt: &str, args: &[Value], kw: &[(Name, Value)]) -> PyResult<String> {
    let mut st = FmtState { args: Some(args), named: Named::Kw(kw), auto_state: 0, auto_next: 0 };
    let mut out = String::with_capacity(fmt.len() + 16);
    build_string(vm, &mut st, fmt, 2, &mut out)?;
    Ok(out)
}

fn m_format(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let s = this(vm, a, "format")?;
    let r = format_str(vm, s, &a[1..], kw)?;
    Ok(vm.new_string(r))
}

fn m_format_map(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this(vm, a, "format_map")?;
    check_arity(vm, a.len() - 1, Arity::One, "str.format_map", "format_map")?;
    let mut st = FmtState { args: None, named: Named::Map(a[1]), auto_state: 0, auto_next: 0 };
    let mut out = String::with_capacity(s.len() + 16);
    build_string(vm, &mut st, s, 2, &mut out)?;
    Ok(vm.new_string(out))
}

// ------------------------------------------------------------ dunders

/// Another operand's type defines a Python-level reflected method: let it try.
fn other_has_py_reflected(vm: &mut Vm, other: &Value, name: Name) -> bool {
    matches!(vm.find_in_type(other.ty(), name), Some(f) if f.ty() == TP_FUNCTION)
}

fn d_add(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this_d(vm, a, "__add__")?;
    dunder_argc(vm, a, 1, "__add__")?;
    match a[1].as_str() {
        Some(t) => {
            if t.is_empty() && a[0].ty() == TP_STR {
                return Ok(a[0]);
            }
            if s.is_empty() && a[1].ty() == TP_STR {
                return Ok(a[1]);
            }
            if s.len().saturating_add(t.len()) > strfmt::MAX_WIDTH {
                return Err(vm.new_error(TP_MEMORY_ERROR, ""));
            }
            vm.check_alloc(s.len() + t.len())?;
            let mut r = String::with_capacity(s.len() + t.len());
            r.push_str(s);
            r.push_str(t);
            Ok(vm.new_string(r))
        }
        None => {
            if other_has_py_reflected(vm, &a[1], n::__radd__) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            let msg = format!("can only concatenate str (not \"{}\") to str", vm.type_name(&a[1]));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// `s * k` for a str: the repeat count is already validated as an index.
fn repeat_str(vm: &mut Vm, selfv: &Value, s: &str, k: i64) -> PyResult<Value> {
    if k <= 0 || s.is_empty() {
        return Ok(vm.new_str(""));
    }
    if k == 1 {
        return Ok(same_or_new(vm, selfv, s));
    }
    let total = match (s.len() as u64).checked_mul(k as u64) {
        Some(t) if t <= i64::MAX as u64 => t,
        _ => return Err(vm.new_error(TP_OVERFLOW_ERROR, "repeated string is too long")),
    };
    if total > strfmt::MAX_WIDTH as u64 {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    vm.check_alloc(total as usize)?;
    let r = s.repeat(k as usize);
    Ok(vm.new_string(r))
}

fn is_index_like(vm: &mut Vm, v: &Value) -> bool {
    (as_num(v).is_some() && v.ty() != TP_FLOAT) || (v.ty() != TP_FLOAT && vm.find_in_type(v.ty(), n::__index__).is_some())
}

fn mul_common(vm: &mut Vm, a: &[Value], name: &str, rname: Name) -> PyResult<Value> {
    let s = this_d(vm, a, name)?;
    dunder_argc(vm, a, 1, name)?;
    if !is_index_like(vm, &a[1]) {
        if other_has_py_reflected(vm, &a[1], rname) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&a[1]));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let k = match ssize_arg(vm, &a[1]) {
        Ok(k) => k,
        Err(e) => {
            if vm.exc_is(TP_OVERFLOW_ERROR) {
                vm.exc = None;
                let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_name(&a[1]));
                return Err(vm.new_error(TP_OVERFLOW_ERROR, msg));
            }
            return Err(e);
        }
    };
    let selfv = a[0];
    repeat_str(vm, &selfv, s, k)
}

fn d_mul(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    mul_common(vm, a, "__mul__", n::__rmul__)
}

fn d_rmul(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    mul_common(vm, a, "__rmul__", n::__mul__)
}

fn d_mod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this_d(vm, a, "__mod__")?;
    dunder_argc(vm, a, 1, "__mod__")?;
    let r = crate::objects::format::percent_format(vm, s, &a[1])?;
    Ok(vm.new_string(r))
}

fn d_rmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    this_d(vm, a, "__rmod__")?;
    dunder_argc(vm, a, 1, "__rmod__")?;
    match a[1].as_str() {
        Some(f) => {
            let r = crate::objects::format::percent_format(vm, f, &a[0])?;
            Ok(vm.new_string(r))
        }
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn d_contains(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this_d(vm, a, "__contains__")?;
    dunder_argc(vm, a, 1, "__contains__")?;
    match a[1].as_str() {
        Some(t) => Ok(Value::bool(s.contains(t))),
        None => {
            let msg = format!("'in <string>' requires string as left operand, not {}", vm.type_name(&a[1]));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

fn d_len(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    this_d(vm, a, "__len__")?;
    dunder_argc(vm, a, 0, "__len__")?;
    Ok(Value::int(a[0].pystr().map(|p| p.char_len()).unwrap_or(0) as i64))
}

fn d_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this_d(vm, a, "__getitem__")?;
    dunder_argc(vm, a, 1, "__getitem__")?;
    let key = a[1];
    if key.ty() != TP_SLICE && !is_index_like(vm, &key) {
        let msg = format!("string indices must be integers, not '{}'", vm.type_name(&key));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let exact = if a[0].ty() == TP_STR {
        a[0]
    } else {
        let v = vm.new_str(s);
        vm.keep_alive(v);
        v
    };
    match crate::objects::builtin_getitem(vm, &exact, &key)? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(TP_TYPE_ERROR, "string indices must be integers")),
    }
}

fn d_iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    this_d(vm, a, "__iter__")?;
    dunder_argc(vm, a, 0, "__iter__")?;
    Ok(vm.heap.alloc(TP_STR_ITERATOR, ObjData::Iter(RefCell::new(IterState::Str { s: a[0], pos: 0 })), None))
}

fn cmp_common(vm: &mut Vm, a: &[Value], name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let s = this_d(vm, a, name)?;
    dunder_argc(vm, a, 1, name)?;
    match a[1].as_str() {
        Some(t) => Ok(Value::bool(f(s.cmp(t)))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn d_eq(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common(vm, a, "__eq__", |o| o.is_eq())
}

fn d_ne(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common(vm, a, "__ne__", |o| o.is_ne())
}

fn d_lt(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common(vm, a, "__lt__", |o| o.is_lt())
}

fn d_le(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common(vm, a, "__le__", |o| o.is_le())
}

fn d_gt(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common(vm, a, "__gt__", |o| o.is_gt())
}

fn d_ge(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    cmp_common(vm, a, "__ge__", |o| o.is_ge())
}

fn d_hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    this_d(vm, a, "__hash__")?;
    dunder_argc(vm, a, 0, "__hash__")?;
    Ok(Value::int(a[0].pystr().map(|p| p.hash()).unwrap_or(0)))
}

fn d_str(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this_d(vm, a, "__str__")?;
    dunder_argc(vm, a, 0, "__str__")?;
    Ok(same_or_new(vm, &a[0], s))
}

fn d_repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this_d(vm, a, "__repr__")?;
    dunder_argc(vm, a, 0, "__repr__")?;
    let r = strfmt::repr_str(s);
    Ok(vm.new_string(r))
}

fn d_format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this(vm, a, "__format__")?;
    check_arity(vm, a.len() - 1, Arity::One, "str.__format__", "__format__")?;
    let spec = str_arg(vm, &a[1], "__format__() argument ")?;
    if spec.is_empty() {
        return Ok(same_or_new(vm, &a[0], s));
    }
    let r = strfmt::fmt_str(s, spec).map_err(|e| fmt_err(vm, e))?;
    Ok(vm.new_string(r))
}

fn d_getnewargs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = this(vm, a, "__getnewargs__")?;
    check_arity(vm, a.len() - 1, Arity::NoArgs, "str.__getnewargs__", "__getnewargs__")?;
    let v = vm.new_str(s);
    Ok(vm.new_tuple(vec![v]))
}

/// Bind the type's constructor and methods.
pub fn register(vm: &mut Vm) {
    let t = TP_STR;
    {
        let f = vm.new_native_kw("__new__", str_new);
        let s = vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(f), None);
        vm.set_type_attr(t, "__new__", s);
    }
    let pos: &[(&str, crate::objects::function::NativeFn)] = &[
        ("upper", m_upper),
        ("lower", m_lower),
        ("title", m_title),
        ("capitalize", m_capitalize),
        ("swapcase", m_swapcase),
        ("casefold", m_casefold),
        ("isalnum", m_isalnum),
        ("isalpha", m_isalpha),
        ("isascii", m_isascii),
        ("isdecimal", m_isdecimal),
        ("isdigit", m_isdigit),
        ("isidentifier", m_isidentifier),
        ("islower", m_islower),
        ("isnumeric", m_isnumeric),
        ("isprintable", m_isprintable),
        ("isspace", m_isspace),
        ("istitle", m_istitle),
        ("isupper", m_isupper),
        ("center", m_center),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("zfill", m_zfill),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("replace", m_replace),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("join", m_join),
        ("translate", m_translate),
        ("format_map", m_format_map),
        ("__add__", d_add),
        ("__mul__", d_mul),
        ("__rmul__", d_rmul),
        ("__mod__", d_mod),
        ("__rmod__", d_rmod),
        ("__contains__", d_contains),
        ("__len__", d_len),
        ("__getitem__", d_getitem),
        ("__iter__", d_iter),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__lt__", d_lt),
        ("__le__", d_le),
        ("__gt__", d_gt),
        ("__ge__", d_ge),
        ("__hash__", d_hash),
        ("__str__", d_str),
        ("__repr__", d_repr),
        ("__format__", d_format),
        ("__getnewargs__", d_getnewargs),
    ];
    for (name, f) in pos {
        vm.bind_method(t, name, -1, *f);
    }
    let kw: &[(&str, crate::objects::function::NativeFnKw)] = &[
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("expandtabs", m_expandtabs),
        ("encode", m_encode),
        ("format", m_format),
    ];
    for (name, f) in kw {
        vm.bind_method_kw(t, name, *f);
    }
    vm.bind_static(t, "maketrans", -1, m_maketrans);
}
