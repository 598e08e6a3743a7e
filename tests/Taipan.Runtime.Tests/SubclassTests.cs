using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Tests;

/// <summary>Python subclasses of builtin types: instances are the builtin's C# class (so its
/// methods work on them) but not that exact class (so exact-type fast paths skip them).</summary>
public class SubclassTests
{
    private static PyType Subclass(PyType builtin, string name) =>
        PyType.CreateHeapType(PyType.TypeObject, name, [builtin], new PyDict());

    private static PyObject Make(PyType type, params PyObject[] args) => Ops.Call(type, args, null);

    [Fact]
    public void ListSubclassInstanceIsAListButNotAnExactOne()
    {
        var sub = Subclass(PyList.TypeObject, "L");
        var obj = Make(sub, PyTuple.Create(PyInt.From(1), PyInt.From(2)));
        var list = Assert.IsAssignableFrom<PyList>(obj);
        Assert.NotEqual(typeof(PyList), obj.GetType());
        Assert.Same(sub, obj.Type);
        Assert.Equal(2, list.Count);
        Assert.NotNull(obj.InstanceDict);
        Assert.Equal("[1, 2]", Ops.Repr(obj).Value);
        Assert.Equal(typeof(PyList), Make(PyList.TypeObject).GetType());
    }

    [Fact]
    public void ImmutableSubclassesKeepTheirValue()
    {
        var i = Make(Subclass(PyInt.TypeObject, "I"), PyInt.From(7));
        Assert.Equal("7", Ops.Repr(i).Value);
        Assert.Equal(typeof(PyInt), Ops.Add(i, PyInt.From(1)).GetType());
        var s = Make(Subclass(PyStr.TypeObject, "S"), new PyStr("ab"));
        Assert.Equal("ab", ((PyStr)s).Value);
        Assert.Equal(Ops.Hash(new PyStr("ab")), Ops.Hash(s));
        var t = Make(Subclass(PyTuple.TypeObject, "T"), new PyList([PyInt.From(1)]));
        Assert.Equal("(1,)", Ops.Repr(t).Value);
    }

    [Fact]
    public void DictSubclassWithoutMissingRaisesKeyError()
    {
        var sub = (PyType)Make(PyType.TypeObject, new PyStr("D"), PyTuple.Create(PyDict.TypeObject), new PyDict());
        var d = (PyDict)Make(sub);
        var e = Assert.Throws<Errors.PyException>(() => d.GetItem(new PyStr("k")));
        Assert.Same(PyExc.KeyError, e.Value.Type);
    }

    [Fact]
    public void BoolIsNotAnAcceptableBase()
    {
        var e = Assert.Throws<Errors.PyException>(() => Subclass(PyBool.TypeObject, "B"));
        Assert.Equal("type 'bool' is not an acceptable base type", Ops.Str(e.Value).Value);
    }
}
