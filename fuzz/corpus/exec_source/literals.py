x = {**{}, *[]}
y = [*range(3), *"ab"]
print(x, y, 0x1f, 0o17, 0b101, 1_000, .5e-3, 3 @ 4 if 0 else 0)
