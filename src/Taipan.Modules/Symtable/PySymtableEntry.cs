// Python/symtable.c (the symtable entry type)
using System.Globalization;
using Taipan.Compiler.Symtable;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Symtable;

/// <summary><c>symtable entry</c> (PySTEntryObject): a read-only snapshot of one block of
/// the compiler's symbol table; its dict and lists are made once, so each attribute read
/// returns the same object, as CPython's members do.</summary>
[PyType("symtable entry")]
public sealed partial class PySymtableEntry : PyObject
{
    private static long s_nextId = 1;

    private readonly PyInt _id;
    private readonly PyStr _name;
    private readonly int _type;
    private readonly int _lineno;
    private readonly bool _nested;
    private readonly PyDict _symbols = new();
    private readonly PyList _varnames = new();
    private readonly PyList _children = new();

    private PySymtableEntry(SymtableEntry ste)
    {
        // CPython shows the address of the block's AST node; a counter is as unique.
        _id = PyInt.From(Interlocked.Increment(ref s_nextId));
        _name = new PyStr(ste.Name);
        _type = (int)ste.Type;
        _lineno = ste.Lineno;
        _nested = ste.Nested;
        foreach (var (name, flags) in ste.Symbols)
        {
            _symbols.SetItem(new PyStr(name), PyInt.From(flags));
        }
        foreach (var name in ste.Varnames)
        {
            _varnames.Append(new PyStr(name));
        }
    }

    /// <summary>The entries of a block and all blocks inside it, without recursion.</summary>
    internal static PySymtableEntry Tree(SymtableEntry top)
    {
        var root = new PySymtableEntry(top);
        var work = new Stack<(SymtableEntry, PySymtableEntry)>();
        work.Push((top, root));
        while (work.Count > 0)
        {
            var (ste, entry) = work.Pop();
            foreach (var child in ste.Children)
            {
                var c = new PySymtableEntry(child);
                entry._children.Append(c);
                work.Push((child, c));
            }
        }
        return root;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 'symtable entry' instances");

    [PyGetter("id")]
    public PyObject Id => _id;

    [PyGetter("name")]
    public PyObject Name => _name;

    [PyGetter("symbols")]
    public PyObject Symbols => _symbols;

    [PyGetter("varnames")]
    public PyObject Varnames => _varnames;

    [PyGetter("children")]
    public PyObject Children => _children;

    [PyGetter("type")]
    public int BlockType => _type;

    [PyGetter("lineno")]
    public int Lineno => _lineno;

    [PyGetter("nested")]
    public int Nested => _nested ? 1 : 0;

    [PySlot("tp_repr")]
    public static PyObject Repr(PyObject self)
    {
        var e = (PySymtableEntry)self;
        return new PyStr(string.Create(CultureInfo.InvariantCulture, $"<symtable entry {e._name.Value}({e._id}), line {e._lineno}>"));
    }
}
