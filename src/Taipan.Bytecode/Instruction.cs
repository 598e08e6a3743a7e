// Lib/dis.py (_unpack_opargs, _get_jump_target)
namespace Taipan.Bytecode;

/// <summary>One instruction of <c>co_code</c> as <c>dis.get_instructions</c> sees it (without
/// the CACHE entries): byte <see cref="Offset"/>, the opcode as stored, the argument with
/// EXTENDED_ARG prefixes folded in (null for opcodes without one) and, for jumps, the target's
/// byte offset.</summary>
public readonly record struct Instruction(int Offset, byte Opcode, int? Arg, int? JumpTarget)
{
    public OpcodeInfo Info => OpcodeInfo.Get(Opcode) ?? OpcodeInfo.Get(Bytecode.Opcode.CACHE);

    /// <summary>Decodes <paramref name="code"/> (any length; a trailing odd byte is ignored).
    /// Unknown opcodes are kept, with an argument and no caches.</summary>
    public static List<Instruction> Decode(ReadOnlySpan<byte> code)
    {
        var result = new List<Instruction>(code.Length / 2);
        var extended = 0;
        var caches = 0;
        for (var i = 0; i + 1 < code.Length; i += 2)
        {
            if (caches > 0)
            {
                caches--;
                continue;
            }

            var op = code[i];
            var info = OpcodeInfo.Get(op);
            var deopt = info?.Deopt ?? op;
            caches = info?.CacheEntries ?? 0;
            int? arg = null;
            if (deopt >= OpcodeInfo.HaveArgument)
            {
                var a = code[i + 1] | extended;

                // The argument is a C int: prefixes beyond 32 bits wrap around.
                extended = deopt == (int)Bytecode.Opcode.EXTENDED_ARG ? a << 8 : 0;
                arg = a;
            }
            else
            {
                extended = 0;
            }

            int? target = null;
            if (info is not null && arg is { } jumpArg && info.IsJump)
            {
                var delta = info.Jump == JumpKind.Backward ? -jumpArg : jumpArg;
                target = i + 2 + 2 * delta + 2 * info.CacheEntries;
            }

            result.Add(new Instruction(i, op, arg, target));
        }

        return result;
    }
}
