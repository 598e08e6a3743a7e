// Objects/abstract.c (the number protocol: power, divmod, conversions to float and int)
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Abstract;

/// <summary>The parts of the number protocol beyond <see cref="Ops"/>'s binary operators:
/// <c>pow</c> (a ternary operation), <c>divmod</c>, and <c>PyFloat_AsDouble</c>.</summary>
public static class Number
{
    /// <summary><c>ternary_op</c> for <c>**</c> and <c>pow()</c>: the left operand's slot, or the
    /// right's (first when its type is a subclass of the left's), then the modulus's.</summary>
    public static PyObject Power(PyObject v, PyObject w, PyObject z)
    {
        var vt = v.Type;
        var wt = w.Type;
        var slotv = vt.Slots.Power;
        var slotw = ReferenceEquals(vt, wt) ? null : wt.Slots.Power;
        if (ReferenceEquals(slotw, slotv))
        {
            slotw = null;
        }
        if (slotv is not null)
        {
            if (slotw is not null && wt.IsSubtypeOf(vt))
            {
                var r = slotw(v, w, z);
                if (r is not PyNotImplemented)
                {
                    return r;
                }
                slotw = null;
            }
            var x = slotv(v, w, z);
            if (x is not PyNotImplemented)
            {
                return x;
            }
        }
        if (slotw is not null)
        {
            var x = slotw(v, w, z);
            if (x is not PyNotImplemented)
            {
                return x;
            }
        }
        if (z is not PyNone && z.Type.Slots.Power is { } slotz && !ReferenceEquals(slotz, slotv) && !ReferenceEquals(slotz, slotw))
        {
            var x = slotz(v, w, z);
            if (x is not PyNotImplemented)
            {
                return x;
            }
        }
        throw z is PyNone
            ? PyErr.TypeError($"unsupported operand type(s) for ** or pow(): '{v.Type.Name}' and '{w.Type.Name}'")
            : PyErr.TypeError($"unsupported operand type(s) for ** or pow(): '{v.Type.Name}', '{w.Type.Name}', '{z.Type.Name}'");
    }

    /// <summary><c>divmod(a, b)</c> through <c>nb_divmod</c>.</summary>
    public static PyObject DivMod(PyObject v, PyObject w)
    {
        var r = Ops.BinaryOp1(v, w, static s => s.Divmod);
        return r is not PyNotImplemented
            ? r
            : throw PyErr.TypeError($"unsupported operand type(s) for divmod(): '{v.Type.Name}' and '{w.Type.Name}'");
    }

    /// <summary><c>PyFloat_AsDouble</c>: a float, or what <c>__float__</c> or <c>__index__</c>
    /// gives. <paramref name="forFloat"/> selects float()'s wording of the type error.</summary>
    public static double AsDouble(PyObject o, bool forFloat = false)
    {
        switch (o)
        {
            case PyFloat f:
                return f.Value;
            case PyInt i:
                return i.ToDouble();
        }
        PyObject? result = null;
        if (o.Type.Slots.Float is { } slot)
        {
            result = slot(o);
        }
        else if (o.Type.Lookup(PyStr.Intern("__float__")) is { } method)
        {
            result = Ops.Call(method, [o], null);
        }
        if (result is not null)
        {
            return result is PyFloat rf
                ? rf.Value
                : throw PyErr.TypeError($"{o.Type.Name}.__float__ returned non-float (type {result.Type.Name})");
        }
        if (o.Type.Slots.Index is not null || o.Type.Lookup(PyStr.Intern("__index__")) is not null)
        {
            var index = o.Type.Slots.Index is not null ? Ops.Index(o) : Ops.Call(o.Type.Lookup(PyStr.Intern("__index__"))!, [o], null) as PyInt
                ?? throw PyErr.TypeError("__index__ returned non-int");
            return index.ToDouble();
        }
        throw forFloat
            ? PyErr.TypeError($"float() argument must be a string or a real number, not '{o.Type.Name}'")
            : PyErr.TypeError($"must be real number, not {o.Type.Name}");
    }
}
