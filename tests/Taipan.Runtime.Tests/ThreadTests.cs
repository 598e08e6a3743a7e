using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Syntax.Tokenizer;
using ThreadState = Taipan.Runtime.Python.ThreadState;

namespace Taipan.Runtime.Tests;

/// <summary>The global interpreter lock (<see cref="Gil"/>): a thread spinning in Python code
/// hands it over to a waiting thread at its eval-breaker checks, blocking waits release it, and
/// each thread has its own interpreter state.</summary>
/// <summary>Tests that take the global interpreter lock run alone: a test elsewhere that
/// initialises the runtime on its own thread holds the lock for the process.</summary>
[CollectionDefinition("gil", DisableParallelization = true)]
public class GilCollection;

[Collection("gil")]
public class ThreadTests
{
    /// <summary>A run that ended earlier in this process (another test class's RunMain) left
    /// the lock finalizing, which blocks every thread but that run's main thread; these tests
    /// start afresh.</summary>
    public ThreadTests()
    {
        Gil.InitMainThread();
        Gil.Drop(ThreadState.Current);
    }

    private static PyObject Run(string source, PyDict globals) =>
        Interpreter.RunCode(new PyCode(Compiler.CodeGen.Compiler.CompileSource(SourceText.FromString(source, "<test>"), optimize: 0)), globals, null);

    private static PyDict NewGlobals()
    {
        var globals = new PyDict();
        globals.SetItem(PyStr.Intern("__builtins__"), Builtins.Module);
        return globals;
    }

    /// <summary>The holder runs a Python loop that never blocks until the waiter has had the
    /// lock: it can finish only if the loop's checks drop the lock on request.</summary>
    [Fact]
    public void SpinningHolderHandsTheLockToAWaiter()
    {
        var globals = NewGlobals();
        globals.SetItem(PyStr.Intern("flag"), new PyList());
        var holderHasLock = new ManualResetEventSlim();
        Exception? failure = null;
        var holder = new Thread(() =>
        {
            var ts = ThreadState.Current;
            Gil.Take(ts);
            try
            {
                holderHasLock.Set();
                Run("n = 0\nwhile not flag:\n    n += 1\n", globals);
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                Gil.Drop(ts);
            }
        }, 16 << 20);
        holder.Start();
        holderHasLock.Wait();
        var waiter = new Thread(() =>
        {
            var ts = ThreadState.Current;
            Gil.Take(ts);
            ((PyList)globals.GetItem(PyStr.Intern("flag"))!).Append(PyBool.True);
            Gil.Drop(ts);
        });
        waiter.Start();
        // Generous bounds that only a deadlock exceeds.
        Assert.True(waiter.Join(TimeSpan.FromMinutes(2)));
        Assert.True(holder.Join(TimeSpan.FromMinutes(2)));
        Assert.Null(failure);
        Assert.True(((PyInt)globals.GetItem(PyStr.Intern("n"))!).Value >= 0);
    }

    /// <summary><see cref="Gil.Wait"/> gives up the lock while it blocks: another thread takes
    /// it and satisfies the condition.</summary>
    [Fact]
    public void WaitReleasesTheLock()
    {
        var monitor = new object();
        var ready = false;
        var result = false;
        var first = new Thread(() =>
        {
            var ts = ThreadState.Current;
            Gil.Take(ts);
            result = Gil.Wait(monitor, () => ready, null);
            Assert.True(ts.HoldsGil);
            Gil.Drop(ts);
        });
        first.Start();
        var second = new Thread(() =>
        {
            var ts = ThreadState.Current;
            Gil.Take(ts);
            lock (monitor)
            {
                ready = true;
                Monitor.PulseAll(monitor);
            }
            Gil.Drop(ts);
        });
        second.Start();
        Assert.True(first.Join(TimeSpan.FromMinutes(2)));
        Assert.True(second.Join(TimeSpan.FromMinutes(2)));
        Assert.True(result);
    }

    [Fact]
    public void WaitTimesOut()
    {
        var ts = ThreadState.Current;
        Assert.False(Gil.Wait(new object(), static () => false, TimeSpan.FromMilliseconds(10)));
        Assert.True(Gil.Wait(new object(), static () => true, TimeSpan.Zero));
        Assert.False(ts.HoldsGil);
    }

    /// <summary>Frames, the exception being handled and the recursion depth belong to the
    /// thread: two threads in the middle of Python code see their own.</summary>
    [Fact]
    public void ThreadStateIsPerThread()
    {
        var results = new string[2];
        var threads = new Thread[2];
        var arrived = new PyList();
        for (var i = 0; i < 2; i++)
        {
            var k = i;
            threads[i] = new Thread(() =>
            {
                var globals = NewGlobals();
                globals.SetItem(PyStr.Intern("k"), PyInt.From(k));
                globals.SetItem(PyStr.Intern("arrived"), arrived);
                var ts = ThreadState.Current;
                Gil.Take(ts);
                try
                {
                    Run("""
                        import sys
                        def depth(n):
                            if n == 0:
                                try:
                                    raise KeyError(k)
                                except KeyError:
                                    # Both threads are inside their handlers at once.
                                    arrived.append(k)
                                    while len(arrived) < 2:
                                        pass
                                    return repr(sys.exc_info()[1]), sys._getframe().f_back.f_code.co_name
                            return depth(n - 1)
                        result = depth(10 + k)
                        """, globals);
                    results[k] = Abstract.Ops.Repr(globals.GetItem(PyStr.Intern("result"))!).Value;
                }
                finally
                {
                    Gil.Drop(ts);
                }
            }, 16 << 20);
        }
        foreach (var t in threads)
        {
            t.Start();
        }
        foreach (var t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromMinutes(2)));
        }
        Assert.Equal("('KeyError(0)', 'depth')", results[0]);
        Assert.Equal("('KeyError(1)', 'depth')", results[1]);
    }

    [Fact]
    public void SwitchIntervalRoundTrips()
    {
        var saved = Gil.SwitchInterval;
        try
        {
            Gil.SwitchInterval = 0.001;
            Assert.Equal(0.001, Gil.SwitchInterval);
            Gil.SwitchInterval = 1e-9;
            Assert.Equal(0.0, Gil.SwitchInterval);
        }
        finally
        {
            Gil.SwitchInterval = saved;
        }
    }
}
