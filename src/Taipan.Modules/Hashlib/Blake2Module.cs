// Modules/_blake2/blake2module.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

[PyModule("_blake2")]
public static partial class Blake2Module
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("blake2b", Blake2bObject.TypeObject);
        module.AddBuiltin("blake2s", Blake2sObject.TypeObject);
        AddConstants(module, Blake2bObject.TypeObject, "BLAKE2B", Blake2bState.SaltBytes, Blake2bState.PersonalBytes, Blake2bState.KeyBytes, Blake2bState.OutBytes);
        AddConstants(module, Blake2sObject.TypeObject, "BLAKE2S", Blake2sState.SaltBytes, Blake2sState.PersonalBytes, Blake2sState.KeyBytes, Blake2sState.OutBytes);
    }

    private static void AddConstants(PyModule module, PyType type, string prefix, int salt, int person, int key, int digest)
    {
        type.AddBuiltin("SALT_SIZE", PyInt.From(salt));
        type.AddBuiltin("PERSON_SIZE", PyInt.From(person));
        type.AddBuiltin("MAX_KEY_SIZE", PyInt.From(key));
        type.AddBuiltin("MAX_DIGEST_SIZE", PyInt.From(digest));
        module.AddBuiltin(prefix + "_SALT_SIZE", PyInt.From(salt));
        module.AddBuiltin(prefix + "_PERSON_SIZE", PyInt.From(person));
        module.AddBuiltin(prefix + "_MAX_KEY_SIZE", PyInt.From(key));
        module.AddBuiltin(prefix + "_MAX_DIGEST_SIZE", PyInt.From(digest));
    }
}

/// <summary>The constructor arguments blake2b and blake2s share, parsed and converted in
/// Argument Clinic's order (all conversions before any range check).</summary>
internal ref struct Blake2Args
{
    private static readonly string[] s_names =
        ["", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"];

    public PyObject? Data;
    public int DigestSize;
    public ReadOnlySpan<byte> Key;
    public ReadOnlySpan<byte> Salt;
    public ReadOnlySpan<byte> Person;
    public int Fanout;
    public int Depth;
    public ulong LeafSize;
    public ulong NodeOffset;
    public int NodeDepth;
    public int InnerSize;
    public bool LastNode;

    public static Blake2Args Parse(string name, int maxDigest, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> a = new PyObject?[s_names.Length];
        Taipan.Runtime.Python.ArgParse.UnpackKeywords(name, args, kwnames, s_names, 0, 1, 0, a);
        var r = new Blake2Args { Data = a[0], DigestSize = maxDigest, Fanout = 1, Depth = 1 };
        if (a[1] is { } ds)
        {
            r.DigestSize = Taipan.Runtime.Python.ArgParse.ToInt(ds);
        }
        if (a[2] is { } key)
        {
            r.Key = HashArgs.Buffer(key);
        }
        if (a[3] is { } salt)
        {
            r.Salt = HashArgs.Buffer(salt);
        }
        if (a[4] is { } person)
        {
            r.Person = HashArgs.Buffer(person);
        }
        if (a[5] is { } fanout)
        {
            r.Fanout = Taipan.Runtime.Python.ArgParse.ToInt(fanout);
        }
        if (a[6] is { } depth)
        {
            r.Depth = Taipan.Runtime.Python.ArgParse.ToInt(depth);
        }
        if (a[7] is { } leaf)
        {
            r.LeafSize = HashArgs.UnsignedLong(leaf);
        }
        if (a[8] is { } offset)
        {
            r.NodeOffset = HashArgs.UnsignedLongLong(offset);
        }
        if (a[9] is { } nodeDepth)
        {
            r.NodeDepth = Taipan.Runtime.Python.ArgParse.ToInt(nodeDepth);
        }
        if (a[10] is { } inner)
        {
            r.InnerSize = Taipan.Runtime.Python.ArgParse.ToInt(inner);
        }
        if (a[11] is { } last)
        {
            r.LastNode = Taipan.Runtime.Abstract.Ops.IsTrue(last);
        }
        if (a[12] is { } used)
        {
            Taipan.Runtime.Abstract.Ops.IsTrue(used);
        }
        return r;
    }

    /// <summary>The parameter block (RFC 7693 section 2.5) after CPython's checks, in its order;
    /// the key is checked last.</summary>
    public readonly void FillParameters(Span<byte> p, int outBytes, int saltBytes, int personalBytes, int keyBytes, bool small)
    {
        p.Clear();
        if (DigestSize <= 0 || DigestSize > outBytes)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError($"digest_size must be between 1 and {outBytes} bytes");
        }
        p[0] = (byte)DigestSize;
        // Field offsets after the 16 bytes (blake2s) or 32 bytes (blake2b) of fixed fields.
        var saltAt = small ? 16 : 32;
        if (Salt.Length > saltBytes)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError($"maximum salt length is {saltBytes} bytes");
        }
        Salt.CopyTo(p[saltAt..]);
        if (Person.Length > personalBytes)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError($"maximum person length is {personalBytes} bytes");
        }
        Person.CopyTo(p[(saltAt + saltBytes)..]);
        if (Fanout is < 0 or > 255)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError("fanout must be between 0 and 255");
        }
        p[2] = (byte)Fanout;
        if (Depth is <= 0 or > 255)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError("depth must be between 1 and 255");
        }
        p[3] = (byte)Depth;
        if (LeafSize > 0xFFFFFFFFUL)
        {
            throw Taipan.Runtime.Errors.PyErr.OverflowError("leaf_size is too large");
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(p[4..], (uint)LeafSize);
        if (small)
        {
            if (NodeOffset > 0xFFFFFFFFFFFFUL)
            {
                throw Taipan.Runtime.Errors.PyErr.OverflowError("node_offset is too large");
            }
            Span<byte> offset = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(offset, NodeOffset);
            offset[..6].CopyTo(p[8..]);
        }
        else
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(p[8..], NodeOffset);
        }
        var depthAt = small ? 14 : 16;
        if (NodeDepth is < 0 or > 255)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError("node_depth must be between 0 and 255");
        }
        p[depthAt] = (byte)NodeDepth;
        if (InnerSize < 0 || InnerSize > outBytes)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError($"inner_size must be between 0 and is {outBytes}");
        }
        p[depthAt + 1] = (byte)InnerSize;
        if (Key.Length > keyBytes)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError($"maximum key length is {keyBytes} bytes");
        }
        p[1] = (byte)Key.Length;
    }
}
