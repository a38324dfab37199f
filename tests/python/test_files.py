# open(): text and binary files, read/write/append, with-blocks, iteration, errors.
here = __file__.replace("\\", "/").rsplit("/", 1)[0] if "/" in __file__.replace("\\", "/") else "."
# One file per process: the suite runs this script in parallel runs.
import os
path = here + "/_scratch_files_%d.txt" % os.getpid()

with open(path, "w") as f:
    n = f.write("line one\n")
    assert n == 9
    f.write("second line\nthird")
assert f.closed

with open(path) as f:
    assert f.read() == "line one\nsecond line\nthird"

with open(path, "r") as f:
    assert f.readline() == "line one\n"
    assert f.readline() == "second line\n"
    assert f.readline() == "third"
    assert f.readline() == ""

with open(path) as f:
    assert [l for l in f] == ["line one\n", "second line\n", "third"]

with open(path) as f:
    assert f.readlines() == ["line one\n", "second line\n", "third"]

with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    assert f.read().endswith("third\nappended")

with open(path, "wb") as f:
    f.write(b"\x00\x01\xffbin")
with open(path, "rb") as f:
    data = f.read()
assert data == b"\x00\x01\xffbin", data
with open(path, "rb") as f:
    assert f.read(2) == b"\x00\x01"
    assert f.read() == b"\xffbin"

try:
    open(here + "/no/such/dir/file.txt")
    assert False
except FileNotFoundError as e:
    assert isinstance(e, OSError)

try:
    with open(path, "w") as f:
        f.write(b"bytes into text")
    assert False
except TypeError:
    pass

f = open(path, "w")
f.close()
try:
    f.write("x")
    assert False
except ValueError:
    pass
os.remove(path)
assert not os.path.exists(path)
print("ok")
