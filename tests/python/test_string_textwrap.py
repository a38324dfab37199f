import string
import textwrap
from string import Template

# ---- string constants
assert string.ascii_lowercase == "abcdefghijklmnopqrstuvwxyz"
assert string.ascii_uppercase == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
assert string.ascii_letters == string.ascii_lowercase + string.ascii_uppercase
assert string.digits == "0123456789"
assert string.hexdigits == "0123456789abcdefABCDEF"
assert string.octdigits == "01234567"
assert string.punctuation == "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
assert len(string.punctuation) == 32
assert string.whitespace == " \t\n\r\x0b\x0c"
assert len(string.printable) == 100
assert string.printable.startswith("0123456789abc")

# ---- capwords
assert string.capwords("hello   wORLD  foo") == "Hello World Foo"
assert string.capwords("  a-b c ") == "A-b C"
assert string.capwords("a-b-c", "-") == "A-B-C"
assert string.capwords("") == ""

# ---- Template
t = Template("$who likes $what")
assert t.substitute(who="tim", what="kung pao") == "tim likes kung pao"
assert t.substitute({"who": "ann", "what": 3}) == "ann likes 3"
assert t.substitute({"who": "ann", "what": 3}, what="tea") == "ann likes tea"
assert Template("${noun}ification costs $$5").substitute(noun="pay") == "payification costs $5"
assert Template("$a$b").substitute(a=1, b=2) == "12"
assert Template("$_x1y!").substitute(_x1y="v") == "v!"
try:
    t.substitute(who="tim")
    assert False
except KeyError as e:
    assert e.args == ("what",)
try:
    Template("cost: $ 5").substitute()
    assert False
except ValueError as e:
    assert str(e) == "Invalid placeholder in string: line 1, col 7", str(e)
try:
    Template("line1\nx ${ oops}").substitute()
    assert False
except ValueError as e:
    assert str(e) == "Invalid placeholder in string: line 2, col 3", str(e)
assert t.safe_substitute(who="tim") == "tim likes $what"
assert Template("$ and ${x} and $$ and $y").safe_substitute(y=1) == "$ and ${x} and $ and 1"
assert Template("${a b}").safe_substitute(a=1) == "${a b}"
assert t.template == "$who likes $what"
assert Template("$a ${b} $$c $a").get_identifiers() == ["a", "b"]
assert Template("$a").is_valid() and not Template("$1").is_valid()


class Percent(Template):
    delimiter = "%"


assert Percent("%x + %% = %{y}").substitute(x=1, y=2) == "1 + % = 2"

# ---- textwrap.wrap / fill
text = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
lines = textwrap.wrap(text, 20)
assert lines == [
    "The quick brown fox",
    "jumps over the lazy",
    "dog. The quick brown",
    "fox jumps over the",
    "lazy dog. The quick",
    "brown fox jumps over",
    "the lazy dog.",
], lines
assert all(len(l) <= 20 for l in lines)
assert textwrap.fill(text, 20) == "\n".join(lines)
assert textwrap.wrap("") == []
assert textwrap.wrap("   ") == []
assert textwrap.wrap("a  b\tc\nd", 80) == ["a  b    c d"]
assert textwrap.wrap("supercalifragilistic", 5) == ["super", "calif", "ragil", "istic"]
assert textwrap.wrap("supercalifragilistic is long", 5, break_long_words=False) == ["supercalifragilistic", "is", "long"]
assert textwrap.wrap("a well-known long-term plan", 10) == ["a well-", "known", "long-term", "plan"]
assert textwrap.wrap("a well-known long-term plan", 10, break_on_hyphens=False) == ["a", "well-known", "long-term", "plan"]
assert textwrap.wrap("foo--bar baz", 5) == ["foo--", "bar", "baz"]
assert textwrap.wrap("hello world", 8, initial_indent="* ", subsequent_indent="  ") == ["* hello", "  world"]
assert textwrap.fill("one two three four", 9, initial_indent="> ") == "> one two\nthree\nfour"
assert textwrap.wrap("a b c", 1, drop_whitespace=False) == ["a", " ", "b", " ", "c"]
assert textwrap.wrap("Hello there. How are you?", 80, fix_sentence_endings=True) == ["Hello there.  How are you?"]
assert textwrap.wrap("one two three four five", 12, max_lines=2) == ["one two", "three [...]"]
assert textwrap.wrap("one two three four five", 12, max_lines=2, placeholder="...") == ["one two", "three..."]
try:
    textwrap.wrap("abc", 0)
    assert False
except ValueError as e:
    assert str(e) == "invalid width 0 (must be > 0)"
try:
    textwrap.wrap("abc def", 3, max_lines=1)
    assert False
except ValueError as e:
    assert str(e) == "placeholder too large for max width"
w = textwrap.TextWrapper(width=10, expand_tabs=True, tabsize=4)
assert w.wrap("a\tb") == ["a   b"]
assert w.fill("aaa bbb ccc ddd") == "aaa bbb\nccc ddd"

# ---- shorten
assert textwrap.shorten("Hello  world!", width=12) == "Hello world!"
assert textwrap.shorten("Hello  world!", width=11) == "Hello [...]"
assert textwrap.shorten("Hello world", width=10, placeholder="...") == "Hello..."
assert textwrap.shorten("  lots   of\n space  ", 50) == "lots of space"

# ---- dedent / indent
src = """\
    def f():
        return 1
    """
assert textwrap.dedent(src) == "def f():\n    return 1\n"
assert textwrap.dedent("  a\n\n    b\n  c") == "a\n\n  b\nc"
assert textwrap.dedent("  a\n   \n  b") == "a\n\nb"
assert textwrap.dedent("\ta\n\tb") == "a\nb"
assert textwrap.dedent(" \ta\n  b") == "\ta\n b"
assert textwrap.dedent("no indent\n  x") == "no indent\n  x"
assert textwrap.dedent("") == ""
assert textwrap.indent("a\nb\n", "> ") == "> a\n> b\n"
assert textwrap.indent("a\n\n  \nb", "+") == "+a\n\n  \n+b"
assert textwrap.indent("a\n\nb", "+", lambda line: True) == "+a\n+\n+b"
assert textwrap.indent("x\r\ny", "-") == "-x\r\n-y"

print("ok")
