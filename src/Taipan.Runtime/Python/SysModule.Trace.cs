// Python/sysmodule.c (settrace, setprofile, breakpointhook)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class SysModule
{
    [PyMethod]
    public static void SetTrace(PyObject function)
    {
        RunAuditHooks(PyStr.Intern("sys.settrace"), PyTuple.Empty);
        ThreadState.Current.SetTrace(function is PyNone ? null : function);
    }

    [PyMethod]
    public static PyObject GetTrace() => ThreadState.Current.TraceFunction ?? PyNone.Value;

    [PyMethod]
    public static void SetProfile(PyObject function)
    {
        RunAuditHooks(PyStr.Intern("sys.setprofile"), PyTuple.Empty);
        ThreadState.Current.SetProfile(function is PyNone ? null : function);
    }

    /// <summary>Runs the audit hooks for an event the runtime raises.</summary>
    internal static void AuditEvent(string name, params PyObject[] args) => RunAuditHooks(PyStr.Intern(name), new PyTuple(args));

    /// <summary>A profile function installed from C# (such as _lsprof's) reports the object it
    /// acts for, as CPython's <c>c_profileobj</c>.</summary>
    [PyMethod]
    public static PyObject GetProfile() => ThreadState.Current.ProfileFunction switch
    {
        IProfileHook hook => hook.Owner,
        { } function => function,
        null => PyNone.Value,
    };

    /// <summary><c>sys.breakpointhook(*args, **kws)</c>: calls the function PYTHONBREAKPOINT
    /// names (<c>pdb.set_trace</c> by default; "0" does nothing); one that cannot be imported
    /// is reported with a RuntimeWarning and ignored.</summary>
    [PyMethod]
    public static PyObject BreakpointHook(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var ignoreEnvironment = s_config.Flags.Count > 7 && s_config.Flags[7].Value is true or 1;
        var name = ignoreEnvironment ? null : Environment.GetEnvironmentVariable("PYTHONBREAKPOINT");
        if (string.IsNullOrEmpty(name))
        {
            name = "pdb.set_trace";
        }
        else if (name == "0")
        {
            return PyNone.Value;
        }
        var dot = name.LastIndexOf('.');
        if (dot != 0)
        {
            var modulePath = dot < 0 ? "builtins" : name[..dot];
            var attribute = dot < 0 ? name : name[(dot + 1)..];
            PyObject? hook = null;
            try
            {
                var module = Import.ImportModuleLevel(new PyStr(modulePath), null, new PyList([PyStr.Intern("__name__")]), 0);
                hook = Ops.GetAttr(module, new PyStr(attribute));
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.ImportError) || e.Value.Type.IsSubtypeOf(PyExc.AttributeError))
            {
            }
            if (hook is not null)
            {
                return Ops.Call(hook, args, kwnames);
            }
        }
        Warnings.Warn(PyExc.RuntimeWarning, $"Ignoring unimportable $PYTHONBREAKPOINT: \"{name}\"", 0);
        return PyNone.Value;
    }
}

/// <summary>A callable set with <see cref="ThreadState.SetProfile"/> on behalf of another
/// object, which <c>sys.getprofile()</c> returns instead (CPython's profile object of a C
/// profile function).</summary>
public interface IProfileHook
{
    PyObject Owner { get; }
}
