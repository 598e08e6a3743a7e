def inner():
    e = ValueError('bad value')
    e.add_note('first note')
    e.add_note('a note\nover two lines')
    raise ExceptionGroup('inner group', [e, KeyError('k')])


def outer():
    try:
        inner()
    except ExceptionGroup as eg:
        raise ExceptionGroup('outer group', [TypeError('t'), eg]) from eg


outer()
