// Objects/object.c (Py_None, Py_Ellipsis)
namespace Taipan.Syntax.Ast;

/// <summary>
/// The values of <c>Constant</c> nodes are plain .NET objects: <see cref="None"/> and
/// <see cref="Ellipsis"/>, <c>bool</c>, <c>BigInteger</c> (int), <c>double</c> (float),
/// <c>Complex</c> (imaginary literals), <c>string</c> or <see cref="CodePointStr"/> (str) and
/// <c>byte[]</c> (bytes).
/// </summary>
public sealed class ConstantSingleton
{
    public static readonly ConstantSingleton None = new("None");
    public static readonly ConstantSingleton Ellipsis = new("Ellipsis");

    private ConstantSingleton(string repr) => Repr = repr;

    public string Repr { get; }

    public override string ToString() => Repr;
}
