def check(src):
    raise SyntaxError('invalid thing', ('prog.py', 3, 5, '    x = (1 +\n', 3, 9))
try:
    check(1)
except SyntaxError as e:
    print(e, e.msg, e.lineno)
e = IndentationError('unexpected indent', ('<stdin>', 1, 2, '  y = 1', 1, 4))
e.add_note('indent note')
raise e
