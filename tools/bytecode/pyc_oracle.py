"""CPython 3.11's answers about .pyc files, for Taipan.Bytecode.Tests (PycTests).

  pyc_oracle.py hash              stdin: record stream (see stdlib_code.py); stdout: one line per
                                  record, importlib.util.source_hash(data).hex()
  pyc_oracle.py names             stdin: JSON list of {"fn": "cache"|"source", "path", "opt",
                                  "prefix"}; stdout: JSON list of results or "Error: message",
                                  with sys.implementation.cache_tag = "taipan-311", cwd = /tmp
  pyc_oracle.py header            stdin: JSON list of {"data": hex, "name", "mtime", "size",
                                  "hash": hex or null}; stdout: JSON list of outcomes of
                                  _classify_pyc then _validate_timestamp_pyc / _validate_hash_pyc
  pyc_oracle.py compile SRC PYC MODE   py_compile SRC to PYC with invalidation MODE
                                  (timestamp, checked-hash, unchecked-hash)
  pyc_oracle.py compile-many DIR N    py_compile the first N top-level stdlib modules into
                                  DIR/<name>.pyc (timestamp mode); print their source paths
  pyc_oracle.py run PYC           load PYC with SourcelessFileLoader, execute it, print repr(RESULT)
"""
import importlib.util
import json
import os
import py_compile
import sys
from importlib import _bootstrap_external as be
from importlib.machinery import SourcelessFileLoader


def outcome(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def main():
    mode = sys.argv[1]
    if mode == "hash":
        data = sys.stdin.buffer.read()
        i = 0
        while i < len(data):
            n = int.from_bytes(data[i:i + 4], "little")
            i += 4 + n
            m = int.from_bytes(data[i:i + 4], "little")
            print(importlib.util.source_hash(data[i + 4:i + 4 + m]).hex())
            i += 4 + m
    elif mode == "names":
        sys.implementation.cache_tag = "taipan-311"
        os.chdir("/tmp")
        out = []
        for case in json.load(sys.stdin):
            sys.pycache_prefix = case.get("prefix")
            if case["fn"] == "cache":
                out.append(outcome(lambda: importlib.util.cache_from_source(case["path"], optimization=case["opt"])))
            else:
                out.append(outcome(lambda: importlib.util.source_from_cache(case["path"])))
        print(json.dumps(out))
    elif mode == "header":
        out = []
        for case in json.load(sys.stdin):
            data = bytes.fromhex(case["data"])
            details = {"name": case["name"], "path": "x.pyc"}

            def check():
                flags = be._classify_pyc(data, case["name"], details)
                if flags & 1:
                    be._validate_hash_pyc(data, bytes.fromhex(case["hash"]), case["name"], details)
                else:
                    be._validate_timestamp_pyc(data, case["mtime"], case["size"], case["name"], details)
                return f"ok {flags}"
            out.append(outcome(check))
        print(json.dumps(out))
    elif mode == "compile":
        src, pyc, inv = sys.argv[2:5]
        m = {"timestamp": py_compile.PycInvalidationMode.TIMESTAMP,
             "checked-hash": py_compile.PycInvalidationMode.CHECKED_HASH,
             "unchecked-hash": py_compile.PycInvalidationMode.UNCHECKED_HASH}[inv]
        py_compile.compile(src, cfile=pyc, invalidation_mode=m, doraise=True)
    elif mode == "compile-many":
        import glob
        out_dir, n = sys.argv[2], int(sys.argv[3])
        for path in sorted(glob.glob("/usr/lib/python3.11/*.py"))[:n]:
            name = os.path.basename(path)[:-3]
            py_compile.compile(path, cfile=os.path.join(out_dir, name + ".pyc"), doraise=True)
            print(path)
    elif mode == "run":
        loader = SourcelessFileLoader("m", sys.argv[2])
        code = loader.get_code("m")
        ns = {"__name__": "m"}
        exec(code, ns)
        print(repr(ns.get("RESULT")))


main()
