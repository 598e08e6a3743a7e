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
/// value stack at the depth the bytecode gives each instruction), so the interpreter can enter
/// it where it stands (the start, a loop head, a handler, after a call or a yield), and it can
/// leave at any instruction. An instruction it does not compile, or a case its fast path leaves
/// out, hands the frame back to the interpreter at that instruction, with nothing to rebuild. Tracebacks, frames, exception handling and tracing need nothing new:
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

    /// <summary>Coroutines stay in the interpreter: most of what they do (await, async for and
    /// with) would leave compiled code anyway.</summary>
    private const CodeFlags NotCompiled = CodeFlags.Coroutine | CodeFlags.AsyncGenerator | CodeFlags.IterableCoroutine;

    private static int ReadThreshold()
    {
        var text = Environment.GetEnvironmentVariable("TAIPAN_JIT_THRESHOLD");
        if (text is not null && int.TryParse(text, out var value))
        {
            return value <= 0 ? int.MaxValue : value;
        }
        return 1000;
    }

    /// <summary>Compiles <paramref name="code"/>; null when the tier is off or does not take it
    /// (a coroutine, bytecode whose stack depths do not agree, or size).</summary>
    public static CompiledCode? Compile(PyCode code)
    {
        if (Threshold == int.MaxValue || (code.Flags & NotCompiled) != 0 || code.Units.Length > MaxUnits || code.FrameSize == 0)
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
            // Falling off the end of the code is bad bytecode: Reach refuses it.
            if (!info.IsUnconditionalJump && !info.IsScopeExit && !Reach(instr.Next, instr.Depth + Effect(instr, jump: false)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The stack effect at run time. CPython's table, for the compiler, counts
    /// PRECALL as taking the arguments (at run time CALL does), and has a generator's frame
    /// resume after RETURN_GENERATOR without the value its first send pushes.</summary>
    private static int Effect(Instr instr, bool jump) => instr.Op switch
    {
        Opcode.PRECALL => 0,
        Opcode.RETURN_GENERATOR => 1,
        Opcode.CALL => -instr.Arg - 1,
        _ => OpcodeInfo.StackEffect((int)instr.Op, instr.Arg, jump ? 1 : 0),
    };

    /// <summary>The instructions the interpreter may enter compiled code at: the start, the
    /// handlers, loop heads, and where a frame goes on after a call, a generator's step or its
    /// own yield.</summary>
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
            else if (instr.Op is Opcode.CALL or Opcode.YIELD_VALUE or Opcode.RETURN_GENERATOR)
            {
                // Where a call returns to, and where a generator resumes.
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

    /// <summary>Writes the IL of one code object.
    ///
    /// Within a run of instructions, a value pushed on the stack stays in an IL local (a
    /// register, with no write barrier) until an instruction consumes it; it is written to its
    /// slot only where something may look there: at the start of an instruction other code
    /// jumps to, before the interpreter takes the frame back, before an operation that reads
    /// its operands from the slots, and, for values below the depth of the handler an
    /// exception would go to, before anything that may raise.</summary>
    private sealed class Emitter
    {
        // A first parameter the delegate is closed over (null): a delegate to a static method
        // with its own parameters only would go through a shuffle thunk on every call.
        private static readonly Type[] s_parameters = [typeof(object), typeof(Frame), typeof(ThreadState)];

        private enum Where : byte
        {
            Slot,
            Local,
            Null,
        }

        private readonly PyCode _code;
        private readonly Instr[] _instructions;
        private readonly int _base;
        private readonly DynamicMethod _method;
        private readonly ILGenerator _il;
        private readonly Label[] _labels;
        private readonly bool[] _targets;
        private readonly LocalBuilder _slots;
        private readonly LocalBuilder _consts;
        private readonly LocalBuilder _names;
        private readonly LocalBuilder _codeLocal;
        private readonly LocalBuilder _exitIp;
        private readonly LocalBuilder _exitSp;
        private readonly Label _exit;
        private readonly Label _leave;

        /// <summary>As <see cref="_leave"/>, with the null that reported the exception on the IL
        /// stack.</summary>
        private readonly Label _leaveWithValue;

        /// <summary>The stack depth at each instruction start.</summary>
        private readonly int[] _depthAt;
        private readonly List<(Label Label, int Ip, int Sp, Where[] Stack)> _exits = [];

        // The value stack as compiled at the current instruction.
        private readonly Where[] _where;
        private readonly LocalBuilder?[] _stackLocals;
        private int _depth;
        private int _kwnames = -1;

        /// <summary>The instruction after the one being compiled, and whether that one took it
        /// over (a comparison and the jump on its result).</summary>
        private Instr _next;
        private bool _fusedNext;

        public Emitter(PyCode code, Instr[] instructions)
        {
            _code = code;
            _instructions = instructions;
            _base = code.NLocalsPlus;
            _method = new DynamicMethod(code.QualName.Value, typeof(PyObject), s_parameters, typeof(Jit).Module, skipVisibility: true);
            _il = _method.GetILGenerator(64 + instructions.Length * 32);
            _labels = new Label[code.Units.Length + 1];
            _targets = new bool[code.Units.Length + 1];
            _slots = _il.DeclareLocal(typeof(PyObject).MakeByRefType());
            _consts = _il.DeclareLocal(typeof(PyObject[]));
            _names = _il.DeclareLocal(typeof(PyStr[]));
            _codeLocal = _il.DeclareLocal(typeof(PyCode));
            _exitIp = _il.DeclareLocal(typeof(int));
            _exitSp = _il.DeclareLocal(typeof(int));
            _exit = _il.DefineLabel();
            _leave = _il.DefineLabel();
            _leaveWithValue = _il.DefineLabel();
            _depthAt = new int[code.Units.Length + 1];
            foreach (var instr in instructions)
            {
                _depthAt[instr.Start] = instr.Depth;
            }
            var stackSize = code.FrameSize - code.NLocalsPlus;
            _where = new Where[stackSize + 1];
            _stackLocals = new LocalBuilder?[stackSize + 1];
        }

        public CompiledCode Emit()
        {
            var il = _il;
            var entries = EntryPoints(_code, _instructions);
            foreach (var instr in _instructions)
            {
                if (instr.Depth >= 0)
                {
                    _labels[instr.Start] = il.DefineLabel();
                    if (instr.Target >= 0)
                    {
                        _targets[instr.Target] = true;
                    }
                    if (entries[instr.Start])
                    {
                        _targets[instr.Start] = true;
                    }
                }
            }
            // The frame's slots (as a reference to the first, so that stores need no array
            // covariance check), constants and names in locals.
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldfld, R.FrameSlots);
            il.Emit(OpCodes.Call, R.ArrayData);
            il.Emit(OpCodes.Stloc, _slots);
            il.Emit(OpCodes.Ldarg_1);
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
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldfld, R.FrameNextInstruction);
            il.Emit(OpCodes.Switch, stubs);
            il.Emit(OpCodes.Br, _leave);
            foreach (var (label, instr) in stubList)
            {
                il.MarkLabel(label);
                il.Emit(OpCodes.Ldarg_1);
                il.Emit(OpCodes.Ldfld, R.FrameStackPointer);
                il.Emit(OpCodes.Ldc_I4, _base + instr.Depth);
                il.Emit(OpCodes.Beq, _labels[instr.Start]);
                il.Emit(OpCodes.Br, _leave);
            }

            var reachable = false;
            for (var k = 0; k < _instructions.Length; k++)
            {
                var instr = _instructions[k];
                if (instr.Depth < 0)
                {
                    continue;
                }
                if (_fusedNext)
                {
                    // The jump the previous instruction took over.
                    _fusedNext = false;
                    il.MarkLabel(_labels[instr.Start]);
                    continue;
                }
                _next = k + 1 < _instructions.Length ? _instructions[k + 1] : default;
                if (_targets[instr.Start] || !reachable)
                {
                    // Other code jumps here: every value is in its slot.
                    if (reachable)
                    {
                        SpillAll();
                    }
                    Array.Clear(_where);
                }
                _depth = instr.Depth;
                il.MarkLabel(_labels[instr.Start]);
                reachable = EmitInstruction(instr);
            }

            foreach (var (label, ip, sp, stack) in _exits)
            {
                il.MarkLabel(label);
                for (var pos = 0; pos < stack.Length; pos++)
                {
                    Spill(pos, stack[pos]);
                }
                il.Emit(OpCodes.Ldc_I4, ip);
                il.Emit(OpCodes.Stloc, _exitIp);
                il.Emit(OpCodes.Ldc_I4, sp);
                il.Emit(OpCodes.Stloc, _exitSp);
                il.Emit(OpCodes.Br, _exit);
            }
            il.MarkLabel(_leaveWithValue);
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Br, _leave);
            // Back to the interpreter, at an instruction and depth.
            il.MarkLabel(_exit);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldloc, _exitIp);
            il.Emit(OpCodes.Stfld, R.FrameNextInstruction);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldloc, _exitSp);
            il.Emit(OpCodes.Stfld, R.FrameStackPointer);
            // Back to the interpreter as the frame stands (or with ts.Raised set).
            il.MarkLabel(_leave);
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ret);
            return (CompiledCode)_method.CreateDelegate(typeof(CompiledCode), null);
        }

        /// <summary>Emits one instruction; false when the next one is not reached from it.</summary>
        private bool EmitInstruction(Instr instr)
        {
            var il = _il;
            var arg = instr.Arg;
            switch (instr.Op)
            {
                case Opcode.NOP:
                case Opcode.COPY_FREE_VARS:
                    return true;

                case Opcode.RESUME:
                    EmitEvalBreaker(instr);
                    return true;

                case Opcode.LOAD_CONST:
                    Push(() => LoadConst(arg));
                    return true;

                case Opcode.LOAD_FAST:
                {
                    var bound = il.DefineLabel();
                    LoadSlot(arg);
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Brtrue, bound);
                    il.Emit(OpCodes.Pop);
                    SpillForRaise(instr);
                    SetLast(instr);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.UnboundLocal)));
                    il.Emit(OpCodes.Throw);
                    il.MarkLabel(bound);
                    Push(null);
                    return true;
                }

                case Opcode.STORE_FAST:
                    StoreSlot(arg, () => Pop());
                    return true;

                case Opcode.POP_TOP:
                    Pop();
                    il.Emit(OpCodes.Pop);
                    return true;

                case Opcode.PUSH_NULL:
                    _where[_depth++] = Where.Null;
                    return true;

                case Opcode.COPY:
                    Push(() => Peek(_depth - arg));
                    return true;

                case Opcode.SWAP:
                {
                    // Both values into their locals, then the locals swap places.
                    var a = _depth - 1;
                    var b = _depth - arg;
                    ToLocal(a);
                    ToLocal(b);
                    il.Emit(OpCodes.Ldloc, StackLocal(a));
                    il.Emit(OpCodes.Ldloc, StackLocal(b));
                    il.Emit(OpCodes.Stloc, StackLocal(a));
                    il.Emit(OpCodes.Stloc, StackLocal(b));
                    return true;
                }

                case Opcode.LOAD_CLOSURE:
                    Push(() => LoadSlot(arg));
                    return true;

                case Opcode.LOAD_GLOBAL:
                    BeforeRaise(instr);
                    SetLast(instr);
                    if ((arg & 1) != 0)
                    {
                        _where[_depth++] = Where.Null;
                    }
                    Push(() =>
                    {
                        il.Emit(OpCodes.Ldarg_1);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, instr.Index);
                        LoadName(arg >> 1);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.LoadGlobal)));
                    });
                    return true;

                case Opcode.LOAD_NAME:
                {
                    BeforeRaise(instr);
                    SetLast(instr);
                    // In a module body the locals are the globals: LOAD_GLOBAL's cache, inline.
                    var other = il.DefineLabel();
                    var done = il.DefineLabel();
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldfld, R.FrameLocals);
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldfld, R.FrameGlobals);
                    il.Emit(OpCodes.Bne_Un, other);
                    foreach (var method in (ReadOnlySpan<string>)[nameof(Specialize.LoadGlobal), nameof(Specialize.LoadName)])
                    {
                        il.Emit(OpCodes.Ldarg_1);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, instr.Index);
                        LoadName(arg);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(method));
                        if (method == nameof(Specialize.LoadGlobal))
                        {
                            il.Emit(OpCodes.Br, done);
                            il.MarkLabel(other);
                        }
                    }
                    il.MarkLabel(done);
                    Push(null);
                    return true;
                }

                case Opcode.STORE_NAME:
                    BeforeRaise(instr);
                    SetLast(instr);
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldfld, R.FrameLocals);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, instr.Index);
                    LoadName(arg);
                    Pop();
                    il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.StoreNameInline)));
                    return true;

                case Opcode.LOAD_ATTR:
                    BeforeRaise(instr);
                    SetLast(instr);
                    Push(() =>
                    {
                        Pop();
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, instr.Index);
                        LoadName(arg);
                        il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.LoadAttr)));
                    });
                    return true;

                case Opcode.STORE_ATTR:
                {
                    BeforeRaise(instr);
                    SetLast(instr);
                    var value = _depth - 2;
                    Pop();
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, instr.Index);
                    LoadName(arg);
                    Load(value, consume: true);
                    _depth--;
                    il.Emit(OpCodes.Call, R.SpecializeMethod(nameof(Specialize.StoreAttr)));
                    return true;
                }

                case Opcode.LOAD_METHOD:
                    SpillAll();
                    SetLast(instr);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, _base + _depth - 1);
                    il.Emit(OpCodes.Ldloc, _codeLocal);
                    il.Emit(OpCodes.Ldc_I4, instr.Index);
                    LoadName(arg);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitLoadMethod)));
                    _depth++;
                    return true;

                case Opcode.KW_NAMES:
                    _kwnames = arg;
                    return true;

                case Opcode.PRECALL:
                    SpillAll();
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, _base + _depth - arg - 2);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitPrecall)));
                    return true;

                case Opcode.CALL:
                {
                    SpillAll();
                    SetLast(instr);
                    var bottom = _depth - arg - 2;
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldarg_2);
                    il.Emit(OpCodes.Ldc_I4, _base + bottom);
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
                    var here = ExitAt(instr.Start);
                    _depth = bottom + 1;
                    var ok = il.DefineLabel();
                    il.Emit(OpCodes.Switch, [ok, _leave, ExitAt(instr.Next), here]);
                    il.MarkLabel(ok);
                    return true;
                }

                case Opcode.RETURN_VALUE:
                    Pop();
                    il.Emit(OpCodes.Ret);
                    return false;

                case Opcode.YIELD_VALUE:
                {
                    // The frame suspends with the rest of its stack in the slots, to resume at
                    // the next instruction (an entry point); the value goes to the resumer.
                    Pop();
                    var value = il.DeclareLocal(typeof(PyObject));
                    il.Emit(OpCodes.Stloc, value);
                    SpillAll();
                    SetLast(instr);
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldc_I4, _base + _depth);
                    il.Emit(OpCodes.Stfld, R.FrameStackPointer);
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldc_I4, instr.Next);
                    il.Emit(OpCodes.Stfld, R.FrameNextInstruction);
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldc_I4_1);
                    il.Emit(OpCodes.Stfld, R.FrameSuspended);
                    il.Emit(OpCodes.Ldloc, value);
                    il.Emit(OpCodes.Ret);
                    return false;
                }

                case Opcode.BINARY_OP:
                    EmitBinary(instr, R.Method(arg switch
                    {
                        0 or 13 => nameof(Interpreter.JitAdd),
                        10 or 23 => nameof(Interpreter.JitSubtract),
                        5 or 18 => nameof(Interpreter.JitMultiply),
                        6 or 19 => nameof(Interpreter.JitRemainder),
                        2 or 15 => nameof(Interpreter.JitFloorDivide),
                        11 or 24 => nameof(Interpreter.JitTrueDivide),
                        _ => nameof(Interpreter.BinaryOp),
                    }));
                    return true;

                case Opcode.COMPARE_OP:
                    if (_next.Op is Opcode.POP_JUMP_FORWARD_IF_FALSE or Opcode.POP_JUMP_FORWARD_IF_TRUE
                            or Opcode.POP_JUMP_BACKWARD_IF_FALSE or Opcode.POP_JUMP_BACKWARD_IF_TRUE
                        && !_targets[_next.Start] && (uint)arg <= (uint)CompareOp.Ge)
                    {
                        // The comparison decides the jump itself: no bool object in between.
                        BeforeRaise(instr);
                        SetLast(instr);
                        Load(_depth - 2, consume: true);
                        Load(_depth - 1, consume: true);
                        _depth -= 2;
                        il.Emit(OpCodes.Call, R.Method("Jit" + (CompareOp)arg));
                        _fusedNext = true;
                        EmitConditionalJump(_next, _next.Op is Opcode.POP_JUMP_FORWARD_IF_TRUE or Opcode.POP_JUMP_BACKWARD_IF_TRUE);
                        return true;
                    }
                    EmitBinary(instr, R.SpecializeMethod(nameof(Specialize.Compare)));
                    return true;

                case Opcode.IS_OP:
                    EmitBinary(instr, R.Method(nameof(Interpreter.JitIs)));
                    return true;

                case Opcode.CONTAINS_OP:
                    EmitBinary(instr, R.Method(nameof(Interpreter.JitContains)));
                    return true;

                case Opcode.UNARY_NOT:
                case Opcode.UNARY_NEGATIVE:
                case Opcode.GET_ITER:
                    BeforeRaise(instr);
                    SetLast(instr);
                    Push(() =>
                    {
                        Pop();
                        il.Emit(OpCodes.Call, instr.Op switch
                        {
                            Opcode.UNARY_NOT => R.Method(nameof(Interpreter.JitNot)),
                            Opcode.UNARY_NEGATIVE => R.Ops(nameof(Abstract.Ops.Negative)),
                            _ => R.Ops(nameof(Abstract.Ops.GetIter)),
                        });
                    });
                    return true;

                case Opcode.POP_JUMP_FORWARD_IF_FALSE:
                case Opcode.POP_JUMP_FORWARD_IF_TRUE:
                case Opcode.POP_JUMP_BACKWARD_IF_FALSE:
                case Opcode.POP_JUMP_BACKWARD_IF_TRUE:
                {
                    BeforeRaise(instr);
                    SetLast(instr);
                    Pop();
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.IsTrue)));
                    var onTrue = instr.Op is Opcode.POP_JUMP_FORWARD_IF_TRUE or Opcode.POP_JUMP_BACKWARD_IF_TRUE;
                    EmitConditionalJump(instr, onTrue);
                    return true;
                }

                case Opcode.POP_JUMP_FORWARD_IF_NONE:
                case Opcode.POP_JUMP_FORWARD_IF_NOT_NONE:
                case Opcode.POP_JUMP_BACKWARD_IF_NONE:
                case Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE:
                {
                    Pop();
                    il.Emit(OpCodes.Isinst, typeof(PyNone));
                    var onNone = instr.Op is Opcode.POP_JUMP_FORWARD_IF_NONE or Opcode.POP_JUMP_BACKWARD_IF_NONE;
                    EmitConditionalJump(instr, onNone);
                    return true;
                }

                case Opcode.JUMP_IF_FALSE_OR_POP:
                case Opcode.JUMP_IF_TRUE_OR_POP:
                    BeforeRaise(instr);
                    SetLast(instr);
                    SpillAll();
                    LoadSlot(_base + _depth - 1);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.IsTrue)));
                    il.Emit(instr.Op == Opcode.JUMP_IF_TRUE_OR_POP ? OpCodes.Brtrue : OpCodes.Brfalse, _labels[instr.Target]);
                    Pop();
                    il.Emit(OpCodes.Pop);
                    return true;

                case Opcode.JUMP_FORWARD:
                case Opcode.JUMP_BACKWARD_NO_INTERRUPT:
                    SpillAll();
                    il.Emit(OpCodes.Br, _labels[instr.Target]);
                    return false;

                case Opcode.JUMP_BACKWARD:
                    SpillAll();
                    EmitBackEdge(instr);
                    il.Emit(OpCodes.Br, _labels[instr.Target]);
                    return false;

                case Opcode.FOR_ITER:
                {
                    SpillAll();
                    SetLast(instr);
                    var iterator = _base + _depth - 1;
                    var done = il.DefineLabel();
                    var next = il.DefineLabel();
                    LoadSlot(iterator);
                    il.Emit(OpCodes.Ldarg_2);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitNext)));
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Brfalse, done);
                    Push(null);
                    il.Emit(OpCodes.Br, next);
                    il.MarkLabel(done);
                    il.Emit(OpCodes.Pop);
                    ClearSlot(iterator);
                    il.Emit(OpCodes.Br, _labels[instr.Target]);
                    il.MarkLabel(next);
                    return true;
                }

                case Opcode.BUILD_TUPLE:
                case Opcode.BUILD_LIST:
                    SpillAll();
                    SetLast(instr);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, _base + _depth - arg);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    il.Emit(OpCodes.Call, R.Method(instr.Op == Opcode.BUILD_TUPLE ? nameof(Interpreter.JitBuildTuple) : nameof(Interpreter.JitBuildList)));
                    _depth = _depth - arg + 1;
                    return true;

                case Opcode.LIST_APPEND:
                    BeforeRaise(instr);
                    SetLast(instr);
                    Peek(_depth - 1 - arg);
                    il.Emit(OpCodes.Castclass, typeof(PyList));
                    Pop();
                    il.Emit(OpCodes.Call, typeof(PyList).GetMethod(nameof(PyList.Append))!);
                    return true;

                case Opcode.BINARY_SUBSCR:
                {
                    BeforeRaise(instr);
                    SetLast(instr);
                    var key = _depth - 1;
                    var container = _depth - 2;
                    il.Emit(OpCodes.Ldarg_2);
                    Load(container, consume: true);
                    Load(key, consume: true);
                    _depth -= 2;
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitSubscr)));
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Brfalse, _leaveWithValue);
                    Push(null);
                    return true;
                }

                case Opcode.STORE_SUBSCR:
                {
                    // Stack: value, container, key.
                    BeforeRaise(instr);
                    SetLast(instr);
                    var value = _depth - 3;
                    Load(_depth - 2, consume: true);
                    Load(_depth - 1, consume: true);
                    Load(value, consume: true);
                    _depth -= 3;
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.SetItem)));
                    return true;
                }

                case Opcode.LOAD_DEREF:
                    BeforeRaise(instr);
                    SetLast(instr);
                    Push(() =>
                    {
                        LoadSlot(arg);
                        il.Emit(OpCodes.Ldloc, _codeLocal);
                        il.Emit(OpCodes.Ldc_I4, arg);
                        il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitLoadDeref)));
                    });
                    return true;

                case Opcode.STORE_DEREF:
                    LoadSlot(arg);
                    il.Emit(OpCodes.Castclass, typeof(PyCell));
                    Pop();
                    il.Emit(OpCodes.Stfld, typeof(PyCell).GetField(nameof(PyCell.Contents))!);
                    return true;

                case Opcode.MAKE_CELL:
                    StoreSlot(arg, () =>
                    {
                        LoadSlot(arg);
                        il.Emit(OpCodes.Newobj, typeof(PyCell).GetConstructor([typeof(PyObject)])!);
                    });
                    return true;

                case Opcode.UNPACK_SEQUENCE:
                    SpillAll();
                    SetLast(instr);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, _base + _depth - 1);
                    il.Emit(OpCodes.Ldc_I4, arg);
                    il.Emit(OpCodes.Call, R.Method(nameof(Interpreter.JitUnpack)));
                    _depth += arg - 1;
                    return true;

                case Opcode.PUSH_EXC_INFO:
                case Opcode.POP_EXCEPT:
                case Opcode.CHECK_EXC_MATCH:
                    SpillAll();
                    SetLast(instr);
                    il.Emit(OpCodes.Ldarg_2);
                    LoadSlots();
                    il.Emit(OpCodes.Ldc_I4, _base + _depth - 1);
                    il.Emit(OpCodes.Call, R.Method(instr.Op switch
                    {
                        Opcode.PUSH_EXC_INFO => nameof(Interpreter.JitPushExcInfo),
                        Opcode.POP_EXCEPT => nameof(Interpreter.JitPopExcept),
                        _ => nameof(Interpreter.JitCheckExcMatch),
                    }));
                    _depth += instr.Op switch
                    {
                        Opcode.PUSH_EXC_INFO => 1,
                        Opcode.POP_EXCEPT => -1,
                        _ => 0,
                    };
                    return true;

                default:
                    // Everything else runs in the interpreter, which comes back at a loop head.
                    il.Emit(OpCodes.Br, ExitAt(instr.Start));
                    return false;
            }
        }

        /// <summary>An operation of the two values on top whose result replaces them.</summary>
        private void EmitBinary(Instr instr, System.Reflection.MethodInfo operation)
        {
            BeforeRaise(instr);
            SetLast(instr);
            var left = _depth - 2;
            Push(() =>
            {
                Load(left, consume: true);
                Load(left + 1, consume: true);
                _depth -= 2;
                _il.Emit(OpCodes.Ldc_I4, instr.Arg);
                _il.Emit(OpCodes.Call, operation);
            });
        }

        /// <summary>A popping conditional jump, its condition on the IL stack (a backward one
        /// checks the eval breaker first).</summary>
        private void EmitConditionalJump(Instr instr, bool onTrue)
        {
            SpillAll();
            if (instr.Target > instr.Start)
            {
                _il.Emit(onTrue ? OpCodes.Brtrue : OpCodes.Brfalse, _labels[instr.Target]);
                return;
            }
            var fallThrough = _il.DefineLabel();
            _il.Emit(onTrue ? OpCodes.Brfalse : OpCodes.Brtrue, fallThrough);
            EmitBackEdge(instr);
            _il.Emit(OpCodes.Br, _labels[instr.Target]);
            _il.MarkLabel(fallThrough);
        }

        /// <summary>A loop's back edge (every value in its slot): signals and thread switches
        /// are handled here as in the interpreter, and a trace function set meanwhile sends the
        /// frame back to it.</summary>
        private void EmitBackEdge(Instr instr)
        {
            EmitEvalBreaker(instr);
            _il.Emit(OpCodes.Ldarg_2);
            _il.Emit(OpCodes.Ldfld, R.ThreadUseTracing);
            var saved = _depth;
            _depth = _depthAt[instr.Target];
            _il.Emit(OpCodes.Brtrue, ExitAt(instr.Target));
            _depth = saved;
        }

        private void EmitEvalBreaker(Instr instr)
        {
            var none = _il.DefineLabel();
            _il.Emit(OpCodes.Volatile);
            _il.Emit(OpCodes.Ldsfld, R.EvalBreaker);
            _il.Emit(OpCodes.Brfalse, none);
            SpillForRaise(instr);
            SetLast(instr);
            _il.Emit(OpCodes.Ldarg_2);
            _il.Emit(OpCodes.Call, typeof(Gil).GetMethod(nameof(Gil.HandleEvalBreaker))!);
            _il.MarkLabel(none);
        }

        // ---- the compiled value stack ----

        /// <summary>Pushes the value <paramref name="value"/> emits (or, when null, the one on
        /// the IL stack), kept in an IL local.</summary>
        private void Push(Action? value)
        {
            value?.Invoke();
            var pos = _depth++;
            _il.Emit(OpCodes.Stloc, StackLocal(pos));
            _where[pos] = Where.Local;
        }

        /// <summary>Takes the top value off the stack onto the IL stack.</summary>
        private void Pop()
        {
            Load(_depth - 1, consume: true);
            _depth--;
        }

        /// <summary>Puts a stack value on the IL stack, leaving it on the stack.</summary>
        private void Peek(int pos) => Load(pos, consume: false);

        private void Load(int pos, bool consume)
        {
            switch (_where[pos])
            {
                case Where.Local:
                    _il.Emit(OpCodes.Ldloc, StackLocal(pos));
                    break;
                case Where.Null:
                    _il.Emit(OpCodes.Ldnull);
                    break;
                default:
                    LoadSlot(_base + pos);
                    if (consume)
                    {
                        ClearSlot(_base + pos);
                    }
                    break;
            }
            if (consume)
            {
                _where[pos] = Where.Slot;
            }
        }

        private void ToLocal(int pos)
        {
            if (_where[pos] != Where.Local)
            {
                Load(pos, consume: true);
                _il.Emit(OpCodes.Stloc, StackLocal(pos));
                _where[pos] = Where.Local;
            }
        }

        private LocalBuilder StackLocal(int pos) => _stackLocals[pos] ??= _il.DeclareLocal(typeof(PyObject));

        private void Spill(int pos, Where where)
        {
            if (where == Where.Local)
            {
                StoreSlot(_base + pos, () => _il.Emit(OpCodes.Ldloc, StackLocal(pos)));
            }
            // A null is what an unused slot holds already.
        }

        private void SpillAll() => SpillBelow(_depth);

        private void SpillBelow(int depth)
        {
            for (var pos = 0; pos < depth; pos++)
            {
                Spill(pos, _where[pos]);
                _where[pos] = Where.Slot;
            }
        }

        /// <summary>Before an operation that may raise: the values the handler keeps go to their
        /// slots, where the unwinder finds them.</summary>
        private void BeforeRaise(Instr instr) => SpillBelow(HandlerDepth(instr));

        /// <summary>The same on a side path that raises: the values are written, and stay where
        /// they are for the main path.</summary>
        private void SpillForRaise(Instr instr)
        {
            var depth = HandlerDepth(instr);
            for (var pos = 0; pos < depth; pos++)
            {
                Spill(pos, _where[pos]);
            }
        }

        private int HandlerDepth(Instr instr)
        {
            foreach (var h in _code.Handlers)
            {
                if (instr.Index >= h.Start && instr.Index < h.End)
                {
                    return Math.Min(h.Depth, _depth);
                }
            }
            return 0;
        }

        /// <summary>A label that leaves for the interpreter at <paramref name="ip"/> with the
        /// stack as it stands now (its values written to their slots on the way).</summary>
        private Label ExitAt(int ip)
        {
            var label = _il.DefineLabel();
            _exits.Add((label, ip, _base + _depth, _where[.._depth]));
            return label;
        }


        private void SetLast(Instr instr)
        {
            _il.Emit(OpCodes.Ldarg_1);
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
            _il.Emit(OpCodes.Ldarg_1);
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
        public static readonly FieldInfo FrameGlobals = Field(typeof(Frame), nameof(Frame.Globals));
        public static readonly FieldInfo FrameStackPointer = Field(typeof(Frame), nameof(Frame.StackPointer));
        public static readonly FieldInfo FrameNextInstruction = Field(typeof(Frame), nameof(Frame.NextInstruction));
        public static readonly FieldInfo FrameLastInstruction = Field(typeof(Frame), nameof(Frame.LastInstruction));
        public static readonly FieldInfo FrameSuspended = Field(typeof(Frame), nameof(Frame.Suspended));
        public static readonly FieldInfo ThreadUseTracing = Field(typeof(ThreadState), nameof(ThreadState.UseTracing));
        public static readonly FieldInfo EvalBreaker = Field(typeof(Gil), nameof(Gil.EvalBreaker));
        // The reference to an array's first element without ldelema's check of the element type.
        public static readonly MethodInfo ArrayData = typeof(System.Runtime.InteropServices.MemoryMarshal)
            .GetMethod(nameof(System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference), 1, [Type.MakeGenericMethodParameter(0).MakeArrayType()])!
            .MakeGenericMethod(typeof(PyObject));
        public static readonly MethodInfo CodeConsts = typeof(PyCode).GetProperty(nameof(PyCode.Consts))!.GetMethod!;
        public static readonly MethodInfo CodeNames = typeof(PyCode).GetProperty(nameof(PyCode.Names))!.GetMethod!;

        private static FieldInfo Field(Type type, string name) => type.GetField(name, Any)!;

        public static MethodInfo Method(string name) => typeof(Interpreter).GetMethod(name, Any)!;

        public static MethodInfo SpecializeMethod(string name) => typeof(Specialize).GetMethod(name, Any)!;

        public static MethodInfo Ops(string name) => typeof(Abstract.Ops).GetMethod(name, Any, [typeof(PyObject)])!;
    }
}
