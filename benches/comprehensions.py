# List, dict and set comprehensions with filters and nesting.
N = 300
grid = [[(x * 31 + y * 17) % 101 for x in range(N)] for y in range(N)]
evens = [v for row in grid for v in row if v % 2 == 0]
index = {(x, y): grid[y][x] for y in range(0, N, 3) for x in range(0, N, 3)}
kinds = {v % 13 for row in grid for v in row}
rowsums = [sum(row) for row in grid]
print(len(evens), sum(evens), len(index), sorted(kinds)[:5], max(rowsums))
