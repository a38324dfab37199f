//! Scope analysis: which names of each function, lambda, class and
//! comprehension scope are local, global, free or cell variables.
//!
//! This is a port of CPython 3.11's `symtable.c`: a first pass collects, per
//! scope, the flags of every name (assigned, used, parameter, declared
//! `global`/`nonlocal`, ...); a second pass (`analyze`) resolves each name to
//! a `NameScope` following the lexical scoping rules (class scopes do not
//! enclose their methods, `nonlocal` needs a binding in an enclosing function,
//! a local captured by an inner function becomes a cell, `super`/`__class__`
//! in a method creates the implicit `__class__` cell of the class).
//!
//! Scopes are found again by the code generator through the address of their
//! AST node (`key_function`, `key_class`, `key_expr`), which is stable because
//! both passes borrow the same `ast::Module`.

use std::collections::{HashMap, HashSet};

use super::ast::{self, Expr, ExprKind, Pattern, PatternKind, Pos, Stmt, StmtKind};
use super::error::CompileError;

// Symbol flags (as CPython's `DEF_*`).
/// Declared `global`.
pub const DEF_GLOBAL: u32 = 1;
/// Assigned (or deleted) in this scope.
pub const DEF_LOCAL: u32 = 2;
/// A parameter.
pub const DEF_PARAM: u32 = 4;
/// Declared `nonlocal` (or a walrus target inside a comprehension).
pub const DEF_NONLOCAL: u32 = 8;
/// Read in this scope.
pub const USE: u32 = 16;
/// A class-scope name that is also free in a method (it is both a local of
/// the class body and a free variable passed through to the method).
pub const DEF_FREE_CLASS: u32 = 32;
/// Bound by an import.
pub const DEF_IMPORT: u32 = 64;
/// Annotated (`x: int`).
pub const DEF_ANNOT: u32 = 128;
/// A comprehension iteration variable.
pub const DEF_COMP_ITER: u32 = 256;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// What kind of comprehension a comprehension scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    /// The code object name (`<listcomp>`, ...).
    pub fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// CPython's `FunctionBlock`: functions, lambdas and comprehensions.
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_))
    }
}

/// Where a name lives, as resolved by the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// A plain local (fast slot in a function, the namespace dict elsewhere).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: a module global or builtin.
    GlobalImplicit,
    /// A variable of an enclosing function scope.
    Free,
    /// A local of this scope captured by an inner scope.
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    /// The (mangled) name.
    pub name: String,
    pub flags: u32,
    pub scope: NameScope,
}

pub type ScopeId = usize;

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The function or class name; `<lambda>`, `<listcomp>`, `<module>`.
    pub name: String,
    pub pos: Pos,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names (mangled) in slot order: positional-only, positional,
    /// keyword-only, `*args`, `**kwargs` (`.0` for a comprehension).
    pub params: Vec<String>,
    /// Local slots of a function-like scope: the parameters, then the other
    /// plain locals in order of first appearance. Empty for module and class.
    pub varnames: Vec<String>,
    /// Sorted. A class has `__class__` here when a method needs it.
    pub cellvars: Vec<String>,
    /// Sorted.
    pub freevars: Vec<String>,
    pub children: Vec<ScopeId>,
    pub parent: Option<ScopeId>,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// A class scope whose methods use `super` or `__class__`.
    pub needs_class_closure: bool,
    /// `global`/`nonlocal` declarations (and comprehension walrus targets):
    /// where the name was declared, for error messages.
    directives: HashMap<String, Pos>,
    comp_iter_expr: u32,
    comp_iter_target: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, pos: Pos, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            pos,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            needs_class_closure: false,
            directives: HashMap::new(),
            comp_iter_expr: 0,
            comp_iter_target: false,
        }
    }

    /// The flags of a (mangled) name, 0 when unknown.
    pub fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map(|&i| self.symbols[i].flags).unwrap_or(0)
    }

    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The resolved scope of a (mangled) name; names the scope never saw are
    /// implicit globals.
    pub fn lookup(&self, name: &str) -> NameScope {
        self.symbol(name).map(|s| s.scope).unwrap_or(NameScope::GlobalImplicit)
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags = flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol { name: name.to_string(), flags, scope: NameScope::GlobalImplicit });
            }
        }
    }
}

/// Private name mangling: inside class `C`, `__x` (not ending in `__`, no dot)
/// becomes `_C__x` (leading underscores of the class name stripped).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(p) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = p.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{}{}", stripped, name);
            }
        }
    }
    name.to_string()
}

pub fn key_function(f: &ast::FunctionDef) -> usize {
    f as *const ast::FunctionDef as usize
}

pub fn key_class(c: &ast::ClassDef) -> usize {
    c as *const ast::ClassDef as usize
}

/// Key of a lambda or comprehension expression.
pub fn key_expr(e: &Expr) -> usize {
    e as *const Expr as usize
}

#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    map: HashMap<usize, ScopeId>,
}

type R<T> = Result<T, CompileError>;

impl SymbolTable {
    /// Analyze a module (the top scope is `scopes[0]`).
    pub fn build(module: &ast::Module, source: &str) -> R<SymbolTable> {
        Self::build_with(module, source, false)
    }

    /// `future_annotations`: under `from __future__ import annotations` the
    /// annotations are never evaluated, so their names do not take part in
    /// the scopes (CPython puts them in separate annotation blocks).
    pub fn build_with(module: &ast::Module, source: &str, future_annotations: bool) -> R<SymbolTable> {
        let mut b = Builder {
            future_annotations,
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", Pos { line: 1, col: 0 }, None)],
            map: HashMap::new(),
            stack: vec![0],
            private: None,
            source,
        };
        for s in &module.body {
            b.visit_stmt(s)?;
        }
        let mut st = SymbolTable { scopes: b.scopes, map: b.map };
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        st.analyze_block(0, None, &mut free, &mut global, source)?;
        st.finish();
        Ok(st)
    }

    pub fn top(&self) -> ScopeId {
        0
    }

    /// The scope created by the AST node with this key.
    pub fn scope_for(&self, key: usize) -> Option<ScopeId> {
        self.map.get(&key).copied()
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }

    // ---- analysis (CPython's analyze_block & co.) ----

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        scopes: &mut HashMap<String, NameScope>,
        name: &str,
        flags: u32,
        bound: Option<&mut HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
        source: &str,
    ) -> R<()> {
        let err_at = |st: &SymbolTable, msg: String| -> CompileError {
            let pos = st.scopes[id].directives.get(name).copied().unwrap_or(st.scopes[id].pos);
            CompileError::syntax(msg, pos.line, pos.col + 1, source)
        };
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(err_at(self, format!("name '{}' is nonlocal and global", name)));
            }
            scopes.insert(name.to_string(), NameScope::GlobalExplicit);
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            match bound {
                None => {
                    return Err(err_at(self, "nonlocal declaration not allowed at module level".to_string()));
                }
                Some(b) if !b.contains(name) => {
                    return Err(err_at(self, format!("no binding for nonlocal '{}' found", name)));
                }
                _ => {}
            }
            scopes.insert(name.to_string(), NameScope::Free);
            free.insert(name.to_string());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.to_string(), NameScope::Local);
            local.insert(name.to_string());
            global.remove(name);
            return Ok(());
        }
        if let Some(b) = bound {
            if b.contains(name) {
                scopes.insert(name.to_string(), NameScope::Free);
                free.insert(name.to_string());
                return Ok(());
            }
        }
        // Either a known global or an implicit one: both are GlobalImplicit.
        scopes.insert(name.to_string(), NameScope::GlobalImplicit);
        Ok(())
    }

    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
        source: &str,
    ) -> R<()> {
        let mut local = HashSet::new();
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut newglobal = HashSet::new();
        let mut newfree = HashSet::new();
        let mut newbound = HashSet::new();
        let kind = self.scopes[id].kind;

        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().cloned());
            }
        }

        let syms: Vec<(String, u32)> =
            self.scopes[id].symbols.iter().map(|s| (s.name.clone(), s.flags)).collect();
        for (name, flags) in &syms {
            self.analyze_name(id, &mut scopes, name, *flags, bound.as_deref_mut(), &mut local, free, global, source)?;
        }

        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }

        let mut allfree = HashSet::new();
        let children = self.scopes[id].children.clone();
        for c in children {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            self.analyze_block(c, Some(&mut temp_bound), &mut temp_free, &mut temp_global, source)?;
            allfree.extend(temp_free);
        }
        newfree.extend(allfree);

        if kind.is_function_like() {
            // analyze_cells
            for (name, sc) in scopes.iter_mut() {
                if *sc == NameScope::Local && newfree.contains(name) {
                    *sc = NameScope::Cell;
                    newfree.remove(name);
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }

        // update_symbols
        let is_class = kind == ScopeKind::Class;
        {
            let scope = &mut self.scopes[id];
            for sym in scope.symbols.iter_mut() {
                if let Some(sc) = scopes.get(&sym.name) {
                    sym.scope = *sc;
                }
            }
        }
        let mut newfree_sorted: Vec<&String> = newfree.iter().collect();
        newfree_sorted.sort();
        for name in newfree_sorted {
            let scope = &mut self.scopes[id];
            if let Some(&i) = scope.index.get(name.as_str()) {
                let f = scope.symbols[i].flags;
                if is_class && f & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    scope.symbols[i].flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = bound.as_deref() {
                if !b.contains(name.as_str()) {
                    continue;
                }
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol { name: name.clone(), flags: 0, scope: NameScope::Free });
        }
        free.extend(newfree);
        Ok(())
    }

    /// Fill varnames / cellvars / freevars.
    fn finish(&mut self) {
        for scope in self.scopes.iter_mut() {
            let mut cells = Vec::new();
            let mut frees = Vec::new();
            let mut varnames = Vec::new();
            if scope.kind.is_function_like() {
                varnames = scope.params.clone();
                let params: HashSet<&String> = scope.params.iter().collect();
                for sym in &scope.symbols {
                    match sym.scope {
                        NameScope::Local if !params.contains(&sym.name) => varnames.push(sym.name.clone()),
                        NameScope::Cell => cells.push(sym.name.clone()),
                        NameScope::Free => frees.push(sym.name.clone()),
                        _ => {}
                    }
                }
            } else {
                for sym in &scope.symbols {
                    if sym.scope == NameScope::Free || sym.flags & DEF_FREE_CLASS != 0 {
                        frees.push(sym.name.clone());
                    }
                }
                if scope.needs_class_closure {
                    cells.push("__class__".to_string());
                }
            }
            cells.sort();
            frees.sort();
            scope.varnames = varnames;
            scope.cellvars = cells;
            scope.freevars = frees;
        }
    }
}

struct Builder<'s> {
    future_annotations: bool,
    scopes: Vec<Scope>,
    map: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    source: &'s str,
}

impl<'s> Builder<'s> {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let c = self.cur();
        &mut self.scopes[c]
    }

    fn error(&self, msg: impl Into<String>, pos: Pos) -> CompileError {
        CompileError::syntax(msg, pos.line, pos.col + 1, self.source)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, pos: Pos, key: usize) {
        let parent = self.cur();
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, pos, Some(parent)));
        self.scopes[parent].children.push(id);
        self.map.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, pos: Pos) -> R<()> {
        let cur = self.cur();
        self.add_def_in(cur, name, flag, pos)
    }

    fn add_def_in(&mut self, sid: ScopeId, name: &str, flag: u32, pos: Pos) -> R<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let old = self.scopes[sid].symbol(&mangled).map(|s| s.flags);
        let mut val = flag;
        if let Some(old) = old {
            if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                return Err(self.error(format!("duplicate argument '{}' in function definition", name), pos));
            }
            val |= old;
        }
        if self.scopes[sid].comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{}'", name),
                    pos,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        self.scopes[sid].set_flags(&mangled, val);
        if flag & DEF_PARAM != 0 {
            self.scopes[sid].params.push(mangled);
        } else if flag & DEF_GLOBAL != 0 && sid != 0 {
            // Like CPython, a `global` declaration anywhere also marks the
            // module-level symbol.
            let f = self.scopes[0].flags(&mangled);
            self.scopes[0].set_flags(&mangled, f | DEF_GLOBAL);
        }
        Ok(())
    }

    fn record_directive(&mut self, sid: ScopeId, name: &str, pos: Pos) {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[sid].directives.entry(mangled).or_insert(pos);
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R<()> {
        match &s.kind {
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.visit_store(t)?;
                }
                self.visit_expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_store(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name(n) = &target.kind {
                    let cur = self.cur();
                    let mangled = mangle(self.private.as_deref(), n);
                    let flags = self.scopes[cur].flags(&mangled);
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && cur != 0 && *simple {
                        let msg = if flags & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", n)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", n)
                        };
                        return Err(self.error(msg, s.pos));
                    }
                    if *simple {
                        self.add_def(n, DEF_ANNOT | DEF_LOCAL, target.pos)?;
                    } else if value.is_some() {
                        self.visit_store(target)?;
                    }
                } else {
                    self.visit_store(target)?;
                }
                if !self.future_annotations {
                    self.visit_expr(annotation)?;
                }
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.visit_store(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.visit_store(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.pos)?;
                self.visit_defaults(&f.args)?;
                self.visit_annotations(&f.args, f.returns.as_ref())?;
                for d in &f.decorators {
                    self.visit_expr(d)?;
                }
                self.enter(ScopeKind::Function, &f.name, s.pos, key_function(f));
                self.visit_params(&f.args)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.pos)?;
                for b in &c.bases {
                    self.visit_expr(b)?;
                }
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                for d in &c.decorators {
                    self.visit_expr(d)?;
                }
                self.enter(ScopeKind::Class, &c.name, s.pos, key_class(c));
                let saved = self.private.replace(c.name.clone());
                let r = self.visit_body(&c.body);
                self.private = saved;
                r?;
                self.exit();
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.visit_body(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.pos)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.visit_expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.visit_store(t)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Import(names) => {
                for a in names {
                    let store = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.add_def(store, DEF_IMPORT, a.pos)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(self.error("import * only allowed at module level", a.pos));
                        }
                        continue;
                    }
                    let store = a.asname.as_deref().unwrap_or(&a.name);
                    self.add_def(store, DEF_IMPORT, a.pos)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let cur = self.cur();
                    let mangled = mangle(self.private.as_deref(), n);
                    let f = self.scopes[cur].flags(&mangled);
                    if f & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if f & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n)
                        } else if f & USE != 0 {
                            format!("name '{}' is used prior to global declaration", n)
                        } else if f & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n)
                        };
                        return Err(self.error(msg, s.pos));
                    }
                    self.add_def(n, DEF_GLOBAL, s.pos)?;
                    self.record_directive(cur, n, s.pos);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    let cur = self.cur();
                    let mangled = mangle(self.private.as_deref(), n);
                    let f = self.scopes[cur].flags(&mangled);
                    if f & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if f & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n)
                        } else if f & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n)
                        } else if f & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n)
                        };
                        return Err(self.error(msg, s.pos));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.pos)?;
                    self.record_directive(cur, n, s.pos);
                }
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for c in cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
        }
        Ok(())
    }

    fn visit_defaults(&mut self, args: &ast::Arguments) -> R<()> {
        for d in &args.defaults {
            self.visit_expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> R<()> {
        if self.future_annotations {
            return Ok(());
        }
        let all = args
            .posonly
            .iter()
            .chain(args.args.iter())
            .chain(args.vararg.iter())
            .chain(args.kwonly.iter())
            .chain(args.kwarg.iter());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &ast::Arguments) -> R<()> {
        for a in args.posonly.iter().chain(args.args.iter()).chain(args.kwonly.iter()) {
            self.add_def(&a.name, DEF_PARAM, a.pos)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.name, DEF_PARAM, a.pos)?;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.name, DEF_PARAM, a.pos)?;
        }
        Ok(())
    }

    /// An assignment / deletion target.
    fn visit_store(&mut self, e: &Expr) -> R<()> {
        match &e.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL, e.pos),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for x in elts {
                    self.visit_store(x)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.visit_store(inner),
            // Attribute / subscript targets only read names.
            _ => self.visit_expr(e),
        }
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R<()> {
        match &p.kind {
            PatternKind::Value(e) => self.visit_expr(e),
            PatternKind::Singleton(_) => Ok(()),
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => {
                for x in ps {
                    self.visit_pattern(x)?;
                }
                Ok(())
            }
            PatternKind::Star(name) => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.pos)?;
                }
                Ok(())
            }
            PatternKind::Mapping { keys, patterns, rest } => {
                for k in keys {
                    self.visit_expr(k)?;
                }
                for x in patterns {
                    self.visit_pattern(x)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.pos)?;
                }
                Ok(())
            }
            PatternKind::Class { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                for x in patterns.iter().chain(kwd_patterns.iter()) {
                    self.visit_pattern(x)?;
                }
                Ok(())
            }
            PatternKind::As { pattern, name } => {
                if let Some(x) = pattern {
                    self.visit_pattern(x)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.pos)?;
                }
                Ok(())
            }
        }
    }

    fn visit_expr(&mut self, e: &Expr) -> R<()> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.add_def(n, USE, e.pos)?;
                if n == "super" && self.scopes[self.cur()].kind.is_function_like() {
                    self.add_def("__class__", USE, e.pos)?;
                }
            }
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            ExprKind::JoinedStr(parts) => self.visit_fstring(parts)?,
            ExprKind::Tuple(xs) | ExprKind::List(xs) | ExprKind::Set(xs) => {
                for x in xs {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Starred(x) => self.visit_expr(x)?,
            ExprKind::Attribute(x, _) => self.visit_expr(x)?,
            ExprKind::Subscript(a, b) => {
                self.visit_expr(a)?;
                self.visit_expr(b)?;
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                for a in args {
                    self.visit_expr(a)?;
                }
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::BinOp(a, _, b) => {
                self.visit_expr(a)?;
                self.visit_expr(b)?;
            }
            ExprKind::UnaryOp(_, a) => self.visit_expr(a)?,
            ExprKind::BoolOp(_, xs) => {
                for x in xs {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::Compare(a, rest) => {
                self.visit_expr(a)?;
                for (_, x) in rest {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Lambda(args, body) => {
                self.visit_defaults(args)?;
                self.enter(ScopeKind::Lambda, "<lambda>", e.pos, key_expr(e));
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::NamedExpr(name, value) => {
                let cur = self.cur();
                if self.scopes[cur].comp_iter_expr > 0 {
                    return Err(self.error(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.pos,
                    ));
                }
                if matches!(self.scopes[cur].kind, ScopeKind::Comprehension(_)) {
                    self.extend_namedexpr_scope(name, e.pos)?;
                }
                self.visit_expr(value)?;
                self.add_def(name, DEF_LOCAL, e.pos)?;
            }
            ExprKind::ListComp(elt, gens) => self.visit_comprehension(e, CompKind::List, gens, elt, None)?,
            ExprKind::SetComp(elt, gens) => self.visit_comprehension(e, CompKind::Set, gens, elt, None)?,
            ExprKind::DictComp(k, v, gens) => self.visit_comprehension(e, CompKind::Dict, gens, k, Some(v))?,
            ExprKind::GeneratorExp(elt, gens) => self.visit_comprehension(e, CompKind::Gen, gens, elt, None)?,
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
                self.mark_yield(e.pos)?;
            }
            ExprKind::YieldFrom(v) => {
                self.visit_expr(v)?;
                self.mark_yield(e.pos)?;
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, pos: Pos) -> R<()> {
        let scope = self.cur_scope();
        scope.is_generator = true;
        if let ScopeKind::Comprehension(k) = scope.kind {
            let msg = match k {
                CompKind::List => "'yield' inside list comprehension",
                CompKind::Set => "'yield' inside set comprehension",
                CompKind::Dict => "'yield' inside dict comprehension",
                CompKind::Gen => "'yield' inside generator expression",
            };
            return Err(self.error(msg, pos));
        }
        Ok(())
    }

    fn visit_fstring(&mut self, parts: &[ast::FStringPart]) -> R<()> {
        for p in parts {
            if let ast::FStringPart::Value { expr, spec, .. } = p {
                self.visit_expr(expr)?;
                if let Some(spec) = spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, name: &str, pos: Pos) -> R<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let cur = self.cur();
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            match self.scopes[sid].kind {
                ScopeKind::Comprehension(_) => {
                    if self.scopes[sid].flags(&mangled) & DEF_COMP_ITER != 0 {
                        return Err(self.error(
                            format!("assignment expression cannot rebind comprehension iteration variable '{}'", name),
                            pos,
                        ));
                    }
                    continue;
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    if self.scopes[sid].flags(&mangled) & DEF_GLOBAL != 0 {
                        self.add_def_in(cur, name, DEF_GLOBAL, pos)?;
                    } else {
                        self.add_def_in(cur, name, DEF_NONLOCAL, pos)?;
                    }
                    self.record_directive(cur, name, pos);
                    return self.add_def_in(sid, name, DEF_LOCAL, pos);
                }
                ScopeKind::Module => {
                    self.add_def_in(cur, name, DEF_GLOBAL, pos)?;
                    self.record_directive(cur, name, pos);
                    return self.add_def_in(sid, name, DEF_GLOBAL, pos);
                }
                ScopeKind::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        pos,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        gens: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R<()> {
        let Some(first) = gens.first() else {
            return Err(self.error("comprehension without 'for'", e.pos));
        };
        let cur = self.cur();
        self.scopes[cur].comp_iter_expr += 1;
        let r = self.visit_expr(&first.iter);
        self.scopes[cur].comp_iter_expr -= 1;
        r?;
        self.enter(ScopeKind::Comprehension(kind), kind.code_name(), e.pos, key_expr(e));
        if kind == CompKind::Gen {
            self.cur_scope().is_generator = true;
        }
        self.add_def(".0", DEF_PARAM, e.pos)?;
        for (i, g) in gens.iter().enumerate() {
            self.cur_scope().comp_iter_target = true;
            let r = self.visit_store(&g.target);
            self.cur_scope().comp_iter_target = false;
            r?;
            if i > 0 {
                self.cur_scope().comp_iter_expr += 1;
                let r = self.visit_expr(&g.iter);
                self.cur_scope().comp_iter_expr -= 1;
                r?;
            }
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.exit();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parser, Mode};
    use super::*;

    fn table(src: &str) -> SymbolTable {
        let m = parser::parse(src, Mode::Exec).expect("parse");
        SymbolTable::build(&m, src).expect("symtable")
    }
    fn scope<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
        t.scopes.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no scope {}", name))
    }

    #[test]
    fn classification() {
        let t = table(
            "
g = 0
def f(p, *a, k, **kw):
    global g
    loc = p
    cel = 1
    def inner():
        nonlocal cel
        cel += g + undefined
        return [cel for _ in a]
    class K:
        attr = cel
        def m(self):
            return super().m(), attr
    return inner
",
        );
        let f = scope(&t, "f");
        assert_eq!(f.kind, ScopeKind::Function);
        assert_eq!(f.lookup("g"), NameScope::GlobalExplicit);
        assert_eq!(f.lookup("loc"), NameScope::Local);
        assert_eq!(f.lookup("cel"), NameScope::Cell);
        assert_eq!(f.lookup("a"), NameScope::Cell);
        assert_eq!(f.params, vec!["p", "k", "a", "kw"]);
        assert_eq!(f.varnames, vec!["p", "k", "a", "kw", "loc", "inner", "K"]);
        assert_eq!(f.cellvars, vec!["a", "cel"]);
        let inner = scope(&t, "inner");
        assert_eq!(inner.lookup("cel"), NameScope::Free);
        assert_eq!(inner.lookup("g"), NameScope::GlobalImplicit);
        assert_eq!(inner.lookup("undefined"), NameScope::GlobalImplicit);
        assert_eq!(inner.freevars, vec!["a", "cel"]);
        let lc = scope(&t, "<listcomp>");
        assert_eq!(lc.kind, ScopeKind::Comprehension(CompKind::List));
        assert_eq!(lc.lookup("cel"), NameScope::Free);
        assert_eq!(lc.lookup("_"), NameScope::Local);
        assert_eq!(lc.params, vec![".0"]);
        let k = scope(&t, "K");
        assert!(k.needs_class_closure);
        assert_eq!(k.cellvars, vec!["__class__"]);
        assert_eq!(k.lookup("cel"), NameScope::Free);
        assert_eq!(k.lookup("attr"), NameScope::Local);
        let m = scope(&t, "m");
        assert_eq!(m.lookup("__class__"), NameScope::Free);
        // Class-level names are not visible in methods.
        assert_eq!(m.lookup("attr"), NameScope::GlobalImplicit);
        let module = t.scope(t.top());
        assert_eq!(module.lookup("g"), NameScope::GlobalExplicit);
        assert_eq!(module.lookup("f"), NameScope::Local);
    }

    #[test]
    fn walrus_and_mangling() {
        let t = table(
            "
def f():
    [[(w := x) for x in y] for y in z]
    return w
class C:
    __p = 1
    def __m(self, __a):
        return self.__p, __a
",
        );
        assert_eq!(scope(&t, "f").lookup("w"), NameScope::Cell);
        let comps: Vec<&Scope> = t.scopes.iter().filter(|s| s.name == "<listcomp>").collect();
        assert_eq!(comps.len(), 2);
        assert!(comps.iter().all(|s| s.lookup("w") == NameScope::Free));
        let c = scope(&t, "C");
        assert_eq!(c.lookup("_C__p"), NameScope::Local);
        assert_eq!(c.lookup("_C__m"), NameScope::Local);
        assert_eq!(scope(&t, "__m").params, vec!["self", "_C__a"]);
        assert_eq!(mangle(Some("_Cls"), "__x"), "_Cls__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(None, "__x"), "__x");
    }

    #[test]
    fn errors() {
        let cases = [
            ("def f(a):\n    nonlocal a\n", "name 'a' is parameter and nonlocal", 2),
            ("def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global", 3),
            ("def f():\n    x = 1\n    def g():\n        x: int = 2\n        nonlocal x\n", "annotated name 'x' can't be nonlocal", 5),
            ("def f():\n    print(y)\n    nonlocal y\n", "name 'y' is used prior to nonlocal declaration", 3),
            ("def f():\n    [[j := j for i in a] for j in b]\n", "assignment expression cannot rebind comprehension iteration variable 'j'", 2),
            ("def f():\n    ((yield) for x in y)\n", "'yield' inside generator expression", 2),
            ("def f():\n    {x: (yield) for x in y}\n", "'yield' inside dict comprehension", 2),
        ];
        for (src, msg, line) in cases {
            let m = parser::parse(src, Mode::Exec).expect("parse");
            let e = SymbolTable::build(&m, src).expect_err(src);
            assert_eq!((e.msg.as_str(), e.line), (msg, line), "for {}", src);
        }
    }
}
