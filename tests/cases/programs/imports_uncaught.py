# An exception raised while a module is imported, uncaught: the traceback goes through the
# import statement into the module's code.
def load():
    import imports_lib.broken

load()
