// Objects/structseq.c
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary>
/// A struct sequence type (<c>sys.flags</c>, <c>sys.version_info</c>, <c>time.struct_time</c>):
/// a tuple subclass whose items are also named attributes. The first
/// <see cref="VisibleFields"/> fields form the tuple; the others (struct_time's <c>tm_zone</c>)
/// are attributes only. A null field name is an unnamed field (os.stat_result's integer times):
/// it has a position but no attribute.
/// </summary>
public sealed class PyStructSequenceType
{
    private readonly string?[] _fields;

    /// <summary>Creates the type <paramref name="module"/>.<paramref name="name"/>; without
    /// <paramref name="constructible"/> Python code cannot create instances (sys.flags).</summary>
    public PyStructSequenceType(string module, string name, string?[] fields, int visibleFields = -1, bool constructible = false)
    {
        _fields = fields;
        VisibleFields = visibleFields < 0 ? fields.Length : visibleFields;
        Type = new PyType(name, PyTuple.TypeObject, TypeFlags.Immutable, null, module);
        Type.Slots.Repr = self => Repr((PyStructSequence)self);
        // Indexing by position, until tuple has its own subscript (which then applies).
        Type.Slots.GetItem ??= static (self, key) =>
        {
            var items = ((PyTuple)self).Items;
            var i = key is PyInt n ? n.Value : throw PyErr.TypeError($"tuple indices must be integers or slices, not {key.Type.Name}");
            if (i < 0)
            {
                i += items.Length;
            }
            return i >= 0 && i < items.Length ? items[(int)i] : throw PyErr.IndexError("tuple index out of range");
        };
        Type.Slots.New = constructible
            ? (type, args, kwnames) => New(args, kwnames)
            : (type, args, kwnames) => throw PyErr.TypeError($"cannot create '{module}.{name}' instances");
        var unnamed = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            var index = i;
            if (fields[i] is not { } field)
            {
                unnamed++;
                continue;
            }
            Type.AddBuiltin(field, new PyGetSetDescriptor(Type, field, self => ((PyStructSequence)self).Fields[index],
                static (_, _) => throw PyErr.AttributeError("readonly attribute"), null));
        }
        Type.AddBuiltin("n_sequence_fields", PyInt.From(VisibleFields));
        Type.AddBuiltin("n_fields", PyInt.From(fields.Length));
        Type.AddBuiltin("n_unnamed_fields", PyInt.From(unnamed));
    }

    public PyType Type { get; }

    public int VisibleFields { get; }

    /// <summary>An instance with all fields given (visible ones first).</summary>
    public PyStructSequence Create(params PyObject[] values)
    {
        if (values.Length != _fields.Length)
        {
            throw new ArgumentException($"{Type.Name} has {_fields.Length} fields", nameof(values));
        }
        return new PyStructSequence(Type, values, VisibleFields);
    }

    /// <summary><c>structseq_new(sequence)</c>: the visible fields are required, the others
    /// default to None.</summary>
    private PyStructSequence New(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var qual = $"{Type.Module}.{Type.Name}";
        Python.ArgParse.NoKeywords(qual, kwnames);
        Python.ArgParse.CheckPositional(qual, args.Length, 1, 2);
        var items = Abstract.Ops.Iterate(args[0]).ToList();
        var min = VisibleFields;
        var max = _fields.Length;
        if (items.Count < min)
        {
            throw PyErr.TypeError(min == max
                ? $"{qual}() takes a {min}-sequence ({items.Count}-sequence given)"
                : $"{qual}() takes an at least {min}-sequence ({items.Count}-sequence given)");
        }
        if (items.Count > max)
        {
            throw PyErr.TypeError(min == max
                ? $"{qual}() takes a {min}-sequence ({items.Count}-sequence given)"
                : $"{qual}() takes an at most {max}-sequence ({items.Count}-sequence given)");
        }
        while (items.Count < max)
        {
            items.Add(PyNone.Value);
        }
        return new PyStructSequence(Type, [.. items], VisibleFields);
    }

    private PyStr Repr(PyStructSequence self)
    {
        // As structseq_repr: the i-th visible value is shown under the i-th *named* field,
        // so stat_result's integer st_atime appears as "st_atime=".
        var parts = new string[VisibleFields];
        var named = 0;
        for (var i = 0; i < VisibleFields; i++)
        {
            while (_fields[named] is null)
            {
                named++;
            }
            parts[i] = _fields[named++] + "=" + Abstract.Ops.Repr(self.Fields[i]).Value;
        }
        return new PyStr($"{Type.Module}.{Type.Name}({string.Join(", ", parts)})");
    }
}

/// <summary>An instance of a <see cref="PyStructSequenceType"/>: the tuple of its visible
/// fields, and all fields by index.</summary>
public sealed class PyStructSequence : PyTuple
{
    private readonly PyType _type;

    internal PyStructSequence(PyType type, PyObject[] fields, int visible)
        : base(visible == fields.Length ? fields : fields[..visible])
    {
        _type = type;
        Fields = fields;
    }

    public override PyType Type => _type;

    public PyObject[] Fields { get; }
}
