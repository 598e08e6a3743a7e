namespace Taipan.Modules.Tests;

/// <summary>mmap over a larger file than the conformance case uses, and a map outliving the
/// descriptor it was made from (the module keeps its own duplicate).</summary>
public class MmapTests
{
    [Fact]
    public void LargeFileMapMatchesCPython()
    {
        const string Program =
            "import mmap, os, tempfile\n" +
            "fd, path = tempfile.mkstemp()\n" +
            "os.write(fd, bytes(range(256)) * 4096)\n" +
            "m = mmap.mmap(fd, 0)\n" +
            "os.close(fd)\n" +
            "print(len(m), m.size(), m[123456], m[-1], m[4095:4101], m.find(b'\\xfe\\xff\\x00', 1000))\n" +
            "m[::4096] = bytes(256)\n" +
            "print(sum(m[::4096]), m.rfind(b'\\x00\\x01'), m[mmap.PAGESIZE:mmap.PAGESIZE + 3])\n" +
            "m.resize(mmap.PAGESIZE)\n" +
            "print(len(m), os.path.getsize(path))\n" +
            "m.close()\n" +
            "os.unlink(path)\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program]));
    }
}
