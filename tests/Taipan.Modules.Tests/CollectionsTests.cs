using Taipan.Modules.Collections;
using Taipan.Modules.Functools;
using Taipan.Modules.Itertools;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Tests;

/// <summary>The C# side of deque, the lru cache, partial and tee, against simple models.</summary>
public class CollectionsTests
{
    private static long[] Values(Deque d)
    {
        var items = d.Snapshot();
        var values = new long[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = ((PyInt)items[i]).Small;
        }
        return values;
    }

    [Fact]
    public void DequeRingBufferMatchesAListThroughWrapsAndGrowth()
    {
        var d = new Deque();
        var model = new LinkedList<long>();
        var random = new Random(7);
        for (var step = 0; step < 5000; step++)
        {
            var v = PyInt.From(step);
            switch (random.Next(5))
            {
                case 0:
                    d.Append(v);
                    model.AddLast(step);
                    break;
                case 1:
                    d.AppendLeft(v);
                    model.AddFirst(step);
                    break;
                case 2 when model.Count > 0:
                    Assert.Equal(model.Last!.Value, ((PyInt)d.Pop()).Small);
                    model.RemoveLast();
                    break;
                case 3 when model.Count > 0:
                    Assert.Equal(model.First!.Value, ((PyInt)d.PopLeftMethod()).Small);
                    model.RemoveFirst();
                    break;
                default:
                    d.Append(v);
                    model.AddLast(step);
                    break;
            }
        }
        Assert.Equal(model.ToArray(), Values(d));
    }

    [Fact]
    public void BoundedDequeKeepsTheNewestItems()
    {
        var d = (Deque)Deque.New(Deque.TypeObject, [], null);
        Deque.Init(d, [PyTuple.Empty, PyInt.From(3)], null);
        for (var i = 0; i < 10; i++)
        {
            d.Append(PyInt.From(i));
        }
        Assert.Equal([7L, 8, 9], Values(d));
        d.AppendLeft(PyInt.From(100));
        Assert.Equal([100L, 7, 8], Values(d));
        var e = Assert.Throws<PyException>(() => d.Insert([PyInt.From(0), PyInt.From(1)], null));
        Assert.Equal("deque already at its maximum size", Ops.Str(e.Value).Value);
    }

    [Fact]
    public void BoundedLruCacheEvictsTheLeastRecentlyUsed()
    {
        var calls = new List<long>();
        var func = new PyBuiltinFunction("f", null, (self, args, kw) =>
        {
            calls.Add(((PyInt)args[0]).Small);
            return args[0];
        }, null);
        var infoType = new PyBuiltinFunction("info", null, (self, args, kw) => new PyTuple(args.ToArray()), null);
        var cache = (LruCacheWrapper)LruCacheWrapper.New(LruCacheWrapper.TypeObject, [func, PyInt.From(2), PyBool.False, infoType], null);
        foreach (var x in new long[] { 1, 2, 1, 3, 2, 1 })
        {
            cache.Call([PyInt.From(x)], null);
        }
        // 3 evicts 2 (1 was used more recently); then 2 evicts 1, and 1 evicts 3.
        Assert.Equal([1L, 2, 3, 2, 1], calls);
        var info = (PyTuple)cache.CacheInfo();
        Assert.Equal(1L, ((PyInt)info[0]).Small);
        Assert.Equal(5L, ((PyInt)info[1]).Small);
    }

    [Fact]
    public void PartialOfAPlainPartialIsFlattened()
    {
        var max = Runtime.Python.Builtins.Module.Dict[PyStr.Intern("max")]!;
        var inner = Partial.New(Partial.TypeObject, [max, PyInt.From(1)], null);
        var outer = (Partial)Partial.New(Partial.TypeObject, [inner, PyInt.From(5)], null);
        Assert.Same(max, outer.Func());
        Assert.Equal(2, ((PyTuple)outer.Args()).Count);
        Assert.Equal(9L, ((PyInt)outer.Call([PyInt.From(9)], null)).Small);
    }

    [Fact]
    public void TeeCopiesShareOneReadOfTheIterator()
    {
        var reads = 0;
        var source = new PyBuiltinFunction("src", null, (self, args, kw) => PyInt.From(++reads), null);
        var it = Runtime.Python.Builtins.Iter(source, PyInt.From(200));
        var pair = (PyTuple)ItertoolsModule.TeeFunction([it], null);
        var a = (Tee)pair[0];
        var b = (Tee)pair[1];
        for (var i = 0; i < 150; i++)
        {
            Assert.NotNull(a.Next());
        }
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(i + 1L, ((PyInt)b.Next()!).Small);
        }
        Assert.Equal(150, reads);
    }
}
