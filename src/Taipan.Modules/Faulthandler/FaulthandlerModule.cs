// Modules/faulthandler.c
using System.Runtime.InteropServices;
using System.Text;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using PyThreadState = Taipan.Runtime.Python.ThreadState;

namespace Taipan.Modules.Faulthandler;

/// <summary><c>faulthandler</c>: Python tracebacks written straight to a file descriptor, on
/// demand, after a timeout (a watchdog thread) or on a signal.
/// What .NET does not allow is not pretended: the runtime owns SIGSEGV, SIGFPE, SIGBUS and
/// SIGILL, so <c>enable()</c> cannot catch a real fault in native code; it records the
/// setting and dumps the traceback when a .NET exception is about to end the process.
/// Only the threads known here are dumped: the current one and the main thread (the runtime
/// keeps no list of all thread states).</summary>
[PyModule("faulthandler", Doc = "faulthandler module.")]
public static unsafe partial class FaulthandlerModule
{
    private const int MaxFrameDepth = 100;
    private const int MaxStringLength = 500;

    private static readonly object s_lock = new();
    private static bool s_enabled;
    private static int s_fatalFd = -1;
    private static bool s_fatalAllThreads;
    private static bool s_hookInstalled;
    private static Watchdog? s_watchdog;
    private static readonly Dictionary<int, (PosixSignalRegistration Registration, int Fd, bool AllThreads, bool Chain)> s_userSignals = [];

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteFd(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void ExitNow(int status);

    /// <summary>Writes everything, ignoring errors (the C code cannot report them either).</summary>
    private static void Write(int fd, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        fixed (byte* p = bytes)
        {
            nint done = 0;
            while (done < bytes.Length)
            {
                var n = WriteFd(fd, p + done, bytes.Length - done);
                if (n <= 0)
                {
                    return;
                }
                done += n;
            }
        }
    }

    /// <summary>faulthandler_get_fileno: an int is the descriptor; a file object is flushed
    /// and its fileno() used; None means sys.stderr.</summary>
    private static int FileNo(PyObject? file)
    {
        if (file is null or PyNone)
        {
            file = SysModule.Get("stderr");
            if (file is null or PyNone)
            {
                throw PyErr.RuntimeError("sys.stderr is None");
            }
        }
        if (file is PyInt)
        {
            var fd = ArgParse.ToInt(file);
            if (fd < 0)
            {
                throw PyErr.ValueError("file is not a valid file descripter");
            }
            return fd;
        }
        var fileno = Ops.CallMethod(file, "fileno");
        if (fileno is not PyInt n || !n.IsSmall || n.Small is < 0 or > int.MaxValue)
        {
            throw PyErr.RuntimeError("file.fileno() is not a valid file descriptor");
        }
        var result = (int)n.Small;
        try
        {
            Ops.CallMethod(file, "flush");
        }
        catch (PyException)
        {
            // A file that cannot be flushed is still written to by descriptor, as in CPython.
        }
        return result;
    }

    /// <summary>_Py_DumpASCII: printable ASCII as is, the rest escaped, at most 500 characters.</summary>
    private static void AppendAscii(StringBuilder sb, string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (count++ == MaxStringLength)
            {
                sb.Append("...");
                return;
            }
            int ch = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                ch = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            if (ch is >= ' ' and <= 126)
            {
                sb.Append((char)ch);
            }
            else if (ch <= 0xff)
            {
                sb.Append($"\\x{ch:x2}");
            }
            else if (ch <= 0xffff)
            {
                sb.Append($"\\u{ch:x4}");
            }
            else
            {
                sb.Append($"\\U{ch:x8}");
            }
        }
    }

    /// <summary>dump_traceback: innermost frame first, at most 100 frames. Another thread's
    /// frames are read while it runs, so a torn read ends the dump instead of failing.</summary>
    private static void AppendStack(StringBuilder sb, PyThreadState ts)
    {
        var frame = ts.Frame;
        if (frame is null)
        {
            sb.Append("  <no Python frame>\n");
            return;
        }
        try
        {
            for (var depth = 0; frame is not null; depth++, frame = frame.Previous)
            {
                if (depth >= MaxFrameDepth)
                {
                    sb.Append("  ...\n");
                    break;
                }
                var code = frame.Code;
                sb.Append("  File \"");
                AppendAscii(sb, code.Code.Filename);
                sb.Append("\", line ");
                var line = frame.LineNumber;
                sb.Append(line >= 0 ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "???");
                sb.Append(" in ");
                AppendAscii(sb, code.Name.Value);
                sb.Append('\n');
            }
        }
        catch (Exception e) when (e is NullReferenceException or IndexOutOfRangeException or ArgumentException)
        {
            sb.Append("  <frames changed while being read>\n");
        }
    }

    /// <summary>The threads to dump, newest first as CPython lists them: the given one, then
    /// the main thread when it is another.</summary>
    private static List<PyThreadState> KnownThreads(PyThreadState? current)
    {
        var list = new List<PyThreadState>();
        if (current is not null)
        {
            list.Add(current);
        }
        if (Gil.MainThread is { } main && !ReferenceEquals(main, current))
        {
            list.Add(main);
        }
        return list;
    }

    /// <summary>_Py_DumpTracebackThreads; <paramref name="current"/> is labelled "Current
    /// thread" (null from the watchdog, which is no Python thread).</summary>
    private static string DumpThreads(IReadOnlyList<PyThreadState> threads, PyThreadState? current)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < threads.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }
            var ts = threads[i];
            sb.Append(ReferenceEquals(ts, current) ? "Current thread 0x" : "Thread 0x");
            sb.Append(ts.Ident.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
            sb.Append(" (most recent call first):\n");
            AppendStack(sb, ts);
        }
        return sb.ToString();
    }

    private static string DumpCurrent(bool allThreads)
    {
        var ts = PyThreadState.Current;
        return allThreads ? DumpThreads(KnownThreads(ts), ts) : DumpStack(ts);
    }

    [PyMethod("dump_traceback", Keywords = true, Doc = "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of all threads if all_threads is True, into file")]
    public static void DumpTraceback(PyObject? file = null, bool all_threads = true)
    {
        var fd = FileNo(file);
        Write(fd, DumpCurrent(all_threads));
    }

    [PyMethod("enable", Keywords = true, Doc = "enable(file=sys.stderr, all_threads=True): enable the fault handler")]
    public static void Enable(PyObject? file = null, bool all_threads = true)
    {
        var fd = FileNo(file);
        lock (s_lock)
        {
            s_fatalFd = fd;
            s_fatalAllThreads = all_threads;
            s_enabled = true;
            if (!s_hookInstalled)
            {
                s_hookInstalled = true;
                AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
            }
        }
    }

    /// <summary>The nearest thing .NET offers to a fatal error handler: a .NET exception that
    /// escapes every handler and is about to end the process.</summary>
    private static void OnUnhandledException(object sender, UnhandledExceptionEventArgs args)
    {
        int fd;
        bool allThreads;
        lock (s_lock)
        {
            if (!s_enabled)
            {
                return;
            }
            fd = s_fatalFd;
            allThreads = s_fatalAllThreads;
        }
        var name = args.ExceptionObject is Exception e ? e.GetType().Name : "unhandled exception";
        Write(fd, $"Fatal Python error: {name}\n\n" + DumpCurrent(allThreads));
    }

    [PyMethod("disable", Doc = "disable(): disable the fault handler")]
    public static bool Disable()
    {
        lock (s_lock)
        {
            var was = s_enabled;
            s_enabled = false;
            return was;
        }
    }

    [PyMethod("is_enabled", Doc = "is_enabled()->bool: check if the handler is enabled")]
    public static bool IsEnabled()
    {
        lock (s_lock)
        {
            return s_enabled;
        }
    }

    /// <summary>format_timeout: "Timeout (H:MM:SS[.ffffff])!".</summary>
    private static string TimeoutHeader(long microseconds)
    {
        var sec = microseconds / 1_000_000;
        var us = microseconds % 1_000_000;
        var text = $"Timeout ({sec / 3600}:{sec / 60 % 60:00}:{sec % 60:00}";
        return (us != 0 ? text + $".{us:000000}" : text) + ")!\n";
    }

    /// <summary>The watchdog thread of dump_traceback_later.</summary>
    private sealed class Watchdog
    {
        private readonly ManualResetEventSlim _cancel = new();
        private readonly Thread _thread;

        public Watchdog(long microseconds, bool repeat, int fd, bool exit, PyThreadState armer)
        {
            var header = TimeoutHeader(microseconds);
            var wait = TimeSpan.FromTicks(microseconds * 10);
            _thread = new Thread(() =>
            {
                do
                {
                    if (_cancel.Wait(wait))
                    {
                        return;
                    }
                    Write(fd, header + DumpThreads(KnownThreads(armer), null));
                    if (exit)
                    {
                        ExitNow(1);
                    }
                }
                while (repeat);
            })
            {
                IsBackground = true,
                Name = "faulthandler watchdog",
            };
            _thread.Start();
        }

        public void Cancel()
        {
            _cancel.Set();
            _thread.Join();
        }
    }

    [PyMethod("dump_traceback_later", Keywords = true, Doc = "dump_traceback_later(timeout, repeat=False, file=sys.stderrn, exit=False):\ndump the traceback of all threads in timeout seconds,\nor each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe.")]
    public static void DumpTracebackLater(PyObject timeout, bool repeat = false, PyObject? file = null, bool exit = false)
    {
        // _PyTime_FromSecondsObject: a float, or an integer through __index__.
        double seconds;
        if (timeout is PyFloat f)
        {
            seconds = f.Value;
            if (double.IsNaN(seconds))
            {
                throw PyErr.ValueError("Invalid value NaN (not a number)");
            }
        }
        else
        {
            var n = Ops.Index(timeout);
            seconds = n.IsSmall ? n.Small : (double)n.Value;
        }
        var microseconds = Math.Round(seconds * 1e6, MidpointRounding.ToEven);
        if (Math.Abs(seconds * 1e9) >= long.MaxValue)
        {
            throw PyErr.OverflowError("timestamp too large to convert to C _PyTime_t");
        }
        if (microseconds <= 0)
        {
            throw PyErr.ValueError("timeout must be greater than 0");
        }
        var fd = FileNo(file);
        var armer = PyThreadState.Current;
        lock (s_lock)
        {
            s_watchdog?.Cancel();
            s_watchdog = new Watchdog((long)microseconds, repeat, fd, exit, armer);
        }
    }

    [PyMethod("cancel_dump_traceback_later", Doc = "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later().")]
    public static void CancelDumpTracebackLater()
    {
        Watchdog? w;
        lock (s_lock)
        {
            w = s_watchdog;
            s_watchdog = null;
        }
        using (Gil.Release())
        {
            w?.Cancel();
        }
    }

    /// <summary>check_signum: the fault signals belong to enable(); the rest must be valid.</summary>
    private static void CheckSignum(int signum)
    {
        // SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL.
        if (signum is 11 or 8 or 6 or 7 or 4)
        {
            throw PyErr.RuntimeError($"signal {signum} cannot be registered, use enable() instead");
        }
        if (signum is < 1 or >= 65)
        {
            throw PyErr.ValueError("signal number out of range");
        }
    }

    [PyMethod("register", Keywords = true, Doc = "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for the signal 'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file")]
    public static void Register(int signum, PyObject? file = null, bool all_threads = true, bool chain = false)
    {
        CheckSignum(signum);
        var fd = FileNo(file);
        lock (s_lock)
        {
            if (s_userSignals.Remove(signum, out var old))
            {
                old.Registration.Dispose();
            }
            PosixSignalRegistration registration;
            try
            {
                // The handler runs on a .NET thread, not in signal context: it dumps the main
                // thread (the one a C signal handler would usually interrupt).
                registration = PosixSignalRegistration.Create((PosixSignal)signum, context =>
                {
                    var main = Gil.MainThread;
                    var threads = main is null ? new List<PyThreadState>() : [main];
                    Write(fd, all_threads ? DumpThreads(threads, main) : DumpStack(main));
                    context.Cancel = !chain;
                });
            }
            catch (Exception e) when (e is PlatformNotSupportedException or IOException or ArgumentException)
            {
                throw PosixModule.Error(22);
            }
            s_userSignals[signum] = (registration, fd, all_threads, chain);
        }
    }

    private static string DumpStack(PyThreadState? ts)
    {
        var sb = new StringBuilder("Stack (most recent call first):\n");
        if (ts is null)
        {
            sb.Append("  <no Python frame>\n");
        }
        else
        {
            AppendStack(sb, ts);
        }
        return sb.ToString();
    }

    [PyMethod("unregister", Doc = "unregister(signum): unregister the handler of the signal 'signum' registered by register()")]
    public static bool Unregister(int signum)
    {
        CheckSignum(signum);
        lock (s_lock)
        {
            if (!s_userSignals.Remove(signum, out var old))
            {
                return false;
            }
            old.Registration.Dispose();
            return true;
        }
    }
}
