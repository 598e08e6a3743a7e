// Modules/_sre/sre_lib.h
using System.Numerics;
using System.Runtime.CompilerServices;
using Taipan.Runtime.Errors;
using static Taipan.Modules.Sre.SreConstants;

namespace Taipan.Modules.Sre;

/// <summary>The matching engine over a subject of 1-byte (bytes), 2-byte (str without astral
/// characters) or 4-byte (other str) units. A backtracking matcher whose sub-matches are frames
/// on an explicit stack (<see cref="SreState.Frames"/>), never .NET recursion, so no pattern
/// can overflow the stack.</summary>
internal static class SreLib<T> where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>The unit at <paramref name="i"/>; the type tests fold away in each instantiation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Ch(ReadOnlySpan<T> s, int i)
    {
        if (typeof(T) == typeof(byte))
        {
            return Unsafe.As<T, byte>(ref Unsafe.AsRef(in s[i]));
        }
        if (typeof(T) == typeof(char))
        {
            return Unsafe.As<T, char>(ref Unsafe.AsRef(in s[i]));
        }
        return Unsafe.As<T, int>(ref Unsafe.AsRef(in s[i]));
    }

    private static PyException IllegalOpcode() => PyErr.RuntimeError("internal error in regular expression engine");

    /// <summary><c>SRE(at)</c>.</summary>
    private static bool IsAt(SreState st, ReadOnlySpan<T> s, int ptr, int at)
    {
        var end = st.End;
        bool thisp, thatp;
        switch (at)
        {
            case AtBeginning:
            case AtBeginningString:
                return ptr == 0;
            case AtBeginningLine:
                return ptr == 0 || Ch(s, ptr - 1) == '\n';
            case AtEnd:
                return (ptr + 1 == end && Ch(s, ptr) == '\n') || ptr == end;
            case AtEndLine:
                return ptr == end || Ch(s, ptr) == '\n';
            case AtEndString:
                return ptr == end;
            case AtBoundary:
            case AtNonBoundary:
                if (end == 0)
                {
                    return false;
                }
                thatp = ptr > 0 && SreChars.IsWord(Ch(s, ptr - 1));
                thisp = ptr < end && SreChars.IsWord(Ch(s, ptr));
                return at == AtBoundary ? thisp != thatp : thisp == thatp;
            case AtLocBoundary:
            case AtLocNonBoundary:
                if (end == 0)
                {
                    return false;
                }
                thatp = ptr > 0 && SreChars.IsLocWord(Ch(s, ptr - 1));
                thisp = ptr < end && SreChars.IsLocWord(Ch(s, ptr));
                return at == AtLocBoundary ? thisp != thatp : thisp == thatp;
            case AtUniBoundary:
            case AtUniNonBoundary:
                if (end == 0)
                {
                    return false;
                }
                thatp = ptr > 0 && SreChars.IsUniWord(Ch(s, ptr - 1));
                thisp = ptr < end && SreChars.IsUniWord(Ch(s, ptr));
                return at == AtUniBoundary ? thisp != thatp : thisp == thatp;
            default:
                return false;
        }
    }

    /// <summary><c>SRE(count)</c>: how many times the single-character item at
    /// <paramref name="pc"/> matches from <c>st.Ptr</c>, at most <paramref name="maxCount"/>.</summary>
    private static int Count(SreState st, ReadOnlySpan<T> s, int[] code, int pc, long maxCount)
    {
        var start = st.Ptr;
        var ptr = start;
        var end = st.End;
        if (maxCount < end - ptr && maxCount != MaxRepeat)
        {
            end = ptr + (int)maxCount;
        }
        int chr;
        switch (code[pc])
        {
            case In:
                while (ptr < end && SreChars.Charset(code, pc + 2, Ch(s, ptr)))
                {
                    ptr++;
                }
                break;
            case Any:
                while (ptr < end && Ch(s, ptr) != '\n')
                {
                    ptr++;
                }
                break;
            case AnyAll:
                ptr = end;
                break;
            case Literal:
                chr = code[pc + 1];
                while (ptr < end && Ch(s, ptr) == chr)
                {
                    ptr++;
                }
                break;
            case LiteralIgnore:
                chr = code[pc + 1];
                while (ptr < end && SreChars.LowerAscii(Ch(s, ptr)) == chr)
                {
                    ptr++;
                }
                break;
            case LiteralUniIgnore:
                chr = code[pc + 1];
                while (ptr < end && SreChars.LowerUnicode(Ch(s, ptr)) == chr)
                {
                    ptr++;
                }
                break;
            case LiteralLocIgnore:
                chr = code[pc + 1];
                while (ptr < end && SreChars.CharLocIgnore(chr, Ch(s, ptr)))
                {
                    ptr++;
                }
                break;
            case NotLiteral:
                chr = code[pc + 1];
                while (ptr < end && Ch(s, ptr) != chr)
                {
                    ptr++;
                }
                break;
            case NotLiteralIgnore:
                chr = code[pc + 1];
                while (ptr < end && SreChars.LowerAscii(Ch(s, ptr)) != chr)
                {
                    ptr++;
                }
                break;
            case NotLiteralUniIgnore:
                chr = code[pc + 1];
                while (ptr < end && SreChars.LowerUnicode(Ch(s, ptr)) != chr)
                {
                    ptr++;
                }
                break;
            case NotLiteralLocIgnore:
                chr = code[pc + 1];
                while (ptr < end && !SreChars.CharLocIgnore(chr, Ch(s, ptr)))
                {
                    ptr++;
                }
                break;
            default:
                // Any other single-width item: run the matcher on it once per character.
                while (st.Ptr < end)
                {
                    if (Match(st, s, code, pc, false) == 0)
                    {
                        break;
                    }
                }
                return st.Ptr - start;
        }
        return ptr - start;
    }

    private const int JumpNone = 0;
    private const int JumpMaxUntil1 = 1;
    private const int JumpMaxUntil2 = 2;
    private const int JumpMaxUntil3 = 3;
    private const int JumpMinUntil1 = 4;
    private const int JumpMinUntil2 = 5;
    private const int JumpMinUntil3 = 6;
    private const int JumpRepeat = 7;
    private const int JumpRepeatOne1 = 8;
    private const int JumpRepeatOne2 = 9;
    private const int JumpMinRepeatOne = 10;
    private const int JumpBranch = 11;
    private const int JumpAssert = 12;
    private const int JumpAssertNot = 13;
    private const int JumpPossRepeat1 = 14;
    private const int JumpPossRepeat2 = 15;
    private const int JumpAtomicGroup = 16;

    private static long U(int v) => (uint)v;

    /// <summary><c>SRE(match)</c>: matches the code from <paramref name="startPc"/> at
    /// <c>st.Ptr</c>; on success returns 1 with <c>st.Ptr</c> at the end of the match. Each
    /// sub-match ("DO_JUMP") saves the current context as a frame and restarts the loop at
    /// <c>entrance</c>; its result resumes the saved opcode through the switch at <c>exit</c>.</summary>
    public static int Match(SreState st, ReadOnlySpan<T> s, int[] code, int startPc, bool startTopLevel)
    {
        var end = st.End;
        var baseFrame = st.FrameTop;
        var pc = startPc;
        var top = startTopLevel;
        int ptr, count = 0, lastmark = 0, lastindex = 0, rep = -1, ret = 0, jump, i;
        SreFrame f;

    entrance:
        ptr = st.Ptr;
        if (code[pc] == Info)
        {
            if (code[pc + 3] != 0 && end - ptr < U(code[pc + 3]))
            {
                goto fail;
            }
            pc += code[pc + 1] + 1;
        }

    dispatch:
        for (;;)
        {
            int c;
            switch (code[pc++])
            {
                case Mark:
                    i = code[pc];
                    if ((i & 1) != 0)
                    {
                        st.LastIndex = i / 2 + 1;
                    }
                    st.SetMark(i, ptr);
                    pc++;
                    continue;
                case Literal:
                    if (ptr >= end || Ch(s, ptr) != code[pc])
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case NotLiteral:
                    if (ptr >= end || Ch(s, ptr) == code[pc])
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case Success:
                    if (top && ((st.MatchAll && ptr != end) || (st.MustAdvance && ptr == st.Start)))
                    {
                        goto fail;
                    }
                    st.Ptr = ptr;
                    goto success;
                case At:
                    if (!IsAt(st, s, ptr, code[pc]))
                    {
                        goto fail;
                    }
                    pc++;
                    continue;
                case Category:
                    if (ptr >= end || !SreChars.InCategory(code[pc], Ch(s, ptr)))
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case Any:
                    if (ptr >= end || Ch(s, ptr) == '\n')
                    {
                        goto fail;
                    }
                    ptr++;
                    continue;
                case AnyAll:
                    if (ptr >= end)
                    {
                        goto fail;
                    }
                    ptr++;
                    continue;
                case In:
                    if (ptr >= end || !SreChars.Charset(code, pc + 1, Ch(s, ptr)))
                    {
                        goto fail;
                    }
                    pc += code[pc];
                    ptr++;
                    continue;
                case LiteralIgnore:
                    if (ptr >= end || SreChars.LowerAscii(Ch(s, ptr)) != code[pc])
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case LiteralUniIgnore:
                    if (ptr >= end || SreChars.LowerUnicode(Ch(s, ptr)) != code[pc])
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case LiteralLocIgnore:
                    if (ptr >= end || !SreChars.CharLocIgnore(code[pc], Ch(s, ptr)))
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case NotLiteralIgnore:
                    if (ptr >= end || SreChars.LowerAscii(Ch(s, ptr)) == code[pc])
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case NotLiteralUniIgnore:
                    if (ptr >= end || SreChars.LowerUnicode(Ch(s, ptr)) == code[pc])
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case NotLiteralLocIgnore:
                    if (ptr >= end || SreChars.CharLocIgnore(code[pc], Ch(s, ptr)))
                    {
                        goto fail;
                    }
                    pc++;
                    ptr++;
                    continue;
                case InIgnore:
                    if (ptr >= end || !SreChars.Charset(code, pc + 1, SreChars.LowerAscii(Ch(s, ptr))))
                    {
                        goto fail;
                    }
                    pc += code[pc];
                    ptr++;
                    continue;
                case InUniIgnore:
                    if (ptr >= end || !SreChars.Charset(code, pc + 1, SreChars.LowerUnicode(Ch(s, ptr))))
                    {
                        goto fail;
                    }
                    pc += code[pc];
                    ptr++;
                    continue;
                case InLocIgnore:
                    if (ptr >= end || !SreChars.CharsetLocIgnore(code, pc + 1, Ch(s, ptr)))
                    {
                        goto fail;
                    }
                    pc += code[pc];
                    ptr++;
                    continue;
                case Jump:
                case Info:
                    pc += code[pc];
                    continue;
                case Branch:
                    goto opBranch;
                case RepeatOne:
                    goto opRepeatOne;
                case MinRepeatOne:
                    goto opMinRepeatOne;
                case PossessiveRepeatOne:
                    if (ptr + U(code[pc + 1]) > end)
                    {
                        goto fail;
                    }
                    st.Ptr = ptr;
                    count = Count(st, s, code, pc + 3, U(code[pc + 2]));
                    ptr += count;
                    if (count < U(code[pc + 1]))
                    {
                        goto fail;
                    }
                    pc += code[pc];
                    if (code[pc] == Success && ptr == end && !(top && st.MustAdvance && ptr == st.Start))
                    {
                        st.Ptr = ptr;
                        goto success;
                    }
                    continue;
                case Repeat:
                    rep = st.AllocRepeat(pc);
                    st.Ptr = ptr;
                    jump = JumpRepeat;
                    i = pc + code[pc];
                    goto doJump;
                case MaxUntil:
                    goto opMaxUntil;
                case MinUntil:
                    goto opMinUntil;
                case PossessiveRepeat:
                    st.Ptr = ptr;
                    count = 0;
                    goto possMinLoop;
                case AtomicGroup:
                    st.Ptr = ptr;
                    jump = JumpAtomicGroup;
                    i = pc + 1;
                    goto doJump0;
                case GroupRef:
                case GroupRefIgnore:
                case GroupRefUniIgnore:
                case GroupRefLocIgnore:
                    {
                        var op = code[pc - 1];
                        var g = code[pc] * 2;
                        if (g >= st.LastMark)
                        {
                            goto fail;
                        }
                        var p = st.Marks[g];
                        var e = st.Marks[g + 1];
                        if (p < 0 || e < 0 || e < p)
                        {
                            goto fail;
                        }
                        if (ptr + (long)(e - p) > end)
                        {
                            goto fail;
                        }
                        for (; p < e; p++, ptr++)
                        {
                            int a = Ch(s, ptr), b = Ch(s, p);
                            var same = op switch
                            {
                                GroupRef => a == b,
                                GroupRefIgnore => SreChars.LowerAscii(a) == SreChars.LowerAscii(b),
                                GroupRefUniIgnore => SreChars.LowerUnicode(a) == SreChars.LowerUnicode(b),
                                _ => SreChars.LowerLocale(a) == SreChars.LowerLocale(b),
                            };
                            if (!same)
                            {
                                goto fail;
                            }
                        }
                        pc++;
                        continue;
                    }
                case GroupRefExists:
                    {
                        var g = code[pc] * 2;
                        if (g >= st.LastMark)
                        {
                            pc += code[pc + 1];
                            continue;
                        }
                        var p = st.Marks[g];
                        var e = st.Marks[g + 1];
                        if (p < 0 || e < 0 || e < p)
                        {
                            pc += code[pc + 1];
                            continue;
                        }
                        pc += 2;
                        continue;
                    }
                case Assert:
                    c = code[pc + 1];
                    if (ptr < U(c))
                    {
                        goto fail;
                    }
                    st.Ptr = ptr - c;
                    jump = JumpAssert;
                    i = pc + 2;
                    goto doJump0;
                case AssertNot:
                    c = code[pc + 1];
                    if (ptr >= U(c))
                    {
                        st.Ptr = ptr - c;
                        lastmark = st.LastMark;
                        lastindex = st.LastIndex;
                        if (st.Repeat >= 0)
                        {
                            st.MarkPush(lastmark);
                        }
                        jump = JumpAssertNot;
                        i = pc + 2;
                        goto doJump0;
                    }
                    pc += code[pc];
                    continue;
                case Failure:
                    goto fail;
                default:
                    throw IllegalOpcode();
            }
        }

    // DO_JUMP: the sub-match at code[i] inherits the top-level flag; DO_JUMP0 clears it.
    doJump:
        st.PushFrame(new SreFrame { Jump = jump, Pc = pc, Ptr = ptr, Count = count, LastMark = lastmark, LastIndex = lastindex, Rep = rep, TopLevel = top });
        pc = i;
        goto entrance;
    doJump0:
        st.PushFrame(new SreFrame { Jump = jump, Pc = pc, Ptr = ptr, Count = count, LastMark = lastmark, LastIndex = lastindex, Rep = rep, TopLevel = top });
        pc = i;
        top = false;
        goto entrance;

    fail:
        ret = 0;
        goto exit;
    success:
        ret = 1;
    exit:
        if (st.FrameTop == baseFrame)
        {
            return ret;
        }
        f = st.Frames[--st.FrameTop];
        pc = f.Pc;
        ptr = f.Ptr;
        count = f.Count;
        lastmark = f.LastMark;
        lastindex = f.LastIndex;
        rep = f.Rep;
        top = f.TopLevel;
        switch (f.Jump)
        {
            case JumpBranch: goto jumpBranch;
            case JumpRepeatOne1: goto jumpRepeatOne1;
            case JumpRepeatOne2: goto jumpRepeatOne2;
            case JumpMinRepeatOne: goto jumpMinRepeatOne;
            case JumpRepeat: goto jumpRepeat;
            case JumpMaxUntil1: goto jumpMaxUntil1;
            case JumpMaxUntil2: goto jumpMaxUntil2;
            case JumpMaxUntil3: goto jumpMaxUntil3;
            case JumpMinUntil1: goto jumpMinUntil1;
            case JumpMinUntil2: goto jumpMinUntil2;
            case JumpMinUntil3: goto jumpMinUntil3;
            case JumpAssert: goto jumpAssert;
            case JumpAssertNot: goto jumpAssertNot;
            case JumpPossRepeat1: goto jumpPossRepeat1;
            case JumpPossRepeat2: goto jumpPossRepeat2;
            case JumpAtomicGroup: goto jumpAtomicGroup;
            default: return ret;
        }

    // <BRANCH> <0=skip> code <JUMP> ... <NULL>
    opBranch:
        lastmark = st.LastMark;
        lastindex = st.LastIndex;
        if (st.Repeat >= 0)
        {
            st.MarkPush(lastmark);
        }
    branchLoop:
        if (code[pc] == 0)
        {
            if (st.Repeat >= 0)
            {
                st.MarkPop(lastmark, false, true);
            }
            goto fail;
        }
        if ((code[pc + 1] == Literal && (ptr >= end || Ch(s, ptr) != code[pc + 2]))
            || (code[pc + 1] == In && (ptr >= end || !SreChars.Charset(code, pc + 3, Ch(s, ptr)))))
        {
            pc += code[pc];
            goto branchLoop;
        }
        st.Ptr = ptr;
        jump = JumpBranch;
        i = pc + 1;
        goto doJump;
    jumpBranch:
        if (ret != 0)
        {
            if (st.Repeat >= 0)
            {
                st.MarkPop(lastmark, false, true);
            }
            goto success;
        }
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, true, false);
        }
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        pc += code[pc];
        goto branchLoop;

    // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
    opRepeatOne:
        if (U(code[pc + 1]) > end - ptr)
        {
            goto fail;
        }
        st.Ptr = ptr;
        count = Count(st, s, code, pc + 3, U(code[pc + 2]));
        ptr += count;
        if (count < U(code[pc + 1]))
        {
            goto fail;
        }
        if (code[pc + code[pc]] == Success && ptr == end && !(top && st.MustAdvance && ptr == st.Start))
        {
            st.Ptr = ptr;
            goto success;
        }
        lastmark = st.LastMark;
        lastindex = st.LastIndex;
        if (st.Repeat >= 0)
        {
            st.MarkPush(lastmark);
        }
        if (code[pc + code[pc]] == Literal)
        {
            goto repeatOne1Loop;
        }
        goto repeatOne2Loop;
    repeatOne1Loop:
        {
            // The tail starts with a literal: only try positions followed by it.
            var chr = code[pc + code[pc] + 1];
            long min = U(code[pc + 1]);
            while (count >= min && (ptr >= end || Ch(s, ptr) != chr))
            {
                ptr--;
                count--;
            }
            if (count < min)
            {
                goto repeatOneDone;
            }
        }
        st.Ptr = ptr;
        jump = JumpRepeatOne1;
        i = pc + code[pc];
        goto doJump;
    jumpRepeatOne1:
        if (ret != 0)
        {
            goto repeatOneSuccess;
        }
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, true, false);
        }
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        ptr--;
        count--;
        goto repeatOne1Loop;
    repeatOne2Loop:
        if (count < U(code[pc + 1]))
        {
            goto repeatOneDone;
        }
        st.Ptr = ptr;
        jump = JumpRepeatOne2;
        i = pc + code[pc];
        goto doJump;
    jumpRepeatOne2:
        if (ret != 0)
        {
            goto repeatOneSuccess;
        }
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, true, false);
        }
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        ptr--;
        count--;
        goto repeatOne2Loop;
    repeatOneSuccess:
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, false, true);
        }
        goto success;
    repeatOneDone:
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, false, true);
        }
        goto fail;

    // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
    opMinRepeatOne:
        if (U(code[pc + 1]) > end - ptr)
        {
            goto fail;
        }
        st.Ptr = ptr;
        if (code[pc + 1] == 0)
        {
            count = 0;
        }
        else
        {
            count = Count(st, s, code, pc + 3, U(code[pc + 1]));
            if (count < U(code[pc + 1]))
            {
                goto fail;
            }
            ptr += count;
        }
        if (code[pc + code[pc]] == Success
            && !(top && ((st.MatchAll && ptr != end) || (st.MustAdvance && ptr == st.Start))))
        {
            st.Ptr = ptr;
            goto success;
        }
        lastmark = st.LastMark;
        lastindex = st.LastIndex;
        if (st.Repeat >= 0)
        {
            st.MarkPush(lastmark);
        }
    minRepeatOneLoop:
        if (!((uint)code[pc + 2] == MaxRepeat || count <= U(code[pc + 2])))
        {
            goto repeatOneDone;
        }
        st.Ptr = ptr;
        jump = JumpMinRepeatOne;
        i = pc + code[pc];
        goto doJump;
    jumpMinRepeatOne:
        if (ret != 0)
        {
            goto repeatOneSuccess;
        }
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, true, false);
        }
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        st.Ptr = ptr;
        if (Count(st, s, code, pc + 3, 1) == 0)
        {
            goto repeatOneDone;
        }
        ptr++;
        count++;
        goto minRepeatOneLoop;

    jumpRepeat:
        st.Repeat = st.RepPrev[rep];
        st.RepTop = rep;
        if (ret != 0)
        {
            goto success;
        }
        goto fail;

    // <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL> tail
    opMaxUntil:
        rep = st.Repeat;
        if (rep < 0)
        {
            throw IllegalOpcode();
        }
        st.Ptr = ptr;
        count = st.RepCount[rep] + 1;
        i = st.RepPattern[rep];
        if (count < U(code[i + 1]))
        {
            st.RepCount[rep] = count;
            jump = JumpMaxUntil1;
            i += 3;
            goto doJump;
        }
        if ((count < U(code[i + 2]) || (uint)code[i + 2] == MaxRepeat) && st.Ptr != st.RepLastPtr[rep])
        {
            st.RepCount[rep] = count;
            lastmark = st.LastMark;
            lastindex = st.LastIndex;
            st.MarkPush(lastmark);
            st.DataPush(st.RepLastPtr[rep]);
            st.RepLastPtr[rep] = st.Ptr;
            jump = JumpMaxUntil2;
            i += 3;
            goto doJump;
        }
        goto maxUntilTail;
    jumpMaxUntil1:
        if (ret != 0)
        {
            goto success;
        }
        st.RepCount[rep] = count - 1;
        st.Ptr = ptr;
        goto fail;
    jumpMaxUntil2:
        st.RepLastPtr[rep] = st.DataPop();
        if (ret != 0)
        {
            st.MarkPop(lastmark, false, true);
            goto success;
        }
        st.MarkPop(lastmark, true, true);
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        st.RepCount[rep] = count - 1;
        st.Ptr = ptr;
    maxUntilTail:
        // Cannot match more repeated items here: make sure the tail matches.
        st.Repeat = st.RepPrev[rep];
        jump = JumpMaxUntil3;
        i = pc;
        goto doJump;
    jumpMaxUntil3:
        st.Repeat = rep;
        if (ret != 0)
        {
            goto success;
        }
        st.Ptr = ptr;
        goto fail;

    // <REPEAT> <skip> <1=min> <2=max> item <MIN_UNTIL> tail
    opMinUntil:
        rep = st.Repeat;
        if (rep < 0)
        {
            throw IllegalOpcode();
        }
        st.Ptr = ptr;
        count = st.RepCount[rep] + 1;
        i = st.RepPattern[rep];
        if (count < U(code[i + 1]))
        {
            st.RepCount[rep] = count;
            jump = JumpMinUntil1;
            i += 3;
            goto doJump;
        }
        // See if the tail matches.
        st.Repeat = st.RepPrev[rep];
        lastmark = st.LastMark;
        lastindex = st.LastIndex;
        if (st.Repeat >= 0)
        {
            st.MarkPush(lastmark);
        }
        jump = JumpMinUntil2;
        i = pc;
        goto doJump;
    jumpMinUntil1:
        if (ret != 0)
        {
            goto success;
        }
        st.RepCount[rep] = count - 1;
        st.Ptr = ptr;
        goto fail;
    jumpMinUntil2:
        {
            var repeatOfTail = st.Repeat;
            st.Repeat = rep;
            if (ret != 0)
            {
                if (repeatOfTail >= 0)
                {
                    st.MarkPop(lastmark, false, true);
                }
                goto success;
            }
            if (repeatOfTail >= 0)
            {
                st.MarkPop(lastmark, true, true);
            }
        }
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        st.Ptr = ptr;
        i = st.RepPattern[rep];
        if ((count >= U(code[i + 2]) && (uint)code[i + 2] != MaxRepeat) || st.Ptr == st.RepLastPtr[rep])
        {
            goto fail;
        }
        st.RepCount[rep] = count;
        st.DataPush(st.RepLastPtr[rep]);
        st.RepLastPtr[rep] = st.Ptr;
        jump = JumpMinUntil3;
        i += 3;
        goto doJump;
    jumpMinUntil3:
        st.RepLastPtr[rep] = st.DataPop();
        if (ret != 0)
        {
            goto success;
        }
        st.RepCount[rep] = count - 1;
        st.Ptr = ptr;
        goto fail;

    // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
    possMinLoop:
        if (count < U(code[pc + 1]))
        {
            jump = JumpPossRepeat1;
            i = pc + 3;
            goto doJump0;
        }
        ptr = -1;
        goto possLoop;
    jumpPossRepeat1:
        if (ret != 0)
        {
            count++;
            goto possMinLoop;
        }
        st.Ptr = ptr;
        goto fail;
    possLoop:
        if (!((count < U(code[pc + 2]) || (uint)code[pc + 2] == MaxRepeat) && st.Ptr != ptr))
        {
            goto possDone;
        }
        lastmark = st.LastMark;
        lastindex = st.LastIndex;
        st.MarkPush(lastmark);
        ptr = st.Ptr;
        jump = JumpPossRepeat2;
        i = pc + 3;
        goto doJump0;
    jumpPossRepeat2:
        if (ret != 0)
        {
            st.MarkPop(lastmark, false, true);
            count++;
            goto possLoop;
        }
        st.MarkPop(lastmark, true, true);
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        st.Ptr = ptr;
    possDone:
        pc += code[pc] + 1;
        ptr = st.Ptr;
        goto dispatch;

    jumpAtomicGroup:
        if (ret == 0)
        {
            st.Ptr = ptr;
            goto fail;
        }
        pc += code[pc];
        ptr = st.Ptr;
        goto dispatch;

    jumpAssert:
        if (ret == 0)
        {
            goto fail;
        }
        pc += code[pc];
        goto dispatch;

    jumpAssertNot:
        if (ret != 0)
        {
            if (st.Repeat >= 0)
            {
                st.MarkPop(lastmark, false, true);
            }
            goto fail;
        }
        if (st.Repeat >= 0)
        {
            st.MarkPop(lastmark, true, true);
        }
        st.LastMark = lastmark;
        st.LastIndex = lastindex;
        pc += code[pc];
        goto dispatch;
    }

    /// <summary><c>SRE(search)</c>: the first match at or after <c>st.Start</c>, using the INFO
    /// block's literal prefix or first-character set to skip positions that cannot match.</summary>
    public static int Search(SreState st, ReadOnlySpan<T> s, int[] code)
    {
        var ptr = st.Start;
        var end = st.End;
        if (ptr > end)
        {
            return 0;
        }
        var pc = 0;
        int flags = 0, prefixLen = 0, prefixSkip = 0, prefix = 0, charset = -1;
        if (code[0] == Info)
        {
            flags = code[2];
            long min = U(code[3]);
            if (min != 0 && end - ptr < min)
            {
                return 0;
            }
            if (min > 1)
            {
                end -= (int)(min - 1);
                if (end <= ptr)
                {
                    end = ptr;
                }
            }
            if ((flags & InfoPrefix) != 0)
            {
                prefixLen = code[5];
                prefixSkip = code[6];
                prefix = 7;
            }
            else if ((flags & InfoCharset) != 0)
            {
                charset = 5;
            }
            pc = 1 + code[1];
        }
        int status;
        if (prefixLen == 1)
        {
            var c = code[prefix];
            if (!Fits(c))
            {
                return 0;
            }
            var tc = T.CreateTruncating(c);
            end = st.End;
            st.MustAdvance = false;
            while (ptr < end)
            {
                var k = s[ptr..end].IndexOf(tc);
                if (k < 0)
                {
                    return 0;
                }
                ptr += k;
                st.Start = ptr;
                st.Ptr = ptr + prefixSkip;
                if ((flags & InfoLiteral) != 0)
                {
                    return 1;
                }
                status = Match(st, s, code, pc + 2 * prefixSkip, false);
                if (status != 0)
                {
                    return status;
                }
                ptr++;
                st.LastMark = st.LastIndex = -1;
            }
            return 0;
        }
        if (prefixLen > 1)
        {
            // Knuth-Morris-Pratt over the prefix with the compiler's overlap table.
            var overlap = prefix + prefixLen - 1;
            end = st.End;
            if (prefixLen > end - ptr)
            {
                return 0;
            }
            for (var k = 0; k < prefixLen; k++)
            {
                if (!Fits(code[prefix + k]))
                {
                    return 0;
                }
            }
            while (ptr < end)
            {
                var c0 = code[prefix];
                while (Ch(s, ptr++) != c0)
                {
                    if (ptr >= end)
                    {
                        return 0;
                    }
                }
                if (ptr >= end)
                {
                    return 0;
                }
                var j = 1;
                st.MustAdvance = false;
                do
                {
                    if (Ch(s, ptr) == code[prefix + j])
                    {
                        if (++j != prefixLen)
                        {
                            if (++ptr >= end)
                            {
                                return 0;
                            }
                            continue;
                        }
                        st.Start = ptr - (prefixLen - 1);
                        st.Ptr = ptr - (prefixLen - prefixSkip - 1);
                        if ((flags & InfoLiteral) != 0)
                        {
                            return 1;
                        }
                        status = Match(st, s, code, pc + 2 * prefixSkip, false);
                        if (status != 0)
                        {
                            return status;
                        }
                        if (++ptr >= end)
                        {
                            return 0;
                        }
                        st.LastMark = st.LastIndex = -1;
                    }
                    j = code[overlap + j];
                }
                while (j != 0);
            }
            return 0;
        }
        if (charset >= 0)
        {
            end = st.End;
            st.MustAdvance = false;
            for (;;)
            {
                while (ptr < end && !SreChars.Charset(code, charset, Ch(s, ptr)))
                {
                    ptr++;
                }
                if (ptr >= end)
                {
                    return 0;
                }
                st.Start = ptr;
                st.Ptr = ptr;
                status = Match(st, s, code, pc, false);
                if (status != 0)
                {
                    return status;
                }
                ptr++;
                st.LastMark = st.LastIndex = -1;
            }
        }
        st.Start = st.Ptr = ptr;
        status = Match(st, s, code, pc, true);
        st.MustAdvance = false;
        if (status == 0 && code[pc] == At && (code[pc + 1] == AtBeginning || code[pc + 1] == AtBeginningString))
        {
            st.Start = st.Ptr = end;
            return 0;
        }
        while (status == 0 && ptr < end)
        {
            ptr++;
            st.LastMark = st.LastIndex = -1;
            st.Start = st.Ptr = ptr;
            status = Match(st, s, code, pc, false);
        }
        return status;
    }

    /// <summary>Whether a literal from the code fits the subject's unit width.</summary>
    private static bool Fits(int c) => int.CreateTruncating(T.CreateTruncating(c)) == c;
}
