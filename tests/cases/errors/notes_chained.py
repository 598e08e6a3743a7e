def parse(text):
    try:
        return int(text)
    except ValueError as e:
        e.add_note('while parsing ' + repr(text))
        raise


def load():
    try:
        parse('x')
    except ValueError:
        err = RuntimeError('load failed')
        err.add_note('see above')
        raise err


load()
