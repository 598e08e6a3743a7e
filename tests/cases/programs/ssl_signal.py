# Ctrl-C (SIGINT) interrupts a blocking TLS read of the main thread
import ssl, socket, threading, signal, os, time
T='/usr/lib/python3.11/test/'
s=ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); s.load_cert_chain(T+'keycert.pem')
c=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); c.load_verify_locations(T+'keycert.pem')
a,b=socket.socketpair()
ev=threading.Event()
def srv():
    with s.wrap_socket(b, server_side=True) as x:
        ev.wait(5)
t=threading.Thread(target=srv); t.start()
y=c.wrap_socket(a, server_hostname='localhost')
threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
try:
    y.recv(10)
except KeyboardInterrupt:
    print('interrupted')
ev.set(); t.join(); y.close()
