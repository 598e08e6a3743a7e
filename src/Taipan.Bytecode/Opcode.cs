// Include/opcode.h
namespace Taipan.Bytecode;

/// <summary>The CPython 3.11 opcodes with their numbers (<c>Include/opcode.h</c>, <c>Lib/opcode.py</c>).
/// Names are CPython's own so that <c>ToString()</c> gives what <c>dis</c> prints. The base
/// instructions are what compilers emit and <c>co_code</c> holds; the specialized (quickened)
/// instructions of PEP 659 reuse free numbers and are only ever produced by the VM at run time;
/// <see cref="DO_TRACING"/> is the interpreter's tracing marker. Everything else about an opcode
/// lives in <see cref="OpcodeInfo"/>. Compiler-only pseudo instructions are in
/// <see cref="PseudoOpcode"/>.</summary>
public enum Opcode : byte
{
    CACHE = 0,
    POP_TOP = 1,
    PUSH_NULL = 2,
    BINARY_OP_ADAPTIVE = 3,
    BINARY_OP_ADD_FLOAT = 4,
    BINARY_OP_ADD_INT = 5,
    BINARY_OP_ADD_UNICODE = 6,
    BINARY_OP_INPLACE_ADD_UNICODE = 7,
    BINARY_OP_MULTIPLY_FLOAT = 8,
    NOP = 9,
    UNARY_POSITIVE = 10,
    UNARY_NEGATIVE = 11,
    UNARY_NOT = 12,
    BINARY_OP_MULTIPLY_INT = 13,
    BINARY_OP_SUBTRACT_FLOAT = 14,
    UNARY_INVERT = 15,
    BINARY_OP_SUBTRACT_INT = 16,
    BINARY_SUBSCR_ADAPTIVE = 17,
    BINARY_SUBSCR_DICT = 18,
    BINARY_SUBSCR_GETITEM = 19,
    BINARY_SUBSCR_LIST_INT = 20,
    BINARY_SUBSCR_TUPLE_INT = 21,
    CALL_ADAPTIVE = 22,
    CALL_PY_EXACT_ARGS = 23,
    CALL_PY_WITH_DEFAULTS = 24,
    BINARY_SUBSCR = 25,
    COMPARE_OP_ADAPTIVE = 26,
    COMPARE_OP_FLOAT_JUMP = 27,
    COMPARE_OP_INT_JUMP = 28,
    COMPARE_OP_STR_JUMP = 29,
    GET_LEN = 30,
    MATCH_MAPPING = 31,
    MATCH_SEQUENCE = 32,
    MATCH_KEYS = 33,
    EXTENDED_ARG_QUICK = 34,
    PUSH_EXC_INFO = 35,
    CHECK_EXC_MATCH = 36,
    CHECK_EG_MATCH = 37,
    JUMP_BACKWARD_QUICK = 38,
    LOAD_ATTR_ADAPTIVE = 39,
    LOAD_ATTR_INSTANCE_VALUE = 40,
    LOAD_ATTR_MODULE = 41,
    LOAD_ATTR_SLOT = 42,
    LOAD_ATTR_WITH_HINT = 43,
    LOAD_CONST__LOAD_FAST = 44,
    LOAD_FAST__LOAD_CONST = 45,
    LOAD_FAST__LOAD_FAST = 46,
    LOAD_GLOBAL_ADAPTIVE = 47,
    LOAD_GLOBAL_BUILTIN = 48,
    WITH_EXCEPT_START = 49,
    GET_AITER = 50,
    GET_ANEXT = 51,
    BEFORE_ASYNC_WITH = 52,
    BEFORE_WITH = 53,
    END_ASYNC_FOR = 54,
    LOAD_GLOBAL_MODULE = 55,
    LOAD_METHOD_ADAPTIVE = 56,
    LOAD_METHOD_CLASS = 57,
    LOAD_METHOD_MODULE = 58,
    LOAD_METHOD_NO_DICT = 59,
    STORE_SUBSCR = 60,
    DELETE_SUBSCR = 61,
    LOAD_METHOD_WITH_DICT = 62,
    LOAD_METHOD_WITH_VALUES = 63,
    PRECALL_ADAPTIVE = 64,
    PRECALL_BOUND_METHOD = 65,
    PRECALL_BUILTIN_CLASS = 66,
    PRECALL_BUILTIN_FAST_WITH_KEYWORDS = 67,
    GET_ITER = 68,
    GET_YIELD_FROM_ITER = 69,
    PRINT_EXPR = 70,
    LOAD_BUILD_CLASS = 71,
    PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 72,
    PRECALL_NO_KW_BUILTIN_FAST = 73,
    LOAD_ASSERTION_ERROR = 74,
    RETURN_GENERATOR = 75,
    PRECALL_NO_KW_BUILTIN_O = 76,
    PRECALL_NO_KW_ISINSTANCE = 77,
    PRECALL_NO_KW_LEN = 78,
    PRECALL_NO_KW_LIST_APPEND = 79,
    PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST = 80,
    PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS = 81,
    LIST_TO_TUPLE = 82,
    RETURN_VALUE = 83,
    IMPORT_STAR = 84,
    SETUP_ANNOTATIONS = 85,
    YIELD_VALUE = 86,
    ASYNC_GEN_WRAP = 87,
    PREP_RERAISE_STAR = 88,
    POP_EXCEPT = 89,
    STORE_NAME = 90,
    DELETE_NAME = 91,
    UNPACK_SEQUENCE = 92,
    FOR_ITER = 93,
    UNPACK_EX = 94,
    STORE_ATTR = 95,
    DELETE_ATTR = 96,
    STORE_GLOBAL = 97,
    DELETE_GLOBAL = 98,
    SWAP = 99,
    LOAD_CONST = 100,
    LOAD_NAME = 101,
    BUILD_TUPLE = 102,
    BUILD_LIST = 103,
    BUILD_SET = 104,
    BUILD_MAP = 105,
    LOAD_ATTR = 106,
    COMPARE_OP = 107,
    IMPORT_NAME = 108,
    IMPORT_FROM = 109,
    JUMP_FORWARD = 110,
    JUMP_IF_FALSE_OR_POP = 111,
    JUMP_IF_TRUE_OR_POP = 112,
    PRECALL_NO_KW_METHOD_DESCRIPTOR_O = 113,
    POP_JUMP_FORWARD_IF_FALSE = 114,
    POP_JUMP_FORWARD_IF_TRUE = 115,
    LOAD_GLOBAL = 116,
    IS_OP = 117,
    CONTAINS_OP = 118,
    RERAISE = 119,
    COPY = 120,
    PRECALL_NO_KW_STR_1 = 121,
    BINARY_OP = 122,
    SEND = 123,
    LOAD_FAST = 124,
    STORE_FAST = 125,
    DELETE_FAST = 126,
    PRECALL_NO_KW_TUPLE_1 = 127,
    POP_JUMP_FORWARD_IF_NOT_NONE = 128,
    POP_JUMP_FORWARD_IF_NONE = 129,
    RAISE_VARARGS = 130,
    GET_AWAITABLE = 131,
    MAKE_FUNCTION = 132,
    BUILD_SLICE = 133,
    JUMP_BACKWARD_NO_INTERRUPT = 134,
    MAKE_CELL = 135,
    LOAD_CLOSURE = 136,
    LOAD_DEREF = 137,
    STORE_DEREF = 138,
    DELETE_DEREF = 139,
    JUMP_BACKWARD = 140,
    PRECALL_NO_KW_TYPE_1 = 141,
    CALL_FUNCTION_EX = 142,
    PRECALL_PYFUNC = 143,
    EXTENDED_ARG = 144,
    LIST_APPEND = 145,
    SET_ADD = 146,
    MAP_ADD = 147,
    LOAD_CLASSDEREF = 148,
    COPY_FREE_VARS = 149,
    RESUME_QUICK = 150,
    RESUME = 151,
    MATCH_CLASS = 152,
    STORE_ATTR_ADAPTIVE = 153,
    STORE_ATTR_INSTANCE_VALUE = 154,
    FORMAT_VALUE = 155,
    BUILD_CONST_KEY_MAP = 156,
    BUILD_STRING = 157,
    STORE_ATTR_SLOT = 158,
    STORE_ATTR_WITH_HINT = 159,
    LOAD_METHOD = 160,
    STORE_FAST__LOAD_FAST = 161,
    LIST_EXTEND = 162,
    SET_UPDATE = 163,
    DICT_MERGE = 164,
    DICT_UPDATE = 165,
    PRECALL = 166,
    STORE_FAST__STORE_FAST = 167,
    STORE_SUBSCR_ADAPTIVE = 168,
    STORE_SUBSCR_DICT = 169,
    STORE_SUBSCR_LIST_INT = 170,
    CALL = 171,
    KW_NAMES = 172,
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173,
    POP_JUMP_BACKWARD_IF_NONE = 174,
    POP_JUMP_BACKWARD_IF_FALSE = 175,
    POP_JUMP_BACKWARD_IF_TRUE = 176,
    UNPACK_SEQUENCE_ADAPTIVE = 177,
    UNPACK_SEQUENCE_LIST = 178,
    UNPACK_SEQUENCE_TUPLE = 179,
    UNPACK_SEQUENCE_TWO_TUPLE = 180,
    DO_TRACING = 255,
}

/// <summary>Pseudo instructions of 3.11's <c>Python/compile.c</c>: emitted by code generation and
/// removed (or turned into real jumps) by the assembler, so they never appear in <c>co_code</c>.
/// CPython numbers them -1 .. -10; here they are 256 .. 265 in the same order so that one
/// non-negative <c>int</c> space (0 .. <see cref="OpcodeInfo.MaxOpcode"/>) holds every opcode the
/// compiler handles and <see cref="OpcodeInfo"/> can index a flat table.</summary>
public enum PseudoOpcode : short
{
    /// <summary>Pushes an exception handler (target) for the following block; jump effect +1.</summary>
    SETUP_FINALLY = 256,
    /// <summary>As SETUP_FINALLY, but the handler also gets <c>lasti</c>; jump effect +2.</summary>
    SETUP_CLEANUP = 257,
    /// <summary>Handler for a <c>with</c> body; jump effect +1.</summary>
    SETUP_WITH = 258,
    /// <summary>Pops the handler pushed by the matching SETUP_*.</summary>
    POP_BLOCK = 259,
    /// <summary>Becomes JUMP_FORWARD or JUMP_BACKWARD.</summary>
    JUMP = 260,
    /// <summary>Becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.</summary>
    JUMP_NO_INTERRUPT = 261,
    /// <summary>Becomes POP_JUMP_FORWARD_IF_FALSE or POP_JUMP_BACKWARD_IF_FALSE.</summary>
    POP_JUMP_IF_FALSE = 262,
    /// <summary>Becomes POP_JUMP_FORWARD_IF_TRUE or POP_JUMP_BACKWARD_IF_TRUE.</summary>
    POP_JUMP_IF_TRUE = 263,
    /// <summary>Becomes POP_JUMP_FORWARD_IF_NONE or POP_JUMP_BACKWARD_IF_NONE.</summary>
    POP_JUMP_IF_NONE = 264,
    /// <summary>Becomes POP_JUMP_FORWARD_IF_NOT_NONE or POP_JUMP_BACKWARD_IF_NOT_NONE.</summary>
    POP_JUMP_IF_NOT_NONE = 265,
}

/// <summary>The comparison operators of COMPARE_OP's argument (<c>opcode.cmp_op</c>).</summary>
public enum CompareOp
{
    /// <summary><c>&lt;</c></summary>
    Lt = 0,
    /// <summary><c>&lt;=</c></summary>
    Le = 1,
    /// <summary><c>==</c></summary>
    Eq = 2,
    /// <summary><c>!=</c></summary>
    Ne = 3,
    /// <summary><c>&gt;</c></summary>
    Gt = 4,
    /// <summary><c>&gt;=</c></summary>
    Ge = 5,
}

/// <summary>BINARY_OP's argument (<c>NB_*</c> of <c>Include/opcode.h</c>, <c>opcode._nb_ops</c>).</summary>
public enum BinaryOp
{
    Add = 0,
    And = 1,
    FloorDivide = 2,
    LShift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    RShift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLShift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRShift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

/// <summary>MAKE_FUNCTION's argument: which optional items are on the stack below the code object.</summary>
[Flags]
public enum MakeFunctionFlags
{
    None = 0,
    /// <summary>A tuple of positional defaults.</summary>
    Defaults = 0x01,
    /// <summary>A dict of keyword-only defaults.</summary>
    KwDefaults = 0x02,
    /// <summary>A tuple of annotations (name, value pairs flattened).</summary>
    Annotations = 0x04,
    /// <summary>A tuple of cells for the free variables.</summary>
    Closure = 0x08,
}

/// <summary>FORMAT_VALUE's argument: conversion in the low two bits, bit 2 = a format spec is on the stack.</summary>
[Flags]
public enum FormatValueFlags
{
    /// <summary>No conversion.</summary>
    None = 0x0,
    /// <summary><c>!s</c></summary>
    Str = 0x1,
    /// <summary><c>!r</c></summary>
    Repr = 0x2,
    /// <summary><c>!a</c></summary>
    Ascii = 0x3,
    /// <summary>Mask of the conversion bits.</summary>
    ConversionMask = 0x3,
    /// <summary>A format spec is on top of the value.</summary>
    HaveSpec = 0x4,
}
