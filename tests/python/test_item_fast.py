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
print("ok")
