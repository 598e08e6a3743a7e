// Python/bltinmodule.c (compile, exec, eval, globals, locals, vars)
using Taipan.Compiler.Future;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1,
    /// *, _feature_version=-1)</c>: str or bytes sources and AST objects; code objects from
    /// Taipan's compiler, or an AST with <c>PyCF_ONLY_AST</c>.</summary>
    [PyMethod("compile", Keywords = true)]
    public static PyObject Compile(PyObject source, PyObject filename, PyObject mode, long flags = 0, bool dont_inherit = false, long optimize = -1,
        [KeywordOnly] long _feature_version = -1)
    {
        var onlyAst = (flags & (long)CompilerFlags.OnlyAst) != 0;
        var modeName = (mode as PyStr)?.Value;
        var parseMode = modeName switch
        {
            "exec" => ParseMode.Exec,
            "eval" => ParseMode.Eval,
            "single" => ParseMode.Single,
            "func_type" when onlyAst => ParseMode.FuncType,
            _ => throw PyErr.New(PyExc.ValueError, onlyAst
                ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                : "compile() mode must be 'exec', 'eval' or 'single'"),
        };
        if (optimize is < -1 or > 2)
        {
            throw PyErr.New(PyExc.ValueError, "compile(): invalid optimize value");
        }
        var file = filename as PyStr ?? throw PyErr.TypeError($"expected str, bytes or os.PathLike object, not {filename.Type.Name}");
        var compilerFlags = (CompilerFlags)flags;
        if (!dont_inherit && ThreadState.Current.Frame is { } caller)
        {
            compilerFlags |= (CompilerFlags)caller.Code.Code.Flags & CompilerFlags.Mask;
        }
        var level = optimize == -1 ? SysModule.Optimize : (int)optimize;
        if (Ast.PythonAst.IsAst(source))
        {
            if (onlyAst)
            {
                return source;
            }
            var tree = Ast.PythonAst.FromPython(source, modeName!);
            try
            {
                return new PyCode(Compiler.CodeGen.Compiler.Compile(tree, file.Value, compilerFlags, level));
            }
            catch (PythonException e)
            {
                throw PyErr.FromCompiler(e);
            }
        }
        if (source is not PyStr and not PyBytes)
        {
            throw PyErr.TypeError("compile() arg 1 must be a string, bytes or AST object");
        }
        if (source is PyStr str && str.Value.Contains('\0') || source is PyBytes bytes && bytes.Data.Contains((byte)0))
        {
            throw PyErr.New(PyExc.ValueError, "source code string cannot contain null bytes");
        }
        try
        {
            var text = source is PyStr s ? SourceText.FromString(s.Value, file.Value) : SourceText.FromBytes(((PyBytes)source).Data.ToArray(), file.Value);
            if (onlyAst)
            {
                return Ast.PythonAst.ToPython(Parser.Parse(text, parseMode));
            }
            return new PyCode(Warnings.CompileSource(text, parseMode, compilerFlags, level));
        }
        catch (PythonException e)
        {
            throw PyErr.FromCompiler(e);
        }
    }

    /// <summary><c>exec(source, globals=None, locals=None, /, *, closure=None)</c>.</summary>
    [PyMethod("exec")]
    public static void Exec(PyObject source, PyObject? globals = null, PyObject? locals = null)
    {
        var (g, l) = Namespaces("exec", globals, locals);
        var code = source switch
        {
            PyCode c => c,
            PyStr s => CompileString(s.Value, "<string>", ParseMode.Exec, InheritedFlags(), SysModule.Optimize),
            _ => throw PyErr.TypeError($"exec() arg 1 must be a string, bytes or code object"),
        };
        Interpreter.RunCode(code, g, l);
    }

    /// <summary><c>eval(source, globals=None, locals=None)</c>: leading spaces and tabs of a
    /// str source are ignored, as in CPython.</summary>
    [PyMethod("eval")]
    public static PyObject Eval(PyObject source, PyObject? globals = null, PyObject? locals = null)
    {
        var (g, l) = Namespaces("eval", globals, locals);
        var code = source switch
        {
            PyCode c => c,
            PyStr s => CompileString(s.Value.TrimStart(' ', '\t'), "<string>", ParseMode.Eval, InheritedFlags(), SysModule.Optimize),
            _ => throw PyErr.TypeError("eval() arg 1 must be a string, bytes or code object"),
        };
        return Interpreter.RunCode(code, g, l);
    }

    /// <summary><c>globals()</c>: the calling frame's globals.</summary>
    [PyMethod("globals")]
    public static PyDict Globals() => CallerFrame().Globals;

    /// <summary><c>locals()</c>: the namespace of a module or class body, or a snapshot of a
    /// function's variables.</summary>
    [PyMethod("locals")]
    public static PyDict Locals() => PyFrameObject.Of(CallerFrame()).Locals();

    /// <summary><c>vars([object])</c>: <c>locals()</c>, or the object's <c>__dict__</c>.</summary>
    [PyMethod("vars")]
    public static PyObject Vars(PyObject? obj = null)
    {
        if (obj is null)
        {
            return Locals();
        }
        return Ops.TryGetAttr(obj, PyStr.Intern("__dict__")) ?? throw PyErr.TypeError("vars() argument must have __dict__ attribute");
    }

    private static Frame CallerFrame() =>
        ThreadState.Current.Frame ?? throw PyErr.New(PyExc.SystemError, "no current frame");

    private static CompilerFlags InheritedFlags() =>
        ThreadState.Current.Frame is { } caller ? (CompilerFlags)caller.Code.Code.Flags & CompilerFlags.Mask : CompilerFlags.None;

    /// <summary>The globals and locals of exec/eval: the caller's by default; a globals dict
    /// without <c>__builtins__</c> gets the builtins module's.</summary>
    private static (PyDict Globals, PyDict Locals) Namespaces(string fn, PyObject? globals, PyObject? locals)
    {
        if (globals is PyNone)
        {
            globals = null;
        }
        if (locals is PyNone)
        {
            locals = null;
        }
        if (globals is not null && globals is not PyDict)
        {
            throw PyErr.TypeError(fn == "exec" ? $"exec() globals must be a dict, not {globals.Type.Name}"
                : globals.Type.Slots.GetItem is not null ? "globals must be a real dict; try eval(expr, {}, mapping)"
                : "globals must be a dict");
        }
        if (locals is not null && locals is not PyDict)
        {
            throw PyErr.TypeError(fn == "exec"
                ? $"locals must be a mapping or None, not {locals.Type.Name}"
                : "locals must be a mapping");
        }
        PyDict g;
        PyDict l;
        if (globals is null)
        {
            var caller = CallerFrame();
            g = caller.Globals;
            l = (PyDict?)locals ?? PyFrameObject.Of(caller).Locals();
        }
        else
        {
            g = (PyDict)globals;
            l = (PyDict?)locals ?? g;
        }
        var key = PyStr.Intern("__builtins__");
        if (!g.TryGetValue(key, out _))
        {
            g.SetItem(key, Module);
        }
        return (g, l);
    }

    private static PyCode CompileString(string text, string filename, ParseMode mode, CompilerFlags flags, int optimize)
    {
        if (text.Contains('\0'))
        {
            throw PyErr.New(PyExc.ValueError, "source code string cannot contain null bytes");
        }
        try
        {
            return new PyCode(Warnings.CompileSource(SourceText.FromString(text, filename), mode, flags, optimize));
        }
        catch (PythonException e)
        {
            throw PyErr.FromCompiler(e);
        }
    }
}
