//! `object`, `type`, class creation (`__build_class__`, C3 MRO), instance
//! construction, `super`, `property`, `staticmethod`, `classmethod`, the
//! BaseException family's core methods, and generator methods.

use std::cell::RefCell;

use crate::compiler::bytecode::code_flags;
use crate::objects::namedict::NameDict;
use crate::runtime::names::{n, Name};
use crate::vm::eval::GenResult;
use crate::vm::exceptions::*;
use crate::vm::frame::Frame;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{Layout, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    // object
    vm.bind_static(TP_OBJECT, "__new__", -1, object_new);
    vm.bind_method_kw(TP_OBJECT, "__init__", object_init);
    vm.bind_method(TP_OBJECT, "__repr__", 1, |vm, a| {
        let s = crate::objects::repr::repr(vm, &a[0])?;
        Ok(vm.new_string(s))
    });
    vm.bind_method(TP_OBJECT, "__str__", 1, |vm, a| {
        let s = vm.repr(&a[0])?;
        Ok(vm.new_string(s))
    });
    vm.bind_method(TP_OBJECT, "__eq__", 2, |_, a| Ok(if a[0].is(&a[1]) { Value::TRUE } else { Value::NOT_IMPLEMENTED }));
    vm.bind_method(TP_OBJECT, "__ne__", 2, |vm, a| {
        let r = vm.compare(crate::compiler::bytecode::CompareOp::Eq, a[0], a[1])?;
        if r.is(&Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
        Ok(Value::bool(!vm.truthy(&r)?))
    });
    vm.bind_method(TP_OBJECT, "__hash__", 1, |_, a| Ok(Value::int((a[0].id() >> 4) & i64::MAX)));
    vm.bind_method(TP_OBJECT, "__setattr__", 3, |vm, a| {
        let name = attr_name(vm, &a[1])?;
        vm.generic_setattr(&a[0], name, Some(a[2]))?;
        Ok(Value::NONE)
    });
    vm.bind_method(TP_OBJECT, "__delattr__", 2, |vm, a| {
        let name = attr_name(vm, &a[1])?;
        vm.generic_setattr(&a[0], name, None)?;
        Ok(Value::NONE)
    });
    vm.bind_method(TP_OBJECT, "__getattribute__", 2, |vm, a| {
        let name = attr_name(vm, &a[1])?;
        // Plain lookup without the instance's own __getattribute__ hook.
        let t = a[0].ty();
        let hook = vm.types[t as usize].has_getattr_hook;
        vm.types[t as usize].has_getattr_hook = false;
        let r = vm.getattr_opt(&a[0], name);
        vm.types[t as usize].has_getattr_hook = hook;
        match r? {
            Some(v) => Ok(v),
            None => Err(vm.attribute_error(&a[0], name)),
        }
    });
    vm.bind_method(TP_OBJECT, "__format__", 2, |vm, a| {
        let spec = a[1].as_str().unwrap_or("").to_string();
        if !spec.is_empty() {
            let msg = format!("unsupported format string passed to {}.__format__", vm.type_name(&a[0]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
        vm.str_value(&a[0])
    });
    vm.bind_classmethod(TP_OBJECT, "__init_subclass__", -1, |_, _| Ok(Value::NONE));
    vm.bind_method(TP_OBJECT, "__dir__", 1, |vm, a| {
        let names = crate::objects::typeobj::dir_names(vm, &a[0]);
        let items: Vec<Value> = names.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });

    // type
    vm.bind_property_rw(
        TP_TYPE,
        "__name__",
        |vm, a| {
            let t = a[0].as_type().unwrap_or(TP_OBJECT);
            let nm = vm.tp(t).name;
            Ok(vm.name_str(nm))
        },
        |vm, a| {
            let t = settable_type(vm, &a[0], "__name__")?;
            let s = type_attr_str(vm, &a[0], &a[1], "__name__")?;
            vm.types[t as usize].name = Name::new(&s);
            Ok(Value::NONE)
        },
    );
    vm.bind_property_rw(
        TP_TYPE,
        "__qualname__",
        |vm, a| {
            let t = a[0].as_type().unwrap_or(TP_OBJECT);
            let q = vm.tp(t).qualname.clone();
            Ok(vm.new_string(q))
        },
        |vm, a| {
            let t = settable_type(vm, &a[0], "__qualname__")?;
            let s = type_attr_str(vm, &a[0], &a[1], "__qualname__")?;
            vm.types[t as usize].qualname = s;
            Ok(Value::NONE)
        },
    );
    vm.bind_property_rw(
        TP_TYPE,
        "__module__",
        |vm, a| {
            let t = a[0].as_type().unwrap_or(TP_OBJECT);
            if let Some(m) = vm.tp(t).dict().get(n::__module__) {
                return Ok(m);
            }
            let m = vm.tp(t).module;
            Ok(vm.name_str(m))
        },
        |vm, a| {
            let t = settable_type(vm, &a[0], "__module__")?;
            if let Some(s) = a[1].as_str() {
                vm.types[t as usize].module = Name::new(s);
            }
            vm.set_type_attr(t, "__module__", a[1]);
            Ok(Value::NONE)
        },
    );
    vm.bind_property(TP_TYPE, "__mro__", |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        let items: Vec<Value> = vm.tp(t).mro.iter().map(|x| vm.types[*x as usize].obj).collect();
        Ok(vm.new_tuple(items))
    });
    vm.bind_property(TP_TYPE, "__bases__", |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        let items: Vec<Value> = vm.tp(t).bases.iter().map(|x| vm.types[*x as usize].obj).collect();
        Ok(vm.new_tuple(items))
    });
    vm.bind_property(TP_TYPE, "__base__", |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        let b = vm.tp(t).base;
        Ok(if b == TP_NIL { Value::NONE } else { vm.types[b as usize].obj })
    });
    vm.bind_property(TP_TYPE, "__dict__", |vm, a| Ok(vm.namedict_proxy(&a[0])));
    vm.bind_property(TP_TYPE, "__doc__", |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        Ok(vm.tp(t).dict().get(n::__doc__).unwrap_or(Value::NONE))
    });
    vm.bind_method(TP_TYPE, "mro", 1, |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        let items: Vec<Value> = vm.tp(t).mro.iter().map(|x| vm.types[*x as usize].obj).collect();
        Ok(vm.new_list(items))
    });
    vm.bind_method(TP_TYPE, "__subclasses__", 1, |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        let items: Vec<Value> = vm.types.iter().filter(|ti| ti.bases.contains(&t)).map(|ti| ti.obj).collect();
        Ok(vm.new_list(items))
    });
    vm.bind_method(TP_TYPE, "__instancecheck__", 2, |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        Ok(Value::bool(vm.isinstance(&a[1], t)))
    });
    vm.bind_method(TP_TYPE, "__subclasscheck__", 2, |vm, a| {
        let t = a[0].as_type().unwrap_or(TP_OBJECT);
        let s = a[1].as_type().unwrap_or(TP_NIL);
        Ok(Value::bool(vm.is_subtype(s, t)))
    });
    vm.bind_method(TP_TYPE, "__repr__", 1, |vm, a| {
        let s = crate::objects::repr::repr(vm, &a[0])?;
        Ok(vm.new_string(s))
    });
    vm.bind_static(TP_TYPE, "__new__", -1, |vm, a| {
        // type.__new__(meta, name, bases, ns)
        if a.len() != 4 {
            return Err(vm.new_error(TP_TYPE_ERROR, "type.__new__() takes exactly 3 arguments"));
        }
        let meta = a[0].as_type().unwrap_or(TP_TYPE);
        type_new(vm, meta, &a[1], &a[2], &a[3], &[])
    });
    vm.bind_method_kw(TP_TYPE, "__init__", |_, _, _| Ok(Value::NONE));
    vm.bind_method_kw(TP_TYPE, "__call__", |vm, a, kw| {
        let t = match a.first().and_then(|v| v.as_type()) {
            Some(t) => t,
            None => return Err(vm.new_error(TP_TYPE_ERROR, "descriptor '__call__' requires a type")),
        };
        construct_default(vm, t, &a[1..], kw)
    });

    // property / staticmethod / classmethod
    let pn = vm.new_native_kw("__new__", property_new);
    let pn = vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(pn), None);
    vm.set_type_attr(TP_PROPERTY, "__new__", pn);
    vm.bind_method_kw(TP_PROPERTY, "__init__", |_, _, _| Ok(Value::NONE));
    vm.bind_method(TP_PROPERTY, "setter", 2, |vm, a| property_with(vm, &a[0], 1, a[1]));
    vm.bind_method(TP_PROPERTY, "getter", 2, |vm, a| property_with(vm, &a[0], 0, a[1]));
    vm.bind_method(TP_PROPERTY, "deleter", 2, |vm, a| property_with(vm, &a[0], 2, a[1]));
    for (i, name) in ["fget", "fset", "fdel", "__doc__"].iter().enumerate() {
        let f: crate::objects::function::NativeFn = match i {
            0 => |_, a| Ok(prop_part(&a[0], 0)),
            1 => |_, a| Ok(prop_part(&a[0], 1)),
            2 => |_, a| Ok(prop_part(&a[0], 2)),
            _ => |_, a| Ok(prop_part(&a[0], 3)),
        };
        vm.bind_property(TP_PROPERTY, name, f);
    }
    vm.bind_method(TP_PROPERTY, "__get__", -1, |vm, a| {
        if a.len() < 2 || a[1].is_none() {
            return Ok(a[0]);
        }
        let g = prop_part(&a[0], 0);
        vm.call(&g, &[a[1]])
    });
    vm.bind_static(TP_STATICMETHOD, "__new__", 2, |vm, a| Ok(vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(a[1]), None)));
    vm.bind_static(TP_CLASSMETHOD, "__new__", 2, |vm, a| Ok(vm.heap.alloc(TP_CLASSMETHOD, ObjData::ClassMethod(a[1]), None)));
    vm.bind_property(TP_STATICMETHOD, "__func__", |_, a| Ok(wrapped_func(&a[0])));
    vm.bind_property(TP_CLASSMETHOD, "__func__", |_, a| Ok(wrapped_func(&a[0])));
    vm.bind_method(TP_STATICMETHOD, "__get__", -1, |_, a| Ok(wrapped_func(&a[0])));
    vm.bind_method(TP_CLASSMETHOD, "__get__", -1, |vm, a| {
        let f = wrapped_func(&a[0]);
        let owner = if a.len() > 2 && !a[2].is_none() { a[2] } else { vm.types[a[1].ty() as usize].obj };
        Ok(vm.new_bound_method(owner, f))
    });

    // super
    vm.bind_static(TP_SUPER, "__new__", -1, super_new);

    // BaseException
    vm.bind_static(TP_BASE_EXCEPTION, "__new__", -1, |vm, a| {
        let t = a.first().and_then(|v| v.as_type()).unwrap_or(TP_EXCEPTION);
        Ok(vm.new_exception_args(t, a[1..].to_vec()))
    });
    vm.bind_method_kw(TP_BASE_EXCEPTION, "__init__", |vm, a, _| {
        let args = vm.new_tuple(a[1..].to_vec());
        if let ObjData::Exception(ed) = &a[0].obj().data {
            ed.borrow_mut().args = args;
        }
        Ok(Value::NONE)
    });
    vm.bind_method(TP_BASE_EXCEPTION, "__str__", 1, |vm, a| {
        let s = vm.exc_message(&a[0]);
        Ok(vm.new_string(s))
    });
    vm.bind_method(TP_BASE_EXCEPTION, "__repr__", 1, |vm, a| {
        let s = crate::objects::repr::repr(vm, &a[0])?;
        Ok(vm.new_string(s))
    });
    vm.bind_method(TP_BASE_EXCEPTION, "with_traceback", 2, |_, a| Ok(a[0]));
    exc_field(vm, "args", 0);
    exc_field(vm, "__cause__", 1);
    exc_field(vm, "__context__", 2);
    exc_field(vm, "__suppress_context__", 3);
    exc_field(vm, "__traceback__", 4);
    vm.bind_property(TP_STOP_ITERATION, "value", |vm, a| Ok(vm.exc_args(&a[0]).first().copied().unwrap_or(Value::NONE)));
    vm.bind_property(TP_SYSTEM_EXIT, "code", |vm, a| Ok(vm.exc_args(&a[0]).first().copied().unwrap_or(Value::NONE)));

    // generators
    vm.bind_method(TP_GENERATOR, "__iter__", 1, |_, a| Ok(a[0]));
    vm.bind_method(TP_GENERATOR, "__next__", 1, |vm, a| match vm.gen_resume(&a[0], Value::NONE)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(r) => Err(stop_iteration(vm, r)),
    });
    vm.bind_method(TP_GENERATOR, "send", 2, |vm, a| match vm.gen_resume(&a[0], a[1])? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(r) => Err(stop_iteration(vm, r)),
    });
    vm.bind_method(TP_GENERATOR, "throw", -1, |vm, a| {
        if a.len() < 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "throw expected at least 1 argument, got 0"));
        }
        let e = if a.len() > 2 && !a[2].is_none() { vm.call(&a[1], &[a[2]])? } else { vm.make_exception(a[1])? };
        match vm.gen_resume_ex(&a[0], Value::NONE, Some(e))? {
            GenResult::Yield(v) => Ok(v),
            GenResult::Return(r) => Err(stop_iteration(vm, r)),
        }
    });
    vm.bind_method(TP_GENERATOR, "close", 1, |vm, a| gen_close(vm, &a[0]));
    vm.bind_property(TP_GENERATOR, "__name__", |vm, a| {
        let nm = match &a[0].obj().data {
            ObjData::Generator(g) => g.borrow().name,
            _ => Name::new("?"),
        };
        Ok(vm.name_str(nm))
    });
    vm.bind_property(TP_GENERATOR, "__qualname__", |vm, a| {
        let q = match &a[0].obj().data {
            ObjData::Generator(g) => g.borrow().qualname.clone(),
            _ => String::new(),
        };
        Ok(vm.new_string(q))
    });
    vm.bind_property(TP_GENERATOR, "gi_running", |_, a| {
        Ok(Value::bool(matches!(&a[0].obj().data, ObjData::Generator(g) if g.borrow().status == crate::vm::frame::GenStatus::Running)))
    });
    // Iterators are their own iterators.
    for t in [TP_LIST_ITERATOR, TP_STR_ITERATOR, TP_RANGE_ITERATOR, TP_DICT_ITERATOR, TP_SET_ITERATOR, TP_BYTES_ITERATOR, TP_SEQ_ITERATOR, TP_CALL_ITERATOR, TP_ENUMERATE, TP_ZIP, TP_MAP, TP_FILTER, TP_REVERSED, TP_TUPLE_ITERATOR] {
        vm.bind_method(t, "__iter__", 1, |_, a| Ok(a[0]));
        vm.bind_method(t, "__next__", 1, |vm, a| match vm.next(&a[0])? {
            Some(v) => Ok(v),
            None => Err(stop_iteration(vm, Value::NONE)),
        });
    }
    // functions
    function_attrs(vm);
    vm.bind_method(TP_FUNCTION, "__get__", -1, |vm, a| {
        if a.len() < 2 || a[1].is_none() {
            return Ok(a[0]);
        }
        Ok(vm.new_bound_method(a[1], a[0]))
    });
    vm.bind_property(TP_NATIVEFUNC, "__name__", |vm, a| {
        let nm = match &a[0].obj().data {
            ObjData::NativeFunc(f) => f.name,
            _ => Name::new("?"),
        };
        Ok(vm.name_str(nm))
    });
    vm.bind_property(TP_BOUNDMETHOD, "__self__", |_, a| Ok(bm_part(&a[0], 0)));
    vm.bind_property(TP_BOUNDMETHOD, "__func__", |_, a| Ok(bm_part(&a[0], 1)));
    vm.bind_property(TP_BOUNDMETHOD, "__name__", |vm, a| {
        let f = bm_part(&a[0], 1);
        vm.getattr(&f, n::__name__)
    });
    vm.bind_property(TP_MODULE, "__dict__", |vm, a| Ok(vm.namedict_proxy(&a[0])));
}

/// Function attributes: computed from the code object unless assigned
/// (assignments go to the function's own attribute dict).
fn function_attrs(vm: &mut Vm) {
    fn stored(vm: &Vm, f: &Value, name: &str) -> Option<Value> {
        vm.attrs_get(f, Name::new(name))
    }
    fn func_part(vm: &mut Vm, f: &Value, which: &str) -> Value {
        if let Some(v) = stored(vm, f, which) {
            return v;
        }
        let fu = match &f.obj().data {
            ObjData::Function(fu) => fu,
            _ => return Value::NONE,
        };
        let code = fu.code.clone();
        let (defaults, kwdefaults, annotations, closure, globals) =
            (fu.defaults.to_vec(), fu.kwdefaults, fu.annotations, fu.closure.to_vec(), fu.globals);
        match which {
            "__name__" => vm.new_str(&code.name),
            "__qualname__" => vm.new_str(&code.qualname),
            "__doc__" => match &code.doc {
                Some(d) => vm.new_str(d),
                None => Value::NONE,
            },
            "__module__" => vm.locals_get(&globals, n::__name__).ok().flatten().unwrap_or(Value::NONE),
            "__defaults__" => {
                if defaults.is_empty() {
                    Value::NONE
                } else {
                    vm.new_tuple(defaults)
                }
            }
            "__kwdefaults__" => {
                if kwdefaults.is_nil() {
                    Value::NONE
                } else {
                    kwdefaults
                }
            }
            "__annotations__" => {
                let d = if annotations.is_nil() { vm.new_dict() } else { annotations };
                vm.attrs_set(f, n::__annotations__, d);
                d
            }
            "__closure__" => {
                if closure.is_empty() {
                    Value::NONE
                } else {
                    vm.new_tuple(closure)
                }
            }
            "__globals__" => {
                if globals.dict().is_some() {
                    globals
                } else {
                    vm.namedict_proxy(&globals)
                }
            }
            "__code__" => vm.heap.alloc(TP_CODE, ObjData::Code(code), None),
            _ => Value::NONE,
        }
    }
    macro_rules! attr {
        ($name:literal) => {{
            let g = vm.new_native($name, 1, |vm, a| Ok(func_part(vm, &a[0], $name)));
            let s = vm.new_native($name, 2, |vm, a| {
                vm.attrs_set(&a[0], Name::new($name), a[1]);
                Ok(Value::NONE)
            });
            let p = vm.heap.alloc(TP_PROPERTY, ObjData::Property(Box::new([g, s, Value::NONE, Value::NONE])), None);
            vm.set_type_attr(TP_FUNCTION, $name, p);
        }};
    }
    attr!("__name__");
    attr!("__qualname__");
    attr!("__doc__");
    attr!("__module__");
    attr!("__defaults__");
    attr!("__kwdefaults__");
    attr!("__annotations__");
    attr!("__closure__");
    attr!("__globals__");
    attr!("__code__");
    vm.bind_property(TP_CELL, "cell_contents", |vm, a| match &a[0].obj().data {
        ObjData::Cell(c) if !c.get().is_nil() => Ok(c.get()),
        _ => Err(vm.new_error(TP_VALUE_ERROR, "Cell is empty")),
    });
    vm.bind_property(TP_CODE, "co_name", |vm, a| match &a[0].obj().data {
        ObjData::Code(c) => {
            let s = c.name.clone();
            Ok(vm.new_string(s))
        }
        _ => Ok(Value::NONE),
    });
    vm.bind_property(TP_CODE, "co_filename", |vm, a| match &a[0].obj().data {
        ObjData::Code(c) => {
            let s = c.filename.to_string();
            Ok(vm.new_string(s))
        }
        _ => Ok(Value::NONE),
    });
}

fn bm_part(v: &Value, i: usize) -> Value {
    match &v.obj().data {
        ObjData::BoundMethod(b) => {
            if i == 0 {
                b.self_
            } else {
                b.func
            }
        }
        _ => Value::NONE,
    }
}

fn exc_field(vm: &mut Vm, name: &str, which: u8) {
    let get: crate::objects::function::NativeFn = match which {
        0 => |vm, a| Ok(exc_get(vm, &a[0], 0)),
        1 => |vm, a| Ok(exc_get(vm, &a[0], 1)),
        2 => |vm, a| Ok(exc_get(vm, &a[0], 2)),
        3 => |vm, a| Ok(exc_get(vm, &a[0], 3)),
        _ => |vm, a| Ok(exc_get(vm, &a[0], 4)),
    };
    let set: crate::objects::function::NativeFn = match which {
        0 => |vm, a| exc_set(vm, &a[0], 0, a[1]),
        1 => |vm, a| exc_set(vm, &a[0], 1, a[1]),
        2 => |vm, a| exc_set(vm, &a[0], 2, a[1]),
        3 => |vm, a| exc_set(vm, &a[0], 3, a[1]),
        _ => |vm, a| exc_set(vm, &a[0], 4, a[1]),
    };
    let g = vm.new_native(name, 1, get);
    let s = vm.new_native(name, 2, set);
    let p = vm.heap.alloc(TP_PROPERTY, ObjData::Property(Box::new([g, s, Value::NONE, Value::NONE])), None);
    vm.set_type_attr(TP_BASE_EXCEPTION, name, p);
}

fn exc_get(vm: &mut Vm, e: &Value, which: u8) -> Value {
    let ed = match &e.obj().data {
        ObjData::Exception(ed) => ed,
        _ => return Value::NONE,
    };
    let ed = ed.borrow();
    let v = match which {
        0 => ed.args,
        1 => ed.cause,
        2 => ed.context,
        3 => Value::bool(ed.suppress_context),
        _ => {
            let line = ed.traceback.first().map(|t| t.line);
            drop(ed);
            return match line {
                Some(l) => {
                    let tb = vm.heap.alloc(TP_TRACEBACK, ObjData::Empty, Some(Box::default()));
                    vm.attrs_set(&tb, Name::new("tb_lineno"), Value::int(l as i64));
                    // traceback.format_tb reads the frames from the exception.
                    vm.attrs_set(&tb, Name::new("_exc"), *e);
                    tb
                }
                None => Value::NONE,
            };
        }
    };
    drop(ed);
    if v.is_nil() {
        Value::NONE
    } else {
        v
    }
}

fn exc_set(vm: &mut Vm, e: &Value, which: u8, v: Value) -> PyResult<Value> {
    let args = if which == 0 { Some(vm.collect_iter(&v)?) } else { None };
    let args = args.map(|a| vm.new_tuple(a));
    if let ObjData::Exception(ed) = &e.obj().data {
        let mut ed = ed.borrow_mut();
        match which {
            0 => ed.args = args.unwrap_or(Value::NONE),
            1 => {
                ed.cause = v;
                ed.suppress_context = true;
            }
            2 => ed.context = v,
            3 => ed.suppress_context = v.ty() == TP_BOOL && v.as_bool_raw(),
            _ => {}
        }
    }
    Ok(Value::NONE)
}

pub fn stop_iteration(vm: &mut Vm, r: Value) -> crate::vm::Raised {
    let args = if r.is_none() { vec![] } else { vec![r] };
    let e = vm.new_exception_args(TP_STOP_ITERATION, args);
    vm.raise(e)
}

fn gen_close(vm: &mut Vm, g: &Value) -> PyResult<Value> {
    let status = match &g.obj().data {
        ObjData::Generator(gs) => gs.borrow().status,
        _ => return Ok(Value::NONE),
    };
    use crate::vm::frame::GenStatus;
    if status == GenStatus::Created {
        if let ObjData::Generator(gs) = &g.obj().data {
            gs.borrow_mut().status = GenStatus::Done;
        }
        return Ok(Value::NONE);
    }
    if status == GenStatus::Done {
        return Ok(Value::NONE);
    }
    let e = vm.new_exception_args(TP_GENERATOR_EXIT, vec![]);
    match vm.gen_resume_ex(g, Value::NONE, Some(e)) {
        Ok(GenResult::Yield(_)) => Err(vm.new_error(TP_RUNTIME_ERROR, "generator ignored GeneratorExit")),
        Ok(GenResult::Return(_)) => Ok(Value::NONE),
        Err(err) => {
            if vm.exc_is(TP_GENERATOR_EXIT) || vm.exc_is(TP_STOP_ITERATION) {
                vm.exc = None;
                Ok(Value::NONE)
            } else {
                Err(err)
            }
        }
    }
}

fn wrapped_func(v: &Value) -> Value {
    match &v.obj().data {
        ObjData::StaticMethod(f) | ObjData::ClassMethod(f) => *f,
        _ => Value::NONE,
    }
}

fn prop_part(p: &Value, i: usize) -> Value {
    match &p.obj().data {
        ObjData::Property(x) => x[i],
        _ => Value::NONE,
    }
}

fn property_new(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let t = a.first().and_then(|v| v.as_type()).unwrap_or(TP_PROPERTY);
    let mut parts = [Value::NONE; 4];
    for (i, v) in a[1..].iter().enumerate().take(4) {
        parts[i] = *v;
    }
    for (k, v) in kw {
        match k.as_str() {
            "fget" => parts[0] = *v,
            "fset" => parts[1] = *v,
            "fdel" => parts[2] = *v,
            "doc" => parts[3] = *v,
            _ => return Err(vm.new_error(TP_TYPE_ERROR, format!("property() got an unexpected keyword argument '{}'", k))),
        }
    }
    if parts[3].is_none() && !parts[0].is_none() {
        if let Ok(Some(d)) = vm.getattr_opt(&parts[0], n::__doc__) {
            parts[3] = d;
        }
    }
    Ok(vm.heap.alloc(t, ObjData::Property(Box::new(parts)), None))
}

fn property_with(vm: &mut Vm, p: &Value, i: usize, f: Value) -> PyResult<Value> {
    let mut parts = match &p.obj().data {
        ObjData::Property(x) => **x,
        _ => [Value::NONE; 4],
    };
    parts[i] = f;
    Ok(vm.heap.alloc(p.ty(), ObjData::Property(Box::new(parts)), None))
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

/// `object.__new__(cls)`: an empty instance with the class's payload layout.
fn object_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = match a.first().and_then(|v| v.as_type()) {
        Some(t) => t,
        None => return Err(vm.new_error(TP_TYPE_ERROR, "object.__new__(X): X is not a type object")),
    };
    alloc_instance(vm, t)
}

pub fn alloc_instance(vm: &mut Vm, t: TypeId) -> PyResult<Value> {
    let ti = vm.tp(t);
    let attrs = if ti.has_attrs { Some(Box::new(RefCell::new(NameDict::new()))) } else { None };
    let data = match ti.layout {
        Layout::Object => ObjData::Empty,
        Layout::List => ObjData::List(RefCell::new(Vec::new())),
        Layout::Dict => ObjData::Dict(RefCell::new(crate::objects::dict::Dict::new())),
        Layout::Set | Layout::FrozenSet => ObjData::Set(RefCell::new(crate::objects::dict::Dict::new())),
        Layout::Exception => ObjData::Exception(Box::new(RefCell::new(ExcData { args: Value::NIL, ..ExcData::default() }))),
        _ => {
            let msg = format!("object.__new__({}) is not safe, use {}.__new__()", ti.name, ti.name);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let v = vm.heap.alloc(t, data, attrs);
    if let ObjData::Exception(ed) = &v.obj().data {
        let empty = vm.new_tuple(vec![]);
        ed.borrow_mut().args = empty;
    }
    Ok(v)
}

fn object_init(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if a.len() > 1 || !kw.is_empty() {
        let t = a[0].ty();
        let new_is_object = vm.find_in_type(t, n::__new__).map(|f| Some(f).map(|x| x.is(&vm.tp(TP_OBJECT).dict().get(n::__new__).unwrap_or(Value::NIL)))).flatten().unwrap_or(true);
        if new_is_object {
            let msg = format!("{}() takes no arguments", vm.tp(t).name);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    Ok(Value::NONE)
}

fn unwrap_static(v: Value) -> Value {
    if v.is_ptr() {
        if let ObjData::StaticMethod(f) = &v.obj().data {
            return *f;
        }
    }
    v
}

impl Vm {
    /// Call a type: `type(x)`, metaclass `__call__`, or `__new__` + `__init__`.
    pub fn construct(&mut self, t: TypeId, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
        if t == TP_TYPE && args.len() == 1 && kw.is_empty() {
            return Ok(self.types[args[0].ty() as usize].obj);
        }
        let meta = self.types[t as usize].obj.ty();
        if meta != TP_TYPE {
            if let Some(c) = self.find_in_type(meta, n::__call__) {
                if c.ty() == TP_FUNCTION {
                    let tobj = self.types[t as usize].obj;
                    let mut all = vec![tobj];
                    all.extend_from_slice(args);
                    return self.call_kw(&c, &all, kw);
                }
            }
        }
        construct_default(self, t, args, kw)
    }
}

/// `type.__call__(cls, *args, **kw)`.
pub fn construct_default(vm: &mut Vm, t: TypeId, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if t == TP_TYPE && args.len() == 3 {
        return type_new(vm, TP_TYPE, &args[0], &args[1], &args[2], kw);
    }
    let tobj = vm.types[t as usize].obj;
    let obj_new = vm.tp(TP_OBJECT).dict().get(n::__new__).unwrap_or(Value::NIL);
    let new = vm.find_in_type(t, n::__new__).map(unwrap_static).unwrap_or(obj_new);
    let obj = if new.is(&unwrap_static(obj_new)) || new.is(&obj_new) {
        alloc_instance(vm, t)?
    } else {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(tobj);
        all.extend_from_slice(args);
        vm.call_kw(&new, &all, kw)?
    };
    if !vm.isinstance(&obj, t) {
        return Ok(obj);
    }
    // Root the new object while __init__ runs, and only that long.
    let mark = vm.temp_roots.len();
    vm.keep_alive(obj);
    let r = init_instance(vm, t, obj, new, obj_new, args, kw);
    vm.temp_roots.truncate(mark);
    r
}

fn init_instance(vm: &mut Vm, t: TypeId, obj: Value, new: Value, obj_new: Value, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let init = vm.find_in_type(t, n::__init__);
    if let Some(init) = init {
        let obj_init = vm.tp(TP_OBJECT).dict().get(n::__init__).unwrap_or(Value::NIL);
        if init.is(&obj_init) {
            if (!args.is_empty() || !kw.is_empty()) && (new.is(&obj_new) || new.is(&unwrap_static(obj_new))) {
                let msg = format!("{}() takes no arguments", vm.tp(t).name);
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
            return Ok(obj);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj);
        all.extend_from_slice(args);
        let r = vm.call_kw(&init, &all, kw)?;
        if !r.is_none() {
            let msg = format!("__init__() should return None, not '{}'", vm.type_name(&r));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    }
    Ok(obj)
}

/// C3 linearisation of the bases' MROs.
fn c3_merge(vm: &mut Vm, bases: &[TypeId]) -> PyResult<Vec<TypeId>> {
    let mut seqs: Vec<Vec<TypeId>> = bases.iter().map(|b| vm.tp(*b).mro.clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let h = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&h)) {
                cand = Some(h);
                break;
            }
        }
        match cand {
            Some(c) => {
                out.push(c);
                for s in seqs.iter_mut() {
                    if s[0] == c {
                        s.remove(0);
                    }
                }
            }
            None => {
                let names: Vec<String> = bases.iter().map(|b| vm.tp(*b).name.as_str().to_string()).collect();
                let msg = format!("Cannot create a consistent method resolution order (MRO) for bases {}", names.join(", "));
                return Err(vm.new_error(TP_TYPE_ERROR, msg));
            }
        }
    }
}

/// The class whose `__name__` / `__qualname__` / `__module__` is being
/// assigned; built-in types are immutable (TypeError, as in CPython).
fn settable_type(vm: &mut Vm, v: &Value, attr: &str) -> PyResult<TypeId> {
    let t = v.as_type().unwrap_or(TP_OBJECT);
    if vm.tp(t).is_builtin {
        let msg = format!("cannot set '{}' attribute of immutable type '{}'", attr, vm.tp(t).name.as_str());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    Ok(t)
}

fn type_attr_str(vm: &mut Vm, tv: &Value, v: &Value, attr: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => {
            let t = tv.as_type().unwrap_or(TP_OBJECT);
            let msg = format!(
                "can only assign string to {}.{}, not '{}'",
                vm.tp(t).name.as_str(),
                attr,
                vm.type_name(v)
            );
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

/// `__name__` of the running frame's globals: the `__module__` of a class
/// made by a `type(name, bases, ns)` call whose namespace has none (CPython).
fn caller_module_name(vm: &mut Vm) -> Name {
    let globals = vm.frames.last().map(|f| f.globals).unwrap_or(vm.main_module);
    match vm.locals_get(&globals, n::__name__) {
        Ok(Some(v)) => v.as_str().map(Name::new).unwrap_or_else(|| Name::new("__main__")),
        _ => Name::new("__main__"),
    }
}

/// `type(name, bases, ns)` / the default metaclass.
pub fn type_new(vm: &mut Vm, meta: TypeId, name: &Value, bases: &Value, ns: &Value, kw: &[(Name, Value)]) -> PyResult<Value> {
    let name_s = match name.as_str() {
        Some(s) => s.to_string(),
        None => return Err(vm.new_error(TP_TYPE_ERROR, "type.__new__() argument 1 must be str")),
    };
    let base_vals = vm.collect_iter(bases)?;
    let mut base_ids = Vec::new();
    for b in &base_vals {
        match b.as_type() {
            Some(t) => {
                if !vm.tp(t).subclassable {
                    let msg = format!("type '{}' is not an acceptable base type", vm.tp(t).name);
                    return Err(vm.new_error(TP_TYPE_ERROR, msg));
                }
                base_ids.push(t)
            }
            None => return Err(vm.new_error(TP_TYPE_ERROR, "bases must be types")),
        }
    }
    if base_ids.is_empty() {
        base_ids.push(TP_OBJECT);
    }
    let mro_tail = c3_merge(vm, &base_ids)?;
    let items = vm.mapping_items(ns)?;
    let qualname = items
        .iter()
        .find(|(k, _)| k.as_str() == Some("__qualname__"))
        .and_then(|(_, v)| v.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| name_s.clone());
    let module = items
        .iter()
        .find(|(k, _)| k.as_str() == Some("__module__"))
        .and_then(|(_, v)| v.as_str().map(Name::new))
        .unwrap_or_else(|| caller_module_name(vm));
    let id = vm.new_class_type(Name::new(&name_s), qualname, module, base_ids, mro_tail, meta)?;
    let mut has_eq = false;
    let mut has_hash = false;
    for (k, v) in &items {
        let ks = match k.as_str() {
            Some(s) => s,
            None => continue,
        };
        if ks == "__qualname__" || ks == "__classcell__" {
            continue;
        }
        let kn = Name::new(ks);
        if kn == n::__eq__ {
            has_eq = true;
        }
        if kn == n::__hash__ {
            has_hash = true;
        }
        if kn == n::__getattribute__ {
            vm.types[id as usize].has_getattr_hook = true;
        }
        // __new__ and __init_subclass__ are implicitly static / class methods.
        let v = if kn == n::__new__ && v.ty() == TP_FUNCTION {
            vm.heap.alloc(TP_STATICMETHOD, ObjData::StaticMethod(*v), None)
        } else if (kn == n::__init_subclass__ || kn == n::__class_getitem__) && v.ty() == TP_FUNCTION {
            vm.heap.alloc(TP_CLASSMETHOD, ObjData::ClassMethod(*v), None)
        } else {
            *v
        };
        vm.type_dict_set(id, kn, v);
    }
    if has_eq && !has_hash {
        vm.type_dict_set(id, n::__hash__, Value::NONE);
    }
    // __slots__: restrict instance attributes when every class in the MRO
    // declares slots and none asks for a __dict__.
    if let Some((_, sl)) = items.iter().find(|(k, _)| k.as_str() == Some("__slots__")) {
        let names: Vec<Name> = if let Some(s) = sl.as_str() {
            vec![Name::new(s)]
        } else {
            vm.collect_iter(sl)?.iter().filter_map(|v| v.as_str().map(Name::new)).collect()
        };
        let mut allowed = names.clone();
        let mut restricted = !names.iter().any(|x| x.as_str() == "__dict__");
        let mro = vm.tp(id).mro.clone();
        for &b in &mro[1..] {
            if b == TP_OBJECT {
                continue;
            }
            match &vm.tp(b).slots {
                Some(bs) => allowed.extend(bs.iter().copied()),
                None => restricted = false,
            }
        }
        if restricted {
            vm.types[id as usize].slots = Some(allowed);
        }
    }
    let cls = vm.types[id as usize].obj;
    // __classcell__
    if let Some((_, cell)) = items.iter().find(|(k, _)| k.as_str() == Some("__classcell__")) {
        if let ObjData::Cell(c) = &cell.obj().data {
            c.set(cls);
        }
    }
    // __set_name__ on descriptors.
    for (k, v) in &items {
        if v.is_ptr() && !vm.types[v.ty() as usize].is_builtin {
            if let Some(f) = vm.find_in_type(v.ty(), n::__set_name__) {
                vm.call(&f, &[*v, cls, *k])?;
            }
        }
    }
    // __init_subclass__ of the parent.
    let mro = vm.tp(id).mro.clone();
    for &p in &mro[1..] {
        if let Some(f) = vm.types[p as usize].dict().get(n::__init_subclass__) {
            let f = match &f.obj().data {
                ObjData::ClassMethod(g) => *g,
                _ => f,
            };
            vm.call_kw(&f, &[cls], kw)?;
            break;
        }
    }
    Ok(cls)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kw)`.
pub fn build_class(vm: &mut Vm, a: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    if a.len() < 2 {
        return Err(vm.new_error(TP_TYPE_ERROR, "__build_class__: not enough arguments"));
    }
    let (func, name) = (a[0], a[1]);
    let orig_bases = vm.new_tuple(a[2..].to_vec());
    vm.keep_alive(orig_bases);
    // PEP 560: a base that is not a class may stand for others via __mro_entries__.
    let mut resolved: Vec<Value> = Vec::with_capacity(a.len() - 2);
    let mut replaced = false;
    for b in &a[2..] {
        if b.as_type().is_none() {
            if let Some(me) = vm.getattr_opt(b, Name::new("__mro_entries__"))? {
                let r = vm.call(&me, &[orig_bases])?;
                vm.keep_alive(r);
                match r.tuple() {
                    Some(t) => resolved.extend_from_slice(t),
                    None => return Err(vm.new_error(TP_TYPE_ERROR, "__mro_entries__ must return a tuple")),
                }
                replaced = true;
                continue;
            }
        }
        resolved.push(*b);
    }
    let bases = if replaced { vm.new_tuple(resolved.clone()) } else { orig_bases };
    vm.keep_alive(bases);
    let mut meta = Value::NIL;
    let mut rest = Vec::new();
    for (k, v) in kw {
        if k.as_str() == "metaclass" {
            meta = *v;
        } else {
            rest.push((*k, *v));
        }
    }
    if meta.is_nil() {
        // The most derived metaclass of the bases.
        let mut m = TP_TYPE;
        for b in &resolved {
            let bm = b.ty();
            if vm.is_subtype(bm, m) {
                m = bm;
            }
        }
        meta = vm.types[m as usize].obj;
    }
    let ns = vm.new_dict();
    vm.keep_alive(ns);
    if let Some(prep) = vm.getattr_opt(&meta, n::__prepare__)? {
        let r = vm.call_kw(&prep, &[name, bases], &rest)?;
        if r.dict().is_some() {
            vm.dict_update_from(&ns, &r, false)?;
        }
    }
    run_class_body(vm, &func, &ns)?;
    if replaced {
        let key = vm.new_str("__orig_bases__");
        vm.dict_set(&ns, key, orig_bases)?;
    }
    let cls = if meta.as_type() == Some(TP_TYPE) {
        type_new(vm, TP_TYPE, &name, &bases, &ns, &rest)?
    } else {
        vm.call_kw(&meta, &[name, bases, ns], &rest)?
    };
    Ok(cls)
}

/// Run a class-body function with `ns` as its locals.
fn run_class_body(vm: &mut Vm, func: &Value, ns: &Value) -> PyResult<()> {
    let (code, globals) = match &func.obj().data {
        ObjData::Function(f) if f.code.has_flag(code_flags::CLASS_BODY) || true => (f.code.clone(), f.globals),
        _ => return Err(vm.new_error(TP_TYPE_ERROR, "__build_class__: func must be a function")),
    };
    let p = vm.sp;
    vm.push(*func);
    vm.push(Value::NIL);
    let base = vm.sp;
    let nslots = code.nlocals();
    if base + nslots + code.ncells() + code.max_stack as usize + 16 >= vm.stack.len() {
        vm.sp = p;
        return Err(vm.new_error(TP_RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    for i in 0..nslots {
        vm.stack[base + i] = Value::NIL;
    }
    vm.sp = base + nslots;
    // Cells: own cells fresh, free variables from the closure.
    let closure: Vec<Value> = match &func.obj().data {
        ObjData::Function(f) => f.closure.to_vec(),
        _ => vec![],
    };
    for _ in 0..code.cellvars.len() {
        let c = vm.heap.alloc(TP_CELL, ObjData::Cell(std::cell::Cell::new(Value::NIL)), None);
        vm.push(c);
    }
    for i in 0..code.freevars.len() {
        let c = closure.get(i).copied().unwrap_or(Value::NIL);
        vm.push(c);
    }
    crate::vm::eval::code_names(&code);
    vm.frame_counter += 1;
    let frame = Frame {
        code: *func,
        globals,
        locals: *ns,
        ip: 0,
        base,
        stack_base: vm.sp,
        handling_depth: vm.handling.len(),
        is_entry: true,
        id: vm.frame_counter,
        ret_slot: p,
        owner: Value::NIL,
    };
    vm.push_frame(frame)?;
    let r = vm.run();
    vm.sp = p;
    r.map(|_| ())
}

/// `super()` / `super(cls, obj)`.
fn super_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (cls, obj) = if a.len() >= 3 {
        (a[1].as_type().unwrap_or(TP_OBJECT), a[2])
    } else {
        // Zero-argument form: the calling frame's __class__ cell and first argument.
        let f = match vm.frames.last() {
            Some(f) => f,
            None => return Err(vm.new_error(TP_RUNTIME_ERROR, "super(): no current frame")),
        };
        let code = f.code().clone();
        let base = f.base;
        let idx = code.freevars.iter().position(|s| s == "__class__");
        let cls = match idx {
            Some(i) => {
                let cell = vm.stack[base + code.nlocals() + code.cellvars.len() + i];
                match &cell.obj().data {
                    ObjData::Cell(c) => c.get().as_type(),
                    _ => None,
                }
            }
            None => None,
        };
        let cls = match cls {
            Some(c) => c,
            None => return Err(vm.new_error(TP_RUNTIME_ERROR, "super(): __class__ cell not found")),
        };
        if code.argcount == 0 && !code.has_flag(code_flags::VARARGS) {
            return Err(vm.new_error(TP_RUNTIME_ERROR, "super(): no arguments"));
        }
        let mut first = vm.stack[base];
        if first.is_nil() {
            // The first argument may live in a cell.
            if let Some(ci) = code.cellvars.iter().position(|s| Some(s) == code.varnames.first()) {
                let cell = vm.stack[base + code.nlocals() + ci];
                if let ObjData::Cell(c) = &cell.obj().data {
                    first = c.get();
                }
            }
        }
        (cls, first)
    };
    Ok(vm.heap.alloc(TP_SUPER, ObjData::Super { cls, obj }, None))
}

impl Vm {
    /// Attribute lookup through a `super` object.
    pub fn super_getattr(&mut self, sup: &Value, name: Name) -> PyResult<Option<Value>> {
        let (cls, obj) = match &sup.obj().data {
            ObjData::Super { cls, obj } => (*cls, *obj),
            _ => return Ok(None),
        };
        // super(C, X) with X a subclass of C looks up for the class X; with X
        // any other object (a class too, when C is a metaclass) for X itself.
        let class_form = obj.as_type().filter(|t| self.is_subtype(*t, cls));
        let start_type = class_form.unwrap_or(obj.ty());
        let mro = self.tp(start_type).mro.clone();
        let pos = mro.iter().position(|t| *t == cls).map(|p| p + 1).unwrap_or(mro.len());
        for &t in &mro[pos..] {
            if let Some(v) = self.types[t as usize].dict().get(name) {
                let is_class = class_form.is_some();
                return Ok(Some(match v.ty() {
                    TP_FUNCTION | TP_NATIVEFUNC if !is_class => self.new_bound_method(obj, v),
                    TP_STATICMETHOD => wrapped_func(&v),
                    TP_CLASSMETHOD => {
                        let owner = if is_class { obj } else { self.types[obj.ty() as usize].obj };
                        let f = wrapped_func(&v);
                        self.new_bound_method(owner, f)
                    }
                    TP_PROPERTY if !is_class => {
                        let g = prop_part(&v, 0);
                        self.call(&g, &[obj])?
                    }
                    _ => v,
                }));
            }
        }
        if name == n::__class__ {
            return Ok(Some(self.types[TP_SUPER as usize].obj));
        }
        Ok(None)
    }
}

/// Names for `dir(obj)`: instance attributes, then the type's MRO.
pub fn dir_names(vm: &mut Vm, v: &Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    if let Some(a) = v.is_ptr().then(|| v.obj().attrs.as_ref()).flatten() {
        names.extend(a.borrow().iter().map(|(k, _)| k.as_str().to_string()));
    }
    let t = v.as_type().unwrap_or(v.ty());
    for &c in &vm.tp(t).mro.clone() {
        names.extend(vm.types[c as usize].dict().iter().map(|(k, _)| k.as_str().to_string()));
    }
    names.sort();
    names.dedup();
    names
}
