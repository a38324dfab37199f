import sys
import traceback
import io

F = __file__

def inner():
    raise ValueError("boom")

def outer():
    inner()

def line_of(text):
    for i, l in enumerate(open(F).read().split("\n")):
        if l.strip() == text:
            return i + 1
    raise AssertionError(text)

L_RAISE = line_of('raise ValueError("boom")')
L_INNER = line_of("inner()")

# no exception being handled
assert traceback.format_exc() == "NoneType: None\n"

try:
    outer()
except ValueError:
    text = traceback.format_exc()
L_CALL = line_of("outer()")
expected = (
    "Traceback (most recent call last):\n"
    '  File "%s", line %d, in <module>\n    outer()\n'
    '  File "%s", line %d, in outer\n    inner()\n'
    '  File "%s", line %d, in inner\n    raise ValueError("boom")\n'
    "ValueError: boom\n"
) % (F, L_CALL, F, L_INNER, F, L_RAISE)
assert text == expected, text

try:
    outer()
except ValueError as e:
    parts = traceback.format_exception(e)
    assert parts[0] == "Traceback (most recent call last):\n"
    assert parts[-1] == "ValueError: boom\n"
    assert parts[-2] == '  File "%s", line %d, in inner\n    raise ValueError("boom")\n' % (F, L_RAISE)
    assert len(parts) == 5
    assert traceback.format_exception(type(e), e, e.__traceback__) == parts
    assert traceback.format_exception_only(e) == ["ValueError: boom\n"]
    assert traceback.format_exception_only(type(e), e) == ["ValueError: boom\n"]
    tb = traceback.format_tb(e.__traceback__)
    assert tb == parts[1:-1], tb
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    assert buf.getvalue() == "".join(parts)
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    assert buf.getvalue() == "".join(parts)

# explicit cause
try:
    try:
        outer()
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e:
    parts = traceback.format_exception(e)
    assert "\nThe above exception was the direct cause of the following exception:\n\n" in parts
    assert parts[-1] == "KeyError: 'k'\n"
    assert parts.count("Traceback (most recent call last):\n") == 2
    only = traceback.format_exception(e, chain=False)
    assert only[0] == "Traceback (most recent call last):\n" and only[-1] == "KeyError: 'k'\n"
    assert len(only) == 3

# implicit context
try:
    try:
        outer()
    except ValueError:
        raise TypeError("second")
except TypeError:
    text = traceback.format_exc()
    assert "\nDuring handling of the above exception, another exception occurred:\n\n" in text
    assert text.startswith("Traceback (most recent call last):\n")
    assert text.endswith("TypeError: second\n")
    assert "ValueError: boom\n" in text

# an exception that was never raised has no traceback
assert traceback.format_exception(ValueError("no tb")) == ["ValueError: no tb\n"]
assert traceback.format_exception(RuntimeError()) == ["RuntimeError\n"]

class MyError(Exception):
    pass
try:
    raise MyError("mine")
except MyError as e:
    assert traceback.format_exception_only(e) == ["MyError: mine\n"]

# print_exc writes to sys.stderr by default
old = sys.stderr
sys.stderr = io.StringIO()
try:
    try:
        outer()
    except ValueError:
        traceback.print_exc()
    captured = sys.stderr.getvalue()
finally:
    sys.stderr = old
assert captured.startswith("Traceback (most recent call last):\n"), captured
assert captured.endswith('    raise ValueError("boom")\nValueError: boom\n'), captured
assert captured.count('  File "%s", line ' % F) == 3, captured

print("ok")
