// Modules/signalmodule.c
using System.Runtime.InteropServices;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// <c>_signal</c> (the <c>signal</c> module's core), in the runtime because the interpreter
/// loop runs the handlers. A signal the process receives (through .NET's
/// <see cref="PosixSignalRegistration"/>, on a thread of its own) only marks itself tripped
/// and sets the eval breaker; the main thread runs its Python handler at its next check, or at
/// once when it is blocked in an interruptible wait (<see cref="Gil.Wait"/>). SIGINT's handler
/// at start-up is <c>default_int_handler</c>, which raises KeyboardInterrupt.
/// </summary>
[PyModule("_signal", Doc = "This module provides mechanisms to use signal handlers in Python.")]
public static partial class Signals
{
    private const int Nsig = 65;
    private const int SigDfl = 0;
    private const int SigIgn = 1;
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigPipe = 13;
    private const int SigStop = 19;
    private const int SigXfsz = 25;

    private static readonly (string Name, int Number)[] s_names =
    [
        ("SIGHUP", 1), ("SIGINT", 2), ("SIGQUIT", 3), ("SIGILL", 4), ("SIGTRAP", 5), ("SIGABRT", 6), ("SIGIOT", 6),
        ("SIGBUS", 7), ("SIGFPE", 8), ("SIGKILL", 9), ("SIGUSR1", 10), ("SIGSEGV", 11), ("SIGUSR2", 12),
        ("SIGPIPE", 13), ("SIGALRM", 14), ("SIGTERM", 15), ("SIGSTKFLT", 16), ("SIGCHLD", 17), ("SIGCLD", 17),
        ("SIGCONT", 18), ("SIGSTOP", 19), ("SIGTSTP", 20), ("SIGTTIN", 21), ("SIGTTOU", 22), ("SIGURG", 23),
        ("SIGXCPU", 24), ("SIGXFSZ", 25), ("SIGVTALRM", 26), ("SIGPROF", 27), ("SIGWINCH", 28), ("SIGIO", 29),
        ("SIGPOLL", 29), ("SIGPWR", 30), ("SIGSYS", 31), ("SIGRTMIN", 34), ("SIGRTMAX", 64),
    ];

    // The Python-level handlers (None until the module is set up), what the process does on
    // each signal (a registration that cancels the default action), and the signals received
    // whose handler has not run yet.
    private static readonly PyObject?[] s_handlers = new PyObject?[Nsig];
    private static readonly PosixSignalRegistration?[] s_registrations = new PosixSignalRegistration?[Nsig];
    private static readonly int[] s_tripped = new int[Nsig];
    private static volatile bool s_pending;
    private static volatile object? s_waitTarget;
    private static int s_wakeupFd = -1;
    private static PyObject? s_defaultIntHandler;

    /// <summary>A signal was received and its handler has not run yet.</summary>
    public static bool Pending => s_pending;

    /// <summary>The monitor the main thread is blocked on, pulsed when a signal arrives so that
    /// the wait is interrupted.</summary>
    internal static object? WaitTarget
    {
        get => s_waitTarget;
        set => s_waitTarget = value;
    }

    /// <summary>Set up at the start of a run (<c>_PySignal_Init</c>): SIGPIPE and SIGXFSZ
    /// ignored, SIGINT raising KeyboardInterrupt.</summary>
    public static void Install()
    {
        Import.GetOrLoad("_signal");
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("SIG_DFL", PyInt.From(SigDfl));
        module.AddBuiltin("SIG_IGN", PyInt.From(SigIgn));
        module.AddBuiltin("SIG_BLOCK", PyInt.From(0));
        module.AddBuiltin("SIG_UNBLOCK", PyInt.From(1));
        module.AddBuiltin("SIG_SETMASK", PyInt.From(2));
        module.AddBuiltin("NSIG", PyInt.From(Nsig));
        module.AddBuiltin("ITIMER_REAL", PyInt.From(0));
        module.AddBuiltin("ITIMER_VIRTUAL", PyInt.From(1));
        module.AddBuiltin("ITIMER_PROF", PyInt.From(2));
        foreach (var (name, number) in s_names)
        {
            module.AddBuiltin(name, PyInt.From(number));
        }
        lock (s_handlers)
        {
            if (s_defaultIntHandler is not null)
            {
                return;
            }
            s_defaultIntHandler = module.Dict.GetItem(PyStr.Intern("default_int_handler"));
            for (var i = 1; i < Nsig; i++)
            {
                s_handlers[i] = PyInt.From(i is SigPipe or SigXfsz ? SigIgn : SigDfl);
            }
            // A SIGINT ignored by the parent (a background job of a shell) stays ignored.
            if (InheritedIgnored(SigInt))
            {
                s_handlers[SigInt] = PyInt.From(SigIgn);
            }
            else
            {
                s_handlers[SigInt] = s_defaultIntHandler;
                Register(SigInt);
            }
        }
    }

    [PyMethod("default_int_handler", Doc = "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.")]
    public static PyObject DefaultIntHandler(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("default_int_handler", kwnames);
        if (args.Length != 2)
        {
            throw PyErr.TypeError($"default_int_handler expected 2 arguments, got {args.Length}");
        }
        throw new PyException(new PyBaseException(PyExc.KeyboardInterrupt, PyTuple.Empty));
    }

    /// <summary><c>signal(signalnum, handler)</c>: installs a handler (SIG_DFL, SIG_IGN or a
    /// callable) and returns the previous one; only in the main thread.</summary>
    [PyMethod]
    public static PyObject Signal(int signalnum, PyObject handler)
    {
        if (!ReferenceEquals(ThreadState.Current, Gil.MainThread) && Gil.MainThread is not null)
        {
            throw PyErr.ValueError("signal only works in main thread of the main interpreter");
        }
        CheckNumber(signalnum);
        var action = handler is PyInt { IsSmall: true, Small: SigDfl or SigIgn } n ? (int)n.Small : -1;
        if (action < 0 && handler.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        }
        if (signalnum is SigKill or SigStop)
        {
            throw OSError(22, "Invalid argument");
        }
        lock (s_handlers)
        {
            var old = s_handlers[signalnum] ?? PyNone.Value;
            s_handlers[signalnum] = handler;
            if (action == SigDfl)
            {
                s_registrations[signalnum]?.Dispose();
                s_registrations[signalnum] = null;
            }
            else
            {
                Register(signalnum);
            }
            return old;
        }
    }

    /// <summary><c>getsignal(signalnum)</c>.</summary>
    [PyMethod]
    public static PyObject GetSignal(int signalnum)
    {
        CheckNumber(signalnum);
        lock (s_handlers)
        {
            return s_handlers[signalnum] ?? PyNone.Value;
        }
    }

    /// <summary><c>raise_signal(signalnum)</c>: a signal with a Python handler is delivered
    /// in-process and handled before this returns, as CPython's is; any other takes its
    /// default or ignored action through the system.</summary>
    [PyMethod("raise_signal")]
    public static void RaiseSignal(int signalnum)
    {
        // Like C's raise(), which checks the number itself (0 is the null signal).
        PyObject? handler = null;
        if (signalnum is > 0 and < Nsig)
        {
            lock (s_handlers)
            {
                handler = s_handlers[signalnum];
            }
        }
        if (handler is PyInt { IsSmall: true, Small: SigIgn })
        {
            return;
        }
        if (handler is not null and not PyInt)
        {
            Trip(signalnum);
        }
        else if (Native.Raise(signalnum) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw OSError(errno, Marshal.GetPInvokeErrorMessage(errno));
        }
        CheckSignals();
    }

    /// <summary><c>strsignal(signalnum)</c>: the C library's description, or None.</summary>
    [PyMethod]
    public static PyObject StrSignal(int signalnum)
    {
        CheckNumber(signalnum);
        var text = Marshal.PtrToStringUTF8(Native.StrSignal(signalnum));
        return text is null || text.StartsWith("Unknown signal", StringComparison.Ordinal) ? PyNone.Value : new PyStr(text);
    }

    /// <summary><c>valid_signals()</c>: the set of signal numbers of this platform.</summary>
    [PyMethod("valid_signals")]
    public static PyObject ValidSignals()
    {
        var set = new PySet();
        for (var i = 1; i < Nsig; i++)
        {
            // 32 and 33 belong to the C library's threads.
            if (i is not (32 or 33))
            {
                set.AddItem(PyInt.From(i));
            }
        }
        return set;
    }

    /// <summary><c>alarm(seconds)</c>: SIGALRM after that many seconds; returns the seconds
    /// left of the previous alarm.</summary>
    [PyMethod]
    public static long Alarm(int seconds) => Native.Alarm(unchecked((uint)seconds));

    /// <summary><c>pause()</c>: waits until a signal is received and its handler has run.</summary>
    [PyMethod]
    public static void Pause()
    {
        var monitor = new object();
        Gil.Wait(monitor, static () => false, null);
    }

    /// <summary><c>set_wakeup_fd(fd, *, warn_on_full_buffer=True)</c>: the signal number is
    /// written to fd as a byte whenever a signal arrives; returns the previous fd.</summary>
    [PyMethod("set_wakeup_fd", Keywords = true)]
    public static long SetWakeupFd(int fd, [KeywordOnly] bool warn_on_full_buffer = true)
    {
        _ = warn_on_full_buffer;
        if (!ReferenceEquals(ThreadState.Current, Gil.MainThread) && Gil.MainThread is not null)
        {
            throw PyErr.ValueError("set_wakeup_fd only works in main thread of the main interpreter");
        }
        if (fd != -1 && Native.Fcntl(fd, 1 /* F_GETFD */) < 0)
        {
            throw PyErr.ValueError($"invalid fd: {fd}");
        }
        return Interlocked.Exchange(ref s_wakeupFd, fd);
    }

    /// <summary><c>pthread_kill(thread_id, signalnum)</c>.</summary>
    [PyMethod("pthread_kill")]
    public static void PthreadKill(PyObject thread_id, int signalnum)
    {
        var id = (ulong)Ops.Index(thread_id).Value;
        var err = Native.PthreadKill(id, signalnum);
        if (err != 0)
        {
            throw OSError(err, err == 3 ? "No such process" : "Invalid argument");
        }
        CheckSignals();
    }

    /// <summary><c>siginterrupt(signalnum, flag)</c>: system calls are always restarted
    /// after the handler here (PEP 475), so only the arguments are checked.</summary>
    [PyMethod]
    public static void SigInterrupt(int signalnum, int flag)
    {
        _ = flag;
        CheckNumber(signalnum);
    }

    /// <summary>PyErr_SetInterruptEx (<c>_thread.interrupt_main</c>): as if the signal had
    /// arrived, unless its handler is SIG_DFL or SIG_IGN.</summary>
    public static void SetInterrupt(int signum)
    {
        CheckNumber(signum);
        lock (s_handlers)
        {
            if (s_handlers[signum] is null or PyInt)
            {
                return;
            }
        }
        Trip(signum);
    }

    /// <summary>PyErr_CheckSignals: runs the pending handlers now, in the main thread.</summary>
    public static void CheckSignals()
    {
        if (s_pending && ReferenceEquals(ThreadState.Current, Gil.MainThread))
        {
            Gil.ClearBit(Gil.SignalsBit);
            RunHandlers();
        }
    }

    /// <summary>Runs the Python handlers of the signals received, lowest number first; if one
    /// raises, the others stay pending for the next check.</summary>
    internal static void RunHandlers()
    {
        if (!s_pending)
        {
            return;
        }
        s_pending = false;
        for (var i = 1; i < Nsig; i++)
        {
            if (Interlocked.Exchange(ref s_tripped[i], 0) == 0)
            {
                continue;
            }
            PyObject? handler;
            lock (s_handlers)
            {
                handler = s_handlers[i];
            }
            if (handler is null or PyInt or PyNone)
            {
                continue;
            }
            var frame = ThreadState.Current.Frame;
            try
            {
                Ops.Call(handler, [PyInt.From(i), frame is null ? PyNone.Value : PyFrameObject.Of(frame)], null);
            }
            catch (PyException)
            {
                for (var j = i + 1; j < Nsig; j++)
                {
                    if (Volatile.Read(ref s_tripped[j]) != 0)
                    {
                        s_pending = true;
                        Gil.SetBit(Gil.SignalsBit);
                        break;
                    }
                }
                throw;
            }
        }
    }

    /// <summary>The C-level handler: marks the signal and wakes the main thread.</summary>
    private static void Trip(int signum)
    {
        Volatile.Write(ref s_tripped[signum], 1);
        s_pending = true;
        Gil.SetBit(Gil.SignalsBit);
        if (Volatile.Read(ref s_wakeupFd) is var fd and >= 0)
        {
            var b = (byte)signum;
            Native.Write(fd, ref b, 1);
        }
        if (s_waitTarget is { } target)
        {
            lock (target)
            {
                Monitor.PulseAll(target);
            }
        }
    }

    /// <summary>Catches the signal in the process (a handler or SIG_IGN); the Python handler,
    /// if any, runs later.</summary>
    private static void Register(int signum)
    {
        if (s_registrations[signum] is not null)
        {
            return;
        }
        // .NET takes a positive number as the system's own signal number.
        try
        {
            s_registrations[signum] = PosixSignalRegistration.Create((PosixSignal)signum, context =>
            {
                context.Cancel = true;
                PyObject? handler;
                lock (s_handlers)
                {
                    handler = s_handlers[signum];
                }
                if (handler is not PyInt { IsSmall: true, Small: SigIgn })
                {
                    Trip(signum);
                }
            });
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            throw OSError(22, "Invalid argument");
        }
    }

    /// <summary>exit_sigint: after an uncaught KeyboardInterrupt CPython dies by SIGINT itself,
    /// so that the shell sees the interruption.</summary>
    public static void ExitBySigint()
    {
        lock (s_handlers)
        {
            s_registrations[SigInt]?.Dispose();
            s_registrations[SigInt] = null;
        }
        Native.SetDefaultAction(SigInt, 0);
        Native.Kill(Native.GetPid(), SigInt);
    }

    /// <summary>The process started with the signal ignored (.NET leaves that disposition in
    /// place).</summary>
    private static unsafe bool InheritedIgnored(int signum)
    {
        // struct sigaction begins with the handler; the buffer is larger than the struct.
        var buffer = stackalloc byte[512];
        return Native.SigAction(signum, null, buffer) == 0 && *(nint*)buffer == SigIgn;
    }

    private static void CheckNumber(int signalnum)
    {
        if (signalnum < 1 || signalnum >= Nsig)
        {
            throw PyErr.ValueError("signal number out of range");
        }
    }

    private static PyException OSError(int errno, string message) =>
        new((PyBaseException)Ops.Call(PyExc.OSError, [PyInt.From(errno), new PyStr(message)], null));

    /// <summary>The C library calls the module needs.</summary>
    internal static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "raise", SetLastError = true)]
        public static partial int Raise(int sig);

        [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static partial int Kill(int pid, int sig);

        [LibraryImport("libc", EntryPoint = "getpid")]
        public static partial int GetPid();

        [LibraryImport("libc", EntryPoint = "signal")]
        public static partial nint SetDefaultAction(int sig, nint handler);

        [LibraryImport("libc", EntryPoint = "sigaction")]
        public static unsafe partial int SigAction(int sig, void* act, void* oldact);

        [LibraryImport("libc", EntryPoint = "alarm")]
        public static partial uint Alarm(uint seconds);

        [LibraryImport("libc", EntryPoint = "strsignal")]
        public static partial nint StrSignal(int sig);

        [LibraryImport("libc", EntryPoint = "write")]
        public static partial nint Write(int fd, ref byte buffer, nint count);

        [LibraryImport("libc", EntryPoint = "fcntl")]
        public static partial int Fcntl(int fd, int cmd);

        [LibraryImport("libc", EntryPoint = "pthread_kill")]
        public static partial int PthreadKill(ulong thread, int sig);

        [LibraryImport("libc", EntryPoint = "pthread_self")]
        public static partial ulong PthreadSelf();

        [LibraryImport("libc", EntryPoint = "gettid")]
        public static partial int GetTid();
    }
}
