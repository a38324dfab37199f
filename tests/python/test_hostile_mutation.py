# Hostile mutation: containers resized by the very code they call (__index__,
# __eq__, __hash__, key functions, iterators). Every case ends in the error
# CPython raises or in a consistent value, never a crash.


def raises(exc, f, *args, msg=None):
    try:
        f(*args)
    except exc as e:
        if msg is not None:
            assert msg in str(e), (msg, str(e))
        return e
    raise AssertionError('%s not raised by %r' % (exc.__name__, f))


class Clearing:
    """An index whose __index__ empties the list `target` first."""
    def __init__(self, target, value=0):
        self.target = target
        self.value = value

    def __index__(self):
        self.target.clear()
        return self.value


# list[i] / list[i] = v / del list[i] with an __index__ that clears the list.
a = [1, 2]
raises(IndexError, lambda: a[Clearing(a)], msg='list index out of range')
a = [1, 2]
def setit():
    a[Clearing(a)] = 5
raises(IndexError, setit, msg='list assignment index out of range')
a = [1, 2]
def delit():
    del a[Clearing(a)]
raises(IndexError, delit)
a = [1, 2]
raises(IndexError, a.pop, Clearing(a))
a = [1, 2]
a.insert(Clearing(a, 5), 9)
assert a == [9]

# Slices whose bounds clear the list.
a = list(range(10))
assert a[Clearing(a, 1):] == []
a = list(range(10))
def setslice_step():
    a[::Clearing(a, 2)] = [0] * 5
raises(ValueError, setslice_step, msg='extended slice of size 0')
a = list(range(10))
del a[Clearing(a, 1)::Clearing(a, 2)]
assert a == []
a = list(range(10))
a[Clearing(a, 2):] = [7]
assert a == [7]

# The new items of a slice assignment come from a generator that clears the list.
a = [1, 2, 3]
def gen():
    a.clear()
    yield 1
a[0:3] = gen()
assert a == [1]
# (a[::2] = <generator that clears a> crashes CPython 3.11; tests/it/hostile.rs
# covers it.)

# bytearray with a clearing index.
class ClearBA:
    def __init__(self, b, v):
        self.b, self.v = b, v
    def __index__(self):
        self.b.clear()
        return self.v
# (b[ClearBA(b, 0)] = 1 crashes CPython 3.11; tests/it/hostile.rs covers it.)
b = bytearray(b'abcdef')
assert b[ClearBA(b, 3):] == bytearray()

# Sorting: the list is modified by the key function or the comparison.
a = [3, 2, 1]
def key_append(x):
    a.append(x)
    return x
raises(ValueError, lambda: a.sort(key=key_append), msg='list modified during sort')

class Cmp:
    def __init__(self, v, target):
        self.v, self.target = v, target
    def __lt__(self, other):
        self.target.clear()
        self.target.extend(range(100))
        return self.v < other.v
a = []
a.extend(Cmp(i, a) for i in range(20))
raises(ValueError, a.sort, msg='list modified during sort')

class Boom:
    def __lt__(self, other):
        raise ArithmeticError('lt')
raises(ArithmeticError, sorted, [Boom(), Boom(), Boom()])

a = list(range(100))
b = sorted(a, key=lambda x: a.pop() if a else 0)
assert len(b) == 100

# Dicts and sets mutated during iteration.
d = {1: 1, 2: 2}
def iter_add():
    for k in d:
        d[k + 10] = 0
raises(RuntimeError, iter_add, msg='changed size during iteration')
d = {1: 1, 2: 2}
def iter_del():
    for k in d:
        del d[k]
raises(RuntimeError, iter_del)
d = {1: 1, 2: 2}
def iter_values():
    for v in d.values():
        d[v + 5] = 1
raises(RuntimeError, iter_values)
s = {1, 2}
def iter_set():
    for x in s:
        s.add(x + 10)
raises(RuntimeError, iter_set, msg='changed size during iteration')

# Keys whose __eq__ / __hash__ mutate the dict during a lookup.
class EqClears:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        d.clear()
        return False
d = {}
d[EqClears()] = 1
d[EqClears()] = 2
assert len(d) <= 2

class HashClears:
    def __hash__(self):
        d.clear()
        return 1
d = {1: 1}
d[HashClears()] = 1
assert len(d) == 1

class EqRefills:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        d.clear()
        d[3] = 4
        return False
d = {EqRefills(): 1}
assert d.setdefault(EqRefills(), 5) == 5

class SetEqClears:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        st.clear()
        return False
st = {SetEqClears()}
st.add(SetEqClears())
assert SetEqClears() not in st

# Lists searched by `in`, index, remove and count while __eq__ empties them.
class EqEmpties:
    def __init__(self, result):
        self.result = result
    def __eq__(self, other):
        a.clear()
        return self.result
a = [1, 2, 3, 4]
assert EqEmpties(False) not in a
a = [1, 2, 3, 4]
raises(ValueError, a.index, EqEmpties(False))
a = [1, 2, 3, 4]
raises(ValueError, a.remove, EqEmpties(False))
a = [1, 2, 3, 4]
a.remove(EqEmpties(True))
assert a == []
a = [1, 2, 3, 4]
assert a.count(EqEmpties(True)) == 1

# Lists growing or shrinking under a for loop.
a = [1]
n = 0
for x in a:
    if n < 10000:
        a.append(x)
        n += 1
assert len(a) == 10001
a = list(range(10))
for x in a:
    del a[0]
assert a == [5, 6, 7, 8, 9]
a = [1, 2, 3]
for x in reversed(a):
    a.clear()
assert a == []
a = [1, 2, 3]
r = reversed(a)
a.clear()
assert list(r) == []
d = {1: 1}
k = d.keys()
d.clear()
assert list(k) == [] and len(k) == 0

# max/min with a key function or comparison that empties the list.
a = [1, 2, 3]
def key_clear(x):
    a.clear()
    return x
assert max(a, key=key_clear) == 1
class LtClears:
    def __lt__(self, other):
        a.clear()
        return True
a = [LtClears(), LtClears(), LtClears()]
min(a)

print('ok')
