// Python/compile.c (label_exception_targets)
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.FlowGraph;

/// <summary>Gives every instruction the exception handler in force where it runs, following
/// the SETUP_* / POP_BLOCK pseudo instructions along all paths, then turns those into NOPs.</summary>
internal static class ExceptionTargets
{
    private static BasicBlock PushExceptBlock(ExceptStack stack, in Instr setup)
    {
        var target = setup.Target!;
        if (setup.Opcode is (int)SETUP_WITH or (int)SETUP_CLEANUP)
        {
            target.PreserveLasti = true;
        }
        if (stack.Depth + 1 >= stack.Handlers.Length)
        {
            Array.Resize(ref stack.Handlers, stack.Handlers.Length * 2);
        }
        stack.Handlers[++stack.Depth] = target;
        return target;
    }

    public static void Label(BasicBlock entry)
    {
        for (var b = entry; b is not null; b = b.Next)
        {
            b.Visited = false;
        }
        var todo = new Stack<BasicBlock>();
        var exceptStack = new ExceptStack();
        todo.Push(entry);
        entry.Visited = true;
        entry.ExceptStack = exceptStack;
        while (todo.Count > 0)
        {
            var b = todo.Pop();
            ExceptStack? stack = b.ExceptStack!;
            b.ExceptStack = null;
            var handler = stack.Handlers[stack.Depth];
            for (int i = 0; i < b.Count; i++)
            {
                ref var instr = ref b[i];
                if (instr.IsBlockPush)
                {
                    if (!instr.Target!.Visited)
                    {
                        instr.Target.ExceptStack = stack!.Copy();
                        todo.Push(instr.Target);
                        instr.Target.Visited = true;
                    }
                    handler = PushExceptBlock(stack!, instr);
                }
                else if (instr.Opcode == (int)POP_BLOCK)
                {
                    handler = stack!.Handlers[--stack.Depth];
                }
                else if (instr.IsJump)
                {
                    instr.Except = handler;
                    if (!instr.Target!.Visited)
                    {
                        if (!b.NoFallthrough)
                        {
                            instr.Target.ExceptStack = stack!.Copy();
                        }
                        else
                        {
                            instr.Target.ExceptStack = stack;
                            stack = null;
                        }
                        todo.Push(instr.Target);
                        instr.Target.Visited = true;
                    }
                }
                else
                {
                    instr.Except = handler;
                }
            }
            if (!b.NoFallthrough && b.Next is not null && !b.Next.Visited)
            {
                b.Next.ExceptStack = stack;
                todo.Push(b.Next);
                b.Next.Visited = true;
            }
        }
    }

    public static void ConvertToNops(BasicBlock entry)
    {
        for (var b = entry; b is not null; b = b.Next)
        {
            for (int i = 0; i < b.Count; i++)
            {
                if (b[i].IsBlockPush || b[i].Opcode == (int)POP_BLOCK)
                {
                    b[i].Opcode = (int)Taipan.Bytecode.Opcode.NOP;
                }
            }
        }
    }
}
