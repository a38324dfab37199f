# dict item get/set with str and int keys, and the cases that must still
# consult Python or equal numbers of other types.
d = {}
for i in range(-5, 40):
    d[i] = i * 2
    d["k%d" % i] = -i
assert len(d) == 90
assert d[-1] == -2 and d[-2] == -4          # hash(-1) == hash(-2)
assert d[3] == 6 and d["k3"] == -3
assert d[3.0] == 6 and d[True] == 2         # equal numbers find the int key
d[1.0] = "one"
assert d[1] == "one" and list(d.keys()).count(1) == 1
M = (1 << 61) - 1
big = {M - 1: "a", M: "b", M + 1: "c", -M: "d", 2**63 - 1: "e", -2**63: "f"}
assert big[M - 1] == "a" and big[M] == "b" and big[M + 1] == "c"
assert big[-M] == "d" and big[2**63 - 1] == "e" and big[-2**63] == "f"
assert hash(M) == 0 and hash(M + 1) == 1 and hash(-1) == -2
assert {0: "z", M: "m"}[0] == "z"
try:
    d["missing"]
    assert False
except KeyError as e:
    assert e.args == ("missing",)
try:
    d[1000]
    assert False
except KeyError as e:
    assert e.args == (1000,)

class Key:
    """Hashes like a str and says it equals it."""
    def __init__(self, s):
        self.s = s
        self.calls = 0
    def __hash__(self):
        return hash(self.s)
    def __eq__(self, other):
        self.calls += 1
        return other == self.s or (isinstance(other, Key) and other.s == self.s)

k = Key("name")
e = {k: 1}
assert e["name"] == 1 and k.calls == 1      # Python's __eq__ decides
e["name"] = 2
assert len(e) == 1 and e[k] == 2
s = {"name": 5}
assert s[k] == 5

class D(dict):
    def __missing__(self, key):
        return "default:" + str(key)

dd = D(a=1)
assert dd["a"] == 1 and dd["b"] == "default:b" and dd[7] == "default:7"

class Tracking(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)

t = Tracking()
t["x"] = 1
t[2] = 3
assert t == {"x": 10, 2: 30}

# Grow past the small-table size with str and int keys mixed.
g = {}
for i in range(200):
    g[str(i)] = i
    g[i] = str(i)
for i in range(200):
    assert g[str(i)] == i and g[i] == str(i)
del g["5"], g[5]
assert "5" not in g and 5 not in g and len(g) == 398
g["5"] = 55
assert g["5"] == 55
print("ok")

# Identifier-like str constants are one object (CPython interns them).
def make_key():
    return "shared_key"
def other_key():
    return "shared_key"
assert make_key() is other_key()
assert {make_key(): 1}[other_key()] == 1

# dict displays and dict_set's direct path: numeric keys of several types,
# repeated keys, and str subclasses with their own __eq__.
d = {1.0: 'x', 1: 'y'}
assert d == {1.0: 'y'} and len(d) == 1 and type(list(d)[0]) is float
d = {True: 'a', 1: 'b', 1.0: 'c'}
assert d == {True: 'c'} and len(d) == 1
d = {"a": 1, "a": 2, 2: 3, 2: 4}
assert d == {"a": 2, 2: 4}
class S(str):
    def __hash__(self): return hash(str(self))
    def __eq__(self, o): return str(self) == o
d = {S("k"): 1, "k": 2}
assert len(d) == 1 and d["k"] == 2
d = {(1, 2): 'a', 2**70: 'b', -1: 'c', -2: 'd'}
assert d[(1, 2)] == 'a' and d[2**70] == 'b' and d[-1] == 'c' and d[-2] == 'd'
print("ok")
