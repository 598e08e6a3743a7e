// Objects/abstract.c, Objects/object.c
using System.Runtime.CompilerServices;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Abstract;

/// <summary>The object protocols: what <c>repr(o)</c>, <c>hash(o)</c>, <c>a + b</c>,
/// <c>a &lt; b</c>, <c>o.name</c> and <c>f(*args)</c> do, through the types' slots.</summary>
public static class Ops
{
    public static PyStr Repr(PyObject o)
    {
        var slot = o.Type.Slots.Repr ?? throw PyErr.TypeError($"'{o.Type.Name}' object has no __repr__");
        return slot(o) as PyStr ?? throw PyErr.TypeError($"__repr__ returned non-string (type {slot(o).Type.Name})");
    }

    /// <summary><c>ascii(o)</c>: the repr with non-ASCII characters escaped.</summary>
    public static PyStr Ascii(PyObject o)
    {
        var r = Repr(o).Value;
        var sb = new System.Text.StringBuilder(r.Length);
        for (var i = 0; i < r.Length; i++)
        {
            int c = r[i];
            if (c < 0x80)
            {
                sb.Append((char)c);
                continue;
            }
            if (char.IsHighSurrogate(r[i]) && i + 1 < r.Length && char.IsLowSurrogate(r[i + 1]))
            {
                c = char.ConvertToUtf32(r[i], r[i + 1]);
                i++;
            }
            sb.Append(c <= 0xff ? $"\\x{c:x2}" : c <= 0xffff ? $"\\u{c:x4}" : $"\\U{c:x8}");
        }
        return new PyStr(sb.ToString());
    }

    /// <summary><c>format(value, spec)</c>: calls <c>__format__</c>; with an empty spec, str().</summary>
    public static PyStr Format(PyObject value, PyStr? spec)
    {
        if (Python.FormatterUnicode.FormatBuiltin(value, spec?.Value ?? "") is { } builtin)
        {
            return builtin;
        }
        if (spec is null || spec.Value.Length == 0)
        {
            if (value is PyStr s && s.GetType() == typeof(PyStr))
            {
                return s;
            }
            if (value.Type.Lookup(PyStr.Intern("__format__")) is null)
            {
                return Str(value);
            }
        }
        var format = value.Type.Lookup(PyStr.Intern("__format__"))
            ?? throw PyErr.TypeError($"unsupported format string passed to {value.Type.Name}.__format__");
        var r = Call(format, [value, spec ?? PyStr.Empty], null);
        return r as PyStr ?? throw PyErr.TypeError($"__format__ must return a str, not {r.Type.Name}");
    }

    public static PyStr Str(PyObject o)
    {
        if (o.GetType() == typeof(PyStr))
        {
            return (PyStr)o;
        }
        var slot = o.Type.Slots.Str ?? o.Type.Slots.Repr!;
        var r = slot(o);
        return r as PyStr ?? throw PyErr.TypeError($"__str__ returned non-string (type {r.Type.Name})");
    }

    public static long Hash(PyObject o)
    {
        // Exact str only: a subclass may define __hash__.
        if (o.GetType() == typeof(PyStr))
        {
            return Unsafe.As<PyStr>(o).Hash;
        }
        var slot = o.Type.Slots.Hash ?? throw PyErr.TypeError($"unhashable type: '{o.Type.Name}'");
        return slot(o);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTrue(PyObject o)
    {
        if (o is PyBool b)
        {
            return b.IsTrue;
        }
        if (ReferenceEquals(o, PyNone.Value))
        {
            return false;
        }
        return IsTrueSlow(o);
    }

    private static bool IsTrueSlow(PyObject o)
    {
        var slots = o.Type.Slots;
        if (slots.Bool is { } b)
        {
            return b(o);
        }
        if (slots.Length is { } len)
        {
            return len(o) != 0;
        }
        return true;
    }

    /// <summary><c>operator.index</c>: the int an object stands for.</summary>
    public static PyInt Index(PyObject o)
    {
        if (o is PyInt i)
        {
            return i;
        }
        var slot = o.Type.Slots.Index ?? throw PyErr.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        return slot(o) as PyInt ?? throw PyErr.TypeError($"__index__ returned non-int (type {slot(o).Type.Name})");
    }

    // ---- attributes ----

    /// <summary><c>getattr(o, name)</c>: raises AttributeError when missing.</summary>
    public static PyObject GetAttr(PyObject o, PyStr name)
    {
        var slot = o.Type.Slots.GetAttr;
        return (slot is null ? GenericGetAttr(o, name) : slot(o, name)) ?? throw PyErr.NoAttribute(o, name);
    }

    /// <summary><c>_PyObject_LookupAttr</c>: null when the attribute is missing. Lookups report
    /// a miss by returning null; an AttributeError raised on the way (by <c>__getattr__</c>, a
    /// property, a getter) is a miss too.</summary>
    public static PyObject? TryGetAttr(PyObject o, PyStr name)
    {
        try
        {
            var slot = o.Type.Slots.GetAttr;
            return slot is null ? GenericGetAttr(o, name) : slot(o, name);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.AttributeError))
        {
            return null;
        }
    }

    public static void SetAttr(PyObject o, PyStr name, PyObject? value)
    {
        var slot = o.Type.Slots.SetAttr ?? throw PyErr.TypeError($"'{o.Type.Name}' object has no attributes (assign to .{name.Value})");
        slot(o, name, value);
    }

    /// <summary><c>PyObject_GenericGetAttr</c>: data descriptors of the type, then the instance
    /// dict, then other descriptors and plain class attributes; null when none has it.</summary>
    public static PyObject? GenericGetAttr(PyObject o, PyStr name)
    {
        var type = o.Type;
        if (o is PyType t)
        {
            return TypeGetAttr(t, name);
        }
        var descr = type.Lookup(name);
        DescrGetSlot? get = null;
        if (descr is not null)
        {
            var dslots = descr.Type.Slots;
            get = dslots.DescrGet;
            if (get is not null && dslots.DescrSet is not null)
            {
                return get(descr, o, type);
            }
        }
        if (o.InstanceDict is { } dict && dict.TryGetValue(name, out var value))
        {
            return value;
        }
        if (get is not null)
        {
            return get(descr!, o, type);
        }
        return descr;
    }

    /// <summary><c>type_getattro</c>: the metatype's data descriptors, then the class's MRO
    /// (with descriptors bound to no instance), then the metatype's other attributes.</summary>
    private static PyObject? TypeGetAttr(PyType t, PyStr name)
    {
        var meta = t.Type;
        var metaAttr = meta.Lookup(name);
        DescrGetSlot? metaGet = null;
        if (metaAttr is not null)
        {
            var ms = metaAttr.Type.Slots;
            metaGet = ms.DescrGet;
            if (metaGet is not null && ms.DescrSet is not null)
            {
                return metaGet(metaAttr, t, meta);
            }
        }
        var attr = t.Lookup(name);
        if (attr is not null)
        {
            var get = attr.Type.Slots.DescrGet;
            return get is null ? attr : get(attr, null, t);
        }
        if (metaGet is not null)
        {
            return metaGet(metaAttr!, t, meta);
        }
        return metaAttr;
    }

    public static void GenericSetAttr(PyObject o, PyStr name, PyObject? value)
    {
        var descr = o.Type.Lookup(name);
        if (descr?.Type.Slots.DescrSet is { } set)
        {
            set(descr, o, value);
            return;
        }
        var dict = o.InstanceDict;
        if (dict is null)
        {
            throw descr is null
                ? PyErr.AttributeError($"'{o.Type.Name}' object has no attribute '{name.Value}'")
                : PyErr.AttributeError($"'{o.Type.Name}' object attribute '{name.Value}' is read-only");
        }
        if (value is not null)
        {
            dict.SetItem(name, value);
        }
        else if (!dict.Remove(name))
        {
            throw PyErr.NoAttribute(o, name);
        }
        if (o is PyType t)
        {
            t.Modified();
        }
    }

    /// <summary><c>_PyObject_LookupSpecial</c>: a special method looked up on the type and
    /// bound to <paramref name="obj"/>; null when the type has none.</summary>
    public static PyObject? LookupSpecial(PyObject obj, PyStr name)
    {
        var descr = obj.Type.Lookup(name);
        if (descr is null)
        {
            return null;
        }
        return descr.Type.Slots.DescrGet is { } get ? get(descr, obj, obj.Type) : descr;
    }

    /// <summary><c>PyObject_IsInstance</c>: <c>isinstance(obj, classinfo)</c> with tuples,
    /// unions and <c>__instancecheck__</c>.</summary>
    public static bool IsInstance(PyObject obj, PyObject classInfo)
    {
        if (ReferenceEquals(obj.Type, classInfo))
        {
            return true;
        }
        // type's own __instancecheck__ is known.
        if (classInfo is PyType t && ReferenceEquals(t.Type, PyType.TypeObject))
        {
            return ObjectIsInstance(obj, t);
        }
        if (classInfo is PyUnion union)
        {
            classInfo = union.Args;
        }
        if (classInfo is PyTuple tuple)
        {
            using var guard = Python.RecursionGuard.Enter(" in __instancecheck__");
            foreach (var item in tuple.Items)
            {
                if (IsInstance(obj, item))
                {
                    return true;
                }
            }
            return false;
        }
        if (LookupSpecial(classInfo, PyStr.Intern("__instancecheck__")) is { } checker)
        {
            using var guard = Python.RecursionGuard.Enter(" in __instancecheck__");
            return IsTrue(Call(checker, [obj], null));
        }
        return ObjectIsInstance(obj, classInfo);
    }

    /// <summary><c>object_isinstance</c>: the default check, which also honours an instance's
    /// <c>__class__</c> attribute (proxies) and classes that are not types but have
    /// <c>__bases__</c>.</summary>
    public static bool ObjectIsInstance(PyObject obj, PyObject cls)
    {
        if (cls is PyType type)
        {
            if (obj.Type.IsSubtypeOf(type))
            {
                return true;
            }
            return TryGetAttr(obj, PyStr.Intern("__class__")) is PyType icls && !ReferenceEquals(icls, obj.Type) && icls.IsSubtypeOf(type);
        }
        CheckClass(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return TryGetAttr(obj, PyStr.Intern("__class__")) is { } c && AbstractIsSubclass(c, cls);
    }

    /// <summary><c>PyObject_IsSubclass</c>: <c>issubclass(cls, classinfo)</c>.</summary>
    public static bool IsSubclass(PyObject derived, PyObject classInfo)
    {
        if (classInfo is PyType t && ReferenceEquals(t.Type, PyType.TypeObject))
        {
            return ReferenceEquals(derived, classInfo) || RecursiveIsSubclass(derived, classInfo);
        }
        if (classInfo is PyUnion union)
        {
            classInfo = union.Args;
        }
        if (classInfo is PyTuple tuple)
        {
            using var guard = Python.RecursionGuard.Enter(" in __subclasscheck__");
            foreach (var item in tuple.Items)
            {
                if (IsSubclass(derived, item))
                {
                    return true;
                }
            }
            return false;
        }
        if (LookupSpecial(classInfo, PyStr.Intern("__subclasscheck__")) is { } checker)
        {
            using var guard = Python.RecursionGuard.Enter(" in __subclasscheck__");
            return IsTrue(Call(checker, [derived], null));
        }
        return RecursiveIsSubclass(derived, classInfo);
    }

    /// <summary><c>recursive_issubclass</c>: the default check.</summary>
    public static bool RecursiveIsSubclass(PyObject derived, PyObject cls)
    {
        if (cls is PyType t && derived is PyType d)
        {
            return d.IsSubtypeOf(t);
        }
        CheckClass(derived, "issubclass() arg 1 must be a class");
        if (cls is not PyUnion)
        {
            CheckClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return AbstractIsSubclass(derived, cls);
    }

    private static PyTuple? AbstractBases(PyObject cls) => TryGetAttr(cls, PyStr.Intern("__bases__")) as PyTuple;

    private static void CheckClass(PyObject cls, string message)
    {
        if (AbstractBases(cls) is null)
        {
            throw PyErr.TypeError(message);
        }
    }

    /// <summary><c>abstract_issubclass</c>: walks <c>__bases__</c> depth first.</summary>
    private static bool AbstractIsSubclass(PyObject derived, PyObject cls)
    {
        using var guard = Python.RecursionGuard.Enter(" in __subclasscheck__");
        while (true)
        {
            if (ReferenceEquals(derived, cls))
            {
                return true;
            }
            if (AbstractBases(derived) is not { Count: > 0 } bases)
            {
                return false;
            }
            if (bases.Count == 1)
            {
                derived = bases[0];
                continue;
            }
            foreach (var b in bases.Items)
            {
                if (AbstractIsSubclass(b, cls))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary><c>PySequence_Contains</c>: <c>item in container</c>, by iteration when the
    /// container has no <c>__contains__</c>.</summary>
    public static bool Contains(PyObject container, PyObject item)
    {
        if (container.Type.Slots.Contains is { } contains)
        {
            return contains(container, item);
        }
        foreach (var x in Iterate(container))
        {
            if (RichCompareBool(x, item, CompareOp.Eq))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>PyObject_Size</c>: <c>len(o)</c>.</summary>
    public static long Length(PyObject o) =>
        (o.Type.Slots.Length ?? throw PyErr.TypeError($"object of type '{o.Type.Name}' has no len()"))(o);

    /// <summary><c>PyObject_GetItem</c>: <c>o[key]</c>.</summary>
    public static PyObject GetItem(PyObject container, PyObject key) =>
        container.Type.Slots.GetItem is { } get ? get(container, key) : PyType.ClassGetItem(container, key);

    // ---- calls ----

    public static PyObject Call(PyObject callable, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var slot = callable.Type.Slots.Call ?? throw PyErr.TypeError($"'{callable.Type.Name}' object is not callable");
        return slot(callable, args, kwnames);
    }

    public static PyObject CallMethod(PyObject self, string name, params ReadOnlySpan<PyObject> args) =>
        Call(GetAttr(self, PyStr.Intern(name)), args, null);

    // ---- comparisons ----

    private static readonly string[] s_compareSymbols = ["<", "<=", "==", "!=", ">", ">="];

    private static CompareOp Swapped(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };

    /// <summary><c>do_richcompare</c> without the final fallback: the reflected operation goes
    /// first when the right operand's type is a proper subclass that overrides it.</summary>
    public static PyObject RichCompareSlot(PyObject v, PyObject w, CompareOp op)
    {
        var vt = v.Type;
        var wt = w.Type;
        var checkedReverse = false;
        if (!ReferenceEquals(vt, wt) && wt.IsSubtypeOf(vt) && wt.Slots.RichCompare is { } wslot)
        {
            checkedReverse = true;
            var r = wslot(w, v, Swapped(op));
            if (r is not PyNotImplemented)
            {
                return r;
            }
        }
        if (vt.Slots.RichCompare is { } vslot)
        {
            var r = vslot(v, w, op);
            if (r is not PyNotImplemented)
            {
                return r;
            }
        }
        if (!checkedReverse && wt.Slots.RichCompare is { } rslot)
        {
            return rslot(w, v, Swapped(op));
        }
        return PyNotImplemented.Value;
    }

    public static PyObject RichCompare(PyObject v, PyObject w, CompareOp op)
    {
        var r = RichCompareSlot(v, w, op);
        if (r is not PyNotImplemented)
        {
            return r;
        }
        return op switch
        {
            CompareOp.Eq => PyBool.From(ReferenceEquals(v, w)),
            CompareOp.Ne => PyBool.From(!ReferenceEquals(v, w)),
            _ => throw PyErr.TypeError($"'{s_compareSymbols[(int)op]}' not supported between instances of '{v.Type.Name}' and '{w.Type.Name}'"),
        };
    }

    /// <summary><c>PyObject_RichCompareBool</c>: identity implies equality, as CPython assumes
    /// for containers.</summary>
    public static bool RichCompareBool(PyObject v, PyObject w, CompareOp op)
    {
        if (ReferenceEquals(v, w))
        {
            if (op == CompareOp.Eq)
            {
                return true;
            }
            if (op == CompareOp.Ne)
            {
                return false;
            }
        }
        var r = RichCompare(v, w, op);
        return r is PyBool b ? b.IsTrue : IsTrue(r);
    }

    /// <summary>Lexicographic comparison of two sequences, as lists and tuples compare.</summary>
    public static PyObject CompareSequences(ReadOnlySpan<PyObject> a, ReadOnlySpan<PyObject> b, CompareOp op)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        for (; i < n; i++)
        {
            if (!RichCompareBool(a[i], b[i], CompareOp.Eq))
            {
                break;
            }
        }
        if (i >= n)
        {
            var c = a.Length.CompareTo(b.Length);
            return PyBool.From(op switch
            {
                CompareOp.Lt => c < 0,
                CompareOp.Le => c <= 0,
                CompareOp.Eq => c == 0,
                CompareOp.Ne => c != 0,
                CompareOp.Gt => c > 0,
                _ => c >= 0,
            });
        }
        return op switch
        {
            CompareOp.Eq => PyBool.False,
            CompareOp.Ne => PyBool.True,
            _ => RichCompare(a[i], b[i], op),
        };
    }

    // ---- numbers ----

    /// <summary><c>binary_op1</c>: the left operand's slot, or the right's first when its type
    /// is a subclass of the left's with its own slot; NotImplemented when neither applies.</summary>
    public static PyObject BinaryOp1(PyObject v, PyObject w, Func<TypeSlots, BinarySlot?> select)
    {
        var vt = v.Type;
        var wt = w.Type;
        var slotv = select(vt.Slots);
        var slotw = ReferenceEquals(vt, wt) ? null : select(wt.Slots);
        if (ReferenceEquals(slotw, slotv))
        {
            slotw = null;
        }
        if (slotv is not null)
        {
            if (slotw is not null && wt.IsSubtypeOf(vt))
            {
                var r = slotw(v, w);
                if (r is not PyNotImplemented)
                {
                    return r;
                }
                slotw = null;
            }
            var x = slotv(v, w);
            if (x is not PyNotImplemented)
            {
                return x;
            }
        }
        return slotw is not null ? slotw(v, w) : PyNotImplemented.Value;
    }

    private static PyException UnsupportedOperands(string op, PyObject v, PyObject w) =>
        PyErr.TypeError($"unsupported operand type(s) for {op}: '{v.Type.Name}' and '{w.Type.Name}'");

    public static PyObject Add(PyObject v, PyObject w)
    {
        var r = BinaryOp1(v, w, static s => s.Add);
        if (r is not PyNotImplemented)
        {
            return r;
        }
        if (v.Type.Slots.Concat is { } concat)
        {
            return concat(v, w);
        }
        throw UnsupportedOperands("+", v, w);
    }

    public static PyObject Subtract(PyObject v, PyObject w) => Binary(v, w, static s => s.Subtract, "-");

    public static PyObject Multiply(PyObject v, PyObject w)
    {
        var r = BinaryOp1(v, w, static s => s.Multiply);
        if (r is not PyNotImplemented)
        {
            return r;
        }
        if (v.Type.Slots.Repeat is { } vr)
        {
            return vr(v, w);
        }
        if (w.Type.Slots.Repeat is { } wr)
        {
            return wr(w, v);
        }
        throw UnsupportedOperands("*", v, w);
    }

    public static PyObject FloorDivide(PyObject v, PyObject w) => Binary(v, w, static s => s.FloorDivide, "//");

    public static PyObject TrueDivide(PyObject v, PyObject w) => Binary(v, w, static s => s.TrueDivide, "/");

    public static PyObject Remainder(PyObject v, PyObject w) => Binary(v, w, static s => s.Remainder, "%");

    public static PyObject And(PyObject v, PyObject w) => Binary(v, w, static s => s.And, "&");

    public static PyObject Or(PyObject v, PyObject w) => Binary(v, w, static s => s.Or, "|");

    public static PyObject Xor(PyObject v, PyObject w) => Binary(v, w, static s => s.Xor, "^");

    public static PyObject LShift(PyObject v, PyObject w) => Binary(v, w, static s => s.LShift, "<<");

    public static PyObject RShift(PyObject v, PyObject w) => Binary(v, w, static s => s.RShift, ">>");

    public static PyObject MatrixMultiply(PyObject v, PyObject w) => Binary(v, w, static s => s.MatrixMultiply, "@");

    public static PyObject Unary(PyObject o, Func<TypeSlots, UnarySlot?> select, string op)
    {
        var slot = select(o.Type.Slots) ?? throw PyErr.TypeError($"bad operand type for unary {op}: '{o.Type.Name}'");
        return slot(o);
    }

    private static PyObject Binary(PyObject v, PyObject w, Func<TypeSlots, BinarySlot?> select, string op)
    {
        var r = BinaryOp1(v, w, select);
        return r is not PyNotImplemented ? r : throw UnsupportedOperands(op, v, w);
    }

    public static PyObject Negative(PyObject o)
    {
        var slot = o.Type.Slots.Negative ?? throw PyErr.TypeError($"bad operand type for unary -: '{o.Type.Name}'");
        return slot(o);
    }

    // ---- iteration ----

    public static PyObject GetIter(PyObject o)
    {
        if (o.Type.Slots.Iter is { } iter)
        {
            var it = iter(o);
            if (it.Type.Slots.IterNext is null)
            {
                throw PyErr.TypeError($"iter() returned non-iterator of type '{it.Type.Name}'");
            }
            return it;
        }
        if (o.Type.Slots.GetItem is not null)
        {
            return new PySequenceIterator(o);
        }
        throw PyErr.TypeError($"'{o.Type.Name}' object is not iterable");
    }

    /// <summary>The next item of an iterator, or null when it is exhausted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject? Next(PyObject iterator) => iterator.Type.Slots.IterNext!(iterator);

    /// <summary>Iterates a Python iterable from C#.</summary>
    public static IEnumerable<PyObject> Iterate(PyObject iterable)
    {
        var it = GetIter(iterable);
        while (Next(it) is { } item)
        {
            yield return item;
        }
    }
}
