// Objects/exceptions.c (BaseExceptionGroup, PEP 654)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>BaseExceptionGroup</c> and <c>ExceptionGroup</c>: exceptions wrapping a
/// sequence of exceptions, split by <c>except*</c>. Instances are
/// <see cref="PyBaseException"/>s whose message and exceptions tuple are members.</summary>
public static class PyExceptionGroup
{
    public static bool IsGroup(PyObject o) => o is PyBaseException e && e.Type.IsSubtypeOf(PyExc.BaseExceptionGroup);

    public static PyStr Message(PyBaseException eg) => (PyStr)eg.Member("message");

    public static PyTuple Exceptions(PyBaseException eg) => (PyTuple)eg.Member("exceptions");

    internal static PyType MakeBaseExceptionGroup(PyType baseException)
    {
        var t = new PyType("BaseExceptionGroup", baseException, TypeFlags.BaseType | TypeFlags.HasDict | TypeFlags.Immutable, static t =>
        {
            t.AddBuiltin("message", new PyGetSetDescriptor(t, "message", static s => ((PyBaseException)s).Member("message"), null, "exception message"));
            t.AddBuiltin("exceptions", new PyGetSetDescriptor(t, "exceptions", static s => ((PyBaseException)s).Member("exceptions"), null, "nested exceptions"));
            SlotDefs.AddWrappers(t, "tp_new");
            SlotDefs.AddWrappers(t, "tp_init");
            SlotDefs.AddWrappers(t, "tp_str");
            t.AddBuiltin("derive", Method(t, "derive", static (self, excs) => Create(PyExc.BaseExceptionGroup, Message(self), excs)));
            t.AddBuiltin("split", Method(t, "split", static (self, arg) =>
            {
                var (match, rest) = Split(self, Matcher(arg), constructRest: true);
                return PyTuple.Create((PyObject?)match ?? PyNone.Value, (PyObject?)rest ?? PyNone.Value);
            }));
            t.AddBuiltin("subgroup", Method(t, "subgroup", static (self, arg) =>
                (PyObject?)Split(self, Matcher(arg), constructRest: false).Match ?? PyNone.Value));
        });
        t.Slots.New = New;
        t.Slots.Init = static (self, args, kw) =>
        {
            Python.ArgParse.NoKeywords(self.Type.Name, kw);
            ((PyBaseException)self).Args = PyBaseException.PositionalArgs(args, kw);
        };
        t.Slots.Str = static self =>
        {
            var eg = (PyBaseException)self;
            var n = Exceptions(eg).Count;
            return new PyStr($"{Message(eg).Value} ({n} sub-exception{(n > 1 ? "s" : "")})");
        };
        return t;
    }

    internal static PyType MakeExceptionGroup(PyType baseGroup, PyType exception)
    {
        var t = new PyType("ExceptionGroup", baseGroup, TypeFlags.BaseType | TypeFlags.HasDict | TypeFlags.Immutable);
        t.SetBuiltinBases([baseGroup, exception], [t, baseGroup, exception, PyExc.BaseException, PyBaseObject.TypeObject]);
        // CPython makes it with PyErr_NewException, as a class statement would.
        t.AddBuiltin("__module__", new PyStr("builtins"));
        return t;
    }

    private static PyMethodDescriptor Method(PyType owner, string name, Func<PyBaseException, PyObject, PyObject> body) =>
        new(owner, name, (self, args, kw) =>
        {
            Python.ArgParse.NoKeywords($"{owner.Name}.{name}", kw);
            if (args.Length != 1)
            {
                throw PyErr.TypeError($"{owner.Name}.{name}() takes exactly one argument ({args.Length} given)");
            }
            return body((PyBaseException)self, args[0]);
        }, null);

    /// <summary><c>BaseExceptionGroup.__new__(cls, message, exceptions)</c>.</summary>
    private static PyObject New(PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords(cls.Name, kwnames);
        if (args.Length != 2)
        {
            throw PyErr.TypeError($"BaseExceptionGroup.__new__() takes exactly 2 arguments ({args.Length} given)");
        }
        if (args[0] is not PyStr message)
        {
            throw PyErr.TypeError($"BaseExceptionGroup.__new__() argument 1 must be str, not {args[0].Type.Name}");
        }
        var seq = args[1];
        if (seq is not (PyTuple or PyList) && (seq.Type.Slots.GetItem is null || seq is PyDict))
        {
            throw PyErr.TypeError("second argument (exceptions) must be a sequence");
        }
        var excs = Ops.Iterate(seq).ToArray();
        if (excs.Length == 0)
        {
            throw PyErr.ValueError("second argument (exceptions) must be a non-empty sequence");
        }
        var nestedBase = false;
        for (var i = 0; i < excs.Length; i++)
        {
            if (excs[i] is not PyBaseException e)
            {
                throw PyErr.ValueError($"Item {i} of second argument (exceptions) is not an exception");
            }
            nestedBase |= !e.Type.IsSubtypeOf(PyExc.Exception);
        }
        if (ReferenceEquals(cls, PyExc.BaseExceptionGroup))
        {
            if (!nestedBase)
            {
                cls = PyExc.ExceptionGroup;
            }
        }
        else if (ReferenceEquals(cls, PyExc.ExceptionGroup))
        {
            if (nestedBase)
            {
                throw PyErr.TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
            }
        }
        else if (nestedBase && cls.IsSubtypeOf(PyExc.Exception))
        {
            throw PyErr.TypeError($"Cannot nest BaseExceptions in '{cls.Name}'");
        }
        var eg = new PyBaseException(cls, PyBaseException.PositionalArgs(args, kwnames));
        eg.Members["message"] = message;
        eg.Members["exceptions"] = new PyTuple(excs);
        return eg;
    }

    /// <summary><c>_PyExc_CreateExceptionGroup</c>: <c>BaseExceptionGroup(message, excs)</c>.</summary>
    public static PyBaseException Create(PyType cls, PyStr message, PyObject excs) =>
        (PyBaseException)Ops.Call(cls, [message, excs], null);

    private enum MatcherKind { Type, Predicate, InstanceIds }

    private readonly record struct MatcherSpec(MatcherKind Kind, PyObject? Value, HashSet<PyObject>? Ids);

    private static MatcherSpec Matcher(PyObject value)
    {
        if (value is not PyType && value.Type.Slots.Call is not null)
        {
            return new(MatcherKind.Predicate, value, null);
        }
        if (value is PyType t && t.IsSubtypeOf(PyExc.BaseException))
        {
            return new(MatcherKind.Type, value, null);
        }
        if (value.GetType() == typeof(PyTuple) && value is PyTuple tuple)
        {
            foreach (var item in tuple.Items)
            {
                if (item is not PyType it || !it.IsSubtypeOf(PyExc.BaseException))
                {
                    throw PyErr.TypeError("expected a function, exception type or tuple of exception types");
                }
            }
            return new(MatcherKind.Type, value, null);
        }
        throw PyErr.TypeError("expected a function, exception type or tuple of exception types");
    }

    private static bool Matches(PyBaseException exc, MatcherSpec m) => m.Kind switch
    {
        MatcherKind.Type => GivenExceptionMatches(exc, m.Value!),
        MatcherKind.Predicate => Ops.IsTrue(Ops.Call(m.Value!, [exc], null)),
        _ => m.Ids!.Contains(exc),
    };

    /// <summary><c>PyErr_GivenExceptionMatches</c> for a class or a tuple of classes.</summary>
    public static bool GivenExceptionMatches(PyObject exc, PyObject match)
    {
        if (match is PyTuple tuple)
        {
            foreach (var m in tuple.Items)
            {
                if (GivenExceptionMatches(exc, m))
                {
                    return true;
                }
            }
            return false;
        }
        return match is PyType t && exc.Type.IsSubtypeOf(t);
    }

    /// <summary><c>exceptiongroup_split_recursive</c>.</summary>
    private static (PyBaseException? Match, PyBaseException? Remainder) Split(PyBaseException exc, MatcherSpec m, bool constructRest)
    {
        if (Matches(exc, m))
        {
            return (exc, null);
        }
        if (!IsGroup(exc))
        {
            return (null, constructRest ? exc : null);
        }
        var matches = new PyList();
        var rests = new PyList();
        foreach (var e in Exceptions(exc).Items)
        {
            var (match, rest) = Split((PyBaseException)e, m, constructRest);
            if (match is not null)
            {
                matches.Append(match);
            }
            if (rest is not null)
            {
                rests.Append(rest);
            }
        }
        return (Subset(exc, matches), constructRest ? Subset(exc, rests) : null);
    }

    /// <summary><c>exceptiongroup_subset</c>: <c>orig.derive(excs)</c> with orig's traceback,
    /// cause, context and a copy of its notes; null for no exceptions.</summary>
    private static PyBaseException? Subset(PyBaseException orig, PyList excs)
    {
        if (excs.Count == 0)
        {
            return null;
        }
        if (Ops.CallMethod(orig, "derive", excs) is not PyBaseException eg || !IsGroup(eg))
        {
            throw PyErr.TypeError("derive must return an instance of BaseExceptionGroup");
        }
        eg.Traceback = orig.Traceback;
        eg.Context = orig.Context;
        eg.Cause = orig.Cause;
        eg.SuppressContext = true;
        if (Ops.TryGetAttr(orig, PyStr.Intern("__notes__")) is { } notes && notes.Type.Slots.GetItem is not null && notes is not PyDict)
        {
            Ops.SetAttr(eg, PyStr.Intern("__notes__"), new PyList(Ops.Iterate(notes).ToArray()));
        }
        return eg;
    }

    /// <summary><c>exception_group_match</c> (CHECK_EG_MATCH): the part of
    /// <paramref name="exc"/> that <paramref name="type"/> matches, a naked exception wrapped in
    /// a group, and the rest (None when nothing is left).</summary>
    public static (PyObject Match, PyObject Remainder) Match(PyObject exc, PyObject type)
    {
        if (exc is PyNone)
        {
            return (PyNone.Value, PyNone.Value);
        }
        var e = (PyBaseException)exc;
        if (GivenExceptionMatches(e, type))
        {
            if (IsGroup(e))
            {
                return (e, PyNone.Value);
            }
            var wrapped = Create(PyExc.BaseExceptionGroup, PyStr.Empty, PyTuple.Create(e));
            wrapped.Traceback = e.Traceback;
            return (wrapped, PyNone.Value);
        }
        if (IsGroup(e))
        {
            var (match, rest) = Split(e, Matcher(type), constructRest: true);
            return ((PyObject?)match ?? PyNone.Value, (PyObject?)rest ?? PyNone.Value);
        }
        return (PyNone.Value, e);
    }

    /// <summary><c>_PyExc_PrepReraiseStar</c> (PREP_RERAISE_STAR): what the except* clauses
    /// leave to raise: the unhandled and re-raised parts of <paramref name="orig"/> as one
    /// group, with the exceptions the clauses raised beside it.</summary>
    public static PyObject PrepReraiseStar(PyObject orig, PyList excs)
    {
        if (excs.Count == 0)
        {
            return PyNone.Value;
        }
        if (!IsGroup(orig))
        {
            // A naked exception was wrapped: at most one clause ran.
            return excs[0];
        }
        var origGroup = (PyBaseException)orig;
        var raised = new PyList();
        var reraised = new List<PyObject>();
        foreach (var e in Ops.Iterate(excs))
        {
            if (e is PyNone)
            {
                continue;
            }
            if (SameMetadata((PyBaseException)e, origGroup))
            {
                reraised.Add(e);
            }
            else
            {
                raised.Append(e);
            }
        }
        var ids = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        foreach (var e in reraised)
        {
            CollectLeaves(e, ids);
        }
        PyObject reraisedGroup = (PyObject?)Split(origGroup, new MatcherSpec(MatcherKind.InstanceIds, null, ids), constructRest: false).Match ?? PyNone.Value;
        if (raised.Count == 0)
        {
            return reraisedGroup;
        }
        if (reraisedGroup is not PyNone)
        {
            raised.Append(reraisedGroup);
        }
        return Create(PyExc.BaseExceptionGroup, PyStr.Empty, raised);
    }

    private static bool SameMetadata(PyBaseException a, PyBaseException b) =>
        ReferenceEquals(Notes(a), Notes(b)) && ReferenceEquals(a.Traceback, b.Traceback)
        && ReferenceEquals(a.Cause, b.Cause) && ReferenceEquals(a.Context, b.Context);

    private static PyObject? Notes(PyBaseException e) =>
        e.InstanceDict!.TryGetValue(PyStr.Intern("__notes__"), out var notes) ? notes : null;

    private static void CollectLeaves(PyObject e, HashSet<PyObject> ids)
    {
        if (e is PyNone)
        {
            return;
        }
        if (!IsGroup(e))
        {
            ids.Add(e);
            return;
        }
        foreach (var child in Exceptions((PyBaseException)e).Items)
        {
            CollectLeaves(child, ids);
        }
    }
}
