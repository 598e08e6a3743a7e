# Generators: iteration, send, throw, close, yield from, return values, PEP 479.
def numbers(n):
    for i in range(n):
        received = yield i
        if received is not None:
            print('received', received)
    return 'finished'

print(list(numbers(5)))
g = numbers(3)
print(next(g), g.send('x'), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.args)

def delegate():
    result = yield from numbers(2)
    print('delegate got', result)
    yield 'end'

print(list(delegate()))

def careful():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield 'handled ' + str(e)
    finally:
        print('cleanup')

c = careful()
print(next(c), c.throw(ValueError('boom')))
c.close()

def leaky():
    yield 1
    raise StopIteration

try:
    print(list(leaky()))
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)
print(sum if False else [x * 2 for x in numbers(4)])
