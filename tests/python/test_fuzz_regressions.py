# Inputs found by fuzzing (fuzz/): each used to crash or panic the
# interpreter. Every case must behave as in CPython.

# hash() of an immediate singleton that inherits object.__hash__ read it as
# a heap object (builtin_value_hash).
assert hash(...) == hash(...)
assert hash(NotImplemented) == hash(NotImplemented)
assert hash((1, ..., None)) == hash((1, ..., None))
assert len({..., NotImplemented, None}) == 3

print("ok")
