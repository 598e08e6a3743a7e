print("init mod_a", __name__, __package__)
X = 1
_hidden = 2


def f():
    return "f from mod_a"
