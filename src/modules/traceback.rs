//! The `traceback` module (created on first import), over the VM's own
//! exception formatting (`Vm::format_exception`), so the text is exactly
//! what the interpreter prints for an uncaught error.
//!
//! `format_exception` returns CPython's list shape: the "Traceback" header,
//! one string per frame (the `File` line and its source line), the chain
//! messages, and the `Type: message` line. The `limit` argument is accepted
//! and ignored; our frames carry no column spans, so there are no `^^^`
//! markers (CPython omits them too when the expression is the whole line).

use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("traceback".into(), make);
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("traceback");
    vm.module_fn_kw(&m, "format_exc", |vm, a, kw| {
        let p = crate::objects::int::bind_params(vm, "format_exc", a, kw, &["limit", "chain"], 2)?;
        let chain = opt_flag(vm, p[1], true)?;
        let e = vm.handling.last().copied().unwrap_or(Value::NONE);
        let s = format_list(vm, &e, chain).concat();
        Ok(vm.new_string(s))
    });
    vm.module_fn_kw(&m, "print_exc", |vm, a, kw| {
        let p = crate::objects::int::bind_params(vm, "print_exc", a, kw, &["limit", "file", "chain"], 3)?;
        let chain = opt_flag(vm, p[2], true)?;
        let e = vm.handling.last().copied().unwrap_or(Value::NONE);
        let s = format_list(vm, &e, chain).concat();
        write_to(vm, p[1], s)
    });
    vm.module_fn_kw(&m, "format_exception", |vm, a, kw| {
        let (e, rest) = exc_from_args(vm, "format_exception", a, kw, &["limit", "chain"])?;
        let chain = opt_flag(vm, rest[1], true)?;
        let parts = format_list(vm, &e, chain);
        let items: Vec<Value> = parts.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });
    vm.module_fn_kw(&m, "print_exception", |vm, a, kw| {
        let (e, rest) = exc_from_args(vm, "print_exception", a, kw, &["limit", "file", "chain"])?;
        let chain = opt_flag(vm, rest[2], true)?;
        let s = format_list(vm, &e, chain).concat();
        write_to(vm, rest[1], s)
    });
    vm.module_fn_kw(&m, "format_exception_only", |vm, a, kw| {
        let (e, _) = exc_from_args(vm, "format_exception_only", a, kw, &[])?;
        let lines = last_lines(vm, &e);
        let items: Vec<Value> = lines.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });
    vm.module_fn(&m, "format_tb", -1, |vm, a| {
        let tb = a.first().copied().unwrap_or(Value::NONE);
        let parts = tb_parts(vm, &tb);
        let items: Vec<Value> = parts.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });
    vm.module_fn_kw(&m, "print_tb", |vm, a, kw| {
        let p = crate::objects::int::bind_params(vm, "print_tb", a, kw, &["tb", "limit", "file"], 3)?;
        let tb = p[0].unwrap_or(Value::NONE);
        let s = tb_parts(vm, &tb).concat();
        write_to(vm, p[2], s)
    });
    Ok(m)
}

fn opt_flag(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(&v),
        None => Ok(default),
    }
}

/// `f(exc, /, ...)` or `f(type, value, tb, ...)` (3.10+ signatures): the
/// exception and the remaining parameters named `rest`.
fn exc_from_args(vm: &mut Vm, fname: &str, a: &[Value], kw: &[(Name, Value)], rest: &[&str]) -> PyResult<(Value, Vec<Option<Value>>)> {
    if a.is_empty() {
        let msg = format!("{}() missing required argument 'exc' (pos 1)", fname);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    // The 3-argument form: (type, value, tb); format_exception_only takes (type, value).
    let three = a.len() >= 2 && (a[0].is_none() || a[0].as_type().is_some()) && (a[1].is_none() || vm.isinstance(&a[1], TP_BASE_EXCEPTION));
    let (e, skip) = if three {
        (a[1], if fname == "format_exception_only" { 2 } else { 3.min(a.len()) })
    } else {
        (a[0], 1)
    };
    let mut kw2: Vec<(Name, Value)> = Vec::new();
    for (k, v) in kw {
        if k.as_str() != "value" && k.as_str() != "tb" && k.as_str() != "etype" {
            kw2.push((*k, *v));
        }
    }
    let p = crate::objects::int::bind_params(vm, fname, &a[skip..], &kw2, rest, rest.len())?;
    Ok((e, p))
}

/// Write `s` to `file` (default `sys.stderr`).
fn write_to(vm: &mut Vm, file: Option<Value>, s: String) -> PyResult<Value> {
    let sv = vm.new_string(s);
    vm.keep_alive(sv);
    let file = match file {
        Some(f) if !f.is_none() => f,
        _ => {
            let sys = vm.import_name("sys", &Value::NONE, &Value::NONE, 0)?;
            vm.keep_alive(sys);
            vm.getattr(&sys, Name::new("stderr"))?
        }
    };
    vm.keep_alive(file);
    vm.call_method(&file, Name::new("write"), &[sv])?;
    Ok(Value::NONE)
}

/// The `Type: message` line (a syntax error's caret block instead, one
/// string per line).
fn last_lines(vm: &mut Vm, e: &Value) -> Vec<String> {
    if e.is_none() || !e.is_ptr() || !vm.isinstance(e, TP_BASE_EXCEPTION) {
        return vec!["NoneType: None\n".into()];
    }
    if let Some(f) = vm.attrs_get(e, Name::new("_formatted")) {
        if let Some(s) = f.as_str() {
            return s.lines().map(|l| format!("{}\n", l)).collect();
        }
    }
    vec![format!("{}\n", vm.exc_line(e))]
}

/// The formatted report of `e` in CPython's list shape.
pub fn format_list(vm: &mut Vm, e: &Value, chain: bool) -> Vec<String> {
    if e.is_none() || !e.is_ptr() || !vm.isinstance(e, TP_BASE_EXCEPTION) {
        return vec!["NoneType: None\n".into()];
    }
    let text = if chain {
        vm.format_exception(e)
    } else {
        let tb = match &e.obj().data {
            ObjData::Exception(ed) => ed.borrow().traceback.clone(),
            _ => vec![],
        };
        let mut s = if tb.is_empty() { String::new() } else { format_traceback(&tb) };
        s.push_str(&vm.exc_line(e));
        s.push('\n');
        s
    };
    let mut parts = split_report(&text);
    // A syntax error ends with its caret block, as the interpreter prints it.
    if vm.attrs_get(e, Name::new("_formatted")).map(|f| f.as_str().is_some()).unwrap_or(false) {
        parts.pop();
        parts.extend(last_lines(vm, e));
    }
    parts
}

/// Split a formatted report into CPython's pieces.
fn split_report(text: &str) -> Vec<String> {
    const LINKS: [&str; 2] = [
        "\nThe above exception was the direct cause of the following exception:\n\n",
        "\nDuring handling of the above exception, another exception occurred:\n\n",
    ];
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(l) = LINKS.iter().find(|l| rest.starts_with(**l)) {
            out.push(l.to_string());
            rest = &rest[l.len()..];
            continue;
        }
        let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        let line = &rest[..end];
        rest = &rest[end..];
        if line.starts_with("    ") && out.last().map(|p| p.starts_with("  File ")).unwrap_or(false) {
            if let Some(p) = out.last_mut() {
                p.push_str(line);
            }
        } else if line.starts_with("  File ") || line == "Traceback (most recent call last):\n" || out.is_empty() {
            out.push(line.to_string());
        } else {
            // The exception line (possibly several lines of message).
            let continues = out.last().map(|p| !p.starts_with("  File ") && !p.starts_with("Traceback") && !LINKS.contains(&p.as_str())).unwrap_or(false);
            if continues {
                if let Some(p) = out.last_mut() {
                    p.push_str(line);
                }
            } else {
                out.push(line.to_string());
            }
        }
    }
    out
}

/// The frame entries of a traceback object (`exc.__traceback__`).
fn tb_parts(vm: &mut Vm, tb: &Value) -> Vec<String> {
    let Some(e) = vm.attrs_get(tb, Name::new("_exc")) else {
        return vec![];
    };
    let entries = match &e.obj().data {
        ObjData::Exception(ed) => ed.borrow().traceback.clone(),
        _ => return vec![],
    };
    if entries.is_empty() {
        return vec![];
    }
    split_report(&format_traceback(&entries)).into_iter().skip(1).collect()
}
