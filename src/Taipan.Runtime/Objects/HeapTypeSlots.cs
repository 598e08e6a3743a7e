// Objects/typeobject.c (slot_tp_repr, slot_nb_add, ...: slots of classes defined in Python)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary>
/// The slot functions of classes defined in Python: each looks the special method up on the
/// instance's type and calls it. A slot gets one of these when a class along the MRO defines
/// the method in Python; where the method found is a builtin's slot wrapper, the builtin's own
/// slot is inherited directly, and where it is None, the slot is cleared (<c>__hash__ = None</c>).
/// </summary>
internal static class HeapTypeSlots
{
    private delegate void Installer(PyType type, bool python, TypeSlots? builtin);

    private static readonly Dictionary<string, Installer> s_installers = new()
    {
        ["__repr__"] = (t, py, b) => t.Slots.Repr = py ? static self => CallUnary(self, "__repr__") : b?.Repr,
        ["__str__"] = (t, py, b) => t.Slots.Str = py ? static self => CallUnary(self, "__str__") : b?.Str,
        ["__hash__"] = (t, py, b) => t.Slots.Hash = py ? HashSlot : b?.Hash,
        ["__call__"] = (t, py, b) => t.Slots.Call = py ? static (self, args, kw) => CallMethod(self, "__call__", args, kw) : b?.Call,
        ["__iter__"] = (t, py, b) => t.Slots.Iter = py ? static self => CallUnary(self, "__iter__") : b?.Iter,
        ["__next__"] = (t, py, b) => t.Slots.IterNext = py ? NextSlot : b?.IterNext,
        ["__bool__"] = (t, py, b) => t.Slots.Bool = py ? BoolSlot : b?.Bool,
        ["__len__"] = (t, py, b) => t.Slots.Length = py ? LengthSlot : b?.Length,
        ["__getitem__"] = (t, py, b) => t.Slots.GetItem = py ? static (self, key) => CallMethod(self, "__getitem__", [key], null) : b?.GetItem,
        ["__contains__"] = (t, py, b) => t.Slots.Contains = py ? static (self, item) => Ops.IsTrue(CallMethod(self, "__contains__", [item], null)) : b?.Contains,
        ["__get__"] = (t, py, b) => t.Slots.DescrGet = py ? static (self, inst, owner) => CallMethod(self, "__get__", [inst ?? (PyObject)PyNone.Value, owner ?? (PyObject)PyNone.Value], null) : b?.DescrGet,
        ["__init__"] = (t, py, b) => t.Slots.Init = py ? InitSlot : b?.Init,
        ["__new__"] = (t, py, b) => t.Slots.New = py ? NewSlot : b?.New,
        ["__neg__"] = (t, py, b) => t.Slots.Negative = py ? static self => CallUnary(self, "__neg__") : b?.Negative,
        ["__index__"] = (t, py, b) => t.Slots.Index = py ? static self => CallUnary(self, "__index__") : b?.Index,
        ["__pos__"] = (t, py, b) => t.Slots.Positive = py ? static self => CallUnary(self, "__pos__") : b?.Positive,
        ["__abs__"] = (t, py, b) => t.Slots.Absolute = py ? static self => CallUnary(self, "__abs__") : b?.Absolute,
        ["__invert__"] = (t, py, b) => t.Slots.Invert = py ? static self => CallUnary(self, "__invert__") : b?.Invert,
        ["__int__"] = (t, py, b) => t.Slots.Int = py ? static self => CallUnary(self, "__int__") : b?.Int,
        ["__float__"] = (t, py, b) => t.Slots.Float = py ? static self => CallUnary(self, "__float__") : b?.Float,
        ["__iadd__"] = (t, py, b) => t.Slots.InPlaceAdd = py ? static (self, o) => CallMethod(self, "__iadd__", [o], null) : b?.InPlaceAdd,
        ["__isub__"] = (t, py, b) => t.Slots.InPlaceSubtract = py ? static (self, o) => CallMethod(self, "__isub__", [o], null) : b?.InPlaceSubtract,
        ["__imul__"] = (t, py, b) => t.Slots.InPlaceMultiply = py ? static (self, o) => CallMethod(self, "__imul__", [o], null) : b?.InPlaceMultiply,
        ["__iand__"] = (t, py, b) => t.Slots.InPlaceAnd = py ? static (self, o) => CallMethod(self, "__iand__", [o], null) : b?.InPlaceAnd,
        ["__ior__"] = (t, py, b) => t.Slots.InPlaceOr = py ? static (self, o) => CallMethod(self, "__ior__", [o], null) : b?.InPlaceOr,
        ["__ixor__"] = (t, py, b) => t.Slots.InPlaceXor = py ? static (self, o) => CallMethod(self, "__ixor__", [o], null) : b?.InPlaceXor,
    };

    private static readonly string[] s_compareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    private static readonly (string Op, string ROp, Action<TypeSlots, BinarySlot?> Set, Func<TypeSlots, BinarySlot?> Get)[] s_binary =
    [
        ("__add__", "__radd__", static (s, v) => s.Add = v, static s => s.Add),
        ("__sub__", "__rsub__", static (s, v) => s.Subtract = v, static s => s.Subtract),
        ("__mul__", "__rmul__", static (s, v) => s.Multiply = v, static s => s.Multiply),
        ("__mod__", "__rmod__", static (s, v) => s.Remainder = v, static s => s.Remainder),
        ("__floordiv__", "__rfloordiv__", static (s, v) => s.FloorDivide = v, static s => s.FloorDivide),
        ("__truediv__", "__rtruediv__", static (s, v) => s.TrueDivide = v, static s => s.TrueDivide),
        ("__and__", "__rand__", static (s, v) => s.And = v, static s => s.And),
        ("__or__", "__ror__", static (s, v) => s.Or = v, static s => s.Or),
        ("__xor__", "__rxor__", static (s, v) => s.Xor = v, static s => s.Xor),
        ("__lshift__", "__rlshift__", static (s, v) => s.LShift = v, static s => s.LShift),
        ("__rshift__", "__rrshift__", static (s, v) => s.RShift = v, static s => s.RShift),
        ("__matmul__", "__rmatmul__", static (s, v) => s.MatrixMultiply = v, static s => s.MatrixMultiply),
        ("__divmod__", "__rdivmod__", static (s, v) => s.Divmod = v, static s => s.Divmod),
    ];

    /// <summary>Every special method that feeds a slot.</summary>
    public static IEnumerable<string> Dunders() =>
        s_installers.Keys.Concat(s_compareNames).Concat(s_binary.SelectMany(b => new[] { b.Op, b.ROp }))
            .Concat(["__pow__", "__rpow__", "__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__setitem__", "__delitem__", "__set__", "__delete__"]);

    public static bool Affects(string dunder) =>
        s_installers.ContainsKey(dunder) || s_compareNames.Contains(dunder) || s_binary.Any(b => b.Op == dunder || b.ROp == dunder)
        || dunder is "__pow__" or "__rpow__" or "__getattr__" or "__getattribute__" or "__setattr__" or "__delattr__" or "__setitem__" or "__delitem__" or "__set__" or "__delete__";

    /// <summary>Recomputes the slot(s) that <paramref name="dunder"/> stands for on <paramref name="type"/>.</summary>
    public static void Install(PyType type, string dunder)
    {
        if (s_installers.TryGetValue(dunder, out var installer))
        {
            var (python, builtin) = Resolve(type, dunder);
            installer(type, python, builtin);
            return;
        }
        if (s_compareNames.Contains(dunder))
        {
            var python = s_compareNames.Any(n => Resolve(type, n).Python);
            type.Slots.RichCompare = python ? RichCompareSlot : type.Base!.Slots.RichCompare;
            return;
        }
        foreach (var (op, rop, set, get) in s_binary)
        {
            if (dunder == op || dunder == rop)
            {
                var python = Resolve(type, op).Python || Resolve(type, rop).Python;
                set(type.Slots, python ? BinarySlotFor(op, rop, get) : get(type.Base!.Slots));
                return;
            }
        }
        switch (dunder)
        {
            case "__getattr__" or "__getattribute__":
                type.Slots.GetAttr = Resolve(type, "__getattr__").Python || Resolve(type, "__getattribute__").Python
                    ? GetAttrSlot
                    : type.Base!.Slots.GetAttr;
                break;
            case "__setattr__" or "__delattr__":
                type.Slots.SetAttr = Resolve(type, "__setattr__").Python || Resolve(type, "__delattr__").Python
                    ? SetAttrSlot
                    : type.Base!.Slots.SetAttr;
                break;
            case "__setitem__" or "__delitem__":
                type.Slots.SetItem = Resolve(type, "__setitem__").Python || Resolve(type, "__delitem__").Python
                    ? static (self, key, value) => _ = value is null ? CallMethod(self, "__delitem__", [key], null) : CallMethod(self, "__setitem__", [key, value], null)
                    : type.Base!.Slots.SetItem;
                break;
            case "__pow__" or "__rpow__":
                type.Slots.Power = Resolve(type, "__pow__").Python || Resolve(type, "__rpow__").Python
                    ? s_powSlot
                    : type.Base!.Slots.Power;
                break;
            case "__set__" or "__delete__":
                type.Slots.DescrSet = Resolve(type, "__set__").Python || Resolve(type, "__delete__").Python
                    ? static (self, inst, value) => _ = value is null ? CallMethod(self, "__delete__", [inst], null) : CallMethod(self, "__set__", [inst, value], null)
                    : type.Base!.Slots.DescrSet;
                break;
        }
    }

    /// <summary>Whether the MRO's definition of <paramref name="name"/> is Python code (true), or
    /// else the slots of the builtin type whose slot wrapper (or absence) it is.</summary>
    private static (bool Python, TypeSlots? Builtin) Resolve(PyType type, string name)
    {
        var value = type.Lookup(PyStr.Intern(name));
        return value switch
        {
            null => (false, type.Base!.Slots),
            PyNone => (false, null),
            // A builtin's slot stands in only for the special method it wraps: __str__ =
            // int.__repr__ (ReprEnum does this) must call int's repr, not int's str.
            PyWrapperDescriptor w when w.Name == name => (false, w.Owner.Slots),
            _ => (true, null),
        };
    }

    private static PyObject CallMethod(PyObject self, string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var method = self.Type.Lookup(PyStr.Intern(name)) ?? throw PyErr.NoAttribute(self, PyStr.Intern(name));
        var all = new PyObject[args.Length + 1];
        all[0] = self;
        args.CopyTo(all.AsSpan(1));
        // Bind through the descriptor protocol unless it is a plain function.
        if (method is PyFunction)
        {
            return Ops.Call(method, all, kwnames);
        }
        var get = method.Type.Slots.DescrGet;
        var bound = get is null ? method : get(method, self, self.Type);
        return Ops.Call(bound, args, kwnames);
    }

    private static PyObject CallUnary(PyObject self, string name) => CallMethod(self, name, [], null);

    private static long HashSlot(PyObject self)
    {
        var r = CallUnary(self, "__hash__");
        if (r is not PyInt i)
        {
            throw PyErr.TypeError("__hash__ method should return an integer");
        }
        // Large results are reduced as int's own hash reduces them.
        return i.IsSmall && i.Small != -1 ? i.Small : i.Hash();
    }

    private static PyObject? NextSlot(PyObject self)
    {
        try
        {
            return CallUnary(self, "__next__");
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
            return null;
        }
    }

    private static bool BoolSlot(PyObject self)
    {
        var r = CallUnary(self, "__bool__");
        return r is PyBool b ? b.IsTrue : throw PyErr.TypeError($"__bool__ should return bool, returned {r.Type.Name}");
    }

    private static long LengthSlot(PyObject self)
    {
        var r = CallUnary(self, "__len__");
        var i = r as PyInt ?? throw PyErr.TypeError($"'{r.Type.Name}' object cannot be interpreted as an integer");
        if (i.Value.Sign < 0)
        {
            throw PyErr.ValueError("__len__() should return >= 0");
        }
        return i.IsSmall ? i.Small : throw PyErr.OverflowError("cannot fit 'int' into an index-sized integer");
    }

    private static void InitSlot(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var r = CallMethod(self, "__init__", args, kwnames);
        if (r is not PyNone)
        {
            throw PyErr.TypeError($"__init__() should return None, not '{r.Type.Name}'");
        }
    }

    private static PyObject NewSlot(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var @new = type.Lookup(PyStr.Intern("__new__"))!;
        var func = @new is PyStaticMethod sm ? sm.Callable : @new;
        var all = new PyObject[args.Length + 1];
        all[0] = type;
        args.CopyTo(all.AsSpan(1));
        return Ops.Call(func, all, kwnames);
    }

    private static PyObject RichCompareSlot(PyObject self, PyObject other, CompareOp op)
    {
        var name = s_compareNames[(int)op];
        var method = self.Type.Lookup(PyStr.Intern(name));
        if (method is null or PyNone)
        {
            return PyNotImplemented.Value;
        }
        if (method is PyWrapperDescriptor w)
        {
            return w.Owner.Slots.RichCompare!(self, other, op);
        }
        return CallMethod(self, name, [other], null);
    }

    /// <summary><c>SLOT1BINFULL</c>: the left operand's <c>__op__</c>, or the right operand's
    /// <c>__rop__</c>, with a subclass's reflected method tried first.</summary>
    private static readonly TernarySlot s_powSlot = PowSlot;

    /// <summary><c>slot_nb_power</c>: <c>__pow__</c> of the left operand, <c>__rpow__</c> of the
    /// right (first when its type is a subclass); a modulus only goes to <c>__pow__</c>.</summary>
    private static PyObject PowSlot(PyObject v, PyObject w, PyObject z)
    {
        var vt = v.Type;
        var wt = w.Type;
        var doOther = z is PyNone && !ReferenceEquals(vt, wt) && ReferenceEquals(wt.Slots.Power, s_powSlot) && Defines(wt, "__rpow__");
        if (ReferenceEquals(vt.Slots.Power, s_powSlot) && Defines(vt, "__pow__"))
        {
            if (doOther && wt.IsSubtypeOf(vt))
            {
                var r = CallMethod(w, "__rpow__", [v], null);
                if (r is not PyNotImplemented)
                {
                    return r;
                }
                doOther = false;
            }
            var x = z is PyNone ? CallMethod(v, "__pow__", [w], null) : CallMethod(v, "__pow__", [w, z], null);
            if (x is not PyNotImplemented || ReferenceEquals(vt, wt))
            {
                return x;
            }
        }
        return doOther ? CallMethod(w, "__rpow__", [v], null) : PyNotImplemented.Value;
    }

    private static BinarySlot BinarySlotFor(string op, string rop, Func<TypeSlots, BinarySlot?> get)
    {
        BinarySlot? self = null;
        self = (left, right) =>
        {
            var lt = left.Type;
            var rt = right.Type;
            var doOther = !ReferenceEquals(lt, rt) && ReferenceEquals(get(rt.Slots), self) && Defines(rt, rop);
            if (ReferenceEquals(get(lt.Slots), self) && Defines(lt, op))
            {
                if (doOther && rt.IsSubtypeOf(lt))
                {
                    var r = CallMethod(right, rop, [left], null);
                    if (r is not PyNotImplemented)
                    {
                        return r;
                    }
                    doOther = false;
                }
                var x = CallMethod(left, op, [right], null);
                if (x is not PyNotImplemented || ReferenceEquals(lt, rt))
                {
                    return x;
                }
            }
            return doOther ? CallMethod(right, rop, [left], null) : PyNotImplemented.Value;
        };
        return self;
    }

    private static bool Defines(PyType type, string name) => type.Lookup(PyStr.Intern(name)) is { } v and not PyNone;

    private static PyObject? GetAttrSlot(PyObject self, PyStr name)
    {
        var type = self.Type;
        PyObject? result;
        try
        {
            var getattribute = type.Lookup(PyStr.Intern("__getattribute__"));
            result = getattribute is PyWrapperDescriptor w
                ? w.Owner.Slots.GetAttr!(self, name)
                : CallMethod(self, "__getattribute__", [name], null);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.AttributeError) && type.Lookup(PyStr.Intern("__getattr__")) is not null)
        {
            result = null;
        }
        if (result is null && type.Lookup(PyStr.Intern("__getattr__")) is not null)
        {
            // An AttributeError it raises propagates with its own message.
            return CallMethod(self, "__getattr__", [name], null);
        }
        return result;
    }

    private static void SetAttrSlot(PyObject self, PyStr name, PyObject? value)
    {
        if (value is null)
        {
            CallMethod(self, "__delattr__", [name], null);
        }
        else
        {
            CallMethod(self, "__setattr__", [name, value], null);
        }
    }
}
