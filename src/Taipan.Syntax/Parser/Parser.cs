// Parser/parser.c, Parser/pegen.c
using Taipan.Syntax.Ast;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

/// <summary>The mode argument of <c>compile()</c> / <c>ast.parse()</c>.</summary>
public enum ParseMode
{
    Exec,
    Eval,
    Single,
    FuncType,
    /// <summary>An f-string replacement field (<c>fstring_input</c>).</summary>
    FString,
}

/// <summary>A warning the parser issues (for example <c>DeprecationWarning: invalid escape
/// sequence '\d'</c>); the caller decides whether to print it, as <c>compile()</c> does.</summary>
public readonly record struct ParserWarning(string Category, string Message, string Filename, int Lineno);

/// <summary>The PEG parser for the Python 3.11 grammar (Grammar/python.gram).</summary>
public sealed partial class Parser
{
    /// <summary>Parses a whole source. Raises <see cref="Errors.PythonSyntaxError"/> (or
    /// another <see cref="Errors.PythonException"/>) exactly where CPython 3.11 does.</summary>
    public static ModNode Parse(SourceText source, ParseMode mode = ParseMode.Exec, List<ParserWarning>? warnings = null) =>
        throw new NotImplementedException();

    /// <summary>Parses the expression of an f-string replacement field, as 3.11's
    /// <c>fstring_compile_expr</c> does: <paramref name="wrappedUtf8"/> is the expression text
    /// already wrapped in parentheses; <paramref name="tokenizerLineno"/> is the tokenizer's
    /// first line number (<c>tok->lineno</c>), and the token positions are shifted as
    /// <c>_PyPegen_fill_token</c> shifts them with <c>p->starting_lineno</c> and
    /// <c>p->starting_col_offset</c>.</summary>
    public ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset) =>
        throw new NotImplementedException();

    /// <summary>The source being parsed.</summary>
    public SourceText Source => throw new NotImplementedException();

    /// <summary>Records a warning (category such as <c>"DeprecationWarning"</c>).</summary>
    public void Warn(string category, string message, int lineno) => throw new NotImplementedException();
}
