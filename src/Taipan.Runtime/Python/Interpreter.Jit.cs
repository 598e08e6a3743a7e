// Python/ceval.c (the operations compiled code calls; see Jit.cs)
using System.Runtime.CompilerServices;
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// Where the interpreter and compiled code meet: tiering up, entering compiled code, taking an
/// exception back from it, and the operations its instructions call, each what the
/// interpreter's arm for the instruction does, on the frame's slots at fixed positions.
/// </summary>
public static partial class Interpreter
{
    /// <summary>How deep compiled code nests calls on the .NET stack; deeper, a call is left to
    /// the interpreter, whose calls do not nest.</summary>
    private const int JitMaxNativeDepth = 200;

    private const CodeFlags GeneratorFlags = CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator;

    /// <summary>Compiles a code object found hot (once); true when it has compiled code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TierUp(PyCode code)
    {
        if (code.Compiled is null)
        {
            code.Compiled = Jit.Compile(code);
            if (code.Compiled is null)
            {
                // Not compilable: never counted again.
                Reject(code);
                return false;
            }
        }
        return true;
    }

    /// <summary>Runs the frame's compiled code from where the frame stands. Out of line, so
    /// the dispatch loop's locals hold nothing of it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject? RunCompiled(Frame frame, ThreadState ts)
    {
        try
        {
            return frame.Code.Compiled!(frame, ts);
        }
        catch (InvalidProgramException)
        {
            Reject(frame.Code);
            return null;
        }
    }

    /// <summary>Compiled code the .NET JIT refused (a fault of the IL compiler): it is thrown
    /// before the method runs, so the frame is as it was, and stays in the interpreter.</summary>
    private static void Reject(PyCode code)
    {
        code.Compiled = null;
        code.Warmth = int.MinValue;
    }

    /// <summary>The exception compiled code handed back, raised at the frame's instruction:
    /// the frame to continue in, or null when it leaves the entry frame (then in
    /// <see cref="ThreadState.Raised"/> again).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Frame? UnwindRaised(Frame frame, Frame entry, ThreadState ts)
    {
        var exc = ts.TakeRaised();
        var fromCallee = ts.RaisedInCallee;
        ts.RaisedInCallee = false;
        var handler = Unwind(frame, entry, ts, ref exc, fromCallee);
        if (handler is null)
        {
            ts.Raised = exc;
        }
        return handler;
    }

    /// <summary>CALL: 0 with the result at <paramref name="bottom"/>; 1 when the callee raised
    /// (the exception in <see cref="ThreadState.Raised"/>); 2 when the frame must go on in the
    /// interpreter after the call (tracing began); 3 when the interpreter must make the call
    /// (tracing, or calls nested deep on the .NET stack).</summary>
    internal static int JitCall(Frame frame, ThreadState ts, int bottom, int arg, PyTuple? kw)
    {
        if (ts.UseTracing || ts.NativeDepth >= JitMaxNativeDepth)
        {
            return 3;
        }
        Span<PyObject?> s = frame.Slots;
        var isMethod = s[bottom] is not null;
        var nargs = isMethod ? arg + 1 : arg;
        var sp = bottom + arg + 2;
        var callable = s[sp - nargs - 1]!;
        var args = StackSpan(s, sp - nargs, nargs);
        PyObject? result;
        if (callable is PyFunction fn && (fn.Code.Flags & GeneratorFlags) == 0)
        {
            var callee = CreateFrame(fn, args, kw);
            ClearStack(s, bottom, sp - bottom);
            result = RunCallee(callee, ts);
        }
        else if (ReferenceEquals(callable, PyStr.TypeObject) && nargs == 1 && kw is null)
        {
            // str(x): what str's tp_new makes of one argument (its tp_init is object's).
            result = Ops.Str(args[0]);
            ClearStack(s, bottom, sp - bottom);
        }
        else if (callable is PyType cls && kw is null && !isMethod && Specialize.InlineInit(cls, frame.Code, frame.LastInstruction) is { } init)
        {
            // A class whose __init__ is a Python function: the instance is made here and
            // __init__ runs as a call of its own.
            var instance = cls.Slots.New!(cls, args, null);
            s[bottom + 1] = instance;
            var callee = CreateFrame(init, StackSpan(s, bottom + 1, arg + 1), null);
            ClearStack(s, bottom, sp - bottom);
            result = RunCallee(callee, ts);
            if (result is not null)
            {
                result = Specialize.InitResult(instance, result);
            }
        }
        else
        {
            result = Ops.Call(callable, args, kw);
            ClearStack(s, bottom, sp - bottom);
        }
        if (result is null)
        {
            ts.RaisedInCallee = true;
            return 1;
        }
        s[bottom] = result;
        if (Gil.EvalBreaker != 0)
        {
            Gil.HandleEvalBreaker(ts);
        }
        return ts.UseTracing ? 2 : 0;
    }

    /// <summary>Runs a callee of compiled code: its compiled code directly when it has some, an
    /// interpreter loop otherwise, or when the compiled code hands the frame back. Null when an
    /// exception leaves the callee (then in <see cref="ThreadState.Raised"/>).</summary>
    private static PyObject? RunCallee(Frame callee, ThreadState ts)
    {
        if (callee.Code.Compiled is not { } compiled)
        {
            return Execute(callee, null, ts);
        }
        if (++ts.RecursionDepth > ThreadState.RecursionLimit)
        {
            ts.RecursionDepth--;
            throw PyErr.New(PyExc.RecursionError, "maximum recursion depth exceeded");
        }
        ts.NativeDepth++;
        var caller = ts.Frame;
        callee.Previous = caller;
        ts.Frame = callee;
        PyObject? result = null;
        PyBaseException? exc = null;
        var fromCallee = false;
        try
        {
            result = compiled(callee, ts);
            if (result is null && ts.Raised is not null)
            {
                exc = ts.TakeRaised();
                fromCallee = ts.RaisedInCallee;
                ts.RaisedInCallee = false;
            }
        }
        catch (PyException e)
        {
            exc = e.Value;
        }
        catch (InvalidProgramException)
        {
            Reject(callee.Code);
        }
        catch (Exception e) when (IsInternalFault(e))
        {
            exc = InternalFault(e, callee);
        }
        finally
        {
            ts.Frame = caller;
            ts.NativeDepth--;
            ts.RecursionDepth--;
        }
        if (result is not null)
        {
            Frame.Release(callee);
            return result;
        }
        if (exc is not null && Unwind(callee, callee, ts, ref exc, fromCallee) is null)
        {
            ts.Raised = exc;
            return null;
        }
        // Handed back, or handled in the callee: an interpreter loop takes it from there.
        return Execute(callee, null, ts);
    }

    // ---- BINARY_OP and COMPARE_OP: the operation fixed, ints and floats inline ----

    internal static PyObject JitAdd(PyObject left, PyObject right, int op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt))
        {
            if (BothSmall(left, right, out var x, out var y))
            {
                var r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0)
                {
                    return PyInt.From(r);
                }
            }
        }
        else if (left.GetType() == typeof(PyFloat) && right.GetType() == typeof(PyFloat))
        {
            return new PyFloat(Unsafe.As<PyFloat>(left).Value + Unsafe.As<PyFloat>(right).Value);
        }
        return BinaryOp(left, right, op);
    }

    internal static PyObject JitSubtract(PyObject left, PyObject right, int op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt))
        {
            if (BothSmall(left, right, out var x, out var y))
            {
                var r = x - y;
                if (((x ^ y) & (x ^ r)) >= 0)
                {
                    return PyInt.From(r);
                }
            }
        }
        else if (left.GetType() == typeof(PyFloat) && right.GetType() == typeof(PyFloat))
        {
            return new PyFloat(Unsafe.As<PyFloat>(left).Value - Unsafe.As<PyFloat>(right).Value);
        }
        return BinaryOp(left, right, op);
    }

    internal static PyObject JitMultiply(PyObject left, PyObject right, int op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt))
        {
            if (BothSmall(left, right, out var x, out var y))
            {
                var hi = Math.BigMul(x, y, out var lo);
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
                {
                    return PyInt.From(lo);
                }
            }
        }
        else if (left.GetType() == typeof(PyFloat) && right.GetType() == typeof(PyFloat))
        {
            return new PyFloat(Unsafe.As<PyFloat>(left).Value * Unsafe.As<PyFloat>(right).Value);
        }
        return BinaryOp(left, right, op);
    }

    internal static PyObject JitRemainder(PyObject left, PyObject right, int op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt) && BothSmall(left, right, out var x, out var y)
            && y > 0)
        {
            // Python's remainder has the divisor's sign.
            var m = x % y;
            return PyInt.From(m < 0 ? m + y : m);
        }
        return BinaryOp(left, right, op);
    }

    internal static PyObject JitFloorDivide(PyObject left, PyObject right, int op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt) && BothSmall(left, right, out var x, out var y)
            && y > 0)
        {
            // Python floors: a quotient with a remainder of the other sign moves down.
            var q = x / y;
            return PyInt.From(x % y < 0 ? q - 1 : q);
        }
        return BinaryOp(left, right, op);
    }

    internal static PyObject JitTrueDivide(PyObject left, PyObject right, int op) =>
        left.GetType() == typeof(PyFloat) && right.GetType() == typeof(PyFloat) && Unsafe.As<PyFloat>(right).Value != 0
            ? new PyFloat(Unsafe.As<PyFloat>(left).Value / Unsafe.As<PyFloat>(right).Value)
            : BinaryOp(left, right, op);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool BothSmall(PyObject left, PyObject right, out long x, out long y)
    {
        var a = Unsafe.As<PyInt>(left);
        var b = Unsafe.As<PyInt>(right);
        x = a.Small;
        y = b.Small;
        return a.IsSmall && b.IsSmall;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SmallInts(PyObject left, PyObject right, out long x, out long y)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt))
        {
            return BothSmall(left, right, out x, out y);
        }
        x = y = 0;
        return false;
    }

    private static bool CompareSlow(PyObject left, PyObject right, CompareOp op) => IsTrue(Specialize.Compare(left, right, op));

    internal static bool JitLt(PyObject left, PyObject right) =>
        SmallInts(left, right, out var x, out var y) ? x < y : CompareSlow(left, right, CompareOp.Lt);

    internal static bool JitLe(PyObject left, PyObject right) =>
        SmallInts(left, right, out var x, out var y) ? x <= y : CompareSlow(left, right, CompareOp.Le);

    internal static bool JitEq(PyObject left, PyObject right) =>
        SmallInts(left, right, out var x, out var y) ? x == y : CompareSlow(left, right, CompareOp.Eq);

    internal static bool JitNe(PyObject left, PyObject right) =>
        SmallInts(left, right, out var x, out var y) ? x != y : CompareSlow(left, right, CompareOp.Ne);

    internal static bool JitGt(PyObject left, PyObject right) =>
        SmallInts(left, right, out var x, out var y) ? x > y : CompareSlow(left, right, CompareOp.Gt);

    internal static bool JitGe(PyObject left, PyObject right) =>
        SmallInts(left, right, out var x, out var y) ? x >= y : CompareSlow(left, right, CompareOp.Ge);

    internal static void JitLoadMethod(PyObject?[] slots, int top, PyCode code, int index, PyStr name)
    {
        Span<PyObject?> s = slots;
        var obj = s[top]!;
        if (Specialize.TryLoadMethod(obj, code, index, name, out var method))
        {
            s[top] = method;
            s[top + 1] = obj;
        }
        else
        {
            s[top] = null;
            s[top + 1] = method;
        }
    }

    internal static void JitPrecall(PyObject?[] slots, int bottom)
    {
        Span<PyObject?> s = slots;
        if (s[bottom] is null && s[bottom + 1] is PyMethod m)
        {
            s[bottom] = m.Function;
            s[bottom + 1] = m.Self;
        }
    }

    internal static PyObject JitIs(PyObject left, PyObject right, int invert) =>
        PyBool.From(ReferenceEquals(left, right) ^ (invert != 0));

    internal static PyObject JitContains(PyObject item, PyObject container, int invert) =>
        PyBool.From(Contains(container, item) ^ (invert != 0));

    internal static PyObject JitNot(PyObject value) => PyBool.From(!Ops.IsTrue(value));

    /// <summary>FOR_ITER's step: the next item, or null at the end.</summary>
    internal static PyObject? JitNext(PyObject iterator, ThreadState ts) => iterator switch
    {
        PyRangeIterator range => range.Next(),
        PyListIterator list => list.Next(),
        PyGenerator generator => GeneratorNext(generator, ts),
        _ => Ops.Next(iterator),
    };

    private static PyObject? GeneratorNext(PyGenerator generator, ThreadState ts) =>
        TryNextNested(generator, ts, out var value) ? value : Ops.Next(generator);

    /// <summary>A generator's next step, its frame run nested here as a callee (its compiled
    /// code's yield returns straight here): the value yielded, or null when it returned. False
    /// when it is not run so (running or finished, tracing, calls nested deep): the
    /// generator's own resumption then applies.</summary>
    internal static bool TryNextNested(PyGenerator generator, ThreadState ts, out PyObject? value)
    {
        value = null;
        if (ts.UseTracing || ts.NativeDepth >= JitMaxNativeDepth || ts.RecursionDepth >= ThreadState.RecursionLimit
            || generator.BeginInline(ts) is not { } frame)
        {
            return false;
        }
        PyObject? result;
        try
        {
            result = RunCallee(frame, ts);
        }
        catch (PyException e)
        {
            // Not entered (no room left on the .NET stack).
            throw new PyException(generator.EndInline(ts, e.Value));
        }
        if (result is null)
        {
            throw new PyException(generator.EndInline(ts, ts.TakeRaised()));
        }
        var finished = !frame.Suspended;
        generator.EndInline(ts, finished, result);
        value = finished ? null : result;
        return true;
    }

    internal static void JitBuildTuple(PyObject?[] slots, int start, int count)
    {
        Span<PyObject?> s = slots;
        if (count == 0)
        {
            s[start] = PyTuple.Empty;
            return;
        }
        var items = new PyObject[count];
        StackSpan(s, start, count).CopyTo(items);
        ClearStack(s, start, count);
        s[start] = new PyTuple(items);
    }

    internal static void JitBuildList(PyObject?[] slots, int start, int count)
    {
        Span<PyObject?> s = slots;
        var list = new PyList(StackSpan(s, start, count));
        ClearStack(s, start, count);
        s[start] = list;
    }

    /// <summary>BINARY_SUBSCR; null when a dict lookup missed (the KeyError is then in
    /// <see cref="ThreadState.Raised"/>, made without a .NET exception).</summary>
    internal static PyObject? JitSubscr(ThreadState ts, PyObject container, PyObject key)
    {
        if (container.GetType() != typeof(PyDict))
        {
            return GetItem(container, key);
        }
        if (((PyDict)container).TryGetValue(key, out var found))
        {
            return found;
        }
        ts.Raised = new PyBaseException(PyExc.KeyError, PyTuple.Create(key));
        return null;
    }

    internal static PyObject JitLoadDeref(PyObject cell, PyCode code, int index) =>
        ((PyCell)cell).Contents ?? throw FreeVarError(code, index);

    internal static void JitUnpack(PyObject?[] slots, int top, int count)
    {
        Span<PyObject?> s = slots;
        var seq = s[top]!;
        s[top] = null;
        Unpack(seq, count, s, top);
    }

    internal static void JitPushExcInfo(ThreadState ts, PyObject?[] slots, int top)
    {
        Span<PyObject?> s = slots;
        var value = s[top]!;
        s[top] = (PyObject?)ts.HandledException ?? PyNone.Value;
        s[top + 1] = value;
        ts.HandledException = value as PyBaseException;
    }

    internal static void JitPopExcept(ThreadState ts, PyObject?[] slots, int top)
    {
        Span<PyObject?> s = slots;
        ts.HandledException = s[top] as PyBaseException;
        s[top] = null;
    }

    internal static void JitCheckExcMatch(ThreadState ts, PyObject?[] slots, int top)
    {
        Span<PyObject?> s = slots;
        var match = s[top]!;
        s[top] = PyBool.From(ExceptionMatches(s[top - 1]!, match));
    }
}
