import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
assert p.x == 1 and p.y == 2
assert repr(p) == "Point(x=1, y=2)"
assert Point(1) == Point(1, 0) and Point(1) != Point(2) and Point(1) != (1, 0)
assert Point(y=3, x=4) == Point(4, 3)
assert Point.__hash__ is None  # eq=True without frozen: unhashable
try:
    Point()
    assert False
except TypeError as e:
    assert str(e) == "Point.__init__() missing 1 required positional argument: 'x'", str(e)
try:
    Point(1, 2, 3)
    assert False
except TypeError:
    pass
assert Point.__match_args__ == ("x", "y")
assert is_dataclass(Point) and is_dataclass(p) and not is_dataclass(1)


@dataclass()
class Inventory:
    name: str
    tags: list = field(default_factory=list)
    secret: str = field(default="s", repr=False)
    count: int = field(default=0, compare=False)
    computed: int = field(init=False, default=7)
    label: ClassVar[str] = "inv"


a = Inventory("a")
b = Inventory("a")
a.tags.append(1)
assert b.tags == [] and a.tags == [1]
assert repr(b) == "Inventory(name='a', tags=[], count=0, computed=7)"
assert Inventory("a", count=5) == Inventory("a", count=9)
assert Inventory("a").computed == 7
assert [f.name for f in fields(Inventory)] == ["name", "tags", "secret", "count", "computed"]
assert Inventory.label == "inv" and "label" not in [f.name for f in fields(a)]
f0 = fields(Inventory)[1]
assert f0.default_factory is list and f0.default is dataclasses.MISSING
try:
    Inventory("a", computed=1)
    assert False
except TypeError:
    pass


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False)


assert Version(1, 2) < Version(1, 10) and Version(2) > Version(1, 99)
assert Version(1, 2, "a") <= Version(1, 2, "b") and Version(1, 2) >= Version(1, 2)
assert sorted([Version(2), Version(1, 5), Version(1)]) == [Version(1), Version(1, 5), Version(2)]
try:
    Version(1) < (1, 0)
    assert False
except TypeError:
    pass


@dataclass(frozen=True)
class Frozen:
    a: int
    b: tuple = (1, 2)


fz = Frozen(1)
try:
    fz.a = 2
    assert False
except FrozenInstanceError as e:
    assert str(e) == "cannot assign to field 'a'"
    assert isinstance(e, AttributeError)
try:
    del fz.a
    assert False
except AttributeError:
    pass
try:
    fz.new = 1
    assert False
except FrozenInstanceError:
    pass
assert hash(fz) == hash(Frozen(1)) and {fz: 1}[Frozen(1)] == 1
assert replace(fz, a=5) == Frozen(5, (1, 2)) and fz.a == 1


@dataclass
class WithPost:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h


assert WithPost(2, 3).area == 6
assert repr(WithPost(1, 2)) == "WithPost(w=1, h=2, area=2)"


@dataclass
class InitVarUser:
    x: int
    scale: dataclasses.InitVar[int] = 1

    def __post_init__(self, scale):
        self.x *= scale


assert InitVarUser(3, 4).x == 12 and InitVarUser(3).x == 3
assert [f.name for f in fields(InitVarUser)] == ["x"]


# inheritance: fields accumulate in order, overrides keep position
@dataclass
class Base:
    a: int
    b: int = 1


@dataclass
class Child(Base):
    c: int = 2
    b: int = 10


ch = Child(0)
assert (ch.a, ch.b, ch.c) == (0, 10, 2)
assert repr(ch) == "Child(a=0, b=10, c=2)"
assert [f.name for f in fields(Child)] == ["a", "b", "c"]
assert Child(0) != Base(0, 10)


# asdict / astuple recurse into containers and nested dataclasses
@dataclass
class Line:
    start: Point
    end: Point
    tags: List[str] = field(default_factory=list)


ln = Line(Point(0, 0), Point(1, 1), ["t"])
assert asdict(ln) == {"start": {"x": 0, "y": 0}, "end": {"x": 1, "y": 1}, "tags": ["t"]}
assert astuple(ln) == ((0, 0), (1, 1), ["t"])
d = asdict(ln)
d["tags"].append("u")
assert ln.tags == ["t"]
try:
    asdict(Point)
    assert False
except TypeError:
    pass
assert replace(p, y=9) == Point(1, 9) and p.y == 2
try:
    replace(Inventory("a"), computed=3)
    assert False
except ValueError:
    pass

# mutable defaults are rejected
try:
    @dataclass
    class Bad:
        items: list = []
    assert False
except ValueError as e:
    assert str(e) == "mutable default <class 'list'> for field items is not allowed: use default_factory"
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
    assert False
except TypeError as e:
    assert str(e) == "non-default argument 'b' follows default argument"


# explicit methods are kept
@dataclass
class Custom:
    v: int

    def __repr__(self):
        return "C<%d>" % self.v


assert repr(Custom(1)) == "C<1>" and Custom(1) == Custom(1)


@dataclass(eq=False)
class NoEq:
    v: int


assert NoEq(1) != NoEq(1) and hash(NoEq(1)) is not None


@dataclass(unsafe_hash=True)
class Hashed:
    v: int


assert hash(Hashed(3)) == hash((3,))


@dataclass(kw_only=True)
class Kw:
    a: int
    b: int = 2


assert Kw(a=1).b == 2
try:
    Kw(1)
    assert False
except TypeError:
    pass


@dataclass
class Mixed:
    a: int
    _: dataclasses.KW_ONLY
    b: int = 0
    c: int = 1


assert Mixed(1, c=5) == Mixed(a=1, b=0, c=5)


def local():
    @dataclass
    class Local:
        z: int
    return Local(1)


assert repr(local()) == "local.<locals>.Local(z=1)"

Dyn = dataclasses.make_dataclass("Dyn", [("a", int), ("b", int, field(default=3))])
assert repr(Dyn(1)) == "Dyn(a=1, b=3)"


@dataclass
class Tree:
    children: list = field(default_factory=list)


t = Tree()
t.children.append(t)
assert repr(t) == "Tree(children=[...])"

import pickle
assert pickle.loads(pickle.dumps(Version(1, 2, "n"))) == Version(1, 2)
assert pickle.loads(pickle.dumps(fz)) == fz

print("ok")
