# compile() of hand-built and transformed ast trees, and the validator's errors.
import ast

L = dict(lineno=1, col_offset=0)

def name(x, ctx=None):
    return ast.Name(x, ctx or ast.Load(), **L)

def run(tree, mode="exec"):
    try:
        code = compile(tree, "<ast>", mode)
        ns = {}
        r = eval(code, ns) if mode == "eval" else exec(code, ns)
        print("ok", r, sorted(k for k in ns if k != "__builtins__"))
    except Exception as e:
        print(type(e).__name__, e)

M = lambda *s: ast.Module(list(s), [])
run(M(ast.Assign([name("x", ast.Store())], ast.Constant(42, **L), **L)))
run(ast.Expression(ast.BinOp(ast.Constant(2, **L), ast.Pow(), ast.Constant(10, **L), **L)), "eval")
run(ast.Expression(ast.Constant((1, 2.5, "s", b"b", None, ..., True, 1j, frozenset({1})), **L)), "eval")
run(ast.Interactive([ast.Assign([name("s", ast.Store())], ast.Constant(None, **L), **L)]), "single")
run(M(ast.Expr(name("x"))))
run(M(ast.Expr(ast.Name("x", ast.Store(), **L), **L)))
run(M(ast.Expr(1, **L)))
run(M(ast.Expr(None, **L)))
run(M(ast.Expr(**L)))
run(ast.Module(1, []))
run(M(), "eval")
run(ast.Expression(ast.Name(1, ast.Load(), **L)), "eval")
run(ast.Expression(ast.Name("x", ast.Load(), lineno="a", col_offset=0)), "eval")
run(ast.Expression(ast.Constant([1], **L)), "eval")
run(ast.Expression(ast.Name("x", 5, **L)), "eval")
run(ast.Module([ast.Pass(**L)]))
run(1)
run(name("x"))
run(ast.Expression(name("None")), "eval")
run(M(ast.If(name("x"), [], [], **L)))
run(M(ast.Assign([], name("y"), **L)))
run(M(ast.Delete([], **L)))
run(M(ast.Delete([name("x")], **L)))
run(M(ast.Assign([ast.Constant(1, **L)], name("y"), **L)))
run(M(ast.Expr(ast.BoolOp(ast.And(), [name("x")], **L), **L)))
run(M(ast.Expr(ast.Compare(name("x"), [], [], **L), **L)))
run(M(ast.Expr(ast.Compare(name("x"), [ast.Eq()], [name("y"), name("z")], **L), **L)))
run(M(ast.Expr(ast.Dict([name("x")], [], **L), **L)))
run(M(ast.Expr(ast.ListComp(name("x"), [], **L), **L)))
run(M(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], **L)))
run(M(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, [name("x")]), [ast.Pass(**L)], [], **L)))
run(M(ast.Try([ast.Pass(**L)], [], [], [], **L)))
run(M(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)))
run(M(ast.Raise(None, name("x"), **L)))
run(M(ast.ImportFrom("m", [], 0, **L)))
run(M(ast.Global([], **L)))
run(M(ast.With([], [ast.Pass(**L)], **L)))
run(M(ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [None], None, []), name("x"), **L), **L)))
run(M(ast.Expr(ast.Constant(1, kind=1, **L), **L)))
run(M(ast.Expr(ast.Tuple([name("x", ast.Store())], ast.Load(), **L), **L)))
run(M(ast.For(ast.Tuple([name("a", ast.Store()), name("b")], ast.Store(), **L), name("c"), [ast.Pass(**L)], [], **L)))
run(M(ast.AnnAssign(ast.Attribute(name("a"), "b", ast.Store(), **L), name("int"), None, 1, **L)))
run(M(ast.Expr(ast.Call(name("print"), [ast.Constant("hi", **L)], [ast.keyword("sep", ast.Constant("", **L), **L)], **L), **L)))
run(M(ast.Expr(ast.Call(name("print"), [None], [], **L), **L)))
run(M(None))
run(M(ast.Expr(ast.Constant(1, lineno=1, col_offset=0, end_lineno=None, end_col_offset=None), **L)))

# A parsed tree, transformed, compiled and run.
src = """
def add(a, b=2):
    return a + b
total = add(1) + add(10, 20)
names = [n.upper() for n in ("x", "y")]
"""
class Swap(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Mult(), node.right), node)
        return node
tree = Swap().visit(ast.parse(src))
run(tree)
ns = {}
exec(compile(ast.parse(src), "<src>", "exec"), ns)
print(ns["total"], ns["names"])

class Count(ast.NodeVisitor):
    def __init__(self):
        self.n = {}
    def generic_visit(self, node):
        k = type(node).__name__
        self.n[k] = self.n.get(k, 0) + 1
        super().generic_visit(node)
c = Count()
c.visit(ast.parse(src))
print(sorted(c.n.items()))

# Code positions come from the tree.
def line_of_error(tree, mode):
    try:
        exec(compile(tree, "f", mode), {})
    except NameError as e:
        return e.__traceback__.tb_next.tb_lineno
print(line_of_error(ast.Expression(ast.Name("q", ast.Load(), lineno=3, col_offset=4, end_lineno=3, end_col_offset=5)), "eval"))
print(line_of_error(ast.parse("a = 1\nb"), "exec"))
print(line_of_error(ast.increment_lineno(ast.parse("a = 1\nb"), 10), "exec"))
print(compile(ast.parse("x"), "f", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
t = ast.parse("x")
print(compile(t, "f", "exec", flags=ast.PyCF_ONLY_AST) is t)
try:
    compile("x", "f", "bogus", ast.PyCF_ONLY_AST)
except ValueError as e:
    print(e)
run(M(ast.Expr(ast.NamedExpr(name("w", ast.Store()), ast.Constant(5, **L), **L), **L)))
run(M(ast.Expr(ast.NamedExpr(ast.Constant(1, **L), name("y"), **L), **L)))
e = ast.BinOp(op=ast.Add(), right=ast.Constant(1), lineno=1, col_offset=0)
e.left = e
run(ast.Expression(e), "eval")
