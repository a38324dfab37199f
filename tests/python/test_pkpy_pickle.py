# pickle: round trips, identity, cycles, user classes, references,
# unpicklable values and bad input. Plain Python except the parts guarded by
# PKPY (our byte format: magic header, checksum, error messages).
import io
import math
import pickle

PKPY = pickle.dumps(None)[:4] == b'PKPY'


def rt(x, protocol=None):
    return pickle.loads(pickle.dumps(x, protocol))


def same(x):
    y = rt(x)
    assert type(y) is type(x), (x, y)
    assert y == x, (x, y)
    return y


def raises(exc, f, *args):
    try:
        f(*args)
    except exc as e:
        return e
    raise AssertionError('%s not raised by %r%r' % (exc, f, args))


# ---------------------------------------------------------------- module API
assert pickle.HIGHEST_PROTOCOL >= pickle.DEFAULT_PROTOCOL >= 2
assert issubclass(pickle.PicklingError, Exception)
assert issubclass(pickle.UnpicklingError, Exception)
assert isinstance(pickle.dumps(1), bytes)
for p in range(0, pickle.HIGHEST_PROTOCOL + 1):
    assert rt([1, 'a', (2.5, None)], p) == [1, 'a', (2.5, None)]
assert rt({'k': 1}, pickle.HIGHEST_PROTOCOL) == {'k': 1}
assert pickle.loads(pickle.dumps(7, protocol=-1)) == 7
raises(ValueError, pickle.dumps, 1, pickle.HIGHEST_PROTOCOL + 1)
raises(TypeError, pickle.loads, 'not bytes')
assert pickle.loads(bytearray(pickle.dumps([1]))) == [1]

# ---------------------------------------------------------------- scalars
for v in [None, True, False, ..., NotImplemented]:
    assert rt(v) is v
for v in [0, 1, -1, 255, 256, -129, 2**31, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
          2**64, 10**40, -10**40, 2**1000 + 7, -(3**500)]:
    same(v)
for v in [0.0, 1.5, -2.25, 1e300, 5e-324, 1/3, float('inf'), float('-inf')]:
    same(v)
nz = rt(-0.0)
assert nz == 0.0 and math.copysign(1.0, nz) == -1.0
nan = rt(float('nan'))
assert type(nan) is float and nan != nan
for v in ['', 'a', 'héllo wörld', '☃ snow \U0001F600', 'nul\x00inside', 'x' * 10000]:
    same(v)
for v in [b'', b'abc', bytes(range(256)), b'\x00' * 1000]:
    same(v)
ba = bytearray(b'mutable')
ba2 = same(ba)
assert ba2 is not ba
ba2.append(33)
assert ba == bytearray(b'mutable') and ba2 == bytearray(b'mutable!')

# ---------------------------------------------------------------- containers
for v in [[], [1, 2, 3], (), (1,), (1, 'a', None), {}, {'a': 1, 'b': [2]},
          set(), {1, 2, 3}, frozenset(), frozenset({'x', 'y'}),
          {1: 'int key', 'two': 2, (3, 4): 'tuple key', None: 0, 2.5: 'f', frozenset([1]): 'fs'}]:
    same(v)
d = {'z': 1, 'a': 2, 'm': 3}
assert list(rt(d).keys()) == ['z', 'a', 'm']
nested = {'list': [1, [2, [3, [4, [5]]]]], 'tuple': ((1, 2), (3, (4,))),
          'mixed': [{'a': (1, {2, 3})}, frozenset([(1, 2)])], 'big': [2**70, -2**70]}
same(nested)
deep = []
cur = deep
for i in range(200):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
same(deep)
big = list(range(10000))
same(big)
same({str(i): i for i in range(2000)})

same(range(3, 20, 4))
same(range(0))
assert list(rt(range(-5, 5))) == list(range(-5, 5))
sl = rt(slice(1, None, 2))
assert type(sl) is slice and (sl.start, sl.stop, sl.step) == (1, None, 2)
assert type(rt(object())) is object
sentinel = object()
sentinels = rt([sentinel, sentinel])
assert sentinels[0] is sentinels[1] and sentinels[0] is not sentinel

# ---------------------------------------------------------------- identity and cycles
x = [1, 2]
pair = rt([x, x])
assert pair[0] is pair[1] and pair[0] == [1, 2]
pair[0].append(3)
assert pair[1] == [1, 2, 3]
t = (1, 2)
tt = rt([t, t, {'t': t}])
assert tt[0] is tt[1] is tt[2]['t']
shared = {'k': 'v'}
r = rt({'a': shared, 'b': [shared], 'c': (shared,)})
assert r['a'] is r['b'][0] is r['c'][0]

a = []
a.append(a)
a2 = rt(a)
assert a2[0] is a2 and len(a2) == 1
d = {}
d['self'] = d
d2 = rt(d)
assert d2['self'] is d2
l = []
tup = (l, 'x')
l.append(tup)
tup2 = rt(tup)
assert type(tup2) is tuple and tup2[0][0] is tup2 and tup2[1] == 'x'
l2 = rt(l)
assert l2[0][0] is l2


class Node:
    def __init__(self, name):
        self.name = name
        self.links = []


n1, n2 = Node('a'), Node('b')
n1.links.append(n2)
n2.links.append(n1)
n1.me = n1
m1 = rt(n1)
assert m1.name == 'a' and m1.me is m1
assert m1.links[0].name == 'b' and m1.links[0].links[0] is m1

# ---------------------------------------------------------------- user classes
init_calls = []


class Point:
    kind = 'class attr'

    def __init__(self, x, y):
        init_calls.append((x, y))
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
init_calls.clear()
p2 = same(p)
assert init_calls == [], '__init__ must not run on load'
assert p2 is not p and p2.norm2() == 25 and p2.kind == 'class attr'
assert p2.__dict__ == {'x': 3, 'y': 4}


class Empty:
    pass


e = rt(Empty())
assert type(e) is Empty and e.__dict__ == {}


class WithState:
    def __init__(self):
        self.keep = 1
        self.cache = 'expensive'

    def __getstate__(self):
        st = self.__dict__.copy()
        del st['cache']
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = 'rebuilt'
        self.restored = True


w = rt(WithState())
assert w.keep == 1 and w.cache == 'rebuilt' and w.restored


class OnlySetstate:
    def __init__(self):
        self.v = 1

    def __setstate__(self, st):
        self.got = st


o = rt(OnlySetstate())
assert o.got == {'v': 1} and not hasattr(o, 'v')


class TupleState:
    def __init__(self, a):
        self.a = a

    def __getstate__(self):
        return (self.a, 'extra')

    def __setstate__(self, st):
        self.a, self.b = st


ts = rt(TupleState([1]))
assert ts.a == [1] and ts.b == 'extra'


class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b
        self.made_by_init = True

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


rd = rt(Reduced([1, 2], b={'x': 1}))
assert type(rd) is Reduced and rd.a == [1, 2] and rd.b == {'x': 1} and rd.made_by_init


def make_counter(start, step):
    c = Counter.__new__(Counter)
    c.value = start
    c.step = step
    return c


class Counter:
    def __reduce__(self):
        return (make_counter, (self.value, self.step), {'note': 'state'})


c = Counter.__new__(Counter)
c.value, c.step = 10, 2
c2 = rt(c)
assert (c2.value, c2.step, c2.note) == (10, 2, 'state')


class ReduceEx:
    seen = []

    def __reduce_ex__(self, protocol):
        ReduceEx.seen.append(protocol)
        return (ReduceEx, ())


assert type(rt(ReduceEx(), 2)) is ReduceEx and ReduceEx.seen[-1] == 2


class Bag:
    def __init__(self):
        self.items = []
        self.map = {}

    def append(self, x):
        self.items.append(x)

    def extend(self, xs):
        self.items.extend(xs)

    def __setitem__(self, k, v):
        self.map[k] = v

    def __reduce__(self):
        return (Bag, (), None, iter(self.items), iter(self.map.items()))


b = Bag()
b.append(1)
b.append('two')
b['k'] = 'v'
b2 = rt(b)
assert b2.items == [1, 'two'] and b2.map == {'k': 'v'}


class Singleton:
    def __reduce__(self):
        return 'THE_ONE'


THE_ONE = Singleton()
assert rt(THE_ONE) is THE_ONE
assert rt([THE_ONE, THE_ONE])[1] is THE_ONE


class MyList(list):
    pass


class MyDict(dict):
    pass


class MySet(set):
    pass


class MyInt(int):
    def double(self):
        return self * 2


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MyBytes(bytes):
    pass


class MyFrozen(frozenset):
    pass


for cls, val in [(MyList, [1, 2]), (MyDict, {'a': 1}), (MySet, {1, 2}), (MyInt, 42),
                 (MyInt, 2**80), (MyStr, 'text'), (MyTuple, (1, [2])), (MyBytes, b'by'),
                 (MyFrozen, [1, 2])]:
    obj = cls(val)
    obj.extra = 'attr'
    back = rt(obj)
    assert type(back) is cls, (cls, type(back))
    assert back == obj and back.extra == 'attr', (cls, back)
assert rt(MyInt(21)).double() == 42
ml = MyList([1])
ml.append(ml)
ml2 = rt(ml)
assert type(ml2) is MyList and ml2[1] is ml2


class Outer:
    class Inner:
        def __init__(self):
            self.v = 'inner'

    def method(self):
        return 'method'

    @staticmethod
    def static():
        return 'static'

    @classmethod
    def clsm(cls):
        return cls


inner = rt(Outer.Inner())
assert type(inner) is Outer.Inner and inner.v == 'inner'
assert rt(Outer.Inner) is Outer.Inner

# ---------------------------------------------------------------- references
def module_level(x):
    return x + 1


assert rt(module_level) is module_level
assert rt([module_level, module_level])[1](1) == 2
assert rt(Point) is Point
for f in [len, max, print, isinstance, getattr, int, str, dict, list, object, type,
          ValueError, KeyError, Exception, BaseException, StopIteration]:
    assert rt(f) is f, f
assert rt(type(None)) is type(None)
assert rt(type(...)) is type(...)
assert rt(type(NotImplemented)) is type(NotImplemented)
assert rt(math.sqrt) is math.sqrt
assert rt(Outer.method) is Outer.method
assert rt(Outer.static) is Outer.static
assert rt(pickle.dumps) is pickle.dumps
assert rt(pickle.PicklingError) is pickle.PicklingError

# bound methods pickle as getattr(obj, name)
bm = rt(Point(1, 2).norm2)
assert bm() == 5
assert rt(Outer.clsm)() is Outer
lst = [1, 2]
app = rt([lst, lst.append])
app[1](3)
assert app[0] == [1, 2, 3]

# ---------------------------------------------------------------- exceptions
ve = rt(ValueError('bad value', 42))
assert type(ve) is ValueError and ve.args == ('bad value', 42) and str(ve) == "('bad value', 42)"
ke = rt(KeyError('k'))
assert type(ke) is KeyError and ke.args == ('k',)
assert rt(StopIteration()).args == ()


class AppError(Exception):
    pass


ae = AppError('boom', 1)
ae.code = 500
ae2 = rt(ae)
assert type(ae2) is AppError and ae2.args == ('boom', 1) and ae2.code == 500
try:
    raise rt(RuntimeError('raised after a round trip'))
except RuntimeError as err:
    assert str(err) == 'raised after a round trip'
errs = rt([ve, ve])
assert errs[0] is errs[1]

# ---------------------------------------------------------------- unpicklable
def factory():
    def nested():
        return 1
    return nested


def gen():
    yield 1


err = raises((pickle.PicklingError, TypeError, AttributeError), pickle.dumps, lambda: 0)
assert 'lambda' in str(err), err
err = raises((pickle.PicklingError, TypeError, AttributeError), pickle.dumps, factory())
assert 'nested' in str(err), err
err = raises(TypeError, pickle.dumps, gen())
assert "cannot pickle 'generator' object" in str(err), err
err = raises(TypeError, pickle.dumps, math)
assert "cannot pickle 'module' object" in str(err), err
err = raises(TypeError, pickle.dumps, [1, {'k': (gen(),)}])
assert 'generator' in str(err)
with open(__file__) as fh:
    err = raises(TypeError, pickle.dumps, fh)
    assert 'cannot pickle' in str(err), err
raises((pickle.PicklingError, TypeError, AttributeError), pickle.dumps, Point(1, lambda: 2))


class Local:
    pass


def make_local_class():
    class Hidden:
        pass
    return Hidden()


raises((pickle.PicklingError, TypeError, AttributeError), pickle.dumps, make_local_class())
Alias = Local
del Local
err = raises((pickle.PicklingError, TypeError, AttributeError), pickle.dumps, Alias())


class BadReduce:
    def __reduce__(self):
        return 42


raises(pickle.PicklingError, pickle.dumps, BadReduce())

deep = None
for i in range(100000):
    deep = [deep]
raises(RecursionError, pickle.dumps, deep)
deep = None

# ---------------------------------------------------------------- missing names on load
class Temp:
    pass


data = pickle.dumps(Temp())
saved = Temp
del Temp
err = raises(AttributeError, pickle.loads, data)
assert 'Temp' in str(err), err
Temp = saved
assert type(pickle.loads(data)) is Temp

# ---------------------------------------------------------------- files
buf = io.BytesIO()
pickle.dump({'file': [1, 2]}, buf)
pickle.dump('second', buf, protocol=2)
buf.seek(0)
first = pickle.load(io.BytesIO(buf.getvalue()[:len(pickle.dumps({'file': [1, 2]}))]))
assert first == {'file': [1, 2]}
buf2 = io.BytesIO(pickle.dumps((1, 2)))
assert pickle.load(buf2) == (1, 2)

# ---------------------------------------------------------------- bad input
good = pickle.dumps({'a': [1, 2.5, 'x', b'y', (None, True)], 'b': 2**90, 'c': Point(1, 2)})
assert pickle.loads(good)['c'] == Point(1, 2)
for bad in [b'', b'garbage that is not a pickle', good[:1], good[:len(good) // 2], good[:-1]]:
    raises(Exception, pickle.loads, bad)
if PKPY:
    for i in range(len(good)):
        e = raises(pickle.UnpicklingError, pickle.loads, good[:i])
        assert 'truncated' in str(e), (i, str(e))
    e = raises(pickle.UnpicklingError, pickle.loads, b'\x80\x04\x95junk')
    assert 'magic' in str(e), e
    e = raises(pickle.UnpicklingError, pickle.loads, good + b'\x00')
    assert 'trailing' in str(e), e
    e = raises(pickle.UnpicklingError, pickle.loads, good[:4] + b'\x63' + good[5:])
    assert 'version' in str(e), e
    for i in range(len(good)):
        for flip in (1, 0x10, 0x80):
            corrupt = good[:i] + bytes([good[i] ^ flip]) + good[i + 1:]
            raises(pickle.UnpicklingError, pickle.loads, corrupt)
    # A random-looking mutation of many bytes at once.
    seed = 12345
    for _ in range(200):
        seed = (seed * 1103515245 + 12345) % 2**31
        i = seed % len(good)
        corrupt = bytearray(good)
        corrupt[i] = (corrupt[i] + 1 + seed % 255) % 256
        raises(pickle.UnpicklingError, pickle.loads, bytes(corrupt))
    # The interpreter is fine afterwards.
    assert pickle.loads(good)['b'] == 2**90

print('ok')
