# pkg_sample.sub
SUB_NAME = __name__
from . import mod_c
