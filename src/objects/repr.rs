//! `repr()` and `str()` of built-in objects, with recursion guards for
//! self-containing containers (`[[...]]`).

use crate::runtime::names::n;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

thread_local! {
    /// Containers whose repr is in progress on this thread.
    static REPR_STACK: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.ty() {
        TP_NONE_TYPE => return Ok("None".into()),
        TP_BOOL => return Ok(if v.as_bool_raw() { "True" } else { "False" }.into()),
        TP_INT if !v.is_ptr() => return Ok(v.as_i64().to_string()),
        TP_FLOAT => return Ok(crate::objects::strfmt::float_repr(v.as_f64())),
        TP_STR => return Ok(crate::objects::strfmt::repr_str(v.as_str().unwrap_or(""))),
        TP_NOT_IMPLEMENTED_TYPE => return Ok("NotImplemented".into()),
        TP_ELLIPSIS => return Ok("Ellipsis".into()),
        TP_NIL => return Ok("<nil>".into()),
        _ => {}
    }
    {
        if let Some(f) = vm.find_override(v.ty(), n::__repr__) {
            {
                vm.enter_recursion()?;
                let r = vm.call(&f, &[*v]);
                vm.leave_recursion();
                let r = r?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let msg = format!("__repr__ returned non-string (type {})", vm.type_name(&r));
                        Err(vm.new_error(TP_TYPE_ERROR, msg))
                    }
                };
            }
        }
    }
    builtin_repr(vm, v)
}

fn guarded(vm: &mut Vm, v: &Value, open: &str, close: &str, items: Vec<Value>, f: &dyn Fn(&mut Vm, &Value) -> PyResult<String>) -> PyResult<String> {
    let id = v.id() as u64;
    if REPR_STACK.with(|s| s.borrow().contains(&id)) {
        return Ok(format!("{}...{}", open, close));
    }
    vm.enter_recursion()?;
    REPR_STACK.with(|s| s.borrow_mut().push(id));
    let mut out = String::from(open);
    let mut r = Ok(());
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match f(vm, x) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    REPR_STACK.with(|s| s.borrow_mut().pop());
    vm.leave_recursion();
    r?;
    out.push_str(close);
    Ok(out)
}

fn qualified_type_name(vm: &Vm, t: TypeId) -> String {
    let ti = vm.tp(t);
    let m = ti.module.as_str();
    if m == "builtins" {
        ti.qualname.clone()
    } else {
        format!("{}.{}", m, ti.qualname)
    }
}

fn builtin_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.ty() == TP_RANGE {
        if let Some(s) = crate::objects::range::range_repr_string(v) {
            return Ok(s);
        }
    }
    let data = &v.obj().data;
    match data {
        ObjData::BigInt(b) => Ok(b.to_string()),
        ObjData::Str(s) => Ok(crate::objects::strfmt::repr_str(s.as_str())),
        ObjData::List(l) => {
            let items = l.borrow().clone();
            let body = guarded(vm, v, "[", "]", items, &|vm, x| vm.repr(x))?;
            Ok(wrap_subclass(vm, v, body))
        }
        ObjData::Tuple(t) => {
            let items = t.to_vec();
            if items.len() == 1 {
                let inner = guarded(vm, v, "(", ",)", items, &|vm, x| vm.repr(x))?;
                return Ok(inner);
            }
            guarded(vm, v, "(", ")", items, &|vm, x| vm.repr(x))
        }
        ObjData::Dict(d) => {
            let items: Vec<Value> = d.borrow().iter().flat_map(|e| [e.key(), e.value()]).collect();
            let pairs: Vec<Value> = items.chunks(2).map(|c| vm.new_tuple(c.to_vec())).collect();
            for p in &pairs {
                vm.keep_alive(*p);
            }
            let body = guarded(vm, v, "{", "}", pairs, &|vm, p| {
                let t = p.tuple().unwrap_or(&[]).to_vec();
                Ok(format!("{}: {}", vm.repr(&t[0])?, vm.repr(&t[1])?))
            })?;
            Ok(wrap_subclass(vm, v, body))
        }
        ObjData::Set(d) => {
            let items: Vec<Value> = d.borrow().iter().map(|e| e.key()).collect();
            let frozen = v.ty() == TP_FROZENSET || vm.is_subtype(v.ty(), TP_FROZENSET);
            let tname = vm.tp(v.ty()).name.as_str();
            if items.is_empty() {
                return Ok(format!("{}()", tname));
            }
            let body = guarded(vm, v, "{", "}", items, &|vm, x| vm.repr(x))?;
            if frozen || v.ty() != TP_SET {
                Ok(format!("{}({})", tname, body))
            } else {
                Ok(body)
            }
        }
        ObjData::Bytes(b) => Ok(crate::objects::strfmt::repr_bytes(b)),
        ObjData::ByteArray(b) => Ok(format!("bytearray({})", crate::objects::strfmt::repr_bytes(&b.borrow()))),
        ObjData::Type(t) => Ok(format!("<class '{}'>", qualified_type_name(vm, *t))),
        ObjData::Module => {
            let name = vm.attrs_get(v, n::__name__).and_then(|x| x.as_str().map(|s| s.to_string())).unwrap_or_default();
            Ok(format!("<module '{}'>", name))
        }
        ObjData::Function(f) => {
            // An assigned __qualname__ (functools.wraps) wins, as in CPython.
            let q = vm.attrs_get(v, n::__qualname__).and_then(|x| x.as_str().map(|s| s.to_string()));
            Ok(format!("<function {} at {:#x}>", q.as_deref().unwrap_or(&f.code.qualname), v.payload))
        }
        ObjData::NativeFunc(f) => Ok(format!("<built-in function {}>", f.name)),
        ObjData::BoundMethod(bm) => {
            let (s, f) = (bm.self_, bm.func);
            let fname = match &f.obj().data {
                ObjData::Function(fu) => fu.code.qualname.clone(),
                ObjData::NativeFunc(nf) => nf.name.as_str().to_string(),
                _ => "?".into(),
            };
            vm.enter_recursion()?;
            let sr = repr(vm, &s);
            vm.leave_recursion();
            Ok(format!("<bound method {} of {}>", fname, sr?))
        }
        ObjData::Range { start, stop, step } => Ok(if *step == 1 {
            format!("range({}, {})", start, stop)
        } else {
            format!("range({}, {}, {})", start, stop, step)
        }),
        ObjData::Slice(s) => {
            if v.ty() == TP_SLICE {
                let (a, b, c) = (s[0], s[1], s[2]);
                Ok(format!("slice({}, {}, {})", vm.repr(&a)?, vm.repr(&b)?, vm.repr(&c)?))
            } else if matches!(v.ty(), TP_DICT_KEYS | TP_DICT_VALUES | TP_DICT_ITEMS) {
                let tname = vm.tp(v.ty()).name.as_str();
                let kind = v.ty() - TP_DICT_KEYS;
                let d = s[0];
                let items: Vec<Value> = d.dict().map(|x| x.borrow().iter().map(|e| (e.key(), e.value())).collect::<Vec<_>>()).unwrap_or_default().into_iter().map(|(k, val)| match kind { 0 => k, 1 => val, _ => vm.new_tuple(vec![k, val]) }).collect();
                let l = vm.new_list(items);
                let body = vm.repr(&l)?;
                Ok(format!("{}({})", tname, body))
            } else {
                let items = vm.mapping_items(v)?;
                let d = vm.new_dict();
                vm.keep_alive(d);
                for (k, x) in items {
                    vm.dict_set(&d, k, x)?;
                }
                vm.repr(&d)
            }
        }
        ObjData::Exception(_) => {
            let args = vm.exc_args(v);
            let tname = vm.tp(v.ty()).name.as_str();
            let t = vm.new_tuple(args.clone());
            // Guarded: `e.args = (e,)` makes the repr refer to itself.
            vm.enter_recursion()?;
            let inner = if args.len() == 1 {
                vm.repr(&args[0])
            } else {
                vm.repr(&t).map(|r| r[1..r.len() - 1].trim_end_matches(',').to_string())
            };
            vm.leave_recursion();
            Ok(format!("{}({})", tname, inner?))
        }
        ObjData::Generator(g) => Ok(format!("<generator object {} at {:#x}>", g.borrow().qualname, v.payload)),
        ObjData::Property(_) => Ok(format!("<property object at {:#x}>", v.payload)),
        ObjData::Cell(_) => Ok(format!("<cell at {:#x}>", v.payload)),
        ObjData::Code(c) => Ok(format!("<code object {} at {:#x}, file \"{}\">", c.name, v.payload, c.filename)),
        _ => Ok(format!("<{} object at {:#x}>", qualified_type_name(vm, v.ty()), v.payload)),
    }
}

fn wrap_subclass(_vm: &Vm, _v: &Value, body: String) -> String {
    body
}

/// `str()` of a built-in value (no user `__str__`).
pub fn str_builtin(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if v.is_ptr() {
        if let ObjData::Exception(_) = &v.obj().data {
            return Ok(vm.exc_message(v));
        }
    }
    repr(vm, v)
}
