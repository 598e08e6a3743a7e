// Objects/setobject.c
namespace Taipan.Runtime.Objects;

/// <summary>
/// The hash table shared by <c>set</c> and <c>frozenset</c>: CPython's open addressing with
/// runs of linear probes and perturbed jumps, the same table sizes, resizing and dummy entries,
/// so sets iterate (and print) in CPython's order.
/// </summary>
public abstract class PyAnySet : PyObject
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;

    private struct Entry
    {
        public long Hash;
        public PyObject? Key;
    }

    // A deleted entry: its hash is -1, which no object hashes to.
    private static readonly PyObject s_dummy = new PyTuple([]);

    private Entry[] _table = new Entry[MinSize];
    private int _fill; // active and dummy entries
    private int _used; // active entries
    private int _finger; // where pop() looks next

    private int Mask => _table.Length - 1;

    public int Count => _used;

    /// <summary>A new empty set of the same kind (set or frozenset) as this one.</summary>
    protected abstract PyAnySet NewEmpty();

    protected static long HashOf(PyObject key) => key.GetType() == typeof(PyStr) ? ((PyStr)key).Hash : Abstract.Ops.Hash(key);

    private static bool Same(PyObject a, PyObject b) =>
        ReferenceEquals(a, b)
        || (a is PyStr sa && b is PyStr sb && a.GetType() == typeof(PyStr) && b.GetType() == typeof(PyStr)
            && string.Equals(sa.Value, sb.Value, StringComparison.Ordinal));

    /// <summary>The table index of <paramref name="key"/>, or -1.</summary>
    private int Find(PyObject key, long hash)
    {
    restart:
        var table = _table;
        var mask = (ulong)Mask;
        var perturb = (ulong)hash;
        var i = (ulong)hash & mask;
        while (true)
        {
            var probes = i + LinearProbes <= mask ? LinearProbes : 0;
            var j = i;
            do
            {
                ref var e = ref table[j];
                if (e.Key is null)
                {
                    return -1;
                }
                if (e.Hash == hash && !ReferenceEquals(e.Key, s_dummy))
                {
                    var k = e.Key;
                    if (Same(k, key))
                    {
                        return (int)j;
                    }
                    if (k is not PyStr || key is not PyStr || k.GetType() != typeof(PyStr) || key.GetType() != typeof(PyStr))
                    {
                        var equal = Abstract.Ops.RichCompareBool(k, key, CompareOp.Eq);
                        if (!ReferenceEquals(table, _table) || !ReferenceEquals(table[j].Key, k))
                        {
                            goto restart;
                        }
                        if (equal)
                        {
                            return (int)j;
                        }
                    }
                }
                j++;
            }
            while (probes-- > 0);
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    protected void AddEntry(PyObject key, long hash)
    {
    restart:
        var table = _table;
        var mask = (ulong)Mask;
        var perturb = (ulong)hash;
        var i = (ulong)hash & mask;
        long freeSlot = -1;
        while (true)
        {
            var probes = i + LinearProbes <= mask ? LinearProbes : 0;
            var j = i;
            do
            {
                ref var e = ref table[j];
                if (e.Key is null)
                {
                    if (freeSlot >= 0)
                    {
                        table[freeSlot] = new Entry { Hash = hash, Key = key };
                        _used++;
                        return;
                    }
                    e = new Entry { Hash = hash, Key = key };
                    _fill++;
                    _used++;
                    if ((ulong)_fill * 5 >= mask * 3)
                    {
                        Resize(_used > 50000 ? _used * 2 : _used * 4);
                    }
                    return;
                }
                if (ReferenceEquals(e.Key, s_dummy))
                {
                    // CPython reuses the last dummy on the probe path, not the first.
                    freeSlot = (long)j;
                }
                else if (e.Hash == hash)
                {
                    var k = e.Key;
                    if (Same(k, key))
                    {
                        return;
                    }
                    if (k is not PyStr || key is not PyStr || k.GetType() != typeof(PyStr) || key.GetType() != typeof(PyStr))
                    {
                        var equal = Abstract.Ops.RichCompareBool(k, key, CompareOp.Eq);
                        if (equal)
                        {
                            return;
                        }
                        if (!ReferenceEquals(table, _table) || !ReferenceEquals(table[j].Key, k))
                        {
                            goto restart;
                        }
                    }
                }
                j++;
            }
            while (probes-- > 0);
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    private static void InsertClean(Entry[] table, PyObject key, long hash)
    {
        var mask = (ulong)(table.Length - 1);
        var perturb = (ulong)hash;
        var i = (ulong)hash & mask;
        while (true)
        {
            if (table[i].Key is null)
            {
                table[i] = new Entry { Hash = hash, Key = key };
                return;
            }
            if (i + LinearProbes <= mask)
            {
                for (ulong j = 1; j <= LinearProbes; j++)
                {
                    if (table[i + j].Key is null)
                    {
                        table[i + j] = new Entry { Hash = hash, Key = key };
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    private void Resize(int minUsed)
    {
        var size = MinSize;
        while (size <= minUsed)
        {
            size <<= 1;
        }
        if (size == MinSize && _table.Length == MinSize && _fill == _used)
        {
            // A small table without dummies stays as it is.
            return;
        }
        var old = _table;
        var table = new Entry[size];
        foreach (var e in old)
        {
            if (e.Key is not null && !ReferenceEquals(e.Key, s_dummy))
            {
                InsertClean(table, e.Key, e.Hash);
            }
        }
        _table = table;
        _fill = _used;
    }

    /// <summary>Removes the key if present (<c>set_discard_entry</c>).</summary>
    protected bool DiscardEntry(PyObject key, long hash)
    {
        var j = Find(key, hash);
        if (j < 0)
        {
            return false;
        }
        _table[j] = new Entry { Hash = -1, Key = s_dummy };
        _used--;
        return true;
    }

    protected bool ContainsEntry(PyObject key, long hash) => Find(key, hash) >= 0;

    /// <summary>The active entries in table order; <paramref name="pos"/> starts at 0.</summary>
    internal bool Next(ref int pos, out PyObject key, out long hash)
    {
        var table = _table;
        while (pos < table.Length)
        {
            ref var e = ref table[pos++];
            if (e.Key is not null && !ReferenceEquals(e.Key, s_dummy))
            {
                key = e.Key;
                hash = e.Hash;
                return true;
            }
        }
        key = null!;
        hash = 0;
        return false;
    }

    /// <summary>A hashable stand-in for a set used as a key (<c>set_contains</c>'s retry).</summary>
    private static bool TryFrozen(PyObject key, out PyObject frozen)
    {
        frozen = key;
        if (key is PySet s)
        {
            frozen = PyFrozenSet.From(s);
            return true;
        }
        return false;
    }

    protected bool ContainsKey(PyObject key)
    {
        if (key is PySet && TryFrozen(key, out var f))
        {
            return ContainsEntry(f, HashOf(f));
        }
        return ContainsEntry(key, HashOf(key));
    }

    protected void Clear()
    {
        _table = new Entry[MinSize];
        _fill = 0;
        _used = 0;
    }

    protected void Add(PyObject key) => AddEntry(key, HashOf(key));

    protected bool Discard(PyObject key)
    {
        if (key is PySet && TryFrozen(key, out var f))
        {
            return DiscardEntry(f, HashOf(f));
        }
        return DiscardEntry(key, HashOf(key));
    }

    protected PyObject PopEntry()
    {
        if (_used == 0)
        {
            throw Errors.PyErr.New(PyExc.KeyError, "pop from an empty set");
        }
        var i = _finger & Mask;
        while (_table[i].Key is null || ReferenceEquals(_table[i].Key, s_dummy))
        {
            i = i == Mask ? 0 : i + 1;
        }
        var key = _table[i].Key!;
        _table[i] = new Entry { Hash = -1, Key = s_dummy };
        _used--;
        _finger = i + 1;
        return key;
    }

    /// <summary><c>set_merge</c>: another set's entries, their hashes reused.</summary>
    private void Merge(PyAnySet other)
    {
        if (ReferenceEquals(other, this) || other._used == 0)
        {
            return;
        }
        if ((long)(_fill + other._used) * 5 >= (long)Mask * 3)
        {
            Resize((_used + other._used) * 2);
        }
        if (_fill == 0 && Mask == other.Mask && other._fill == other._used)
        {
            _table = (Entry[])other._table.Clone();
            _fill = other._fill;
            _used = other._used;
            return;
        }
        if (_fill == 0)
        {
            foreach (var e in other._table)
            {
                if (e.Key is not null && !ReferenceEquals(e.Key, s_dummy))
                {
                    InsertClean(_table, e.Key, e.Hash);
                }
            }
            _fill = _used = other._used;
            return;
        }
        var pos = 0;
        while (other.Next(ref pos, out var key, out var hash))
        {
            AddEntry(key, hash);
        }
    }

    /// <summary><c>set_update_internal</c>.</summary>
    protected void UpdateFrom(PyObject other)
    {
        if (other is PyAnySet s)
        {
            Merge(s);
            return;
        }
        if (other.GetType() == typeof(PyDict))
        {
            var d = (PyDict)other;
            if ((long)(_fill + d.Count) * 5 >= (long)Mask * 3)
            {
                Resize((_used + d.Count) * 2);
            }
            foreach (var (k, _) in d.Items())
            {
                Add(k);
            }
            return;
        }
        var it = Abstract.Ops.GetIter(other);
        while (Abstract.Ops.Next(it) is { } key)
        {
            Add(key);
        }
    }

    protected PyAnySet CopyAs(PyAnySet result)
    {
        result.Merge(this);
        return result;
    }

    protected PyAnySet Intersection(PyObject other)
    {
        var result = NewEmpty();
        if (other is PyAnySet o)
        {
            PyAnySet big = this, small = o;
            if (o._used > _used)
            {
                (big, small) = (o, this);
            }
            var pos = 0;
            while (small.Next(ref pos, out var key, out var hash))
            {
                if (big.ContainsEntry(key, hash))
                {
                    result.AddEntry(key, hash);
                }
            }
            return result;
        }
        foreach (var key in Abstract.Ops.Iterate(other))
        {
            var hash = HashOf(key);
            if (ContainsEntry(key, hash))
            {
                result.AddEntry(key, hash);
            }
        }
        return result;
    }

    protected void DifferenceUpdate(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            Clear();
            return;
        }
        if (other is PyAnySet o)
        {
            if ((o._used >> 3) > _used)
            {
                o = Intersection(o);
            }
            var pos = 0;
            while (o.Next(ref pos, out var key, out var hash))
            {
                DiscardEntry(key, hash);
            }
        }
        else
        {
            foreach (var key in Abstract.Ops.Iterate(other))
            {
                Discard(key);
            }
        }
        if (_fill - _used > Mask / 4)
        {
            Resize(_used > 50000 ? _used * 2 : _used * 4);
        }
    }

    protected PyAnySet Difference(PyObject other)
    {
        int otherSize;
        if (other is PyAnySet os)
        {
            otherSize = os._used;
        }
        else if (other.GetType() == typeof(PyDict))
        {
            otherSize = ((PyDict)other).Count;
        }
        else
        {
            return CopyAndDifference(other);
        }
        if ((_used >> 2) > otherSize)
        {
            return CopyAndDifference(other);
        }
        var result = NewEmpty();
        var pos = 0;
        while (Next(ref pos, out var key, out var hash))
        {
            var found = other is PyAnySet s ? s.ContainsEntry(key, hash) : ((PyDict)other).ContainsKey(key);
            if (!found)
            {
                result.AddEntry(key, hash);
            }
        }
        return result;
    }

    private PyAnySet CopyAndDifference(PyObject other)
    {
        var result = CopyAs(NewEmpty());
        result.DifferenceUpdate(other);
        return result;
    }

    protected void SymmetricDifferenceUpdate(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            Clear();
            return;
        }
        PyAnySet o;
        if (other is PyAnySet s)
        {
            o = s;
        }
        else
        {
            o = NewEmpty();
            o.UpdateFrom(other);
        }
        var pos = 0;
        while (o.Next(ref pos, out var key, out var hash))
        {
            if (!DiscardEntry(key, hash))
            {
                AddEntry(key, hash);
            }
        }
    }

    protected PyAnySet SymmetricDifference(PyObject other)
    {
        var result = NewEmpty();
        result.UpdateFrom(other);
        result.SymmetricDifferenceUpdate(this);
        return result;
    }

    protected PyAnySet Union(PyObject other)
    {
        var result = CopyAs(NewEmpty());
        result.UpdateFrom(other);
        return result;
    }

    protected bool IsSubset(PyObject other)
    {
        if (other is not PyAnySet o)
        {
            var tmp = new PySet();
            tmp.UpdateFrom(other);
            o = tmp;
        }
        if (_used > o._used)
        {
            return false;
        }
        var pos = 0;
        while (Next(ref pos, out var key, out var hash))
        {
            if (!o.ContainsEntry(key, hash))
            {
                return false;
            }
        }
        return true;
    }

    protected bool IsSuperset(PyObject other)
    {
        if (other is PyAnySet o)
        {
            return o.IsSubset(this);
        }
        foreach (var key in Abstract.Ops.Iterate(other))
        {
            if (!ContainsKey(key))
            {
                return false;
            }
        }
        return true;
    }

    protected bool IsDisjoint(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            return _used == 0;
        }
        if (other is PyAnySet o)
        {
            PyAnySet big = this, small = o;
            if (o._used > _used)
            {
                (big, small) = (o, this);
            }
            var pos = 0;
            while (small.Next(ref pos, out var key, out var hash))
            {
                if (big.ContainsEntry(key, hash))
                {
                    return false;
                }
            }
            return true;
        }
        foreach (var key in Abstract.Ops.Iterate(other))
        {
            if (ContainsKey(key))
            {
                return false;
            }
        }
        return true;
    }

    protected static PyObject Compare(PyAnySet a, PyObject right, CompareOp op)
    {
        if (right is not PyAnySet b)
        {
            return PyNotImplemented.Value;
        }
        return op switch
        {
            CompareOp.Eq => PyBool.From(a._used == b._used && a.IsSubset(b)),
            CompareOp.Ne => PyBool.From(!(a._used == b._used && a.IsSubset(b))),
            CompareOp.Le => PyBool.From(a.IsSubset(b)),
            CompareOp.Ge => PyBool.From(a.IsSuperset(b)),
            CompareOp.Lt => PyBool.From(a._used < b._used && a.IsSubset(b)),
            _ => PyBool.From(a._used > b._used && a.IsSuperset(b)),
        };
    }

    /// <summary><c>frozenset_hash</c>: order-independent, over the entries' hashes.</summary>
    protected long ComputeHash()
    {
        static ulong Shuffle(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        ulong hash = 0;
        var pos = 0;
        while (Next(ref pos, out _, out var h))
        {
            hash ^= Shuffle((ulong)h);
        }
        hash ^= ((ulong)_used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        return hash == ulong.MaxValue ? 590923713L : (long)hash;
    }

    protected PyStr ReprAs(string name, bool braces)
    {
        if (_used == 0)
        {
            return new PyStr(name + "()");
        }
        using var guard = Python.ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return new PyStr(name + "(...)");
        }
        using var depth = Python.RecursionGuard.Enter(" while getting the repr of an object");
        var sb = new System.Text.StringBuilder();
        if (!braces)
        {
            sb.Append(name).Append('(');
        }
        sb.Append('{');
        var pos = 0;
        var first = true;
        while (Next(ref pos, out var key, out _))
        {
            if (!first)
            {
                sb.Append(", ");
            }
            first = false;
            sb.Append(Abstract.Ops.Repr(key).Value);
        }
        sb.Append('}');
        if (!braces)
        {
            sb.Append(')');
        }
        return new PyStr(sb.ToString());
    }

    protected PyObject[] Others(ReadOnlySpan<PyObject> args, PyTuple? kwnames, string name)
    {
        Python.ArgParse.NoKeywords(name, kwnames);
        return args.ToArray();
    }

    internal PyAnySet UnionWith(PyObject other) => Union(other);

    internal PyAnySet IntersectWith(PyObject other) => Intersection(other);

    internal PyAnySet DifferenceWith(PyObject other) => Difference(other);

    internal void DifferenceUpdateWith(PyObject other) => DifferenceUpdate(other);

    internal PyAnySet SymmetricDifferenceWith(PyObject other) => SymmetricDifference(other);

    internal bool Has(PyObject key) => ContainsKey(key);

    public IEnumerable<PyObject> Keys()
    {
        var pos = 0;
        while (Next(ref pos, out var key, out _))
        {
            yield return key;
        }
    }
}

/// <summary><c>set</c>.</summary>
[PyType("set", Subclassable = true, Generic = true, Unhashable = true, Flags = TypeFlags.Weakrefable)]
public partial class PySet : PyAnySet
{
    protected override PyAnySet NewEmpty() => new PySet();

    public static PySet From(PyObject iterable)
    {
        var s = new PySet();
        s.UpdateFrom(iterable);
        return s;
    }

    public void AddItem(PyObject key) => Add(key);

    public void UpdateWith(PyObject iterable) => UpdateFrom(iterable);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        ReferenceEquals(type, TypeObject) ? new PySet() : new PySetInstance(type);

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("set", kwnames);
        Python.ArgParse.CheckPositional("set", args.Length, 0, 1);
        Clear();
        if (args.Length == 1)
        {
            UpdateFrom(args[0]);
        }
    }

    [PySlot("sq_length")]
    public long Length() => Count;

    [PySlot("sq_contains")]
    public bool Contains(PyObject key) => ContainsKey(key);

    [PySlot("tp_iter")]
    public PyObject Iter() => new PySetIterator(this);

    [PySlot("tp_repr")]
    public PyStr Repr() => GetType() == typeof(PySet) ? ReprAs("set", true) : ReprAs(Type.Name, false);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op) => Compare((PyAnySet)left, right, op);

    [PyMethod("add")]
    public void AddMethod(PyObject key) => Add(key);

    [PyMethod("discard")]
    public void DiscardMethod(PyObject key) => Discard(key);

    [PyMethod]
    public void Remove(PyObject key)
    {
        if (!Discard(key))
        {
            throw Errors.PyErr.KeyError(key);
        }
    }

    [PyMethod]
    public PyObject Pop() => PopEntry();

    [PyMethod("clear")]
    public void ClearMethod() => Clear();

    [PyMethod]
    public PyObject Copy() => CopyAs(new PySet());

    [PyMethod]
    public void Update(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        foreach (var o in Others(args, kwnames, "set.update"))
        {
            UpdateFrom(o);
        }
    }

    [PyMethod("union")]
    public PyObject UnionMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var result = CopyAs(new PySet());
        foreach (var o in Others(args, kwnames, "set.union"))
        {
            if (!ReferenceEquals(o, this))
            {
                ((PySet)result).UpdateFrom(o);
            }
        }
        return result;
    }

    [PyMethod("intersection")]
    public PyObject IntersectionMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        IntersectionMulti(this, Others(args, kwnames, "set.intersection"));

    internal static PyAnySet IntersectionMulti(PyAnySet self, PyObject[] others)
    {
        if (others.Length == 0)
        {
            return self is PySet s ? (PyAnySet)s.Copy() : PyFrozenSet.CopyOf(self);
        }
        var result = self;
        foreach (var o in others)
        {
            result = result.IntersectWith(o);
        }
        return result;
    }

    [PyMethod("intersection_update")]
    public void IntersectionUpdate(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var r = IntersectionMulti(this, Others(args, kwnames, "set.intersection_update"));
        Clear();
        UpdateFrom(r);
    }

    [PyMethod("difference")]
    public PyObject DifferenceMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        DifferenceMulti(this, Others(args, kwnames, "set.difference"));

    internal static PyAnySet DifferenceMulti(PyAnySet self, PyObject[] others)
    {
        if (others.Length == 0)
        {
            return self is PySet s ? (PyAnySet)s.Copy() : PyFrozenSet.CopyOf(self);
        }
        var result = self.DifferenceWith(others[0]);
        for (var i = 1; i < others.Length; i++)
        {
            result.DifferenceUpdateWith(others[i]);
        }
        return result;
    }

    [PyMethod("difference_update")]
    public void DifferenceUpdateMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        foreach (var o in Others(args, kwnames, "set.difference_update"))
        {
            DifferenceUpdate(o);
        }
    }

    [PyMethod("symmetric_difference")]
    public PyObject SymmetricDifferenceMethod(PyObject other) => SymmetricDifference(other);

    [PyMethod("symmetric_difference_update")]
    public void SymmetricDifferenceUpdateMethod(PyObject other) => SymmetricDifferenceUpdate(other);

    [PyMethod("issubset")]
    public bool IsSubsetMethod(PyObject other) => IsSubset(other);

    [PyMethod("issuperset")]
    public bool IsSupersetMethod(PyObject other) => IsSuperset(other);

    [PyMethod("isdisjoint")]
    public bool IsDisjointMethod(PyObject other) => IsDisjoint(other);

    [PySlot("nb_or")]
    public static PyObject Or(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.UnionWith(b) : PyNotImplemented.Value;

    [PySlot("nb_and")]
    public static PyObject And(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.IntersectWith(b) : PyNotImplemented.Value;

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.DifferenceWith(b) : PyNotImplemented.Value;

    [PySlot("nb_xor")]
    public static PyObject Xor(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.SymmetricDifferenceWith(b) : PyNotImplemented.Value;

    [PySlot("nb_inplace_or")]
    public static PyObject InPlaceOr(PyObject a, PyObject b)
    {
        if (b is not PyAnySet)
        {
            return PyNotImplemented.Value;
        }
        ((PySet)a).UpdateFrom(b);
        return a;
    }

    [PySlot("nb_inplace_and")]
    public static PyObject InPlaceAnd(PyObject a, PyObject b)
    {
        if (b is not PyAnySet)
        {
            return PyNotImplemented.Value;
        }
        var s = (PySet)a;
        var r = s.Intersection(b);
        s.Clear();
        s.UpdateFrom(r);
        return a;
    }

    [PySlot("nb_inplace_subtract")]
    public static PyObject InPlaceSubtract(PyObject a, PyObject b)
    {
        if (b is not PyAnySet)
        {
            return PyNotImplemented.Value;
        }
        ((PySet)a).DifferenceUpdate(b);
        return a;
    }

    [PySlot("nb_inplace_xor")]
    public static PyObject InPlaceXor(PyObject a, PyObject b)
    {
        if (b is not PyAnySet)
        {
            return PyNotImplemented.Value;
        }
        ((PySet)a).SymmetricDifferenceUpdate(b);
        return a;
    }
}

/// <summary><c>frozenset</c>: an immutable, hashable set.</summary>
[PyType("frozenset", Subclassable = true, Generic = true, Flags = TypeFlags.Weakrefable)]
public partial class PyFrozenSet : PyAnySet
{
    public static readonly PyFrozenSet EmptySet = new();

    private long _hash = -1;

    protected override PyAnySet NewEmpty() => new PyFrozenSet();

    public static PyFrozenSet From(PyObject iterable)
    {
        var s = new PyFrozenSet();
        s.UpdateFrom(iterable);
        return s;
    }

    /// <summary>A frozenset constant. CPython's compiler rebuilds a constant frozenset from the
    /// iteration order of the one it first built (merge_consts_recursive), and that second table
    /// is the order a program sees.</summary>
    public static PyFrozenSet FromConstant(ReadOnlySpan<PyObject> items)
    {
        var first = new PyFrozenSet();
        foreach (var item in items)
        {
            first.Add(item);
        }
        var second = new PyFrozenSet();
        foreach (var key in first.Keys())
        {
            second.Add(key);
        }
        return second;
    }

    internal static PyFrozenSet CopyOf(PyAnySet s) =>
        s.GetType() == typeof(PyFrozenSet) ? (PyFrozenSet)s : From(s);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("frozenset", kwnames);
        Python.ArgParse.CheckPositional("frozenset", args.Length, 0, 1);
        if (!ReferenceEquals(type, TypeObject))
        {
            var instance = new PyFrozenSetInstance(type);
            if (args.Length == 1)
            {
                instance.UpdateFrom(args[0]);
            }
            return instance;
        }
        if (args.Length == 0)
        {
            return new PyFrozenSet();
        }
        return args[0].GetType() == typeof(PyFrozenSet) ? args[0] : From(args[0]);
    }

    [PySlot("sq_length")]
    public long Length() => Count;

    [PySlot("sq_contains")]
    public bool Contains(PyObject key) => ContainsKey(key);

    [PySlot("tp_iter")]
    public PyObject Iter() => new PySetIterator(this);

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprAs(Type.Name, false);

    [PySlot("tp_hash")]
    public long Hash() => _hash != -1 ? _hash : _hash = ComputeHash();

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op) => Compare((PyAnySet)left, right, op);

    [PyMethod]
    public PyObject Copy() => CopyOf(this);

    [PyMethod("union")]
    public PyObject UnionMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var result = (PyFrozenSet)CopyAs(new PyFrozenSet());
        foreach (var o in Others(args, kwnames, "frozenset.union"))
        {
            result.UpdateFrom(o);
        }
        return result;
    }

    [PyMethod("intersection")]
    public PyObject IntersectionMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        PySet.IntersectionMulti(this, Others(args, kwnames, "frozenset.intersection"));

    [PyMethod("difference")]
    public PyObject DifferenceMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        PySet.DifferenceMulti(this, Others(args, kwnames, "frozenset.difference"));

    [PyMethod("symmetric_difference")]
    public PyObject SymmetricDifferenceMethod(PyObject other) => SymmetricDifference(other);

    [PyMethod("issubset")]
    public bool IsSubsetMethod(PyObject other) => IsSubset(other);

    [PyMethod("issuperset")]
    public bool IsSupersetMethod(PyObject other) => IsSuperset(other);

    [PyMethod("isdisjoint")]
    public bool IsDisjointMethod(PyObject other) => IsDisjoint(other);

    [PySlot("nb_or")]
    public static PyObject Or(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.UnionWith(b) : PyNotImplemented.Value;

    [PySlot("nb_and")]
    public static PyObject And(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.IntersectWith(b) : PyNotImplemented.Value;

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.DifferenceWith(b) : PyNotImplemented.Value;

    [PySlot("nb_xor")]
    public static PyObject Xor(PyObject a, PyObject b) => a is PyAnySet s && b is PyAnySet ? s.SymmetricDifferenceWith(b) : PyNotImplemented.Value;
}

/// <summary><c>set_iterator</c>.</summary>
[PyType("set_iterator")]
public sealed partial class PySetIterator(PyAnySet set) : PyObject
{
    private PyAnySet? _set = set;
    private readonly int _used = set.Count;
    private int _pos;
    private int _remaining = set.Count;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_set is null)
        {
            return null;
        }
        if (_set.Count != _used)
        {
            _remaining = -1;
            throw Errors.PyErr.RuntimeError("Set changed size during iteration");
        }
        if (_set.Next(ref _pos, out var key, out _))
        {
            _remaining--;
            return key;
        }
        _set = null;
        return null;
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _set is not null && _set.Count == _used ? _remaining : 0;
}
