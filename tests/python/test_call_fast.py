# Calls the eval loop sets up itself: positional arguments to Python
# functions and methods, with defaults, cells and closures; and the cases
# that take the general path.

def add(a, b):
    return a + b

def with_defaults(a, b=10, c=[1]):
    return (a, b, c)

assert add(1, 2) == 3
assert with_defaults(1) == (1, 10, [1])
assert with_defaults(1, 2) == (1, 2, [1])
assert with_defaults(1, 2, 3) == (1, 2, 3)
# The default object is shared between calls.
assert with_defaults(0)[2] is with_defaults(5)[2]

# Too few or too many arguments: the general path reports them.
try:
    add(1)
    assert False
except TypeError as e:
    assert "missing 1 required positional argument" in str(e), e
try:
    add(1, 2, 3)
    assert False
except TypeError as e:
    assert "takes 2 positional arguments but 3 were given" in str(e), e


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(1).moved(2).moved(-10, 4)
assert (p.x, p.y) == (-7, 4)
assert p.norm1() == 11
m = p.moved
assert m(1).x == -6


# An argument that is also a cell: the cell starts with the argument's value.
def make_counter(start, step=1):
    def inc():
        nonlocal start
        start += step
        return start
    return inc

c = make_counter(5)
assert [c(), c(), c()] == [6, 7, 8]
c2 = make_counter(0, 10)
assert [c2(), c2()] == [10, 20]


# Locals beyond the parameters start unbound in every call.
def maybe(flag):
    if flag:
        v = 1
    return v

assert maybe(True) == 1
try:
    maybe(False)
    assert False
except UnboundLocalError as e:
    assert "'v'" in str(e), e


# Deep recursion through the fast path still raises RecursionError, and
# the interpreter carries on afterwards.
def down(n):
    return down(n + 1)

try:
    down(0)
    assert False
except RecursionError:
    pass
assert add(2, 3) == 5


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

assert fib(20) == 6765


# Keyword arguments, *args and generators take the general path.
assert add(b=1, a=2) == 3
def star(*a):
    return a
assert star(1, 2) == (1, 2)
def gen(n, k=2):
    yield n * k
assert list(gen(4)) == [8]

# An exception in the callee's first instruction has both frames in its traceback.
import traceback
def boom(x):
    return x.missing
try:
    boom(1)
    assert False
except AttributeError as e:
    tb = traceback.format_exception(type(e), e, e.__traceback__)
    text = "".join(tb)
    assert "in boom" in text and "in <module>" in text, text
print("ok")


# range() with int arguments is made without the general constructor;
# every other argument kind still goes through it.
assert list(range(3)) == [0, 1, 2]
assert list(range(2, 5)) == [2, 3, 4]
assert list(range(10, 0, -3)) == [10, 7, 4, 1]
assert list(range(-2)) == []
assert list(range(True, 3)) == [1, 2]
assert len(range(2 ** 63 - 1)) == 2 ** 63 - 1
assert range(2 ** 70, 2 ** 70 + 2)[1] == 2 ** 70 + 1
try:
    range(1, 5, 0)
    assert False
except ValueError as e:
    assert "must not be zero" in str(e), e
try:
    range(1.5)
    assert False
except TypeError as e:
    assert "'float' object cannot be interpreted as an integer" in str(e), e
try:
    range()
    assert False
except TypeError:
    pass
try:
    range(1, 2, 3, 4)
    assert False
except TypeError:
    pass
try:
    range(stop=3)
    assert False
except TypeError:
    pass


# int() of a str is parsed without the generic constructor: the same
# results and errors as int.__new__.
assert int(" 12 ") == 12 and int("-3_0") == -30 and int("+7") == 7
assert int("9" * 30) == 10 ** 30 - 1
assert int("\u0663") == 3
for bad in ["x1", "", "1_", "_1", "1 2", "0x10"]:
    try:
        int(bad)
        assert False, bad
    except ValueError as e:
        assert "invalid literal for int() with base 10" in str(e), e
class S(str):
    pass
assert int(S("5")) == 5
assert int("10", 2) == 2 and int("z", 36) == 35


# Native functions and methods with a few positional arguments are called
# straight from the loop; errors and other shapes take the general path.
import math
xs = []
app = xs.append
for i in range(3):
    xs.append(i)
    app(i * 10)
assert xs == [0, 0, 1, 10, 2, 20]
assert math.sqrt(16.0) == 4.0 and abs(-3) == 3 and len(xs) == 6
assert max(1, 5, 3, 2) == 5 and max(1, 2, 3, 4, 5, 6) == 6
assert "a,b".split(",") == ["a", "b"] and ",".join(["x", "y"]) == "x,y"
try:
    math.sqrt(-1.0)
    assert False
except ValueError as e:
    assert "math domain error" in str(e), e
try:
    math.sqrt()
    assert False
except TypeError:
    pass
try:
    math.sqrt(1, 2)
    assert False
except TypeError:
    pass
try:
    xs.append()
    assert False
except TypeError:
    pass
try:
    len(5)
    assert False
except TypeError as e:
    assert "has no len()" in str(e), e
assert sorted([3, 1, 2], reverse=True) == [3, 2, 1]
