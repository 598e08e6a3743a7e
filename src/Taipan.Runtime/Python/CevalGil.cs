// Python/ceval_gil.c
using System.Runtime.CompilerServices;

namespace Taipan.Runtime.Python;

/// <summary>
/// The global interpreter lock: Python code runs only in the thread that holds it. The
/// interpreter loop reads <see cref="EvalBreaker"/> at RESUME and backward jumps (as CPython
/// 3.11 does) and, when it is set, calls <see cref="HandleEvalBreaker"/>: a thread that waited
/// longer than the switch interval asks the holder to drop the lock, and signals received by
/// the process run their Python handlers in the main thread. Blocking calls (lock acquisition,
/// sleeping, reading stdin) release the lock while they wait.
///
/// Only threads that took the lock take part: the command line's main thread and the threads
/// <c>_thread</c> starts. Other .NET threads that run Python code (tests) run without it.
/// </summary>
public static class Gil
{
    /// <summary>A thread waiting for the lock asks the holder to drop it.</summary>
    public const int DropRequestBit = 1;

    /// <summary>A signal arrived: its Python handler runs in the main thread.</summary>
    public const int SignalsBit = 2;

    /// <summary>Nonzero when the loop must call <see cref="HandleEvalBreaker"/>; the only thing
    /// the loop reads of all this, so one running thread costs one load per backward jump.</summary>
    public static volatile int EvalBreaker;

    private static readonly object s_mutex = new();
    private static ThreadState? s_holder;
    private static long s_switchNumber;
    private static int s_waiters;
    private static long s_intervalMicroseconds = 5000;
    private static volatile bool s_finalizing;

    /// <summary>The thread that runs <c>__main__</c>: signal handlers run there.</summary>
    public static ThreadState? MainThread { get; private set; }

    /// <summary><c>sys.getswitchinterval()</c>, in seconds.</summary>
    public static double SwitchInterval
    {
        get => Interlocked.Read(ref s_intervalMicroseconds) / 1e6;
        // Kept in microseconds, as CPython keeps it; a wait lasts at least one.
        set => Interlocked.Exchange(ref s_intervalMicroseconds, (long)Math.Min(value * 1e6, long.MaxValue / 10));
    }

    /// <summary>Makes the calling thread the main thread and takes the lock for it (at the
    /// start of a run).</summary>
    public static void InitMainThread()
    {
        var ts = ThreadState.Current;
        MainThread = ts;
        s_finalizing = false;
        if (!ts.HoldsGil)
        {
            Take(ts);
        }
    }

    /// <summary>Py_FinalizeEx: the run is over. The main thread lets the lock go (a later run
    /// in this process takes it again), and a daemon thread that wants it waits forever, as in
    /// CPython, rather than run while the process shuts down.</summary>
    public static void FinalizeRun()
    {
        var ts = ThreadState.Current;
        if (!ReferenceEquals(ts, MainThread))
        {
            return;
        }
        s_finalizing = true;
        if (ts.HoldsGil)
        {
            Drop(ts);
        }
    }

    /// <summary>take_gil: waits for the lock; after each switch interval without a switch,
    /// asks its holder to drop it.</summary>
    public static void Take(ThreadState ts)
    {
        var daemon = !ReferenceEquals(ts, MainThread);
        lock (s_mutex)
        {
            if (s_holder is not null || (daemon && s_finalizing))
            {
                s_waiters++;
                try
                {
                    while (s_holder is not null || (daemon && s_finalizing))
                    {
                        var switches = s_switchNumber;
                        var timeout = TimeSpan.FromTicks(Math.Max(1, Interlocked.Read(ref s_intervalMicroseconds) * 10));
                        if (!Monitor.Wait(s_mutex, timeout) && s_holder is not null && s_switchNumber == switches)
                        {
                            SetBit(DropRequestBit);
                        }
                    }
                }
                finally
                {
                    s_waiters--;
                }
            }
            s_holder = ts;
            s_switchNumber++;
            ClearBit(DropRequestBit);
            // A holder that dropped the lock for us waits to see the switch happen.
            Monitor.PulseAll(s_mutex);
        }
        ts.HoldsGil = true;
        if (Signals.Pending && ReferenceEquals(ts, MainThread))
        {
            SetBit(SignalsBit);
        }
    }

    /// <summary>drop_gil.</summary>
    public static void Drop(ThreadState ts)
    {
        ts.HoldsGil = false;
        lock (s_mutex)
        {
            s_holder = null;
            Monitor.PulseAll(s_mutex);
        }
    }

    /// <summary>Releases the lock until the returned value is disposed, around a blocking
    /// call (<c>Py_BEGIN_ALLOW_THREADS</c>); nothing when the thread does not hold it.</summary>
    public static Released Release()
    {
        var ts = ThreadState.Current;
        if (!ts.HoldsGil)
        {
            return default;
        }
        Drop(ts);
        return new Released(ts);
    }

    /// <summary><c>Py_END_ALLOW_THREADS</c> when disposed.</summary>
    public readonly struct Released(ThreadState ts) : IDisposable
    {
        public void Dispose()
        {
            if (ts is not null)
            {
                Take(ts);
            }
        }
    }

    /// <summary>The cold part of the loop's check: drops the lock for a waiting thread, and in
    /// the main thread runs the handlers of signals received (which may raise).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void HandleEvalBreaker(ThreadState ts)
    {
        if (!ts.HoldsGil)
        {
            return;
        }
        if ((EvalBreaker & SignalsBit) != 0 && ReferenceEquals(ts, MainThread))
        {
            ClearBit(SignalsBit);
            Signals.RunHandlers();
        }
        if ((EvalBreaker & DropRequestBit) != 0)
        {
            SwitchThreads(ts);
        }
    }

    /// <summary>Drops the lock for the waiting thread, waits until it has taken it (CPython's
    /// FORCE_SWITCHING, so the same thread does not take it straight back), then waits for it
    /// again.</summary>
    private static void SwitchThreads(ThreadState ts)
    {
        ts.HoldsGil = false;
        lock (s_mutex)
        {
            s_holder = null;
            ClearBit(DropRequestBit);
            Monitor.PulseAll(s_mutex);
            var switches = s_switchNumber;
            while (s_switchNumber == switches && s_waiters > 0)
            {
                Monitor.Wait(s_mutex);
            }
        }
        Take(ts);
    }

    /// <summary>Waits without the lock until <paramref name="tryComplete"/> (called with
    /// <paramref name="monitor"/> locked) succeeds, or the timeout (null: none) passes; false
    /// on timeout. Whoever changes the state it tests pulses the monitor. In the main thread a
    /// signal interrupts the wait: the lock is taken back, the handlers run (an exception they
    /// raise propagates) and the wait goes on for the time left (PEP 475).</summary>
    public static bool Wait(object monitor, Func<bool> tryComplete, TimeSpan? timeout)
    {
        var ts = ThreadState.Current;
        var isMain = ReferenceEquals(ts, MainThread);
        // On the precise monotonic clock: Environment.TickCount64 is the coarse one on Linux
        // (4 ms steps), by which sleep(0.02) could end before perf_counter() moved 20 ms.
        var ticks = timeout is { } t ? Math.Ceiling(t.TotalSeconds * System.Diagnostics.Stopwatch.Frequency) : double.PositiveInfinity;
        var deadline = ticks < long.MaxValue / 2 ? System.Diagnostics.Stopwatch.GetTimestamp() + (long)ticks : long.MaxValue;
        while (true)
        {
            bool done, interrupted = false;
            var held = ts.HoldsGil;
            if (held)
            {
                Drop(ts);
            }
            try
            {
                if (isMain)
                {
                    Signals.WaitTarget = monitor;
                }
                lock (monitor)
                {
                    while (!(done = tryComplete()))
                    {
                        if (isMain && Signals.Pending)
                        {
                            interrupted = true;
                            break;
                        }
                        var left = deadline - System.Diagnostics.Stopwatch.GetTimestamp();
                        if (left <= 0)
                        {
                            break;
                        }
                        // Whole milliseconds, rounded up; a wake-up before the deadline waits again.
                        Monitor.Wait(monitor, (int)Math.Min(Math.Ceiling(left * 1000.0 / System.Diagnostics.Stopwatch.Frequency), int.MaxValue));
                    }
                }
            }
            finally
            {
                if (isMain)
                {
                    Signals.WaitTarget = null;
                }
                if (held)
                {
                    Take(ts);
                }
            }
            if (done || !interrupted)
            {
                return done;
            }
            if (held)
            {
                ClearBit(SignalsBit);
                Signals.RunHandlers();
            }
        }
    }

#pragma warning disable CS0420 // Interlocked operations on the volatile field are atomic and fenced.
    internal static void SetBit(int bit)
    {
        int old;
        do
        {
            old = EvalBreaker;
        }
        while (Interlocked.CompareExchange(ref EvalBreaker, old | bit, old) != old);
    }

    internal static void ClearBit(int bit)
    {
        int old;
        do
        {
            old = EvalBreaker;
        }
        while ((old & bit) != 0 && Interlocked.CompareExchange(ref EvalBreaker, old & ~bit, old) != old);
    }
#pragma warning restore CS0420
}
