// Include/internal/pycore_frame.h, Objects/frameobject.c
using Taipan.Bytecode;
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

    // Fields, not properties, here and below: the dispatch loop is too large for the JIT to
    // inline accessors in it.
    public readonly PyCode Code;
    public PyDict Globals;
    public PyDict Builtins;

    /// <summary>The locals mapping of module and class bodies (and exec/eval); null for
    /// optimized function frames.</summary>
    public readonly PyDict? Locals;

    public PyFunction? Function;

    /// <summary>Locals, cells and free variables, then the value stack.</summary>
    public readonly PyObject?[] Slots;

    public readonly int StackBase;

    /// <summary>The index of the first free stack slot.</summary>
    public int StackPointer;

    /// <summary>The code unit index of the instruction being executed (<c>f_lasti</c> / 2);
    /// in a caller, its CALL.</summary>
    public int LastInstruction;

    /// <summary>True while a generator's frame is suspended at a yield.</summary>
    public bool Suspended;

    /// <summary>Where execution continues when the interpreter returns to this frame.</summary>
    public int NextInstruction;

    /// <summary>The frame that called this one (<c>f_back</c>).</summary>
    public Frame? Previous;

    /// <summary>The instance a class call created, for a frame of its <c>__init__</c> run
    /// inline by the interpreter: the call's result once <c>__init__</c> returns None.</summary>
    public PyObject? Constructed;

    /// <summary>The generator whose frame this is while FOR_ITER runs it in its caller's loop.</summary>
    internal PyGenBase? InlineGenerator;

    /// <summary>Where the caller continues when an inline-run generator finishes: past its loop.</summary>
    internal int InlineExit;

    /// <summary>The frame's Python object, once asked for (it holds <c>f_trace</c> too).</summary>
    internal PyFrameObject? FrameObject;

    /// <summary>True once something other than the running code may hold the frame (its
    /// frame object, a traceback), or it belongs to a generator: it is then never reused.</summary>
    internal bool Escaped;

    /// <summary>The next frame in its code object's list of frames free for reuse.</summary>
    private Frame? _nextFree;

    /// <summary>How many frames a code object keeps for reuse: enough for the calls a
    /// recursion makes on its way down.</summary>
    private const int MaxFree = 8;

    /// <summary>A frame for a call of <paramref name="function"/>: one its code object kept, or
    /// a new one. Reusing frames spares the allocation (and the clearing of new memory) that
    /// most calls would otherwise cost.</summary>
    internal static Frame ForCall(PyCode code, PyFunction function)
    {
        if (code.FreeFrame is { } frame)
        {
            code.FreeFrame = frame._nextFree;
            code.FreeFrames--;
            frame._nextFree = null;
            // Compared first: the namespaces are nearly always the last call's, and a store
            // of a reference costs a write barrier.
            if (!ReferenceEquals(frame.Globals, function.Globals))
            {
                frame.Globals = function.Globals;
            }
            if (!ReferenceEquals(frame.Builtins, function.Builtins))
            {
                frame.Builtins = function.Builtins;
            }
            frame.Function = function;
            return frame;
        }
        return new Frame(code, function.Globals, function.Builtins, null, function)
        {
            Escaped = (code.Flags & (CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator)) != 0,
        };
    }

    /// <summary>A function frame that has returned goes back to its code object, cleared, unless
    /// it escaped.</summary>
    internal static void Release(Frame frame)
    {
        var code = frame.Code;
        if (frame.Escaped || frame.Locals is not null || code.FreeFrames >= MaxFree)
        {
            return;
        }
        frame.Slots.AsSpan().Clear();
        frame.Function = null;
        frame.StackPointer = frame.StackBase;
        frame.LastInstruction = 0;
        frame.NextInstruction = 0;
        frame.Previous = null;
        frame.Constructed = null;
        frame._nextFree = code.FreeFrame;
        code.FreeFrame = frame;
        code.FreeFrames++;
    }

    /// <summary>Marks the frame, and the frames below it that <c>f_back</c> reaches, as held.</summary>
    internal void Escape()
    {
        for (var f = this; f is not null && !f.Escaped; f = f.Previous)
        {
            f.Escaped = true;
        }
    }

    /// <summary>The line being executed (<c>f_lineno</c>).</summary>
    public int LineNumber => Code.LineAt(LastInstruction);
}
