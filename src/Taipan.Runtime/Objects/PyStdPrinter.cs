// Objects/fileobject.c (PyStdPrinter: the standard streams before _io exists)
namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>sys.stdin</c>, <c>sys.stdout</c> and <c>sys.stderr</c> until the <c>_io</c> module
/// replaces them: text streams over the process's standard streams with the methods
/// <c>print(file=...)</c> and simple programs use. <c>print</c> writes to the underlying
/// writer directly when the target is one of these.
/// </summary>
[PyType("TextIOWrapper", Module = "_io")]
public sealed partial class PyStdPrinter : PyObject
{
    private readonly int _fd;

    public PyStdPrinter(int fd, string name, TextWriter? writer, TextReader? reader)
    {
        _fd = fd;
        NameValue = name;
        Writer = writer;
        Reader = reader;
    }

    public TextWriter? Writer { get; }

    public TextReader? Reader { get; }

    public string NameValue { get; }

    public bool Closed { get; private set; }

    [PyMethod]
    public long Write(PyObject text)
    {
        var s = text as PyStr ?? throw Errors.PyErr.TypeError($"write() argument must be str, not {text.Type.Name}");
        CheckOpen();
        var writer = Writer ?? throw Unsupported("not writable");
        writer.Write(s.Value);
        return s.Length();
    }

    [PyMethod]
    public void Flush()
    {
        CheckOpen();
        Writer?.Flush();
    }

    [PyMethod]
    public PyStr Readline(long size = -1)
    {
        CheckOpen();
        var reader = Reader ?? throw Unsupported("not readable");
        // Character by character, so the newline is kept and the last line may lack one.
        var sb = new System.Text.StringBuilder();
        using var unlocked = Python.Gil.Release();
        while (size < 0 || sb.Length < size)
        {
            var c = reader.Read();
            if (c < 0)
            {
                break;
            }
            sb.Append((char)c);
            if (c == '\n')
            {
                break;
            }
        }
        return new PyStr(sb.ToString());
    }

    [PyMethod]
    public PyStr Read(long size = -1)
    {
        CheckOpen();
        var reader = Reader ?? throw Unsupported("not readable");
        using var unlocked = Python.Gil.Release();
        if (size < 0)
        {
            return new PyStr(reader.ReadToEnd());
        }
        var buffer = new char[size];
        var n = reader.ReadBlock(buffer, 0, (int)size);
        return new PyStr(new string(buffer, 0, n));
    }

    [PyMethod]
    public long Fileno() => _fd;

    [PyMethod]
    public bool Isatty() => _fd switch
    {
        0 => !Console.IsInputRedirected,
        1 => !Console.IsOutputRedirected,
        _ => !Console.IsErrorRedirected,
    };

    [PyMethod]
    public bool Readable() => Reader is not null;

    [PyMethod]
    public bool Writable() => Writer is not null;

    [PyMethod]
    public bool Seekable() => false;

    [PyMethod]
    public void Close()
    {
        Writer?.Flush();
        Closed = true;
    }

    [PyGetter("closed")]
    public bool ClosedGetter() => Closed;

    [PyGetter("name")]
    public PyStr NameGetter() => new(NameValue);

    [PyGetter("encoding")]
    public PyStr EncodingGetter() => PyStr.Intern("utf-8");

    [PyGetter("errors")]
    public PyStr ErrorsGetter() => PyStr.Intern(_fd == 2 ? "backslashreplace" : "strict");

    [PyGetter("mode")]
    public PyStr ModeGetter() => PyStr.Intern(_fd == 0 ? "r" : "w");

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<_io.TextIOWrapper name='{NameValue}' mode='{(_fd == 0 ? "r" : "w")}' encoding='utf-8'>");

    private void CheckOpen()
    {
        if (Closed)
        {
            throw Errors.PyErr.ValueError("I/O operation on closed file.");
        }
    }

    // io.UnsupportedOperation derives from ValueError; _io will raise the real class.
    private static Errors.PyException Unsupported(string what) => Errors.PyErr.ValueError(what);
}
