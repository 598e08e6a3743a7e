using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Taipan.Modules.Tests;

/// <summary>_socket against the world outside one program: a peer in another process, and
/// filesystem socket paths, which conformance cases cannot fix in advance.</summary>
public sealed class SocketTests
{
    /// <summary>A Taipan client talks to a server of this (.NET) process over 127.0.0.1: the
    /// descriptors are real kernel sockets, not objects private to the runtime.</summary>
    [Fact]
    public async Task ClientTalksToAServerInAnotherProcess()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            var buf = new byte[64];
            var n = await stream.ReadAsync(buf);
            var reply = Encoding.ASCII.GetBytes("got " + Encoding.ASCII.GetString(buf, 0, n));
            await stream.WriteAsync(reply);
        });
        const string Program =
            "import _socket, os\n" +
            "s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)\n" +
            "s.settimeout(30)\n" +
            "s.connect(('127.0.0.1', int(os.environ['TAIPAN_PORT'])))\n" +
            "s.sendall(b'hello')\n" +
            "data = b''\n" +
            "while len(data) < 9:\n" +
            "    chunk = s.recv(100)\n" +
            "    if not chunk: break\n" +
            "    data += chunk\n" +
            "print(data, s.getpeername()[1] == int(os.environ['TAIPAN_PORT']))\n" +
            "s.close()\n";
        var result = Processes.Run(Processes.Taipan, ["-c", Program], env: new Dictionary<string, string?> { ["TAIPAN_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await serve;
        Assert.Equal("", result.Stderr);
        Assert.Equal("b'got hello' True\n", result.Stdout);
    }

    /// <summary>AF_UNIX sockets on a path in the working directory: bind creates a socket
    /// file, names come back as str, and the descriptor works with os.read and os.write.</summary>
    [Fact]
    public void UnixSocketOnAPath()
    {
        using var dir = new TempDir();
        const string Program =
            "import _socket, os, stat\n" +
            "srv = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)\n" +
            "srv.bind('sock')\n" +
            "srv.listen()\n" +
            "print(srv.getsockname(), stat.S_ISSOCK(os.stat('sock').st_mode))\n" +
            "c = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)\n" +
            "c.connect(os.path.abspath('sock'))\n" +
            "fd, addr = srv._accept()\n" +
            "print(addr, c.getpeername() == os.path.abspath('sock'))\n" +
            "os.write(c.fileno(), b'through os.write')\n" +
            "print(os.read(fd, 100))\n" +
            "print(stat.S_ISSOCK(os.fstat(fd).st_mode))\n" +
            "os.close(fd)\n" +
            "print(c.recv(10))\n" +
            "c.close(); srv.close()\n" +
            "try:\n" +
            "    _socket.socket(_socket.AF_UNIX).bind('sock')\n" +
            "except OSError as e:\n" +
            "    print(type(e).__name__, e)\n" +
            "os.unlink('sock')\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program], cwd: dir.Path));
    }
}
