//! The `json` module (created on first import): a hand-written encoder and
//! decoder with CPython's output format and error messages.
//!
//! The encoder follows `json.encoder` (separators, indent as int or str,
//! `sort_keys`, `ensure_ascii`, `default`, `skipkeys`, `allow_nan`, circular
//! reference detection). The decoder works on the UTF-8 bytes of the input
//! and reports positions in characters, as CPython does; nesting is bounded
//! by the recursion limit (RecursionError, never a native stack overflow).
//!
//! Known difference: a lone surrogate escape (`"\ud800"`) decodes to U+FFFD,
//! because our str cannot hold unpaired surrogates.
//!
//! Rust callers (the C API's `py_json_dumps` / `py_json_loads`) use
//! [`dumps_value`] and [`loads_str`].

use num_traits::ToPrimitive;

use crate::objects::int::to_bigint;
use crate::objects::strfmt::float_repr;
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("json".into(), make);
}

/// `json.JSONDecodeError` (a ValueError subclass), created on first use.
pub fn decode_error_type(vm: &mut Vm) -> TypeId {
    if let Some(&t) = vm.native_types.get("json.JSONDecodeError") {
        return t;
    }
    let t = vm.new_builtin_type("JSONDecodeError", TP_VALUE_ERROR, "json");
    vm.native_types.insert("json.JSONDecodeError", t);
    t
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("json");
    let t = decode_error_type(vm);
    let tobj = vm.types[t as usize].obj;
    vm.module_set(&m, "JSONDecodeError", tobj);
    vm.module_fn_kw(&m, "dumps", py_dumps);
    vm.module_fn_kw(&m, "dump", py_dump);
    vm.module_fn_kw(&m, "loads", py_loads);
    vm.module_fn_kw(&m, "load", py_load);
    Ok(m)
}

// ====================================================================== arguments

/// Bind `a` (at most `npos` positional) and keywords to `names`.
fn parse_args(vm: &mut Vm, fname: &str, a: &[Value], kw: &[(Name, Value)], names: &[&str], npos: usize, required: usize) -> PyResult<Vec<Option<Value>>> {
    if a.len() > npos {
        let msg = format!("{}() takes {} positional argument{} but {} were given", fname, npos, if npos == 1 { "" } else { "s" }, a.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let mut out: Vec<Option<Value>> = a.iter().map(|v| Some(*v)).collect();
    out.resize(names.len(), None);
    for (k, v) in kw {
        let ks = k.as_str();
        match names.iter().position(|x| *x == ks) {
            Some(i) if out[i].is_none() => out[i] = Some(*v),
            Some(_) => {
                let msg = format!("{}() got multiple values for argument '{}'", fname, ks);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
            None => {
                let msg = format!("{}() got an unexpected keyword argument '{}'", fname, ks);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            let msg = format!("{}() missing 1 required positional argument: '{}'", fname, names[i]);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    Ok(out)
}

const DUMP_NAMES: &[&str] = &[
    "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys",
];

/// Encoder options.
pub struct EncodeOptions {
    pub indent: Option<String>,
    pub item_sep: String,
    pub key_sep: String,
    pub sort_keys: bool,
    pub ensure_ascii: bool,
    pub skipkeys: bool,
    pub allow_nan: bool,
    pub check_circular: bool,
    pub default: Option<Value>,
}

impl EncodeOptions {
    pub fn new(indent: Option<String>) -> EncodeOptions {
        let item_sep = if indent.is_some() { "," } else { ", " };
        EncodeOptions {
            indent,
            item_sep: item_sep.into(),
            key_sep: ": ".into(),
            sort_keys: false,
            ensure_ascii: true,
            skipkeys: false,
            allow_nan: true,
            check_circular: true,
            default: None,
        }
    }
}

/// Options from the keyword arguments of `dumps` / `dump` (`p` follows DUMP_NAMES).
fn options_from(vm: &mut Vm, p: &[Option<Value>]) -> PyResult<EncodeOptions> {
    let flag = |vm: &mut Vm, v: Option<Value>, d: bool| -> PyResult<bool> {
        match v {
            Some(v) => vm.truthy(&v),
            None => Ok(d),
        }
    };
    let indent = match p[5] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            if let Some(s) = v.as_str() {
                Some(s.to_string())
            } else if v.ty() == TP_INT || v.ty() == TP_BOOL || vm.isinstance(&v, TP_INT) {
                let k = crate::objects::int::index_i64(vm, &v)?;
                Some(" ".repeat(k.clamp(0, 1 << 20) as usize))
            } else {
                let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&v));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    };
    let mut o = EncodeOptions::new(indent);
    o.skipkeys = flag(vm, p[0], false)?;
    o.ensure_ascii = flag(vm, p[1], true)?;
    o.check_circular = flag(vm, p[2], true)?;
    o.allow_nan = flag(vm, p[3], true)?;
    o.sort_keys = flag(vm, p[8], false)?;
    if let Some(sep) = p[6] {
        if !sep.is_none() {
            let items = vm.collect_iter(&sep)?;
            if items.len() != 2 {
                let msg = format!("expected 2 separators, got {}", items.len());
                return Err(vm.new_error(TP_VALUE_ERROR, msg));
            }
            match (items[0].as_str(), items[1].as_str()) {
                (Some(a), Some(b)) => {
                    o.item_sep = a.to_string();
                    o.key_sep = b.to_string();
                }
                _ => return Err(vm.new_error(TP_TYPE_ERROR, "separators must be a pair of str")),
            }
        }
    }
    if let Some(d) = p[7] {
        if !d.is_none() {
            o.default = Some(d);
        }
    }
    Ok(o)
}

/// `dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
/// allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False)`
fn py_dumps(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let mut names = vec!["obj"];
    names.extend_from_slice(DUMP_NAMES);
    let p = parse_args(vm, "dumps", a, kw, &names, 1, 1)?;
    let opts = options_from(vm, &p[1..])?;
    let s = encode(vm, p[0].unwrap_or(Value::NONE), &opts)?;
    Ok(vm.new_string(s))
}

/// `dump(obj, fp, **kw)`: `fp.write(dumps(obj, **kw))`.
fn py_dump(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let mut names = vec!["obj", "fp"];
    names.extend_from_slice(DUMP_NAMES);
    let p = parse_args(vm, "dump", a, kw, &names, 2, 2)?;
    let opts = options_from(vm, &p[2..])?;
    let s = encode(vm, p[0].unwrap_or(Value::NONE), &opts)?;
    let sv = vm.new_string(s);
    vm.keep_alive(sv);
    let fp = p[1].unwrap_or(Value::NONE);
    vm.call_method(&fp, n::write, &[sv])?;
    Ok(Value::NONE)
}

const LOAD_NAMES: &[&str] = &["cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"];

/// The decoder hooks of `loads` / `load` (`p` follows LOAD_NAMES).
fn load_hooks(vm: &mut Vm, p: &[Option<Value>]) -> PyResult<Hooks> {
    let get = |i: usize| p[i].filter(|v| !v.is_none());
    if get(0).is_some() {
        return Err(vm.new_error(TP_NOT_IMPLEMENTED_ERROR, "json.loads(): the 'cls' argument is not supported"));
    }
    Ok(Hooks { object_hook: get(1), parse_float: get(2), parse_int: get(3), parse_constant: get(4), object_pairs_hook: get(5) })
}

/// `loads(s, **kw)`: s is str, bytes or bytearray.
fn py_loads(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let mut names = vec!["s"];
    names.extend_from_slice(LOAD_NAMES);
    let p = parse_args(vm, "loads", a, kw, &names, 1, 1)?;
    let hooks = load_hooks(vm, &p[1..])?;
    loads_value(vm, &p[0].unwrap_or(Value::NONE), &hooks)
}

/// `load(fp, **kw)`: `loads(fp.read())`.
fn py_load(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let mut names = vec!["fp"];
    names.extend_from_slice(LOAD_NAMES);
    let p = parse_args(vm, "load", a, kw, &names, 1, 1)?;
    let hooks = load_hooks(vm, &p[1..])?;
    let fp = p[0].unwrap_or(Value::NONE);
    let data = vm.call_method(&fp, n::read, &[])?;
    vm.keep_alive(data);
    loads_value(vm, &data, &hooks)
}

fn loads_value(vm: &mut Vm, v: &Value, hooks: &Hooks) -> PyResult<Value> {
    if let Some(s) = v.as_str() {
        let s = s.to_string();
        return loads_with(vm, &s, hooks);
    }
    if v.ty() == TP_BYTES || v.ty() == TP_BYTEARRAY || vm.isinstance(v, TP_BYTES) {
        let b = crate::objects::bytes::bytes_data(v).map(|b| b.into_owned()).unwrap_or_default();
        let text = decode_bytes(vm, &b)?;
        return loads_with(vm, &text, hooks);
    }
    let msg = format!("the JSON object must be str, bytes or bytearray, not {}", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

/// `json.detect_encoding` + decode: UTF-8 (BOM allowed), UTF-16 and UTF-32.
fn decode_bytes(vm: &mut Vm, b: &[u8]) -> PyResult<String> {
    let enc = if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return crate::objects::bytes::decode(vm, &b[3..], "utf-8", "strict");
    } else if b.starts_with(&[0xFF, 0xFE, 0, 0]) || b.starts_with(&[0, 0, 0xFE, 0xFF]) {
        "utf-32"
    } else if b.starts_with(&[0xFF, 0xFE]) || b.starts_with(&[0xFE, 0xFF]) {
        "utf-16"
    } else if b.len() >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 {
        "utf-32-be"
    } else if b.len() >= 4 && b[1] == 0 && b[2] == 0 && b[3] == 0 {
        "utf-32-le"
    } else if b.len() >= 2 && b[0] == 0 {
        "utf-16-be"
    } else if b.len() >= 2 && b[1] == 0 {
        "utf-16-le"
    } else {
        "utf-8"
    };
    if enc == "utf-8" {
        return crate::objects::bytes::decode(vm, b, "utf-8", "strict");
    }
    // UTF-16/32 by hand (the str codecs may not know them).
    let unit = if enc.starts_with("utf-32") { 4 } else { 2 };
    let (mut data, mut big) = (b, enc.ends_with("be"));
    if enc == "utf-32" || enc == "utf-16" {
        big = data[0] != 0xFF;
        data = &data[unit..];
    }
    let mut units = Vec::new();
    for c in data.chunks(unit) {
        if c.len() < unit {
            return Err(vm.new_error(TP_UNICODE_DECODE_ERROR, format!("'{}' codec can't decode bytes: truncated data", enc)));
        }
        let mut x: u32 = 0;
        for i in 0..unit {
            let byte = if big { c[i] } else { c[unit - 1 - i] };
            x = (x << 8) | byte as u32;
        }
        units.push(x);
    }
    let mut out = String::new();
    if unit == 4 {
        for u in units {
            match char::from_u32(u) {
                Some(ch) => out.push(ch),
                None => return Err(vm.new_error(TP_UNICODE_DECODE_ERROR, format!("'{}' codec can't decode bytes: code point not in range", enc))),
            }
        }
    } else {
        let u16s: Vec<u16> = units.into_iter().map(|u| u as u16).collect();
        match String::from_utf16(&u16s) {
            Ok(s) => out = s,
            Err(_) => return Err(vm.new_error(TP_UNICODE_DECODE_ERROR, format!("'{}' codec can't decode bytes: illegal UTF-16 surrogate", enc))),
        }
    }
    Ok(out)
}

// ====================================================================== encoder

/// Serialize `v` like `json.dumps(v, indent=indent)` (for the C API).
pub fn dumps_value(vm: &mut Vm, v: Value, indent: Option<usize>) -> PyResult<String> {
    let opts = EncodeOptions::new(indent.map(|k| " ".repeat(k)));
    encode(vm, v, &opts)
}

/// Serialize `v` with `opts`.
pub fn encode(vm: &mut Vm, v: Value, opts: &EncodeOptions) -> PyResult<String> {
    let base = vm.temp_roots.len();
    vm.keep_alive(v);
    let mut e = Encoder { opts, out: String::new(), markers: Vec::new(), depth: 0, stack_base: stack_addr() };
    let r = e.encode(vm, v);
    vm.temp_roots.truncate(base.min(vm.temp_roots.len()));
    r.map(|_| e.out)
}

struct Encoder<'a> {
    opts: &'a EncodeOptions,
    out: String,
    /// Ids of the containers being encoded (circular reference detection).
    markers: Vec<i64>,
    depth: usize,
    stack_base: usize,
}

/// Append `s` as a JSON string literal.
pub fn encode_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder<'_> {
    fn float_str(&self, vm: &mut Vm, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.opts.allow_nan {
            return Err(vm.new_error(TP_VALUE_ERROR, "Out of range float values are not JSON compliant"));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn newline(&mut self) {
        if let Some(ind) = &self.opts.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        if self.opts.check_circular {
            let id = v.id();
            if self.markers.contains(&id) {
                return Err(vm.new_error(TP_VALUE_ERROR, "Circular reference detected"));
            }
            self.markers.push(id);
        }
        self.depth += 1;
        if self.depth > max_depth(vm) || self.stack_base.abs_diff(stack_addr()) > STACK_BUDGET {
            return Err(vm.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded while encoding a JSON object"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.opts.check_circular {
            self.markers.pop();
        }
        self.depth -= 1;
    }

    /// The JSON text of a dict key, or None to skip it.
    fn key_str(&self, vm: &mut Vm, k: &Value) -> PyResult<Option<String>> {
        if let Some(s) = k.as_str() {
            return Ok(Some(s.to_string()));
        }
        if k.ty() == TP_BOOL {
            return Ok(Some(if k.as_bool_raw() { "true" } else { "false" }.into()));
        }
        if k.is_none() {
            return Ok(Some("null".into()));
        }
        if vm.isinstance(k, TP_FLOAT) {
            let f = crate::objects::float::to_float(vm, k)?;
            return self.float_str(vm, f).map(Some);
        }
        if vm.isinstance(k, TP_INT) {
            return Ok(Some(to_bigint(k).map(|b| b.to_string()).unwrap_or_default()));
        }
        if self.opts.skipkeys {
            return Ok(None);
        }
        let msg = format!("keys must be str, int, float, bool or None, not {}", vm.type_name(k));
        Err(vm.new_error(TP_TYPE_ERROR, msg))
    }

    fn encode(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        if let Some(s) = v.as_str() {
            encode_str(&mut self.out, s, self.opts.ensure_ascii);
            return Ok(());
        }
        match v.ty() {
            TP_NONE_TYPE => {
                self.out.push_str("null");
                return Ok(());
            }
            TP_BOOL => {
                self.out.push_str(if v.as_bool_raw() { "true" } else { "false" });
                return Ok(());
            }
            TP_INT if !v.is_ptr() => {
                self.out.push_str(&v.as_i64().to_string());
                return Ok(());
            }
            TP_FLOAT if !v.is_ptr() => {
                let s = self.float_str(vm, v.as_f64())?;
                self.out.push_str(&s);
                return Ok(());
            }
            _ => {}
        }
        if vm.isinstance(&v, TP_INT) {
            let s = to_bigint(&v).map(|b| b.to_string()).unwrap_or_default();
            self.out.push_str(&s);
            return Ok(());
        }
        if vm.isinstance(&v, TP_FLOAT) {
            let f = crate::objects::float::to_float(vm, &v)?;
            let s = self.float_str(vm, f)?;
            self.out.push_str(&s);
            return Ok(());
        }
        if let Some(items) = v.list().map(|l| l.borrow().clone()).or_else(|| v.tuple().map(|t| t.to_vec())) {
            if items.is_empty() {
                self.out.push_str("[]");
                return Ok(());
            }
            self.enter(vm, &v)?;
            self.out.push('[');
            self.newline();
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    self.out.push_str(&self.opts.item_sep);
                    self.newline();
                }
                self.encode(vm, *it)?;
            }
            self.leave();
            self.newline();
            self.out.push(']');
            return Ok(());
        }
        if let Some(d) = v.dict() {
            let mut items: Vec<(Value, Value)> = d.borrow().iter().map(|e| (e.key(), e.value())).collect();
            if items.is_empty() {
                self.out.push_str("{}");
                return Ok(());
            }
            self.enter(vm, &v)?;
            if self.opts.sort_keys {
                sort_items(vm, &mut items)?;
            }
            self.out.push('{');
            self.newline();
            let mut first = true;
            for (k, val) in items {
                let ks = match self.key_str(vm, &k)? {
                    Some(s) => s,
                    None => continue,
                };
                if !first {
                    self.out.push_str(&self.opts.item_sep);
                    self.newline();
                }
                first = false;
                encode_str(&mut self.out, &ks, self.opts.ensure_ascii);
                self.out.push_str(&self.opts.key_sep);
                self.encode(vm, val)?;
            }
            self.leave();
            self.newline();
            self.out.push('}');
            return Ok(());
        }
        match self.opts.default {
            Some(f) => {
                self.enter(vm, &v)?;
                let r = vm.call(&f, &[v])?;
                vm.keep_alive(r);
                self.depth -= 1;
                let res = self.encode(vm, r);
                self.depth += 1;
                self.leave();
                res
            }
            None => {
                let msg = format!("Object of type {} is not JSON serializable", vm.type_name(&v));
                Err(vm.new_error(TP_TYPE_ERROR, msg))
            }
        }
    }
}

/// Sort dict items by key with Python's `<` (TypeError for unorderable keys).
fn sort_items(vm: &mut Vm, items: &mut [(Value, Value)]) -> PyResult<()> {
    let mut err: Option<Raised> = None;
    items.sort_by(|a, b| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let lt = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
            if let (Some(p), Some(q)) = (x.as_str(), y.as_str()) {
                return Ok(p < q);
            }
            let r = vm.compare(crate::compiler::bytecode::CompareOp::Lt, *x, *y)?;
            vm.truthy(&r)
        };
        match lt(vm, &a.0, &b.0) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match lt(vm, &b.0, &a.0) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Nesting bound of the encoder and decoder: the recursion limit, capped so
/// the native recursion stays well within a 2 MiB thread stack.
fn max_depth(vm: &Vm) -> usize {
    vm.recursion_limit.clamp(1, 3000)
}

/// Rust stack the encoder or decoder may use below its entry point: a second
/// bound beside `max_depth`, whatever the frame sizes of the build are.
const STACK_BUDGET: usize = 1 << 20;

fn stack_addr() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

// ====================================================================== decoder

/// The optional callables of `json.loads`.
#[derive(Default)]
struct Hooks {
    object_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
    object_pairs_hook: Option<Value>,
}

/// Parse JSON text into Python values (for the C API and `json.loads`).
/// The result is not rooted: keep it alive (e.g. `vm.keep_alive`) before
/// running Python code.
pub fn loads_str(vm: &mut Vm, s: &str) -> PyResult<Value> {
    loads_with(vm, s, &Hooks::default())
}

fn loads_with(vm: &mut Vm, s: &str, hooks: &Hooks) -> PyResult<Value> {
    if s.starts_with('\u{feff}') {
        return Err(decode_error(vm, "Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0));
    }
    let base = vm.temp_roots.len();
    let mut d = Decoder { s, b: s.as_bytes(), depth: 0, stack_base: stack_addr(), hooks, keys: std::collections::HashMap::new() };
    let r = (|| {
        let start = d.skip_ws(0);
        let (v, end) = d.value(vm, start)?;
        let end = d.skip_ws(end);
        if end != d.b.len() {
            return Err(decode_error(vm, "Extra data", s, end));
        }
        Ok(v)
    })();
    vm.temp_roots.truncate(base.min(vm.temp_roots.len()));
    r
}

/// Raise `JSONDecodeError(msg, doc, pos)`; `pos` is a byte offset into `doc`.
fn decode_error(vm: &mut Vm, msg: &str, doc: &str, byte_pos: usize) -> Raised {
    let before = &doc[..byte_pos.min(doc.len())];
    let pos = before.chars().count();
    let lineno = before.matches('\n').count() + 1;
    let colno = match before.rfind('\n') {
        Some(i) => before[i + 1..].chars().count() + 1,
        None => pos + 1,
    };
    let t = decode_error_type(vm);
    let full = format!("{}: line {} column {} (char {})", msg, lineno, colno, pos);
    let e = vm.new_exception_obj(t, &full);
    let mv = vm.new_str(msg);
    vm.attrs_set(&e, Name::new("msg"), mv);
    let dv = vm.new_str(doc);
    vm.attrs_set(&e, Name::new("doc"), dv);
    vm.attrs_set(&e, Name::new("pos"), Value::int(pos as i64));
    vm.attrs_set(&e, Name::new("lineno"), Value::int(lineno as i64));
    vm.attrs_set(&e, Name::new("colno"), Value::int(colno as i64));
    vm.raise(e)
}

struct Decoder<'a> {
    s: &'a str,
    b: &'a [u8],
    depth: usize,
    stack_base: usize,
    hooks: &'a Hooks,
    /// Object keys seen so far: repeated keys share one str (as CPython's
    /// decoder memo does), which saves most allocations on record lists.
    keys: std::collections::HashMap<String, Value>,
}

impl Decoder<'_> {
    /// Call a hook with one argument; the result stays rooted until the end.
    fn call_hook(&self, vm: &mut Vm, f: Value, arg: Value) -> PyResult<Value> {
        vm.keep_alive(arg);
        let r = vm.call(&f, &[arg])?;
        vm.keep_alive(r);
        Ok(r)
    }

    fn constant(&self, vm: &mut Vm, name: &str, v: f64, end: usize) -> PyResult<(Value, usize)> {
        match self.hooks.parse_constant {
            Some(f) => {
                let a = vm.new_str(name);
                Ok((self.call_hook(vm, f, a)?, end))
            }
            None => Ok((Value::float(v), end)),
        }
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && matches!(self.b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn err(&self, vm: &mut Vm, msg: &str, pos: usize) -> Raised {
        decode_error(vm, msg, self.s, pos)
    }

    /// Parse a value starting exactly at `i`; returns it and the end offset.
    fn value(&mut self, vm: &mut Vm, i: usize) -> PyResult<(Value, usize)> {
        let b = self.b;
        let Some(&c) = b.get(i) else {
            return Err(self.err(vm, "Expecting value", i));
        };
        match c {
            b'"' => {
                let (s, end) = self.string(vm, i + 1)?;
                Ok((vm.new_string(s), end))
            }
            b'{' => self.object(vm, i + 1),
            b'[' => self.array(vm, i + 1),
            b'n' if b[i..].starts_with(b"null") => Ok((Value::NONE, i + 4)),
            b't' if b[i..].starts_with(b"true") => Ok((Value::TRUE, i + 4)),
            b'f' if b[i..].starts_with(b"false") => Ok((Value::FALSE, i + 5)),
            b'N' if b[i..].starts_with(b"NaN") => self.constant(vm, "NaN", f64::NAN, i + 3),
            b'I' if b[i..].starts_with(b"Infinity") => self.constant(vm, "Infinity", f64::INFINITY, i + 8),
            b'-' if b[i..].starts_with(b"-Infinity") => self.constant(vm, "-Infinity", f64::NEG_INFINITY, i + 9),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(self.err(vm, "Expecting value", i)),
        }
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.b;
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        let int_start = i;
        if i < b.len() && b[i] == b'0' {
            i += 1;
        } else {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i == int_start {
            return Err(self.err(vm, "Expecting value", start));
        }
        let mut is_float = false;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            is_float = true;
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            let mut j = i + 1;
            if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                j += 1;
            }
            let ds = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j > ds {
                is_float = true;
                i = j;
            }
        }
        let text = &self.s[start..i];
        let hook = if is_float { self.hooks.parse_float } else { self.hooks.parse_int };
        if let Some(f) = hook {
            let a = vm.new_str(text);
            return Ok((self.call_hook(vm, f, a)?, i));
        }
        if is_float {
            let f: f64 = text.parse().unwrap_or(f64::NAN);
            return Ok((Value::float(f), i));
        }
        if let Ok(x) = text.parse::<i64>() {
            return Ok((Value::int(x), i));
        }
        if text.len() > 4300 {
            let msg = format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                text.trim_start_matches('-').len()
            );
            return Err(vm.new_error(TP_VALUE_ERROR, msg));
        }
        let big: num_bigint::BigInt = text.parse().unwrap_or_default();
        let v = match big.to_i64() {
            Some(x) => Value::int(x),
            None => vm.new_bigint(big),
        };
        Ok((v, i))
    }

    /// Parse a string body starting after the opening quote at `start - 1`.
    fn string(&mut self, vm: &mut Vm, start: usize) -> PyResult<(String, usize)> {
        let b = self.b;
        let mut out = String::new();
        let mut i = start;
        loop {
            // Copy a run of plain characters.
            let run = i;
            while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
                i += 1;
            }
            out.push_str(&self.s[run..i]);
            if i >= b.len() {
                return Err(self.err(vm, "Unterminated string starting at", start - 1));
            }
            match b[i] {
                b'"' => return Ok((out, i + 1)),
                b'\\' => {
                    let Some(&e) = b.get(i + 1) else {
                        return Err(self.err(vm, "Unterminated string starting at", start - 1));
                    };
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let u = self.hex4(vm, i + 2, i + 1)?;
                            i += 6;
                            if (0xD800..0xDC00).contains(&u) && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
                                let lo = self.hex4(vm, i + 2, i + 1)?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    let cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                                    i += 6;
                                    continue;
                                }
                            }
                            out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(self.err(vm, "Invalid \\escape", i)),
                    }
                    i += 2;
                }
                _ => return Err(self.err(vm, "Invalid control character at", i)),
            }
        }
    }

    /// Four hex digits at `i` (error reported at `upos`, the 'u').
    fn hex4(&self, vm: &mut Vm, i: usize, upos: usize) -> PyResult<u32> {
        let h = self.b.get(i..i + 4).filter(|h| h.iter().all(|c| c.is_ascii_hexdigit()));
        match h {
            Some(h) => Ok(u32::from_str_radix(std::str::from_utf8(h).unwrap_or("0"), 16).unwrap_or(0)),
            None => Err(self.err(vm, "Invalid \\uXXXX escape", upos)),
        }
    }

    fn enter(&mut self, vm: &mut Vm, what: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > max_depth(vm) || self.stack_base.abs_diff(stack_addr()) > STACK_BUDGET {
            let msg = format!("maximum recursion depth exceeded while decoding a JSON {} from a unicode string", what);
            return Err(vm.new_error(TP_RECURSION_ERROR, msg));
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        self.enter(vm, "array")?;
        let list = vm.new_list(Vec::new());
        vm.keep_alive(list);
        let mut i = self.skip_ws(start);
        if self.b.get(i) == Some(&b']') {
            self.depth -= 1;
            return Ok((list, i + 1));
        }
        loop {
            let (v, end) = self.value(vm, i)?;
            if let Some(l) = list.list() {
                l.borrow_mut().push(v);
            }
            i = self.skip_ws(end);
            match self.b.get(i) {
                Some(b']') => break,
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(self.err(vm, "Expecting ',' delimiter", i)),
            }
        }
        self.depth -= 1;
        Ok((list, i + 1))
    }

    fn object(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let (v, end) = self.object_items(vm, start)?;
        if let Some(f) = self.hooks.object_pairs_hook {
            return Ok((self.call_hook(vm, f, v)?, end));
        }
        if let Some(f) = self.hooks.object_hook {
            return Ok((self.call_hook(vm, f, v)?, end));
        }
        Ok((v, end))
    }

    /// The members of an object: a dict, or a list of (key, value) pairs
    /// when there is an `object_pairs_hook`.
    fn object_items(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        self.enter(vm, "object")?;
        let pairs = self.hooks.object_pairs_hook.is_some();
        let dict = if pairs { vm.new_list(Vec::new()) } else { vm.new_dict() };
        vm.keep_alive(dict);
        let mut i = self.skip_ws(start);
        if self.b.get(i) == Some(&b'}') {
            self.depth -= 1;
            return Ok((dict, i + 1));
        }
        loop {
            if self.b.get(i) != Some(&b'"') {
                return Err(self.err(vm, "Expecting property name enclosed in double quotes", i));
            }
            let (k, end) = self.string(vm, i + 1)?;
            i = self.skip_ws(end);
            if self.b.get(i) != Some(&b':') {
                return Err(self.err(vm, "Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = self.value(vm, i)?;
            let kv = match self.keys.get(&k) {
                Some(kv) => *kv,
                None => {
                    let kv = vm.new_str(&k);
                    // Rooted here too: a hook may drop the dict that holds it.
                    vm.keep_alive(kv);
                    self.keys.insert(k, kv);
                    kv
                }
            };
            if pairs {
                let t = vm.new_tuple(vec![kv, v]);
                if let Some(l) = dict.list() {
                    l.borrow_mut().push(t);
                }
            } else {
                vm.dict_set(&dict, kv, v)?;
            }
            i = self.skip_ws(end);
            match self.b.get(i) {
                Some(b'}') => break,
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(self.err(vm, "Expecting ',' delimiter", i)),
            }
        }
        self.depth -= 1;
        Ok((dict, i + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_api_round_trip() {
        let mut vm = Vm::new();
        let v = loads_str(&mut vm, r#"{"a": [1, 2.5, null, true], "b": "\u00e9"}"#).unwrap();
        vm.keep_alive(v);
        assert_eq!(dumps_value(&mut vm, v, None).unwrap(), r#"{"a": [1, 2.5, null, true], "b": "\u00e9"}"#);
        assert_eq!(dumps_value(&mut vm, v, Some(1)).unwrap(), "{\n \"a\": [\n  1,\n  2.5,\n  null,\n  true\n ],\n \"b\": \"\\u00e9\"\n}");
        assert!(loads_str(&mut vm, "[1,").is_err());
        let deep = "[".repeat(100_000);
        assert!(loads_str(&mut vm, &deep).is_err());
        assert!(vm.exc_is(TP_RECURSION_ERROR));
    }

    /// The deepest nesting allowed stays within a 2 MiB thread stack.
    #[test]
    fn max_depth_fits_small_stack() {
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let mut vm = Vm::new();
                vm.recursion_limit = 100_000;
                let d = max_depth(&vm);
                let text = format!("{}{}", "[".repeat(d), "]".repeat(d));
                match loads_str(&mut vm, &text) {
                    Ok(v) => {
                        vm.keep_alive(v);
                        let r = dumps_value(&mut vm, v, Some(1));
                        assert!(r.is_ok() || vm.exc_is(TP_RECURSION_ERROR));
                    }
                    Err(_) => assert!(vm.exc_is(TP_RECURSION_ERROR)),
                }
                let text = format!("{}{}", "{\"k\": ".repeat(d + 1), "}".repeat(d + 1));
                assert!(loads_str(&mut vm, &text).is_err());
                assert!(vm.exc_is(TP_RECURSION_ERROR));
            })
            .unwrap();
        h.join().unwrap();
    }
}
