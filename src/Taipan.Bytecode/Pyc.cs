// Lib/importlib/_bootstrap_external.py (pyc header, cache file names) and Python/import.c (_imp.source_hash)
using System.Buffers.Binary;
using System.Text;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

/// <summary>The PEP 552 flags word of a .pyc header.</summary>
[Flags]
public enum PycFlags : uint
{
    /// <summary>Validated by the source's mtime and size.</summary>
    Timestamp = 0,
    /// <summary>Validated by the source hash instead.</summary>
    HashBased = 0b01,
    /// <summary>With <see cref="HashBased"/>: the importer checks the hash against the source.</summary>
    CheckSource = 0b10,
}

/// <summary><c>ImportError</c> with its <c>name</c> and <c>path</c> attributes.</summary>
public sealed class PythonImportError(string message, string? name, string? path) : PythonException("ImportError", message)
{
    public string? Name { get; } = name;
    public string? Path { get; } = path;
}

/// <summary>A parsed .pyc header (16 bytes).</summary>
public readonly record struct PycHeader(PycFlags Flags, uint MTime, uint SourceSize, ulong SourceHash)
{
    public bool IsHashBased => (Flags & PycFlags.HashBased) != 0;
    public bool CheckSource => (Flags & PycFlags.CheckSource) != 0;
}

/// <summary>.pyc files of CPython 3.11 (magic number 3495): a 16-byte header — magic, PEP 552
/// flags, then either source mtime and size (both mod 2**32) or the 8-byte source hash — and
/// the marshalled module code. Also the PEP 3147 / 488 cache file names, with Taipan's tag.</summary>
public static class Pyc
{
    /// <summary>The 3.11 magic number (before the "\r\n").</summary>
    public const int MagicValue = 3495;

    /// <summary><c>_RAW_MAGIC_NUMBER</c>: the 4 magic bytes as a little-endian integer (the source hash key).</summary>
    public const uint RawMagicNumber = MagicValue | (0x0A0DU << 16);

    public const int HeaderSize = 16;

    /// <summary><c>sys.implementation.cache_tag</c>.</summary>
    public const string CacheTag = "taipan-311";

    public const string PycacheDirectory = "__pycache__";

    /// <summary><c>importlib.util.MAGIC_NUMBER</c>.</summary>
    public static ReadOnlySpan<byte> MagicNumber => [MagicValue & 0xFF, MagicValue >> 8, (byte)'\r', (byte)'\n'];

    /// <summary><c>importlib.util.source_hash(source)</c>: SipHash-1-3 keyed with the raw magic number.</summary>
    public static byte[] SourceHash(ReadOnlySpan<byte> source)
    {
        var result = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(result, SipHash.Hash13(RawMagicNumber, 0, source));
        return result;
    }

    /// <summary><c>_classify_pyc</c>: checks magic and flags; <paramref name="name"/> is the module
    /// name for messages, <paramref name="path"/> the .pyc path for the ImportError.</summary>
    public static PycFlags Classify(ReadOnlySpan<byte> data, string name, string? path = null)
    {
        var magic = data[..Math.Min(4, data.Length)];
        if (!magic.SequenceEqual(MagicNumber))
        {
            throw new PythonImportError($"bad magic number in {PyRepr.Str(name)}: {PyRepr.Bytes(magic.ToArray())}", name, path);
        }

        if (data.Length < HeaderSize)
        {
            throw new PythonException("EOFError", $"reached EOF while reading pyc header of {PyRepr.Str(name)}");
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if ((flags & ~0b11U) != 0)
        {
            throw new PythonImportError($"invalid flags {flags} in {PyRepr.Str(name)}", name, path);
        }

        return (PycFlags)flags;
    }

    /// <summary>Classifies and parses the header.</summary>
    public static PycHeader ReadHeader(ReadOnlySpan<byte> data, string name, string? path = null)
    {
        var flags = Classify(data, name, path);
        return new PycHeader(flags,
            BinaryPrimitives.ReadUInt32LittleEndian(data[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[12..]),
            BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
    }

    /// <summary><c>_validate_timestamp_pyc</c>: the header's mtime and (if given) size must be the
    /// source's, mod 2**32 (mtime is the int part of the stat mtime).</summary>
    public static void ValidateTimestamp(ReadOnlySpan<byte> data, long sourceMTime, long? sourceSize, string name, string? path = null)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(data[8..]) != (uint)sourceMTime
            || (sourceSize is { } size && BinaryPrimitives.ReadUInt32LittleEndian(data[12..]) != (uint)size))
        {
            throw new PythonImportError($"bytecode is stale for {PyRepr.Str(name)}", name, path);
        }
    }

    /// <summary><c>_validate_hash_pyc</c>.</summary>
    public static void ValidateHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> sourceHash, string name, string? path = null)
    {
        if (!data.Slice(8, 8).SequenceEqual(sourceHash))
        {
            throw new PythonImportError($"hash in bytecode doesn't match hash of source {PyRepr.Str(name)}", name, path);
        }
    }

    /// <summary><c>_compile_bytecode</c>: unmarshals the body (after the header) that must be a code object.</summary>
    public static CodeObject LoadBody(ReadOnlySpan<byte> body, string? name, string? bytecodePath)
    {
        return Marshal.Loads(body) as CodeObject
            ?? throw new PythonImportError($"Non-code object in {(bytecodePath is null ? "None" : PyRepr.Str(bytecodePath))}", name, bytecodePath);
    }

    /// <summary><c>_code_to_timestamp_pyc</c>.</summary>
    public static byte[] ToTimestampPyc(CodeObject code, long mtime, long sourceSize)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        MagicNumber.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)PycFlags.Timestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)mtime);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)sourceSize);
        return [.. header, .. Marshal.Dumps(code)];
    }

    /// <summary><c>_code_to_hash_pyc</c>.</summary>
    public static byte[] ToHashPyc(CodeObject code, ReadOnlySpan<byte> sourceHash, bool checkSource)
    {
        if (sourceHash.Length != 8)
        {
            throw new ArgumentException("the source hash has 8 bytes", nameof(sourceHash));
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        MagicNumber.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(PycFlags.HashBased | (checkSource ? PycFlags.CheckSource : 0)));
        sourceHash.CopyTo(header[8..]);
        return [.. header, .. Marshal.Dumps(code)];
    }

    /// <summary><c>_write_atomic</c>: writes a temporary file next to <paramref name="path"/>
    /// (created exclusively, with <paramref name="mode"/> &amp; 0o666 less the umask) and renames it
    /// over <paramref name="path"/>; on failure the temporary file is removed and an
    /// <c>OSError</c> (<c>PermissionError</c>, <c>FileNotFoundError</c>, ...) raised.</summary>
    public static void WriteAtomic(string path, ReadOnlySpan<byte> data, int mode = 0x1B6 /* 0o666 */)
    {
        var tmp = $"{path}.{Environment.ProcessId}{Random.Shared.NextInt64(1L << 40)}";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = (UnixFileMode)(mode & 0x1B6);
            }

            using (var stream = new FileStream(tmp, options))
            {
                stream.Write(data);
            }

            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(tmp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Best effort, as in CPython.
            }

            throw new PythonException(e switch
            {
                UnauthorizedAccessException => "PermissionError",
                DirectoryNotFoundException or FileNotFoundException => "FileNotFoundError",
                _ => "OSError",
            }, e.Message);
        }
    }

    /// <summary><c>importlib.util.cache_from_source(path, optimization=...)</c>:
    /// <paramref name="optimization"/> is <c>str(optimization)</c> ("" for none, "1", "2"; from
    /// <c>sys.flags.optimize</c> when the caller passes None); <paramref name="pycachePrefix"/>
    /// is <c>sys.pycache_prefix</c> and <paramref name="cwd"/> the current directory it needs
    /// for relative paths.</summary>
    public static string CacheFromSource(string path, string optimization = "", string? pycachePrefix = null, string? cwd = null)
    {
        var (head, tail) = PathSplit(path);
        // base, sep, rest = tail.rpartition('.'); (base or rest) + sep + tag
        var dot = tail.LastIndexOf('.');
        var almost = dot < 0 ? tail + CacheTag : (dot > 0 ? tail[..dot] : tail[1..]) + "." + CacheTag;

        if (optimization.Length > 0)
        {
            if (!IsAlnum(optimization))
            {
                throw new PythonException("ValueError", $"{PyRepr.Str(optimization)} is not alphanumeric");
            }

            almost = $"{almost}.opt-{optimization}";
        }

        var filename = almost + ".pyc";
        if (pycachePrefix is not null)
        {
            if (!head.StartsWith('/'))
            {
                head = PathJoin(cwd ?? Environment.CurrentDirectory, head);
            }

            if (head.Length > 1 && head[1] == ':' && head[0] != '/')
            {
                head = head[2..];
            }

            return PathJoin(pycachePrefix, head.TrimStart('/'), filename);
        }

        return PathJoin(head, PycacheDirectory, filename);
    }

    /// <summary><c>importlib.util.source_from_cache(path)</c>.</summary>
    public static string SourceFromCache(string path, string? pycachePrefix = null)
    {
        var (head, pycacheFilename) = PathSplit(path);
        var found = false;
        if (pycachePrefix is not null)
        {
            var stripped = pycachePrefix.TrimEnd('/');
            if (head.StartsWith(stripped + "/", StringComparison.Ordinal))
            {
                head = head[stripped.Length..];
                found = true;
            }
        }

        if (!found)
        {
            (head, var pycache) = PathSplit(head);
            if (pycache != PycacheDirectory)
            {
                throw new PythonException("ValueError", $"{PycacheDirectory} not bottom-level directory in {PyRepr.Str(path)}");
            }
        }

        var dots = pycacheFilename.Count(c => c == '.');
        if (dots is not (2 or 3))
        {
            throw new PythonException("ValueError", $"expected only 2 or 3 dots in {PyRepr.Str(pycacheFilename)}");
        }

        if (dots == 3)
        {
            var parts = pycacheFilename.Split('.');
            var optimization = parts[^2];
            if (!optimization.StartsWith("opt-", StringComparison.Ordinal))
            {
                throw new PythonException("ValueError", "optimization portion of filename does not start with 'opt-'");
            }

            if (!IsAlnum(optimization["opt-".Length..]))
            {
                throw new PythonException("ValueError", $"optimization level {PyRepr.Str(optimization)} is not an alphanumeric value");
            }
        }

        var baseFilename = pycacheFilename.Split('.')[0];
        return PathJoin(head, baseFilename + ".py");
    }

    /// <summary>str.isalnum.</summary>
    private static bool IsAlnum(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsSurrogatePair(s, i))
            {
                if (!(char.IsLetter(s, i) || char.IsNumber(s, i)))
                {
                    return false;
                }

                i++;
            }
            else if (!(char.IsLetter(s[i]) || char.IsNumber(s[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>_path_split</c> (POSIX).</summary>
    private static (string Head, string Tail) PathSplit(string path)
    {
        var i = path.LastIndexOf('/');
        return i < 0 ? ("", path) : (path[..i], path[(i + 1)..]);
    }

    /// <summary><c>_path_join</c> (POSIX).</summary>
    private static string PathJoin(params string[] parts)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                sb.Append('/');
            }

            sb.Append(part.TrimEnd('/'));
            first = false;
        }

        return sb.ToString();
    }
}
