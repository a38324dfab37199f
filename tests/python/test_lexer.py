# Lexer / literal tests: string literal forms, f-strings, numeric literals,
# line continuation, semicolons, comments.

# --- quotes ---
assert 'abc' == "abc"
assert '''abc''' == """abc""" == 'abc'
assert 'it"s' == "it\"s"
assert "it's" == 'it\'s'
assert '''a
b''' == 'a\nb'
assert """x "quoted" y""" == 'x "quoted" y'
assert '''don't''' == "don't"
assert """a\
b""" == 'ab', "backslash-newline inside triple quotes joins lines"
assert len('''
''') == 1
assert '' == "" == '''''' == """"""
assert len('') == 0

# --- escapes ---
assert len('\n') == 1 and ord('\n') == 10
assert ord('\t') == 9
assert ord('\r') == 13
assert ord('\0') == 0
assert '\x41' == 'A'
assert '\x41\x42' == 'AB'
assert '\101' == 'A', "octal escape"
assert '\u00e9' == 'é'
assert ord('\u00e9') == 0xe9
assert '\U0001F600' == chr(0x1F600)
assert '\\' == chr(92)
assert len('\\n') == 2
assert '\'' == "'"
assert "\"" == '"'
assert '\a\b\f\v' == chr(7) + chr(8) + chr(12) + chr(11)

# --- raw strings ---
assert r'\n' == '\\n'
assert len(r'\n') == 2
assert R'\t' == '\\t'
assert r'a\b\c' == 'a\\b\\c'
assert r'\x41' == '\\x41'
assert r"\"" == '\\"'
assert r'''\
''' == '\\\n'

# --- bytes literals ---
assert b'abc' == bytes([97, 98, 99])
assert B"abc" == b'abc'
assert b'\x00\xff' == bytes([0, 255])
assert b'\n'[0] == 10
assert rb'\n' == b'\\n'
assert br'\n' == b'\\n'
assert len(rb'\n') == 2
assert b'''a
b''' == b'a\nb'
assert type(b'') is bytes
assert repr(b'ab\x00\n') == "b'ab\\x00\\n'"
assert repr(b"it's") == 'b"it\'s"'

# --- adjacent literal concatenation ---
assert 'a' 'b' 'c' == 'abc'
assert 'a' "b" '''c''' == 'abc'
assert ('hello '
        'world') == 'hello world'
assert b'a' b'b' == b'ab'
assert 'a' r'\n' == 'a\\n'
x = 5
assert 'x=' f'{x}' == 'x=5'
assert f'{x}' 'y' f'{x + 1}' == '5y6'

# --- f-strings ---
name = 'world'
assert f'hello {name}' == 'hello world'
assert F'hello {name}' == 'hello world'
assert f"{1 + 2}" == '3'
assert f'{x * 2}{x}' == '105'
assert f'{{}}' == '{}'
assert f'{{{x}}}' == '{5}'
assert f'a{{b' == 'a{b'
assert f'' == ''
assert f'{"nested"}' == 'nested'
assert f"{'nested'}" == 'nested'
assert f'''{"a" + 'b'}''' == 'ab'
d = {'k': 'v', 1: 'one'}
assert f"{d['k']}" == 'v'
assert f'{d[1]}' == 'one'
lst = [1, 2, 3]
assert f'{lst[-1]}' == '3'
assert f'{lst}' == '[1, 2, 3]'
assert f'{len(lst)}' == '3'
assert f'{[i * i for i in range(4)]}' == '[0, 1, 4, 9]'
assert f'{x if x > 3 else 0}' == '5'
assert f'{(lambda y: y + 1)(1)}' == '2'
assert f'{ x }' == '5', "whitespace around f-string expr"
assert f'{None}' == 'None'
assert f'{True}' == 'True'
assert f'{1.5}' == '1.5'
assert f'{"a" "b"}' == 'ab'
assert f'{x}' * 2 == '55'
assert f'{x!r:>4}' == '   5'


class P:
    def __init__(self):
        self.attr = 'A'


p = P()
assert f'{p.attr}' == 'A'
assert f'{p.attr.lower()}' == 'a'
assert rf'\n{x}' == '\\n5'
assert fr'{x}\t' == '5\\t'
assert f'multi\nline {x}' == 'multi\nline 5'
assert f'''tri
{x}''' == 'tri\n5'

# --- format specs ---
v = 3.14159
assert f'{v:>10.3f}' == '     3.142'
assert f'{v:<10.2f}|' == '3.14      |'
assert f'{v:^10.1f}' == '   3.1    '
assert f'{v:.2f}' == '3.14'
assert f'{v:.0f}' == '3'
assert f'{v:10.4}' == '     3.142'
assert f'{1234567:,}' == '1,234,567'
assert f'{1234567.891:,.2f}' == '1,234,567.89'
assert f'{1234567:_}' == '1_234_567'
assert f'{5:08b}' == '00000101'
assert f'{255:x}' == 'ff'
assert f'{255:X}' == 'FF'
assert f'{255:#x}' == '0xff'
assert f'{8:o}' == '10'
assert f'{8:#o}' == '0o10'
assert f'{5:#b}' == '0b101'
assert f'{42:5d}' == '   42'
assert f'{42:<5d}|' == '42   |'
assert f'{42:*^7}' == '**42***'
assert f'{-42:05d}' == '-0042'
assert f'{42:+d}' == '+42'
assert f'{42: d}' == ' 42'
assert f'{0.5:%}' == '50.000000%'
assert f'{0.25:.1%}' == '25.0%'
assert f'{1500.0:e}' == '1.500000e+03'
assert f'{1500.0:.2e}' == '1.50e+03'
assert f'{"ab":>5}' == '   ab'
assert f'{"ab":-<5}' == 'ab---'
assert f'{"abcdef":.3}' == 'abc'
assert f'{3:.2f}' == '3.00', "int formatted with f spec"
assert f'{1e20:g}' == '1e+20'
assert f'{0.0001:g}' == '0.0001'
assert f'{123.456:g}' == '123.456'

# nested format spec
w = 6
prec = 2
assert f'{x:{w}}' == '     5'
assert f'{v:{w}.{prec}f}' == '  3.14'
assert f'{"s":>{w}}' == '     s'
assert f'{x:0{w}d}' == '000005'

# --- conversions ---
s = 'hi'
assert f'{s!r}' == "'hi'"
assert f'{s!s}' == 'hi'
assert f'{s!a}' == "'hi'"
assert f'{"é"!a}' == "'\\xe9'"
assert f'{"é"!r}' == "'é'"
assert f'{s!r:>6}' == "  'hi'"
assert f'{[s]!s}' == "['hi']"

# --- = specifier ---
assert f'{x=}' == 'x=5'
assert f'{x = }' == 'x = 5'
assert f'{s=}' == "s='hi'"
assert f'{s=!s}' == 's=hi'
assert f'{x + 1=}' == 'x + 1=6'
assert f'{v=:.2f}' == 'v=3.14'
assert f'{x=:>3}' == 'x=  5'

# --- numeric literals ---
assert 1_000_000 == 1000000
assert 0x_ff == 255
assert 0xFF == 255
assert 0Xff == 255
assert 0o17 == 15
assert 0O17 == 15
assert 0b1010 == 10
assert 0B1010 == 10
assert 0b_1111_0000 == 240
assert 1_0.0_1 == 10.01
assert 0 == 00 == 0_0
assert 1e3 == 1000.0
assert type(1e3) is float
assert 1E3 == 1000.0
assert 1.5e-3 == 0.0015
assert 2.5E+2 == 250.0
assert .5 == 0.5
assert 5. == 5.0
assert type(5.) is float
assert 1_000.5e1_0 == 1000.5e10
assert 0xdead_beef == 3735928559
assert 123456789012345678901234567890 == 123456789012345678901234567890
assert 0xffffffffffffffffffff == 2 ** 80 - 1
assert -0b1 == -1
assert 1 .__add__(2) == 3, "int literal followed by space and attribute"
assert 1.0.is_integer()
assert 0o777 == 511

# --- line continuation ---
total = 1 + \
    2 + \
    3
assert total == 6
if 1 == 1 and \
        2 == 2:
    cont = True
else:
    cont = False
assert cont

# implicit continuation inside brackets
lst2 = [
    1,
    2,  # comment inside brackets
    3,
]
assert lst2 == [1, 2, 3]
tup = (
    'a'
    'b',
    'c'
)
assert tup == ('ab', 'c')
dd = {
    'a': 1,

    'b': 2,
}
assert dd == {'a': 1, 'b': 2}
res = max(1,
          5,
          3)
assert res == 5

# semicolons
a = 1; b = 2; c = a + b
assert c == 3
if True: q = 1; r = 2
assert q == 1 and r == 2
a = 10;
assert a == 10

# comments
# this is a comment with 'quotes' and "quotes" and \ backslash
z = 1  # trailing comment
assert z == 1
hash_in_str = '# not a comment'
assert hash_in_str[0] == '#'
assert len(hash_in_str) == 15

# tabs / mixed indentation inside one block (consistent)
if True:
	tabbed = 1
assert tabbed == 1

# keywords as attribute-like prefixes in identifiers
ifx = 1
forx = 2
notx = 3
assert ifx + forx + notx == 6

# unicode identifiers
café = 3
assert café == 3

# string containing braces in non-f-string
assert '{x}' == '{' + 'x' + '}'

# operators tokenized correctly
assert 2**3**2 == 512
assert -2**2 == -4
assert 7//2 == 3
assert 1<<4 == 16
assert 5 != 4
assert (1 if 0 else 2) == 2
assert [1,2][-1] == 2
assert not 1 == 2
assert 3 >= 3 <= 3
m = 2
m **= 3
assert m == 8
m //= 3
assert m == 2
m <<= 2
assert m == 8
m >>= 1
assert m == 4
print("ok")
