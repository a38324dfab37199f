# Builtin functions and constructors.
import io

# --- len ---
assert len('abc') == 3 and len([]) == 0 and len((1,)) == 1
assert len({'a': 1}) == 1 and len({1, 2}) == 2 and len(range(5)) == 5
assert len(b'ab') == 2
try:
    len(1)
    assert False
except TypeError:
    pass

# --- range ---
assert list(range(5)) == [0, 1, 2, 3, 4]
assert list(range(2, 5)) == [2, 3, 4]
assert list(range(0, 10, 3)) == [0, 3, 6, 9]
assert list(range(5, 0, -1)) == [5, 4, 3, 2, 1]
assert list(range(10, 0, -3)) == [10, 7, 4, 1]
assert list(range(0)) == [] and list(range(5, 2)) == [] and list(range(2, 5, -1)) == []
assert len(range(10)) == 10
assert len(range(0, 10, 3)) == 4
assert len(range(10, 0, -3)) == 4
assert len(range(5, 2)) == 0
assert range(10)[3] == 3 and range(10)[-1] == 9
assert range(5, 0, -1)[1] == 4
assert range(0, 20, 5)[-2] == 10
assert range(10)[2:5] == range(2, 5)
assert list(range(10)[::2]) == [0, 2, 4, 6, 8]
assert list(range(10)[::-1]) == list(reversed(range(10)))
assert list(range(10)[-3:]) == [7, 8, 9]
assert 3 in range(5) and 5 not in range(5) and -1 not in range(5)
assert 4 in range(0, 10, 2) and 5 not in range(0, 10, 2)
assert 3 in range(5, 0, -1)
assert repr(range(5)) == 'range(0, 5)'
assert repr(range(1, 5)) == 'range(1, 5)'
assert repr(range(1, 5, 2)) == 'range(1, 5, 2)'
assert range(3) == range(0, 3) and range(0) == range(5, 5)
assert range(1, 10, 2).start == 1 and range(1, 10, 2).stop == 10 and range(1, 10, 2).step == 2
assert range(10).index(3) == 3 and range(10).count(3) == 1
assert range(10 ** 20)[-1] == 10 ** 20 - 1
assert len(range(10 ** 10)) == 10 ** 10
try:
    range(1, 2, 0)
    assert False
except ValueError:
    pass
try:
    range(3)[3]
    assert False
except IndexError:
    pass
try:
    range(1.5)
    assert False
except TypeError:
    pass

# --- enumerate, zip, map, filter ---
e = enumerate('ab')
assert next(e) == (0, 'a') and list(e) == [(1, 'b')]
assert list(enumerate('ab', 10)) == [(10, 'a'), (11, 'b')]
assert list(zip('abc', [1, 2])) == [('a', 1), ('b', 2)]
z = zip([1], [2])
assert iter(z) is z
assert list(map(str, [1, 2])) == ['1', '2']
assert list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])) == [11, 22]
assert list(map(pow, [2, 3], [3, 2])) == [8, 9]
m = map(abs, [-1])
assert next(m) == 1 and next(m, 'done') == 'done'
assert list(filter(None, [0, 1, '', 'a', None, [], [0]])) == [1, 'a', [0]]
assert list(filter(lambda x: x % 2, range(6))) == [1, 3, 5]
assert list(filter(str.isdigit, 'a1b2')) == ['1', '2']

# --- sorted, reversed, min, max, sum, any, all ---
assert sorted([3, 1, 2]) == [1, 2, 3]
assert sorted([3, 1, 2], key=lambda x: -x) == [3, 2, 1]
assert sorted(['b', 'A', 'c'], key=str.lower, reverse=True) == ['c', 'b', 'A']
assert list(reversed([1, 2])) == [2, 1]
assert min(4, 2, 8) == 2 and max([4, 2, 8]) == 8
assert max('a', 'bb', key=len) == 'bb'
assert min([], default=-1) == -1
assert sum([1, 2, 3], 10) == 16
assert any([0, 0, 1]) and not any([0, ''])
assert all([1, 1]) and not all([1, 0])

# --- abs, round, divmod, pow ---
assert abs(-5) == 5 and abs(-2.5) == 2.5 and abs(True) == 1
assert round(2.567, 2) == 2.57 and round(2.5) == 2 and round(-7) == -7
assert divmod(7, 2) == (3, 1) and divmod(-7, 2) == (-4, 1)
assert pow(2, 8) == 256 and pow(2, 8, 10) == 6 and pow(4, 0.5) == 2.0

# --- isinstance, issubclass, type ---
assert isinstance(1, int) and isinstance(True, int) and not isinstance(1, bool)
assert isinstance('s', (int, str))
assert isinstance([], object) and isinstance(None, object) and isinstance(int, object)
assert isinstance(int, type)
assert issubclass(bool, int) and issubclass(int, object) and not issubclass(int, str)
assert issubclass(int, (str, int))
try:
    issubclass(1, int)
    assert False
except TypeError:
    pass
try:
    isinstance(1, 1)
    assert False
except TypeError:
    pass
assert type(1) is int and type(1.0) is float and type('') is str and type(None) is type(None)
assert type([]) is list and type(()) is tuple and type({}) is dict and type(set()) is set
assert type(True) is bool and type(print).__name__ == 'builtin_function_or_method'
assert type(len) is type(print)
assert repr(int) == "<class 'int'>"
assert repr(type(None)) == "<class 'NoneType'>"

# --- id, hash ---
a = [1]
b = a
assert id(a) == id(b) and id(a) != id([1])
assert isinstance(id(a), int)
assert hash(1) == 1 and hash('a') == hash('a') and hash((1, 2)) == hash((1, 2))
assert hash(None) == hash(None)
try:
    hash([])
    assert False
except TypeError as ex:
    assert str(ex) == "unhashable type: 'list'"
try:
    hash({})
    assert False
except TypeError:
    pass

# --- repr, str, format, ascii ---
assert repr(1) == '1' and repr('a') == "'a'" and repr(None) == 'None'
assert repr([None, True, 1.5]) == '[None, True, 1.5]'
assert str(1.5) == '1.5' and str('x') == 'x'
assert format(1.5, '.3f') == '1.500' and format(10, 'x') == 'a' and format('ab', '^4') == ' ab '
assert ascii('aé') == "'a\\xe9'"

# --- chr, ord, hex, oct, bin ---
assert chr(65) == 'A' and ord('A') == 65 and chr(0x1F600) == '😀'
assert hex(255) == '0xff' and hex(-255) == '-0xff' and hex(0) == '0x0'
assert oct(8) == '0o10' and oct(-8) == '-0o10'
assert bin(5) == '0b101' and bin(-5) == '-0b101' and bin(0) == '0b0'
assert hex(2 ** 64) == '0x10000000000000000'
try:
    hex(1.5)
    assert False
except TypeError:
    pass

# --- iter / next ---
it = iter([1, 2])
assert next(it) == 1 and next(it) == 2
assert next(it, 'default') == 'default'
try:
    next(it)
    assert False
except StopIteration:
    pass
it = iter('ab')
assert iter(it) is it
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


assert list(iter(tick, 4)) == [1, 2, 3], "iter(callable, sentinel)"
lines = iter(['a', 'b', '', 'c'])
assert list(iter(lambda: next(lines), '')) == ['a', 'b']
try:
    iter(5)
    assert False
except TypeError as ex:
    assert str(ex) == "'int' object is not iterable"
try:
    next([1])
    assert False
except TypeError:
    pass
d_it = iter({'k': 1, 'j': 2})
assert next(d_it) == 'k'

# --- callable ---
assert callable(len) and callable(lambda: 0) and callable(int) and callable(str.upper)
assert not callable(1) and not callable('s') and not callable(None)


class WithCall:
    def __call__(self):
        return 1


assert callable(WithCall()) and callable(WithCall)


# --- getattr / setattr / hasattr / delattr / vars / dir ---
class Obj:
    cls_attr = 'c'

    def __init__(self):
        self.x = 1

    def method(self):
        return 'm'


o = Obj()
assert getattr(o, 'x') == 1
assert getattr(o, 'cls_attr') == 'c'
assert getattr(o, 'missing', None) is None
assert getattr(o, 'method')() == 'm'
try:
    getattr(o, 'missing')
    assert False
except AttributeError:
    pass
setattr(o, 'y', 2)
assert o.y == 2
assert hasattr(o, 'y') and hasattr(o, 'method') and not hasattr(o, 'nope')
delattr(o, 'y')
assert not hasattr(o, 'y')
try:
    delattr(o, 'y')
    assert False
except AttributeError:
    pass
assert vars(o) == {'x': 1}
assert vars(o) is o.__dict__
assert 'cls_attr' in vars(Obj) and 'method' in vars(Obj)
names = dir(o)
assert 'x' in names and 'method' in names and 'cls_attr' in names and '__init__' in names
assert names == sorted(names), "dir() returns a sorted list"
assert 'append' in dir([]) and 'upper' in dir('') and 'keys' in dir({})
assert getattr(1, 'real') == 1
assert hasattr('', 'join')
try:
    setattr(1, 'x', 2)
    assert False
except AttributeError:
    pass

# --- globals / locals ---
GLOBAL_VALUE = 42
assert globals()['GLOBAL_VALUE'] == 42
assert 'Obj' in globals()
assert globals()['__name__'] == '__main__'
globals()['INJECTED'] = 'yes'
assert INJECTED == 'yes'


def loc_fn(a, b=2):
    c = 3
    return locals()


assert loc_fn(1) == {'a': 1, 'b': 2, 'c': 3}
assert locals() is globals(), "at module level locals() is globals()"

# --- exec / eval / compile ---
g = {}
exec('x = 5\ny = x * 2', g)
assert g['x'] == 5 and g['y'] == 10
assert '__builtins__' in g
g2 = {'base': 100}
exec('def f(n):\n    return base + n\nresult = f(1)', g2)
assert g2['result'] == 101
loc = {}
exec('z = a + 1', {'a': 1}, loc)
assert loc == {'z': 2}
assert exec('1 + 1') is None
assert eval('1 + 2 * 3') == 7
assert eval('x * y', {'x': 3, 'y': 4}) == 12
assert eval('a + b', {'a': 1}, {'b': 2}) == 3
assert eval('[i * i for i in range(4)]') == [0, 1, 4, 9]
assert eval(' 42 ') == 42
assert eval('len("abc")') == 3
assert eval('GLOBAL_VALUE') == 42, "eval defaults to current globals"
try:
    eval('1 +')
    assert False
except SyntaxError:
    pass
try:
    eval('x = 1')
    assert False
except SyntaxError:
    pass
try:
    exec('undefined_name_xyz', {})
    assert False
except NameError:
    pass
code = compile('q = 7 * 6', '<string>', 'exec')
ns = {}
exec(code, ns)
assert ns['q'] == 42
ecode = compile('2 ** 10', '<expr>', 'eval')
assert eval(ecode) == 1024
exec('import math as _m\nroot = _m.sqrt(16)', ns)
assert ns['root'] == 4.0


def exec_in_func():
    ns = {}
    exec('v = 99', ns)
    return ns['v']


assert exec_in_func() == 99

# --- __import__ ---
m = __import__('math')
assert m.sqrt(9) == 3.0
import math
assert m is math

# --- super / object / property / staticmethod / classmethod ---


class Base:
    def who(self):
        return 'base'


class Child(Base):
    def who(self):
        return 'child+' + super().who()

    @property
    def prop(self):
        return 'prop'

    @staticmethod
    def st(x):
        return x * 2

    @classmethod
    def cm(cls):
        return cls.__name__


assert Child().who() == 'child+base'
assert super(Child, Child()).who() == 'base'
assert Child().prop == 'prop' and Child.st(4) == 8 and Child.cm() == 'Child' and Child().cm() == 'Child'
ob = object()
assert type(ob) is object and ob == ob and ob != object()
assert isinstance(property(), property)
assert isinstance(staticmethod(len), staticmethod)
assert isinstance(classmethod(len), classmethod)

# --- NotImplemented / Ellipsis / None ---
assert NotImplemented is NotImplemented
assert repr(NotImplemented) == 'NotImplemented'
assert (1).__add__('x') is NotImplemented
assert ... is Ellipsis
assert repr(...) == 'Ellipsis'
assert str(Ellipsis) == 'Ellipsis'
assert type(...).__name__ == 'ellipsis'
assert repr(None) == 'None' and type(None).__name__ == 'NoneType'
assert [...] == [Ellipsis]

# --- print ---
buf = io.StringIO()
print('a', 'b', 1, file=buf)
print('x', 'y', sep='-', end='!\n', file=buf)
print(file=buf)
print('no newline', end='', file=buf)
print('', file=buf)
print(1, 2, 3, sep='', file=buf)
print([1, 'a'], None, file=buf)
print('a', 'b', sep=None, end=None, file=buf)
print(*['p', 'q'], sep=', ', file=buf)
assert buf.getvalue() == "a b 1\nx-y!\n\nno newline\n123\n[1, 'a'] None\na b\np, q\n", repr(buf.getvalue())
try:
    print('x', sep=1, file=buf)
    assert False
except TypeError:
    pass

# --- bytes ---
assert bytes() == b''
assert bytes(3) == b'\x00\x00\x00'
assert bytes([65, 66, 67]) == b'ABC'
assert bytes('héllo', 'utf-8') == b'h\xc3\xa9llo'
assert bytes(range(3)) == b'\x00\x01\x02'
assert bytes(b'abc') == b'abc'
bs = b'hello'
assert bs[0] == 104 and type(bs[0]) is int and bs[-1] == 111
assert bs[1:3] == b'el' and type(bs[1:3]) is bytes
assert bs[::-1] == b'olleh'
assert list(b'ab') == [97, 98]
assert bs.decode() == 'hello' and b'\xc3\xa9'.decode('utf-8') == 'é'
assert b'\x00\xff\x10'.hex() == '00ff10'
assert bytes.fromhex('00ff10') == b'\x00\xff\x10'
assert b'ab' + b'cd' == b'abcd' and b'ab' * 2 == b'abab'
assert b'a' in b'cat' and 97 in b'cat' and b'z' not in b'cat'
assert b'a,b'.split(b',') == [b'a', b'b']
assert b'-'.join([b'a', b'b']) == b'a-b'
assert b'  x '.strip() == b'x'
assert b'abc'.upper() == b'ABC'
assert b'abc'.startswith(b'ab') and b'abc'.find(b'c') == 2
assert b'abcb'.replace(b'b', b'X') == b'aXcX'
assert b'abc' < b'abd' and b'abc' == b'abc' and b'abc' != 'abc'
assert len(b'\xe2\x82\xac') == 3
assert hash(b'abc') == hash(b'abc')
assert repr(b'\x7f\x80') == "b'\\x7f\\x80'"
assert repr(b'\t') == "b'\\t'"
try:
    bytes([256])
    assert False
except ValueError:
    pass
try:
    b'abc'[0] = 1
    assert False
except TypeError:
    pass
ba = bytearray(b'ab')
ba.append(99)
ba[0] = 65
assert ba == bytearray(b'Abc') and bytes(ba) == b'Abc'

# --- bool ---
assert bool() is False
for falsy in (0, 0.0, '', [], (), {}, set(), None, False, b'', range(0), frozenset()):
    assert bool(falsy) is False, repr(falsy)
for truthy in (1, -1, 0.5, 'a', ' ', [0], (None,), {0: 0}, {0}, True, b'\x00', object()):
    assert bool(truthy) is True
assert repr(bool(1)) == 'True'

# --- constructors ---
assert int('12') == 12 and int(2.9) == 2 and int('11', 2) == 3 and int() == 0
assert float('2.5') == 2.5 and float(2) == 2.0 and float() == 0.0
assert str(12) == '12' and str() == '' and str(b'x', 'ascii') == 'x'
assert list('ab') == ['a', 'b'] and list() == []
assert tuple([1]) == (1,) and tuple() == ()
assert dict(a=1) == {'a': 1} and dict([(1, 2)]) == {1: 2} and dict() == {}
assert set([1, 1]) == {1} and set() == set()
assert frozenset([1, 1]) == frozenset({1}) and type(frozenset()) is frozenset
assert type(int('5')) is int and type(str(5)) is str
assert bool('False') is True

# --- misc ---
assert len(dir()) > 0
assert isinstance(__name__, str) and __name__ == '__main__'
assert __builtins__ is not None
assert max(range(5), key=lambda v: (v % 3, v)) == 2
assert list(map(len, ['a', 'bb'])) == [1, 2]
assert sum(map(int, '123')) == 6
assert sorted(zip([2, 1], 'ba')) == [(1, 'a'), (2, 'b')]
assert list(zip(*zip('ab', 'cd'))) == [('a', 'b'), ('c', 'd')]

print("ok")
