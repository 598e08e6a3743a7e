# A syntax error in an imported module, uncaught: the traceback ends with the module's line.
print("importing a module that does not compile")
import imports_lib.bad_syntax
