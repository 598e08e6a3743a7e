async def numbers():
    yield 1
    raise StopAsyncIteration


async def total():
    result = 0
    async for n in numbers():
        result += n
    return result


total().send(None)
