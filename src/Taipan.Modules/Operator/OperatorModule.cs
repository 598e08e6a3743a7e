// Modules/_operator.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Operator;

/// <summary>The <c>_operator</c> module: <c>operator.py</c> replaces its pure Python functions
/// with these.</summary>
[PyModule("_operator", Doc = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.")]
public static partial class OperatorModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("itemgetter", ItemGetter.TypeObject);
        module.AddBuiltin("attrgetter", AttrGetter.TypeObject);
        module.AddBuiltin("methodcaller", MethodCaller.TypeObject);
    }

    [PyMethod] public static bool Truth(PyObject a) => Ops.IsTrue(a);
    [PyMethod] public static bool Contains(PyObject a, PyObject b) => SequenceContains(a, b);
    [PyMethod("indexOf")] public static long IndexOf(PyObject a, PyObject b) => Search(a, b, true);
    [PyMethod("countOf")] public static long CountOf(PyObject a, PyObject b) => Search(a, b, false);
    [PyMethod] public static PyObject GetItem(PyObject a, PyObject b) => Ops.GetItem(a, b);
    [PyMethod] public static void SetItem(PyObject a, PyObject b, PyObject c) => AssignItem(a, b, c);
    [PyMethod] public static void DelItem(PyObject a, PyObject b) => AssignItem(a, b, null);
    [PyMethod] public static PyObject Eq(PyObject a, PyObject b) => Ops.RichCompare(a, b, CompareOp.Eq);
    [PyMethod] public static PyObject Ne(PyObject a, PyObject b) => Ops.RichCompare(a, b, CompareOp.Ne);
    [PyMethod] public static PyObject Lt(PyObject a, PyObject b) => Ops.RichCompare(a, b, CompareOp.Lt);
    [PyMethod] public static PyObject Le(PyObject a, PyObject b) => Ops.RichCompare(a, b, CompareOp.Le);
    [PyMethod] public static PyObject Gt(PyObject a, PyObject b) => Ops.RichCompare(a, b, CompareOp.Gt);
    [PyMethod] public static PyObject Ge(PyObject a, PyObject b) => Ops.RichCompare(a, b, CompareOp.Ge);
    [PyMethod("not_")] public static bool Not(PyObject a) => !Ops.IsTrue(a);
    [PyMethod("is_")] public static bool Is(PyObject a, PyObject b) => ReferenceEquals(a, b);
    [PyMethod("is_not")] public static bool IsNot(PyObject a, PyObject b) => !ReferenceEquals(a, b);
    [PyMethod] public static PyObject Abs(PyObject a) => Unary(a, a.Type.Slots.Absolute, "abs()");
    [PyMethod] public static PyObject Neg(PyObject a) => Ops.Negative(a);
    [PyMethod] public static PyObject Pos(PyObject a) => Unary(a, a.Type.Slots.Positive, "unary +");
    [PyMethod] public static PyObject Inv(PyObject a) => Unary(a, a.Type.Slots.Invert, "unary ~");
    [PyMethod] public static PyObject Invert(PyObject a) => Unary(a, a.Type.Slots.Invert, "unary ~");
    private static PyObject Unary(PyObject a, UnarySlot? slot, string op) =>
        slot is not null ? slot(a) : throw PyErr.TypeError($"bad operand type for {op}: '{a.Type.Name}'");

    [PyMethod] public static PyObject Index(PyObject a) => Ops.Index(a);
    [PyMethod] public static PyObject Add(PyObject a, PyObject b) => Ops.Add(a, b);
    [PyMethod] public static PyObject Sub(PyObject a, PyObject b) => Ops.Subtract(a, b);
    [PyMethod] public static PyObject Mul(PyObject a, PyObject b) => Ops.Multiply(a, b);
    [PyMethod] public static PyObject MatMul(PyObject a, PyObject b) => Ops.MatrixMultiply(a, b);
    [PyMethod("floordiv")] public static PyObject FloorDiv(PyObject a, PyObject b) => Ops.FloorDivide(a, b);
    [PyMethod("truediv")] public static PyObject TrueDiv(PyObject a, PyObject b) => Ops.TrueDivide(a, b);
    [PyMethod] public static PyObject Mod(PyObject a, PyObject b) => Ops.Remainder(a, b);
    [PyMethod] public static PyObject Pow(PyObject a, PyObject b) => Number.Power(a, b, PyNone.Value);
    [PyMethod] public static PyObject LShift(PyObject a, PyObject b) => Ops.LShift(a, b);
    [PyMethod] public static PyObject RShift(PyObject a, PyObject b) => Ops.RShift(a, b);
    [PyMethod("and_")] public static PyObject And(PyObject a, PyObject b) => Ops.And(a, b);
    [PyMethod("or_")] public static PyObject Or(PyObject a, PyObject b) => Ops.Or(a, b);
    [PyMethod] public static PyObject Xor(PyObject a, PyObject b) => Ops.Xor(a, b);

    /// <summary><c>binary_iop1</c>: the in-place method first (the slot, or the dunder of a
    /// class whose slot table lacks it), then the plain operation.</summary>
    private static PyObject InPlace(PyObject a, PyObject b, BinarySlot? inplace, string dunder, Func<PyObject, PyObject, PyObject> plain)
    {
        if (inplace is not null)
        {
            if (inplace(a, b) is var r && r is not PyNotImplemented)
            {
                return r;
            }
        }
        else if (a.Type.Lookup(PyStr.Intern(dunder)) is { } method && Ops.Call(method, [a, b], null) is var r && r is not PyNotImplemented)
        {
            return r;
        }
        return plain(a, b);
    }

    [PyMethod] public static PyObject IAdd(PyObject a, PyObject b) => IConcatOrAdd(a, b, false);
    [PyMethod] public static PyObject ISub(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceSubtract, "__isub__", Ops.Subtract);
    [PyMethod] public static PyObject IMatMul(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceMatrixMultiply, "__imatmul__", Ops.MatrixMultiply);
    [PyMethod("ifloordiv")] public static PyObject IFloorDiv(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceFloorDivide, "__ifloordiv__", Ops.FloorDivide);
    [PyMethod("itruediv")] public static PyObject ITrueDiv(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceTrueDivide, "__itruediv__", Ops.TrueDivide);
    [PyMethod] public static PyObject IMod(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceRemainder, "__imod__", Ops.Remainder);
    [PyMethod] public static PyObject ILShift(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceLShift, "__ilshift__", Ops.LShift);
    [PyMethod] public static PyObject IRShift(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceRShift, "__irshift__", Ops.RShift);
    [PyMethod] public static PyObject IAnd(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceAnd, "__iand__", Ops.And);
    [PyMethod] public static PyObject IOr(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceOr, "__ior__", Ops.Or);
    [PyMethod] public static PyObject IXor(PyObject a, PyObject b) => InPlace(a, b, a.Type.Slots.InPlaceXor, "__ixor__", Ops.Xor);

    [PyMethod]
    public static PyObject IMul(PyObject a, PyObject b)
    {
        if (a.Type.Slots.InPlaceMultiply is { } imul && imul(a, b) is var r && r is not PyNotImplemented)
        {
            return r;
        }
        if (a.Type.Slots.InPlaceRepeat is { } irepeat && b.Type.Slots.Index is not null)
        {
            return irepeat(a, b);
        }
        return Ops.Multiply(a, b);
    }

    [PyMethod]
    public static PyObject IPow(PyObject a, PyObject b)
    {
        if (a.Type.Slots.InPlacePower is { } ipow && ipow(a, b, PyNone.Value) is var r && r is not PyNotImplemented)
        {
            return r;
        }
        return Number.Power(a, b, PyNone.Value);
    }

    /// <summary><c>PyNumber_InPlaceAdd</c> (<paramref name="concatOnly"/> false) and
    /// <c>PySequence_InPlaceConcat</c>.</summary>
    private static PyObject IConcatOrAdd(PyObject a, PyObject b, bool concatOnly)
    {
        var slots = a.Type.Slots;
        if (concatOnly && !IsSequence(a))
        {
            throw PyErr.TypeError($"'{a.Type.Name}' object can't be concatenated");
        }
        if (slots.InPlaceAdd is { } iadd && iadd(a, b) is var r && r is not PyNotImplemented)
        {
            return r;
        }
        if (slots.InPlaceConcat is { } iconcat)
        {
            return iconcat(a, b);
        }
        return concatOnly ? Concat(a, b) : Ops.Add(a, b);
    }

    [PyMethod] public static PyObject IConcat(PyObject a, PyObject b) => IConcatOrAdd(a, b, true);

    private static bool IsSequence(PyObject o) => o.Type.Slots.GetItem is not null && o is not PyDict;

    /// <summary><c>PySequence_Concat</c>.</summary>
    [PyMethod]
    public static PyObject Concat(PyObject a, PyObject b)
    {
        if (a.Type.Slots.Concat is { } concat)
        {
            return concat(a, b);
        }
        if (IsSequence(a) && IsSequence(b))
        {
            var r = Ops.BinaryOp1(a, b, static s => s.Add);
            if (r is not PyNotImplemented)
            {
                return r;
            }
        }
        throw PyErr.TypeError($"'{a.Type.Name}' object can't be concatenated");
    }

    private static bool SequenceContains(PyObject container, PyObject item)
    {
        if (container.Type.Slots.Contains is { } contains)
        {
            return contains(container, item);
        }
        var it = Ops.GetIter(container);
        while (Ops.Next(it) is { } x)
        {
            if (ReferenceEquals(x, item) || Ops.RichCompareBool(x, item, CompareOp.Eq))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>_PySequence_IterSearch</c> for indexOf and countOf.</summary>
    private static long Search(PyObject seq, PyObject item, bool index)
    {
        var it = Ops.GetIter(seq);
        long n = 0;
        while (Ops.Next(it) is { } x)
        {
            if (ReferenceEquals(x, item) || Ops.RichCompareBool(x, item, CompareOp.Eq))
            {
                if (index)
                {
                    return n;
                }
                n++;
            }
            else if (index)
            {
                n++;
            }
        }
        return index ? throw PyErr.ValueError("sequence.index(x): x not in sequence") : n;
    }

    private static void AssignItem(PyObject a, PyObject key, PyObject? value)
    {
        var slot = a.Type.Slots.SetItem ?? throw PyErr.TypeError(value is null
            ? $"'{a.Type.Name}' object doesn't support item deletion"
            : $"'{a.Type.Name}' object does not support item assignment");
        slot(a, key, value);
    }

    /// <summary><c>length_hint(obj, default=0, /)</c>.</summary>
    [PyMethod("length_hint")]
    public static PyObject LengthHint(PyObject obj, PyObject? @default = null)
    {
        var dflt = @default ?? PyInt.From(0);
        if (dflt.GetType() != typeof(PyInt))
        {
            throw PyErr.TypeError($"'{dflt.Type.Name}' object cannot be interpreted as an integer");
        }
        if (obj.Type.Slots.Length is { } len)
        {
            try
            {
                return PyInt.From(len(obj));
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.TypeError))
            {
            }
        }
        if (obj.Type.Lookup(PyStr.Intern("__length_hint__")) is not { } hint)
        {
            return dflt;
        }
        PyObject result;
        try
        {
            result = Ops.Call(hint, [obj], null);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            return dflt;
        }
        if (result is PyNotImplemented)
        {
            return dflt;
        }
        if (result is not PyInt r)
        {
            throw PyErr.TypeError($"__length_hint__ must be an integer, not {result.Type.Name}");
        }
        if (r.Value.Sign < 0)
        {
            throw PyErr.ValueError("__length_hint__() should return >= 0");
        }
        return r;
    }

    /// <summary><c>_compare_digest(a, b, /)</c>: equality in time independent of where they
    /// differ, for ASCII strings or bytes-like objects.</summary>
    [PyMethod("_compare_digest")]
    public static bool CompareDigest(PyObject a, PyObject b)
    {
        if (a is PyStr sa && b is PyStr sb)
        {
            if (!IsAscii(sa.Value) || !IsAscii(sb.Value))
            {
                throw PyErr.TypeError("comparing strings with non-ASCII characters is not supported");
            }
            return Tscmp(System.Text.Encoding.ASCII.GetBytes(sa.Value), System.Text.Encoding.ASCII.GetBytes(sb.Value));
        }
        if (!IsBuffer(a) && !IsBuffer(b))
        {
            throw PyErr.TypeError($"unsupported operand types(s) or combination of types: '{a.Type.Name}' and '{b.Type.Name}'");
        }
        return Tscmp(BytesOf(a), BytesOf(b));
    }

    private static bool IsBuffer(PyObject o) => o is PyBytes or PyByteArray;

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 127)
            {
                return false;
            }
        }
        return true;
    }

    private static ReadOnlySpan<byte> BytesOf(PyObject o) => o switch
    {
        PyBytes b => b.Data,
        PyByteArray ba => ba.Data,
        _ => throw PyErr.TypeError($"a bytes-like object is required, not '{o.Type.Name}'"),
    };

    private static bool Tscmp(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);

    /// <summary><c>call(obj, /, *args, **kwargs)</c>.</summary>
    [PyMethod]
    public static PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (npos < 1)
        {
            throw PyErr.TypeError($"call expected at least 1 argument, got {npos}");
        }
        return Ops.Call(args[0], args[1..], kwnames);
    }
}

/// <summary><c>itemgetter(item, ...)</c>.</summary>
[PyType("operator.itemgetter", Module = "operator", FromSpec = true)]
public sealed partial class ItemGetter(PyObject[] items) : PyObject
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("itemgetter", kwnames);
        if (args.Length == 0)
        {
            throw PyErr.TypeError("itemgetter expected 1 argument, got 0");
        }
        return new ItemGetter(args.ToArray());
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("itemgetter", kwnames);
        ArgParse.CheckPositional("itemgetter", args.Length, 1, 1);
        var obj = args[0];
        if (items.Length == 1)
        {
            return Ops.GetItem(obj, items[0]);
        }
        var result = new PyObject[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = Ops.GetItem(obj, items[i]);
        }
        return new PyTuple(result);
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        using var guard = ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return new PyStr($"{Type.Name}(...)");
        }
        var parts = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            parts[i] = Ops.Repr(items[i]).Value;
        }
        return new PyStr($"{Type.Name}({string.Join(", ", parts)})");
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, new PyTuple(items));
}

/// <summary><c>attrgetter(attr, ...)</c>: dotted names follow attribute chains.</summary>
[PyType("operator.attrgetter", Module = "operator", FromSpec = true)]
public sealed partial class AttrGetter(PyStr[] names, PyStr[][] chains) : PyObject
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("attrgetter", kwnames);
        if (args.Length == 0)
        {
            throw PyErr.TypeError("attrgetter expected 1 argument, got 0");
        }
        var names = new PyStr[args.Length];
        var chains = new PyStr[args.Length][];
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i] as PyStr ?? throw PyErr.TypeError("attribute name must be a string");
            names[i] = name;
            var parts = name.Value.Split('.');
            chains[i] = new PyStr[parts.Length];
            for (var k = 0; k < parts.Length; k++)
            {
                chains[i][k] = PyStr.Intern(parts[k]);
            }
        }
        return new AttrGetter(names, chains);
    }

    private static PyObject Follow(PyObject obj, PyStr[] chain)
    {
        foreach (var name in chain)
        {
            obj = Ops.GetAttr(obj, name);
        }
        return obj;
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("attrgetter", kwnames);
        ArgParse.CheckPositional("attrgetter", args.Length, 1, 1);
        if (chains.Length == 1)
        {
            return Follow(args[0], chains[0]);
        }
        var result = new PyObject[chains.Length];
        for (var i = 0; i < chains.Length; i++)
        {
            result[i] = Follow(args[0], chains[i]);
        }
        return new PyTuple(result);
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var parts = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parts[i] = Ops.Repr(names[i]).Value;
        }
        return new PyStr($"{Type.Name}({string.Join(", ", parts)})");
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, new PyTuple(names));
}

/// <summary><c>methodcaller(name, /, *args, **kwargs)</c>.</summary>
[PyType("operator.methodcaller", Module = "operator", FromSpec = true)]
public sealed partial class MethodCaller(PyStr name, PyObject[] args, PyTuple? kwnames) : PyObject
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (npos < 1)
        {
            throw PyErr.TypeError("methodcaller needs at least one argument, the method name");
        }
        var name = args[0] as PyStr ?? throw PyErr.TypeError("method name must be a string");
        return new MethodCaller(PyStr.Intern(name.Value), args[1..].ToArray(), kwnames is { Count: > 0 } ? kwnames : null);
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> callArgs, PyTuple? callKwnames)
    {
        ArgParse.NoKeywords("methodcaller", callKwnames);
        ArgParse.CheckPositional("methodcaller", callArgs.Length, 1, 1);
        return Ops.Call(Ops.GetAttr(callArgs[0], name), args, kwnames);
    }

    private int PositionalCount => args.Length - (kwnames?.Count ?? 0);

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        using var guard = ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return new PyStr("...");
        }
        var sb = new System.Text.StringBuilder();
        sb.Append(Type.Name).Append('(').Append(Ops.Repr(name).Value);
        var npos = PositionalCount;
        for (var i = 0; i < args.Length; i++)
        {
            sb.Append(", ");
            if (i >= npos)
            {
                sb.Append(((PyStr)kwnames![i - npos]).Value).Append('=');
            }
            sb.Append(Ops.Repr(args[i]).Value);
        }
        return new PyStr(sb.Append(')').ToString());
    }

    /// <summary>Keywords cannot go through the constructor's positional tuple, so they travel
    /// in a partial of the type.</summary>
    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        var npos = PositionalCount;
        if (kwnames is null)
        {
            var all = new PyObject[args.Length + 1];
            all[0] = name;
            args.CopyTo(all, 1);
            return PyTuple.Create(Type, new PyTuple(all));
        }
        var partialArgs = new PyObject[2 + kwnames.Count];
        partialArgs[0] = Type;
        partialArgs[1] = name;
        args.AsSpan(npos).CopyTo(partialArgs.AsSpan(2));
        var partial = Functools.Partial.New(Functools.Partial.TypeObject, partialArgs, kwnames);
        return PyTuple.Create(partial, new PyTuple(args[..npos]));
    }
}
