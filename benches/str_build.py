# Building, splitting, joining and formatting strings.
def report(rows):
    out = []
    for i, (name, hp, x, y) in enumerate(rows):
        out.append(f"{i:04d} {name:<10}|{hp:>5}|{x:8.3f}|{y:8.3f}")
    return "\n".join(out)

rows = [("unit%d" % (i % 97), i * 7 % 1000, i * 0.25, -i * 0.5) for i in range(20000)]
text = report(rows)
total = 0
for line in text.split("\n"):
    parts = line.split("|")
    total += int(parts[1]) + len(parts[0].strip().upper())
words = " ".join(r[0] for r in rows).replace("unit", "u").split()
print(total, len(text), len(words), words[-1], "-".join(words[:3]))
