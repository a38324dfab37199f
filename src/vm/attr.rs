//! Attribute access: lookup through the MRO, descriptors, bound methods,
//! `__getattr__`/`__setattr__` hooks, and name-space access for globals and
//! class bodies.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::Relaxed};

use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `obj.name`.
    pub fn getattr(&mut self, obj: &Value, name: Name) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    pub fn attribute_error(&mut self, obj: &Value, name: Name) -> crate::vm::Raised {
        let msg = if let Some(t) = obj.as_type() {
            format!("type object '{}' has no attribute '{}'", self.tp(t).name, name)
        } else if obj.ty() == TP_MODULE {
            let mname = self.attrs_get(obj, n::__name__).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
            format!("module '{}' has no attribute '{}'", mname, name)
        } else {
            format!("'{}' object has no attribute '{}'", self.type_name(obj), name)
        };
        let e = self.new_exception_obj(TP_ATTRIBUTE_ERROR, &msg);
        let nv = self.name_str(name);
        self.attrs_set(&e, Name::new("name"), nv);
        self.attrs_set(&e, Name::new("obj"), *obj);
        self.raise(e)
    }

    /// `obj.name`, or None when the attribute does not exist (AttributeError
    /// from a `__getattr__` hook or a property also counts as missing).
    pub fn getattr_opt(&mut self, obj: &Value, name: Name) -> PyResult<Option<Value>> {
        let t = obj.ty();
        if let Some(ct) = obj.as_type() {
            return self.type_getattr(obj, ct, name);
        }
        if t == TP_SUPER {
            return self.super_getattr(obj, name);
        }
        if self.types[t as usize].has_getattr_hook {
            if let Some(ga) = self.find_in_type(t, n::__getattribute__) {
                if ga.ty() == TP_FUNCTION {
                    let nv = self.name_str(name);
                    return match self.call(&ga, &[*obj, nv]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) => {
                            if self.exc_is(TP_ATTRIBUTE_ERROR) {
                                self.exc = None;
                                self.getattr_hook(obj, name)
                            } else {
                                Err(e)
                            }
                        }
                    };
                }
            }
        }
        let cls_attr = self.find_in_type(t, name);
        if let Some(ca) = cls_attr {
            if ca.ty() == TP_PROPERTY {
                return self.property_get(&ca, obj, name);
            }
            if !self.types[ca.ty() as usize].is_builtin {
                if let Some(get) = self.find_in_type(ca.ty(), n::__get__) {
                    if self.find_in_type(ca.ty(), n::__set__).is_some() || self.find_in_type(ca.ty(), n::__delete__).is_some() {
                        let tobj = self.types[t as usize].obj;
                        return self.call(&get, &[ca, *obj, tobj]).map(Some);
                    }
                }
            }
        }
        if let Some(v) = self.attrs_get(obj, name) {
            return Ok(Some(v));
        }
        if let Some(ca) = cls_attr {
            return self.bind_class_attr(ca, obj, t).map(Some);
        }
        if name == n::__class__ {
            return Ok(Some(self.types[t as usize].obj));
        }
        if name == n::__dict__ && obj.is_ptr() && obj.obj().attrs.is_some() && self.types[t as usize].slots.is_none() {
            return Ok(Some(self.namedict_proxy(obj)));
        }
        self.getattr_hook(obj, name)
    }

    fn getattr_hook(&mut self, obj: &Value, name: Name) -> PyResult<Option<Value>> {
        if let Some(ga) = self.find_in_type(obj.ty(), n::__getattr__) {
            let nv = self.name_str(name);
            return match self.call(&ga, &[*obj, nv]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    if self.exc_is(TP_ATTRIBUTE_ERROR) {
                        self.exc = None;
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            };
        }
        Ok(None)
    }

    fn property_get(&mut self, prop: &Value, obj: &Value, name: Name) -> PyResult<Option<Value>> {
        let fget = match &prop.obj().data {
            ObjData::Property(p) => p[0],
            _ => Value::NONE,
        };
        if fget.is_none() {
            let msg = format!("property '{}' of '{}' object has no getter", name, self.type_name(obj));
            return Err(self.new_error(TP_ATTRIBUTE_ERROR, msg));
        }
        self.call(&fget, &[*obj]).map(Some)
    }

    /// A class attribute `ca` read through instance `obj` of type `t`.
    fn bind_class_attr(&mut self, ca: Value, obj: &Value, t: TypeId) -> PyResult<Value> {
        match ca.ty() {
            TP_FUNCTION | TP_NATIVEFUNC => Ok(self.new_bound_method(*obj, ca)),
            TP_STATICMETHOD => Ok(match &ca.obj().data {
                ObjData::StaticMethod(f) => *f,
                _ => ca,
            }),
            TP_CLASSMETHOD => {
                let f = match &ca.obj().data {
                    ObjData::ClassMethod(f) => *f,
                    _ => ca,
                };
                let tobj = self.types[t as usize].obj;
                Ok(self.new_bound_method(tobj, f))
            }
            _ => {
                if !self.types[ca.ty() as usize].is_builtin {
                    if let Some(get) = self.find_in_type(ca.ty(), n::__get__) {
                        let tobj = self.types[t as usize].obj;
                        return self.call(&get, &[ca, *obj, tobj]);
                    }
                }
                Ok(ca)
            }
        }
    }

    pub fn new_bound_method(&mut self, self_: Value, func: Value) -> Value {
        self.heap.alloc(TP_BOUNDMETHOD, ObjData::BoundMethod(crate::objects::function::BoundMethod { self_, func }), None)
    }

    /// Attribute lookup on a class object.
    fn type_getattr(&mut self, obj: &Value, ct: TypeId, name: Name) -> PyResult<Option<Value>> {
        let meta = obj.ty();
        // Data descriptors of the metaclass (type's __name__, __dict__, ...).
        let meta_attr = self.find_in_type(meta, name);
        if let Some(ma) = meta_attr {
            if ma.ty() == TP_PROPERTY {
                return self.property_get(&ma, obj, name);
            }
        }
        if let Some(v) = self.find_in_type(ct, name) {
            let tobj = self.types[ct as usize].obj;
            return match v.ty() {
                TP_STATICMETHOD => Ok(Some(match &v.obj().data {
                    ObjData::StaticMethod(f) => *f,
                    _ => v,
                })),
                TP_CLASSMETHOD => {
                    let f = match &v.obj().data {
                        ObjData::ClassMethod(f) => *f,
                        _ => v,
                    };
                    Ok(Some(self.new_bound_method(tobj, f)))
                }
                _ => {
                    if !self.types[v.ty() as usize].is_builtin && v.ty() != TP_TYPE {
                        if let Some(get) = self.find_in_type(v.ty(), n::__get__) {
                            return self.call(&get, &[v, Value::NONE, tobj]).map(Some);
                        }
                    }
                    Ok(Some(v))
                }
            };
        }
        if let Some(ma) = meta_attr {
            return self.bind_class_attr(ma, obj, meta).map(Some);
        }
        if name == n::__class__ {
            return Ok(Some(self.types[meta as usize].obj));
        }
        if meta != TP_TYPE {
            if let Some(ga) = self.find_in_type(meta, n::__getattr__) {
                let nv = self.name_str(name);
                return match self.call(&ga, &[*obj, nv]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if self.exc_is(TP_ATTRIBUTE_ERROR) {
                            self.exc = None;
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                };
            }
        }
        Ok(None)
    }

    /// For `obj.name(...)`: (function, obj) when `name` is a plain method of
    /// the type (no bound-method allocation), else (attribute, NIL).
    pub fn load_method(&mut self, obj: &Value, name: Name) -> PyResult<(Value, Value)> {
        let t = obj.ty();
        if t != TP_SUPER && obj.as_type().is_none() && !self.types[t as usize].has_getattr_hook {
            if let Some(ca) = self.find_in_type(t, name) {
                if ca.ty() == TP_FUNCTION || ca.ty() == TP_NATIVEFUNC {
                    let shadowed = match obj.is_ptr() {
                        true => match &obj.obj().attrs {
                            Some(a) => obj.ty() != TP_MODULE && a.borrow().contains(name),
                            None => false,
                        },
                        false => false,
                    };
                    if !shadowed {
                        return Ok((ca, *obj));
                    }
                }
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((v, Value::NIL))
    }

    /// Look up a special method on the type (not the instance), bound to `obj`.
    pub fn lookup_special(&mut self, obj: &Value, name: Name) -> Option<Value> {
        let f = self.find_in_type(obj.ty(), name)?;
        Some(match f.ty() {
            TP_FUNCTION | TP_NATIVEFUNC => self.new_bound_method(*obj, f),
            _ => f,
        })
    }

    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: &Value, name: Name, v: Value) -> PyResult<()> {
        if let Some(ct) = obj.as_type() {
            // A metaclass's own __setattr__ (Python) decides for its classes.
            if !self.types[obj.ty() as usize].is_builtin {
                if let Some(sa) = self.find_in_type(obj.ty(), n::__setattr__) {
                    if sa.ty() == TP_FUNCTION {
                        let nv = self.name_str(name);
                        self.call(&sa, &[*obj, nv, v])?;
                        return Ok(());
                    }
                }
            }
            return self.type_setattr(obj, ct, name, Some(v));
        }
        let t = obj.ty();
        if !self.types[t as usize].is_builtin {
            if let Some(sa) = self.find_in_type(t, n::__setattr__) {
                if sa.ty() == TP_FUNCTION {
                    let nv = self.name_str(name);
                    self.call(&sa, &[*obj, nv, v])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, Some(v))
    }

    /// Set (v Some) or delete (v None) an attribute of class `ct` itself:
    /// `type.__setattr__` / `type.__delattr__`.
    fn type_setattr(&mut self, obj: &Value, ct: TypeId, name: Name, v: Option<Value>) -> PyResult<()> {
        if self.types[ct as usize].is_builtin {
            let verb = if v.is_some() { "set" } else { "delete" };
            let msg = format!("cannot {} '{}' attribute of immutable type '{}'", verb, name, self.tp(ct).name);
            return Err(self.new_error(TP_TYPE_ERROR, msg));
        }
        let v = match v {
            Some(v) => v,
            None => {
                if self.type_dict_remove(ct, name).is_none() {
                    return Err(self.attribute_error(obj, name));
                }
                return Ok(());
            }
        };
        if let Some(ma) = self.find_in_type(obj.ty(), name) {
            if ma.ty() == TP_PROPERTY {
                return self.property_set(&ma, obj, name, Some(v));
            }
        }
        self.type_dict_set(ct, name, v);
        if name == n::__getattribute__ {
            self.types[ct as usize].has_getattr_hook = true;
        }
        Ok(())
    }

    /// `object.__setattr__` / `object.__delattr__` (v None = delete).
    pub fn generic_setattr(&mut self, obj: &Value, name: Name, v: Option<Value>) -> PyResult<()> {
        if let Some(ct) = obj.as_type() {
            return self.type_setattr(obj, ct, name, v);
        }
        let t = obj.ty();
        if let Some(ca) = self.find_in_type(t, name) {
            if ca.ty() == TP_PROPERTY {
                return self.property_set(&ca, obj, name, v);
            }
            if !self.types[ca.ty() as usize].is_builtin {
                let hook = if v.is_some() { n::__set__ } else { n::__delete__ };
                if let Some(f) = self.find_in_type(ca.ty(), hook) {
                    match v {
                        Some(v) => self.call(&f, &[ca, *obj, v])?,
                        None => self.call(&f, &[ca, *obj])?,
                    };
                    return Ok(());
                }
            }
        }
        if let (Some(allowed), Some(_)) = (&self.types[t as usize].slots, v) {
            if !allowed.contains(&name) {
                let msg = format!("'{}' object has no attribute '{}'", self.type_name(obj), name);
                return Err(self.new_error(TP_ATTRIBUTE_ERROR, msg));
            }
        }
        if obj.is_ptr() {
            if let Some(a) = &obj.obj().attrs {
                match v {
                    Some(v) => {
                        a.borrow_mut().set(name, v);
                        return Ok(());
                    }
                    None => {
                        if a.borrow_mut().remove(name).is_some() {
                            return Ok(());
                        }
                        return Err(self.attribute_error(obj, name));
                    }
                }
            }
        }
        if v.is_none() {
            return Err(self.attribute_error(obj, name));
        }
        let msg = format!("'{}' object has no attribute '{}'", self.type_name(obj), name);
        Err(self.new_error(TP_ATTRIBUTE_ERROR, msg))
    }

    fn property_set(&mut self, prop: &Value, obj: &Value, name: Name, v: Option<Value>) -> PyResult<()> {
        let p = match &prop.obj().data {
            ObjData::Property(p) => **p,
            _ => return Ok(()),
        };
        let f = if v.is_some() { p[1] } else { p[2] };
        if f.is_none() || f.is_nil() {
            let what = if v.is_some() { "setter" } else { "deleter" };
            let msg = format!("property '{}' of '{}' object has no {}", name, self.type_name(obj), what);
            return Err(self.new_error(TP_ATTRIBUTE_ERROR, msg));
        }
        match v {
            Some(v) => self.call(&f, &[*obj, v])?,
            None => self.call(&f, &[*obj])?,
        };
        Ok(())
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: Name) -> PyResult<()> {
        if !self.types[obj.ty() as usize].is_builtin {
            if let Some(da) = self.find_in_type(obj.ty(), n::__delattr__) {
                if da.ty() == TP_FUNCTION {
                    let nv = self.name_str(name);
                    self.call(&da, &[*obj, nv])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, None)
    }

    // ---------------------------------------------------------------- namespaces

    /// Read `name` from a namespace: a module (its attrs) or a dict.
    pub fn locals_get(&mut self, ns: &Value, name: Name) -> PyResult<Option<Value>> {
        if let Some(d) = ns.dict() {
            let _ = d;
            let k = self.name_str(name);
            return self.dict_get(ns, &k);
        }
        if let Some(t) = ns.as_type() {
            return Ok(self.types[t as usize].dict().get(name));
        }
        Ok(self.attrs_get(ns, name))
    }

    pub fn locals_set(&mut self, ns: &Value, name: Name, v: Value) -> PyResult<()> {
        if ns.dict().is_some() {
            let k = self.name_str(name);
            return self.dict_set(ns, k, v);
        }
        self.attrs_set(ns, name, v);
        Ok(())
    }

    /// Delete `name` from a namespace; false when it was not there.
    pub fn locals_del(&mut self, ns: &Value, name: Name) -> PyResult<bool> {
        if ns.dict().is_some() {
            let k = self.name_str(name);
            return self.dict_del(ns, &k);
        }
        if ns.is_ptr() {
            if let Some(a) = &ns.obj().attrs {
                return Ok(a.borrow_mut().remove(name).is_some());
            }
        }
        Ok(false)
    }

    /// A global: the module (or globals dict), then builtins.
    pub fn load_global(&mut self, globals: &Value, name: Name) -> PyResult<Value> {
        if let Some(v) = self.locals_get(globals, name)? {
            return Ok(v);
        }
        if let Some(v) = self.attrs_get(&self.builtins.clone(), name) {
            return Ok(v);
        }
        Err(self.new_error(TP_NAME_ERROR, format!("name '{}' is not defined", name)))
    }

    /// `load_global` for module globals through `hint`, the position where
    /// this instruction last found the name: in the module's dict (HINT_GLOBAL
    /// clear) or in builtins (set, valid only while the module still lacks the
    /// name). Positions are checked against the name before use, so a stale
    /// hint costs a lookup, never a wrong value. None: take the general path.
    #[inline(always)]
    pub fn load_global_cached(&self, globals: &Value, name: Name, hint: &AtomicU32) -> Option<Value> {
        // The common case inline: the name where the hint says in the module's dict.
        let h = hint.load(Relaxed);
        if h != 0 && h & (1 << 31) == 0 && globals.ty() == TP_MODULE && globals.is_ptr() {
            if let Some(Ok(g)) = globals.obj().attrs.as_ref().map(|a| a.try_borrow()) {
                if let Some((k, v)) = g.entry_at(h as usize - 1) {
                    if k == name {
                        return Some(v);
                    }
                }
            }
        }
        self.load_global_hinted(globals, name, hint)
    }

    #[inline(never)]
    fn load_global_hinted(&self, globals: &Value, name: Name, hint: &AtomicU32) -> Option<Value> {
        const HINT_BUILTIN: u32 = 1 << 31;
        if !globals.is_ptr() || globals.ty() != TP_MODULE {
            return None;
        }
        let g = globals.obj().attrs.as_ref()?.borrow();
        let h = hint.load(Relaxed);
        if h != 0 && h & HINT_BUILTIN == 0 {
            if let Some((k, v)) = g.entry_at(h as usize - 1) {
                if k == name {
                    return Some(v);
                }
            }
        }
        if let Some(pos) = g.position(name) {
            hint.store(pos as u32 + 1, Relaxed);
            return g.entry_at(pos).map(|(_, v)| v);
        }
        let b = self.builtins.obj().attrs.as_ref()?.borrow();
        if h & HINT_BUILTIN != 0 {
            if let Some((k, v)) = b.entry_at((h & !HINT_BUILTIN) as usize - 1) {
                if k == name {
                    return Some(v);
                }
            }
        }
        let pos = b.position(name)?;
        if pos + 1 < HINT_BUILTIN as usize {
            hint.store((pos as u32 + 1) | HINT_BUILTIN, Relaxed);
        }
        b.entry_at(pos).map(|(_, v)| v)
    }

    /// `obj.name` for an instance attribute, through `hint`: the instance's
    /// type, the type-cache epoch and the name's position in the instance
    /// dict, recorded by `note_attr_hint` when the general lookup found the
    /// name there and nothing on the type could intervene. The same type in
    /// the same epoch means the same class attributes (none named `name`, no
    /// `__getattribute__`); the entry must still hold the name. None: take
    /// the general path.
    #[inline]
    pub fn load_attr_cached(&self, obj: &Value, name: Name, hint: &AtomicU64) -> Option<Value> {
        let pos = self.attr_hint_pos(obj, hint)?;
        let a = obj.obj().attrs.as_ref()?.try_borrow().ok()?;
        match a.entry_at(pos) {
            Some((k, v)) if k == name => Some(v),
            _ => None,
        }
    }

    /// `obj.name = v` through a hint recorded by STORE_ATTR (see
    /// `load_attr_cached`; also no `__setattr__` or slots on the type): the
    /// type lets the store go straight to the instance dict, at the hinted
    /// position when it still holds the name (a fresh instance gains it).
    #[inline]
    pub fn store_attr_cached(&self, obj: &Value, name: Name, v: Value, hint: &AtomicU64) -> bool {
        let Some(pos) = self.attr_hint_pos(obj, hint) else { return false };
        match obj.obj().attrs.as_ref().map(|a| a.try_borrow_mut()) {
            Some(Ok(mut a)) => {
                if !a.set_at(pos, name, v) {
                    a.set(name, v);
                }
                true
            }
            _ => false,
        }
    }

    #[inline(always)]
    fn attr_hint_pos(&self, obj: &Value, hint: &AtomicU64) -> Option<usize> {
        let h = hint.load(Relaxed);
        if h == 0 || !obj.is_ptr() || h as u16 != obj.ty() as u16 || (h >> 32) as u32 != self.type_cache.epoch() {
            return None;
        }
        Some(((h >> 16) & 0xffff) as usize)
    }

    /// After a general attribute load (`store` false) or store: record in
    /// `hint` where `name` sits in `obj`'s instance dict, if nothing on the
    /// type takes part in that access (no class attribute of that name, no
    /// `__getattribute__`, and for stores no Python `__setattr__` or slots).
    pub fn note_attr_hint(&self, obj: &Value, name: Name, hint: &AtomicU64, store: bool) {
        if !obj.is_ptr() || obj.as_type().is_some() || obj.ty() == TP_SUPER {
            return;
        }
        let t = obj.ty();
        let ti = &self.types[t as usize];
        if ti.has_getattr_hook || self.find_in_type(t, name).is_some() {
            return;
        }
        if store && (ti.slots.is_some() || self.find_in_type(t, n::__setattr__).is_some_and(|f| f.ty() == TP_FUNCTION)) {
            return;
        }
        let Some(Ok(a)) = obj.obj().attrs.as_ref().map(|a| a.try_borrow()) else { return };
        if let Some(pos) = a.position(name) {
            if pos <= 0xffff {
                let h = (self.type_cache.epoch() as u64) << 32 | (pos as u64) << 16 | t as u16 as u64;
                hint.store(h, Relaxed);
            }
        }
    }

    /// Store a module global in place at the position `hint` names (see
    /// `load_global_cached`); false when the hint does not apply.
    #[inline(always)]
    pub fn store_global_cached(&self, globals: &Value, name: Name, v: Value, hint: &AtomicU32) -> bool {
        let h = hint.load(Relaxed);
        if h == 0 || h & (1 << 31) != 0 || globals.ty() != TP_MODULE || !globals.is_ptr() {
            return false;
        }
        match globals.obj().attrs.as_ref().map(|a| a.try_borrow_mut()) {
            Some(Ok(mut d)) => d.set_at(h as usize - 1, name, v),
            _ => false,
        }
    }

    pub fn builtin(&mut self, name: Name) -> PyResult<Value> {
        match self.attrs_get(&self.builtins.clone(), name) {
            Some(v) => Ok(v),
            None => Err(self.new_error(TP_NAME_ERROR, format!("name '{}' is not defined", name))),
        }
    }

    /// A live view of an object's attribute dict (`obj.__dict__`, `vars(obj)`).
    pub fn namedict_proxy(&mut self, obj: &Value) -> Value {
        let cached = match obj.as_type() {
            Some(t) => self.types[t as usize].dict().proxy,
            None => obj.obj().attrs.as_ref().map(|a| a.borrow().proxy).unwrap_or(Value::NIL),
        };
        if !cached.is_nil() {
            return cached;
        }
        let p = self.heap.alloc(TP_NAMEDICT, ObjData::Slice([*obj, Value::NONE, Value::NONE]), None);
        match obj.as_type() {
            Some(t) => self.set_type_dict_proxy(t, p),
            None => {
                if let Some(a) = &obj.obj().attrs {
                    a.borrow_mut().proxy = p;
                }
            }
        }
        p
    }
}
