// Objects/genericaliasobject.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>types.GenericAlias</c>: <c>list[int]</c>, a parameterized builtin class. Every
/// attribute but its own few comes from the origin class.</summary>
[PyType("GenericAlias", Module = "types", Subclassable = true, InstanceType = true)]
public sealed partial class PyGenericAlias : PySubclassableObject
{
    public PyGenericAlias(PyType type, PyObject origin, PyTuple args, bool starred = false) : base(type)
    {
        Origin = origin;
        Args = args;
        Starred = starred;
    }

    public PyGenericAlias(PyObject origin, PyObject args) : this(TypeObject, origin, args as PyTuple ?? new PyTuple([args]))
    {
    }

    public PyObject Origin { get; }

    public PyTuple Args { get; }

    /// <summary><c>*tuple[int]</c>.</summary>
    public bool Starred { get; }

    private PyTuple? _parameters;

    /// <summary><c>Py_GenericAlias</c>, the <c>__class_getitem__</c> of builtin generic classes.</summary>
    public static PyObject ClassGetItem(PyType cls, PyObject item) => new PyGenericAlias(cls, item);

    private static readonly HashSet<string> s_ownAttributes =
    [
        "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
        "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
    ];

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames is { Count: > 0 } && ReferenceEquals(type, TypeObject))
        {
            throw PyErr.TypeError("GenericAlias() takes no keyword arguments");
        }
        Python.ArgParse.CheckPositional("GenericAlias", args.Length - (kwnames?.Count ?? 0), 2, 2);
        return new PyGenericAlias(type, args[0], args[1] as PyTuple ?? new PyTuple([args[1]]));
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) =>
        s_ownAttributes.Contains(name.Value) ? Ops.GenericGetAttr(self, name) : Ops.TryGetAttr(((PyGenericAlias)self).Origin, name);

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var obj = Ops.Call(Origin, args, kwnames);
        try
        {
            Ops.SetAttr(obj, PyStr.Intern("__orig_class__"), this);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.AttributeError) || e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            // Instances that take no attributes keep none.
        }
        return obj;
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var sb = new StringBuilder();
        if (Starred)
        {
            sb.Append('*');
        }
        sb.Append(ReprItem(Origin)).Append('[');
        if (Args.Count == 0)
        {
            sb.Append("()");
        }
        for (var i = 0; i < Args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            sb.Append(ReprItem(Args[i]));
        }
        return new PyStr(sb.Append(']').ToString());
    }

    /// <summary><c>ga_repr_item</c>: a class as <c>module.qualname</c> (builtins without the
    /// module), <c>...</c>, and anything else, aliases included, by its repr.</summary>
    internal static string ReprItem(PyObject p)
    {
        if (p is PyEllipsis)
        {
            return "...";
        }
        if (Ops.TryGetAttr(p, PyStr.Intern("__origin__")) is not null && Ops.TryGetAttr(p, PyStr.Intern("__args__")) is not null)
        {
            return Ops.Repr(p).Value;
        }
        if (Ops.TryGetAttr(p, PyStr.Intern("__qualname__")) is not { } qualname
            || Ops.TryGetAttr(p, PyStr.Intern("__module__")) is not { } module || module is PyNone)
        {
            return Ops.Repr(p).Value;
        }
        return module is PyStr { Value: "builtins" } ? Ops.Str(qualname).Value : $"{Ops.Str(module).Value}.{Ops.Str(qualname).Value}";
    }

    [PySlot("tp_richcompare")]
    public PyObject RichCompare(PyObject other, CompareOp op)
    {
        if (other is not PyGenericAlias o || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        var equal = Starred == o.Starred && Ops.RichCompareBool(Origin, o.Origin, CompareOp.Eq) && Ops.RichCompareBool(Args, o.Args, CompareOp.Eq);
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        var h = Ops.Hash(Origin) ^ Ops.Hash(Args);
        return h == -1 ? -2 : h;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => Ops.GetIter(new PyTuple([new PyGenericAlias(Type, Origin, Args, starred: true)]));

    [PySlot("nb_or")]
    public static PyObject Or(PyObject left, PyObject right) => PyUnion.Or(left, right);

    /// <summary><c>ga_getitem</c>: substitutes the type variables.</summary>
    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject item)
    {
        var parameters = ParametersGetter();
        var args = SubstituteParameters(this, Args, parameters, item);
        return new PyGenericAlias(Type, Origin, args, Starred);
    }

    [PyGetter("__origin__")]
    public PyObject OriginGetter() => Origin;

    [PyGetter("__args__")]
    public PyTuple ArgsGetter() => Args;

    [PyGetter("__unpacked__")]
    public bool Unpacked() => Starred;

    [PyGetter("__parameters__")]
    public PyTuple ParametersGetter() => _parameters ??= MakeParameters(Args);

    [PyGetter("__typing_unpacked_tuple_args__")]
    public PyObject UnpackedTupleArgs() => Starred && ReferenceEquals(Origin, PyTuple.TypeObject) ? Args : PyNone.Value;

    [PyMethod("__mro_entries__")]
    public PyTuple MroEntries(PyObject bases) => new([Origin]);

    [PyMethod("__instancecheck__")]
    public void InstanceCheck(PyObject instance) =>
        throw PyErr.TypeError("isinstance() argument 2 cannot be a parameterized generic");

    [PyMethod("__subclasscheck__")]
    public void SubclassCheck(PyObject subclass) =>
        throw PyErr.TypeError("issubclass() argument 2 cannot be a parameterized generic");

    [PyMethod("__reduce__")]
    public PyTuple Reduce() => new([Type, new PyTuple([Origin, Args])]);

    [PyMethod("__dir__")]
    public PyList Dir()
    {
        var names = (PyList)Python.Builtins.Dir(Origin);
        foreach (var name in s_ownAttributes)
        {
            var s = new PyStr(name);
            if (!names.Contains(s))
            {
                names.Append(s);
            }
        }
        return names;
    }

    /// <summary><c>_Py_make_parameters</c>: the type variables among the arguments, in order,
    /// each once.</summary>
    internal static PyTuple MakeParameters(PyTuple args)
    {
        var parameters = new List<PyObject>();
        foreach (var t in args.Items)
        {
            // A bare class's __parameters__ would be a descriptor, not its parameters.
            if (t is PyType)
            {
                continue;
            }
            if (Ops.TryGetAttr(t, PyStr.Intern("__typing_subst__")) is not null)
            {
                AddUnique(parameters, t);
            }
            else if (Ops.TryGetAttr(t, PyStr.Intern("__parameters__")) is PyTuple sub)
            {
                foreach (var p in sub.Items)
                {
                    AddUnique(parameters, p);
                }
            }
        }
        return new PyTuple([.. parameters]);
    }

    private static void AddUnique(List<PyObject> list, PyObject item)
    {
        foreach (var x in list)
        {
            if (ReferenceEquals(x, item))
            {
                return;
            }
        }
        list.Add(item);
    }

    private static int IndexOf(PyTuple items, PyObject item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary><c>_Py_subs_parameters</c>: the arguments of <paramref name="self"/> with its
    /// parameters replaced by the items of <paramref name="item"/>.</summary>
    internal static PyTuple SubstituteParameters(PyObject self, PyTuple args, PyTuple parameters, PyObject item)
    {
        if (parameters.Count == 0)
        {
            throw PyErr.TypeError($"{Ops.Repr(self).Value} is not a generic class");
        }
        foreach (var param in parameters.Items)
        {
            if (Ops.TryGetAttr(param, PyStr.Intern("__typing_prepare_subst__")) is { } prepare)
            {
                item = Ops.Call(prepare, [self, item is PyTuple ? item : new PyTuple([item])], null);
            }
        }
        var argItems = item as PyTuple ?? new PyTuple([item]);
        if (argItems.Count != parameters.Count)
        {
            throw PyErr.TypeError($"Too {(argItems.Count > parameters.Count ? "many" : "few")} arguments for {Ops.Repr(self).Value}; actual {argItems.Count}, expected {parameters.Count}");
        }
        var result = new List<PyObject>(args.Count);
        foreach (var arg0 in args.Items)
        {
            var arg = arg0;
            if (arg is PyType)
            {
                result.Add(arg);
                continue;
            }
            var unpack = Ops.TryGetAttr(arg, PyStr.Intern("__typing_is_unpacked_typevartuple__")) is { } u && Ops.IsTrue(u);
            if (Ops.TryGetAttr(arg, PyStr.Intern("__typing_subst__")) is { } subst)
            {
                arg = Ops.Call(subst, [argItems[IndexOf(parameters, arg)]], null);
            }
            else
            {
                arg = SubstituteVariables(arg, parameters, argItems);
            }
            if (unpack && arg is PyTuple expanded)
            {
                result.AddRange(expanded.Items);
            }
            else
            {
                result.Add(arg);
            }
        }
        return new PyTuple([.. result]);
    }

    /// <summary><c>subs_tvars</c>: an argument that is itself generic is subscripted with the
    /// substitutions of its own parameters.</summary>
    private static PyObject SubstituteVariables(PyObject obj, PyTuple parameters, PyTuple argItems)
    {
        if (Ops.TryGetAttr(obj, PyStr.Intern("__parameters__")) is not PyTuple { Count: > 0 } sub)
        {
            return obj;
        }
        var subArgs = new List<PyObject>(sub.Count);
        foreach (var p in sub.Items)
        {
            var i = IndexOf(parameters, p);
            if (i < 0)
            {
                subArgs.Add(p);
                continue;
            }
            var value = argItems[i];
            if (Ops.TryGetAttr(parameters[i], PyStr.Intern("__typing_is_unpacked_typevartuple__")) is { } u && Ops.IsTrue(u) && value is PyTuple many)
            {
                subArgs.AddRange(many.Items);
            }
            else
            {
                subArgs.Add(value);
            }
        }
        return Ops.GetItem(obj, new PyTuple([.. subArgs]));
    }
}
