//! The input bytes as a program of C API calls, made the way a careful-enough
//! C host makes them: values live in the VM's registers (`py_r0..py_r7`) and
//! `py_retval()`, every pointer is valid, functions that cannot raise get
//! arguments of the type they document (they abort on misuse by design),
//! and functions that can raise get anything, including NULL and values of
//! the wrong type. Exceptions are cleared or left pending as the input says.
//!
//! Each byte picks an operation; the following bytes are its arguments.
//! Every input starts from freshly reset VMs, so a crash replays.
#![no_main]

use std::ffi::{c_char, c_int, CStr};

use libfuzzer_sys::fuzz_target;
use pocketpy::capi::containers::*;
use pocketpy::capi::exceptions::*;
use pocketpy::capi::exec::*;
use pocketpy::capi::ops::*;
use pocketpy::capi::setup::*;
use pocketpy::capi::stack::*;
use pocketpy::capi::values::*;
use pocketpy::capi::bind::*;
use pocketpy::capi::limits::{py_heap_setlimit, py_watchdog_begin};
use pocketpy::capi::{c11_sv, py_Name, py_Ref, py_StackRef};

const NREG: u8 = 8;

/// Names a host would use (py_name of each).
const NAMES: &[&CStr] = &[
    c"x", c"y", c"f", c"append", c"__add__", c"__radd__", c"__len__", c"__getitem__", c"keys", c"items",
    c"__class__", c"__dict__", c"__name__", c"upper", c"split", c"copy", c"pop", c"__init__", c"__repr__", c"sort",
];

/// Source snippets for py_exec / py_eval.
const SNIPPETS: &[&CStr] = &[
    c"x = 1",
    c"x = [1, 2.5, 'a', None, (1,), {1: 2}]",
    c"def f(*a, **k): return a",
    c"class C:\n    def __init__(self, v=0): self.v = v\n    def __repr__(self): return 'C(%r)' % (self.v,)\n    def __add__(self, o): return C(o)\ny = C(3)",
    c"import math\nx = math.sqrt(2)",
    c"f = lambda *a: sum(a) if all(type(i) is int for i in a) else a",
    c"x = {'a': [1, 2], 'b': {'c': (3, 4)}}",
    c"raise ValueError('boom')",
    c"def g():\n    yield 1\n    yield 2\nx = g()",
    c"x = y",
    c"x = 10 ** 30",
    c"import pickle\nx = pickle.dumps([1, 'a', {2: 3}])",
    c"l = []\nl.append(l)\nx = l",
    c"x = callback(1, 2, 3)",
    c"x = [callback(i) for i in range(3)]",
    c"def f(a, b=2): return a + b",
    c"del x",
    c"x = b'\\x00\\xff' * 3",
    c"x = frozenset({1, 2}) | {3}",
    c"x = (lambda: (yield))()",
    c"import json\nx = json.loads('[1, {\"a\": null}]')",
    c"x = 1 +",
    c"class E(Exception): pass\nraise E(x)",
    c"x = sorted([3, 1, 2], key=lambda v: -v)",
];
const EXPRS: &[&CStr] = &[
    c"x", c"1 + 2", c"[1, 2, 3]", c"'abc'", c"{1: 'a'}", c"f", c"y", c"callback", c"len", c"(1, 'two', 3.0)", c"1 / 0",
    c"None", c"int", c"dict", c"list", c"str", c"type", c"object", c"__name__",
];
const MODULES: &[&CStr] = &[c"math", c"json", c"pickle", c"random", c"re", c"nosuchmodule", c"collections", c"base64", c"os", c"__main__"];

struct Input<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
    fn reg(&mut self) -> py_Ref {
        py_getreg((self.byte() % NREG) as c_int)
    }
    /// A register or py_retval().
    fn val(&mut self) -> py_Ref {
        let b = self.byte() % (NREG + 1);
        if b == NREG {
            py_retval()
        } else {
            py_getreg(b as c_int)
        }
    }
    /// A value, or NULL for the functions that document raising on NULL.
    fn val_or_null(&mut self) -> py_Ref {
        if self.byte() == 0xff {
            std::ptr::null_mut()
        } else {
            self.val()
        }
    }
    fn name(&mut self) -> py_Name {
        py_name(NAMES[self.byte() as usize % NAMES.len()].as_ptr())
    }
    fn pick<'s>(&mut self, from: &[&'s CStr]) -> &'s CStr {
        from[self.byte() as usize % from.len()]
    }
    fn int(&mut self) -> i64 {
        match self.byte() % 4 {
            0 => self.byte() as i8 as i64,
            1 => i64::MAX - self.byte() as i64,
            2 => i64::MIN + self.byte() as i64,
            _ => {
                let mut b = [0u8; 8];
                for x in b.iter_mut() {
                    *x = self.byte();
                }
                i64::from_le_bytes(b)
            }
        }
    }
    /// Up to 16 raw bytes (any encoding).
    fn bytes(&mut self) -> &[u8] {
        let n = (self.byte() % 17) as usize;
        let start = self.pos.min(self.data.len());
        let end = (start + n).min(self.data.len());
        self.pos += n;
        &self.data[start..end]
    }
}

unsafe extern "C" fn quiet_print(_: *const c_char) {}

/// A host function: returns its argument count, or re-enters the API.
unsafe extern "C" fn callback(argc: c_int, argv: py_StackRef) -> bool {
    match argc {
        1 => {
            // Re-entry: call Python from the callback and return the result.
            let r = py_eval(c"[1, 2]".as_ptr(), std::ptr::null_mut());
            if r {
                let mut n = 0;
                py_len(argv);
                if py_istype(py_retval(), tp_int) {
                    n = py_toint(py_retval());
                }
                py_newint(py_retval(), n);
            }
            r
        }
        2 => py_exception_str(tp_ValueError, c"raised by the host".as_ptr()),
        3 => py_str(argv.add(2)),
        _ => {
            py_newint(py_retval(), argc as i64);
            true
        }
    }
}

/// Values the host pushed on the current VM's stack.
struct Stack {
    pushed: c_int,
}

impl Stack {
    fn clear(&mut self) {
        if self.pushed > 0 {
            py_shrink(self.pushed);
        }
        self.pushed = 0;
    }
}

fn is(p: py_Ref, t: i16) -> bool {
    py_istype(p, t)
}

fn fresh() {
    py_switchvm(0);
    py_resetallvm();
    py_allowfilesystem(false);
    // SAFETY: py_callbacks() points to the current VM's callback table.
    unsafe { (*py_callbacks()).print = Some(quiet_print) };
    let main = pocketpy::capi::exec::py_getmodule(c"__main__".as_ptr());
    py_bindfunc(main, c"callback".as_ptr(), Some(callback));
    for i in 0..NREG {
        py_newnone(py_getreg(i as c_int));
    }
    py_watchdog_begin(2000);
    py_heap_setlimit(256 << 20);
}

fuzz_target!(|data: &[u8]| {
    fresh();
    let mut inp = Input { data, pos: 0 };
    let mut st = Stack { pushed: 0 };
    let mut steps = 0;
    while !inp.done() && steps < 200 {
        steps += 1;
        let op = inp.byte();
        let ok: bool = match op % 48 {
            0 => {
                let r = inp.reg();
                let v = inp.int();
                py_newint(r, v);
                true
            }
            1 => {
                let r = inp.reg();
                let v = f64::from_bits(inp.int() as u64);
                py_newfloat(r, v);
                true
            }
            2 => {
                let r = inp.reg();
                let s = inp.pick(NAMES);
                py_newstr(r, s.as_ptr());
                true
            }
            3 => {
                let r = inp.reg();
                let b = inp.bytes().to_vec();
                py_newstrv(r, c11_sv { data: b.as_ptr() as *const c_char, size: b.len() as c_int });
                true
            }
            4 => {
                let r = inp.reg();
                match inp.byte() % 5 {
                    0 => py_newnone(r),
                    1 => py_newbool(r, true),
                    2 => py_newbool(r, false),
                    3 => py_newellipsis(r),
                    _ => py_newnotimplemented(r),
                }
                true
            }
            5 => {
                let r = inp.reg();
                py_newlist(r);
                true
            }
            6 => {
                let r = inp.reg();
                py_newdict(r);
                true
            }
            7 => {
                // A tuple filled from registers (read before `r` is overwritten).
                let r = inp.reg();
                let n = (inp.byte() % 5) as usize;
                let items: Vec<_> = (0..n).map(|_| unsafe { *inp.val() }).collect();
                let p = py_newtuple(r, n as c_int);
                for (i, v) in items.into_iter().enumerate() {
                    // SAFETY: py_newtuple returned `n` items.
                    unsafe { *p.add(i) = v };
                }
                true
            }
            8 => {
                let r = inp.reg();
                let b = inp.bytes().to_vec();
                let p = py_newbytes(r, b.len() as c_int);
                // SAFETY: py_newbytes returned `len` bytes.
                unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
                true
            }
            9 => {
                let n = inp.name();
                let v = inp.val();
                py_setglobal(n, v);
                true
            }
            10 => {
                let n = inp.name();
                let r = inp.reg();
                let g = py_getglobal(n);
                if !g.is_null() {
                    py_assign(r, g);
                }
                true
            }
            11 => {
                let s = inp.pick(SNIPPETS);
                py_exec(s.as_ptr(), c"<fuzz>".as_ptr(), 0, std::ptr::null_mut())
            }
            12 => {
                let s = inp.pick(EXPRS);
                py_eval(s.as_ptr(), std::ptr::null_mut())
            }
            13 => {
                // py_call(f, argc, argv) with argv a run of registers.
                let f = inp.val();
                let start = inp.byte() % NREG;
                let argc = inp.byte() % (NREG - start + 1);
                py_call(f, argc as c_int, py_getreg(start as c_int))
            }
            14 => {
                let o = inp.val_or_null();
                let n = inp.name();
                py_getattr(o, n)
            }
            15 => {
                let o = inp.val_or_null();
                let n = inp.name();
                let v = inp.val_or_null();
                py_setattr(o, n, v)
            }
            16 => {
                let o = inp.val_or_null();
                let n = inp.name();
                py_delattr(o, n)
            }
            17 => {
                let l = inp.val();
                let v = inp.val();
                if is(l, tp_list) {
                    py_list_append(l, v);
                }
                true
            }
            18 => {
                let l = inp.val();
                let r = inp.reg();
                let i = inp.byte() as c_int;
                if is(l, tp_list) && i < py_list_len(l) {
                    let item = py_list_getitem(l, i);
                    py_assign(r, item);
                }
                true
            }
            19 => {
                let l = inp.val();
                let i = inp.byte() as c_int;
                if is(l, tp_list) && i < py_list_len(l) {
                    py_list_delitem(l, i);
                }
                true
            }
            20 => {
                let l = inp.val();
                let i = inp.byte() as c_int;
                let v = inp.val();
                if is(l, tp_list) && i <= py_list_len(l) {
                    py_list_insert(l, i, v);
                }
                true
            }
            21 => {
                let d = inp.val();
                let k = inp.val();
                let v = inp.val();
                if is(d, tp_dict) {
                    py_dict_setitem(d, k, v)
                } else {
                    true
                }
            }
            22 => {
                let d = inp.val();
                let k = inp.val();
                if is(d, tp_dict) {
                    py_dict_getitem(d, k) >= 0
                } else {
                    true
                }
            }
            23 => {
                let d = inp.val();
                let k = inp.val();
                if is(d, tp_dict) {
                    py_dict_delitem(d, k) >= 0
                } else {
                    true
                }
            }
            24 => {
                // Switch VMs, including indices out of range. The host's
                // pushes belong to the VM it leaves.
                st.clear();
                let i = inp.byte() % 20;
                py_switchvm(i as c_int);
                unsafe { (*py_callbacks()).print = Some(quiet_print) };
                true
            }
            25 => {
                let v = inp.val_or_null();
                if py_pickle_dumps(v) {
                    // Load what was dumped (the bytes are in py_retval()).
                    let mut n: c_int = 0;
                    let p = py_tobytes(py_retval(), &mut n);
                    let copy = unsafe { std::slice::from_raw_parts(p, n as usize) }.to_vec();
                    let r = inp.reg();
                    let ok = py_pickle_loads(copy.as_ptr(), copy.len() as c_int);
                    if ok {
                        py_assign(r, py_retval());
                    }
                    ok
                } else {
                    false
                }
            }
            26 => {
                let b = inp.bytes().to_vec();
                py_pickle_loads(b.as_ptr(), b.len() as c_int)
            }
            27 => {
                let v = inp.val();
                if is(v, tp_str) {
                    let s = py_tostr(v);
                    let _ = unsafe { CStr::from_ptr(s) }.to_bytes().len();
                    let mut n = 0;
                    py_tostrn(v, &mut n);
                }
                true
            }
            28 => {
                let v = inp.val_or_null();
                if inp.byte() & 1 == 0 {
                    py_str(v)
                } else {
                    py_repr(v)
                }
            }
            29 => {
                let a = inp.val_or_null();
                let b = inp.val_or_null();
                let ops = [c"__add__", c"__sub__", c"__mul__", c"__truediv__", c"__mod__", c"__lshift__", c"__and__", c"__pow__"];
                let rops = [c"__radd__", c"__rsub__", c"__rmul__", c"__rtruediv__", c"__rmod__", c"__rlshift__", c"__rand__", c"__rpow__"];
                let k = inp.byte() as usize % ops.len();
                py_binaryop(a, b, py_name(ops[k].as_ptr()), py_name(rops[k].as_ptr()))
            }
            30 => {
                let o = inp.val_or_null();
                let k = inp.val_or_null();
                match inp.byte() % 3 {
                    0 => py_getitem(o, k),
                    1 => {
                        let v = inp.val_or_null();
                        py_setitem(o, k, v)
                    }
                    _ => py_delitem(o, k),
                }
            }
            31 => {
                let v = inp.val_or_null();
                match inp.byte() % 6 {
                    0 => py_len(v),
                    1 => py_bool(v) >= 0,
                    2 => {
                        let mut h = 0;
                        py_hash(v, &mut h)
                    }
                    3 => py_iter(v),
                    4 => {
                        if py_iter(v) {
                            let r = inp.reg();
                            py_assign(r, py_retval());
                            py_next(r) >= 0
                        } else {
                            false
                        }
                    }
                    _ => {
                        let w = inp.val_or_null();
                        py_equal(v, w) >= 0 && py_less(v, w) >= 0
                    }
                }
            }
            32 => {
                py_gc_collect();
                true
            }
            33 => {
                let r = inp.reg();
                py_assign(r, py_retval());
                true
            }
            34 => {
                // A vectorcall: callable, self-or-nil, args, then kwargs.
                st.clear();
                let f = inp.val();
                py_push(f);
                py_pushnil();
                let argc = inp.byte() % 4;
                for _ in 0..argc {
                    let a = inp.val();
                    py_push(a);
                }
                let kwargc = inp.byte() % 3;
                for _ in 0..kwargc {
                    let n = inp.name();
                    py_pushname(n);
                    let a = inp.val();
                    py_push(a);
                }
                // vectorcall pops what was pushed, whether it raises or not.
                py_vectorcall(argc as u16, kwargc as u16)
            }
            35 => {
                // A method call through the stack.
                st.clear();
                let o = inp.val();
                py_push(o);
                let n = inp.name();
                if py_pushmethod(n) {
                    let a = inp.val();
                    py_push(a);
                    py_vectorcall(1, 0)
                } else {
                    py_pop();
                    true
                }
            }
            36 => {
                let v = inp.val();
                py_push(v);
                st.pushed += 1;
                true
            }
            37 => {
                if st.pushed > 0 {
                    let r = inp.reg();
                    py_assign(r, py_peek(-1));
                    py_pop();
                    st.pushed -= 1;
                }
                true
            }
            38 => {
                // Clear the pending exception (a host that forgets leaves it).
                if py_checkexc(false) {
                    match inp.byte() % 3 {
                        0 => {
                            let s = py_formatexc();
                            py_free(s as *mut _);
                        }
                        1 => {
                            py_matchexc(tp_Exception);
                        }
                        _ => py_clearexc(std::ptr::null_mut()),
                    }
                }
                true
            }
            39 => {
                let v = inp.val_or_null();
                if py_json_dumps(v) {
                    let s = py_tostr(py_retval());
                    let copy = unsafe { CStr::from_ptr(s) }.to_owned();
                    py_json_loads(copy.as_ptr())
                } else {
                    false
                }
            }
            40 => {
                let b = inp.bytes().to_vec();
                let mut c = b.into_iter().filter(|&x| x != 0).collect::<Vec<u8>>();
                c.push(0);
                py_json_loads(c.as_ptr() as *const c_char)
            }
            41 => {
                let m = inp.pick(MODULES);
                let r = inp.reg();
                let k = py_import(m.as_ptr());
                if k == 1 {
                    py_assign(r, py_retval());
                }
                k >= 0
            }
            42 => {
                let v = inp.val_or_null();
                let mut i = 0;
                let mut f = 0.0;
                py_castint(v, &mut i) || py_castfloat(v, &mut f)
            }
            43 => {
                // Call a type object with arguments from registers.
                let ts = [tp_int, tp_float, tp_str, tp_list, tp_tuple, tp_dict, tp_bool, tp_object, tp_bytes, tp_set, tp_frozenset, tp_range, tp_slice, tp_type, tp_ValueError, tp_KeyError];
                let t = ts[inp.byte() as usize % ts.len()];
                let start = inp.byte() % NREG;
                let argc = inp.byte() % (NREG - start + 1).min(3);
                py_tpcall(t, argc as c_int, py_getreg(start as c_int))
            }
            44 => {
                // Run code in a module object the host holds (any value: a
                // non-module must be refused).
                let m = inp.val();
                let s = inp.pick(SNIPPETS);
                py_exec(s.as_ptr(), c"<fuzz>".as_ptr(), (inp.byte() % 4) as c_int, m)
            }
            45 => {
                if inp.byte() % 8 == 0 {
                    st.clear();
                    py_resetvm();
                    unsafe { (*py_callbacks()).print = Some(quiet_print) };
                }
                true
            }
            46 => {
                let ty = inp.val();
                let v = inp.val();
                let t = py_typeof(v);
                if is(ty, tp_type) {
                    let tt = py_totype(ty);
                    let _ = py_isinstance(v, tt) && py_issubclass(t, tt);
                }
                let _ = py_callable(v);
                true
            }
            _ => {
                let r = inp.val_or_null();
                let b = inp.bytes().to_vec();
                let mut c = b.into_iter().filter(|&x| x != 0).collect::<Vec<u8>>();
                // Legitimately endless or huge work in 16 bytes: not a bug.
                let text = String::from_utf8_lossy(&c).into_owned();
                if ["while", "*", "<<", "import", "sleep", "input"].iter().any(|w| text.contains(w)) {
                    continue;
                }
                c.push(0);
                py_exec(c.as_ptr() as *const c_char, std::ptr::null(), 0, r)
            }
        };
        let _ = ok;
    }
    st.clear();
    py_clearexc(std::ptr::null_mut());
    py_gc_collect();
});
