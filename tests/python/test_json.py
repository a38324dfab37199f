import json

# ---- dumps: formatting
assert json.dumps([1, 2.5, "a", None, True, False]) == '[1, 2.5, "a", null, true, false]'
assert json.dumps({"a": 1, "b": [1, 2]}) == '{"a": 1, "b": [1, 2]}'
assert json.dumps((1, 2)) == '[1, 2]'
assert json.dumps([]) == '[]' and json.dumps({}) == '{}'
assert json.dumps({"a": [], "b": {}}, indent=2) == '{\n  "a": [],\n  "b": {}\n}'
assert json.dumps([1, [2, 3], {"k": "v"}], indent=2) == '[\n  1,\n  [\n    2,\n    3\n  ],\n  {\n    "k": "v"\n  }\n]'
assert json.dumps([1, 2], indent="\t") == '[\n\t1,\n\t2\n]'
assert json.dumps([1, 2], indent=0) == '[\n1,\n2\n]'
assert json.dumps({"a": 1, "b": 2}, separators=(",", ":")) == '{"a":1,"b":2}'
assert json.dumps([1, 2], indent=1, separators=(", ", ": ")) == '[\n 1, \n 2\n]'
assert json.dumps({"b": 1, "a": 2, "c": 3}, sort_keys=True) == '{"a": 2, "b": 1, "c": 3}'
assert json.dumps(1e100) == '1e+100'
assert json.dumps(0.1) == '0.1'
assert json.dumps(-0.0) == '-0.0'
assert json.dumps(10**30) == '1000000000000000000000000000000'
assert json.dumps(-(10**30)) == '-1000000000000000000000000000000'
assert json.dumps([float("nan"), float("inf"), float("-inf")]) == '[NaN, Infinity, -Infinity]'
assert json.dumps("é\u2028😀") == '"\\u00e9\\u2028\\ud83d\\ude00"'
assert json.dumps("é😀", ensure_ascii=False) == '"é😀"'
assert json.dumps("\"\\\n\r\t\b\f\x01\x1f\x7f") == '"\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f"'
assert json.dumps({1: 2, 1.5: 3, True: 4, None: 5}) == '{"1": 4, "1.5": 3, "null": 5}'
assert json.dumps({False: 1, 2.0: 2}) == '{"false": 1, "2.0": 2}'
assert json.dumps({(1, 2): 3, "a": 1}, skipkeys=True) == '{"a": 1}'
assert json.dumps(True) == 'true' and json.dumps(None) == 'null'

class MyInt(int):
    pass
class MyList(list):
    pass
assert json.dumps([MyInt(5)]) == '[5]'
assert json.dumps(MyList([1])) == '[1]'

# default
def enc(o):
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("nope")
assert json.dumps({"s": {3, 1, 2}}, default=enc) == '{"s": [1, 2, 3]}'

# errors
def raises(exc, f, *a, **k):
    try:
        f(*a, **k)
    except exc as e:
        return str(e)
    raise AssertionError("no %s raised" % exc.__name__)

assert raises(TypeError, json.dumps, {1, 2}) == "Object of type set is not JSON serializable"
assert raises(TypeError, json.dumps, object()) == "Object of type object is not JSON serializable"
assert raises(TypeError, json.dumps, {(1, 2): 3}) == "keys must be str, int, float, bool or None, not tuple"
assert raises(ValueError, json.dumps, float("nan"), allow_nan=False) == "Out of range float values are not JSON compliant"
a = []
a.append(a)
assert raises(ValueError, json.dumps, a) == "Circular reference detected"
d = {}
d["x"] = d
assert raises(ValueError, json.dumps, d) == "Circular reference detected"
shared = [1]
assert json.dumps([shared, shared]) == '[[1], [1]]'
assert raises(TypeError, json.dumps, {1: 1, "a": 2}, sort_keys=True) == "'<' not supported between instances of 'str' and 'int'"

# ---- loads
assert json.loads('[1, 2.5, "a", null, true, false]') == [1, 2.5, "a", None, True, False]
assert json.loads('{"a": {"b": [1, {"c": null}]}}') == {"a": {"b": [1, {"c": None}]}}
assert json.loads(' \n\t 42 \r\n') == 42
assert json.loads('-0') == 0 and json.loads('-1.5e3') == -1500.0 and json.loads('2E-2') == 0.02
assert type(json.loads('1.0')) is float and type(json.loads('10')) is int
assert json.loads('123456789012345678901234567890') == 123456789012345678901234567890
assert json.loads('"\\u00e9\\ud83d\\ude00\\n\\t\\/\\\\\\""') == 'é😀\n\t/\\"'
assert json.loads('"é😀"') == 'é😀'
v = json.loads('[NaN, Infinity, -Infinity]')
assert v[0] != v[0] and v[1] == float("inf") and v[2] == float("-inf")
assert json.loads(b'{"a": 1}') == {"a": 1}
assert json.loads(bytearray(b'[1]')) == [1]
assert json.loads('{"a": 1, "a": 2}') == {"a": 2}
assert json.loads("{}") == {} and json.loads("[]") == []
obj = {"name": "x", "vals": [1, 2.25, None, True], "nested": {"k": [[], {}]}, "u": "\u20ac"}
for kw in ({}, {"indent": 4}, {"sort_keys": True}, {"ensure_ascii": False}):
    assert json.loads(json.dumps(obj, **kw)) == obj

def derr(s):
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        assert isinstance(e, ValueError)
        return (str(e), e.msg, e.pos, e.lineno, e.colno)
    raise AssertionError("no JSONDecodeError for %r" % s)

assert derr("") == ("Expecting value: line 1 column 1 (char 0)", "Expecting value", 0, 1, 1)
assert derr("[1,]")[0] == "Expecting value: line 1 column 4 (char 3)"
assert derr('{"a":1,}')[0] == "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"
assert derr('"abc')[0] == "Unterminated string starting at: line 1 column 1 (char 0)"
assert derr('"a\x01"')[0] == "Invalid control character at: line 1 column 3 (char 2)"
assert derr('"\\x"')[0] == "Invalid \\escape: line 1 column 2 (char 1)"
assert derr('"\\u12"')[0] == "Invalid \\uXXXX escape: line 1 column 3 (char 2)"
assert derr("[1 2]")[0] == "Expecting ',' delimiter: line 1 column 4 (char 3)"
assert derr('{"a" 1}')[0] == "Expecting ':' delimiter: line 1 column 6 (char 5)"
assert derr("{1:2}")[0] == "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
assert derr("1 2")[0] == "Extra data: line 1 column 3 (char 2)"
assert derr("01")[0] == "Extra data: line 1 column 2 (char 1)"
assert derr("nul")[0] == "Expecting value: line 1 column 1 (char 0)"
assert derr("-")[0] == "Expecting value: line 1 column 1 (char 0)"
assert derr("[1,2")[0] == "Expecting ',' delimiter: line 1 column 5 (char 4)"
assert derr('["é", x]') == ("Expecting value: line 1 column 7 (char 6)", "Expecting value", 6, 1, 7)
assert derr('[1,\n  2,\n  ?]') == ("Expecting value: line 3 column 3 (char 11)", "Expecting value", 11, 3, 3)
assert derr("\ufeff1")[0] == "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"
try:
    json.loads("[1,")
except ValueError as e:
    assert e.doc == "[1,"
assert raises(TypeError, json.loads, 3) == "the JSON object must be str, bytes or bytearray, not int"

# deep nesting is bounded, never a crash
try:
    json.loads("[" * 100000)
    raise AssertionError("deep nesting accepted")
except RecursionError:
    pass
deep = []
for _ in range(5000):
    deep = [deep]
try:
    json.dumps(deep)
    raise AssertionError("deep nesting accepted")
except RecursionError:
    pass
assert json.loads("[" * 50 + "]" * 50) is not None

# decoder hooks
assert json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())) == [("a", [("b", 1)])]
assert json.loads('{"b": 1, "a": [2]}', object_pairs_hook=list) == [("b", 1), ("a", [2])]
assert json.loads('[1.5, 2, NaN]', parse_float=str, parse_int=lambda s: int(s) * 10, parse_constant=lambda c: c.lower()) == ["1.5", 20, "nan"]

import io
buf = io.StringIO()
json.dump({"a": [1, 2]}, buf, indent=1)
assert buf.getvalue() == '{\n "a": [\n  1,\n  2\n ]\n}'
assert json.load(io.StringIO('{"x": 1}')) == {"x": 1}

print("ok")
