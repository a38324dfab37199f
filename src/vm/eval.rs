//! The eval loop.
//!
//! `Vm::run` executes frames until the entry frame (the one on top when it
//! was called) returns. Python-to-Python calls push a frame and continue in
//! the same loop; only calls from native code re-enter `run`.

use std::sync::Arc;

use crate::compiler::bytecode::{code_flags, fmt_flags, make_fn, BinaryOp, CompareOp, Const, Op, INPLACE};
use crate::compiler::CodeObject;
use crate::objects::function::Function;
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::frame::{code_of, Frame, GenStatus};
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

/// Interned `names` and `varnames` of a code object (computed once).
/// Code objects whose constants `Vm::const_cache` keeps at most.
const CONST_CACHE_CODES: usize = 4096;

pub fn code_names(code: &CodeObject) -> &[u32] {
    code.interned.get_or_init(|| {
        code.names
            .iter()
            .chain(code.varnames.iter())
            .map(|s| Name::new(s).0)
            .collect::<Vec<u32>>()
            .into_boxed_slice()
    })
}

/// A short constant made only of ASCII letters, digits and underscores.
fn is_identifier_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

pub(crate) enum Flow {
    /// The entry frame returned this value.
    Return(Value),
    /// The entry frame (a generator) yielded this value.
    Yield(Value),
}

impl Vm {
    /// Constant `i` of `code`: immediates directly, heap constants made once
    /// per VM and code object (`Vm::const_cache`). Kept out of line so the
    /// eval loop stays compact.
    #[inline(never)]
    pub fn load_const(&mut self, code: &Arc<CodeObject>, i: usize) -> Value {
        let c = &code.consts[i];
        if !matches!(c, Const::Str(_) | Const::Bytes(_) | Const::Tuple(_) | Const::BigInt(_)) {
            return self.const_value(c);
        }
        let key = Arc::as_ptr(code) as usize;
        if let Some((_, vals)) = self.const_cache.get(&key) {
            let v = vals[i];
            if !v.is_nil() {
                return v;
            }
        }
        let v = self.const_value(c);
        if self.const_cache.len() >= CONST_CACHE_CODES && !self.const_cache.contains_key(&key) {
            self.const_cache.clear();
        }
        let n = code.consts.len();
        let entry = self.const_cache.entry(key).or_insert_with(|| (code.clone(), vec![Value::NIL; n]));
        entry.1[i] = v;
        v
    }

    pub fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::NONE,
            Const::True => Value::TRUE,
            Const::False => Value::FALSE,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Int(i) => Value::int(*i),
            Const::BigInt(s) => {
                let b: num_bigint::BigInt = s.parse().unwrap_or_default();
                self.new_bigint(b)
            }
            Const::Float(f) => Value::float(*f),
            Const::Imag(_) => Value::NONE,
            // Identifier-like constants are one object per VM (as CPython
            // interns them): dict keys written in one function and looked
            // up in another then match by identity.
            Const::Str(s) if is_identifier_like(s) => self.name_str(Name::new(s)),
            Const::Str(s) => self.new_str(s),
            Const::Bytes(b) => self.new_bytes(b.clone()),
            Const::Tuple(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(v)
            }
            Const::Code(code) => self.heap.alloc(TP_CODE, ObjData::Code(code.clone()), None),
        }
    }

    /// Run code as the body of module `module` (its globals), returning the
    /// value of the code (None for statements).
    pub fn run_code(&mut self, code: Arc<CodeObject>, globals: Value, locals: Value) -> PyResult<Value> {
        code_names(&code);
        let base = self.sp;
        let nslots = code.nlocals() + code.ncells();
        if base + nslots + code.max_stack as usize + 8 >= self.stack.len() {
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        for i in 0..nslots {
            self.stack[base + i] = Value::NIL;
        }
        // Module code with cells (rare: a class in a module referencing __class__ is in
        // its own scope) still gets fresh cells.
        for i in 0..code.ncells() {
            let c = self.heap.alloc(TP_CELL, ObjData::Cell(std::cell::Cell::new(Value::NIL)), None);
            self.stack[base + code.nlocals() + i] = c;
        }
        self.sp = base + nslots;
        self.frame_counter += 1;
        let holder = self.heap.alloc(TP_CODE, ObjData::Code(code), None);
        let frame = Frame {
            code: holder,
            globals,
            locals,
            ip: 0,
            base,
            stack_base: base + nslots,
            handling_depth: self.handling.len(),
            is_entry: true,
            id: self.frame_counter,
            ret_slot: base,
            owner: Value::NIL,
        };
        self.push_frame(frame)?;
        match self.run()? {
            Flow::Return(v) => Ok(v),
            Flow::Yield(v) => Ok(v),
        }
    }

    pub(crate) fn push_frame(&mut self, f: Frame) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            self.sp = f.ret_slot;
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        if let Err(e) = self.tick() {
            self.sp = f.ret_slot;
            return Err(e);
        }
        self.frames.push(f);
        Ok(())
    }

    /// Run until the entry frame returns or yields.
    pub(crate) fn run(&mut self) -> PyResult<Flow> {
        self.run_loop(false)
    }

    /// Like `run`, but first unwind the pending exception (`generator.throw`).
    pub(crate) fn run_unwinding(&mut self) -> PyResult<Flow> {
        self.run_loop(true)
    }

    fn run_loop(&mut self, mut unwinding: bool) -> PyResult<Flow> {
        if self.native_depth > 200 {
            // Native re-entry nests Rust frames: bound it well inside the stack.
            if let Some(f) = self.frames.pop() {
                self.sp = f.ret_slot;
            }
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        let _charging = super::heap::charge_to(self.heap.account());
        let r = loop {
            if unwinding {
                if let Some(r) = self.unwind() {
                    break r;
                }
            }
            match self.run_inner() {
                Ok(flow) => break Ok(flow),
                Err(Raised) => unwinding = true,
            }
        };
        self.native_depth -= 1;
        r
    }

    /// Handle the pending exception: find a handler in the current frame (then
    /// continue running: returns None) or pop frames; returns Some(Err) when
    /// the entry frame was popped.
    fn unwind(&mut self) -> Option<PyResult<Flow>> {
        loop {
            let exc = match self.exc {
                Some(e) => e,
                None => {
                    let e = self.new_exception_obj(TP_SYSTEM_ERROR, "error raised without an exception set");
                    self.exc = Some(e);
                    e
                }
            };
            let frame = self.frames.last().expect("unwind without a frame");
            let fault = frame.ip.saturating_sub(1);
            let code = frame.code().clone();
            let fid = frame.id;
            // Record where this frame was.
            if let ObjData::Exception(ed) = &exc.obj().data {
                let mut ed = ed.borrow_mut();
                if ed.last_frame != fid {
                    ed.last_frame = fid;
                    ed.traceback.push(TbEntry {
                        filename: code.filename.clone(),
                        source: code.source.clone(),
                        line: code.line_of(fault),
                        func: code.name.clone(),
                    });
                }
            }
            let handler = code.exception_table.iter().find(|e| e.start as usize <= fault && fault < e.end as usize).copied();
            if let Some(h) = handler {
                let frame = self.frames.last_mut().unwrap();
                self.sp = frame.stack_base + h.depth as usize;
                frame.ip = h.handler as usize;
                self.exc = None;
                self.push(exc);
                return None;
            }
            let f = self.frames.pop().unwrap();
            self.handling.truncate(f.handling_depth);
            if f.owner.ty() == TP_GENERATOR {
                if let ObjData::Generator(g) = &f.owner.obj().data {
                    g.borrow_mut().status = GenStatus::Done;
                }
                // The exception leaves the generator here, whichever loop ran it.
                self.stop_iteration_to_runtime_error();
            }
            self.sp = f.ret_slot;
            if f.is_entry {
                return Some(Err(Raised));
            }
        }
    }

    /// UnboundLocalError for local `i` of `code`.
    #[cold]
    #[inline(never)]
    fn unbound_local(&mut self, code: &CodeObject, i: usize) -> Raised {
        let name = &code.varnames[i];
        self.new_error(TP_UNBOUND_LOCAL_ERROR, format!("cannot access local variable '{}' where it is not associated with a value", name))
    }

    fn run_inner(&mut self) -> PyResult<Flow> {
        let mut frame_ix = self.frames.len() - 1;
        // The running frame's code, borrowed from the value that holds it
        // (`code_v`, a copy of the frame's `code`: the frame keeps it alive
        // while it runs), and its interned names; both re-borrowed on every
        // frame switch, without touching a reference count.
        let mut code_v: Value = self.frames[frame_ix].code;
        let mut code: &Arc<CodeObject> = code_of(&code_v);
        let mut names: &[u32] = code_names(code);
        // The instructions, kept apart so dispatch reads them without going
        // through the code object.
        let mut insts: &[crate::compiler::bytecode::Instr] = &code.code;
        let mut ip = self.frames[frame_ix].ip;
        let mut base = self.frames[frame_ix].base;
        let mut kwnames: u32 = u32::MAX;
        // Values native helpers rooted for this loop's instructions live on
        // `temp_roots` above this mark; at an instruction boundary every live
        // value of this loop is on the value stack, so they can be dropped.
        let roots_base = self.temp_roots.len();

        macro_rules! reload {
            () => {{
                frame_ix = self.frames.len() - 1;
                let f = &self.frames[frame_ix];
                code_v = f.code;
                ip = f.ip;
                base = f.base;
                code = code_of(&code_v);
                #[allow(unused_assignments)]
                {
                    names = code_names(code);
                    insts = &code.code;
                }
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        self.frames[frame_ix].ip = ip;
                        return Err(e);
                    }
                }
            };
        }
        macro_rules! throw {
            ($e:expr) => {{
                self.frames[frame_ix].ip = ip;
                return Err($e);
            }};
        }
        macro_rules! name {
            ($i:expr) => {
                Name(names[$i as usize])
            };
        }

        loop {
            if self.heap.wants_collect {
                self.frames[frame_ix].ip = ip;
                self.temp_roots.truncate(roots_base);
                self.collect_garbage();
                if self.heap.exceeded() {
                    // Raised "at" the next instruction, which does not run.
                    ip += 1;
                    throw!(self.heap_limit_error());
                }
            }
            let ins = insts[ip];
            ip += 1;
            let arg = ins.arg;
            match ins.op {
                Op::NOP => {}
                Op::POP_TOP => {
                    self.sp -= 1;
                }
                Op::ROT_TWO => {
                    let sp = self.sp;
                    self.stack.swap(sp - 1, sp - 2);
                }
                Op::ROT_THREE => {
                    let sp = self.sp;
                    let top = self.stack[sp - 1];
                    self.stack[sp - 1] = self.stack[sp - 2];
                    self.stack[sp - 2] = self.stack[sp - 3];
                    self.stack[sp - 3] = top;
                }
                Op::DUP_TOP => {
                    let v = self.top();
                    self.push(v);
                }
                Op::DUP_TOP_TWO => {
                    let a = self.peek(2);
                    let b = self.peek(1);
                    self.push(a);
                    self.push(b);
                }
                Op::COPY => {
                    let v = self.peek(arg as usize);
                    self.push(v);
                }
                Op::SWAP => {
                    let sp = self.sp;
                    self.stack.swap(sp - 1, sp - arg as usize);
                }
                Op::LOAD_CONST => {
                    // Function code reads its function's copy of the
                    // constants; module code the VM's per-code cache.
                    let v = match &code_v.obj().data {
                        ObjData::Function(f) => match f.const_at(arg as usize) {
                            Some(v) => v,
                            None => {
                                let v = self.load_const(&code, arg as usize);
                                f.set_const(arg as usize, v);
                                v
                            }
                        },
                        _ => self.load_const(&code, arg as usize),
                    };
                    self.push(v);
                }
                Op::LOAD_NONE => self.push(Value::NONE),
                Op::LOAD_TRUE => self.push(Value::TRUE),
                Op::LOAD_FALSE => self.push(Value::FALSE),
                Op::LOAD_SMALL_INT => self.push(Value::int(arg as i32 as i64)),
                Op::LOAD_ELLIPSIS => self.push(Value::ELLIPSIS),
                Op::PUSH_NIL => self.push(Value::NIL),

                Op::LOAD_FAST => {
                    let v = self.stack[base + arg as usize];
                    if v.is_nil() {
                        throw!(self.unbound_local(code, arg as usize));
                    }
                    self.push(v);
                }
                Op::STORE_FAST => {
                    let v = self.pop();
                    self.stack[base + arg as usize] = v;
                }
                Op::DELETE_FAST => {
                    if self.stack[base + arg as usize].is_nil() {
                        throw!(self.unbound_local(code, arg as usize));
                    }
                    self.stack[base + arg as usize] = Value::NIL;
                }
                Op::LOAD_DEREF | Op::LOAD_CLASSDEREF => {
                    let cell = self.stack[base + code.nlocals() + arg as usize];
                    if ins.op == Op::LOAD_CLASSDEREF {
                        let locals = self.frames[frame_ix].locals;
                        if !locals.is_nil() {
                            let key = Name::new(cell_var_name(&code, arg as usize));
                            if let Some(v) = tri!(self.locals_get(&locals, key)) {
                                self.push(v);
                                continue;
                            }
                        }
                    }
                    let v = match &cell.obj().data {
                        ObjData::Cell(c) => c.get(),
                        _ => Value::NIL,
                    };
                    if v.is_nil() {
                        let cell_name = cell_var_name(&code, arg as usize);
                        let msg = if (arg as usize) < code.cellvars.len() {
                            format!("cannot access local variable '{}' where it is not associated with a value", cell_name)
                        } else {
                            format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", cell_name)
                        };
                        let t = if (arg as usize) < code.cellvars.len() { TP_UNBOUND_LOCAL_ERROR } else { TP_NAME_ERROR };
                        throw!(self.new_error(t, msg));
                    }
                    self.push(v);
                }
                Op::STORE_DEREF => {
                    let v = self.pop();
                    let cell = self.stack[base + code.nlocals() + arg as usize];
                    if let ObjData::Cell(c) = &cell.obj().data {
                        c.set(v);
                    }
                }
                Op::DELETE_DEREF => {
                    let cell = self.stack[base + code.nlocals() + arg as usize];
                    if let ObjData::Cell(c) = &cell.obj().data {
                        c.set(Value::NIL);
                    }
                }
                Op::LOAD_CLOSURE => {
                    let cell = self.stack[base + code.nlocals() + arg as usize];
                    self.push(cell);
                }
                Op::LOAD_GLOBAL => {
                    let name = name!(arg);
                    let globals = self.frames[frame_ix].globals;
                    let v = match self.load_global_cached(&globals, name, &code.global_hints[arg as usize]) {
                        Some(v) => v,
                        None => tri!(self.load_global(&globals, name)),
                    };
                    self.push(v);
                }
                Op::STORE_GLOBAL => {
                    let name = name!(arg);
                    let v = self.pop();
                    let globals = self.frames[frame_ix].globals;
                    if !self.store_global_cached(&globals, name, v, &code.global_hints[arg as usize]) {
                        tri!(self.locals_set(&globals, name, v));
                    }
                }
                Op::DELETE_GLOBAL => {
                    let name = name!(arg);
                    let globals = self.frames[frame_ix].globals;
                    if !tri!(self.locals_del(&globals, name)) {
                        throw!(self.new_error(TP_NAME_ERROR, format!("name '{}' is not defined", name)));
                    }
                }
                Op::LOAD_NAME => {
                    let name = name!(arg);
                    let locals = self.frames[frame_ix].locals;
                    if !locals.is_nil() {
                        if let Some(v) = tri!(self.locals_get(&locals, name)) {
                            self.push(v);
                            continue;
                        }
                    }
                    let globals = self.frames[frame_ix].globals;
                    let v = match self.load_global_cached(&globals, name, &code.global_hints[arg as usize]) {
                        Some(v) => v,
                        None => tri!(self.load_global(&globals, name)),
                    };
                    self.push(v);
                }
                Op::STORE_NAME => {
                    let name = name!(arg);
                    let v = self.pop();
                    let f = &self.frames[frame_ix];
                    let target = if f.locals.is_nil() { f.globals } else { f.locals };
                    if !self.store_global_cached(&target, name, v, &code.global_hints[arg as usize]) {
                        tri!(self.locals_set(&target, name, v));
                    }
                }
                Op::DELETE_NAME => {
                    let name = name!(arg);
                    let f = &self.frames[frame_ix];
                    let target = if f.locals.is_nil() { f.globals } else { f.locals };
                    if !tri!(self.locals_del(&target, name)) {
                        throw!(self.new_error(TP_NAME_ERROR, format!("name '{}' is not defined", name)));
                    }
                }
                Op::LOAD_LOCALS => {
                    let f = &self.frames[frame_ix];
                    let v = if f.locals.is_nil() { f.globals } else { f.locals };
                    self.push(v);
                }

                Op::LOAD_ATTR => {
                    let name = name!(arg);
                    let obj = self.top();
                    let hint = &code.load_hints[arg as usize];
                    let v = match self.load_attr_cached(&obj, name, hint) {
                        Some(v) => v,
                        None => {
                            let v = tri!(self.getattr(&obj, name));
                            self.note_attr_hint(&obj, name, hint, false);
                            v
                        }
                    };
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::STORE_ATTR => {
                    let name = name!(arg);
                    let obj = self.peek(1);
                    let v = self.peek(2);
                    let hint = &code.store_hints[arg as usize];
                    if !self.store_attr_cached(&obj, name, v, hint) {
                        tri!(self.setattr(&obj, name, v));
                        self.note_attr_hint(&obj, name, hint, true);
                    }
                    self.sp -= 2;
                }
                Op::DELETE_ATTR => {
                    let name = name!(arg);
                    let obj = self.top();
                    tri!(self.delattr(&obj, name));
                    self.sp -= 1;
                }
                Op::LOAD_METHOD => {
                    let name = name!(arg);
                    let obj = self.top();
                    // A function held in a module's or an instance's dict
                    // (`math.sqrt`): a plain attribute load, no binding.
                    let hint = &code.load_hints[arg as usize];
                    let (callable, self_or_nil) = match self.load_attr_cached(&obj, name, hint) {
                        Some(v) => (v, Value::NIL),
                        None => {
                            let r = tri!(self.load_method(&obj, name));
                            if r.1.is_nil() {
                                self.note_attr_hint(&obj, name, hint, false);
                            }
                            r
                        }
                    };
                    let sp = self.sp;
                    self.stack[sp - 1] = callable;
                    self.push(self_or_nil);
                }
                Op::BINARY_SUBSCR => {
                    let key = self.peek(1);
                    let obj = self.peek(2);
                    let v = match crate::vm::ops::getitem_fast(&obj, &key) {
                        Some(v) => v,
                        None => tri!(self.getitem(&obj, &key)),
                    };
                    self.sp -= 1;
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::STORE_SUBSCR => {
                    let key = self.peek(1);
                    let obj = self.peek(2);
                    let v = self.peek(3);
                    tri!(self.setitem(&obj, &key, v));
                    self.sp -= 3;
                }
                Op::DELETE_SUBSCR => {
                    let key = self.peek(1);
                    let obj = self.peek(2);
                    tri!(self.delitem(&obj, &key));
                    self.sp -= 2;
                }

                Op::BINARY_OP => {
                    // Operands stay on the stack (rooted) until the result replaces them.
                    let b = self.peek(1);
                    let a = self.peek(2);
                    // Fast paths: small ints and floats.
                    let r = if a.is_small_int() && b.is_small_int() {
                        small_int_binop(arg, a.as_i64(), b.as_i64())
                    } else if a.is_float() && b.is_float() {
                        float_binop(arg, a.as_f64(), b.as_f64())
                    } else {
                        None
                    };
                    let v = match r {
                        Some(v) => v,
                        None => {
                            let op = BinaryOp::from_u32(arg & !INPLACE).unwrap_or(BinaryOp::Add);
                            if arg & INPLACE != 0 {
                                tri!(self.inplace_op(op, a, b))
                            } else {
                                tri!(self.binary_op(op, a, b))
                            }
                        }
                    };
                    self.sp -= 1;
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::COMPARE_OP => {
                    let b = self.peek(1);
                    let a = self.peek(2);
                    let v = if a.is_small_int() && b.is_small_int() {
                        Value::bool(compare_ord(arg, a.as_i64(), b.as_i64()))
                    } else {
                        let op = CompareOp::from_u32(arg).unwrap_or(CompareOp::Eq);
                        tri!(self.compare(op, a, b))
                    };
                    self.sp -= 1;
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::LOAD_FAST_LOAD_FAST => {
                    let v = self.stack[base + (arg & 0xFFFF) as usize];
                    if v.is_nil() {
                        throw!(self.unbound_local(code, (arg & 0xFFFF) as usize));
                    }
                    self.push(v);
                    let w = self.stack[base + (arg >> 16) as usize];
                    if !w.is_nil() {
                        self.push(w);
                        ip += 1;
                    }
                }
                Op::STORE_FAST_LOAD_FAST => {
                    let v = self.pop();
                    self.stack[base + (arg & 0xFFFF) as usize] = v;
                    let w = self.stack[base + (arg >> 16) as usize];
                    if !w.is_nil() {
                        self.push(w);
                        ip += 1;
                    }
                }
                Op::BINARY_OP_SMALL_INT => {
                    let k = arg as u16 as i16 as i64;
                    let op = arg >> 16;
                    let a = self.top();
                    let r = if a.is_small_int() {
                        small_int_binop(op, a.as_i64(), k)
                    } else if a.is_float() {
                        float_binop(op, a.as_f64(), k as f64)
                    } else {
                        None
                    };
                    match r {
                        Some(v) => {
                            let sp = self.sp;
                            self.stack[sp - 1] = v;
                            ip += 1;
                        }
                        None => self.push(Value::int(k)),
                    }
                }
                Op::COMPARE_OP_JUMP => {
                    let b = self.peek(1);
                    let a = self.peek(2);
                    let t = if a.is_small_int() && b.is_small_int() {
                        compare_ord(arg, a.as_i64(), b.as_i64())
                    } else if a.is_float() && b.is_float() {
                        compare_ord(arg, a.as_f64(), b.as_f64())
                    } else {
                        // COMPARE_OP's work; the jump runs next.
                        let op = CompareOp::from_u32(arg).unwrap_or(CompareOp::Eq);
                        let v = tri!(self.compare(op, a, b));
                        self.sp -= 1;
                        let sp = self.sp;
                        self.stack[sp - 1] = v;
                        continue;
                    };
                    self.sp -= 2;
                    let j = code.code[ip];
                    ip = if t == (j.op == Op::POP_JUMP_IF_TRUE) { j.arg as usize } else { ip + 1 };
                }
                Op::COMPARE_SMALL_INT_JUMP => {
                    let k = arg as u16 as i16 as i64;
                    let c = arg >> 16;
                    let a = self.top();
                    let t = if a.is_small_int() {
                        compare_ord(c, a.as_i64(), k)
                    } else if a.is_float() {
                        compare_ord(c, a.as_f64(), k as f64)
                    } else {
                        // LOAD_SMALL_INT's work; the compare and the jump run next.
                        self.push(Value::int(k));
                        continue;
                    };
                    self.sp -= 1;
                    let j = code.code[ip + 1];
                    ip = if t == (j.op == Op::POP_JUMP_IF_TRUE) { j.arg as usize } else { ip + 2 };
                }
                Op::IS_OP => {
                    let b = self.pop();
                    let a = self.top();
                    let r = a.is(&b) != (arg == 1);
                    let sp = self.sp;
                    self.stack[sp - 1] = Value::bool(r);
                }
                Op::CONTAINS_OP => {
                    let b = self.peek(1);
                    let a = self.peek(2);
                    let r = tri!(self.contains(&b, &a)) != (arg == 1);
                    self.sp -= 1;
                    let sp = self.sp;
                    self.stack[sp - 1] = Value::bool(r);
                }
                Op::UNARY_NEGATIVE => {
                    let a = self.top();
                    let v = if a.is_small_int() && a.as_i64() != i64::MIN {
                        Value::int(-a.as_i64())
                    } else {
                        tri!(self.unary_op(n::__neg__, a))
                    };
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::UNARY_POSITIVE => {
                    let a = self.top();
                    let v = tri!(self.unary_op(n::__pos__, a));
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::UNARY_INVERT => {
                    let a = self.top();
                    let v = tri!(self.unary_op(n::__invert__, a));
                    let sp = self.sp;
                    self.stack[sp - 1] = v;
                }
                Op::UNARY_NOT => {
                    let a = self.top();
                    let t = tri!(self.truthy(&a));
                    let sp = self.sp;
                    self.stack[sp - 1] = Value::bool(!t);
                }

                Op::BUILD_TUPLE => {
                    let n = arg as usize;
                    let items = crate::objects::tuple::TupleData::from_slice(&self.stack[self.sp - n..self.sp]);
                    self.sp -= n;
                    let t = self.heap.alloc(TP_TUPLE, ObjData::Tuple(items), None);
                    self.push(t);
                }
                Op::BUILD_LIST => {
                    let n = arg as usize;
                    let items = self.stack[self.sp - n..self.sp].to_vec();
                    self.sp -= n;
                    let t = self.new_list(items);
                    self.push(t);
                }
                Op::BUILD_SET => {
                    let n = arg as usize;
                    let s = self.new_set(false);
                    // Items and the set stay on the stack (rooted) while hashing runs Python.
                    self.push(s);
                    for i in 0..n {
                        let item = self.stack[self.sp - 1 - n + i];
                        tri!(self.set_add(&s, item));
                    }
                    self.sp -= n + 1;
                    self.push(s);
                }
                Op::BUILD_MAP => {
                    let n = arg as usize;
                    let d = self.new_dict_with_capacity(n);
                    self.push(d);
                    for i in 0..n {
                        let k = self.stack[self.sp - 1 - 2 * n + 2 * i];
                        let v = self.stack[self.sp - 1 - 2 * n + 2 * i + 1];
                        tri!(self.dict_set(&d, k, v));
                    }
                    self.sp -= 2 * n + 1;
                    self.push(d);
                }
                Op::BUILD_SLICE => {
                    let (a, b, c) = if arg == 3 {
                        let c = self.pop();
                        let b = self.pop();
                        (self.pop(), b, c)
                    } else {
                        let b = self.pop();
                        (self.pop(), b, Value::NONE)
                    };
                    let s = self.heap.alloc(TP_SLICE, ObjData::Slice([a, b, c]), None);
                    self.push(s);
                }
                Op::BUILD_STRING => {
                    let n = arg as usize;
                    let mut s = String::new();
                    for i in 0..n {
                        let v = self.stack[self.sp - n + i];
                        if let Some(t) = v.as_str() {
                            s.push_str(t);
                        }
                    }
                    self.sp -= n;
                    let v = self.new_string(s);
                    self.push(v);
                }
                Op::FORMAT_VALUE => {
                    // The spec (if any) stays on the stack above the value
                    // until the end, which keeps it alive while a __str__ or
                    // __format__ runs.
                    let has_spec = arg & fmt_flags::HAS_SPEC != 0;
                    let depth = if has_spec { 2 } else { 1 };
                    let v = self.stack[self.sp - depth];
                    let v = match arg & fmt_flags::CONV_MASK {
                        fmt_flags::CONV_STR => tri!(self.str_value(&v)),
                        fmt_flags::CONV_REPR => tri!(self.repr_value(&v)),
                        fmt_flags::CONV_ASCII => {
                            let r = tri!(self.repr(&v));
                            let a = crate::objects::str_ascii(&r);
                            self.new_string(a)
                        }
                        _ => v,
                    };
                    // Keep the converted value rooted while formatting.
                    let sp = self.sp;
                    self.stack[sp - depth] = v;
                    let spec = if has_spec { self.stack[sp - 1] } else { Value::NIL };
                    let spec_s = spec.as_str().unwrap_or("");
                    let r = if spec_s.is_empty() && v.ty() == TP_STR {
                        v
                    } else {
                        tri!(self.format_value(&v, spec_s))
                    };
                    self.sp -= depth - 1;
                    let sp = self.sp;
                    self.stack[sp - 1] = r;
                }
                Op::LIST_APPEND => {
                    let v = self.pop();
                    let l = self.peek(arg as usize);
                    if let Some(l) = l.list() {
                        l.borrow_mut().push(v);
                    }
                }
                Op::SET_ADD => {
                    let v = self.top();
                    let s = self.peek(arg as usize + 1);
                    tri!(self.set_add(&s, v));
                    self.sp -= 1;
                }
                Op::MAP_ADD => {
                    let v = self.peek(1);
                    let k = self.peek(2);
                    let d = self.peek(arg as usize + 2);
                    tri!(self.dict_set(&d, k, v));
                    self.sp -= 2;
                }
                Op::LIST_EXTEND => {
                    let it = self.top();
                    let l = self.peek(arg as usize + 1);
                    let items = tri!(self.collect_iter(&it));
                    if let Some(l) = l.list() {
                        l.borrow_mut().extend(items);
                    }
                    self.sp -= 1;
                }
                Op::SET_UPDATE => {
                    let it = self.top();
                    let s = self.peek(arg as usize + 1);
                    let items = tri!(self.collect_iter(&it));
                    for x in items {
                        tri!(self.set_add(&s, x));
                    }
                    self.sp -= 1;
                }
                Op::DICT_UPDATE | Op::DICT_MERGE => {
                    let m = self.top();
                    let d = self.peek(arg as usize + 1);
                    tri!(self.dict_update_from(&d, &m, ins.op == Op::DICT_MERGE));
                    self.sp -= 1;
                }
                Op::LIST_TO_TUPLE => {
                    let l = self.top();
                    let items = l.list().map(|l| l.borrow().clone()).unwrap_or_default();
                    let t = self.new_tuple(items);
                    let sp = self.sp;
                    self.stack[sp - 1] = t;
                }
                Op::UNPACK_SEQUENCE => {
                    let seq = self.top();
                    let n = arg as usize;
                    let items: Vec<Value> = if let Some(t) = seq.tuple() {
                        t.to_vec()
                    } else if let Some(l) = seq.list() {
                        l.borrow().clone()
                    } else {
                        tri!(self.collect_iter(&seq))
                    };
                    if items.len() != n {
                        if items.len() < n {
                            throw!(self.new_error(
                                TP_VALUE_ERROR,
                                format!("not enough values to unpack (expected {}, got {})", n, items.len())
                            ));
                        }
                        throw!(self.new_error(TP_VALUE_ERROR, format!("too many values to unpack (expected {})", n)));
                    }
                    self.sp -= 1;
                    for v in items.into_iter().rev() {
                        self.push(v);
                    }
                }
                Op::UNPACK_EX => {
                    let seq = self.top();
                    let before = (arg & 0xff) as usize;
                    let after = (arg >> 8) as usize;
                    let items = tri!(self.collect_iter(&seq));
                    if items.len() < before + after {
                        throw!(self.new_error(
                            TP_VALUE_ERROR,
                            format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())
                        ));
                    }
                    self.sp -= 1;
                    let mid_end = items.len() - after;
                    for v in items[mid_end..].iter().rev() {
                        self.push(*v);
                    }
                    let mid = self.new_list(items[before..mid_end].to_vec());
                    self.push(mid);
                    for v in items[..before].iter().rev() {
                        self.push(*v);
                    }
                }

                Op::JUMP => {
                    if (arg as usize) < ip {
                        // A loop's back-edge.
                        tri!(self.tick());
                    }
                    ip = arg as usize;
                }
                Op::POP_JUMP_IF_FALSE => {
                    let v = self.pop();
                    let t = tri!(self.truthy_fast(&v));
                    if !t {
                        ip = arg as usize;
                    }
                }
                Op::POP_JUMP_IF_TRUE => {
                    let v = self.pop();
                    let t = tri!(self.truthy_fast(&v));
                    if t {
                        ip = arg as usize;
                    }
                }
                Op::JUMP_IF_FALSE_OR_POP => {
                    let v = self.top();
                    if !tri!(self.truthy(&v)) {
                        ip = arg as usize;
                    } else {
                        self.sp -= 1;
                    }
                }
                Op::JUMP_IF_TRUE_OR_POP => {
                    let v = self.top();
                    if tri!(self.truthy(&v)) {
                        ip = arg as usize;
                    } else {
                        self.sp -= 1;
                    }
                }
                Op::GET_ITER => {
                    let v = self.top();
                    let it = tri!(self.iter(&v));
                    let sp = self.sp;
                    self.stack[sp - 1] = it;
                }
                Op::FOR_ITER | Op::FOR_ITER_STORE_FAST => {
                    // The next item: pushed, or for FOR_ITER_STORE_FAST
                    // stored in the local the next instruction names (and
                    // a STORE_FAST_LOAD_FAST there also does its load).
                    macro_rules! next_item {
                        ($v:expr) => {{
                            let v = $v;
                            if ins.op == Op::FOR_ITER_STORE_FAST {
                                let next = code.code[ip];
                                self.stack[base + (next.arg & 0xFFFF) as usize] = v;
                                ip += 1;
                                if next.op == Op::STORE_FAST_LOAD_FAST {
                                    let w = self.stack[base + (next.arg >> 16) as usize];
                                    if !w.is_nil() {
                                        self.push(w);
                                        ip += 1;
                                    }
                                }
                            } else {
                                self.push(v);
                            }
                        }};
                    }
                    let it = self.top();
                    // Fast path: range and list iterators.
                    if let ObjData::Iter(st) = &it.obj().data {
                        let mut st = st.borrow_mut();
                        match &mut *st {
                            crate::objects::iter::IterState::Range { cur, stop, step } => {
                                let c = *cur;
                                if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                                    *cur = c.checked_add(*step).unwrap_or(*stop);
                                    drop(st);
                                    next_item!(Value::int(c));
                                } else {
                                    drop(st);
                                    self.sp -= 1;
                                    ip = arg as usize;
                                }
                                continue;
                            }
                            crate::objects::iter::IterState::Seq { seq, idx } => {
                                let item = match &seq.obj().data {
                                    ObjData::List(l) => l.borrow().get(*idx).copied(),
                                    ObjData::Tuple(t) => t.get(*idx).copied(),
                                    _ => None,
                                };
                                if let Some(v) = item {
                                    *idx += 1;
                                    drop(st);
                                    next_item!(v);
                                    continue;
                                }
                                if matches!(seq.obj().data, ObjData::List(_) | ObjData::Tuple(_)) {
                                    *st = crate::objects::iter::IterState::Exhausted;
                                    drop(st);
                                    self.sp -= 1;
                                    ip = arg as usize;
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    }
                    self.frames[frame_ix].ip = ip;
                    if it.ty() == TP_GENERATOR && self.gen_push(&it, Value::NONE, false) {
                        reload!();
                        continue;
                    }
                    match tri!(self.next(&it)) {
                        Some(v) => self.push(v),
                        None => {
                            self.sp -= 1;
                            ip = arg as usize;
                        }
                    }
                }
                Op::RETURN_VALUE => {
                    let mut v = self.pop();
                    let f = self.frames.pop().unwrap();
                    if !f.owner.is_nil() {
                        if f.owner.ty() == TP_GENERATOR {
                            if let ObjData::Generator(g) = &f.owner.obj().data {
                                g.borrow_mut().status = GenStatus::Done;
                            }
                        } else {
                            if !v.is_none() {
                                self.frames.push(f);
                                let msg = format!("__init__() should return None, not '{}'", self.type_name(&v));
                                throw!(self.new_error(TP_TYPE_ERROR, msg));
                            }
                            v = f.owner;
                        }
                    }
                    self.handling.truncate(f.handling_depth);
                    self.sp = f.ret_slot;
                    if f.is_entry {
                        return Ok(Flow::Return(v));
                    }
                    reload!();
                    if f.owner.ty() == TP_GENERATOR {
                        // A generator run inline by the caller's FOR_ITER or
                        // SEND (the instruction before the caller's ip) is
                        // exhausted: the loop ends, or `yield from` has its value.
                        let at = code.code[ip - 1];
                        if at.op == Op::FOR_ITER || at.op == Op::FOR_ITER_STORE_FAST {
                            self.sp -= 1;
                        } else {
                            let sp = self.sp;
                            self.stack[sp - 1] = v;
                        }
                        ip = at.arg as usize;
                        continue;
                    }
                    self.push(v);
                }
                Op::YIELD_VALUE => {
                    let v = self.pop();
                    // The generator keeps its own copy of the frame: only
                    // the resume point and the stack slice go back to it.
                    let f = &self.frames[frame_ix];
                    let (g, fbase, ret_slot, handling_depth, entry) = (f.owner, f.base, f.ret_slot, f.handling_depth, f.is_entry);
                    self.frames.truncate(frame_ix);
                    if let ObjData::Generator(gs) = &g.obj().data {
                        let mut gs = gs.borrow_mut();
                        // Reuses the buffer the last resume left (cleared).
                        gs.saved.clear();
                        gs.saved.extend_from_slice(&self.stack[fbase..self.sp]);
                        gs.frame.ip = ip;
                        gs.status = GenStatus::Suspended;
                    }
                    self.sp = ret_slot;
                    self.handling.truncate(handling_depth);
                    if entry {
                        return Ok(Flow::Yield(v));
                    }
                    // Run inline: the caller's FOR_ITER or SEND gets the value.
                    self.push(v);
                    reload!();
                }
                Op::GET_YIELD_FROM_ITER => {
                    let v = self.top();
                    if v.ty() != TP_GENERATOR {
                        let it = tri!(self.iter(&v));
                        let sp = self.sp;
                        self.stack[sp - 1] = it;
                    }
                }
                Op::SEND => {
                    let v = self.pop();
                    let it = self.top();
                    self.frames[frame_ix].ip = ip;
                    let r = if it.ty() == TP_GENERATOR {
                        if self.gen_push(&it, v, false) {
                            reload!();
                            continue;
                        }
                        tri!(self.gen_resume(&it, v))
                    } else if v.is_none() {
                        // `yield from` a list or tuple: its iterator read here.
                        let next = match crate::objects::iter::seq_iter_next(&it) {
                            Some(next) => next,
                            None => tri!(self.next(&it)),
                        };
                        match next {
                            Some(y) => GenResult::Yield(y),
                            None => GenResult::Return(Value::NONE),
                        }
                    } else {
                        let y = tri!(self.call_method(&it, n::send, &[v]));
                        GenResult::Yield(y)
                    };
                    match r {
                        GenResult::Yield(y) => self.push(y),
                        GenResult::Return(r) => {
                            let sp = self.sp;
                            self.stack[sp - 1] = r;
                            ip = arg as usize;
                        }
                    }
                }

                Op::MAKE_FUNCTION => {
                    let code_v = self.pop();
                    let fcode = match &code_v.obj().data {
                        ObjData::Code(c) => c.clone(),
                        _ => throw!(self.new_error(TP_SYSTEM_ERROR, "MAKE_FUNCTION without code")),
                    };
                    let closure = if arg & make_fn::CLOSURE != 0 { self.pop() } else { Value::NIL };
                    let annotations = if arg & make_fn::ANNOTATIONS != 0 { self.pop() } else { Value::NIL };
                    let kwdefaults = if arg & make_fn::KWDEFAULTS != 0 { self.pop() } else { Value::NIL };
                    let defaults = if arg & make_fn::DEFAULTS != 0 { self.pop() } else { Value::NIL };
                    code_names(&fcode);
                    let f = Function {
                        code: fcode,
                        globals: self.frames[frame_ix].globals,
                        defaults: defaults.tuple().map(|t| t.to_vec().into_boxed_slice()).unwrap_or_default(),
                        kwdefaults,
                        closure: closure.tuple().map(|t| t.to_vec().into_boxed_slice()).unwrap_or_default(),
                        annotations,
                        consts: Default::default(),
                    };
                    let fv = self.heap.alloc(TP_FUNCTION, ObjData::Function(Box::new(f)), Some(Box::default()));
                    self.push(fv);
                }
                Op::KW_NAMES => kwnames = arg,
                Op::CALL => {
                    let argc = arg as usize;
                    // Fast path: a Python function (or a method of one) given
                    // its positional parameters, the missing trailing ones
                    // covered by defaults. The frame is set up here and the
                    // loop goes on in the callee.
                    if kwnames == u32::MAX {
                        let p = self.sp - argc - 2;
                        let callable = self.stack[p];
                        if callable.ty() == TP_FUNCTION && callable.is_ptr() {
                            if let ObjData::Function(f) = &callable.obj().data {
                                let fc: &CodeObject = &f.code;
                                let bound = usize::from(!self.stack[p + 1].is_nil());
                                let nargs = argc + bound;
                                let fbase = p + 2 - bound;
                                let stack_base = fbase + fc.nlocals() + fc.ncells();
                                let argcount = fc.argcount as usize;
                                if nargs <= argcount
                                    && nargs + f.defaults.len() >= argcount
                                    && fc.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) == 0
                                    && fc.kwonlyargcount == 0
                                    && stack_base + fc.max_stack as usize + 16 < self.stack.len()
                                    && self.frames.len() < self.recursion_limit
                                {
                                    self.frames[frame_ix].ip = ip;
                                    tri!(self.tick());
                                    let nd = f.defaults.len();
                                    for i in nargs..argcount {
                                        self.stack[fbase + i] = f.defaults[nd - (argcount - i)];
                                    }
                                    for slot in &mut self.stack[fbase + argcount..fbase + fc.nlocals()] {
                                        *slot = Value::NIL;
                                    }
                                    if fc.ncells() > 0 {
                                        self.setup_cells(&callable, fbase);
                                    }
                                    self.sp = stack_base;
                                    self.frame_counter += 1;
                                    self.frames.push(Frame {
                                        code: callable,
                                        globals: f.globals,
                                        locals: Value::NIL,
                                        ip: 0,
                                        base: fbase,
                                        stack_base,
                                        handling_depth: self.handling.len(),
                                        is_entry: false,
                                        id: self.frame_counter,
                                        ret_slot: p,
                                        owner: Value::NIL,
                                    });
                                    frame_ix += 1;
                                    code_v = callable;
                                    code = code_of(&code_v);
                                    names = code_names(code);
                                    insts = &code.code;
                                    ip = 0;
                                    base = fbase;
                                    continue;
                                }
                            }
                        } else if callable.ty() == TP_NATIVEFUNC && callable.is_ptr() {
                            // A native function taking a few positional
                            // arguments: called here, as call_on_stack would.
                            if let ObjData::NativeFunc(nf) = &callable.obj().data {
                                self.frames[frame_ix].ip = ip;
                                if let Some(r) = self.call_native_few(nf, p, argc) {
                                    tri!(r);
                                    continue;
                                }
                            }
                        }
                    }
                    let kw: Vec<Name> = if kwnames != u32::MAX {
                        let names = match &code.consts[kwnames as usize] {
                            Const::Tuple(t) => t
                                .iter()
                                .map(|c| match c {
                                    Const::Str(s) => Name::new(s),
                                    _ => Name::new("?"),
                                })
                                .collect(),
                            _ => Vec::new(),
                        };
                        kwnames = u32::MAX;
                        names
                    } else {
                        Vec::new()
                    };
                    self.frames[frame_ix].ip = ip;
                    let pushed = tri!(self.call_on_stack(argc, &kw, true));
                    if pushed {
                        reload!();
                    }
                }
                Op::CALL_FUNCTION_EX => {
                    // Operands stay on the stack until the arguments are laid out.
                    let nops = 1 + (arg & 1) as usize;
                    let kwargs = if arg & 1 != 0 { self.peek(1) } else { Value::NIL };
                    let args = self.peek(nops);
                    let argv: Vec<Value> = match args.tuple() {
                        Some(t) => t.to_vec(),
                        None => tri!(self.collect_iter(&args)),
                    };
                    let mut kw: Vec<Name> = Vec::new();
                    let mut kwv: Vec<Value> = Vec::new();
                    if !kwargs.is_nil() {
                        let pairs = tri!(self.mapping_items(&kwargs));
                        for (k, v) in pairs {
                            match k.as_str() {
                                Some(s) => kw.push(Name::new(s)),
                                None => throw!(self.new_error(TP_TYPE_ERROR, "keywords must be strings")),
                            }
                            kwv.push(v);
                        }
                    }
                    if self.sp + argv.len() + kwv.len() + 64 >= self.stack.len() {
                        throw!(self.new_error(TP_RECURSION_ERROR, "too many arguments for the value stack"));
                    }
                    self.sp -= nops;
                    for v in argv.iter().chain(kwv.iter()) {
                        self.push(*v);
                    }
                    self.frames[frame_ix].ip = ip;
                    let pushed = tri!(self.call_on_stack(argv.len() + kwv.len(), &kw, true));
                    if pushed {
                        reload!();
                    }
                }
                Op::LOAD_BUILD_CLASS => {
                    let v = tri!(self.builtin(Name::new("__build_class__")));
                    self.push(v);
                }
                Op::SETUP_ANNOTATIONS => {
                    let f = &self.frames[frame_ix];
                    let target = if f.locals.is_nil() { f.globals } else { f.locals };
                    if tri!(self.locals_get(&target, n::__annotations__)).is_none() {
                        let d = self.new_dict();
                        tri!(self.locals_set(&target, n::__annotations__, d));
                    }
                }

                Op::RAISE_VARARGS => {
                    match arg {
                        0 => {
                            let e = match self.handling.last() {
                                Some(e) => *e,
                                None => throw!(self.new_error(TP_RUNTIME_ERROR, "No active exception to reraise")),
                            };
                            self.exc = Some(e);
                            throw!(Raised);
                        }
                        1 => {
                            let e = self.pop();
                            let e = tri!(self.make_exception(e));
                            throw!(self.raise(e));
                        }
                        _ => {
                            let cause = self.peek(1);
                            let e = self.peek(2);
                            let e = tri!(self.make_exception(e));
                            self.stack[self.sp - 2] = e;
                            let cause = if cause.is_none() { Value::NONE } else { tri!(self.make_exception(cause)) };
                            self.sp -= 2;
                            if let ObjData::Exception(ed) = &e.obj().data {
                                let mut ed = ed.borrow_mut();
                                ed.cause = cause;
                                ed.suppress_context = true;
                            }
                            throw!(self.raise(e));
                        }
                    }
                }
                Op::RERAISE => {
                    let e = self.pop();
                    self.exc = Some(e);
                    // The handler's frame already has its traceback entry.
                    throw!(Raised);
                }
                Op::PUSH_EXC_INFO => {
                    let e = self.top();
                    self.handling.push(e);
                }
                Op::POP_EXCEPT => {
                    let d = self.frames[frame_ix].handling_depth;
                    if self.handling.len() > d {
                        self.handling.pop();
                    }
                }
                Op::CHECK_EXC_MATCH => {
                    let t = self.pop();
                    let e = self.top();
                    let r = tri!(self.exception_matches(&e, &t));
                    self.push(Value::bool(r));
                }
                Op::LOAD_ASSERTION_ERROR => {
                    let v = self.types[TP_ASSERTION_ERROR as usize].obj;
                    self.push(v);
                }
                Op::BEFORE_WITH => {
                    let ctx = self.top();
                    let exit = match self.lookup_special(&ctx, n::__exit__) {
                        Some(e) => e,
                        None => throw!(self.new_error(
                            TP_TYPE_ERROR,
                            format!("'{}' object does not support the context manager protocol", self.type_name(&ctx))
                        )),
                    };
                    let sp = self.sp;
                    self.stack[sp - 1] = exit;
                    self.push(ctx);
                    self.frames[frame_ix].ip = ip;
                    let r = tri!(self.call_method(&ctx, n::__enter__, &[]));
                    let sp = self.sp;
                    self.stack[sp - 1] = r;
                }
                Op::WITH_EXIT => {
                    let exit = self.top();
                    self.frames[frame_ix].ip = ip;
                    tri!(self.call(&exit, &[Value::NONE, Value::NONE, Value::NONE]));
                    self.sp -= 1;
                }
                Op::WITH_EXCEPT_START => {
                    let exc = self.top();
                    let exit = self.peek(2);
                    let et = self.types[exc.ty() as usize].obj;
                    self.frames[frame_ix].ip = ip;
                    let r = tri!(self.call(&exit, &[et, exc, Value::NONE]));
                    let t = tri!(self.truthy(&r));
                    self.push(Value::bool(t));
                }

                Op::IMPORT_NAME => {
                    let name = name!(arg);
                    let fromlist = self.peek(1);
                    let level = self.peek(2);
                    let globals = self.frames[frame_ix].globals;
                    self.frames[frame_ix].ip = ip;
                    let m = tri!(self.import_name(name.as_str(), &globals, &fromlist, level.as_i64().max(0) as usize));
                    self.sp -= 2;
                    self.push(m);
                }
                Op::IMPORT_FROM => {
                    let name = name!(arg);
                    let m = self.top();
                    self.frames[frame_ix].ip = ip;
                    let v = tri!(self.import_from(&m, name));
                    self.push(v);
                }
                Op::IMPORT_STAR => {
                    let m = self.pop();
                    let f = &self.frames[frame_ix];
                    let target = if f.locals.is_nil() { f.globals } else { f.locals };
                    tri!(self.import_star(&m, &target));
                }

                Op::GET_LEN => {
                    let v = self.top();
                    let l = tri!(self.len(&v));
                    self.push(Value::int(l as i64));
                }
                Op::MATCH_MAPPING => {
                    let v = self.top();
                    let r = v.dict().is_some();
                    self.push(Value::bool(r));
                }
                Op::MATCH_SEQUENCE => {
                    let v = self.top();
                    let r = v.list().is_some() || v.tuple().is_some() || v.ty() == TP_RANGE;
                    self.push(Value::bool(r));
                }
                Op::MATCH_KEYS => {
                    let keys = self.top();
                    let subj = self.peek(2);
                    let keys_v = keys.tuple().map(|t| t.to_vec()).unwrap_or_default();
                    let mut vals = Vec::new();
                    let mut ok = true;
                    for k in keys_v {
                        match tri!(self.dict_get(&subj, &k)) {
                            Some(v) => vals.push(v),
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    let r = if ok { self.new_tuple(vals) } else { Value::NONE };
                    self.push(r);
                }
                Op::MATCH_CLASS => {
                    let kwn = self.peek(1);
                    let cls = self.peek(2);
                    let subj = self.peek(3);
                    let r = tri!(self.match_class(&subj, &cls, arg as usize, &kwn));
                    self.sp -= 2;
                    let sp = self.sp;
                    self.stack[sp - 1] = r;
                }
                Op::COPY_DICT_WITHOUT_KEYS => {
                    let keys = self.top();
                    let subj = self.peek(2);
                    let d = self.new_dict();
                    self.push(d);
                    tri!(self.dict_update_from(&d, &subj, false));
                    for k in keys.tuple().map(|t| t.to_vec()).unwrap_or_default() {
                        tri!(self.dict_del(&d, &k));
                    }
                    self.sp -= 2;
                    self.push(d);
                }
                Op::PRINT_EXPR => {
                    let v = self.pop();
                    if !v.is_none() {
                        self.repl_last = v;
                        let s = tri!(self.repr(&v));
                        self.write_stdout(&s);
                        self.write_stdout("\n");
                    }
                }
            }
        }
    }
}

/// `x op y` (BINARY_OP's operand, INPLACE or not) for two small ints, when
/// the result is a small int: `+ - * // % & | ^`; None for the rest, which
/// take the general path.
#[inline(always)]
fn small_int_binop(op: u32, x: i64, y: i64) -> Option<Value> {
    match op & !INPLACE {
        0 => x.checked_add(y).map(Value::int),
        1 => x.checked_sub(y).map(Value::int),
        2 => x.checked_mul(y).map(Value::int),
        // Floor division and modulo round toward negative infinity; zero
        // divisors and i64::MIN / -1 take the general path (an error, a big int).
        5 if y != 0 => x.checked_div(y).map(|q| Value::int(if x % y != 0 && (x < 0) != (y < 0) { q - 1 } else { q })),
        6 if y != 0 => x.checked_rem(y).map(|r| Value::int(if r != 0 && (r < 0) != (y < 0) { r + y } else { r })),
        10 => Some(Value::int(x & y)),
        11 => Some(Value::int(x | y)),
        12 => Some(Value::int(x ^ y)),
        _ => None,
    }
}

/// `x op y` for two floats: `+ - * /` (not by zero); None for the rest.
#[inline(always)]
fn float_binop(op: u32, x: f64, y: f64) -> Option<Value> {
    match op & !INPLACE {
        0 => Some(Value::float(x + y)),
        1 => Some(Value::float(x - y)),
        2 => Some(Value::float(x * y)),
        4 if y != 0.0 => Some(Value::float(x / y)),
        _ => None,
    }
}

/// COMPARE_OP's operand applied to two ints or two floats.
#[inline(always)]
fn compare_ord<T: PartialOrd>(op: u32, x: T, y: T) -> bool {
    match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// Name of cell/free variable `i` (cellvars then freevars).
fn cell_var_name(code: &CodeObject, i: usize) -> &str {
    if i < code.cellvars.len() {
        &code.cellvars[i]
    } else {
        code.freevars.get(i - code.cellvars.len()).map(|s| s.as_str()).unwrap_or("?")
    }
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}
