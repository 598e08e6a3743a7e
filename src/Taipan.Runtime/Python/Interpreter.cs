// Python/ceval.c
using System.Runtime.CompilerServices;
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// The bytecode interpreter of CPython 3.11's instruction set.
///
/// One loop runs a chain of frames: a call from Python code to a Python function pushes the
/// callee's frame and continues in the same loop, and its return pops it, so Python recursion
/// does not grow the .NET stack. Calls from C# (a builtin calling back into Python) start a new
/// loop; every loop counts against the recursion limit.
///
/// Errors: an instruction that fails throws <see cref="PyException"/>; the loop catches it once,
/// records the frame in the traceback, and continues at the handler that the code object's
/// exception table gives for the failing instruction, unwinding frames that have none.
/// </summary>
public static partial class Interpreter
{
    /// <summary>Runs a module or class body, or exec/eval code, in the given namespaces.</summary>
    public static PyObject RunCode(PyCode code, PyDict globals, PyDict? locals)
    {
        var frame = new Frame(code, globals, BuiltinsOf(globals), locals ?? globals, null);
        return Execute(frame);
    }

    /// <summary>The builtins namespace of a globals dict (<c>__builtins__</c>, or the builtins
    /// module's dict).</summary>
    public static PyDict BuiltinsOf(PyDict globals)
    {
        if (globals.TryGetValue(PyStr.Intern("__builtins__"), out var b))
        {
            return b switch
            {
                PyModule m => m.Dict,
                PyDict d => d,
                _ => Builtins.Module.Dict,
            };
        }
        return Builtins.Module.Dict;
    }

    /// <summary>Calls a Python function from C#.</summary>
    public static PyObject CallFunction(PyFunction function, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var frame = CreateFrame(function, args, kwnames);
        return Execute(frame);
    }

    /// <summary>Runs a class body with <paramref name="ns"/> as its locals; returns the
    /// <c>__class__</c> cell the body created, if any.</summary>
    public static PyObject? RunClassBody(PyFunction body, PyDict ns)
    {
        var frame = new Frame(body.Code, body.Globals, body.Builtins, ns, body);
        if (body.Closure is { } closure)
        {
            var first = body.Code.Code.LocalsPlusNames.Length - closure.Length;
            closure.CopyTo(frame.Slots, first);
        }
        var result = Execute(frame);
        return result as PyCell;
    }

    private static Frame CreateFrame(PyFunction function, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var code = function.Code;
        if (++code.Warmth == Jit.Threshold)
        {
            TierUp(code);
        }
        var frame = Frame.ForCall(code, function);
        if (kwnames is null && args.Length == code.ExactArgCount)
        {
            // Exactly the positional parameters: binding is a copy.
            args.CopyTo(Unsafe.As<PyObject[]>(frame.Slots));
        }
        else
        {
            ArgumentBinder.Bind(function, frame.Slots, args, kwnames);
        }
        if (function.Closure is { } closure)
        {
            // Through a span: no covariance check per cell.
            var cells = frame.Slots.AsSpan(code.NLocalsPlus - closure.Length, closure.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = closure[i];
            }
        }
        return frame;
    }

    /// <summary>Resumes a generator's frame, optionally raising <paramref name="exception"/> at
    /// the instruction where it is suspended.</summary>
    public static PyObject Resume(Frame frame, PyBaseException? exception) => Execute(frame, exception);

    /// <summary>Runs <paramref name="entry"/> and the frames it calls until it returns.</summary>
    public static PyObject Execute(Frame entry, PyBaseException? pending = null)
    {
        var ts = ThreadState.Current;
        return Execute(entry, pending, ts) ?? throw new PyException(ts.TakeRaised());
    }

    /// <summary>Runs <paramref name="entry"/> until it returns; null when an exception leaves
    /// it, which is then in <see cref="ThreadState.Raised"/> with the frames it left in its
    /// traceback. Callers in compiled code pass it on without a .NET exception.</summary>
    internal static PyObject? Execute(Frame entry, PyBaseException? pending, ThreadState ts)
    {
        // The limit can be raised past what the .NET stack holds (setrecursionlimit(10**6)):
        // running out of stack must still end in RecursionError, never in a killed process.
        if (++ts.RecursionDepth > ThreadState.RecursionLimit || ts.NativeDepth >= ThreadState.MaxNativeDepth
            || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ts.RecursionDepth--;
            throw PyErr.New(PyExc.RecursionError, "maximum recursion depth exceeded");
        }
        ts.NativeDepth++;
        entry.Previous = ts.Frame;
        entry.Suspended = false;
        var frame = entry;
        try
        {
            if (pending is not null)
            {
                if (ts.UseTracing)
                {
                    pending = TraceThrowEntry(entry, pending, ts);
                }
                if (Unwind(frame, entry, ts, ref pending) is not { } handler)
                {
                    ts.Raised = pending;
                    return null;
                }
                frame = handler;
            }
            while (true)
            {
                // An instruction that fails leaves ts.Frame at the frame it ran in.
                try
                {
                    return Run(frame, entry, ts);
                }
                catch (PyException e)
                {
                    var exc = e.Value;
                    if (Unwind(ts.Frame!, entry, ts, ref exc) is not { } handler)
                    {
                        ts.Raised = exc;
                        return null;
                    }
                    frame = handler;
                }
                catch (Exception e) when (IsInternalFault(e))
                {
                    var fault = InternalFault(e, ts.Frame!);
                    if (Unwind(ts.Frame!, entry, ts, ref fault) is not { } handler)
                    {
                        ts.Raised = fault;
                        return null;
                    }
                    frame = handler;
                }
            }
        }
        finally
        {
            ts.Frame = entry.Previous;
            ts.RecursionDepth--;
            ts.NativeDepth--;
            Frame.Release(entry);
        }
    }

    /// <summary>Finds the handler of an exception raised in <paramref name="frame"/>, popping
    /// frames that have none; returns the frame to continue in, or null when the exception
    /// leaves the entry frame.</summary>
    private static Frame? Unwind(Frame frame, Frame entry, ThreadState ts, ref PyBaseException exc, bool fromCallee = false)
    {
        // A re-raise continues the traceback it has; anything else adds this frame to it. An
        // exception from a callee run apart (by compiled code) has its context already.
        var reraise = ts.Reraising;
        ts.Reraising = false;
        if (!reraise && !fromCallee)
        {
            SetContext(exc, ts.HandledException);
        }
        while (true)
        {
            if (!reraise)
            {
                exc.Traceback = new PyTraceback(exc.Traceback as PyTraceback, frame, frame.LastInstruction);
                if (ts.UseTracing)
                {
                    exc = TraceException(frame, exc, ts);
                }
            }
            reraise = false;
            var offset = frame.LastInstruction;
            foreach (var h in frame.Code.Handlers)
            {
                if (offset >= h.Start && offset < h.End)
                {
                    var sp = frame.StackBase + h.Depth;
                    if (h.Depth < 0 || sp + 2 > frame.Slots.Length)
                    {
                        // A damaged exception table: the entry is unusable, the exception goes on.
                        continue;
                    }
                    // The loop does not store its stack pointer on every instruction: whatever
                    // is above the handler's depth goes.
                    Array.Clear(frame.Slots, sp, frame.Slots.Length - sp);
                    if (h.Lasti)
                    {
                        frame.Slots[sp++] = PyInt.From(offset);
                    }
                    frame.Slots[sp++] = exc;
                    frame.StackPointer = sp;
                    frame.NextInstruction = h.Target;
                    return frame;
                }
            }
            if (ts.UseTracing)
            {
                TraceUnwind(frame, ts);
            }
            if (ReferenceEquals(frame, entry))
            {
                return null;
            }
            // The exception leaves this frame: continue in the caller at its CALL.
            ts.RecursionDepth--;
            if (frame.InlineGenerator is { } generator)
            {
                frame.InlineGenerator = null;
                exc = generator.EndInline(ts, exc);
            }
            frame = frame.Previous!;
        }
    }

    /// <summary>Sets <c>__context__</c> to the exception being handled, as raising does in
    /// CPython, cutting any cycle that would create.</summary>
    private static void SetContext(PyBaseException exc, PyBaseException? handled)
    {
        if (handled is null || ReferenceEquals(handled, exc))
        {
            return;
        }
        for (var o = handled; o is not null; o = o.Context)
        {
            if (ReferenceEquals(o.Context, exc))
            {
                o.Context = null;
                break;
            }
        }
        exc.Context = handled;
    }

    /// <summary>The dispatch loop. Returns the entry frame's return value, or null when an
    /// exception handled here without a .NET exception leaves the entry frame (it is then in
    /// <see cref="ThreadState.Raised"/>); throws when an instruction fails, with
    /// <c>frame.LastInstruction</c> at the failing instruction.
    /// Never run unoptimized (Directory.Build.props turns the quick JIT off for methods with
    /// loops): the quick JIT keeps every temporary of a method alive until it returns, which
    /// would keep objects the program dropped from being collected (weak references would not
    /// die at <c>gc.collect()</c>). Not [AggressiveOptimization], which would keep it out of
    /// the ReadyToRun image and cost every start-up 50 ms of JIT.</summary>
    private static PyObject? Run(Frame frame, Frame entry, ThreadState ts)
    {
    load_frame:
        ts.Frame = frame;
        var code = frame.Code;
        if (code.Compiled is not null && !ts.UseTracing)
        {
            if (RunCompiled(frame, ts) is { } returned)
            {
                // Returned, or yielded (the frame is then suspended).
                if (ReferenceEquals(frame, entry))
                {
                    return returned;
                }
                frame = frame.Suspended ? PopGenerator(frame, returned, ts) : PopFrame(frame, returned, ts);
                goto load_frame;
            }
            if (ts.Raised is not null)
            {
                if (UnwindRaised(frame, entry, ts) is not { } handler)
                {
                    return null;
                }
                frame = handler;
                goto load_frame;
            }
            // Otherwise the frame goes on here, where the compiled code left it.
        }
        var units = code.Units;
        var consts = code.Consts;
        var names = code.Names;
        Span<PyObject?> s = frame.Slots;
        var sp = frame.StackPointer;
        var ip = frame.NextInstruction;
        PyTuple? kwnames = null;

        while (true)
        {
            if (ts.UseTracing)
            {
                // The trace function sees the stack (and a jump may pop it).
                frame.StackPointer = sp;
                ip = TraceInstruction(frame, ip, ts);
                sp = frame.StackPointer;
            }
            frame.LastInstruction = ip;
            int unit = units[ip++];
            var op = (Opcode)(unit & 0xFF);
            var arg = unit >> 8;
        dispatch:
            switch (op)
            {
                case Opcode.NOP:
                case Opcode.CACHE:
                    break;

                case Opcode.RESUME:
                    if (Gil.EvalBreaker != 0)
                    {
                        Gil.HandleEvalBreaker(ts);
                    }
                    break;

                case Opcode.EXTENDED_ARG:
                    // The next instruction runs now, with the wider argument (and, as in
                    // CPython, no trace event of its own).
                    frame.LastInstruction = ip;
                    unit = units[ip++];
                    op = (Opcode)(unit & 0xFF);
                    arg = (arg << 8) | (unit >> 8);
                    goto dispatch;

                case Opcode.LOAD_CONST:
                    s[sp++] = consts[arg];
                    break;

                case Opcode.LOAD_FAST:
                    s[sp++] = s[arg] ?? throw UnboundLocal(code, arg);
                    break;

                case Opcode.STORE_FAST:
                    s[arg] = s[--sp];
                    s[sp] = null;
                    break;

                case Opcode.POP_TOP:
                    s[--sp] = null;
                    break;

                case Opcode.PUSH_NULL:
                    s[sp++] = null;
                    break;

                case Opcode.COPY:
                    s[sp] = s[sp - arg];
                    sp++;
                    break;

                case Opcode.SWAP:
                    (s[sp - 1], s[sp - arg]) = (s[sp - arg], s[sp - 1]);
                    break;

                case Opcode.LOAD_GLOBAL:
                {
                    if ((arg & 1) != 0)
                    {
                        s[sp++] = null;
                    }
                    s[sp++] = Specialize.LoadGlobal(frame, code, ip - 1, names[arg >> 1]);
                    ip += 5;
                    break;
                }

                case Opcode.LOAD_NAME:
                    s[sp++] = Specialize.LoadName(frame, code, ip - 1, names[arg]);
                    break;

                case Opcode.STORE_NAME:
                    Specialize.StoreName(frame.Locals!, code, ip - 1, names[arg], s[--sp]!);
                    s[sp] = null;
                    break;

                case Opcode.LOAD_ATTR:
                    s[sp - 1] = Specialize.LoadAttr(s[sp - 1]!, code, ip - 1, names[arg]);
                    ip += 4;
                    break;

                case Opcode.STORE_ATTR:
                    Specialize.StoreAttr(s[sp - 1]!, code, ip - 1, names[arg], s[sp - 2]!);
                    sp -= 2;
                    s[sp] = s[sp + 1] = null;
                    ip += 4;
                    break;

                case Opcode.LOAD_METHOD:
                {
                    var obj = s[sp - 1]!;
                    if (Specialize.TryLoadMethod(obj, code, ip - 1, names[arg], out var method))
                    {
                        s[sp - 1] = method;
                        s[sp++] = obj;
                    }
                    else
                    {
                        s[sp - 1] = null;
                        s[sp++] = method;
                    }
                    ip += 10;
                    break;
                }

                case Opcode.KW_NAMES:
                    kwnames = (PyTuple)consts[arg];
                    break;

                case Opcode.PRECALL:
                {
                    // A bound method in the callable position is split into function and self,
                    // so the call below passes self as the first argument without allocating.
                    if (s[sp - arg - 2] is null && s[sp - arg - 1] is PyMethod m)
                    {
                        s[sp - arg - 2] = m.Function;
                        s[sp - arg - 1] = m.Self;
                    }
                    ip += 1;
                    break;
                }

                case Opcode.CALL:
                {
                    var isMethod = s[sp - arg - 2] is not null;
                    var nargs = arg + (isMethod ? 1 : 0);
                    var callable = s[sp - nargs - 1]!;
                    var argsStart = sp - nargs;
                    var kw = kwnames;
                    kwnames = null;
                    ip += 4;
                    if (callable is PyFunction fn && (fn.Code.Flags & (CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator)) == 0)
                    {
                        // Inline call: the callee's frame runs in this loop.
                        frame = PushCall(frame, fn, s, sp, arg, kw, ip, ts);
                        goto load_frame;
                    }
                    if (callable is PyType cls && kw is null && !isMethod && Specialize.InlineInit(cls, code, ip - 5) is { } init)
                    {
                        frame = PushInit(frame, cls, init, s, sp, arg, ip, ts);
                        goto load_frame;
                    }
                    var result = ts.UseTracing
                        ? ProfiledCall(frame, callable, StackSpan(s, argsStart, nargs), kw, ts)
                        : Ops.Call(callable, StackSpan(s, argsStart, nargs), kw);
                    var bottom = sp - arg - 2;
                    while (sp > bottom)
                    {
                        s[--sp] = null;
                    }
                    s[sp++] = result;
                    // As CPython 3.11 after a call of a C function: a signal that arrived
                    // during the call is handled at its line.
                    if (Gil.EvalBreaker != 0)
                    {
                        Gil.HandleEvalBreaker(ts);
                    }
                    break;
                }

                case Opcode.RETURN_VALUE:
                {
                    var result = s[--sp]!;
                    s[sp] = null;
                    if (ReferenceEquals(frame, entry))
                    {
                        return result;
                    }
                    frame = PopFrame(frame, result, ts);
                    goto load_frame;
                }

                case Opcode.BINARY_OP:
                {
                    var right = s[--sp]!;
                    s[sp] = null;
                    var left = s[sp - 1]!;
                    s[sp - 1] = BinaryOp(left, right, arg);
                    ip += 1;
                    break;
                }

                case Opcode.COMPARE_OP:
                {
                    var right = s[--sp]!;
                    s[sp] = null;
                    var left = s[sp - 1]!;
                    s[sp - 1] = Specialize.Compare(left, right, (CompareOp)arg);
                    ip += 2;
                    break;
                }

                case Opcode.IS_OP:
                {
                    var right = s[--sp];
                    s[sp] = null;
                    s[sp - 1] = PyBool.From(ReferenceEquals(s[sp - 1], right) ^ (arg != 0));
                    break;
                }

                case Opcode.CONTAINS_OP:
                {
                    var container = s[--sp]!;
                    s[sp] = null;
                    s[sp - 1] = PyBool.From(Contains(container, s[sp - 1]!) ^ (arg != 0));
                    break;
                }

                case Opcode.UNARY_NOT:
                    s[sp - 1] = PyBool.From(!Ops.IsTrue(s[sp - 1]!));
                    break;

                case Opcode.UNARY_NEGATIVE:
                    s[sp - 1] = Ops.Negative(s[sp - 1]!);
                    break;

                case Opcode.POP_JUMP_FORWARD_IF_FALSE:
                    if (!IsTrue(s[--sp]!))
                    {
                        ip += arg;
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_FORWARD_IF_TRUE:
                    if (IsTrue(s[--sp]!))
                    {
                        ip += arg;
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_BACKWARD_IF_FALSE:
                    if (!IsTrue(s[--sp]!))
                    {
                        ip -= arg;
                        if (Gil.EvalBreaker != 0)
                        {
                            Gil.HandleEvalBreaker(ts);
                        }
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_BACKWARD_IF_TRUE:
                    if (IsTrue(s[--sp]!))
                    {
                        ip -= arg;
                        if (Gil.EvalBreaker != 0)
                        {
                            Gil.HandleEvalBreaker(ts);
                        }
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_FORWARD_IF_NONE:
                    if (s[--sp] is PyNone)
                    {
                        ip += arg;
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_FORWARD_IF_NOT_NONE:
                    if (s[--sp] is not PyNone)
                    {
                        ip += arg;
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_BACKWARD_IF_NONE:
                    if (s[--sp] is PyNone)
                    {
                        ip -= arg;
                        if (Gil.EvalBreaker != 0)
                        {
                            Gil.HandleEvalBreaker(ts);
                        }
                    }
                    s[sp] = null;
                    break;

                case Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE:
                    if (s[--sp] is not PyNone)
                    {
                        ip -= arg;
                        if (Gil.EvalBreaker != 0)
                        {
                            Gil.HandleEvalBreaker(ts);
                        }
                    }
                    s[sp] = null;
                    break;

                case Opcode.JUMP_IF_FALSE_OR_POP:
                    if (!IsTrue(s[sp - 1]!))
                    {
                        ip += arg;
                    }
                    else
                    {
                        s[--sp] = null;
                    }
                    break;

                case Opcode.JUMP_IF_TRUE_OR_POP:
                    if (IsTrue(s[sp - 1]!))
                    {
                        ip += arg;
                    }
                    else
                    {
                        s[--sp] = null;
                    }
                    break;

                case Opcode.JUMP_FORWARD:
                    ip += arg;
                    break;

                case Opcode.JUMP_BACKWARD:
                    ip -= arg;
                    if (Gil.EvalBreaker != 0)
                    {
                        Gil.HandleEvalBreaker(ts);
                    }
                    if (++code.Warmth >= Jit.Threshold && TierUp(code))
                    {
                        // A hot loop continues in compiled code from its head.
                        frame.NextInstruction = ip;
                        frame.StackPointer = sp;
                        goto load_frame;
                    }
                    break;

                case Opcode.JUMP_BACKWARD_NO_INTERRUPT:
                    ip -= arg;
                    break;

                case Opcode.GET_ITER:
                    s[sp - 1] = Ops.GetIter(s[sp - 1]!);
                    break;

                case Opcode.FOR_ITER:
                {
                    if (s[sp - 1] is PyGenerator && !ts.UseTracing && PushGenerator(frame, sp, ip, arg, ts))
                    {
                        // The generator's frame runs in this loop until it yields or finishes.
                        frame = ts.Frame!;
                        goto load_frame;
                    }
                    var next = s[sp - 1] switch
                    {
                        PyRangeIterator range => range.Next(),
                        PyListIterator list => list.Next(),
                        var iterator => Ops.Next(iterator!),
                    };
                    if (next is not null)
                    {
                        s[sp++] = next;
                    }
                    else
                    {
                        s[--sp] = null;
                        ip += arg;
                    }
                    break;
                }

                case Opcode.BUILD_TUPLE:
                {
                    var items = new PyObject[arg];
                    StackSpan(s, sp - arg, arg).CopyTo(items);
                    ClearStack(s, sp - arg, arg);
                    sp -= arg;
                    s[sp++] = arg == 0 ? PyTuple.Empty : new PyTuple(items);
                    break;
                }

                case Opcode.BUILD_LIST:
                {
                    var list = new PyList(StackSpan(s, sp - arg, arg));
                    ClearStack(s, sp - arg, arg);
                    sp -= arg;
                    s[sp++] = list;
                    break;
                }

                case Opcode.LIST_APPEND:
                    ((PyList)s[sp - 1 - arg]!).Append(s[--sp]!);
                    s[sp] = null;
                    break;

                case Opcode.BINARY_SUBSCR:
                {
                    var key = s[--sp]!;
                    s[sp] = null;
                    var container = s[sp - 1]!;
                    if (container.GetType() == typeof(PyDict))
                    {
                        if (((PyDict)container).TryGetValue(key, out var found))
                        {
                            s[sp - 1] = found;
                            ip += 4;
                            break;
                        }
                        // A miss handled in Python code costs no .NET exception.
                        frame.StackPointer = sp;
                        var keyError = new PyBaseException(PyExc.KeyError, PyTuple.Create(key));
                        if (Unwind(frame, entry, ts, ref keyError) is not { } keyHandler)
                        {
                            ts.Raised = keyError;
                            return null;
                        }
                        frame = keyHandler;
                        goto load_frame;
                    }
                    s[sp - 1] = GetItem(container, key);
                    ip += 4;
                    break;
                }

                case Opcode.STORE_SUBSCR:
                {
                    // Stack: value, container, key.
                    var key = s[sp - 1]!;
                    var container = s[sp - 2]!;
                    SetItem(container, key, s[sp - 3]);
                    sp -= 3;
                    ClearStack(s, sp, 3);
                    ip += 1;
                    break;
                }

                case Opcode.UNPACK_SEQUENCE:
                {
                    var seq = s[--sp]!;
                    Unpack(seq, arg, s, sp);
                    sp += arg;
                    ip += 1;
                    break;
                }

                case Opcode.RAISE_VARARGS:
                {
                    // Raised and handled in Python code: unwind here, without a .NET exception.
                    var raised = Raise(arg, s, sp, ts);
                    // A bare raise re-raises: the traceback already has this frame.
                    ts.Reraising = arg == 0;
                    for (var i = 0; i < arg; i++)
                    {
                        s[--sp] = null;
                    }
                    frame.StackPointer = sp;
                    var raisedValue = raised.Value;
                    if (Unwind(frame, entry, ts, ref raisedValue) is not { } handler)
                    {
                        ts.Raised = raisedValue;
                        return null;
                    }
                    frame = handler;
                    goto load_frame;
                }

                case Opcode.PUSH_EXC_INFO:
                {
                    var value = s[sp - 1]!;
                    s[sp - 1] = (PyObject?)ts.HandledException ?? PyNone.Value;
                    s[sp++] = value;
                    ts.HandledException = value as PyBaseException;
                    break;
                }

                case Opcode.POP_EXCEPT:
                    ts.HandledException = s[--sp] as PyBaseException;
                    s[sp] = null;
                    break;

                case Opcode.CHECK_EXC_MATCH:
                {
                    var match = s[--sp]!;
                    s[sp] = null;
                    s[sp++] = PyBool.From(ExceptionMatches(s[sp - 2]!, match));
                    break;
                }

                case Opcode.RERAISE:
                {
                    // The handler is looked up at this instruction; the saved lasti below the
                    // exception only matters for the frame's line, which the traceback already has.
                    var value = (PyBaseException)s[--sp]!;
                    s[sp] = null;
                    frame.StackPointer = sp;
                    ts.Reraising = true;
                    if (Unwind(frame, entry, ts, ref value) is not { } handler)
                    {
                        ts.Raised = value;
                        return null;
                    }
                    frame = handler;
                    goto load_frame;
                }

                case Opcode.LOAD_DEREF:
                    s[sp++] = ((PyCell)s[arg]!).Contents ?? throw FreeVarError(code, arg);
                    break;

                case Opcode.STORE_DEREF:
                    ((PyCell)s[arg]!).Contents = s[--sp];
                    s[sp] = null;
                    break;

                case Opcode.LOAD_CLOSURE:
                    s[sp++] = s[arg];
                    break;

                case Opcode.RETURN_GENERATOR:
                    // The function's frame becomes the generator's; the caller gets the generator.
                    frame.StackPointer = sp;
                    frame.NextInstruction = ip;
                    return MakeGenerator(frame);

                case Opcode.YIELD_VALUE:
                {
                    var value = s[--sp]!;
                    s[sp] = null;
                    frame.StackPointer = sp;
                    frame.NextInstruction = ip;
                    frame.Suspended = true;
                    if (frame.InlineGenerator is not null)
                    {
                        frame = PopGenerator(frame, value, ts);
                        goto load_frame;
                    }
                    return value;
                }

                case Opcode.END_ASYNC_FOR:
                {
                    var value = (PyBaseException)s[--sp]!;
                    s[sp] = null;
                    if (value.Type.IsSubtypeOf(PyExc.StopAsyncIteration))
                    {
                        s[--sp] = null;
                        break;
                    }
                    frame.StackPointer = sp;
                    ts.Reraising = true;
                    if (Unwind(frame, entry, ts, ref value) is not { } handler)
                    {
                        ts.Raised = value;
                        return null;
                    }
                    frame = handler;
                    goto load_frame;
                }

                case Opcode.SEND:
                {
                    var value = s[--sp]!;
                    s[sp] = null;
                    var receiver = s[sp - 1]!;
                    var (finished, result) = Send(receiver, value);
                    if (finished)
                    {
                        s[sp - 1] = result;
                        ip += arg;
                    }
                    else
                    {
                        s[sp++] = result;
                    }
                    break;
                }

                // Listed so that the switch is one dense jump table.
                case Opcode.DELETE_FAST:
                case Opcode.PRINT_EXPR:
                case Opcode.DELETE_NAME:
                case Opcode.STORE_GLOBAL:
                case Opcode.DELETE_ATTR:
                case Opcode.MAKE_FUNCTION:
                case Opcode.UNARY_POSITIVE:
                case Opcode.UNARY_INVERT:
                case Opcode.BUILD_MAP:
                case Opcode.LIST_EXTEND:
                case Opcode.LIST_TO_TUPLE:
                case Opcode.BUILD_CONST_KEY_MAP:
                case Opcode.DICT_UPDATE:
                case Opcode.DICT_MERGE:
                case Opcode.CALL_FUNCTION_EX:
                case Opcode.FORMAT_VALUE:
                case Opcode.BUILD_STRING:
                case Opcode.DELETE_SUBSCR:
                case Opcode.LOAD_BUILD_CLASS:
                case Opcode.LOAD_CLASSDEREF:
                case Opcode.LOAD_ASSERTION_ERROR:
                case Opcode.MAKE_CELL:
                case Opcode.COPY_FREE_VARS:
                case Opcode.GET_YIELD_FROM_ITER:
                case Opcode.BEFORE_WITH:
                case Opcode.BEFORE_ASYNC_WITH:
                case Opcode.WITH_EXCEPT_START:
                case Opcode.CHECK_EG_MATCH:
                case Opcode.PREP_RERAISE_STAR:
                case Opcode.GET_AWAITABLE:
                case Opcode.GET_AITER:
                case Opcode.GET_ANEXT:
                case Opcode.ASYNC_GEN_WRAP:
                case Opcode.IMPORT_NAME:
                case Opcode.IMPORT_FROM:
                case Opcode.IMPORT_STAR:
                case Opcode.SETUP_ANNOTATIONS:
                case Opcode.DELETE_GLOBAL:
                case Opcode.DELETE_DEREF:
                case Opcode.BUILD_SLICE:
                case Opcode.BUILD_SET:
                case Opcode.SET_ADD:
                case Opcode.SET_UPDATE:
                case Opcode.MAP_ADD:
                case Opcode.UNPACK_EX:
                case Opcode.GET_LEN:
                case Opcode.MATCH_MAPPING:
                case Opcode.MATCH_SEQUENCE:
                case Opcode.MATCH_KEYS:
                case Opcode.MATCH_CLASS:
                default:
                    sp = RunCold(op, arg, frame, s, sp, ts);
                    break;
            }
        }
    }

    /// <summary>CALL of a Python function: its frame, with the arguments taken off the caller's
    /// stack. Not inlined, here and below: in the dispatch loop's own locals, the frames would
    /// stay reachable after they return.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Frame PushCall(Frame caller, PyFunction fn, Span<PyObject?> s, int sp, int arg, PyTuple? kw, int ip, ThreadState ts)
    {
        var nargs = s[sp - arg - 2] is null ? arg : arg + 1;
        var callee = CreateFrame(fn, StackSpan(s, sp - nargs, nargs), kw);
        return Enter(caller, callee, s, sp, sp - arg - 2, ip, ts);
    }

    /// <summary>Makes <paramref name="callee"/> the frame that runs next, above its caller,
    /// whose CALL took the stack down to <paramref name="bottom"/>.</summary>
    private static Frame Enter(Frame caller, Frame callee, Span<PyObject?> s, int sp, int bottom, int ip, ThreadState ts)
    {
        if (++ts.RecursionDepth > ThreadState.RecursionLimit)
        {
            ts.RecursionDepth--;
            throw PyErr.New(PyExc.RecursionError, "maximum recursion depth exceeded");
        }
        while (sp > bottom)
        {
            s[--sp] = null;
        }
        caller.StackPointer = bottom;
        caller.NextInstruction = ip;
        callee.Previous = caller;
        return callee;
    }

    /// <summary>RETURN_VALUE of a frame run inline: the caller, with the result pushed (or, for
    /// a generator run by FOR_ITER, its loop left).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Frame PopFrame(Frame returning, PyObject result, ThreadState ts)
    {
        ts.RecursionDepth--;
        var frame = returning.Previous!;
        if (returning.InlineGenerator is { } generator)
        {
            // The generator finished: FOR_ITER pops the iterator and leaves the loop.
            returning.InlineGenerator = null;
            generator.EndInline(ts, true, result);
            frame.Slots[--frame.StackPointer] = null;
            frame.NextInstruction = returning.InlineExit;
            return frame;
        }
        if (returning.Constructed is { } constructed)
        {
            result = Specialize.InitResult(constructed, result);
        }
        Frame.Release(returning);
        frame.Slots.AsSpan()[frame.StackPointer++] = result;
        return frame;
    }

    /// <summary>FOR_ITER over a generator: pushes its frame to run in this loop (and makes it
    /// the thread's current frame); false when it is running or finished.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool PushGenerator(Frame caller, int sp, int ip, int arg, ThreadState ts)
    {
        var generator = (PyGenerator)caller.Slots[sp - 1]!;
        if (ts.RecursionDepth >= ThreadState.RecursionLimit || generator.BeginInline(ts) is not { } frame)
        {
            return false;
        }
        ts.RecursionDepth++;
        caller.StackPointer = sp;
        caller.NextInstruction = ip;
        frame.Previous = caller;
        frame.InlineGenerator = generator;
        frame.InlineExit = ip + arg;
        ts.Frame = frame;
        return true;
    }

    /// <summary>YIELD_VALUE of a generator run by FOR_ITER: the caller, with the value pushed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Frame PopGenerator(Frame frame, PyObject value, ThreadState ts)
    {
        var generator = frame.InlineGenerator!;
        frame.InlineGenerator = null;
        generator.EndInline(ts, false, null);
        ts.RecursionDepth--;
        var caller = frame.Previous!;
        caller.Slots.AsSpan()[caller.StackPointer++] = value;
        return caller;
    }

    /// <summary>CALL of a plain class: the instance is created, then <c>__init__</c>'s frame is
    /// pushed with it as <c>self</c> and returns it in place of None.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Frame PushInit(Frame frame, PyType cls, PyFunction init, Span<PyObject?> s, int sp, int arg, int ip, ThreadState ts)
    {
        var instance = cls.Slots.New!(cls, StackSpan(s, sp - arg, arg), null);
        // The class's slot becomes self: the arguments of __init__ are then contiguous.
        s[sp - arg - 1] = instance;
        var callee = CreateFrame(init, StackSpan(s, sp - arg - 1, arg + 1), null);
        callee.Constructed = instance;
        return Enter(frame, callee, s, sp, sp - arg - 2, ip, ts);
    }

    /// <summary>Clears <paramref name="count"/> stack slots from <paramref name="start"/>.</summary>
    private static void ClearStack(Span<PyObject?> s, int start, int count)
    {
        // A few slots at a time: a loop costs less than the general clear.
        for (var i = start + count - 1; i >= start; i--)
        {
            s[i] = null;
        }
    }

    /// <summary>Stack slots in use hold objects; the span presents them as non-null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<PyObject> StackSpan(Span<PyObject?> s, int start, int length) =>
        s.Slice(start, length)!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsTrue(PyObject o) =>
        ReferenceEquals(o, PyBool.True) || (!ReferenceEquals(o, PyBool.False) && Ops.IsTrue(o));

    /// <summary><c>PyIter_Send</c>: (false, value) when the receiver yields, (true, value) when
    /// it is exhausted with that return value.</summary>
    private static (bool Finished, PyObject Value) Send(PyObject receiver, PyObject value)
    {
        if (receiver is PyGenBase gen)
        {
            return gen.Resume(value);
        }
        if (value is PyNone && receiver.Type.Slots.IterNext is { } next)
        {
            try
            {
                // A class's __next__ is called itself: its slot reports the end as null, which
                // would lose the StopIteration's value that yield from and await return.
                if (receiver.Type.HasFlag(TypeFlags.HeapType))
                {
                    return (false, Ops.CallMethod(receiver, "__next__"));
                }
                return next(receiver) is { } item ? (false, item) : (true, PyNone.Value);
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
            {
                return (true, PyGenBase.StopIterationValue(e.Value));
            }
        }
        try
        {
            return (false, Ops.CallMethod(receiver, "send", value));
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
            return (true, PyGenBase.StopIterationValue(e.Value));
        }
    }

    private static string CallableName(PyObject? callable) => callable switch
    {
        PyFunction f => f.QualName.Value,
        PyBuiltinFunction b => b.Name,
        _ => callable?.Type.Name ?? "function",
    };

    /// <summary>Calls with a positional tuple and a keyword dict (<c>f(*a, **k)</c>).</summary>
    private static PyObject CallWithDict(PyObject callable, PyTuple positional, PyDict? kwargs)
    {
        if (kwargs is null || kwargs.Count == 0)
        {
            return Ops.Call(callable, positional.Items, null);
        }
        var args = new PyObject[positional.Count + kwargs.Count];
        positional.Items.CopyTo(args);
        var names = new PyObject[kwargs.Count];
        var i = 0;
        foreach (var (k, v) in kwargs.Items())
        {
            names[i] = k as PyStr ?? throw PyErr.TypeError("keywords must be strings");
            args[positional.Count + i++] = v;
        }
        return Ops.Call(callable, args, new PyTuple(names));
    }

    internal static PyException UnboundLocal(PyCode code, int index) =>
        PyErr.New(PyExc.UnboundLocalError, $"cannot access local variable '{code.LocalsPlusNames[index].Value}' where it is not associated with a value");

    private static PyException FreeVarError(PyCode code, int index)
    {
        var e = PyErr.New(PyExc.NameError, $"cannot access free variable '{code.LocalsPlusNames[index].Value}' where it is not associated with a value in enclosing scope");
        e.Value.Members["name"] = code.LocalsPlusNames[index];
        return e;
    }

    internal static PyException NameError(PyStr name)
    {
        var e = PyErr.New(PyExc.NameError, $"name '{name.Value}' is not defined");
        e.Value.Members["name"] = name;
        return e;
    }

    internal static PyObject LoadName(Frame frame, PyStr name)
    {
        var locals = frame.Locals!;
        if (locals.GetType() != typeof(PyDict))
        {
            // A class namespace from __prepare__ may be a dict subclass with its own __getitem__.
            try
            {
                return Ops.GetItem(locals, name);
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.KeyError))
            {
            }
        }
        else if (locals.TryGetValue(name, out var own))
        {
            return own;
        }
        if (frame.Globals.TryGetValue(name, out var v) || frame.Builtins.TryGetValue(name, out v))
        {
            return v;
        }
        throw NameError(name);
    }

    /// <summary>PRINT_EXPR: an expression statement compiled in 'single' mode echoes its value
    /// through <c>sys.displayhook</c>.</summary>
    private static void PrintExpr(PyObject value)
    {
        var hook = SysModule.Get("displayhook") ?? throw PyErr.RuntimeError("lost sys.displayhook");
        Ops.Call(hook, [value], null);
    }

    private static void DeleteName(PyDict locals, PyStr name)
    {
        if (locals.GetType() != typeof(PyDict))
        {
            try
            {
                SetItem(locals, name, null);
                return;
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.KeyError))
            {
                throw NameError(name);
            }
        }
        if (!locals.Remove(name))
        {
            throw NameError(name);
        }
    }

    /// <summary>IMPORT_NAME (import_name): the builtin <c>__import__</c> is called directly, a
    /// replacement through a call.</summary>
    private static PyObject ImportName(Frame frame, PyStr name, PyObject fromlist, PyObject level)
    {
        if (!frame.Builtins.TryGetValue(PyStr.Intern("__import__"), out var import))
        {
            throw PyErr.New(PyExc.ImportError, "__import__ not found");
        }
        if (import is PyBuiltinFunction { Name: "__import__", ModuleName: "builtins" })
        {
            return Import.ImportModuleLevel(name, frame.Globals, fromlist, ArgParse.ToInt(level));
        }
        return Ops.Call(import, [name, frame.Globals, (PyObject?)frame.Locals ?? PyNone.Value, fromlist, level], null);
    }

    /// <summary>SETUP_ANNOTATIONS: a module or class body gets its <c>__annotations__</c> dict.</summary>
    private static void SetupAnnotations(Frame frame)
    {
        var locals = frame.Locals ?? throw PyErr.New(PyExc.SystemError, "no locals found when setting up annotations");
        var key = PyStr.Intern("__annotations__");
        if (!locals.ContainsKey(key))
        {
            locals.SetItem(key, new PyDict());
        }
    }

    /// <summary><c>_PyObject_GetMethod</c>: true with the plain function when the attribute is
    /// a method that would be bound to <paramref name="obj"/>, so the call can pass obj itself.</summary>
    internal static bool TryLoadMethod(PyObject obj, PyStr name, out PyObject method)
    {
        var type = obj.Type;
        if (type.Slots.GetAttr is { } getattr && ReferenceEquals(getattr, PyBaseObject.TypeObject.Slots.GetAttr))
        {
            var descr = type.Lookup(name);
            if (descr is PyFunction or PyMethodDescriptor && obj is not PyType)
            {
                if (obj.InstanceDict is not { } dict || !dict.TryGetValue(name, out var shadow))
                {
                    method = descr;
                    return true;
                }
                method = shadow;
                return false;
            }
        }
        method = Ops.GetAttr(obj, name);
        return false;
    }

    /// <summary>BINARY_OP: 64-bit int and float arithmetic inline (exact types only, so
    /// subclasses keep their own methods), everything else through the number protocol. Types
    /// are tested by exact class first: <c>is PyInt</c> on a float walks its class hierarchy.</summary>
    internal static PyObject BinaryOp(PyObject left, PyObject right, int op)
    {
        if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyInt))
        {
            var a = Unsafe.As<PyInt>(left);
            var b = Unsafe.As<PyInt>(right);
            if (a.IsSmall && b.IsSmall && Specialize.IntOp(a.Small, b.Small, op) is { } r)
            {
                return r;
            }
        }
        else if (left.GetType() == typeof(PyFloat))
        {
            if (right.GetType() == typeof(PyFloat))
            {
                if (Specialize.FloatOp(Unsafe.As<PyFloat>(left).Value, Unsafe.As<PyFloat>(right).Value, op) is { } r)
                {
                    return r;
                }
            }
            else if (right.GetType() == typeof(PyInt) && Unsafe.As<PyInt>(right).IsSmall)
            {
                // float_add and friends convert the int with PyLong_AsDouble: correctly rounded.
                if (Specialize.FloatOp(Unsafe.As<PyFloat>(left).Value, Unsafe.As<PyInt>(right).Small, op) is { } r)
                {
                    return r;
                }
            }
        }
        else if (left.GetType() == typeof(PyInt) && right.GetType() == typeof(PyFloat) && Unsafe.As<PyInt>(left).IsSmall)
        {
            if (Specialize.FloatOp(Unsafe.As<PyInt>(left).Small, Unsafe.As<PyFloat>(right).Value, op) is { } r)
            {
                return r;
            }
        }
        return op switch
        {
            13 or 18 or 23 or 14 or 20 or 25 => InPlaceOp(left, right, op),
            0 => Ops.Add(left, right),
            10 => Ops.Subtract(left, right),
            5 => Ops.Multiply(left, right),
            2 or 15 => Ops.FloorDivide(left, right),
            6 or 19 => Ops.Remainder(left, right),
            11 or 24 => Ops.TrueDivide(left, right),
            1 => Ops.And(left, right),
            7 => Ops.Or(left, right),
            12 => Ops.Xor(left, right),
            3 or 16 => Ops.LShift(left, right),
            9 or 22 => Ops.RShift(left, right),
            4 or 17 => Ops.MatrixMultiply(left, right),
            _ => Number.Power(left, right, PyNone.Value),
        };
    }

    private static bool Contains(PyObject container, PyObject item) => Ops.Contains(container, item);

    private static PyObject GetItem(PyObject container, PyObject key) => Ops.GetItem(container, key);

    internal static void SetItem(PyObject container, PyObject key, PyObject? value)
    {
        if (container.Type.Slots.SetItem is { } set)
        {
            set(container, key, value);
            return;
        }
        throw PyErr.TypeError(value is null
            ? $"'{container.Type.Name}' object doesn't support item deletion"
            : $"'{container.Type.Name}' object does not support item assignment");
    }

    /// <summary>UNPACK_SEQUENCE: the items are pushed so the first ends on top of the stack.</summary>
    private static void Unpack(PyObject seq, int count, Span<PyObject?> s, int sp)
    {
        var items = new List<PyObject>(count);
        if (seq.Type.Slots.Iter is null && seq.Type.Slots.GetItem is null)
        {
            throw PyErr.TypeError($"cannot unpack non-iterable {seq.Type.Name} object");
        }
        var it = Ops.GetIter(seq);
        while (Ops.Next(it) is { } item)
        {
            if (items.Count == count)
            {
                throw PyErr.ValueError($"too many values to unpack (expected {count})");
            }
            items.Add(item);
        }
        if (items.Count < count)
        {
            throw PyErr.ValueError($"not enough values to unpack (expected {count}, got {items.Count})");
        }
        for (var i = 0; i < count; i++)
        {
            s[sp + i] = items[count - 1 - i];
        }
    }

    private static PyException Raise(int argc, Span<PyObject?> s, int sp, ThreadState ts)
    {
        if (argc == 0)
        {
            return ts.HandledException is { } current
                ? new PyException(current)
                : PyErr.RuntimeError("No active exception to reraise");
        }
        PyObject? cause = argc == 2 ? s[--sp] : null;
        var exc = MakeException(s[--sp]!);
        if (cause is not null)
        {
            exc.Cause = cause switch
            {
                PyNone => null,
                PyBaseException => MakeException(cause),
                PyType t when t.IsSubtypeOf(PyExc.BaseException) => MakeException(cause),
                _ => throw PyErr.TypeError("exception causes must derive from BaseException"),
            };
            exc.SuppressContext = true;
        }
        return new PyException(exc);
    }

    private static PyBaseException MakeException(PyObject o)
    {
        if (o is PyBaseException e)
        {
            return e;
        }
        if (o is PyType t && t.IsSubtypeOf(PyExc.BaseException))
        {
            return Ops.Call(t, [], null) as PyBaseException
                ?? throw PyErr.TypeError($"calling {t.Name} should have returned an instance of BaseException, not {t.Name}");
        }
        throw PyErr.TypeError("exceptions must derive from BaseException");
    }

    private static bool ExceptionMatches(PyObject exc, PyObject match)
    {
        if (match is PyTuple tuple)
        {
            foreach (var m in tuple.Items)
            {
                if (ExceptionMatches(exc, m))
                {
                    return true;
                }
            }
            return false;
        }
        if (match is not PyType t || !t.IsSubtypeOf(PyExc.BaseException))
        {
            throw PyErr.TypeError("catching classes that do not inherit from BaseException is not allowed");
        }
        return exc.Type.IsSubtypeOf(t);
    }
}
