// Python/future.c
using Taipan.Syntax.Ast;

namespace Taipan.Compiler.Future;

/// <summary>The <c>CO_FUTURE_*</c> and <c>PyCF_*</c> compiler flags (Include/cpython/code.h,
/// Include/cpython/compile.h).</summary>
[Flags]
public enum CompilerFlags
{
    None = 0,
    FutureDivision = 0x20000,
    FutureAbsoluteImport = 0x40000,
    FutureWithStatement = 0x80000,
    FuturePrintFunction = 0x100000,
    FutureUnicodeLiterals = 0x200000,
    FutureBarryAsBdfl = 0x400000,
    FutureGeneratorStop = 0x800000,
    FutureAnnotations = 0x1000000,

    /// <summary>PyCF_MASK: the flags that travel into <c>co_flags</c>.</summary>
    Mask = FutureDivision | FutureAbsoluteImport | FutureWithStatement | FuturePrintFunction
        | FutureUnicodeLiterals | FutureBarryAsBdfl | FutureGeneratorStop | FutureAnnotations,

    SourceIsUtf8 = 0x0100,
    DontImplyDedent = 0x0200,
    OnlyAst = 0x0400,
    IgnoreCookie = 0x0800,
    TypeComments = 0x1000,
    AllowTopLevelAwait = 0x2000,
    AllowIncompleteInput = 0x4000,
}

/// <summary>PyFutureFeatures: the features a module's future statements turn on, and the
/// line of the last future statement (-1 when there is none).</summary>
public sealed class FutureFeatures
{
    public CompilerFlags Features { get; set; }
    public int Lineno { get; set; } = -1;

    /// <summary>_PyFuture_FromAST: scans the leading future statements of a module,
    /// raising the SyntaxErrors future.c raises.</summary>
    public static FutureFeatures FromAst(ModNode mod, string filename)
    {
        var ff = new FutureFeatures();
        StmtNode[] body;
        switch (mod)
        {
            case Module m: body = m.Body; break;
            case Interactive i: body = i.Body; break;
            default: return ff;
        }
        int start = HasDocString(body) ? 1 : 0;
        bool done = false;
        int prevLine = 0;
        for (int i = start; i < body.Length; i++)
        {
            var s = body[i];
            // Future statements may follow one another on one line joined by semicolons; a
            // regular statement in between is the one late case caught here rather than by
            // the code generator.
            if (done && s.Lineno > prevLine)
            {
                break;
            }
            prevLine = s.Lineno;
            if (s is ImportFrom imp && imp.Module == "__future__")
            {
                if (done)
                {
                    // CPython gives the 0-based column here, unlike its other errors.
                    throw SyntaxErrors.Located(filename, LateFutureMessage, s.Lineno, s.ColOffset);
                }
                ff.CheckFeatures(imp, filename);
                ff.Lineno = s.Lineno;
            }
            else
            {
                done = true;
            }
        }
        return ff;
    }

    public const string LateFutureMessage = "from __future__ imports must occur at the beginning of the file";

    private void CheckFeatures(ImportFrom s, string filename)
    {
        foreach (var alias in s.Names)
        {
            switch (alias.Name)
            {
                case "nested_scopes":
                case "generators":
                case "division":
                case "absolute_import":
                case "with_statement":
                case "print_function":
                case "unicode_literals":
                case "generator_stop":
                    break;
                case "barry_as_FLUFL":
                    Features |= CompilerFlags.FutureBarryAsBdfl;
                    break;
                case "annotations":
                    Features |= CompilerFlags.FutureAnnotations;
                    break;
                case "braces":
                    throw SyntaxErrors.Located(filename, "not a chance", s.Lineno, s.ColOffset + 1, messageOnlyArgs: true);
                default:
                    throw SyntaxErrors.Located(filename, $"future feature {alias.Name} is not defined", s.Lineno, s.ColOffset + 1, messageOnlyArgs: true);
            }
        }
    }

    /// <summary>_PyAST_GetDocString's test: the first statement is a string expression.</summary>
    internal static bool HasDocString(StmtNode[] body) =>
        body.Length > 0 && body[0] is Expr { Value: Constant { Value: string or CodePointStr } };
}
