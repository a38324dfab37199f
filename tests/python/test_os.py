import os
import os.path
from os import path

assert path is os.path
assert os.sep == "/" and os.linesep == "\n" and os.name == "posix"
assert os.curdir == "." and os.pardir == ".."

def err(exc, f, *a, **k):
    try:
        f(*a, **k)
    except exc as e:
        return e
    raise AssertionError("no %s raised" % exc.__name__)

# os.path string functions
j = os.path.join
assert j("a", "b", "c") == "a/b/c"
assert j("a/", "b") == "a/b"
assert j("a", "/b", "c") == "/b/c"
assert j("", "x") == "x" and j("a", "") == "a/"
assert os.path.basename("/x/y/z.txt") == "z.txt" and os.path.basename("/x/y/") == ""
assert os.path.dirname("/x/y/z.txt") == "/x/y" and os.path.dirname("z") == "" and os.path.dirname("/z") == "/"
assert os.path.split("/x/y/z.txt") == ("/x/y", "z.txt")
assert os.path.split("z") == ("", "z")
assert os.path.split("//a") == ("//", "a")
assert os.path.splitext("a/b.tar.gz") == ("a/b.tar", ".gz")
assert os.path.splitext(".bashrc") == (".bashrc", "")
assert os.path.splitext("a.b/c") == ("a.b/c", "")
assert os.path.splitext("x..") == ("x.", ".")
assert os.path.normpath("a//b/./c/../d") == "a/b/d"
assert os.path.normpath("/../x") == "/x"
assert os.path.normpath("") == "."
assert os.path.normpath("../a/..") == ".."
assert os.path.isabs("/a") and not os.path.isabs("a")
cwd = os.getcwd()
assert os.path.isabs(cwd)
assert os.path.abspath("x/../y") == j(cwd, "y")
assert os.path.abspath("/a/./b") == "/a/b"

# environment
assert isinstance(os.environ, dict) or hasattr(os.environ, "keys")
assert os.getenv("PKPY_SURELY_UNSET_VAR") is None
assert os.getenv("PKPY_SURELY_UNSET_VAR", "dflt") == "dflt"
if "PATH" in os.environ:
    assert os.getenv("PATH") == os.environ["PATH"]

# files and directories, in a scratch dir that is removed at the end
base = "_scratch_os_%d" % os.getpid()
assert not os.path.exists(base)
os.mkdir(base)
try:
    assert os.path.isdir(base) and not os.path.isfile(base)
    assert os.listdir(base) == []
    e = err(FileExistsError, os.mkdir, base)
    assert str(e) == "[Errno 17] File exists: '%s'" % base
    assert e.errno == 17 and e.filename == base
    f = j(base, "a.txt")
    with open(f, "w") as fh:
        fh.write("hello")
    assert os.path.exists(f) and os.path.isfile(f) and not os.path.isdir(f)
    assert os.path.getsize(f) == 5
    deep = j(base, "d1", "d2", "d3")
    os.makedirs(deep)
    assert os.path.isdir(deep)
    os.makedirs(deep, exist_ok=True)
    e = err(FileExistsError, os.makedirs, deep)
    assert str(e) == "[Errno 17] File exists: '%s'" % deep
    err(FileExistsError, os.makedirs, f, exist_ok=True)
    assert sorted(os.listdir(base)) == ["a.txt", "d1"]
    g = j(base, "b.txt")
    os.rename(f, g)
    assert not os.path.exists(f) and os.path.exists(g)
    e = err(FileNotFoundError, os.rename, f, g)
    assert str(e) == "[Errno 2] No such file or directory: '%s' -> '%s'" % (f, g)
    e = err(OSError, os.rmdir, j(base, "d1"))
    assert e.errno == 39
    os.rmdir(deep)
    os.rmdir(j(base, "d1", "d2"))
    os.rmdir(j(base, "d1"))
    e = err(FileNotFoundError, os.remove, f)
    assert str(e) == "[Errno 2] No such file or directory: '%s'" % f
    assert e.errno == 2 and e.strerror == "No such file or directory"
    e = err(FileNotFoundError, os.listdir, f)
    e = err(FileNotFoundError, os.path.getsize, f)
    assert str(e) == "[Errno 2] No such file or directory: '%s'" % f
    os.remove(g)
    assert os.listdir(base) == []
    assert base in os.listdir(".") and base in os.listdir()
finally:
    for root in (j(base, "d1", "d2", "d3"), j(base, "d1", "d2"), j(base, "d1")):
        if os.path.isdir(root):
            os.rmdir(root)
    for name in ("a.txt", "b.txt"):
        if os.path.exists(j(base, name)):
            os.remove(j(base, name))
    os.rmdir(base)
assert not os.path.exists(base)
e = err(FileNotFoundError, os.rmdir, base)
assert str(e) == "[Errno 2] No such file or directory: '%s'" % base

print("ok")
