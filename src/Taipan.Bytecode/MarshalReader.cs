// Python/marshal.c (reading: r_object and friends)
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

/// <summary>marshal: CPython 3.11's serialization of constants and code objects (format
/// version 4). Reading accepts everything any version wrote and fails like CPython's reader,
/// always with a <see cref="PythonException"/>. Values read are the constant representation of
/// <see cref="CodeObject"/> plus <see cref="MarshalList"/>, <see cref="MarshalDict"/>,
/// <see cref="MarshalSet"/> and <see cref="MarshalStopIteration"/>; NULL (TYPE_NULL) is only
/// meaningful as a dict terminator and is an error anywhere else, as in CPython.</summary>
public static partial class Marshal
{
    /// <summary>The format <c>marshal.version</c> gives.</summary>
    public const int Version = 4;

    /// <summary>MAX_MARSHAL_STACK_DEPTH.</summary>
    public const int MaxDepth = 2000;

    /// <summary><c>marshal.loads</c>: the first value in <paramref name="data"/> (extra bytes are ignored).</summary>
    public static object? Loads(ReadOnlySpan<byte> data) => Loads(data, out _);

    /// <summary><c>marshal.loads</c> that also tells how many bytes the value took.</summary>
    public static object? Loads(ReadOnlySpan<byte> data, out int consumed) => Read(data, out consumed, fromFile: false);

    /// <summary><c>marshal.load(file)</c> given the bytes left in the file: the same as
    /// <see cref="Loads(ReadOnlySpan{byte}, out int)"/> except that data ending inside a value is
    /// <c>EOFError: EOF read where not expected</c>, as when CPython reads from a file. The
    /// caller leaves the file positioned after <paramref name="consumed"/> bytes.</summary>
    public static object? Load(ReadOnlySpan<byte> remaining, out int consumed) => Read(remaining, out consumed, fromFile: true);

    private static object? Read(ReadOnlySpan<byte> data, out int consumed, bool fromFile)
    {
        var outer = PyValue.t_retryOnDeepStack;
        try
        {
            PyValue.t_retryOnDeepStack = true;
            var reader = new Reader(data, fromFile);
            var result = reader.ReadTop();
            consumed = reader.Position;
            return result;
        }
        catch (InsufficientExecutionStackException) when (!outer)
        {
            // Deep nesting on a thread with a small stack: redo it where the 2000 levels fit.
            var copy = data.ToArray();
            var used = 0;
            var result = DeepStack.Run(() =>
            {
                PyValue.t_retryOnDeepStack = true;
                var reader = new Reader(copy, fromFile);
                var r = reader.ReadTop();
                used = reader.Position;
                return r;
            });
            consumed = used;
            return result;
        }
        finally
        {
            PyValue.t_retryOnDeepStack = outer;
        }
    }

    private static readonly object s_null = new();
    private static readonly object s_true = true;
    private static readonly object s_false = false;
    private static readonly object[] s_smallInts = MakeSmallInts();

    private static object[] MakeSmallInts()
    {
        var a = new object[262];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = new BigInteger(i - 5);
        }

        return a;
    }

    internal static object BoxInt(long v) => v is >= -5 and <= 256 ? s_smallInts[v + 5] : new BigInteger(v);

    private static PythonException ValueError(string message) => new("ValueError", message);


    private static PythonException EofObject() => new("EOFError", "EOF read where object expected");

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _pos;
        private int _depth;
        private readonly List<object?> _refs;
        private readonly bool _fromFile;

        public Reader(ReadOnlySpan<byte> data, bool fromFile)
        {
            _data = data;
            _fromFile = fromFile;
            _pos = 0;
            _depth = 0;
            _refs = [];
        }

        public readonly int Position => _pos;

        private readonly PythonException TooShort() =>
            new("EOFError", _fromFile ? "EOF read where not expected" : "marshal data too short");

        public object? ReadTop()
        {
            var v = ReadObject();
            return ReferenceEquals(v, s_null)
                ? throw new PythonException("TypeError", "NULL object in marshal data for object")
                : v;
        }

        private ReadOnlySpan<byte> ReadBytes(int n)
        {
            if ((uint)n > (uint)(_data.Length - _pos))
            {
                throw TooShort();
            }

            var s = _data.Slice(_pos, n);
            _pos += n;
            return s;
        }

        private int ReadByte() => _pos < _data.Length ? _data[_pos++] : -1;

        private int ReadLong()
        {
            if (_data.Length - _pos < 4)
            {
                throw TooShort();
            }

            var v = BinaryPrimitives.ReadInt32LittleEndian(_data.Slice(_pos));
            _pos += 4;
            return v;
        }

        private int ReadSize(string what)
        {
            var n = ReadLong();
            return n < 0 ? throw ValueError($"bad marshal data ({what} size out of range)") : n;
        }

        private int Reserve(bool flag)
        {
            if (!flag)
            {
                return 0;
            }

            // None marks a slot whose object is still being read; referencing it is invalid.
            _refs.Add(null);
            return _refs.Count - 1;
        }

        /// <summary>r_object: a value, or <see cref="s_null"/> for TYPE_NULL.</summary>
        private object? ReadObject()
        {
            var code = ReadByte();
            if (code < 0)
            {
                throw EofObject();
            }

            if (++_depth > MaxDepth)
            {
                throw ValueError("recursion limit exceeded");
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            var flag = (code & MarshalType.FlagRef) != 0;
            object? result;
            switch (code & ~MarshalType.FlagRef)
            {
                case MarshalType.Null:
                    result = s_null;
                    break;
                case MarshalType.None:
                    result = ConstantSingleton.None;
                    break;
                case MarshalType.StopIter:
                    result = MarshalStopIteration.Instance;
                    break;
                case MarshalType.Ellipsis:
                    result = ConstantSingleton.Ellipsis;
                    break;
                case MarshalType.False:
                    result = s_false;
                    break;
                case MarshalType.True:
                    result = s_true;
                    break;
                case MarshalType.Int:
                    result = Register(flag, BoxInt(ReadLong()));
                    break;
                case MarshalType.Int64:
                    result = Register(flag, BoxInt(BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8))));
                    break;
                case MarshalType.Long:
                    result = Register(flag, ReadPyLong());
                    break;
                case MarshalType.Float:
                    result = Register(flag, ReadFloatText());
                    break;
                case MarshalType.BinaryFloat:
                    result = Register(flag, BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8)));
                    break;
                case MarshalType.Complex:
                {
                    var re = ReadFloatText();
                    var im = ReadFloatText();
                    result = Register(flag, new Complex(re, im));
                    break;
                }

                case MarshalType.BinaryComplex:
                {
                    var re = BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));
                    var im = BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));
                    result = Register(flag, new Complex(re, im));
                    break;
                }

                case MarshalType.String:
                    result = Register(flag, ReadBytes(ReadSize("bytes object")).ToArray());
                    break;
                case MarshalType.AsciiInterned:
                    result = Register(flag, ReadLatin1(ReadSize("string"), interned: true));
                    break;
                case MarshalType.Ascii:
                    result = Register(flag, ReadLatin1(ReadSize("string"), interned: false));
                    break;
                case MarshalType.ShortAsciiInterned:
                case MarshalType.ShortAscii:
                {
                    var n = ReadByte();
                    if (n < 0)
                    {
                        throw EofObject();
                    }

                    result = Register(flag, ReadLatin1(n, (code & ~MarshalType.FlagRef) == MarshalType.ShortAsciiInterned));
                    break;
                }

                case MarshalType.Interned:
                case MarshalType.Unicode:
                {
                    var bytes = ReadBytes(ReadSize("string"));
                    var s = Utf8Codec.Decode(bytes);
                    if ((code & ~MarshalType.FlagRef) == MarshalType.Interned && s is string text)
                    {
                        s = InternPool.Intern(text);
                    }

                    result = Register(flag, s);
                    break;
                }

                case MarshalType.SmallTuple:
                {
                    // CPython casts r_byte's EOF (-1) to unsigned char: 255 items, then EOF.
                    var n = ReadByte() & 0xFF;
                    result = ReadTuple(n, flag);
                    break;
                }

                case MarshalType.Tuple:
                    result = ReadTuple(ReadSize("tuple"), flag);
                    break;
                case MarshalType.List:
                    result = ReadList(ReadSize("list"), flag);
                    break;
                case MarshalType.Dict:
                    result = ReadDict(flag);
                    break;
                case MarshalType.Set:
                case MarshalType.FrozenSet:
                    result = ReadSet(ReadSize("set"), flag, frozen: (code & ~MarshalType.FlagRef) == MarshalType.FrozenSet);
                    break;
                case MarshalType.Code:
                    result = ReadCode(flag);
                    break;
                case MarshalType.Ref:
                {
                    var n = ReadLong();
                    if (n < 0 || n >= _refs.Count || _refs[n] is null)
                    {
                        throw ValueError("bad marshal data (invalid reference)");
                    }

                    result = _refs[n];
                    break;
                }

                default:
                    throw ValueError("bad marshal data (unknown type code)");
            }

            _depth--;
            return result;
        }

        private readonly object Register(bool flag, object value)
        {
            if (flag)
            {
                _refs.Add(value);
            }

            return value;
        }

        private string ReadLatin1(int n, bool interned)
        {
            var bytes = ReadBytes(n);
            if (interned)
            {
                return InternPool.InternLatin1(bytes);
            }

            return Encoding.Latin1.GetString(bytes);
        }

        private object ReadPyLong()
        {
            var n = ReadLong();
            if (n == 0)
            {
                return s_smallInts[5];
            }

            if (n is < -int.MaxValue)
            {
                throw ValueError("bad marshal data (long size out of range)");
            }

            var count = Math.Abs(n);

            // 15-bit digits, least significant first; CPython checks each digit's range and that
            // the top one is not zero, but only after reading it.
            if (count <= 4)
            {
                long value = 0;
                for (var j = 0; j < count; j++)
                {
                    var d = ReadDigit(j == count - 1);
                    value |= (long)d << (15 * j);
                }

                return BoxInt(n < 0 ? -value : value);
            }

            if ((long)count * 2 > _data.Length - _pos)
            {
                // Too short: fail on the first bad digit or at the end, without allocating.
                for (var j = 0; j < count; j++)
                {
                    ReadDigit(j == count - 1);
                }
            }

            var big = BigInteger.Zero;
            var digits = new int[count];
            for (var j = 0; j < count; j++)
            {
                digits[j] = ReadDigit(j == count - 1);
            }

            for (var j = count - 1; j >= 0; j--)
            {
                big = (big << 15) | digits[j];
            }

            return n < 0 ? -big : big;
        }

        private int ReadDigit(bool top)
        {
            if (_data.Length - _pos < 2)
            {
                throw TooShort();
            }

            int d = BinaryPrimitives.ReadInt16LittleEndian(_data.Slice(_pos));
            _pos += 2;
            if (d < 0 || d > 1 << 15)
            {
                throw ValueError("bad marshal data (digit out of range in long)");
            }

            if (d == 0 && top)
            {
                throw ValueError("bad marshal data (unnormalized long data)");
            }

            return d;
        }

        private double ReadFloatText()
        {
            var n = ReadByte();
            if (n < 0)
            {
                throw EofObject();
            }

            return FloatText.Parse(ReadBytes(n));
        }

        private object ReadTuple(int n, bool flag)
        {
            if (n > _data.Length - _pos)
            {
                // Each item takes a byte at least, so this fails; read on to fail where CPython does.
                if (flag)
                {
                    _refs.Add(ConstantTuple.Empty);
                }

                for (var i = 0; i < n; i++)
                {
                    Item(ReadObject(), "tuple");
                }
            }

            var items = n == 0 ? [] : new object?[n];
            var tuple = n == 0 ? ConstantTuple.Empty : new ConstantTuple(items);
            if (flag)
            {
                _refs.Add(tuple);
            }

            for (var i = 0; i < n; i++)
            {
                items[i] = Item(ReadObject(), "tuple");
            }

            return tuple;
        }

        private static object? Item(object? v, string container) => ReferenceEquals(v, s_null)
            ? throw new PythonException("TypeError", $"NULL object in marshal data for {container}")
            : v;

        private object ReadList(int n, bool flag)
        {
            var list = new MarshalList(Math.Min(n, _data.Length - _pos));
            if (flag)
            {
                _refs.Add(list);
            }

            for (var i = 0; i < n; i++)
            {
                list.Add(Item(ReadObject(), "list"));
            }

            return list;
        }

        private object ReadDict(bool flag)
        {
            var dict = new MarshalDict();
            if (flag)
            {
                _refs.Add(dict);
            }

            while (true)
            {
                var key = ReadObject();
                if (ReferenceEquals(key, s_null))
                {
                    break;
                }

                var value = ReadObject();
                if (ReferenceEquals(value, s_null))
                {
                    break;
                }

                Hashability.Check(key);
                dict.Set(key, value);
            }

            return dict;
        }

        private object ReadSet(int n, bool flag, bool frozen)
        {
            if (n == 0 && frozen)
            {
                return Register(flag, ConstantFrozenSet.Empty);
            }

            if (!frozen)
            {
                var set = new MarshalSet();
                if (flag)
                {
                    _refs.Add(set);
                }

                for (var i = 0; i < n; i++)
                {
                    var v = Item(ReadObject(), "set");
                    Hashability.Check(v);
                    set.Add(v);
                }

                return set;
            }

            var idx = Reserve(flag);
            var items = new List<object?>(Math.Min(n, _data.Length - _pos));
            for (var i = 0; i < n; i++)
            {
                var v = Item(ReadObject(), "set");
                Hashability.Check(v);
                items.Add(v);
            }

            var frozenSet = new ConstantFrozenSet(items);
            if (flag)
            {
                _refs[idx] = frozenSet;
            }

            return frozenSet;
        }

        private object ReadCode(bool flag)
        {
            var idx = Reserve(flag);
            var argCount = ReadLong();
            var posOnly = ReadLong();
            var kwOnly = ReadLong();
            var stackSize = ReadLong();
            var flags = ReadLong();
            var code = ReadObject();
            if (ReferenceEquals(code, s_null))
            {
                return s_null;
            }

            // A NULL field makes the whole code object NULL (no exception set), as in CPython.
            var consts = ReadObject();
            if (ReferenceEquals(consts, s_null))
            {
                return s_null;
            }

            var names = ReadObject();
            if (ReferenceEquals(names, s_null))
            {
                return s_null;
            }

            var lpNames = ReadObject();
            if (ReferenceEquals(lpNames, s_null))
            {
                return s_null;
            }

            var lpKinds = ReadObject();
            if (ReferenceEquals(lpKinds, s_null))
            {
                return s_null;
            }

            var filename = ReadObject();
            if (ReferenceEquals(filename, s_null))
            {
                return s_null;
            }

            var name = ReadObject();
            if (ReferenceEquals(name, s_null))
            {
                return s_null;
            }

            var qualname = ReadObject();
            if (ReferenceEquals(qualname, s_null))
            {
                return s_null;
            }

            var firstLineNo = ReadLong();
            var lineTable = ReadObject();
            if (ReferenceEquals(lineTable, s_null))
            {
                return s_null;
            }

            var exceptionTable = ReadObject();
            if (ReferenceEquals(exceptionTable, s_null))
            {
                return s_null;
            }

            // _PyCode_Validate, then _PyCode_New's interning of names.
            if (argCount < posOnly || posOnly < 0 || kwOnly < 0 || stackSize < 0 || flags < 0
                || filename is not string fn || name is not string nm || qualname is not string qn
                || code is not byte[] co || consts is not ConstantTuple ct || names is not ConstantTuple nt
                || lpNames is not ConstantTuple lpn || lpKinds is not byte[] lpk || lpn.Count != lpk.Length
                || lineTable is not byte[] lt || exceptionTable is not byte[] et)
            {
                throw new PythonException("SystemError", "../Objects/codeobject.c:250: bad argument to internal function");
            }

            if (co.Length % 2 != 0)
            {
                throw ValueError("code: co_code is malformed");
            }

            var nLocals = 0;
            foreach (var k in lpk)
            {
                if ((k & (byte)LocalKind.Local) != 0)
                {
                    nLocals++;
                }
            }

            long plain = (long)nLocals - argCount - kwOnly - ((flags & (int)CodeFlags.VarArgs) != 0 ? 1 : 0)
                - ((flags & (int)CodeFlags.VarKeywords) != 0 ? 1 : 0);
            if (plain < 0)
            {
                throw ValueError("code: co_varnames is too small");
            }

            var result = new CodeObject
            {
                ArgCount = argCount,
                PosOnlyArgCount = posOnly,
                KwOnlyArgCount = kwOnly,
                StackSize = stackSize,
                Flags = (CodeFlags)flags,
                Code = co,
                Consts = ct.Count == 0 ? [] : ct._items,
                Names = Strings(nt),
                LocalsPlusNames = Strings(lpn),
                LocalsPlusKinds = lpk,
                Filename = fn,
                Name = nm,
                QualName = qn,
                FirstLineNo = firstLineNo,
                LineTable = lt,
                ExceptionTable = et,
            };
            if (flag)
            {
                _refs[idx] = result;
            }

            return result;
        }

        private static string[] Strings(ConstantTuple t)
        {
            if (t.Count == 0)
            {
                return [];
            }

            var result = new string[t.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = t[i] as string ?? throw new PythonException("SystemError", "non-string found in code slot");
            }

            return result;
        }
    }
}
