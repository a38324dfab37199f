# pkg_sample.mod_a
MOD_NAME = __name__
value_a = 'A'
load_count = 1


def greet(name):
    return 'hello ' + name


class Thing:
    def __init__(self, v):
        self.v = v
