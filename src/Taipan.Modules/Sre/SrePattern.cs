// Modules/_sre/sre.c (the Pattern type)
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using CompareOp = Taipan.Bytecode.CompareOp;
using static Taipan.Modules.Sre.SreConstants;

namespace Taipan.Modules.Sre;

/// <summary><c>re.Pattern</c>: a compiled regular expression.</summary>
[PyType("re.Pattern", Module = "re", FromSpec = true, Generic = true, Flags = TypeFlags.Weakrefable)]
public sealed partial class SrePattern : PyObject
{
    /// <summary>Only the module makes these (Py_TPFLAGS_DISALLOW_INSTANTIATION).</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 're.Pattern' instances");

    internal readonly int[] Code;
    internal readonly PyObject Source;
    internal readonly PyDict? GroupIndexDict;
    internal readonly PyTuple? IndexGroup;

    /// <summary>1 for a bytes pattern, 0 for str, -1 when the pattern is None.</summary>
    internal readonly int IsBytes;

    internal SrePattern(PyObject pattern, int flags, int[] code, int groups, PyDict? groupindex, PyTuple? indexgroup, int isBytes)
    {
        Source = pattern;
        FlagsValue = flags;
        Code = code;
        GroupCount = groups;
        GroupIndexDict = groupindex;
        IndexGroup = indexgroup;
        IsBytes = isBytes;
    }

    internal int FlagsValue { get; }

    internal int GroupCount { get; }

    [PyGetter("pattern")]
    public PyObject PatternGetter => Source;

    [PyGetter("flags")]
    public int Flags => FlagsValue;

    [PyGetter("groups")]
    public int Groups => GroupCount;

    [PyGetter("groupindex")]
    public PyObject GroupIndex => GroupIndexDict is null ? new PyDict() : new PyMappingProxy(GroupIndexDict);

    private PyObject RunOne(PyObject @string, long pos, long endpos, bool search, bool matchAll)
    {
        var subject = new SreSubject(this, @string, pos, endpos, pooled: true);
        subject.State.MatchAll = matchAll;
        var status = subject.Run(Code, search);
        var result = status > 0 ? new SreMatch(this, subject) : (PyObject)PyNone.Value;
        subject.Release();
        return result;
    }

    [PyMethod(Keywords = true)]
    public PyObject Match(PyObject @string, long pos = 0, long endpos = long.MaxValue) => RunOne(@string, pos, endpos, false, false);

    [PyMethod(Keywords = true)]
    public PyObject FullMatch(PyObject @string, long pos = 0, long endpos = long.MaxValue) => RunOne(@string, pos, endpos, false, true);

    [PyMethod(Keywords = true)]
    public PyObject Search(PyObject @string, long pos = 0, long endpos = long.MaxValue) => RunOne(@string, pos, endpos, true, false);

    [PyMethod(Keywords = true)]
    public PyObject FindAll(PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        var subject = new SreSubject(this, @string, pos, endpos, pooled: true);
        var st = subject.State;
        var list = new PyList();
        while (st.Start <= st.End)
        {
            subject.Reset();
            if (subject.Run(Code, true) == 0)
            {
                break;
            }
            PyObject item;
            switch (GroupCount)
            {
                case 0:
                    item = subject.Slice(st.Start, st.Ptr);
                    break;
                case 1:
                    item = subject.GroupSlice(1, true);
                    break;
                default:
                    var items = new PyObject[GroupCount];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = subject.GroupSlice(i + 1, true);
                    }
                    item = new PyTuple(items);
                    break;
            }
            list.Append(item);
            st.MustAdvance = st.Ptr == st.Start;
            st.Start = st.Ptr;
        }
        subject.Release();
        return list;
    }

    [PyMethod(Keywords = true)]
    public PyObject FindIter(PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        var scanner = new SreScanner(this, new SreSubject(this, @string, pos, endpos));
        return new PyCallIterator(Ops.GetAttr(scanner, PyStr.Intern("search")), PyNone.Value);
    }

    [PyMethod(Keywords = true)]
    public PyObject Scanner(PyObject @string, long pos = 0, long endpos = long.MaxValue) =>
        new SreScanner(this, new SreSubject(this, @string, pos, endpos));

    [PyMethod(Keywords = true)]
    public PyObject Split(PyObject @string, long maxsplit = 0)
    {
        var subject = new SreSubject(this, @string, 0, long.MaxValue, pooled: true);
        var st = subject.State;
        var list = new PyList();
        var n = 0L;
        var last = st.Start;
        while (maxsplit == 0 || n < maxsplit)
        {
            subject.Reset();
            if (subject.Run(Code, true) == 0)
            {
                break;
            }
            list.Append(subject.Slice(last, st.Start));
            for (var i = 0; i < GroupCount; i++)
            {
                list.Append(subject.GroupSlice(i + 1, false));
            }
            n++;
            st.MustAdvance = st.Ptr == st.Start;
            last = st.Start = st.Ptr;
        }
        list.Append(subject.Slice(last, st.EndPos));
        subject.Release();
        return list;
    }

    [PyMethod(Keywords = true)]
    public PyObject Sub(PyObject repl, PyObject @string, long count = 0) => SubX(repl, @string, count, false);

    [PyMethod(Keywords = true)]
    public PyObject SubN(PyObject repl, PyObject @string, long count = 0) => SubX(repl, @string, count, true);

    /// <summary><c>pattern_subx</c>: a callable replacement is called with each match; a
    /// template with backslashes goes through <c>re._subx</c>, which returns either a literal
    /// or a callable.</summary>
    private PyObject SubX(PyObject repl, PyObject @string, long count, bool subn)
    {
        PyObject filter;
        bool callable;
        if (SreModule.IsCallable(repl))
        {
            filter = repl;
            callable = true;
        }
        else
        {
            bool literal;
            if (repl is PyStr rs)
            {
                literal = !rs.Value.Contains('\\');
            }
            else
            {
                var data = SreModule.BytesLike(repl, out var ok);
                literal = ok && !data.Contains((byte)'\\');
            }
            if (literal)
            {
                filter = repl;
                callable = false;
            }
            else
            {
                filter = SreModule.CallRe("_subx", this, repl);
                callable = SreModule.IsCallable(filter);
            }
        }
        var subject = new SreSubject(this, @string, 0, long.MaxValue, pooled: true);
        var st = subject.State;
        var list = new PyList();
        long n = 0;
        var i = 0;
        while (count == 0 || n < count)
        {
            st.Ptr = st.Start;
            if (subject.Run(Code, true) == 0)
            {
                break;
            }
            int b = st.Start, e = st.Ptr;
            if (i < b)
            {
                list.Append(subject.Slice(i, b));
            }
            if (callable)
            {
                var match = new SreMatch(this, subject);
                var item = Ops.Call(filter, [match], null);
                if (item is not PyNone)
                {
                    list.Append(item);
                }
            }
            else
            {
                list.Append(filter);
            }
            i = e;
            n++;
            st.MustAdvance = st.Ptr == st.Start;
            st.Start = st.Ptr;
            subject.Reset();
        }
        if (i < st.EndPos)
        {
            list.Append(subject.Slice(i, st.EndPos));
        }
        subject.Release();
        PyObject result = subject.IsBytes
            ? SreModule.JoinBytes(list)
            : PyStr.Empty.Join(list);
        return subn ? PyTuple.Create(result, PyInt.From(n)) : result;
    }

    [PyMethod("__copy__")]
    public PyObject Copy() => this;

    [PyMethod("__deepcopy__")]
    public PyObject DeepCopy(PyObject memo) => this;

    private static readonly (string Name, int Value)[] s_flagNames =
    [
        ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
        ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256),
    ];

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var sb = new StringBuilder("re.compile(");
        sb.Append(Truncate(Ops.Repr(Source), 200));
        var flags = FlagsValue;
        // re.UNICODE is implied for str patterns.
        if (IsBytes == 0 && (flags & (FlagLocale | FlagUnicode | FlagAscii)) == FlagUnicode)
        {
            flags &= ~FlagUnicode;
        }
        if (flags != 0)
        {
            sb.Append(", ");
            var first = true;
            foreach (var (name, value) in s_flagNames)
            {
                if ((flags & value) != 0)
                {
                    if (!first)
                    {
                        sb.Append('|');
                    }
                    sb.Append(name);
                    first = false;
                    flags &= ~value;
                }
            }
            if (flags != 0)
            {
                if (!first)
                {
                    sb.Append('|');
                }
                sb.Append("0x").Append(flags.ToString("x"));
            }
        }
        sb.Append(')');
        return new PyStr(sb.ToString());
    }

    /// <summary><c>%.NR</c>: the first <paramref name="max"/> code points of a repr.</summary>
    internal static string Truncate(PyStr repr, int max) =>
        repr.CodePointCount <= max ? repr.Value : repr.Value[..repr.CharOffset(max)];

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || left is not SrePattern a || right is not SrePattern b)
        {
            return PyNotImplemented.Value;
        }
        var eq = ReferenceEquals(a, b)
            || (a.FlagsValue == b.FlagsValue && a.IsBytes == b.IsBytes && a.Code.AsSpan().SequenceEqual(b.Code)
                && Ops.RichCompareBool(a.Source, b.Source, CompareOp.Eq));
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        var h = Ops.Hash(Source);
        long codeHash = 17;
        foreach (var w in Code)
        {
            codeHash = codeHash * 1000003 ^ (uint)w;
        }
        h ^= codeHash ^ FlagsValue ^ IsBytes ^ Code.Length;
        return h == -1 ? -2 : h;
    }
}
