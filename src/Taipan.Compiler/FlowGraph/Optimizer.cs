// Python/compile.c (optimize_cfg and the control-flow graph passes around it)
using Taipan.Bytecode;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.FlowGraph;

/// <summary>The passes 3.11's assembler runs over the control-flow graph before emitting
/// code: block normalization, peephole optimization with jump threading and constant
/// folding, dead block elimination, NOP removal and line number propagation.</summary>
internal static class Optimizer
{
    /// <summary>Blocks this small (and without line numbers) are copied into a jump's place.</summary>
    private const int MaxCopySize = 4;

    /// <summary>normalize_basic_block: marks exits and blocks without fall-through, and
    /// skips jump targets over empty blocks.</summary>
    public static void NormalizeBasicBlock(BasicBlock bb)
    {
        for (int i = 0; i < bb.Count; i++)
        {
            switch (bb[i].Opcode)
            {
                case (int)RETURN_VALUE:
                case (int)RAISE_VARARGS:
                case (int)RERAISE:
                    bb.Exit = true;
                    bb.NoFallthrough = true;
                    break;
                case (int)JUMP:
                case (int)JUMP_NO_INTERRUPT:
                    bb.NoFallthrough = true;
                    goto case (int)FOR_ITER;
                case (int)POP_JUMP_IF_NOT_NONE:
                case (int)POP_JUMP_IF_NONE:
                case (int)POP_JUMP_IF_FALSE:
                case (int)POP_JUMP_IF_TRUE:
                case (int)JUMP_IF_FALSE_OR_POP:
                case (int)JUMP_IF_TRUE_OR_POP:
                case (int)FOR_ITER:
                    if (i != bb.Count - 1)
                    {
                        throw new Taipan.Syntax.Errors.PythonException("SystemError", "malformed control flow graph.");
                    }
                    while (bb[i].Target!.Count == 0)
                    {
                        bb[i].Target = bb[i].Target!.Next;
                    }
                    break;
            }
        }
    }

    /// <summary>extend_block: a block ending in a jump to a small exit block without line
    /// numbers (an implicit <c>return None</c>) gets a copy of that block instead.</summary>
    public static void ExtendBlock(BasicBlock bb)
    {
        if (bb.Count == 0)
        {
            return;
        }
        ref var last = ref bb.Last;
        if (last.Opcode != (int)JUMP && last.Opcode != (int)JUMP_FORWARD && last.Opcode != (int)JUMP_BACKWARD)
        {
            return;
        }
        var target = last.Target!;
        if (target.Exit && target.Count <= MaxCopySize)
        {
            if (target.HasLineno())
            {
                return;
            }
            last.Opcode = (int)NOP;
            for (int i = 0; i < target.Count; i++)
            {
                int index = bb.NextInstr();
                bb[index] = target[i];
            }
            bb.Exit = true;
        }
    }

    /// <summary>clean_basic_block: removes NOPs that carry no line of their own.</summary>
    public static void CleanBasicBlock(BasicBlock bb)
    {
        int dest = 0;
        int prevLineno = -1;
        for (int src = 0; src < bb.Count; src++)
        {
            int lineno = bb[src].Lineno;
            if (bb[src].Opcode == (int)NOP)
            {
                if (lineno < 0)
                {
                    continue;
                }
                if (prevLineno == lineno)
                {
                    continue;
                }
                if (src < bb.Count - 1)
                {
                    int nextLineno = bb[src + 1].Lineno;
                    if (nextLineno == lineno)
                    {
                        continue;
                    }
                    if (nextLineno < 0)
                    {
                        bb[src + 1].CopyLocationFrom(bb[src]);
                        continue;
                    }
                }
                else
                {
                    var next = bb.Next;
                    while (next is not null && next.Count == 0)
                    {
                        next = next.Next;
                    }
                    if (next is not null && lineno == next[0].Lineno)
                    {
                        continue;
                    }
                }
            }
            if (dest != src)
            {
                bb[dest] = bb[src];
            }
            dest++;
            prevLineno = lineno;
        }
        bb.Count = dest;
    }

    /// <summary>fold_tuple_on_constants: LOAD_CONST × n, BUILD_TUPLE n → LOAD_CONST tuple.</summary>
    private static void FoldTupleOnConstants(BasicBlock bb, int start, int n, List<object> consts, Dictionary<object, int> index)
    {
        for (int i = 0; i < n; i++)
        {
            if (bb[start + i].Opcode != (int)LOAD_CONST)
            {
                return;
            }
        }
        var items = new object[n];
        for (int i = 0; i < n; i++)
        {
            items[i] = consts[bb[start + i].Oparg];
        }
        var newConst = new ConstantTuple(items);
        if (!index.TryGetValue(newConst, out int at))
        {
            at = consts.Count;
            consts.Add(newConst);
            index[newConst] = at;
        }
        for (int i = 0; i < n; i++)
        {
            bb[start + i].Opcode = (int)NOP;
        }
        bb[start + n].Opcode = (int)LOAD_CONST;
        bb[start + n].Oparg = at;
    }

    /// <summary>swaptimize: replaces a run of SWAPs and NOPs by the shortest equivalent.</summary>
    private static void Swaptimize(BasicBlock block, ref int ix)
    {
        int depth = block[ix].Oparg;
        int len = 0;
        bool more = false;
        int limit = block.Count - ix;
        while (++len < limit)
        {
            int opcode = block[ix + len].Opcode;
            if (opcode == (int)SWAP)
            {
                depth = Math.Max(depth, block[ix + len].Oparg);
                more = true;
            }
            else if (opcode != (int)NOP)
            {
                break;
            }
        }
        if (!more)
        {
            return;
        }
        var stack = new int[depth];
        for (int i = 0; i < depth; i++)
        {
            stack[i] = i;
        }
        for (int i = 0; i < len; i++)
        {
            if (block[ix + i].Opcode == (int)SWAP)
            {
                int oparg = block[ix + i].Oparg;
                (stack[0], stack[oparg - 1]) = (stack[oparg - 1], stack[0]);
            }
        }
        // Undo the permutation cycle by cycle, writing the swaps from the end of the run.
        const int visited = -1;
        int current = len - 1;
        for (int i = 0; i < depth; i++)
        {
            if (stack[i] == visited || stack[i] == i)
            {
                continue;
            }
            int j = i;
            while (true)
            {
                if (j != 0)
                {
                    block[ix + current].Opcode = (int)SWAP;
                    block[ix + current].Oparg = j + 1;
                    current--;
                }
                if (stack[j] == visited)
                {
                    break;
                }
                int nextJ = stack[j];
                stack[j] = visited;
                j = nextJ;
            }
        }
        while (0 <= current)
        {
            block[ix + current].Opcode = (int)NOP;
            current--;
        }
        ix += len - 1;
    }

    private static bool Swappable(int opcode) => opcode is (int)STORE_FAST or (int)POP_TOP;

    private static int StoresTo(in Instr i) => i.Opcode == (int)STORE_FAST ? i.Oparg : -1;

    private static int NextSwappableInstruction(BasicBlock block, int i, int lineno)
    {
        while (++i < block.Count)
        {
            ref var instruction = ref block[i];
            if (0 <= lineno && instruction.Lineno != lineno)
            {
                // Reordering across lines would change what line tracing sees bound.
                return -1;
            }
            if (instruction.Opcode == (int)NOP)
            {
                continue;
            }
            if (Swappable(instruction.Opcode))
            {
                return i;
            }
            return -1;
        }
        return -1;
    }

    /// <summary>apply_static_swaps: SWAP, POP_TOP, STORE_FAST becomes NOP, STORE_FAST, POP_TOP.</summary>
    private static void ApplyStaticSwaps(BasicBlock block, int i)
    {
        for (; 0 <= i; i--)
        {
            ref var swap = ref block[i];
            if (swap.Opcode != (int)SWAP)
            {
                if (swap.Opcode == (int)NOP || Swappable(swap.Opcode))
                {
                    continue;
                }
                return;
            }
            int j = NextSwappableInstruction(block, i, -1);
            if (j < 0)
            {
                return;
            }
            int k = j;
            int lineno = block[j].Lineno;
            for (int count = swap.Oparg - 1; 0 < count; count--)
            {
                k = NextSwappableInstruction(block, k, lineno);
                if (k < 0)
                {
                    return;
                }
            }
            int storeJ = StoresTo(block[j]);
            int storeK = StoresTo(block[k]);
            if (storeJ >= 0 || storeK >= 0)
            {
                if (storeJ == storeK)
                {
                    return;
                }
                for (int idx = j + 1; idx < k; idx++)
                {
                    int storeIdx = StoresTo(block[idx]);
                    if (storeIdx >= 0 && (storeIdx == storeJ || storeIdx == storeK))
                    {
                        return;
                    }
                }
            }
            swap.Opcode = (int)NOP;
            (block[j], block[k]) = (block[k], block[j]);
        }
    }

    /// <summary>jump_thread: a jump to a jump goes straight to the final target (same line only).</summary>
    private static bool JumpThread(ref Instr inst, in Instr target, int opcode)
    {
        if (inst.Lineno == target.Lineno && inst.Target != target.Target)
        {
            inst.Target = target.Target;
            inst.Opcode = opcode;
            return true;
        }
        return false;
    }

    private static void OptimizeBasicBlock(BasicBlock bb, List<object> consts, Dictionary<object, int> constIndex)
    {
        var nop = new Instr { Opcode = (int)NOP };
        for (int i = 0; i < bb.Count; i++)
        {
            ref var inst = ref bb[i];
            int oparg = inst.Oparg;
            int nextop = i + 1 < bb.Count ? bb[i + 1].Opcode : 0;
            Instr target;
            if (inst.IsJump || inst.IsBlockPush)
            {
                while (inst.Target!.Count == 0)
                {
                    inst.Target = inst.Target.Next;
                }
                target = inst.Target![0];
            }
            else
            {
                target = nop;
            }
            switch (inst.Opcode)
            {
                case (int)LOAD_CONST:
                    switch (nextop)
                    {
                        case (int)POP_JUMP_IF_FALSE:
                        case (int)POP_JUMP_IF_TRUE:
                        {
                            bool isTrue = Taipan.Compiler.AstOpt.ConstantFolding.IsTrue(consts[oparg]);
                            inst.Opcode = (int)NOP;
                            bool jumpIfTrue = nextop == (int)POP_JUMP_IF_TRUE;
                            if (isTrue == jumpIfTrue)
                            {
                                bb[i + 1].Opcode = (int)JUMP;
                                bb.NoFallthrough = true;
                            }
                            else
                            {
                                bb[i + 1].Opcode = (int)NOP;
                            }
                            break;
                        }
                        case (int)JUMP_IF_FALSE_OR_POP:
                        case (int)JUMP_IF_TRUE_OR_POP:
                        {
                            bool isTrue = Taipan.Compiler.AstOpt.ConstantFolding.IsTrue(consts[oparg]);
                            bool jumpIfTrue = nextop == (int)JUMP_IF_TRUE_OR_POP;
                            if (isTrue == jumpIfTrue)
                            {
                                bb[i + 1].Opcode = (int)JUMP;
                                bb.NoFallthrough = true;
                            }
                            else
                            {
                                inst.Opcode = (int)NOP;
                                bb[i + 1].Opcode = (int)NOP;
                            }
                            break;
                        }
                        case (int)IS_OP:
                        {
                            int jumpOp = i + 2 < bb.Count ? bb[i + 2].Opcode : 0;
                            if (consts[oparg] == Taipan.Syntax.Ast.ConstantSingleton.None
                                && jumpOp is (int)POP_JUMP_IF_FALSE or (int)POP_JUMP_IF_TRUE)
                            {
                                int nextarg = bb[i + 1].Oparg & 0xFF;
                                inst.Opcode = (int)NOP;
                                bb[i + 1].Opcode = (int)NOP;
                                bb[i + 2].Opcode = (nextarg ^ (jumpOp == (int)POP_JUMP_IF_FALSE ? 1 : 0)) != 0
                                    ? (int)POP_JUMP_IF_NOT_NONE
                                    : (int)POP_JUMP_IF_NONE;
                            }
                            break;
                        }
                    }
                    break;
                case (int)BUILD_TUPLE:
                    if (nextop == (int)UNPACK_SEQUENCE && oparg == bb[i + 1].Oparg)
                    {
                        switch (oparg)
                        {
                            case 1:
                                inst.Opcode = (int)NOP;
                                bb[i + 1].Opcode = (int)NOP;
                                continue;
                            case 2:
                            case 3:
                                inst.Opcode = (int)NOP;
                                bb[i + 1].Opcode = (int)SWAP;
                                continue;
                        }
                    }
                    if (i >= oparg)
                    {
                        FoldTupleOnConstants(bb, i - oparg, oparg, consts, constIndex);
                    }
                    break;
                case (int)JUMP_IF_FALSE_OR_POP:
                    switch (target.Opcode)
                    {
                        case (int)POP_JUMP_IF_FALSE:
                            i -= JumpThread(ref inst, target, (int)POP_JUMP_IF_FALSE) ? 1 : 0;
                            break;
                        case (int)JUMP:
                        case (int)JUMP_IF_FALSE_OR_POP:
                            i -= JumpThread(ref inst, target, (int)JUMP_IF_FALSE_OR_POP) ? 1 : 0;
                            break;
                        case (int)JUMP_IF_TRUE_OR_POP:
                        case (int)POP_JUMP_IF_TRUE:
                            if (inst.Lineno == target.Lineno)
                            {
                                inst.Opcode = (int)POP_JUMP_IF_FALSE;
                                inst.Target = inst.Target!.Next;
                                i--;
                            }
                            break;
                    }
                    break;
                case (int)JUMP_IF_TRUE_OR_POP:
                    switch (target.Opcode)
                    {
                        case (int)POP_JUMP_IF_TRUE:
                            i -= JumpThread(ref inst, target, (int)POP_JUMP_IF_TRUE) ? 1 : 0;
                            break;
                        case (int)JUMP:
                        case (int)JUMP_IF_TRUE_OR_POP:
                            i -= JumpThread(ref inst, target, (int)JUMP_IF_TRUE_OR_POP) ? 1 : 0;
                            break;
                        case (int)JUMP_IF_FALSE_OR_POP:
                        case (int)POP_JUMP_IF_FALSE:
                            if (inst.Lineno == target.Lineno)
                            {
                                inst.Opcode = (int)POP_JUMP_IF_TRUE;
                                inst.Target = inst.Target!.Next;
                                i--;
                            }
                            break;
                    }
                    break;
                case (int)POP_JUMP_IF_NOT_NONE:
                case (int)POP_JUMP_IF_NONE:
                case (int)POP_JUMP_IF_FALSE:
                case (int)POP_JUMP_IF_TRUE:
                case (int)JUMP:
                    if (target.Opcode == (int)JUMP)
                    {
                        i -= JumpThread(ref inst, target, inst.Opcode) ? 1 : 0;
                    }
                    break;
                case (int)SWAP:
                    if (oparg == 1)
                    {
                        inst.Opcode = (int)NOP;
                        break;
                    }
                    Swaptimize(bb, ref i);
                    ApplyStaticSwaps(bb, i);
                    break;
                case (int)PUSH_NULL:
                    // CPython tests the next opcode's low bit here, which LOAD_GLOBAL never has.
                    if (nextop == (int)LOAD_GLOBAL && (bb[i + 1].Opcode & 1) == 0)
                    {
                        inst.Opcode = (int)NOP;
                        inst.Oparg = 0;
                        bb[i + 1].Oparg |= 1;
                    }
                    break;
            }
        }
    }

    private static void MarkReachable(BasicBlock entry)
    {
        var stack = new Stack<BasicBlock>();
        entry.Predecessors = 1;
        stack.Push(entry);
        while (stack.Count > 0)
        {
            var b = stack.Pop();
            if (b.Next is not null && !b.NoFallthrough)
            {
                if (b.Next.Predecessors == 0)
                {
                    stack.Push(b.Next);
                }
                b.Next.Predecessors++;
            }
            for (int i = 0; i < b.Count; i++)
            {
                ref var instr = ref b[i];
                if (instr.IsJump || instr.IsBlockPush)
                {
                    var target = instr.Target!;
                    if (target.Predecessors == 0)
                    {
                        stack.Push(target);
                    }
                    target.Predecessors++;
                }
            }
        }
    }

    public static void EliminateEmptyBasicBlocks(BasicBlock entry)
    {
        for (var b = entry; b is not null; b = b.Next)
        {
            var next = b.Next;
            if (next is not null)
            {
                while (next.Count == 0 && next.Next is not null)
                {
                    next = next.Next;
                }
                b.Next = next;
            }
        }
        for (var b = entry; b is not null; b = b.Next)
        {
            if (b.Count == 0)
            {
                continue;
            }
            ref var last = ref b.Last;
            if (last.IsJump)
            {
                var target = last.Target!;
                while (target.Count == 0)
                {
                    target = target.Next!;
                }
                last.Target = target;
            }
        }
    }

    /// <summary>optimize_cfg.</summary>
    public static void OptimizeCfg(BasicBlock entry, List<BasicBlock> allBlocks, List<object> consts)
    {
        // The first index of each constant key, for folded tuples to find or join.
        var constIndex = new Dictionary<object, int>(Taipan.Compiler.CodeGen.ConstantKeyComparer.Instance);
        for (int i = consts.Count - 1; i >= 0; i--)
        {
            constIndex[consts[i]] = i;
        }
        for (var b = entry; b is not null; b = b.Next)
        {
            OptimizeBasicBlock(b, consts, constIndex);
            CleanBasicBlock(b);
        }
        for (int i = allBlocks.Count - 1; i >= 0; i--)
        {
            ExtendBlock(allBlocks[i]);
        }
        MarkReachable(entry);
        for (var b = entry; b is not null; b = b.Next)
        {
            if (b.Predecessors == 0)
            {
                b.Count = 0;
                b.NoFallthrough = false;
            }
        }
        EliminateEmptyBasicBlocks(entry);
        for (var b = entry; b is not null; b = b.Next)
        {
            CleanBasicBlock(b);
        }
        // A jump to the block that follows anyway is dropped.
        bool maybeEmptyBlocks = false;
        for (var b = entry; b is not null; b = b.Next)
        {
            if (b.Count > 0)
            {
                ref var last = ref b.Last;
                if (last.Opcode is (int)JUMP or (int)JUMP_NO_INTERRUPT && last.Target == b.Next)
                {
                    b.NoFallthrough = false;
                    last.Opcode = (int)NOP;
                    maybeEmptyBlocks = true;
                }
            }
        }
        if (maybeEmptyBlocks)
        {
            EliminateEmptyBasicBlocks(entry);
        }
    }

    /// <summary>trim_unused_consts: drops trailing constants no instruction uses (the first,
    /// a possible docstring, always stays).</summary>
    public static void TrimUnusedConsts(BasicBlock entry, List<object> consts)
    {
        int maxConstIndex = 0;
        for (var b = entry; b is not null; b = b.Next)
        {
            for (int i = 0; i < b.Count; i++)
            {
                if (b[i].Opcode is (int)LOAD_CONST or (int)KW_NAMES && b[i].Oparg > maxConstIndex)
                {
                    maxConstIndex = b[i].Oparg;
                }
            }
        }
        if (maxConstIndex + 1 < consts.Count)
        {
            consts.RemoveRange(maxConstIndex + 1, consts.Count - maxConstIndex - 1);
        }
    }

    private static bool IsExitWithoutLineno(BasicBlock b)
    {
        if (!b.Exit)
        {
            return false;
        }
        for (int i = 0; i < b.Count; i++)
        {
            if (b[i].Lineno >= 0)
            {
                return false;
            }
        }
        return true;
    }

    private static BasicBlock CopyBlock(BasicBlock block, List<BasicBlock> allBlocks)
    {
        var result = new BasicBlock();
        allBlocks.Add(result);
        for (int i = 0; i < block.Count; i++)
        {
            int n = result.NextInstr();
            result[n] = block[i];
        }
        result.Exit = block.Exit;
        result.NoFallthrough = true;
        return result;
    }

    /// <summary>duplicate_exits_without_lineno: each exit block without a line number gets
    /// a single predecessor, whose line it can then take (PEP 626).</summary>
    public static void DuplicateExitsWithoutLineno(List<BasicBlock> allBlocks)
    {
        int n = allBlocks.Count;
        for (int k = n - 1; k >= 0; k--)
        {
            var b = allBlocks[k];
            if (b.Count > 0 && b.Last.IsJump)
            {
                var target = b.Last.Target!;
                if (IsExitWithoutLineno(target) && target.Predecessors > 1)
                {
                    var newTarget = CopyBlock(target, allBlocks);
                    newTarget[0].CopyLocationFrom(b.Last);
                    b.Last.Target = newTarget;
                    target.Predecessors--;
                    newTarget.Predecessors = 1;
                    newTarget.Next = target.Next;
                    target.Next = newTarget;
                }
            }
        }
        for (int k = allBlocks.Count - 1; k >= 0; k--)
        {
            var b = allBlocks[k];
            while (b.Next is not null && b.Next.Count == 0)
            {
                b.Next = b.Next.Next;
            }
        }
        // What remains is reached by fall-through only, from a single predecessor.
        for (int k = allBlocks.Count - 1; k >= 0; k--)
        {
            var b = allBlocks[k];
            if (!b.NoFallthrough && b.Next is not null && b.Count > 0 && IsExitWithoutLineno(b.Next))
            {
                b.Next[0].CopyLocationFrom(b.Last);
            }
        }
    }

    /// <summary>propagate_line_numbers.</summary>
    public static void PropagateLineNumbers(BasicBlock entry)
    {
        for (var b = entry; b is not null; b = b.Next)
        {
            if (b.Count == 0)
            {
                continue;
            }
            var prev = new Instr { Lineno = -1, ColOffset = -1, EndLineno = -1, EndColOffset = -1 };
            for (int i = 0; i < b.Count; i++)
            {
                if (b[i].Lineno < 0)
                {
                    b[i].CopyLocationFrom(prev);
                }
                else
                {
                    prev.CopyLocationFrom(b[i]);
                }
            }
            if (!b.NoFallthrough && b.Next!.Predecessors == 1 && b.Next[0].Lineno < 0)
            {
                b.Next[0].CopyLocationFrom(prev);
            }
            if (b.Last.IsJump)
            {
                var target = b.Last.Target!;
                if (target.Predecessors == 1 && target[0].Lineno < 0)
                {
                    target[0].CopyLocationFrom(prev);
                }
            }
        }
    }

    /// <summary>guarantee_lineno_for_exits: a return without a line takes the last line seen.</summary>
    public static void GuaranteeLinenoForExits(BasicBlock entry, int firstlineno)
    {
        int lineno = firstlineno;
        for (var b = entry; b is not null; b = b.Next)
        {
            if (b.Count == 0)
            {
                continue;
            }
            if (b.Last.Lineno < 0)
            {
                if (b.Last.Opcode == (int)RETURN_VALUE)
                {
                    for (int i = 0; i < b.Count; i++)
                    {
                        b[i].Lineno = lineno;
                    }
                }
            }
            else
            {
                lineno = b.Last.Lineno;
            }
        }
    }
}
