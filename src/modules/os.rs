//! The `os` and `os.path` modules (created on first import).
//!
//! A small, portable subset: the working directory, directory listing and
//! creation, removal and renaming, the environment (a snapshot dict taken at
//! import), and `os.path`'s string functions with POSIX rules (separator
//! `/`; on Windows `sep` is `\\` but the path functions still treat `/` as
//! the separator).
//!
//! Sandboxing: when the VM disallows filesystem access (`Vm::allow_fs` is
//! false, as for `open`), importing `os` or `os.path` raises ImportError,
//! and every function that touches the file system or the environment
//! checks again when called (PermissionError), so a module imported before
//! the VM was sandboxed (or reached through `sys.modules`) is no way around.

use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Raised, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("os".into(), make);
    vm.lazy_modules.insert("os.path".into(), make_path_module);
}

fn check_allowed(vm: &mut Vm) -> PyResult<()> {
    if !vm.allow_fs {
        return Err(vm.new_error(TP_IMPORT_ERROR, "module 'os' is not available: file system access is disabled in this VM"));
    }
    Ok(())
}

/// The call-time check of functions that touch the file system or the
/// environment (see the module documentation).
fn check_fs(vm: &mut Vm) -> PyResult<()> {
    if !vm.allow_fs {
        return Err(vm.new_error(TP_PERMISSION_ERROR, "file system access is disabled in this VM"));
    }
    Ok(())
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    check_allowed(vm)?;
    let m = vm.new_module("os");
    let path = make_path_module(vm)?;
    vm.module_set(&m, "path", path);
    let name = vm.new_str(if cfg!(windows) { "nt" } else { "posix" });
    vm.module_set(&m, "name", name);
    let sep = vm.new_str(std::path::MAIN_SEPARATOR_STR);
    vm.module_set(&m, "sep", sep);
    let linesep = vm.new_str(if cfg!(windows) { "\r\n" } else { "\n" });
    vm.module_set(&m, "linesep", linesep);
    for (k, v) in [("curdir", "."), ("pardir", ".."), ("extsep", ".")] {
        let s = vm.new_str(v);
        vm.module_set(&m, k, s);
    }
    let pathsep = vm.new_str(if cfg!(windows) { ";" } else { ":" });
    vm.module_set(&m, "pathsep", pathsep);
    let environ = vm.new_dict();
    vm.module_set(&m, "environ", environ);
    for (k, v) in std::env::vars_os() {
        let kv = vm.new_string(k.to_string_lossy().into_owned());
        let vv = vm.new_string(v.to_string_lossy().into_owned());
        vm.dict_set(&environ, kv, vv)?;
    }
    vm.module_fn(&m, "getenv", -1, |vm, a| {
        check_fs(vm)?;
        if a.is_empty() || a.len() > 2 {
            return Err(vm.new_error(TP_TYPE_ERROR, "getenv() takes 1 or 2 arguments"));
        }
        let key = str_arg(vm, &a[0], "getenv", "key")?;
        let default = a.get(1).copied().unwrap_or(Value::NONE);
        match std::env::var_os(&key) {
            Some(v) => Ok(vm.new_string(v.to_string_lossy().into_owned())),
            None => Ok(default),
        }
    });
    vm.module_fn(&m, "getcwd", 0, |vm, _| {
        check_fs(vm)?;
        match std::env::current_dir() {
            Ok(p) => Ok(vm.new_string(p.to_string_lossy().into_owned())),
            Err(e) => Err(os_error(vm, e, None, None)),
        }
    });
    vm.module_fn(&m, "getpid", 0, |_, _| Ok(Value::int(std::process::id() as i64)));
    vm.module_fn(&m, "listdir", -1, |vm, a| {
        check_fs(vm)?;
        let p = match a.first() {
            Some(v) if !v.is_none() => path_arg(vm, v, "listdir")?,
            _ => ".".to_string(),
        };
        let rd = std::fs::read_dir(&p).map_err(|e| os_error(vm, e, Some(&p), None))?;
        let mut names = Vec::new();
        for e in rd {
            let e = e.map_err(|e| os_error(vm, e, Some(&p), None))?;
            names.push(e.file_name().to_string_lossy().into_owned());
        }
        let items: Vec<Value> = names.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });
    vm.module_fn(&m, "mkdir", -1, |vm, a| {
        check_fs(vm)?;
        let p = first_path(vm, a, "mkdir")?;
        std::fs::create_dir(&p).map_err(|e| os_error(vm, e, Some(&p), None))?;
        Ok(Value::NONE)
    });
    vm.module_fn_kw(&m, "makedirs", |vm, a, kw| {
        check_fs(vm)?;
        let p = crate::objects::int::bind_params(vm, "makedirs", a, kw, &["name", "mode", "exist_ok"], 3)?;
        let Some(name) = p[0] else {
            return Err(vm.new_error(TP_TYPE_ERROR, "makedirs() missing 1 required positional argument: 'name'"));
        };
        let path = path_arg(vm, &name, "makedirs")?;
        let exist_ok = match p[2] {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let pb = std::path::Path::new(&path);
        if pb.exists() {
            if exist_ok && pb.is_dir() {
                return Ok(Value::NONE);
            }
            let e = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
            return Err(os_error(vm, e, Some(&path), Some(17)));
        }
        std::fs::create_dir_all(pb).map_err(|e| os_error(vm, e, Some(&path), None))?;
        Ok(Value::NONE)
    });
    for name in ["remove", "unlink"] {
        vm.module_fn(&m, name, -1, |vm, a| {
            check_fs(vm)?;
            let p = first_path(vm, a, "remove")?;
            if std::path::Path::new(&p).is_dir() && !cfg!(windows) {
                let e = std::io::Error::from_raw_os_error(21);
                return Err(os_error(vm, e, Some(&p), None));
            }
            std::fs::remove_file(&p).map_err(|e| os_error(vm, e, Some(&p), None))?;
            Ok(Value::NONE)
        });
    }
    vm.module_fn(&m, "rmdir", -1, |vm, a| {
        check_fs(vm)?;
        let p = first_path(vm, a, "rmdir")?;
        std::fs::remove_dir(&p).map_err(|e| os_error(vm, e, Some(&p), None))?;
        Ok(Value::NONE)
    });
    for name in ["rename", "replace"] {
        vm.module_fn(&m, name, 2, |vm, a| {
            check_fs(vm)?;
            let src = path_arg(vm, &a[0], "rename")?;
            let dst = path_arg(vm, &a[1], "rename")?;
            std::fs::rename(&src, &dst).map_err(|e| os_error2(vm, e, Some(&src), Some(&dst), None))?;
            Ok(Value::NONE)
        });
    }
    Ok(m)
}

fn make_path_module(vm: &mut Vm) -> PyResult<Value> {
    check_allowed(vm)?;
    let key = vm.new_str("os.path");
    let modules = vm.modules;
    if let Some(m) = vm.dict_get(&modules, &key)? {
        return Ok(m);
    }
    let m = vm.new_module("os.path");
    let sep = vm.new_str("/");
    vm.module_set(&m, "sep", sep);
    vm.module_fn(&m, "join", -1, |vm, a| {
        if a.is_empty() {
            return Err(vm.new_error(TP_TYPE_ERROR, "join() missing 1 required positional argument: 'a'"));
        }
        let mut path = path_arg(vm, &a[0], "join")?;
        for v in &a[1..] {
            let b = path_arg(vm, v, "join")?;
            if b.starts_with('/') {
                path = b;
            } else if path.is_empty() || path.ends_with('/') {
                path.push_str(&b);
            } else {
                path.push('/');
                path.push_str(&b);
            }
        }
        Ok(vm.new_string(path))
    });
    vm.module_fn(&m, "exists", 1, |vm, a| {
        check_fs(vm)?;
        let Some(p) = a[0].as_str() else { return Ok(Value::FALSE) };
        Ok(Value::bool(std::fs::metadata(p).is_ok()))
    });
    vm.module_fn(&m, "isfile", 1, |vm, a| {
        check_fs(vm)?;
        let Some(p) = a[0].as_str() else { return Ok(Value::FALSE) };
        Ok(Value::bool(std::fs::metadata(p).map(|m| m.is_file()).unwrap_or(false)))
    });
    vm.module_fn(&m, "isdir", 1, |vm, a| {
        check_fs(vm)?;
        let Some(p) = a[0].as_str() else { return Ok(Value::FALSE) };
        Ok(Value::bool(std::fs::metadata(p).map(|m| m.is_dir()).unwrap_or(false)))
    });
    vm.module_fn(&m, "isabs", 1, |vm, a| {
        let p = path_arg(vm, &a[0], "isabs")?;
        Ok(Value::bool(p.starts_with('/')))
    });
    vm.module_fn(&m, "basename", 1, |vm, a| {
        let p = path_arg(vm, &a[0], "basename")?;
        let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
        Ok(vm.new_str(&p[i..]))
    });
    vm.module_fn(&m, "dirname", 1, |vm, a| {
        let p = path_arg(vm, &a[0], "dirname")?;
        let (head, _) = split(&p);
        Ok(vm.new_string(head))
    });
    vm.module_fn(&m, "split", 1, |vm, a| {
        let p = path_arg(vm, &a[0], "split")?;
        let (head, tail) = split(&p);
        let h = vm.new_string(head);
        let t = vm.new_string(tail);
        Ok(vm.new_tuple(vec![h, t]))
    });
    vm.module_fn(&m, "splitext", 1, |vm, a| {
        let p = path_arg(vm, &a[0], "splitext")?;
        let (root, ext) = splitext(&p);
        let r = vm.new_str(root);
        let e = vm.new_str(ext);
        Ok(vm.new_tuple(vec![r, e]))
    });
    vm.module_fn(&m, "normpath", 1, |vm, a| {
        let p = path_arg(vm, &a[0], "normpath")?;
        Ok(vm.new_string(normpath(&p)))
    });
    vm.module_fn(&m, "abspath", 1, |vm, a| {
        check_fs(vm)?;
        let p = path_arg(vm, &a[0], "abspath")?;
        let full = if p.starts_with('/') {
            p
        } else {
            let cwd = std::env::current_dir().map_err(|e| os_error(vm, e, None, None))?;
            let mut c = cwd.to_string_lossy().into_owned();
            if !c.ends_with('/') {
                c.push('/');
            }
            c.push_str(&p);
            c
        };
        Ok(vm.new_string(normpath(&full)))
    });
    vm.module_fn(&m, "getsize", 1, |vm, a| {
        check_fs(vm)?;
        let p = path_arg(vm, &a[0], "getsize")?;
        let md = std::fs::metadata(&p).map_err(|e| os_error(vm, e, Some(&p), None))?;
        Ok(Value::int(md.len() as i64))
    });
    Ok(m)
}

/// `posixpath.split`.
fn split(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && !head.chars().all(|c| c == '/') { head.trim_end_matches('/') } else { head };
    (head.to_string(), tail.to_string())
}

/// `genericpath._splitext` with `/` as the separator.
fn splitext(p: &str) -> (&str, &str) {
    let sep_index = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    if let Some(dot) = p.rfind('.') {
        if dot as isize > sep_index {
            let start = (sep_index + 1) as usize;
            if p[start..dot].bytes().any(|c| c != b'.') {
                return (&p[..dot], &p[dot..]);
            }
        }
    }
    (p, "")
}

/// `posixpath.normpath`.
pub fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let mut initial = if p.starts_with('/') { 1 } else { 0 };
    if p.starts_with("//") && !p.starts_with("///") {
        initial = 2;
    }
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = "/".repeat(initial);
    out.push_str(&comps.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn str_arg(vm: &mut Vm, v: &Value, fname: &str, pname: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = format!("{}() argument '{}' must be str, not {}", fname, pname, vm.type_name(v));
            Err(vm.new_error(TP_TYPE_ERROR, msg))
        }
    }
}

fn path_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.bytes() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    let msg = format!("{}: path should be string, bytes or os.PathLike, not {}", fname, vm.type_name(v));
    Err(vm.new_error(TP_TYPE_ERROR, msg))
}

fn first_path(vm: &mut Vm, a: &[Value], fname: &str) -> PyResult<String> {
    match a.first() {
        Some(v) => path_arg(vm, v, fname),
        None => Err(vm.new_error(TP_TYPE_ERROR, format!("{}() missing required argument 'path' (pos 1)", fname))),
    }
}

/// An OSError subclass chosen by the error kind, with CPython's message
/// `[Errno N] text: 'path'` and the `errno`, `strerror`, `filename` attributes.
fn os_error(vm: &mut Vm, e: std::io::Error, path: Option<&str>, errno: Option<i32>) -> Raised {
    os_error2(vm, e, path, None, errno)
}

/// `os_error` for two-path calls (`rename`): `[Errno N] text: 'src' -> 'dst'`.
fn os_error2(vm: &mut Vm, e: std::io::Error, path: Option<&str>, path2: Option<&str>, errno: Option<i32>) -> Raised {
    let code = errno.or(e.raw_os_error()).unwrap_or(0);
    let t = match code {
        2 => TP_FILE_NOT_FOUND_ERROR,
        17 => TP_FILE_EXISTS_ERROR,
        13 | 1 => TP_PERMISSION_ERROR,
        21 => TP_IS_A_DIRECTORY_ERROR,
        20 => TP_NOT_A_DIRECTORY_ERROR,
        _ => match e.kind() {
            std::io::ErrorKind::NotFound => TP_FILE_NOT_FOUND_ERROR,
            std::io::ErrorKind::PermissionDenied => TP_PERMISSION_ERROR,
            std::io::ErrorKind::AlreadyExists => TP_FILE_EXISTS_ERROR,
            _ => TP_OS_ERROR,
        },
    };
    let text = if code != 0 {
        let s = std::io::Error::from_raw_os_error(code).to_string();
        s.split(" (os error").next().unwrap_or("").to_string()
    } else {
        e.to_string()
    };
    let msg = match (path, path2) {
        (Some(p), Some(q)) => format!("[Errno {}] {}: '{}' -> '{}'", code, text, p, q),
        (Some(p), None) => format!("[Errno {}] {}: '{}'", code, text, p),
        _ => format!("[Errno {}] {}", code, text),
    };
    let exc = vm.new_exception_obj(t, &msg);
    vm.attrs_set(&exc, Name::new("errno"), Value::int(code as i64));
    let sv = vm.new_string(text);
    vm.attrs_set(&exc, Name::new("strerror"), sv);
    let fv = match path {
        Some(p) => vm.new_str(p),
        None => Value::NONE,
    };
    vm.attrs_set(&exc, Name::new("filename"), fv);
    let fv2 = match path2 {
        Some(p) => vm.new_str(p),
        None => Value::NONE,
    };
    vm.attrs_set(&exc, Name::new("filename2"), fv2);
    vm.raise(exc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_is_unavailable_without_fs_access() {
        let mut vm = Vm::new();
        vm.allow_fs = false;
        for src in ["import os", "import os.path", "from os import path"] {
            let g = vm.main_module;
            assert!(vm.exec_in(src, "<test>", &g).is_err(), "{} succeeded", src);
            assert!(vm.exc_is(TP_IMPORT_ERROR));
            let e = vm.take_exc();
            let line = vm.exc_line(&e);
            assert!(line.contains("file system access is disabled"), "{}", line);
        }
        let mut vm = Vm::new();
        let g = vm.main_module;
        assert!(vm.exec_in("import os.path\nfrom os import path\nassert path is os.path", "<test>", &g).is_ok());
    }

    #[test]
    fn path_helpers() {
        assert_eq!(normpath("a//b/./c/../d"), "a/b/d");
        assert_eq!(normpath("/../x"), "/x");
        assert_eq!(normpath("../x/.."), "..");
        assert_eq!(normpath("//a"), "//a");
        assert_eq!(splitext(".bashrc"), (".bashrc", ""));
        assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar", ".gz"));
        assert_eq!(split("/a/b/"), ("/a/b".to_string(), String::new()));
        assert_eq!(split("//x"), ("//".to_string(), "x".to_string()));
    }
}
