# raise SystemExit(None) is a normal exit.
print("exiting normally")
raise SystemExit(None)
