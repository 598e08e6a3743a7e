excs = [ValueError(i) for i in range(17)]
eg = ExceptionGroup('wide', excs)
eg.add_note('a group note')
raise ExceptionGroup('top', [eg, TypeError('side')])
