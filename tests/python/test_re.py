import re

def err(exc, f, *a, **k):
    try:
        f(*a, **k)
    except exc as e:
        return e
    raise AssertionError("no %s raised" % exc.__name__)

# match / search / fullmatch and Match objects
m = re.match(r"(\d+)-(\d+)", "12-34 rest")
assert repr(m) == "<re.Match object; span=(0, 5), match='12-34'>"
assert m.group() == "12-34" and m.group(0) == "12-34" and m[1] == "12" and m.group(1, 2) == ("12", "34")
assert m.groups() == ("12", "34") and m.span() == (0, 5) and m.span(2) == (3, 5)
assert m.start(2) == 3 and m.end(1) == 2 and m.lastindex == 2 and m.lastgroup is None
assert m.string == "12-34 rest" and m.pos == 0 and m.endpos == 10 and m.re.pattern == r"(\d+)-(\d+)"
assert re.match(r"\d", "a1") is None
m = re.search(r"(?P<user>\w+)@(?P<host>\w+)\.com", "mail: joe@site.com!")
assert m.span() == (6, 18) and m.group("user") == "joe" and m["host"] == "site"
assert m.groupdict() == {"user": "joe", "host": "site"} and m.lastgroup == "host" and m.lastindex == 2
assert m.expand(r"\g<host>/\2/\g<0>") == "site/site/joe@site.com"
assert err(IndexError, m.group, 3).args == ("no such group",)
assert err(IndexError, m.group, "nope").args == ("no such group",)
m = re.match(r"(a)(b)?", "ac")
assert m.groups() == ("a", None) and m.groups("") == ("a", "") and m.span(2) == (-1, -1) and m.start(2) == -1
assert re.match(r"((a)b)", "ab").lastindex == 1
assert re.fullmatch(r"\w+", "abc").group() == "abc" and re.fullmatch(r"\w+", "abc!") is None
assert re.match("a|ab", "ab").group() == "a" and re.fullmatch("a|ab", "ab").group() == "ab"
assert bool(re.match("", "x")) is True

# $ / \Z / MULTILINE semantics
assert re.search("a$", "a\n").span() == (0, 1)
assert re.search("a$", "a\nb") is None
assert re.search("a$", "a\nb", re.M).span() == (0, 1)
assert re.search(r"a\Z", "a\n") is None and re.search(r"a\Z", "a").span() == (0, 1)
assert re.findall(r"^\w", "ab\ncd", re.M) == ["a", "c"] and re.findall(r"^\w", "ab\ncd") == ["a"]
assert re.findall(r"\w$", "ab\ncd\n", re.M) == ["b", "d"]

# positions are in characters
assert re.match("é(.)", "éüx").span(1) == (1, 2)
assert re.search("ü", "aéü").span() == (2, 3)
assert [m.span() for m in re.finditer("\u00e9", "éaé")] == [(0, 1), (2, 3)]
assert re.sub("é", "e", "éaé") == "eae"

# Unicode by default, ASCII with re.ASCII
assert re.findall(r"\w+", "héllo wörld") == ["héllo", "wörld"]
assert re.findall(r"\w+", "héllo wörld", re.ASCII) == ["h", "llo", "w", "rld"]
assert re.findall(r"\d", "1\u0663") == ["1", "\u0663"] and re.findall(r"\d", "1\u0663", re.A) == ["1"]
assert re.findall(r"(?a)\w+", "héllo") == ["h", "llo"]

# flags
assert re.findall(r"AB", "ab Ab aB", re.I) == ["ab", "Ab", "aB"]
assert re.findall(r"(?i)AB", "ab Ab") == ["ab", "Ab"]
assert re.findall(r"a.b", "a\nb") == [] and re.findall(r"a.b", "a\nb", re.S) == ["a\nb"]
assert re.IGNORECASE == re.I == 2 and re.M == 8 and re.S == 16 and re.X == 64 and re.A == 256
verbose = re.compile(r"""
    (\d+)   # a number
    \s*     # spaces
    ([a-z]+)
""", re.VERBOSE)
assert verbose.match("12  abc").groups() == ("12", "abc")

# findall / finditer
assert re.findall(r"\d+", "a1b22c333") == ["1", "22", "333"]
assert re.findall(r"(\w)(\d)", "a1b2") == [("a", "1"), ("b", "2")]
assert re.findall(r"(\w)\d", "a1b2") == ["a", "b"]
assert re.findall(r"(a)|b", "ab") == ["a", ""]
assert re.findall("", "ab") == ["", "", ""]
assert [m.group() for m in re.finditer(r"\d", "a1b2")] == ["1", "2"]

# sub / subn
assert re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar") == "world hello bar foo"
assert re.sub(r"(?P<w>\w+)", r"<\g<w>|\g<0>|\g<1>>", "hi yo") == "<hi|hi|hi> <yo|yo|yo>"
assert re.sub(r"x*", "-", "abxd") == "-a-b--d-"
assert re.sub("", "-", "abc") == "-a-b-c-"
assert re.sub("a", "o", "banana", count=2) == "bonona"
assert re.subn(r"a", lambda m: m.group().upper(), "banana") == ("bAnAnA", 3)
assert re.sub(r"(a)|b", r"[\1]", "ab") == "[a][]"
assert re.sub(r"\s+", r"\n", "a  b") == "a\nb"
assert re.sub("a", r"\\", "a") == "\\"
assert str(err(re.error, re.sub, "(a)", r"\2", "a")) == "invalid group reference 2 at position 1"
assert str(err(IndexError, re.sub, "(a)", r"\g<nope>", "a")) == "unknown group name 'nope'"
assert str(err(re.error, re.sub, "a", r"\q", "a")) == r"bad escape \q at position 0"

# split
assert re.split(r"x*", "axbc") == ["", "a", "", "b", "c", ""]
assert re.split(r"(,)", "a,b,c") == ["a", ",", "b", ",", "c"]
assert re.split(r",", "a,b,c", maxsplit=1) == ["a", "b,c"]
assert re.split(r"\b", "hi there") == ["", "hi", " ", "there", ""]
assert re.split(r"(a)|b", "xaybz") == ["x", "a", "y", None, "z"]
assert re.split(r"\W+", "Words, words, words.") == ["Words", "words", "words", ""]

# backreferences and lookaround
assert re.search(r"(\w)\1", "abccd").group() == "cc"
assert re.search(r"(?P<c>\w)(?P=c)", "abccd").span() == (2, 4)
assert re.search(r"(?<=a)b", "ab").span() == (1, 2)
assert re.search(r"(?<!a)b", "ab cb").span() == (4, 5)
assert re.search(r"foo(?=bar)", "foobaz foobar").span() == (7, 10)
assert re.search(r"foo(?!bar)", "foobar foobaz").span() == (7, 10)
assert re.match(r"(?:ab)+", "ababx").group() == "abab"
assert re.match(r"a(?#comment)b", "ab").group() == "ab"

# Python-only syntax details
assert re.match(r"a{,2}", "aaa").group() == "aa"
assert re.match("a{", "a{").group() == "a{"
assert re.match("x{2}", "xxx").group() == "xx"
assert re.match("[]a]+", "]a]").group() == "]a]"
assert re.match(r"[a-c-]+", "a-c").group() == "a-c"
assert re.match(r"[\d.]+", "1.5x").group() == "1.5"
assert re.match(r"\x41\u00e9\101", "Aé A") is None and re.match(r"\x41\u00e9\101", "AéA").group() == "AéA"
assert re.search(r"[\w.-]+@[\w-]+\.[\w.]+", "x a.b-c@d-e.co.uk y").group() == "a.b-c@d-e.co.uk"

# Pattern objects
p = re.compile(r"(?P<first>a)(b)?")
assert p.pattern == r"(?P<first>a)(b)?" and p.groups == 2 and p.groupindex == {"first": 1}
assert p.flags == re.UNICODE and re.compile("x", re.I).flags == re.I | re.U and re.compile("x", re.A).flags == re.A
assert repr(re.compile("a+")) == "re.compile('a+')"
assert repr(re.compile("a+", re.I)) == "re.compile('a+', re.IGNORECASE)"
assert repr(re.compile("a", re.I | re.M)) == "re.compile('a', re.IGNORECASE|re.MULTILINE)"
d = re.compile(r"\d")
assert d.findall("1234", 1, 3) == ["2", "3"]
assert d.search("a1", 2) is None and d.search("ab12", 0, 3).span() == (2, 3)
assert re.compile("^a").search("ba", 1) is None and re.compile("a").match("ba", 1).span() == (1, 2)
assert re.compile("a$").search("ab", 0, 1).span() == (0, 1)
assert re.compile(r"\d+").sub("#", "a1b22") == "a#b#" and re.compile(",").split("a,b") == ["a", "b"]
assert re.compile("a").fullmatch("ab", 0, 1).group() == "a"
assert re.compile(p) is p
assert str(err(ValueError, re.compile, p, re.I)) == "cannot process flags argument with a compiled pattern"
assert re.compile("ab") == re.compile("ab")
assert re.match(re.compile("b"), "b").group() == "b"

# escape / purge
assert re.escape("a.b*c") == r"a\.b\*c"
assert re.escape("1+1=2 ok?") == r"1\+1=2\ ok\?"
assert re.match(re.escape("(x)[y]"), "(x)[y]").group() == "(x)[y]"
re.purge()

# bad patterns -> re.error with CPython's messages
def bad(pattern):
    e = err(re.error, re.compile, pattern)
    return (str(e), e.msg, e.pos, e.pattern)

assert bad("(") == ("missing ), unterminated subpattern at position 0", "missing ), unterminated subpattern", 0, "(")
assert bad("ab)")[0] == "unbalanced parenthesis at position 2"
assert bad("*a")[0] == "nothing to repeat at position 0"
assert bad("a**")[0] == "multiple repeat at position 2"
assert bad("[abc")[0] == "unterminated character set at position 0"
assert bad(r"\q")[0] == r"bad escape \q at position 0"
assert bad("(?P<1>x)")[0] == "bad character in group name '1' at position 4"
assert bad("(?P=nope)")[0] == "unknown group name 'nope' at position 4"
assert bad(r"(a)\2")[0] == "invalid group reference 2 at position 4"
assert bad("a{3,1}")[0] == "min repeat greater than max repeat at position 2"
assert bad("x(?i)")[0] == "global flags not at the start of the expression at position 1"
assert issubclass(re.error, Exception)
assert str(err(TypeError, re.match, "a", 5)) == "expected string or bytes-like object, got 'int'"

# bytes patterns (ASCII classes, positions in bytes)
m = re.search(rb"(?P<k>\w+)=(\w+)", b"xx key=val\xff")
assert m.span() == (3, 10) and m.group(1) == b"key" and m["k"] == b"key" and m.groupdict() == {"k": b"key"}
assert repr(m) == "<re.Match object; span=(3, 10), match=b'key=val'>"
assert re.findall(rb"\w+", b"h\xe9llo") == [b"h", b"llo"]
assert re.findall(rb"[\x80-\xff]", b"a\xe9b\xf6") == [b"\xe9", b"\xf6"]
assert re.sub(rb"(\w)(\d)", rb"\2\1", b"a1 b2") == b"1a 2b"
assert re.sub(rb"a", lambda m: b"A", b"banana") == b"bAnAnA"
assert re.split(rb"(,)", b"a,b") == [b"a", b",", b"b"]
assert re.compile(b"ab").pattern == b"ab" and re.compile(b"ab").flags == 0
assert repr(re.compile(b"ab", re.I)) == "re.compile(b'ab', re.IGNORECASE)"
assert re.fullmatch(b".+", b"\x00\xff").span() == (0, 2)
assert re.match(rb"a", bytearray(b"abc")).group() == b"a"
assert m.expand(rb"[\g<k>]") == b"[key]"
assert str(err(TypeError, re.match, b"a", "a")) == "cannot use a bytes pattern on a string-like object"
assert str(err(TypeError, re.match, "a", b"a")) == "cannot use a string pattern on a bytes-like object"
assert str(err(ValueError, re.compile, b"a", re.U)) == "cannot use UNICODE flag with a bytes pattern"
assert str(err(re.error, re.compile, rb"\u1234")) == r"bad escape \u at position 0"

print("ok")
