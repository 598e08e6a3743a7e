// Modules/_io/stringio.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary><c>_io.StringIO</c>: text in memory, held as code points so positions count
/// code points as Python's do, with the newline translation of TextIOWrapper.</summary>
[PyType("StringIO", Module = "_io", Base = typeof(PyTextIOBase), Subclassable = true, InstanceType = true, Doc = "Text I/O implementation using an in-memory buffer.")]
public sealed partial class PyStringIO : PyTextIOBase
{
    private int[] _buf = [];
    private int _size, _pos;
    private bool _closed, _ok;
    private string? _readnl;
    private string? _writenl;
    private bool _readuniversal, _readtranslate;
    private PyIncrementalNewlineDecoder? _decoder;

    internal PyStringIO(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyStringIO(type);

    private static readonly string[] s_initNames = ["initial_value", "newline"];

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("StringIO", args, kwnames, s_initNames, 0, 2, 0, buffer);
        string? newline = "\n";
        if (buffer[1] is { } nl)
        {
            newline = nl is PyNone ? null : nl is PyStr ns ? ns.Value
                : throw PyErr.TypeError($"newline must be str or None, not {nl.Type.Name}");
        }
        if (newline is not (null or "" or "\n" or "\r" or "\r\n"))
        {
            throw PyErr.ValueError($"illegal newline value: {Ops.Repr(new PyStr(newline)).Value}");
        }
        var initial = buffer[0];
        if (initial is not null and not PyNone and not PyStr)
        {
            throw PyErr.TypeError($"initial_value must be str or None, not {initial.Type.Name}");
        }
        _readuniversal = newline is null or "";
        _readtranslate = newline is null;
        _readnl = newline;
        // Writing translates "\n" to the newline unless it is "" or "\n" (None means "\n" here).
        _writenl = newline is "\r" or "\r\n" ? newline : null;
        _decoder = _readuniversal ? new PyIncrementalNewlineDecoder(PyIncrementalNewlineDecoder.TypeObject, null, _readtranslate) : null;
        _size = _pos = 0;
        _closed = false;
        _ok = true;
        if (initial is PyStr s && s.Value.Length > 0)
        {
            WriteText(s.Value);
            _pos = 0;
        }
    }

    private void CheckInitialized()
    {
        if (!_ok)
        {
            throw PyErr.ValueError("I/O operation on uninitialized object");
        }
    }

    private void CheckClosed()
    {
        CheckInitialized();
        if (_closed)
        {
            throw IoModule.ClosedFile(period: false);
        }
    }

    private void WriteText(string text)
    {
        if (_decoder is not null)
        {
            text = _decoder.DecodeString(text, final: true);
        }
        if (_writenl is not null)
        {
            text = text.Replace("\n", _writenl, StringComparison.Ordinal);
        }
        var cps = new List<int>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            cps.Add(PyStr.NextCodePoint(text, ref i));
        }
        if (cps.Count == 0)
        {
            return;
        }
        var end = _pos + cps.Count;
        if (end > _buf.Length)
        {
            Array.Resize(ref _buf, Math.Max(end, _buf.Length * 2));
        }
        if (_pos > _size)
        {
            Array.Clear(_buf, _size, _pos - _size);
        }
        cps.CopyTo(_buf, _pos);
        _pos = end;
        _size = Math.Max(_size, end);
    }

    private string Slice(int start, int count)
    {
        var sb = new StringBuilder(count);
        for (var i = start; i < start + count; i++)
        {
            var c = _buf[i];
            if (c < 0x10000)
            {
                sb.Append((char)c);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(c));
            }
        }
        return sb.ToString();
    }

    [PyMethod("write")]
    public long Write(PyObject obj)
    {
        CheckInitialized();
        if (obj is not PyStr s)
        {
            throw PyErr.TypeError($"string argument expected, got '{obj.Type.Name}'");
        }
        CheckClosed();
        var n = s.Length();
        if (n > 0)
        {
            WriteText(s.Value);
        }
        return n;
    }

    [PyMethod("getvalue")]
    public PyStr GetValue()
    {
        CheckClosed();
        return new PyStr(Slice(0, _size));
    }

    [PyMethod("read")]
    public PyStr Read(PyObject? size = null)
    {
        var n = IoModule.SizeArg(size);
        CheckClosed();
        var avail = Math.Max(0, _size - _pos);
        if (n < 0 || n > avail)
        {
            n = avail;
        }
        var r = Slice(_pos, (int)n);
        _pos += (int)n;
        return new PyStr(r);
    }

    private int LineLength(long limit)
    {
        if (_pos >= _size)
        {
            return 0;
        }
        var start = _pos;
        var end = _size;
        var i = start;
        var found = -1;
        for (; i < end; i++)
        {
            var c = _buf[i];
            if (_readtranslate || _readnl == "\n")
            {
                if (c == '\n')
                {
                    found = i + 1;
                    break;
                }
            }
            else if (_readuniversal)
            {
                if (c == '\n')
                {
                    found = i + 1;
                    break;
                }
                if (c == '\r')
                {
                    found = i + 1 < end && _buf[i + 1] == '\n' ? i + 2 : i + 1;
                    break;
                }
            }
            else if (_readnl == "\r")
            {
                if (c == '\r')
                {
                    found = i + 1;
                    break;
                }
            }
            else if (c == '\r' && i + 1 < end && _buf[i + 1] == '\n')
            {
                found = i + 2;
                break;
            }
        }
        var n = (found < 0 ? end : found) - start;
        return limit >= 0 && limit < n ? (int)limit : n;
    }

    [PyMethod("readline")]
    public PyStr Readline(PyObject? size = null)
    {
        var limit = IoModule.SizeArg(size);
        CheckClosed();
        var n = LineLength(limit);
        var r = Slice(_pos, n);
        _pos += n;
        return new PyStr(r);
    }

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        CheckClosed();
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
        return ((PyStr)line).Value.Length == 0 ? null : line;
    }

    [PyMethod("tell")]
    public long Tell()
    {
        CheckClosed();
        return _pos;
    }

    [PyMethod("seek")]
    public long Seek(PyObject pos, int whence = 0)
    {
        var p = ArgParse.ToLong(pos);
        CheckClosed();
        if (whence is not (0 or 1 or 2))
        {
            throw PyErr.ValueError($"Invalid whence ({whence}, should be 0, 1 or 2)");
        }
        if (p < 0 && whence == 0)
        {
            throw PyErr.ValueError($"Negative seek position {p}");
        }
        if (whence != 0 && p != 0)
        {
            throw PyErr.New(PyExc.OSError, "Can't do nonzero cur-relative seeks");
        }
        _pos = whence == 1 ? _pos : whence == 2 ? _size : (int)Math.Min(p, int.MaxValue / 2);
        return _pos;
    }

    [PyMethod("truncate")]
    public long Truncate(PyObject? pos = null)
    {
        CheckClosed();
        var n = pos is null or PyNone ? _pos : ArgParse.ToLong(pos);
        if (n < 0)
        {
            throw PyErr.ValueError($"Negative size value {n}");
        }
        if (n < _size)
        {
            _size = (int)n;
        }
        return n;
    }

    [PyMethod("readable")] public bool Readable() { CheckClosed(); return true; }
    [PyMethod("writable")] public bool Writable() { CheckClosed(); return true; }
    [PyMethod("seekable")] public bool Seekable() { CheckClosed(); return true; }

    [PyMethod("close")]
    public void Close()
    {
        _closed = true;
        _buf = [];
        _size = 0;
    }

    [PyGetter("closed")]
    public bool ClosedGetter()
    {
        CheckInitialized();
        return _closed;
    }

    [PyGetter("line_buffering")]
    public bool LineBuffering()
    {
        CheckClosed();
        return false;
    }

    [PyGetter("newlines")]
    public PyObject Newlines()
    {
        CheckClosed();
        return _decoder is null ? PyNone.Value : _decoder.NewlinesGetter();
    }

    [PyMethod("__getstate__")]
    public PyTuple GetState()
    {
        CheckClosed();
        return new PyTuple([GetValue(), _readnl is null ? PyNone.Value : new PyStr(_readnl), PyInt.From(_pos), InstanceDict is { } d ? d : PyNone.Value]);
    }
}
