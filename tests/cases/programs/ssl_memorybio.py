# MemoryBIO and SSLObject (what asyncio uses), non-blocking sockets, and asyncio streams over TLS
import ssl, socket, asyncio, threading, select

TEST = '/usr/lib/python3.11/test/'

bio = ssl.MemoryBIO()
print(bio.pending, bio.eof, bio.read(), bio.write(b'hello'), bio.pending)
print(bio.read(2), bio.read(), bio.pending)
bio.write(bytearray(b'xyz'))
bio.write_eof()
print(bio.eof, bio.read(-1), bio.eof)
for f in [lambda: bio.write(b'more'), lambda: bio.write('str'), lambda: ssl.MemoryBIO(1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(TEST + 'keycert.pem')
sctx.set_alpn_protocols(['h2'])
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(TEST + 'keycert.pem')
cctx.set_alpn_protocols(['h2'])

def pair(server_hostname='localhost'):
    cin, cout, sin, sout = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = cctx.wrap_bio(cin, cout, server_hostname=server_hostname)
    server = sctx.wrap_bio(sin, sout, server_side=True)
    return client, server, (cin, cout, sin, sout)

def pump(bios):
    cin, cout, sin, sout = bios
    moved = 0
    data = cout.read()
    if data:
        sin.write(data)
        moved += len(data)
    data = sout.read()
    if data:
        cin.write(data)
        moved += len(data)
    return moved

def step(obj, fn):
    try:
        return fn()
    except ssl.SSLWantReadError as e:
        return 'want-read'

client, server, bios = pair()
print(type(client).__name__, client.server_side, server.server_side, client.server_hostname, server.server_hostname)
print(client.version(), client.cipher(), client.selected_alpn_protocol())
try:
    client.getpeercert()
except Exception as e:
    print(type(e).__name__, e)
rounds = 0
states = []
while True:
    rc = step(client, client.do_handshake)
    rs = step(server, server.do_handshake)
    states.append((rc, rs))
    rounds += 1
    if rc is None and rs is None:
        break
    if not pump(bios) and rounds > 10:
        print('stuck')
        break
print(states[0], states[-1])
print(client.version(), server.version(), client.selected_alpn_protocol(), server.selected_alpn_protocol())
print(client.getpeercert()['subject'][-1], server.getpeercert(), client.cipher() == server.cipher())
print(client.write(b'ping over memory'), step(server, lambda: server.read(100)))
pump(bios)
print(server.read(100), server.pending())
server.write(b'x' * 5000)
pump(bios)
got = b''
while len(got) < 5000:
    got += client.read(1024)
print(len(got), client.pending())
print(step(client, lambda: client.read(10)))
print(step(client, client.unwrap))
pump(bios)
print(step(server, server.unwrap))
pump(bios)
print(step(client, client.unwrap))
try:
    server.read(10)
except Exception as e:
    print(type(e).__name__, e.args[0])

# verification failure through BIOs
client, server, bios = pair('wronghost')
err = None
for _ in range(10):
    try:
        client.do_handshake()
        break
    except ssl.SSLWantReadError:
        pass
    except ssl.SSLError as e:
        err = e
        break
    try:
        server.do_handshake()
    except ssl.SSLWantReadError:
        pass
    except ssl.SSLError as e:
        print('server', type(e).__name__)
    pump(bios)
print(type(err).__name__, err.reason, err.verify_code, err.library, err.errno, err)

# a non-blocking SSL socket
a, b = socket.socketpair()
done = threading.Event()
def serve():
    with sctx.wrap_socket(b, server_side=True) as s:
        s.sendall(s.recv(100) * 2)
        done.wait(10)
t = threading.Thread(target=serve)
t.start()
c = cctx.wrap_socket(a, server_hostname='localhost', do_handshake_on_connect=False)
c.setblocking(False)
kinds = set()
while True:
    try:
        c.do_handshake()
        break
    except ssl.SSLWantReadError:
        kinds.add('read')
        select.select([c], [], [], 5)
    except ssl.SSLWantWriteError:
        kinds.add('write')
        select.select([], [c], [], 5)
print(sorted(kinds), c.version())
try:
    c.recv(10)
except ssl.SSLWantReadError as e:
    print(type(e).__name__, e.errno, e.args[1], e.library, e.reason)
c.send(b'nb')
data = b''
while len(data) < 4:
    try:
        data += c.recv(10)
    except ssl.SSLWantReadError:
        select.select([c], [], [], 5)
print(data)
done.set()
t.join()
c.close()

# timeouts
a, b = socket.socketpair()
c = cctx.wrap_socket(a, server_hostname='localhost', do_handshake_on_connect=False)
c.settimeout(0.2)
try:
    c.do_handshake()
except Exception as e:
    print(type(e).__name__, e)
c.close()
b.close()

# asyncio streams with TLS on both ends
async def main():
    async def handle(reader, writer):
        line = await reader.readline()
        writer.write(line.upper())
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=sctx)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=cctx, server_hostname='localhost')
    obj = writer.get_extra_info('ssl_object')
    print(type(obj).__name__, obj.version(), writer.get_extra_info('peercert')['subjectAltName'])
    writer.write(b'async tls\n')
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
asyncio.run(main())
