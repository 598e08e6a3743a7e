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
        AddConstants(module, Blake2bObject.TypeObject, "BLAKE2B", Blake2bState.Sizes);
        AddConstants(module, Blake2sObject.TypeObject, "BLAKE2S", Blake2sState.Sizes);
    }

    private static void AddConstants(PyModule module, PyType type, string prefix, Blake2Sizes sizes)
    {
        var (salt, person, key, digest) = (sizes.SaltBytes, sizes.PersonalBytes, sizes.KeyBytes, sizes.OutBytes);
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

/// <summary>The sizes of one BLAKE2 variant; <paramref name="Small"/> for blake2s.</summary>
internal readonly record struct Blake2Sizes(int BlockBytes, int OutBytes, int KeyBytes, int SaltBytes, int PersonalBytes, bool Small);

/// <summary>Makes a variant's state from its parameter block.</summary>
internal delegate HashState Blake2Factory(ReadOnlySpan<byte> parameters, bool lastNode);

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

    /// <summary>The state a blake2b or blake2s constructor call asks for: parameters checked,
    /// key block and data hashed.</summary>
    public static HashState NewState(string name, Blake2Sizes sizes, Blake2Factory create, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = Parse(name, sizes.OutBytes, args, kwnames);
        Span<byte> p = stackalloc byte[sizes.Small ? 32 : 64];
        a.FillParameters(p, sizes);
        var state = create(p, a.LastNode);
        if (a.Key.Length > 0)
        {
            Span<byte> block = stackalloc byte[sizes.BlockBytes];
            block.Clear();
            a.Key.CopyTo(block);
            state.Update(block);
        }
        if (a.Data is not null)
        {
            state.LockedUpdate(HashArgs.Data(a.Data));
        }
        return state;
    }

    /// <summary>The parameter block (RFC 7693 section 2.5) after CPython's checks, in its order;
    /// the key is checked last.</summary>
    private readonly void FillParameters(Span<byte> p, Blake2Sizes sizes)
    {
        var (outBytes, saltBytes, personalBytes, keyBytes, small) = (sizes.OutBytes, sizes.SaltBytes, sizes.PersonalBytes, sizes.KeyBytes, sizes.Small);
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
