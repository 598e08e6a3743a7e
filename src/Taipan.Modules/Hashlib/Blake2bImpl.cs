// Modules/_blake2/blake2b_impl.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_blake2.blake2b</c>.</summary>
[PyType("_blake2.blake2b", Module = "_blake2", FromSpec = true, Doc = "Return a new BLAKE2b hash object.")]
public sealed partial class Blake2bObject : BytesHashObject
{
    private Blake2bObject(HashState state) : base(state, "blake2b", Blake2bState.BlockBytes, null)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Blake2bObject(Blake2Args.NewState("blake2b", Blake2bState.Sizes, static (p, lastNode) => new Blake2bState(p, lastNode), args, kwnames));
}

/// <summary>BLAKE2b's words, rounds and constants.</summary>
internal sealed class Blake2bState : Blake2State<ulong, Blake2bState>, IBlake2Variant<ulong>
{
    public const int BlockBytes = 128;
    public const int OutBytes = 64;
    public const int KeyBytes = 64;
    public const int SaltBytes = 16;
    public const int PersonalBytes = 16;

    public Blake2bState(ReadOnlySpan<byte> parameters, bool lastNode) : base(parameters, lastNode)
    {
    }

    private Blake2bState(Blake2bState other) : base(other)
    {
    }

    public static Blake2Sizes Sizes { get; } = new(BlockBytes, OutBytes, KeyBytes, SaltBytes, PersonalBytes, Small: false);

    public static int Rounds => 12;

    public static (int R1, int R2, int R3, int R4) Rotations => (32, 24, 16, 63);

    public static ReadOnlySpan<ulong> IV =>
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    public override HashState Clone() => new Blake2bState(this);
}
