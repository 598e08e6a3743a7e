namespace Taipan.Modules.Tests;

/// <summary>_symtable over every .py file of CPython's standard library (its test suite's
/// files with bad codings and syntax too): the same tree of blocks, symbols and flags, or the
/// same error, as CPython's.</summary>
public class SymtableTests
{
    [Fact]
    public void StandardLibraryTablesMatchCPython()
    {
        const string Program =
            "import _symtable, hashlib, os\n" +
            "root = '/usr/lib/python3.11'\n" +
            "files = []\n" +
            "for d, dirs, fs in os.walk(root):\n" +
            "    dirs[:] = sorted(x for x in dirs if x not in ('site-packages', 'dist-packages', '__pycache__'))\n" +
            "    files.extend(os.path.join(d, f) for f in sorted(fs) if f.endswith('.py'))\n" +
            "def dump(top):\n" +
            "    out, stack = [], [top]\n" +
            "    while stack:\n" +
            "        e = stack.pop()\n" +
            "        out.append(f'{e.name}|{e.type}|{e.lineno}|{e.nested}|{sorted(e.symbols.items())}|{e.varnames}|{len(e.children)}')\n" +
            "        stack.extend(reversed(e.children))\n" +
            "    return out\n" +
            "for path in files:\n" +
            "    with open(path, 'rb') as f:\n" +
            "        src = f.read()\n" +
            "    try:\n" +
            "        out = dump(_symtable.symtable(src, path, 'exec'))\n" +
            "        print(path, len(out), hashlib.md5('\\n'.join(out).encode()).hexdigest())\n" +
            "    except Exception as e:\n" +
            "        print(path, type(e).__name__, e)\n";
        Processes.AssertSame(Processes.RunBoth(["-W", "ignore", "-c", Program]));
    }
}
