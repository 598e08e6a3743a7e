# TLS over sockets: a server thread and a client over a socket pair (CPython's test certificates)
import ssl, socket, threading

TEST = '/usr/lib/python3.11/test/'

def server_context(cert='keycert.pem'):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(TEST + cert)
    return ctx

def client_context(cafile='keycert.pem'):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if cafile:
        ctx.load_verify_locations(TEST + cafile)
    return ctx

def run(sctx, cctx, hostname, server_fn, client_fn):
    a, b = socket.socketpair()
    result = {}
    def serve():
        try:
            with sctx.wrap_socket(b, server_side=True) as s:
                result['server'] = server_fn(s)
        except Exception as e:
            result['server'] = (type(e).__name__, str(e))
    t = threading.Thread(target=serve)
    t.start()
    try:
        with cctx.wrap_socket(a, server_hostname=hostname) as c:
            out = client_fn(c)
    except Exception as e:
        out = (type(e).__name__, str(e), getattr(e, 'reason', None), getattr(e, 'verify_code', None), getattr(e, 'verify_message', None))
    t.join()
    b.close()
    print('client:', out)
    print('server:', result.get('server'))

def echo(s):
    data = s.recv(1024)
    s.sendall(data.upper())
    return data

def basic_client(c):
    print(c.version(), c.cipher()[1:], c.selected_alpn_protocol(), c.server_hostname, c.server_side)
    cert = c.getpeercert()
    print(sorted(cert), cert['subject'], cert['subjectAltName'])
    der = c.getpeercert(True)
    print(len(der), ssl.DER_cert_to_PEM_cert(der).splitlines()[0])
    print(len(c.shared_ciphers()) == len(c.context.get_ciphers()), c.compression(), c.pending(), type(c.session).__name__, c.session_reused)
    print(c.get_channel_binding() is not None, len(c.get_channel_binding('tls-unique')))
    c.sendall(b'hello tls')
    return c.recv(1024)

run(server_context(), client_context(), 'localhost', echo, basic_client)

# TLS 1.2, ALPN, cipher choice
sctx = server_context()
sctx.set_alpn_protocols(['h2', 'http/1.1'])
cctx = client_context()
cctx.maximum_version = ssl.TLSVersion.TLSv1_2
cctx.set_alpn_protocols(['http/1.1'])
cctx.set_ciphers('ECDHE-RSA-AES128-GCM-SHA256')
def alpn_server(s):
    return (s.version(), s.selected_alpn_protocol(), s.cipher(), s.getpeercert(), echo(s))
def alpn_client(c):
    c.sendall(b'abc')
    return (c.version(), c.selected_alpn_protocol(), c.cipher(), c.read(10))
run(sctx, cctx, 'localhost', alpn_server, alpn_client)

# verification failures
run(server_context(), client_context(None), 'localhost', echo, basic_client)
run(server_context(), client_context(), 'otherhost', echo, basic_client)
run(server_context('keycert2.pem'), client_context('keycert2.pem'), 'localhost', echo, basic_client)
cctx = client_context(None)
cctx.check_hostname = False
cctx.verify_mode = ssl.CERT_NONE
def noverify_client(c):
    c.write(b'xyz')
    return (c.getpeercert(), len(c.getpeercert(binary_form=True)), c.read())
run(server_context(), cctx, None, echo, noverify_client)

# client certificates
sctx = server_context('keycert3.pem')
sctx.verify_mode = ssl.CERT_REQUIRED
sctx.load_verify_locations(TEST + 'pycacert.pem')
cctx = client_context('pycacert.pem')
cctx.load_cert_chain(TEST + 'keycert3.pem')
def clientcert_server(s):
    cert = s.getpeercert()
    return (cert['subject'][-1], cert['issuer'][-1], echo(s))
def clientcert_client(c):
    c.send(b'cert')
    return c.recv(100)
run(sctx, cctx, 'localhost', clientcert_server, clientcert_client)
cctx = client_context('pycacert.pem')
def nocert_client(c):
    # Only read: a write may meet the server's alert first (or its end of the connection).
    return c.recv(100)
run(sctx, cctx, 'localhost', clientcert_server, nocert_client)

# SNI callback
sctx = server_context()
seen = []
def sni(sslobj, name, context):
    seen.append((name, sslobj.server_side, context is sctx))
sctx.sni_callback = sni
run(sctx, client_context(), 'localhost', echo, lambda c: (c.send(b'sni'), c.recv(10)))
print(seen)

# unwrap: back to plain text
def unwrap_server(s):
    data = s.recv(100)
    s.send(data)
    plain = s.unwrap()
    return (data, plain.recv(100))
def unwrap_client(c):
    c.send(b'before')
    print(c.recv(100))
    plain = c.unwrap()
    plain.sendall(b'after')
    return type(plain).__name__
run(server_context(), client_context(), 'localhost', unwrap_server, unwrap_client)

# makefile, read into buffers, EOF
def file_server(s):
    f = s.makefile('rwb')
    line = f.readline()
    f.write(line[::-1])
    f.flush()
    f.close()
    return line
def file_client(c):
    c.sendall(b'line one\n')
    buf = bytearray(20)
    n = c.recv_into(buf)
    return (n, bytes(buf[:n]), c.recv(10))
run(server_context(), client_context(), 'localhost', file_server, file_client)

# errors on an unconnected or closed SSL socket
ctx = client_context()
s = ctx.wrap_socket(socket.socket(), server_hostname='localhost', do_handshake_on_connect=False)
for f in [lambda: s.getpeercert(), lambda: s.cipher(), lambda: s.version(), lambda: s.recv(1), lambda: s.send(b'x'), lambda: s.do_handshake()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s.close()
try:
    ctx.wrap_socket(socket.socket(type=socket.SOCK_DGRAM))
except Exception as e:
    print(type(e).__name__, e)
for hostname in ['', '.example.org', 'a\x00b']:
    try:
        ctx.wrap_socket(socket.socket(), server_hostname=hostname)
    except Exception as e:
        print(type(e).__name__, e)
try:
    server_context().wrap_socket(socket.socket(), server_side=True, server_hostname='x')
except Exception as e:
    print(type(e).__name__, e)
