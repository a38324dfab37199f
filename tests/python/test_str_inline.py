# Strings on both sides of the inline-text boundary behave the same.
for n in range(30, 42):
    s = "a" * (n - 1) + "z"
    assert len(s) == n and s[-1] == "z" and s[0] == "a"
    assert s + "!" == "a" * (n - 1) + "z!"
    assert s.upper() == "A" * (n - 1) + "Z"
    assert hash(s) == hash("".join(list(s)))
    d = {s: n}
    assert d["".join(["a"] * (n - 1)) + "z"] == n
    assert s.split("z") == ["a" * (n - 1), ""]
    assert s.replace("a", "b", 1)[0] == "b"

# Multi-byte characters near the limit count as characters, not bytes.
e = "\u00e9" * 18          # 36 bytes
assert len(e) == 18 and e[17] == "\u00e9"
e2 = e + "x"               # 37 bytes
assert len(e2) == 19 and e2[-1] == "x" and e2[:18] == e
emoji = "\U0001F600" * 9   # 36 bytes
assert len(emoji) == 9 and emoji[4] == "\U0001F600"
assert (emoji + "a")[9] == "a"
mixed = "h\u00e9llo w\u00f6rld " * 3
assert len(mixed) == 36 and mixed.count("\u00e9") == 3
assert mixed.encode("utf-8").decode("utf-8") == mixed
assert "".join(reversed(mixed))[::-1] == mixed
assert str(12345678901234567890123456789012345) == "12345678901234567890123456789012345"
assert f"{'k' * 20}{'v' * 20}" == "k" * 20 + "v" * 20
print("ok")
