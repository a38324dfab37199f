# Float arithmetic and math functions in a loop (an n-body-like step).
import math

def simulate(n, steps):
    xs = [math.cos(i) * 10.0 for i in range(n)]
    ys = [math.sin(i) * 10.0 for i in range(n)]
    vx = [0.0] * n
    vy = [0.0] * n
    for _ in range(steps):
        for i in range(n):
            ax = ay = 0.0
            xi, yi = xs[i], ys[i]
            for j in range(n):
                if i != j:
                    dx = xs[j] - xi
                    dy = ys[j] - yi
                    d2 = dx * dx + dy * dy + 0.01
                    inv = 1.0 / (d2 * math.sqrt(d2))
                    ax += dx * inv
                    ay += dy * inv
            vx[i] += ax * 0.001
            vy[i] += ay * 0.001
        for i in range(n):
            xs[i] += vx[i]
            ys[i] += vy[i]
    return sum(xs) + sum(ys)

print(round(simulate(60, 400), 6))
