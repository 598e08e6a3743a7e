#!/usr/bin/python3.11
"""Every .py file under ROOT with CPython's compile() verdict, as a case file for
`TokDump --cases`: files that compile must tokenize cleanly; files that fail with a tokenizer
or decoding message must fail identically. Files failing in the parser are left out (listed on
stderr). One expected difference: test/badsyntax_pep3120.py fails with "(unicode error)"
from its string literal, which the string parser reports, not the tokenizer.
Usage: /usr/bin/python3.11 tools/tokenizer/stdlib_compile_cases.py ROOT OUT.json"""
import base64
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzz_cases import TOKENIZER_MESSAGES  # noqa: E402


def main():
    root, out_path = sys.argv[1], sys.argv[2]
    warnings.simplefilter('ignore')
    cases = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for fn in sorted(files):
            if not fn.endswith('.py'):
                continue
            path = os.path.join(d, fn)
            with open(path, 'rb') as f:
                data = f.read()
            # A file name that does not exist keeps CPython from reading error lines from disk.
            filename = path + '.nofile'
            try:
                compile(data, filename, 'exec', dont_inherit=True)
                err = None
            except SyntaxError as e:
                err = {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                       'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}
            except (ValueError, RecursionError, MemoryError) as e:
                print('skipped', path, type(e).__name__, e, file=sys.stderr)
                continue
            if err is not None and not err['msg'].startswith(
                    TOKENIZER_MESSAGES + ('unknown encoding', 'encoding problem')):
                print('parser error', path, err['msg'], file=sys.stderr)
                continue
            cases.append({'name': path, 'entry': 'bytes', 'mode': 'exec', 'filename': filename,
                          'source': base64.b64encode(data).decode(), 'tokenizerError': err is not None,
                          'cpython': err})
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(cases, f, ensure_ascii=False)
    print(len(cases), 'cases,', sum(1 for c in cases if c['cpython']), 'with errors')


if __name__ == '__main__':
    main()
