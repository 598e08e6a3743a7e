// Modules/_stat.c
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Stat;

/// <summary><c>_stat</c>: the file mode constants and tests that <c>stat.py</c> takes over
/// (Linux values; the Solaris and BSD-only kinds are 0 and never match).</summary>
[PyModule("_stat", Doc = "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\nS_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID bit\nS_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\nS_IREAD: Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner permissions\nS_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\nS_IRWXG: mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\nS_IXGRP: execute by group\nS_IRWXO: mask for others (not in group) permissions\nS_IROTH: read by others\nS_IWOTH: write by others\nS_IXOTH: execute by others\n\nUF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be changed\nUF_APPEND: file may only be appended to\nUF_OPAQUE: directory is opaque when viewed through a union stack\nUF_NOUNLINK: file may not be renamed or deleted\nUF_COMPRESSED: OS X: file is hfs-compressed\nUF_HIDDEN: OS X: file should not be displayed\nSF_ARCHIVED: file may be archived\nSF_IMMUTABLE: file may not be changed\nSF_APPEND: file may only be appended to\nSF_NOUNLINK: file may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\n\nST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\nFILE_ATTRIBUTE_*: Windows file attribute constants\n                   (only present on Windows)\n")]
public static partial class StatModule
{
    private const uint SIfMt = 0xF000;
    private const uint SIfDir = 0x4000;
    private const uint SIfChr = 0x2000;
    private const uint SIfBlk = 0x6000;
    private const uint SIfReg = 0x8000;
    private const uint SIfIfo = 0x1000;
    private const uint SIfLnk = 0xA000;
    private const uint SIfSock = 0xC000;

    private static readonly (string Name, long Value)[] s_constants =
    [
        ("S_IFDIR", SIfDir), ("S_IFCHR", SIfChr), ("S_IFBLK", SIfBlk), ("S_IFREG", SIfReg), ("S_IFIFO", SIfIfo),
        ("S_IFLNK", SIfLnk), ("S_IFSOCK", SIfSock), ("S_IFDOOR", 0), ("S_IFPORT", 0), ("S_IFWHT", 0),
        ("S_ISUID", 0x800), ("S_ISGID", 0x400), ("S_ISVTX", 0x200), ("S_ENFMT", 0x400),
        ("S_IREAD", 0x100), ("S_IWRITE", 0x80), ("S_IEXEC", 0x40),
        ("S_IRWXU", 0x1C0), ("S_IRUSR", 0x100), ("S_IWUSR", 0x80), ("S_IXUSR", 0x40),
        ("S_IRWXG", 0x38), ("S_IRGRP", 0x20), ("S_IWGRP", 0x10), ("S_IXGRP", 0x8),
        ("S_IRWXO", 0x7), ("S_IROTH", 0x4), ("S_IWOTH", 0x2), ("S_IXOTH", 0x1),
        ("UF_NODUMP", 0x1), ("UF_IMMUTABLE", 0x2), ("UF_APPEND", 0x4), ("UF_OPAQUE", 0x8),
        ("UF_NOUNLINK", 0x10), ("UF_COMPRESSED", 0x20), ("UF_HIDDEN", 0x8000),
        ("SF_ARCHIVED", 0x10000), ("SF_IMMUTABLE", 0x20000), ("SF_APPEND", 0x40000),
        ("SF_NOUNLINK", 0x100000), ("SF_SNAPSHOT", 0x200000),
        ("ST_MODE", 0), ("ST_INO", 1), ("ST_DEV", 2), ("ST_NLINK", 3), ("ST_UID", 4),
        ("ST_GID", 5), ("ST_SIZE", 6), ("ST_ATIME", 7), ("ST_MTIME", 8), ("ST_CTIME", 9),
    ];

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in s_constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }

    /// <summary><c>_PyLong_AsMode_t</c>: an int (no __index__) that fits mode_t.</summary>
    private static uint Mode(PyObject o)
    {
        if (o is not PyInt i)
        {
            throw PyErr.TypeError("an integer is required");
        }
        if (i.Value.Sign < 0)
        {
            throw PyErr.OverflowError("can't convert negative value to unsigned int");
        }
        if (i.Value > ulong.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C unsigned long");
        }
        return i.Value > uint.MaxValue ? throw PyErr.OverflowError("mode out of range") : (uint)i.Value;
    }

    [PyMethod("S_ISDIR", Doc = "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory.")]
    public static bool IsDir(PyObject mode) => (Mode(mode) & SIfMt) == SIfDir;

    [PyMethod("S_ISCHR", Doc = "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file.")]
    public static bool IsChr(PyObject mode) => (Mode(mode) & SIfMt) == SIfChr;

    [PyMethod("S_ISBLK", Doc = "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file.")]
    public static bool IsBlk(PyObject mode) => (Mode(mode) & SIfMt) == SIfBlk;

    [PyMethod("S_ISREG", Doc = "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file.")]
    public static bool IsReg(PyObject mode) => (Mode(mode) & SIfMt) == SIfReg;

    [PyMethod("S_ISFIFO", Doc = "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe).")]
    public static bool IsFifo(PyObject mode) => (Mode(mode) & SIfMt) == SIfIfo;

    [PyMethod("S_ISLNK", Doc = "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link.")]
    public static bool IsLnk(PyObject mode) => (Mode(mode) & SIfMt) == SIfLnk;

    [PyMethod("S_ISSOCK", Doc = "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket.")]
    public static bool IsSock(PyObject mode) => (Mode(mode) & SIfMt) == SIfSock;

    [PyMethod("S_ISDOOR", Doc = "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door.")]
    public static bool IsDoor(PyObject mode) => Never(mode);

    [PyMethod("S_ISPORT", Doc = "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port.")]
    public static bool IsPort(PyObject mode) => Never(mode);

    [PyMethod("S_ISWHT", Doc = "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout.")]
    public static bool IsWht(PyObject mode) => Never(mode);

    /// <summary>Doors, event ports and whiteouts do not exist on Linux; the argument is still checked.</summary>
    private static bool Never(PyObject mode)
    {
        Mode(mode);
        return false;
    }

    [PyMethod("S_IMODE", Doc = "Return the portion of the file's mode that can be set by os.chmod().")]
    public static long IMode(PyObject mode) => Mode(mode) & 0xFFF;

    [PyMethod("S_IFMT", Doc = "Return the portion of the file's mode that describes the file type.")]
    public static long IFmt(PyObject mode) => Mode(mode) & SIfMt;

    [PyMethod("filemode", Doc = "Convert a file's mode to a string of the form '-rwxrwxrwx'")]
    public static string FileMode(PyObject mode)
    {
        var m = Mode(mode);
        Span<char> s = stackalloc char[10];
        s[0] = (m & SIfMt) switch
        {
            SIfReg => '-',
            SIfDir => 'd',
            SIfLnk => 'l',
            SIfBlk => 'b',
            SIfChr => 'c',
            SIfIfo => 'p',
            SIfSock => 's',
            _ => '?',
        };
        Triple(s[1..], m >> 6, (m & 0x800) != 0, 's');
        Triple(s[4..], m >> 3, (m & 0x400) != 0, 's');
        Triple(s[7..], m, (m & 0x200) != 0, 't');
        return new string(s);
    }

    /// <summary>"rwx" for three permission bits, the execute place showing the set-id or
    /// sticky bit (lower case with execute, upper case without).</summary>
    private static void Triple(Span<char> s, uint bits, bool special, char mark)
    {
        s[0] = (bits & 4) != 0 ? 'r' : '-';
        s[1] = (bits & 2) != 0 ? 'w' : '-';
        var x = (bits & 1) != 0;
        s[2] = special ? (x ? mark : char.ToUpperInvariant(mark)) : (x ? 'x' : '-');
    }
}
