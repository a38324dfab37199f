import operator
from operator import itemgetter, attrgetter, methodcaller

# arithmetic and comparison functions
assert operator.add(2, 3) == 5
assert operator.sub(2, 3) == -1
assert operator.mul(4, 3) == 12
assert operator.truediv(7, 2) == 3.5
assert operator.floordiv(7, 2) == 3
assert operator.mod(7, 3) == 1
assert operator.pow(2, 10) == 1024
assert operator.neg(5) == -5
assert operator.pos(-5) == -5
assert operator.abs(-7) == 7
assert operator.eq(1, 1) and not operator.eq(1, 2)
assert operator.ne(1, 2)
assert operator.lt(1, 2) and operator.le(2, 2)
assert operator.gt(3, 2) and operator.ge(2, 2)
assert operator.not_(0) is True and operator.not_([1]) is False
assert operator.truth([]) is False and operator.truth(3) is True
assert operator.and_(12, 10) == 8
assert operator.or_(12, 10) == 14
assert operator.xor(12, 10) == 6
assert operator.invert(5) == -6 and operator.inv(5) == -6
assert operator.lshift(1, 4) == 16
assert operator.rshift(32, 2) == 8
assert operator.is_(None, None) and operator.is_not(1, None)
assert operator.concat([1], [2]) == [1, 2]
assert operator.concat("a", "b") == "ab"
assert operator.contains([1, 2, 3], 2)
assert operator.index(7) == 7
assert operator.countOf([1, 2, 1, 1], 1) == 3
assert operator.indexOf("abc", "c") == 2
try:
    operator.index(1.5)
    assert False
except TypeError as e:
    assert "integer" in str(e)
try:
    operator.concat(1, 2)
    assert False
except TypeError:
    pass

# item functions
d = {"a": 1}
operator.setitem(d, "b", 2)
assert operator.getitem(d, "b") == 2
operator.delitem(d, "a")
assert d == {"b": 2}
lst = [1, 2, 3, 4]
assert operator.getitem(lst, slice(1, 3)) == [2, 3]

# in-place operators
a = [1]
b = operator.iadd(a, [2])
assert b is a and a == [1, 2]
assert operator.iadd(1, 2) == 3
assert operator.isub(5, 2) == 3
assert operator.imul(3, 4) == 12
assert operator.itruediv(3, 2) == 1.5
assert operator.ifloordiv(7, 2) == 3
assert operator.imod(7, 4) == 3
assert operator.ipow(3, 2) == 9
assert operator.iand(6, 3) == 2
assert operator.ior(6, 3) == 7
assert operator.ixor(6, 3) == 5
assert operator.ilshift(1, 3) == 8
assert operator.irshift(8, 3) == 1
s = {1}
assert operator.ior(s, {2}) is s and s == {1, 2}
assert operator.iconcat([1], [2]) == [1, 2]

# dunder aliases
assert operator.__add__(1, 2) == 3
assert operator.__getitem__([5], 0) == 5

# itemgetter
g = itemgetter(1)
assert g([10, 20, 30]) == 20
assert g("xyz") == "y"
g2 = itemgetter(0, 2)
assert g2([10, 20, 30]) == (10, 30)
assert itemgetter("k")({"k": 9}) == 9
assert repr(itemgetter(1, "a")) == "operator.itemgetter(1, 'a')"
rows = [("b", 2), ("a", 3), ("c", 1)]
assert sorted(rows, key=itemgetter(1)) == [("c", 1), ("b", 2), ("a", 3)]
assert sorted(rows, key=itemgetter(0)) == [("a", 3), ("b", 2), ("c", 1)]
try:
    itemgetter(5)([1])
    assert False
except IndexError:
    pass


# attrgetter
class P:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


p = P("x", P("y", P("z")))
assert attrgetter("name")(p) == "x"
assert attrgetter("child.name")(p) == "y"
assert attrgetter("child.child.name")(p) == "z"
assert attrgetter("name", "child.name")(p) == ("x", "y")
assert repr(attrgetter("a", "b.c")) == "operator.attrgetter('a', 'b.c')"
try:
    attrgetter("nope")(p)
    assert False
except AttributeError:
    pass
try:
    attrgetter(1)
    assert False
except TypeError:
    pass

# methodcaller
assert methodcaller("upper")("abc") == "ABC"
assert methodcaller("split", ",")("a,b") == ["a", "b"]
assert methodcaller("split", sep=",", maxsplit=1)("a,b,c") == ["a", "b,c"]
assert repr(methodcaller("f", 1, k=2)) == "operator.methodcaller('f', 1, k=2)"

# length_hint
assert operator.length_hint([1, 2, 3]) == 3
assert operator.length_hint(iter([]), 7) in (0, 7)


class H:
    def __length_hint__(self):
        return 4


assert operator.length_hint(H()) == 4
assert operator.length_hint(object(), 5) == 5

print("ok")
