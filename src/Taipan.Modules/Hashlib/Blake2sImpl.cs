// Modules/_blake2/blake2s_impl.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_blake2.blake2s</c>.</summary>
[PyType("_blake2.blake2s", Module = "_blake2", FromSpec = true, Doc = "Return a new BLAKE2s hash object.")]
public sealed partial class Blake2sObject : BytesHashObject
{
    private Blake2sObject(HashState state) : base(state, "blake2s", Blake2sState.BlockBytes, null)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Blake2sObject(Blake2Args.NewState("blake2s", Blake2sState.Sizes, static (p, lastNode) => new Blake2sState(p, lastNode), args, kwnames));
}

/// <summary>BLAKE2s's words, rounds and constants.</summary>
internal sealed class Blake2sState : Blake2State<uint, Blake2sState>, IBlake2Variant<uint>
{
    public const int BlockBytes = 64;
    public const int OutBytes = 32;
    public const int KeyBytes = 32;
    public const int SaltBytes = 8;
    public const int PersonalBytes = 8;

    public Blake2sState(ReadOnlySpan<byte> parameters, bool lastNode) : base(parameters, lastNode)
    {
    }

    private Blake2sState(Blake2sState other) : base(other)
    {
    }

    public static Blake2Sizes Sizes { get; } = new(BlockBytes, OutBytes, KeyBytes, SaltBytes, PersonalBytes, Small: true);

    public static int Rounds => 10;

    public static (int R1, int R2, int R3, int R4) Rotations => (16, 12, 8, 7);

    public static ReadOnlySpan<uint> IV =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    public override HashState Clone() => new Blake2sState(this);
}
