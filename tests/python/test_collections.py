import collections
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap

# ---------------------------------------------------------------- deque
d = deque([1, 2, 3])
assert repr(d) == "deque([1, 2, 3])" and len(d) == 3
d.append(4)
d.appendleft(0)
assert list(d) == [0, 1, 2, 3, 4]
assert d[0] == 0 and d[-1] == 4 and d[2] == 2
assert d.pop() == 4 and d.popleft() == 0
assert list(d) == [1, 2, 3]
d.extend([4, 5])
d.extendleft([0, -1])
assert list(d) == [-1, 0, 1, 2, 3, 4, 5]
d.rotate(2)
assert list(d) == [4, 5, -1, 0, 1, 2, 3]
d.rotate(-3)
assert list(d) == [0, 1, 2, 3, 4, 5, -1]
d.rotate(0)
d.rotate(15)  # 15 % 7 == 1
assert list(d) == [-1, 0, 1, 2, 3, 4, 5]
d[0] = 100
assert d[0] == 100
del d[0]
assert list(d) == [0, 1, 2, 3, 4, 5]
assert 3 in d and 9 not in d
assert d.index(3) == 3 and d.count(3) == 1
d.insert(1, 0.5)
d.remove(0.5)
d.reverse()
assert list(d) == [5, 4, 3, 2, 1, 0]
assert list(reversed(d)) == [0, 1, 2, 3, 4, 5]
assert d == deque([5, 4, 3, 2, 1, 0]) and d != deque([1])
assert deque([1, 2]) < deque([1, 3]) and deque([2]) >= deque([1, 9])
assert d != [5, 4, 3, 2, 1, 0]
d2 = d.copy()
d2.clear()
assert len(d2) == 0 and not d2 and len(d) == 6
assert deque("ab") + deque("c") == deque("abc")
assert deque([1]) * 3 == deque([1, 1, 1])
e = deque([1, 2])
e += [3]
assert e == deque([1, 2, 3])
for exc_call, exc_type, msg in [
    (lambda: deque().pop(), IndexError, "pop from an empty deque"),
    (lambda: deque().popleft(), IndexError, "pop from an empty deque"),
    (lambda: deque([1])[5], IndexError, "deque index out of range"),
    (lambda: deque([1]).remove(7), ValueError, None),
    (lambda: deque([1]).index(7), ValueError, "7 is not in deque"),
    (lambda: deque([1], maxlen=-1), ValueError, "maxlen must be non-negative"),
    (lambda: deque([1], maxlen=1).insert(0, 2), IndexError, "deque already at its maximum size"),
    (lambda: deque([1])[0:1], TypeError, None),
    (lambda: hash(deque()), TypeError, None),
    (lambda: deque() + [1], TypeError, None),
]:
    try:
        exc_call()
        assert False, msg
    except exc_type as ex:
        if msg is not None:
            assert str(ex) == msg, (str(ex), msg)

# maxlen
m = deque(maxlen=3)
for i in range(5):
    m.append(i)
assert list(m) == [2, 3, 4] and m.maxlen == 3
m.appendleft(9)
assert list(m) == [9, 2, 3]
m.extend([7, 8])
assert list(m) == [3, 7, 8]
m.extendleft([1, 2])
assert list(m) == [2, 1, 3]
assert repr(m) == "deque([2, 1, 3], maxlen=3)"
assert deque(range(10), 2) == deque([8, 9])
z = deque(maxlen=0)
z.append(1)
assert len(z) == 0
assert deque().maxlen is None

# many operations at both ends stay consistent with a list model
import random
rng = random.Random(3)
model = []
dq = deque()
for step in range(3000):
    op = rng.randrange(6)
    if op == 0:
        dq.append(step)
        model.append(step)
    elif op == 1:
        dq.appendleft(step)
        model.insert(0, step)
    elif op == 2 and model:
        assert dq.pop() == model.pop()
    elif op == 3 and model:
        assert dq.popleft() == model.pop(0)
    elif op == 4 and model:
        k = rng.randrange(-5, 5)
        dq.rotate(k)
        k %= len(model)
        if k:
            model = model[-k:] + model[:-k]
    elif op == 5 and model:
        i = rng.randrange(len(model))
        assert dq[i] == model[i] and dq[-1 - i] == model[-1 - i]
    assert len(dq) == len(model)
assert list(dq) == model

# mutation during iteration
dm = deque([1, 2, 3])
try:
    for x in dm:
        dm.append(x)
    assert False
except RuntimeError as ex:
    assert str(ex) == "deque mutated during iteration"

r = deque([1])
r.append(r)
assert repr(r) == "deque([1, [...]])"

# ---------------------------------------------------------------- defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"]
assert dd == {"a": [1, 2], "b": []}
assert isinstance(dd, dict) and dd.default_factory is list
assert repr(dd) == "defaultdict(<class 'list'>, {'a': [1, 2], 'b': []})"
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
assert counts == {"h": 1, "e": 1, "l": 2, "o": 1}
assert "z" not in counts and counts.get("z") is None and "z" not in counts
n = defaultdict()
assert n.default_factory is None and repr(n) == "defaultdict(None, {})"
try:
    n["missing"]
    assert False
except KeyError as ex:
    assert ex.args == ("missing",)
dd2 = defaultdict(lambda: "dflt", {"x": 1}, y=2)
assert dd2["x"] == 1 and dd2["y"] == 2 and dd2["q"] == "dflt"
c = dd2.copy()
assert type(c) is defaultdict and c.default_factory is dd2.default_factory and c == dd2
try:
    defaultdict(5)
    assert False
except TypeError as ex:
    assert str(ex) == "first argument must be callable or None"
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
assert t["a"]["b"]["c"] == 1
merged = defaultdict(int, a=1) | {"b": 2}
assert type(merged) is defaultdict and merged == {"a": 1, "b": 2}
dd.default_factory = set
dd["s"].add(1)
assert dd["s"] == {1}

# ---------------------------------------------------------------- Counter
c = Counter("abracadabra")
assert c["a"] == 5 and c["b"] == 2 and c["z"] == 0 and "z" not in c
assert c.most_common(3) == [("a", 5), ("b", 2), ("r", 2)]
assert c.most_common(0) == [] and len(c.most_common()) == 5
assert repr(c) == "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})"
assert repr(Counter()) == "Counter()"
assert c.total() == 11
assert sorted(c.elements()) == sorted("abracadabra")
assert list(Counter(a=2, b=0, c=-1, d=1).elements()) == ["a", "a", "d"]
c2 = Counter(a=1, b=2)
c2.update("aab")
c2.update({"b": 10})
c2.update(c=5)
assert c2 == Counter(a=3, b=13, c=5)
c2.subtract(a=5, b=1)
assert c2["a"] == -2 and c2["b"] == 12
c2.subtract(["c", "c"])
assert c2["c"] == 3
x, y = Counter(a=3, b=1), Counter(a=1, b=2, c=1)
assert x + y == Counter(a=4, b=3, c=1)
assert x - y == Counter(a=2)
assert x | y == Counter(a=3, b=2, c=1)
assert x & y == Counter(a=1, b=1)
assert +Counter(a=1, b=-2, c=0) == Counter(a=1)
assert -Counter(a=1, b=-2) == Counter(b=2)
assert Counter(a=1) == Counter(a=1, b=0)
assert Counter(a=1) <= Counter(a=2) and Counter(a=1) < Counter(a=2)
assert not Counter(a=3) <= Counter(a=2)
assert Counter(a=2) >= Counter(a=1, b=0) and Counter(a=2) > Counter(a=1)
i = Counter(a=2, b=1)
i -= Counter(a=1, b=5)
assert i == Counter(a=1) and "b" not in i
i += Counter(c=2)
assert dict(i) == {"a": 1, "c": 2}
i |= Counter(a=4)
assert i["a"] == 4
i &= Counter(a=2, c=9)
assert dict(i) == {"a": 2, "c": 2}
del i["nope"]  # missing keys are ignored
del i["a"]
assert dict(i) == {"c": 2}
assert isinstance(c, dict) and type(c.copy()) is Counter
assert Counter({"x": 2}) == {"x": 2}
words = "the cat and the hat and the bat".split()
assert Counter(words).most_common(2) == [("the", 3), ("and", 2)]
try:
    Counter.fromkeys("ab")
    assert False
except NotImplementedError:
    pass

# ---------------------------------------------------------------- OrderedDict
o = OrderedDict()
o["b"] = 1
o["a"] = 2
o["c"] = 3
assert list(o) == ["b", "a", "c"]
o.move_to_end("b")
assert list(o) == ["a", "c", "b"]
o.move_to_end("b", last=False)
assert list(o) == ["b", "a", "c"]
assert o.popitem() == ("c", 3)
assert o.popitem(last=False) == ("b", 1)
assert list(o.items()) == [("a", 2)]
assert repr(OrderedDict()) == "OrderedDict()"
assert repr(OrderedDict([("x", 1), ("y", 2)])) == "OrderedDict([('x', 1), ('y', 2)])"
try:
    OrderedDict().popitem()
    assert False
except KeyError as ex:
    assert ex.args == ("dictionary is empty",)
try:
    o.move_to_end("zz")
    assert False
except KeyError:
    pass
p, q = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
assert p != q and dict(p) == dict(q)
assert p == {"b": 2, "a": 1}  # against a plain dict order does not matter
assert OrderedDict.fromkeys("ab", 0) == OrderedDict([("a", 0), ("b", 0)])
assert list(reversed(OrderedDict(a=1, b=2))) == ["b", "a"]
assert isinstance(p, dict) and type(p.copy()) is OrderedDict

# ---------------------------------------------------------------- namedtuple
Point = namedtuple("Point", ["x", "y"])
pt = Point(1, 2)
assert pt.x == 1 and pt.y == 2 and pt[0] == 1 and pt[-1] == 2
assert pt == (1, 2) and isinstance(pt, tuple) and len(pt) == 2
a, b = pt
assert (a, b) == (1, 2)
assert repr(pt) == "Point(x=1, y=2)"
assert Point(y=5, x=4) == (4, 5)
assert Point._fields == ("x", "y")
assert pt._asdict() == {"x": 1, "y": 2}
assert pt._replace(y=9) == Point(1, 9)
assert Point._make([7, 8]) == Point(7, 8)
assert hash(pt) == hash((1, 2))
assert pt[:1] == (1,)
assert Point.__name__ == "Point"
assert Point.__module__ == __name__
try:
    pt.x = 5
    assert False
except AttributeError:
    pass
try:
    Point(1)
    assert False
except TypeError:
    pass
try:
    Point._make([1])
    assert False
except TypeError as ex:
    assert str(ex) == "Expected 2 arguments, got 1"
try:
    pt._replace(z=1)
    assert False
except ValueError as ex:
    assert str(ex) == "Got unexpected field names: ['z']"
P3 = namedtuple("P3", "a, b c", defaults=[0, 1])
assert P3(5) == (5, 0, 1) and P3(5, c=3) == (5, 0, 3)
assert P3._field_defaults == {"b": 0, "c": 1}
assert namedtuple("Single", "v")(3) == (3,)
R = namedtuple("R", ["abc", "def", "ghi", "_1", "abc"], rename=True)
assert R._fields == ("abc", "_1", "ghi", "_3", "_4")
for bad, msg in [("1x", "Type names and field names must be valid identifiers: '1x'"),
                 ("class", "Type names and field names cannot be a keyword: 'class'"),
                 ("_x", "Field names cannot start with an underscore: '_x'"),
                 ("x x", "Encountered duplicate field name: 'x'")]:
    try:
        namedtuple("T", bad)
        assert False
    except ValueError as ex:
        assert str(ex) == msg, str(ex)


class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __repr__(self):
        return "P3<%d,%d,%d>" % self


p3 = Point3(1, -2, 3)
assert p3.norm1 == 6 and repr(p3) == "P3<1,-2,3>" and p3._replace(x=0) == (0, -2, 3)
assert type(p3._replace(x=0)) is Point3
assert sorted([Point(2, 1), Point(1, 5)]) == [(1, 5), (2, 1)]
assert max(Point(2, 1), Point(1, 5)).x == 2
assert {Point(1, 2): "v"}[(1, 2)] == "v"

import pickle
for orig in [deque([1, 2], maxlen=4), defaultdict(list, a=[1]), OrderedDict(a=1, b=2),
             Counter("aab"), Point(1, 2), P3(1, 2, 3)]:
    back = pickle.loads(pickle.dumps(orig))
    assert type(back) is type(orig) and back == orig and repr(back) == repr(orig), orig
assert pickle.loads(pickle.dumps(deque([1], maxlen=4))).maxlen == 4

# ---------------------------------------------------------------- ChainMap
base = {"a": 1, "b": 2}
over = {"b": 20}
cm = ChainMap(over, base)
assert cm["a"] == 1 and cm["b"] == 20 and len(cm) == 2
assert sorted(cm) == ["a", "b"] and "a" in cm and "z" not in cm
cm["c"] = 3
assert over == {"b": 20, "c": 3} and base == {"a": 1, "b": 2}
child = cm.new_child()
child["a"] = 100
assert child["a"] == 100 and cm["a"] == 1
assert child.parents.maps == cm.maps
assert cm.get("zz", 0) == 0
try:
    cm["zz"]
    assert False
except KeyError:
    pass

print("ok")
