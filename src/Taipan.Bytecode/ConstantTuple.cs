// Objects/tupleobject.c
using System.Collections;

namespace Taipan.Bytecode;

/// <summary>A tuple constant (in <c>co_consts</c>, or a tuple read by marshal). Equality and hash
/// are Python's (<c>(1, 2.0) == (1.0, 2)</c>), see <see cref="PyValue"/>. The items array is
/// owned by the tuple: do not change it after construction (marshal fills it while reading,
/// before anyone sees the tuple, except through a self reference in malformed input).</summary>
public sealed class ConstantTuple : IReadOnlyList<object?>, IEquatable<ConstantTuple>
{
    public static readonly ConstantTuple Empty = new([]);

    internal readonly object?[] _items;

    public ConstantTuple(object?[] items) => _items = items;

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public ReadOnlySpan<object?> AsSpan() => _items;

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ConstantTuple? other) => PyValue.Equal(this, other);

    public override bool Equals(object? obj) => obj is ConstantTuple t && PyValue.Equal(this, t);

    public override int GetHashCode() => PyValue.Hash(this);

    public override string ToString() => PyValue.Repr(this);
}
