// Modules/_bz2module.c, Modules/_lzmamodule.c: the compressor and decompressor objects both define
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Zlib;

/// <summary>The methods <c>BZ2Compressor</c> and <c>LZMACompressor</c> share (same semantics,
/// docs and messages); each type supplies the library call.</summary>
public abstract class StreamCompressor : PyObject
{
    private readonly object _lock = new();
    private bool _flushed;

    /// <summary>Feeds <paramref name="input"/> to the encoder, to the end of the stream when
    /// <paramref name="finish"/>, and returns what it wrote.</summary>
    private protected abstract PyBytes Run(ReadOnlySpan<byte> input, bool finish);

    [PyMethod(Doc = "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise.\n\nWhen you have finished providing data to the compressor, call the\nflush() method to finish the compression process.")]
    public PyBytes Compress(PyObject data)
    {
        var input = BufferProtocol.Read(data);
        lock (_lock)
        {
            if (_flushed)
            {
                throw PyErr.ValueError("Compressor has been flushed");
            }
            return Run(input, finish: false);
        }
    }

    [PyMethod(Doc = "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\nThe compressor object may not be used after this method is called.")]
    public PyBytes Flush()
    {
        lock (_lock)
        {
            if (_flushed)
            {
                throw PyErr.ValueError("Repeated call to flush()");
            }
            _flushed = true;
            return Run(default, finish: true);
        }
    }
}

/// <summary>The state and methods <c>BZ2Decompressor</c> and <c>LZMADecompressor</c> share:
/// input left over when output is limited is kept for the next call; data after the end of
/// the stream goes to <c>unused_data</c>.</summary>
public abstract class StreamDecompressor : PyObject
{
    private readonly object _lock = new();
    private byte[] _pending = [];
    private bool _eof;
    private bool _needsInput = true;
    private PyBytes _unusedData = PyBytes.Empty;

    /// <summary>The EOFError message once the stream has ended.</summary>
    private protected abstract string EndedMessage { get; }

    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/> until the
    /// input is used up, the output is full or the stream ends (<paramref name="eof"/>);
    /// returns how many bytes of the input are left.</summary>
    private protected abstract long Decode(ReadOnlySpan<byte> input, ref OutputBuffer output, out bool eof);

    /// <summary>Whether, all input consumed, the decoder wants more input rather than being
    /// asked again for output it may still hold.</summary>
    private protected virtual bool NeedsInputWhenDrained(in OutputBuffer output, long maxLength) => true;

    [PyGetter("eof", Doc = "True if the end-of-stream marker has been reached.")]
    public bool Eof() => _eof;

    [PyGetter("unused_data", Doc = "Data found after the end of the compressed stream.")]
    public PyBytes UnusedData() => _unusedData;

    [PyGetter("needs_input", Doc = "True if more input is needed before more decompressed data can be produced.")]
    public bool NeedsInput() => _needsInput;

    [PyMethod(Keywords = true, Doc = "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most *max_length* bytes of\ndecompressed data. If this limit is reached and further output can be\nproduced, *self.needs_input* will be set to ``False``. In this case, the next\ncall to *decompress()* may provide *data* as b'' to obtain more of the output.\n\nIf all of the input data was decompressed and returned (either because this\nwas less than *max_length* bytes, or because *max_length* was negative),\n*self.needs_input* will be set to True.\n\nAttempting to decompress data after the end of stream is reached raises an\nEOFError.  Any data found after the end of the stream is ignored and saved in\nthe unused_data attribute.")]
    public PyBytes Decompress(PyObject data, long max_length = -1)
    {
        var given = BufferProtocol.Read(data);
        lock (_lock)
        {
            if (_eof)
            {
                throw PyErr.New(PyExc.EOFError, EndedMessage);
            }
            // Input kept from the last call comes first.
            ReadOnlySpan<byte> input = given;
            if (_pending.Length > 0)
            {
                var joined = new byte[_pending.Length + given.Length];
                _pending.CopyTo(joined, 0);
                given.CopyTo(joined.AsSpan(_pending.Length));
                input = joined;
            }
            var limit = max_length < 0 ? long.MaxValue : max_length;
            var output = new OutputBuffer((int)Math.Min(32 * 1024, limit), limit);
            long left;
            try
            {
                left = Decode(input, ref output, out _eof);
            }
            catch
            {
                _pending = [];
                throw;
            }
            var rest = input[(int)(input.Length - left)..];
            if (_eof)
            {
                _needsInput = false;
                _pending = [];
                if (rest.Length > 0)
                {
                    _unusedData = PyBytes.From(rest);
                }
            }
            else if (rest.Length == 0)
            {
                _pending = [];
                _needsInput = NeedsInputWhenDrained(output, max_length);
            }
            else
            {
                _needsInput = false;
                _pending = rest.ToArray();
            }
            return output.ToBytes();
        }
    }
}
