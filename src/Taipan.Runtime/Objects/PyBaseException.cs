// Objects/exceptions.c
namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>BaseException</c> and every builtin exception class: they share this layout and differ
/// by their type object (see <see cref="PyExc"/>), so an instance carries its type.
/// </summary>
[PyType("BaseException", InstanceType = true, Subclassable = true, Flags = TypeFlags.BaseExceptionSubclass)]
public partial class PyBaseException(PyType type, PyTuple args) : PyObject
{
    private PyType _type = type;

    public override PyType Type => _type;

    public PyTuple Args { get; set; } = args;
    public PyObject? Traceback { get; set; }
    public PyBaseException? Cause { get; set; }
    public PyBaseException? Context { get; set; }
    public bool SuppressContext { get; set; }

    public static PyBaseException Create(PyType type, string message) => new(type, PyTuple.Create(new PyStr(message)));

    [PySlot("tp_str")]
    public PyObject Str() => Args.Count switch
    {
        0 => PyStr.Empty,
        1 => Abstract.Ops.Str(Args[0]),
        _ => Abstract.Ops.Str(Args),
    };

    [PySlot("tp_repr")]
    public PyObject Repr()
    {
        var name = Type.Name;
        return Args.Count == 1
            ? new PyStr($"{name}({Abstract.Ops.Repr(Args[0]).Value})")
            : new PyStr(name + Abstract.Ops.Repr(Args).Value);
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords(type.Name, kwnames);
        return new PyBaseException(type, args.Length == 0 ? PyTuple.Empty : new PyTuple(args.ToArray()));
    }

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords(Type.Name, kwnames);
        Args = args.Length == 0 ? PyTuple.Empty : new PyTuple(args.ToArray());
    }

    [PyGetter("args")]
    public PyTuple ArgsGetter() => Args;

    [PyGetter("__cause__")]
    public PyObject CauseGetter() => (PyObject?)Cause ?? PyNone.Value;

    [PyGetter("__context__")]
    public PyObject ContextGetter() => (PyObject?)Context ?? PyNone.Value;

    [PyGetter("__suppress_context__")]
    public bool SuppressContextGetter() => SuppressContext;

    [PyGetter("__traceback__")]
    public PyObject TracebackGetter() => Traceback ?? PyNone.Value;
}

/// <summary>The builtin exception classes (CPython's <c>PyExc_*</c>), in the 3.11 hierarchy.</summary>
public static class PyExc
{
    private static PyType Make(string name, PyType @base) =>
        new(name, @base, TypeFlags.BaseType | TypeFlags.HasDict | TypeFlags.Immutable);

    public static readonly PyType BaseException = PyBaseException.TypeObject;
    public static readonly PyType Exception = Make("Exception", BaseException);
    public static readonly PyType TypeError = Make("TypeError", Exception);
    public static readonly PyType ValueError = Make("ValueError", Exception);
    public static readonly PyType ArithmeticError = Make("ArithmeticError", Exception);
    public static readonly PyType ZeroDivisionError = Make("ZeroDivisionError", ArithmeticError);
    public static readonly PyType OverflowError = Make("OverflowError", ArithmeticError);
    public static readonly PyType LookupError = Make("LookupError", Exception);
    public static readonly PyType KeyError = MakeKeyError();
    public static readonly PyType IndexError = Make("IndexError", LookupError);
    public static readonly PyType AttributeError = Make("AttributeError", Exception);
    public static readonly PyType NameError = Make("NameError", Exception);
    public static readonly PyType UnboundLocalError = Make("UnboundLocalError", NameError);
    public static readonly PyType AssertionError = Make("AssertionError", Exception);
    public static readonly PyType RuntimeError = Make("RuntimeError", Exception);
    public static readonly PyType RecursionError = Make("RecursionError", RuntimeError);
    public static readonly PyType NotImplementedError = Make("NotImplementedError", RuntimeError);
    /// <summary>KeyError's str is the repr of its single argument, so <c>KeyError('')</c>
    /// shows <c>''</c> rather than nothing.</summary>
    private static PyType MakeKeyError()
    {
        var t = Make("KeyError", LookupError);
        t.Slots.Str = static self => ((PyBaseException)self).Args is { Count: 1 } args
            ? Abstract.Ops.Repr(args[0])
            : PyBaseException.TypeObject.Slots.Str!(self);
        return t;
    }

    public static readonly PyType StopIteration = Make("StopIteration", Exception);
    public static readonly PyType GeneratorExit = Make("GeneratorExit", BaseException);
    public static readonly PyType MemoryError = Make("MemoryError", Exception);
    public static readonly PyType SystemError = Make("SystemError", Exception);
    public static readonly PyType ImportError = Make("ImportError", Exception);
    public static readonly PyType ModuleNotFoundError = Make("ModuleNotFoundError", ImportError);
    public static readonly PyType SystemExit = MakeSystemExit();
    public static readonly PyType KeyboardInterrupt = Make("KeyboardInterrupt", BaseException);
    public static readonly PyType SyntaxError = MakeSyntaxError();

    /// <summary>SyntaxError's str: the message with the file's base name and the line
    /// (SyntaxError_str), its args being (msg, (filename, lineno, offset, text, end_lineno,
    /// end_offset)).</summary>
    private static PyType MakeSyntaxError()
    {
        var t = Make("SyntaxError", Exception);
        t.Slots.Str = static self =>
        {
            var args = ((PyBaseException)self).Args;
            if (args.Count == 2 && args[0] is PyStr msg && args[1] is PyTuple { Count: 6 } details
                && details[0] is PyStr file && details[1] is PyInt line)
            {
                return new PyStr($"{msg.Value} ({Path.GetFileName(file.Value)}, line {line})");
            }
            return PyBaseException.TypeObject.Slots.Str!(self);
        };
        return t;
    }

    /// <summary>The SyntaxError of a compile error raised from C# code.</summary>
    public static PyBaseException SyntaxErrorFrom(Taipan.Syntax.Errors.PythonSyntaxError e)
    {
        PyObject Opt(int? v) => v is { } n ? PyInt.From(n) : PyNone.Value;
        var details = PyTuple.Create(
            e.Filename is null ? PyNone.Value : new PyStr(e.Filename), PyInt.From(e.Lineno), PyInt.From(e.Offset),
            e.Text is null ? PyNone.Value : new PyStr(e.Text), Opt(e.EndLineno), Opt(e.EndOffset));
        var exc = new PyBaseException(SyntaxError, PyTuple.Create(new PyStr(e.Msg), details));
        s_compileErrors.AddOrUpdate(exc, e);
        return exc;
    }

    // The compiler's error behind a SyntaxError, so an uncaught one prints its source line and
    // carets (print_error_text) until SyntaxError has attributes of its own.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyBaseException, Taipan.Syntax.Errors.PythonSyntaxError> s_compileErrors = [];

    /// <summary>The compile error a SyntaxError was made from, if any.</summary>
    public static Taipan.Syntax.Errors.PythonSyntaxError? CompileError(PyBaseException exc) =>
        s_compileErrors.TryGetValue(exc, out var e) ? e : null;

    /// <summary>SystemExit's <c>code</c>: None without arguments, the argument, or the whole
    /// args tuple (SystemExit_init).</summary>
    private static PyType MakeSystemExit()
    {
        var t = Make("SystemExit", BaseException);
        t.AddBuiltin("code", new PyGetSetDescriptor(t, "code", static self => SystemExitCode((PyBaseException)self), null, "exception code"));
        return t;
    }

    public static PyObject SystemExitCode(PyBaseException e) => e.Args.Count switch
    {
        0 => PyNone.Value,
        1 => e.Args[0],
        _ => e.Args,
    };

    public static IEnumerable<PyType> All =>
    [
        BaseException, Exception, TypeError, ValueError, ArithmeticError, ZeroDivisionError, OverflowError,
        LookupError, KeyError, IndexError, AttributeError, NameError, UnboundLocalError, AssertionError,
        RuntimeError, RecursionError, NotImplementedError, StopIteration, GeneratorExit, MemoryError, SystemError,
        ImportError, ModuleNotFoundError, SystemExit, KeyboardInterrupt, SyntaxError,
    ];
}
