#!/usr/bin/python3.11
"""Differential fuzzing of the tokenizer: writes random small sources with CPython 3.11's
verdict to a JSON file in the format of tests/Taipan.Syntax.Tests/TokenizerErrorCases.json,
for `TokDump --cases FILE`. A case expects a tokenizer error when CPython's message is one the
tokenizer produces; when compile() succeeds the tokenizer must too; other failures (parser
errors) are left out.
Usage: /usr/bin/python3.11 tools/tokenizer/fuzz_cases.py COUNT SEED OUT.json [lines|bytes]"""
import base64
import json
import os
import random
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
    'inconsistent use of tabs', 'too many levels of indentation', '(unicode error)')


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


def main():
    count, seed, out_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    use_lines = len(sys.argv) > 4 and sys.argv[4] == 'lines'
    use_bytes = len(sys.argv) > 4 and sys.argv[4] == 'bytes'
    rnd = random.Random(seed)
    cases = []
    tmp = tempfile.mkdtemp()
    os.chdir(tmp)
    warnings.simplefilter('ignore')
    for i in range(count):
        if use_lines:
            data = lines(rnd).encode('utf-8')
        elif use_bytes:
            data = raw_bytes(rnd)
        else:
            data = ''.join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(1, 14))).encode('utf-8')
        mode = 'exec' if rnd.random() < 0.85 else 'eval'
        try:
            compile(data, 'nofile.py', mode)
            err = None
        except SyntaxError as e:
            err = {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                   'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}
        except (ValueError, MemoryError, RecursionError):
            continue
        if err is not None and not err['msg'].startswith(TOKENIZER_MESSAGES):
            continue
        cases.append({'name': 'fuzz_%d' % i, 'entry': 'bytes', 'mode': mode, 'filename': 'nofile.py',
                      'source': base64.b64encode(data).decode(), 'tokenizerError': err is not None,
                      'cpython': err})
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(cases, f, ensure_ascii=False)
    print(len(cases), 'cases')


if __name__ == '__main__':
    main()
