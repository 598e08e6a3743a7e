class Resource:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        raise RuntimeError('cleanup failed')


def use():
    with Resource():
        raise ValueError('work failed')


use()
