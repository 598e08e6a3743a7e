# _ssl argument checking: wrong types and values raise CPython's exceptions
import ssl, _ssl, socket
T='/usr/lib/python3.11/test/'
c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
o = c.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname='localhost')
so = o._sslobj
calls = [
 lambda: _ssl._SSLContext(), lambda: _ssl._SSLContext('x'), lambda: _ssl._SSLContext(2**70),
 lambda: c._wrap_socket(1, False), lambda: c._wrap_bio(1, 2, False), lambda: c._wrap_socket(socket.socket(), False, 5),
 lambda: c.load_cert_chain(T+'keycert.pem', 5), lambda: c.load_verify_locations(cadata='é'),
 lambda: c.set_ciphers('a\0b'), lambda: setattr(c, 'options', -1), lambda: setattr(c, 'options', 2**80),
 lambda: setattr(c, 'verify_flags', 'x'), lambda: setattr(c, 'minimum_version', 2**40), lambda: setattr(c, 'check_hostname', None),
 lambda: c._set_alpn_protocols(5), lambda: c.get_ca_certs(5), lambda: c.set_ecdh_curve(5), lambda: c.load_dh_params(5),
 lambda: so.read(-5), lambda: so.read(5, b'immutable'), lambda: so.read(5, bytearray(2)), lambda: so.write(5), lambda: so.write('str'),
 lambda: so.getpeercert(), lambda: so.get_channel_binding('x'), lambda: so.pending(), lambda: so.cipher(), lambda: so.shared_ciphers(),
 lambda: so.version(), lambda: so.get_verified_chain(), lambda: so.get_unverified_chain(), lambda: setattr(so, 'context', 5),
 lambda: setattr(so, 'owner', 5), lambda: so.owner, lambda: so.session, lambda: so.session_reused, lambda: so.verify_client_post_handshake(),
 lambda: _ssl.RAND_bytes(2**40), lambda: _ssl.nid2obj(2**40), lambda: _ssl.txt2obj('a\0b'), lambda: _ssl._test_decode_cert(5),
 lambda: _ssl._test_decode_cert(T+'keycert.pem\0x'), lambda: _ssl.MemoryBIO().read(2**40), lambda: _ssl.MemoryBIO().write(5),
 lambda: c.sni_callback, lambda: setattr(ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER), 'sni_callback', 5),
 lambda: setattr(c, 'keylog_filename', '/nonexistent/dir/x'),
]
for i, f in enumerate(calls):
    try:
        r = f()
        print(i, 'ok', r if not isinstance(r, (list, dict)) else type(r).__name__)
    except Exception as e:
        print(i, type(e).__name__, e)
