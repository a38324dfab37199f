# dict get/set with str and int keys, string building.
d = {}
for i in range(800_000):
    k = "key" + str(i % 5000)
    d[k] = d.get(k, 0) + i
    d[i % 777] = k
parts = []
for k in sorted(d.keys(), key=str)[:2000]:
    parts.append(str(k))
s = ",".join(parts)
print(len(d), len(s), len(s.split(",")))
