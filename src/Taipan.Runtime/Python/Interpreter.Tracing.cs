// Python/ceval.c (tracing and profiling: call_trace, maybe_call_line_trace, C_TRACE)
using System.Runtime.CompilerServices;
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// <c>sys.settrace</c> and <c>sys.setprofile</c> as CPython 3.11 runs them. The dispatch loop
/// checks <see cref="ThreadState.UseTracing"/> once per instruction and comes here only when it
/// is set: the call event fires at a RESUME (a frame starting or a generator resuming), line
/// and opcode events before the instruction that starts a line (or ends a backward jump), the
/// return event before a RETURN_VALUE or YIELD_VALUE runs, and the exception event and the
/// unwinding return from <see cref="Unwind"/>. Builtin calls are profiled around the call.
/// Everything here is cold: the loop without a trace function runs none of it.
/// </summary>
public static partial class Interpreter
{
    /// <summary>The tracing work before the instruction at <paramref name="ip"/>; returns where
    /// execution continues (another line when the trace function set <c>f_lineno</c>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int TraceInstruction(Frame frame, int ip, ThreadState ts)
    {
        var code = frame.Code;
        var instr = code.Instructions;
        if ((uint)ip >= (uint)(instr.Length / 2))
        {
            // The loop reports the bad position.
            return ip;
        }
        var op = (Opcode)instr[ip * 2];
        var previous = frame.LastInstruction;
        frame.LastInstruction = ip;
        if (op == Opcode.RESUME)
        {
            TraceEvent(ts, frame, "call", PyNone.Value);
            ProfileEvent(ts, frame, "call", PyNone.Value);
            return ip;
        }
        if (ts.TraceFunction is not null && frame.FrameObject is { Trace: not null } f)
        {
            var line = code.LineAt(ip);
            if (line != -1 && f.TraceLines)
            {
                var lastLine = previous <= 0 ? -1 : code.LineAt(previous);
                // Trace a new line, or a backward jump (except the one of a yield from).
                if (line != lastLine || (ip < previous && (Opcode)instr[previous * 2] != Opcode.SEND))
                {
                    f.JumpTarget = -1;
                    TraceEvent(ts, frame, "line", PyNone.Value);
                    if (f.JumpTarget >= 0)
                    {
                        var target = f.JumpTarget;
                        f.JumpTarget = -1;
                        FrameJump.Apply(frame, target);
                        frame.LastInstruction = target;
                        return target;
                    }
                }
            }
            if (f.TraceOpcodes && f.Trace is not null)
            {
                TraceEvent(ts, frame, "opcode", PyNone.Value);
            }
        }
        if (op is Opcode.RETURN_VALUE or Opcode.YIELD_VALUE && frame.StackPointer > frame.StackBase)
        {
            var value = frame.Slots[frame.StackPointer - 1] ?? PyNone.Value;
            TraceEvent(ts, frame, "return", value);
            ProfileEvent(ts, frame, "return", value);
        }
        return ip;
    }

    /// <summary>The exception event of a frame an exception is raised in or passes through;
    /// returns the exception to go on with (the trace function's own, if it raised).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyBaseException TraceException(Frame frame, PyBaseException exc, ThreadState ts)
    {
        try
        {
            TraceEvent(ts, frame, "exception", PyTuple.Create(exc.Type, exc, exc.Traceback ?? PyNone.Value));
            return exc;
        }
        catch (PyException e)
        {
            e.Value.Traceback = new PyTraceback(e.Value.Traceback as PyTraceback, frame, frame.LastInstruction);
            return e.Value;
        }
    }

    /// <summary><c>TRACE_FUNCTION_THROW_ENTRY</c>: a generator resumed by <c>throw()</c> gets
    /// its call event before the exception; returns the exception to raise in it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyBaseException TraceThrowEntry(Frame frame, PyBaseException exc, ThreadState ts)
    {
        try
        {
            TraceEvent(ts, frame, "call", PyNone.Value);
            ProfileEvent(ts, frame, "call", PyNone.Value);
            return exc;
        }
        catch (PyException e)
        {
            return e.Value;
        }
    }

    /// <summary>The return event (with None) of a frame an exception leaves.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TraceUnwind(Frame frame, ThreadState ts)
    {
        try
        {
            TraceEvent(ts, frame, "return", PyNone.Value);
            ProfileEvent(ts, frame, "return", PyNone.Value);
        }
        catch (PyException)
        {
            // The frame is already unwinding: CPython does not let this replace the exception.
        }
    }

    /// <summary><c>trace_call_function</c>: a builtin function or method called while a
    /// profile function is set gets c_call, then c_return or c_exception events.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject ProfiledCall(Frame frame, PyObject callable, ReadOnlySpan<PyObject> args, PyTuple? kwnames, ThreadState ts)
    {
        PyObject? reported = callable switch
        {
            PyBuiltinFunction => callable,
            PyMethodDescriptor d when args.Length > 0 => d.Get(args[0], args[0].Type),
            _ => null,
        };
        if (reported is null || ts.ProfileFunction is null)
        {
            return Ops.Call(callable, args, kwnames);
        }
        ProfileEvent(ts, frame, "c_call", reported);
        PyObject result;
        try
        {
            result = Ops.Call(callable, args, kwnames);
        }
        catch (PyException)
        {
            try
            {
                ProfileEvent(ts, frame, "c_exception", reported);
            }
            catch (PyException)
            {
                // call_trace_protected: the call's own exception is the one that propagates.
            }
            throw;
        }
        ProfileEvent(ts, frame, "c_return", reported);
        return result;
    }

    /// <summary><c>trace_trampoline</c>: the call event goes to <c>sys.settrace</c>'s function,
    /// the others to the frame's <c>f_trace</c>; what the function returns becomes
    /// <c>f_trace</c> unless it is None. A function that raises is removed.</summary>
    private static void TraceEvent(ThreadState ts, Frame frame, string what, PyObject arg)
    {
        if (ts.TraceFunction is not { } global || ts.Tracing > 0)
        {
            return;
        }
        var f = PyFrameObject.Of(frame);
        var callback = what == "call" ? global : f.Trace;
        if (callback is null)
        {
            return;
        }
        PyObject result;
        try
        {
            result = CallTrampoline(ts, callback, f, what, arg);
        }
        catch (PyException)
        {
            ts.SetTrace(null);
            f.Trace = null;
            throw;
        }
        if (result is not PyNone)
        {
            f.Trace = result;
        }
    }

    /// <summary><c>profile_trampoline</c>.</summary>
    private static void ProfileEvent(ThreadState ts, Frame frame, string what, PyObject arg)
    {
        if (ts.ProfileFunction is not { } profile || ts.Tracing > 0)
        {
            return;
        }
        try
        {
            CallTrampoline(ts, profile, PyFrameObject.Of(frame), what, arg);
        }
        catch (PyException)
        {
            ts.SetProfile(null);
            throw;
        }
    }

    /// <summary><c>call_trampoline</c>: the function sees the frame's locals in
    /// <c>f_locals</c>, and what it changes there goes back to the frame; nothing it runs is
    /// traced.</summary>
    private static PyObject CallTrampoline(ThreadState ts, PyObject callback, PyFrameObject f, string what, PyObject arg)
    {
        var outer = ts.TracingWhat;
        ts.TracingWhat = what;
        ts.EnterTracing();
        try
        {
            f.Locals();
            var result = Ops.Call(callback, [f, PyStr.Intern(what), arg], null);
            f.LocalsToFast();
            return result;
        }
        finally
        {
            ts.LeaveTracing();
            ts.TracingWhat = outer;
        }
    }

    /// <summary>.NET exceptions that mean a fault inside the interpreter or a builtin (bad
    /// bytecode indexing past an array, a null where a value was expected, a wrong cast):
    /// they end in a Python SystemError instead of killing the process.</summary>
    private static bool IsInternalFault(Exception e) =>
        e is not PyException and (IndexOutOfRangeException or NullReferenceException or InvalidCastException
            or ArgumentException or InvalidOperationException or KeyNotFoundException or OverflowException
            or DivideByZeroException or FormatException or NotSupportedException or NotImplementedException
            or ArrayTypeMismatchException or RankException or InsufficientExecutionStackException or OutOfMemoryException);

    private static PyBaseException InternalFault(Exception e, Frame frame)
    {
        if (e is InsufficientExecutionStackException)
        {
            return PyBaseException.Create(PyExc.RecursionError, "maximum recursion depth exceeded");
        }
        if (e is OutOfMemoryException)
        {
            return new PyBaseException(PyExc.MemoryError, PyTuple.Empty);
        }
        var code = frame.Code;
        return PyBaseException.Create(PyExc.SystemError,
            $"internal error in code object '{code.Name.Value}' at offset {frame.LastInstruction * 2}: {e.GetType().Name}: {e.Message}");
    }

    /// <summary>An opcode CPython 3.11 does not have: its report on the C stderr, then
    /// SystemError.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyException UnknownOpcode(Frame frame, Opcode op)
    {
        SysModule.FlushStdFiles();
        // CPython reports the line of the instruction before (its prev_instr is not updated).
        Console.Error.Write($"XXX lineno: {frame.Code.LineAt(frame.LastInstruction - 1)}, opcode: {(int)op}\n");
        Console.Error.Flush();
        return PyErr.New(PyExc.SystemError, "unknown opcode");
    }
}
