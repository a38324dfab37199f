//! Exception objects, the built-in exception hierarchy, and tracebacks.

use crate::vm::value::{TypeId, Value, TP_BASE_EXCEPTION, TP_EXCEPTION};

/// One traceback line: where a frame was when the exception passed through it.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub filename: std::sync::Arc<str>,
    pub source: std::sync::Arc<str>,
    pub line: u32,
    pub func: String,
}

#[derive(Default)]
pub struct ExcData {
    /// The `args` tuple.
    pub args: Value,
    /// Innermost frame first.
    pub traceback: Vec<TbEntry>,
    /// Id of the frame that recorded the last traceback entry.
    pub last_frame: u64,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

impl Default for Value {
    fn default() -> Self {
        Value::NIL
    }
}

impl ExcData {
    pub fn trace(&self, out: &mut crate::vm::heap::Tracer) {
        out.push(self.args);
        out.push(self.cause);
        out.push(self.context);
    }
}

macro_rules! exception_types {
    ($($konst:ident = $name:literal : $base:ident,)*) => {
        exception_types!(@ids TP_FIRST_EXC; $($konst,)*);
        /// (type id, name, base) of every built-in exception class after
        /// BaseException and Exception, bases first.
        pub const BUILTIN_EXCEPTIONS: &[(TypeId, &str, TypeId)] = &[$(($konst, $name, $base),)*];
    };
    (@ids $i:expr; $k:ident, $($rest:ident,)*) => {
        pub const $k: TypeId = $i;
        exception_types!(@ids $i + 1; $($rest,)*);
    };
    (@ids $i:expr;) => {
        pub const TP_AFTER_EXC: TypeId = $i;
    };
}

pub const TP_FIRST_EXC: TypeId = crate::vm::value::TP_FIRST_FREE;

exception_types! {
    TP_SYSTEM_EXIT = "SystemExit": TP_BASE_EXCEPTION,
    TP_KEYBOARD_INTERRUPT = "KeyboardInterrupt": TP_BASE_EXCEPTION,
    TP_GENERATOR_EXIT = "GeneratorExit": TP_BASE_EXCEPTION,
    TP_STOP_ITERATION = "StopIteration": TP_EXCEPTION,
    TP_ARITHMETIC_ERROR = "ArithmeticError": TP_EXCEPTION,
    TP_ZERO_DIVISION_ERROR = "ZeroDivisionError": TP_ARITHMETIC_ERROR,
    TP_OVERFLOW_ERROR = "OverflowError": TP_ARITHMETIC_ERROR,
    TP_FLOATING_POINT_ERROR = "FloatingPointError": TP_ARITHMETIC_ERROR,
    TP_ASSERTION_ERROR = "AssertionError": TP_EXCEPTION,
    TP_ATTRIBUTE_ERROR = "AttributeError": TP_EXCEPTION,
    TP_BUFFER_ERROR = "BufferError": TP_EXCEPTION,
    TP_EOF_ERROR = "EOFError": TP_EXCEPTION,
    TP_IMPORT_ERROR = "ImportError": TP_EXCEPTION,
    TP_MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": TP_IMPORT_ERROR,
    TP_LOOKUP_ERROR = "LookupError": TP_EXCEPTION,
    TP_INDEX_ERROR = "IndexError": TP_LOOKUP_ERROR,
    TP_KEY_ERROR = "KeyError": TP_LOOKUP_ERROR,
    TP_MEMORY_ERROR = "MemoryError": TP_EXCEPTION,
    TP_NAME_ERROR = "NameError": TP_EXCEPTION,
    TP_UNBOUND_LOCAL_ERROR = "UnboundLocalError": TP_NAME_ERROR,
    TP_OS_ERROR = "OSError": TP_EXCEPTION,
    TP_FILE_NOT_FOUND_ERROR = "FileNotFoundError": TP_OS_ERROR,
    TP_FILE_EXISTS_ERROR = "FileExistsError": TP_OS_ERROR,
    TP_PERMISSION_ERROR = "PermissionError": TP_OS_ERROR,
    TP_IS_A_DIRECTORY_ERROR = "IsADirectoryError": TP_OS_ERROR,
    TP_NOT_A_DIRECTORY_ERROR = "NotADirectoryError": TP_OS_ERROR,
    TP_TIMEOUT_ERROR = "TimeoutError": TP_OS_ERROR,
    TP_INTERRUPTED_ERROR = "InterruptedError": TP_OS_ERROR,
    TP_REFERENCE_ERROR = "ReferenceError": TP_EXCEPTION,
    TP_RUNTIME_ERROR = "RuntimeError": TP_EXCEPTION,
    TP_NOT_IMPLEMENTED_ERROR = "NotImplementedError": TP_RUNTIME_ERROR,
    TP_RECURSION_ERROR = "RecursionError": TP_RUNTIME_ERROR,
    TP_STOP_ASYNC_ITERATION = "StopAsyncIteration": TP_EXCEPTION,
    TP_SYNTAX_ERROR = "SyntaxError": TP_EXCEPTION,
    TP_INDENTATION_ERROR = "IndentationError": TP_SYNTAX_ERROR,
    TP_TAB_ERROR = "TabError": TP_INDENTATION_ERROR,
    TP_SYSTEM_ERROR = "SystemError": TP_EXCEPTION,
    TP_TYPE_ERROR = "TypeError": TP_EXCEPTION,
    TP_VALUE_ERROR = "ValueError": TP_EXCEPTION,
    TP_UNICODE_ERROR = "UnicodeError": TP_VALUE_ERROR,
    TP_UNICODE_DECODE_ERROR = "UnicodeDecodeError": TP_UNICODE_ERROR,
    TP_UNICODE_ENCODE_ERROR = "UnicodeEncodeError": TP_UNICODE_ERROR,
    TP_WARNING = "Warning": TP_EXCEPTION,
    TP_USER_WARNING = "UserWarning": TP_WARNING,
    TP_DEPRECATION_WARNING = "DeprecationWarning": TP_WARNING,
    TP_RUNTIME_WARNING = "RuntimeWarning": TP_WARNING,
}

/// Format traceback lines CPython's way (outermost call first).
pub fn format_traceback(entries: &[TbEntry]) -> String {
    let mut s = String::from("Traceback (most recent call last):\n");
    for e in entries.iter().rev() {
        s.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.func));
        if let Some(text) = e.source.lines().nth(e.line.saturating_sub(1) as usize) {
            let t = text.trim();
            if !t.is_empty() {
                s.push_str("    ");
                s.push_str(t);
                s.push('\n');
            }
        }
    }
    s
}

use crate::runtime::names::Name;
use crate::vm::heap::ObjData;
use crate::vm::{PyResult, Raised, Vm};
use std::cell::RefCell;

impl Vm {
    /// A new exception instance of type `ty` with `args`.
    pub fn new_exception_args(&mut self, ty: TypeId, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        let data = ExcData { args, ..ExcData::default() };
        self.heap.alloc(ty, ObjData::Exception(Box::new(RefCell::new(data))), Some(Box::default()))
    }

    /// A new exception instance with one message argument (none if `msg` is empty
    /// and the type is MemoryError).
    pub fn new_exception_obj(&mut self, ty: TypeId, msg: &str) -> Value {
        if msg.is_empty() && ty == TP_MEMORY_ERROR {
            return self.new_exception_args(ty, vec![]);
        }
        let m = self.new_str(msg);
        self.new_exception_args(ty, vec![m])
    }

    /// Raise a new exception of type `ty` with message `msg`.
    pub fn new_error(&mut self, ty: TypeId, msg: impl AsRef<str>) -> Raised {
        let e = self.new_exception_obj(ty, msg.as_ref());
        self.raise(e)
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Raised {
        self.new_error(TP_TYPE_ERROR, msg)
    }

    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Raised {
        self.new_error(TP_VALUE_ERROR, msg)
    }

    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Raised {
        self.new_error(TP_INDEX_ERROR, msg)
    }

    /// KeyError(key).
    pub fn key_error(&mut self, key: Value) -> Raised {
        let e = self.new_exception_args(TP_KEY_ERROR, vec![key]);
        self.raise(e)
    }

    /// Raise `exc`, chaining the exception being handled as its `__context__`.
    pub fn raise(&mut self, exc: Value) -> Raised {
        if let Some(h) = self.handling.last().copied() {
            if !h.is(&exc) {
                if let ObjData::Exception(ed) = &exc.obj().data {
                    let mut ed = ed.borrow_mut();
                    if ed.context.is_nil() {
                        ed.context = h;
                    }
                }
            }
        }
        self.exc = Some(exc);
        Raised
    }

    /// The pending exception is an instance of `ty`.
    pub fn exc_is(&self, ty: TypeId) -> bool {
        match self.exc {
            Some(e) => self.isinstance(&e, ty),
            None => false,
        }
    }

    /// Take the pending exception (clearing it).
    pub fn take_exc(&mut self) -> Value {
        self.exc.take().unwrap_or(Value::NONE)
    }

    /// The `args` tuple of an exception.
    pub fn exc_args(&self, e: &Value) -> Vec<Value> {
        match &e.obj().data {
            ObjData::Exception(ed) => ed.borrow().args.tuple().map(|t| t.to_vec()).unwrap_or_default(),
            _ => vec![],
        }
    }

    /// `str(exc)` following BaseException.__str__ (KeyError shows the repr).
    pub fn exc_message(&mut self, e: &Value) -> String {
        let args = self.exc_args(e);
        // Guarded: `e.args = (e,)` makes str(e) refer to itself.
        let r = match self.enter_recursion() {
            Ok(()) => {
                let r = self.exc_message_of(e, args);
                self.leave_recursion();
                r
            }
            Err(err) => Err(err),
        };
        match r {
            Ok(s) => s,
            Err(_) => {
                self.exc = None;
                "<exception str() failed>".to_string()
            }
        }
    }

    fn exc_message_of(&mut self, e: &Value, args: Vec<Value>) -> PyResult<String> {
        match args.len() {
            0 => Ok(String::new()),
            1 => {
                if self.isinstance(e, TP_KEY_ERROR) {
                    self.repr(&args[0])
                } else {
                    self.str_of(&args[0])
                }
            }
            _ => {
                let t = self.new_tuple(args);
                self.repr(&t)
            }
        }
    }

    /// `Type: message` for one exception (user `__str__` honoured).
    pub fn exc_line(&mut self, e: &Value) -> String {
        let tname = {
            let t = &self.types[e.ty() as usize];
            if t.is_builtin || t.module.as_str() == "__main__" || t.module.as_str() == "builtins" {
                t.name.as_str().to_string()
            } else {
                format!("{}.{}", t.module, t.qualname)
            }
        };
        let msg = if self.types[e.ty() as usize].is_builtin {
            self.exc_message(e)
        } else {
            match self.str_of(e) {
                Ok(s) => s,
                Err(_) => {
                    self.exc = None;
                    "<exception str() failed>".to_string()
                }
            }
        };
        if msg.is_empty() {
            tname
        } else {
            format!("{}: {}", tname, msg)
        }
    }

    /// The full report CPython prints for an uncaught exception, with the
    /// chain of causes and contexts.
    pub fn format_exception(&mut self, e: &Value) -> String {
        let mut chain = vec![*e];
        let mut links = vec![];
        let mut cur = *e;
        for _ in 0..32 {
            let (cause, context, suppress) = match &cur.obj().data {
                ObjData::Exception(ed) => {
                    let ed = ed.borrow();
                    (ed.cause, ed.context, ed.suppress_context)
                }
                _ => break,
            };
            if !cause.is_nil() && !cause.is_none() {
                links.push("\nThe above exception was the direct cause of the following exception:\n\n");
                chain.push(cause);
                cur = cause;
            } else if !context.is_nil() && !context.is_none() && !suppress {
                links.push("\nDuring handling of the above exception, another exception occurred:\n\n");
                chain.push(context);
                cur = context;
            } else {
                break;
            }
            if chain[..chain.len() - 1].iter().any(|x| x.is(&cur)) {
                chain.pop();
                links.pop();
                break;
            }
        }
        let mut out = String::new();
        for i in (0..chain.len()).rev() {
            let ex = chain[i];
            let tb = match &ex.obj().data {
                ObjData::Exception(ed) => ed.borrow().traceback.clone(),
                _ => vec![],
            };
            if !tb.is_empty() {
                out.push_str(&format_traceback(&tb));
            }
            // Syntax errors end with CPython's caret block instead.
            match self.attrs_get(&ex, Name::new("_formatted")).filter(|f| f.as_str().is_some()) {
                Some(f) => out.push_str(f.as_str().unwrap_or_default()),
                None => out.push_str(&self.exc_line(&ex)),
            }
            out.push('\n');
            if i > 0 {
                out.push_str(links[i - 1]);
            }
        }
        out
    }

    /// The type id of an exception class by name (for the C API and pickling).
    pub fn exception_type_by_name(&self, name: &str) -> Option<TypeId> {
        let n = Name::new(name);
        self.types.iter().position(|t| t.name == n && t.is_builtin).map(|i| i as TypeId)
    }
}
