// Modules/readline.c (the GNU readline and history functions it calls)
using System.Runtime.InteropServices;

namespace Taipan.Modules.Readline;

/// <summary>libreadline.so.8 (which carries the history functions too) and its global
/// variables, found by name in the loaded library.</summary>
internal static unsafe partial class ReadlineNative
{
    private const string Lib = "libreadline.so.8";

    /// <summary>HIST_ENTRY.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HistEntry
    {
        public byte* Line;
        public byte* Timestamp;
        public nint Data;
    }

    /// <summary>HISTORY_STATE.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HistoryState
    {
        public HistEntry** Entries;
        public int Offset;
        public int Length;
        public int Size;
        public int Flags;
    }

    [LibraryImport(Lib, EntryPoint = "rl_initialize")]
    public static partial int Initialize();

    [LibraryImport(Lib, EntryPoint = "rl_parse_and_bind")]
    public static partial int ParseAndBind(byte* line);

    [LibraryImport(Lib, EntryPoint = "rl_read_init_file")]
    public static partial int ReadInitFile(byte* filename);

    [LibraryImport(Lib, EntryPoint = "rl_variable_bind")]
    public static partial int VariableBind(byte* name, byte* value);

    [LibraryImport(Lib, EntryPoint = "rl_bind_key")]
    public static partial int BindKey(int key, nint function);

    [LibraryImport(Lib, EntryPoint = "rl_bind_key_in_map")]
    public static partial int BindKeyInMap(int key, nint function, nint map);

    [LibraryImport(Lib, EntryPoint = "rl_insert_text")]
    public static partial int InsertText(byte* text);

    [LibraryImport(Lib, EntryPoint = "rl_redisplay")]
    public static partial void Redisplay();

    [LibraryImport(Lib, EntryPoint = "rl_completion_matches")]
    public static partial byte** CompletionMatches(byte* text, nint entryFunction);

    [LibraryImport(Lib, EntryPoint = "rl_callback_handler_install")]
    public static partial void CallbackHandlerInstall(byte* prompt, nint handler);

    [LibraryImport(Lib, EntryPoint = "rl_callback_read_char")]
    public static partial void CallbackReadChar();

    [LibraryImport(Lib, EntryPoint = "rl_callback_handler_remove")]
    public static partial void CallbackHandlerRemove();

    [LibraryImport(Lib, EntryPoint = "rl_callback_sigcleanup")]
    public static partial void CallbackSigCleanup();

    [LibraryImport(Lib, EntryPoint = "rl_cleanup_after_signal")]
    public static partial void CleanupAfterSignal();

    [LibraryImport(Lib, EntryPoint = "rl_free_line_state")]
    public static partial void FreeLineState();

    [LibraryImport(Lib, EntryPoint = "rl_resize_terminal")]
    public static partial void ResizeTerminal();

    [LibraryImport(Lib, EntryPoint = "add_history")]
    public static partial void AddHistory(byte* line);

    [LibraryImport(Lib, EntryPoint = "history_get")]
    public static partial HistEntry* HistoryGet(int offset);

    [LibraryImport(Lib, EntryPoint = "remove_history")]
    public static partial HistEntry* RemoveHistory(int which);

    [LibraryImport(Lib, EntryPoint = "replace_history_entry")]
    public static partial HistEntry* ReplaceHistoryEntry(int which, byte* line, nint data);

    [LibraryImport(Lib, EntryPoint = "free_history_entry")]
    public static partial nint FreeHistoryEntry(HistEntry* entry);

    [LibraryImport(Lib, EntryPoint = "history_get_history_state")]
    public static partial HistoryState* GetHistoryState();

    [LibraryImport(Lib, EntryPoint = "clear_history")]
    public static partial void ClearHistory();

    [LibraryImport(Lib, EntryPoint = "using_history")]
    public static partial void UsingHistory();

    [LibraryImport(Lib, EntryPoint = "read_history")]
    public static partial int ReadHistory(byte* filename);

    [LibraryImport(Lib, EntryPoint = "write_history")]
    public static partial int WriteHistory(byte* filename);

    [LibraryImport(Lib, EntryPoint = "append_history")]
    public static partial int AppendHistory(int count, byte* filename);

    [LibraryImport(Lib, EntryPoint = "history_truncate_file")]
    public static partial int HistoryTruncateFile(byte* filename, int lines);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(void* p);

    [LibraryImport("libc", EntryPoint = "setlocale")]
    public static partial byte* SetLocale(int category, byte* locale);

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    private static nint s_handle;

    /// <summary>Loads the library; false when the system lacks it.</summary>
    public static bool TryLoad() => s_handle != 0 || NativeLibrary.TryLoad(Lib, typeof(ReadlineNative).Assembly, null, out s_handle);

    /// <summary>The address of an exported variable or function.</summary>
    public static nint Export(string name) => NativeLibrary.GetExport(s_handle, name);

    /// <summary>A malloc'd NUL-terminated copy, for readline to keep or free.</summary>
    public static byte* StrDup(ReadOnlySpan<byte> text)
    {
        var p = (byte*)NativeMemory.Alloc((nuint)text.Length + 1);
        text.CopyTo(new Span<byte>(p, text.Length));
        p[text.Length] = 0;
        return p;
    }
}
