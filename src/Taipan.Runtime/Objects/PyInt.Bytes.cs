// Objects/longobject.c (int.to_bytes, int.from_bytes)
using System.Numerics;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

public partial class PyInt
{
    private static bool LittleEndian(string function, PyObject byteorder) =>
        Python.Codecs.StrArg(function, "byteorder", 2, byteorder) switch
        {
            "little" => true,
            "big" => false,
            _ => throw PyErr.ValueError("byteorder must be either 'little' or 'big'"),
        };

    [PyMethod("to_bytes", Keywords = true)]
    public PyBytes ToBytes(long length = 1, PyObject? byteorder = null, [KeywordOnly] bool signed = false)
    {
        var little = byteorder is not null && LittleEndian("to_bytes", byteorder);
        if (length < 0)
        {
            throw PyErr.ValueError("length argument must be non-negative");
        }
        var v = Value;
        if (!signed && v.Sign < 0)
        {
            throw PyErr.OverflowError("can't convert negative int to unsigned");
        }
        var raw = v.ToByteArray(isUnsigned: !signed, isBigEndian: false);
        if (v.IsZero)
        {
            raw = [];
        }
        if (raw.Length > length)
        {
            throw PyErr.OverflowError("int too big to convert");
        }
        var result = new byte[length];
        raw.CopyTo(result, 0);
        if (v.Sign < 0)
        {
            result.AsSpan(raw.Length).Fill(0xFF);
        }
        if (!little)
        {
            Array.Reverse(result);
        }
        return new PyBytes(result);
    }

    [PyClassMethod("from_bytes", Keywords = true)]
    public static PyObject FromBytes(PyType type, PyObject bytes, PyObject? byteorder = null, [KeywordOnly] bool signed = false)
    {
        var little = byteorder is not null && LittleEndian("from_bytes", byteorder);
        if (bytes is PyStr)
        {
            throw PyErr.TypeError("cannot convert 'str' object to bytes");
        }
        var data = PyBytes.BufferOf(bytes, out var ok);
        var copy = ok ? data.ToArray() : ((PyBytes)PyBytes.New(PyBytes.TypeObject, [bytes], null)).Data.ToArray();
        var value = new BigInteger(copy, isUnsigned: !signed, isBigEndian: !little);
        var result = From(value);
        return type == TypeObject ? result : Abstract.Ops.Call(type, [result], null);
    }
}
