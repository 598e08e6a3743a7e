// Python/compile.c (PEP 634: structural pattern matching)
using System.Numerics;
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using Taipan.Syntax.Ast;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.CodeGen;

public sealed partial class Compiler
{
    /// <summary>pattern_context: the names captured so far (stored only once the whole
    /// pattern matched), the failure blocks (fail_pop[i] pops i items), and how many items
    /// on top of the stack must stay there.</summary>
    private sealed class PatternContext
    {
        public List<string> Stores = new();
        public bool AllowIrrefutable;
        public List<BasicBlock> FailPop = new();
        public int OnTop;
    }

    private static bool IsWildcard(PatternNode p) => p is MatchAs { Pattern: null, Name: null };

    private static bool IsStarWildcard(PatternNode p) => p is MatchStar { Name: null };

    private void EnsureFailPop(PatternContext pc, int n)
    {
        while (pc.FailPop.Count < n + 1)
        {
            pc.FailPop.Add(NewBlock());
        }
    }

    private void JumpToFailPop(PatternContext pc, PseudoOpcode op)
    {
        int pops = pc.OnTop + pc.Stores.Count;
        EnsureFailPop(pc, pops);
        AddOpJ(op, pc.FailPop[pops]);
    }

    private void EmitAndResetFailPop(PatternContext pc)
    {
        if (pc.FailPop.Count == 0)
        {
            return;
        }
        for (int i = pc.FailPop.Count - 1; i > 0; i--)
        {
            UseNextBlock(pc.FailPop[i]);
            AddOp(POP_TOP);
        }
        UseNextBlock(pc.FailPop[0]);
        pc.FailPop = new();
    }

    private Taipan.Syntax.Errors.PythonSyntaxError DuplicateStore(string n) =>
        Error($"multiple assignments to name {PyRepr(n)} in pattern");

    private static string PyRepr(string s) => Taipan.Bytecode.PyValue.Repr(s);

    private void PatternRotate(int count)
    {
        while (1 < count)
        {
            AddOpI(SWAP, count--);
        }
    }

    private void PatternStoreName(string? n, PatternContext pc)
    {
        if (n is null)
        {
            AddOp(POP_TOP);
            return;
        }
        ForbiddenName(n, ExprContext.Store);
        if (pc.Stores.Contains(n))
        {
            throw DuplicateStore(n);
        }
        // Rotate the object underneath anything that must stay on top.
        PatternRotate(pc.OnTop + pc.Stores.Count + 1);
        pc.Stores.Add(n);
    }

    private void PatternUnpackHelper(PatternNode[] elts)
    {
        int n = elts.Length;
        bool seenStar = false;
        for (int i = 0; i < n; i++)
        {
            if (elts[i] is MatchStar)
            {
                if (seenStar)
                {
                    throw Error("multiple starred expressions in sequence pattern");
                }
                if (i >= (1 << 8) || n - i - 1 >= (int.MaxValue >> 8))
                {
                    throw Error("too many expressions in star-unpacking sequence pattern");
                }
                AddOpI(UNPACK_EX, i + ((n - i - 1) << 8));
                seenStar = true;
            }
        }
        if (!seenStar)
        {
            AddOpI(UNPACK_SEQUENCE, n);
        }
    }

    private void PatternSequenceUnpack(PatternNode[] patterns, PatternContext pc)
    {
        PatternUnpackHelper(patterns);
        int size = patterns.Length;
        pc.OnTop += size;
        foreach (var p in patterns)
        {
            pc.OnTop--;
            PatternSubpattern(p, pc);
        }
    }

    /// <summary>Sequence patterns with a starred wildcard index the subject instead of
    /// unpacking it.</summary>
    private void PatternSequenceSubscr(PatternNode[] patterns, int star, PatternContext pc)
    {
        pc.OnTop++;
        int size = patterns.Length;
        for (int i = 0; i < size; i++)
        {
            var pattern = patterns[i];
            if (IsWildcard(pattern) || i == star)
            {
                continue;
            }
            AddOpI(COPY, 1);
            if (i < star)
            {
                LoadConst(new BigInteger(i));
            }
            else
            {
                // The subject may not support negative indexes.
                AddOp(GET_LEN);
                LoadConst(new BigInteger(size - i));
                AddOpI(BINARY_OP, (int)BinaryOp.Subtract);
            }
            AddOp(BINARY_SUBSCR);
            PatternSubpattern(pattern, pc);
        }
        pc.OnTop--;
        AddOp(POP_TOP);
    }

    private void PatternSubpattern(PatternNode p, PatternContext pc)
    {
        bool allow = pc.AllowIrrefutable;
        pc.AllowIrrefutable = true;
        Pattern(p, pc);
        pc.AllowIrrefutable = allow;
    }

    private void PatternAs(MatchAs p, PatternContext pc)
    {
        if (p.Pattern is null)
        {
            if (!pc.AllowIrrefutable)
            {
                if (p.Name is not null)
                {
                    throw Error($"name capture {PyRepr(p.Name)} makes remaining patterns unreachable");
                }
                throw Error("wildcard makes remaining patterns unreachable");
            }
            PatternStoreName(p.Name, pc);
            return;
        }
        pc.OnTop++;
        AddOpI(COPY, 1);
        Pattern(p.Pattern, pc);
        pc.OnTop--;
        PatternStoreName(p.Name, pc);
    }

    private void ValidateKwdAttrs(string[] attrs, PatternNode[] patterns)
    {
        for (int i = 0; i < attrs.Length; i++)
        {
            SetLoc(patterns[i]);
            ForbiddenName(attrs[i], ExprContext.Store);
            for (int j = i + 1; j < attrs.Length; j++)
            {
                if (attrs[i] == attrs[j])
                {
                    SetLoc(patterns[j]);
                    throw Error($"attribute name repeated in class pattern: {attrs[i]}");
                }
            }
        }
    }

    private void PatternClass(MatchClass p, PatternContext pc)
    {
        var patterns = p.Patterns;
        var kwdAttrs = p.KwdAttrs;
        var kwdPatterns = p.KwdPatterns;
        int nargs = patterns.Length, nattrs = kwdAttrs.Length;
        if (nattrs != kwdPatterns.Length)
        {
            throw Error($"kwd_attrs ({nattrs}) / kwd_patterns ({kwdPatterns.Length}) length mismatch in class pattern");
        }
        if (nattrs > 0)
        {
            ValidateKwdAttrs(kwdAttrs, kwdPatterns);
            SetLoc(p);
        }
        VisitExpr(p.Cls);
        var names = new object[nattrs];
        for (int i = 0; i < nattrs; i++)
        {
            names[i] = kwdAttrs[i];
        }
        LoadConst(new ConstantTuple(names));
        AddOpI(MATCH_CLASS, nargs);
        AddOpI(COPY, 1);
        LoadConst(ConstantSingleton.None);
        AddOpI(IS_OP, 1);
        // TOS is a tuple of (nargs + nattrs) attributes, or None.
        pc.OnTop++;
        JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        AddOpI(UNPACK_SEQUENCE, nargs + nattrs);
        pc.OnTop += nargs + nattrs - 1;
        for (int i = 0; i < nargs + nattrs; i++)
        {
            pc.OnTop--;
            var pattern = i < nargs ? patterns[i] : kwdPatterns[i - nargs];
            if (IsWildcard(pattern))
            {
                AddOp(POP_TOP);
                continue;
            }
            PatternSubpattern(pattern, pc);
        }
    }

    private void PatternMapping(MatchMapping p, PatternContext pc)
    {
        var keys = p.Keys;
        var patterns = p.Patterns;
        int size = keys.Length;
        if (size != patterns.Length)
        {
            throw Error($"keys ({size}) / patterns ({patterns.Length}) length mismatch in mapping pattern");
        }
        var starTarget = p.Rest;
        pc.OnTop++;
        AddOp(MATCH_MAPPING);
        JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        if (size == 0 && starTarget is null)
        {
            // {} matches any mapping: pop the subject.
            pc.OnTop--;
            AddOp(POP_TOP);
            return;
        }
        if (size > 0)
        {
            AddOp(GET_LEN);
            LoadConst(new BigInteger(size));
            AddOpI(COMPARE_OP, (int)CompareOp.Ge);
            JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        }
        var seen = new HashSet<object>(PyValue.Comparer);
        for (int i = 0; i < size; i++)
        {
            var key = keys[i];
            if (key is null)
            {
                SetLoc(patterns[i]);
                throw Error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
            }
            if (key is Constant c)
            {
                if (!seen.Add(c.Value))
                {
                    throw Error($"mapping pattern checks duplicate key ({PyValue.Repr(c.Value)})");
                }
            }
            else if (key is not Attribute)
            {
                throw Error("mapping pattern keys may only match literals and attribute lookups");
            }
            VisitExpr(key);
        }
        AddOpI(BUILD_TUPLE, size);
        AddOp(MATCH_KEYS);
        // A tuple of keys and a tuple of values (or None) are on top of the subject.
        pc.OnTop += 2;
        AddOpI(COPY, 1);
        LoadConst(ConstantSingleton.None);
        AddOpI(IS_OP, 1);
        JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        AddOpI(UNPACK_SEQUENCE, size);
        pc.OnTop += size - 1;
        for (int i = 0; i < size; i++)
        {
            pc.OnTop--;
            PatternSubpattern(patterns[i], pc);
        }
        pc.OnTop -= 2;
        if (starTarget is not null)
        {
            // rest = dict(subject); del rest[key] for each key.
            AddOpI(BUILD_MAP, 0);
            AddOpI(SWAP, 3);
            AddOpI(DICT_UPDATE, 2);
            AddOpI(UNPACK_SEQUENCE, size);
            while (size > 0)
            {
                AddOpI(COPY, 1 + size--);
                AddOpI(SWAP, 2);
                AddOp(DELETE_SUBSCR);
            }
            PatternStoreName(starTarget, pc);
        }
        else
        {
            AddOp(POP_TOP);
            AddOp(POP_TOP);
        }
    }

    private void PatternOr(MatchOr p, PatternContext pc)
    {
        var end = NewBlock();
        int size = p.Patterns.Length;
        var oldStores = pc.Stores;
        var oldFailPop = pc.FailPop;
        int oldOnTop = pc.OnTop;
        bool oldAllow = pc.AllowIrrefutable;
        List<string>? control = null;
        for (int i = 0; i < size; i++)
        {
            var alt = p.Patterns[i];
            SetLoc(alt);
            pc.Stores = new();
            pc.AllowIrrefutable = i == size - 1 && oldAllow;
            pc.FailPop = new();
            pc.OnTop = 0;
            AddOpI(COPY, 1);
            Pattern(alt, pc);
            int nstores = pc.Stores.Count;
            if (i == 0)
            {
                // The first alternative's names fix the set and order of the others'.
                control = pc.Stores;
            }
            else if (nstores != control!.Count)
            {
                throw Error("alternative patterns bind different names");
            }
            else if (nstores > 0)
            {
                for (int icontrol = nstores - 1; icontrol >= 0; icontrol--)
                {
                    var name = control[icontrol];
                    int istores = pc.Stores.IndexOf(name);
                    if (istores < 0)
                    {
                        throw Error("alternative patterns bind different names");
                    }
                    if (icontrol != istores)
                    {
                        // Reorder the stack (and the names) to match control.
                        int rotations = istores + 1;
                        var rotated = pc.Stores.GetRange(0, rotations);
                        pc.Stores.RemoveRange(0, rotations);
                        pc.Stores.InsertRange(icontrol - istores, rotated);
                        while (rotations-- > 0)
                        {
                            PatternRotate(icontrol + 1);
                        }
                    }
                }
            }
            AddOpJ(JUMP, end);
            EmitAndResetFailPop(pc);
        }
        pc.Stores = oldStores;
        pc.FailPop = oldFailPop;
        pc.OnTop = oldOnTop;
        pc.AllowIrrefutable = oldAllow;
        // No alternative matched: pop the subject's copy and fail.
        AddOp(POP_TOP);
        JumpToFailPop(pc, JUMP);
        UseNextBlock(end);
        int n = control!.Count;
        int nrots = n + 1 + pc.OnTop + pc.Stores.Count;
        for (int i = 0; i < n; i++)
        {
            PatternRotate(nrots);
            var name = control[i];
            if (pc.Stores.Contains(name))
            {
                throw DuplicateStore(name);
            }
            pc.Stores.Add(name);
        }
        AddOp(POP_TOP);
    }

    private void PatternSequence(MatchSequence p, PatternContext pc)
    {
        var patterns = p.Patterns;
        int size = patterns.Length;
        int star = -1;
        bool onlyWildcard = true;
        bool starWildcard = false;
        for (int i = 0; i < size; i++)
        {
            var pattern = patterns[i];
            if (pattern is MatchStar)
            {
                if (star >= 0)
                {
                    throw Error("multiple starred names in sequence pattern");
                }
                starWildcard = IsStarWildcard(pattern);
                onlyWildcard &= starWildcard;
                star = i;
                continue;
            }
            onlyWildcard &= IsWildcard(pattern);
        }
        pc.OnTop++;
        AddOp(MATCH_SEQUENCE);
        JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        if (star < 0)
        {
            AddOp(GET_LEN);
            LoadConst(new BigInteger(size));
            AddOpI(COMPARE_OP, (int)CompareOp.Eq);
            JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        }
        else if (size > 1)
        {
            AddOp(GET_LEN);
            LoadConst(new BigInteger(size - 1));
            AddOpI(COMPARE_OP, (int)CompareOp.Ge);
            JumpToFailPop(pc, POP_JUMP_IF_FALSE);
        }
        pc.OnTop--;
        if (onlyWildcard)
        {
            AddOp(POP_TOP);
        }
        else if (starWildcard)
        {
            PatternSequenceSubscr(patterns, star, pc);
        }
        else
        {
            PatternSequenceUnpack(patterns, pc);
        }
    }

    private void Pattern(PatternNode p, PatternContext pc)
    {
        SetLoc(p);
        switch (p)
        {
            case MatchValue v:
                if (v.Value is not (Constant or Attribute))
                {
                    throw Error("patterns may only match literals and attribute lookups");
                }
                VisitExpr(v.Value);
                AddOpI(COMPARE_OP, (int)CompareOp.Eq);
                JumpToFailPop(pc, POP_JUMP_IF_FALSE);
                break;
            case MatchSingleton s:
                LoadConst(s.Value);
                AddOpI(IS_OP, 0);
                JumpToFailPop(pc, POP_JUMP_IF_FALSE);
                break;
            case MatchSequence s:
                PatternSequence(s, pc);
                break;
            case MatchMapping m:
                PatternMapping(m, pc);
                break;
            case MatchClass c:
                PatternClass(c, pc);
                break;
            case MatchStar s:
                PatternStoreName(s.Name, pc);
                break;
            case MatchAs a:
                PatternAs(a, pc);
                break;
            case MatchOr o:
                PatternOr(o, pc);
                break;
        }
    }

    private void MatchStmt(Match s)
    {
        var pc = new PatternContext();
        VisitExpr(s.Subject);
        var end = NewBlock();
        int cases = s.Cases.Length;
        var m = s.Cases[cases - 1];
        bool hasDefault = IsWildcard(m.Pattern) && 1 < cases;
        int last = cases - (hasDefault ? 1 : 0);
        for (int i = 0; i < last; i++)
        {
            m = s.Cases[i];
            SetLoc(m.Pattern);
            // Only copy the subject if this is not the last case.
            if (i != last - 1)
            {
                AddOpI(COPY, 1);
            }
            pc.Stores = new();
            // Irrefutable cases must be either guarded, last, or both.
            pc.AllowIrrefutable = m.Guard is not null || i == cases - 1;
            pc.FailPop = new();
            pc.OnTop = 0;
            Pattern(m.Pattern, pc);
            foreach (var name in pc.Stores)
            {
                NameOp(name, ExprContext.Store);
            }
            if (m.Guard is not null)
            {
                EnsureFailPop(pc, 0);
                JumpIf(m.Guard, pc.FailPop[0], false);
            }
            if (i != last - 1)
            {
                AddOp(POP_TOP);
            }
            VisitStmts(m.Body);
            // 3.11.2 gives this jump the location of the body's last statement.
            AddOpJ(JUMP, end);
            // The cleanup of a failed match belongs to the pattern's line.
            SetLoc(m.Pattern);
            EmitAndResetFailPop(pc);
        }
        if (hasDefault)
        {
            m = s.Cases[cases - 1];
            SetLoc(m.Pattern);
            if (cases == 1)
            {
                AddOp(POP_TOP);
            }
            else
            {
                // Line coverage for the default case, which has no code of its own.
                AddOp(NOP);
            }
            if (m.Guard is not null)
            {
                JumpIf(m.Guard, end, false);
            }
            VisitStmts(m.Body);
            UnsetLoc();
        }
        UseNextBlock(end);
    }
}
