// Objects/setobject.c
using System.Collections;

namespace Taipan.Bytecode;

/// <summary>A frozenset constant. Keeps its items in insertion order (marshal writes them in
/// that order) without duplicates by Python equality; equality with another frozenset is set
/// equality, and the hash does not depend on order.</summary>
public sealed class ConstantFrozenSet : IReadOnlyCollection<object?>, IEquatable<ConstantFrozenSet>
{
    public static readonly ConstantFrozenSet Empty = new([]);

    private readonly object?[] _items;
    private HashSet<object?>? _set;
    internal int? _hash;

    /// <summary>Builds the set from <paramref name="items"/>, dropping later duplicates.</summary>
    public ConstantFrozenSet(IEnumerable<object?> items)
    {
        var seen = new HashSet<object?>(PyValue.Comparer);
        var list = new List<object?>();
        foreach (var item in items)
        {
            if (seen.Add(item))
            {
                list.Add(item);
            }
        }

        _items = [.. list];
        _set = seen;
    }

    public int Count => _items.Length;

    /// <summary>The items in insertion order.</summary>
    public ReadOnlySpan<object?> AsSpan() => _items;

    public bool Contains(object? item) => Set.Contains(item);

    private HashSet<object?> Set => _set ??= new HashSet<object?>(_items, PyValue.Comparer);

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ConstantFrozenSet? other) => PyValue.Equal(this, other);

    public override bool Equals(object? obj) => obj is ConstantFrozenSet s && PyValue.Equal(this, s);

    public override int GetHashCode() => PyValue.Hash(this);

    public override string ToString() => PyValue.Repr(this);
}
