// Include/internal/pycore_blocks_output_buffer.h
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Zlib;

/// <summary>The output of a (de)compression call: an array that grows (doubling) while the
/// library fills it, never past an optional limit (<c>max_length</c>). Callers pin the span
/// <see cref="Free"/> gives only for the duration of one library call.</summary>
internal struct OutputBuffer(int initial, long limit = long.MaxValue)
{
    private byte[] _buffer = new byte[(int)Math.Clamp(Math.Min(initial, limit), 0, Array.MaxLength)];
    private int _length;

    public readonly int Length => _length;

    /// <summary>True when the limit is reached: no more output may be produced.</summary>
    public readonly bool Full => _length >= limit;

    /// <summary>The free space, grown first when there is none; empty only at the limit.</summary>
    public Span<byte> Free()
    {
        if (_length == _buffer.Length && _length < limit)
        {
            var grown = Math.Min(Math.Max((long)_buffer.Length * 2, 256), Math.Min(limit, Array.MaxLength));
            if (grown <= _buffer.Length)
            {
                throw PyErr.New(PyExc.MemoryError, "");
            }
            Array.Resize(ref _buffer, (int)grown);
        }
        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public readonly PyBytes ToBytes() =>
        _length == 0 ? PyBytes.Empty : new PyBytes(_length == _buffer.Length ? _buffer : _buffer.AsSpan(0, _length).ToArray());
}
