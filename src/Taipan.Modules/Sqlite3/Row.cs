// Modules/_sqlite/row.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Sqlite3;

/// <summary><c>sqlite3.Row</c>: a row that can also be indexed by column name
/// (case-insensitively for ASCII names).</summary>
[PyType("sqlite3.Row", Module = "sqlite3", FromSpec = true, Subclassable = true, InstanceType = true)]
public sealed partial class PyRow : PySubclassableObject
{
    private readonly PyTuple _data;
    private readonly PyObject _description;

    private PyRow(PyType type, PyTuple data, PyObject description) : base(type)
    {
        _data = data;
        _description = description;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("Row", kwnames);
        ArgParse.CheckPositional("Row", args.Length, 2, 2);
        var cursor = args[0] as PyCursor ?? throw PyErr.TypeError($"Row() argument 1 must be sqlite3.Cursor, not {Util.ArgType(args[0])}");
        var data = args[1] as PyTuple ?? throw PyErr.TypeError($"Row() argument 2 must be tuple, not {Util.ArgType(args[1])}");
        return new PyRow(type, data, cursor.Description());
    }

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
    }

    private static bool EqualIgnoreCase(PyObject left, PyObject right)
    {
        if (Ops.RichCompareBool(left, right, CompareOp.Eq))
        {
            return true;
        }
        if (left is not PyStr a || right is not PyStr b || a.Value.Length != b.Value.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Value.Length; i++)
        {
            char x = a.Value[i], y = b.Value[i];
            if (x >= 0x80 || y >= 0x80)
            {
                return false;
            }
            if (char.ToLowerInvariant(x) != char.ToLowerInvariant(y))
            {
                return false;
            }
        }
        return true;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PyInt || key.Type.Slots.Index is not null && key is not PyStr)
        {
            if (key is PyFloat)
            {
                throw PyErr.IndexError("Index must be int or string");
            }
            var i = Ops.Index(key);
            var n = _data.Count;
            long index = i.IsSmall ? i.Small : throw PyErr.IndexError("cannot fit 'int' into an index-sized integer");
            if (index < 0)
            {
                index += n;
            }
            if (index < 0 || index >= n)
            {
                throw PyErr.IndexError("tuple index out of range");
            }
            return _data[(int)index];
        }
        if (key is PyStr)
        {
            if (_description is PyTuple description)
            {
                for (var i = 0; i < description.Count; i++)
                {
                    var name = Ops.GetItem(description[i], PyInt.From(0));
                    if (EqualIgnoreCase(key, name))
                    {
                        return _data[i];
                    }
                }
            }
            throw PyErr.IndexError("No item with that key");
        }
        if (key is PySlice)
        {
            return _data.GetItem(key);
        }
        throw PyErr.IndexError("Index must be int or string");
    }

    [PySlot("mp_length")]
    public long Length() => _data.Count;

    [PyMethod("keys", Doc = "Returns the keys of the row.")]
    public PyObject Keys()
    {
        var list = new PyList();
        if (_description is PyTuple description)
        {
            for (var i = 0; i < description.Count; i++)
            {
                list.Append(Ops.GetItem(description[i], PyInt.From(0)));
            }
        }
        return list;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => Ops.GetIter(_data);

    [PySlot("tp_hash")]
    public long Hash() => Ops.Hash(_description) ^ Ops.Hash(_data);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || left is not PyRow a || right is not PyRow b)
        {
            return PyNotImplemented.Value;
        }
        var eq = Ops.RichCompareBool(a._description, b._description, CompareOp.Eq);
        if (!eq)
        {
            return PyBool.From(op == CompareOp.Ne);
        }
        return Ops.RichCompare(a._data, b._data, op);
    }
}
