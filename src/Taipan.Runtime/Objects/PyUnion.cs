// Objects/unionobject.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>types.UnionType</c>: <c>int | str</c>, usable with isinstance and issubclass.</summary>
[PyType("UnionType", Module = "types")]
public sealed partial class PyUnion : PyObject
{
    private PyUnion(PyTuple args) => Args = args;

    /// <summary>The members, flattened and without duplicates; None is stored as NoneType.</summary>
    public PyTuple Args { get; }

    private PyTuple? _parameters;

    /// <summary>The operands <c>|</c> can join: None, classes, aliases and unions.</summary>
    private static bool IsUnionable(PyObject o) => o is PyNone or PyType or PyGenericAlias or PyUnion;

    /// <summary><c>_Py_union_type_or</c>: the <c>|</c> of classes and aliases.</summary>
    public static PyObject Or(PyObject left, PyObject right)
    {
        if (!IsUnionable(left) || !IsUnionable(right))
        {
            return PyNotImplemented.Value;
        }
        return Make([left, right]);
    }

    /// <summary>A union of <paramref name="items"/> (flattened, deduplicated); a single member
    /// is returned as itself.</summary>
    private static PyObject Make(ReadOnlySpan<PyObject> items)
    {
        var flat = new List<PyObject>();
        foreach (var item in items)
        {
            if (item is PyUnion u)
            {
                flat.AddRange(u.Args.Items);
            }
            else
            {
                flat.Add(item is PyNone ? PyNone.Value.Type : item);
            }
        }
        var unique = new List<PyObject>(flat.Count);
        foreach (var item in flat)
        {
            var duplicate = false;
            foreach (var seen in unique)
            {
                // Aliases are equal by value, everything else by identity.
                duplicate = item is PyGenericAlias && seen is PyGenericAlias ? Ops.RichCompareBool(item, seen, CompareOp.Eq) : ReferenceEquals(item, seen);
                if (duplicate)
                {
                    break;
                }
            }
            if (!duplicate)
            {
                unique.Add(item);
            }
        }
        return unique.Count == 1 ? unique[0] : new PyUnion(new PyTuple([.. unique]));
    }

    [PySlot("nb_or")]
    public static PyObject OrSlot(PyObject left, PyObject right) => Or(left, right);

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(" | ");
            }
            sb.Append(ReferenceEquals(Args[i], PyNone.Value.Type) ? "None" : PyGenericAlias.ReprItem(Args[i]));
        }
        return new PyStr(sb.ToString());
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) =>
        name.Value == "__module__" ? Ops.TryGetAttr(self.Type, name) : Ops.GenericGetAttr(self, name);

    [PySlot("tp_richcompare")]
    public PyObject RichCompare(PyObject other, CompareOp op)
    {
        if (other is not PyUnion o || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        var equal = Ops.RichCompareBool(PyFrozenSet.From(Args), PyFrozenSet.From(o.Args), CompareOp.Eq);
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    [PySlot("tp_hash")]
    public long Hash() => Ops.Hash(PyFrozenSet.From(Args));

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject item)
    {
        var args = PyGenericAlias.SubstituteParameters(this, Args, ParametersGetter(), item);
        if (args.Count == 0)
        {
            return Make([]);
        }
        var result = args[0];
        for (var i = 1; i < args.Count; i++)
        {
            result = Ops.Or(result, args[i]);
        }
        return result;
    }

    [PyGetter("__args__")]
    public PyTuple ArgsGetter() => Args;

    [PyGetter("__parameters__")]
    public PyTuple ParametersGetter() => _parameters ??= PyGenericAlias.MakeParameters(Args);

    [PyMethod("__instancecheck__")]
    public bool InstanceCheck(PyObject instance)
    {
        CheckNoAliases("isinstance");
        foreach (var arg in Args.Items)
        {
            if (Ops.IsInstance(instance, arg))
            {
                return true;
            }
        }
        return false;
    }

    [PyMethod("__subclasscheck__")]
    public bool SubclassCheck(PyObject subclass)
    {
        CheckNoAliases("issubclass");
        foreach (var arg in Args.Items)
        {
            if (Ops.IsSubclass(subclass, arg))
            {
                return true;
            }
        }
        return false;
    }

    private void CheckNoAliases(string function)
    {
        foreach (var arg in Args.Items)
        {
            if (arg is PyGenericAlias)
            {
                throw PyErr.TypeError($"{function}() argument 2 cannot be a parameterized generic");
            }
        }
    }
}
