# Constants loaded by functions (each function object keeps its copy of the
# code's constants) have the right values and CPython's sharing.
def make(k):
    def inner():
        return ("tag", k, "text", 2.5, 10**30, b"raw", None)
    return inner

a, b = make(1), make(2)
assert a() == ("tag", 1, "text", 2.5, 10**30, b"raw", None)
assert b()[1] == 2
# One code object: both closures see the very same constant objects.
assert a()[2] is b()[2] and a()[5] is b()[5]

def literal_tuple():
    return (1, "two", (3.0, "four"))
assert literal_tuple() is literal_tuple()
assert literal_tuple() == (1, "two", (3.0, "four"))

class C:
    label = "cls"
    def m(self):
        return "meth" + self.label
assert C().m() == "methcls"

def gen():
    yield "g1"
    yield "g2"
assert list(gen()) == ["g1", "g2"]
assert [s + "!" for s in ("x", "y")] == ["x!", "y!"]
assert {k: "v" for k in "ab"} == {"a": "v", "b": "v"}

def deep(n):
    if n == 0:
        return "bottom"
    return deep(n - 1)
assert deep(50) == "bottom"

import gc
fs = [make(i) for i in range(200)]
gc.collect()
assert all(f()[2] == "text" for f in fs)
print("ok")
