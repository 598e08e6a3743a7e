using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Tests;

/// <summary>Sets, slices and sorting against CPython 3.11's answers.</summary>
public class ContainerTests
{
    private static readonly long[][] IntSets =
    [
        [],
        [1],
        [1, 2, 3],
        [-1, -2, 5, 1000, 64, 65, 7],
        [.. Enumerable.Range(0, 100).Select(i => (long)i)],
        [.. Enumerable.Range(0, 50).Select(i => (long)i * 37 - 400)],
    ];

    private static PyTuple Ints(IEnumerable<long> values) => new([.. values.Select(v => (PyObject)PyInt.From(v))]);

    private static string PyList(IEnumerable<long> values) => "[" + string.Join(", ", values) + "]";

    [Fact]
    public void FrozenSetHashesEqualCPythons()
    {
        var expected = CPython.Run(string.Join("\n", IntSets.Select(s => $"print(hash(frozenset({PyList(s)})))")));
        for (var i = 0; i < IntSets.Length; i++)
        {
            Assert.Equal(long.Parse(expected[i]), PyFrozenSet.From(Ints(IntSets[i])).Hash());
        }
    }

    [Fact]
    public void SetsIterateInCPythonsOrder()
    {
        // Built, then every third element discarded, then more added: resizes and dummies.
        var code = string.Join("\n", IntSets.Select(s =>
            $"s = set({PyList(s)})\nfor x in {PyList(s)}[::3]: s.discard(x)\ns.update(range(1000, 1020))\nprint(list(s))"));
        var expected = CPython.Run(code);
        for (var i = 0; i < IntSets.Length; i++)
        {
            var set = PySet.From(Ints(IntSets[i]));
            for (var j = 0; j < IntSets[i].Length; j += 3)
            {
                set.DiscardMethod(PyInt.From(IntSets[i][j]));
            }
            set.UpdateWith(new PyRange(PyInt.From(1000), PyInt.From(1020), PyInt.From(1)));
            Assert.Equal(expected[i], PyList(set.Keys().Select(k => ((PyInt)k).Small)));
        }
    }

    [Fact]
    public void SliceIndicesEqualCPythons()
    {
        long?[] bounds = [null, -12, -3, -1, 0, 1, 3, 12];
        long?[] steps = [null, -5, -2, -1, 1, 2, 5];
        var cases = new List<(long? Start, long? Stop, long? Step, long Length)>();
        foreach (var start in bounds)
        {
            foreach (var stop in bounds)
            {
                foreach (var step in steps)
                {
                    cases.Add((start, stop, step, 7));
                    cases.Add((start, stop, step, 0));
                }
            }
        }
        static string P(long? v) => v?.ToString() ?? "None";
        var code = "for a, b, c, n in [" + string.Join(", ", cases.Select(c => $"({P(c.Start)}, {P(c.Stop)}, {P(c.Step)}, {c.Length})"))
            + "]: print(*slice(a, b, c).indices(n), len(range(n)[a:b:c]))";
        var expected = CPython.Run(code);
        static PyObject O(long? v) => v is { } x ? PyInt.From(x) : PyNone.Value;
        for (var i = 0; i < cases.Count; i++)
        {
            var (start, stop, step, n) = cases[i];
            var slice = new PySlice(O(start), O(stop), O(step));
            var count = slice.Adjust(n, out var s, out var e, out var k);
            Assert.Equal(expected[i], $"{s} {e} {k} {count}");
        }
    }

    [Fact]
    public void SortIsStableAndDetectsMutation()
    {
        var items = Enumerable.Range(0, 300).Select(i => (PyObject)PyTuple.Create(PyInt.From(i % 7), PyInt.From(i))).ToArray();
        var list = new PyList(items);
        var key = new PyBuiltinFunction("key", null, static (self, args, kw) => ((PyTuple)args[0])[0], null, null);
        list.Sort(key, false);
        for (var i = 1; i < list.Count; i++)
        {
            var (a, b) = ((PyTuple)list[i - 1], (PyTuple)list[i]);
            var ka = ((PyInt)a[0]).Small;
            var kb = ((PyInt)b[0]).Small;
            Assert.True(ka < kb || (ka == kb && ((PyInt)a[1]).Small < ((PyInt)b[1]).Small));
        }
        var victim = new PyList([PyInt.From(2), PyInt.From(1)]);
        var mutator = new PyBuiltinFunction("key", null, (self, args, kw) =>
        {
            victim.Append(PyInt.From(0));
            return args[0];
        }, null, null);
        var e = Assert.Throws<PyException>(() => victim.Sort(mutator, false));
        Assert.Equal("list modified during sort", Abstract.Ops.Str(e.Value).Value);
        Assert.Equal(2, victim.Count);
    }
}
