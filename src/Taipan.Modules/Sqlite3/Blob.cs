// Modules/_sqlite/blob.c
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Sqlite3;

/// <summary><c>sqlite3.Blob</c>: incremental I/O on one BLOB value, with a file-like
/// position.</summary>
[PyType("sqlite3.Blob", Module = "sqlite3", FromSpec = true, Flags = TypeFlags.Weakrefable)]
public sealed unsafe partial class PyBlob : PyObject
{
    private readonly PyConnection _connection;
    private nint _blob;
    private int _offset;

    internal PyBlob(PyConnection connection, nint blob)
    {
        _connection = connection;
        _blob = blob;
    }

    ~PyBlob()
    {
        if (_blob != 0)
        {
            SqliteNative.BlobClose(_blob);
        }
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 'sqlite3.Blob' instances");

    internal void CloseBlob()
    {
        if (_blob != 0)
        {
            SqliteNative.BlobClose(_blob);
            _blob = 0;
        }
    }

    /// <summary>check_blob.</summary>
    private void Check()
    {
        _connection.Check();
        if (_blob == 0)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Cannot operate on a closed blob.");
        }
    }

    private int Size => SqliteNative.BlobBytes(_blob);

    private byte[] ReadAt(int offset, int length)
    {
        var buffer = new byte[length];
        int rc;
        fixed (byte* p = buffer)
        {
            rc = SqliteNative.BlobRead(_blob, p, length, offset);
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(_connection.Db);
        }
        return buffer;
    }

    private void WriteAt(ReadOnlySpan<byte> data, int offset)
    {
        int rc;
        fixed (byte* p = data)
        {
            byte empty = 0;
            rc = SqliteNative.BlobWrite(_blob, data.Length == 0 ? &empty : p, data.Length, offset);
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(_connection.Db);
        }
    }

    [PyMethod("close", Doc = "Close the blob.")]
    public void Close()
    {
        _connection.Check();
        CloseBlob();
    }

    [PyMethod("read", Doc = "Read data at the current offset position.\n\n  length\n    Read length in bytes.\n\nIf the end of the blob is reached, the data up to end of file will be returned.\nWhen length is not specified, or is negative, Blob.read() will read until the\nend of the blob.")]
    public PyObject Read(int length = -1)
    {
        Check();
        var max = Size - _offset;
        if (length < 0 || length > max)
        {
            length = max;
        }
        if (length == 0)
        {
            return PyBytes.Empty;
        }
        var data = ReadAt(_offset, length);
        _offset += length;
        return new PyBytes(data);
    }

    [PyMethod("write", Doc = "Write data at the current offset.\n\nThis function cannot change the blob length.  Writing beyond the end of the\nblob will result in an exception being raised.")]
    public void Write(PyObject data)
    {
        var bytes = BufferProtocol.Read(data);
        Check();
        if (bytes.Length > Size - _offset)
        {
            throw PyErr.ValueError("data longer than blob length");
        }
        WriteAt(bytes, _offset);
        _offset += bytes.Length;
    }

    [PyMethod("seek", Doc = "Set the current access position to offset.\n\nThe origin argument defaults to os.SEEK_SET (absolute blob positioning).\nOther values for origin are os.SEEK_CUR (seek relative to the current position)\nand os.SEEK_END (seek relative to the blob's end).")]
    public void Seek(int offset, int origin = 0)
    {
        Check();
        var size = Size;
        long target;
        switch (origin)
        {
            case 0:
                target = offset;
                break;
            case 1:
                target = (long)_offset + offset;
                break;
            case 2:
                target = (long)size + offset;
                break;
            default:
                throw PyErr.ValueError("'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
        }
        if (target > int.MaxValue)
        {
            throw PyErr.OverflowError("seek offset results in overflow");
        }
        if (target < 0 || target > size)
        {
            throw PyErr.ValueError("offset out of blob range");
        }
        _offset = (int)target;
    }

    [PyMethod("tell", Doc = "Return the current access position for the blob.")]
    public long Tell()
    {
        Check();
        return _offset;
    }

    [PyMethod("__enter__", Doc = "Blob context manager enter.")]
    public PyObject Enter()
    {
        Check();
        return this;
    }

    [PyMethod("__exit__", Doc = "Blob context manager exit.")]
    public bool Exit(PyObject type, PyObject value, PyObject traceback)
    {
        Check();
        CloseBlob();
        return false;
    }

    [PySlot("mp_length")]
    public long Length()
    {
        Check();
        return Size;
    }

    private int Index(PyObject key, int size)
    {
        var i = Ops.Index(key);
        if (!i.IsSmall || i.Small is < int.MinValue or > int.MaxValue)
        {
            throw PyErr.IndexError("cannot fit 'int' into an index-sized integer");
        }
        var index = i.Small;
        if (index < 0)
        {
            index += size;
        }
        if (index < 0 || index >= size)
        {
            throw PyErr.IndexError("Blob index out of range");
        }
        return (int)index;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        Check();
        var size = Size;
        if (key.Type.Slots.Index is not null)
        {
            return PyInt.From(ReadAt(Index(key, size), 1)[0]);
        }
        if (key is PySlice slice)
        {
            var count = slice.Adjust(size, out var start, out _, out var step);
            if (count <= 0)
            {
                return PyBytes.Empty;
            }
            if (step == 1)
            {
                return new PyBytes(ReadAt((int)start, (int)count));
            }
            var all = ReadAt(0, size);
            var result = new byte[count];
            for (long k = 0, j = start; k < count; k++, j += step)
            {
                result[k] = all[j];
            }
            return new PyBytes(result);
        }
        throw PyErr.TypeError("Blob indices must be integers");
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        Check();
        if (value is null)
        {
            throw PyErr.TypeError("Blob doesn't support item deletion");
        }
        var size = Size;
        if (key.Type.Slots.Index is not null)
        {
            var index = Index(key, size);
            if (value.Type.Slots.Index is null)
            {
                throw PyErr.TypeError($"'{PyErr.TpName(value.Type)}' object cannot be interpreted as an integer");
            }
            var v = Ops.Index(value);
            if (!v.IsSmall || v.Small is < 0 or > 255)
            {
                throw PyErr.ValueError("byte must be in range(0, 256)");
            }
            WriteAt([(byte)v.Small], index);
            return;
        }
        if (key is PySlice slice)
        {
            var data = BufferProtocol.Read(value);
            var count = slice.Adjust(size, out var start, out _, out var step);
            if (data.Length != count)
            {
                throw PyErr.IndexError("Blob slice assignment is wrong size");
            }
            if (count == 0)
            {
                return;
            }
            if (step == 1)
            {
                WriteAt(data, (int)start);
                return;
            }
            var all = ReadAt(0, size);
            for (long k = 0, j = start; k < count; k++, j += step)
            {
                all[j] = data[(int)k];
            }
            WriteAt(all, 0);
            return;
        }
        throw PyErr.TypeError("Blob indices must be integers");
    }
}
