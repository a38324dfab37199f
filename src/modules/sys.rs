//! The `sys` module (created on first import).

use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("sys".into(), make);
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("sys");
    let argv = vm.sys_argv;
    vm.module_set(&m, "argv", argv);
    let path = vm.sys_path;
    vm.module_set(&m, "path", path);
    let modules = vm.modules;
    vm.module_set(&m, "modules", modules);
    let v = vm.new_str("3.11.0 (pocketpy-rs)");
    vm.module_set(&m, "version", v);
    let vt = vm.new_builtin_type("version_info", TP_TUPLE, "sys");
    for (i, name) in ["major", "minor", "micro", "releaselevel", "serial"].iter().enumerate() {
        let f: crate::objects::function::NativeFn = match i {
            0 => |_, a| Ok(a[0].tuple().and_then(|t| t.first().copied()).unwrap_or(Value::NONE)),
            1 => |_, a| Ok(a[0].tuple().and_then(|t| t.get(1).copied()).unwrap_or(Value::NONE)),
            2 => |_, a| Ok(a[0].tuple().and_then(|t| t.get(2).copied()).unwrap_or(Value::NONE)),
            3 => |_, a| Ok(a[0].tuple().and_then(|t| t.get(3).copied()).unwrap_or(Value::NONE)),
            _ => |_, a| Ok(a[0].tuple().and_then(|t| t.get(4).copied()).unwrap_or(Value::NONE)),
        };
        vm.bind_property(vt, name, f);
    }
    let final_s = vm.new_str("final");
    let items = vec![Value::int(3), Value::int(11), Value::int(0), final_s, Value::int(0)];
    let vi = vm.heap.alloc(vt, crate::vm::heap::ObjData::Tuple(items.into()), None);
    vm.module_set(&m, "version_info", vi);
    let p = vm.new_str(std::env::consts::OS);
    vm.module_set(&m, "platform", p);
    vm.module_set(&m, "maxsize", Value::int(i64::MAX));
    let bo = vm.new_str(if cfg!(target_endian = "little") { "little" } else { "big" });
    vm.module_set(&m, "byteorder", bo);
    let impl_name = vm.new_str("pocketpy");
    vm.module_set(&m, "implementation", impl_name);
    vm.module_fn(&m, "getrecursionlimit", 0, |vm, _| Ok(Value::int(vm.recursion_limit as i64)));
    vm.module_fn(&m, "setrecursionlimit", 1, |vm, a| {
        let n = crate::objects::index_value(vm, &a[0])?;
        if n < 1 {
            return Err(vm.new_error(TP_VALUE_ERROR, "recursion limit must be greater or equal than 1"));
        }
        // Each Python frame needs stack room; cap at what the value stack holds.
        vm.recursion_limit = (n as usize).min(20_000);
        Ok(Value::NONE)
    });
    vm.module_fn(&m, "exit", -1, |vm, a| {
        let args = a.to_vec();
        let e = vm.new_exception_args(TP_SYSTEM_EXIT, args);
        Err(vm.raise(e))
    });
    vm.module_fn(&m, "getsizeof", -1, |_, _| Ok(Value::int(16)));
    vm.module_fn(&m, "exc_info", 0, |vm, _| {
        match vm.handling.last().copied() {
            Some(e) => {
                let t = vm.types[e.ty() as usize].obj;
                Ok(vm.new_tuple(vec![t, e, Value::NONE]))
            }
            None => Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE])),
        }
    });
    vm.module_fn(&m, "_getframe", -1, getframe);
    vm.module_fn(&m, "exception", 0, |vm, _| Ok(vm.handling.last().copied().unwrap_or(Value::NONE)));
    // stdout / stderr: objects with write() and flush().
    for (name, is_err) in [("stdout", false), ("stderr", true)] {
        let t = vm.new_builtin_type("TextIOWrapper", TP_OBJECT, "io");
        if is_err {
            vm.bind_method(t, "write", 2, |vm, a| {
                let s = vm.str_of(&a[1])?;
                use std::io::Write;
                let _ = std::io::stderr().write_all(s.as_bytes());
                Ok(Value::int(s.chars().count() as i64))
            });
        } else {
            vm.bind_method(t, "write", 2, |vm, a| {
                let s = vm.str_of(&a[1])?;
                vm.write_stdout(&s);
                Ok(Value::int(s.chars().count() as i64))
            });
        }
        vm.bind_method(t, "flush", 1, |_, _| {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            Ok(Value::NONE)
        });
        let obj = crate::objects::typeobj::alloc_instance(vm, t)?;
        vm.module_set(&m, name, obj);
        vm.module_set(&m, &format!("__{}__", name), obj);
    }
    let _ = Name::new;
    Ok(m)
}

/// `sys._getframe([depth])`: a snapshot of the calling frame (depth 0) or of
/// one further out, with `f_globals`, `f_locals` (class bodies / exec only,
/// else `f_globals`), `f_lineno`, `f_code` and `f_back`. Frames are rebuilt on
/// each call; later changes to the live frame are not reflected.
fn getframe(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("_getframe expected at most 1 argument, got {}", a.len())));
    }
    let depth = match a.first() {
        Some(v) => crate::objects::index_value(vm, v)?,
        None => 0,
    };
    let nframes = vm.frames.len() as i64;
    if depth < 0 || depth >= nframes {
        if depth < 0 {
            // CPython treats a negative depth as 0.
            return getframe(vm, &[Value::int(0)]);
        }
        return Err(vm.new_error(TP_VALUE_ERROR, "call stack is not deep enough"));
    }
    let target = (nframes - 1 - depth) as usize;
    let tp = match vm.native_types.get("frame") {
        Some(t) => *t,
        None => {
            let t = vm.new_builtin_type("frame", TP_OBJECT, "builtins");
            vm.native_types.insert("frame", t);
            t
        }
    };
    // Build from the outermost frame inwards so each can point to its f_back.
    let mut back = Value::NONE;
    for i in 0..=target {
        let (globals, locals, code, line) = {
            let f = &vm.frames[i];
            let line = f.code().lines.get(f.ip.saturating_sub(1)).copied().unwrap_or(0);
            (f.globals, f.locals, f.code().clone(), line)
        };
        vm.temp_roots.push(back);
        let obj = crate::objects::typeobj::alloc_instance(vm, tp);
        vm.temp_roots.pop();
        let obj = obj?;
        vm.temp_roots.push(obj);
        vm.temp_roots.push(back);
        let g = if globals.dict().is_some() { globals } else { vm.namedict_proxy(&globals) };
        vm.attrs_set(&obj, Name::new("f_globals"), g);
        let l = if locals.is_nil() { g } else { locals };
        vm.attrs_set(&obj, Name::new("f_locals"), l);
        vm.attrs_set(&obj, Name::new("f_lineno"), Value::int(line as i64));
        let c = vm.heap.alloc(TP_CODE, crate::vm::heap::ObjData::Code(code), None);
        vm.attrs_set(&obj, Name::new("f_code"), c);
        vm.attrs_set(&obj, Name::new("f_back"), back);
        vm.temp_roots.pop();
        vm.temp_roots.pop();
        back = obj;
    }
    Ok(back)
}
