// Modules/_posixsubprocess.c (the glibc posix_spawn calls that replace fork + exec)
using System.Runtime.InteropServices;

namespace Taipan.Modules.PosixSubprocess;

/// <summary>glibc's posix_spawn family. The .NET runtime is multithreaded, so the child cannot
/// run managed code between fork and exec; glibc (2.24 and later) starts it with
/// clone(CLONE_VM|CLONE_VFORK) and performs the file actions and attributes itself, reporting
/// a failure of any of them or of exec as the return value. The opaque structures are
/// allocated larger than glibc 2.36's (80 and 336 bytes on x86-64).</summary>
internal static unsafe partial class Spawn
{
    private const string Lib = "libc";

    public const int FileActionsSize = 256;
    public const int AttrSize = 1024;
    public const int SigSetSize = 128;

    public const short SetPGroup = 0x02;
    public const short SetSigDef = 0x04;
    public const short SetSid = 0x80;

    public const int SigPipe = 13;
    public const int SigXFsz = 25;

    public const int FDupFdCloexec = 1030;

    [LibraryImport(Lib, EntryPoint = "posix_spawn")]
    public static partial int PosixSpawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(void* fa);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(void* fa);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addclose")]
    public static partial int AddClose(void* fa, int fd);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int AddDup2(void* fa, int fd, int newFd);

    /// <summary>glibc 2.29: chdir in the child, between the other file actions.</summary>
    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    public static partial int AddChDir(void* fa, byte* path);

    /// <summary>glibc 2.34: closes every descriptor from <paramref name="from"/> up.</summary>
    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    public static partial int AddCloseFrom(void* fa, int from);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_init")]
    public static partial int AttrInit(void* attr);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int AttrDestroy(void* attr);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int AttrSetFlags(void* attr, short flags);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setpgroup")]
    public static partial int AttrSetPGroup(void* attr, int pgroup);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int AttrSetSigDefault(void* attr, void* sigset);

    [LibraryImport(Lib, EntryPoint = "sigemptyset")]
    public static partial int SigEmptySet(void* set);

    [LibraryImport(Lib, EntryPoint = "sigaddset")]
    public static partial int SigAddSet(void* set, int signum);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int cmd, int arg);

    [LibraryImport(Lib, EntryPoint = "openat", SetLastError = true)]
    public static partial int OpenAt(int dirfd, byte* path, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "faccessat", SetLastError = true)]
    public static partial int FAccessAt(int dirfd, byte* path, int mode, int flags);

    [LibraryImport(Lib, EntryPoint = "getgroups")]
    public static partial int GetGroups(int size, uint* list);

    /// <summary>NUL-terminated strings and a NULL-terminated pointer array in one native
    /// block, as execve takes them; freed by <see cref="Free"/>.</summary>
    public static byte** StringArray(byte[][] items)
    {
        var total = (nuint)((items.Length + 1) * sizeof(byte*));
        foreach (var item in items)
        {
            total += (nuint)item.Length;
        }
        var block = (byte*)NativeMemory.Alloc(total);
        var pointers = (byte**)block;
        var text = block + ((items.Length + 1) * sizeof(byte*));
        for (var i = 0; i < items.Length; i++)
        {
            pointers[i] = text;
            items[i].AsSpan().CopyTo(new Span<byte>(text, items[i].Length));
            text += items[i].Length;
        }
        pointers[items.Length] = null;
        return pointers;
    }

    public static void Free(byte** array)
    {
        if (array is not null)
        {
            NativeMemory.Free(array);
        }
    }
}
