using System.Runtime.CompilerServices;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Tests;

/// <summary>pyexpat called directly: callbacks from libexpat into Python objects, errors that
/// come back out of Parse as the Python exception, and parsers that the GC can collect.</summary>
public class PyexpatTests
{
    private static PyModule Module()
    {
        StandardModules.Register();
        var factory = Inittab.Find("pyexpat");
        Assert.NotNull(factory);
        return factory();
    }

    private static PyObject Call(PyObject target, string name, params PyObject[] args) =>
        Ops.Call(Ops.GetAttr(target, PyStr.Intern(name)), args, null);

    private static void Set(PyObject target, string name, PyObject value) => Ops.SetAttr(target, PyStr.Intern(name), value);

    private static PyObject Get(PyObject target, string name) => Ops.GetAttr(target, PyStr.Intern(name));

    private static PyBytes B(string s) => new(System.Text.Encoding.UTF8.GetBytes(s));

    [Fact]
    public void HandlersReceiveElementsAttributesAndText()
    {
        var parser = Call(Module(), "ParserCreate");
        var log = new PyList();
        var append = Get(log, "append");
        Set(parser, "EndElementHandler", append);
        Set(parser, "CharacterDataHandler", append);
        Set(parser, "CommentHandler", append);
        Assert.Equal(1L, ((PyInt)Call(parser, "Parse", B("<a x='1'>t\u00e9<!--c--><b/></a>"), PyBool.True)).Small);
        Assert.Equal("['t\u00e9', 'c', 'b', 'a']", Ops.Repr(log).Value);
    }

    [Fact]
    public void NotWellFormedInputRaisesExpatErrorWithPosition()
    {
        var parser = Call(Module(), "ParserCreate");
        var e = Assert.Throws<PyException>(() => Call(parser, "Parse", B("<a>\n <b></c>"), PyBool.True));
        Assert.Equal("ExpatError", e.Value.Type.Name);
        Assert.Equal("mismatched tag: line 2, column 6", Ops.Str(e.Value).Value);
        Assert.Equal(7L, ((PyInt)Get(e.Value, "code")).Small);
        Assert.Equal(2L, ((PyInt)Get(e.Value, "lineno")).Small);
        Assert.Equal(6L, ((PyInt)Get(e.Value, "offset")).Small);
    }

    [Fact]
    public void ExceptionInAHandlerStopsTheParserAndPropagates()
    {
        var parser = Call(Module(), "ParserCreate");
        // dict.pop of a missing key raises KeyError from inside the native callback.
        Set(parser, "EndElementHandler", Get(new PyDict(), "pop"));
        var seen = new PyDict();
        Set(parser, "StartElementHandler", Get(seen, "setdefault"));
        var e = Assert.Throws<PyException>(() => Call(parser, "Parse", B("<a><b/><c/></a>"), PyBool.True));
        Assert.Equal("KeyError", e.Value.Type.Name);
        Assert.Equal("'b'", Ops.Str(e.Value).Value);
        // The callback that raised was the last: expat was stopped (XML_ERROR_ABORTED).
        Assert.Equal("{'a': {}, 'b': {}}", Ops.Repr(seen).Value);
        Assert.Equal(35L, ((PyInt)Get(parser, "ErrorCode")).Small);
        Assert.Same(PyNone.Value, Get(parser, "StartElementHandler"));
    }

    [Fact]
    public void BufferedTextArrivesInOneCallUpToBufferSize()
    {
        var parser = Call(Module(), "ParserCreate");
        Set(parser, "buffer_text", PyBool.True);
        Set(parser, "buffer_size", PyInt.From(8));
        var log = new PyList();
        Set(parser, "CharacterDataHandler", Get(log, "append"));
        Call(parser, "Parse", B("<a>ab&amp;cd\nef&lt;ghijklmnop</a>"), PyBool.True);
        var pieces = log.Items.ToArray().Select(o => ((PyStr)o).Value).ToList();
        Assert.Equal("ab&cd\nef<ghijklmnop", string.Concat(pieces));
        // Expat delivers this text in 9 pieces; buffered, no more than buffer_size bytes a call
        // except a piece longer than the buffer, which goes alone.
        Assert.Equal(["ab&cd\nef", "<", "ghijklmnop"], pieces);
    }

    [Fact]
    public void DeepNestingDoesNotCrash()
    {
        var parser = Call(Module(), "ParserCreate");
        var log = new PyList();
        Set(parser, "EndElementHandler", Get(log, "append"));
        var depth = 20000;
        var doc = string.Concat(Enumerable.Repeat("<e>", depth)) + string.Concat(Enumerable.Repeat("</e>", depth));
        Call(parser, "Parse", B(doc), PyBool.True);
        Assert.Equal(depth, log.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference MakeParsers(PyModule module)
    {
        WeakReference? last = null;
        for (var i = 0; i < 200; i++)
        {
            var p = Call(module, "ParserCreate");
            Set(p, "StartElementHandler", Get(new PyDict(), "setdefault"));
            Call(p, "Parse", B("<a/>"), PyBool.True);
            last = new WeakReference(p);
        }
        return last!;
    }

    [Fact]
    public void ParsersAreCollectable()
    {
        // The user-data handle expat holds must not keep the parser object alive.
        var weak = MakeParsers(Module());
        for (var i = 0; i < 3 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(weak.IsAlive);
    }
}
