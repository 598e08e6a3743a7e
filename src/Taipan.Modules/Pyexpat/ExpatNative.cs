// Modules/pyexpat.c (the libexpat interface)
using System.Runtime.InteropServices;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Pyexpat;

/// <summary>The system expat (<c>libexpat.so.1</c>, XML_Char = UTF-8 char).</summary>
internal static unsafe partial class ExpatNative
{
    public const string Lib = "libexpat.so.1";

    public const int StatusError = 0;
    public const int ErrorAborted = 35;
    public const int ErrorFinished = 36;

    [StructLayout(LayoutKind.Sequential)]
    public struct Feature
    {
        public int Kind;
        public byte* Name;
        public nint Value;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Content
    {
        public int Type;
        public int Quant;
        public byte* Name;
        public uint NumChildren;
        public Content* Children;
    }

    /// <summary><c>XML_Encoding</c>: a single-byte map for an encoding expat does not know.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Encoding
    {
        public fixed int Map[256];
        public nint Data;
        public nint Convert;
        public nint Release;
    }

    [LibraryImport(Lib, EntryPoint = "XML_ParserCreate_MM")]
    public static partial nint ParserCreateMM(byte* encoding, nint memsuite, byte* namespaceSeparator);

    [LibraryImport(Lib, EntryPoint = "XML_ExternalEntityParserCreate")]
    public static partial nint ExternalEntityParserCreate(nint parser, byte* context, byte* encoding);

    [LibraryImport(Lib, EntryPoint = "XML_ParserFree")]
    public static partial void ParserFree(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_SetUserData")]
    public static partial void SetUserData(nint parser, nint userData);

    [LibraryImport(Lib, EntryPoint = "XML_Parse")]
    public static partial int Parse(nint parser, byte* s, int len, int isFinal);

    [LibraryImport(Lib, EntryPoint = "XML_StopParser")]
    public static partial int StopParser(nint parser, byte resumable);

    [LibraryImport(Lib, EntryPoint = "XML_SetEncoding")]
    public static partial int SetEncoding(nint parser, byte* encoding);

    [LibraryImport(Lib, EntryPoint = "XML_GetErrorCode")]
    public static partial int GetErrorCode(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_ErrorString")]
    public static partial byte* ErrorString(int code);

    [LibraryImport(Lib, EntryPoint = "XML_GetCurrentLineNumber")]
    public static partial nuint GetCurrentLineNumber(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_GetCurrentColumnNumber")]
    public static partial nuint GetCurrentColumnNumber(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_GetCurrentByteIndex")]
    public static partial long GetCurrentByteIndex(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_GetSpecifiedAttributeCount")]
    public static partial int GetSpecifiedAttributeCount(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_SetReturnNSTriplet")]
    public static partial void SetReturnNSTriplet(nint parser, int doNst);

    [LibraryImport(Lib, EntryPoint = "XML_SetParamEntityParsing")]
    public static partial int SetParamEntityParsing(nint parser, int parsing);

    [LibraryImport(Lib, EntryPoint = "XML_UseForeignDTD")]
    public static partial int UseForeignDTD(nint parser, byte useDTD);

    [LibraryImport(Lib, EntryPoint = "XML_SetBase")]
    public static partial int SetBase(nint parser, byte* b);

    [LibraryImport(Lib, EntryPoint = "XML_GetBase")]
    public static partial byte* GetBase(nint parser);

    [LibraryImport(Lib, EntryPoint = "XML_GetInputContext")]
    public static partial byte* GetInputContext(nint parser, int* offset, int* size);

    [LibraryImport(Lib, EntryPoint = "XML_FreeContentModel")]
    public static partial void FreeContentModel(nint parser, Content* model);

    [LibraryImport(Lib, EntryPoint = "XML_ExpatVersion")]
    public static partial byte* ExpatVersion();

    [LibraryImport(Lib, EntryPoint = "XML_GetFeatureList")]
    public static partial Feature* GetFeatureList();

    [LibraryImport(Lib, EntryPoint = "XML_SetUnknownEncodingHandler")]
    public static partial void SetUnknownEncodingHandler(nint parser, nint handler, nint data);

    private static nint s_lib;

    /// <summary>The address of an <c>XML_Set*Handler</c> setter (all take parser and handler).</summary>
    public static delegate* unmanaged<nint, nint, void> Setter(string name)
    {
        if (s_lib == 0)
        {
            s_lib = NativeLibrary.Load(Lib, typeof(ExpatNative).Assembly, null);
        }
        return (delegate* unmanaged<nint, nint, void>)NativeLibrary.GetExport(s_lib, name);
    }

    /// <summary>A NUL-terminated UTF-8 string from expat, or None for NULL.</summary>
    public static PyObject StrOrNone(byte* s) => s == null ? PyNone.Value : new PyStr(Utf8(s));

    public static string Utf8(byte* s) => Marshal.PtrToStringUTF8((nint)s) ?? "";

    public static string Utf8(byte* s, int len) => System.Text.Encoding.UTF8.GetString(s, len);

    public static byte[] NulTerminated(string s)
    {
        var n = System.Text.Encoding.UTF8.GetByteCount(s);
        var b = new byte[n + 1];
        System.Text.Encoding.UTF8.GetBytes(s, b);
        if (Array.IndexOf(b, (byte)0, 0, n) >= 0)
        {
            throw PyErr.ValueError("embedded null character");
        }
        return b;
    }
}

/// <summary>Owns an <c>XML_Parser</c> and the GC handle expat carries as user data.</summary>
internal sealed class ExpatParserHandle : SafeHandle
{
    private GCHandle _owner;

    public ExpatParserHandle(nint parser, object owner) : base(0, true)
    {
        SetHandle(parser);
        // Weak: the handle must not keep its own owner alive; callbacks only run while the
        // owner is executing Parse, so the target is always there then.
        _owner = GCHandle.Alloc(owner, GCHandleType.Weak);
        ExpatNative.SetUserData(parser, GCHandle.ToIntPtr(_owner));
    }

    public override bool IsInvalid => handle == 0;

    public nint Parser => handle;

    protected override bool ReleaseHandle()
    {
        ExpatNative.ParserFree(handle);
        if (_owner.IsAllocated)
        {
            _owner.Free();
        }
        return true;
    }
}
