//! The import system: `sys.modules`, built-in and embedded modules, and
//! `.py` files / packages found on `sys.path` (the script's directory first).

use crate::compiler::Mode;
use crate::runtime::names::{n, Name};
use crate::vm::exceptions::*;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `import name` / `from name import ...` with `level` leading dots.
    pub fn import_name(&mut self, name: &str, globals: &Value, fromlist: &Value, level: usize) -> PyResult<Value> {
        let full = if level > 0 {
            let pkg = self.current_package(globals)?;
            let mut parts: Vec<&str> = if pkg.is_empty() { vec![] } else { pkg.split('.').collect() };
            if level - 1 > parts.len() || (pkg.is_empty()) {
                return Err(self.new_error(TP_IMPORT_ERROR, "attempted relative import beyond top-level package"));
            }
            parts.truncate(parts.len() - (level - 1));
            let mut base = parts.join(".");
            if !name.is_empty() {
                if !base.is_empty() {
                    base.push('.');
                }
                base.push_str(name);
            }
            base
        } else {
            name.to_string()
        };
        if full.is_empty() {
            return Err(self.new_error(TP_VALUE_ERROR, "Empty module name"));
        }
        // Import each prefix.
        let mut module = Value::NONE;
        let mut top = Value::NONE;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module;
            module = self.import_one(&prefix, &parent)?;
            if i == 0 {
                top = module;
            }
            if !parent.is_none() {
                self.attrs_set(&parent, Name::new(part), module);
            }
        }
        let has_fromlist = !fromlist.is_none() && !fromlist.is_nil() && fromlist.tuple().map(|t| !t.is_empty()).unwrap_or(true);
        if has_fromlist || level > 0 {
            Ok(module)
        } else {
            Ok(top)
        }
    }

    /// The package a module's relative imports start from.
    fn current_package(&mut self, globals: &Value) -> PyResult<String> {
        if let Some(p) = self.locals_get(globals, n::__package__)? {
            if let Some(s) = p.as_str() {
                return Ok(s.to_string());
            }
        }
        let name = self.locals_get(globals, n::__name__)?.and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
        if self.locals_get(globals, n::__path__)?.is_some() {
            return Ok(name);
        }
        Ok(match name.rfind('.') {
            Some(i) => name[..i].to_string(),
            None => String::new(),
        })
    }

    /// Import one fully qualified module whose parent (if any) is imported.
    fn import_one(&mut self, full: &str, parent: &Value) -> PyResult<Value> {
        let key = self.new_str(full);
        let modules = self.modules;
        if let Some(m) = self.dict_get(&modules, &key)? {
            return Ok(m);
        }
        if let Some(init) = self.lazy_modules.get(full).copied() {
            let m = init(self)?;
            let key = self.new_str(full);
            self.dict_set(&modules, key, m)?;
            return Ok(m);
        }
        if let Some(src) = self.embedded_sources.get(full).copied() {
            return self.exec_module_source(full, src, &format!("<{}>", full), None);
        }
        // The host's loader, with the module's path relative to the import root.
        if let Some(mut hook) = self.import_hook.take() {
            let rel = full.replace('.', "/");
            let mod_path = format!("{}.py", rel);
            let pkg_path = format!("{}/__init__.py", rel);
            let found = match hook(&mod_path) {
                Some(src) => Some((src, mod_path, None)),
                None => hook(&pkg_path).map(|src| (src, pkg_path, Some(rel))),
            };
            self.import_hook = Some(hook);
            if let Some((src, path, pkg)) = found {
                return self.exec_module_source(full, &src, &path, pkg);
            }
        }
        // Search directories: the parent's __path__, or sys.path.
        let dirs: Vec<String> = if parent.is_none() {
            let sp = self.sys_path;
            self.collect_iter(&sp)?.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect()
        } else {
            match self.attrs_get(parent, n::__path__) {
                Some(p) => self.collect_iter(&p)?.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect(),
                None => {
                    let pname = full.rsplit_once('.').map(|x| x.0).unwrap_or("");
                    let msg = format!("No module named '{}'; '{}' is not a package", full, pname);
                    return Err(self.module_not_found(&msg, full));
                }
            }
        };
        let last = full.rsplit('.').next().unwrap_or(full);
        if self.allow_fs {
            for d in dirs {
                let dir = std::path::Path::new(if d.is_empty() { "." } else { &d });
                let pkg_init = dir.join(last).join("__init__.py");
                if pkg_init.is_file() {
                    let src = self.read_source(&pkg_init)?;
                    let pkg_dir = dir.join(last).to_string_lossy().to_string();
                    return self.exec_module_source(full, &src, &pkg_init.to_string_lossy(), Some(pkg_dir));
                }
                let file = dir.join(format!("{}.py", last));
                if file.is_file() {
                    let src = self.read_source(&file)?;
                    return self.exec_module_source(full, &src, &file.to_string_lossy(), None);
                }
                if let Some(load) = self.ext_loader {
                    for name in extension_file_names(last) {
                        let lib = dir.join(&name);
                        if lib.is_file() {
                            return load(self, &lib, full);
                        }
                    }
                }
            }
        }
        let msg = format!("No module named '{}'", full);
        Err(self.module_not_found(&msg, full))
    }

    fn module_not_found(&mut self, msg: &str, name: &str) -> crate::vm::Raised {
        let e = self.new_exception_obj(TP_MODULE_NOT_FOUND_ERROR, msg);
        let nv = self.new_str(name);
        self.attrs_set(&e, Name::new("name"), nv);
        self.raise(e)
    }

    fn read_source(&mut self, path: &std::path::Path) -> PyResult<String> {
        match std::fs::read(path) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => Ok(s),
                Err(_) => Err(self.new_error(TP_SYNTAX_ERROR, format!("Non-UTF-8 code in file {}", path.display()))),
            },
            Err(e) => Err(self.new_error(TP_OS_ERROR, format!("{}: {}", path.display(), e))),
        }
    }

    /// Create module `name`, register it, run `src` in it. On failure the
    /// module is removed from `sys.modules` again.
    pub fn exec_module_source(&mut self, name: &str, src: &str, filename: &str, pkg_dir: Option<String>) -> PyResult<Value> {
        let m = self.new_module(name);
        let f = self.new_str(filename);
        self.attrs_set(&m, n::__file__, f);
        let package = match &pkg_dir {
            Some(_) => name.to_string(),
            None => name.rsplit_once('.').map(|x| x.0.to_string()).unwrap_or_default(),
        };
        let pv = self.new_str(&package);
        self.attrs_set(&m, n::__package__, pv);
        if let Some(d) = pkg_dir {
            let dv = self.new_str(&d);
            let l = self.new_list(vec![dv]);
            self.attrs_set(&m, n::__path__, l);
        }
        let r = self.exec_in(src, filename, &m);
        if r.is_err() {
            let modules = self.modules;
            let key = self.new_str(name);
            let saved = self.exc.take();
            let _ = self.dict_del(&modules, &key);
            self.exc = saved;
            return Err(crate::vm::Raised);
        }
        Ok(m)
    }

    /// Compile `src` and run it with module (or dict) `globals`.
    pub fn exec_in(&mut self, src: &str, filename: &str, globals: &Value) -> PyResult<Value> {
        let code = self.compile(src, filename, Mode::Exec)?;
        self.run_code(code, *globals, Value::NIL)
    }

    /// Compile, turning a CompileError into a raised SyntaxError.
    pub fn compile(&mut self, src: &str, filename: &str, mode: Mode) -> PyResult<std::sync::Arc<crate::compiler::CodeObject>> {
        match crate::compiler::compile(src, filename, mode) {
            Ok(c) => Ok(c),
            Err(ce) => {
                let ty = match ce.kind {
                    crate::compiler::CompileErrorKind::SyntaxError => TP_SYNTAX_ERROR,
                    crate::compiler::CompileErrorKind::IndentationError => TP_INDENTATION_ERROR,
                };
                let e = self.new_exception_obj(ty, &ce.msg);
                let fv = self.new_str(filename);
                self.attrs_set(&e, Name::new("filename"), fv);
                self.attrs_set(&e, Name::new("lineno"), Value::int(ce.line as i64));
                self.attrs_set(&e, Name::new("offset"), Value::int(ce.col as i64));
                let tv = self.new_str(&ce.text);
                self.attrs_set(&e, Name::new("text"), tv);
                let mv = self.new_str(&ce.msg);
                self.attrs_set(&e, Name::new("msg"), mv);
                let full = ce.format(filename);
                let fullv = self.new_string(full);
                self.attrs_set(&e, Name::new("_formatted"), fullv);
                Err(self.raise(e))
            }
        }
    }

    /// Compile an expression for `eval`, reusing the code of an identical
    /// source compiled before (bounded cache).
    pub fn compile_eval_cached(&mut self, src: &str, filename: &str) -> PyResult<std::sync::Arc<crate::compiler::CodeObject>> {
        if let Some(c) = self.eval_cache.get(src) {
            return Ok(c.clone());
        }
        let c = self.compile(src, filename, Mode::Eval)?;
        if self.eval_cache.len() >= 256 {
            self.eval_cache.clear();
        }
        self.eval_cache.insert(src.to_string(), c.clone());
        Ok(c)
    }

    /// `from module import name`.
    pub fn import_from(&mut self, m: &Value, name: Name) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let mname = self.attrs_get(m, n::__name__).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
        let full = format!("{}.{}", mname, name);
        match self.import_one(&full, m) {
            Ok(sub) => {
                self.attrs_set(m, name, sub);
                Ok(sub)
            }
            Err(e) => {
                if self.exc_is(TP_MODULE_NOT_FOUND_ERROR) {
                    self.exc = None;
                    let file = self.attrs_get(m, n::__file__).and_then(|v| v.as_str().map(|s| s.to_string()));
                    let msg = match file {
                        Some(f) => format!("cannot import name '{}' from '{}' ({})", name, mname, f),
                        None => format!("cannot import name '{}' from '{}' (unknown location)", name, mname),
                    };
                    return Err(self.new_error(TP_IMPORT_ERROR, msg));
                }
                Err(e)
            }
        }
    }

    /// `from module import *`.
    pub fn import_star(&mut self, m: &Value, target: &Value) -> PyResult<()> {
        let all = self.attrs_get(m, n::__all__);
        let names: Vec<Name> = match all {
            Some(a) => self.collect_iter(&a)?.iter().filter_map(|v| v.as_str().map(Name::new)).collect(),
            None => match &m.obj().attrs {
                Some(a) => a.borrow().iter().map(|(k, _)| k).filter(|k| !k.as_str().starts_with('_')).collect(),
                None => vec![],
            },
        };
        for k in names {
            let v = self.getattr(m, k)?;
            self.locals_set(target, k, v)?;
        }
        Ok(())
    }
}

/// File names a native extension module `name` may have on this platform.
fn extension_file_names(name: &str) -> Vec<String> {
    let ext = if cfg!(windows) {
        "dll"
    } else if cfg!(target_os = "macos") {
        "dylib"
    } else {
        "so"
    };
    vec![format!("{}.{}", name, ext), format!("lib{}.{}", name, ext)]
}
