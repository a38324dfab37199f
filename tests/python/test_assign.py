# Assignment forms: chained, augmented, unpacking, starred, subscripts,
# attributes, slices, del, swap, walrus.

# --- chained assignment ---
a = b = c = 5
assert a == 5 and b == 5 and c == 5
x = y = []
x.append(1)
assert y == [1] and x is y, "chained assignment binds the same object"

# chained assignment evaluates left-to-right targets
order = []


class Rec:
    def __setitem__(self, k, v):
        order.append(k)


r = Rec()
r[1] = r[2] = r[3] = 0
assert order == [1, 2, 3], order

# --- augmented assignment on ints ---
n = 10
n += 5
assert n == 15
n -= 3
assert n == 12
n *= 2
assert n == 24
n /= 4
assert n == 6.0 and type(n) is float
n = 17
n //= 5
assert n == 3
n = 17
n %= 5
assert n == 2
n **= 3
assert n == 8
n <<= 2
assert n == 32
n >>= 3
assert n == 4
n |= 3
assert n == 7
n &= 5
assert n == 5
n ^= 1
assert n == 4
n = -17
n //= 5
assert n == -4
n = -17
n %= 5
assert n == 3

# augmented on strings / lists / tuples
s = 'ab'
s += 'cd'
assert s == 'abcd'
s *= 2
assert s == 'abcdabcd'
lst = [1]
alias = lst
lst += [2, 3]
assert alias == [1, 2, 3] and alias is lst, "list += mutates in place"
lst *= 2
assert alias == [1, 2, 3, 1, 2, 3] and alias is lst
lst += (7,)
assert lst[-1] == 7, "list += accepts any iterable"
t = (1,)
t2 = t
t += (2,)
assert t == (1, 2) and t2 == (1,), "tuple += rebinds"

# augmented on subscript and attribute: evaluate target once
calls = []


def idx():
    calls.append(1)
    return 0


arr = [10]
arr[idx()] += 5
assert arr == [15] and len(calls) == 1


class Obj:
    pass


o = Obj()
o.v = 1
o.v += 41
assert o.v == 42
d = {'k': 1}
d['k'] *= 10
assert d['k'] == 10
d.setdefault('z', 0)
d['z'] -= 1
assert d['z'] == -1

# --- tuple / list unpacking ---
a, b = 1, 2
assert (a, b) == (1, 2)
(a, b) = [3, 4]
assert (a, b) == (3, 4)
[a, b] = (5, 6)
assert (a, b) == (5, 6)
a, = [9]
assert a == 9
(a,) = (8,)
assert a == 8
[a] = 'z'
assert a == 'z'
a, b, c = 'xyz'
assert a + b + c == 'xyz'
a, b = range(2)
assert (a, b) == (0, 1)
a, b = {'p': 1, 'q': 2}
assert (a, b) == ('p', 'q')
(a, b), c = (1, 2), 3
assert (a, b, c) == (1, 2, 3)
a, (b, (c, e)) = 1, (2, [3, 4])
assert (a, b, c, e) == (1, 2, 3, 4)
[a, [b, c]] = [1, 'xy']
assert (a, b, c) == (1, 'x', 'y')

for i, (j, k) in [(1, (2, 3)), (4, (5, 6))]:
    pass
assert (i, j, k) == (4, 5, 6)

try:
    a, b = 1, 2, 3
    assert False, "too many values"
except ValueError:
    pass
try:
    a, b, c = [1, 2]
    assert False, "not enough values"
except ValueError:
    pass
try:
    a, b = 5
    assert False, "non-iterable"
except TypeError:
    pass

# --- starred targets ---
first, *rest = [1, 2, 3, 4]
assert first == 1 and rest == [2, 3, 4]
*init, last = (1, 2, 3, 4)
assert init == [1, 2, 3] and last == 4
assert type(init) is list, "starred target always produces a list"
h, *mid, t = 'abcde'
assert h == 'a' and mid == ['b', 'c', 'd'] and t == 'e'
h, *mid, t = [1, 2]
assert mid == []
*everything, = range(3)
assert everything == [0, 1, 2]
[*everything] = 'ab'
assert everything == ['a', 'b']
a, *b, c, d = range(6)
assert (a, b, c, d) == (0, [1, 2, 3], 4, 5)
(a, *b), c = 'xyz', 1
assert (a, b, c) == ('x', ['y', 'z'], 1)
try:
    a, *b, c = [1]
    assert False
except ValueError:
    pass

# starred in expressions
assert [*range(3), *'ab'] == [0, 1, 2, 'a', 'b']
assert (*[1, 2], 3) == (1, 2, 3)
assert {*[1, 1, 2]} == {1, 2}
assert {**{'a': 1}, 'b': 2, **{'a': 3}} == {'a': 3, 'b': 2}

# --- subscript and attribute targets ---
lst = [0, 0, 0]
lst[0] = 1
lst[-1] = 3
assert lst == [1, 0, 3]
m = [[0, 0], [0, 0]]
m[1][0] = 5
assert m == [[0, 0], [5, 0]]
d = {}
d['a'] = d['b'] = 1
assert d == {'a': 1, 'b': 1}
d[(1, 2)] = 'tuple'
assert d[1, 2] == 'tuple'
o = Obj()
o.a = o.b = 7
assert o.a == 7 and o.b == 7
o.child = Obj()
o.child.x = 3
assert o.child.x == 3
lst[0], o.a, d['c'] = 'L', 'O', 'D'
assert lst[0] == 'L' and o.a == 'O' and d['c'] == 'D'
try:
    lst[10] = 1
    assert False
except IndexError as ex:
    assert str(ex) == 'list assignment index out of range', str(ex)

# unpacking order: i is assigned before lst[i]
lst = [0, 0, 0]
i, lst[i] = 1, 9
assert lst == [0, 9, 0]

# --- slice assignment and deletion ---
lst = list(range(10))
lst[2:5] = ['a']
assert lst == [0, 1, 'a', 5, 6, 7, 8, 9]
lst[1:1] = [100, 200]
assert lst == [0, 100, 200, 1, 'a', 5, 6, 7, 8, 9]
lst[:] = [1, 2, 3]
assert lst == [1, 2, 3]
lst[len(lst):] = [4, 5]
assert lst == [1, 2, 3, 4, 5]
lst[:2] = []
assert lst == [3, 4, 5]
lst[-1:] = 'xy'
assert lst == [3, 4, 'x', 'y']
lst = list(range(10))
lst[::2] = ['e'] * 5
assert lst == ['e', 1, 'e', 3, 'e', 5, 'e', 7, 'e', 9]
lst[::-3] = [0, 0, 0, 0]
assert lst == [0, 1, 'e', 0, 'e', 5, 0, 7, 'e', 0], lst
try:
    lst[::2] = [1, 2]
    assert False, "extended slice size mismatch"
except ValueError:
    pass
lst = list(range(10))
del lst[1:3]
assert lst == [0, 3, 4, 5, 6, 7, 8, 9]
del lst[::2]
assert lst == [3, 5, 7, 9]
del lst[-1]
assert lst == [3, 5, 7]
del lst[:]
assert lst == []
lst = list(range(5))
del lst[10:20]
assert lst == [0, 1, 2, 3, 4]
del lst[::-1]
assert lst == []

# --- del ---
v = 1
del v
try:
    v
    assert False
except NameError as ex:
    assert str(ex) == "name 'v' is not defined", str(ex)
d = {'a': 1, 'b': 2}
del d['a']
assert d == {'b': 2}
try:
    del d['zz']
    assert False
except KeyError as ex:
    assert str(ex) == "'zz'"
o = Obj()
o.attr = 1
del o.attr
assert not hasattr(o, 'attr')
try:
    del o.attr
    assert False
except AttributeError:
    pass
p, q = 1, 2
del p, q
try:
    p
    assert False
except NameError:
    pass
lst = [1, 2, 3]
del lst[0], lst[0]
assert lst == [3]
(aa, bb) = 1, 2
del (aa, bb)
assert 'aa' not in globals()


def del_local():
    loc = 1
    del loc
    try:
        loc
    except UnboundLocalError:
        return 'unbound'
    return 'bound'


assert del_local() == 'unbound'

# --- swap idiom ---
a, b = 1, 2
a, b = b, a
assert (a, b) == (2, 1)
a, b, c = 1, 2, 3
a, b, c = c, a, b
assert (a, b, c) == (3, 1, 2)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
assert lst == [3, 2, 1]

# --- walrus ---
if (n := 10) > 5:
    assert n == 10
else:
    assert False
assert n == 10

data = [1, 2, 3, 0, 4]
it = iter(data)
out = []
while (val := next(it)) != 0:
    out.append(val)
assert out == [1, 2, 3] and val == 0

ys = [yv for xv in range(5) if (yv := xv * 2) > 4]
assert ys == [6, 8]
assert yv == 8, "walrus in comprehension binds in enclosing scope"
assert [last := i for i in range(3)] == [0, 1, 2] and last == 2
assert (w := 3) + w == 6


def walrus_fn():
    [(inner := i) for i in range(4)]
    return inner


assert walrus_fn() == 3
assert any((hit := v) > 2 for v in [1, 3, 5]) and hit == 3
print("ok")


# Two or three targets from as many values: evaluated left to right, then
# stored left to right (no tuple in between).
order = []
def val(tag, v):
    order.append(tag)
    return v

a, b = val("x", 1), val("y", 2)
assert (a, b) == (1, 2) and order == ["x", "y"]
a, b = b, a
assert (a, b) == (2, 1)
a, b, c = 1, 2, 3
a, b, c = c, a, b
assert (a, b, c) == (3, 1, 2)
xs = [0, 1, 2]
xs[0], xs[1], xs[2] = xs[2], xs[0], xs[1]
assert xs == [2, 0, 1]
i = 0
i, xs[i] = 1, 9
assert i == 1 and xs == [2, 9, 1]
[p, q] = 5, 6
assert (p, q) == (5, 6)
m, (n1, n2) = 1, (2, 3)
assert (m, n1, n2) == (1, 2, 3)
try:
    a, b = 1, 2, 3
    assert False
except ValueError as e:
    assert "too many values to unpack" in str(e), e
