using Taipan.Modules.Arrays;
using Taipan.Modules.Bisect;
using Taipan.Modules.Heapq;
using Taipan.Modules.Json;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Tests;

/// <summary>The C# side of array, _bisect, _heapq and _json against simple models.</summary>
public class DataModulesTests
{
    [Fact]
    public void JsonFloatReprMatchesTheRuntimesFloatRepr()
    {
        var random = new Random(3);
        var special = new[] { 1.0, -1.0, 0.1, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.00012, 123456789.125, 5e-324,
            double.MaxValue, double.Epsilon, Math.Pow(2, -25), 1.5e300, -2.5e-300, 100.0, 1234.5e10, 0.3, 2.0 / 3 };
        foreach (var d in special)
        {
            Assert.Equal(Taipan.Syntax.Ast.PyRepr.Float(d), JsonModule.FloatRepr(d));
        }
        for (var i = 0; i < 20000; i++)
        {
            var d = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(d))
            {
                Assert.Equal(Taipan.Syntax.Ast.PyRepr.Float(d), JsonModule.FloatRepr(d));
            }
            var e = random.NextDouble() * Math.Pow(10, random.Next(-8, 20));
            Assert.Equal(Taipan.Syntax.Ast.PyRepr.Float(e), JsonModule.FloatRepr(e));
        }
    }

    [Fact]
    public void EncodeBasestringAsciiEscapesAsJsonRequires()
    {
        Assert.Equal("\"a\\u00e9\\ud83d\\ude00\\\"\\\\\\n\\u0000\\u007f\"", JsonModule.EncodeBasestringAscii(new PyStr("a\u00e9\U0001F600\"\\\n\0\u007f")).Value);
        Assert.Equal("\"\u00e9\\t\\u001f\u007f\"", JsonModule.EncodeBasestring(new PyStr("\u00e9\t\u001f\u007f")).Value);
    }

    [Fact]
    public void ScanStringDecodesEscapesAndSurrogatePairs()
    {
        var r = JsonModule.ScanString(new PyStr("\"a\\u00e9\\ud83d\\ude00\\n\" tail"), 1);
        Assert.Equal("a\u00e9\U0001F600\n", ((PyStr)r[0]).Value);
        Assert.Equal(23L, ((PyInt)r[1]).Small);
        Assert.Throws<PyException>(() => JsonModule.ScanString(new PyStr("\"abc"), 10));
    }

    [Fact]
    public void BisectAgreesWithALinearSearch()
    {
        var random = new Random(5);
        var values = new List<long>();
        for (var i = 0; i < 200; i++)
        {
            values.Add(random.Next(50));
        }
        values.Sort();
        var list = new PyList(values.Select(v => (PyObject)PyInt.From(v)).ToArray());
        for (var x = -1; x <= 51; x++)
        {
            Assert.Equal(values.Count(v => v < x), BisectModule.BisectLeft(list, PyInt.From(x)));
            Assert.Equal(values.Count(v => v <= x), BisectModule.BisectRight(list, PyInt.From(x)));
        }
        BisectModule.InsortLeft(list, PyInt.From(25));
        Assert.Equal(201, list.Count);
    }

    [Fact]
    public void HeapPopsInSortedOrder()
    {
        var random = new Random(9);
        var heap = new PyList();
        var model = new List<double>();
        for (var i = 0; i < 3000; i++)
        {
            var v = random.NextDouble();
            HeapqModule.HeapPush(heap, new PyFloat(v));
            model.Add(v);
        }
        model.Sort();
        foreach (var expected in model)
        {
            Assert.Equal(expected, ((PyFloat)HeapqModule.HeapPop(heap)).Value);
        }
        Assert.Throws<PyException>(() => HeapqModule.HeapPop(heap));
    }

    [Fact]
    public void ArrayItemsRoundTripThroughBytesForEveryTypecode()
    {
        foreach (var code in "bBhHiIlLqQfd")
        {
            var a = (PyArray)PyArray.New(PyArray.TypeObject, [new PyStr(code.ToString()), new PyList([PyInt.From(1), PyInt.From(2), PyInt.From(100)])], null);
            var bytes = a.ToBytes();
            Assert.Equal(3 * PyArray.ItemSize(code), bytes.Data.Length);
            var b = (PyArray)PyArray.New(PyArray.TypeObject, [new PyStr(code.ToString()), bytes], null);
            Assert.Equal(3L, b.Length());
            Assert.Equal(100.0, Convert.ToDouble(b.GetAt(2) is PyFloat f ? f.Value : ((PyInt)b.GetAt(2)).Small));
        }
        var small = (PyArray)PyArray.New(PyArray.TypeObject, [new PyStr("b")], null);
        var e = Assert.Throws<PyException>(() => small.Append(PyInt.From(128)));
        Assert.Contains("signed char is greater than maximum", e.Message + e.Value.ToString());
    }
}
