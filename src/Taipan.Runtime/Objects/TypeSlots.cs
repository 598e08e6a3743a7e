// Include/cpython/object.h (the tp_* slot signatures)
namespace Taipan.Runtime.Objects;

/// <summary>A call in CPython's vectorcall shape: the positional arguments, then the values of
/// the keyword arguments whose names are in <paramref name="kwnames"/>. The interpreter passes
/// slices of its value stack, so a call allocates nothing for its arguments.</summary>
public delegate PyObject CallSlot(PyObject callable, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

/// <summary>A method's implementation: <paramref name="self"/> apart from the arguments.</summary>
public delegate PyObject MethodSlot(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

public delegate PyObject UnarySlot(PyObject self);

public delegate PyObject BinarySlot(PyObject left, PyObject right);

public delegate PyObject TernarySlot(PyObject a, PyObject b, PyObject c);

public delegate PyObject RichCompareSlot(PyObject left, PyObject right, CompareOp op);

public delegate long HashSlot(PyObject self);

public delegate long LengthSlot(PyObject self);

public delegate bool PredicateSlot(PyObject self);

public delegate bool ContainsSlot(PyObject container, PyObject item);

/// <summary><c>tp_getattro</c>, returning null instead of raising AttributeError for a missing
/// attribute: <c>getattr(o, n, default)</c>, <c>hasattr</c> and the interpreter's own misses
/// then cost no exception.</summary>
public delegate PyObject? GetAttrSlot(PyObject self, PyStr name);

/// <summary><c>tp_setattro</c>; a null value deletes.</summary>
public delegate void SetAttrSlot(PyObject self, PyStr name, PyObject? value);

/// <summary><c>mp_ass_subscript</c> / <c>sq_ass_item</c>; a null value deletes.</summary>
public delegate void SetItemSlot(PyObject self, PyObject key, PyObject? value);

/// <summary><c>tp_iternext</c>: the next item, or null when the iterator is exhausted (no
/// StopIteration is raised for that).</summary>
public delegate PyObject? IterNextSlot(PyObject self);

/// <summary><c>tp_descr_get</c>: <paramref name="instance"/> is null for access through the class.</summary>
public delegate PyObject DescrGetSlot(PyObject descriptor, PyObject? instance, PyType? owner);

/// <summary><c>tp_descr_set</c>; a null value deletes.</summary>
public delegate void DescrSetSlot(PyObject descriptor, PyObject instance, PyObject? value);

/// <summary><c>tp_new</c> in vectorcall shape.</summary>
public delegate PyObject NewSlot(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

/// <summary><c>tp_init</c> in vectorcall shape.</summary>
public delegate void InitSlot(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

/// <summary>The special-method slots of a type. Builtin types fill them from their
/// <c>[PySlot]</c> methods; classes defined in Python get wrappers that call their dunder
/// methods, kept up to date when the class changes.</summary>
public sealed class TypeSlots
{
    public UnarySlot? Repr;
    public UnarySlot? Str;
    public HashSlot? Hash;
    public CallSlot? Call;
    public GetAttrSlot? GetAttr;
    public SetAttrSlot? SetAttr;
    public RichCompareSlot? RichCompare;
    public UnarySlot? Iter;
    public IterNextSlot? IterNext;
    public DescrGetSlot? DescrGet;
    public DescrSetSlot? DescrSet;
    public NewSlot? New;
    public InitSlot? Init;

    // Number protocol (nb_*): each is called with the operands in source order, whichever of
    // them owns the slot, exactly as CPython's binary_op1 calls nb_add.
    public BinarySlot? Add;
    public BinarySlot? Subtract;
    public BinarySlot? Multiply;
    public BinarySlot? Remainder;
    public BinarySlot? Divmod;
    public TernarySlot? Power;
    public BinarySlot? LShift;
    public BinarySlot? RShift;
    public BinarySlot? And;
    public BinarySlot? Xor;
    public BinarySlot? Or;
    public BinarySlot? FloorDivide;
    public BinarySlot? TrueDivide;
    public BinarySlot? MatrixMultiply;
    public BinarySlot? InPlaceAdd;
    public BinarySlot? InPlaceSubtract;
    public BinarySlot? InPlaceMultiply;
    public BinarySlot? InPlaceRemainder;
    public TernarySlot? InPlacePower;
    public BinarySlot? InPlaceLShift;
    public BinarySlot? InPlaceRShift;
    public BinarySlot? InPlaceAnd;
    public BinarySlot? InPlaceXor;
    public BinarySlot? InPlaceOr;
    public BinarySlot? InPlaceFloorDivide;
    public BinarySlot? InPlaceTrueDivide;
    public BinarySlot? InPlaceMatrixMultiply;
    public UnarySlot? Negative;
    public UnarySlot? Positive;
    public UnarySlot? Absolute;
    public UnarySlot? Invert;
    public PredicateSlot? Bool;
    public UnarySlot? Int;
    public UnarySlot? Float;
    public UnarySlot? Index;

    // Sequence and mapping protocols.
    public LengthSlot? Length;
    public BinarySlot? GetItem;
    public SetItemSlot? SetItem;
    public ContainsSlot? Contains;

    // sq_concat and sq_repeat stay apart from nb_add and nb_multiply, as in CPython, because
    // they give the sequence's own error messages ("can only concatenate list ...").
    public BinarySlot? Concat;
    public BinarySlot? Repeat;
    public BinarySlot? InPlaceConcat;
    public BinarySlot? InPlaceRepeat;

    public TypeSlots Clone() => (TypeSlots)MemberwiseClone();
}
