import functools
from functools import reduce, partial, lru_cache, cache, wraps, update_wrapper, cmp_to_key, total_ordering
import operator

# reduce
assert reduce(operator.add, [1, 2, 3, 4]) == 10
assert reduce(lambda a, b: a * b, range(1, 6), 1) == 120
assert reduce(operator.add, [], 7) == 7
assert reduce(operator.add, [5]) == 5
assert reduce(lambda acc, c: c + acc, "abc", "") == "cba"
try:
    reduce(operator.add, [])
    assert False
except TypeError as e:
    assert str(e) == "reduce() of empty iterable with no initial value"

# partial
def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r


square = partial(power, exp=2)
assert square(5) == 25
cube_mod = partial(power, exp=3, mod=10)
assert cube_mod(3) == 7
two_to = partial(power, 2)
assert two_to(10) == 1024
assert two_to.func is power and two_to.args == (2,) and two_to.keywords == {}
assert square.keywords == {"exp": 2}
assert square(3, exp=3) == 27  # call keywords override
nested = partial(partial(power, 2), 5)
assert nested.func is power and nested.args == (2, 5) and nested() == 32
p = partial(max, 1, 5)
assert repr(p) == "functools.partial(<built-in function max>, 1, 5)"
basetwo = partial(int, base=2)
assert basetwo("1010") == 10
assert repr(basetwo) == "functools.partial(<class 'int'>, base=2)"
try:
    partial(1)
    assert False
except TypeError:
    pass


class Cell:
    def __init__(self):
        self.v = 0

    def set(self, v):
        self.v = v

    set_one = functools.partialmethod(set, 1)


c = Cell()
c.set_one()
assert c.v == 1

# lru_cache
calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


assert sq(2) == 4 and sq(2) == 4 and calls == [2]
sq(3)
sq(4)  # evicts 2
assert sq.cache_info() == (1, 3, 2, 2)
sq(2)
assert calls == [2, 3, 4, 2]
sq(4)  # 4 is still cached
assert calls == [2, 3, 4, 2]
info = sq.cache_info()
assert info.hits == 2 and info.misses == 4 and info.maxsize == 2 and info.currsize == 2
assert repr(info) == "CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)"
sq.cache_clear()
assert sq.cache_info() == (0, 0, 2, 0)
assert sq.__name__ == "sq" and sq.__wrapped__(3) == 9
assert sq.cache_parameters() == {"maxsize": 2, "typed": False}


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


assert fib(80) == 23416728348467685
assert fib.cache_info().maxsize == 128


@lru_cache(maxsize=None)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


assert fact(30) == 265252859812191058636308480000000
assert fact.cache_info().currsize == 30 and fact.cache_info().maxsize is None

kcalls = []


@lru_cache()
def kw(a, b=1, *, c=2):
    kcalls.append((a, b, c))
    return a + b + c


assert kw(1) == 4 and kw(1) == 4 and kw(1, c=5) == 7 and kw(1, b=1) == 4
assert len(kcalls) == 3


@lru_cache(typed=True)
def typed_f(x):
    return type(x).__name__


assert typed_f(1) == "int" and typed_f(1.0) == "float"
assert typed_f.cache_info().currsize == 2


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
assert nocache.cache_info() == (0, 2, 0, 0)


@cache
def tri(n):
    return n + tri(n - 1) if n else 0


assert tri(100) == 5050 and tri.cache_info().maxsize is None
try:
    @lru_cache
    def unh(x):
        return x
    unh([1])
    assert False
except TypeError:
    pass


class Method:
    def __init__(self):
        self.n = 0

    @lru_cache(maxsize=None)
    def get(self, x):
        self.n += 1
        return x * 2


m = Method()
assert m.get(2) == 4 and m.get(2) == 4 and m.n == 1


# wraps / update_wrapper
def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        "wrapper doc"
        return f(*a, **k)
    return wrapper


@deco
def documented(x):
    "the doc"
    return x + 1


assert documented(1) == 2
assert documented.__name__ == "documented"
assert documented.__doc__ == "the doc"
assert documented.__wrapped__(1) == 2
assert documented.__qualname__ == "documented"
assert documented.__module__ == __name__
assert repr(documented).startswith("<function documented at ")


def target():
    pass


target.extra = 5


def shell():
    pass


update_wrapper(shell, target)
assert shell.__name__ == "target" and shell.extra == 5 and shell.__wrapped__ is target

# cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)


assert sorted([3, 1, 2], key=cmp_to_key(lambda a, b: cmp(b, a))) == [3, 2, 1]
assert sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))) == ["a", "bb", "ccc"]
K = cmp_to_key(cmp)
assert K(1) < K(2) and K(2) > K(1) and K(1) == K(1) and K(1) <= K(1) and K(2) >= K(1)
assert max([1, 5, 3], key=cmp_to_key(cmp)) == 5


# total_ordering
@total_ordering
class Version:
    def __init__(self, major, minor):
        self.t = (major, minor)

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.t == other.t

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.t < other.t


a, b = Version(1, 2), Version(1, 10)
assert a < b and a <= b and b > a and b >= a and not a > b and not b <= a
assert a <= Version(1, 2) and a >= Version(1, 2)
assert sorted([b, a]) == [a, b]
try:
    a < 3
    assert False
except TypeError:
    pass


@total_ordering
class Rev:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v


assert Rev(1) < Rev(2) and Rev(2) >= Rev(2) and Rev(1) <= Rev(3)

try:
    @total_ordering
    class NoOrder:
        pass
    assert False
except ValueError as e:
    assert str(e) == "must define at least one ordering operation: < > <= >="


# cached_property
class Data:
    def __init__(self):
        self.computed = 0

    @functools.cached_property
    def value(self):
        self.computed += 1
        return 42


d = Data()
assert d.value == 42 and d.value == 42 and d.computed == 1
del d.value
assert d.value == 42 and d.computed == 2


# singledispatch
@functools.singledispatch
def describe(x):
    return "object"


@describe.register(int)
def _(x):
    return "int %d" % x


@describe.register
def _(x: list):
    return "list of %d" % len(x)


assert describe(3) == "int 3"
assert describe(True) == "int 1"  # bool dispatches to int
assert describe([1, 2]) == "list of 2"
assert describe("s") == "object"
assert describe.dispatch(float) is describe.registry[object]

print("ok")
