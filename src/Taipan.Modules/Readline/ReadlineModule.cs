// Modules/readline.c
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using static Taipan.Modules.Readline.ReadlineNative;

namespace Taipan.Modules.Readline;

/// <summary><c>readline</c>: GNU readline's line editing, completion and history. Python
/// hooks are called back from native code through [UnmanagedCallersOnly] functions that take
/// the GIL when the caller released it and swallow every exception, as CPython's do.</summary>
[PyModule("readline", Doc = "Importing this module enables command line editing using GNU readline.")]
public static unsafe partial class ReadlineModule
{
    private const int LcCType = 0;
    private const string DefaultDelims = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

    private static PyObject? s_completer;
    private static PyObject? s_startupHook;
    private static PyObject? s_preInputHook;
    private static PyObject? s_displayMatchesHook;
    private static PyObject s_begidx = PyInt.From(0);
    private static PyObject s_endidx = PyInt.From(0);
    private static int s_historyLength = -1;
    private static bool s_autoHistory = true;

    // Owned by this module: readline only points at it.
    private static byte* s_wordBreakCharacters;

    private static nint s_lineBuffer;
    private static nint s_wordBreakVar;
    private static nint s_completionType;
    private static nint s_attemptedCompletionOver;
    private static nint s_appendCharacter;
    private static nint s_suppressAppend;
    private static nint s_displayMatchesHookVar;

    static partial void Initialize(PyModule module)
    {
        if (!TryLoad())
        {
            throw PyErr.New(PyExc.ImportError, "libreadline.so.8: cannot open shared object file: No such file or directory");
        }
        s_lineBuffer = Export("rl_line_buffer");
        s_wordBreakVar = Export("rl_completer_word_break_characters");
        s_completionType = Export("rl_completion_type");
        s_attemptedCompletionOver = Export("rl_attempted_completion_over");
        s_appendCharacter = Export("rl_completion_append_character");
        s_suppressAppend = Export("rl_completion_suppress_append");
        s_displayMatchesHookVar = Export("rl_completion_display_matches_hook");
        var version = *(int*)Export("rl_readline_version");
        module.AddBuiltin("_READLINE_VERSION", PyInt.From(version));
        module.AddBuiltin("_READLINE_RUNTIME_VERSION", PyInt.From(version));
        module.AddBuiltin("_READLINE_LIBRARY_VERSION", Decode(*(byte**)Export("rl_library_version")));
        Setup();
        MyReadline.FunctionPointer = CallReadline;
    }

    /// <summary>setup_readline: history, key bindings, hooks and word breaks, then
    /// rl_initialize with the LC_CTYPE locale saved around it (readline changes it).</summary>
    private static void Setup()
    {
        var saved = SetLocale(LcCType, null);
        var savedCopy = saved is null ? null : StrDup(new ReadOnlySpan<byte>(saved, StrLen(saved)));
        try
        {
            *(byte**)Export("rl_readline_name") = StrDup("python"u8);
            ClearHistory();
            UsingHistory();
            BindKey('\t', Export("rl_insert"));
            var metaMap = Export("emacs_meta_keymap");
            BindKeyInMap('\t', Export("rl_complete"), metaMap);
            BindKeyInMap('\x1b', Export("rl_complete"), metaMap);
            *(nint*)Export("rl_startup_hook") = (nint)(delegate* unmanaged<int>)&OnStartupHook;
            *(nint*)Export("rl_pre_input_hook") = (nint)(delegate* unmanaged<int>)&OnPreInputHook;
            *(nint*)Export("rl_attempted_completion_function") = (nint)(delegate* unmanaged<byte*, int, int, byte**>)&FlexComplete;
            s_wordBreakCharacters = StrDup(System.Text.Encoding.ASCII.GetBytes(DefaultDelims));
            *(byte**)s_wordBreakVar = s_wordBreakCharacters;
            if (IsATty(1) == 0)
            {
                // bpo-19884: no "\033[1034h" written to a stdout that is not a terminal.
                Bind("enable-meta-key", "off");
            }
            ReadlineNative.Initialize();
            DisableBracketedPaste();
        }
        finally
        {
            if (savedCopy is not null)
            {
                SetLocale(LcCType, savedCopy);
                Free(savedCopy);
            }
        }
    }

    private static int StrLen(byte* s)
    {
        var n = 0;
        while (s[n] != 0)
        {
            n++;
        }
        return n;
    }

    private static void Bind(string name, string value)
    {
        fixed (byte* n = PosixModule.CBytes(System.Text.Encoding.ASCII.GetBytes(name)), v = PosixModule.CBytes(System.Text.Encoding.ASCII.GetBytes(value)))
        {
            VariableBind(n, v);
        }
    }

    /// <summary>bpo-42819: the REPL does not handle bracketed paste, whatever inputrc says.</summary>
    private static void DisableBracketedPaste() => Bind("enable-bracketed-paste", "off");

    /// <summary>PyUnicode_DecodeLocale(s, "surrogateescape") in a UTF-8 locale.</summary>
    private static PyStr Decode(byte* s) =>
        s is null ? new PyStr("") : new PyStr(Codecs.Decode(new ReadOnlySpan<byte>(s, StrLen(s)), "utf-8", "surrogateescape"));

    /// <summary>PyUnicode_EncodeLocale(o, "surrogateescape"): NUL-terminated bytes.</summary>
    private static byte[] Encode(PyObject o)
    {
        if (o is not PyStr s)
        {
            throw PyErr.TypeError("bad argument type for built-in operation");
        }
        if (s.Value.Contains('\0'))
        {
            throw PyErr.ValueError("embedded null character");
        }
        return PosixModule.CBytes(Codecs.Encode(s, "utf-8", "surrogateescape"));
    }

    /// <summary>The "i" converter.</summary>
    private static int CInt(PyObject o)
    {
        var i = Ops.Index(o);
        return i.IsSmall && i.Small is >= int.MinValue and <= int.MaxValue
            ? (int)i.Small
            : throw PyErr.OverflowError("Python int too large to convert to C int");
    }

    private static PyObject? SetHook(string name, PyObject? function)
    {
        if (function is null or PyNone)
        {
            return null;
        }
        return Builtins.Callable(function) ? function : throw PyErr.TypeError($"set_{name}(func): argument not callable");
    }

    private static byte[]? FileName(PyObject? filename) => filename is null or PyNone ? null : PosixModule.FsConvert(filename);

    private static void CheckErrno(int errno)
    {
        if (errno != 0)
        {
            throw PosixModule.Error(errno);
        }
    }

    [PyMethod("parse_and_bind", Doc = "Execute the init line provided in the string argument.")]
    public static void ParseAndBind(PyObject @string)
    {
        // rl_parse_and_bind writes into its argument: it gets a copy.
        var copy = Encode(@string);
        fixed (byte* p = copy)
        {
            ReadlineNative.ParseAndBind(p);
        }
    }

    [PyMethod("read_init_file", Doc = "Execute a readline initialization file.\n\nThe default filename is the last filename used.")]
    public static void ReadInitFile(PyObject? filename = null)
    {
        var name = FileName(filename);
        fixed (byte* p = name)
        {
            CheckErrno(ReadlineNative.ReadInitFile(p));
        }
        DisableBracketedPaste();
    }

    [PyMethod("read_history_file", Doc = "Load a readline history file.\n\nThe default filename is ~/.history.")]
    public static void ReadHistoryFile(PyObject? filename = null)
    {
        var name = FileName(filename);
        fixed (byte* p = name)
        {
            CheckErrno(ReadHistory(p));
        }
    }

    [PyMethod("write_history_file", Doc = "Save a readline history file.\n\nThe default filename is ~/.history.")]
    public static void WriteHistoryFile(PyObject? filename = null)
    {
        var name = FileName(filename);
        fixed (byte* p = name)
        {
            var err = WriteHistory(p);
            if (err == 0 && s_historyLength >= 0)
            {
                HistoryTruncateFile(p, s_historyLength);
            }
            CheckErrno(err);
        }
    }

    [PyMethod("append_history_file", Doc = "Append the last nelements items of the history list to file.\n\nThe default filename is ~/.history.")]
    public static void AppendHistoryFile(PyObject nelements, PyObject? filename = null)
    {
        var n = CInt(nelements);
        var name = FileName(filename);
        fixed (byte* p = name)
        {
            var err = AppendHistory(n, p);
            if (err == 0 && s_historyLength >= 0)
            {
                HistoryTruncateFile(p, s_historyLength);
            }
            CheckErrno(err);
        }
    }

    [PyMethod("set_history_length", Doc = "Set the maximal number of lines which will be written to the history file.\n\nA negative length is used to inhibit history truncation.")]
    public static void SetHistoryLength(PyObject length) => s_historyLength = CInt(length);

    [PyMethod("get_history_length", Doc = "Return the maximum number of lines that will be written to the history file.")]
    public static int GetHistoryLength() => s_historyLength;

    [PyMethod("set_completion_display_matches_hook", Doc = "Set or remove the completion display function.\n\nThe function is called as\n  function(substitution, [matches], longest_match_length)\nonce each time matches need to be displayed.")]
    public static void SetCompletionDisplayMatchesHook(PyObject? function = null)
    {
        s_displayMatchesHook = SetHook("completion_display_matches_hook", function);
        // Not set globally: it replaces readline's own display of the matches.
        *(nint*)s_displayMatchesHookVar = s_displayMatchesHook is null
            ? 0
            : (nint)(delegate* unmanaged<byte**, int, int, void>)&OnCompletionDisplayMatches;
    }

    [PyMethod("set_startup_hook", Doc = "Set or remove the function invoked by the rl_startup_hook callback.\n\nThe function is called with no arguments just\nbefore readline prints the first prompt.")]
    public static void SetStartupHook(PyObject? function = null) => s_startupHook = SetHook("startup_hook", function);

    [PyMethod("set_pre_input_hook", Doc = "Set or remove the function invoked by the rl_pre_input_hook callback.\n\nThe function is called with no arguments after the first prompt\nhas been printed and just before readline starts reading input\ncharacters.")]
    public static void SetPreInputHook(PyObject? function = null) => s_preInputHook = SetHook("pre_input_hook", function);

    [PyMethod("get_completion_type", Doc = "Get the type of completion being attempted.")]
    public static int GetCompletionType() => *(int*)s_completionType;

    [PyMethod("get_begidx", Doc = "Get the beginning index of the completion scope.")]
    public static PyObject GetBegIdx() => s_begidx;

    [PyMethod("get_endidx", Doc = "Get the ending index of the completion scope.")]
    public static PyObject GetEndIdx() => s_endidx;

    [PyMethod("set_completer_delims", Doc = "Set the word delimiters for completion.")]
    public static void SetCompleterDelims(PyObject @string)
    {
        var encoded = Encode(@string);
        var chars = StrDup(encoded.AsSpan(0, encoded.Length - 1));
        Free(s_wordBreakCharacters);
        s_wordBreakCharacters = chars;
        *(byte**)s_wordBreakVar = chars;
    }

    [PyMethod("remove_history_item", Doc = "Remove history item given by its zero-based position.")]
    public static void RemoveHistoryItem(PyObject pos)
    {
        var which = CInt(pos);
        if (which < 0)
        {
            throw PyErr.ValueError("History index cannot be negative");
        }
        var entry = RemoveHistory(which);
        if (entry is null)
        {
            throw PyErr.ValueError($"No history item at position {which}");
        }
        FreeEntry(entry);
    }

    [PyMethod("replace_history_item", Doc = "Replaces history item given by its position with contents of line.\n\npos is zero-based.")]
    public static void ReplaceHistoryItem(PyObject pos, PyObject line)
    {
        var which = CInt(pos);
        if (line is not PyStr)
        {
            throw PyErr.TypeError($"replace_history_item() argument 2 must be str, not {line.Type.Name}");
        }
        if (which < 0)
        {
            throw PyErr.ValueError("History index cannot be negative");
        }
        var encoded = Encode(line);
        HistEntry* old;
        fixed (byte* p = encoded)
        {
            old = ReplaceHistoryEntry(which, p, 0);
        }
        if (old is null)
        {
            throw PyErr.ValueError($"No history item at position {which}");
        }
        FreeEntry(old);
    }

    /// <summary>Frees an entry readline handed back, with its line, timestamp and data.</summary>
    private static void FreeEntry(HistEntry* entry) => Free((void*)FreeHistoryEntry(entry));

    [PyMethod("add_history", Doc = "Add an item to the history buffer.")]
    public static void AddHistoryItem(PyObject @string)
    {
        fixed (byte* p = Encode(@string))
        {
            AddHistory(p);
        }
    }

    [PyMethod("set_auto_history", Doc = "Enables or disables automatic history.")]
    public static void SetAutoHistory(PyObject enabled) => s_autoHistory = Ops.IsTrue(enabled);

    [PyMethod("get_completer_delims", Doc = "Get the word delimiters for completion.")]
    public static PyStr GetCompleterDelims() => Decode(*(byte**)s_wordBreakVar);

    [PyMethod("set_completer", Doc = "Set or remove the completer function.\n\nThe function is called as function(text, state),\nfor state in 0, 1, 2, ..., until it returns a non-string.\nIt should return the next possible completion starting with 'text'.")]
    public static void SetCompleter(PyObject? function = null) => s_completer = SetHook("completer", function);

    [PyMethod("get_completer", Doc = "Get the current completer function.")]
    public static PyObject GetCompleter() => s_completer ?? PyNone.Value;

    private static int HistoryLength()
    {
        var state = GetHistoryState();
        var length = state->Length;
        Free(state);
        return length;
    }

    [PyMethod("get_history_item", Doc = "Return the current contents of history item at one-based index.")]
    public static PyObject GetHistoryItem(PyObject index)
    {
        var entry = HistoryGet(CInt(index));
        return entry is null ? PyNone.Value : Decode(entry->Line);
    }

    [PyMethod("get_current_history_length", Doc = "Return the current (not the maximum) length of history.")]
    public static int GetCurrentHistoryLength() => HistoryLength();

    [PyMethod("get_line_buffer", Doc = "Return the current contents of the line buffer.")]
    public static PyStr GetLineBuffer() => Decode(*(byte**)s_lineBuffer);

    [PyMethod("clear_history", Doc = "Clear the current readline history.")]
    public static void ClearHistoryItems() => ClearHistory();

    [PyMethod("insert_text", Doc = "Insert text into the line buffer at the cursor position.")]
    public static void InsertTextItem(PyObject @string)
    {
        fixed (byte* p = Encode(@string))
        {
            InsertText(p);
        }
    }

    [PyMethod("redisplay", Doc = "Change what's displayed on the screen to reflect contents of the line buffer.")]
    public static void RedisplayLine() => Redisplay();

    // ---- input() through readline ----------------------------------------------------------

    private const int PollIn = 1;
    private const int EIntr = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollFd* fds, nuint count, int timeout);

    private static byte* s_completedLine;
    private static bool s_lineDone;

    [UnmanagedCallersOnly]
    private static void OnLine(byte* line)
    {
        s_completedLine = line;
        s_lineDone = true;
        CallbackHandlerRemove();
    }

    /// <summary>call_readline: one line edited on the terminal, with the GIL released while
    /// waiting; signals are checked between keys (their handler's exception ends the read).
    /// The line gets its "\n" back and enters the history unless it repeats the last entry.</summary>
    private static byte[] CallReadline(byte[] prompt)
    {
        var saved = SetLocale(LcCType, null);
        var savedCopy = saved is null ? null : StrDup(new ReadOnlySpan<byte>(saved, StrLen(saved)));
        fixed (byte* empty = ""u8)
        {
            SetLocale(LcCType, empty);
        }
        try
        {
            var line = ReadUntilEnterOrSignal(prompt);
            if (line is null)
            {
                return [];
            }
            var text = new ReadOnlySpan<byte>(line, StrLen(line)).ToArray();
            if (s_autoHistory && text.Length > 0)
            {
                var length = HistoryLength();
                var last = length > 0 ? HistoryGet(length) : null;
                var lastLine = last is null ? default : new ReadOnlySpan<byte>(last->Line, StrLen(last->Line));
                if (!lastLine.SequenceEqual(text))
                {
                    AddHistory(line);
                }
            }
            Free(line);
            var result = new byte[text.Length + 1];
            text.CopyTo(result, 0);
            result[^1] = (byte)'\n';
            return result;
        }
        finally
        {
            if (savedCopy is not null)
            {
                SetLocale(LcCType, savedCopy);
                Free(savedCopy);
            }
        }
    }

    private static byte* ReadUntilEnterOrSignal(byte[] prompt)
    {
        *(int*)Export("rl_catch_signals") = 0;
        var cPrompt = PosixModule.CBytes(prompt);
        s_lineDone = false;
        s_completedLine = null;
        fixed (byte* p = cPrompt)
        {
            CallbackHandlerInstall(p, (nint)(delegate* unmanaged<byte*, void>)&OnLine);
        }
        var fd = new PollFd { Fd = 0, Events = PollIn };
        while (!s_lineDone)
        {
            int ready;
            int errno;
            using (Gil.Release())
            {
                // A short timeout: signals arrive on a runtime thread and do not interrupt poll.
                ready = Poll(&fd, 1, 100);
                errno = ready < 0 ? Marshal.GetLastSystemError() : 0;
                if (ready > 0)
                {
                    CallbackReadChar();
                }
            }
            if ((ready == 0 || errno == EIntr) && Signals.Pending)
            {
                try
                {
                    Signals.CheckSignals();
                }
                catch (PyException)
                {
                    FreeLineState();
                    CallbackSigCleanup();
                    CleanupAfterSignal();
                    CallbackHandlerRemove();
                    throw;
                }
            }
            else if (ready < 0 && errno != EIntr)
            {
                CallbackHandlerRemove();
                throw PosixModule.Error(errno);
            }
        }
        return s_completedLine;
    }

    // ---- callbacks from readline ---------------------------------------------------------

    /// <summary>PyGILState_Ensure/Release around a callback: readline calls back from inside
    /// a read that released the GIL, or from a call that holds it.</summary>
    private readonly ref struct GilState
    {
        private readonly Runtime.Python.ThreadState _ts;
        private readonly bool _took;

        public GilState()
        {
            _ts = Runtime.Python.ThreadState.Current;
            _took = !_ts.HoldsGil;
            if (_took)
            {
                Gil.Take(_ts);
            }
        }

        public void Dispose()
        {
            if (_took)
            {
                Gil.Drop(_ts);
            }
        }
    }

    /// <summary>on_hook: the hook's int result (None is 0); errors are dropped.</summary>
    private static int CallHook(PyObject? hook)
    {
        if (hook is null)
        {
            return 0;
        }
        try
        {
            var r = Ops.Call(hook, [], null);
            return r is PyNone ? 0 : ArgParse.ToInt(r);
        }
        catch (Exception)
        {
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int OnStartupHook()
    {
        using var gil = new GilState();
        return CallHook(s_startupHook);
    }

    [UnmanagedCallersOnly]
    private static int OnPreInputHook()
    {
        using var gil = new GilState();
        return CallHook(s_preInputHook);
    }

    [UnmanagedCallersOnly]
    private static void OnCompletionDisplayMatches(byte** matches, int count, int maxLength)
    {
        using var gil = new GilState();
        if (s_displayMatchesHook is not { } hook)
        {
            return;
        }
        try
        {
            var list = new PyList();
            for (var i = 0; i < count; i++)
            {
                list.Append(Decode(matches[i + 1]));
            }
            var r = Ops.Call(hook, [Decode(matches[0]), list, PyInt.From(maxLength)], null);
            if (r is not PyNone)
            {
                Ops.Index(r);
            }
        }
        catch (Exception)
        {
            // As CPython: an error in the hook is cleared.
        }
    }

    /// <summary>on_completion: the completer's state-th match for the text, malloc'd for
    /// readline, or null.</summary>
    [UnmanagedCallersOnly]
    private static byte* OnCompletion(byte* text, int state)
    {
        using var gil = new GilState();
        if (s_completer is not { } completer)
        {
            return null;
        }
        *(int*)s_attemptedCompletionOver = 1;
        try
        {
            var r = Ops.Call(completer, [Decode(text), PyInt.From(state)], null);
            if (r is PyNone)
            {
                return null;
            }
            var encoded = Encode(r);
            return StrDup(encoded.AsSpan(0, encoded.Length - 1));
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>flex_complete: records begidx/endidx in characters, then lets readline
    /// collect the matches from the completer.</summary>
    [UnmanagedCallersOnly]
    private static byte** FlexComplete(byte* text, int start, int end)
    {
        using var gil = new GilState();
        {
            *(int*)s_appendCharacter = 0;
            *(int*)s_suppressAppend = 0;
            try
            {
                var line = *(byte**)s_lineBuffer;
                var begin = Codecs.Decode(new ReadOnlySpan<byte>(line, start), "utf-8", "surrogateescape").Length;
                var word = Codecs.Decode(new ReadOnlySpan<byte>(line + start, end - start), "utf-8", "surrogateescape").Length;
                s_begidx = PyInt.From(begin);
                s_endidx = PyInt.From(begin + word);
            }
            catch (Exception)
            {
                s_begidx = PyInt.From(start);
                s_endidx = PyInt.From(end);
            }
        }
        return CompletionMatches(text, (nint)(delegate* unmanaged<byte*, int, byte*>)&OnCompletion);
    }
}
