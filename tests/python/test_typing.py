import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, Type, TypeVar, Generic, Protocol,
                    NamedTuple, TypedDict, ClassVar, Final, Literal, cast, overload,
                    TYPE_CHECKING, no_type_check, runtime_checkable, get_origin, get_args,
                    get_type_hints, NewType)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
T_co = TypeVar("T_co", covariant=True)
Num = TypeVar("Num", int, float)
assert repr(T) == "~T" and repr(T_co) == "+T_co" and T.__name__ == "T"
assert Num.__constraints__ == (int, float)
assert TYPE_CHECKING is False

# reprs of subscripted forms
assert repr(List[int]) == "typing.List[int]"
assert repr(Dict[str, List[int]]) == "typing.Dict[str, typing.List[int]]"
assert repr(Optional[int]) == "typing.Optional[int]"
assert repr(Union[int, str]) == "typing.Union[int, str]"
assert repr(Tuple[int, ...]) == "typing.Tuple[int, ...]"
assert repr(Callable[[int, str], bool]) == "typing.Callable[[int, str], bool]"
assert repr(Callable[..., int]) == "typing.Callable[..., int]"
assert repr(Literal["a", 1]) == "typing.Literal['a', 1]"
assert repr(Any) == "typing.Any" and repr(ClassVar[int]) == "typing.ClassVar[int]"
assert repr(Final[str]) == "typing.Final[str]" and repr(Type[int]) == "typing.Type[int]"
assert repr(Set[int]) == "typing.Set[int]" and repr(FrozenSet[str]) == "typing.FrozenSet[str]"
assert repr(Iterable[int]) == "typing.Iterable[int]" and repr(Sequence[T]) == "typing.Sequence[~T]"
assert repr(Generator[int, None, None]) == "typing.Generator[int, NoneType, NoneType]"

# Union / Optional semantics
assert Union[int] is int
assert Union[int, int, str] == Union[int, str]
assert Union[int, Union[str, float]] == Union[int, str, float]
assert Optional[int] == Union[int, None]
assert Union[int, str] == Union[str, int]
assert get_args(Union[int, str]) == (int, str) and get_origin(Union[int, str]) is Union

# get_origin / get_args
assert get_origin(List[int]) is list and get_args(List[int]) == (int,)
assert get_origin(Dict[str, int]) is dict and get_args(Dict[str, int]) == (str, int)
assert get_args(Callable[[int], str]) == ([int], str)
assert get_origin(int) is None and get_args(int) == ()
assert List[int] == List[int] and List[int] != List[str]

# unsubscripted aliases work with isinstance; subscripted ones do not
assert isinstance([], List) and isinstance({}, Dict) and isinstance((), Tuple)
assert isinstance([1], Iterable) and not isinstance(3, Iterable)
assert isinstance(iter([]), Iterator) and isinstance({}, Mapping) and isinstance("", Sequence)
assert isinstance(len, Callable) and issubclass(list, Sequence)
try:
    isinstance([], List[int])
    assert False
except TypeError:
    pass
try:
    List()
    assert False
except TypeError as e:
    assert str(e) == "Type List cannot be instantiated; use list() instead"
try:
    Any()
    assert False
except TypeError:
    pass
try:
    isinstance(1, Any)
    assert False
except TypeError:
    pass


# Generic classes
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


b = Box(3)
assert b.get() == 3 and isinstance(b, Box)
assert Box[int](4).get() == 4
assert repr(Box[int]) == "test_typing.Box[int]" or repr(Box[int]) == "__main__.Box[int]"
assert Box.__parameters__ == (T,)
assert Generic in Box.__mro__ and get_origin(Box[int]) is Box


class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v


class StrPair(Pair[str, V]):
    pass


assert StrPair("a", 1).v == 1 and StrPair.__parameters__ == (V,)
assert issubclass(StrPair, Pair)
IntBox = Box[int]
assert IntBox(5).item == 5


class MyList(List[int]):
    pass


ml = MyList([1, 2])
assert ml == [1, 2] and isinstance(ml, list)

try:
    Generic[int]
    assert False
except TypeError:
    pass


# Protocol
class SupportsClose(Protocol):
    def close(self) -> None:
        ...


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None:
        ...


class Resource:
    def close(self) -> None:
        pass


assert isinstance(Resource(), Closer) and not isinstance(1, Closer)


def shut(x: SupportsClose) -> None:
    x.close()


shut(Resource())


# NamedTuple
class Employee(NamedTuple):
    name: str
    id: int = 3

    def badge(self):
        return "%s#%d" % (self.name, self.id)


e = Employee("guido")
assert e == ("guido", 3) and e.id == 3 and e.badge() == "guido#3"
assert repr(e) == "Employee(name='guido', id=3)"
assert Employee._fields == ("name", "id") and Employee.__annotations__ == {"name": str, "id": int}
assert isinstance(e, tuple) and Employee._field_defaults == {"id": 3}
name, ident = e
assert name == "guido"
Emp2 = NamedTuple("Emp2", [("a", int), ("b", str)])
assert Emp2(1, "x").b == "x" and Emp2._fields == ("a", "b")


# TypedDict
class Movie(TypedDict):
    title: str
    year: int


mv = Movie(title="Blade Runner", year=1982)
assert mv == {"title": "Blade Runner", "year": 1982} and type(mv) is dict
assert Movie.__required_keys__ == frozenset({"title", "year"})


class Partial(TypedDict, total=False):
    x: int


assert Partial.__optional_keys__ == frozenset({"x"}) and Partial() == {}

# helpers
assert cast(int, "x") == "x" and cast(List[int], [1]) == [1]


@overload
def f(x: int) -> int:
    ...


@overload
def f(x: str) -> str:
    ...


def f(x):
    return x


assert f(2) == 2


@no_type_check
def g(a: "nonsense") -> "more":
    return a


assert g(1) == 1

UserId = NewType("UserId", int)
assert UserId(5) == 5 and UserId.__supertype__ is int


def annotated(a: int, b: "List[int]", c: Optional[str] = None) -> None:
    pass


hints = get_type_hints(annotated)
assert hints["a"] is int and hints["b"] == List[int] and hints["return"] is type(None)
assert hints["c"] == Optional[str]


class Annotated_:
    x: int
    y: ClassVar[int] = 0


assert get_type_hints(Annotated_) == {"x": int, "y": ClassVar[int]}


def func(a: Dict[str, Tuple[int, ...]], cb: Callable[[int], None]) -> Iterator[int]:
    yield 1


assert list(func({}, print)) == [1]
v: Final = 3
w: Literal["r", "w"] = "r"
assert v == 3 and w == "r"

print("ok")
