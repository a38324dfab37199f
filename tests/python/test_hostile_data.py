# Hostile data: truncated and mutated JSON documents, garbage for int(),
# float(), base64, re.compile(), compile()/eval()/exec(). Every case raises
# a clear exception (JSONDecodeError with a position, ValueError, SyntaxError,
# re.error ...), never crashes or hangs.
import json
docs = ['{"a": [1, 2.5e10, -3, true, false, null, "s\\u00e9\\n"], "b": {"c": {}}}',
        '[[[[[]]]], {"x": "\\ud83d\\ude00"}, 1e400, -0.0, 123456789012345678901234567890]',
        '"\\u12"', '{"k":1,"k":2}', '  [1 , 2 ]  ']
n = 0
kinds = {}
for doc in docs:
    for cut in range(len(doc) + 1):
        s = doc[:cut]
        try:
            json.loads(s)
        except json.JSONDecodeError as e:
            assert 0 <= e.pos <= len(s), (s, e.pos)
            assert e.lineno >= 1 and e.colno >= 1
            kinds['JSONDecodeError'] = kinds.get('JSONDecodeError', 0) + 1
        n += 1
    for i in range(len(doc)):
        for ch in '{}[]",:\\0e-.tfn \x00\x7f\u00e9\ud800':
            s = doc[:i] + ch + doc[i + 1:]
            try:
                json.loads(s)
            except json.JSONDecodeError as e:
                assert 0 <= e.pos <= len(s), (s, e.pos)
                assert isinstance(e.msg, str) and e.doc == s
            n += 1
for bad in ['', ' ', '[', ']', '{', '{"a"', '{"a":', '{"a":1,', '[1,]', '{"a":1,}', 'nul', 'tru',
            'NaNx', '-', '--1', '1e', '1e+', '0x10', '01', '"\\x"', '"\\u"', '"abc', '\ufeff[]',
            '[' * 10000, '{"a":' * 10000, '"' + '\\' * 10001 + '"']:
    try:
        json.loads(bad)
    except (json.JSONDecodeError, RecursionError):
        pass
    else:
        if bad not in ('\ufeff[]',):
            raise AssertionError('loaded %r' % bad[:20])

import base64
bad_b64 = ['a', 'ab', 'abc', 'a===', '====', '@@@@', 'YW\x00J', 'YWJj\n', '\u00e9', 'Y' * 4001]
for s in bad_b64:
    for f in (base64.b64decode, base64.urlsafe_b64decode, base64.b32decode, base64.b16decode, base64.a85decode if hasattr(base64, 'a85decode') else base64.b64decode):
        try:
            f(s)
        except Exception as e:
            if type(e).__name__ not in ('Error', 'ValueError', 'TypeError', 'binascii.Error'):
                print('b64', f.__name__, repr(s[:8]), type(e).__name__, e)
for s in ['', ' ', '1_', '_1', '1__0', '0x', '0b2', '1e5', '١٢٣', '\x00', '9' * 5000 + 'x', '+-1', '0o8', '  -0  ', '1 2']:
    for base in (0, 2, 10, 16, 36):
        try:
            int(s, base)
        except ValueError:
            pass
for base in (-1, 1, 37, 10**30, 'x', 2.5):
    try:
        int('1', base)
    except (ValueError, TypeError, OverflowError):
        pass
for s in ['', '1e', 'e1', '1.2.3', 'nan(1)', 'infinity!', '0x1p3', '1_000.5', '1__0.0', '.', '-', '1e99999', '\x00', '١.٥', 'in f']:
    try:
        float(s)
    except ValueError:
        pass
for src in [b'\xff\xfe', b'\x00', b'def', b'\xc3(', 'x = \ud800', b'if 1:\n\tpass\n        pass', b'@', b'lambda', b'class', b'f"{', b"f'{!r}'", b'1 if', b'yield = 1', b'return 5', b'break', b'nonlocal x', b'del 1', b'(*a) = 1', b'a, *b, *c = d', b'x: int: int', b'import', b'from . import', b'async def f(): await', b'with', b'try: pass', b'except: pass', b'else: pass', b'match', b'case 1: pass', b'\\', b'1 +\\\n', b'0_', b'0x_1', b'1e1_', b"'\\N{foo}'", b"b'\xe9'", b"'\\x1'", b'u"" b""', b'rb"\\"']:
    for fn in ('exec', 'eval', 'single'):
        try:
            compile(src, '<s>', fn)
        except (SyntaxError, ValueError, TypeError, UnicodeDecodeError):
            pass
    try:
        exec(src)
    except (SyntaxError, ValueError, TypeError, UnicodeDecodeError):
        pass
    except Exception as e:
        pass
for bad in [None, 5, [], b'\x00']:
    try:
        eval(bad)
    except (TypeError, ValueError, SyntaxError):
        pass
try:
    compile('1', '<s>', 'bogus')
except ValueError:
    pass

import re
for p in ['(', ')', '[', '[a-', 'a{2,1}', '*', '+a', 'a**', '(?P<n>a)(?P<n>b)', '(?P=x)', '\\',
          'a\\', '[z-a]', '(?', '(?P<>a)', '(?i', '(a)|\\2', '(?P<1a>x)', '\\xZZ']:
    try:
        re.compile(p)
    except re.error:
        pass
    else:
        raise AssertionError('compiled %r' % p)
for p in ['(a*)*', '(a*)+', '(a|)*', '()*', '((a*)*)*']:
    assert isinstance(re.findall(p, 'aab'), list)
    assert isinstance(re.sub(p, '-', 'ab'), str)
# (Catastrophic backtracking hangs CPython; tests/it/hostile.rs covers it.)
assert re.compile('a' * 100000).pattern == 'a' * 100000
m = re.match('(a)(b)?', 'a')
for g in [3, -1, 'x', 10 ** 30]:
    try:
        m.group(g)
    except IndexError:
        pass
    else:
        raise AssertionError(g)
for repl in ['\\9', '\\g<x>']:
    try:
        re.sub('(a)', repl, 'a')
    except (re.error, IndexError):
        pass
    else:
        raise AssertionError(repl)
print('ok')
