// Objects/typeobject.c (object_methods: __reduce_ex__, __getstate__, __dir__, __format__)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

public partial class PyBaseObject
{
    [PyClassMethod("__subclasshook__")]
    public static PyObject SubclassHook(PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => PyNotImplemented.Value;

    [PyMethod("__format__")]
    public static PyObject FormatMethod(PyObject self, PyObject spec)
    {
        if (spec is not PyStr s)
        {
            throw PyErr.TypeError($"__format__() argument must be str, not {spec.Type.Name}");
        }
        return s.Value.Length > 0
            ? throw PyErr.TypeError($"unsupported format string passed to {self.Type.Name}.__format__")
            : Ops.Str(self);
    }

    /// <summary><c>object.__dir__</c>: the instance dict and the attributes of the class and
    /// its bases.</summary>
    [PyMethod("__dir__")]
    public static PyList DirMethod(PyObject self)
    {
        var names = new PyDict();
        if (Ops.TryGetAttr(self, PyStr.Intern("__dict__")) is PyDict dict)
        {
            MergeKeys(names, dict);
        }
        if (Ops.TryGetAttr(self, PyStr.Intern("__class__")) is { } cls)
        {
            MergeClassDict(names, cls);
        }
        return new PyList([.. names.Items().Select(kv => kv.Key)]);
    }

    private static void MergeKeys(PyDict into, PyObject mapping)
    {
        foreach (var key in Ops.Iterate(mapping))
        {
            into.SetItem(key, PyNone.Value);
        }
    }

    /// <summary><c>merge_class_dict</c>: a class's attributes and, recursively, its bases'.</summary>
    internal static void MergeClassDict(PyDict into, PyObject cls)
    {
        using var guard = Python.RecursionGuard.Enter(" in __dir__");
        if (Ops.TryGetAttr(cls, PyStr.Intern("__dict__")) is { } dict)
        {
            MergeKeys(into, dict);
        }
        if (Ops.TryGetAttr(cls, PyStr.Intern("__bases__")) is PyTuple bases)
        {
            foreach (var b in bases.Items)
            {
                MergeClassDict(into, b);
            }
        }
    }

    [PyMethod("__getstate__")]
    public static PyObject GetStateMethod(PyObject self) => DefaultState(self, required: false);

    [PyMethod("__reduce__")]
    public static PyObject ReduceMethod(PyObject self) => CommonReduce(self, 0);

    /// <summary><c>object.__reduce_ex__(protocol)</c>: a class's own <c>__reduce__</c> wins;
    /// otherwise protocol 2 and up build <c>copyreg.__newobj__</c> calls and older protocols
    /// go through <c>copyreg._reduce_ex</c>.</summary>
    [PyMethod("__reduce_ex__")]
    public static PyObject ReduceEx(PyObject self, int protocol)
    {
        var reduce = Ops.GetAttr(self, PyStr.Intern("__reduce__"));
        if (!ReferenceEquals(Ops.TryGetAttr(self.Type, PyStr.Intern("__reduce__")), TypeObject.Dict[PyStr.Intern("__reduce__")]))
        {
            return Ops.Call(reduce, [], null);
        }
        return CommonReduce(self, protocol);
    }

    private static PyObject CopyReg() => Python.Import.ImportModuleLevel(PyStr.Intern("copyreg"), null, null, 0);

    private static PyObject CommonReduce(PyObject self, int protocol) =>
        protocol >= 2 ? ReduceNewObj(self) : Ops.CallMethod(CopyReg(), "_reduce_ex", self, PyInt.From(protocol));

    /// <summary><c>reduce_newobj</c>.</summary>
    private static PyTuple ReduceNewObj(PyObject obj)
    {
        var type = obj.Type;
        if (type.Slots.New is null)
        {
            throw PyErr.TypeError($"cannot pickle '{type.Name}' object");
        }
        var (args, kwargs) = GetNewArguments(obj);
        var copyreg = CopyReg();
        PyObject newobj;
        PyTuple newargs;
        if (kwargs is null || kwargs.Count == 0)
        {
            newobj = Ops.GetAttr(copyreg, PyStr.Intern("__newobj__"));
            newargs = args is null ? new PyTuple([type]) : new PyTuple([type, .. args.Items]);
        }
        else
        {
            newobj = Ops.GetAttr(copyreg, PyStr.Intern("__newobj_ex__"));
            newargs = new PyTuple([type, args ?? PyTuple.Empty, kwargs]);
        }
        var isList = obj is PyList;
        var isDict = obj is PyDict;
        var state = GetState(obj, required: args is null && !isList && !isDict);
        var listItems = isList ? Ops.GetIter(obj) : PyNone.Value;
        var dictItems = isDict ? Ops.GetIter(Ops.CallMethod(obj, "items")) : PyNone.Value;
        return new PyTuple([newobj, newargs, state, listItems, dictItems]);
    }

    /// <summary><c>_PyObject_GetNewArguments</c>: from <c>__getnewargs_ex__</c> or
    /// <c>__getnewargs__</c>.</summary>
    private static (PyTuple? Args, PyDict? Kwargs) GetNewArguments(PyObject obj)
    {
        if (Ops.LookupSpecial(obj, PyStr.Intern("__getnewargs_ex__")) is { } getNewArgsEx)
        {
            var result = Ops.Call(getNewArgsEx, [], null);
            if (result is not PyTuple pair)
            {
                throw PyErr.TypeError($"__getnewargs_ex__ should return a tuple, not '{result.Type.Name}'");
            }
            if (pair.Count != 2)
            {
                throw PyErr.ValueError($"__getnewargs_ex__ should return a tuple of length 2, not {pair.Count}");
            }
            var args = pair[0] as PyTuple ?? throw PyErr.TypeError($"first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{pair[0].Type.Name}'");
            var kwargs = pair[1] as PyDict ?? throw PyErr.TypeError($"second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{pair[1].Type.Name}'");
            return (args, kwargs);
        }
        if (Ops.LookupSpecial(obj, PyStr.Intern("__getnewargs__")) is { } getNewArgs)
        {
            var result = Ops.Call(getNewArgs, [], null);
            return (result as PyTuple ?? throw PyErr.TypeError($"__getnewargs__ should return a tuple, not '{result.Type.Name}'"), null);
        }
        return (null, null);
    }

    /// <summary><c>_PyObject_GetState</c>: a class's own <c>__getstate__</c>, or the default.</summary>
    private static PyObject GetState(PyObject obj, bool required)
    {
        var getState = Ops.GetAttr(obj, PyStr.Intern("__getstate__"));
        return getState is PyBuiltinFunction { Name: "__getstate__" } f && ReferenceEquals(f.Self, obj)
            && ReferenceEquals(obj.Type.Lookup(PyStr.Intern("__getstate__")), TypeObject.Dict[PyStr.Intern("__getstate__")])
            ? DefaultState(obj, required)
            : Ops.Call(getState, [], null);
    }

    /// <summary><c>object_getstate_default</c>: the instance dict (None when empty), paired with
    /// the values of the <c>__slots__</c> that are set.</summary>
    private static PyObject DefaultState(PyObject obj, bool required)
    {
        // An object whose data lives in a builtin layout cannot be rebuilt from its dict alone.
        if (required && !(obj is PyBaseObject || obj.Type.HasFlag(TypeFlags.HeapType) && ReferenceEquals(obj.Type.SolidBase, TypeObject)))
        {
            throw PyErr.TypeError($"cannot pickle '{obj.Type.Name}' object");
        }
        PyObject state = obj.InstanceDict is { Count: > 0 } ? Ops.TryGetAttr(obj, PyStr.Intern("__dict__")) ?? PyNone.Value : PyNone.Value;
        var slotNames = Ops.CallMethod(CopyReg(), "_slotnames", obj.Type);
        if (slotNames is PyList { Count: > 0 } names)
        {
            var slots = new PyDict();
            foreach (var name in names.Items)
            {
                if (name is PyStr s && Ops.TryGetAttr(obj, s) is { } value)
                {
                    slots.SetItem(name, value);
                }
            }
            if (slots.Count > 0)
            {
                state = new PyTuple([state, slots]);
            }
        }
        return state;
    }
}
