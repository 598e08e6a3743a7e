// Tools/clinic/clinic.py: argument parsing and method tables generated from declarations
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Taipan.Generators;

/// <summary>
/// Turns <c>[PyType]</c> classes and <c>[PyModule]</c> classes into their type objects,
/// slot tables, method descriptors and argument parsing, with CPython's exact error messages,
/// as Argument Clinic does for CPython. Nothing is registered by reflection at run time.
/// </summary>
[Generator]
public sealed class BuiltinGenerator : IIncrementalGenerator
{
    internal const string Ns = "Taipan.Runtime";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var types = context.SyntaxProvider.ForAttributeWithMetadataName(
            BuiltinGenerator.Ns + ".PyTypeAttribute",
            static (node, _) => node is ClassDeclarationSyntax,
            static (ctx, _) => Model.FromType((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0]));
        context.RegisterSourceOutput(types, static (spc, model) => spc.AddSource(model.HintName, Emitter.EmitType(model)));

        var modules = context.SyntaxProvider.ForAttributeWithMetadataName(
            BuiltinGenerator.Ns + ".PyModuleAttribute",
            static (node, _) => node is ClassDeclarationSyntax,
            static (ctx, _) => Model.FromModule((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0]));
        context.RegisterSourceOutput(modules, static (spc, model) => spc.AddSource(model.HintName, Emitter.EmitModule(model)));
        context.RegisterSourceOutput(modules.Collect(), static (spc, all) => spc.AddSource("BuiltinModules.g.cs", Emitter.EmitModuleRegistry(all)));
    }
}

internal enum MemberKind
{
    Method,
    ClassMethod,
    StaticMethod,
    Getter,
    Setter,
    Slot,
}

internal sealed record Param(string Name, string Type, bool IsNullable, string? Default, bool KeywordOnly)
{
    public bool Optional => Default is not null;
}

internal sealed record Member(
    MemberKind Kind,
    string CsName,
    string PyName,
    bool IsStatic,
    bool Keywords,
    string ReturnType,
    EquatableArray<Param> Params,
    string? Slot,
    string? Doc,
    bool IsProperty);

internal sealed record Model(
    string HintName,
    string? Namespace,
    string ClassName,
    string FullName,
    string PyName,
    string? BaseFullName,
    string Module,
    bool Subclassable,
    bool InstanceType,
    bool Unhashable,
    bool Generic,
    bool FromSpec,
    string? FlagsExpr,
    string? Doc,
    bool IsModule,
    EquatableArray<Member> Members)
{
    public static Model FromType(INamedTypeSymbol cls, AttributeData attr)
    {
        string? baseName = null;
        var subclassable = false;
        var instanceType = false;
        var unhashable = false;
        var generic = false;
        var fromSpec = false;
        string? flags = null;
        string? doc = null;
        var module = "builtins";
        foreach (var arg in attr.NamedArguments)
        {
            switch (arg.Key)
            {
                case "Base":
                    baseName = (arg.Value.Value as ITypeSymbol)?.ToDisplayString();
                    break;
                case "Subclassable":
                    subclassable = (bool)arg.Value.Value!;
                    break;
                case "InstanceType":
                    instanceType = (bool)arg.Value.Value!;
                    break;
                case "Unhashable":
                    unhashable = (bool)arg.Value.Value!;
                    break;
                case "Generic":
                    generic = (bool)arg.Value.Value!;
                    break;
                case "FromSpec":
                    fromSpec = (bool)arg.Value.Value!;
                    break;
                case "Flags":
                    flags = "(global::Taipan.Runtime.Objects.TypeFlags)" + Convert.ToInt64(arg.Value.Value) + "L";
                    break;
                case "Doc":
                    doc = arg.Value.Value as string;
                    break;
                case "Module":
                    module = (string)arg.Value.Value!;
                    break;
            }
        }
        return new Model(
            cls.ToDisplayString().Replace('<', '_').Replace('>', '_') + ".g.cs",
            cls.ContainingNamespace.IsGlobalNamespace ? null : cls.ContainingNamespace.ToDisplayString(),
            cls.Name,
            cls.ToDisplayString(),
            (string)attr.ConstructorArguments[0].Value!,
            baseName,
            module,
            subclassable,
            instanceType,
            unhashable,
            generic,
            fromSpec,
            flags,
            doc,
            false,
            CollectMembers(cls));
    }

    public static Model FromModule(INamedTypeSymbol cls, AttributeData attr)
    {
        string? doc = null;
        foreach (var arg in attr.NamedArguments)
        {
            if (arg.Key == "Doc")
            {
                doc = arg.Value.Value as string;
            }
        }
        return new Model(
            cls.ToDisplayString() + ".g.cs",
            cls.ContainingNamespace.IsGlobalNamespace ? null : cls.ContainingNamespace.ToDisplayString(),
            cls.Name,
            cls.ToDisplayString(),
            (string)attr.ConstructorArguments[0].Value!,
            null,
            (string)attr.ConstructorArguments[0].Value!,
            false,
            false,
            false,
            false,
            false,
            null,
            doc,
            true,
            CollectMembers(cls));
    }

    /// <summary>The class's members, after those of its plain C# base classes (up to the first
    /// base that is itself a <c>[PyType]</c>, whose members its type object already has): one
    /// C# implementation can serve several Python types, as CPython shares functions between
    /// method tables. A member the class redeclares (same Python name and kind) takes the
    /// base's place.</summary>
    private static EquatableArray<Member> CollectMembers(INamedTypeSymbol cls)
    {
        var chain = new List<INamedTypeSymbol> { cls };
        for (var b = cls.BaseType; b is not null && b.SpecialType != SpecialType.System_Object && !IsPyType(b); b = b.BaseType)
        {
            chain.Add(b);
        }
        var members = new List<Member>();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var member in DeclaredMembers(chain[i]))
            {
                var at = members.FindIndex(x => x.Kind == member.Kind && (member.Kind == MemberKind.Slot ? x.Slot == member.Slot : x.PyName == member.PyName));
                if (at >= 0)
                {
                    members[at] = member;
                }
                else
                {
                    members.Add(member);
                }
            }
        }
        return new EquatableArray<Member>(members.ToArray());
    }

    private static bool IsPyType(INamedTypeSymbol cls)
    {
        foreach (var a in cls.GetAttributes())
        {
            if (a.AttributeClass?.ToDisplayString() == BuiltinGenerator.Ns + ".PyTypeAttribute")
            {
                return true;
            }
        }
        return false;
    }

    private static List<Member> DeclaredMembers(INamedTypeSymbol cls)
    {
        var members = new List<Member>();
        foreach (var symbol in cls.GetMembers())
        {
            foreach (var a in symbol.GetAttributes())
            {
                var attrName = a.AttributeClass?.ToDisplayString();
                if (attrName is null || !attrName.StartsWith(BuiltinGenerator.Ns + ".Py", StringComparison.Ordinal))
                {
                    continue;
                }
                var kind = attrName switch
                {
                    BuiltinGenerator.Ns + ".PyMethodAttribute" => MemberKind.Method,
                    BuiltinGenerator.Ns + ".PyClassMethodAttribute" => MemberKind.ClassMethod,
                    BuiltinGenerator.Ns + ".PyStaticMethodAttribute" => MemberKind.StaticMethod,
                    BuiltinGenerator.Ns + ".PyGetterAttribute" => MemberKind.Getter,
                    BuiltinGenerator.Ns + ".PySetterAttribute" => MemberKind.Setter,
                    BuiltinGenerator.Ns + ".PySlotAttribute" => MemberKind.Slot,
                    _ => (MemberKind?)null,
                };
                if (kind is null)
                {
                    continue;
                }
                var explicitName = a.ConstructorArguments.Length > 0 ? a.ConstructorArguments[0].Value as string : null;
                var keywords = a.NamedArguments.Any(n => n.Key == "Keywords" && n.Value.Value is true);
                var doc = a.NamedArguments.FirstOrDefault(n => n.Key == "Doc").Value.Value as string;
                if (symbol is IPropertySymbol prop)
                {
                    members.Add(new Member(kind.Value, prop.Name, explicitName ?? prop.Name.ToLowerInvariant(), prop.IsStatic, false,
                        prop.Type.ToDisplayString(), EquatableArray<Param>.Empty, null, doc, true));
                    continue;
                }
                if (symbol is not IMethodSymbol method)
                {
                    continue;
                }
                var ps = method.Parameters.Select(p => new Param(
                    p.Name,
                    p.Type.ToDisplayString(NullableFlowState.None.ToDisplayFormat()),
                    p.NullableAnnotation == NullableAnnotation.Annotated || p.Type.NullableAnnotation == NullableAnnotation.Annotated,
                    p.HasExplicitDefaultValue ? DefaultLiteral(p) : null,
                    p.GetAttributes().Any(x => x.AttributeClass?.Name == "KeywordOnlyAttribute"))).ToArray();
                var slot = kind == MemberKind.Slot ? explicitName : null;
                members.Add(new Member(kind.Value, method.Name,
                    kind == MemberKind.Slot ? method.Name : explicitName ?? method.Name.ToLowerInvariant(),
                    method.IsStatic, keywords, method.ReturnType.ToDisplayString(), new EquatableArray<Param>(ps), slot, doc, false));
            }
        }
        return members;
    }

    private static string DefaultLiteral(IParameterSymbol p)
    {
        var v = p.ExplicitDefaultValue;
        return v switch
        {
            null => p.Type.IsValueType && p.Type.NullableAnnotation != NullableAnnotation.Annotated ? "default" : "null",
            bool b => b ? "true" : "false",
            string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d",
            long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L",
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!,
        };
    }
}

internal static class NullableExtensions
{
    public static SymbolDisplayFormat ToDisplayFormat(this NullableFlowState _) =>
        SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
}

/// <summary>An immutable array with value equality, so the incremental pipeline can cache models.</summary>
internal readonly struct EquatableArray<T>(T[] items) : IEquatable<EquatableArray<T>>
{
    public static readonly EquatableArray<T> Empty = new([]);

    private readonly T[]? _items = items;

    public T[] Items => _items ?? [];

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableArray<T> o && Equals(o);

    public override int GetHashCode()
    {
        var h = 17;
        foreach (var i in Items)
        {
            h = (h * 31) + (i?.GetHashCode() ?? 0);
        }
        return h;
    }
}
