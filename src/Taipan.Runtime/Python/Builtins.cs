// Python/bltinmodule.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The <c>builtins</c> module.</summary>
[PyModule("builtins", Doc = "Built-in functions, exceptions, and other objects.")]
public static partial class Builtins
{
    private static PyModule? s_module;

    public static PyModule Module => s_module ??= CreateModule();

    /// <summary>Where <c>print</c> writes until <c>sys.stdout</c> exists.</summary>
    public static TextWriter Stdout { get; set; } = Console.Out;

    [PyMethod(Keywords = true)]
    public static void Print(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        string sep = " ", end = "\n";
        for (var k = 0; k < nkw; k++)
        {
            var name = ((PyStr)kwnames![k]).Value;
            var value = args[npos + k];
            var text = value is PyNone ? null : value as PyStr
                ?? throw Errors.PyErr.TypeError($"{name} must be None or a string, not {value.Type.Name}");
            switch (name)
            {
                case "sep":
                    sep = text?.Value ?? " ";
                    break;
                case "end":
                    end = text?.Value ?? "\n";
                    break;
                default:
                    throw Errors.PyErr.TypeError($"'{name}' is an invalid keyword argument for print()");
            }
        }
        var sb = new StringBuilder();
        for (var i = 0; i < npos; i++)
        {
            if (i > 0)
            {
                sb.Append(sep);
            }
            sb.Append(Ops.Str(args[i]).Value);
        }
        sb.Append(end);
        Stdout.Write(sb.ToString());
    }

    [PyMethod]
    public static long Len(PyObject obj)
    {
        var slot = obj.Type.Slots.Length ?? throw Errors.PyErr.TypeError($"object of type '{obj.Type.Name}' has no len()");
        return slot(obj);
    }

    [PyMethod]
    public static PyStr Repr(PyObject obj) => Ops.Repr(obj);

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("None", PyNone.Value);
        module.AddBuiltin("True", PyBool.True);
        module.AddBuiltin("False", PyBool.False);
        module.AddBuiltin("Ellipsis", PyEllipsis.Value);
        module.AddBuiltin("NotImplemented", PyNotImplemented.Value);
        foreach (var t in new[] { PyBaseObject.TypeObject, PyType.TypeObject, PyInt.TypeObject, PyBool.TypeObject, PyFloat.TypeObject, PyStr.TypeObject, PyTuple.TypeObject, PyList.TypeObject, PyDict.TypeObject })
        {
            module.AddBuiltin(t.Name, t);
        }
        foreach (var t in PyExc.All)
        {
            module.AddBuiltin(t.Name, t);
        }
    }
}
