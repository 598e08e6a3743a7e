// Python/compile.c (assemble, makecode and the prefix instructions)
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using Taipan.Compiler.Future;
using Taipan.Compiler.Symtable;
using static Taipan.Bytecode.Opcode;
using Asm = Taipan.Compiler.Assembler.Assembler;

namespace Taipan.Compiler.CodeGen;

public sealed partial class Compiler
{
    private CodeFlags ComputeCodeFlags()
    {
        var ste = _u.Ste;
        var flags = CodeFlags.None;
        if (ste.Type == BlockType.Function)
        {
            flags |= CodeFlags.NewLocals | CodeFlags.Optimized;
            if (ste.Nested)
            {
                flags |= CodeFlags.Nested;
            }
            if (ste.Generator && !ste.Coroutine)
            {
                flags |= CodeFlags.Generator;
            }
            if (!ste.Generator && ste.Coroutine)
            {
                flags |= CodeFlags.Coroutine;
            }
            if (ste.Generator && ste.Coroutine)
            {
                flags |= CodeFlags.AsyncGenerator;
            }
            if (ste.VarArgs)
            {
                flags |= CodeFlags.VarArgs;
            }
            if (ste.VarKeywords)
            {
                flags |= CodeFlags.VarKeywords;
            }
        }
        flags |= (CodeFlags)(int)(_flags & CompilerFlags.Mask);
        if (IsTopLevelAwait && ste.Coroutine && !ste.Generator)
        {
            flags |= CodeFlags.Coroutine;
        }
        return flags;
    }

    /// <summary>build_cellfixedoffsets: where each cell and free variable lives in the
    /// localsplus array (a cell for an argument shares the argument's slot).</summary>
    private int[] BuildCellFixedOffsets()
    {
        int nlocals = _u.Varnames.Count;
        int noffsets = _u.Cellvars.Count + _u.Freevars.Count;
        var fixedOffsets = new int[noffsets];
        for (int i = 0; i < noffsets; i++)
        {
            fixedOffsets[i] = nlocals + i;
        }
        foreach (var (name, cellIndex) in _u.Cellvars)
        {
            if (_u.Varnames.TryGetValue(name, out var argOffset))
            {
                fixedOffsets[cellIndex] = argOffset;
            }
        }
        return fixedOffsets;
    }

    private void InsertPrefixInstructions(BasicBlock entry, int[] fixedOffsets, int nfreevars)
    {
        var flags = ComputeCodeFlags();
        if ((flags & (CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator)) != 0)
        {
            entry.Insert(0, new Instr
            {
                Opcode = (int)RETURN_GENERATOR,
                Lineno = _u.FirstLineno,
                ColOffset = -1,
                EndLineno = _u.FirstLineno,
                EndColOffset = -1,
            });
            entry.Insert(1, new Instr { Opcode = (int)POP_TOP, Lineno = -1, ColOffset = -1, EndLineno = -1, EndColOffset = -1 });
        }
        int ncellvars = _u.Cellvars.Count;
        if (ncellvars > 0)
        {
            // MAKE_CELLs in localsplus order (argument cells first).
            int nvars = ncellvars + _u.Varnames.Count;
            var sorted = new int[nvars];
            for (int i = 0; i < ncellvars; i++)
            {
                sorted[fixedOffsets[i]] = i + 1;
            }
            for (int i = 0, used = 0; used < ncellvars; i++)
            {
                int oldIndex = sorted[i] - 1;
                if (oldIndex == -1)
                {
                    continue;
                }
                entry.Insert(used, new Instr
                {
                    Opcode = (int)MAKE_CELL,
                    Oparg = oldIndex,
                    Lineno = -1,
                    ColOffset = -1,
                    EndLineno = -1,
                    EndColOffset = -1,
                });
                used++;
            }
        }
        if (nfreevars > 0)
        {
            entry.Insert(0, new Instr
            {
                Opcode = (int)COPY_FREE_VARS,
                Oparg = nfreevars,
                Lineno = -1,
                ColOffset = -1,
                EndLineno = -1,
                EndColOffset = -1,
            });
        }
    }

    /// <summary>fix_cell_offsets: cell and free opargs become localsplus indexes. Returns how
    /// many cells share an argument's slot.</summary>
    private int FixCellOffsets(BasicBlock entry, int[] fixedMap)
    {
        int nlocals = _u.Varnames.Count;
        int noffsets = _u.Cellvars.Count + _u.Freevars.Count;
        int numdropped = 0;
        for (int i = 0; i < noffsets; i++)
        {
            if (fixedMap[i] == i + nlocals)
            {
                fixedMap[i] -= numdropped;
            }
            else
            {
                numdropped++;
            }
        }
        for (var b = entry; b is not null; b = b.Next)
        {
            for (int i = 0; i < b.Count; i++)
            {
                ref var inst = ref b[i];
                switch (inst.Opcode)
                {
                    case (int)MAKE_CELL:
                    case (int)LOAD_CLOSURE:
                    case (int)LOAD_DEREF:
                    case (int)STORE_DEREF:
                    case (int)DELETE_DEREF:
                    case (int)LOAD_CLASSDEREF:
                        inst.Oparg = fixedMap[inst.Oparg];
                        break;
                }
            }
        }
        return numdropped;
    }

    private CodeObject Assemble(bool addNone)
    {
        var u = _u;
        // Every block that falls off the end returns None.
        if (!u.CurBlock.Return)
        {
            UnsetLoc();
            if (addNone)
            {
                LoadConst(Taipan.Syntax.Ast.ConstantSingleton.None);
            }
            AddOp(RETURN_VALUE);
        }
        for (int i = u.Blocks.Count - 1; i >= 0; i--)
        {
            Optimizer.NormalizeBasicBlock(u.Blocks[i]);
        }
        for (int i = u.Blocks.Count - 1; i >= 0; i--)
        {
            Optimizer.ExtendBlock(u.Blocks[i]);
        }
        var entry = u.Blocks[0];
        int nlocals = u.Varnames.Count;
        int ncellvars = u.Cellvars.Count;
        int nfreevars = u.Freevars.Count;
        int nlocalsplus = nlocals + ncellvars + nfreevars;
        var cellFixedOffsets = BuildCellFixedOffsets();
        if (u.FirstLineno == 0)
        {
            u.FirstLineno = entry.Count > 0 && entry[0].Lineno != 0 ? entry[0].Lineno : 1;
        }
        InsertPrefixInstructions(entry, cellFixedOffsets, nfreevars);
        int numdropped = FixCellOffsets(entry, cellFixedOffsets);
        nlocalsplus -= numdropped;

        var consts = new List<object>(u.ConstList);
        Optimizer.OptimizeCfg(entry, u.Blocks, consts);
        Optimizer.DuplicateExitsWithoutLineno(u.Blocks);
        Optimizer.TrimUnusedConsts(entry, consts);
        Optimizer.PropagateLineNumbers(entry);
        Optimizer.GuaranteeLinenoForExits(entry, u.FirstLineno);
        int maxdepth = StackDepth.Compute(entry, u.Blocks, u.Ste.Generator || u.Ste.Coroutine);
        ExceptionTargets.Label(entry);
        ExceptionTargets.ConvertToNops(entry);
        for (var b = entry; b is not null; b = b.Next)
        {
            Optimizer.CleanBasicBlock(b);
        }
        Asm.NormalizeJumps(entry);
        Asm.JumpOffsets(entry, u.Blocks);
        var code = Asm.EmitCode(entry);
        var linetable = Asm.EmitLocations(entry, u.FirstLineno);
        var exceptionTable = Asm.EmitExceptionTable(entry);
        return MakeCode(code, linetable, exceptionTable, consts, maxdepth, nlocalsplus);
    }

    private CodeObject MakeCode(byte[] code, byte[] linetable, byte[] exceptionTable, List<object> consts, int maxdepth, int nlocalsplus)
    {
        var u = _u;
        var names = new string[u.Names.Count];
        foreach (var (name, index) in u.Names)
        {
            names[index] = name;
        }
        var localsplusNames = new string[nlocalsplus];
        var localsplusKinds = new byte[nlocalsplus];
        foreach (var (name, offset) in u.Varnames)
        {
            var kind = LocalKind.Local;
            if (u.Cellvars.ContainsKey(name))
            {
                kind |= LocalKind.Cell;
            }
            localsplusNames[offset] = name;
            localsplusKinds[offset] = (byte)kind;
        }
        int nlocals = u.Varnames.Count;
        int numdropped = 0;
        foreach (var (name, cellIndex) in u.Cellvars.OrderBy(kv => kv.Value))
        {
            if (u.Varnames.ContainsKey(name))
            {
                numdropped++;
                continue;
            }
            int offset = cellIndex + nlocals - numdropped;
            localsplusNames[offset] = name;
            localsplusKinds[offset] = (byte)LocalKind.Cell;
        }
        foreach (var (name, freeIndex) in u.Freevars)
        {
            int offset = freeIndex + nlocals - numdropped;
            localsplusNames[offset] = name;
            localsplusKinds[offset] = (byte)LocalKind.Free;
        }
        return new CodeObject
        {
            ArgCount = u.PosOnlyArgCount + u.ArgCount,
            PosOnlyArgCount = u.PosOnlyArgCount,
            KwOnlyArgCount = u.KwOnlyArgCount,
            StackSize = maxdepth,
            Flags = ComputeCodeFlags(),
            Code = code,
            Consts = consts.ToArray(),
            Names = names,
            LocalsPlusNames = localsplusNames,
            LocalsPlusKinds = localsplusKinds,
            Filename = _filename,
            Name = u.Name,
            QualName = u.QualName ?? u.Name,
            FirstLineNo = u.FirstLineno,
            LineTable = linetable,
            ExceptionTable = exceptionTable,
        };
    }
}
