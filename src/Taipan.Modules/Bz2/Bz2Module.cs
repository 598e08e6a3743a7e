// Modules/_bz2module.c
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Modules.Zlib;

namespace Taipan.Modules.Bz2;

/// <summary>The system libbzip2 (<c>libbz2.so.1.0</c>).</summary>
internal static unsafe partial class Bz2Native
{
    private const string Lib = "libbz2.so.1.0";

    public const int Run = 0;
    public const int Finish = 2;

    public const int Ok = 0;
    public const int RunOk = 1;
    public const int FlushOk = 2;
    public const int FinishOk = 3;
    public const int StreamEnd = 4;
    public const int SequenceError = -1;
    public const int ParamError = -2;
    public const int MemError = -3;
    public const int DataError = -4;
    public const int DataErrorMagic = -5;
    public const int IoError = -6;
    public const int UnexpectedEof = -7;
    public const int ConfigError = -9;

    /// <summary><c>bz_stream</c> on LP64 Linux (80 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BzStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public uint TotalInLo32;
        public uint TotalInHi32;
        public byte* NextOut;
        public uint AvailOut;
        public uint TotalOutLo32;
        public uint TotalOutHi32;
        public nint State;
        public nint BzAlloc;
        public nint BzFree;
        public nint Opaque;
    }

    [LibraryImport(Lib, EntryPoint = "BZ2_bzlibVersion")]
    public static partial sbyte* LibVersion();

    [LibraryImport(Lib, EntryPoint = "BZ2_bzCompressInit")]
    public static partial int CompressInit(BzStream* strm, int blockSize100k, int verbosity, int workFactor);

    [LibraryImport(Lib, EntryPoint = "BZ2_bzCompress")]
    public static partial int Compress(BzStream* strm, int action);

    [LibraryImport(Lib, EntryPoint = "BZ2_bzCompressEnd")]
    public static partial int CompressEnd(BzStream* strm);

    [LibraryImport(Lib, EntryPoint = "BZ2_bzDecompressInit")]
    public static partial int DecompressInit(BzStream* strm, int verbosity, int small);

    [LibraryImport(Lib, EntryPoint = "BZ2_bzDecompress")]
    public static partial int Decompress(BzStream* strm);

    [LibraryImport(Lib, EntryPoint = "BZ2_bzDecompressEnd")]
    public static partial int DecompressEnd(BzStream* strm);

    /// <summary>Raises the Python exception for a libbzip2 error code (catch_bz2_error).</summary>
    public static void Check(int err)
    {
        switch (err)
        {
            case Ok or RunOk or FlushOk or FinishOk or StreamEnd:
                return;
            case ConfigError:
                throw PyErr.New(PyExc.SystemError, "libbzip2 was not compiled correctly");
            case ParamError:
                throw PyErr.ValueError("Internal error - invalid parameters passed to libbzip2");
            case MemError:
                throw PyErr.New(PyExc.MemoryError, "");
            case DataError or DataErrorMagic:
                throw PyErr.New(PyExc.OSError, "Invalid data stream");
            case IoError:
                throw PyErr.New(PyExc.OSError, "Unknown I/O error");
            case UnexpectedEof:
                throw PyErr.New(PyExc.EOFError, "Compressed file ended before the logical end-of-stream was detected");
            case SequenceError:
                throw PyErr.RuntimeError("Internal error - Invalid sequence of commands sent to libbzip2");
            default:
                throw PyErr.New(PyExc.OSError, $"Unrecognized error from libbzip2: {err}");
        }
    }
}

/// <summary>Owns one native <c>bz_stream</c> (libbzip2's state points back at it, so it must
/// not move) and ends it when released.</summary>
internal sealed unsafe class BzStreamHandle : SafeHandle
{
    private readonly bool _compress;
    private bool _initialised;

    public BzStreamHandle(bool compress) : base(0, true)
    {
        _compress = compress;
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(Bz2Native.BzStream)));
    }

    public override bool IsInvalid => handle == 0;

    public Bz2Native.BzStream* Stream => (Bz2Native.BzStream*)handle;

    public void MarkInitialised() => _initialised = true;

    protected override bool ReleaseHandle()
    {
        // libbzip2 (unlike zlib) does not check for a stream it never set up.
        if (_initialised)
        {
            if (_compress)
            {
                Bz2Native.CompressEnd(Stream);
            }
            else
            {
                Bz2Native.DecompressEnd(Stream);
            }
        }
        NativeMemory.Free((void*)handle);
        return true;
    }
}

[PyModule("_bz2")]
public static unsafe partial class Bz2Module
{
    static partial void Initialize(PyModule module)
    {
        ZlibNative.Load("libbz2.so.1.0", () => (nint)Bz2Native.LibVersion());
        module.AddBuiltin("BZ2Compressor", PyBz2Compressor.TypeObject);
        module.AddBuiltin("BZ2Decompressor", PyBz2Decompressor.TypeObject);
    }
}

/// <summary><c>_bz2.BZ2Compressor</c>.</summary>
[PyType("_bz2.BZ2Compressor", Module = "_bz2", FromSpec = true, Doc = "Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the compress() function instead.")]
public sealed unsafe partial class PyBz2Compressor : StreamCompressor
{
    private readonly BzStreamHandle _bzs = new(compress: true);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("BZ2Compressor", kwnames);
        ArgParse.CheckPositional("BZ2Compressor", args.Length, 0, 1);
        var level = args.Length > 0 ? ArgParse.ToInt(args[0]) : 9;
        if (level is < 1 or > 9)
        {
            throw PyErr.ValueError("compresslevel must be between 1 and 9");
        }
        var c = new PyBz2Compressor();
        Bz2Native.Check(Bz2Native.CompressInit(c._bzs.Stream, level, 0, 0));
        c._bzs.MarkInitialised();
        return c;
    }

    private protected override PyBytes Run(ReadOnlySpan<byte> input, bool finish)
    {
        var action = finish ? Bz2Native.Finish : Bz2Native.Run;
        var output = new OutputBuffer(Math.Max(256, input.Length / 4));
        var s = _bzs.Stream;
        fixed (byte* pin = input)
        {
            s->NextIn = pin;
            s->AvailIn = 0;
            var left = (long)input.Length;
            while (true)
            {
                // avail_in is an unsigned int: feed huge inputs in pieces.
                if (s->AvailIn == 0 && left > 0)
                {
                    s->AvailIn = (uint)Math.Min(left, uint.MaxValue);
                    left -= s->AvailIn;
                }
                if (action == Bz2Native.Run && s->AvailIn == 0)
                {
                    break;
                }
                var free = output.Free();
                int err;
                fixed (byte* o = free)
                {
                    s->NextOut = o;
                    s->AvailOut = (uint)free.Length;
                    err = Bz2Native.Compress(s, action);
                    output.Advance(free.Length - (int)s->AvailOut);
                    s->NextOut = null;
                }
                Bz2Native.Check(err);
                if (action == Bz2Native.Finish && err == Bz2Native.StreamEnd)
                {
                    break;
                }
            }
            s->NextIn = null;
        }
        GC.KeepAlive(_bzs);
        return output.ToBytes();
    }
}

/// <summary><c>_bz2.BZ2Decompressor</c>.</summary>
[PyType("_bz2.BZ2Decompressor", Module = "_bz2", FromSpec = true, Doc = "Create a decompressor object for decompressing data incrementally.\n\nFor one-shot decompression, use the decompress() function instead.")]
public sealed unsafe partial class PyBz2Decompressor : StreamDecompressor
{
    private readonly BzStreamHandle _bzs = new(compress: false);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length > 0)
        {
            throw PyErr.TypeError("BZ2Decompressor() takes no positional arguments");
        }
        ArgParse.NoKeywords("BZ2Decompressor", kwnames);
        var d = new PyBz2Decompressor();
        Bz2Native.Check(Bz2Native.DecompressInit(d._bzs.Stream, 0, 0));
        d._bzs.MarkInitialised();
        return d;
    }

    private protected override string EndedMessage => "End of stream already reached";

    private protected override long Decode(ReadOnlySpan<byte> input, ref OutputBuffer output, out bool eof)
    {
        eof = false;
        var s = _bzs.Stream;
        long left;
        fixed (byte* pin = input)
        {
            s->NextIn = pin;
            left = input.Length;
            try
            {
                while (true)
                {
                    s->AvailIn = (uint)Math.Min(left, uint.MaxValue);
                    left -= s->AvailIn;
                    var free = output.Free();
                    int err;
                    // libbzip2 wants a real pointer even with no room (it still consumes input).
                    byte dummy = 0;
                    fixed (byte* o = free)
                    {
                        s->NextOut = free.Length == 0 ? &dummy : o;
                        s->AvailOut = (uint)free.Length;
                        err = Bz2Native.Decompress(s);
                        output.Advance(free.Length - (int)s->AvailOut);
                        s->NextOut = null;
                    }
                    left += s->AvailIn;
                    Bz2Native.Check(err);
                    if (err == Bz2Native.StreamEnd)
                    {
                        eof = true;
                        break;
                    }
                    if (left == 0 || (s->AvailOut == 0 && output.Full))
                    {
                        break;
                    }
                }
            }
            finally
            {
                s->NextIn = null;
            }
            s->AvailIn = 0;
        }
        GC.KeepAlive(_bzs);
        return left;
    }
}
