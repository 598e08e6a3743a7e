// Python/marshal.c
using System.Numerics;
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Runtime.Python;

/// <summary><c>marshal</c>: the runtime face of <see cref="Marshal"/>, converting between
/// runtime objects and the constant representation the serializer works on.</summary>
[PyModule("marshal", Doc = "This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.")]
public static partial class MarshalModule
{
    static partial void Initialize(PyModule module) => module.AddBuiltin("version", PyInt.From(Marshal.Version));

    [PyMethod]
    public static PyBytes Dumps(PyObject value, long version = Marshal.Version) =>
        new(Run(() => Marshal.Dumps(new ToConstant().Convert(value, 0), (int)version)));

    [PyMethod]
    public static PyObject Loads(PyObject bytes)
    {
        var data = PyBytes.Buffer(bytes).ToArray();
        return new FromConstant().Convert(Run(() => Marshal.Loads(data)));
    }

    [PyMethod]
    public static void Dump(PyObject value, PyObject file, long version = Marshal.Version) =>
        Ops.CallMethod(file, "write", Dumps(value, version));

    /// <summary><c>load(file)</c>: reads the rest of the file, takes one value and seeks back
    /// over what it did not use.</summary>
    [PyMethod]
    public static PyObject Load(PyObject file)
    {
        var data = PyBytes.Buffer(Ops.CallMethod(file, "read")).ToArray();
        var consumed = 0;
        var value = Run(() => Marshal.Load(data, out consumed));
        if (consumed < data.Length)
        {
            Ops.CallMethod(file, "seek", PyInt.From(consumed - data.Length), PyInt.From(1));
        }
        return new FromConstant().Convert(value);
    }

    /// <summary>Runs the serializer, turning its exceptions into the runtime's.</summary>
    private static T Run<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (PythonException e)
        {
            var type = PyExc.All.FirstOrDefault(t => t.Name == e.PythonType) ?? PyExc.SystemError;
            throw PyErr.New(type, e.Message);
        }
    }

    /// <summary>Runtime objects to constants, one constant per object so that an object met twice
    /// is written once and referenced after, as CPython writes it.</summary>
    internal sealed class ToConstant
    {
        private readonly Dictionary<PyObject, object?> _seen = new(ReferenceEqualityComparer.Instance);

        public object? Convert(PyObject o, int depth)
        {
            if (depth > Marshal.MaxDepth)
            {
                throw PyErr.ValueError("object too deeply nested to marshal");
            }
            switch (o)
            {
                case PyNone:
                    return ConstantSingleton.None;
                case PyEllipsis:
                    return ConstantSingleton.Ellipsis;
                case PyBool b:
                    return ReferenceEquals(b, PyBool.True);
                case PyInt i:
                    return i.IsSmall ? i.Small : i.Value;
                case PyFloat f:
                    return f.Value;
                case PyComplex c:
                    return new Complex(c.Real, c.Imag);
                case PyStr s:
                    return s.Value;
            }
            if (ReferenceEquals(o, PyExc.StopIteration))
            {
                return MarshalStopIteration.Instance;
            }
            if (_seen.TryGetValue(o, out var done))
            {
                return done;
            }
            object? result;
            switch (o)
            {
                case PyBytes b:
                    result = b.Data.ToArray();
                    break;
                case PyByteArray ba:
                    result = ba.Data.ToArray();
                    break;
                case PyTuple t:
                    var items = new object?[t.Count];
                    for (var k = 0; k < items.Length; k++)
                    {
                        items[k] = Convert(t[k], depth + 1);
                    }
                    result = new ConstantTuple(items);
                    break;
                case PyList l:
                    var list = new MarshalList(l.Count);
                    foreach (var x in l.Items.ToArray())
                    {
                        list.Add(Convert(x, depth + 1));
                    }
                    result = list;
                    break;
                case PyDict d:
                    var dict = new MarshalDict();
                    foreach (var (k, v) in d.Items().ToArray())
                    {
                        dict.Set(Convert(k, depth + 1), Convert(v, depth + 1));
                    }
                    result = dict;
                    break;
                case PyFrozenSet fs:
                    result = new ConstantFrozenSet(Ops.Iterate(fs).ToArray().Select(x => Convert(x, depth + 1)).ToArray());
                    break;
                case PySet set:
                    var ms = new MarshalSet();
                    foreach (var x in Ops.Iterate(set).ToArray())
                    {
                        ms.Add(Convert(x, depth + 1));
                    }
                    result = ms;
                    break;
                case PyCode code:
                    result = code.Code;
                    break;
                default:
                    throw PyErr.ValueError("unmarshallable object");
            }
            _seen[o] = result;
            return result;
        }
    }

    /// <summary>Values the serializer read as runtime objects; a value read once and referenced
    /// after (TYPE_REF) stays one object.</summary>
    private sealed class FromConstant
    {
        private readonly Dictionary<object, PyObject> _seen = new(ReferenceEqualityComparer.Instance);

        public PyObject Convert(object? value)
        {
            if (value is ConstantTuple or ConstantFrozenSet or MarshalList or MarshalSet or MarshalDict or byte[] or CodeObject
                && _seen.TryGetValue(value, out var done))
            {
                return done;
            }
            PyObject result = value switch
            {
                MarshalStopIteration => PyExc.StopIteration,
                int i => PyInt.From(i),
                long l => PyInt.From(l),
                byte[] b => new PyBytes(b),
                string s => new PyStr(s),
                ConstantTuple t => new PyTuple(Array.ConvertAll(t.AsSpan().ToArray(), Convert)),
                ConstantFrozenSet f => PyFrozenSet.FromConstant(f.Select(Convert).ToArray()),
                MarshalList l => new PyList(l.Select(Convert).ToArray()),
                MarshalSet s => SetOf(s),
                MarshalDict d => DictOf(d),
                _ => PyCode.ConvertConstant(value),
            };
            if (value is not null and not string and not int and not long and not MarshalStopIteration)
            {
                _seen[value] = result;
            }
            return result;
        }

        private PySet SetOf(MarshalSet items)
        {
            var set = new PySet();
            foreach (var x in items)
            {
                set.AddItem(Convert(x));
            }
            return set;
        }

        private PyDict DictOf(MarshalDict items)
        {
            var dict = new PyDict();
            foreach (var (k, v) in items)
            {
                dict.SetItem(Convert(k), Convert(v));
            }
            return dict;
        }
    }
}
