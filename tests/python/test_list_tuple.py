# list and tuple: methods, slicing, slice assignment, operators,
# comparison, constructors, sorted/reversed/enumerate/zip/min/max/sum/any/all.

# --- list methods ---
l = [1, 2]
l.append(3)
assert l == [1, 2, 3]
l.append([4])
assert l == [1, 2, 3, [4]] and len(l) == 4
l = [1]
l.extend([2, 3])
l.extend((4,))
l.extend('ab')
l.extend(range(2))
l.extend(x for x in [9])
assert l == [1, 2, 3, 4, 'a', 'b', 0, 1, 9]
l = [1, 2]
l.extend(l)
assert l == [1, 2, 1, 2], "extend with self"

l = [1, 2, 3]
l.insert(0, 'a')
assert l == ['a', 1, 2, 3]
l.insert(2, 'b')
assert l == ['a', 1, 'b', 2, 3]
l.insert(100, 'end')
assert l[-1] == 'end'
l.insert(-1, 'pen')
assert l[-2:] == ['pen', 'end']
l.insert(-100, 'start')
assert l[0] == 'start'

l = [10, 20, 30, 40]
assert l.pop() == 40 and l == [10, 20, 30]
assert l.pop(0) == 10 and l == [20, 30]
assert l.pop(-1) == 30 and l == [20]
try:
    l.pop(5)
    assert False
except IndexError as ex:
    assert str(ex) == 'pop index out of range'
try:
    [].pop()
    assert False
except IndexError as ex:
    assert str(ex) == 'pop from empty list'

l = [1, 2, 3, 2]
l.remove(2)
assert l == [1, 3, 2], "remove deletes first occurrence"
try:
    l.remove(99)
    assert False
except ValueError:
    pass

l = ['a', 'b', 'c', 'b', 'a']
assert l.index('b') == 1
assert l.index('b', 2) == 3
assert l.index('a', 1) == 4
assert l.index('c', -3) == 2
try:
    l.index('b', 4)
    assert False
except ValueError as ex:
    assert str(ex) == "'b' is not in list", str(ex)
assert l.count('a') == 2 and l.count('z') == 0
assert [1, 1.0, True].count(1) == 3

l = [1, 2, 3]
assert l.reverse() is None
assert l == [3, 2, 1]

l = [3, 1, 2]
assert l.sort() is None
assert l == [1, 2, 3]
l.sort(reverse=True)
assert l == [3, 2, 1]
words = ['banana', 'Apple', 'cherry', 'date']
words.sort()
assert words == ['Apple', 'banana', 'cherry', 'date']
words.sort(key=str.lower, reverse=True)
assert words == ['date', 'cherry', 'banana', 'Apple']
words.sort(key=len)
assert words == ['date', 'Apple', 'cherry', 'banana'], "stable sort by length"
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
pairs.sort(key=lambda p: p[0])
assert pairs == [(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')], "sort is stable"
pairs.sort(key=lambda p: p[0], reverse=True)
assert pairs == [(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')], "reverse sort preserves stability"
nums = [5, -3, 2, -1]
nums.sort(key=abs)
assert nums == [-1, 2, -3, 5]
mixed = [3, 1.5, 2]
mixed.sort()
assert mixed == [1.5, 2, 3]
try:
    [1, 'a'].sort()
    assert False
except TypeError:
    pass
big = list(range(1000, 0, -1))
big.sort()
assert big == list(range(1, 1001))

l = [1, 2, 3]
l.clear()
assert l == []
l = [[1], 2]
c = l.copy()
assert c == l and c is not l and c[0] is l[0], "copy is shallow"

# --- slicing with steps ---
l = list(range(10))
assert l[2:5] == [2, 3, 4]
assert l[::3] == [0, 3, 6, 9]
assert l[::-1] == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
assert l[8:2:-2] == [8, 6, 4]
assert l[-3:] == [7, 8, 9]
assert l[:-7] == [0, 1, 2]
assert l[100:] == []
assert l[-100:2] == [0, 1]
assert l[5:5] == []
assert l[1:-1:4] == [1, 5]
s = slice(1, 8, 3)
assert l[s] == [1, 4, 7]
assert l[slice(3)] == [0, 1, 2]
assert slice(1, 2, 3).start == 1 and slice(1, 2, 3).step == 3
assert slice(None, 5).indices(10) == (0, 5, 1)
assert slice(None, None, -1).indices(4) == (3, -1, -1)
assert repr(slice(1, 2)) == 'slice(1, 2, None)'

# --- slice assignment ---
l = [0, 1, 2, 3, 4]
l[1:3] = ['a', 'b', 'c', 'd']
assert l == [0, 'a', 'b', 'c', 'd', 3, 4]
l[1:5] = []
assert l == [0, 3, 4]
l[0:0] = [9, 9]
assert l == [9, 9, 0, 3, 4]
l[-1:] = range(3)
assert l == [9, 9, 0, 3, 0, 1, 2]
l[:] = 'xy'
assert l == ['x', 'y']
l = [0, 1, 2, 3, 4, 5]
l[::2] = [10, 20, 30]
assert l == [10, 1, 20, 3, 30, 5]
l[1::2] = 'abc'
assert l == [10, 'a', 20, 'b', 30, 'c']
try:
    l[::2] = [1, 2]
    assert False
except ValueError as ex:
    assert str(ex) == 'attempt to assign sequence of size 2 to extended slice of size 3', str(ex)
l = [1, 2, 3]
l[1:2] = l
assert l == [1, 1, 2, 3, 3], "slice assignment from self"
l = [1, 2, 3, 4]
del l[::2]
assert l == [2, 4]
try:
    l[0:1] = 5
    assert False
except TypeError:
    pass

# --- multiplication / concatenation ---
assert [1, 2] * 3 == [1, 2, 1, 2, 1, 2]
assert 2 * [0] == [0, 0]
assert [1] * 0 == [] and [1] * -2 == []
assert [1] + [2, 3] == [1, 2, 3]
assert [] + [] == []
try:
    [1] + (2,)
    assert False
except TypeError as ex:
    assert str(ex) == 'can only concatenate list (not "tuple") to list', str(ex)
grid = [[0] * 3] * 2
grid[0][0] = 1
assert grid == [[1, 0, 0], [1, 0, 0]], "aliasing with * on nested lists"
assert grid[0] is grid[1]
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
assert grid2 == [[1, 0, 0], [0, 0, 0]]
l = [1]
l2 = l
l = l + [2]
assert l2 == [1], "+ creates new list"

# --- comparison ---
assert [1, 2, 3] < [1, 2, 4]
assert [1, 2] < [1, 2, 0]
assert [2] > [1, 99]
assert [] < [0]
assert [1, 2] == [1, 2] and [1, 2] != [2, 1]
assert [1, 2] <= [1, 2] and [1, 3] >= [1, 2]
assert [[1, 2], [3]] < [[1, 2], [4]]
assert [1, 2] != (1, 2)
assert not ([1] == (1,))
assert ['a', 'b'] < ['a', 'c']
try:
    [1] < ['a']
    assert False
except TypeError:
    pass

# --- nested lists / in ---
nested = [[1, [2, 3]], [4]]
assert nested[0][1][1] == 3
assert [4] in nested and [2, 3] not in nested
assert 3 in nested[0][1]
assert len(nested) == 2
rec = [1]
rec.append(rec)
assert repr(rec) == '[1, [...]]'

# --- repr ---
assert repr([]) == '[]'
assert repr([1, 'a', None, 2.5, [True]]) == "[1, 'a', None, 2.5, [True]]"
assert repr(()) == '()'
assert repr((1,)) == '(1,)'
assert repr((1, 2)) == '(1, 2)'
assert repr(((),)) == '((),)'
assert repr(([], {})) == '([], {})'
assert str((1, 'x')) == "(1, 'x')"

# --- tuples ---
t = (1, 2, 3, 2)
assert t.count(2) == 2
assert t.index(3) == 2
assert t.index(2, 2) == 3
try:
    t.index(9)
    assert False
except ValueError:
    pass
assert t[1:3] == (2, 3) and type(t[1:3]) is tuple
assert t[::-1] == (2, 3, 2, 1)
assert len(t) == 4
assert (1, 2) + (3,) == (1, 2, 3)
assert (1,) * 3 == (1, 1, 1)
assert () == tuple()
one = 1,
assert type(one) is tuple and one == (1,)
assert (1) == 1 and type((1)) is int
try:
    t[0] = 5
    assert False
except TypeError:
    pass
try:
    t.append
    assert False
except AttributeError:
    pass
a, b, c, d = t
assert (a, b, c, d) == (1, 2, 3, 2)
assert hash((1, 2)) == hash((1, 2))
assert hash((1, (2, 'a'))) == hash((1, (2, 'a')))
assert hash(()) == hash(())
assert {(1, 2): 'v'}[(1, 2)] == 'v'
try:
    hash((1, [2]))
    assert False
except TypeError:
    pass
assert (1, 2) < (1, 3) and (1, 2) < (1, 2, 0) and (2,) > (1, 5)
assert (1, 'a') == (1, 'a') and (1, 2) != (1, 2.5)
assert max([(1, 'b'), (1, 'c'), (0, 'z')]) == (1, 'c')
tt = ([1],)
tt[0].append(2)
assert tt == ([1, 2],), "tuple holding mutable object"
assert (1, 2, 3)[-1] == 3
assert 2 in (1, 2) and 5 not in (1, 2)

# --- constructors ---
assert list() == [] and tuple() == ()
assert list('abc') == ['a', 'b', 'c']
assert list((1, 2)) == [1, 2]
assert list(range(3)) == [0, 1, 2]
assert list({'a': 1, 'b': 2}) == ['a', 'b']
assert list({'a': 1}.items()) == [('a', 1)]
assert tuple([1, 2]) == (1, 2)
assert tuple('ab') == ('a', 'b')
assert tuple(x * 2 for x in range(3)) == (0, 2, 4)
lst = [1, 2]
assert list(lst) is not lst
tp = (1, 2)
assert tuple(tp) is tp, "tuple(tuple) returns same object"
try:
    list(5)
    assert False
except TypeError as ex:
    assert str(ex) == "'int' object is not iterable"

# --- sorted / reversed ---
src = [3, 1, 2]
assert sorted(src) == [1, 2, 3] and src == [3, 1, 2]
assert sorted(src, reverse=True) == [3, 2, 1]
assert sorted(['bb', 'a', 'ccc'], key=len) == ['a', 'bb', 'ccc']
assert sorted('bca') == ['a', 'b', 'c']
assert sorted((3, 2)) == [2, 3]
assert sorted({'b': 1, 'a': 2}) == ['a', 'b']
assert sorted([]) == []
assert sorted([(2, 'a'), (1, 'b'), (2, 'A')]) == [(1, 'b'), (2, 'A'), (2, 'a')]
assert list(reversed([1, 2, 3])) == [3, 2, 1]
assert list(reversed((1, 2))) == [2, 1]
assert list(reversed('ab')) == ['b', 'a']
assert list(reversed(range(3))) == [2, 1, 0]
assert list(reversed([])) == []
r = reversed([1, 2])
assert next(r) == 2 and next(r) == 1 and next(r, None) is None

# --- enumerate / zip ---
assert list(enumerate('ab')) == [(0, 'a'), (1, 'b')]
assert list(enumerate('ab', 1)) == [(1, 'a'), (2, 'b')]
assert list(enumerate('ab', start=-1)) == [(-1, 'a'), (0, 'b')]
assert list(enumerate([])) == []
assert list(zip([1, 2, 3], 'ab')) == [(1, 'a'), (2, 'b')]
assert list(zip()) == []
assert list(zip([1, 2])) == [(1,), (2,)]
assert list(zip('ab', 'cd', 'ef')) == [('a', 'c', 'e'), ('b', 'd', 'f')]
assert list(zip(*[(1, 'a'), (2, 'b')])) == [(1, 2), ('a', 'b')], "unzip"
assert dict(zip('ab', [1, 2])) == {'a': 1, 'b': 2}

# --- min / max ---
assert min([3, 1, 2]) == 1 and max([3, 1, 2]) == 3
assert min(3, 1, 2) == 1 and max(3, 1, 2) == 3
assert max(['a', 'ccc', 'bb'], key=len) == 'ccc'
assert min(['a', 'ccc', 'bb'], key=len) == 'a'
assert max([1, 3, 3], key=lambda x: x) == 3
assert max([(1, 'a'), (1, 'b')], key=lambda p: p[0]) == (1, 'a'), "first maximal element wins"
assert min([(1, 'a'), (1, 'b')], key=lambda p: p[0]) == (1, 'a')
assert max([], default=None) is None
assert min([], default='empty') == 'empty'
assert max([5], default=0) == 5
assert max('hello') == 'o'
assert min(-1, -2, key=abs) == -1
try:
    max([])
    assert False
except ValueError:
    pass

# --- sum / any / all ---
assert sum([1, 2, 3]) == 6
assert sum([]) == 0
assert sum([1, 2], 10) == 13
assert sum([[1], [2]], []) == [1, 2]
assert sum([0.5, 0.5]) == 1.0
assert sum(range(101)) == 5050
assert sum([1, 2], start=5) == 8
try:
    sum(['a', 'b'], '')
    assert False
except TypeError:
    pass
assert any([0, '', 1]) is True
assert any([]) is False
assert all([1, 'a', [0]]) is True
assert all([]) is True
assert all([1, 0]) is False
assert any(x > 5 for x in range(10))
assert not all(x > 5 for x in range(10))

# --- misc list behaviour ---
l = [1, 2, 3]
for i, v in enumerate(l):
    l[i] = v * 10
assert l == [10, 20, 30]
l = [3, 1, 2]
assert l[l.index(1)] == 1
assert [i for i in reversed(l)] == [2, 1, 3]
l = []
l += 'ab'
assert l == ['a', 'b']
del l[0]
assert l == ['b']
assert len([None] * 100) == 100
assert [1, 2, 3].__len__() == 3
assert list.__name__ == 'list' and tuple.__name__ == 'tuple'
assert isinstance([], list) and not isinstance((), list)

# del with slices of every step matches the index arithmetic, and a large
# prefix deletion stays linear
for n in range(0, 9):
    for start in (None, -10, -3, 0, 1, 4, 10):
        for stop in (None, -10, -2, 0, 3, 7, 10):
            for step in (None, 1, 2, 3, -1, -2):
                a = list(range(n))
                del a[start:stop:step]
                gone = set(range(n)[start:stop:step])
                assert a == [x for x in range(n) if x not in gone], (n, start, stop, step)
big = list(range(200000))
for _ in range(200):
    del big[:1000]
assert big == []

print("ok")
