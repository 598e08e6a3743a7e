// Python/ceval.c (the instructions a program runs rarely)
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Interpreter
{
    /// <summary>The instructions that are not in the dispatch loop itself: keeping the loop
    /// small lets the JIT compile it faster and keep its hot state in registers. None of them
    /// jumps or changes frames; returns the new stack pointer.</summary>
    private static int RunCold(Opcode op, int arg, Frame frame, Span<PyObject?> s, int sp, ThreadState ts)
    {
        var code = frame.Code;
        var names = code.Names;
        switch (op)
        {
            case Opcode.DELETE_FAST:
                if (s[arg] is null)
                {
                    throw UnboundLocal(code, arg);
                }
                s[arg] = null;
                break;

            case Opcode.PRINT_EXPR:
                PrintExpr(s[--sp]!);
                s[sp] = null;
                break;

            case Opcode.DELETE_NAME:
                DeleteName(frame.Locals!, names[arg]);
                break;

            case Opcode.STORE_GLOBAL:
                frame.Globals.SetItem(names[arg], s[--sp]!);
                s[sp] = null;
                break;

            case Opcode.DELETE_ATTR:
                Ops.SetAttr(s[--sp]!, names[arg], null);
                s[sp] = null;
                break;

            case Opcode.MAKE_FUNCTION:
            {
                var fcode = (PyCode)s[--sp]!;
                var fn = new PyFunction(fcode, frame.Globals, fcode.QualName);
                if ((arg & 0x08) != 0)
                {
                    fn.Closure = Array.ConvertAll(((PyTuple)s[--sp]!).Items.ToArray(), c => (PyCell)c);
                }
                if ((arg & 0x04) != 0)
                {
                    fn.Annotations = s[--sp];
                }
                if ((arg & 0x02) != 0)
                {
                    fn.KwDefaults = (PyDict)s[--sp]!;
                }
                if ((arg & 0x01) != 0)
                {
                    fn.Defaults = (PyTuple)s[--sp]!;
                }
                ClearStack(s, sp, 1 + System.Numerics.BitOperations.PopCount((uint)arg & 0x0f));
                // The compiler puts a function's docstring, or None, first among its constants.
                if (fcode.Consts.Length > 0 && fcode.Consts[0] is PyStr doc)
                {
                    fn.Doc = doc;
                }
                s[sp++] = fn;
                break;
            }

            case Opcode.UNARY_POSITIVE:
                s[sp - 1] = Ops.Unary(s[sp - 1]!, static t => t.Positive, "+");
                break;

            case Opcode.UNARY_INVERT:
                s[sp - 1] = Ops.Unary(s[sp - 1]!, static t => t.Invert, "~");
                break;

            case Opcode.BUILD_MAP:
            {
                var dict = new PyDict();
                for (var i = sp - 2 * arg; i < sp; i += 2)
                {
                    dict.SetItem(s[i]!, s[i + 1]!);
                }
                ClearStack(s, sp - 2 * arg, 2 * arg);
                sp -= 2 * arg;
                s[sp++] = dict;
                break;
            }

            case Opcode.LIST_EXTEND:
            {
                var iterable = s[--sp]!;
                s[sp] = null;
                var list = (PyList)s[sp - arg]!;
                if (iterable.Type.Slots.Iter is null && iterable.Type.Slots.GetItem is null)
                {
                    throw PyErr.TypeError($"Value after * must be an iterable, not {iterable.Type.Name}");
                }
                list.Extend(iterable);
                break;
            }

            case Opcode.LIST_TO_TUPLE:
                s[sp - 1] = new PyTuple(((PyList)s[sp - 1]!).Items.ToArray());
                break;

            case Opcode.BUILD_CONST_KEY_MAP:
            {
                var keys = (PyTuple)s[--sp]!;
                s[sp] = null;
                var dict = new PyDict();
                for (var i = 0; i < arg; i++)
                {
                    dict.SetItem(keys[i], s[sp - arg + i]!);
                }
                ClearStack(s, sp - arg, arg);
                sp -= arg;
                s[sp++] = dict;
                break;
            }

            case Opcode.DICT_UPDATE:
            case Opcode.DICT_MERGE:
            {
                var source = s[--sp]!;
                s[sp] = null;
                var target = (PyDict)s[sp - arg]!;
                if (source is not PyDict other)
                {
                    throw PyErr.TypeError($"'{source.Type.Name}' object is not a mapping");
                }
                foreach (var (k, v) in other.Items())
                {
                    if (op == Opcode.DICT_MERGE && target.ContainsKey(k))
                    {
                        throw PyErr.TypeError($"{CallableName(s[sp - arg - 2])}() got multiple values for keyword argument '{Ops.Str(k).Value}'");
                    }
                    target.SetItem(k, v);
                }
                break;
            }

            case Opcode.CALL_FUNCTION_EX:
            {
                // Stack: NULL, callable, positional tuple, [keyword dict].
                var kwargs = (arg & 1) != 0 ? (PyDict)s[--sp]! : null;
                var posArgs = s[--sp]!;
                var callable = s[--sp]!;
                var positional = posArgs as PyTuple ?? new PyTuple(Ops.Iterate(posArgs).ToArray());
                var result = CallWithDict(callable, positional, kwargs);
                sp--;
                ClearStack(s, sp, (arg & 1) != 0 ? 4 : 3);
                s[sp++] = result;
                if (Gil.EvalBreaker != 0)
                {
                    Gil.HandleEvalBreaker(ts);
                }
                break;
            }

            case Opcode.FORMAT_VALUE:
            {
                PyStr? spec = null;
                if ((arg & 0x04) != 0)
                {
                    spec = (PyStr)s[--sp]!;
                    s[sp] = null;
                }
                var value = s[sp - 1]!;
                value = (arg & 0x03) switch
                {
                    1 => Ops.Str(value),
                    2 => Ops.Repr(value),
                    3 => Ops.Ascii(value),
                    _ => value,
                };
                s[sp - 1] = Ops.Format(value, spec);
                break;
            }

            case Opcode.BUILD_STRING:
            {
                var sb = new System.Text.StringBuilder();
                for (var i = sp - arg; i < sp; i++)
                {
                    sb.Append(((PyStr)s[i]!).Value);
                }
                ClearStack(s, sp - arg, arg);
                sp -= arg;
                s[sp++] = new PyStr(sb.ToString());
                break;
            }

            case Opcode.DELETE_SUBSCR:
            {
                var key = s[sp - 1]!;
                SetItem(s[sp - 2]!, key, null);
                sp -= 2;
                ClearStack(s, sp, 2);
                break;
            }

            case Opcode.LOAD_BUILD_CLASS:
                s[sp++] = frame.Builtins.TryGetValue(PyStr.Intern("__build_class__"), out var buildClass)
                    ? buildClass
                    : throw PyErr.New(PyExc.NameError, "__build_class__ not found");
                break;

            case Opcode.LOAD_CLASSDEREF:
            {
                var name = code.LocalsPlusNames[arg];
                s[sp++] = frame.Locals!.TryGetValue(name, out var local)
                    ? local
                    : ((PyCell)s[arg]!).Contents ?? throw FreeVarError(code, arg);
                break;
            }

            case Opcode.LOAD_ASSERTION_ERROR:
                s[sp++] = PyExc.AssertionError;
                break;

            case Opcode.MAKE_CELL:
                s[arg] = new PyCell(s[arg]);
                break;

            case Opcode.COPY_FREE_VARS:
                // CreateFrame has already placed the closure's cells.
                break;

            case Opcode.GET_YIELD_FROM_ITER:
                if (s[sp - 1] is not PyGenerator)
                {
                    s[sp - 1] = GetYieldFromIter(s[sp - 1]!, code);
                }
                break;

            case Opcode.BEFORE_WITH:
                BeforeWith(s, sp++, isAsync: false);
                break;

            case Opcode.BEFORE_ASYNC_WITH:
                BeforeWith(s, sp++, isAsync: true);
                break;

            case Opcode.WITH_EXCEPT_START:
                s[sp] = WithExceptStart(s, sp);
                sp++;
                break;

            case Opcode.CHECK_EG_MATCH:
                CheckEgMatch(s, sp, ts);
                break;

            case Opcode.PREP_RERAISE_STAR:
            {
                var excs = (PyList)s[--sp]!;
                s[sp] = null;
                s[sp - 1] = PyExceptionGroup.PrepReraiseStar(s[sp - 1]!, excs);
                break;
            }

            case Opcode.GET_AWAITABLE:
                s[sp - 1] = GetAwaitable(s[sp - 1]!, arg);
                break;

            case Opcode.GET_AITER:
                s[sp - 1] = GetAIter(s[sp - 1]!);
                break;

            case Opcode.GET_ANEXT:
                s[sp] = GetANext(s[sp - 1]!);
                sp++;
                break;

            case Opcode.ASYNC_GEN_WRAP:
                s[sp - 1] = new PyAsyncGenWrappedValue(s[sp - 1]!);
                break;

            case Opcode.IMPORT_NAME:
            {
                var fromlist = s[--sp]!;
                s[sp] = null;
                s[sp - 1] = ImportName(frame, names[arg], fromlist, s[sp - 1]!);
                break;
            }

            case Opcode.IMPORT_FROM:
                s[sp] = Import.ImportFrom(s[sp - 1]!, names[arg]);
                sp++;
                break;

            case Opcode.IMPORT_STAR:
            {
                var module = s[--sp]!;
                s[sp] = null;
                Import.ImportStar(frame.Locals ?? throw PyErr.New(PyExc.SystemError, "no locals found during 'import *'"), module);
                break;
            }

            case Opcode.SETUP_ANNOTATIONS:
                SetupAnnotations(frame);
                break;

            case Opcode.DELETE_GLOBAL:
                if (!frame.Globals.Remove(names[arg]))
                {
                    throw NameError(names[arg]);
                }
                break;

            case Opcode.DELETE_DEREF:
            {
                var cell = (PyCell)s[arg]!;
                if (cell.Contents is null)
                {
                    throw arg >= code.LocalsPlusNames.Length - code.Code.FreeVars.Length
                        ? FreeVarError(code, arg)
                        : UnboundLocal(code, arg);
                }
                cell.Contents = null;
                break;
            }

            case Opcode.BUILD_SLICE:
            {
                var step = arg == 3 ? s[--sp]! : PyNone.Value;
                var stop = s[--sp]!;
                ClearStack(s, sp, arg - 1);
                s[sp - 1] = new PySlice(s[sp - 1]!, stop, step);
                break;
            }

            case Opcode.BUILD_SET:
            {
                var set = BuildSet(StackSpan(s, sp - arg, arg));
                ClearStack(s, sp - arg, arg);
                sp -= arg;
                s[sp++] = set;
                break;
            }

            case Opcode.SET_ADD:
                ((PySet)s[sp - 1 - arg]!).AddItem(s[--sp]!);
                s[sp] = null;
                break;

            case Opcode.SET_UPDATE:
                ((PySet)s[sp - 1 - arg]!).UpdateWith(s[--sp]!);
                s[sp] = null;
                break;

            case Opcode.MAP_ADD:
            {
                var value = s[--sp]!;
                var key = s[--sp]!;
                s[sp] = s[sp + 1] = null;
                ((PyDict)s[sp - arg]!).SetItem(key, value);
                break;
            }

            case Opcode.UNPACK_EX:
            {
                var seq = s[--sp]!;
                s[sp] = null;
                sp += UnpackEx(seq, arg & 0xFF, arg >> 8, s, sp);
                break;
            }

            case Opcode.GET_LEN:
                s[sp] = PyInt.From(Builtins.Len(s[sp - 1]!));
                sp++;
                break;

            case Opcode.MATCH_MAPPING:
                s[sp] = PyBool.From(IsMappingForMatch(s[sp - 1]!));
                sp++;
                break;

            case Opcode.MATCH_SEQUENCE:
                s[sp] = PyBool.From(IsSequenceForMatch(s[sp - 1]!));
                sp++;
                break;

            case Opcode.MATCH_KEYS:
                s[sp] = MatchKeys(s[sp - 2]!, (PyTuple)s[sp - 1]!);
                sp++;
                break;

            case Opcode.MATCH_CLASS:
            {
                var attrNames = (PyTuple)s[--sp]!;
                var cls = s[--sp]!;
                s[sp] = s[sp + 1] = null;
                s[sp - 1] = MatchClass(s[sp - 1]!, cls, arg, attrNames);
                break;
            }

            default:
                throw UnknownOpcode(frame, op);
        }
        return sp;
    }
}
