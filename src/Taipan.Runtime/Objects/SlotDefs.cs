// Objects/typeobject.c (slotdefs: which special methods each slot stands for)
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// CPython's <c>slotdefs</c> table: for each type slot, the special methods that expose it in
/// the type's dict (<c>int.__add__</c>, <c>int.__radd__</c> for <c>nb_add</c>). The wrappers
/// call the slot of the type that defines them, so <c>int.__add__(True, 1)</c> is int's addition.
/// </summary>
public static class SlotDefs
{
    private static readonly Dictionary<string, (string Dunder, Func<PyType, MethodSlot> Wrapper)[]> s_defs = new()
    {
        ["tp_repr"] = [("__repr__", t => Unary(t, "__repr__", static s => s.Repr))],
        ["tp_str"] = [("__str__", t => Unary(t, "__str__", static s => s.Str))],
        ["tp_hash"] = [("__hash__", t => (self, args, kw) => { Arity(t, "__hash__", args, kw, 0); return PyInt.From(t.Slots.Hash!(self)); })],
        ["tp_call"] = [("__call__", t => (self, args, kw) => t.Slots.Call!(self, args, kw))],
        ["tp_richcompare"] =
        [
            ("__lt__", t => Compare(t, "__lt__", CompareOp.Lt)),
            ("__le__", t => Compare(t, "__le__", CompareOp.Le)),
            ("__eq__", t => Compare(t, "__eq__", CompareOp.Eq)),
            ("__ne__", t => Compare(t, "__ne__", CompareOp.Ne)),
            ("__gt__", t => Compare(t, "__gt__", CompareOp.Gt)),
            ("__ge__", t => Compare(t, "__ge__", CompareOp.Ge)),
        ],
        ["tp_iter"] = [("__iter__", t => Unary(t, "__iter__", static s => s.Iter))],
        ["tp_iternext"] = [("__next__", t => (self, args, kw) =>
        {
            Arity(t, "__next__", args, kw, 0);
            return t.Slots.IterNext!(self) ?? throw PyErr.New(PyExc.StopIteration, "");
        })],
        ["tp_getattro"] = [("__getattribute__", t => (self, args, kw) =>
        {
            Arity(t, "__getattribute__", args, kw, 1);
            var name = args[0] as PyStr ?? throw PyErr.TypeError($"attribute name must be string, not '{args[0].Type.Name}'");
            return t.Slots.GetAttr!(self, name) ?? throw PyErr.NoAttribute(self, name);
        })],
        ["tp_setattro"] =
        [
            ("__setattr__", t => (self, args, kw) =>
            {
                Arity(t, "__setattr__", args, kw, 2);
                t.Slots.SetAttr!(self, AttrName(args[0]), args[1]);
                return PyNone.Value;
            }),
            ("__delattr__", t => (self, args, kw) =>
            {
                Arity(t, "__delattr__", args, kw, 1);
                t.Slots.SetAttr!(self, AttrName(args[0]), null);
                return PyNone.Value;
            }),
        ],
        ["tp_descr_get"] = [("__get__", t => (self, args, kw) =>
        {
            ArgParse.NoKeywords(t.Name + ".__get__", kw);
            ArgParse.CheckPositional("__get__", args.Length, 1, 2);
            var instance = args[0] is PyNone ? null : args[0];
            var owner = args.Length > 1 && args[1] is not PyNone ? args[1] as PyType : null;
            if (instance is null && owner is null)
            {
                throw PyErr.TypeError("__get__(None, None) is invalid");
            }
            return t.Slots.DescrGet!(self, instance, owner);
        })],
        ["tp_descr_set"] =
        [
            ("__set__", t => (self, args, kw) => { Arity(t, "__set__", args, kw, 2); t.Slots.DescrSet!(self, args[0], args[1]); return PyNone.Value; }),
            ("__delete__", t => (self, args, kw) => { Arity(t, "__delete__", args, kw, 1); t.Slots.DescrSet!(self, args[0], null); return PyNone.Value; }),
        ],
        ["nb_add"] = BinaryPair("add", static s => s.Add),
        ["nb_subtract"] = BinaryPair("sub", static s => s.Subtract),
        ["nb_multiply"] = BinaryPair("mul", static s => s.Multiply),
        ["nb_remainder"] = BinaryPair("mod", static s => s.Remainder),
        ["nb_divmod"] = BinaryPair("divmod", static s => s.Divmod),
        ["nb_power"] =
        [
            ("__pow__", t => (self, args, kw) => { PowArity(t, "__pow__", args, kw); return t.Slots.Power!(self, args[0], args.Length > 1 ? args[1] : PyNone.Value); }),
            ("__rpow__", t => (self, args, kw) => { PowArity(t, "__rpow__", args, kw); return t.Slots.Power!(args[0], self, args.Length > 1 ? args[1] : PyNone.Value); }),
        ],
        ["nb_lshift"] = BinaryPair("lshift", static s => s.LShift),
        ["nb_rshift"] = BinaryPair("rshift", static s => s.RShift),
        ["nb_and"] = BinaryPair("and", static s => s.And),
        ["nb_xor"] = BinaryPair("xor", static s => s.Xor),
        ["nb_or"] = BinaryPair("or", static s => s.Or),
        ["nb_floor_divide"] = BinaryPair("floordiv", static s => s.FloorDivide),
        ["nb_true_divide"] = BinaryPair("truediv", static s => s.TrueDivide),
        ["nb_matrix_multiply"] = BinaryPair("matmul", static s => s.MatrixMultiply),
        ["nb_negative"] = [("__neg__", t => Unary(t, "__neg__", static s => s.Negative))],
        ["nb_positive"] = [("__pos__", t => Unary(t, "__pos__", static s => s.Positive))],
        ["nb_absolute"] = [("__abs__", t => Unary(t, "__abs__", static s => s.Absolute))],
        ["nb_invert"] = [("__invert__", t => Unary(t, "__invert__", static s => s.Invert))],
        ["nb_int"] = [("__int__", t => Unary(t, "__int__", static s => s.Int))],
        ["nb_float"] = [("__float__", t => Unary(t, "__float__", static s => s.Float))],
        ["nb_index"] = [("__index__", t => Unary(t, "__index__", static s => s.Index))],
        ["nb_bool"] = [("__bool__", t => (self, args, kw) => { Arity(t, "__bool__", args, kw, 0); return PyBool.From(t.Slots.Bool!(self)); })],
        ["sq_length"] = [("__len__", t => Length(t))],
        ["mp_length"] = [("__len__", t => Length(t))],
        ["mp_subscript"] = [("__getitem__", t => (self, args, kw) => { Arity(t, "__getitem__", args, kw, 1); return t.Slots.GetItem!(self, args[0]); })],
        ["sq_item"] = [("__getitem__", t => (self, args, kw) => { Arity(t, "__getitem__", args, kw, 1); return t.Slots.GetItem!(self, args[0]); })],
        ["mp_ass_subscript"] =
        [
            ("__setitem__", t => (self, args, kw) => { Arity(t, "__setitem__", args, kw, 2); t.Slots.SetItem!(self, args[0], args[1]); return PyNone.Value; }),
            ("__delitem__", t => (self, args, kw) => { Arity(t, "__delitem__", args, kw, 1); t.Slots.SetItem!(self, args[0], null); return PyNone.Value; }),
        ],
        ["sq_contains"] = [("__contains__", t => (self, args, kw) => { Arity(t, "__contains__", args, kw, 1); return PyBool.From(t.Slots.Contains!(self, args[0])); })],
        ["sq_concat"] = [("__add__", t => (self, args, kw) => { Arity(t, "__add__", args, kw, 1); return t.Slots.Concat!(self, args[0]); })],
        ["sq_repeat"] =
        [
            ("__mul__", t => (self, args, kw) => { Arity(t, "__mul__", args, kw, 1); return t.Slots.Repeat!(self, args[0]); }),
            ("__rmul__", t => (self, args, kw) => { Arity(t, "__rmul__", args, kw, 1); return t.Slots.Repeat!(self, args[0]); }),
        ],
        ["sq_inplace_concat"] = InPlace("iadd", static s => s.InPlaceConcat),
        ["sq_inplace_repeat"] = InPlace("imul", static s => s.InPlaceRepeat),
        ["nb_inplace_add"] = InPlace("iadd", static s => s.InPlaceAdd),
        ["nb_inplace_subtract"] = InPlace("isub", static s => s.InPlaceSubtract),
        ["nb_inplace_multiply"] = InPlace("imul", static s => s.InPlaceMultiply),
        ["nb_inplace_remainder"] = InPlace("imod", static s => s.InPlaceRemainder),
        ["nb_inplace_power"] = [("__ipow__", t => (self, args, kw) => { PowArity(t, "__ipow__", args, kw); return t.Slots.InPlacePower!(self, args[0], args.Length > 1 ? args[1] : PyNone.Value); })],
        ["nb_inplace_lshift"] = InPlace("ilshift", static s => s.InPlaceLShift),
        ["nb_inplace_rshift"] = InPlace("irshift", static s => s.InPlaceRShift),
        ["nb_inplace_and"] = InPlace("iand", static s => s.InPlaceAnd),
        ["nb_inplace_xor"] = InPlace("ixor", static s => s.InPlaceXor),
        ["nb_inplace_or"] = InPlace("ior", static s => s.InPlaceOr),
        ["nb_inplace_floor_divide"] = InPlace("ifloordiv", static s => s.InPlaceFloorDivide),
        ["nb_inplace_true_divide"] = InPlace("itruediv", static s => s.InPlaceTrueDivide),
        ["nb_inplace_matrix_multiply"] = InPlace("imatmul", static s => s.InPlaceMatrixMultiply),
        ["tp_init"] = [("__init__", t => (self, args, kw) => { t.Slots.Init!(self, args, kw); return PyNone.Value; })],
    };

    /// <summary>Adds to <paramref name="type"/>'s dict the special methods of one of its slots.</summary>
    public static void AddWrappers(PyType type, string slot)
    {
        if (slot == "tp_new")
        {
            // __new__ is a static method taking the type first (tp_new_wrapper).
            type.AddBuiltin("__new__", new PyBuiltinFunction("__new__", null, (self, args, kw) =>
            {
                if (args.Length == 0)
                {
                    throw PyErr.TypeError($"{type.Name}.__new__(): not enough arguments");
                }
                var sub = args[0] as PyType ?? throw PyErr.TypeError($"{type.Name}.__new__(X): X is not a type object ({args[0].Type.Name})");
                if (!sub.IsSubtypeOf(type))
                {
                    throw PyErr.TypeError($"{type.Name}.__new__({sub.Name}): {sub.Name} is not a subtype of {type.Name}");
                }
                return type.Slots.New!(sub, args[1..], kw);
            }, null, type));
            return;
        }
        if (!s_defs.TryGetValue(slot, out var defs))
        {
            throw new ArgumentException($"no special methods known for slot {slot}", nameof(slot));
        }
        foreach (var (dunder, wrapper) in defs)
        {
            type.AddBuiltin(dunder, new PyWrapperDescriptor(type, dunder, wrapper(type), null));
        }
    }

    private static PyStr AttrName(PyObject o) =>
        o as PyStr ?? throw PyErr.TypeError($"attribute name must be string, not '{o.Type.Name}'");

    private static void Arity(PyType t, string name, ReadOnlySpan<PyObject> args, PyTuple? kw, int n)
    {
        ArgParse.NoKeywords($"{t.Name}.{name}", kw);
        if (args.Length != n)
        {
            throw PyErr.TypeError($"expected {n} argument{(n == 1 ? "" : "s")}, got {args.Length}");
        }
    }

    private static void PowArity(PyType t, string name, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        ArgParse.NoKeywords($"{t.Name}.{name}", kw);
        ArgParse.CheckPositional(name, args.Length, 1, 2);
    }

    private static MethodSlot Unary(PyType t, string name, Func<TypeSlots, UnarySlot?> select) => (self, args, kw) =>
    {
        Arity(t, name, args, kw, 0);
        return select(t.Slots)!(self);
    };

    private static MethodSlot Length(PyType t) => (self, args, kw) =>
    {
        Arity(t, "__len__", args, kw, 0);
        return PyInt.From(t.Slots.Length!(self));
    };

    private static MethodSlot Compare(PyType t, string name, CompareOp op) => (self, args, kw) =>
    {
        Arity(t, name, args, kw, 1);
        return t.Slots.RichCompare!(self, args[0], op);
    };

    /// <summary><c>__iop__</c> calls the slot as (self, other).</summary>
    private static (string, Func<PyType, MethodSlot>)[] InPlace(string op, Func<TypeSlots, BinarySlot?> select) =>
        [($"__{op}__", t => (self, args, kw) => { Arity(t, $"__{op}__", args, kw, 1); return select(t.Slots)!(self, args[0]); })];

    /// <summary><c>__op__</c> calls the slot as (self, other); <c>__rop__</c> as (other, self).</summary>

    private static (string, Func<PyType, MethodSlot>)[] BinaryPair(string op, Func<TypeSlots, BinarySlot?> select) =>
    [
        ($"__{op}__", t => (self, args, kw) => { Arity(t, $"__{op}__", args, kw, 1); return select(t.Slots)!(self, args[0]); }),
        ($"__r{op}__", t => (self, args, kw) => { Arity(t, $"__r{op}__", args, kw, 1); return select(t.Slots)!(args[0], self); }),
    ];
}
