# A JSON-shaped data transform: nested dicts and lists, grouping, sorting.
def make(n):
    return [{"id": i, "name": "p%d" % i, "team": ["red", "blue", "green"][i % 3],
             "stats": {"hp": 100 + i % 50, "xp": i * 13 % 997, "items": [i % 5, i % 7]}}
            for i in range(n)]

def transform(players):
    teams = {}
    for p in players:
        t = teams.setdefault(p["team"], {"count": 0, "xp": 0, "top": []})
        t["count"] += 1
        t["xp"] += p["stats"]["xp"]
        t["top"].append((p["stats"]["xp"], p["name"]))
    for t in teams.values():
        t["top"] = [name for _, name in sorted(t["top"], reverse=True)[:3]]
    return {k: teams[k] for k in sorted(teams)}

result = None
for _ in range(5):
    result = transform(make(30000))
print(result)
