// Python/compile.c (assembler: jump offsets, co_code, location table, exception table)
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.Assembler;

/// <summary>Lays out the optimized graph as 3.11 bytecode: real jumps with relative
/// offsets, EXTENDED_ARG prefixes, inline CACHE entries, the PEP 626/657 location table
/// and the exception table.</summary>
internal static class Assembler
{
    /// <summary>instr_size in code units.</summary>
    public static int InstrSize(in Instr instruction)
    {
        var info = OpcodeInfo.Get(instruction.Opcode)!;
        int oparg = info.HasArgument ? instruction.Oparg : 0;
        int extendedArgs = (0xFFFFFF < oparg ? 1 : 0) + (0xFFFF < oparg ? 1 : 0) + (0xFF < oparg ? 1 : 0);
        return extendedArgs + 1 + info.CacheEntries;
    }

    private static int BlockSize(BasicBlock b)
    {
        int size = 0;
        for (int i = 0; i < b.Count; i++)
        {
            size += InstrSize(b[i]);
        }
        return size;
    }

    /// <summary>normalize_jumps: pseudo jumps become forward or backward real jumps.</summary>
    public static void NormalizeJumps(BasicBlock entry)
    {
        for (var b = entry; b is not null; b = b.Next)
        {
            b.Visited = false;
        }
        for (var b = entry; b is not null; b = b.Next)
        {
            b.Visited = true;
            if (b.Count == 0)
            {
                continue;
            }
            ref var last = ref b.Last;
            if (!last.IsJump)
            {
                continue;
            }
            bool isForward = !last.Target!.Visited;
            switch (last.Opcode)
            {
                case (int)JUMP:
                    last.Opcode = isForward ? (int)JUMP_FORWARD : (int)JUMP_BACKWARD;
                    break;
                case (int)JUMP_NO_INTERRUPT:
                    last.Opcode = isForward ? (int)JUMP_FORWARD : (int)JUMP_BACKWARD_NO_INTERRUPT;
                    break;
                case (int)POP_JUMP_IF_NOT_NONE:
                    last.Opcode = isForward ? (int)POP_JUMP_FORWARD_IF_NOT_NONE : (int)POP_JUMP_BACKWARD_IF_NOT_NONE;
                    break;
                case (int)POP_JUMP_IF_NONE:
                    last.Opcode = isForward ? (int)POP_JUMP_FORWARD_IF_NONE : (int)POP_JUMP_BACKWARD_IF_NONE;
                    break;
                case (int)POP_JUMP_IF_FALSE:
                    last.Opcode = isForward ? (int)POP_JUMP_FORWARD_IF_FALSE : (int)POP_JUMP_BACKWARD_IF_FALSE;
                    break;
                case (int)POP_JUMP_IF_TRUE:
                    last.Opcode = isForward ? (int)POP_JUMP_FORWARD_IF_TRUE : (int)POP_JUMP_BACKWARD_IF_TRUE;
                    break;
                case (int)JUMP_IF_TRUE_OR_POP:
                case (int)JUMP_IF_FALSE_OR_POP:
                    if (!isForward)
                    {
                        throw new Taipan.Syntax.Errors.PythonException("SystemError",
                            $"unexpected {(last.Opcode == (int)JUMP_IF_TRUE_OR_POP ? "JUMP_IF_TRUE_OR_POP" : "JUMP_IF_FALSE_OR_POP")} jumping backwards");
                    }
                    break;
            }
        }
    }

    /// <summary>assemble_jump_offsets: block offsets and relative jump arguments, repeated
    /// until no jump needs a new EXTENDED_ARG.</summary>
    public static void JumpOffsets(BasicBlock entry, List<BasicBlock> allBlocks)
    {
        bool recompile;
        do
        {
            int totsize = 0;
            for (var b = entry; b is not null; b = b.Next)
            {
                b.Offset = totsize;
                totsize += BlockSize(b);
            }
            recompile = false;
            for (int k = allBlocks.Count - 1; k >= 0; k--)
            {
                var b = allBlocks[k];
                int bsize = b.Offset;
                for (int i = 0; i < b.Count; i++)
                {
                    ref var instr = ref b[i];
                    int isize = InstrSize(instr);
                    bsize += isize;
                    if (instr.IsJump)
                    {
                        int target = instr.Target!.Offset;
                        instr.Oparg = target < bsize ? bsize - target : target - bsize;
                        if (InstrSize(instr) != isize)
                        {
                            recompile = true;
                        }
                    }
                }
            }
        }
        while (recompile);
    }

    /// <summary>co_code, once <see cref="JumpOffsets"/> has laid the blocks out.</summary>
    public static byte[] EmitCode(BasicBlock entry)
    {
        int units = 0;
        for (var b = entry; b is not null; b = b.Next)
        {
            units += BlockSize(b);
        }
        var code = new byte[units * 2];
        int pos = 0;
        for (var b = entry; b is not null; b = b.Next)
        {
            for (int i = 0; i < b.Count; i++)
            {
                ref var instruction = ref b[i];
                var info = OpcodeInfo.Get(instruction.Opcode)!;
                int oparg = info.HasArgument ? instruction.Oparg : 0;
                int size = InstrSize(instruction) - info.CacheEntries;
                for (int shift = (size - 1) * 8; shift > 0; shift -= 8)
                {
                    code[pos++] = (byte)EXTENDED_ARG;
                    code[pos++] = (byte)((oparg >> shift) & 0xFF);
                }
                code[pos++] = (byte)instruction.Opcode;
                code[pos++] = (byte)(oparg & 0xFF);
                // CACHE entries are zero: CACHE is opcode 0.
                pos += 2 * info.CacheEntries;
            }
        }
        return code;
    }

    // ---- location table (Objects/locations.md) ----------------------------------------------

    private const int ShortForm0 = 0;
    private const int OneLineForm0 = 10;
    private const int NoColumnsForm = 13;
    private const int LongForm = 14;
    private const int NoneForm = 15;

    private sealed class LocationWriter(int firstlineno)
    {
        public readonly List<byte> Table = new();
        public int Lineno = firstlineno;

        private void FirstByte(int code, int length) => Table.Add((byte)(0x80 | (code << 3) | (length - 1)));

        private void Varint(uint val)
        {
            while (val >= 64)
            {
                Table.Add((byte)(0x40 | (val & 63)));
                val >>= 6;
            }
            Table.Add((byte)val);
        }

        private void SignedVarint(int val) =>
            Varint(val < 0 ? ((uint)(-(long)val) << 1) | 1 : (uint)val << 1);

        public void Entry(in Instr i, int isize)
        {
            if (i.Lineno < 0)
            {
                FirstByte(NoneForm, isize);
                return;
            }
            int lineDelta = i.Lineno - Lineno;
            int column = i.ColOffset;
            int endColumn = i.EndColOffset;
            if (column < 0 || endColumn < 0)
            {
                if (i.EndLineno == i.Lineno || i.EndLineno == -1)
                {
                    FirstByte(NoColumnsForm, isize);
                    SignedVarint(lineDelta);
                    Lineno = i.Lineno;
                    return;
                }
            }
            else if (i.EndLineno == i.Lineno)
            {
                if (lineDelta == 0 && column < 80 && endColumn - column < 16 && endColumn >= column)
                {
                    FirstByte(ShortForm0 + (column >> 3), isize);
                    Table.Add((byte)(((column & 7) << 4) | (endColumn - column)));
                    return;
                }
                if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128)
                {
                    FirstByte(OneLineForm0 + lineDelta, isize);
                    Table.Add((byte)column);
                    Table.Add((byte)endColumn);
                    Lineno = i.Lineno;
                    return;
                }
            }
            FirstByte(LongForm, isize);
            SignedVarint(i.Lineno - Lineno);
            Varint((uint)(i.EndLineno - i.Lineno));
            Varint((uint)(i.ColOffset + 1));
            Varint((uint)(i.EndColOffset + 1));
            Lineno = i.Lineno;
        }
    }

    public static byte[] EmitLocations(BasicBlock entry, int firstlineno)
    {
        var w = new LocationWriter(firstlineno);
        for (var b = entry; b is not null; b = b.Next)
        {
            for (int j = 0; j < b.Count; j++)
            {
                int isize = InstrSize(b[j]);
                while (isize > 8)
                {
                    w.Entry(b[j], 8);
                    isize -= 8;
                }
                w.Entry(b[j], isize);
            }
        }
        return w.Table.ToArray();
    }

    // ---- exception table (Objects/exception_handling_notes.txt) ------------------------------

    private static void ExceptionTableItem(List<byte> t, int value, int msb)
    {
        const int continuation = 64;
        if (value >= 1 << 24)
        {
            t.Add((byte)((value >> 24) | continuation | msb));
            msb = 0;
        }
        if (value >= 1 << 18)
        {
            t.Add((byte)(((value >> 18) & 0x3f) | continuation | msb));
            msb = 0;
        }
        if (value >= 1 << 12)
        {
            t.Add((byte)(((value >> 12) & 0x3f) | continuation | msb));
            msb = 0;
        }
        if (value >= 1 << 6)
        {
            t.Add((byte)(((value >> 6) & 0x3f) | continuation | msb));
            msb = 0;
        }
        t.Add((byte)((value & 0x3f) | msb));
    }

    private static void ExceptionTableEntry(List<byte> t, int start, int end, BasicBlock handler)
    {
        int depth = handler.StartDepth - 1;
        if (handler.PreserveLasti)
        {
            depth -= 1;
        }
        int depthLasti = (depth << 1) | (handler.PreserveLasti ? 1 : 0);
        ExceptionTableItem(t, start, 1 << 7);
        ExceptionTableItem(t, end - start, 0);
        ExceptionTableItem(t, handler.Offset, 0);
        ExceptionTableItem(t, depthLasti, 0);
    }

    public static byte[] EmitExceptionTable(BasicBlock entry)
    {
        var t = new List<byte>();
        BasicBlock? handler = null;
        int start = -1;
        int ioffset = 0;
        for (var b = entry; b is not null; b = b.Next)
        {
            ioffset = b.Offset;
            for (int i = 0; i < b.Count; i++)
            {
                ref var instr = ref b[i];
                if (instr.Except != handler)
                {
                    if (handler is not null)
                    {
                        ExceptionTableEntry(t, start, ioffset, handler);
                    }
                    start = ioffset;
                    handler = instr.Except;
                }
                ioffset += InstrSize(instr);
            }
        }
        if (handler is not null)
        {
            ExceptionTableEntry(t, start, ioffset, handler);
        }
        return t.ToArray();
    }
}
