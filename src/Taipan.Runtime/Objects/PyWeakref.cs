// Objects/weakrefobject.c
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// The weak references of one referent, in CPython's list order (the shared basic ref, the
/// shared basic proxy, then the others newest first). It is the value of a
/// <see cref="ConditionalWeakTable{TKey,TValue}"/> keyed by the referent, so it becomes garbage
/// exactly when the referent does; its finalizer then queues it, and the callbacks run later on
/// an interpreter thread (<see cref="WeakRefs.RunPendingCallbacks"/>), never on the finalizer
/// thread. The references themselves are held weakly: a weakref that dies first has its
/// callback dropped, as in CPython.
/// </summary>
internal sealed class WeakRefList
{
    // GC handles rather than WeakReference objects: those have finalizers of their own, which
    // would run together with this list's and drop the references before their callbacks run.
    public readonly List<GCHandle> Refs = [];

    ~WeakRefList()
    {
        if (!Environment.HasShutdownStarted)
        {
            WeakRefs.Dead.Enqueue(this);
            Volatile.Write(ref WeakRefs.Pending, 1);
        }
    }

    public static PyWeakReference? TargetOf(GCHandle h) => h.Target as PyWeakReference;

    /// <summary>Frees the handles of references that died.</summary>
    public void Prune()
    {
        for (var i = Refs.Count - 1; i >= 0; i--)
        {
            if (Refs[i].Target is null)
            {
                Refs[i].Free();
                Refs.RemoveAt(i);
            }
        }
    }

    /// <summary>The live references, pruning dead entries.</summary>
    public List<PyWeakReference> Live()
    {
        lock (Refs)
        {
            Prune();
            var live = new List<PyWeakReference>(Refs.Count);
            foreach (var h in Refs)
            {
                if (TargetOf(h) is { } r)
                {
                    live.Add(r);
                }
            }
            return live;
        }
    }

    /// <summary>The live references, and the list emptied (its referent died).</summary>
    public List<PyWeakReference> Drain()
    {
        lock (Refs)
        {
            var live = Live();
            foreach (var h in Refs)
            {
                h.Free();
            }
            Refs.Clear();
            return live;
        }
    }
}

/// <summary>The registry of weak references and the queue of referents that died.</summary>
public static class WeakRefs
{
    private static readonly ConditionalWeakTable<PyObject, WeakRefList> s_lists = new();
    internal static readonly ConcurrentQueue<WeakRefList> Dead = new();
    internal static int Pending;
    private static int s_running;

    /// <summary>Whether instances of the type can be weakly referenced (tp_weaklistoffset).</summary>
    public static bool Supports(PyType type) => type.HasFlag(TypeFlags.Weakrefable);

    internal static WeakRefList? ListOf(PyObject o) => s_lists.TryGetValue(o, out var l) ? l : null;

    internal static WeakRefList GetOrCreateList(PyObject o) => s_lists.GetValue(o, static _ => new WeakRefList());

    /// <summary>Collects garbage fully, waits for the finalizers (which queue the dead
    /// referents), then runs the callbacks: what <c>gc.collect()</c> does.</summary>
    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        RunPendingCallbacks();
    }

    /// <summary>Calls the callbacks of the references whose referents died, oldest death first,
    /// each list's callbacks in list order; errors are reported as unraisable. Called at safe
    /// points on an interpreter thread (weakref creation and calls, <c>gc.collect()</c>).</summary>
    public static void RunPendingCallbacks()
    {
        if (Volatile.Read(ref Pending) == 0 || Interlocked.Exchange(ref s_running, 1) != 0)
        {
            return;
        }
        try
        {
            Volatile.Write(ref Pending, 0);
            while (Dead.TryDequeue(out var list))
            {
                GC.SuppressFinalize(list);
                foreach (var r in list.Drain())
                {
                    if (r.TakeCallback() is { } callback)
                    {
                        CallCallback(callback, r);
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref s_running, 0);
        }
    }

    private static void CallCallback(PyObject callback, PyWeakReference r)
    {
        try
        {
            Ops.Call(callback, [r], null);
        }
        catch (PyException e)
        {
            string what;
            try
            {
                what = Ops.Repr(callback).Value;
            }
            catch (PyException)
            {
                what = "<object repr() failed>";
            }
            SysModule.Write("stderr", $"Exception ignored in: {what}\n");
            SysModule.Write("stderr", Traceback.Format(e.Value));
        }
    }

    /// <summary>The referent of a live reference or proxy, checked to be weakly referenceable.</summary>
    internal static void CheckReferent(PyObject o)
    {
        if (!Supports(o.Type))
        {
            throw PyErr.TypeError($"cannot create weak reference to '{TypeName(o.Type)}' object");
        }
    }

    /// <summary>CPython's <c>tp_name</c>: builtin types outside builtins carry their module.</summary>
    internal static string TypeName(PyType t) =>
        t.HasFlag(TypeFlags.HeapType) || t.Module == "builtins" || t.Name.Contains('.') ? t.Name : $"{t.Module}.{t.Name}";

    internal static string Address(PyObject o) => $"0x{Builtins.Id(o):x}";

    /// <summary><c>_weakref.getweakrefcount</c>.</summary>
    public static long Count(PyObject o) => Supports(o.Type) && ListOf(o) is { } l ? l.Live().Count : 0;

    /// <summary><c>_weakref.getweakrefs</c>: the references in list order.</summary>
    public static PyList All(PyObject o)
    {
        var result = new PyList();
        if (Supports(o.Type) && ListOf(o) is { } l)
        {
            foreach (var r in l.Live())
            {
                result.Append(r);
            }
        }
        return result;
    }

    /// <summary>A new reference or proxy to <paramref name="referent"/>, or the shared basic one
    /// when there is no callback and <paramref name="basic"/> finds it (weakref___new__ and
    /// PyWeakref_NewProxy).</summary>
    internal static PyWeakReference Create(PyObject referent, PyObject? callback, Func<PyWeakReference, bool> isBasic, Func<PyWeakReference> make)
    {
        CheckReferent(referent);
        RunPendingCallbacks();
        var list = GetOrCreateList(referent);
        lock (list.Refs)
        {
            list.Prune();
            var basicRef = -1;
            var basicProxy = -1;
            for (var i = 0; i < list.Refs.Count && i < 2; i++)
            {
                if (WeakRefList.TargetOf(list.Refs[i]) is { IsBasic: true } r)
                {
                    if (r is PyWeakProxy)
                    {
                        basicProxy = i;
                    }
                    else
                    {
                        basicRef = i;
                    }
                    if (callback is null && isBasic(r))
                    {
                        return r;
                    }
                }
            }
            var made = make();
            made.Attach(referent, callback);
            var entry = GCHandle.Alloc(made, GCHandleType.Weak);
            if (made.IsBasic && made is not PyWeakProxy)
            {
                list.Refs.Insert(0, entry);
            }
            else if (made.IsBasic)
            {
                list.Refs.Insert(basicRef + 1, entry);
            }
            else
            {
                list.Refs.Insert(Math.Max(basicRef, basicProxy) + 1, entry);
            }
            return made;
        }
    }

    internal static PyException DeadReferent() => PyErr.New(PyExc.ReferenceError, "weakly-referenced object no longer exists");
}

/// <summary><c>weakref.ReferenceType</c> (<c>weakref.ref</c>): calling it gives the referent,
/// or None once the referent died.</summary>
[PyType("ReferenceType", Module = "weakref", Subclassable = true, InstanceType = true, Generic = true)]
public partial class PyWeakReference : PySubclassableObject
{
    private WeakReference<PyObject>? _referent;
    private PyObject? _callback;
    private long _hash = -1;

    protected PyWeakReference(PyType type) : base(type)
    {
    }

    /// <summary>The shared reference without callback (CPython's basic ref / proxy), made by
    /// the exact type.</summary>
    internal bool IsBasic { get; private set; }

    internal void Attach(PyObject referent, PyObject? callback)
    {
        _referent = new WeakReference<PyObject>(referent);
        _callback = callback;
        IsBasic = callback is null && (Type == TypeObject || this is PyWeakProxy);
    }

    /// <summary>The referent, or null when it died.</summary>
    public PyObject? Target => _referent is not null && _referent.TryGetTarget(out var o) ? o : null;

    /// <summary>The callback, cleared as it is taken when the referent died.</summary>
    internal PyObject? TakeCallback()
    {
        _referent?.SetTarget(null!);
        var cb = _callback;
        _callback = null;
        return cb;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.CheckPositional("__new__", args.Length - (kwnames?.Count ?? 0), 1, 2);
        var referent = args[0];
        var callback = args.Length - (kwnames?.Count ?? 0) > 1 && args[1] is not PyNone ? args[1] : null;
        return WeakRefs.Create(referent, callback, r => r.GetType() == typeof(PyWeakReference) && type == TypeObject,
            () => new PyWeakReference(type));
    }

    /// <summary>Accepts what <c>__new__</c> accepted (subclasses pass their own arguments on).</summary>
    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        ArgParse.CheckPositional("__init__", args.Length - (kwnames?.Count ?? 0), 1, 2);

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("weakref", kwnames);
        ArgParse.CheckPositional("weakref", args.Length, 0, 0);
        WeakRefs.RunPendingCallbacks();
        return Target ?? PyNone.Value;
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        if (_hash != -1)
        {
            return _hash;
        }
        var o = Target ?? throw PyErr.TypeError("weak object has gone away");
        return _hash = Ops.Hash(o);
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || left is not PyWeakReference a || right is not PyWeakReference b
            || a is PyWeakProxy || b is PyWeakProxy)
        {
            return PyNotImplemented.Value;
        }
        var x = a.Target;
        var y = b.Target;
        if (x is null || y is null)
        {
            return PyBool.From(ReferenceEquals(a, b) == (op == CompareOp.Eq));
        }
        return Ops.RichCompare(x, y, op);
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        if (Target is not { } o)
        {
            return new PyStr($"<weakref at {WeakRefs.Address(this)}; dead>");
        }
        var name = Ops.TryGetAttr(o, PyStr.Intern("__name__")) as PyStr;
        var text = $"<weakref at {WeakRefs.Address(this)}; to '{WeakRefs.TypeName(o.Type)}' at {WeakRefs.Address(o)}";
        return new PyStr(name is null ? text + ">" : $"{text} ({name.Value})>");
    }

    [PyGetter("__callback__")]
    public PyObject Callback() => _callback ?? PyNone.Value;
}

/// <summary><c>weakref.ProxyType</c>: a reference that forwards every operation to its referent
/// and raises ReferenceError once the referent died.</summary>
[PyType("ProxyType", Module = "weakref", InstanceType = true, Unhashable = true)]
public partial class PyWeakProxy : PyWeakReference
{
    protected PyWeakProxy(PyType type) : base(type)
    {
    }

    /// <summary><c>_weakref.proxy(object, callback=None)</c>.</summary>
    public static PyWeakReference Create(PyObject referent, PyObject? callback)
    {
        var callable = referent.Type.Slots.Call is not null;
        return WeakRefs.Create(referent, callback, static r => r is PyWeakProxy,
            callable ? () => new PyWeakCallableProxy() : () => new PyWeakProxy(TypeObject));
    }

    /// <summary>The referent of a proxy operand (UNWRAP), other operands as they are.</summary>
    internal static PyObject Unwrap(PyObject o) =>
        o is PyWeakProxy p ? p.Target ?? throw WeakRefs.DeadReferent() : o;

    private PyObject Referent => Target ?? throw WeakRefs.DeadReferent();

    [PySlot("tp_repr")]
    public new PyStr Repr()
    {
        var o = Target;
        var typeName = o is null ? "NoneType" : WeakRefs.TypeName(o.Type);
        return new PyStr($"<weakproxy at {WeakRefs.Address(this)} to {typeName} at {WeakRefs.Address(o ?? PyNone.Value)}>");
    }

    [PySlot("tp_str")]
    public PyStr Str() => Ops.Str(Referent);

    [PySlot("tp_getattro")]
    public PyObject? GetAttr(PyStr name) => Ops.TryGetAttr(Referent, name);

    [PySlot("tp_setattro")]
    public void SetAttr(PyStr name, PyObject? value) => Ops.SetAttr(Referent, name, value);

    [PySlot("tp_richcompare")]
    public static new PyObject RichCompare(PyObject left, PyObject right, CompareOp op) => Ops.RichCompare(Unwrap(left), Unwrap(right), op);

    [PySlot("tp_iter")]
    public PyObject Iter() => Ops.GetIter(Referent);

    [PySlot("tp_iternext")]
    public PyObject? IterNext()
    {
        var o = Referent;
        if (o.Type.Slots.IterNext is not { } next)
        {
            throw PyErr.TypeError($"Weakref proxy referenced a non-iterator '{WeakRefs.TypeName(o.Type)}' object");
        }
        return next(o);
    }

    [PySlot("nb_bool")]
    public bool Bool() => Ops.IsTrue(Referent);

    [PySlot("sq_length")]
    public long Length() => Builtins.Len(Referent);

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        var o = Referent;
        if (o.Type.Slots.Contains is { } contains)
        {
            return contains(o, item);
        }
        foreach (var x in Ops.Iterate(o))
        {
            if (ReferenceEquals(x, item) || Ops.RichCompareBool(x, item, CompareOp.Eq))
            {
                return true;
            }
        }
        return false;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        var o = Referent;
        return o.Type.Slots.GetItem is { } get ? get(o, key)
            : throw PyErr.TypeError($"'{WeakRefs.TypeName(o.Type)}' object is not subscriptable");
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        var o = Referent;
        if (o.Type.Slots.SetItem is not { } set)
        {
            throw PyErr.TypeError(value is null
                ? $"'{WeakRefs.TypeName(o.Type)}' object does not support item deletion"
                : $"'{WeakRefs.TypeName(o.Type)}' object does not support item assignment");
        }
        set(o, key, value);
    }

    [PyMethod("__bytes__")]
    public PyObject Bytes() => Ops.Call(PyBytes.TypeObject, [Referent], null);

    [PyMethod("__reversed__")]
    public PyObject Reversed() => Ops.Call(PyReversed.TypeObject, [Referent], null);

    [PySlot("nb_add")]
    public static PyObject Add(PyObject a, PyObject b) => Ops.Add(Unwrap(a), Unwrap(b));

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject a, PyObject b) => Ops.Subtract(Unwrap(a), Unwrap(b));

    [PySlot("nb_multiply")]
    public static PyObject Multiply(PyObject a, PyObject b) => Ops.Multiply(Unwrap(a), Unwrap(b));

    [PySlot("nb_remainder")]
    public static PyObject Remainder(PyObject a, PyObject b) => Ops.Remainder(Unwrap(a), Unwrap(b));

    [PySlot("nb_divmod")]
    public static PyObject Divmod(PyObject a, PyObject b) => Number.DivMod(Unwrap(a), Unwrap(b));

    [PySlot("nb_power")]
    public static PyObject Power(PyObject a, PyObject b, PyObject c) => Number.Power(Unwrap(a), Unwrap(b), Unwrap(c));

    [PySlot("nb_lshift")]
    public static PyObject LShift(PyObject a, PyObject b) => Ops.LShift(Unwrap(a), Unwrap(b));

    [PySlot("nb_rshift")]
    public static PyObject RShift(PyObject a, PyObject b) => Ops.RShift(Unwrap(a), Unwrap(b));

    [PySlot("nb_and")]
    public static PyObject And(PyObject a, PyObject b) => Ops.And(Unwrap(a), Unwrap(b));

    [PySlot("nb_xor")]
    public static PyObject Xor(PyObject a, PyObject b) => Ops.Xor(Unwrap(a), Unwrap(b));

    [PySlot("nb_or")]
    public static PyObject Or(PyObject a, PyObject b) => Ops.Or(Unwrap(a), Unwrap(b));

    [PySlot("nb_floor_divide")]
    public static PyObject FloorDivide(PyObject a, PyObject b) => Ops.FloorDivide(Unwrap(a), Unwrap(b));

    [PySlot("nb_true_divide")]
    public static PyObject TrueDivide(PyObject a, PyObject b) => Ops.TrueDivide(Unwrap(a), Unwrap(b));

    [PySlot("nb_matrix_multiply")]
    public static PyObject MatrixMultiply(PyObject a, PyObject b) => Ops.MatrixMultiply(Unwrap(a), Unwrap(b));

    /// <summary>The in-place operators: the referent's in-place slot when it has one (the
    /// result, not the proxy, is what the statement binds), else the binary operator.</summary>
    private static PyObject InPlace(PyObject a, PyObject b, Func<TypeSlots, BinarySlot?> slot, Func<PyObject, PyObject, PyObject> binary)
    {
        var x = Unwrap(a);
        var y = Unwrap(b);
        if (slot(x.Type.Slots) is { } f && f(x, y) is var r && r is not PyNotImplemented)
        {
            return r;
        }
        return binary(x, y);
    }

    [PySlot("nb_inplace_add")]
    public static PyObject InPlaceAdd(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceAdd, Ops.Add);

    [PySlot("nb_inplace_subtract")]
    public static PyObject InPlaceSubtract(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceSubtract, Ops.Subtract);

    [PySlot("nb_inplace_multiply")]
    public static PyObject InPlaceMultiply(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceMultiply, Ops.Multiply);

    [PySlot("nb_inplace_remainder")]
    public static PyObject InPlaceRemainder(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceRemainder, Ops.Remainder);

    [PySlot("nb_inplace_power")]
    public static PyObject InPlacePower(PyObject a, PyObject b, PyObject c) => Number.Power(Unwrap(a), Unwrap(b), Unwrap(c));

    [PySlot("nb_inplace_lshift")]
    public static PyObject InPlaceLShift(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceLShift, Ops.LShift);

    [PySlot("nb_inplace_rshift")]
    public static PyObject InPlaceRShift(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceRShift, Ops.RShift);

    [PySlot("nb_inplace_and")]
    public static PyObject InPlaceAnd(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceAnd, Ops.And);

    [PySlot("nb_inplace_xor")]
    public static PyObject InPlaceXor(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceXor, Ops.Xor);

    [PySlot("nb_inplace_or")]
    public static PyObject InPlaceOr(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceOr, Ops.Or);

    [PySlot("nb_inplace_floor_divide")]
    public static PyObject InPlaceFloorDivide(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceFloorDivide, Ops.FloorDivide);

    [PySlot("nb_inplace_true_divide")]
    public static PyObject InPlaceTrueDivide(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceTrueDivide, Ops.TrueDivide);

    [PySlot("nb_inplace_matrix_multiply")]
    public static PyObject InPlaceMatrixMultiply(PyObject a, PyObject b) => InPlace(a, b, static s => s.InPlaceMatrixMultiply, Ops.MatrixMultiply);

    [PySlot("nb_negative")]
    public PyObject Negative() => Ops.Negative(Referent);

    [PySlot("nb_positive")]
    public PyObject Positive() => Ops.Unary(Referent, static s => s.Positive, "+");

    [PySlot("nb_absolute")]
    public PyObject Absolute() => Ops.Unary(Referent, static s => s.Absolute, "abs()");

    [PySlot("nb_invert")]
    public PyObject Invert() => Ops.Unary(Referent, static s => s.Invert, "~");

    [PySlot("nb_int")]
    public PyObject Int() => Ops.Call(PyInt.TypeObject, [Referent], null);

    [PySlot("nb_float")]
    public PyObject Float() => Ops.Call(PyFloat.TypeObject, [Referent], null);

    [PySlot("nb_index")]
    public PyObject Index() => Ops.Index(Referent);
}

/// <summary><c>weakref.CallableProxyType</c>: the proxy of a callable referent.</summary>
[PyType("CallableProxyType", Module = "weakref", Base = typeof(PyWeakProxy), InstanceType = true, Unhashable = true)]
public sealed partial class PyWeakCallableProxy : PyWeakProxy
{
    internal PyWeakCallableProxy() : base(TypeObject)
    {
    }

    [PySlot("tp_call")]
    public new PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Ops.Call(Target ?? throw WeakRefs.DeadReferent(), args, kwnames);

    /// <summary>In CPython both proxy types derive from object alone; this one borrows the
    /// other's slots through the C# base and takes object back as its only base.</summary>
    static PyWeakCallableProxy() => TypeObject.SetBuiltinBases([PyBaseObject.TypeObject], [TypeObject, PyBaseObject.TypeObject]);
}
