# Any other object is printed with str() and gives status 1.
class Code:
    def __str__(self):
        return "custom exit code object"

raise SystemExit(Code())
