// Objects/codeobject.c (code_new, code.replace, co_lines, co_positions, co_lnotab)
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

public sealed partial class PyCode
{
    private static readonly string[] s_replaceNames =
    [
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
        "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
        "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
    ];

    /// <summary><c>code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
    /// codestring, constants, names, varnames, filename, name, qualname, firstlineno,
    /// linetable, exceptiontable, freevars=(), cellvars=(), /)</c>. The bytecode is not
    /// checked (CPython does not either): the interpreter turns what bad bytecode does into
    /// SystemError.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("code", kwnames);
        if (args.Length < 16)
        {
            throw PyErr.TypeError($"code expected at least 16 arguments, got {args.Length}");
        }
        if (args.Length > 18)
        {
            throw PyErr.TypeError($"code expected at most 18 arguments, got {args.Length}");
        }
        return Create(
            CInt(args[0]), CInt(args[1]), CInt(args[2]), CInt(args[3]), CInt(args[4]), CInt(args[5]),
            Arg<PyBytes>(args[6], "code()", "argument 7", "bytes"),
            Arg<PyTuple>(args[7], "code()", "argument 8", "tuple"),
            Arg<PyTuple>(args[8], "code()", "argument 9", "tuple"),
            Arg<PyTuple>(args[9], "code()", "argument 10", "tuple"),
            Arg<PyStr>(args[10], "code()", "argument 11", "str"),
            Arg<PyStr>(args[11], "code()", "argument 12", "str"),
            Arg<PyStr>(args[12], "code()", "argument 13", "str"),
            CInt(args[13]),
            Arg<PyBytes>(args[14], "code()", "argument 15", "bytes"),
            Arg<PyBytes>(args[15], "code()", "argument 16", "bytes"),
            args.Length > 16 ? Arg<PyTuple>(args[16], "code()", "argument 17", "tuple") : PyTuple.Empty,
            args.Length > 17 ? Arg<PyTuple>(args[17], "code()", "argument 18", "tuple") : PyTuple.Empty);
    }

    /// <summary><c>code.replace(**changes)</c>: a copy with the given fields replaced.</summary>
    [PyMethod]
    public PyObject Replace(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var positional = args.Length - (kwnames?.Count ?? 0);
        if (positional > 0)
        {
            throw PyErr.TypeError("replace() takes no positional arguments");
        }
        var given = new PyObject?[s_replaceNames.Length];
        for (var i = 0; i < (kwnames?.Count ?? 0); i++)
        {
            var name = ((PyStr)kwnames![i]).Value;
            var index = Array.IndexOf(s_replaceNames, name);
            if (index < 0)
            {
                throw PyErr.TypeError($"'{name}' is an invalid keyword argument for replace()");
            }
            given[index] = args[positional + i];
        }
        var c = Code;
        int IntField(int i, int current)
        {
            if (given[i] is not { } v)
            {
                return current;
            }
            var value = CInt(v);
            // Argument Clinic's converter for these fields refuses negative values itself.
            return value >= 0 ? value : throw PyErr.ValueError($"{s_replaceNames[i]} must be a positive integer");
        }
        T ObjField<T>(int i, T current, string typeName) where T : PyObject =>
            given[i] is { } v ? Arg<T>(v, "replace()", $"argument '{s_replaceNames[i]}'", typeName) : current;
        return Create(
            IntField(0, c.ArgCount), IntField(1, c.PosOnlyArgCount), IntField(2, c.KwOnlyArgCount), IntField(3, c.NLocals),
            IntField(4, c.StackSize), IntField(5, (int)c.Flags),
            ObjField(7, new PyBytes(c.Code), "bytes"),
            ObjField(8, ConstsGetter(), "tuple"),
            ObjField(9, NamesGetter(), "tuple"),
            ObjField(10, VarNames(), "tuple"),
            ObjField(13, FileName(), "str"),
            ObjField(14, Name, "str"),
            ObjField(15, QualName, "str"),
            IntField(6, c.FirstLineNo),
            ObjField(16, new PyBytes(c.LineTable), "bytes"),
            ObjField(17, new PyBytes(c.ExceptionTable), "bytes"),
            ObjField(11, FreeVars(), "tuple"),
            ObjField(12, CellVars(), "tuple"));
    }

    private static int CInt(PyObject o)
    {
        var i = Ops.Index(o);
        return i.IsSmall && i.Small is >= int.MinValue and <= int.MaxValue
            ? (int)i.Small
            : throw PyErr.New(PyExc.OverflowError, "Python int too large to convert to C int");
    }

    private static T Arg<T>(PyObject o, string function, string which, string typeName) where T : PyObject =>
        o as T ?? throw PyErr.TypeError($"{function} {which} must be {typeName}, not {o.Type.Name}");

    /// <summary><c>code_new_impl</c> and <c>_PyCode_Validate</c>, in CPython's order of checks.</summary>
    private static PyCode Create(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
        PyBytes code, PyTuple consts, PyTuple names, PyTuple varnames, PyStr filename, PyStr name, PyStr qualname,
        int firstlineno, PyBytes linetable, PyBytes exceptiontable, PyTuple freevars, PyTuple cellvars)
    {
        Python.SysModule.AuditEvent("code.__new__", code, filename, name,
            PyInt.From(argcount), PyInt.From(posonlyargcount), PyInt.From(kwonlyargcount), PyInt.From(nlocals),
            PyInt.From(stacksize), PyInt.From(flags));
        if (argcount < 0)
        {
            throw PyErr.ValueError("code: argcount must not be negative");
        }
        if (posonlyargcount < 0)
        {
            throw PyErr.ValueError("code: posonlyargcount must not be negative");
        }
        if (kwonlyargcount < 0)
        {
            throw PyErr.ValueError("code: kwonlyargcount must not be negative");
        }
        if (nlocals < 0)
        {
            throw PyErr.ValueError("code: nlocals must not be negative");
        }
        var nameList = NameList(names);
        var varList = NameList(varnames);
        var freeList = NameList(freevars);
        var cellList = NameList(cellvars);
        if (argcount < posonlyargcount || stacksize < 0 || flags < 0)
        {
            throw PyErr.New(PyExc.SystemError, "../Objects/codeobject.c:250: bad argument to internal function");
        }
        if (code.Data.Length % 2 != 0)
        {
            throw PyErr.ValueError("code: co_code is malformed");
        }
        var plain = varList.Length - argcount - kwonlyargcount
            - ((flags & (int)CodeFlags.VarArgs) != 0 ? 1 : 0) - ((flags & (int)CodeFlags.VarKeywords) != 0 ? 1 : 0);
        if (plain < 0)
        {
            throw PyErr.ValueError("code: co_varnames is too small");
        }
        if (nlocals != varList.Length)
        {
            throw PyErr.ValueError("code: co_nlocals != len(co_varnames)");
        }
        // _Py_set_localsplus_info: locals (cells among them marked), other cells, free variables.
        var plusNames = new List<string>(varList);
        var plusKinds = new List<byte>();
        foreach (var v in varList)
        {
            plusKinds.Add((byte)(LocalKind.Local | (Array.IndexOf(cellList, v) >= 0 ? LocalKind.Cell : 0)));
        }
        foreach (var c in cellList)
        {
            if (Array.IndexOf(varList, c) < 0)
            {
                plusNames.Add(c);
                plusKinds.Add((byte)LocalKind.Cell);
            }
        }
        foreach (var f in freeList)
        {
            plusNames.Add(f);
            plusKinds.Add((byte)LocalKind.Free);
        }
        var constItems = consts.Items.ToArray();
        var converter = new Python.MarshalModule.ToConstant();
        var constants = new object?[constItems.Length];
        for (var i = 0; i < constItems.Length; i++)
        {
            try
            {
                constants[i] = converter.Convert(constItems[i], 0);
            }
            catch (PyException)
            {
                constants[i] = constItems[i];
            }
        }
        var result = new CodeObject
        {
            ArgCount = argcount,
            PosOnlyArgCount = posonlyargcount,
            KwOnlyArgCount = kwonlyargcount,
            StackSize = stacksize,
            Flags = (CodeFlags)flags,
            Code = code.Data.ToArray(),
            Consts = constants,
            Names = nameList,
            LocalsPlusNames = [.. plusNames],
            LocalsPlusKinds = [.. plusKinds],
            Filename = filename.Value,
            Name = name.Value,
            QualName = qualname.Value,
            FirstLineNo = firstlineno,
            LineTable = linetable.Data.ToArray(),
            ExceptionTable = exceptiontable.Data.ToArray(),
        };
        return new PyCode(result, constItems);
    }

    private static string[] NameList(PyTuple names)
    {
        var result = new string[names.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = names[i] is PyStr s ? s.Value : throw PyErr.TypeError($"name tuples must contain only strings, not '{names[i].Type.Name}'");
        }
        return result;
    }

    [PyGetter("co_code")]
    public PyBytes CodeBytes() => new(Code.Code);

    [PyGetter("_co_code_adaptive")]
    public PyBytes CodeAdaptive() => new(Code.Code);

    [PyGetter("co_linetable")]
    public PyBytes LineTableGetter() => new(Code.LineTable);

    [PyGetter("co_exceptiontable")]
    public PyBytes ExceptionTableGetter() => new(Code.ExceptionTable);

    [PyGetter("co_localsplusnames")]
    public PyTuple LocalsPlusNamesGetter() => new(Array.ConvertAll(LocalsPlusNames, n => (PyObject)n));

    [PyGetter("co_localspluskinds")]
    public PyBytes LocalsPlusKindsGetter() => new(Code.LocalsPlusKinds);

    /// <summary><c>co_lines()</c>: (start, end, line) byte ranges, one per location table
    /// entry as 3.11 gives them; line None where there is none.</summary>
    [PyMethod("co_lines")]
    public PyObject CoLines()
    {
        var items = new List<PyObject>();
        var ranges = Code.Lines;
        for (var i = 0; i < ranges.Count; i++)
        {
            var (start, end, line) = ranges[i];
            items.Add(PyTuple.Create(PyInt.From(start), PyInt.From(end), line is { } l ? PyInt.From(l) : PyNone.Value));
        }
        return Ops.GetIter(new PyList([.. items]));
    }

    /// <summary><c>co_positions()</c>: (line, end line, column, end column) per code unit.</summary>
    [PyMethod("co_positions")]
    public PyObject CoPositions()
    {
        static PyObject Opt(int? v) => v is { } x ? PyInt.From(x) : PyNone.Value;
        var positions = Code.Positions;
        var items = new PyObject[positions.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var p = positions[i];
            items[i] = PyTuple.Create(Opt(p.Line), Opt(p.EndLine), Opt(p.Column), Opt(p.EndColumn));
        }
        return Ops.GetIter(new PyList(items));
    }

    /// <summary><c>co_lnotab</c>: the pre-3.10 (byte delta, line delta) pairs, computed from
    /// the location table.</summary>
    [PyGetter("co_lnotab")]
    public PyBytes LnoTab()
    {
        var bytes = new List<byte>();
        var line = Code.FirstLineNo;
        var computed = line;
        var codeOffset = 0;
        foreach (var r in Code.Lines)
        {
            computed = r.Line ?? computed;
            if (computed != line)
            {
                var bdelta = r.Start - codeOffset;
                var ldelta = computed - line;
                while (bdelta > 255)
                {
                    bytes.Add(255);
                    bytes.Add(0);
                    bdelta -= 255;
                }
                while (ldelta > 127)
                {
                    bytes.Add((byte)bdelta);
                    bytes.Add(127);
                    bdelta = 0;
                    ldelta -= 127;
                }
                while (ldelta < -128)
                {
                    bytes.Add((byte)bdelta);
                    bytes.Add(unchecked((byte)-128));
                    bdelta = 0;
                    ldelta += 128;
                }
                bytes.Add((byte)bdelta);
                bytes.Add(unchecked((byte)ldelta));
                codeOffset = r.Start;
                line = computed;
            }
        }
        return new PyBytes([.. bytes]);
    }

    /// <summary><c>_varname_from_oparg(oparg)</c>: the localsplus name an oparg indexes.</summary>
    [PyMethod("_varname_from_oparg")]
    public PyStr VarNameFromOparg(int oparg) =>
        (uint)oparg < (uint)LocalsPlusNames.Length ? LocalsPlusNames[oparg] : throw PyErr.IndexError("tuple index out of range");
}
