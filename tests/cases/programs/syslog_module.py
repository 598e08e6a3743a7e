# syslog: constants, masks, argument errors, and calls (which go to the system log), with
# the audit events they raise.
import sys
import syslog

print(sorted((k, v) for k, v in vars(syslog).items() if k.startswith("LOG_") and isinstance(v, int)))
print(sorted(k for k, v in vars(syslog).items() if callable(v) and not k.startswith("__")))
print(syslog.__doc__, syslog.openlog.__doc__, syslog.LOG_MASK.__name__)
for level in range(8):
    print(level, syslog.LOG_MASK(level), syslog.LOG_UPTO(level))
print(syslog.LOG_UPTO(syslog.LOG_WARNING) == syslog.LOG_MASK(0) | syslog.LOG_MASK(1) | syslog.LOG_MASK(2) | syslog.LOG_MASK(3) | syslog.LOG_MASK(4))

def hook(event, args):
    if event.startswith("syslog."):
        print("audit", event, args)

sys.addaudithook(hook)

def t(f, *a, **k):
    try: print(f.__name__, a, k, '->', f(*a, **k))
    except Exception as e: print(f.__name__, a, k, type(e).__name__, e)
t(syslog.LOG_MASK, 3); t(syslog.LOG_UPTO, 3); t(syslog.LOG_MASK, -1); t(syslog.LOG_MASK, 40)
t(syslog.LOG_UPTO, 0); t(syslog.LOG_UPTO, 40); t(syslog.LOG_UPTO, -1)
t(syslog.LOG_MASK, 'x'); t(syslog.LOG_MASK); t(syslog.LOG_MASK, 1, 2); t(syslog.LOG_MASK, 1.5); t(syslog.LOG_MASK, 2**70)
t(syslog.LOG_UPTO, 'x'); t(syslog.LOG_UPTO, pri=1)
t(syslog.setlogmask, 'x'); t(syslog.setlogmask); t(syslog.setlogmask, 1.0); t(syslog.setlogmask, 2**70)
t(syslog.setlogmask, 0); t(syslog.setlogmask, syslog.LOG_UPTO(syslog.LOG_ERR)); t(syslog.setlogmask, 0); t(syslog.setlogmask, 255)
t(syslog.syslog); t(syslog.syslog, 1); t(syslog.syslog, 'a', 'b'); t(syslog.syslog, 1, 2); t(syslog.syslog, 1, 'a', 3)
t(syslog.syslog, 'a\0b'); t(syslog.syslog, b'x'); t(syslog.syslog, message='x'); t(syslog.syslog, 2**40, 'x'); t(syslog.syslog, 'x', 1)
t(syslog.openlog, 1); t(syslog.openlog, b'x'); t(syslog.openlog, 'id', 'x'); t(syslog.openlog, 'id', 0, 'x'); t(syslog.openlog, 'id', 0, 0, 0)
t(syslog.openlog, 'a\0b'); t(syslog.openlog, bad=1); t(syslog.openlog, ident='taipan-test', logoption=syslog.LOG_PID, facility=syslog.LOG_LOCAL0)
t(syslog.openlog, 'x', 2**70)
t(syslog.syslog, 'conformance message'); t(syslog.syslog, syslog.LOG_DEBUG, 'debug message')
t(syslog.closelog); t(syslog.closelog); t(syslog.closelog, 1); t(syslog.openlog)
t(syslog.syslog, syslog.LOG_INFO | syslog.LOG_USER, 'again'); t(syslog.closelog)
t(syslog.openlog, '\udcff')
