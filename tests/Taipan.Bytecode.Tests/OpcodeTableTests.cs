using System.Text.Json;

namespace Taipan.Bytecode.Tests;

public sealed class OpcodeFacts
{
    private static readonly Lazy<JsonElement> s_facts = new(() =>
        JsonDocument.Parse(CPython.RunScript("opcode_facts.py")).RootElement);

    public static JsonElement Get => s_facts.Value;
}

public class OpcodeTableTests
{
    private static JsonElement F => OpcodeFacts.Get;

    private static HashSet<int> Set(string name) => [.. F.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public void EveryOpcodeNameAndNumberMatches()
    {
        var all = F.GetProperty("all_opmap").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(181, all.Count);
        foreach (var (name, number) in all)
        {
            Assert.True(Enum.TryParse<Opcode>(name, out var op), name);
            Assert.Equal(number, (int)op);
            Assert.Equal(name, OpcodeInfo.Get(number)!.Name);
        }

        // Ours has exactly those plus DO_TRACING.
        var real = OpcodeInfo.All.Where(i => !i.IsPseudo).Select(i => i.Name).ToHashSet();
        real.Remove("DO_TRACING");
        Assert.True(real.SetEquals(all.Keys));
        Assert.True(F.GetProperty("have_argument").GetInt32() == OpcodeInfo.HaveArgument);
        Assert.True(F.GetProperty("extended_arg").GetInt32() == (int)Opcode.EXTENDED_ARG);
    }

    [Fact]
    public void BaseOpcodeFactsMatch()
    {
        var caches = F.GetProperty("caches").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var jrel = Set("hasjrel");
        Assert.Empty(Set("hasjabs"));
        var kinds = new (string, OpArgKind)[]
        {
            ("hasconst", OpArgKind.Const), ("hasname", OpArgKind.Name), ("haslocal", OpArgKind.Local),
            ("hasfree", OpArgKind.Free), ("hascompare", OpArgKind.Compare),
        };
        var sets = kinds.Select(k => (Set(k.Item1), k.Item2)).ToArray();
        var count = 0;
        foreach (var p in F.GetProperty("opmap").EnumerateObject())
        {
            var op = p.Value.GetInt32();
            var info = OpcodeInfo.Get(op)!;
            Assert.False(info.IsSpecialized, p.Name);
            Assert.Equal(op, info.Deopt);
            Assert.Equal(op >= 90, info.HasArgument);
            Assert.Equal(caches[op], info.CacheEntries);
            Assert.Equal(jrel.Contains(op), info.IsJump);
            if (info.IsJump)
            {
                Assert.Equal(p.Name.Contains("BACKWARD") ? JumpKind.Backward : JumpKind.Forward, info.Jump);
                Assert.True(info.IsConditionalJump ^ info.IsUnconditionalJump, p.Name);
                Assert.Equal(p.Name.StartsWith("JUMP_FORWARD") || p.Name.StartsWith("JUMP_BACKWARD"), info.IsUnconditionalJump);
            }
            else
            {
                Assert.False(info.IsConditionalJump || info.IsUnconditionalJump, p.Name);
            }

            var expected = OpArgKind.None;
            foreach (var (set, kind) in sets)
            {
                if (set.Contains(op))
                {
                    Assert.Equal(OpArgKind.None, expected);
                    expected = kind;
                }
            }

            Assert.Equal(expected, info.ArgKind);
            count++;
        }

        Assert.Equal(110, count);
    }

    [Fact]
    public void SpecializedOpcodesDeoptToTheirFamily()
    {
        var deopt = F.GetProperty("deopt").EnumerateObject().ToList();
        Assert.Equal(71, deopt.Count);
        foreach (var p in deopt)
        {
            var info = OpcodeInfo.Get(Enum.Parse<Opcode>(p.Name));
            var baseInfo = OpcodeInfo.Get(Enum.Parse<Opcode>(p.Value.GetString()!));
            Assert.True(info.IsSpecialized);
            Assert.Equal(baseInfo.Number, info.Deopt);
            Assert.Equal(baseInfo.CacheEntries, info.CacheEntries);
            Assert.Equal(baseInfo.ArgKind, info.ArgKind);
            Assert.Equal(baseInfo.Jump, info.Jump);
            Assert.Equal(baseInfo.HasArgument, info.HasArgument);
            Assert.Equal(OpcodeInfo.InvalidStackEffect, info.StackEffect(0, -1));
        }
    }

    [Fact]
    public void StackEffectsMatchDisStackEffect()
    {
        var n = 0;
        foreach (var row in F.GetProperty("stack_effects").EnumerateArray())
        {
            var op = row[0].GetInt32();
            var arg = row[1].ValueKind == JsonValueKind.Null ? 0 : row[1].GetInt32();
            var jump = row[2].ValueKind switch
            {
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                _ => -1,
            };
            var expected = row[3].ValueKind == JsonValueKind.Null ? OpcodeInfo.InvalidStackEffect : row[3].GetInt32();
            Assert.True(expected == OpcodeInfo.StackEffect(op, arg, jump), $"{(Opcode)op} arg={arg} jump={jump}: expected {expected}");
            n++;
        }

        Assert.True(n > 10000);
    }

    [Fact]
    public void PseudoOpcodes()
    {
        Assert.Equal(1, OpcodeInfo.StackEffect((int)PseudoOpcode.SETUP_FINALLY, 0, 1));
        Assert.Equal(0, OpcodeInfo.StackEffect((int)PseudoOpcode.SETUP_FINALLY, 0, 0));
        Assert.Equal(2, OpcodeInfo.StackEffect((int)PseudoOpcode.SETUP_CLEANUP, 0, -1));
        Assert.Equal(1, OpcodeInfo.StackEffect((int)PseudoOpcode.SETUP_WITH, 0, 1));
        Assert.Equal(0, OpcodeInfo.StackEffect((int)PseudoOpcode.POP_BLOCK, 0, -1));
        Assert.Equal(-1, OpcodeInfo.StackEffect((int)PseudoOpcode.POP_JUMP_IF_NONE, 0, 1));
        Assert.True(OpcodeInfo.Get(PseudoOpcode.SETUP_WITH).IsBlockPush);
        Assert.True(OpcodeInfo.Get(PseudoOpcode.JUMP).IsUnconditionalJump);
        Assert.True(OpcodeInfo.Get(PseudoOpcode.POP_JUMP_IF_TRUE).IsConditionalJump);
        Assert.Equal(JumpKind.Pseudo, OpcodeInfo.Get(PseudoOpcode.JUMP_NO_INTERRUPT).Jump);
        Assert.Null(OpcodeInfo.Get(266));
        Assert.Null(OpcodeInfo.Get(-1));
        Assert.Null(OpcodeInfo.Get(200));
    }

    [Fact]
    public void ArgumentEnumsMatch()
    {
        var cmp = F.GetProperty("cmp_op").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["<", "<=", "==", "!=", ">", ">="], cmp);
        Assert.Equal(6, Enum.GetValues<CompareOp>().Length);
        Assert.Equal(5, (int)CompareOp.Ge);

        var nb = F.GetProperty("nb_ops").EnumerateArray().Select(e => e[0].GetString()!).ToArray();
        Assert.Equal(nb.Length, Enum.GetValues<BinaryOp>().Length);
        for (var i = 0; i < nb.Length; i++)
        {
            Assert.Equal(nb[i].Replace("NB_", "").Replace("_", ""), ((BinaryOp)i).ToString().ToUpperInvariant());
        }

        var mf = F.GetProperty("make_function_flags").EnumerateArray().Select(e => e.GetString()!).ToArray();
        for (var i = 0; i < mf.Length; i++)
        {
            Assert.Equal(mf[i], ((MakeFunctionFlags)(1 << i)).ToString().ToLowerInvariant());
        }
    }

    [Fact]
    public void CodeFlagsMatch()
    {
        foreach (var p in F.GetProperty("code_flags").EnumerateObject())
        {
            var name = string.Concat(p.Name["CO_".Length..].Split('_').Select(w => w[..1] + w[1..].ToLowerInvariant()));
            Assert.True(Enum.TryParse<CodeFlags>(name, ignoreCase: true, out var flag), name);
            Assert.Equal(p.Value.GetInt32(), (int)flag);
        }

        var futures = new Dictionary<string, CodeFlags>
        {
            ["division"] = CodeFlags.FutureDivision,
            ["absolute_import"] = CodeFlags.FutureAbsoluteImport,
            ["with_statement"] = CodeFlags.FutureWithStatement,
            ["print_function"] = CodeFlags.FuturePrintFunction,
            ["unicode_literals"] = CodeFlags.FutureUnicodeLiterals,
            ["barry_as_FLUFL"] = CodeFlags.FutureBarryAsBdfl,
            ["generator_stop"] = CodeFlags.FutureGeneratorStop,
            ["annotations"] = CodeFlags.FutureAnnotations,
        };
        foreach (var (name, flag) in futures)
        {
            Assert.Equal(F.GetProperty("future_flags").GetProperty(name).GetInt32(), (int)flag);
        }
    }
}
