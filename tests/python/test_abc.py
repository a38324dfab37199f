import abc
from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def perimeter(self):
        return 4 * self.s


try:
    Shape()
    assert False
except TypeError as e:
    assert str(e) == "Can't instantiate abstract class Shape with abstract methods area, perimeter", str(e)
try:
    Half()
    assert False
except TypeError as e:
    assert str(e) == "Can't instantiate abstract class Half with abstract method perimeter", str(e)
sq = Square(3)
assert sq.area() == 9 and sq.perimeter() == 12
assert sq.describe() == "Square with area 9"
assert Shape.__abstractmethods__ == frozenset({"area", "perimeter"})
assert Half.__abstractmethods__ == frozenset({"perimeter"})
assert Square.__abstractmethods__ == frozenset()
assert isinstance(sq, Shape) and issubclass(Square, Shape)
assert isinstance(Shape, ABCMeta) and type(ABC) is ABCMeta


class WithMeta(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


assert WithMeta.__abstractmethods__ == frozenset({"name", "make", "helper"})


class Impl(WithMeta):
    @property
    def name(self):
        return "impl"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 1


assert Impl.make().name == "impl"


# constructor arguments pass through
class Base(ABC):
    def __init__(self, a, b=2):
        self.a, self.b = a, b


class Concrete(Base):
    pass


c = Concrete(1, b=5)
assert (c.a, c.b) == (1, 5)


# register: virtual subclasses
class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...


class Sprite:
    def draw(self):
        return "sprite"


assert not isinstance(Sprite(), Drawable)
assert Drawable.register(Sprite) is Sprite
assert isinstance(Sprite(), Drawable) and issubclass(Sprite, Drawable)
assert Drawable not in Sprite.__mro__


@Drawable.register
class Text:
    pass


assert issubclass(Text, Drawable)
assert not issubclass(int, Drawable)
assert abc.get_cache_token() is not None


# __subclasshook__
class Closeable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Closeable:
            return any("close" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class File:
    def close(self):
        pass


assert issubclass(File, Closeable) and isinstance(File(), Closeable)
assert not isinstance(1, Closeable)

# update_abstractmethods
class Later(ABC):
    @abstractmethod
    def f(self):
        ...


Later.f = lambda self: 1
abc.update_abstractmethods(Later)
assert Later().f() == 1

# collections.abc
assert isinstance([], cabc.Iterable) and isinstance([], cabc.MutableSequence)
assert isinstance((), cabc.Sequence) and not isinstance((), cabc.MutableSequence)
assert isinstance("s", cabc.Sequence) and isinstance(range(3), cabc.Sequence)
assert isinstance({}, cabc.Mapping) and isinstance({}, cabc.MutableMapping)
assert isinstance(set(), cabc.MutableSet) and isinstance(frozenset(), cabc.Set)
assert not isinstance(frozenset(), cabc.MutableSet)
assert isinstance(iter([]), cabc.Iterator) and not isinstance([], cabc.Iterator)
assert isinstance((x for x in []), cabc.Generator)
assert isinstance(len, cabc.Callable) and isinstance(lambda: 0, cabc.Callable)
assert isinstance(int, cabc.Callable) and not isinstance(3, cabc.Callable)
assert isinstance(1, cabc.Hashable) and not isinstance([], cabc.Hashable)
assert not isinstance(3, cabc.Iterable) and isinstance({}, cabc.Sized)
assert isinstance({}.keys(), cabc.KeysView)
assert issubclass(list, cabc.Collection) and issubclass(dict, cabc.Container)


class Gen:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


assert isinstance(Gen(), cabc.Iterator) and issubclass(Gen, cabc.Iterable)


class Registry(cabc.MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r["a"] = 1
r.update({"b": 2}, c=3)
assert r.get("a") == 1 and r.get("z") is None and "b" in r and "z" not in r
assert sorted(r.keys()) == ["a", "b", "c"] and sorted(r.values()) == [1, 2, 3]
assert sorted(r.items()) == [("a", 1), ("b", 2), ("c", 3)]
assert r.pop("a") == 1 and r.setdefault("d", 4) == 4 and len(r) == 3
assert r == {"b": 2, "c": 3, "d": 4}
r.clear()
assert len(r) == 0 and isinstance(r, cabc.Mapping)
try:
    cabc.Mapping()
    assert False
except TypeError:
    pass


class Seq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = Seq(3, 1, 3)
assert list(s) == [3, 1, 3] and 1 in s and s.index(1) == 1 and s.count(3) == 2
assert list(reversed(s)) == [3, 1, 3][::-1]


class ListSet(cabc.Set):
    def __init__(self, it=()):
        self.items = []
        for x in it:
            if x not in self.items:
                self.items.append(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


a, b = ListSet([1, 2, 3]), ListSet([2, 3, 4])
assert sorted(a & b) == [2, 3] and sorted(a | b) == [1, 2, 3, 4]
assert sorted(a - b) == [1] and sorted(a ^ b) == [1, 4]
assert ListSet([1]) <= a and ListSet([1]) < a and not a < a and a == ListSet([3, 2, 1])
assert a.isdisjoint(ListSet([9]))

print("ok")
