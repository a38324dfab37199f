# dict, set and frozenset semantics.

# --- dict basics and insertion order ---
d = {}
d['z'] = 1
d['a'] = 2
d['m'] = 3
assert list(d) == ['z', 'a', 'm']
assert list(d.keys()) == ['z', 'a', 'm']
assert list(d.values()) == [1, 2, 3]
assert list(d.items()) == [('z', 1), ('a', 2), ('m', 3)]
d['z'] = 100
assert list(d) == ['z', 'a', 'm'], "updating value keeps position"
del d['z']
d['z'] = 1
assert list(d) == ['a', 'm', 'z'], "re-inserting moves to end"
assert len(d) == 3
assert repr({}) == '{}'
assert repr({'a': 1, 2: 'b'}) == "{'a': 1, 2: 'b'}"
assert repr({1: {2: [3]}}) == '{1: {2: [3]}}'
assert str({'k': (1,)}) == "{'k': (1,)}"
rd = {}
rd['self'] = rd
assert repr(rd) == "{'self': {...}}"

# --- constructors ---
assert dict() == {}
assert dict(a=1, b=2) == {'a': 1, 'b': 2}
assert dict([('a', 1), ('b', 2)]) == {'a': 1, 'b': 2}
assert dict({'a': 1}, b=2) == {'a': 1, 'b': 2}
assert dict([('a', 1)], a=5) == {'a': 5}
assert dict(zip('abc', range(3))) == {'a': 0, 'b': 1, 'c': 2}
assert dict([['k', 'v']]) == {'k': 'v'}
assert dict(['ab', 'cd']) == {'a': 'b', 'c': 'd'}
try:
    dict([(1, 2, 3)])
    assert False
except ValueError:
    pass
assert dict.fromkeys('ab') == {'a': None, 'b': None}
assert dict.fromkeys([1, 2], 0) == {1: 0, 2: 0}
fk = dict.fromkeys(['x', 'y'], [])
fk['x'].append(1)
assert fk['y'] == [1], "fromkeys shares the value object"

# --- update ---
d = {'a': 1}
d.update({'b': 2})
d.update(c=3)
d.update([('d', 4), ('a', 10)])
d.update({'e': 5}, f=6)
assert d == {'a': 10, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}
assert list(d) == ['a', 'b', 'c', 'd', 'e', 'f']
assert d.update() is None

# --- get / setdefault / pop / popitem ---
d = {'a': 1}
assert d.get('a') == 1
assert d.get('b') is None
assert d.get('b', 'dflt') == 'dflt'
assert d.setdefault('a', 99) == 1
assert d.setdefault('b', []) == []
d.setdefault('b', []).append(5)
assert d['b'] == [5]
assert d.setdefault('c') is None and 'c' in d
assert d.pop('a') == 1 and 'a' not in d
assert d.pop('zz', 'none') == 'none'
try:
    d.pop('zz')
    assert False
except KeyError as ex:
    assert ex.args == ('zz',)
d = {'x': 1, 'y': 2, 'z': 3}
assert d.popitem() == ('z', 3), "popitem is LIFO"
assert d.popitem() == ('y', 2)
assert d == {'x': 1}
d.popitem()
try:
    d.popitem()
    assert False
except KeyError:
    pass

# --- copy / clear ---
d = {'l': [1]}
c = d.copy()
assert c == d and c is not d and c['l'] is d['l']
c['n'] = 2
assert 'n' not in d
d.clear()
assert d == {} and len(d) == 0 and c != d

# --- KeyError ---
try:
    {}['missing']
    assert False
except KeyError as ex:
    assert str(ex) == "'missing'"
    assert repr(ex) == "KeyError('missing')"
try:
    {}[(1, 2)]
except KeyError as ex:
    assert str(ex) == '(1, 2)'
    assert ex.args == ((1, 2),)
try:
    {}[5]
except KeyError as ex:
    assert str(ex) == '5'

# --- views ---
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
assert len(k) == 3 and len(v) == 3 and len(it) == 3
assert 'a' in k and 'z' not in k
assert 2 in v and 9 not in v
assert ('a', 1) in it and ('a', 2) not in it
d['d'] = 4
assert len(k) == 4 and list(k)[-1] == 'd', "views are dynamic"
assert k & {'a', 'z'} == {'a'}
assert k | {'z'} == {'a', 'b', 'c', 'd', 'z'}
assert k - {'a', 'b'} == {'c', 'd'}
assert k == {'a', 'b', 'c', 'd'}
assert sorted(v) == [1, 2, 3, 4]
assert list(reversed(d)) == ['d', 'c', 'b', 'a']
assert list(reversed(d.values())) == [4, 3, 2, 1]

# iteration
keys = []
for key in d:
    keys.append(key)
assert keys == ['a', 'b', 'c', 'd']
pairs = [(kk, vv) for kk, vv in d.items()]
assert pairs == [('a', 1), ('b', 2), ('c', 3), ('d', 4)]

# --- comprehension and del ---
sq = {i: i * i for i in range(5)}
assert sq == {0: 0, 1: 1, 2: 4, 3: 9, 4: 16}
del sq[0]
del sq[4]
assert sq == {1: 1, 2: 4, 3: 9}
assert list(sq) == [1, 2, 3]

# --- merge operators ---
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
assert a | b == {'x': 1, 'y': 20, 'z': 30}
assert b | a == {'y': 2, 'z': 30, 'x': 1}
assert list(a | b) == ['x', 'y', 'z']
assert a == {'x': 1, 'y': 2}, "| does not mutate"
a2 = a
a |= b
assert a is a2 and a == {'x': 1, 'y': 20, 'z': 30}
a |= [('w', 0)]
assert a['w'] == 0
try:
    {} | [('a', 1)]
    assert False
except TypeError:
    pass

# --- equality ignores order ---
assert {'a': 1, 'b': 2} == {'b': 2, 'a': 1}
assert {'a': 1} != {'a': 2}
assert {'a': 1} != {'b': 1}
assert {} != {'a': 1}
assert {1: [1, 2]} == {1: [1, 2]}
try:
    {} < {}
    assert False
except TypeError:
    pass

# --- int / float / bool key equivalence ---
d = {}
d[1] = 'int'
assert d[1.0] == 'int'
assert d[True] == 'int'
d[1.0] = 'float'
assert len(d) == 1 and d[1] == 'float'
assert list(d.keys())[0] == 1 and type(list(d)[0]) is int, "key object kept from first insert"
d[0] = 'zero'
assert d[False] == 'zero' and d[0.0] == 'zero' and d[-0.0] == 'zero'
assert 2.0 not in d and 2 not in d

# --- tuple keys, unhashable keys ---
grid = {(0, 0): 'origin', (1, 2): 'p'}
assert grid[0, 0] == 'origin'
assert grid[(1, 2)] == 'p'
assert (2, 1) not in grid
grid[('a', (1, 2))] = 'nested'
assert grid['a', (1, 2)] == 'nested'
try:
    {}[[1]] = 2
    assert False
except TypeError as ex:
    assert str(ex) == "unhashable type: 'list'"
try:
    {[1]: 2}
    assert False
except TypeError:
    pass
try:
    {}.get({})
    assert False
except TypeError:
    pass
assert {None: 1}[None] == 1

# --- mutation during iteration ---
d = {'a': 1, 'b': 2}
try:
    for key in d:
        d['new_' + key] = 0
    assert False
except RuntimeError as ex:
    assert str(ex) == 'dictionary changed size during iteration', str(ex)
d = {'a': 1, 'b': 2}
try:
    for key in d:
        del d[key]
    assert False
except RuntimeError:
    pass
d = {'a': 1, 'b': 2}
for key in d:
    d[key] = 0  # value updates are fine
assert d == {'a': 0, 'b': 0}
for key in list(d):
    del d[key]
assert d == {}

# large dict
big = {}
for i in range(2000):
    big[i] = i * 2
for i in range(0, 2000, 2):
    del big[i]
assert len(big) == 1000
assert big[1999] == 3998 and 1998 not in big
assert list(big)[:3] == [1, 3, 5]
big2 = {str(i): i for i in range(500)}
assert sum(big2.values()) == 124750 and big2['499'] == 499

# ======================= sets =======================
s = set()
assert repr(s) == 'set()'
assert repr(frozenset()) == 'frozenset()'
assert repr({1}) == '{1}'
assert repr(frozenset({1})) == 'frozenset({1})'
s.add(1)
s.add(2)
s.add(1)
assert s == {1, 2} and len(s) == 2
s.remove(1)
assert s == {2}
try:
    s.remove(99)
    assert False
except KeyError as ex:
    assert ex.args == (99,)
s.discard(99)
s.discard(2)
assert s == set()
s = {5}
assert s.pop() == 5 and s == set()
try:
    s.pop()
    assert False
except KeyError:
    pass
s = {1, 2, 3}
popped = s.pop()
assert popped in (1, 2, 3) and len(s) == 2

a = {1, 2, 3}
b = {3, 4}
assert a.union(b) == {1, 2, 3, 4}
assert a.union([5], (6,)) == {1, 2, 3, 5, 6}
assert a.intersection(b) == {3}
assert a.intersection([1, 2], {2}) == {2}
assert a.difference(b) == {1, 2}
assert b.difference(a) == {4}
assert a.symmetric_difference(b) == {1, 2, 4}
assert {1, 2}.issubset(a) and not b.issubset(a)
assert {1}.issubset([1, 2])
assert a.issuperset({1, 2}) and not a.issuperset(b)
assert a.isdisjoint({7, 8}) and not a.isdisjoint(b)
assert set().issubset(set()) and set().isdisjoint(set())

assert a | b == {1, 2, 3, 4}
assert a & b == {3}
assert a - b == {1, 2}
assert a ^ b == {1, 2, 4}
assert {1, 2} <= {1, 2} and {1} < {1, 2} and not {1, 2} < {1, 2}
assert {1, 2, 3} > {1} and {1, 2} >= {1, 2}
assert not ({1, 3} <= {1, 2})
assert a == {3, 2, 1}
assert {1, 2} != {1, 3}
try:
    a | [4]
    assert False
except TypeError:
    pass

c = {1, 2}
c_alias = c
c |= {3}
assert c is c_alias and c == {1, 2, 3}
c &= {2, 3, 4}
assert c == {2, 3}
c -= {2}
assert c == {3}
c ^= {3, 5}
assert c == {5} and c is c_alias
c.update([6, 7], {8})
assert c == {5, 6, 7, 8}
c.intersection_update({5, 6, 100})
assert c == {5, 6}
c.difference_update([5])
assert c == {6}
c.symmetric_difference_update({6, 9})
assert c == {9}
c.clear()
assert c == set() and len(c) == 0

# constructors and membership
assert set('hello') == {'h', 'e', 'l', 'o'}
assert set([1, 1, 2]) == {1, 2}
assert set({'a': 1}) == {'a'}
assert set(range(3)) == {0, 1, 2}
assert {1, 1.0, True} == {1} and len({1, 1.0, True}) == 1
assert 2 in {1, 2} and 3 not in {1, 2}
assert (1, 2) in {(1, 2)}
try:
    {[1]}
    assert False
except TypeError:
    pass
try:
    [] in {1}
    assert False
except TypeError:
    pass
sc = {1}
sc2 = sc.copy()
sc2.add(2)
assert sc == {1}

# set comprehension, deterministic output via sorted
words = ['apple', 'bob', 'cat', 'bob', 'apple']
uniq = {w for w in words}
assert sorted(uniq) == ['apple', 'bob', 'cat']
assert sorted({x % 4 for x in range(100)}) == [0, 1, 2, 3]
assert sorted({'b', 'a', 'c'}) == ['a', 'b', 'c']
assert sorted(set('mississippi')) == ['i', 'm', 'p', 's']
assert sum({1, 2, 3}) == 6 and max({4, 9, 2}) == 9

# mutation during iteration
st = {1, 2, 3}
try:
    for x in st:
        st.add(x + 10)
    assert False
except RuntimeError:
    pass

# frozenset
fs = frozenset([1, 2, 3])
assert fs == {1, 2, 3}, "frozenset equals set with same items"
assert hash(fs) == hash(frozenset([3, 2, 1]))
dfs = {fs: 'frozen'}
assert dfs[frozenset({1, 2, 3})] == 'frozen'
assert {frozenset({1}), frozenset({1})} == {frozenset({1})}
assert type(fs | {4}) is frozenset
assert type({4} | fs) is set
assert fs & {1, 5} == frozenset({1})
assert fs - {1} == frozenset({2, 3})
assert fs.union([9]) == {1, 2, 3, 9}
assert not hasattr(fs, 'add')
try:
    hash({1})
    assert False
except TypeError:
    pass
assert frozenset() == set()
assert frozenset('aab') == frozenset('ab')
assert {frozenset(): 1}[frozenset()] == 1
assert {1, 2} in [frozenset({1, 2})]

# large set
big_set = set(range(10000))
for i in range(0, 10000, 3):
    big_set.discard(i)
assert len(big_set) == 6666
assert 9998 in big_set and 9999 not in big_set

print("ok")
