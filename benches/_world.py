# The seed's world result (10 000 terrain cells, 10 creatures), shared by the
# pickle benchmarks.
import random


def make_world():
    random.seed(1)
    return {
        "biomes": ["forest", "desert", "ocean"],
        "terrain": [random.randint(1, 10) for _ in range(100 * 100)],
        "creatures": [
            {"name": random.choice(["wolf", "bear", "fish"]), "x": random.randint(0, 99), "y": random.randint(0, 99)}
            for _ in range(10)
        ],
    }
