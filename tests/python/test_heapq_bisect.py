import heapq
import bisect
import random

# ---- heapq
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
assert h[0] == 1
out = [heapq.heappop(h) for _ in range(len(h))]
assert out == [1, 2, 3, 5, 7, 8, 9]
try:
    heapq.heappop([])
    assert False
except IndexError:
    pass

data = [9, 4, 7, 1, 0, 3, 3, 8]
heapq.heapify(data)
for k in range(len(data)):
    for c in (2 * k + 1, 2 * k + 2):
        if c < len(data):
            assert data[k] <= data[c]
assert sorted(data) == [0, 1, 3, 3, 4, 7, 8, 9]

h = [1, 3, 5]
assert heapq.heapreplace(h, 4) == 1
assert h[0] == 3
assert heapq.heappushpop(h, 2) == 2
assert heapq.heappushpop(h, 10) == 3
assert sorted(h) == [4, 5, 10]
assert heapq.heappushpop([], 5) == 5

rng = random.Random(7)
for trial in range(20):
    xs = [rng.randint(0, 50) for _ in range(rng.randint(0, 30))]
    hh = []
    for x in xs:
        heapq.heappush(hh, x)
    assert [heapq.heappop(hh) for _ in range(len(hh))] == sorted(xs)
    ys = list(xs)
    heapq.heapify(ys)
    assert [heapq.heappop(ys) for _ in range(len(ys))] == sorted(xs)
    for n in (0, 1, 3, 100):
        assert heapq.nsmallest(n, xs) == sorted(xs)[:n]
        assert heapq.nlargest(n, xs) == sorted(xs, reverse=True)[:n]

# tuples on the heap
h = []
heapq.heappush(h, (2, "b"))
heapq.heappush(h, (1, "a"))
heapq.heappush(h, (3, "c"))
assert heapq.heappop(h) == (1, "a")

words = ["apple", "fig", "banana", "kiwi", "cherry", "date"]
assert heapq.nsmallest(2, words, key=len) == ["fig", "kiwi"]
assert heapq.nlargest(2, words, key=len) == ["banana", "cherry"]
assert heapq.nlargest(3, [1, 5, 2, 5, 3]) == [5, 5, 3]
assert heapq.nsmallest(1, []) == []
assert heapq.nlargest(1, [], key=abs) == []
assert heapq.nsmallest(1, [3, -4, 2], key=abs) == [2]
# stability with keys: equal keys keep input order
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
assert heapq.nsmallest(3, pairs, key=lambda p: p[0]) == [(0, "b"), (0, "d"), (1, "a")]
assert heapq.nlargest(3, pairs, key=lambda p: p[0]) == [(1, "a"), (1, "c"), (0, "b")]

assert list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])) == list(range(1, 10))
assert list(heapq.merge()) == []
assert list(heapq.merge([], [1], [])) == [1]
assert list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)) == [8, 7, 5, 4, 2, 1]
assert list(heapq.merge(["bb", "dddd"], ["a", "ccc"], key=len)) == ["a", "bb", "ccc", "dddd"]
m = list(heapq.merge([(1, "x"), (2, "x")], [(1, "y")], key=lambda t: t[0]))
assert m == [(1, "x"), (1, "y"), (2, "x")]
m = list(heapq.merge([(2, "x"), (1, "x")], [(2, "y")], key=lambda t: t[0], reverse=True))
assert m == [(2, "x"), (2, "y"), (1, "x")]
it = heapq.merge([1, 3], [2])
assert next(it) == 1

# ---- bisect
a = [1, 2, 2, 2, 3, 5]
assert bisect.bisect_left(a, 2) == 1
assert bisect.bisect_right(a, 2) == 4
assert bisect.bisect(a, 2) == 4
assert bisect.bisect_left(a, 0) == 0
assert bisect.bisect_right(a, 9) == 6
assert bisect.bisect_left(a, 4) == 5
assert bisect.bisect_left(a, 2, 2) == 2
assert bisect.bisect_right(a, 2, 0, 3) == 3
assert bisect.bisect_left(a, 5, hi=3) == 3
assert bisect.bisect_left([], 1) == 0
try:
    bisect.bisect_left(a, 1, -1)
    assert False
except ValueError as e:
    assert str(e) == "lo must be non-negative"

b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
assert b == [1, 1, 3, 4, 5]
bisect.insort_left(b, 3)
bisect.insort_right(b, 6)
assert b == [1, 1, 3, 3, 4, 5, 6]


class R:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __repr__(self):
        return "R(%r,%r)" % (self.k, self.tag)


recs = [R(1, "a"), R(3, "b"), R(5, "c")]
assert bisect.bisect_left(recs, 3, key=lambda r: r.k) == 1
assert bisect.bisect_right(recs, 3, key=lambda r: r.k) == 2
bisect.insort(recs, R(3, "d"), key=lambda r: r.k)
assert [r.tag for r in recs] == ["a", "b", "d", "c"]
bisect.insort_left(recs, R(3, "e"), key=lambda r: r.k)
assert [r.tag for r in recs] == ["a", "e", "b", "d", "c"]


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


assert [grade(s) for s in [33, 99, 77, 70, 89, 90, 100]] == ["F", "A", "C", "C", "B", "A", "A"]

for trial in range(20):
    xs = sorted(rng.randint(0, 20) for _ in range(rng.randint(0, 15)))
    for v in range(-1, 22):
        assert bisect.bisect_left(xs, v) == len([x for x in xs if x < v])
        assert bisect.bisect_right(xs, v) == len([x for x in xs if x <= v])

print("ok")
