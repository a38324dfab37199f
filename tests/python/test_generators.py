# Generators: yield, yield from, genexprs, send/throw/close, StopIteration.


def gen3():
    yield 1
    yield 2
    yield 3


g = gen3()
assert next(g) == 1
assert next(g) == 2
assert next(g) == 3
try:
    next(g)
    assert False, "exhausted generator must raise StopIteration"
except StopIteration:
    pass
# stays exhausted
try:
    next(g)
    assert False
except StopIteration:
    pass
assert list(g) == []
assert list(gen3()) == [1, 2, 3]
assert sum(gen3()) == 6
assert iter(g) is g
assert type(g).__name__ == 'generator'

# body doesn't run until first next()
trace = []


def lazy():
    trace.append('start')
    yield 1
    trace.append('after1')
    yield 2
    trace.append('end')


lg = lazy()
assert trace == []
assert next(lg) == 1 and trace == ['start']
assert next(lg) == 2 and trace == ['start', 'after1']
assert next(lg, 'default') == 'default' and trace == ['start', 'after1', 'end']
assert next(lg, None) is None


# return value in StopIteration
def with_return():
    yield 1
    return 'done'


g = with_return()
next(g)
try:
    next(g)
    assert False
except StopIteration as e:
    assert e.value == 'done'
    assert e.args == ('done',)


def no_return():
    yield 1


g = no_return()
next(g)
try:
    next(g)
except StopIteration as e:
    assert e.value is None


# generator in a for loop, with locals preserved between yields
def countdown(n):
    while n > 0:
        yield n
        n -= 1


assert [x for x in countdown(5)] == [5, 4, 3, 2, 1]
res = []
for v in countdown(3):
    res.append(v)
else:
    res.append('else')
assert res == [3, 2, 1, 'else']


# infinite generator with manual break
def naturals():
    n = 0
    while True:
        yield n
        n += 1


out = []
for n in naturals():
    if n >= 5:
        break
    out.append(n)
assert out == [0, 1, 2, 3, 4]
nat = naturals()
assert [next(nat) for _ in range(3)] == [0, 1, 2]
assert next(nat) == 3


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


fg = fib()
assert [next(fg) for _ in range(10)] == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]


# --- yield from ---
def inner():
    yield 'a'
    yield 'b'
    return 'inner-result'


def outer():
    r = yield from inner()
    yield r
    yield from [1, 2]
    yield from range(3, 5)
    yield from 'xy'


assert list(outer()) == ['a', 'b', 'inner-result', 1, 2, 3, 4, 'x', 'y']


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


assert list(flatten([1, [2, [3, [4]], 5], [[6]]])) == [1, 2, 3, 4, 5, 6]


def delegate_return():
    v = yield from with_return()
    return v * 2


g = delegate_return()
assert next(g) == 1
try:
    next(g)
except StopIteration as e:
    assert e.value == 'donedone'


# --- generator expressions ---
ge = (x * x for x in range(5))
assert type(ge).__name__ == 'generator'
assert next(ge) == 0
assert list(ge) == [1, 4, 9, 16]
assert list(ge) == []
assert sum(x for x in range(101)) == 5050
assert max(len(w) for w in ['a', 'abc', 'ab']) == 3
assert list((x, y) for x in range(2) for y in 'ab') == [(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]
assert list(x for x in range(10) if x % 3 == 0 if x) == [3, 6, 9]
assert tuple(c.upper() for c in 'abc') == ('A', 'B', 'C')
assert ''.join(str(i) for i in range(4)) == '0123'
assert any(x > 3 for x in [1, 5]) and not all(x > 3 for x in [1, 5])
# genexpr is lazy: first iterable evaluated immediately, rest lazily
evals = []


def src():
    evals.append('src')
    return [1, 2]


ge = (x for x in src())
assert evals == ['src'], "outermost iterable evaluated at creation"
try:
    (x for x in 5)
    assert False
except TypeError:
    pass
lazy_err = (1 / x for x in [1, 0])
assert next(lazy_err) == 1.0
try:
    next(lazy_err)
    assert False
except ZeroDivisionError:
    pass


# --- send ---
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total


acc = accumulator()
assert acc.send(None) == 0, "first send must be None"
assert acc.send(5) == 5
assert acc.send(10) == 15
try:
    acc.send(None)
    assert False
except StopIteration as e:
    assert e.value == 15

g = accumulator()
try:
    g.send(1)
    assert False, "can't send non-None value to a just-started generator"
except TypeError:
    pass


def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == 'stop':
            return received


e = echo()
next(e)
e.send('a')
assert e.send('b') == 2
assert next(e) == 3, "next() sends None"
try:
    e.send('stop')
except StopIteration as ex:
    assert ex.value == ['a', 'b', None, 'stop']


# send through yield from
def sub_echo():
    x = yield 'first'
    y = yield x * 2
    return x + y


def del_echo():
    r = yield from sub_echo()
    yield ('result', r)


g = del_echo()
assert next(g) == 'first'
assert g.send(3) == 6
assert g.send(4) == ('result', 7)


# --- throw ---
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as ex:
            yield 'caught ' + str(ex)


c = catcher()
assert next(c) == 'ready'
assert c.throw(ValueError('boom')) == 'caught boom'
assert next(c) == 'ready'
try:
    c.throw(KeyError('k'))
    assert False
except KeyError:
    pass
# generator is finished after uncaught exception
try:
    next(c)
    assert False
except StopIteration:
    pass


def simple():
    yield 1
    yield 2


s = simple()
try:
    s.throw(RuntimeError('unstarted'))
    assert False
except RuntimeError as ex:
    assert str(ex) == 'unstarted'
assert list(s) == []

s = simple()
next(s)
try:
    s.throw(TypeError)
    assert False
except TypeError:
    pass


def throw_return():
    try:
        yield 1
    except ValueError:
        return 'handled'


t = throw_return()
next(t)
try:
    t.throw(ValueError())
    assert False
except StopIteration as ex:
    assert ex.value == 'handled'


# throw propagates into yield from
def inner_t():
    try:
        yield 1
    except ValueError:
        yield 'inner caught'


def outer_t():
    yield from inner_t()


o = outer_t()
next(o)
assert o.throw(ValueError) == 'inner caught'

# --- close ---
closed = []


def closable():
    try:
        yield 1
        yield 2
    finally:
        closed.append(True)


cg = closable()
assert next(cg) == 1
assert cg.close() is None
assert closed == [True], "close runs finally blocks"
try:
    next(cg)
    assert False
except StopIteration:
    pass
cg.close()  # closing twice is fine
assert closed == [True]

ng = closable()
ng.close()  # never started: finally doesn't run
assert closed == [True]


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        closed.append('exit')
        raise


ce = catches_exit()
next(ce)
ce.close()
assert closed == [True, 'exit']


def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2


bc = bad_close()
next(bc)
try:
    bc.close()
    assert False
except RuntimeError:
    pass

assert issubclass(GeneratorExit, BaseException)
assert not issubclass(GeneratorExit, Exception)


# StopIteration raised inside a generator becomes RuntimeError
def leaks_stop():
    yield 1
    raise StopIteration


ls = leaks_stop()
next(ls)
try:
    next(ls)
    assert False
except RuntimeError:
    pass


# generators with finally and early break in for loop
fin = []


def gfin():
    try:
        for i in range(10):
            yield i
    finally:
        fin.append('fin')


gg = gfin()
for v in gg:
    if v == 2:
        break
assert fin == []
gg.close()
assert fin == ['fin']


# generator methods / attributes
def named_gen():
    yield


ng = named_gen()
assert ng.__name__ == 'named_gen'
assert hasattr(ng, 'send') and hasattr(ng, 'throw') and hasattr(ng, 'close')


# generator as a method
class Tree:
    def __init__(self, v, children=()):
        self.v = v
        self.children = children

    def walk(self):
        yield self.v
        for c in self.children:
            yield from c.walk()

    def __iter__(self):
        return self.walk()


t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
assert list(t) == [1, 2, 3, 4]
assert list(t.walk()) == [1, 2, 3, 4]

# independent generator instances
a = countdown(2)
b = countdown(2)
assert next(a) == 2 and next(a) == 1 and next(b) == 2


# yield as expression value (None without send)
def yexpr():
    x = yield
    y = yield x
    yield y


y = yexpr()
assert next(y) is None
assert next(y) is None
assert y.send(7) == 7


# zip/map/enumerate over generators
assert list(zip(countdown(3), naturals())) == [(3, 0), (2, 1), (1, 2)]
assert list(map(lambda v: v * 10, countdown(2))) == [20, 10]
assert list(enumerate(gen3(), 1)) == [(1, 1), (2, 2), (3, 3)]

print("ok")
