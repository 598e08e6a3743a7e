#!/usr/bin/python3.11
"""Prints CPython 3.11's AST of a source file as JSON, for the compiler tests to load
before Taipan's own parser is available (and to test the compiler apart from it).

Usage: ast_json.py FILE [FILE...]   (one JSON document per line; {"error": ...} if the
file does not parse). A node is [ClassName, field values..., location attributes...] in
the order of `_fields` then `_attributes`, which is the order of the C# constructors.
Constants are tagged: {"int": "123"}, {"float": "1.5"}, {"complex": ["0.0", "2.0"]},
{"str": "..."} (or {"u16": hex} when the string holds lone surrogates), {"bytes": hex},
{"bool": true}, {"None": 0}, {"Ellipsis": 0}.
"""
import ast
import json
import sys


def const(v):
    if v is None:
        return {"None": 0}
    if v is Ellipsis:
        return {"Ellipsis": 0}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, complex):
        return {"complex": [repr(v.real), repr(v.imag)]}
    if isinstance(v, str):
        try:
            v.encode("utf-8")
            return {"str": v}
        except UnicodeEncodeError:
            return {"u16": v.encode("utf-16-le", "surrogatepass").hex()}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    raise TypeError(type(v))


def node(n):
    out = [type(n).__name__]
    for f in n._fields:
        v = getattr(n, f, None)
        if (isinstance(n, ast.Constant) and f == "value") or (isinstance(n, ast.MatchSingleton) and f == "value"):
            out.append(const(v))
        else:
            out.append(value(v))
    for a in n._attributes:
        out.append(getattr(n, a, None))
    return out


def value(v):
    if isinstance(v, ast.AST):
        return node(v)
    if isinstance(v, list):
        return [value(x) for x in v]
    return v


def main():
    for path in sys.argv[1:]:
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), path)
            print(json.dumps(node(tree), ensure_ascii=False))
        except (SyntaxError, ValueError) as e:
            print(json.dumps({"error": str(e)}))


if __name__ == "__main__":
    main()
