// Objects/frameobject.c (frame_setlineno: where a trace function may jump)
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// Assigning <c>f_lineno</c> from a line event: the target is the first instruction of the
/// nearest line at or after the one asked for, and the jump is allowed when the value stack
/// the target expects is no deeper than the current one (leaving a <c>for</c> loop pops its
/// iterator; entering a loop or a handler is refused, as CPython refuses incompatible stacks).
/// </summary>
internal static class FrameJump
{
    /// <summary>The code unit to jump to for line <paramref name="line"/>, or a ValueError.</summary>
    public static int Target(Frame frame, int line)
    {
        var code = frame.Code;
        var first = code.Code.FirstLineNo;
        if (line < first)
        {
            throw PyErr.ValueError($"line {line} comes before the current code block");
        }
        var units = code.Instructions.Length / 2;
        var bestLine = -1;
        var bestUnit = -1;
        for (var i = 0; i < units; i++)
        {
            var l = code.LineAt(i);
            if (l >= line && (bestLine < 0 || l < bestLine))
            {
                bestLine = l;
                bestUnit = i;
            }
        }
        if (bestUnit < 0)
        {
            throw PyErr.ValueError($"line {line} comes after the current code block");
        }
        var depths = StackDepths(code);
        var current = frame.StackPointer - frame.StackBase;
        var target = depths[bestUnit];
        if (target < 0)
        {
            throw PyErr.ValueError($"line {line} is not a valid jump target");
        }
        if (target > current)
        {
            throw PyErr.ValueError(IsForLoopBody(code, bestUnit) ? "can't jump into the body of a for loop" : "can't jump into an 'except' block as there's no exception");
        }
        return bestUnit;
    }

    /// <summary>Pops what the target does not expect, then the loop continues at it.</summary>
    public static void Apply(Frame frame, int target)
    {
        var depth = StackDepths(frame.Code)[target];
        var sp = frame.StackBase + depth;
        Array.Clear(frame.Slots, sp, frame.StackPointer - sp);
        frame.StackPointer = sp;
    }

    private static bool IsForLoopBody(PyCode code, int unit)
    {
        var instr = code.Instructions;
        for (var i = unit - 1; i >= 0; i--)
        {
            if ((Opcode)instr[i * 2] == Opcode.FOR_ITER)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The stack depth before each code unit (-1 where unreachable), following
    /// jumps and the exception table.</summary>
    private static int[] StackDepths(PyCode code)
    {
        var instr = code.Instructions;
        var units = instr.Length / 2;
        var depths = new int[units];
        Array.Fill(depths, -1);
        var work = new Stack<int>();
        void Push(int unit, int depth)
        {
            if ((uint)unit < (uint)units && depths[unit] < 0 && depth >= 0)
            {
                depths[unit] = depth;
                work.Push(unit);
            }
        }
        Push(0, 0);
        foreach (var h in code.Handlers)
        {
            Push(h.Target, h.Depth + (h.Lasti ? 2 : 1));
        }
        while (work.Count > 0)
        {
            var start = work.Pop();
            var depth = depths[start];
            var extended = 0;
            for (var i = start; i < units; i++)
            {
                if (i != start)
                {
                    if (depths[i] >= 0)
                    {
                        break;
                    }
                    depths[i] = depth;
                }
                var op = instr[i * 2];
                var arg = instr[i * 2 + 1] | extended;
                extended = (Opcode)op == Opcode.EXTENDED_ARG ? arg << 8 : 0;
                var info = OpcodeInfo.Get(op);
                if (info is null)
                {
                    break;
                }
                var next = i + 1 + info.CacheEntries;
                if (info.Jump != JumpKind.None)
                {
                    var jumpEffect = info.StackEffect(arg, 1);
                    var target = info.Jump == JumpKind.Backward ? next - arg : next + arg;
                    if (jumpEffect != OpcodeInfo.InvalidStackEffect)
                    {
                        Push(target, depth + jumpEffect);
                    }
                }
                if (info.IsUnconditionalJump || info.IsScopeExit)
                {
                    break;
                }
                var effect = info.StackEffect(arg, 0);
                if (effect == OpcodeInfo.InvalidStackEffect)
                {
                    break;
                }
                depth += effect;
                for (var c = i + 1; c < next && c < units; c++)
                {
                    depths[c] = depth;
                }
                i = next - 1;
            }
        }
        return depths;
    }
}
