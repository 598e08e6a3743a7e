// Python/bltinmodule.c (io)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Io;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>open</c> is <c>io.open</c>.</summary>
    [PyMethod(Keywords = true)]
    public static PyObject Open(PyObject file, string mode = "r", int buffering = -1, PyObject? encoding = null, PyObject? errors = null,
        PyObject? newline = null, bool closefd = true, PyObject? opener = null) =>
        IoModule.Open(file, mode, buffering, encoding, errors, newline, closefd, opener);

    /// <summary><c>input([prompt])</c>: the prompt to sys.stdout (flushed), one line of
    /// sys.stdin without its newline; EOFError at the end of input.</summary>
    [PyMethod]
    public static PyObject Input(PyObject? prompt = null)
    {
        var stdin = SysStream("stdin");
        var stdout = SysStream("stdout");
        if (SysModule.Get("stderr") is { } stderr and not PyNone)
        {
            try
            {
                Ops.CallMethod(stderr, "flush");
            }
            catch (PyException)
            {
                // As CPython: a failing stderr flush does not stop input().
            }
        }
        if (prompt is not null)
        {
            Ops.CallMethod(stdout, "write", Ops.Str(prompt));
        }
        Ops.CallMethod(stdout, "flush");
        var line = Ops.CallMethod(stdin, "readline");
        if (line is not PyStr s)
        {
            throw PyErr.TypeError("object.readline() returned non-string");
        }
        var text = s.Value;
        if (text.Length == 0)
        {
            throw PyErr.New(PyExc.EOFError, "EOF when reading a line");
        }
        return text[^1] == '\n' ? new PyStr(text[..^1]) : s;
    }

    private static PyObject SysStream(string name)
    {
        var stream = SysModule.Get(name);
        return stream is null or PyNone ? throw PyErr.RuntimeError($"input(): lost sys.{name}") : stream;
    }
}
