//! The `random` module: a Mersenne Twister (MT19937) with CPython's seeding
//! for int seeds and CPython's algorithms on top (so `random.seed(n)` gives
//! the same `random()`, `getrandbits()`, `randrange()`, `shuffle()`,
//! `choice()`, `sample()` sequences as CPython).
//!
//! `random.Random` instances hold the generator in a native object; the
//! module-level functions are bound methods of a hidden default instance.

use std::cell::RefCell;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::objects::float::to_float;
use crate::objects::function::{NativeFn, NativeFnKw};
use crate::objects::int::{bind_params, index_big, index_i64, is_int_like, to_bigint};
use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::heap::{NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("random".into(), make);
}

const N: usize = 624;
const M: usize = 397;

/// MT19937 state.
pub struct Mt {
    mt: [u32; N],
    idx: usize,
    gauss_next: Option<f64>,
}

impl NativeData for Mt {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

impl Mt {
    pub fn new() -> Mt {
        let mut m = Mt { mt: [0; N], idx: N + 1, gauss_next: None };
        m.init_genrand(5489);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1812433253u32.wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.idx = N;
    }

    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
        self.gauss_next = None;
    }

    pub fn next_u32(&mut self) -> u32 {
        const MATRIX_A: u32 = 0x9908_b0df;
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        if self.idx >= N {
            if self.idx == N + 1 {
                self.init_genrand(5489);
            }
            let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
            for kk in 0..N - M {
                let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
                self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
                self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.mt[N - 1] & UPPER) | (self.mt[0] & LOWER);
            self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.idx = 0;
        }
        let mut y = self.mt[self.idx];
        self.idx += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for k <= 64.
    fn bits_u64(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let lo = self.next_u32() as u64;
        let hi = (self.next_u32() >> (64 - k)) as u64;
        lo | (hi << 32)
    }

    /// `getrandbits(k)` for any k.
    pub fn bits_big(&mut self, k: u64) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.bits_u64(k as u32));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(out)
    }

    /// A uniform integer in [0, n) (n > 0), by rejection like CPython's `_randbelow`.
    pub fn below_u64(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    pub fn below_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(x) = n.to_u64() {
            return BigUint::from(self.below_u64(x));
        }
        let k = n.bits();
        loop {
            let r = self.bits_big(k);
            if &r < n {
                return r;
            }
        }
    }
}

impl Default for Mt {
    fn default() -> Self {
        Mt::new()
    }
}

/// 32-bit words of |n|, least significant first (CPython's seed key).
fn seed_key(n: &BigInt) -> Vec<u32> {
    let mut k = n.magnitude().to_u32_digits();
    if k.is_empty() {
        k.push(0);
    }
    k
}

fn entropy_key() -> Vec<u32> {
    let mut buf = [0u8; 32];
    let mut ok = false;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        ok = f.read_exact(&mut buf).is_ok();
    }
    if !ok {
        use std::hash::{BuildHasher, Hasher};
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        for (i, chunk) in buf.chunks_mut(8).enumerate() {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(now);
            h.write_usize(i);
            h.write_usize(&ok as *const bool as usize);
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn with_rng<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    if v.is_ptr() {
        if let ObjData::Native(cell) = &v.obj().data {
            let mut b = cell.borrow_mut();
            if let Some(s) = b.as_any_mut().downcast_mut::<Mt>() {
                return Ok(f(s));
            }
        }
    }
    let msg = format!("descriptor requires a 'random.Random' object but received a '{}'", vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn seed_value(vm: &mut Vm, this: &Value, a: Option<Value>) -> PyResult<()> {
    let key = match a {
        None => entropy_key(),
        Some(v) if v.is_none() => entropy_key(),
        Some(v) => {
            if is_int_like(&v) {
                seed_key(&to_bigint(&v).unwrap_or_default())
            } else if v.ty() == TP_FLOAT {
                let h = vm.hash(&v)?;
                seed_key(&BigInt::from(h))
            } else if let Some(s) = v.as_str() {
                let mut bytes = s.as_bytes().to_vec();
                bytes.reverse();
                seed_key(&BigInt::from_bytes_le(Sign::Plus, &bytes))
            } else if let Some(b) = v.bytes().map(|b| b.to_vec()).or_else(|| match &v.obj().data {
                ObjData::ByteArray(b) => Some(b.borrow().clone()),
                _ => None,
            }) {
                let mut bytes = b;
                bytes.reverse();
                seed_key(&BigInt::from_bytes_le(Sign::Plus, &bytes))
            } else {
                return Err(vm.new_error(
                    TP_TYPE_ERROR,
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                ));
            }
        }
    };
    with_rng(vm, this, |m| m.init_by_array(&key))
}

// ---------------------------------------------------------------- Random methods

fn r_new(vm: &mut Vm, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = match a.first().and_then(|v| v.as_type()) {
        Some(t) => t,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "Random.__new__(X): X is not a type object")),
    };
    let attrs = if vm.tp(cls).has_attrs { Some(Box::default()) } else { None };
    let mut mt = Mt::new();
    mt.init_by_array(&entropy_key());
    let data = ObjData::Native(RefCell::new(Box::new(mt)));
    Ok(vm.heap.alloc(cls, data, attrs))
}

fn r_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "Random", &a[1..], kw, &["x"], 1)?;
    seed_value(vm, &a[0], p[0])?;
    Ok(Value::NONE)
}

fn r_seed(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "seed", &a[1..], kw, &["a", "version"], 2)?;
    if let Some(v) = p[1] {
        let ver = index_i64(vm, &v)?;
        if ver != 1 && ver != 2 {
            let msg = format!("The only supported seed versions are 1 and 2, not {}", ver);
            return Err(vm.new_error(TP_VALUE_ERROR, msg));
        }
    }
    seed_value(vm, &a[0], p[0])?;
    Ok(Value::NONE)
}

fn r_random(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::float(with_rng(vm, &a[0], |m| m.random())?))
}

fn r_getrandbits(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let k = index_i64(vm, &a[1])?;
    if k < 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "number of bits must be non-negative"));
    }
    if k as u64 > 64 * 1024 * 1024 {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let r = with_rng(vm, &a[0], |m| m.bits_big(k as u64))?;
    Ok(vm.new_bigint(BigInt::from(r)))
}

fn r_randbytes(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = index_i64(vm, &a[1])?;
    if n < 0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "number of bits must be non-negative"));
    }
    if n > (1 << 30) {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let r = with_rng(vm, &a[0], |m| m.bits_big(n as u64 * 8))?;
    let mut bytes = r.to_bytes_le();
    if r.is_zero() {
        bytes.clear();
    }
    bytes.resize(n as usize, 0);
    Ok(vm.new_bytes(bytes))
}

/// A randrange argument: an int, or an integral float (as CPython 3.11 still accepts).
fn range_arg(vm: &mut Vm, v: &Value, which: usize) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if v.ty() == TP_FLOAT {
        let f = v.as_f64();
        if f.is_finite() && f.fract() == 0.0 {
            return Ok(crate::objects::float::float_ratio(f).0);
        }
        let msg = format!("non-integer arg {} for randrange()", which);
        return Err(vm.new_error(TP_VALUE_ERROR, msg));
    }
    index_big(vm, v)
}

fn randbelow(vm: &mut Vm, this: &Value, n: &BigInt) -> PyResult<BigInt> {
    let n = n.magnitude().clone();
    let r = with_rng(vm, this, |m| m.below_big(&n))?;
    Ok(BigInt::from(r))
}

fn randrange_impl(vm: &mut Vm, this: &Value, start: &Value, stop: Option<Value>, step: Option<Value>) -> PyResult<BigInt> {
    let istart = range_arg(vm, start, 1)?;
    let stop = match stop {
        Some(s) if !s.is_none() => s,
        _ => {
            if let Some(st) = step {
                if !(st.is_small_int() && st.as_i64() == 1) {
                    return Err(vm.new_error(TP_TYPE_ERROR, "Missing a non-None stop argument"));
                }
            }
            if istart.is_positive() {
                return randbelow(vm, this, &istart);
            }
            return Err(vm.new_error(TP_VALUE_ERROR, "empty range for randrange()"));
        }
    };
    let istop = range_arg(vm, &stop, 2)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => range_arg(vm, &s, 3)?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.is_positive() {
            let r = randbelow(vm, this, &width)?;
            return Ok(istart + r);
        }
        let msg = format!("empty range for randrange() ({}, {}, {})", istart, istop, width);
        return Err(vm.new_error(TP_VALUE_ERROR, msg));
    }
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::one()).div_floor(&istep)
    } else if istep.is_negative() {
        (&width + &istep + BigInt::one()).div_floor(&istep)
    } else {
        return Err(vm.new_error(TP_VALUE_ERROR, "zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(vm.new_error(TP_VALUE_ERROR, "empty range for randrange()"));
    }
    let r = randbelow(vm, this, &n)?;
    Ok(istart + istep * r)
}

fn r_randrange(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "randrange", &a[1..], kw, &["start", "stop", "step"], 3)?;
    let start = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "randrange() missing 1 required positional argument: 'start'")),
    };
    let r = randrange_impl(vm, &a[0], &start, p[1], p[2])?;
    Ok(vm.new_bigint(r))
}

fn r_randint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let lo = range_arg(vm, &a[1], 1)?;
    let hi = range_arg(vm, &a[2], 2)?;
    let width: BigInt = &hi + BigInt::one() - &lo;
    if !width.is_positive() {
        let msg = format!("empty range for randrange() ({}, {}, {})", lo, &hi + BigInt::one(), width);
        return Err(vm.new_error(TP_VALUE_ERROR, msg));
    }
    let r = randbelow(vm, &a[0], &width)?;
    Ok(vm.new_bigint(lo + r))
}

/// `seq[i]` with fast paths for the built-in sequences.
fn seq_item(vm: &mut Vm, seq: &Value, i: usize) -> PyResult<Value> {
    if seq.ty() == TP_LIST || seq.ty() == TP_TUPLE {
        let item = match &seq.obj().data {
            ObjData::List(l) => l.borrow().get(i).copied(),
            ObjData::Tuple(t) => t.get(i).copied(),
            _ => None,
        };
        if let Some(v) = item {
            return Ok(v);
        }
    }
    if seq.ty() == TP_RANGE {
        if let ObjData::Range { start, step, .. } = &seq.obj().data {
            return Ok(Value::int(start + step * i as i64));
        }
    }
    vm.getitem(seq, &Value::int(i as i64))
}

fn r_choice(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let seq = a[1];
    let n = vm.len(&seq)?;
    if n == 0 {
        return Err(vm.new_error(TP_INDEX_ERROR, "Cannot choose from an empty sequence"));
    }
    let i = with_rng(vm, &a[0], |m| m.below_u64(n as u64))?;
    seq_item(vm, &seq, i as usize)
}

fn r_shuffle(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = a[1];
    if x.ty() == TP_LIST {
        let len = x.list().map(|l| l.borrow().len()).unwrap_or(0);
        let mut swaps = Vec::with_capacity(len);
        with_rng(vm, &a[0], |m| {
            for i in (1..len).rev() {
                swaps.push((i, m.below_u64(i as u64 + 1) as usize));
            }
        })?;
        if let Some(l) = x.list() {
            let mut l = l.borrow_mut();
            for (i, j) in swaps {
                if i < l.len() && j < l.len() {
                    l.swap(i, j);
                }
            }
        }
        return Ok(Value::NONE);
    }
    let len = vm.len(&x)?;
    for i in (1..len).rev() {
        let j = with_rng(vm, &a[0], |m| m.below_u64(i as u64 + 1))? as usize;
        let (ki, kj) = (Value::int(i as i64), Value::int(j as i64));
        let xi = vm.getitem(&x, &ki)?;
        vm.keep_alive(xi);
        let xj = vm.getitem(&x, &kj)?;
        vm.keep_alive(xj);
        vm.setitem(&x, &ki, xj)?;
        vm.setitem(&x, &kj, xi)?;
    }
    Ok(Value::NONE)
}

fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v.ty() {
        TP_LIST | TP_TUPLE | TP_STR | TP_BYTES | TP_RANGE | TP_BYTEARRAY => true,
        TP_SET | TP_FROZENSET | TP_DICT => false,
        _ => {
            if v.set().is_some() || v.dict().is_some() {
                return false;
            }
            vm.find_in_type(v.ty(), crate::runtime::names::n::__getitem__).is_some()
                && vm.find_in_type(v.ty(), crate::runtime::names::n::__len__).is_some()
        }
    }
}

fn r_sample(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "sample", &a[1..], kw, &["population", "k", "counts"], 2)?;
    let this = a[0];
    let population = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "sample() missing 2 required positional arguments: 'population' and 'k'")),
    };
    let kv = match p[1] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "sample() missing 1 required positional argument: 'k'")),
    };
    if !is_sequence(vm, &population) {
        return Err(vm.new_error(TP_TYPE_ERROR, "Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let n = vm.len(&population)?;
    if let Some(counts) = p[2].filter(|c| !c.is_none()) {
        let cs = vm.collect_iter(&counts)?;
        if cs.len() != n {
            return Err(vm.new_error(TP_VALUE_ERROR, "The number of counts does not match the population"));
        }
        let mut cum: Vec<i64> = Vec::with_capacity(n);
        let mut total: i64 = 0;
        for c in &cs {
            if !is_int_like(c) {
                return Err(vm.new_error(TP_TYPE_ERROR, "Counts must be integers"));
            }
            let c = index_i64(vm, c)?;
            total = match total.checked_add(c) {
                Some(t) => t,
                None => return Err(vm.new_error(TP_OVERFLOW_ERROR, "counts too large")),
            };
            cum.push(total);
        }
        cum.pop();
        if total <= 0 {
            return Err(vm.new_error(TP_VALUE_ERROR, "Total of counts must be greater than zero"));
        }
        let range = vm.heap.alloc(TP_RANGE, ObjData::Range { start: 0, stop: total, step: 1 }, None);
        vm.keep_alive(range);
        let sel = r_sample(vm, &[this, range, kv], &[])?;
        vm.keep_alive(sel);
        let picks: Vec<i64> = sel.list().map(|l| l.borrow().iter().map(|v| v.as_i64()).collect()).unwrap_or_default();
        let mut out = Vec::with_capacity(picks.len());
        let holder = vm.new_list(Vec::new());
        vm.keep_alive(holder);
        for s in picks {
            let idx = cum.partition_point(|&c| c <= s);
            let item = seq_item(vm, &population, idx)?;
            if let Some(l) = holder.list() {
                l.borrow_mut().push(item);
            }
            out.push(item);
        }
        return Ok(vm.new_list(out));
    }
    let k = index_big(vm, &kv)?;
    let k = match k.to_i64() {
        Some(k) if k >= 0 && k as u64 <= n as u64 => k as usize,
        _ => return Err(vm.new_error(TP_VALUE_ERROR, "Sample larger than population or is negative")),
    };
    let mut setsize: u128 = 21;
    if k > 5 {
        let e = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
        setsize = setsize.saturating_add(if e >= 60 { u128::MAX / 2 } else { 4u128.pow(e) });
    }
    let holder = vm.new_list(Vec::new());
    vm.keep_alive(holder);
    if (n as u128) <= setsize {
        let mut pool = vm.collect_iter(&population)?;
        if let Some(l) = holder.list() {
            l.borrow_mut().extend_from_slice(&pool);
        }
        let mut result = Vec::with_capacity(k);
        for i in 0..k {
            let j = with_rng(vm, &this, |m| m.below_u64((n - i) as u64))? as usize;
            result.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
        return Ok(vm.new_list(result));
    }
    let mut selected = std::collections::HashSet::with_capacity(k);
    let mut result = Vec::with_capacity(k);
    for _ in 0..k {
        let mut j = with_rng(vm, &this, |m| m.below_u64(n as u64))?;
        while selected.contains(&j) {
            j = with_rng(vm, &this, |m| m.below_u64(n as u64))?;
        }
        selected.insert(j);
        let item = seq_item(vm, &population, j as usize)?;
        if let Some(l) = holder.list() {
            l.borrow_mut().push(item);
        }
        result.push(item);
    }
    Ok(vm.new_list(result))
}

fn r_choices(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "choices", &a[1..], kw, &["population", "weights", "cum_weights", "k"], 2)?;
    let this = a[0];
    let population = match p[0] {
        Some(v) => v,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "choices() missing 1 required positional argument: 'population'")),
    };
    let k = match p[3] {
        Some(v) => index_i64(vm, &v)?.max(0) as usize,
        None => 1,
    };
    if k > (1 << 28) {
        return Err(vm.new_error(TP_MEMORY_ERROR, ""));
    }
    let n = vm.len(&population)?;
    let weights = p[1].filter(|v| !v.is_none());
    let cum = p[2].filter(|v| !v.is_none());
    let holder = vm.new_list(Vec::new());
    vm.keep_alive(holder);
    let mut out = Vec::with_capacity(k);
    let push = |vm: &mut Vm, item: Value, out: &mut Vec<Value>| {
        let _ = vm;
        if let Some(l) = holder.list() {
            l.borrow_mut().push(item);
        }
        out.push(item);
    };
    if weights.is_none() && cum.is_none() {
        let nf = n as f64;
        for _ in 0..k {
            let r = with_rng(vm, &this, |m| m.random())?;
            let i = (r * nf).floor() as usize;
            let item = seq_item(vm, &population, i)?;
            push(vm, item, &mut out);
        }
        return Ok(vm.new_list(out));
    }
    let cum_weights: Vec<f64> = match (weights, cum) {
        (Some(_), Some(_)) => return Err(vm.new_error(TP_TYPE_ERROR, "Cannot specify both weights and cumulative weights")),
        (Some(w), None) => {
            let ws = vm.collect_iter(&w)?;
            let mut acc = Vec::with_capacity(ws.len());
            let mut total = 0.0;
            for x in &ws {
                total += to_float(vm, x)?;
                acc.push(total);
            }
            acc
        }
        (None, Some(c)) => {
            let cs = vm.collect_iter(&c)?;
            let mut acc = Vec::with_capacity(cs.len());
            for x in &cs {
                acc.push(to_float(vm, x)?);
            }
            acc
        }
        _ => Vec::new(),
    };
    if cum_weights.len() != n {
        return Err(vm.new_error(TP_VALUE_ERROR, "The number of weights does not match the population"));
    }
    let total = cum_weights[n - 1];
    if total <= 0.0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.new_error(TP_VALUE_ERROR, "Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let r = with_rng(vm, &this, |m| m.random())? * total;
        let idx = cum_weights[..hi].partition_point(|&c| c <= r);
        let item = seq_item(vm, &population, idx)?;
        push(vm, item, &mut out);
    }
    Ok(vm.new_list(out))
}

/// Float parameters with defaults.
fn float_params(vm: &mut Vm, fname: &str, a: &[Value], kw: &[(Name, Value)], names: &[&str], defaults: &[Option<f64>]) -> PyResult<Vec<f64>> {
    let p = bind_params(vm, fname, &a[1..], kw, names, names.len())?;
    let mut out = Vec::with_capacity(names.len());
    for (i, v) in p.iter().enumerate() {
        match (v, defaults[i]) {
            (Some(v), _) => out.push(to_float(vm, v)?),
            (None, Some(d)) => out.push(d),
            (None, None) => {
                let msg = format!("{}() missing required argument '{}'", fname, names[i]);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
    Ok(out)
}

fn r_uniform(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "uniform", a, kw, &["a", "b"], &[None, None])?;
    let r = with_rng(vm, &a[0], |m| m.random())?;
    Ok(Value::float(f[0] + (f[1] - f[0]) * r))
}

fn r_triangular(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let p = bind_params(vm, "triangular", &a[1..], kw, &["low", "high", "mode"], 3)?;
    let mut low = match p[0] {
        Some(v) => to_float(vm, &v)?,
        None => 0.0,
    };
    let mut high = match p[1] {
        Some(v) => to_float(vm, &v)?,
        None => 1.0,
    };
    let mode = match p[2] {
        Some(v) if !v.is_none() => Some(to_float(vm, &v)?),
        _ => None,
    };
    let mut u = with_rng(vm, &a[0], |m| m.random())?;
    let mut c = match mode {
        None => 0.5,
        Some(md) => {
            if high - low == 0.0 {
                return Ok(Value::float(low));
            }
            (md - low) / (high - low)
        }
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::float(low + (high - low) * (u * c).sqrt()))
}

fn normal_sample(m: &mut Mt) -> f64 {
    let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    loop {
        let u1 = m.random();
        let u2 = 1.0 - m.random();
        let z = nv_magicconst * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return z;
        }
    }
}

fn r_normalvariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "normalvariate", a, kw, &["mu", "sigma"], &[Some(0.0), Some(1.0)])?;
    let z = with_rng(vm, &a[0], normal_sample)?;
    Ok(Value::float(f[0] + z * f[1]))
}

fn r_lognormvariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "lognormvariate", a, kw, &["mu", "sigma"], &[None, None])?;
    let z = with_rng(vm, &a[0], normal_sample)?;
    let r = (f[0] + z * f[1]).exp();
    Ok(Value::float(r))
}

fn r_gauss(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "gauss", a, kw, &["mu", "sigma"], &[Some(0.0), Some(1.0)])?;
    let z = with_rng(vm, &a[0], |m| match m.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = m.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - m.random()).ln()).sqrt();
            m.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    })?;
    Ok(Value::float(f[0] + z * f[1]))
}

fn r_expovariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "expovariate", a, kw, &["lambd"], &[Some(1.0)])?;
    let u = with_rng(vm, &a[0], |m| m.random())?;
    if f[0] == 0.0 {
        return Err(vm.new_error(TP_ZERO_DIVISION_ERROR, "float division by zero"));
    }
    Ok(Value::float(-(1.0 - u).ln() / f[0]))
}

fn r_paretovariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "paretovariate", a, kw, &["alpha"], &[None])?;
    let u = 1.0 - with_rng(vm, &a[0], |m| m.random())?;
    Ok(Value::float(u.powf(-1.0 / f[0])))
}

fn r_weibullvariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "weibullvariate", a, kw, &["alpha", "beta"], &[None, None])?;
    let u = 1.0 - with_rng(vm, &a[0], |m| m.random())?;
    Ok(Value::float(f[0] * (-u.ln()).powf(1.0 / f[1])))
}

fn gamma_sample(m: &mut Mt, alpha: f64, beta: f64) -> f64 {
    const LOG4: f64 = 1.3862943611198906;
    const SG_MAGICCONST: f64 = 2.504077396776274;
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - LOG4;
        let ccc = alpha + ainv;
        loop {
            let u1 = m.random();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - m.random();
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= z.ln() {
                return x * beta;
            }
        }
    } else if alpha == 1.0 {
        -(1.0 - m.random()).ln() * beta
    } else {
        loop {
            let u = m.random();
            let b = (std::f64::consts::E + alpha) / std::f64::consts::E;
            let p = b * u;
            let x = if p <= 1.0 { p.powf(1.0 / alpha) } else { -((b - p) / alpha).ln() };
            let u1 = m.random();
            if p > 1.0 {
                if u1 <= x.powf(alpha - 1.0) {
                    return x * beta;
                }
            } else if u1 <= (-x).exp() {
                return x * beta;
            }
        }
    }
}

fn r_gammavariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "gammavariate", a, kw, &["alpha", "beta"], &[None, None])?;
    if f[0] <= 0.0 || f[1] <= 0.0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "gammavariate: alpha and beta must be > 0.0"));
    }
    let r = with_rng(vm, &a[0], |m| gamma_sample(m, f[0], f[1]))?;
    Ok(Value::float(r))
}

fn r_betavariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "betavariate", a, kw, &["alpha", "beta"], &[None, None])?;
    if f[0] <= 0.0 || f[1] <= 0.0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "gammavariate: alpha and beta must be > 0.0"));
    }
    let r = with_rng(vm, &a[0], |m| {
        let y = gamma_sample(m, f[0], 1.0);
        if y != 0.0 {
            y / (y + gamma_sample(m, f[1], 1.0))
        } else {
            0.0
        }
    })?;
    Ok(Value::float(r))
}

fn r_vonmisesvariate(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = float_params(vm, "vonmisesvariate", a, kw, &["mu", "kappa"], &[None, None])?;
    let (mu, kappa) = (f[0], f[1]);
    let tau = std::f64::consts::TAU;
    let r = with_rng(vm, &a[0], |m| {
        if kappa <= 1e-6 {
            return tau * m.random();
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = m.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = m.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = m.random();
        if u3 > 0.5 {
            (mu + f.acos()).rem_euclid(tau)
        } else {
            (mu - f.acos()).rem_euclid(tau)
        }
    })?;
    Ok(Value::float(r))
}

fn r_getstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (words, idx, gauss) = with_rng(vm, &a[0], |m| (m.mt, m.idx, m.gauss_next))?;
    let mut items: Vec<Value> = words.iter().map(|w| Value::int(*w as i64)).collect();
    items.push(Value::int(idx.min(N) as i64));
    let inner = vm.new_tuple(items);
    vm.keep_alive(inner);
    let g = match gauss {
        Some(g) => Value::float(g),
        None => Value::NONE,
    };
    Ok(vm.new_tuple(vec![Value::int(3), inner, g]))
}

fn r_setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let st = match a[1].tuple() {
        Some(t) if t.len() == 3 => t.to_vec(),
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "state vector must be a tuple")),
    };
    if !(st[0].is_small_int() && st[0].as_i64() == 3) {
        let msg = format!("state with version {} passed to Random.setstate() of version 3", vm.repr(&st[0])?);
        return Err(vm.new_error(TP_VALUE_ERROR, msg));
    }
    let inner = match st[1].tuple() {
        Some(t) if t.len() == N + 1 => t.to_vec(),
        _ => return Err(vm.new_error(TP_VALUE_ERROR, "state vector is the wrong size")),
    };
    let mut words = [0u32; N];
    for (i, w) in inner[..N].iter().enumerate() {
        let b = index_big(vm, w)?;
        words[i] = match b.to_u32() {
            Some(x) => x,
            None => return Err(vm.new_error(TP_OVERFLOW_ERROR, "Python int too large to convert to C unsigned long")),
        };
    }
    let idx = index_i64(vm, &inner[N])?;
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.new_error(TP_VALUE_ERROR, "invalid state"));
    }
    let gauss = if st[2].is_none() { None } else { Some(to_float(vm, &st[2])?) };
    with_rng(vm, &a[0], |m| {
        m.mt = words;
        m.idx = idx as usize;
        m.gauss_next = gauss;
    })?;
    Ok(Value::NONE)
}

fn random_type(vm: &mut Vm) -> TypeId {
    if let Some(t) = vm.native_types.get("random.Random") {
        return *t;
    }
    let t = vm.new_builtin_type("Random", TP_OBJECT, "random");
    vm.native_types.insert("random.Random", t);
    crate::objects::int::bind_static_kw(vm, t, "__new__", r_new);
    for (name, f) in METHODS_KW {
        vm.bind_method_kw(t, name, *f);
    }
    for (name, argc, f) in METHODS {
        vm.bind_method(t, name, *argc, *f);
    }
    vm.bind_method_kw(t, "__init__", r_init);
    t
}

const METHODS: &[(&str, i32, NativeFn)] = &[
    ("random", 1, r_random),
    ("getrandbits", 2, r_getrandbits),
    ("randbytes", 2, r_randbytes),
    ("randint", 3, r_randint),
    ("choice", 2, r_choice),
    ("shuffle", 2, r_shuffle),
    ("getstate", 1, r_getstate),
    ("setstate", 2, r_setstate),
];

const METHODS_KW: &[(&str, NativeFnKw)] = &[
    ("seed", r_seed),
    ("randrange", r_randrange),
    ("sample", r_sample),
    ("choices", r_choices),
    ("uniform", r_uniform),
    ("triangular", r_triangular),
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("lognormvariate", r_lognormvariate),
    ("expovariate", r_expovariate),
    ("paretovariate", r_paretovariate),
    ("weibullvariate", r_weibullvariate),
    ("gammavariate", r_gammavariate),
    ("betavariate", r_betavariate),
    ("vonmisesvariate", r_vonmisesvariate),
];

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("random");
    let t = random_type(vm);
    let tobj = vm.types[t as usize].obj;
    vm.module_set(&m, "Random", tobj);
    let inst = r_new(vm, &[tobj], &[])?;
    vm.module_set(&m, "_inst", inst);
    let names: Vec<&str> = METHODS.iter().map(|x| x.0).chain(METHODS_KW.iter().map(|x| x.0)).collect();
    for name in names {
        if let Some(f) = vm.tp(t).dict().get(Name::new(name)) {
            let bm = vm.new_bound_method(inst, f);
            vm.module_set(&m, name, bm);
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_sequence() {
        // random.seed(42); [random.random() for _ in range(3)] in CPython.
        let mut m = Mt::new();
        m.init_by_array(&seed_key(&BigInt::from(42)));
        let v: Vec<f64> = (0..3).map(|_| m.random()).collect();
        assert_eq!(v, vec![0.6394267984578837, 0.025010755222666936, 0.27502931836911926]);
        // random.seed(12345); random.getrandbits(32)
        let mut m = Mt::new();
        m.init_by_array(&seed_key(&BigInt::from(0)));
        assert_eq!(m.random(), 0.8444218515250481);
    }
}
