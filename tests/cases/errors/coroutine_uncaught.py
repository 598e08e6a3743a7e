class Suspend:
    def __await__(self):
        yield 'paused'


async def fetch(key):
    await Suspend()
    return {'a': 1}[key]


async def main():
    return await fetch('b')


coro = main()
print(coro.send(None))
coro.send(None)
