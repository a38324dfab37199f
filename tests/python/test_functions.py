# Functions: parameters of all kinds, call unpacking, annotations, lambda,
# closures, nonlocal/global, recursion, decorators, function attributes.


# --- defaults ---
def f(a, b=2, c=3):
    return (a, b, c)


assert f(1) == (1, 2, 3)
assert f(1, 5) == (1, 5, 3)
assert f(1, c=9) == (1, 2, 9)
assert f(c=1, b=2, a=3) == (3, 2, 1)
assert f.__defaults__ == (2, 3)


def append_to(x, acc=[]):
    acc.append(x)
    return acc


r1 = append_to(1)
r2 = append_to(2)
assert r1 is r2 and r2 == [1, 2], "mutable default evaluated once"
assert append_to(3, []) == [3]
assert append_to(4) == [1, 2, 4]

counter = [0]


def make_default():
    counter[0] += 1
    return counter[0]


def g(x=make_default()):
    return x


assert g() == 1 and g() == 1 and counter[0] == 1, "default expression evaluated at def time"

# default refers to value at definition time
val = 10


def h(x=val):
    return x


val = 20
assert h() == 10


# --- *args ---
def va(*args):
    return args


assert va() == ()
assert va(1, 2, 3) == (1, 2, 3)
assert type(va(1)) is tuple


def va2(a, *rest):
    return a, rest


assert va2(1) == (1, ())
assert va2(1, 2, 3) == (1, (2, 3))


# --- keyword-only ---
def kw(a, *, b, c=5):
    return a, b, c


assert kw(1, b=2) == (1, 2, 5)
assert kw(1, c=0, b=2) == (1, 2, 0)
try:
    kw(1, 2)
    assert False, "b is keyword-only"
except TypeError:
    pass
try:
    kw(1)
    assert False, "missing keyword-only"
except TypeError:
    pass
assert kw.__kwdefaults__ == {'c': 5}


def kw2(*args, sep='-'):
    return sep.join(args)


assert kw2('a', 'b') == 'a-b'
assert kw2('a', 'b', sep='+') == 'a+b'


# --- **kwargs ---
def kwa(**kwargs):
    return kwargs


assert kwa() == {}
assert kwa(a=1, b=2) == {'a': 1, 'b': 2}
assert list(kwa(z=1, a=2, m=3)) == ['z', 'a', 'm'], "kwargs preserves order"


def full(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)


assert full(1, c=3) == (1, 2, (), 3, 4, {})
assert full(1, 2, 3, 4, c=5, e=6) == (1, 2, (3, 4), 5, 4, {'e': 6})
assert full(a=1, c=2, z=3) == (1, 2, (), 2, 4, {'z': 3})


# --- positional-only ---
def po(a, b, /, c, *, d):
    return a, b, c, d


assert po(1, 2, 3, d=4) == (1, 2, 3, 4)
assert po(1, 2, c=3, d=4) == (1, 2, 3, 4)
try:
    po(1, b=2, c=3, d=4)
    assert False, "b is positional-only"
except TypeError:
    pass


def po_kw(a, /, **kw):
    return a, kw


assert po_kw(1, a=2) == (1, {'a': 2}), "positional-only name may appear in **kw"


def po_def(a, b=5, /):
    return a + b


assert po_def(1) == 6
assert po_def(1, 1) == 2


# --- call unpacking ---
def add3(a, b, c):
    return a * 100 + b * 10 + c


assert add3(*[1, 2, 3]) == 123
assert add3(*(1, 2), 3) == 123
assert add3(1, *[2], *[3]) == 123
assert add3(*'\x01\x02\x03'.encode()) == 123
assert add3(**{'a': 1, 'b': 2, 'c': 3}) == 123
assert add3(1, **{'c': 3}, b=2) == 123
assert add3(**{'a': 1}, **{'b': 2, 'c': 3}) == 123
assert add3(*[1], **{'b': 2}, c=3) == 123
assert add3(*range(3)) == 12
assert add3(*iter([3, 2, 1])) == 321
try:
    add3(**{'a': 1}, **{'a': 2, 'b': 2, 'c': 3})
    assert False, "duplicate keyword from two mappings"
except TypeError:
    pass
assert va(*[1, 2], 3, *(4,)) == (1, 2, 3, 4)
assert kwa(**{'x': 1}, y=2, **{'z': 3}) == {'x': 1, 'y': 2, 'z': 3}

# --- argument errors ---
try:
    add3(1, 2)
    assert False
except TypeError:
    pass
try:
    add3(1, 2, 3, 4)
    assert False
except TypeError:
    pass
try:
    add3(1, 2, 3, a=1)
    assert False
except TypeError:
    pass
try:
    add3(1, 2, d=3)
    assert False
except TypeError:
    pass
try:
    f()
    assert False
except TypeError:
    pass
try:
    (lambda: 0)(1)
    assert False
except TypeError:
    pass


# --- annotations ---
def ann(a: int, b: 'str' = 'x', *args: float, k: list = None, **kw: dict) -> bool:
    return True


assert ann.__annotations__ == {'a': int, 'b': 'str', 'args': float, 'k': list,
                               'kw': dict, 'return': bool}
assert ann(1) is True


def no_ann(a):
    pass


assert no_ann.__annotations__ == {}

# --- lambda ---
sq = lambda x: x * x
assert sq(4) == 16
assert (lambda: 42)() == 42
assert (lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 2, 3, x=5) == (1, 2, (3,), 4, {'x': 5})
assert sq.__name__ == '<lambda>'
assert sorted([3, -1, 2], key=lambda v: -v) == [3, 2, -1]
compose = lambda f, g: lambda x: f(g(x))
assert compose(sq, lambda x: x + 1)(2) == 9
assert (lambda *a: a)(1, 2) == (1, 2)
assert (lambda x, /, y: x - y)(5, y=3) == 2


# --- closures ---
def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
add10 = make_adder(10)
assert add5(1) == 6 and add10(1) == 11
assert add5.__closure__ is not None and len(add5.__closure__) == 1
assert add5.__closure__[0].cell_contents == 5


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def get():
        return count
    return inc, get


inc, get = make_counter()
inc()
inc()
assert inc() == 3 and get() == 3, "nonlocal shared between closures"
inc2, get2 = make_counter()
assert inc2() == 1 and get() == 3


def outer():
    x = 'outer'

    def mid():
        def inner():
            nonlocal x
            x = 'inner'
        inner()
        return x
    return mid(), x


assert outer() == ('inner', 'inner')


def closure_sees_later_binding():
    def show():
        return v
    v = 1
    a = show()
    v = 2
    return a, show()


assert closure_sees_later_binding() == (1, 2)

# --- global ---
G = 0


def set_global(v):
    global G
    G = v


set_global(7)
assert G == 7


def make_global_new():
    global NEWG
    NEWG = 'created'


make_global_new()
assert NEWG == 'created'


def read_global():
    return G


assert read_global() == 7


# --- recursion ---
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


assert fact(10) == 3628800
assert fact(25) == 15511210043330985984000000


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


assert [fib(i) for i in range(10)] == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


assert is_even(100) and is_odd(51)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


assert depth(500) == 500


# --- decorators ---
def double(fn):
    def wrapper(*a, **k):
        return fn(*a, **k) * 2
    return wrapper


@double
def three():
    return 3


assert three() == 6
assert three.__name__ == 'wrapper'


def multiply(n):
    def deco(fn):
        def wrapper(*a, **k):
            return fn(*a, **k) * n
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco


@multiply(3)
def four():
    return 4


assert four() == 12
assert four.__name__ == 'four'

log = []


def tag(name):
    def deco(fn):
        log.append(name)

        def wrapper():
            return name + '(' + fn() + ')'
        return wrapper
    return deco


@tag('a')
@tag('b')
def base():
    return 'x'


assert base() == 'a(b(x))'
assert log == ['b', 'a'], "decorators applied bottom-up"

registry = []


def register(fn):
    registry.append(fn)
    return fn


@register
def reg1():
    pass


assert registry == [reg1]


# decorator expression evaluated before def
class Deco:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)


@Deco
def counted(x):
    return x + 1


assert counted(1) == 2 and counted(2) == 3 and counted.calls == 2
assert isinstance(counted, Deco)


# --- function attributes ---
def documented():
    """This is the doc."""
    return 1


assert documented.__doc__ == 'This is the doc.'
assert documented.__name__ == 'documented'
assert documented.__qualname__ == 'documented'
assert documented.__module__ == '__main__'


def undocumented():
    x = 1
    return x


assert undocumented.__doc__ is None


def outer_q():
    def inner_q():
        def innermost():
            pass
        return innermost
    return inner_q


assert outer_q().__qualname__ == 'outer_q.<locals>.inner_q'
assert outer_q()().__qualname__ == 'outer_q.<locals>.inner_q.<locals>.innermost'
assert outer_q().__name__ == 'inner_q'


class K:
    def meth(self):
        def loc():
            pass
        return loc


assert K.meth.__qualname__ == 'K.meth'
assert K().meth().__qualname__ == 'K.meth.<locals>.loc'

documented.custom = 'attr'
assert documented.custom == 'attr'
assert documented.__dict__ == {'custom': 'attr'}
assert callable(documented)
assert type(documented).__name__ == 'function'

# functions are first-class
ops = {'add': lambda a, b: a + b, 'sub': lambda a, b: a - b}
assert ops['add'](2, 3) == 5 and ops['sub'](2, 3) == -1


def returns_nothing():
    return


assert returns_nothing() is None


def returns_tuple():
    return 1, 2


assert returns_tuple() == (1, 2)


# generator of functions with default-arg capture
fns = [lambda i=i: i for i in range(3)]
assert [fn() for fn in fns] == [0, 1, 2]
fns_late = [lambda: i for i in range(3)]
assert [fn() for fn in fns_late] == [2, 2, 2]

print("ok")
