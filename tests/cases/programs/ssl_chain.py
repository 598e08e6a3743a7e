# Certificate chains, Certificate objects, the message callback, sessions and post-handshake auth
import ssl, socket, threading

TEST = '/usr/lib/python3.11/test/'

def run(sctx, cctx, server_fn, client_fn, hostname='localhost'):
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
        out = (type(e).__name__, str(e))
    t.join()
    print('client:', out)
    print('server:', result.get('server'))

sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(TEST + 'keycert3.pem')
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(TEST + 'pycacert.pem')

def chains(c):
    verified = c._sslobj.get_verified_chain()
    unverified = c._sslobj.get_unverified_chain()
    print(len(verified), len(unverified), [repr(x) for x in verified])
    cert = verified[0]
    print(type(cert).__name__, cert == unverified[0], cert != verified[1], hash(cert) == hash(unverified[0]))
    print(cert.public_bytes().splitlines()[0], len(cert.public_bytes(ssl._ssl.ENCODING_DER)))
    print(cert.public_bytes(ssl._ssl.ENCODING_DER) == c.getpeercert(True))
    print(sorted(cert.get_info()), cert.get_info()['issuer'][-1])
    try:
        cert.public_bytes(5)
    except Exception as e:
        print(type(e).__name__, e)
    c.send(b'chain')
    return c.recv(10)
def echo(s):
    data = s.recv(100)
    s.send(data)
    return data
run(sctx, cctx, echo, chains)

# the message callback sees the handshake records
seen = []
def record(conn, direction, version, content_type, msg_type, data):
    seen.append((direction, content_type, msg_type))
cctx._msg_callback = record
print(cctx._msg_callback is record)
run(sctx, cctx, echo, lambda c: (c.send(b'm'), c.recv(5)))
print(('write', ssl._TLSContentType.HANDSHAKE, ssl._TLSMessageType.CLIENT_HELLO) in seen,
      ('read', ssl._TLSContentType.HANDSHAKE, ssl._TLSMessageType.SERVER_HELLO) in seen)
cctx._msg_callback = None
try:
    cctx._msg_callback = 5
except Exception as e:
    print(type(e).__name__, e)

# session reuse with TLS 1.2
sctx12 = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx12.load_cert_chain(TEST + 'keycert3.pem')
sctx12.maximum_version = ssl.TLSVersion.TLSv1_2
sessions = []
def keep_session(c):
    sessions.append(c.session)
    c.send(b's')
    return (c.session_reused, c.recv(5))
run(sctx12, cctx, echo, keep_session)
sess = sessions[0]
print(type(sess).__name__, sess.has_ticket, sess.timeout > 0, sess.time > 0, len(sess.id), sess == sess)
a, b = socket.socketpair()
def serve():
    with sctx12.wrap_socket(b, server_side=True) as s:
        s.send(s.recv(5))
t = threading.Thread(target=serve)
t.start()
with cctx.wrap_socket(a, server_hostname='localhost', session=sess) as c:
    c.send(b'again')
    print(c.recv(5), c.session_reused, c.session == sess)
t.join()
try:
    ssl.SSLSession()
except Exception as e:
    print(type(e).__name__, e)
try:
    s = cctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname='localhost')
    s.session = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    other = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    s = other.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname='localhost')
    s.session = sess
except Exception as e:
    print(type(e).__name__, e)

# post-handshake client authentication (TLS 1.3)
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(TEST + 'keycert3.pem')
sctx.load_verify_locations(TEST + 'pycacert.pem')
sctx.verify_mode = ssl.CERT_REQUIRED
sctx.post_handshake_auth = True
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(TEST + 'pycacert.pem')
cctx.load_cert_chain(TEST + 'keycert3.pem')
cctx.post_handshake_auth = True
def pha_server(s):
    before = s.getpeercert()
    s.verify_client_post_handshake()
    s.send(b'go')
    data = s.recv(10)
    return (before, s.getpeercert()['subject'][-1], data)
def pha_client(c):
    print(c.recv(2))
    c.send(b'cert')
    return c.version()
run(sctx, cctx, pha_server, pha_client)

# switching the context in the SNI callback
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(TEST + 'keycert.pem')
other = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
other.load_cert_chain(TEST + 'keycert2.pem')
def switch(sslobj, name, context):
    if name == 'fakehostname':
        sslobj.context = other
sctx.sni_callback = switch
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(TEST + 'keycert2.pem')
run(sctx, cctx, lambda s: (s.context is other, echo(s)), lambda c: (c.getpeercert()['subject'][-1], c.send(b'x'), c.recv(1)), 'fakehostname')
def refuse(sslobj, name, context):
    return ssl.ALERT_DESCRIPTION_ACCESS_DENIED
sctx.sni_callback = refuse
run(sctx, cctx, echo, lambda c: c.recv(1), 'fakehostname')
