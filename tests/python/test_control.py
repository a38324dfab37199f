# Control flow: if/elif/else, loops with else, break/continue, conditional
# expressions, chained comparisons, identity/membership, short-circuit.


def classify(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'big'


assert classify(-5) == 'neg'
assert classify(0) == 'zero'
assert classify(3) == 'small'
assert classify(10) == 'big'

# if without else
r = 0
if r:
    r = 1
assert r == 0
if []:
    assert False
if not []:
    r = 2
assert r == 2
if '':
    assert False
elif 0.0:
    assert False
elif None:
    assert False
else:
    r = 3
assert r == 3

# pass
if True:
    pass
for _ in range(3):
    pass


def empty():
    pass


assert empty() is None


class Empty:
    pass


# --- while / else ---
i = 0
total = 0
while i < 5:
    total += i
    i += 1
else:
    total += 100
assert total == 110, "while-else runs else when loop ends normally"

i = 0
while i < 5:
    if i == 2:
        break
    i += 1
else:
    i = 999
assert i == 2, "while-else skips else on break"

i = 0
while False:
    i = 1
else:
    i = 2
assert i == 2

# continue in while
i = 0
evens = []
while i < 10:
    i += 1
    if i % 2:
        continue
    evens.append(i)
assert evens == [2, 4, 6, 8, 10]

# --- for / else ---
found = None
for x in [1, 3, 5, 6, 7]:
    if x % 2 == 0:
        found = x
        break
else:
    found = 'none'
assert found == 6

for x in [1, 3, 5]:
    if x % 2 == 0:
        found = x
        break
else:
    found = 'none'
assert found == 'none'

for x in []:
    assert False
else:
    found = 'empty-else'
assert found == 'empty-else'

acc = []
for x in range(10):
    if x % 3 == 0:
        continue
    if x > 7:
        break
    acc.append(x)
assert acc == [1, 2, 4, 5, 7]

# continue does not skip else
cnt = 0
for x in range(3):
    continue
else:
    cnt = 1
assert cnt == 1

# loop variable persists after loop
for x in range(4):
    pass
assert x == 3

# --- nested loops ---
pairs = []
for a in range(3):
    for b in range(3):
        if b > a:
            break
        if a == b == 1:
            continue
        pairs.append((a, b))
assert pairs == [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2)]

# break only exits the innermost loop
outer_count = 0
for a in range(3):
    for b in range(100):
        break
    outer_count += 1
assert outer_count == 3

# prime search using for-else in nested loops
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
assert primes == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]

# modifying the loop variable doesn't affect iteration
seen = []
for i in range(3):
    seen.append(i)
    i = 100
assert seen == [0, 1, 2]

# return from within nested loop


def find(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return (r, c)
    return None


assert find([[1, 2], [3, 4]], 4) == (1, 1)
assert find([[1, 2], [3, 4]], 5) is None

# while True with break
n = 0
while True:
    n += 1
    if n >= 7:
        break
assert n == 7

# --- conditional expressions ---
assert (1 if True else 2) == 1
assert (1 if False else 2) == 2
assert ('a' if 0 else 'b' if 0 else 'c') == 'c'
assert ('a' if 1 else 'b' if 0 else 'c') == 'a'
side = []
val = side.append('t') if True else side.append('f')
assert side == ['t'], "only the chosen branch is evaluated"
z = [x if x % 2 else -x for x in range(4)]
assert z == [0, 1, -2, 3]

# --- chained comparisons ---
assert 1 < 2 < 3
assert not (1 < 3 < 2)
assert 1 < 2 <= 2 < 3 != 4 == 4 > 0 >= 0
assert not (3 > 2 > 2)
assert (1 < 2) == True
assert 1 == 1.0 == True
calls = []


def f(v):
    calls.append(v)
    return v


assert f(1) < f(2) < f(3)
assert calls == [1, 2, 3]
calls.clear()
assert not (f(1) < f(0) < f(3))
assert calls == [1, 0], "chain stops at first false and does not evaluate rest"
calls.clear()
assert (f(5) < f(10)) < 2
assert calls == [5, 10]
calls.clear()
res = f(1) < f(2) > f(0)
assert res is True and calls == [1, 2, 0], "middle operand evaluated once"

x = 5
assert 0 <= x < 10
assert not (0 <= x < 5)
assert 'a' < 'b' < 'c'
assert [1] < [1, 2] < [2]

# --- is / is not / in / not in ---
a = [1, 2]
b = a
c = [1, 2]
assert a is b
assert a is not c
assert a == c
assert None is None
assert not (None is not None)
assert True is True
assert (1 == 1) is True
assert (1 == 2) is False
assert 1 in [1, 2]
assert 3 not in [1, 2]
assert not (3 in [1, 2])
assert 'ell' in 'hello'
assert '' in 'abc'
assert 'x' not in 'abc'
assert 1 in (1, 2)
assert 'k' in {'k': 1}
assert 1 not in {'k': 1}
assert 2 in {1, 2}
assert 5 in range(10)
assert 10 not in range(10)
assert 1 in [1.0]
assert [1] in [[1], [2]]
assert not None in [1]
assert (1 in [1, 2]) in [True]  # parenthesized

# membership in a chain
assert 1 in [1] in [[1]]
assert not ('a' in 'abc' == True), "'in' chains like comparisons: ('a' in 'abc') and ('abc' == True)"

# --- boolean short-circuit returning operands ---
assert (0 or 5) == 5
assert (3 or 5) == 3
assert ('' or 'default') == 'default'
assert (None or 0) == 0
assert (None or []) == []
assert (1 and 2) == 2
assert (0 and 2) == 0
assert ([] and 'x') == []
assert ('a' and 'b' and 'c') == 'c'
assert ('a' and '' and 'c') == ''
assert (0 or '' or None) is None
assert (1 and 0 or 3) == 3
assert (not 0) is True
assert (not 'x') is False
assert (not []) is True
assert not None

called = []


def t(v):
    called.append(v)
    return v


t(0) and t(1)
assert called == [0], "and short-circuits on falsy"
called.clear()
t(1) or t(2)
assert called == [1], "or short-circuits on truthy"
called.clear()
t(1) and t(0) or t(3)
assert called == [1, 0, 3]
called.clear()
x = t(0) or t(0) or t('last')
assert x == 'last' and called == [0, 0, 'last']

# precedence of not / and / or
assert (not 1 == 2) is True
assert (True or False and False) is True
assert ((True or False) and False) is False
assert (not True or True) is True

# truthiness of various values
for falsy in [0, 0.0, '', [], (), {}, set(), None, False, range(0), b'']:
    assert not falsy, repr(falsy)
for truthy in [1, -1, 0.1, 'a', [0], (0,), {0: 0}, {0}, True, range(1), b'\x00']:
    assert truthy, repr(truthy)

print("ok")
