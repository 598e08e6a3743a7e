import sys
sys.modules[__name__] = "a module replaced by a str"
