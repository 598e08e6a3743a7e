// Python/bltinmodule.c (numbers)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    [PyMethod]
    public static PyObject Abs(PyObject x)
    {
        var slot = x.Type.Slots.Absolute ?? throw Errors.PyErr.TypeError($"bad operand type for abs(): '{x.Type.Name}'");
        return slot(x);
    }

    [PyMethod]
    public static PyObject DivMod(PyObject x, PyObject y) => Number.DivMod(x, y);

    [PyMethod(Keywords = true)]
    public static PyObject Pow(PyObject @base, PyObject exp, PyObject? mod = null) => Number.Power(@base, exp, mod ?? PyNone.Value);

    /// <summary><c>round(number, ndigits=None)</c>: calls the type's <c>__round__</c>.</summary>
    [PyMethod(Keywords = true)]
    public static PyObject Round(PyObject number, PyObject? ndigits = null)
    {
        var method = number.Type.Lookup(PyStr.Intern("__round__"))
            ?? throw Errors.PyErr.TypeError($"type {number.Type.Name} doesn't define __round__ method");
        return ndigits is null || ndigits is PyNone
            ? Ops.Call(method, [number], null)
            : Ops.Call(method, [number, ndigits], null);
    }

    [PyMethod]
    public static PyObject Bin(PyObject number) => new PyStr(Ops.Index(number).ToBaseString(2));

    [PyMethod]
    public static PyObject Oct(PyObject number) => new PyStr(Ops.Index(number).ToBaseString(8));

    [PyMethod]
    public static PyObject Hex(PyObject number) => new PyStr(Ops.Index(number).ToBaseString(16));

    [PyMethod]
    public static long Hash(PyObject obj) => Ops.Hash(obj);
}
