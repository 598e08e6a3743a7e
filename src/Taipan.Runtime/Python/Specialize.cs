// Python/specialize.c
using System.Runtime.CompilerServices;
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// The inline caches of the specialising interpreter (PEP 659 in spirit). Each instruction that
/// specialises keeps one cache object in <see cref="PyCode.InlineCaches"/> at its own index; the
/// interpreter's arm calls the fast path here, which checks the cache's guard (a type's version
/// tag, a dict's keys version, an index hint whose key is checked by identity) and falls back to
/// the generic operation, refilling the cache, when the guard fails. A cache never changes what
/// an instruction does, only how fast it finds the answer.
/// </summary>
internal static class Specialize
{
    /// <summary>LOAD_GLOBAL: the index of the name in the globals, or (globals known not to
    /// have it by their keys version) its index in the builtins.</summary>
    internal sealed class GlobalCache
    {
        public int GlobalsIndex = -1;
        public ulong GlobalsKeys;
        public int BuiltinsIndex = -1;
    }

    /// <summary>LOAD_ATTR / LOAD_METHOD / STORE_ATTR on instances of classes defined in Python:
    /// valid while the type has <see cref="Version"/>. <see cref="Descr"/> is what the type's MRO
    /// gives for the name (null, or a descriptor without <c>__set__</c>); <see cref="Hint"/> is
    /// where the name was in the last instance dict.</summary>
    internal sealed class AttrCache
    {
        public uint Version;
        public PyObject? Descr;
        public int Hint = -1;

        /// <summary>LOAD_METHOD only: the cache is for objects without an instance dict
        /// (builtin types such as list or str), whose methods nothing can shadow.</summary>
        public bool NoDict;
    }

    /// <summary>CALL of a class defined in Python whose <c>__new__</c> is object's and whose
    /// <c>__init__</c> is a Python function: the instance is made here and <c>__init__</c>'s
    /// frame runs in the interpreter loop.</summary>
    internal sealed class InitCache
    {
        public uint Version;
        public PyFunction? Init;
    }

    /// <summary>STORE_NAME: where the name was in the locals mapping.</summary>
    internal sealed class NameHint
    {
        public int Index = -1;
    }

    private static readonly PyStr s_init = PyStr.Intern("__init__");

    // ---- LOAD_NAME / STORE_NAME ----

    /// <summary>LOAD_NAME: in a module body the locals are the globals, so the name is found as
    /// LOAD_GLOBAL finds it, with the same cache.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static PyObject LoadName(Frame frame, PyCode code, int index, PyStr name) =>
        ReferenceEquals(frame.Locals, frame.Globals)
            ? LoadGlobal(frame, code, index, name)
            : Interpreter.LoadName(frame, name);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StoreName(PyDict locals, PyCode code, int index, PyStr name, PyObject value) =>
        StoreNameInline(locals, code, index, name, value);

    /// <summary>STORE_NAME for compiled code, where the fast path is inlined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNameInline(PyDict locals, PyCode code, int index, PyStr name, PyObject value)
    {
        if (code.InlineCaches[index] is { } o && locals.GetType() == typeof(PyDict) && locals.TrySetAt(Unsafe.As<NameHint>(o).Index, name, value))
        {
            return;
        }
        StoreNameMiss(locals, code, index, name, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreNameMiss(PyDict locals, PyCode code, int index, PyStr name, PyObject value)
    {
        if (locals.GetType() != typeof(PyDict))
        {
            // A class namespace from __prepare__ (enum's _EnumDict) sees every assignment.
            locals.Type.Slots.SetItem!(locals, name, value);
            return;
        }
        locals.SetItem(name, value);
        code.InlineCaches[index] = new NameHint { Index = locals.IndexOfIdentical(name) };
    }

    // ---- LOAD_GLOBAL ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject LoadGlobal(Frame frame, PyCode code, int index, PyStr name)
    {
        if (code.InlineCaches[index] is { } o)
        {
            var c = Unsafe.As<GlobalCache>(o);
            PyObject v;
            if (c.GlobalsIndex >= 0)
            {
                if (frame.Globals.TryGetAt(c.GlobalsIndex, name, out v))
                {
                    return v;
                }
            }
            else if (frame.Globals.KeysVersion == c.GlobalsKeys && frame.Builtins.TryGetAt(c.BuiltinsIndex, name, out v))
            {
                return v;
            }
        }
        return LoadGlobalMiss(frame, code, index, name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject LoadGlobalMiss(Frame frame, PyCode code, int index, PyStr name)
    {
        // A new cache each time: a cache is published whole, never seen half-filled.
        var c = new GlobalCache();
        var globals = frame.Globals;
        if (globals.TryGetValue(name, out var v))
        {
            c.GlobalsIndex = globals.IndexOfIdentical(name);
            code.InlineCaches[index] = c;
            return v;
        }
        c.GlobalsKeys = globals.KeysVersion;
        if (frame.Builtins.TryGetValue(name, out v))
        {
            c.BuiltinsIndex = frame.Builtins.IndexOfIdentical(name);
            code.InlineCaches[index] = c;
            return v;
        }
        throw Interpreter.NameError(name);
    }

    // ---- LOAD_ATTR ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject LoadAttr(PyObject obj, PyCode code, int index, PyStr name)
    {
        if (obj is PyInstance inst && code.InlineCaches[index] is { } o)
        {
            var c = Unsafe.As<AttrCache>(o);
            if (inst.Type.VersionTag == c.Version)
            {
                if (inst.Dict.TryGetAt(c.Hint, name, out var v))
                {
                    return v;
                }
                return LoadAttrInstance(inst, c, name);
            }
        }
        return LoadAttrMiss(obj, code, index, name);
    }

    /// <summary>The guard held but the hint did not: the dict, then the class attribute.</summary>
    private static PyObject LoadAttrInstance(PyInstance inst, AttrCache c, PyStr name)
    {
        var hint = inst.Dict.IndexOfIdentical(name);
        if (hint >= 0)
        {
            c.Hint = hint;
            inst.Dict.TryGetAt(hint, name, out var v);
            return v;
        }
        if (inst.Dict.TryGetValue(name, out var found))
        {
            return found;
        }
        return c.Descr switch
        {
            null => Ops.GetAttr(inst, name),
            PyFunction f => new PyMethod(f, inst),
            var d => d.Type.Slots.DescrGet is { } get ? get(d, inst, inst.Type) : d,
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject LoadAttrMiss(PyObject obj, PyCode code, int index, PyStr name)
    {
        if (obj is PyInstance inst && InstanceCache(inst.Type, name, forStore: false) is { } c)
        {
            code.InlineCaches[index] = c;
            return LoadAttrInstance(inst, c, name);
        }
        return Ops.GetAttr(obj, name);
    }

    /// <summary>A cache for <paramref name="name"/> on instances of <paramref name="type"/>,
    /// or null when the type's attribute protocol is not the generic one or the name is a data
    /// descriptor (whose <c>__get__</c>/<c>__set__</c> take precedence over the dict).</summary>
    private static AttrCache? InstanceCache(PyType type, PyStr name, bool forStore)
    {
        if (!name.IsInterned || !type.HasFlag(TypeFlags.HasDict))
        {
            return null;
        }
        var generic = forStore
            ? ReferenceEquals(type.Slots.SetAttr, PyBaseObject.TypeObject.Slots.SetAttr)
            : ReferenceEquals(type.Slots.GetAttr, PyBaseObject.TypeObject.Slots.GetAttr);
        if (!generic)
        {
            return null;
        }
        var version = type.VersionTag;
        var descr = type.Lookup(name);
        if (descr is not null && descr.Type.Slots.DescrSet is not null)
        {
            return null;
        }
        return new AttrCache { Version = version, Descr = descr };
    }

    // ---- LOAD_METHOD ----

    /// <summary>True with the function when <paramref name="obj"/>'s class gives a plain Python
    /// function for the name and the instance dict does not shadow it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLoadMethod(PyObject obj, PyCode code, int index, PyStr name, out PyObject method)
    {
        if (code.InlineCaches[index] is { } o)
        {
            var c = Unsafe.As<AttrCache>(o);
            if (c.NoDict)
            {
                if (obj.Type.VersionTag == c.Version)
                {
                    method = c.Descr!;
                    return true;
                }
            }
            else if (obj is PyInstance inst && inst.Type.VersionTag == c.Version && c.Descr is PyFunction f && (inst.Dict.Count == 0 || !inst.Dict.ContainsKey(name)))
            {
                method = f;
                return true;
            }
        }
        return LoadMethodMiss(obj, code, index, name, out method);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool LoadMethodMiss(PyObject obj, PyCode code, int index, PyStr name, out PyObject method)
    {
        if (obj is PyInstance { InstanceDict: not null } inst)
        {
            if (InstanceCache(inst.Type, name, forStore: false) is { Descr: PyFunction } c)
            {
                code.InlineCaches[index] = c;
            }
        }
        else if (name.IsInterned && obj is not PyType && obj.InstanceDict is null
            && ReferenceEquals(obj.Type.Slots.GetAttr, PyBaseObject.TypeObject.Slots.GetAttr))
        {
            var type = obj.Type;
            var version = type.VersionTag;
            var descr = type.Lookup(name);
            if (descr is PyFunction or PyMethodDescriptor)
            {
                code.InlineCaches[index] = new AttrCache { Version = version, Descr = descr, NoDict = true };
            }
        }
        return Interpreter.TryLoadMethod(obj, name, out method);
    }

    // ---- STORE_ATTR ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAttr(PyObject obj, PyCode code, int index, PyStr name, PyObject value)
    {
        if (obj is PyInstance inst && code.InlineCaches[index] is { } o)
        {
            var c = Unsafe.As<AttrCache>(o);
            if (inst.Type.VersionTag == c.Version)
            {
                if (!inst.Dict.TrySetAt(c.Hint, name, value))
                {
                    StoreAttrInstance(inst, c, name, value);
                }
                return;
            }
        }
        StoreAttrMiss(obj, code, index, name, value);
    }

    private static void StoreAttrInstance(PyInstance inst, AttrCache c, PyStr name, PyObject value)
    {
        inst.Dict.SetItem(name, value);
        c.Hint = inst.Dict.IndexOfIdentical(name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreAttrMiss(PyObject obj, PyCode code, int index, PyStr name, PyObject value)
    {
        if (obj is PyInstance inst && InstanceCache(inst.Type, name, forStore: true) is { } c)
        {
            code.InlineCaches[index] = c;
            StoreAttrInstance(inst, c, name, value);
            return;
        }
        Ops.SetAttr(obj, name, value);
    }

    // ---- CALL of a class ----

    /// <summary>The <c>__init__</c> function to run inline for a call of
    /// <paramref name="type"/>, or null when the call must go through <c>type.__call__</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static PyFunction? InlineInit(PyType type, PyCode code, int index)
    {
        if (code.InlineCaches[index] is { } o)
        {
            var c = Unsafe.As<InitCache>(o);
            if (type.VersionTag == c.Version)
            {
                return c.Init;
            }
        }
        return InlineInitMiss(type, code, index);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyFunction? InlineInitMiss(PyType type, PyCode code, int index)
    {
        var c = new InitCache { Version = type.VersionTag };
        // Only plain classes: the metatype's __call__ is type's, __new__ is object's.
        if (ReferenceEquals(type.Type, PyType.TypeObject)
            && type.HasFlag(TypeFlags.HeapType)
            && ReferenceEquals(type.Slots.New, PyBaseObject.TypeObject.Slots.New)
            && type.Lookup(s_init) is PyFunction init
            && (init.Code.Flags & (CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator)) == 0)
        {
            c.Init = init;
        }
        code.InlineCaches[index] = c;
        return c.Init;
    }

    /// <summary>The result of a call whose <c>__init__</c> ran inline: the instance, once
    /// <c>__init__</c> has returned None.</summary>
    public static PyObject InitResult(PyObject instance, PyObject returned) => returned is PyNone
        ? instance
        : throw Errors.PyErr.TypeError($"__init__() should return None, not '{returned.Type.Name}'");

    // ---- BINARY_OP and COMPARE_OP on int and float ----

    /// <summary>BINARY_OP on two ints that fit in 64 bits, or null when the result does not
    /// (or the operation is not one done here).</summary>
    public static PyObject? IntOp(long x, long y, int op)
    {
        switch (op)
        {
            case 0 or 13:
            {
                var r = x + y;
                // Overflow when both operands have the same sign and the result's differs.
                return ((x ^ r) & (y ^ r)) >= 0 ? PyInt.From(r) : null;
            }
            case 10 or 23:
            {
                var r = x - y;
                return ((x ^ y) & (x ^ r)) >= 0 ? PyInt.From(r) : null;
            }
            case 5 or 18:
            {
                var hi = Math.BigMul(x, y, out var lo);
                return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? PyInt.From(lo) : null;
            }
            case 2 or 15 or 6 or 19:
            {
                if (y == 0 || (x == long.MinValue && y == -1))
                {
                    return null;
                }
                var q = x / y;
                var m = x % y;
                // C# truncates; Python floors: a remainder whose sign differs from the divisor's moves.
                if (m != 0 && (m ^ y) < 0)
                {
                    m += y;
                    q--;
                }
                return PyInt.From(op is 2 or 15 ? q : m);
            }
            case 11 or 24:
                // Both exactly representable: the quotient is correctly rounded, as int/int is.
                return y != 0 && x is >= -(1L << 53) and <= 1L << 53 && y is >= -(1L << 53) and <= 1L << 53 ? new PyFloat((double)x / y) : null;
            case 1 or 14:
                return PyInt.From(x & y);
            case 7 or 20:
                return PyInt.From(x | y);
            case 12 or 25:
                return PyInt.From(x ^ y);
            default:
                return null;
        }
    }

    /// <summary>BINARY_OP on two floats (or a float and a small int), or null for the
    /// operations left to the number protocol (division by zero, //, %, **).</summary>
    public static PyObject? FloatOp(double x, double y, int op) => op switch
    {
        0 or 13 => new PyFloat(x + y),
        10 or 23 => new PyFloat(x - y),
        5 or 18 => new PyFloat(x * y),
        (11 or 24) when y != 0 => new PyFloat(x / y),
        _ => null,
    };

    /// <summary>COMPARE_OP: ints that fit in 64 bits and floats compared inline.</summary>
    public static PyObject Compare(PyObject left, PyObject right, CompareOp op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt))
        {
            var a = Unsafe.As<PyInt>(left);
            var b = Unsafe.As<PyInt>(right);
            if (a.IsSmall && b.IsSmall)
            {
                var x = a.Small;
                var y = b.Small;
                return PyBool.From(op switch
                {
                    CompareOp.Lt => x < y,
                    CompareOp.Le => x <= y,
                    CompareOp.Eq => x == y,
                    CompareOp.Ne => x != y,
                    CompareOp.Gt => x > y,
                    _ => x >= y,
                });
            }
        }
        else if (left.GetType() == typeof(PyFloat) && right.GetType() == typeof(PyFloat))
        {
            // IEEE comparisons: NaN compares unequal and unordered, as in float_richcompare.
            var x = Unsafe.As<PyFloat>(left).Value;
            var y = Unsafe.As<PyFloat>(right).Value;
            return PyBool.From(op switch
            {
                CompareOp.Lt => x < y,
                CompareOp.Le => x <= y,
                CompareOp.Eq => x == y,
                CompareOp.Ne => x != y,
                CompareOp.Gt => x > y,
                _ => x >= y,
            });
        }
        return Ops.RichCompare(left, right, op);
    }
}
