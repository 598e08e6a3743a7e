// Modules/grpmodule.c
using System.Globalization;
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Grp;

/// <summary><c>grp</c>: the group database through the C library's getgr* functions.</summary>
[PyModule("grp", Doc = "Access to the Unix group database.\n\nGroup entries are reported as 4-tuples containing the following fields\nfrom the group database, in order:\n\n  gr_name   - name of the group\n  gr_passwd - group password (encrypted); often empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\nThe gid is an integer, name and password are strings.  (Note that most\nusers are not explicitly listed as members of the groups they are in\naccording to the password database.  Check both databases to get\ncomplete membership information.)")]
public static unsafe partial class GrpModule
{
    private const int ERange = 34;

    private static readonly PyStructSequenceType s_structGroup = new("grp", "struct_group",
        ["gr_name", "gr_passwd", "gr_gid", "gr_mem"], constructible: true);

    static partial void Initialize(PyModule module) => module.AddBuiltin("struct_group", s_structGroup.Type);

    /// <summary><c>struct group</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Group
    {
        public byte* Name;
        public byte* Passwd;
        public uint Gid;
        public byte** Mem;
    }

    [LibraryImport("libc", EntryPoint = "getgrgid_r")]
    private static partial int GetGrGidR(uint gid, Group* grp, byte* buf, nint size, Group** result);

    [LibraryImport("libc", EntryPoint = "getgrnam_r")]
    private static partial int GetGrNamR(byte* name, Group* grp, byte* buf, nint size, Group** result);

    [LibraryImport("libc", EntryPoint = "setgrent")]
    private static partial void SetGrEnt();

    [LibraryImport("libc", EntryPoint = "getgrent")]
    private static partial Group* GetGrEnt();

    [LibraryImport("libc", EntryPoint = "endgrent")]
    private static partial void EndGrEnt();

    private static PyObject Entry(Group* g)
    {
        var members = new PyList();
        for (var m = g->Mem; m is not null && *m is not null; m++)
        {
            members.Append(PosixModule.DecodeFs(Libc.CString(*m)));
        }
        return s_structGroup.Create(Text(g->Name), Text(g->Passwd), PyInt.From(g->Gid), members);
    }

    private static PyObject Text(byte* s) => s is null ? PyNone.Value : PosixModule.DecodeFs(Libc.CString(s));

    [PyMethod("getgrgid", Keywords = true, Doc = "Return the group database entry for the given numeric group ID.\n\nIf id is not valid, raise KeyError.")]
    public static PyObject GetGrGid(PyObject id)
    {
        var gid = PosixModule.Id(id, "gid");
        for (var size = 1024; ; size *= 2)
        {
            var buf = new byte[size];
            Group group;
            Group* result;
            int r;
            fixed (byte* b = buf)
            {
                r = GetGrGidR(gid, &group, b, size, &result);
                if (r == 0 && result is not null)
                {
                    return Entry(result);
                }
            }
            if (r != ERange)
            {
                var shown = gid == uint.MaxValue ? "-1" : gid.ToString(CultureInfo.InvariantCulture);
                throw PyErr.KeyError(new PyStr($"getgrgid(): gid not found: {shown}"));
            }
        }
    }

    [PyMethod("getgrnam", Keywords = true, Doc = "Return the group database entry for the given group name.\n\nIf name is not valid, raise KeyError.")]
    public static PyObject GetGrNam(PyObject name)
    {
        if (name is not PyStr s)
        {
            throw PyErr.TypeError($"getgrnam() argument 'name' must be str, not {name.Type.Name}");
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
            Group group;
            Group* result;
            int r;
            fixed (byte* b = buf, n = cname)
            {
                r = GetGrNamR(n, &group, b, size, &result);
                if (r == 0 && result is not null)
                {
                    return Entry(result);
                }
            }
            if (r != ERange)
            {
                throw PyErr.KeyError(new PyStr($"getgrnam(): name not found: {Ops.Repr(s).Value}"));
            }
        }
    }

    [PyMethod("getgrall", Doc = "Return a list of all available group entries, in arbitrary order.\n\nAn entry whose name starts with '+' or '-' represents an instruction\nto use YP/NIS and may not be accessible via getgrnam or getgrgid.")]
    public static PyObject GetGrAll()
    {
        var list = new PyList();
        // getgrent keeps its position in the C library: one walk at a time.
        lock (s_structGroup)
        {
            SetGrEnt();
            try
            {
                Group* g;
                while ((g = GetGrEnt()) is not null)
                {
                    list.Append(Entry(g));
                }
            }
            finally
            {
                EndGrEnt();
            }
        }
        return list;
    }
}
