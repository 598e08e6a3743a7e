// Tools/clinic/clinic.py (the generated half)
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace Taipan.Generators;

internal static class Emitter
{
    private const string O = "global::Taipan.Runtime.Objects";
    private const string A = "global::Taipan.Runtime.Python.ArgParse";

    public static string EmitType(Model m)
    {
        var sb = Header(m);
        var fields = new System.Collections.Generic.List<string>();
        sb.AppendLine($"partial class {m.ClassName} : {O}.IBuiltinType");
        sb.AppendLine("{");
        sb.AppendLine($"    public static readonly {O}.PyType TypeObject = CreateTypeObject();");
        sb.AppendLine();
        sb.AppendLine($"    static {O}.PyType {O}.IBuiltinType.StaticType => TypeObject;");
        sb.AppendLine();
        if (!m.InstanceType)
        {
            sb.AppendLine($"    public override {O}.PyType Type => TypeObject;");
            sb.AppendLine();
        }
        var baseExpr = m.BaseFullName is not null ? $"global::{m.BaseFullName}.TypeObject"
            : m.FullName == "Taipan.Runtime.Objects.PyBaseObject" ? "null" : $"{O}.PyBaseObject.TypeObject";
        var flags = $"{O}.TypeFlags.Immutable" + (m.Subclassable ? $" | {O}.TypeFlags.BaseType" : "") + (m.FlagsExpr is not null ? " | " + m.FlagsExpr : "");
        sb.AppendLine($"    private static {O}.PyType CreateTypeObject()");
        sb.AppendLine("    {");
        sb.AppendLine($"        var t = new {O}.PyType({Lit(m.PyName)}, {baseExpr}, {flags}, InitializeTypeDict, {Lit(m.Module)}) {{ Doc = {Lit(m.Doc)}{(m.FromSpec ? ", FromSpec = true" : "")} }};");
        if (m.Unhashable)
        {
            sb.AppendLine("        t.Slots.Hash = null;");
        }
        foreach (var s in m.Members.Items.Where(x => x.Kind == MemberKind.Slot))
        {
            sb.AppendLine($"        t.Slots.{SlotField(s.Slot!)} = {SlotAdapter(m, s)};");
        }
        sb.AppendLine("        return t;");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine($"    private static void InitializeTypeDict({O}.PyType t)");
        sb.AppendLine("    {");
        if (m.Unhashable)
        {
            sb.AppendLine($"        t.AddBuiltin(\"__hash__\", {O}.PyNone.Value);");
        }
        foreach (var s in m.Members.Items.Where(x => x.Kind == MemberKind.Slot))
        {
            sb.AppendLine($"        {O}.SlotDefs.AddWrappers(t, {Lit(s.Slot)});");
        }
        if (m.Generic)
        {
            var qual = Lit(m.PyName.Substring(m.PyName.LastIndexOf('.') + 1) + ".__class_getitem__");
            sb.AppendLine($"        t.AddBuiltin(\"__class_getitem__\", new {O}.PyClassMethodDescriptor(t, \"__class_getitem__\", static (self, args, kwnames) =>");
            sb.AppendLine("        {");
            sb.AppendLine($"            {A}.NoKeywords({qual}, kwnames);");
            sb.AppendLine($"            {A}.ExactlyOne({qual}, args.Length);");
            sb.AppendLine($"            return {O}.PyGenericAlias.ClassGetItem(({O}.PyType)self, args[0]);");
            sb.AppendLine("        }, \"See PEP 585\"));");
        }
        foreach (var member in m.Members.Items.Where(x => x.Kind is not (MemberKind.Slot or MemberKind.Setter)))
        {
            var qual = m.PyName.Substring(m.PyName.LastIndexOf('.') + 1) + "." + member.PyName;
            switch (member.Kind)
            {
                case MemberKind.Getter:
                    var getter = member.IsProperty ? $"(({m.ClassName})self).{member.CsName}" : $"(({m.ClassName})self).{member.CsName}()";
                    var setter = m.Members.Items.FirstOrDefault(x => x.Kind == MemberKind.Setter && x.PyName == member.PyName) is { } set
                        ? $"static (self, value) => (({m.ClassName})self).{set.CsName}(value)" : "null";
                    sb.AppendLine($"        t.AddBuiltin({Lit(member.PyName)}, new {O}.PyGetSetDescriptor(t, {Lit(member.PyName)}, static self => {Box(member.ReturnType, getter)}, {setter}, {Lit(member.Doc)}));");
                    break;
                case MemberKind.Method:
                    sb.AppendLine($"        t.AddBuiltin({Lit(member.PyName)}, new {O}.PyMethodDescriptor(t, {Lit(member.PyName)}, static (self, args, kwnames) =>");
                    sb.AppendLine("        {");
                    if (member.IsStatic && member.Params.Items.Length > 0 && member.Params.Items[0].Name == "self")
                    {
                        // A static method taking `self` serves receivers of any C# class
                        // (object's methods apply to every object).
                        EmitBody(sb, fields, member with { Params = new EquatableArray<Param>(member.Params.Items.Skip(1).ToArray()) },
                            null, m.ClassName, member.PyName, qual, "            ", firstArg: "self");
                    }
                    else
                    {
                        EmitBody(sb, fields, member, member.IsStatic ? null : $"(({m.ClassName})self)", m.ClassName, member.PyName, qual, "            ");
                    }
                    sb.AppendLine($"        }}, {Lit(member.Doc)}));");
                    break;
                case MemberKind.ClassMethod:
                    sb.AppendLine($"        t.AddBuiltin({Lit(member.PyName)}, new {O}.PyClassMethodDescriptor(t, {Lit(member.PyName)}, static (self, args, kwnames) =>");
                    sb.AppendLine("        {");
                    EmitBody(sb, fields, member with { Params = new EquatableArray<Param>(member.Params.Items.Skip(1).ToArray()) },
                        null, m.ClassName, member.PyName, qual, "            ", firstArg: $"({O}.PyType)self");
                    sb.AppendLine($"        }}, {Lit(member.Doc)}));");
                    break;
                case MemberKind.StaticMethod:
                    sb.AppendLine($"        t.AddBuiltin({Lit(member.PyName)}, new {O}.PyStaticMethod(new {O}.PyBuiltinFunction({Lit(member.PyName)}, {Lit(m.PyName)}, static (self, args, kwnames) =>");
                    sb.AppendLine("        {");
                    EmitBody(sb, fields, member, null, m.ClassName, member.PyName, qual, "            ");
                    sb.AppendLine($"        }}, {Lit(member.Doc)})));");
                    break;
            }
        }
        sb.AppendLine("        InitializeExtra(t);");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    /// <summary>Attributes the declarations cannot express (writable getsets), where a type implements it.</summary>");
        sb.AppendLine($"    static partial void InitializeExtra({O}.PyType t);");
        fields.ForEach(f => sb.AppendLine(f));
        sb.AppendLine("}");
        return sb.ToString();
    }

    public static string EmitModule(Model m)
    {
        var sb = Header(m);
        var fields = new System.Collections.Generic.List<string>();
        sb.AppendLine($"partial class {m.ClassName}");
        sb.AppendLine("{");
        sb.AppendLine($"    /// <summary>Creates the module object of <c>{m.PyName}</c> with its functions.</summary>");
        sb.AppendLine($"    public static {O}.PyModule CreateModule()");
        sb.AppendLine("    {");
        sb.AppendLine($"        var module = new {O}.PyModule({Lit(m.PyName)}, {Lit(m.Doc)});");
        foreach (var member in m.Members.Items.Where(x => x.Kind == MemberKind.Method))
        {
            var qual = m.PyName == "builtins" ? member.PyName : m.PyName + "." + member.PyName;
            sb.AppendLine($"        module.AddBuiltin({Lit(member.PyName)}, new {O}.PyBuiltinFunction({Lit(member.PyName)}, {Lit(m.PyName)}, static (self, args, kwnames) =>");
            sb.AppendLine("        {");
            EmitBody(sb, fields, member, null, m.ClassName, member.PyName, qual, "            ");
            sb.AppendLine($"        }}, {Lit(member.Doc)}, module));");
        }
        sb.AppendLine($"        Initialize(module);");
        sb.AppendLine("        return module;");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine($"    /// <summary>Adds the module's other attributes (constants, types).</summary>");
        sb.AppendLine($"    static partial void Initialize({O}.PyModule module);");
        fields.ForEach(f => sb.AppendLine(f));
        sb.AppendLine("}");
        return sb.ToString();
    }

    public static string EmitModuleRegistry(ImmutableArray<Model> modules)
    {
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated/>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine("namespace Taipan.Generated;");
        sb.AppendLine();
        sb.AppendLine("/// <summary>The builtin modules of this assembly, by name (the generator's registry).</summary>");
        sb.AppendLine("internal static class BuiltinModules");
        sb.AppendLine("{");
        sb.AppendLine($"    public static readonly global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Func<{O}.PyModule>> Factories =");
        sb.AppendLine($"        new global::System.Collections.Generic.Dictionary<string, global::System.Func<{O}.PyModule>>");
        sb.AppendLine("        {");
        foreach (var m in modules.OrderBy(x => x.PyName, System.StringComparer.Ordinal))
        {
            sb.AppendLine($"            [{Lit(m.PyName)}] = global::{m.FullName}.CreateModule,");
        }
        sb.AppendLine("        };");
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static StringBuilder Header(Model m)
    {
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated> by Taipan.Generators from the Py* attributes. </auto-generated>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine("#pragma warning disable CS0108");
        if (m.Namespace is not null)
        {
            sb.AppendLine($"namespace {m.Namespace};");
        }
        sb.AppendLine();
        return sb;
    }

    /// <summary>Argument parsing for one builtin: CPython's conventions decide the messages —
    /// METH_NOARGS and METH_O name the qualified function, Argument Clinic's positional-only
    /// parsing says "NAME expected ...", and keyword parsing follows _PyArg_UnpackKeywords.</summary>
    private static void EmitBody(StringBuilder sb, System.Collections.Generic.List<string> fields, Member member, string? receiver, string className, string name, string qual, string indent, string? firstArg = null)
    {
        var ps = member.Params.Items;
        var target = receiver is not null ? $"{receiver}.{member.CsName}" : $"{className}.{member.CsName}";
        var prefixArgs = firstArg is not null ? new[] { firstArg } : System.Array.Empty<string>();
        if (ps.Length == 2 && ps[0].Type.Contains("ReadOnlySpan") && ps[1].Type.Contains("PyTuple"))
        {
            EmitReturn(sb, member.ReturnType, $"{target}({string.Join(", ", prefixArgs.Concat(new[] { "args", "kwnames" }))})", indent);
            return;
        }
        var values = new string[ps.Length];
        if (!member.Keywords)
        {
            var min = ps.Count(p => !p.Optional);
            var isO = ps.Length == 1 && min == 1 && IsObject(ps[0].Type);
            sb.AppendLine($"{indent}{A}.NoKeywords({Lit(qual)}, kwnames);");
            if (ps.Length == 0)
            {
                sb.AppendLine($"{indent}{A}.NoArguments({Lit(qual)}, args.Length);");
            }
            else if (isO)
            {
                sb.AppendLine($"{indent}{A}.ExactlyOne({Lit(qual)}, args.Length);");
            }
            else
            {
                sb.AppendLine($"{indent}{A}.CheckPositional({Lit(name)}, args.Length, {min}, {ps.Length});");
            }
            for (var i = 0; i < ps.Length; i++)
            {
                var conv = Convert(ps[i], $"args[{i}]", name, i + 1);
                values[i] = ps[i].Optional ? $"(args.Length > {i} ? {conv} : {ps[i].Default})" : conv;
            }
        }
        else
        {
            var names = string.Join(", ", ps.Select(p => Lit(p.Name)));
            var maxPos = ps.TakeWhile(p => !p.KeywordOnly).Count();
            var minPos = ps.TakeWhile(p => !p.KeywordOnly && !p.Optional).Count();
            var required = ps.Count(p => !p.Optional);
            sb.AppendLine($"{indent}var buffer = new {O}.PyObject?[{ps.Length}];");
            var field = $"s_keywords{fields.Count}";
            fields.Add($"    private static readonly string[] {field} = [{names}];");
            sb.AppendLine($"{indent}{A}.UnpackKeywords({Lit(name)}, args, kwnames, {field}, {minPos}, {maxPos}, {required}, buffer);");
            for (var i = 0; i < ps.Length; i++)
            {
                var conv = Convert(ps[i], $"buffer[{i}]!", name, i + 1);
                values[i] = ps[i].Optional ? $"(buffer[{i}] is not null ? {conv} : {ps[i].Default})" : conv;
            }
        }
        EmitReturn(sb, member.ReturnType, $"{target}({string.Join(", ", prefixArgs.Concat(values))})", indent);
    }

    private static void EmitReturn(StringBuilder sb, string returnType, string call, string indent)
    {
        if (returnType == "void")
        {
            sb.AppendLine($"{indent}{call};");
            sb.AppendLine($"{indent}return {O}.PyNone.Value;");
        }
        else
        {
            sb.AppendLine($"{indent}return {Box(returnType, call)};");
        }
    }

    private static bool IsObject(string type) => type.TrimEnd('?') is "global::Taipan.Runtime.Objects.PyObject";

    private static string Convert(Param p, string expr, string fname, int position)
    {
        var t = p.Type.TrimEnd('?');
        return t switch
        {
            "global::Taipan.Runtime.Objects.PyObject" => expr,
            "long" => $"{A}.ToLong({expr})",
            "int" => $"{A}.ToInt({expr})",
            "double" => $"{A}.ToDouble({expr})",
            "bool" => $"global::Taipan.Runtime.Abstract.Ops.IsTrue({expr})",
            "string" => $"{A}.ToStr({Lit(fname)}, {position}, {expr}).Value",
            "global::Taipan.Runtime.Objects.PyStr" => $"{A}.ToStr({Lit(fname)}, {position}, {expr})",
            _ => $"{A}.Expect<{t}>({Lit(fname)}, {position}, {expr})",
        };
    }

    /// <summary>Converts a C# result to a Python object.</summary>
    private static string Box(string type, string expr)
    {
        return type switch
        {
            "bool" => $"{O}.PyBool.From({expr})",
            "long" or "int" => $"{O}.PyInt.From({expr})",
            "double" => $"new {O}.PyFloat({expr})",
            "string" => $"new {O}.PyStr({expr})",
            _ => expr,
        };
    }

    private static string SlotField(string slot) => slot switch
    {
        "tp_repr" => "Repr",
        "tp_str" => "Str",
        "tp_hash" => "Hash",
        "tp_call" => "Call",
        "tp_getattro" => "GetAttr",
        "tp_setattro" => "SetAttr",
        "tp_richcompare" => "RichCompare",
        "tp_iter" => "Iter",
        "tp_iternext" => "IterNext",
        "tp_descr_get" => "DescrGet",
        "tp_descr_set" => "DescrSet",
        "tp_new" => "New",
        "tp_init" => "Init",
        "nb_add" => "Add",
        "nb_subtract" => "Subtract",
        "nb_multiply" => "Multiply",
        "nb_remainder" => "Remainder",
        "nb_divmod" => "Divmod",
        "nb_power" => "Power",
        "nb_lshift" => "LShift",
        "nb_rshift" => "RShift",
        "nb_and" => "And",
        "nb_xor" => "Xor",
        "nb_or" => "Or",
        "nb_floor_divide" => "FloorDivide",
        "nb_true_divide" => "TrueDivide",
        "nb_matrix_multiply" => "MatrixMultiply",
        "nb_inplace_add" => "InPlaceAdd",
        "nb_inplace_subtract" => "InPlaceSubtract",
        "nb_inplace_multiply" => "InPlaceMultiply",
        "nb_inplace_remainder" => "InPlaceRemainder",
        "nb_inplace_power" => "InPlacePower",
        "nb_inplace_lshift" => "InPlaceLShift",
        "nb_inplace_rshift" => "InPlaceRShift",
        "nb_inplace_and" => "InPlaceAnd",
        "nb_inplace_xor" => "InPlaceXor",
        "nb_inplace_or" => "InPlaceOr",
        "nb_inplace_floor_divide" => "InPlaceFloorDivide",
        "nb_inplace_true_divide" => "InPlaceTrueDivide",
        "nb_inplace_matrix_multiply" => "InPlaceMatrixMultiply",
        "nb_negative" => "Negative",
        "nb_positive" => "Positive",
        "nb_absolute" => "Absolute",
        "nb_invert" => "Invert",
        "nb_bool" => "Bool",
        "nb_int" => "Int",
        "nb_float" => "Float",
        "nb_index" => "Index",
        "sq_length" or "mp_length" => "Length",
        "mp_subscript" or "sq_item" => "GetItem",
        "mp_ass_subscript" or "sq_ass_item" => "SetItem",
        "sq_contains" => "Contains",
        "sq_concat" => "Concat",
        "sq_repeat" => "Repeat",
        "sq_inplace_concat" => "InPlaceConcat",
        "sq_inplace_repeat" => "InPlaceRepeat",
        _ => throw new System.InvalidOperationException("unknown slot " + slot),
    };

    /// <summary>A lambda of the slot's delegate type that calls the member: static members with
    /// the slot's own parameters are used as they are; instance members get the receiver cast.</summary>
    private static string SlotAdapter(Model m, Member s)
    {
        var ps = s.Params.Items;
        if (s.IsStatic)
        {
            return $"static ({string.Join(", ", Enumerable.Range(0, ps.Length).Select(i => "a" + i))}) => {m.ClassName}.{s.CsName}({string.Join(", ", Enumerable.Range(0, ps.Length).Select(i => "a" + i))})";
        }
        var args = string.Join(", ", Enumerable.Range(0, ps.Length).Select(i => "a" + i));
        var lambdaArgs = ps.Length == 0 ? "self" : $"(self, {args})";
        return $"static {lambdaArgs} => (({m.ClassName})self).{s.CsName}({args})";
    }

    private static string Lit(string? s) =>
        s is null ? "null" : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}
