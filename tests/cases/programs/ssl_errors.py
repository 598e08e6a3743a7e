# _ssl error paths: messages, library and reason, the source lines CPython's messages name
import ssl
T='/usr/lib/python3.11/test/'
s=ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); s.load_cert_chain(T+'keycert.pem')
c=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); c.load_verify_locations(T+'keycert.pem')
cin, cout = ssl.MemoryBIO(), ssl.MemoryBIO()
o = c.wrap_bio(cin, cout, server_hostname='localhost')
try: o.unwrap()
except Exception as e: print('shutdown', type(e).__name__, e, e.args[0])
try: o.write(b'x')
except Exception as e: print('write', type(e).__name__, e, e.args[0])
try: o.pending()
except Exception as e: print('pending', type(e).__name__, e)
for f in [lambda: c.load_verify_locations(T+'badcert.pem'), lambda: c.load_verify_locations(T+'keycert.pem', capath=1), lambda: c.set_ecdh_curve(b'prime256v1'),
          lambda: s.load_dh_params(T+'keycert.pem'), lambda: s.load_dh_params(T+'nope'), lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cadata=b'\x30\x82\x00\x10' + b'\x00'*16)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e, getattr(e,'args',None))
o = c.wrap_bio(cin, cout, server_hostname='localhost')
try: o.read(-1)
except Exception as e: print(type(e).__name__, e)
try: o.read(0)
except Exception as e: print(type(e).__name__, e)
try: o.do_handshake(); o.write(b'x')
except Exception as e: print(type(e).__name__, e)
for h in ['', '.x', 'a'*300, '127.0.0.1', '::1', b'bytes.example', 3]:
    try: x=c.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=h); print(x.server_hostname)
    except Exception as e: print(type(e).__name__, e)
