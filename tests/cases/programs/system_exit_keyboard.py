# An uncaught KeyboardInterrupt prints its traceback; the process ends as killed by SIGINT.
def interrupted():
    raise KeyboardInterrupt

print("about to be interrupted")
interrupted()
