# True is the int 1.
raise SystemExit(True)
