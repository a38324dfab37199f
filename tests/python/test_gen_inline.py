# Generators driven by `for` and `yield from` (run inside the caller's loop)
# and by native code (next, list, sum) behave the same.
import sys
import traceback


def count(n):
    i = 0
    while i < n:
        got = yield i
        assert got is None
        i += 1
    return "done"


# for-loops over generators, nested three deep
def double(it):
    for x in it:
        yield 2 * x


def evens(it):
    for x in it:
        if x % 4 == 0:
            yield x


assert list(evens(double(count(10)))) == [0, 4, 8, 12, 16]
total = 0
for v in evens(double(count(100))):
    total += v
assert total == sum(evens(double(count(100)))) == 4900

# mixing native and inline resumes of the same generator
g = count(6)
seen = [next(g)]
for x in g:
    seen.append(x)
    if x == 2:
        seen.append(next(g))
assert seen == [0, 1, 2, 3, 4, 5], seen
assert next(g, "end") == "end"
for x in g:
    raise AssertionError("an exhausted generator yields nothing")


# yield from: values pass through, the return value comes back
def outer():
    r = yield from count(3)
    yield r
    r2 = yield from inner_chain()
    yield r2


def inner_chain():
    r = yield from count(2)
    return r + "!"


assert list(outer()) == [0, 1, 2, "done", 0, 1, "done!"]


# send() through yield from into a generator run inline
def echo():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            return got
        got.append(v)


def relay():
    res = yield from echo()
    yield ("result", res)


r = relay()
assert next(r) == 0
assert r.send("a") == 1
assert r.send("b") == 2
assert r.send(None) == ("result", ["a", "b"])


# PEP 479: StopIteration raised inside a generator that a for loop runs
def leaky():
    yield 1
    raise StopIteration("oops")


out = []
try:
    for x in leaky():
        out.append(x)
    raise AssertionError("expected RuntimeError")
except RuntimeError as e:
    assert "StopIteration" in str(e)
    assert isinstance(e.__cause__, StopIteration)
assert out == [1]


def delegating_leak():
    yield from leaky()


try:
    list(delegating_leak())
    raise AssertionError("expected RuntimeError")
except RuntimeError as e:
    assert isinstance(e.__cause__, StopIteration)


# the same through native resumes: next() and throw()
def leaky_next():
    yield 1
    raise StopIteration(5)


it = leaky_next()
next(it)
try:
    next(it)
    raise AssertionError("expected RuntimeError")
except RuntimeError as e:
    assert isinstance(e.__cause__, StopIteration)

it = count(3)
next(it)
try:
    it.throw(StopIteration)
    raise AssertionError("expected RuntimeError")
except RuntimeError as e:
    assert isinstance(e.__cause__, StopIteration)


# exceptions leave an inline generator, mark it finished, and can be caught
def fails_at(k):
    for i in range(10):
        if i == k:
            raise ValueError(i)
        yield i


g = fails_at(3)
got = []
try:
    for x in g:
        got.append(x)
except ValueError as e:
    assert e.args == (3,)
assert got == [0, 1, 2]
assert next(g, "finished") == "finished"


# the traceback names the generator's frame
def tb_text(e):
    return "".join(traceback.format_exception(type(e), e, e.__traceback__))


try:
    for x in fails_at(0):
        pass
except ValueError as e:
    text = tb_text(e)
    assert "in fails_at" in text and "raise ValueError(i)" in text, text


# an exception handled inside the generator, then it goes on
def resilient():
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            yield i
        except KeyError:
            yield -i


assert [x for x in resilient()] == [0, -1, 2, -3]


# a generator may not resume itself while it runs
def selfish():
    yield me_running()
    yield next(me)


def me_running():
    return me.gi_running


me = selfish()
for x in me:
    assert x is True
    break
try:
    for x in me:
        pass
    raise AssertionError("expected ValueError")
except ValueError as e:
    assert "already executing" in str(e)


# close() and throw() after the generator was run by a loop
def closable(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("closed")


log = []
c = closable(log)
for x in c:
    break
c.close()
assert log == ["closed"]


def catcher():
    while True:
        try:
            yield "ok"
        except ZeroDivisionError:
            yield "caught"


c = catcher()
for x in c:
    assert x == "ok"
    break
assert c.throw(ZeroDivisionError) == "caught"
assert next(c) == "ok"


def delegator():
    yield from catcher()


d = delegator()
for x in d:
    break
assert d.throw(ZeroDivisionError) == "caught"


# deep chains of generators stay within the recursion limit's frames
def chain(n):
    if n == 0:
        yield from range(3)
    else:
        for x in chain(n - 1):
            yield x


assert list(chain(50)) == [0, 1, 2]


def endless(n):
    yield from endless(n + 1)


try:
    next(endless(0))
    raise AssertionError("expected RecursionError")
except RecursionError:
    pass

# a generator expression consumed by a for loop, with a closure inside
k = 3
acc = []
for v in (x * k for x in count(4)):
    acc.append(v)
assert acc == [0, 3, 6, 9]
# a `yield` used as a statement discards what send() passes in, whichever
# way the generator is resumed; one used as an expression receives it
def statement_yields():
    yield 1
    yield 2
    got = yield 3
    yield got


g = statement_yields()
assert next(g) == 1
assert g.send("ignored") == 2
assert next(g) == 3
assert g.send("kept") == "kept"
assert list(g) == []
assert [x for x in statement_yields()] == [1, 2, 3, None]
assert sum(v for v in statement_yields() if v) == 6


def fails_after_resume():
    yield 1
    x = 1 // 0
    yield x


g = fails_after_resume()
next(g)
try:
    g.send(42)
    raise AssertionError("expected ZeroDivisionError")
except ZeroDivisionError:
    import traceback
    assert "x = 1 // 0" in traceback.format_exc()
# `yield from` a list, a tuple and a partly used list iterator; the list
# grows while it is delegated to, and an exhausted iterator stays exhausted
def delegate(src):
    r = yield from src
    return r


grow = [1, 2]
out = []
for v in delegate(grow):
    out.append(v)
    if v < 4:
        grow.append(v + 2)
assert out == [1, 2, 3, 4, 5] and grow == [1, 2, 3, 4, 5], (out, grow)
assert list(delegate((7, 8))) == [7, 8]
part = iter([1, 2, 3])
next(part)
assert list(delegate(part)) == [2, 3]
assert list(delegate(part)) == []
grow.append(9)
assert list(delegate(part)) == []
assert sys.getrecursionlimit() > 0
print("ok")
