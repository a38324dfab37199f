//! Files (`open`) and the `io` module (`StringIO`, `BytesIO`), plus `gc`.

use std::any::Any;
use std::cell::RefCell;
use std::io::{Read, Write};

use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::heap::{NativeData, ObjData};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// An open file.
struct FileData {
    file: Option<std::fs::File>,
    binary: bool,
    readable: bool,
    writable: bool,
    name: String,
    /// Bytes read ahead by readline.
    pending: Vec<u8>,
}

impl NativeData for FileData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// An in-memory text or bytes buffer.
struct BufData {
    buf: Vec<u8>,
    pos: usize,
    binary: bool,
}

impl NativeData for BufData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_file<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut FileData) -> R) -> PyResult<R> {
    if v.is_ptr() {
        if let ObjData::Native(n) = &v.obj().data {
            if let Some(fd) = n.borrow_mut().as_any_mut().downcast_mut::<FileData>() {
                return Ok(f(fd));
            }
        }
    }
    Err(vm.new_error(TP_TYPE_ERROR, "expected a file object"))
}

fn with_buf<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut BufData) -> R) -> PyResult<R> {
    if v.is_ptr() {
        if let ObjData::Native(n) = &v.obj().data {
            if let Some(b) = n.borrow_mut().as_any_mut().downcast_mut::<BufData>() {
                return Ok(f(b));
            }
        }
    }
    Err(vm.new_error(TP_TYPE_ERROR, "expected a StringIO object"))
}

fn os_error(vm: &mut Vm, e: std::io::Error, path: &str) -> crate::vm::Raised {
    let t = match e.kind() {
        std::io::ErrorKind::NotFound => TP_FILE_NOT_FOUND_ERROR,
        std::io::ErrorKind::PermissionDenied => TP_PERMISSION_ERROR,
        std::io::ErrorKind::AlreadyExists => TP_FILE_EXISTS_ERROR,
        _ => TP_OS_ERROR,
    };
    let code = e.raw_os_error().unwrap_or(0);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or("").to_string();
    vm.new_error(t, format!("[Errno {}] {}: '{}'", code, msg, path))
}

fn bytes_to_value(vm: &mut Vm, b: Vec<u8>, binary: bool) -> PyResult<Value> {
    if binary {
        return Ok(vm.new_bytes(b));
    }
    match String::from_utf8(b) {
        Ok(s) => Ok(vm.new_string(s.replace("\r\n", "\n"))),
        Err(_) => Err(vm.new_error(TP_UNICODE_DECODE_ERROR, "'utf-8' codec can't decode the file contents")),
    }
}

fn text_or_bytes(vm: &mut Vm, v: &Value, binary: bool) -> PyResult<Vec<u8>> {
    if binary {
        match v.bytes() {
            Some(b) => Ok(b.to_vec()),
            None => {
                let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
                Err(vm.new_error(TP_TYPE_ERROR, msg))
            }
        }
    } else {
        match v.as_str() {
            Some(s) => Ok(s.as_bytes().to_vec()),
            None => {
                let msg = format!("write() argument must be str, not {}", vm.type_name(v));
                Err(vm.new_error(TP_TYPE_ERROR, msg))
            }
        }
    }
}

pub fn register(vm: &mut Vm) {
    let file_t = vm.new_builtin_type("TextIOWrapper", TP_OBJECT, "io");
    vm.types[file_t as usize].subclassable = false;
    let b = vm.builtins;
    vm.native_types.insert("io.file", file_t);
    vm.module_fn(&b, "open", -1, open_fn);
    vm.bind_method(file_t, "read", -1, |vm, a| {
        let n = if a.len() > 1 && !a[1].is_none() { a[1].as_i64() } else { -1 };
        let r = with_file(vm, &a[0], |f| -> Result<(Vec<u8>, bool), String> {
            let file = f.file.as_mut().ok_or("I/O operation on closed file.")?;
            if !f.readable {
                return Err("not readable".into());
            }
            let mut out = std::mem::take(&mut f.pending);
            if n < 0 {
                file.read_to_end(&mut out).map_err(|e| e.to_string())?;
            } else {
                let want = n as usize;
                if out.len() > want {
                    f.pending = out.split_off(want);
                } else {
                    let mut rest = vec![0u8; want - out.len()];
                    let got = file.read(&mut rest).map_err(|e| e.to_string())?;
                    out.extend_from_slice(&rest[..got]);
                }
            }
            Ok((out, f.binary))
        })?;
        match r {
            Ok((b, binary)) => bytes_to_value(vm, b, binary),
            Err(e) => Err(vm.new_error(if e == "not readable" { TP_OS_ERROR } else { TP_VALUE_ERROR }, e)),
        }
    });
    vm.bind_method(file_t, "readline", 1, |vm, a| {
        let r = with_file(vm, &a[0], |f| -> Result<(Vec<u8>, bool), String> {
            let file = f.file.as_mut().ok_or("I/O operation on closed file.")?;
            let mut line = Vec::new();
            loop {
                if let Some(i) = f.pending.iter().position(|b| *b == b'\n') {
                    let rest = f.pending.split_off(i + 1);
                    line.extend_from_slice(&f.pending);
                    f.pending = rest;
                    return Ok((line, f.binary));
                }
                line.append(&mut f.pending);
                let mut chunk = [0u8; 4096];
                let got = file.read(&mut chunk).map_err(|e| e.to_string())?;
                if got == 0 {
                    return Ok((line, f.binary));
                }
                f.pending.extend_from_slice(&chunk[..got]);
            }
        })?;
        match r {
            Ok((b, binary)) => bytes_to_value(vm, b, binary),
            Err(e) => Err(vm.new_error(TP_VALUE_ERROR, e)),
        }
    });
    vm.bind_method(file_t, "readlines", 1, |vm, a| {
        let all = vm.call_method(&a[0], Name::new("read"), &[])?;
        vm.keep_alive(all);
        let mut out = Vec::new();
        if let Some(s) = all.as_str() {
            for l in s.split_inclusive('\n') {
                out.push(l.to_string());
            }
        }
        let items: Vec<Value> = out.into_iter().map(|s| vm.new_string(s)).collect();
        Ok(vm.new_list(items))
    });
    vm.bind_method(file_t, "write", 2, |vm, a| {
        let binary = with_file(vm, &a[0], |f| f.binary)?;
        let data = text_or_bytes(vm, &a[1], binary)?;
        let n = if binary { data.len() } else { a[1].as_str().map(|s| s.chars().count()).unwrap_or(0) };
        let r = with_file(vm, &a[0], |f| -> Result<(), String> {
            if !f.writable {
                return Err("not writable".into());
            }
            let file = f.file.as_mut().ok_or("I/O operation on closed file.")?;
            file.write_all(&data).map_err(|e| e.to_string())
        })?;
        match r {
            Ok(()) => Ok(Value::int(n as i64)),
            Err(e) => Err(vm.new_error(if e == "not writable" { TP_OS_ERROR } else { TP_VALUE_ERROR }, e)),
        }
    });
    vm.bind_method(file_t, "flush", 1, |vm, a| {
        with_file(vm, &a[0], |f| {
            if let Some(file) = f.file.as_mut() {
                let _ = file.flush();
            }
        })?;
        Ok(Value::NONE)
    });
    vm.bind_method(file_t, "close", 1, |vm, a| {
        with_file(vm, &a[0], |f| f.file = None)?;
        Ok(Value::NONE)
    });
    vm.bind_property(file_t, "closed", |vm, a| Ok(Value::bool(with_file(vm, &a[0], |f| f.file.is_none())?)));
    vm.bind_property(file_t, "name", |vm, a| {
        let n = with_file(vm, &a[0], |f| f.name.clone())?;
        Ok(vm.new_string(n))
    });
    vm.bind_method(file_t, "__enter__", 1, |_, a| Ok(a[0]));
    vm.bind_method(file_t, "__exit__", -1, |vm, a| {
        with_file(vm, &a[0], |f| f.file = None)?;
        Ok(Value::NONE)
    });
    vm.bind_method(file_t, "__iter__", 1, |_, a| Ok(a[0]));
    vm.bind_method(file_t, "__next__", 1, |vm, a| {
        let l = vm.call_method(&a[0], Name::new("readline"), &[])?;
        let empty = l.as_str().map(|s| s.is_empty()).unwrap_or(false) || l.bytes().map(|b| b.is_empty()).unwrap_or(false);
        if empty {
            return Err(crate::objects::typeobj::stop_iteration(vm, Value::NONE));
        }
        Ok(l)
    });
    vm.lazy_modules.insert("io".into(), make_io);
    vm.lazy_modules.insert("gc".into(), make_gc);
}

fn open_fn(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !vm.allow_fs {
        return Err(vm.new_error(TP_PERMISSION_ERROR, "file system access is disabled in this VM"));
    }
    let path = match a.first().and_then(|v| v.as_str()) {
        Some(p) => p.to_string(),
        None => return Err(vm.new_error(TP_TYPE_ERROR, "open() argument 'file' must be str")),
    };
    let mode = a.get(1).and_then(|v| v.as_str()).unwrap_or("r").to_string();
    let binary = mode.contains('b');
    let mut opts = std::fs::OpenOptions::new();
    let (readable, writable) = match mode.replace(['b', 't'], "").as_str() {
        "r" => {
            opts.read(true);
            (true, false)
        }
        "w" => {
            opts.write(true).create(true).truncate(true);
            (false, true)
        }
        "a" => {
            opts.append(true).create(true);
            (false, true)
        }
        "x" => {
            opts.write(true).create_new(true);
            (false, true)
        }
        "r+" => {
            opts.read(true).write(true);
            (true, true)
        }
        "w+" => {
            opts.read(true).write(true).create(true).truncate(true);
            (true, true)
        }
        "a+" => {
            opts.read(true).append(true).create(true);
            (true, true)
        }
        _ => return Err(vm.new_error(TP_VALUE_ERROR, format!("invalid mode: '{}'", mode))),
    };
    let file = opts.open(&path).map_err(|e| os_error(vm, e, &path))?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(vm.new_error(TP_IS_A_DIRECTORY_ERROR, format!("[Errno 21] Is a directory: '{}'", path)));
    }
    let data = FileData { file: Some(file), binary, readable, writable, name: path, pending: Vec::new() };
    let t = vm.native_types.get("io.file").copied().unwrap_or(TP_OBJECT);
    Ok(vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(data))), None))
}

fn make_io(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("io");
    for (name, binary) in [("StringIO", false), ("BytesIO", true)] {
        let t = vm.new_builtin_type(name, TP_OBJECT, "io");
        if binary {
            vm.bind_static(t, "__new__", -1, |vm, a| new_buf(vm, a, true));
        } else {
            vm.bind_static(t, "__new__", -1, |vm, a| new_buf(vm, a, false));
        }
        vm.bind_method(t, "__init__", -1, |_, _| Ok(Value::NONE));
        vm.bind_method(t, "write", 2, |vm, a| {
            let binary = with_buf(vm, &a[0], |b| b.binary)?;
            let data = text_or_bytes(vm, &a[1], binary)?;
            let n = if binary { data.len() } else { a[1].as_str().map(|s| s.chars().count()).unwrap_or(0) };
            with_buf(vm, &a[0], |b| {
                let end = b.pos + data.len();
                if b.buf.len() < end {
                    b.buf.resize(end, 0);
                }
                b.buf[b.pos..end].copy_from_slice(&data);
                b.pos = end;
            })?;
            Ok(Value::int(n as i64))
        });
        vm.bind_method(t, "getvalue", 1, |vm, a| {
            let (data, binary) = with_buf(vm, &a[0], |b| (b.buf.clone(), b.binary))?;
            bytes_to_value(vm, data, binary)
        });
        vm.bind_method(t, "read", -1, |vm, a| {
            let n = if a.len() > 1 && !a[1].is_none() { a[1].as_i64() } else { -1 };
            let (data, binary) = with_buf(vm, &a[0], |b| {
                let end = if n < 0 { b.buf.len() } else { (b.pos + n as usize).min(b.buf.len()) };
                let start = b.pos.min(end);
                b.pos = end;
                (b.buf[start..end].to_vec(), b.binary)
            })?;
            bytes_to_value(vm, data, binary)
        });
        vm.bind_method(t, "readline", 1, |vm, a| {
            let (data, binary) = with_buf(vm, &a[0], |b| {
                let start = b.pos.min(b.buf.len());
                let end = b.buf[start..].iter().position(|c| *c == b'\n').map(|i| start + i + 1).unwrap_or(b.buf.len());
                b.pos = end;
                (b.buf[start..end].to_vec(), b.binary)
            })?;
            bytes_to_value(vm, data, binary)
        });
        vm.bind_method(t, "seek", -1, |vm, a| {
            let p = a.get(1).map(|v| v.as_i64()).unwrap_or(0).max(0) as usize;
            with_buf(vm, &a[0], |b| b.pos = p)?;
            Ok(Value::int(p as i64))
        });
        vm.bind_method(t, "tell", 1, |vm, a| Ok(Value::int(with_buf(vm, &a[0], |b| b.pos)? as i64)));
        vm.bind_method(t, "truncate", -1, |vm, a| {
            let p = a.get(1).map(|v| v.as_i64() as usize);
            let n = with_buf(vm, &a[0], |b| {
                let n = p.unwrap_or(b.pos);
                b.buf.truncate(n);
                n
            })?;
            Ok(Value::int(n as i64))
        });
        vm.bind_method(t, "flush", 1, |_, _| Ok(Value::NONE));
        vm.bind_method(t, "close", 1, |_, _| Ok(Value::NONE));
        vm.bind_method(t, "__enter__", 1, |_, a| Ok(a[0]));
        vm.bind_method(t, "__exit__", -1, |_, _| Ok(Value::NONE));
        let tobj = vm.types[t as usize].obj;
        vm.module_set(&m, name, tobj);
    }
    Ok(m)
}

fn new_buf(vm: &mut Vm, a: &[Value], binary: bool) -> PyResult<Value> {
    let t = a.first().and_then(|v| v.as_type()).unwrap_or(TP_OBJECT);
    let init = match a.get(1) {
        Some(v) if !v.is_none() => text_or_bytes(vm, v, binary)?,
        _ => Vec::new(),
    };
    let data = BufData { buf: init, pos: 0, binary };
    Ok(vm.heap.alloc(t, ObjData::Native(RefCell::new(Box::new(data))), Some(Box::default())))
}

fn make_gc(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("gc");
    vm.module_fn(&m, "collect", -1, |vm, _| {
        // A collection from native code is safe: every live value of the
        // calling frames is on the value stack or rooted.
        Ok(Value::int(vm.collect_garbage() as i64))
    });
    vm.module_fn(&m, "enable", 0, |_, _| Ok(Value::NONE));
    vm.module_fn(&m, "disable", 0, |_, _| Ok(Value::NONE));
    vm.module_fn(&m, "isenabled", 0, |_, _| Ok(Value::TRUE));
    vm.module_fn(&m, "get_count", 0, |vm, _| {
        let n = vm.heap.len() as i64;
        Ok(vm.new_tuple(vec![Value::int(n), Value::int(0), Value::int(0)]))
    });
    Ok(m)
}
