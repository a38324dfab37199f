# Common instruction sequences the compiler fuses (local loads, small-int
# arithmetic and comparisons that branch): every operand kind, the error
# cases, and control flow that jumps into the middle of a sequence.
import math


def pair(a, b):
    return a, b

assert pair(1, 2) == (1, 2)


def second_unbound(flag):
    if flag:
        y = 2
    x = 1
    return x, y

assert second_unbound(True) == (1, 2)
try:
    second_unbound(False)
    assert False
except UnboundLocalError as e:
    assert "'y'" in str(e), e


def first_unbound(flag):
    if flag:
        y = 2
    x = 1
    return y, x

try:
    first_unbound(False)
    assert False
except UnboundLocalError as e:
    assert "'y'" in str(e), e


def store_then_load(flag):
    a = 5
    if flag:
        b = 1
    a = 6
    return b + a

assert store_then_load(True) == 7
try:
    store_then_load(False)
    assert False
except UnboundLocalError as e:
    assert "'b'" in str(e), e


def arith(x):
    return [x + 1, x - 1, x * 3, x // 2, x % 3, x & 6, x | 8, x ^ 5, x // -2, x % -3, x - -32768, x + 32767]

assert arith(7) == [8, 6, 21, 3, 1, 6, 15, 2, -4, -2, 32775, 32774]
assert arith(-7) == [-6, -8, -21, -4, 2, 0, -7, -4, 3, -1, 32761, 32760]
assert arith(True) == [2, 0, 3, 0, 1, 0, 9, 4, -1, -2, 32769, 32768]
big = 2 ** 63 - 1
assert big + 1 == 9223372036854775808
assert -big - 2 == -9223372036854775809
assert big * 3 == 27670116110564327421
assert (big + 1) - 1 == big
x = 2.5
assert [x + 1, x - 1, x * 2, x / 2] == [3.5, 1.5, 5.0, 1.25]
assert x // 2 == 1.0 and x % 2 == 0.5
assert math.isinf(1e308 * 10)
s = "ab"
assert s * 3 == "ababab"
lst = [1]
assert lst * 2 == [1, 1]
lst2 = lst
lst2 += [2]
assert lst == [1, 2]
try:
    s + 1
    assert False
except TypeError as e:
    assert "str" in str(e), e
try:
    arith(2) and (lambda v: v // 0)(3)
    assert False
except ZeroDivisionError:
    pass
try:
    (lambda v: v % 0)(2.0)
    assert False
except ZeroDivisionError:
    pass
try:
    (lambda v: v / 0)(2.0)
    assert False
except ZeroDivisionError:
    pass
n = 40000
assert n + 40000 == 80000 and n - 70000 == -30000


class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, k):
        return Num(self.v + k)
    def __lt__(self, k):
        return self.v < k
    def __iadd__(self, k):
        self.v += 10 * k
        return self

m = Num(1) + 1
assert m.v == 2
m += 1
assert m.v == 12


def classify(v):
    out = []
    if v < 2:
        out.append("lt2")
    if not v < 2:
        out.append("ge2")
    if v == 3:
        out.append("eq3")
    if v != 3:
        out.append("ne3")
    if v >= -1:
        out.append("ge-1")
    if v > 100:
        out.append("gt100")
    return out

assert classify(1) == ["lt2", "ne3", "ge-1"]
assert classify(3) == ["ge2", "eq3", "ge-1"]
assert classify(1.5) == ["lt2", "ne3", "ge-1"]
assert classify(-2.0) == ["lt2", "ne3"]
assert classify(1000) == ["ge2", "ne3", "ge-1", "gt100"]
assert classify(3.0) == ["ge2", "eq3", "ge-1"]
nan = float("nan")
assert classify(nan) == ["ge2", "ne3"]
assert classify(2 ** 70) == ["ge2", "ne3", "ge-1", "gt100"]


def compare_locals(a, b):
    r = []
    if a < b:
        r.append("<")
    if a <= b:
        r.append("<=")
    if a == b:
        r.append("==")
    if a != b:
        r.append("!=")
    if a > b:
        r.append(">")
    if a >= b:
        r.append(">=")
    return r

assert compare_locals(1, 2) == ["<", "<=", "!="]
assert compare_locals(2.0, 2) == ["<=", "==", ">="]
assert compare_locals(nan, nan) == ["!="]
assert compare_locals("b", "a") == ["!=", ">", ">="]
assert compare_locals((1, 2), (1, 3)) == ["<", "<=", "!="]
try:
    compare_locals(1, "a")
    assert False
except TypeError as e:
    assert "'<' not supported" in str(e), e


class Truthy:
    def __init__(self, r):
        self.r = r
    def __lt__(self, other):
        return self.r

assert compare_locals.__name__ == "compare_locals"
hits = [1 for t in (Truthy([]), Truthy([0]), Truthy(0), Truthy("x")) if t < 1]
assert hits == [1, 1]


# Loops whose conditions and back-edges use the fused forms.
i = 0
total = 0
while i < 1000:
    total += i % 7
    i += 1
assert total == 2997

def count(n):
    i = 0
    acc = 0
    while i < n:
        acc = acc + i * 2
        i = i + 1
    return acc

assert count(100) == 9900
assert count(0) == 0
assert count(2.5) == 6


# Jumps into the middle of a fused sequence: the conditional expression's
# branches end right before shared loads and comparisons.
def mid(a, b, flag):
    v = (a if flag else b) < 3
    w = a + (1 if flag else 2)
    return v, w

assert mid(1, 5, True) == (True, 2)
assert mid(1, 5, False) == (False, 3)


def chained(x):
    return 0 < x < 10

assert chained(5) and not chained(10) and not chained(-1) and chained(0.5)


# A traceback line points at the failing operation.
import traceback
def fails(v):
    w = 1
    return v + 1

try:
    fails("s")
    assert False
except TypeError as e:
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    assert "return v + 1" in text and "in fails" in text, text
print("ok")


# for-loops storing straight into a local, over every iterator kind; the
# loop variable read right after its store; an unbound read after it.
def loops(seq):
    out = []
    for x in seq:
        out.append(x)
    for y in seq:
        y2 = y
        out.append(y2)
    return out

assert loops(range(3)) == [0, 1, 2, 0, 1, 2]
assert loops([4, 5]) == [4, 5, 4, 5]
assert loops((6,)) == [6, 6]
assert loops("ab") == ["a", "b", "a", "b"]
assert loops({1: 2}) == [1, 1]
assert loops(range(10, 0, -4)) == [10, 6, 2, 10, 6, 2]
assert loops([]) == []

def gen_items(n):
    for i in range(n):
        yield i * i

def through_gen(n):
    total = 0
    for v in gen_items(n):
        total += v
    return total, v

assert through_gen(4) == (14, 9)

def last_of(seq):
    for item in seq:
        pass
    return item

assert last_of([1, 2, 3]) == 3
try:
    last_of([])
    assert False
except UnboundLocalError as e:
    assert "'item'" in str(e), e

def store_then_unbound(seq):
    for a in seq:
        a
        if a > 0:
            b = a
        return a, b

assert store_then_unbound([1]) == (1, 1)
try:
    store_then_unbound([0])
    assert False
except UnboundLocalError as e:
    assert "'b'" in str(e), e

def loop_var_then_unbound(seq):
    for a in seq:
        c = a
        return c, d
        d = 1

try:
    loop_var_then_unbound([1])
    assert False
except UnboundLocalError as e:
    assert "'d'" in str(e), e

def mutate_while_iterating():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if x == 1:
            xs.append(4)
    return seen

assert mutate_while_iterating() == [1, 2, 3, 4]

def nested():
    acc = 0
    for i in range(3):
        for j in range(i):
            acc += i * 10 + j
    return acc

assert nested() == 10 + 20 + 21
print("ok")
