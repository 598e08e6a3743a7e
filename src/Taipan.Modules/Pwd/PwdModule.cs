// Modules/pwdmodule.c
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Pwd;

/// <summary><c>pwd</c>: the password database through the C library's getpw* functions.</summary>
[PyModule("pwd", Doc = "This module provides access to the Unix password database.\nIt is available on all Unix versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised if the entry asked for cannot be found.")]
public static partial class PwdModule
{
    private static readonly PyStructSequenceType s_structPasswd = new("pwd", "struct_passwd",
        ["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"], constructible: true);

    static partial void Initialize(PyModule module) => module.AddBuiltin("struct_passwd", s_structPasswd.Type);

    private static unsafe PyObject Entry(Libc.Passwd* p) => s_structPasswd.Create(
        Text(p->Name), Text(p->Passwd_), PyInt.From(p->Uid), PyInt.From(p->Gid), Text(p->Gecos), Text(p->Dir), Text(p->Shell));

    private static unsafe PyObject Text(byte* s) => s is null ? PyNone.Value : PosixModule.DecodeFs(Libc.CString(s));

    [PyMethod("getpwuid", Doc = "Return the password database entry for the given numeric user ID.\n\nSee `help(pwd)` for more on password database entries.")]
    public static unsafe PyObject GetPwUid(PyObject uid)
    {
        uint id;
        try
        {
            id = PosixModule.Id(uid, "uid");
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.OverflowError))
        {
            throw PyErr.KeyError(new PyStr("getpwuid(): uid not found"));
        }
        for (var size = 1024; ; size *= 2)
        {
            var buf = new byte[size];
            Libc.Passwd pwd;
            Libc.Passwd* result;
            int r;
            fixed (byte* b = buf)
            {
                r = Libc.GetPwUidR(id, &pwd, b, size, &result);
                if (r == 0 && result is not null)
                {
                    return Entry(result);
                }
            }
            if (r != Libc.ERange)
            {
                var shown = id == uint.MaxValue ? "-1" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw PyErr.KeyError(new PyStr($"getpwuid(): uid not found: {shown}"));
            }
        }
    }

    [PyMethod("getpwnam", Doc = "Return the password database entry for the given user name.\n\nSee `help(pwd)` for more on password database entries.")]
    public static unsafe PyObject GetPwNam(PyObject name)
    {
        if (name is not PyStr s)
        {
            throw PyErr.TypeError($"getpwnam() argument must be str, not {name.Type.Name}");
        }
        var encoded = PosixModule.EncodeFs(s);
        if (Array.IndexOf(encoded, (byte)0) >= 0)
        {
            throw PyErr.ValueError("embedded null byte");
        }
        var cname = PosixModule.CBytes(encoded);
        for (var size = 1024; ; size *= 2)
        {
            var buf = new byte[size];
            Libc.Passwd pwd;
            Libc.Passwd* result;
            int r;
            fixed (byte* b = buf, n = cname)
            {
                r = Libc.GetPwNamR(n, &pwd, b, size, &result);
                if (r == 0 && result is not null)
                {
                    return Entry(result);
                }
            }
            if (r != Libc.ERange)
            {
                throw PyErr.KeyError(new PyStr($"getpwnam(): name not found: {Ops.Repr(s).Value}"));
            }
        }
    }

    [PyMethod("getpwall", Doc = "Return a list of all available password database entries, in arbitrary order.\n\nSee help(pwd) for more on password database entries.")]
    public static unsafe PyObject GetPwAll()
    {
        var list = new PyList();
        // getpwent keeps its position in the C library: one walk at a time.
        lock (s_structPasswd)
        {
            Libc.SetPwEnt();
            try
            {
                Libc.Passwd* p;
                while ((p = Libc.GetPwEnt()) is not null)
                {
                    list.Append(Entry(p));
                }
            }
            finally
            {
                Libc.EndPwEnt();
            }
        }
        return list;
    }
}
