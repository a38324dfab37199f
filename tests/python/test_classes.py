# Classes: attributes, methods, inheritance, MRO, super, properties,
# static/class methods, __slots__, __new__, __init_subclass__, introspection.


class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
assert p.x == 3 and p.y == 4
assert p.norm2() == 25
assert Point.norm2(p) == 25, "unbound method call"
assert p.moved(dy=1).y == 5
assert p.__dict__ == {'x': 3, 'y': 4}
assert Point.__doc__ == 'A point.'
assert Point.__name__ == 'Point'
assert Point.__qualname__ == 'Point'
assert Point.__module__ == '__main__'
assert type(p) is Point
assert p.__class__ is Point
assert type(Point) is type
assert isinstance(p, Point) and isinstance(p, object)
assert Point.__bases__ == (object,)
assert 'norm2' in Point.__dict__ and 'x' not in Point.__dict__

# class vs instance attributes
q = Point(0, 0)
assert p.dims == 2 and q.dims == 2
p.dims = 3
assert p.dims == 3 and q.dims == 2 and Point.dims == 2, "instance attr shadows class attr"
Point.dims = 10
assert q.dims == 10 and p.dims == 3
del p.dims
assert p.dims == 10
Point.dims = 2


class Shared:
    items = []

    def add(self, v):
        self.items.append(v)


s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
assert Shared.items == [1, 2], "mutable class attribute shared"

# bound methods
bm = p.norm2
assert bm() == 25
assert bm.__self__ is p
assert bm.__func__ is Point.norm2
p.x = 0
assert bm() == 16

# dynamic attributes on instances and classes
p.extra = 'e'
assert p.extra == 'e' and 'extra' in p.__dict__
Point.new_method = lambda self: 'new'
assert p.new_method() == 'new'
del Point.new_method
assert not hasattr(p, 'new_method')
try:
    p.nonexistent
    assert False
except AttributeError as ex:
    assert str(ex) == "'Point' object has no attribute 'nonexistent'", str(ex)


# --- inheritance ---
class Animal:
    sound = '...'

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + ' says ' + self.sound

    def kind(self):
        return 'animal'


class Dog(Animal):
    sound = 'woof'

    def kind(self):
        return 'dog/' + super().kind()


class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + ' jr')

    def kind(self):
        return 'puppy/' + super().kind()


d = Puppy('rex')
assert d.name == 'rex jr'
assert d.speak() == 'rex jr says woof'
assert d.kind() == 'puppy/dog/animal'
assert isinstance(d, Animal) and isinstance(d, Dog)
assert issubclass(Puppy, Animal) and not issubclass(Animal, Dog)
assert issubclass(Dog, Dog)
assert Puppy.__mro__ == (Puppy, Dog, Animal, object)
assert Puppy.__bases__ == (Dog,)
assert Dog.__subclasses__() == [Puppy]
assert isinstance(d, (int, Dog))
assert not isinstance(d, (int, str))
assert issubclass(Puppy, (int, Animal))
assert isinstance(3, (str, (list, int))), "nested tuples allowed"


# --- multiple inheritance & C3 MRO ---
class A:
    def who(self):
        return ['A']


class B(A):
    def who(self):
        return ['B'] + super().who()


class C(A):
    def who(self):
        return ['C'] + super().who()


class D(B, C):
    def who(self):
        return ['D'] + super().who()


assert D.__mro__ == (D, B, C, A, object)
assert D().who() == ['D', 'B', 'C', 'A'], "super follows MRO, not bases"
assert D.mro() == [D, B, C, A, object]


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass


assert M.__mro__ == (M, K1, K2, K3, X, Y, Z, object)

try:
    class Bad(A, B):
        pass
    assert False, "inconsistent MRO must fail"
except TypeError:
    pass


class Left:
    def __init__(self):
        self.log = getattr(self, 'log', []) + ['Left']
        super().__init__()


class Right:
    def __init__(self):
        self.log = getattr(self, 'log', []) + ['Right']
        super().__init__()


class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append('Both')


assert Both().log == ['Left', 'Right', 'Both'], "cooperative __init__"


# super with explicit args
class E(B):
    def who(self):
        return ['E'] + super(B, self).who()


assert E().who() == ['E', 'A']


# super in classmethod
class Base:
    @classmethod
    def create(cls):
        return ('Base', cls.__name__)


class Derived(Base):
    @classmethod
    def create(cls):
        return ('Derived',) + super().create()


assert Derived.create() == ('Derived', 'Base', 'Derived')


# --- property ---
class Temp:
    def __init__(self):
        self._c = 0
        self.deleted = False

    @property
    def celsius(self):
        """temperature"""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v

    @celsius.deleter
    def celsius(self):
        self.deleted = True

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temp()
t.celsius = 100
assert t.celsius == 100 and t.fahrenheit == 212.0
try:
    t.celsius = -300
    assert False
except ValueError:
    pass
del t.celsius
assert t.deleted
try:
    t.fahrenheit = 1
    assert False, "read-only property"
except AttributeError:
    pass
assert isinstance(Temp.celsius, property)
assert Temp.celsius.__doc__ == 'temperature'


class OldProp:
    def _get(self):
        return 'got'
    value = property(_get)


assert OldProp().value == 'got'


# --- staticmethod / classmethod ---
class Util:
    count = 0

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def incr(cls):
        cls.count += 1
        return cls

    @classmethod
    def make(cls, *args):
        return cls(*args)


assert Util.add(1, 2) == 3 and Util().add(3, 4) == 7
assert Util.incr() is Util and Util.count == 1
assert Util().incr() is Util and Util.count == 2


class SubUtil(Util):
    pass


assert SubUtil.incr() is SubUtil
assert SubUtil.count == 3 and Util.count == 2, "cls.count += 1 creates attribute on subclass"
assert isinstance(SubUtil.make(), SubUtil)
assert isinstance(Util.__dict__['add'], staticmethod)
assert isinstance(Util.__dict__['incr'], classmethod)


# --- __slots__ ---
class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1


sl = Slotted()
assert sl.a == 1
sl.b = 2
assert sl.b == 2
try:
    sl.c = 3
    assert False, "cannot add attribute not in __slots__"
except AttributeError:
    pass
assert not hasattr(sl, '__dict__')


# --- __new__ / __init__ ---
class Singleton:
    _instance = None
    inits = 0

    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, *args):
        Singleton.inits += 1


s1 = Singleton()
s2 = Singleton(1)
assert s1 is s2
assert Singleton.inits == 2, "__init__ still runs each time"


class NotInstance:
    def __new__(cls):
        return 42

    def __init__(self):
        raise AssertionError('__init__ must not run when __new__ returns other type')


assert NotInstance() == 42


class PosInt(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))


pi = PosInt(-5)
assert pi == 5 and isinstance(pi, int) and type(pi) is PosInt
assert pi + 1 == 6


class MyList(list):
    def sum(self):
        total = 0
        for v in self:
            total += v
        return total


ml = MyList([1, 2, 3])
ml.append(4)
assert ml.sum() == 10 and len(ml) == 4 and ml[0] == 1
assert isinstance(ml, list)


class MyDict(dict):
    def __missing__(self, key):
        return key * 2


md = MyDict(a=1)
assert md['a'] == 1 and md['zz'] == 'zzzz'


# --- __init_subclass__ ---
registry = []


class Plugin:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, tag))


class P1(Plugin):
    pass


class P2(Plugin, tag='two'):
    pass


class P3(P2):
    pass


assert registry == [('P1', None), ('P2', 'two'), ('P3', None)]


# --- __class__ and type() ---
class Self:
    def get_class(self):
        return __class__

    def get_type(self):
        return type(self)


class SubSelf(Self):
    pass


assert SubSelf().get_class() is Self
assert SubSelf().get_type() is SubSelf
assert type(1) is int and type('') is str and type(None).__name__ == 'NoneType'
assert type(type) is type
assert type(object) is type
assert type([]) is list

# type() with 3 args
Dyn = type('Dyn', (Point,), {'z': 9, 'get_z': lambda self: self.z})
dy = Dyn(1, 2)
assert dy.get_z() == 9 and dy.x == 1 and Dyn.__name__ == 'Dyn'
assert Dyn.__mro__ == (Dyn, Point, object)


# --- __name__ / __qualname__ of nested classes ---
class Outer:
    class Inner:
        class Deep:
            pass

    def make(self):
        class Local:
            pass
        return Local


assert Outer.Inner.__name__ == 'Inner'
assert Outer.Inner.__qualname__ == 'Outer.Inner'
assert Outer.Inner.Deep.__qualname__ == 'Outer.Inner.Deep'
assert Outer().make().__qualname__ == 'Outer.make.<locals>.Local'


# --- class body scope ---
class Body:
    a = 1
    b = a + 1
    lst = [a, b]
    for i in range(3):
        a += i
    del i

    def method(self):
        return 'method'
    alias = method


assert Body.a == 4 and Body.b == 2 and Body.lst == [1, 2]
assert not hasattr(Body, 'i')
assert Body().alias() == 'method'

x = 'global'


class ScopeTest:
    x = 'class'

    def get(self):
        return x


assert ScopeTest().get() == 'global', "methods do not see class scope"


# --- class annotations ---
class Annotated:
    a: int
    b: str = 'x'
    c: 'list'


assert Annotated.__annotations__ == {'a': int, 'b': str, 'c': 'list'}
assert Annotated.b == 'x'
assert not hasattr(Annotated, 'a'), "bare annotation does not create attribute"


# --- class decorator ---
def add_attr(cls):
    cls.added = True
    return cls


@add_attr
class Decorated:
    pass


assert Decorated.added is True


# --- object default behaviour ---
class Plain:
    pass


a1, a2 = Plain(), Plain()
assert a1 != a2 and a1 == a1
assert hash(a1) == hash(a1)
assert str(a1) == repr(a1)
assert repr(a1).startswith('<__main__.Plain object at ')
assert Plain.__base__ is object

# instances of object() cannot take attributes
try:
    object().x = 1
    assert False
except AttributeError:
    pass

# method resolution through class chain with overridden attribute
class Base2:
    def greet(self):
        return 'hi from ' + self.name()

    def name(self):
        return 'base'


class Child2(Base2):
    def name(self):
        return 'child'


assert Child2().greet() == 'hi from child', "late-bound self dispatch"

# setattr/getattr on classes
setattr(Plain, 'cattr', 5)
assert Plain().cattr == 5
assert getattr(Plain, 'missing', 'dflt') == 'dflt'

# metaclass basics
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns['meta_added'] = name.lower()
        return super().__new__(mcs, name, bases, ns)


class WithMeta(metaclass=Meta):
    pass


assert WithMeta.meta_added == 'withmeta'
assert type(WithMeta) is Meta
assert isinstance(WithMeta, type)

print("ok")
