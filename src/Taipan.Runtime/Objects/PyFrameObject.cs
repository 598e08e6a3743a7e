// Objects/frameobject.c
using System.Runtime.CompilerServices;
using Taipan.Bytecode;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>frame</c>: the Python view of an interpreter <see cref="Python.Frame"/>, made when Python
/// code asks for one (<c>sys._getframe</c>); one per frame, so identity holds.
/// </summary>
[PyType("frame")]
public sealed partial class PyFrameObject : PyObject
{
    private static readonly ConditionalWeakTable<Frame, PyFrameObject> s_views = [];

    private PyFrameObject(Frame frame) => Frame = frame;

    public Frame Frame { get; }

    /// <summary>The frame object of <paramref name="frame"/>.</summary>
    public static PyFrameObject Of(Frame frame) => s_views.GetValue(frame, static f => new PyFrameObject(f));

    [PyGetter("f_back")]
    public PyObject Back() => Frame.Previous is { } previous ? Of(previous) : PyNone.Value;

    [PyGetter("f_code")]
    public PyCode CodeGetter() => Frame.Code;

    [PyGetter("f_globals")]
    public PyDict Globals() => Frame.Globals;

    [PyGetter("f_builtins")]
    public PyDict BuiltinsGetter() => Frame.Builtins;

    [PyGetter("f_lineno")]
    public long LineNo() => Frame.LineNumber;

    [PyGetter("f_lasti")]
    public long LastI() => Frame.LastInstruction * 2;

    /// <summary>The locals mapping of a module or class body; for a function, a snapshot of
    /// its fast locals and cells (PyFrame_FastToLocals) — unbound ones are left out.</summary>
    [PyGetter("f_locals")]
    public PyDict Locals()
    {
        if (Frame.Locals is { } locals)
        {
            return locals;
        }
        var dict = new PyDict();
        var code = Frame.Code;
        var kinds = code.Code.LocalsPlusKinds;
        for (var i = 0; i < code.LocalsPlusNames.Length; i++)
        {
            var value = Frame.Slots[i];
            if (value is PyCell cell && i < kinds.Length && ((LocalKind)kinds[i] & (LocalKind.Cell | LocalKind.Free)) != 0)
            {
                value = cell.Contents;
            }
            if (value is not null)
            {
                dict.SetItem(code.LocalsPlusNames[i], value);
            }
        }
        return dict;
    }

    [PySlot("tp_repr")]
    public PyStr Repr() =>
        new($"<frame at 0x{RuntimeHelpers.GetHashCode(this):x}, file {Abstract.Ops.Repr(new PyStr(Frame.Code.Code.Filename)).Value}, line {Frame.LineNumber}, code {Frame.Code.Name.Value}>");
}
