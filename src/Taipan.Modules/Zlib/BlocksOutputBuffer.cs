// Include/internal/pycore_blocks_output_buffer.h
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Zlib;

/// <summary>The output of a (de)compression call, as CPython collects it: a list of blocks of
/// growing size, never past an optional limit (<c>max_length</c>), joined once at the end, so
/// large outputs are not copied on every growth. Callers pin the span <see cref="Free"/>
/// gives only for the duration of one library call.</summary>
internal struct OutputBuffer(int initial, long limit = long.MaxValue)
{
    /// <summary>CPython's block sizes: 32 KiB at first, up to 256 MiB.</summary>
    private static readonly int[] s_blockSizes =
    [
        32 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20, 8 << 20, 16 << 20, 16 << 20,
        32 << 20, 32 << 20, 32 << 20, 32 << 20, 64 << 20, 64 << 20, 128 << 20, 128 << 20, 256 << 20,
    ];

    private byte[] _current = GC.AllocateUninitializedArray<byte>((int)Math.Clamp(Math.Min(initial, limit), 0, Array.MaxLength));
    private List<byte[]>? _done;
    private long _doneLength;
    private int _used;

    public readonly long Length => _doneLength + _used;

    /// <summary>True when the limit is reached: no more output may be produced.</summary>
    public readonly bool Full => Length >= limit;

    /// <summary>The free space, in a new block when the current one is full; empty only at
    /// the limit.</summary>
    public Span<byte> Free()
    {
        if (_used == _current.Length && Length < limit)
        {
            _done ??= [];
            _done.Add(_current);
            _doneLength += _current.Length;
            var size = Math.Max(s_blockSizes[Math.Min(_done.Count - 1, s_blockSizes.Length - 1)], Math.Max(_current.Length, 256));
            size = (int)Math.Min(size, limit - _doneLength);
            if (_doneLength + size > Array.MaxLength)
            {
                throw PyErr.New(PyExc.MemoryError, "");
            }
            _current = GC.AllocateUninitializedArray<byte>(size);
            _used = 0;
        }
        return _current.AsSpan(_used);
    }

    public void Advance(int count) => _used += count;

    public readonly PyBytes ToBytes()
    {
        var length = Length;
        if (length == 0)
        {
            return PyBytes.Empty;
        }
        if (_done is null && _used == _current.Length)
        {
            return new PyBytes(_current);
        }
        var result = GC.AllocateUninitializedArray<byte>((int)length);
        var o = 0;
        if (_done is not null)
        {
            foreach (var block in _done)
            {
                block.CopyTo(result, o);
                o += block.Length;
            }
        }
        _current.AsSpan(0, _used).CopyTo(result.AsSpan(o));
        return new PyBytes(result);
    }
}
