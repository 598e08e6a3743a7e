#!/usr/bin/python3.11
"""Writes tests/Taipan.Syntax.Tests/TokenizerErrorCases.json: what CPython 3.11 does with
small sources that exercise the tokenizer and source decoding.

Each case is (source, tokenizer_error, entry, mode):
  * tokenizer_error True: CPython's error comes from the tokenizer (or the decoder) and Taipan's
    tokenizer must raise exactly it (type, msg, lineno, offset, end_lineno, end_offset, text);
  * tokenizer_error False: Taipan's tokenizer must run to ENDMARKER without error (CPython may
    still fail later, in the parser or the string decoder);
  * entry: "bytes" = compile(bytes) / SourceText.FromBytes, "str" = compile(str) /
    SourceText.FromString, "file" = running the file as a script / SourceText.FromFile;
  * mode: "exec" or "eval" (eval input gets no implicit newline).
Run: /usr/bin/python3.11 tools/tokenizer/gen_error_cases.py"""
import base64
import json
import os
import subprocess
import sys
import tempfile

T, F = True, False
NUM = [
    (b'1_\n', T), (b'0b12\n', T), (b'0o8\n', T), (b'012\n', T), (b'1e\n', T), (b'1e+\n', T),
    (b'1j2\n', T), (b'x = 1a\n', T), (b'0_7\n', T), (b'0x\n', T), (b'0xg\n', T), (b'1__0\n', T),
    (b'1.__0\n', T), (b'1.5x\n', T), (b'0o7x\n', T), (b'0b1x\n', T), (b'0x1x\n', T), (b'0b\n', T),
    (b'0o\n', T), (b'0o_\n', T), (b'0b_2\n', T), (b'0x_\n', T), (b'0x1_\n', T), (b'0o1_8\n', T),
    (b'1_000_\n', T), (b'1.0e5_\n', T), (b'1.0e_5\n', T), (b'00_\n', T), (b'0_0_\n', T),
    (b'0123j_\n', T), (b'1e-x\n', T), (b'x = 0777\n', T), (b'x = 08\n', T), (b'x = 00000\n', F),
    (b'x = 0_0\n', F), (b'09.5\n', F), (b'09e1\n', F), (b'09j\n', F), (b'1.e5j\n', F),
    (b'1_000.000_1e1_0j\n', F), (b'.5\n', F), (b'x = .5j\n', F), (b'1if x else y\n', F),
    (b'0x1for x in y\n', F), (b'1else\n', F), (b'1in x\n', F), (b'[0x1for x in y]\n', F),
    (b'1jif x else y\n', F), (b'1e5and x\n', F), (b'0b1and 1\n', F), (b'1or 2\n', F),
    (b'1not in x\n', F), (b'1is 1\n', F), (b'1ifx\n', F), (b'1andx\n', T), (b'1orx\n', T),
    (b'0o7or 1\n', F), (b'1_0if 1 else 2\n', F), (b'\xc3\xa9 = 1x\n', T), (b'x = 1\xc3\xa9\n', T),
    (b'1.\n', F), (b'1..x\n', F), (b'1.e\n', T), (b'1.j\n', F), (b'1.0.0\n', F), (b'0e0\n', F),
    (b'0.0_1\n', F), (b'1__\n', T), (b'x = 1_2_3.4_5e6_7\n', F), (b'0 if 1 else 2\n', F),
    (b'0x_1\n', F), (b'0o_1\n', F), (b'0b_1\n', F), (b'0B1\n', F), (b'0O7\n', F), (b'0XfF\n', F),
]
STR = [
    (b'x = "abc\n', T), (b"x = '''abc\nde\n", T), (b'x = """a', T), (b'x = "a', T),
    (b'x = "a\\\nb"\n', F), (b'x = "a\\\nb\n', T), (b'x = rb"\\"\n', T), (b'x = rb"\\""\n', F),
    (b'x = f"{x}" F"" fr"" Rf"" rB"" Br"" u"" U"" b"" R""\n', F), (b'x = ur""\n', F),
    (b'x = bu""\n', F), (b'x = fb""\n', F), (b'x = """a""""\n', T), (b'x = """\n\n\n', T),
    (b"x = ''\n", F), (b"x = ''''''\n", F), (b'x = "\\\\"\n', F), (b'\xc3\xa9 = "abc\n', T),
    (b'x = (\n"abc\n', T), (b'x = """abc\\', T), (b'x = "\\', T), (b'x = 1\ny = "\n', T),
    (b'x = """\xc3\xa9\nabc', T), (b'x = f"\n"\n', T), (b'x = "a" "b\n', T),
]
INDENT = [
    (b'if x:\n  y\n z\n', T), (b'if x:\n\ty\n        z\n', T), (b'if x:\n        y\n\tz\n', T),
    (b'if x:\n    y\n\tz\n', T), (b'if x:\n\ty\n\tz\n', F), (b'if x:\n\tif y:\n\t\tz\n', F),
    (b'if x:\n \ty\n\t z\n', T), (b'if x:\n\t\ty\n \t\tz\n', T), (b'if 1:\n  \\\n  x\n', F),
    (b'if 1:\n    \\\n  x\n', F), (b'x = 1\n\\\n\n', F), (b'\\\nx=1\n', F),
    (b'if 1:\n  x\n  \\\ny\n', F), (b'x = 1\n    \\', T), (b'x = 1\n  \\ \n', T),
    (b'if x:\n  y\n\x0c z\n', T), (b'if x:\n  y\n \x0c z\n', T), (b'if x:\n  y\n  \x0c\n z\n', T),
    (b'if x:\n  y\n  # c\n z\n', T), (b'if x:\n  y\n    # c\n  z\n', F), (b'if x:\n  y\n\n\n', F),
    (b'if x:\n  if y:\n    z\n w\n', T), (b'if x:\n  y\n\tz\n', T), (b'if x:\n        y\n\t\tz\n', T),
    (b'\tif x:\n\t\ty\n', F), (b'if x:\n\ty\n' + b' ' * 8 + b'\n', F),
    (b''.join(b' ' * i + b'if 1:\n' for i in range(100)) + b' ' * 100 + b'x\n', T),
    (b''.join(b' ' * i + b'if 1:\n' for i in range(99)) + b' ' * 99 + b'x\n', F),
    (b''.join(b'\t' * i + b'if 1:\n' for i in range(101)) + b'\t' * 101 + b'x\n', T),
]
BRACKET = [
    (b'x = (1,\n', T), (b'x = (1,', T), (b'x = (1,]\n', T), (b'x = (1,\n]\n', T), (b'x)\n', T),
    (b'x = (1,\n\n', T), (b'x = (1,\ny = 2\n', T), (b'x = {[(\n', T), (b'x = [1,\n2,\n(3,\n', T),
    (b'\xc3\xa9 = (1,\n', T), (b'\xef\xbb\xbf\xc3\xa9 = (1,\n', T), (b'\xc3\xa9 = (1,\n\n', T),
    (b'x = (' * 1 + b'(' * 199 + b'\n', T), (b'x = ' + b'(' * 201, T), (b'(' * 200, T),
    (b'(' * 199 + b')' * 199 + b'\n', F), (b'x = (1 +\n  2)\n', F), (b']\n', T), (b'}\n', T),
    (b'x = {1: 2)\n', T), (b'x = [\n\n\n)\n', T), (b'(\n  # c\n)\n', F), (b'f(a,\n  \\\n b)\n', F),
    (b'(\xc3\xa9,\n\xc3\xa9]\n', T), (b'\xc3\xa9(]\n', T), (b'x = (1, \\\n 2)\n', F),
    (b'x = (1, \\ 2)\n', T), (b'x = (\n  1 \\', T),
]
CONT = [
    (b'x = 1 \\ y\n', T), (b'x = 1 \\', T), (b'x = 1 \\\n', T), (b'x = 1 \\\n\n', F),
    (b'"""abc\n""" \\ y\n', T), (b'\xc3\xa9\\ x\n', T), (b'\xef\xbb\xbf\xc3\xa9\\ x\n', T),
    (b'x = 1 + \\\n  2\n', F), (b'x = 1 + \\\n\\\n  2\n', F), (b'x \\\n\n', F),
    (b'x = 1 + \\\n  2 \\ 3\n', T), (b'\\', T), (b'\\\n', T), (b'\\ \n', T),
]
IDENT = [
    (b'x = \xe2\x82\xac\n', T), (b'x = a\xc2\xa0b\n', T), (b'x = a\xe2\x82\xac\n', T),
    (b'x = \xc3\xa9\xe2\x82\xacb\n', T), (b'\xe2\x82\xac', T), (b'\xcc\x81x = 1\n', T),
    (b'x\xcc\x81 = 1\n', F), (b'\xc3\xa9t\xc3\xa9 = 1\n', F), (b'\xf0\x9d\x94\x98 = 1\n', F),
    (b'x = \xe2\x80\x8b\n', T), (b'x = a\xe2\x80\x8bb\n', T), (b'\xef\xbc\xa1 = 1\n', F),
    (b'x = 1\n\xff\n', T), (b'x = \xff\xfe\n', T), (b'x = 1\n\n\n\xc3\n', T),
    (b'x = a\xe0\x80b\n', T), (b'x = a\xed\xa0\x80\n', T), (b'x = \xf4\x90\x80\x80\n', T),
    (b'x = \xc3(\n', T), (b'# \xff\nx=1\n', F), (b'x = "\xff"\n', F), (b'x = $\n', F),
    (b'x = ?\n', F), (b'x = !\n', F), (b'x = `\n', F), (b'a <> b\n', F), (b'x = a\xc2\xb2\n', T),
    (b'x = \xc2\xb2\n', T), (b'x = \xe2\x85\xa0\n', F), (b'\xe2\x84\x98 = 1\n', F),
    (b'x = \xef\xbb\xbf\n', T), (b'\xef\xbb\xbf\xef\xbb\xbfx = 1\n', T), (b'x\x7f = 1\n', F),
    (b'x = \x01\n', F), (b'x = a\xe3\x80\x80b\n', T), (b'x = a\xe2\x82\xacb\xff\n', T),
    (b'x = \xe2\x82\xac\xc3\n', T), (b'x = ab\xf0\x9f\x98\n', T), (b'x = \xe2\x82x\n', T), (b'x = \xe0\x80\n', T), (b'x = \xf0\x9f\x98x\n', T),
    (b'x = \xf4\x8f\xbf\n', T), (b'x = a\x80\n', T), (b'x = \xf5\n', T), (b'x = \xed\x9f\n', T), (b'x = \xc3\xa9\xc3\xa9\xe9t\xc3\xa9\n', T),
]
ENC = [
    (b'# coding: foo\nx=1\n', T), (b'# coding: latin-1\nx="\xff"\n', F),
    (b'\xef\xbb\xbf# coding: latin-1\nx=1\n', T), (b'\xef\xbb\xbf# coding: utf-8\nx=1\n', F),
    (b'\xef\xbb\xbfx="\xff"\n', F), (b'# coding: ascii\nx="\xff"\n', T),
    (b'x=1\n# coding: latin-1\n', F), (b'\n# coding: latin-1\nx="\xff"\n', F),
    (b'# coding: uTf_8\nx="\xe9"\n', F), (b'# vim: set fileencoding=latin-1 :\nx="\xff"\n', F),
    (b'#!/usr/bin/python\n# -*- coding: cp1252 -*-\nx="\x80"\n', F),
    (b'# coding: latin-1\n\xe9 = 1\n', F), (b'# coding: latin-1\n\xe9 = 1x\n', T),
    (b'# coding: iso-8859-15\nx = "\xa4"\n', F), (b'# coding: koi8-r\n\xc1 = 1\n', F),
    (b'# coding: latin1\nx = "\xff"\n', F), (b'# coding=latin-1\nx = "\xff"\n', F),
    (b'#coding:latin-1\nx = "\xff"\n', F), (b'  # coding: latin-1\nx = "\xff"\n', F),
    (b'x = 1 # coding: latin-1\nx = "\xff"\n', F), (b'\xef\xbb\xbf\n# coding: latin-1\n', T),
    (b'# coding: Latin-1-foo\nx = "\xff"\n', F), (b'# coding: utf-8-foo\nx = 1\n', F),
    (b'\xef\xbb\xbf# coding: UTF_8\nx=1\n', F), (b'# coding: \nx = 1\n', F),
    (b'# -*- coding: latin-1 -*-\r\nx = "\xff"\r\n', F), (b'# coding: euc-jp\nx = "\xa4\xa2"\n', F),
    (b'# coding: shift_jis\nx = "\x82\xa0"\n', F), (b'# coding: ascii\n\xe9 = 1\n', T),
    (b'# coding: euc-jp\nx = "\xa4"\n', T), (b'# coding: shift_jis\nx = "\x82"\n', T),
    (b'# coding: utf-16\nx=1\n', T), (b'# coding: gbk\nx = "\x81 "\n', T), (b'# coding: koi8-r\nx = 1\n', F),
    (b'# coding: big5\nx = "\x81\x20"\n', T), (b'# coding: iso-8859-6\nx = "\xa1"\n', T),
    (b'# coding: hex\nx = 1\n', T), (b'# coding: rot13\nx = 1\n', T), (b'# coding: mbcs\nx = 1\n', T),
    (b'# coding: cp65001\nx = "\xc3\xa9"\n', F), (b'# coding: utf-8-sig\nx = 1\n', F),
    (b'# coding: utf8\nx = "\xff"\n', T), (b'# coding: utf8\nx = "\xe2\x82"\n', T), (b'# coding: latin9\nx = "\xa4"\n', F),
    (b'# coding: cp437\nx = "\x80"\n', F), (b'# coding: mac-roman\nx = "\x80"\n', F), (b'# coding: windows-1251\nx = "\x98"\n', T),
    (b'# coding: us-ascii\nx = 1\n', F), (b'# coding: utf-32\nx = 1\n', T), (b'# coding: base64\nx = 1\n', T),
    (b'x = "\xe9"\r\ny = 1\rz = 2', F), (b'"""\r\n', T), (b'x = (\r\n', T), (b'x = (1,\r\n\r\n', T),
    (b'x = "\r\n', T), (b'"""\r', T), (b'"""\n\r\n', T), (b'# coding: cp1252\nx = "\x81"\n', T),
]
MISC = [
    (b'', F), (b'\n', F), (b'x', F), (b'   ', F), (b'# only\n', F), (b'  # only', F),
    (b'if x:\n  y', F), (b'x = 1\r\ny = 2\r\n', F), (b'x = 1\ry = 2\r', F), (b'\x0c\nx = 1\n', F),
    (b'x = 1;;\n', F), (b'x -> y := z ... @= //= **= >>= <<= != == <= >=\n', F),
]
EVAL = [(b'1 +', F), (b'(1,', T), (b'"abc', T), (b'1 \\', T), (b'1 # c', F), (b'1\n\n', F),
        (b'x $', F), (b'"""a\nb', T)]
STR_ENTRY = [(b'# coding: latin-1\nx = "\xc3\xa9"\n', F), (b'\xc3\xa9 = (1,\n', T),
             (b'\xc3\xa9\\ x\n', T), (b'x = \xe2\x82\xac\n', T), (b'\xc3\xa9\xc3\xa9 = 0x\n', T),
             (b'if x:\n  y\n\xc3\xa9\xc3\xa9\n', F), (b'\xc3\xa9 = 1 \\\n', T),
             (b'\xef\xbb\xbfx=1\n', T), (b'x = 1\n\xef\xbb\xbf\n', T), (b'# coding: foo\nx = 1\n', F),
             (b'x = 1\r\ny = (\r\n', T), (b'', F), (b'\xc3\xa9\xc3\xa9 = (1,\n\n', T)]
FILE_ENTRY = [(b'x = 1\n\xff\n', T), (b'x = "\xff"\n', T), (b'# \xff\nx=1\n', T),
              (b'x = 1\n\n\n\xc3\n', T), (b'# coding: foo\nx=1\n', T), (b'# coding: ascii\nx="\xff"\n', T),
              (b'\xef\xbb\xbf# coding: latin-1\nx=1\n', T), (b'# coding: latin-1\nx="\xff"\n', F),
              (b'x = 1\n# \xe9\xe9\n', T), (b'x = "\xed\xa0\x80"\n', T), (b'x = "\xf8\x88\x80\x80\x80"\n', T),
              (b'if x:\n', F), (b'x = 1 \\\n', T), (b'x = (1,\n', T), (b'if x:\n  y\n z\n', T),
              (b'x = "abc\n', T), (b'if x:\n\ty\n        z\n', T), (b'x = 1 \\ y\n', T),
              (b'"""abc\n""" \\ y\n', T), (b'x = (1,\n\n', T), (b'\xc3\xa9 = (1,\n', T),
              (b'\xef\xbb\xbf\xc3\xa9 = (1,\n', T), (b'x = 1 \\', T), (b'x = (1,', T),
              (b'x = 1\0junk\nx = 0777\n', T), (b'x = 1\0junk\n\xe9 = 1x\n', T),
              (b'#\xff\n# coding: latin-1\nx=1\n', T), (b'# coding: utf-8\n# \xff\n', F),
              (b'x = 1\n# coding: latin-1\n\xff = 2\n', T), (b'# coding: latin-1\n# coding: foo\n', F),
              (b'\xef\xbb\xbf# \xff\n', F), (b'0x\n\xff\n', T), (b'x = """\n\xff"""\n', T), (b'x = 1\n\xed\xa0\x80\n', T),
              (b'x = 1\n\xe0\x80\x80\n', T), (b'x = 1\n\xf4\x90\x80\x80\n', T), (b'x = 1\n\xe2\x82\n', T),
              (b'# coding: ascii\n0x\n\xff\n', T), (b'\xef\xbb\xbfx = (\n', T), (b'# coding: latin-1\n\xe9 = (\n', T)]


def attrs(e):
    return {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
            'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}


HOOK = '''import sys, json
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        print(json.dumps({'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
            'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}))
    else:
        print(json.dumps(None))
sys.excepthook = hook
'''


def run_file(src, tmp):
    path = os.path.join(tmp, 'case.py')
    with open(path, 'wb') as f:
        f.write(src)
    env = dict(os.environ, PYTHONPATH=os.path.join(tmp, 'hook'))
    p = subprocess.run(['/usr/bin/python3.11', path], capture_output=True, text=True, env=env)
    out = p.stdout.strip()
    if not out:
        return None, path
    return json.loads(out.splitlines()[-1]), path


def main():
    cases = []
    groups = [('num', NUM), ('str', STR), ('indent', INDENT), ('bracket', BRACKET), ('cont', CONT),
              ('ident', IDENT), ('enc', ENC), ('misc', MISC)]
    for gname, group in groups:
        for src, tok in group:
            cases.append((gname, src, tok, 'bytes', 'exec'))
    for src, tok in EVAL:
        cases.append(('eval', src, tok, 'bytes', 'eval'))
    for src, tok in STR_ENTRY:
        cases.append(('strentry', src, tok, 'str', 'exec'))
    for src, tok in FILE_ENTRY:
        cases.append(('file', src, tok, 'file', 'exec'))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, 'hook'))
        with open(os.path.join(tmp, 'hook', 'sitecustomize.py'), 'w') as f:
            f.write(HOOK)
        cwd = os.getcwd()
        os.chdir(tmp)  # so that no file named like the case exists in the current directory
        for i, (gname, src, tok, entry, mode) in enumerate(cases):
            filename = 'nofile_%d.py' % i
            err = None
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                try:
                    if entry == 'bytes':
                        compile(src, filename, mode)
                    elif entry == 'str':
                        compile(src.decode('utf-8'), filename, mode)
                except SyntaxError as e:
                    err = attrs(e)
            if entry == 'file':
                err, filename = run_file(src, tmp)
                if err and err['msg'].startswith('Non-UTF-8'):
                    err['msg'] = err['msg'].replace(filename, '{filename}')
                filename = '{filename}'
            if tok and err is None:
                sys.exit('case %r: expected an error from CPython' % src)
            out.append({'name': '%s_%d' % (gname, i), 'entry': entry, 'mode': mode,
                        'filename': filename, 'source': base64.b64encode(src).decode(),
                        'tokenizerError': tok, 'cpython': err})
        os.chdir(cwd)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, 'tests', 'Taipan.Syntax.Tests', 'TokenizerErrorCases.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(path, len(out))


if __name__ == '__main__':
    main()
