import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias of RED

    def describe(self):
        return "%s is %d" % (self.name, self.value)

    @property
    def lower(self):
        return self.name.lower()


assert Color.RED.name == "RED" and Color.RED.value == 1
assert repr(Color.RED) == "<Color.RED: 1>"
assert str(Color.RED) == "Color.RED"
assert format(Color.RED) == "Color.RED" and "%s" % Color.GREEN == "Color.GREEN"
assert f"{Color.BLUE}" == "Color.BLUE"
assert repr(Color) == "<enum 'Color'>"
assert list(Color) == [Color.RED, Color.GREEN, Color.BLUE]
assert len(Color) == 3
assert Color(1) is Color.RED and Color(3) is Color.BLUE
assert Color["GREEN"] is Color.GREEN
assert Color.CRIMSON is Color.RED and Color["CRIMSON"] is Color.RED
assert list(Color.__members__) == ["RED", "GREEN", "BLUE", "CRIMSON"]
assert Color.RED.describe() == "RED is 1" and Color.GREEN.lower == "green"
assert isinstance(Color.RED, Color) and isinstance(Color.RED, Enum)
assert type(Color.RED) is Color
assert Color.RED == Color.RED and Color.RED != Color.GREEN and Color.RED != 1
assert Color.RED in Color
assert {Color.RED: "r"}[Color.CRIMSON] == "r"
assert list(reversed(Color)) == [Color.BLUE, Color.GREEN, Color.RED]
try:
    Color(7)
    assert False
except ValueError as e:
    assert str(e) == "7 is not a valid Color"
try:
    Color["PINK"]
    assert False
except KeyError as e:
    assert e.args == ("PINK",)
try:
    Color.RED < Color.GREEN
    assert False
except TypeError:
    pass
try:
    Color.RED = 5
    assert False
except AttributeError as e:
    assert str(e) == "cannot reassign member 'RED'"
try:
    class MoreColor(Color):
        PINK = 4
    assert False
except TypeError as e:
    assert str(e) == "<enum 'MoreColor'> cannot extend <enum 'Color'>", str(e)

import copy
assert copy.copy(Color.RED) is Color.RED and copy.deepcopy([Color.RED])[0] is Color.RED


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


assert [m.value for m in Auto] == [1, 2, 10, 11]


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


assert Planet.EARTH.mass == 5.976e+24 and Planet.EARTH.value == (5.976e+24, 6.37814e6)
assert Planet((3.303e+23, 2.4397e6)) is Planet.MERCURY


class Shade(Enum):
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None


assert Shade("DARK") is Shade.DARK
assert repr(Shade.LIGHT) == "<Shade.LIGHT: 'light'>"


# IntEnum
class Num(IntEnum):
    ONE = 1
    TWO = 2


assert Num.ONE == 1 and Num.TWO > Num.ONE and Num.TWO < 3 and Num.ONE + 1 == 2
assert isinstance(Num.ONE, int) and repr(Num.ONE) == "<Num.ONE: 1>"
assert str(Num.ONE) == "1" and format(Num.TWO) == "2" and f"{Num.TWO:03d}" == "002"
assert sorted([Num.TWO, Num.ONE, 0]) == [0, 1, 2]
assert [10, 20, 30][Num.TWO] == 30
assert hash(Num.ONE) == hash(1) and {1: "x"}[Num.ONE] == "x"
assert Num(2) is Num.TWO


# unique
@unique
class Ok(Enum):
    A = 1
    B = 2


try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
    assert False
except ValueError as e:
    assert str(e) == "duplicate values found in <enum 'Dup'>: B -> A, D -> C", str(e)

# functional API
Animal = Enum("Animal", "ANT BEE CAT")
assert [a.name for a in Animal] == ["ANT", "BEE", "CAT"] and Animal.BEE.value == 2
Status = Enum("Status", [("ON", "on"), ("OFF", "off")])
assert Status("off") is Status.OFF
assert Status.ON.__class__.__name__ == "Status"


# Flag
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


assert [p.value for p in Perm] == [1, 2, 4]
rw = Perm.R | Perm.W
assert repr(rw) == "<Perm.R|W: 3>" and str(rw) == "Perm.R|W"
assert rw.value == 3 and Perm.R in rw and Perm.X not in rw
assert list(rw) == [Perm.R, Perm.W] and len(rw) == 2
assert (rw & Perm.R) is Perm.R
assert (rw ^ Perm.R) is Perm.W
assert ~Perm.R == Perm.W | Perm.X
assert repr(Perm(0)) == "<Perm: 0>" and not Perm(0) and bool(Perm.R)
assert Perm(7) == Perm.R | Perm.W | Perm.X
assert repr(Perm) == "<flag 'Perm'>"


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


m = Mode.R | Mode.W
assert m == 6 and isinstance(m, int) and m.value == 6
assert repr(m) == "<Mode.R|W: 6>" and str(m) == "6"
assert Mode.R | 1 == 5 and (Mode.R | 1) is Mode(5)
assert repr(Mode(0)) == "<Mode: 0>"
assert Mode.W in m and list(Mode(7)) == [Mode.R, Mode.W, Mode.X]
assert repr(Mode.R | 8) == "<Mode.R|8: 12>"


class Str(enum.StrEnum):
    A = auto()
    B = "bee"


assert Str.A == "a" and Str.B.upper() == "BEE" and str(Str.B) == "bee"
assert repr(Str.A) == "<Str.A: 'a'>"
assert isinstance(Str.A, str)

import pickle
assert pickle.loads(pickle.dumps(Color.RED)) is Color.RED
assert pickle.loads(pickle.dumps([Num.TWO, Perm.W])) == [Num.TWO, Perm.W]

print("ok")
