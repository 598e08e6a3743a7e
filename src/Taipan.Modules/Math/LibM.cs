// Modules/mathmodule.c (the C library functions the math module calls)
using System.Runtime.InteropServices;

namespace Taipan.Modules.Mathematics;

/// <summary>erf, erfc, log1p and expm1 from the C library, as CPython's math module calls them,
/// so results agree to the last bit on the same system (.NET's own Math functions already call
/// the C library for exp, log, sin and the rest). Where no glibc libm is present, the managed
/// versions (the same fdlibm methods) stand in.</summary>
internal static partial class LibM
{
    private static readonly bool s_available = Probe();

    [LibraryImport("libm.so.6", EntryPoint = "erf")]
    private static partial double NativeErf(double x);

    [LibraryImport("libm.so.6", EntryPoint = "erfc")]
    private static partial double NativeErfc(double x);

    [LibraryImport("libm.so.6", EntryPoint = "log1p")]
    private static partial double NativeLog1P(double x);

    [LibraryImport("libm.so.6", EntryPoint = "expm1")]
    private static partial double NativeExpM1(double x);

    private static bool Probe()
    {
        try
        {
            return NativeErf(0.5) > 0 && NativeLog1P(0.5) > 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    public static double Erf(double x) => s_available ? NativeErf(x) : SpecialFunctions.Erf(x);

    public static double Erfc(double x) => s_available ? NativeErfc(x) : SpecialFunctions.Erfc(x);

    public static double Log1P(double x) => s_available ? NativeLog1P(x) : MathModule.Log1P(x);

    public static double ExpM1(double x) => s_available ? NativeExpM1(x) : MathModule.ExpM1(x);
}
