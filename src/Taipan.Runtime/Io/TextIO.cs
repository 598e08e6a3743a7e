// Modules/_io/textio.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary><c>_io._TextIOBase</c>.</summary>
[PyType("_TextIOBase", Module = "_io", Base = typeof(PyIOBase), Subclassable = true, InstanceType = true, Doc = "Base class for text I/O.")]
public partial class PyTextIOBase : PyIOBase
{
    protected PyTextIOBase(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyTextIOBase(type);

    [PyMethod("detach")]
    public PyObject BaseDetach() => throw UnsupportedOp("detach");

    [PyMethod("read")]
    public PyObject BaseRead(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("read");

    [PyMethod("readline")]
    public PyObject BaseReadline(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("readline");

    [PyMethod("write")]
    public PyObject BaseWrite(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("write");

    [PyGetter("encoding")]
    public PyObject BaseEncoding() => PyNone.Value;

    [PyGetter("newlines")]
    public PyObject BaseNewlines() => PyNone.Value;

    [PyGetter("errors")]
    public PyObject BaseErrors() => PyNone.Value;
}

/// <summary>The codecs TextIOWrapper encodes and decodes with natively (the runtime's own:
/// UTF-8, ASCII, Latin-1), found under any of their aliases.</summary>
internal static class TextCodecs
{
    /// <summary>The codec's canonical name, or a LookupError as codecs.lookup gives.</summary>
    public static string Lookup(string encoding)
    {
        var n = encoding.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return n switch
        {
            "utf_8" or "utf8" or "u8" or "utf" or "cp65001" => "utf-8",
            "ascii" or "us_ascii" or "646" or "us" => "ascii",
            "latin_1" or "latin1" or "latin" or "l1" or "iso_8859_1" or "iso8859_1" or "8859" or "cp819" or "iso_ir_100" => "latin-1",
            _ => throw PyErr.New(PyExc.LookupError, $"unknown encoding: {encoding}"),
        };
    }
}

/// <summary>An incremental decoder for the native codecs: a UTF-8 sequence cut by the end of
/// a chunk waits for the next one.</summary>
internal sealed class NativeDecoder(string codec, string errors)
{
    private readonly byte[] _pending = new byte[4];
    private int _npending;

    public string Codec { get; } = codec;

    public string Errors { get; set; } = errors;

    public ReadOnlySpan<byte> Pending => _pending.AsSpan(0, _npending);

    public void Reset() => _npending = 0;

    public string Decode(ReadOnlySpan<byte> input, bool final)
    {
        ReadOnlySpan<byte> data = input;
        byte[]? joined = null;
        if (_npending > 0)
        {
            joined = new byte[_npending + input.Length];
            _pending.AsSpan(0, _npending).CopyTo(joined);
            input.CopyTo(joined.AsSpan(_npending));
            data = joined;
            _npending = 0;
        }
        var keep = final || Codec != "utf-8" ? 0 : IncompleteTail(data);
        if (keep > 0)
        {
            data[^keep..].CopyTo(_pending);
            _npending = keep;
            data = data[..^keep];
        }
        if (data.Length == 0)
        {
            return "";
        }
        if (Codec == "latin-1")
        {
            return Encoding.Latin1.GetString(data);
        }
        return Codecs.Decode(data, Codec, Errors);
    }

    /// <summary>How many bytes at the end start a UTF-8 sequence that is not complete yet.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> data)
    {
        for (var j = data.Length - 1; j >= 0 && j >= data.Length - 3; j--)
        {
            var b = data[j];
            if (b < 0x80)
            {
                return 0;
            }
            if (b >= 0xC0)
            {
                if (b is < 0xC2 or > 0xF4)
                {
                    return 0;
                }
                var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return data.Length - j < need ? data.Length - j : 0;
            }
        }
        return 0;
    }
}

/// <summary><c>_io.IncrementalNewlineDecoder</c>: translates "\r\n" and "\r" (holding back a
/// final "\r" until the next input shows whether "\n" follows) and records the newlines seen.</summary>
[PyType("IncrementalNewlineDecoder", Module = "_io", Subclassable = true, InstanceType = true, Doc = "Codec used when reading a file in universal newlines mode.")]
public sealed partial class PyIncrementalNewlineDecoder : PySubclassableObject
{
    private const int SeenCR = 1, SeenLF = 2, SeenCRLF = 4;

    private PyObject? _decoder;
    private bool _translate, _pendingCR, _ok;
    private int _seennl;

    internal PyIncrementalNewlineDecoder(PyType type) : base(type)
    {
    }

    internal PyIncrementalNewlineDecoder(PyType type, PyObject? decoder, bool translate) : base(type)
    {
        _decoder = decoder;
        _translate = translate;
        _ok = true;
    }

    internal bool PendingCR => _pendingCR;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyIncrementalNewlineDecoder(type);

    private static readonly string[] s_initNames = ["decoder", "translate", "errors"];

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        ArgParse.UnpackKeywords("IncrementalNewlineDecoder", args, kwnames, s_initNames, 2, 3, 2, buffer);
        _decoder = buffer[0] is PyNone ? null : buffer[0];
        _translate = Ops.IsTrue(buffer[1]!);
        _seennl = 0;
        _pendingCR = false;
        _ok = true;
    }

    private void CheckInit()
    {
        if (!_ok)
        {
            throw PyErr.ValueError("IncrementalNewlineDecoder.__init__() not called");
        }
    }

    /// <summary>The newline step on already-decoded text.</summary>
    internal string DecodeString(string output, bool final)
    {
        if (_pendingCR && (final || output.Length > 0))
        {
            output = "\r" + output;
            _pendingCR = false;
        }
        if (!final && output.Length > 0 && output[^1] == '\r')
        {
            output = output[..^1];
            _pendingCR = true;
        }
        var cr = output.IndexOf('\r');
        if (cr < 0)
        {
            if (output.Contains('\n'))
            {
                _seennl |= SeenLF;
            }
            return output;
        }
        int crlf = 0, crs = 0, lfs = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] == '\r')
            {
                if (i + 1 < output.Length && output[i + 1] == '\n')
                {
                    crlf++;
                    i++;
                }
                else
                {
                    crs++;
                }
            }
            else if (output[i] == '\n')
            {
                lfs++;
            }
        }
        _seennl |= (lfs > 0 ? SeenLF : 0) | (crs > 0 ? SeenCR : 0) | (crlf > 0 ? SeenCRLF : 0);
        if (_translate)
        {
            if (crlf > 0)
            {
                output = output.Replace("\r\n", "\n", StringComparison.Ordinal);
            }
            if (crs > 0)
            {
                output = output.Replace('\r', '\n');
            }
        }
        return output;
    }

    private static readonly string[] s_decodeNames = ["input", "final"];

    [PyMethod("decode")]
    public PyStr Decode(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("decode", args, kwnames, s_decodeNames, 1, 2, 1, buffer);
        CheckInit();
        var final = buffer[1] is not null && Ops.IsTrue(buffer[1]!);
        PyObject output = _decoder is null ? buffer[0]! : Ops.CallMethod(_decoder, "decode", buffer[0]!, PyBool.From(final));
        if (output is not PyStr s)
        {
            throw PyErr.TypeError($"decoder should return a string result, not '{output.Type.Name}'");
        }
        return new PyStr(DecodeString(s.Value, final));
    }

    [PyMethod("getstate")]
    public PyTuple GetState()
    {
        CheckInit();
        PyObject buffer = PyBytes.Empty;
        long flag = 0;
        if (_decoder is not null)
        {
            var state = Ops.CallMethod(_decoder, "getstate");
            if (state is not PyTuple { Count: 2 } t)
            {
                throw PyErr.TypeError("illegal decoder state");
            }
            buffer = t[0];
            flag = ArgParse.ToLong(t[1]);
        }
        flag <<= 1;
        if (_pendingCR)
        {
            flag |= 1;
        }
        return new PyTuple([buffer, PyInt.From(flag)]);
    }

    [PyMethod("setstate")]
    public void SetState(PyObject state)
    {
        CheckInit();
        if (state is not PyTuple { Count: 2 } t)
        {
            throw PyErr.TypeError("state argument must be a tuple");
        }
        var flag = ArgParse.ToLong(t[1]);
        _pendingCR = (flag & 1) != 0;
        if (_decoder is not null)
        {
            Ops.CallMethod(_decoder, "setstate", new PyTuple([t[0], PyInt.From(flag >> 1)]));
        }
    }

    [PyMethod("reset")]
    public void Reset()
    {
        CheckInit();
        _seennl = 0;
        _pendingCR = false;
        if (_decoder is not null)
        {
            Ops.CallMethod(_decoder, "reset");
        }
    }

    internal void ResetNative()
    {
        _seennl = 0;
        _pendingCR = false;
    }

    [PyGetter("newlines")]
    public PyObject NewlinesGetter() => _seennl switch
    {
        SeenCR => PyStr.Intern("\r"),
        SeenLF => PyStr.Intern("\n"),
        SeenCR | SeenLF => new PyTuple([PyStr.Intern("\r"), PyStr.Intern("\n")]),
        SeenCRLF => PyStr.Intern("\r\n"),
        SeenCR | SeenCRLF => new PyTuple([PyStr.Intern("\r"), PyStr.Intern("\r\n")]),
        SeenLF | SeenCRLF => new PyTuple([PyStr.Intern("\n"), PyStr.Intern("\r\n")]),
        SeenCR | SeenLF | SeenCRLF => new PyTuple([PyStr.Intern("\r"), PyStr.Intern("\n"), PyStr.Intern("\r\n")]),
        _ => PyNone.Value,
    };
}

/// <summary><c>_io.TextIOWrapper</c>: str over a binary buffer. Encoding and decoding use the
/// runtime's codecs; tell() cookies are byte positions, found by decoding the current chunk
/// again up to the characters consumed (exact for these stateless codecs).</summary>
[PyType("TextIOWrapper", Module = "_io", Base = typeof(PyTextIOBase), Subclassable = true, InstanceType = true, Doc = "Character and line based layer over a BufferedIOBase object, buffer.")]
public sealed partial class PyTextIOWrapper : PyTextIOBase
{
    private PyObject? _buffer;
    private PyBuffered? _fastBuffer;
    private PyFileIO? _fastRaw;
    private bool _detached, _ok;
    private string _encoding = "utf-8";
    private string _codec = "utf-8";
    private string _errors = "strict";
    private NativeDecoder? _decoder;
    private PyIncrementalNewlineDecoder? _nlDecoder;
    private bool _writable;
    private bool _readuniversal, _readtranslate, _writetranslate;
    private string? _readnl, _writenl;
    private bool _lineBuffering, _writeThrough, _seekable, _telling;
    private int _chunkSize = 8192;
    private string _decoded = "";
    private int _decodedPos;
    // The snapshot for tell(): where the current chunk started, its bytes, and the decoder's
    // state before it.
    private long _chunkStart = -1, _nextChunk = -1;
    private byte[]? _chunkBytes;
    private byte[] _preBytes = [];
    private bool _preCR;

    internal PyTextIOWrapper(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyTextIOWrapper(type);

    private static readonly string[] s_initNames = ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"];

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyObject?[6];
        ArgParse.UnpackKeywords("TextIOWrapper", args, kwnames, s_initNames, 1, 6, 1, a);
        var encoding = OptStr("encoding", a[1]);
        var errors = OptStr("errors", a[2]);
        var newline = OptStr("newline", a[3]);
        Initialize(a[0]!, encoding, errors, newline, nlGiven: newline is not null,
            a[4] is not null && Ops.IsTrue(a[4]!), a[5] is not null && Ops.IsTrue(a[5]!));
    }

    private static string? OptStr(string name, PyObject? o) => o switch
    {
        null or PyNone => null,
        PyStr s => s.Value,
        _ => throw PyErr.TypeError($"TextIOWrapper() argument '{name}' must be str or None, not {o.Type.Name}"),
    };

    internal void Initialize(PyObject buffer, string? encoding, string? errors, string? newline, bool nlGiven, bool lineBuffering, bool writeThrough)
    {
        _ok = false;
        _detached = false;
        _ = nlGiven;
        if (newline is not (null or "" or "\n" or "\r" or "\r\n"))
        {
            throw PyErr.ValueError($"illegal newline value: {newline}");
        }
        if (encoding is null or "locale")
        {
            // The locale's encoding; this runtime's locale is always UTF-8.
            encoding = SysModule.Get("flags") is PyTuple { Count: > 14 } flags && Ops.IsTrue(flags[14]) && encoding is null ? "utf-8" : "UTF-8";
        }
        _codec = TextCodecs.Lookup(encoding);
        _encoding = encoding;
        _errors = errors ?? "strict";
        _lineBuffering = lineBuffering;
        _writeThrough = writeThrough;
        SetNewline(newline);
        _buffer = buffer;
        _fastBuffer = buffer is PyBuffered pb && (buffer.Type == PyBufferedWriter.TypeObject || buffer.Type == PyBufferedReader.TypeObject || buffer.Type == PyBufferedRandom.TypeObject) ? pb : null;
        _fastRaw = buffer.Type == PyFileIO.TypeObject ? (PyFileIO)buffer : null;
        var readable = Ops.IsTrue(Ops.CallMethod(buffer, "readable"));
        _writable = Ops.IsTrue(Ops.CallMethod(buffer, "writable"));
        _decoder = readable ? new NativeDecoder(_codec, _errors) : null;
        _nlDecoder = readable && _readuniversal ? new PyIncrementalNewlineDecoder(PyIncrementalNewlineDecoder.TypeObject, null, _readtranslate) : null;
        _seekable = _telling = Ops.IsTrue(Ops.CallMethod(buffer, "seekable"));
        _decoded = "";
        _decodedPos = 0;
        _chunkBytes = null;
        _chunkStart = _nextChunk = -1;
        _ok = true;
    }

    internal void SetNewline(string? newline)
    {
        _readuniversal = newline is null or "";
        _readtranslate = newline is null;
        _readnl = newline;
        _writetranslate = newline is not "";
        _writenl = !_readuniversal && newline is not null && newline != "\n" ? newline : null;
    }

    private PyObject Buffer
    {
        get
        {
            if (_buffer is null)
            {
                throw _detached ? PyErr.ValueError("underlying buffer has been detached") : PyErr.ValueError("I/O operation on uninitialized object");
            }
            return _buffer;
        }
    }

    private bool BufferClosed => _fastBuffer is not null ? _fastBuffer.IsClosedFast : _fastRaw is not null ? _fastRaw.Closed : IoModule.IsClosed(Buffer);

    private void CheckClosed()
    {
        if (Type == TypeObject ? BufferClosed : IoModule.IsClosed(this))
        {
            throw IoModule.ClosedFile();
        }
    }

    // ---- writing ----

    [PyMethod("write")]
    public long Write(PyObject text)
    {
        _ = Buffer;
        CheckClosed();
        if (text is not PyStr s)
        {
            throw PyErr.TypeError($"write() argument must be str, not {text.Type.Name}");
        }
        WriteString(s.Value);
        return s.Length();
    }

    /// <summary>write() of a str (print's fast path when the stream is open and attached).</summary>
    public void WriteString(string text)
    {
        if (!_writable)
        {
            throw IoModule.Unsupported("not writable");
        }
        var haslf = ((_writetranslate && _writenl is not null) || _lineBuffering) && text.Contains('\n');
        if (haslf && _writetranslate && _writenl is not null)
        {
            text = text.Replace("\n", _writenl, StringComparison.Ordinal);
        }
        var needflush = _lineBuffering && (haslf || text.Contains('\r'));
        if (_fastBuffer is not null && _codec == "utf-8" && _fastBuffer.WriteUtf8(text))
        {
        }
        else if (_fastRaw is not null && _codec == "utf-8" && IsWellFormed(text))
        {
            WriteRaw(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            var bytes = Codecs.Encode(new PyStr(text), _codec, _errors);
            if (_fastBuffer is not null)
            {
                _fastBuffer.WriteBytes(bytes);
            }
            else if (_fastRaw is not null)
            {
                WriteRaw(bytes);
            }
            else
            {
                Ops.CallMethod(Buffer, "write", new PyBytes(bytes));
            }
        }
        if (_decoded.Length > 0 || _chunkBytes is not null)
        {
            ResetReading();
        }
        _nextChunk = -1;
        if (needflush || _writeThrough)
        {
            FlushBuffer();
        }
    }

    /// <summary>No lone surrogates (which UTF-8 cannot encode strictly).</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /// <summary>Unbuffered output (-u) straight to an exact FileIO, as its write would.</summary>
    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var n = _fastRaw!.WriteFrom(bytes);
            if (n < 0)
            {
                throw new PyException((PyBaseException)Ops.Call(PyExc.BlockingIOError,
                    [PyInt.From(Native.EAGAIN), new PyStr("write could not complete without blocking"), PyInt.From(0)], null));
            }
            bytes = bytes[n..];
        }
    }

    /// <summary>Whether print may call <see cref="WriteString"/> directly.</summary>
    public bool CanWriteFast => _buffer is not null && Type == TypeObject && !BufferClosed;

    private void FlushBuffer()
    {
        if (_fastBuffer is not null && _fastBuffer.Type == PyBufferedWriter.TypeObject)
        {
            ((PyBufferedWriter)_fastBuffer).Flush();
        }
        else if (_fastRaw is not null)
        {
            // FileIO's flush only checks that it is open.
            _fastRaw.IOBaseFlushChecked();
        }
        else
        {
            Ops.CallMethod(Buffer, "flush");
        }
    }

    private void ResetReading()
    {
        _decoded = "";
        _decodedPos = 0;
        _chunkBytes = null;
        _decoder?.Reset();
        _nlDecoder?.ResetNative();
    }

    // ---- reading ----

    private string DecodeChunk(ReadOnlySpan<byte> input, bool final)
    {
        var s = _decoder!.Decode(input, final);
        return _nlDecoder is null ? s : _nlDecoder.DecodeString(s, final);
    }

    /// <summary>Reads and decodes one chunk into the decoded buffer; false at EOF.</summary>
    private bool ReadChunk()
    {
        if (_decoder is null)
        {
            throw IoModule.Unsupported("not readable");
        }
        if (_nextChunk < 0 && _seekable)
        {
            _nextChunk = ArgParse.ToLong(Ops.CallMethod(Buffer, "tell"));
        }
        _chunkStart = _nextChunk;
        _preBytes = _decoder.Pending.ToArray();
        _preCR = _nlDecoder?.PendingCR ?? false;
        var input = _fastBuffer is not null && _fastBuffer.Type != PyBufferedWriter.TypeObject
            ? (_fastBuffer is PyBufferedReader r ? r.Read1(PyInt.From(_chunkSize)) : ((PyBufferedRandom)_fastBuffer).Read1(PyInt.From(_chunkSize)))
            : Ops.CallMethod(Buffer, Ops.TryGetAttr(Buffer, PyStr.Intern("read1")) is null ? "read" : "read1", PyInt.From(_chunkSize));
        if (input is not PyBytes bytes)
        {
            throw PyErr.TypeError($"underlying read1() should have returned a bytes-like object, not '{input.Type.Name}'");
        }
        var data = bytes.Data;
        var eof = data.Length == 0;
        _decoded = DecodeChunk(data, eof);
        _decodedPos = 0;
        _chunkBytes = data.ToArray();
        if (_nextChunk >= 0)
        {
            _nextChunk += data.Length;
        }
        return !eof;
    }

    private void CheckReadable()
    {
        _ = Buffer;
        CheckClosed();
        if (_decoder is null)
        {
            throw IoModule.Unsupported("not readable");
        }
    }

    /// <summary>Advances over up to <paramref name="count"/> code points of s from start; the end index.</summary>
    private static int AdvanceCodePoints(string s, int start, ref long count)
    {
        var i = start;
        while (count > 0 && i < s.Length)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            count--;
        }
        return i;
    }

    [PyMethod("read")]
    public PyStr Read(PyObject? size = null)
    {
        var n = IoModule.SizeArg(size);
        CheckReadable();
        if (n < 0)
        {
            var rest = Ops.CallMethod(Buffer, "read");
            if (rest is not PyBytes rb)
            {
                throw rest is PyNone ? PyErr.New(PyExc.BlockingIOError, "Read returned None.")
                    : PyErr.TypeError($"underlying read() should have returned a bytes object, not '{rest.Type.Name}'");
            }
            var result = _decoded[_decodedPos..] + DecodeChunk(rb.Data, final: true);
            // The decoders are clean after a final decode and keep the newlines seen.
            _decoded = "";
            _decodedPos = 0;
            _chunkBytes = null;
            _nextChunk = -1;
            return new PyStr(result);
        }
        var sb = new StringBuilder();
        var remaining = n;
        while (true)
        {
            var end = AdvanceCodePoints(_decoded, _decodedPos, ref remaining);
            sb.Append(_decoded, _decodedPos, end - _decodedPos);
            _decodedPos = end;
            if (remaining == 0 || !ReadChunk())
            {
                if (remaining > 0)
                {
                    end = AdvanceCodePoints(_decoded, _decodedPos, ref remaining);
                    sb.Append(_decoded, _decodedPos, end - _decodedPos);
                    _decodedPos = end;
                }
                break;
            }
        }
        return new PyStr(sb.ToString());
    }

    /// <summary>Where the line ending in s (from start) ends, or -1.</summary>
    private int FindLineEnd(string s, int start, bool previousEndsWithCR)
    {
        if (_readtranslate || _readnl == "\n")
        {
            var i = s.IndexOf('\n', start);
            return i < 0 ? -1 : i + 1;
        }
        if (_readuniversal)
        {
            var i = s.AsSpan(start).IndexOfAny('\r', '\n');
            if (i < 0)
            {
                return -1;
            }
            i += start;
            return s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
        }
        if (_readnl == "\r")
        {
            var i = s.IndexOf('\r', start);
            return i < 0 ? -1 : i + 1;
        }
        if (previousEndsWithCR && start < s.Length && s[start] == '\n')
        {
            return start + 1;
        }
        var k = s.IndexOf("\r\n", start, StringComparison.Ordinal);
        return k < 0 ? -1 : k + 2;
    }

    [PyMethod("readline")]
    public PyStr Readline(PyObject? size = null)
    {
        var limit = IoModule.SizeArg(size);
        CheckReadable();
        StringBuilder? acc = null;
        while (true)
        {
            var prevCR = acc is { Length: > 0 } && acc[^1] == '\r';
            var end = FindLineEnd(_decoded, _decodedPos, prevCR);
            var stop = end >= 0;
            if (!stop)
            {
                end = _decoded.Length;
            }
            if (limit >= 0)
            {
                var want = limit - (acc?.Length ?? 0);
                if (end - _decodedPos >= want)
                {
                    var w = want;
                    end = AdvanceCodePoints(_decoded, _decodedPos, ref w);
                    stop = true;
                }
            }
            if (stop)
            {
                var piece = _decoded.Substring(_decodedPos, end - _decodedPos);
                _decodedPos = end;
                return new PyStr(acc is null ? piece : acc.Append(piece).ToString());
            }
            acc ??= new StringBuilder();
            acc.Append(_decoded, _decodedPos, _decoded.Length - _decodedPos);
            _decodedPos = _decoded.Length;
            if (!ReadChunk())
            {
                acc.Append(_decoded);
                _decodedPos = _decoded.Length;
                return new PyStr(acc.ToString());
            }
        }
    }

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        _telling = false;
        PyObject line;
        if (Type == TypeObject)
        {
            line = Readline();
        }
        else
        {
            line = Ops.CallMethod(this, "readline");
            if (line is not PyStr)
            {
                throw PyErr.New(PyExc.OSError, $"readline() should have returned a str object, not '{line.Type.Name}'");
            }
        }
        if (((PyStr)line).Value.Length == 0)
        {
            _chunkBytes = null;
            _telling = _seekable;
            return null;
        }
        return line;
    }

    // ---- positioning ----

    [PyMethod("tell")]
    public long Tell()
    {
        _ = Buffer;
        CheckClosed();
        if (!_seekable)
        {
            throw IoModule.Unsupported("underlying stream is not seekable");
        }
        if (!_telling)
        {
            throw PyErr.New(PyExc.OSError, "telling position disabled by next() call");
        }
        Ops.CallMethod(this, "flush");
        var pos = ArgParse.ToLong(Ops.CallMethod(Buffer, "tell"));
        if (_decoder is null || _chunkBytes is null || _chunkStart < 0)
        {
            return pos;
        }
        var start = _chunkStart - _preBytes.Length - (_preCR ? 1 : 0);
        if (_decodedPos == 0)
        {
            return start;
        }
        var bytes = new byte[(_preCR ? 1 : 0) + _preBytes.Length + _chunkBytes.Length];
        var k0 = 0;
        if (_preCR)
        {
            bytes[k0++] = (byte)'\r';
        }
        _preBytes.CopyTo(bytes, k0);
        _chunkBytes.CopyTo(bytes, k0 + _preBytes.Length);
        var decoder = new NativeDecoder(_codec, _errors);
        var nl = _nlDecoder is null ? null : new PyIncrementalNewlineDecoder(PyIncrementalNewlineDecoder.TypeObject, null, _readtranslate);
        var count = 0;
        for (var k = 0; k < bytes.Length; k++)
        {
            var s = decoder.Decode(bytes.AsSpan(k, 1), false);
            if (nl is not null)
            {
                s = nl.DecodeString(s, false);
            }
            count += s.Length;
            if (count == _decodedPos && decoder.Pending.Length == 0 && !(nl?.PendingCR ?? false))
            {
                return start + k + 1;
            }
            if (count > _decodedPos)
            {
                // A held-back "\r" released with the next character: the position is before it.
                return start + k;
            }
        }
        return pos;
    }

    [PyMethod("seek")]
    public long Seek(PyObject cookie, int whence = 0)
    {
        _ = Buffer;
        CheckClosed();
        if (!_seekable)
        {
            throw IoModule.Unsupported("underlying stream is not seekable");
        }
        var pos = ArgParse.ToLong(Ops.Index(cookie));
        switch (whence)
        {
            case 1:
                if (pos != 0)
                {
                    throw IoModule.Unsupported("can't do nonzero cur-relative seeks");
                }
                pos = ArgParse.ToLong(Ops.CallMethod(this, "tell"));
                break;
            case 2:
                if (pos != 0)
                {
                    throw IoModule.Unsupported("can't do nonzero end-relative seeks");
                }
                Ops.CallMethod(this, "flush");
                ResetReading();
                _nextChunk = ArgParse.ToLong(Ops.CallMethod(Buffer, "seek", PyInt.From(0), PyInt.From(2)));
                return _nextChunk;
            case 0:
                break;
            default:
                throw PyErr.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)");
        }
        if (pos < 0)
        {
            throw PyErr.ValueError($"negative seek position {pos}");
        }
        Ops.CallMethod(this, "flush");
        ResetReading();
        Ops.CallMethod(Buffer, "seek", PyInt.From(pos));
        _nextChunk = pos;
        return pos;
    }

    [PyMethod("truncate")]
    public PyObject Truncate(PyObject? pos = null)
    {
        _ = Buffer;
        Ops.CallMethod(this, "flush");
        return Ops.CallMethod(Buffer, "truncate", pos ?? PyNone.Value);
    }

    // ---- the rest ----

    [PyMethod("flush")]
    public void Flush()
    {
        _ = Buffer;
        CheckClosed();
        _telling = _seekable;
        FlushBuffer();
    }

    [PyMethod("close")]
    public void Close()
    {
        _ = Buffer;
        if (Type == TypeObject ? BufferClosed : IoModule.IsClosed(this))
        {
            return;
        }
        PyException? error = null;
        try
        {
            Ops.CallMethod(this, "flush");
        }
        catch (PyException e)
        {
            error = e;
        }
        try
        {
            Ops.CallMethod(Buffer, "close");
        }
        catch (PyException e)
        {
            if (error is not null)
            {
                e.Value.Context ??= error.Value;
            }
            throw;
        }
        if (error is not null)
        {
            throw error;
        }
    }

    [PyMethod("detach")]
    public PyObject Detach()
    {
        var buffer = Buffer;
        Ops.CallMethod(this, "flush");
        _buffer = null;
        _fastBuffer = null;
        _fastRaw = null;
        _detached = true;
        return buffer;
    }

    private static readonly string[] s_reconfigureNames = ["encoding", "errors", "newline", "line_buffering", "write_through"];

    [PyMethod("reconfigure")]
    public void Reconfigure(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyObject?[5];
        ArgParse.UnpackKeywords("reconfigure", args, kwnames, s_reconfigureNames, 0, 0, 0, a);
        var encoding = a[0] is null or PyNone ? null : a[0] is PyStr es ? es.Value
            : throw PyErr.TypeError($"reconfigure() argument 'encoding' must be str or None, not {a[0]!.Type.Name}");
        var errors = a[1] is null or PyNone ? null : a[1] is PyStr rs ? rs.Value
            : throw PyErr.TypeError($"reconfigure() argument 'errors' must be str or None, not {a[1]!.Type.Name}");
        var newlineGiven = a[2] is not null;
        var newline = a[2] is null or PyNone ? null : a[2] is PyStr ns ? ns.Value
            : throw PyErr.TypeError($"reconfigure() argument 'newline' must be str or None, not {a[2]!.Type.Name}");
        if (newlineGiven && newline is not (null or "" or "\n" or "\r" or "\r\n"))
        {
            throw PyErr.ValueError($"illegal newline value: {newline}");
        }
        if ((_decoded.Length > 0 || _chunkBytes is not null) && (encoding is not null || newlineGiven))
        {
            throw IoModule.Unsupported("It is not possible to set the encoding or newline of stream after the first read");
        }
        Ops.CallMethod(this, "flush");
        if (encoding is not null || errors is not null)
        {
            if (encoding is not null)
            {
                var name = encoding == "locale" ? "UTF-8" : encoding;
                _codec = TextCodecs.Lookup(name);
                _encoding = name;
                errors ??= "strict";
            }
            _errors = errors ?? _errors;
            if (_decoder is not null)
            {
                _decoder = new NativeDecoder(_codec, _errors);
            }
        }
        if (newlineGiven)
        {
            SetNewline(newline);
            _nlDecoder = _decoder is not null && _readuniversal ? new PyIncrementalNewlineDecoder(PyIncrementalNewlineDecoder.TypeObject, null, _readtranslate) : null;
        }
        if (a[3] is { } lb and not PyNone)
        {
            _lineBuffering = Ops.IsTrue(lb);
        }
        if (a[4] is { } wt and not PyNone)
        {
            _writeThrough = Ops.IsTrue(wt);
        }
    }

    [PyMethod("fileno")] public PyObject Fileno() => Ops.CallMethod(Buffer, "fileno");
    [PyMethod("seekable")] public bool Seekable() { _ = Buffer; CheckClosed(); return _seekable; }
    [PyMethod("readable")] public PyObject Readable() => Ops.CallMethod(Buffer, "readable");
    [PyMethod("writable")] public PyObject Writable() => Ops.CallMethod(Buffer, "writable");
    [PyMethod("isatty")] public PyObject Isatty() => Ops.CallMethod(Buffer, "isatty");

    [PyGetter("encoding")] public string EncodingGetter() => _encoding;
    [PyGetter("errors")] public string ErrorsGetter() => _errors;
    [PyGetter("buffer")] public PyObject BufferGetter() => _buffer ?? PyNone.Value;
    [PyGetter("line_buffering")] public bool LineBufferingGetter() => _lineBuffering;
    [PyGetter("write_through")] public bool WriteThroughGetter() => _writeThrough;
    [PyGetter("_finalizing")] public bool Finalizing() => false;
    [PyGetter("name")] public PyObject NameGetter() => Ops.GetAttr(Buffer, PyStr.Intern("name"));
    [PyGetter("closed")] public PyObject ClosedGetter() => Ops.GetAttr(Buffer, PyStr.Intern("closed"));

    [PyGetter("newlines")]
    public PyObject NewlinesGetter()
    {
        _ = Buffer;
        return _nlDecoder is null ? PyNone.Value : _nlDecoder.NewlinesGetter();
    }

    [PyGetter("_CHUNK_SIZE")]
    public long ChunkSizeGetter() => _chunkSize;

    [PySetter("_CHUNK_SIZE")]
    public void ChunkSizeSetter(PyObject? value)
    {
        if (value is null)
        {
            throw PyErr.AttributeError("cannot delete attribute");
        }
        var n = ArgParse.ToLong(value);
        if (n <= 0)
        {
            throw PyErr.ValueError("a strictly positive integer is required");
        }
        _chunkSize = (int)Math.Min(n, int.MaxValue / 4);
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        // CPython names the class _io.TextIOWrapper whatever the subclass.
        const string typeName = "_io.TextIOWrapper";
        if (!_ok)
        {
            return new PyStr($"<{typeName}>");
        }
        var sb = new StringBuilder("<").Append(typeName);
        if (IoModule.ReprAttr(this, "name") is { } name)
        {
            sb.Append(" name=").Append(Ops.Repr(name).Value);
        }
        if (IoModule.ReprAttr(this, "mode") is { } mode)
        {
            sb.Append(" mode=").Append(Ops.Repr(mode).Value);
        }
        sb.Append(" encoding=").Append(Ops.Repr(new PyStr(_encoding)).Value).Append('>');
        return new PyStr(sb.ToString());
    }
}
