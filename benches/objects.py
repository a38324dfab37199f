# Class instances: attribute access and method calls.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

acc = Vec(0, 0)
total = 0
for i in range(300_000):
    v = Vec(i, i + 1)
    acc = acc.add(v)
    total += acc.dot(v) % 1000
print(acc.x, acc.y, total)
