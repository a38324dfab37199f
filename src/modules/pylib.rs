//! Standard-library modules written in Python (`src/modules/py/*.py`).
//!
//! The sources are embedded in the binary with `include_str!` and registered
//! in `Vm::embedded_sources` at VM start, which costs one map insert per
//! module (names are `&'static str`, nothing is allocated); each module is
//! compiled and run only when a script first imports it in that VM
//! (`Vm::import_one`).
//!
//! The modules are written for this interpreter from the documented
//! behaviour of CPython 3.11 (no CPython source is copied); each has an
//! assert-based script in `tests/python/` that also passes under `python3`.
//! Known differences: `re` does not exist, so `textwrap` and `string.Template`
//! scan text by hand (Template supports a custom `delimiter` but not
//! `idpattern`); `enum` cannot see a name defined twice in a class body
//! (the class namespace is a plain dict); `deque` and `heapq` are Python
//! code, roughly 10x slower than CPython's C versions in a dev build.

use crate::vm::Vm;

/// (module name, source) for every embedded Python module.
pub const SOURCES: &[(&str, &str)] = &[
    ("abc", include_str!("py/abc.py")),
    ("bisect", include_str!("py/bisect.py")),
    ("collections", include_str!("py/collections.py")),
    ("collections.abc", include_str!("py/collections_abc.py")),
    ("copy", include_str!("py/copy.py")),
    ("dataclasses", include_str!("py/dataclasses.py")),
    ("enum", include_str!("py/enum.py")),
    ("functools", include_str!("py/functools.py")),
    ("heapq", include_str!("py/heapq.py")),
    ("itertools", include_str!("py/itertools.py")),
    ("operator", include_str!("py/operator.py")),
    ("string", include_str!("py/string.py")),
    ("textwrap", include_str!("py/textwrap.py")),
    ("typing", include_str!("py/typing.py")),
];

pub fn register(vm: &mut Vm) {
    vm.embedded_sources.reserve(SOURCES.len());
    for &(name, src) in SOURCES {
        vm.embedded_sources.insert(name, src);
    }
}
