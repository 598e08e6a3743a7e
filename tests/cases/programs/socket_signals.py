# _socket: signals during blocking calls of the main thread; a handler that raises interrupts
# the call, one that returns lets it go on (PEP 475)
import _socket
import os
import signal
import threading
import time

signal.signal(signal.SIGINT, signal.default_int_handler)
s = _socket.socket()
s.bind(('127.0.0.1', 0))
s.listen()
threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
try:
    s._accept()
except KeyboardInterrupt:
    print('accept interrupted')

seen = []
signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))


def later():
    os.kill(os.getpid(), signal.SIGUSR1)
    # The handler runs in the blocked main thread before the connection arrives.
    time.sleep(0.3)
    c = _socket.socket()
    c.connect(s.getsockname())
    c.sendall(b'after the signal')
    c.close()


threading.Timer(0.2, later).start()
fd, addr = s._accept()
conn = _socket.socket(fileno=fd)
print('accepted after handler', seen == [signal.SIGUSR1])
data = b''
while chunk := conn.recv(100):
    data += chunk
print(data)
conn.close()

a, b = _socket.socketpair()


def alarm():
    os.kill(os.getpid(), signal.SIGALRM)


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm('recv interrupted')


signal.signal(signal.SIGALRM, on_alarm)
threading.Timer(0.2, alarm).start()
try:
    b.recv(10)
except Alarm as e:
    print(e)
a.close()
b.close()
s.close()
