// Objects/codeobject.c
namespace Taipan.Bytecode;

/// <summary>One source position of a code unit, as <c>co_positions()</c> yields it;
/// null where CPython gives None. Columns are 0-based UTF-8 byte offsets.</summary>
public readonly record struct SourcePosition(int? Line, int? EndLine, int? Column, int? EndColumn);

/// <summary>One entry of the 3.11 exception table, in code units (2-byte instructions):
/// an exception raised by an instruction in [<see cref="Start"/>, <see cref="End"/>) unwinds the
/// value stack to <see cref="Depth"/> items, pushes the offset of the raising instruction if
/// <see cref="Lasti"/>, pushes the exception and jumps to <see cref="Target"/>.</summary>
public readonly record struct ExceptionTableEntry(int Start, int End, int Target, int Depth, bool Lasti);

/// <summary>A CPython 3.11 code object. The properties are the fields marshal stores, in marshal
/// order; the rest is derived from them.
///
/// Constants (<see cref="Consts"/>, and items of tuples and frozensets) are:
/// <c>Taipan.Syntax.Ast.ConstantSingleton.None</c> / <c>.Ellipsis</c>, <c>bool</c>,
/// <c>System.Numerics.BigInteger</c> (int), <c>double</c> (float), <c>System.Numerics.Complex</c>,
/// <c>string</c> (str), <c>byte[]</c> (bytes), <see cref="ConstantTuple"/>,
/// <see cref="ConstantFrozenSet"/> and <see cref="CodeObject"/>.
///
/// Equality is 3.11's <c>code_richcompare</c>: name, argument counts, flags, first line, code,
/// constants (by <see cref="PyValue.StrictComparer"/>), names, localsplus names, line table and
/// exception table (not the filename, qualname or stack size).</summary>
public sealed class CodeObject : IEquatable<CodeObject>
{
    private string[]? _varNames;
    private string[]? _cellVars;
    private string[]? _freeVars;
    private SourcePosition[]? _positions;
    private LineRange[]? _lines;
    private ExceptionTableEntry[]? _exceptionTable;

    public int ArgCount { get; init; }
    public int PosOnlyArgCount { get; init; }
    public int KwOnlyArgCount { get; init; }
    public int StackSize { get; init; }
    public CodeFlags Flags { get; init; }

    /// <summary><c>co_code</c>: 2-byte code units (opcode, oparg) with inline CACHE entries.</summary>
    public byte[] Code { get; init; } = [];

    public object?[] Consts { get; init; } = [];
    public string[] Names { get; init; } = [];

    /// <summary>Locals, then cells that are not arguments, then free variables.</summary>
    public string[] LocalsPlusNames { get; init; } = [];

    /// <summary>One <see cref="LocalKind"/> byte per entry of <see cref="LocalsPlusNames"/>.</summary>
    public byte[] LocalsPlusKinds { get; init; } = [];

    public string Filename { get; init; } = "";
    public string Name { get; init; } = "";
    public string QualName { get; init; } = "";
    public int FirstLineNo { get; init; }

    /// <summary><c>co_linetable</c> in the 3.11 location format (Objects/locations.md).</summary>
    public byte[] LineTable { get; init; } = [];

    /// <summary><c>co_exceptiontable</c>.</summary>
    public byte[] ExceptionTable { get; init; } = [];

    /// <summary><c>co_varnames</c>: the localsplus names with the Local kind.</summary>
    public string[] VarNames => _varNames ??= NamesOfKind(LocalKind.Local);

    /// <summary><c>co_cellvars</c>: names with the Cell kind (arguments that are cells included).</summary>
    public string[] CellVars => _cellVars ??= NamesOfKind(LocalKind.Cell);

    /// <summary><c>co_freevars</c>.</summary>
    public string[] FreeVars => _freeVars ??= NamesOfKind(LocalKind.Free);

    /// <summary><c>co_nlocals</c>.</summary>
    public int NLocals => VarNames.Length;

    /// <summary>Number of code units (<c>len(co_code) // 2</c>).</summary>
    public int CodeUnits => Code.Length / 2;

    private string[] NamesOfKind(LocalKind kind)
    {
        var n = Math.Min(LocalsPlusNames.Length, LocalsPlusKinds.Length);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if ((LocalsPlusKinds[i] & (byte)kind) != 0)
            {
                count++;
            }
        }

        var result = new string[count];
        count = 0;
        for (var i = 0; i < n; i++)
        {
            if ((LocalsPlusKinds[i] & (byte)kind) != 0)
            {
                result[count++] = LocalsPlusNames[i];
            }
        }

        return result;
    }

    /// <summary><c>list(co_positions())</c>: one position per code unit the line table covers.</summary>
    public IReadOnlyList<SourcePosition> Positions => _positions ??= LocationTable.DecodePositions(LineTable, FirstLineNo);

    /// <summary><c>list(co_lines())</c>.</summary>
    public IReadOnlyList<LineRange> Lines => _lines ??= LocationTable.DecodeLines(LineTable, FirstLineNo);

    /// <summary>The source position of the code unit at <paramref name="unit"/> (index, not byte
    /// offset); all null outside the table.</summary>
    public SourcePosition PositionOf(int unit)
    {
        var positions = Positions;
        return (uint)unit < (uint)positions.Count ? positions[unit] : default;
    }

    /// <summary><c>PyCode_Addr2Line</c>: the line of the code unit at <paramref name="unit"/>
    /// (the first line for a negative unit), or -1.</summary>
    public int LineOf(int unit) => unit < 0 ? FirstLineNo : PositionOf(unit).Line ?? -1;

    /// <summary>The decoded exception table.</summary>
    public IReadOnlyList<ExceptionTableEntry> ExceptionHandlers => _exceptionTable ??= ExceptionTableReader.Decode(ExceptionTable);

    /// <summary>The handler covering the code unit at <paramref name="unit"/>, if any
    /// (<c>get_exception_handler</c> in Python/ceval.c).</summary>
    public ExceptionTableEntry? FindHandler(int unit)
    {
        foreach (var entry in ExceptionHandlers)
        {
            if (unit >= entry.Start && unit < entry.End)
            {
                return entry;
            }

            if (entry.Start > unit)
            {
                break;
            }
        }

        return null;
    }

    public bool Equals(CodeObject? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && Name == other.Name
            && ArgCount == other.ArgCount
            && PosOnlyArgCount == other.PosOnlyArgCount
            && KwOnlyArgCount == other.KwOnlyArgCount
            && Flags == other.Flags
            && FirstLineNo == other.FirstLineNo
            && Code.AsSpan().SequenceEqual(other.Code)
            && ConstsEqual(Consts, other.Consts)
            && Names.AsSpan().SequenceEqual(other.Names)
            && LocalsPlusNames.AsSpan().SequenceEqual(other.LocalsPlusNames)
            && LineTable.AsSpan().SequenceEqual(other.LineTable)
            && ExceptionTable.AsSpan().SequenceEqual(other.ExceptionTable);
    }

    private static bool ConstsEqual(object?[] a, object?[] b) =>
        PyValue.StrictEqual(new ConstantTuple(a), new ConstantTuple(b));

    public override bool Equals(object? obj) => obj is CodeObject c && Equals(c);

    public override int GetHashCode() => HashCode.Combine(Name, Code.Length, FirstLineNo, Flags, Consts.Length);

    public override string ToString() => PyValue.Repr(this);
}
