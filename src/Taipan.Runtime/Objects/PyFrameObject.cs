// Objects/frameobject.c
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>frame</c>: the Python view of an interpreter <see cref="Python.Frame"/>, made when Python
/// code asks for one (<c>sys._getframe</c>, a traceback, a trace function); one per frame, so
/// identity holds. It carries what only Python code sets: <c>f_trace</c> and its flags.
/// </summary>
[PyType("frame")]
public sealed partial class PyFrameObject : PyObject
{
    private PyDict? _locals;

    private PyFrameObject(Frame frame) => Frame = frame;

    public Frame Frame { get; }

    /// <summary>The local trace function (<c>f_trace</c>), called for line, return, exception
    /// and opcode events of this frame.</summary>
    public PyObject? Trace { get; set; }

    public bool TraceLines { get; set; } = true;

    public bool TraceOpcodes { get; set; }

    /// <summary>The generator that owns the frame, once known (<c>clear()</c> closes it).</summary>
    internal PyGenBase? Generator { get; set; }

    /// <summary>The code unit a line-event trace function asked to jump to, or -1.</summary>
    internal int JumpTarget { get; set; } = -1;

    /// <summary>The frame object of <paramref name="frame"/>.</summary>
    public static PyFrameObject Of(Frame frame)
    {
        if (frame.FrameObject is { } existing)
        {
            return existing;
        }
        frame.Escape();
        return frame.FrameObject = new PyFrameObject(frame);
    }

    /// <summary>True while the frame runs on this thread's stack (not suspended, not finished).</summary>
    private bool Executing
    {
        get
        {
            for (var f = Python.ThreadState.Current.Frame; f is not null; f = f.Previous)
            {
                if (ReferenceEquals(f, Frame))
                {
                    return true;
                }
            }
            return false;
        }
    }

    [PyGetter("f_back")]
    public PyObject Back() => !Frame.Suspended && Frame.Previous is { } previous ? Of(previous) : PyNone.Value;

    [PyGetter("f_code")]
    public PyCode CodeGetter() => Frame.Code;

    [PyGetter("f_globals")]
    public PyDict Globals() => Frame.Globals;

    [PyGetter("f_builtins")]
    public PyDict BuiltinsGetter() => Frame.Builtins;

    public PyObject LineNo()
    {
        var line = Frame.LastInstruction < 0 ? Frame.Code.Code.FirstLineNo : Frame.LineNumber;
        return line < 0 ? PyNone.Value : PyInt.From(line);
    }

    [PyGetter("f_lasti")]
    public long LastI() => Frame.LastInstruction * 2;

    /// <summary>The locals mapping of a module or class body; for a function, one dict per
    /// frame refreshed from its fast locals and cells on each access (PyFrame_FastToLocals) —
    /// unbound ones are left out.</summary>
    [PyGetter("f_locals")]
    public PyDict Locals()
    {
        if (Frame.Locals is { } locals)
        {
            return locals;
        }
        var dict = _locals ??= new PyDict();
        var code = Frame.Code;
        var kinds = code.Code.LocalsPlusKinds;
        var slots = Frame.Slots;
        for (var i = 0; i < code.LocalsPlusNames.Length && i < slots.Length; i++)
        {
            var value = slots[i];
            if (value is PyCell cell && i < kinds.Length && ((LocalKind)kinds[i] & (LocalKind.Cell | LocalKind.Free)) != 0)
            {
                value = cell.Contents;
            }
            if (value is not null)
            {
                dict.SetItem(code.LocalsPlusNames[i], value);
            }
            else
            {
                dict.Remove(code.LocalsPlusNames[i]);
            }
        }
        return dict;
    }

    /// <summary><c>PyFrame_LocalsToFast</c>: what a trace function changed in <c>f_locals</c>
    /// goes back to the fast locals and cells.</summary>
    internal void LocalsToFast()
    {
        if (_locals is not { } dict || Frame.Locals is not null)
        {
            return;
        }
        var code = Frame.Code;
        var kinds = code.Code.LocalsPlusKinds;
        var slots = Frame.Slots;
        for (var i = 0; i < code.LocalsPlusNames.Length && i < slots.Length; i++)
        {
            dict.TryGetValue(code.LocalsPlusNames[i], out var value);
            if (i < kinds.Length && ((LocalKind)kinds[i] & (LocalKind.Cell | LocalKind.Free)) != 0)
            {
                if (slots[i] is PyCell cell)
                {
                    cell.Contents = value;
                }
            }
            else
            {
                slots[i] = value;
            }
        }
    }

    public PyObject TraceGetter() => Trace ?? PyNone.Value;

    /// <summary><c>frame.clear()</c>: drops the locals of a finished frame; a suspended
    /// generator's frame closes the generator first.</summary>
    [PyMethod]
    public void Clear()
    {
        if (Executing || Generator is { Running: true })
        {
            throw PyErr.RuntimeError("cannot clear an executing frame");
        }
        Generator?.CloseCore();
        Array.Clear(Frame.Slots);
        _locals = null;
        Trace = null;
    }

    static partial void InitializeExtra(PyType t)
    {
        t.AddBuiltin("f_trace", new PyGetSetDescriptor(t, "f_trace", static s => ((PyFrameObject)s).TraceGetter(),
            static (s, v) => ((PyFrameObject)s).Trace = v is null or PyNone ? null : v, null));
        t.AddBuiltin("f_trace_lines", new PyGetSetDescriptor(t, "f_trace_lines", static s => PyBool.From(((PyFrameObject)s).TraceLines),
            static (s, v) => ((PyFrameObject)s).TraceLines = TraceFlag(v), null));
        t.AddBuiltin("f_trace_opcodes", new PyGetSetDescriptor(t, "f_trace_opcodes", static s => PyBool.From(((PyFrameObject)s).TraceOpcodes),
            static (s, v) => ((PyFrameObject)s).TraceOpcodes = TraceFlag(v), null));
        t.AddBuiltin("f_lineno", new PyGetSetDescriptor(t, "f_lineno", static s => ((PyFrameObject)s).LineNo(),
            static (s, v) => ((PyFrameObject)s).SetLineNo(v), null));
    }

    private static bool TraceFlag(PyObject? value) =>
        value is PyBool b ? ReferenceEquals(b, PyBool.True) : throw PyErr.TypeError("attribute value type must be bool");

    /// <summary><c>frame_setlineno</c>: a trace function at a line event moves execution to
    /// the first instruction of another line of the same code, where the value stack it needs
    /// is a prefix of the one it has (leaving a loop drops its iterator; entering one is
    /// refused).</summary>
    private void SetLineNo(PyObject? value)
    {
        if (value is null)
        {
            throw PyErr.AttributeError("cannot delete attribute");
        }
        if (value is not PyInt { IsSmall: true } || value is PyBool)
        {
            throw PyErr.ValueError("lineno must be an integer");
        }
        // The event of the trace function running now; outside one it is still 'call', the
        // initial value of CPython's tracing_what.
        switch (Python.ThreadState.Current.TracingWhat ?? "call")
        {
            case "call":
                throw PyErr.ValueError("can't jump from the 'call' trace event of a new frame");
            case "line":
                break;
            default:
                throw PyErr.ValueError("can only jump from a 'line' trace event");
        }
        if (Trace is null)
        {
            throw PyErr.ValueError("f_lineno can only be set by a trace function");
        }
        var target = FrameJump.Target(Frame, (int)((PyInt)value).Small);
        JumpTarget = target;
    }

    [PySlot("tp_repr")]
    public PyStr Repr() =>
        new($"<frame at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}, file {Abstract.Ops.Repr(new PyStr(Frame.Code.Code.Filename)).Value}, line {Frame.LineNumber}, code {Frame.Code.Name.Value}>");
}
