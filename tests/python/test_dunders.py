# Special methods: repr/str/format, comparisons, arithmetic (normal,
# reflected, in-place), container protocol, call, hash, context managers,
# attribute hooks, truthiness, descriptors, unary ops.


class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'V(%r, %r)' % (self.x, self.y)

    def __str__(self):
        return '<%s,%s>' % (self.x, self.y)

    def __format__(self, spec):
        if spec == 'short':
            return 'v'
        return format(str(self), spec)

    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x, self.y + other.y)
        if isinstance(other, int):
            return V(self.x + other, self.y + other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, int):
            return V(other + self.x, other + self.y)
        return NotImplemented

    def __sub__(self, other):
        return V(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return V(+self.x, +self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __invert__(self):
        return V(self.y, self.x)

    def __bool__(self):
        return bool(self.x or self.y)


v = V(1, 2)
w = V(3, 4)
# repr / str / format
assert repr(v) == 'V(1, 2)'
assert str(v) == '<1,2>'
assert f'{v}' == '<1,2>'
assert f'{v!r}' == 'V(1, 2)'
assert f'{v:short}' == 'v'
assert f'{v:>7}' == '  <1,2>'
assert format(v, 'short') == 'v'
assert '{}'.format(v) == '<1,2>'
assert '%s %r' % (v, v) == '<1,2> V(1, 2)'
assert str([v]) == '[V(1, 2)]', "containers use repr of elements"
assert repr({'k': v}) == "{'k': V(1, 2)}"
assert repr((v,)) == '(V(1, 2),)'


class OnlyRepr:
    def __repr__(self):
        return 'R!'


assert str(OnlyRepr()) == 'R!', "str falls back to repr"
assert format(OnlyRepr()) == 'R!'
assert f'{OnlyRepr()}' == 'R!'
try:
    format(OnlyRepr(), 'x')
    assert False, "object.__format__ rejects non-empty spec"
except TypeError:
    pass

# arithmetic
assert v + w == V(4, 6)
assert v + 10 == V(11, 12)
assert 10 + v == V(11, 12), "__radd__"
assert w - v == V(2, 2)
assert v * 3 == V(3, 6)
assert 3 * v == V(3, 6), "__rmul__"
assert -v == V(-1, -2)
assert +v == V(1, 2)
assert abs(w) == 5.0
assert ~v == V(2, 1)
assert sum([v, w], V(0, 0)) == V(4, 6)
assert sum([v, w]) == V(4, 6), "sum starts with 0 -> uses __radd__"
try:
    v + 'str'
    assert False
except TypeError as ex:
    assert str(ex) == "unsupported operand type(s) for +: 'V' and 'str'", str(ex)
try:
    'str' + v
    assert False
except TypeError:
    pass

# equality / hashing
assert v == V(1, 2) and v != w
assert not (v == 5) and v != 5, "NotImplemented -> identity fallback"
assert hash(v) == hash(V(1, 2))
d = {v: 'first'}
d[V(1, 2)] = 'second'
assert len(d) == 1 and d[v] == 'second'
assert V(1, 2) in {v, w}
assert V(1, 2) in [w, v]

# truthiness
assert v and not V(0, 0)
assert bool(V(0, 0)) is False


# in-place operators
class Acc:
    def __init__(self):
        self.vals = []

    def __iadd__(self, other):
        self.vals.append(other)
        return self

    def __isub__(self, other):
        self.vals.remove(other)
        return self

    def __imul__(self, n):
        self.vals = self.vals * n
        return self


a = Acc()
orig = a
a += 1
a += 2
assert a is orig and a.vals == [1, 2]
a -= 1
assert a.vals == [2]
a *= 3
assert a.vals == [2, 2, 2]


class NoIAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return NoIAdd(self.v + o)


n = NoIAdd(1)
n0 = n
n += 5
assert n.v == 6 and n is not n0 and n0.v == 1, "+= falls back to __add__"


# all binary operators and their reflections
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o): return ('add', o)
    def __sub__(self, o): return ('sub', o)
    def __mul__(self, o): return ('mul', o)
    def __truediv__(self, o): return ('truediv', o)
    def __floordiv__(self, o): return ('floordiv', o)
    def __mod__(self, o): return ('mod', o)
    def __pow__(self, o): return ('pow', o)
    def __lshift__(self, o): return ('lshift', o)
    def __rshift__(self, o): return ('rshift', o)
    def __and__(self, o): return ('and', o)
    def __or__(self, o): return ('or', o)
    def __xor__(self, o): return ('xor', o)
    def __matmul__(self, o): return ('matmul', o)
    def __divmod__(self, o): return ('divmod', o)
    def __radd__(self, o): return ('radd', o)
    def __rsub__(self, o): return ('rsub', o)
    def __rmul__(self, o): return ('rmul', o)
    def __rtruediv__(self, o): return ('rtruediv', o)
    def __rfloordiv__(self, o): return ('rfloordiv', o)
    def __rmod__(self, o): return ('rmod', o)
    def __rpow__(self, o): return ('rpow', o)
    def __rlshift__(self, o): return ('rlshift', o)
    def __rrshift__(self, o): return ('rrshift', o)
    def __rand__(self, o): return ('rand', o)
    def __ror__(self, o): return ('ror', o)
    def __rxor__(self, o): return ('rxor', o)
    def __rmatmul__(self, o): return ('rmatmul', o)


N = Num(0)
assert N + 1 == ('add', 1) and 1 + N == ('radd', 1)
assert N - 1 == ('sub', 1) and 1 - N == ('rsub', 1)
assert N * 1 == ('mul', 1) and 1 * N == ('rmul', 1)
assert N / 1 == ('truediv', 1) and 1 / N == ('rtruediv', 1)
assert N // 1 == ('floordiv', 1) and 1 // N == ('rfloordiv', 1)
assert N % 1 == ('mod', 1) and 1 % N == ('rmod', 1)
assert N ** 1 == ('pow', 1) and 1 ** N == ('rpow', 1)
assert N << 1 == ('lshift', 1) and 1 << N == ('rlshift', 1)
assert N >> 1 == ('rshift', 1) and 1 >> N == ('rrshift', 1)
assert N & 1 == ('and', 1) and 1 & N == ('rand', 1)
assert N | 1 == ('or', 1) and 1 | N == ('ror', 1)
assert N ^ 1 == ('xor', 1) and 1 ^ N == ('rxor', 1)
assert N @ 1 == ('matmul', 1) and 1 @ N == ('rmatmul', 1)
assert divmod(N, 1) == ('divmod', 1)
M = N
M += 2
assert M == ('add', 2), "+= without __iadd__ uses __add__"
M = N
M **= 2
assert M == ('pow', 2)


# subclass reflected method gets priority
class Base:
    def __add__(self, o):
        return 'base-add'

    def __radd__(self, o):
        return 'base-radd'


class Sub(Base):
    def __radd__(self, o):
        return 'sub-radd'


assert Base() + Sub() == 'sub-radd', "subclass's reflected method tried first"
assert Base() + Base() == 'base-add'


# --- rich comparisons and reflection ---
class Ver:
    def __init__(self, n):
        self.n = n

    def __lt__(self, o):
        if isinstance(o, Ver):
            return self.n < o.n
        return NotImplemented

    def __le__(self, o):
        return self.n <= o.n

    def __eq__(self, o):
        return isinstance(o, Ver) and self.n == o.n

    def __repr__(self):
        return 'Ver(%d)' % self.n

    __hash__ = None


assert Ver(1) < Ver(2)
assert Ver(2) > Ver(1), "__gt__ missing -> reflected __lt__"
assert Ver(1) <= Ver(1)
assert Ver(2) >= Ver(1), "__ge__ missing -> reflected __le__"
assert Ver(1) != Ver(2), "__ne__ defaults to not __eq__"
assert not (Ver(1) != Ver(1))
assert sorted([Ver(3), Ver(1), Ver(2)], key=lambda x: x) == [Ver(1), Ver(2), Ver(3)]
assert max([Ver(3), Ver(5), Ver(2)]).n == 5
try:
    Ver(1) < 5
    assert False
except TypeError as ex:
    assert str(ex) == "'<' not supported between instances of 'Ver' and 'int'", str(ex)
try:
    hash(Ver(1))
    assert False
except TypeError:
    pass


class EqOnly:
    def __eq__(self, o):
        return True


try:
    hash(EqOnly())
    assert False, "defining __eq__ without __hash__ makes class unhashable"
except TypeError as ex:
    assert str(ex) == "unhashable type: 'EqOnly'"
try:
    {EqOnly(): 1}
    assert False
except TypeError:
    pass
assert EqOnly.__hash__ is None


class Log:
    calls = []

    def __init__(self, name):
        self.name = name

    def __eq__(self, o):
        Log.calls.append(self.name)
        return NotImplemented


Log('a') == Log('b')
assert Log.calls == ['a', 'b'], "both sides tried when NotImplemented"
assert (Log('c') == Log('c')) is False, "falls back to identity"
xl = Log('x')
assert (xl == xl) is True


# --- container protocol ---
class Bag:
    def __init__(self):
        self.data = {}

    def __len__(self):
        return len(self.data)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return ('slice', k.start, k.stop, k.step)
        return self.data[k]

    def __setitem__(self, k, v):
        self.data[k] = v

    def __delitem__(self, k):
        del self.data[k]

    def __contains__(self, k):
        return k in self.data

    def __iter__(self):
        return iter(sorted(self.data))


b = Bag()
assert len(b) == 0 and not b, "__len__ drives truthiness"
b['x'] = 1
b['a'] = 2
assert len(b) == 2 and b
assert b['x'] == 1
assert 'x' in b and 'z' not in b
assert list(b) == ['a', 'x']
del b['x']
assert 'x' not in b and len(b) == 1
try:
    b['missing']
    assert False
except KeyError:
    pass
assert b[1:5] == ('slice', 1, 5, None)
assert b[::2] == ('slice', None, None, 2)
assert b[:-1:] == ('slice', None, -1, None)
assert [k for k in b] == ['a']
x1, = b
assert x1 == 'a'
assert sorted(b) == ['a'] and dict.fromkeys(b) == {'a': None}


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


assert list(Countdown(3)) == [3, 2, 1]
assert 2 in Countdown(3), "in falls back to iteration"
assert 5 not in Countdown(3)
c = Countdown(2)
assert next(c) == 2 and next(c) == 1 and next(c, 'end') == 'end'
assert sum(Countdown(4)) == 10
assert tuple(Countdown(2)) == (2, 1)
a1, b1, c1 = Countdown(3)
assert (a1, b1, c1) == (3, 2, 1)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
    assert False
except ValueError:
    pass


# --- __call__ ---
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale


add = Adder(10)
assert add(1) == 11
assert add(1, 2, 3, scale=2) == 32
assert callable(add) and not callable(V(0, 0))
assert list(map(add, [1, 2])) == [11, 12]


# --- context managers ---
events = []


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        events.append('enter ' + self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        events.append('exit %s %s' % (self.name, exc_type.__name__ if exc_type else None))
        return self.suppress


with CM('a') as val:
    events.append('body ' + val)
assert events == ['enter a', 'body A', 'exit a None']

events.clear()
with CM('a') as va, CM('b') as vb:
    events.append(va + vb)
assert events == ['enter a', 'enter b', 'AB', 'exit b None', 'exit a None'], events

events.clear()
with CM('s', suppress=True):
    raise ValueError('suppressed')
assert events == ['enter s', 'exit s ValueError']

events.clear()
try:
    with CM('n'):
        raise KeyError('k')
    assert False
except KeyError:
    events.append('caught')
assert events == ['enter n', 'exit n KeyError', 'caught']

events.clear()
try:
    with CM('outer'), CM('inner', suppress=True):
        raise IndexError
    events.append('after')
except IndexError:
    assert False
assert events == ['enter outer', 'enter inner', 'exit inner IndexError', 'exit outer None', 'after']


def with_return():
    with CM('r'):
        return 'returned'


events.clear()
assert with_return() == 'returned' and events == ['enter r', 'exit r None']

events.clear()
for i in range(3):
    with CM(str(i)):
        if i == 1:
            break
assert events == ['enter 0', 'exit 0 None', 'enter 1', 'exit 1 None']


class ExcInfo:
    def __enter__(self):
        return self

    def __exit__(self, t, e, tb):
        self.t, self.e = t, e
        return True


with ExcInfo() as ei:
    raise ValueError('info')
assert ei.t is ValueError and isinstance(ei.e, ValueError) and str(ei.e) == 'info'

# with-target unpacking
with CM('t') as (first, *rest):
    pass
assert first == 'T' and rest == []

try:
    with 5:
        pass
    assert False
except (TypeError, AttributeError):
    pass


# --- attribute hooks ---
class Dyn:
    def __init__(self):
        self.real = 'r'

    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:]
        raise AttributeError(name)


dn = Dyn()
assert dn.real == 'r', "__getattr__ only called for missing attrs"
assert dn.dyn_hello == 'hello'
assert getattr(dn, 'dyn_x') == 'x'
assert hasattr(dn, 'dyn_q') and not hasattr(dn, 'other')
assert getattr(dn, 'other', 'default') == 'default'


class Guarded:
    def __init__(self):
        object.__setattr__(self, 'log', [])

    def __setattr__(self, name, value):
        self.log.append(('set', name))
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        self.log.append(('del', name))
        object.__delattr__(self, name)


gd = Guarded()
gd.a = 5
assert gd.a == 10
setattr(gd, 'b', 1)
assert gd.b == 2
del gd.a
assert not hasattr(gd, 'a')
assert gd.log == [('set', 'a'), ('set', 'b'), ('del', 'a')]


class GetAttribute:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name == 'magic':
            return 42
        return object.__getattribute__(self, name)


ga = GetAttribute()
assert ga.magic == 42 and ga.x == 1


# --- descriptors ---
class NonData:
    def __get__(self, obj, owner):
        if obj is None:
            return 'class-access'
        return 'nondata'


class DataDesc:
    def __init__(self):
        self.store = {}

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return self.store.get(id(obj), 'unset')

    def __set__(self, obj, value):
        self.store[id(obj)] = value

    def __delete__(self, obj):
        del self.store[id(obj)]


class Host:
    nd = NonData()
    dd = DataDesc()


h = Host()
assert h.nd == 'nondata'
assert Host.nd == 'class-access'
h.__dict__['nd'] = 'instance'
assert h.nd == 'instance', "instance dict beats non-data descriptor"
assert h.dd == 'unset'
h.dd = 7
assert h.dd == 7
h.__dict__['dd'] = 'instance'
assert h.dd == 7, "data descriptor beats instance dict"
del h.dd
assert h.dd == 'unset'
assert isinstance(Host.dd, DataDesc)


class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name

    def __get__(self, obj, owner):
        return getattr(obj, self.name)

    def __set__(self, obj, v):
        if not isinstance(v, int):
            raise TypeError('int required')
        setattr(obj, self.name, v)


class Rec:
    age = Typed()


r = Rec()
r.age = 3
assert r.age == 3 and r._age == 3
try:
    r.age = 'x'
    assert False
except TypeError:
    pass


# --- truthiness: __bool__ over __len__ ---
class BoolAndLen:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


assert bool(BoolAndLen()) is True


class LenOnly:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


assert not LenOnly(0) and LenOnly(3)


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
    assert False, "__bool__ must return bool"
except TypeError:
    pass


class NoBool:
    pass


assert bool(NoBool()) is True

# --- __index__ ---
class Idx:
    def __index__(self):
        return 2


assert [10, 20, 30][Idx()] == 30
assert 'abc'[Idx()] == 'c'
assert hex(Idx()) == '0x2'


# --- __contains__ returning non-bool is coerced ---
class Cont:
    def __contains__(self, x):
        return 1 if x else 0


assert (5 in Cont()) is True and (0 in Cont()) is False
assert (0 not in Cont()) is True


# --- __eq__ returning non-bool, __ne__ custom ---
class Weird:
    def __eq__(self, o):
        return 'yes'

    def __ne__(self, o):
        return 'no'


assert (Weird() == 1) == 'yes' and (Weird() != 1) == 'no'
assert [Weird()] == [1], "list equality uses truthiness of __eq__"


# --- __class_getitem__ / __getitem__ on class not required; __missing__ ---
class Default(dict):
    def __missing__(self, k):
        self[k] = []
        return self[k]


dd = Default()
dd['a'].append(1)
assert dd == {'a': [1]}
assert dd.get('b') is None, "get() does not call __missing__"

print("ok")
