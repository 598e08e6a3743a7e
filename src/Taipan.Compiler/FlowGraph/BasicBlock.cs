// Python/compile.c (struct instr, basicblock)
using Taipan.Bytecode;

namespace Taipan.Compiler.FlowGraph;

/// <summary>One instruction of the control-flow graph: an opcode (real, or pseudo from
/// <see cref="PseudoOpcode"/>), its argument, a jump or handler target, and its source range
/// (lineno -1 marks an artificial instruction; columns are UTF-8 byte offsets, -1 unknown).</summary>
internal struct Instr
{
    public int Opcode;
    public int Oparg;
    public BasicBlock? Target;

    /// <summary>The exception handler in force at this instruction (label_exception_targets).</summary>
    public BasicBlock? Except;

    public int Lineno;
    public int EndLineno;
    public int ColOffset;
    public int EndColOffset;

    /// <summary>is_jump: a jump, real or pseudo (SETUP_* are not jumps).</summary>
    public readonly bool IsJump => OpcodeInfo.Get(Opcode)!.IsJump;

    /// <summary>is_block_push: SETUP_FINALLY, SETUP_CLEANUP or SETUP_WITH.</summary>
    public readonly bool IsBlockPush => OpcodeInfo.Get(Opcode)!.IsBlockPush;

    public void CopyLocationFrom(in Instr other)
    {
        Lineno = other.Lineno;
        EndLineno = other.EndLineno;
        ColOffset = other.ColOffset;
        EndColOffset = other.EndColOffset;
    }

    public override readonly string ToString() =>
        $"{OpcodeInfo.Get(Opcode)?.Name ?? Opcode.ToString()} {Oparg} @{Lineno}";
}

/// <summary>A basic block: a run of instructions entered only at the top. <see cref="Next"/>
/// is the block that follows in code order (and receives fall-through).</summary>
internal sealed class BasicBlock
{
    private Instr[] _instrs = new Instr[8];

    public int Count;
    public BasicBlock? Next;
    public ExceptStack? ExceptStack;
    public int Predecessors;
    public int StartDepth;
    public int Offset;

    /// <summary>Ends with a return, raise or unconditional jump.</summary>
    public bool NoFallthrough;

    /// <summary>An exception handler that also receives lasti (SETUP_CLEANUP, SETUP_WITH).</summary>
    public bool PreserveLasti;

    public bool Visited;

    /// <summary>Ends with a return or raise.</summary>
    public bool Exit;

    /// <summary>Holds a RETURN_VALUE added by the code generator.</summary>
    public bool Return;

    public ref Instr this[int i] => ref _instrs[i];

    public ref Instr Last => ref _instrs[Count - 1];

    /// <summary>compiler_next_instr: room for one more instruction, returning its index.</summary>
    public int NextInstr()
    {
        if (Count == _instrs.Length)
        {
            Array.Resize(ref _instrs, _instrs.Length * 2);
        }
        _instrs[Count] = default;
        return Count++;
    }

    public void Insert(int pos, Instr instr)
    {
        NextInstr();
        Array.Copy(_instrs, pos, _instrs, pos + 1, Count - 1 - pos);
        _instrs[pos] = instr;
    }

    public bool HasLineno()
    {
        for (int i = 0; i < Count; i++)
        {
            if (_instrs[i].Lineno > 0)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The handlers in force at the start of a block (innermost last).</summary>
internal sealed class ExceptStack
{
    public BasicBlock?[] Handlers = new BasicBlock?[21];
    public int Depth;

    public ExceptStack Copy()
    {
        var copy = new ExceptStack { Depth = Depth };
        Array.Copy(Handlers, copy.Handlers, Handlers.Length);
        return copy;
    }
}
