// Modules/_randommodule.c
using System.Numerics;
using System.Security.Cryptography;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

// Not Taipan.Modules.Random: that namespace would hide System.Random in Taipan.Modules.*.
namespace Taipan.Modules.MersenneTwister;

/// <summary><c>_random</c>: the Mersenne Twister behind <c>random.Random</c>.</summary>
[PyModule("_random", Doc = "Module implements the Mersenne Twister random number generator.")]
public static partial class RandomModule
{
    static partial void Initialize(PyModule module) => module.AddBuiltin("Random", PyRandom.TypeObject);
}

/// <summary><c>_random.Random</c>: MT19937 with CPython's seeding, so that the same seed gives
/// the same numbers as CPython.</summary>
[PyType("Random", Module = "_random", FromSpec = true, Subclassable = true, InstanceType = true, Doc = "Random() -> create a random number generator with its own internal state.")]
public sealed partial class PyRandom : PySubclassableObject
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[N];
    private int _index = N + 1;

    private PyRandom(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // Python subclasses with their own __init__ may take keywords, and seed there
        // (random.Random seeds from a str or bytearray through sha512).
        var ownInit = type == TypeObject || type.Slots.Init == TypeObject.Slots.Init;
        if (ownInit && kwnames is { Count: > 0 })
        {
            throw PyErr.TypeError("Random() takes no keyword arguments");
        }
        var positional = args.Length - (kwnames?.Count ?? 0);
        if (positional > 1)
        {
            throw PyErr.TypeError("Random() requires 0 or 1 argument");
        }
        var self = new PyRandom(type);
        self.Seed(positional == 1 && ownInit ? args[0] : null);
        return self;
    }

    private void InitGenrand(uint s)
    {
        _state[0] = s;
        for (var i = 1; i < N; i++)
        {
            _state[i] = (uint)(1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + i);
        }
        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (var k = Math.Max(N, key.Length); k > 0; k--)
        {
            _state[i] = (uint)((_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1664525u)) + key[j] + j);
            i++;
            j++;
            if (i >= N)
            {
                _state[0] = _state[N - 1];
                i = 1;
            }
            if (j >= key.Length)
            {
                j = 0;
            }
        }
        for (var k = N - 1; k > 0; k--)
        {
            _state[i] = (uint)((_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1566083941u)) - i);
            i++;
            if (i >= N)
            {
                _state[0] = _state[N - 1];
                i = 1;
            }
        }
        _state[0] = 0x80000000u;
    }

    private uint NextUInt32()
    {
        var mt = _state;
        if (_index >= N)
        {
            int kk;
            uint y;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            for (; kk < N - 1; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            y = (mt[N - 1] & UpperMask) | (mt[0] & LowerMask);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            _index = 0;
        }
        var r = mt[_index++];
        r ^= r >> 11;
        r ^= (r << 7) & 0x9d2c5680u;
        r ^= (r << 15) & 0xefc60000u;
        r ^= r >> 18;
        return r;
    }

    /// <summary><c>seed(n=None)</c>: None seeds from the OS; an int by its absolute value's
    /// 32-bit words; anything else by its hash (random.py turns str and bytes into ints first).</summary>
    [PyMethod(Doc = "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier.")]
    public void Seed(PyObject? n = null)
    {
        if (n is null or PyNone)
        {
            var bytes = RandomNumberGenerator.GetBytes(N * 4);
            var key = new uint[N];
            Buffer.BlockCopy(bytes, 0, key, 0, bytes.Length);
            InitByArray(key);
            return;
        }
        BigInteger value = n is PyInt i ? BigInteger.Abs(i.Value) : (ulong)Ops.Hash(n);
        if (value.IsZero)
        {
            InitByArray([0]);
            return;
        }
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        var words = new uint[(raw.Length + 3) / 4];
        for (var k = 0; k < raw.Length; k++)
        {
            words[k / 4] |= (uint)raw[k] << (8 * (k % 4));
        }
        InitByArray(words);
    }

    [PyMethod(Doc = "random() -> x in the interval [0, 1).")]
    public double Random()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    [PyMethod(Doc = "getrandbits(k) -> x.  Generates an int with k random bits.")]
    public PyObject GetRandBits(long k)
    {
        if (k < 0)
        {
            throw PyErr.ValueError("number of bits must be non-negative");
        }
        if (k == 0)
        {
            return PyInt.From(0);
        }
        if (k <= 32)
        {
            return PyInt.From(NextUInt32() >> (int)(32 - k));
        }
        var words = (int)((k - 1) / 32 + 1);
        var bytes = new byte[words * 4];
        for (var w = 0; w < words; w++, k -= 32)
        {
            var r = NextUInt32();
            if (k < 32)
            {
                r >>= (int)(32 - k);
            }
            bytes[4 * w] = (byte)r;
            bytes[4 * w + 1] = (byte)(r >> 8);
            bytes[4 * w + 2] = (byte)(r >> 16);
            bytes[4 * w + 3] = (byte)(r >> 24);
        }
        return PyInt.From(new BigInteger(bytes, isUnsigned: true, isBigEndian: false));
    }

    [PyMethod(Doc = "getstate() -> tuple containing the current state.")]
    public PyTuple GetState()
    {
        var items = new PyObject[N + 1];
        for (var i = 0; i < N; i++)
        {
            items[i] = PyInt.From(_state[i]);
        }
        items[N] = PyInt.From(_index);
        return PyTuple.Create(items);
    }

    [PyMethod(Doc = "setstate(state) -> None.  Restores generator state.")]
    public void SetState(PyObject state)
    {
        if (state is not PyTuple t)
        {
            throw PyErr.TypeError("state vector must be a tuple");
        }
        if (t.Count != N + 1)
        {
            throw PyErr.ValueError("state vector is the wrong size");
        }
        var words = new uint[N];
        for (var i = 0; i < N; i++)
        {
            words[i] = (uint)UnsignedLong(t[i]);
        }
        var index = Ops.Index(t[N]);
        if (!index.IsSmall || index.Small < 0 || index.Small > N)
        {
            throw PyErr.ValueError("invalid state");
        }
        words.CopyTo(_state, 0);
        _index = (int)index.Small;
    }

    private static ulong UnsignedLong(PyObject o)
    {
        if (o is not PyInt i)
        {
            throw PyErr.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        }
        if (i.Value.Sign < 0)
        {
            throw PyErr.OverflowError("can't convert negative value to unsigned int");
        }
        return i.Value <= ulong.MaxValue ? (ulong)i.Value : throw PyErr.OverflowError("Python int too large to convert to C unsigned long");
    }
}
