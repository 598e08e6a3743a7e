using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Taipan.Syntax.Errors;
using Xunit.Abstractions;

namespace Taipan.Bytecode.Tests;

public class PycTests(ITestOutputHelper output)
{
    private static string Outcome(Func<string> f)
    {
        try
        {
            return f();
        }
        catch (PythonException e)
        {
            return $"{e.PythonType}: {e.Message}";
        }
    }

    [Fact]
    public void SourceHashMatchesImportlib()
    {
        var rng = new Random(552);
        var inputs = new List<byte[]>();
        for (var n = 0; n <= 40; n++)
        {
            inputs.Add([.. Enumerable.Range(0, n).Select(i => (byte)i)]);
        }

        for (var i = 0; i < 2000; i++)
        {
            var data = new byte[rng.Next(i % 10 == 0 ? 100000 : 300)];
            rng.NextBytes(data);
            inputs.Add(data);
        }

        inputs.Add(Encoding.UTF8.GetBytes("print('hello')\n"));
        var expected = Encoding.ASCII.GetString(CPython.RunScript("pyc_oracle.py",
            StdlibData.WriteRecords(inputs.Select(d => ("", d))), "hash")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(inputs.Count, expected.Length);
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(expected[i], Convert.ToHexStringLower(Pyc.SourceHash(inputs[i])));
        }

        output.WriteLine($"{inputs.Count} SipHash-1-3 source hashes equal importlib.util.source_hash");
    }

    [Fact]
    public void MagicNumber()
    {
        Assert.Equal([0xA7, 0x0D, 0x0D, 0x0A], Pyc.MagicNumber.ToArray());
        Assert.Equal(Pyc.RawMagicNumber, BinaryPrimitives.ReadUInt32LittleEndian(Pyc.MagicNumber));
        var magic = CPython.Run(["-c", "import importlib.util,sys; sys.stdout.buffer.write(importlib.util.MAGIC_NUMBER)"]);
        Assert.Equal(magic, Pyc.MagicNumber.ToArray());
    }

    [Fact]
    public void CacheFileNamesMatchImportlib()
    {
        var cases = new List<(string Fn, string Path, string? Opt, string? Prefix)>();
        string[] paths = ["/a/b/foo.py", "foo.py", "a/foo.py", "/foo", "/a/.foo", "/a/foo.bar.py", "/a/b/", "", "/a//b//foo.py", "x/y.pyw", "/a/b/foo"];
        foreach (var p in paths)
        {
            foreach (var opt in new[] { "", "1", "2", "a1", "1.5", "-1", "½", " " })
            {
                cases.Add(("cache", p, opt, null));
            }

            cases.Add(("cache", p, "", "/tmp/prefix"));
            cases.Add(("cache", p, "2", "/tmp/prefix/"));
            cases.Add(("cache", p, "", "rel/prefix"));
        }

        string[] caches = ["/a/b/__pycache__/foo.taipan-311.pyc", "/a/b/__pycache__/foo.taipan-311.opt-1.pyc",
            "/a/b/__pycache__/foo.taipan-311.opt-.pyc", "/a/b/__pycache__/foo.taipan-311.opt_1.pyc", "/a/b/foo.taipan-311.pyc",
            "__pycache__/foo.x.pyc", "/a/__pycache__/foo.pyc", "/a/__pycache__/a.b.c.d.pyc", "/a/__pycache__/foo.taipan-311.opt-1!.pyc",
            "/tmp/prefix/a/b/foo.taipan-311.pyc", "/tmp/prefix/__pycache__/foo.t.pyc", "/x/__pycache__/.foo.t.pyc"];
        foreach (var c in caches)
        {
            cases.Add(("source", c, null, null));
            cases.Add(("source", c, null, "/tmp/prefix"));
            cases.Add(("source", c, null, "/tmp/prefix//"));
        }

        var json = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["fn"] = c.Fn,
            ["path"] = c.Path,
            ["opt"] = c.Opt,
            ["prefix"] = c.Prefix,
        })]);
        var expected = JsonDocument.Parse(CPython.RunScript("pyc_oracle.py", Encoding.UTF8.GetBytes(json.ToJsonString()), "names"))
            .RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(cases.Count, expected.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var ours = Outcome(() => c.Fn == "cache"
                ? Pyc.CacheFromSource(c.Path, c.Opt!, c.Prefix, "/tmp")
                : Pyc.SourceFromCache(c.Path, c.Prefix));
            Assert.True(expected[i] == ours, $"{c}: CPython {expected[i]}, ours {ours}");
        }
    }

    [Fact]
    public void HeaderValidationFailsAsImportlib()
    {
        var good = new byte[16];
        Pyc.MagicNumber.CopyTo(good);
        BinaryPrimitives.WriteUInt32LittleEndian(good.AsSpan(8), 1234567);
        BinaryPrimitives.WriteUInt32LittleEndian(good.AsSpan(12), 99);
        var hashed = (byte[])good.Clone();
        hashed[4] = 3;
        var hash = Pyc.SourceHash("x = 1\n"u8);
        hash.CopyTo(hashed, 8);
        var cases = new List<(byte[] Data, string Name, long MTime, long? Size, byte[]? Hash)>
        {
            (good, "m", 1234567, 99, null),
            (good, "m", 1234567 + (1L << 32), 99 + (1L << 32), null),
            (good, "m", 1234568, 99, null),
            (good, "m", 1234567, 98, null),
            (good, "m", 1234567, null, null),
            (good[..15], "pkg.mod", 0, 0, null),
            (good[..3], "m", 0, 0, null),
            ([], "m", 0, 0, null),
            ([0xA7, 0x0D, 0x0D, 0x0B, 0, 0, 0, 0], "it's", 0, 0, null),
            ([.. "\x55\x0d\x0d\x0a"u8, .. new byte[12]], "m", 0, 0, null),
            ([.. good[..4], 4, 0, 0, 0, .. good[8..]], "m", 0, 0, null),
            ([.. good[..4], 0xFF, 0xFF, 0xFF, 0xFF, .. good[8..]], "m", 0, 0, null),
            (hashed, "h", 0, 0, hash),
            (hashed, "h", 0, 0, Pyc.SourceHash("x = 2\n"u8)),
            ([.. hashed[..4], 1, .. hashed[5..]], "h", 0, 0, hash),
        };
        var json = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["data"] = Convert.ToHexString(c.Data),
            ["name"] = c.Name,
            ["mtime"] = c.MTime,
            ["size"] = c.Size,
            ["hash"] = c.Hash is null ? null : Convert.ToHexString(c.Hash),
        })]);
        var expected = JsonDocument.Parse(CPython.RunScript("pyc_oracle.py", Encoding.UTF8.GetBytes(json.ToJsonString()), "header"))
            .RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var ours = Outcome(() =>
            {
                var header = Pyc.ReadHeader(c.Data, c.Name, "x.pyc");
                if (header.IsHashBased)
                {
                    Pyc.ValidateHash(c.Data, c.Hash, c.Name, "x.pyc");
                }
                else
                {
                    Pyc.ValidateTimestamp(c.Data, c.MTime, c.Size, c.Name, "x.pyc");
                }

                return $"ok {(int)header.Flags}";
            });
            Assert.True(expected[i] == ours, $"case {i}: CPython {expected[i]}, ours {ours}");
        }
    }

    [Fact]
    public void ReadsCPythonPycsAndCPythonRunsOurs()
    {
        var dir = Directory.CreateTempSubdirectory("taipan-pyc-");
        try
        {
            var src = Path.Combine(dir.FullName, "mod.py");
            var source = "import math\ndef f(n):\n    return [math.factorial(i) for i in range(n)]\nRESULT = (f(6), 'h\\u00e9', 10**40, {1, 2}, 1.5j)\n";
            File.WriteAllText(src, source);
            var sourceBytes = File.ReadAllBytes(src);
            foreach (var mode in new[] { "timestamp", "checked-hash", "unchecked-hash" })
            {
                var cpyc = Path.Combine(dir.FullName, $"cpython-{mode}.pyc");
                CPython.RunScript("pyc_oracle.py", null, "compile", src, cpyc, mode);
                var data = File.ReadAllBytes(cpyc);
                var header = Pyc.ReadHeader(data, "mod", cpyc);
                if (mode == "timestamp")
                {
                    Assert.Equal(PycFlags.Timestamp, header.Flags);
                    var mtime = new DateTimeOffset(File.GetLastWriteTimeUtc(src)).ToUnixTimeSeconds();
                    Pyc.ValidateTimestamp(data, mtime, sourceBytes.Length, "mod");
                    Assert.Equal((uint)sourceBytes.Length, header.SourceSize);
                }
                else
                {
                    Assert.True(header.IsHashBased);
                    Assert.Equal(mode == "checked-hash", header.CheckSource);
                    Pyc.ValidateHash(data, Pyc.SourceHash(sourceBytes), "mod");
                }

                var code = Pyc.LoadBody(data.AsSpan(Pyc.HeaderSize), "mod", cpyc);
                var ours = Path.Combine(dir.FullName, $"ours-{mode}.pyc");
                var bytes = mode == "timestamp"
                    ? Pyc.ToTimestampPyc(code, header.MTime, header.SourceSize)
                    : Pyc.ToHashPyc(code, Pyc.SourceHash(sourceBytes), mode == "checked-hash");
                Pyc.WriteAtomic(ours, bytes);
                Assert.Equal(data[..Pyc.HeaderSize], File.ReadAllBytes(ours)[..Pyc.HeaderSize]);
                var result = Encoding.UTF8.GetString(CPython.RunScript("pyc_oracle.py", null, "run", ours)).Trim();
                Assert.Equal("([1, 1, 2, 6, 24, 120], 'hé', 10000000000000000000000000000000000000000, {1, 2}, 1.5j)", result);
            }

            // Only the target remains: the temporary file was renamed.
            Assert.Equal(6, Directory.GetFiles(dir.FullName, "*.pyc").Length);
            Assert.Equal(7, Directory.GetFiles(dir.FullName).Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadsRealPycFilesOfStdlibModules()
    {
        var dir = Directory.CreateTempSubdirectory("taipan-pycs-");
        try
        {
            var sources = Encoding.UTF8.GetString(CPython.RunScript("pyc_oracle.py", null, "compile-many", dir.FullName, "60"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(60, sources.Length);
            var reference = StdlibData.All.ToDictionary(r => r.Path, r => r.Data);
            foreach (var source in sources)
            {
                var name = Path.GetFileNameWithoutExtension(source);
                var pyc = Path.Combine(dir.FullName, name + ".pyc");
                var data = File.ReadAllBytes(pyc);
                var header = Pyc.ReadHeader(data, name, pyc);
                Assert.Equal(PycFlags.Timestamp, header.Flags);
                // stat() follows symbolic links (some stdlib files are links).
                var info = new FileInfo(source);
                if (info.LinkTarget is not null)
                {
                    info = (FileInfo)info.ResolveLinkTarget(returnFinalTarget: true)!;
                }

                Pyc.ValidateTimestamp(data, new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds(), info.Length, name, pyc);
                var code = Pyc.LoadBody(data.AsSpan(Pyc.HeaderSize), name, pyc);
                Assert.True(PyValue.StrictEqual(Marshal.Loads(reference[source]), code), source);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void NonCodeBodyIsImportError()
    {
        var e = Assert.Throws<PythonImportError>(() => Pyc.LoadBody(Marshal.Dumps(ConstantTuple.Empty), "m", "/x/m.pyc"));
        Assert.Equal("Non-code object in '/x/m.pyc'", e.Message);
        Assert.Equal("/x/m.pyc", e.Path);
        var eof = Assert.Throws<PythonException>(() => Pyc.LoadBody([], "m", "/x/m.pyc"));
        Assert.Equal("EOFError", eof.PythonType);
    }

    [Fact]
    public void WriteAtomicFailureIsOSError()
    {
        var e = Assert.Throws<PythonException>(() => Pyc.WriteAtomic("/nonexistent-dir-taipan/x.pyc", [1, 2, 3]));
        Assert.Equal("FileNotFoundError", e.PythonType);
    }
}
