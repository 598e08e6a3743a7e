// Modules/symtablemodule.c
using Taipan.Compiler.Future;
using Taipan.Compiler.Symtable;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Modules.Symtable;

/// <summary><c>_symtable</c>: the compiler's symbol table of a source, as the tree of
/// <c>symtable entry</c> objects that Lib/symtable.py wraps.</summary>
[PyModule("_symtable")]
public static partial class SymtableModule
{
    static partial void Initialize(PyModule module)
    {
        // symtable_init_constants, in its order.
        (string, int)[] constants =
        [
            ("USE", Def.Use), ("DEF_GLOBAL", Def.Global), ("DEF_NONLOCAL", Def.Nonlocal),
            ("DEF_LOCAL", Def.Local), ("DEF_PARAM", Def.Param), ("DEF_FREE", Def.Free),
            ("DEF_FREE_CLASS", Def.FreeClass), ("DEF_IMPORT", Def.Import), ("DEF_BOUND", Def.Bound),
            ("DEF_ANNOT", Def.Annot),
            ("TYPE_FUNCTION", (int)BlockType.Function), ("TYPE_CLASS", (int)BlockType.Class),
            ("TYPE_MODULE", (int)BlockType.Module),
            ("LOCAL", (int)Scope.Local), ("GLOBAL_EXPLICIT", (int)Scope.GlobalExplicit),
            ("GLOBAL_IMPLICIT", (int)Scope.GlobalImplicit), ("FREE", (int)Scope.Free), ("CELL", (int)Scope.Cell),
            ("SCOPE_OFF", Def.ScopeOffset), ("SCOPE_MASK", Def.ScopeMask),
        ];
        foreach (var (name, value) in constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }

    /// <summary>PyUnicode_FSDecoder: str, bytes, os.PathLike, and (deprecated) other
    /// bytes-like objects.</summary>
    private static string FsDecode(PyObject filename)
    {
        if (filename is not PyStr and not PyBytes && filename.Type.Lookup(PyStr.Intern("__fspath__")) is null
            && BufferProtocol.TryRead(filename, out var data))
        {
            var bytes = data.ToArray();
            Warnings.Warn(PyExc.DeprecationWarning, $"path should be string, bytes, or os.PathLike, not {filename.Type.Name}");
            return PosixModule.DecodeFs(bytes).Value;
        }
        return PosixModule.FsPath(filename) switch
        {
            PyStr s => s.Value,
            var b => PosixModule.DecodeFs(((PyBytes)b).Data).Value,
        };
    }

    /// <summary><c>symtable(source, filename, startstr, /)</c>: parses the source (str or
    /// bytes-like), builds its symbol table and returns the top block.</summary>
    [PyMethod("symtable", Doc = "Return symbol and scope dictionaries used internally by compiler.")]
    public static PyObject Symtable(PyObject source, PyObject filename, PyObject startstr)
    {
        var file = FsDecode(filename);
        if (startstr is not PyStr start)
        {
            throw PyErr.TypeError($"symtable() argument 3 must be str, not {startstr.Type.Name}");
        }
        string? str = null;
        byte[]? data = null;
        switch (source)
        {
            case PyStr s:
                str = s.Value;
                if (str.Contains('\0'))
                {
                    throw PyErr.ValueError("source code string cannot contain null bytes");
                }
                break;
            case var o when BufferProtocol.TryRead(o, out var span):
                data = span.ToArray();
                if (Array.IndexOf(data, (byte)0) >= 0)
                {
                    throw PyErr.ValueError("source code string cannot contain null bytes");
                }
                break;
            default:
                throw PyErr.TypeError("symtable() arg 1 must be a string or bytes object");
        }
        var mode = start.Value switch
        {
            "exec" => ParseMode.Exec,
            "eval" => ParseMode.Eval,
            "single" => ParseMode.Single,
            _ => throw PyErr.ValueError("symtable() arg 3 must be 'exec' or 'eval' or 'single'"),
        };
        var warnings = new List<ParserWarning>();
        try
        {
            try
            {
                // Decoding bytes (the coding declaration) is part of parsing: its errors are
                // SyntaxErrors.
                var text = str is not null ? SourceText.FromString(str, file) : SourceText.FromBytes(data!, file);
                var mod = Parser.Parse(text, mode, warnings);
                var table = SymbolTable.Build(mod, file, FutureFeatures.FromAst(mod, file));
                return PySymtableEntry.Tree(table.Top);
            }
            finally
            {
                // The parser's warnings (invalid escape sequences), also when it failed.
                Warnings.IssueCompilerWarnings(warnings);
            }
        }
        catch (PythonException e)
        {
            throw PyErr.FromCompiler(e);
        }
    }
}
