# Several arguments: the code is the args tuple, printed to stderr, status 1.
raise SystemExit(1, "two")
