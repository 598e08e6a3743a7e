// Modules/_sre/sre.h
namespace Taipan.Modules.Sre;

/// <summary>A suspended matching context (CPython's <c>SRE(match_context)</c>): what the matcher
/// needs to resume an opcode after a sub-match it started returns.</summary>
internal struct SreFrame
{
    public int Jump;
    public int Pc;
    public int Ptr;
    public int Count;
    public int LastMark;
    public int LastIndex;
    public int Rep;
    public bool TopLevel;
}

/// <summary><c>SRE_STATE</c>: the subject's bounds and the matcher's working memory, reused from
/// one match attempt to the next. Positions are indices into the subject (code points of a str,
/// bytes of a bytes-like object); the subject always begins at index 0.</summary>
internal sealed class SreState
{
    /// <summary>Where the current attempt starts and, after a match, where it ends.</summary>
    public int Start;
    public int Ptr;
    public int End;
    public int Pos;
    public int EndPos;
    public bool MatchAll;
    public bool MustAdvance;

    public int LastMark = -1;
    public int LastIndex = -1;
    public int[] Marks = new int[16];

    /// <summary>The innermost active REPEAT (an index into the Rep* arrays), or -1. Repeat
    /// records are allocated and freed in stack order, so the arrays are a stack.</summary>
    public int Repeat = -1;
    public int RepTop;
    public int[] RepCount = new int[8];
    public int[] RepPattern = new int[8];
    public int[] RepPrev = new int[8];
    public int[] RepLastPtr = new int[8];

    public SreFrame[] Frames = new SreFrame[32];
    public int FrameTop;

    /// <summary>Saved marks and REPEAT last positions (CPython's data stack).</summary>
    public int[] Data = new int[64];
    public int DataTop;

    [ThreadStatic]
    private static SreState? t_spare;

    /// <summary>A state for one call (match, search, findall, split, sub): the thread's spare
    /// one when it is free, so short matches allocate no working memory.</summary>
    public static SreState Rent()
    {
        var st = t_spare;
        if (st is null)
        {
            return new SreState();
        }
        t_spare = null;
        st.Reset();
        st.MatchAll = false;
        st.MustAdvance = false;
        return st;
    }

    public static void Return(SreState st) => t_spare = st;

    public void Reset()
    {
        LastMark = -1;
        LastIndex = -1;
        Repeat = -1;
        RepTop = 0;
        FrameTop = 0;
        DataTop = 0;
    }

    public void SetMark(int i, int ptr)
    {
        if (i >= Marks.Length)
        {
            Array.Resize(ref Marks, Math.Max(i + 1, Marks.Length * 2));
        }
        if (i > LastMark)
        {
            for (var j = LastMark + 1; j < i; j++)
            {
                Marks[j] = -1;
            }
            LastMark = i;
        }
        Marks[i] = ptr;
    }

    /// <summary>The mark at <paramref name="i"/>, or -1 when it was not reached.</summary>
    public int MarkAt(int i) => i <= LastMark && i < Marks.Length ? Marks[i] : -1;

    public int AllocRepeat(int pattern)
    {
        var r = RepTop++;
        if (r == RepCount.Length)
        {
            var n = r * 2;
            Array.Resize(ref RepCount, n);
            Array.Resize(ref RepPattern, n);
            Array.Resize(ref RepPrev, n);
            Array.Resize(ref RepLastPtr, n);
        }
        RepCount[r] = -1;
        RepPattern[r] = pattern;
        RepPrev[r] = Repeat;
        RepLastPtr[r] = -1;
        Repeat = r;
        return r;
    }

    public void PushFrame(in SreFrame frame)
    {
        if (FrameTop == Frames.Length)
        {
            Array.Resize(ref Frames, FrameTop * 2);
        }
        Frames[FrameTop++] = frame;
    }

    public void DataPush(int value)
    {
        if (DataTop == Data.Length)
        {
            Array.Resize(ref Data, DataTop * 2);
        }
        Data[DataTop++] = value;
    }

    public int DataPop() => Data[--DataTop];

    /// <summary><c>MARK_PUSH</c>: saves marks 0..lastmark.</summary>
    public void MarkPush(int lastmark)
    {
        if (lastmark < 0)
        {
            return;
        }
        var n = lastmark + 1;
        if (DataTop + n > Data.Length)
        {
            Array.Resize(ref Data, Math.Max(Data.Length * 2, DataTop + n));
        }
        Array.Copy(Marks, 0, Data, DataTop, n);
        DataTop += n;
    }

    /// <summary><c>MARK_POP</c> (restore and drop), <c>MARK_POP_KEEP</c> (restore only) and
    /// <c>MARK_POP_DISCARD</c> (drop only).</summary>
    public void MarkPop(int lastmark, bool restore, bool drop)
    {
        if (lastmark < 0)
        {
            return;
        }
        var n = lastmark + 1;
        if (restore)
        {
            if (n > Marks.Length)
            {
                Array.Resize(ref Marks, n);
            }
            Array.Copy(Data, DataTop - n, Marks, 0, n);
        }
        if (drop)
        {
            DataTop -= n;
        }
    }
}
