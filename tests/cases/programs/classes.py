# Classes: inheritance, super, properties, static and class methods, operators, repr.
class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name + ' with ' + str(self.sides) + ' sides'

    def __repr__(self):
        return type(self).__name__ + '(' + repr(self.name) + ')'


class Square(Shape):
    sides = 4

    def __init__(self, size):
        super().__init__('square')
        self.size = size

    @property
    def area(self):
        return self.size * self.size

    @staticmethod
    def unit():
        return Square(1)

    @classmethod
    def of(cls, size):
        return cls(size)

    def __eq__(self, other):
        return isinstance(other, Square) and self.size == other.size

    def __lt__(self, other):
        return self.size < other.size

    def __add__(self, other):
        return Square(self.size + other.size)


s = Square.of(3)
print(s, s.describe(), s.area, Square.unit().area)
print(s == Square(3), s != Square(4), s < Square(5), (s + Square(2)).size)
print(isinstance(s, Shape), isinstance(s, (int, Square)), Square.__mro__)
print([Shape('a'), s], Square.sides, Shape.sides)
try:
    Shape()
except TypeError as e:
    print(e)
try:
    s.missing
except AttributeError as e:
    print(e)
