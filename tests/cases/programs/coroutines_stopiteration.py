# The value of a StopIteration ends yield from and await, also from a class's __next__.
class It:
    def __iter__(self): return self
    def __next__(self):
        e = StopIteration(1)
        e.value = 2
        raise e
class Aw:
    def __await__(self): return It()
async def f():
    return await Aw()
try: f().send(None)
except StopIteration as s: print(s.value)
def g():
    r = yield from It()
    print('yield from got', r)
    yield r
print(next(g()))
