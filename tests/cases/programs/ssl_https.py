# HTTPS end to end: http.server behind TLS in a thread, http.client and urllib as clients
import ssl, threading, http.server, http.client, urllib.request, urllib.error

TEST = '/usr/lib/python3.11/test/'

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ('path=%s tls=%s' % (self.path, self.connection.version())).encode()
        self.send_response(200)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass

server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(TEST + 'keycert.pem')
server.socket = sctx.wrap_socket(server.socket, server_side=True)
port = server.server_address[1]
t = threading.Thread(target=server.serve_forever)
t.start()
try:
    cctx = ssl.create_default_context(cafile=TEST + 'keycert.pem')
    conn = http.client.HTTPSConnection('localhost', port, context=cctx)
    conn.request('GET', '/hello')
    print(conn.sock.version(), conn.sock.getpeercert()['subjectAltName'])
    resp = conn.getresponse()
    print(resp.status, resp.reason, resp.read())
    conn.close()

    with urllib.request.urlopen('https://localhost:%d/urllib' % port, context=cctx) as r:
        print(r.status, r.read())

    try:
        urllib.request.urlopen('https://127.0.0.1:%d/ip' % port, context=cctx)
    except urllib.error.URLError as e:
        print(type(e.reason).__name__, e.reason.verify_message)
    try:
        urllib.request.urlopen('https://localhost:%d/default' % port, context=ssl.create_default_context(cafile=TEST + 'pycacert.pem'))
    except urllib.error.URLError as e:
        print(type(e.reason).__name__, e.reason.reason, e.reason.verify_code)
finally:
    server.shutdown()
    server.server_close()
    t.join()
