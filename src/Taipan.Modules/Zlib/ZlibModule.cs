// Modules/zlibmodule.c
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Modules.Binascii;
using static Taipan.Modules.Zlib.ZlibNative;

namespace Taipan.Modules.Zlib;

/// <summary><c>zlib</c> over the system library: one-shot and incremental compression with
/// CPython's arguments, results and error messages.</summary>
[PyModule("zlib", Doc = "The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.")]
public static unsafe partial class ZlibModule
{
    internal const int MaxWbits = 15;
    internal const int DefMemLevel = 8;
    internal const int DefBufSize = 16384;
    internal const int Deflated = 8;

    private static PyType? s_error;

    internal static PyType Error => s_error ??= MakeError();

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("zlib"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("error"), PyTuple.Create(PyExc.Exception), ns], null);
    }

    /// <summary>zlib.error for a failed call, worded as CPython's zlib_error.</summary>
    internal static PyException ZlibError(ZStreamHandle zs, int err, string what)
    {
        var zmsg = err == ZVersionError ? "library version mismatch" : zs.Message;
        zmsg ??= err switch
        {
            ZBufError => "incomplete or truncated stream",
            ZStreamError => "inconsistent stream state",
            ZDataError => "invalid input data",
            _ => null,
        };
        return PyErr.New(Error, zmsg is null ? $"Error {err} {what}" : $"Error {err} {what}: {Truncate(zmsg)}");
    }

    /// <summary>Runs deflate or inflate once with the free space of the output buffer (pinned
    /// only for the call) and records what it wrote; AvailOut is left as zlib left it.</summary>
    internal static void Run(ZStream* s, ref OutputBuffer output, int flush, bool deflate, out int err)
    {
        var free = output.Free();
        fixed (byte* o = free)
        {
            s->NextOut = o;
            s->AvailOut = (uint)free.Length;
            err = deflate ? ZlibNative.Deflate(s, flush) : ZlibNative.Inflate(s, flush);
            output.Advance(free.Length - (int)s->AvailOut);
            s->NextOut = null;
        }
    }

    private static string Truncate(string s) => s.Length > 200 ? s[..200] : s;

    /// <summary>Argument Clinic's parsing of a signature whose first parameters come before a
    /// <c>/</c>: their names are empty in <paramref name="names"/>, so they cannot be passed by
    /// keyword, and too few positional arguments are reported as _PyArg_UnpackKeywords does.</summary>
    internal static void UnpackPositionalOnly(string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames, string[] names,
        int positionalOnly, int maxPositional, Span<PyObject?> buffer)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (args.Length <= names.Length && npos <= maxPositional && npos < positionalOnly)
        {
            throw PyErr.TypeError($"{name}() takes {(positionalOnly < maxPositional ? "at least" : "exactly")} {positionalOnly} positional argument{(positionalOnly == 1 ? "" : "s")} ({npos} given)");
        }
        ArgParse.UnpackKeywords(name, args, kwnames, names, positionalOnly, maxPositional, positionalOnly, buffer);
    }

    private static readonly string[] s_compressNames = ["", "level", "wbits"];
    private static readonly string[] s_decompressNames = ["", "wbits", "bufsize"];

    [PyMethod("compress", Doc = "Returns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n  level\n    Compression level, in 0-9 or -1.\n  wbits\n    The window buffer size and container format.")]
    public static PyObject CompressArgs(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        UnpackPositionalOnly("compress", args, kwnames, s_compressNames, 1, 3, buffer);
        return Compress(buffer[0]!, buffer[1] is { } l ? ArgParse.ToInt(l) : -1, buffer[2] is { } w ? ArgParse.ToInt(w) : MaxWbits);
    }

    [PyMethod("decompress", Doc = "Returns a bytes object containing the uncompressed data.\n\n  data\n    Compressed data.\n  wbits\n    The window buffer size and container format.\n  bufsize\n    The initial output buffer size.")]
    public static PyObject DecompressArgs(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        UnpackPositionalOnly("decompress", args, kwnames, s_decompressNames, 1, 3, buffer);
        return Decompress(buffer[0]!, buffer[1] is { } w ? ArgParse.ToInt(w) : MaxWbits, buffer[2] is { } b ? ArgParse.ToLong(b) : DefBufSize);
    }

    internal static PyBytes Compress(PyObject data, int level = -1, int wbits = MaxWbits)
    {
        var input = BufferProtocol.Read(data);
        using var zs = new ZStreamHandle(deflate: true);
        var err = DeflateInit2(zs.Stream, level, Deflated, wbits, DefMemLevel, 0, LibVersion, sizeof(ZStream));
        switch (err)
        {
            case ZOk:
                break;
            case ZMemError:
                throw PyErr.New(PyExc.MemoryError, "Out of memory while compressing data");
            case ZStreamError:
                throw PyErr.New(Error, "Bad compression level");
            default:
                throw ZlibError(zs, err, "while compressing data");
        }
        var output = new OutputBuffer(Math.Max(64, input.Length / 4 + 64));
        fixed (byte* pin = input)
        {
            var s = zs.Stream;
            s->NextIn = pin;
            var left = (long)input.Length;
            do
            {
                s->AvailIn = (uint)Math.Min(left, uint.MaxValue);
                left -= s->AvailIn;
                var flush = left == 0 ? ZFinish : ZNoFlush;
                do
                {
                    ZlibModule.Run(s, ref output, flush, true, out err);
                    if (err == ZStreamError)
                    {
                        throw ZlibError(zs, err, "while compressing data");
                    }
                }
                while (s->AvailOut == 0);
            }
            while (left > 0);
        }
        if (err != ZStreamEnd)
        {
            throw ZlibError(zs, err, "while compressing data");
        }
        err = zs.End();
        if (err != ZOk)
        {
            throw ZlibError(zs, err, "while finishing compression");
        }
        return output.ToBytes();
    }

    internal static PyBytes Decompress(PyObject data, int wbits = MaxWbits, long bufsize = DefBufSize)
    {
        var input = BufferProtocol.Read(data);
        if (bufsize < 0)
        {
            throw PyErr.ValueError("bufsize must be non-negative");
        }
        using var zs = new ZStreamHandle(deflate: false);
        var err = InflateInit2(zs.Stream, wbits, LibVersion, sizeof(ZStream));
        switch (err)
        {
            case ZOk:
                break;
            case ZMemError:
                throw PyErr.New(PyExc.MemoryError, "Out of memory while decompressing data");
            default:
                throw ZlibError(zs, err, "while preparing to decompress data");
        }
        var output = new OutputBuffer((int)Math.Clamp(bufsize, 1, 1 << 20));
        fixed (byte* pin = input)
        {
            var s = zs.Stream;
            s->NextIn = pin;
            var left = (long)input.Length;
            do
            {
                s->AvailIn = (uint)Math.Min(left, uint.MaxValue);
                left -= s->AvailIn;
                var flush = left == 0 ? ZFinish : ZNoFlush;
                do
                {
                    ZlibModule.Run(s, ref output, flush, false, out err);
                    switch (err)
                    {
                        case ZOk or ZBufError or ZStreamEnd:
                            break;
                        case ZMemError:
                            throw PyErr.New(PyExc.MemoryError, "Out of memory while decompressing data");
                        default:
                            throw ZlibError(zs, err, "while decompressing data");
                    }
                }
                while (s->AvailOut == 0);
            }
            while (err != ZStreamEnd && left > 0);
        }
        if (err != ZStreamEnd)
        {
            throw ZlibError(zs, err, "while decompressing data");
        }
        err = zs.End();
        if (err != ZOk)
        {
            throw ZlibError(zs, err, "while finishing decompression");
        }
        return output.ToBytes();
    }

    [PyMethod("compressobj", Keywords = true, Doc = "Return a compressor object.")]
    public static PyObject CompressObj(int level = -1, int method = Deflated, int wbits = MaxWbits, int memLevel = DefMemLevel, int strategy = 0, PyObject? zdict = null)
    {
        var dict = zdict is null ? default : BufferProtocol.Read(zdict);
        var zs = new ZStreamHandle(deflate: true);
        var err = DeflateInit2(zs.Stream, level, method, wbits, memLevel, strategy, LibVersion, sizeof(ZStream));
        switch (err)
        {
            case ZOk:
                break;
            case ZMemError:
                zs.Dispose();
                throw PyErr.New(PyExc.MemoryError, "Can't allocate memory for compression object");
            case ZStreamError:
                zs.Dispose();
                throw PyErr.ValueError("Invalid initialization option");
            default:
                var e = ZlibError(zs, err, "while creating compression object");
                zs.Dispose();
                throw e;
        }
        if (zdict is not null)
        {
            fixed (byte* d = dict)
            {
                err = DeflateSetDictionary(zs.Stream, d, (uint)dict.Length);
            }
            if (err != ZOk)
            {
                var e = err == ZStreamError ? PyErr.ValueError("Invalid dictionary") : ZlibError(zs, err, "deflateSetDictionary()");
                zs.Dispose();
                throw e;
            }
        }
        return new PyZlibCompress(zs);
    }

    [PyMethod("decompressobj", Keywords = true, Doc = "Return a decompressor object.")]
    public static PyObject DecompressObj(int wbits = MaxWbits, PyObject? zdict = null)
    {
        if (zdict is not null && !BufferProtocol.TryRead(zdict, out _))
        {
            throw PyErr.TypeError("zdict argument must support the buffer protocol");
        }
        var zs = new ZStreamHandle(deflate: false);
        var err = InflateInit2(zs.Stream, wbits, LibVersion, sizeof(ZStream));
        switch (err)
        {
            case ZOk:
                break;
            case ZStreamError:
                zs.Dispose();
                throw PyErr.ValueError("Invalid initialization option");
            case ZMemError:
                zs.Dispose();
                throw PyErr.New(PyExc.MemoryError, "Can't allocate memory for decompression object");
            default:
                var e = ZlibError(zs, err, "while creating decompression object");
                zs.Dispose();
                throw e;
        }
        var d = new PyZlibDecompress(zs, zdict);
        // A raw stream has no header asking for the dictionary: set it now.
        if (zdict is not null && wbits < 0)
        {
            d.SetZdict();
        }
        return d;
    }

    [PyMethod("crc32", Doc = "Compute a CRC-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned checksum is an integer.")]
    public static long Crc32(PyObject data, PyObject? value = null) =>
        ZlibNative.Crc32(value is null ? 0 : BinasciiModule.UnsignedIntMask(value), BufferProtocol.Read(data));

    [PyMethod("adler32", Doc = "Compute an Adler-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned checksum is an integer.")]
    public static long Adler32(PyObject data, PyObject? value = null) =>
        ZlibNative.Adler32(value is null ? 1 : BinasciiModule.UnsignedIntMask(value), BufferProtocol.Read(data));

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("error", Error);
        var version = new PyStr(Load("libz.so.1", () => VersionString));
        module.AddBuiltin("ZLIB_VERSION", version);
        module.AddBuiltin("ZLIB_RUNTIME_VERSION", version);
        (string, long)[] constants =
        [
            ("MAX_WBITS", MaxWbits), ("DEFLATED", Deflated), ("DEF_MEM_LEVEL", DefMemLevel), ("DEF_BUF_SIZE", DefBufSize),
            ("Z_NO_COMPRESSION", 0), ("Z_BEST_SPEED", 1), ("Z_BEST_COMPRESSION", 9), ("Z_DEFAULT_COMPRESSION", -1),
            ("Z_FILTERED", 1), ("Z_HUFFMAN_ONLY", 2), ("Z_RLE", 3), ("Z_FIXED", 4), ("Z_DEFAULT_STRATEGY", 0),
            ("Z_NO_FLUSH", 0), ("Z_PARTIAL_FLUSH", 1), ("Z_SYNC_FLUSH", 2), ("Z_FULL_FLUSH", 3), ("Z_FINISH", 4),
            ("Z_BLOCK", 5), ("Z_TREES", 6),
        ];
        foreach (var (name, value) in constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }
}

/// <summary><c>zlib.Compress</c>: an incremental compressor.</summary>
[PyType("zlib.Compress", Module = "zlib", FromSpec = true)]
public sealed unsafe partial class PyZlibCompress : PyObject
{
    private readonly ZStreamHandle _zs;
    private readonly object _lock = new();
    private bool _initialised = true;

    internal PyZlibCompress(ZStreamHandle zs) => _zs = zs;

    [PyMethod(Doc = "Returns a bytes object containing compressed data.")]
    public PyBytes Compress(PyObject data)
    {
        var input = BufferProtocol.Read(data);
        lock (_lock)
        {
            var output = new OutputBuffer(Math.Max(64, input.Length / 4 + 64));
            fixed (byte* pin = input)
            {
                var s = _zs.Stream;
                s->NextIn = pin;
                var left = (long)input.Length;
                do
                {
                    s->AvailIn = (uint)Math.Min(left, uint.MaxValue);
                    left -= s->AvailIn;
                    int err;
                    do
                    {
                        ZlibModule.Run(s, ref output, ZNoFlush, true, out err);
                        if (err == ZStreamError)
                        {
                            s->NextIn = null;
                            s->AvailIn = 0;
                            throw ZlibModule.ZlibError(_zs, err, "while compressing data");
                        }
                    }
                    while (s->AvailOut == 0);
                }
                while (left > 0);
                s->NextIn = null;
            }
            GC.KeepAlive(_zs);
            return output.ToBytes();
        }
    }

    [PyMethod(Doc = "Return a bytes object containing any remaining compressed data.\n\n  mode\n    One of the constants Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH.\n    If mode == Z_FINISH, the compressor object can no longer be\n    used after calling the flush() method.  Otherwise, more data\n    can still be compressed.")]
    public PyBytes Flush(int mode = ZFinish)
    {
        // Flushing with Z_NO_FLUSH is a no-op.
        if (mode == ZNoFlush)
        {
            return PyBytes.Empty;
        }
        lock (_lock)
        {
            var s = _zs.Stream;
            s->AvailIn = 0;
            var output = new OutputBuffer(ZlibModule.DefBufSize);
            int err;
            do
            {
                ZlibModule.Run(s, ref output, mode, true, out err);
                if (err == ZStreamError)
                {
                    throw ZlibModule.ZlibError(_zs, err, "while flushing");
                }
            }
            while (s->AvailOut == 0);
            if (err == ZStreamEnd && mode == ZFinish)
            {
                err = _zs.End();
                _initialised = false;
                if (err != ZOk)
                {
                    throw ZlibModule.ZlibError(_zs, err, "while finishing compression");
                }
            }
            else if (err is not (ZOk or ZBufError))
            {
                throw ZlibModule.ZlibError(_zs, err, "while flushing");
            }
            GC.KeepAlive(_zs);
            return output.ToBytes();
        }
    }

    [PyMethod(Doc = "Return a copy of the compression object.")]
    public PyZlibCompress Copy()
    {
        lock (_lock)
        {
            if (!_initialised)
            {
                throw PyErr.ValueError("Inconsistent stream state");
            }
            var copy = new ZStreamHandle(deflate: true);
            var err = DeflateCopy(copy.Stream, _zs.Stream);
            if (err == ZOk)
            {
                return new PyZlibCompress(copy);
            }
            var e = err switch
            {
                ZStreamError => PyErr.ValueError("Inconsistent stream state"),
                ZMemError => PyErr.New(PyExc.MemoryError, "Can't allocate memory for compression object"),
                _ => ZlibModule.ZlibError(_zs, err, "while copying compression object"),
            };
            copy.Dispose();
            throw e;
        }
    }

    [PyMethod("__copy__")]
    public PyZlibCompress CopyDunder() => Copy();

    [PyMethod("__deepcopy__")]
    public PyZlibCompress DeepCopy(PyObject memo) => Copy();
}

/// <summary><c>zlib.Decompress</c>: an incremental decompressor.</summary>
[PyType("zlib.Decompress", Module = "zlib", FromSpec = true)]
public sealed unsafe partial class PyZlibDecompress : PyObject
{
    private readonly ZStreamHandle _zs;
    private readonly PyObject? _zdict;
    private readonly object _lock = new();
    private bool _initialised = true;
    private PyBytes _unusedData = PyBytes.Empty;
    private PyBytes _unconsumedTail = PyBytes.Empty;
    private bool _eof;

    internal PyZlibDecompress(ZStreamHandle zs, PyObject? zdict)
    {
        _zs = zs;
        _zdict = zdict;
    }

    [PyGetter("unused_data")]
    public PyBytes UnusedData() => _unusedData;

    [PyGetter("unconsumed_tail")]
    public PyBytes UnconsumedTail() => _unconsumedTail;

    [PyGetter("eof")]
    public bool Eof() => _eof;

    internal void SetZdict()
    {
        var dict = BufferProtocol.Read(_zdict!);
        int err;
        fixed (byte* d = dict)
        {
            err = InflateSetDictionary(_zs.Stream, d, (uint)dict.Length);
        }
        if (err != ZOk)
        {
            throw ZlibModule.ZlibError(_zs, err, "while setting zdict");
        }
    }

    private static readonly string[] s_decompressNames = ["", "max_length"];

    [PyMethod("decompress", Doc = "Return a bytes object containing the decompressed version of the data.\n\n  data\n    The binary data to decompress.\n  max_length\n    The maximum allowable length of the decompressed data.\n    Unconsumed input data will be stored in\n    the unconsumed_tail attribute.\n\nAfter calling this function, some of the input data may still be stored in\ninternal buffers for later processing.\nCall the flush() method to clear these buffers.")]
    public PyObject DecompressArgs(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ZlibModule.UnpackPositionalOnly("decompress", args, kwnames, s_decompressNames, 1, 2, buffer);
        return Decompress(buffer[0]!, buffer[1] is { } m ? ArgParse.ToLong(m) : 0);
    }

    internal PyBytes Decompress(PyObject data, long max_length)
    {
        if (max_length < 0)
        {
            throw PyErr.ValueError("max_length must be non-negative");
        }
        var input = BufferProtocol.Read(data);
        var limit = max_length == 0 ? long.MaxValue : max_length;
        lock (_lock)
        {
            var output = new OutputBuffer((int)Math.Min(ZlibModule.DefBufSize, limit), limit);
            int err;
            fixed (byte* pin = input)
            {
                var s = _zs.Stream;
                s->NextIn = pin;
                err = RunInflate(s, ref output, input.Length, ZSyncFlush, flushAtEnd: false);
                SaveUnconsumedInput(input, pin, err);
            }
            if (err == ZStreamEnd)
            {
                // inflateEnd waits for flush(), as CPython's does.
                _eof = true;
            }
            else if (err is not (ZOk or ZBufError))
            {
                throw ZlibModule.ZlibError(_zs, err, "while decompressing data");
            }
            GC.KeepAlive(_zs);
            return output.ToBytes();
        }
    }

    /// <summary>The inflate loop shared by decompress() and flush(): stops at the end of the
    /// stream, on an error (returned), or when the output limit is reached.</summary>
    private int RunInflate(ZlibNative.ZStream* s, ref OutputBuffer output, long inputLength, int flush, bool flushAtEnd)
    {
        var left = inputLength;
        var err = ZOk;
        do
        {
            s->AvailIn = (uint)Math.Min(left, uint.MaxValue);
            left -= s->AvailIn;
            var mode = flushAtEnd && left == 0 ? ZFinish : flush;
            do
            {
                if (output.Full)
                {
                    return err;
                }
                ZlibModule.Run(s, ref output, mode, false, out err);
                if (err == ZNeedDict && _zdict is not null)
                {
                    SetZdict();
                    continue;
                }
                if (err is not (ZOk or ZBufError or ZStreamEnd))
                {
                    return err;
                }
            }
            while (s->AvailOut == 0 || err == ZNeedDict);
        }
        while (err != ZStreamEnd && left > 0);
        return err;
    }

    /// <summary>Input after the end of the stream goes to unused_data; input not consumed
    /// because of max_length goes to unconsumed_tail (which is cleared once all is consumed).</summary>
    private void SaveUnconsumedInput(ReadOnlySpan<byte> input, byte* pin, int err)
    {
        var s = _zs.Stream;
        var consumed = (int)(s->NextIn - pin);
        if (err == ZStreamEnd && s->AvailIn > 0)
        {
            var rest = input[consumed..];
            var joined = new byte[_unusedData.Data.Length + rest.Length];
            _unusedData.Data.CopyTo(joined);
            rest.CopyTo(joined.AsSpan(_unusedData.Data.Length));
            _unusedData = new PyBytes(joined);
            // As in CPython, the position is not moved on: a non-empty unconsumed_tail
            // still gets the rest copied below.
            s->AvailIn = 0;
        }
        if (s->AvailIn > 0 || _unconsumedTail.Data.Length > 0)
        {
            _unconsumedTail = PyBytes.From(input[consumed..]);
        }
        s->NextIn = null;
        s->AvailIn = 0;
    }

    [PyMethod(Doc = "Return a bytes object containing any remaining decompressed data.\n\n  length\n    the initial size of the output buffer.")]
    public PyBytes Flush(long length = ZlibModule.DefBufSize)
    {
        if (length <= 0)
        {
            throw PyErr.ValueError("length must be greater than zero");
        }
        lock (_lock)
        {
            var tail = _unconsumedTail;
            var input = tail.Data;
            var output = new OutputBuffer((int)Math.Min(length, 1 << 20));
            int err;
            fixed (byte* pin = input)
            {
                var s = _zs.Stream;
                s->NextIn = pin;
                err = RunInflate(s, ref output, input.Length, ZNoFlush, flushAtEnd: true);
                SaveUnconsumedInput(input, pin, err);
            }
            if (err == ZStreamEnd)
            {
                _eof = true;
                _initialised = false;
                err = _zs.End();
                if (err != ZOk)
                {
                    throw ZlibModule.ZlibError(_zs, err, "while finishing decompression");
                }
            }
            GC.KeepAlive(_zs);
            return output.ToBytes();
        }
    }

    [PyMethod(Doc = "Return a copy of the decompression object.")]
    public PyZlibDecompress Copy()
    {
        lock (_lock)
        {
            if (!_initialised)
            {
                throw PyErr.ValueError("Inconsistent stream state");
            }
            var copy = new ZStreamHandle(deflate: false);
            var err = InflateCopy(copy.Stream, _zs.Stream);
            if (err == ZOk)
            {
                return new PyZlibDecompress(copy, _zdict) { _unusedData = _unusedData, _unconsumedTail = _unconsumedTail, _eof = _eof };
            }
            var e = err switch
            {
                ZStreamError => PyErr.ValueError("Inconsistent stream state"),
                ZMemError => PyErr.New(PyExc.MemoryError, "Can't allocate memory for decompression object"),
                _ => ZlibModule.ZlibError(_zs, err, "while copying decompression object"),
            };
            copy.Dispose();
            throw e;
        }
    }

    [PyMethod("__copy__")]
    public PyZlibDecompress CopyDunder() => Copy();

    [PyMethod("__deepcopy__")]
    public PyZlibDecompress DeepCopy(PyObject memo) => Copy();
}
