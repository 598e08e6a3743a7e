// Objects/exceptions.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>BaseException</c> and every builtin exception class: they share this layout and differ
/// by their type object (see <see cref="PyExc"/>), so an instance carries its type. The fields
/// of CPython's subclass structs (<c>StopIteration.value</c>, <c>OSError.errno</c>, ...) are
/// kept by name in <see cref="Members"/>.
/// </summary>
[PyType("BaseException", InstanceType = true, Subclassable = true, Flags = TypeFlags.BaseExceptionSubclass)]
public partial class PyBaseException(PyType type, PyTuple args) : PyObject
{
    private PyType _type = type;
    private PyDict? _dict;
    private Dictionary<string, PyObject>? _members;

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict ??= new PyDict();

    public PyTuple Args { get; set; } = args;
    public PyObject? Traceback { get; set; }
    public PyBaseException? Cause { get; set; }
    public PyBaseException? Context { get; set; }
    public bool SuppressContext { get; set; }

    /// <summary>The subclass fields set so far (an unset field reads as None).</summary>
    public Dictionary<string, PyObject> Members => _members ??= [];

    public PyObject Member(string name)
    {
        if (_members is null)
        {
            InitMembersFromArgs();
        }
        return _members is not null && _members.TryGetValue(name, out var v) ? v : PyNone.Value;
    }

    /// <summary>An exception that C# code created without calling its class (CPython's C code
    /// calls it) gets its fields from its args when they are first read, as the builtin
    /// <c>__init__</c> would have set them.</summary>
    private void InitMembersFromArgs()
    {
        foreach (var t in Type.Mro)
        {
            if (!t.HasFlag(TypeFlags.HeapType))
            {
                if (t.Slots.Init is { } init && !ReferenceEquals(t, TypeObject))
                {
                    try
                    {
                        init(this, Args.Items, null);
                    }
                    catch (PyException)
                    {
                        // Arguments the class would have refused: the fields stay unset.
                    }
                }
                return;
            }
        }
    }

    public static PyBaseException Create(PyType type, string message) => new(type, PyTuple.Create(new PyStr(message)));

    /// <summary>Assignment to <c>__class__</c>.</summary>
    public void SetType(PyType type) => _type = type;

    [PySlot("tp_str")]
    public PyObject Str() => Args.Count switch
    {
        0 => PyStr.Empty,
        1 => Ops.Str(Args[0]),
        _ => Ops.Str(Args),
    };

    [PySlot("tp_repr")]
    public PyObject Repr()
    {
        var name = Type.Name;
        return Args.Count == 1
            ? new PyStr($"{name}({Ops.Repr(Args[0]).Value})")
            : new PyStr(name + Ops.Repr(Args).Value);
    }

    /// <summary><c>BaseException_new</c>: keywords are left to <c>__init__</c>, so subclasses
    /// with their own <c>__init__</c> may take them.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new PyBaseException(type, PositionalArgs(args, kwnames));

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords(Type.Name, kwnames);
        Args = PositionalArgs(args, kwnames);
    }

    /// <summary>The positional arguments of a call, as the args tuple.</summary>
    public static PyTuple PositionalArgs(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var n = args.Length - (kwnames?.Count ?? 0);
        return n == 0 ? PyTuple.Empty : new PyTuple(args[..n].ToArray());
    }

    public PyObject CauseGetter() => (PyObject?)Cause ?? PyNone.Value;

    public PyObject ContextGetter() => (PyObject?)Context ?? PyNone.Value;

    public PyObject TracebackGetter() => Traceback ?? PyNone.Value;

    [PyMethod("with_traceback")]
    public PyObject WithTraceback(PyObject tb)
    {
        SetTraceback(tb);
        return this;
    }

    [PyMethod("add_note")]
    public PyObject AddNote(PyObject note)
    {
        if (note is not PyStr)
        {
            throw PyErr.TypeError($"note must be a str, not '{note.Type.Name}'");
        }
        var name = PyStr.Intern("__notes__");
        var notes = Ops.TryGetAttr(this, name);
        if (notes is null)
        {
            notes = new PyList();
            Ops.SetAttr(this, name, notes);
        }
        if (notes is not PyList list)
        {
            throw PyErr.TypeError("Cannot add note: __notes__ is not a list");
        }
        list.Append(note);
        return PyNone.Value;
    }

    /// <summary><c>__reduce__</c>: (class, args) and the instance dict when it has entries.</summary>
    [PyMethod("__reduce__")]
    public PyObject Reduce() => _dict is { Count: > 0 } dict
        ? PyTuple.Create(Type, Args, dict)
        : PyTuple.Create(Type, Args);

    /// <summary><c>__setstate__</c>: sets attributes from a dict (None is ignored).</summary>
    [PyMethod("__setstate__")]
    public PyObject SetState(PyObject state)
    {
        if (state is PyNone)
        {
            return PyNone.Value;
        }
        if (state is not PyDict dict)
        {
            throw PyErr.TypeError("state is not a dictionary");
        }
        foreach (var (k, v) in dict.Items())
        {
            Ops.SetAttr(this, k as PyStr ?? throw PyErr.TypeError($"attribute name must be string, not '{k.Type.Name}'"), v);
        }
        return PyNone.Value;
    }

    private void SetTraceback(PyObject? tb)
    {
        Traceback = tb switch
        {
            PyTraceback t => t,
            PyNone => null,
            null => throw PyErr.TypeError("__traceback__ may not be deleted"),
            _ => throw PyErr.TypeError("__traceback__ must be a traceback or None"),
        };
    }

    /// <summary>The writable attributes of BaseException (its getset table): the generator
    /// declares getters only, so the setters are attached here.</summary>
    internal static void AddSetters(PyType t)
    {
        t.AddBuiltin("args", new PyGetSetDescriptor(t, "args", static s => ((PyBaseException)s).Args, static (s, v) =>
            ((PyBaseException)s).Args = v is null ? throw PyErr.TypeError("args may not be deleted") : new PyTuple(Ops.Iterate(v).ToArray()), null));
        t.AddBuiltin("__traceback__", new PyGetSetDescriptor(t, "__traceback__", static s => ((PyBaseException)s).TracebackGetter(),
            static (s, v) => ((PyBaseException)s).SetTraceback(v), null));
        t.AddBuiltin("__cause__", new PyGetSetDescriptor(t, "__cause__", static s => ((PyBaseException)s).CauseGetter(), static (s, v) =>
        {
            var e = (PyBaseException)s;
            e.Cause = v switch
            {
                null => throw PyErr.TypeError("__cause__ may not be deleted"),
                PyNone => null,
                PyBaseException b => b,
                _ => throw PyErr.TypeError("exception cause must be None or derive from BaseException"),
            };
            e.SuppressContext = true;
        }, null));
        t.AddBuiltin("__context__", new PyGetSetDescriptor(t, "__context__", static s => ((PyBaseException)s).ContextGetter(), static (s, v) =>
            ((PyBaseException)s).Context = v switch
            {
                null => throw PyErr.TypeError("__context__ may not be deleted"),
                PyNone => null,
                PyBaseException b => b,
                _ => throw PyErr.TypeError("exception context must be None or derive from BaseException"),
            }, null));
        t.AddBuiltin("__suppress_context__", new PyGetSetDescriptor(t, "__suppress_context__", static s => PyBool.From(((PyBaseException)s).SuppressContext), static (s, v) =>
            ((PyBaseException)s).SuppressContext = v is PyBool b ? ReferenceEquals(b, PyBool.True) : throw PyErr.TypeError("attribute value type must be bool"), null));
        t.AddBuiltin("__dict__", new PyGetSetDescriptor(t, "__dict__", static s => s.InstanceDict!, null, null));
    }
}

/// <summary>The builtin exception classes (CPython's <c>PyExc_*</c>), in the 3.11 hierarchy.
/// Fields are initialised in declaration order, so each base is ready (its slots set) before
/// its subclasses copy them.</summary>
public static class PyExc
{
    private static PyType Make(string name, PyType @base, Action<PyType>? members = null) =>
        new(name, @base, TypeFlags.BaseType | TypeFlags.HasDict | TypeFlags.Immutable, members);

    public static readonly PyType BaseException = MakeBaseException();
    public static readonly PyType Exception = Make("Exception", BaseException);
    public static readonly PyType TypeError = Make("TypeError", Exception);
    public static readonly PyType StopAsyncIteration = Make("StopAsyncIteration", Exception);
    public static readonly PyType StopIteration = MakeStopIteration();
    public static readonly PyType GeneratorExit = Make("GeneratorExit", BaseException);
    public static readonly PyType SystemExit = MakeSystemExit();
    public static readonly PyType KeyboardInterrupt = Make("KeyboardInterrupt", BaseException);
    public static readonly PyType ImportError = MakeImportError();
    public static readonly PyType ModuleNotFoundError = Make("ModuleNotFoundError", ImportError);
    public static readonly PyType OSError = MakeOSError();
    public static readonly PyType EOFError = Make("EOFError", Exception);
    public static readonly PyType RuntimeError = Make("RuntimeError", Exception);
    public static readonly PyType RecursionError = Make("RecursionError", RuntimeError);
    public static readonly PyType NotImplementedError = Make("NotImplementedError", RuntimeError);
    public static readonly PyType NameError = MakeNamed("NameError", Exception, "name");
    public static readonly PyType UnboundLocalError = Make("UnboundLocalError", NameError);
    public static readonly PyType AttributeError = MakeNamed("AttributeError", Exception, "name", "obj");
    public static readonly PyType SyntaxError = MakeSyntaxError();
    public static readonly PyType IndentationError = Make("IndentationError", SyntaxError);
    public static readonly PyType TabError = Make("TabError", IndentationError);
    public static readonly PyType LookupError = Make("LookupError", Exception);
    public static readonly PyType IndexError = Make("IndexError", LookupError);
    public static readonly PyType KeyError = MakeKeyError();
    public static readonly PyType ValueError = Make("ValueError", Exception);
    public static readonly PyType UnicodeError = Make("UnicodeError", ValueError);
    public static readonly PyType UnicodeEncodeError = MakeUnicodeError("UnicodeEncodeError", "encode");
    public static readonly PyType UnicodeDecodeError = MakeUnicodeError("UnicodeDecodeError", "decode");
    public static readonly PyType UnicodeTranslateError = MakeUnicodeError("UnicodeTranslateError", "translate");
    public static readonly PyType AssertionError = Make("AssertionError", Exception);
    public static readonly PyType ArithmeticError = Make("ArithmeticError", Exception);
    public static readonly PyType FloatingPointError = Make("FloatingPointError", ArithmeticError);
    public static readonly PyType OverflowError = Make("OverflowError", ArithmeticError);
    public static readonly PyType ZeroDivisionError = Make("ZeroDivisionError", ArithmeticError);
    public static readonly PyType SystemError = Make("SystemError", Exception);
    public static readonly PyType ReferenceError = Make("ReferenceError", Exception);
    public static readonly PyType MemoryError = Make("MemoryError", Exception);
    public static readonly PyType BufferError = Make("BufferError", Exception);

    public static readonly PyType BlockingIOError = Make("BlockingIOError", OSError, static t =>
        AddMember(t, "characters_written"));
    public static readonly PyType ConnectionError = Make("ConnectionError", OSError);
    public static readonly PyType ChildProcessError = Make("ChildProcessError", OSError);
    public static readonly PyType BrokenPipeError = Make("BrokenPipeError", ConnectionError);
    public static readonly PyType ConnectionAbortedError = Make("ConnectionAbortedError", ConnectionError);
    public static readonly PyType ConnectionRefusedError = Make("ConnectionRefusedError", ConnectionError);
    public static readonly PyType ConnectionResetError = Make("ConnectionResetError", ConnectionError);
    public static readonly PyType FileExistsError = Make("FileExistsError", OSError);
    public static readonly PyType FileNotFoundError = Make("FileNotFoundError", OSError);
    public static readonly PyType IsADirectoryError = Make("IsADirectoryError", OSError);
    public static readonly PyType NotADirectoryError = Make("NotADirectoryError", OSError);
    public static readonly PyType InterruptedError = Make("InterruptedError", OSError);
    public static readonly PyType PermissionError = Make("PermissionError", OSError);
    public static readonly PyType ProcessLookupError = Make("ProcessLookupError", OSError);
    public static readonly PyType TimeoutError = Make("TimeoutError", OSError);

    public static readonly PyType Warning = Make("Warning", Exception);
    public static readonly PyType UserWarning = Make("UserWarning", Warning);
    public static readonly PyType EncodingWarning = Make("EncodingWarning", Warning);
    public static readonly PyType DeprecationWarning = Make("DeprecationWarning", Warning);
    public static readonly PyType PendingDeprecationWarning = Make("PendingDeprecationWarning", Warning);
    public static readonly PyType SyntaxWarning = Make("SyntaxWarning", Warning);
    public static readonly PyType RuntimeWarning = Make("RuntimeWarning", Warning);
    public static readonly PyType FutureWarning = Make("FutureWarning", Warning);
    public static readonly PyType ImportWarning = Make("ImportWarning", Warning);
    public static readonly PyType UnicodeWarning = Make("UnicodeWarning", Warning);
    public static readonly PyType BytesWarning = Make("BytesWarning", Warning);
    public static readonly PyType ResourceWarning = Make("ResourceWarning", Warning);

    public static readonly PyType BaseExceptionGroup = PyExceptionGroup.MakeBaseExceptionGroup(BaseException);
    public static readonly PyType ExceptionGroup = PyExceptionGroup.MakeExceptionGroup(BaseExceptionGroup, Exception);

    public static IEnumerable<PyType> All =>
    [
        BaseException, BaseExceptionGroup, GeneratorExit, KeyboardInterrupt, SystemExit, Exception,
        ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError, AssertionError, AttributeError,
        BufferError, EOFError, ExceptionGroup, ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError,
        MemoryError, NameError, UnboundLocalError, OSError, BlockingIOError, ChildProcessError, ConnectionError,
        BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, FileExistsError,
        FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError, PermissionError,
        ProcessLookupError, TimeoutError, ReferenceError, RuntimeError, NotImplementedError, RecursionError,
        StopAsyncIteration, StopIteration, SyntaxError, IndentationError, TabError, SystemError, TypeError,
        ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError, Warning,
        BytesWarning, DeprecationWarning, EncodingWarning, FutureWarning, ImportWarning,
        PendingDeprecationWarning, ResourceWarning, RuntimeWarning, SyntaxWarning, UnicodeWarning, UserWarning,
    ];

    /// <summary>Builtin names that are the same class under another name.</summary>
    public static IEnumerable<(string Name, PyType Type)> Aliases =>
        [("EnvironmentError", OSError), ("IOError", OSError)];

    /// <summary>SystemExit's <c>code</c>: None without arguments, the argument, or the whole
    /// args tuple.</summary>
    public static PyObject SystemExitCode(PyBaseException e) => e.Member("code");

    /// <summary>The SyntaxError (or IndentationError, TabError) of a compile error raised from
    /// C# code, with CPython's args <c>(msg, (filename, lineno, offset, text, end_lineno,
    /// end_offset))</c> and the fields they give.</summary>
    public static PyBaseException SyntaxErrorFrom(Taipan.Syntax.Errors.PythonSyntaxError e)
    {
        static PyObject Opt(int? v) => v is { } n ? PyInt.From(n) : PyNone.Value;
        var type = e.PythonType switch
        {
            "IndentationError" => IndentationError,
            "TabError" => TabError,
            _ => SyntaxError,
        };
        PyObject filename = e.Filename is null ? PyNone.Value : new PyStr(e.Filename);
        PyObject text = e.Text is null ? PyNone.Value : new PyStr(e.Text);
        PyBaseException exc;
        if (e.MessageOnlyArgs)
        {
            exc = (PyBaseException)Ops.Call(type, [new PyStr(e.Msg)], null);
            Ops.SetAttr(exc, PyStr.Intern("filename"), filename);
            Ops.SetAttr(exc, PyStr.Intern("lineno"), PyInt.From(e.Lineno));
            Ops.SetAttr(exc, PyStr.Intern("offset"), PyInt.From(e.Offset));
            Ops.SetAttr(exc, PyStr.Intern("text"), text);
            Ops.SetAttr(exc, PyStr.Intern("end_lineno"), Opt(e.EndLineno));
            Ops.SetAttr(exc, PyStr.Intern("end_offset"), Opt(e.EndOffset));
        }
        else
        {
            var details = PyTuple.Create(filename, PyInt.From(e.Lineno), PyInt.From(e.Offset), text, Opt(e.EndLineno), Opt(e.EndOffset));
            exc = (PyBaseException)Ops.Call(type, [new PyStr(e.Msg), details], null);
        }
        s_compileErrors.AddOrUpdate(exc, e);
        return exc;
    }

    // The compiler's error behind a SyntaxError, printed as the compiler reported it
    // (print_error_text on its own text and offsets).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyBaseException, Taipan.Syntax.Errors.PythonSyntaxError> s_compileErrors = [];

    /// <summary>The compile error a SyntaxError was made from, if any.</summary>
    public static Taipan.Syntax.Errors.PythonSyntaxError? CompileError(PyBaseException exc) =>
        s_compileErrors.TryGetValue(exc, out var e) ? e : null;

    private static PyType MakeBaseException()
    {
        var t = PyBaseException.TypeObject;
        t.EnsureReady();
        PyBaseException.AddSetters(t);
        return t;
    }

    /// <summary>A struct member of an exception class (a read-write attribute).</summary>
    internal static void AddMember(PyType t, string name)
    {
        t.AddBuiltin(name, new PyGetSetDescriptor(t, name, s => ((PyBaseException)s).Member(name), (s, v) =>
        {
            var e = (PyBaseException)s;
            if (v is null)
            {
                e.Members.Remove(name);
            }
            else
            {
                e.Members[name] = v;
            }
        }, null));
    }

    /// <summary>Gives <paramref name="t"/> its own <c>__init__</c> (and <c>__str__</c>), which
    /// subclasses reach through <c>super()</c>.</summary>
    private static void SetInit(PyType t, InitSlot init, UnarySlot? str = null)
    {
        t.Slots.Init = init;
        if (str is not null)
        {
            t.Slots.Str = str;
        }
    }

    private static Action<PyType> Members(string[] names, bool str = false) => t =>
    {
        foreach (var n in names)
        {
            AddMember(t, n);
        }
        SlotDefs.AddWrappers(t, "tp_init");
        if (str)
        {
            SlotDefs.AddWrappers(t, "tp_str");
        }
    };

    private static PyType MakeStopIteration()
    {
        var t = Make("StopIteration", Exception, Members(["value"]));
        SetInit(t, static (self, args, kw) =>
        {
            PyBaseException.TypeObject.Slots.Init!(self, args, kw);
            var e = (PyBaseException)self;
            e.Members["value"] = e.Args.Count > 0 ? e.Args[0] : PyNone.Value;
        });
        return t;
    }

    private static PyType MakeSystemExit()
    {
        var t = Make("SystemExit", BaseException, Members(["code"]));
        SetInit(t, static (self, args, kw) =>
        {
            PyBaseException.TypeObject.Slots.Init!(self, args, kw);
            var e = (PyBaseException)self;
            e.Members["code"] = e.Args.Count switch { 0 => PyNone.Value, 1 => e.Args[0], _ => e.Args };
        });
        return t;
    }

    /// <summary>Keyword arguments an exception's <c>__init__</c> accepts (ImportError's name and
    /// path, NameError's name, AttributeError's name and obj), stored as members.</summary>
    private static void KeywordMembers(PyBaseException e, ReadOnlySpan<PyObject> args, PyTuple? kw, string[] allowed, bool countMessage)
    {
        var n = kw?.Count ?? 0;
        if (n == 0)
        {
            return;
        }
        if (countMessage && n > allowed.Length)
        {
            throw PyErr.TypeError($"{e.Type.Name}() takes at most {allowed.Length} keyword argument{(allowed.Length == 1 ? "" : "s")} ({n} given)");
        }
        for (var i = 0; i < n; i++)
        {
            var name = ((PyStr)kw![i]).Value;
            if (Array.IndexOf(allowed, name) < 0)
            {
                throw PyErr.TypeError($"'{name}' is an invalid keyword argument for {e.Type.Name}()");
            }
            e.Members[name] = args[args.Length - n + i];
        }
    }

    private static PyType MakeImportError()
    {
        var t = Make("ImportError", Exception, Members(["msg", "name", "path"], str: true));
        SetInit(t, static (self, args, kw) =>
        {
            var e = (PyBaseException)self;
            e.Args = PyBaseException.PositionalArgs(args, kw);
            KeywordMembers(e, args, kw, ["name", "path"], countMessage: false);
            if (e.Args.Count == 1)
            {
                e.Members["msg"] = e.Args[0];
            }
        }, static self => ((PyBaseException)self).Member("msg") is PyStr m ? m : ((PyBaseException)self).Str());
        return t;
    }

    private static PyType MakeNamed(string typeName, PyType @base, params string[] names)
    {
        var t = Make(typeName, @base, Members(names));
        SetInit(t, (self, args, kw) =>
        {
            var e = (PyBaseException)self;
            e.Args = PyBaseException.PositionalArgs(args, kw);
            KeywordMembers(e, args, kw, names, countMessage: names.Length == 1);
        });
        return t;
    }

    /// <summary><c>OSError(errno, strerror[, filename[, winerror[, filename2]]])</c>: a plain
    /// OSError with a known errno becomes the subclass for it (PEP 3151).</summary>
    private static PyType MakeOSError()
    {
        var t = Make("OSError", Exception, Members(["errno", "strerror", "filename", "filename2"], str: true));
        t.Slots.New = static (type, args, kw) =>
        {
            if (ReferenceEquals(type, OSError))
            {
                Python.ArgParse.NoKeywords(type.Name, kw);
                if (args.Length is >= 2 and <= 5 && args[0] is PyInt { IsSmall: true } errno && ErrnoSubclass(errno.Small) is { } sub)
                {
                    type = sub;
                }
            }
            return new PyBaseException(type, PyBaseException.PositionalArgs(args, kw));
        };
        SetInit(t, static (self, args, kw) =>
        {
            var e = (PyBaseException)self;
            Python.ArgParse.NoKeywords(e.Type.Name, kw);
            e.Args = PyBaseException.PositionalArgs(args, kw);
            if (args.Length is < 2 or > 5)
            {
                return;
            }
            e.Members["errno"] = args[0];
            e.Members["strerror"] = args[1];
            if (args.Length >= 3 && args[2] is not PyNone)
            {
                if (e.Type.IsSubtypeOf(BlockingIOError) && args[2] is PyInt)
                {
                    e.Members["characters_written"] = args[2];
                }
                else
                {
                    e.Members["filename"] = args[2];
                    if (args.Length == 5 && args[4] is not PyNone)
                    {
                        e.Members["filename2"] = args[4];
                    }
                    e.Args = PyTuple.Create(args[0], args[1]);
                }
            }
        }, static self =>
        {
            var e = (PyBaseException)self;
            var errno = e.Member("errno");
            var strerror = e.Member("strerror");
            var filename = e.Member("filename");
            if (filename is not PyNone)
            {
                var filename2 = e.Member("filename2");
                return filename2 is not PyNone
                    ? new PyStr($"[Errno {Ops.Str(errno).Value}] {Ops.Str(strerror).Value}: {Ops.Repr(filename).Value} -> {Ops.Repr(filename2).Value}")
                    : new PyStr($"[Errno {Ops.Str(errno).Value}] {Ops.Str(strerror).Value}: {Ops.Repr(filename).Value}");
            }
            return errno is not PyNone && strerror is not PyNone
                ? new PyStr($"[Errno {Ops.Str(errno).Value}] {Ops.Str(strerror).Value}")
                : e.Str();
        });
        return t;
    }

    /// <summary>The OSError subclass for an errno value (Linux numbering).</summary>
    private static PyType? ErrnoSubclass(long errno) => errno switch
    {
        11 or 114 or 115 => BlockingIOError, // EAGAIN/EWOULDBLOCK, EALREADY, EINPROGRESS
        10 => ChildProcessError, // ECHILD
        32 or 108 => BrokenPipeError, // EPIPE, ESHUTDOWN
        103 => ConnectionAbortedError,
        111 => ConnectionRefusedError,
        104 => ConnectionResetError,
        17 => FileExistsError,
        2 => FileNotFoundError,
        21 => IsADirectoryError,
        20 => NotADirectoryError,
        4 => InterruptedError,
        1 or 13 => PermissionError, // EPERM, EACCES
        3 => ProcessLookupError, // ESRCH
        110 => TimeoutError, // ETIMEDOUT
        _ => null,
    };

    /// <summary>KeyError's str is the repr of its single argument, so <c>KeyError('')</c>
    /// shows <c>''</c> rather than nothing.</summary>
    private static PyType MakeKeyError()
    {
        var t = Make("KeyError", LookupError, static t => SlotDefs.AddWrappers(t, "tp_str"));
        t.Slots.Str = static self => ((PyBaseException)self).Args is { Count: 1 } args
            ? Ops.Repr(args[0])
            : ((PyBaseException)self).Str();
        return t;
    }

    private static PyType MakeSyntaxError()
    {
        var t = Make("SyntaxError", Exception, Members(["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"], str: true));
        SetInit(t, static (self, args, kw) =>
        {
            PyBaseException.TypeObject.Slots.Init!(self, args, kw);
            var e = (PyBaseException)self;
            if (e.Args.Count >= 1)
            {
                e.Members["msg"] = e.Args[0];
            }
            if (e.Args.Count == 2)
            {
                var info = new PyTuple(Ops.Iterate(e.Args[1]).ToArray());
                if (info.Count is < 4 or > 6)
                {
                    throw PyErr.TypeError($"function takes at {(info.Count < 4 ? "least 4" : "most 6")} arguments ({info.Count} given)");
                }
                string[] fields = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
                for (var i = 0; i < info.Count; i++)
                {
                    e.Members[fields[i]] = info[i];
                }
            }
        }, static self =>
        {
            var e = (PyBaseException)self;
            var msg = Ops.Str(e.Member("msg")).Value;
            var file = e.Member("filename") is PyStr f ? Path.GetFileName(f.Value) : null;
            var line = e.Member("lineno") is PyInt l && l.IsSmall ? l.Small.ToString() : null;
            return new PyStr(file is not null && line is not null ? $"{msg} ({file}, line {line})"
                : file is not null ? $"{msg} ({file})"
                : line is not null ? $"{msg} (line {line})"
                : msg);
        });
        return t;
    }

    private static PyType MakeUnicodeError(string name, string verb)
    {
        var fields = verb == "translate" ? new[] { "object", "start", "end", "reason" } : ["encoding", "object", "start", "end", "reason"];
        var t = Make(name, UnicodeError, Members(fields, str: true));
        SetInit(t, (self, args, kw) =>
        {
            PyBaseException.TypeObject.Slots.Init!(self, args, kw);
            var e = (PyBaseException)self;
            if (e.Args.Count != fields.Length)
            {
                throw PyErr.TypeError($"function takes exactly {fields.Length} arguments ({e.Args.Count} given)");
            }
            for (var i = 0; i < fields.Length; i++)
            {
                e.Members[fields[i]] = e.Args[i];
            }
        });
        t.Slots.Str = self =>
        {
            var e = (PyBaseException)self;
            if (e.Member("object") is PyNone)
            {
                return PyStr.Empty;
            }
            var reason = Ops.Str(e.Member("reason")).Value;
            var start = e.Member("start") is PyInt s && s.IsSmall ? s.Small : 0;
            var end = e.Member("end") is PyInt en && en.IsSmall ? en.Small : 0;
            var encoding = verb == "translate" ? "" : Ops.Str(e.Member("encoding")).Value;
            var obj = e.Member("object");
            if (end == start + 1 && verb != "decode" && obj is PyStr str && CodePointAt(str.Value, start) is int c and >= 0)
            {
                var esc = c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}";
                return new PyStr(verb == "translate"
                    ? $"can't translate character '{esc}' in position {start}: {reason}"
                    : $"'{encoding}' codec can't encode character '{esc}' in position {start}: {reason}");
            }
            if (end == start + 1 && verb == "decode" && obj.Type.Slots.GetItem is { } getItem && getItem(obj, PyInt.From(start)) is PyInt b)
            {
                return new PyStr($"'{encoding}' codec can't decode byte 0x{b.Small:x2} in position {start}: {reason}");
            }
            var what = verb == "decode" ? "bytes" : "characters";
            return new PyStr(verb == "translate"
                ? $"can't translate characters in position {start}-{end - 1}: {reason}"
                : $"'{encoding}' codec can't {verb} {what} in position {start}-{end - 1}: {reason}");
        };
        return t;
    }

    /// <summary>The code point at index <paramref name="index"/> of a string, or -1.</summary>
    private static int CodePointAt(string s, long index)
    {
        // Walks code points itself: EnumerateRunes would turn lone surrogates into U+FFFD.
        var i = 0;
        for (var k = 0L; i < s.Length; k++)
        {
            var cp = PyStr.NextCodePoint(s, ref i);
            if (k == index)
            {
                return cp;
            }
        }
        return -1;
    }
}
