# asyncio over sockets: stream servers and clients on 127.0.0.1 and AF_UNIX socket pairs,
# the loop's sock_* methods, datagram endpoints, protocols (deterministic)
import asyncio
import socket


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b'echo ' + line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print_peer = writer.get_extra_info('peername') == ('127.0.0.1', port)
    replies = []
    for w in (b'alpha', b'beta', b'gamma'):
        writer.write(b'%s %d\n' % (w, i))
        await writer.drain()
        replies.append(await reader.readline())
    writer.write_eof()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    return print_peer, replies, rest


class EchoDatagram(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data[::-1], addr)


class ClientDatagram(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done

    def datagram_received(self, data, addr):
        self.done.set_result(data)


class LineCounter(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.data = b''

    def connection_made(self, transport):
        transport.write(b'hello from protocol\n')
        transport.write_eof()

    def data_received(self, data):
        self.data += data

    def connection_lost(self, exc):
        self.done.set_result((self.data, exc))


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print(port > 0, server.is_serving(), len(server.sockets))
    async with server:
        results = await asyncio.gather(*(client(port, i) for i in range(4)))
    for r in results:
        print(r)
    print(server.is_serving())

    # large transfers with flow control
    async def sink(reader, writer):
        total = 0
        while chunk := await reader.read(65536):
            total += len(chunk)
        writer.write(str(total).encode())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(sink, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for _ in range(20):
        writer.write(b'x' * 100000)
        await writer.drain()
    writer.write_eof()
    print('sink got', await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()

    # streams over a socket pair
    a, b = socket.socketpair()
    r1, w1 = await asyncio.open_connection(sock=a)
    r2, w2 = await asyncio.open_connection(sock=b)
    w1.write(b'over socketpair\n')
    print(await r2.readline())
    w2.write(b'part one|part two|')
    print(await r1.readuntil(b'|'), await r1.readexactly(9))
    w1.close()
    await w1.wait_closed()
    print(await r2.read(), r2.at_eof())
    w2.close()
    await w2.wait_closed()

    # the loop's low-level socket methods
    loop = asyncio.get_running_loop()
    lsock = socket.socket()
    lsock.bind(('127.0.0.1', 0))
    lsock.listen()
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    accept = asyncio.ensure_future(loop.sock_accept(lsock))
    await loop.sock_connect(csock, lsock.getsockname())
    conn, addr = await accept
    print(addr == csock.getsockname(), conn.gettimeout())
    await loop.sock_sendall(csock, b'raw bytes')
    print(await loop.sock_recv(conn, 100))
    buf = bytearray(5)
    await loop.sock_sendall(conn, b'12345')
    print(await loop.sock_recv_into(csock, buf), buf)
    for s in (conn, csock, lsock):
        s.close()

    # datagrams
    transport, _ = await loop.create_datagram_endpoint(EchoDatagram, local_addr=('127.0.0.1', 0))
    server_addr = transport.get_extra_info('sockname')
    done = loop.create_future()
    ctransport, _ = await loop.create_datagram_endpoint(lambda: ClientDatagram(done), remote_addr=server_addr)
    ctransport.sendto(b'datagram')
    print(await asyncio.wait_for(done, 5))
    ctransport.close()
    transport.close()

    # protocols over a connection
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    await loop.create_connection(lambda: LineCounter(done), '127.0.0.1', port)
    print(await done)
    server.close()
    await server.wait_closed()

    # refused connections and resolution
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    free = s.getsockname()[1]
    s.close()
    try:
        await asyncio.open_connection('127.0.0.1', free)
    except OSError as e:
        print('refused', type(e).__name__, e.errno)
    print(await loop.getaddrinfo('127.0.0.1', 80, family=socket.AF_INET, type=socket.SOCK_STREAM))
    print(await loop.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
    return 'done'


print(asyncio.run(main()))
