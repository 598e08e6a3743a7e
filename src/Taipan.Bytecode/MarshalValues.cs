// Python/marshal.c (the non-constant values marshal can hold)
using System.Collections;

namespace Taipan.Bytecode;

/// <summary>The type codes of marshal format version 4 (<c>TYPE_*</c>, <c>FLAG_REF</c>).</summary>
public static class MarshalType
{
    public const byte Null = (byte)'0';
    public const byte None = (byte)'N';
    public const byte False = (byte)'F';
    public const byte True = (byte)'T';
    public const byte StopIter = (byte)'S';
    public const byte Ellipsis = (byte)'.';
    public const byte Int = (byte)'i';
    /// <summary>Only read: CPython stopped writing it (TYPE_INT64).</summary>
    public const byte Int64 = (byte)'I';
    /// <summary>Text float of marshal versions 0 and 1.</summary>
    public const byte Float = (byte)'f';
    public const byte BinaryFloat = (byte)'g';
    public const byte Complex = (byte)'x';
    public const byte BinaryComplex = (byte)'y';
    public const byte Long = (byte)'l';
    /// <summary>bytes.</summary>
    public const byte String = (byte)'s';
    public const byte Interned = (byte)'t';
    public const byte Ref = (byte)'r';
    public const byte Tuple = (byte)'(';
    public const byte List = (byte)'[';
    public const byte Dict = (byte)'{';
    public const byte Code = (byte)'c';
    public const byte Unicode = (byte)'u';
    public const byte Unknown = (byte)'?';
    public const byte Set = (byte)'<';
    public const byte FrozenSet = (byte)'>';
    public const byte Ascii = (byte)'a';
    public const byte AsciiInterned = (byte)'A';
    public const byte SmallTuple = (byte)')';
    public const byte ShortAscii = (byte)'z';
    public const byte ShortAsciiInterned = (byte)'Z';
    public const byte FlagRef = 0x80;
}

/// <summary>A list read by marshal (mutable, so never a constant). The runtime turns it into a
/// Python list. It may contain itself through a marshal reference.</summary>
public sealed class MarshalList : List<object?>
{
    public MarshalList()
    {
    }

    public MarshalList(int capacity) : base(capacity)
    {
    }
}

/// <summary>A set read by marshal: insertion ordered, without duplicates by Python equality.</summary>
public sealed class MarshalSet : IReadOnlyCollection<object?>
{
    private readonly List<object?> _items = [];
    private readonly HashSet<object?> _set = new(PyValue.Comparer);

    public int Count => _items.Count;

    /// <summary>Adds <paramref name="item"/> unless an equal item is present (the caller has
    /// checked that it is hashable).</summary>
    public void Add(object? item)
    {
        if (_set.Add(item))
        {
            _items.Add(item);
        }
    }

    public bool Contains(object? item) => _set.Contains(item);

    public IEnumerator<object?> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}

/// <summary>A dict read by marshal: insertion ordered; setting an existing key (by Python
/// equality) keeps the first key and its position and replaces the value, as <c>dict</c> does.</summary>
public sealed class MarshalDict : IReadOnlyCollection<KeyValuePair<object?, object?>>
{
    private readonly List<KeyValuePair<object?, object?>> _items = [];
    private readonly Dictionary<object, int> _index = new(new NullSafe());

    public int Count => _items.Count;

    public void Set(object? key, object? value)
    {
        var k = key ?? NullKey;
        if (_index.TryGetValue(k, out var i))
        {
            _items[i] = new(_items[i].Key, value);
        }
        else
        {
            _index[k] = _items.Count;
            _items.Add(new(key, value));
        }
    }

    public bool TryGetValue(object? key, out object? value)
    {
        if (_index.TryGetValue(key ?? NullKey, out var i))
        {
            value = _items[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<object?, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private static readonly object NullKey = new();

    private sealed class NullSafe : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => PyValue.Equal(x, y);

        public int GetHashCode(object obj) => PyValue.Hash(obj);
    }
}

/// <summary>The <c>StopIteration</c> class as marshal data (TYPE_STOPITER).</summary>
public sealed class MarshalStopIteration
{
    public static readonly MarshalStopIteration Instance = new();

    private MarshalStopIteration()
    {
    }

    public override string ToString() => "<class 'StopIteration'>";
}
