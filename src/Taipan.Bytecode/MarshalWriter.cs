// Python/marshal.c (writing: w_object and friends)
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

public static partial class Marshal
{
    /// <summary><c>marshal.dumps(value, version)</c>. Objects met more than once (strings by value,
    /// everything else by identity) are written once and then referenced (version 3+), standing
    /// in for CPython's reference counts; strings used as identifiers (names, local names,
    /// identifier-like constants) are written interned. Unsupported values raise
    /// <c>ValueError: unmarshallable object</c>, nesting deeper than <see cref="MaxDepth"/>
    /// <c>ValueError: object too deeply nested to marshal</c>.</summary>
    public static byte[] Dumps(object? value, int version = Version)
    {
        try
        {
            return new Writer(version).Write(value);
        }
        catch (InsufficientExecutionStackException)
        {
            return DeepStack.Run(() => new Writer(version).Write(value));
        }
    }

    /// <summary>What the writer knows about a shareable object. <see cref="Index"/> is the
    /// reference index + 1 once written with FLAG_REF, 0 before.</summary>
    private struct Entry
    {
        public int Count;
        public int Index;
        public bool Interned;
    }

    private sealed class RefKeyComparer : IEqualityComparer<object>
    {
        public static readonly RefKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is string sx ? y is string sy && string.Equals(sx, sy, StringComparison.Ordinal) : ReferenceEquals(x, y);

        public int GetHashCode(object obj) => obj is string s ? s.GetHashCode() : RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class Writer(int version)
    {
        private readonly int _version = version;
        private byte[] _buf = new byte[256];
        private int _len;

        // Pass 1 counts how often each shareable object occurs (and whether a string is used as an
        // identifier); pass 2 gives the objects that occur more than once a reference index.
        private readonly Dictionary<object, Entry> _entries = new(RefKeyComparer.Instance);
        private int _refCount;
        private int _depth;
        private string? _error;

        public byte[] Write(object? value)
        {
            if (_version >= 3)
            {
                Count(value, 0, intern: false);
            }

            WriteObject(value, intern: false);
            if (_error is not null)
            {
                throw new PythonException("ValueError", _error);
            }

            return _buf.AsSpan(0, _len).ToArray();
        }

        private static bool IsShareable(object o) => o is string or byte[] or ConstantTuple or ConstantFrozenSet
            or CodeObject or object?[] or MarshalList or MarshalDict or MarshalSet;

        private void Count(object? value, int depth, bool intern)
        {
            if (value is null || depth > MaxDepth || !IsShareable(value))
            {
                return;
            }

            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, value, out var exists);
            entry.Count++;
            entry.Interned |= intern && _version >= 1;
            if (exists)
            {
                return;
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case ConstantTuple t:
                    foreach (var item in t._items)
                    {
                        Count(item, depth + 1, intern);
                    }

                    break;
                case ConstantFrozenSet fs:
                    foreach (var item in fs.AsSpan())
                    {
                        Count(item, depth + 1, intern);
                    }

                    break;
                case object?[] a:
                    foreach (var item in a)
                    {
                        Count(item, depth + 1, intern);
                    }

                    break;
                case MarshalList l:
                    foreach (var item in l)
                    {
                        Count(item, depth + 1, intern: false);
                    }

                    break;
                case MarshalSet set:
                    foreach (var item in set)
                    {
                        Count(item, depth + 1, intern: false);
                    }

                    break;
                case MarshalDict d:
                    foreach (var (k, v) in d)
                    {
                        Count(k, depth + 1, intern: false);
                        Count(v, depth + 1, intern: false);
                    }

                    break;
                case CodeObject c:
                    Count(c.Code, depth + 1, false);
                    CountConsts(c.Consts, depth + 1);
                    Count(c.Names, depth + 1, intern: true);
                    Count(c.LocalsPlusNames, depth + 1, intern: true);
                    Count(c.LocalsPlusKinds, depth + 1, false);
                    Count(c.Filename, depth + 1, false);
                    Count(c.Name, depth + 1, IsIdentifierLike(c.Name));
                    Count(c.QualName, depth + 1, IsIdentifierLike(c.QualName));
                    Count(c.LineTable, depth + 1, false);
                    Count(c.ExceptionTable, depth + 1, false);
                    break;
            }
        }

        /// <summary>Constants are interned when made only of name characters (intern_string_constants).</summary>
        private void CountConsts(object?[] consts, int depth)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, consts, out var exists);
            entry.Count++;
            if (exists)
            {
                return;
            }

            foreach (var item in consts)
            {
                CountConst(item, depth + 1);
            }
        }

        private void CountConst(object? item, int depth)
        {
            switch (item)
            {
                case string s:
                    Count(s, depth, IsIdentifierLike(s));
                    break;
                case ConstantTuple t when depth <= MaxDepth:
                    ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, t, out var exists);
                    entry.Count++;
                    if (!exists)
                    {
                        RuntimeHelpers.EnsureSufficientExecutionStack();
                        foreach (var x in t._items)
                        {
                            CountConst(x, depth + 1);
                        }
                    }

                    break;
                default:
                    Count(item, depth, intern: false);
                    break;
            }
        }

        private static bool IsIdentifierLike(string s)
        {
            foreach (var c in s)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private void Ensure(int n)
        {
            if (_len + n > _buf.Length)
            {
                Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + n));
            }
        }

        private void Byte(int b)
        {
            Ensure(1);
            _buf[_len++] = (byte)b;
        }

        private void Long(int v)
        {
            Ensure(4);
            BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(_len), v);
            _len += 4;
        }

        private void Raw(ReadOnlySpan<byte> data)
        {
            Ensure(data.Length);
            data.CopyTo(_buf.AsSpan(_len));
            _len += data.Length;
        }

        private void Double(double d)
        {
            Ensure(8);
            BinaryPrimitives.WriteDoubleLittleEndian(_buf.AsSpan(_len), d);
            _len += 8;
        }

        /// <summary>w_ref: writes TYPE_REF for an object already written, or tells whether the
        /// object gets FLAG_REF (it occurs more than once) and whether it is an interned string.</summary>
        private bool TryWriteRef(object value, out int flag, out bool interned)
        {
            flag = 0;
            interned = false;
            if (_version < 3)
            {
                return false;
            }

            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, value);
            if (Unsafe.IsNullRef(ref entry))
            {
                return false;
            }

            interned = entry.Interned;
            if (entry.Count < 2)
            {
                return false;
            }

            if (entry.Index > 0)
            {
                Byte(MarshalType.Ref);
                Long(entry.Index - 1);
                return true;
            }

            entry.Index = ++_refCount;
            flag = MarshalType.FlagRef;
            return false;
        }

        private void WriteObject(object? value, bool intern)
        {
            _depth++;
            if (_depth > MaxDepth)
            {
                _error ??= "object too deeply nested to marshal";
            }
            else if (_error is null)
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
                WriteValue(value, intern);
            }

            _depth--;
        }

        private void WriteValue(object? value, bool intern)
        {
            switch (value)
            {
                case null:
                    Byte(MarshalType.Null);
                    return;
                case ConstantSingleton s:
                    Byte(ReferenceEquals(s, ConstantSingleton.None) ? MarshalType.None : MarshalType.Ellipsis);
                    return;
                case MarshalStopIteration:
                    Byte(MarshalType.StopIter);
                    return;
                case bool b:
                    Byte(b ? MarshalType.True : MarshalType.False);
                    return;
                case int i:
                    Byte(MarshalType.Int);
                    Long(i);
                    return;
                case long l:
                    WriteInteger(l);
                    return;
                case BigInteger big:
                    WriteInteger(big);
                    return;
                case double d:
                    WriteFloat(d);
                    return;
                case Complex c:
                    WriteComplex(c);
                    return;
            }

            if (TryWriteRef(value, out var flag, out var interned))
            {
                return;
            }

            switch (value)
            {
                case string s:
                    WriteString(s, flag, intern || interned);
                    break;
                case CodePointStr c:
                {
                    var utf8 = Utf8Codec.Encode(c);
                    Byte(MarshalType.Unicode | flag);
                    Long(utf8.Length);
                    Raw(utf8);
                    break;
                }
                case byte[] bytes:
                    Byte(MarshalType.String | flag);
                    Long(bytes.Length);
                    Raw(bytes);
                    break;
                case ConstantTuple t:
                    WriteTuple(t._items, flag, intern);
                    break;
                case string[] a:
                    WriteTupleHeader(a.Length, flag);
                    foreach (var item in a)
                    {
                        WriteObject(item, intern);
                    }

                    break;
                case object?[] a:
                    WriteTuple(a, flag, intern);
                    break;
                case ConstantFrozenSet fs:
                    Byte(MarshalType.FrozenSet | flag);
                    Long(fs.Count);
                    foreach (var item in fs.AsSpan())
                    {
                        WriteObject(item, intern);
                    }

                    break;
                case MarshalList list:
                    Byte(MarshalType.List | flag);
                    Long(list.Count);
                    foreach (var item in list)
                    {
                        WriteObject(item, false);
                    }

                    break;
                case MarshalSet set:
                    Byte(MarshalType.Set | flag);
                    Long(set.Count);
                    foreach (var item in set)
                    {
                        WriteObject(item, false);
                    }

                    break;
                case MarshalDict dict:
                    Byte(MarshalType.Dict | flag);
                    foreach (var (k, v) in dict)
                    {
                        WriteObject(k, false);
                        WriteObject(v, false);
                    }

                    Byte(MarshalType.Null);
                    break;
                case CodeObject code:
                    WriteCode(code, flag);
                    break;
                default:
                    Byte(MarshalType.Unknown);
                    _error ??= "unmarshallable object";
                    break;
            }
        }

        private void WriteInteger(BigInteger value)
        {
            if (value >= int.MinValue && value <= int.MaxValue)
            {
                Byte(MarshalType.Int);
                Long((int)value);
                return;
            }

            // TYPE_LONG: count of 15-bit digits, negative for negative numbers.
            var magnitude = BigInteger.Abs(value);
            var digits = new List<ushort>();
            while (!magnitude.IsZero)
            {
                digits.Add((ushort)(int)(magnitude & 0x7FFF));
                magnitude >>= 15;
            }

            Byte(MarshalType.Long);
            Long(value.Sign < 0 ? -digits.Count : digits.Count);
            Ensure(digits.Count * 2);
            foreach (var d in digits)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(_buf.AsSpan(_len), d);
                _len += 2;
            }
        }

        private void WriteFloat(double d)
        {
            if (_version > 1)
            {
                Byte(MarshalType.BinaryFloat);
                Double(d);
            }
            else
            {
                Byte(MarshalType.Float);
                WriteFloatText(d);
            }
        }

        private void WriteComplex(Complex c)
        {
            if (_version > 1)
            {
                Byte(MarshalType.BinaryComplex);
                Double(c.Real);
                Double(c.Imaginary);
            }
            else
            {
                Byte(MarshalType.Complex);
                WriteFloatText(c.Real);
                WriteFloatText(c.Imaginary);
            }
        }

        private void WriteFloatText(double d)
        {
            // repr(float) text, as PyOS_double_to_string(v, 'g', 17, 0) would give: 17 significant digits.
            var text = double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf"
                : d.ToString("G17", System.Globalization.CultureInfo.InvariantCulture);
            Byte(text.Length);
            foreach (var ch in text)
            {
                Byte(ch);
            }
        }

        private void WriteString(string s, int flag, bool interned)
        {
            interned &= _version >= 1;
            if (_version >= 4 && System.Text.Ascii.IsValid(s))
            {
                if (s.Length < 256)
                {
                    Byte((interned ? MarshalType.ShortAsciiInterned : MarshalType.ShortAscii) | flag);
                    Byte(s.Length);
                }
                else
                {
                    Byte((interned ? MarshalType.AsciiInterned : MarshalType.Ascii) | flag);
                    Long(s.Length);
                }

                Ensure(s.Length);
                for (var i = 0; i < s.Length; i++)
                {
                    _buf[_len + i] = (byte)s[i];
                }

                _len += s.Length;
                return;
            }

            var n = Utf8Codec.EncodedLength(s);
            Byte((interned ? MarshalType.Interned : MarshalType.Unicode) | flag);
            Long(n);
            Ensure(n);
            _len += Utf8Codec.Encode(s, _buf.AsSpan(_len, n));
        }

        private void WriteTupleHeader(int n, int flag)
        {
            if (_version >= 4 && n < 256)
            {
                Byte(MarshalType.SmallTuple | flag);
                Byte(n);
            }
            else
            {
                Byte(MarshalType.Tuple | flag);
                Long(n);
            }
        }

        private void WriteTuple(object?[] items, int flag, bool intern)
        {
            WriteTupleHeader(items.Length, flag);
            foreach (var item in items)
            {
                WriteObject(item, intern && item is string s && IsIdentifierLike(s));
            }
        }

        private void WriteCode(CodeObject c, int flag)
        {
            Byte(MarshalType.Code | flag);
            Long(c.ArgCount);
            Long(c.PosOnlyArgCount);
            Long(c.KwOnlyArgCount);
            Long(c.StackSize);
            Long((int)c.Flags);
            WriteObject(c.Code, false);
            WriteObject(c.Consts, intern: true);
            WriteObject(c.Names, intern: true);
            WriteObject(c.LocalsPlusNames, intern: true);
            WriteObject(c.LocalsPlusKinds, false);
            WriteObject(c.Filename, false);
            WriteObject(c.Name, IsIdentifierLike(c.Name));
            WriteObject(c.QualName, IsIdentifierLike(c.QualName));
            Long(c.FirstLineNo);
            WriteObject(c.LineTable, false);
            WriteObject(c.ExceptionTable, false);
        }
    }
}
