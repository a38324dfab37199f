//! Containers: the `py_tuple_*`, `py_list_*` and `py_dict_*` families, and
//! `py_pickle_dumps/loads`. Indexes are checked: out of range is a clear
//! error instead of pocketpy's undefined behaviour.

use std::ffi::{c_char, c_int, c_void};

use super::*;

fn tuple_of<'a>(p: py_Ref, fname: &str) -> &'a [Value] {
    let v = ref_or_die(p, fname, "self");
    match v.tuple() {
        Some(t) => t,
        None => misuse(&format!("{}: expected tuple, got a value of type id {}", fname, v.ty())),
    }
}

fn check_index(i: c_int, len: usize, fname: &str) -> usize {
    if i < 0 || i as usize >= len {
        misuse(&format!("{}: index {} out of range [0, {})", fname, i, len));
    }
    i as usize
}

#[no_mangle]
pub extern "C" fn py_tuple_data(p: py_Ref) -> py_ObjectRef {
    no_vm("py_tuple_data", || tuple_of(p, "py_tuple_data").as_ptr() as *mut Value)
}

#[no_mangle]
pub extern "C" fn py_tuple_getitem(p: py_Ref, i: c_int) -> py_ObjectRef {
    no_vm("py_tuple_getitem", || {
        let t = tuple_of(p, "py_tuple_getitem");
        let i = check_index(i, t.len(), "py_tuple_getitem");
        &t[i] as *const Value as *mut Value
    })
}

#[no_mangle]
pub extern "C" fn py_tuple_setitem(p: py_Ref, i: c_int, val: py_Ref) {
    no_vm("py_tuple_setitem", || {
        let x = *ref_or_die(val, "py_tuple_setitem", "val");
        let t = tuple_of(p, "py_tuple_setitem");
        let i = check_index(i, t.len(), "py_tuple_setitem");
        let slot = t.as_ptr().wrapping_add(i) as *mut Value;
        // SAFETY: a valid item of a live tuple (tuples are filled in by C after `py_newtuple`).
        unsafe { *slot = x };
    })
}

#[no_mangle]
pub extern "C" fn py_tuple_len(p: py_Ref) -> c_int {
    no_vm("py_tuple_len", || tuple_of(p, "py_tuple_len").len() as c_int)
}

fn list_of<'a>(p: py_Ref, fname: &str) -> &'a std::cell::RefCell<Vec<Value>> {
    let v = ref_or_die(p, fname, "self");
    match v.list() {
        Some(l) => l,
        None => misuse(&format!("{}: expected list, got a value of type id {}", fname, v.ty())),
    }
}

#[no_mangle]
pub extern "C" fn py_list_data(p: py_Ref) -> py_ItemRef {
    no_vm("py_list_data", || {
        let l = list_of(p, "py_list_data");
        // SAFETY: the pointer is handed to C, which may read and write the
        // items until the list is resized (pocketpy's `py_ItemRef` contract).
        unsafe { (*l.as_ptr()).as_mut_ptr() }
    })
}

#[no_mangle]
pub extern "C" fn py_list_getitem(p: py_Ref, i: c_int) -> py_ItemRef {
    no_vm("py_list_getitem", || {
        let l = list_of(p, "py_list_getitem");
        let i = check_index(i, l.borrow().len(), "py_list_getitem");
        // SAFETY: as in `py_list_data`; `i` is in range.
        unsafe { (*l.as_ptr()).as_mut_ptr().add(i) }
    })
}

#[no_mangle]
pub extern "C" fn py_list_setitem(p: py_Ref, i: c_int, val: py_Ref) {
    no_vm("py_list_setitem", || {
        let x = *ref_or_die(val, "py_list_setitem", "val");
        let l = list_of(p, "py_list_setitem");
        let i = check_index(i, l.borrow().len(), "py_list_setitem");
        l.borrow_mut()[i] = x;
    })
}

#[no_mangle]
pub extern "C" fn py_list_delitem(p: py_Ref, i: c_int) {
    no_vm("py_list_delitem", || {
        let l = list_of(p, "py_list_delitem");
        let i = check_index(i, l.borrow().len(), "py_list_delitem");
        l.borrow_mut().remove(i);
    })
}

#[no_mangle]
pub extern "C" fn py_list_len(p: py_Ref) -> c_int {
    no_vm("py_list_len", || list_of(p, "py_list_len").borrow().len() as c_int)
}

#[no_mangle]
pub extern "C" fn py_list_swap(p: py_Ref, i: c_int, j: c_int) {
    no_vm("py_list_swap", || {
        let l = list_of(p, "py_list_swap");
        let n = l.borrow().len();
        let (i, j) = (check_index(i, n, "py_list_swap"), check_index(j, n, "py_list_swap"));
        l.borrow_mut().swap(i, j);
    })
}

#[no_mangle]
pub extern "C" fn py_list_append(p: py_Ref, val: py_Ref) {
    no_vm("py_list_append", || {
        let x = *ref_or_die(val, "py_list_append", "val");
        list_of(p, "py_list_append").borrow_mut().push(x);
    })
}

/// Append a None and return a reference to it.
#[no_mangle]
pub extern "C" fn py_list_emplace(p: py_Ref) -> py_ItemRef {
    no_vm("py_list_emplace", || {
        let l = list_of(p, "py_list_emplace");
        l.borrow_mut().push(Value::NONE);
        let n = l.borrow().len();
        // SAFETY: as in `py_list_data`; the list is not empty.
        unsafe { (*l.as_ptr()).as_mut_ptr().add(n - 1) }
    })
}

#[no_mangle]
pub extern "C" fn py_list_clear(p: py_Ref) {
    no_vm("py_list_clear", || list_of(p, "py_list_clear").borrow_mut().clear())
}

#[no_mangle]
pub extern "C" fn py_list_insert(p: py_Ref, i: c_int, val: py_Ref) {
    no_vm("py_list_insert", || {
        let x = *ref_or_die(val, "py_list_insert", "val");
        let l = list_of(p, "py_list_insert");
        let n = l.borrow().len();
        if i < 0 || i as usize > n {
            misuse(&format!("py_list_insert: index {} out of range [0, {}]", i, n));
        }
        l.borrow_mut().insert(i as usize, x);
    })
}

fn dict_arg(vm: &mut Vm, p: py_Ref, fname: &str) -> PyResult<Value> {
    let d = *ref_arg(vm, p, fname, "self")?;
    if d.dict().is_none() {
        return Err(vm.type_error(format!("{}: expected dict, got {}", fname, vm.type_name(&d))));
    }
    Ok(d)
}

/// 1: found (value in `py_retval()`), 0: not found, -1: error.
#[no_mangle]
pub extern "C" fn py_dict_getitem(p: py_Ref, key: py_Ref) -> c_int {
    raising("py_dict_getitem", -1, |vm| {
        let d = dict_arg(vm, p, "py_dict_getitem")?;
        let k = *ref_arg(vm, key, "py_dict_getitem", "key")?;
        match vm.dict_get(&d, &k)? {
            Some(v) => {
                vm.retval = v;
                Ok(1)
            }
            None => Ok(0),
        }
    })
}

#[no_mangle]
pub extern "C" fn py_dict_setitem(p: py_Ref, key: py_Ref, val: py_Ref) -> bool {
    raising("py_dict_setitem", false, |vm| {
        let d = dict_arg(vm, p, "py_dict_setitem")?;
        let k = *ref_arg(vm, key, "py_dict_setitem", "key")?;
        let v = *ref_arg(vm, val, "py_dict_setitem", "val")?;
        vm.dict_set(&d, k, v)?;
        Ok(true)
    })
}

/// 1: deleted, 0: not found, -1: error.
#[no_mangle]
pub extern "C" fn py_dict_delitem(p: py_Ref, key: py_Ref) -> c_int {
    raising("py_dict_delitem", -1, |vm| {
        let d = dict_arg(vm, p, "py_dict_delitem")?;
        let k = *ref_arg(vm, key, "py_dict_delitem", "key")?;
        Ok(vm.dict_del(&d, &k)? as c_int)
    })
}

fn str_key(vm: &mut Vm, key: *const c_char, fname: &str) -> PyResult<Value> {
    let s = str_arg(vm, key, fname, "key")?;
    Ok(vm.new_str(s))
}

#[no_mangle]
pub extern "C" fn py_dict_getitem_by_str(p: py_Ref, key: *const c_char) -> c_int {
    raising("py_dict_getitem_by_str", -1, |vm| {
        let d = dict_arg(vm, p, "py_dict_getitem_by_str")?;
        let k = str_key(vm, key, "py_dict_getitem_by_str")?;
        match vm.dict_get(&d, &k)? {
            Some(v) => {
                vm.retval = v;
                Ok(1)
            }
            None => Ok(0),
        }
    })
}

#[no_mangle]
pub extern "C" fn py_dict_setitem_by_str(p: py_Ref, key: *const c_char, val: py_Ref) -> bool {
    raising("py_dict_setitem_by_str", false, |vm| {
        let d = dict_arg(vm, p, "py_dict_setitem_by_str")?;
        let k = str_key(vm, key, "py_dict_setitem_by_str")?;
        let v = *ref_arg(vm, val, "py_dict_setitem_by_str", "val")?;
        vm.dict_set(&d, k, v)?;
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_dict_delitem_by_str(p: py_Ref, key: *const c_char) -> c_int {
    raising("py_dict_delitem_by_str", -1, |vm| {
        let d = dict_arg(vm, p, "py_dict_delitem_by_str")?;
        let k = str_key(vm, key, "py_dict_delitem_by_str")?;
        Ok(vm.dict_del(&d, &k)? as c_int)
    })
}

/// Call `f(key, val, ctx)` for each item (a snapshot); stops at the first false.
#[no_mangle]
pub extern "C" fn py_dict_apply(
    p: py_Ref,
    f: Option<unsafe extern "C" fn(key: py_Ref, val: py_Ref, ctx: *mut c_void) -> bool>,
    ctx: *mut c_void,
) -> bool {
    raising("py_dict_apply", false, |vm| {
        let d = dict_arg(vm, p, "py_dict_apply")?;
        let f = match f {
            Some(f) => f,
            None => return Err(vm.type_error("py_dict_apply: f is NULL")),
        };
        let items = vm.mapping_items(&d)?;
        for (mut k, mut v) in items {
            // SAFETY: the host's callback gets references to copies that live for the call.
            if !unsafe { f(&mut k, &mut v, ctx) } {
                return Err(crate::vm::Raised);
            }
        }
        Ok(true)
    })
}

#[no_mangle]
pub extern "C" fn py_dict_len(p: py_Ref) -> c_int {
    no_vm("py_dict_len", || {
        let v = ref_or_die(p, "py_dict_len", "self");
        match v.dict() {
            Some(d) => d.borrow().len() as c_int,
            None => misuse(&format!("py_dict_len: expected dict, got a value of type id {}", v.ty())),
        }
    })
}

/// `pickle.dumps(val)` (bytes) into `py_retval()`.
#[no_mangle]
pub extern "C" fn py_pickle_dumps(val: py_Ref) -> bool {
    raising("py_pickle_dumps", false, |vm| {
        let v = *ref_arg(vm, val, "py_pickle_dumps", "val")?;
        let b = crate::modules::pickle::dumps(vm, &v)?;
        vm.retval = vm.new_bytes(b);
        Ok(true)
    })
}

/// `pickle.loads(data[:size])` into `py_retval()`.
#[no_mangle]
pub extern "C" fn py_pickle_loads(data: *const u8, size: c_int) -> bool {
    raising("py_pickle_loads", false, |vm| {
        if data.is_null() || size < 0 {
            return Err(vm.type_error("py_pickle_loads: data is NULL or size is negative"));
        }
        // SAFETY: the host passes `size` readable bytes.
        let b = unsafe { std::slice::from_raw_parts(data, size as usize) };
        vm.retval = crate::modules::pickle::loads(vm, b)?;
        Ok(true)
    })
}
