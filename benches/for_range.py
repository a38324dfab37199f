# for-range loops with nested arithmetic.
s = 0
for i in range(1500):
    for j in range(1000):
        s += i ^ j
print(s)
