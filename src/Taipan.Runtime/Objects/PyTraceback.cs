// Python/traceback.c
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary><c>traceback</c>: one frame an exception passed through, linked to the next
/// (innermost last). <c>tb_next</c> is writable and <c>types.TracebackType(tb_next, tb_frame,
/// tb_lasti, tb_lineno)</c> makes one, as in CPython.</summary>
[PyType("traceback")]
public sealed partial class PyTraceback : PyObject
{
    private readonly int _lineNumber;
    private readonly int _lastiBytes;

    public PyTraceback(PyTraceback? next, Frame frame, int lastInstruction)
    {
        Next = next;
        frame.Escape();
        Frame = frame;
        LastInstruction = lastInstruction;
        _lineNumber = frame.Code.LineAt(lastInstruction);
        _lastiBytes = lastInstruction * 2;
    }

    private PyTraceback(PyTraceback? next, Frame frame, int lastiBytes, int lineNumber)
    {
        Next = next;
        Frame = frame;
        LastInstruction = lastiBytes >> 1;
        _lineNumber = lineNumber;
        _lastiBytes = lastiBytes;
    }

    public PyTraceback? Next { get; private set; }
    public Frame Frame { get; }
    public int LastInstruction { get; }

    /// <summary>The line recorded when the frame was passed through (<c>tb_lineno</c>).</summary>
    public int LineNumber => _lineNumber;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var values = new PyObject?[4];
        string[] names = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
        var positional = args.Length - (kwnames?.Count ?? 0);
        if (positional > 4)
        {
            throw PyErr.TypeError($"TracebackType() takes at most 4 arguments ({args.Length} given)");
        }
        for (var i = 0; i < positional; i++)
        {
            values[i] = args[i];
        }
        for (var i = 0; i < (kwnames?.Count ?? 0); i++)
        {
            var name = ((PyStr)kwnames![i]).Value;
            var index = Array.IndexOf(names, name);
            if (index < 0)
            {
                throw PyErr.TypeError($"TracebackType() got an unexpected keyword argument '{name}'");
            }
            if (values[index] is not null)
            {
                throw PyErr.TypeError($"argument for TracebackType() given by name ('{name}') and position ({index + 1})");
            }
            values[index] = args[positional + i];
        }
        for (var i = 0; i < 4; i++)
        {
            if (values[i] is null)
            {
                throw PyErr.TypeError($"TracebackType() missing required argument '{names[i]}' (pos {i + 1})");
            }
        }
        var frame = values[1] as PyFrameObject
            ?? throw PyErr.TypeError($"TracebackType() argument 'tb_frame' must be frame, not {values[1]!.Type.Name}");
        var lasti = CInt(values[2]!);
        var lineno = CInt(values[3]!);
        var next = values[0] switch
        {
            PyNone => null,
            PyTraceback t => t,
            var o => throw PyErr.TypeError($"expected traceback object or None, got '{o!.Type.Name}'"),
        };
        return new PyTraceback(next, frame.Frame, lasti, lineno);
    }

    private static int CInt(PyObject o)
    {
        var i = Abstract.Ops.Index(o);
        return i.IsSmall && i.Small is >= int.MinValue and <= int.MaxValue
            ? (int)i.Small
            : throw PyErr.New(PyExc.OverflowError, "Python int too large to convert to C int");
    }

    [PyGetter("tb_frame")]
    public PyFrameObject TbFrame() => PyFrameObject.Of(Frame);

    [PyGetter("tb_lineno")]
    public long TbLineno() => LineNumber;

    [PyGetter("tb_lasti")]
    public long TbLasti() => _lastiBytes;

    public PyObject TbNext() => (PyObject?)Next ?? PyNone.Value;

    private void SetNext(PyObject? value)
    {
        if (value is null)
        {
            throw PyErr.TypeError("can't delete tb_next attribute");
        }
        var next = value switch
        {
            PyNone => null,
            PyTraceback t => t,
            _ => throw PyErr.TypeError($"expected traceback object, got '{value.Type.Name}'"),
        };
        for (var cursor = next; cursor is not null; cursor = cursor.Next)
        {
            if (ReferenceEquals(cursor, this))
            {
                throw PyErr.ValueError("traceback loop detected");
            }
        }
        Next = next;
    }

    static partial void InitializeExtra(PyType t) =>
        t.AddBuiltin("tb_next", new PyGetSetDescriptor(t, "tb_next", static s => ((PyTraceback)s).TbNext(),
            static (s, v) => ((PyTraceback)s).SetNext(v), null));
}
