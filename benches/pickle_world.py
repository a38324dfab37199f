# pickle dumps+loads of the seed's world result (10 000 terrain cells, 10 creatures).
import pickle
from _world import make_world

world = make_world()
n = 0
for _ in range(1200):
    data = pickle.dumps(world)
    back = pickle.loads(data)
    n += len(back["terrain"])
print(n, back == world)
