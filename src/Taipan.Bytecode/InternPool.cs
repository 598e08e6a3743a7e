// Objects/unicodeobject.c (PyUnicode_InternInPlace)
using System.Collections.Concurrent;

namespace Taipan.Bytecode;

/// <summary>The process-wide table of interned strings: marshal's interned strings (names,
/// identifiers) come back as one shared instance each, and looking one up from marshal's Latin-1
/// bytes allocates nothing when it is already interned.</summary>
public static class InternPool
{
    private static readonly ConcurrentDictionary<string, string> s_pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Intern(string s) => s_pool.GetOrAdd(s, s);

    /// <summary>Interns the string whose code points are <paramref name="latin1"/>.</summary>
    public static string InternLatin1(ReadOnlySpan<byte> latin1)
    {
        if (latin1.Length > 256)
        {
            return Intern(System.Text.Encoding.Latin1.GetString(latin1));
        }

        Span<char> chars = stackalloc char[latin1.Length];
        for (var i = 0; i < latin1.Length; i++)
        {
            chars[i] = (char)latin1[i];
        }

        if (s_lookup.TryGetValue(chars, out var found))
        {
            return found;
        }

        return Intern(new string(chars));
    }
}
