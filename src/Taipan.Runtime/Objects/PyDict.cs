// Objects/dictobject.c
using System.Runtime.CompilerServices;

namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>dict</c>: CPython's compact ordered layout — an index table probed with the hash
/// (perturbed probing as in dictobject.c) pointing into a dense, insertion-ordered entry
/// array. Hashes are stored, str keys compare by reference or ordinal before any call to
/// <c>__eq__</c>, and <see cref="Version"/> changes on every mutation, for iteration checks and
/// the interpreter's global caches.
/// </summary>
[PyType("dict", Subclassable = true, Generic = true, Unhashable = true, Flags = TypeFlags.DictSubclass)]
public partial class PyDict : PyObject
{
    private const int Empty = -1;
    private const int Dummy = -2;
    private const int MinSize = 8;

    private struct Entry
    {
        public long Hash;
        public PyObject? Key;
        public PyObject? Value;
    }

    private int[] _indices;
    private Entry[] _entries;
    private int _entryCount; // entries used, including deleted ones
    private int _count;
    private static ulong s_version;
    private static ulong s_keysVersion;

    public PyDict()
    {
        _indices = NewIndices(MinSize);
        _entries = new Entry[MinSize * 2 / 3];
    }

    /// <summary>A number that changes whenever the dict changes (PEP 509).</summary>
    public ulong Version { get; private set; }

    public int Count => _count;

    private static int[] NewIndices(int size)
    {
        var a = new int[size];
        Array.Fill(a, Empty);
        return a;
    }

    // Not interlocked: a value store is the commonest mutation, and nothing relies on two
    // dicts never sharing a Version (the caches use KeysVersion).
    private void Bump() => Version = ++s_version;

    /// <summary>Changes only when a key is added or removed (dict-keys versions of PEP 659's
    /// global caches): while it stands, a name known to be absent stays absent. Unique across
    /// dicts once they have keys, so it also identifies the dict.</summary>
    internal ulong KeysVersion { get; private set; }

    private void BumpKeys() => KeysVersion = Interlocked.Increment(ref s_keysVersion);

    /// <summary>The value of the entry at <paramref name="index"/> when its key is
    /// <paramref name="key"/> itself: the inline caches' index hint, valid whatever happened to
    /// the dict since the hint was taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetAt(int index, PyStr key, out PyObject value)
    {
        var entries = _entries;
        if ((uint)index < (uint)entries.Length && ReferenceEquals(entries[index].Key, key))
        {
            value = entries[index].Value!;
            return true;
        }
        value = null!;
        return false;
    }

    /// <summary>Replaces the value of the entry at <paramref name="index"/> when its key is
    /// <paramref name="key"/> itself; false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TrySetAt(int index, PyStr key, PyObject value)
    {
        var entries = _entries;
        if ((uint)index < (uint)entries.Length && ReferenceEquals(entries[index].Key, key))
        {
            entries[index].Value = value;
            Bump();
            return true;
        }
        return false;
    }

    /// <summary>The entry index of <paramref name="key"/> when the dict holds that very object
    /// as the key (a hint for <see cref="TryGetAt"/>), else -1.</summary>
    internal int IndexOfIdentical(PyStr key)
    {
        var ix = Find(key, key.Hash, out _);
        return ix >= 0 && ReferenceEquals(_entries[ix].Key, key) ? ix : -1;
    }

    public PyObject? this[PyObject key]
    {
        get => TryGetValue(key, out var v) ? v : null;
        set
        {
            if (value is null)
            {
                Remove(key);
            }
            else
            {
                SetItem(key, value);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long HashOf(PyObject key)
    {
        // Exact classes first: 'is PyStr' on an int walks the int's class hierarchy.
        if (key.GetType() == typeof(PyStr))
        {
            return Unsafe.As<PyStr>(key).Hash;
        }
        if (key.GetType() == typeof(PyInt) && Unsafe.As<PyInt>(key).IsSmall)
        {
            return Python.PyHash.Int(Unsafe.As<PyInt>(key).Small);
        }
        return Abstract.Ops.Hash(key);
    }

    public bool TryGetValue(PyObject key, out PyObject value)
    {
        var ix = Find(key, HashOf(key), out _);
        if (ix >= 0)
        {
            value = _entries[ix].Value!;
            return true;
        }
        value = null!;
        return false;
    }

    public bool ContainsKey(PyObject key) => Find(key, HashOf(key), out _) >= 0;

    /// <summary>Finds the entry index of <paramref name="key"/>, or -1, with the index-table slot
    /// where it is (or where it would go).</summary>
    private int Find(PyObject key, long hash, out int slot)
    {
    restart:
        var indices = _indices;
        var mask = indices.Length - 1;
        var perturb = (ulong)hash;
        var i = (int)((ulong)hash & (ulong)mask);
        var freeSlot = -1;
        while (true)
        {
            var ix = indices[i];
            if (ix == Empty)
            {
                slot = freeSlot >= 0 ? freeSlot : i;
                return -1;
            }
            if (ix == Dummy)
            {
                if (freeSlot < 0)
                {
                    freeSlot = i;
                }
            }
            else
            {
                ref var e = ref _entries[ix];
                if (ReferenceEquals(e.Key, key))
                {
                    slot = i;
                    return ix;
                }
                if (e.Hash == hash)
                {
                    var k = e.Key!;
                    if (k.GetType() == typeof(PyStr) && key.GetType() == typeof(PyStr))
                    {
                        if (string.Equals(Unsafe.As<PyStr>(k).Value, Unsafe.As<PyStr>(key).Value, StringComparison.Ordinal))
                        {
                            slot = i;
                            return ix;
                        }
                    }
                    else if (k.GetType() == typeof(PyInt) && key.GetType() == typeof(PyInt) && Unsafe.As<PyInt>(k).IsSmall && Unsafe.As<PyInt>(key).IsSmall)
                    {
                        if (Unsafe.As<PyInt>(k).Small == Unsafe.As<PyInt>(key).Small)
                        {
                            slot = i;
                            return ix;
                        }
                    }
                    else
                    {
                        var entries = _entries;
                        var equal = Abstract.Ops.RichCompareBool(k, key, CompareOp.Eq);
                        if (!ReferenceEquals(entries, _entries) || !ReferenceEquals(indices, _indices) || !ReferenceEquals(_entries[ix].Key, k))
                        {
                            // __eq__ mutated the dict; CPython starts the lookup again.
                            goto restart;
                        }
                        if (equal)
                        {
                            slot = i;
                            return ix;
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    public void SetItem(PyObject key, PyObject value)
    {
        var hash = HashOf(key);
        var ix = Find(key, hash, out var slot);
        if (ix >= 0)
        {
            _entries[ix].Value = value;
            Bump();
            return;
        }
        if (_entryCount == _entries.Length)
        {
            Resize(GrowthSize());
            Find(key, hash, out slot);
        }
        _entries[_entryCount] = new Entry { Hash = hash, Key = key, Value = value };
        _indices[slot] = _entryCount;
        _entryCount++;
        _count++;
        Bump();
        BumpKeys();
    }

    private int GrowthSize() => Math.Max(_count * 3, MinSize);

    private void Resize(int minUsed)
    {
        var size = MinSize;
        while (size * 2 / 3 < minUsed)
        {
            size <<= 1;
        }
        var entries = new Entry[size * 2 / 3];
        var indices = NewIndices(size);
        var mask = size - 1;
        var n = 0;
        for (var j = 0; j < _entryCount; j++)
        {
            ref var e = ref _entries[j];
            if (e.Key is null)
            {
                continue;
            }
            entries[n] = e;
            var perturb = (ulong)e.Hash;
            var i = (int)((ulong)e.Hash & (ulong)mask);
            while (indices[i] != Empty)
            {
                perturb >>= 5;
                i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
            }
            indices[i] = n++;
        }
        _entries = entries;
        _indices = indices;
        _entryCount = n;
    }

    public bool Remove(PyObject key)
    {
        var ix = Find(key, HashOf(key), out var slot);
        if (ix < 0)
        {
            return false;
        }
        _indices[slot] = Dummy;
        _entries[ix] = default;
        _count--;
        Bump();
        BumpKeys();
        return true;
    }

    [PyMethod]
    public void Clear()
    {
        _indices = NewIndices(MinSize);
        _entries = new Entry[MinSize * 2 / 3];
        _entryCount = 0;
        _count = 0;
        Bump();
        BumpKeys();
    }

    /// <summary>The live entries in insertion order. Mutating the dict while enumerating raises
    /// RuntimeError as CPython's iterators do.</summary>
    public IEnumerable<KeyValuePair<PyObject, PyObject>> Items()
    {
        var count = _count;
        for (var j = 0; j < _entryCount; j++)
        {
            var e = _entries[j];
            if (e.Key is not null)
            {
                yield return new KeyValuePair<PyObject, PyObject>(e.Key, e.Value!);
            }
            if (count != _count)
            {
                throw Errors.PyErr.RuntimeError("dictionary changed size during iteration");
            }
        }
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        ReferenceEquals(type, TypeObject) ? new PyDict() : new PyDictInstance(type);

    /// <summary><c>dict(mapping_or_pairs=(), **kwargs)</c>.</summary>
    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => UpdateCommon("dict", args, kwnames);

    private void UpdateCommon(string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (npos > 1)
        {
            throw Errors.PyErr.TypeError($"{name} expected at most 1 argument, got {npos}");
        }
        if (npos == 1)
        {
            UpdateFrom(args[0]);
        }
        for (var k = 0; k < nkw; k++)
        {
            SetItem(kwnames![k], args[npos + k]);
        }
    }

    /// <summary><c>dict_update_arg</c>: a dict, anything with <c>keys()</c>, or pairs.</summary>
    public void UpdateFrom(PyObject other)
    {
        if (other is PyDict d)
        {
            if (ReferenceEquals(d, this))
            {
                return;
            }
            if (_count == 0 && d._count == d._entryCount)
            {
                _indices = (int[])d._indices.Clone();
                _entries = (Entry[])d._entries.Clone();
                _entryCount = d._entryCount;
                _count = d._count;
                Bump();
                return;
            }
            var pos = 0;
            var used = d._count;
            while (d.NextEntry(ref pos, out var k, out var v))
            {
                SetItem(k, v);
                if (d._count != used)
                {
                    throw Errors.PyErr.RuntimeError("dict mutated during update");
                }
            }
            return;
        }
        if (Abstract.Ops.TryGetAttr(other, PyStr.Intern("keys")) is { } keys)
        {
            foreach (var k in Abstract.Ops.Iterate(Abstract.Ops.Call(keys, [], null)))
            {
                var get = other.Type.Slots.GetItem ?? throw Errors.PyErr.TypeError($"'{other.Type.Name}' object is not subscriptable");
                SetItem(k, get(other, k));
            }
            return;
        }
        var i = 0;
        foreach (var item in Abstract.Ops.Iterate(other))
        {
            if (item.Type.Slots.Iter is null && item.Type.Slots.GetItem is null)
            {
                throw Errors.PyErr.TypeError($"cannot convert dictionary update sequence element #{i} to a sequence");
            }
            var pair = item as PyTuple is { Count: 2 } t ? [t[0], t[1]] : Abstract.Ops.Iterate(item).ToArray();
            if (pair.Length != 2)
            {
                throw Errors.PyErr.ValueError($"dictionary update sequence element #{i} has length {pair.Length}; 2 is required");
            }
            SetItem(pair[0], pair[1]);
            i++;
        }
    }

    /// <summary>The live entries in order: <paramref name="pos"/> starts at 0.</summary>
    internal bool NextEntry(ref int pos, out PyObject key, out PyObject value)
    {
        var entries = _entries;
        while (pos < _entryCount && pos < entries.Length)
        {
            ref var e = ref entries[pos++];
            if (e.Key is not null)
            {
                key = e.Key;
                value = e.Value!;
                return true;
            }
        }
        key = value = null!;
        return false;
    }

    /// <summary>The live entries backwards: <paramref name="pos"/> starts at -1 for the end.</summary>
    internal bool PreviousEntry(ref int pos, out PyObject key, out PyObject value)
    {
        if (pos < 0 || pos > _entryCount)
        {
            pos = _entryCount;
        }
        while (--pos >= 0)
        {
            ref var e = ref _entries[pos];
            if (e.Key is not null)
            {
                key = e.Key;
                value = e.Value!;
                return true;
            }
        }
        pos = 0;
        key = value = null!;
        return false;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => PyDictIterator.Create(this, DictIterKind.Keys, false);

    [PyMethod("__reversed__")]
    public PyObject Reversed() => PyDictIterator.Create(this, DictIterKind.Keys, true);

    [PyMethod]
    public PyObject Keys() => new PyDictKeys(this);

    [PyMethod]
    public PyObject Values() => new PyDictValues(this);

    [PyMethod("items")]
    public PyObject ItemsView() => new PyDictItems(this);

    [PyMethod]
    public PyObject Pop(PyObject key, PyObject? @default = null)
    {
        var ix = Find(key, HashOf(key), out var slot);
        if (ix < 0)
        {
            return @default ?? throw Errors.PyErr.KeyError(key);
        }
        var v = _entries[ix].Value!;
        _indices[slot] = Dummy;
        _entries[ix] = default;
        _count--;
        Bump();
        return v;
    }

    [PyMethod]
    public PyObject PopItem()
    {
        if (_count == 0)
        {
            throw Errors.PyErr.New(PyExc.KeyError, "popitem(): dictionary is empty");
        }
        var j = _entryCount - 1;
        while (_entries[j].Key is null)
        {
            j--;
        }
        var e = _entries[j];
        Remove(e.Key!);
        _entryCount = j;
        return PyTuple.Create(e.Key!, e.Value!);
    }

    [PyMethod]
    public PyObject SetDefault(PyObject key, PyObject? @default = null)
    {
        if (TryGetValue(key, out var v))
        {
            return v;
        }
        v = @default ?? PyNone.Value;
        SetItem(key, v);
        return v;
    }

    [PyMethod]
    public void Update(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => UpdateCommon("update", args, kwnames);

    [PyClassMethod]
    public static PyObject FromKeys(PyType type, PyObject iterable, PyObject? value = null)
    {
        value ??= PyNone.Value;
        var d = Abstract.Ops.Call(type, [], null);
        if (d.GetType() == typeof(PyDict))
        {
            var dict = (PyDict)d;
            foreach (var k in Abstract.Ops.Iterate(iterable))
            {
                dict.SetItem(k, value);
            }
            return dict;
        }
        var set = d.Type.Slots.SetItem ?? throw Errors.PyErr.TypeError($"'{d.Type.Name}' object does not support item assignment");
        foreach (var k in Abstract.Ops.Iterate(iterable))
        {
            set(d, k, value);
        }
        return d;
    }

    [PyMethod]
    public PyDict Copy()
    {
        // Into an empty dict, a dict without deleted entries is cloned table and all.
        var d = new PyDict();
        d.UpdateFrom(this);
        return d;
    }

    [PySlot("nb_or")]
    public static PyObject Or(PyObject left, PyObject right)
    {
        if (left is not PyDict a || right is not PyDict b)
        {
            return PyNotImplemented.Value;
        }
        var d = a.Copy();
        d.UpdateFrom(b);
        return d;
    }

    [PySlot("nb_inplace_or")]
    public static PyObject InPlaceOr(PyObject left, PyObject right)
    {
        ((PyDict)left).UpdateFrom(right);
        return left;
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyDict a || right is not PyDict b || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        return PyBool.From(a.DictEquals(b) == (op == CompareOp.Eq));
    }

    private bool DictEquals(PyDict b)
    {
        if (_count != b._count)
        {
            return false;
        }
        using var depth = Python.RecursionGuard.Enter(" in comparison");
        var pos = 0;
        while (NextEntry(ref pos, out var k, out var v))
        {
            if (!b.TryGetValue(k, out var bv) || !Abstract.Ops.RichCompareBool(v, bv, CompareOp.Eq))
            {
                return false;
            }
        }
        return true;
    }

    [PySlot("mp_length")]
    public long Length() => _count;

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (TryGetValue(key, out var v))
        {
            return v;
        }
        if (GetType() != typeof(PyDict) && Type.Lookup(PyStr.Intern("__missing__")) is { } missing)
        {
            return Abstract.Ops.Call(missing, [this, key], null);
        }
        throw Errors.PyErr.KeyError(key);
    }

    [PySlot("mp_ass_subscript")]
    public void AssignItem(PyObject key, PyObject? value)
    {
        if (value is not null)
        {
            SetItem(key, value);
        }
        else if (!Remove(key))
        {
            throw Errors.PyErr.KeyError(key);
        }
    }

    [PySlot("sq_contains")]
    public bool Contains(PyObject key) => ContainsKey(key);

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        if (_count == 0)
        {
            return PyStr.Intern("{}");
        }
        using var guard = Python.ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return PyStr.Intern("{...}");
        }
        using var depth = Python.RecursionGuard.Enter(" while getting the repr of an object");
        var parts = new List<string>(_count);
        foreach (var (k, v) in Items())
        {
            parts.Add(Abstract.Ops.Repr(k).Value + ": " + Abstract.Ops.Repr(v).Value);
        }
        return new PyStr("{" + string.Join(", ", parts) + "}");
    }

    [PyMethod]
    public PyObject Get(PyObject key, PyObject? @default = null) =>
        TryGetValue(key, out var v) ? v : @default ?? PyNone.Value;
}
