import base64
import binascii

def err(exc, f, *a, **k):
    try:
        f(*a, **k)
    except exc as e:
        return str(e)
    raise AssertionError("no %s raised" % exc.__name__)

# b64
assert base64.b64encode(b"") == b""
assert base64.b64encode(b"a") == b"YQ=="
assert base64.b64encode(b"ab") == b"YWI="
assert base64.b64encode(b"abc") == b"YWJj"
assert base64.b64encode(b"hello world") == b"aGVsbG8gd29ybGQ="
assert base64.b64encode(bytes(range(256)))[:20] == b"AAECAwQFBgcICQoLDA0O"
assert base64.b64encode(bytearray(b"\xff\xfe")) == b"//4="
assert base64.b64encode(b"\xfb\xff", altchars=b"-_") == b"-_8="
assert base64.b64decode(b"YWJj") == b"abc"
assert base64.b64decode("aGVsbG8gd29ybGQ=") == b"hello world"
assert base64.b64decode(b"-_8=", altchars=b"-_") == b"\xfb\xff"
assert base64.b64decode(b"YW Jj\n") == b"abc"
assert base64.b64decode(b"YWJj=") == b"abc"
assert base64.b64decode(b"YWJjZA==YWJj") == b"abcd"
data = bytes(range(256)) * 3
assert base64.b64decode(base64.b64encode(data)) == data
assert base64.standard_b64encode(b"\xfb\xff") == b"+/8="
assert base64.standard_b64decode(b"+/8=") == b"\xfb\xff"
assert base64.urlsafe_b64encode(b"\xfb\xff") == b"-_8="
assert base64.urlsafe_b64decode(b"-_8=") == b"\xfb\xff"
assert base64.urlsafe_b64decode("-_8=") == b"\xfb\xff"
assert base64.encodebytes(b"x" * 60) == b"eHh4" * 19 + b"\neHh4\n"
assert base64.decodebytes(b"eHh4\neHh4\n") == b"xxxxxx"

# malformed base64
assert err(binascii.Error, base64.b64decode, b"YWJjZA") == "Incorrect padding"
assert err(binascii.Error, base64.b64decode, b"YQ=") == "Incorrect padding"
assert err(binascii.Error, base64.b64decode, b"YWJjZ") == "Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4"
assert err(binascii.Error, base64.b64decode, "Y") == "Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4"
assert err(binascii.Error, base64.b64decode, b"YW Jj", validate=True) == "Only base64 data is allowed"
assert err(binascii.Error, base64.b64decode, b"=YWJj", validate=True) == "Leading padding not allowed"
assert err(binascii.Error, base64.b64decode, b"YW==Jj", validate=True) == "Excess data after padding"
assert err(ValueError, base64.b64decode, b"YWJjZA") == "Incorrect padding"
assert issubclass(binascii.Error, ValueError)
assert err(ValueError, base64.b64decode, "YWJj\u00e9") == "string argument should contain only ASCII characters"
assert err(TypeError, base64.b64encode, "abc") == "a bytes-like object is required, not 'str'"
assert err(TypeError, base64.b64decode, 5) == "argument should be a bytes-like object or ASCII string, not 'int'"

# b32
assert base64.b32encode(b"") == b""
assert base64.b32encode(b"a") == b"ME======"
assert base64.b32encode(b"ab") == b"MFRA===="
assert base64.b32encode(b"abc") == b"MFRGG==="
assert base64.b32encode(b"abcd") == b"MFRGGZA="
assert base64.b32encode(b"abcde") == b"MFRGGZDF"
for i in range(12):
    d = bytes(range(40, 40 + i))
    assert base64.b32decode(base64.b32encode(d)) == d
assert base64.b32decode("MFRGG===") == b"abc"
assert base64.b32decode(b"mfrgg===", casefold=True) == b"abc"
assert base64.b32decode(b"MFRGGZD0", map01=b"L") == base64.b32decode(b"MFRGGZDO")
assert err(binascii.Error, base64.b32decode, b"MFRGG") == "Incorrect padding"
assert err(binascii.Error, base64.b32decode, b"MFRGG==1") == "Non-base32 digit found"
assert err(binascii.Error, base64.b32decode, b"mfrgg===") == "Non-base32 digit found"
assert err(binascii.Error, base64.b32decode, b"MFRGGZ==") == "Incorrect padding"

# b16
assert base64.b16encode(b"\x01\xab\xff") == b"01ABFF"
assert base64.b16decode(b"01ABFF") == b"\x01\xab\xff"
assert base64.b16decode("01abff", casefold=True) == b"\x01\xab\xff"
assert err(binascii.Error, base64.b16decode, b"01abff") == "Non-base16 digit found"
assert err(binascii.Error, base64.b16decode, b"0") == "Odd-length string"

# binascii helpers
assert binascii.hexlify(b"\x01\xab") == b"01ab"
assert binascii.unhexlify("01ab") == b"\x01\xab"
assert binascii.b2a_base64(b"abc") == b"YWJj\n"
assert binascii.b2a_base64(b"abc", newline=False) == b"YWJj"
assert binascii.a2b_base64(b"YWJj") == b"abc"

print("ok")
