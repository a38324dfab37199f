# Imports: packages, submodules, relative imports, module caching,
# ImportError / ModuleNotFoundError. Uses the static package pkg_sample/
# next to this file (the script's directory is on sys.path).
import sys

import pkg_sample
assert pkg_sample.__name__ == 'pkg_sample'
assert pkg_sample.PKG_NAME == 'pkg_sample'
assert pkg_sample.pkg_func() == 'pkg_func'
assert pkg_sample.init_count == 1
assert 'pkg_sample' in sys.modules
assert sys.modules['pkg_sample'] is pkg_sample
assert type(pkg_sample).__name__ == 'module'
assert hasattr(pkg_sample, '__path__'), "packages have __path__"

from pkg_sample import mod_a
assert mod_a.__name__ == 'pkg_sample.mod_a'
assert mod_a.MOD_NAME == 'pkg_sample.mod_a'
assert mod_a.value_a == 'A'
assert mod_a.greet('x') == 'hello x'
assert mod_a.Thing(3).v == 3
assert mod_a.Thing.__module__ == 'pkg_sample.mod_a'
assert mod_a.greet.__module__ == 'pkg_sample.mod_a'
assert pkg_sample.mod_a is mod_a, "submodule bound as attribute of parent package"
assert sys.modules['pkg_sample.mod_a'] is mod_a

import pkg_sample.sub.mod_b as mb
assert mb.__name__ == 'pkg_sample.sub.mod_b'
assert mb.MOD_NAME == 'pkg_sample.sub.mod_b'
assert mb.PACKAGE == 'pkg_sample.sub'
assert mb.value == 'C-value', "from .mod_c import value"
assert mb.mod_a is mod_a, "from .. import mod_a gives the cached module"
assert mb.use_a() == 'AC-value'
assert mb.call_greet() == 'hello b'
assert mb.mc.__name__ == 'pkg_sample.sub.mod_c'

from pkg_sample.sub import mod_b
assert mod_b is mb, "same module object on second import"
assert sys.modules['pkg_sample.sub.mod_b'] is mb
assert 'pkg_sample.sub' in sys.modules and 'pkg_sample.sub.mod_c' in sys.modules
assert pkg_sample.sub.mod_b is mb
assert pkg_sample.sub.SUB_NAME == 'pkg_sample.sub'
assert pkg_sample.sub.mod_c.value == 'C-value'

# import binds the top-level package name
import pkg_sample.sub
assert pkg_sample.sub.__name__ == 'pkg_sample.sub'

# module caching: re-import returns the same object and doesn't re-execute
import pkg_sample as again
assert again is pkg_sample
assert again.init_count == 1, "module body executed only once"
mod_a.load_count += 1
from pkg_sample import mod_a as mod_a2
assert mod_a2 is mod_a and mod_a2.load_count == 2

# from-import of names
from pkg_sample.mod_a import greet, value_a as va
assert greet('y') == 'hello y' and va == 'A'
from pkg_sample.sub.mod_c import value
assert value == 'C-value'


# import inside a function binds a local name
def local_import():
    import pkg_sample.mod_a as m
    from pkg_sample.sub import mod_c
    return m.value_a + mod_c.value


assert local_import() == 'AC-value'
assert 'm' not in globals()

# missing module
try:
    import definitely_missing_module_xyz
    assert False
except ModuleNotFoundError as ex:
    assert ex.name == 'definitely_missing_module_xyz'
    assert str(ex) == "No module named 'definitely_missing_module_xyz'"
try:
    import definitely_missing_module_xyz
    assert False
except ImportError as ex:
    assert isinstance(ex, ModuleNotFoundError)
try:
    import pkg_sample.no_such_submodule
    assert False
except ModuleNotFoundError as ex:
    assert str(ex) == "No module named 'pkg_sample.no_such_submodule'", str(ex)
try:
    from pkg_sample import no_such_name
    assert False
except ImportError as ex:
    assert not isinstance(ex, ModuleNotFoundError)
    assert str(ex).startswith("cannot import name 'no_such_name' from 'pkg_sample'"), str(ex)
try:
    from pkg_sample.mod_a import missing_name
    assert False
except ImportError:
    pass
assert 'definitely_missing_module_xyz' not in sys.modules

# module attributes and the standard library
import math
import math as m2
assert m2 is math and math.__name__ == 'math'
from math import sqrt, pi as PI
assert sqrt(16) == 4.0 and PI == math.pi
assert sys.modules['math'] is math
assert __name__ == '__main__'
assert sys.modules['__main__'].__name__ == '__main__'

# dir() of module includes its names
names = dir(mod_a)
assert 'greet' in names and 'value_a' in names and 'Thing' in names

# module attribute assignment visible through all references
mod_a.dynamic = 'dyn'
assert mb.mod_a.dynamic == 'dyn'
try:
    mod_a.not_there
    assert False
except AttributeError as ex:
    assert str(ex) == "module 'pkg_sample.mod_a' has no attribute 'not_there'", str(ex)

print("ok")
