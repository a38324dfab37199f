# printf-style formatting: the plain %d/%s fast path and the general one agree with CPython.
assert "p%d" % 5 == "p5" and "%d-%s" % (-3, "x") == "-3-x" and "%i|%u" % (7, 8) == "7|8"
assert "%d" % True == "1" and "%s" % True == "True" and "%d" % 2**70 == str(2**70)
class S(str):
    def __str__(self):
        return "custom"
assert "%s" % S("raw") == "custom"
class I(int):
    def __str__(self):
        return "no"
assert "%d" % I(4) == "4" and "%s" % I(4) == "no"
assert "%5d|%-3s|%03d|%+d" % (42, "a", 7, 3) == "   42|a  |007|+3"
assert "100%% %s" % "sure" == "100% sure"
assert "%(a)s=%(b)d" % {"a": "k", "b": 2} == "k=2"
assert "%d" % 3.9 == "3"
try:
    "%d" % "x"
    assert False
except TypeError:
    pass
try:
    "%s %s" % ("one",)
    assert False
except TypeError as e:
    assert "not enough arguments" in str(e)
# Argument counts and shapes the direct path must hand to the general one.
assert "abc" % () == "abc" and "%s" % ("x",) == "x" and "%s" % ((1, 2),) == "(1, 2)"
for bad in [lambda: "abc" % "x", lambda: "%d" % (1, 2), lambda: "%s" % (), lambda: "x%" % 1]:
    try:
        bad()
        assert False
    except (TypeError, ValueError):
        pass
assert "%d%%" % -9223372036854775808 == "-9223372036854775808%"
assert "%s:%d:%s" % ("\u00e9", 0, "") == "\u00e9:0:"
assert "%s" % {"k": 1} == "{'k': 1}" and "%s" % [1] == "[1]"
assert "[%s]" % None == "[None]" and "%d" % False == "0"
print("ok")
