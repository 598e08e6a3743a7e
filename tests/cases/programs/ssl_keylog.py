# SSLContext.keylog_filename: the NSS key log of a TLS 1.3 and a TLS 1.2 connection
import ssl, socket, threading, tempfile, os

TEST = '/usr/lib/python3.11/test/'

def connect(sctx, cctx):
    a, b = socket.socketpair()
    def serve():
        with sctx.wrap_socket(b, server_side=True) as s:
            s.send(s.recv(10))
    t = threading.Thread(target=serve)
    t.start()
    with cctx.wrap_socket(a, server_hostname='localhost') as c:
        c.send(b'key')
        c.recv(10)
        version = c.version()
    t.join()
    return version

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'keys.log')
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(TEST + 'keycert.pem')
    cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    cctx.load_verify_locations(TEST + 'keycert.pem')
    print(cctx.keylog_filename)
    cctx.keylog_filename = path
    print(cctx.keylog_filename == path)
    print(connect(sctx, cctx))
    lines = open(path).read().splitlines()
    print(lines[0])
    print(sorted(set(l.split()[0] for l in lines[1:])), len(lines))
    cctx.maximum_version = ssl.TLSVersion.TLSv1_2
    print(connect(sctx, cctx))
    lines = open(path).read().splitlines()
    print(lines[0], [l.split()[0] for l in lines[6:]], [len(l.split()) for l in lines[1:]])
    cctx.keylog_filename = None
    print(cctx.keylog_filename, connect(sctx, cctx), len(open(path).read().splitlines()))
    for bad in [os.path.join(d, 'missing', 'x.log'), 5]:
        try:
            cctx.keylog_filename = bad
        except Exception as e:
            print(type(e).__name__, e.args[0] if isinstance(e, OSError) else e)
