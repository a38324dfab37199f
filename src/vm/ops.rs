//! Operators and protocols: arithmetic and comparison dispatch, truth,
//! hashing, equality, repr/str/format, iteration, items and containers.

use std::cell::RefCell;

use crate::compiler::bytecode::{BinaryOp, CompareOp};
use crate::objects::dict::{Dict, Lookup};
use crate::objects::iter::IterState;
use crate::objects::{int, num};
use crate::runtime::names::{n, Name};
use crate::vm::eval::GenResult;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

/// Dunder names of each binary operator: (plain, reflected, in-place).
pub fn binop_names(op: BinaryOp) -> (Name, Name, Name) {
    use BinaryOp::*;
    match op {
        Add => (n::__add__, n::__radd__, n::__iadd__),
        Sub => (n::__sub__, n::__rsub__, n::__isub__),
        Mul => (n::__mul__, n::__rmul__, n::__imul__),
        MatMul => (n::__matmul__, n::__rmatmul__, n::__imatmul__),
        TrueDiv => (n::__truediv__, n::__rtruediv__, n::__itruediv__),
        FloorDiv => (n::__floordiv__, n::__rfloordiv__, n::__ifloordiv__),
        Mod => (n::__mod__, n::__rmod__, n::__imod__),
        Pow => (n::__pow__, n::__rpow__, n::__ipow__),
        LShift => (n::__lshift__, n::__rlshift__, n::__ilshift__),
        RShift => (n::__rshift__, n::__rrshift__, n::__irshift__),
        And => (n::__and__, n::__rand__, n::__iand__),
        Or => (n::__or__, n::__ror__, n::__ior__),
        Xor => (n::__xor__, n::__rxor__, n::__ixor__),
    }
}

/// Pure equality of values whose `==` needs no Python code (`None` = undecided).
pub fn pure_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a.ty(), b.ty()) {
        (TP_STR, TP_STR) => Some(a.as_str() == b.as_str()),
        (TP_INT | TP_BOOL | TP_FLOAT, TP_INT | TP_BOOL | TP_FLOAT) => num::num_eq(a, b),
        (TP_TUPLE, TP_TUPLE) => {
            let (x, y) = (a.tuple()?, b.tuple()?);
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                match pure_eq(p, q) {
                    Some(true) => {}
                    other => return other,
                }
            }
            Some(true)
        }
        (TP_BYTES, TP_BYTES) => Some(a.bytes() == b.bytes()),
        (TP_NONE_TYPE, _) | (_, TP_NONE_TYPE) => Some(false),
        (x, y) if is_plain_value_type(x) && is_plain_value_type(y) => Some(false),
        _ => None,
    }
}

/// The hash of a str or int key, which needs no Python and cannot fail.
#[inline]
fn simple_hash(key: &Value) -> Option<i64> {
    if key.is_small_int() {
        return Some(int::hash_i64(key.as_i64()));
    }
    match key.pystr() {
        Some(s) if key.ty() == TP_STR => Some(s.hash()),
        _ => None,
    }
}

/// Store `d[key] = v` in dict object `d` when the key is a str or a small
/// int (hash and equality need no Python); false, with nothing changed,
/// sends the caller down the general path (other keys, a table being
/// iterated or mutated, no memory for one more entry).
#[inline(always)]
fn dict_set_pure(d: &Value, key: &Value, v: Value) -> bool {
    let Some(h) = simple_hash(key) else { return false };
    let ObjData::Dict(cell) = &d.obj().data else { return false };
    let Ok(mut t) = cell.try_borrow_mut() else { return false };
    match t.find_pure(h, key, pure_eq) {
        Ok(Some(i)) => {
            t.set_value_at(i, v);
            true
        }
        Ok(None) if t.try_reserve_one() => {
            t.insert_new(h, *key, v);
            true
        }
        _ => false,
    }
}

/// `d[key]` for an exact dict and a str or small-int key that it holds,
/// decided without Python; None sends the caller down the general path
/// (missing keys, other key types, a dict being mutated).
#[inline]
fn dict_item_fast(d: &Value, key: &Value) -> Option<Value> {
    let h = simple_hash(key)?;
    let ObjData::Dict(cell) = &d.obj().data else { return None };
    let t = cell.try_borrow().ok()?;
    let i = t.find_pure(h, key, pure_eq).ok()??;
    Some(t.value_at(i))
}

fn is_plain_value_type(t: TypeId) -> bool {
    matches!(t, TP_STR | TP_INT | TP_BOOL | TP_FLOAT | TP_NONE_TYPE | TP_BYTES | TP_TUPLE | TP_TYPE)
}

impl Vm {
    // ---------------------------------------------------------------- arithmetic

    pub fn binary_op(&mut self, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(v) = self.builtin_binop(op, &a, &b)? {
            return Ok(v);
        }
        let (name, rname, _) = binop_names(op);
        self.dunder_binop(op, name, rname, a, b)
    }

    pub fn inplace_op(&mut self, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
        // Mutable built-ins update in place.
        if op == BinaryOp::Add && a.ty() == TP_LIST {
            let items = self.collect_iter(&b)?;
            if let Some(l) = a.list() {
                l.borrow_mut().extend(items);
            }
            return Ok(a);
        }
        if op == BinaryOp::Mul && a.ty() == TP_LIST && b.is_small_int() {
            if let Some(l) = a.list() {
                let k = b.as_i64().max(0) as usize;
                let cur = l.borrow().clone();
                let total = cur.len().saturating_mul(k);
                if total > 1 << 32 {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                let mut out = Vec::with_capacity(total);
                for _ in 0..k {
                    out.extend_from_slice(&cur);
                }
                *l.borrow_mut() = out;
            }
            return Ok(a);
        }
        if matches!(a.ty(), TP_SET) && matches!(op, BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor) && b.set().is_some() {
            let r = self.binary_op(op, a, b)?;
            if let (Some(dst), Some(src)) = (a.set(), r.set()) {
                *dst.borrow_mut() = src.borrow().clone();
            }
            return Ok(a);
        }
        if a.ty() == TP_DICT && op == BinaryOp::Or {
            self.dict_update_from(&a, &b, false)?;
            return Ok(a);
        }
        {
            // User classes, and built-ins with their own in-place method (bytearray).
            let (_, _, iname) = binop_names(op);
            if let Some(f) = self.find_in_type(a.ty(), iname) {
                let r = self.call(&f, &[a, b])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        self.binary_op(op, a, b)
    }

    fn dunder_binop(&mut self, op: BinaryOp, name: Name, rname: Name, a: Value, b: Value) -> PyResult<Value> {
        let lf = self.find_in_type(a.ty(), name);
        let rf = if a.ty() != b.ty() { self.find_in_type(b.ty(), rname) } else { None };
        // A subclass's reflected method goes first.
        if let Some(r) = rf {
            if self.is_subtype(b.ty(), a.ty()) && !self.types[b.ty() as usize].is_builtin {
                let v = self.call(&r, &[b, a])?;
                if !v.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(v);
                }
            }
        }
        if let Some(f) = lf {
            let v = self.call(&f, &[a, b])?;
            if !v.is(&Value::NOT_IMPLEMENTED) {
                return Ok(v);
            }
        }
        if let Some(r) = rf {
            let v = self.call(&r, &[b, a])?;
            if !v.is(&Value::NOT_IMPLEMENTED) {
                return Ok(v);
            }
        }
        if op == BinaryOp::Mod && a.as_str().is_some() {
            return crate::objects::str_percent(self, &a, &b);
        }
        let msg = format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            self.type_name(&a),
            self.type_name(&b)
        );
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    /// Operators on exact built-in types, without dunder lookup.
    fn builtin_binop(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (ta, tb) = (a.ty(), b.ty());
        let int_like = |t: TypeId| t == TP_INT || t == TP_BOOL;
        if int_like(ta) && int_like(tb) {
            return int::int_binop(self, op, a, b).map(Some);
        }
        if (ta == TP_FLOAT || int_like(ta)) && (tb == TP_FLOAT || int_like(tb)) {
            return num::float_binop(self, op, a, b).map(Some);
        }
        match (ta, tb, op) {
            (TP_STR, TP_STR, BinaryOp::Add) => {
                let (x, y) = (a.as_str().unwrap_or(""), b.as_str().unwrap_or(""));
                // MemoryError, not an abort, when `s = s + s` outgrows memory.
                let mut s = String::new();
                let total = x.len() + y.len();
                // + 1: room for the NUL the str object keeps after its text.
                if total > crate::objects::strfmt::MAX_WIDTH || s.try_reserve_exact(total + 1).is_err() {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                s.push_str(x);
                s.push_str(y);
                Ok(Some(self.new_string(s)))
            }
            (TP_STR, TP_INT | TP_BOOL, BinaryOp::Mul) | (TP_INT | TP_BOOL, TP_STR, BinaryOp::Mul) => {
                let (s, k) = if ta == TP_STR { (a, b) } else { (b, a) };
                let k = self.repeat_count(k)?;
                let s = s.as_str().unwrap_or("");
                if s.len().saturating_mul(k) > crate::objects::strfmt::MAX_WIDTH {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                self.check_alloc(s.len() * k)?;
                let r = s.repeat(k);
                Ok(Some(self.new_string(r)))
            }
            (TP_LIST, TP_LIST, BinaryOp::Add) => {
                let (x, y) = (a.list().map(|l| l.borrow().clone()).unwrap_or_default(), b.list().map(|l| l.borrow().clone()).unwrap_or_default());
                let v = self.concat_values(&x, &y)?;
                Ok(Some(self.new_list(v)))
            }
            (TP_TUPLE, TP_TUPLE, BinaryOp::Add) => {
                let v = self.concat_values(a.tuple().unwrap_or(&[]), b.tuple().unwrap_or(&[]))?;
                Ok(Some(self.new_tuple(v)))
            }
            (TP_LIST | TP_TUPLE, TP_INT | TP_BOOL, BinaryOp::Mul) | (TP_INT | TP_BOOL, TP_LIST | TP_TUPLE, BinaryOp::Mul) => {
                let (s, k) = if ta == TP_LIST || ta == TP_TUPLE { (a, b) } else { (b, a) };
                let k = self.repeat_count(k)?;
                let items: Vec<Value> = match s.list() {
                    Some(l) => l.borrow().clone(),
                    None => s.tuple().unwrap_or(&[]).to_vec(),
                };
                let total = items.len().saturating_mul(k);
                if total > (1usize << 31) {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                let mut out = self.values_with_capacity(total)?;
                for _ in 0..k {
                    out.extend_from_slice(&items);
                }
                Ok(Some(if s.ty() == TP_LIST { self.new_list(out) } else { self.new_tuple(out) }))
            }
            (TP_BYTES, TP_BYTES, BinaryOp::Add) => {
                let (x, y) = (a.bytes().unwrap_or(&[]), b.bytes().unwrap_or(&[]));
                self.check_alloc(x.len() + y.len())?;
                let mut v = Vec::new();
                let total = x.len() + y.len();
                if total > crate::objects::strfmt::MAX_WIDTH || v.try_reserve_exact(total).is_err() {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Ok(Some(self.new_bytes(v)))
            }
            (TP_BYTES, TP_INT, BinaryOp::Mul) => {
                let k = self.repeat_count(b)?;
                if a.bytes().unwrap_or(&[]).len().saturating_mul(k) > crate::objects::strfmt::MAX_WIDTH {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                self.check_alloc(a.bytes().unwrap_or(&[]).len() * k)?;
                let v = a.bytes().unwrap_or(&[]).repeat(k);
                Ok(Some(self.new_bytes(v)))
            }
            (TP_STR, _, BinaryOp::Mod) => crate::objects::str_percent(self, a, b).map(Some),
            (TP_SET | TP_FROZENSET, TP_SET | TP_FROZENSET, BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor) => {
                crate::objects::set::set_operator(self, op, a, b).map(Some)
            }
            (TP_DICT, TP_DICT, BinaryOp::Or) => {
                let d = self.new_dict();
                self.push(d);
                let r = self.dict_update_from(&d, a, false).and_then(|_| self.dict_update_from(&d, b, false));
                self.pop();
                r?;
                Ok(Some(d))
            }
            _ => Ok(None),
        }
    }

    /// An empty vector with room for `n` values: MemoryError past the heap
    /// limit or when the system refuses, instead of aborting.
    pub fn values_with_capacity(&mut self, n: usize) -> PyResult<Vec<Value>> {
        let bytes = n.checked_mul(std::mem::size_of::<Value>()).filter(|b| *b <= isize::MAX as usize);
        let Some(bytes) = bytes else {
            return Err(self.new_error(TP_MEMORY_ERROR, ""));
        };
        self.check_alloc(bytes)?;
        let mut v = Vec::new();
        if v.try_reserve_exact(n).is_err() {
            return Err(self.new_error(TP_MEMORY_ERROR, ""));
        }
        Ok(v)
    }

    /// `x + y` for list and tuple items, with `values_with_capacity`'s errors.
    pub fn concat_values(&mut self, x: &[Value], y: &[Value]) -> PyResult<Vec<Value>> {
        let mut v = self.values_with_capacity(x.len().saturating_add(y.len()))?;
        v.extend_from_slice(x);
        v.extend_from_slice(y);
        Ok(v)
    }

    fn repeat_count(&mut self, k: &Value) -> PyResult<usize> {
        if k.is_ptr() {
            return Err(self.new_error(TP_OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer"));
        }
        if k.as_i64() > (1 << 40) {
            return Err(self.new_error(TP_MEMORY_ERROR, ""));
        }
        let k = k.as_i64();
        if k > (1 << 40) {
            return Err(self.new_error(TP_MEMORY_ERROR, ""));
        }
        Ok(k.max(0) as usize)
    }

    pub fn unary_op(&mut self, name: Name, a: Value) -> PyResult<Value> {
        match a.ty() {
            TP_INT | TP_BOOL => return int::int_unary(self, name, &a),
            TP_FLOAT => {
                let f = a.as_f64();
                if name == n::__neg__ {
                    return Ok(Value::float(-f));
                }
                if name == n::__pos__ {
                    return Ok(a);
                }
            }
            _ => {}
        }
        if let Some(f) = self.find_in_type(a.ty(), name) {
            return self.call(&f, &[a]);
        }
        let sym = match name {
            x if x == n::__neg__ => "unary -",
            x if x == n::__pos__ => "unary +",
            _ => "unary ~",
        };
        let msg = format!("bad operand type for {}: '{}'", sym, self.type_name(&a));
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    // ---------------------------------------------------------------- comparison

    pub fn compare(&mut self, op: CompareOp, a: Value, b: Value) -> PyResult<Value> {
        let num = |t: TypeId| matches!(t, TP_INT | TP_BOOL | TP_FLOAT);
        if num(a.ty()) && num(b.ty()) {
            if let Some(ord) = num::num_cmp(&a, &b) {
                return Ok(Value::bool(cmp_result(op, ord)));
            }
            // NaN: every comparison but != is false.
            return Ok(Value::bool(op == CompareOp::Ne));
        }
        if a.ty() == TP_STR && b.ty() == TP_STR {
            let ord = a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or(""));
            return Ok(Value::bool(cmp_result(op, ord)));
        }
        if (a.ty() == TP_LIST && b.ty() == TP_LIST) || (a.ty() == TP_TUPLE && b.ty() == TP_TUPLE) {
            return self.seq_compare(op, a, b).map(Value::bool);
        }
        if a.ty() == TP_BYTES && b.ty() == TP_BYTES {
            let ord = a.bytes().unwrap_or(&[]).cmp(b.bytes().unwrap_or(&[]));
            return Ok(Value::bool(cmp_result(op, ord)));
        }
        let (name, rname) = match op {
            CompareOp::Lt => (n::__lt__, n::__gt__),
            CompareOp::Le => (n::__le__, n::__ge__),
            CompareOp::Eq => (n::__eq__, n::__eq__),
            CompareOp::Ne => (n::__ne__, n::__ne__),
            CompareOp::Gt => (n::__gt__, n::__lt__),
            CompareOp::Ge => (n::__ge__, n::__le__),
        };
        let reflected_first = a.ty() != b.ty() && self.is_subtype(b.ty(), a.ty()) && !self.types[b.ty() as usize].is_builtin;
        let order: [(Value, Value, Name); 2] = if reflected_first { [(b, a, rname), (a, b, name)] } else { [(a, b, name), (b, a, rname)] };
        for (x, y, nm) in order {
            if let Some(f) = self.find_in_type(x.ty(), nm) {
                let r = self.call(&f, &[x, y])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::bool(a.is(&b))),
            CompareOp::Ne => Ok(Value::bool(!a.is(&b))),
            _ => {
                let msg = format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(&a),
                    self.type_name(&b)
                );
                Err(self.new_error(TP_TYPE_ERROR, msg))
            }
        }
    }

    fn seq_compare(&mut self, op: CompareOp, a: Value, b: Value) -> PyResult<bool> {
        let x: Vec<Value> = a.list().map(|l| l.borrow().clone()).unwrap_or_else(|| a.tuple().unwrap_or(&[]).to_vec());
        let y: Vec<Value> = b.list().map(|l| l.borrow().clone()).unwrap_or_else(|| b.tuple().unwrap_or(&[]).to_vec());
        self.enter_recursion()?;
        let r = (|| {
            for (p, q) in x.iter().zip(y.iter()) {
                if !self.eq(p, q)? {
                    if op == CompareOp::Eq {
                        return Ok(false);
                    }
                    if op == CompareOp::Ne {
                        return Ok(true);
                    }
                    let r = self.compare(op, *p, *q)?;
                    return self.truthy(&r);
                }
            }
            Ok(cmp_result(op, x.len().cmp(&y.len())))
        })();
        self.leave_recursion();
        r
    }

    /// `a == b` as a bool (identity first, as containers do).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = pure_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(CompareOp::Eq, *a, *b)?;
        self.truthy(&r)
    }

    /// Guard for Rust recursion over nested data (repr, ==, hash, deepcopy).
    pub fn enter_recursion(&mut self) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth > 400 {
            self.native_depth -= 1;
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded while processing nested objects"));
        }
        Ok(())
    }

    pub fn leave_recursion(&mut self) {
        self.native_depth -= 1;
    }

    // ---------------------------------------------------------------- truth, hash

    /// `truthy` with bools and small ints decided inline (the eval loop's
    /// conditional jumps).
    #[inline(always)]
    pub fn truthy_fast(&mut self, v: &Value) -> PyResult<bool> {
        if v.ty() == TP_BOOL {
            Ok(v.as_bool_raw())
        } else if v.is_small_int() {
            Ok(v.as_i64() != 0)
        } else {
            self.truthy(v)
        }
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v.ty() {
            TP_BOOL => return Ok(v.as_bool_raw()),
            TP_NONE_TYPE | TP_NIL => return Ok(false),
            TP_INT => return Ok(if v.is_ptr() { true } else { v.as_i64() != 0 }),
            TP_FLOAT => return Ok(v.as_f64() != 0.0),
            TP_STR => return Ok(v.as_str().map(|s| !s.is_empty()).unwrap_or(false)),
            TP_LIST | TP_TUPLE | TP_DICT | TP_SET | TP_FROZENSET | TP_BYTES => return Ok(self.len(v)? != 0),
            _ => {}
        }
        if let Some(f) = self.find_in_type(v.ty(), n::__bool__) {
            let r = self.call(&f, &[*v])?;
            if r.ty() != TP_BOOL {
                let msg = format!("__bool__ should return bool, returned {}", self.type_name(&r));
                return Err(self.new_error(TP_TYPE_ERROR, msg));
            }
            return Ok(r.as_bool_raw());
        }
        if self.find_in_type(v.ty(), n::__len__).is_some() {
            return Ok(self.len(v)? != 0);
        }
        Ok(true)
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v.ty() {
            TP_INT | TP_BOOL => return Ok(int::int_hash(v)),
            TP_FLOAT => return Ok(num::float_hash(v.as_f64())),
            TP_STR => {
                if let ObjData::Str(s) = &v.obj().data {
                    return Ok(s.hash());
                }
            }
            TP_NONE_TYPE => return Ok(0x5f3759df),
            TP_TUPLE => {
                let items = v.tuple().unwrap_or(&[]).to_vec();
                self.enter_recursion()?;
                let mut h: u64 = 0x345678;
                let mut r = Ok(());
                for x in &items {
                    match self.hash(x) {
                        Ok(xh) => h = (h ^ xh as u64).wrapping_mul(1_000_003).rotate_left(5),
                        Err(e) => {
                            r = Err(e);
                            break;
                        }
                    }
                }
                self.leave_recursion();
                r?;
                let h = (h ^ items.len() as u64) as i64;
                return Ok(if h == -1 { -2 } else { h });
            }
            TP_BYTES => return Ok(crate::objects::str::hash_bytes(v.bytes().unwrap_or(&[]))),
            TP_FROZENSET => {
                let keys: Vec<i64> = v.set().map(|s| s.borrow().iter().map(|e| e.hash()).collect()).unwrap_or_default();
                let mut h: u64 = 0x1f2e3d;
                for k in keys {
                    h ^= (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
                }
                return Ok(h as i64 & i64::MAX);
            }
            TP_TYPE | TP_FUNCTION | TP_NATIVEFUNC | TP_MODULE | TP_OBJECT => return Ok((v.id() >> 4) & i64::MAX),
            TP_RANGE => return crate::objects::range::range_hash_value(self, v),
            _ => {}
        }
        match self.find_in_type(v.ty(), n::__hash__) {
            Some(f) if f.is_none() => {}
            Some(f) => {
                if f.ty() == TP_NATIVEFUNC && self.types[v.ty() as usize].layout != crate::vm::Layout::Object {
                    // An inherited built-in __hash__ (int/str/tuple subclass).
                    return crate::objects::builtin_value_hash(self, v);
                }
                let r = self.call(&f, &[*v])?;
                return match r.ty() {
                    TP_INT | TP_BOOL => Ok(int::int_hash(&r)),
                    _ => Err(self.new_error(TP_TYPE_ERROR, "__hash__ method should return an integer")),
                };
            }
            None => return Ok((v.id() >> 4) & i64::MAX),
        }
        let msg = format!("unhashable type: '{}'", self.type_name(v));
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    // ---------------------------------------------------------------- dicts and sets

    /// Find `key` in a dict or set object.
    fn dict_find(&mut self, d: &RefCell<Dict>, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        if let Ok(found) = d.borrow().find_pure(hash, key, pure_eq) {
            return Ok(found);
        }
        let r = d.borrow().lookup(hash, key, pure_eq);
        match r {
            Lookup::Found(i) => Ok(Some(i)),
            Lookup::Missing => Ok(None),
            Lookup::Undecided(cands) => {
                for i in cands {
                    let k = match d.borrow().entry(i) {
                        Some(e) => e.key(),
                        None => continue,
                    };
                    if self.eq(&k, key)? {
                        // The dict may have changed during __eq__: re-check the slot.
                        if let Some(e) = d.borrow().entry(i) {
                            if e.key().is(&k) {
                                return Ok(Some(i));
                            }
                        }
                        return Err(self.new_error(TP_RUNTIME_ERROR, "dictionary changed size during lookup"));
                    }
                }
                Ok(None)
            }
        }
    }

    fn dict_cell<'a>(&mut self, d: &'a Value) -> PyResult<&'a RefCell<Dict>> {
        match &d.obj().data {
            ObjData::Dict(x) | ObjData::Set(x) => Ok(x),
            _ => Err(self.new_error(TP_TYPE_ERROR, "expected a dict")),
        }
    }

    pub fn dict_get(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        if !d.is_ptr() {
            return Err(self.new_error(TP_TYPE_ERROR, "expected a dict"));
        }
        let cell = self.dict_cell(d)?;
        let h = self.hash(key)?;
        Ok(self.dict_find(cell, key, h)?.map(|i| cell.borrow().value_at(i)))
    }

    pub fn dict_set(&mut self, d: &Value, key: Value, v: Value) -> PyResult<()> {
        if !d.is_ptr() {
            return Err(self.new_error(TP_TYPE_ERROR, "expected a dict"));
        }
        if dict_set_pure(d, &key, v) {
            return Ok(());
        }
        let cell = self.dict_cell(d)?;
        let h = self.hash(&key)?;
        match self.dict_find(cell, &key, h)? {
            Some(i) => cell.borrow_mut().set_value_at(i, v),
            None => {
                if !cell.borrow_mut().try_reserve_one() {
                    return Err(self.new_error(TP_MEMORY_ERROR, ""));
                }
                cell.borrow_mut().insert_new(h, key, v)
            }
        }
        Ok(())
    }

    /// Remove `key`; false when absent.
    pub fn dict_del(&mut self, d: &Value, key: &Value) -> PyResult<bool> {
        if !d.is_ptr() {
            return Err(self.new_error(TP_TYPE_ERROR, "expected a dict"));
        }
        let cell = self.dict_cell(d)?;
        let h = self.hash(key)?;
        match self.dict_find(cell, key, h)? {
            Some(i) => {
                cell.borrow_mut().remove_at(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Remove and return the value for `key`.
    pub fn dict_pop(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let cell = self.dict_cell(d)?;
        let h = self.hash(key)?;
        match self.dict_find(cell, key, h)? {
            Some(i) => Ok(Some(cell.borrow_mut().remove_at(i).1)),
            None => Ok(None),
        }
    }

    pub fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        let cell = self.dict_cell(s)?;
        let h = self.hash(&v)?;
        if self.dict_find(cell, &v, h)?.is_none() {
            if !cell.borrow_mut().try_reserve_one() {
                return Err(self.new_error(TP_MEMORY_ERROR, ""));
            }
            cell.borrow_mut().insert_new(h, v, Value::NONE);
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &Value, v: &Value) -> PyResult<bool> {
        let cell = self.dict_cell(s)?;
        let h = self.hash(v)?;
        Ok(self.dict_find(cell, v, h)?.is_some())
    }

    /// `d.update(m)` where m is a dict, a mapping with keys(), or an iterable of pairs.
    /// With `merge`, a repeated key is a TypeError (keyword-argument merging).
    pub fn dict_update_from(&mut self, d: &Value, m: &Value, merge: bool) -> PyResult<()> {
        let pairs = self.mapping_items(m)?;
        for (k, v) in pairs {
            if merge {
                if self.dict_get(d, &k)?.is_some() {
                    let ks = self.str_of(&k)?;
                    return Err(self.new_error(TP_TYPE_ERROR, format!("got multiple values for keyword argument '{}'", ks)));
                }
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// The (key, value) pairs of a mapping or an iterable of pairs.
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Some(d) = m.dict() {
            return Ok(d.borrow().iter().map(|e| (e.key(), e.value())).collect());
        }
        if m.ty() == TP_NAMEDICT {
            let target = match &m.obj().data {
                ObjData::Slice(s) => s[0],
                _ => Value::NIL,
            };
            let names: Vec<(Name, Value)> = match target.as_type() {
                Some(t) => self.types[t as usize].dict().iter().collect(),
                None => target.obj().attrs.as_ref().map(|a| a.borrow().iter().collect()).unwrap_or_default(),
            };
            return Ok(names.into_iter().map(|(k, v)| (self.name_str(k), v)).collect());
        }
        if self.find_in_type(m.ty(), n::keys).is_some() {
            let keys = self.call_method(m, n::keys, &[])?;
            self.keep_alive(keys);
            let keys = self.collect_iter(&keys)?;
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let v = self.getitem(m, &k)?;
                self.keep_alive(v);
                out.push((k, v));
            }
            return Ok(out);
        }
        let items = self.collect_iter(m)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let kv = self.collect_iter(&it)?;
            if kv.len() != 2 {
                let msg = format!("dictionary update sequence element has length {}; 2 is required", kv.len());
                return Err(self.new_error(TP_VALUE_ERROR, msg));
            }
            out.push((kv[0], kv[1]));
        }
        Ok(out)
    }

    // ---------------------------------------------------------------- iteration

    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let st = match v.ty() {
            TP_LIST | TP_TUPLE => Some((TP_LIST_ITERATOR, IterState::Seq { seq: *v, idx: 0 })),
            TP_STR => Some((TP_STR_ITERATOR, IterState::Str { s: *v, pos: 0 })),
            TP_BYTES => Some((TP_BYTES_ITERATOR, IterState::Seq { seq: *v, idx: 0 })),
            TP_RANGE => match &v.obj().data {
                ObjData::Range { start, stop, step } => Some((TP_RANGE_ITERATOR, IterState::Range { cur: *start, stop: *stop, step: *step })),
                _ => None,
            },
            TP_DICT => {
                let len = v.dict().map(|d| d.borrow().len()).unwrap_or(0);
                Some((TP_DICT_ITERATOR, IterState::Dict { d: *v, slot: 0, kind: 0, len }))
            }
            TP_SET | TP_FROZENSET => {
                let len = v.set().map(|d| d.borrow().len()).unwrap_or(0);
                Some((TP_SET_ITERATOR, IterState::Dict { d: *v, slot: 0, kind: 0, len }))
            }
            TP_DICT_KEYS | TP_DICT_VALUES | TP_DICT_ITEMS => {
                let d = match &v.obj().data {
                    ObjData::Slice(s) => s[0],
                    _ => Value::NIL,
                };
                let len = d.dict().map(|x| x.borrow().len()).unwrap_or(0);
                let kind = (v.ty() - TP_DICT_KEYS) as u8;
                Some((TP_DICT_ITERATOR, IterState::Dict { d, slot: 0, kind, len }))
            }
            _ => None,
        };
        if let Some((t, st)) = st {
            return Ok(self.heap.alloc(t, ObjData::Iter(RefCell::new(st)), None));
        }
        if matches!(v.obj_data_kind(), Some(ObjKind::Iter) | Some(ObjKind::Generator)) && self.types[v.ty() as usize].is_builtin {
            return Ok(*v);
        }
        // Built-in payloads under user subclasses.
        if v.is_ptr() {
            match &v.obj().data {
                ObjData::List(_) | ObjData::Tuple(_) if self.find_in_type(v.ty(), n::__iter__).map(|f| f.ty() == TP_NATIVEFUNC).unwrap_or(true) => {
                    return Ok(self.heap.alloc(TP_LIST_ITERATOR, ObjData::Iter(RefCell::new(IterState::Seq { seq: *v, idx: 0 })), None));
                }
                ObjData::Dict(d) | ObjData::Set(d) if self.find_in_type(v.ty(), n::__iter__).map(|f| f.ty() == TP_NATIVEFUNC).unwrap_or(true) => {
                    let len = d.borrow().len();
                    return Ok(self.heap.alloc(TP_DICT_ITERATOR, ObjData::Iter(RefCell::new(IterState::Dict { d: *v, slot: 0, kind: 0, len })), None));
                }
                ObjData::Str(_) if self.find_in_type(v.ty(), n::__iter__).map(|f| f.ty() == TP_NATIVEFUNC).unwrap_or(true) => {
                    return Ok(self.heap.alloc(TP_STR_ITERATOR, ObjData::Iter(RefCell::new(IterState::Str { s: *v, pos: 0 })), None));
                }
                _ => {}
            }
        }
        if let Some(f) = self.find_in_type(v.ty(), n::__iter__) {
            if f.is_none() {
                return Err(self.not_iterable(v));
            }
            let it = self.call(&f, &[*v])?;
            if self.find_in_type(it.ty(), n::__next__).is_none() && !matches!(it.obj_data_kind(), Some(ObjKind::Iter) | Some(ObjKind::Generator)) {
                let msg = format!("iter() returned non-iterator of type '{}'", self.type_name(&it));
                return Err(self.new_error(TP_TYPE_ERROR, msg));
            }
            return Ok(it);
        }
        if self.find_in_type(v.ty(), n::__getitem__).is_some() {
            return Ok(self.heap.alloc(TP_SEQ_ITERATOR, ObjData::Iter(RefCell::new(IterState::GetItem { obj: *v, idx: 0, done: false })), None));
        }
        Err(self.not_iterable(v))
    }

    fn not_iterable(&mut self, v: &Value) -> Raised {
        let msg = format!("'{}' object is not iterable", self.type_name(v));
        self.new_error(TP_TYPE_ERROR, msg)
    }

    /// `next(it)`: None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Natives that consume long iterators stay interruptible and bounded.
        if self.ticks == 1 {
            // Also bounded by the heap limit: no safe point runs in here.
            self.check_growth()?;
        }
        self.tick()?;
        if it.is_ptr() {
            match &it.obj().data {
                ObjData::Iter(_) => return crate::objects::iter_next(self, it),
                ObjData::Generator(_) => {
                    return match self.gen_resume(it, Value::NONE)? {
                        GenResult::Yield(v) => Ok(Some(v)),
                        GenResult::Return(_) => Ok(None),
                    }
                }
                _ => {}
            }
        }
        match self.find_in_type(it.ty(), n::__next__) {
            Some(f) => match self.call(&f, &[*it]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    if self.exc_is(TP_STOP_ITERATION) {
                        self.exc = None;
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            },
            None => {
                let msg = format!("'{}' object is not an iterator", self.type_name(it));
                Err(self.new_error(TP_TYPE_ERROR, msg))
            }
        }
    }

    /// Drain an iterable into a vector. The items are kept alive on
    /// `temp_roots` while Python code may run.
    pub fn collect_iter(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = v.tuple() {
            if v.ty() == TP_TUPLE {
                return Ok(t.to_vec());
            }
        }
        if v.ty() == TP_LIST {
            return Ok(v.list().map(|l| l.borrow().clone()).unwrap_or_default());
        }
        // A range knows its length: list(range(10**12)) raises MemoryError at
        // once instead of growing until the process is out of memory.
        // (A range too long for an index is an OverflowError, as in CPython.)
        let hint = if v.ty() == TP_RANGE { self.len(v)? } else { 0 };
        let first = self.values_with_capacity(hint)?;
        let it = self.iter(v)?;
        let holder = self.new_list(first);
        let mark = self.temp_roots.len();
        self.temp_roots.push(it);
        self.temp_roots.push(holder);
        let r = loop {
            match self.next(&it) {
                Ok(Some(x)) => {
                    if let Some(l) = holder.list() {
                        let mut lb = l.borrow_mut();
                        // Growth that fails is a MemoryError, not an abort.
                        let n = lb.len();
                        if n == lb.capacity() && lb.try_reserve(n.max(8)).is_err() {
                            drop(lb);
                            break Err(self.new_error(TP_MEMORY_ERROR, ""));
                        }
                        lb.push(x);
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        // The holder stays on temp_roots (released when the calling native
        // returns, or at the eval loop's next collection), so the items stay
        // alive while the caller goes on to run Python code.
        let mut out = Vec::new();
        let r = match r {
            Ok(()) => {
                let n = holder.list().map(|l| l.borrow().len()).unwrap_or(0);
                if out.try_reserve_exact(n).is_err() {
                    Err(self.new_error(TP_MEMORY_ERROR, ""))
                } else {
                    if let Some(l) = holder.list() {
                        out.extend_from_slice(&l.borrow());
                    }
                    Ok(())
                }
            }
            Err(e) => Err(e),
        };
        if let Some(l) = holder.list() {
            if r.is_err() {
                // Free a huge partial result now, not at the next collection.
                l.borrow_mut().clear();
            }
        }
        self.temp_roots.truncate(mark);
        self.temp_roots.push(holder);
        r.map(|_| out)
    }

    // ---------------------------------------------------------------- items

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if v.is_ptr() {
            let r = match &v.obj().data {
                ObjData::Str(s) => Some(s.char_len()),
                ObjData::List(l) => Some(l.borrow().len()),
                ObjData::Tuple(t) => Some(t.len()),
                ObjData::Dict(d) | ObjData::Set(d) => Some(d.borrow().len()),
                ObjData::Bytes(b) => Some(b.len()),
                ObjData::ByteArray(b) => Some(b.borrow().len()),
                ObjData::Range { start, stop, step } => {
                    let n = crate::objects::range_len(*start, *stop, *step);
                    if n > i64::MAX as i128 {
                        return Err(self.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C ssize_t"));
                    }
                    Some(n as usize)
                }
                _ => None,
            };
            if let Some(r) = r {
                if self.types[v.ty() as usize].is_builtin || self.find_in_type(v.ty(), n::__len__).map(|f| f.ty() == TP_NATIVEFUNC).unwrap_or(true) {
                    return Ok(r);
                }
            }
            if matches!(v.ty(), TP_DICT_KEYS | TP_DICT_VALUES | TP_DICT_ITEMS) {
                if let ObjData::Slice(s) = &v.obj().data {
                    return Ok(s[0].dict().map(|d| d.borrow().len()).unwrap_or(0));
                }
            }
            if v.ty() == TP_NAMEDICT {
                return Ok(self.mapping_items(v)?.len());
            }
        }
        if let Some(f) = self.find_in_type(v.ty(), n::__len__) {
            let r = self.call(&f, &[*v])?;
            if !r.is_small_int() && r.ty() != TP_BOOL {
                let msg = format!("'{}' object cannot be interpreted as an integer", self.type_name(&r));
                return Err(self.new_error(TP_TYPE_ERROR, msg));
            }
            if r.as_i64() < 0 {
                return Err(self.new_error(TP_VALUE_ERROR, "__len__() should return >= 0"));
            }
            return Ok(r.as_i64() as usize);
        }
        let msg = format!("object of type '{}' has no len()", self.type_name(v));
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        // dict[str] and dict[int] of a key that is there.
        if obj.ty() == TP_DICT {
            if let Some(v) = dict_item_fast(obj, key) {
                return Ok(v);
            }
        }
        // list[i] and tuple[i] with an in-range small int.
        if key.is_small_int() && (obj.ty() == TP_LIST || obj.ty() == TP_TUPLE) {
            if let Some(v) = seq_item_fast(obj, key.as_i64()) {
                return Ok(v);
            }
        }
        if self.types[obj.ty() as usize].is_builtin {
            if let Some(v) = crate::objects::builtin_getitem(self, obj, key)? {
                return Ok(v);
            }
        }
        // The type's __getitem__ first: for a class that is its metaclass's.
        if let Some(f) = self.find_in_type(obj.ty(), n::__getitem__) {
            return self.call(&f, &[*obj, *key]);
        }
        if let Some(t) = obj.as_type() {
            if let Some(f) = self.find_in_type(t, n::__class_getitem__) {
                let f = match f.is_ptr().then(|| &f.obj().data) {
                    Some(ObjData::ClassMethod(g)) => self.new_bound_method(*obj, *g),
                    _ => f,
                };
                return self.call(&f, &[*key]);
            }
            // Generic aliases (`list[int]`) in annotations evaluate to the class.
            return Ok(*obj);
        }
        let msg = format!("'{}' object is not subscriptable", self.type_name(obj));
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    pub fn setitem(&mut self, obj: &Value, key: &Value, v: Value) -> PyResult<()> {
        // dict[str] = v and dict[int] = v, decided without Python.
        if obj.ty() == TP_DICT && dict_set_pure(obj, key, v) {
            return Ok(());
        }
        // list[i] = v with an in-range small int.
        if key.is_small_int() && obj.ty() == TP_LIST {
            if let Some(Ok(mut items)) = obj.list().map(|l| l.try_borrow_mut()) {
                if let Some(j) = in_range_index(key.as_i64(), items.len()) {
                    items[j] = v;
                    return Ok(());
                }
            }
        }
        if self.types[obj.ty() as usize].is_builtin && crate::objects::builtin_setitem(self, obj, key, Some(v))? {
            return Ok(());
        }
        if let Some(f) = self.find_in_type(obj.ty(), n::__setitem__) {
            self.call(&f, &[*obj, *key, v])?;
            return Ok(());
        }
        let msg = format!("'{}' object does not support item assignment", self.type_name(obj));
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if self.types[obj.ty() as usize].is_builtin && crate::objects::builtin_setitem(self, obj, key, None)? {
            return Ok(());
        }
        if let Some(f) = self.find_in_type(obj.ty(), n::__delitem__) {
            self.call(&f, &[*obj, *key])?;
            return Ok(());
        }
        let msg = format!("'{}' object does not support item deletion", self.type_name(obj));
        Err(self.new_error(TP_TYPE_ERROR, msg))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container.ty() {
            TP_DICT => return self.dict_get_for_contains(container, item),
            TP_SET | TP_FROZENSET => return crate::objects::set::set_contains_any(self, container, item),
            TP_STR => {
                return match item.as_str() {
                    Some(s) => Ok(container.as_str().unwrap_or("").contains(s)),
                    None => {
                        let msg = format!("'in <string>' requires string as left operand, not {}", self.type_name(item));
                        Err(self.new_error(TP_TYPE_ERROR, msg))
                    }
                }
            }
            TP_LIST | TP_TUPLE => {
                let mut i = 0;
                loop {
                    let x = match &container.obj().data {
                        ObjData::List(l) => l.borrow().get(i).copied(),
                        ObjData::Tuple(t) => t.get(i).copied(),
                        _ => None,
                    };
                    match x {
                        Some(x) => {
                            if self.eq(&x, item)? {
                                return Ok(true);
                            }
                        }
                        None => return Ok(false),
                    }
                    i += 1;
                }
            }
            TP_RANGE => {
                if let (ObjData::Range { start, stop, step }, true) = (&container.obj().data, item.is_small_int() || item.ty() == TP_BOOL) {
                    let x = item.as_i64();
                    let (a, b, s) = (*start, *stop, *step);
                    let inr = if s > 0 { x >= a && x < b } else { x <= a && x > b };
                    return Ok(inr && (x - a) % s == 0);
                }
            }
            TP_DICT_KEYS | TP_DICT_ITEMS => {
                let d = match &container.obj().data {
                    ObjData::Slice(s) => s[0],
                    _ => Value::NIL,
                };
                if container.ty() == TP_DICT_KEYS {
                    return Ok(self.dict_get(&d, item)?.is_some());
                }
                if let Some(t) = item.tuple() {
                    if t.len() == 2 {
                        let (k, v) = (t[0], t[1]);
                        return match self.dict_get(&d, &k)? {
                            Some(x) => self.eq(&x, &v),
                            None => Ok(false),
                        };
                    }
                }
                return Ok(false);
            }
            _ => {}
        }
        if let Some(f) = self.find_in_type(container.ty(), n::__contains__) {
            let r = self.call(&f, &[*container, *item])?;
            return self.truthy(&r);
        }
        let it = self.iter(container)?;
        self.keep_alive(it);
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn dict_get_for_contains(&mut self, d: &Value, item: &Value) -> PyResult<bool> {
        Ok(self.dict_get(d, item)?.is_some())
    }

    // ---------------------------------------------------------------- text

    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        crate::objects::repr::repr(self, v)
    }

    /// `str(v)` as a Rust string.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str() {
            if v.ty() == TP_STR {
                return Ok(s.to_string());
            }
        }
        let r = self.str_value(v)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }

    /// `str(v)` as a str object.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if v.ty() == TP_STR {
            return Ok(*v);
        }
        if v.is_small_int() {
            // Digits formatted on the stack, copied once into the object.
            let mut buf = [0u8; 40];
            return Ok(self.new_str(crate::objects::format::i64_decimal(v.as_i64(), &mut buf)));
        }
        if let Some(f) = self.find_override(v.ty(), n::__str__) {
            {
                let r = self.call(&f, &[*v])?;
                if r.as_str().is_none() {
                    let msg = format!("__str__ returned non-string (type {})", self.type_name(&r));
                    return Err(self.new_error(TP_TYPE_ERROR, msg));
                }
                return Ok(r);
            }
        }
        let s = crate::objects::repr::str_builtin(self, v)?;
        Ok(self.new_string(s))
    }

    pub fn repr_value(&mut self, v: &Value) -> PyResult<Value> {
        let s = self.repr(v)?;
        Ok(self.new_string(s))
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        if let Some(f) = self.find_in_type(v.ty(), n::__format__) {
            if f.ty() == TP_FUNCTION {
                let sv = self.new_str(spec);
                let r = self.call(&f, &[*v, sv])?;
                if r.as_str().is_none() {
                    return Err(self.new_error(TP_TYPE_ERROR, "__format__ must return a str"));
                }
                return Ok(r);
            }
        }
        let s = crate::objects::format_builtin(self, v, spec)?;
        Ok(self.new_string(s))
    }

    // ---------------------------------------------------------------- exceptions & matching

    /// `isinstance(exc, t)` where t is an exception class or a tuple of them.
    pub fn exception_matches(&mut self, exc: &Value, t: &Value) -> PyResult<bool> {
        if let Some(items) = t.tuple() {
            for x in items.to_vec() {
                if self.exception_matches(exc, &x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match t.as_type() {
            Some(tt) if self.is_subtype(tt, TP_BASE_EXCEPTION) => Ok(self.isinstance(exc, tt)),
            _ => Err(self.new_error(TP_TYPE_ERROR, "catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    /// Turn the operand of `raise` into an exception instance.
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        if let Some(t) = v.as_type() {
            if self.is_subtype(t, TP_BASE_EXCEPTION) {
                let e = self.call(&v, &[])?;
                // A `__new__` may return anything; only an exception can be raised.
                if !self.isinstance(&e, TP_BASE_EXCEPTION) {
                    let got = self.types[e.ty() as usize].obj;
                    let msg = format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        crate::objects::repr::repr(self, &v)?,
                        crate::objects::repr::repr(self, &got)?
                    );
                    return Err(self.new_error(TP_TYPE_ERROR, msg));
                }
                return Ok(e);
            }
        } else if self.isinstance(&v, TP_BASE_EXCEPTION) {
            return Ok(v);
        }
        Err(self.new_error(TP_TYPE_ERROR, "exceptions must derive from BaseException"))
    }

    /// `case Cls(p1, .., kw=..)`: the attributes to match, or None.
    pub fn match_class(&mut self, subj: &Value, cls: &Value, npos: usize, kwnames: &Value) -> PyResult<Value> {
        let t = match cls.as_type() {
            Some(t) => t,
            None => return Err(self.new_error(TP_TYPE_ERROR, "called match pattern must be a class")),
        };
        if !self.isinstance(subj, t) {
            return Ok(Value::NONE);
        }
        let mut out = Vec::new();
        if npos > 0 {
            let self_match = matches!(t, TP_INT | TP_FLOAT | TP_STR | TP_BOOL | TP_BYTES | TP_LIST | TP_TUPLE | TP_DICT | TP_SET | TP_FROZENSET);
            match self.find_in_type(t, n::__match_args__) {
                Some(ma) => {
                    let names = self.collect_iter(&ma)?;
                    if npos > names.len() {
                        let msg = format!("{}() accepts {} positional sub-pattern{} ({} given)", self.tp(t).name, names.len(), if names.len() == 1 { "" } else { "s" }, npos);
                        return Err(self.new_error(TP_TYPE_ERROR, msg));
                    }
                    for nm in &names[..npos] {
                        let s = nm.as_str().unwrap_or("").to_string();
                        match self.getattr_opt(subj, Name::new(&s))? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::NONE),
                        }
                    }
                }
                None if self_match && npos == 1 => out.push(*subj),
                None => {
                    let msg = format!("{}() accepts 0 positional sub-patterns ({} given)", self.tp(t).name, npos);
                    return Err(self.new_error(TP_TYPE_ERROR, msg));
                }
            }
        }
        for k in kwnames.tuple().unwrap_or(&[]).to_vec() {
            let s = k.as_str().unwrap_or("").to_string();
            match self.getattr_opt(subj, Name::new(&s))? {
                Some(v) => out.push(v),
                None => return Ok(Value::NONE),
            }
        }
        Ok(self.new_tuple(out))
    }

    /// Write text to the VM's stdout (host hook or the process stdout).
    pub fn write_stdout(&mut self, s: &str) {
        if let Some(h) = self.stdout_hook.as_mut() {
            h(s);
        } else {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(s.as_bytes());
        }
    }
}

fn cmp_result(op: CompareOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    }
}

/// Coarse payload kinds, for quick checks.
#[derive(PartialEq, Eq, Clone, Copy)]
pub enum ObjKind {
    Iter,
    Generator,
    Other,
}

impl Value {
    pub fn obj_data_kind(&self) -> Option<ObjKind> {
        if !self.is_ptr() {
            return None;
        }
        Some(match &self.obj().data {
            ObjData::Iter(_) => ObjKind::Iter,
            ObjData::Generator(_) => ObjKind::Generator,
            _ => ObjKind::Other,
        })
    }
}

/// Item `i` (negative counts from the end) of an exact list or tuple, when
/// in range; None for everything else (the general path raises).
#[inline(always)]
fn seq_item_fast(obj: &Value, i: i64) -> Option<Value> {
    match &obj.obj().data {
        ObjData::List(l) => {
            let items = l.try_borrow().ok()?;
            in_range_index(i, items.len()).map(|j| items[j])
        }
        ObjData::Tuple(t) => in_range_index(i, t.len()).map(|j| t[j]),
        _ => None,
    }
}

/// `obj[key]` for a list or tuple and an in-range small int (one of the
/// cases `getitem` answers first), small enough for BINARY_SUBSCR to
/// inline; None: call `getitem`.
#[inline(always)]
pub(crate) fn getitem_fast(obj: &Value, key: &Value) -> Option<Value> {
    if key.is_small_int() && (obj.ty() == TP_LIST || obj.ty() == TP_TUPLE) {
        return seq_item_fast(obj, key.as_i64());
    }
    None
}

/// Index `i` (negative counts from the end) into a sequence of `len`
/// items, when in range.
#[inline(always)]
fn in_range_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}
