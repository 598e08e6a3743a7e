# importlib over _imp, and what it unlocks: inspect, dataclasses, unittest, pprint.
import importlib, importlib.util, sys, inspect, dataclasses, pprint, unittest, io, typing

print(importlib.import_module('json').dumps([1]), importlib.util.find_spec('json').name)
print(type(sys.modules['sys'].__spec__).__name__ if sys.modules['sys'].__spec__ else None)

@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)

p = Point(1, 2)
print(p, p == Point(1, 2), p < Point(2, 0), dataclasses.asdict(p), dataclasses.fields(Point)[1].name)
print(dataclasses.replace(p, y=5), dataclasses.astuple(p))

@dataclasses.dataclass(frozen=True)
class Frozen:
    a: str
try:
    Frozen('x').a = 'y'
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)

def sample(a, b: int = 2, *args, c, **kw) -> str:
    "A docstring."
    return a
print(inspect.signature(sample), inspect.getdoc(sample), inspect.isfunction(sample), inspect.isclass(Point))
print([n for n, _ in inspect.getmembers(Point) if not n.startswith('_')])
pprint.pprint({'key%d' % i: list(range(i)) for i in range(8)}, width=60)

class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)
    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
    @unittest.skip("not today")
    def test_skip(self):
        pass

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(result.testsRun, len(result.failures), len(result.skipped), result.wasSuccessful())
out = stream.getvalue()
print('\n'.join(line for line in out.splitlines() if not line.startswith('Ran ')))
