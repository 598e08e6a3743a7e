# Attribute access and method calls on instances of classes.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Counter:
    def __init__(self):
        self.count = 0

    def bump(self, n):
        self.count += n
        return self.count


v = Vector(0, 0)
step = Vector(1, 2)
c = Counter()
for i in range(800000):
    v = v.add(step)
    c.bump(v.dot(step) % 3)
print(v.x, v.y, c.count)
