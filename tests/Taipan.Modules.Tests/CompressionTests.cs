using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Tests;

/// <summary>binascii, zlib, _bz2 and _lzma called directly: known outputs, Python errors (never
/// .NET ones) for corrupt input, and native streams released by the finalizer.</summary>
public class CompressionTests
{
    private static PyModule Module(string name)
    {
        StandardModules.Register();
        var factory = Inittab.Find(name);
        Assert.NotNull(factory);
        return factory();
    }

    private static PyObject Call(PyObject target, string name, params PyObject[] args) =>
        Ops.Call(Ops.GetAttr(target, PyStr.Intern(name)), args, null);

    private static byte[] Bytes(PyObject o) => Assert.IsType<PyBytes>(o).Data.ToArray();

    private static PyBytes B(params byte[] data) => new(data);

    private static (string Type, string Message) Raises(Action action)
    {
        var e = Assert.Throws<PyException>(action);
        return (e.Value.Type.Name, Ops.Str(e.Value).Value);
    }

    [Fact]
    public void ZlibCompressGivesTheSystemLibrarysBytes()
    {
        var zlib = Module("zlib");
        var c = Bytes(Call(zlib, "compress", B("hello"u8.ToArray())));
        Assert.Equal(Convert.FromHexString("789CCB48CDC9C90700062C0215"), c);
        Assert.Equal("hello"u8.ToArray(), Bytes(Call(zlib, "decompress", new PyBytes(c))));
    }

    [Fact]
    public void ZlibCorruptDataRaisesZlibError()
    {
        var zlib = Module("zlib");
        var (type, message) = Raises(() => Call(zlib, "decompress", B(1, 2, 3)));
        Assert.Equal("error", type);
        Assert.Equal("Error -3 while decompressing data: incorrect header check", message);
        (type, message) = Raises(() => Call(zlib, "decompress", B(0x78, 0x9c, 0xcb)));
        Assert.Equal("Error -5 while decompressing data: incomplete or truncated stream", message);
    }

    [Fact]
    public void Crc32MatchesZlibAndBinascii()
    {
        var data = B("123456789"u8.ToArray());
        Assert.Equal(0xCBF43926L, ((PyInt)Call(Module("zlib"), "crc32", data)).Small);
        Assert.Equal(0xCBF43926L, ((PyInt)Call(Module("binascii"), "crc32", data)).Small);
        Assert.Equal(0x31C3L, ((PyInt)Call(Module("binascii"), "crc_hqx", data, PyInt.From(0))).Small);
        Assert.Equal(7L, ((PyInt)Call(Module("zlib"), "crc32", B(), PyInt.From(7))).Small);
    }

    [Fact]
    public void BinasciiBase64Messages()
    {
        var binascii = Module("binascii");
        Assert.Equal("YWJj\n"u8.ToArray(), Bytes(Call(binascii, "b2a_base64", B("abc"u8.ToArray()))));
        var (type, message) = Raises(() => Call(binascii, "a2b_base64", B("abcde"u8.ToArray())));
        Assert.Equal("Error", type);
        Assert.Equal("Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4", message);
        (_, message) = Raises(() => Call(binascii, "a2b_base64", B("YQ"u8.ToArray())));
        Assert.Equal("Incorrect padding", message);
    }

    /// <summary>Garbage, truncated and bit-flipped streams end in a Python exception or a
    /// result, for every decompressor.</summary>
    [Fact]
    public void CorruptStreamsNeverEscapeAsDotNetExceptions()
    {
        var zlib = Module("zlib");
        var bz2 = Module("_bz2");
        var lzma = Module("_lzma");
        var text = new byte[20000];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = (byte)("abcdefgh"[i % 8] + i / 1000);
        }
        var streams = new List<(string Kind, byte[] Data)>
        {
            ("zlib", Bytes(Call(zlib, "compress", new PyBytes(text)))),
            ("bz2", Compress(Call(bz2, "BZ2Compressor"), text)),
            ("lzma", Compress(Call(lzma, "LZMACompressor"), text)),
        };
        var rng = new Random(1234);
        foreach (var (kind, data) in streams)
        {
            for (var round = 0; round < 40; round++)
            {
                var damaged = (byte[])data.Clone();
                if (round % 2 == 0)
                {
                    damaged[rng.Next(damaged.Length)] ^= (byte)(1 << rng.Next(8));
                }
                else
                {
                    damaged = damaged[..rng.Next(damaged.Length)];
                }
                var decompressor = kind switch
                {
                    "zlib" => Call(zlib, "decompressobj"),
                    "bz2" => Call(bz2, "BZ2Decompressor"),
                    _ => Call(lzma, "LZMADecompressor"),
                };
                try
                {
                    Call(decompressor, "decompress", new PyBytes(damaged));
                }
                catch (PyException)
                {
                    // The Python error CPython would raise (zlib.error, OSError, LZMAError, EOFError).
                }
            }
        }
    }

    private static byte[] Compress(PyObject compressor, byte[] data)
    {
        var head = Bytes(Call(compressor, "compress", new PyBytes(data)));
        var tail = Bytes(Call(compressor, "flush"));
        return [.. head, .. tail];
    }

    /// <summary>Dropped (de)compressors are ended by their handles' finalizers; the library
    /// keeps working afterwards.</summary>
    [Fact]
    public void DroppedStreamsAreReleased()
    {
        var zlib = Module("zlib");
        var bz2 = Module("_bz2");
        var lzma = Module("_lzma");
        for (var i = 0; i < 200; i++)
        {
            Call(Call(zlib, "compressobj"), "compress", B(1, 2, 3));
            Call(zlib, "decompressobj");
            Call(bz2, "BZ2Decompressor");
            Call(lzma, "LZMADecompressor");
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var c = Call(zlib, "compressobj", PyInt.From(9));
        var data = Bytes(Call(c, "compress", B("again"u8.ToArray()))).Concat(Bytes(Call(c, "flush"))).ToArray();
        Assert.Equal("again"u8.ToArray(), Bytes(Call(zlib, "decompress", new PyBytes(data))));
    }

    [Fact]
    public void ZlibMaxLengthKeepsTheRestInUnconsumedTail()
    {
        var zlib = Module("zlib");
        var text = new byte[10000];
        Array.Fill(text, (byte)'z');
        var c = Call(zlib, "compress", new PyBytes(text));
        var d = Call(zlib, "decompressobj");
        var first = Bytes(Call(d, "decompress", c, PyInt.From(100)));
        Assert.Equal(100, first.Length);
        var tail = Ops.GetAttr(d, PyStr.Intern("unconsumed_tail"));
        Assert.NotEmpty(Bytes(tail));
        var rest = Bytes(Call(d, "decompress", tail));
        Assert.Equal(text.Length, first.Length + rest.Length);
        Assert.True(Ops.IsTrue(Ops.GetAttr(d, PyStr.Intern("eof"))));
    }
}
