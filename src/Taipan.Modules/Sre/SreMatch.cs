// Modules/_sre/sre.c (the Match and Scanner types)
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Sre;

/// <summary><c>re.Match</c>: the result of a successful match, holding the span of every group
/// (-1, -1 for groups that did not take part).</summary>
[PyType("re.Match", Module = "re", FromSpec = true, Generic = true)]
public sealed partial class SreMatch : PyObject
{
    /// <summary>Only the module makes these (Py_TPFLAGS_DISALLOW_INSTANTIATION).</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 're.Match' instances");

    private readonly SrePattern _pattern;
    private readonly PyObject _string;
    private readonly bool _isBytes;
    private readonly int[] _regs;
    private readonly int _pos;
    private readonly int _endpos;
    private readonly int _lastindex;

    /// <summary><c>pattern_new_match</c>: copies the marks of the state's last match.</summary>
    internal SreMatch(SrePattern pattern, SreSubject subject)
    {
        var st = subject.State;
        _pattern = pattern;
        _string = subject.String;
        _isBytes = subject.IsBytes;
        _pos = st.Pos;
        _endpos = st.EndPos;
        _lastindex = st.LastIndex;
        var groups = pattern.GroupCount + 1;
        _regs = new int[groups * 2];
        _regs[0] = st.Start;
        _regs[1] = st.Ptr;
        for (int i = 1, j = 0; i < groups; i++, j += 2)
        {
            var a = st.MarkAt(j);
            var b = st.MarkAt(j + 1);
            if (j + 1 <= st.LastMark && a >= 0 && b >= 0)
            {
                if (a > b)
                {
                    throw SreModule.WrongSpan();
                }
                _regs[2 * i] = a;
                _regs[2 * i + 1] = b;
            }
            else
            {
                _regs[2 * i] = _regs[2 * i + 1] = -1;
            }
        }
    }

    private int GroupsWithZero => _regs.Length / 2;

    /// <summary><c>match_getindex</c>: an integer index or a group name.</summary>
    private int GetIndex(PyObject index)
    {
        long i = -1;
        if (index is PyInt || index.Type.Slots.Index is not null)
        {
            var v = Ops.Index(index);
            i = v.IsSmall ? v.Small : -1;
        }
        else if (_pattern.GroupIndexDict is { } gi && gi.TryGetValue(index, out var value) && value is PyInt n && n.IsSmall)
        {
            i = n.Small;
        }
        if (i < 0 || i >= GroupsWithZero)
        {
            throw PyErr.IndexError("no such group");
        }
        return (int)i;
    }

    private PyObject GetSlice(int index, PyObject @default)
    {
        var a = _regs[2 * index];
        var b = _regs[2 * index + 1];
        return a < 0 ? @default : SreModule.GetSlice(_string, _isBytes, a, b);
    }

    [PyMethod]
    public PyObject Group(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Taipan.Runtime.Python.ArgParse.NoKeywords("group", kwnames);
        switch (args.Length)
        {
            case 0:
                return GetSlice(0, PyNone.Value);
            case 1:
                return GetSlice(GetIndex(args[0]), PyNone.Value);
            default:
                var items = new PyObject[args.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = GetSlice(GetIndex(args[i]), PyNone.Value);
                }
                return new PyTuple(items);
        }
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key) => GetSlice(GetIndex(key), PyNone.Value);

    [PyMethod(Keywords = true)]
    public PyObject Groups(PyObject? @default = null)
    {
        var items = new PyObject[GroupsWithZero - 1];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = GetSlice(i + 1, @default ?? PyNone.Value);
        }
        return new PyTuple(items);
    }

    [PyMethod(Keywords = true)]
    public PyObject GroupDict(PyObject? @default = null)
    {
        var result = new PyDict();
        if (_pattern.GroupIndexDict is { } gi)
        {
            foreach (var (key, _) in gi.Items())
            {
                result.SetItem(key, GetSlice(GetIndex(key), @default ?? PyNone.Value));
            }
        }
        return result;
    }

    [PyMethod]
    public int Start(PyObject? group = null) => _regs[2 * (group is null ? 0 : GetIndex(group))];

    [PyMethod]
    public int End(PyObject? group = null) => _regs[2 * (group is null ? 0 : GetIndex(group)) + 1];

    [PyMethod]
    public PyObject Span(PyObject? group = null)
    {
        var i = group is null ? 0 : GetIndex(group);
        return PyTuple.Create(PyInt.From(_regs[2 * i]), PyInt.From(_regs[2 * i + 1]));
    }

    [PyMethod(Keywords = true)]
    public PyObject Expand(PyObject template) => SreModule.CallRe("_expand", _pattern, this, template);

    [PyGetter("regs")]
    public PyObject Regs
    {
        get
        {
            var items = new PyObject[GroupsWithZero];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = PyTuple.Create(PyInt.From(_regs[2 * i]), PyInt.From(_regs[2 * i + 1]));
            }
            return new PyTuple(items);
        }
    }

    [PyGetter("string")]
    public PyObject String => _string;

    [PyGetter("re")]
    public PyObject Re => _pattern;

    [PyGetter("pos")]
    public int Pos => _pos;

    [PyGetter("endpos")]
    public int EndPos => _endpos;

    [PyGetter("lastindex")]
    public PyObject LastIndex => _lastindex >= 0 ? PyInt.From(_lastindex) : PyNone.Value;

    [PyGetter("lastgroup")]
    public PyObject LastGroup =>
        _pattern.IndexGroup is { } ig && _lastindex >= 0 && _lastindex < ig.Count ? ig[_lastindex] : PyNone.Value;

    [PyMethod("__copy__")]
    public PyObject Copy() => this;

    [PyMethod("__deepcopy__")]
    public PyObject DeepCopy(PyObject memo) => this;

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var group0 = GetSlice(0, PyNone.Value);
        return new PyStr($"<re.Match object; span=({_regs[0]}, {_regs[1]}), match={SrePattern.Truncate(Ops.Repr(group0), 50)}>");
    }
}

/// <summary><c>_sre.SRE_Scanner</c>: successive matches through one subject, as
/// <c>Pattern.finditer</c> uses it.</summary>
[PyType("_sre.SRE_Scanner", Module = "_sre", FromSpec = true)]
public sealed partial class SreScanner : PyObject
{
    /// <summary>Only the module makes these (Py_TPFLAGS_DISALLOW_INSTANTIATION).</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create '_sre.SRE_Scanner' instances");

    private readonly SrePattern _pattern;
    private readonly SreSubject _subject;
    private bool _exhausted;

    internal SreScanner(SrePattern pattern, SreSubject subject)
    {
        _pattern = pattern;
        _subject = subject;
    }

    [PyGetter("pattern")]
    public PyObject Pattern => _pattern;

    private PyObject Next(bool search)
    {
        if (_exhausted)
        {
            return PyNone.Value;
        }
        var st = _subject.State;
        _subject.Reset();
        if (_subject.Run(_pattern.Code, search) == 0)
        {
            _exhausted = true;
            return PyNone.Value;
        }
        var match = new SreMatch(_pattern, _subject);
        st.MustAdvance = st.Ptr == st.Start;
        st.Start = st.Ptr;
        return match;
    }

    [PyMethod("match")]
    public PyObject MatchNext() => Next(false);

    [PyMethod("search")]
    public PyObject SearchNext() => Next(true);
}
