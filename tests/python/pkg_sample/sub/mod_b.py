# pkg_sample.sub.mod_b: uses relative imports
from .. import mod_a
from .mod_c import value
from . import mod_c as mc
from ..mod_a import greet as imported_greet

MOD_NAME = __name__
PACKAGE = __package__


def use_a():
    return mod_a.value_a + value


def call_greet():
    return imported_greet('b')
