# Exceptions: handlers, finally, chaining, re-raising, custom classes.
class AppError(Exception):
    pass

def risky(n):
    if n == 0:
        raise AppError('zero')
    if n == 1:
        return {}['key']
    return 10 // (n - 2)

for n in range(4):
    try:
        print('result', risky(n))
    except AppError as e:
        print('AppError', e)
    except KeyError as e:
        print('KeyError', e)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
    else:
        print('no error')
    finally:
        print('finally', n)

def chain():
    try:
        risky(0)
    except AppError as e:
        raise ValueError('wrapped') from e

try:
    chain()
except ValueError as e:
    print(e, repr(e.__cause__), e.__suppress_context__ if False else 'cause set')

def reraise():
    try:
        risky(2)
    except ZeroDivisionError:
        print('logging')
        raise

try:
    reraise()
except ZeroDivisionError as e:
    print('re-raised', e)
