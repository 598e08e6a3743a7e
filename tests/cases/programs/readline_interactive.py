# readline through input() on a pseudo-terminal: a child interpreter (this one) edits lines
# with a Python completer, a startup hook and automatic history; this program types into it
# and prints what the terminal showed.
import os
import signal
import subprocess
import sys
import tempfile

CHILD = r'''
import readline
calls = []
def completer(text, state):
    calls.append((text, state, readline.get_begidx(), readline.get_endidx(), readline.get_line_buffer()))
    options = [w for w in ("alpha", "alphabet", "beta", "caf\u00e9") if w.startswith(text)]
    return options[state] if state < len(options) else None
readline.set_completer(completer)
readline.parse_and_bind("tab: complete")
readline.set_startup_hook(lambda: readline.insert_text("pre "))
first = input("> ")
readline.set_startup_hook(None)
def bad(text, state):
    raise ValueError("boom")
readline.set_completer(bad)
second = input("? ")
readline.set_completer(completer)
third = input("\u00e9 ")
def display(substitution, matches, longest):
    print("\ndisplay", substitution, matches, longest)
readline.set_completion_display_matches_hook(display)
readline.parse_and_bind("set show-all-if-ambiguous on")
listed = input("list ")
readline.parse_and_bind("set show-all-if-ambiguous off")
readline.set_completion_display_matches_hook(None)
readline.set_auto_history(False)
fourth = input("no history ")
try:
    input("interrupt ")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    input("eof? ")
except EOFError as e:
    eof = repr(e)
print()
print(repr(first), repr(second), repr(third), repr(listed), repr(fourth), eof)
for call in calls:
    print(call)
n = readline.get_current_history_length()
print(n, [readline.get_history_item(i) for i in range(1, n + 1)])
'''


def main():
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "child.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(CHILD)
        master, slave = os.openpty()
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb", "INPUTRC": "/dev/null",
               "HOME": tmp, "PYTHONDONTWRITEBYTECODE": "1"}
        child = subprocess.Popen([sys.executable, script], stdin=slave, stdout=slave, stderr=slave,
                                 env=env, close_fds=True)
        os.close(slave)
        out = bytearray()
        seen = [0]

        def expect(text):
            # The next keys are typed only once the terminal shows this, so readline has
            # the terminal in its own mode and echoes them itself.
            while (at := out.find(text, seen[0])) < 0:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out.extend(chunk)
            seen[0] = at + len(text)

        expect(b"> pre ")
        os.write(master, b"x al\t")
        expect(b"pha")
        os.write(master, b"p\t\n")
        expect(b"? ")
        os.write(master, b"q b\t\n")
        expect("\u00e9 ".encode())
        os.write(master, "ca\t\n".encode())
        expect(b"list ")
        os.write(master, b"al\t")
        expect(b"display")
        expect(b"8\r\npha")
        os.write(master, b"!\n")
        expect(b"no history ")
        os.write(master, b"again\n")
        expect(b"interrupt ")
        os.write(master, b"abc")
        expect(b"abc")
        child.send_signal(signal.SIGINT)
        expect(b"KeyboardInterrupt")
        expect(b"eof? ")
        os.write(master, b"\x04")
        expect(b"\r\n\r\n")
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            out.extend(chunk)
        os.close(master)
        child.wait()
        for line in bytes(out).split(b"\r\n"):
            print(line)
        print("exit", child.returncode)


main()
