//! Calls: argument binding, Python frames, native functions, bound methods,
//! type construction and generators.

use std::cell::{Cell, RefCell};

use crate::compiler::bytecode::code_flags;
use crate::objects::function::{NativeFunc, NativeKind};
use crate::runtime::names::{n, Name};
use crate::vm::eval::{code_names, Flow, GenResult};
use crate::vm::exceptions::*;
use crate::vm::frame::{Frame, GenState, GenStatus};
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

impl Vm {
    /// Call `f(*args)`.
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(f, args, &[])
    }

    /// Call `f(*args, **kw)`.
    pub fn call_kw(&mut self, f: &Value, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
        if self.sp + args.len() + kw.len() + 64 >= self.stack.len() {
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        let p = self.sp;
        self.push(*f);
        self.push(Value::NIL);
        for a in args {
            self.push(*a);
        }
        let mut names = Vec::with_capacity(kw.len());
        for (k, v) in kw {
            self.push(*v);
            names.push(*k);
        }
        match self.call_on_stack(args.len() + kw.len(), &names, false) {
            Ok(_) => {
                let r = self.stack[p];
                self.sp = p;
                Ok(r)
            }
            Err(e) => {
                self.sp = p;
                Err(e)
            }
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: Name, args: &[Value]) -> PyResult<Value> {
        let (f, self_or_nil) = self.load_method(obj, name)?;
        if self_or_nil.is_nil() {
            return self.call(&f, args);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(self_or_nil);
        all.extend_from_slice(args);
        self.call(&f, &all)
    }

    /// Call the callable laid out on the stack as `[callable, self_or_nil,
    /// args..., kwvalues...]` (`argc` counts args and kwvalues; `kw` names the
    /// last `kw.len()`). Afterwards the result replaces the callable (`sp` is
    /// one past it) — unless `in_eval` and a Python frame was pushed, in which
    /// case `true` is returned and the eval loop continues in that frame.
    /// The common native call: a `Pos` function given a few positional
    /// arguments (none by keyword) that match its arity, laid out for a call
    /// at stack slot `p`. Leaves the result in slot `p`; None when the call
    /// is not of this shape.
    #[inline(always)]
    pub(crate) fn call_native_few(&mut self, nf: &NativeFunc, p: usize, argc: usize) -> Option<PyResult<()>> {
        let NativeKind::Pos(fp) = nf.kind else { return None };
        let lo = if self.stack[p + 1].is_nil() { p + 2 } else { p + 1 };
        let n = p + 2 + argc - lo;
        if n > 4 || (nf.argc >= 0 && nf.argc as usize != n) {
            return None;
        }
        let mut buf = [Value::NIL; 4];
        buf[..n].copy_from_slice(&self.stack[lo..lo + n]);
        let roots = self.temp_roots.len();
        let r = fp(self, &buf[..n]);
        self.temp_roots.truncate(roots);
        Some(r.map(|v| {
            self.stack[p] = v;
            self.sp = p + 1;
        }))
    }

    pub(crate) fn call_on_stack(&mut self, argc: usize, kw: &[Name], in_eval: bool) -> PyResult<bool> {
        let p = self.sp - argc - 2;
        let callable = self.stack[p];
        let self_or_nil = self.stack[p + 1];
        if !callable.is_ptr() {
            return Err(self.not_callable(&callable));
        }
        match &callable.obj().data {
            ObjData::Function(f) => {
                let code: &crate::compiler::CodeObject = &f.code;
                let nargs = argc - kw.len() + usize::from(!self_or_nil.is_nil());
                let argcount = code.argcount as usize;
                // Positional arguments only, the missing trailing ones
                // covered by defaults.
                let simple = kw.is_empty()
                    && code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) == 0
                    && code.kwonlyargcount == 0
                    && nargs <= argcount
                    && nargs + f.defaults.len() >= argcount;
                if simple {
                    let base = if self_or_nil.is_nil() { p + 2 } else { p + 1 };
                    let nl = code.nlocals();
                    // Checked before the locals are cleared: a frame with more
                    // locals than the stack holds must not index past its end.
                    if base + nl + code.ncells() + code.max_stack as usize + 16 >= self.stack.len() {
                        self.sp = p;
                        return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
                    }
                    let nd = f.defaults.len();
                    for i in nargs..argcount {
                        self.stack[base + i] = f.defaults[nd - (argcount - i)];
                    }
                    for i in base + argcount..base + nl {
                        self.stack[i] = Value::NIL;
                    }
                    self.sp = base + nl;
                    return self.enter_function(callable, p, base, in_eval);
                }
                // General binding (its temporaries are rooted only while it runs:
                // afterwards they are on the stack or in a generator).
                let (pos, kwv) = self.split_stack_args(p, argc, kw);
                let mark = self.temp_roots.len();
                let locals = self.bind_args(&callable, &pos, &kwv);
                let locals = match locals {
                    Ok(l) => l,
                    Err(e) => {
                        self.temp_roots.truncate(mark);
                        return Err(e);
                    }
                };
                for v in &locals {
                    self.temp_roots.push(*v);
                }
                if code.flags & code_flags::GENERATOR != 0 {
                    let g = self.make_generator(callable, locals);
                    self.temp_roots.truncate(mark);
                    let g = g?;
                    self.stack[p] = g;
                    self.sp = p + 1;
                    return Ok(false);
                }
                let base = p + 2;
                if base + locals.len() + code.ncells() + code.max_stack as usize + 16 >= self.stack.len() {
                    self.sp = p;
                    return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
                }
                for (i, v) in locals.iter().enumerate() {
                    self.stack[base + i] = *v;
                }
                self.temp_roots.truncate(mark);
                self.sp = base + locals.len();
                self.enter_function(callable, p, base, in_eval)
            }
            ObjData::NativeFunc(nf) => {
                let kind = nf.kind;
                let want = nf.argc;
                let name = nf.name;
                if kw.is_empty() {
                    if let Some(r) = self.call_native_few(nf, p, argc) {
                        return r.map(|()| false);
                    }
                }
                let (pos, kwv) = self.split_stack_args(p, argc, kw);
                if want >= 0 && pos.len() != want as usize {
                    return Err(self.new_error(
                        TP_TYPE_ERROR,
                        format!("{}() takes exactly {} argument{} ({} given)", name, want, if want == 1 { "" } else { "s" }, pos.len()),
                    ));
                }
                let roots = self.temp_roots.len();
                let r = match kind {
                    NativeKind::Pos(fp) => {
                        if !kwv.is_empty() {
                            self.temp_roots.truncate(roots);
                            return Err(self.new_error(TP_TYPE_ERROR, format!("{}() takes no keyword arguments", name)));
                        }
                        fp(self, &pos)
                    }
                    NativeKind::Kw(fp) => fp(self, &pos, &kwv),
                    NativeKind::C(cf) => self.call_cfunction(cf, p, &pos, &kwv),
                };
                self.temp_roots.truncate(roots);
                let v = r?;
                self.stack[p] = v;
                self.sp = p + 1;
                Ok(false)
            }
            ObjData::BoundMethod(bm) => {
                let (s, f) = (bm.self_, bm.func);
                self.stack[p] = f;
                if self_or_nil.is_nil() {
                    self.stack[p + 1] = s;
                    self.call_on_stack(argc, kw, in_eval)
                } else {
                    self.insert_arg(p + 1, s);
                    self.call_on_stack(argc + 1, kw, in_eval)
                }
            }
            ObjData::Type(t) => {
                let t = *t;
                if t == TP_RANGE && kw.is_empty() && self_or_nil.is_nil() && (1..=3).contains(&argc) {
                    let mut buf = [Value::NIL; 3];
                    buf[..argc].copy_from_slice(&self.stack[p + 2..p + 2 + argc]);
                    if let Some(v) = crate::objects::range::range_small(self, &buf[..argc]) {
                        self.stack[p] = v;
                        self.sp = p + 1;
                        return Ok(false);
                    }
                }
                if argc == 1 && kw.is_empty() && self_or_nil.is_nil() {
                    if let Some(v) = self.convert_fast(t, self.stack[p + 2])? {
                        self.stack[p] = v;
                        self.sp = p + 1;
                        return Ok(false);
                    }
                }
                if in_eval && self_or_nil.is_nil() {
                    if let Some(init) = self.plain_init(t) {
                        return self.construct_in_eval(t, init, p, argc, kw);
                    }
                }
                let (pos, kwv) = self.split_stack_args(p, argc, kw);
                let v = self.construct(t, &pos, &kwv)?;
                self.stack[p] = v;
                self.sp = p + 1;
                Ok(false)
            }
            _ => {
                let f = match self.find_in_type(callable.ty(), n::__call__) {
                    Some(f) => f,
                    None => return Err(self.not_callable(&callable)),
                };
                self.stack[p] = f;
                if self_or_nil.is_nil() {
                    self.stack[p + 1] = callable;
                    self.call_on_stack(argc, kw, in_eval)
                } else {
                    self.insert_arg(p + 1, callable);
                    self.call_on_stack(argc + 1, kw, in_eval)
                }
            }
        }
    }

    fn insert_arg(&mut self, at: usize, v: Value) {
        let sp = self.sp;
        self.stack.copy_within(at..sp, at + 1);
        self.stack[at] = v;
        self.sp += 1;
    }

    fn not_callable(&mut self, v: &Value) -> Raised {
        let msg = format!("'{}' object is not callable", self.type_name(v));
        self.new_error(TP_TYPE_ERROR, msg)
    }

    /// Copy the positional arguments (self first, if present) and keyword
    /// pairs out of the stack layout at `p`.
    /// `str(x)`, `int(i)`, `float(f)` of one positional argument that needs
    /// no constructor machinery; None to take the general path.
    #[inline]
    fn convert_fast(&mut self, t: TypeId, x: Value) -> PyResult<Option<Value>> {
        Ok(match t {
            // As in CPython, a str subclass instance returned by `__str__`
            // is the result as it is.
            TP_STR => Some(self.str_value(&x)?),
            TP_INT if x.is_small_int() => Some(x),
            // `int(s)` for a str: what int.__new__ does with it, without
            // the generic constructor around it.
            TP_INT if x.ty() == TP_STR => Some(crate::objects::int::int_from_value(self, &x)?),
            TP_FLOAT if x.is_float() => Some(x),
            _ => None,
        })
    }

    /// The `__init__` of class `t` when a call of `t` is only "allocate a
    /// plain instance, then run this Python `__init__`": the metaclass is
    /// `type` and `__new__` is `object.__new__`.
    #[inline]
    fn plain_init(&self, t: TypeId) -> Option<Value> {
        if self.types[t as usize].obj.ty() != TP_TYPE || self.types[t as usize].is_builtin {
            return None;
        }
        let init = self.find_in_type(t, n::__init__)?;
        if init.ty() != TP_FUNCTION {
            return None;
        }
        let new = self.find_in_type_owner(t, n::__new__)?;
        (new.0 == TP_OBJECT).then_some(init)
    }

    /// Call class `t` (at stack slot p, arguments above it) by allocating the
    /// instance and entering `init` as a frame of the running eval loop,
    /// whose return yields the instance (see `Frame::owner`).
    fn construct_in_eval(&mut self, t: TypeId, init: Value, p: usize, argc: usize, kw: &[Name]) -> PyResult<bool> {
        let obj = crate::objects::typeobj::alloc_instance(self, t)?;
        self.stack[p] = init;
        self.stack[p + 1] = obj;
        if self.call_on_stack(argc, kw, true)? {
            self.frames.last_mut().expect("pushed frame").owner = obj;
            return Ok(true);
        }
        // Not run as a frame (a generator function): its result must be None.
        let r = self.stack[p];
        if !r.is_none() {
            let msg = format!("__init__() should return None, not '{}'", self.type_name(&r));
            return Err(self.new_error(TP_TYPE_ERROR, msg));
        }
        self.stack[p] = obj;
        Ok(false)
    }

    fn split_stack_args(&self, p: usize, argc: usize, kw: &[Name]) -> (Args, Vec<(Name, Value)>) {
        let self_or_nil = self.stack[p + 1];
        let npos = argc - kw.len();
        // With a bound self the positional arguments are contiguous from p + 1.
        let lo = if self_or_nil.is_nil() { p + 2 } else { p + 1 };
        let pos = Args::copy_of(&self.stack[lo..p + 2 + npos]);
        let kwv = kw.iter().enumerate().map(|(i, k)| (*k, self.stack[p + 2 + npos + i])).collect();
        (pos, kwv)
    }

    /// Set up cells and push the frame of Python function `fv` whose locals
    /// are already at `base..sp`.
    fn enter_function(&mut self, fv: Value, ret_slot: usize, base: usize, in_eval: bool) -> PyResult<bool> {
        let (code, globals) = match &fv.obj().data {
            ObjData::Function(f) => (&f.code, f.globals),
            _ => unreachable!("enter_function on a non-function"),
        };
        let nl = code.nlocals();
        let ncells = code.ncells();
        if base + nl + ncells + code.max_stack as usize + 16 >= self.stack.len() {
            self.sp = ret_slot;
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        if ncells > 0 {
            self.setup_cells(&fv, base);
        }
        let stack_base = base + nl + ncells;
        self.sp = stack_base;
        self.frame_counter += 1;
        let frame = Frame {
            code: fv,
            globals,
            locals: Value::NIL,
            ip: 0,
            base,
            stack_base,
            handling_depth: self.handling.len(),
            is_entry: !in_eval,
            id: self.frame_counter,
            ret_slot,
            owner: Value::NIL,
        };
        self.push_frame(frame)?;
        if in_eval {
            return Ok(true);
        }
        match self.run()? {
            Flow::Return(v) | Flow::Yield(v) => {
                self.stack[ret_slot] = v;
                self.sp = ret_slot + 1;
                Ok(false)
            }
        }
    }

    pub(crate) fn setup_cells(&mut self, fv: &Value, base: usize) {
        let f = match &fv.obj().data {
            ObjData::Function(f) => f,
            _ => return,
        };
        let code = &f.code;
        let nl = code.nlocals();
        for i in 0..code.cellvars.len() {
            let init = match code.cell2arg.get(i).copied().flatten() {
                Some(a) => self.stack[base + a as usize],
                None => Value::NIL,
            };
            let c = self.heap.alloc(TP_CELL, ObjData::Cell(Cell::new(init)), None);
            self.stack[base + nl + i] = c;
        }
        let first = base + nl + code.cellvars.len();
        for (i, c) in f.closure.iter().enumerate().take(code.freevars.len()) {
            self.stack[first + i] = *c;
        }
    }

    /// The name argument errors show: the function's `__qualname__`, which
    /// an assignment (functools.wraps, dataclasses) may have changed.
    fn func_qualname(&self, fv: &Value, code: &crate::compiler::CodeObject) -> String {
        match self.attrs_get(fv, n::__qualname__).and_then(|v| v.as_str().map(|s| s.to_string())) {
            Some(s) => s,
            None => code.qualname.clone(),
        }
    }

    /// Bind call arguments to a Python function's parameters: returns its
    /// local slots (parameters filled, other locals NIL).
    pub fn bind_args(&mut self, fv: &Value, pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Vec<Value>> {
        let f = match &fv.obj().data {
            ObjData::Function(f) => f,
            _ => return Err(self.new_error(TP_SYSTEM_ERROR, "bind_args on a non-function")),
        };
        let code = f.code.clone();
        let defaults = f.defaults.to_vec();
        let kwdefaults = f.kwdefaults;
        let nvar = code.nlocals();
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.has_flag(code_flags::VARARGS);
        let has_varkw = code.has_flag(code_flags::VARKEYWORDS);
        let names = code_names(&code);
        let varname_ids: Vec<Name> = names[code.names.len()..].iter().map(|x| Name(*x)).collect();
        let mut locals = vec![Value::NIL; nvar];
        // Positional.
        let npos = pos.len().min(argcount);
        locals[..npos].copy_from_slice(&pos[..npos]);
        if pos.len() > argcount {
            if has_varargs {
                let extra = self.new_tuple(pos[argcount..].to_vec());
                locals[argcount + kwonly] = extra;
            } else {
                let given = pos.len();
                let msg = if defaults.is_empty() {
                    format!("{}() takes {} positional argument{} but {} {} given", self.func_qualname(fv, &code), argcount, plural(argcount), given, if given == 1 { "was" } else { "were" })
                } else {
                    format!("{}() takes from {} to {} positional arguments but {} were given", self.func_qualname(fv, &code), argcount - defaults.len(), argcount, given)
                };
                return Err(self.new_error(TP_TYPE_ERROR, msg));
            }
        } else if has_varargs {
            let empty = self.new_tuple(vec![]);
            locals[argcount + kwonly] = empty;
        }
        // Keywords.
        let mut kwdict = Value::NIL;
        if has_varkw {
            kwdict = self.new_dict();
            self.keep_alive(kwdict);
            let slot = argcount + kwonly + usize::from(has_varargs);
            locals[slot] = kwdict;
        }
        for (k, v) in kw {
            let idx = varname_ids[posonly..argcount + kwonly].iter().position(|x| x == k).map(|i| i + posonly);
            match idx {
                Some(i) => {
                    if !locals[i].is_nil() {
                        return Err(self.new_error(TP_TYPE_ERROR, format!("{}() got multiple values for argument '{}'", self.func_qualname(fv, &code), k)));
                    }
                    locals[i] = *v;
                }
                None => {
                    if has_varkw {
                        let ks = self.name_str(*k);
                        self.dict_set(&kwdict, ks, *v)?;
                    } else if varname_ids[..posonly].contains(k) {
                        return Err(self.new_error(
                            TP_TYPE_ERROR,
                            format!("{}() got some positional-only arguments passed as keyword arguments: '{}'", self.func_qualname(fv, &code), k),
                        ));
                    } else {
                        return Err(self.new_error(TP_TYPE_ERROR, format!("{}() got an unexpected keyword argument '{}'", self.func_qualname(fv, &code), k)));
                    }
                }
            }
        }
        // Defaults and missing.
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_nil() {
                if i >= first_default {
                    locals[i] = defaults[i - first_default];
                } else {
                    missing.push(varname_ids[i]);
                }
            }
        }
        if !missing.is_empty() {
            let list = quoted_list(&missing);
            return Err(self.new_error(
                TP_TYPE_ERROR,
                format!("{}() missing {} required positional argument{}: {}", self.func_qualname(fv, &code), missing.len(), plural(missing.len()), list),
            ));
        }
        for i in argcount..argcount + kwonly {
            if locals[i].is_nil() {
                let name = varname_ids[i];
                let d = if kwdefaults.is_nil() {
                    None
                } else {
                    let ks = self.name_str(name);
                    self.dict_get(&kwdefaults, &ks)?
                };
                match d {
                    Some(v) => locals[i] = v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            let list = quoted_list(&missing);
            return Err(self.new_error(
                TP_TYPE_ERROR,
                format!("{}() missing {} required keyword-only argument{}: {}", self.func_qualname(fv, &code), missing.len(), plural(missing.len()), list),
            ));
        }
        Ok(locals)
    }

    fn make_generator(&mut self, fv: Value, locals: Vec<Value>) -> PyResult<Value> {
        let (code, globals) = match &fv.obj().data {
            ObjData::Function(f) => (f.code.clone(), f.globals),
            _ => return Err(self.new_error(TP_SYSTEM_ERROR, "not a function")),
        };
        // Build the saved stack image: locals then cells.
        let base = self.sp;
        if base + locals.len() + code.ncells() + 16 >= self.stack.len() {
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        for (i, v) in locals.iter().enumerate() {
            self.stack[base + i] = *v;
        }
        self.sp = base + locals.len();
        self.setup_cells(&fv, base);
        let total = code.nlocals() + code.ncells();
        let saved = self.stack[base..base + total].to_vec();
        self.sp = base;
        let frame = Frame {
            code: fv,
            globals,
            locals: Value::NIL,
            ip: 0,
            base: 0,
            stack_base: 0,
            handling_depth: 0,
            is_entry: true,
            id: 0,
            ret_slot: 0,
            owner: Value::NIL,
        };
        let st = GenState { frame, saved, status: GenStatus::Created, name: Name::new(&code.name), qualname: code.qualname.clone() };
        Ok(self.heap.alloc(TP_GENERATOR, ObjData::Generator(Box::new(RefCell::new(st))), None))
    }

    /// Resume generator `g`, sending `v` (or throwing `throw` into it).
    pub fn gen_resume_ex(&mut self, g: &Value, v: Value, throw: Option<Value>) -> PyResult<GenResult> {
        match throw {
            None => self.gen_resume(g, v),
            Some(_) => self.gen_resume_slow(g, v, throw),
        }
    }

    /// `gen_resume_ex` for a throw, and for a send that `gen_push` refused.
    fn gen_resume_slow(&mut self, g: &Value, v: Value, throw: Option<Value>) -> PyResult<GenResult> {
        let gs = match &g.obj().data {
            ObjData::Generator(gs) => gs,
            _ => return Err(self.new_error(TP_TYPE_ERROR, "not a generator")),
        };
        // Without `throw`, `gen_resume` has already tried `gen_push`: what
        // reaches here is an error case.
        let (saved, status) = {
            let mut st = gs.borrow_mut();
            match st.status {
                GenStatus::Running => {
                    drop(st);
                    return Err(self.new_error(TP_VALUE_ERROR, "generator already executing"));
                }
                GenStatus::Done => {
                    drop(st);
                    if let Some(e) = throw {
                        return Err(self.raise(e));
                    }
                    return Ok(GenResult::Return(Value::NONE));
                }
                GenStatus::Created if !v.is_none() && throw.is_none() => {
                    drop(st);
                    return Err(self.new_error(TP_TYPE_ERROR, "can't send non-None value to a just-started generator"));
                }
                _ => {}
            }
            if throw.is_none() {
                // A resumable generator that gen_push refused: the stacks are full.
                drop(st);
                return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
            }
            let status = st.status;
            st.status = GenStatus::Running;
            (std::mem::take(&mut st.saved), status)
        };
        // A generator suspended inside `yield from` forwards throw() to the
        // sub-iterator first (the resume point is `JUMP L` back to `L: SEND`).
        let mut saved = saved;
        let mut throw = throw;
        let mut resume_at: Option<usize> = None;
        let mut resume_value: Option<Value> = None;
        if let (Some(e), GenStatus::Suspended) = (throw, status) {
            let f = gs.borrow().frame;
            let delegating = f.code().code.get(f.ip).filter(|i| i.op == crate::compiler::bytecode::Op::JUMP).and_then(|j| f.code().code.get(j.arg as usize)).filter(|s| s.op == crate::compiler::bytecode::Op::SEND).map(|s| s.arg as usize);
            if let (Some(end), Some(sub)) = (delegating, saved.last().copied()) {
                // Keep the suspended state rooted while the sub-iterator runs.
                {
                    let mut st = gs.borrow_mut();
                    st.saved = saved.clone();
                }
                self.keep_alive(sub);
                let is_exit = self.isinstance(&e, TP_GENERATOR_EXIT);
                let r: Option<PyResult<GenResult>> = if sub.ty() == TP_GENERATOR {
                    if is_exit {
                        let close = self.find_in_type(TP_GENERATOR, Name::new("close"));
                        match close.map(|c| self.call(&c, &[sub])) {
                            Some(Err(x)) => Some(Err(x)),
                            _ => None,
                        }
                    } else {
                        Some(self.gen_resume_ex(&sub, Value::NONE, Some(e)))
                    }
                } else if !is_exit {
                    match self.getattr_opt(&sub, Name::new("throw")) {
                        Ok(Some(t)) => Some(self.call(&t, &[e]).map(GenResult::Yield)),
                        Ok(None) => None,
                        Err(x) => Some(Err(x)),
                    }
                } else {
                    None
                };
                match r {
                    Some(Ok(GenResult::Yield(v))) => {
                        let mut st = gs.borrow_mut();
                        st.saved = saved;
                        st.status = GenStatus::Suspended;
                        return Ok(GenResult::Yield(v));
                    }
                    Some(Ok(GenResult::Return(rv))) => {
                        saved.pop();
                        resume_at = Some(end);
                        resume_value = Some(rv);
                        throw = None;
                    }
                    Some(Err(_)) => {
                        // The sub-iterator's exception is raised at the yield point.
                        if self.exc_is(TP_STOP_ITERATION) {
                            let ex = self.take_exc();
                            let rv = self.exc_args(&ex).first().copied().unwrap_or(Value::NONE);
                            saved.pop();
                            resume_at = Some(end);
                            resume_value = Some(rv);
                            throw = None;
                        } else {
                            throw = Some(self.take_exc());
                        }
                    }
                    None => {}
                }
            }
        }
        let mut guard = gs.borrow_mut();
        let st = &mut *guard;
        let mut fr = st.frame;
        if let Some(ip) = resume_at {
            fr.ip = ip;
        }
        let base = self.sp;
        let (max_stack, nslots) = (fr.code().max_stack as usize, fr.code().nlocals() + fr.code().ncells());
        if base + saved.len() + max_stack + 16 >= self.stack.len() || self.frames.len() >= self.recursion_limit {
            st.saved = saved;
            st.status = status;
            drop(guard);
            return Err(self.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        self.stack[base..base + saved.len()].copy_from_slice(&saved);
        self.sp = base + saved.len();
        // The values now live on the stack; the generator keeps the buffer
        // for its next yield.
        saved.clear();
        st.saved = saved;
        self.frame_counter += 1;
        fr.place(base, nslots, *g, true, self.handling.len(), self.frame_counter);
        drop(guard);
        self.frames.push(fr);
        if let Some(e) = throw {
            // Raise at the suspension point: unwinding starts in the generator frame.
            self.exc = Some(e);
            if let ObjData::Exception(ed) = &e.obj().data {
                let mut ed = ed.borrow_mut();
                if ed.context.is_nil() {
                    if let Some(h) = self.handling.last() {
                        if !h.is(&e) {
                            ed.context = *h;
                        }
                    }
                }
            }
            let r = self.run_after_throw();
            return self.finish_resume(g, r);
        }
        if let Some(rv) = resume_value {
            self.push(rv);
        } else if status == GenStatus::Suspended {
            self.push(v);
        }
        let r = self.run();
        self.finish_resume(g, r)
    }

    /// Place a copy of generator `g`'s frame on the frame stack above the
    /// running frame, with its saved locals and operand stack at the stack
    /// top; `send` becomes the value of the paused `yield`. As an entry
    /// frame (`gen_resume`) its own eval loop runs it; otherwise the
    /// caller's loop takes it over (FOR_ITER and SEND), and its YIELD_VALUE
    /// and RETURN_VALUE hand control straight back to the caller's
    /// instruction after the FOR_ITER or SEND. Returns false, changing
    /// nothing, when the generator cannot resume that way (running, done,
    /// sent a value before it started, or the stacks are nearly full).
    #[inline]
    pub(crate) fn gen_push(&mut self, g: &Value, send: Value, is_entry: bool) -> bool {
        let ObjData::Generator(gs) = &g.obj().data else {
            return false;
        };
        let mut guard = gs.borrow_mut();
        let st = &mut *guard;
        let status = st.status;
        match status {
            GenStatus::Suspended => {}
            GenStatus::Created if send.is_none() => {}
            _ => return false,
        }
        let base = self.sp;
        let code = st.frame.code();
        let nslots = code.nlocals() + code.ncells();
        let n = st.saved.len();
        if base + n + code.max_stack as usize + 16 >= self.stack.len() || self.frames.len() >= self.recursion_limit {
            return false;
        }
        // A `yield` whose value is discarded (`POP_TOP` next) resumes
        // after the POP_TOP, without the sent value.
        let mut ip = st.frame.ip;
        let push_send = status == GenStatus::Suspended && {
            let discard = code.code.get(ip).is_some_and(|i| i.op == crate::compiler::bytecode::Op::POP_TOP);
            ip += usize::from(discard);
            !discard
        };
        self.stack[base..base + n].copy_from_slice(&st.saved);
        self.sp = base + n;
        st.saved.clear();
        st.status = GenStatus::Running;
        self.frame_counter += 1;
        // Copied straight from the generator into the frame stack (a push
        // of the value would stage it on the Rust stack first).
        self.frames.extend_from_slice(std::slice::from_ref(&st.frame));
        drop(guard);
        let hd = self.handling.len();
        if let Some(fr) = self.frames.last_mut() {
            fr.place(base, nslots, *g, is_entry, hd, self.frame_counter);
            fr.ip = ip;
        }
        if push_send {
            self.push(send);
        }
        true
    }

    /// PEP 479: a StopIteration escaping a generator's frame becomes
    /// RuntimeError (with the StopIteration as its cause).
    pub(crate) fn stop_iteration_to_runtime_error(&mut self) {
        if let Some(exc) = self.exc {
            if self.isinstance(&exc, TP_STOP_ITERATION) {
                let re = self.new_exception_obj(TP_RUNTIME_ERROR, "generator raised StopIteration");
                if let ObjData::Exception(ed) = &re.obj().data {
                    let mut ed = ed.borrow_mut();
                    ed.cause = exc;
                    ed.context = exc;
                }
                self.exc = Some(re);
            }
        }
    }

    fn run_after_throw(&mut self) -> PyResult<Flow> {
        // Let the eval loop's unwinder handle the pending exception first.
        self.run_unwinding()
    }

    fn finish_resume(&mut self, g: &Value, r: PyResult<Flow>) -> PyResult<GenResult> {
        match r {
            Ok(Flow::Yield(v)) => Ok(GenResult::Yield(v)),
            Ok(Flow::Return(v)) => Ok(GenResult::Return(v)),
            Err(e) => {
                // The unwinder already turned an escaping StopIteration
                // into RuntimeError (PEP 479) when it popped the frame.
                if let ObjData::Generator(gs) = &g.obj().data {
                    gs.borrow_mut().status = GenStatus::Done;
                }
                Err(e)
            }
        }
    }

    pub fn gen_resume(&mut self, g: &Value, v: Value) -> PyResult<GenResult> {
        if self.gen_push(g, v, true) {
            let r = self.run();
            return self.finish_resume(g, r);
        }
        self.gen_resume_slow(g, v, None)
    }

    /// Calls a C host function with its arguments laid out contiguously on the stack.
    fn call_cfunction(&mut self, cf: crate::objects::function::CFunction, p: usize, pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
        if !kw.is_empty() {
            return Err(self.new_error(TP_TYPE_ERROR, "native function takes no keyword arguments"));
        }
        // Lay the positional arguments out contiguously after the current top.
        let start = self.sp;
        for a in pos {
            self.push(*a);
        }
        let argv = self.stack[start..].as_mut_ptr();
        self.retval = Value::NONE;
        let _ = p;
        // SAFETY: `cf` is a C function registered by the host through the C
        // API; it receives `argc` values at `argv`, inside the VM's stack which
        // does not move, and it is called on the thread that owns this VM.
        // The C function re-enters this VM through the C API (the VM table's
        // pointer), so the VM must count as escaped into the call: otherwise
        // the optimizer may keep `retval`/`exc` in registers across it
        // (`&mut self` promises no other access). `black_box` publishes it.
        std::hint::black_box(self as *mut Vm);
        let ok = unsafe { cf(pos.len() as std::ffi::c_int, argv) };
        self.sp = start;
        if ok {
            Ok(self.retval)
        } else {
            if self.exc.is_none() {
                return Err(self.new_error(TP_SYSTEM_ERROR, "native function returned false without setting an exception"));
            }
            Err(Raised)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn quoted_list(names: &[Name]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// The positional arguments of a native call, copied off the value stack
/// (where they stay rooted during the call): up to eight without allocating.
enum Args {
    Inline([Value; 8], usize),
    Heap(Vec<Value>),
}

impl Args {
    #[inline]
    fn copy_of(vals: &[Value]) -> Args {
        if vals.len() <= 8 {
            let mut buf = [Value::NIL; 8];
            buf[..vals.len()].copy_from_slice(vals);
            Args::Inline(buf, vals.len())
        } else {
            Args::Heap(vals.to_vec())
        }
    }
}

impl std::ops::Deref for Args {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        match self {
            Args::Inline(buf, n) => &buf[..*n],
            Args::Heap(v) => v,
        }
    }
}
