# Class calls: __init__ run as a frame of the calling loop, its checks,
# and the one-argument str/int/float conversions.
class A:
    def __init__(self, x):
        self.x = x
a = A(5)
assert a.x == 5 and type(a) is A

class B:
    def __init__(self):
        return 3
try:
    B()
    assert False
except TypeError as e:
    assert "should return None, not 'int'" in str(e), str(e)

class G:
    def __init__(self):
        yield 1
try:
    G()
    assert False
except TypeError as e:
    assert "not 'generator'" in str(e), str(e)

class R:
    def __init__(self, n):
        if n == 0:
            raise ValueError("zero")
        self.child = R(n - 1) if n > 1 else None
r = R(50)
depth = 0
while r is not None:
    depth += 1
    r = r.child
assert depth == 50
try:
    R(0)
except ValueError as e:
    assert str(e) == "zero"

class N:
    def __new__(cls, *a):
        o = object.__new__(cls)
        o.made = True
        return o
    def __init__(self, v):
        self.v = v
n = N(2)
assert n.made and n.v == 2

class Meta(type):
    def __call__(cls, *a, **k):
        return ("meta", a)
class M(metaclass=Meta):
    def __init__(self, z):
        self.z = z
assert M(1) == ("meta", (1,))

class L(list):
    def __init__(self, *a):
        super().__init__(a)
        self.extra = 1
l = L(1, 2)
assert l == [1, 2] and l.extra == 1

class K:
    def __init__(self, a, *, b=2, **kw):
        self.t = (a, b, kw)
assert K(1, b=3, c=4).t == (1, 3, {'c': 4})
assert K(a=9).t == (9, 2, {})

class Base:
    def __init__(self):
        self.order = ["base"]
class Sub(Base):
    def __init__(self):
        super().__init__()
        self.order.append("sub")
assert Sub().order == ["base", "sub"]

class Late:
    pass
Late.__init__ = lambda self, q: setattr(self, "q", q)
assert Late(4).q == 4

class Bad:
    def __init__(self):
        return None
assert isinstance(Bad(), Bad)
objs = [A(i) for i in range(1000)]
assert sum(o.x for o in objs) == 499500
assert str(12) == "12" and str(-3.5) == "-3.5" and int(7) == 7 and float(2.5) == 2.5
class S(str):
    pass
class W:
    def __str__(self):
        return S("sub")
w = str(W())
assert type(w) is S and type(str(S("x"))) is str
assert w == "sub"
try:
    str(object.__new__(type("Q", (), {"__str__": lambda s: 5})))
    assert False
except TypeError as e:
    assert "non-string" in str(e)
for v in (0, 7, -7, 10, -10, 2**62, -2**63, 2**63 - 1, 2**63, -2**63 - 1, True):
    assert str(v) == repr(v) or v is True, v
assert str(True) == "True" and "x" + "y" + str(-0) == "xy0"
print("ok")
