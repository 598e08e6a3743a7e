# PRINT_EXPR: expression statements compiled in single mode echo through sys.displayhook.
import sys
exec(compile('1+1', 'x', 'single')); exec(compile('None', 'x', 'single')); exec(compile("'s'", 'x', 'single'))
print('_' in __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else __builtins__['_'])
sys.displayhook = lambda v: print('hook', v)
exec(compile('[1, 2]', 'x', 'single'))
del sys.displayhook
try: exec(compile('3', 'x', 'single'))
except RuntimeError as e: print(e)
