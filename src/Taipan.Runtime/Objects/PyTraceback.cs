// Python/traceback.c
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary><c>traceback</c>: one frame an exception passed through, linked to the next
/// (innermost last).</summary>
[PyType("traceback")]
public sealed partial class PyTraceback(PyTraceback? next, Frame frame, int lastInstruction) : PyObject
{
    public PyTraceback? Next { get; } = next;
    public Frame Frame { get; } = frame;
    public int LastInstruction { get; } = lastInstruction;

    public int LineNumber => Frame.Code.LineAt(LastInstruction);

    [PyGetter("tb_frame")]
    public PyFrameObject TbFrame() => PyFrameObject.Of(Frame);

    [PyGetter("tb_lineno")]
    public long TbLineno() => LineNumber;

    [PyGetter("tb_lasti")]
    public long TbLasti() => LastInstruction * 2;

    [PyGetter("tb_next")]
    public PyObject TbNext() => (PyObject?)Next ?? PyNone.Value;
}
