counter = 0


def work(values):
    total = 0
    for value in values:
        totl += value
    return total


try:
    work([1])
except UnboundLocalError as e:
    print('UnboundLocalError', e)


def compute(items):
    result = len(items)
    return reslt


compute([1, 2])
