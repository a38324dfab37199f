# str: methods, indexing/slicing (incl. non-ASCII), repr rules,
# %-formatting, str.format, format().

# --- split / rsplit ---
assert 'a b  c'.split() == ['a', 'b', 'c']
assert '  a\tb\nc  '.split() == ['a', 'b', 'c']
assert ''.split() == []
assert '   '.split() == []
assert 'a,b,,c'.split(',') == ['a', 'b', '', 'c']
assert ''.split(',') == ['']
assert 'abc'.split(',') == ['abc']
assert 'a::b::c'.split('::') == ['a', 'b', 'c']
assert 'a,b,c,d'.split(',', 2) == ['a', 'b', 'c,d']
assert 'a,b,c,d'.split(',', maxsplit=1) == ['a', 'b,c,d']
assert 'a,b,c,d'.split(',', 0) == ['a,b,c,d']
assert 'a,b,c,d'.split(',', -1) == ['a', 'b', 'c', 'd']
assert 'a b c d'.split(None, 2) == ['a', 'b', 'c d']
assert '  a b c  '.split(maxsplit=1) == ['a', 'b c  ']
assert 'a,b,c,d'.rsplit(',', 1) == ['a,b,c', 'd']
assert 'a,b,c,d'.rsplit(',') == ['a', 'b', 'c', 'd']
assert '  a b c  '.rsplit(maxsplit=1) == ['  a b', 'c']
assert 'a b c'.rsplit() == ['a', 'b', 'c']
assert ',a,'.split(',') == ['', 'a', '']
try:
    'abc'.split('')
    assert False
except ValueError as ex:
    assert str(ex) == 'empty separator'

# --- join ---
assert ','.join(['a', 'b', 'c']) == 'a,b,c'
assert ''.join([]) == ''
assert '-'.join('abc') == 'a-b-c'
assert ', '.join(('x',)) == 'x'
assert ''.join(str(i) for i in range(3)) == '012'
assert '\n'.join(['l1', 'l2']) == 'l1\nl2'
try:
    ','.join(['a', 1])
    assert False
except TypeError:
    pass

# --- strip ---
assert '  hi  '.strip() == 'hi'
assert '  hi  '.lstrip() == 'hi  '
assert '  hi  '.rstrip() == '  hi'
assert '\t\n hi \r\n'.strip() == 'hi'
assert 'xxhixx'.strip('x') == 'hi'
assert 'abchicba'.strip('abc') == 'hi'
assert 'xyhi'.lstrip('yx') == 'hi'
assert 'hi!!?'.rstrip('?!') == 'hi'
assert ''.strip() == ''
assert 'aaa'.strip('a') == ''
assert 'hi'.strip('') == 'hi'

# --- find / rfind / index / rindex ---
s = 'hello world'
assert s.find('o') == 4
assert s.rfind('o') == 7
assert s.find('z') == -1
assert s.rfind('z') == -1
assert s.find('o', 5) == 7
assert s.find('o', 5, 7) == -1
assert s.find('') == 0
assert s.rfind('') == 11
assert s.find('world') == 6
assert s.index('w') == 6
assert s.rindex('l') == 9
assert s.find('l', -3) == 9
try:
    s.index('z')
    assert False
except ValueError as ex:
    assert str(ex) == 'substring not found'
try:
    s.rindex('z')
    assert False
except ValueError:
    pass

# --- replace ---
assert 'aaa'.replace('a', 'b') == 'bbb'
assert 'aaa'.replace('a', 'b', 2) == 'bba'
assert 'aaa'.replace('a', 'b', 0) == 'aaa'
assert 'aaa'.replace('a', 'b', -1) == 'bbb'
assert 'abc'.replace('x', 'y') == 'abc'
assert 'abab'.replace('ab', '') == ''
assert 'abc'.replace('', '-') == '-a-b-c-'
assert 'hello'.replace('l', 'L', 1) == 'heLlo'
assert 'aaaa'.replace('aa', 'b') == 'bb'

# --- startswith / endswith ---
assert 'hello'.startswith('he')
assert not 'hello'.startswith('lo')
assert 'hello'.endswith('lo')
assert 'hello'.startswith(('x', 'h'))
assert 'hello'.endswith(('x', 'o'))
assert not 'hello'.endswith(('x', 'y'))
assert 'hello'.startswith('')
assert 'hello'.startswith('ll', 2)
assert 'hello'.endswith('ll', 0, 4)
assert not 'hi'.startswith('hi!')

# --- case ---
assert 'Hello World'.upper() == 'HELLO WORLD'
assert 'Hello World'.lower() == 'hello world'
assert 'hello world'.title() == 'Hello World'
assert "they're bill's".title() == "They'Re Bill'S"
assert 'hELLO wORLD'.capitalize() == 'Hello world'
assert 'Hello'.swapcase() == 'hELLO'
assert 'ß'.upper() == 'SS'
assert 'ÉCOLE'.lower() == 'école'
assert 'straße'.casefold() == 'strasse'
assert 'abc123'.upper() == 'ABC123'
assert ''.capitalize() == ''

# --- padding ---
assert '42'.zfill(5) == '00042'
assert '-42'.zfill(5) == '-0042'
assert '+42'.zfill(5) == '+0042'
assert '42'.zfill(1) == '42'
assert 'ab'.center(6) == '  ab  '
assert 'ab'.center(5) == '  ab ', repr('ab'.center(5))
assert 'abc'.center(6, '*') == '*abc**'
assert 'ab'.center(1) == 'ab'
assert 'ab'.ljust(5, '.') == 'ab...'
assert 'ab'.rjust(5, '.') == '...ab'
assert 'ab'.ljust(5) == 'ab   '
assert 'abcdef'.rjust(3) == 'abcdef'
try:
    'a'.center(5, 'xy')
    assert False
except TypeError:
    pass

# --- predicates ---
assert '123'.isdigit() and not '12a'.isdigit() and not ''.isdigit()
assert 'abc'.isalpha() and not 'ab1'.isalpha() and 'é'.isalpha()
assert 'ab12'.isalnum() and not 'ab 12'.isalnum()
assert ' \t\n'.isspace() and not ''.isspace() and not ' a'.isspace()
assert 'ABC1'.isupper() and not 'AbC'.isupper() and not '123'.isupper()
assert 'abc1'.islower() and not 'aBc'.islower()
assert '123'.isdecimal() and not '1.5'.isdecimal()
assert '123'.isnumeric() and '½'.isnumeric() and not '½'.isdecimal()
assert '²'.isdigit() and not '²'.isdecimal()
assert 'valid_name'.isidentifier() and '_x1'.isidentifier()
assert not '1abc'.isidentifier() and not 'a-b'.isidentifier() and not ''.isidentifier()
assert 'Title Case'.istitle() and not 'Not title'.istitle()
assert 'abc'.isascii() and not 'é'.isascii()
assert 'abc'.isprintable() and not 'a\n'.isprintable()

# --- splitlines ---
assert 'a\nb\r\nc\rd'.splitlines() == ['a', 'b', 'c', 'd']
assert 'a\nb\n'.splitlines() == ['a', 'b']
assert 'a\nb\n'.splitlines(True) == ['a\n', 'b\n']
assert 'a\r\nb'.splitlines(keepends=True) == ['a\r\n', 'b']
assert ''.splitlines() == []
assert '\n'.splitlines() == ['']
assert 'one'.splitlines() == ['one']

# --- partition ---
assert 'a=b=c'.partition('=') == ('a', '=', 'b=c')
assert 'a=b=c'.rpartition('=') == ('a=b', '=', 'c')
assert 'abc'.partition('=') == ('abc', '', '')
assert 'abc'.rpartition('=') == ('', '', 'abc')

# --- count ---
assert 'banana'.count('a') == 3
assert 'banana'.count('an') == 2
assert 'aaaa'.count('aa') == 2, "non-overlapping"
assert 'banana'.count('') == 7
assert 'banana'.count('a', 2) == 2
assert 'banana'.count('z') == 0

# --- encode / decode ---
assert 'abc'.encode() == b'abc'
assert 'héllo'.encode('utf-8') == b'h\xc3\xa9llo'
assert b'h\xc3\xa9llo'.decode('utf-8') == 'héllo'
assert '€'.encode() == b'\xe2\x82\xac'
assert len('😀'.encode()) == 4
assert b'abc'.decode() == 'abc'
try:
    b'\xff'.decode('utf-8')
    assert False
except UnicodeDecodeError:
    pass

# --- expandtabs ---
assert 'a\tb'.expandtabs() == 'a       b'
assert 'a\tb'.expandtabs(4) == 'a   b'
assert 'ab\tc'.expandtabs(2) == 'ab  c'
assert '\t'.expandtabs(3) == '   '

# --- removeprefix / removesuffix ---
assert 'prefix_body'.removeprefix('prefix_') == 'body'
assert 'body'.removeprefix('x') == 'body'
assert 'file.txt'.removesuffix('.txt') == 'file'
assert 'file.txt'.removesuffix('.py') == 'file.txt'
assert 'abc'.removesuffix('') == 'abc'

# --- indexing / slicing ---
s = 'abcdef'
assert s[0] == 'a' and s[-1] == 'f' and s[-6] == 'a'
assert s[1:3] == 'bc'
assert s[:2] == 'ab' and s[4:] == 'ef'
assert s[-2:] == 'ef' and s[:-2] == 'abcd'
assert s[::2] == 'ace'
assert s[1::2] == 'bdf'
assert s[::-1] == 'fedcba'
assert s[::-2] == 'fdb'
assert s[4:1:-1] == 'edc'
assert s[10:] == '' and s[3:1] == ''
assert s[-100:100] == 'abcdef'
assert s[:] == s
try:
    s[6]
    assert False
except IndexError as ex:
    assert str(ex) == 'string index out of range'
try:
    s[::0]
    assert False
except ValueError:
    pass
try:
    s[0] = 'x'
    assert False
except TypeError:
    pass

# non-ASCII
u = 'héllo'
assert len(u) == 5
assert u[1] == 'é'
assert u[-4] == 'é'
assert u[1:3] == 'él'
assert u[::-1] == 'olléh'
assert u.upper() == 'HÉLLO'
assert u.find('l') == 2
assert u.index('o') == 4
assert 'é' in u
assert list(u) == ['h', 'é', 'l', 'l', 'o']
jp = '日本語テキスト'
assert len(jp) == 7 and jp[2] == '語' and jp[-1] == 'ト' and jp[1:3] == '本語'
emoji = 'a😀b'
assert len(emoji) == 3 and emoji[1] == '😀' and emoji[::-1] == 'b😀a'
assert 'x€y'.split('€') == ['x', 'y']
assert 'ñ' * 3 == 'ñññ'
assert 'é'.center(3, '*') == '*é*'

# --- in, comparison, multiplication ---
assert 'ell' in 'hello' and 'elo' not in 'hello'
assert '' in ''
assert 'a' < 'b' < 'ba' < 'bb'
assert 'Z' < 'a'
assert 'abc' == 'abc' and 'abc' != 'abd'
assert 'ab' < 'abc'
assert not ('b' < 'abc')
assert 'é' > 'z'
assert max('abc') == 'c'
assert 'ab' * 3 == 'ababab'
assert 3 * 'ab' == 'ababab'
assert 'ab' * 0 == '' and 'ab' * -1 == ''
assert 'a' + 'b' == 'ab'
try:
    'a' * 1.5
    assert False
except TypeError:
    pass

# --- ord / chr ---
assert ord('a') == 97 and chr(97) == 'a'
assert ord('é') == 233 and chr(233) == 'é'
assert ord('€') == 8364 and chr(0x20ac) == '€'
assert ord('😀') == 128512
assert chr(0) == '\x00'
try:
    chr(-1)
    assert False
except ValueError:
    pass
try:
    ord('ab')
    assert False
except TypeError:
    pass

# --- str() of various objects ---
assert str(123) == '123'
assert str(-1.5) == '-1.5'
assert str(None) == 'None'
assert str(True) == 'True'
assert str([1, 'a']) == "[1, 'a']"
assert str((1,)) == '(1,)'
assert str({'a': 1}) == "{'a': 1}"
assert str('abc') == 'abc'
assert str() == ''
assert str(b'ab') == "b'ab'"
assert str(str) == "<class 'str'>"
assert str(ValueError('x')) == 'x'
assert str(range(3)) == 'range(0, 3)'

# --- repr of strings ---
assert repr('abc') == "'abc'"
assert repr("it's") == '"it\'s"'
assert repr('say "hi"') == "'say \"hi\"'"
assert repr('both \' and "') == "'both \\' and \"'"
assert repr('a\nb') == "'a\\nb'"
assert repr('\t\r') == "'\\t\\r'"
assert repr('\x00') == "'\\x00'"
assert repr('\x7f') == "'\\x7f'"
assert repr('\x1b') == "'\\x1b'"
assert repr('\\') == "'\\\\'"
assert repr('é') == "'é'"
assert repr('日本') == "'日本'"
assert repr('\u200b') == "'\\u200b'"
assert repr('\xa0') == "'\\xa0'"
assert repr('') == "''"
assert ascii('é') == "'\\xe9'"
assert ascii('€') == "'\\u20ac'"
assert ascii('😀') == "'\\U0001f600'"
assert repr(['a', "b'c"]) == '[\'a\', "b\'c"]'

# --- % formatting ---
assert '%s' % 'x' == 'x'
assert '%s and %s' % ('a', 'b') == 'a and b'
assert '%r' % 'x' == "'x'"
assert '%d' % 42 == '42'
assert '%i' % -7 == '-7'
assert '%d' % 3.9 == '3'
assert '%5.2f' % 3.14159 == ' 3.14'
assert '%.3f' % 2 == '2.000'
assert '%-5s|' % 'ab' == 'ab   |'
assert '%5s|' % 'ab' == '   ab|'
assert '%05d' % 42 == '00042'
assert '%05d' % -42 == '-0042'
assert '%+d' % 5 == '+5'
assert '%x' % 255 == 'ff'
assert '%X' % 255 == 'FF'
assert '%#x' % 255 == '0xff'
assert '%o' % 8 == '10'
assert '%e' % 12345.678 == '1.234568e+04'
assert '%.2e' % 0.000123 == '1.23e-04'
assert '%g' % 1234567.0 == '1.23457e+06'
assert '%g' % 0.5 == '0.5'
assert '%%' % () == '%'
assert '100%%' % () == '100%'
assert '%c' % 65 == 'A' and '%c' % 'z' == 'z'
assert '%s' % [1, 2] == '[1, 2]'
assert '%s' % (1,) == '1'
assert '%s' % ((1, 2),) == '(1, 2)'
assert '%(name)s is %(age)d' % {'name': 'Bob', 'age': 30} == 'Bob is 30'
assert '%(x)r' % {'x': 'q'} == "'q'"
assert '%*d' % (5, 1) == '    1'
assert '%s %s' % ('a', 1.5) == 'a 1.5'
try:
    '%d %d' % (1,)
    assert False
except TypeError:
    pass
try:
    '%s' % (1, 2)
    assert False
except TypeError:
    pass
try:
    '%d' % 'x'
    assert False
except TypeError:
    pass

# --- str.format ---
assert '{} {}'.format('a', 'b') == 'a b'
assert '{1} {0} {1}'.format('a', 'b') == 'b a b'
assert '{name}-{n}'.format(name='x', n=1) == 'x-1'
assert '{0}{name}'.format('p', name='k') == 'pk'
assert '{{}} {}'.format(1) == '{} 1'


class Obj:
    x = 'attrx'


assert '{0.x}'.format(Obj()) == 'attrx'
assert '{0[1]}'.format([10, 20]) == '20'
assert '{d[key]}'.format(d={'key': 'val'}) == 'val'
assert '{0[a]}'.format({'a': 1}) == '1'
assert '{!r}'.format('s') == "'s'"
assert '{0!r:>5}'.format('s') == "  's'"
assert '{:>6.2f}'.format(3.14159) == '  3.14'
assert '{:<4}|'.format('a') == 'a   |'
assert '{:^5}'.format('a') == '  a  '
assert '{:*>5}'.format(7) == '****7'
assert '{:,}'.format(1234567) == '1,234,567'
assert '{:b}'.format(10) == '1010'
assert '{:x}'.format(255) == 'ff'
assert '{:.1%}'.format(0.123) == '12.3%'
assert '{:{}}'.format('a', 3) == 'a  '
assert '{:{}.{}f}'.format(3.14159, 6, 2) == '  3.14'
assert '{0:{1}}'.format(5, '>4') == '   5'
assert '{:{width}}'.format('x', width=3) == 'x  '
assert '{:=+6}'.format(42) == '+   42'
assert '{:06.2f}'.format(-1.5) == '-01.50'
assert '{}'.format(None) == 'None'
assert '{:d}'.format(True) == '1'
assert '{}'.format(True) == 'True'
try:
    '{} {}'.format(1)
    assert False
except IndexError:
    pass
try:
    '{x}'.format(y=1)
    assert False
except KeyError:
    pass
try:
    '{0} {}'.format(1, 2)
    assert False, "cannot mix manual and automatic numbering"
except ValueError:
    pass

# --- format() builtin ---
assert format(3.14159, '.2f') == '3.14'
assert format(42) == '42'
assert format(42, '') == '42'
assert format('s', '>3') == '  s'
assert format(255, '#010x') == '0x000000ff'
assert format(-5, 'b') == '-101'
assert format(1e6, ',.1f') == '1,000,000.0'
assert format(0.000012345, '.3g') == '1.23e-05'
assert format(12, 'c') == '\x0c'
assert format(3, 'e') == '3.000000e+00'
assert format(2.5, 'n') == '2.5'

# --- misc ---
assert 'abc'[1:2] + 'x' == 'bx'
assert 'a' 'b' == 'ab'
assert str.upper('x') == 'X'
assert ''.join(reversed('abc')) == 'cba'
assert sorted('cba') == ['a', 'b', 'c']
assert 'x'.join(['1', '2']).split('x') == ['1', '2']
assert hash('abc') == hash('ab' + 'c')
assert 'abc'.__len__() == 3
assert 'abc'.__contains__('b')
assert isinstance('', str) and str.__name__ == 'str'
assert 'a%sb' % '' == 'ab'
assert 'Hello, World'.translate(str.maketrans('lo', '01')) == 'He001, W1r0d'
assert 'abc'.translate({ord('a'): None}) == 'bc'

print("ok")


# split with one-character separators (searched by char), several-character
# ones and maxsplit, including non-ASCII text and separators.
assert "a|b||c|".split("|") == ["a", "b", "", "c", ""]
assert "a|b|c".split("|", 1) == ["a", "b|c"]
assert "a|b|c".split("|", 0) == ["a|b|c"]
assert "a|b|c".split("|", -1) == ["a", "b", "c"]
assert "".split("|") == [""]
assert "|".split("|") == ["", ""]
assert "héllo wörld".split("ö") == ["héllo w", "rld"]
assert "x€y€z".split("€", 1) == ["x", "y€z"]
assert "ab--cd--".split("--") == ["ab", "cd", ""]
assert "aaa".split("aa") == ["", "a"]
try:
    "abc".split("")
    assert False
except ValueError as e:
    assert "empty separator" in str(e), e
