// Include/internal/pycore_frame.h (localsplus: the frame's slots as the interpreter sees them)
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// A frame's slot array as the dispatch loop indexes it. Storing into a <c>PyObject[]</c>
/// costs a covariance check per store (the array could be a <c>PyInt[]</c>), which walks the
/// stored object's class hierarchy; the loop stores on nearly every instruction, so it goes
/// through element references instead, keeping the bounds check.
/// </summary>
internal readonly struct FrameSlots(PyObject?[] array)
{
    private readonly PyObject?[] _array = array;

    public ref PyObject? this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var a = _array;
            if ((uint)index >= (uint)a.Length)
            {
                ThrowOutOfRange();
            }
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), index);
        }
    }

    public static implicit operator PyObject?[](FrameSlots slots) => slots._array;

    [DoesNotReturn]
    private static void ThrowOutOfRange() =>
        throw Errors.PyErr.New(PyExc.SystemError, "frame slot index out of range");
}
