using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Io;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Tests;

/// <summary>The _io classes used from C#: the incremental decoding TextIOWrapper relies on,
/// buffering over files, and CPython's errors for files that cannot be opened.</summary>
public class IoTests
{
    private static PyObject Call(PyObject callable, params PyObject[] args) => Ops.Call(callable, args, null);

    [Fact]
    public void Utf8SequencesCutBetweenChunksWaitForTheirEnd()
    {
        var decoder = new NativeDecoder("utf-8", "strict");
        var bytes = Encoding.UTF8.GetBytes("a\u2603\U0001F40Db");
        var sb = new StringBuilder();
        foreach (var b in bytes)
        {
            sb.Append(decoder.Decode([b], final: false));
        }
        Assert.Equal("a\u2603\U0001F40Db", sb.ToString());
        Assert.Equal(0, decoder.Pending.Length);
        Assert.Equal("", decoder.Decode([0xE2, 0x98], final: false));
        Assert.Equal(2, decoder.Pending.Length);
        var e = Assert.Throws<PyException>(() => decoder.Decode([], final: true));
        Assert.Same(PyExc.UnicodeDecodeError, e.Value.Type);
    }

    [Fact]
    public void NewlineDecoderHoldsBackACarriageReturn()
    {
        var d = new PyIncrementalNewlineDecoder(PyIncrementalNewlineDecoder.TypeObject, null, translate: true);
        Assert.Equal("a", d.DecodeString("a\r", final: false));
        Assert.True(d.PendingCR);
        Assert.Equal("\nb\n", d.DecodeString("\nb\r", final: true));
        Assert.Equal("('\\r', '\\r\\n')", Ops.Repr(d.NewlinesGetter()).Value);
    }

    [Fact]
    public void FilesRoundTripThroughTheBufferedLayers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"taipan_io_test_{Environment.ProcessId}.txt");
        try
        {
            var f = (PyTextIOWrapper)IoModule.Open(new PyStr(path), "w", encoding: new PyStr("utf-8"));
            Assert.Equal(6, f.Write(new PyStr("h\u00e9llo\n")));
            f.WriteString("second\n");
            f.Close();
            Assert.Equal("h\u00e9llo\nsecond\n", File.ReadAllText(path));
            var r = IoModule.Open(new PyStr(path), "rb");
            Assert.IsType<PyBufferedReader>(r);
            Assert.Equal("b'h\\xc3\\xa9llo\\n'", Ops.Repr(Ops.CallMethod(r, "readline")).Value);
            Assert.Equal(7L, ((PyInt)Ops.CallMethod(r, "tell")).Small);
            Ops.CallMethod(r, "close");
            var e = Assert.Throws<PyException>(() => Ops.CallMethod(r, "read"));
            Assert.Equal("read of closed file", Ops.Str(e.Value).Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OpenReportsErrnoAndFileName()
    {
        var e = Assert.Throws<PyException>(() => IoModule.Open(new PyStr("/nonexistent-taipan-dir/x")));
        Assert.Same(PyExc.FileNotFoundError, e.Value.Type);
        Assert.Equal("[Errno 2] No such file or directory: '/nonexistent-taipan-dir/x'", Ops.Str(e.Value).Value);
        var m = Assert.Throws<PyException>(() => IoModule.Open(new PyStr("x"), "rw"));
        Assert.Equal("must have exactly one of create/read/write/append mode", Ops.Str(m.Value).Value);
        var u = Assert.Throws<PyException>(() => Call(PyBytesIO.TypeObject).Let(b => Ops.CallMethod(b, "fileno")));
        Assert.Same(IoModule.UnsupportedOperation, u.Value.Type);
        Assert.True(u.Value.Type.IsSubtypeOf(PyExc.OSError) && u.Value.Type.IsSubtypeOf(PyExc.ValueError));
    }

    [Fact]
    public void StringIOCountsCodePoints()
    {
        var s = Call(PyStringIO.TypeObject, new PyStr("a\U0001F40Db\r\nc"), PyNone.Value);
        Assert.Equal("'a\U0001F40Db\\n'", Ops.Repr(Ops.CallMethod(s, "readline")).Value);
        Assert.Equal(4L, ((PyInt)Ops.CallMethod(s, "tell")).Small);
    }
}

internal static class IoTestExtensions
{
    public static PyObject Let(this PyObject o, Func<PyObject, PyObject> f) => f(o);
}
