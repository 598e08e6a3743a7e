// Modules/termios.c
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Termios;

/// <summary><c>termios</c>: terminal attributes through the C library's tc* functions.
/// Failures raise <c>termios.error(errno, strerror)</c>, an Exception subclass as in CPython.</summary>
[PyModule("termios", Doc = "This module provides an interface to the Posix calls for tty I/O control.\nFor a complete description of these calls, see the Posix or Unix manual\npages. It is only available for those Unix versions that support Posix\ntermios style tty I/O control.\n\nAll functions in this module take a file descriptor fd as their first\nargument. This can be an integer file descriptor, such as returned by\nsys.stdin.fileno(), or a file object, such as sys.stdin itself.")]
public static unsafe partial class TermiosModule
{
    private const int Nccs = 32;
    private const int VTime = 5;
    private const int VMin = 6;
    private const uint ICanon = 2;
    private const ulong TiocGWinSz = 0x5413;
    private const ulong TiocSWinSz = 0x5414;
    private const int EIntr = 4;

    private static PyType? s_error;

    private static PyType Error => s_error ??= MakeError();

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("termios"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("error"), PyTuple.Create(PyExc.Exception), ns], null);
    }

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in TermiosConstants.All)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
        module.AddBuiltin("error", Error);
    }

    /// <summary><c>struct termios</c> of glibc on x86-64 (60 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TermiosStruct
    {
        public uint IFlag;
        public uint OFlag;
        public uint CFlag;
        public uint LFlag;
        public byte Line;
        public fixed byte Cc[Nccs];
        public uint ISpeed;
        public uint OSpeed;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize
    {
        public ushort Row;
        public ushort Col;
        public ushort XPixel;
        public ushort YPixel;
    }

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static partial int TcGetAttr(int fd, TermiosStruct* t);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static partial int TcSetAttr(int fd, int when, TermiosStruct* t);

    [LibraryImport("libc", EntryPoint = "cfgetispeed")]
    private static partial uint CfGetISpeed(TermiosStruct* t);

    [LibraryImport("libc", EntryPoint = "cfgetospeed")]
    private static partial uint CfGetOSpeed(TermiosStruct* t);

    [LibraryImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    private static partial int CfSetISpeed(TermiosStruct* t, uint speed);

    [LibraryImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    private static partial int CfSetOSpeed(TermiosStruct* t, uint speed);

    [LibraryImport("libc", EntryPoint = "tcsendbreak", SetLastError = true)]
    private static partial int TcSendBreak(int fd, int duration);

    [LibraryImport("libc", EntryPoint = "tcdrain", SetLastError = true)]
    private static partial int TcDrain(int fd);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    private static partial int TcFlush(int fd, int queue);

    [LibraryImport("libc", EntryPoint = "tcflow", SetLastError = true)]
    private static partial int TcFlow(int fd, int action);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, ulong request, WinSize* ws);

    /// <summary>termios.error(errno, strerror) for the last failure.</summary>
    private static PyException Fail()
    {
        var errno = Libc.Errno;
        var strerror = PosixModule.StrError(errno);
        return new PyException((PyBaseException)Ops.Call(Error, [PyInt.From(errno), new PyStr(strerror)], null));
    }

    private static void Check(int r)
    {
        if (r != 0)
        {
            throw Fail();
        }
    }

    [PyMethod("tcgetattr", Doc = "Get the tty attributes for file descriptor fd.\n\nReturns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]\nwhere cc is a list of the tty special characters (each a string of\nlength 1, except the items with indices VMIN and VTIME, which are\nintegers when these fields are defined).  The interpretation of the\nflags and the speeds as well as the indexing in the cc array must be\ndone using the symbolic constants defined in this module.")]
    public static PyObject TcGetAttr_(PyObject fd)
    {
        var n = PosixModule.FileDescriptor(fd);
        TermiosStruct t;
        Check(TcGetAttr(n, &t));
        var cc = new PyList();
        for (var i = 0; i < Nccs; i++)
        {
            cc.Append(PyBytes.From([t.Cc[i]]));
        }
        // In non-canonical mode VMIN and VTIME are counts, not characters.
        if ((t.LFlag & ICanon) == 0)
        {
            cc.SetItem(PyInt.From(VMin), PyInt.From(t.Cc[VMin]));
            cc.SetItem(PyInt.From(VTime), PyInt.From(t.Cc[VTime]));
        }
        var result = new PyList();
        result.Append(PyInt.From(t.IFlag));
        result.Append(PyInt.From(t.OFlag));
        result.Append(PyInt.From(t.CFlag));
        result.Append(PyInt.From(t.LFlag));
        result.Append(PyInt.From(CfGetISpeed(&t)));
        result.Append(PyInt.From(CfGetOSpeed(&t)));
        result.Append(cc);
        return result;
    }

    private static uint Flag(PyObject o) => unchecked((uint)ArgParse.ToLong(o));

    [PyMethod("tcsetattr", Doc = "Set the tty attributes for file descriptor fd.\n\nThe attributes to be set are taken from the attributes argument, which\nis a list like the one returned by tcgetattr(). The when argument\ndetermines when the attributes are changed: termios.TCSANOW to\nchange immediately, termios.TCSADRAIN to change after transmitting all\nqueued output, or termios.TCSAFLUSH to change after transmitting all\nqueued output and discarding all queued input.")]
    public static void TcSetAttr_(PyObject fd, int when, PyObject attributes)
    {
        var n = PosixModule.FileDescriptor(fd);
        if (attributes is not PyList { Count: 7 } attrs)
        {
            throw PyErr.TypeError("tcsetattr, arg 3: must be 7 element list");
        }
        TermiosStruct t;
        Check(TcGetAttr(n, &t));
        t.IFlag = Flag(attrs[0]);
        t.OFlag = Flag(attrs[1]);
        t.CFlag = Flag(attrs[2]);
        t.LFlag = Flag(attrs[3]);
        var ispeed = Flag(attrs[4]);
        var ospeed = Flag(attrs[5]);
        if (attrs[6] is not PyList { Count: Nccs } cc)
        {
            throw PyErr.TypeError($"tcsetattr: attributes[6] must be {Nccs} element list");
        }
        for (var i = 0; i < Nccs; i++)
        {
            t.Cc[i] = cc[i] switch
            {
                PyBytes b when b.Data.Length == 1 => b.Data[0],
                PyInt v => unchecked((byte)ArgParse.ToInt(v)),
                _ => throw PyErr.TypeError("tcsetattr: elements of attributes must be characters or integers"),
            };
        }
        Check(CfSetISpeed(&t, ispeed));
        Check(CfSetOSpeed(&t, ospeed));
        while (TcSetAttr(n, when, &t) != 0)
        {
            if (Libc.Errno != EIntr)
            {
                throw Fail();
            }
            Signals.CheckSignals();
        }
    }

    [PyMethod("tcsendbreak", Doc = "Send a break on file descriptor fd.\n\nA zero duration sends a break for 0.25-0.5 seconds; a nonzero duration\nhas a system dependent meaning.")]
    public static void TcSendBreak_(PyObject fd, int duration) => Check(TcSendBreak(PosixModule.FileDescriptor(fd), duration));

    [PyMethod("tcdrain", Doc = "Wait until all output written to file descriptor fd has been transmitted.")]
    public static void TcDrain_(PyObject fd)
    {
        var n = PosixModule.FileDescriptor(fd);
        int r;
        using (Gil.Release())
        {
            r = TcDrain(n);
        }
        Check(r);
    }

    [PyMethod("tcflush", Doc = "Discard queued data on file descriptor fd.\n\nThe queue selector specifies which queue: termios.TCIFLUSH for the input\nqueue, termios.TCOFLUSH for the output queue, or termios.TCIOFLUSH for\nboth queues.")]
    public static void TcFlush_(PyObject fd, int queue) => Check(TcFlush(PosixModule.FileDescriptor(fd), queue));

    [PyMethod("tcflow", Doc = "Suspend or resume input or output on file descriptor fd.\n\nThe action argument can be termios.TCOOFF to suspend output,\ntermios.TCOON to restart output, termios.TCIOFF to suspend input,\nor termios.TCION to restart input.")]
    public static void TcFlow_(PyObject fd, int action) => Check(TcFlow(PosixModule.FileDescriptor(fd), action));

    [PyMethod("tcgetwinsize", Doc = "Get the tty winsize for file descriptor fd.\n\nReturns a tuple (ws_row, ws_col).")]
    public static PyObject TcGetWinSize(PyObject fd)
    {
        WinSize w;
        Check(Ioctl(PosixModule.FileDescriptor(fd), TiocGWinSz, &w));
        return PyTuple.Create(PyInt.From(w.Row), PyInt.From(w.Col));
    }

    [PyMethod("tcsetwinsize", Doc = "Set the tty winsize for file descriptor fd.\n\nThe winsize to be set is taken from the winsize argument, which\nis a two-item tuple (ws_row, ws_col) like the one returned by tcgetwinsize().")]
    public static void TcSetWinSize(PyObject fd, PyObject winsize)
    {
        var n = PosixModule.FileDescriptor(fd);
        long length;
        try
        {
            length = winsize is PyDict ? -1 : Ops.Length(winsize);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            length = -1;
        }
        if (length != 2)
        {
            throw PyErr.TypeError("tcsetwinsize, arg 2: must be a two-item sequence");
        }
        WinSize w;
        Check(Ioctl(n, TiocGWinSz, &w));
        w.Row = Size(Ops.GetItem(winsize, PyInt.From(0)));
        w.Col = Size(Ops.GetItem(winsize, PyInt.From(1)));
        Check(Ioctl(n, TiocSWinSz, &w));
    }

    private static ushort Size(PyObject o)
    {
        var v = ArgParse.ToLong(o);
        return v is < 0 or > ushort.MaxValue ? throw PyErr.OverflowError("winsize value(s) out of range.") : (ushort)v;
    }
}
