//! The `builtins` module: functions every script sees.

use crate::compiler::Mode;
use crate::objects::iter::IterState;
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn init(vm: &mut Vm) {
    let b = vm.new_module("builtins");
    vm.builtins = b;
    // Types.
    let names: Vec<(Name, Value)> = vm
        .types
        .iter()
        .filter(|t| t.is_builtin && t.name.as_str() != "<nil>")
        .map(|t| (t.name, t.obj))
        .collect();
    for (nm, obj) in names {
        let s = nm.as_str();
        if matches!(
            s,
            "object" | "type" | "int" | "float" | "bool" | "str" | "list" | "tuple" | "dict" | "set" | "frozenset" | "bytes"
                | "bytearray" | "range" | "slice" | "property" | "staticmethod" | "classmethod" | "super" | "enumerate"
                | "zip" | "map" | "filter" | "reversed"
        ) || vm.is_subtype(obj.as_type().unwrap_or(TP_NIL), TP_BASE_EXCEPTION)
        {
            vm.attrs_set(&b, nm, obj);
        }
    }
    vm.module_set(&b, "None", Value::NONE);
    vm.module_set(&b, "True", Value::TRUE);
    vm.module_set(&b, "False", Value::FALSE);
    vm.module_set(&b, "NotImplemented", Value::NOT_IMPLEMENTED);
    vm.module_set(&b, "Ellipsis", Value::ELLIPSIS);
    vm.module_set(&b, "__debug__", Value::TRUE);
    let env_err = vm.types[TP_OS_ERROR as usize].obj;
    vm.module_set(&b, "EnvironmentError", env_err);
    vm.module_set(&b, "IOError", env_err);

    vm.module_fn_kw(&b, "print", print);
    vm.module_fn(&b, "len", 1, |vm, a| Ok(Value::int(vm.len(&a[0])? as i64)));
    vm.module_fn(&b, "repr", 1, |vm, a| vm.repr_value(&a[0]));
    vm.module_fn(&b, "ascii", 1, |vm, a| {
        let r = vm.repr(&a[0])?;
        Ok(vm.new_string(crate::objects::str_ascii(&r)))
    });
    vm.module_fn(&b, "isinstance", 2, |vm, a| Ok(Value::bool(isinstance(vm, &a[0], &a[1])?)));
    vm.module_fn(&b, "issubclass", 2, |vm, a| {
        let t = match a[0].as_type() {
            Some(t) => t,
            None => return Err(vm.new_error(TP_TYPE_ERROR, "issubclass() arg 1 must be a class")),
        };
        Ok(Value::bool(issubclass(vm, t, &a[1])?))
    });
    vm.module_fn(&b, "id", 1, |_, a| Ok(Value::int(a[0].id())));
    vm.module_fn(&b, "hash", 1, |vm, a| Ok(Value::int(vm.hash(&a[0])?)));
    vm.module_fn(&b, "iter", -1, |vm, a| match a.len() {
        1 => vm.iter(&a[0]),
        2 => Ok(vm.heap.alloc(TP_CALL_ITERATOR, ObjData::Iter(RefCell::new(IterState::Call { f: a[0], sentinel: a[1], done: false })), None)),
        _ => Err(vm.new_error(TP_TYPE_ERROR, "iter expected 1 or 2 arguments")),
    });
    vm.module_fn(&b, "next", -1, |vm, a| {
        if a.is_empty() || a.len() > 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "next expected 1 or 2 arguments"));
        }
        if !matches!(a[0].obj_data_kind(), Some(crate::vm::ops::ObjKind::Iter) | Some(crate::vm::ops::ObjKind::Generator))
            && vm.find_in_type(a[0].ty(), n::__next__).is_none()
        {
            let msg = format!("'{}' object is not an iterator", vm.type_name(&a[0]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        if a[0].ty() == TP_GENERATOR {
            return match vm.gen_resume(&a[0], Value::NONE)? {
                crate::vm::eval::GenResult::Yield(v) => Ok(v),
                crate::vm::eval::GenResult::Return(r) => {
                    if a.len() == 2 {
                        Ok(a[1])
                    } else {
                        Err(crate::objects::typeobj::stop_iteration(vm, r))
                    }
                }
            };
        }
        match vm.next(&a[0])? {
            Some(v) => Ok(v),
            None => {
                if a.len() == 2 {
                    Ok(a[1])
                } else {
                    Err(crate::objects::typeobj::stop_iteration(vm, Value::NONE))
                }
            }
        }
    });
    vm.module_fn(&b, "callable", 1, |vm, a| Ok(Value::bool(callable(vm, &a[0]))));
    vm.module_fn(&b, "getattr", -1, |vm, a| {
        if a.len() < 2 || a.len() > 3 {
            return Err(vm.new_error(TP_TYPE_ERROR, "getattr expected 2 or 3 arguments"));
        }
        let name = attr_name(vm, &a[1])?;
        match vm.getattr_opt(&a[0], name)? {
            Some(v) => Ok(v),
            None if a.len() == 3 => Ok(a[2]),
            None => Err(vm.attribute_error(&a[0], name)),
        }
    });
    vm.module_fn(&b, "setattr", 3, |vm, a| {
        let name = attr_name(vm, &a[1])?;
        vm.setattr(&a[0], name, a[2])?;
        Ok(Value::NONE)
    });
    vm.module_fn(&b, "delattr", 2, |vm, a| {
        let name = attr_name(vm, &a[1])?;
        vm.delattr(&a[0], name)?;
        Ok(Value::NONE)
    });
    vm.module_fn(&b, "hasattr", 2, |vm, a| {
        let name = attr_name(vm, &a[1])?;
        match vm.getattr_opt(&a[0], name) {
            Ok(v) => Ok(Value::bool(v.is_some())),
            Err(e) => {
                if vm.exc_is(TP_ATTRIBUTE_ERROR) {
                    vm.exc = None;
                    Ok(Value::FALSE)
                } else {
                    Err(e)
                }
            }
        }
    });
    vm.module_fn_kw(&b, "__build_class__", crate::objects::typeobj::build_class);
    vm.module_fn_kw(&b, "__import__", |vm, a, kw| {
        let name = match a.first().and_then(|v| v.as_str()) {
            Some(s) => s.to_string(),
            None => return Err(vm.new_error(TP_TYPE_ERROR, "__import__() argument 1 must be str")),
        };
        let mut fromlist = a.get(3).copied().unwrap_or(Value::NONE);
        let mut level = a.get(4).map(|v| v.as_i64()).unwrap_or(0);
        for (k, v) in kw {
            match k.as_str() {
                "fromlist" => fromlist = *v,
                "level" => level = v.as_i64(),
                _ => {}
            }
        }
        let globals = match a.get(1) {
            Some(g) if !g.is_none() => *g,
            _ => vm.frames.last().map(|f| f.globals).unwrap_or(vm.main_module),
        };
        vm.import_name(&name, &globals, &fromlist, level.max(0) as usize)
    });
    vm.module_fn(&b, "globals", 0, |vm, _| {
        let g = vm.frames.last().map(|f| f.globals).unwrap_or(vm.main_module);
        Ok(if g.dict().is_some() { g } else { vm.namedict_proxy(&g) })
    });
    vm.module_fn(&b, "locals", 0, |vm, _| locals(vm));
    vm.module_fn(&b, "vars", -1, |vm, a| {
        if a.is_empty() {
            return locals(vm);
        }
        if a[0].is_ptr() && (a[0].obj().attrs.is_some() || a[0].as_type().is_some()) {
            return Ok(vm.namedict_proxy(&a[0]));
        }
        vm.getattr(&a[0], n::__dict__)
    });
    vm.module_fn(&b, "dir", -1, |vm, a| {
        let names = if a.is_empty() {
            let l = locals(vm)?;
            let mut v: Vec<String> = vm.mapping_items(&l)?.iter().filter_map(|(k, _)| k.as_str().map(|s| s.to_string())).collect();
            v.sort();
            v
        } else {
            crate::objects::typeobj::dir_names(vm, &a[0])
        };
        let items: Vec<Value> = names.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });
    vm.module_fn(&b, "exec", -1, |vm, a| exec_eval(vm, a, Mode::Exec));
    vm.module_fn(&b, "eval", -1, |vm, a| exec_eval(vm, a, Mode::Eval));
    vm.module_fn_kw(&b, "compile", |vm, a, kw| {
        let mut args: Vec<Value> = a.to_vec();
        for (k, v) in kw {
            let pos = match k.as_str() {
                "source" => 0,
                "filename" => 1,
                "mode" => 2,
                _ => continue,
            };
            while args.len() <= pos {
                args.push(Value::NONE);
            }
            args[pos] = *v;
        }
        if args.len() < 3 {
            return Err(vm.new_error(TP_TYPE_ERROR, "compile() missing required arguments"));
        }
        let src = source_text(vm, &args[0])?;
        let filename = args[1].as_str().unwrap_or("<string>").to_string();
        let mode = match args[2].as_str() {
            Some("exec") => Mode::Exec,
            Some("eval") => Mode::Eval,
            Some("single") => Mode::Single,
            _ => return Err(vm.new_error(TP_VALUE_ERROR, "compile() mode must be 'exec', 'eval' or 'single'")),
        };
        let code = vm.compile(&src, &filename, mode)?;
        Ok(vm.heap.alloc(TP_CODE, ObjData::Code(code), None))
    });
    vm.module_fn(&b, "input", -1, |vm, a| {
        if let Some(p) = a.first() {
            let s = vm.str_of(p)?;
            vm.write_stdout(&s);
            use std::io::Write;
            let _ = std::io::stdout().flush();
        }
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) => Err(vm.new_error(TP_EOF_ERROR, "EOF when reading a line")),
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Ok(vm.new_string(line))
            }
            Err(e) => Err(vm.new_error(TP_OS_ERROR, e.to_string())),
        }
    });
    vm.module_fn(&b, "exit", -1, exit);
    vm.module_fn(&b, "quit", -1, exit);
}

fn exit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let e = vm.new_exception_args(TP_SYSTEM_EXIT, a.to_vec());
    Err(vm.raise(e))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Name> {
    match v.as_str() {
        Some(s) => Ok(Name::new(s)),
        None => {
            let msg = format!("attribute name must be string, not '{}'", vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

pub fn callable(vm: &Vm, v: &Value) -> bool {
    matches!(v.ty(), TP_FUNCTION | TP_NATIVEFUNC | TP_BOUNDMETHOD | TP_TYPE) || v.as_type().is_some() || vm.find_in_type(v.ty(), n::__call__).is_some()
}

pub fn isinstance(vm: &mut Vm, v: &Value, t: &Value) -> PyResult<bool> {
    if let Some(tt) = t.as_type() {
        if vm.isinstance(v, tt) {
            return Ok(true);
        }
        let meta = t.ty();
        if meta != TP_TYPE {
            if let Some(f) = vm.find_in_type(meta, n::__instancecheck__) {
                if f.ty() == TP_FUNCTION {
                    let r = vm.call(&f, &[*t, *v])?;
                    return vm.truthy(&r);
                }
            }
        }
        return Ok(false);
    }
    if let Some(items) = t.tuple() {
        for x in items.to_vec() {
            if isinstance(vm, v, &x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    // Any object whose class defines __instancecheck__ (typing's aliases).
    if let Some(f) = vm.find_in_type(t.ty(), n::__instancecheck__) {
        if f.ty() == TP_FUNCTION {
            let r = vm.call(&f, &[*t, *v])?;
            return vm.truthy(&r);
        }
    }
    Err(vm.new_error(TP_TYPE_ERROR, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

pub fn issubclass(vm: &mut Vm, t: TypeId, cls: &Value) -> PyResult<bool> {
    if let Some(c) = cls.as_type() {
        if vm.is_subtype(t, c) {
            return Ok(true);
        }
        if cls.ty() != TP_TYPE {
            if let Some(f) = vm.find_in_type(cls.ty(), n::__subclasscheck__) {
                if f.ty() == TP_FUNCTION {
                    let tv = vm.types[t as usize].obj;
                    let r = vm.call(&f, &[*cls, tv])?;
                    return vm.truthy(&r);
                }
            }
        }
        return Ok(false);
    }
    if let Some(items) = cls.tuple() {
        for x in items.to_vec() {
            if issubclass(vm, t, &x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(f) = vm.find_in_type(cls.ty(), n::__subclasscheck__) {
        if f.ty() == TP_FUNCTION {
            let tv = vm.types[t as usize].obj;
            let r = vm.call(&f, &[*cls, tv])?;
            return vm.truthy(&r);
        }
    }
    Err(vm.new_error(TP_TYPE_ERROR, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
}

fn print(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NONE;
    let mut flush = false;
    for (k, v) in kw {
        match k.as_str() {
            "sep" => {
                if !v.is_none() {
                    sep = match v.as_str() {
                        Some(s) => s.to_string(),
                        None => return Err(vm.new_error(TP_TYPE_ERROR, "sep must be None or a string")),
                    }
                }
            }
            "end" => {
                if !v.is_none() {
                    end = match v.as_str() {
                        Some(s) => s.to_string(),
                        None => return Err(vm.new_error(TP_TYPE_ERROR, "end must be None or a string")),
                    }
                }
            }
            "file" => file = *v,
            "flush" => flush = vm.truthy(v)?,
            _ => return Err(vm.new_error(TP_TYPE_ERROR, format!("'{}' is an invalid keyword argument for print()", k))),
        }
    }
    let mut out = String::new();
    for (i, x) in a.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(x)?);
    }
    out.push_str(&end);
    if file.is_none() {
        vm.write_stdout(&out);
    } else {
        let s = vm.new_string(out);
        vm.call_method(&file, Name::new("write"), &[s])?;
    }
    if flush {
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }
    Ok(Value::NONE)
}

fn locals(vm: &mut Vm) -> PyResult<Value> {
    let top = vm.frames.len().checked_sub(1);
    locals_of(vm, top)
}

/// `locals()` of frame `fi` (`__main__`'s namespace when None).
pub(crate) fn locals_of(vm: &mut Vm, fi: Option<usize>) -> PyResult<Value> {
    let f = match fi {
        Some(i) => &vm.frames[i],
        None => return Ok(vm.namedict_proxy(&vm.main_module.clone())),
    };
    if !f.locals.is_nil() {
        return Ok(f.locals);
    }
    if f.func().is_nil() {
        let g = f.globals;
        return Ok(if g.dict().is_some() { g } else { vm.namedict_proxy(&g) });
    }
    // A snapshot of the function's locals.
    let code = f.code().clone();
    let base = f.base;
    let d = vm.new_dict();
    vm.keep_alive(d);
    for (i, name) in code.varnames.iter().enumerate() {
        let v = vm.stack[base + i];
        if !v.is_nil() && !code.cellvars.contains(name) {
            let k = vm.new_str(name);
            vm.dict_set(&d, k, v)?;
        }
    }
    for (i, name) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        let c = vm.stack[base + code.nlocals() + i];
        if let ObjData::Cell(cell) = &c.obj().data {
            let v = cell.get();
            if !v.is_nil() {
                let k = vm.new_str(name);
                vm.dict_set(&d, k, v)?;
            }
        }
    }
    Ok(d)
}

fn source_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.bytes() {
        return match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Err(vm.new_error(TP_SYNTAX_ERROR, "source is not valid UTF-8")),
        };
    }
    Err(vm.new_error(TP_TYPE_ERROR, "source must be a string, bytes or code object"))
}

fn exec_eval(vm: &mut Vm, a: &[Value], mode: Mode) -> PyResult<Value> {
    if a.is_empty() {
        return Err(vm.new_error(TP_TYPE_ERROR, "exec() missing required argument 'source'"));
    }
    let code = match &a[0].obj_code() {
        Some(c) => c.clone(),
        None => {
            let src = source_text(vm, &a[0])?;
            let src = if mode == Mode::Eval { src.trim_start().to_string() } else { src };
            vm.compile(&src, "<string>", mode)?
        }
    };
    let caller = vm.frames.last().map(|f| (f.globals, f.locals));
    let globals = match a.get(1) {
        Some(g) if !g.is_none() => {
            if g.dict().is_none() {
                return Err(vm.new_error(TP_TYPE_ERROR, "globals must be a dict"));
            }
            let bk = vm.name_str(n::__builtins__);
            let has_builtins = vm.dict_get(g, &bk)?;
            if has_builtins.is_none() {
                let k = vm.name_str(n::__builtins__);
                let bm = vm.builtins;
                vm.dict_set(g, k, bm)?;
            }
            *g
        }
        _ => caller.map(|c| c.0).unwrap_or(vm.main_module),
    };
    let locals = match a.get(2) {
        Some(l) if !l.is_none() => *l,
        _ => match (a.get(1), caller) {
            (Some(g), _) if !g.is_none() => Value::NIL,
            (_, Some((_, l))) => l,
            _ => Value::NIL,
        },
    };
    let r = vm.run_code(code, globals, locals)?;
    Ok(if mode == Mode::Exec { Value::NONE } else { r })
}

impl Value {
    pub fn obj_code(&self) -> Option<std::sync::Arc<crate::compiler::CodeObject>> {
        if !self.is_ptr() {
            return None;
        }
        match &self.obj().data {
            ObjData::Code(c) => Some(c.clone()),
            _ => None,
        }
    }
}
