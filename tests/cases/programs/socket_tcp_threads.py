# TCP echo server and clients over 127.0.0.1 in one program, with threads (deterministic)
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(5)
host, port = srv.getsockname()
print('server on', host, port > 0)
log = []
lock = threading.Lock()


def handle(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(data.upper())


def serve(n):
    threads = []
    for _ in range(n):
        conn, addr = srv.accept()
        with lock:
            log.append((addr[0], conn.getsockname() == (host, port), conn.gettimeout()))
        th = threading.Thread(target=handle, args=(conn,))
        th.start()
        threads.append(th)
    for th in threads:
        th.join()


server = threading.Thread(target=serve, args=(3,))
server.start()

results = {}


def client(i):
    with socket.create_connection((host, port), timeout=10) as c:
        peer = c.getpeername() == (host, port)
        msg = (f'client {i} ' * (i * 3000 + 1)).encode()
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            data = c.recv(65536)
            if not data:
                break
            chunks.append(data)
        reply = b''.join(chunks)
        results[i] = (len(msg), reply == msg.upper(), peer)


clients = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for th in clients:
    th.start()
for th in clients:
    th.join()
server.join()
srv.close()
for i in sorted(results):
    print(i, results[i])
print(sorted(log))

# makefile round trip with a line protocol
srv = socket.create_server(('127.0.0.1', 0))
port = srv.getsockname()[1]


def line_server():
    conn, _ = srv.accept()
    with conn, conn.makefile('rwb') as f:
        for line in f:
            f.write(b'echo: ' + line)
            f.flush()


th = threading.Thread(target=line_server)
th.start()
c = socket.create_connection(('127.0.0.1', port))
f = c.makefile('rwb')
for word in [b'alpha', b'beta', b'gamma']:
    f.write(word + b'\n')
    f.flush()
    print(f.readline())
f.close()
c.close()
th.join()
srv.close()

# timeouts and refused connections
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen()
s.settimeout(0.05)
try:
    s.accept()
except TimeoutError as e:
    print('accept', type(e).__name__, e)
free_port = s.getsockname()[1]
s.close()
try:
    socket.create_connection(('127.0.0.1', free_port), timeout=5)
except OSError as e:
    print('connect', type(e).__name__, e.errno)
c = socket.socket()
c.setblocking(False)
print('connect_ex nonblocking', c.connect_ex(('127.0.0.1', free_port)) in (111, 115))
c.close()
