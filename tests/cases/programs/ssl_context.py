# ssl.SSLContext: protocol, options, verification settings, certificates, ciphers, ALPN
import ssl, _ssl, warnings
warnings.simplefilter('ignore', DeprecationWarning)

TEST = '/usr/lib/python3.11/test/'
CERTDATA = TEST + 'certdata/'

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e, getattr(e, 'library', '-'), getattr(e, 'reason', '-'))

for proto in [ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER, ssl.PROTOCOL_TLS]:
    ctx = ssl.SSLContext(proto)
    print(repr(ctx.protocol), repr(ctx.verify_mode), ctx.check_hostname, repr(ctx.verify_flags))
    print(' ', repr(ctx.options), repr(ctx.minimum_version), repr(ctx.maximum_version))
    print(' ', ctx.post_handshake_auth, ctx.hostname_checks_common_name, ctx.security_level, ctx.num_tickets)
    print(' ', ctx.sni_callback, ctx.cert_store_stats(), ctx.get_ca_certs(), ctx.keylog_filename)

attempt('bad protocol', lambda: ssl.SSLContext(42))
attempt('no protocol', lambda: ssl.SSLContext().protocol)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt('verify none with check_hostname', lambda: setattr(ctx, 'verify_mode', ssl.CERT_NONE))
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
print(repr(ctx.verify_mode), ctx.check_hostname)
ctx.check_hostname = True
print(repr(ctx.verify_mode), ctx.check_hostname)
attempt('verify mode 5', lambda: setattr(ctx, 'verify_mode', 5))
attempt('verify mode str', lambda: setattr(ctx, 'verify_mode', 'x'))
ctx.options |= ssl.OP_NO_TLSv1_1
print(repr(ctx.options))
ctx.options &= ~ssl.OP_NO_TICKET
print(repr(ctx.options))
attempt('options str', lambda: setattr(ctx, 'options', 'x'))
ctx.verify_flags |= ssl.VERIFY_X509_STRICT
print(repr(ctx.verify_flags))
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
ctx.maximum_version = ssl.TLSVersion.TLSv1_3
print(repr(ctx.minimum_version), repr(ctx.maximum_version))
ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
ctx.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
print(repr(ctx.minimum_version), repr(ctx.maximum_version))
attempt('version 42', lambda: setattr(ctx, 'minimum_version', 42))
attempt('version tls1 ctx', lambda: setattr(ssl.SSLContext(ssl.PROTOCOL_TLSv1_2), 'minimum_version', ssl.TLSVersion.TLSv1_3))
ctx.hostname_checks_common_name = True
print(ctx.hostname_checks_common_name)
attempt('num_tickets client', lambda: setattr(ctx, 'num_tickets', 3))
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
attempt('num_tickets -1', lambda: setattr(sctx, 'num_tickets', -1))
sctx.num_tickets = 0
print(sctx.num_tickets)
ctx.post_handshake_auth = True
print(ctx.post_handshake_auth)

# certificates and keys
attempt('chain keycert', lambda: sctx.load_cert_chain(TEST + 'keycert.pem'))
attempt('chain split', lambda: sctx.load_cert_chain(TEST + 'ssl_cert.pem', TEST + 'ssl_key.pem'))
attempt('chain missing', lambda: sctx.load_cert_chain(TEST + 'missing.pem'))
attempt('chain not a cert', lambda: sctx.load_cert_chain(TEST + 'badcert.pem'))
attempt('chain bad key', lambda: sctx.load_cert_chain(TEST + 'keycert.pem', TEST + 'badkey.pem'))
attempt('chain key mismatch', lambda: sctx.load_cert_chain(TEST + 'keycert.pem', TEST + 'keycert2.pem'))
attempt('chain wrong type', lambda: sctx.load_cert_chain(1))
attempt('chain encrypted', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password='somepass'))
attempt('chain encrypted bytes', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password=b'somepass'))
attempt('chain encrypted fn', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password=lambda: 'somepass'))
attempt('chain bad password', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password='bad'))
attempt('chain password type', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password=3))
attempt('chain password raise', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password=lambda: 1/0))
attempt('chain password long', lambda: sctx.load_cert_chain(TEST + 'keycert.passwd.pem', password='x' * 2000))

vctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt('verify none', lambda: vctx.load_verify_locations())
attempt('verify cafile', lambda: vctx.load_verify_locations(TEST + 'pycacert.pem'))
print(vctx.cert_store_stats())
attempt('verify again', lambda: vctx.load_verify_locations(cafile=TEST + 'pycacert.pem'))
print(vctx.cert_store_stats())
attempt('verify missing', lambda: vctx.load_verify_locations(TEST + 'missing.pem'))
attempt('verify capath', lambda: vctx.load_verify_locations(capath=CERTDATA))
attempt('verify bad type', lambda: vctx.load_verify_locations(cafile=1))
attempt('verify cadata bad', lambda: vctx.load_verify_locations(cadata='broken'))
attempt('verify cadata type', lambda: vctx.load_verify_locations(cadata=1))
pem = open(TEST + 'keycert.pem').read()
pem_cert = pem[pem.index('-----BEGIN CERTIFICATE-----'):]
attempt('verify cadata pem', lambda: vctx.load_verify_locations(cadata=pem_cert))
attempt('verify cadata der', lambda: vctx.load_verify_locations(cadata=ssl.PEM_cert_to_DER_cert(pem_cert)))
attempt('verify cadata der junk', lambda: vctx.load_verify_locations(cadata=b'\x30\x03junk'))
print(vctx.cert_store_stats())
for c in vctx.get_ca_certs():
    print(sorted(c.items()))
print([len(d) for d in vctx.get_ca_certs(True)])
dctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
dctx.set_default_verify_paths()
dctx.load_default_certs()
print(type(dctx.cert_store_stats()['x509_ca']).__name__)

# ciphers
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ciphers = cctx.get_ciphers()
print(len(ciphers) > 10, sorted(ciphers[0].keys()))
print(ciphers[0])
attempt('ciphers ok', lambda: cctx.set_ciphers('ECDHE+AESGCM'))
print([c['name'] for c in cctx.get_ciphers()])
attempt('ciphers bad', lambda: cctx.set_ciphers('NOPE'))
attempt('ciphers type', lambda: cctx.set_ciphers(1))
attempt('ecdh', lambda: cctx.set_ecdh_curve('prime256v1'))
attempt('ecdh bad', lambda: cctx.set_ecdh_curve('nope'))
attempt('dh params', lambda: sctx.load_dh_params(TEST + 'ffdh3072.pem'))
attempt('dh missing', lambda: sctx.load_dh_params(TEST + 'missing.pem'))

# ALPN, misc
attempt('alpn', lambda: cctx.set_alpn_protocols(['h2', 'http/1.1']))
attempt('alpn long', lambda: cctx.set_alpn_protocols(['x' * 256]))
attempt('alpn type', lambda: cctx.set_alpn_protocols([1]))
attempt('npn', lambda: cctx.set_npn_protocols(['h2']))
attempt('sni none', lambda: setattr(cctx, 'sni_callback', None))
attempt('sni bad', lambda: setattr(cctx, 'sni_callback', 3))
attempt('session stats', lambda: sorted(cctx.session_stats().items()))
attempt('default context', lambda: (repr(ssl.create_default_context().verify_mode), ssl.create_default_context().check_hostname))
attempt('default server', lambda: repr(ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).protocol))
attempt('default cafile', lambda: ssl.create_default_context(cafile=TEST + 'pycacert.pem').cert_store_stats())
attempt('unverified', lambda: repr(ssl._create_unverified_context().verify_mode))
attempt('stdlib', lambda: repr(ssl._create_stdlib_context().verify_mode))
attempt('keylog', lambda: setattr(cctx, 'keylog_filename', 1))
print(isinstance(ctx, ssl.SSLContext), type(ctx).__mro__[1].__name__, type(ctx).__mro__[1].__module__)
