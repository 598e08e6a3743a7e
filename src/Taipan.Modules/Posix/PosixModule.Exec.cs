// Modules/posixmodule.c (execv, execve)
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    [PyMethod("execv", Doc = "Execute an executable path with arguments, replacing current process.")]
    public static void ExecV(PyObject path, PyObject argv)
    {
        var p = ConvertPath("execv", "path", path);
        var args = ArgvItems(argv, "execv() arg 2 must be a tuple or list");
        if (args.Length == 0)
        {
            throw PyErr.ValueError("execv() arg 2 must not be empty");
        }
        var encoded = EncodeAll(args);
        if (encoded[0].Length == 1)
        {
            throw PyErr.ValueError("execv() arg 2 first element cannot be empty");
        }
        Exec(p, encoded, EnvironBlock(null));
        // execv reports the failure without the file name, as 3.11 does.
        throw LastError();
    }

    [PyMethod("execve", Keywords = true, Doc = "Execute an executable path with arguments, replacing current process.")]
    public static void ExecVe(PyObject path, PyObject argv, PyObject env)
    {
        var p = ConvertPath("execve", "path", path, allowFd: true);
        var args = ArgvItems(argv, "execve: argv must be a tuple or list");
        if (env.Type.Slots.GetItem is null || env is PyStr or PyBytes or PyTuple or PyList)
        {
            throw PyErr.TypeError("execve: environment must be a mapping object");
        }
        if (args.Length == 0)
        {
            throw PyErr.ValueError("execve: argv must not be empty");
        }
        var encoded = EncodeAll(args);
        if (encoded[0].Length == 1)
        {
            throw PyErr.ValueError("execve: argv first element cannot be empty");
        }
        Exec(p, encoded, EnvironBlock(env));
        throw Error(p);
    }

    private static PyObject[] ArgvItems(PyObject argv, string message) => argv switch
    {
        PyTuple t => [.. Ops.Iterate(t)],
        PyList l => l.Items.ToArray(),
        _ => throw PyErr.TypeError(message),
    };

    private static byte[][] EncodeAll(PyObject[] items)
    {
        var result = new byte[items.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = FsConvert(items[i]);
        }
        return result;
    }

    /// <summary><c>PyUnicode_FSConverter</c>: str, bytes or os.PathLike as NUL-terminated bytes.</summary>
    internal static byte[] FsConvert(PyObject o)
    {
        var value = FsPath(o);
        var bytes = value is PyStr s ? EncodeFs(s) : ((PyBytes)value).Data.ToArray();
        return Array.IndexOf(bytes, (byte)0) >= 0 ? throw PyErr.ValueError("embedded null byte") : CBytes(bytes);
    }

    /// <summary>"KEY=VALUE" entries from a mapping, or the current C environment for null.</summary>
    private static unsafe byte[][] EnvironBlock(PyObject? env)
    {
        var entries = new List<byte[]>();
        if (env is null)
        {
            for (var e = Libc.Environ; e is not null && *e is not null; e++)
            {
                entries.Add(CBytes(Libc.CString(*e)));
            }
            return [.. entries];
        }
        foreach (var key in Ops.Iterate(Ops.CallMethod(env, "keys")))
        {
            var k = FsConvert(key);
            var v = FsConvert(Ops.GetItem(env, key));
            if (k.Length == 1 || Array.IndexOf(k, (byte)'=') >= 0)
            {
                throw PyErr.ValueError("illegal environment variable name");
            }
            var entry = new byte[k.Length + v.Length];
            k.AsSpan(0, k.Length - 1).CopyTo(entry);
            entry[k.Length - 1] = (byte)'=';
            v.CopyTo(entry, k.Length);
            entries.Add(entry);
        }
        return [.. entries];
    }

    /// <summary>Replaces the process image; returns only when execve failed.</summary>
    private static unsafe void Exec(in PathArg path, byte[][] argv, byte[][] env)
    {
        var handles = new List<GCHandle>();
        try
        {
            var argp = new IntPtr[argv.Length + 1];
            var envp = new IntPtr[env.Length + 1];
            for (var i = 0; i < argv.Length; i++)
            {
                var h = GCHandle.Alloc(argv[i], GCHandleType.Pinned);
                handles.Add(h);
                argp[i] = h.AddrOfPinnedObject();
            }
            for (var i = 0; i < env.Length; i++)
            {
                var h = GCHandle.Alloc(env[i], GCHandleType.Pinned);
                handles.Add(h);
                envp[i] = h.AddrOfPinnedObject();
            }
            fixed (byte* p = path.Path)
            fixed (IntPtr* a = argp, e = envp)
            {
                if (path.IsFd)
                {
                    Libc.FExecVe(path.Fd, (byte**)a, (byte**)e);
                }
                else
                {
                    Libc.ExecVe(p, (byte**)a, (byte**)e);
                }
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Free();
            }
        }
    }
}
