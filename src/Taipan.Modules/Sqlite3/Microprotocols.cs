// Modules/_sqlite/microprotocols.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Sqlite3;

/// <summary>The adapter registry of PEP 246 as the module uses it.</summary>
internal static class Microprotocols
{
    public static void Add(PyObject type, PyObject proto, PyObject adapter) =>
        Sqlite3Module.Adapters.SetItem(PyTuple.Create(type, proto), adapter);

    /// <summary>pysqlite_microprotocols_adapt: a registered adapter, the protocol's
    /// <c>__adapt__</c>, the object's <c>__conform__</c>, else <paramref name="alt"/>.</summary>
    public static PyObject Adapt(PyObject obj, PyObject proto, PyObject? alt)
    {
        if (Sqlite3Module.Adapters.TryGetValue(PyTuple.Create(obj.Type, proto), out var adapter))
        {
            return Ops.Call(adapter, [obj], null);
        }
        if (Ops.TryGetAttr(proto, PyStr.Intern("__adapt__")) is { } adaptMethod && TryCall(adaptMethod, obj) is { } adapted)
        {
            return adapted;
        }
        if (Ops.TryGetAttr(obj, PyStr.Intern("__conform__")) is { } conform && TryCall(conform, proto) is { } conformed)
        {
            return conformed;
        }
        return alt ?? throw PyErr.New(Sqlite3Module.ProgrammingError, "can't adapt");
    }

    /// <summary>The result, or null for None and for a TypeError (the next way is tried).</summary>
    private static PyObject? TryCall(PyObject method, PyObject arg)
    {
        try
        {
            var result = Ops.Call(method, [arg], null);
            return result is PyNone ? null : result;
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            return null;
        }
    }
}
