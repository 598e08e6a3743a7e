// Modules/_sre/sre.c
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using static Taipan.Modules.Sre.SreConstants;

namespace Taipan.Modules.Sre;

/// <summary>The <c>_sre</c> module: the regular expression engine behind the standard library's
/// <c>re</c> package, which compiles patterns to code arrays in Python and hands them to
/// <see cref="Compile"/>.</summary>
[PyModule("_sre")]
public static partial class SreModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("MAGIC", PyInt.From(Magic));
        module.AddBuiltin("CODESIZE", PyInt.From(4));
        module.AddBuiltin("MAXREPEAT", PyInt.From(MaxRepeat));
        module.AddBuiltin("MAXGROUPS", PyInt.From(MaxGroups));
        module.AddBuiltin("copyright", new PyStr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    }

    [PyMethod]
    public static int GetCodeSize() => 4;

    [PyMethod(Keywords = true)]
    public static bool Ascii_IsCased(int character) => character < 128 && SreChars.IsAlnum(character) && !SreChars.IsDigit(character);

    [PyMethod(Keywords = true)]
    public static int Ascii_ToLower(int character) => SreChars.LowerAscii(character);

    [PyMethod(Keywords = true)]
    public static bool Unicode_IsCased(int character) =>
        character != SreChars.LowerUnicode(character) || character != SreChars.UpperUnicode(character);

    [PyMethod(Keywords = true)]
    public static int Unicode_ToLower(int character) => SreChars.LowerUnicode(character);

    [PyMethod(Keywords = true)]
    public static PyObject Compile(PyObject pattern, int flags, PyObject code, long groups, PyObject groupindex, PyObject indexgroup)
    {
        if (code is not PyList list)
        {
            throw PyErr.TypeError($"compile() argument 'code' must be list, not {code.Type.Name}");
        }
        if (groupindex is not PyDict gi)
        {
            throw PyErr.TypeError($"compile() argument 'groupindex' must be dict, not {groupindex.Type.Name}");
        }
        if (indexgroup is not PyTuple ig)
        {
            throw PyErr.TypeError($"compile() argument 'indexgroup' must be tuple, not {indexgroup.Type.Name}");
        }
        var n = (int)list.Count;
        var words = new int[n];
        for (var i = 0; i < n; i++)
        {
            var v = Ops.Index(list[i]).Value;
            if (v < 0 || v > uint.MaxValue)
            {
                throw PyErr.OverflowError("regular expression code size limit exceeded");
            }
            words[i] = (int)(uint)v;
        }
        int isBytes;
        if (pattern is PyNone)
        {
            isBytes = -1;
        }
        else if (pattern is PyStr)
        {
            isBytes = 0;
        }
        else
        {
            SreModule.BytesLike(pattern, out var ok);
            isBytes = ok ? 1 : throw PyErr.TypeError($"expected string or bytes-like object, got '{pattern.Type.Name}'");
        }
        if (groups < 0 || groups > MaxGroups)
        {
            throw PyErr.RuntimeError("invalid SRE code");
        }
        SreValidate.Validate(words, (int)groups);
        return new SrePattern(pattern, flags, words, (int)groups, gi.Count > 0 ? gi : null, gi.Count > 0 && ig.Count > 0 ? ig : null, isBytes);
    }

    /// <summary>Calls <c>re.NAME(args)</c>, as sre.c does for the parts written in Python.</summary>
    internal static PyObject CallRe(string name, params ReadOnlySpan<PyObject> args)
    {
        var re = Import.ImportModuleLevel(PyStr.Intern("re"), null, null, 0);
        return Ops.Call(Ops.GetAttr(re, PyStr.Intern(name)), args, null);
    }

    /// <summary>The contents of a bytes-like object (bytes, bytearray, memoryview).</summary>
    internal static ReadOnlySpan<byte> BytesLike(PyObject o, out bool ok)
    {
        ok = BufferProtocol.TryRead(o, out var data);
        return data;
    }

    /// <summary><c>b"".join(list)</c>.</summary>
    internal static PyBytes JoinBytes(PyList list)
    {
        var total = 0;
        for (var i = 0; i < list.Count; i++)
        {
            BytesLike(list[i], out var ok);
            if (!ok)
            {
                throw PyErr.TypeError($"sequence item {i}: expected a bytes-like object, {list[i].Type.Name} found");
            }
            total += BytesLike(list[i], out _).Length;
        }
        var result = new byte[total];
        var at = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var part = BytesLike(list[i], out _);
            part.CopyTo(result.AsSpan(at));
            at += part.Length;
        }
        return new PyBytes(result);
    }

    internal static PyException WrongSpan() =>
        PyErr.New(PyExc.SystemError, "The span of capturing group is wrong, please report a bug for the re module.");

    internal static bool IsCallable(PyObject o) => o.Type.Slots.Call is not null;

    /// <summary>The slice [start, end) of the subject as a new object (<c>getslice</c>): str for
    /// str subjects, bytes for bytes-like ones; the subject itself when it is exactly that
    /// type and the slice covers it.</summary>
    internal static PyObject GetSlice(PyObject subject, bool isBytes, int start, int end)
    {
        if (isBytes)
        {
            var data = SreModule.BytesLike(subject, out _);
            if (subject.GetType() == typeof(PyBytes) && start == 0 && end == data.Length)
            {
                return subject;
            }
            return PyBytes.From(data[start..end]);
        }
        var str = (PyStr)subject;
        if (start == 0 && end == str.CodePointCount && subject.GetType() == typeof(PyStr))
        {
            return subject;
        }
        if (end - start == 1 && str.IsSimple)
        {
            return PyStr.FromChar(str.Value[start]);
        }
        var a = str.CharOffset(start);
        var b = str.IsSimple ? end : a + (end == start ? 0 : OffsetAfter(str.Value, a, end - start));
        return new PyStr(str.Value[a..b]);
    }

    private static int OffsetAfter(string s, int from, int codePoints)
    {
        var i = from;
        for (var k = 0; k < codePoints && i < s.Length; k++)
        {
            i += PyStr.IsPairAt(s, i) ? 2 : 1;
        }
        return i - from;
    }
}

/// <summary>The subject of a match and the state of the search through it (<c>state_init</c>).</summary>
internal sealed class SreSubject
{
    [ThreadStatic]
    private static (string Text, int[] CodePoints)? t_lastConverted;

    public readonly PyObject String;
    public readonly bool IsBytes;
    public readonly int Length;
    private readonly string? _chars;
    private readonly int[]? _codePoints;
    public readonly SreState State;

    public SreSubject(SrePattern pattern, PyObject s, long pos, long endpos, bool pooled = false)
    {
        String = s;
        State = pooled ? SreState.Rent() : new SreState();
        if (s is PyStr str)
        {
            if (pattern.IsBytes > 0)
            {
                throw PyErr.TypeError("cannot use a bytes pattern on a string-like object");
            }
            Length = str.CodePointCount;
            if (str.IsSimple)
            {
                _chars = str.Value;
            }
            else
            {
                _codePoints = CodePointsOf(str.Value);
            }
        }
        else
        {
            var data = SreModule.BytesLike(s, out var ok);
            if (!ok)
            {
                throw PyErr.TypeError($"expected string or bytes-like object, got '{s.Type.Name}'");
            }
            if (pattern.IsBytes == 0)
            {
                throw PyErr.TypeError("cannot use a string pattern on a bytes-like object");
            }
            IsBytes = true;
            Length = data.Length;
        }
        var start = pos < 0 ? 0 : pos > Length ? Length : (int)pos;
        var end = endpos < 0 ? 0 : endpos > Length ? Length : (int)endpos;
        State.Pos = start;
        State.EndPos = end;
        State.Start = start;
        State.End = end;
    }

    private static int[] CodePointsOf(string s)
    {
        if (t_lastConverted is { } last && ReferenceEquals(last.Text, s))
        {
            return last.CodePoints;
        }
        var a = new int[PyStr.CountCodePoints(s)];
        for (int i = 0, k = 0; i < s.Length; k++)
        {
            a[k] = PyStr.NextCodePoint(s, ref i);
        }
        t_lastConverted = (s, a);
        return a;
    }

    /// <summary><c>sre_match</c> (search false) or <c>sre_search</c> from <c>State.Start</c>.</summary>
    public int Run(int[] code, bool search)
    {
        var st = State;
        st.Ptr = st.Start;
        if (_chars is not null)
        {
            return search ? SreLib<char>.Search(st, _chars, code) : SreLib<char>.Match(st, _chars, code, 0, true);
        }
        if (_codePoints is not null)
        {
            return search ? SreLib<int>.Search(st, _codePoints, code) : SreLib<int>.Match(st, _codePoints, code, 0, true);
        }
        var data = SreModule.BytesLike(String, out _);
        if (data.Length < Length)
        {
            throw PyErr.New(PyExc.BufferError, "Existing exports of data: object cannot be re-sized");
        }
        return search ? SreLib<byte>.Search(st, data, code) : SreLib<byte>.Match(st, data, code, 0, true);
    }

    /// <summary>Gives a pooled state back once the call is done with it.</summary>
    public void Release() => SreState.Return(State);

    /// <summary><c>state_reset</c>.</summary>
    public void Reset() => State.Reset();

    public PyObject Slice(int start, int end) => SreModule.GetSlice(String, IsBytes, start, end);

    /// <summary><c>state_getslice</c>: group <paramref name="index"/> of the last match, or
    /// None (an empty slice when <paramref name="empty"/>) when it did not take part.</summary>
    public PyObject GroupSlice(int index, bool empty)
    {
        var st = State;
        index = (index - 1) * 2;
        var a = st.MarkAt(index);
        var b = st.MarkAt(index + 1);
        if (a < 0 || b < 0)
        {
            return empty ? Slice(0, 0) : PyNone.Value;
        }
        return a <= b ? Slice(a, b) : throw SreModule.WrongSpan();
    }
}
