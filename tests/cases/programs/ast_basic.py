import ast
t = ast.parse("x = 1 + 2*y\nfor a, *b in c: pass\n")
print(ast.dump(t, include_attributes=True))
print(ast.dump(t, indent=2))
print(ast.unparse(t))
print(ast.literal_eval("{'a': (1, 2.5, -3j, b'x', None, ...)}"))
co = compile(t, "f", "exec")
y = 5; c = [(1,2,3)]
exec(co)
print(x, a, b)
print([type(n).__name__ for n in ast.walk(t)])
class T(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.copy_location(ast.Constant(node.value * 10), node)
t2 = ast.fix_missing_locations(T().visit(ast.parse("print(1 + 2)")))
exec(compile(t2, "g", "exec"))
print(ast.Load() is ast.Load(), t.body[0].targets[0].ctx is t.body[1].iter.ctx)
print(ast.Name.__match_args__, ast.AST._fields, ast.stmt._attributes, ast.Name._attributes)
n = ast.Name('x'); print(n.__reduce__())
try: ast.Name(1,2,3)
except TypeError as e: print(e)
try: ast.Name(1,id=2)
except TypeError as e: print(e)
import copy
print(ast.dump(copy.deepcopy(t)) == ast.dump(t))
class X(ast.AST): _fields = ('a',)
print(X(1).a, isinstance(t, ast.AST), ast.FunctionDef.returns)
