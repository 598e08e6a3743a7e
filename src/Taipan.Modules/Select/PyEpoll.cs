// Modules/selectmodule.c (epoll)
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Select;

/// <summary><c>select.epoll</c>: a Linux epoll descriptor, close-on-exec.</summary>
[PyType("epoll", Module = "select", FromSpec = true, InstanceType = true, Subclassable = true, Doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\nsizehint must be a positive integer or -1 for the default size. The\nsizehint is used to optimize internal data structures. It doesn't limit\nthe maximum number of monitored events.")]
public sealed unsafe partial class PyEpoll(PyType type, int fd) : PyObject
{
    private const int EpollCloexec = 0x80000;
    private const int CtlAdd = 1;
    private const int CtlDel = 2;
    private const int CtlMod = 3;
    private const int MaxEventsDefault = 1023;
    private const int EIntr = 4;

    private static readonly string[] s_newNames = ["sizehint", "flags"];
    private static readonly string[] s_registerNames = ["fd", "eventmask"];
    private static readonly string[] s_pollNames = ["timeout", "maxevents"];

    private int _fd = fd;
    private PyDict? _dict;

    public override PyType Type => type;

    public override PyDict? InstanceDict => ReferenceEquals(type, TypeObject) ? null : _dict ??= new PyDict();

    /// <summary><c>struct epoll_event</c>, packed on x86-64 (12 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epfd, int op, int fd, EpollEvent* ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epfd, EpollEvent* events, int maxevents, int timeout);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[2];
        ArgParse.UnpackKeywords("epoll", args, kwnames, s_newNames, 0, 2, 0, values);
        var sizehint = values[0] is { } s ? ArgParse.ToInt(s) : -1;
        var flags = values[1] is { } f ? ArgParse.ToInt(f) : 0;
        if (sizehint != -1 && sizehint <= 0)
        {
            throw PyErr.ValueError("negative sizehint");
        }
        if (flags != 0 && flags != EpollCloexec)
        {
            throw new PyException((PyBaseException)Ops.Call(PyExc.OSError, [new PyStr("invalid flags")], null));
        }
        var fd = EpollCreate1(EpollCloexec);
        return fd < 0 ? throw PosixModule.LastError() : new PyEpoll(type, fd);
    }

    [PyClassMethod("fromfd", Doc = "Create an epoll object from a given control fd.")]
    public static PyObject FromFd(PyType type, int fd) => new PyEpoll(type, fd);

    private int CheckOpen() => _fd >= 0 ? _fd : throw PyErr.ValueError("I/O operation on closed epoll object");

    [PyGetter("closed", Doc = "True if the epoll handler is closed")]
    public bool Closed() => _fd < 0;

    [PyMethod(Doc = "Close the epoll control file descriptor.\n\nFurther operations on the epoll object will raise an exception.")]
    public void Close()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0 && Libc.Close(fd) != 0)
        {
            throw PosixModule.LastError();
        }
    }

    [PyMethod(Doc = "Return the epoll control file descriptor.")]
    public int Fileno() => CheckOpen();

    private void Control(int op, PyObject fdObject, uint events)
    {
        var epfd = CheckOpen();
        var fd = PosixModule.FileDescriptor(fdObject);
        var ev = new EpollEvent { Events = events, Data = (uint)fd };
        if (EpollCtl(epfd, op, fd, &ev) != 0)
        {
            throw PosixModule.LastError();
        }
    }

    private static uint Mask(PyObject o)
    {
        var v = Ops.Index(o);
        if (v.Value < int.MinValue || v.Value > uint.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C unsigned long");
        }
        return unchecked((uint)(long)v.Value);
    }

    [PyMethod(Keywords = true, Doc = "Registers a new fd or raises an OSError if the fd is already registered.\n\n  fd\n    the target file descriptor of the operation\n  eventmask\n    a bit set composed of the various EPOLL constants\n\nThe epoll interface supports all file descriptors that support poll.")]
    public void Register(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[2];
        ArgParse.UnpackKeywords("register", args, kwnames, s_registerNames, 1, 2, 1, values);
        Control(CtlAdd, values[0]!, values[1] is { } m ? Mask(m) : 1 | 2 | 4);
    }

    [PyMethod(Keywords = true, Doc = "Modify event mask for a registered file descriptor.\n\n  fd\n    the target file descriptor of the operation\n  eventmask\n    a bit set composed of the various EPOLL constants")]
    public void Modify(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[2];
        ArgParse.UnpackKeywords("modify", args, kwnames, s_registerNames, 2, 2, 2, values);
        Control(CtlMod, values[0]!, Mask(values[1]!));
    }

    [PyMethod(Keywords = true, Doc = "Remove a registered file descriptor from the epoll object.\n\n  fd\n    the target file descriptor of the operation")]
    public void Unregister(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[1];
        ArgParse.UnpackKeywords("unregister", args, kwnames, ["fd"], 1, 1, 1, values);
        Control(CtlDel, values[0]!, 0);
    }

    [PyMethod(Keywords = true, Doc = "Wait for events on the epoll file descriptor.\n\n  timeout\n    the maximum time to wait in seconds (as float);\n    a timeout of None or -1 makes poll wait indefinitely\n  maxevents\n    the maximum number of events returned; -1 means no limit\n\nReturns a list containing any descriptors that have events to report,\nas a list of (fd, events) 2-tuples.")]
    public PyObject Poll(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[2];
        ArgParse.UnpackKeywords("poll", args, kwnames, s_pollNames, 0, 2, 0, values);
        var epfd = CheckOpen();
        var seconds = SelectModule.Seconds(values[0], "timeout must be an integer or None");
        var maxevents = values[1] is { } m ? ArgParse.ToInt(m) : -1;
        if (maxevents == -1)
        {
            maxevents = MaxEventsDefault;
        }
        else if (maxevents < 1)
        {
            throw PyErr.ValueError($"maxevents must be greater than 0, got {maxevents}");
        }
        var deadline = seconds is { } s && s >= 0 ? Environment.TickCount64 + (long)Math.Ceiling(s * 1000) : (long?)null;
        var timeout = SelectModule.Milliseconds(seconds);
        var events = new EpollEvent[maxevents];
        int n;
        while (true)
        {
            int errno;
            using (Gil.Release())
            {
                fixed (EpollEvent* p = events)
                {
                    n = EpollWait(epfd, p, maxevents, timeout);
                }
                errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
            if (n >= 0)
            {
                break;
            }
            if (errno != EIntr)
            {
                throw PosixModule.Error(errno);
            }
            Signals.CheckSignals();
            if (deadline is { } d)
            {
                timeout = (int)Math.Max(0, d - Environment.TickCount64);
            }
        }
        var result = new PyList();
        for (var i = 0; i < n; i++)
        {
            result.Append(PyTuple.Create(PyInt.From((long)(int)(uint)events[i].Data), PyInt.From(events[i].Events)));
        }
        return result;
    }

    [PyMethod("__enter__")]
    public PyObject Enter()
    {
        CheckOpen();
        return this;
    }

    [PyMethod("__exit__")]
    public void Exit(PyObject? type = null, PyObject? value = null, PyObject? traceback = null) => Close();
}
