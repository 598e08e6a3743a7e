namespace Taipan.Modules.Tests;

/// <summary>subprocess and _posixsubprocess behaviour that depends on the parent's surroundings
/// (environment, standard input, descriptors), which the conformance cases cannot vary.</summary>
public sealed class SubprocessTests
{
    [Fact]
    public void ChildInheritsEnvironmentAndPutenv()
    {
        const string Program =
            "import os, subprocess\n" +
            "os.environ['TAIPAN_SET'] = 'from os.environ'\n" +
            "del os.environ['TAIPAN_GONE']\n" +
            "print(subprocess.check_output(['/bin/sh', '-c', 'echo \"$TAIPAN_OUTER|$TAIPAN_SET|${TAIPAN_GONE-unset}\"']))\n";
        var env = new Dictionary<string, string?> { ["TAIPAN_OUTER"] = "outer", ["TAIPAN_GONE"] = "x" };
        var both = Processes.RunBoth(["-c", Program], env: env);
        Processes.AssertSame(both);
        Assert.Contains("outer|from os.environ|unset", both.Taipan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildInheritsStandardStreams()
    {
        const string Program =
            "import subprocess, sys\n" +
            "print('before', flush=True)\n" +
            "rc = subprocess.call(['/bin/sh', '-c', 'read line; echo \"child got $line\"; echo to-stderr >&2'])\n" +
            "print('after', rc)\n";
        var both = Processes.RunBoth(["-c", Program], stdin: "input line\n");
        Processes.AssertSame(both);
        Assert.Equal("before\nchild got input line\nafter 0\n", both.Taipan.Stdout);
        Assert.Equal("to-stderr\n", both.Taipan.Stderr);
    }

    [Fact]
    public void FailedStartsLeakNoDescriptorsOrChildren()
    {
        const string Program =
            "import os, subprocess\n" +
            "def attempts():\n" +
            "    for i in range(50):\n" +
            "        for kw in ({'args': ['/nonexistent/prog']}, {'args': ['true'], 'cwd': '/nonexistent'}):\n" +
            "            try:\n" +
            "                subprocess.run(stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.PIPE, **kw)\n" +
            "            except OSError as e:\n" +
            "                last = e\n" +
            "    return last\n" +
            // Only pipes are counted: the runtime may open files of its own on the way (.NET
            // maps assemblies the IL tier loads when it first compiles).
            "def pipes():\n" +
            "    found = set()\n" +
            "    for fd in os.listdir('/proc/self/fd'):\n" +
            "        try:\n" +
            "            if os.readlink('/proc/self/fd/' + fd).startswith('pipe:'):\n" +
            "                found.add(fd)\n" +
            "        except FileNotFoundError:\n" +
            "            pass\n" +  // the descriptor listdir read through
            "    return found\n" +
            "before = pipes()\n" +
            "last = attempts()\n" +
            "print(len(pipes() - before), type(last).__name__, last)\n" +
            "try:\n" +
            "    os.waitpid(-1, os.WNOHANG)\n" +
            "except ChildProcessError as e:\n" +
            "    print('no children:', e)\n";
        var both = Processes.RunBoth(["-c", Program]);
        Processes.AssertSame(both);
        Assert.StartsWith("0 FileNotFoundError", both.Taipan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ForkExecChecksItsArguments()
    {
        const string Program =
            "import _posixsubprocess as p, os\n" +
            "def call(*changes):\n" +
            "    args = [[b'/bin/true'], [b'/bin/true'], True, (), None, None, -1, -1, -1, -1, -1, -1, -1, 5, True, False, -1, None, None, None, -1, None, True]\n" +
            "    for i, v in changes:\n" +
            "        args[i] = v\n" +
            "    try:\n" +
            "        p.fork_exec(*args)\n" +
            "    except Exception as e:\n" +
            "        print(type(e).__name__, e)\n" +
            "call((13, 2))\n" +
            "call((3, [1]))\n" +
            "call((3, (5, 4)))\n" +
            "call((3, (-1,)))\n" +
            "call((1, ['x']))\n" +
            "call((5, [b'A=\\0']))\n" +
            "try:\n" +
            "    p.fork_exec(1)\n" +
            "except TypeError as e:\n" +
            "    print(e)\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program]));
    }

    [Fact]
    public void SysExecutableRunsTaipan()
    {
        const string Program =
            "import subprocess, sys\n" +
            "print(subprocess.check_output([sys.executable, '-c', 'import sys; print(sys.implementation.name)'], text=True), end='')\n";
        var r = Processes.Run(Processes.Taipan, ["-c", Program]);
        Assert.Equal("", r.Stderr);
        Assert.Equal("taipan\n", r.Stdout);
    }

    [Fact]
    public void PreexecFnIsRefusedClearly()
    {
        const string Program =
            "import subprocess\n" +
            "try:\n" +
            "    subprocess.run(['/bin/true'], preexec_fn=lambda: None)\n" +
            "except RuntimeError as e:\n" +
            "    print(e)\n";
        var r = Processes.Run(Processes.Taipan, ["-c", Program]);
        Assert.Contains("preexec_fn is not supported", r.Stdout, StringComparison.Ordinal);
    }
}
