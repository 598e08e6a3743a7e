// Include/internal/pycore_frame.h, Objects/frameobject.c
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// The execution state of one code object: its locals-plus slots followed by its value stack in
/// one array, the instruction pointer and the calling frame. Frames are ordinary objects, so
/// <c>sys._getframe</c> and tracebacks need nothing materialised after the fact.
/// </summary>
public sealed class Frame
{
    public Frame(PyCode code, PyDict globals, PyDict builtins, PyDict? locals, PyFunction? function)
    {
        Code = code;
        Globals = globals;
        Builtins = builtins;
        Locals = locals;
        Function = function;
        Slots = new PyObject?[code.FrameSize];
        StackBase = code.NLocalsPlus;
        StackPointer = StackBase;
    }

    public PyCode Code { get; }
    public PyDict Globals { get; }
    public PyDict Builtins { get; }

    /// <summary>The locals mapping of module and class bodies (and exec/eval); null for
    /// optimized function frames.</summary>
    public PyDict? Locals { get; }

    public PyFunction? Function { get; }

    /// <summary>Locals, cells and free variables, then the value stack.</summary>
    public PyObject?[] Slots { get; }

    public int StackBase { get; }

    // The three positions below are fields, not properties: the dispatch loop writes them on
    // every instruction and, in a method that size, the JIT may not inline accessors.

    /// <summary>The index of the first free stack slot.</summary>
    public int StackPointer;

    /// <summary>The code unit index of the instruction being executed (<c>f_lasti</c> / 2);
    /// in a caller, its CALL.</summary>
    public int LastInstruction;

    /// <summary>True while a generator's frame is suspended at a yield.</summary>
    public bool Suspended { get; set; }

    /// <summary>Where execution continues when the interpreter returns to this frame.</summary>
    public int NextInstruction;

    /// <summary>The frame that called this one (<c>f_back</c>).</summary>
    public Frame? Previous { get; set; }

    /// <summary>The instance a class call created, for a frame of its <c>__init__</c> run
    /// inline by the interpreter: the call's result once <c>__init__</c> returns None.</summary>
    public PyObject? Constructed { get; set; }

    /// <summary>The frame's Python object, once asked for (it holds <c>f_trace</c> too).</summary>
    internal PyFrameObject? FrameObject;

    /// <summary>The line being executed (<c>f_lineno</c>).</summary>
    public int LineNumber => Code.LineAt(LastInstruction);
}
