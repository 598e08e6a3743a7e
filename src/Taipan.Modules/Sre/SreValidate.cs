// Modules/_sre/sre.c (_validate: checking the code array before it is used)
using Taipan.Runtime.Errors;
using static Taipan.Modules.Sre.SreConstants;

namespace Taipan.Modules.Sre;

/// <summary>Checks that a code array is well formed, so the engine never reads outside it or
/// loops on a zero skip: every opcode known, every skip forward and inside its block, marks
/// and group references below the group count. Blocks are walked with an explicit work list.</summary>
internal static class SreValidate
{
    private static PyException Invalid() => PyErr.RuntimeError("invalid SRE code");

    public static void Validate(int[] code, int groups)
    {
        // The code ends with the SUCCESS of the whole pattern.
        if (code.Length == 0 || code[^1] != Success)
        {
            throw Invalid();
        }
        var work = new Stack<(int Start, int End)>();
        work.Push((0, code.Length - 1));
        while (work.Count > 0)
        {
            var (pc, end) = work.Pop();
            Block(code, pc, end, groups, work);
        }
    }

    private static int Skip(int[] code, int pc, int end)
    {
        if (pc >= end)
        {
            throw Invalid();
        }
        var skip = code[pc];
        if (skip <= 0 || skip > end - pc)
        {
            throw Invalid();
        }
        return pc + skip;
    }

    private static void Need(int pc, int n, int end)
    {
        if (pc + n > end)
        {
            throw Invalid();
        }
    }

    private static void Block(int[] code, int pc, int end, int groups, Stack<(int, int)> work)
    {
        while (pc < end)
        {
            var op = code[pc++];
            switch (op)
            {
                case Failure:
                case Success:
                case Any:
                case AnyAll:
                case MaxUntil:
                case MinUntil:
                    break;
                case At:
                    Need(pc, 1, end);
                    if ((uint)code[pc] > AtUniNonBoundary)
                    {
                        throw Invalid();
                    }
                    pc++;
                    break;
                case Literal:
                case NotLiteral:
                case LiteralIgnore:
                case NotLiteralIgnore:
                case LiteralUniIgnore:
                case NotLiteralUniIgnore:
                case LiteralLocIgnore:
                case NotLiteralLocIgnore:
                    Need(pc, 1, end);
                    pc++;
                    break;
                case Category:
                    Need(pc, 1, end);
                    if ((uint)code[pc] > CategoryUniNotLinebreak)
                    {
                        throw Invalid();
                    }
                    pc++;
                    break;
                case Mark:
                    Need(pc, 1, end);
                    if ((uint)code[pc] >= 2 * (uint)groups + 2)
                    {
                        throw Invalid();
                    }
                    pc++;
                    break;
                case GroupRef:
                case GroupRefIgnore:
                case GroupRefUniIgnore:
                case GroupRefLocIgnore:
                    Need(pc, 1, end);
                    if ((uint)code[pc] >= (uint)groups)
                    {
                        throw Invalid();
                    }
                    pc++;
                    break;
                case In:
                case InIgnore:
                case InUniIgnore:
                case InLocIgnore:
                    {
                        var next = Skip(code, pc, end);
                        Charset(code, pc + 1, next);
                        pc = next;
                        break;
                    }
                case Info:
                    {
                        var next = Skip(code, pc, end);
                        Need(pc, 4, next);
                        pc = next;
                        break;
                    }
                case Jump:
                    // A branch's JUMP leaves its alternative for the code after the BRANCH.
                    pc = Skip(code, pc, code.Length);
                    break;
                case Branch:
                    for (;;)
                    {
                        Need(pc, 1, end);
                        if (code[pc] == 0)
                        {
                            pc++;
                            break;
                        }
                        var next = Skip(code, pc, end);
                        work.Push((pc + 1, next));
                        pc = next;
                    }
                    break;
                case Repeat:
                case RepeatOne:
                case MinRepeatOne:
                case PossessiveRepeat:
                case PossessiveRepeatOne:
                    {
                        var next = Skip(code, pc, end);
                        Need(pc, 3, next);
                        if ((uint)code[pc + 1] > (uint)code[pc + 2])
                        {
                            throw Invalid();
                        }
                        work.Push((pc + 3, next));
                        pc = next;
                        if (op == Repeat && (pc >= end || (code[pc] != MaxUntil && code[pc] != MinUntil)))
                        {
                            throw Invalid();
                        }
                        break;
                    }
                case AtomicGroup:
                    {
                        var next = Skip(code, pc, end);
                        work.Push((pc + 1, next));
                        pc = next;
                        break;
                    }
                case Assert:
                case AssertNot:
                    {
                        var next = Skip(code, pc, end);
                        Need(pc, 2, next);
                        work.Push((pc + 2, next));
                        pc = next;
                        break;
                    }
                case GroupRefExists:
                    {
                        Need(pc, 2, end);
                        if ((uint)code[pc] >= (uint)groups)
                        {
                            throw Invalid();
                        }
                        var next = Skip(code, pc + 1, end + 1) - 1;
                        pc += 2;
                        if (next < pc || next > end)
                        {
                            throw Invalid();
                        }
                        break;
                    }
                default:
                    throw Invalid();
            }
        }
    }

    /// <summary>A set: its items up to the FAILURE that ends it, all inside [pc, end).</summary>
    private static void Charset(int[] code, int pc, int end)
    {
        while (pc < end)
        {
            switch (code[pc++])
            {
                case Failure:
                    return;
                case Negate:
                    break;
                case Literal:
                case Category:
                    Need(pc, 1, end);
                    pc++;
                    break;
                case SreConstants.Range:
                case RangeUniIgnore:
                    Need(pc, 2, end);
                    pc += 2;
                    break;
                case SreConstants.Charset:
                    Need(pc, 8, end);
                    pc += 8;
                    break;
                case BigCharset:
                    {
                        Need(pc, 1, end);
                        var count = code[pc++];
                        if (count < 0 || count > 256)
                        {
                            throw Invalid();
                        }
                        Need(pc, 64 + count * 8, end);
                        for (var k = 0; k < 256; k++)
                        {
                            if (((code[pc + (k >> 2)] >> ((k & 3) * 8)) & 0xff) >= count)
                            {
                                throw Invalid();
                            }
                        }
                        pc += 64 + count * 8;
                        break;
                    }
                default:
                    throw Invalid();
            }
        }
        throw Invalid();
    }
}
