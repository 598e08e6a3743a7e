// Python/bltinmodule.c (strings)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>format(value, format_spec='')</c>.</summary>
    [PyMethod]
    public static PyStr Format(PyObject value, PyStr? format_spec = null) => Ops.Format(value, format_spec ?? PyStr.Empty);

    [PyMethod]
    public static PyStr Ascii(PyObject obj) => Ops.Ascii(obj);

    [PyMethod]
    public static PyStr Chr(PyObject i)
    {
        if (i is not PyInt && i.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"'{i.Type.Name}' object cannot be interpreted as an integer");
        }
        var n = Ops.Index(i);
        if (!n.IsSmall || n.Small is < int.MinValue or > int.MaxValue)
        {
            throw Errors.PyErr.OverflowError("Python int too large to convert to C int");
        }
        if (n.Small is < 0 or > 0x10ffff)
        {
            throw Errors.PyErr.ValueError("chr() arg not in range(0x110000)");
        }
        return PyStr.FromCodePoint((int)n.Small);
    }

    [PyMethod]
    public static long Ord(PyObject c)
    {
        // A bytes or bytearray of length 1 gives its byte, as in CPython.
        if (c is PyBytes or PyByteArray)
        {
            var data = BufferProtocol.Read(c);
            return data.Length == 1 ? data[0] : throw Errors.PyErr.TypeError($"ord() expected a character, but string of length {data.Length} found");
        }
        if (c is not PyStr s)
        {
            throw Errors.PyErr.TypeError($"ord() expected string of length 1, but {c.Type.Name} found");
        }
        if (s.CodePointCount != 1)
        {
            throw Errors.PyErr.TypeError($"ord() expected a character, but string of length {s.CodePointCount} found");
        }
        var i = 0;
        return PyStr.NextCodePoint(s.Value, ref i);
    }
}
