// Objects/codeobject.c
using System.Numerics;
using Taipan.Bytecode;
using Taipan.Syntax.Ast;

namespace Taipan.Runtime.Objects;

/// <summary><c>code</c>: a <see cref="CodeObject"/> with its constants and names turned into
/// Python objects once, so the interpreter indexes ready-made values.</summary>
[PyType("code", Flags = TypeFlags.Weakrefable)]
public sealed partial class PyCode : PyObject
{
    public PyCode(CodeObject code)
        : this(code, null)
    {
    }

    /// <summary>A code object whose constants are given as runtime objects (the <c>code</c>
    /// constructor, <c>replace</c>): they may be anything, not only what marshal writes.</summary>
    internal PyCode(CodeObject code, PyObject[]? consts)
    {
        Code = code;
        Instructions = code.Code;
        if (consts is null)
        {
            consts = new PyObject[code.Consts.Length];
            for (var i = 0; i < consts.Length; i++)
            {
                consts[i] = ConvertConstant(code.Consts[i]);
            }
        }
        Consts = consts;
        Names = Array.ConvertAll(code.Names, PyStr.Intern);
        LocalsPlusNames = Array.ConvertAll(code.LocalsPlusNames, PyStr.Intern);
        Name = PyStr.Intern(code.Name);
        QualName = new PyStr(code.QualName);
        Handlers = [.. code.ExceptionHandlers];
        InlineCaches = new object?[Instructions.Length / 2];
        Units = new ushort[Instructions.Length / 2];
        for (var i = 0; i < Units.Length; i++)
        {
            Units[i] = (ushort)(Instructions[2 * i] | (Instructions[2 * i + 1] << 8));
        }
        NLocalsPlus = code.LocalsPlusNames.Length;
        FrameSize = NLocalsPlus + code.StackSize;
        ExactArgCount = (code.Flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) == 0 && code.KwOnlyArgCount == 0
            ? code.ArgCount
            : -1;
    }

    /// <summary>Calls and backward jumps counted towards compiling the code (see
    /// <see cref="Python.Jit"/>).</summary>
    internal int Warmth;

    /// <summary>The code compiled to IL, once it is hot.</summary>
    internal Python.CompiledCode? Compiled;

    /// <summary>Frames of returned calls, kept for reuse (see <see cref="Python.Frame.ForCall"/>).</summary>
    internal Python.Frame? FreeFrame;

    internal int FreeFrames;

    /// <summary>The number of locals, cells and free variables (where the stack starts).</summary>
    public int NLocalsPlus { get; }

    /// <summary>The argument count a call binds by copying alone (positional parameters only,
    /// no <c>*args</c>, <c>**kwargs</c> or keyword-only ones); -1 when binding needs more.</summary>
    internal int ExactArgCount { get; }

    /// <summary>The specialising interpreter's inline caches, one per code unit (the entry of
    /// an instruction's own index), kept beside <see cref="Instructions"/> so co_code stays as
    /// compiled.</summary>
    internal object?[] InlineCaches { get; }

    public CodeObject Code { get; }

    /// <summary>The code units (opcode, oparg) as compiled: <c>co_code</c>.</summary>
    public byte[] Instructions { get; }

    /// <summary>The code units the interpreter executes, opcode in the low byte: one load
    /// decodes an instruction.</summary>
    public readonly ushort[] Units;

    public PyObject[] Consts { get; }
    public PyStr[] Names { get; }
    public PyStr[] LocalsPlusNames { get; }
    public PyStr Name { get; }
    public PyStr QualName { get; }
    public ExceptionTableEntry[] Handlers { get; }

    public CodeFlags Flags => Code.Flags;

    /// <summary>The size of a frame's slot array: localsplus, then the value stack.</summary>
    public int FrameSize { get; }

    /// <summary>Converts a marshal/compiler constant into the Python object it stands for.</summary>
    public static PyObject ConvertConstant(object? value) => value switch
    {
        ConstantSingleton s when ReferenceEquals(s, ConstantSingleton.None) => PyNone.Value,
        ConstantSingleton => PyEllipsis.Value,
        bool b => PyBool.From(b),
        BigInteger i => PyInt.From(i),
        double d => new PyFloat(d),
        System.Numerics.Complex c => new PyComplex(c.Real, c.Imaginary),
        string s => PyStr.Intern(s),
        byte[] b => new PyBytes(b),
        // Lossy until PyStr holds code points: the surrogates that pair up become one character.
        CodePointStr c => new PyStr(c.ToString()),
        ConstantTuple t => new PyTuple(Array.ConvertAll(t.AsSpan().ToArray(), ConvertConstant)),
        ConstantFrozenSet f => PyFrozenSet.FromConstant(f.Select(ConvertConstant).ToArray()),
        CodeObject c => new PyCode(c),
        // A constant the code constructor was given that marshal cannot represent.
        PyObject o => o,
        _ => throw Errors.PyErr.New(PyExc.SystemError, $"constants of type {value?.GetType().Name ?? "null"} are not supported yet"),
    };

    /// <summary>The source line of the instruction at code unit <paramref name="index"/>, or
    /// -1 when it has none.</summary>
    public int LineAt(int index)
    {
        var positions = Code.Positions;
        return (uint)index < (uint)positions.Count && positions[index].Line is { } line ? line : -1;
    }

    [PyGetter("co_filename")]
    public PyStr FileName() => new(Code.Filename);

    [PyGetter("co_name")]
    public PyStr NameGetter() => Name;

    [PyGetter("co_qualname")]
    public PyStr QualNameGetter() => QualName;

    [PyGetter("co_firstlineno")]
    public long FirstLineNo() => Code.FirstLineNo;

    [PyGetter("co_argcount")]
    public long ArgCount() => Code.ArgCount;

    [PyGetter("co_posonlyargcount")]
    public long PosOnlyArgCount() => Code.PosOnlyArgCount;

    [PyGetter("co_kwonlyargcount")]
    public long KwOnlyArgCount() => Code.KwOnlyArgCount;

    [PyGetter("co_nlocals")]
    public long NLocals() => Code.NLocals;

    [PyGetter("co_stacksize")]
    public long StackSize() => Code.StackSize;

    [PyGetter("co_flags")]
    public long FlagsGetter() => (long)Code.Flags;

    [PyGetter("co_consts")]
    public PyTuple ConstsGetter() => new((PyObject[])Consts.Clone());

    [PyGetter("co_names")]
    public PyTuple NamesGetter() => new(Array.ConvertAll(Names, n => (PyObject)n));

    [PyGetter("co_varnames")]
    public PyTuple VarNames() => NameTuple(Code.VarNames);

    [PyGetter("co_cellvars")]
    public PyTuple CellVars() => NameTuple(Code.CellVars);

    [PyGetter("co_freevars")]
    public PyTuple FreeVars() => NameTuple(Code.FreeVars);

    private static PyTuple NameTuple(string[] names) => new(Array.ConvertAll(names, n => (PyObject)PyStr.Intern(n)));

    [PySlot("tp_repr")]
    public PyStr Repr() =>
        new($"<code object {Code.Name} at 0x{Python.PyHash.Pointer(this) & 0xffffffffffffL:x}, file \"{Code.Filename}\", line {Code.FirstLineNo}>");
}
