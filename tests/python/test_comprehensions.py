# List / dict / set comprehensions, nesting, filters, scoping, closures.

# --- list comprehensions ---
assert [x for x in range(5)] == [0, 1, 2, 3, 4]
assert [x * 2 for x in [1, 2, 3]] == [2, 4, 6]
assert [c for c in 'abc'] == ['a', 'b', 'c']
assert [x for x in []] == []
assert [x for x in range(10) if x % 2] == [1, 3, 5, 7, 9]
assert [x for x in range(20) if x % 2 == 0 if x % 3 == 0] == [0, 6, 12, 18]
assert [(x, y) for x in range(3) for y in range(x)] == [(1, 0), (2, 0), (2, 1)]
assert [(x, y) for x in 'ab' for y in (1, 2)] == [('a', 1), ('a', 2), ('b', 1), ('b', 2)]
assert [x + y + z for x in 'a' for y in 'bc' for z in 'de'] == ['abd', 'abe', 'acd', 'ace']
assert [y for x in [[1, 2], [3], []] for y in x] == [1, 2, 3], "flatten"
assert [(x, y) for x in range(4) if x > 1 for y in range(4) if y < x if y % 2 == 0] == [(2, 0), (3, 0), (3, 2)]
assert [[y * x for y in range(3)] for x in range(3)] == [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
matrix = [[1, 2, 3], [4, 5, 6]]
assert [[row[i] for row in matrix] for i in range(3)] == [[1, 4], [2, 5], [3, 6]], "transpose"
assert [x if x > 0 else 0 for x in [-1, 2, -3]] == [0, 2, 0]
assert [a * b for a, b in [(1, 2), (3, 4)]] == [2, 12]
assert [a for a, *rest in [(1, 2, 3), (4,)]] == [1, 4]
assert [k for k in {'b': 1, 'a': 2}] == ['b', 'a']
assert [len(s) for s in ('', 'a', 'ab')] == [0, 1, 2]
assert [i for i in range(3)] * 2 == [0, 1, 2, 0, 1, 2]
assert [[]for _ in range(2)] == [[], []]
ll = [[] for _ in range(3)]
ll[0].append(1)
assert ll == [[1], [], []], "each iteration creates new list"

# --- dict comprehensions ---
assert {x: x * x for x in range(4)} == {0: 0, 1: 1, 2: 4, 3: 9}
assert {k: v for k, v in [('a', 1), ('b', 2)]} == {'a': 1, 'b': 2}
assert {v: k for k, v in {'a': 1, 'b': 2}.items()} == {1: 'a', 2: 'b'}
assert {x % 3: x for x in range(10)} == {0: 9, 1: 7, 2: 8}, "later keys overwrite"
assert list({x % 3: x for x in range(10)}) == [0, 1, 2], "insertion order kept from first insertion"
assert {c: i for i, c in enumerate('abc') if c != 'b'} == {'a': 0, 'c': 2}
assert {(x, y): x * y for x in range(2) for y in range(2)} == {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1}
assert {} == {x: x for x in ()}
dc = {str(i): [i] * i for i in range(3)}
assert dc == {'0': [], '1': [1], '2': [2, 2]}
assert repr({i: str(i) for i in range(3)}) == "{0: '0', 1: '1', 2: '2'}"

# --- set comprehensions ---
assert {x % 3 for x in range(10)} == {0, 1, 2}
assert {c for c in 'hello'} == set('helo')
assert sorted({x * x for x in range(-3, 4)}) == [0, 1, 4, 9]
assert {x for x in []} == set()
assert type({x for x in []}) is set
assert len({(a, b) for a in range(3) for b in range(3) if a <= b}) == 6

# --- comprehension scoping ---
x = 'outer-x'
_ = [x for x in range(3)]
assert x == 'outer-x', "list comp loop var must not leak"
_ = {x for x in range(3)}
assert x == 'outer-x'
_ = {x: x for x in range(3)}
assert x == 'outer-x'
_ = list(x for x in range(3))
assert x == 'outer-x'
try:
    [undefined_name_zz for undefined_name_zz in range(2)]
    undefined_name_zz
    assert False, "comprehension variable leaked"
except NameError:
    pass


def fn_scope():
    [loopvar for loopvar in range(2)]
    return 'loopvar' in locals()


assert fn_scope() is False

# comprehension can read enclosing function variables
def reads_enclosing(n):
    factor = 10
    return [i * factor + n for i in range(3)]


assert reads_enclosing(1) == [1, 11, 21]


# nested comprehension referencing outer loop var
def nested_ref():
    return [[i + j for j in range(i)] for i in range(4)]


assert nested_ref() == [[], [1], [2, 3], [3, 4, 5]]


# comprehension inside class body: only the outermost iterable sees class scope
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 5
    try:
        bad = [n for _ in range(1)]
        saw_class_var = True
    except NameError:
        saw_class_var = False


assert C.doubled == [2, 4, 6]
assert C.saw_class_var is False, "class-scope names are not visible inside comprehension body"

# --- closures capturing comprehension variables ---
fs = [lambda: i for i in range(3)]
assert [f() for f in fs] == [2, 2, 2], "late binding: all share final value"
fs = [lambda i=i: i for i in range(3)]
assert [f() for f in fs] == [0, 1, 2]
fs = [(lambda v: lambda: v)(i) for i in range(3)]
assert [f() for f in fs] == [0, 1, 2]
fd = {k: (lambda: k) for k in 'ab'}
assert fd['a']() == 'b' and fd['b']() == 'b'
gens = [(i * j for j in range(2)) for i in range(1, 3)]
assert [list(g) for g in gens] == [[0, 2], [0, 2]], "genexprs capture i late"


def closure_over_comprehension():
    data = [1, 2, 3]
    return [lambda: d for d in data]


assert [f() for f in closure_over_comprehension()] == [3, 3, 3]

# --- walrus inside comprehension binds in enclosing scope ---
total = 0
partial = [total := total + v for v in [1, 2, 3, 4]]
assert partial == [1, 3, 6, 10] and total == 10

# --- iteration evaluates outermost iterable first, once ---
calls = []


def it():
    calls.append('it')
    return [1, 2, 3]


assert [v for v in it()] == [1, 2, 3] and calls == ['it']

# comprehension over a dict while building another
src = {'a': 1, 'b': 2}
inv = {v: k for k, v in src.items()}
assert inv == {1: 'a', 2: 'b'}

# conditional and nested expressions
assert [('even' if n % 2 == 0 else 'odd') for n in range(3)] == ['even', 'odd', 'even']
assert sum([n for n in range(100) if n % 7 == 0]) == 735
assert [''.join(p) for p in [('a', 'b'), ('c',)]] == ['ab', 'c']
assert [[c for c in w] for w in ['hi', 'yo']] == [['h', 'i'], ['y', 'o']]
assert max([len(w) for w in 'the quick brown fox'.split()]) == 5

print("ok")
