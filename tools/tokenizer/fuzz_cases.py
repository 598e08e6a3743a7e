#!/usr/bin/python3.11
"""Differential fuzzing of the tokenizer: writes random small sources with CPython 3.11's
verdict to a JSON file in the format of tests/Taipan.Syntax.Tests/TokenizerErrorCases.json,
for `TokDump --cases FILE`. A case expects a tokenizer error when CPython's message is one the
tokenizer produces; when compile() succeeds the tokenizer must too; other failures (parser
errors) are left out.
Usage: /usr/bin/python3.11 tools/tokenizer/fuzz_cases.py COUNT SEED OUT.json [lines|bytes|file]"""
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import warnings

FRAGMENTS = ['x', 'y', '1', '0', '0x', '0o', '0b', '1e', '1_', '_', '.', '5', 'j', 'if', 'else', 'for',
             'in', 'and', 'or', 'not', "'", '"', "'''", '"""', 'r', 'b', 'f', 'u', '\\', '\n', '\n',
             ' ', ' ', '  ', '\t', '\f', '(', ')', '[', ']', '{', '}', '#c', '# type: int', ':', '=',
             '+', '-', '*', '<', '>', '!', '$', 'if x:\n', '    ', 'é', '€', '\xa0', '\u200b',
             '\U0001d518', '\u0301', 'pass', '\r\n', '\r', 'a', 'e', 'E', '+', '9', '8', '00', ',']
TOKENIZER_MESSAGES = (
    'unterminated ', 'invalid decimal literal', 'invalid hexadecimal literal', 'invalid octal literal',
    'invalid binary literal', 'invalid imaginary literal', "invalid digit '", 'leading zeros',
    'invalid character', 'invalid non-printable character', 'unmatched ', 'closing parenthesis',
    'too many nested parentheses', 'unexpected character after line continuation',
    'unexpected EOF while parsing', 'was never closed', 'unindent does not match',
    'inconsistent use of tabs', 'too many levels of indentation', '(unicode error)', 'Non-UTF-8 code')


INDENTS = ['', '', ' ', '  ', '    ', '\t', ' \t', '\t ', '        ', '\t\t', '\f', '  \f ']
STATEMENTS = ['x', 'if x:', 'pass', 'x = (', ')', '# c', '', 'y = [1,', '2]', '"""', 'def f():', '\\',
              'x = 1 \\', 'else:', '}', 'z = {', "'a'", 'for x in y:', '1if x else 2', 'while 1:']


def lines(rnd):
    """Lines of plausible statements under random indentation: the indentation and bracket
    errors, which the parser rarely lets through otherwise."""
    return ''.join(rnd.choice(INDENTS) + rnd.choice(STATEMENTS) + rnd.choice(['\n', '\n', '\n', '\r\n', ''])
                   for _ in range(rnd.randint(1, 8)))


RAW = [b'\xff', b'\xc3', b'\xe2\x82', b'\xf0\x9f\x98', b'\x80', b'\xed\xa0\x80', b'\xc3\xa9', b'\xe0\x80']


def raw_bytes(rnd):
    """Fragments without quotes mixed with invalid UTF-8: every bad byte is in an identifier
    or a comment, so that CPython's "(unicode error)" comes from the tokenizer."""
    frags = [f.encode('utf-8') for f in FRAGMENTS if "'" not in f and '"' not in f] + RAW * 3
    return b''.join(rnd.choice(frags) for _ in range(rnd.randint(1, 12)))


HOOK = """import sys, json
def hook(t, e, tb):
    d = None
    if isinstance(e, SyntaxError):
        d = {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
             'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}
    print(json.dumps(d))
sys.excepthook = hook
"""


def attrs(e):
    return {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
            'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}


def run_file(data, tmp):
    """Runs the source as a script (the C file reader) with an excepthook printing the error."""
    path = os.path.join(tmp, 'case.py')
    with open(path, 'wb') as f:
        f.write(data)
    env = dict(os.environ, PYTHONPATH=os.path.join(tmp, 'hook'))
    p = subprocess.run(['/usr/bin/python3.11', path], capture_output=True, text=True, env=env)
    out = p.stdout.strip().splitlines()
    return (json.loads(out[-1]) if out else None), path


def main():
    count, seed, out_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    kind = sys.argv[4] if len(sys.argv) > 4 else ''
    rnd = random.Random(seed)
    cases = []
    tmp = tempfile.mkdtemp()
    os.mkdir(os.path.join(tmp, 'hook'))
    with open(os.path.join(tmp, 'hook', 'sitecustomize.py'), 'w') as f:
        f.write(HOOK)
    os.chdir(tmp)
    warnings.simplefilter('ignore')
    for i in range(count):
        if kind == 'lines':
            data = lines(rnd).encode('utf-8')
        elif kind in ('bytes', 'file'):
            data = raw_bytes(rnd) if rnd.random() < 0.5 else lines(rnd).encode('utf-8')
        else:
            data = ''.join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(1, 14))).encode('utf-8')
        mode = 'exec' if kind == 'file' or rnd.random() < 0.85 else 'eval'
        entry = 'file' if kind == 'file' else 'str' if kind != 'bytes' and rnd.random() < 0.3 else 'bytes'
        filename = 'nofile.py'
        try:
            if entry == 'file':
                err, filename = run_file(data, tmp)
                if err and err['msg'].startswith('Non-UTF-8'):
                    err['msg'] = err['msg'].replace(filename, '{filename}')
                filename = '{filename}'
            else:
                compile(data if entry == 'bytes' else data.decode('utf-8'), filename, mode)
                err = None
        except SyntaxError as e:
            err = attrs(e)
        except (ValueError, MemoryError, RecursionError):
            continue
        if err is not None and not err['msg'].startswith(TOKENIZER_MESSAGES):
            continue
        cases.append({'name': 'fuzz_%d' % i, 'entry': entry, 'mode': mode, 'filename': filename,
                      'source': base64.b64encode(data).decode(), 'tokenizerError': err is not None,
                      'cpython': err})
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(cases, f, ensure_ascii=False)
    print(len(cases), 'cases')


if __name__ == '__main__':
    main()
