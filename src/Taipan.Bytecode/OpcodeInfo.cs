// Lib/opcode.py (opcode tables) and Python/compile.c (stack_effect)
namespace Taipan.Bytecode;

/// <summary>How an instruction's argument is a jump.</summary>
public enum JumpKind : byte
{
    None,
    /// <summary>Target = offset of the next instruction (after its caches) + oparg code units.</summary>
    Forward,
    /// <summary>Target = offset of the next instruction (after its caches) - oparg code units.</summary>
    Backward,
    /// <summary>A compiler pseudo jump to a block; the assembler picks Forward or Backward.
    /// (3.11 has no absolute jumps: <c>opcode.hasjabs</c> is empty.)</summary>
    Pseudo,
}

/// <summary>What an instruction's argument indexes (<c>opcode.hasconst</c>, <c>hasname</c>,
/// <c>haslocal</c>, <c>hasfree</c>, <c>hascompare</c>); each opcode has at most one.</summary>
public enum OpArgKind : byte
{
    None,
    /// <summary>Index into <c>co_consts</c>.</summary>
    Const,
    /// <summary>Index into <c>co_names</c> (LOAD_GLOBAL: index &lt;&lt; 1 | push-NULL bit).</summary>
    Name,
    /// <summary>Index into the fast locals (<c>co_varnames</c> part of localsplus).</summary>
    Local,
    /// <summary>Index into localsplus for cell and free variables.</summary>
    Free,
    /// <summary>A <see cref="CompareOp"/>.</summary>
    Compare,
}

/// <summary>The facts about one opcode: the single table the compiler's stack-depth pass, the
/// assembler and the VM read. Numbers 0..255 are real instructions (<see cref="Opcode"/>), 256..265
/// the compiler's pseudo instructions (<see cref="PseudoOpcode"/>). Specialized instructions report
/// their base instruction's argument use, caches and jump kind (what the VM needs to step over
/// them), but like CPython's <c>stack_effect()</c> have no stack effect of their own.</summary>
public sealed class OpcodeInfo
{
    /// <summary>The first opcode with an argument (<c>HAVE_ARGUMENT</c>).</summary>
    public const int HaveArgument = 90;

    /// <summary>The largest number in the table (the last pseudo instruction).</summary>
    public const int MaxOpcode = (int)PseudoOpcode.POP_JUMP_IF_NOT_NONE;

    /// <summary>What <see cref="StackEffect(int, int, int)"/> returns for an unknown opcode
    /// (CPython's <c>PY_INVALID_STACK_EFFECT</c>).</summary>
    public const int InvalidStackEffect = int.MaxValue;

    private static readonly OpcodeInfo?[] s_table = Build();

    private OpcodeInfo(int number, string name, OpArgKind argKind, int caches, JumpKind jump,
        bool conditional, bool unconditional, int deopt, bool specialized)
    {
        Number = number;
        Name = name;
        ArgKind = argKind;
        CacheEntries = caches;
        Jump = jump;
        IsConditionalJump = conditional;
        IsUnconditionalJump = unconditional;
        Deopt = deopt;
        IsSpecialized = specialized;
    }

    public int Number { get; }

    /// <summary>CPython's name, e.g. <c>"LOAD_CONST"</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the oparg is meaningful (<c>HAS_ARG</c>: number &gt;= 90 for base
    /// instructions; a specialized instruction answers as its base; pseudo instructions that take
    /// a target or argument answer true).</summary>
    public bool HasArgument => IsPseudo ? Number != (int)PseudoOpcode.POP_BLOCK : Deopt >= HaveArgument;

    public OpArgKind ArgKind { get; }

    /// <summary>Inline CACHE code units that follow the instruction (<c>_inline_cache_entries</c>).</summary>
    public int CacheEntries { get; }

    public JumpKind Jump { get; }

    /// <summary>A jump taken only sometimes (POP_JUMP_*, JUMP_IF_*_OR_POP, FOR_ITER, SEND).</summary>
    public bool IsConditionalJump { get; }

    /// <summary>JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, JUMP, JUMP_NO_INTERRUPT.</summary>
    public bool IsUnconditionalJump { get; }

    public bool IsJump => Jump != JumpKind.None;

    /// <summary>The base instruction (<c>_PyOpcode_Deopt</c>); itself for base and pseudo instructions.</summary>
    public int Deopt { get; }

    public bool IsSpecialized { get; }

    public bool IsPseudo => Number > 255;

    /// <summary>SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH: the target is an exception handler.</summary>
    public bool IsBlockPush => Number is (int)PseudoOpcode.SETUP_FINALLY or (int)PseudoOpcode.SETUP_CLEANUP
        or (int)PseudoOpcode.SETUP_WITH;

    /// <summary>RETURN_VALUE, RAISE_VARARGS, RERAISE: control leaves the code object.</summary>
    public bool IsScopeExit => Number is (int)Opcode.RETURN_VALUE or (int)Opcode.RAISE_VARARGS or (int)Opcode.RERAISE;

    /// <summary>The info for <paramref name="opcode"/>, or null when no such opcode exists.</summary>
    public static OpcodeInfo? Get(int opcode) => (uint)opcode < (uint)s_table.Length ? s_table[opcode] : null;

    public static OpcodeInfo Get(Opcode opcode) => s_table[(int)opcode]!;

    public static OpcodeInfo Get(PseudoOpcode opcode) => s_table[(int)opcode]!;

    /// <summary>Every defined opcode, real and pseudo, in number order.</summary>
    public static IEnumerable<OpcodeInfo> All
    {
        get
        {
            foreach (var info in s_table)
            {
                if (info is not null)
                {
                    yield return info;
                }
            }
        }
    }

    /// <summary>The stack effect of this instruction; see <see cref="StackEffect(int, int, int)"/>.</summary>
    public int StackEffect(int oparg, int jump) => StackEffect(Number, oparg, jump);

    /// <summary>3.11's <c>stack_effect(opcode, oparg, jump)</c>: the change of the stack depth.
    /// <paramref name="jump"/> is 0 for the fall-through path, 1 for the jump (or exception
    /// handler) path, -1 for the maximum of both. Returns <see cref="InvalidStackEffect"/> for
    /// specialized or unknown opcodes.</summary>
    public static int StackEffect(int opcode, int oparg, int jump)
    {
        switch (opcode)
        {
            case (int)Opcode.NOP:
            case (int)Opcode.EXTENDED_ARG:
            case (int)Opcode.RESUME:
            case (int)Opcode.CACHE:
                return 0;

            case (int)Opcode.POP_TOP:
                return -1;
            case (int)Opcode.SWAP:
                return 0;

            case (int)Opcode.UNARY_POSITIVE:
            case (int)Opcode.UNARY_NEGATIVE:
            case (int)Opcode.UNARY_NOT:
            case (int)Opcode.UNARY_INVERT:
                return 0;

            case (int)Opcode.SET_ADD:
            case (int)Opcode.LIST_APPEND:
                return -1;
            case (int)Opcode.MAP_ADD:
                return -2;

            case (int)Opcode.BINARY_SUBSCR:
                return -1;
            case (int)Opcode.STORE_SUBSCR:
                return -3;
            case (int)Opcode.DELETE_SUBSCR:
                return -2;

            case (int)Opcode.GET_ITER:
                return 0;

            case (int)Opcode.PRINT_EXPR:
                return -1;
            case (int)Opcode.LOAD_BUILD_CLASS:
                return 1;

            case (int)Opcode.RETURN_VALUE:
            case (int)Opcode.IMPORT_STAR:
                return -1;
            case (int)Opcode.SETUP_ANNOTATIONS:
            case (int)Opcode.ASYNC_GEN_WRAP:
            case (int)Opcode.YIELD_VALUE:
            case (int)PseudoOpcode.POP_BLOCK:
                return 0;
            case (int)Opcode.POP_EXCEPT:
                return -1;

            case (int)Opcode.STORE_NAME:
                return -1;
            case (int)Opcode.DELETE_NAME:
                return 0;
            case (int)Opcode.UNPACK_SEQUENCE:
                return oparg - 1;
            case (int)Opcode.UNPACK_EX:
                return (oparg & 0xFF) + (oparg >> 8);
            case (int)Opcode.FOR_ITER:
                // Exhaustion pops the iterator and jumps; otherwise the next value is pushed.
                return jump > 0 ? -1 : 1;
            case (int)Opcode.SEND:
                return jump > 0 ? -1 : 0;
            case (int)Opcode.STORE_ATTR:
                return -2;
            case (int)Opcode.DELETE_ATTR:
            case (int)Opcode.STORE_GLOBAL:
                return -1;
            case (int)Opcode.DELETE_GLOBAL:
                return 0;
            case (int)Opcode.LOAD_CONST:
            case (int)Opcode.LOAD_NAME:
                return 1;
            case (int)Opcode.BUILD_TUPLE:
            case (int)Opcode.BUILD_LIST:
            case (int)Opcode.BUILD_SET:
            case (int)Opcode.BUILD_STRING:
                return 1 - oparg;
            case (int)Opcode.BUILD_MAP:
                return 1 - 2 * oparg;
            case (int)Opcode.BUILD_CONST_KEY_MAP:
                return -oparg;
            case (int)Opcode.LOAD_ATTR:
                return 0;
            case (int)Opcode.COMPARE_OP:
            case (int)Opcode.IS_OP:
            case (int)Opcode.CONTAINS_OP:
                return -1;
            case (int)Opcode.CHECK_EXC_MATCH:
            case (int)Opcode.CHECK_EG_MATCH:
                return 0;
            case (int)Opcode.IMPORT_NAME:
                return -1;
            case (int)Opcode.IMPORT_FROM:
                return 1;

            case (int)Opcode.JUMP_FORWARD:
            case (int)Opcode.JUMP_BACKWARD:
            case (int)PseudoOpcode.JUMP:
            case (int)Opcode.JUMP_BACKWARD_NO_INTERRUPT:
            case (int)PseudoOpcode.JUMP_NO_INTERRUPT:
                return 0;

            case (int)Opcode.JUMP_IF_TRUE_OR_POP:
            case (int)Opcode.JUMP_IF_FALSE_OR_POP:
                // The value stays on the jump path (jump != 0, so also for the maximum).
                return jump != 0 ? 0 : -1;

            case (int)Opcode.POP_JUMP_BACKWARD_IF_NONE:
            case (int)Opcode.POP_JUMP_FORWARD_IF_NONE:
            case (int)PseudoOpcode.POP_JUMP_IF_NONE:
            case (int)Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE:
            case (int)Opcode.POP_JUMP_FORWARD_IF_NOT_NONE:
            case (int)PseudoOpcode.POP_JUMP_IF_NOT_NONE:
            case (int)Opcode.POP_JUMP_FORWARD_IF_FALSE:
            case (int)Opcode.POP_JUMP_BACKWARD_IF_FALSE:
            case (int)PseudoOpcode.POP_JUMP_IF_FALSE:
            case (int)Opcode.POP_JUMP_FORWARD_IF_TRUE:
            case (int)Opcode.POP_JUMP_BACKWARD_IF_TRUE:
            case (int)PseudoOpcode.POP_JUMP_IF_TRUE:
                return -1;

            case (int)Opcode.LOAD_GLOBAL:
                return (oparg & 1) + 1;

            // Handler entry restores the depth at the SETUP and pushes the exception
            // (SETUP_CLEANUP also pushes lasti; SETUP_WITH's depth excludes __enter__'s result).
            case (int)PseudoOpcode.SETUP_FINALLY:
                return jump != 0 ? 1 : 0;
            case (int)PseudoOpcode.SETUP_CLEANUP:
                return jump != 0 ? 2 : 0;
            case (int)PseudoOpcode.SETUP_WITH:
                return jump != 0 ? 1 : 0;

            case (int)Opcode.PREP_RERAISE_STAR:
            case (int)Opcode.RERAISE:
                return -1;
            case (int)Opcode.PUSH_EXC_INFO:
            case (int)Opcode.WITH_EXCEPT_START:
                return 1;

            case (int)Opcode.LOAD_FAST:
                return 1;
            case (int)Opcode.STORE_FAST:
                return -1;
            case (int)Opcode.DELETE_FAST:
                return 0;

            case (int)Opcode.RETURN_GENERATOR:
                return 0;

            case (int)Opcode.RAISE_VARARGS:
                return -oparg;

            case (int)Opcode.PRECALL:
                return -oparg;
            case (int)Opcode.KW_NAMES:
                return 0;
            case (int)Opcode.CALL:
                return -1;

            case (int)Opcode.CALL_FUNCTION_EX:
                return -2 - (oparg & 0x01);
            case (int)Opcode.MAKE_FUNCTION:
                return -((oparg & 0x01) + ((oparg >> 1) & 1) + ((oparg >> 2) & 1) + ((oparg >> 3) & 1));
            case (int)Opcode.BUILD_SLICE:
                return oparg == 3 ? -2 : -1;

            case (int)Opcode.MAKE_CELL:
            case (int)Opcode.COPY_FREE_VARS:
                return 0;
            case (int)Opcode.LOAD_CLOSURE:
            case (int)Opcode.LOAD_DEREF:
            case (int)Opcode.LOAD_CLASSDEREF:
                return 1;
            case (int)Opcode.STORE_DEREF:
                return -1;
            case (int)Opcode.DELETE_DEREF:
                return 0;

            case (int)Opcode.GET_AWAITABLE:
                return 0;
            case (int)Opcode.BEFORE_ASYNC_WITH:
            case (int)Opcode.BEFORE_WITH:
                return 1;
            case (int)Opcode.GET_AITER:
                return 0;
            case (int)Opcode.GET_ANEXT:
                return 1;
            case (int)Opcode.GET_YIELD_FROM_ITER:
                return 0;
            case (int)Opcode.END_ASYNC_FOR:
                return -2;
            case (int)Opcode.FORMAT_VALUE:
                return (oparg & (int)FormatValueFlags.HaveSpec) != 0 ? -1 : 0;
            case (int)Opcode.LOAD_METHOD:
            case (int)Opcode.LOAD_ASSERTION_ERROR:
                return 1;
            case (int)Opcode.LIST_TO_TUPLE:
                return 0;
            case (int)Opcode.LIST_EXTEND:
            case (int)Opcode.SET_UPDATE:
            case (int)Opcode.DICT_MERGE:
            case (int)Opcode.DICT_UPDATE:
                return -1;
            case (int)Opcode.MATCH_CLASS:
                return -2;
            case (int)Opcode.GET_LEN:
            case (int)Opcode.MATCH_MAPPING:
            case (int)Opcode.MATCH_SEQUENCE:
            case (int)Opcode.MATCH_KEYS:
                return 1;
            case (int)Opcode.COPY:
            case (int)Opcode.PUSH_NULL:
                return 1;
            case (int)Opcode.BINARY_OP:
                return -1;
            default:
                return InvalidStackEffect;
        }
    }

    private static OpcodeInfo?[] Build()
    {
        var table = new OpcodeInfo?[MaxOpcode + 1];
        OpcodeInfo[] rows =
        [
            Base(Opcode.CACHE),
            Base(Opcode.POP_TOP),
            Base(Opcode.PUSH_NULL),
            Specialized(Opcode.BINARY_OP_ADAPTIVE, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_OP_ADD_FLOAT, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_OP_ADD_INT, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_OP_ADD_UNICODE, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_OP_INPLACE_ADD_UNICODE, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_OP_MULTIPLY_FLOAT, Opcode.BINARY_OP),
            Base(Opcode.NOP),
            Base(Opcode.UNARY_POSITIVE),
            Base(Opcode.UNARY_NEGATIVE),
            Base(Opcode.UNARY_NOT),
            Specialized(Opcode.BINARY_OP_MULTIPLY_INT, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_OP_SUBTRACT_FLOAT, Opcode.BINARY_OP),
            Base(Opcode.UNARY_INVERT),
            Specialized(Opcode.BINARY_OP_SUBTRACT_INT, Opcode.BINARY_OP),
            Specialized(Opcode.BINARY_SUBSCR_ADAPTIVE, Opcode.BINARY_SUBSCR),
            Specialized(Opcode.BINARY_SUBSCR_DICT, Opcode.BINARY_SUBSCR),
            Specialized(Opcode.BINARY_SUBSCR_GETITEM, Opcode.BINARY_SUBSCR),
            Specialized(Opcode.BINARY_SUBSCR_LIST_INT, Opcode.BINARY_SUBSCR),
            Specialized(Opcode.BINARY_SUBSCR_TUPLE_INT, Opcode.BINARY_SUBSCR),
            Specialized(Opcode.CALL_ADAPTIVE, Opcode.CALL),
            Specialized(Opcode.CALL_PY_EXACT_ARGS, Opcode.CALL),
            Specialized(Opcode.CALL_PY_WITH_DEFAULTS, Opcode.CALL),
            Base(Opcode.BINARY_SUBSCR, caches: 4),
            Specialized(Opcode.COMPARE_OP_ADAPTIVE, Opcode.COMPARE_OP),
            Specialized(Opcode.COMPARE_OP_FLOAT_JUMP, Opcode.COMPARE_OP),
            Specialized(Opcode.COMPARE_OP_INT_JUMP, Opcode.COMPARE_OP),
            Specialized(Opcode.COMPARE_OP_STR_JUMP, Opcode.COMPARE_OP),
            Base(Opcode.GET_LEN),
            Base(Opcode.MATCH_MAPPING),
            Base(Opcode.MATCH_SEQUENCE),
            Base(Opcode.MATCH_KEYS),
            Specialized(Opcode.EXTENDED_ARG_QUICK, Opcode.EXTENDED_ARG),
            Base(Opcode.PUSH_EXC_INFO),
            Base(Opcode.CHECK_EXC_MATCH),
            Base(Opcode.CHECK_EG_MATCH),
            Specialized(Opcode.JUMP_BACKWARD_QUICK, Opcode.JUMP_BACKWARD),
            Specialized(Opcode.LOAD_ATTR_ADAPTIVE, Opcode.LOAD_ATTR),
            Specialized(Opcode.LOAD_ATTR_INSTANCE_VALUE, Opcode.LOAD_ATTR),
            Specialized(Opcode.LOAD_ATTR_MODULE, Opcode.LOAD_ATTR),
            Specialized(Opcode.LOAD_ATTR_SLOT, Opcode.LOAD_ATTR),
            Specialized(Opcode.LOAD_ATTR_WITH_HINT, Opcode.LOAD_ATTR),
            Specialized(Opcode.LOAD_CONST__LOAD_FAST, Opcode.LOAD_CONST),
            Specialized(Opcode.LOAD_FAST__LOAD_CONST, Opcode.LOAD_FAST),
            Specialized(Opcode.LOAD_FAST__LOAD_FAST, Opcode.LOAD_FAST),
            Specialized(Opcode.LOAD_GLOBAL_ADAPTIVE, Opcode.LOAD_GLOBAL),
            Specialized(Opcode.LOAD_GLOBAL_BUILTIN, Opcode.LOAD_GLOBAL),
            Base(Opcode.WITH_EXCEPT_START),
            Base(Opcode.GET_AITER),
            Base(Opcode.GET_ANEXT),
            Base(Opcode.BEFORE_ASYNC_WITH),
            Base(Opcode.BEFORE_WITH),
            Base(Opcode.END_ASYNC_FOR),
            Specialized(Opcode.LOAD_GLOBAL_MODULE, Opcode.LOAD_GLOBAL),
            Specialized(Opcode.LOAD_METHOD_ADAPTIVE, Opcode.LOAD_METHOD),
            Specialized(Opcode.LOAD_METHOD_CLASS, Opcode.LOAD_METHOD),
            Specialized(Opcode.LOAD_METHOD_MODULE, Opcode.LOAD_METHOD),
            Specialized(Opcode.LOAD_METHOD_NO_DICT, Opcode.LOAD_METHOD),
            Base(Opcode.STORE_SUBSCR, caches: 1),
            Base(Opcode.DELETE_SUBSCR),
            Specialized(Opcode.LOAD_METHOD_WITH_DICT, Opcode.LOAD_METHOD),
            Specialized(Opcode.LOAD_METHOD_WITH_VALUES, Opcode.LOAD_METHOD),
            Specialized(Opcode.PRECALL_ADAPTIVE, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_BOUND_METHOD, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_BUILTIN_CLASS, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_BUILTIN_FAST_WITH_KEYWORDS, Opcode.PRECALL),
            Base(Opcode.GET_ITER),
            Base(Opcode.GET_YIELD_FROM_ITER),
            Base(Opcode.PRINT_EXPR),
            Base(Opcode.LOAD_BUILD_CLASS),
            Specialized(Opcode.PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_NO_KW_BUILTIN_FAST, Opcode.PRECALL),
            Base(Opcode.LOAD_ASSERTION_ERROR),
            Base(Opcode.RETURN_GENERATOR),
            Specialized(Opcode.PRECALL_NO_KW_BUILTIN_O, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_NO_KW_ISINSTANCE, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_NO_KW_LEN, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_NO_KW_LIST_APPEND, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST, Opcode.PRECALL),
            Specialized(Opcode.PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS, Opcode.PRECALL),
            Base(Opcode.LIST_TO_TUPLE),
            Base(Opcode.RETURN_VALUE),
            Base(Opcode.IMPORT_STAR),
            Base(Opcode.SETUP_ANNOTATIONS),
            Base(Opcode.YIELD_VALUE),
            Base(Opcode.ASYNC_GEN_WRAP),
            Base(Opcode.PREP_RERAISE_STAR),
            Base(Opcode.POP_EXCEPT),
            Base(Opcode.STORE_NAME, OpArgKind.Name),
            Base(Opcode.DELETE_NAME, OpArgKind.Name),
            Base(Opcode.UNPACK_SEQUENCE, caches: 1),
            Base(Opcode.FOR_ITER, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.UNPACK_EX),
            Base(Opcode.STORE_ATTR, OpArgKind.Name, caches: 4),
            Base(Opcode.DELETE_ATTR, OpArgKind.Name),
            Base(Opcode.STORE_GLOBAL, OpArgKind.Name),
            Base(Opcode.DELETE_GLOBAL, OpArgKind.Name),
            Base(Opcode.SWAP),
            Base(Opcode.LOAD_CONST, OpArgKind.Const),
            Base(Opcode.LOAD_NAME, OpArgKind.Name),
            Base(Opcode.BUILD_TUPLE),
            Base(Opcode.BUILD_LIST),
            Base(Opcode.BUILD_SET),
            Base(Opcode.BUILD_MAP),
            Base(Opcode.LOAD_ATTR, OpArgKind.Name, caches: 4),
            Base(Opcode.COMPARE_OP, OpArgKind.Compare, caches: 2),
            Base(Opcode.IMPORT_NAME, OpArgKind.Name),
            Base(Opcode.IMPORT_FROM, OpArgKind.Name),
            Base(Opcode.JUMP_FORWARD, jump: JumpKind.Forward, unconditional: true),
            Base(Opcode.JUMP_IF_FALSE_OR_POP, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.JUMP_IF_TRUE_OR_POP, jump: JumpKind.Forward, conditional: true),
            Specialized(Opcode.PRECALL_NO_KW_METHOD_DESCRIPTOR_O, Opcode.PRECALL),
            Base(Opcode.POP_JUMP_FORWARD_IF_FALSE, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.POP_JUMP_FORWARD_IF_TRUE, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.LOAD_GLOBAL, OpArgKind.Name, caches: 5),
            Base(Opcode.IS_OP),
            Base(Opcode.CONTAINS_OP),
            Base(Opcode.RERAISE),
            Base(Opcode.COPY),
            Specialized(Opcode.PRECALL_NO_KW_STR_1, Opcode.PRECALL),
            Base(Opcode.BINARY_OP, caches: 1),
            Base(Opcode.SEND, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.LOAD_FAST, OpArgKind.Local),
            Base(Opcode.STORE_FAST, OpArgKind.Local),
            Base(Opcode.DELETE_FAST, OpArgKind.Local),
            Specialized(Opcode.PRECALL_NO_KW_TUPLE_1, Opcode.PRECALL),
            Base(Opcode.POP_JUMP_FORWARD_IF_NOT_NONE, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.POP_JUMP_FORWARD_IF_NONE, jump: JumpKind.Forward, conditional: true),
            Base(Opcode.RAISE_VARARGS),
            Base(Opcode.GET_AWAITABLE),
            Base(Opcode.MAKE_FUNCTION),
            Base(Opcode.BUILD_SLICE),
            Base(Opcode.JUMP_BACKWARD_NO_INTERRUPT, jump: JumpKind.Backward, unconditional: true),
            Base(Opcode.MAKE_CELL, OpArgKind.Free),
            Base(Opcode.LOAD_CLOSURE, OpArgKind.Free),
            Base(Opcode.LOAD_DEREF, OpArgKind.Free),
            Base(Opcode.STORE_DEREF, OpArgKind.Free),
            Base(Opcode.DELETE_DEREF, OpArgKind.Free),
            Base(Opcode.JUMP_BACKWARD, jump: JumpKind.Backward, unconditional: true),
            Specialized(Opcode.PRECALL_NO_KW_TYPE_1, Opcode.PRECALL),
            Base(Opcode.CALL_FUNCTION_EX),
            Specialized(Opcode.PRECALL_PYFUNC, Opcode.PRECALL),
            Base(Opcode.EXTENDED_ARG),
            Base(Opcode.LIST_APPEND),
            Base(Opcode.SET_ADD),
            Base(Opcode.MAP_ADD),
            Base(Opcode.LOAD_CLASSDEREF, OpArgKind.Free),
            Base(Opcode.COPY_FREE_VARS),
            Specialized(Opcode.RESUME_QUICK, Opcode.RESUME),
            Base(Opcode.RESUME),
            Base(Opcode.MATCH_CLASS),
            Specialized(Opcode.STORE_ATTR_ADAPTIVE, Opcode.STORE_ATTR),
            Specialized(Opcode.STORE_ATTR_INSTANCE_VALUE, Opcode.STORE_ATTR),
            Base(Opcode.FORMAT_VALUE),
            Base(Opcode.BUILD_CONST_KEY_MAP),
            Base(Opcode.BUILD_STRING),
            Specialized(Opcode.STORE_ATTR_SLOT, Opcode.STORE_ATTR),
            Specialized(Opcode.STORE_ATTR_WITH_HINT, Opcode.STORE_ATTR),
            Base(Opcode.LOAD_METHOD, OpArgKind.Name, caches: 10),
            Specialized(Opcode.STORE_FAST__LOAD_FAST, Opcode.STORE_FAST),
            Base(Opcode.LIST_EXTEND),
            Base(Opcode.SET_UPDATE),
            Base(Opcode.DICT_MERGE),
            Base(Opcode.DICT_UPDATE),
            Base(Opcode.PRECALL, caches: 1),
            Specialized(Opcode.STORE_FAST__STORE_FAST, Opcode.STORE_FAST),
            Specialized(Opcode.STORE_SUBSCR_ADAPTIVE, Opcode.STORE_SUBSCR),
            Specialized(Opcode.STORE_SUBSCR_DICT, Opcode.STORE_SUBSCR),
            Specialized(Opcode.STORE_SUBSCR_LIST_INT, Opcode.STORE_SUBSCR),
            Base(Opcode.CALL, caches: 4),
            Base(Opcode.KW_NAMES, OpArgKind.Const),
            Base(Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE, jump: JumpKind.Backward, conditional: true),
            Base(Opcode.POP_JUMP_BACKWARD_IF_NONE, jump: JumpKind.Backward, conditional: true),
            Base(Opcode.POP_JUMP_BACKWARD_IF_FALSE, jump: JumpKind.Backward, conditional: true),
            Base(Opcode.POP_JUMP_BACKWARD_IF_TRUE, jump: JumpKind.Backward, conditional: true),
            Specialized(Opcode.UNPACK_SEQUENCE_ADAPTIVE, Opcode.UNPACK_SEQUENCE),
            Specialized(Opcode.UNPACK_SEQUENCE_LIST, Opcode.UNPACK_SEQUENCE),
            Specialized(Opcode.UNPACK_SEQUENCE_TUPLE, Opcode.UNPACK_SEQUENCE),
            Specialized(Opcode.UNPACK_SEQUENCE_TWO_TUPLE, Opcode.UNPACK_SEQUENCE),
            Base(Opcode.DO_TRACING),
            Pseudo(PseudoOpcode.SETUP_FINALLY),
            Pseudo(PseudoOpcode.SETUP_CLEANUP),
            Pseudo(PseudoOpcode.SETUP_WITH),
            Pseudo(PseudoOpcode.POP_BLOCK),
            Pseudo(PseudoOpcode.JUMP, jump: JumpKind.Pseudo, unconditional: true),
            Pseudo(PseudoOpcode.JUMP_NO_INTERRUPT, jump: JumpKind.Pseudo, unconditional: true),
            Pseudo(PseudoOpcode.POP_JUMP_IF_FALSE, jump: JumpKind.Pseudo, conditional: true),
            Pseudo(PseudoOpcode.POP_JUMP_IF_TRUE, jump: JumpKind.Pseudo, conditional: true),
            Pseudo(PseudoOpcode.POP_JUMP_IF_NONE, jump: JumpKind.Pseudo, conditional: true),
            Pseudo(PseudoOpcode.POP_JUMP_IF_NOT_NONE, jump: JumpKind.Pseudo, conditional: true),
        ];
        foreach (var row in rows)
        {
            table[row.Number] = row;
        }

        // Specialized rows take their base's facts; the base rows are all in place now.
        foreach (var row in rows)
        {
            if (row.IsSpecialized)
            {
                var b = table[row.Deopt]!;
                table[row.Number] = new OpcodeInfo(row.Number, row.Name, b.ArgKind, b.CacheEntries, b.Jump,
                    b.IsConditionalJump, b.IsUnconditionalJump, b.Number, specialized: true);
            }
        }

        return table;
    }

    private static OpcodeInfo Base(Opcode op, OpArgKind arg = OpArgKind.None, int caches = 0,
        JumpKind jump = JumpKind.None, bool conditional = false, bool unconditional = false) =>
        new((int)op, op.ToString(), arg, caches, jump, conditional, unconditional, (int)op, specialized: false);

    private static OpcodeInfo Specialized(Opcode op, Opcode baseOp) =>
        new((int)op, op.ToString(), OpArgKind.None, 0, JumpKind.None, false, false, (int)baseOp, specialized: true);

    private static OpcodeInfo Pseudo(PseudoOpcode op, JumpKind jump = JumpKind.None, bool conditional = false,
        bool unconditional = false) =>
        new((int)op, op.ToString(), OpArgKind.None, 0, jump, conditional, unconditional, (int)op, specialized: false);

    public override string ToString() => Name;
}
