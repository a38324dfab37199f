# Structural pattern matching (match / case).


def lit(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case 'hello':
            return 'greeting'
        case b'raw':
            return 'bytes'
        case True:
            return 'true'
        case None:
            return 'none'
        case _:
            return 'other'


assert lit(0) == 'zero'
assert lit(2) == 'small'
assert lit(-1) == 'minus one'
assert lit(1.5) == 'one and a half'
assert lit('hello') == 'greeting'
assert lit(b'raw') == 'bytes'
assert lit(True) == 'small', "True == 1 matches literal 1 first"
assert lit(None) == 'none'
assert lit('bye') == 'other'
assert lit(0.0) == 'zero', "literal match uses =="
assert lit([]) == 'other'


def singletons(x):
    match x:
        case True:
            return 'T'
        case False:
            return 'F'
        case None:
            return 'N'
    return 'no match'


assert singletons(True) == 'T'
assert singletons(1) == 'no match', "True/False/None patterns compare by identity"
assert singletons(0) == 'no match'
assert singletons(False) == 'F'
assert singletons(None) == 'N'

# capture and wildcard
match 42:
    case n:
        captured = n
assert captured == 42

match (1, 2):
    case _:
        wild = 'hit'
assert wild == 'hit'

res = 'unchanged'
match 5:
    case 6:
        res = 'six'
assert res == 'unchanged', "no case matched, nothing happens"


# guards
def sign(x):
    match x:
        case n if n < 0:
            return 'neg'
        case 0:
            return 'zero'
        case n if n > 100:
            return 'big'
        case _:
            return 'pos'


assert [sign(v) for v in (-5, 0, 5, 500)] == ['neg', 'zero', 'pos', 'big']

# guard failure still binds capture (names bound before guard evaluated)
match 3:
    case k if k > 10:
        pass
    case _:
        pass
assert k == 3


# --- sequence patterns ---
def seq(x):
    match x:
        case []:
            return 'empty'
        case [a]:
            return ('one', a)
        case [a, b]:
            return ('two', a, b)
        case [a, b, c]:
            return ('three', a, b, c)
        case [first, *rest]:
            return ('many', first, rest)


assert seq([]) == 'empty'
assert seq(()) == 'empty'
assert seq([1]) == ('one', 1)
assert seq((1, 2)) == ('two', 1, 2)
assert seq([1, 2, 3]) == ('three', 1, 2, 3)
assert seq([1, 2, 3, 4, 5]) == ('many', 1, [2, 3, 4, 5])
assert seq(range(4)) == ('many', 0, [1, 2, 3])
assert seq('ab') is None, "str is not matched by sequence patterns"
assert seq(b'ab') is None
assert seq({1: 2}) is None
assert seq(5) is None


def star_pos(x):
    match x:
        case [*init, 'end']:
            return ('ends', init)
        case ['start', *mid, 'stop']:
            return ('framed', mid)
        case [*_, 0]:
            return 'zero-last'
        case (a, *_):
            return ('first', a)


assert star_pos([1, 2, 'end']) == ('ends', [1, 2])
assert star_pos(['end']) == ('ends', [])
assert star_pos(['start', 'x', 'y', 'stop']) == ('framed', ['x', 'y'])
assert star_pos(['start', 'stop']) == ('framed', [])
assert star_pos([5, 0]) == 'zero-last'
assert star_pos([7, 8]) == ('first', 7)
assert star_pos([]) is None


def nested_seq(x):
    match x:
        case [(a, b), [c, *d]]:
            return a, b, c, d
        case [1, [2, [3, x]]]:
            return 'deep', x


assert nested_seq([(1, 2), [3, 4, 5]]) == (1, 2, 3, [4, 5])
assert nested_seq([1, [2, [3, 'X']]]) == ('deep', 'X')
assert nested_seq([1, 2]) is None


# --- mapping patterns ---
def mapping(x):
    match x:
        case {'type': 'point', 'x': x0, 'y': y0}:
            return ('point', x0, y0)
        case {'type': 'circle', 'r': r, **rest}:
            return ('circle', r, rest)
        case {'type': t}:
            return ('typed', t)
        case {}:
            return 'any mapping'


assert mapping({'type': 'point', 'x': 1, 'y': 2}) == ('point', 1, 2)
assert mapping({'type': 'point', 'x': 1, 'y': 2, 'extra': 0}) == ('point', 1, 2), "extra keys ignored"
assert mapping({'type': 'circle', 'r': 5, 'color': 'red', 'z': 1}) == ('circle', 5, {'color': 'red', 'z': 1})
assert mapping({'type': 'circle', 'r': 5}) == ('circle', 5, {})
assert mapping({'type': 'other'}) == ('typed', 'other')
assert mapping({'a': 1}) == 'any mapping'
assert mapping({}) == 'any mapping'
assert mapping([]) is None
assert mapping('type') is None


def map_values(x):
    match x:
        case {1: 'one', 2: [a, *_]}:
            return a
        case {'k': {'nested': v}}:
            return v


assert map_values({1: 'one', 2: [9, 8]}) == 9
assert map_values({1: 'uno', 2: [9]}) is None
assert map_values({'k': {'nested': 'deep'}}) == 'deep'


# --- class patterns ---
class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ('x', 'y', 'z')

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return 'origin'
        case Point3(x, y, z):
            return ('3d', x, y, z)
        case Point(0, y):
            return ('y-axis', y)
        case Point(x=0) | Point(y=0):
            return 'on-x-axis'
        case Point(x, y=5):
            return ('y is five', x)
        case Point(x=px, y=py) if px == py:
            return ('diagonal', px)
        case Point():
            return 'some point'
        case _:
            return 'not a point'


assert where(Point(0, 0)) == 'origin'
assert where(Point(0, 7)) == ('y-axis', 7)
assert where(Point(3, 0)) == 'on-x-axis'
assert where(Point(3, 5)) == ('y is five', 3)
assert where(Point(4, 4)) == ('diagonal', 4)
assert where(Point(1, 2)) == 'some point'
assert where(Point3(0, 0, 9)) == 'origin', "subclass matches parent pattern"
assert where(Point3(1, 2, 3)) == ('3d', 1, 2, 3)
assert where('p') == 'not a point'

try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
    assert False, "too many positional sub-patterns"
except TypeError:
    pass


class NoArgs:
    def __init__(self):
        self.a = 1


match NoArgs():
    case NoArgs(a=1):
        kw_only = True
assert kw_only
try:
    match NoArgs():
        case NoArgs(1):
            pass
    assert False, "positional pattern without __match_args__"
except TypeError:
    pass

match NoArgs():
    case NoArgs(missing_attr=_):
        got_missing = True
    case _:
        got_missing = False
assert got_missing is False, "missing attribute -> no match"


# builtin class patterns
def btype(x):
    match x:
        case bool(b):
            return ('bool', b)
        case int(i):
            return ('int', i)
        case float(f):
            return ('float', f)
        case str() as s:
            return ('str', s)
        case list([a, b]):
            return ('list2', a, b)
        case list():
            return 'list'
        case tuple((a, *_)):
            return ('tuple', a)
        case dict({'k': v}):
            return ('dict-k', v)
        case dict():
            return 'dict'
    return 'unknown'


assert btype(True) == ('bool', True)
assert btype(5) == ('int', 5)
assert btype(2.5) == ('float', 2.5)
assert btype('s') == ('str', 's')
assert btype([1, 2]) == ('list2', 1, 2)
assert btype([1]) == 'list'
assert btype((9, 8)) == ('tuple', 9)
assert btype({'k': 3}) == ('dict-k', 3)
assert btype({}) == 'dict'
assert btype(None) == 'unknown'


# --- value patterns with dotted names ---
class Color:
    RED = 'red'
    GREEN = 'green'


class Consts:
    class Inner:
        LIMIT = 10


def color(c):
    match c:
        case Color.RED:
            return 'R'
        case Color.GREEN:
            return 'G'
        case Consts.Inner.LIMIT:
            return 'limit'
        case _:
            return '?'


assert color('red') == 'R'
assert color('green') == 'G'
assert color(10) == 'limit'
assert color('blue') == '?'


# --- as-patterns ---
def as_pat(x):
    match x:
        case [1, (2 | 3) as second]:
            return ('second', second)
        case [int() as a, str() as b] as whole:
            return (a, b, whole)
        case {'k': [_, *_] as lst}:
            return ('lst', lst)
        case (0 | 1) as bit:
            return ('bit', bit)


assert as_pat([1, 3]) == ('second', 3)
assert as_pat([5, 'x']) == (5, 'x', [5, 'x'])
assert as_pat({'k': [1, 2]}) == ('lst', [1, 2])
assert as_pat(1) == ('bit', 1)
assert as_pat(2) is None


# --- alternatives with captures (same names on each side) ---
def alt(x):
    match x:
        case [a, 0] | [0, a]:
            return a
        case ('x' | 'y') | ['x' | 'y']:
            return 'xy'


assert alt([5, 0]) == 5
assert alt([0, 7]) == 7
assert alt('y') == 'xy'
assert alt(['x']) == 'xy'
assert alt([1, 1]) is None


# --- nested and combined ---
def command(cmd):
    match cmd.split():
        case ['go', ('north' | 'south' | 'east' | 'west') as direction]:
            return 'going ' + direction
        case ['go', _]:
            return 'bad direction'
        case ['pick', 'up', *items] if items:
            return 'picked ' + ','.join(items)
        case ['quit' | 'exit']:
            return 'bye'
        case []:
            return 'empty'
        case [verb, *_]:
            return 'unknown ' + verb


assert command('go north') == 'going north'
assert command('go up') == 'bad direction'
assert command('pick up sword shield') == 'picked sword,shield'
assert command('pick up') == 'unknown pick'
assert command('quit') == 'bye'
assert command('exit') == 'bye'
assert command('') == 'empty'
assert command('dance now') == 'unknown dance'


def tree_sum(node):
    match node:
        case {'leaf': int(v)}:
            return v
        case {'left': l, 'right': r}:
            return tree_sum(l) + tree_sum(r)
        case [*children]:
            return sum(tree_sum(c) for c in children)
        case _:
            raise ValueError('bad node')


assert tree_sum({'left': {'leaf': 1}, 'right': [{'leaf': 2}, {'leaf': 3}]}) == 6
try:
    tree_sum({'leaf': 'x'})
    assert False
except ValueError:
    pass

# match subject can be any expression; `match` is a soft keyword
match = 'still a name'
assert match == 'still a name'
case = 3
assert case == 3
match case:
    case 3:
        soft = 'ok'
assert soft == 'ok'
match (1, 2), 'x':
    case ((a, b), c):
        assert (a, b, c) == (1, 2, 'x')

# captures bind in the enclosing scope after the match
match [10, 20]:
    case [first_item, second_item]:
        pass
assert first_item == 10 and second_item == 20

print("ok")
