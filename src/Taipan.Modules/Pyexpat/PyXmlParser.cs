// Modules/pyexpat.c (xmlparseobject)
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Pyexpat;

/// <summary><c>pyexpat.xmlparser</c>: one expat parser whose callbacks call the Python
/// handler attributes. Expat calls back through [UnmanagedCallersOnly] functions that find
/// this object through the user-data GC handle; a Python exception raised by a handler is
/// kept, the parser is stopped, and Parse re-raises it.</summary>
[PyType("pyexpat.xmlparser", Module = "pyexpat", FromSpec = true, Doc = "XML parser")]
public sealed unsafe partial class PyXmlParser : PyObject
{
    private const int StartElement = 0, EndElement = 1, ProcessingInstruction = 2, CharacterData = 3,
        UnparsedEntityDecl = 4, NotationDecl = 5, StartNamespaceDecl = 6, EndNamespaceDecl = 7, Comment = 8,
        StartCdataSection = 9, EndCdataSection = 10, Default = 11, DefaultExpand = 12, NotStandalone = 13,
        ExternalEntityRef = 14, StartDoctypeDecl = 15, EndDoctypeDecl = 16, EntityDecl = 17, XmlDecl = 18,
        ElementDecl = 19, AttlistDecl = 20, SkippedEntity = 21, HandlerCount = 22;

    private static readonly string[] s_handlerNames =
    [
        "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
        "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
        "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
        "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler", "StartDoctypeDeclHandler",
        "EndDoctypeDeclHandler", "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler",
        "AttlistDeclHandler", "SkippedEntityHandler",
    ];

    private static readonly string[] s_setterNames =
    [
        "XML_SetStartElementHandler", "XML_SetEndElementHandler", "XML_SetProcessingInstructionHandler",
        "XML_SetCharacterDataHandler", "XML_SetUnparsedEntityDeclHandler", "XML_SetNotationDeclHandler",
        "XML_SetStartNamespaceDeclHandler", "XML_SetEndNamespaceDeclHandler", "XML_SetCommentHandler",
        "XML_SetStartCdataSectionHandler", "XML_SetEndCdataSectionHandler", "XML_SetDefaultHandler",
        "XML_SetDefaultHandlerExpand", "XML_SetNotStandaloneHandler", "XML_SetExternalEntityRefHandler",
        "XML_SetStartDoctypeDeclHandler", "XML_SetEndDoctypeDeclHandler", "XML_SetEntityDeclHandler",
        "XML_SetXmlDeclHandler", "XML_SetElementDeclHandler", "XML_SetAttlistDeclHandler",
        "XML_SetSkippedEntityHandler",
    ];

    private static readonly Dictionary<string, int> s_handlerIndex = BuildIndex();
    private static nint[]? s_callbacks;
    private static nint[]? s_setters;

    private readonly ExpatParserHandle _handle;
    private readonly PyObject?[] _handlers = new PyObject?[HandlerCount];
    private readonly PyDict? _intern;
    private readonly PyXmlParser? _parent;
    private bool _orderedAttributes;
    private bool _specifiedAttributes;
    private bool _nsPrefixes;
    private bool _inCallback;
    private byte[]? _buffer;
    private int _bufferSize = 8192;
    private int _bufferUsed;
    private ExceptionDispatchInfo? _pending;

    private PyXmlParser(nint parser, PyDict? intern, PyXmlParser? parent)
    {
        if (parser == 0)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        _handle = new ExpatParserHandle(parser, this);
        _intern = intern;
        _parent = parent;
        ExpatNative.SetUnknownEncodingHandler(parser, (nint)(delegate* unmanaged<nint, byte*, ExpatNative.Encoding*, int>)&OnUnknownEncoding, *(nint*)parser);
    }

    /// <summary>Encodings expat lacks: any single-byte Python codec, as a 256-entry map.</summary>
    [UnmanagedCallersOnly]
    private static int OnUnknownEncoding(nint ud, byte* name, ExpatNative.Encoding* info)
    {
        var self = From(ud);
        try
        {
            var all = new byte[256];
            for (var i = 0; i < 256; i++)
            {
                all[i] = (byte)i;
            }
            var text = Codecs.Decode(all, ExpatNative.Utf8(name), "replace");
            var map = new int[256];
            var n = 0;
            for (var i = 0; i < text.Length; i++, n++)
            {
                if (n < 256)
                {
                    var cp = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i];
                    map[n] = cp == 0xFFFD ? -1 : cp;
                }
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
            }
            if (n != 256)
            {
                throw PyErr.ValueError("multi-byte encodings are not supported");
            }
            for (var i = 0; i < 256; i++)
            {
                info->Map[i] = map[i];
            }
            info->Data = 0;
            info->Convert = 0;
            info->Release = 0;
            return 1;
        }
        catch (Exception e)
        {
            self?.FlagError(e);
            return 0;
        }
    }

    // Py_TPFLAGS_DISALLOW_INSTANTIATION: only ParserCreate makes these.
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 'pyexpat.xmlparser' instances");

    private static Dictionary<string, int> BuildIndex()
    {
        var d = new Dictionary<string, int>();
        for (var i = 0; i < s_handlerNames.Length; i++)
        {
            d[s_handlerNames[i]] = i;
        }
        return d;
    }

    private nint Parser => _handle.Parser;

    internal static PyXmlParser Create(string? encoding, string? separator, PyDict? intern)
    {
        var enc = encoding is null ? null : ExpatNative.NulTerminated(encoding);
        var sep = separator is null ? null : ExpatNative.NulTerminated(separator);
        nint p;
        fixed (byte* e = enc)
        fixed (byte* s = sep)
        {
            p = ExpatNative.ParserCreateMM(e, 0, s);
        }
        return new PyXmlParser(p, intern, null);
    }

    // ---- handler table ----

    private static void EnsureTables()
    {
        if (s_setters is not null)
        {
            return;
        }
        var setters = new nint[HandlerCount];
        for (var i = 0; i < HandlerCount; i++)
        {
            setters[i] = (nint)ExpatNative.Setter(s_setterNames[i]);
        }
        s_callbacks =
        [
            (nint)(delegate* unmanaged<nint, byte*, byte**, void>)&OnStartElement,
            (nint)(delegate* unmanaged<nint, byte*, void>)&OnEndElement,
            (nint)(delegate* unmanaged<nint, byte*, byte*, void>)&OnProcessingInstruction,
            (nint)(delegate* unmanaged<nint, byte*, int, void>)&OnCharacterData,
            (nint)(delegate* unmanaged<nint, byte*, byte*, byte*, byte*, byte*, void>)&OnUnparsedEntityDecl,
            (nint)(delegate* unmanaged<nint, byte*, byte*, byte*, byte*, void>)&OnNotationDecl,
            (nint)(delegate* unmanaged<nint, byte*, byte*, void>)&OnStartNamespaceDecl,
            (nint)(delegate* unmanaged<nint, byte*, void>)&OnEndNamespaceDecl,
            (nint)(delegate* unmanaged<nint, byte*, void>)&OnComment,
            (nint)(delegate* unmanaged<nint, void>)&OnStartCdataSection,
            (nint)(delegate* unmanaged<nint, void>)&OnEndCdataSection,
            (nint)(delegate* unmanaged<nint, byte*, int, void>)&OnDefault,
            (nint)(delegate* unmanaged<nint, byte*, int, void>)&OnDefaultExpand,
            (nint)(delegate* unmanaged<nint, int>)&OnNotStandalone,
            (nint)(delegate* unmanaged<nint, byte*, byte*, byte*, byte*, int>)&OnExternalEntityRef,
            (nint)(delegate* unmanaged<nint, byte*, byte*, byte*, int, void>)&OnStartDoctypeDecl,
            (nint)(delegate* unmanaged<nint, void>)&OnEndDoctypeDecl,
            (nint)(delegate* unmanaged<nint, byte*, int, byte*, int, byte*, byte*, byte*, byte*, void>)&OnEntityDecl,
            (nint)(delegate* unmanaged<nint, byte*, byte*, int, void>)&OnXmlDecl,
            (nint)(delegate* unmanaged<nint, byte*, ExpatNative.Content*, void>)&OnElementDecl,
            (nint)(delegate* unmanaged<nint, byte*, byte*, byte*, byte*, int, void>)&OnAttlistDecl,
            (nint)(delegate* unmanaged<nint, byte*, int, void>)&OnSkippedEntity,
        ];
        s_setters = setters;
    }

    private void SetNative(int index, nint callback)
    {
        EnsureTables();
        ((delegate* unmanaged<nint, nint, void>)s_setters![index])(Parser, callback);
        GC.KeepAlive(_handle);
    }

    private void SetHandler(int index, PyObject? value)
    {
        if (index == CharacterData)
        {
            // Text gathered for the old handler goes to the old handler.
            FlushCharacterBuffer();
        }
        if (value is null or PyNone)
        {
            _handlers[index] = null;
            // Expat may still be in the middle of delivering text: keep a do-nothing handler.
            SetNative(index, index == CharacterData && _inCallback ? (nint)(delegate* unmanaged<nint, byte*, int, void>)&NoopCharacterData : 0);
        }
        else
        {
            _handlers[index] = value;
            EnsureTables();
            SetNative(index, s_callbacks![index]);
        }
    }

    /// <summary>A handler raised: forget every handler, keep the exception, stop expat.</summary>
    private void FlagError(Exception e)
    {
        _pending ??= ExceptionDispatchInfo.Capture(e);
        for (var i = 0; i < HandlerCount; i++)
        {
            _handlers[i] = null;
            SetNative(i, 0);
        }
        ExpatNative.StopParser(Parser, 0);
    }

    private static PyXmlParser? From(nint userData) => GCHandle.FromIntPtr(userData).Target as PyXmlParser;

    /// <summary>Calls handler <paramref name="index"/>; false (and the parser stopped) if it raised.</summary>
    private PyObject? Call(int index, ReadOnlySpan<PyObject> args)
    {
        var handler = _handlers[index];
        if (handler is null)
        {
            return null;
        }
        var was = _inCallback;
        _inCallback = true;
        try
        {
            return Ops.Call(handler, args, null);
        }
        catch (Exception e)
        {
            FlagError(e);
            return null;
        }
        finally
        {
            _inCallback = was;
        }
    }

    /// <summary>True when handler <paramref name="index"/> is set and buffered text was
    /// delivered first without error.</summary>
    private bool Ready(int index)
    {
        if (_handlers[index] is null || _pending is not null)
        {
            return false;
        }
        FlushCharacterBuffer();
        return _pending is null && _handlers[index] is not null;
    }

    private PyStr Name(byte* s)
    {
        var str = new PyStr(ExpatNative.Utf8(s));
        if (_intern is null)
        {
            return str;
        }
        if (_intern.TryGetValue(str, out var known))
        {
            return (PyStr)known;
        }
        _intern[str] = str;
        return str;
    }

    private void FlushCharacterBuffer()
    {
        if (_buffer is null || _bufferUsed == 0)
        {
            return;
        }
        var used = _bufferUsed;
        _bufferUsed = 0;
        fixed (byte* b = _buffer)
        {
            CallCharacterHandler(b, used);
        }
    }

    private void CallCharacterHandler(byte* data, int len)
    {
        if (_handlers[CharacterData] is null)
        {
            return;
        }
        Call(CharacterData, [new PyStr(ExpatNative.Utf8(data, len))]);
    }

    // ---- expat callbacks (never let a .NET exception out) ----

    [UnmanagedCallersOnly]
    private static void NoopCharacterData(nint ud, byte* s, int len)
    {
    }

    [UnmanagedCallersOnly]
    private static void OnStartElement(nint ud, byte* name, byte** atts)
    {
        var self = From(ud);
        if (self is null || !self.Ready(StartElement))
        {
            return;
        }
        try
        {
            var n = 0;
            if (self._specifiedAttributes)
            {
                n = ExpatNative.GetSpecifiedAttributeCount(self.Parser);
            }
            else
            {
                while (atts[n] != null)
                {
                    n += 2;
                }
            }
            PyObject attrs;
            if (self._orderedAttributes)
            {
                var list = new PyList();
                for (var i = 0; i < n; i += 2)
                {
                    list.Append(self.Name(atts[i]));
                    list.Append(new PyStr(ExpatNative.Utf8(atts[i + 1])));
                }
                attrs = list;
            }
            else
            {
                var dict = new PyDict();
                for (var i = 0; i < n; i += 2)
                {
                    dict[self.Name(atts[i])] = new PyStr(ExpatNative.Utf8(atts[i + 1]));
                }
                attrs = dict;
            }
            self.Call(StartElement, [self.Name(name), attrs]);
        }
        catch (Exception e)
        {
            self.FlagError(e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnEndElement(nint ud, byte* name)
    {
        var self = From(ud);
        if (self is null || !self.Ready(EndElement))
        {
            return;
        }
        // The busiest callback after character data: no closure for it.
        try
        {
            self.Call(EndElement, [self.Name(name)]);
        }
        catch (Exception e)
        {
            self.FlagError(e);
        }
    }

    /// <summary>Builds the arguments (which may itself fail) and calls the handler.</summary>
    private void Guard(int index, Func<PyObject[]> args)
    {
        try
        {
            Call(index, args());
        }
        catch (Exception e)
        {
            FlagError(e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnProcessingInstruction(nint ud, byte* target, byte* data)
    {
        var self = From(ud);
        if (self is not null && self.Ready(ProcessingInstruction))
        {
            self.Guard(ProcessingInstruction, () => [self.Name(target), ExpatNative.StrOrNone(data)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnCharacterData(nint ud, byte* s, int len)
    {
        var self = From(ud);
        if (self is null || self._handlers[CharacterData] is null || self._pending is not null)
        {
            return;
        }
        try
        {
            if (self._buffer is null)
            {
                self.CallCharacterHandler(s, len);
                return;
            }
            if (self._bufferUsed + len > self._bufferSize)
            {
                self.FlushCharacterBuffer();
                if (self._pending is not null || self._handlers[CharacterData] is null)
                {
                    return;
                }
            }
            if (len > self._bufferSize)
            {
                self.CallCharacterHandler(s, len);
                self._bufferUsed = 0;
            }
            else
            {
                new ReadOnlySpan<byte>(s, len).CopyTo(self._buffer.AsSpan(self._bufferUsed));
                self._bufferUsed += len;
            }
        }
        catch (Exception e)
        {
            self.FlagError(e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnUnparsedEntityDecl(nint ud, byte* entityName, byte* b, byte* systemId, byte* publicId, byte* notationName)
    {
        var self = From(ud);
        if (self is not null && self.Ready(UnparsedEntityDecl))
        {
            self.Guard(UnparsedEntityDecl, () => [ExpatNative.StrOrNone(entityName), ExpatNative.StrOrNone(b), ExpatNative.StrOrNone(systemId), ExpatNative.StrOrNone(publicId), ExpatNative.StrOrNone(notationName)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnNotationDecl(nint ud, byte* notationName, byte* b, byte* systemId, byte* publicId)
    {
        var self = From(ud);
        if (self is not null && self.Ready(NotationDecl))
        {
            self.Guard(NotationDecl, () => [ExpatNative.StrOrNone(notationName), ExpatNative.StrOrNone(b), ExpatNative.StrOrNone(systemId), ExpatNative.StrOrNone(publicId)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnStartNamespaceDecl(nint ud, byte* prefix, byte* uri)
    {
        var self = From(ud);
        if (self is not null && self.Ready(StartNamespaceDecl))
        {
            self.Guard(StartNamespaceDecl, () => [ExpatNative.StrOrNone(prefix), ExpatNative.StrOrNone(uri)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnEndNamespaceDecl(nint ud, byte* prefix)
    {
        var self = From(ud);
        if (self is not null && self.Ready(EndNamespaceDecl))
        {
            self.Guard(EndNamespaceDecl, () => [ExpatNative.StrOrNone(prefix)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnComment(nint ud, byte* data)
    {
        var self = From(ud);
        if (self is not null && self.Ready(Comment))
        {
            self.Guard(Comment, () => [ExpatNative.StrOrNone(data)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnStartCdataSection(nint ud)
    {
        var self = From(ud);
        if (self is not null && self.Ready(StartCdataSection))
        {
            self.Guard(StartCdataSection, () => []);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnEndCdataSection(nint ud)
    {
        var self = From(ud);
        if (self is not null && self.Ready(EndCdataSection))
        {
            self.Guard(EndCdataSection, () => []);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnDefault(nint ud, byte* s, int len)
    {
        var self = From(ud);
        if (self is not null && self.Ready(Default))
        {
            self.Guard(Default, () => [new PyStr(ExpatNative.Utf8(s, len))]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnDefaultExpand(nint ud, byte* s, int len)
    {
        var self = From(ud);
        if (self is not null && self.Ready(DefaultExpand))
        {
            self.Guard(DefaultExpand, () => [new PyStr(ExpatNative.Utf8(s, len))]);
        }
    }

    [UnmanagedCallersOnly]
    private static int OnNotStandalone(nint ud)
    {
        var self = From(ud);
        if (self is null || !self.Ready(NotStandalone))
        {
            return 0;
        }
        return self.IntResult(NotStandalone, []);
    }

    private int IntResult(int index, PyObject[] args)
    {
        try
        {
            var rv = Call(index, args);
            return rv is null ? 0 : (int)ArgParse.ToLong(rv);
        }
        catch (Exception e)
        {
            FlagError(e);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int OnExternalEntityRef(nint parser, byte* context, byte* b, byte* systemId, byte* publicId)
    {
        // This handler gets the parser, not the user data; XML_GetUserData is the parser's first field.
        var self = From(*(nint*)parser);
        if (self is null || !self.Ready(ExternalEntityRef))
        {
            return 0;
        }
        PyObject[] args;
        try
        {
            args = [ExpatNative.StrOrNone(context), ExpatNative.StrOrNone(b), ExpatNative.StrOrNone(systemId), ExpatNative.StrOrNone(publicId)];
        }
        catch (Exception e)
        {
            self.FlagError(e);
            return 0;
        }
        return self.IntResult(ExternalEntityRef, args);
    }

    [UnmanagedCallersOnly]
    private static void OnStartDoctypeDecl(nint ud, byte* doctypeName, byte* sysid, byte* pubid, int hasInternalSubset)
    {
        var self = From(ud);
        if (self is not null && self.Ready(StartDoctypeDecl))
        {
            self.Guard(StartDoctypeDecl, () => [ExpatNative.StrOrNone(doctypeName), ExpatNative.StrOrNone(sysid), ExpatNative.StrOrNone(pubid), PyInt.From(hasInternalSubset)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnEndDoctypeDecl(nint ud)
    {
        var self = From(ud);
        if (self is not null && self.Ready(EndDoctypeDecl))
        {
            self.Guard(EndDoctypeDecl, () => []);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnEntityDecl(nint ud, byte* entityName, int isParameterEntity, byte* value, int valueLength, byte* b, byte* systemId, byte* publicId, byte* notationName)
    {
        var self = From(ud);
        if (self is not null && self.Ready(EntityDecl))
        {
            self.Guard(EntityDecl, () =>
            [
                ExpatNative.StrOrNone(entityName), PyInt.From(isParameterEntity),
                value == null ? PyNone.Value : new PyStr(ExpatNative.Utf8(value, valueLength)),
                ExpatNative.StrOrNone(b), ExpatNative.StrOrNone(systemId), ExpatNative.StrOrNone(publicId), ExpatNative.StrOrNone(notationName),
            ]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnXmlDecl(nint ud, byte* version, byte* encoding, int standalone)
    {
        var self = From(ud);
        if (self is not null && self.Ready(XmlDecl))
        {
            self.Guard(XmlDecl, () => [ExpatNative.StrOrNone(version), ExpatNative.StrOrNone(encoding), PyInt.From(standalone)]);
        }
    }

    private static PyTuple ContentModel(ExpatNative.Content* model, int depth)
    {
        if (depth > 1000)
        {
            throw PyErr.New(PyExc.RecursionError, "maximum recursion depth exceeded while converting a content model");
        }
        var children = new PyObject[model->NumChildren];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = ContentModel(&model->Children[i], depth + 1);
        }
        return PyTuple.Create(PyInt.From(model->Type), PyInt.From(model->Quant), ExpatNative.StrOrNone(model->Name), PyTuple.Create(children));
    }

    [UnmanagedCallersOnly]
    private static void OnElementDecl(nint ud, byte* name, ExpatNative.Content* model)
    {
        var self = From(ud);
        if (self is null)
        {
            return;
        }
        try
        {
            if (self.Ready(ElementDecl))
            {
                self.Guard(ElementDecl, () => [self.Name(name), ContentModel(model, 0)]);
            }
        }
        finally
        {
            ExpatNative.FreeContentModel(self.Parser, model);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnAttlistDecl(nint ud, byte* elname, byte* attname, byte* attType, byte* dflt, int isRequired)
    {
        var self = From(ud);
        if (self is not null && self.Ready(AttlistDecl))
        {
            self.Guard(AttlistDecl, () => [self.Name(elname), self.Name(attname), ExpatNative.StrOrNone(attType), ExpatNative.StrOrNone(dflt), PyInt.From(isRequired)]);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnSkippedEntity(nint ud, byte* entityName, int isParameterEntity)
    {
        var self = From(ud);
        if (self is not null && self.Ready(SkippedEntity))
        {
            self.Guard(SkippedEntity, () => [ExpatNative.StrOrNone(entityName), PyInt.From(isParameterEntity)]);
        }
    }

    // ---- parsing ----

    private PyException Error(int code)
    {
        var message = ExpatNative.Utf8(ExpatNative.ErrorString(code));
        var line = (long)ExpatNative.GetCurrentLineNumber(Parser);
        var column = (long)ExpatNative.GetCurrentColumnNumber(Parser);
        var e = PyErr.New(PyexpatModule.ExpatError, $"{message}: line {line}, column {column}");
        Ops.SetAttr(e.Value, PyStr.Intern("code"), PyInt.From(code));
        Ops.SetAttr(e.Value, PyStr.Intern("offset"), PyInt.From(column));
        Ops.SetAttr(e.Value, PyStr.Intern("lineno"), PyInt.From(line));
        return e;
    }

    private PyObject Result(int rc)
    {
        if (_pending is { } pending)
        {
            _pending = null;
            pending.Throw();
        }
        if (rc == ExpatNative.StatusError)
        {
            throw Error(ExpatNative.GetErrorCode(Parser));
        }
        FlushCharacterBuffer();
        if (_pending is { } late)
        {
            _pending = null;
            late.Throw();
        }
        return PyInt.From(rc);
    }

    private int Feed(ReadOnlySpan<byte> data, bool isFinal)
    {
        const int MaxChunk = 1 << 20;
        fixed (byte* p = data)
        {
            var s = p;
            var left = data.Length;
            while (left > MaxChunk)
            {
                var rc = ExpatNative.Parse(Parser, s, MaxChunk, 0);
                if (rc == ExpatNative.StatusError || _pending is not null)
                {
                    return rc;
                }
                s += MaxChunk;
                left -= MaxChunk;
            }
            var last = ExpatNative.Parse(Parser, s, left, isFinal ? 1 : 0);
            GC.KeepAlive(_handle);
            return last;
        }
    }

    [PyMethod("Parse", Doc = "Parse XML data.\n\n`isfinal' should be true at end of input.")]
    public PyObject Parse(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // Positional-only, with CPython's messages for this signature.
        var given = args.Length;
        if (given > 2)
        {
            throw PyErr.TypeError($"Parse() takes at most 2 arguments ({given} given)");
        }
        if (kwnames is { Count: > 0 })
        {
            throw PyErr.TypeError($"{Ops.Repr(kwnames[0]).Value} is an invalid keyword argument for Parse()");
        }
        if (given == 0)
        {
            throw PyErr.TypeError("Parse() takes at least 1 positional argument (0 given)");
        }
        var data = args[0];
        var final = given > 1 && ArgParse.ToLong(args[1]) != 0;
        byte[] bytes;
        if (data is PyStr s)
        {
            bytes = Codecs.Encode(s, "utf-8", "strict");
            fixed (byte* enc = "utf-8\0"u8)
            {
                ExpatNative.SetEncoding(Parser, enc);
            }
        }
        else
        {
            bytes = BufferProtocol.Read(data).ToArray();
        }
        return Result(Feed(bytes, final));
    }

    [PyMethod("ParseFile", Doc = "Parse XML data from file-like object.")]
    public PyObject ParseFile(PyObject file)
    {
        const int BufSize = 2048;
        var read = Ops.TryGetAttr(file, PyStr.Intern("read")) ?? throw PyErr.TypeError("argument must have 'read' attribute");
        var size = PyInt.From(BufSize);
        while (true)
        {
            var chunk = Ops.Call(read, [size], null);
            if (chunk is not PyBytes b)
            {
                throw PyErr.TypeError($"read() did not return a bytes object (type={chunk.Type.Name})");
            }
            var span = BufferProtocol.Read(b);
            if (span.Length > BufSize)
            {
                throw PyErr.ValueError($"read() returned too much data: {BufSize} bytes requested, {span.Length} returned");
            }
            var rc = Feed(span, span.Length == 0);
            if (rc == ExpatNative.StatusError || _pending is not null || span.Length == 0)
            {
                return Result(rc);
            }
        }
    }

    [PyMethod("SetBase", Doc = "Set the base URL for the parser.")]
    public void SetBase(PyObject @base)
    {
        var b = ExpatNative.NulTerminated((@base as PyStr ?? throw PyErr.TypeError($"SetBase() argument must be str, not {@base.Type.Name}")).Value);
        fixed (byte* p = b)
        {
            if (ExpatNative.SetBase(Parser, p) == 0)
            {
                throw PyErr.New(PyExc.MemoryError, "");
            }
        }
    }

    [PyMethod("GetBase", Doc = "Return base URL string for the parser.")]
    public PyObject GetBase() => ExpatNative.StrOrNone(ExpatNative.GetBase(Parser));

    [PyMethod("GetInputContext", Doc = "Return the untranslated text of the input that caused the current event.\n\nIf the event was generated by a large amount of text (such as a start tag\nfor an element with many attributes), not all of the text may be available.")]
    public PyObject GetInputContext()
    {
        if (!_inCallback)
        {
            return PyNone.Value;
        }
        int offset, size;
        var buffer = ExpatNative.GetInputContext(Parser, &offset, &size);
        return buffer == null ? PyNone.Value : PyBytes.From(new ReadOnlySpan<byte>(buffer + offset, size - offset));
    }

    [PyMethod("ExternalEntityParserCreate", Doc = "Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler.")]
    public PyObject ExternalEntityParserCreate(PyObject context, PyObject? encoding = null)
    {
        byte[]? ctx = context switch
        {
            PyNone => null,
            PyStr s => ExpatNative.NulTerminated(s.Value),
            _ => throw PyErr.TypeError($"ExternalEntityParserCreate() argument 1 must be str or None, not {context.Type.Name}"),
        };
        byte[]? enc = encoding switch
        {
            null => null,
            PyStr s => ExpatNative.NulTerminated(s.Value),
            _ => throw PyErr.TypeError($"ExternalEntityParserCreate() argument 2 must be str, not {encoding.Type.Name}"),
        };
        nint p;
        fixed (byte* c = ctx)
        fixed (byte* e = enc)
        {
            p = ExpatNative.ExternalEntityParserCreate(Parser, c, e);
        }
        var child = new PyXmlParser(p, _intern, this)
        {
            _orderedAttributes = _orderedAttributes,
            _specifiedAttributes = _specifiedAttributes,
            _bufferSize = _bufferSize,
        };
        if (_buffer is not null)
        {
            child._buffer = new byte[_bufferSize];
        }
        for (var i = 0; i < HandlerCount; i++)
        {
            if (_handlers[i] is { } h)
            {
                child.SetHandler(i, h);
            }
        }
        return child;
    }

    [PyMethod("SetParamEntityParsing", Doc = "Controls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values are XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\nXML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful.")]
    public long SetParamEntityParsing(int flag) => ExpatNative.SetParamEntityParsing(Parser, flag);

    [PyMethod("UseForeignDTD", Doc = "Allows the application to provide an artificial external subset if one is not specified as part of the document instance.\n\nThis readily allows the use of a 'default' document type controlled by the\napplication, while still getting the advantage of providing document type\ninformation to the parser. 'flag' defaults to True if not provided.")]
    public void UseForeignDTD(PyObject? flag = null)
    {
        var use = flag is null || Ops.IsTrue(flag);
        var rc = ExpatNative.UseForeignDTD(Parser, use ? (byte)1 : (byte)0);
        if (rc != 0)
        {
            throw Error(rc);
        }
    }

    [PyMethod("__dir__")]
    public PyObject Dir()
    {
        var list = Ops.Call(PyBaseObject.TypeObject.Lookup(PyStr.Intern("__dir__"))!, [this], null) as PyList ?? new PyList();
        foreach (var name in s_handlerNames)
        {
            list.Append(new PyStr(name));
        }
        return list;
    }

    // ---- attributes ----

    [PyGetter("ErrorCode")]
    public long ErrorCode() => ExpatNative.GetErrorCode(Parser);

    [PyGetter("ErrorLineNumber")]
    public long ErrorLineNumber() => (long)ExpatNative.GetCurrentLineNumber(Parser);

    [PyGetter("ErrorColumnNumber")]
    public long ErrorColumnNumber() => (long)ExpatNative.GetCurrentColumnNumber(Parser);

    [PyGetter("ErrorByteIndex")]
    public long ErrorByteIndex() => ExpatNative.GetCurrentByteIndex(Parser);

    [PyGetter("CurrentLineNumber")]
    public long CurrentLineNumber() => (long)ExpatNative.GetCurrentLineNumber(Parser);

    [PyGetter("CurrentColumnNumber")]
    public long CurrentColumnNumber() => (long)ExpatNative.GetCurrentColumnNumber(Parser);

    [PyGetter("CurrentByteIndex")]
    public long CurrentByteIndex() => ExpatNative.GetCurrentByteIndex(Parser);

    [PyGetter("intern")]
    public PyObject Intern() => (PyObject?)_intern ?? PyNone.Value;

    [PySetter("intern")]
    public void SetIntern(PyObject? value) => throw PyErr.AttributeError("readonly attribute");

    [PyGetter("buffer_size")]
    public long BufferSize() => _bufferSize;

    [PySetter("buffer_size")]
    public void SetBufferSize(PyObject? value)
    {
        if (value is null)
        {
            throw PyErr.RuntimeError("Cannot delete attribute");
        }
        if (value is not PyInt i)
        {
            throw PyErr.TypeError("buffer_size must be an integer");
        }
        if (i.Value <= 0)
        {
            throw PyErr.ValueError("buffer_size must be greater than zero");
        }
        if (i.Value > int.MaxValue)
        {
            throw PyErr.ValueError($"buffer_size must not be greater than {int.MaxValue}");
        }
        var size = (int)ArgParse.ToLong(i);
        if (_buffer is not null)
        {
            if (size != _bufferSize)
            {
                FlushCharacterBuffer();
                RaisePending();
                _buffer = new byte[size];
            }
        }
        _bufferSize = size;
    }

    private void RaisePending()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            pending.Throw();
        }
    }

    [PyGetter("buffer_text")]
    public bool BufferText() => _buffer is not null;

    [PySetter("buffer_text")]
    public void SetBufferText(PyObject? value)
    {
        var on = Truth(value);
        if (on)
        {
            if (_buffer is null)
            {
                _buffer = new byte[_bufferSize];
                _bufferUsed = 0;
            }
        }
        else if (_buffer is not null)
        {
            FlushCharacterBuffer();
            _buffer = null;
            RaisePending();
        }
    }

    [PyGetter("buffer_used")]
    public long BufferUsed() => _buffer is null ? 0 : _bufferUsed;

    [PyGetter("namespace_prefixes")]
    public bool NamespacePrefixes() => _nsPrefixes;

    [PySetter("namespace_prefixes")]
    public void SetNamespacePrefixes(PyObject? value)
    {
        _nsPrefixes = Truth(value);
        ExpatNative.SetReturnNSTriplet(Parser, _nsPrefixes ? 1 : 0);
    }

    [PyGetter("ordered_attributes")]
    public bool OrderedAttributes() => _orderedAttributes;

    [PySetter("ordered_attributes")]
    public void SetOrderedAttributes(PyObject? value) => _orderedAttributes = Truth(value);

    [PyGetter("specified_attributes")]
    public bool SpecifiedAttributes() => _specifiedAttributes;

    [PySetter("specified_attributes")]
    public void SetSpecifiedAttributes(PyObject? value) => _specifiedAttributes = Truth(value);

    private static bool Truth(PyObject? value) =>
        value is null ? throw PyErr.RuntimeError("Cannot delete attribute") : Ops.IsTrue(value);

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name)
    {
        if (s_handlerIndex.TryGetValue(name.Value, out var index))
        {
            return ((PyXmlParser)self)._handlers[index] ?? PyNone.Value;
        }
        return Ops.GenericGetAttr(self, name);
    }

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value)
    {
        if (s_handlerIndex.TryGetValue(name.Value, out var index))
        {
            if (value is null)
            {
                throw PyErr.RuntimeError("Cannot delete attribute");
            }
            var parser = (PyXmlParser)self;
            parser.SetHandler(index, value);
            parser.RaisePending();
            return;
        }
        Ops.GenericSetAttr(self, name, value);
    }
}
