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
                code.Warmth = int.MinValue;
                return false;
            }
        }
        return true;
    }

    /// <summary>Runs the frame's compiled code from where the frame stands. Out of line, so
    /// the dispatch loop's locals hold nothing of it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject? RunCompiled(Frame frame, ThreadState ts) => frame.Code.Compiled!(frame, ts);

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
        var s = frame.Slots;
        var nargs = s[bottom] is null ? arg : arg + 1;
        var sp = bottom + arg + 2;
        var callable = s[sp - nargs - 1]!;
        var args = StackSpan(s, sp - nargs, nargs);
        PyObject? result;
        if (callable is PyFunction fn && (fn.Code.Flags & GeneratorFlags) == 0)
        {
            var callee = CreateFrame(fn, args, kw);
            Array.Clear(s, bottom, sp - bottom);
            result = Execute(callee, null, ts);
            if (result is null)
            {
                ts.RaisedInCallee = true;
                return 1;
            }
        }
        else
        {
            result = Ops.Call(callable, args, kw);
            Array.Clear(s, bottom, sp - bottom);
        }
        s[bottom] = result;
        if (Gil.EvalBreaker != 0)
        {
            Gil.HandleEvalBreaker(ts);
        }
        return ts.UseTracing ? 2 : 0;
    }

    internal static void JitLoadMethod(PyObject?[] s, int top, PyCode code, int index, PyStr name)
    {
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

    internal static void JitPrecall(PyObject?[] s, int bottom)
    {
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
    internal static PyObject? JitNext(PyObject iterator) => iterator switch
    {
        PyRangeIterator range => range.Next(),
        PyListIterator list => list.Next(),
        _ => Ops.Next(iterator),
    };

    internal static void JitBuildTuple(PyObject?[] s, int start, int count)
    {
        if (count == 0)
        {
            s[start] = PyTuple.Empty;
            return;
        }
        var items = new PyObject[count];
        StackSpan(s, start, count).CopyTo(items);
        Array.Clear(s, start, count);
        s[start] = new PyTuple(items);
    }

    internal static void JitBuildList(PyObject?[] s, int start, int count)
    {
        var list = new PyList(StackSpan(s, start, count));
        Array.Clear(s, start, count);
        s[start] = list;
    }

    /// <summary>BINARY_SUBSCR; false when a dict lookup missed (the KeyError is then in
    /// <see cref="ThreadState.Raised"/>, made without a .NET exception).</summary>
    internal static bool JitSubscr(ThreadState ts, PyObject?[] s, int top)
    {
        var key = s[top]!;
        var container = s[top - 1]!;
        if (container.GetType() == typeof(PyDict))
        {
            if (!((PyDict)container).TryGetValue(key, out var found))
            {
                ts.Raised = new PyBaseException(PyExc.KeyError, PyTuple.Create(key));
                return false;
            }
            s[top - 1] = found;
        }
        else
        {
            s[top - 1] = GetItem(container, key);
        }
        s[top] = null;
        return true;
    }

    internal static PyObject JitLoadDeref(PyObject cell, PyCode code, int index) =>
        ((PyCell)cell).Contents ?? throw FreeVarError(code, index);

    internal static void JitUnpack(PyObject?[] s, int top, int count)
    {
        var seq = s[top]!;
        s[top] = null;
        Unpack(seq, count, s, top);
    }

    internal static void JitPushExcInfo(ThreadState ts, PyObject?[] s, int top)
    {
        var value = s[top]!;
        s[top] = (PyObject?)ts.HandledException ?? PyNone.Value;
        s[top + 1] = value;
        ts.HandledException = value as PyBaseException;
    }

    internal static void JitPopExcept(ThreadState ts, PyObject?[] s, int top)
    {
        ts.HandledException = s[top] as PyBaseException;
        s[top] = null;
    }

    internal static void JitCheckExcMatch(ThreadState ts, PyObject?[] s, int top)
    {
        var match = s[top]!;
        s[top] = PyBool.From(ExceptionMatches(s[top - 1]!, match));
    }
}
