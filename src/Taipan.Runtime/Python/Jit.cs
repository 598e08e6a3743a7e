// Python/jit.c (CPython 3.13's JIT; here the second tier of the 3.11 interpreter)
using System.Reflection;
using System.Reflection.Emit;
using Taipan.Bytecode;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>A code object compiled to IL: runs <c>frame</c> from <c>frame.NextInstruction</c>.
/// Returns the frame's return value, or null to hand the frame back to the interpreter: at
/// <c>frame.NextInstruction</c> with <c>frame.StackPointer</c>, or, when
/// <see cref="ThreadState.Raised"/> is set, with that exception raised at
/// <c>frame.LastInstruction</c>.</summary>
internal delegate PyObject? CompiledCode(Frame frame, ThreadState ts);

/// <summary>
/// The second tier. A code object the interpreter finds hot (called, or looping, past
/// <see cref="Threshold"/> times) is compiled to a dynamic method, which the .NET JIT turns into
/// machine code: each instruction becomes the interpreter's operation for it, with the stack
/// positions, constants, names and jump targets fixed at compile time, and no dispatch.
///
/// The compiled method keeps the frame exactly as the interpreter does (the same slots, the
/// value stack at the depth the bytecode gives each instruction), so it can be entered at any
/// instruction and can leave at any instruction. An instruction it does not compile, or a case
/// its fast path leaves out, hands the frame back to the interpreter at that instruction, with
/// nothing to rebuild. Tracebacks, frames, exception handling and tracing need nothing new:
/// when tracing is on, frames run in the interpreter.
/// </summary>
internal static class Jit
{
    /// <summary>Calls plus backward jumps after which a code object is compiled;
    /// <c>TAIPAN_JIT_THRESHOLD</c> overrides it (0 or less turns the tier off).</summary>
    public static readonly int Threshold = ReadThreshold();

    /// <summary>Larger code objects stay in the interpreter: the .NET JIT would compile them
    /// slowly, and past its limits without optimizing.</summary>
    private const int MaxUnits = 6000;

    private const CodeFlags NotCompiled = CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator | CodeFlags.IterableCoroutine;

    private static int ReadThreshold()
    {
        var text = Environment.GetEnvironmentVariable("TAIPAN_JIT_THRESHOLD");
        if (text is not null && int.TryParse(text, out var value))
        {
            return value <= 0 ? int.MaxValue : value;
        }
        return 1000;
    }

    /// <summary>Compiles <paramref name="code"/>; null when it has something the tier does not
    /// take (a generator, bytecode whose stack depths do not agree, or size).</summary>
    public static CompiledCode? Compile(PyCode code)
    {
        if ((code.Flags & NotCompiled) != 0 || code.Units.Length > MaxUnits || code.FrameSize == 0)
        {
            return null;
        }
        var instructions = Decode(code);
        if (instructions is null || !StackDepths(code, instructions))
        {
            return null;
        }
        return new Emitter(code, instructions).Emit();
    }

    /// <summary>One instruction: where it starts (its first EXTENDED_ARG), the unit of its
    /// opcode, where the next one starts, and the stack depth before it (-1: unreachable).</summary>
    private struct Instr
    {
        public int Start;
        public int Index;
        public Opcode Op;
        public int Arg;
        public int Next;
        public int Target;
        public int Depth;
    }

    private static Instr[]? Decode(PyCode code)
    {
        var units = code.Units;
        var list = new List<Instr>();
        var i = 0;
        while (i < units.Length)
        {
            var start = i;
            var arg = 0;
            Opcode op;
            while (true)
            {
                op = (Opcode)(units[i] & 0xFF);
                arg = (arg << 8) | (units[i] >> 8);
                if (op != Opcode.EXTENDED_ARG)
                {
                    break;
                }
                if (++i == units.Length)
                {
                    return null;
                }
            }
            if (OpcodeInfo.Get((int)op) is not { IsPseudo: false, IsSpecialized: false } info)
            {
                return null;
            }
            var next = i + 1 + info.CacheEntries;
            var target = info.Jump switch
            {
                JumpKind.Forward => next + arg,
                JumpKind.Backward => next - arg,
                _ => -1,
            };
            if (next > units.Length || (info.Jump != JumpKind.None && (uint)target >= (uint)units.Length))
            {
                return null;
            }
            list.Add(new Instr { Start = start, Index = i, Op = op, Arg = arg, Next = next, Target = target, Depth = -1 });
            i = next;
        }
        return [.. list];
    }

    /// <summary>The stack depth before each instruction, as the interpreter has it at run time;
    /// false when the bytecode does not give every instruction one depth within the frame.</summary>
    private static bool StackDepths(PyCode code, Instr[] instructions)
    {
        var byStart = new int[code.Units.Length + 1];
        Array.Fill(byStart, -1);
        for (var k = 0; k < instructions.Length; k++)
        {
            byStart[instructions[k].Start] = k;
        }
        var stackSize = code.FrameSize - code.NLocalsPlus;
        var work = new Stack<int>();
        bool Reach(int unit, int depth)
        {
            var k = byStart[unit];
            if (k < 0 || depth < 0 || depth > stackSize)
            {
                return false;
            }
            if (instructions[k].Depth == -1)
            {
                instructions[k].Depth = depth;
                work.Push(k);
                return true;
            }
            return instructions[k].Depth == depth;
        }
        if (!Reach(0, 0))
        {
            return false;
        }
        foreach (var h in code.Handlers)
        {
            if ((uint)h.Target >= (uint)code.Units.Length || !Reach(h.Target, h.Depth + (h.Lasti ? 2 : 1)))
            {
                return false;
            }
        }
        while (work.Count > 0)
        {
            var k = work.Pop();
            var instr = instructions[k];
            var info = OpcodeInfo.Get(instr.Op);
            if (instr.Target >= 0 && !Reach(instr.Target, instr.Depth + Effect(instr, jump: true)))
            {
                return false;
            }
            if (!info.IsUnconditionalJump && !info.IsScopeExit
                && (instr.Next >= code.Units.Length || !Reach(instr.Next, instr.Depth + Effect(instr, jump: false))))
            {
                // Falling off the end of the code is bad bytecode: the interpreter's business.
                if (instr.Next >= code.Units.Length)
                {
                    return false;
                }
                return false;
            }
        }
        return true;
    }

    /// <summary>The stack effect at run time. CPython's table, for the compiler, counts
    /// PRECALL as taking the arguments; at run time CALL does.</summary>
    private static int Effect(Instr instr, bool jump) => instr.Op switch
    {
        Opcode.PRECALL => 0,
        Opcode.CALL => -instr.Arg - 1,
        _ => OpcodeInfo.StackEffect((int)instr.Op, instr.Arg, jump ? 1 : 0),
    };

    /// <summary>The instructions the interpreter may enter compiled code at: the start, the
    /// handlers, loop heads, and where a frame goes on after a call or a generator's step.</summary>
    private static bool[] EntryPoints(PyCode code, Instr[] instructions)
    {
        var entries = new bool[code.Units.Length + 1];
        entries[0] = true;
        foreach (var h in code.Handlers)
        {
            entries[h.Target] = true;
        }
        foreach (var instr in instructions)
        {
            if (instr.Op is Opcode.JUMP_BACKWARD or Opcode.POP_JUMP_BACKWARD_IF_FALSE or Opcode.POP_JUMP_BACKWARD_IF_TRUE
                or Opcode.POP_JUMP_BACKWARD_IF_NONE or Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE)
            {
                entries[instr.Target] = true;
            }
            else if (instr.Op is Opcode.CALL)
            {
                entries[instr.Next] = true;
            }
            else if (instr.Op is Opcode.FOR_ITER)
            {
                entries[instr.Next] = true;
                entries[instr.Target] = true;
            }
        }
        return entries;
    }

    /// <summary>Writes the IL of one code object.</summary>
    private sealed class Emitter
    {
        private static readonly Type[] s_parameters = [typeof(Frame), typeof(ThreadState)];

        private readonly PyCode _code;
        private readonly Instr[] _instructions;
        private readonly int _base;
        private readonly DynamicMethod _method;
        private readonly ILGenerator _il;
        private readonly Label[] _labels;
        private readonly LocalBuilder _slots;
        private readonly LocalBuilder _consts;
        private readonly LocalBuilder _names;
        private readonly LocalBuilder _codeLocal;
        private readonly LocalBuilder _value;
        private readonly LocalBuilder _exitIp;
        private readonly LocalBuilder _exitSp;
        private readonly Label _exit;
        private readonly Label _leave;
        private readonly List<(Label Label, int Ip, int Sp)> _exits = [];
        private int _kwnames = -1;

        public Emitter(PyCode code, Instr[] instructions)
        {
            _code = code;
            _instructions = instructions;
            _base = code.NLocalsPlus;
            _method = new DynamicMethod(code.QualName.Value, typeof(PyObject), s_parameters, typeof(Jit).Module, skipVisibility: true);
            _il = _method.GetILGenerator(64 + instructions.Length * 32);
            _labels = new Label[code.Units.Length + 1];
            _slots = _il.DeclareLocal(typeof(PyObject).MakeByRefType());
            _consts = _il.DeclareLocal(typeof(PyObject[]));
            _names = _il.DeclareLocal(typeof(PyStr[]));
            _codeLocal = _il.DeclareLocal(typeof(PyCode));
            _value = _il.DeclareLocal(typeof(PyObject));
            _exitIp = _il.DeclareLocal(typeof(int));
            _exitSp = _il.DeclareLocal(typeof(int));
            _exit = _il.DefineLabel();
            _leave = _il.DefineLabel();
        }

        public CompiledCode Emit()
        {
            var il = _il;
            foreach (var instr in _instructions)
            {
                if (instr.Depth >= 0)
                {
                    _labels[instr.Start] = il.DefineLabel();
                }
            }
            // The frame's slots (as a reference to the first, so that stores need no array
            // covariance check), constants and names in locals.
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, R.FrameSlots);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Ldelema, typeof(PyObject));
            il.Emit(OpCodes.Stloc, _slots);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, R.FrameCode);
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Stloc, _codeLocal);
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Call, R.CodeConsts);
            il.Emit(OpCodes.Stloc, _consts);
            il.Emit(OpCodes.Call, R.CodeNames);
            il.Emit(OpCodes.Stloc, _names);

            // The jump to where the interpreter stands. An entry checks the depth the analysis
            // gives it against the frame's (correct bytecode always agrees).
            var entries = EntryPoints(_code, _instructions);
            var stubs = new Label[_code.Units.Length];
            Array.Fill(stubs, _leave);
            var stubList = new List<(Label, Instr)>();
            foreach (var instr in _instructions)
            {
                if (instr.Depth >= 0 && entries[instr.Start])
                {
                    stubs[instr.Start] = il.DefineLabel();
                    stubList.Add((stubs[instr.Start], instr));
                }
            }
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, R.FrameNextInstruction);
            il.Emit(OpCodes.Switch, stubs);
            il.Emit(OpCodes.Br, _leave);
            foreach (var (label, instr) in stubList)
            {
                il.MarkLabel(label);
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldfld, R.FrameStackPointer);
                il.Emit(OpCodes.Ldc_I4, _base + instr.Depth);
                il.Emit(OpCodes.Beq, _labels[instr.Start]);
                il.Emit(OpCodes.Br, _leave);
            }

            foreach (var instr in _instructions)
            {
                if (instr.Depth >= 0)
                {
                    il.MarkLabel(_labels[instr.Start]);
                    EmitInstruction(instr);
                }
            }

            foreach (var (label, ip, sp) in _exits)
            {
                il.MarkLabel(label);
                il.Emit(OpCodes.Ldc_I4, ip);
                il.Emit(OpCodes.Stloc, _exitIp);
                il.Emit(OpCodes.Ldc_I4, sp);
                il.Emit(OpCodes.Stloc, _exitSp);
                il.Emit(OpCodes.Br, _exit);
            }
            // Back to the interpreter, at an instruction and depth.
            il.MarkLabel(_exit);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldloc, _exitIp);
            il.Emit(OpCodes.Stfld, R.FrameNextInstruction);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldloc, _exitSp);
            il.Emit(OpCodes.Stfld, R.FrameStackPointer);
            // Back to the interpreter as the frame stands (or with ts.Raised set).
            il.MarkLabel(_leave);
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ret);
            return (CompiledCode)_method.CreateDelegate(typeof(CompiledCode));
        }

        /// <summary>A label that leaves for the interpreter at <paramref name="ip"/> with the
        /// stack at <paramref name="depth"/>.</summary>
        private Label ExitAt(int ip, int depth)
        {
            var label = _il.DefineLabel();
            _exits.Add((label, ip, _base + depth));
            return label;
        }

        private void EmitInstruction(Instr instr)
        {
            var il = _il;
            var d = instr.Depth;
            var top = _base + d - 1;
            var arg = instr.Arg;
            switch (instr.Op)
            {
                case Opcode.NOP:
                case Opcode.COPY_FREE_VARS:
                    break;

                case Opcode.RESUME:
                    EmitEvalBreaker(instr);
                    break;

                case Opcode.LOAD_CONST:
                    StoreSlot(top + 1, () => LoadConst(arg));
                    break;

                case Opcode.LOAD_FAST:
                {
                    var bound = il.DefineLabel();
                    LoadSlot(arg);
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Brtrue, bound);
                    il.Emit(OpCodes.Pop);
                    SetLast(instr);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.UnboundLocal)));
                    il.Emit(OpCodes.Throw);
                    il.MarkLabel(bound);
                    il.Emit(OpCodes.Stloc, _value);
                    StoreSlot(top + 1, () => il.Emit(OpCodes.Ldloc, _value));
                    break;
                }

                case Opcode.STORE_FAST:
                    StoreSlot(arg, () => LoadSlot(top));
                    ClearSlot(top);
                    break;

                case Opcode.POP_TOP:
                    ClearSlot(top);
                    break;

                case Opcode.PUSH_NULL:
                    ClearSlot(top + 1);
                    break;

                case Opcode.COPY:
                    StoreSlot(top + 1, () => LoadSlot(top + 1 - arg));
                    break;

                case Opcode.SWAP:
                    LoadSlot(top);
                    il.Emit(OpCodes.Stloc, _value);
                    StoreSlot(top, () => LoadSlot(top + 1 - arg));
                    StoreSlot(top + 1 - arg, () => il.Emit(OpCodes.Ldloc, _value));
                    break;

                case Opcode.LOAD_CLOSURE:
                    StoreSlot(top + 1, () => LoadSlot(arg));
                    break;

                case Opcode.LOAD_GLOBAL:
                {
                    SetLast(instr);
                    var at = top + 1;
                    if ((arg & 1) != 0)
                    {
                        ClearSlot(at++);
                    }
                    StoreSlot(at, () =>
                    {
                        il.Emit(OpCodes.Ldarg_0);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, instr.Index);
                        LoadName(arg >> 1);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.LoadGlobal)));
                    });
                    break;
                }

                case Opcode.LOAD_NAME:
                    SetLast(instr);
                    StoreSlot(top + 1, () =>
                    {
                        il.Emit(OpCodes.Ldarg_0);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, instr.Index);
                        LoadName(arg);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.LoadName)));
                    });
                    break;

                case Opcode.STORE_NAME:
                    SetLast(instr);
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Ldfld, R.FrameLocals);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, instr.Index);
                    LoadName(arg);
                    LoadSlot(top);
                    il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.StoreName)));
                    ClearSlot(top);
                    break;

                case Opcode.LOAD_ATTR:
                    SetLast(instr);
                    StoreSlot(top, () =>
                    {
                        LoadSlot(top);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, instr.Index);
                        LoadName(arg);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.LoadAttr)));
                    });
                    break;

                case Opcode.STORE_ATTR:
                    SetLast(instr);
                    LoadSlot(top);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, instr.Index);
                    LoadName(arg);
                    LoadSlot(top - 1);
                    il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.StoreAttr)));
                    ClearSlot(top);
                    ClearSlot(top - 1);
                    break;

                case Opcode.LOAD_METHOD:
                    SetLast(instr);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, top);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, instr.Index);
                    LoadName(arg);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitLoadMethod)));
                    break;

                case Opcode.KW_NAMES:
                    _kwnames = arg;
                    break;

                case Opcode.PRECALL:
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, top - arg - 1);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitPrecall)));
                    break;

                case Opcode.CALL:
                {
                    SetLast(instr);
                    var bottom = top - arg - 1;
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldc_I4, bottom);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    if (_kwnames >= 0)
                    {
                        LoadConst(_kwnames);
                        il.Emit(OpCodes.Castclass, typeof(PyTuple));
                        _kwnames = -1;
                    }
                    else
                    {
                        il.Emit(OpCodes.Ldnull);
                    }
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitCall)));
                    var ok = il.DefineLabel();
                    il.Emit(OpCodes.Switch, [ok, _leave, ExitAt(instr.Next, d - arg - 1), ExitAt(instr.Start, d)]);
                    il.MarkLabel(ok);
                    break;
                }

                case Opcode.RETURN_VALUE:
                    LoadSlot(top);
                    ClearSlot(top);
                    il.Emit(OpCodes.Ret);
                    break;

                case Opcode.BINARY_OP:
                    SetLast(instr);
                    StoreSlot(top - 1, () =>
                    {
                        LoadSlot(top - 1);
                        LoadSlot(top);
                        il.Emit(OpCodes.Ldc_I4, arg);
                        il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.BinaryOp)));
                    });
                    ClearSlot(top);
                    break;

                case Opcode.COMPARE_OP:
                    SetLast(instr);
                    StoreSlot(top - 1, () =>
                    {
                        LoadSlot(top - 1);
                        LoadSlot(top);
                        il.Emit(OpCodes.Ldc_I4, arg);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.Compare)));
                    });
                    ClearSlot(top);
                    break;

                case Opcode.IS_OP:
                case Opcode.CONTAINS_OP:
                    SetLast(instr);
                    StoreSlot(top - 1, () =>
                    {
                        LoadSlot(top - 1);
                        LoadSlot(top);
                        il.Emit(OpCodes.Ldc_I4, arg);
                        il.Emit(OpCodes.Call, R.Method(instr.Op == Opcode.IS_OP ? nameof(Interpreter.JitIs) : nameof(Interpreter.JitContains)));
                    });
                    ClearSlot(top);
                    break;

                case Opcode.UNARY_NOT:
                case Opcode.UNARY_NEGATIVE:
                case Opcode.GET_ITER:
                    SetLast(instr);
                    StoreSlot(top, () =>
                    {
                        LoadSlot(top);
                        il.Emit(OpCodes.Call, instr.Op switch
                        {
                            Opcode.UNARY_NOT => R.Method(nameof(Interpreter.JitNot)),
                            Opcode.UNARY_NEGATIVE => R.Ops(nameof(Abstract.Ops.Negative)),
                            _ => R.Ops(nameof(Abstract.Ops.GetIter)),
                        });
                    });
                    break;

                case Opcode.POP_JUMP_FORWARD_IF_FALSE:
                case Opcode.POP_JUMP_FORWARD_IF_TRUE:
                case Opcode.POP_JUMP_BACKWARD_IF_FALSE:
                case Opcode.POP_JUMP_BACKWARD_IF_TRUE:
                {
                    SetLast(instr);
                    LoadSlot(top);
                    ClearSlot(top);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.IsTrue)));
                    var onTrue = instr.Op is Opcode.POP_JUMP_FORWARD_IF_TRUE or Opcode.POP_JUMP_BACKWARD_IF_TRUE;
                    EmitConditionalJump(instr, onTrue ? OpCodes.Brtrue : OpCodes.Brfalse, d - 1);
                    break;
                }

                case Opcode.POP_JUMP_FORWARD_IF_NONE:
                case Opcode.POP_JUMP_FORWARD_IF_NOT_NONE:
                case Opcode.POP_JUMP_BACKWARD_IF_NONE:
                case Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE:
                {
                    LoadSlot(top);
                    ClearSlot(top);
                    il.Emit(OpCodes.Isinst, typeof(PyNone));
                    var onNone = instr.Op is Opcode.POP_JUMP_FORWARD_IF_NONE or Opcode.POP_JUMP_BACKWARD_IF_NONE;
                    EmitConditionalJump(instr, onNone ? OpCodes.Brtrue : OpCodes.Brfalse, d - 1);
                    break;
                }

                case Opcode.JUMP_IF_FALSE_OR_POP:
                case Opcode.JUMP_IF_TRUE_OR_POP:
                    SetLast(instr);
                    LoadSlot(top);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.IsTrue)));
                    il.Emit(instr.Op == Opcode.JUMP_IF_TRUE_OR_POP ? OpCodes.Brtrue : OpCodes.Brfalse, _labels[instr.Target]);
                    ClearSlot(top);
                    break;

                case Opcode.JUMP_FORWARD:
                case Opcode.JUMP_BACKWARD_NO_INTERRUPT:
                    il.Emit(OpCodes.Br, _labels[instr.Target]);
                    break;

                case Opcode.JUMP_BACKWARD:
                    EmitBackEdge(instr, d);
                    il.Emit(OpCodes.Br, _labels[instr.Target]);
                    break;

                case Opcode.FOR_ITER:
                {
                    SetLast(instr);
                    // A generator's frame runs in the interpreter's loop (FOR_ITER there pushes it).
                    LoadSlot(top);
                    il.Emit(OpCodes.Isinst, typeof(PyGenerator));
                    il.Emit(OpCodes.Brtrue, ExitAt(instr.Start, d));
                    var done = il.DefineLabel();
                    var next = il.DefineLabel();
                    LoadSlot(top);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitNext)));
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Brfalse, done);
                    il.Emit(OpCodes.Stloc, _value);
                    StoreSlot(top + 1, () => il.Emit(OpCodes.Ldloc, _value));
                    il.Emit(OpCodes.Br, next);
                    il.MarkLabel(done);
                    il.Emit(OpCodes.Pop);
                    ClearSlot(top);
                    il.Emit(OpCodes.Br, _labels[instr.Target]);
                    il.MarkLabel(next);
                    break;
                }

                case Opcode.BUILD_TUPLE:
                case Opcode.BUILD_LIST:
                    SetLast(instr);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, top + 1 - arg);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    il.Emit(OpCodes.Call, R.Method(instr.Op == Opcode.BUILD_TUPLE ? nameof(Interpreter.JitBuildTuple) : nameof(Interpreter.JitBuildList)));
                    break;

                case Opcode.LIST_APPEND:
                    SetLast(instr);
                    LoadSlot(top - arg);
                    il.Emit(OpCodes.Castclass, typeof(PyList));
                    LoadSlot(top);
                    il.Emit(OpCodes.Call, typeof(PyList).GetMethod(nameof(PyList.Append))!);
                    ClearSlot(top);
                    break;

                case Opcode.BINARY_SUBSCR:
                    SetLast(instr);
                    il.Emit(OpCodes.Ldarg_1);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, top);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitSubscr)));
                    il.Emit(OpCodes.Brfalse, _leave);
                    break;

                case Opcode.STORE_SUBSCR:
                    SetLast(instr);
                    LoadSlot(top - 1);
                    LoadSlot(top);
                    LoadSlot(top - 2);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.SetItem)));
                    ClearSlot(top);
                    ClearSlot(top - 1);
                    ClearSlot(top - 2);
                    break;

                case Opcode.LOAD_DEREF:
                    SetLast(instr);
                    StoreSlot(top + 1, () =>
                    {
                        LoadSlot(arg);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, arg);
                        il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitLoadDeref)));
                    });
                    break;

                case Opcode.STORE_DEREF:
                    LoadSlot(arg);
                    il.Emit(OpCodes.Castclass, typeof(PyCell));
                    LoadSlot(top);
                    il.Emit(OpCodes.Stfld, typeof(PyCell).GetField(nameof(PyCell.Contents))!);
                    ClearSlot(top);
                    break;

                case Opcode.MAKE_CELL:
                    StoreSlot(arg, () =>
                    {
                        LoadSlot(arg);
                        il.Emit(OpCodes.Newobj, typeof(PyCell).GetConstructor([typeof(PyObject)])!);
                    });
                    break;

                case Opcode.UNPACK_SEQUENCE:
                    SetLast(instr);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, top);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitUnpack)));
                    break;

                case Opcode.PUSH_EXC_INFO:
                case Opcode.POP_EXCEPT:
                case Opcode.CHECK_EXC_MATCH:
                    SetLast(instr);
                    il.Emit(OpCodes.Ldarg_1);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, top);
                    il.Emit(OpCodes.Call, R.Method(instr.Op switch
                    {
                        Opcode.PUSH_EXC_INFO => nameof(Interpreter.JitPushExcInfo),
                        Opcode.POP_EXCEPT => nameof(Interpreter.JitPopExcept),
                        _ => nameof(Interpreter.JitCheckExcMatch),
                    }));
                    break;

                default:
                    // Everything else runs in the interpreter, which comes back at a loop head.
                    il.Emit(OpCodes.Br, ExitAt(instr.Start, d));
                    break;
            }
        }

        /// <summary>A popping conditional jump: a backward one checks the eval breaker first.</summary>
        private void EmitConditionalJump(Instr instr, OpCode branch, int depthAfter)
        {
            if (instr.Target > instr.Start)
            {
                _il.Emit(branch, _labels[instr.Target]);
                return;
            }
            var fallThrough = _il.DefineLabel();
            _il.Emit(branch == OpCodes.Brtrue ? OpCodes.Brfalse : OpCodes.Brtrue, fallThrough);
            EmitBackEdge(instr, depthAfter);
            _il.Emit(OpCodes.Br, _labels[instr.Target]);
            _il.MarkLabel(fallThrough);
        }

        /// <summary>A loop's back edge: signals and thread switches are handled here as in
        /// the interpreter, and a trace function set meanwhile sends the frame back to it.</summary>
        private void EmitBackEdge(Instr instr, int depthAfter)
        {
            EmitEvalBreaker(instr);
            _il.Emit(OpCodes.Ldarg_1);
            _il.Emit(OpCodes.Ldfld, R.ThreadUseTracing);
            _il.Emit(OpCodes.Brtrue, ExitAt(instr.Target, depthAfter));
        }

        private void EmitEvalBreaker(Instr instr)
        {
            var none = _il.DefineLabel();
            _il.Emit(OpCodes.Volatile);
            _il.Emit(OpCodes.Ldsfld, R.EvalBreaker);
            _il.Emit(OpCodes.Brfalse, none);
            SetLast(instr);
            _il.Emit(OpCodes.Ldarg_1);
            _il.Emit(OpCodes.Call, typeof(Gil).GetMethod(nameof(Gil.HandleEvalBreaker))!);
            _il.MarkLabel(none);
        }

        private void SetLast(Instr instr)
        {
            _il.Emit(OpCodes.Ldarg_0);
            _il.Emit(OpCodes.Ldc_I4, instr.Index);
            _il.Emit(OpCodes.Stfld, R.FrameLastInstruction);
        }

        private void SlotAddress(int index)
        {
            _il.Emit(OpCodes.Ldloc, _slots);
            if (index != 0)
            {
                _il.Emit(OpCodes.Ldc_I4, index * IntPtr.Size);
                _il.Emit(OpCodes.Add);
            }
        }

        private void LoadSlot(int index)
        {
            SlotAddress(index);
            _il.Emit(OpCodes.Ldind_Ref);
        }

        private void StoreSlot(int index, Action value)
        {
            SlotAddress(index);
            value();
            _il.Emit(OpCodes.Stind_Ref);
        }

        private void ClearSlot(int index) => StoreSlot(index, () => _il.Emit(OpCodes.Ldnull));

        private void LoadSlots()
        {
            _il.Emit(OpCodes.Ldarg_0);
            _il.Emit(OpCodes.Ldfld, R.FrameSlots);
        }

        private void LoadConst(int index)
        {
            _il.Emit(OpCodes.Ldloc, _consts);
            _il.Emit(OpCodes.Ldc_I4, index);
            _il.Emit(OpCodes.Ldelem_Ref);
        }

        private void LoadName(int index)
        {
            _il.Emit(OpCodes.Ldloc, _names);
            _il.Emit(OpCodes.Ldc_I4, index);
            _il.Emit(OpCodes.Ldelem_Ref);
        }
    }

    /// <summary>The members the emitted IL uses.</summary>
    private static class R
    {
        private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

        public static readonly FieldInfo FrameSlots = Field(typeof(Frame), nameof(Frame.Slots));
        public static readonly FieldInfo FrameCode = Field(typeof(Frame), nameof(Frame.Code));
        public static readonly FieldInfo FrameLocals = Field(typeof(Frame), nameof(Frame.Locals));
        public static readonly FieldInfo FrameStackPointer = Field(typeof(Frame), nameof(Frame.StackPointer));
        public static readonly FieldInfo FrameNextInstruction = Field(typeof(Frame), nameof(Frame.NextInstruction));
        public static readonly FieldInfo FrameLastInstruction = Field(typeof(Frame), nameof(Frame.LastInstruction));
        public static readonly FieldInfo ThreadUseTracing = Field(typeof(ThreadState), nameof(ThreadState.UseTracing));
        public static readonly FieldInfo EvalBreaker = Field(typeof(Gil), nameof(Gil.EvalBreaker));
        public static readonly MethodInfo CodeConsts = typeof(PyCode).GetProperty(nameof(PyCode.Consts))!.GetMethod!;
        public static readonly MethodInfo CodeNames = typeof(PyCode).GetProperty(nameof(PyCode.Names))!.GetMethod!;

        private static FieldInfo Field(Type type, string name) => type.GetField(name, Any)!;

        public static MethodInfo Method(string name) => typeof(Interpreter).GetMethod(name, Any)!;

        public static MethodInfo SpecializeMethod(string name) => typeof(Specialize).GetMethod(name, Any)!;

        public static MethodInfo Ops(string name) => typeof(Abstract.Ops).GetMethod(name, Any, [typeof(PyObject)])!;
    }
}
