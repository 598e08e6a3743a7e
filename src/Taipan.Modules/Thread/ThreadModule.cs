// Modules/_threadmodule.c
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using ThreadState = Taipan.Runtime.Python.ThreadState;

namespace Taipan.Modules.Threads;

/// <summary>
/// <c>_thread</c>: each Python thread is a .NET thread (with the large stack the main thread
/// has, so deep recursion still ends in RecursionError) that runs Python code while it holds the
/// global interpreter lock (<see cref="Gil"/>). Locks release the interpreter lock while they
/// block, and in the main thread a signal interrupts the wait.
/// </summary>
[PyModule("_thread", Doc = "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.")]
public static partial class ThreadModule
{
    private const int DefaultStackSize = 256 * 1024 * 1024;

    /// <summary>The smallest stack a thread gets whatever <c>stack_size()</c> says: the
    /// interpreter's own frames need it.</summary>
    private const int MinimumStackSize = 16 * 1024 * 1024;

    /// <summary><c>TIMEOUT_MAX</c>, in seconds: CPython's limit on Linux.</summary>
    public const double TimeoutMax = 9223372036.0;

    private static readonly PyStructSequenceType s_exceptHookArgs = new("_thread", "_ExceptHookArgs",
        ["exc_type", "exc_value", "exc_traceback", "thread"], constructible: true);

    private static long s_stackSize;
    private static int s_count;

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("LockType", PyLock.TypeObject);
        module.AddBuiltin("RLock", PyRLock.TypeObject);
        module.AddBuiltin("_local", PyThreadLocal.TypeObject);
        module.AddBuiltin("error", PyExc.RuntimeError);
        module.AddBuiltin("TIMEOUT_MAX", new PyFloat(TimeoutMax));
        module.AddBuiltin("_ExceptHookArgs", s_exceptHookArgs.Type);
    }

    [PyMethod("start_new_thread")]
    public static long StartNewThread(PyObject function, PyObject args, PyObject? kwargs = null) => Start(function, args, kwargs);

    [PyMethod("start_new")]
    public static long StartNew(PyObject function, PyObject args, PyObject? kwargs = null) => Start(function, args, kwargs);

    /// <summary>Starts a thread that calls function(*args, **kwargs); returns its ident once it
    /// runs.</summary>
    private static long Start(PyObject function, PyObject args, PyObject? kwargs)
    {
        if (function.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("first arg must be callable");
        }
        if (args is not PyTuple argTuple)
        {
            throw PyErr.TypeError("2nd arg must be a tuple");
        }
        if (kwargs is not null and not PyDict)
        {
            throw PyErr.TypeError("optional 3rd arg must be a dictionary");
        }
        var (callArgs, kwnames) = CallArguments(argTuple, kwargs as PyDict);
        var started = new ManualResetEventSlim();
        ulong ident = 0;
        var size = Interlocked.Read(ref s_stackSize);
        var thread = new Thread(() =>
        {
            var ts = ThreadState.Current;
            ident = ts.Ident;
            started.Set();
            Run(ts, function, callArgs, kwnames);
        }, size == 0 ? DefaultStackSize : (int)Math.Max(size, MinimumStackSize))
        {
            // The process does not wait for Python threads: threading._shutdown joins the ones
            // that are not daemons.
            IsBackground = true,
        };
        Interlocked.Increment(ref s_count);
        try
        {
            thread.Start();
        }
        catch (OutOfMemoryException)
        {
            Interlocked.Decrement(ref s_count);
            throw PyErr.RuntimeError("can't start new thread");
        }
        using (Gil.Release())
        {
            started.Wait();
        }
        started.Dispose();
        return unchecked((long)ident);
    }

    /// <summary>thread_run: the thread's body. SystemExit ends it quietly; another exception
    /// is reported as unraisable (threading.Thread catches its own first).</summary>
    private static void Run(ThreadState ts, PyObject function, PyObject[] args, PyTuple? kwnames)
    {
        Gil.Take(ts);
        try
        {
            Ops.Call(function, args, kwnames);
        }
        catch (PyException e) when (!e.Value.Type.IsSubtypeOf(PyExc.SystemExit))
        {
            WriteUnraisable("Exception ignored in thread started by", function, e.Value);
        }
        catch (PyException)
        {
            // SystemExit: the thread just ends.
        }
        finally
        {
            ts.HandledException = null;
            foreach (var action in ts.ExitActions)
            {
                action();
            }
            ts.ExitActions.Clear();
            Interlocked.Decrement(ref s_count);
            Gil.Drop(ts);
        }
    }

    /// <summary>The default sys.unraisablehook's output.</summary>
    private static void WriteUnraisable(string message, PyObject obj, PyBaseException exc)
    {
        string what;
        try
        {
            what = Ops.Repr(obj).Value;
        }
        catch (PyException)
        {
            what = "<object repr() failed>";
        }
        try
        {
            SysModule.FlushStdFiles();
            SysModule.Write("stderr", $"{message}: {what}\n");
            SysModule.Write("stderr", Traceback.Format(exc));
            SysModule.FlushStdFiles();
        }
        catch (PyException)
        {
            // Nowhere to report it.
        }
    }

    private static (PyObject[] Args, PyTuple? KwNames) CallArguments(PyTuple args, PyDict? kwargs)
    {
        if (kwargs is null || kwargs.Count == 0)
        {
            return (args.Items.ToArray(), null);
        }
        var all = new List<PyObject>(args.Items.ToArray());
        var names = new List<PyObject>();
        foreach (var (k, v) in kwargs.Items())
        {
            if (k is not PyStr)
            {
                throw PyErr.TypeError("keywords must be strings");
            }
            names.Add(k);
            all.Add(v);
        }
        return ([.. all], new PyTuple([.. names]));
    }

    [PyMethod("allocate_lock")]
    public static PyLock AllocateLock() => new();

    [PyMethod]
    public static PyLock Allocate() => new();

    [PyMethod("get_ident")]
    public static long GetIdent() => unchecked((long)ThreadState.Current.Ident);

    [PyMethod("get_native_id")]
    public static long GetNativeId() => ThreadState.Current.NativeId;

    [PyMethod("_count")]
    public static long Count() => Volatile.Read(ref s_count);

    /// <summary><c>stack_size([size])</c>: the stack size of threads started later (0: the
    /// default); returns the previous setting.</summary>
    [PyMethod("stack_size")]
    public static long StackSize(long size = 0)
    {
        if (size != 0 && size < 32768)
        {
            throw PyErr.ValueError($"size not valid: {size} bytes");
        }
        if (size > int.MaxValue)
        {
            throw PyErr.ValueError($"size not valid: {size} bytes");
        }
        return Interlocked.Exchange(ref s_stackSize, size);
    }

    /// <summary><c>_set_sentinel()</c>: a lock that is released, if locked, when the current
    /// thread ends (threading acquires it, and Thread.join waits on it).</summary>
    [PyMethod("_set_sentinel")]
    public static PyLock SetSentinel()
    {
        var lockObject = new PyLock();
        ThreadState.Current.ExitActions.Add(lockObject.ReleaseIfLocked);
        return lockObject;
    }

    /// <summary><c>interrupt_main(signum=SIGINT)</c>: as if the main thread had received the
    /// signal.</summary>
    [PyMethod("interrupt_main", Keywords = true)]
    public static void InterruptMain(int signum = 2) => Signals.SetInterrupt(signum);

    [PyMethod]
    public static void Exit() => throw new PyException(new PyBaseException(PyExc.SystemExit, PyTuple.Empty));

    [PyMethod("exit_thread")]
    public static void ExitThread() => Exit();

    /// <summary><c>_excepthook(args)</c>: threading.excepthook's default: "Exception in thread
    /// NAME:" and the traceback on sys.stderr (or the thread's saved stderr); SystemExit is
    /// silent.</summary>
    [PyMethod("_excepthook")]
    public static void ExceptHook(PyObject args)
    {
        if (!ReferenceEquals(args.Type, s_exceptHookArgs.Type))
        {
            throw PyErr.TypeError("_thread.excepthook argument type must be ExceptHookArgs");
        }
        var fields = ((PyTuple)args).Items;
        var (excType, excValue, thread) = (fields[0], fields[1], fields[3]);
        if (excType is PyType t && t.IsSubtypeOf(PyExc.SystemExit))
        {
            return;
        }
        var file = SysModule.Get("stderr");
        if (file is null or PyNone)
        {
            if (thread is PyNone)
            {
                return;
            }
            file = Ops.GetAttr(thread, PyStr.Intern("_stderr"));
            if (file is PyNone)
            {
                return;
            }
        }
        string name;
        if (thread is not PyNone && Ops.TryGetAttr(thread, PyStr.Intern("name")) is { } n)
        {
            name = Ops.Str(n).Value;
        }
        else
        {
            name = GetIdent().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Ops.CallMethod(file, "write", new PyStr($"Exception in thread {name}:\n"));
        Ops.CallMethod(file, "flush");
        if (excValue is PyBaseException exc)
        {
            Ops.CallMethod(file, "write", new PyStr(Traceback.Format(exc)));
        }
        Ops.CallMethod(file, "flush");
    }

    /// <summary>The timeout of acquire(): -1 (none) or seconds, checked as CPython checks it.</summary>
    internal static TimeSpan? Timeout(bool blocking, PyObject? timeout)
    {
        double seconds = -1;
        if (timeout is not null)
        {
            seconds = timeout is PyFloat f ? f.Value : (double)Ops.Index(timeout).Value;
            if (Math.Abs(seconds) * 1e9 > long.MaxValue)
            {
                throw PyErr.OverflowError("timestamp too large to convert to C _PyTime_t");
            }
        }
        if (!blocking && seconds != -1)
        {
            throw PyErr.ValueError("can't specify a timeout for a non-blocking call");
        }
        if (seconds < 0 && seconds != -1)
        {
            throw PyErr.ValueError("timeout value must be positive");
        }
        if (!blocking)
        {
            return TimeSpan.Zero;
        }
        if (seconds == -1)
        {
            return null;
        }
        if (seconds > TimeoutMax)
        {
            throw PyErr.OverflowError("timeout value is too large");
        }
        return TimeSpan.FromSeconds(seconds);
    }
}

/// <summary><c>_thread.lock</c>: a lock any thread may release.</summary>
[PyType("lock", Module = "_thread", FromSpec = true)]
public sealed partial class PyLock : PyObject
{
    private bool _locked;

    /// <summary>Takes the lock if it is free, without waiting.</summary>
    internal bool TryAcquire()
    {
        lock (this)
        {
            if (_locked)
            {
                return false;
            }
            _locked = true;
            return true;
        }
    }

    internal void ReleaseIfLocked()
    {
        lock (this)
        {
            _locked = false;
            Monitor.PulseAll(this);
        }
    }

    /// <summary>acquire_timed: waits without the interpreter lock; false on timeout.</summary>
    internal bool Acquire(TimeSpan? timeout) =>
        TryAcquire() || (timeout != TimeSpan.Zero && Gil.Wait(this, () =>
        {
            if (_locked)
            {
                return false;
            }
            _locked = true;
            return true;
        }, timeout));

    [PyMethod(Keywords = true)]
    public bool Acquire(bool blocking = true, PyObject? timeout = null) => Acquire(ThreadModule.Timeout(blocking, timeout));

    [PyMethod("acquire_lock", Keywords = true)]
    public bool AcquireLock(bool blocking = true, PyObject? timeout = null) => Acquire(blocking, timeout);

    [PyMethod("__enter__", Keywords = true)]
    public bool Enter(bool blocking = true, PyObject? timeout = null) => Acquire(blocking, timeout);

    [PyMethod]
    public void Release()
    {
        lock (this)
        {
            if (!_locked)
            {
                throw PyErr.RuntimeError("release unlocked lock");
            }
            _locked = false;
            Monitor.PulseAll(this);
        }
    }

    [PyMethod("release_lock")]
    public void ReleaseLock() => Release();

    [PyMethod("__exit__")]
    public void Exit(PyObject? type = null, PyObject? value = null, PyObject? traceback = null) => Release();

    [PyMethod]
    public bool Locked() => Volatile.Read(ref _locked);

    [PyMethod("locked_lock")]
    public bool LockedLock() => Locked();

    /// <summary>After fork only the calling thread exists: the lock starts free.</summary>
    [PyMethod("_at_fork_reinit")]
    public void AtForkReinit() => ReleaseIfLocked();

    [PySlot("tp_repr")]
    public PyStr Repr() =>
        new($"<{(Locked() ? "locked" : "unlocked")} _thread.lock object at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
}

/// <summary><c>_thread.RLock</c>: a lock its owner may take again; only the owner releases it.</summary>
[PyType("RLock", Module = "_thread", FromSpec = true, InstanceType = true, Subclassable = true)]
public sealed partial class PyRLock(PyType type) : PyObject
{
    private readonly PyLock _lock = new();
    private ulong _owner;
    private long _count;
    private PyDict? _dict;

    public override PyType Type => type;

    /// <summary>Instances of Python subclasses have a <c>__dict__</c>.</summary>
    public override PyDict? InstanceDict => ReferenceEquals(type, TypeObject) ? null : _dict ??= new PyDict();

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyRLock(type);

    [PyMethod(Keywords = true)]
    public bool Acquire(bool blocking = true, PyObject? timeout = null)
    {
        var wait = ThreadModule.Timeout(blocking, timeout);
        var me = ThreadState.Current.Ident;
        if (_count > 0 && _owner == me)
        {
            if (_count == long.MaxValue)
            {
                throw PyErr.New(PyExc.OverflowError, "Internal lock count overflowed");
            }
            _count++;
            return true;
        }
        if (!_lock.Acquire(wait))
        {
            return false;
        }
        _owner = me;
        _count = 1;
        return true;
    }

    [PyMethod("__enter__", Keywords = true)]
    public bool Enter(bool blocking = true, PyObject? timeout = null) => Acquire(blocking, timeout);

    [PyMethod]
    public void Release()
    {
        if (_count == 0 || _owner != ThreadState.Current.Ident)
        {
            throw PyErr.RuntimeError("cannot release un-acquired lock");
        }
        if (--_count == 0)
        {
            _owner = 0;
            _lock.Release();
        }
    }

    [PyMethod("__exit__")]
    public void Exit(PyObject? type = null, PyObject? value = null, PyObject? traceback = null) => Release();

    /// <summary><c>_is_owned()</c>: the current thread holds it.</summary>
    [PyMethod("_is_owned")]
    public bool IsOwned() => _count > 0 && _owner == ThreadState.Current.Ident;

    /// <summary><c>_release_save()</c>: releases it whatever its count (Condition.wait);
    /// returns (count, owner) for <c>_acquire_restore</c>.</summary>
    [PyMethod("_release_save")]
    public PyObject ReleaseSave()
    {
        if (_count == 0)
        {
            throw PyErr.RuntimeError("cannot release un-acquired lock");
        }
        var saved = PyTuple.Create(PyInt.From(_count), PyInt.From(unchecked((long)_owner)));
        _count = 0;
        _owner = 0;
        _lock.Release();
        return saved;
    }

    [PyMethod("_acquire_restore")]
    public void AcquireRestore(PyObject state)
    {
        if (state is not PyTuple { Count: 2 } t)
        {
            throw PyErr.TypeError("_acquire_restore() argument must be a tuple of 2 items");
        }
        var count = (long)Ops.Index(t.Items[0]).Value;
        var owner = unchecked((ulong)(long)Ops.Index(t.Items[1]).Value);
        _lock.Acquire(null);
        _owner = owner;
        _count = count;
    }

    [PyMethod("_at_fork_reinit")]
    public void AtForkReinit()
    {
        _lock.AtForkReinit();
        _owner = 0;
        _count = 0;
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var owner = _count > 0 ? unchecked((long)_owner) : 0;
        var name = Ops.GetAttr(Type, PyStr.Intern("__qualname__")) is PyStr q ? q.Value : Type.Name;
        var module = Ops.TryGetAttr(Type, PyStr.Intern("__module__")) is PyStr m ? m.Value : "_thread";
        return new($"<{(_count > 0 ? "locked" : "unlocked")} {module}.{name} object owner={owner} count={_count} at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
    }
}

/// <summary><c>_thread._local</c> (threading.local): every thread sees its own attributes. A
/// thread's first access makes its dict and calls the class's <c>__init__</c> with the
/// arguments the object was created with.</summary>
[PyType("_local", Module = "_thread", FromSpec = true, InstanceType = true, Subclassable = true)]
public sealed partial class PyThreadLocal(PyType type, PyObject[] args, PyTuple? kwnames) : PyObject
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ThreadState, PyDict> _dicts = new();

    public override PyType Type => type;

    public override PyDict? InstanceDict
    {
        get
        {
            var ts = ThreadState.Current;
            if (_dicts.TryGetValue(ts, out var dict))
            {
                return dict;
            }
            dict = new PyDict();
            _dicts.AddOrUpdate(ts, dict);
            if (type.Slots.Init is { } init && !ReferenceEquals(type, TypeObject) && HasOwnInit(type))
            {
                init(this, args, kwnames);
            }
            return dict;
        }
    }

    [PyGetter("__dict__")]
    public PyObject Dict => InstanceDict!;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if ((args.Length > 0 || kwnames is { Count: > 0 }) && !HasOwnInit(type))
        {
            throw PyErr.TypeError("Initialization arguments are not supported");
        }
        var local = new PyThreadLocal(type, args.ToArray(), kwnames);
        // The creating thread's dict exists from the start; the call of the class runs its
        // __init__ on it.
        local._dicts.AddOrUpdate(ThreadState.Current, new PyDict());
        return local;
    }

    private static bool HasOwnInit(PyType type) =>
        !ReferenceEquals(type.Lookup(PyStr.Intern("__init__")), PyBaseObject.TypeObject.Lookup(PyStr.Intern("__init__")));

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value)
    {
        if (name.Value == "__dict__")
        {
            var typeName = ReferenceEquals(self.Type, TypeObject) ? "_thread._local" : self.Type.Name;
            throw PyErr.AttributeError($"'{typeName}' object attribute '__dict__' is read-only");
        }
        Ops.GenericSetAttr(self, name, value);
    }
}
