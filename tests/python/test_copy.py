import copy

# atoms and immutables come back as themselves
for v in [None, 1, 2.5, True, "s", b"b", (1, 2), frozenset({1}), len, int, range(3)]:
    assert copy.copy(v) is v
for v in [None, 1, 2.5, True, "s", b"b", (1, 2), len, int, range(3)]:
    assert copy.deepcopy(v) is v

# shallow copies of containers
l = [1, [2, 3]]
c = copy.copy(l)
assert c == l and c is not l and c[1] is l[1]
d = {"a": [1]}
c = copy.copy(d)
assert c == d and c is not d and c["a"] is d["a"]
s = {1, 2}
c = copy.copy(s)
assert c == s and c is not s
ba = bytearray(b"xy")
c = copy.copy(ba)
assert c == ba and c is not ba

# deep copies
l = [1, [2, [3, {"k": [4]}]]]
c = copy.deepcopy(l)
assert c == l
assert c[1] is not l[1] and c[1][1] is not l[1][1] and c[1][1][1]["k"] is not l[1][1][1]["k"]
t = (1, [2])
c = copy.deepcopy(t)
assert c == t and c is not t and c[1] is not t[1]
t2 = (1, (2, "x"))
assert copy.deepcopy(t2) is t2
fs = frozenset([(1, 2)])
assert copy.deepcopy(fs) == fs

# shared references stay shared, cycles are reproduced
shared = [0]
x = [shared, shared]
c = copy.deepcopy(x)
assert c[0] is c[1] and c[0] is not shared
cyc = [1]
cyc.append(cyc)
c = copy.deepcopy(cyc)
assert c is not cyc and c[1] is c and c[0] == 1
dc = {}
dc["self"] = dc
c = copy.deepcopy(dc)
assert c["self"] is c and c is not dc

memo = {}
a = [1]
r = copy.deepcopy([a, a], memo)
assert memo[id(a)] is r[0]


# user classes
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


p = Point(1, [2])
q = copy.copy(p)
assert q == p and q is not p and q.y is p.y and type(q) is Point
r = copy.deepcopy(p)
assert r == p and r.y is not p.y


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


n1 = Node(1)
n2 = Node(2)
n1.next = n2
n2.next = n1
m1 = copy.deepcopy(n1)
assert m1 is not n1 and m1.next is not n2 and m1.next.next is m1 and m1.next.v == 2


class Slotted:
    __slots__ = ("a", "b")


s1 = Slotted()
s1.a = [1]
s2 = copy.copy(s1)
assert s2.a is s1.a and not hasattr(s2, "b")
s3 = copy.deepcopy(s1)
assert s3.a == [1] and s3.a is not s1.a


class Hooked:
    def __init__(self, v):
        self.v = v
        self.log = []

    def __copy__(self):
        h = Hooked(self.v)
        h.log = ["copied"]
        return h

    def __deepcopy__(self, memo):
        h = Hooked(copy.deepcopy(self.v, memo))
        h.log = ["deep", len(memo) >= 0]
        return h


h = Hooked([1])
assert copy.copy(h).log == ["copied"]
hd = copy.deepcopy(h)
assert hd.log == ["deep", True] and hd.v == [1] and hd.v is not h.v


class WithState:
    def __init__(self):
        self.a = 1
        self.cache = "big"

    def __getstate__(self):
        st = dict(self.__dict__)
        del st["cache"]
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = "rebuilt"


w = copy.deepcopy(WithState())
assert w.a == 1 and w.cache == "rebuilt"
w = copy.copy(WithState())
assert w.a == 1 and w.cache == "rebuilt"


class Reduced:
    def __init__(self, a, b=0):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a,), {"b": self.b})


rr = copy.deepcopy(Reduced([5], 7))
assert rr.a == [5] and rr.b == 7


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
c = copy.copy(ml)
assert type(c) is MyList and c == [1, [2]] and c[1] is ml[1] and c.tag == "t"
c = copy.deepcopy(ml)
assert type(c) is MyList and c == [1, [2]] and c[1] is not ml[1] and c.tag == "t"


class MyDict(dict):
    pass


md = MyDict(a=[1])
c = copy.deepcopy(md)
assert type(c) is MyDict and c == {"a": [1]} and c["a"] is not md["a"]

# library types
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

NT = namedtuple("NT", "x y")


class Tup(tuple):
    pass


class Name(str):
    pass


for orig in [deque([1, [2]], maxlen=5), defaultdict(list, a=[1]), OrderedDict(a=[1], b=2),
             Counter("aab"), NT(1, [2]), Tup([1, [2]]), Name("abc")]:
    c = copy.copy(orig)
    d = copy.deepcopy(orig)
    assert type(c) is type(orig) and type(d) is type(orig), orig
    assert c == orig and d == orig, orig
    assert repr(d) == repr(orig), (repr(d), repr(orig))
nt = NT(1, [2])
assert copy.deepcopy(nt).y is not nt.y and copy.copy(nt).y is nt.y
dd = copy.deepcopy(defaultdict(list, a=[1]))
dd["new"].append(1)
assert dd.default_factory is list and dict(dd) == {"a": [1], "new": [1]}
dq = copy.deepcopy(deque([1], maxlen=3))
assert dq.maxlen == 3

# classes and functions are atomic
def fn():
    pass


assert copy.copy(fn) is fn and copy.deepcopy(fn) is fn
assert copy.deepcopy(Point) is Point
assert copy.deepcopy([Point])[0] is Point

e = copy.deepcopy(ValueError("bad", 2))
assert type(e) is ValueError and e.args == ("bad", 2)

assert issubclass(copy.Error, Exception)
assert copy.error is copy.Error

print("ok")
