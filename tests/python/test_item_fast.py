# Item access fast paths (list/tuple by small int, native calls) keep
# CPython's errors and defer to overrides.
l = [1, 2, 3]
assert l[0] == 1 and l[-1] == 3 and l[-3] == 1
try:
    l[3]
    assert False
except IndexError as e:
    assert str(e) == "list index out of range"
try:
    l[-4] = 0
    assert False
except IndexError as e:
    assert str(e) == "list assignment index out of range", str(e)
l[-1] = 9
assert l == [1, 2, 9]
t = (4, 5)
assert t[1] == 5 and t[-2] == 4
try:
    t[2]
except IndexError as e:
    assert str(e) == "tuple index out of range"
data = [3, 1, 2]
def key(x):
    data[0] = 7
    return x
try:
    data.sort(key=key)
    assert False
except IndexError:
    pass  # the list is empty while it is being sorted, as in CPython
class L(list):
    def __getitem__(self, i):
        return "sub"
assert L([1])[0] == "sub"
import math
assert math.sqrt(4.0) == 2.0 and abs(-2) == 2 and len([1, 2]) == 2
# Tuple keys compare item by item: small ints and strs on a fast path.
pairs = [(3, "b"), (1, "z"), (3, "a"), (2, "\u00e9"), (2, "e"), (2, "\U0001f600"), (1, "z"), (3, "")]
assert sorted(pairs) == [(1, "z"), (1, "z"), (2, "e"), (2, "\u00e9"), (2, "\U0001f600"), (3, ""), (3, "a"), (3, "b")]
assert sorted(pairs, reverse=True)[0] == (3, "b")
mixed = [(1, 2.5), (1, 2), (0, 10**30), (0, -10**30), (1, True)]
assert sorted(mixed) == [(0, -10**30), (0, 10**30), (1, True), (1, 2), (1, 2.5)]
assert sorted([(1, 2), (1,), (1, 2, 0)]) == [(1,), (1, 2), (1, 2, 0)]
try:
    sorted([(1, "a"), (1, 2)])
    assert False
except TypeError:
    pass
print("ok")
