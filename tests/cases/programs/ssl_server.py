# a TLS server on a listening TCP socket: get_server_certificate, read timeouts, close_notify
import ssl, socket, threading
T='/usr/lib/python3.11/test/'
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); sctx.load_cert_chain(T+'keycert.pem')
ls = socket.socket(); ls.bind(('127.0.0.1', 0)); ls.listen()
port = ls.getsockname()[1]
stop = threading.Event()
def serve():
    for _ in range(2):
        conn, _ = ls.accept()
        try:
            with sctx.wrap_socket(conn, server_side=True) as s:
                stop.wait(2)
        except Exception as e:
            print('server', type(e).__name__)
t = threading.Thread(target=serve); t.start()
pem = ssl.get_server_certificate(('127.0.0.1', port))
print(pem.splitlines()[0], len(pem))
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); cctx.load_verify_locations(T+'keycert.pem')
c = cctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost')
c.settimeout(0.3)
try:
    c.recv(10)
except Exception as e:
    print(type(e).__name__, e)
stop.set()
print(c.recv(10))
c.close()
t.join(); ls.close()
