# Attribute loads and stores through per-instruction hints stay right when
# classes, instances and modules change under them.
import math

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def getx(o):
    return o.x

def setx(o, v):
    o.x = v

ps = [P(i, -i) for i in range(10)]
assert [getx(p) for p in ps] == list(range(10))
for p in ps:
    setx(p, p.x * 2)
assert [p.x for p in ps] == [2 * i for i in range(10)]

# Another insertion order: the hinted position holds another name.
class Q:
    pass
q = Q()
q.y = 1
q.x = 2
assert getx(q) == 2
setx(q, 5)
assert q.x == 5 and q.y == 1 and list(q.__dict__) == ["y", "x"]

# A property added to the class later takes over loads and stores.
log = []
def _get(self):
    log.append("get")
    return 99
def _set(self, v):
    log.append(("set", v))
p = ps[0]
P.x = property(_get, _set)
assert getx(p) == 99
setx(p, 7)
assert log == ["get", ("set", 7)]
del P.x
assert getx(p) == 0  # the instance value is visible again

# __setattr__ / __getattribute__ added later.
class R:
    def __init__(self):
        self.x = 1
r = R()
assert getx(r) == 1
setx(r, 2)
seen = []
def _setattr(self, k, v):
    seen.append(k)
    object.__setattr__(self, k, v * 10)
R.__setattr__ = _setattr
setx(r, 3)
assert seen == ["x"] and r.x == 30
R.__getattribute__ = lambda self, k: "hooked"
assert getx(r) == "hooked"

# Deleting attributes shifts positions.
class S:
    pass
s = S()
s.a = 1
s.x = 2
assert getx(s) == 2
del s.a
assert getx(s) == 2
del s.x
try:
    getx(s)
    assert False
except AttributeError:
    pass
s.x = 4
assert getx(s) == 4

# Slots: stores of names outside __slots__ still fail.
class T:
    __slots__ = ("x",)
t = T()
setx(t, 1)
assert getx(t) == 1
def sety(o):
    o.y = 1
try:
    sety(t)
    assert False
except AttributeError:
    pass

# Module attributes and functions through the same hints.
def root(v):
    return math.sqrt(v) + math.pi * 0
assert root(16.0) == 4.0
math_sqrt = math.sqrt
try:
    math.sqrt = lambda v: -1.0
    assert root(16.0) == -1.0
finally:
    math.sqrt = math_sqrt
assert root(9.0) == 3.0

# Methods stored on instances shadow class methods.
class U:
    def f(self):
        return "class"
def callf(o):
    return o.f()
u = U()
assert callf(u) == "class"
u.f = lambda: "instance"
assert callf(u) == "instance"
del u.f
assert callf(u) == "class"
print("ok")
