# pickle dumps+loads of the seed's world result (10 000 terrain cells, 10 creatures).
import pickle
import random

random.seed(1)
world = {
    "biomes": ["forest", "desert", "ocean"],
    "terrain": [random.randint(1, 10) for _ in range(100 * 100)],
    "creatures": [
        {"name": random.choice(["wolf", "bear", "fish"]), "x": random.randint(0, 99), "y": random.randint(0, 99)}
        for _ in range(10)
    ],
}
n = 0
for _ in range(1200):
    data = pickle.dumps(world)
    back = pickle.loads(data)
    n += len(back["terrain"])
print(n, back == world)
