// Objects/typeobject.c (object.__sizeof__ and the sizes of the builtin layouts)
namespace Taipan.Runtime.Objects;

public partial class PyBaseObject
{
    /// <summary><c>object.__sizeof__()</c>: the size CPython 3.11 gives the object's layout on
    /// x86-64 (tp_basicsize plus its items), so programs that measure objects see familiar
    /// numbers. Types with variable parts (int, str, containers) count them as CPython does;
    /// list and bytearray count the spare capacity of this runtime's own buffers.</summary>
    /// <summary>Called by the type's InitializeExtra.</summary>
    private static void AddSizeOf(PyType t) =>
        // A method of every object whatever its C# class, so it is added by hand: the
        // generated methods cast their receiver to the declaring class.
        t.AddBuiltin("__sizeof__", new PyMethodDescriptor(t, "__sizeof__", static (self, args, kwnames) =>
        {
            Python.ArgParse.NoKeywords("__sizeof__", kwnames);
            Python.ArgParse.NoArguments("object.__sizeof__", args.Length);
            return PyInt.From(Sizes.Of(self));
        }, "Size of object in memory, in bytes."));
}

/// <summary>The sizes behind <c>__sizeof__</c> and <c>sys.getsizeof</c>.</summary>
public static class Sizes
{
    /// <summary>The size without the collector's header.</summary>
    public static long Of(PyObject o)
    {
        switch (o)
        {
            case PyInt i:
                var bits = System.Numerics.BigInteger.Abs(i.Value).GetBitLength();
                return 24 + 4 * Math.Max(1, (bits + 29) / 30);
            case PyFloat:
                return 24;
            case PyComplex:
                return 32;
            case PyStr s:
                return StrSize(s);
            case PyBytes b:
                return 33 + b.Data.Length;
            case PyByteArray ba:
                return 56 + (ba.Data.Length == 0 ? 0 : ba.Data.Length + 1);
            case PyTuple t:
                return 24 + 8L * t.Items.Length;
            case PyList l:
                return 40 + 8L * l.Capacity;
            case PyDict d:
                return DictSize(d);
            case PyAnySet set:
                return 200 + SetTable(set.Count) * 16L;
            case PyNone or PyEllipsis or PyNotImplemented:
                return 16;
            case PyRange:
                return 48;
            case PySlice:
                return 40;
            case PyMemoryView:
                return 168;
            case PyFunction:
                return 136;
            case PyModule:
                return 56;
            case PyBuiltinFunction:
                return 56;
            case PyMethod:
                return 32;
            case PyType t:
                return t.HasFlag(TypeFlags.HeapType) ? 1672 : 408;
            case PyGenBase:
                return 184;
        }
        if (o.Type.HasFlag(TypeFlags.HeapType) && o is PyInstance)
        {
            return 24;
        }
        return o.GetType().Name.EndsWith("Iterator", StringComparison.Ordinal) ? 32 : 16;
    }

    /// <summary>Whether CPython's collector tracks the type (its objects carry a 16-byte
    /// header that <c>sys.getsizeof</c> adds).</summary>
    public static bool HasGcHeader(PyObject o) => o.GetType() != typeof(PyBaseObject) && o switch
    {
        PyInt or PyFloat or PyComplex or PyStr or PyBytes or PyByteArray or PyNone or PyEllipsis or PyNotImplemented or PyRange => o.Type.HasFlag(TypeFlags.HeapType),
        _ => true,
    };

    /// <summary>The extra 16 bytes of a Python class's instance (its managed dict and weakref
    /// pointers before the object).</summary>
    public static long PreHeader(PyObject o) => o is PyInstance ? 16 : 0;

    private static long StrSize(PyStr s)
    {
        var max = 0;
        foreach (var r in s.Value.EnumerateRunes())
        {
            max = Math.Max(max, r.Value);
        }
        var n = s.CodePointCount;
        return max < 128 ? 49 + n : max < 256 ? 73 + n : max < 65536 ? 74 + 2L * n : 76 + 4L * n;
    }

    private static long DictSize(PyDict d)
    {
        var n = d.Length();
        if (n == 0)
        {
            return 48;
        }
        var size = 8L;
        while (size * 2 / 3 < n)
        {
            size *= 2;
        }
        var allStr = true;
        foreach (var (k, _) in d.Items())
        {
            if (k is not PyStr)
            {
                allStr = false;
                break;
            }
        }
        var indexBytes = size <= 128 ? 1 : size <= 0x10000 ? 2 : size <= 0x100000000 ? 4 : 8;
        return 48 + 32 + size * indexBytes + size * 2 / 3 * (allStr ? 16 : 24);
    }

    /// <summary>The hash table of a set of <paramref name="n"/> items grown as set_add grows it
    /// (0 while the 8-entry small table inside the object suffices).</summary>
    private static long SetTable(int n)
    {
        long size = 8;
        for (long fill = 1; fill <= n; fill++)
        {
            if (fill * 5 >= (size - 1) * 3)
            {
                var want = fill > 50000 ? fill * 2 : fill * 4;
                size = 8;
                while (size <= want)
                {
                    size *= 2;
                }
            }
        }
        return size == 8 ? 0 : size;
    }
}
