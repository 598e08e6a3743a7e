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
        if (MyReadline.FunctionPointer is { } readline && IsTerminal(stdin, 0) && IsTerminal(stdout, 1))
        {
            return InputFromTerminal(readline, prompt, stdin, stdout);
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

    /// <summary>The stream is the process's file descriptor <paramref name="fd"/> and that is a
    /// terminal.</summary>
    private static bool IsTerminal(PyObject stream, int fd)
    {
        try
        {
            return Ops.CallMethod(stream, "fileno") is PyInt { IsSmall: true } n && n.Small == fd && Native.IsATty(fd) == 1;
        }
        catch (PyException)
        {
            return false;
        }
    }

    /// <summary>input() through PyOS_Readline: the prompt encoded as sys.stdout encodes, the
    /// line decoded as sys.stdin decodes.</summary>
    private static PyObject InputFromTerminal(Func<byte[], byte[]> readline, PyObject? prompt, PyObject stdin, PyObject stdout)
    {
        Ops.CallMethod(stdout, "flush");
        var promptBytes = Array.Empty<byte>();
        if (prompt is not null)
        {
            var encoded = Ops.CallMethod(Ops.Str(prompt), "encode", Ops.GetAttr(stdout, PyStr.Intern("encoding")), Ops.GetAttr(stdout, PyStr.Intern("errors")));
            promptBytes = encoded is PyBytes b ? b.Data.ToArray() : throw PyErr.TypeError("encoder did not return bytes");
        }
        var line = readline(promptBytes);
        if (line.Length == 0)
        {
            throw new PyException(new PyBaseException(PyExc.EOFError, PyTuple.Empty));
        }
        var length = line[^1] == (byte)'\n' ? line.Length - 1 : line.Length;
        return Ops.CallMethod(PyBytes.From(line.AsSpan(0, length)), "decode", Ops.GetAttr(stdin, PyStr.Intern("encoding")), Ops.GetAttr(stdin, PyStr.Intern("errors")));
    }

    private static PyObject SysStream(string name)
    {
        var stream = SysModule.Get(name);
        return stream is null or PyNone ? throw PyErr.RuntimeError($"input(): lost sys.{name}") : stream;
    }
}
