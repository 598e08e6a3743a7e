# subprocess: run, check_output, check_call, Popen, communicate, return codes and errors.
import os
import signal
import subprocess
import sys


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("echo rc", lambda: subprocess.run(["/bin/echo", "hello"]).returncode)
sys.stdout.flush()
show("capture", lambda: subprocess.run(["/bin/echo", "hi there"], capture_output=True))
show("exit 3", lambda: subprocess.run(["/bin/sh", "-c", "exit 3"]).returncode)
show("path search", lambda: subprocess.check_output(["echo", "found on PATH"]))
show("shell env cwd", lambda: subprocess.check_output("echo $FOO; pwd", shell=True,
                                                      env={"FOO": "bar", "PATH": "/bin:/usr/bin"}, cwd="/"))
show("text", lambda: subprocess.check_output(["/bin/sh", "-c", "printf 'a\\nb\\n'"], text=True))
show("check_call", lambda: subprocess.check_call(["/bin/sh", "-c", "exit 2"]))
show("check_output fail", lambda: subprocess.check_output(["/bin/sh", "-c", "echo partial; exit 5"]))
show("check=True", lambda: subprocess.run(["/bin/false"], check=True))
show("missing", lambda: subprocess.run(["nonexistent_program_xyz"]))
show("missing abs", lambda: subprocess.run(["/nonexistent/program"]))
show("bad cwd", lambda: subprocess.run(["/bin/true"], cwd="/nonexistent_dir"))
show("cwd file", lambda: subprocess.run(["/bin/true"], cwd="/etc/passwd"))
show("not executable", lambda: subprocess.run(["/etc/passwd"]))
show("directory", lambda: subprocess.run(["/"]))
show("bad stdin fd", lambda: subprocess.run(["/bin/true"], stdin=12345))
show("killed", lambda: subprocess.run(["/bin/sh", "-c", "kill -9 $$"]).returncode)
show("terminated", lambda: subprocess.run(["/bin/sh", "-c", "kill -TERM $$"]).returncode)
show("big input", lambda: len(subprocess.run(["cat"], input=b"abc" * 100000, capture_output=True).stdout))
show("stderr to stdout", lambda: subprocess.run(["/bin/sh", "-c", "echo o; echo e >&2"],
                                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
show("devnull", lambda: subprocess.run(["/bin/sh", "-c", "echo gone; echo gone >&2"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode)
show("stdin devnull", lambda: subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True).stdout)


def python_child():
    r = subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:]); sys.exit(7)", "x", "y"], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


show("python child", python_child)
show("env only", lambda: subprocess.run(["/usr/bin/env"], env={"ONLY": "1"}, capture_output=True).stdout)
show("executable", lambda: subprocess.run(["argv0-name", "-c", "echo $0"], executable="/bin/sh", capture_output=True).stdout)
show("bytes args", lambda: subprocess.check_output([b"/bin/echo", b"bytes"]))
show("pathlike", lambda: subprocess.check_output([__import__("pathlib").Path("/bin/echo"), "p"]))
show("getoutput", lambda: subprocess.getoutput("echo a; exit 1"))
show("getstatusoutput", lambda: subprocess.getstatusoutput("exit 4"))
show("call", lambda: subprocess.call(["/bin/sh", "-c", "exit 9"]))

p = subprocess.Popen(["/bin/sh", "-c", "read x; echo got $x; echo err >&2"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
show("communicate", lambda: p.communicate(b"line\n", timeout=30))
print("returncode", p.returncode, "poll", p.poll(), "args", p.args)

try:
    subprocess.run(["sleep", "10"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("timeout", e.cmd, e.timeout > 0)

p = subprocess.Popen(["sleep", "10"])
print("poll running", p.poll())
p.terminate()
print("wait terminated", p.wait(), p.returncode == -signal.SIGTERM)
p = subprocess.Popen(["sleep", "10"])
p.kill()
print("wait killed", p.wait())
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGINT)
print("wait interrupted", p.wait())
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait timeout", e.cmd)
p.kill()
p.wait()

with subprocess.Popen(["/bin/echo", "in with"], stdout=subprocess.PIPE) as p:
    print("with", p.stdout.read())
print("after with", p.returncode, p.stdout.closed)

p = subprocess.Popen(["/bin/sh", "-c", "echo 1; echo 2; echo 3"], stdout=subprocess.PIPE, text=True)
print("lines", list(p.stdout))
p.wait()
p.stdout.close()

# pass_fds: the child writes on an inherited descriptor; close_fds closes the others.
r, w = os.pipe()
code = "import os, sys; os.write(int(sys.argv[1]), b'through pass_fds')"
print("pass_fds", subprocess.run([sys.executable, "-c", code, str(w)], pass_fds=[w]).returncode)
os.close(w)
print("read", os.read(r, 100))
os.close(r)
r, w = os.pipe()
os.set_inheritable(w, True)
print("close_fds", subprocess.run([sys.executable, "-c", code, str(w)], stderr=subprocess.DEVNULL).returncode)
print("no close_fds", subprocess.run([sys.executable, "-c", code, str(w)], close_fds=False).returncode)
os.close(w)
print("read", os.read(r, 100))
os.close(r)

code = "import os; print(os.getsid(0) == os.getpid(), os.getpgid(0) == os.getpid())"
show("new session", lambda: subprocess.check_output([sys.executable, "-c", code], start_new_session=True))
show("process group", lambda: subprocess.check_output([sys.executable, "-c", code], process_group=0))
show("umask", lambda: subprocess.check_output(["/bin/sh", "-c", "umask"], umask=0o27))
show("sigpipe restored", lambda: subprocess.run(["/bin/sh", "-c", "yes | head -c 3"], capture_output=True).stdout)
