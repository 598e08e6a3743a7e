# _ssl module: import, constants, enums, exceptions, helpers (certificates of CPython's test package)
import ssl, _ssl, os

TEST = '/usr/lib/python3.11/test/'

print(sorted(n for n in dir(_ssl) if not n.startswith('__')))
print(ssl.OPENSSL_VERSION.startswith('OpenSSL 3.'), len(ssl.OPENSSL_VERSION_INFO), ssl.OPENSSL_VERSION_NUMBER >> 28)
for name in ['PROTOCOL_TLS', 'PROTOCOL_TLS_CLIENT', 'PROTOCOL_TLS_SERVER', 'CERT_NONE', 'CERT_OPTIONAL',
             'CERT_REQUIRED', 'OP_ALL', 'OP_NO_SSLv2', 'OP_NO_SSLv3', 'OP_NO_TLSv1', 'OP_NO_COMPRESSION',
             'OP_CIPHER_SERVER_PREFERENCE', 'OP_SINGLE_DH_USE', 'OP_NO_TICKET', 'OP_ENABLE_MIDDLEBOX_COMPAT',
             'OP_IGNORE_UNEXPECTED_EOF', 'VERIFY_DEFAULT', 'VERIFY_X509_STRICT', 'VERIFY_X509_PARTIAL_CHAIN',
             'VERIFY_CRL_CHECK_LEAF', 'HAS_SNI', 'HAS_ALPN', 'HAS_NPN', 'HAS_TLSv1_3', 'HAS_SSLv3',
             'HAS_ECDH', 'HAS_NEVER_CHECK_COMMON_NAME', 'CHANNEL_BINDING_TYPES',
             'ALERT_DESCRIPTION_HANDSHAKE_FAILURE', 'ALERT_DESCRIPTION_INTERNAL_ERROR',
             'SSL_ERROR_EOF', 'SSL_ERROR_WANT_READ', 'SSL_ERROR_ZERO_RETURN', '_DEFAULT_CIPHERS']:
    print(name, repr(getattr(ssl, name)))
for e in [ssl.Options, ssl.VerifyMode, ssl.VerifyFlags, ssl._SSLMethod, ssl.AlertDescription,
          ssl.SSLErrorNumber, ssl.TLSVersion, ssl._TLSContentType, ssl._TLSAlertType, ssl._TLSMessageType]:
    print(e.__name__, len(e), [(m.name, m.value) for m in list(e)[:6]])
print(repr(ssl.Options.OP_ALL), repr(ssl.PROTOCOL_TLS_CLIENT), repr(ssl.CERT_REQUIRED))
print(ssl.TLSVersion.MINIMUM_SUPPORTED, ssl.TLSVersion.MAXIMUM_SUPPORTED.value)

# exceptions
for exc in [ssl.SSLError, ssl.SSLZeroReturnError, ssl.SSLWantReadError, ssl.SSLWantWriteError,
            ssl.SSLSyscallError, ssl.SSLEOFError, ssl.SSLCertVerificationError, ssl.CertificateError]:
    print(exc.__name__, exc.__module__, [b.__name__ for b in exc.__mro__])
e = ssl.SSLError(1, 'oops')
print(str(e), e.args, e.errno, e.strerror)
print(str(ssl.SSLError('only')), str(ssl.SSLError()), str(ssl.SSLError(1, 2, 3)))
print(ssl.CertificateError is ssl.SSLCertVerificationError)

# helpers
print(len(ssl.RAND_bytes(16)), ssl.RAND_bytes(0), ssl.RAND_status())
ssl.RAND_add(b'abc', 1.0)
ssl.RAND_add('text', 0.5)
for bad in [lambda: ssl.RAND_bytes(-1), lambda: ssl.RAND_bytes('x'), lambda: ssl.RAND_add(1, 2)]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
print(ssl._ASN1Object.fromnid(129))
print(ssl._ASN1Object('1.3.6.1.5.5.7.3.1'))
print(ssl._ASN1Object.fromname('serverAuth'), ssl.Purpose.CLIENT_AUTH)
print(_ssl.txt2obj('commonName', True), _ssl.txt2obj('2.5.4.3'), _ssl.nid2obj(13))
for bad in [lambda: _ssl.txt2obj('nope'), lambda: _ssl.txt2obj('nope', True), lambda: _ssl.nid2obj(-1),
            lambda: _ssl.nid2obj(100000), lambda: _ssl.txt2obj(1)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
paths = ssl.get_default_verify_paths()
print(type(paths).__name__, paths._fields, paths.openssl_cafile_env, paths.openssl_capath_env)
print(_ssl.get_default_verify_paths())

# certificate decoding
for name in ['keycert.pem', 'keycert2.pem', 'pycacert.pem', 'nullbytecert.pem', 'allsans.pem',
             'idnsans.pem', 'keycert3.pem', 'nosan.pem', 'talos-2019-0758.pem', 'nullcert.pem']:
    try:
        d = _ssl._test_decode_cert(TEST + name)
        for k, v in d.items():
            print(name, k, v)
    except Exception as ex:
        print(name, type(ex).__name__, ex)
try:
    _ssl._test_decode_cert(TEST + 'does-not-exist.pem')
except Exception as ex:
    print(type(ex).__name__, ex, ex.errno, ex.strerror)

# PEM <-> DER
pem = open(TEST + 'keycert.pem').read()
start = pem.index('-----BEGIN CERTIFICATE-----')
der = ssl.PEM_cert_to_DER_cert(pem[start:])
print(len(der), der[:4].hex(), ssl.DER_cert_to_PEM_cert(der)[:40])
