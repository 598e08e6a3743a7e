// Modules/syslogmodule.c
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Syslog;

/// <summary><c>syslog</c>: the C library's openlog/syslog/closelog/setlogmask. Argument
/// errors are worded as 3.11's PyArg_ParseTuple formats word them.</summary>
[PyModule("syslog")]
public static unsafe partial class SyslogModule
{
    private const int LogInfo = 6;
    private const int LogUser = 8;

    private static readonly string[] s_openlogNames = ["ident", "logoption", "facility"];
    private static readonly Lock s_lock = new();

    // openlog(3) keeps the ident pointer: it must stay allocated until the next openlog or
    // closelog.
    private static nint s_ident;
    private static bool s_open;

    static partial void Initialize(PyModule module)
    {
        (string, int)[] constants =
        [
            ("LOG_EMERG", 0), ("LOG_ALERT", 1), ("LOG_CRIT", 2), ("LOG_ERR", 3), ("LOG_WARNING", 4),
            ("LOG_NOTICE", 5), ("LOG_INFO", 6), ("LOG_DEBUG", 7),
            ("LOG_PID", 1), ("LOG_CONS", 2), ("LOG_NDELAY", 8), ("LOG_ODELAY", 4), ("LOG_NOWAIT", 16),
            ("LOG_PERROR", 32),
            ("LOG_KERN", 0), ("LOG_USER", 8), ("LOG_MAIL", 16), ("LOG_DAEMON", 24), ("LOG_AUTH", 32),
            ("LOG_LPR", 48), ("LOG_LOCAL0", 128), ("LOG_LOCAL1", 136), ("LOG_LOCAL2", 144),
            ("LOG_LOCAL3", 152), ("LOG_LOCAL4", 160), ("LOG_LOCAL5", 168), ("LOG_LOCAL6", 176),
            ("LOG_LOCAL7", 184), ("LOG_SYSLOG", 40), ("LOG_CRON", 72), ("LOG_UUCP", 64),
            ("LOG_NEWS", 56), ("LOG_AUTHPRIV", 80),
        ];
        foreach (var (name, value) in constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }

    [LibraryImport("libc", EntryPoint = "openlog")]
    private static partial void OpenLogNative(nint ident, int option, int facility);

    [LibraryImport("libc", EntryPoint = "syslog")]
    private static partial void SyslogNative(int priority, byte* format, byte* message);

    [LibraryImport("libc", EntryPoint = "closelog")]
    private static partial void CloseLogNative();

    [LibraryImport("libc", EntryPoint = "setlogmask")]
    private static partial int SetLogMaskNative(int mask);

    /// <summary>The "l" format: an integer through <c>__index__</c> that fits a C long.</summary>
    private static long CLong(PyObject o)
    {
        var i = Ops.Index(o);
        return i.IsSmall ? i.Small : throw PyErr.OverflowError("Python int too large to convert to C long");
    }

    /// <summary>The "i" format.</summary>
    private static bool TryCInt(PyObject o, out int value)
    {
        value = 0;
        PyInt i;
        try
        {
            i = Ops.Index(o);
        }
        catch (PyException)
        {
            return false;
        }
        if (!i.IsSmall || i.Small is < int.MinValue or > int.MaxValue)
        {
            return false;
        }
        value = (int)i.Small;
        return true;
    }

    /// <summary>The basename of <c>sys.argv[0]</c>, CPython's default ident.</summary>
    private static PyStr? DefaultIdent()
    {
        if (SysModule.Get("argv") is not PyList { Count: > 0 } argv || argv[0] is not PyStr { Value.Length: > 0 } script)
        {
            return null;
        }
        var slash = script.Value.LastIndexOf('/');
        return slash < 0 ? script : new PyStr(script.Value[(slash + 1)..]);
    }

    [PyMethod("openlog")]
    public static void OpenLog(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[3];
        ArgParse.UnpackKeywords("openlog", args, kwnames, s_openlogNames, 0, 3, 0, values);
        PyStr? ident = null;
        if (values[0] is { } i)
        {
            ident = i as PyStr ?? throw PyErr.TypeError($"openlog() argument 1 must be str, not {i.Type.Name}");
        }
        var option = values[1] is { } o ? CLong(o) : 0;
        var facility = values[2] is { } f ? CLong(f) : LogUser;
        Open(ident ?? DefaultIdent(), option, facility);
    }

    private static void Open(PyStr? ident, long option, long facility)
    {
        var encoded = ident is null ? null : Codecs.Encode(ident, "utf-8", "strict");
        SysModule.Audit([new PyStr("syslog.openlog"), (PyObject?)ident ?? PyNone.Value, PyInt.From(option), PyInt.From(facility)], null);
        lock (s_lock)
        {
            var old = s_ident;
            s_ident = 0;
            if (encoded is not null)
            {
                s_ident = Marshal.AllocHGlobal(encoded.Length + 1);
                var span = new Span<byte>((void*)s_ident, encoded.Length + 1);
                encoded.CopyTo(span);
                span[^1] = 0;
            }
            // The C long arguments are truncated to the C int parameters, as in C.
            OpenLogNative(s_ident, (int)option, (int)facility);
            if (old != 0)
            {
                Marshal.FreeHGlobal(old);
            }
            s_open = true;
        }
    }

    [PyMethod("syslog")]
    public static void Syslog(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("syslog", kwnames);
        int priority = LogInfo;
        PyStr message;
        if (args.Length == 2 && TryCInt(args[0], out var p) && args[1] is PyStr m2)
        {
            priority = p;
            message = m2;
        }
        else if (args.Length == 1 && args[0] is PyStr m1)
        {
            message = m1;
        }
        else
        {
            throw PyErr.TypeError("[priority,] message string");
        }
        var encoded = Codecs.Encode(message, "utf-8", "strict");
        // The event gets the message as C reads it: up to the first NUL.
        var nul = message.Value.IndexOf('\0');
        var shown = nul < 0 ? message : new PyStr(message.Value[..nul]);
        SysModule.Audit([new PyStr("syslog.syslog"), PyInt.From(priority), shown], null);
        if (!s_open)
        {
            Open(DefaultIdent(), 0, LogUser);
        }
        var text = new byte[encoded.Length + 1];
        encoded.CopyTo(text, 0);
        ReadOnlySpan<byte> format = "%s\0"u8;
        using (Gil.Release())
        {
            // The ident buffer may not be freed while syslog reads it.
            lock (s_lock)
            {
                fixed (byte* f = format, t = text)
                {
                    SyslogNative(priority, f, t);
                }
            }
        }
    }

    [PyMethod("closelog")]
    public static void CloseLog()
    {
        SysModule.Audit([new PyStr("syslog.closelog")], null);
        lock (s_lock)
        {
            if (!s_open)
            {
                return;
            }
            CloseLogNative();
            if (s_ident != 0)
            {
                Marshal.FreeHGlobal(s_ident);
                s_ident = 0;
            }
            s_open = false;
        }
    }

    [PyMethod("setlogmask")]
    public static long SetLogMask(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("setlogmask", kwnames);
        if (args.Length != 1)
        {
            throw PyErr.TypeError("mask for priority");
        }
        var mask = CLong(args[0]);
        SysModule.Audit([new PyStr("syslog.setlogmask"), PyInt.From(mask)], null);
        return SetLogMaskNative((int)mask);
    }

    [PyMethod("LOG_MASK")]
    public static long LogMask(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => 1 << (int)OnePri("LOG_MASK", args, kwnames);

    [PyMethod("LOG_UPTO")]
    public static long LogUpto(ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        unchecked((1 << (int)(OnePri("LOG_UPTO", args, kwnames) + 1)) - 1);

    private static long OnePri(string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords(name, kwnames);
        if (args.Length != 1)
        {
            throw PyErr.TypeError($"{name}() takes exactly 1 argument ({args.Length} given)");
        }
        return CLong(args[0]);
    }
}
