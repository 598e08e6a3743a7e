// Modules/zlibmodule.c (the calls into the system zlib)
using System.Runtime.InteropServices;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Zlib;

/// <summary>The system zlib (<c>libz.so.1</c>, the library CPython links), so compressed bytes
/// are the ones CPython produces. The <c>z_stream</c> lives in native memory: zlib's state
/// points back at it, so it must never move.</summary>
internal static unsafe partial class ZlibNative
{
    private const string Lib = "libz.so.1";

    public const int ZOk = 0;
    public const int ZStreamEnd = 1;
    public const int ZNeedDict = 2;
    public const int ZErrno = -1;
    public const int ZStreamError = -2;
    public const int ZDataError = -3;
    public const int ZMemError = -4;
    public const int ZBufError = -5;
    public const int ZVersionError = -6;

    public const int ZNoFlush = 0;
    public const int ZSyncFlush = 2;
    public const int ZFinish = 4;

    /// <summary><c>z_stream</c> on LP64 Linux (112 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public sbyte* Msg;
        public nint State;
        public nint ZAlloc;
        public nint ZFree;
        public nint Opaque;
        public int DataType;
        public nuint Adler;
        public nuint Reserved;
    }

    [LibraryImport(Lib, EntryPoint = "zlibVersion")]
    private static partial sbyte* ZlibVersionRaw();

    [LibraryImport(Lib, EntryPoint = "deflateInit2_")]
    public static partial int DeflateInit2(ZStream* strm, int level, int method, int windowBits, int memLevel, int strategy, sbyte* version, int streamSize);

    [LibraryImport(Lib, EntryPoint = "deflate")]
    public static partial int Deflate(ZStream* strm, int flush);

    [LibraryImport(Lib, EntryPoint = "deflateEnd")]
    public static partial int DeflateEnd(ZStream* strm);

    [LibraryImport(Lib, EntryPoint = "deflateSetDictionary")]
    public static partial int DeflateSetDictionary(ZStream* strm, byte* dictionary, uint dictLength);

    [LibraryImport(Lib, EntryPoint = "deflateCopy")]
    public static partial int DeflateCopy(ZStream* dest, ZStream* source);

    [LibraryImport(Lib, EntryPoint = "inflateInit2_")]
    public static partial int InflateInit2(ZStream* strm, int windowBits, sbyte* version, int streamSize);

    [LibraryImport(Lib, EntryPoint = "inflate")]
    public static partial int Inflate(ZStream* strm, int flush);

    [LibraryImport(Lib, EntryPoint = "inflateEnd")]
    public static partial int InflateEnd(ZStream* strm);

    [LibraryImport(Lib, EntryPoint = "inflateSetDictionary")]
    public static partial int InflateSetDictionary(ZStream* strm, byte* dictionary, uint dictLength);

    [LibraryImport(Lib, EntryPoint = "inflateCopy")]
    public static partial int InflateCopy(ZStream* dest, ZStream* source);

    [LibraryImport(Lib, EntryPoint = "crc32")]
    private static partial nuint Crc32Raw(nuint crc, byte* buf, uint len);

    [LibraryImport(Lib, EntryPoint = "adler32")]
    private static partial nuint Adler32Raw(nuint adler, byte* buf, uint len);

    private static nint s_version;

    /// <summary>The version string handed to the init functions (the library's own).</summary>
    public static sbyte* LibVersion => (sbyte*)(s_version != 0 ? s_version : s_version = (nint)ZlibVersionRaw());

    public static string VersionString => Marshal.PtrToStringAnsi((nint)LibVersion) ?? "";

    /// <summary>Loads a system library for a module's import: a missing library is an
    /// ImportError (as a CPython built without it has no such module), not a .NET crash.</summary>
    public static T Load<T>(string library, Func<T> probe)
    {
        try
        {
            return probe();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw PyErr.New(PyExc.ImportError, $"{library}: {e.Message}");
        }
    }

    public static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        // zlib answers a NULL buffer with the initial value 0, not with crc.
        if (data.IsEmpty)
        {
            return crc;
        }
        fixed (byte* p = data)
        {
            var q = p;
            var left = data.Length;
            // zlib takes lengths as unsigned int; feed huge buffers in pieces.
            do
            {
                var n = (uint)Math.Min(left, 1 << 30);
                crc = (uint)Crc32Raw(crc, q, n);
                q += n;
                left -= (int)n;
            }
            while (left > 0);
        }
        return crc;
    }

    public static uint Adler32(uint adler, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return adler;
        }
        fixed (byte* p = data)
        {
            var q = p;
            var left = data.Length;
            do
            {
                var n = (uint)Math.Min(left, 1 << 30);
                adler = (uint)Adler32Raw(adler, q, n);
                q += n;
                left -= (int)n;
            }
            while (left > 0);
        }
        return adler;
    }
}

/// <summary>Owns one native <c>z_stream</c>: ends the deflate or inflate state and frees the
/// memory when released, so a dropped (de)compressor leaks nothing.</summary>
internal sealed unsafe class ZStreamHandle : SafeHandle
{
    private readonly bool _deflate;

    public ZStreamHandle(bool deflate) : base(0, true)
    {
        _deflate = deflate;
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(ZlibNative.ZStream)));
    }

    public override bool IsInvalid => handle == 0;

    public ZlibNative.ZStream* Stream => (ZlibNative.ZStream*)handle;

    /// <summary>zlib's message for the last error, or null.</summary>
    public string? Message => Stream->Msg is null ? null : Marshal.PtrToStringAnsi((nint)Stream->Msg);

    /// <summary>Ends the zlib state early (at the end of the stream); a second end is harmless
    /// because zlib clears the state pointer.</summary>
    public int End() => _deflate ? ZlibNative.DeflateEnd(Stream) : ZlibNative.InflateEnd(Stream);

    protected override bool ReleaseHandle()
    {
        End();
        NativeMemory.Free((void*)handle);
        return true;
    }
}
