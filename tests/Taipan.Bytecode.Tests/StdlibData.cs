using System.Buffers.Binary;
using System.Text;

namespace Taipan.Bytecode.Tests;

/// <summary>Record streams of tools/bytecode/stdlib_code.py: (path, bytes) pairs.</summary>
internal static class StdlibData
{
    private static readonly Lazy<List<(string Path, byte[] Data)>> s_all =
        new(() => ReadRecords(CPython.RunScript("stdlib_code.py", null, "all")));

    /// <summary>marshal.dumps(compile(...)) by CPython of every stdlib .py file (no tests).</summary>
    public static List<(string Path, byte[] Data)> All => s_all.Value;

    public static List<(string Path, byte[] Data)> ReadRecords(byte[] data)
    {
        var result = new List<(string, byte[])>();
        var i = 0;
        while (i < data.Length)
        {
            var n = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i));
            var name = Encoding.UTF8.GetString(data, i + 4, n);
            i += 4 + n;
            var m = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i));
            result.Add((name, data.AsSpan(i + 4, m).ToArray()));
            i += 4 + m;
        }

        return result;
    }

    public static byte[] WriteRecords(IEnumerable<(string Path, byte[] Data)> records)
    {
        using var ms = new MemoryStream();
        Span<byte> len = stackalloc byte[4];
        foreach (var (path, data) in records)
        {
            var nb = Encoding.UTF8.GetBytes(path);
            BinaryPrimitives.WriteInt32LittleEndian(len, nb.Length);
            ms.Write(len);
            ms.Write(nb);
            BinaryPrimitives.WriteInt32LittleEndian(len, data.Length);
            ms.Write(len);
            ms.Write(data);
        }

        return ms.ToArray();
    }

    public static IEnumerable<CodeObject> Walk(CodeObject code)
    {
        var stack = new Stack<CodeObject>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            yield return c;
            for (var i = c.Consts.Length - 1; i >= 0; i--)
            {
                if (c.Consts[i] is CodeObject inner)
                {
                    stack.Push(inner);
                }
            }
        }
    }
}
