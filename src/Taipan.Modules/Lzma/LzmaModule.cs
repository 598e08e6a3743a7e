// Modules/_lzmamodule.c
using System.Numerics;
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Modules.Zlib;

namespace Taipan.Modules.Lzma;

/// <summary>The system liblzma (<c>liblzma.so.5</c>).</summary>
internal static unsafe partial class LzmaNative
{
    private const string Lib = "liblzma.so.5";

    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int NoCheck = 2;
    public const int UnsupportedCheck = 3;
    public const int GetCheck = 4;
    public const int MemError = 5;
    public const int MemlimitError = 6;
    public const int FormatError = 7;
    public const int OptionsError = 8;
    public const int DataError = 9;
    public const int BufError = 10;
    public const int ProgError = 11;

    public const int Run = 0;
    public const int Finish = 3;

    public const uint TellNoCheck = 0x01;
    public const uint TellAnyCheck = 0x04;

    public const ulong VliUnknown = ulong.MaxValue;
    public const ulong FilterLzma1 = 0x4000000000000001;
    public const ulong FilterLzma2 = 0x21;
    public const ulong FilterDelta = 0x03;
    public const ulong FilterX86 = 0x04;
    public const ulong FilterPowerPc = 0x05;
    public const ulong FilterIa64 = 0x06;
    public const ulong FilterArm = 0x07;
    public const ulong FilterArmThumb = 0x08;
    public const ulong FilterSparc = 0x09;
    public const int FiltersMax = 4;

    /// <summary>Sizes of liblzma 5.x's option structures on LP64 (with their reserved tails).</summary>
    public const int OptionsLzmaSize = 112;
    public const int OptionsDeltaSize = 40;
    public const int OptionsBcjSize = 4;

    /// <summary><c>lzma_stream</c> on LP64 Linux (136 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 136)]
    public struct LzmaStream
    {
        public byte* NextIn;
        public nuint AvailIn;
        public ulong TotalIn;
        public byte* NextOut;
        public nuint AvailOut;
        public ulong TotalOut;
    }

    /// <summary><c>lzma_filter</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct LzmaFilter
    {
        public ulong Id;
        public void* Options;
    }

    [LibraryImport(Lib, EntryPoint = "lzma_code")]
    public static partial int Code(LzmaStream* strm, int action);

    [LibraryImport(Lib, EntryPoint = "lzma_end")]
    public static partial void End(LzmaStream* strm);

    [LibraryImport(Lib, EntryPoint = "lzma_get_check")]
    public static partial int GetCheckOf(LzmaStream* strm);

    [LibraryImport(Lib, EntryPoint = "lzma_easy_encoder")]
    public static partial int EasyEncoder(LzmaStream* strm, uint preset, int check);

    [LibraryImport(Lib, EntryPoint = "lzma_stream_encoder")]
    public static partial int StreamEncoder(LzmaStream* strm, LzmaFilter* filters, int check);

    [LibraryImport(Lib, EntryPoint = "lzma_alone_encoder")]
    public static partial int AloneEncoder(LzmaStream* strm, void* options);

    [LibraryImport(Lib, EntryPoint = "lzma_raw_encoder")]
    public static partial int RawEncoder(LzmaStream* strm, LzmaFilter* filters);

    [LibraryImport(Lib, EntryPoint = "lzma_auto_decoder")]
    public static partial int AutoDecoder(LzmaStream* strm, ulong memlimit, uint flags);

    [LibraryImport(Lib, EntryPoint = "lzma_stream_decoder")]
    public static partial int StreamDecoder(LzmaStream* strm, ulong memlimit, uint flags);

    [LibraryImport(Lib, EntryPoint = "lzma_alone_decoder")]
    public static partial int AloneDecoder(LzmaStream* strm, ulong memlimit);

    [LibraryImport(Lib, EntryPoint = "lzma_raw_decoder")]
    public static partial int RawDecoder(LzmaStream* strm, LzmaFilter* filters);

    [LibraryImport(Lib, EntryPoint = "lzma_check_is_supported")]
    public static partial byte CheckIsSupported(int check);

    [LibraryImport(Lib, EntryPoint = "lzma_lzma_preset")]
    public static partial byte LzmaPreset(void* options, uint preset);

    [LibraryImport(Lib, EntryPoint = "lzma_properties_size")]
    public static partial int PropertiesSize(uint* size, LzmaFilter* filter);

    [LibraryImport(Lib, EntryPoint = "lzma_properties_encode")]
    public static partial int PropertiesEncode(LzmaFilter* filter, byte* props);

    [LibraryImport(Lib, EntryPoint = "lzma_properties_decode")]
    public static partial int PropertiesDecode(LzmaFilter* filter, void* allocator, byte* props, nuint propsSize);

    /// <summary>Frees what liblzma allocated with the default allocator (the C library's).</summary>
    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void CFree(void* p);
}

/// <summary>Owns one native <c>lzma_stream</c> and ends it when released (lzma_end accepts a
/// stream that was never set up).</summary>
internal sealed unsafe class LzmaStreamHandle : SafeHandle
{
    public LzmaStreamHandle() : base(0, true) => SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(LzmaNative.LzmaStream)));

    public override bool IsInvalid => handle == 0;

    public LzmaNative.LzmaStream* Stream => (LzmaNative.LzmaStream*)handle;

    protected override bool ReleaseHandle()
    {
        LzmaNative.End(Stream);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

/// <summary>A filter chain in native memory, terminated as liblzma expects; freed on dispose.</summary>
internal sealed unsafe class FilterChain : IDisposable
{
    public readonly LzmaNative.LzmaFilter* Filters;
    private readonly int _count;

    public FilterChain(int count)
    {
        _count = count;
        Filters = (LzmaNative.LzmaFilter*)NativeMemory.AllocZeroed((nuint)((count + 1) * sizeof(LzmaNative.LzmaFilter)));
        Filters[count].Id = LzmaNative.VliUnknown;
    }

    public void Dispose()
    {
        for (var i = 0; i < _count; i++)
        {
            NativeMemory.Free(Filters[i].Options);
        }
        NativeMemory.Free(Filters);
    }
}

[PyModule("_lzma")]
public static unsafe partial class LzmaModule
{
    internal const int FormatAuto = 0;
    internal const int FormatXz = 1;
    internal const int FormatAlone = 2;
    internal const int FormatRaw = 3;
    internal const int CheckNone = 0;
    internal const int CheckCrc64 = 4;
    internal const int CheckUnknown = 16;
    internal const uint PresetDefault = 6;

    private static PyType? s_error;

    internal static PyType Error => s_error ??= MakeError();

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("_lzma"));
        ns.SetItem(new PyStr("__doc__"), new PyStr("Call to liblzma failed."));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("LZMAError"), PyTuple.Create(PyExc.Exception), ns], null);
    }

    private static PyException Fail(string message) => PyErr.New(Error, message);

    /// <summary>Raises the Python exception for a liblzma result (catch_lzma_error).</summary>
    internal static void Check(int ret)
    {
        switch (ret)
        {
            case LzmaNative.Ok or LzmaNative.GetCheck or LzmaNative.NoCheck or LzmaNative.StreamEnd:
                return;
            case LzmaNative.UnsupportedCheck:
                throw Fail("Unsupported integrity check");
            case LzmaNative.MemError:
                throw PyErr.New(PyExc.MemoryError, "");
            case LzmaNative.MemlimitError:
                throw Fail("Memory usage limit exceeded");
            case LzmaNative.FormatError:
                throw Fail("Input format not supported by decoder");
            case LzmaNative.OptionsError:
                throw Fail("Invalid or unsupported options");
            case LzmaNative.DataError:
                throw Fail("Corrupt input data");
            case LzmaNative.BufError:
                throw Fail("Insufficient buffer space");
            case LzmaNative.ProgError:
                throw Fail("Internal error");
            default:
                throw Fail($"Unrecognized error from liblzma: {ret}");
        }
    }

    /// <summary>PyLong_AsUnsignedLongLong.</summary>
    internal static ulong ToUInt64(PyObject o)
    {
        if (o is not PyInt i)
        {
            throw PyErr.TypeError("an integer is required");
        }
        var v = i.Value;
        if (v.Sign < 0)
        {
            throw PyErr.OverflowError("can't convert negative int to unsigned");
        }
        if (v > ulong.MaxValue)
        {
            throw PyErr.OverflowError("int too big to convert");
        }
        return (ulong)v;
    }

    /// <summary>The module's uint32_converter.</summary>
    internal static uint ToUInt32(PyObject o)
    {
        if (o is not PyInt i)
        {
            throw PyErr.TypeError("an integer is required");
        }
        var v = i.Value;
        if (v.Sign < 0)
        {
            throw PyErr.OverflowError("can't convert negative value to unsigned int");
        }
        if (v > uint.MaxValue)
        {
            throw PyErr.OverflowError("Value too large for uint32_t type");
        }
        return (uint)v;
    }

    private static PyObject? MappingItem(PyObject spec, string key)
    {
        try
        {
            return Ops.GetItem(spec, new PyStr(key));
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.KeyError))
        {
            return null;
        }
    }

    /// <summary>Fills one lzma_filter from a filter specifier dict (lzma_filter_converter).</summary>
    internal static void ParseFilter(PyObject spec, LzmaNative.LzmaFilter* f)
    {
        if (spec.Type.Slots.GetItem is null || spec is PyStr or PyBytes or PyTuple or PyList)
        {
            throw PyErr.TypeError("Filter specifier must be a dict or dict-like object");
        }
        var idObj = MappingItem(spec, "id") ?? throw PyErr.ValueError("Filter specifier must have an \"id\" entry");
        var id = ToUInt64(idObj);
        f->Id = id;
        switch (id)
        {
            case LzmaNative.FilterLzma1 or LzmaNative.FilterLzma2:
                f->Options = ParseLzmaOptions(spec);
                break;
            case LzmaNative.FilterDelta:
            {
                var dist = 1u;
                ParseOptions(spec, ["dist"], "delta", (name, value) => dist = ToUInt32(value));
                var o = (byte*)NativeMemory.AllocZeroed(LzmaNative.OptionsDeltaSize);
                // type = LZMA_DELTA_TYPE_BYTE (0), then dist.
                *(uint*)(o + 4) = dist;
                f->Options = o;
                break;
            }
            case LzmaNative.FilterX86 or LzmaNative.FilterPowerPc or LzmaNative.FilterIa64 or LzmaNative.FilterArm or LzmaNative.FilterArmThumb or LzmaNative.FilterSparc:
            {
                var start = 0u;
                ParseOptions(spec, ["start_offset"], "BCJ", (name, value) => start = ToUInt32(value));
                var o = (uint*)NativeMemory.AllocZeroed(LzmaNative.OptionsBcjSize);
                *o = start;
                f->Options = o;
                break;
            }
            default:
                throw PyErr.ValueError($"Invalid filter ID: {id}");
        }
    }

    /// <summary>Checks a specifier's keys as PyArg_ParseTupleAndKeywords does (any failure
    /// becomes CPython's "Invalid filter specifier" ValueError) and hands each option over.</summary>
    private static void ParseOptions(PyObject spec, string[] names, string what, Action<string, PyObject> set)
    {
        try
        {
            if (spec is not PyDict dict)
            {
                throw PyErr.New(PyExc.SystemError, "bad argument");
            }
            foreach (var (k, v) in dict.Items())
            {
                if (k is not PyStr ks)
                {
                    throw PyErr.TypeError("keywords must be strings");
                }
                if (ks.Value == "id" || (what == "LZMA" && ks.Value == "preset"))
                {
                    continue;
                }
                if (Array.IndexOf(names, ks.Value) < 0)
                {
                    throw PyErr.TypeError($"'{ks.Value}' is an invalid keyword argument");
                }
                set(ks.Value, v);
            }
        }
        catch (PyException)
        {
            throw PyErr.ValueError($"Invalid filter specifier for {what} filter");
        }
    }

    private static void* ParseLzmaOptions(PyObject spec)
    {
        var presetObj = MappingItem(spec, "preset");
        var preset = presetObj is null ? PresetDefault : ToUInt32(presetObj);
        var o = (byte*)NativeMemory.AllocZeroed(LzmaNative.OptionsLzmaSize);
        try
        {
            if (LzmaNative.LzmaPreset(o, preset) != 0)
            {
                throw Fail($"Invalid compression preset: {preset}");
            }
            ParseOptions(spec, ["dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"], "LZMA", (name, value) =>
            {
                var offset = name switch
                {
                    "dict_size" => 0,
                    "lc" => 20,
                    "lp" => 24,
                    "pb" => 28,
                    "mode" => 32,
                    "nice_len" => 36,
                    "mf" => 40,
                    _ => 44,
                };
                var v = ToUInt32(value);
                if (name == "mode" && v is not (1 or 2))
                {
                    throw PyErr.ValueError($"Invalid mode: {v}");
                }
                if (name == "mf" && v is not (0x03 or 0x04 or 0x12 or 0x13 or 0x14))
                {
                    throw PyErr.ValueError($"Invalid match finder: {v}");
                }
                *(uint*)(o + offset) = v;
            });
            return o;
        }
        catch
        {
            NativeMemory.Free(o);
            throw;
        }
    }

    /// <summary>A filter chain from a sequence of specifiers (parse_filter_chain_spec).</summary>
    internal static FilterChain ParseFilterChain(PyObject specs)
    {
        var n = Ops.Length(specs);
        if (n > LzmaNative.FiltersMax)
        {
            throw PyErr.ValueError($"Too many filters - liblzma supports a maximum of {LzmaNative.FiltersMax}");
        }
        var chain = new FilterChain((int)n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                ParseFilter(Ops.GetItem(specs, PyInt.From(i)), chain.Filters + i);
            }
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    [PyMethod("is_check_supported", Doc = "Test whether the given integrity check is supported.\n\nAlways returns True for CHECK_NONE and CHECK_CRC32.")]
    public static bool IsCheckSupported(int check_id) => LzmaNative.CheckIsSupported(check_id) != 0;

    [PyMethod("_encode_filter_properties", Doc = "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n\nThe result does not include the filter ID itself, only the options.")]
    public static PyBytes EncodeFilterProperties(PyObject filter)
    {
        using var chain = new FilterChain(1);
        ParseFilter(filter, chain.Filters);
        uint size;
        Check(LzmaNative.PropertiesSize(&size, chain.Filters));
        var result = new byte[size];
        fixed (byte* p = result)
        {
            Check(LzmaNative.PropertiesEncode(chain.Filters, p));
        }
        return new PyBytes(result);
    }

    [PyMethod("_decode_filter_properties", Doc = "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n\nThe result does not include the filter ID itself, only the options.")]
    public static PyDict DecodeFilterProperties(PyObject filter_id, PyObject encoded_props)
    {
        var id = ToUInt64(filter_id);
        var props = BufferProtocol.Read(encoded_props);
        LzmaNative.LzmaFilter f;
        f.Id = id;
        f.Options = null;
        int ret;
        fixed (byte* p = props)
        {
            ret = LzmaNative.PropertiesDecode(&f, null, p, (nuint)props.Length);
        }
        Check(ret);
        try
        {
            var spec = new PyDict();
            spec.SetItem(new PyStr("id"), PyInt.From(new BigInteger(id)));
            var o = (byte*)f.Options;
            switch (id)
            {
                // Only these fields take part in the encoded properties.
                case LzmaNative.FilterLzma1:
                    spec.SetItem(new PyStr("lc"), PyInt.From((long)*(uint*)(o + 20)));
                    spec.SetItem(new PyStr("lp"), PyInt.From((long)*(uint*)(o + 24)));
                    spec.SetItem(new PyStr("pb"), PyInt.From((long)*(uint*)(o + 28)));
                    spec.SetItem(new PyStr("dict_size"), PyInt.From((long)*(uint*)o));
                    break;
                case LzmaNative.FilterLzma2:
                    spec.SetItem(new PyStr("dict_size"), PyInt.From((long)*(uint*)o));
                    break;
                case LzmaNative.FilterDelta:
                    spec.SetItem(new PyStr("dist"), PyInt.From((long)*(uint*)(o + 4)));
                    break;
                case LzmaNative.FilterX86 or LzmaNative.FilterPowerPc or LzmaNative.FilterIa64 or LzmaNative.FilterArm or LzmaNative.FilterArmThumb or LzmaNative.FilterSparc:
                    if (o is not null)
                    {
                        spec.SetItem(new PyStr("start_offset"), PyInt.From((long)*(uint*)o));
                    }
                    break;
                default:
                    throw PyErr.ValueError($"Invalid filter ID: {id}");
            }
            return spec;
        }
        finally
        {
            LzmaNative.CFree(f.Options);
        }
    }

    static partial void Initialize(PyModule module)
    {
        ZlibNative.Load("liblzma.so.5", () => LzmaNative.CheckIsSupported(0));
        module.AddBuiltin("LZMAError", Error);
        module.AddBuiltin("LZMACompressor", PyLzmaCompressor.TypeObject);
        module.AddBuiltin("LZMADecompressor", PyLzmaDecompressor.TypeObject);
        (string, BigInteger)[] constants =
        [
            ("FORMAT_AUTO", FormatAuto), ("FORMAT_XZ", FormatXz), ("FORMAT_ALONE", FormatAlone), ("FORMAT_RAW", FormatRaw),
            ("CHECK_NONE", CheckNone), ("CHECK_CRC32", 1), ("CHECK_CRC64", CheckCrc64), ("CHECK_SHA256", 10),
            ("CHECK_ID_MAX", 15), ("CHECK_UNKNOWN", CheckUnknown),
            ("FILTER_LZMA1", LzmaNative.FilterLzma1), ("FILTER_LZMA2", LzmaNative.FilterLzma2), ("FILTER_DELTA", LzmaNative.FilterDelta),
            ("FILTER_X86", LzmaNative.FilterX86), ("FILTER_IA64", LzmaNative.FilterIa64), ("FILTER_ARM", LzmaNative.FilterArm),
            ("FILTER_ARMTHUMB", LzmaNative.FilterArmThumb), ("FILTER_SPARC", LzmaNative.FilterSparc), ("FILTER_POWERPC", LzmaNative.FilterPowerPc),
            ("MF_HC3", 0x03), ("MF_HC4", 0x04), ("MF_BT2", 0x12), ("MF_BT3", 0x13), ("MF_BT4", 0x14),
            ("MODE_FAST", 1), ("MODE_NORMAL", 2), ("PRESET_DEFAULT", PresetDefault), ("PRESET_EXTREME", 0x80000000u),
        ];
        foreach (var (name, value) in constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }
}

/// <summary><c>_lzma.LZMACompressor</c>.</summary>
[PyType("_lzma.LZMACompressor", Module = "_lzma", FromSpec = true, Doc = "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\nCreate a compressor object for compressing data incrementally.")]
public sealed unsafe partial class PyLzmaCompressor : StreamCompressor
{
    private static readonly string[] s_names = ["format", "check", "preset", "filters"];

    private readonly LzmaStreamHandle _lzs = new();

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[4];
        ArgParse.UnpackKeywords("LZMACompressor", args, kwnames, s_names, 0, 4, 0, buffer);
        var format = buffer[0] is { } f ? ArgParse.ToInt(f) : LzmaModule.FormatXz;
        var check = buffer[1] is { } c ? ArgParse.ToInt(c) : -1;
        var presetObj = buffer[2] is null or PyNone ? null : buffer[2];
        var filters = buffer[3] is null or PyNone ? null : buffer[3];
        if (format != LzmaModule.FormatXz && check != -1 && check != LzmaModule.CheckNone)
        {
            throw PyErr.ValueError("Integrity checks are only supported by FORMAT_XZ");
        }
        if (presetObj is not null && filters is not null)
        {
            throw PyErr.ValueError("Cannot specify both preset and filter chain");
        }
        var preset = presetObj is null ? LzmaModule.PresetDefault : LzmaModule.ToUInt32(presetObj);
        var self = new PyLzmaCompressor();
        var s = self._lzs.Stream;
        switch (format)
        {
            case LzmaModule.FormatXz:
                if (check == -1)
                {
                    check = LzmaModule.CheckCrc64;
                }
                if (filters is null)
                {
                    LzmaModule.Check(LzmaNative.EasyEncoder(s, preset, check));
                }
                else
                {
                    using var chain = LzmaModule.ParseFilterChain(filters);
                    LzmaModule.Check(LzmaNative.StreamEncoder(s, chain.Filters, check));
                }
                break;
            case LzmaModule.FormatAlone:
                if (filters is null)
                {
                    var options = stackalloc byte[LzmaNative.OptionsLzmaSize];
                    new Span<byte>(options, LzmaNative.OptionsLzmaSize).Clear();
                    if (LzmaNative.LzmaPreset(options, preset) != 0)
                    {
                        throw PyErr.New(LzmaModule.Error, $"Invalid compression preset: {preset}");
                    }
                    LzmaModule.Check(LzmaNative.AloneEncoder(s, options));
                }
                else
                {
                    using var chain = LzmaModule.ParseFilterChain(filters);
                    if (chain.Filters[0].Id != LzmaNative.FilterLzma1 || chain.Filters[1].Id != LzmaNative.VliUnknown)
                    {
                        throw PyErr.ValueError("Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
                    }
                    LzmaModule.Check(LzmaNative.AloneEncoder(s, chain.Filters[0].Options));
                }
                break;
            case LzmaModule.FormatRaw:
                if (filters is null)
                {
                    throw PyErr.ValueError("Must specify filters for FORMAT_RAW");
                }
                using (var chain = LzmaModule.ParseFilterChain(filters))
                {
                    LzmaModule.Check(LzmaNative.RawEncoder(s, chain.Filters));
                }
                break;
            default:
                throw PyErr.ValueError($"Invalid container format: {format}");
        }
        GC.KeepAlive(self._lzs);
        return self;
    }

    private protected override PyBytes Run(ReadOnlySpan<byte> input, bool finish)
    {
        var action = finish ? LzmaNative.Finish : LzmaNative.Run;
        var output = new OutputBuffer(Math.Max(256, input.Length / 4));
        var s = _lzs.Stream;
        fixed (byte* pin = input)
        {
            s->NextIn = pin;
            s->AvailIn = (nuint)input.Length;
            while (true)
            {
                var free = output.Free();
                int ret;
                fixed (byte* o = free)
                {
                    s->NextOut = o;
                    s->AvailOut = (nuint)free.Length;
                    ret = LzmaNative.Code(s, action);
                    output.Advance(free.Length - (int)s->AvailOut);
                }
                // No progress is fine when there was nothing to do.
                if (ret == LzmaNative.BufError && input.Length == 0 && s->AvailOut > 0)
                {
                    ret = LzmaNative.Ok;
                }
                s->NextOut = null;
                LzmaModule.Check(ret);
                if ((action == LzmaNative.Run && s->AvailIn == 0) || (action == LzmaNative.Finish && ret == LzmaNative.StreamEnd))
                {
                    break;
                }
            }
            s->NextIn = null;
            s->AvailIn = 0;
        }
        GC.KeepAlive(_lzs);
        return output.ToBytes();
    }
}

/// <summary><c>_lzma.LZMADecompressor</c>.</summary>
[PyType("_lzma.LZMADecompressor", Module = "_lzma", FromSpec = true, Doc = "Create a decompressor object for decompressing data incrementally.\n\n  format\n    Specifies the container format of the input stream.  If this is\n    FORMAT_AUTO (the default), the decompressor will automatically detect\n    whether the input is FORMAT_XZ or FORMAT_ALONE.  Streams created with\n    FORMAT_RAW cannot be autodetected.\n  memlimit\n    Limit the amount of memory used by the decompressor.  This will cause\n    decompression to fail if the input cannot be decompressed within the\n    given limit.\n  filters\n    A custom filter chain.  This argument is required for FORMAT_RAW, and\n    not accepted with any other format.  When provided, this should be a\n    sequence of dicts, each indicating the ID and options for a single\n    filter.\n\nFor one-shot decompression, use the decompress() function instead.")]
public sealed unsafe partial class PyLzmaDecompressor : StreamDecompressor
{
    private static readonly string[] s_names = ["format", "memlimit", "filters"];

    private readonly LzmaStreamHandle _lzs = new();
    private int _check = LzmaModule.CheckUnknown;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        ArgParse.UnpackKeywords("LZMADecompressor", args, kwnames, s_names, 0, 3, 0, buffer);
        var format = buffer[0] is { } f ? ArgParse.ToInt(f) : LzmaModule.FormatAuto;
        var memlimitObj = buffer[1] is null or PyNone ? null : buffer[1];
        var filters = buffer[2] is null or PyNone ? null : buffer[2];
        if (memlimitObj is not null && format == LzmaModule.FormatRaw)
        {
            throw PyErr.ValueError("Cannot specify memory limit with FORMAT_RAW");
        }
        var memlimit = memlimitObj is null ? ulong.MaxValue : LzmaModule.ToUInt64(memlimitObj);
        if (format == LzmaModule.FormatRaw && filters is null)
        {
            throw PyErr.ValueError("Must specify filters for FORMAT_RAW");
        }
        if (format != LzmaModule.FormatRaw && filters is not null)
        {
            throw PyErr.ValueError("Cannot specify filters except with FORMAT_RAW");
        }
        var self = new PyLzmaDecompressor();
        var s = self._lzs.Stream;
        const uint flags = LzmaNative.TellAnyCheck | LzmaNative.TellNoCheck;
        switch (format)
        {
            case LzmaModule.FormatAuto:
                LzmaModule.Check(LzmaNative.AutoDecoder(s, memlimit, flags));
                break;
            case LzmaModule.FormatXz:
                LzmaModule.Check(LzmaNative.StreamDecoder(s, memlimit, flags));
                break;
            case LzmaModule.FormatAlone:
                self._check = LzmaModule.CheckNone;
                LzmaModule.Check(LzmaNative.AloneDecoder(s, memlimit));
                break;
            case LzmaModule.FormatRaw:
                self._check = LzmaModule.CheckNone;
                using (var chain = LzmaModule.ParseFilterChain(filters!))
                {
                    LzmaModule.Check(LzmaNative.RawDecoder(s, chain.Filters));
                }
                break;
            default:
                throw PyErr.ValueError($"Invalid container format: {format}");
        }
        GC.KeepAlive(self._lzs);
        return self;
    }

    [PyGetter("check", Doc = "ID of the integrity check used by the input stream.")]
    public long CheckId() => _check;

    private protected override string EndedMessage => "Already at end of stream";

    // With the output full, liblzma may hold more: ask for it before more input.
    private protected override bool NeedsInputWhenDrained(in OutputBuffer output, long maxLength) => !(output.Full && maxLength >= 0);

    private protected override long Decode(ReadOnlySpan<byte> input, ref OutputBuffer output, out bool eof)
    {
        eof = false;
        var s = _lzs.Stream;
        nuint left;
        fixed (byte* pin = input)
        {
            s->NextIn = pin;
            s->AvailIn = (nuint)input.Length;
            try
            {
                while (true)
                {
                    var free = output.Free();
                    int ret;
                    byte dummy = 0;
                    fixed (byte* o = free)
                    {
                        s->NextOut = free.Length == 0 ? &dummy : o;
                        s->AvailOut = (nuint)free.Length;
                        ret = LzmaNative.Code(s, LzmaNative.Run);
                        output.Advance(free.Length - (int)s->AvailOut);
                    }
                    var availOut = s->AvailOut;
                    s->NextOut = null;
                    if (ret == LzmaNative.BufError && s->AvailIn == 0 && availOut > 0)
                    {
                        ret = LzmaNative.Ok;
                    }
                    LzmaModule.Check(ret);
                    if (ret is LzmaNative.GetCheck or LzmaNative.NoCheck)
                    {
                        _check = LzmaNative.GetCheckOf(s);
                    }
                    if (ret == LzmaNative.StreamEnd)
                    {
                        eof = true;
                        break;
                    }
                    if (availOut == 0)
                    {
                        // Output may still be pending inside liblzma: grow unless at the limit.
                        if (output.Full)
                        {
                            break;
                        }
                    }
                    else if (s->AvailIn == 0)
                    {
                        break;
                    }
                }
            }
            catch
            {
                s->NextIn = null;
                s->AvailIn = 0;
                throw;
            }
            left = s->AvailIn;
            s->NextIn = null;
            s->AvailIn = 0;
        }
        GC.KeepAlive(_lzs);
        return (long)left;
    }
}
