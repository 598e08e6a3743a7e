// Objects/unicodeobject.c (PyUnicode_Format: printf-style formatting, str % args)
using System.Numerics;
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary><c>format % args</c> for str: conversions <c>s r a c d i u o x X e E f F g G %</c>
/// with mapping keys, the flags <c>-+ #0</c>, width and precision (or <c>*</c>).</summary>
public static class PercentFormat
{
    [Flags]
    private enum F
    {
        None = 0,
        LJust = 1,
        Sign = 2,
        Blank = 4,
        Alt = 8,
        Zero = 16,
    }

    private sealed class State(string format, PyObject args, bool bytes = false)
    {
        public readonly string Format = format;

        /// <summary>Formatting bytes: the format and result hold bytes as Latin-1 chars.</summary>
        public readonly bool Bytes = bytes;
        public int Pos;
        public PyObject[] Items = args is PyTuple t ? t.Items.ToArray() : [args];
        public int ArgIndex;
        public readonly PyObject? Dict = args is not PyTuple && args is not PyStr && args is not PyBytes && args is not PyByteArray && args.Type.Slots.GetItem is not null ? args : null;

        public PyObject NextArg()
        {
            if (ArgIndex < Items.Length)
            {
                return Items[ArgIndex++];
            }
            throw PyErr.TypeError("not enough arguments for format string");
        }
    }

    public static PyStr Format(string format, PyObject args) => new(Run(new State(format, args)));

    /// <summary><c>bytes % args</c> (PEP 461).</summary>
    public static byte[] FormatBytes(ReadOnlySpan<byte> format, PyObject args) =>
        Encoding.Latin1.GetBytes(Run(new State(Encoding.Latin1.GetString(format), args, bytes: true)));

    private static string Run(State st)
    {
        var format = st.Format;
        var sb = new StringBuilder(format.Length + 16);
        while (st.Pos < format.Length)
        {
            var next = format.IndexOf('%', st.Pos);
            if (next < 0)
            {
                sb.Append(format, st.Pos, format.Length - st.Pos);
                break;
            }
            sb.Append(format, st.Pos, next - st.Pos);
            st.Pos = next + 1;
            FormatArg(st, sb);
        }
        if (st.ArgIndex < st.Items.Length && st.Dict is null)
        {
            throw PyErr.TypeError(st.Bytes ? "not all arguments converted during bytes formatting" : "not all arguments converted during string formatting");
        }
        return sb.ToString();
    }

    private static int StarArg(State st)
    {
        var v = st.NextArg();
        if (v is not PyInt i)
        {
            throw PyErr.TypeError("* wants int");
        }
        if (!i.IsSmall || i.Small is > int.MaxValue or < -int.MaxValue)
        {
            throw PyErr.ValueError("width too big");
        }
        return (int)i.Small;
    }

    /// <summary>A width or precision: a Py_ssize_t in CPython, so only a number beyond that is
    /// "too big"; one that cannot be allocated is a MemoryError when it is used.</summary>
    private static long Digits(State st, string tooBig)
    {
        var f = st.Format;
        long n = 0;
        while (st.Pos < f.Length && char.IsAsciiDigit(f[st.Pos]))
        {
            var d = f[st.Pos++] - '0';
            if (n > (long.MaxValue - d) / 10)
            {
                throw PyErr.ValueError(tooBig);
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static void FormatArg(State st, StringBuilder sb)
    {
        var f = st.Format;
        if (st.Pos < f.Length && f[st.Pos] == '%')
        {
            // Only "%%" is a literal percent sign; a '%' after a key, flags or width is an
            // unsupported conversion.
            st.Pos++;
            sb.Append('%');
            return;
        }
        PyObject? keyed = null;
        if (st.Pos < f.Length && f[st.Pos] == '(')
        {
            if (st.Dict is null)
            {
                throw PyErr.TypeError("format requires a mapping");
            }
            st.Pos++;
            var keyStart = st.Pos;
            var depth = 1;
            while (st.Pos < f.Length && depth > 0)
            {
                if (f[st.Pos] == ')')
                {
                    depth--;
                }
                else if (f[st.Pos] == '(')
                {
                    depth++;
                }
                st.Pos++;
            }
            if (depth > 0)
            {
                throw PyErr.ValueError("incomplete format key");
            }
            PyObject key = st.Bytes ? new PyBytes(Encoding.Latin1.GetBytes(f[keyStart..(st.Pos - 1)])) : new PyStr(f[keyStart..(st.Pos - 1)]);
            keyed = st.Dict.Type.Slots.GetItem!(st.Dict, key);
            // After a keyed conversion, one without a key finds no argument left.
            st.Items = [];
            st.ArgIndex = 0;
        }
        var flags = F.None;
        while (st.Pos < f.Length)
        {
            var fl = f[st.Pos] switch
            {
                '-' => F.LJust,
                '+' => F.Sign,
                ' ' => F.Blank,
                '#' => F.Alt,
                '0' => F.Zero,
                _ => F.None,
            };
            if (fl == F.None)
            {
                break;
            }
            flags |= fl;
            st.Pos++;
        }
        long width = -1;
        if (st.Pos < f.Length && f[st.Pos] == '*')
        {
            st.Pos++;
            width = StarArg(st);
            if (width < 0)
            {
                flags |= F.LJust;
                width = -width;
            }
        }
        else if (st.Pos < f.Length && char.IsAsciiDigit(f[st.Pos]))
        {
            width = Digits(st, "width too big");
        }
        long precision = -1;
        if (st.Pos < f.Length && f[st.Pos] == '.')
        {
            st.Pos++;
            if (st.Pos < f.Length && f[st.Pos] == '*')
            {
                st.Pos++;
                precision = Math.Max(0, StarArg(st));
            }
            else
            {
                precision = Digits(st, "precision too big");
            }
        }
        // C length modifiers are accepted and ignored.
        while (st.Pos < f.Length && f[st.Pos] is 'h' or 'l' or 'L')
        {
            st.Pos++;
        }
        if (st.Pos >= f.Length)
        {
            throw PyErr.ValueError("incomplete format");
        }
        var typeIndex = st.Pos;
        var type = f[st.Pos++];
        var arg = keyed ?? st.NextArg();
        string body;
        var numeric = false;
        var signed = "";
        var prefix = "";
        switch (type)
        {
            case 's' or 'b' when st.Bytes:
                body = BytesArg(arg);
                if (precision >= 0 && precision < body.Length)
                {
                    body = body[..(int)precision];
                }
                break;
            case 'r' or 'a' when st.Bytes:
                body = Ops.Ascii(arg).Value;
                if (precision >= 0 && precision < body.Length)
                {
                    body = body[..(int)precision];
                }
                break;
            case 'c' when st.Bytes:
                body = ((char)ByteCharArg(arg)).ToString();
                break;
            case 's':
            case 'r':
            case 'a':
                var text = type == 's' ? Ops.Str(arg) : type == 'r' ? Ops.Repr(arg) : Ops.Ascii(arg);
                body = text.Value;
                if (precision >= 0 && precision < text.CodePointCount)
                {
                    body = body[..text.CharOffset((int)precision)];
                }
                break;
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
            {
                var n = IntArg(arg, type);
                numeric = true;
                var v = n.Value;
                var abs = BigInteger.Abs(v);
                body = type switch
                {
                    'o' => FormatterUnicode.ToBase(abs, 8),
                    'x' => FormatterUnicode.ToBase(abs, 16),
                    'X' => FormatterUnicode.ToBase(abs, 16, upper: true),
                    _ => FormatterUnicode.ToBase(abs, 10),
                };
                if (precision > body.Length)
                {
                    body = new string('0', (int)CheckSize(precision) - body.Length) + body;
                }
                if ((flags & F.Alt) != 0)
                {
                    prefix = type switch { 'o' => "0o", 'x' => "0x", 'X' => "0X", _ => "" };
                }
                signed = v.Sign < 0 ? "-" : (flags & F.Sign) != 0 ? "+" : (flags & F.Blank) != 0 ? " " : "";
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            {
                var d = FloatArg(arg);
                numeric = true;
                if (precision > int.MaxValue)
                {
                    throw PyErr.ValueError("precision too big");
                }
                body = PyStrtod.DoubleToString(d, type, precision < 0 ? 6 : (int)CheckSize(precision), (flags & F.Alt) != 0);
                if (body.StartsWith('-'))
                {
                    signed = "-";
                    body = body[1..];
                }
                else
                {
                    signed = (flags & F.Sign) != 0 ? "+" : (flags & F.Blank) != 0 ? " " : "";
                }
                break;
            }
            case 'c':
                body = CharArg(arg);
                break;
            default:
                var shown = type is >= ' ' and <= '~' ? type.ToString() : "?";
                throw PyErr.ValueError($"unsupported format character '{shown}' (0x{(int)type:x}) at index {typeIndex}");
        }
        var length = signed.Length + prefix.Length + PyStr.CountCodePoints(body);
        var pad = width > length ? (int)CheckSize(width - length) : 0;
        if ((flags & F.LJust) != 0)
        {
            sb.Append(signed).Append(prefix).Append(body).Append(' ', pad);
        }
        else if (numeric && (flags & F.Zero) != 0)
        {
            sb.Append(signed).Append(prefix).Append('0', pad).Append(body);
        }
        else
        {
            sb.Append(' ', pad).Append(signed).Append(prefix).Append(body);
        }
    }

    /// <summary>A size the result can hold, or MemoryError as CPython's allocation gives.</summary>
    private static long CheckSize(long n) => n > int.MaxValue / 4 ? throw PyErr.New(PyExc.MemoryError, "") : n;

    /// <summary><c>mainformatlong</c>: an int, through <c>__index__</c> for o, x and X and
    /// <c>__int__</c> for the decimal conversions.</summary>
    private static PyInt IntArg(PyObject arg, char type)
    {
        if (arg is PyInt i)
        {
            return i;
        }
        var hasIndex = arg.Type.Slots.Index is not null || HasMethod(arg, "__index__");
        var isNumber = hasIndex || arg is PyFloat || HasMethod(arg, "__int__") || HasMethod(arg, "__float__");
        if (isNumber)
        {
            if (type is 'o' or 'x' or 'X')
            {
                if (hasIndex)
                {
                    return Ops.Index(arg);
                }
            }
            else if (arg is PyFloat fl)
            {
                if (double.IsNaN(fl.Value))
                {
                    throw PyErr.ValueError("cannot convert float NaN to integer");
                }
                if (double.IsInfinity(fl.Value))
                {
                    throw PyErr.OverflowError("cannot convert float infinity to integer");
                }
                return PyInt.From(new BigInteger(Math.Truncate(fl.Value)));
            }
            else if (arg.Type.Lookup(PyStr.Intern("__int__")) is { } toInt)
            {
                var r = Ops.Call(toInt, [arg], null);
                return r as PyInt ?? throw PyErr.TypeError($"__int__ returned non-int (type {r.Type.Name})");
            }
            else if (hasIndex)
            {
                return Ops.Index(arg);
            }
        }
        throw PyErr.TypeError(type is 'o' or 'x' or 'X'
            ? $"%{type} format: an integer is required, not {arg.Type.Name}"
            : $"%{type} format: a real number is required, not {arg.Type.Name}");
    }

    private static bool HasMethod(PyObject o, string name) => o.Type.Lookup(PyStr.Intern(name)) is not null;

    private static double FloatArg(PyObject arg)
    {
        switch (arg)
        {
            case PyFloat f:
                return f.Value;
            case PyInt i:
                return FormatterUnicode.IntToDouble(i);
        }
        if (arg.Type.Lookup(PyStr.Intern("__float__")) is { } toFloat)
        {
            var r = Ops.Call(toFloat, [arg], null);
            return r is PyFloat rf ? rf.Value : throw PyErr.TypeError($"{arg.Type.Name}.__float__ returned non-float (type {r.Type.Name})");
        }
        if (arg.Type.Slots.Index is not null || HasMethod(arg, "__index__"))
        {
            return FormatterUnicode.IntToDouble(Ops.Index(arg));
        }
        throw PyErr.TypeError($"must be real number, not {arg.Type.Name}");
    }

    /// <summary>The operand of bytes' <c>%s</c>/<c>%b</c>, as Latin-1 chars.</summary>
    private static string BytesArg(PyObject arg)
    {
        var data = PyBytes.BufferOf(arg, out var ok);
        if (ok)
        {
            return Encoding.Latin1.GetString(data);
        }
        if (arg.Type.Lookup(PyStr.Intern("__bytes__")) is { } method && Ops.Call(method, [arg], null) is PyBytes b)
        {
            return Encoding.Latin1.GetString(b.Data);
        }
        throw PyErr.TypeError($"%b requires a bytes-like object, or an object that implements __bytes__, not '{arg.Type.Name}'");
    }

    private static byte ByteCharArg(PyObject arg)
    {
        var data = PyBytes.BufferOf(arg, out var ok);
        if (ok)
        {
            return data.Length == 1 ? data[0] : throw PyErr.TypeError("%c requires an integer in range(256) or a single byte");
        }
        if (arg is not PyInt && arg.Type.Slots.Index is null)
        {
            throw PyErr.TypeError("%c requires an integer in range(256) or a single byte");
        }
        var n = Ops.Index(arg);
        return n.IsSmall && n.Small is >= 0 and < 256 ? (byte)n.Small : throw PyErr.OverflowError("%c arg not in range(256)");
    }

    private static string CharArg(PyObject arg)
    {
        if (arg is PyStr s)
        {
            if (s.CodePointCount != 1)
            {
                throw PyErr.TypeError("%c requires int or char");
            }
            return s.Value;
        }
        if (arg is not PyInt && arg.Type.Slots.Index is null)
        {
            throw PyErr.TypeError("%c requires int or char");
        }
        var n = Ops.Index(arg);
        if (!n.IsSmall)
        {
            throw PyErr.OverflowError("Python int too large to convert to C long");
        }
        if (n.Small is < 0 or > 0x10ffff)
        {
            throw PyErr.OverflowError("%c arg not in range(0x110000)");
        }
        return PyStr.FromCodePoint((int)n.Small).Value;
    }
}
