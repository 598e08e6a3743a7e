using System.Diagnostics;
using System.Globalization;
using PyRepr = Taipan.Syntax.Ast.PyRepr;

namespace Taipan.Syntax.Tests;

/// <summary><c>repr(float)</c> against CPython for random bit patterns and known hard cases
/// (.NET's shortest formatting does not round-trip 2**-25).</summary>
public class PyReprFloatTests
{
    [Fact]
    public void FloatReprEqualsCPythons()
    {
        var random = new Random(20261124);
        var values = new List<double> { Math.Pow(2, -25), 5e-324, double.MaxValue, 1e16, 1e15, 0.0001, 0.00001, 123456789012345678, 0.1 + 0.2, -1.5 };
        while (values.Count < 3000)
        {
            var d = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(d))
            {
                values.Add(d);
            }
        }
        var hex = string.Join("\n", values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture)));
        var psi = new ProcessStartInfo("/usr/bin/python3.11")
        {
            ArgumentList = { "-c", "import struct, sys\nfor line in sys.stdin.read().split():\n    print(repr(struct.unpack('<d', struct.pack('<q', int(line)))[0]))" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(hex);
        p.StandardInput.Close();
        var expected = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        Assert.Equal(values.Count, expected.Length);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.Equal(expected[i], PyRepr.Float(values[i]));
        }
    }
}
