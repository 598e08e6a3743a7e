// Modules/socketmodule.c (sendmsg, recvmsg, recvmsg_into)
using System.Buffers.Binary;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Socket;

public sealed unsafe partial class PySocket
{
    /// <summary>sizeof(struct cmsghdr): cmsg_len (size_t), cmsg_level, cmsg_type.</summary>
    private const int CmsgHeader = 16;

    private static int CmsgAlign(int n) => (n + 7) & ~7;

    [PyMethod("sendmsg", Doc = "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\nSend normal and ancillary data to the socket, gathering the\nnon-ancillary data from a series of buffers and concatenating it into\na single message.")]
    public long SendMsg(PyObject? buffers = null, PyObject? ancdata = null, int flags = 0, PyObject? address = null)
    {
        if (buffers is null)
        {
            throw PyErr.TypeError("sendmsg() takes at least 1 argument (0 given)");
        }
        // The buffers are gathered into one: the kernel would concatenate them anyway.
        var data = new List<byte>();
        foreach (var item in Ops.Iterate(buffers))
        {
            data.AddRange(BufferProtocol.TryRead(item, out var span) ? span.ToArray() : throw PyErr.TypeError($"a bytes-like object is required, not '{item.Type.Name}'"));
        }
        var control = ancdata is null or PyNone ? [] : Control(ancdata);
        var sa = address is null or PyNone ? null : SocketAddress.Parse(_family, address, "sendmsg");
        var bytes = data.ToArray();
        return Call(true, () =>
        {
            fixed (byte* p = bytes)
            fixed (byte* c = control)
            fixed (byte* a = sa)
            {
                var iov = new SocketLibc.IoVec { Base = p, Len = (nuint)bytes.Length };
                var msg = new SocketLibc.MsgHdr
                {
                    Name = a,
                    NameLen = sa?.Length ?? 0,
                    Iov = &iov,
                    IovLen = 1,
                    Control = control.Length == 0 ? null : c,
                    ControlLen = (nuint)control.Length,
                };
                return SocketLibc.SendMsg(_fd, &msg, flags | 0x4000);
            }
        });
    }

    /// <summary>The control buffer of sendmsg: one cmsghdr per (level, type, data) item.</summary>
    private static byte[] Control(PyObject ancdata)
    {
        var items = new List<(int Level, int Type, byte[] Data)>();
        foreach (var item in Ops.Iterate(ancdata))
        {
            if (item is not PyTuple and not PyList)
            {
                throw PyErr.TypeError($"[sendmsg() ancillary data items]() argument must be 3-item sequence, not {item.Type.Name}");
            }
            var parts = new List<PyObject>(Ops.Iterate(item));
            if (parts.Count != 3)
            {
                throw PyErr.TypeError($"[sendmsg() ancillary data items]() argument must be sequence of length 3, not {parts.Count}");
            }
            var data = BufferProtocol.TryRead(parts[2], out var span) ? span.ToArray() : throw PyErr.TypeError($"a bytes-like object is required, not '{parts[2].Type.Name}'");
            items.Add((ArgParse.ToInt(parts[0]), ArgParse.ToInt(parts[1]), data));
        }
        var size = 0;
        foreach (var (_, _, data) in items)
        {
            size += CmsgAlign(CmsgHeader + data.Length);
        }
        var control = new byte[size];
        var offset = 0;
        foreach (var (level, type, data) in items)
        {
            BinaryPrimitives.WriteInt64LittleEndian(control.AsSpan(offset), CmsgHeader + data.Length);
            BinaryPrimitives.WriteInt32LittleEndian(control.AsSpan(offset + 8), level);
            BinaryPrimitives.WriteInt32LittleEndian(control.AsSpan(offset + 12), type);
            data.CopyTo(control, offset + CmsgHeader);
            offset += CmsgAlign(CmsgHeader + data.Length);
        }
        return control;
    }

    /// <summary><c>sock_recvmsg_guts</c>: receives into <paramref name="buf"/>; returns the
    /// count and the (ancdata, msg_flags, address) the caller returns with it.</summary>
    private (long N, PyObject AncData, int Flags, PyObject Address) RecvMsgInto(byte[] buf, long ancbufsize, int flags)
    {
        if (ancbufsize < 0 || ancbufsize > int.MaxValue)
        {
            throw PyErr.ValueError("invalid ancillary data buffer length");
        }
        var control = new byte[ancbufsize];
        var sa = new byte[SocketLibc.SockaddrStorage];
        var lengths = new long[3];
        var n = Call(false, () =>
        {
            fixed (byte* p = buf)
            fixed (byte* c = control)
            fixed (byte* a = sa)
            {
                var iov = new SocketLibc.IoVec { Base = p, Len = (nuint)buf.Length };
                var msg = new SocketLibc.MsgHdr
                {
                    Name = a,
                    NameLen = sa.Length,
                    Iov = &iov,
                    IovLen = 1,
                    Control = control.Length == 0 ? null : c,
                    ControlLen = (nuint)control.Length,
                };
                var r = SocketLibc.RecvMsg(_fd, &msg, flags);
                lengths[0] = msg.NameLen;
                lengths[1] = (long)msg.ControlLen;
                lengths[2] = msg.Flags;
                return r;
            }
        });
        var anc = new PyList();
        var controlLen = (int)Math.Min(lengths[1], control.Length);
        for (var offset = 0; offset + CmsgHeader <= controlLen;)
        {
            var len = (int)Math.Min(BinaryPrimitives.ReadInt64LittleEndian(control.AsSpan(offset)), controlLen - offset);
            if (len < CmsgHeader)
            {
                break;
            }
            anc.Append(PyTuple.Create(
                PyInt.From(BinaryPrimitives.ReadInt32LittleEndian(control.AsSpan(offset + 8))),
                PyInt.From(BinaryPrimitives.ReadInt32LittleEndian(control.AsSpan(offset + 12))),
                PyBytes.From(control.AsSpan(offset + CmsgHeader, len - CmsgHeader))));
            offset += CmsgAlign(len);
        }
        var address = SocketAddress.Make(sa.AsSpan(0, (int)Math.Min(lengths[0], sa.Length)));
        return (n, anc, (int)lengths[2], address);
    }

    [PyMethod("recvmsg", Doc = "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\nReceive normal data (up to bufsize bytes) and ancillary data from the\nsocket.")]
    public PyObject RecvMsg(long bufsize, long ancbufsize = 0, int flags = 0)
    {
        if (bufsize < 0)
        {
            throw PyErr.ValueError("negative buffer size in recvmsg()");
        }
        var buf = Posix.PosixModule.Allocate(bufsize);
        var (n, anc, msgFlags, address) = RecvMsgInto(buf, ancbufsize, flags);
        return PyTuple.Create(PyBytes.From(buf.AsSpan(0, (int)n)), anc, PyInt.From(msgFlags), address);
    }

    [PyMethod("recvmsg_into", Doc = "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\nReceive normal data and ancillary data from the socket, scattering the\nnon-ancillary data into a series of buffers.")]
    public PyObject RecvMsgIntoBuffers(PyObject buffers, long ancbufsize = 0, int flags = 0)
    {
        var targets = new List<PyObject>();
        long total = 0;
        foreach (var item in Ops.Iterate(buffers))
        {
            if (item is not PyMemoryView && item is not IBuffer { BufferReadOnly: false })
            {
                throw PyErr.TypeError("recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers");
            }
            targets.Add(item);
            total += BufferProtocol.Write(item).Length;
        }
        var buf = Posix.PosixModule.Allocate(total);
        var (n, anc, msgFlags, address) = RecvMsgInto(buf, ancbufsize, flags);
        var offset = 0;
        foreach (var target in targets)
        {
            if (offset >= n)
            {
                break;
            }
            var span = BufferProtocol.Write(target);
            var count = (int)Math.Min(span.Length, n - offset);
            buf.AsSpan(offset, count).CopyTo(span);
            offset += count;
        }
        return PyTuple.Create(PyInt.From(n), anc, PyInt.From(msgFlags), address);
    }
}
