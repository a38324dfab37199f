# Garbage collection smoke test: create many reference cycles, then
# collect. Only checks that this runs and gc.collect() returns an int.
import gc

N = 200_000


class Node:
    def __init__(self):
        self.other = None


def make_closure():
    def f():
        return f  # closure cell references the function itself
    return f


for i in range(N):
    # list containing itself
    l = []
    l.append(l)
    # two objects referencing each other
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    # self-referencing closure (every 10th iteration to keep it fast)
    if i % 10 == 0:
        f = make_closure()
        assert f() is f
    # dict cycle
    if i % 10 == 5:
        d = {}
        d['self'] = d

assert a.other is b and b.other is a
assert l[0] is l

del l, a, b, f, d
n = gc.collect()
assert isinstance(n, int) and n >= 0
assert isinstance(gc.collect(), int)
gc.enable()
assert gc.isenabled() is True

# objects stay alive while referenced
keep = []
for i in range(1000):
    x = Node()
    x.other = x
    keep.append(x)
gc.collect()
assert len(keep) == 1000 and all(k.other is k for k in keep)


# __del__ on cycle members is allowed to run (no assertion about when)
class WithDel:
    def __init__(self):
        self.me = self

    def __del__(self):
        pass


for i in range(1000):
    WithDel()
gc.collect()

# Constants of many code objects: each code's str/bytes/tuple constants are
# one object per VM (as in CPython), also after thousands of other codes.
def first():
    return ("first", b"v", (1, "x"))
assert first() is first() and first()[2] is first()[2]
for i in range(5000):
    ns = {}
    exec("def f():\n    return ('k%d', b'v', (1, 'x'))" % i, ns)
    assert ns["f"]() == ("k%d" % i, b"v", (1, "x"))
    if i % 1000 == 0:
        gc.collect()
assert first() == ("first", b"v", (1, "x"))
print("ok")
