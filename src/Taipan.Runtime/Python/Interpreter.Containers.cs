// Python/ceval.c (set displays, star unpacking, in-place operators, pattern matching)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Interpreter
{
    private static PySet BuildSet(ReadOnlySpan<PyObject> items)
    {
        var set = new PySet();
        foreach (var item in items)
        {
            set.AddItem(item);
        }
        return set;
    }

    /// <summary>UNPACK_EX: <paramref name="before"/> items, a list of the rest, then
    /// <paramref name="after"/> items, pushed so the first ends on top; returns how many.</summary>
    private static int UnpackEx(PyObject seq, int before, int after, Span<PyObject?> s, int sp)
    {
        if (seq.Type.Slots.Iter is null && seq.Type.Slots.GetItem is null)
        {
            throw PyErr.TypeError($"cannot unpack non-iterable {seq.Type.Name} object");
        }
        var items = Ops.Iterate(seq).ToArray();
        var n = items.Length;
        if (n < before + after)
        {
            throw PyErr.ValueError($"not enough values to unpack (expected at least {before + after}, got {n})");
        }
        var k = sp;
        for (var i = n - 1; i >= n - after; i--)
        {
            s[k++] = items[i];
        }
        s[k++] = new PyList(items.AsSpan(before, n - after - before));
        for (var i = before - 1; i >= 0; i--)
        {
            s[k++] = items[i];
        }
        return before + 1 + after;
    }

    /// <summary>BINARY_OP's augmented assignments (<c>binary_iop1</c>): the in-place slot, then
    /// the plain operator, then for += and *= the sequence's concatenation and repetition.</summary>
    private static PyObject InPlaceOp(PyObject v, PyObject w, int op)
    {
        var (inplace, plain, symbol) = op switch
        {
            13 => (v.Type.Slots.InPlaceAdd, (Func<TypeSlots, BinarySlot?>)(static s => s.Add), "+="),
            18 => (v.Type.Slots.InPlaceMultiply, static s => s.Multiply, "*="),
            23 => (v.Type.Slots.InPlaceSubtract, static s => s.Subtract, "-="),
            14 => (v.Type.Slots.InPlaceAnd, static s => s.And, "&="),
            20 => (v.Type.Slots.InPlaceOr, static s => s.Or, "|="),
            _ => (v.Type.Slots.InPlaceXor, static s => s.Xor, "^="),
        };
        if (inplace is not null)
        {
            var r = inplace(v, w);
            if (r is not PyNotImplemented)
            {
                return r;
            }
        }
        var x = Ops.BinaryOp1(v, w, plain);
        if (x is not PyNotImplemented)
        {
            return x;
        }
        var slots = v.Type.Slots;
        if (op == 13 && (slots.InPlaceConcat ?? slots.Concat) is { } concat)
        {
            return concat(v, w);
        }
        if (op == 18)
        {
            if ((slots.InPlaceRepeat ?? slots.Repeat) is { } repeat)
            {
                return repeat(v, w);
            }
            if (w.Type.Slots.Repeat is { } wr)
            {
                return wr(w, v);
            }
        }
        throw PyErr.TypeError($"unsupported operand type(s) for {symbol}: '{v.Type.Name}' and '{w.Type.Name}'");
    }

    private static bool IsMappingForMatch(PyObject o) =>
        (o.Type.Flags & TypeFlags.DictSubclass) != 0 || o is PyMappingProxy;

    private static bool IsSequenceForMatch(PyObject o) =>
        (o.Type.Flags & (TypeFlags.ListSubclass | TypeFlags.TupleSubclass)) != 0 || o is PyRange;

    /// <summary>MATCH_KEYS: the values of <paramref name="keys"/> in the mapping, or None when
    /// one is missing.</summary>
    private static PyObject MatchKeys(PyObject subject, PyTuple keys)
    {
        if (keys.Count == 0)
        {
            return PyTuple.Empty;
        }
        var seen = new PySet();
        var values = new PyObject[keys.Count];
        PyObject? get = subject.GetType() == typeof(PyDict) ? null : Ops.GetAttr(subject, PyStr.Intern("get"));
        var dummy = new PyTuple([PyNone.Value]);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (seen.Contains(key))
            {
                throw PyErr.ValueError($"mapping pattern checks duplicate key ({Ops.Repr(key).Value})");
            }
            seen.AddItem(key);
            PyObject? value;
            if (get is null)
            {
                value = ((PyDict)subject).TryGetValue(key, out var v) ? v : null;
            }
            else
            {
                value = Ops.Call(get, [key, dummy], null);
                if (ReferenceEquals(value, dummy))
                {
                    value = null;
                }
            }
            if (value is null)
            {
                return PyNone.Value;
            }
            values[i] = value;
        }
        return new PyTuple(values);
    }

    /// <summary>Types whose positional sub-pattern matches the subject itself (_Py_TPFLAGS_MATCH_SELF).</summary>
    private static bool MatchesSelf(PyType t) =>
        (t.Flags & (TypeFlags.IntSubclass | TypeFlags.StrSubclass | TypeFlags.ListSubclass | TypeFlags.TupleSubclass
            | TypeFlags.DictSubclass | TypeFlags.BytesSubclass)) != 0
        || t.IsSubtypeOf(PyFloat.TypeObject) || t.IsSubtypeOf(PySet.TypeObject) || t.IsSubtypeOf(PyFrozenSet.TypeObject);

    /// <summary>MATCH_CLASS: a tuple of the sub-patterns' subjects, or None when the subject is
    /// not an instance or lacks an attribute.</summary>
    private static PyObject MatchClass(PyObject subject, PyObject cls, int nargs, PyTuple kwargs)
    {
        if (cls is not PyType type)
        {
            throw PyErr.TypeError("called match pattern must be a type");
        }
        if (!subject.Type.IsSubtypeOf(type))
        {
            return PyNone.Value;
        }
        PyTuple? matchArgs = null;
        var matchSelf = false;
        if (nargs > 0)
        {
            int allowed;
            if (Ops.TryGetAttr(type, PyStr.Intern("__match_args__")) is { } ma)
            {
                matchArgs = ma as PyTuple ?? throw PyErr.TypeError($"{type.Name}.__match_args__ must be a tuple (got {ma.Type.Name})");
                allowed = matchArgs.Count;
            }
            else
            {
                matchSelf = MatchesSelf(type);
                allowed = matchSelf ? 1 : 0;
            }
            if (allowed < nargs)
            {
                throw PyErr.TypeError($"{type.Name}() accepts {allowed} positional sub-pattern{(allowed == 1 ? "" : "s")} ({nargs} given)");
            }
        }
        var attrs = new PyObject[nargs + kwargs.Count];
        var seen = new HashSet<string>();
        PyObject? Attr(PyObject name)
        {
            var n = (PyStr)name;
            if (!seen.Add(n.Value))
            {
                throw PyErr.TypeError($"{type.Name}() got multiple sub-patterns for attribute {Ops.Repr(n).Value}");
            }
            return Ops.TryGetAttr(subject, n);
        }
        for (var i = 0; i < nargs; i++)
        {
            if (matchSelf)
            {
                attrs[i] = subject;
                continue;
            }
            var name = matchArgs![i];
            if (name is not PyStr)
            {
                throw PyErr.TypeError($"__match_args__ elements must be strings (got {name.Type.Name})");
            }
            if (Attr(name) is not { } a)
            {
                return PyNone.Value;
            }
            attrs[i] = a;
        }
        for (var i = 0; i < kwargs.Count; i++)
        {
            if (Attr(kwargs[i]) is not { } a)
            {
                return PyNone.Value;
            }
            attrs[nargs + i] = a;
        }
        return new PyTuple(attrs);
    }
}
