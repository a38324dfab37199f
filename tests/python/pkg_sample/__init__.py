# Sample package used by test_imports.py
PKG_NAME = __name__
init_count = 0
init_count += 1


def pkg_func():
    return 'pkg_func'
