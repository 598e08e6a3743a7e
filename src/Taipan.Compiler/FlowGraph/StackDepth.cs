// Python/compile.c (stackdepth)
using Taipan.Bytecode;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.FlowGraph;

/// <summary>The largest stack any path through the graph needs, from the stack effects of
/// the shared opcode table (cycles are assumed to leave the depth unchanged).</summary>
internal static class StackDepth
{
    public static int Compute(BasicBlock entry, List<BasicBlock> allBlocks, bool generatorOrCoroutine)
    {
        foreach (var b in allBlocks)
        {
            b.StartDepth = int.MinValue;
        }
        var stack = new Stack<BasicBlock>();
        int maxdepth = 0;
        Push(stack, entry, generatorOrCoroutine ? 1 : 0);
        while (stack.Count > 0)
        {
            var b = stack.Pop();
            int depth = b.StartDepth;
            var next = b.Next;
            for (int i = 0; i < b.Count; i++)
            {
                ref var instr = ref b[i];
                int effect = OpcodeInfo.StackEffect(instr.Opcode, instr.Oparg, 0);
                if (effect == OpcodeInfo.InvalidStackEffect)
                {
                    throw new Taipan.Syntax.Errors.PythonException("SystemError",
                        $"compiler stack_effect(opcode={instr.Opcode}, arg={instr.Oparg}) failed");
                }
                int newDepth = depth + effect;
                maxdepth = Math.Max(maxdepth, newDepth);
                if (instr.IsJump || instr.IsBlockPush)
                {
                    int targetDepth = depth + OpcodeInfo.StackEffect(instr.Opcode, instr.Oparg, 1);
                    maxdepth = Math.Max(maxdepth, targetDepth);
                    Push(stack, instr.Target!, targetDepth);
                }
                depth = newDepth;
                if (instr.Opcode is (int)JUMP_NO_INTERRUPT or (int)JUMP or (int)RETURN_VALUE
                    or (int)RAISE_VARARGS or (int)RERAISE)
                {
                    // The rest of the block is dead.
                    next = null;
                    break;
                }
            }
            if (next is not null)
            {
                Push(stack, next, depth);
            }
        }
        return maxdepth;
    }

    private static void Push(Stack<BasicBlock> stack, BasicBlock b, int depth)
    {
        if (b.StartDepth < depth && b.StartDepth < 100)
        {
            b.StartDepth = depth;
            stack.Push(b);
        }
    }
}
