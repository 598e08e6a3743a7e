# socket under the stdlib: http.server + urllib.request/http.client and socketserver over
# 127.0.0.1 with threads (deterministic)
import http.client
import http.server
import socket
import socketserver
import threading
import urllib.error
import urllib.request


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == '/missing':
            self.send_error(404)
            return
        body = b'hello ' + self.path.encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers['Content-Length']))
        self.send_response(201)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data[::-1])

    def log_message(self, *args):
        pass


srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
port = srv.server_address[1]
t = threading.Thread(target=srv.serve_forever)
t.start()
with urllib.request.urlopen(f'http://127.0.0.1:{port}/index') as r:
    print(r.status, r.reason, r.headers['Content-Type'], r.read())
try:
    urllib.request.urlopen(f'http://127.0.0.1:{port}/missing')
except urllib.error.HTTPError as e:
    print('HTTPError', e.code, e.reason)
conn = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
for i in range(3):
    conn.request('POST', '/echo', body=b'payload %d' % i)
    resp = conn.getresponse()
    print(resp.status, resp.read())
conn.close()
srv.shutdown()
t.join()
srv.server_close()


class Reverse(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.rstrip(b'\n')[::-1] + b'\n')


with socketserver.ThreadingTCPServer(('127.0.0.1', 0), Reverse) as srv:
    t = threading.Thread(target=srv.serve_forever)
    t.start()
    with socket.create_connection(srv.server_address) as c, c.makefile('rwb') as f:
        for w in [b'abc', b'hello', b'socketserver']:
            f.write(w + b'\n')
            f.flush()
            print(f.readline())
    srv.shutdown()
    t.join()
print('done')
