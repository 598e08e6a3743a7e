// Modules/_csv.c
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Csv;

/// <summary><c>_csv</c>: the CSV reader and writer state machines, dialects and their registry.</summary>
[PyModule("_csv", Doc = "CSV parsing and writing.\n\nThis module provides classes that assist in the reading and writing\nof Comma Separated Value (CSV) files, and implements the interface\ndescribed by PEP 305.  Although many CSV files are simple to parse,\nthe format is not formally defined by a stable specification and\nis subtle enough that parsing lines of a CSV file with something\nlike line.split(\",\") is bound to fail.  The module supports three\nbasic APIs: reading, writing, and registration of dialects.\n")]
public static partial class CsvModule
{
    internal const int QuoteMinimal = 0;
    internal const int QuoteAll = 1;
    internal const int QuoteNonNumeric = 2;
    internal const int QuoteNone = 3;

    private static PyType? s_error;

    internal static PyType Error => s_error ??= MakeError();

    internal static readonly PyDict Dialects = new();

    internal static long FieldLimit = 128 * 1024;

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("_csv"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("Error"), PyTuple.Create(PyExc.Exception), ns], null);
    }

    internal static PyException Fail(string message) => PyErr.New(Error, message);

    /// <summary>PyArg_UnpackTuple with an empty function name, as reader() and writer() use it.</summary>
    private static void UnpackPositional(int count, int min, int max)
    {
        if (count < min)
        {
            throw PyErr.TypeError($" expected at least {min} argument{(min == 1 ? "" : "s")}, got {count}");
        }
        if (count > max)
        {
            throw PyErr.TypeError($" expected at most {max} argument{(max == 1 ? "" : "s")}, got {count}");
        }
    }

    internal static PyObject GetDialect(PyObject name)
    {
        return Dialects.TryGetValue(name, out var d) ? d : throw Fail("unknown dialect");
    }

    [PyMethod("reader", Doc = "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n\nThe \"iterable\" argument can be any object that returns a line\nof input for each iteration, such as a file object or a list.  The\noptional \"dialect\" parameter is discussed below.  The function\nalso accepts optional keyword arguments which override settings\nprovided by the dialect.\n\nThe returned object is an iterator.  Each iteration returns a row\nof the CSV file (which can span multiple input lines).\n")]
    public static PyObject Reader(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        UnpackPositional(npos, 1, 2);
        var iter = Ops.GetIter(args[0]);
        var dialect = PyCsvDialect.Create(PyCsvDialect.TypeObject, npos > 1 ? args[1] : null, args[npos..], kwnames);
        return new PyCsvReader(iter, dialect);
    }

    [PyMethod("writer", Doc = "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    for row in sequence:\n        csv_writer.writerow(row)\n\n    [or]\n\n    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    csv_writer.writerows(rows)\n\nThe \"fileobj\" argument can be any object that supports the file API.\n")]
    public static PyObject Writer(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        UnpackPositional(npos, 1, 2);
        var write = Ops.TryGetAttr(args[0], PyStr.Intern("write"));
        if (write is null || write.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("argument 1 must have a \"write\" method");
        }
        var dialect = PyCsvDialect.Create(PyCsvDialect.TypeObject, npos > 1 ? args[1] : null, args[npos..], kwnames);
        return new PyCsvWriter(write, dialect);
    }

    [PyMethod("list_dialects", Doc = "Return a list of all know dialect names.\n    names = csv.list_dialects()")]
    public static PyObject ListDialects() => Ops.Call(PyList.TypeObject, [Dialects], null);

    [PyMethod("register_dialect", Doc = "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])")]
    public static PyObject RegisterDialect(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        UnpackPositional(npos, 1, 2);
        if (args[0] is not PyStr)
        {
            throw PyErr.TypeError("dialect name must be a string");
        }
        var dialect = PyCsvDialect.Create(PyCsvDialect.TypeObject, npos > 1 ? args[1] : null, args[npos..], kwnames);
        Dialects.SetItem(args[0], dialect);
        return PyNone.Value;
    }

    [PyMethod("unregister_dialect", Doc = "Delete the name/dialect mapping associated with a string name.\n    csv.unregister_dialect(name)")]
    public static void UnregisterDialect(PyObject name)
    {
        if (!Dialects.Remove(name))
        {
            throw Fail("unknown dialect");
        }
    }

    [PyMethod("get_dialect", Doc = "Return the dialect instance associated with name.\n    dialect = csv.get_dialect(name)")]
    public static PyObject GetDialectMethod(PyObject name) => GetDialect(name);

    [PyMethod("field_size_limit", Doc = "Sets an upper limit on parsed fields.\n    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\nthe old limit is returned")]
    public static PyObject FieldSizeLimit(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        Taipan.Runtime.Python.ArgParse.UnpackKeywords("field_size_limit", args, kwnames, s_limitNames, 0, 1, 0, buffer);
        var old = FieldLimit;
        if (buffer[0] is { } limit)
        {
            if (limit.GetType() != typeof(PyInt))
            {
                throw PyErr.TypeError("limit must be an integer");
            }
            var i = (PyInt)limit;
            FieldLimit = i.IsSmall ? i.Small : throw PyErr.OverflowError("Python int too large to convert to C long");
        }
        return PyInt.From(old);
    }

    private static readonly string[] s_limitNames = ["new_limit"];

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("__version__", new PyStr("1.0"));
        module.AddBuiltin("QUOTE_MINIMAL", PyInt.From(QuoteMinimal));
        module.AddBuiltin("QUOTE_ALL", PyInt.From(QuoteAll));
        module.AddBuiltin("QUOTE_NONNUMERIC", PyInt.From(QuoteNonNumeric));
        module.AddBuiltin("QUOTE_NONE", PyInt.From(QuoteNone));
        module.AddBuiltin("Error", Error);
        module.AddBuiltin("Dialect", PyCsvDialect.TypeObject);
        module.AddBuiltin("Reader", PyCsvReader.TypeObject);
        module.AddBuiltin("Writer", PyCsvWriter.TypeObject);
        module.AddBuiltin("_dialects", Dialects);
    }
}

/// <summary><c>_csv.Dialect</c>: validated parsing and writing options. Characters that are
/// not set are -1 (so NUL is a usable character, as in 3.11).</summary>
[PyType("_csv.Dialect", Module = "_csv", FromSpec = true, Subclassable = true, InstanceType = true, Doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n")]
public sealed partial class PyCsvDialect : PySubclassableObject
{
    internal const int NotSet = -1;

    internal int Delimiter;
    internal int QuoteChar;
    internal int EscapeChar;
    internal bool DoubleQuote;
    internal bool SkipInitialSpaceValue;
    internal bool StrictValue;
    internal string LineTerminator = "\r\n";
    internal int Quoting;

    private PyCsvDialect(PyType type) : base(type)
    {
    }

    private static readonly string[] s_names =
        ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (npos > s_names.Length)
        {
            throw PyErr.TypeError($"function takes at most {s_names.Length} arguments ({args.Length} given)");
        }
        var values = new PyObject?[s_names.Length];
        for (var i = 0; i < npos; i++)
        {
            values[i] = args[i];
        }
        Keywords(values, args[npos..], kwnames, npos);
        return Build(type, values);
    }

    /// <summary>The dialect that reader(), writer() and register_dialect() use (_call_dialect).</summary>
    internal static PyCsvDialect Create(PyType type, PyObject? dialect, ReadOnlySpan<PyObject> kwvalues, PyTuple? kwnames)
    {
        var values = new PyObject?[s_names.Length];
        values[0] = dialect;
        Keywords(values, kwvalues, kwnames, dialect is null ? 0 : 1);
        return (PyCsvDialect)Build(type, values);
    }

    private static void Keywords(PyObject?[] values, ReadOnlySpan<PyObject> kwvalues, PyTuple? kwnames, int npos)
    {
        if (kwnames is null)
        {
            return;
        }
        for (var k = 0; k < kwnames.Count; k++)
        {
            var name = ((PyStr)kwnames[k]).Value;
            var index = System.Array.IndexOf(s_names, name);
            if (index < 0)
            {
                throw PyErr.TypeError($"'{name}' is an invalid keyword argument for this function");
            }
            if (index < npos)
            {
                throw PyErr.TypeError($"argument for function given by name ('{name}') and position ({index + 1})");
            }
            values[index] = kwvalues[k];
        }
    }

    private static PyObject Build(PyType type, PyObject?[] v)
    {
        var dialect = v[0];
        if (dialect is PyStr)
        {
            dialect = CsvModule.GetDialect(dialect);
        }
        if (dialect is PyCsvDialect same && HasNoOptions(v))
        {
            return same;
        }
        if (dialect is not null)
        {
            for (var i = 1; i < v.Length; i++)
            {
                v[i] ??= Ops.TryGetAttr(dialect, PyStr.Intern(s_names[i]));
            }
        }
        var d = new PyCsvDialect(type)
        {
            Delimiter = Char("delimiter", v[1], ',', allowNone: false),
            DoubleQuote = v[2] is null || Ops.IsTrue(v[2]!),
            EscapeChar = Char("escapechar", v[3], NotSet, allowNone: true),
        };
        d.LineTerminator = v[4] switch
        {
            null => "\r\n",
            PyNone => null!,
            PyStr s => s.Value,
            _ => throw PyErr.TypeError("\"lineterminator\" must be a string"),
        };
        d.QuoteChar = Char("quotechar", v[5], '"', allowNone: true);
        d.Quoting = v[6] switch
        {
            null => CsvModule.QuoteMinimal,
            _ when v[6]!.GetType() != typeof(PyInt) => throw PyErr.TypeError("\"quoting\" must be an integer"),
            _ => ToCInt((PyInt)v[6]!),
        };
        d.SkipInitialSpaceValue = v[7] is not null && Ops.IsTrue(v[7]!);
        d.StrictValue = v[8] is not null && Ops.IsTrue(v[8]!);
        if (d.Quoting is < CsvModule.QuoteMinimal or > CsvModule.QuoteNone)
        {
            throw PyErr.TypeError("bad \"quoting\" value");
        }
        if (d.Delimiter == NotSet)
        {
            throw PyErr.TypeError("\"delimiter\" must be a 1-character string");
        }
        if (v[5] is PyNone && v[6] is null)
        {
            d.Quoting = CsvModule.QuoteNone;
        }
        if (d.Quoting != CsvModule.QuoteNone && d.QuoteChar == NotSet)
        {
            throw PyErr.TypeError("quotechar must be set if quoting enabled");
        }
        if (d.LineTerminator is null)
        {
            throw PyErr.TypeError("lineterminator must be set");
        }
        return d;
    }

    private static bool HasNoOptions(PyObject?[] v)
    {
        for (var i = 1; i < v.Length; i++)
        {
            if (v[i] is not null)
            {
                return false;
            }
        }
        return true;
    }

    private static int ToCInt(PyInt i) =>
        i.IsSmall && i.Small is >= int.MinValue and <= int.MaxValue
            ? (int)i.Small
            : throw PyErr.OverflowError("Python int too large to convert to C int");

    private static int Char(string name, PyObject? src, int dflt, bool allowNone)
    {
        if (src is null)
        {
            return dflt;
        }
        if (src is PyNone && allowNone)
        {
            return NotSet;
        }
        if (src is not PyStr s)
        {
            throw PyErr.TypeError(allowNone
                ? $"\"{name}\" must be string or None, not {src.Type.Name}"
                : $"\"{name}\" must be string, not {src.Type.Name}");
        }
        if (s.Value.Length == 0 || PyStr.CountCodePoints(s.Value) != 1)
        {
            throw PyErr.TypeError($"\"{name}\" must be a 1-character string");
        }
        var i = 0;
        return PyStr.NextCodePoint(s.Value, ref i);
    }

    private static PyObject CharOrNone(int c) => c == NotSet ? PyNone.Value : PyStr.FromCodePoint(c);

    [PyGetter("delimiter")]
    public PyObject DelimiterGetter() => CharOrNone(Delimiter);

    [PyGetter("escapechar")]
    public PyObject EscapeCharGetter() => CharOrNone(EscapeChar);

    [PyGetter("quotechar")]
    public PyObject QuoteCharGetter() => CharOrNone(QuoteChar);

    [PyGetter("lineterminator")]
    public PyObject LineTerminatorGetter() => new PyStr(LineTerminator);

    [PyGetter("quoting")]
    public long QuotingGetter() => Quoting;

    [PyGetter("doublequote")]
    public bool DoubleQuoteGetter() => DoubleQuote;

    [PyGetter("skipinitialspace")]
    public bool SkipInitialSpace() => SkipInitialSpaceValue;

    [PyGetter("strict")]
    public bool Strict() => StrictValue;

    [PyMethod("__reduce_ex__")]
    public PyObject ReduceEx(PyObject protocol) =>
        throw PyErr.TypeError($"cannot pickle '{Type.Name}' instances");
}

/// <summary><c>_csv.reader</c>: parses lines from an iterator into rows, one character at a
/// time through CPython's state machine.</summary>
[PyType("_csv.reader", Module = "_csv", FromSpec = true, Doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n")]
public sealed partial class PyCsvReader : PyObject
{
    private enum State
    {
        StartRecord, StartField, EscapedChar, InField, InQuotedField, EscapeInQuotedField, QuoteInQuotedField, EatCrNl, AfterEscapedCrNl,
    }

    /// <summary>The end of a line (CPython's EOL), distinct from every character.</summary>
    private const int Eol = -2;

    private readonly PyObject _iter;
    private readonly PyCsvDialect _dialect;
    private readonly StringBuilder _field = new();
    private long _fieldLen;
    private bool _numericField;
    private State _state;
    private List<PyObject>? _fields;
    private long _lineNum;

    internal PyCsvReader(PyObject iter, PyCsvDialect dialect)
    {
        _iter = iter;
        _dialect = dialect;
    }

    [PyGetter("dialect")]
    public PyObject DialectGetter() => _dialect;

    [PyGetter("line_num")]
    public long LineNum() => _lineNum;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        _fields = [];
        _field.Clear();
        _fieldLen = 0;
        _state = State.StartRecord;
        _numericField = false;
        do
        {
            var line = Ops.Next(_iter);
            if (line is null)
            {
                if (_fieldLen != 0 || _state == State.InQuotedField)
                {
                    if (_dialect.StrictValue)
                    {
                        throw CsvModule.Fail("unexpected end of data");
                    }
                    SaveField();
                    break;
                }
                return null;
            }
            if (line is not PyStr s)
            {
                throw CsvModule.Fail($"iterator should return strings, not {line.Type.Name} (the file should be opened in text mode)");
            }
            _lineNum++;
            var text = s.Value;
            for (var i = 0; i < text.Length;)
            {
                ProcessChar(PyStr.NextCodePoint(text, ref i));
            }
            ProcessChar(Eol);
        }
        while (_state != State.StartRecord);
        var row = new PyList(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_fields));
        _fields = null;
        return row;
    }

    private void SaveField()
    {
        PyObject field = new PyStr(_field.ToString());
        _field.Clear();
        _fieldLen = 0;
        if (_numericField)
        {
            _numericField = false;
            field = Ops.Call(PyFloat.TypeObject, [field], null);
        }
        _fields!.Add(field);
    }

    private void AddChar(int c)
    {
        if (_fieldLen >= CsvModule.FieldLimit)
        {
            throw CsvModule.Fail($"field larger than field limit ({CsvModule.FieldLimit})");
        }
        if (c > 0xFFFF)
        {
            _field.Append(char.ConvertFromUtf32(c));
        }
        else
        {
            _field.Append((char)c);
        }
        _fieldLen++;
    }

    private void ProcessChar(int c)
    {
        var d = _dialect;
        switch (_state)
        {
            case State.StartRecord:
                if (c == Eol)
                {
                    return;
                }
                if (c is '\n' or '\r')
                {
                    _state = State.EatCrNl;
                    return;
                }
                _state = State.StartField;
                goto case State.StartField;
            case State.StartField:
                if (c is '\n' or '\r' or Eol)
                {
                    SaveField();
                    _state = c == Eol ? State.StartRecord : State.EatCrNl;
                }
                else if (c == d.QuoteChar && d.Quoting != CsvModule.QuoteNone)
                {
                    _state = State.InQuotedField;
                }
                else if (c == d.EscapeChar)
                {
                    _state = State.EscapedChar;
                }
                else if (c == ' ' && d.SkipInitialSpaceValue)
                {
                    // Spaces after a delimiter are dropped.
                }
                else if (c == d.Delimiter)
                {
                    SaveField();
                }
                else
                {
                    if (d.Quoting == CsvModule.QuoteNonNumeric)
                    {
                        _numericField = true;
                    }
                    AddChar(c);
                    _state = State.InField;
                }
                return;
            case State.EscapedChar:
                if (c is '\n' or '\r')
                {
                    AddChar(c);
                    _state = State.AfterEscapedCrNl;
                    return;
                }
                AddChar(c == Eol ? '\n' : c);
                _state = State.InField;
                return;
            case State.AfterEscapedCrNl:
                if (c == Eol)
                {
                    return;
                }
                goto case State.InField;
            case State.InField:
                if (c is '\n' or '\r' or Eol)
                {
                    SaveField();
                    _state = c == Eol ? State.StartRecord : State.EatCrNl;
                }
                else if (c == d.EscapeChar)
                {
                    _state = State.EscapedChar;
                }
                else if (c == d.Delimiter)
                {
                    SaveField();
                    _state = State.StartField;
                }
                else
                {
                    AddChar(c);
                }
                return;
            case State.InQuotedField:
                if (c == Eol)
                {
                    // A line break inside quotes: the next line continues the field.
                }
                else if (c == d.EscapeChar)
                {
                    _state = State.EscapeInQuotedField;
                }
                else if (c == d.QuoteChar && d.Quoting != CsvModule.QuoteNone)
                {
                    _state = d.DoubleQuote ? State.QuoteInQuotedField : State.InField;
                }
                else
                {
                    AddChar(c);
                }
                return;
            case State.EscapeInQuotedField:
                AddChar(c == Eol ? '\n' : c);
                _state = State.InQuotedField;
                return;
            case State.QuoteInQuotedField:
                if (d.Quoting != CsvModule.QuoteNone && c == d.QuoteChar)
                {
                    AddChar(c);
                    _state = State.InQuotedField;
                }
                else if (c == d.Delimiter)
                {
                    SaveField();
                    _state = State.StartField;
                }
                else if (c is '\n' or '\r' or Eol)
                {
                    SaveField();
                    _state = c == Eol ? State.StartRecord : State.EatCrNl;
                }
                else if (!d.StrictValue)
                {
                    AddChar(c);
                    _state = State.InField;
                }
                else
                {
                    throw CsvModule.Fail($"'{char.ConvertFromUtf32(d.Delimiter)}' expected after '{char.ConvertFromUtf32(d.QuoteChar)}'");
                }
                return;
            case State.EatCrNl:
                if (c is '\n' or '\r')
                {
                    return;
                }
                if (c == Eol)
                {
                    _state = State.StartRecord;
                    return;
                }
                throw CsvModule.Fail("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
        }
    }
}

/// <summary><c>_csv.writer</c>: joins fields into records with the dialect's quoting rules.</summary>
[PyType("_csv.writer", Module = "_csv", FromSpec = true, Doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n")]
public sealed partial class PyCsvWriter : PyObject
{
    private readonly PyObject _write;
    private readonly PyCsvDialect _dialect;
    private readonly StringBuilder _rec = new();
    private readonly StringBuilder _body = new();
    private int _numFields;

    internal PyCsvWriter(PyObject write, PyCsvDialect dialect)
    {
        _write = write;
        _dialect = dialect;
    }

    [PyGetter("dialect")]
    public PyObject DialectGetter() => _dialect;

    private static bool IsNumber(PyObject o) =>
        o is PyInt or PyFloat or PyComplex || o.Type.Slots.Index is not null || o.Type.Slots.Int is not null || o.Type.Slots.Float is not null;

    private static void AppendCodePoint(StringBuilder sb, int c)
    {
        if (c > 0xFFFF)
        {
            sb.Append(char.ConvertFromUtf32(c));
        }
        else
        {
            sb.Append((char)c);
        }
    }

    private bool InLineTerminator(int c)
    {
        var t = _dialect.LineTerminator;
        for (var i = 0; i < t.Length;)
        {
            if (PyStr.NextCodePoint(t, ref i) == c)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>join_append: the field, escaped or quoted as the dialect needs.</summary>
    private void JoinAppend(string? field, bool quoted)
    {
        var d = _dialect;
        _body.Clear();
        if (field is not null)
        {
            for (var i = 0; i < field.Length;)
            {
                var c = PyStr.NextCodePoint(field, ref i);
                var wantEscape = false;
                if (c == d.Delimiter || c == d.EscapeChar || c == d.QuoteChar || InLineTerminator(c))
                {
                    if (d.Quoting == CsvModule.QuoteNone)
                    {
                        wantEscape = true;
                    }
                    else
                    {
                        if (c == d.QuoteChar)
                        {
                            if (d.DoubleQuote)
                            {
                                AppendCodePoint(_body, d.QuoteChar);
                            }
                            else
                            {
                                wantEscape = true;
                            }
                        }
                        else if (c == d.EscapeChar)
                        {
                            wantEscape = true;
                        }
                        if (!wantEscape)
                        {
                            quoted = true;
                        }
                    }
                    if (wantEscape)
                    {
                        if (d.EscapeChar == PyCsvDialect.NotSet)
                        {
                            throw CsvModule.Fail("need to escape, but no escapechar set");
                        }
                        AppendCodePoint(_body, d.EscapeChar);
                    }
                }
                AppendCodePoint(_body, c);
            }
        }
        if (_numFields > 0)
        {
            AppendCodePoint(_rec, d.Delimiter);
        }
        if (quoted)
        {
            AppendCodePoint(_rec, d.QuoteChar);
        }
        _rec.Append(_body);
        if (quoted)
        {
            AppendCodePoint(_rec, d.QuoteChar);
        }
        _numFields++;
    }

    [PyMethod("writerow", Doc = "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\nelements will be converted to string.")]
    public PyObject WriteRow(PyObject seq)
    {
        var d = _dialect;
        if (seq.Type.Slots.Iter is null && seq.Type.Slots.GetItem is null)
        {
            throw CsvModule.Fail($"iterable expected, not {seq.Type.Name}");
        }
        var iter = Ops.GetIter(seq);
        _rec.Clear();
        _numFields = 0;
        while (Ops.Next(iter) is { } field)
        {
            var quoted = d.Quoting switch
            {
                CsvModule.QuoteNonNumeric => !IsNumber(field),
                CsvModule.QuoteAll => true,
                _ => false,
            };
            var text = field switch
            {
                PyStr s => s.Value,
                PyNone => null,
                _ => Ops.Str(field).Value,
            };
            JoinAppend(text, quoted);
        }
        if (_numFields > 0 && _rec.Length == 0)
        {
            if (d.Quoting == CsvModule.QuoteNone)
            {
                throw CsvModule.Fail("single empty field record must be quoted");
            }
            _numFields--;
            JoinAppend(null, true);
        }
        _rec.Append(d.LineTerminator);
        return Ops.Call(_write, [new PyStr(_rec.ToString())], null);
    }

    [PyMethod("writerows", Doc = "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\nelements will be converted to string.")]
    public void WriteRows(PyObject rows)
    {
        var iter = Ops.GetIter(rows);
        while (Ops.Next(iter) is { } row)
        {
            WriteRow(row);
        }
    }
}
