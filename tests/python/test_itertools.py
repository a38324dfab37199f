import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)
import operator

# count / cycle / repeat
assert list(islice(count(), 4)) == [0, 1, 2, 3]
assert list(islice(count(10, 5), 3)) == [10, 15, 20]
assert list(islice(count(1.5, 0.5), 3)) == [1.5, 2.0, 2.5]
assert list(islice(count(5, -1), 3)) == [5, 4, 3]
c = count(3)
assert repr(c) == "count(3)"
next(c)
assert repr(c) == "count(4)"
assert repr(count(1, 2)) == "count(1, 2)"
assert list(zip(count(), "ab")) == [(0, "a"), (1, "b")]
assert list(islice(cycle("abc"), 7)) == list("abcabca")
assert list(cycle([])) == []
assert list(repeat("x", 3)) == ["x", "x", "x"]
assert list(repeat(1, 0)) == []
assert list(repeat(1, -2)) == []
assert list(islice(repeat(7), 2)) == [7, 7]
assert repr(repeat("a", 2)) == "repeat('a', 2)"
assert list(map(pow, range(4), repeat(2))) == [0, 1, 4, 9]

# chain
assert list(chain("ab", [1, 2], (), range(2))) == ["a", "b", 1, 2, 0, 1]
assert list(chain()) == []
assert list(chain.from_iterable(["ab", "cd"])) == ["a", "b", "c", "d"]


def gen():
    yield [1]
    yield [2, 3]


assert list(chain.from_iterable(gen())) == [1, 2, 3]
ch = chain([1], [2])
assert iter(ch) is ch and next(ch) == 1

# islice
assert list(islice("ABCDEFG", 2)) == ["A", "B"]
assert list(islice("ABCDEFG", 2, 4)) == ["C", "D"]
assert list(islice("ABCDEFG", 2, None)) == list("CDEFG")
assert list(islice("ABCDEFG", 0, None, 2)) == list("ACEG")
assert list(islice("ABCDEFG", None)) == list("ABCDEFG")
assert list(islice("AB", 5, 10)) == []
it = iter(range(10))
assert list(islice(it, 3)) == [0, 1, 2]
assert next(it) == 3  # islice does not over-consume
it = iter(range(10))
assert list(islice(it, 1, 6, 2)) == [1, 3, 5]
assert next(it) == 6
for bad in [(-1,), (1, -1), ("x",)]:
    try:
        islice([], *bad)
        assert False, bad
    except ValueError:
        pass
try:
    islice([], 0, 5, 0)
    assert False
except ValueError as e:
    assert str(e) == "Step for islice() must be a positive integer or None."
try:
    islice([], -1)
    assert False
except ValueError as e:
    assert str(e) == "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."

# product
assert list(product("ab", [0, 1])) == [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
assert list(product([0, 1], repeat=2)) == [(0, 0), (0, 1), (1, 0), (1, 1)]
assert list(product()) == [()]
assert list(product([], [1])) == []
assert len(list(product(range(3), repeat=3))) == 27
assert list(product("ab", repeat=0)) == [()]

# permutations / combinations
assert list(permutations([1, 2, 3])) == [(1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1)]
assert list(permutations("abc", 2)) == [("a", "b"), ("a", "c"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "b")]
assert list(permutations([1, 2], 3)) == []
assert list(permutations([], 0)) == [()]
assert len(list(permutations(range(5)))) == 120
assert list(combinations("abcd", 2)) == [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]
assert list(combinations(range(4), 3)) == [(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)]
assert list(combinations([1], 2)) == []
assert list(combinations([1, 2], 0)) == [()]
assert list(combinations_with_replacement("abc", 2)) == [
    ("a", "a"), ("a", "b"), ("a", "c"), ("b", "b"), ("b", "c"), ("c", "c")]
assert list(combinations_with_replacement([], 1)) == []
assert list(combinations_with_replacement([], 0)) == [()]
assert len(list(combinations_with_replacement(range(4), 3))) == 20
try:
    combinations([1], -1)
    assert False
except ValueError as e:
    assert str(e) == "r must be non-negative"
try:
    permutations([1], -1)
    assert False
except ValueError:
    pass

# accumulate
assert list(accumulate([1, 2, 3, 4])) == [1, 3, 6, 10]
assert list(accumulate([1, 2, 3, 4], operator.mul)) == [1, 2, 6, 24]
assert list(accumulate([3, 1, 4, 1, 5], max)) == [3, 3, 4, 4, 5]
assert list(accumulate([1, 2], initial=100)) == [100, 101, 103]
assert list(accumulate([], initial=5)) == [5]
assert list(accumulate([])) == []
assert list(accumulate("abc")) == ["a", "ab", "abc"]
assert list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=10)) == [10, 9, 7, 4]

# groupby
assert [(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")] == [
    ("A", list("AAAA")), ("B", list("BBB")), ("C", list("CC")), ("D", ["D"]), ("A", list("AA")), ("B", list("BBB"))]
assert [k for k, g in groupby("AAAABBBCCD")] == ["A", "B", "C", "D"]
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
assert [(k, list(g)) for k, g in groupby(words, key=lambda w: w[0])] == [
    ("a", ["apple", "avocado"]), ("b", ["banana", "blueberry"]), ("c", ["cherry"])]
assert list(groupby([])) == []
groups = list(groupby("aabb"))  # groups become empty once groupby advances
assert [list(g) for k, g in groups] == [[], []]
gb = groupby("aaabbc")
k1, g1 = next(gb)
assert next(g1) == "a"
k2, g2 = next(gb)
assert k2 == "b" and list(g1) == [] and list(g2) == ["b", "b"]
assert [len(list(g)) for k, g in groupby([1, 1, 2, 2, 2, 1], key=lambda x: x % 2)] == [2, 3, 1]

# zip_longest
assert list(zip_longest("ABCD", "xy", fillvalue="-")) == [("A", "x"), ("B", "y"), ("C", "-"), ("D", "-")]
assert list(zip_longest([1], [2, 3], [4, 5, 6])) == [(1, 2, 4), (None, 3, 5), (None, None, 6)]
assert list(zip_longest()) == []
assert list(zip_longest([], [])) == []

# starmap / takewhile / dropwhile / filterfalse / compress / pairwise
assert list(starmap(pow, [(2, 5), (3, 2), (10, 3)])) == [32, 9, 1000]
assert list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])) == [1, 4]
assert list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])) == [6, 4, 1]
assert list(takewhile(bool, [])) == [] and list(dropwhile(bool, [1])) == []
assert list(filterfalse(lambda x: x % 2, range(10))) == [0, 2, 4, 6, 8]
assert list(filterfalse(None, [0, 1, "", "a", None])) == [0, "", None]
assert list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])) == ["A", "C", "E", "F"]
assert list(compress("AB", [1, 1, 1, 1])) == ["A", "B"]
assert list(pairwise("ABCD")) == [("A", "B"), ("B", "C"), ("C", "D")]
assert list(pairwise("A")) == [] and list(pairwise([])) == []

# tee
a, b = tee(iter([1, 2, 3]))
assert next(a) == 1
assert list(b) == [1, 2, 3]
assert list(a) == [2, 3]
x, y, z = tee(range(3), 3)
assert list(x) == list(y) == list(z) == [0, 1, 2]
assert tee([1], 0) == ()
try:
    tee([1], -1)
    assert False
except ValueError:
    pass


def counter_gen(log):
    for i in range(3):
        log.append(i)
        yield i


log = []
p, q = tee(counter_gen(log))
assert next(p) == 0 and log == [0]
assert next(q) == 0 and log == [0]  # buffered, not recomputed

# laziness: infinite inputs work with islice/takewhile
assert list(takewhile(lambda v: v < 20, (x * x for x in count()))) == [0, 1, 4, 9, 16]
assert list(islice(accumulate(count(1)), 5)) == [1, 3, 6, 10, 15]

print("ok")
